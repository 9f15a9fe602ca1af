# math: constants, elementary functions, special values and errors
import math

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.nan).__name__)
xs = [0.0, -0.0, 0.5, 1.0, 2.0, 10.0, 1e-10, 123.456, -3.25]
for name in ['sqrt', 'exp', 'expm1', 'log1p', 'sin', 'cos', 'tan', 'atan', 'sinh', 'cosh', 'tanh',
             'asinh', 'fabs', 'degrees', 'radians', 'exp2']:
    f = getattr(math, name)
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, ' '.join(out))
for name in ['asin', 'acos', 'atanh']:
    f = getattr(math, name)
    print(name, [f(x) for x in (0.0, 0.5, -0.5, 0.25)])
# erf/erfc come from the C library: compare to 15 significant digits
print('erf', [float('%.15g' % math.erf(x)) for x in xs])
print('erfc', [float('%.15g' % math.erfc(x)) for x in xs])
print('acosh', [math.acosh(x) for x in (1.0, 2.0, 10.0, 1e10)])
print(math.sqrt(2), math.sqrt(4), math.sqrt(1e308), math.sqrt(5e-324), math.sqrt(math.inf), math.sqrt(10**40))
print(math.exp(1), math.exp(-745), math.exp(709), math.exp(-math.inf), math.exp(math.inf))
print(math.log(math.e), math.log(1), math.log(100, 10), math.log(8, 2), math.log(2, 0.5), math.log(10**400))
print(math.log2(8), math.log2(2**1000), math.log2(2**2000), math.log2(3), math.log10(1000), math.log10(10**400), math.log10(2))
print(math.log(math.inf), math.log1p(-0.5), math.log(True + 1), math.log(5e-324), math.log(1e308))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-2, 3), math.pow(0, 0), math.pow(math.nan, 0), math.pow(1, math.nan))
print(math.pow(math.inf, -1), math.pow(-math.inf, 3), math.pow(-math.inf, 2), math.pow(0.5, math.inf), math.pow(2, -math.inf))
print(math.pow(-0.0, 3), math.pow(-1, math.inf), math.pow(1e-300, 2), math.pow(-math.inf, -3))
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.atan2(0.0, -1), math.atan2(math.inf, math.inf), math.atan2(1, 0))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3), math.hypot(1e300, 1e300))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(5e-324, 5e-324), math.hypot(0.1, 0.2, 0.3, 0.4))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), math.dist((), ()), math.dist(iter([1.5]), (0.5,)))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-2.5), math.trunc(-2.7), math.trunc(2.7))
print(math.floor(5), math.ceil(True), math.floor(1e20), math.ceil(-1e300) == -10**300 or True, type(math.floor(2.0)).__name__)
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, math.inf), math.fmod(-0.0, 1))
print(math.modf(3.5), math.modf(-3.5), math.modf(math.inf), math.modf(-math.inf), math.modf(0.0))
print(math.frexp(8), math.frexp(0.0), math.frexp(-1.5), math.frexp(math.inf), math.frexp(5e-324))
print(math.ldexp(1, 10), math.ldexp(0.5, -1074), math.ldexp(1.0, -2000), math.ldexp(-0.0, 5), math.ldexp(3, 10**20 * 0))
print(math.copysign(1, -0.0), math.copysign(-3, 2), math.copysign(math.inf, -1), math.copysign(1, math.nan) in (1.0, -1.0))
print(math.isfinite(1), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isnan(math.nan), math.isnan(0))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10))
print(math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
print(math.remainder(7, 3), math.remainder(8, 3), math.remainder(-7, 3), math.remainder(5, 2), math.remainder(7, 2))
print(math.remainder(3, math.inf), math.remainder(-0.0, 1), math.remainder(2.5, 1), math.remainder(3.5, 1))
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, 1), math.nextafter(0, -1), math.nextafter(2, 2))
print(math.nextafter(math.inf, 0), math.nextafter(-5e-324, 1), math.ulp(1), math.ulp(0), math.ulp(-1e300), math.ulp(math.inf))
print(math.ulp(1.7976931348623157e308), math.ulp(5e-324), math.ulp(2**52))
print(math.gamma(5), math.gamma(0.5), math.gamma(-0.5), math.gamma(1.5), math.gamma(10.1), math.gamma(171), math.gamma(1e-30))
print(math.gamma(-2.5), math.gamma(150.5), math.gamma(-170.5), math.gamma(-210.5), math.gamma(23), math.gamma(24))
print(math.lgamma(5), math.lgamma(0.5), math.lgamma(-0.5), math.lgamma(100), math.lgamma(1), math.lgamma(2), math.lgamma(1e-30))
print(math.lgamma(-2.5), math.lgamma(3.5), math.lgamma(1e300), math.lgamma(math.inf), math.lgamma(-math.inf))
class Floaty:
    def __float__(self):
        return 2.25
class Indexy:
    def __index__(self):
        return 9
class Floory:
    def __floor__(self):
        return 'floor!'
    def __ceil__(self):
        return 'ceil!'
    def __trunc__(self):
        return 'trunc!'
print(math.sqrt(Floaty()), math.sqrt(Indexy()), math.floor(Floory()), math.ceil(Floory()), math.trunc(Floory()))
print(math.floor(Floaty()), math.ceil(Floaty()))
for f, args in [(math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.log, (-10**400,)), (math.log, (1, 1)),
                (math.log, (0.0, 2)), (math.log2, (0,)), (math.log10, (-1,)), (math.log1p, (-1,)), (math.exp, (1000,)),
                (math.exp2, (2000,)), (math.expm1, (1000,)), (math.cosh, (1000,)), (math.sinh, (-1000,)), (math.acos, (2,)),
                (math.asin, (-2,)), (math.acosh, (0,)), (math.atanh, (1,)), (math.atanh, (-1,)), (math.sin, (math.inf,)),
                (math.cos, (-math.inf,)), (math.tan, (math.inf,)), (math.pow, (0, -1)), (math.pow, (-1, 0.5)),
                (math.pow, (10, 400)), (math.pow, (0, -math.inf)), (math.fmod, (1, 0)), (math.fmod, (math.inf, 1)),
                (math.remainder, (1, 0)), (math.remainder, (math.inf, 1)), (math.gamma, (0,)), (math.gamma, (-1,)),
                (math.gamma, (-math.inf,)), (math.gamma, (172,)), (math.gamma, (5e-324,)), (math.lgamma, (0,)),
                (math.lgamma, (-2,)), (math.lgamma, (1e308,)), (math.ldexp, (1, 10000)), (math.ldexp, (1.0, 1.5)),
                (math.floor, (math.nan,)), (math.ceil, (math.inf,)), (math.trunc, (-math.inf,)), (math.floor, ('a',)),
                (math.trunc, ('a',)), (math.ceil, (None,)), (math.sqrt, ('a',)), (math.sqrt, ()), (math.sqrt, (1, 2)),
                (math.atan2, (1,)), (math.pow, (1,)), (math.log, ()), (math.log, (1, 2, 3)), (math.hypot, ('a',)),
                (math.dist, ([1], [1, 2])), (math.dist, (1, 2)), (math.isclose, (1, 2, 3)), (math.copysign, (1,)),
                (math.nextafter, (1, 2, 3)), (math.fabs, ('x',)), (math.sqrt, (10**400,)), (math.frexp, ('a',))]:
    t(lambda: f(*args))
t(lambda: math.isclose(1, 2, rel_tol=-1))
t(lambda: math.isclose(1, 2, abs_tol=-1))
t(lambda: math.sqrt(x=1))
t(lambda: math.log(1, base=2))
print(math.floor(-0.0), math.ceil(-0.5), math.fabs(-0.0), math.fabs(-5), math.degrees(math.pi), math.radians(180))
print(sum(math.sin(i / 10) for i in range(100)), [round(math.cos(i), 12) for i in range(5)])
