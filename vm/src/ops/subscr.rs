//! Subscription and containment: `obj[key]`, `obj[key] = v`, `del obj[key]` for the built-in
//! sequences and mappings (indices, negative indices and slices, including slice assignment and
//! deletion), `__getitem__`/`__setitem__`/`__delitem__`/`__contains__` of user classes, `in`, and
//! the namespace-dict helpers used by `LoadName`/`StoreName`.

use crate::obj::dict::{self, as_dict};
use crate::obj::list::{ByteArrayObj, ListObj};
use crate::obj::set::SetObj;
use crate::obj::tuple;
use crate::obj::{Kind, RangeObj, SliceObj};
use crate::ops::arith::index_of;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;
use frontend::bytecode::Comparison;

/// Resolved slice bounds for a sequence of length `len`: `(start, stop, step, count)`.
pub fn slice_indices(
    vm: &mut Vm,
    s: &SliceObj,
    len: usize,
) -> PyResult<(isize, isize, isize, usize)> {
    let len = len as isize;
    let step = if s.step.is_none() {
        1
    } else {
        match index_of(vm, s.step) {
            Ok(st) => st,
            // A huge step is clamped, as CPython does.
            Err(_) if crate::obj::int::is_int(s.step) => {
                if crate::obj::int::to_bigint(s.step)
                    .is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
                {
                    -isize::MAX
                } else {
                    isize::MAX
                }
            }
            Err(e) => return Err(e),
        }
    };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let clamp = |vm: &mut Vm, v: Value, default: isize| -> PyResult<isize> {
        if v.is_none() {
            return Ok(default);
        }
        let mut i = match index_of(vm, v) {
            Ok(i) => i,
            Err(_) if crate::obj::int::is_int(v) => {
                // Huge bounds clamp like CPython.
                if crate::obj::int::to_bigint(v)
                    .is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
                {
                    isize::MIN / 2
                } else {
                    isize::MAX / 2
                }
            }
            Err(_) => {
                return Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
        };
        if i < 0 {
            i += len;
            if i < 0 {
                i = if step < 0 { -1 } else { 0 };
            }
        } else if i >= len {
            i = if step < 0 { len - 1 } else { len };
        }
        Ok(i)
    };
    let (dstart, dstop) = if step < 0 { (len - 1, -1) } else { (0, len) };
    let start = clamp(vm, s.start, dstart)?;
    let stop = clamp(vm, s.stop, dstop)?;
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

/// Normalise an index for a sequence of length `len` (IndexError when out of range).
pub fn seq_index(vm: &mut Vm, key: Value, len: usize, what: &str) -> PyResult<usize> {
    seq_index_for(vm, key, len, what, "")
}

/// [`seq_index`] for an assignment or deletion (`action`): `list assignment index out of range`.
pub fn seq_index_for(
    vm: &mut Vm,
    key: Value,
    len: usize,
    what: &str,
    action: &str,
) -> PyResult<usize> {
    let i = match key.as_small_int() {
        Some(i) => i,
        None => {
            if !crate::obj::int::is_int(key)
                && crate::ops::attr::call_special(vm, key, "__index__", &[])
                    .ok()
                    .flatten()
                    .is_none()
            {
                let t = vm.type_name(key);
                return Err(vm.type_error(format!(
                    "{what} indices must be integers or slices, not {t}"
                )));
            }
            match index_of(vm, key) {
                Ok(i) => i,
                Err(_) => {
                    return Err(vm.index_error("cannot fit 'int' into an index-sized integer"));
                }
            }
        }
    };
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j >= len as isize {
        let sep = if action.is_empty() { "" } else { " " };
        return Err(vm.index_error(format!("{what}{sep}{action} index out of range")));
    }
    Ok(j as usize)
}

/// `obj[key]`.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    if obj.obj_kind() == Some(Kind::Native)
        && let Some(r) = crate::modules::array::fast_getitem(vm, obj, key)
    {
        return r;
    }
    let user = vm.type_of(obj).has(crate::obj::typeobj::flags::HEAPTYPE);
    if user && let Some(r) = crate::ops::attr::call_special(vm, obj, "__getitem__", &[key])? {
        return Ok(r);
    }
    match obj.obj_kind() {
        Some(Kind::List) => {
            let l = obj.as_ref::<ListObj>().expect("list");
            if let Some(i) = key.as_small_int() {
                let len = l.len() as isize;
                let j = if i < 0 { i + len } else { i };
                if j >= 0 && j < len {
                    return Ok(l.items()[j as usize].get());
                }
                return Err(vm.index_error("list index out of range"));
            }
            if let Some(s) = key.as_ref::<SliceObj>() {
                return crate::types::list_methods::get_slice(vm, l, s);
            }
            let i = seq_index(vm, key, l.len(), "list")?;
            Ok(l.items()[i].get())
        }
        Some(Kind::Tuple) => {
            let items = tuple::items(obj);
            if let Some(s) = key.as_ref::<SliceObj>() {
                let (start, _, step, n) = slice_indices(vm, s, items.len())?;
                if step == 1 && start == 0 && n == items.len() && vm.type_of(obj) == vm.types.tuple
                {
                    return Ok(obj);
                }
                return vm.new_tuple_with(n, |k| items[(start + k as isize * step) as usize]);
            }
            let i = seq_index(vm, key, items.len(), "tuple")?;
            Ok(items[i])
        }
        Some(Kind::Dict) => {
            if let Some(v) = vm.dict_get(obj, key)? {
                return Ok(v);
            }
            if vm.type_of(obj) != vm.types.dict
                && let Some(r) = crate::ops::attr::call_special(vm, obj, "__missing__", &[key])?
            {
                return Ok(r);
            }
            Err(vm.key_error(key))
        }
        Some(Kind::Range) => crate::types::range::range_getitem(vm, obj, key),
        Some(Kind::Bytes) | Some(Kind::ByteArray) => {
            crate::types::bytes::bytes_getitem(vm, obj, key)
        }
        Some(Kind::Type) => {
            // `list[int]` and friends (PEP 585), or a metaclass __getitem__ / __class_getitem__.
            let name = crate::interner::names::CLASS_GETITEM;
            if let Some(f) = vm.getattr_opt(obj, name)? {
                return vm.call(f, &[key]);
            }
            let t = &vm.types;
            let generic = [t.list, t.dict, t.tuple, t.set, t.frozenset, t.type_]
                .iter()
                .any(|g| Value::from_obj(*g) == obj);
            if generic {
                return crate::ops::type_forms::generic_alias(vm, obj, key);
            }
            not_subscriptable(vm, obj)
        }
        _ if vm.is_str(obj) => crate::types::str::str_getitem(vm, obj, key),
        _ => {
            if !user
                && let Some(r) = crate::ops::attr::call_special(vm, obj, "__getitem__", &[key])?
            {
                return Ok(r);
            }
            not_subscriptable(vm, obj)
        }
    }
}

fn not_subscriptable(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    if let Some(t) = obj.as_ref::<crate::obj::TypeObj>() {
        let n = t.name_str(vm);
        return Err(vm.type_error(format!("type '{n}' is not subscriptable")));
    }
    let t = vm.type_name(obj);
    Err(vm.type_error(format!("'{t}' object is not subscriptable")))
}

/// `obj[key] = value`.
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    if obj.obj_kind() == Some(Kind::Native)
        && let Some(r) = crate::modules::array::fast_setitem(vm, obj, key, value)
    {
        return r;
    }
    if vm.type_of(obj).has(crate::obj::typeobj::flags::HEAPTYPE)
        && let Some(_r) = crate::ops::attr::call_special(vm, obj, "__setitem__", &[key, value])?
    {
        return Ok(());
    }
    match obj.obj_kind() {
        Some(Kind::List) => {
            let l = obj.as_ref::<ListObj>().expect("list");
            if let Some(s) = key.as_ref::<SliceObj>() {
                return crate::types::list_methods::set_slice(vm, l, s, value);
            }
            let i = seq_index_for(vm, key, l.len(), "list", "assignment")?;
            l.items()[i].set(value);
            Ok(())
        }
        Some(Kind::Dict) => vm.dict_set(obj, key, value),
        Some(Kind::ByteArray) => crate::types::bytes::bytearray_setitem(vm, obj, key, value),
        Some(Kind::MemoryView) => crate::types::memoryview::mv_setitem(vm, obj, key, value),
        _ => {
            let t = vm.type_name(obj);
            Err(vm.type_error(format!("'{t}' object does not support item assignment")))
        }
    }
}

/// `del obj[key]`.
pub fn delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    if vm.type_of(obj).has(crate::obj::typeobj::flags::HEAPTYPE)
        && crate::ops::attr::call_special(vm, obj, "__delitem__", &[key])?.is_some()
    {
        return Ok(());
    }
    match obj.obj_kind() {
        Some(Kind::List) => {
            let l = obj.as_ref::<ListObj>().expect("list");
            if let Some(s) = key.as_ref::<SliceObj>() {
                let (start, _, step, n) = slice_indices(vm, s, l.len())?;
                let mut doomed: Vec<usize> = (0..n)
                    .map(|k| (start + k as isize * step) as usize)
                    .collect();
                doomed.sort_unstable();
                let items = l.items();
                let mut w = 0;
                let mut d = 0;
                for r in 0..items.len() {
                    if d < doomed.len() && doomed[d] == r {
                        d += 1;
                        continue;
                    }
                    items[w].set(items[r].get());
                    w += 1;
                }
                vm.list_truncate(l, w);
                return Ok(());
            }
            let i = seq_index_for(vm, key, l.len(), "list", "assignment")?;
            vm.list_remove_at(l, i);
            Ok(())
        }
        Some(Kind::Dict) => match vm.dict_remove(obj, key)? {
            Some(_) => Ok(()),
            None => Err(vm.key_error(key)),
        },
        Some(Kind::ByteArray) => crate::types::bytes::bytearray_delitem(vm, obj, key),
        Some(Kind::MemoryView) => Err(vm.type_error("cannot delete memory")),
        _ => {
            let t = vm.type_name(obj);
            // CPython words an integer index (its sequence slot) differently from other keys.
            let verb = if crate::obj::int::is_int(key) {
                "doesn't"
            } else {
                "does not"
            };
            Err(vm.type_error(format!("'{t}' object {verb} support item deletion")))
        }
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    let user = vm
        .type_of(container)
        .has(crate::obj::typeobj::flags::HEAPTYPE);
    if user && let Some(r) = crate::ops::attr::call_special(vm, container, "__contains__", &[item])?
    {
        return vm.truthy(r);
    }
    if let Some(s) = vm.str_of(container) {
        let Some(sub) = vm.str_of(item) else {
            let t = vm.type_name(item);
            return Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {t}"
            )));
        };
        return Ok(s.contains(sub));
    }
    match container.obj_kind() {
        Some(Kind::List) => {
            let l = container.as_ref::<ListObj>().expect("list");
            let mut i = 0;
            while i < l.len() {
                let v = l.items()[i].get();
                if v == item || vm.eq(v, item)? {
                    return Ok(true);
                }
                i += 1;
            }
            Ok(false)
        }
        Some(Kind::Tuple) => {
            for &v in tuple::items(container) {
                if v == item || vm.eq(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(Kind::Dict) => Ok(vm.dict_get(container, item)?.is_some()),
        Some(Kind::Set) => {
            let s = container.as_ref::<SetObj>().expect("set");
            match vm.set_contains(s, item) {
                Ok(b) => Ok(b),
                Err(e)
                    if item.obj_kind() == Some(Kind::Set) && vm.exc_is(e.0, ExcKind::TypeError) =>
                {
                    let fs = crate::types::set_ops::frozen_copy(vm, item)?;
                    vm.set_contains(s, fs)
                }
                Err(e) => Err(e),
            }
        }
        Some(Kind::Range) => crate::types::range::range_contains(vm, container, item),
        Some(Kind::Bytes) | Some(Kind::ByteArray) => {
            crate::types::bytes::bytes_contains(vm, container, item)
        }
        Some(Kind::DictView) => crate::types::dict::view_contains(vm, container, item),
        _ => {
            if !user
                && let Some(r) =
                    crate::ops::attr::call_special(vm, container, "__contains__", &[item])?
            {
                return vm.truthy(r);
            }
            let it = match vm.iter(container) {
                Ok(it) => it,
                Err(e) if vm.exc_is(e.0, ExcKind::TypeError) => {
                    let t = vm.type_name(container);
                    return Err(vm.type_error(format!("argument of type '{t}' is not iterable")));
                }
                Err(e) => return Err(e),
            };
            while let Some(v) = crate::ops::iter::next(vm, it)? {
                if v == item || vm.eq(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Read a name from a namespace (a dict or any mapping).
#[inline]
pub fn mapping_get(vm: &mut Vm, ns: Value, name: Value) -> PyResult<Option<Value>> {
    if ns.is_null() {
        return Ok(None);
    }
    if ns.obj_type() == Some(vm.types.dict) {
        return dict::get_str(vm, ns, name);
    }
    match getitem(vm, ns, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.exc_is(e.0, ExcKind::KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Store a name into a namespace.
pub fn mapping_set(vm: &mut Vm, ns: Value, name: Value, v: Value) -> PyResult<()> {
    if ns.obj_type() == Some(vm.types.dict) {
        return vm.dict_set(ns, name, v);
    }
    setitem(vm, ns, name, v)
}

/// Delete a name from a namespace: false when it was missing.
pub fn mapping_del(vm: &mut Vm, ns: Value, name: Value) -> PyResult<bool> {
    if ns.obj_type() == Some(vm.types.dict) {
        return Ok(vm.dict_remove(ns, name)?.is_some());
    }
    match delitem(vm, ns, name) {
        Ok(()) => Ok(true),
        Err(e) if vm.exc_is(e.0, ExcKind::KeyError) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `a == b` for two dicts.
pub fn dict_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let (da, db) = (as_dict(a).expect("dict"), as_dict(b).expect("dict"));
    if da.len() != db.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while pos < da.entry_limit() {
        if let Some((k, v)) = da.entry_at(pos) {
            match vm.dict_get(b, k)? {
                Some(w) if w == v || vm.eq(v, w)? => {}
                _ => return Ok(false),
            }
        }
        pos += 1;
    }
    Ok(true)
}

/// Comparison of two sets (subset/superset order).
pub fn set_compare(vm: &mut Vm, op: Comparison, a: Value, b: Value) -> PyResult<bool> {
    let (sa, sb) = (
        a.as_ref::<SetObj>().expect("set"),
        b.as_ref::<SetObj>().expect("set"),
    );
    let subset = |vm: &mut Vm, x: &SetObj, y: &SetObj| -> PyResult<bool> {
        if x.len() > y.len() {
            return Ok(false);
        }
        let keys: Vec<Value> = x.keys().collect();
        for k in keys {
            if !vm.set_contains(y, k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(match op {
        Comparison::Eq => sa.len() == sb.len() && subset(vm, sa, sb)?,
        Comparison::Ne => !(sa.len() == sb.len() && subset(vm, sa, sb)?),
        Comparison::Le => subset(vm, sa, sb)?,
        Comparison::Lt => sa.len() < sb.len() && subset(vm, sa, sb)?,
        Comparison::Ge => subset(vm, sb, sa)?,
        Comparison::Gt => sb.len() < sa.len() && subset(vm, sb, sa)?,
        _ => false,
    })
}

/// `range == range`: equal when they produce the same sequence.
pub fn range_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let (x, y) = (
        a.as_ref::<RangeObj>().expect("range"),
        b.as_ref::<RangeObj>().expect("range"),
    );
    if !x.wide.is_null() || !y.wide.is_null() {
        let kx = crate::types::range::equality_key(vm, x)?;
        let ky = crate::types::range::equality_key(vm, y)?;
        return vm.eq(kx, ky);
    }
    let (lx, ly) = (
        crate::types::range::range_len(x),
        crate::types::range::range_len(y),
    );
    if lx != ly {
        return Ok(false);
    }
    if lx == 0 {
        return Ok(true);
    }
    if x.start != y.start {
        return Ok(false);
    }
    Ok(lx == 1 || x.step == y.step)
}

/// Equality of two built-in values of the same type not handled elsewhere (slices, floats...).
pub fn value_equal_builtin(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    match (a.as_ref::<SliceObj>(), b.as_ref::<SliceObj>()) {
        (Some(x), Some(y)) => {
            let t1 = vm.new_tuple(&[x.start, x.stop, x.step])?;
            let t2 = vm.new_tuple(&[y.start, y.stop, y.step])?;
            let r = crate::ops::cmp::rich_compare(vm, Comparison::Eq, t1, t2)?;
            vm.truthy(r)
        }
        _ => Ok(false),
    }
}

/// `len(obj)`.
pub fn len(vm: &mut Vm, obj: Value) -> PyResult<usize> {
    let user = vm.type_of(obj).has(crate::obj::typeobj::flags::HEAPTYPE);
    if !user && let Some(n) = builtin_len(vm, obj) {
        return Ok(n);
    }
    if let Some(r) = crate::ops::attr::call_special(vm, obj, "__len__", &[])? {
        if !crate::obj::int::is_int(r) {
            let t = vm.type_name(r);
            return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
        }
        let n = crate::ops::arith::index_sized(vm, r)?;
        if n < 0 {
            return Err(vm.value_error("__len__() should return >= 0"));
        }
        return Ok(n as usize);
    }
    if let Some(n) = builtin_len(vm, obj) {
        return Ok(n);
    }
    let t = vm.type_name(obj);
    Err(vm.type_error(format!("object of type '{t}' has no len()")))
}

fn builtin_len(vm: &mut Vm, obj: Value) -> Option<usize> {
    if vm.is_str(obj) {
        return Some(vm.str_char_len(obj));
    }
    match obj.obj_kind()? {
        Kind::List => Some(obj.as_ref::<ListObj>()?.len()),
        Kind::Tuple => Some(tuple::items(obj).len()),
        Kind::Dict => Some(as_dict(obj)?.len()),
        Kind::Set => Some(obj.as_ref::<SetObj>()?.len()),
        Kind::Bytes => Some(vm.bytes_of(obj)?.len()),
        Kind::ByteArray => Some(obj.as_ref::<ByteArrayObj>()?.len.get()),
        Kind::Range => {
            let r = obj.as_ref::<RangeObj>()?;
            // A wide range's length is found (or refused) by `range.__len__`.
            r.wide.is_null().then(|| crate::types::range::range_len(r))
        }
        Kind::DictView => {
            let v = obj.as_ref::<crate::obj::DictViewObj>()?;
            Some(as_dict(v.dict)?.len())
        }
        _ => None,
    }
}
