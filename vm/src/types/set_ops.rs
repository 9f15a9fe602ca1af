//! `set` and `frozenset`: construction, and the set algorithms shared by the operators
//! (`| & - ^`, also on dict views) and the methods in `types::set_methods`.
//!
//! The algorithms follow CPython's `setobject.c` step by step (table copy or clean insertion in
//! `merge`, the up-front resize for dicts, which operand is iterated in an intersection or a
//! difference, the dummy purge after `difference_update`, the `pop` finger) so that, with the
//! probing of `obj::set`, sets of ints iterate in CPython's order. They work on the raw table of
//! `(hash, key)` word pairs: an unused slot has a NULL key and hash 0, a dummy a NULL key and
//! hash -1. `SetObj::hash` caches a frozenset's hash; for a mutable set it holds the `pop` finger.

use super::staticmethod;
use super::tuple::meth;
use crate::gc::Gc;
use crate::obj::dict::as_dict;
use crate::obj::set::SetObj;
use crate::obj::{DictViewObj, IterKind, Kind, TypeObj};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use core::cell::Cell;
use frontend::bytecode::BinaryOperator as B;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const DUMMY_HASH: usize = usize::MAX;

/// The set layout of a set or frozenset value.
pub fn set_of(v: Value) -> &'static SetObj {
    v.as_ref::<SetObj>().expect("set")
}

/// Is `v` a set or frozenset (or an instance of a subclass)?
pub fn is_anyset(v: Value) -> bool {
    v.obj_kind() == Some(Kind::Set)
}

/// Is `ty` frozenset or a subclass of it?
pub fn is_frozen_type(vm: &Vm, ty: Gc<TypeObj>) -> bool {
    ty == vm.types.frozenset
        || crate::obj::typeobj::is_subtype(&ty, Value::from_obj(vm.types.frozenset))
}

/// Is `v` a mutable set (set or a subclass)?
pub fn is_mutable_set(vm: &Vm, v: Value) -> bool {
    is_anyset(v) && !is_frozen_type(vm, vm.type_of(v))
}

/// The base type (`set` or `frozenset`) of a set value, for results of set operations.
pub fn base_type(vm: &Vm, v: Value) -> Gc<TypeObj> {
    if is_frozen_type(vm, vm.type_of(v)) {
        vm.types.frozenset
    } else {
        vm.types.set
    }
}

fn table(s: &SetObj) -> &'static [Cell<Value>] {
    match s.table.get() {
        Some(t) => crate::gc::var_items_static(t),
        None => &[],
    }
}

fn mask(s: &SetObj) -> usize {
    let n = table(s).len() / 2;
    if n == 0 { MIN_SIZE - 1 } else { n - 1 }
}

/// The next live entry at or after slot `*pos`: `(key, hash)`; advances `pos`. Reads the current
/// table each time, so it stays valid if the set is resized meanwhile.
pub fn next_entry(s: &SetObj, pos: &mut usize) -> Option<(Value, usize)> {
    let t = table(s);
    while *pos < t.len() / 2 {
        let i = *pos;
        *pos += 1;
        let k = t[i * 2 + 1].get();
        if !k.is_null() {
            return Some((k, t[i * 2].get().bits()));
        }
    }
    None
}

fn insert_clean(t: &[Cell<Value>], mask: usize, key: Value, hash: usize) {
    let mut perturb = hash;
    let mut i = hash & mask;
    let slot = 'found: loop {
        if t[i * 2 + 1].get().is_null() {
            break 'found i;
        }
        if i + LINEAR_PROBES <= mask {
            for j in i + 1..=i + LINEAR_PROBES {
                if t[j * 2 + 1].get().is_null() {
                    break 'found j;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    };
    t[slot * 2].set(Value::from_bits(hash));
    t[slot * 2 + 1].set(key);
}

/// CPython's `set_table_resize`: rebuild with the smallest power-of-two size above `minused`.
fn resize(vm: &mut Vm, s: &SetObj, minused: usize) -> PyResult<()> {
    let mut newsize = MIN_SIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    if newsize == MIN_SIZE && table(s).len() == MIN_SIZE * 2 && s.fill.get() == s.used.get() {
        return Ok(());
    }
    let new = vm.alloc_null_cells(newsize * 2)?;
    let nt = crate::gc::var_items_static(new);
    for pair in table(s).chunks(2) {
        let k = pair[1].get();
        if !k.is_null() {
            insert_clean(nt, newsize - 1, k, pair[0].get().bits());
        }
    }
    s.table.set(Some(new));
    s.fill.set(s.used.get());
    Ok(())
}

/// Give a set its initial 8-slot table (as CPython's sets start with their small table).
pub fn ensure_table(vm: &mut Vm, s: &SetObj) -> PyResult<()> {
    if s.table.get().is_none() {
        resize(vm, s, 0)?;
    }
    Ok(())
}

/// CPython's `make_new_set`: a new set of type `ty`, filled from `iterable`.
pub fn make_new_set(vm: &mut Vm, ty: Gc<TypeObj>, iterable: Option<Value>) -> PyResult<Value> {
    let s = vm.new_set_of_type(ty)?;
    ensure_table(vm, set_of(s))?;
    if let Some(it) = iterable {
        update_internal(vm, s, it)?;
    }
    Ok(s)
}

/// `set(so)` / `frozenset(so)` of the base type of `so` (CPython's `set_copy`).
pub fn set_copy(vm: &mut Vm, so: Value) -> PyResult<Value> {
    let ty = base_type(vm, so);
    make_new_set(vm, ty, Some(so))
}

/// CPython's `set_merge`: add every key of the set `other` to `so`.
fn merge(vm: &mut Vm, so_v: Value, other_v: Value) -> PyResult<()> {
    let (so, other) = (set_of(so_v), set_of(other_v));
    if so_v == other_v || other.is_empty() {
        return Ok(());
    }
    ensure_table(vm, so)?;
    if (so.fill.get() + other.len()) * 5 >= mask(so) * 3 {
        resize(vm, so, (so.used.get() + other.len()) * 2)?;
    }
    let (st, ot) = (table(so), table(other));
    if so.fill.get() == 0 && mask(so) == mask(other) && other.fill.get() == other.used.get() {
        for (dst, src) in st.chunks(2).zip(ot.chunks(2)) {
            if !src[1].get().is_null() {
                dst[0].set(src[0].get());
                dst[1].set(src[1].get());
            }
        }
        so.fill.set(other.fill.get());
        so.used.set(other.used.get());
        return Ok(());
    }
    if so.fill.get() == 0 {
        let m = mask(so);
        for pair in ot.chunks(2) {
            let k = pair[1].get();
            if !k.is_null() {
                insert_clean(st, m, k, pair[0].get().bits());
            }
        }
        so.fill.set(other.used.get());
        so.used.set(other.used.get());
        return Ok(());
    }
    let mut pos = 0;
    while let Some((k, _)) = next_entry(other, &mut pos) {
        vm.set_add(so_v, k)?;
    }
    Ok(())
}

/// CPython's `set_update_internal`: add the elements of any iterable (sets merged, exact dicts
/// with one resize up front).
pub fn update_internal(vm: &mut Vm, so_v: Value, other: Value) -> PyResult<()> {
    if is_anyset(other) {
        return merge(vm, so_v, other);
    }
    let so = set_of(so_v);
    ensure_table(vm, so)?;
    if other.obj_type() == Some(vm.types.dict) {
        let d = as_dict(other).expect("dict");
        if (so.fill.get() + d.len()) * 5 >= mask(so) * 3 {
            resize(vm, so, (so.used.get() + d.len()) * 2)?;
        }
        let mut pos = 0;
        while pos < d.entry_limit() {
            if let Some((k, _)) = d.entry_at(pos) {
                vm.set_add(so_v, k)?;
            }
            pos += 1;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        vm.set_add(so_v, k)?;
    }
    Ok(())
}

/// `key in so`, hashing first (so unhashable keys fail even on an empty set).
pub fn contains_key(vm: &mut Vm, so: Value, key: Value) -> PyResult<bool> {
    vm.hash(key)?;
    vm.set_contains(set_of(so), key)
}

/// `key in so` with CPython's retry as a frozenset when `key` is an (unhashable) set.
pub fn contains_or_frozen(vm: &mut Vm, so: Value, key: Value) -> PyResult<bool> {
    match contains_key(vm, so, key) {
        Err(e) if is_mutable_set(vm, key) && vm.exc_is(e.0, ExcKind::TypeError) => {
            let f = frozen_copy(vm, key)?;
            contains_key(vm, so, f)
        }
        r => r,
    }
}

/// Discard `key` (hashing first); the retry as a frozenset for set keys; returns whether found.
pub fn discard_or_frozen(vm: &mut Vm, so: Value, key: Value) -> PyResult<bool> {
    let r = vm.hash(key).and_then(|_| vm.set_discard(so, key));
    match r {
        Err(e) if is_mutable_set(vm, key) && vm.exc_is(e.0, ExcKind::TypeError) => {
            let f = frozen_copy(vm, key)?;
            vm.set_discard(so, f)
        }
        r => r,
    }
}

/// CPython's `set_intersection`: a new set (base type of `so`) of the common elements.
pub fn intersection(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    if so == other {
        return set_copy(vm, so);
    }
    let ty = base_type(vm, so);
    let result = make_new_set(vm, ty, None)?;
    if is_anyset(other) {
        let (big, small) = if set_of(other).len() > set_of(so).len() {
            (other, so)
        } else {
            (so, other)
        };
        let mut pos = 0;
        while let Some((k, _)) = next_entry(set_of(small), &mut pos) {
            if vm.set_contains(set_of(big), k)? {
                vm.set_add(result, k)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        if contains_key(vm, so, k)? {
            vm.set_add(result, k)?;
            if set_of(result).len() >= set_of(so).len() {
                break;
            }
        }
    }
    Ok(result)
}

/// Replace the contents of `a` by those of `b` (CPython's `set_swap_bodies`, keeping `a`'s
/// pop finger).
pub fn swap_bodies(vm: &Vm, a: Value, b: Value) {
    let (sa, sb) = (set_of(a), set_of(b));
    sa.table.swap(&sb.table);
    sa.used.swap(&sb.used);
    sa.fill.swap(&sb.fill);
    if is_frozen_type(vm, vm.type_of(a)) {
        sa.hash.set(-1);
    }
}

/// CPython's `set_intersection_update` (one argument).
pub fn intersection_update(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    let tmp = intersection(vm, so, other)?;
    swap_bodies(vm, so, tmp);
    Ok(())
}

/// Remove everything from a set.
pub fn clear(vm: &mut Vm, so: Value) -> PyResult<()> {
    vm.set_clear(so);
    ensure_table(vm, set_of(so))
}

/// CPython's `set_difference_update_internal`.
pub fn difference_update_internal(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if so == other {
        return clear(vm, so);
    }
    if is_anyset(other) {
        let other = if (set_of(other).len() >> 3) > set_of(so).len() {
            intersection(vm, so, other)?
        } else {
            other
        };
        let mut pos = 0;
        while let Some((k, _)) = next_entry(set_of(other), &mut pos) {
            vm.set_discard(so, k)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = crate::ops::iter::next(vm, it)? {
            vm.hash(k)?;
            vm.set_discard(so, k)?;
        }
    }
    let s = set_of(so);
    if s.fill.get() - s.used.get() <= mask(s) / 4 {
        return Ok(());
    }
    let used = s.used.get();
    resize(vm, s, if used > 50000 { used * 2 } else { used * 4 })
}

/// CPython's `set_difference`: a new set of the elements of `so` not in `other`.
pub fn difference(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let exact_dict = other.obj_type() == Some(vm.types.dict);
    let other_size = if is_anyset(other) {
        set_of(other).len()
    } else if exact_dict {
        as_dict(other).expect("dict").len()
    } else {
        usize::MAX
    };
    if other_size == usize::MAX || (set_of(so).len() >> 2) > other_size {
        let result = set_copy(vm, so)?;
        difference_update_internal(vm, result, other)?;
        return Ok(result);
    }
    let ty = base_type(vm, so);
    let result = make_new_set(vm, ty, None)?;
    let mut pos = 0;
    while let Some((k, _)) = next_entry(set_of(so), &mut pos) {
        let found = if exact_dict {
            vm.dict_get(other, k)?.is_some()
        } else {
            vm.set_contains(set_of(other), k)?
        };
        if !found {
            vm.set_add(result, k)?;
        }
    }
    Ok(result)
}

/// CPython's `set_symmetric_difference_update`.
pub fn symmetric_difference_update(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if so == other {
        return clear(vm, so);
    }
    if other.obj_type() == Some(vm.types.dict) {
        let d = as_dict(other).expect("dict");
        let mut pos = 0;
        while pos < d.entry_limit() {
            if let Some((k, _)) = d.entry_at(pos)
                && !vm.set_discard(so, k)?
            {
                vm.set_add(so, k)?;
            }
            pos += 1;
        }
        return Ok(());
    }
    let otherset = if is_anyset(other) {
        other
    } else {
        let ty = base_type(vm, so);
        make_new_set(vm, ty, Some(other))?
    };
    let mut pos = 0;
    while let Some((k, _)) = next_entry(set_of(otherset), &mut pos) {
        if !vm.set_discard(so, k)? {
            vm.set_add(so, k)?;
        }
    }
    Ok(())
}

/// CPython's `set_symmetric_difference`: a new set.
pub fn symmetric_difference(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let ty = base_type(vm, so);
    let otherset = make_new_set(vm, ty, Some(other))?;
    symmetric_difference_update(vm, otherset, so)?;
    Ok(otherset)
}

/// `so | other` for two sets.
pub fn union(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let result = set_copy(vm, so)?;
    if so != other {
        update_internal(vm, result, other)?;
    }
    Ok(result)
}

/// Is every element of the set `so` in `other` (any iterable)?
pub fn issubset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    let other = if is_anyset(other) {
        other
    } else {
        let ty = vm.types.set;
        make_new_set(vm, ty, Some(other))?
    };
    if set_of(so).len() > set_of(other).len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((k, _)) = next_entry(set_of(so), &mut pos) {
        if !vm.set_contains(set_of(other), k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// CPython's frozenset hash: shuffled entry hashes xor-ed together, then mixed.
pub fn frozenset_hash(so: &SetObj) -> isize {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    let mut pos = 0;
    while let Some((_, h)) = next_entry(so, &mut pos) {
        hash ^= shuffle(h as u64);
    }
    hash ^= (so.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64 as isize
}

/// Remove and return an element, scanning from the pop finger (CPython's `set_pop`).
pub fn pop(vm: &mut Vm, so: Value) -> PyResult<Value> {
    let s = set_of(so);
    if s.is_empty() {
        return Err(vm.new_exc(ExcKind::KeyError, "pop from an empty set"));
    }
    let t = table(s);
    let m = t.len() / 2 - 1;
    let mut i = (s.hash.get().max(0) as usize) & m;
    while t[i * 2 + 1].get().is_null() {
        i = if i >= m { 0 } else { i + 1 };
    }
    let key = t[i * 2 + 1].get();
    t[i * 2].set(Value::from_bits(DUMMY_HASH));
    t[i * 2 + 1].set(Value::NULL);
    s.used.set(s.used.get() - 1);
    s.hash.set((i + 1) as isize);
    Ok(key)
}

/// `a op b` for two sets.
pub fn binary(vm: &mut Vm, op: B, a: Value, b: Value) -> PyResult<Option<Value>> {
    Ok(Some(match op {
        B::Or => union(vm, a, b)?,
        B::And => intersection(vm, a, b)?,
        B::Sub => difference(vm, a, b)?,
        B::Xor => symmetric_difference(vm, a, b)?,
        _ => return Ok(None),
    }))
}

/// `a op= b` for a mutable set `a` and a set `b`.
pub fn inplace(vm: &mut Vm, op: B, a: Value, b: Value) -> PyResult<Value> {
    match op {
        B::Or => update_internal(vm, a, b)?,
        B::And => intersection_update(vm, a, b)?,
        B::Sub => difference_update_internal(vm, a, b)?,
        B::Xor => symmetric_difference_update(vm, a, b)?,
        _ => {
            let (x, y) = (vm.type_name(a), vm.type_name(b));
            return Err(vm.type_error(format!(
                "unsupported operand type(s) for {}=: '{x}' and '{y}'",
                op.symbol()
            )));
        }
    }
    Ok(a)
}

/// A new `set` from a view or other operand of a view operator (CPython's `dictviews_to_set`).
fn view_to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let src = match v.as_ref::<DictViewObj>() {
        Some(view)
            if view.view == IterKind::DictKeys && view.dict.obj_type() == Some(vm.types.dict) =>
        {
            view.dict
        }
        _ => v,
    };
    let ty = vm.types.set;
    make_new_set(vm, ty, Some(src))
}

/// Set operators with dict views (`d.keys() & other`, `{1} | d.items()`), in CPython's order.
pub fn view_binary(vm: &mut Vm, op: B, a: Value, b: Value) -> PyResult<Option<Value>> {
    use super::dict::{is_set_view, view_contains};
    if !matches!(op, B::Or | B::And | B::Sub | B::Xor) || !(is_set_view(a) || is_set_view(b)) {
        return Ok(None);
    }
    let result = match op {
        B::And => {
            let (mut this, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
            let len_self = crate::ops::subscr::len(vm, this)?;
            if other.obj_type() == Some(vm.types.set) && len_self <= set_of(other).len() {
                return intersection(vm, other, this).map(Some);
            }
            if is_set_view(other) && crate::ops::subscr::len(vm, other)? > len_self {
                core::mem::swap(&mut this, &mut other);
            }
            let ty = vm.types.set;
            let result = make_new_set(vm, ty, None)?;
            let it = vm.iter(other)?;
            while let Some(k) = crate::ops::iter::next(vm, it)? {
                if view_contains(vm, this, k)? {
                    vm.set_add(result, k)?;
                }
            }
            result
        }
        B::Or => {
            let r = view_to_set(vm, a)?;
            update_internal(vm, r, b)?;
            r
        }
        B::Sub => {
            let r = view_to_set(vm, a)?;
            difference_update_internal(vm, r, b)?;
            r
        }
        _ => {
            let r = view_to_set(vm, a)?;
            symmetric_difference_update(vm, r, b)?;
            r
        }
    };
    Ok(Some(result))
}

/// A set display made only of constants (`{1, 2, 3}`, three items or more), built as CPython's
/// compiler and interpreter do, for the same iteration order: a frozenset constant of the items,
/// rebuilt from its own iteration order when constants are merged, then merged into a new set
/// (`BUILD_SET 0; SET_UPDATE`). `items` is a tuple.
pub fn const_set_display(vm: &mut Vm, items: Value) -> PyResult<Value> {
    let fty = vm.types.frozenset;
    let first = make_new_set(vm, fty, Some(items))?;
    let order = crate::ops::iter::to_tuple(vm, first)?;
    let folded = make_new_set(vm, fty, Some(order))?;
    let sty = vm.types.set;
    let s = make_new_set(vm, sty, None)?;
    merge(vm, s, folded)?;
    Ok(s)
}

/// A frozenset copy of a set (to look a set up inside another set).
pub fn frozen_copy(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let ty = vm.types.frozenset;
    make_new_set(vm, ty, Some(v))
}

fn set_new(vm: &mut Vm, a: &[Value], _kwnames: Value) -> PyResult<Value> {
    let base = vm.types.set;
    let ty = super::tuple::new_type(vm, a, base)?;
    make_new_set(vm, ty, None)
}

fn frozenset_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let base = vm.types.frozenset;
    let ty = super::tuple::new_type(vm, a, base)?;
    let name = if ty == vm.types.frozenset {
        "frozenset"
    } else {
        ty.name_str(vm)
    };
    if ty == vm.types.frozenset {
        crate::builtins::args::no_kw(vm, "frozenset", kwnames)?;
    }
    let npos = a
        .len()
        .saturating_sub(1 + crate::obj::tuple::items(kwnames).len());
    if npos > 1 {
        return Err(vm.type_error(format!("{name} expected at most 1 argument, got {npos}")));
    }
    let iterable = if npos == 1 { Some(a[1]) } else { None };
    if let Some(it) = iterable
        && ty == vm.types.frozenset
        && it.obj_type() == Some(vm.types.frozenset)
    {
        return Ok(it);
    }
    make_new_set(vm, ty, iterable)
}

fn set_init(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    if !is_anyset(a[0]) {
        let t = vm.type_name(a[0]);
        return Err(vm.type_error(format!(
            "descriptor '__init__' requires a 'set' object but received a '{t}'"
        )));
    }
    if is_frozen_type(vm, vm.type_of(a[0])) {
        return Ok(Value::NONE);
    }
    crate::builtins::args::no_kw(vm, "set", kwnames)?;
    if a.len() > 2 {
        let name = vm.type_name(a[0]);
        return Err(vm.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            a.len() - 1
        )));
    }
    let s = set_of(a[0]);
    if s.fill.get() > 0 {
        clear(vm, a[0])?;
    }
    if a.len() == 2 {
        update_internal(vm, a[0], a[1])?;
    }
    Ok(Value::NONE)
}

/// Install construction of `set` and `frozenset` (the methods are in `types::set_methods`).
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let s = vm.types.set;
    vm.add_methods(
        s,
        &[
            staticmethod("__new__", set_new),
            meth!("set", "__init__", set_init),
        ],
    )?;
    let f = vm.types.frozenset;
    vm.add_methods(f, &[staticmethod("__new__", frozenset_new)])
}
