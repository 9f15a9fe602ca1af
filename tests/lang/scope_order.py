# Lambdas and comprehensions in defaults, annotations, bases and class keywords belong to the
# enclosing scope, and the body's own nested scopes must still line up with them.
def f(x=lambda: 1, *, y=lambda: 3) -> (lambda: 4):
    inner = [z * 2 for z in range(2)]
    return x() + y() + sum(inner)
print(f(), f(lambda: 10), f.__annotations__['return']())

g = lambda a=lambda: 5, b=[i for i in 'ab']: (a(), b)
print(g())

class Meta(type):
    pass

class C(metaclass=(lambda *a: Meta(*a))):
    z = [k for k in range(2)]
    def m(self, q=lambda: 7):
        return q() + (lambda: 1)()
print(type(C).__name__, C().m(), C.z)

class D(*[(lambda: object)()]):
    w = [i for i in range(3)]
    def n(self, d={j: j for j in 'xy'}):
        return d
print(D.w, D().n())

def outer():
    v = 'closed'
    def h(p=lambda: v, r=(lambda: [v for _ in range(1)])()):
        return p(), r
    return h()
print(outer())

def deco(tag):
    return lambda fn: (lambda *a: (tag, fn(*a)))
@deco((lambda: 'made')())
def decorated(a=lambda: 'default'):
    return a()
print(decorated())
