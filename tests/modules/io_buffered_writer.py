# io.BufferedWriter over a stream: everything written reaches the stream by flush() or close(),
# whatever the buffer size; binary files from open() are BufferedWriters; bad sizes are errors.
# (When a partly filled buffer goes out before flush() is where MicroPython and CPython differ,
# so this test looks only after flushing.)
import io

raw = io.BytesIO()
w = io.BufferedWriter(raw, 8)
print(w.write(b'foobar'), w.write(bytearray(b'foobar')), w.write(memoryview(b'xyz')))
w.flush()
print(raw.getvalue())
w.flush()
print(raw.getvalue(), w.writable(), w.closed)

raw = io.BytesIO()
w = io.BufferedWriter(raw, 1)
w.write(b'foo')
print(raw.getvalue())

class Sink(io.BytesIO):
    def close(self):
        self.seen = self.getvalue()
        super().close()


raw = Sink()
with io.BufferedWriter(raw) as w:
    for i in range(100):
        w.write(bytes([i % 256]) * 50)
print(len(raw.seen), raw.seen[-3:], raw.closed, w.closed)

print(isinstance(w, io.BufferedIOBase), isinstance(w, io.IOBase), type(hash(w)))
for size in (0, -1):
    try:
        io.BufferedWriter(io.BytesIO(), size)
    except ValueError as e:
        print('ValueError', e)
