# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words).
import micropython


# >> is arithmetic on an int...
@micropython.viper
def shifts(x: int, n: int):
    print(x << n, x >> n)


shifts(1, 0)
shifts(1, 10)
shifts(-40, 3)
shifts(1, 62)
shifts(1, 63)
shifts(-1, 63)


# ... and logical on a uint.
@micropython.viper
def ushifts(x: uint, n: int):
    print(x << n, x >> n)


ushifts(-1, 1)
ushifts(-1, 60)
ushifts(256, 4)


@micropython.viper
def bits(x: int, y: int):
    print(x & y, x | y, x ^ y)


bits(0b1100, 0b1010)
bits(-42, 6)
bits(-1, 0x5555)


@micropython.viper
def pack(a: int, b: int, c: int) -> int:
    r = a
    r <<= 8
    r |= b
    r <<= 8
    r ^= c
    r &= 0xFFFFFF
    r >>= 4
    return r


print(hex(pack(0x12, 0x34, 0x56)))


# Masks wider than 32 bits.
@micropython.viper
def high_word(x: int) -> int:
    return (x >> 32) & 0xFFFFFFFF


print(hex(high_word(0x0123456789ABCDEF)), high_word(-1))


@micropython.viper
def popcount(x: uint) -> int:
    n = 0
    while x:
        x &= x - 1
        n += 1
    return n


print(popcount(0), popcount(0xFF), popcount(-1))


# Sign extension of a byte by shifting up and back down.
@micropython.viper
def sext8(b: int) -> int:
    return (b << 56) >> 56


print(sext8(0x7F), sext8(0x80), sext8(0xFF))
