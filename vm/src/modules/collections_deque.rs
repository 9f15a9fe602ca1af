//! `collections.deque`: a double-ended queue kept as a ring buffer in a GC list, with an
//! optional maximum length (a full bounded deque drops items from the opposite end), and its
//! iterator (which fails if the deque changes size while it runs).
//!
//! Layout of a deque (`NativeObj`): slot 0 = the ring buffer (a list whose every cell is in use,
//! or NULL before the first item), slot 1 = `maxlen` (an int, or NULL for unbounded); word 0 =
//! index of the first item in the buffer, word 1 = length, word 2 = mutation counter, word 3 =
//! `TAG`. Iterator: slot 0 = the deque; word 0 = position, word 1 = the deque's mutation counter
//! when the iterator was made, word 2 = 1 when reversed, word 3 = `ITER_TAG`.

use super::{
    REG_DEQUE, REG_DEQUE_ITER, REGISTRY, native_self, no_args, one_arg, pos_args, registered_type,
    repr_enter, repr_leave, ssize_arg,
};
use crate::gc::Gc;
use crate::native_types::NativeObj;
use crate::obj::list::ListObj;
use crate::obj::typeobj::flags as tflags;
use crate::obj::{TypeObj, tuple};
use crate::types::{ExcKind, classmethod, method, staticmethod};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec;
use core::cell::Cell;

#[path = "collections_deque_ops.rs"]
mod operators;

const TAG: usize = 0x6465_7175;
const ITER_TAG: usize = 0x6471_6974;
const W_HEAD: usize = 0;
const W_LEN: usize = 1;
const W_STATE: usize = 2;
const W_TAG: usize = 3;
const S_BUF: usize = 0;
const S_MAXLEN: usize = 1;
const NAME: &str = "collections.deque";

/// Create the `deque` class and its iterator class.
pub(super) fn make_types(vm: &mut Vm, module: Value) -> PyResult<(Gc<TypeObj>, Gc<TypeObj>)> {
    let ty = super::library_type(vm, "deque", "collections", METHODS)?;
    ty.flags.set(ty.flags.get() | tflags::SEQUENCE);
    vm.dict_set_str(ty.dict.get(), "__hash__", Value::NONE)?;
    let getter = vm.new_builtin("maxlen", deque_maxlen, 0, module)?;
    let prop = Value::from_obj(vm.types.property);
    let p = vm.call(prop, &[getter])?;
    vm.dict_set_str(ty.dict.get(), "maxlen", p)?;
    super::python_dunders(
        vm,
        module,
        ty,
        &[
            ("__eq__", operators::deque_eq),
            ("__ne__", operators::deque_ne),
            ("__lt__", operators::deque_lt),
            ("__le__", operators::deque_le),
            ("__gt__", operators::deque_gt),
            ("__ge__", operators::deque_ge),
            ("__add__", operators::deque_add),
            ("__mul__", operators::deque_mul),
            ("__rmul__", operators::deque_mul),
            ("__iadd__", operators::deque_iadd),
            ("__imul__", operators::deque_imul),
        ],
    )?;
    let it = super::library_type(vm, "_deque_iterator", "_collections", ITER_METHODS)?;
    Ok((ty, it))
}

const METHODS: &[crate::types::MethodDef] = &[
    staticmethod("__new__", deque_new),
    method("__init__", deque_init),
    method("append", deque_append),
    method("appendleft", deque_appendleft),
    method("pop", deque_pop),
    method("popleft", deque_popleft),
    method("extend", deque_extend),
    method("extendleft", deque_extendleft),
    method("rotate", deque_rotate),
    method("clear", deque_clear),
    method("copy", deque_copy),
    method("__copy__", deque_copy),
    method("count", deque_count),
    method("index", deque_index),
    method("insert", deque_insert),
    method("remove", deque_remove),
    method("reverse", deque_reverse),
    method("__len__", deque_len),
    method("__bool__", deque_bool),
    method("__iter__", deque_iter),
    method("__reversed__", deque_reversed),
    method("__getitem__", deque_getitem),
    method("__setitem__", deque_setitem),
    method("__delitem__", deque_delitem),
    method("__contains__", deque_contains),
    method("__repr__", deque_repr),
    classmethod("__class_getitem__", deque_class_getitem),
];

const ITER_METHODS: &[crate::types::MethodDef] =
    &[method("__iter__", iter_iter), method("__next__", iter_next)];

// ---- the ring buffer ----

fn this(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static NativeObj> {
    native_self(vm, a, W_TAG, TAG, NAME, name)
}

fn is_deque(v: Value) -> bool {
    v.as_ref::<NativeObj>()
        .is_some_and(|o| o.words[W_TAG].get() == TAG)
}

fn buf(o: &NativeObj) -> &'static [Cell<Value>] {
    match o.slots[S_BUF].get().as_ref::<ListObj>() {
        Some(l) => l.items(),
        None => &[],
    }
}

fn len(o: &NativeObj) -> usize {
    o.words[W_LEN].get()
}

fn cell(o: &NativeObj, i: usize) -> &'static Cell<Value> {
    let b = buf(o);
    &b[(o.words[W_HEAD].get() + i) % b.len()]
}

fn get(o: &NativeObj, i: usize) -> Value {
    cell(o, i).get()
}

fn bump(o: &NativeObj) {
    o.words[W_STATE].set(o.words[W_STATE].get().wrapping_add(1));
}

fn maxlen(o: &NativeObj) -> Option<usize> {
    let m = o.slots[S_MAXLEN].get();
    if m.is_null() {
        None
    } else {
        Some(crate::obj::int::to_i64(m).map_or(usize::MAX, |m| m as usize))
    }
}

/// Make room for one more item.
fn reserve(vm: &mut Vm, o: &NativeObj) -> PyResult<()> {
    let n = len(o);
    let old = buf(o);
    if n < old.len() {
        return Ok(());
    }
    let cap = (old.len() * 2).max(8);
    let l = vm.new_list(&vec![Value::NONE; cap])?;
    let nb = l.as_ref::<ListObj>().expect("list").items();
    for (i, c) in nb.iter().enumerate().take(n) {
        c.set(get(o, i));
    }
    o.slots[S_BUF].set(l);
    o.words[W_HEAD].set(0);
    Ok(())
}

fn push_back(vm: &mut Vm, o: &NativeObj, v: Value) -> PyResult<()> {
    reserve(vm, o)?;
    let n = len(o);
    cell(o, n).set(v);
    o.words[W_LEN].set(n + 1);
    bump(o);
    Ok(())
}

fn push_front(vm: &mut Vm, o: &NativeObj, v: Value) -> PyResult<()> {
    reserve(vm, o)?;
    let cap = buf(o).len();
    let head = (o.words[W_HEAD].get() + cap - 1) % cap;
    o.words[W_HEAD].set(head);
    buf(o)[head].set(v);
    o.words[W_LEN].set(len(o) + 1);
    bump(o);
    Ok(())
}

fn pop_back(o: &NativeObj) -> Option<Value> {
    let n = len(o);
    if n == 0 {
        return None;
    }
    let c = cell(o, n - 1);
    let v = c.get();
    c.set(Value::NONE);
    o.words[W_LEN].set(n - 1);
    bump(o);
    Some(v)
}

fn pop_front(o: &NativeObj) -> Option<Value> {
    let n = len(o);
    if n == 0 {
        return None;
    }
    let c = cell(o, 0);
    let v = c.get();
    c.set(Value::NONE);
    o.words[W_HEAD].set((o.words[W_HEAD].get() + 1) % buf(o).len());
    o.words[W_LEN].set(n - 1);
    bump(o);
    Some(v)
}

/// `append` with the bound: a full deque first drops its leftmost item.
fn append(vm: &mut Vm, o: &NativeObj, v: Value) -> PyResult<()> {
    if let Some(m) = maxlen(o) {
        if m == 0 {
            return Ok(());
        }
        if len(o) >= m {
            pop_front(o);
        }
    }
    push_back(vm, o, v)
}

fn appendleft(vm: &mut Vm, o: &NativeObj, v: Value) -> PyResult<()> {
    if let Some(m) = maxlen(o) {
        if m == 0 {
            return Ok(());
        }
        if len(o) >= m {
            pop_back(o);
        }
    }
    push_front(vm, o, v)
}

fn clear(o: &NativeObj) {
    o.slots[S_BUF].set(Value::NULL);
    o.words[W_HEAD].set(0);
    o.words[W_LEN].set(0);
    bump(o);
}

/// Rotate right by `n` (left when negative).
fn rotate(o: &NativeObj, n: isize) {
    let len = len(o) as isize;
    if len <= 1 {
        return;
    }
    let mut k = n.rem_euclid(len);
    if k == 0 {
        return;
    }
    if k > len / 2 {
        k -= len;
    }
    let cap = buf(o).len();
    if cap as isize == len {
        let head = o.words[W_HEAD].get() as isize;
        o.words[W_HEAD].set((head - k).rem_euclid(len) as usize);
    } else if k > 0 {
        for _ in 0..k {
            let c = cell(o, len as usize - 1);
            let v = c.get();
            c.set(Value::NONE);
            let head = (o.words[W_HEAD].get() + cap - 1) % cap;
            o.words[W_HEAD].set(head);
            buf(o)[head].set(v);
        }
    } else {
        for _ in 0..-k {
            let c = cell(o, 0);
            let v = c.get();
            c.set(Value::NONE);
            o.words[W_HEAD].set((o.words[W_HEAD].get() + 1) % cap);
            cell(o, len as usize - 1).set(v);
        }
    }
    bump(o);
}

/// The items as a tuple (a snapshot).
fn snapshot(vm: &mut Vm, o: &NativeObj) -> PyResult<Value> {
    let n = len(o);
    vm.new_tuple_with(n, |i| get(o, i))
}

/// Remove the item at `i` (in range).
fn remove_at(o: &NativeObj, i: usize) {
    let n = len(o);
    for j in i..n - 1 {
        cell(o, j).set(get(o, j + 1));
    }
    pop_back(o);
}

fn check_state(vm: &mut Vm, o: &NativeObj, state: usize, n: usize, what: &str) -> PyResult<()> {
    if o.words[W_STATE].get() != state || len(o) != n {
        return Err(vm.runtime_error(format!("deque mutated during {what}")));
    }
    Ok(())
}

// ---- methods ----

fn deque_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let base = registered_type(vm, REGISTRY, REG_DEQUE)?;
    let o = super::new_instance(vm, a, base, NAME)?;
    o.words[W_TAG].set(TAG);
    Ok(Value::from_ref(o))
}

fn deque_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__init__")?;
    let kwn = tuple::items(kw);
    let npos = a.len() - kwn.len() - 1;
    if npos > 2 {
        return Err(vm.type_error(format!("deque() takes at most 2 arguments ({npos} given)")));
    }
    let mut vals = [Value::NULL; 2];
    vals[..npos].copy_from_slice(&a[1..1 + npos]);
    for (j, &k) in kwn.iter().enumerate() {
        let slot = match vm.str_of(k) {
            Some("iterable") => 0,
            Some("maxlen") => 1,
            other => {
                let n = String::from(other.unwrap_or("?"));
                return Err(
                    vm.type_error(format!("'{n}' is an invalid keyword argument for deque()"))
                );
            }
        };
        if !vals[slot].is_null() {
            let n = if slot == 0 { "iterable" } else { "maxlen" };
            return Err(vm.type_error(format!(
                "argument for deque() given by name ('{n}') and position ({})",
                slot + 1
            )));
        }
        vals[slot] = a[1 + npos + j];
    }
    let [iterable, ml] = vals;
    if !ml.is_null() && !ml.is_none() {
        if !crate::obj::int::is_int(ml) {
            return Err(vm.type_error("an integer is required"));
        }
        let m = ssize_arg(vm, ml)?;
        if m < 0 {
            return Err(vm.value_error("maxlen must be non-negative"));
        }
        let mv = vm.int_from_i64(m as i64)?;
        o.slots[S_MAXLEN].set(mv);
    } else {
        o.slots[S_MAXLEN].set(Value::NULL);
    }
    if len(o) > 0 {
        clear(o);
    }
    if !iterable.is_null() {
        extend(vm, a[0], o, iterable, false)?;
    }
    Ok(Value::NONE)
}

fn deque_maxlen(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "maxlen")?;
    let m = o.slots[S_MAXLEN].get();
    Ok(if m.is_null() { Value::NONE } else { m })
}

fn deque_append(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "append")?;
    let v = one_arg(vm, "deque.append", a, kw)?;
    append(vm, o, v)?;
    Ok(Value::NONE)
}

fn deque_appendleft(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "appendleft")?;
    let v = one_arg(vm, "deque.appendleft", a, kw)?;
    appendleft(vm, o, v)?;
    Ok(Value::NONE)
}

fn deque_pop(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "pop")?;
    no_args(vm, "deque.pop", a, kw)?;
    pop_back(o).ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_popleft(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "popleft")?;
    no_args(vm, "deque.popleft", a, kw)?;
    pop_front(o).ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn extend(vm: &mut Vm, dv: Value, o: &NativeObj, src: Value, left: bool) -> PyResult<()> {
    let src = if src == dv { snapshot(vm, o)? } else { src };
    let it = vm.iter(src)?;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        if left {
            appendleft(vm, o, v)?;
        } else {
            append(vm, o, v)?;
        }
    }
    Ok(())
}

fn deque_extend(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "extend")?;
    let src = one_arg(vm, "deque.extend", a, kw)?;
    extend(vm, a[0], o, src, false)?;
    Ok(Value::NONE)
}

fn deque_extendleft(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "extendleft")?;
    let src = one_arg(vm, "deque.extendleft", a, kw)?;
    extend(vm, a[0], o, src, true)?;
    Ok(Value::NONE)
}

fn deque_rotate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "rotate")?;
    let [n] = pos_args(vm, "deque.rotate", a, kw, 0)?;
    let n = if n.is_null() { 1 } else { ssize_arg(vm, n)? };
    rotate(o, n);
    Ok(Value::NONE)
}

fn deque_clear(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "clear")?;
    no_args(vm, "deque.clear", a, kw)?;
    clear(o);
    Ok(Value::NONE)
}

/// A new deque of `self`'s class with its items and maxlen.
fn copy_of(vm: &mut Vm, dv: Value, o: &NativeObj) -> PyResult<Value> {
    let ty = vm.type_of(dv);
    let base = registered_type(vm, REGISTRY, REG_DEQUE)?;
    let m = o.slots[S_MAXLEN].get();
    if ty == base {
        let n = super::new_instance(vm, &[Value::from_obj(ty)], base, NAME)?;
        n.words[W_TAG].set(TAG);
        n.slots[S_MAXLEN].set(m);
        let nv = Value::from_ref(n);
        for i in 0..len(o) {
            push_back(vm, n, get(o, i))?;
        }
        return Ok(nv);
    }
    if m.is_null() {
        vm.call(Value::from_obj(ty), &[dv])
    } else {
        vm.call(Value::from_obj(ty), &[dv, m])
    }
}

fn deque_copy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "copy")?;
    no_args(vm, "deque.copy", a, kw)?;
    copy_of(vm, a[0], o)
}

fn deque_count(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "count")?;
    let x = one_arg(vm, "deque.count", a, kw)?;
    let (state, n) = (o.words[W_STATE].get(), len(o));
    let mut count = 0;
    for i in 0..n {
        let v = get(o, i);
        let eq = v == x || vm.eq(v, x)?;
        check_state(vm, o, state, n, "iteration")?;
        if eq {
            count += 1;
        }
    }
    Ok(Value::small_int(count))
}

/// A slice-style bound (`index` start/stop): clamped, negative counts from the end.
fn bound(vm: &mut Vm, v: Value, n: usize, default: usize) -> PyResult<usize> {
    if v.is_null() {
        return Ok(default);
    }
    if !crate::obj::int::is_int(v)
        && crate::ops::attr::call_special(vm, v, "__index__", &[])?.is_none()
    {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let b = crate::ops::arith::index_bigint(vm, v)?;
    use num_traits::{Signed, ToPrimitive};
    let i = match b.to_isize() {
        Some(i) => i,
        None if b.is_negative() => isize::MIN / 2,
        None => isize::MAX / 2,
    };
    let i = if i < 0 { (i + n as isize).max(0) } else { i };
    Ok((i as usize).min(n))
}

fn deque_index(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "index")?;
    if a.len() < 2 {
        return Err(vm.type_error(format!(
            "index() takes at least 1 argument ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    let [x, start, stop] = pos_args(vm, "index", a, kw, 1)?;
    let n = len(o);
    let start = bound(vm, start, n, 0)?;
    let stop = bound(vm, stop, n, n)?;
    let state = o.words[W_STATE].get();
    let mut i = start;
    while i < stop && i < len(o) {
        let v = get(o, i);
        let eq = v == x || vm.eq(v, x)?;
        check_state(vm, o, state, n, "iteration")?;
        if eq {
            return Ok(Value::small_int(i as isize));
        }
        i += 1;
    }
    let r = vm.repr_text(x)?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn deque_insert(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "insert")?;
    let [i, x] = pos_args(vm, "insert", a, kw, 2)?;
    let i = ssize_arg(vm, i)?;
    let n = len(o);
    if maxlen(o) == Some(n) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let n_i = n as isize;
    let at = if i < 0 { (i + n_i).max(0) } else { i.min(n_i) } as usize;
    push_back(vm, o, x)?;
    let mut j = n;
    while j > at {
        cell(o, j).set(get(o, j - 1));
        j -= 1;
    }
    cell(o, at).set(x);
    Ok(Value::NONE)
}

fn deque_remove(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "remove")?;
    let x = one_arg(vm, "deque.remove", a, kw)?;
    let (state, n) = (o.words[W_STATE].get(), len(o));
    for i in 0..n {
        let v = get(o, i);
        let eq = v == x || vm.eq(v, x)?;
        check_state(vm, o, state, n, "remove()")?;
        if eq {
            remove_at(o, i);
            return Ok(Value::NONE);
        }
    }
    let r = vm.repr_text(x)?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn deque_reverse(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "reverse")?;
    no_args(vm, "deque.reverse", a, kw)?;
    let n = len(o);
    for i in 0..n / 2 {
        let (x, y) = (get(o, i), get(o, n - 1 - i));
        cell(o, i).set(y);
        cell(o, n - 1 - i).set(x);
    }
    bump(o);
    Ok(Value::NONE)
}

fn deque_len(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__len__")?;
    no_args(vm, "deque.__len__", a, kw)?;
    Ok(Value::small_int(len(o) as isize))
}

fn deque_bool(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__bool__")?;
    no_args(vm, "deque.__bool__", a, kw)?;
    Ok(Value::from_bool(len(o) > 0))
}

fn make_iter(vm: &mut Vm, a: &[Value], kw: Value, name: &str, reverse: bool) -> PyResult<Value> {
    let o = this(vm, a, name)?;
    no_args(vm, name, a, kw)?;
    let ty = registered_type(vm, REGISTRY, REG_DEQUE_ITER)?;
    let it = NativeObj::new(ty);
    it.slots[0].set(a[0]);
    it.words[0].set(0);
    it.words[1].set(o.words[W_STATE].get());
    it.words[2].set(reverse as usize);
    it.words[W_TAG].set(ITER_TAG);
    vm.alloc_instance(ty, it)
}

fn deque_iter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    make_iter(vm, a, kw, "__iter__", false)
}

fn deque_reversed(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    make_iter(vm, a, kw, "__reversed__", true)
}

fn iter_iter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    native_self(
        vm,
        a,
        W_TAG,
        ITER_TAG,
        "_collections._deque_iterator",
        "__iter__",
    )?;
    Ok(a[0])
}

fn iter_next(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let it = native_self(
        vm,
        a,
        W_TAG,
        ITER_TAG,
        "_collections._deque_iterator",
        "__next__",
    )?;
    let dv = it.slots[0].get();
    let Some(o) = dv.as_ref::<NativeObj>() else {
        return Err(vm.new_exc(ExcKind::StopIteration, ""));
    };
    if o.words[W_STATE].get() != it.words[1].get() {
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    let i = it.words[0].get();
    let n = len(o);
    if i >= n {
        it.slots[0].set(Value::NONE);
        return Err(vm.new_exc(ExcKind::StopIteration, ""));
    }
    it.words[0].set(i + 1);
    Ok(get(o, if it.words[2].get() == 1 { n - 1 - i } else { i }))
}

/// An item index: integers (and `__index__`) only.
fn item_index(vm: &mut Vm, o: &NativeObj, key: Value) -> PyResult<usize> {
    if !crate::obj::int::is_int(key)
        && crate::ops::attr::call_special(vm, key, "__index__", &[])?.is_none()
    {
        let t = vm.type_name(key);
        return Err(vm.type_error(format!("sequence index must be integer, not '{t}'")));
    }
    // A huge index is an IndexError for sequences (OverflowError elsewhere).
    let i = crate::ops::arith::index_of(vm, key)
        .map_err(|_| vm.index_error("cannot fit 'int' into an index-sized integer"))?;
    let n = len(o) as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__getitem__")?;
    let key = one_arg(vm, "deque.__getitem__", a, kw)?;
    let i = item_index(vm, o, key)?;
    Ok(get(o, i))
}

fn deque_setitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__setitem__")?;
    let [key, v] = pos_args(vm, "__setitem__", a, kw, 2)?;
    let i = item_index(vm, o, key)?;
    cell(o, i).set(v);
    Ok(Value::NONE)
}

fn deque_delitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__delitem__")?;
    let key = one_arg(vm, "deque.__delitem__", a, kw)?;
    let i = item_index(vm, o, key)?;
    remove_at(o, i);
    Ok(Value::NONE)
}

fn deque_contains(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__contains__")?;
    let x = one_arg(vm, "deque.__contains__", a, kw)?;
    let (state, n) = (o.words[W_STATE].get(), len(o));
    for i in 0..n {
        let v = get(o, i);
        let eq = v == x || vm.eq(v, x)?;
        check_state(vm, o, state, n, "iteration")?;
        if eq {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn deque_repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__repr__")?;
    no_args(vm, "deque.__repr__", a, kw)?;
    if repr_enter(vm, a[0])? {
        return vm.new_str("[...]");
    }
    let r = (|| {
        let items = snapshot(vm, o)?;
        let l = vm.new_list(tuple::items(items))?;
        vm.repr_text(l)
    })();
    repr_leave(vm, a[0]);
    let inner = r?;
    let name = vm.type_of(a[0]).name_str(vm);
    let s = match maxlen(o) {
        Some(m) => format!("{name}({inner}, maxlen={m})"),
        None => format!("{name}({inner})"),
    };
    vm.new_str(&s)
}

/// `deque[T]`: the class itself (as for the built-in containers).
fn deque_class_getitem(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    a.first()
        .copied()
        .ok_or_else(|| vm.type_error("__class_getitem__ needs a class"))
}
