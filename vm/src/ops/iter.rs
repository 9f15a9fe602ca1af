//! Iteration: `iter()` and `next()` over built-in containers (with a fast path used by
//! `ForIter`), the built-in iterator objects (`enumerate`, `zip`, `map`, `filter`, `reversed`,
//! `iter(callable, sentinel)`, the sequence protocol), user `__iter__`/`__next__`, and the bulk
//! helpers built on them (unpacking, `extend`, `update`, `tuple(x)`).

use crate::interp::frame::{Frame, cells_as_values};
use crate::obj::dict::as_dict;
use crate::obj::list::{ByteArrayObj, ListObj};
use crate::obj::set::SetObj;
use crate::obj::tuple;
use crate::obj::{DictViewObj, Header, IterKind, IterObj, Kind, RangeObj};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use core::cell::Cell;

impl Vm {
    /// A new built-in iterator object of type `ty`.
    pub fn new_iter(
        &mut self,
        ty: crate::gc::Gc<crate::obj::TypeObj>,
        kind: IterKind,
        a: Value,
        b: Value,
        index: isize,
        end: isize,
    ) -> PyResult<Value> {
        let obj = IterObj {
            header: Header::new(ty),
            iter_kind: Cell::new(kind),
            a: Cell::new(a),
            b: Cell::new(b),
            index: Cell::new(index),
            end: Cell::new(end),
        };
        // Iterators are what a `for` loop keeps on MicroPython's C stack.
        self.outside_heap_lock(|vm| vm.alloc_instance(ty, obj))
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: Value) -> PyResult<Value> {
        let it_ty = self.types.iterator;
        let user = self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE);
        if !user {
            if self.is_str(v) {
                return self.new_iter(it_ty, IterKind::Str, v, Value::NULL, 0, 0);
            }
            match v.obj_kind() {
                Some(Kind::List) => {
                    return self.new_iter(it_ty, IterKind::List, v, Value::NULL, 0, 0);
                }
                Some(Kind::Tuple) => {
                    return self.new_iter(it_ty, IterKind::Tuple, v, Value::NULL, 0, 0);
                }
                Some(Kind::Range) => {
                    let r = v.as_ref::<RangeObj>().expect("range");
                    return crate::types::range::range_iterator(self, r);
                }
                Some(Kind::Dict) => {
                    return self.new_iter(it_ty, IterKind::DictKeys, v, Value::NULL, 0, 0);
                }
                Some(Kind::Set) => {
                    return self.new_iter(it_ty, IterKind::Set, v, Value::NULL, 0, 0);
                }
                Some(Kind::Bytes) | Some(Kind::ByteArray) => {
                    return self.new_iter(it_ty, IterKind::Bytes, v, Value::NULL, 0, 0);
                }
                Some(Kind::DictView) => {
                    let view = v.as_ref::<DictViewObj>().expect("view");
                    return self.new_iter(it_ty, view.view, view.dict, Value::NULL, 0, 0);
                }
                Some(Kind::Iter) | Some(Kind::Generator) => return Ok(v),
                _ => {}
            }
        }
        let ty = self.type_of(v);
        if crate::obj::typeobj::lookup(self, &ty, crate::interner::names::ITER)?
            == Some(Value::NONE)
        {
            // `__iter__ = None` declares the type not iterable.
            let t = self.type_name(v);
            return Err(self.type_error(format!("'{t}' object is not iterable")));
        }
        if let Some(it) = crate::ops::attr::call_special(self, v, "__iter__", &[])? {
            if !self.has_next(it)? {
                let t = self.type_name(it);
                return Err(self.type_error(format!("iter() returned non-iterator of type '{t}'")));
            }
            return Ok(it);
        }
        if user {
            // A subclass of a built-in container without its own __iter__.
            if matches!(
                v.obj_kind(),
                Some(Kind::List)
                    | Some(Kind::Tuple)
                    | Some(Kind::Dict)
                    | Some(Kind::Set)
                    | Some(Kind::Str)
            ) {
                let kind = match v.obj_kind() {
                    Some(Kind::List) => IterKind::List,
                    Some(Kind::Tuple) => IterKind::Tuple,
                    Some(Kind::Dict) => IterKind::DictKeys,
                    Some(Kind::Set) => IterKind::Set,
                    _ => IterKind::Str,
                };
                return self.new_iter(it_ty, kind, v, Value::NULL, 0, 0);
            }
        }
        let gi = crate::interner::names::GETITEM;
        if crate::obj::typeobj::lookup(self, &ty, gi)?.is_some() {
            return self.new_iter(it_ty, IterKind::SeqIter, v, Value::NULL, 0, 0);
        }
        let t = self.type_name(v);
        Err(self.type_error(format!("'{t}' object is not iterable")))
    }

    fn has_next(&mut self, it: Value) -> PyResult<bool> {
        if matches!(it.obj_kind(), Some(Kind::Iter) | Some(Kind::Generator)) {
            return Ok(true);
        }
        let ty = self.type_of(it);
        let n = crate::interner::names::NEXT;
        Ok(crate::obj::typeobj::lookup(self, &ty, n)?.is_some())
    }
}

/// `next(it)`: `None` when exhausted.
pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    next_fast(vm, it)
}

/// How deep built-in iterators may nest inside each other (CPython 3.13's C recursion limit;
/// more if `sys.setrecursionlimit` allows more Python calls).
const NESTED_ITERATOR_LIMIT: usize = 10_000;

/// `next(it)` from inside another iterator's `next` (enumerate, zip, map, filter): counted as a
/// call level, so a chain nested a million deep is a RecursionError, not a native stack
/// exhausted by Rust recursion.
fn nested_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    vm.depth += 1;
    if vm.depth > vm.recursion_limit.max(NESTED_ITERATOR_LIMIT) || vm.stack_nearly_full() {
        vm.depth -= 1;
        return Err(vm.new_exc(ExcKind::RecursionError, "maximum recursion depth exceeded"));
    }
    let r = next(vm, it);
    vm.depth -= 1;
    r
}

/// `next(it)` with the built-in iterators inline (the `ForIter` path).
#[inline]
pub fn next_fast(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    if let Some(o) = it.as_ref::<IterObj>() {
        match o.iter_kind.get() {
            IterKind::List => {
                let l = o.a.get().as_ref::<ListObj>().expect("list");
                let i = o.index.get() as usize;
                if i < l.len() {
                    o.index.set(i as isize + 1);
                    return Ok(Some(l.items()[i].get()));
                }
                o.iter_kind.set(IterKind::Done);
                return Ok(None);
            }
            IterKind::Range => {
                let i = o.index.get();
                let step = o.a.get().as_small_int_unchecked();
                let end = o.end.get();
                if (step > 0 && i < end) || (step < 0 && i > end) {
                    o.index.set(i + step);
                    return Ok(Some(Value::small_int(i)));
                }
                return Ok(None);
            }
            _ => return next_builtin(vm, o),
        }
    }
    if it.obj_kind() == Some(Kind::Generator) {
        return match crate::interp::generator::gen_send(vm, it, Value::NONE)? {
            crate::interp::generator::SendResult::Yielded(v) => Ok(Some(v)),
            crate::interp::generator::SendResult::Returned(_) => Ok(None),
        };
    }
    match crate::ops::attr::call_special(vm, it, "__next__", &[]) {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) => {
            let t = vm.type_name(it);
            Err(vm.type_error(format!("'{t}' object is not an iterator")))
        }
        Err(e) if vm.exc_is(e.0, ExcKind::StopIteration) => Ok(None),
        Err(e) => Err(e),
    }
}

fn next_builtin(vm: &mut Vm, o: &IterObj) -> PyResult<Option<Value>> {
    let a = o.a.get();
    let i = o.index.get();
    match o.iter_kind.get() {
        IterKind::Done => Ok(None),
        IterKind::RangeWide => {
            let step = crate::obj::int::to_i64(a).unwrap_or(1) as isize;
            let end = o.end.get();
            if (step > 0 && i < end) || (step < 0 && i > end) {
                match i.checked_add(step) {
                    Some(next) => o.index.set(next),
                    None => o.iter_kind.set(IterKind::Done),
                }
                return vm.int_from_i64(i as i64).map(Some);
            }
            o.iter_kind.set(IterKind::Done);
            Ok(None)
        }
        IterKind::ListReversed => {
            let l = a.as_ref::<ListObj>().expect("list");
            if i >= 0 && (i as usize) < l.len() {
                o.index.set(i - 1);
                return Ok(Some(l.items()[i as usize].get()));
            }
            o.iter_kind.set(IterKind::Done);
            Ok(None)
        }
        IterKind::Tuple => {
            let items = tuple::items(a);
            if (i as usize) < items.len() {
                o.index.set(i + 1);
                return Ok(Some(items[i as usize]));
            }
            o.iter_kind.set(IterKind::Done);
            Ok(None)
        }
        IterKind::Str => {
            let s = vm.str_of(a).expect("str");
            let rest = &s[i as usize..];
            match rest.chars().next() {
                Some(c) => {
                    o.index.set(i + c.len_utf8() as isize);
                    let mut buf = [0u8; 4];
                    vm.new_str(c.encode_utf8(&mut buf)).map(Some)
                }
                None => {
                    o.iter_kind.set(IterKind::Done);
                    Ok(None)
                }
            }
        }
        IterKind::Bytes => {
            let byte = match a.obj_kind() {
                Some(Kind::ByteArray) => a
                    .as_ref::<ByteArrayObj>()
                    .expect("bytearray")
                    .items()
                    .get(i as usize)
                    .map(|c| c.get()),
                _ => vm.bytes_of(a).and_then(|b| b.get(i as usize).copied()),
            };
            match byte {
                Some(b) => {
                    o.index.set(i + 1);
                    Ok(Some(Value::small_int(b as isize)))
                }
                None => Ok(None),
            }
        }
        IterKind::DictKeys | IterKind::DictValues | IterKind::DictItems => {
            let d = as_dict(a).expect("dict");
            if o.end.get() == 0 {
                o.end.set(d.version.get() as isize + 1);
            } else if o.end.get() != d.version.get() as isize + 1 {
                o.iter_kind.set(IterKind::Done);
                return Err(vm.runtime_error("dictionary changed size during iteration"));
            }
            let mut pos = i as usize;
            while pos < d.entry_limit() {
                if let Some((k, v)) = d.entry_at(pos) {
                    o.index.set(pos as isize + 1);
                    return match o.iter_kind.get() {
                        IterKind::DictKeys => Ok(Some(k)),
                        IterKind::DictValues => Ok(Some(v)),
                        _ => vm.new_tuple(&[k, v]).map(Some),
                    };
                }
                pos += 1;
            }
            o.iter_kind.set(IterKind::Done);
            Ok(None)
        }
        IterKind::Set => {
            let s = a.as_ref::<SetObj>().expect("set");
            if o.end.get() == 0 {
                o.end.set(s.len() as isize + 1);
            } else if o.end.get() != s.len() as isize + 1 {
                o.iter_kind.set(IterKind::Done);
                return Err(vm.runtime_error("Set changed size during iteration"));
            }
            let mut pos = i as usize;
            while pos < s.slot_limit() {
                if let Some(k) = s.slot(pos) {
                    o.index.set(pos as isize + 1);
                    return Ok(Some(k));
                }
                pos += 1;
            }
            o.iter_kind.set(IterKind::Done);
            Ok(None)
        }
        IterKind::Enumerate => match nested_next(vm, a)? {
            Some(v) => {
                let count = o.b.get();
                let next_count = crate::ops::arith::binary_op(
                    vm,
                    frontend::bytecode::BinaryOperator::Add,
                    false,
                    count,
                    Value::small_int(1),
                )?;
                o.b.set(next_count);
                vm.new_tuple(&[count, v]).map(Some)
            }
            None => Ok(None),
        },
        IterKind::Zip => {
            let its = tuple::items(a);
            if its.is_empty() {
                return Ok(None);
            }
            let out = vm.new_tuple_with(its.len(), |_| Value::NONE)?;
            let slots = tuple::items(out);
            for (k, &it) in its.iter().enumerate() {
                match nested_next(vm, it)? {
                    Some(v) => crate::gc::tuple_fill(out, k, v),
                    None => {
                        if o.end.get() == 1 && k > 0 {
                            return Err(vm.value_error(format!(
                                "zip() argument {} is shorter than argument 1",
                                k + 1
                            )));
                        }
                        if o.end.get() == 1 && k == 0 {
                            for (j, &other) in its.iter().enumerate().skip(1) {
                                if nested_next(vm, other)?.is_some() {
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument 1",
                                        j + 1
                                    )));
                                }
                            }
                        }
                        // Not marked done: as in CPython, each call asks the iterators again.
                        return Ok(None);
                    }
                }
            }
            let _ = slots;
            Ok(Some(out))
        }
        IterKind::Map => {
            let its = tuple::items(o.b.get());
            let args = vm.new_tuple_with(its.len(), |_| Value::NONE)?;
            for (k, &it) in its.iter().enumerate() {
                match nested_next(vm, it)? {
                    Some(v) => crate::gc::tuple_fill(args, k, v),
                    None => return Ok(None),
                }
            }
            vm.call(a, tuple::items(args)).map(Some)
        }
        IterKind::Filter => loop {
            let Some(v) = nested_next(vm, o.b.get())? else {
                return Ok(None);
            };
            let keep = if a.is_none() {
                vm.truthy(v)?
            } else {
                let r = vm.call(a, &[v])?;
                vm.truthy(r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        IterKind::CallIter => {
            let v = vm.call(a, &[])?;
            if v == o.b.get() || vm.eq(v, o.b.get())? {
                o.iter_kind.set(IterKind::Done);
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterKind::SeqIter => match crate::ops::subscr::getitem(vm, a, Value::small_int(i)) {
            Ok(v) => {
                o.index.set(i + 1);
                Ok(Some(v))
            }
            Err(e)
                if vm.exc_is(e.0, ExcKind::IndexError)
                    || vm.exc_is(e.0, ExcKind::StopIteration) =>
            {
                o.iter_kind.set(IterKind::Done);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        IterKind::AsyncGenStep => {
            match crate::interp::generator::async_gen_advance(vm, o, Value::NONE, None) {
                Ok(v) => Ok(Some(v)),
                Err(e) => Err(e),
            }
        }
        IterKind::List | IterKind::Range => unreachable!("handled in next_fast"),
    }
}

/// `list.extend(iterable)`.
pub fn extend_list(vm: &mut Vm, list: Value, src: Value) -> PyResult<()> {
    let l = list.as_ref::<ListObj>().expect("list");
    // Exact lists and tuples are copied directly; subclasses may override `__iter__`.
    let exact = |ty| src.obj_type() == Some(ty);
    if exact(vm.types.list)
        && let Some(s) = src.as_ref::<ListObj>()
    {
        let items = vm.new_tuple(cells_as_values(s.items()))?;
        vm.list_reserve(l, tuple::items(items).len())?;
        for &v in tuple::items(items) {
            vm.list_append(l, v)?;
        }
        return Ok(());
    }
    if exact(vm.types.tuple) {
        let items = tuple::items(src);
        vm.list_reserve(l, items.len())?;
        for &v in items {
            vm.list_append(l, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(src)?;
    while let Some(v) = next(vm, it)? {
        vm.list_append(l, v)?;
    }
    Ok(())
}

/// `set.update(iterable)`.
pub fn update_set(vm: &mut Vm, set: Value, src: Value) -> PyResult<()> {
    let it = vm.iter(src)?;
    while let Some(v) = next(vm, it)? {
        vm.set_add(set, v)?;
    }
    Ok(())
}

/// `dict.update(src)`: a mapping (with `keys()`) or an iterable of pairs.
pub fn update_dict(vm: &mut Vm, d: Value, src: Value, _strict: bool) -> PyResult<()> {
    if let Some(sd) = as_dict(src) {
        let mut pos = 0;
        while pos < sd.entry_limit() {
            if let Some((k, v)) = sd.entry_at(pos) {
                vm.dict_set(d, k, v)?;
            }
            pos += 1;
        }
        return Ok(());
    }
    if vm.hasattr(src, "keys")? {
        let keys = vm.call_method(src, "keys", &[])?;
        let it = vm.iter(keys)?;
        while let Some(k) = next(vm, it)? {
            let v = crate::ops::subscr::getitem(vm, src, k)?;
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    let it = match vm.iter(src) {
        Ok(it) => it,
        Err(e) if vm.exc_is(e.0, ExcKind::TypeError) => {
            let t = vm.type_name(src);
            return Err(vm.type_error(format!("'{t}' object is not iterable")));
        }
        Err(e) => return Err(e),
    };
    let mut n = 0;
    while let Some(pair) = next(vm, it)? {
        let t = match to_tuple(vm, pair) {
            Ok(t) => t,
            Err(_) => {
                let tn = vm.type_name(pair);
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{n} to a sequence"
                )))
                .inspect_err(|_e| {
                    let _ = tn;
                });
            }
        };
        let items = tuple::items(t);
        if items.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                items.len()
            )));
        }
        vm.dict_set(d, items[0], items[1])?;
        n += 1;
    }
    Ok(())
}

/// `f(**m)`: merge keyword arguments, rejecting repeats and non-string keys.
pub fn merge_kwargs(vm: &mut Vm, d: Value, src: Value, callee: Value) -> PyResult<()> {
    let fname = || -> alloc::string::String { alloc::string::String::new() };
    if as_dict(src).is_none() && !vm.hasattr(src, "keys")? {
        let t = vm.type_name(src);
        let name = crate::ops::format::callable_name(vm, callee);
        return Err(vm.type_error(format!(
            "{name} argument after ** must be a mapping, not {t}"
        )));
    }
    let tmp = vm.new_dict()?;
    update_dict(vm, tmp, src, false)?;
    let td = as_dict(tmp).expect("dict");
    let mut pos = 0;
    while pos < td.entry_limit() {
        if let Some((k, v)) = td.entry_at(pos) {
            if !vm.is_str(k) {
                return Err(vm.type_error("keywords must be strings"));
            }
            if vm.dict_get(d, k)?.is_some() {
                let name = crate::ops::format::callable_name(vm, callee);
                let ks = vm.str_of(k).unwrap_or("?");
                let _ = fname();
                return Err(vm.type_error(format!(
                    "{name} got multiple values for keyword argument '{ks}'"
                )));
            }
            vm.dict_set(d, k, v)?;
        }
        pos += 1;
    }
    Ok(())
}

/// `tuple(v)` (returns `v` itself for an exact tuple).
pub fn to_tuple(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.obj_type() == Some(vm.types.tuple) {
        return Ok(v);
    }
    if v.obj_type() == Some(vm.types.list)
        && let Some(l) = v.as_ref::<ListObj>()
    {
        return vm.new_tuple(cells_as_values(l.items()));
    }
    let list = vm.new_list(&[])?;
    extend_list(vm, list, v)?;
    let l = list.as_ref::<ListObj>().expect("list");
    vm.new_tuple(cells_as_values(l.items()))
}

/// `list(v)`.
pub fn to_list(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let list = vm.new_list(&[])?;
    extend_list(vm, list, v)?;
    Ok(list)
}

/// `a, b, *c, d = seq`: push the items last-first onto the frame's stack.
pub fn unpack(
    vm: &mut Vm,
    f: &mut Frame,
    seq: Value,
    before: usize,
    after: Option<usize>,
) -> PyResult<()> {
    // Without a starred target, take at most one item more than needed (iterators are lazy).
    let is_seq = seq.obj_type() == Some(vm.types.tuple) || seq.obj_type() == Some(vm.types.list);
    let seq = if after.is_none() && !is_seq {
        let it = match vm.iter(seq) {
            Ok(it) => it,
            Err(e) if vm.exc_is(e.0, ExcKind::TypeError) => {
                let tn = vm.type_name(seq);
                return Err(vm.type_error(format!("cannot unpack non-iterable {tn} object")));
            }
            Err(e) => return Err(e),
        };
        let got = vm.new_list(&[])?;
        let l = got.as_ref::<ListObj>().expect("list");
        while l.len() <= before {
            match next(vm, it)? {
                Some(v) => vm.list_append(l, v)?,
                None => break,
            }
        }
        got
    } else {
        seq
    };
    let t = match to_tuple(vm, seq) {
        Ok(t) => t,
        Err(e) if vm.exc_is(e.0, ExcKind::TypeError) && !vm.hasattr(seq, "__iter__")? => {
            let tn = vm.type_name(seq);
            return Err(vm.type_error(format!("cannot unpack non-iterable {tn} object")));
        }
        Err(e) => return Err(e),
    };
    let items = tuple::items(t);
    match after {
        None => {
            if items.len() != before {
                if items.len() > before {
                    return Err(
                        vm.value_error(format!("too many values to unpack (expected {before})"))
                    );
                }
                return Err(vm.value_error(format!(
                    "not enough values to unpack (expected {before}, got {})",
                    items.len()
                )));
            }
            for &v in items.iter().rev() {
                f.push(v);
            }
        }
        Some(after) => {
            if items.len() < before + after {
                return Err(vm.value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let mid_end = items.len() - after;
            for &v in items[mid_end..].iter().rev() {
                f.push(v);
            }
            let mid = vm.new_list(&items[before..mid_end])?;
            f.push(mid);
            for &v in items[..before].iter().rev() {
                f.push(v);
            }
        }
    }
    Ok(())
}
