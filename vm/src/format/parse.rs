//! Text to numbers: what `float(str)` and `int(str, base)` accept.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use num_bigint::{BigInt, BigUint, Sign as BigSign};

/// The zeros of every Unicode 14.0 decimal-digit (`Nd`) run; each run is ten
/// consecutive code points with values 0..=9.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`Py_UNICODE_TODECIMAL`), e.g. `'٣'` → 3.
pub fn decimal_value(c: char) -> Option<u32> {
    let n = u32::from(c);
    let i = DIGIT_ZEROS.partition_point(|&z| z <= n).checked_sub(1)?;
    let v = n - DIGIT_ZEROS[i];
    (v < 10).then_some(v)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII decimal
/// digits become ASCII digits, non-ASCII whitespace a space, anything else
/// non-ASCII `?`.
fn to_ascii(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if c.is_ascii() {
                    c
                } else if let Some(d) = decimal_value(c) {
                    char::from(b'0' + d as u8)
                } else if c.is_whitespace() {
                    ' '
                } else {
                    '?'
                }
            })
            .collect(),
    )
}

/// The whitespace `float()` and `int()` strip (after [`to_ascii`]): C's `isspace`.
fn is_space(c: char) -> bool {
    c.is_ascii_whitespace() || c == '\x0b'
}

/// Result of [`parse_int`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntParse {
    /// The value fits in `i64`.
    Small(i64),
    /// The value does not fit in `i64`.
    Big(BigInt),
}

/// Checks the float grammar `[sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]`
/// with single underscores between digits; returns the text without underscores.
fn clean_decimal(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        out.push(char::from(b[0]));
        i = 1;
    }
    // Reads digits with single underscores between them; returns how many digits.
    let digits = |i: &mut usize, out: &mut String| -> Option<usize> {
        let mut n = 0;
        while *i < b.len() {
            let c = b[*i];
            if c.is_ascii_digit() {
                out.push(char::from(c));
                n += 1;
            } else if c == b'_' {
                let next_digit = b.get(*i + 1).is_some_and(u8::is_ascii_digit);
                if n == 0 || !next_digit {
                    return None;
                }
            } else {
                break;
            }
            *i += 1;
        }
        Some(n)
    };
    let int_digits = digits(&mut i, &mut out)?;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        out.push('.');
        i += 1;
        frac_digits = digits(&mut i, &mut out)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        out.push('e');
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            out.push(char::from(b[i]));
            i += 1;
        }
        if digits(&mut i, &mut out)? == 0 {
            return None;
        }
    }
    (i == b.len()).then_some(out)
}

/// `float(s)` for a string: surrounding whitespace, a sign, `inf`, `infinity`
/// and `nan` in any case, underscores between digits, exponents; correctly
/// rounded; Unicode decimal digits count as digits. Returns `None` where
/// CPython raises `ValueError`.
pub fn parse_float(s: &str) -> Option<f64> {
    let s = to_ascii(s);
    let t = s.trim_matches(is_space);
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let special = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    clean_decimal(t)?.parse().ok()
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 99,
    }
}

/// `int(s, base)` for a string: surrounding whitespace, a sign, base 0 (prefix
/// decides; no leading zeros in nonzero decimals) or 2..=36, a `0x`/`0o`/`0b`
/// prefix matching the base (optionally followed by one underscore), single
/// underscores between digits. Returns `None` where CPython raises
/// `ValueError` (and for an invalid base). Unicode decimal digits count as
/// digits. CPython's 4300-digit limit for non-power-of-two bases
/// (`sys.set_int_max_str_digits`) is left to the caller.
pub fn parse_int(s: &str, base: u32) -> Option<IntParse> {
    if base == 1 || base > 36 {
        return None;
    }
    let s = to_ascii(s);
    let t = s.trim_matches(is_space).as_bytes();
    let mut i = 0;
    let mut negative = false;
    match t.first() {
        Some(b'+') => i = 1,
        Some(b'-') => {
            negative = true;
            i = 1;
        }
        _ => {}
    }
    let at = |k: usize| t.get(k).map(u8::to_ascii_lowercase);
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1)) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            (Some(b'0'), _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == Some(b'0')
        && matches!(
            (base, at(i + 1)),
            (16, Some(b'x')) | (8, Some(b'o')) | (2, Some(b'b'))
        )
    {
        i += 2;
        if at(i) == Some(b'_') {
            i += 1;
        }
    }
    if at(i) == Some(b'_') {
        return None;
    }
    let mut digits: Vec<u8> = Vec::with_capacity(t.len() - i);
    let mut prev = 0u8;
    while i < t.len() {
        let c = t[i];
        if c == b'_' {
            if prev == b'_' {
                return None;
            }
        } else if digit_value(c) < base {
            digits.push(c);
        } else {
            return None;
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' || digits.is_empty() {
        return None;
    }
    let mut small: u64 = 0;
    let mut fits = true;
    for &c in &digits {
        match small
            .checked_mul(u64::from(base))
            .and_then(|v| v.checked_add(u64::from(digit_value(c))))
        {
            Some(v) => small = v,
            None => {
                fits = false;
                break;
            }
        }
    }
    if fits {
        if error_if_nonzero && small != 0 {
            return None;
        }
        if !negative && small <= i64::MAX as u64 {
            return Some(IntParse::Small(small as i64));
        }
        if negative && small <= 1u64 << 63 {
            return Some(IntParse::Small(0i64.wrapping_sub_unsigned(small)));
        }
    } else if error_if_nonzero {
        return None;
    }
    let mag = BigUint::parse_bytes(&digits, base)?;
    let sign = if negative {
        BigSign::Minus
    } else {
        BigSign::Plus
    };
    Some(IntParse::Big(BigInt::from_biguint(sign, mag)))
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{Case, cases};
    use super::*;
    use alloc::format;

    #[test]
    fn unicode_digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{669}'), Some(9));
        assert_eq!(decimal_value('\u{1fbf9}'), Some(9));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{65f}'), None);
        assert_eq!(parse_float("\u{661}.\u{665}"), Some(1.5));
        assert_eq!(parse_int("\u{ff11}\u{ff12}", 10), Some(IntParse::Small(12)));
    }

    #[test]
    fn examples() {
        assert_eq!(parse_float(" 1_000.5 "), Some(1000.5));
        assert_eq!(parse_float("-iNfInItY"), Some(f64::NEG_INFINITY));
        assert!(parse_float("-nan").unwrap().is_sign_negative());
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_float("1e"), None);
        assert_eq!(parse_float("."), None);
        assert_eq!(parse_int("0x_1f", 0), Some(IntParse::Small(31)));
        assert_eq!(parse_int("010", 0), None);
        assert_eq!(parse_int("00", 0), Some(IntParse::Small(0)));
        assert_eq!(parse_int("0b1", 16), Some(IntParse::Small(0xb1)));
        assert_eq!(
            parse_int("-9223372036854775808", 10),
            Some(IntParse::Small(i64::MIN))
        );
        assert_eq!(
            parse_int("9223372036854775808", 10),
            Some(IntParse::Big(BigInt::from(1u64 << 63)))
        );
    }

    #[test]
    fn float_cases_from_cpython() {
        let mut n = 0;
        for Case {
            value, expected, ..
        } in cases(include_str!("testdata/parse_float.txt"))
        {
            let got = parse_float(&value).map(|f| {
                if f.is_nan() {
                    String::from("nan")
                } else {
                    format!("{:016x}", f.to_bits())
                }
            });
            assert_eq!(got, expected.ok(), "float({value:?})");
            n += 1;
        }
        assert!(n > 200, "{n}");
    }

    #[test]
    fn int_cases_from_cpython() {
        let mut n = 0;
        for Case {
            value,
            spec,
            expected,
        } in cases(include_str!("testdata/parse_int.txt"))
        {
            let got = parse_int(&value, spec.parse().unwrap()).map(|v| match v {
                IntParse::Small(v) => format!("{v}"),
                IntParse::Big(v) => {
                    assert!(i64::try_from(&v).is_err(), "{v} should be Small");
                    format!("{v}")
                }
            });
            assert_eq!(got, expected.ok(), "int({value:?}, {spec})");
            n += 1;
        }
        assert!(n > 300, "{n}");
    }
}
