# Inline small-int arithmetic and comparisons under @micropython.native, at and past the edges
# where the fast path hands over to big ints, floats and user types.
import micropython


@micropython.native
def ops(a, b):
    r = [a + b, a - b, a * b, -a]
    if type(a) is not float and type(b) is not float:
        r += [a & b, a | b, a ^ b, ~a, a << 3, a >> 2]
    if b:
        r += [a // b, a % b, a / b, divmod(a, b)]
    r += [a < b, a <= b, a == b, a != b, a > b, a >= b]
    return r


for a, b in [(7, 3), (-7, 3), (7, -3), (0, 5), (2**62, 2**62), (-2**62, 2**62),
             (2**63 - 1, 1), (-2**63, -1), (2**100, 3), (3, 2**70), (1.5, 2), (5, 0.25),
             (True, 2), (-1, -1)]:
    print(a, b, ops(a, b))


@micropython.native
def accumulate(n):
    s = 0
    p = 1
    for i in range(1, n):
        s += i * i
        p *= i
    return s, p


print(accumulate(30))


@micropython.native
def overflow_loop():
    x = 1
    steps = 0
    while x < 2 ** 80:
        x = x + x
        steps += 1
    return steps, x


print(overflow_loop())


@micropython.native
def chain(a, b, c):
    return a < b < c, a < b > c, a == b == c, 1 < a <= 3


print(chain(1, 2, 3), chain(2, 3, 1), chain(4, 4, 4))


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __radd__(self, o):
        return Num(o + self.v)

    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, Num) else o)

    def __repr__(self):
        return "Num(%r)" % self.v


@micropython.native
def mixed(x):
    return x + 1, 1 + x, x < 5, "a" * 3, [0] * 2, "s" + "t"


print(mixed(Num(4)), mixed(4))

try:
    mixed("x")
except TypeError as e:
    print("TypeError:", e)


@micropython.native
def shifts(x):
    return x << 62, x << 64, -x << 63, x >> 70, (-x) >> 1


print(shifts(1), shifts(3))
try:
    shifts(-1)
except ValueError as e:
    print("ValueError:", e)


@micropython.native
def truth(v):
    if v:
        a = "T"
    else:
        a = "F"
    return a, not v, v and 1, v or 2


print([truth(v) for v in (0, 1, -1, "", "x", [], [0], None, 0.0, 2**70)])
