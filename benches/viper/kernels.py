# Viper integer kernels, each next to the same loop in plain Python. Times are nanoseconds per
# loop iteration, measured in-process after a warm-up call (compile time excluded).
import array
import time

import micropython

N = 20_000_000
N_PLAIN = 500_000


def timed(f, *args):
    f(*args)
    t0 = time.perf_counter_ns()
    r = f(*args)
    return time.perf_counter_ns() - t0, r


def report(name, viper, plain, n_viper, n_plain):
    # The two runs have different lengths; the asserts after each kernel compare them on one.
    (tv, rv), (tp, _) = viper, plain
    print("kernel %s viper_ns %.3f plain_ns %.3f result %d"
          % (name, tv / n_viper, tp / n_plain, rv))


# 1. Sum of a mixed expression over a counted range loop.
@micropython.viper
def sum_viper(n: int) -> int:
    s = 0
    for i in range(n):
        s += (i ^ (i >> 3)) & 0xFFFF
    return s


def sum_plain(n):
    s = 0
    for i in range(n):
        s += (i ^ (i >> 3)) & 0xFFFF
    return s


report("sum", timed(sum_viper, N), timed(sum_plain, N_PLAIN), N, N_PLAIN)
# The viper and plain runs use different lengths; check them on one length too.
assert sum_viper(N_PLAIN) == sum_plain(N_PLAIN)

# 2. Dot product of two int32 arrays through ptr32.
LEN = 1 << 16
# Non-negative: a ptr32 load is the 32-bit word zero-extended, as in MicroPython.
A = array.array("I", [(i * 7) % 1000 for i in range(LEN)])
B = array.array("I", [(i * 13) % 777 for i in range(LEN)])
ROUNDS = N // LEN


@micropython.viper
def dot_viper(a, b, n: int, rounds: int) -> int:
    pa = ptr32(a)
    pb = ptr32(b)
    s = 0
    for r in range(rounds):
        for i in range(n):
            s += pa[i] * pb[i]
    return s


def dot_plain(a, b, n, rounds):
    s = 0
    for r in range(rounds):
        for i in range(n):
            s += a[i] * b[i]
    return s


report("dot_ptr32", timed(dot_viper, A, B, LEN, ROUNDS),
       timed(dot_plain, A, B, LEN, max(1, ROUNDS * N_PLAIN // N)),
       LEN * ROUNDS, LEN * max(1, ROUNDS * N_PLAIN // N))

# 3. Bit manipulation: population count by clearing the lowest set bit, xorshift-scrambled input.
@micropython.viper
def bits_viper(n: int) -> int:
    x = uint(0x9E3779B9)
    total = 0
    for i in range(n):
        x ^= x << 13
        x ^= x >> 7
        x ^= x << 17
        v = x & 0xFFFF
        while v:
            v &= v - 1
            total += 1
    return total


def bits_plain(n):
    mask = (1 << 64) - 1
    x = 0x9E3779B9
    total = 0
    for i in range(n):
        x = (x ^ (x << 13)) & mask
        x ^= x >> 7
        x = (x ^ (x << 17)) & mask
        v = x & 0xFFFF
        while v:
            v &= v - 1
            total += 1
    return total


report("bits", timed(bits_viper, N // 4), timed(bits_plain, N_PLAIN // 4), N // 4, N_PLAIN // 4)
assert bits_viper(N_PLAIN // 4) == bits_plain(N_PLAIN // 4)

# 4. FNV-1a checksum of a byte buffer through ptr8.
BUF = bytearray((i * 31 + 7) & 0xFF for i in range(1 << 16))


@micropython.viper
def fnv_viper(buf, n: int, rounds: int) -> uint:
    p = ptr8(buf)
    h = uint(2166136261)
    for r in range(rounds):
        for i in range(n):
            h = ((h ^ uint(p[i])) * 16777619) & 0xFFFFFFFF
    return h


def fnv_plain(buf, n, rounds):
    h = 2166136261
    for r in range(rounds):
        for i in range(n):
            h = ((h ^ buf[i]) * 16777619) & 0xFFFFFFFF
    return h


rounds_plain = max(1, ROUNDS * N_PLAIN // N)
report("fnv_ptr8", timed(fnv_viper, BUF, len(BUF), ROUNDS), timed(fnv_plain, BUF, len(BUF), rounds_plain),
       len(BUF) * ROUNDS, len(BUF) * rounds_plain)
assert fnv_viper(BUF, len(BUF), 1) == fnv_plain(BUF, len(BUF), 1)
