# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words).
import micropython


@micropython.viper
def first_two(src: ptr8) -> int:
    return src[0] * 256 + src[1]


buf = bytearray(b"\x01\x02\x03\xff")
print(first_two(buf), first_two(b"\xff\x00"))


@micropython.viper
def total(src: ptr8, n: int) -> int:
    s = 0
    for i in range(n):
        s += src[i]
    return s


print(total(buf, 4))


@micropython.viper
def fill(dst: ptr8, n: int, v: int):
    for i in range(n):
        dst[i] = v


fill(buf, 4, 0x41)
print(buf)
# A store keeps the low byte.
fill(buf, 2, 0x1234)
print(buf)


# A pointer made inside the function from an object.
@micropython.viper
def upper(obj):
    p = ptr8(obj)
    n = int(len(obj))
    for i in range(n):
        c = p[i]
        if c >= 97 and c <= 122:
            p[i] = c - 32


data = bytearray(b"viper 123 ok")
upper(data)
print(data)


@micropython.viper
def swap_ends(p: ptr8, n: int):
    last = n - 1
    t = p[0]
    p[0] = p[last]
    p[last] = t


d = bytearray(b"abcde")
swap_ends(d, 5)
print(d)


# A loaded byte is never negative.
@micropython.viper
def minus_256(p: ptr8) -> int:
    return p[0] - 256


print(minus_256(b"\x80"))


# bools are stored as 0 and 1.
@micropython.viper
def signs(p: ptr8, a: int):
    p[0] = a > 0
    p[1] = a < 0
    p[2] = True


f = bytearray(3)
signs(f, 5)
print(f)


@micropython.viper
def at(p: ptr8, i: uint) -> int:
    return p[i]


print(at(b"xyz", 2))


# Several loads and stores in one expression.
@micropython.viper
def pack565(dst: ptr8, src: ptr8, n: int):
    j = 0
    for i in range(0, n, 3):
        r = src[i]
        g = src[i + 1]
        b = src[i + 2]
        v = ((r & 0xF8) << 8) | ((g & 0xFC) << 3) | (b >> 3)
        dst[j] = v >> 8
        dst[j + 1] = v & 0xFF
        j += 2


src = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 18, 52, 86])
out = bytearray(8)
pack565(out, src, len(src))
print(out.hex())


@micropython.viper
def copy_rev(dst: ptr8, src: ptr8, n: int):
    for i in range(n):
        dst[n - 1 - i] = src[i]


rev = bytearray(5)
copy_rev(rev, b"12345", 5)
print(rev)

# Memory other than bytes: the elements of an array.
import array

arr = array.array("B", [1, 2, 3])
fill(arr, 3, 9)
print(list(arr))
