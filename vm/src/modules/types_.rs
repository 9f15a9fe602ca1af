//! The `types` module: the built-in types that have no built-in name (`FunctionType`,
//! `MethodType`, `GeneratorType`, `ModuleType`, `NoneType`...), `SimpleNamespace` and
//! `new_class`; and [`run_python`], which library modules use to define parts of themselves
//! in Python.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Run Python source text with a module's dict as its globals (for library code written in
/// Python: classes with Python-level special methods, small helpers).
pub fn run_python(vm: &mut Vm, module: Value, source: &str, filename: &str) -> PyResult<()> {
    let code = crate::import::compile_to_value(vm, source, filename, frontend::Mode::Exec)?;
    let d = vm.module_dict(module);
    crate::interp::call::run_code(vm, code, d, d)?;
    Ok(())
}

/// An internal module written in Python, made from `source` on first use and kept in
/// `sys.modules` under `name`.
pub fn python_module(vm: &mut Vm, name: &str, source: &str) -> PyResult<Value> {
    if let Some(m) = vm.dict_get_str(vm.modules, name)? {
        return Ok(m);
    }
    let m = vm.new_module(name)?;
    let filename = alloc::format!("<{name}>");
    run_python(vm, m, source, &filename)?;
    vm.dict_set_str(vm.modules, name, m)?;
    Ok(m)
}

/// `SimpleNamespace`, `new_class` and friends, written in Python.
const SOURCE: &str = r#"
class SimpleNamespace:
    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        items = ', '.join([k + '=' + repr(v) for k, v in self.__dict__.items()])
        return name + '(' + items + ')'

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __ne__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ != other.__dict__
        return NotImplemented

    __hash__ = None

def resolve_bases(bases):
    return tuple(bases)

def prepare_class(name, bases=(), kwds=None):
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    elif bases:
        meta = type(bases[0])
    else:
        meta = type
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds

def new_class(name, bases=(), kwds=None, exec_body=None):
    bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    return meta(name, bases, ns, **kwds)

class _AwaitableGenerator:
    # What a types.coroutine function returns for a generator: awaitable, and still a
    # generator to whoever drives it directly.
    def __init__(self, gen):
        self._gen = gen
    def __await__(self):
        return self._gen
    def __iter__(self):
        return self._gen
    def __next__(self):
        return next(self._gen)
    def send(self, value):
        return self._gen.send(value)
    def throw(self, *args):
        return self._gen.throw(*args)
    def close(self):
        return self._gen.close()
    def __getattr__(self, name):
        return getattr(self._gen, name)

def coroutine(func):
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        if type(result) is GeneratorType:
            return _AwaitableGenerator(result)
        return result
    for attr in ('__name__', '__qualname__', '__doc__', '__module__'):
        try:
            setattr(wrapper, attr, getattr(func, attr))
        except AttributeError:
            pass
    return wrapper

LambdaType = FunctionType
BuiltinMethodType = BuiltinFunctionType
"#;

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
    run_python(vm, m, SOURCE, "<types>")?;
    for name in ["UnionType", "GenericAlias"] {
        let c = crate::ops::type_forms::class(vm, name)?;
        vm.dict_set_str(d, name, c)?;
    }
    let proxy = crate::types::mappingproxy::class(vm)?;
    vm.dict_set_str(d, "MappingProxyType", proxy)?;
    Ok(m)
}
