# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words).
import micropython


# A bool parameter takes the truth value of its argument.
@micropython.viper
def as_bool(flag: bool):
    print(flag)


as_bool(0)
as_bool(7)
as_bool("")
as_bool((None,))


@micropython.viper
def bool_through(flag: bool) -> bool:
    return flag


print(bool_through({}), bool_through({1: 2}))


@micropython.viper
def truth(obj) -> bool:
    return bool(obj)


print(truth(0.0), truth(-3), truth("x"))


# int and uint parameters truncate their argument to the machine word.
@micropython.viper
def word(x: int) -> int:
    return x


print(word(5), word(-5))
print(word(2**64 + 9))
print(word(2**63))
print(word(True), word(False))


@micropython.viper
def uword(x: uint) -> uint:
    return x


print(uword(-1))
print(uword(2**64 - 2))
print(uword(-(2**63)))


# Casts between machine types only change the type.
@micropython.viper
def retag(x: int):
    u = uint(x)
    back = int(u)
    print(u, back, bool(x), uint(x) > uint(0))


retag(-1)
retag(0)


@micropython.viper
def all_ones() -> uint:
    return uint(-1)


print(all_ones())
print(all_ones() == 2**64 - 1)


# int() of an object truncates it to the machine word.
@micropython.viper
def from_obj(o) -> int:
    return int(o) + 1


print(from_obj(41), from_obj(2**64 + 1), from_obj(True))


# None returned from a typed function (or falling off its end) gives zero.
@micropython.viper
def nothing_int() -> int:
    return None


@micropython.viper
def nothing_bool() -> bool:
    pass


@micropython.viper
def nothing_uint() -> uint:
    return


print(nothing_int(), nothing_bool(), nothing_uint())


@micropython.viper
def obj_ret(x: object) -> object:
    return [x]


print(obj_ret(3))


# A pointer is returned as its address, an unsigned integer.
@micropython.viper
def addr_of(p: ptr) -> ptr:
    return p


print(addr_of(12345))
print(addr_of(-1))


# Objects that are not integers do not convert to machine integers.
@micropython.viper
def need_int(x: int) -> int:
    return x


for bad in (1.5, None, "7"):
    try:
        need_int(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)

print(issubclass(ViperTypeError, TypeError))
