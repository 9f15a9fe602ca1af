//! Decimal digit generation for `f64` (the role of CPython's `_Py_dg_dtoa`):
//! shortest round-trip digits via `ryu`, and exact, round-half-even digits for a
//! given number of significant digits or of places after the point.

use alloc::vec::Vec;
use core::cmp::Ordering;
use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, Zero};

/// Digit storage: inline for the common short results, on the heap for long ones.
#[derive(Clone, Debug)]
enum DigitBuf {
    Inline { bytes: [u8; INLINE], len: u8 },
    Heap(Vec<u8>),
}

const INLINE: usize = 40;

impl DigitBuf {
    fn new() -> DigitBuf {
        DigitBuf::Inline {
            bytes: [0; INLINE],
            len: 0,
        }
    }

    fn from_slice(s: &[u8]) -> DigitBuf {
        let mut b = DigitBuf::new();
        b.extend(s);
        b
    }

    fn as_slice(&self) -> &[u8] {
        match self {
            DigitBuf::Inline { bytes, len } => &bytes[..usize::from(*len)],
            DigitBuf::Heap(v) => v,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [u8] {
        match self {
            DigitBuf::Inline { bytes, len } => &mut bytes[..usize::from(*len)],
            DigitBuf::Heap(v) => v,
        }
    }

    fn extend(&mut self, s: &[u8]) {
        match self {
            DigitBuf::Inline { bytes, len } => {
                let l = usize::from(*len);
                if l + s.len() <= INLINE {
                    bytes[l..l + s.len()].copy_from_slice(s);
                    *len = (l + s.len()) as u8;
                } else {
                    let mut v = Vec::with_capacity(l + s.len());
                    v.extend_from_slice(&bytes[..l]);
                    v.extend_from_slice(s);
                    *self = DigitBuf::Heap(v);
                }
            }
            DigitBuf::Heap(v) => v.extend_from_slice(s),
        }
    }

    fn truncate(&mut self, n: usize) {
        match self {
            DigitBuf::Inline { len, .. } => *len = (*len).min(n as u8),
            DigitBuf::Heap(v) => v.truncate(n),
        }
    }
}

/// Decimal digits of a finite non-negative double: the value is
/// `0.D1D2D3... × 10^decpt`. The digits are ASCII with no leading or trailing
/// zeros, except that zero is `"0"` with `decpt == 1`; a value that rounds to
/// zero in fixed mode has no digits (as dtoa's mode 3).
#[derive(Clone, Debug)]
pub struct Digits {
    buf: DigitBuf,
    /// Position of the decimal point relative to the first digit.
    pub decpt: i32,
}

impl PartialEq for Digits {
    fn eq(&self, other: &Digits) -> bool {
        self.digits() == other.digits() && self.decpt == other.decpt
    }
}

impl Eq for Digits {}

impl Digits {
    /// The ASCII digits.
    pub fn digits(&self) -> &[u8] {
        self.buf.as_slice()
    }

    fn zero() -> Digits {
        Digits {
            buf: DigitBuf::from_slice(b"0"),
            decpt: 1,
        }
    }

    fn strip_trailing_zeros(mut self) -> Digits {
        let n = self
            .digits()
            .iter()
            .rposition(|&d| d != b'0')
            .map_or(0, |i| i + 1);
        self.buf.truncate(n);
        self
    }
}

/// Where the discarded remainder lies relative to one half unit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Rem {
    Zero,
    Below,
    Half,
    Above,
}

/// `x = m × 2^e` with `m` odd (or x zero); `x` finite and non-negative.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros();
    (m >> tz, e + tz as i32)
}

fn pow10_u128(n: u32) -> Option<u128> {
    10u128.checked_pow(n)
}

fn classify<T: PartialOrd + Zero>(r: &T, den_minus_r: &T) -> Rem {
    if r.is_zero() {
        return Rem::Zero;
    }
    match r.partial_cmp(den_minus_r) {
        Some(Ordering::Less) => Rem::Below,
        Some(Ordering::Equal) => Rem::Half,
        _ => Rem::Above,
    }
}

/// `floor(m × 2^e × 10^t)` and the remainder class, in 128-bit arithmetic
/// when everything fits.
fn scaled_small(m: u64, e: i32, t: i64) -> Option<(u128, Rem)> {
    let mut num = u128::from(m);
    if e > 0 {
        if num.leading_zeros() <= e as u32 {
            return None;
        }
        num <<= e;
    }
    if t > 0 {
        num = num.checked_mul(pow10_u128(u32::try_from(t).ok()?)?)?;
    }
    let shift = if e < 0 { e.unsigned_abs() } else { 0 };
    let d10 = if t < 0 {
        pow10_u128(u32::try_from(-t).ok()?)?
    } else {
        1
    };
    let den = if shift == 0 {
        d10
    } else {
        if shift >= 127 || d10.leading_zeros() <= shift {
            return None;
        }
        d10 << shift
    };
    if den == 1 {
        return Some((num, Rem::Zero));
    }
    let (q, r) = if d10 == 1 {
        (num >> shift, num & (den - 1))
    } else {
        (num / den, num % den)
    };
    Some((q, classify(&r, &(den - r))))
}

fn pow10_big(n: u64) -> BigUint {
    BigUint::from(10u32).pow(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Arbitrary-precision fallback of [`scaled_small`].
fn scaled_big(m: u64, e: i32, t: i64) -> (BigUint, Rem) {
    let mut num = BigUint::from(m);
    if e > 0 {
        num <<= e as usize;
    }
    if t > 0 {
        num *= pow10_big(t as u64);
    }
    let shift = if e < 0 { e.unsigned_abs() as usize } else { 0 };
    if t >= 0 {
        if shift == 0 {
            return (num, Rem::Zero);
        }
        let q = &num >> shift;
        let r = num - (&q << shift);
        let den: BigUint = BigUint::one() << shift;
        let other = &den - &r;
        (q, classify(&r, &other))
    } else {
        let den = pow10_big(t.unsigned_abs()) << shift;
        let (q, r) = num.div_rem(&den);
        let other = &den - &r;
        (q, classify(&r, &other))
    }
}

fn push_u64(buf: &mut DigitBuf, mut v: u64, min_len: usize) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    while v > 0 || tmp.len() - i < min_len {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    buf.extend(&tmp[i..]);
}

/// Decimal digits of `q` (empty for zero).
fn u128_digits(q: u128) -> DigitBuf {
    const E19: u128 = 10_000_000_000_000_000_000;
    let mut buf = DigitBuf::new();
    if q >= E19 {
        let (hi, lo) = (q / E19, (q % E19) as u64);
        if hi >= E19 {
            push_u64(&mut buf, (hi / E19) as u64, 0);
            push_u64(&mut buf, (hi % E19) as u64, 19);
        } else {
            push_u64(&mut buf, hi as u64, 0);
        }
        push_u64(&mut buf, lo, 19);
    } else {
        push_u64(&mut buf, q as u64, 0);
    }
    buf
}

/// Decimal digits of `floor(m × 2^e × 10^t)` (empty for zero) and the remainder class.
fn scaled(m: u64, e: i32, t: i64) -> (DigitBuf, Rem) {
    if let Some((q, rem)) = scaled_small(m, e, t) {
        return (u128_digits(q), rem);
    }
    let (q, rem) = scaled_big(m, e, t);
    let digits = if q.is_zero() {
        DigitBuf::new()
    } else {
        DigitBuf::Heap(q.to_str_radix(10).into_bytes())
    };
    (digits, rem)
}

/// Rounds the digit string half-to-even given the remainder class. When a
/// carry runs through every digit (or the string is empty), the digits become
/// `"1"` and the result is true: the value gained one integer digit.
fn round_digits(buf: &mut DigitBuf, rem: Rem) -> bool {
    let digits = buf.as_mut_slice();
    let odd = digits.last().is_some_and(|d| (d - b'0') % 2 == 1);
    let up = match rem {
        Rem::Zero | Rem::Below => false,
        Rem::Half => odd,
        Rem::Above => true,
    };
    if !up {
        return false;
    }
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return false;
        }
    }
    *buf = DigitBuf::from_slice(b"1");
    true
}

/// Shortest digits that round-trip (CPython's mode 0, used by `repr`).
pub fn shortest(x: f64) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    let mut ryu_buf = ryu::Buffer::new();
    let s = ryu_buf.format_finite(x.abs()).as_bytes();
    let (mant, exp) = match s.iter().position(|&b| b == b'e' || b == b'E') {
        Some(i) => (&s[..i], parse_exp(&s[i + 1..])),
        None => (s, 0),
    };
    let mut bytes = [0u8; 24];
    let mut len = 0;
    let mut n_digits = 0i32;
    let mut point = None;
    let mut lead = 0i32;
    for &b in mant {
        if b == b'.' {
            point = Some(n_digits);
            continue;
        }
        n_digits += 1;
        if len == 0 && b == b'0' {
            lead += 1;
        } else {
            bytes[len] = b;
            len += 1;
        }
    }
    Digits {
        buf: DigitBuf::from_slice(&bytes[..len]),
        decpt: point.unwrap_or(n_digits) - lead + exp,
    }
    .strip_trailing_zeros()
}

fn parse_exp(s: &[u8]) -> i32 {
    let (neg, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let v = s
        .iter()
        .fold(0i32, |acc, &d| acc * 10 + i32::from(d - b'0'));
    if neg { -v } else { v }
}

/// `n` (≥ 1) correctly rounded significant digits (CPython's mode 2).
pub fn significant(x: f64, n: usize) -> Digits {
    let (m, e) = decompose(x);
    if m == 0 {
        return Digits::zero();
    }
    // A double has at most 767 significant digits: beyond that only zeros follow.
    let n = n.clamp(1, 800);
    let bitlen = 64 - m.leading_zeros() as i64;
    let e2 = i64::from(e) + bitlen - 1;
    // floor(log10(x)): start from floor(e2 × log10(2)), which is exact or one
    // too small, and check against a power of ten; the digit count below
    // corrects any remaining error.
    let mut k = (e2 * 78913) >> 18;
    if (-300..300).contains(&k) && x >= libm::exp10(k as f64 + 1.0) {
        k += 1;
    }
    loop {
        let t = n as i64 - 1 - k;
        let (mut digits, rem) = scaled(m, e, t);
        match digits.as_slice().len().cmp(&n) {
            Ordering::Greater => k += 1,
            Ordering::Less => k -= 1,
            Ordering::Equal => {
                if round_digits(&mut digits, rem) {
                    k += 1;
                }
                return Digits {
                    buf: digits,
                    decpt: (k + 1) as i32,
                }
                .strip_trailing_zeros();
            }
        }
    }
}

/// Correctly rounded to `ndigits` places after the point (CPython's mode 3);
/// `ndigits` may be negative.
pub fn fixed(x: f64, ndigits: i64) -> Digits {
    let (m, e) = decompose(x);
    if m == 0 {
        return Digits::zero();
    }
    // A double has at most 1074 digits after the point: beyond that only zeros.
    let ndigits = ndigits.min(1100);
    let (mut digits, rem) = scaled(m, e, ndigits);
    let len = digits.as_slice().len() as i64;
    let carry = round_digits(&mut digits, rem);
    if digits.as_slice().is_empty() {
        return Digits {
            buf: digits,
            decpt: (-ndigits) as i32,
        };
    }
    let decpt = (len + i64::from(carry) - ndigits) as i32;
    Digits { buf: digits, decpt }.strip_trailing_zeros()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str, decpt: i32) -> Digits {
        Digits {
            buf: DigitBuf::from_slice(s.as_bytes()),
            decpt,
        }
    }

    #[test]
    fn shortest_digits() {
        assert_eq!(shortest(1.0), d("1", 1));
        assert_eq!(shortest(0.1), d("1", 0));
        assert_eq!(shortest(1e23), d("1", 24));
        assert_eq!(shortest(123.456), d("123456", 3));
        assert_eq!(shortest(5e-324), d("5", -323));
        assert_eq!(
            shortest(1.7976931348623157e308),
            d("17976931348623157", 309)
        );
    }

    #[test]
    fn significant_digits() {
        assert_eq!(significant(0.125, 2), d("12", 0));
        assert_eq!(significant(0.375, 2), d("38", 0));
        assert_eq!(significant(9.99, 2), d("1", 2));
        assert_eq!(significant(1e23, 17), d("99999999999999992", 23));
        assert_eq!(significant(0.1, 30), d("100000000000000005551115123126", 0));
        assert_eq!(significant(5e-324, 3), d("494", -323));
        assert_eq!(significant(1e300, 1), d("1", 301));
    }

    #[test]
    fn fixed_digits() {
        assert_eq!(fixed(0.5, 0), d("", 0));
        assert_eq!(fixed(1.5, 0), d("2", 1));
        assert_eq!(fixed(2.5, 0), d("2", 1));
        assert_eq!(fixed(2.675, 2), d("267", 1));
        assert_eq!(fixed(0.0001, 2), d("", -2));
        assert_eq!(fixed(0.009, 2), d("1", -1));
        assert_eq!(fixed(1234.5678, -2), d("12", 4));
        assert_eq!(fixed(50.0, -2), d("", 2));
        assert_eq!(fixed(150.0, -2), d("2", 3));
        assert_eq!(fixed(1e22, 3), d("1", 23));
        let big = fixed(1e300, 0);
        assert_eq!(big.decpt, 301);
        assert!(
            big.digits()
                .starts_with(b"10000000000000000525047602552044202487")
        );
    }

    #[test]
    fn small_and_big_paths_agree() {
        let mut s = 0x1234_5678_9abc_def1u64;
        for _ in 0..3000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let m = (s >> 11) | 1;
            let e = ((s % 200) as i32) - 100;
            let t = ((s >> 40) % 60) as i64 - 30;
            if let Some((q, rem)) = scaled_small(m, e, t) {
                let (bq, brem) = scaled_big(m, e, t);
                assert_eq!(BigUint::from(q), bq, "{m} {e} {t}");
                assert_eq!(rem, brem, "{m} {e} {t}");
            }
        }
    }
}
