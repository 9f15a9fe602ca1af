# strip, padding, zfill, expandtabs, replace, removeprefix/suffix, join, translate, maketrans

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for s in ["", "  x  ", "\t\n x \x0b\x0c\r", "xxhixx", "\u3000ünï\xa0", "abcba", "日本日"]:
    for chars in [None, "", "x", "ab", "日", " ü"]:
        print(repr(s), repr(chars), repr(s.strip(chars)), repr(s.lstrip(chars)), repr(s.rstrip(chars)))
show("strip kw", "a".strip, chars="a")
show("strip int", "a".strip, 1)
show("lstrip 2", "a".lstrip, "a", "b")
show("rstrip int", "a".rstrip, 2)

for s in ["", "a", "ab", "abc", "héllo", "日本"]:
    for w in [-1, 0, 1, 4, 5, 8]:
        print(repr(s), w, repr(s.center(w)), repr(s.ljust(w, "*")), repr(s.rjust(w, "ü")), repr(s.center(w, "日")), repr(s.zfill(w)))
for s in ["-1", "+12", "1-", "", "-", "+", "abc", "-ü", "0"]:
    print(repr(s), [s.zfill(n) for n in range(5)])
show("center0", "a".center)
show("center2", "a".center, 5, "ab")
show("center3", "a".center, 5, 1)
show("center4", "a".center, "x")
show("center5", "a".center, 5, "")
show("center6", "a".center, width=5)
show("ljust", "a".ljust, 5, fillchar="x")
show("zfill0", "a".zfill)
show("zfill1", "a".zfill, "x")
show("zfill2", "a".zfill, 1.5)

for s in ["a\tb", "\t", "ab\tc\td", "a\nb\tc", "abcdefgh\tx", "日\t本\r\tx", "", "no tabs"]:
    print(repr(s), [s.expandtabs(n) for n in (-1, 0, 1, 2, 4)], repr(s.expandtabs()), repr(s.expandtabs(tabsize=3)))
show("tabs", "a".expandtabs, "x")
show("tabs2", "a".expandtabs, 4, 5)

for s in ["", "abc", "aaa", "héllo héllo", "日本日本"]:
    for old, new in [("", "-"), ("a", "xy"), ("l", ""), ("héllo", "bye"), ("本", "X"), ("zz", "q")]:
        print(repr(s), repr(old), repr(new), [s.replace(old, new, c) for c in (-1, 0, 1, 2)], repr(s.replace(old, new)))
show("rep1", "a".replace, "a")
show("rep2", "a".replace, "a", "b", "c")
show("rep3", "a".replace, 1, "b")
show("rep4", "a".replace, "a", 2)
show("rep5", "a".replace, "a", "b", count=1)

for s in ["", "abc", "prefix_body_suffix", "ünï"]:
    for p in ["", "a", "abc", "prefix_", "_suffix", "ü", "ï", "x"]:
        print(repr(s), repr(p), repr(s.removeprefix(p)), repr(s.removesuffix(p)))
show("rp", "a".removeprefix, 1)
show("rs", "a".removesuffix)

print(", ".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), "ü".join(("日", "本")))
print("+".join(x for x in "abc"), repr("".join(["only"])), "-".join({"k": 1}))
show("join1", "".join, [1])
show("join2", "".join, ["a", 2])
show("join3", "".join, 1)
show("join4", "".join)
show("join5", ",".join, ["a", b"b"])

t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcdabcd".translate(t))
print(sorted(str.maketrans({"a": "1", 98: None, "ü": 0x41}).items()))
print("abcü".translate(str.maketrans({"a": "1", 98: None, "ü": 0x41})))
print("hello".translate({ord("l"): "LL", ord("o"): None}))
print("abc".translate({97: "xyz", 98: None, 99: 3}))
print("abc".translate([None, "x"] * 60), "abc".translate({}))
print("日本".translate({ord("日"): "月"}))
show("tr1", "a".translate, {97: 1.5})
show("tr2", "a".translate, {97: 0x110000})
show("tr3", "a".translate, 1)
show("tr4", "a".translate)
show("mt1", str.maketrans)
show("mt2", str.maketrans, 1)
show("mt3", str.maketrans, "ab", "c")
show("mt4", str.maketrans, {"ab": 1})
show("mt5", str.maketrans, {1.5: 1})
show("mt6", str.maketrans, "a", 1)
show("mt7", str.maketrans, 1, "a")
show("mt8", str.maketrans, "a", "b", 1)
show("mt9", str.maketrans, "a", "b", "c", "d")
show("mt10", "x".maketrans, "a", "b")

class Table:
    def __getitem__(self, k):
        if k == 97:
            return "A"
        raise LookupError(k)
print("banana".translate(Table()))

# repr escapes characters that are not printable, unassigned ones included.
print(repr('a\U0001ffff\u0378\u00e9\u4e00\U0001f600'), '\U0001ffff'.isprintable())

# Source given as bytes must be UTF-8: anything else is a SyntaxError naming the byte.
for src in [b"'ab\xf8'", bytearray(b"x = 1\n'\xc0a'"), b"'\xf0\xe0'"]:
    try:
        eval(src) if b'=' not in src else exec(src)
    except SyntaxError as e:
        print('SyntaxError', e.msg.split(':')[0], e.lineno)
print(eval(b"'caf\xc3\xa9'"))
