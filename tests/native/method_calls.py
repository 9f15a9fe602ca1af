# Method calls (LOAD_METHOD/CALL_METHOD) under @micropython.native and in bytecode, which
# remember per call site the method a type's classes gave last time: the same site seeing
# several types, builtin types, subclasses of builtins, methods shadowed by an instance's own
# attribute after the site was warm, methods replaced on the class or a base, __class__
# changed, __getattribute__/__getattr__ added later, functions' own attributes, modules,
# classes, super(), staticmethod/classmethod, and a class made at a dead class's address.
import micropython


class A:
    def who(self):
        return "A.who"

    def twice(self, x):
        return 2 * x


class B(A):
    def who(self):
        return "B.who"


class MyList(list):
    def size(self):
        return len(self)


CALL_WHO = """
def call_who(objs):
    out = []
    for o in objs:
        try:
            out.append(o.who())
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
"""
# The same function as machine code and as bytecode.
exec("@micropython.native" + CALL_WHO)
call_who_native = call_who
exec(CALL_WHO)
call_who_bc = call_who
call_who = call_who_native


@micropython.native
def builtin_calls(d, l, s):
    out = []
    for i in range(3):
        out.append(d.get(i, -1))
        l.append(i)
        out.append(s.upper())
        out.append(s.startswith("a"))
    out.append(l.count(1))
    return out


for f in (call_who, call_who_bc):
    a, b = A(), B()
    print(f([a, b, a, b]))
    # Shadowed by the instance's own attribute once the site is warm.
    a.who = lambda: "instance who"
    print(f([a, b, A()]))
    del a.who
    print(f([a, a]))
    # Replaced on the class, then on the base only.
    A.who = lambda self: "new A.who"
    print(f([a, b]))
    del B.who
    print(f([a, b]))
    A.who = lambda self: "A.who again"
    B.who = lambda self: "B.who again"
    print(f([a, b]))
    # __class__ changed under a warm site.
    a.__class__ = B
    print(f([a]))
    a.__class__ = A
    print(f([a]))
    # Not callable, not there.
    a.who = 5
    print(f([a]))
    del a.who
    print(f([object(), 3, "s"]))
    A.who = lambda self: "A.who"
    B.who = lambda self: "B.who"

print(builtin_calls({1: "one"}, [1], "abc"))
print(builtin_calls({0: "zero"}, [], "xyz"))


@micropython.native
def sizes(objs):
    return [o.size() for o in objs]


m = MyList([1, 2, 3])
print(sizes([m, MyList()]))
m.size = lambda: "own size"
print(sizes([m, MyList([0])]))
del m.size
print(sizes([m]))
MyList.size = lambda self: -len(self)
print(sizes([m]))


# __getattribute__ and __getattr__ added to a class after its methods were cached.
class Hooked:
    def run(self):
        return "run"


@micropython.native
def call_run(o):
    return o.run()


h = Hooked()
print(call_run(h), call_run(h))


def getattribute(self, name):
    if name == "run":
        return lambda: "hooked run"
    return object.__getattribute__(self, name)


Hooked.__getattribute__ = getattribute
print(call_run(h))
del Hooked.__getattribute__
print(call_run(h))
Hooked.__getattr__ = lambda self, name: (lambda: "getattr " + name)
print(call_run(h))
del Hooked.run
print(call_run(h))


# Functions, modules, classes, static and class methods, super().
def plain():
    return "plain"


plain.attr = lambda: "function attribute"


@micropython.native
def call_attr(o):
    return o.attr()


print(call_attr(plain))


class Holder:
    attr = staticmethod(lambda: "static")

    @classmethod
    def make(cls):
        return cls.__name__


class SubHolder(Holder):
    def attr(self):
        return "sub " + super().attr()


@micropython.native
def call_make(o):
    return o.make()


print(call_attr(Holder), call_attr(Holder()), call_attr(SubHolder()))
print(call_make(Holder), call_make(SubHolder), call_make(SubHolder()))
print(call_attr(micropython) if hasattr(micropython, "attr") else "no micropython.attr")


# Classes made and dropped in a loop: a new class may reuse a dead class's memory.
@micropython.native
def call_tag(o):
    return o.tag()


results = []
for i in range(40):
    if i % 2:
        C = type("C%d" % i, (), {"tag": lambda self, i=i: "odd %d" % i})
    else:

        class C:
            def tag(self, i=i):
                return "even %d" % i

    results.append(call_tag(C()))
    del C
print(results[:4], results[-2:], len(set(results)))


# Many types through one site, and a method whose lookup raises.
class Bad:
    @property
    def who(self):
        raise ValueError("no who here")


print(call_who([A(), B(), Bad(), A(), MyList()]))


# Instance dicts of many entries, keys made at run time (not interned), deleted entries.
class Many:
    def who(self):
        return "Many.who"


m = Many()
for k in range(12):
    setattr(m, "a%d" % k, k)
print(call_who([m, m]))
m.who = lambda: "shadowing after 12 others"
print(call_who([m]))
del m.who
print(call_who([m]))
n = A()
n.x = 1
n.__dict__["w" + "hox"[0:2]] = lambda: "a computed key"
print(call_who([n, n]))
del n.__dict__["who"]
n.__dict__[("who",)] = "a tuple key"
print(call_who([n]))
del n.x
print(call_who([n, B()]))
