# Native functions compiled from many exec() strings: each source's machine code is freed once
# its functions are collected, while the functions still referenced keep working.
import gc

import micropython

kept = []
for i in range(300):
    g = {}
    exec(
        "import micropython\n"
        "@micropython.native\n"
        "def f(x):\n"
        "    s = 0\n"
        "    for k in range(x):\n"
        "        s += k * %d\n"
        "    return s\n" % i,
        g,
    )
    assert g["f"](4) == 6 * i
    if i % 50 == 0:
        kept.append(g["f"])
    if i % 25 == 0:
        gc.collect()
gc.collect()
print([f(3) for f in kept])


@micropython.native
def outlives():
    return "module code still runs"


print(outlives())
