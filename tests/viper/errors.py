# viper semantics (machine-word ints, pointers): CPython has no viper; expected output hand-written
# from MicroPython's (64-bit host). Every error is raised when the source is compiled, before any
# of it runs, so each program below is compiled with exec().


def check(src):
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
    except (ViperTypeError, NotImplementedError) as e:
        print(type(e).__name__ + ":", e)
    else:
        print("compiled")


def viper(body, params="", ret=""):
    check("@micropython.viper\ndef f(" + params + ")" + ret + ":\n" + body + "\n")


# Annotations must name one of viper's types.
check("@micropython.viper\ndef f(a: 1): pass")
check("@micropython.viper\ndef f() -> 1: pass")
check("@micropython.viper\ndef f(a: x.y): pass")
viper("    pass", "x: unknown_type")
viper("    pass", "", " -> str")

# Locals: typed by their first store, in program order.
viper("    print(x)\n    x = 1")
viper("    for i in range(3):\n        if i:\n            print(j)\n        j = i")
viper("    x = 1\n    y = []\n    x = y")
viper("    x = []\n    x = 5")
viper("    x = 2\n    x = None")
viper("    p = 0", "p: ptr8")
viper("    a = 1\n    a = a < 2")
viper("    x = 1", "x")
viper("    x = 5\n    del x")

# Conditions take int, uint and bool only.
viper("    x = ptr(0)\n    if x:\n        pass")
viper("    while p:\n        pass", "p: ptr16")

# Return values must match the annotation (object when there is none).
viper("    return []", "", " -> int")
viper("    return 1")
viper("    return x", "x: int", " -> uint")
viper("    return x < 1", "x: int", " -> int")

# Unary and binary operators.
viper("    -x", "x: ptr")
viper("    ~b", "b: bool")
viper("    not x", "x: int")
viper("    y = not x", "x: uint")
viper("    1 + []")
viper("    x + 1.5", "x: int")
viper("    o * n", "o, n: int")
viper("    a == b", "a: bool, b: bool")
viper("    p < q", "p: ptr8, q: ptr8")
viper("    x < y", "x: int, y: uint")
viper("    y >= x", "x: int, y: uint")
viper("    if u == 0:\n        pass", "u: uint")
viper("    res = x // y", "x: uint, y: uint")
viper("    res = x % y", "x: uint, y: uint")
viper("    res = x in x", "x: int")
viper("    res = x is y", "x: int, y: int")
viper("    res = x / y", "x: int, y: int")
viper("    x **= 2", "x: int")

# Loads and stores through pointers.
viper("    1[0]")
viper("    1[x]")
viper("    p[0]", "p: ptr")
viper("    p[i]", "p: ptr8, i")
viper("    p[b]", "p: ptr32, b: bool")
viper("    1[0] = 1")
viper("    1[x] = 1")
viper("    x[0] = x", "x: int")
viper("    x[0] = None", "x: ptr32")
viper("    x[x] = None", "x: ptr32")
viper("    p[0] = []", "p: ptr8")
viper("    p[i] = 1", "p: ptr8, i")

# range() loops count in machine integers of one signedness.
viper("    for i in range(n):\n        pass", "n: uint")
viper("    for i in range(a, b):\n        pass", "a: int, b: uint")
viper("    for i in range(len(x)):\n        pass", "x")
viper("    for i in range(a, b):\n        pass", "a, b")

# Raising.
viper("    raise 1")
viper("    try:\n        x\n    except:\n        raise")
viper("    raise Exception from Exception")

# Generators.
viper("    yield")
viper("    yield from f")
viper("    x = yield 1")

# Boxing a pointer constant, and casting a cast.
viper("    print(ptr(1))")
viper("    print(ptr8(4096))")
viper("    int(int)")

# Nothing of a program runs when one of its viper functions does not compile.
check("print('never printed')\n@micropython.viper\ndef g():\n    1 + []\n")

# The same functions, well typed, compile.
viper("    x = 1\n    y = []\n    x = int(y)")
viper("    x = ptr(0)\n    if int(x):\n        pass")
viper("    for i in range(uint(0), n):\n        pass", "n: uint")
viper("    for i in range(int(len(x))):\n        pass", "x")
