# complex construction, arithmetic, methods and special methods
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(complex(), complex(1), complex(1, 2), complex(1.5, -2), complex('1+2j'), complex(' (3-4j) '))
print(complex('j'), complex('-j'), complex('2.5'), complex('1e3j'), complex(1j, 1j), complex(1j, 2))
print(complex(0.0, 1), complex(-1, 0), complex(True, False), complex(-0.0, -0.0).imag, complex(1, -0.0).imag)
print(complex.__repr__(complex(-0.0, -0.0)), complex.__repr__(complex(1, -0.0)))
t(lambda: complex('1+2'))
t(lambda: complex('abc'))
t(lambda: complex('1', 2))
t(lambda: complex(None))
t(lambda: complex(1, 'x'))
print(1j * 1j, (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1 + 2j) + 1.5, 2 - (1 + 1j), (1 + 1j) ** 2)
print((2 + 0j) ** 0.5, 1j ** 2, (1 + 1j) ** -1, 0j ** 0, (-1) ** 0.5, abs(3 + 4j), abs(-1j))
print((1 + 2j).conjugate(), (1 + 2j).real, (1 + 2j).imag, (1 + 2j) == (1 + 2j), 1j == 1j + 0, 1 + 0j == 1)
print(-(1 + 2j), +(1 - 2j), complex.__repr__(-0j), bool(0j), bool(1j), bool(0.0 + 1e-300j))
t(lambda: 1j / 0)
t(lambda: 1j < 2j)
t(lambda: 0j ** -1)
t(lambda: 1j // 2)
t(lambda: 1j % 2)
t(lambda: int(1j))
t(lambda: float(1j))
print(repr(1e16j), repr(1.5e-7 + 2j), repr(complex(float('inf'), float('nan'))), repr(-1j), repr(-0.0 - 1j))
print(format(1 + 2j, '.2f'), format(1.5 + 2j, '10.3e'), format(1 + 2j, '^20'), format(1j, 'g'), format(-1j, ''))
print(format(1 + 2j, '+.1f'), format(3 - 4j, '<15'), format(1234567 + 1j, ','), format(1e10 + 1j, 'g'))
print(format(-0.0 + 0j, ''), format(1 + 2j, '*>12'), format(2j, '.3'), format(1.5 - 0.5j, '08.2f'.replace('0', '')))
t(lambda: format(1j, '05'))
t(lambda: format(1j, '=10'))
t(lambda: format(1j, 'd'))
t(lambda: format(1j, '%'))
print(complex.__add__(1j, 2), complex.__radd__(1j, 2), complex.__sub__(1j, 1.5), complex.__rsub__(1j, 2))
print(complex.__mul__(1j, 1j), complex.__rmul__(2j, 3), complex.__truediv__(1j, 2), complex.__rtruediv__(2j, 1))
print(complex.__pow__(1j, 2), complex.__rpow__(2j, 2), complex.__eq__(1j, 1j), complex.__ne__(1j, 1j))
print(complex.__eq__(1 + 0j, 1), complex.__eq__(1j, 'x'), complex.__lt__(1j, 2j), complex.__mul__(1j, 'a'))
print(complex.__neg__(1 + 1j), complex.__pos__(1 - 1j), complex.__abs__(3 + 4j), complex.__bool__(0j))
print(complex.__repr__(1 + 2j), complex.__format__(1 + 2j, '.1f'), complex.__complex__(1j), complex.__getnewargs__(1 + 2j))
print(complex.__hash__(-1j), complex.__hash__(1 + 0j) == hash(1), complex.__hash__(0j))
t(lambda: complex.__pow__(2j, 3, 4))
t(lambda: complex.__add__(1, 2))
t(lambda: complex.__abs__(1e308 + 1e308j))
t(lambda: complex.__truediv__(1j, 0j))
t(lambda: complex.__rtruediv__(0j, 1))
t(lambda: complex.__pow__(0j, -1))
class C(complex):
    def __add__(self, other):
        return super().__add__(other) * 2
c = C(1, 2)
print(c + 1, c - 1, abs(c), c.conjugate(), type(c).__name__, c.real, c == complex(1, 2))
class HasComplex:
    def __complex__(self):
        return 3 + 4j
print(complex(HasComplex()), abs(complex(HasComplex())))
