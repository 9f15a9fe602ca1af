//! `BaseException` and subclasses: construction, `str`, `with_traceback`, `add_note`, and the
//! constructor-set attributes of `SyntaxError`, `OSError`, `StopIteration` and friends.

use super::{method, staticmethod};
use crate::obj::exc::ExcObj;
use crate::obj::typeobj::TypeObj;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn exc_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let mut ty = a[0]
        .downcast::<TypeObj>()
        .ok_or_else(|| vm.type_error("BaseException.__new__(X): X is not a type object"))?;
    let npos = a.len() - crate::obj::tuple::items(kwnames).len();
    // OSError(errno, ...) picks the subclass for the error number, as CPython does.
    if ty == vm.types.exc(ExcKind::OSError) && npos >= 3 {
        let sub = match a[1].as_small_int() {
            Some(2) => Some(ExcKind::FileNotFoundError),
            Some(13) | Some(1) => Some(ExcKind::PermissionError),
            Some(17) => Some(ExcKind::FileExistsError),
            Some(20) => Some(ExcKind::NotADirectoryError),
            Some(21) => Some(ExcKind::IsADirectoryError),
            Some(11) => Some(ExcKind::BlockingIOError),
            Some(4) => Some(ExcKind::InterruptedError),
            Some(110) => Some(ExcKind::TimeoutError),
            Some(32) => Some(ExcKind::BrokenPipeError),
            Some(104) => Some(ExcKind::ConnectionResetError),
            Some(111) => Some(ExcKind::ConnectionRefusedError),
            _ => None,
        };
        if let Some(k) = sub {
            ty = vm.types.exc(k);
        }
    }
    // Raising works while the heap is locked (MicroPython's emergency exception buffer).
    vm.outside_heap_lock(|vm| {
        let args = vm.new_tuple(&a[1..npos])?;
        vm.new_exc_with_args(ty, args)
    })
}

fn exc_init(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let npos = a.len() - crate::obj::tuple::items(kwnames).len();
    let e = a[0]
        .as_ref::<ExcObj>()
        .ok_or_else(|| vm.type_error("descriptor '__init__' requires a 'BaseException' object"))?;
    let args = vm.outside_heap_lock(|vm| vm.new_tuple(&a[1..npos]))?;
    e.args.set(args);
    let this = a[0];
    if vm.exc_is(this, ExcKind::SyntaxError) {
        let names = [
            "msg",
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
            "print_file_and_line",
        ];
        for n in names {
            crate::ops::attr::set_attr_str(vm, this, n, Value::NONE)?;
        }
        if npos >= 2 {
            crate::ops::attr::set_attr_str(vm, this, "msg", a[1])?;
        }
        if npos >= 3 {
            let details = crate::ops::iter::to_tuple(vm, a[2])?;
            let items = crate::obj::tuple::items(details);
            for (n, &v) in names[1..].iter().zip(items) {
                crate::ops::attr::set_attr_str(vm, this, n, v)?;
            }
        }
    }
    if vm.exc_is(this, ExcKind::OSError) {
        let filename = if npos >= 4 { a[3] } else { Value::NONE };
        crate::ops::attr::set_attr_str(vm, this, "filename", filename)?;
        if npos >= 4 {
            // args keeps only (errno, strerror) when a filename is given.
            let t = vm.new_tuple(&a[1..3])?;
            e.args.set(t);
        }
    }
    if vm.exc_is(this, ExcKind::NameError) || vm.exc_is(this, ExcKind::AttributeError) {
        crate::ops::attr::set_attr_str(vm, this, "name", Value::NONE)?;
    }
    if vm.exc_is(this, ExcKind::AttributeError) {
        crate::ops::attr::set_attr_str(vm, this, "obj", Value::NONE)?;
    }
    if vm.exc_is(this, ExcKind::ImportError) {
        crate::ops::attr::set_attr_str(vm, this, "name", Value::NONE)?;
        crate::ops::attr::set_attr_str(vm, this, "path", Value::NONE)?;
        let m = if npos >= 2 { a[1] } else { Value::NONE };
        crate::ops::attr::set_attr_str(vm, this, "msg", m)?;
    }
    // Only these take keyword arguments, each its own set of attributes.
    let keywords: &[&str] = if vm.exc_is(this, ExcKind::ImportError) {
        &["name", "path"]
    } else if vm.exc_is(this, ExcKind::AttributeError) {
        &["name", "obj"]
    } else if vm.exc_is(this, ExcKind::NameError) {
        &["name"]
    } else {
        &[]
    };
    for (j, &k) in crate::obj::tuple::items(kwnames).iter().enumerate() {
        let key = vm.str_of(k).unwrap_or("");
        if !keywords.contains(&key) {
            let t = vm.type_name(this);
            let msg = if keywords.is_empty() {
                alloc::format!("{t}() takes no keyword arguments")
            } else {
                alloc::format!("{t}() got an unexpected keyword argument '{key}'")
            };
            return Err(vm.type_error(msg));
        }
        vm.setattr(this, k, a[npos + j])?;
    }
    Ok(Value::NONE)
}

fn exc_with_traceback(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    crate::builtins::args::exact(vm, "with_traceback", a, kwnames, 2)?;
    let entries = crate::ops::traceback::entries_from(vm, a[1])?;
    if let Some(e) = a[0].as_ref::<ExcObj>() {
        e.traceback.set(entries);
    }
    Ok(a[0])
}

fn exc_add_note(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    crate::builtins::args::exact(vm, "add_note", a, kwnames, 2)?;
    if !vm.is_str(a[1]) {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(alloc::format!("note must be a str, not '{t}'")));
    }
    let e = a[0].as_ref::<ExcObj>().expect("exception");
    if e.notes.get().is_null() {
        let l = vm.new_list(&[])?;
        e.notes.set(l);
    }
    let l = e
        .notes
        .get()
        .as_ref::<crate::obj::list::ListObj>()
        .expect("list");
    vm.list_append(l, a[1])?;
    Ok(Value::NONE)
}

fn exc_str(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    crate::builtins::args::exact(vm, "__str__", a, kwnames, 1)?;
    let e = a[0].as_ref::<ExcObj>().expect("exception");
    let args = crate::obj::tuple::items(e.args.get());
    match args.len() {
        0 => Ok(vm.empty_str),
        1 if vm.exc_is(a[0], ExcKind::KeyError) => vm.repr(args[0]),
        1 => vm.str(args[0]),
        _ => vm.repr(e.args.get()),
    }
}

fn exc_repr(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    crate::builtins::args::exact(vm, "__repr__", a, kwnames, 1)?;
    let s = vm.repr_string(a[0])?;
    vm.new_str(&s)
}

/// Install exception methods on BaseException.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.exc(ExcKind::BaseException);
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", exc_new),
            method("__init__", exc_init),
            method("with_traceback", exc_with_traceback),
            method("add_note", exc_add_note),
            method("__str__", exc_str),
            method("__repr__", exc_repr),
        ],
    )
}
