//! The special methods of `list` (`__len__`, `__getitem__`, `__setitem__`, `__delitem__`,
//! `__contains__`, `__iter__`, `__reversed__`, the operators and comparisons, `__repr__`), usable
//! through the class (`list.__getitem__(l, 0)`, `super().__setitem__(...)` in subclasses).
//!
//! These work on the list layout directly: the interpreter calls them for instances of list
//! subclasses, so they must not go back through the generic `ops::subscr` paths.

use super::tuple::meth;
use super::tuple::{applies, compare_same_kind, one_arg, repeat_arg, require, slot_args};
use crate::interp::frame::cells_as_values;
use crate::obj::list::ListObj;
use crate::obj::tuple;
use crate::obj::{IterKind, Kind, SliceObj};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;
use frontend::bytecode::Comparison;

fn slf(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static ListObj> {
    require(vm, v, v.as_ref::<ListObj>().is_some(), "list", name)?;
    Ok(v.as_ref::<ListObj>().expect("list"))
}

fn list_len(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    let l = slf(vm, a[0], "__len__")?;
    Ok(Value::small_int(l.len() as isize))
}

/// `l[key]` for a list (or list subclass) without looking at overrides.
pub fn list_getitem_raw(vm: &mut Vm, l: &ListObj, key: Value) -> PyResult<Value> {
    if let Some(s) = key.as_ref::<SliceObj>() {
        return get_slice(vm, l, s);
    }
    let i = crate::ops::subscr::seq_index(vm, key, l.len(), "list")?;
    Ok(l.items()[i].get())
}

fn list_getitem(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let key = one_arg(vm, "list.__getitem__", a, kwnames)?;
    applies(
        vm,
        a[0],
        a[0].as_ref::<ListObj>().is_some(),
        "list",
        "__getitem__",
    )?;
    let l = a[0].as_ref::<ListObj>().expect("list");
    list_getitem_raw(vm, l, key)
}

fn assignment_index(vm: &mut Vm, key: Value, len: usize) -> PyResult<usize> {
    crate::ops::subscr::seq_index(vm, key, len, "list").map_err(|e| {
        if vm.exc_is(e.0, ExcKind::IndexError) {
            vm.index_error("list assignment index out of range")
        } else {
            e
        }
    })
}

/// `l[start:stop:step]`, a new list (also the interpreter's list slicing).
pub fn get_slice(vm: &mut Vm, l: &ListObj, s: &SliceObj) -> PyResult<Value> {
    let (start, _, step, n) = crate::ops::subscr::slice_indices(vm, s, l.len())?;
    let items = l.items();
    // The picked items stay reachable from `l` while the new list is allocated.
    let ty = vm.types.list;
    vm.new_list_with(ty, n, |k| items[(start + k as isize * step) as usize].get())
}

/// `l[start:stop:step] = value` (also the interpreter's list slice assignment).
pub fn set_slice(vm: &mut Vm, l: &ListObj, s: &SliceObj, value: Value) -> PyResult<()> {
    let step_is_one = s.step.is_none() || s.step.as_small_int() == Some(1);
    // The bounds come first, as in CPython: their `__index__` may run code that changes
    // either list, so the items are read after them, and every write below stays within the
    // list as it is then.
    let (start, stop, step, n) = crate::ops::subscr::slice_indices(vm, s, l.len())?;
    // Another exact list's items are used where they are (a subclass may iterate otherwise);
    // anything else, this list included, is copied to a tuple first.
    let other_list = value
        .as_ref::<ListObj>()
        .filter(|v| !core::ptr::eq(*v, l) && value.obj_type() == Some(vm.types.list));
    let copy = match other_list {
        Some(_) => Value::NULL,
        None => match crate::ops::iter::to_tuple(vm, value) {
            Ok(t) => t,
            Err(e) if vm.exc_is(e.0, ExcKind::TypeError) && !vm.hasattr(value, "__iter__")? => {
                let msg = if step_is_one {
                    "can only assign an iterable"
                } else {
                    "must assign iterable to extended slice"
                };
                return Err(vm.type_error(msg));
            }
            Err(e) => return Err(e),
        },
    };
    let new_items = match other_list {
        Some(o) => cells_as_values(o.items()),
        None => tuple::items(copy),
    };
    if step == 1 {
        let start = start as usize;
        let stop = stop.max(start as isize) as usize;
        return vm.list_splice(l, start, stop, new_items);
    }
    if new_items.len() != n {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {n}",
            new_items.len()
        )));
    }
    let items = l.items();
    for (k, &v) in new_items.iter().enumerate() {
        if let Some(c) = items.get((start + k as isize * step) as usize) {
            c.set(v);
        }
    }
    Ok(())
}

fn list_setitem(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 2)?;
    let l = slf(vm, a[0], "__setitem__")?;
    if let Some(s) = a[1].as_ref::<SliceObj>() {
        set_slice(vm, l, s, a[2])?;
        return Ok(Value::NONE);
    }
    let i = assignment_index(vm, a[1], l.len())?;
    l.items()[i].set(a[2]);
    Ok(Value::NONE)
}

fn list_delitem(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    let l = slf(vm, a[0], "__delitem__")?;
    if let Some(s) = a[1].as_ref::<SliceObj>() {
        let (start, _, step, n) = crate::ops::subscr::slice_indices(vm, s, l.len())?;
        let mut doomed: Vec<usize> = (0..n)
            .map(|k| (start + k as isize * step) as usize)
            .collect();
        doomed.sort_unstable();
        let items = l.items();
        let (mut w, mut d) = (0, 0);
        for r in 0..items.len() {
            if d < doomed.len() && doomed[d] == r {
                d += 1;
                continue;
            }
            items[w].set(items[r].get());
            w += 1;
        }
        vm.list_truncate(l, w);
        return Ok(Value::NONE);
    }
    let i = assignment_index(vm, a[1], l.len())?;
    vm.list_remove_at(l, i);
    Ok(Value::NONE)
}

fn list_contains(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    let l = slf(vm, a[0], "__contains__")?;
    let mut i = 0;
    while i < l.len() {
        let v = l.items()[i].get();
        if v == a[1] || vm.eq(v, a[1])? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn list_iter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    slf(vm, a[0], "__iter__")?;
    let ty = vm.types.iterator;
    vm.new_iter(ty, IterKind::List, a[0], Value::NULL, 0, 0)
}

fn list_reversed(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    super::tuple::no_args(vm, "list.__reversed__", a, kwnames)?;
    applies(
        vm,
        a[0],
        a[0].as_ref::<ListObj>().is_some(),
        "list",
        "__reversed__",
    )?;
    let l = a[0].as_ref::<ListObj>().expect("list");
    let ty = vm.types.reversed;
    vm.new_iter(
        ty,
        IterKind::ListReversed,
        a[0],
        Value::NULL,
        l.len() as isize - 1,
        0,
    )
}

fn list_add(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    let l = slf(vm, a[0], "__add__")?;
    let Some(other) = a[1].as_ref::<ListObj>() else {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("can only concatenate list (not \"{t}\") to list")));
    };
    let r = vm.new_list(cells_as_values(l.items()))?;
    let rl = r.as_ref::<ListObj>().expect("list");
    let y = cells_as_values(other.items());
    vm.list_reserve(rl, y.len())?;
    for &v in y {
        vm.list_append(rl, v)?;
    }
    Ok(r)
}

fn list_iadd(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    slf(vm, a[0], "__iadd__")?;
    super::list::extend(vm, a[0], a[1])?;
    Ok(a[0])
}

fn check_size(vm: &mut Vm, len: usize, n: isize) -> PyResult<usize> {
    let n = n.max(0) as usize;
    let total = len.saturating_mul(n);
    if total > vm.heap.total_bytes() / 8 {
        return Err(vm.memory_error());
    }
    Ok(n)
}

fn list_mul(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    let l = slf(vm, a[0], "__mul__")?;
    let n = repeat_arg(vm, a[1])?;
    let n = check_size(vm, l.len(), n)?;
    let r = vm.new_list(&[])?;
    let rl = r.as_ref::<ListObj>().expect("list");
    vm.list_reserve(rl, l.len() * n)?;
    for _ in 0..n {
        let mut i = 0;
        while i < l.len() {
            vm.list_append(rl, l.items()[i].get())?;
            i += 1;
        }
    }
    Ok(r)
}

fn list_imul(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    let l = slf(vm, a[0], "__imul__")?;
    let n = repeat_arg(vm, a[1])?;
    let n = check_size(vm, l.len(), n)?;
    let items = vm.new_tuple(cells_as_values(l.items()))?;
    vm.list_truncate(l, 0);
    vm.list_reserve(l, tuple::items(items).len() * n)?;
    for _ in 0..n {
        for &v in tuple::items(items) {
            vm.list_append(l, v)?;
        }
    }
    Ok(a[0])
}

fn list_repr(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    slf(vm, a[0], "__repr__")?;
    let s = vm.repr_string(a[0])?;
    vm.new_str(&s)
}

macro_rules! list_cmp {
    ($($name:ident $op:ident $dunder:literal;)*) => {$(
        fn $name(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
            slot_args(vm, a, kwnames, 1)?;
            slf(vm, a[0], $dunder)?;
            compare_same_kind(vm, Comparison::$op, a[0], a[1], Kind::List)
        }
    )*};
}

list_cmp! {
    list_eq Eq "__eq__";
    list_ne Ne "__ne__";
    list_lt Lt "__lt__";
    list_le Le "__le__";
    list_gt Gt "__gt__";
    list_ge Ge "__ge__";
}

/// Install the special methods of `list`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.list;
    vm.add_methods(
        ty,
        &[
            meth!("list", "__len__", list_len),
            meth!("list", "__getitem__", list_getitem),
            meth!("list", "__setitem__", list_setitem),
            meth!("list", "__delitem__", list_delitem),
            meth!("list", "__contains__", list_contains),
            meth!("list", "__iter__", list_iter),
            meth!("list", "__reversed__", list_reversed),
            meth!("list", "__add__", list_add),
            meth!("list", "__iadd__", list_iadd),
            meth!("list", "__mul__", list_mul),
            meth!("list", "__rmul__", list_mul),
            meth!("list", "__imul__", list_imul),
            meth!("list", "__repr__", list_repr),
            meth!("list", "__eq__", list_eq),
            meth!("list", "__ne__", list_ne),
            meth!("list", "__lt__", list_lt),
            meth!("list", "__le__", list_le),
            meth!("list", "__gt__", list_gt),
            meth!("list", "__ge__", list_ge),
        ],
    )?;
    // Lists are unhashable: `list.__hash__` is None.
    vm.dict_set_str(ty.dict.get(), "__hash__", Value::NONE)
}
