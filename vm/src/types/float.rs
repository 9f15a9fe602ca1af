//! `float`: construction from numbers and strings, and its methods.

use super::{classmethod, method, staticmethod};
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
    if let Some(r) = crate::ops::attr::call_special(vm, x, "__float__", &[])? {
        return match float_of(r) {
            Some(f) => Ok(f),
            None => {
                let t = vm.type_name(r);
                Err(vm.type_error(format!("__float__ returned non-float (type {t})")))
            }
        };
    }
    if let Some(r) = crate::ops::attr::call_special(vm, x, "__index__", &[])? {
        if let Some(f) = crate::ops::arith::to_f64(vm, r)? {
            return Ok(f);
        }
    }
    let t = vm.type_name(x);
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{t}'")))
}

fn float_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [x] = args::parse(vm, "float", &a[1..], kwnames, ["$x"], 0)?;
    let f = if x.is_null() { 0.0 } else { to_float(vm, x)? };
    if a[0] == Value::from_obj(vm.types.float) {
        return vm.new_float(f);
    }
    let ty = a[0].downcast::<crate::obj::TypeObj>().expect("type");
    vm.alloc_instance(ty, crate::obj::FloatObj { header: crate::obj::Header::new(ty), value: f })
}

fn self_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    float_of(v).ok_or_else(|| vm.type_error("descriptor requires a 'float' object"))
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
    let s = String::from(vm.str_of(a[1]).ok_or_else(|| vm.type_error("fromhex() argument must be str"))?);
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

fn float_trunc(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__trunc__", a, kwnames, 1)?;
    super::int::to_int(vm, a[0])
}

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
            method("__trunc__", float_trunc),
            method("__int__", float_trunc),
        ],
    )
}
