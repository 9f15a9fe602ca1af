//! `complex`: construction, arithmetic, `**`, and formatting.

use super::num_methods::{Num, check};
use super::{MethodDef, method, staticmethod};
use crate::builtins::args;
use crate::obj::ComplexObj;
use crate::ops::cmp::float_of;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;
use frontend::bytecode::BinaryOperator as B;

/// Arithmetic on complex operands; `Ok(None)` for unsupported operators.
pub fn complex_binary(vm: &mut Vm, op: B, x: (f64, f64), y: (f64, f64)) -> PyResult<Option<Value>> {
    let (a, b) = x;
    let (c, d) = y;
    let r = match op {
        B::Add => (a + c, b + d),
        B::Sub => (a - c, b - d),
        B::Mul => (a * c - b * d, a * d + b * c),
        B::TrueDiv => {
            if c == 0.0 && d == 0.0 {
                return Err(vm.zero_division("complex division by zero"));
            }
            complex_div(a, b, c, d)
        }
        B::Pow => return complex_pow_value(vm, x, y).map(Some),
        _ => return Ok(None),
    };
    vm.new_complex(r.0, r.1).map(Some)
}

fn complex_div(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    // Smith's algorithm, as CPython.
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + d * ratio;
        ((a + b * ratio) / denom, (b - a * ratio) / denom)
    } else {
        let ratio = c / d;
        let denom = c * ratio + d;
        ((a * ratio + b) / denom, (b * ratio - a) / denom)
    }
}

/// `x ** y` for complex numbers.
pub fn complex_pow_value(vm: &mut Vm, x: (f64, f64), y: (f64, f64)) -> PyResult<Value> {
    let (a, b) = x;
    let (c, d) = y;
    if c == 0.0 && d == 0.0 {
        return vm.new_complex(1.0, 0.0);
    }
    if a == 0.0 && b == 0.0 {
        if d != 0.0 || c < 0.0 {
            return Err(vm.zero_division("0.0 to a negative or complex power"));
        }
        return vm.new_complex(0.0, 0.0);
    }
    // Integer exponents by repeated multiplication (as CPython, for accuracy).
    if d == 0.0 && c == libm::trunc(c) && c.abs() <= 100.0 {
        let mut n = c.abs() as u32;
        let mut result = (1.0, 0.0);
        let mut base = (a, b);
        while n > 0 {
            if n & 1 == 1 {
                result = (
                    result.0 * base.0 - result.1 * base.1,
                    result.0 * base.1 + result.1 * base.0,
                );
            }
            base = (base.0 * base.0 - base.1 * base.1, 2.0 * base.0 * base.1);
            n >>= 1;
        }
        if c < 0.0 {
            result = complex_div(1.0, 0.0, result.0, result.1);
        }
        if result.0.is_infinite() || result.1.is_infinite() {
            return Err(vm.overflow_error("complex exponentiation"));
        }
        return vm.new_complex(result.0, result.1);
    }
    let vabs = crate::modules::math::host::hypot(a, b);
    let len = crate::modules::math::host::pow(vabs, c);
    let at = crate::modules::math::host::atan2(b, a);
    let mut phase = at * c;
    let mut len = len;
    if d != 0.0 {
        len /= crate::modules::math::host::exp(at * d);
        phase += d * crate::modules::math::host::log(vabs);
    }
    let (re, im) = (
        len * crate::modules::math::host::cos(phase),
        len * crate::modules::math::host::sin(phase),
    );
    if re.is_infinite() || im.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    vm.new_complex(re, im)
}

/// `repr(complex)`: `1j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)`.
pub fn repr(re: f64, im: f64) -> String {
    let flags = crate::format::DtoaFlags::default();
    let imag = crate::format::double_to_string(im, 'r', 0, flags);
    if re == 0.0 && re.is_sign_positive() {
        return alloc::format!("{imag}j");
    }
    let real = crate::format::double_to_string(re, 'r', 0, flags);
    let sign = if imag.starts_with('-') { "" } else { "+" };
    alloc::format!("({real}{sign}{imag}j)")
}

/// Insert a thousands separator into the integer digits of a formatted number.
fn group_digits(s: &str, sep: char) -> String {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (int, rest) = s.split_at(end);
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out.push_str(rest);
    out
}

/// `format(complex, spec)` for a non-empty spec, as CPython's `format_complex_internal`.
pub fn format_complex(re: f64, im: f64, spec: &str) -> Result<String, String> {
    use crate::format::{Align, Sign};
    if spec.is_empty() {
        return Ok(repr(re, im));
    }
    let sp = crate::format::parse_format_spec(spec, "complex")?;
    if sp.zero_pad {
        return Err(String::from(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if sp.align == Some(Align::AfterSign) {
        return Err(String::from(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (mut code, mut skip_re, mut parens) = (sp.ty.unwrap_or('r'), false, false);
    let mut precision = sp.precision.unwrap_or(6);
    match sp.ty {
        None => {
            if sp.precision.is_some() {
                code = 'g';
            } else {
                precision = 0;
            }
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                parens = true;
            }
        }
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G') => {}
        Some('n') => code = 'g',
        Some(c) => {
            let shown = if (c as u32) > 32 && (c as u32) < 128 {
                alloc::format!("{c}")
            } else {
                alloc::format!("\\x{:x}", c as u32)
            };
            return Err(alloc::format!(
                "Unknown format code '{shown}' for object of type 'complex'"
            ));
        }
    }
    let flags = crate::format::DtoaFlags {
        alt: sp.alternate,
        no_neg_0: sp.z,
        ..Default::default()
    };
    let part = |x: f64, sign: Sign| -> String {
        let s = crate::format::double_to_string(x, code, precision, flags);
        let (neg, digits) = match s.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, s.as_str()),
        };
        let digits = match sp.grouping {
            Some(g) if digits.starts_with(|c: char| c.is_ascii_digit()) => group_digits(digits, g),
            _ => String::from(digits),
        };
        let sign = match (neg, sign) {
            (true, _) => "-",
            (false, Sign::Plus) => "+",
            (false, Sign::Space) => " ",
            _ => "",
        };
        alloc::format!("{sign}{digits}")
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, sp.sign));
    }
    body.push_str(&part(im, if skip_re { sp.sign } else { Sign::Plus }));
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    let width = sp.width.unwrap_or(0);
    if len >= width {
        return Ok(body);
    }
    let padn = width - len;
    let (left, right) = match sp.align.unwrap_or(Align::Right) {
        Align::Left => (0, padn),
        Align::Center => (padn / 2, padn - padn / 2),
        _ => (padn, 0),
    };
    let mut out = String::with_capacity(width + 4);
    out.extend(core::iter::repeat_n(sp.fill, left));
    out.push_str(&body);
    out.extend(core::iter::repeat_n(sp.fill, right));
    Ok(out)
}

fn complex_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [real, imag] = args::parse(vm, "complex", &a[1..], kwnames, ["real", "imag"], 0)?;
    let (re, im) = if let Some(s) = vm.str_of(real) {
        if !imag.is_null() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let s = String::from(s);
        match parse_complex(&s) {
            Some(z) => z,
            None => return Err(vm.value_error("complex() arg is a malformed string")),
        }
    } else {
        if vm.str_of(imag).is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
        let (mut re, i1, real_complex) = if real.is_null() {
            (0.0, 0.0, false)
        } else {
            number(vm, real, "first argument must be a string or")?
        };
        let (mut im, i2, imag_complex) = if imag.is_null() {
            (0.0, 0.0, false)
        } else {
            number(vm, imag, "second argument must be")?
        };
        if imag_complex {
            re -= i2;
        }
        if real_complex {
            im += i1;
        }
        (re, im)
    };
    if a[0] == Value::from_obj(vm.types.complex) {
        return vm.new_complex(re, im);
    }
    let ty = a[0].downcast::<crate::obj::TypeObj>().expect("type");
    vm.alloc_instance(
        ty,
        ComplexObj {
            header: crate::obj::Header::new(ty),
            re,
            im,
        },
    )
}

/// A `complex()` argument as `(re, im, is_complex)`.
fn number(vm: &mut Vm, v: Value, what: &str) -> PyResult<(f64, f64, bool)> {
    if let Some(c) = v.as_ref::<ComplexObj>() {
        return Ok((c.re, c.im, true));
    }
    if let Some(f) = float_of(v) {
        return Ok((f, 0.0, false));
    }
    if !crate::obj::int::is_int(v) {
        if let Some(r) = crate::ops::attr::call_special(vm, v, "__complex__", &[])? {
            return match r.as_ref::<ComplexObj>() {
                Some(c) => Ok((c.re, c.im, true)),
                None => {
                    let t = vm.type_name(r);
                    Err(vm.type_error(alloc::format!(
                        "__complex__ returned non-complex (type {t})"
                    )))
                }
            };
        }
        let ty = vm.type_of(v);
        let has = |vm: &mut Vm, n: &str| -> PyResult<bool> {
            let n = vm.intern(n);
            Ok(crate::obj::typeobj::lookup(vm, &ty, n)?.is_some())
        };
        if !has(vm, "__float__")? && !has(vm, "__index__")? {
            let t = vm.type_name(v);
            return Err(vm.type_error(alloc::format!("complex() {what} a number, not '{t}'")));
        }
    }
    let f = super::float::to_float(vm, v)?;
    Ok((f, 0.0, false))
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let s = s.trim();
    let s = s
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(s)
        .trim();
    if let Some(body) = s.strip_suffix(['j', 'J']) {
        if body.is_empty() || body == "+" {
            return Some((0.0, 1.0));
        }
        if body == "-" {
            return Some((0.0, -1.0));
        }
        // Find the split between real and imaginary parts: the last +/- not after an 'e'.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        return match split {
            Some(i) => {
                let re = crate::format::parse_float(&body[..i])?;
                let im_s = &body[i..];
                let im = match im_s {
                    "+" => 1.0,
                    "-" => -1.0,
                    _ => crate::format::parse_float(im_s)?,
                };
                Some((re, im))
            }
            None => Some((0.0, crate::format::parse_float(body)?)),
        };
    }
    Some((crate::format::parse_float(s)?, 0.0))
}

fn complex_conjugate(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let (r, i) = unary_self(vm, a, kwnames, "conjugate")?;
    vm.new_complex(r, -i)
}

/// The `(re, im)` of a unary special method's `self`.
fn unary_self(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<(f64, f64)> {
    check(vm, a, kw, name, Num::Complex, 0)?;
    let c = a[0].as_ref::<ComplexObj>().expect("checked complex");
    Ok((c.re, c.im))
}

fn complex_neg(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (r, i) = unary_self(vm, a, kw, "__neg__")?;
    vm.new_complex(-r, -i)
}

fn complex_pos(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (r, i) = unary_self(vm, a, kw, "__pos__")?;
    vm.new_complex(r, i)
}

/// `abs(z)`, with CPython's overflow error.
pub fn complex_abs_value(vm: &mut Vm, r: f64, i: f64) -> PyResult<f64> {
    let h = crate::modules::math::host::hypot(r, i);
    if h.is_infinite() && r.is_finite() && i.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(h)
}

fn complex_abs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (r, i) = unary_self(vm, a, kw, "__abs__")?;
    let h = complex_abs_value(vm, r, i)?;
    vm.new_float(h)
}

fn complex_bool(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (r, i) = unary_self(vm, a, kw, "__bool__")?;
    Ok(Value::from_bool(r != 0.0 || i != 0.0))
}

/// CPython's hash of a complex number.
pub fn complex_hash(r: f64, i: f64) -> isize {
    let hr = crate::ops::cmp::hash_float(r) as usize;
    let hi = crate::ops::cmp::hash_float(i) as usize;
    let h = hr.wrapping_add(hi.wrapping_mul(1_000_003)) as isize;
    if h == -1 { -2 } else { h }
}

fn complex_hash_m(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (r, i) = unary_self(vm, a, kw, "__hash__")?;
    vm.int_from_i64(complex_hash(r, i) as i64)
}

fn complex_repr_m(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (r, i) = unary_self(vm, a, kw, "__repr__")?;
    vm.new_str(&repr(r, i))
}

fn complex_format(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let spec = super::num_methods::format_spec_arg(vm, a, kw, Num::Complex)?;
    if spec.is_empty() {
        return vm.str(a[0]);
    }
    let c = a[0].as_ref::<ComplexObj>().expect("checked complex");
    match format_complex(c.re, c.im, &spec) {
        Ok(s) => vm.new_str(&s),
        Err(m) => Err(super::num_methods::format_error(vm, m)),
    }
}

fn complex_complex(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (r, i) = unary_self(vm, a, kw, "__complex__")?;
    if vm.type_of(a[0]) == vm.types.complex {
        return Ok(a[0]);
    }
    vm.new_complex(r, i)
}

fn complex_getnewargs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (r, i) = unary_self(vm, a, kw, "__getnewargs__")?;
    let r = vm.new_float(r)?;
    let i = vm.new_float(i)?;
    vm.new_tuple(&[r, i])
}

/// The unary, hashing and formatting special methods of `complex`.
pub const UNARY: &[MethodDef] = &[
    method("__neg__", complex_neg),
    method("__pos__", complex_pos),
    method("__abs__", complex_abs),
    method("__bool__", complex_bool),
    method("__hash__", complex_hash_m),
    method("__repr__", complex_repr_m),
    method("__format__", complex_format),
    method("__complex__", complex_complex),
    method("__getnewargs__", complex_getnewargs),
];

/// Install `complex` methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.complex;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", complex_new),
            method("conjugate", complex_conjugate),
        ],
    )
}
