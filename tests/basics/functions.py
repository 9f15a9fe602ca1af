# Functions: defaults, keywords, *args/**kwargs, keyword-only, positional-only, closures.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, g=7))
print(f(*[1, 2], **{'c': 3, 'z': 0}))

def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, c=3))
try:
    pos_only(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError", e)

def g(x):
    return x
for call in [lambda: g(), lambda: g(1, 2), lambda: g(y=1), lambda: f(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc

c = counter()
c(); c(5)
print(c())

def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())

adders = [lambda v, i=i: v + i for i in range(3)]
print([a(10) for a in adders])

def doc():
    "docstring here"
print(doc.__doc__, doc.__name__, doc.__qualname__)

def attrs(): pass
attrs.custom = 42
print(attrs.custom, attrs.__dict__)

def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(30))

def kw_only(*, a, b=2):
    return a * b
print(kw_only(a=5))
try:
    kw_only(1)
except TypeError as e:
    print("TypeError", e)

print((lambda *a, **k: (a, k))(1, 2, x=3))

def annotated(a: int, b: "str" = "x") -> list:
    return [a, b]
print(annotated(1), annotated.__annotations__)

x = 10
def uses_global():
    global x
    x += 1
    return x
print(uses_global(), x)

def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)

def deco(fn):
    def wrapper(*a, **k):
        return ("wrapped", fn(*a, **k))
    return wrapper

@deco
def decorated(v):
    return v * 2
print(decorated(21))
