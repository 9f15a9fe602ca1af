# find / rfind / index / rindex / count / startswith / endswith, with start/end

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

texts = ["", "abcabcabc", "héllo wörld héllo", "日本語日本語", "aaaa", "a\U0001f600b\U0001f600c"]
subs = ["", "a", "bc", "héllo", "本", "aa", "\U0001f600", "zz", "o"]
bounds = [(), (1,), (-3,), (2, 5), (-5, -1), (0, 100), (100,), (None, 3), (4, None), (3, 2), (-100, -50), (True, None)]
for s in texts:
    for sub in subs:
        for b in bounds:
            print(s.find(sub, *b), s.rfind(sub, *b), s.count(sub, *b),
                  s.startswith(sub, *b), s.endswith(sub, *b), end=" | ")
            try:
                print(s.index(sub, *b), end=" ")
            except ValueError as e:
                print("VE", e, end=" ")
            try:
                print(s.rindex(sub, *b))
            except ValueError as e:
                print("VE", e)

print("x".startswith(("a", "x")), "x".endswith(("a", "b")), "abc".startswith((), 0))
print("hello".startswith(("he", "lo"), 3), "hello".endswith(("he", "lo"), 0, 2))
show("e1", "a".find)
show("e2", "a".find, 1)
show("e3", "a".find, "a", 1, 2, 3)
show("e4", "a".find, "a", "x")
try:
    "a".find("a", start=1)
except TypeError as e:
    print("e5", e)
show("e6", "a".count)
show("e7", "a".startswith, 1)
show("e8", "a".startswith, (1,))
show("e9", "a".startswith, ("a", 1))
show("e10", "a".endswith)
show("e11", "a".endswith, "a", 0, 1, 2)
show("e12", "a".index, "b")
show("e13", "a".rindex, "b")
show("e14", "a".count, "a", None, None)
try:
    "a".startswith(prefix="a")
except TypeError as e:
    print("e15", e)
show("e16", "abc".find, "c", 2 ** 100)
show("e17", "abc".find, "a", -2 ** 100)
show("e18", "abc".rfind, "c", 0, 2 ** 70)
show("e19", str.find, 1, "a")
show("e20", "a".find, "a", 1.0)

class Idx:
    def __index__(self):
        return 1
print("abcb".find("b", Idx()), "abcb".rfind("b", 0, Idx()), "abc"[Idx()])
