# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words).
import micropython


@micropython.viper
def uops(x: uint, y: uint):
    print(x + y, x - y, x * y)


uops(7, 5)
uops(5, 7)
uops(-1, 1)
uops(-2, -3)


@micropython.viper
def ubits(x: uint, y: uint):
    print(x & y, x | y, x ^ y)


ubits(12, 10)
ubits(-1, 255)


@micropython.viper
def uunary(x: uint):
    print(-x, ~x, +x)


uunary(1)
uunary(0)


# Comparisons of uints are unsigned.
@micropython.viper
def ucmp(x: uint, y: uint):
    print(x < y, x > y, x == y, x <= y)


ucmp(1, -1)
ucmp(-1, -1)
ucmp(-2, 3)


@micropython.viper
def doubled(x: int) -> uint:
    return uint(x) * uint(2)


print(doubled(-1))
print(doubled(2**62))


@micropython.viper
def triangle(k: uint) -> uint:
    n = k
    total = uint(0)
    while n:
        total += n
        n -= 1
    return total


print(triangle(3), triangle(100))


# A uint comes back as a non-negative Python int.
@micropython.viper
def minus_one() -> uint:
    x = uint(0)
    return x - 1


print(minus_one(), minus_one() + 1)
