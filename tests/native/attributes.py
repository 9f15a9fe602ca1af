# Attribute loads and stores under @micropython.native, which read an instance's own dict
# through the code's attribute cache: instances of one class whose dicts differ in order or
# size, deleted attributes, class attributes appearing later, properties, __slots__,
# __getattr__/__getattribute__/__setattr__, subclasses sharing a method, and other objects.
import micropython


class Plain:
    pass


@micropython.native
def read_x(objs):
    out = []
    for o in objs:
        try:
            out.append(o.x)
        except AttributeError as e:
            out.append("AttributeError: " + str(e))
    return out


a = Plain()
a.x = 1
b = Plain()
b.y = 2
b.x = 3  # x at another position
c = Plain()  # no dict entries at all
d = Plain()
d.x = 4
d.z = 5
del d.x  # a deleted entry
e = Plain()
for i in range(20):
    setattr(e, "f%d" % i, i)
e.x = 6  # far along a bigger dict
print(read_x([a, b, c, d, e, a, b, e]))
Plain.x = "class attribute"  # now c and d see the class's x
print(read_x([a, b, c, d, e]))
del Plain.x
print(read_x([c, a]))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def total(self):
        return super().total() + self.z


@micropython.native
def sums(points):
    t = 0
    for p in points:
        t += p.total() + p.x
        p.y = p.y + 1
    return t


pts = [Point(1, 2), Point3(3, 4, 5), Point(6, 7), Point3(8, 9, 10)]
print(sums(pts), sums(pts), [(p.x, p.y) for p in pts])


class WithProperty:
    def __init__(self):
        self._v = 10

    @property
    def x(self):
        return self._v * 2


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 7


class Dynamic:
    def __getattr__(self, name):
        return "getattr " + name


class Intercept:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        return "getattribute " + name


class Guarded:
    def __init__(self):
        self.x = 0

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 10)


print(read_x([WithProperty(), Slotted(), Dynamic(), Intercept(), Guarded(), Slotted()]))
s = Slotted()
print(read_x([s]), s.__slots__)


@micropython.native
def store_x(objs, v):
    for o in objs:
        try:
            o.x = v
        except AttributeError as e:
            print("AttributeError:", e)


g = Guarded()
store_x([a, g, s, WithProperty()], 3)
print(a.x, g.x, s.x)


@micropython.native
def misc():
    import sys
    return (len.__name__, (1 + 2j).imag, sys.maxsize > 0, Point.total.__name__)


print(misc())


# Stores into an attribute the cache already knows: repeated, after the attribute was deleted,
# on a subclass with __setattr__, after a __setattr__ is added to the class, past a data
# descriptor whose name is also in the instance dict, on __slots__ layouts, and after the class
# gains a property of that name.
class Pair:
    def __init__(self):
        self.a = 1
        self.b = 2


@micropython.native
def set_b(o, v):
    o.b = v
    return o.b


p = Pair()
print([set_b(p, i) for i in range(3)], p.__dict__)
del p.b
print(set_b(p, 7), p.__dict__)


class Hooked(Pair):
    def __setattr__(self, k, v):
        print("setattr", k, v)
        object.__setattr__(self, k, v * 10)


h = Hooked()
print(set_b(h, 5), h.__dict__, set_b(p, 8))


class LateHook(Pair):
    pass


late = LateHook()
print(set_b(late, 1))
LateHook.__setattr__ = lambda self, k, v: print("late hook", k, v)
print(set_b(late, 2), late.__dict__)


class Described(Pair):
    @property
    def b(self):
        return "prop"

    @b.setter
    def b(self, v):
        print("setter", v)


d = Described.__new__(Described)
d.__dict__["b"] = "raw"
print(set_b(d, 3), d.__dict__)


class NoDictSub(Pair):
    __slots__ = ()


class OnlySlots:
    __slots__ = ("b",)


print(set_b(NoDictSub(), 4), set_b(OnlySlots(), 6))
p2 = Pair()
print(set_b(p2, 9))
Pair.b = property(lambda self: "class prop", lambda self, v: print("Pair setter", v))
print(set_b(p2, 10))
