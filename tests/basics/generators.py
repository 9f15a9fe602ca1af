# Generators: send/throw/close, yield from, return values, generator expressions.
def gen():
    x = yield 1
    print("got", x)
    y = yield x * 2
    print("got", y)
    return "done"

g = gen()
print(next(g))
print(g.send(10))
try:
    g.send(20)
except StopIteration as e:
    print("StopIteration", e.value)

def sub():
    r = yield "a"
    yield r
    return "sub result"

def delegator():
    result = yield from sub()
    print("sub returned", result)
    yield "end"

d = delegator()
print(next(d), d.send("sent"), next(d))

def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closer()
print(next(c))
c.close()
print("closed")

def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught inside", e)
t = thrower()
next(t)
t.throw(ValueError("boom"))
t.throw(ValueError("again"))

print(sum(x * x for x in range(10)))
print(list(zip(range(3), (c for c in "abc"))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])

def gen_range(n):
    yield from range(n)
print(list(gen_range(5)))

def early():
    yield 1
    return
    yield 2
print(list(early()))
g2 = (i for i in range(3))
print(type(g2).__name__, list(g2), list(g2))

def stop_inside():
    yield 1
    raise StopIteration
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError", e)
