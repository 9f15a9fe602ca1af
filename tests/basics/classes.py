# Classes: inheritance, super, properties, class/static methods, dunders, MRO.
class Base:
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def greet(self):
        return "hello " + self.name
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def greet(self):
        return super().greet() + f" ({self.age})"

c = Child("ann", 7)
print(c.greet(), c, Base.count, isinstance(c, Base), issubclass(Child, Base))
print(Child.__mro__)
print(Child.__name__, Child.__qualname__, Child.__bases__)

class A:
    def __init__(self): print("A.__init__")
class B(A):
    def __init__(self):
        print("B.__init__"); super().__init__()
class C(A):
    def __init__(self):
        print("C.__init__"); super().__init__()
class D(B, C):
    def __init__(self):
        print("D.__init__"); super().__init__()
D()
print([k.__name__ for k in D.__mro__])

class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @staticmethod
    def s(a): return a + 1
    @classmethod
    def make(cls): return cls()
p = P.make()
p.x = 5
print(p.x, P.s(1), p.s(2))
try:
    del p.x
except AttributeError as e:
    print("AttributeError", e)

class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): return iter((self.x, self.y))
    def __bool__(self): return bool(self.x or self.y)
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __neg__(self): return Vec(-self.x, -self.y)
    def __call__(self, z): return self.x + self.y + z
    def __contains__(self, v): return v in (self.x, self.y)
v = Vec(1, 2) + Vec(3, 4)
print(v, v * 2, 3 * v, v == Vec(4, 6), len(v), v[1], list(v), bool(Vec(0, 0)), -v, v(10), 4 in v)
print(sorted([Vec(2, 1), Vec(1, 5)]), {Vec(1, 1): 'a'}[Vec(1, 1)])
a, b = v
print(a, b)

class Slotted:
    __slots__ = ('a',)
s = Slotted(); s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print("AttributeError", e)

class GA:
    def __getattr__(self, name): return name.upper()
print(GA().hello)

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['tag'] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.tag, type(WithMeta).__name__)

T = type('T', (object,), {'v': 3, 'm': lambda self: self.v * 2})
print(T().m(), T.__name__)

class Plugin:
    registry = []
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key
        Plugin.registry.append(cls.__name__)
class One(Plugin, key="one"): pass
class Two(Plugin): pass
print(Plugin.registry, One.key, Two.key)

class Mangled:
    def __init__(self): self.__secret = 1
    def get(self): return self.__secret
m = Mangled()
print(m.get(), m._Mangled__secret, hasattr(m, '__secret'))

class L(list):
    def __init__(self, a):
        self.append(a)
print(L(1))

class Desc:
    def __get__(self, obj, owner): return ("get", owner.__name__)
    def __set__(self, obj, v): obj.__dict__['d'] = v * 10
class HasDesc:
    d = Desc()
h = HasDesc(); h.d = 2
print(h.d, h.__dict__)

class Ctx:
    def __enter__(self): print("enter"); return self
    def __exit__(self, t, v, tb): print("exit", t.__name__ if t else None); return True
with Ctx() as cx:
    raise ValueError("swallowed")
print("after with")
print(type(c) is Child, type(type), type(3), type(None).__name__)
