# cmath: complex functions, conversions, classification, errors
import cmath, math

def r(z):
    # real and imaginary parts (their signs included)
    if isinstance(z, complex):
        return '<%r, %r>' % (z.real, z.imag)
    return repr(z)

def t(f):
    try:
        print(r(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
zs = [0j, 1 + 0j, -1 + 0j, 1j, -1j, 1 + 1j, -2.5 + 3j, 0.5 - 0.25j, 3 + 4j, -0.0 - 0j, 1e-5 + 1e-5j, 10 - 20j]
for name in ['sqrt', 'exp', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'asin', 'acos', 'atan', 'asinh', 'acosh', 'atanh']:
    f = getattr(cmath, name)
    out = []
    for z in zs:
        try:
            out.append(r(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, ' '.join(out))
for name in ['log', 'log10']:
    f = getattr(cmath, name)
    out = []
    for z in zs:
        try:
            out.append(r(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ' ' + str(e))
    print(name, out)
print([r(z) for z in (cmath.log(8, 2), cmath.log(1j, 1j), cmath.log(10, 10), cmath.log(-1, 2j), cmath.log(100, 10))])
print([r(z) for z in (cmath.sqrt(-1), cmath.sqrt(4), cmath.sqrt(-4.0), cmath.sqrt(2j), cmath.sqrt(1e-320 + 1e-320j), cmath.sqrt(1e308 + 1e308j))])
t(lambda: cmath.exp(710 + 0j))
print(r(cmath.exp(-1000 + 1j)), r(cmath.exp(1j * cmath.pi)), r(cmath.exp(709 + 1j)))
print(cmath.phase(-1), cmath.phase(1j), cmath.phase(-1 - 0j), cmath.phase(complex(-1, -0.0)), cmath.phase(0), cmath.phase(3 + 4j))
print(cmath.polar(1j), cmath.polar(-2), cmath.polar(3 + 4j), cmath.polar(0))
print([r(z) for z in (cmath.rect(1, 0), cmath.rect(2, cmath.pi / 2), cmath.rect(1, -0.0), cmath.rect(0, math.inf), cmath.rect(3, 1))])
print(cmath.isfinite(1 + 1j), cmath.isfinite(complex(math.inf, 0)), cmath.isinf(complex(0, -math.inf)), cmath.isinf(1j))
print(cmath.isnan(complex(math.nan, 0)), cmath.isnan(1), cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j))
print(cmath.isclose(1j, 1.1j, rel_tol=0.2), cmath.isclose(0, 1e-10j, abs_tol=1e-9), cmath.isclose(cmath.infj, cmath.infj))
print(r(cmath.sqrt(4.0)), r(cmath.exp(0)), r(cmath.cos(0)), r(cmath.sin(True)), type(cmath.sqrt(4)).__name__)
class C:
    def __complex__(self):
        return 2j
class F:
    def __float__(self):
        return 0.25
print(r(cmath.sqrt(C())), r(cmath.exp(F())), cmath.phase(C()))
print(r(cmath.sqrt(complex(math.inf, 1))), r(cmath.sqrt(complex(-math.inf, 1))), r(cmath.sqrt(complex(1, math.inf))))
print(r(cmath.exp(complex(-math.inf, 1))), r(cmath.exp(complex(math.inf, 0))))
for f, args in [(cmath.log, (0,)), (cmath.log10, (0j,)), (cmath.atanh, (1,)), (cmath.atanh, (-1,)), (cmath.atan, (1j,)),
                (cmath.exp, (1000 + 0j,)), (cmath.cosh, (1000 + 0j,)), (cmath.sinh, (1000 + 1j,)), (cmath.sqrt, ('a',)),
                (cmath.sqrt, ()), (cmath.log, ()), (cmath.log, (1, 2, 3)), (cmath.rect, (1,)), (cmath.rect, (1, math.inf)),
                (cmath.isclose, (1, 2, 3)), (cmath.phase, (None,)), (cmath.polar, (1e308 + 1e308j,)), (cmath.log, (1, 0))]:
    t(lambda: f(*args))
t(lambda: cmath.isclose(1, 2, rel_tol=-1))
