# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words; little-endian memory).
import array
import micropython


@micropython.viper
def get32(p: ptr32, i: int) -> int:
    return p[i]


b = bytearray(b"\x78\x56\x34\x12\xff\xff\xff\xff")
print(hex(get32(b, 0)))
# A 32-bit load is zero-extended to the 64-bit word.
print(get32(b, 1))


@micropython.viper
def set32(p: ptr32, i: int, v: int):
    p[i] = v


w = bytearray(8)
set32(w, 0, 0x11223344)
set32(w, 1, -1)
print(w.hex())
# A store keeps the low 32 bits.
set32(w, 1, 0x1AABBCCDD)
print(w.hex())


@micropython.viper
def sum32(p: ptr32, n: int) -> int:
    s = 0
    for i in range(n):
        s += p[i]
    return s


arr = array.array("i", [100, -200, 300])
print(sum32(arr, 3))


@micropython.viper
def signed32(p: ptr32, i: int) -> int:
    return (p[i] << 32) >> 32


print(signed32(arr, 1), signed32(arr, 2))


@micropython.viper
def scale32(obj, k: int):
    p = ptr32(obj)
    n = int(len(obj))
    for i in range(n):
        p[i] = p[i] * k


scale32(arr, 3)
print(list(arr))


@micropython.viper
def second(p: ptr32) -> int:
    return p[1]


print(second(array.array("I", [7, 4000000000])))


# Constant indexes of many sizes (each machine encodes small offsets specially).
@micropython.viper
def mark(p: ptr32):
    p[0] = 1
    p[31] = 2
    p[32] = 3
    p[255] = 4
    p[256] = 5
    p[1023] = 6
    p[1024] = 7
    p[4095] = 8


@micropython.viper
def read_marks(p: ptr32) -> int:
    return p[0] + p[31] + p[32] + p[255] + p[256] + p[1023] + p[1024] + p[4095]


big = array.array("i", bytes(4 * 4096))
mark(big)
print(read_marks(big), [i for i in range(4096) if big[i]])
