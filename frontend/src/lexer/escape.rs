//! Backslash escapes in string and bytes literals, and `\N{NAME}` lookup.
//!
//! Error messages reproduce CPython's codec errors (`(unicode error) 'unicodeescape' codec can't
//! decode bytes in position 0-2: truncated \xXX escape`), positions being byte offsets into the
//! literal's body as CPython reports them.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::unicode_names::{
    CJK_UNIFIED_RANGES, END_OF_NAME, ONE_BYTE_RANKS, RECORDS, WORD_ENDS, WORDS,
};

/// Decodes the escapes of a `str` literal body.
pub fn decode_str(body: &str) -> Result<String, String> {
    if !body.contains('\\') {
        return Ok(String::from(body));
    }
    let bytes = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &body[i..];
        let Some(after_backslash) = rest.strip_prefix('\\') else {
            let ch = rest.chars().next().unwrap_or_default();
            out.push(ch);
            i += ch.len_utf8();
            continue;
        };
        let start = i;
        let Some(kind) = after_backslash.chars().next() else {
            // A trailing backslash (an f-string text piece before `{`) stays literal.
            out.push('\\');
            break;
        };
        i += 1 + kind.len_utf8();
        match kind {
            '\n' => {}
            '0'..='7' => {
                let (value, used) = octal_value(&bytes[i - 1..]);
                i += used - 1;
                out.push(char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            'x' | 'u' | 'U' => {
                let (digits, what) = match kind {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let (value, used) = hex_value(&bytes[i..], digits);
                if used < digits {
                    return Err(unicode_error(start, i + used, what));
                }
                i += used;
                if value > 0x10FFFF {
                    return Err(unicode_error(start, i, "illegal Unicode character"));
                }
                // Lone surrogates cannot live in a Rust string; they become U+FFFD.
                out.push(char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            'N' => {
                let Some(named) = after_backslash[1..].strip_prefix('{') else {
                    return Err(unicode_error(start, i, "malformed \\N character escape"));
                };
                let Some(close) = named.find('}').filter(|&at| at > 0) else {
                    let end = if named.starts_with('}') {
                        i + 1
                    } else {
                        bytes.len()
                    };
                    return Err(unicode_error(start, end, "malformed \\N character escape"));
                };
                i += 1 + close + 1;
                match lookup_name(&named[..close]) {
                    Some(ch) => out.push(ch),
                    None => return Err(unicode_error(start, i, "unknown Unicode character name")),
                }
            }
            _ => match simple_escape(kind) {
                Some(ch) => out.push(ch),
                None => out.push_str(&body[start..i]),
            },
        }
    }
    Ok(out)
}

/// Decodes the escapes of a `bytes` literal body (already checked to be ASCII).
pub fn decode_bytes(body: &str) -> Result<Vec<u8>, String> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&kind) = bytes.get(i + 1) else {
            return Err(String::from("(value error) Trailing \\ in string"));
        };
        i += 2;
        match kind {
            b'\n' => {}
            b'0'..=b'7' => {
                let (value, used) = octal_value(&bytes[i - 1..]);
                i += used - 1;
                // CPython keeps the low byte of `\400`..`\777` (with a warning).
                out.push((value & 0xFF) as u8);
            }
            b'x' => {
                let (value, used) = hex_value(&bytes[i..], 2);
                if used < 2 {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {start}"
                    ));
                }
                i += 2;
                out.push(value as u8);
            }
            _ => match simple_escape(char::from(kind)) {
                Some(ch) => out.push(ch as u8),
                None => out.extend_from_slice(&bytes[start..i]),
            },
        }
    }
    Ok(out)
}

/// The character named `name` (case-insensitive), as `\N{name}` would produce it.
pub fn lookup_name(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    if let Some(ch) = phrasebook_lookup(&upper) {
        return Some(ch);
    }
    // The algorithmic names are matched in upper case only, as CPython's unicodedata does.
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        let upper_hex = hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
        let valid_len = upper_hex && (hex.len() == 4 || hex.len() == 5);
        let code = u32::from_str_radix(hex, 16).ok().filter(|_| valid_len)?;
        let named = CJK_UNIFIED_RANGES
            .iter()
            .any(|&(first, last)| (first..=last).contains(&code));
        return if named { char::from_u32(code) } else { None };
    }
    name.strip_prefix("HANGUL SYLLABLE ")
        .and_then(hangul_syllable)
}

/// `name` (upper case) in the phrasebook: its words' numbers encoded as the records encode
/// them, compared with each record in turn (a rare, compile-time lookup, so a scan).
fn phrasebook_lookup(name: &str) -> Option<char> {
    let mut wanted = Vec::new();
    for word in name.split(' ') {
        let rank = word_rank(word)?;
        match u8::try_from(rank) {
            Ok(byte) if byte < ONE_BYTE_RANKS => wanted.push(byte),
            _ => {
                let rest = rank - usize::from(ONE_BYTE_RANKS);
                wanted.push(ONE_BYTE_RANKS + u8::try_from(rest >> 8).ok()?);
                wanted.push(rest as u8);
            }
        }
    }
    let mut code = 0u32;
    let mut at = 0;
    while at < RECORDS.len() {
        let mut shift = 0;
        loop {
            let byte = RECORDS[at];
            at += 1;
            code += u32::from(byte & 0x7F) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
        }
        let start = at;
        // A word number's second byte may equal END_OF_NAME, so step word by word.
        while RECORDS[at] != END_OF_NAME {
            at += if RECORDS[at] < ONE_BYTE_RANKS { 1 } else { 2 };
        }
        if RECORDS[start..at] == wanted[..] {
            return char::from_u32(code);
        }
        at += 1;
    }
    None
}

/// The number of `word` in the phrasebook's word list.
fn word_rank(word: &str) -> Option<usize> {
    let mut start = 0;
    for (rank, &end) in WORD_ENDS.iter().enumerate() {
        let end = usize::from(end);
        if &WORDS[start..end] == word {
            return Some(rank);
        }
        start = end;
    }
    None
}

/// The algorithmic Hangul syllable names (Unicode §3.12): leading + vowel + trailing jamo.
fn hangul_syllable(jamo: &str) -> Option<char> {
    const LEADING: [&str; 19] = [
        "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T",
        "P", "H",
    ];
    const VOWELS: [&str; 21] = [
        "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO",
        "WE", "WI", "YU", "EU", "YI", "I",
    ];
    const TRAILING: [&str; 28] = [
        "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH",
        "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
    ];
    // Several splits can match a prefix ("G" and "GG"); try them all, longest first.
    for (l, lead) in LEADING.iter().enumerate() {
        let Some(rest) = jamo.strip_prefix(lead) else {
            continue;
        };
        for (v, vowel) in VOWELS.iter().enumerate() {
            let Some(tail) = rest.strip_prefix(vowel) else {
                continue;
            };
            if let Some(t) = TRAILING.iter().position(|trailing| *trailing == tail) {
                let index = (l * VOWELS.len() + v) * TRAILING.len() + t;
                return char::from_u32(0xAC00 + index as u32);
            }
        }
    }
    None
}

/// The single-character escapes shared by `str` and `bytes` literals.
fn simple_escape(kind: char) -> Option<char> {
    Some(match kind {
        '\\' => '\\',
        '\'' => '\'',
        '"' => '"',
        'a' => '\x07',
        'b' => '\x08',
        'f' => '\x0c',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\x0b',
        _ => return None,
    })
}

/// Up to three octal digits starting at `digits[0]` (which is one): the value and digits used.
fn octal_value(digits: &[u8]) -> (u32, usize) {
    let mut value = 0;
    let mut used = 0;
    while used < 3 && matches!(digits.get(used), Some(b'0'..=b'7')) {
        value = value * 8 + u32::from(digits[used] - b'0');
        used += 1;
    }
    (value, used)
}

/// Up to `count` hex digits: the value and how many were present.
fn hex_value(digits: &[u8], count: usize) -> (u32, usize) {
    let mut value: u32 = 0;
    let mut used = 0;
    while used < count {
        match digits.get(used).and_then(|&d| char::from(d).to_digit(16)) {
            Some(digit) => value = value.wrapping_mul(16).wrapping_add(digit),
            None => break,
        }
        used += 1;
    }
    (value, used)
}

/// CPython's message for a failed `unicode_escape` decode of bytes `start..end`.
fn unicode_error(start: usize, end: usize, reason: &str) -> String {
    if end <= start + 1 {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {start}: {reason}"
        )
    } else {
        let last = end - 1;
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{last}: {reason}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_and_numeric_escapes() {
        assert_eq!(
            decode_str(r#"a\tb\n\\\'\"\a\b\f\v\r"#).unwrap(),
            "a\tb\n\\'\"\x07\x08\x0c\x0b\r"
        );
        assert_eq!(
            decode_str(r"\101\0\777\x41\u00e9\U0001F600").unwrap(),
            "A\0\u{1ff}Aé😀"
        );
        assert_eq!(decode_str("a\\\nb").unwrap(), "ab");
        assert_eq!(decode_str(r"\q\8").unwrap(), r"\q\8");
        assert_eq!(decode_str("\\").unwrap(), "\\");
    }

    #[test]
    fn named_escapes() {
        assert_eq!(
            decode_str(r"\N{LATIN SMALL LETTER A}\N{latin small letter e with acute}").unwrap(),
            "aé"
        );
        assert_eq!(
            decode_str(r"\N{GREEK SMALL LETTER PI}\N{EM DASH}\N{SNAKE}\N{EURO SIGN}").unwrap(),
            "π—🐍€"
        );
        assert_eq!(
            decode_str(r"\N{CJK UNIFIED IDEOGRAPH-4E2D}\N{HANGUL SYLLABLE HAN}").unwrap(),
            "中한"
        );
        assert_eq!(
            decode_str(r"\N{LINE FEED}\N{NO-BREAK SPACE}\N{SPACE}").unwrap(),
            "\n\u{a0} "
        );
        for name in [
            "DIGIT ZERO",
            "EXCLAMATION MARK",
            "GREEK CAPITAL LETTER OMEGA",
            "BULLET",
            "SNOWMAN",
        ] {
            assert!(lookup_name(name).is_some(), "{name}");
        }
        assert_eq!(lookup_name("GRINNING FACE"), Some('😀'));
        assert_eq!(lookup_name("HANGUL SYSLLABLE GA"), None);
        assert_eq!(lookup_name("HANGUL SYLLABLE GGWAELH"), Some('\u{AF73}'));
    }

    /// Decodes every record back into its name, which must look up its own code point.
    #[test]
    fn every_phrasebook_name_round_trips() {
        let words: Vec<&str> = WORD_ENDS
            .iter()
            .scan(0, |start, &end| {
                let word = &WORDS[*start..usize::from(end)];
                *start = usize::from(end);
                Some(word)
            })
            .collect();
        let (mut code, mut at, mut count) = (0u32, 0, 0);
        while at < RECORDS.len() {
            let mut shift = 0;
            while {
                code += u32::from(RECORDS[at] & 0x7F) << shift;
                shift += 7;
                at += 1;
                RECORDS[at - 1] & 0x80 != 0
            } {}
            let mut name = String::new();
            while RECORDS[at] != END_OF_NAME {
                let mut rank = usize::from(RECORDS[at]);
                if RECORDS[at] >= ONE_BYTE_RANKS {
                    rank = usize::from(ONE_BYTE_RANKS)
                        + ((rank - usize::from(ONE_BYTE_RANKS)) << 8
                            | usize::from(RECORDS[at + 1]));
                    at += 1;
                }
                at += 1;
                if !name.is_empty() {
                    name.push(' ');
                }
                name.push_str(words[rank]);
            }
            at += 1;
            count += 1;
            assert_eq!(
                lookup_name(&name.to_ascii_lowercase()),
                char::from_u32(code),
                "{name}"
            );
        }
        assert!(count > 4000, "{count} names");
    }

    #[test]
    fn escape_errors() {
        let prefix = "(unicode error) 'unicodeescape' codec can't decode bytes in position";
        assert_eq!(
            decode_str(r"\x4").unwrap_err(),
            format!("{prefix} 0-2: truncated \\xXX escape")
        );
        assert_eq!(
            decode_str(r"\x").unwrap_err(),
            format!("{prefix} 0-1: truncated \\xXX escape")
        );
        assert_eq!(
            decode_str(r"\u12").unwrap_err(),
            format!("{prefix} 0-3: truncated \\uXXXX escape")
        );
        assert_eq!(
            decode_str(r"\N{FOO}").unwrap_err(),
            format!("{prefix} 0-6: unknown Unicode character name")
        );
        assert_eq!(
            decode_str(r"\N{").unwrap_err(),
            format!("{prefix} 0-2: malformed \\N character escape")
        );
        assert_eq!(
            decode_str(r"abc\N{DIGIT ONE}\x4").unwrap_err(),
            format!("{prefix} 16-18: truncated \\xXX escape")
        );
        assert_eq!(
            decode_str(r"\U00110000").unwrap_err(),
            format!("{prefix} 0-9: illegal Unicode character")
        );
    }

    #[test]
    fn bytes_escapes() {
        assert_eq!(
            decode_bytes(r"a\x41\777\n\u1234\N{X}").unwrap(),
            b"aA\xff\n\\u1234\\N{X}"
        );
        assert_eq!(
            decode_bytes(r"\x4").unwrap_err(),
            "(value error) invalid \\x escape at position 0"
        );
    }
}
