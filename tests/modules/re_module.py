# The re module: matching, searching, groups, substitution, splitting, flags, lookaround,
# backreferences, bytes patterns and the errors of malformed patterns.
import re

LOG = """2024-01-05 12:00:01 INFO  boot ok
2024-01-05 12:00:07 WARN  fan speed 4100 rpm
2024-01-06 08:30:00 ERROR disk /dev/sda1 95% full
"""

line = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>[A-Z]+)\s+(?P<msg>.*)$",
                  re.MULTILINE)
for m in line.finditer(LOG):
    print(m.group("level"), m["date"], m.span("msg"), m.lastgroup, m.lastindex)
print([m.groupdict()["level"] for m in line.finditer(LOG)])
print(line.groups, sorted(line.groupindex.items()))

# match / search / fullmatch with pos and endpos
p = re.compile(r"\d+")
print(p.match("ab12cd34"), p.match("ab12cd34", 2), p.search("ab12cd34", 3, 7))
print(p.fullmatch("1234"), p.fullmatch("1234", 0, 2), p.fullmatch("12a"))
print(re.compile(r"^x").search("ax", 1), re.compile(r"x$").search("xa", 0, 1))

# greedy, lazy and bounded repeats
for pat in [r"<.+>", r"<.+?>", r"a{2}", r"a{2,}", r"a{,2}", r"a{1,3}?", r"(ab)+?c", r"x{"]:
    m = re.search(pat, "<a><b> aaaa ababc x{")
    print(pat, m.group() if m else None)

# alternation order, nested and optional groups
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.match(r"((a)|(b))+", "ab").groups())
print(re.match(r"(x)?(y)?z", "z").groups(), re.match(r"(x)?(y)?z", "z").groups(0))

# classes and escapes
print(re.findall(r"[\w']+", "don't stop-believing, ok"))
print(re.findall(r"[^\s,]+", "a, b ,c"), re.findall(r"\S+", " x  yz "))
print(re.findall(r"[0-9a-fA-F]{2}", "de:AD:bE:ef"), re.findall(r"\W", "a+b=c"))
print(re.findall(r"\t|\n|\x41|\u00e9", "A\tb\né"), re.findall(r"[\]\[-]", "a[b]-c"))

# case-insensitive, dot-all, verbose, ASCII
print(re.findall(r"(?i)straße|CAFÉ", "Café STRASSE café"))
print(re.search(r"a.c", "a\nc"), re.search(r"a.c", "a\nc", re.S).group() == "a\nc")
number = re.compile(r"""
    [-+]?        # sign
    \d+          # integer part
    (?:\.\d*)?   # fraction
""", re.VERBOSE)
print(number.findall("x=-12.5, y=+3, z=7."))
print(re.findall(r"\w+", "naïve café", re.ASCII), re.findall(r"\w+", "naïve café"))

# anchors and boundaries
print(re.findall(r"\bcat\b", "cat concat cat's scatter"), re.findall(r"\Bcat", "cat concat"))
print(re.findall(r"^\w", "one\ntwo", re.M), re.findall(r"\w$", "one\ntwo\n"), re.search(r"\Aa\Z", "a\n"))

# lookaround and backreferences
print(re.findall(r"\d+(?= dollars)", "5 dollars, 6 euros, 7 dollars"))
print(re.findall(r"(?<!\$)\b\d+", "$5 6 $7 8"), re.findall(r"(?<=-)\w+", "a-b c-de"))
print(re.sub(r"(\w+) \1", r"\1", "the the cat sat sat down"))
print(re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' or \"bye\"").group())

# atomic groups and possessive repeats never give back what they matched
print(re.match(r"(?>a+)ab", "aaab"), re.match(r"(?>a+)b", "aaab").group(), re.match(r"a*+a", "aaa"))
print(re.findall(r"\d++\.", "12. 345 6."), re.match(r"(?:ab|a)?+b", "ab"))

# findall, finditer and empty matches
print(re.findall(r"x*", "axxb"), re.findall(r"(a)(b)?", "ab a"), re.findall(r"", "ab"))
print([m.span() for m in re.finditer(r"\b", "ab cd")])

# sub, subn, split
print(re.sub(r"(\d+)/(\d+)/(\d+)", r"\3-\2-\1", "due 25/12/2024 and 01/01/2025"))
print(re.sub(r"[aeiou]", lambda m: m.group().upper(), "programming language"))
print(re.subn(r"\s+", "_", " a  b c "), re.sub(r"x*", "-", "abc"), re.sub("a", "b", "aaa", count=2))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>\g<0>>", "hi yo"), re.sub("(a)|b", r"[\1]", "ab"))
print(re.split(r"\s*[,;]\s*", "a , b;c ;  d"), re.split(r"(\d)", "a1b2c"), re.split(r"x", "axbxc", maxsplit=1))
print(re.split(r"\b", "hi there"), re.split(r"(a)?x", "bxaxc"))

# bytes patterns
print(re.findall(rb"[A-Z]+", b"abcDEFghiJK"), re.sub(rb"\d", b"#", bytearray(b"a1b22")))
print(re.match(rb"(?i)ab", b"AB").group(), re.split(rb",", b"1,2"))
for pattern, subject in [("a", b"a"), (b"a", "a")]:
    try:
        re.search(pattern, subject)
    except TypeError as e:
        print("TypeError:", e)

# escape, compiled-pattern reuse, repr
print(re.escape("1+1=2? [yes] (a.b) $5"), re.escape(b"a.b"))
c = re.compile(r"a+", re.I | re.M)
print(c, re.compile("x"), re.compile(c) is c, c == re.compile(r"a+", re.I | re.M))
print(re.match(r"(\w+) (\w+)", "hello world"))

# malformed patterns and templates
for bad in ["(ab", "ab)", "+a", "[z-a]", "a{5,2}", r"\k", "(?P<x>a)(?P<x>b)", r"(?<=a*)b",
            r"\2(a)", "a++b", "[abc"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("error:", e, "| pos", e.pos)
for template in [r"\3", r"\g<nope>", r"\g<1", r"\q"]:
    try:
        re.sub(r"(a)(b)", template, "ab")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
