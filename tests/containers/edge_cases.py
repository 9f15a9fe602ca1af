# more container edge cases: pop finger, popitem order, fromkeys on subclasses, NaN identity,
# nested reprs, mutation during iteration and comparison

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

# set.pop continues from where the previous pop stopped
s = set(range(10))
print([s.pop() for _ in range(3)], s)
s.add(0)
print(s.pop(), s.pop(), s)
s = set(range(20, 0, -3))
out = []
while s:
    out.append(s.pop())
print(out)

# popitem is LIFO and the dict stays usable afterwards
d = dict.fromkeys(range(6), "v")
print(d.popitem(), d.popitem())
d[100] = "new"
print(d.popitem(), d, len(d))
d.update(a=1, b=2)
print(list(d), d.popitem())
while d:
    d.popitem()
d["z"] = 0
print(d, len(d))

# fromkeys on a subclass goes through its __setitem__
class Loud(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v * 2)
print(Loud.fromkeys([1, 2], 5))

class Called(dict):
    def __init__(self):
        print("init called")
        super().__init__()
print(type(Called.fromkeys("ab")).__name__)

# identity implies membership even for NaN
nan = float("nan")
print(nan in [nan], [nan].count(nan), [nan].index(nan), (nan,).count(nan), nan in {nan}, nan in {nan: 1})
print([nan] == [nan], (nan,) == (nan,), {nan: 1} == {nan: 1})
l = [nan]
l.remove(nan)
print(l)

# comparisons that mutate the list
class Evil:
    def __init__(self, lst):
        self.lst = lst
    def __eq__(self, other):
        self.lst.clear()
        return False
lst = [1, 2, 3]
lst.append(Evil(lst))
print(lst.count(99), lst)
lst = [1, 2]
lst.insert(0, Evil(lst))
show("remove mutating", lambda: lst.remove(5))
print(lst)

# nested reprs and recursion
d = {}
d["self"] = d
d["list"] = [d]
print(d)
l = [1]
l.append((l, {1: l}))
print(l)
class D(dict):
    pass
dd = D()
dd[1] = dd
print(dd, repr(D(a=[1, (2,)])))
s = set()
print(repr(frozenset({frozenset({1})})), {1: frozenset()}, [set()])

# list slice assignment edge cases
l = list(range(8))
l[2:2] = "ab"
print(l)
l[::3] = [0, 0, 0, 0]
print(l)
l[5:1] = [9]
print(l)
l[-2:] = ()
print(l)
show("slice non-iterable", lambda: l.__setitem__(slice(0, 1), 5))
show("ext slice non-iterable", lambda: l.__setitem__(slice(0, 4, 2), 5))
l[:] = l
print(l)
l[1:3] = l
print(l)
del l[::-2]
print(l)
del l[100:]
print(l)

# list.index / count / remove with start and stop
l = [0, 1, 2, 3, 2, 1, 0]
print(l.index(2, -3), l.index(0, 1), l.index(1, -100, 2), l.index(1, 2, 100))
show("index stop before", lambda: l.index(3, 0, 3))
show("index big start", lambda: l.index(0, 2**70))
print(l.index(0, -2**70))
class I:
    def __index__(self):
        return 4
print(l.index(2, I()), (0, 1, 2, 2).index(2, I() if False else 3))

# tuple and list comparisons with different lengths and types
print((1, 2) < (1, 2, 0), [1, [2]] < [1, [3]], ([1],) == ([1],), [(1, 2)] > [(1,)])
show("tuple lt none", lambda: (None,) < (1,))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([[1], [0, 5]]), min((3,), (2, 9)))

# dict equality with nested and unorderable values
print({1: [1, 2]} == {1: [1, 2]}, {1: {2: 3}} != {1: {2: 4}}, {1: 1} == {1.0: True})
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a.items() == b.items() if False else "")

# range edge cases
r = range(-10, 10, 4)
print(list(r), r[-1], r[1:-1], -10 in r, -6 in r, -5 in r, 10 in r, r.index(6), len(r[::2]))
print(range(0, 10, 3)[::-1], list(range(0, 10, 3)[::-1]), range(5)[10:20], range(5)[-10:2])
print(range(1, 2) == range(1, 3, 5), range(0, 3, 2) == range(0, 4, 2), range(3)[True])
show("range index float", lambda: range(5).index(2.5))
print(range(5).count(2.0), range(5).index(2.0), 2.0 in range(5), 2.5 in range(5))
print(list(reversed(range(10, -10, -7))), list(reversed(range(-3, 3, 2))))
r2 = range(10)
print(r2[::-1][::-1] == r2, r2[1:][:-1], r2[::-3][::-1])

# slices of various kinds
print(slice(None, None, None).indices(3), slice(-1, -5, -1).indices(10), slice(2, 8, 3).indices(5))
print(slice(1, 2, 3) == slice(1, 2, 3), slice(1) == slice(None, 1), slice.__eq__(slice(1), 1))
class Sl:
    def __getitem__(self, k):
        return k
print(Sl()[1:2], Sl()[::], Sl()[1:2, ::3], Sl()[...])
