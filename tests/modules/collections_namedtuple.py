# collections.namedtuple: construction, fields, defaults, renaming, methods, errors, subclasses.
from collections import namedtuple


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], p[-1], len(p))
print(Point(x=3, y=4), Point(5, y=6), Point._make([7, 8]), Point._make(iter((9, 10))))
print(Point._fields, Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(Point, type(p), isinstance(p, tuple), issubclass(Point, tuple))
print(p._asdict(), type(p._asdict()).__name__)
print(p._replace(x=100), p._replace(), p._replace(y=0, x=0), p)
print(p == (1, 2), p == Point(1, 2), p != (2, 1), p < Point(1, 3), p + (3,), p * 2)
print(hash(p) == hash(Point(1, 2)), {p: 'a'}[Point(1, 2)])
print(list(p), tuple(p), sorted([Point(2, 1), Point(1, 2), Point(1, 1)]), max(Point(0, 9), Point(1, 0)))
x, y = p
print(x, y, p[:1], p[::-1], 2 in p, p.index(2), p.count(1))
print(Point.x, Point.y.__doc__, Point.__match_args__)
t(lambda: Point(1))
t(lambda: Point(1, 2, 3))
t(lambda: Point(1, z=2))
t(lambda: Point(1, 2, x=3))
t(lambda: Point._make([1]))
t(lambda: Point._make([1, 2, 3]))
t(lambda: p._replace(z=1))
t(lambda: p[2])


def set_field():
    p.x = 5


def del_field():
    del p.x


t(set_field)
t(del_field)

# field name forms
print(namedtuple('A', 'a, b,c')._fields)
print(namedtuple('A', ['a', 'b'])._fields)
print(namedtuple('A', ('a',))._fields)
print(namedtuple('A', '  a   b  ')._fields)
print(namedtuple('Empty', '')._fields, namedtuple('Empty', '')())
One = namedtuple('One', 'a')
print(One(1), One._make([2]), One(a=3).a)

# defaults
Q = namedtuple('Q', 'a b c', defaults=[2, 3])
print(Q(1), Q(1, 9), Q(1, c=0), Q(a=5), Q._field_defaults)
print(namedtuple('R', 'a b', defaults=(1, 2))())
print(namedtuple('R', 'a b', defaults=iter([7]))(0))
print(namedtuple('R', 'a b', defaults=[])._field_defaults)
t(lambda: Q())
t(lambda: namedtuple('R', 'a', defaults=[1, 2]))

# rename
print(namedtuple('R', 'a def class _x a 1b', rename=True)._fields)
print(namedtuple('R', ['abc', 'abc', 'x y'], rename=True)._fields)

# invalid names
t(lambda: namedtuple('R', 'a a'))
t(lambda: namedtuple('R', '_a'))
t(lambda: namedtuple('R', 'def'))
t(lambda: namedtuple('1R', 'a'))
t(lambda: namedtuple('class', 'a'))
t(lambda: namedtuple('R', 'a-b'))
t(lambda: namedtuple('R', [1, 2]))
t(lambda: namedtuple('R'))
t(lambda: namedtuple('R', 'a', bogus=1))

# module
print(namedtuple('M', 'a', module='somewhere').__module__)
print(namedtuple('M', 'a', module=None).__module__)

# subclassing
class P3(namedtuple('P3', 'x y z')):
    __slots__ = ()

    def total(self):
        return self.x + self.y + self.z

    def __str__(self):
        return 'P3<%d>' % self.total()


v = P3(1, 2, 3)
print(v, str(v), v.total(), v._replace(z=10).total(), type(v._replace(z=1)).__name__, P3._make([0, 0, 1]).total())


class Named(namedtuple('Named', 'name value')):
    def __new__(cls, name, value=0):
        return super().__new__(cls, name.upper(), value)


print(Named('a'), Named('b', 2), Named('c', value=3).value)

# field named like builtins and methods still work
W = namedtuple('W', 'count index self cls len')
w = W(1, 2, 3, 4, 5)
print(w, w.count, w.index, w.self, w.len, w._asdict())

# many fields
Big = namedtuple('Big', ['f%d' % i for i in range(30)])
big = Big(*range(30))
print(big.f0, big.f29, len(big), big._fields[-1])
print(repr(Big._make(range(30)))[:40])
