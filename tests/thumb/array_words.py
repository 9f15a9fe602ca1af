# C's `long`, `size_t` and pointers are 32-bit words on a 32-bit machine, as in MicroPython and a
# 32-bit CPython: array('l'/'L') items, struct's native l/L/n/N/P and memoryviews of them are 4
# bytes, so machine code walking an array('l') steps by words. Expected output hand-written.
import array
import struct
import sys


@micropython.asm_thumb
def sum_words(r0, r1):
    # r0 = buffer address, r1 = count of 32-bit words
    mov(r2, 0)
    label(loop)
    ldr(r3, [r0, 0])
    add(r2, r2, r3)
    add(r0, 4)
    sub(r1, 1)
    bgt(loop)
    mov(r0, r2)


longs = array.array('l', [100, -200, 300, 400])
print(sys.maxsize == 2**31 - 1, longs.itemsize, array.array('L').itemsize)
print(sum_words(longs, len(longs)), sum_words(array.array('L', [7, 8, 9]), 3))
print([struct.calcsize(c) for c in 'lLnNPqQ'], struct.calcsize('bl'), struct.calcsize('<l'))
print(struct.pack('l', -2) == struct.pack('i', -2), struct.unpack('L', b'\xff\xff\xff\xff'), struct.pack('P', -1))
m = memoryview(longs)
print(m.format, m.itemsize, m.nbytes, m.tolist(), len(bytes(longs)))
print(array.array('l', b'\x01\x00\x00\x00\xfe\xff\xff\xff'))
for code, v in [('l', 2**31), ('l', -2**31 - 1), ('L', 2**32), ('L', -1)]:
    try:
        array.array(code, [v])
    except OverflowError as e:
        print(code, 'OverflowError', e)
print(array.array('l', [2**31 - 1, -2**31]), array.array('L', [2**32 - 1]))
