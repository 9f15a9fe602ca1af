# Inline list/range iteration and list indexing under @micropython.native, with every case
# that must leave the fast path (mutation during iteration, subclasses, bad indexes).
import micropython
@micropython.native
def edges():
    out = []
    for i in range(2**61 - 2, 2**61 + 2):
        out.append(i)
    for i in range(-2**61 - 1, -2**61 + 2):
        out.append(i)
    for i in range(5, -6, -4):
        out.append(i)
    for i in range(3, 3):
        out.append("never")
    l = [1, 2, 3]
    for x in l:
        if x == 1:
            l.append(4)
        if x == 2:
            l.pop(0)
        out.append(x)
    it = iter(l)
    for x in it:
        pass
    l.append(99)
    for x in it:
        out.append("resumed")
    class L(list):
        def __getitem__(self, i):
            return "sub%d" % i
    s = L([7, 8])
    out.append((s[0], s[-1]))
    for x in s:
        out.append(x)
    l = [10, 20, 30]
    for k in (0, 2, -1, -3, True, False):
        out.append(l[k])
    for k in (3, -4, 2**70, 1.0, "x"):
        try:
            out.append(l[k])
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    out.append(([] or [5])[0])
    out.append("abc"[1] + b"xyz"[0].__class__.__name__ + str((1, 2)[-1]))
    return out
print(edges())


@micropython.native
def stores():
    l = [0, 0, 0]
    l[0] = "a"
    l[-1] = "c"
    l[True] = "b"
    out = [list(l)]
    for k in (3, -4, 2**70, "x", 1.5):
        try:
            l[k] = 1
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))

    class Logged(list):
        def __setitem__(self, i, v):
            out.append(("set", i, v))
            super().__setitem__(i, v * 2)

    s = Logged([1, 2])
    s[1] = 5
    out.append(list(s))
    d = {}
    d[1] = 2
    b = bytearray(2)
    b[1] = 255
    out.append((d, b))
    for i in range(len(l)):
        l[i] = i * i
    out.append(l)
    return out


print(stores())


class Pair(tuple):
    def __getitem__(self, i):
        return ("Pair", i)


@micropython.native
def tuple_items(t, keys):
    # Exact tuples are indexed inline; subclasses, non-int keys and bad indexes are not.
    out = []
    for k in keys:
        try:
            out.append(t[k])
        except IndexError as e:
            out.append("IndexError: " + str(e))
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return out


keys = [0, 1, 2, -1, -3, 3, -4, 2**40, -(2**62), True, 1.0, slice(1, None)]
print(tuple_items((10, 20, 30), keys))
print(tuple_items((), [0, -1]))
print(tuple_items(Pair((1, 2)), [0, 5]))
