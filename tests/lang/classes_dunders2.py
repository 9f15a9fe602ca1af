# Special methods: __call__, context managers, __repr__/__str__/__format__, __hash__, sequences, __missing__, item access, reflected on int subclasses
class Call:
    def __call__(self, *a, **k): return ('called', a, k)
c = Call()
print(c(1, x=2), callable(c), callable(Call), callable(1), c.__call__(3))
class CM:
    def __init__(self, suppress): self.suppress = suppress
    def __enter__(self): print('enter'); return 'as-value'
    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None, v, tb is not None)
        return self.suppress
with CM(False) as val:
    print('body', val)
with CM(True):
    raise ValueError('suppressed')
print('after suppress')
try:
    with CM(False):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', e)
class Fmt:
    def __repr__(self): return 'R'
    def __str__(self): return 'S'
    def __format__(self, spec): return 'F' + spec
f = Fmt()
print(f, repr(f), str(f), format(f, 'x'), f'{f}', f'{f!r}', [f], (f,), {'k': f}, '%s %r' % (f, f), '{}'.format(f))
class OnlyRepr:
    def __repr__(self): return 'only repr'
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class Hashy:
    def __hash__(self): return 'x'
try:
    hash(Hashy())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if not 0 <= i < 3: raise IndexError
        return 'abc'[i]
print(list(reversed(Seq())), 'b' in Seq(), len(Seq()), sorted(Seq()))
class Missing(dict):
    def __missing__(self, k): return k * 2
m = Missing(a=1)
print(m['a'], m['zz'], m.get('zz'), 'zz' in m)
class Setitem:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): self.d[k] = v
    def __getitem__(self, k): return self.d[k]
    def __delitem__(self, k): del self.d[k]
s = Setitem(); s['a'] = 1; s[1, 2] = 'tuple'; s['a'] += 5
print(s.d, s[1, 2]); del s['a']; print(s.d)
try:
    s['zz']
except KeyError as e:
    print(type(e).__name__, e)
class ReflectedOnlySub(int):
    def __radd__(self, o): return 'sub radd'
    def __add__(self, o): return 'sub add'
print(1 + ReflectedOnlySub(2), ReflectedOnlySub(2) + 1)
class InplaceNI:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return 'fallback add'
y = InplaceNI(); y += 1; print(y)
class RichNI:
    def __eq__(self, o): return NotImplemented
print(RichNI() == RichNI(), RichNI() != 1, RichNI() in [RichNI()])
