# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words).
import micropython


@micropython.viper
def rel(x: int, y: int):
    print(x < y, x <= y, x == y, x != y, x >= y, x > y)


rel(1, 2)
rel(2, 2)
rel(-5, 2)
rel(3, -7)


@micropython.viper
def sign(x: int) -> int:
    if x < 0:
        return -1
    elif x == 0:
        return 0
    return 1


print(sign(-9), sign(0), sign(9))


# Chained comparisons.
@micropython.viper
def between(lo: int, x: int, hi: int) -> bool:
    return lo <= x < hi


print(between(0, 5, 10), between(0, 10, 10), between(0, -1, 10))


@micropython.viper
def chain(x: int, y: int):
    if 0 < x < y:
        print(x, "in (0, y)")
    if 5 > x >= y:
        print(x, "in [y, 5)")
    if 1 == x == y:
        print("both one")


chain(1, 2)
chain(1, 1)
chain(3, -1)


# Constants of several sizes.
@micropython.viper
def eq_consts(a: int):
    print(a == -1, a == 255, a == -256, a == 70000, a == 0x123456789)


eq_consts(-1)
eq_consts(-256)
eq_consts(0x123456789)


# and, or and not in conditions.
@micropython.viper
def logic(a: int, b: int):
    if a and b:
        print("both")
    if a or b:
        print("either")
    if not a:
        print("not a")
    if not (a < b):
        print("a >= b")


logic(1, 0)
logic(0, 0)
logic(2, 3)


@micropython.viper
def flags(a: bool, b: bool):
    if a and not b:
        print("only a")
    while not a:
        print("loop once")
        a = True


flags(True, False)
flags(False, True)


# A comparison is a bool; a cast makes it an int.
@micropython.viper
def count(x: int, y: int) -> int:
    return int(x < y) + int(x == y) * 2


print(count(1, 2), count(2, 2), count(3, 2))


@micropython.viper
def ugreater(x: uint, y: uint) -> bool:
    return x > y


print(ugreater(-1, 1), ugreater(1, 2))


# Objects compare as objects.
@micropython.viper
def obj_cmp(a, b):
    return a < b, a == b, a is b, a in [b], a not in [b]


print(obj_cmp("a", "b"))
