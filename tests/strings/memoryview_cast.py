# memoryview formats: cast, typed items, arrays

from array import array

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b"abcdefgh")
c = m.cast("H")
print(c.tolist(), c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c[1], c[-1], c[1:3].tolist())
print(m.cast("c").tolist(), m.cast("b").tolist()[:2], m.cast("d").tolist(), m.cast("Q").tolist(), m.cast("q").tolist())
print(m.cast("?").tolist()[:2], m.cast("@B").format, m.cast("I").tolist(), m.cast("i").tolist(), m.cast("f").tolist()[:1])
print(m.cast("h")[::-1].tolist(), c.cast("B").tolist()[:3], c.tobytes(), c.hex(" ", 2))
print(c.__eq__(memoryview(b"abcdefgh").cast("H")), c.__eq__(b"abcdefgh"), m.cast("c").__eq__(b"abcdefgh"), m.cast("b").__eq__(m))
for args in [("H",), ("x",), (1,), ("i",), ("d",), ("BB",), ("<H",), ("@",)]:
    show("cast", lambda: m[:7].cast(*args))
show("nc", lambda: m[::2].cast("B"))
show("nb", lambda: c.cast("i"))
show("h", hash, c)
print(hash(m.cast("c")) == hash(b"abcdefgh"), m.cast("B", shape=[8]).tolist(), m.cast(format="c", shape=(8,))[0])
show("shape", lambda: m.cast("B", [4]))

mc = memoryview(bytearray(b"ab")).cast("c")
mc.__setitem__(0, b"z")
print(mc.obj, mc[1])
for v in [b"zz", 1, "a"]:
    show("c-set", mc.__setitem__, 0, v)
md = memoryview(bytearray(16)).cast("d")
md.__setitem__(0, 1.5)
md.__setitem__(1, 2)
print(md.tolist(), md.obj[:8].hex())
show("d-set", md.__setitem__, 0, "x")
mb = memoryview(bytearray(2)).cast("?")
mb.__setitem__(0, 5)
print(mb.tolist())
mh = memoryview(bytearray(8)).cast("h")
for v in [-32768, 32767, 32768, -32769, 1.5, True]:
    show("h-set", mh.__setitem__, 0, v)
print(mh.tolist())
mh.__setitem__(slice(0, 2), memoryview(bytearray(b"\x01\x00\x02\x00")).cast("h"))
print(mh.tolist())
show("h-slice", mh.__setitem__, slice(0, 2), b"\x01\x00\x02\x00")
mQ = memoryview(bytearray(8)).cast("Q")
mQ.__setitem__(0, 2 ** 64 - 1)
print(mQ.tolist(), mQ[0] == 2 ** 64 - 1)
show("Q-set", mQ.__setitem__, 0, 2 ** 64)
show("Q-neg", mQ.__setitem__, 0, -1)

a = array("h", [1, -2, 3])
ma = memoryview(a)
print(ma.format, ma.itemsize, ma.nbytes, ma.tolist(), ma[1], ma[::2].tolist(), len(ma), ma.tobytes(), ma.shape, ma.strides)
ma.__setitem__(0, 300)
print(a, list(ma), ma.cast("B").tolist())
for v in [70000, 1.5, "x"]:
    show("arr-set", ma.__setitem__, 1, v)
ad = array("d", [0.5, 1.5])
print(memoryview(ad).tolist(), memoryview(ad).format, memoryview(array("B", [1, 2])).tolist(), memoryview(array("q", [-5])).tolist())
mu = memoryview(array("u", "ab"))
print(mu.format, mu.itemsize)
show("u", mu.tolist)
