//! The methods and special methods of `set` and `frozenset` (`add`, `remove`, `discard`, `pop`,
//! `clear`, `copy`, `update`, `union`, `intersection`, `difference`, `symmetric_difference` and
//! their `_update` forms, `issubset`, `issuperset`, `isdisjoint`, the operators, comparisons,
//! `__contains__`, `__len__`, `__iter__`, `__repr__`, frozenset's `__hash__`), built on the
//! algorithms of `types::set_ops`.

use super::set_ops::{self as ops, is_anyset, is_frozen_type, is_mutable_set, set_of};
use super::tuple::meth;
use super::tuple::{applies, no_args, one_arg, require, slot_args};
use crate::obj::IterKind;
use crate::obj::tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use frontend::bytecode::Comparison;

fn qual(vm: &Vm, v: Value, name: &str) -> String {
    let t = if is_anyset(v) && is_frozen_type(vm, vm.type_of(v)) {
        "frozenset"
    } else {
        "set"
    };
    format!("{t}.{name}")
}

/// `self` of a method of `set` only.
fn mutable(vm: &mut Vm, v: Value, name: &str) -> PyResult<()> {
    let ok = is_mutable_set(vm, v);
    applies(vm, v, ok, "set", name)
}

/// `self` of a method shared by `set` and `frozenset`.
fn any(vm: &mut Vm, v: Value, name: &str) -> PyResult<()> {
    applies(vm, v, is_anyset(v), "set", name)
}

/// The positional arguments after `self` of a `*others` method (no keywords allowed).
fn others<'a>(vm: &mut Vm, a: &'a [Value], kwnames: Value, name: &str) -> PyResult<&'a [Value]> {
    any(vm, a[0], name)?;
    if !tuple::items(kwnames).is_empty() {
        let q = qual(vm, a[0], name);
        return Err(vm.type_error(format!("{q}() takes no keyword arguments")));
    }
    Ok(&a[1..])
}

fn one(vm: &mut Vm, a: &[Value], kwnames: Value, name: &str) -> PyResult<Value> {
    let q = qual(vm, a[0], name);
    let v = one_arg(vm, &q, a, kwnames)?;
    any(vm, a[0], name)?;
    Ok(v)
}

fn set_add(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let key = one_arg(vm, "set.add", a, kwnames)?;
    mutable(vm, a[0], "add")?;
    ops::ensure_table(vm, set_of(a[0]))?;
    vm.set_add(a[0], key)?;
    Ok(Value::NONE)
}

fn set_remove(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let key = one_arg(vm, "set.remove", a, kwnames)?;
    mutable(vm, a[0], "remove")?;
    if !ops::discard_or_frozen(vm, a[0], key)? {
        return Err(vm.key_error(key));
    }
    Ok(Value::NONE)
}

fn set_discard(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let key = one_arg(vm, "set.discard", a, kwnames)?;
    mutable(vm, a[0], "discard")?;
    ops::discard_or_frozen(vm, a[0], key)?;
    Ok(Value::NONE)
}

fn set_pop(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "set.pop", a, kwnames)?;
    mutable(vm, a[0], "pop")?;
    ops::pop(vm, a[0])
}

fn set_clear(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "set.clear", a, kwnames)?;
    mutable(vm, a[0], "clear")?;
    ops::clear(vm, a[0])?;
    Ok(Value::NONE)
}

fn set_copy(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let q = qual(vm, a[0], "copy");
    no_args(vm, &q, a, kwnames)?;
    any(vm, a[0], "copy")?;
    if a[0].obj_type() == Some(vm.types.frozenset) {
        return Ok(a[0]);
    }
    ops::set_copy(vm, a[0])
}

fn set_update(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    mutable(vm, a[0], "update")?;
    for &o in others(vm, a, kwnames, "update")? {
        ops::update_internal(vm, a[0], o)?;
    }
    Ok(Value::NONE)
}

fn set_union(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let rest = others(vm, a, kwnames, "union")?;
    let result = ops::set_copy(vm, a[0])?;
    for &o in rest {
        if o != a[0] {
            ops::update_internal(vm, result, o)?;
        }
    }
    Ok(result)
}

fn intersection_multi(vm: &mut Vm, a: &[Value], kwnames: Value, name: &str) -> PyResult<Value> {
    let rest = others(vm, a, kwnames, name)?;
    if rest.is_empty() {
        return ops::set_copy(vm, a[0]);
    }
    let mut result = a[0];
    for &o in rest {
        result = ops::intersection(vm, result, o)?;
    }
    Ok(result)
}

fn set_intersection(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    intersection_multi(vm, a, kwnames, "intersection")
}

fn set_intersection_update(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    mutable(vm, a[0], "intersection_update")?;
    let tmp = intersection_multi(vm, a, kwnames, "intersection_update")?;
    ops::swap_bodies(vm, a[0], tmp);
    Ok(Value::NONE)
}

fn set_difference(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let rest = others(vm, a, kwnames, "difference")?;
    let Some((&first, rest)) = rest.split_first() else {
        return ops::set_copy(vm, a[0]);
    };
    let result = ops::difference(vm, a[0], first)?;
    for &o in rest {
        ops::difference_update_internal(vm, result, o)?;
    }
    Ok(result)
}

fn set_difference_update(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    mutable(vm, a[0], "difference_update")?;
    for &o in others(vm, a, kwnames, "difference_update")? {
        ops::difference_update_internal(vm, a[0], o)?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let o = one(vm, a, kwnames, "symmetric_difference")?;
    ops::symmetric_difference(vm, a[0], o)
}

fn set_symmetric_difference_update(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let o = one_arg(vm, "set.symmetric_difference_update", a, kwnames)?;
    mutable(vm, a[0], "symmetric_difference_update")?;
    ops::symmetric_difference_update(vm, a[0], o)?;
    Ok(Value::NONE)
}

fn set_issubset(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let o = one(vm, a, kwnames, "issubset")?;
    ops::issubset(vm, a[0], o).map(Value::from_bool)
}

fn issuperset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    let other = if is_anyset(other) {
        other
    } else {
        let ty = vm.types.set;
        ops::make_new_set(vm, ty, Some(other))?
    };
    ops::issubset(vm, other, so)
}

fn set_issuperset(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let o = one(vm, a, kwnames, "issuperset")?;
    issuperset(vm, a[0], o).map(Value::from_bool)
}

fn set_isdisjoint(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let other = one(vm, a, kwnames, "isdisjoint")?;
    let so = a[0];
    if so == other {
        return Ok(Value::from_bool(set_of(so).is_empty()));
    }
    let exact =
        other.obj_type() == Some(vm.types.set) || other.obj_type() == Some(vm.types.frozenset);
    if exact {
        let (big, small) = if set_of(other).len() > set_of(so).len() {
            (other, so)
        } else {
            (so, other)
        };
        let mut pos = 0;
        while let Some((k, _)) = ops::next_entry(set_of(small), &mut pos) {
            if vm.set_contains(set_of(big), k)? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let it = vm.iter(other)?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        if ops::contains_key(vm, so, k)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn set_contains(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let key = one(vm, a, kwnames, "__contains__")?;
    ops::contains_or_frozen(vm, a[0], key).map(Value::from_bool)
}

fn slot_self(vm: &mut Vm, v: Value, name: &str) -> PyResult<()> {
    require(vm, v, is_anyset(v), "set", name)
}

fn set_len(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    slot_self(vm, a[0], "__len__")?;
    Ok(Value::small_int(set_of(a[0]).len() as isize))
}

fn set_iter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    slot_self(vm, a[0], "__iter__")?;
    let ty = vm.types.iterator;
    vm.new_iter(ty, IterKind::Set, a[0], Value::NULL, 0, 0)
}

fn set_repr(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    slot_self(vm, a[0], "__repr__")?;
    let s = vm.repr_string(a[0])?;
    vm.new_str(&s)
}

fn frozenset_hash(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    let ok = is_anyset(a[0]) && is_frozen_type(vm, vm.type_of(a[0]));
    require(vm, a[0], ok, "frozenset", "__hash__")?;
    let s = set_of(a[0]);
    if s.hash.get() == -1 {
        s.hash.set(ops::frozenset_hash(s));
    }
    vm.int_from_i64(s.hash.get() as i64)
}

/// `a op b` where `a` is `self` (`reflected`: `b op a`) for the set operators.
fn binop(
    vm: &mut Vm,
    a: &[Value],
    kwnames: Value,
    name: &str,
    op: u8,
    reflected: bool,
) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    slot_self(vm, a[0], name)?;
    if !is_anyset(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (x, y) = if reflected {
        (a[1], a[0])
    } else {
        (a[0], a[1])
    };
    match op {
        b'|' => ops::union(vm, x, y),
        b'&' => ops::intersection(vm, x, y),
        b'-' => ops::difference(vm, x, y),
        _ => ops::symmetric_difference(vm, x, y),
    }
}

/// `a op= b` for a mutable set.
fn inplace(vm: &mut Vm, a: &[Value], kwnames: Value, name: &str, op: u8) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    let ok = is_mutable_set(vm, a[0]);
    require(vm, a[0], ok, "set", name)?;
    if !is_anyset(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match op {
        b'|' => ops::update_internal(vm, a[0], a[1])?,
        b'&' => ops::intersection_update(vm, a[0], a[1])?,
        b'-' => ops::difference_update_internal(vm, a[0], a[1])?,
        _ => ops::symmetric_difference_update(vm, a[0], a[1])?,
    }
    Ok(a[0])
}

macro_rules! set_binops {
    ($($name:ident $dunder:literal $op:literal $kind:ident;)*) => {$(
        fn $name(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
            set_binops!(@call $kind vm a kwnames $dunder $op)
        }
    )*};
    (@call fwd $vm:ident $a:ident $k:ident $d:literal $op:literal) => { binop($vm, $a, $k, $d, $op, false) };
    (@call rev $vm:ident $a:ident $k:ident $d:literal $op:literal) => { binop($vm, $a, $k, $d, $op, true) };
    (@call inp $vm:ident $a:ident $k:ident $d:literal $op:literal) => { inplace($vm, $a, $k, $d, $op) };
}

set_binops! {
    set_or "__or__" b'|' fwd;
    set_ror "__ror__" b'|' rev;
    set_and "__and__" b'&' fwd;
    set_rand "__rand__" b'&' rev;
    set_sub "__sub__" b'-' fwd;
    set_rsub "__rsub__" b'-' rev;
    set_xor "__xor__" b'^' fwd;
    set_rxor "__rxor__" b'^' rev;
    set_ior "__ior__" b'|' inp;
    set_iand "__iand__" b'&' inp;
    set_isub "__isub__" b'-' inp;
    set_ixor "__ixor__" b'^' inp;
}

/// CPython's `set_richcompare`.
fn richcompare(vm: &mut Vm, op: Comparison, v: Value, w: Value) -> PyResult<Value> {
    if !is_anyset(w) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (lv, lw) = (set_of(v).len(), set_of(w).len());
    let r = match op {
        Comparison::Eq | Comparison::Ne => {
            let (hv, hw) = (set_of(v).hash.get(), set_of(w).hash.get());
            let frozen = is_frozen_type(vm, vm.type_of(v)) && is_frozen_type(vm, vm.type_of(w));
            let eq = lv == lw
                && !(frozen && hv != -1 && hw != -1 && hv != hw)
                && ops::issubset(vm, v, w)?;
            eq == (op == Comparison::Eq)
        }
        Comparison::Le => ops::issubset(vm, v, w)?,
        Comparison::Ge => issuperset(vm, v, w)?,
        Comparison::Lt => lv < lw && ops::issubset(vm, v, w)?,
        Comparison::Gt => lv > lw && issuperset(vm, v, w)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::from_bool(r))
}

macro_rules! set_cmp {
    ($($name:ident $op:ident $dunder:literal;)*) => {$(
        fn $name(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
            slot_args(vm, a, kwnames, 1)?;
            slot_self(vm, a[0], $dunder)?;
            richcompare(vm, Comparison::$op, a[0], a[1])
        }
    )*};
}

set_cmp! {
    set_eq Eq "__eq__";
    set_ne Ne "__ne__";
    set_lt Lt "__lt__";
    set_le Le "__le__";
    set_gt Gt "__gt__";
    set_ge Ge "__ge__";
}

/// Install the methods of `set` and `frozenset`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let shared = [
        meth!("set", "copy", set_copy),
        meth!("set", "union", set_union),
        meth!("set", "intersection", set_intersection),
        meth!("set", "difference", set_difference),
        meth!("set", "symmetric_difference", set_symmetric_difference),
        meth!("set", "issubset", set_issubset),
        meth!("set", "issuperset", set_issuperset),
        meth!("set", "isdisjoint", set_isdisjoint),
        meth!("set", "__contains__", set_contains),
        meth!("set", "__len__", set_len),
        meth!("set", "__iter__", set_iter),
        meth!("set", "__repr__", set_repr),
        meth!("set", "__or__", set_or),
        meth!("set", "__ror__", set_ror),
        meth!("set", "__and__", set_and),
        meth!("set", "__rand__", set_rand),
        meth!("set", "__sub__", set_sub),
        meth!("set", "__rsub__", set_rsub),
        meth!("set", "__xor__", set_xor),
        meth!("set", "__rxor__", set_rxor),
        meth!("set", "__eq__", set_eq),
        meth!("set", "__ne__", set_ne),
        meth!("set", "__lt__", set_lt),
        meth!("set", "__le__", set_le),
        meth!("set", "__gt__", set_gt),
        meth!("set", "__ge__", set_ge),
    ];
    let s = vm.types.set;
    vm.add_methods(s, &shared)?;
    vm.add_methods(
        s,
        &[
            meth!("set", "add", set_add),
            meth!("set", "remove", set_remove),
            meth!("set", "discard", set_discard),
            meth!("set", "pop", set_pop),
            meth!("set", "clear", set_clear),
            meth!("set", "update", set_update),
            meth!("set", "intersection_update", set_intersection_update),
            meth!("set", "difference_update", set_difference_update),
            meth!(
                "set",
                "symmetric_difference_update",
                set_symmetric_difference_update
            ),
            meth!("set", "__ior__", set_ior),
            meth!("set", "__iand__", set_iand),
            meth!("set", "__isub__", set_isub),
            meth!("set", "__ixor__", set_ixor),
        ],
    )?;
    // Sets are unhashable: `set.__hash__` is None.
    vm.dict_set_str(s.dict.get(), "__hash__", Value::NONE)?;
    let f = vm.types.frozenset;
    vm.add_methods(f, &shared)?;
    vm.add_methods(f, &[meth!("frozenset", "__hash__", frozenset_hash)])
}
