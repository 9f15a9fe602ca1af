//! Built-in modules: `sys` (created at start-up), and the others created on first import
//! (`gc`, `micropython`, and the library modules in this directory), also under MicroPython's
//! `u`-prefixed names.

#[cfg(feature = "extra-modules")]
pub mod abc;
pub mod array;
pub mod atexit;
pub mod binascii;
pub mod cmath;
pub mod collections;
pub mod errno;
pub mod functools_itertools;
pub mod gc;
pub mod heapq;
pub mod io;
pub mod json;
pub mod machine;
pub mod math;
pub mod micropython;
pub mod os;
pub mod random;
pub mod re;
mod re_engine;
pub mod string;
pub mod struct_;
pub mod sys;
pub mod time;
pub mod types_;
#[cfg(feature = "extra-modules")]
pub mod unittest;

use crate::obj::typeobj::{TypeObj, flags as tflags};
use crate::obj::{Header, Kind};
use crate::types::MethodDef;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

/// Create `sys` and register it.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let s = sys::create(vm)?;
    vm.sys = s;
    vm.register_module("sys", s)
}

/// The built-in module a name stands for: MicroPython's `u`-prefixed names (`utime`, `usys`...)
/// are the same modules as the plain ones.
fn canonical(name: &str) -> Option<&'static str> {
    const MODULES: &[&str] = &[
        "sys",
        "builtins",
        "gc",
        "micropython",
        "math",
        "cmath",
        "time",
        "errno",
        "struct",
        "array",
        "collections",
        "io",
        "string",
        "types",
        "random",
        "binascii",
        "machine",
        "re",
        "os",
        "atexit",
        "json",
        "heapq",
        "functools",
        "itertools",
        #[cfg(feature = "extra-modules")]
        "unittest",
        #[cfg(feature = "extra-modules")]
        "abc",
        #[cfg(feature = "extra-modules")]
        "collections.abc",
    ];
    const U_ALIASED: [&str; 13] = [
        "sys",
        "time",
        "errno",
        "struct",
        "array",
        "collections",
        "io",
        "random",
        "binascii",
        "re",
        "os",
        "json",
        "heapq",
    ];
    if let Some(m) = MODULES.iter().find(|&&m| m == name) {
        return Some(m);
    }
    let plain = name.strip_prefix('u')?;
    U_ALIASED.iter().find(|&&m| m == plain).copied()
}

/// A built-in module by name (created now, or the one already made under its other name), or
/// `None` if there is no such built-in.
pub fn builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(canon) = canonical(name) else {
        return Ok(None);
    };
    if let Some(m) = vm.dict_get_str(vm.modules, canon)? {
        return Ok(Some(m));
    }
    let m = match canon {
        "sys" => vm.sys,
        "gc" => gc::create(vm)?,
        "micropython" => micropython::create(vm)?,
        "math" => math::create(vm)?,
        "cmath" => cmath::create(vm)?,
        "time" => time::create(vm)?,
        "errno" => errno::create(vm)?,
        "struct" => struct_::create(vm)?,
        "array" => array::create(vm)?,
        "collections" => collections::create(vm)?,
        "io" => io::create(vm)?,
        "string" => string::create(vm)?,
        "types" => types_::create(vm)?,
        "random" => random::create(vm)?,
        "binascii" => binascii::create(vm)?,
        "machine" => machine::create(vm)?,
        "re" => re::create(vm)?,
        "os" => os::create(vm)?,
        "atexit" => atexit::create(vm)?,
        "json" => json::create(vm)?,
        "heapq" => heapq::create(vm)?,
        "functools" => functools_itertools::create_functools(vm)?,
        "itertools" => functools_itertools::create_itertools(vm)?,
        #[cfg(feature = "extra-modules")]
        "unittest" => unittest::create(vm)?,
        #[cfg(feature = "extra-modules")]
        "abc" => abc::create_abc(vm)?,
        #[cfg(feature = "extra-modules")]
        "collections.abc" => abc::create_collections_abc(vm)?,
        _ => return Ok(None),
    };
    vm.dict_set_str(vm.modules, canon, m)?;
    Ok(Some(m))
}

/// Is `name` one of the modules built into the VM?
pub fn is_builtin_name(name: &str) -> bool {
    canonical(name).is_some()
}

/// A module's own exception class (`struct.error`, `binascii.Error`) deriving from `base`.
pub fn exception_class(
    vm: &mut Vm,
    module: &str,
    name: &str,
    base: crate::types::ExcKind,
) -> PyResult<Value> {
    let class_name = vm.intern(name);
    let base = Value::from_obj(vm.types.exc(base));
    let bases = vm.new_tuple(&[base])?;
    let ns = vm.new_dict()?;
    let modname = vm.new_str(module)?;
    vm.dict_set_str(ns, "__module__", modname)?;
    let meta = Value::from_obj(vm.types.type_);
    crate::ops::construct::new_class(vm, meta, class_name, bases, ns, &[])
}

/// Add functions to a module.
pub fn add_functions(
    vm: &mut Vm,
    module: Value,
    fns: &[(&'static str, crate::obj::func::NativeFn)],
) -> PyResult<()> {
    let d = vm.module_dict(module);
    for &(name, f) in fns {
        let b = vm.new_builtin(name, f, 0, module)?;
        vm.dict_set_str(d, name, b)?;
    }
    Ok(())
}

/// A new class implemented in Rust, with `NativeObj` instances.
pub fn new_native_type(
    vm: &mut Vm,
    name: &str,
    module: &str,
    methods: &[MethodDef],
) -> PyResult<crate::gc::Gc<TypeObj>> {
    let object = vm.types.object;
    let n = vm.intern(name);
    let bases = vm.new_tuple(&[Value::from_obj(object)])?;
    let dict = vm.new_dict()?;
    let meta = vm.types.type_;
    let t = TypeObj {
        header: Header::new(meta),
        kind: Kind::Native,
        name: Cell::new(n),
        qualname: Cell::new(n),
        bases: Cell::new(bases),
        mro: Cell::new(Value::NULL),
        dict: Cell::new(dict),
        dict_offset: Cell::new(0),
        flags: Cell::new(tflags::BASETYPE),
        instance_size: Cell::new(core::mem::size_of::<crate::native_types::NativeObj>()),
        instance_attrs: Cell::new(0),
    };
    let g = vm.alloc(t, false)?;
    let tv = Value::from_obj(g);
    let mro = vm.new_tuple(&[tv, Value::from_obj(object)])?;
    g.mro.set(mro);
    let m = vm.new_str(module)?;
    vm.dict_set_str(dict, "__module__", m)?;
    vm.add_methods(g, methods)?;
    Ok(g)
}
