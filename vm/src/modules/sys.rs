//! The `sys` module: argv, path, modules, the standard streams, implementation details,
//! `exit`, `exc_info` and the recursion limit.

use super::add_functions;
use crate::builtins::args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;

fn exit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "exit", a, kw, 0, 1)?;
    let ty = vm.types.exc(ExcKind::SystemExit);
    let t = vm.new_tuple(a)?;
    let e = vm.new_exc_with_args(ty, t)?;
    Err(crate::vm::PyErr(e))
}

fn exc_info(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "exc_info", a, kw, 0)?;
    let e = vm.handled;
    if e.is_none() {
        return vm.new_tuple(&[Value::NONE, Value::NONE, Value::NONE]);
    }
    let t = Value::from_obj(vm.type_of(e));
    let tb = crate::ops::traceback::traceback_object(vm, e)?;
    vm.new_tuple(&[t, e, tb])
}

fn exception(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "exception", a, kw, 0)?;
    Ok(vm.handled)
}

fn getrecursionlimit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "getrecursionlimit", a, kw, 0)?;
    Ok(Value::small_int(vm.recursion_limit as isize))
}

fn setrecursionlimit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "setrecursionlimit", a, kw, 1)?;
    let n = crate::ops::arith::index_of(vm, a[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    // Past what the native stack holds, calls raise RecursionError whatever the limit says.
    vm.recursion_limit = (n as usize).min(crate::vm::MAX_RECURSION_LIMIT);
    Ok(Value::NONE)
}

fn getsizeof(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "getsizeof", a, kw, 1, 2)?;
    let n = if a[0].is_obj() {
        vm.heap.alloc_size(a[0].header_ptr())
    } else {
        8
    };
    Ok(Value::small_int(n as isize))
}

fn intern(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "intern", a, kw, 1)?;
    let s = String::from(
        vm.str_of(a[0])
            .ok_or_else(|| vm.type_error("intern() argument must be str"))?,
    );
    Ok(vm.intern(&s))
}

fn get_int_max_str_digits(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "get_int_max_str_digits", a, kw, 0)?;
    Ok(Value::small_int(vm.int_max_str_digits as isize))
}

fn set_int_max_str_digits(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [n] = args::parse(vm, "set_int_max_str_digits", a, kw, ["maxdigits"], 1)?;
    let n = crate::ops::arith::index_of(vm, n)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::NONE)
}

fn print_exception(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "print_exception", a, kw, 1, 2)?;
    use crate::ops::traceback::{LimitKeeps, format_exception_keeping};
    let text = format_exception_keeping(vm, a[0], LimitKeeps::Outermost)?;
    if a.len() > 1 {
        // As MicroPython: something that is not a stream is an OSError.
        if !vm.hasattr(a[1], "write")? {
            return Err(vm.new_exc(ExcKind::OSError, "stream operation not supported"));
        }
        let s = vm.new_str(&text)?;
        vm.call_method(a[1], "write", &[s])?;
    } else {
        // MicroPython's default stream is sys.stdout.
        crate::builtins::io::write_stdout(vm, &text)?;
    }
    Ok(Value::NONE)
}

/// `sys.excepthook(type, value, traceback)`: print the exception and its traceback to
/// `sys.stderr`, as an uncaught exception is reported.
fn excepthook(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "excepthook", a, kw, 3)?;
    if a[1].as_ref::<crate::obj::exc::ExcObj>().is_none() {
        let t = vm.type_name(a[1]);
        let msg = alloc::format!(
            "TypeError: print_exception(): Exception expected for value, {t} found\n"
        );
        crate::builtins::io::write_stderr(vm, &msg);
        return Ok(Value::NONE);
    }
    crate::ops::traceback::print_exception(vm, a[1]);
    Ok(Value::NONE)
}

/// Build the `sys` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("sys")?;
    let d = vm.module_dict(m);
    add_functions(
        vm,
        m,
        &[
            ("exit", exit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("getsizeof", getsizeof),
            ("intern", intern),
            ("print_exception", print_exception),
            ("atexit", super::atexit::sys_atexit),
            ("excepthook", excepthook),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
        ],
    )?;
    // The default hook, which a replaced `sys.excepthook` can be compared with or restored from.
    if let Some(hook) = vm.dict_get_str(d, "excepthook")? {
        vm.dict_set_str(d, "__excepthook__", hook)?;
    }
    let argv = vm.new_list(&[])?;
    let argv_l = argv.as_ref::<crate::obj::list::ListObj>().expect("list");
    for a in vm.config.argv.clone() {
        let s = vm.new_str(&a)?;
        vm.list_append(argv_l, s)?;
    }
    vm.dict_set_str(d, "argv", argv)?;
    let path = vm.new_list(&[])?;
    let path_l = path.as_ref::<crate::obj::list::ListObj>().expect("list");
    for p in vm.config.path.clone() {
        let s = vm.new_str(&p)?;
        vm.list_append(path_l, s)?;
    }
    vm.dict_set_str(d, "path", path)?;
    vm.dict_set_str(d, "modules", vm.modules)?;
    for (fd, name) in [(0, "stdin"), (1, "stdout"), (2, "stderr")] {
        let f = crate::builtins::io::console_file(vm, fd)?;
        vm.dict_set_str(d, name, f)?;
        let dunder = alloc::format!("__{name}__");
        vm.dict_set_str(d, &dunder, f)?;
    }
    // sys.implementation and sys.version_info: tuples with named fields.
    let name = vm.new_str("pyrite")?;
    let ver = vm.new_tuple(&[
        Value::small_int(0),
        Value::small_int(1),
        Value::small_int(0),
    ])?;
    let machine = vm.new_str("pyrite")?;
    // MicroPython's .mpy version word: bytecode version 6, native arch none. `_v2` is
    // MicroPython's flag for its version-2 semantics, which follow CPython where 1.x deviated
    // (arrays refusing out-of-range items...); Pyrite behaves like CPython, and programs
    // written for both check this flag.
    let imp = struct_seq(
        vm,
        "namespace",
        &["name", "version", "_machine", "_mpy", "_v2"],
        &[name, ver, machine, Value::small_int(6), Value::TRUE],
    )?;
    vm.dict_set_str(d, "implementation", imp)?;
    let version = vm.new_str("3.11.0 (pyrite 0.1.0)")?;
    vm.dict_set_str(d, "version", version)?;
    let level = vm.new_str("final")?;
    let vi = struct_seq(
        vm,
        "sys.version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        &[
            Value::small_int(3),
            Value::small_int(11),
            Value::small_int(0),
            level,
            Value::small_int(0),
        ],
    )?;
    vm.dict_set_str(d, "version_info", vi)?;
    let maxsize = vm.int_from_i64(isize::MAX as i64)?;
    vm.dict_set_str(d, "maxsize", maxsize)?;
    let bo = vm.new_str(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    })?;
    vm.dict_set_str(d, "byteorder", bo)?;
    let plat = vm.new_str(if cfg!(target_os = "none") {
        "pyrite"
    } else {
        "linux"
    })?;
    vm.dict_set_str(d, "platform", plat)?;
    let exe = vm.new_str("pyrite")?;
    vm.dict_set_str(d, "executable", exe)?;
    let maxunicode = Value::small_int(0x10ffff);
    vm.dict_set_str(d, "maxunicode", maxunicode)?;
    Ok(m)
}

/// A tuple whose items are also attributes named by `fields` (CPython's struct sequences, such
/// as `sys.version_info`), printed as `name(field=value, ...)`.
fn struct_seq(vm: &mut Vm, name: &str, fields: &[&str], items: &[Value]) -> PyResult<Value> {
    let ns = vm.new_dict()?;
    // Interned names are immediate values: a Rust vector of them needs no rooting (one of
    // fresh heap strings would not be seen by the collector).
    let names: alloc::vec::Vec<Value> = fields.iter().map(|f| vm.intern(f)).collect();
    let names = vm.new_tuple(&names)?;
    vm.dict_set_str(ns, "_fields", names)?;
    let modname = vm.new_str("sys")?;
    vm.dict_set_str(ns, "__module__", modname)?;
    for (attr, f) in [
        (
            "__getattr__",
            struct_seq_getattr as crate::obj::func::NativeFn,
        ),
        ("__repr__", struct_seq_repr),
    ] {
        let b = vm.new_builtin(attr, f, crate::obj::func::BUILTIN_METHOD, Value::NONE)?;
        vm.dict_set_str(ns, attr, b)?;
    }
    let tuple = Value::from_obj(vm.types.tuple);
    let bases = vm.new_tuple(&[tuple])?;
    let meta = Value::from_obj(vm.types.type_);
    let class_name = vm.intern(name);
    let class = crate::ops::construct::new_class(vm, meta, class_name, bases, ns, &[])?;
    let values = vm.new_tuple(items)?;
    vm.call(class, &[values])
}

fn fields_of(vm: &mut Vm, this: Value) -> PyResult<Value> {
    let ty = Value::from_obj(vm.type_of(this));
    vm.getattr_str(ty, "_fields")
}

fn struct_seq_getattr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "__getattr__", a, kw, 2)?;
    let fields = fields_of(vm, a[0])?;
    let want = vm.str_of(a[1]).unwrap_or("");
    let found = crate::obj::tuple::items(fields)
        .iter()
        .position(|&f| vm.str_of(f) == Some(want));
    match found.and_then(|i| crate::obj::tuple::items(a[0]).get(i).copied()) {
        Some(v) => Ok(v),
        None => {
            let t = vm.type_name(a[0]);
            Err(vm.attribute_error(alloc::format!("'{t}' object has no attribute '{want}'")))
        }
    }
}

fn struct_seq_repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "__repr__", a, kw, 1)?;
    let fields = fields_of(vm, a[0])?;
    let mut out = String::from(vm.type_name(a[0]));
    out.push('(');
    let pairs: alloc::vec::Vec<(Value, Value)> = crate::obj::tuple::items(fields)
        .iter()
        .copied()
        .zip(crate::obj::tuple::items(a[0]).iter().copied())
        .collect();
    for (i, (f, v)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(vm.str_of(f).unwrap_or("?"));
        out.push('=');
        let r = vm.repr_string(v)?;
        out.push_str(&r);
    }
    out.push(')');
    vm.new_str(&out)
}
