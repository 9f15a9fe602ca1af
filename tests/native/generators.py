# Generators, yield from, send/throw/close and generator expressions under @micropython.native.
import micropython


@micropython.native
def squares(n):
    for i in range(n):
        yield i * i


print(list(squares(6)), sum(squares(100)))


@micropython.native
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            if x is None:
                break
            received.append(x)
    finally:
        print("echo finally", received)
    return received


g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)


@micropython.native
def inner(tag):
    got = yield tag + "-1"
    print("inner got", got)
    yield tag + "-2"
    return tag.upper()


@micropython.native
def outer():
    r1 = yield from inner("x")
    r2 = yield from inner("y")
    yield (r1, r2)
    yield from [10, 20]
    yield from range(2)


g = outer()
print(next(g), g.send("S"), next(g), next(g), next(g), next(g))
print(list(g))


@micropython.native
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "handled"


g = catcher()
print(next(g), g.throw(ValueError("boom")), next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))


@micropython.native
def closing():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise


g = closing()
next(g)
g.close()
print(list(g))


@micropython.native
def delegating_throw():
    try:
        yield from catcher()
    except KeyError:
        yield "outer caught"


g = delegating_throw()
print(next(g), g.throw(ValueError("v")), next(g), g.throw(KeyError("z")))


@micropython.native
def genexpr(n):
    return list(x * 2 for x in range(n) if x % 3), {x: x * x for x in range(3)}, {x % 4 for x in range(10)}


print(genexpr(10))


@micropython.native
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])
print(next(f) + 0, type(next(iter(fib()))).__name__)


@micropython.native
def big_yield():
    x = 2 ** 62
    yield x + x
    yield -x - x - x


print(list(big_yield()))


@micropython.native
def return_in_gen(flag):
    if flag:
        return "early"
    yield 1


try:
    next(return_in_gen(True))
except StopIteration as e:
    print("stop", e.value)
print(list(return_in_gen(False)))
