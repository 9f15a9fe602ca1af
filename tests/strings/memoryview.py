# memoryview over bytes and bytearray

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

ba = bytearray(b"hello")
m = memoryview(ba)
print(m[0], m[-1], len(m), m.tobytes(), m.tolist(), list(m), bytes(m), bytearray(m))
print(m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.suboffsets, m.obj is ba)
print(m.c_contiguous, m.f_contiguous, m.contiguous, m[::2].contiguous, m[::2].strides, m[1:4].shape)
print(m[1:3].tobytes(), m[::2].tolist(), m[::-1].tobytes(), m[-2:].tobytes(), m[3:1].tobytes(), m[1:4][::-1].tobytes())
print(m.hex(), m.hex(":"), m[1:].hex("-", 2), m.tobytes("C"), m.tobytes(None), m.tobytes(order="A"))
print(b"x" + m, 101 in m, 120 in m, m[True], m[(1,)], memoryview(m).tobytes(), memoryview(m[1:]).tobytes())
print(m.__eq__(b"hello"), m.__eq__(bytearray(b"hello")), m.__eq__(memoryview(b"hello")), m.__ne__(b"x"), m.__eq__("hello"))
print(m[::2].__eq__(b"hlo"), m.__eq__(m), memoryview(b"ab").__hash__() == hash(b"ab"), m.toreadonly().readonly)

# writes go through to the bytearray
m.__setitem__(0, 72)
m.__setitem__(slice(1, 3), b"EL")
m[1:4].__setitem__(-1, 76)
m[::2].__setitem__(slice(None), b"123")
print(ba, m.tobytes())
ba[4] = 33
print(m[4], m.tobytes())
v = memoryview(bytearray(b"abcdef"))
w = v[1:5]
w.__setitem__(slice(None, None, -1), bytearray(b"wxyz"))
print(v.tobytes(), w.tobytes(), w.obj)

ro = memoryview(b"abc")
print(ro.readonly, ro[1], ro.tolist(), ro[::-1].tobytes(), ro.toreadonly().tobytes())
show("w1", ro.__setitem__, 0, 1)
show("w2", memoryview(bytearray(b"ab"))[0:1].__setitem__, 0, 300)
show("w3", memoryview(bytearray(b"ab")).__setitem__, 0, "x")
show("w4", memoryview(bytearray(b"ab")).__setitem__, slice(0, 1), b"xy")
show("w5", memoryview(bytearray(b"ab")).__delitem__, 0)
show("w6", memoryview(bytearray(b"ab")).__setitem__, 5, 1)
show("w7", memoryview(bytearray(b"ab")).__setitem__, slice(0, 2), [1, 2])
show("w8", memoryview(bytearray(b"ab")).__setitem__, slice(0, 2), memoryview(b"xy"))
show("g1", m.__getitem__, 5)
show("g2", m.__getitem__, "a")
show("g3", m.__getitem__, 1.5)
show("g4", m.__getitem__, ...)
show("n1", memoryview)
show("n2", memoryview, 1)
show("n3", memoryview, "abc")
show("n4", memoryview, b"a", 1)
show("n5", lambda: memoryview(object=b"a").tobytes())
show("t1", m.tobytes, "X")
show("h1", hash, memoryview(bytearray(b"x")))

# release and context manager
m2 = memoryview(b"abc")
m2.release()
m2.release()
for name in ["tobytes", "tolist", "hex", "__len__"]:
    show(name, getattr(m2, name))
for attr in ["nbytes", "readonly", "format", "obj", "shape"]:
    try:
        getattr(m2, attr)
    except ValueError as e:
        print(attr, e)
show("g", m2.__getitem__, 0)
print(m2.__eq__(m2), m2.__eq__(b"abc"))
with memoryview(b"ctx") as mv:
    print(mv.tobytes(), mv.__enter__() is mv)
show("after", mv.tobytes)
print(memoryview(b"abc").__exit__(None, None, None), memoryview(b"").tolist(), len(memoryview(b"")))
print(b"abc".find(memoryview(b"c")), b"abc".startswith(memoryview(b"a")), str(memoryview(b"a"), "ascii"))
print(bytearray(b"xy").__eq__(memoryview(b"xy")), b"-".join([memoryview(b"a"), b"b"]))
