//! The format-spec mini-language: parsing `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`,
//! the shared field layout of numbers (sign, prefix, grouping, padding) and `str.__format__`.

use super::parse::decimal_value;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Alignment requested in a format spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`: pad on the right.
    Left,
    /// `>`: pad on the left.
    Right,
    /// `^`: pad on both sides, extra padding on the right.
    Center,
    /// `=`: pad between the sign (and prefix) and the digits.
    AfterSign,
}

impl Align {
    fn from_char(c: char) -> Option<Align> {
        match c {
            '<' => Some(Align::Left),
            '>' => Some(Align::Right),
            '^' => Some(Align::Center),
            '=' => Some(Align::AfterSign),
            _ => None,
        }
    }
}

/// Sign option of a format spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sign {
    /// No sign character was given (behaves like `-`).
    #[default]
    Default,
    /// `-`: sign only negative numbers (explicitly given).
    Minus,
    /// `+`: always write a sign.
    Plus,
    /// ` `: a space for non-negative numbers, `-` for negative ones.
    Space,
}

/// A parsed format spec, as `format(value, spec)` and `str.format` see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character; `'0'` when [`FormatSpec::zero_pad`] is set.
    pub fill: char,
    /// Explicit alignment, `None` for the type's default.
    pub align: Option<Align>,
    /// Sign option.
    pub sign: Sign,
    /// The `z` option: coerce negative zero to positive zero (floats only).
    pub z: bool,
    /// The `#` option: alternate form.
    pub alternate: bool,
    /// A `0` before the width with no explicit fill: fill with `'0'`, and for
    /// numbers without an explicit alignment, align with `=`.
    pub zero_pad: bool,
    /// Minimum field width.
    pub width: Option<usize>,
    /// Thousands separator: `','` or `'_'`.
    pub grouping: Option<char>,
    /// Precision (digits after the point, significant digits, or max chars).
    pub precision: Option<usize>,
    /// Presentation type, `None` when omitted.
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: Sign::Default,
            z: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

/// Reads a run of (Unicode) decimal digits at `*pos`; returns how many were read and their value.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<(usize, usize), String> {
    let mut acc: i64 = 0;
    let mut count = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let d = i64::from(d);
        if acc > (i64::MAX - d) / 10 {
            return Err(String::from("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        count += 1;
        *pos += 1;
    }
    // acc <= i64::MAX, which fits usize on the 64-bit targets Pyrite runs on.
    Ok((count, usize::try_from(acc).unwrap_or(usize::MAX)))
}

/// Parses a format spec as CPython 3.11's `parse_internal_render_format_spec` does.
/// `type_name` is used in the "Invalid format specifier" message. Checks that
/// depend on the value's type (e.g. `','` with `'s'`) happen in the formatters.
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut out = FormatSpec::default();
    let mut fill_specified = false;

    if end >= 2 && Align::from_char(chars[1]).is_some() {
        out.align = Align::from_char(chars[1]);
        out.fill = chars[0];
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && Align::from_char(chars[0]).is_some() {
        out.align = Align::from_char(chars[0]);
        pos = 1;
    }
    match chars.get(pos) {
        Some('+') => out.sign = Sign::Plus,
        Some('-') => out.sign = Sign::Minus,
        Some(' ') => out.sign = Sign::Space,
        _ => {}
    }
    if out.sign != Sign::Default {
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.z = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if !fill_specified && chars.get(pos) == Some(&'0') {
        out.fill = '0';
        out.zero_pad = true;
        pos += 1;
    }
    let (n, width) = get_integer(&chars, &mut pos)?;
    if n > 0 {
        out.width = Some(width);
    }
    if chars.get(pos) == Some(&',') {
        out.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(String::from("Cannot specify both ',' and '_'."));
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some('_') {
        return Err(String::from("Cannot specify both ',' and '_'."));
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        let (n, precision) = get_integer(&chars, &mut pos)?;
        if n == 0 {
            return Err(String::from("Format specifier missing precision"));
        }
        out.precision = Some(precision);
    }
    if end - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    if end - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    Ok(out)
}

/// Renders a presentation-type character for error messages (`'x'` or `'\x1'`).
fn show_code(c: char) -> String {
    let n = u32::from(c);
    if n > 32 && n < 128 {
        format!("{c}")
    } else {
        format!("\\x{n:x}")
    }
}

/// The "Unknown format code" error.
pub(crate) fn unknown_code(c: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        show_code(c)
    )
}

/// Validates the thousands separator against the (possibly defaulted) type and
/// returns `(separator, group size)` to use, as CPython's parser does.
pub(crate) fn check_grouping(
    spec: &FormatSpec,
    default_ty: char,
) -> Result<Option<(char, usize)>, String> {
    let Some(sep) = spec.grouping else {
        return Ok(None);
    };
    let ty = spec.ty.unwrap_or(default_ty);
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some((sep, 3))),
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(Some((sep, 4))),
        _ => Err(format!("Cannot specify '{sep}' with '{}'.", show_code(ty))),
    }
}

/// The pieces of a formatted number before padding and grouping.
pub(crate) struct Number<'a> {
    /// A `-` is to be written.
    pub negative: bool,
    /// `0x`-style prefix (already in the wanted case).
    pub prefix: &'a str,
    /// Integer-part digits to be grouped (ASCII).
    pub digits: &'a str,
    /// A decimal point follows the digits.
    pub decimal: bool,
    /// Everything after the point (fraction, exponent, `%`), or the `c` character.
    pub remainder: &'a str,
}

fn push_n(out: &mut String, c: char, n: i64) {
    for _ in 0..n {
        out.push(c);
    }
}

/// Inserts separators into `digits`, zero-extending to `min_width` characters
/// (the port of `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(out: &mut String, digits: &str, min_width: i64, group: Option<(char, usize)>) {
    let digits = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut end = digits.len();
    // (zeros, start, end) chunks, rightmost first.
    let mut parts: Vec<(i64, usize, usize)> = Vec::new();
    let mut broken = false;
    if let Some((_, size)) = group {
        let size = size as i64;
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            let zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0) as usize;
            parts.push((zeros, end - n_chars, end));
            end -= n_chars;
            remaining -= n_chars as i64;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        let zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0) as usize;
        parts.push((zeros, end - n_chars, end));
    }
    for (i, &(zeros, a, b)) in parts.iter().rev().enumerate() {
        if let Some((sep, _)) = group.filter(|_| i > 0) {
            out.push(sep);
        }
        push_n(out, '0', zeros);
        for &d in &digits[a..b] {
            out.push(char::from(d));
        }
    }
}

/// Lays out a number in its field (port of `calc_number_widths` + `fill_number`).
pub(crate) fn layout_number(n: &Number, spec: &FormatSpec, group: Option<(char, usize)>) -> String {
    let align = spec.align.unwrap_or(if spec.zero_pad {
        Align::AfterSign
    } else {
        Align::Right
    });
    let fill = spec.fill;
    let sign = match spec.sign {
        Sign::Plus => Some(if n.negative { '-' } else { '+' }),
        Sign::Space => Some(if n.negative { '-' } else { ' ' }),
        _ => n.negative.then_some('-'),
    };
    let non_digit = i64::from(sign.is_some())
        + n.prefix.chars().count() as i64
        + i64::from(n.decimal)
        + n.remainder.chars().count() as i64;
    let width = spec
        .width
        .map_or(-1, |w| i64::try_from(w).unwrap_or(i64::MAX));
    let min_width = if fill == '0' && align == Align::AfterSign {
        width.saturating_sub(non_digit)
    } else {
        0
    };
    let mut grouped = String::new();
    if !n.digits.is_empty() {
        group_digits(&mut grouped, n.digits, min_width, group);
    }
    let padding = width.saturating_sub(non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if padding > 0 {
        match align {
            Align::Left => rpad = padding,
            Align::Center => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            Align::AfterSign => spad = padding,
            Align::Right => lpad = padding,
        }
    }
    let mut out = String::with_capacity(grouped.len() + n.remainder.len() + 8);
    push_n(&mut out, fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(n.prefix);
    push_n(&mut out, fill, spad);
    out.push_str(&grouped);
    if n.decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    push_n(&mut out, fill, rpad);
    out
}

/// Pads `s` (of `len` chars) to `width` with `fill` per `align` (port of `calc_padding`).
pub(crate) fn pad(s: &str, len: usize, width: Option<usize>, align: Align, fill: char) -> String {
    let total = width.map_or(len, |w| w.max(len));
    let lpad = match align {
        Align::Right => total - len,
        Align::Center => (total - len) / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(s.len() + lpad + rpad);
    push_n(&mut out, fill, lpad as i64);
    out.push_str(s);
    push_n(&mut out, fill, rpad as i64);
    out
}

/// `str.__format__`: type `s` or none; precision truncates (by chars); default
/// alignment is left. `type_name` is used in the "Unknown format code" error.
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    check_grouping(spec, 's')?;
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_code(c, type_name)),
    }
    match spec.sign {
        Sign::Default => {}
        Sign::Space => return Err(String::from("Space not allowed in string format specifier")),
        _ => return Err(String::from("Sign not allowed in string format specifier")),
    }
    if spec.z {
        return Err(String::from(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(String::from(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(String::from(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (body, len) = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    Ok(pad(
        body,
        len,
        spec.width,
        spec.align.unwrap_or(Align::Left),
        spec.fill,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{Case, cases};
    use super::*;

    fn fmt(s: &str, spec: &str) -> Result<String, String> {
        let spec = parse_format_spec(spec, "str")?;
        format_str(s, &spec, "str")
    }

    #[test]
    fn parse_fields() {
        let s = parse_format_spec("*^+z#012,.3f", "float").unwrap();
        assert_eq!(s.fill, '*');
        assert_eq!(s.align, Some(Align::Center));
        assert_eq!(s.sign, Sign::Plus);
        assert!(s.z && s.alternate && !s.zero_pad);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        let s = parse_format_spec("010", "int").unwrap();
        assert!(s.zero_pad);
        assert_eq!((s.fill, s.width, s.align), ('0', Some(10), None));
        assert_eq!(parse_format_spec("", "int").unwrap(), FormatSpec::default());
    }

    #[test]
    fn str_cases_from_cpython() {
        let mut n = 0;
        for Case {
            value,
            spec,
            expected,
        } in cases(include_str!("testdata/str.txt"))
        {
            assert_eq!(fmt(&value, &spec), expected, "format({value:?}, {spec:?})");
            n += 1;
        }
        assert!(n > 200, "{n}");
    }
}
