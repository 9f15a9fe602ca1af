# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words; little-endian memory).
import array
import micropython


@micropython.viper
def get16(p: ptr16, i: int) -> int:
    return p[i]


b = bytearray(b"\x01\x02\xff\xff\x34\x12")
print(hex(get16(b, 0)), hex(get16(b, 1)), hex(get16(b, 2)))
print(hex(get16(b"\x00\x80", 0)))


@micropython.viper
def set16(p: ptr16, i: int, v: int):
    p[i] = v


w = bytearray(6)
set16(w, 0, 0xABCD)
# A store keeps the low 16 bits.
set16(w, 2, 0x12345)
print(w)


@micropython.viper
def sum16(p: ptr16, n: int) -> int:
    s = 0
    for i in range(n):
        s += p[i]
    return s


a = array.array("H", [1, 2, 3, 65535])
print(sum16(a, 4))


@micropython.viper
def double16(obj):
    p = ptr16(obj)
    n = int(len(obj))
    for i in range(n):
        p[i] = p[i] * 2


double16(a)
print(list(a))


# A constant index is scaled by the element size.
@micropython.viper
def third(p: ptr16) -> int:
    return p[2]


@micropython.viper
def set_third(p: ptr16, v: int):
    p[2] = v


h = array.array("H", [10, 20, 30, 40])
print(third(h))
set_third(h, 33)
print(list(h))


# Signed 16-bit values read back unsigned.
s = array.array("h", [-2, 5])
print(get16(s, 0), get16(s, 1))
