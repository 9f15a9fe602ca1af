# Special methods of int and bool called through the class, bound, and via super().
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(int.__add__(1, 2), int.__sub__(1, 2), int.__mul__(3, 4))
print(int.__truediv__(1, 2), int.__floordiv__(7, 2), int.__mod__(-7, 2))
print(int.__radd__(1, 2), int.__rsub__(1, 10), int.__rmul__(3, 4))
print(int.__rtruediv__(2, 1), int.__rfloordiv__(2, 7), int.__rmod__(2, -7))
print(int.__lshift__(1, 10), int.__rlshift__(10, 1), int.__rshift__(1024, 3), int.__rrshift__(3, 1024))
print(int.__and__(12, 10), int.__or__(12, 10), int.__xor__(12, 10))
print(int.__rand__(12, 10), int.__ror__(12, 10), int.__rxor__(12, 10))
print(int.__pow__(2, 10), int.__pow__(2, 10, 1000), int.__rpow__(10, 2), int.__rpow__(3, 2, 5))
print(int.__pow__(2, -1), int.__pow__(2, -1, 5), int.__pow__(-2, 3, -5))
print(int.__divmod__(7, 2), int.__divmod__(-7, 2), int.__rdivmod__(2, 7), int.__divmod__(10**20, 7))
print((5).__add__(2.0), (5).__radd__('x'), (5).__mul__([1]), (5).__eq__(5.0))
print(int.__add__(10**30, 1), int.__mul__(10**20, 10**20))
print(int.__neg__(5), int.__neg__(-10**20), int.__pos__(-3), int.__abs__(-7), int.__abs__(-10**25))
print(int.__invert__(5), int.__invert__(-1), int.__invert__(True), int.__bool__(0), int.__bool__(-3))
print(int.__int__(True), int.__index__(False), int.__float__(7), int.__float__(-2**60))
print(int.__trunc__(9), int.__floor__(9), int.__ceil__(9), int.__round__(9))
print(int.__round__(1234, -2), int.__round__(1250, -2), int.__round__(1350, -2), int.__round__(-1250, -2))
print(int.__round__(15, -1), int.__round__(25, -1), int.__round__(5, 2), int.__round__(123, -10))
print(int.__hash__(-1), int.__hash__(2**61 - 1), int.__hash__(2**61), int.__hash__(-2**100), int.__hash__(True))
print(int.__repr__(42), int.__repr__(-10**20), int.__repr__(True), bool.__repr__(True), bool.__repr__(False))
print(int.__format__(255, 'x'), int.__format__(255, '#010b'), int.__format__(1234567, ','), int.__format__(5, ''))
print(int.__format__(True, ''), int.__format__(True, 'd'), int.__format__(-42, '+08d'))
print(int.__eq__(1, 1), int.__eq__(1, 1.0), int.__ne__(1, 2), int.__lt__(1, 2), int.__le__(2, 2))
print(int.__gt__(1, 2), int.__ge__(3, 2), int.__lt__(1, 'a'), int.__eq__(True, 1))
print(int.__getnewargs__(7), int.__getnewargs__(True))
print((0).__sizeof__(), (1).__sizeof__(), (2**30).__sizeof__(), (2**30 - 1).__sizeof__(), True.__sizeof__(), (-5).__sizeof__())
print(bool.__and__(True, False), bool.__or__(False, True), bool.__xor__(True, True))
print(bool.__rand__(True, True), bool.__ror__(False, False), bool.__rxor__(True, False))
print(bool.__and__(True, 3), bool.__or__(False, 6), bool.__xor__(True, 3))
t(lambda: int.__add__(1))
t(lambda: int.__add__())
t(lambda: int.__add__(1.0, 2))
t(lambda: int.__add__(1, other=2))
t(lambda: int.__neg__(1, 2))
t(lambda: int.__neg__())
t(lambda: int.__neg__('x'))
t(lambda: int.__round__())
t(lambda: int.__round__(1, 2, 3))
t(lambda: int.__round__(15, None))
t(lambda: int.__round__(15, 1.0))
t(lambda: int.__pow__(2))
t(lambda: int.__pow__(2, 3, 4, 5))
t(lambda: int.__pow__(2, 3, 0))
t(lambda: int.__pow__(2, 3, 5.0))
t(lambda: int.__pow__(2, 3.0, 5))
t(lambda: int.__pow__(0, -1))
t(lambda: int.__truediv__(1, 0))
t(lambda: int.__floordiv__(1, 0))
t(lambda: int.__mod__(1, 0))
t(lambda: int.__divmod__(1, 0))
t(lambda: int.__lshift__(1, -1))
t(lambda: int.__float__(10**400))
t(lambda: int.__format__(1))
t(lambda: int.__format__(1, 2))
t(lambda: int.__format__(1, 'q'))
t(lambda: int.__format__(1, '.2'))
t(lambda: bool.__and__(1, True))
t(lambda: bool.__repr__(1))
t(lambda: int.__truediv__(10**400, 1))
t(lambda: int.__truediv__(10**400, 10**399))

class MyInt(int):
    def __add__(self, other):
        return super().__add__(other) * 10
    def __radd__(self, other):
        return super().__radd__(other) + 1000
    def __neg__(self):
        return super().__neg__() - 1
    def __repr__(self):
        return 'MyInt(' + super().__repr__() + ')'
    def __lt__(self, other):
        return super().__lt__(other)

m = MyInt(5)
print(m + 1, 1 + m, -m, repr(m), str(m), m < 6, m < 4, m == 5, hash(m) == hash(5))
print(m * 2, m - 1, m // 2, m % 3, m ** 2, abs(MyInt(-3)), ~m, +m, type(+m).__name__)
print(round(m), round(MyInt(1234), -2), type(round(m)).__name__, int(m), type(int(m)).__name__)
print(float(m), m.__index__(), bool(MyInt(0)), bool(m), divmod(m, 2), pow(m, 2, 3))
print('%d' % m, f'{m:>5}', format(m, 'b'), m.bit_length(), m.imag)
print(sorted([MyInt(3), MyInt(1), 2]), max(MyInt(3), 4), min(MyInt(3), 4) == 3)

class Other:
    def __radd__(self, other):
        return 'radd'
    def __rmul__(self, other):
        return 'rmul'
print(1 + Other(), 2 * Other(), int.__add__(1, Other()))

class Half(int):
    def __truediv__(self, other):
        return int.__truediv__(self, other) * 100
print(Half(1) / 2, Half(3) / 4)
