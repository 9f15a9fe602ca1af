# micropython.RingIO: a byte ring buffer of fixed capacity that never blocks: writes take what
# fits, reads return what is there; lines, readinto, wrap-around and construction errors.
import micropython
from micropython import RingIO

print(RingIO is micropython.RingIO)
ring = RingIO(10)
print(ring, ring.any(), ring.read(), ring.readline())
print(ring.write(b"hello\nworld\n"), ring.any())
print(ring.readline(), ring.readline(3), ring.readline(), ring.any())
# Wrap around the end of the storage several times.
total = 0
for i in range(7):
    total += ring.write(bytes(range(i, i + 6)))
    print(ring.read(4), ring.any())
print(total, ring.read(), ring.read(5))

backing = bytearray(5)
ring = RingIO(backing)
print(ring.write(bytearray(b"abcdefg")), ring.write(memoryview(b"xy")), ring.any())
target = bytearray(3)
print(ring.readinto(target), target, ring.readinto(target, 1), target, ring.any())
print(ring.write(b"\n\n\n"), ring.readline(), ring.read(0), ring.read(-1))
ring.close()

for bad in [0, -3, None, bytearray(1), b""]:
    try:
        RingIO(bad)
        print("made", bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
