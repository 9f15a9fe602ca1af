# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host). `@micropython.viper` is a compiler directive: this program never
# imports the micropython module itself.
from micropython import viper

counter = 0


# Globals are objects.
@micropython.viper
def bump(n: int) -> int:
    global counter
    c = int(counter) + n
    counter = c
    return c


bump(2)
bump(3)
print(counter)

# A viper function reads the globals of the module that defined it, when it runs.
g = {}
exec("@micropython.viper\ndef read():\n    return value\n", g)
try:
    g["read"]()
except NameError:
    print("NameError")
g["value"] = 42
print(g["read"]())


class Box:
    pass


@micropython.viper
def store_attrs(o, n: int):
    o.small = n
    o.flag = n > 3
    o.unsigned = uint(n) - uint(n + 1)
    o.text = "t"
    o.itself = o


b = Box()
store_attrs(b, 5)
print(b.small, b.flag, b.unsigned, b.text, b.itself is b)


@micropython.viper
def guarded(x: int) -> int:
    r = 0
    try:
        r = 10
        if x == 0:
            raise ValueError("zero")
        r = 100 // x
    except ValueError as e:
        print("caught", e)
        r = r + 1
    finally:
        print("finally", r)
    return r


print(guarded(4))
print(guarded(0))


@micropython.viper
def nested_try():
    try:
        try:
            missing
        finally:
            print("inner finally")
    except NameError:
        print("NameError")


nested_try()


# Locals assigned in a try block keep their values in the handler.
@micropython.viper
def keep_locals():
    a = 100
    try:
        print(a)
        a = 200
        missing
    except NameError:
        print(a)
        a = 300
    print(a)


keep_locals()


# Subscripting objects with machine integers boxes them.
@micropython.viper
def obj_subscr(seq, i: int, v: int):
    seq[i + 1] = v * 2
    return seq[i], seq[i + 1]


items = [7, 0, 0]
print(obj_subscr(items, 0, 5), items)


# Parameters without annotations are objects.
@micropython.viper
def plain(x, y):
    return x * y


print(plain(4, 5), plain("ab", 2))


class Ctx:
    def __enter__(self):
        print("enter")
        return 5

    def __exit__(self, t, v, tb):
        print("exit", t is not None)
        return True


@micropython.viper
def use_ctx():
    with Ctx() as v:
        print("body", v)
    with Ctx():
        print("about to fail")
        missing_name
        print("not reached")
    print("after")


use_ctx()


@micropython.viper
def fail(code: int):
    raise OSError(code)


try:
    fail(5)
except OSError as e:
    print(repr(e))


# Closures: a viper function updating a nonlocal.
def make_counter():
    count = 0

    @micropython.viper
    def step(by: int) -> int:
        nonlocal count
        c = int(count) + by
        count = c
        return c

    return step


st = make_counter()
st(1)
st(2)
print(st(3))


# Functions defined inside a viper function are viper too; captured values are objects.
@micropython.viper
def make_adder(k: int):
    base = k * 2

    def add(x):
        return x + base

    return add


print(make_adder(5)(1))


@micropython.viper
def make():
    @micropython.viper
    def inner() -> int:
        return 99

    return inner, b"raw"


fn, raw = make()
print(fn(), raw)


# `from micropython import viper` makes `@viper` the same decorator.
@viper
def c_strlen(p: ptr8, n: int) -> int:
    i = 0
    while i < n and p[i] != 0:
        i += 1
    return i


print(c_strlen(b"abc\x00def", 7))


# Integer literals wider than 31 bits stay machine integers (and wrap).
@micropython.viper
def big_literal() -> int:
    x = 0x100000000
    x = x + 1
    y = 0x7FFFFFFFFFFFFFFF
    y += 1
    return x + (y >> 62)


print(big_literal())


# Viper calling viper: the result is an object, cast back to int.
@micropython.viper
def tri(n: int) -> int:
    return n * (n + 1) // 2


@micropython.viper
def tri_sum(n: int) -> int:
    s = 0
    for i in range(1, n + 1):
        s += int(tri(i))
    return s


print(tri_sum(4))


@micropython.viper
def fib(n: int) -> int:
    if n < 2:
        return n
    return int(fib(n - 1)) + int(fib(n - 2))


print(fib(20))


@micropython.viper
def uses_import() -> int:
    import math
    from math import gcd

    return int(gcd(12, 18)) + int(math.floor(2.5))


print(uses_import())


# Machine values are boxed into the objects they are put in.
@micropython.viper
def build(x, y: int):
    return (x, y + 1, True, None), [y * 2], {y}, {"k": y}


print(build("s", 4))


# Tuple assignment of two or three items keeps machine types.
@micropython.viper
def swap_demo(a: int, b: int) -> int:
    a, b = b, a
    a, b, c = b + 1, a + 1, a * b
    return a * 10000 + b * 100 + c


print(swap_demo(3, 5))


@micropython.viper
def divide(a: int, b: int) -> int:
    try:
        return a // b
    except ZeroDivisionError:
        return -1


# (MicroPython does not check for zero here; Pyrite raises ZeroDivisionError as Python does.)
print(divide(7, 2), divide(7, 0))

print("micropython" in globals())
