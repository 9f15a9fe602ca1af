//! The `math` module: CPython's functions and constants with its special cases and errors
//! ("math domain error" ValueError, "math range error" OverflowError). Floating-point work uses
//! the `libm` crate; `gamma`, `lgamma`, `hypot`, `dist` and `fsum` follow CPython's own
//! algorithms (`math/special.rs`); integer functions (`factorial`, `comb`, `gcd`...) are in
//! `math/integer.rs`.

pub mod host;
mod integer;
pub mod special;

use super::add_functions;
use crate::builtins::args;
use crate::obj::int::{is_int, to_bigint};
use crate::ops::cmp::float_of;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;
use num_traits::{Signed, ToPrimitive};
use special::MathError;

/// A math error as CPython's exception.
pub fn math_error(vm: &mut Vm, e: MathError) -> PyErr {
    match e {
        MathError::Domain => vm.value_error("math domain error"),
        MathError::Range => vm.overflow_error("math range error"),
    }
}

/// A real-number argument as `f64` (`float(x)` for numbers and objects with `__float__` or
/// `__index__`), with CPython's errors.
pub fn arg_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = float_of(v) {
        return Ok(f);
    }
    if is_int(v) {
        return Ok(crate::ops::arith::to_f64(vm, v)?.expect("int"));
    }
    if let Some(r) = crate::ops::attr::call_special(vm, v, "__float__", &[])? {
        return match float_of(r) {
            Some(f) => Ok(f),
            None => {
                let (t, rt) = (vm.type_name(v), vm.type_name(r));
                Err(vm.type_error(format!("{t}.__float__ returned non-float (type {rt})")))
            }
        };
    }
    if crate::ops::attr::call_special(vm, v, "__index__", &[])?.is_some() {
        let b = crate::ops::arith::index_bigint(vm, v)?;
        let f = crate::ops::arith::bigint_to_f64(&b);
        if f.is_infinite() {
            return Err(vm.overflow_error("int too large to convert to float"));
        }
        return Ok(f);
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {t}")))
}

/// Exactly one positional argument (`math.sqrt() takes exactly one argument (0 given)`).
fn one_arg(vm: &mut Vm, name: &str, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, &format!("math.{name}"), kw)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    Ok(a[0])
}

/// Exactly `n` positional arguments (`atan2 expected 2 arguments, got 1`).
fn n_args(vm: &mut Vm, name: &str, a: &[Value], kw: Value, n: usize) -> PyResult<()> {
    args::no_kw(vm, name, kw)?;
    if a.len() != n {
        return Err(vm.type_error(format!("{name} expected {n} arguments, got {}", a.len())));
    }
    Ok(())
}

/// Check a float result the way CPython's `math_1` does.
fn check_result(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(math_error(vm, MathError::Domain));
    }
    if r.is_infinite() && x.is_finite() {
        let e = if can_overflow {
            MathError::Range
        } else {
            MathError::Domain
        };
        return Err(math_error(vm, e));
    }
    vm.new_float(r)
}

/// A one-argument function of a float.
fn math_1(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let v = one_arg(vm, name, a, kw)?;
    let x = arg_f64(vm, v)?;
    check_result(vm, x, f(x), can_overflow)
}

macro_rules! unary {
    ($($fname:ident = $name:literal, $f:expr, $ovf:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                math_1(vm, a, kw, $name, $f, $ovf)
            }
        )*
    };
}

unary! {
    m_acos = "acos", host::acos, false;
    m_acosh = "acosh", libm::acosh, false;
    m_asin = "asin", host::asin, false;
    m_asinh = "asinh", libm::asinh, false;
    m_atan = "atan", host::atan, false;
    m_atanh = "atanh", libm::atanh, false;
    m_cbrt = "cbrt", host::cbrt, false;
    m_cos = "cos", host::cos, false;
    m_cosh = "cosh", host::cosh, true;
    m_erf = "erf", libm::erf, false;
    m_erfc = "erfc", libm::erfc, false;
    m_exp = "exp", host::exp, true;
    m_exp2 = "exp2", host::exp2, true;
    m_expm1 = "expm1", host::expm1, true;
    m_fabs = "fabs", libm::fabs, false;
    m_log1p = "log1p", host::log1p, false;
    m_sin = "sin", host::sin, false;
    m_sinh = "sinh", host::sinh, true;
    m_sqrt = "sqrt", libm::sqrt, false;
    m_tan = "tan", host::tan, false;
    m_tanh = "tanh", host::tanh, false;
}

fn m_gamma(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "gamma", a, kw)?;
    let x = arg_f64(vm, v)?;
    match special::gamma(x) {
        Ok(r) => vm.new_float(r),
        Err(e) => Err(math_error(vm, e)),
    }
}

fn m_lgamma(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "lgamma", a, kw)?;
    let x = arg_f64(vm, v)?;
    match special::lgamma(x) {
        Ok(r) => vm.new_float(r),
        Err(e) => Err(math_error(vm, e)),
    }
}

fn m_degrees(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "degrees", a, kw)?;
    let x = arg_f64(vm, v)?;
    vm.new_float(x * (180.0 / core::f64::consts::PI))
}

fn m_radians(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "radians", a, kw)?;
    let x = arg_f64(vm, v)?;
    vm.new_float(x * (core::f64::consts::PI / 180.0))
}

fn m_isfinite(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "isfinite", a, kw)?;
    let x = arg_f64(vm, v)?;
    Ok(Value::from_bool(x.is_finite()))
}

fn m_isinf(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "isinf", a, kw)?;
    let x = arg_f64(vm, v)?;
    Ok(Value::from_bool(x.is_infinite()))
}

fn m_isnan(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "isnan", a, kw)?;
    let x = arg_f64(vm, v)?;
    Ok(Value::from_bool(x.is_nan()))
}

/// `floor`/`ceil`: exact floats directly, else the `__floor__`/`__ceil__` method, else float().
fn rounding(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = one_arg(vm, name, a, kw)?;
    let exact_float = float_of(v).is_some() && vm.type_of(v) == vm.types.float;
    if !exact_float {
        if is_int(v) && vm.type_of(v) == vm.types.int {
            return Ok(v);
        }
        if let Some(r) = crate::ops::attr::call_special(vm, v, dunder, &[])? {
            return Ok(r);
        }
    }
    let x = arg_f64(vm, v)?;
    crate::types::float::integral_to_int(vm, f(x))
}

fn m_floor(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    rounding(vm, a, kw, "floor", "__floor__", libm::floor)
}

fn m_ceil(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    rounding(vm, a, kw, "ceil", "__ceil__", libm::ceil)
}

fn m_trunc(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "trunc", a, kw)?;
    if let Some(x) = float_of(v).filter(|_| vm.type_of(v) == vm.types.float) {
        return crate::types::float::integral_to_int(vm, libm::trunc(x));
    }
    match crate::ops::attr::call_special(vm, v, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("type {t} doesn't define __trunc__ method")))
        }
    }
}

/// Two float arguments.
fn two_f64(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<(f64, f64)> {
    n_args(vm, name, a, kw, 2)?;
    let x = arg_f64(vm, a[0])?;
    let y = arg_f64(vm, a[1])?;
    Ok((x, y))
}

/// Check a two-argument result the way CPython's `math_2` does.
fn check_result_2(vm: &mut Vm, x: f64, y: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(math_error(vm, MathError::Domain));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        let e = if can_overflow {
            MathError::Range
        } else {
            MathError::Domain
        };
        return Err(math_error(vm, e));
    }
    vm.new_float(r)
}

fn m_atan2(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (y, x) = two_f64(vm, a, kw, "atan2")?;
    vm.new_float(host::atan2(y, x))
}

fn m_copysign(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two_f64(vm, a, kw, "copysign")?;
    vm.new_float(libm::copysign(x, y))
}

fn m_fmod(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two_f64(vm, a, kw, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return vm.new_float(x);
    }
    let r = libm::fmod(x, y);
    check_result_2(vm, x, y, r, false)
}

fn m_remainder(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two_f64(vm, a, kw, "remainder")?;
    check_result_2(vm, x, y, special::remainder(x, y), false)
}

fn m_nextafter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two_f64(vm, a, kw, "nextafter")?;
    vm.new_float(special::nextafter(x, y))
}

fn m_ulp(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "ulp", a, kw)?;
    let x = arg_f64(vm, v)?;
    vm.new_float(special::ulp(x))
}

/// `math.pow(x, y)` with CPython's handling of infinities, NaNs and errors.
pub fn pow_f64(x: f64, y: f64) -> Result<f64, MathError> {
    if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            return Ok(if y == 0.0 { 1.0 } else { x });
        }
        if y.is_nan() {
            return Ok(if x == 1.0 { 1.0 } else { y });
        }
        if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
            return Ok(if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                libm::copysign(0.0, x)
            } else {
                0.0
            });
        }
        // y is infinite.
        return if x.abs() == 1.0 {
            Ok(1.0)
        } else if y > 0.0 && x.abs() > 1.0 {
            Ok(y)
        } else if y < 0.0 && x.abs() < 1.0 {
            Ok(-y)
        } else {
            Ok(0.0)
        };
    }
    let r = host::pow(x, y);
    if r.is_nan() {
        return Err(MathError::Domain);
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            MathError::Domain
        } else {
            MathError::Range
        });
    }
    Ok(r)
}

fn m_pow(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two_f64(vm, a, kw, "pow")?;
    match pow_f64(x, y) {
        Ok(r) => vm.new_float(r),
        Err(e) => Err(math_error(vm, e)),
    }
}

fn m_ldexp(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    n_args(vm, "ldexp", a, kw, 2)?;
    let x = arg_f64(vm, a[0])?;
    if !is_int(a[1]) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let e = to_bigint(a[1]).expect("int");
    if x == 0.0 || !x.is_finite() {
        return vm.new_float(x);
    }
    let e = e
        .to_i64()
        .unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let e = e.clamp(-100_000, 100_000) as i32;
    let r = libm::ldexp(x, e);
    if r.is_infinite() {
        return Err(math_error(vm, MathError::Range));
    }
    vm.new_float(r)
}

fn m_frexp(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "frexp", a, kw)?;
    let x = arg_f64(vm, v)?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        libm::frexp(x)
    };
    let m = vm.new_float(m)?;
    vm.new_tuple(&[m, Value::small_int(e as isize)])
}

fn m_modf(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "modf", a, kw)?;
    let x = arg_f64(vm, v)?;
    let (frac, int) = if x.is_infinite() {
        (libm::copysign(0.0, x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let i = libm::trunc(x);
        (libm::copysign(x - i, x), i)
    };
    let f = vm.new_float(frac)?;
    let i = vm.new_float(int)?;
    vm.new_tuple(&[f, i])
}

/// `log` of a positive big integer too large for a float: `log(m) + e*log(2)`.
fn log_of_int(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<Option<f64>> {
    let b = to_bigint(v).expect("int");
    if !b.is_positive() {
        return Err(math_error(vm, MathError::Domain));
    }
    let x = crate::ops::arith::bigint_to_f64(&b);
    if x.is_finite() {
        return Ok(None);
    }
    // b = m * 2**e with m in [0.5, 1): take the top 64 bits.
    let bits = b.bits();
    let shift = bits.saturating_sub(64);
    let top = crate::ops::arith::bigint_to_f64(&(&b >> shift as usize));
    let (m, e) = libm::frexp(top);
    let e = e as f64 + shift as f64;
    Ok(Some(f(m) + f(2.0) * e))
}

/// CPython's `m_log`-style wrapper: domain errors for zero and negatives.
fn log_f64(x: f64, f: fn(f64) -> f64) -> Result<f64, MathError> {
    if x.is_nan() {
        return Ok(x);
    }
    if x > 0.0 {
        return Ok(f(x));
    }
    Err(MathError::Domain)
}

/// `log`, `log2`, `log10` of one argument (ints of any size included).
fn loghelper(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if is_int(v)
        && let Some(r) = log_of_int(vm, v, f)?
    {
        return Ok(r);
    }
    let x = arg_f64(vm, v)?;
    log_f64(x, f).map_err(|e| math_error(vm, e))
}

fn m_log(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "log", kw)?;
    if a.is_empty() || a.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(vm, a[0], host::log)?;
    if a.len() == 1 {
        return vm.new_float(num);
    }
    let den = loghelper(vm, a[1], host::log)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    vm.new_float(num / den)
}

fn m_log2(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "log2", a, kw)?;
    let r = loghelper(vm, v, host::log2)?;
    vm.new_float(r)
}

fn m_log10(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "log10", a, kw)?;
    let r = loghelper(vm, v, host::log10)?;
    vm.new_float(r)
}

fn m_hypot(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "hypot", kw)?;
    let mut coords = Vec::with_capacity(a.len());
    let (mut max, mut nan) = (0.0f64, false);
    for &v in a {
        let x = arg_f64(vm, v)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    vm.new_float(special::vector_norm(&coords, max, nan))
}

fn m_dist(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    n_args(vm, "dist", a, kw, 2)?;
    let p = crate::ops::iter::to_tuple(vm, a[0])?;
    let q = crate::ops::iter::to_tuple(vm, a[1])?;
    let (ps, qs) = (crate::obj::tuple::items(p), crate::obj::tuple::items(q));
    if ps.len() != qs.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(ps.len());
    let (mut max, mut nan) = (0.0f64, false);
    for i in 0..ps.len() {
        let x = arg_f64(vm, ps[i])?;
        let y = arg_f64(vm, qs[i])?;
        let d = (x - y).abs();
        nan |= d.is_nan();
        if d > max {
            max = d;
        }
        diffs.push(d);
    }
    vm.new_float(special::vector_norm(&diffs, max, nan))
}

fn m_fsum(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = one_arg(vm, "fsum", a, kw)?;
    let it = vm.iter(v)?;
    let mut sum = special::Fsum::new();
    while let Some(item) = crate::ops::iter::next(vm, it)? {
        let x = arg_f64(vm, item)?;
        if let Err(m) = sum.add(x) {
            return Err(vm.overflow_error(m));
        }
    }
    match sum.finish() {
        Ok(r) => vm.new_float(r),
        Err(m) => Err(vm.value_error(m)),
    }
}

fn m_isclose(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [x, y, _, rel, abs] = args::parse(
        vm,
        "isclose",
        a,
        kw,
        ["a", "b", "*", "rel_tol", "abs_tol"],
        2,
    )
    .map_err(|e| {
        let npos = a.len() - crate::obj::tuple::items(kw).len();
        if npos > 2 {
            vm.type_error(format!(
                "isclose() takes exactly 2 positional arguments ({npos} given)"
            ))
        } else {
            e
        }
    })?;
    let x = arg_f64(vm, x)?;
    let y = arg_f64(vm, y)?;
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
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(Value::from_bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

/// Build the `math` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("math")?;
    add_functions(
        vm,
        m,
        &[
            ("acos", m_acos),
            ("acosh", m_acosh),
            ("asin", m_asin),
            ("asinh", m_asinh),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("atanh", m_atanh),
            ("cbrt", m_cbrt),
            ("ceil", m_ceil),
            ("comb", integer::comb),
            ("copysign", m_copysign),
            ("cos", m_cos),
            ("cosh", m_cosh),
            ("degrees", m_degrees),
            ("dist", m_dist),
            ("erf", m_erf),
            ("erfc", m_erfc),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("fabs", m_fabs),
            ("factorial", integer::factorial),
            ("floor", m_floor),
            ("fmod", m_fmod),
            ("frexp", m_frexp),
            ("fsum", m_fsum),
            ("gamma", m_gamma),
            ("gcd", integer::gcd),
            ("hypot", m_hypot),
            ("isclose", m_isclose),
            ("isfinite", m_isfinite),
            ("isinf", m_isinf),
            ("isnan", m_isnan),
            ("isqrt", integer::isqrt),
            ("lcm", integer::lcm),
            ("ldexp", m_ldexp),
            ("lgamma", m_lgamma),
            ("log", m_log),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("log2", m_log2),
            ("modf", m_modf),
            ("nextafter", m_nextafter),
            ("perm", integer::perm),
            ("pow", m_pow),
            ("prod", integer::prod),
            ("radians", m_radians),
            ("remainder", m_remainder),
            ("sin", m_sin),
            ("sinh", m_sinh),
            ("sqrt", m_sqrt),
            ("tan", m_tan),
            ("tanh", m_tanh),
            ("trunc", m_trunc),
            ("ulp", m_ulp),
        ],
    )?;
    let d = vm.module_dict(m);
    for (name, x) in [
        ("pi", core::f64::consts::PI),
        ("e", core::f64::consts::E),
        ("tau", core::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = vm.new_float(x)?;
        vm.dict_set_str(d, name, f)?;
    }
    Ok(m)
}
