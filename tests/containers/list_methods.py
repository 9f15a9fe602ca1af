# list methods: remove, index, count, sort, reverse, copy, clear, append/extend/insert/pop

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

l = [1, 2, 3, 2, 1]
l.remove(2)
print(l)
show("remove missing", lambda: l.remove(9))
show("remove no arg", lambda: l.remove())
l2 = [1, 1.0, True]
l2.remove(True)
print(l2)
l3 = [[1], [2], [1]]
l3.remove([1])
print(l3)

l = [10, 20, 30, 20, 10]
print(l.index(20), l.index(20, 2), l.index(10, -1), l.index(20, 0, 2))
show("index missing", lambda: l.index(99))
show("index str", lambda: ["a"].index("b"))
show("index range", lambda: l.index(20, 4))
show("index start stop", lambda: l.index(30, 0, 2))
print(l.index(30, -100, 100))
show("index bad start", lambda: l.index(20, "x"))
show("index none", lambda: l.index(20, None))
show("index noarg", lambda: l.index())
show("index 4 args", lambda: l.index(1, 2, 3, 4))
print(l.index(10, 1))
print(l.index(20, True))
show("index list", lambda: [[1, 2]].index([1, 3]))
show("index None item", lambda: [1].index(None))

print(l.count(20), l.count(99), [1, 1.0, True, "1"].count(1))
show("count noarg", lambda: l.count())
print([[1], [1]].count([1]))

l = [3, 1, 2]
print(l.sort(), l)
l.sort(reverse=True)
print(l)
l = ["banana", "Apple", "cherry"]
l.sort(key=str.lower)
print(l)
l.sort(key=len, reverse=True)
print(l)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
show("sort positional", lambda: [1].sort(len))
show("sort bad kw", lambda: [1].sort(foo=1))
show("sort mixed", lambda: [1, "a", 2].sort())
l = [1, "a", 2]
try:
    l.sort()
except TypeError as e:
    print(e)
l = [5, 4, 3]
l.sort(key=None)
print(l)
l.sort(key=None, reverse=False)
print(l)
l = []
l.sort()
print(l)
l = [2.5, 1, True, -3]
l.sort()
print(l)
l = [[2, 1], [1, 2], [1, 1]]
l.sort()
print(l)

# modified during sort
l = [3, 2, 1]
def bad_key(x):
    l.append(x)
    return x
try:
    l.sort(key=bad_key)
except ValueError as e:
    print("ValueError", e)
print(l)

l = [3, 2, 1]
seen = []
def peek(x):
    seen.append(len(l))
    return x
l.sort(key=peek)
print(l, seen)

def raising(x):
    if x == 2:
        raise KeyError(x)
    return x
l = [3, 2, 1]
try:
    l.sort(key=raising)
except KeyError as e:
    print("KeyError", e)
print(l)

# stability with many equal keys
data = [(i % 3, i) for i in range(20)]
data.sort(key=lambda t: t[0])
print(data)
data.sort(key=lambda t: t[0], reverse=True)
print(data)
big = list(range(100, 0, -1))
big.sort()
print(big[:5], big[-5:])

l = [1, 2, 3]
print(l.reverse(), l)
l = []
l.reverse()
print(l)
show("reverse arg", lambda: [].reverse(1))

l = [1, [2]]
c = l.copy()
print(c, c is l, c[1] is l[1])
show("copy arg", lambda: l.copy(1))
l.clear()
print(l, c)
show("clear arg", lambda: l.clear(1))

l = []
l.append(1)
show("append noarg", lambda: l.append())
show("append 2", lambda: l.append(1, 2))
l.extend([2, 3])
l.extend((4,))
l.extend(range(5, 7))
l.extend("ab")
l.extend({9: 0})
print(l)
show("extend int", lambda: l.extend(5))
l = [1, 2]
l.extend(l)
print(l)
l.insert(0, "a")
l.insert(100, "z")
l.insert(-1, "y")
l.insert(-100, "b")
print(l)
show("insert str idx", lambda: l.insert("x", 1))
show("insert one arg", lambda: l.insert(1))
print(l.pop(), l.pop(0), l.pop(-1), l)
show("pop empty", lambda: [].pop())
show("pop range", lambda: [1].pop(5))
show("pop range neg", lambda: [1].pop(-2))
show("pop str", lambda: [1].pop("a"))
show("pop float", lambda: [1].pop(1.0))
print([1, 2, 3].pop(True))
