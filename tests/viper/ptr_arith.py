# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words; little-endian memory).
# The last section is Pyrite's own: MicroPython has no `p + n` on pointers.
import array
import micropython


# Pointer arithmetic goes through integers: ptr8(int(p) + n).
@micropython.viper
def tail_sum(p: ptr8, skip: int, n: int) -> int:
    q = ptr8(int(p) + skip)
    s = 0
    for i in range(n - skip):
        s += q[i]
    return s


print(tail_sum(b"\x01\x02\x03\x04\x05", 2, 5))


# Addresses as plain integers.
@micropython.viper
def get_addr(buf) -> uint:
    return uint(ptr(buf))


@micropython.viper
def poke(addr: uint, i: int, v: int):
    p = ptr8(addr)
    p[i] = v


ba = bytearray(4)
a = get_addr(ba)
poke(a, 0, 65)
poke(a + 3, 0, 66)
print(ba)


# An integer address passed straight to a pointer parameter.
@micropython.viper
def memset(dst: ptr8, c: int, n: int):
    for i in range(n):
        dst[i] = c


memset(a + 1, 0x2D, 2)
print(ba)


@micropython.viper
def second_half(w: ptr32, n: int) -> int:
    half = ptr32(uint(w) + (n >> 1) * 4)
    return half[0] * 10 + half[1]


print(second_half(array.array("I", [1, 2, 3, 4]), 4))


# A pointer parameter returned as ptr is the same address.
@micropython.viper
def same(p: ptr) -> ptr:
    return p


print(same(ba) == a, same(a) == a)


@micropython.viper
def distance(p: ptr8, q: ptr8) -> int:
    return int(q) - int(p)


print(distance(a, a + 10))


# A negative constant index reaches before the pointer.
@micropython.viper
def before(p: ptr16) -> int:
    q = ptr16(int(p) + 6)
    return q[-1] * 10 + q[-3]


print(before(array.array("H", [1, 2, 3, 4])))


# Pyrite: a typed pointer plus or minus an integer moves by whole elements.
@micropython.viper
def step16(p: ptr16) -> int:
    q = p + 2
    r = q - 1
    return q[0] * 100 + r[0]


print(step16(array.array("H", [7, 8, 9])))
