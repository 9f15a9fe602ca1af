# Float locals under @micropython.native, which native code may keep unboxed between uses: a
# local assigned float arithmetic holds ints, strings and float subclasses at other
# times; its value keeps one identity however often it is read as an object; tuple-swapped
# updates, loops, branches, exceptions raised mid-expression, ZeroDivisionError, nan, -0.0,
# and operators of user classes that see the float.
import micropython


@micropython.native
def identity(x, y):
    a = x * y
    first = [a, a]
    b = a
    seen = (a is a, first[0] is first[1], b is a, first[0] is a)
    a = a + 0.5
    return seen, a, b, first[0] is b


print(identity(1.5, 2.0))
print(identity(3, 4))


@micropython.native
def mixed(n):
    out = []
    v = 0
    for i in range(n):
        if i % 3 == 0:
            v = i * 0.5
        elif i % 3 == 1:
            v = str(i)
        else:
            v = i * 2
        out.append(v)
    return out, v


print(mixed(7))


class F(float):
    def __repr__(self):
        return "F(%s)" % float.__repr__(self)


@micropython.native
def subclass(f):
    s = f * 1.0
    t = f
    t = t + 1
    return s, type(s).__name__, t, type(t).__name__


print(subclass(F(2.5)))


@micropython.native
def rotate(a, b, c, steps):
    # Three float locals updated together, then read after the loop.
    x, y, z = a * 1.0, b * 1.0, c * 1.0
    for _ in range(steps):
        x, y, z = y * 0.5 + z, z - x * 0.25, x + y
    return x, y, z, x + y + z


print(rotate(1.0, 2.0, 3.0, 10))
print(rotate(1, 2, 3, 0))
print(rotate(0.5, -1.5, 2.25, 25))


@micropython.native
def divide(a, b):
    q = a / b
    try:
        r = q / (b - b)
    except ZeroDivisionError as e:
        r = "ZeroDivisionError: " + str(e)
    return q, r


print(divide(1.0, 4.0))
print(divide(7, 2))
try:
    divide(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


@micropython.native
def specials(x):
    n = x * float("nan")
    z = x * -0.0
    inf = x * 1e308 * 10
    return n != n, str(z), inf, -inf, z == 0.0


print(specials(2.0))


class Recorder:
    def __init__(self):
        self.got = []

    def __radd__(self, other):
        self.got.append(other)
        return self

    def __mul__(self, other):
        self.got.append(other)
        return 7


@micropython.native
def seen_by_user(x):
    r = Recorder()
    a = x * 2.0
    r2 = a + r
    m = r * a
    return r2 is r, m, r.got[0] is a, r.got[1] is a, r.got


print(seen_by_user(1.25))


@micropython.native
def accumulate(xs):
    total = 0.0
    sq = 0.0
    for x in xs:
        total = total + x
        sq = sq + x * x
    mean = total / len(xs)
    return total, sq, mean, sq / len(xs) - mean * mean


print(accumulate([1.0, 2.0, 3.5, -4.25]))
print(accumulate([1, 2, 3]))


@micropython.native
def pass_along(x):
    y = x * 3.0
    return str(y), repr(y), [y], (y,), {"y": y}, max(y, 1.0)


print(pass_along(0.5))


@micropython.native
def raises_midway(x, items):
    a = x * 2.0
    try:
        b = a + items[5]
    except IndexError:
        b = a - 1.0
    return a, b


print(raises_midway(1.5, [1, 2]))
print(raises_midway(1.5, [0, 0, 0, 0, 0, 0.25]))


@micropython.native
def bad_operand(x, other):
    a = x * 2.0
    try:
        a = a + other
    except TypeError as e:
        return "TypeError: " + str(e), a
    return a


print(bad_operand(1.0, "s"))
print(bad_operand(1.0, 2))
