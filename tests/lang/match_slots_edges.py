# Edge cases found by a crash hunt: builtin bases mixed with slotted classes are refused, class
# patterns treat AttributeError as no match, builtin subclasses match themselves, sequence patterns
# honour overridden __iter__, __class__ assignment compares slot layouts, unset slots fall back to __getattr__
for base in ('dict', 'list', 'tuple', 'str', 'int', 'float', 'set', 'bytearray', 'Exception'):
    try:
        exec(f"class A:\n    __slots__ = ('x', 'y')\nclass M({base}, A):\n    pass\n")
        print(base, 'accepted')
    except TypeError as e:
        print(base, 'TypeError', e)
class P:
    __slots__ = ('x', 'y'); __match_args__ = ('x', 'y')
p = P(); p.x = 1
match p:
    case P(1, y): print('x1')
    case P(): print('P')
class MyInt(int): pass
match MyInt(3):
    case MyInt(a): print(a)
class L(list):
    def __iter__(self): return iter([7, 8])
match L([1, 2]):
    case [a, b]: print(a, b)
print(list(L([1, 2])), tuple(L([1])), [*L([0])])
a, b = L([1, 2]); print(a, b)
match range(2**64):
    case [*_]: print('any seq')
class S1: __slots__ = ('a',)
class S3: __slots__ = ('b',)
s = S1(); s.a = 10
try:
    s.__class__ = S3
except TypeError as e: print(e)
class S:
    __slots__ = ('a',)
    def __getattr__(self, k): return 'fallback-' + k
print(S().a, S.a.__doc__, S.a.__qualname__)
class Prop:
    @property
    def x(self): raise AttributeError('nope')
match Prop():
    case Prop(x=1): print('x')
    case _: print('no match')
