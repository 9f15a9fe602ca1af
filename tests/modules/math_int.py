# math: integer functions and exact summation
import math

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print([math.factorial(n) for n in range(12)], math.factorial(30), math.factorial(True))
print(len(str(math.factorial(1000))), math.factorial(100) % (10**9 + 7), math.factorial(52) // math.factorial(50))
print(math.comb(5, 2), math.comb(10, 0), math.comb(10, 10), math.comb(5, 6), math.comb(100, 50), math.comb(10**20, 2))
print(math.perm(5, 2), math.perm(5), math.perm(5, 0), math.perm(5, 6), math.perm(20, 10), math.perm(3, None))
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(), math.gcd(7), math.gcd(12, 18, 27), math.gcd(2**100, 6**50))
print(math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(), math.lcm(7), math.lcm(2, 3, 4, 5), math.lcm(2**64, 3))
print(math.isqrt(0), math.isqrt(1), math.isqrt(15), math.isqrt(16), math.isqrt(10**40), math.isqrt(2**127 - 1), math.isqrt(True))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([], start=5), math.prod([2, 3], start=10), math.prod([1.5, 2]))
print(math.prod(range(1, 21)), math.prod([[1], 2]), math.prod(['ab', 3]), math.prod(iter([2, 2, 2])))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum([1e308, -1e308, 1.0]), math.fsum([math.inf, 1.0]), math.fsum([math.nan, 1]))
print(math.fsum([-0.0]), math.fsum([0.1, 0.2, 0.3]), math.fsum([1.0, 1e-16, 1e-16]), math.fsum([2.0**53, 1.0, 2.0**-52]))
print(math.fsum([1e-16, 1., 1e16]), math.fsum([-math.inf, -math.inf]), math.fsum(x / 7 for x in range(100)))
print(math.fsum([2.0**1023, 2.0**1023 * -1, 2.0**970]), math.fsum((1.0, 2.0**-53, 2.0**-106)))
class Idx:
    def __index__(self):
        return 6
print(math.factorial(Idx()), math.gcd(Idx(), 4), math.comb(Idx(), 2), math.isqrt(Idx()), math.perm(Idx(), Idx()))
for f, args in [(math.factorial, (-1,)), (math.factorial, (1.5,)), (math.factorial, (5.0,)), (math.factorial, ('5',)),
                (math.factorial, ()), (math.factorial, (2**64,)), (math.comb, (-1, 2)), (math.comb, (1, -2)),
                (math.comb, (1.0, 2)), (math.comb, (1,)), (math.perm, (1, -2)), (math.perm, (-1,)), (math.perm, ()),
                (math.gcd, (1.5,)), (math.gcd, ('a', 1)), (math.lcm, (1.5,)), (math.isqrt, (-1,)), (math.isqrt, (2.0,)),
                (math.fsum, ([1e308, 1e308],)), (math.fsum, ([math.inf, -math.inf],)), (math.fsum, (1,)),
                (math.fsum, (['a'],)), (math.prod, ([1, 2], 3)), (math.prod, (1,)), (math.prod, ([1, 'a'],))]:
    t(lambda: f(*args))
