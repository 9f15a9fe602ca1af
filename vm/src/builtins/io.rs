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
/// `open(..., errors=...)` for decoding: replace or ignore bad bytes instead of raising.
const F_ERRORS_REPLACE: usize = 16;
const F_ERRORS_IGNORE: usize = 32;
/// How text lines end (`open`'s `newline`): universal newlines (None), untranslated (""), or
/// only the given sequence.
const W_NEWLINE: usize = 3;
const NL_UNIVERSAL: usize = 0;
const NL_UNTRANSLATED: usize = 1;
const NL_LF: usize = 2;
const NL_CR: usize = 3;
const NL_CRLF: usize = 4;
// Value slots: 0 = name, 1 = mode string, 2 = the binary `buffer` of a text file once made,
// 3 = the encoding `open` was given.
// The blob holds the read-ahead bytes.

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
    let ty = file_type(vm, "TextIOWrapper")?;
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

/// The file type called `name` (`TextIOWrapper`, or `BufferedReader`, `BufferedWriter` or
/// `BufferedRandom` for binary files, as CPython names them), made on first use.
pub fn file_type(vm: &mut Vm, name: &str) -> PyResult<crate::gc::Gc<TypeObj>> {
    let key = alloc::format!("__file_type_{name}__");
    if let Some(t) = vm.dict_get_str(vm.builtins, &key)? {
        return Ok(t.downcast::<TypeObj>().expect("type"));
    }
    let t = crate::modules::new_native_type(vm, name, "_io", FILE_METHODS)?;
    let prop = Value::from_obj(vm.types.property);
    let getters: [(&str, crate::obj::func::NativeFn); 5] = [
        ("closed", file_closed),
        ("name", file_name),
        ("mode", file_mode),
        ("encoding", file_encoding),
        ("buffer", file_buffer),
    ];
    for (prop_name, f) in getters {
        // `encoding` and `buffer` belong to text files only, as in CPython.
        if (prop_name == "encoding" || prop_name == "buffer") && name != "TextIOWrapper" {
            continue;
        }
        let getter = vm.new_builtin(prop_name, f, 0, Value::NONE)?;
        let p = vm.call(prop, &[getter])?;
        vm.dict_set_str(t.dict.get(), prop_name, p)?;
    }
    vm.dict_set_str(vm.builtins, &key, Value::from_obj(t))?;
    Ok(t)
}

/// `file.name`: what `open` was given (`<stdout>`... for the console).
fn file_name(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "name", a, kw, 1)?;
    Ok(this(vm, a[0])?.slots[0].get())
}

/// `file.mode`.
fn file_mode(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "mode", a, kw, 1)?;
    let f = this(vm, a[0])?;
    let mode = f.slots[1].get();
    if !mode.is_null() {
        return Ok(mode);
    }
    let m = if f.words[W_FLAGS].get() & F_READ != 0 {
        "r"
    } else {
        "w"
    };
    vm.new_str(m)
}

/// `file.encoding`: text files are UTF-8; named as `open` was given it, else as CPython names
/// the default (the console's `utf-8`, a file's locale `UTF-8`).
fn file_encoding(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "encoding", a, kw, 1)?;
    let f = this(vm, a[0])?;
    let given = f.slots[3].get();
    if !given.is_null() {
        return Ok(given);
    }
    vm.new_str(if f.words[W_FLAGS].get() & F_CONSOLE != 0 {
        "utf-8"
    } else {
        "UTF-8"
    })
}

/// `file.buffer`: the binary file under a text one (same handle; made once). Bytes written
/// to `sys.stdout.buffer` reach the console unchanged.
fn file_buffer(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "buffer", a, kw, 1)?;
    let f = this(vm, a[0])?;
    let cached = f.slots[2].get();
    if !cached.is_null() {
        return Ok(cached);
    }
    let flags = f.words[W_FLAGS].get() | F_BINARY;
    let ty = file_type(vm, file_type_name(flags))?;
    let o = NativeObj::new(ty);
    o.words[W_HANDLE].set(f.words[W_HANDLE].get());
    o.words[W_FLAGS].set(flags);
    o.slots[0].set(f.slots[0].get());
    let buffer = vm.alloc_instance(ty, o)?;
    f.slots[2].set(buffer);
    Ok(buffer)
}

/// The class CPython gives a file opened with `flags`.
fn file_type_name(flags: usize) -> &'static str {
    match (
        flags & F_BINARY != 0,
        flags & F_READ != 0,
        flags & F_WRITE != 0,
    ) {
        (false, _, _) => "TextIOWrapper",
        (true, true, true) => "BufferedRandom",
        (true, true, false) => "BufferedReader",
        (true, false, _) => "BufferedWriter",
    }
}

/// The open file a one-argument method (`tell`, `readable`...) is called on.
fn open_this(vm: &mut Vm, name: &str, a: &[Value], kw: Value) -> PyResult<&'static NativeObj> {
    args::exact(vm, name, a, kw, 1)?;
    let f = this(vm, a[0])?;
    check_open(vm, f)?;
    Ok(f)
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
        // CPython's wording differs between its text and binary layers.
        let what = if flags & F_BINARY != 0 {
            "write"
        } else {
            "not writable"
        };
        return Err(crate::modules::io::unsupported_operation(vm, what));
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
    let data = match f.words[W_NEWLINE].get() {
        NL_CR if !is_text(f) => data,
        NL_CR => translate_out(&data, b"\r"),
        NL_CRLF if is_text(f) => translate_out(&data, b"\r\n"),
        _ => data,
    };
    if !f.blob.borrow().is_empty() {
        drop_read_ahead(vm, f)?;
    }
    let h = f.words[W_HANDLE].get();
    if flags & F_CONSOLE != 0 {
        vm.host.write(h as i32, &data);
    } else if let Err(errno) = vm.host.write_handle(h as u32, &data) {
        return Err(os_error(vm, errno, ""));
    }
    Ok(Value::small_int(count as isize))
}

/// `data` with each `\n` written as `ending`.
fn translate_out(data: &[u8], ending: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &c in data {
        if c == b'\n' {
            out.extend_from_slice(ending);
        } else {
            out.push(c);
        }
    }
    out
}

/// An OSError (or the matching subclass) for `errno`.
pub fn os_error(vm: &mut Vm, errno: i32, filename: &str) -> crate::vm::PyErr {
    let (kind, msg) = match errno {
        2 => (ExcKind::FileNotFoundError, "No such file or directory"),
        13 => (ExcKind::PermissionError, "Permission denied"),
        17 => (ExcKind::FileExistsError, "File exists"),
        20 => (ExcKind::NotADirectoryError, "Not a directory"),
        21 => (ExcKind::IsADirectoryError, "Is a directory"),
        9 => (ExcKind::OSError, "Bad file descriptor"),
        22 => (ExcKind::OSError, "Invalid argument"),
        29 => (ExcKind::OSError, "Illegal seek"),
        1 => (ExcKind::PermissionError, "Operation not permitted"),
        28 => (ExcKind::OSError, "No space left on device"),
        38 => (ExcKind::OSError, "Function not implemented"),
        39 => (ExcKind::OSError, "Directory not empty"),
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

/// Read the rest of the file into the read-ahead buffer (the object's blob, raw bytes).
fn fill_all(vm: &mut Vm, f: &NativeObj) -> PyResult<()> {
    let h = f.words[W_HANDLE].get();
    if f.words[W_FLAGS].get() & F_CONSOLE != 0 {
        while let Some(l) = vm.host.read_line() {
            if l.is_empty() {
                break;
            }
            f.blob.borrow_mut().extend_from_slice(l.as_bytes());
        }
        return Ok(());
    }
    match vm.host.read(h as u32, None) {
        Ok(b) => {
            f.blob.borrow_mut().extend_from_slice(&b);
            Ok(())
        }
        Err(errno) => Err(os_error(vm, errno, "")),
    }
}

/// Take the first `n` bytes of the read-ahead buffer.
fn consume(f: &NativeObj, n: usize) -> Vec<u8> {
    let mut blob = f.blob.borrow_mut();
    let n = n.min(blob.len());
    blob.drain(..n).collect()
}

fn is_text(f: &NativeObj) -> bool {
    f.words[W_FLAGS].get() & F_BINARY == 0
}

/// The bytes of `raw` that make its first `chars` characters as text reading sees them (a
/// `\r\n` that universal newlines turn into one `\n` counts once).
fn text_prefix(raw: &[u8], chars: usize, newline: usize) -> usize {
    let (mut i, mut n) = (0, 0);
    while n < chars && i < raw.len() {
        i += if newline == NL_UNIVERSAL && raw[i] == b'\r' && raw.get(i + 1) == Some(&b'\n') {
            2
        } else {
            // The length of the UTF-8 sequence this byte starts (invalid bytes count as one;
            // decoding reports them).
            match raw[i] {
                0xf0.. => 4,
                0xe0.. => 3,
                0xc0.. => 2,
                _ => 1,
            }
        };
        n += 1;
    }
    i.min(raw.len())
}

/// The length of the first line of `raw` (with its line ending), or `None` if there is no
/// line ending in it.
fn line_end(raw: &[u8], binary: bool, newline: usize) -> Option<usize> {
    if binary || newline == NL_LF {
        return raw.iter().position(|&c| c == b'\n').map(|i| i + 1);
    }
    match newline {
        NL_CR => raw.iter().position(|&c| c == b'\r').map(|i| i + 1),
        NL_CRLF => raw.windows(2).position(|w| w == b"\r\n").map(|i| i + 2),
        _ => raw.iter().position(|&c| c == b'\n' || c == b'\r').map(|i| {
            if raw[i] == b'\r' && raw.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            }
        }),
    }
}

/// The value a read returns for `data`: bytes, or text decoded as UTF-8 with universal
/// newlines translated unless `open` was given another `newline`.
fn make_result(vm: &mut Vm, f: &NativeObj, data: &[u8]) -> PyResult<Value> {
    if !is_text(f) {
        return vm.new_bytes(data);
    }
    let Ok(text) = core::str::from_utf8(data) else {
        // A text file is UTF-8: the codec raises the UnicodeDecodeError naming the byte, or
        // applies the `errors` handler `open` was given.
        let flags = f.words[W_FLAGS].get();
        let errors = if flags & F_ERRORS_REPLACE != 0 {
            vm.new_str("replace")?
        } else if flags & F_ERRORS_IGNORE != 0 {
            vm.new_str("ignore")?
        } else {
            Value::NULL
        };
        let decoded = crate::types::bytes::codecs::decode(vm, data, Value::NULL, errors)?;
        let Some(text) = vm.str_of(decoded).map(String::from) else {
            return Ok(decoded);
        };
        return vm.new_str(&translate_newlines(&text, f.words[W_NEWLINE].get()));
    };
    if f.words[W_NEWLINE].get() == NL_UNIVERSAL && text.contains('\r') {
        vm.new_str(&translate_newlines(text, NL_UNIVERSAL))
    } else {
        vm.new_str(text)
    }
}

/// Text as reading returns it: universal newlines become `\n`; other modes leave it.
fn translate_newlines(text: &str, newline: usize) -> String {
    if newline == NL_UNIVERSAL {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        String::from(text)
    }
}

fn check_readable(vm: &mut Vm, f: &NativeObj) -> PyResult<()> {
    check_open(vm, f)?;
    if f.words[W_FLAGS].get() & F_READ == 0 {
        let what = if is_text(f) { "not readable" } else { "read" };
        return Err(crate::modules::io::unsupported_operation(vm, what));
    }
    Ok(())
}

/// An optional size argument: `None` for absent, `None` or negative.
fn size_arg(vm: &mut Vm, a: &[Value]) -> PyResult<Option<usize>> {
    if a.len() > 1 && !a[1].is_none() {
        let n = crate::ops::arith::index_of(vm, a[1])?;
        return Ok(usize::try_from(n).ok());
    }
    Ok(None)
}

/// `file.read([size])`: `size` characters of a text file, bytes of a binary one.
fn file_read(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "read", a, kw, 1, 2)?;
    let f = this(vm, a[0])?;
    check_readable(vm, f)?;
    let size = size_arg(vm, a)?;
    fill_all(vm, f)?;
    let n = match size {
        None => usize::MAX,
        Some(n) if is_text(f) => text_prefix(&f.blob.borrow(), n, f.words[W_NEWLINE].get()),
        Some(n) => n,
    };
    let data = consume(f, n);
    make_result(vm, f, &data)
}

/// `file.readline([size])`: one line, at most `size` characters (bytes in binary mode).
fn file_readline(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "readline", a, kw, 1, 2)?;
    let f = this(vm, a[0])?;
    check_readable(vm, f)?;
    let size = size_arg(vm, a)?;
    if f.words[W_FLAGS].get() & F_CONSOLE != 0 && f.blob.borrow().is_empty() {
        let l = vm.host.read_line().unwrap_or_default();
        f.blob.borrow_mut().extend_from_slice(l.as_bytes());
    } else {
        fill_all(vm, f)?;
    }
    let newline = f.words[W_NEWLINE].get();
    let n = {
        let blob = f.blob.borrow();
        let line = line_end(&blob, !is_text(f), newline).unwrap_or(blob.len());
        match size {
            None => line,
            Some(n) if is_text(f) => text_prefix(&blob[..line], n, newline),
            Some(n) => n.min(line),
        }
    };
    let data = consume(f, n);
    make_result(vm, f, &data)
}

/// Give the host back the read-ahead bytes (its position moves back over them), so a write
/// or a seek starts where the program thinks the file is.
fn drop_read_ahead(vm: &mut Vm, f: &NativeObj) -> PyResult<()> {
    let ahead = core::mem::take(&mut *f.blob.borrow_mut()).len();
    if ahead > 0 && f.words[W_FLAGS].get() & F_CONSOLE == 0 {
        let h = f.words[W_HANDLE].get() as u32;
        if let Err(errno) = vm.host.seek(h, -(ahead as i64), 1) {
            return Err(os_error(vm, errno, ""));
        }
    }
    Ok(())
}

/// `file.seek(offset, whence=0)`: the new position.
fn file_seek(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "seek", a, kw, 2, 3)?;
    let f = this(vm, a[0])?;
    check_open(vm, f)?;
    let offset = crate::ops::arith::index_of(vm, a[1])?;
    let whence = if a.len() > 2 {
        crate::ops::arith::index_of(vm, a[2])?
    } else {
        0
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(alloc::format!("whence value {whence} unsupported")));
    }
    drop_read_ahead(vm, f)?;
    match vm
        .host
        .seek(f.words[W_HANDLE].get() as u32, offset as i64, whence as i32)
    {
        Ok(pos) => vm.int_from_i64(pos as i64),
        Err(errno) => Err(os_error(vm, errno, "")),
    }
}

/// `file.tell()`: the position the next read or write starts at.
fn file_tell(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = open_this(vm, "tell", a, kw)?;
    match vm.host.seek(f.words[W_HANDLE].get() as u32, 0, 1) {
        Ok(pos) => {
            let ahead = f.blob.borrow().len() as u64;
            vm.int_from_i64(pos.saturating_sub(ahead) as i64)
        }
        Err(errno) => Err(os_error(vm, errno, "")),
    }
}

fn file_readable(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = open_this(vm, "readable", a, kw)?;
    Ok(Value::from_bool(f.words[W_FLAGS].get() & F_READ != 0))
}

fn file_writable(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = open_this(vm, "writable", a, kw)?;
    Ok(Value::from_bool(f.words[W_FLAGS].get() & F_WRITE != 0))
}

fn file_seekable(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = open_this(vm, "seekable", a, kw)?;
    let h = f.words[W_HANDLE].get() as u32;
    Ok(Value::from_bool(
        f.words[W_FLAGS].get() & F_CONSOLE == 0 && vm.host.seek(h, 0, 1).is_ok(),
    ))
}

fn file_readlines(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "readlines", a, kw, 1, 2)?;
    // Stop once the lines read add up to `hint` characters (all lines for none, 0 or less).
    let hint = size_arg(vm, a)?.filter(|&n| n > 0).unwrap_or(usize::MAX);
    let l = vm.new_list(&[])?;
    let list = l.as_ref::<crate::obj::list::ListObj>().expect("list");
    let mut total = 0usize;
    while total < hint {
        let line = file_readline(vm, &a[..1], Value::NULL)?;
        let n = crate::ops::subscr::len(vm, line)?;
        if n == 0 {
            break;
        }
        total += n;
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

fn file_flush(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    open_this(vm, "flush", a, kw)?;
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
    let s = if is_text(f) {
        alloc::format!("<_io.TextIOWrapper name={name} mode={mode} encoding='utf-8'>")
    } else {
        let ty = vm.type_name(a[0]);
        alloc::format!("<_io.{ty} name={name}>")
    };
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
    method("seek", file_seek),
    method("tell", file_tell),
    method("readable", file_readable),
    method("writable", file_writable),
    method("seekable", file_seekable),
];

/// `open(file, mode='r', ...)`.
pub fn open(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [file, mode, _buffering, encoding, errors, newline, _closefd] = args::parse(
        vm,
        "open",
        a,
        kw,
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
        ],
        1,
    )?;
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
    // As CPython: known letters, each once, exactly one of r/w/a/x, not both b and t. A bad
    // mode must fail before the host opens (and perhaps truncates) the file.
    let once = |c: char| mode_s.matches(c).count() <= 1;
    if mode_s.chars().any(|c| !"rwabxt+".contains(c) || !once(c)) {
        return Err(vm.value_error(alloc::format!("invalid mode: '{mode_s}'")));
    }
    if mode_s.contains('b') && mode_s.contains('t') {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    match mode_s.chars().filter(|c| "rwax".contains(*c)).count() {
        1 => {}
        0 => {
            return Err(vm.value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            ));
        }
        _ => {
            return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
        }
    }
    let newline_mode = if newline.is_null() || newline.is_none() {
        NL_UNIVERSAL
    } else {
        match vm.str_of(newline) {
            Some("") => NL_UNTRANSLATED,
            Some("\n") => NL_LF,
            Some("\r") => NL_CR,
            Some("\r\n") => NL_CRLF,
            Some(other) => {
                let msg = alloc::format!("illegal newline value: {other}");
                return Err(vm.value_error(msg));
            }
            None => {
                let t = vm.type_name(newline);
                return Err(vm.type_error(alloc::format!(
                    "open() argument 'newline' must be str or None, not {t}"
                )));
            }
        }
    };
    if flags & F_BINARY != 0 {
        for (arg, what) in [(encoding, "an encoding"), (newline, "a newline")] {
            if !arg.is_null() && !arg.is_none() {
                return Err(
                    vm.value_error(alloc::format!("binary mode doesn't take {what} argument"))
                );
            }
        }
    }
    if !errors.is_null() && !errors.is_none() {
        if flags & F_BINARY != 0 {
            return Err(vm.value_error("binary mode doesn't take an errors argument"));
        }
        match vm.str_of(errors) {
            Some("strict") => {}
            Some("replace") => flags |= F_ERRORS_REPLACE,
            Some("ignore") => flags |= F_ERRORS_IGNORE,
            Some(other) => {
                let msg = alloc::format!("unknown error handler name '{other}'");
                return Err(vm.new_exc(ExcKind::LookupError, &msg));
            }
            None => {
                let t = vm.type_name(errors);
                return Err(vm.type_error(alloc::format!(
                    "open() argument 'errors' must be str or None, not {t}"
                )));
            }
        }
    }
    let h = match vm.host.open(&path, &mode_s) {
        Ok(h) => h,
        Err(errno) => return Err(os_error(vm, errno, &path)),
    };
    let ty = file_type(vm, file_type_name(flags))?;
    let o = NativeObj::new(ty);
    o.words[W_HANDLE].set(h as usize);
    o.words[W_FLAGS].set(flags);
    o.words[W_NEWLINE].set(newline_mode);
    if vm.is_str(encoding) {
        o.slots[3].set(encoding);
    }
    o.slots[0].set(file);
    let m = vm.new_str(&mode_s)?;
    o.slots[1].set(m);
    vm.alloc_instance(ty, o)
}
