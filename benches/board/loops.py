# Loops on the board, each as bytecode, @native and @viper: instructions per iteration. Run
# under QEMU with `-icount shift=0` (benches/cortex_m.py does), where each instruction advances
# the clock by exactly 1 ns, so a time.ticks_us() difference times 1000 counts instructions.
import array
import time

import micropython

N = 20_000


def sum_bytecode(n):
    s = 0
    for i in range(n):
        s += (i ^ (i >> 3)) & 0xFFFF
    return s


@micropython.native
def sum_native(n):
    s = 0
    for i in range(n):
        s += (i ^ (i >> 3)) & 0xFFFF
    return s


@micropython.viper
def sum_viper(n: int) -> int:
    s = 0
    for i in range(n):
        s += (i ^ (i >> 3)) & 0xFFFF
    return s


def dot_bytecode(a, b, n):
    s = 0
    for i in range(n):
        s += a[i] * b[i]
    return s


@micropython.native
def dot_native(a, b, n):
    s = 0
    for i in range(n):
        s += a[i] * b[i]
    return s


@micropython.viper
def dot_viper(a: ptr32, b: ptr32, n: int) -> int:
    s = 0
    for i in range(n):
        s += a[i] * b[i]
    return s


def instructions(f, *args):
    f(*args)
    t0 = time.ticks_us()
    r = f(*args)
    return time.ticks_diff(time.ticks_us(), t0) * 1000, r


A = array.array("i", [(i * 7) % 100 for i in range(N)])
B = array.array("i", [(i * 13) % 77 for i in range(N)])
for name, fs, args in [
    ("sum", (sum_bytecode, sum_native, sum_viper), (N,)),
    ("dot", (dot_bytecode, dot_native, dot_viper), (A, B, N)),
]:
    counts = [instructions(f, *args) for f in fs]
    assert counts[0][1] == counts[1][1] == counts[2][1], name
    print("loop %s bytecode %.1f native %.1f viper %.1f" % ((name,) + tuple(c / N for c, _ in counts)))
