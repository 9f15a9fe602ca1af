//! Types combined into type expressions: PEP 604 unions (`int | None`, `types.UnionType`) and
//! PEP 585 generic aliases (`list[int]`, `types.GenericAlias`). Both are small classes written in
//! Python (module `_type_forms`, made on first use); `isinstance`/`issubclass` reach them
//! through their `__instancecheck__`/`__subclasscheck__`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn module(vm: &mut Vm) -> PyResult<Value> {
    crate::modules::types_::python_module(vm, "_type_forms", &crate::pylib::TYPE_FORMS)
}

/// `a | b` for types, None and unions: the union, or NotImplemented.
pub fn union(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let m = module(vm)?;
    let f = vm.getattr_str(m, "union")?;
    vm.call(f, &[a, b])
}

/// `origin[args]` for a built-in generic class.
pub fn generic_alias(vm: &mut Vm, origin: Value, args: Value) -> PyResult<Value> {
    let m = module(vm)?;
    let f = vm.getattr_str(m, "alias")?;
    vm.call(f, &[origin, args])
}

/// `types.UnionType` or `types.GenericAlias`.
pub fn class(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = module(vm)?;
    vm.getattr_str(m, name)
}
