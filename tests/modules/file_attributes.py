# File objects' attributes: name, mode, encoding (as CPython names the default), the binary buffer
# under a text file (sys.stdout.buffer writes bytes to the console), and io.UnsupportedOperation
# with CPython's wording for reading a write-only file or writing a read-only one.
import sys, io
print(sys.stdout.encoding, sys.stdout.name, sys.stdout.mode, sys.stderr.name)
n = sys.stdout.buffer.write(b"raw bytes\n")
sys.stdout.flush()
print(n, sys.stdout.buffer is sys.stdout.buffer)
path = '/tmp/pyrite_conformance_file_attributes.txt'
with open(path, 'w') as f:
    print(f.name == path, f.mode, f.encoding, type(f.buffer).__name__)
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e, isinstance(e, OSError), isinstance(e, ValueError))
with open(path, 'rb') as f:
    print(f.mode, hasattr(f, 'encoding'), hasattr(f, 'buffer'))
    try:
        f.write(b'x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
try:
    sys.stdout.buffer.write("text")
except TypeError as e:
    print('TypeError', e)
with open(path, encoding='utf-8') as f:
    print(f.encoding)
