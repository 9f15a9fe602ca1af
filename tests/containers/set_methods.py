# set and frozenset methods

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

s = {1, 2, 3}
s.add(4)
s.add(2)
print(s, len(s))
s.remove(4)
print(s)
show("remove missing", lambda: s.remove(99))
show("remove missing str", lambda: s.remove("k"))
show("remove missing tuple", lambda: s.remove((1, 2)))
show("remove unhashable", lambda: s.remove([]))
s.remove(frozenset()) if frozenset() in s else None
print(s.discard(99), s.discard(1), s)
show("discard unhashable", lambda: s.discard({}))
s2 = {frozenset({1})}
s2.discard({1})
print(s2, {1} in {frozenset({1})})
s2.add(frozenset([2]))
s2.remove({2})
print(s2)
s = {5, 6}
print(s.pop(), s.pop(), s)
show("pop empty", lambda: s.pop())
show("pop arg", lambda: {1}.pop(0))
s = {1, 2}
s.clear()
print(s)
show("clear arg", lambda: s.clear(1))
s = {1, 2}
c = s.copy()
c.add(3)
print(s, c, c is s)
fs = frozenset({1, 2})
print(fs.copy() is fs, type(fs.copy()).__name__)
s = set()
s.update([1, 2], (3,), range(4, 6), {6: 0}, "")
s.update()
print(s)
show("update int", lambda: s.update(1))
print({1, 2}.union([3], (4,)), {1}.union(), set().union(range(3), {9}), frozenset([1]).union({2}))
print(type(frozenset([1]).union({2})).__name__, type({1}.union(frozenset([2]))).__name__)
print({1, 2, 3}.intersection([2, 3, 4], (3, 2)), {1, 2}.intersection(), {1}.intersection([]))
print({1, 2, 3}.difference([1], (2,)), {1, 2}.difference(), frozenset({1, 2}).difference({1}))
print({1, 2, 3}.symmetric_difference([3, 4]), frozenset([1]).symmetric_difference([1, 2]))
show("symdiff 2 args", lambda: {1}.symmetric_difference([1], [2]))
show("symdiff noarg", lambda: {1}.symmetric_difference())
show("union int", lambda: {1}.union(5))
show("intersection int", lambda: {1}.intersection(5))
s = {1, 2, 3, 4}
print(s.intersection_update([2, 3, 4, 5], (3, 4)), s)
print(s.difference_update([3], [9]), s)
print(s.symmetric_difference_update([4, 7]), s)
s.symmetric_difference_update(s)
print(s)
s = {1}
s.intersection_update()
print(s)
show("fs no update", lambda: frozenset().update)
show("fs no add", lambda: frozenset().add(1))
print({1, 2}.issubset([1, 2, 3]), {1, 4}.issubset(range(3)), set().issubset([]), {1}.issubset({1}))
print({1, 2}.issuperset([1]), {1}.issuperset((1, 2)), {1, 2}.issuperset(x for x in [2]))
print({1}.isdisjoint([2]), {1}.isdisjoint({1}), set().isdisjoint([]), frozenset([1]).isdisjoint(iter([3])))
show("issubset int", lambda: {1}.issubset(3))
show("issubset noarg", lambda: {1}.issubset())
show("unhashable add", lambda: {1}.add([1]))
show("unhashable literal", lambda: {[1], 2})
show("unhashable ctor", lambda: set([{}]))
show("unhashable contains", lambda: [] in {1})
print({1} in {frozenset({1})}, set() in {frozenset()})
print(set(), set([1, 1, 2]), set("aa"), frozenset(), frozenset(range(3)), set({1: 2}))
show("set 2 args", lambda: set(1, 2))
show("set kw", lambda: set(iterable=[]))
show("frozenset kw", lambda: frozenset(iterable=[]))
show("set int", lambda: set(3))
x = set([1])
set.__init__(x, [7, 8])
print(x)
f1 = frozenset([1, 2])
print(frozenset(f1) is f1, frozenset() is frozenset())
print(sorted(n for n in dir(set) if not n.startswith("_")))
print(sorted(n for n in dir(frozenset) if not n.startswith("_")))
print({True, 1, 1.0}, {0, False}, len({1, 1.0, True}))
print(set([-1, -2, 0, 1000, 7, 8, 16, 32]), set((10, 2)), set([8, 0, 16, 24]))
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
print(s)
s = set()
for i in [100, 5, 37, -4, 64, 1, 8, 999, 2**40, -2**40]:
    s.add(i)
print(s)
print({2**61 - 1, 2**61, 2**61 + 1, 2**64})
print({1.5, 2.5, 0.5, 1.0}, {(1, 2), (2, 1), (0, 0)})
big = set(range(1000))
print(len(big), 999 in big, 1000 in big, sum(big))
for i in range(1000):
    if i % 7:
        big.remove(i)
print(sorted(big)[:5], len(big), list(big)[:5])
s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print("RuntimeError", e)
