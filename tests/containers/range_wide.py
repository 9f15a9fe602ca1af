# Ranges whose bounds, steps or lengths leave the machine word behave as CPython's
# arbitrary-precision ranges: construction, len, indexing, slicing, containment, index/count,
# iteration both ways, equality and hashing, attributes and repr.
import sys

big = 2 ** 64
r = range(big, big + 10, 3)
print(r, len(r), r.start, r.stop, r.step, bool(r), bool(range(big, big)))
print(list(r), list(reversed(r)), r[0], r[-1], r[1:3], r[::-1])
print(big + 3 in r, big + 4 in r, 3 in r, r.index(big + 6), r.count(big + 9), r.count(1))
try:
    r.index(big + 1)
except ValueError as e:
    print('ValueError', e)
try:
    r[4]
except IndexError as e:
    print('IndexError', e)

huge = range(2 ** 100)
print(huge[2 ** 99], huge[-1], huge[2 ** 90:2 ** 90 + 3], 2 ** 99 in huge, huge.index(12345))
try:
    len(huge)
except OverflowError as e:
    print('OverflowError', e)
print(bool(huge), huge == range(0, 2 ** 100), huge != range(2 ** 100 + 1))

small = range(7)
print(small[::2 ** 100], small[::-2 ** 100], small[2 ** 100:], small[-2 ** 100:2])
print(range(-2 ** 70, 2 ** 70, 2 ** 69), len(range(-2 ** 70, 2 ** 70, 2 ** 69)))
print(list(range(-2 ** 70, 2 ** 70, 2 ** 69)))
print(range(0, 2 ** 70, 2 ** 70) == range(0, 1), hash(range(0, 2 ** 70, 2 ** 70)) == hash(range(0, 1)))
print(range(big, big) == range(5, 5), hash(range(big, big)) == hash(range(0)))
edge = 2 ** 63 - 1
print(range(edge - 1, edge + 2)[1:], list(range(edge - 1, edge + 2)), sys.maxsize > 0)
print(range(2 ** 64)[2 ** 63], range(-2 ** 64, 0)[0], range(2 ** 70)[::1][0])
it = iter(range(big, big + 2))
print(next(it), next(it), next(it, 'done'))
print(sum(range(big, big + 1000)), max(range(-big, -big + 5)), sorted(range(big + 2, big - 1, -1)))
for bad in [lambda: range(big, 0, 0), lambda: range(1.5, big), lambda: range(big)['x']]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
