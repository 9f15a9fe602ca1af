# array.array: typecodes, construction, conversion and range errors, item access, methods.
from array import array, typecodes
import array as array_module


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(typecodes, array_module.ArrayType is array)
for tc in typecodes:
    a = array(tc)
    print(tc, a, a.typecode, a.itemsize, len(a))

# construction
print(array('i', [1, 2, 3]), array('b', (x for x in range(-2, 3))), array('d', [1, 2.5, -0.0]))
print(array('B', b'ab'), array('B', bytearray(b'\x00\xff')), array('i', range(4)), array('u', 'héllo'))
print(array('i', array('b', [1, 2])), array('d', array('i', [1, 2])), array('f', [0.1, 1.5]))
print(array('h', b'\x01\x00\x02\x00') == array('h', [1, 2]), array('i', b''))
t(lambda: array('z'))
t(lambda: array('ii'))
t(lambda: array(1))
t(lambda: array())
t(lambda: array('i', [], 5))
t(lambda: array('i', typecode='i'))
t(lambda: array('i', 5))
t(lambda: array('i', b'abc'))
t(lambda: array('b', 'abc'))
t(lambda: array('i', array('u', 'a')))
t(lambda: array('i', array('d', [1.5])))

# integer ranges and conversions
limits = {'b': (-128, 127), 'B': (0, 255), 'h': (-32768, 32767), 'H': (0, 65535),
          'i': (-2**31, 2**31 - 1), 'I': (0, 2**32 - 1), 'l': (-2**63, 2**63 - 1),
          'L': (0, 2**64 - 1), 'q': (-2**63, 2**63 - 1), 'Q': (0, 2**64 - 1)}
for tc, (lo, hi) in limits.items():
    print(tc, array(tc, [lo, hi, 0]))
    t(lambda: array(tc, [lo - 1]))
    t(lambda: array(tc, [hi + 1]))
t(lambda: array('i', [1.5]))
t(lambda: array('i', ['a']))
t(lambda: array('Q', [None]))
t(lambda: array('b', [True, False]))


class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


print(array('b', [Idx()]), array('d', [Flt(), Idx(), 3]), array('f', [1e300, -1e300]))
t(lambda: array('f', ['a']))
t(lambda: array('d', [2**1100]))
t(lambda: array('u', [1]))
t(lambda: array('u', ['ab']))
print(array('u', ['a', 'b']), array('f', [float('inf')]), array('d', [float('nan')]))

# indexing and slicing
a = array('i', [10, 20, 30, 40, 50])
print(a[0], a[-1], a[2], a[1:3], a[::-1], a[::2], a[10:], a[-2:], a[:])
t(lambda: a[5])
t(lambda: a[-6])
t(lambda: a['x'])
t(lambda: a[1.0])
t(lambda: a[::0])
a[0] = 11
a[-1] = 55
print(a)


def s_bad_type():
    a[0] = 'x'


def s_bad_range():
    a[9] = 1


def s_overflow():
    a[0] = 2**40


def s_slice_list():
    a[1:2] = [5]


def s_slice_kind():
    a[1:2] = array('d', [5])


def s_ext_size():
    a[::2] = array('i', [1])


def d_bad():
    del a[9]


for f in (s_bad_type, s_bad_range, s_overflow, s_slice_list, s_slice_kind, s_ext_size, d_bad):
    t(f)
print(a)
a[1:3] = array('i', [7, 8, 9, 10])
print(a)
a[10:] = array('i', [99])
print(a)
a[:2] = array('i')
print(a)
a[::2] = array('i', [0, 0, 0])
print(a)
del a[0]
print(a)
del a[::2]
print(a)
del a[-1]
print(a)
del a[:]
print(a, len(a))

# methods
m = array('h', [3, 1, 2])
m.append(4)
m.extend([5, 6])
m.extend(array('h', [7]))
m.insert(0, 0)
m.insert(100, 8)
m.insert(-100, -1)
m.insert(-1, 9)
print(m)
print(m.pop(), m.pop(0), m.pop(-2), m)
m.remove(1)
print(m, m.index(2), m.index(6), m.index(2, 1), m.count(2), m.count(100), 4 in m, 100 in m, 'a' in m)
m.reverse()
print(m, m.tolist(), list(m), sorted(m), sum(m), max(m))
t(lambda: m.remove(100))
t(lambda: m.index(100))
t(lambda: m.index(3, 5))
t(lambda: array('i').pop())
t(lambda: m.pop(100))
t(lambda: m.pop('a'))
t(lambda: m.append())
t(lambda: m.append(1.0))
t(lambda: m.insert(1))
t(lambda: m.count())
t(lambda: m.extend(5))
t(lambda: m.extend(array('i', [1])))
t(lambda: m.tolist(1))
p = array('i', [1, 2])
t(lambda: p.extend([3, 'x']))
print(p)
t(lambda: p.fromlist([4, 'y']))
print(p)
p.fromlist([5, 6])
print(p)
t(lambda: p.fromlist((1,)))

# bytes round trips
bt = array('h', [1, 256, -1])
raw = bt.tobytes()
print(raw, len(raw), bytes(bt), bytearray(bt))
back = array('h')
back.frombytes(raw)
back.frombytes(bytearray(b'\x05\x00'))
print(back, back == bt)
t(lambda: back.frombytes('x'))
t(lambda: back.frombytes(b'abc'))
back.byteswap()
print(back)
back.byteswap()
print(back)
dd = array('d', [1.5])
print(dd.tobytes(), array('d', dd.tobytes()))
print(array('u', 'xyz').tounicode(), array('u', 'ab').tobytes() == 'ab'.encode('utf-32-le'))
uu = array('u', 'a')
uu.fromunicode('bc')
print(uu)
t(lambda: array('i', [1]).tounicode())
t(lambda: array('i', [1]).fromunicode('a'))
t(lambda: uu.fromunicode(5))
info = array('i', [1, 2, 3]).buffer_info()
print(type(info).__name__, info[1])

# iteration
it = iter(array('b', [1, 2]))
print(next(it), next(it))
t(lambda: next(it))
print(list(reversed(array('i', [1, 2, 3]))), [x * 2 for x in array('d', [0.5, 1])], tuple(array('B', b'hi')))
