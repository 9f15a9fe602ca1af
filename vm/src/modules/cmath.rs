//! The `cmath` module: complex square root, exponential, logarithms, trigonometric and
//! hyperbolic functions and their inverses, `phase`/`polar`/`rect`, classification and
//! `isclose`, following CPython's formulas (so finite results agree bit for bit) and its
//! errors ("math domain error", "math range error").

use super::add_functions;
use super::math::special::MathError;
use super::math::{arg_f64, host, math_error};
use crate::builtins::args;
use crate::obj::ComplexObj;
use crate::ops::arith::complex_of;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use core::f64::consts::{E, LN_2, LN_10, PI};

/// A complex number as `(re, im)`.
type C = (f64, f64);

const LARGE: f64 = f64::MAX / 4.0;
const LOG_LARGE: f64 = 708.396_418_532_264_1; // log(DBL_MAX / 4)
const MANT_DIG: i32 = 53;

fn sqrt_large() -> f64 {
    libm::sqrt(LARGE)
}

fn sqrt_dbl_min() -> f64 {
    libm::sqrt(f64::MIN_POSITIVE)
}

/// A complex argument: complex, int, float, or an object with `__complex__`, `__float__` or
/// `__index__`.
pub fn arg_complex(vm: &mut Vm, v: Value) -> PyResult<C> {
    if let Some(c) = v.as_ref::<ComplexObj>() {
        return Ok((c.re, c.im));
    }
    if (crate::ops::cmp::float_of(v).is_some() || crate::obj::int::is_int(v))
        && let Some(c) = complex_of(v)
    {
        if crate::obj::int::is_int(v) && c.0.is_infinite() {
            return Err(vm.overflow_error("int too large to convert to float"));
        }
        return Ok(c);
    }
    if let Some(r) = crate::ops::attr::call_special(vm, v, "__complex__", &[])? {
        return match r.as_ref::<ComplexObj>() {
            Some(c) => Ok((c.re, c.im)),
            None => {
                let t = vm.type_name(r);
                Err(vm.type_error(format!("__complex__ returned non-complex (type {t})")))
            }
        };
    }
    Ok((arg_f64(vm, v)?, 0.0))
}

fn sqrt(z: C) -> C {
    let (re, im) = z;
    if !re.is_finite() || !im.is_finite() {
        if im.is_infinite() {
            return (f64::INFINITY, im);
        }
        if re == f64::NEG_INFINITY {
            return (
                if im.is_nan() { f64::NAN } else { 0.0 },
                libm::copysign(f64::INFINITY, im),
            );
        }
        if re == f64::INFINITY {
            return (
                re,
                if im.is_nan() {
                    f64::NAN
                } else {
                    libm::copysign(0.0, im)
                },
            );
        }
        return (f64::NAN, f64::NAN);
    }
    if re == 0.0 && im == 0.0 {
        return (0.0, im);
    }
    let (mut ax, ay) = (re.abs(), im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) would be subnormal: scale up first.
        ax = libm::ldexp(ax, MANT_DIG);
        libm::ldexp(
            libm::sqrt(ax + host::hypot(ax, libm::ldexp(ay, MANT_DIG))),
            -(MANT_DIG + 1) / 2,
        )
    } else {
        ax /= 8.0;
        2.0 * libm::sqrt(ax + host::hypot(ax, ay / 8.0))
    };
    let d = ay / (2.0 * s);
    if re >= 0.0 {
        (s, libm::copysign(d, im))
    } else {
        (d, libm::copysign(s, im))
    }
}

fn exp(z: C) -> Result<C, MathError> {
    let (re, im) = z;
    if !re.is_finite() || !im.is_finite() {
        if re == f64::NEG_INFINITY && !im.is_finite() {
            return Ok((0.0, 0.0));
        }
        if re.is_infinite() && im == 0.0 {
            return Ok((if re > 0.0 { re } else { 0.0 }, im));
        }
        if re == f64::INFINITY && !im.is_finite() {
            return if im.is_infinite() {
                Err(MathError::Domain)
            } else {
                Ok((re, f64::NAN))
            };
        }
        if re.is_infinite() {
            let m = if re > 0.0 { f64::INFINITY } else { 0.0 };
            return Ok((m * host::cos(im), m * host::sin(im)));
        }
        if im.is_infinite() && re.is_finite() {
            return Err(MathError::Domain);
        }
        return Ok((f64::NAN, if im == 0.0 { im } else { f64::NAN }));
    }
    let r = if re > LOG_LARGE {
        let l = host::exp(re - 1.0);
        (l * host::cos(im) * E, l * host::sin(im) * E)
    } else {
        let l = host::exp(re);
        (l * host::cos(im), l * host::sin(im))
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        Err(MathError::Range)
    } else {
        Ok(r)
    }
}

fn log(z: C) -> Result<C, MathError> {
    let (re, im) = z;
    if !re.is_finite() || !im.is_finite() {
        if re.is_nan() || im.is_nan() {
            let r = if re.is_infinite() || im.is_infinite() {
                f64::INFINITY
            } else {
                f64::NAN
            };
            return Ok((r, f64::NAN));
        }
        return Ok((f64::INFINITY, host::atan2(im, re)));
    }
    let (ax, ay) = (re.abs(), im.abs());
    let real = if ax > LARGE || ay > LARGE {
        host::log(host::hypot(ax / 2.0, ay / 2.0)) + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            host::log(host::hypot(
                libm::ldexp(ax, MANT_DIG),
                libm::ldexp(ay, MANT_DIG),
            )) - MANT_DIG as f64 * LN_2
        } else {
            return Err(MathError::Domain);
        }
    } else {
        let h = host::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            host::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            host::log(h)
        }
    };
    Ok((real, host::atan2(im, re)))
}

/// Complex division as CPython's `_Py_c_quot` (`None` for a zero divisor).
fn quot(a: C, b: C) -> Option<C> {
    let (abr, abi) = (b.0.abs(), b.1.abs());
    if abr >= abi {
        if abr == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abi >= abr {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn overflow_check(r: C, z: C) -> Result<C, MathError> {
    if (r.0.is_infinite() || r.1.is_infinite()) && z.0.is_finite() && z.1.is_finite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

fn sinh(z: C) -> Result<C, MathError> {
    let (re, im) = z;
    let r = if re.abs() > LOG_LARGE {
        let x1 = re - libm::copysign(1.0, re);
        (
            host::cos(im) * host::sinh(x1) * E,
            host::sin(im) * host::cosh(x1) * E,
        )
    } else {
        (
            host::cos(im) * host::sinh(re),
            host::sin(im) * host::cosh(re),
        )
    };
    overflow_check(r, z)
}

fn cosh(z: C) -> Result<C, MathError> {
    let (re, im) = z;
    let r = if re.abs() > LOG_LARGE {
        let x1 = re - libm::copysign(1.0, re);
        (
            host::cos(im) * host::cosh(x1) * E,
            host::sin(im) * host::sinh(x1) * E,
        )
    } else {
        (
            host::cos(im) * host::cosh(re),
            host::sin(im) * host::sinh(re),
        )
    };
    overflow_check(r, z)
}

fn tanh(z: C) -> Result<C, MathError> {
    let (re, im) = z;
    if re.abs() > LOG_LARGE {
        return Ok((
            libm::copysign(1.0, re),
            4.0 * host::sin(im) * host::cos(im) * host::exp(-2.0 * re.abs()),
        ));
    }
    let tx = host::tanh(re);
    let ty = host::tan(im);
    let cx = 1.0 / host::cosh(re);
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

fn asinh(z: C) -> Result<C, MathError> {
    let (re, im) = z;
    if re.abs() > sqrt_large() || im.abs() > sqrt_large() {
        let l = host::log(host::hypot(re / 2.0, im / 2.0)) + LN_2 * 2.0;
        let real = if im >= 0.0 {
            libm::copysign(l, re)
        } else {
            -libm::copysign(l, -re)
        };
        return Ok((real, host::atan2(im, re.abs())));
    }
    let s1 = sqrt((1.0 + im, -re));
    let s2 = sqrt((1.0 - im, re));
    Ok((
        libm::asinh(s1.0 * s2.1 - s2.0 * s1.1),
        host::atan2(im, s1.0 * s2.0 - s1.1 * s2.1),
    ))
}

fn acos(z: C) -> Result<C, MathError> {
    let (re, im) = z;
    if re.abs() > LARGE || im.abs() > LARGE {
        let l = host::log(host::hypot(re / 2.0, im / 2.0)) + LN_2 * 2.0;
        let imag = if re < 0.0 {
            -libm::copysign(l, im)
        } else {
            libm::copysign(l, -im)
        };
        return Ok((host::atan2(im.abs(), re), imag));
    }
    let s1 = sqrt((1.0 - re, -im));
    let s2 = sqrt((1.0 + re, im));
    Ok((
        2.0 * host::atan2(s1.0, s2.0),
        libm::asinh(s2.0 * s1.1 - s2.1 * s1.0),
    ))
}

fn acosh(z: C) -> Result<C, MathError> {
    let (re, im) = z;
    if re.abs() > LARGE || im.abs() > LARGE {
        return Ok((
            host::log(host::hypot(re / 2.0, im / 2.0)) + LN_2 * 2.0,
            host::atan2(im, re),
        ));
    }
    let s1 = sqrt((re - 1.0, im));
    let s2 = sqrt((re + 1.0, im));
    Ok((
        libm::asinh(s1.0 * s2.0 + s1.1 * s2.1),
        2.0 * host::atan2(s1.1, s2.0),
    ))
}

fn atanh(z: C) -> Result<C, MathError> {
    let (re, im) = z;
    if re < 0.0 {
        let r = atanh((-re, -im))?;
        return Ok((-r.0, -r.1));
    }
    let ay = im.abs();
    if re > sqrt_large() || ay > sqrt_large() {
        let h = host::hypot(re / 2.0, im / 2.0);
        return Ok((re / 4.0 / h / h, -libm::copysign(PI / 2.0, -im)));
    }
    if re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return Err(MathError::Domain);
        }
        let real = -host::log(libm::sqrt(ay) / libm::sqrt(host::hypot(ay, 2.0)));
        return Ok((real, libm::copysign(host::atan2(2.0, -ay) / 2.0, im)));
    }
    let real = host::log1p(4.0 * re / ((1.0 - re) * (1.0 - re) + ay * ay)) / 4.0;
    let imag = -host::atan2(-2.0 * im, (1.0 - re) * (1.0 + re) - ay * ay) / 2.0;
    Ok((real, imag))
}

/// `f(z)` through `g(i*z)`: `sin`, `tan`, `asin`, `atan` from the hyperbolic functions.
fn rotated(z: C, g: fn(C) -> Result<C, MathError>) -> Result<C, MathError> {
    let s = g((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn sin(z: C) -> Result<C, MathError> {
    rotated(z, sinh)
}

fn tan(z: C) -> Result<C, MathError> {
    rotated(z, tanh)
}

fn asin(z: C) -> Result<C, MathError> {
    rotated(z, asinh)
}

fn atan(z: C) -> Result<C, MathError> {
    rotated(z, atanh)
}

fn cos(z: C) -> Result<C, MathError> {
    cosh((-z.1, z.0))
}

fn log10(z: C) -> Result<C, MathError> {
    let r = log(z)?;
    Ok((r.0 / LN_10, r.1 / LN_10))
}

/// Exactly one argument: `sqrt() takes exactly one argument (0 given)`... CPython's wording.
fn one_arg(vm: &mut Vm, name: &str, a: &[Value], kw: Value) -> PyResult<C> {
    args::no_kw(vm, name, kw)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    arg_complex(vm, a[0])
}

fn apply(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    f: fn(C) -> Result<C, MathError>,
) -> PyResult<Value> {
    let z = one_arg(vm, name, a, kw)?;
    match f(z) {
        Ok(r) => vm.new_complex(r.0, r.1),
        Err(e) => Err(math_error(vm, e)),
    }
}

macro_rules! cfuncs {
    ($($fname:ident = $name:literal, $f:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                apply(vm, a, kw, $name, $f)
            }
        )*
    };
}

cfuncs! {
    c_sqrt = "sqrt", |z| Ok(sqrt(z));
    c_exp = "exp", exp;
    c_log10 = "log10", log10;
    c_sin = "sin", sin;
    c_cos = "cos", cos;
    c_tan = "tan", tan;
    c_asin = "asin", asin;
    c_acos = "acos", acos;
    c_atan = "atan", atan;
    c_sinh = "sinh", sinh;
    c_cosh = "cosh", cosh;
    c_tanh = "tanh", tanh;
    c_asinh = "asinh", asinh;
    c_acosh = "acosh", acosh;
    c_atanh = "atanh", atanh;
}

fn c_log(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "log", kw)?;
    if a.is_empty() || a.len() > 2 {
        let msg = if a.is_empty() {
            alloc::string::String::from("log expected at least 1 argument, got 0")
        } else {
            format!("log expected at most 2 arguments, got {}", a.len())
        };
        return Err(vm.type_error(msg));
    }
    let z = arg_complex(vm, a[0])?;
    let mut r = log(z).map_err(|e| math_error(vm, e))?;
    if a.len() == 2 {
        let b = arg_complex(vm, a[1])?;
        let lb = log(b).map_err(|e| math_error(vm, e))?;
        r = match quot(r, lb) {
            Some(q) => q,
            None => return Err(math_error(vm, MathError::Domain)),
        };
    }
    vm.new_complex(r.0, r.1)
}

fn c_phase(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let z = one_arg(vm, "phase", a, kw)?;
    vm.new_float(host::atan2(z.1, z.0))
}

fn c_polar(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let z = one_arg(vm, "polar", a, kw)?;
    let r = host::hypot(z.0, z.1);
    if r.is_infinite() && z.0.is_finite() && z.1.is_finite() {
        return Err(math_error(vm, MathError::Range));
    }
    let r = vm.new_float(r)?;
    let phi = vm.new_float(host::atan2(z.1, z.0))?;
    vm.new_tuple(&[r, phi])
}

fn c_rect(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "rect", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("rect expected 2 arguments, got {}", a.len())));
    }
    let r = arg_f64(vm, a[0])?;
    let phi = arg_f64(vm, a[1])?;
    if r.is_finite() && phi.is_infinite() {
        if r == 0.0 {
            return vm.new_complex(0.0, 0.0);
        }
        return Err(math_error(vm, MathError::Domain));
    }
    let z = if phi == 0.0 {
        (r, r * phi)
    } else {
        (r * host::cos(phi), r * host::sin(phi))
    };
    vm.new_complex(z.0, z.1)
}

fn c_isfinite(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let z = one_arg(vm, "isfinite", a, kw)?;
    Ok(Value::from_bool(z.0.is_finite() && z.1.is_finite()))
}

fn c_isinf(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let z = one_arg(vm, "isinf", a, kw)?;
    Ok(Value::from_bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn c_isnan(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let z = one_arg(vm, "isnan", a, kw)?;
    Ok(Value::from_bool(z.0.is_nan() || z.1.is_nan()))
}

fn c_isclose(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let npos = a.len() - crate::obj::tuple::items(kw).len();
    if npos > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let [x, y, _, rel, abs] = args::parse(
        vm,
        "isclose",
        a,
        kw,
        ["a", "b", "*", "rel_tol", "abs_tol"],
        2,
    )?;
    let x = arg_complex(vm, x)?;
    let y = arg_complex(vm, y)?;
    let rel = if rel.is_null() {
        1e-9
    } else {
        arg_f64(vm, rel)?
    };
    let abs = if abs.is_null() {
        0.0
    } else {
        arg_f64(vm, abs)?
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.0.is_infinite() || x.1.is_infinite() || y.0.is_infinite() || y.1.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = host::hypot(x.0 - y.0, x.1 - y.1);
    let close =
        diff <= rel * host::hypot(y.0, y.1) || diff <= rel * host::hypot(x.0, x.1) || diff <= abs;
    Ok(Value::from_bool(close))
}

/// Build the `cmath` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("cmath")?;
    add_functions(
        vm,
        m,
        &[
            ("sqrt", c_sqrt),
            ("exp", c_exp),
            ("log", c_log),
            ("log10", c_log10),
            ("sin", c_sin),
            ("cos", c_cos),
            ("tan", c_tan),
            ("asin", c_asin),
            ("acos", c_acos),
            ("atan", c_atan),
            ("sinh", c_sinh),
            ("cosh", c_cosh),
            ("tanh", c_tanh),
            ("asinh", c_asinh),
            ("acosh", c_acosh),
            ("atanh", c_atanh),
            ("phase", c_phase),
            ("polar", c_polar),
            ("rect", c_rect),
            ("isfinite", c_isfinite),
            ("isinf", c_isinf),
            ("isnan", c_isnan),
            ("isclose", c_isclose),
        ],
    )?;
    let d = vm.module_dict(m);
    for (name, x) in [
        ("pi", PI),
        ("e", E),
        ("tau", core::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = vm.new_float(x)?;
        vm.dict_set_str(d, name, f)?;
    }
    let infj = vm.new_complex(0.0, f64::INFINITY)?;
    vm.dict_set_str(d, "infj", infj)?;
    let nanj = vm.new_complex(0.0, f64::NAN)?;
    vm.dict_set_str(d, "nanj", nanj)?;
    Ok(m)
}
