//! The `array` module.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Build the `array` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    vm.new_module("array")
}
