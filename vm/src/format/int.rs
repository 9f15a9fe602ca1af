//! `int.__format__`: types `b c d o x X n` and none, float types applied to ints,
//! plus exact int → float conversion for them.

use super::float::format_float_internal;
use super::spec::{FormatSpec, Number, Sign, check_grouping, layout_number, unknown_code};
use alloc::string::String;
use alloc::vec::Vec;
use num_bigint::{BigInt, Sign as BigSign};
use num_traits::ToPrimitive;

/// CPython's `OverflowError` message for an int too large for a float.
pub const INT_TOO_LARGE_FOR_FLOAT: &str = "int too large to convert to float";
/// CPython's `OverflowError` message for `'c'` out of range.
pub const C_ARG_NOT_IN_RANGE: &str = "%c arg not in range(0x110000)";
/// CPython's `OverflowError` message for an int that does not fit a C long.
pub const INT_TOO_LARGE_FOR_C_LONG: &str = "Python int too large to convert to C long";

/// An integer either small or big, borrowed for formatting.
#[derive(Clone, Copy)]
enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    fn is_negative(self) -> bool {
        match self {
            IntRef::Small(v) => v < 0,
            IntRef::Big(v) => v.sign() == BigSign::Minus,
        }
    }

    /// Digits of the magnitude in `radix` (lowercase).
    fn magnitude(self, radix: u32) -> String {
        match self {
            IntRef::Small(v) if radix == 10 => alloc::format!("{}", v.unsigned_abs()),
            IntRef::Small(v) => u64_to_radix(v.unsigned_abs(), radix),
            IntRef::Big(v) => v.magnitude().to_str_radix(radix),
        }
    }

    fn to_f64(self) -> Option<f64> {
        let f = match self {
            IntRef::Small(v) => v as f64,
            IntRef::Big(v) => v.to_f64()?,
        };
        f.is_finite().then_some(f)
    }

    fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(v) => v.to_i64(),
        }
    }
}

/// Digits of `v` in `radix` (2..=36), lowercase.
pub(crate) fn u64_to_radix(mut v: u64, radix: u32) -> String {
    if v == 0 {
        return String::from("0");
    }
    let radix = u64::from(radix);
    let mut buf = Vec::with_capacity(64);
    while v > 0 {
        let d = (v % radix) as u8;
        buf.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        v /= radix;
    }
    buf.iter().rev().map(|&b| char::from(b)).collect()
}

/// Converts an int to the nearest float (half to even), or `None` when it
/// overflows (CPython's `int too large to convert to float`).
pub fn bigint_to_f64(v: &BigInt) -> Option<f64> {
    IntRef::Big(v).to_f64()
}

fn format_int_ref(v: IntRef, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    let group = check_grouping(spec, 'd')?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v
                .to_f64()
                .ok_or_else(|| String::from(INT_TOO_LARGE_FOR_FLOAT))?;
            return format_float_internal(f, spec);
        }
        c => return Err(unknown_code(c, type_name)),
    }
    if spec.precision.is_some() {
        return Err(String::from(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.z {
        return Err(String::from(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign != Sign::Default {
            return Err(String::from(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(String::from(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v
            .to_i64()
            .ok_or_else(|| String::from(INT_TOO_LARGE_FOR_C_LONG))?;
        let c = u32::try_from(x)
            .ok()
            .filter(|&x| x <= 0x10ffff)
            .ok_or_else(|| String::from(C_ARG_NOT_IN_RANGE))?;
        let c = char::from_u32(c)
            .ok_or_else(|| String::from("surrogate code points cannot be formatted with 'c'"))?;
        let mut buf = [0u8; 4];
        let number = Number {
            negative: false,
            prefix: "",
            digits: "",
            decimal: false,
            remainder: c.encode_utf8(&mut buf),
        };
        return Ok(layout_number(&number, spec, None));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    if matches!(spec.sign, Sign::Default | Sign::Minus)
        && spec.width.is_none()
        && spec.grouping.is_none()
    {
        // Nothing to pad or group: sign, prefix and digits.
        let mut out = String::with_capacity(digits.len() + 3);
        if v.is_negative() {
            out.push('-');
        }
        if spec.alternate {
            out.push_str(prefix);
        }
        out.push_str(&digits);
        return Ok(out);
    }
    let number = Number {
        negative: v.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
    };
    let group = if ty == 'n' { None } else { group };
    Ok(layout_number(&number, spec, group))
}

/// `int.__format__(v, spec)`. `type_name` names the type in errors (`int`,
/// `bool`, a subclass). Errors whose message is one of this module's constants
/// (see [`super::is_overflow_message`]) are `OverflowError`s, others `ValueError`s.
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    match v.to_i64() {
        Some(small) => format_int_ref(IntRef::Small(small), spec, type_name),
        None => format_int_ref(IntRef::Big(v), spec, type_name),
    }
}

/// [`format_int`] for an int that fits `i64`, without big-integer arithmetic.
pub fn format_i64(v: i64, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    format_int_ref(IntRef::Small(v), spec, type_name)
}

#[cfg(test)]
mod tests {
    use super::super::spec::parse_format_spec;
    use super::super::testdata::{Case, cases};
    use super::*;

    fn fmt(v: &str, spec: &str) -> Result<String, String> {
        let s = parse_format_spec(spec, "int")?;
        let big: BigInt = v.parse().unwrap();
        let r = format_int(&big, &s, "int");
        if let Ok(small) = v.parse::<i64>() {
            assert_eq!(format_i64(small, &s, "int"), r, "{v} {spec:?}");
        }
        r
    }

    #[test]
    fn examples() {
        assert_eq!(fmt("255", "#010_x").as_deref(), Ok("0x000_00ff"));
        assert_eq!(fmt("-255", "#012_X").as_deref(), Ok("-0X0000_00FF"));
        assert_eq!(fmt("1234567", "010,").as_deref(), Ok("01,234,567"));
        assert_eq!(fmt("65", "0=5c").as_deref(), Ok("0000A"));
        assert_eq!(fmt("5", ".2f").as_deref(), Ok("5.00"));
        assert_eq!(
            fmt("65", "+c"),
            Err(String::from(
                "Sign not allowed with integer format specifier 'c'"
            ))
        );
        assert_eq!(
            fmt("1", "q"),
            Err(String::from(
                "Unknown format code 'q' for object of type 'int'"
            ))
        );
        assert_eq!(fmt("-1", "c"), Err(String::from(C_ARG_NOT_IN_RANGE)));
        let big = alloc::format!("1{}", "0".repeat(400));
        assert_eq!(fmt(&big, "f"), Err(String::from(INT_TOO_LARGE_FOR_FLOAT)));
        assert_eq!(
            bigint_to_f64(&BigInt::from(9007199254740993i64)),
            Some(9007199254740992.0)
        );
        assert_eq!(u64_to_radix(u64::MAX, 36), "3w5e11264sgsf");
    }

    #[test]
    fn int_cases_from_cpython() {
        let mut n = 0;
        for Case {
            value,
            spec,
            expected,
        } in cases(include_str!("testdata/int.txt"))
        {
            assert_eq!(fmt(&value, &spec), expected, "format({value}, {spec:?})");
            n += 1;
        }
        assert!(n > 1000, "{n}");
    }
}
