# Float arithmetic and comparisons under @micropython.native: exact floats (and small ints
# mixed with them) compute on the machine, with intermediate results left unboxed; every other
# case -- subclasses, other types, a zero divisor, ints too large to convert exactly, NaNs --
# must give the interpreter's result or exception.
import micropython


@micropython.native
def ops(a, b):
    out = [a + b, a - b, a * b]
    try:
        out.append(a / b)
    except ZeroDivisionError as e:
        out.append("ZeroDivisionError: " + str(e))
    out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
    return out


values = [0.0, -0.0, 1.5, -2.25, 3, -7, 2**53, 2**53 + 1, -(2**62), 2**70,
          float("inf"), float("-inf"), float("nan"), 1e308, True]
for x in values:
    for y in values:
        print(repr(x), repr(y), ops(x, y))


@micropython.native
def chain(x, y, n):
    # Long expressions whose intermediates never reach a variable.
    t = 0.0
    for i in range(n):
        t = t + x * y - i / 3 + (x - y) * (x + y)
        if t * 0.5 < x * x:
            t = t - 1.5 * y
    return t


print(chain(1.5, 2.25, 50), chain(2, 3, 10), chain(0.1, 0.2, 7))


@micropython.native
def mandel(cr, ci, limit):
    zr = zi = 0.0
    i = 0
    while i < limit and zr * zr + zi * zi < 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        i += 1
    return i, zr


for c in [(-0.5, 0.5), (0.3, 0.6), (-2.0, 0.0), (0.25, 0.0)]:
    print(c, mandel(c[0], c[1], 60))


@micropython.native
def uses(a, b):
    # Unboxed results used as objects: in containers, identity tests, calls, returns.
    c = a * b + 1.0
    d = [a * b, (a + b,)]
    return c, d, a * b > 2.0, a * 2.0 == b * 1.0, (a * 1.0) is None, str(a - b), a * b


print(uses(1.5, 3.0), uses(2, 1), uses(3.0, 6))


class Half(float):
    def __add__(self, other):
        return "Half.__add__"

    def __lt__(self, other):
        return "Half.__lt__"


class Meter:
    def __init__(self, v):
        self.v = v

    def __mul__(self, other):
        return Meter(self.v * 2)

    def __rmul__(self, other):
        return ("rmul", other)

    def __radd__(self, other):
        return ("radd", other)

    def __gt__(self, other):
        return ("gt", other)

    def __repr__(self):
        return "Meter(%r)" % self.v


@micropython.native
def mixed(h, m):
    return h + 2.0, 2.0 + h, h < 1.0, (1.5 * 2.0) + m, (2.0 * 3.0) < m, (2.0 - 0.5) * m


print(mixed(Half(1.0), Meter(1)))


@micropython.native
def bad(x):
    return (x * 2.0) + "s"


try:
    bad(1.0)
except TypeError as e:
    print("TypeError:", e)


@micropython.native
def divide(x, y):
    return (x * 1.0) / (y - y)


for args in [(2.0, 1.0), (2, 1), (2.0, 1)]:
    try:
        divide(*args)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
