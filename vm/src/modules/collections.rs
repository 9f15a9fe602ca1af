//! The `collections` module: `deque` (Rust, `collections_deque.rs`); `namedtuple`,
//! `OrderedDict`, `defaultdict` and `Counter` (Python source in `vm/pylib/collections.py`, run into the
//! module's namespace when it is created, as CPython's own `collections` is written). Also the
//! helpers the `array` and `io` modules share with it: library
//! classes written in Rust, and the argument checks of their methods.

#[path = "collections_deque.rs"]
mod deque;

use crate::builtins::args;
use crate::gc::Gc;
use crate::native_types::NativeObj;
use crate::obj::func::{FunctionObj, NativeFn};
use crate::obj::typeobj::{self, flags as tflags};
use crate::obj::{Kind, TypeObj, tuple};
use crate::types::MethodDef;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;

/// Where the module's classes are remembered (see `registered_types`).
const REGISTRY: &str = "__collections_types__";
const REG_DEQUE: usize = 0;
const REG_DEQUE_ITER: usize = 1;
const REG_NAMEDTUPLE: usize = 2;

/// Build the `collections` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("collections")?;
    let d = vm.module_dict(m);
    let (dq, it) = match registered_types(vm, REGISTRY)? {
        Some(t) => (tuple::items(t)[REG_DEQUE], tuple::items(t)[REG_DEQUE_ITER]),
        None => {
            let (dq, it) = deque::make_types(vm, m)?;
            (Value::from_obj(dq), Value::from_obj(it))
        }
    };
    vm.dict_set_str(d, "deque", dq)?;
    super::types_::run_python(vm, m, &crate::pylib::COLLECTIONS, "<collections>")?;
    let Some(nt) = vm.dict_get_str(d, "namedtuple")? else {
        return Err(vm.runtime_error("collections.namedtuple is missing"));
    };
    register_types(vm, REGISTRY, &[dq, it, nt])?;
    super::add_functions(vm, m, &[("namedtuple", namedtuple)])?;
    Ok(m)
}

/// `namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`: the
/// Python implementation with `module` defaulting to the caller's `__name__`.
fn namedtuple(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f =
        registered_types(vm, REGISTRY)?.and_then(|t| tuple::items(t).get(REG_NAMEDTUPLE).copied());
    let Some(f) = f else {
        return Err(vm.runtime_error("collections.namedtuple is missing"));
    };
    let caller = crate::interp::frame::frame_meta(vm.current_frame).map(|(_, g, _, _)| g);
    let module_name = match caller {
        Some(g) if crate::obj::dict::as_dict(g).is_some() => vm.dict_get_str(g, "__name__")?,
        _ => None,
    };
    let Some(name) = module_name else {
        return vm.call_kw(f, a, kw);
    };
    let kwn = tuple::items(kw);
    let npos = a.len() - kwn.len();
    match kwn.iter().position(|&k| vm.str_of(k) == Some("module")) {
        Some(j) if a[npos + j].is_none() => {
            let all = vm.new_tuple_with(a.len(), |i| if i == npos + j { name } else { a[i] })?;
            vm.call_kw(f, tuple::items(all), kw)
        }
        Some(_) => vm.call_kw(f, a, kw),
        None => {
            let all = vm.new_tuple_with(a.len() + 1, |i| if i < a.len() { a[i] } else { name })?;
            let key = vm.intern("module");
            let names =
                vm.new_tuple_with(kwn.len() + 1, |i| if i < kwn.len() { kwn[i] } else { key })?;
            vm.call_kw(f, tuple::items(all), names)
        }
    }
}

/// A library class written in Rust (`NativeObj` instances). It is marked as a heap type, like a
/// class defined in Python, so the interpreter dispatches operators to the Python-level dunders
/// `python_dunders` installs and prints the class as `<class 'module.Name'>`.
pub(crate) fn library_type(
    vm: &mut Vm,
    name: &str,
    module: &str,
    methods: &[MethodDef],
) -> PyResult<Gc<TypeObj>> {
    let t = super::new_native_type(vm, name, module, methods)?;
    t.flags.set(t.flags.get() | tflags::HEAPTYPE);
    Ok(t)
}

/// Install binary special methods (`__eq__`, `__add__`...) implemented by the Rust functions
/// `defs` (called as `f(self, other)`) as Python functions in `ty`'s dict: the interpreter's
/// operator dispatch calls Python-level dunders of classes.
pub(crate) fn python_dunders(
    vm: &mut Vm,
    module: Value,
    ty: Gc<TypeObj>,
    defs: &[(&'static str, NativeFn)],
) -> PyResult<()> {
    const MAKER: &str =
        "def _make(f):\n    def w(self, other):\n        return f(self, other)\n    return w\n";
    let code = crate::import::compile_to_value(vm, MAKER, "<dunders>", frontend::Mode::Exec)?;
    let ns = vm.new_dict()?;
    let n = vm.new_str("builtins")?;
    vm.dict_set_str(ns, "__name__", n)?;
    crate::interp::call::run_code(vm, code, ns, ns)?;
    let Some(make) = vm.dict_get_str(ns, "_make")? else {
        return Err(vm.runtime_error("dunder maker missing"));
    };
    let tname = ty.name_str(vm);
    for &(name, f) in defs {
        let b = vm.new_builtin(name, f, 0, module)?;
        let w = vm.call(make, &[b])?;
        if let Some(func) = w.as_ref::<FunctionObj>() {
            let n = vm.intern(name);
            func.name.set(n);
            let q = vm.new_str(&format!("{tname}.{name}"))?;
            func.qualname.set(q);
        }
        vm.dict_set_str(ty.dict.get(), name, w)?;
    }
    Ok(())
}

/// The library types a module registered (a tuple), if it was created before: modules reuse
/// their classes when imported again, so existing instances keep working.
pub(crate) fn registered_types(vm: &mut Vm, key: &str) -> PyResult<Option<Value>> {
    let r = vm.dict_get_str(vm.builtins, key)?;
    Ok(r.filter(|t| t.obj_kind() == Some(Kind::Tuple)))
}

/// Remember a module's library types (see `registered_types`).
pub(crate) fn register_types(vm: &mut Vm, key: &str, types: &[Value]) -> PyResult<()> {
    let t = vm.new_tuple(types)?;
    vm.dict_set_str(vm.builtins, key, t)
}

/// Type `i` of a registered tuple.
pub(crate) fn registered_type(vm: &mut Vm, key: &str, i: usize) -> PyResult<Gc<TypeObj>> {
    let t = registered_types(vm, key)?;
    let ty = t
        .and_then(|t| tuple::items(t).get(i).copied())
        .and_then(|v| v.downcast::<TypeObj>());
    ty.ok_or_else(|| vm.runtime_error("library type registry damaged"))
}

/// `__new__` of a library class: check that `a[0]` is `base` or a subclass and allocate an
/// empty native object of that class.
pub(crate) fn new_instance(
    vm: &mut Vm,
    a: &[Value],
    base: Gc<TypeObj>,
    what: &str,
) -> PyResult<&'static NativeObj> {
    let Some(&cls) = a.first() else {
        return Err(vm.type_error(format!("{what}.__new__(): not enough arguments")));
    };
    let Some(ct) = cls.as_ref::<TypeObj>() else {
        let t = vm.type_name(cls);
        return Err(vm.type_error(format!("{what}.__new__(X): X is not a type object ({t})")));
    };
    if ct.kind != Kind::Native
        || !(Value::from_obj(base) == cls || typeobj::is_subtype(ct, Value::from_obj(base)))
    {
        let n = ct.name_str(vm);
        return Err(vm.type_error(format!(
            "{what}.__new__({n}): {n} is not a subtype of {what}"
        )));
    }
    let g = cls.downcast::<TypeObj>().expect("checked type");
    let v = vm.alloc_instance(g, NativeObj::new(g))?;
    Ok(v.as_ref::<NativeObj>().expect("native object"))
}

/// `self` of a method of a library class whose objects carry `tag` in word 3 (or, for
/// buffer-like objects, in word `at`).
pub(crate) fn native_self(
    vm: &mut Vm,
    a: &[Value],
    at: usize,
    tag: usize,
    cls: &str,
    method: &str,
) -> PyResult<&'static NativeObj> {
    let o = a.first().and_then(|v| v.as_ref::<NativeObj>());
    if let Some(o) = o.filter(|o| o.words[at].get() == tag) {
        return Ok(o);
    }
    match a.first() {
        Some(&v) => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{method}' for '{cls}' objects doesn't apply to a '{t}' object"
            )))
        }
        None => Err(vm.type_error(format!("unbound method {cls}.{method}() needs an argument"))),
    }
}

/// A method taking no arguments besides `self` (CPython's METH_NOARGS message).
pub(crate) fn no_args(vm: &mut Vm, name: &str, a: &[Value], kw: Value) -> PyResult<()> {
    args::no_kw(vm, name, kw)?;
    if a.len() > 1 {
        return Err(vm.type_error(format!(
            "{name}() takes no arguments ({} given)",
            a.len() - 1
        )));
    }
    Ok(())
}

/// A method taking exactly one argument besides `self` (CPython's METH_O message).
pub(crate) fn one_arg(vm: &mut Vm, name: &str, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, name, kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    Ok(a[1])
}

/// A method taking `min..=max` positional arguments besides `self`; missing ones are NULL.
pub(crate) fn pos_args<const N: usize>(
    vm: &mut Vm,
    name: &str,
    a: &[Value],
    kw: Value,
    min: usize,
) -> PyResult<[Value; N]> {
    args::no_kw(vm, name, kw)?;
    let given = a.len().saturating_sub(1);
    if given < min || given > N {
        let msg = if min == N {
            let s = if N == 1 { "" } else { "s" };
            format!("{name}() takes exactly {N} argument{s} ({given} given)")
        } else if given < min {
            let s = if min == 1 { "" } else { "s" };
            format!("{name} expected at least {min} argument{s}, got {given}")
        } else {
            let s = if N == 1 { "" } else { "s" };
            format!("{name} expected at most {N} argument{s}, got {given}")
        };
        return Err(vm.type_error(msg));
    }
    let mut out = [Value::NULL; N];
    out[..given].copy_from_slice(&a[1..]);
    Ok(out)
}

/// An index-sized integer argument (CPython's `Py_ssize_t` conversion): TypeError for
/// non-integers, OverflowError beyond the machine range.
pub(crate) fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let b = crate::ops::arith::index_bigint(vm, v)?;
    use num_traits::ToPrimitive;
    b.to_isize()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// Enter the repr of a container (cycle detection shared with the built-in containers):
/// `true` when `v` is already being printed.
pub(crate) fn repr_enter(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if vm.scratch.is_null() {
        vm.scratch = vm.new_list(&[])?;
    }
    let l = vm
        .scratch
        .as_ref::<crate::obj::list::ListObj>()
        .expect("repr list");
    if l.items().iter().any(|c| c.get() == v) {
        return Ok(true);
    }
    if vm.depth + l.len() > vm.recursion_limit {
        return Err(vm.new_exc(
            crate::types::ExcKind::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    vm.list_append(l, v)?;
    Ok(false)
}

/// Leave the repr of a container.
pub(crate) fn repr_leave(vm: &mut Vm, v: Value) {
    let Some(l) = vm.scratch.as_ref::<crate::obj::list::ListObj>() else {
        return;
    };
    if let Some(pos) = l.items().iter().rposition(|c| c.get() == v) {
        vm.list_remove_at(l, pos);
    }
}
