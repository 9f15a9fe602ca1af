# Globals, builtins and loop forms under @micropython.native.
import micropython

G = 1
table = {}


@micropython.native
def bump():
    global G
    G += 1
    table[G] = G * G
    return G


print(bump(), bump(), G, table)


@micropython.native
def read_builtin_shadow():
    return len([1, 2]), abs(-3)


print(read_builtin_shadow())
len = lambda x: 99
print(read_builtin_shadow())
del len
print(read_builtin_shadow())


@micropython.native
def missing():
    return undefined_name


try:
    missing()
except NameError as e:
    print("NameError:", e)


@micropython.native
def loops(n):
    out = []
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        out.append(i)
    else:
        out.append("while-else")
    for j in range(n):
        if j == 3:
            break
    else:
        out.append("unreached")
    for k in "ab":
        for m in (1, 2):
            out.append(k * m)
    for idx, (p, q) in enumerate([(1, 2), (3, 4)]):
        out.append(idx + p * q)
    return out


print(loops(7))


@micropython.native
def nested_break(grid):
    found = None
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v < 0:
                found = (r, c)
                break
        if found:
            break
    return found


print(nested_break([[1, 2], [3, -4], [-5, 6]]), nested_break([[1]]))


@micropython.native
def range_forms():
    return (list(range(5)), list(range(2, 8, 3)), list(range(10, 0, -4)), list(range(0)),
            sum(range(-5, 5)))


print(range_forms())


@micropython.native
def unpack(seq):
    a, *b, c = seq
    (d, e), f = (1, 2), 3
    return a, b, c, d + e + f


print(unpack(range(6)), unpack("xyz"))


@micropython.native
def walrus(data):
    out = []
    while (n := len(data)) > 2:
        out.append(n)
        data = data[1:]
    return out, [y for x in range(5) if (y := x * x) > 4]


print(walrus([1, 2, 3, 4, 5]))


@micropython.native
def local_scope():
    a = 1
    b = "two"
    return sorted(locals().items())


print(local_scope())


@micropython.native
def uses_eval(x):
    return eval("x * 2"), [exec("y = 1", {}, d := {}), d][1]


print(uses_eval(21))
