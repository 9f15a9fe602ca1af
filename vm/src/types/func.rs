//! Callables and iterators as objects: `property`, `classmethod`, `staticmethod`, `super`,
//! functions as descriptors, generator methods (`send`, `throw`, `close`), and the built-in
//! iterator types (`enumerate`, `zip`, `map`, `filter`, `reversed`) with `__iter__`/`__next__`.

use super::{method, staticmethod};
use crate::builtins::args;
use crate::interp::generator::{SendResult, gen_close, gen_send, gen_throw};
use crate::obj::list::ListObj;
use crate::obj::typeobj::TypeObj;
use crate::obj::{Header, IterKind, Kind, MethodWrapperObj, PropertyObj, SuperObj};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use core::cell::Cell;

fn property_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let ty = a[0].downcast::<TypeObj>().expect("type");
    let [fget, fset, fdel, doc] = args::parse(
        vm,
        "property",
        &a[1..],
        kwnames,
        ["fget", "fset", "fdel", "doc"],
        0,
    )?;
    let or_none = |v: Value| if v.is_null() { Value::NONE } else { v };
    let doc = if (doc.is_null() || doc.is_none()) && !(fget.is_null() || fget.is_none()) {
        let name = crate::interner::names::DOC;
        vm.getattr_opt(fget, name)?.unwrap_or(Value::NONE)
    } else {
        or_none(doc)
    };
    let p = PropertyObj {
        header: Header::new(ty),
        fget: Cell::new(or_none(fget)),
        fset: Cell::new(or_none(fset)),
        fdel: Cell::new(or_none(fdel)),
        doc: Cell::new(doc),
    };
    vm.alloc_instance(ty, p)
}

fn property_copy(vm: &mut Vm, a: &[Value], which: usize) -> PyResult<Value> {
    let p = a[0]
        .as_ref::<PropertyObj>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'property' object"))?;
    let mut parts = [p.fget.get(), p.fset.get(), p.fdel.get(), p.doc.get()];
    parts[which] = a[1];
    let ty = Value::from_obj(vm.type_of(a[0]));
    vm.call(ty, &parts)
}

fn property_getter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "getter", a, kwnames, 2)?;
    property_copy(vm, a, 0)
}

fn property_setter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "setter", a, kwnames, 2)?;
    property_copy(vm, a, 1)
}

fn property_deleter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "deleter", a, kwnames, 2)?;
    property_copy(vm, a, 2)
}

/// `__get__` of property and member descriptors.
fn descriptor_get(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::range(vm, "__get__", a, kwnames, 2, 3)?;
    let owner = if a.len() > 2 { a[2] } else { Value::NONE };
    let obj = if a[1].is_none() { Value::NULL } else { a[1] };
    crate::ops::attr::descr_get(vm, a[0], obj, owner)
}

fn member_set(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__set__", a, kwnames, 3)?;
    crate::ops::attr::member_set(vm, a[0], a[1], Some(a[2]))?;
    Ok(Value::NONE)
}

fn member_delete(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__delete__", a, kwnames, 2)?;
    crate::ops::attr::member_set(vm, a[0], a[1], None)?;
    Ok(Value::NONE)
}

fn wrapper_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let ty = a[0].downcast::<TypeObj>().expect("type");
    let name = if ty.kind == Kind::ClassMethod {
        "classmethod"
    } else {
        "staticmethod"
    };
    args::exact(vm, name, &a[1..], kwnames, 1)?;
    let w = MethodWrapperObj {
        header: Header::new(ty),
        func: Cell::new(a[1]),
        dict: Cell::new(Value::NULL),
    };
    vm.alloc_instance(ty, w)
}

fn staticmethod_call(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let w = a[0].as_ref::<MethodWrapperObj>().expect("staticmethod");
    vm.call_kw(w.func.get(), &a[1..], kwnames)
}

fn super_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::no_kw(vm, "super", kwnames)?;
    let (this_class, obj) = match a.len() {
        3 => (a[1], a[2]),
        2 => return Err(vm.runtime_error("super(): unbound super objects are not supported")),
        _ => {
            return Err(vm.runtime_error("super(): no arguments"));
        }
    };
    make_super(vm, this_class, obj)
}

/// Build a `super(this_class, obj)` object.
pub fn make_super(vm: &mut Vm, this_class: Value, obj: Value) -> PyResult<Value> {
    let Some(tc) = this_class.as_ref::<TypeObj>() else {
        let t = vm.type_name(this_class);
        return Err(vm.type_error(alloc::format!("super() argument 1 must be a type, not {t}")));
    };
    let obj_type = if let Some(ot) = obj
        .as_ref::<TypeObj>()
        .filter(|ot| crate::obj::typeobj::is_subtype(ot, this_class))
    {
        Value::from_ref(ot)
    } else {
        let t = vm.type_of(obj);
        if !crate::obj::typeobj::is_subtype(&t, this_class) {
            return Err(
                vm.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
        Value::from_obj(t)
    };
    let _ = tc;
    let ty = vm.types.super_;
    // `super().m()` is a method call in MicroPython, made without allocating: the transient
    // proxy is made while the heap is locked too.
    let g = vm.outside_heap_lock(|vm| {
        vm.alloc(
            SuperObj {
                header: Header::new(ty),
                this_class,
                obj,
                obj_type,
            },
            false,
        )
    })?;
    Ok(Value::from_obj(g))
}

fn gen_send_m(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "send", a, kwnames, 2)?;
    match gen_send(vm, a[0], a[1])? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(stop_iteration(vm, v)),
    }
}

/// `StopIteration(value)` (no args for None).
pub fn stop_iteration(vm: &mut Vm, v: Value) -> PyErr {
    if v.is_null() || v.is_none() {
        return vm.new_exc(ExcKind::StopIteration, "");
    }
    let ty = vm.types.exc(ExcKind::StopIteration);
    match vm
        .new_tuple(&[v])
        .and_then(|args| vm.new_exc_with_args(ty, args))
    {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn gen_throw_m(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::range(vm, "throw", a, kwnames, 2, 4)?;
    match gen_throw(vm, a[0], &a[1..])? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(stop_iteration(vm, v)),
    }
}

fn gen_close_m(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "close", a, kwnames, 1)?;
    gen_close(vm, a[0])
}

fn iter_self(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__iter__", a, kwnames, 1)?;
    Ok(a[0])
}

fn iter_next(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__next__", a, kwnames, 1)?;
    if a[0].obj_kind() == Some(Kind::Generator) {
        return match gen_send(vm, a[0], Value::NONE)? {
            SendResult::Yielded(v) => Ok(v),
            SendResult::Returned(v) => Err(stop_iteration(vm, v)),
        };
    }
    match crate::ops::iter::next(vm, a[0])? {
        Some(v) => Ok(v),
        None => Err(vm.new_exc(ExcKind::StopIteration, "")),
    }
}

fn agen_aiter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__aiter__", a, kwnames, 1)?;
    Ok(a[0])
}

fn agen_anext(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__anext__", a, kwnames, 1)?;
    crate::interp::generator::async_gen_step(vm, a[0], Value::NONE, 0)
}

fn agen_asend(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "asend", a, kwnames, 2)?;
    crate::interp::generator::async_gen_step(vm, a[0], a[1], 0)
}

fn agen_athrow(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::range(vm, "athrow", a, kwnames, 2, 4)?;
    let exc = if a.len() > 2 && !a[2].is_none() {
        vm.call(a[1], &[a[2]])?
    } else {
        a[1]
    };
    crate::interp::generator::async_gen_step(vm, a[0], exc, 1)
}

fn agen_aclose(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "aclose", a, kwnames, 1)?;
    crate::interp::generator::async_gen_step(vm, a[0], Value::NONE, 2)
}

fn step_of(vm: &mut Vm, v: Value) -> PyResult<&'static crate::obj::IterObj> {
    v.as_ref::<crate::obj::IterObj>()
        .ok_or_else(|| vm.type_error("expected an async generator step"))
}

fn step_send(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "send", a, kwnames, 2)?;
    let s = step_of(vm, a[0])?;
    crate::interp::generator::async_gen_advance(vm, s, a[1], None)
}

fn step_throw(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::range(vm, "throw", a, kwnames, 2, 4)?;
    let s = step_of(vm, a[0])?;
    let exc = if a.len() > 2 && !a[2].is_none() {
        vm.call(a[1], &[a[2]])?
    } else {
        a[1]
    };
    let e = crate::ops::exc::make_raisable(vm, exc, None)?;
    crate::interp::generator::async_gen_advance(vm, s, Value::NONE, Some(e))
}

fn step_close(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "close", a, kwnames, 1)?;
    let s = step_of(vm, a[0])?;
    s.index.set(2);
    Ok(Value::NONE)
}

fn coro_await(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "__await__", a, kwnames, 1)?;
    Ok(a[0])
}

fn enumerate_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [iterable, start] =
        args::parse(vm, "enumerate", &a[1..], kwnames, ["iterable", "start"], 1)?;
    let it = vm.iter(iterable)?;
    let start = if start.is_null() {
        Value::small_int(0)
    } else {
        start
    };
    if !crate::obj::int::is_int(start) {
        let t = vm.type_name(start);
        return Err(vm.type_error(alloc::format!(
            "'{t}' object cannot be interpreted as an integer"
        )));
    }
    let ty = a[0].downcast::<TypeObj>().expect("type");
    vm.new_iter(ty, IterKind::Enumerate, it, start, 0, 0)
}

fn zip_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let kwn = crate::obj::tuple::items(kwnames);
    let npos = a.len() - kwn.len();
    let mut strict = false;
    for (j, &k) in kwn.iter().enumerate() {
        if vm.str_of(k) == Some("strict") {
            strict = vm.truthy(a[npos + j])?;
        } else {
            let ks = vm.str_of(k).unwrap_or("?");
            return Err(vm.type_error(alloc::format!(
                "zip() got an unexpected keyword argument '{ks}'"
            )));
        }
    }
    let its = vm.new_tuple_with(npos - 1, |_| Value::NONE)?;
    for (i, &arg) in a.iter().enumerate().take(npos).skip(1) {
        let it = vm.iter(arg)?;
        crate::gc::tuple_fill(its, i - 1, it);
    }
    let ty = a[0].downcast::<TypeObj>().expect("type");
    vm.new_iter(ty, IterKind::Zip, its, Value::NULL, 0, strict as isize)
}

fn map_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::no_kw(vm, "map", kwnames)?;
    if a.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let its = vm.new_tuple_with(a.len() - 2, |_| Value::NONE)?;
    for (i, &arg) in a.iter().enumerate().skip(2) {
        let it = vm.iter(arg)?;
        crate::gc::tuple_fill(its, i - 2, it);
    }
    let ty = a[0].downcast::<TypeObj>().expect("type");
    vm.new_iter(ty, IterKind::Map, a[1], its, 0, 0)
}

fn filter_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "filter", &a[1..], kwnames, 2)?;
    let it = vm.iter(a[2])?;
    let ty = a[0].downcast::<TypeObj>().expect("type");
    vm.new_iter(ty, IterKind::Filter, a[1], it, 0, 0)
}

fn reversed_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::range(vm, "reversed", &a[1..], kwnames, 1, 1)?;
    let seq = a[1];
    if vm.type_of(seq).has(crate::obj::typeobj::flags::HEAPTYPE)
        && let Some(r) = crate::ops::attr::call_special(vm, seq, "__reversed__", &[])?
    {
        return Ok(r);
    }
    let ty = a[0].downcast::<TypeObj>().expect("type");
    if let Some(l) = seq.as_ref::<ListObj>() {
        return vm.new_iter(
            ty,
            IterKind::ListReversed,
            seq,
            Value::NULL,
            l.len() as isize - 1,
            0,
        );
    }
    if matches!(seq.obj_kind(), Some(Kind::Dict) | Some(Kind::DictView)) {
        let t = crate::ops::iter::to_list(vm, seq)?;
        let l = t.as_ref::<ListObj>().expect("list");
        return vm.new_iter(
            ty,
            IterKind::ListReversed,
            t,
            Value::NULL,
            l.len() as isize - 1,
            0,
        );
    }
    if let Some(r) = crate::ops::attr::call_special(vm, seq, "__reversed__", &[])? {
        return Ok(r);
    }
    // Only a sequence (something with __getitem__) can be reversed by index; its len() errors
    // are its own.
    let seq_ty = vm.type_of(seq);
    if crate::obj::typeobj::lookup(vm, &seq_ty, crate::interner::names::GETITEM)?.is_none() {
        let t = vm.type_name(seq);
        return Err(vm.type_error(alloc::format!("'{t}' object is not reversible")));
    }
    let n = crate::ops::subscr::len(vm, seq)?;
    let items = vm.new_list(&[])?;
    let l = items.as_ref::<ListObj>().expect("list");
    for i in 0..n {
        let v = crate::ops::subscr::getitem(vm, seq, Value::small_int(i as isize))?;
        vm.list_append(l, v)?;
    }
    vm.new_iter(
        ty,
        IterKind::ListReversed,
        items,
        Value::NULL,
        n as isize - 1,
        0,
    )
}

fn module_init(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::parse(vm, "module", a, kwnames, ["$self", "name", "doc"], 2)?;
    Ok(Value::NONE)
}

/// `module.__dir__`: the names in the module's namespace, or what a module-level `__dir__`
/// function returns (PEP 562).
fn module_dir(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::parse(vm, "__dir__", a, kwnames, ["$self"], 1)?;
    let d = vm.module_dict(a[0]);
    if d.is_null() {
        return Err(vm.type_error("descriptor '__dir__' requires a 'module' object"));
    }
    if let Some(f) = vm.dict_get_str(d, "__dir__")? {
        return vm.call(f, &[]);
    }
    crate::ops::iter::to_list(vm, d)
}

fn function_get(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::range(vm, "__get__", a, kwnames, 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0]);
    }
    crate::ops::attr::new_bound_method(vm, a[0], a[1])
}

/// `function.__new__(cls, code, globals, name=None, argdefs=None, closure=None)`.
fn function_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    crate::ops::construct::new_function(vm, a.get(1..).unwrap_or(&[]), kwnames)
}

/// Install methods of functions, descriptors, generators and iterators.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.property;
    vm.add_methods(
        t,
        &[
            staticmethod("__new__", property_new),
            method("getter", property_getter),
            method("setter", property_setter),
            method("deleter", property_deleter),
            method("__get__", descriptor_get),
        ],
    )?;
    let t = vm.types.classmethod;
    vm.add_methods(t, &[staticmethod("__new__", wrapper_new)])?;
    let t = vm.types.member_descriptor;
    vm.add_methods(
        t,
        &[
            method("__get__", descriptor_get),
            method("__set__", member_set),
            method("__delete__", member_delete),
        ],
    )?;
    let t = vm.types.staticmethod;
    vm.add_methods(
        t,
        &[
            staticmethod("__new__", wrapper_new),
            method("__call__", staticmethod_call),
        ],
    )?;
    let t = vm.types.super_;
    vm.add_methods(t, &[staticmethod("__new__", super_new)])?;
    let t = vm.types.function;
    vm.add_methods(
        t,
        &[
            staticmethod("__new__", function_new),
            method("__get__", function_get),
        ],
    )?;
    let m = vm.types.module;
    vm.add_methods(
        m,
        &[
            method("__init__", module_init),
            method("__dir__", module_dir),
        ],
    )?;
    for t in [vm.types.generator, vm.types.coroutine] {
        vm.add_methods(
            t,
            &[
                method("send", gen_send_m),
                method("throw", gen_throw_m),
                method("close", gen_close_m),
            ],
        )?;
    }
    let g = vm.types.generator;
    vm.add_methods(
        g,
        &[method("__iter__", iter_self), method("__next__", iter_next)],
    )?;
    let c = vm.types.coroutine;
    vm.add_methods(c, &[method("__await__", coro_await)])?;
    let ag = vm.types.async_generator;
    vm.add_methods(
        ag,
        &[
            method("__aiter__", agen_aiter),
            method("__anext__", agen_anext),
            method("asend", agen_asend),
            method("athrow", agen_athrow),
            method("aclose", agen_aclose),
        ],
    )?;
    let st = vm.types.async_gen_asend;
    vm.add_methods(
        st,
        &[
            method("__await__", iter_self),
            method("__iter__", iter_self),
            method("__next__", iter_next),
            method("send", step_send),
            method("throw", step_throw),
            method("close", step_close),
        ],
    )?;
    for t in [
        vm.types.iterator,
        vm.types.enumerate,
        vm.types.zip,
        vm.types.map,
        vm.types.filter,
        vm.types.reversed,
    ] {
        vm.add_methods(
            t,
            &[method("__iter__", iter_self), method("__next__", iter_next)],
        )?;
    }
    let t = vm.types.enumerate;
    vm.add_methods(t, &[staticmethod("__new__", enumerate_new)])?;
    let t = vm.types.zip;
    vm.add_methods(t, &[staticmethod("__new__", zip_new)])?;
    let t = vm.types.map;
    vm.add_methods(t, &[staticmethod("__new__", map_new)])?;
    let t = vm.types.filter;
    vm.add_methods(t, &[staticmethod("__new__", filter_new)])?;
    let t = vm.types.reversed;
    vm.add_methods(t, &[staticmethod("__new__", reversed_new)])
}
