//! The `os` module (`uos` in MicroPython): the file-system calls both MicroPython and CPython
//! have — `listdir`, `mkdir`, `rmdir`, `remove`/`unlink`, `rename`, `stat`, `getcwd`, `chdir` —
//! and `sep`/`name`. The host does the work ([`crate::vm::Host::fs`]); a host without a file
//! system answers every call with `OSError(ENOSYS)`.

use super::add_functions;
use crate::builtins::args;
use crate::builtins::io::os_error;
use crate::value::Value;
use crate::vm::{FsOp, FsReply, PyResult, Vm};
use alloc::format;
use alloc::string::String;

/// A path argument: a str (bytes paths are decoded as UTF-8).
fn path_arg(vm: &mut Vm, func: &str, v: Value) -> PyResult<String> {
    if let Some(s) = vm.str_of(v) {
        return Ok(String::from(s));
    }
    if let Some(b) = vm.bytes_of(v)
        && let Ok(s) = core::str::from_utf8(b)
    {
        return Ok(String::from(s));
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "{func}: path should be string, bytes or os.PathLike, not {t}"
    )))
}

/// Run `op`; an `OSError` naming `path` if the host refuses.
fn run(vm: &mut Vm, op: FsOp<'_>, path: &str) -> PyResult<FsReply> {
    vm.host.fs(op).map_err(|errno| os_error(vm, errno, path))
}

fn one_path(vm: &mut Vm, func: &str, a: &[Value], kw: Value) -> PyResult<String> {
    let [path] = args::parse(vm, func, a, kw, ["path"], 1)?;
    path_arg(vm, func, path)
}

fn listdir(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [path] = args::parse(vm, "listdir", a, kw, ["path"], 0)?;
    let path = if path.is_null() || path.is_none() {
        String::from(".")
    } else {
        path_arg(vm, "listdir", path)?
    };
    let FsReply::Names(names) = run(vm, FsOp::ListDir(&path), &path)? else {
        return Err(vm.runtime_error("listdir: the host answered with no names"));
    };
    let list = vm.new_list(&[])?;
    let l = list.as_ref::<crate::obj::list::ListObj>().expect("list");
    for name in names {
        let s = vm.new_str(&name)?;
        vm.list_append(l, s)?;
    }
    Ok(list)
}

fn mkdir(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [path, _mode] = args::parse(vm, "mkdir", a, kw, ["path", "mode"], 1)?;
    let path = path_arg(vm, "mkdir", path)?;
    run(vm, FsOp::MakeDir(&path), &path)?;
    Ok(Value::NONE)
}

fn rmdir(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let path = one_path(vm, "rmdir", a, kw)?;
    run(vm, FsOp::RemoveDir(&path), &path)?;
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let path = one_path(vm, "remove", a, kw)?;
    run(vm, FsOp::Remove(&path), &path)?;
    Ok(Value::NONE)
}

fn rename(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [src, dst] = args::parse(vm, "rename", a, kw, ["src", "dst"], 2)?;
    let src = path_arg(vm, "rename", src)?;
    let dst = path_arg(vm, "rename", dst)?;
    run(vm, FsOp::Rename(&src, &dst), &src)?;
    Ok(Value::NONE)
}

fn stat(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let path = one_path(vm, "stat", a, kw)?;
    let FsReply::Stat(fields) = run(vm, FsOp::Stat(&path), &path)? else {
        return Err(vm.runtime_error("stat: the host answered with no fields"));
    };
    let mut items = [Value::NONE; 10];
    for (slot, &f) in items.iter_mut().zip(&fields) {
        *slot = vm.int_from_i64(f)?;
    }
    let t = vm.new_tuple(&items)?;
    let module = super::builtin_module(vm, "os")?.unwrap_or(Value::NONE);
    let d = vm.module_dict(module);
    let Some(cls) = vm.dict_get_str(d, "stat_result")? else {
        return Err(vm.runtime_error("os.stat_result missing"));
    };
    vm.call(cls, &[t])
}

fn getcwd(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "getcwd", a, kw, 0)?;
    let FsReply::Path(p) = run(vm, FsOp::GetCwd, "")? else {
        return Err(vm.runtime_error("getcwd: the host answered with no path"));
    };
    vm.new_str(&p)
}

fn chdir(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let path = one_path(vm, "chdir", a, kw)?;
    run(vm, FsOp::ChangeDir(&path), &path)?;
    Ok(Value::NONE)
}

/// Build the `os` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("os")?;
    add_functions(
        vm,
        m,
        &[
            ("listdir", listdir),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("remove", remove),
            ("unlink", remove),
            ("rename", rename),
            ("stat", stat),
            ("getcwd", getcwd),
            ("chdir", chdir),
        ],
    )?;
    let d = vm.module_dict(m);
    for (name, value) in [("sep", "/"), ("name", "posix"), ("curdir", ".")] {
        let v = vm.new_str(value)?;
        vm.dict_set_str(d, name, v)?;
    }
    // Registered before its Python part runs, so `stat` finds the module either way.
    vm.dict_set_str(vm.modules, "os", m)?;
    super::types_::run_python(vm, m, &crate::pylib::OS, "<os>")?;
    Ok(m)
}
