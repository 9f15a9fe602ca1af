# str.split / rsplit / splitlines / partition / rpartition

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

samples = ["", " ", "a", "  a  b   c  ", "a,b,,c,", ",a,", "a b\tc\nd\x0be\x0cf\rg",
           "héllo wörld  ünïcode", "\u3000x\u2003y\xa0z\x85w", "\x1cq\x1dr\x1es\x1ft",
           "日本語 テキスト", "a--b--c", "----"]
for s in samples:
    show("split", s.split)
    show("rsplit", s.rsplit)
    for n in (-1, 0, 1, 2):
        show("split n=%d" % n, s.split, None, n)
        show("rsplit n=%d" % n, s.rsplit, maxsplit=n)
    for sep in (",", "--", " ", "ö", "x"):
        show("split sep=%r" % sep, s.split, sep)
        show("split sep=%r 1" % sep, s.split, sep, 1)
        show("rsplit sep=%r 1" % sep, s.rsplit, sep, 1)
        show("partition %r" % sep, s.partition, sep)
        show("rpartition %r" % sep, s.rpartition, sep)

lines = ["", "a", "a\n", "a\nb", "a\r\nb\rc\n\nd", "x\x0by\x0cz\x1cw\x1dv\x1eu\x85t\u2028s\u2029r",
         "\n\n", "\r\r\n", "ünï\ncode\r\n"]
for s in lines:
    show("splitlines", s.splitlines)
    show("splitlines keep", s.splitlines, True)
    show("splitlines kw", s.splitlines, keepends=1)

# errors
show("e1", "a".split, 1)
show("e2", "a".split, "")
show("e3", "a".split, maxsplit="x")
show("e4", "a".split, None, None)
show("e5", "a".split, x=1)
show("e6", "a".split, None, 1, 2)
show("e7", "a".split, "a", sep="b")
show("e8", "a".rsplit, "")
show("e9", "a".partition, "")
show("e10", "a".partition, 1)
show("e11", "a".rpartition)
show("e12", "a".splitlines, 1.5)
show("e13", "a".splitlines, True, 1)
show("e14", "a".partition, "a", "b")
show("e15", str.split, 5)
show("e16", str.split)
show("kw", "a b c".split, sep=" ", maxsplit=1)
show("kw2", "a b c".rsplit, sep=None, maxsplit=1)
print("x y z".split(maxsplit=True))
print(" a b ".split(" "))
print("a\u00a0b".split(), "a\u200bb".split())
print(str.split("a,b", ","), str.partition("k=v", "="))
