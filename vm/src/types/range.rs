//! `range` (construction, length, indexing and slicing, containment, `index`, `count`,
//! `__reversed__`, equality and hash) and `slice` (construction, `indices`, comparisons).
//!
//! Ranges keep their bounds and step in machine words. A range whose bounds or step do not fit
//! (`range(2 ** 64)`, `r[::2 ** 100]`) is "wide": it holds them as ints and its operations run
//! in Python with arbitrary precision (module `_range`, made on first use), as CPython computes.

use super::staticmethod;
use super::tuple::meth;
use super::tuple::{applies, one_arg, require, slot_args};
use crate::obj::{Header, IterKind, RangeObj, SliceObj};
use crate::value::{SMALL_INT_MAX, SMALL_INT_MIN, Value};
use crate::vm::{PyResult, Vm};
use alloc::format;
use frontend::bytecode::Comparison;

/// Number of items in a range.
pub fn range_len(r: &RangeObj) -> usize {
    let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    n as usize
}

impl Vm {
    /// A new range.
    pub fn new_range(&mut self, start: isize, stop: isize, step: isize) -> PyResult<Value> {
        let ty = self.types.range;
        // A range is what a `for i in range(...)` loop counts with on MicroPython's C stack.
        let g = self.outside_heap_lock(|vm| {
            vm.alloc(
                RangeObj {
                    header: Header::new(ty),
                    start,
                    stop,
                    step,
                    wide: Value::NULL,
                },
                false,
            )
        })?;
        Ok(Value::from_obj(g))
    }

    /// A new slice. Slices are made while the heap is locked too: `b[i:j] = x` on a buffer
    /// allocates nothing a program sees, as in MicroPython.
    pub fn new_slice(&mut self, start: Value, stop: Value, step: Value) -> PyResult<Value> {
        let ty = self.types.slice;
        let g = self.outside_heap_lock(|vm| {
            vm.alloc(
                SliceObj {
                    header: Header::new(ty),
                    start,
                    stop,
                    step,
                },
                false,
            )
        })?;
        Ok(Value::from_obj(g))
    }
}

fn too_large(vm: &mut Vm) -> crate::vm::PyErr {
    vm.overflow_error("Python int too large to convert to C ssize_t")
}

/// A function of the `_range` helper module.
fn wide_helper(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = crate::modules::types_::python_module(vm, "_range", &crate::pylib::RANGE_WIDE)?;
    let f = vm.getattr_str(m, name)?;
    vm.call(f, args)
}

/// A wide range's `(start, stop, step)`, or None for a word range.
pub fn wide_parts(r: &RangeObj) -> Option<[Value; 3]> {
    if r.wide.is_null() {
        return None;
    }
    let t = crate::obj::tuple::items(r.wide);
    Some([t[0], t[1], t[2]])
}

/// Calls the `_range` function `name` with a range's `(start, stop, step)` then `extra`.
fn on_parts(vm: &mut Vm, r: &RangeObj, name: &str, extra: &[Value]) -> PyResult<Value> {
    let mut args = match wide_parts(r) {
        Some(p) => p.to_vec(),
        None => alloc::vec![
            vm.int_from_i64(r.start as i64)?,
            vm.int_from_i64(r.stop as i64)?,
            vm.int_from_i64(r.step as i64)?,
        ],
    };
    args.extend_from_slice(extra);
    wide_helper(vm, name, &args)
}

/// What two equal ranges share: `(len, start or None, step or None)`, as CPython compares.
pub fn equality_key(vm: &mut Vm, r: &RangeObj) -> PyResult<Value> {
    on_parts(vm, r, "key", &[])
}

/// A range of arbitrary ints: a word range when they all fit.
fn range_of_ints(vm: &mut Vm, start: Value, stop: Value, step: Value) -> PyResult<Value> {
    let word = |v: Value| {
        v.as_small_int()
            .or_else(|| crate::obj::int::to_bigint(v).and_then(|b| isize::try_from(b).ok()))
    };
    if let (Some(a), Some(b), Some(c)) = (word(start), word(stop), word(step)) {
        return vm.new_range(a, b, c);
    }
    let parts = vm.new_tuple(&[start, stop, step])?;
    let ty = vm.types.range;
    let g = vm.alloc(
        RangeObj {
            header: Header::new(ty),
            start: 0,
            stop: 0,
            step: 1,
            wide: parts,
        },
        false,
    )?;
    Ok(Value::from_obj(g))
}

/// A range made from wide bounds: a word range when they fit.
fn range_checked(vm: &mut Vm, start: i128, stop: i128, step: i128) -> PyResult<Value> {
    let ok = |x: i128| (isize::MIN as i128..=isize::MAX as i128).contains(&x);
    if ok(start) && ok(stop) && ok(step) {
        return vm.new_range(start as isize, stop as isize, step as isize);
    }
    let (a, b, c) = (
        vm.int_from_i128(start)?,
        vm.int_from_i128(stop)?,
        vm.int_from_i128(step)?,
    );
    range_of_ints(vm, a, b, c)
}

/// A range bound: an int (or `__index__` result).
fn bound(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v == Value::TRUE || v == Value::FALSE {
        return Ok(Value::small_int(isize::from(v == Value::TRUE)));
    }
    if crate::obj::int::is_int(v) {
        return Ok(v);
    }
    match crate::ops::attr::call_special(vm, v, "__index__", &[])? {
        Some(i) if crate::obj::int::is_int(i) => Ok(i),
        Some(i) => {
            let t = vm.type_name(i);
            Err(vm.type_error(format!("__index__ returned non-int (type {t})")))
        }
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn range_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let base = vm.types.range;
    super::tuple::new_type(vm, a, base)?;
    crate::builtins::args::no_kw(vm, "range", kwnames)?;
    let a = &a[1..];
    let one = Value::small_int(1);
    let (start, stop, step) = match a.len() {
        1 => (Value::small_int(0), bound(vm, a[0])?, one),
        2 => (bound(vm, a[0])?, bound(vm, a[1])?, one),
        3 => (bound(vm, a[0])?, bound(vm, a[1])?, bound(vm, a[2])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == Value::small_int(0) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    range_of_ints(vm, start, stop, step)
}

/// `len(r)`: OverflowError when it does not fit an index.
pub fn range_length(vm: &mut Vm, r: &RangeObj) -> PyResult<usize> {
    if r.wide.is_null() {
        return Ok(range_len(r));
    }
    let n = on_parts(vm, r, "length", &[])?;
    match crate::obj::int::to_bigint(n).and_then(|b| isize::try_from(b).ok()) {
        Some(n) => Ok(n as usize),
        None => Err(too_large(vm)),
    }
}

/// `bool(r)`: whether it is non-empty (defined even when its length is not an index).
pub fn range_bool(vm: &mut Vm, r: &RangeObj) -> PyResult<bool> {
    if r.wide.is_null() {
        return Ok(range_len(r) != 0);
    }
    let n = on_parts(vm, r, "length", &[])?;
    vm.truthy(n)
}

/// Whether an index or slice bound is an int beyond the machine word.
fn is_wide_int(v: Value) -> bool {
    crate::obj::int::to_bigint(v).is_some_and(|b| isize::try_from(b).is_err())
}

/// `r[key]`.
pub fn range_getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    let r = obj.as_ref::<RangeObj>().expect("range");
    let wide_slice = key
        .as_ref::<SliceObj>()
        .is_some_and(|s| is_wide_int(s.start) || is_wide_int(s.stop) || is_wide_int(s.step));
    if !r.wide.is_null() || wide_slice || is_wide_int(key) {
        if key.as_ref::<SliceObj>().is_some() {
            return on_parts(vm, r, "sub", &[key]);
        }
        if !crate::obj::int::is_int(key)
            && crate::ops::attr::call_special(vm, key, "__index__", &[])?.is_none()
        {
            let t = vm.type_name(key);
            return Err(vm.type_error(format!("range indices must be integers or slices, not {t}")));
        }
        let i = bound(vm, key)?;
        return on_parts(vm, r, "item", &[i]);
    }
    let len = range_len(r);
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, stop, step, _) = crate::ops::subscr::slice_indices(vm, s, len)?;
        let (rs, st) = (r.start as i128, r.step as i128);
        return range_checked(
            vm,
            rs + start as i128 * st,
            rs + stop as i128 * st,
            st * step as i128,
        );
    }
    if !crate::obj::int::is_int(key)
        && crate::ops::attr::call_special(vm, key, "__index__", &[])?.is_none()
    {
        let t = vm.type_name(key);
        return Err(vm.type_error(format!("range indices must be integers or slices, not {t}")));
    }
    let i = crate::ops::subscr::seq_index(vm, key, len, "range object")?;
    vm.int_from_i64((r.start as i128 + i as i128 * r.step as i128) as i64)
}

/// The int value of `v` if it is an exact int or a bool (the cases CPython computes directly).
fn int_like(vm: &Vm, v: Value) -> Option<Option<i128>> {
    match v {
        Value::TRUE => return Some(Some(1)),
        Value::FALSE => return Some(Some(0)),
        _ => {}
    }
    if let Some(i) = v.as_small_int() {
        return Some(Some(i as i128));
    }
    if v.obj_type() == Some(vm.types.int) {
        // A big int: inside a range's bounds only if it fits a machine word.
        let b = crate::obj::int::to_bigint(v)?;
        return Some(
            i128::try_from(b)
                .ok()
                .filter(|i| isize::try_from(*i).is_ok()),
        );
    }
    None
}

/// Position of the int `i` in `r`, if present.
fn position(r: &RangeObj, i: i128) -> Option<usize> {
    let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
    let in_bounds = if step > 0 {
        i >= start && i < stop
    } else {
        i <= start && i > stop
    };
    if in_bounds && (i - start) % step == 0 {
        Some(((i - start) / step) as usize)
    } else {
        None
    }
}

/// `x in r`.
pub fn range_contains(vm: &mut Vm, obj: Value, item: Value) -> PyResult<bool> {
    let r = obj.as_ref::<RangeObj>().expect("range");
    if (!r.wide.is_null() || is_wide_int(item)) && int_like(vm, item).is_some() {
        let found = on_parts(vm, r, "contains", &[item])?;
        return vm.truthy(found);
    }
    if let Some(i) = int_like(vm, item) {
        return Ok(i.is_some_and(|i| position(r, i).is_some()));
    }
    let it = vm.iter(obj)?;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        if vm.eq(v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn this(vm: &mut Vm, v: Value, name: &str, slot: bool) -> PyResult<&'static RangeObj> {
    let ok = v.as_ref::<RangeObj>().is_some();
    if slot {
        require(vm, v, ok, "range", name)?;
    } else {
        applies(vm, v, ok, "range", name)?;
    }
    Ok(v.as_ref::<RangeObj>().expect("range"))
}

fn r_index(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let x = one_arg(vm, "range.index", a, kwnames)?;
    let r = this(vm, a[0], "index", false)?;
    if (!r.wide.is_null() || is_wide_int(x)) && int_like(vm, x).is_some() {
        return on_parts(vm, r, "index", &[x]);
    }
    if let Some(i) = int_like(vm, x) {
        if let Some(p) = i.and_then(|i| position(r, i)) {
            return vm.int_from_i64(p as i64);
        }
        let s = vm.repr_text(x)?;
        return Err(vm.value_error(format!("{s} is not in range")));
    }
    let it = vm.iter(a[0])?;
    let mut n = 0;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        if vm.eq(v, x)? {
            return Ok(Value::small_int(n));
        }
        n += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn r_count(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let x = one_arg(vm, "range.count", a, kwnames)?;
    this(vm, a[0], "count", false)?;
    if int_like(vm, x).is_some() {
        let found = range_contains(vm, a[0], x)?;
        return Ok(Value::small_int(isize::from(found)));
    }
    let it = vm.iter(a[0])?;
    let mut n = 0;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        if vm.eq(v, x)? {
            n += 1;
        }
    }
    Ok(Value::small_int(n))
}

fn r_len(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    let r = this(vm, a[0], "__len__", true)?;
    let n = range_length(vm, r)?;
    vm.int_from_i64(n as i64)
}

fn r_getitem(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    this(vm, a[0], "__getitem__", true)?;
    range_getitem(vm, a[0], a[1])
}

fn r_contains(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    this(vm, a[0], "__contains__", true)?;
    range_contains(vm, a[0], a[1]).map(Value::from_bool)
}

fn r_iter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    let r = this(vm, a[0], "__iter__", true)?;
    range_iterator(vm, r)
}

/// `iter(r)`.
pub fn range_iterator(vm: &mut Vm, r: &RangeObj) -> PyResult<Value> {
    match wide_parts(r) {
        Some(p) => wide_helper(vm, "iterate", &p),
        None => range_iter(vm, r.start, r.stop, r.step),
    }
}

/// An iterator from `start` towards `stop` by `step`: the small-int kind (which native code
/// steps inline) when every item and the step are small ints, else the wide kind.
pub fn range_iter(vm: &mut Vm, start: isize, stop: isize, step: isize) -> PyResult<Value> {
    let small = |x: i128| (SMALL_INT_MIN as i128..=SMALL_INT_MAX as i128).contains(&x);
    let ty = vm.types.iterator;
    let (a, b, s) = (start as i128, stop as i128, step as i128);
    if small(a) && small(b) && small(s) && small(a + s) && small(b + s) {
        return vm.new_iter(
            ty,
            IterKind::Range,
            Value::small_int(step),
            Value::NULL,
            start,
            stop,
        );
    }
    let step_value = vm.int_from_i64(step as i64)?;
    vm.new_iter(
        ty,
        IterKind::RangeWide,
        step_value,
        Value::NULL,
        start,
        stop,
    )
}

fn r_reversed(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    super::tuple::no_args(vm, "range.__reversed__", a, kwnames)?;
    let r = this(vm, a[0], "__reversed__", false)?;
    if !r.wide.is_null() {
        return on_parts(vm, r, "reverse", &[]);
    }
    let n = range_len(r) as i128;
    let (start, step) = (r.start as i128, r.step as i128);
    let (first, end) = if n == 0 {
        (start, start)
    } else {
        (start + (n - 1) * step, start - step)
    };
    let ok = |x: i128| (isize::MIN as i128..=isize::MAX as i128).contains(&x);
    if !(ok(first) && ok(end) && ok(-step)) {
        return on_parts(vm, r, "reverse", &[]);
    }
    range_iter(vm, first as isize, end as isize, -step as isize)
}

fn r_hash(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    let r = this(vm, a[0], "__hash__", true)?;
    if !r.wide.is_null() {
        let key = equality_key(vm, r)?;
        let h = vm.hash_tuple(crate::obj::tuple::items(key))?;
        return vm.int_from_i64(h as i64);
    }
    let n = range_len(r);
    let len = vm.int_from_i64(n as i64)?;
    let start = vm.int_from_i64(r.start as i64)?;
    let step = vm.int_from_i64(r.step as i64)?;
    let items = match n {
        0 => [len, Value::NONE, Value::NONE],
        1 => [len, start, Value::NONE],
        _ => [len, start, step],
    };
    let h = vm.hash_tuple(&items)?;
    vm.int_from_i64(h as i64)
}

fn r_repr(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    this(vm, a[0], "__repr__", true)?;
    let s = vm.repr_string(a[0])?;
    vm.new_str(&s)
}

fn range_cmp(
    vm: &mut Vm,
    a: &[Value],
    kwnames: Value,
    op: Comparison,
    name: &str,
) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    this(vm, a[0], name, true)?;
    if a[1].as_ref::<RangeObj>().is_none() || !matches!(op, Comparison::Eq | Comparison::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let eq = crate::ops::subscr::range_equal(vm, a[0], a[1])?;
    Ok(Value::from_bool(eq == (op == Comparison::Eq)))
}

// ----- slice -----

fn slice_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let base = vm.types.slice;
    super::tuple::new_type(vm, a, base)?;
    crate::builtins::args::no_kw(vm, "slice", kwnames)?;
    let a = &a[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::NONE, a[0], Value::NONE),
        2 => (a[0], a[1], Value::NONE),
        3 => (a[0], a[1], a[2]),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    };
    vm.new_slice(start, stop, step)
}

fn slice_this(vm: &mut Vm, v: Value, name: &str, slot: bool) -> PyResult<&'static SliceObj> {
    let ok = v.as_ref::<SliceObj>().is_some();
    if slot {
        require(vm, v, ok, "slice", name)?;
    } else {
        applies(vm, v, ok, "slice", name)?;
    }
    Ok(v.as_ref::<SliceObj>().expect("slice"))
}

fn slice_indices_m(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let n = one_arg(vm, "slice.indices", a, kwnames)?;
    let s = slice_this(vm, a[0], "indices", false)?;
    let len = crate::ops::arith::index_of(vm, n)?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = crate::ops::subscr::slice_indices(vm, s, len as usize)?;
    let (x, y, z) = (
        vm.int_from_i64(start as i64)?,
        vm.int_from_i64(stop as i64)?,
        vm.int_from_i64(step as i64)?,
    );
    vm.new_tuple(&[x, y, z])
}

fn slice_repr(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    slice_this(vm, a[0], "__repr__", true)?;
    let s = vm.repr_string(a[0])?;
    vm.new_str(&s)
}

fn slice_cmp(
    vm: &mut Vm,
    a: &[Value],
    kwnames: Value,
    op: Comparison,
    name: &str,
) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    let x = slice_this(vm, a[0], name, true)?;
    let Some(y) = a[1].as_ref::<SliceObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let t1 = vm.new_tuple(&[x.start, x.stop, x.step])?;
    let t2 = vm.new_tuple(&[y.start, y.stop, y.step])?;
    crate::ops::cmp::rich_compare(vm, op, t1, t2)
}

macro_rules! cmp_methods {
    ($f:ident: $($name:ident $op:ident $dunder:literal;)*) => {$(
        fn $name(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
            $f(vm, a, kwnames, Comparison::$op, $dunder)
        }
    )*};
}

cmp_methods! { range_cmp:
    r_eq Eq "__eq__"; r_ne Ne "__ne__"; r_lt Lt "__lt__"; r_le Le "__le__"; r_gt Gt "__gt__"; r_ge Ge "__ge__";
}

cmp_methods! { slice_cmp:
    s_eq Eq "__eq__"; s_ne Ne "__ne__"; s_lt Lt "__lt__"; s_le Le "__le__"; s_gt Gt "__gt__"; s_ge Ge "__ge__";
}

/// Install `range` and `slice` methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.range;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", range_new),
            meth!("range", "index", r_index),
            meth!("range", "count", r_count),
            meth!("range", "__len__", r_len),
            meth!("range", "__getitem__", r_getitem),
            meth!("range", "__contains__", r_contains),
            meth!("range", "__iter__", r_iter),
            meth!("range", "__reversed__", r_reversed),
            meth!("range", "__hash__", r_hash),
            meth!("range", "__repr__", r_repr),
            meth!("range", "__eq__", r_eq),
            meth!("range", "__ne__", r_ne),
            meth!("range", "__lt__", r_lt),
            meth!("range", "__le__", r_le),
            meth!("range", "__gt__", r_gt),
            meth!("range", "__ge__", r_ge),
        ],
    )?;
    let ty = vm.types.slice;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", slice_new),
            meth!("slice", "indices", slice_indices_m),
            meth!("slice", "__repr__", slice_repr),
            meth!("slice", "__eq__", s_eq),
            meth!("slice", "__ne__", s_ne),
            meth!("slice", "__lt__", s_lt),
            meth!("slice", "__le__", s_le),
            meth!("slice", "__gt__", s_gt),
            meth!("slice", "__ge__", s_ge),
        ],
    )?;
    // Slices are unhashable in Python 3.11: `slice.__hash__` is None.
    vm.dict_set_str(ty.dict.get(), "__hash__", Value::NONE)
}
