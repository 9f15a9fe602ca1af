# Closures, nonlocal and nested functions inside @micropython.native functions.
import micropython


@micropython.native
def counter(start):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n

    def get():
        return n

    return inc, get


inc, get = counter(10)
print(inc(), inc(5), get())


@micropython.native
def make_adders(k):
    return [lambda x, i=i: x + i * k for i in range(4)]


print([f(100) for f in make_adders(3)])


@micropython.native
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]


print(late_binding())


@micropython.native
def shadow(x):
    def inner():
        x = "inner"
        return x

    return inner(), x


print(shadow("outer"))


@micropython.native
def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d

            return l3

        return l2

    return l1


print(deep(1)(20)(300)(4000))


@micropython.native
def cell_in_loop(n):
    total = 0
    for i in range(n):
        def add():
            nonlocal total
            total += i
        add()
    return total


print(cell_in_loop(10))


@micropython.native
def closure_over_param(seq):
    key = len(seq)
    return sorted(seq, key=lambda s: (len(s) - key, s))


print(closure_over_param(["bb", "a", "ccc", "dd"]))


@micropython.native
def unbound_free():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    y = 5
    return f()


print(unbound_free())


@micropython.native
def rebinding_cell():
    x = 1
    get = lambda: x
    r = [get()]
    x = 2
    r.append(get())
    del x
    try:
        get()
    except NameError as e:
        r.append(str(e))
    return r


print(rebinding_cell())
