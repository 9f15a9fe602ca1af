# Classes: inheritance, MRO, super, classmethod/staticmethod/property, __slots__
class A:
    def who(self): return 'A'
    def chain(self): return ['A']
class B(A):
    def who(self): return 'B' + super().who()
    def chain(self): return ['B'] + super().chain()
class C(A):
    def who(self): return 'C' + super().who()
    def chain(self): return ['C'] + super().chain()
class D(B, C):
    def who(self): return 'D' + super().who()
    def chain(self): return ['D'] + super().chain()
print([k.__name__ for k in D.__mro__], D().who(), D().chain(), D.mro() == list(D.__mro__))
print(D.__bases__ == (B, C), D.__base__.__name__, A.__bases__, object.__bases__, issubclass(D, A), isinstance(D(), C))
print(super(B, D()).who(), super(C, D()).chain(), super(D, D()).who())
class X: pass
class Y: pass
class Z(X, Y): pass
try:
    class Bad(X, Z): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(X, X): pass
except TypeError as e:
    print(type(e).__name__, e)
class O1: pass
class O2(O1): pass
class O3(O1): pass
class O4(O2, O3): pass
class O5(O3): pass
class O6(O4, O5): pass
print([c.__name__ for c in O6.__mro__])
class Base:
    def __init__(self, x):
        self.x = x
        print('Base init', x)
class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__(1, 2)
l = Leaf()
print(l.x, l.y, vars(l), type(l).__name__, l.__class__.__mro__[1].__name__)
class K:
    count = 0
    def __init__(self): K.count += 1
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def add(a, b): return a + b
    @classmethod
    def name(cls): return cls.__name__
class K2(K): pass
K.make(); K2.make(); K().make()
print(K.count, K2.name(), K2().name(), K.add(1, 2), K().add(3, 4), type(K.__dict__['make']).__name__, type(K.__dict__['add']).__name__)
print(K.__dict__['add'].__func__(5, 6), K.make.__self__ is K, K2.make.__self__ is K2)
class P:
    def __init__(self): self._v = 0
    @property
    def v(self):
        """the v"""
        return self._v
    @v.setter
    def v(self, val):
        if val < 0: raise ValueError('negative')
        self._v = val
    @v.deleter
    def v(self):
        print('deleting'); self._v = None
    ro = property(lambda self: 'readonly')
p = P()
p.v = 5; print(p.v); del p.v; print(p.v)
try:
    p.v = -1
except ValueError as e:
    print(type(e).__name__, e)
for op in ['set', 'del']:
    try:
        if op == 'set': p.ro = 1
        else: del p.ro
    except AttributeError as e:
        print(type(e).__name__, e)
print(P.v.__doc__, type(P.v).__name__, P.v.fget.__name__, P.ro.fset, isinstance(P.v, property))
class SubP(P):
    @P.v.getter
    def v(self): return 'sub' + str(self._v)
sp = SubP(); sp.v = 3; print(sp.v)
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
s = S()
print(s.a, hasattr(s, 'b'), hasattr(s, '__dict__'), S.__slots__)
try:
    s.c = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    s.b
except AttributeError as e:
    print(type(e).__name__, e)
s.b = 2; del s.a
try:
    del s.a
except AttributeError as e:
    print(type(e).__name__, e)
class S2(S):
    pass
s2 = S2(); s2.c = 5; print(s2.c, s2.__dict__)
class S3(S):
    __slots__ = ('c',)
s3 = S3(); s3.c = 1; s3.a = 2; print(s3.a, s3.c, hasattr(s3, '__dict__'))
class SD:
    __slots__ = ('x', '__dict__')
sd = SD(); sd.x = 1; sd.y = 2; print(sd.x, sd.__dict__)
class Attr:
    cls_attr = [1]
    def __init__(self): self.inst = 1
a1, a2 = Attr(), Attr()
a1.cls_attr.append(2); a2.cls_attr = ['own']
print(Attr.cls_attr, a1.cls_attr, a2.cls_attr, 'cls_attr' in vars(a2), 'cls_attr' in vars(a1))
Attr.new = lambda self: 'added later'
print(a1.new(), Attr.new.__name__)
del Attr.new
print(hasattr(a1, 'new'))
class Empty: pass
e = Empty(); e.x = 1; print(e.__dict__, Empty.__name__, Empty.__qualname__, Empty.__module__, type(Empty).__name__)
def outerf():
    class Inner:
        class Deeper: pass
    return Inner
print(outerf().__qualname__, outerf().Deeper.__qualname__)
class Over:
    def m(self): return 1
    def m(self): return 2
print(Over().m())
class CallSuper(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self['extra'] = True
print(CallSuper(a=1))
try:
    exec('''
class NoArgSuperInLambda:
    def f(self):
        return (lambda: super().__class__)()
try:
    print(NoArgSuperInLambda().f())
except RuntimeError as e:
    print(type(e).__name__, e)
''')
except SyntaxError as e:
    print('SyntaxError', e)
try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)
class IS:
    def __init__(self): return None
class ISBad:
    def __init__(self): return 5
try:
    ISBad()
except TypeError as e:
    print(type(e).__name__, e)
class NewOnly:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.v = v * 2
        return o
print(NewOnly(4).v)
class NewOther:
    def __new__(cls): return 42
    def __init__(self): print('never')
print(NewOther())
try:
    object.__new__(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    A(1)
except TypeError as e:
    print(type(e).__name__, e)
