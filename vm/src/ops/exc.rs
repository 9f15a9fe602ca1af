//! Exception semantics: matching an exception against `except` clauses, turning `raise X` into
//! an instance (classes are instantiated, `from` sets the cause), `StopIteration.value`, and
//! entering a `with` block.

use crate::obj::exc::ExcObj;
use crate::obj::tuple;
use crate::obj::typeobj::{self, TypeObj, flags as tflags};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Does `exc` match the `except` clause type (a class or tuple of classes)?
pub fn exception_matches(vm: &mut Vm, exc: Value, ty: Value) -> PyResult<bool> {
    if let Some(t) = ty.as_ref::<TypeObj>() {
        if !t.has(tflags::EXCEPTION) {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        let et = vm.type_of(exc);
        return Ok(Value::from_obj(et) == ty || typeobj::is_subtype(&et, ty));
    }
    if ty.obj_kind() == Some(crate::obj::Kind::Tuple) {
        for &t in tuple::items(ty) {
            if exception_matches(vm, exc, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"))
}

/// `raise v [from cause]`: the exception to propagate.
pub fn make_raisable(vm: &mut Vm, v: Value, cause: Option<Value>) -> PyResult<PyErr> {
    let exc = to_exception(vm, v, "exceptions must derive from BaseException")?;
    if let Some(c) = cause {
        let e = exc.as_ref::<ExcObj>().expect("exception");
        if c.is_none() {
            e.cause.set(Value::NONE);
        } else {
            let c = to_exception(vm, c, "exception causes must derive from BaseException")?;
            e.cause.set(c);
        }
        e.suppress_context.set(true);
    }
    Ok(PyErr(exc))
}

fn to_exception(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Value> {
    if v.obj_kind() == Some(crate::obj::Kind::Exception) {
        return Ok(v);
    }
    if let Some(t) = v.as_ref::<TypeObj>()
        && t.has(tflags::EXCEPTION)
    {
        let e = vm.call(v, &[])?;
        return made_exception(vm, v, e, true);
    }
    Err(vm.type_error(msg))
}

/// `e`, which calling the exception class `class` returned, if it is an exception. CPython
/// names the wrong type by its repr for `raise` (`type_repr`) and by its name for `throw`.
pub fn made_exception(vm: &mut Vm, class: Value, e: Value, type_repr: bool) -> PyResult<Value> {
    if e.obj_kind() == Some(crate::obj::Kind::Exception) {
        return Ok(e);
    }
    let n = if type_repr {
        let t = Value::from_obj(vm.type_of(e));
        vm.repr_string(t)?
    } else {
        alloc::string::String::from(vm.type_name(e))
    };
    let c = vm.repr_string(class)?;
    Err(vm.type_error(alloc::format!(
        "calling {c} should have returned an instance of BaseException, not {n}"
    )))
}

/// The `value` of a StopIteration (its first argument, or None).
pub fn stop_iteration_value(_vm: &mut Vm, exc: Value) -> Value {
    match exc.as_ref::<ExcObj>() {
        Some(e) => tuple::items(e.args.get())
            .first()
            .copied()
            .unwrap_or(Value::NONE),
        None => Value::NONE,
    }
}

/// `with mgr:` entry: the bound `__exit__` and the result of `__enter__()`.
pub fn enter_context(vm: &mut Vm, mgr: Value) -> PyResult<(Value, Value)> {
    let ty = vm.type_of(mgr);
    let enter_n = crate::interner::names::ENTER;
    let exit_n = crate::interner::names::EXIT;
    let enter = typeobj::lookup(vm, &ty, enter_n)?;
    let exit = typeobj::lookup(vm, &ty, exit_n)?;
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let t = vm.type_name(mgr);
        let missing = if typeobj::lookup(vm, &ty, enter_n)?.is_none() {
            ""
        } else {
            " (missed __exit__ method)"
        };
        return Err(vm.type_error(alloc::format!(
            "'{t}' object does not support the context manager protocol{missing}"
        )));
    };
    let exit = crate::ops::attr::descr_get(vm, exit, mgr, Value::from_obj(ty))?;
    let enter = crate::ops::attr::descr_get(vm, enter, mgr, Value::from_obj(ty))?;
    let r = vm.call(enter, &[])?;
    Ok((exit, r))
}
