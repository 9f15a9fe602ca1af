# bytes and bytearray methods (shared)

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for B in (bytes, bytearray):
    print("==", B.__name__)
    data = [B(b""), B(b"  a  b\tc\n"), B(b"a,b,,c,"), B(b"abcabc"), B(b"\x00\xff\x80 x"), B(b"Hello World")]
    for d in data:
        print(repr(d), d.split(), d.rsplit(None, 1), d.split(b","), d.split(b",", 1), d.rsplit(b",", 1), d.split(maxsplit=1))
        print("  ", d.partition(b"b"), d.rpartition(b"b"), d.strip(), d.lstrip(b" a"), d.rstrip(b"\n\tc"), d.strip(None))
        print("  ", d.find(b"b"), d.rfind(b"b"), d.find(98), d.count(b"b"), d.count(b""), d.find(b"c", -3), d.rfind(b"a", 0, 3))
        print("  ", d.startswith(b"a"), d.endswith((b"c", b",")), d.startswith(b"b", 1), d.replace(b"b", b"BB"), d.replace(b"", b"."), d.replace(b"a", b"", 1))
        print("  ", d.upper(), d.lower(), d.swapcase(), d.title(), d.capitalize())
        print("  ", d.isalnum(), d.isalpha(), d.isdigit(), d.isspace(), d.isascii(), d.isupper(), d.islower(), d.istitle())
        print("  ", d.center(14, b"*"), d.ljust(12), d.rjust(12, b"-"), d.zfill(12), d.expandtabs(4), d.splitlines(), d.splitlines(True))
        print("  ", d.hex(), d.hex(":"), d.hex("-", 2), d.hex(b" ", -3), d.removeprefix(b"a"), d.removesuffix(b","))
        print("  ", d.translate(None, b"ab"), d.translate(bytes.maketrans(b"abc", b"xyz")), B(b"|").join([b"p", d, bytearray(b"q")]))
        try:
            print("  ", d.index(b"c"), d.rindex(b"c"))
        except ValueError as e:
            print("  ", e)
    print(B.fromhex("61 62\t63"), B.fromhex(""), B.fromhex(" 00ff "), B(b"x").fromhex("7a"))
    print(B.maketrans(b"ab", b"xy")[97:99], B(b"\xc3\xa9t\xc3\xa9").decode(), B(b"abc").decode("ascii"))
    print(B(b"a\r\nb\rc\n\nd\x0be").splitlines(), B(b"x").splitlines(keepends=True), B(b"").splitlines())
    print(B(b"-5").zfill(4), B(b"+").zfill(3), B(b"ab").center(7), B(b"ab").center(6, b"."))
    print(B(b"one two  three").split(b" "), B(b"  x  ").split(None, 0), B(b"  x  y ").rsplit(maxsplit=1))
    print(B(b"abc").startswith((b"x", memoryview(b"a"))), B(b"abc").find(memoryview(b"c")), B(b"abc").count(bytearray(b"b")))

show("e1", b"a".strip, 1)
show("e2", b"a".split, 1)
show("e3", b"a".find, 1.5)
show("e4", b"a".find, 300)
show("e5", b"a".find, "a")
show("e6", b"a".replace, "a", "b")
show("e7", b"a".join, [1])
show("e8", b"a".center, 3, "x")
show("e9", b"a".center, 3, b"xy")
show("e10", bytes.fromhex, "zz")
show("e11", bytes.fromhex, "a")
show("e12", bytes.fromhex, 1)
show("e13", b"ab".hex, 1)
show("e14", b"ab".hex, "::")
show("e15", b"ab".hex, ":", "x")
show("e16", b"a".decode, 1)
show("e17", b"a".startswith, "a")
show("e18", b"a".startswith, ("a",))
show("e19", b"a".translate, b"abc")
show("e20", bytes.maketrans, b"a", b"bc")
show("e21", b"a".index, b"z")
show("e22", b"a".partition, b"")
show("e23", b"a".partition, "a")
show("e24", b"a".split, b"")
show("e25", b"a".join, 1)
show("e26", b"a".ljust, 3, b"")
show("e27", b"a".zfill, "x")
show("e28", b"a".upper, 1)
show("e29", bytes.upper, bytearray(b"a"))
show("e30", bytes.upper)
show("e31", b"a".center)
show("e32", b"a".find)
show("e33", b"a".split, x=1)
show("e34", b"a".hex, "\xe9")
show("e35", b"abc".count, b"b", "x")
show("e36", b"a".removeprefix, "a")
show("e37", b"a".translate, None, "a")
show("e38", bytes.maketrans, "a", "b")
show("e39", b"a".decode, "ascii", "strict", 1)
show("e40", b"a".decode, x=1)
show("e41", b"a".startswith, [b"a"])
show("e42", bytearray(b"a").lstrip, 1)
show("e43", b"abc".replace, b"b", b"B", "x")
show("e44", b"a".expandtabs, 1, 2)
print(b"abc".hex(sep="-", bytes_per_sep=1), b"abcde".hex(":", -2), b"abc".hex(":", 2), b"a".hex(":", 0), b"".hex(":"))
print(b"abc".translate(bytes(range(256)), delete=b"a"), bytearray.maketrans(b"a", b"b")[97])
print(b"%s %d %x" % (b"a", 1, 255), bytearray(b"%05.1f") % 3.14159)

class MyBytes(bytes):
    pass
m = MyBytes(b"xyz")
print(type(m).__name__, m, m.upper(), type(m.upper()).__name__, type(MyBytes.fromhex("41")).__name__, m == b"xyz")

# Repeat counts beyond the index range: OverflowError, worded as CPython words it.
for seq in [b'x', bytearray(b'x'), 'x', [0], (0,)]:
    try:
        seq * (2 ** 70)
    except OverflowError as e:
        print(type(seq).__name__, e)
