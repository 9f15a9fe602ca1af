//! The `types` module.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Build the `types` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    vm.new_module("types")
}
