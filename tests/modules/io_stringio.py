# io.StringIO: reading, writing, seeking (code-point positions), newline modes, closing, errors.
import io


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = io.StringIO('héllo\nwörld\nlast')
print(s.tell(), repr(s.read(2)), s.tell(), repr(s.readline()), s.tell())
print(repr(s.readline()), repr(s.readline()), repr(s.readline()), s.tell())
print(s.seek(0), s.readlines())
print(s.seek(1), repr(s.read()), repr(s.read()), s.seek(0, 2), repr(s.read(5)))
print(repr(s.getvalue()))

# writing and overwriting
w = io.StringIO()
print(w.write('abc'), w.write(''), w.write('déf'), w.tell(), repr(w.getvalue()))
w.seek(1)
print(w.write('XY'), w.tell(), repr(w.getvalue()), repr(w.read()))
w.seek(5)
print(w.write('123'), repr(w.getvalue()), w.tell())
w.seek(10)
print(w.write('!'), repr(w.getvalue()), w.tell())
w.seek(0, 2)
w.write('é')
print(repr(w.getvalue()), w.tell())
w.writelines(['a', 'b', 'c'])
print(repr(w.getvalue()))

# initial value then write overwrites from the start
o = io.StringIO('abcdef')
o.write('XY')
print(repr(o.getvalue()), repr(o.read()))

# read sizes
r = io.StringIO('0123456789')
print(repr(r.read(0)), repr(r.read(3)), repr(r.read(-1)), repr(r.read(5)))
r.seek(0)
print(repr(r.read(None)), repr(r.read(100)))
r.seek(2)
print(repr(r.readline(3)), repr(r.readline(0)), repr(r.readline(-1)))

# readline limits and readlines hint
lines = io.StringIO('one\ntwo\nthree\nfour\n')
print(repr(lines.readline(2)), repr(lines.readline()), lines.readlines(5), lines.readlines())
lines.seek(0)
print(lines.readlines(0), lines.readlines())

# iteration
print([line for line in io.StringIO('a\nb\n\nc')])
print(list(io.StringIO('')), list(io.StringIO('x')))
it = io.StringIO('p\nq')
print(next(it), repr(next(it)))
t(lambda: next(it))

# truncate
tr = io.StringIO('abcdef')
print(tr.truncate(4), repr(tr.getvalue()), tr.tell())
tr.seek(2)
print(tr.truncate(), repr(tr.getvalue()), tr.tell())
print(tr.truncate(10), repr(tr.getvalue()))
tr.seek(6)
tr.write('z')
print(repr(tr.getvalue()))

# newline modes
for nl in (None, '', '\n', '\r', '\r\n'):
    b = io.StringIO('a\r\nb\rc\nd', newline=nl)
    print(repr(nl), repr(b.getvalue()), b.readlines())
n2 = io.StringIO(newline='\r\n')
n2.write('x\ny\n')
print(repr(n2.getvalue()))

# seek / tell errors
e = io.StringIO('abc')
t(lambda: e.seek(-1))
t(lambda: e.seek(1, 1))
t(lambda: e.seek(1, 2))
t(lambda: e.seek(0, 3))
t(lambda: e.seek('a'))
t(lambda: e.seek(0, 1))
t(lambda: e.seek(0, 2))
t(lambda: e.write(5))
t(lambda: e.write(b'x'))
t(lambda: e.truncate(-1))
t(lambda: e.truncate('a'))
t(lambda: e.read('a'))
t(lambda: e.readline('a'))
t(lambda: e.write())
t(lambda: e.seek())
t(lambda: e.truncate(1, 2))

# constructor errors and forms
t(lambda: io.StringIO(5))
t(lambda: io.StringIO(b'x'))
t(lambda: io.StringIO('a', 'x'))
t(lambda: io.StringIO('a', newline='x'))
t(lambda: io.StringIO('a', 5))
print(repr(io.StringIO(None).getvalue()), repr(io.StringIO().getvalue()), repr(io.StringIO(initial_value='iv').read()))

# properties
p = io.StringIO()
print(p.readable(), p.writable(), p.seekable(), p.isatty(), p.closed, p.flush())
print(p.encoding, p.errors, p.line_buffering)
t(lambda: p.fileno())
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))

# closing
c = io.StringIO('data')
c.close()
print(c.closed)
c.close()
for op in (c.read, c.readline, c.getvalue, c.tell, c.readlines, c.readable, lambda: c.write('x'), lambda: c.seek(0), lambda: next(c), lambda: c.truncate(0)):
    t(op)

# context manager
with io.StringIO('ctx') as cm:
    print(cm.read(), cm.closed)
print(cm.closed)

# print() to a StringIO
buf = io.StringIO()
print('hello', 42, sep='-', file=buf)
print('second', file=buf, end='!')
print(repr(buf.getvalue()))

# subclass
class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
u.write('abc')
print(u.getvalue(), isinstance(u, io.StringIO), type(u).__name__)
print(io.StringIO.__name__, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

# the abstract base classes
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
print(isinstance(io.BytesIO(), io.TextIOBase), isinstance(1, io.IOBase), issubclass(io.StringIO, io.IOBase), issubclass(io.BytesIO, io.RawIOBase))
print(isinstance(u, io.TextIOBase), io.open is open, io.IOBase.__name__)
