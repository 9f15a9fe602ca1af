//! `dict` construction, the named methods (`keys`, `values`, `items`, `get`, `pop`, `popitem`,
//! `setdefault`, `update`, `copy`, `clear`, `fromkeys`) and the view types (`dict_keys`,
//! `dict_values`, `dict_items`). The special methods of `dict` are in `types::dict_methods`.

use super::tuple::meth;
use super::tuple::{applies, arg_range, no_args, require, slot_args};
use super::{classmethod, staticmethod};
use crate::obj::dict::as_dict;
use crate::obj::{DictViewObj, Header, IterKind, Kind};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use frontend::bytecode::Comparison;

/// Check the `self` of a named `dict` method.
pub fn this(vm: &mut Vm, v: Value, name: &str) -> PyResult<()> {
    applies(vm, v, as_dict(v).is_some(), "dict", name)
}

fn dict_new(vm: &mut Vm, a: &[Value], _kwnames: Value) -> PyResult<Value> {
    let base = vm.types.dict;
    let ty = super::tuple::new_type(vm, a, base)?;
    vm.new_dict_of_type(ty)
}

/// `dict.update(self, [other], **kw)` minus the checks (also `dict.__init__`).
fn update_from(vm: &mut Vm, a: &[Value], kwnames: Value, name: &str) -> PyResult<()> {
    let kwn = crate::obj::tuple::items(kwnames);
    let npos = a.len() - kwn.len();
    if npos > 2 {
        return Err(vm.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            npos - 1
        )));
    }
    if npos == 2 {
        crate::ops::iter::update_dict(vm, a[0], a[1], false)?;
    }
    for (j, &k) in kwn.iter().enumerate() {
        vm.dict_set(a[0], k, a[npos + j])?;
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    require(vm, a[0], as_dict(a[0]).is_some(), "dict", "__init__")?;
    update_from(vm, a, kwnames, "dict")?;
    Ok(Value::NONE)
}

fn dict_update(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    this(vm, a[0], "update")?;
    update_from(vm, a, kwnames, "update")?;
    Ok(Value::NONE)
}

fn view(vm: &mut Vm, a: &[Value], kwnames: Value, kind: IterKind, name: &str) -> PyResult<Value> {
    no_args(vm, &format!("dict.{name}"), a, kwnames)?;
    this(vm, a[0], name)?;
    let ty = match kind {
        IterKind::DictKeys => vm.types.dict_keys,
        IterKind::DictValues => vm.types.dict_values,
        _ => vm.types.dict_items,
    };
    let g = vm.alloc(
        DictViewObj {
            header: Header::new(ty),
            dict: a[0],
            view: kind,
        },
        false,
    )?;
    Ok(Value::from_obj(g))
}

fn dict_keys(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    view(vm, a, kwnames, IterKind::DictKeys, "keys")
}

fn dict_values(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    view(vm, a, kwnames, IterKind::DictValues, "values")
}

fn dict_items(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    view(vm, a, kwnames, IterKind::DictItems, "items")
}

fn dict_get(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    arg_range(vm, "get", a, kwnames, 1, 2)?;
    this(vm, a[0], "get")?;
    Ok(vm
        .dict_get(a[0], a[1])?
        .unwrap_or(if a.len() > 2 { a[2] } else { Value::NONE }))
}

fn dict_pop(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    arg_range(vm, "pop", a, kwnames, 1, 2)?;
    this(vm, a[0], "pop")?;
    // CPython's `pop` looks at an empty dict's size before hashing the key.
    let empty = as_dict(a[0]).is_some_and(|d| d.is_empty());
    let removed = if empty {
        None
    } else {
        vm.dict_remove(a[0], a[1])?
    };
    match removed {
        Some(v) => Ok(v),
        None if a.len() > 2 => Ok(a[2]),
        None => Err(vm.key_error(a[1])),
    }
}

fn dict_popitem(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "dict.popitem", a, kwnames)?;
    this(vm, a[0], "popitem")?;
    let d = as_dict(a[0]).expect("dict");
    let mut pos = d.entry_limit();
    let (k, v) = loop {
        if pos == 0 {
            return Err(vm.new_exc(ExcKind::KeyError, "popitem(): dictionary is empty"));
        }
        pos -= 1;
        if let Some(kv) = d.entry_at(pos) {
            break kv;
        }
    };
    let t = vm.new_tuple(&[k, v])?;
    vm.dict_remove(a[0], k)?;
    // Forget trailing deleted entries (no index slot refers to them), so that popping
    // everything stays linear, as in CPython.
    let mut limit = d.entry_limit();
    while limit > 0 && d.entry_at(limit - 1).is_none() {
        limit -= 1;
    }
    d.filled.set(limit);
    Ok(t)
}

fn dict_setdefault(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    arg_range(vm, "setdefault", a, kwnames, 1, 2)?;
    this(vm, a[0], "setdefault")?;
    if let Some(v) = vm.dict_get(a[0], a[1])? {
        return Ok(v);
    }
    let dflt = if a.len() > 2 { a[2] } else { Value::NONE };
    vm.dict_set(a[0], a[1], dflt)?;
    Ok(dflt)
}

fn dict_copy(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "dict.copy", a, kwnames)?;
    this(vm, a[0], "copy")?;
    vm.dict_copy(a[0])
}

fn dict_clear(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "dict.clear", a, kwnames)?;
    this(vm, a[0], "clear")?;
    vm.dict_clear(a[0]);
    Ok(Value::NONE)
}

fn dict_fromkeys(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    arg_range(vm, "fromkeys", a, kwnames, 1, 2)?;
    let value = if a.len() > 2 { a[2] } else { Value::NONE };
    let d = vm.call(a[0], &[])?;
    let exact = d.obj_type() == Some(vm.types.dict);
    let it = vm.iter(a[1])?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        if exact {
            vm.dict_set(d, k, value)?;
        } else {
            crate::ops::subscr::setitem(vm, d, k, value)?;
        }
    }
    Ok(d)
}

// ----- views -----

fn view_of(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static DictViewObj> {
    match v.as_ref::<DictViewObj>() {
        Some(view) => Ok(view),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a dict view object but received a '{t}'"
            )))
        }
    }
}

/// `x in view`.
pub fn view_contains(vm: &mut Vm, v: Value, item: Value) -> PyResult<bool> {
    let view = v.as_ref::<DictViewObj>().expect("view");
    match view.view {
        IterKind::DictKeys => Ok(vm.dict_get(view.dict, item)?.is_some()),
        IterKind::DictItems => {
            if item.obj_kind() != Some(Kind::Tuple) {
                return Ok(false);
            }
            let kv = crate::obj::tuple::items(item);
            if kv.len() != 2 {
                return Ok(false);
            }
            match vm.dict_get(view.dict, kv[0])? {
                Some(val) => Ok(val == kv[1] || vm.eq(val, kv[1])?),
                None => Ok(false),
            }
        }
        _ => {
            let d = as_dict(view.dict).expect("dict");
            let mut pos = 0;
            while pos < d.entry_limit() {
                if let Some((_, val)) = d.entry_at(pos)
                    && (val == item || vm.eq(val, item)?)
                {
                    return Ok(true);
                }
                pos += 1;
            }
            Ok(false)
        }
    }
}

/// Is `v` a keys or items view (the set-like views)?
pub fn is_set_view(v: Value) -> bool {
    v.as_ref::<DictViewObj>()
        .is_some_and(|view| view.view != IterKind::DictValues)
}

/// Comparison of a set-like view with a set or another set-like view (CPython's
/// `dictview_richcompare`); `None` when the operands don't compare this way.
pub fn view_compare(vm: &mut Vm, op: Comparison, a: Value, b: Value) -> PyResult<Option<bool>> {
    let set_like = |v: Value| is_set_view(v) || v.obj_kind() == Some(Kind::Set);
    if !(is_set_view(a) || is_set_view(b)) || !set_like(a) || !set_like(b) {
        return Ok(None);
    }
    let la = crate::ops::subscr::len(vm, a)?;
    let lb = crate::ops::subscr::len(vm, b)?;
    let all_in = |vm: &mut Vm, x: Value, y: Value| -> PyResult<bool> {
        let it = vm.iter(x)?;
        while let Some(k) = crate::ops::iter::next(vm, it)? {
            if !crate::ops::subscr::contains(vm, y, k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(Some(match op {
        Comparison::Eq => la == lb && all_in(vm, a, b)?,
        Comparison::Ne => !(la == lb && all_in(vm, a, b)?),
        Comparison::Lt => la < lb && all_in(vm, a, b)?,
        Comparison::Le => la <= lb && all_in(vm, a, b)?,
        Comparison::Gt => la > lb && all_in(vm, b, a)?,
        Comparison::Ge => la >= lb && all_in(vm, b, a)?,
        _ => return Ok(None),
    }))
}

fn view_len(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    let view = view_of(vm, a[0], "__len__")?;
    Ok(Value::small_int(
        as_dict(view.dict).map_or(0, |d| d.len()) as isize
    ))
}

fn view_iter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    let view = view_of(vm, a[0], "__iter__")?;
    let ty = vm.types.iterator;
    vm.new_iter(ty, view.view, view.dict, Value::NULL, 0, 0)
}

/// A reverse iterator over a snapshot of `v`'s items (dicts and their views).
pub fn reversed_snapshot(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = crate::ops::iter::to_list(vm, v)?;
    let n = items
        .as_ref::<crate::obj::list::ListObj>()
        .map_or(0, |l| l.len());
    let ty = vm.types.reversed;
    vm.new_iter(
        ty,
        IterKind::ListReversed,
        items,
        Value::NULL,
        n as isize - 1,
        0,
    )
}

fn view_reversed(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "__reversed__", a, kwnames)?;
    view_of(vm, a[0], "__reversed__")?;
    reversed_snapshot(vm, a[0])
}

fn view_contains_m(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    view_of(vm, a[0], "__contains__")?;
    view_contains(vm, a[0], a[1]).map(Value::from_bool)
}

fn view_isdisjoint(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let other = super::tuple::one_arg(vm, "isdisjoint", a, kwnames)?;
    view_of(vm, a[0], "isdisjoint")?;
    let it = vm.iter(other)?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        if view_contains(vm, a[0], k)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn view_repr(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    view_of(vm, a[0], "__repr__")?;
    let s = vm.repr_string(a[0])?;
    vm.new_str(&s)
}

fn view_cmp(
    vm: &mut Vm,
    a: &[Value],
    kwnames: Value,
    op: Comparison,
    name: &str,
) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    view_of(vm, a[0], name)?;
    Ok(match view_compare(vm, op, a[0], a[1])? {
        Some(r) => Value::from_bool(r),
        None => Value::NOT_IMPLEMENTED,
    })
}

macro_rules! view_cmp_methods {
    ($($name:ident $op:ident $dunder:literal;)*) => {$(
        fn $name(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
            view_cmp(vm, a, kwnames, Comparison::$op, $dunder)
        }
    )*};
}

view_cmp_methods! {
    view_eq Eq "__eq__";
    view_ne Ne "__ne__";
    view_lt Lt "__lt__";
    view_le Le "__le__";
    view_gt Gt "__gt__";
    view_ge Ge "__ge__";
}

/// Install `dict` methods and the view types' methods (more in `types::dict_methods`).
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.dict;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", dict_new),
            meth!("dict", "__init__", dict_init),
            meth!("dict", "keys", dict_keys),
            meth!("dict", "values", dict_values),
            meth!("dict", "items", dict_items),
            meth!("dict", "get", dict_get),
            meth!("dict", "pop", dict_pop),
            meth!("dict", "popitem", dict_popitem),
            meth!("dict", "setdefault", dict_setdefault),
            meth!("dict", "update", dict_update),
            meth!("dict", "copy", dict_copy),
            meth!("dict", "clear", dict_clear),
            classmethod("fromkeys", dict_fromkeys),
        ],
    )?;
    for ty in [
        vm.types.dict_keys,
        vm.types.dict_values,
        vm.types.dict_items,
    ] {
        vm.add_methods(
            ty,
            &[
                meth!("dict_keys", "__len__", view_len),
                meth!("dict_keys", "__iter__", view_iter),
                meth!("dict_keys", "__reversed__", view_reversed),
                meth!("dict_keys", "__repr__", view_repr),
            ],
        )?;
    }
    for ty in [vm.types.dict_keys, vm.types.dict_items] {
        vm.add_methods(
            ty,
            &[
                meth!("dict_keys", "__contains__", view_contains_m),
                meth!("dict_keys", "isdisjoint", view_isdisjoint),
                meth!("dict_keys", "__eq__", view_eq),
                meth!("dict_keys", "__ne__", view_ne),
                meth!("dict_keys", "__lt__", view_lt),
                meth!("dict_keys", "__le__", view_le),
                meth!("dict_keys", "__gt__", view_gt),
                meth!("dict_keys", "__ge__", view_ge),
            ],
        )?;
        // The set-like views are unhashable.
        vm.dict_set_str(ty.dict.get(), "__hash__", Value::NONE)?;
    }
    Ok(())
}
