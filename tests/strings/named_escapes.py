# \N{NAME} escapes across the named blocks: letters, marks, punctuation, symbols, emoji, names
# with hyphens and digits, aliases, algorithmic CJK and Hangul names, any letter case, and the
# errors for unknown or malformed names (algorithmic names are upper case only, as in CPython).
# The table covers the common blocks (tools/gen_unicode_names.py), so every name here is in them.
names = [
    "LATIN SMALL LETTER A", "latin capital letter z with caron", "DIGIT NINE", "SPACE",
    "COMBINING ACUTE ACCENT", "GREEK SMALL LETTER FINAL SIGMA", "CYRILLIC CAPITAL LETTER ZHE",
    "EM DASH", "HORIZONTAL ELLIPSIS", "EURO SIGN", "INDIAN RUPEE SIGN", "SCRIPT SMALL L",
    "RIGHTWARDS ARROW", "N-ARY SUMMATION", "GREATER-THAN OR EQUAL TO", "APL FUNCTIONAL SYMBOL I-BEAM",
    "BOX DRAWINGS LIGHT DOWN AND RIGHT", "BLACK SQUARE", "SNOWMAN", "HEAVY CHECK MARK",
    "IDEOGRAPHIC FULL STOP", "GRINNING FACE", "Rocket", "ROLLING ON THE FLOOR LAUGHING",
    "SUPERSCRIPT TWO", "VULGAR FRACTION ONE HALF", "ROMAN NUMERAL TWELVE", "LATIN SMALL LETTER SHARP S",
    "NO-BREAK SPACE", "ZERO WIDTH JOINER", "LINE FEED", "nbsp", "BOM", "BEL", "ESC",
    "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-9FA5", "CJK UNIFIED IDEOGRAPH-20000",
    "HANGUL SYLLABLE GA", "HANGUL SYLLABLE HIH", "HANGUL SYLLABLE GGWAELH",
]
for name in names:
    ch = eval('"\\N{%s}"' % name)
    print(name, len(ch), hex(ord(ch)))
    print(eval('"<\\N{%s}>"' % name) == "<" + ch + ">")

bad = [
    "NOT A REAL CHARACTER NAME", "LATIN SMALL LETTER", "LATIN  SMALL LETTER A",
    " LATIN SMALL LETTER A", "SNOWMAN ", "CJK UNIFIED IDEOGRAPH-0041", "CJK UNIFIED IDEOGRAPH-",
    "HANGUL SYLLABLE XX", "GRINNING", "", "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-9fa5",
    "hangul syllable ga", "CJK UNIFIED IDEOGRAPH-+4E0",
]
for name in bad:
    try:
        eval('"\\N{%s}"' % name)
        print("accepted", repr(name))
    except SyntaxError as e:
        print("SyntaxError", repr(name), "unknown Unicode character name" in str(e) or "malformed" in str(e))
try:
    eval('"\\N{SNOWMAN"')
except SyntaxError as e:
    print("SyntaxError unterminated", "malformed" in str(e))
print(b"\\N{SNOWMAN}", r"\N{SNOWMAN}")
