# Floor division and modulo of small ints under @micropython.native (inline on 64-bit hosts):
# Python's floor rounding for every sign combination, ZeroDivisionError, the one quotient that
# leaves the small ints, and operands that are not small ints at all.
import micropython


@micropython.native
def divmod_native(a, b):
    try:
        return a // b, a % b
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)


values = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 123456789, -987654321,
          2**61, -(2**61), 2**62 - 1, -(2**62), 2**62, 2**64 + 5, -(2**70), True, 2.5]
for x in values:
    for y in values:
        print(x, y, divmod_native(x, y))


@micropython.native
def digits(n):
    out = []
    while n:
        out.append(n % 10)
        n //= 10
    return out


print(digits(9876543210), digits(7))


@micropython.native
def mixed(i):
    return i % 7 + i // 3, (i - 50) % -7, (i - 50) // -7


print([mixed(i) for i in range(0, 100, 9)])
