# Filling the heap (run with -X heapsize=256k): MemoryError is raised where an allocation
# fails, the program catches it, lets go of what it held, and has the memory back.
# The expected output is written by hand: CPython has no fixed heap to fill (it would take the
# whole machine), so it cannot be recorded.
import gc

hoard = []
try:
    while True:
        hoard.append(bytearray(1024))
except MemoryError:
    print("MemoryError after many blocks:", len(hoard) > 100)
n = len(hoard)
hoard = None
gc.collect()
again = [bytearray(1024) for _ in range(n // 2)]
print("allocated again:", len(again) == n // 2)
again = None

try:
    big = bytearray(10**7)
except MemoryError:
    print("larger than the heap: MemoryError")

try:
    xs = []
    while True:
        xs.append(len(xs))
except MemoryError:
    print("list growth: MemoryError", len(xs) > 1000)
xs = None
gc.collect()
print("free again:", gc.mem_free() > 100000)
