# open() on host files: text and binary modes, reading by size, line and iteration, appending,
# context managers, and the errors for missing files and undecodable text.
path = '/tmp/pyrite_conformance_open_files.txt'

with open(path, 'w') as f:
    print(f.write('first line\n'), f.write('second é line\nthird'))
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.readline()), repr(f.read(6)), repr(f.readline()), repr(f.readlines()))
with open(path) as f:
    print([line.rstrip('\n') for line in f])
with open(path, 'a') as f:
    f.write('\nappended')
with open(path, 'rb') as f:
    data = f.read()
    print(type(data).__name__, data[-8:], len(data))
with open(path, 'wb') as f:
    f.write(b'caf\xc3\xa9 \xff\n')
with open(path, 'rb') as f:
    print(f.read())
try:
    with open(path) as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e.reason, e.start)
except UnicodeError:
    print('some other UnicodeError')

f = open(path, 'w')
f.write('x')
f.close()
print(f.closed)
try:
    f.write('y')
except ValueError as e:
    print('ValueError', e)

try:
    open('/nonexistent-dir/nothing.txt')
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    open(path, 'rz')
except ValueError as e:
    print('ValueError', e)
