//! The `atexit` module (`register`, `unregister`) and MicroPython's `sys.atexit`: functions run
//! when the program ends (normally, by `sys.exit` or by an uncaught exception), the last
//! registered first; one that raises is reported on stderr and the rest still run.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Build the `atexit` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("atexit")?;
    super::types_::run_python(vm, m, &crate::pylib::ATEXIT, "<atexit>")?;
    Ok(m)
}

/// `sys.atexit(func)`: MicroPython's single exit function (None clears it); returns the one it
/// replaces.
pub fn sys_atexit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    crate::builtins::args::exact(vm, "atexit", a, kw, 1)?;
    let m = super::builtin_module(vm, "atexit")?.unwrap_or(Value::NONE);
    let f = vm.getattr_str(m, "_sys_atexit")?;
    vm.call(f, &[a[0]])
}

/// Run the exit functions, if the program registered any (the module was imported, or
/// `sys.atexit` used). Called once, as the program ends.
pub fn run_exit_functions(vm: &mut Vm) {
    let Ok(Some(m)) = vm.dict_get_str(vm.modules, "atexit") else {
        return;
    };
    if let Ok(run) = vm.getattr_str(m, "_run_exitfuncs")
        && let Err(e) = vm.call(run, &[])
    {
        let _ = crate::ops::traceback::report_uncaught(vm, e.0);
    }
}
