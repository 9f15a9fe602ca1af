//! The `types` module: the built-in types that have no built-in name (`FunctionType`,
//! `MethodType`, `GeneratorType`, `ModuleType`, `NoneType`...), `SimpleNamespace` and
//! `new_class`; and [`run_python`], which library modules use to define parts of themselves
//! in Python.

use crate::pylib::PySource;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Run one of the library's Python sources with a module's dict as its globals (for library
/// code written in Python: classes with Python-level special methods, small helpers).
pub fn run_python(vm: &mut Vm, module: Value, source: &PySource, filename: &str) -> PyResult<()> {
    let text = source.text(vm)?;
    let code = crate::import::compile_to_value(vm, &text, filename, frontend::Mode::Exec)?;
    let d = vm.module_dict(module);
    crate::interp::call::run_code(vm, code, d, d)?;
    Ok(())
}

/// An internal module written in Python, made from `source` on first use and kept in
/// `sys.modules` under `name`.
pub fn python_module(vm: &mut Vm, name: &str, source: &PySource) -> PyResult<Value> {
    if let Some(m) = vm.dict_get_str(vm.modules, name)? {
        return Ok(m);
    }
    let m = vm.new_module(name)?;
    let filename = alloc::format!("<{name}>");
    run_python(vm, m, source, &filename)?;
    vm.dict_set_str(vm.modules, name, m)?;
    Ok(m)
}

/// Build the `types` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("types")?;
    let d = vm.module_dict(m);
    let t = &vm.types;
    let entries = [
        ("FunctionType", t.function),
        ("MethodType", t.bound_method),
        ("GeneratorType", t.generator),
        ("CoroutineType", t.coroutine),
        ("AsyncGeneratorType", t.async_generator),
        ("ModuleType", t.module),
        ("BuiltinFunctionType", t.builtin_function),
        ("NoneType", t.none_type),
        ("EllipsisType", t.ellipsis_type),
        ("NotImplementedType", t.not_implemented_type),
        ("CodeType", t.code),
        ("CellType", t.cell),
    ];
    for (name, ty) in entries {
        vm.dict_set_str(d, name, Value::from_obj(ty))?;
    }
    run_python(vm, m, &crate::pylib::TYPES, "<types>")?;
    for name in ["UnionType", "GenericAlias"] {
        let c = crate::ops::type_forms::class(vm, name)?;
        vm.dict_set_str(d, name, c)?;
    }
    let proxy = crate::types::mappingproxy::class(vm)?;
    vm.dict_set_str(d, "MappingProxyType", proxy)?;
    Ok(m)
}
