# Metaclasses, __init_subclass__, class decorators, name mangling, __class__ cell
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        d = {'injected': True}
        return d
    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get('tag', 'none')
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('init', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('call', cls.__name__, a)
        inst = super().__call__(*a, **k)
        inst.made_by_meta = True
        return inst
class WithMeta(metaclass=Meta, tag='T'):
    x = 1
    def __init__(self, v): self.v = v
w = WithMeta(5)
print(type(WithMeta).__name__, WithMeta.tag, WithMeta.injected, w.v, getattr(w, 'made_by_meta', 'MISSING'), isinstance(WithMeta, Meta))
class Child(WithMeta):
    pass
print(Child.tag, type(Child).__name__)
class OrderedMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.order = [k for k in ns if not k.startswith('__')]
        return cls
class Ordered(metaclass=OrderedMeta):
    z = 1
    a = 2
    def m(self): pass
    b = 3
print(Ordered.order)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Singleton):
    def __init__(self): print('One init')
print(One() is One())
class MetaAttr(type):
    def meta_method(cls): return 'meta on ' + cls.__name__
    @property
    def meta_prop(cls): return 'prop ' + cls.__name__
class UsesMA(metaclass=MetaAttr): pass
print(UsesMA.meta_method(), UsesMA.meta_prop, hasattr(UsesMA(), 'meta_method'))
Dyn = type('Dyn', (object,), {'x': 10, 'get': lambda self: self.x})
print(Dyn().get(), Dyn.__name__, Dyn.__bases__, type(Dyn) is type)
Dyn2 = Meta('Dyn2', (), {})
print(Dyn2.tag)
try:
    type('Bad', (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type('a', 'b')
except TypeError as e:
    print(type(e).__name__, e)
class M1(type): pass
class M2(type): pass
class CM1(metaclass=M1): pass
class CM2(metaclass=M2): pass
try:
    class Conflict(CM1, CM2): pass
except TypeError as e:
    print(type(e).__name__, e)
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class PA(Plugin, name='alpha'): pass
class PB(Plugin): pass
class PC(PB, name='gamma'): pass
print(Plugin.registry, PC.plugin_name, PB.plugin_name)
try:
    class PD(Plugin, unknown=1): pass
except TypeError as e:
    print(type(e).__name__, e)
class NoInitSub: pass
try:
    class Kw(NoInitSub, flag=True): pass
except TypeError as e:
    print(type(e).__name__, e)
def add_repr(cls):
    cls.__repr__ = lambda self: f'<{cls.__name__} {vars(self)}>'
    return cls
def register(tag):
    def deco(cls):
        cls.tag = tag
        return cls
    return deco
@register('x')
@add_repr
class Decorated:
    def __init__(self): self.a = 1
print(Decorated(), Decorated.tag)
def replace(cls): return 'replaced'
@replace
class Gone: pass
print(Gone)
class Mangle:
    __private = 'p'
    def __init__(self): self.__x = 1
    def get(self): return self.__x, self.__private, Mangle.__private
    def _Mangle__manual(self): return 'manual'
    def call(self): return self.__manual()
m = Mangle()
print(m.get(), m._Mangle__x, sorted(k for k in vars(m)), hasattr(m, '__x'), m.call(), '_Mangle__private' in Mangle.__dict__)
class SubMangle(Mangle):
    def __init__(self):
        super().__init__()
        self.__x = 2
print(sorted(vars(SubMangle()).items()))
class _Under:
    def f(self): self.__y = 1; return vars(self)
class __Dunder__:
    def f(self): self.__z = 1; return vars(self)
print(_Under().f(), __Dunder__().f())
def outside(obj): return obj.__secret
class Ins:
    __secret = 's'
    def t(self):
        try:
            return outside(self)
        except AttributeError as e:
            return str(e)
print(Ins().t())
class Cell:
    def m(self): return __class__
    def n(self): return __class__.__name__
class CellSub(Cell): pass
print(Cell().m() is Cell, CellSub().m() is Cell, CellSub().n())
class NS:
    a = 1
    b = a + 1
    c = [a * i for i in range(3)] if False else None
    def f(self): return a if False else NS.a
print(NS.b, NS().f())
class Abstractish:
    def __init_subclass__(cls):
        if not hasattr(cls, 'required'):
            raise TypeError(f'{cls.__name__} missing required')
try:
    class Impl(Abstractish): pass
except TypeError as e:
    print(type(e).__name__, e)
class Impl2(Abstractish):
    required = 1
print(Impl2.required, Abstractish.__init_subclass__.__name__)
print(type(type), type(object), isinstance(type, object), isinstance(object, type), type.__mro__)
print(Meta.__mro__[1] is type, issubclass(Meta, type), type(Meta), type(3).__name__, type(None).__name__)
class Repr(type):
    def __repr__(cls): return f'<class {cls.__name__} via meta>'
class RR(metaclass=Repr): pass
print(RR, [RR], str(RR))
class InstCheck(type):
    def __instancecheck__(cls, inst): return inst == 'magic'
    def __subclasscheck__(cls, sub): return sub is int
class IC(metaclass=InstCheck): pass
print(isinstance('magic', IC), isinstance(1, IC), issubclass(int, IC), issubclass(str, IC))

# A class made by calling type() belongs to the calling module.
Made = type('Made', (), {'x': 1})
print(Made, Made.__module__, Made.x)
