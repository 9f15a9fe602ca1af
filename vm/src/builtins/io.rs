//! Console and file I/O: `print` (through `sys.stdout`, so replacing it works), `input`, the REPL
//! display hook, and file objects from `open` (also used for `sys.stdin/stdout/stderr`).

use super::args;
use crate::native_types::NativeObj;
use crate::obj::TypeObj;
use crate::obj::tuple;
use crate::types::{ExcKind, method};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

// Word slots of a file object.
const W_HANDLE: usize = 0;
const W_FLAGS: usize = 1;
const W_CLOSED: usize = 2;
const F_BINARY: usize = 1;
const F_READ: usize = 2;
const F_WRITE: usize = 4;
const F_CONSOLE: usize = 8;
// Value slots: 0 = name, 1 = mode string, 2 = read-ahead buffer (bytes) or NULL.

/// Write text to standard error (through `sys.stderr` if it was replaced).
pub fn write_stderr(vm: &mut Vm, text: &str) {
    if let Ok(Some(err)) = sys_attr(vm, "stderr")
        && !is_console(err, 2)
        && let Ok(s) = vm.new_str(text)
        && vm.call_method(err, "write", &[s]).is_ok()
    {
        return;
    }
    vm.host.write(2, text.as_bytes());
}

fn sys_attr(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    if vm.sys.is_null() {
        return Ok(None);
    }
    let d = vm.module_dict(vm.sys);
    vm.dict_get_str(d, name)
}

fn is_console(f: Value, fd: usize) -> bool {
    f.as_ref::<NativeObj>()
        .is_some_and(|o| o.words[W_FLAGS].get() & F_CONSOLE != 0 && o.words[W_HANDLE].get() == fd)
}

/// Write text to `sys.stdout`.
pub fn write_stdout(vm: &mut Vm, text: &str) -> PyResult<()> {
    match sys_attr(vm, "stdout")? {
        Some(out) if !is_console(out, 1) => {
            let s = vm.new_str(text)?;
            vm.call_method(out, "write", &[s])?;
            Ok(())
        }
        _ => {
            vm.host.write(1, text.as_bytes());
            Ok(())
        }
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn print(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let kwn = tuple::items(kw);
    let npos = a.len() - kwn.len();
    let (mut sep, mut end, mut file, mut flush) =
        (Value::NONE, Value::NONE, Value::NONE, Value::FALSE);
    for (j, &k) in kwn.iter().enumerate() {
        let v = a[npos + j];
        match vm.str_of(k) {
            Some("sep") => sep = v,
            Some("end") => end = v,
            Some("file") => file = v,
            Some("flush") => flush = v,
            other => {
                let o = other.unwrap_or("?");
                return Err(vm.type_error(alloc::format!(
                    "print() got an unexpected keyword argument '{o}'"
                )));
            }
        }
    }
    let sep_s = if sep.is_none() {
        String::from(" ")
    } else {
        match vm.str_of(sep) {
            Some(s) => String::from(s),
            None => {
                let t = vm.type_name(sep);
                return Err(vm.type_error(alloc::format!("sep must be None or a string, not {t}")));
            }
        }
    };
    let end_s = if end.is_none() {
        String::from("\n")
    } else {
        match vm.str_of(end) {
            Some(s) => String::from(s),
            None => {
                let t = vm.type_name(end);
                return Err(vm.type_error(alloc::format!("end must be None or a string, not {t}")));
            }
        }
    };
    let target = if file.is_none() {
        sys_attr(vm, "stdout")?.unwrap_or(Value::NONE)
    } else {
        file
    };
    let console = if target.is_none() || is_console(target, 1) {
        Some(1)
    } else if is_console(target, 2) {
        Some(2)
    } else {
        None
    };
    let Some(fd) = console else {
        // A Python-level file gets one write() per piece, as CPython makes them.
        for (i, &v) in a[..npos].iter().enumerate() {
            if i > 0 {
                let s = vm.new_str(&sep_s)?;
                vm.call_method(target, "write", &[s])?;
            }
            let s = vm.str(v)?;
            vm.call_method(target, "write", &[s])?;
        }
        let s = vm.new_str(&end_s)?;
        vm.call_method(target, "write", &[s])?;
        if vm.truthy(flush)? {
            vm.call_method(target, "flush", &[])?;
        }
        return Ok(Value::NONE);
    };
    // Text is built outside the GC heap: printing strs, numbers, exceptions and containers of
    // them allocates nothing a program sees (as in MicroPython, they print while the heap is
    // locked).
    let mut out = String::new();
    for (i, &v) in a[..npos].iter().enumerate() {
        if i > 0 {
            out.push_str(&sep_s);
        }
        if let Some(text) = vm.str_of(v).filter(|_| vm.type_of(v) == vm.types.str) {
            out.push_str(text);
        } else if let Some(n) = v.as_small_int() {
            let _ = write!(out, "{n}");
        } else {
            let s = vm.str_string(v)?;
            out.push_str(&s);
        }
    }
    out.push_str(&end_s);
    vm.host.write(fd, out.as_bytes());
    if vm.truthy(flush)? {
        vm.host.flush();
    }
    Ok(Value::NONE)
}

/// The REPL's echo of an expression statement's value.
pub fn display_hook(vm: &mut Vm, v: Value) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let r = vm.repr_text(v)?;
    vm.dict_set_str(vm.builtins, "_", v)?;
    write_stdout(vm, &r)?;
    write_stdout(vm, "\n")
}

/// `input(prompt='')`.
pub fn input(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "input", a, kw, 0, 1)?;
    if let Some(&p) = a.first() {
        let s = vm.str_string(p)?;
        write_stdout(vm, &s)?;
        vm.host.flush();
    }
    let stdin = sys_attr(vm, "stdin")?;
    let line = match stdin {
        Some(f) if !is_console(f, 0) => {
            let l = vm.call_method(f, "readline", &[])?;
            vm.str_of(l).map(String::from)
        }
        _ => vm.host.read_line(),
    };
    match line {
        Some(l) if !l.is_empty() => {
            let t = l.strip_suffix('\n').unwrap_or(&l);
            let t = t.strip_suffix('\r').unwrap_or(t);
            vm.new_str(t)
        }
        _ => Err(vm.new_exc(ExcKind::EOFError, "EOF when reading a line")),
    }
}

/// Create the console file objects for `sys.stdin`, `sys.stdout`, `sys.stderr`.
pub fn console_file(vm: &mut Vm, fd: usize) -> PyResult<Value> {
    let ty = file_type(vm)?;
    let o = NativeObj::new(ty);
    o.words[W_HANDLE].set(fd);
    o.words[W_FLAGS].set(F_CONSOLE | if fd == 0 { F_READ } else { F_WRITE });
    let name = match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    let n = vm.new_str(name)?;
    o.slots[0].set(n);
    vm.alloc_instance(ty, o)
}

fn file_type(vm: &mut Vm) -> PyResult<crate::gc::Gc<TypeObj>> {
    if let Some(t) = vm.dict_get_str(vm.builtins, "__file_type__")? {
        return Ok(t.downcast::<TypeObj>().expect("type"));
    }
    let t = crate::modules::new_native_type(vm, "TextIOWrapper", "_io", FILE_METHODS)?;
    let getter = vm.new_builtin("closed", file_closed, 0, Value::NONE)?;
    let prop = Value::from_obj(vm.types.property);
    let closed = vm.call(prop, &[getter])?;
    vm.dict_set_str(t.dict.get(), "closed", closed)?;
    vm.dict_set_str(vm.builtins, "__file_type__", Value::from_obj(t))?;
    Ok(t)
}

fn this(vm: &mut Vm, v: Value) -> PyResult<&'static NativeObj> {
    v.as_ref::<NativeObj>()
        .ok_or_else(|| vm.type_error("expected a file object"))
}

/// `file.closed`.
fn file_closed(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "closed", a, kw, 1)?;
    let f = this(vm, a[0])?;
    Ok(Value::from_bool(f.words[W_CLOSED].get() != 0))
}

fn check_open(vm: &mut Vm, f: &NativeObj) -> PyResult<()> {
    if f.words[W_CLOSED].get() != 0 {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn file_write(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "write", a, kw, 2)?;
    let f = this(vm, a[0])?;
    check_open(vm, f)?;
    let flags = f.words[W_FLAGS].get();
    if flags & F_WRITE == 0 {
        return Err(vm.new_exc(ExcKind::OSError, "not writable"));
    }
    let (data, count): (Vec<u8>, usize) = if flags & F_BINARY != 0 {
        match crate::ops::buffer::bytes_like(vm, a[1]) {
            Some(b) => {
                let n = b.len();
                (b, n)
            }
            None => {
                let t = vm.type_name(a[1]);
                return Err(
                    vm.type_error(alloc::format!("a bytes-like object is required, not '{t}'"))
                );
            }
        }
    } else {
        match vm.str_of(a[1]) {
            Some(s) => (s.as_bytes().to_vec(), s.chars().count()),
            None => {
                let t = vm.type_name(a[1]);
                return Err(vm.type_error(alloc::format!("write() argument must be str, not {t}")));
            }
        }
    };
    let h = f.words[W_HANDLE].get();
    if flags & F_CONSOLE != 0 {
        vm.host.write(h as i32, &data);
    } else if let Err(errno) = vm.host.write_handle(h as u32, &data) {
        return Err(os_error(vm, errno, ""));
    }
    Ok(Value::small_int(count as isize))
}

/// An OSError (or the matching subclass) for `errno`.
pub fn os_error(vm: &mut Vm, errno: i32, filename: &str) -> crate::vm::PyErr {
    let (kind, msg) = match errno {
        2 => (ExcKind::FileNotFoundError, "No such file or directory"),
        13 => (ExcKind::PermissionError, "Permission denied"),
        17 => (ExcKind::FileExistsError, "File exists"),
        20 => (ExcKind::NotADirectoryError, "Not a directory"),
        21 => (ExcKind::IsADirectoryError, "Is a directory"),
        _ => (ExcKind::OSError, "I/O error"),
    };
    let ty = vm.types.exc(kind);
    let parts = if filename.is_empty() {
        alloc::vec![
            Value::small_int(errno as isize),
            vm.new_str(msg).unwrap_or(Value::NONE)
        ]
    } else {
        let f = vm.new_str(filename).unwrap_or(Value::NONE);
        alloc::vec![
            Value::small_int(errno as isize),
            vm.new_str(msg).unwrap_or(Value::NONE),
            f
        ]
    };
    let args = match vm.new_tuple(&parts) {
        Ok(t) => t,
        Err(e) => return e,
    };
    match vm.new_exc_with_args(ty, args) {
        Ok(e) => {
            if !filename.is_empty() {
                let f = vm.new_str(filename).unwrap_or(Value::NONE);
                let _ = crate::ops::attr::set_attr_str(vm, e, "filename", f);
            }
            crate::vm::PyErr(e)
        }
        Err(e) => e,
    }
}

fn read_all(vm: &mut Vm, f: &NativeObj) -> PyResult<Vec<u8>> {
    let h = f.words[W_HANDLE].get();
    if f.words[W_FLAGS].get() & F_CONSOLE != 0 {
        let mut out = Vec::new();
        while let Some(l) = vm.host.read_line() {
            if l.is_empty() {
                break;
            }
            out.extend_from_slice(l.as_bytes());
        }
        return Ok(out);
    }
    let mut buf = take_buffer(vm, f);
    match vm.host.read(h as u32, None) {
        Ok(b) => {
            buf.extend_from_slice(&b);
            Ok(buf)
        }
        Err(errno) => Err(os_error(vm, errno, "")),
    }
}

fn take_buffer(vm: &mut Vm, f: &NativeObj) -> Vec<u8> {
    let b = f.slots[2].get();
    f.slots[2].set(Value::NULL);
    vm.bytes_of(b).map(|b| b.to_vec()).unwrap_or_default()
}

fn make_result(vm: &mut Vm, f: &NativeObj, data: &[u8]) -> PyResult<Value> {
    if f.words[W_FLAGS].get() & F_BINARY != 0 {
        vm.new_bytes(data)
    } else {
        let Ok(text) = core::str::from_utf8(data) else {
            // A text file is UTF-8: the codec raises the UnicodeDecodeError naming the byte.
            return crate::types::bytes::codecs::decode(vm, data, Value::NULL, Value::NULL);
        };
        vm.new_str(&text.replace("\r\n", "\n"))
    }
}

fn file_read(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "read", a, kw, 1, 2)?;
    let f = this(vm, a[0])?;
    check_open(vm, f)?;
    if f.words[W_FLAGS].get() & F_READ == 0 {
        return Err(vm.new_exc(ExcKind::OSError, "not readable"));
    }
    let n = if a.len() > 1 && !a[1].is_none() {
        crate::ops::arith::index_of(vm, a[1])?
    } else {
        -1
    };
    let mut data = read_all(vm, f)?;
    if n >= 0 && (n as usize) < data.len() {
        let rest = data.split_off(n as usize);
        let rest_v = vm.new_bytes(&rest)?;
        f.slots[2].set(rest_v);
    }
    make_result(vm, f, &data)
}

fn file_readline(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "readline", a, kw, 1, 2)?;
    let f = this(vm, a[0])?;
    check_open(vm, f)?;
    if f.words[W_FLAGS].get() & F_CONSOLE != 0 {
        let l = vm.host.read_line().unwrap_or_default();
        return vm.new_str(&l);
    }
    let mut data = read_all(vm, f)?;
    let cut = data
        .iter()
        .position(|&c| c == b'\n')
        .map_or(data.len(), |i| i + 1);
    let rest = data.split_off(cut);
    let rest_v = vm.new_bytes(&rest)?;
    f.slots[2].set(rest_v);
    make_result(vm, f, &data)
}

fn file_readlines(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "readlines", a, kw, 1, 2)?;
    let l = vm.new_list(&[])?;
    let list = l.as_ref::<crate::obj::list::ListObj>().expect("list");
    loop {
        let line = file_readline(vm, &a[..1], Value::NULL)?;
        if crate::ops::subscr::len(vm, line)? == 0 {
            break;
        }
        vm.list_append(list, line)?;
    }
    Ok(l)
}

fn file_next(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let line = file_readline(vm, a, kw)?;
    if crate::ops::subscr::len(vm, line)? == 0 {
        return Err(vm.new_exc(ExcKind::StopIteration, ""));
    }
    Ok(line)
}

fn file_close(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "close", a, kw, 1)?;
    let f = this(vm, a[0])?;
    if f.words[W_CLOSED].get() == 0 && f.words[W_FLAGS].get() & F_CONSOLE == 0 {
        vm.host.close(f.words[W_HANDLE].get() as u32);
    }
    f.words[W_CLOSED].set(1);
    Ok(Value::NONE)
}

fn file_enter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "__enter__", a, kw, 1)?;
    Ok(a[0])
}

fn file_exit(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    file_close(vm, &a[..1], Value::NULL)?;
    Ok(Value::FALSE)
}

fn file_iter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "__iter__", a, kw, 1)?;
    Ok(a[0])
}

fn file_flush(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let _ = a;
    vm.host.flush();
    Ok(Value::NONE)
}

fn file_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let f = this(vm, a[0])?;
    let name = vm.repr_text(f.slots[0].get())?;
    let mode = f.slots[1].get();
    let mode = if mode.is_null() {
        String::from("'w'")
    } else {
        vm.repr_text(mode)?
    };
    let s = alloc::format!("<_io.TextIOWrapper name={name} mode={mode} encoding='utf-8'>");
    vm.new_str(&s)
}

fn file_fileno(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let f = this(vm, a[0])?;
    Ok(Value::small_int(f.words[W_HANDLE].get() as isize))
}

const FILE_METHODS: &[crate::types::MethodDef] = &[
    method("write", file_write),
    method("read", file_read),
    method("readline", file_readline),
    method("readlines", file_readlines),
    method("close", file_close),
    method("flush", file_flush),
    method("__enter__", file_enter),
    method("__exit__", file_exit),
    method("__iter__", file_iter),
    method("__next__", file_next),
    method("__repr__", file_repr),
    method("fileno", file_fileno),
];

/// `open(file, mode='r', ...)`.
pub fn open(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [file, mode, _buffering, encoding, _errors, _newline] = args::parse(
        vm,
        "open",
        a,
        kw,
        ["file", "mode", "buffering", "encoding", "errors", "newline"],
        1,
    )?;
    let _ = encoding;
    let Some(path) = vm.str_of(file).map(String::from) else {
        let t = vm.type_name(file);
        return Err(vm.type_error(alloc::format!(
            "expected str, bytes or os.PathLike object, not {t}"
        )));
    };
    let mode_s = if mode.is_null() {
        String::from("r")
    } else {
        String::from(vm.str_of(mode).unwrap_or("r"))
    };
    let mut flags = 0;
    if mode_s.contains('b') {
        flags |= F_BINARY;
    }
    if mode_s.contains('r') || mode_s.contains('+') {
        flags |= F_READ;
    }
    if mode_s.contains('w') || mode_s.contains('a') || mode_s.contains('x') || mode_s.contains('+')
    {
        flags |= F_WRITE;
    }
    if mode_s.chars().any(|c| !"rwabxt+".contains(c)) {
        return Err(vm.value_error(alloc::format!("invalid mode: '{mode_s}'")));
    }
    let h = match vm.host.open(&path, &mode_s) {
        Ok(h) => h,
        Err(errno) => return Err(os_error(vm, errno, &path)),
    };
    let ty = file_type(vm)?;
    let o = NativeObj::new(ty);
    o.words[W_HANDLE].set(h as usize);
    o.words[W_FLAGS].set(flags);
    o.slots[0].set(file);
    let m = vm.new_str(&mode_s)?;
    o.slots[1].set(m);
    vm.alloc_instance(ty, o)
}
