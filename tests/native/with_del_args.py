# with statements, del of locals and every kind of argument under @micropython.native.
import micropython


class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.swallow


@micropython.native
def use_with(fail):
    with CM("a") as a, CM("b", swallow=True) as b:
        print("body", a, b)
        if fail:
            raise ValueError("inside")
    return "after"


print(use_with(False))
print(use_with(True))


@micropython.native
def with_return():
    with CM("r"):
        return "returned"


print(with_return())


@micropython.native
def with_break():
    for i in range(3):
        with CM("loop%d" % i):
            if i == 1:
                break
    return i


print(with_break())


@micropython.native
def delete_local(flag):
    x = 1
    if flag:
        del x
    return x


print(delete_local(False))
try:
    delete_local(True)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


@micropython.native
def never_assigned(flag):
    if flag:
        y = 2
    return y


try:
    never_assigned(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


@micropython.native
def del_twice():
    z = 3
    del z
    del z


try:
    del_twice()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


@micropython.native
def params(a, b=2, *rest, c, d=4, **kw):
    return a, b, rest, c, d, sorted(kw.items())


print(params(1, c=3))
print(params(1, 5, 6, 7, c=8, d=9, e=10, f=11))
print(params(*[1, 2, 3], **{"c": 0, "g": 1}))


@micropython.native
def posonly(a, b, /, c=3):
    return a + b + c


print(posonly(1, 2), posonly(1, 2, c=10))
try:
    posonly(a=1, b=2)
except TypeError as e:
    print("TypeError")

try:
    params()
except TypeError as e:
    print("TypeError:", e)


@micropython.native
def mutable_default(x, acc=[]):
    acc.append(x)
    return acc


mutable_default(1)
print(mutable_default(2))


@micropython.native
def caller():
    args = (1, 2)
    kw = {"c": 30}
    return posonly(*args, **kw), params(0, *args, c=1, **{"z": 9})


print(caller())


class Point:
    @micropython.native
    def __init__(self, x, y):
        self.x = x
        self.y = y

    @micropython.native
    def norm2(self):
        return self.x * self.x + self.y * self.y

    @micropython.native
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    @micropython.native
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Point3(Point):
    @micropython.native
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    @micropython.native
    def norm2(self):
        return super().norm2() + self.z * self.z


print(Point(1, 2) + Point(3, 4), Point(3, 4).norm2(), Point3(1, 2, 2).norm2())
