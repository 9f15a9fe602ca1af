# io.BytesIO: reading, writing, seeking, truncation, lines, closing, errors.
import io


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


b = io.BytesIO(b'abc\ndef\nghi')
print(b.read(2), b.tell(), b.readline(), b.readline(), b.readline(), b.readline(), b.tell())
print(b.seek(0), b.readlines(), b.seek(4), b.read(), b.read())
print(b.getvalue())

# writing, overwriting and padding
w = io.BytesIO()
print(w.write(b'hello'), w.write(bytearray(b' world')), w.write(memoryview(b'!') if False else b'!'), w.tell())
print(w.getvalue())
w.seek(0)
w.write(b'J')
print(w.getvalue(), w.tell())
w.seek(20)
print(w.write(b'Z'), w.getvalue(), w.tell())
w.writelines([b'1', b'23'])
print(w.getvalue())
print(w.write(b''), w.tell())

# seeking relative and from the end
s = io.BytesIO(b'0123456789')
print(s.seek(3), s.seek(2, 1), s.read(1), s.seek(-3, 2), s.read(), s.seek(-100, 1), s.tell(), s.seek(5, 2))
t(lambda: s.seek(-1))
t(lambda: s.seek(0, 5))
t(lambda: s.seek(1.5))
t(lambda: s.seek())

# read sizes
r = io.BytesIO(b'abcdef')
print(r.read(0), r.read(2), r.read(-1), r.read(5))
r.seek(0)
print(r.read(None), r.read1(), r.seek(1), r.read1(2))
r.seek(0)
print(r.readline(2), r.readline(-1), r.readlines(), r.readlines(1))

# readinto
ri = io.BytesIO(b'xyz')
ba = bytearray(2)
print(ri.readinto(ba), ba, ri.readinto(ba), ba, ri.readinto(ba))

# truncate
tr = io.BytesIO(b'abcdef')
print(tr.truncate(3), tr.getvalue(), tr.tell())
tr.seek(1)
print(tr.truncate(), tr.getvalue(), tr.truncate(10), tr.getvalue())
t(lambda: tr.truncate(-1))
t(lambda: tr.truncate('a'))

# iteration
print(list(io.BytesIO(b'a\nb\n\nc')), list(io.BytesIO(b'')))
it = io.BytesIO(b'one')
print(next(it))
t(lambda: next(it))

# errors
e = io.BytesIO()
t(lambda: e.write('text'))
t(lambda: e.write(5))
t(lambda: e.read('a'))
t(lambda: io.BytesIO('abc'))
t(lambda: io.BytesIO(5))
t(lambda: e.fileno())
print(io.BytesIO(None).getvalue(), io.BytesIO(bytearray(b'ba')).getvalue(), io.BytesIO(initial_bytes=b'ib').read())
print(e.readable(), e.writable(), e.seekable(), e.isatty(), e.closed, e.flush())

# closing
c = io.BytesIO(b'data')
c.close()
c.close()
print(c.closed)
for op in (c.read, c.getvalue, c.tell, c.readline, lambda: c.write(b'x'), lambda: c.seek(0), c.readable):
    t(op)
with io.BytesIO(b'ctx') as cm:
    print(cm.read(), cm.closed)
print(cm.closed)

# large content
big = io.BytesIO()
for i in range(1000):
    big.write(bytes([i % 256]))
print(len(big.getvalue()), big.tell(), big.getvalue()[250:260])
big.seek(500)
print(big.read(3), len(big.readlines()))
print(io.BytesIO.__name__)
