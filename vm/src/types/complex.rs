//! `complex`: construction, arithmetic, `**`, and formatting.

use super::{method, staticmethod};
use crate::builtins::args;
use crate::ops::arith::complex_of;
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
                result = (result.0 * base.0 - result.1 * base.1, result.0 * base.1 + result.1 * base.0);
            }
            base = (base.0 * base.0 - base.1 * base.1, 2.0 * base.0 * base.1);
            n >>= 1;
        }
        if c < 0.0 {
            result = complex_div(1.0, 0.0, result.0, result.1);
        }
        return vm.new_complex(result.0, result.1);
    }
    let vabs = libm::hypot(a, b);
    let len = libm::pow(vabs, c);
    let at = libm::atan2(b, a);
    let mut phase = at * c;
    let mut len = len;
    if d != 0.0 {
        len /= libm::exp(at * d);
        phase += d * libm::log(vabs);
    }
    vm.new_complex(len * libm::cos(phase), len * libm::sin(phase))
}

/// `format(complex, spec)`.
pub fn format_complex(re: f64, im: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(crate::ops::format::complex_repr(re, im));
    }
    let sp = crate::format::parse_format_spec(spec, "complex")?;
    let mut re_spec = sp.clone();
    re_spec.width = None;
    re_spec.align = None;
    let mut im_spec = re_spec.clone();
    im_spec.sign = crate::format::Sign::Plus;
    let r = crate::format::format_float(re, &re_spec, "complex")?;
    let i = crate::format::format_float(im, &im_spec, "complex")?;
    let body = if sp.ty.is_none() { alloc::format!("({r}{i}j)") } else { alloc::format!("{r}{i}j") };
    let mut outer = sp;
    outer.ty = Some('s');
    outer.sign = crate::format::Sign::Default;
    crate::format::format_str(&body, &outer, "complex")
}

fn complex_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [real, imag] = args::parse(vm, "complex", &a[1..], kwnames, ["real", "imag"], 0)?;
    if let Some(s) = vm.str_of(real) {
        if !imag.is_null() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let s = String::from(s);
        return match parse_complex(&s) {
            Some((r, i)) => vm.new_complex(r, i),
            None => Err(vm.value_error("complex() arg is a malformed string")),
        };
    }
    let (r1, i1) = if real.is_null() { (0.0, 0.0) } else { number(vm, real)? };
    let (r2, i2) = if imag.is_null() { (0.0, 0.0) } else { number(vm, imag)? };
    vm.new_complex(r1 - i2, i1 + r2)
}

fn number(vm: &mut Vm, v: Value) -> PyResult<(f64, f64)> {
    if let Some(c) = complex_of(v) {
        return Ok(c);
    }
    if let Some(r) = crate::ops::attr::call_special(vm, v, "__complex__", &[])? {
        if let Some(c) = complex_of(r) {
            return Ok(c);
        }
    }
    let f = super::float::to_float(vm, v)?;
    Ok((f, 0.0))
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let s = s.trim();
    let s = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(s).trim();
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
    args::exact(vm, "conjugate", a, kwnames, 1)?;
    let (r, i) = complex_of(a[0]).ok_or_else(|| vm.type_error("descriptor requires a 'complex' object"))?;
    vm.new_complex(r, -i)
}

/// Install `complex` methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.complex;
    vm.add_methods(ty, &[staticmethod("__new__", complex_new), method("conjugate", complex_conjugate)])
}
