# subclasses of dict: __missing__, super().__setitem__, method overriding

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

class Counter(dict):
    def __missing__(self, key):
        return 0

c = Counter()
for ch in "abracadabra":
    c[ch] += 1
print(sorted(c.items()), c["zz"], "zz" in c, c.get("zz"), len(c))
print(dict.__getitem__(c, "q") if False else c.__getitem__("q"))

class DefaultList(dict):
    def __missing__(self, key):
        v = self[key] = []
        return v
dl = DefaultList()
dl["x"].append(1)
dl["x"].append(2)
dl["y"]
print(dl)

class Upper(dict):
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
    def __delitem__(self, k):
        print("delitem", k)
        super().__delitem__(k.upper())
    def __contains__(self, k):
        return super().__contains__(k.upper())

u = Upper()
u["a"] = 1
u["b"] = 2
print(u, u["a"], "a" in u, "A" in u, u.get("a"), u.get("A"))
del u["a"]
print(u)
u.update({"c": 3})     # dict.update does not call __setitem__
print(u)
show("missing", lambda: u["zz"])

class Attr(dict):
    def __init__(self, *a, **kw):
        self["pre"] = 0
        super().__init__(*a, **kw)
        self.note = "n"
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

a = Attr({"x": 1}, y=2)
print(a, a.x, a.y, a.note, type(a).__name__)
show("attr missing", lambda: a.zzz)
print(a == {"pre": 0, "x": 1, "y": 2}, isinstance(a, dict))
print(a.copy(), type(a.copy()).__name__)
print(a | {"z": 9}, type(a | {"z": 9}).__name__)
a |= {"w": 0}
print(a, type(a).__name__)

class Ordered(dict):
    def keys(self):
        return sorted(super().keys())
o = Ordered(b=1, a=2)
print(o.keys(), list(o), dict(o))

class Rep(dict):
    def __repr__(self):
        return "Rep(" + super().__repr__() + ")"
print(Rep(a=1), [Rep()], str(Rep(x=Rep())))

class Plain(dict):
    pass
p = Plain(a=1)
print(p, repr(p), len(p), list(p), p.pop("a"), p, p.setdefault("q", 5), p)
print(Plain.fromkeys("ab", 1), type(Plain.fromkeys("ab")).__name__)
show("plain missing", lambda: p["nope"])
show("plain hash", lambda: hash(p))

class MissingRaises(dict):
    def __missing__(self, key):
        raise KeyError("custom " + str(key))
show("missing raises", lambda: MissingRaises()[3])

class Eq(dict):
    def __eq__(self, other):
        return True
print(Eq() == {1: 2}, {1: 2} == Eq(), Eq() != {})

class Lenny(dict):
    def __len__(self):
        return 42
print(len(Lenny()), dict.__len__(Lenny(a=1)), bool(Lenny()))

class Itr(dict):
    def __iter__(self):
        return iter(["fake"])
print(list(Itr(a=1)), list(dict.__iter__(Itr(a=1))), list(Itr(a=1).keys()))
