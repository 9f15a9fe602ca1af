//! The `builtins` module: creating it (the built-in types, exceptions and functions) and the
//! other modules every program has (`sys`, `gc`, `micropython`).

pub mod args;
pub mod functions;
pub mod io;

use crate::obj::{Header, ModuleObj};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

impl Vm {
    /// A new module object named `name` with an empty globals dict.
    pub fn new_module(&mut self, name: &str) -> PyResult<Value> {
        let d = self.new_dict()?;
        let n = self.new_str(name)?;
        self.dict_set_str(d, "__name__", n)?;
        self.dict_set_str(d, "__doc__", Value::NONE)?;
        for k in ["__package__", "__loader__", "__spec__"] {
            self.dict_set_str(d, k, Value::NONE)?;
        }
        let ty = self.types.module;
        let m = self.alloc_instance(
            ty,
            ModuleObj {
                header: Header::new(ty),
                dict: Cell::new(d),
            },
        )?;
        Ok(m)
    }

    /// The globals dict of a module value.
    pub fn module_dict(&self, m: Value) -> Value {
        m.as_ref::<ModuleObj>()
            .map_or(Value::NULL, |m| m.dict.get())
    }

    /// Register a module in `sys.modules`.
    pub fn register_module(&mut self, name: &str, m: Value) -> PyResult<()> {
        let k = self.new_str(name)?;
        self.dict_set(self.modules, k, m)
    }
}

/// Create the type dicts, `builtins`, `sys.modules` and the built-in modules.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    crate::types::install(vm)?;
    let ty = vm.types.exc(ExcKind::MemoryError);
    vm.memory_error = vm.new_exc_with_args(ty, vm.empty_tuple)?;
    vm.modules = vm.new_dict()?;
    let b = vm.new_module("builtins")?;
    vm.builtins = vm.module_dict(b);
    vm.builtins_stamp = crate::native::version_stamp(vm.builtins);
    vm.register_module("builtins", b)?;
    let t = &vm.types;
    let named = [
        ("type", t.type_),
        ("object", t.object),
        ("int", t.int),
        ("bool", t.bool),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("list", t.list),
        ("tuple", t.tuple),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("classmethod", t.classmethod),
        ("staticmethod", t.staticmethod),
        ("super", t.super_),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("map", t.map),
        ("filter", t.filter),
        ("reversed", t.reversed),
        ("memoryview", t.memoryview),
    ];
    for (name, ty) in named {
        vm.dict_set_str(vm.builtins, name, Value::from_obj(ty))?;
    }
    // `ViperTypeError` too: MicroPython has it as a builtin wherever viper exists.
    for &k in ExcKind::ALL {
        let ty = vm.types.exc(k);
        vm.dict_set_str(vm.builtins, k.name(), Value::from_obj(ty))?;
    }
    // `EnvironmentError` and `IOError` are aliases of OSError.
    let os = Value::from_obj(vm.types.exc(ExcKind::OSError));
    vm.dict_set_str(vm.builtins, "EnvironmentError", os)?;
    vm.dict_set_str(vm.builtins, "IOError", os)?;
    vm.dict_set_str(vm.builtins, "None", Value::NONE)?;
    vm.dict_set_str(vm.builtins, "Ellipsis", Value::ELLIPSIS)?;
    vm.dict_set_str(vm.builtins, "NotImplemented", Value::NOT_IMPLEMENTED)?;
    vm.dict_set_str(
        vm.builtins,
        "__debug__",
        Value::from_bool(!vm.config.optimize),
    )?;
    let name = vm.new_str("builtins")?;
    vm.dict_set_str(vm.builtins, "__name__", name)?;
    functions::install(vm)?;
    crate::modules::install(vm)
}
