//! `mappingproxy`: the read-only view of a class namespace that `Class.__dict__` returns (and
//! `types.MappingProxyType`). A small class written in Python (module `_mappingproxy`, made on
//! first use); match statements treat it as a mapping.

use crate::obj::TypeObj;
use crate::obj::typeobj::flags as tflags;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The `mappingproxy` class.
pub fn class(vm: &mut Vm) -> PyResult<Value> {
    let m =
        crate::modules::types_::python_module(vm, "_mappingproxy", &crate::pylib::MAPPINGPROXY)?;
    let c = vm.getattr_str(m, "mappingproxy")?;
    if let Some(t) = c.as_ref::<TypeObj>() {
        // A mapping to `match`, and, as in CPython, not a base for other classes.
        t.flags
            .set((t.flags.get() | tflags::MAPPING) & !tflags::BASETYPE);
    }
    Ok(c)
}

/// A read-only proxy for `mapping`.
pub fn new(vm: &mut Vm, mapping: Value) -> PyResult<Value> {
    let c = class(vm)?;
    vm.call(c, &[mapping])
}
