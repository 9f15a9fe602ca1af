# Compile latency of @micropython.native / @micropython.viper: each small function is compiled
# from source twice, once as plain bytecode and once with the decorator; the difference of the
# two times is what machine-code generation costs. Prints the median per function in
# microseconds, after what the first native function in the process cost (it also sets up the
# JIT). Run it directly: `target/release/pyrite benches/compile_latency.py`.
import time

BODIES = [
    "def f{i}(a, b):\n    return a * {i} + b\n",
    "def f{i}(n):\n    s = 0\n    for k in range(n):\n        s += k * {i}\n    return s\n",
    "def f{i}(xs):\n    best = None\n    for x in xs:\n        if best is None or x > best:\n            best = x\n    return best\n",
    "def f{i}(d, k):\n    try:\n        return d[k] + {i}\n    except KeyError:\n        return -1\n",
    "def f{i}(s):\n    out = []\n    for ch in s:\n        if ch.isdigit():\n            out.append(int(ch) + {i})\n    return out\n",
]
VIPER = [
    "def f{i}(a: int, b: int) -> int:\n    return a * {i} + b\n",
    "def f{i}(n: int) -> int:\n    s = 0\n    for k in range(n):\n        s += k * {i}\n    return s\n",
    "def f{i}(buf, n: int) -> int:\n    p = ptr8(buf)\n    s = 0\n    for k in range(n):\n        s += p[k] ^ {i}\n    return s\n",
]


def compile_time(src):
    g = {}
    t0 = time.perf_counter_ns()
    exec(src, g)
    return time.perf_counter_ns() - t0


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def latency(decorator, bodies, rounds=40):
    costs = []
    for r in range(rounds):
        for j, body in enumerate(bodies):
            src = body.format(i=r * len(bodies) + j)
            plain = compile_time(src)
            native = compile_time(decorator + src)
            costs.append(native - plain)
    return median(costs) / 1000


# The first native function in this process: the plain compile runs first, so the parser and
# compiler are warm and the difference is the JIT's set-up plus one function's code.
first = BODIES[1].format(i=0)
plain = compile_time(first)
print("first native function us %.1f" % ((compile_time("@micropython.native\n" + first) - plain) / 1000))

for name, dec, bodies in [("native", "@micropython.native\n", BODIES), ("viper", "@micropython.viper\n", VIPER)]:
    latency(dec, bodies, 2)  # warm up: the first function in a process also creates the JIT
    print("compile %s median_us %.1f" % (name, latency(dec, bodies)))
