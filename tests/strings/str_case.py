# case mappings and character predicates, ASCII and beyond

words = ["", "hello", "HELLO", "Hello World", "hELLO wORLD", "ß", "straße", "ǆungla ǅ Ǆ",
         "ΟΔΟΣ", "ΟΔΟΣ ΑΒΓ", "Σ", "ΑΣ.", "ΑΣ'Β", "ﬁne ﬂow", "İstanbul", "ŉ", "ǰ",
         "they're bill's friends", "123abc DEF", "a1b2 c3", "éclair ÉCLAIR", "ǈ", "ᾳ ᾼ",
         "Ǳǲǳ", "ʼn", "\u1e9e", "Ꭰꭰ", "ω Ω ϐ ϑ", "ﬀ", "Ⅷ ⅷ", "ⓐⒶ", "𐐀𐐨", "abc\u0301def"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.casefold()))
    print("  ", repr(w.title()), repr(w.capitalize()), repr(w.swapcase()))
    print("  ", w.isupper(), w.islower(), w.istitle())

chars = ["", "a", "Z", "5", "٣", "²", "½", "Ⅷ", "一", "ǅ", " ", "\t", "\x1c", "\x85", "\xa0",
         "\u2028", "\u3000", "\u200b", "_", "é", "ñ", "\u0301", "\U0001f600", "\x00", "\x7f",
         "\xad", "\ue000", "𝟘", "①", "〇", "٠١٢", "abc", "ab1", "a b", "١٢٣", "x²", "ⅫⅪ",
         "\u0378", "\ufeff", "\U000e0001", "ㄱ", "ß", "Σ", "ʰ", "ª", "Ⓐ"]
for c in chars:
    print(ascii(c), c.isalpha(), c.isdigit(), c.isdecimal(), c.isnumeric(), c.isalnum(),
          c.isspace(), c.isprintable(), c.isascii(), c.isidentifier(), c.isupper(),
          c.islower(), c.istitle())

idents = ["abc", "_x", "1a", "a1", "é", "ünïcödé", "日本", "a-b", "", " a", "a b", "℘x", "x·y",
          "·x", "ᢅ", "Ⅷ", "a\u0301", "\u0301a", "𝔘𝔫𝔦", "if", "None"]
for s in idents:
    print(repr(s), s.isidentifier())

titles = ["Hello", "Hello World", "HEllo", "Hello world", "A", "a", "1A", "A1b", "Aa Bb Cc",
          "ǅa", "Ǆa", "Σς", "'Tis", "Foo's Bar", "ﬁ", "É É"]
for s in titles:
    print(repr(s), s.istitle(), repr(s.title()))

for name in ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "isalpha",
             "isdigit", "isidentifier", "istitle"]:
    m = getattr(str, name)
    try:
        m(1)
    except TypeError as e:
        print(e)
    try:
        m()
    except TypeError as e:
        print(e)
    try:
        getattr("a", name)(1)
    except TypeError as e:
        print(e)
print("ǅ".upper(), "ǅ".lower(), "ǆ".title(), "ß".title(), "ßa".capitalize())
print("ÀÉÎÕÜ".lower(), "àéîõü".upper(), "Ǉ".swapcase(), "ǈ".swapcase())
