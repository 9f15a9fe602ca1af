# str special methods called through the class, str() construction, str subclasses

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

s = "héllo"
print(str.__len__(s), s.__len__(), str.__getitem__(s, 1), s.__getitem__(slice(1, 3)))
print(str.__contains__(s, "ll"), s.__contains__("z"), str.__add__(s, "!"), s.__mul__(2), s.__rmul__(2))
print(str.__mod__("%s-%d", ("a", 1)), s.__rmod__(1), str.__eq__("a", "a"), "a".__eq__(1), "a".__ne__("b"))
print("a".__lt__("b"), "a".__le__("a"), "b".__gt__("a"), "a".__ge__("b"), "a".__lt__(1))
print(s.__hash__() == hash(s), list(s.__iter__()), s.__str__(), s.__repr__(), s.__format__(">7"))
print(s.__getnewargs__(), str.__str__("x"), "ab".__getitem__(-1))
show("d1", str.__add__, 1, "a")
show("d2", str.__len__)
show("d3", str.__len__, 1)
show("d4", "a".__len__, 1)
show("d5", "a".__getitem__)
show("d6", "a".__add__)
show("d7", "a".__add__, 1)
show("d8", "a".__add__, 1, 2)
show("d9", "a".__mul__, "b")
show("d10", "a".__mod__, 1)
show("d11", "a".__contains__, 1)
show("d12", "a".__getitem__, "x")
show("d13", "a".__getitem__, 5)
show("d14", "a".__format__, 1)
show("d15", "a".__format__, "x")
show("d16", "a".__hash__, 1)
show("d17", str.__eq__, 1, "a")
show("d18", str.__new__, str, 5)
show("d19", str.__new__, int)
show("d20", str.__new__)
show("d21", str.__new__, 1)
show("d22", "a".__mul__, -3)
show("d23", "ab".__getitem__, slice(None, None, -1))

# indexing and slicing by code point
t = "a日b\U0001f600cé"
print(len(t), [t[i] for i in range(-len(t), len(t))])
print(t[1:4], t[::2], t[::-1], t[-2:], t[5:1:-2], t[10:], repr(t[3:3]))
for bad in [10, -10, "x", 1.5, None]:
    try:
        t[bad]
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

# str() construction
print(str(), str(5), str(b"ab"), str(b"abc", "ascii"), str(b"\xc3\xa9", "utf-8"), str(object=3.5))
print(str(b"\xff", "utf-8", "ignore"), str(b"a", errors="strict"), str(b"abc", encoding="latin-1"))
print(str(bytearray(b"xy"), "ascii"), str(memoryview(b"mv"), "ascii"))
show("c1", str, 1, "ascii")
show("c2", str, b"\xff", "utf-8")
show("c3", str, 5, 6, 7, 8)
show("c4", str, "a", "utf-8")
show("c5", str, b"a", 1)
show("c6", str, b"a", "nope")
show("c7", str, x=1)

class S(str):
    def shout(self):
        return self.upper() + "!"

class R(str):
    def __repr__(self):
        return "R(" + str.__repr__(self) + ")"

x = S("héllo")
print(type(x).__name__, x, len(x), x.shout(), type(x.upper()).__name__, x == "héllo")
print(x[1], x[1:3], type(x[1:3]).__name__, list(x)[:2], "ll" in x, x + "!", type(x + "!").__name__)
print(x.split("l"), x.replace("l", "L"), "{}".format(x), f"{x:>8}", x.__str__(), type(str(x)).__name__)
r = R("q")
print(repr(r), [r], "%r" % (r,))
print(sorted([S("b"), "c", S("a")]), max(S("x"), "y"))
print(S(), repr(S(5)), S(b"ab", "ascii"), isinstance(S("a"), str))
print(str.__iter__("ab").__next__(), "ab".__iter__() is not None)
