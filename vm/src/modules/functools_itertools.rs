//! `functools` (`reduce`, `partial`, `wraps`, `update_wrapper`, `cmp_to_key`, `total_ordering`,
//! `lru_cache`/`cache`) and `itertools` (CPython's iterator building blocks), written in Python:
//! the modules MicroPython installs from micropython-lib, here built in. The iterators are
//! generators, so their type names differ from CPython's; what they yield is the same.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Build the `functools` module.
pub fn create_functools(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("functools")?;
    super::types_::run_python(vm, m, &crate::pylib::FUNCTOOLS, "<functools>")?;
    Ok(m)
}

/// Build the `itertools` module.
pub fn create_itertools(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("itertools")?;
    super::types_::run_python(vm, m, &crate::pylib::ITERTOOLS, "<itertools>")?;
    Ok(m)
}
