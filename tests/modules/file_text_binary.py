# Files: text reads count characters (multi-byte UTF-8 too), readline's size limit, seek and
# tell in both modes, open()'s newline argument on reading and writing, the binary file types,
# and the errors for bad newline arguments.
import io
base = '/tmp/pyrite_conformance_file_text_binary'
t, t2, nl = base + '_t.txt', base + '_t2.txt', base + '_nl.txt'

with open(t, 'w', encoding='utf-8') as f:
    print(f.write('aαbβ€\U0001F600z\n'))
with open(t) as f:
    print(repr(f.read(1)), repr(f.read(1)), repr(f.read(2)), repr(f.read(2)), repr(f.read()))
with open(t, 'rb') as f:
    print(f.read(3), f.tell(), f.read(), f.tell())

with open(t2, 'w') as f:
    f.write('hello\nworld\n')
with open(t2, 'rb') as f:
    print(type(f).__name__)
    print(f.seek(2), f.read(3), f.tell())
    print(f.seek(-2, 2), f.read(), f.tell())
    print(f.seek(-4, 1), f.readline(), f.readline(2), f.readline(-1))
with open(t2) as f:
    print(repr(f.readline(3)), repr(f.readline()), f.tell(), repr(f.readline()), repr(f.readline()))
    f.seek(0)
    print(f.readlines(), f.tell())
    print(f.readable(), f.writable(), f.seekable())

with open(nl, 'wb') as f:
    f.write(b'a\r\nb\rc\nd')
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(nl, newline=newline) as f:
        print(repr(newline), repr(f.read()))
    with open(nl, newline=newline) as f:
        print(repr(newline), f.readlines())
with open(nl, newline=None) as f:
    print(repr(f.read(2)), repr(f.read(2)), repr(f.read()))
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(nl, 'w', newline=newline) as f:
        f.write('x\ny\n')
    with open(nl, 'rb') as f:
        print(repr(newline), f.read())

with open(nl, 'w') as f:
    f.write('0123456789')
with open(nl, 'r+') as f:
    f.seek(4)
    f.write('ab')
    f.seek(0)
    print(f.read())
with open(nl, 'ab') as f:
    print(f.tell())

print(type(open(t, 'rb')).__name__, type(open(t, 'r+b')).__name__, type(open(nl, 'ab')).__name__)
print(io.BufferedReader.__name__, io.TextIOWrapper.__name__)
print(isinstance(open(t, 'rb'), io.BufferedReader), isinstance(open(t), io.TextIOWrapper))
for bad in [dict(newline='x'), dict(mode='rb', newline=''), dict(mode='rb', encoding='utf-8')]:
    try:
        open(t, **bad)
    except ValueError as e:
        print('ValueError', e)
with open(t2, 'rb') as f:
    for whence in [-1, 5]:
        try:
            f.seek(0, whence)
        except ValueError as e:
            print('ValueError', e)
    try:
        f.seek(-1)
    except (ValueError, OSError) as e:
        print(type(e).__name__)
f = open(t2)
f.close()
for op in [f.tell, lambda: f.seek(0), f.read]:
    try:
        op()
    except ValueError as e:
        print('ValueError', e)

# A bad mode fails before the file is touched.
with open(t2, 'w') as f:
    f.write('keep\nthese\nlines\n')
for mode in ['rw', 'rwb', 'r+w', 'ww', 'wa', 'bt', 'rr', 'q', '', '+']:
    try:
        open(t2, mode)
    except ValueError as e:
        print(repr(mode), 'ValueError', e)
with open(t2) as f:
    print(f.readlines(6), f.readlines(0))
with open(t2) as f:
    print(f.readlines(-1))
f = open(t2)
f.close()
try:
    f.flush()
except ValueError as e:
    print('ValueError', e)
with open(t2, closefd=True) as f:
    print(f.read(4))

# In-memory files: positions beyond the machine's small integers, and a write there that
# cannot be satisfied.
for cls, empty, data in [(io.BytesIO, b'', b'x'), (io.StringIO, '', 'x')]:
    m = cls(empty)
    print(m.seek(2**62), m.tell())
    try:
        m.write(data)
    except (MemoryError, OverflowError):
        print(cls.__name__, 'too far')

# errors= when decoding: strict (the default) raises, replace and ignore do not.
p = '/tmp/pyrite_conformance_file_errors.txt'
with open(p, 'wb') as f:
    f.write(b'ok \xff\xfe bad\r\nline2 \xe9\n')
for errors in [None, 'strict', 'replace', 'ignore']:
    try:
        with open(p, errors=errors) as f:
            print(errors, repr(f.read()))
    except UnicodeDecodeError as e:
        print(errors, 'UnicodeDecodeError', e.reason, e.start)
with open(p, errors='replace', newline='') as f:
    print(repr(f.readline()), repr(f.readline()))
for bad in [dict(errors='nonsense'), dict(mode='rb', errors='replace'), dict(errors=5)]:
    try:
        open(p, **bad).read()
    except (LookupError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
