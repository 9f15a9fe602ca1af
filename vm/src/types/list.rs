//! `list` methods.

use super::{method, staticmethod};
use crate::builtins::args;
use crate::obj::list::ListObj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `self` of a list method.
pub fn this(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static ListObj> {
    match v.as_ref::<ListObj>() {
        Some(l) => Ok(l),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(alloc::format!("descriptor '{name}' for 'list' objects doesn't apply to a '{t}' object")))
        }
    }
}

fn list_new(vm: &mut Vm, a: &[Value], _kwnames: Value) -> PyResult<Value> {
    let ty = a[0].downcast::<crate::obj::TypeObj>().expect("type");
    vm.new_list_of_type(ty, &[])
}

fn list_init(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [this_v, iterable] = args::parse(vm, "list", a, kwnames, ["$self", "$iterable"], 1)?;
    let l = this(vm, this_v, "__init__")?;
    vm.list_truncate(l, 0);
    if !iterable.is_null() {
        crate::ops::iter::extend_list(vm, this_v, iterable)?;
    }
    Ok(Value::NONE)
}

fn list_append(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    if a.len() != 2 || !kwnames.is_null() {
        return Err(vm.type_error(alloc::format!("list.append() takes exactly one argument ({} given)", a.len().saturating_sub(1))));
    }
    let l = this(vm, a[0], "append")?;
    vm.list_append(l, a[1])?;
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "list.extend", a, kwnames, 2)?;
    this(vm, a[0], "extend")?;
    crate::ops::iter::extend_list(vm, a[0], a[1])?;
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::range(vm, "pop", a, kwnames, 1, 2)?;
    let l = this(vm, a[0], "pop")?;
    if l.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let len = l.len() as isize;
    let i = if a.len() > 1 { crate::ops::arith::index_of(vm, a[1])? } else { len - 1 };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(vm.list_remove_at(l, j as usize))
}

fn list_insert(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "insert", a, kwnames, 3)?;
    let l = this(vm, a[0], "insert")?;
    let len = l.len() as isize;
    let i = crate::ops::arith::index_of(vm, a[1])?;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    vm.list_insert(l, j as usize, a[2])?;
    Ok(Value::NONE)
}

/// Install `list` methods (more in `types::list_methods`).
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.list;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", list_new),
            method("__init__", list_init),
            method("append", list_append),
            method("extend", list_extend),
            method("pop", list_pop),
            method("insert", list_insert),
        ],
    )
}
