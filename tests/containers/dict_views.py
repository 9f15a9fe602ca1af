# dict views: keys(), values(), items()

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = {1: "a", 2: "b", 3: "c"}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), len(v), len(i), list(k), list(v), list(i))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(2 in k, 5 in k, "a" in v, "z" in v, (1, "a") in i, (1, "b") in i, 1 in i, (1,) in i)
d[4] = "d"
print(k, len(v), list(i)[-1])     # views are live
del d[1]
print(k, v, i)
print(k & {2, 3, 9}, k | {10}, k - {2}, k ^ {2, 10})
print({2, 3, 9} & k, {10} | k, {2, 3, 9, 10} - k, [2] + [3] if False else "")
print(k & [3, 4], k | (7,), i & {(2, "b")}, sorted(i - {(2, "b")}))
print(type(k & {1}).__name__, type(i | set()).__name__)
print(k.__eq__({2, 3, 4}), k.__eq__([2, 3, 4]), k.__ne__({2}), k.__lt__({2, 3, 4, 5}), k.__le__({2, 3, 4}), k.__gt__({2}), k.__ge__({2, 3, 4}))
print(i.__eq__({(2, "b"), (3, "c"), (4, "d")}), k.__eq__(d.keys()), k.__lt__({2: 0, 3: 0, 4: 0, 5: 0}.keys()))
print(v == v, v == d.values())
print(k.isdisjoint({9}), k.isdisjoint([2]), i.isdisjoint({(9, 9)}))
show("view unhashable", lambda: hash(k))
show("values and", lambda: v & {1})
show("keys and int", lambda: k & 5)
show("unhashable in keys", lambda: [] in k)
print([] in v, [1] in i if False else "")
show("unhashable item in items", lambda: ([], 1) in i)
print(k.mapping if hasattr(k, "mapping") else d)
e = {}
print(e.keys(), e.values(), e.items(), list(e.items()))
print(repr({"x": [1]}.items()), str({(1, 2): None}.keys()))
it = iter(d.items())
print(next(it))
d[99] = 0
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
it = iter(d.values())
d[99] = 1
print(next(it))
ki = iter(d)
print(next(ki), type(ki).__name__ if False else "")
d2 = {"b": 1, "a": 2}
print(sorted(d2), sorted(d2.items()), sorted(d2.values()), max(d2.keys()))
print(dict(d2.items()), set(d2.keys()) == {"a", "b"}, tuple(d2.values()))
for key, val in d2.items():
    print(key, val)
print({x: y for x, y in zip(range(3), "abc")}.items())
print(type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__)
print(bool({}.keys()), bool({1: 2}.values()))
ks = {1: 1, 2: 2}.keys()
print(ks & {1: "x"}.keys(), ks - {1: 0}.keys(), ks | {5: 0}.keys(), ks ^ {2: 0, 3: 0}.keys())
print({(1, 2): 3}.items() | {(4, 5)})
