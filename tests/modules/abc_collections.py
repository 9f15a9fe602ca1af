# abc (ABCMeta, abstract methods refusing instantiation) and collections.abc (structural checks,
# registered built-ins, mixin methods, match treating Sequence/Mapping subclasses as such)
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @abc.abstractmethod
    def g(self): pass
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): return 1
try: B()
except TypeError as e: print(e)
class C(B):
    def g(self): return 2
print(C().f(), C().g(), type(A).__name__, sorted(A.__abstractmethods__), isinstance(C(), A))
from collections.abc import Sequence, Mapping, Iterable, Iterator, Hashable, Sized, Callable, MutableMapping, Set, Generator, MutableSequence
class S(Sequence):
    def __getitem__(self, i): return [1,2,3][i]
    def __len__(self): return 3
s=S(); print(list(s), 2 in s, s.index(3), list(reversed(s)), s.count(1))
match s:
    case [a, *rest]: print('seq', a, rest)
class M(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 0), 'b' in m, sorted(m.keys()), sorted(m.items()), sorted(m.values()), m == {'a': 1, 'b': 2})
match m:
    case {'a': v, **rest}: print('map', v, rest)
for label, obj in [('list', []), ('tuple', ()), ('str', 'x'), ('bytes', b'x'), ('dict', {}), ('set', set()), ('frozenset', frozenset()),
                   ('range', range(3)), ('list iterator', iter([])), ('generator', (x for x in ())), ('builtin', len), ('int', 5),
                   ('None', None), ('user mapping', m), ('user sequence', s), ('class', int), ('lambda', lambda: 0)]:
    print(label, [isinstance(obj, k) for k in (Iterable, Iterator, Sequence, Mapping, Hashable, Sized, Callable, MutableMapping, Set, Generator, MutableSequence)])
import collections.abc
print(collections.abc.Mapping is Mapping, issubclass(dict, MutableMapping), issubclass(list, Sequence), issubclass(str, MutableSequence))
class Reg: pass
Sequence.register(Reg)
print(issubclass(Reg, Sequence), isinstance(Reg(), Iterable))
class D(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
d = D(); d.update(a=1, b=2); d.setdefault('c', 3); print(d.pop('a'), sorted(d.items()), d.popitem(), len(d))
