import micropython

@micropython.native
def f(n):
    s = 0
    for i in range(n):
        s += i
    while s > 10:
        s -= 3
    try:
        x = s.foo
    except AttributeError as e:
        print("caught", e)
        x = 1
    return s, x

print(f(10))

@micropython.native
def g(a, b=2, *args, **kw):
    return [a, b, args, kw, a * b + 1]
print(g(3), g(1, 2, 3, z=4))

@micropython.native
def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"

it = gen(3)
print(next(it), it.send("hi"), next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value)

@micropython.native
def err(x):
    return 1 / x

try:
    err(0)
except ZeroDivisionError as e:
    print("zde", e)

@micropython.native
def outer():
    y = 10
    def inner(z):
        return y + z
    return inner(5)
print(outer())

@micropython.native
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20))
@micropython.native
def big():
    x = 2 ** 62
    return x + x, -x - x, x * 4
print(big())

@micropython.native
def w(path):
    class CM:
        def __enter__(self):
            print("enter")
            return self
        def __exit__(self, *a):
            print("exit", a[0])
            return True
    with CM() as c:
        raise ValueError(path)
    return "after"
print(w("p"))
