#!/usr/bin/env python3
"""Generate frontend/src/lexer/unicode_names.rs: the `\\N{NAME}` phrasebook for string literals.

The table covers the ranges below (Latin, Greek, Cyrillic, punctuation, currency, letterlike
symbols, arrows, maths, box drawing, shapes, dingbats, common emoji...) plus a few widely used
name aliases. Names come from this interpreter's `unicodedata`, so rerunning the script with a
newer Python refreshes them. CJK unified ideographs and Hangul syllables have algorithmic names
and are handled in code, not here; the script only emits the CJK ranges it can verify.

Usage: python3 tools/gen_unicode_names.py > frontend/src/lexer/unicode_names.rs
"""

import unicodedata
from collections import Counter

# The record encoding (see the generated file): word numbers below ONE_BYTE_RANKS take a byte.
ONE_BYTE_RANKS = 0xC0
END_OF_NAME = 0xFF

RANGES = [
    (0x0020, 0x024F),  # ASCII printable, Latin-1 Supplement, Latin Extended-A/B
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x04FF),  # Cyrillic
    (0x2000, 0x206F),  # General Punctuation
    (0x2070, 0x209F),  # Superscripts and Subscripts
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2100, 0x21FF),  # Letterlike Symbols, Number Forms, Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x2300, 0x23FF),  # Miscellaneous Technical
    (0x2500, 0x25FF),  # Box Drawing, Block Elements, Geometric Shapes
    (0x2600, 0x27FF),  # Miscellaneous Symbols, Dingbats, Math Symbols-A, Arrows-A
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x1F300, 0x1F64F),  # Miscellaneous Symbols and Pictographs, Emoticons
    (0x1F680, 0x1F6FF),  # Transport and Map Symbols
    (0x1F900, 0x1F9FF),  # Supplemental Symbols and Pictographs
]

# Formal aliases (NameAliases.txt) that `unicodedata.lookup` accepts and people actually write.
ALIASES = [
    "NULL", "NUL", "BELL", "BEL", "BACKSPACE", "BS", "CHARACTER TABULATION", "HORIZONTAL TABULATION",
    "TAB", "HT", "LINE FEED", "NEW LINE", "END OF LINE", "LF", "NL", "EOL", "LINE TABULATION",
    "VERTICAL TABULATION", "VT", "FORM FEED", "FF", "CARRIAGE RETURN", "CR", "ESCAPE", "ESC",
    "DELETE", "DEL", "NBSP", "SHY", "ZWSP", "ZWNJ", "ZWJ", "BYTE ORDER MARK", "BOM",
    "ZERO WIDTH NO-BREAK SPACE", "NEXT LINE", "NEL", "WJ",
]

# Algorithmic CJK ranges that might hold "CJK UNIFIED IDEOGRAPH-XXXX" names.
CJK_CANDIDATES = [
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2B739),
    (0x2B740, 0x2B81D), (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x30000, 0x3134A),
    (0x31350, 0x323AF),
]


def cjk_ranges():
    """The candidate ranges trimmed to what this unicodedata really names."""
    result = []
    for first, last in CJK_CANDIDATES:
        named = [cp for cp in (first, last) if unicodedata.name(chr(cp), "").startswith("CJK UNIFIED")]
        if len(named) == 2:
            result.append((first, last))
        elif unicodedata.name(chr(first), "").startswith("CJK UNIFIED"):
            end = first
            while unicodedata.name(chr(end + 1), "").startswith("CJK UNIFIED"):
                end += 1
            result.append((first, end))
    return result


def encode_rank(rank):
    """A word's rank as record bytes: one byte below ONE_BYTE_RANKS, else two."""
    if rank < ONE_BYTE_RANKS:
        return bytes([rank])
    rest = rank - ONE_BYTE_RANKS
    assert rest < (END_OF_NAME - ONE_BYTE_RANKS) << 8
    return bytes([ONE_BYTE_RANKS + (rest >> 8), rest & 0xFF])


def encode_delta(delta):
    """A code point step as a little-endian base-128 varint."""
    out = bytearray()
    while True:
        low = delta & 0x7F
        delta >>= 7
        out.append(low | (0x80 if delta else 0))
        if not delta:
            return bytes(out)


def rust_bytes(data):
    """A Rust byte-string literal for data, split into source lines."""
    lines, line = [], ""
    for b in data:
        c = chr(b)
        # A space could start a line, where the continuation would swallow it.
        piece = c if 0x20 < b < 0x7F and c not in '"\\' else f"\\x{b:02x}"
        if len(line) + len(piece) > 96:
            lines.append(line + "\\")
            line = ""
        line += piece
    lines.append(line)
    return 'b"' + "\n".join(lines) + '"'


def rust_str(text):
    lines, line = [], ""
    for c in text:
        if len(line) >= 96:
            lines.append(line + "\\")
            line = ""
        line += c
    lines.append(line)
    return '"' + "\n".join(lines) + '"'


def main():
    entries = {}
    for first, last in RANGES:
        for cp in range(first, last + 1):
            name = unicodedata.name(chr(cp), None)
            if name:
                entries[name] = cp
    for alias in ALIASES:
        entries.setdefault(alias, ord(unicodedata.lookup(alias)))

    freq = Counter(word for name in entries for word in name.split(" "))
    words = [word for word, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))]
    rank = {word: i for i, word in enumerate(words)}
    ends, at = [], 0
    for word in words:
        at += len(word)
        ends.append(at)
    assert at < 1 << 16
    records, previous = bytearray(), 0
    for cp, name in sorted((cp, name) for name, cp in entries.items()):
        records += encode_delta(cp - previous)
        previous = cp
        for word in name.split(" "):
            records += encode_rank(rank[word])
        records.append(END_OF_NAME)

    out = []
    out.append("//! Unicode character names for `\\N{NAME}` escapes, as a phrasebook: the names' words once")
    out.append("//! each, and every name as a list of word numbers.")
    out.append("//!")
    out.append(f"//! Generated by `tools/gen_unicode_names.py` from Unicode {unicodedata.unidata_version};")
    out.append("//! do not edit by hand. It covers the common blocks (see the script), selected aliases, and")
    out.append("//! the ranges whose names are algorithmic (`CJK UNIFIED IDEOGRAPH-XXXX`).")
    out.append("")
    out.append(f"/// Every word of the names (split at spaces), most frequent first ({len(words)} words).")
    out.append("#[rustfmt::skip]")
    out.append(f"pub(super) static WORDS: &str = {rust_str(''.join(words))};")
    out.append("")
    out.append("/// Where each word of [`WORDS`] ends.")
    out.append("#[rustfmt::skip]")
    out.append("pub(super) static WORD_ENDS: &[u16] = &[")
    line = ""
    for end in ends:
        piece = f"{end},"
        if len(line) + len(piece) > 99:
            out.append(line)
            line = ""
        line += piece
    out.append(line)
    out.append("];")
    out.append("")
    out.append(f"/// Words numbered below this take one byte in [`RECORDS`]; byte `b` from here up to")
    out.append("/// [`END_OF_NAME`] starts a two-byte number `ONE_BYTE_RANKS + ((b - ONE_BYTE_RANKS) << 8 | next)`.")
    out.append(f"pub(super) const ONE_BYTE_RANKS: u8 = 0x{ONE_BYTE_RANKS:X};")
    out.append("/// Ends a name in [`RECORDS`].")
    out.append(f"pub(super) const END_OF_NAME: u8 = 0x{END_OF_NAME:X};")
    out.append("")
    out.append(f"/// The {len(entries)} names in code point order. Each is the step from the previous name's code")
    out.append("/// point (from 0; a little-endian base-128 varint), its words' numbers, then [`END_OF_NAME`].")
    out.append("#[rustfmt::skip]")
    out.append(f"pub(super) static RECORDS: &[u8] = {rust_bytes(records)};")
    out.append("")
    out.append("/// Inclusive code point ranges named `CJK UNIFIED IDEOGRAPH-<hex>`.")
    out.append("pub(super) static CJK_UNIFIED_RANGES: &[(u32, u32)] = &[")
    for first, last in cjk_ranges():
        out.append(f"    (0x{first:X}, 0x{last:X}),")
    out.append("];")
    print("\n".join(out))


if __name__ == "__main__":
    main()
