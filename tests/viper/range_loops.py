# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host: int and uint are 64-bit machine words).
import micropython


@micropython.viper
def up(n: int):
    s = 0
    for i in range(n):
        s += i
    print(s)


up(10)
up(0)
up(-3)


@micropython.viper
def span(a: int, b: int, out):
    for i in range(a, b):
        out.append(i)


r = []
span(-2, 3, r)
print(r)


@micropython.viper
def stepped():
    for i in range(10, 0, -3):
        print(i)
    for j in range(1, 10, 4):
        print(j)


stepped()


# The variable keeps its last value; assigning it does not change the iteration.
@micropython.viper
def last(n: int) -> int:
    k = -1
    for k in range(n):
        k = k * 100
    return k


print(last(4), last(0))


@micropython.viper
def find(p: ptr8, n: int, c: int) -> int:
    for i in range(n):
        if p[i] == c:
            break
    else:
        return -1
    return i


print(find(b"hello", 5, 108), find(b"hello", 5, 122))


@micropython.viper
def odd_sum(n: int) -> int:
    s = 0
    for i in range(n):
        if i & 1 == 0:
            continue
        s += i
    return s


print(odd_sum(10))


@micropython.viper
def table(n: int):
    for i in range(1, n + 1):
        row = 0
        for j in range(1, n + 1):
            row += i * j
        print(i, row)


table(3)


# uint bounds make an unsigned loop.
@micropython.viper
def ucount(a: uint, b: uint) -> int:
    n = 0
    for i in range(a, b):
        n += 1
    return n


print(ucount(5, 8), ucount(-3, -1))


@micropython.viper
def collatz(n: int) -> int:
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps


print(collatz(27))


# with and try inside a counted loop.
class Noisy:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit")
        return False


@micropython.viper
def first_over(p: ptr8, n: int, limit: int) -> int:
    for i in range(n):
        with Noisy():
            if p[i] > limit:
                return i
    return -1


print(first_over(b"\x01\x09\x03", 3, 5))


@micropython.viper
def guarded_sum(n: int) -> int:
    s = 0
    for i in range(n):
        try:
            if i == 2:
                raise ValueError
            s += i
        except ValueError:
            s += 100
        finally:
            s += 1000
    return s


print(guarded_sum(4))


# range() other than as a for loop's iterable is a range object.
@micropython.viper
def as_list(n: int):
    return list(range(n)), range(1, n)[-1]


print(as_list(4))


# A step that is not a constant makes a range object too; the variable is an object.
@micropython.viper
def var_step(n: int, s: int):
    out = []
    for i in range(0, n, s):
        out.append(i)
    return out


print(var_step(10, 4))


@micropython.viper
def total_of(items) -> int:
    t = 0
    for x in items:
        t += int(x)
    return t


print(total_of([1, 2, 3]), total_of(b"\x01\x02"))
