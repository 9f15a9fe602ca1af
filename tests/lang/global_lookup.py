# Global and builtin name lookups stay right while globals and builtins change under them
# (the interpreter caches where it found each name).
import builtins

x = 1


def get_x():
    return x


def get_len():
    return len("abc")


print(get_x(), get_len())
x = 2
print(get_x())
globals()["x"] = 3
print(get_x())
del x
try:
    get_x()
except NameError as e:
    print("NameError:", e)
x = 4
for i in range(3):
    globals()["filler%d" % i] = i  # grows the globals dict (entries move)
print(get_x())

len = lambda s: 100
print(get_len())
del len
print(get_len())
saved = builtins.len
builtins.len = lambda s: -1
print(get_len())
builtins.len = saved
print(get_len())
del builtins.len
try:
    get_len()
except NameError as e:
    print("NameError:", e)
builtins.len = saved

src = compile("def f():\n    return y\n", "<src>", "exec")
g1 = {"y": "one"}
g2 = {"y": "two"}
exec(src, g1)
exec(src, g2)
print(g1["f"](), g2["f"](), g1["f"](), g2["f"]())
g2.clear()
g2["y"] = "cleared"
exec(src, g2)
print(g2["f"]())


def counter():
    global total
    for i in range(5):
        total = total + i
    return total


total = 10
print(counter(), counter())


class K:
    def m(self):
        return x + len([1])


print(K().m())
