# Truth tests and method calls under @micropython.native: small ints, None and bools are
# tested inline, everything else through the object's own truth; `obj.m(...)` works for every
# kind of callable an attribute can be.
import micropython


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Judged:
    def __bool__(self):
        print("  Judged.__bool__")
        return False


@micropython.native
def truths(values):
    out = []
    for v in values:
        if v:
            out.append(1)
        else:
            out.append(0)
        out.append(1 if not v else 0)
    return out


print(truths([0, 1, -1, 2**40, -(2**62), 2**64, 0.0, -0.5, None, True, False, "", "x",
              [], [0], (), Sized(0), Sized(3), Judged()]))


@micropython.native
def count_odd(n):
    c = 0
    for i in range(n):
        if i & 1:
            c += 1
        if i % 3:
            c += 10
    return c


print(count_odd(100))


class Shape:
    scale = 3

    def __init__(self, w):
        self.w = w

    def area(self, h):
        return self.w * h

    @staticmethod
    def unit():
        return "unit"

    @classmethod
    def make(cls, w):
        return cls(w * cls.scale)

    def __call__(self, x):
        return ("called", x)


class Square(Shape):
    def area(self, h=None):
        return super().area(self.w)


@micropython.native
def calls(objs):
    out = []
    for o in objs:
        out.append(o.area(2))
        out.append(o.unit())
        out.append(o.make(2).w)
    s = "a,b,c"
    out.append(s.split(","))
    out.append(",".join(["x", "y"]).upper())
    d = {"k": 1}
    out.append(d.get("k", 0) + d.get("z", 5))
    o = objs[0]
    o.method = lambda x: ("instance attribute", x)
    out.append(o.method(1))
    out.append(Shape.make(1).w)
    return out


print(calls([Shape(4), Square(5)]))


@micropython.native
def missing(o):
    return o.nothing(1)


try:
    missing(Shape(1))
except AttributeError as e:
    print("AttributeError:", e)
