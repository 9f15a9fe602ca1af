//! Float to text: `repr(float)`, CPython's `PyOS_double_to_string`, `float.__format__`
//! and `round(float, n)`.

use super::dtoa::{self, Digits};
use super::spec::{FormatSpec, Number, Sign, check_grouping, layout_number, unknown_code};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Options of [`double_to_string`] (CPython's `Py_DTSF_*` flags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// Write `+` before non-negative numbers (`Py_DTSF_SIGN`).
    pub sign: bool,
    /// Append `.0` to integer-looking results without exponent (`Py_DTSF_ADD_DOT_0`).
    pub add_dot_0: bool,
    /// Alternate form: keep the point and trailing zeros (`Py_DTSF_ALT`).
    pub alt: bool,
    /// Drop the sign of a result that is zero after rounding (`Py_DTSF_NO_NEG_0`).
    pub no_neg_0: bool,
}

/// `inf`, `-inf`, `nan` (the sign of a NaN is ignored), optionally with `+`.
fn non_finite(x: f64, upper: bool, sign: bool) -> String {
    let mut out = String::with_capacity(4);
    if x.is_sign_negative() && x.is_infinite() {
        out.push('-');
    } else if sign {
        out.push('+');
    }
    out.push_str(match (x.is_nan(), upper) {
        (true, false) => "nan",
        (true, true) => "NAN",
        (false, false) => "inf",
        (false, true) => "INF",
    });
    out
}

fn push_zeros(out: &mut Vec<u8>, n: i64) {
    if n > 0 {
        out.resize(out.len() + n as usize, b'0');
    }
}

/// CPython's `PyOS_double_to_string`: `code` is one of `e E f F g G r`
/// (`r` is the repr style and ignores `precision`; any other code acts as `r`).
/// Rounding is round-half-even on the exact binary value.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if !x.is_finite() {
        return non_finite(x, upper, flags.sign);
    }
    let mut negative = x.is_sign_negative();
    let ax = x.abs();
    let mut precision = precision as i64;
    let d: Digits = match code {
        'e' => {
            precision += 1;
            dtoa::significant(ax, precision as usize)
        }
        'f' => dtoa::fixed(ax, precision),
        'g' => {
            precision = precision.max(1);
            dtoa::significant(ax, precision as usize)
        }
        _ => dtoa::shortest(ax),
    };
    let digits = d.digits();
    if flags.no_neg_0 && negative && (digits.is_empty() || digits[..] == b"0"[..]) {
        negative = false;
    }
    let digits_len = digits.len() as i64;
    let mut decpt = i64::from(d.decpt);
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let mut buf: Vec<u8> = Vec::with_capacity((vdigits_end - vdigits_start) as usize + 8);
    if negative {
        buf.push(b'-');
    } else if flags.sign {
        buf.push(b'+');
    }
    if decpt <= 0 {
        push_zeros(&mut buf, decpt - vdigits_start);
        buf.push(b'.');
        push_zeros(&mut buf, -decpt);
    } else {
        push_zeros(&mut buf, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        buf.extend_from_slice(&digits[..decpt as usize]);
        buf.push(b'.');
        buf.extend_from_slice(&digits[decpt as usize..]);
    } else {
        buf.extend_from_slice(digits);
    }
    if digits_len < decpt {
        push_zeros(&mut buf, decpt - digits_len);
        buf.push(b'.');
        push_zeros(&mut buf, vdigits_end - decpt);
    } else {
        push_zeros(&mut buf, vdigits_end - digits_len);
    }
    if buf.last() == Some(&b'.') && !flags.alt {
        buf.pop();
    }
    if use_exp {
        buf.push(if upper { b'E' } else { b'e' });
        buf.push(if exp < 0 { b'-' } else { b'+' });
        let a = exp.unsigned_abs();
        if a >= 100 {
            buf.push(b'0' + (a / 100) as u8);
        }
        buf.push(b'0' + (a / 10 % 10) as u8);
        buf.push(b'0' + (a % 10) as u8);
    }
    // Only ASCII was written.
    String::from_utf8(buf).unwrap_or_default()
}

/// `repr(x)` (and `str(x)`) for a float: shortest round-trip digits, `1e+16`
/// style exponents from 1e16 up and below 1e-4, `inf`, `-inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// Formats a float by a spec whose type is already known to be a float type
/// (`e E f F g G n %` or none). Used for floats and for ints with float types.
pub(crate) fn format_float_internal(x: f64, spec: &FormatSpec) -> Result<String, String> {
    let precision = match spec.precision {
        Some(p) if p > i32::MAX as usize => return Err(String::from("precision too big")),
        p => p,
    };
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.z,
        ..DtoaFlags::default()
    };
    let mut code = spec.ty.unwrap_or('r');
    let mut default_precision = 6;
    if spec.ty.is_none() {
        flags.add_dot_0 = true;
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut val = x;
    let add_pct = code == '%';
    if add_pct {
        code = 'f';
        val *= 100.0;
    }
    if precision.is_some() && code == 'r' {
        code = 'g';
    }
    let mut buf = double_to_string(val, code, precision.unwrap_or(default_precision), flags);
    if add_pct {
        buf.push('%');
    }
    if matches!(spec.sign, Sign::Default | Sign::Minus)
        && spec.width.is_none()
        && spec.ty != Some('n')
        && spec.grouping.is_none()
    {
        return Ok(buf);
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let decimal = body.as_bytes().get(n_int) == Some(&b'.');
    let number = Number {
        negative,
        prefix: "",
        digits: &body[..n_int],
        decimal,
        remainder: &body[n_int + usize::from(decimal)..],
    };
    let group = if spec.ty == Some('n') {
        None
    } else {
        check_grouping(spec, '\0')?
    };
    Ok(layout_number(&number, spec, group))
}

/// `float.__format__(x, spec)`: types `e E f F g G n %` and none, with every
/// option of the mini-language. `type_name` names the type in errors.
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    check_grouping(spec, '\0')?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(x, spec)
        }
        Some(c) => Err(unknown_code(c, type_name)),
    }
}

/// `round(x, ndigits)` for a float: correctly rounded through the exact decimal
/// value, half to even. Callers should saturate a huge Python `ndigits` into
/// `i32` (all values above 323 or below -308 behave alike). The error is
/// CPython's `OverflowError` message.
pub fn round_float(x: f64, ndigits: i32) -> Result<f64, String> {
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let d = dtoa::fixed(x.abs(), i64::from(ndigits));
    let mut s = String::with_capacity(d.digits().len() + 8);
    if x.is_sign_negative() {
        s.push('-');
    }
    s.push('0');
    s.extend(d.digits().iter().map(|&b| char::from(b)));
    s.push_str(&format!(
        "e{}",
        i64::from(d.decpt) - d.digits().len() as i64
    ));
    let rounded: f64 = s.parse().unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err(String::from("rounded value too large to represent"));
    }
    Ok(rounded)
}

#[cfg(test)]
mod tests {
    use super::super::spec::parse_format_spec;
    use super::super::testdata::{Case, cases};
    use super::*;

    fn fmt(x: f64, spec: &str) -> Result<String, String> {
        let s = parse_format_spec(spec, "float")?;
        format_float(x, &s, "float")
    }

    fn bits(s: &str) -> f64 {
        f64::from_bits(u64::from_str_radix(s, 16).unwrap())
    }

    #[test]
    fn repr_examples() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1.5e-7, "1.5e-07"),
            (0.0001, "0.0001"),
            (1e-5, "1e-05"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.8, "1234567890123456.8"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (1e300, "1e+300"),
            (5e-324, "5e-324"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn format_examples() {
        let cases = [
            (1.0, "", "1.0"),
            (1e16, "", "1e+16"),
            (1.5, ".3", "1.5"),
            (100.0, ".3", "1e+02"),
            (0.125, ".2f", "0.12"),
            (2.675, ".2f", "2.67"),
            (0.1, ".30f", "0.100000000000000005551115123126"),
            (f64::INFINITY, "010", "0000000inf"),
            (-0.0001, "z.2f", "0.00"),
            (1234.5, "020,.2f", "0,000,000,001,234.50"),
        ];
        for (x, spec, want) in cases {
            assert_eq!(fmt(x, spec).as_deref(), Ok(want), "{x} {spec}");
        }
        let s = fmt(1e300, "f").unwrap();
        assert_eq!(s.len(), 301 + 7);
        assert!(s.starts_with("100000000000000005250476025520442024870446858110815915491585411551180245798890819578637137508044786404370444383288387817694252323536043057564479218478670698284838720092657580373783023379478809005936895323497079994508111903896764088007465274278014249457925878882005684283811566947219638686545940054016"));
    }

    #[test]
    fn repr_matches_cpython() {
        let mut n = 0;
        for line in include_str!("testdata/repr.txt").lines() {
            let (b, want) = line.split_once('\t').unwrap();
            assert_eq!(float_repr(bits(b)), want, "{b}");
            n += 1;
        }
        assert!(n > 1000, "{n}");
    }

    #[test]
    fn repr_round_trips() {
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let x = f64::from_bits(s);
            if x.is_nan() {
                continue;
            }
            let r = float_repr(x);
            assert_eq!(r.parse::<f64>().unwrap().to_bits(), s, "{r}");
        }
    }

    #[test]
    fn format_matches_cpython() {
        let mut n = 0;
        for Case {
            value,
            spec,
            expected,
        } in cases(include_str!("testdata/float.txt"))
        {
            assert_eq!(
                fmt(bits(&value), &spec),
                expected,
                "format({value}, {spec:?})"
            );
            n += 1;
        }
        assert!(n > 1000, "{n}");
    }

    #[test]
    fn dtoa_matches_cpython() {
        let mut n = 0;
        for Case {
            value,
            spec,
            expected,
        } in cases(include_str!("testdata/dtoa.txt"))
        {
            let mut ch = spec.chars();
            let code = ch.next().unwrap();
            let prec: usize = ch.as_str().parse().unwrap();
            let got = double_to_string(bits(&value), code, prec, DtoaFlags::default());
            assert_eq!(Ok(got), expected, "{value} {spec}");
            n += 1;
        }
        assert!(n > 900, "{n}");
    }

    #[test]
    fn round_matches_cpython() {
        let mut n = 0;
        for Case {
            value,
            spec,
            expected,
        } in cases(include_str!("testdata/round.txt"))
        {
            let got = round_float(bits(&value), spec.parse().unwrap())
                .map(|r| alloc::format!("{:016x}", r.to_bits()));
            assert_eq!(got, expected, "round({value}, {spec})");
            n += 1;
        }
        assert!(n > 300, "{n}");
    }
}
