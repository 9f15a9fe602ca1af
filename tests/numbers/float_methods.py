# float construction, methods and special methods
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(float('nan'), float('1e500'), float('-1e500'), float('inf'), float('-Infinity'), float(' 1.5 '))
print(float('1_000.5'), float('.5'), float('5.'), float('-0'), float('0x10'.replace('0x', '')), float(10**20))
print(float(), float(True), float(-7), float('1e-400'), float('4.9e-324'), float(b'2.5'))
t(lambda: float('abc'))
t(lambda: float(''))
t(lambda: float('1__0'))
t(lambda: float(None))
t(lambda: float([]))
t(lambda: float(10**400))
t(lambda: float('0x10'))
print((1.0).is_integer(), (1.5).is_integer(), float('inf').is_integer(), float('nan').is_integer())
print((1.0).hex(), (-0.1).hex(), (0.0).hex(), float('inf').hex(), (5e-324).hex(), (1.7976931348623157e308).hex())
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-1074'), float.fromhex('inf'), float.fromhex(' 0x10 '))
t(lambda: float.fromhex('0x1p2000'))
t(lambda: float.fromhex('xyz'))
print((0.5).as_integer_ratio(), (-2.75).as_integer_ratio(), (0.1).as_integer_ratio(), (1e20).as_integer_ratio())
t(lambda: float('nan').as_integer_ratio())
t(lambda: float('inf').as_integer_ratio())
print((2.5).conjugate(), (2.5).real, (2.5).imag, float.__getformat__('double'))
t(lambda: float.__getformat__('x'))
print(float.__add__(1.5, 2), float.__radd__(1.5, 2), float.__sub__(1.5, True), float.__rsub__(1.5, 2))
print(float.__mul__(1.5, 2), float.__truediv__(1.0, 4), float.__rtruediv__(4.0, 1), float.__floordiv__(7.5, 2))
print(float.__mod__(-7.5, 2), float.__rmod__(2.0, 7), float.__rfloordiv__(2.0, 7), float.__pow__(2.0, 0.5))
print(float.__divmod__(7.5, 2), float.__rdivmod__(3.0, 10), float.__divmod__(-7.5, 2), float.__rpow__(2.0, 3))
print(float.__add__(1.0, 'x'), float.__add__(1.0, 1j), float.__eq__(1.0, 1), float.__eq__(1.0, 'a'))
print(float.__lt__(1.0, 2), float.__le__(1.0, 1), float.__gt__(1.5, 1), float.__ge__(0.5, 1), float.__ne__(1.0, 1))
print(float.__neg__(1.5), float.__pos__(-0.0), float.__abs__(-2.5), float.__bool__(0.0), float.__bool__(-0.1))
print(float.__int__(-3.9), float.__trunc__(3.9), float.__floor__(-3.5), float.__ceil__(-3.5), float.__float__(2.5))
print(float.__round__(2.5), float.__round__(3.5), float.__round__(-0.5), float.__round__(2.675, 2), float.__round__(1.5, None))
print(float.__round__(1234.5678, -2), float.__round__(0.125, 2), float.__round__(1e300, -400), float.__round__(5e-324, 400))
print(float.__hash__(1.0), float.__hash__(1.5), float.__hash__(-1.0), float.__hash__(float('inf')), float.__hash__(-float('inf')))
print(float.__repr__(0.1), float.__repr__(1e16), float.__repr__(1e-5), float.__format__(3.14159, '.2f'), float.__format__(2.5, ''))
print(float.__getnewargs__(1.5), float.__floor__(1e20), float.__trunc__(-1e20))
t(lambda: float.__add__(1, 2))
t(lambda: float.__neg__())
t(lambda: float.__neg__(1))
t(lambda: float.__hash__(1))
t(lambda: float.__floor__(float('nan')))
t(lambda: float.__ceil__(float('inf')))
t(lambda: float.__int__(float('-inf')))
t(lambda: float.__round__(float('inf')))
t(lambda: float.__round__(float('nan')))
t(lambda: float.__round__(float('inf'), 2))
t(lambda: float.__round__(1.5, 1.0))
t(lambda: float.__round__(1.5, 1, 2))
t(lambda: float.__truediv__(1.0, 0))
t(lambda: float.__floordiv__(1.0, 0.0))
t(lambda: float.__mod__(1.0, 0.0))
t(lambda: float.__divmod__(1.0, 0.0))
t(lambda: float.__rdivmod__(0.0, 1))
t(lambda: float.__pow__(0.0, -1))
t(lambda: float.__pow__(2.0, 3, 4))
t(lambda: float.__pow__(10.0, 400))
t(lambda: float.__format__(1.0, 'd'))
t(lambda: float.__format__(1.0, 5))
print(float.__pow__(-8.0, 1/3))
print(round(2.5), round(-0.5), round(0.5), round(1.5), round(-1.5), round(3.14159, 2), round(2.675, 2))
print(round(1234.5, -1), round(-0.0), round(1e300, 2), round(5e-324, 2), round(0.5, 0), round(-0.5, 0))
t(lambda: round(float('nan')))
t(lambda: round(float('inf')))
print(1.0 / 3, 2 / 3, 1e300 * 1e10, -1e300 * 1e10, 0.1 + 0.2, 1e16 + 1, 3 * 1.1)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2), 5.0 // 0.1, 5.0 % 0.1)
print(-0.0, 0.0 * -1, abs(-0.0), -0.0 == 0.0, 1e308 * 10 == float('inf'), float('nan') != float('nan'))
print(2.0 ** -1, (-2.0) ** 3, (-8) ** (1/3), 0.0 ** 0, 10.0 ** -400, 1.5 ** 2)
print(1e22, 1e21, 123456789012345678.0, 0.1, 1/3, 2e-7, 100.0, 1.5e300, 12345.678e-20)

class F(float):
    def __round__(self, n=None):
        return 'rounded'
    def __add__(self, other):
        return super().__add__(other) * 2
    def __repr__(self):
        return 'F(' + super().__repr__() + ')'
f = F(1.5)
print(f + 1, 1 + f, round(f), repr(f), str(f), f * 2, -f, abs(F(-2.0)), float(f), type(float(f)).__name__)
print(int(f), f.is_integer(), f.hex(), f == 1.5, hash(f) == hash(1.5), f'{f:.3f}', f > 1, F('2.5'))
class G(float):
    pass
g = G(2.5)
print(round(g), round(g, 0), g.__round__(), math_floor := __import__('math').floor(g), type(g + 1).__name__)

# Zero to an infinite power follows C99 pow; only a finite negative power divides by zero.
inf = float('inf')
print(pow(0.0, inf), pow(0.0, -inf), 0.0 ** -inf, (-0.0) ** -inf)
try:
    0.0 ** -1.5
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)

# Constant tuples keep the sign of zero apart (0.0 == -0.0, but they are different constants).
import math
for x, y in [(1.0, 0.0), (1.0, -0.0), (-0.0, 0.0)]:
    print(x, y, math.copysign(1.0, y))
print(((1, -0.0), (1, 0.0)), (0.0j,), (-0.0j,))
