# tuple methods and special methods

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

t = (1, 2, 3, 2, 1)
print(t.count(2), t.count(9), (1, 1.0, True).count(1), t.index(2), t.index(2, 2), t.index(1, -1), t.index(3, 0, 3))
show("index missing", lambda: t.index(9))
show("index range", lambda: t.index(3, 3))
show("count noarg", lambda: t.count())
show("index noarg", lambda: t.index())
show("index bad", lambda: t.index(1, "a"))
print(tuple.__len__(t), tuple.__getitem__(t, 0), tuple.__getitem__(t, slice(1, 3)), t.__getitem__(-1))
show("getitem range", lambda: t.__getitem__(9))
show("getitem str", lambda: t["a"])
show("getitem float", lambda: t.__getitem__(1.0))
print(tuple.__contains__(t, 3), t.__contains__(7))
it = tuple.__iter__((4, 5))
print(next(it), next(it))
print(tuple.__add__((1,), (2,)), (1,).__mul__(3), (1, 2).__rmul__(2), (1,).__mul__(0))
show("add list dunder", lambda: (1,).__add__([2]))
show("add list", lambda: (1,) + [2])
show("mul str", lambda: (1,) * "a")
print(tuple.__hash__((1, 2)) == hash((1, 2)), hash(()) == hash(tuple()), hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash((1, 2)), hash(()), hash((-1,)), hash((1, "a")) == hash((1, "a")))
show("unhashable", lambda: hash((1, [2])))
print(tuple.__eq__((1,), (1,)), tuple.__ne__((1,), (2,)), tuple.__lt__((1,), (1, 0)), tuple.__le__((1,), (1,)),
      tuple.__gt__((2,), (1, 9)), tuple.__ge__((), ()))
print(tuple.__eq__((1,), [1]))
print(tuple.__repr__((1,)), repr(()), repr((1, "a")), str((None, (2,))))
print(t.__getnewargs__(), ().__getnewargs__())
print((1, 2) < (1, 2, 3), (1, 2) == (1, 2), (3,) > (2, 9), (1, "a") < (1, "b"))
show("lt mixed", lambda: (1, "a") < (1, 2))
print(tuple([1, 2]), tuple("ab"), tuple(), tuple(range(3)), tuple({1: 2, 3: 4}))
show("tuple kw", lambda: tuple(iterable=[1]))
show("tuple 2", lambda: tuple(1, 2))
show("tuple int", lambda: tuple(5))
x = (1, 2)
print(tuple(x) is x, x[:] is x, x[::-1], x[5:], x.__mul__(1) is x)
show("assign", lambda: x.__setitem__(0, 1))
try:
    x[0] = 5
except TypeError as e:
    print(e)
try:
    del x[0]
except TypeError as e:
    print(e)
a, *b = (1, 2, 3)
print(a, b)
print(len(()), bool(()), bool((0,)))
print(sorted(n for n in dir(tuple) if not n.startswith("_")))

class T(tuple):
    def __new__(cls, *args):
        return super().__new__(cls, args)
    def total(self):
        return sum(self)
t2 = T(1, 2, 3)
print(t2, type(t2).__name__, t2.total(), len(t2), t2[0], t2[1:], type(t2[1:]).__name__)
print(t2 + (4,), type(t2 + (4,)).__name__, t2.count(1), t2.index(3), hash(t2) == hash((1, 2, 3)))
print(t2 == (1, 2, 3), isinstance(t2, tuple))

class P(tuple):
    def __repr__(self):
        return "P" + super().__repr__()
    def __getitem__(self, i):
        return "item" + str(super().__getitem__(i))
p = P((7, 8))
print(p, p[0], list(p), tuple.__getitem__(p, 1))

class Named(tuple):
    __slots__ = ()
    @property
    def x(self):
        return self[0]
n = Named((3, 4))
print(n.x, n, n.__getnewargs__())
