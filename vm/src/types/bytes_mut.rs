//! The `bytearray` mutators: append, extend, insert, pop, remove, reverse, clear, copy.

use super::owner;
use crate::obj::Kind;
use crate::obj::list::ByteArrayObj;
use crate::types::bytes::{buffer_of, byte_value, set_contents};
use crate::types::method;
use crate::types::str::{clinic_args, no_args, one_arg};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;

/// The bytearray `self` of mutator `name`.
fn this(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static ByteArrayObj> {
    super::self_bytes(vm, a, Kind::ByteArray, name)?;
    Ok(a[0].as_ref::<ByteArrayObj>().expect("bytearray"))
}

fn append(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let ba = this(vm, a, "append")?;
    one_arg(vm, a, kw, "bytearray", "append")?;
    let b = byte_value(vm, a[1])?;
    vm.bytearray_extend(ba, &[b])?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let ba = this(vm, a, "extend")?;
    one_arg(vm, a, kw, "bytearray", "extend")?;
    if let Some(d) = buffer_of(vm, a[1]) {
        vm.bytearray_extend(ba, &d)?;
        return Ok(Value::NONE);
    }
    if vm.iter(a[1]).is_err() {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("can't extend bytearray with {t}")));
    }
    let items = crate::ops::iter::to_tuple(vm, a[1])?;
    let mut out = Vec::new();
    for &v in crate::obj::tuple::items(items) {
        out.push(byte_value(vm, v)?);
    }
    vm.bytearray_extend(ba, &out)?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let ba = this(vm, a, "insert")?;
    clinic_args(vm, a, kw, "bytearray", "insert", 2, 2)?;
    let i = crate::ops::arith::index_of(vm, a[1])?;
    let b = byte_value(vm, a[2])?;
    let mut d = ba.to_vec();
    let n = d.len() as isize;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(at as usize, b);
    set_contents(vm, ba, &d)?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let ba = this(vm, a, "pop")?;
    clinic_args(vm, a, kw, "bytearray", "pop", 0, 1)?;
    let i = if a.len() > 1 {
        crate::ops::arith::index_of(vm, a[1])?
    } else {
        -1
    };
    let mut d = ba.to_vec();
    if d.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let n = d.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = d.remove(j as usize);
    set_contents(vm, ba, &d)?;
    Ok(Value::small_int(b as isize))
}

fn remove(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let ba = this(vm, a, "remove")?;
    one_arg(vm, a, kw, "bytearray", "remove")?;
    let b = byte_value(vm, a[1])?;
    let mut d = ba.to_vec();
    let Some(p) = d.iter().position(|&x| x == b) else {
        return Err(vm.value_error("value not found in bytearray"));
    };
    d.remove(p);
    set_contents(vm, ba, &d)?;
    Ok(Value::NONE)
}

fn reverse(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let ba = this(vm, a, "reverse")?;
    no_args(vm, a, kw, "bytearray", "reverse")?;
    let mut d = ba.to_vec();
    d.reverse();
    set_contents(vm, ba, &d)?;
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let ba = this(vm, a, "clear")?;
    no_args(vm, a, kw, "bytearray", "clear")?;
    set_contents(vm, ba, &[])?;
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let ba = this(vm, a, "copy")?;
    no_args(vm, a, kw, owner(Kind::ByteArray), "copy")?;
    let d = ba.to_vec();
    vm.new_bytearray(&d)
}

/// Install the bytearray mutators.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ba = vm.types.bytearray;
    vm.add_methods(
        ba,
        &[
            method("append", append),
            method("extend", extend),
            method("insert", insert),
            method("pop", pop),
            method("remove", remove),
            method("reverse", reverse),
            method("clear", clear),
            method("copy", copy),
        ],
    )
}
