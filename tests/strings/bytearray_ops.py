# bytearray mutation, construction, indexing; bytes dunders

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

ba = bytearray(b"hello")
ba.append(33)
ba.extend(b" wor")
ba.extend([108, 100])
ba.extend(memoryview(b"!!"))
ba.extend(x for x in (63,))
print(ba, len(ba))
ba.insert(0, 62)
ba.insert(-1, 60)
ba.insert(100, 46)
ba.insert(-100, 44)
print(ba, ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(108)
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
ba.clear()
print(ba, c, c is not ba, type(c).__name__)
ba = bytearray(b"abcdef")
ba[0] = 65
ba[-1] = 70
ba[1:3] = b"XYZ"
print(ba)
ba[::2] = b"1234"
print(ba)
ba[1:2] = [33, 34]
ba[5:] = memoryview(b"end")
print(ba)
del ba[0]
del ba[::3]
del ba[-1]
print(ba)
ba += b"++"
ba *= 2
print(ba, bytearray.__iadd__(bytearray(b"a"), b"b"), bytearray(b"xy").__imul__(3))
show("m1", bytearray().extend, 1)
show("m2", bytearray().extend, "ab")
show("m3", bytearray().extend, [300])
show("m4", bytearray().extend, ["a"])
show("m5", bytearray().insert, 0)
show("m6", bytearray(b"ab").pop, "x")
show("m7", bytearray().remove, 300)
show("m8", bytearray(b"a").remove, 98)
show("m9", bytearray().append)
show("m10", bytearray().reverse, 1)
show("m11", bytearray().clear, 1)
show("m12", bytearray(b"a").pop, 5)
show("m13", bytearray().pop)
show("m14", bytearray(b"a").append, 256)
show("m15", bytearray(b"a").append, "a")
show("m16", bytearray(b"a").insert, "x", 1)
show("m17", bytearray.__setitem__, bytearray(b"abc"), slice(0, 3, 2), b"x")
show("m18", bytearray.__setitem__, bytearray(b"abc"), 0, 256)
show("m19", bytearray.__setitem__, bytearray(b"abc"), 5, 1)
show("m20", bytearray.__setitem__, bytearray(b"abc"), "k", 1)
show("m21", bytearray.__delitem__, bytearray(b"abc"), 9)
show("m22", bytearray.__setitem__, bytearray(b"abc"), slice(0, 1), 5)

# construction
for args in [(), (3,), (b"ab",), (bytearray(b"cd"),), ([1, 2, 255],), (range(3),), (iter([65, 66]),),
             ("é", "utf-8"), ("é", "latin-1"), (memoryview(b"mv"),), ("ab", "ascii", "strict")]:
    print(bytes(*args), bytearray(*args))
for args in [(1.5,), ("a",), (b"a", "utf-8"), (-1,), ([256],), (["a"],), ("é", "ascii"), (1, 2, 3, 4)]:
    for B in (bytes, bytearray):
        show(B.__name__, B, *args)
show("kw1", bytes, x=1)
show("kw2", bytes, errors="x")
show("kw3", bytes, "a", errors="strict")
show("kw4", bytes, source="ab", encoding="ascii")
show("kw5", bytearray, source=b"q")

class WithBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(WithBytes()))
show("wb", bytearray, WithBytes())

# indexing and operators
b = b"abcdef"
print(b[0], b[-1], b[1:4], b[::-1], b[::2], b[10:], bytearray(b)[2], bytearray(b)[1:3])
for key in [10, -10, "x", 1.5]:
    for obj in (b, bytearray(b)):
        try:
            obj[key]
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
print(b"a" + b"b", b"a" + bytearray(b"b"), bytearray(b"a") + b"b", b"a" + memoryview(b"b"), b"ab" * 3, 2 * b"x", b"x" * -1)
for expr in ["b'a' + 'b'", "b'a' + 1", "b'a' * 'x'", "b'a' * 1.5", "bytearray(b'a') + 'b'", "'a' + b'b'"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)
print(b"b" in b"abc", 98 in b"abc", b"" in b"", b"\x00" in b"a", bytearray(b"bc") in b"abc", memoryview(b"c") in b"abc")
show("in1", b"a".__contains__, "a")
show("in2", b"a".__contains__, 256)
print(b"a" < b"b", b"ab" <= b"ab", bytearray(b"b") > b"a", b"a" == bytearray(b"a"), b"a" != b"a", b"" < b"\x00")
print(hash(b"ab") == hash(b"ab"), hash(b"") == hash(b""), bytearray.__hash__)
show("h1", hash, bytearray())
print(bytes.__len__(b"abc"), bytearray.__len__(bytearray(b"ab")), b"abc".__getitem__(1), b"a".__contains__(97))
print(b"ab".__add__(b"c"), b"a".__mul__(3), b"a".__rmul__(2), b"%d".__mod__(5), b"a".__rmod__(1), b"a".__eq__("a"))
print(b"a".__lt__(b"b"), bytearray(b"a").__eq__(b"a"), b"a".__bytes__(), b"ab".__getnewargs__())
print(b"a".__iter__().__next__(), b"a".__repr__(), bytearray(b"a").__repr__(), list(bytearray(b"xy")))
show("dd1", b"ab".__add__, 1)
show("dd2", bytes.__add__, 1, b"a")
show("dd3", bytes.__len__)
show("dd4", bytearray.__len__, b"a")

class BA(bytearray):
    pass
x = BA(b"sub")
x.append(33)
print(type(x).__name__, bytes(x), len(x), x.upper(), type(x.upper()).__name__)

# Growing an empty bytearray by nothing, and by itself.
e = bytearray()
e += b''
e.extend(b'')
e += bytearray()
print(e, len(e))
s = bytearray(b'ab')
s.extend(s)
print(s)
