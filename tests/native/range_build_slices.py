# Native code: for loops over range() (the built-in with small ints, and everything else:
# bools, big ints, a rebound name, errors), the BUILD_* instructions, and list slices read and
# assigned through the shared runtime paths.
import micropython


@micropython.native
def range_sums(n):
    t = []
    for i in range(n):
        t.append(i)
    for i in range(2, n):
        t.append(i * 10)
    for i in range(n, -n, -3):
        t.append(i)
    for i in range(True, 3):
        t.append(-i)
    for i in range(2**62, 2**62 + 2):
        t.append(i)
    for i in range(10, 2):
        t.append("never")
    for i in range(-2**40, -2**40 + 2):
        t.append(i)
    return t


print(range_sums(5))
print(range_sums(0))


@micropython.native
def range_errors(step, bound):
    try:
        for i in range(0, 5, step):
            print("no", i)
    except ValueError as e:
        print("ValueError", e)
    try:
        for i in range(bound):
            print("no", i)
    except TypeError as e:
        print("TypeError", e)


range_errors(0, "x")
range_errors(0, 1.5)


@micropython.native
def rebound_range():
    range = lambda n: ["r"] * n
    out = []
    for x in range(3):
        out.append(x)
    return out


print(rebound_range())


class Counted:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


@micropython.native
def index_bounds(a, b):
    return [i for i in range(Counted(a), Counted(b))]


print(index_bounds(3, 7))


@micropython.native
def range_generator(n):
    for i in range(n):
        yield i * i


print(list(range_generator(6)))


@micropython.native
def nested(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += j
    return total


print(nested(50))


@micropython.native
def builds(a, b):
    t = (a, b, a + b)
    l = [b, a]
    s = {a, b, a}
    d = {a: b, "k": [a]}
    e = ()
    f = f"{a}:{b!r}:{a + b:>4}"
    return t, l, sorted(s), d, e, f


print(builds(1, 2))
print(builds("x", "y"))


@micropython.native
def unhashable(x):
    try:
        return {x}
    except TypeError as e:
        return "TypeError: " + str(e)


print(unhashable([1]))


@micropython.native
def slices(n):
    l = list(range(n))
    out = [l[1:4], l[::-1], l[::2], l[-3:], l[5:1], l[1:-1:3]]
    m = list(l)
    m[:3] = m[6:2:-1]
    out.append(m)
    m = list(l)
    m[2:5] = []
    out.append(m)
    m = list(l)
    m[1:2] = ["a", "b", "c", "d"]
    out.append(m)
    m = list(l)
    m[:] = m
    out.append(m)
    m = list(l)
    m[3:3] = m
    out.append(m)
    m = list(l)
    m[-2:] = (7, 7, 7)
    out.append(m)
    m = list(l)
    m[::2] = "abcd"
    out.append(m)
    m = list(l)
    m[8:2] = [0]
    out.append(m)
    m = list(l)
    m[2:4] = iter([9, 9, 9])
    out.append(m)
    try:
        m[::2] = [1]
    except ValueError as e:
        out.append(str(e))
    try:
        m[1:2] = 5
    except TypeError as e:
        out.append(str(e))
    return out


for row in slices(8):
    print(row)


# obj[start:stop] as one step in native code: user __getitem__ sees a slice object, every
# built-in sequence slices, __index__ bounds, and the errors for what cannot be sliced.
class SliceSeen:
    def __getitem__(self, k):
        return ("got", type(k).__name__, k.start, k.stop, k.step)


class Two:
    def __index__(self):
        return 2


@micropython.native
def two_bound_slices(s, lo, hi):
    out = [s[1:], s[:2], s[lo:hi], s[-3:], s[Two():]]
    g, n = SliceSeen(), 5
    out += [g[1:2], g[lo:], (1, 2, 3, 4)[1:3], b"abcd"[1:3], range(10)[2:5]]
    for bad in (n, None):
        try:
            out.append(bad[1:2])
        except TypeError as e:
            out.append("TypeError: " + str(e))
    try:
        out.append(s["a":])
    except TypeError as e:
        out.append("TypeError: " + str(e))
    return out


print(two_bound_slices("hello world", 2, None))
print(two_bound_slices([1, 2, 3, 4, 5], -2, 10))
