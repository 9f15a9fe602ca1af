# dict methods

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = {"a": 1, "b": 2, "c": 3}
print(d.pop("a"), d)
print(d.pop("zz", "dflt"), d.pop("zz", None))
show("pop missing", lambda: d.pop("zz"))
show("pop missing int", lambda: {}.pop(5))
show("pop noarg", lambda: d.pop())
show("pop 3 args", lambda: d.pop(1, 2, 3))
show("pop unhashable", lambda: d.pop([1]))
show("pop unhashable dflt", lambda: d.pop([1], 0))
d = {1: "x", 2: "y", 3: "z"}
print(d.popitem(), d.popitem(), d)
d[9] = "n"
print(d.popitem(), d)
d.popitem()
show("popitem empty", lambda: d.popitem())
show("popitem arg", lambda: d.popitem(1))
d = {}
print(d.setdefault("k", []), d)
d.setdefault("k", []).append(1)
d.setdefault("k", []).append(2)
print(d, d.setdefault("n"), d)
show("setdefault noarg", lambda: d.setdefault())
show("setdefault unhashable", lambda: d.setdefault({}, 1))
d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3), ["d", 4]])
d.update(e=5, f=6)
d.update({"a": 0}, g=7)
d.update()
d.update(((i, i * i) for i in range(3)))
print(d)
class M:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
d.update(M())
print(d)
show("update int", lambda: d.update(5))
show("update bad seq", lambda: d.update([1]))
show("update bad len", lambda: d.update([(1, 2, 3)]))
show("update 2 args", lambda: d.update({}, {}))
show("update str elt", lambda: {}.update(["ab", "cde"]))
d = {"x": [1]}
c = d.copy()
print(c, c is d, c["x"] is d["x"])
c["y"] = 2
print(d, c)
show("copy arg", lambda: d.copy(1))
d.clear()
print(d, len(d))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
print({}.fromkeys((1, 2), "v"))
show("fromkeys noarg", lambda: dict.fromkeys())
show("fromkeys int", lambda: dict.fromkeys(5))
show("fromkeys unhashable", lambda: dict.fromkeys([[1]]))
class DD(dict):
    pass
f = DD.fromkeys([1, 2])
print(f, type(f).__name__)
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0))
show("get noarg", lambda: d.get())
show("get unhashable", lambda: d.get([]))
print(dict.__getitem__(d, "a"), d.__getitem__("a"))
show("getitem missing", lambda: d.__getitem__("zz"))
show("getitem missing tuple", lambda: d[(1, 2)])
show("getitem missing ()", lambda: d[()])
d.__setitem__("b", 2)
dict.__setitem__(d, "c", 3)
print(d)
d.__delitem__("b")
print(d)
show("delitem missing", lambda: d.__delitem__("b"))
try:
    del d["nope"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
print(dict.__contains__(d, "a"), d.__contains__("b"), dict.__len__(d))
show("contains unhashable", lambda: [] in d)
print(list(dict.__iter__(d)), list(d.__reversed__()), list(reversed({1: 2, 3: 4})))
print(dict.__or__({1: 2}, {3: 4}), {1: 2}.__or__([]), {1: 2}.__ror__({1: 3, 5: 6}))
print({1: 1, 2: 2} | {2: 3}, {2: 3} | {1: 1, 2: 2})
show("or list", lambda: {1: 2} | [(3, 4)])
d = {1: 1}
d2 = d.__ior__({2: 2})
print(d, d2 is d)
d.__ior__([(3, 3)])
print(d)
show("ior int", lambda: d.__ior__(5))
print(dict.__eq__({1: 2}, {1: 2}), dict.__ne__({1: 2}, {1: 3}), dict.__eq__({}, []), {1: 2} == {1: 2.0})
show("lt", lambda: {} < {})
print(dict.__repr__({1: "a", "b": [2]}), repr({}), str({1: {2: 3}}))
r = {}
r[1] = r
print(r)
print(dict.__hash__)
show("hash", lambda: hash({}))
print(dict(a=1, b=2), dict([(1, 2)]), dict({1: 2}, x=3), dict(), dict(zip("ab", range(2))))
show("dict 2 args", lambda: dict({}, {}))
show("dict int", lambda: dict(5))
d = dict.__new__(dict)
print(d)
dict.__init__(d, {1: 2}, z=3)
print(d)
d = {1: "a"}
d[1.0] = "b"
d[True] = "c"
print(d)
d = {}
for i in range(100):
    d[i] = i
for i in range(0, 100, 2):
    del d[i]
print(len(d), list(d)[:5], sum(d.values()))
d = {"one": 1}
try:
    for k in d:
        d["two"] = 2
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted(n for n in dir(dict) if not n.startswith("_")))
print({**{1: 2}, **{3: 4}}, {1: 2, **{1: 3}})
