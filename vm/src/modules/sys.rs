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
    let tb = crate::ops::traceback::traceback_of(e);
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
    // The native stack bounds how deep Python calls can go; stay well inside it.
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
    let text = crate::ops::traceback::format_exception(vm, a[0])?;
    if a.len() > 1 {
        let s = vm.new_str(&text)?;
        vm.call_method(a[1], "write", &[s])?;
    } else {
        crate::builtins::io::write_stderr(vm, &text);
    }
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
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
        ],
    )?;
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
    // sys.implementation: a module-like namespace.
    let imp = vm.new_module("implementation")?;
    let idict = vm.module_dict(imp);
    let name = vm.new_str("pyrite")?;
    vm.dict_set_str(idict, "name", name)?;
    let ver = vm.new_tuple(&[
        Value::small_int(0),
        Value::small_int(1),
        Value::small_int(0),
    ])?;
    vm.dict_set_str(idict, "version", ver)?;
    // MicroPython's .mpy version word: bytecode version 6, native arch none.
    vm.dict_set_str(idict, "_mpy", Value::small_int(6))?;
    let mn = vm.new_str("pyrite")?;
    vm.dict_set_str(idict, "_machine", mn)?;
    vm.dict_set_str(d, "implementation", imp)?;
    let version = vm.new_str("3.11.0 (pyrite 0.1.0)")?;
    vm.dict_set_str(d, "version", version)?;
    let vi = vm.new_tuple(&[
        Value::small_int(3),
        Value::small_int(11),
        Value::small_int(0),
    ])?;
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
