//! `range`: construction, length, indexing and slicing, containment.

use super::staticmethod;
use crate::obj::{Header, RangeObj, SliceObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Number of items in a range.
pub fn range_len(r: &RangeObj) -> usize {
    let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
    let n = if step > 0 {
        if stop > start { (stop - start - 1) / step + 1 } else { 0 }
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
        let g = self.alloc(RangeObj { header: Header::new(ty), start, stop, step }, false)?;
        Ok(Value::from_obj(g))
    }

    /// A new slice.
    pub fn new_slice(&mut self, start: Value, stop: Value, step: Value) -> PyResult<Value> {
        let ty = self.types.slice;
        let g = self.alloc(SliceObj { header: Header::new(ty), start, stop, step }, false)?;
        Ok(Value::from_obj(g))
    }
}

fn bound(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if !crate::obj::int::is_int(v) && crate::ops::attr::call_special(vm, v, "__index__", &[])?.is_none() {
        let t = vm.type_name(v);
        return Err(vm.type_error(alloc::format!("'{t}' object cannot be interpreted as an integer")));
    }
    crate::ops::arith::index_of(vm, v).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn range_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    crate::builtins::args::no_kw(vm, "range", kwnames)?;
    let a = &a[1..];
    let (start, stop, step) = match a.len() {
        1 => (0, bound(vm, a[0])?, 1),
        2 => (bound(vm, a[0])?, bound(vm, a[1])?, 1),
        3 => (bound(vm, a[0])?, bound(vm, a[1])?, bound(vm, a[2])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(alloc::format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    vm.new_range(start, stop, step)
}

/// `r[key]`.
pub fn range_getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    let r = obj.as_ref::<RangeObj>().expect("range");
    let len = range_len(r);
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, stop, step, _) = crate::ops::subscr::slice_indices(vm, s, len)?;
        let nstart = r.start + start * r.step;
        let nstop = r.start + stop * r.step;
        return vm.new_range(nstart, nstop, r.step * step);
    }
    let i = crate::ops::subscr::seq_index(vm, key, len, "range object")?;
    vm.int_from_i64((r.start + i as isize * r.step) as i64)
}

/// `x in r`.
pub fn range_contains(vm: &mut Vm, obj: Value, item: Value) -> PyResult<bool> {
    let r = obj.as_ref::<RangeObj>().expect("range");
    if let Some(i) = item.as_small_int().filter(|_| !item.is_bool()) {
        let in_bounds = if r.step > 0 { i >= r.start && i < r.stop } else { i <= r.start && i > r.stop };
        return Ok(in_bounds && (i - r.start) % r.step == 0);
    }
    let it = vm.iter(obj)?;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        if vm.eq(v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Install `range` methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.range;
    vm.add_methods(ty, &[staticmethod("__new__", range_new)])
}
