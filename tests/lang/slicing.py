# Slicing: get/set/del with steps on list, bytes, str, tuple, bytearray, range
L = list(range(10))
idx = [None, 0, 1, 3, -1, -3, 9, 10, 20, -20]
steps = [None, 1, 2, 3, -1, -2, -4]
for seq in [L, tuple(L), 'abcdefghij', b'abcdefghij', bytearray(b'abcdefghij'), range(10)]:
    out = []
    for st in steps:
        for a in [None, 1, -3, 20, -20]:
            for b in [None, 8, -2, 0]:
                r = seq[a:b:st]
                out.append(len(r))
                out.append(r[0] if len(r) else '-')
    print(type(seq).__name__, ''.join(str(x) for x in out[:120]))
    print(seq[::-1], seq[1:-1:3], seq[-3:], seq[:-7:-2], seq[100:], seq[-100:2])
for seq in [L, 'abc', (1, 2), b'xy', bytearray(b'z'), range(3)]:
    try:
        seq[::0]
    except ValueError as e:
        print(type(e).__name__, e)
    for bad in ['a', 1.5]:
        try:
            seq[bad:]
        except TypeError as e:
            print(type(e).__name__, e)
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(L[I(2):I(5)], 'hello'[I(-3):], L[I(1)], (1, 2, 3)[I(-1)], L[True:])
for sl in [slice(2 ** 100, None), slice(-2 ** 100, 2), slice(None, None, 2 ** 100), slice(None, None, -2 ** 100), slice(1, 2 ** 70)]:
    for seq in [L, 'abcdef', (1, 2, 3), b'xyz', range(7)]:
        try:
            print(seq[sl], end=' ')
        except (IndexError, ValueError, OverflowError) as e:
            print(type(e).__name__, e, end=' ')
    print()
try:
    L[2 ** 100]
except IndexError as e:
    print(type(e).__name__, e)
# assignment
a = list(range(10)); a[2:5] = ['x']; print(a)
a = list(range(10)); a[2:5] = []; print(a)
a = list(range(10)); a[5:2] = ['y', 'z']; print(a)
a = list(range(10)); a[::2] = 'abcde'; print(a)
a = list(range(10)); a[::-3] = [0, 0, 0, 0]; print(a)
a = list(range(10)); a[:] = a; print(a)
a = list(range(10)); a[1:3] = a; print(a)
a = list(range(10)); a[-1:] = range(3); print(a)
a = list(range(10)); a[100:] = [1]; print(a)
a = list(range(10)); a[:0] = (7, 8); print(a)
a = list(range(10)); a[1:9:1] = []; print(a)
a = list(range(5)); a[::1] = iter('xyz'); print(a)
for rhs in [[1, 2], 'abcdef', []]:
    a = list(range(10))
    try:
        a[::2] = rhs
        print(a)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
# deletion
for sl in [slice(None), slice(2, 5), slice(None, None, 2), slice(None, None, -2), slice(1, -1, 3), slice(8, 2, -2), slice(5, 2), slice(-100, 100, 4)]:
    a = list(range(10)); del a[sl]; b = bytearray(range(10)); del b[sl]
    print(sl, a, list(b))
a = list(range(5)); del a[-1], a[0]; print(a)
# bytearray
b = bytearray(b'hello world')
b[0:5] = b'HELLO'; print(b)
b[::2] = b'______'; print(b)
b[1:3] = [65, 66, 67]; print(b)
b[-1:] = bytearray(b'!?'); print(b)
b[:] = b''; print(b, len(b))
b = bytearray(b'abc'); b[1:2] = memoryview(b'XYZ'); print(b)
for rhs in [b'ab', 'str', [256], 5, [1.5]]:
    try:
        b = bytearray(b'abcdef'); b[::2] = rhs; print(b)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
b = bytearray(b'abcdef'); b[1:3] = 3 if False else b''; print(b)
# immutable
for seq in ['abc', (1, 2, 3), b'abc', range(3)]:
    for op in ['set', 'del']:
        try:
            if op == 'set':
                seq[0:1] = 'x'
            else:
                del seq[0:1]
        except TypeError as e:
            print(type(e).__name__, e)
# slice objects
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2).indices(10), slice(None, None, -1).indices(5), slice(-100, 100, 3).indices(7))
print(L[s], L[slice(-2, None)], 'abcdef'[slice(None, None, 2)], s == slice(1, 10, 2), s == slice(1, 10), slice(1, 2) < slice(1, 3))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    hash(slice(1, 2))
    print('hashable')
except TypeError as e:
    print(type(e).__name__, e)
class G:
    def __getitem__(self, k): return k
    def __setitem__(self, k, v): print('set', k, v)
    def __delitem__(self, k): print('del', k)
g = G()
print(g[1:2], g[::], g[1:2, 3], g[..., 1:], g[:, None], g[::-1], g[1:2:3])
g[1:2] = 'v'; g[::3] = 0; del g[:5]; del g[1, 2:3]
r = range(0, 20, 3)
print(r[2:5], r[::-1], r[-2:], r[::2][1:], list(r[1::-1]), r[5:1], range(10)[::-3])
print('abc'[1:1] == '', 'abc'[3:] == '', 'abc'[-1:-4:-1], 'abcdef'[-1::-2], 'abc'[:-4:-1], (1, 2, 3)[:-2 ** 70:-1])
