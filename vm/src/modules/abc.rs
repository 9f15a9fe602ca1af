//! Abstract base classes: the `abc` module (`ABCMeta`, `ABC`, `abstractmethod`, `register`,
//! instantiation refused while abstract methods remain) and `collections.abc` (the container
//! ABCs with their mixin methods, the built-in types registered, structural checks such as
//! "has `__iter__`"). Both are Python source; one Rust function marks the classes a `match`
//! statement treats as sequences or mappings (`Sequence`/`Mapping` subclasses and registrations).

use crate::obj::TypeObj;
use crate::obj::typeobj::flags as tflags;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `_set_pattern_kind(cls, 'sequence' | 'mapping')`: make `match` treat `cls` (and classes
/// derived from it later) as a sequence or a mapping, as registering with or deriving from
/// `collections.abc.Sequence`/`Mapping` does in CPython.
fn set_pattern_kind(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    crate::builtins::args::exact(vm, "_set_pattern_kind", a, kw, 2)?;
    let Some(t) = a[0].as_ref::<TypeObj>() else {
        return Err(vm.type_error("_set_pattern_kind() needs a class"));
    };
    let flag = match vm.str_of(a[1]) {
        Some("sequence") => tflags::SEQUENCE,
        Some("mapping") => tflags::MAPPING,
        _ => return Err(vm.value_error("_set_pattern_kind(): 'sequence' or 'mapping'")),
    };
    // Built-in types keep their own kind (str stays no sequence to `match`).
    if t.has(tflags::HEAPTYPE) {
        let other = tflags::SEQUENCE | tflags::MAPPING;
        t.flags.set((t.flags.get() & !other) | flag);
    }
    Ok(Value::NONE)
}

/// Build the `abc` module.
pub fn create_abc(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("abc")?;
    let f = vm.new_builtin("_set_pattern_kind", set_pattern_kind, 0, m)?;
    let d = vm.module_dict(m);
    vm.dict_set_str(d, "_set_pattern_kind", f)?;
    // Registered before its body runs: `collections.abc` imports it.
    vm.dict_set_str(vm.modules, "abc", m)?;
    super::types_::run_python(vm, m, &crate::pylib::ABC, "<abc>")?;
    Ok(m)
}

/// Build the `collections.abc` module (also the `abc` attribute of `collections`).
pub fn create_collections_abc(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("collections.abc")?;
    vm.dict_set_str(vm.modules, "collections.abc", m)?;
    super::types_::run_python(vm, m, &crate::pylib::COLLECTIONS_ABC, "<collections.abc>")?;
    if let Some(c) = super::builtin_module(vm, "collections")? {
        let k = vm.intern("abc");
        vm.setattr(c, k, m)?;
    }
    Ok(m)
}
