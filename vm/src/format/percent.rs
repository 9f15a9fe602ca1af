//! printf-style (`%`) conversions: `%e %E %f %F %g %G` for floats, `%d %i %u %o %x %X`
//! for ints, and the shared width/flag padding used by every conversion.

use super::float::{DtoaFlags, double_to_string};
use super::int::u64_to_radix;
use alloc::string::String;
use alloc::vec::Vec;
use num_bigint::{BigInt, Sign as BigSign};

/// Flags, width and precision of one `%` directive (after `*` was resolved:
/// a negative `*` width sets `left` and uses the absolute value).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentSpec {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always write a sign.
    pub plus: bool,
    /// ` `: a space before non-negative numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: pad numbers with zeros.
    pub zero: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// Precision.
    pub precision: Option<usize>,
}

/// Pads a converted value into its field (port of CPython's
/// `unicode_format_arg_output`). `ty` is the conversion character; `numeric`
/// is true for number conversions (which get sign handling and zero fill);
/// for `s`, `r` and `a` the precision truncates `body`.
pub fn pad_percent(body: &str, spec: &PercentSpec, ty: char, numeric: bool) -> String {
    let chars: Vec<char> = body.chars().collect();
    let mut len = chars.len();
    let mut width = spec.width.unwrap_or(0);
    let fill = if numeric && spec.zero { '0' } else { ' ' };
    if let Some(p) = spec.precision.filter(|_| matches!(ty, 's' | 'r' | 'a')) {
        len = len.min(p);
    }
    let mut pos = 0;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len -= 1;
                pos = 1;
            }
            _ if spec.plus => sign = Some('+'),
            _ if spec.space => sign = Some(' '),
            _ => {}
        }
    }
    width = width.max(len);
    let mut out = String::with_capacity(width + 2);
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = spec.alt
        && matches!(ty, 'x' | 'X' | 'o')
        && chars.get(pos) == Some(&'0')
        && chars.get(pos + 1) == Some(&ty)
        && len >= 2;
    if prefixed {
        if fill != ' ' {
            out.push('0');
            out.push(ty);
            pos += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !spec.left {
        out.extend(core::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign {
            out.push(s);
        }
        if prefixed {
            out.push('0');
            out.push(ty);
            pos += 2;
        }
    }
    out.extend(&chars[pos..pos + len]);
    if width > len {
        out.extend(core::iter::repeat_n(' ', width - len));
    }
    out
}

/// `'%<flags><width>.<precision><ty>' % x` for `ty` in `e E f F g G`
/// (any other `ty` acts as `g`).
pub fn format_float_percent(x: f64, spec: &PercentSpec, ty: char) -> String {
    let code = if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G') {
        ty
    } else {
        'g'
    };
    let flags = DtoaFlags {
        alt: spec.alt,
        ..DtoaFlags::default()
    };
    let body = double_to_string(x, code, spec.precision.unwrap_or(6), flags);
    pad_percent(&body, spec, ty, true)
}

/// The digits of an int conversion before padding (CPython's `_PyUnicode_FormatLong`).
fn int_body(negative: bool, magnitude: String, spec: &PercentSpec, ty: char) -> String {
    let prefix = match ty {
        'o' if spec.alt => "0o",
        'x' if spec.alt => "0x",
        'X' if spec.alt => "0X",
        _ => "",
    };
    let mut out = String::with_capacity(magnitude.len() + 4);
    if negative {
        out.push('-');
    }
    out.push_str(prefix);
    let prec = spec.precision.unwrap_or(0);
    if prec > magnitude.len() {
        out.extend(core::iter::repeat_n('0', prec - magnitude.len()));
    }
    if ty == 'X' {
        out.push_str(&magnitude.to_ascii_uppercase());
    } else {
        out.push_str(&magnitude);
    }
    out
}

fn radix_of(ty: char) -> u32 {
    match ty {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    }
}

/// `'%<flags><width>.<precision><ty>' % v` for `ty` in `d i u o x X`
/// (any other `ty` acts as `d`).
pub fn format_int_percent(v: &BigInt, spec: &PercentSpec, ty: char) -> String {
    let magnitude = v.magnitude().to_str_radix(radix_of(ty));
    let body = int_body(v.sign() == BigSign::Minus, magnitude, spec, ty);
    pad_percent(&body, spec, ty, true)
}

/// [`format_int_percent`] for an `i64`.
pub fn format_i64_percent(v: i64, spec: &PercentSpec, ty: char) -> String {
    let magnitude = u64_to_radix(v.unsigned_abs(), radix_of(ty));
    let body = int_body(v < 0, magnitude, spec, ty);
    pad_percent(&body, spec, ty, true)
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{Case, cases};
    use super::*;

    /// Parses `%[flags][width][.prec]ty` into a spec and the conversion char.
    fn directive(d: &str) -> (PercentSpec, char) {
        let mut spec = PercentSpec::default();
        let mut it = d.strip_prefix('%').unwrap().chars().peekable();
        while let Some(&c) = it.peek() {
            match c {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            it.next();
        }
        let rest: String = it.collect();
        let (num, ty) = rest.split_at(rest.len() - 1);
        let (w, p) = match num.split_once('.') {
            Some((w, p)) => (w, Some(p.parse().unwrap_or(0))),
            None => (num, None),
        };
        spec.width = w.parse().ok();
        spec.precision = p;
        (spec, ty.chars().next().unwrap())
    }

    #[test]
    fn examples() {
        let (s, t) = directive("%#010o");
        assert_eq!(format_i64_percent(8, &s, t), "0o00000010");
        let (s, t) = directive("%-#010x");
        assert_eq!(format_i64_percent(8, &s, t), "0x8       ");
        let (s, t) = directive("%.5d");
        assert_eq!(format_i64_percent(-3, &s, t), "-00003");
        let (s, t) = directive("%010f");
        assert_eq!(format_float_percent(f64::NEG_INFINITY, &s, t), "-000000inf");
        let (s, t) = directive("%.0f");
        assert_eq!(format_float_percent(0.5, &s, t), "0");
        let (s, t) = directive("%-5.2s");
        assert_eq!(pad_percent("abc", &s, t, false), "ab   ");
    }

    #[test]
    fn percent_cases_from_cpython() {
        let mut n = 0;
        for Case {
            value,
            spec,
            expected,
        } in cases(include_str!("testdata/percent.txt"))
        {
            let (s, t) = directive(&spec);
            let got = if let Some(f) = value.strip_prefix("f:") {
                format_float_percent(f64::from_bits(u64::from_str_radix(f, 16).unwrap()), &s, t)
            } else {
                let big: BigInt = value.parse().unwrap();
                let r = format_int_percent(&big, &s, t);
                if let Ok(small) = value.parse::<i64>() {
                    assert_eq!(format_i64_percent(small, &s, t), r);
                }
                r
            };
            assert_eq!(Ok(got), expected, "{spec:?} % {value}");
            n += 1;
        }
        assert!(n > 500, "{n}");
    }
}
