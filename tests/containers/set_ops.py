# set and frozenset operators and special methods

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

a, b = {1, 2, 3}, {3, 4}
print(a | b, a & b, a - b, b - a, a ^ b)
fa, fb = frozenset(a), frozenset(b)
print(fa | fb, fa & b, fa - b, a ^ fb)
print(type(fa | b).__name__, type(a | fb).__name__, type(fa & fb).__name__)
show("or list", lambda: a | [1])
show("sub list", lambda: a - [1])
show("xor tuple", lambda: a ^ (1,))
show("and int", lambda: a & 1)
print(set.__or__(a, b), set.__and__(a, b), set.__sub__(a, b), set.__xor__(a, b))
print(a.__or__([1]), a.__ror__(b), a.__rand__(b), a.__rsub__(b), a.__rxor__(b))
print(frozenset.__or__(fa, fb), fa.__and__(fb), fa.__sub__(b), fa.__xor__(b))
s = {1, 2}
r = s.__ior__({3})
print(s, r is s)
s |= {4}
s &= {1, 2, 4, 9}
s -= {1}
s ^= {4, 5}
print(s)
show("ior list", lambda: s.__ior__([1]))
f = frozenset({1})
g = f
f |= {2}
print(f, g, f is g, type(f).__name__)
f -= {1}
f &= {2, 3}
f ^= {7}
print(f, type(f).__name__)
print(set.__len__(a), set.__contains__(a, 1), a.__contains__(9), frozenset.__contains__(fa, 2))
show("contains unhashable", lambda: a.__contains__([]))
print(a.__contains__({1}), sorted(set.__iter__(a)))
print(a == {1, 2, 3}, a == fa, fa == a, a != b, a == [1, 2, 3], {1} == {1.0})
print({1} < {1, 2}, {1} <= {1}, {1, 2} > {1}, {1} >= {1, 2}, {1} < {1}, {1, 2} < {1, 3})
print(set.__lt__({1}, {1, 2}), set.__le__({1}, fa), set.__gt__({1, 2}, {2}), set.__ge__(a, a), set.__eq__(a, fa), set.__ne__(a, b))
print(set.__lt__({1}, [1, 2]), set.__eq__({1}, [1]))
show("lt list", lambda: {1} < [1, 2])
print(set.__repr__(a), repr(set()), repr(frozenset()), repr(fa), str(frozenset([5])))
print(set.__hash__)
show("hash set", lambda: hash({1}))
fh = frozenset.__hash__
print(fh(frozenset()), fh(frozenset([1])), fh(frozenset([1, 2, 3])), fh(frozenset(range(100))))
print(fh(frozenset([-1, -2])), fh(frozenset([(1, 2)])), fh(frozenset([frozenset([1])])), fh(frozenset([2**62, 0.5, True])))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), frozenset.__hash__(fa) == hash(fa))
d = {fa: "x", frozenset(): "e"}
print(d[frozenset([3, 2, 1])], d[frozenset()])
print({frozenset([1, 2]), frozenset([2, 1])})
print(len(a), bool(set()), bool({0}), 2 in a, 9 not in a)
print(sorted({3, 1, 2}), list({5, 3}), tuple(frozenset([9])), min(a), max(a), sum(a))

class S(set):
    def __init__(self, it=()):
        self.add("pre")
        print("pre-init len", len(self))
        super().__init__(it)
        self.tag = 1

s = S([1, 2])
print(sorted(s, key=str), type(s).__name__, s.tag)
print(type(s | {3}).__name__, type(s.copy()).__name__, type(s.union()).__name__)
print(S(), repr(S([4])))
s2 = S([7])
s2.__ior__({8})
print(type(s2).__name__, sorted(s2, key=str))

class F(frozenset):
    def __new__(cls, *args):
        return super().__new__(cls, args)
f = F(1, 2, 3)
print(f, type(f).__name__, hash(f) == hash(frozenset([1, 2, 3])), f == {1, 2, 3})
print(type(f | {4}).__name__, type(f.copy()).__name__, f.copy() is f)

class LoggingSet(set):
    def add(self, x):
        print("add", x)
        super().add(x)
    def __contains__(self, x):
        print("contains", x)
        return super().__contains__(x)
ls = LoggingSet()
ls.add(5)
print(5 in ls, 6 in ls, ls)

class HashSet(set):
    def __hash__(self):
        return 7
print(hash(HashSet()))

class E:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return isinstance(o, E) and o.v == self.v
    def __repr__(self):
        return "E(%d)" % self.v
es = {E(1), E(2), E(1)}
print(len(es), E(2) in es, E(3) in es, sorted(es, key=lambda e: e.v))
es.remove(E(1))
print(es)
