# str.format and str.format_map

def show(label, fmt, *a, **k):
    try:
        print(label, repr(fmt.format(*a, **k)))
    except Exception as e:
        print(label, type(e).__name__, e)

class P:
    x = 3
    name = "pt"
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"

show(1, "{} {} {}", 1, "a", 2.5)
show(2, "{0} {1} {0}", "x", "y")
show(3, "{a}-{b}", a=1, b="two")
show(4, "{0.x} {0.name}", P())
show(5, "{0[1]} {0[k]} {1[0][1]}", {1: "one", "k": "kay"}, [[5, 6]])
show(6, "{!r} {!s} {!a}", P(), P(), "é")
show(7, "{:>8}|{:<8}|{:^8}|{:*^9}", "a", "b", "c", "d")
show(8, "{:08.3f} {:+d} {:x} {:#o} {:,} {:_b} {:e} {:%}", 3.14159, 5, 255, 8, 1234567, 10, 12345.678, 0.25)
show(9, "{0:{1}} {0:{w}.{p}f}", 2.5, 10, w=8, p=2)
show(10, "{{}} {{{0}}} }}{{", 7)
show(11, "{:{}}{}", 1, 2, 3)
show(12, "{0!r:^10}", "é")
show(13, "{}", P())
show(14, "{:abc}", P())
show(15, "{0:{1}}", P(), "nested")
show(16, "{0[-1]} {0[ 1]}", {"-1": 5, " 1": 6})
show(17, "{ } {a b}", **{" ": 1, "a b": 2})
show(18, "{0.__class__.__name__}", 1)
show(19, "ünïcode {0} 日本 {1:日^7}", "ö", "x")
show(20, "{}", [1, {"a": (2,)}])
show(21, "{0:}{1:}", "x", 5)
show(22, "{:d}", True)
show(23, "{0[0]}", "ab")
show(24, "{:10}|{:<10}|{:>10}", 5, 5.5, "s")
show(25, "{:=+8}", -3)
show(26, "{:c}", 9731)
show(27, "{0}{0}{0}", "r")
show(28, "{}", None)
show(29, "{:.3}", "abcdef")
show(30, "{:.2s}", "xyz")

# errors
show("e1", "{}")
show("e2", "{0}{}", 1, 2)
show("e3", "{}{0}", 1, 2)
show("e4", "{")
show("e5", "}")
show("e6", "{0!x}", 1)
show("e7", "{0!}", 1)
show("e8", "{0!rr}", 1)
show("e9", "{0:{1}}", 1)
show("e10", "{a.b}", a=1)
show("e11", "{0[x]}", {})
show("e12", "{0[0]}", [])
show("e13", "{0[}", 1)
show("e14", "{0.}", 1)
show("e15", "{0..a}", 1)
show("e16", "{0[0]x}", [1])
show("e17", "{:{:{}}}", 1, 2, 3)
show("e18", "{x", x=1)
show("e19", "{0}}", 1)
show("e20", "{a}", 1)
show("e21", "{1}", 1)
show("e22", "{100000000000000000000}", 1)
show("e23", "{x}")
show("e24", "{0[x]}", "ab")
show("e25", "{:d}", "s")
show("e26", "{:x}", 1.5)
show("e27", "{a{}", 1)
show("e28", "{!}", 1)
show("e29", "{0!", 1)
show("e30", "{0[1]", [1, 2])
show("e31", "x{0!s:>{1}", "a", 4)
show("e32", "{:>{}}", "a")
show("e33", "{0:=^10s}", "a")
show("e34", "{0:,s}", "a")
show("e35", "{0!\u00e9}", 1)

d = {"name": "Ann", "n": 3}
print("{name} has {n}".format_map(d))

class Missing(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b}".format_map(Missing(a=1)))
for fmt, arg in [("{x}", 1), ("{0}", {}), ("abc", 1), ("{}", {}), ("{x.y}", {"x": 1})]:
    try:
        print(repr(fmt.format_map(arg)))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [(), ({}, {})]:
    try:
        "a".format_map(*bad)
    except TypeError as e:
        print(e)
print(str.format("{}-{}", "a", "b"), "{0:{fill}>5}".format(1, fill="."))
print(format("ab", "^6"), "ab".__format__(">4"), format("é", "*<3"))
