//! The special methods of `dict` (`__getitem__` with `__missing__`, `__setitem__`, `__delitem__`,
//! `__contains__`, `__len__`, `__iter__`, `__reversed__`, `|`, `|=`, comparisons, `__repr__`),
//! usable through the class (`super().__setitem__(k, v)` in a subclass).
//!
//! The interpreter calls these for instances of dict subclasses, so they work on the dict layout
//! directly and never go back through `ops::subscr`.

use super::tuple::meth;
use super::tuple::{applies, compare_same_kind, one_arg, require, slot_args};
use crate::obj::dict::as_dict;
use crate::obj::{IterKind, Kind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use frontend::bytecode::Comparison;

fn slot_self(vm: &mut Vm, v: Value, name: &str) -> PyResult<()> {
    require(vm, v, as_dict(v).is_some(), "dict", name)
}

fn dict_getitem(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let key = one_arg(vm, "dict.__getitem__", a, kwnames)?;
    applies(vm, a[0], as_dict(a[0]).is_some(), "dict", "__getitem__")?;
    if let Some(v) = vm.dict_get(a[0], key)? {
        return Ok(v);
    }
    if vm.type_of(a[0]) != vm.types.dict
        && let Some(r) = crate::ops::attr::call_special(vm, a[0], "__missing__", &[key])?
    {
        return Ok(r);
    }
    Err(vm.key_error(key))
}

fn dict_setitem(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 2)?;
    slot_self(vm, a[0], "__setitem__")?;
    vm.dict_set(a[0], a[1], a[2])?;
    Ok(Value::NONE)
}

fn dict_delitem(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    slot_self(vm, a[0], "__delitem__")?;
    match vm.dict_remove(a[0], a[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(a[1])),
    }
}

fn dict_contains(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let key = one_arg(vm, "dict.__contains__", a, kwnames)?;
    applies(vm, a[0], as_dict(a[0]).is_some(), "dict", "__contains__")?;
    Ok(Value::from_bool(vm.dict_get(a[0], key)?.is_some()))
}

fn dict_len(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    slot_self(vm, a[0], "__len__")?;
    Ok(Value::small_int(as_dict(a[0]).expect("dict").len() as isize))
}

fn dict_iter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    slot_self(vm, a[0], "__iter__")?;
    let ty = vm.types.iterator;
    vm.new_iter(ty, IterKind::DictKeys, a[0], Value::NULL, 0, 0)
}

fn dict_reversed(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    super::tuple::no_args(vm, "dict.__reversed__", a, kwnames)?;
    applies(vm, a[0], as_dict(a[0]).is_some(), "dict", "__reversed__")?;
    // Snapshot the keys through the dict layout (not a subclass's __iter__).
    let ty = vm.types.iterator;
    let it = vm.new_iter(ty, IterKind::DictKeys, a[0], Value::NULL, 0, 0)?;
    super::dict::reversed_snapshot(vm, it)
}

fn dict_or(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    slot_self(vm, a[0], "__or__")?;
    if as_dict(a[1]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let r = vm.dict_copy(a[0])?;
    crate::ops::iter::update_dict(vm, r, a[1], false)?;
    Ok(r)
}

fn dict_ror(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    slot_self(vm, a[0], "__ror__")?;
    if as_dict(a[1]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let r = vm.dict_copy(a[1])?;
    crate::ops::iter::update_dict(vm, r, a[0], false)?;
    Ok(r)
}

fn dict_ior(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    slot_self(vm, a[0], "__ior__")?;
    crate::ops::iter::update_dict(vm, a[0], a[1], false)?;
    Ok(a[0])
}

fn dict_repr(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    slot_self(vm, a[0], "__repr__")?;
    let s = vm.repr_string(a[0])?;
    vm.new_str(&s)
}

macro_rules! dict_cmp {
    ($($name:ident $op:ident $dunder:literal;)*) => {$(
        fn $name(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
            slot_args(vm, a, kwnames, 1)?;
            slot_self(vm, a[0], $dunder)?;
            compare_same_kind(vm, Comparison::$op, a[0], a[1], Kind::Dict)
        }
    )*};
}

dict_cmp! {
    dict_eq Eq "__eq__";
    dict_ne Ne "__ne__";
    dict_lt Lt "__lt__";
    dict_le Le "__le__";
    dict_gt Gt "__gt__";
    dict_ge Ge "__ge__";
}

/// Install the special methods of `dict`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.dict;
    vm.add_methods(
        ty,
        &[
            meth!("dict", "__getitem__", dict_getitem),
            meth!("dict", "__setitem__", dict_setitem),
            meth!("dict", "__delitem__", dict_delitem),
            meth!("dict", "__contains__", dict_contains),
            meth!("dict", "__len__", dict_len),
            meth!("dict", "__iter__", dict_iter),
            meth!("dict", "__reversed__", dict_reversed),
            meth!("dict", "__or__", dict_or),
            meth!("dict", "__ror__", dict_ror),
            meth!("dict", "__ior__", dict_ior),
            meth!("dict", "__repr__", dict_repr),
            meth!("dict", "__eq__", dict_eq),
            meth!("dict", "__ne__", dict_ne),
            meth!("dict", "__lt__", dict_lt),
            meth!("dict", "__le__", dict_le),
            meth!("dict", "__gt__", dict_gt),
            meth!("dict", "__ge__", dict_ge),
        ],
    )?;
    // Dicts are unhashable: `dict.__hash__` is None.
    vm.dict_set_str(ty.dict.get(), "__hash__", Value::NONE)
}
