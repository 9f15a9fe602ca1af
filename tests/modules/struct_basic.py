# struct: packing and unpacking every format code, byte orders, alignment, Struct objects
import struct

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for fmt in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'e', 'f', 'd', '?', 'c', 'x', 's', 'p', 'P',
            '<h', '>h', '=l', '!q', '<L', '>Q', '@bi', '@ib', '=bi', 'bq0i', '3s', '10p', '2h3x', 'hi', '<hi',
            '@cd', 'x?', '0s', ' 2h h', '4B', '@qh', '@hq', '@bhiq', '@e']:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack('<hHiIqQ', -2, 65535, -2**31, 2**32 - 1, -2**63, 2**64 - 1))
print(struct.pack('>hHiIqQ', -2, 65535, -2**31, 2**32 - 1, -2**63, 2**64 - 1))
print(struct.pack('@bhiq', 1, 2, 3, 4), struct.pack('=bhiq', 1, 2, 3, 4), struct.pack('!I', 0xdeadbeef))
print(struct.pack('<f', 1.5), struct.pack('>d', -0.1), struct.pack('<e', 0.333), struct.pack('>e', -65504.0))
print(struct.pack('<e', 1e-7), struct.pack('<e', 6.1e-5), struct.pack('<e', float('inf')), struct.pack('<e', float('-nan')))
print(struct.pack('?', 0), struct.pack('?', 'x'), struct.pack('??', [], [0]), struct.pack('c', b'\xff'))
print(struct.pack('5s', b'abc'), struct.pack('2s', b'abcdef'), struct.pack('s', b''), struct.pack('0s', b'xyz'))
print(struct.pack('4p', b'abcdef'), struct.pack('p', b'abc'), struct.pack('300p', b'a' * 300)[:3], struct.pack('3x'))
print(struct.pack('<2h3x', 1, 2), struct.pack('b5sb', 1, bytearray(b'hi'), 2), struct.pack(b'<i', 7))
print(struct.unpack('<hHiIqQ', struct.pack('<hHiIqQ', -2, 65535, -2**31, 2**32 - 1, -2**63, 2**64 - 1)))
print(struct.unpack('>bB', b'\xff\xff'), struct.unpack('<e', b'\x00\x3c'), struct.unpack('>f', b'\x3f\xc0\x00\x00'))
print(struct.unpack('<d', struct.pack('<d', 3.141592653589793)), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.unpack('?c3s', b'\x02z\x00ab'), struct.unpack('5p', b'\x09abcd'), struct.unpack('5p', b'\x02abcd'))
print(struct.unpack('<q', bytearray(b'\xff' * 8)), struct.unpack('<Q', memoryview(b'\xff' * 8)), struct.unpack('', b''))
print(struct.unpack('x', b'\x00'), struct.unpack('@bi', bytes(range(8))), struct.unpack('<2h', b'\x01\x00\x02\x00'))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 1), struct.unpack_from('<h', b'\x00\x01\x02\x03', -2))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03'), struct.unpack_from('<h', buffer=b'\x05\x00', offset=0))
ba = bytearray(8)
print(struct.pack_into('<hi', ba, 1, -1, 258), ba)
struct.pack_into('>H', ba, -2, 0x1234)
print(ba)
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')), list(struct.iter_unpack('<h', b'')))
s = struct.Struct('<hi')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'), s.unpack_from(b'\x00\x01\x00\x02\x00\x00\x00', 1))
print(list(s.iter_unpack(bytes(12))), struct.Struct(b'>q').format, struct.Struct('x').size)
ba2 = bytearray(6)
s.pack_into(ba2, 0, 7, 8)
print(ba2)
t(lambda: s.pack(1))
t(lambda: struct.calcsize('2 h'))
t(lambda: struct.calcsize('<n'))
t(lambda: struct.calcsize('<P'))
t(lambda: s.unpack(b'12'))
for v in [0.0, -0.0, 1.0, 0.5, 65504.0, 65519.99, 5.960464477539063e-08, 2.9802322387695312e-08, 3e-08, 1.0009765625,
          1.00048828125, 1.00146484375, 0.1, -2.5, 6.097555160522461e-05]:
    b = struct.pack('<e', v)
    print(v, b, struct.unpack('<e', b))
for v in [1.0, 3.4028234663852886e+38, 1e-45, 1.401298464324817e-45, 0.1, 16777217.0, -0.0]:
    b = struct.pack('<f', v)
    print(v, b, struct.unpack('<f', b))
t(lambda: struct.pack('<f', 3.5e38))
class Idx:
    def __index__(self):
        return 300
print(struct.pack('<H', Idx()), struct.pack('<d', Idx()), struct.pack('<q', True))
print(struct.error.__name__, issubclass(struct.error, Exception))
try:
    struct.pack('b', 1000)
except struct.error as e:
    print('caught', e)
