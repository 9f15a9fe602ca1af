//! `tuple` construction and methods.

use super::staticmethod;
use crate::builtins::args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn tuple_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [iterable] = args::parse(vm, "tuple", &a[1..], kwnames, ["$iterable"], 0)?;
    let t = if iterable.is_null() { vm.empty_tuple } else { crate::ops::iter::to_tuple(vm, iterable)? };
    if a[0] == Value::from_obj(vm.types.tuple) {
        return Ok(t);
    }
    let ty = a[0].downcast::<crate::obj::TypeObj>().expect("type");
    let items = crate::obj::tuple::items(t);
    let head = crate::obj::tuple::TupleHead { header: crate::obj::Header::new(ty) };
    let g = vm.alloc_var(head, items.len(), |i| items[i], false)?;
    Ok(Value::from_obj(g))
}

/// Install `tuple` methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.tuple;
    vm.add_methods(ty, &[staticmethod("__new__", tuple_new)])
}
