# Viper counted loops run in chunks of iterations between polls for Ctrl-C: every trip count
# and step, around and across chunk boundaries, gives the same iterations as CPython's range.
# (The values stay far from the machine word's limits, so CPython's output is the expectation.)
import micropython


@micropython.viper
def count(start: int, stop: int, step: int) -> int:
    n = 0
    for i in range(start, stop, step):
        n += 1
    return n


@micropython.viper
def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s


@micropython.viper
def total_step(start: int, stop: int) -> int:
    s = 0
    for i in range(start, stop, 7):
        s += i
    return s


@micropython.viper
def total_down(start: int) -> int:
    s = 0
    for i in range(start, -1, -3):
        s += i
    return s


@micropython.viper
def total_big_step(stop: int) -> int:
    s = 0
    for i in range(0, stop, 1 << 22):
        s += 1
    return s


@micropython.viper
def nested(n: int) -> int:
    s = 0
    for i in range(n):
        for j in range(i):
            s += j
        if i == 1500:
            break
    return s


@micropython.viper
def last_seen(n: int) -> int:
    last = -1
    for i in range(n):
        last = i
    return last


for n in [0, 1, 2, 1023, 1024, 1025, 2047, 2048, 2049, 5000]:
    print(n, total(n) == sum(range(n)), last_seen(n))
for args in [(0, 10000, 7), (5, 9000, 13), (100, -5000, -9), (0, 1024 * 7, 7), (3, 3, 1), (10, 0, 1)]:
    print(args, count(*args) == len(range(*args)))
print(total_step(-3000, 7000) == sum(range(-3000, 7000, 7)))
print(total_down(9000) == sum(range(9000, -1, -3)))
print(total_big_step(1 << 30) == len(range(0, 1 << 30, 1 << 22)))
print(nested(3000) == sum(sum(range(i)) for i in range(1501)))
