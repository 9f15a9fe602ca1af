# Instance attribute reads stay right while instances, classes and their dicts change (the
# interpreter caches where it found each attribute).


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def read(o):
    return o.x


a, b = P(1, 2), P(3, 4)
print(read(a), read(b), read(a))
c = P(5, 6)
del c.x
c.x = 7  # the same name at a different dict position
print(read(c), read(a))
d = P(8, 9)
d.__dict__.clear()
d.__dict__["x"] = "fresh"
print(read(d))
try:
    del d.x
    read(d)
except AttributeError as e:
    print("AttributeError:", e)
d.x = 10


class Q:
    pass


q = Q()
q.x = "q"
print(read(q), read(a))
q.__class__ = P
print(read(q))
P.x = property(lambda self: "property wins")
print(read(a), read(q))
del P.x
print(read(a))
P.x = "class attribute"
print(read(a))
del P.x


class G(P):
    def __getattribute__(self, name):
        return "intercepted " + name


g = G(1, 2)
print(read(g), read(a))


class S(P):
    __slots__ = ()


s = S(11, 12)
print(read(s))
a.__dict__["__dict__"] = "not the dict"
a.__dict__["__class__"] = "not the class"
for i in range(2):
    print(type(a.__dict__).__name__, a.__class__.__name__)


class Fallback:
    def __getattr__(self, name):
        return "missing " + name


fb = Fallback()
print(read(fb))
fb.x = "present"
print(read(fb), read(fb))
del fb.x
print(read(fb))
