# Builtins part 2: len .. zip (normal and error cases)
def E(fn, *a, **k):
    try:
        r = fn(*a, **k)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
E(len, 'abc'); E(len, [1] * 5); E(len, {}); E(len, range(0, 10, 3)); E(len, L(4))
E(len, 5); E(len, iter([])); E(len, L(-1)); E(len, L(2 ** 64)); E(len)
E(list); E(list, 'ab'); E(list, {'a': 1}); E(list, range(3)); E(list, 5)
E(list, None); E(list, x=1)
def loc():
    a = 1; b = 2
    return sorted(locals().items())
E(loc)
def loc_free():
    c = 3
    def inner():
        return sorted(locals())
    return inner()
E(loc_free)
E(lambda: list(map(abs, [-1, -2]))); E(lambda: list(map(pow, [2, 3], [3, 2, 9]))); E(map, abs); E(lambda: list(map(None, [1])))
E(lambda: list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'ef')))
E(max, [3, 1, 2]); E(max, 3, 1, 2); E(max, 'abc'); E(max, []); E(max, [], default=None)
E(max, [1, 'a']); E(max, ['aa', 'b'], key=len); E(max, 1)
E(max, [(1, 'b'), (1, 'a')]); E(max, 1, 2, default=0); E(min, [3, 1, 2]); E(min, [2, 1, 1.0]); E(min, 'bca', key=lambda c: -ord(c))
E(min, (), default='d'); E(min)
E(max, [1, 3, 3.0], key=lambda x: x); E(min, [0.0, -0.0]); E(max, [-0.0, 0.0]); E(max, {'b': 1, 'a': 2}); E(min, iter([5, 4]))
it = iter([1, 2])
E(next, it); E(next, it); E(next, it); E(next, it, 'dflt'); E(next, [1]); E(next)
E(lambda: type(object()).__name__); E(lambda: object().__class__.__name__); E(object, 1); E(lambda: callable(object.__init__))
E(oct, 8); E(oct, -8); E(oct, 0); E(oct, 2 ** 40); E(oct, 8.0)
E(ord, 'a'); E(ord, 'é'); E(ord, '\U0001F600'); E(ord, b'a'); E(ord, bytearray(b'z'))
E(ord, ''); E(ord, 'ab'); E(ord, 1)
E(pow, 2, 10); E(pow, 2, -1); E(pow, 2.0, 0.5); E(pow, -8, 1 / 3); E(pow, 3, 4, 5)
E(pow, 3, -1, 7); E(pow, 0, -1); E(pow, 2, 3, 0); E(pow, base=2, exp=5); E(pow, 2, 3, mod=3)
import sys, io
print('a', 'b', sep='-', end='!\n'); print(); print(sep='x'); print(1, 2, 3, sep=''); print('no newline', end=''); print(' same line')
print('to stdout', file=sys.stdout); print('x', file=None); print(*[1, 2], sep=None, end=None)
buf = io.StringIO()
print('into', 'buffer', sep='_', file=buf); print(42, file=buf, end='')
print(repr(buf.getvalue()))
E(print, 1, sep=1); E(print, 1, end=[]); E(print, 'x', file=1); E(print, flush=True)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W(); print('custom', 'writer', file=w); print(w.parts)
E(lambda: list(range(5))); E(lambda: list(range(2, 10, 3))); E(lambda: list(range(5, 0, -2))); E(range, 1, 2, 0); E(range, 1.5)
E(range); E(range, 1, 2, 3, 4)
E(lambda: range(10)[-1]); E(lambda: range(10)[10]); E(lambda: 5 in range(0, 10, 5)); E(lambda: range(0, 10, 2).index(4)); E(lambda: range(3) == range(0, 3, 1)); E(lambda: len(range(2 ** 70)))
E(lambda: range(2 ** 64)[2 ** 63]); E(lambda: range(10).count(3)); E(lambda: repr(range(0, -5, -1))); E(lambda: hash(range(3)) == hash(range(0, 3)))
E(repr, 'a\'b"'); E(repr, 1.0); E(repr, [None, True]); E(repr, {1: ()}); E(repr, set())
E(repr, frozenset()); E(repr, ...); E(repr, NotImplemented); E(repr, int); E(repr, len)
E(lambda: list(reversed([1, 2, 3]))); E(lambda: list(reversed('abc'))); E(lambda: list(reversed(range(3)))); E(lambda: list(reversed({1: 2}))); E(reversed, iter([1])); E(reversed, 5)
E(lambda: list(reversed({'a': 1, 'b': 2}))); E(lambda: list(reversed({'a': 1}.items())))
E(round, 2.567, 2); E(round, -2.5); E(round, 25, -1); E(round, 35, -1); E(round, 'x')
E(round, 1.5, None); E(round, float('nan')); E(round, 1e308, -308)
E(set); E(lambda: sorted(set('aab'))); E(set, [[1]]); E(set, 1); E(lambda: sorted(set([3, 1, 2])))
class O: pass
o = O()
E(setattr, o, 'x', 5); print(o.x); E(setattr, o, 1, 2); E(setattr, 1, 'real', 2); E(setattr, o, 'y')
E(slice, 3); E(slice, 1, 2); E(slice, 1, 2, 3); E(slice); E(slice, 1, 2, 3, 4); E(lambda: slice(1, 2).step)
E(sorted, [3, 1, 2]); E(sorted, 'cba', reverse=True); E(sorted, [[2], [1]]); E(sorted, [1, 'a']); E(sorted, ['b', 'A', 'a'], key=str.lower)
E(sorted, [3, 1], None); E(sorted)
E(sorted, [(1, 'b'), (0, 'z'), (1, 'a')], key=lambda t: t[0]); E(sorted, {3: 'a', 1: 'b'}); E(sorted, [0.5, -1, True, 2 ** 65]); E(sorted, [1, 2], key=1)
E(str); E(str, 1); E(str, b'ab'); E(str, b'ab', 'ascii'); E(str, b'\xff', 'utf-8')
E(str, b'\xff', 'utf-8', 'replace'); E(str, 'x', 'utf-8'); E(str, object=5); E(str, [1, 'a'])
E(sum, [1, 2, 3]); E(sum, [1, 2], 10); E(sum, [0.1] * 3); E(sum, [[1], [2]], []); E(sum, ['a', 'b'], '')
E(sum, [1, 'a']); E(sum, []); E(sum, [1], start=5); E(sum, 5); E(sum, [True, True])
E(sum, [2 ** 64, 2 ** 64]); E(sum, [1, 2.5, 3j]); E(sum, [b'a'], b'')
E(tuple); E(tuple, 'ab'); E(tuple, [1]); E(tuple, 5); E(tuple, {1: 2})
E(type, 1); E(type, int); E(type, type); E(type, 'X', (), {}); E(type); E(type, 1, 2)
class V:
    a = 1
    def __init__(self): self.b = 2
E(vars, V()); E(lambda: 'a' in vars(V)); E(vars, 5); E(vars, V(), 1)
E(lambda: list(zip('ab', [1, 2, 3]))); E(lambda: list(zip())); E(lambda: list(zip([1]))); E(zip, 1); E(lambda: list(zip('ab', 'cd', 'ef')))
E(lambda: list(zip('ab', 'abc', strict=True))); E(lambda: list(zip('abc', 'ab', strict=True))); E(lambda: list(zip('ab', 'cd', strict=True)))
E(lambda: dict(zip('ab', range(2)))); E(lambda: [*zip(*[(1, 2), (3, 4)])])
class S:
    def m(self): return 'S.m'
class T(S):
    def m(self): return 'T.m+' + super(T, self).m()
E(lambda: T().m()); E(lambda: super(T, T()).m()); E(super, T, 1); E(lambda: super(int, 5).__class__.__name__); E(lambda: type(super(T, T())).__name__)
E(lambda: super(T, T).m(T()))
E(bytes, 'ab', 'utf-8'); E(bytes, [1, 2]); E(bytes, 2); E(bytes, 'x'); E(bytes, -1)
E(bytearray, b'x'); E(bytes, [256]); E(complex, '1+2j'); E(complex, 1, 2); E(complex, 'x')
E(lambda: type(memoryview(b'ab')).__name__); E(lambda: memoryview(b'ab')[0]); E(lambda: isinstance(NotImplemented, object)); E(lambda: bool(NotImplemented) if False else 'skip')
E(callable, print); E(lambda: __name__); E(lambda: __builtins__ is not None); E(lambda: type(__doc__).__name__)
class GI:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
E(reversed, GI()); E(lambda: list(reversed(GI())) if hasattr(GI, '__len__') else 'no len')
