# Attribute hooks: __getattr__, __getattribute__, __setattr__, __delattr__, descriptors, __set_name__
class GA:
    x = 1
    def __getattr__(self, name):
        if name.startswith('dyn'): return 'dyn:' + name
        raise AttributeError(f'no {name}')
g = GA()
print(g.x, g.dynamic, getattr(g, 'dyn_x'), hasattr(g, 'nope'), getattr(g, 'nope', 'default'))
try:
    g.nope
except AttributeError as e:
    print(type(e).__name__, e)
class GAB:
    def __init__(self): self.real = 'r'
    def __getattribute__(self, name):
        if name == 'secret': return 'intercepted'
        if name == 'boom': raise AttributeError('boom attr')
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'fallback ' + name
gb = GAB()
print(gb.real, gb.secret, gb.boom, gb.other, gb.__class__.__name__)
class Log:
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print('del', name)
        if name == 'keep': raise AttributeError('cannot delete keep')
        object.__delattr__(self, name)
lg = Log()
lg.a = 5; lg.b = 's'; setattr(lg, 'c', 1)
print(lg.a, lg.b, lg.c, vars(lg))
del lg.a
try:
    del lg.keep
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del lg.zzz
except AttributeError as e:
    print(type(e).__name__, e)
class Frozen:
    __slots__ = ()
    def __setattr__(self, k, v): raise AttributeError(f'{type(self).__name__} is frozen')
try:
    Frozen().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
class Typed:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        if not isinstance(value, int): raise TypeError(f'{self.name[1:]} must be int')
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('delete', self.name)
class Rec:
    a = Typed()
    b = Typed()
r = Rec()
print(r.a, isinstance(Rec.a, Typed), Rec.__dict__['a'].name)
r.a = 3; print(r.a, r._a)
try:
    r.b = 'x'
except TypeError as e:
    print(type(e).__name__, e)
del r.a
r.__dict__['a'] = 'shadow'
print(r.a)
class NonData:
    def __get__(self, obj, typ): return 'nondata'
class HasND:
    nd = NonData()
h = HasND()
print(h.nd, HasND.nd)
h.nd = 'instance wins'
print(h.nd, HasND().nd)
class Counter:
    calls = 0
    def __get__(self, obj, typ):
        Counter.calls += 1
        return Counter.calls
class UsesCounter:
    c = Counter()
print(UsesCounter().c, UsesCounter.c, UsesCounter().c)
class Meth:
    def __init__(self, f): self.f = f
    def __get__(self, obj, typ):
        if obj is None: return self
        return lambda *a: self.f(obj, *a)
class WithMeth:
    @Meth
    def hello(self, x): return ('hello', x)
print(WithMeth().hello(1))
class Lazy:
    def __init__(self, f): self.f = f; self.name = f.__name__
    def __get__(self, obj, typ):
        if obj is None: return self
        v = self.f(obj); obj.__dict__[self.name] = v; print('computed'); return v
class UseLazy:
    @Lazy
    def val(self): return 42
ul = UseLazy()
print(ul.val, ul.val)
class SN:
    def __set_name__(self, owner, name): self.where = (owner.__name__, name)
class Owner:
    first = SN()
    second = SN()
print(Owner.first.where, Owner.second.where)
late = SN()
Owner.late = late
print(hasattr(late, 'where'))
print(getattr(1, 'real'), getattr('s', 'upper')(), getattr([], 'nope', None))
for args in [(1, 'nope'), (1, 5), (object(), '')]:
    try:
        getattr(*args)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    setattr(1, 'x', 2)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(r, 'zz')
except AttributeError as e:
    print(type(e).__name__, e)
class Cls: pass
try:
    Cls.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Cls().nope
except AttributeError as e:
    print(type(e).__name__, e)
import sys
try:
    sys.nope_attr
except AttributeError as e:
    print(type(e).__name__, e)
class GetattrRaisesOther:
    def __getattr__(self, n): raise KeyError(n)
try:
    hasattr(GetattrRaisesOther(), 'x')
except KeyError as e:
    print(type(e).__name__, e)
class ClassAttrDesc:
    def __get__(self, obj, typ): return ('get', obj is None, typ.__name__)
class HasCAD:
    d = ClassAttrDesc()
class SubCAD(HasCAD): pass
print(HasCAD.d, SubCAD.d, SubCAD().d)
print(type(r).__dict__['a'].__get__(r, Rec), Rec.__dict__['a'].__get__(None, Rec) is Rec.__dict__['a'])
class DictAccess:
    def __init__(self): self.__dict__['z'] = 26
    def __setattr__(self, k, v): self.__dict__[k.upper()] = v
da = DictAccess(); da.q = 1; print(sorted(vars(da).items()))
class SelfRef:
    def __getattr__(self, name):
        if name == 'alias': return self.target
        raise AttributeError(name)
sr = SelfRef(); sr.target = 't'; print(sr.alias)
print(dir(sr)[-1], '__getattr__' in dir(sr), 'target' in dir(sr), '__init__' in dir(SelfRef))
class PropFallback:
    @property
    def x(self): raise AttributeError('from property')
    @property
    def y(self): return 'y ok'
    def __getattr__(self, n): return 'getattr fallback ' + n
pf = PropFallback()
try:
    print(pf.x, pf.y, getattr(pf, 'x'), hasattr(pf, 'x'))
except AttributeError as e:
    print('no fallback:', type(e).__name__, e)
class PropNoFallback:
    @property
    def x(self): raise AttributeError('from property only')
try:
    PropNoFallback().x
except AttributeError as e:
    print(type(e).__name__, e)
