//! The `unittest` module, written in Python: `TestCase` with the assertion methods, `subTest`,
//! fixtures and cleanups, the `skip*`/`expectedFailure` decorators, a loader, `TestSuite`,
//! `TextTestRunner` and `main`, which report on standard error in CPython's format (a character
//! per test, the failures, `Ran N tests in T s`, then `OK` or `FAILED (...)`) and exit with
//! status 1 when a test failed.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Build the `unittest` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("unittest")?;
    super::types_::run_python(vm, m, &crate::pylib::UNITTEST, "<unittest>")?;
    Ok(m)
}
