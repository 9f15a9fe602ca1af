# subclasses of list

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

class L(list):
    def __init__(self, *args):
        self.append("pre")          # methods work before super().__init__()
        print("before init", list.__len__(self), len(self))
        super().__init__(*args)
        self.extra = True

l = L([1, 2, 3])
print(l, type(l).__name__, l.extra, len(l))
l.sort(reverse=True)
print(l)
print(l.index(2), l.count(3), 2 in l, l[0], l[-1], l[1:])
print(type(l[1:]).__name__, type(l + [4]).__name__, type(l * 2).__name__, type(l.copy()).__name__)
l += [9]
print(l, type(l).__name__)
l *= 2
print(l, len(l))

class Logged(list):
    def __getitem__(self, i):
        print("get", i)
        return super().__getitem__(i)
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)
    def __delitem__(self, i):
        print("del", i)
        super().__delitem__(i)
    def __len__(self):
        return super().__len__() * 10
    def __contains__(self, x):
        print("contains", x)
        return super().__contains__(x)
    def __iter__(self):
        print("iter")
        return super().__iter__()
    def append(self, x):
        print("append", x)
        super().append(x)

g = Logged([1, 2, 3])
print(g[0], g[1:])
g[0] = 10
g[1:2] = [20, 21]
del g[0]
del g[:1]
print(list.__repr__(g), len(g), list.__len__(g))
print(3 in g, 99 in g)
print([x for x in g])
g.append(4)
print(list(g))
print(repr(g), str(g))
print(g == [21, 3, 4], g != [1])

class R(list):
    def __repr__(self):
        return "R" + super().__repr__()
print(R([1, 2]), [R([3])])

class Sorted(list):
    def append(self, x):
        super().append(x)
        self.sort()
s = Sorted()
for v in [5, 1, 3]:
    s.append(v)
print(s)

class Eq(list):
    def __eq__(self, other):
        return "custom"
print(Eq([1]) == [1], [1] == Eq([1]))

class Add(list):
    def __add__(self, other):
        return Add(super().__add__(other))
    def __radd__(self, other):
        return "radd"
a = Add([1]) + [2]
print(a, type(a).__name__)
print([0] + Add([1]))

class Hashable(list):
    def __hash__(self):
        return 42
print(hash(Hashable()))

class NoInit(list):
    pass
n = NoInit("abc")
print(n, len(n), n.pop(), n)
n.reverse()
print(n, isinstance(n, list), issubclass(NoInit, list))
print(sorted(NoInit([3, 1, 2])), list(reversed(NoInit([1, 2]))))
show("bad hash", lambda: hash(NoInit()))

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
st = Stack()
st.push(1)
st.push(2)
print(st.peek(), st.pop(), st, len(st))
print(list.__getitem__(st, 0), list.__contains__(st, 1))
