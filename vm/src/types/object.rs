//! `object`: the root of every class: `__new__`, `__init__`, default comparison, hashing, repr,
//! attribute hooks and `__init_subclass__`.

use super::{classmethod, method, staticmethod};
use crate::builtins::args;
use crate::obj::typeobj::TypeObj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;

fn object_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| c.as_ref::<TypeObj>()) else {
        let t = args.first().map_or("NoneType", |&c| vm.type_name(c));
        return Err(vm.type_error(alloc::format!(
            "object.__new__(X): X is not a type object ({t})"
        )));
    };
    crate::ops::construct::object_new(vm, cls, &args[1..], kwnames)
}

fn object_init(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    if args.len() > 1 || !kwnames.is_null() {
        let this = args[0];
        let ty = vm.type_of(this);
        let new_n = crate::interner::names::NEW;
        let new = crate::obj::typeobj::lookup(vm, &ty, new_n)?;
        let init = crate::obj::typeobj::lookup(vm, &ty, crate::interner::names::INIT)?;
        // CPython's wording: `object` names itself when the type has an `__init__` of its own.
        let who = if init != Some(vm.object_init) {
            Some(String::from("object"))
        } else if new == Some(vm.object_new) {
            Some(String::from(vm.type_name(this)))
        } else {
            None
        };
        if let Some(t) = who {
            return Err(vm.type_error(alloc::format!(
                "{t}.__init__() takes exactly one argument (the instance to initialize)"
            )));
        }
    }
    Ok(Value::NONE)
}

fn object_repr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__repr__", args, kwnames, 1)?;
    let s = vm.default_repr(args[0])?;
    vm.new_str(&s)
}

fn object_str(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__str__", args, kwnames, 1)?;
    vm.repr(args[0])
}

fn object_eq(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__eq__", args, kwnames, 2)?;
    Ok(if args[0] == args[1] {
        Value::TRUE
    } else {
        Value::NOT_IMPLEMENTED
    })
}

fn object_ne(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__ne__", args, kwnames, 2)?;
    // Delegate to __eq__ and invert unless NotImplemented.
    let r = match crate::ops::attr::call_special(vm, args[0], "__eq__", &[args[1]])? {
        Some(r) => r,
        None => Value::NOT_IMPLEMENTED,
    };
    if r == Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    let t = vm.truthy(r)?;
    Ok(Value::from_bool(!t))
}

fn object_not_implemented(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "comparison", args, kwnames, 2)?;
    Ok(Value::NOT_IMPLEMENTED)
}

fn object_hash(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__hash__", args, kwnames, 1)?;
    let h = crate::ops::cmp::hash_pointer(args[0]);
    vm.int_from_i64(h as i64)
}

fn object_format(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__format__", args, kwnames, 2)?;
    if vm.str_of(args[1]).is_some_and(|s| !s.is_empty()) {
        let t = String::from(vm.type_name(args[0]));
        return Err(vm.type_error(alloc::format!(
            "unsupported format string passed to {t}.__format__"
        )));
    }
    vm.str(args[0])
}

fn object_getattribute(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__getattribute__", args, kwnames, 2)?;
    let ty = vm.type_of(args[0]);
    match crate::ops::attr::generic_getattr(vm, args[0], &ty, args[1])? {
        Some(v) => Ok(v),
        None => Err(crate::ops::attr::no_attribute(vm, args[0], args[1])),
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__setattr__", args, kwnames, 3)?;
    let ty = vm.type_of(args[0]);
    crate::ops::attr::generic_set(vm, args[0], &ty, args[1], Some(args[2]))?;
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__delattr__", args, kwnames, 2)?;
    let ty = vm.type_of(args[0]);
    crate::ops::attr::generic_set(vm, args[0], &ty, args[1], None)?;
    Ok(Value::NONE)
}

fn object_dir(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__dir__", args, kwnames, 1)?;
    crate::builtins::functions::dir_of(vm, args[0])
}

fn object_sizeof(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__sizeof__", args, kwnames, 1)?;
    let n = if args[0].is_obj() {
        vm.heap.alloc_size(args[0].header_ptr())
    } else {
        0
    };
    Ok(Value::small_int(n as isize))
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    crate::ops::construct::object_init_subclass(vm, args, kwnames)
}

fn object_reduce_ex(vm: &mut Vm, _args: &[Value], _kwnames: Value) -> PyResult<Value> {
    Err(vm.type_error("cannot pickle objects"))
}

/// Install `object`'s methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.object;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", object_new),
            method("__init__", object_init),
            method("__repr__", object_repr),
            method("__str__", object_str),
            method("__eq__", object_eq),
            method("__ne__", object_ne),
            method("__lt__", object_not_implemented),
            method("__le__", object_not_implemented),
            method("__gt__", object_not_implemented),
            method("__ge__", object_not_implemented),
            method("__hash__", object_hash),
            method("__format__", object_format),
            method("__getattribute__", object_getattribute),
            method("__setattr__", object_setattr),
            method("__delattr__", object_delattr),
            method("__dir__", object_dir),
            method("__sizeof__", object_sizeof),
            method("__reduce_ex__", object_reduce_ex),
            classmethod("__init_subclass__", object_init_subclass),
        ],
    )?;
    let doc = vm.new_str("The base class of the class hierarchy.")?;
    vm.dict_set_str(ty.dict.get(), "__doc__", doc)
}
