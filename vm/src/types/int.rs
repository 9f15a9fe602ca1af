//! `int` and `bool`: construction (`int(x)`, `int(s, base)`, `bool(x)`) and methods.

use super::{classmethod, method, staticmethod};
use crate::builtins::args;
use crate::format::{IntParse, parse_int};
use crate::obj::int::{is_int, to_bigint};
use crate::obj::typeobj::TypeObj;
use crate::ops::cmp::float_of;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// `int(x)` for any object.
pub fn to_int(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if x.is_small_int() {
        return Ok(x);
    }
    if is_int(x) {
        return vm.int_from_big(to_bigint(x).expect("int"));
    }
    if let Some(f) = float_of(x) {
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        return vm.int_from_big(crate::ops::arith::float_to_bigint(f));
    }
    if let Some(s) = vm.str_of(x) {
        let s = String::from(s);
        return parse_str(vm, &s, 10, x);
    }
    if let Some(b) = crate::ops::buffer::bytes_like(vm, x) {
        let s: String = b.iter().map(|&c| c as char).collect();
        return parse_str(vm, &s, 10, x);
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(r) = crate::ops::attr::call_special(vm, x, name, &[])? {
            if !is_int(r) {
                let t = vm.type_name(r);
                return Err(vm.type_error(format!("{name} returned non-int (type {t})")));
            }
            return Ok(r);
        }
    }
    let t = vm.type_name(x);
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
    )))
}

fn parse_str(vm: &mut Vm, s: &str, base: u32, orig: Value) -> PyResult<Value> {
    // CPython 3.11 limits conversions in bases that are not powers of two.
    let limit = vm.int_max_str_digits;
    if limit > 0 && !matches!(base, 2 | 4 | 8 | 16 | 32) {
        let digits = s.chars().filter(|c| c.is_alphanumeric()).count();
        if digits > limit {
            return Err(vm.value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
    }
    match parse_int(s, base) {
        Some(IntParse::Small(i)) => vm.int_from_i64(i),
        Some(IntParse::Big(b)) => vm.int_from_big(b),
        None => {
            let r = vm.repr_text(orig)?;
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

fn int_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let cls = a[0];
    for &k in crate::obj::tuple::items(kwnames) {
        if vm.str_of(k) != Some("base") {
            let name = String::from(vm.str_of(k).unwrap_or("?"));
            return Err(vm.type_error(format!("'{name}' is an invalid keyword argument for int()")));
        }
    }
    let [x, base] = args::parse(vm, "int", &a[1..], kwnames, ["$x", "base"], 0)?;
    let v = if x.is_null() {
        if !base.is_null() {
            return Err(vm.type_error("int() missing string argument"));
        }
        Value::small_int(0)
    } else if base.is_null() {
        to_int(vm, x)?
    } else {
        let b = crate::ops::arith::index_of(vm, base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text = if let Some(s) = vm.str_of(x) {
            String::from(s)
        } else if let Some(bytes) = crate::ops::buffer::bytes_like(vm, x) {
            bytes.iter().map(|&c| c as char).collect()
        } else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        parse_str(vm, &text, b as u32, x)?
    };
    if cls == Value::from_obj(vm.types.int) {
        return Ok(v);
    }
    // A subclass of int: an IntObj with the subclass type.
    let ty = cls.downcast::<TypeObj>().expect("type");
    let obj = crate::obj::IntObj {
        header: crate::obj::Header::new(ty),
        value: to_bigint(v).expect("int"),
    };
    vm.alloc_instance(ty, obj)
}

fn bool_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::no_kw(vm, "bool", kwnames)?;
    if a.len() > 2 {
        return Err(vm.type_error(format!(
            "bool expected at most 1 argument, got {}",
            a.len() - 1
        )));
    }
    let Some(&x) = a.get(1) else {
        return Ok(Value::FALSE);
    };
    let t = vm.truthy(x)?;
    Ok(Value::from_bool(t))
}

fn self_int(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match to_bigint(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'int' object but received a '{t}'"
            )))
        }
    }
}

fn int_bit_length(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "bit_length", a, kwnames, 1)?;
    let b = self_int(vm, a[0])?;
    Ok(Value::small_int(b.bits() as isize))
}

fn int_bit_count(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "bit_count", a, kwnames, 1)?;
    let b = self_int(vm, a[0])?;
    let n: u64 = b
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::small_int(n as isize))
}

fn int_conjugate(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "conjugate", a, kwnames, 1)?;
    let b = self_int(vm, a[0])?;
    vm.int_from_big(b)
}

fn int_as_integer_ratio(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "as_integer_ratio", a, kwnames, 1)?;
    let b = self_int(vm, a[0])?;
    let n = vm.int_from_big(b)?;
    vm.new_tuple(&[n, Value::small_int(1)])
}

fn int_to_bytes(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [this, length, byteorder, _, signed] = args::parse(
        vm,
        "to_bytes",
        a,
        kwnames,
        ["$self", "length", "byteorder", "*", "signed"],
        1,
    )?;
    let b = self_int(vm, this)?;
    let len = if length.is_null() {
        1
    } else {
        crate::ops::arith::index_of(vm, length)?
    };
    if len < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let order = if byteorder.is_null() {
        "big"
    } else {
        vm.str_of(byteorder).unwrap_or("")
    };
    let little = match order {
        "little" => true,
        "big" => false,
        _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    };
    let signed = !signed.is_null() && vm.truthy(signed)?;
    if !signed && b.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        b.to_signed_bytes_le()
    } else {
        b.to_bytes_le().1
    };
    if b.is_zero() {
        bytes.clear();
    }
    let len = len as usize;
    if bytes.len() > len {
        // to_signed_bytes may add a sign byte that is unnecessary at exactly len.
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && b.is_negative() { 0xff } else { 0 };
    bytes.resize(len, fill);
    if !little {
        bytes.reverse();
    }
    vm.new_bytes(&bytes)
}

fn int_from_bytes(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [cls, data, byteorder, _, signed] = args::parse(
        vm,
        "from_bytes",
        a,
        kwnames,
        ["$cls", "bytes", "byteorder", "*", "signed"],
        2,
    )?;
    let Some(mut bytes) = crate::ops::buffer::bytes_like(vm, data).or_else(|| {
        let t = crate::ops::iter::to_tuple(vm, data).ok()?;
        crate::obj::tuple::items(t)
            .iter()
            .map(|v| v.as_small_int().map(|i| i as u8))
            .collect()
    }) else {
        return Err(vm.type_error("cannot convert object to bytes"));
    };
    let order = if byteorder.is_null() {
        "big"
    } else {
        vm.str_of(byteorder).unwrap_or("")
    };
    match order {
        "little" => {}
        "big" => bytes.reverse(),
        _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
    let signed = !signed.is_null() && vm.truthy(signed)?;
    let b = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    let v = vm.int_from_big(b)?;
    if cls != Value::from_obj(vm.types.int) {
        return vm.call(cls, &[v]);
    }
    Ok(v)
}

fn int_getnewargs(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__getnewargs__", a, kwnames, 1)?;
    let b = self_int(vm, a[0])?;
    let v = vm.int_from_big(b)?;
    vm.new_tuple(&[v])
}

fn int_is_integer(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "is_integer", a, kwnames, 1)?;
    Ok(Value::TRUE)
}

/// Install `int` and `bool` methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.int;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", int_new),
            method("bit_length", int_bit_length),
            method("bit_count", int_bit_count),
            method("conjugate", int_conjugate),
            method("as_integer_ratio", int_as_integer_ratio),
            method("to_bytes", int_to_bytes),
            classmethod("from_bytes", int_from_bytes),
            method("__getnewargs__", int_getnewargs),
            method("is_integer", int_is_integer),
        ],
    )?;
    let b = vm.types.bool;
    vm.add_methods(b, &[staticmethod("__new__", bool_new)])?;
    let _ = ToPrimitive::to_i64(&BigInt::from(0));
    Ok(())
}
