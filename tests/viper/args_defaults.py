# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host). Pyrite binds a viper function's arguments as for any Python
# function (keywords, defaults, *args, **kwargs), where MicroPython takes exactly the positional
# parameters: those calls are Pyrite's own.
import micropython


@micropython.viper
def nargs0() -> int:
    return 7


@micropython.viper
def nargs6(a: int, b: int, c: int, d: int, e: int, f: int) -> int:
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f


print(nargs0(), nargs6(1, 1, 1, 1, 1, 1), nargs6(6, 5, 4, 3, 2, 1))


@micropython.viper
def scaled(x: int, factor: int = 10, offset: int = 0) -> int:
    return x * factor + offset


print(scaled(3), scaled(3, 2), scaled(3, offset=5), scaled(offset=1, x=2, factor=7))


@micropython.viper
def kwonly(a: int, *, shift: int = 1) -> int:
    return a << shift


print(kwonly(3), kwonly(3, shift=4))


# *args and **kwargs are objects.
@micropython.viper
def collect(first: int, *rest, **named):
    return first + 1, rest, sorted(named.items())


print(collect(1))
print(collect(1, 2, 3, z=4, y=5))


# Defaults are converted like any argument.
@micropython.viper
def masked(x: uint = -1, keep: int = 8) -> uint:
    return x & ((uint(1) << keep) - 1)


print(masked(), masked(0x1234), masked(keep=4))

for call in (lambda: nargs0(1), lambda: scaled(), lambda: scaled(1, bad=2)):
    try:
        call()
    except TypeError:
        print("TypeError")


# Methods.
class Acc:
    def __init__(self):
        self.total = 0

    @micropython.viper
    def add(self, n: int) -> int:
        t = int(self.total) + n
        self.total = t
        return t


acc = Acc()
acc.add(5)
print(acc.add(7), acc.total)


# Viper functions passed to Python code.
@micropython.viper
def sq(x: int) -> int:
    return x * x


print(list(map(sq, [1, 2, 3])), sorted([3, -4, 1], key=sq))
print(sq(*[9]), sq(**{"x": -3}))

# MicroPython's grammar accepts a bare `*` without keyword-only parameters in functions it
# compiles to machine code (plain functions keep CPython's SyntaxError).
@micropython.viper
def bare_star(*) -> int:
    return 7
print(bare_star())
try:
    exec('def plain(*):\n    pass')
except SyntaxError as e:
    print('SyntaxError', e.msg)
