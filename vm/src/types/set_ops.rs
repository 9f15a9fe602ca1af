//! `set` and `frozenset`: construction, the operators `| & - ^` (also on dict views), and methods.

use super::staticmethod;
use crate::builtins::args;
use crate::obj::set::SetObj;
use crate::obj::{Kind, TypeObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::vec::Vec;
use frontend::bytecode::BinaryOperator as B;

fn keys_of(v: Value) -> Vec<Value> {
    v.as_ref::<SetObj>().map(|s| s.keys().collect()).unwrap_or_default()
}

/// A new set of the same type as `like` (set or frozenset).
fn same_kind(vm: &mut Vm, like: Value) -> PyResult<Value> {
    let t = vm.type_of(like);
    let ty = if t == vm.types.frozenset || crate::obj::typeobj::is_subtype(&t, Value::from_obj(vm.types.frozenset)) {
        vm.types.frozenset
    } else {
        vm.types.set
    };
    vm.new_set_of_type(ty)
}

/// `a op b` for two sets.
pub fn binary(vm: &mut Vm, op: B, a: Value, b: Value) -> PyResult<Option<Value>> {
    let out = same_kind(vm, a)?;
    let sb = b.as_ref::<SetObj>().expect("set");
    let sa = a.as_ref::<SetObj>().expect("set");
    match op {
        B::Or => {
            for k in keys_of(a).into_iter().chain(keys_of(b)) {
                vm.set_add(out, k)?;
            }
        }
        B::And => {
            for k in keys_of(a) {
                if vm.set_contains(sb, k)? {
                    vm.set_add(out, k)?;
                }
            }
        }
        B::Sub => {
            for k in keys_of(a) {
                if !vm.set_contains(sb, k)? {
                    vm.set_add(out, k)?;
                }
            }
        }
        B::Xor => {
            for k in keys_of(a) {
                if !vm.set_contains(sb, k)? {
                    vm.set_add(out, k)?;
                }
            }
            for k in keys_of(b) {
                if !vm.set_contains(sa, k)? {
                    vm.set_add(out, k)?;
                }
            }
        }
        _ => return Ok(None),
    }
    Ok(Some(out))
}

/// `a op= b` for a mutable set.
pub fn inplace(vm: &mut Vm, op: B, a: Value, b: Value) -> PyResult<Value> {
    let r = binary(vm, op, a, b)?.expect("set operator");
    vm.set_clear(a);
    for k in keys_of(r) {
        vm.set_add(a, k)?;
    }
    Ok(a)
}

/// Set operators with dict views (`d.keys() & other`).
pub fn view_binary(vm: &mut Vm, op: B, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !matches!(op, B::Or | B::And | B::Sub | B::Xor) {
        return Ok(None);
    }
    let sa = vm.new_set()?;
    crate::ops::iter::update_set(vm, sa, a)?;
    let sb = vm.new_set()?;
    crate::ops::iter::update_set(vm, sb, b)?;
    binary(vm, op, sa, sb)
}

/// A frozenset copy of a set (to look a set up inside another set).
pub fn frozen_copy(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let ty = vm.types.frozenset;
    let out = vm.new_set_of_type(ty)?;
    for k in keys_of(v) {
        vm.set_add(out, k)?;
    }
    Ok(out)
}

fn set_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let ty = a[0].downcast::<TypeObj>().expect("type");
    let s = vm.new_set_of_type(ty)?;
    if ty.kind == Kind::Set && (ty == vm.types.frozenset || crate::obj::typeobj::is_subtype(&ty, Value::from_obj(vm.types.frozenset))) {
        let [iterable] = args::parse(vm, "frozenset", &a[1..], kwnames, ["$iterable"], 0)?;
        if !iterable.is_null() {
            crate::ops::iter::update_set(vm, s, iterable)?;
        }
    }
    Ok(s)
}

fn set_init(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let ty = vm.type_of(a[0]);
    if ty == vm.types.frozenset || crate::obj::typeobj::is_subtype(&ty, Value::from_obj(vm.types.frozenset)) {
        return Ok(Value::NONE);
    }
    let [this, iterable] = args::parse(vm, "set", a, kwnames, ["$self", "$iterable"], 1)?;
    vm.set_clear(this);
    if !iterable.is_null() {
        crate::ops::iter::update_set(vm, this, iterable)?;
    }
    Ok(Value::NONE)
}

fn set_add(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "add", a, kwnames, 2)?;
    vm.set_add(a[0], a[1])?;
    Ok(Value::NONE)
}

/// Install `set` and `frozenset` methods (more in `types::set_methods`).
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let s = vm.types.set;
    vm.add_methods(s, &[staticmethod("__new__", set_new), super::method("__init__", set_init), super::method("add", set_add)])?;
    let f = vm.types.frozenset;
    vm.add_methods(f, &[staticmethod("__new__", set_new)])
}
