//! `type`: the default metaclass: `type(x)`, `type(name, bases, dict)`, `mro()`,
//! `__subclasses__`, `__instancecheck__`/`__subclasscheck__`, `__prepare__`.

use super::{classmethod, method, staticmethod};
use crate::builtins::args;
use crate::obj::typeobj::{self, TypeObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn type_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    crate::ops::construct::type_new(vm, args, kwnames)
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kwnames: Value) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn type_call(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    let Some(t) = args.first().and_then(|c| c.as_ref::<TypeObj>()) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    crate::ops::construct::call_type(vm, t, &args[1..], kwnames)
}

fn type_mro(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "mro", args, kwnames, 1)?;
    let t = args[0].as_ref::<TypeObj>().expect("type");
    let items = crate::obj::tuple::items(t.mro.get());
    vm.new_list(items)
}

fn type_prepare(vm: &mut Vm, _args: &[Value], _kwnames: Value) -> PyResult<Value> {
    vm.new_dict()
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__instancecheck__", args, kwnames, 2)?;
    let t = vm.type_of(args[1]);
    Ok(Value::from_bool(
        Value::from_obj(t) == args[0] || typeobj::is_subtype(&t, args[0]),
    ))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__subclasscheck__", args, kwnames, 2)?;
    let Some(sub) = args[1].as_ref::<TypeObj>() else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::from_bool(typeobj::is_subtype(sub, args[0])))
}

fn type_subclasses(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__subclasses__", args, kwnames, 1)?;
    vm.new_list(&[])
}

fn type_repr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__repr__", args, kwnames, 1)?;
    let s = vm.repr_string(args[0])?;
    vm.new_str(&s)
}

/// `cls | other` (PEP 604).
fn type_or(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__or__", a, kwnames, 2)?;
    crate::ops::type_forms::union(vm, a[0], a[1])
}

/// `other | cls`.
fn type_ror(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__ror__", a, kwnames, 2)?;
    crate::ops::type_forms::union(vm, a[1], a[0])
}

/// Install `type`'s methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.type_;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", type_new),
            method("__init__", type_init),
            method("__call__", type_call),
            method("mro", type_mro),
            classmethod("__prepare__", type_prepare),
            method("__instancecheck__", type_instancecheck),
            method("__subclasscheck__", type_subclasscheck),
            method("__subclasses__", type_subclasses),
            method("__repr__", type_repr),
            method("__or__", type_or),
            method("__ror__", type_ror),
        ],
    )
}
