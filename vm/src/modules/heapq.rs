//! The `heapq` module (`uheapq` in MicroPython): a binary min-heap kept in a list —
//! `heappush`, `heappop`, `heapify` (MicroPython's three) and CPython's `heapreplace`,
//! `heappushpop`, `nsmallest`, `nlargest` and `merge`. Written in Python; items are compared
//! with `<` only, as in CPython.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Build the `heapq` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("heapq")?;
    super::types_::run_python(vm, m, &crate::pylib::HEAPQ, "<heapq>")?;
    Ok(m)
}
