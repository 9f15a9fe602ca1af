# str.encode / bytes.decode with the supported codecs and error handlers

def show(label, f, *a, **k):
    try:
        r = f(*a, **k)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

texts = ["", "abc", "é", "héllo wörld", "日本語", "\U0001f600x", "a\x00b", "ÿ\x80"]
for t in texts:
    for enc in ["utf-8", "UTF8", "utf_8", "ascii", "latin-1", "Latin1", "iso-8859-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
        for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
            try:
                b = t.encode(enc, errors)
            except UnicodeEncodeError as e:
                print(repr(t), enc, errors, "UnicodeEncodeError", e)
                continue
            print(repr(t), enc, errors, b, repr(b.decode(enc)))

raw = [b"", b"abc", b"\xc3\xa9", b"\xe9", b"\xe9abc", b"\xc3", b"\xed\xa0\x80", b"ab\xf0\x9f\x98",
       b"\xff\xfe", b"\xc3\x28", b"\xf8", b"\xe0\x80\x80", b"\x80\x81", b"a\xe2\x82\x28b", b"\xf0\x9f\x98\x80"]
for b in raw:
    for enc in ["utf-8", "ascii", "latin-1"]:
        for errors in ["strict", "ignore", "replace", "backslashreplace"]:
            try:
                print(b, enc, errors, repr(b.decode(enc, errors)))
            except UnicodeDecodeError as e:
                print(b, enc, errors, "UnicodeDecodeError", e)

for b in [b"\xff\xfea\x00", b"\xfe\xff\x00a", b"a\x00b\x00", b"a", b"=\xd8\x00\xde", b"\x00\xdc"]:
    for enc in ["utf-16", "utf-16-le", "utf-16-be"]:
        for errors in ["strict", "replace"]:
            try:
                print(b, enc, errors, repr(b.decode(enc, errors)))
            except UnicodeDecodeError as e:
                print(b, enc, errors, "UnicodeDecodeError", e)

show("c1", "a".encode, "xx")
show("c2", "a".encode, 1)
show("c3", "a".encode, "ascii", 1)
show("c4", "a".encode, "ascii", "strict", 1)
show("c5", "a".encode, x=1)
show("c6", "é".encode, "ascii", "foo")
show("c7", b"\xe9".decode, "utf-8", "foo")
show("c8", b"a".decode, "nope")
show("c9", "éé€".encode, "ascii")
show("c10", "aéb€€c".encode, "latin-1")
show("c11", "a".encode, errors="foo")
print("é".encode(encoding="latin-1"), b"\xe9".decode(encoding="latin-1", errors="strict"), "x".encode(errors="strict"))
print(b"a".decode("U8"), b"a".decode("us-ascii"), b"a".decode("utf"), "é€".encode("utf-8") == "é€".encode())
