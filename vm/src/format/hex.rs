//! `float.hex()` and `float.fromhex()`.

use super::float::float_repr;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// CPython's `OverflowError` message of `float.fromhex`.
pub const HEX_TOO_LARGE: &str = "hexadecimal value too large to represent as a float";
const HEX_INVALID: &str = "invalid hexadecimal floating-point string";

/// `float.hex()`: `0x1.8000000000000p+0` style, 13 hex digits after the point.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.unsigned_abs())
}

fn hex_value(c: u8) -> Option<u32> {
    char::from(c).to_digit(16)
}

/// Rounds `digits` (hex values, most significant first, no leading zeros)
/// `× 2^exp` to the nearest double, half to even; `Err` on overflow.
fn round_hex(digits: &[u32], exp: i64) -> Result<f64, String> {
    let top_bits = 32 - digits[0].leading_zeros() as i64;
    // The value lies in [2^(top_exp-1), 2^top_exp).
    let top_exp = exp + 4 * (digits.len() as i64 - 1) + top_bits;
    if top_exp < -1021 - 53 {
        return Ok(0.0);
    }
    if top_exp > 1024 {
        return Err(String::from(HEX_TOO_LARGE));
    }
    let lsb = top_exp.max(-1021) - 53;
    // Bit `k` (weight 2^(exp+k)) of the coefficient.
    let bit = |k: i64| -> u32 {
        let idx = digits.len() as i64 - 1 - k / 4;
        if idx < 0 {
            0
        } else {
            (digits[idx as usize] >> (k % 4)) & 1
        }
    };
    // Bits of the coefficient below `drop` are rounded away.
    let drop = (lsb - exp).max(0);
    let mut mant: u64 = 0;
    let mut k = 4 * digits.len() as i64 - 1;
    while k >= drop {
        mant = (mant << 1) | u64::from(bit(k));
        k -= 1;
    }
    if drop > 0 && bit(drop - 1) == 1 {
        let sticky = (0..drop - 1).any(|k| bit(k) == 1);
        if sticky || mant & 1 == 1 {
            mant += 1;
        }
    }
    let shift = exp + drop;
    let value = libm::scalbn(mant as f64, shift as i32);
    if value.is_infinite() {
        return Err(String::from(HEX_TOO_LARGE));
    }
    Ok(value)
}

/// `float.fromhex(s)`. Errors are CPython's messages; [`HEX_TOO_LARGE`] is an
/// `OverflowError`, the others `ValueError`s.
pub fn float_fromhex(s: &str) -> Result<f64, String> {
    let t = s.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Ok(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if body.eq_ignore_ascii_case("nan") {
        return Ok(if negative { -f64::NAN } else { f64::NAN });
    }
    let b = body.as_bytes();
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' && (b[1] == b'x' || b[1] == b'X') {
        i = 2;
    }
    let mut digits: Vec<u32> = Vec::new();
    let mut fdigits: i64 = 0;
    while let Some(v) = b.get(i).copied().and_then(hex_value) {
        digits.push(v);
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(v) = b.get(i).copied().and_then(hex_value) {
            digits.push(v);
            fdigits += 1;
            i += 1;
        }
    }
    if digits.is_empty() {
        return Err(String::from(HEX_INVALID));
    }
    let mut exp: i64 = 0;
    if matches!(b.get(i), Some(b'p' | b'P')) {
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            exp = exp
                .saturating_mul(10)
                .saturating_add(i64::from(b[i] - b'0'));
            i += 1;
        }
        if i == start {
            return Err(String::from(HEX_INVALID));
        }
        if eneg {
            exp = -exp;
        }
    }
    // As in CPython, overflow is reported before trailing garbage.
    let lead = digits.iter().take_while(|&&d| d == 0).count();
    let digits = &digits[lead..];
    let x = if digits.is_empty() || exp < i64::MIN / 2 {
        0.0
    } else if exp > i64::MAX / 2 {
        return Err(String::from(HEX_TOO_LARGE));
    } else {
        round_hex(digits, exp - 4 * fdigits)?
    };
    if i != b.len() {
        return Err(String::from(HEX_INVALID));
    }
    Ok(if negative { -x } else { x })
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{Case, cases};
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_fromhex("0x1.8p1"), Ok(3.0));
        assert_eq!(float_fromhex("  -0X.8P-1 "), Ok(-0.25));
        assert_eq!(float_fromhex("1p1024"), Err(String::from(HEX_TOO_LARGE)));
        assert_eq!(float_fromhex("0x"), Err(String::from(HEX_INVALID)));
    }

    #[test]
    fn hex_cases_from_cpython() {
        let mut n = 0;
        for Case {
            value, expected, ..
        } in cases(include_str!("testdata/hex.txt"))
        {
            let x = f64::from_bits(u64::from_str_radix(&value, 16).unwrap());
            assert_eq!(Ok(float_hex(x)), expected, "{value}");
            n += 1;
        }
        assert!(n > 300, "{n}");
    }

    #[test]
    fn fromhex_cases_from_cpython() {
        let mut n = 0;
        for Case {
            value, expected, ..
        } in cases(include_str!("testdata/fromhex.txt"))
        {
            let got = float_fromhex(&value).map(|f| {
                if f.is_nan() {
                    String::from("nan")
                } else {
                    format!("{:016x}", f.to_bits())
                }
            });
            assert_eq!(got, expected, "fromhex({value:?})");
            n += 1;
        }
        assert!(n > 300, "{n}");
    }
}
