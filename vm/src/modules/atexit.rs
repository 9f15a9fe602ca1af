//! The `atexit` module (`register`, `unregister`) and MicroPython's `sys.atexit`: functions run
//! when the program ends (normally, by `sys.exit` or by an uncaught exception), the last
//! registered first; one that raises is reported on stderr and the rest still run.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const PY_SOURCE: &str = "
import sys
_callbacks = []
_sys_func = None

def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _callbacks.append((func, args, kwargs))
    return func

def unregister(func):
    _callbacks[:] = [c for c in _callbacks if c[0] != func]

def _clear():
    del _callbacks[:]

def _ncallbacks():
    return len(_callbacks)

def _sys_atexit(func):
    global _sys_func
    if func is not None and not callable(func):
        raise TypeError('the first argument must be callable')
    previous = _sys_func
    _sys_func = func
    return previous

def _call(func, args, kwargs):
    try:
        func(*args, **kwargs)
    except SystemExit:
        pass
    except BaseException as e:
        print('Exception ignored in atexit callback:', repr(func), file=sys.stderr)
        sys.print_exception(e, sys.stderr)

def _run_exitfuncs():
    global _sys_func
    if _sys_func is not None:
        func, _sys_func = _sys_func, None
        _call(func, (), {})
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        _call(func, args, kwargs)
";

/// Build the `atexit` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("atexit")?;
    super::collections::run_source(vm, m, PY_SOURCE, "<atexit>")?;
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
