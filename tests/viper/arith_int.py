# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words).
import micropython


@micropython.viper
def ops(x: int, y: int):
    print(x + y, x - y, x * y, y - x)


ops(3, 4)
ops(-10, 3)
ops(0, -1)


# Arithmetic wraps around at 64 bits.
@micropython.viper
def wrap():
    big = 0x7FFFFFFFFFFFFFFF
    print(big + 1)
    print(big * 2)
    small = -big - 1
    print(small - 1)
    print(-small)
    m = 0x100000000
    print(m * m)
    print(m * 3 + 5)


wrap()


@micropython.viper
def unary(x: int):
    print(+x, -x, ~x)


unary(5)
unary(-1)
unary(0)


# Floor division and modulo round towards minus infinity, as Python's do.
@micropython.viper
def div_mod(x: int, y: int):
    print(x // y, x % y)


for a in (17, -17):
    for b in (5, -5):
        div_mod(a, b)
div_mod(6, 3)
div_mod(-6, 7)


# In-place operators on a local.
@micropython.viper
def accumulate(n: int) -> int:
    total = 0
    i = 1
    while i <= n:
        total += i * i
        i += 1
    total -= 1
    total *= 2
    total //= 3
    total %= 1000
    return total


print(accumulate(10))


# Mixing int and uint: the result has the left operand's type.
@micropython.viper
def mixed(x: int, y: uint):
    print(x + y, y + x, x * y, y * x)


mixed(-3, 1)


# Literals beyond 31 bits stay machine integers.
@micropython.viper
def wide() -> int:
    x = 0x123456789A
    y = 5000000000
    return x + y


print(wide())


@micropython.viper
def shifted(x: int) -> int:
    return x << 40


print(shifted(3), shifted(-1))


# Python ints passed in are truncated; results come back as Python ints.
@micropython.viper
def twice(x: int) -> int:
    return x + x


print(twice(2**62), twice(-(2**62) - 1), twice(2**65 + 21))


# The most negative word divided by -1 wraps to itself (the one quotient that overflows) and
# leaves no remainder; the word size does not matter.
@micropython.viper
def min_word_by_minus_one(bits: int) -> int:
    low = 1 << (bits - 1)
    q = low // -1
    r = low % -1
    return int(q == low) * 10 + r


@micropython.viper
def word_bits() -> int:
    n = 0
    w = 1
    while w:
        w = w << 1
        n += 1
    return n


print(min_word_by_minus_one(word_bits()), min_word_by_minus_one(8))
