# Lone surrogates: a deliberate difference from CPython. Pyrite keeps str as UTF-8 (DESIGN.md),
# which cannot hold an unpaired surrogate code point, so a '\ud800' escape in a literal becomes
# U+FFFD REPLACEMENT CHARACTER (a surrogate pair written as two escapes becomes two of them),
# and chr() of a surrogate raises ValueError instead of returning one. CPython keeps the
# surrogate (len 1, ord 0xd800). The expected output is hand-written (tests/DIFFERENCES).
s = '\ud800'
print(len(s), hex(ord(s)), repr(s) == repr('\ufffd'))
pair = '\ud83d\ude00'
print(len(pair), pair == '\U0001f600')
try:
    chr(0xdc00)
except ValueError as e:
    print('ValueError', e)
print(b'\xed\xa0\x80'.decode('utf-8', 'replace') == '\ufffd' * 3)
