# int/float edge cases: huge ints, floor division/modulo signs, float repr, inf/nan, round
import math
h = 3 ** 500
print(len(str(h)), str(h)[:20], str(h)[-20:], h % 1000007, (-h) % 1000007, h // 3 ** 499)
print(str(2 ** 1000)[:30], len(str(-(7 ** 777))), (10 ** 50 + 1) * (10 ** 50 - 1) == 10 ** 100 - 1)
print(hex(2 ** 70), oct(-2 ** 70), bin(2 ** 65 + 1), int('1' * 60) % 97, int('-' + '9' * 40) // 10 ** 39)
print(2 ** 64 // -3, -(2 ** 64) // 3, 2 ** 64 % -3, -(2 ** 64) % 3, divmod(-(2 ** 70), 7), divmod(2 ** 70, -7))
for a in [7, -7, 7.0, -7.0, 0, -0.0]:
    print(a, [(a // b, a % b) for b in [2, -2, 2.0, -2.0, 0.5, -0.5]])
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2, -1 // 10, -1 % 10, 1 % -10)
print(math.fmod(-7, 2), -7.5 % 2, 7.5 % -2, -1e-20 % 1, 1e-20 % -1, -0.0 % 1, 0.0 % -1)
floats = [0.1, 0.2, 0.3, 1/3, 2/3, 1e22, 1e23, 1e16, 9999999999999998.0, 1e-7, 1.5e-7, 123e-310,
          2.0 ** 0.5, math.pi, math.e, 100.0, 1e100, 1.7976931348623157e308, 2.2250738585072014e-308,
          4.9e-324, -0.0, 0.1 * 3, 1.1 * 1.1, 12345678901234567.0, 0.000001, 0.0000001, 1e15 + 0.3, 3.0e-5]
for v in floats:
    print(repr(v), str(v), v.hex() if v == 1e22 else '')
inf, nan = float('inf'), float('nan')
print(inf, -inf, nan, -nan, inf + inf, inf - inf, inf * 0, inf / inf, -inf * -1, abs(-inf))
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan, [nan] == [nan], nan in [nan], inf == inf, inf > 10 ** 1000)
print(math.isnan(inf - inf), math.isinf(-inf), math.isfinite(1e308), 1e308 * 10 == inf, -1e308 * 10)
print(max(1, nan), max(nan, 1), min(nan, 1), sorted([3, 1, 2]), round(inf) if False else 'skip')
for v in [inf, -inf, nan]:
    for f in [int, round, math.floor, math.ceil]:
        try:
            print(f.__name__, f(v))
        except (OverflowError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.14159, 2), round(2.675, 2), round(1234.5, -2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, -1), round(15, -1), round(7, 0), round(7))
print(round(1.5, 0), round(-0.4), round(0.1 + 0.2, 15), round(1e300, 2), round(123.456, -1), round(123.456, -5), round(-0.0, 1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__, round(True), round(2**100 + 1, -5))
try:
    round(1.5, 1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(int(1e20), int(-1e20), int(1.9), int(-1.9), int(2.0 ** 80), float(2 ** 80), float(10 ** 22), float(-(10 ** 30)))
for v in [10 ** 400, -(10 ** 400)]:
    try:
        float(v)
    except OverflowError as e:
        print(type(e).__name__, e)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 // 10 ** 399, 10 ** 400 / 10 ** 399, (10 ** 400 + 1) / 10 ** 400, 1 / 10 ** 400, 2 ** 1074 * 2.0 ** -1074 if False else 0)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
print(2 ** -1074 == 5e-324, (-2) ** 0.5 == complex(0, 2 ** 0.5) or 'cpx', 0 ** 0, 0.0 ** 0, pow(0, 0, 1), pow(-1, 0.5))
print(pow(3, -1, 7), pow(2, 10, -3), pow(-2, 3, 5), pow(10 ** 30, 10 ** 30, 10 ** 9 + 7))
for args in [(2, -1, 4), (2, 2, 0), (2.0, 2, 3), (2, 2.0, 3)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print((1.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.0).is_integer(), (2.5).is_integer(), (10).bit_length(), (-255).bit_length())
print(float.fromhex('0x1.8p1'), (3.0).hex(), int.from_bytes(b'\xff\x01', 'big'), (258).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True))
print(abs(-2 ** 63), abs(-2.5), -(-2 ** 63), 2 ** 63 - 1 + 1, -2 ** 63 - 1, (2 ** 62) * 4, (2 ** 31) * (2 ** 32), (-2 ** 62) * 2)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 4611686018427387904 * 2, 3037000500 * 3037000500, 1 << 62, 1 << 63, 1 << 64)
print(-9223372036854775808 // -1, -9223372036854775808 % -1, abs(-9223372036854775808), -(-9223372036854775808))
print(int('123456789' * 5) * int('987654321' * 5), 12 ** 34 // 56 ** 7, -(12 ** 34) // 56 ** 7)
print(1e16 + 1, 0.1 + 0.7, 1 - 0.9, 3 * 0.1, 1e-320, 1e-320 * 1e-10, 2.5e-324, 1.0000000000000002, 0.9999999999999999)
print(float('1e-400'), float('1e400'), float('-1e400'), float('123456789012345678901234567890'), 1e23 == 10 ** 23, int(1e23))
print(hash(-1) == hash(-2), hash(1.5) == hash(1.5), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 61), hash(inf), hash(-inf), hash(0.5))
print(sum([0.1] * 10), math.fsum([0.1] * 10), 10 * 0.1, 7 / 7, 6 / 3, type(6 / 3).__name__, 2 ** 0, 2 ** -2, 4 ** 0.5)
print(1.0 == 1, 1.5 > 1, 1 < 1.0000001, int(True), float(False), complex(True), True ** -1, False ** 0)
print(divmod(1e308, 1e-308) if False else 0, divmod(5.5, 2), divmod(-5.5, 2), divmod(5, 2.5), divmod(0, 3))
# CPython 3.11 limits int<->str conversion of huge decimal strings
import sys
for digits in [4300, 4301]:
    try:
        print(digits, len(str(int('7' * digits))))
    except ValueError as e:
        print(digits, type(e).__name__, str(e).split(';')[0])
print(len(hex(int('f' * 5000, 16))), hasattr(sys, 'get_int_max_str_digits'))

# Repeating a sequence past the largest size: OverflowError for str and bytes, MemoryError for
# list and tuple (as CPython words them).
import sys
for seq in ['abc', b'abc', [1, 2, 3], (1, 2, 3)]:
    try:
        seq * sys.maxsize
    except (OverflowError, MemoryError) as e:
        print(type(seq).__name__, type(e).__name__, e)

# Ranges whose bounds reach the machine word: items are ints made one by one.
r = range(-sys.maxsize + 1, -1)
print(r.start == -sys.maxsize + 1, r[0] == -sys.maxsize + 1, r[1], r[-1], len(range(2**62)))
print(list(range(2**61 - 2, 2**61 + 2)), list(range(2**62 + 3, 2**62 - 3, -2)))
print(2**61 in range(2**62), (2**61 + 1) in range(0, 2**62, 2), range(2**62).index(2**61))
print(list(reversed(range(2**61, 2**61 + 3))), sum(range(0x40000000, 0x40000010, 4)))
