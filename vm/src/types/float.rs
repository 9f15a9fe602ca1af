//! `float`: construction from numbers and strings, and its methods.

use super::num_methods::{Num, check};
use super::{MethodDef, classmethod, method, staticmethod};
use crate::builtins::args;
use crate::ops::cmp::float_of;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;

/// `float(x)`.
pub fn to_float(vm: &mut Vm, x: Value) -> PyResult<f64> {
    if let Some(f) = float_of(x) {
        return Ok(f);
    }
    if let Some(f) = crate::ops::arith::to_f64(vm, x)? {
        return Ok(f);
    }
    if let Some(s) = vm.str_of(x) {
        let s = String::from(s);
        return match crate::format::parse_float(&s) {
            Some(f) => Ok(f),
            None => {
                let r = vm.repr_text(x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if matches!(
        x.obj_kind(),
        Some(crate::obj::Kind::Bytes) | Some(crate::obj::Kind::ByteArray)
    ) {
        let b = crate::ops::buffer::bytes_like(vm, x).expect("bytes");
        let parsed = core::str::from_utf8(&b)
            .ok()
            .and_then(crate::format::parse_float);
        return match parsed {
            Some(f) => Ok(f),
            None => {
                let r = vm.repr_text(x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(r) = crate::ops::attr::call_special(vm, x, "__float__", &[])? {
        return match float_of(r) {
            Some(f) => Ok(f),
            None => {
                let t = vm.type_name(r);
                Err(vm.type_error(format!("__float__ returned non-float (type {t})")))
            }
        };
    }
    if let Some(r) = crate::ops::attr::call_special(vm, x, "__index__", &[])?
        && let Some(f) = crate::ops::arith::to_f64(vm, r)?
    {
        return Ok(f);
    }
    let t = vm.type_name(x);
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{t}'"
    )))
}

fn float_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::no_kw(vm, "float", kwnames)?;
    if a.len() > 2 {
        let n = a.len() - 1;
        return Err(vm.type_error(alloc::format!("float expected at most 1 argument, got {n}")));
    }
    let x = a.get(1).copied().unwrap_or(Value::NULL);
    let f = if x.is_null() { 0.0 } else { to_float(vm, x)? };
    if a[0] == Value::from_obj(vm.types.float) {
        return vm.new_float(f);
    }
    let ty = a[0].downcast::<crate::obj::TypeObj>().expect("type");
    vm.alloc_instance(
        ty,
        crate::obj::FloatObj {
            header: crate::obj::Header::new(ty),
            value: f,
        },
    )
}

fn self_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match float_of(v) {
        Some(f) => Ok(f),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'float' object but received a '{t}'"
            )))
        }
    }
}

fn float_is_integer(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "is_integer", a, kwnames, 1)?;
    let f = self_float(vm, a[0])?;
    Ok(Value::from_bool(f.is_finite() && f == libm::trunc(f)))
}

fn float_hex(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "hex", a, kwnames, 1)?;
    let f = self_float(vm, a[0])?;
    let s = crate::format::float_hex(f);
    vm.new_str(&s)
}

fn float_fromhex(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "fromhex", a, kwnames, 2)?;
    let s = String::from(
        vm.str_of(a[1])
            .ok_or_else(|| vm.type_error("fromhex() argument must be str"))?,
    );
    match crate::format::float_fromhex(&s) {
        Ok(f) => {
            let v = vm.new_float(f)?;
            if a[0] != Value::from_obj(vm.types.float) {
                return vm.call(a[0], &[v]);
            }
            Ok(v)
        }
        Err(m) if crate::format::is_overflow_message(&m) => Err(vm.overflow_error(m)),
        Err(m) => Err(vm.value_error(m)),
    }
}

fn float_as_integer_ratio(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "as_integer_ratio", a, kwnames, 1)?;
    let f = self_float(vm, a[0])?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = libm::frexp(f);
    let mut m = m;
    let mut e = e;
    for _ in 0..300 {
        if m == libm::floor(m) {
            break;
        }
        m *= 2.0;
        e -= 1;
    }
    let mut num = crate::ops::arith::float_to_bigint(m);
    let mut den = num_bigint::BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let n = vm.int_from_big(num)?;
    let d = vm.int_from_big(den)?;
    vm.new_tuple(&[n, d])
}

fn float_conjugate(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "conjugate", a, kwnames, 1)?;
    let f = self_float(vm, a[0])?;
    vm.new_float(f)
}

/// The float of a unary special method's `self`.
fn unary_self(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<f64> {
    check(vm, a, kw, name, Num::Float, 0)?;
    Ok(float_of(a[0]).expect("checked float"))
}

fn float_neg(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__neg__")?;
    vm.new_float(-f)
}

fn float_pos(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__pos__")?;
    vm.new_float(f)
}

fn float_abs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__abs__")?;
    vm.new_float(f.abs())
}

fn float_bool(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__bool__")?;
    Ok(Value::from_bool(f != 0.0))
}

fn float_float(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__float__")?;
    if vm.type_of(a[0]) == vm.types.float {
        return Ok(a[0]);
    }
    vm.new_float(f)
}

/// An integral float as an int, with CPython's errors for NaN and infinities.
pub fn integral_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e15 {
        return vm.int_from_i64(f as i64);
    }
    vm.int_from_big(crate::ops::arith::float_to_bigint(f))
}

fn float_trunc(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__trunc__")?;
    integral_to_int(vm, libm::trunc(f))
}

fn float_int(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__int__")?;
    integral_to_int(vm, libm::trunc(f))
}

fn float_floor(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__floor__")?;
    integral_to_int(vm, libm::floor(f))
}

fn float_ceil(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__ceil__")?;
    integral_to_int(vm, libm::ceil(f))
}

/// `round(f, n)` for a float (`n` None: to an int, half to even).
pub fn round_float_value(vm: &mut Vm, f: f64, nd: Option<isize>) -> PyResult<Value> {
    match nd {
        None => integral_to_int(vm, libm::rint(f)),
        Some(n) => match crate::format::round_float(
            f,
            n.clamp(i32::MIN as isize, i32::MAX as isize) as i32,
        ) {
            Ok(r) => vm.new_float(r),
            Err(m) => Err(vm.overflow_error(m)),
        },
    }
}

fn float_round(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let nd = super::num_methods::float_round_args(vm, a, kw)?;
    let f = float_of(a[0]).expect("checked float");
    round_float_value(vm, f, nd)
}

fn float_hash(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__hash__")?;
    // NaNs hash by identity, as in CPython 3.10 and later.
    let h = if f.is_nan() {
        crate::ops::cmp::hash_pointer(a[0])
    } else {
        crate::ops::cmp::hash_float(f)
    };
    vm.int_from_i64(h as i64)
}

fn float_repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__repr__")?;
    vm.new_str(&crate::format::float_repr(f))
}

fn float_format(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let spec = super::num_methods::format_spec_arg(vm, a, kw, Num::Float)?;
    if spec.is_empty() {
        return vm.str(a[0]);
    }
    let f = float_of(a[0]).expect("checked float");
    let tname = String::from(vm.type_name(a[0]));
    match crate::format::parse_format_spec(&spec, &tname)
        .and_then(|sp| crate::format::format_float(f, &sp, &tname))
    {
        Ok(s) => vm.new_str(&s),
        Err(m) => Err(super::num_methods::format_error(vm, m)),
    }
}

fn float_getnewargs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = unary_self(vm, a, kw, "__getnewargs__")?;
    let v = vm.new_float(f)?;
    vm.new_tuple(&[v])
}

/// `float.__getformat__(typestr)`.
pub fn getformat(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "__getformat__", a, kw, 2)?;
    match vm.str_of(a[1]) {
        Some("double" | "float") => vm.new_str("IEEE, little-endian"),
        Some(_) => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => {
            let t = vm.type_name(a[1]);
            Err(vm.type_error(format!("__getformat__() argument must be str, not {t}")))
        }
    }
}

/// The unary, conversion, hashing and formatting special methods of `float`.
pub const UNARY: &[MethodDef] = &[
    method("__neg__", float_neg),
    method("__pos__", float_pos),
    method("__abs__", float_abs),
    method("__bool__", float_bool),
    method("__float__", float_float),
    method("__int__", float_int),
    method("__trunc__", float_trunc),
    method("__floor__", float_floor),
    method("__ceil__", float_ceil),
    method("__round__", float_round),
    method("__hash__", float_hash),
    method("__repr__", float_repr),
    method("__format__", float_format),
    method("__getnewargs__", float_getnewargs),
];

/// Install `float` methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.float;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", float_new),
            method("is_integer", float_is_integer),
            method("hex", float_hex),
            classmethod("fromhex", float_fromhex),
            method("as_integer_ratio", float_as_integer_ratio),
            method("conjugate", float_conjugate),
        ],
    )
}
