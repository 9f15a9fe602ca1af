# Special methods: operators (reflected, in-place), eq/hash, bool/len, index, contains, iteration, call, context managers
class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return 'V' + repr(self.c)
    def __add__(self, o):
        if isinstance(o, V): return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)): return V(*(a + o for a in self.c))
        return NotImplemented
    def __radd__(self, o):
        print('radd', o)
        return self + o
    def __iadd__(self, o):
        print('iadd')
        self.c = (self + o).c
        return self
    def __sub__(self, o): return V(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __truediv__(self, k): return V(*(a / k for a in self.c))
    def __floordiv__(self, k): return V(*(a // k for a in self.c))
    def __mod__(self, k): return V(*(a % k for a in self.c))
    def __pow__(self, k, mod=None): return V(*(pow(a, k, mod) for a in self.c))
    def __rpow__(self, b): return 'rpow %r' % (b,)
    def __neg__(self): return V(*(-a for a in self.c))
    def __pos__(self): return 'pos'
    def __abs__(self): return V(*(abs(a) for a in self.c))
    def __invert__(self): return 'inv'
    def __lshift__(self, o): return 'lshift'
    def __rrshift__(self, o): return 'rrshift'
    def __and__(self, o): return 'and'
    def __ror__(self, o): return 'ror'
    def __xor__(self, o): return 'xor'
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __lt__(self, o): return self.c < o.c
    def __le__(self, o): return self.c <= o.c
    def __hash__(self): return hash(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __contains__(self, x): print('contains', x); return x in self.c
    def __round__(self, n=None): return 'round %s' % n
    def __divmod__(self, o): return 'divmod'
    def __rdivmod__(self, o): return 'rdivmod'
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a - b, a * 2, 3 * a, a @ b, a / 2, b // 2, b % 3, a ** 2, 2 ** a)
try:
    print(pow(b, 2, 5))
except TypeError as e:
    print(type(e).__name__, e)
print(-a, +a, abs(V(-1, 2)), ~a, a << 1, 1 >> a, a & 1, 1 | a, a ^ 0, round(a), round(a, 2), divmod(a, 1), divmod(1, a))
x = a; x += b; print(x, x is a, a)
x = a; x -= b; print(x, x is a)
print(a == V(4, 6), a != b, a < b, a <= b, a > b, b >= a, sorted([b, a]), max(a, b), 2 in a, 9 not in a, len(a), list(a))
try:
    a + 'str'
except TypeError as e:
    print(type(e).__name__, e)
try:
    'str' + a
except TypeError as e:
    print(type(e).__name__, e)
class Sub(V):
    def __radd__(self, o): return 'Sub.radd wins'
print(V(1) + Sub(2))
class OnlyEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, OnlyEq) and o.v == self.v
try:
    hash(OnlyEq(1))
except TypeError as e:
    print(type(e).__name__, e)
print(OnlyEq.__hash__, OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))
class EqHash(OnlyEq):
    def __hash__(self): return hash(self.v)
print(len({EqHash(1), EqHash(1), EqHash(2)}), {EqHash(3): 'a'}[EqHash(3)])
class Default: pass
d1 = Default()
print(d1 == d1, d1 == Default(), d1 != Default(), hash(d1) == hash(d1), len({d1, d1}))
class NE:
    def __ne__(self, o): return 'custom ne'
    def __eq__(self, o): return 'custom eq'
print(NE() == 1, NE() != 1, 1 == NE(), 1 != NE())
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print('lt'); return self.v < o.v
    def __gt__(self, o): print('gt'); return self.v > o.v
print(Cmp(1) > Cmp(2), Cmp(1) < Cmp(2))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print(type(e).__name__, e)
class Truth:
    def __init__(self, b=None, n=None): self.b, self.n = b, n
    def __bool__(self):
        if self.b is None: raise AttributeError
        return self.b
class Length:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(Truth(True)), bool(Truth(False)), bool(Length(0)), bool(Length(3)), not Length(0), bool(Default()))
for bad in [Length(-1), Length(2 ** 70), Length('x')]:
    try:
        bool(bad)
    except (ValueError, OverflowError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], 'abcd'[Idx():], bin(Idx()), hex(Idx()), range(Idx()), operator_index := Idx().__index__(), [1] * Idx())
class It:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(It(3)), sum(It(4)), [x * 2 for x in It(2)], 3 in It(5), 9 in It(5), tuple(It(0)), sorted(It(3), reverse=True))
class GetItemIter:
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * i
print(list(GetItemIter()), 4 in GetItemIter(), 5 in GetItemIter(), list(reversed([1, 2])), iter(GetItemIter()).__class__.__name__)
class NotIter: pass
for fn in [iter, list]:
    try:
        fn(NotIter())
    except TypeError as e:
        print(type(e).__name__, e)
class IterNone:
    __iter__ = None
try:
    iter(IterNone())
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self): return 1
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
