//! The `io` module: in-memory streams `StringIO` (text, positions in code points) and `BytesIO`,
//! `UnsupportedOperation`, `open` (the built-in) and the `SEEK_*` constants.
//!
//! Both streams are `NativeObj`s. The blob holds the contents (UTF-8 text for `StringIO`);
//! word 0 = position (code points / bytes), word 1 = byte offset of the position in the blob
//! (`StringIO`; the blob's length when the position is past the end), word 2 = flags (closed,
//! newline mode), word 3 = the class tag; `StringIO` keeps its length in code points in slot 0.

use super::collections::{
    library_type, native_self, new_instance, no_args, one_arg, pos_args, register_types,
    registered_type, registered_types, ssize_arg,
};
use crate::native_types::NativeObj;
use crate::types::{ExcKind, method, staticmethod};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

#[path = "io_bytes.rs"]
mod bytes;

const STRINGIO_TAG: usize = 0x7374_7269;
const BYTESIO_TAG: usize = 0x6279_7465;
const W_POS: usize = 0;
const W_BYTE: usize = 1;
const W_FLAGS: usize = 2;
const W_TAG: usize = 3;
const S_LEN: usize = 0;
const F_CLOSED: usize = 1;
// Newline modes (flags >> 1): '\n' (default), None, '', '\r', '\r\n'.
const NL_LF: usize = 0;
const NL_NONE: usize = 1;
const NL_ANY: usize = 2;
const NL_CR: usize = 3;
const NL_CRLF: usize = 4;

const REGISTRY: &str = "__io_types__";
const REG_STRINGIO: usize = 0;
const REG_BYTESIO: usize = 1;
const REG_UNSUPPORTED: usize = 2;

/// Names the module takes from its registry entry, in registry order.
const NAMES: [&str; 8] = [
    "StringIO",
    "BytesIO",
    "UnsupportedOperation",
    "IOBase",
    "RawIOBase",
    "BufferedIOBase",
    "TextIOBase",
    "TextIOWrapper",
];

/// Build the `io` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("io")?;
    let d = vm.module_dict(m);
    let types = match registered_types(vm, REGISTRY)? {
        Some(t) => t,
        None => {
            let s = library_type(vm, "StringIO", "_io", STRINGIO_METHODS)?;
            let b = library_type(vm, "BytesIO", "_io", bytes::BYTESIO_METHODS)?;
            for (ty, getter) in [
                (s, stringio_closed as crate::obj::func::NativeFn),
                (b, bytes::bytesio_closed),
            ] {
                let g = vm.new_builtin("closed", getter, 0, m)?;
                let prop = Value::from_obj(vm.types.property);
                let p = vm.call(prop, &[g])?;
                vm.dict_set_str(ty.dict.get(), "closed", p)?;
            }
            for (name, v) in [
                ("encoding", Value::NONE),
                ("errors", Value::NONE),
                ("line_buffering", Value::FALSE),
                ("newlines", Value::NONE),
            ] {
                vm.dict_set_str(s.dict.get(), name, v)?;
            }
            vm.dict_set_str(d, "StringIO", Value::from_obj(s))?;
            vm.dict_set_str(d, "BytesIO", Value::from_obj(b))?;
            for name in [
                "TextIOWrapper",
                "BufferedReader",
                "BufferedWriter",
                "BufferedRandom",
            ] {
                let t = crate::builtins::io::file_type(vm, name)?;
                vm.dict_set_str(d, name, Value::from_obj(t))?;
            }
            super::types_::run_python(vm, m, &crate::pylib::IO, "<io>")?;
            let mut all = [Value::NONE; NAMES.len()];
            for (slot, name) in all.iter_mut().zip(NAMES) {
                *slot = vm.dict_get_str(d, name)?.unwrap_or(Value::NONE);
            }
            register_types(vm, REGISTRY, &all)?;
            registered_types(vm, REGISTRY)?.unwrap_or(Value::NONE)
        }
    };
    for (i, name) in NAMES.iter().enumerate() {
        let t = crate::obj::tuple::items(types)
            .get(i)
            .copied()
            .unwrap_or(Value::NONE);
        if !t.is_none() {
            vm.dict_set_str(d, name, t)?;
        }
    }
    if let Some(open) = vm.dict_get_str(vm.builtins, "open")? {
        vm.dict_set_str(d, "open", open)?;
    }
    for (name, v) in [
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("DEFAULT_BUFFER_SIZE", 8192),
    ] {
        vm.dict_set_str(d, name, Value::small_int(v))?;
    }
    Ok(m)
}

// ---- shared ----

fn closed(o: &NativeObj) -> bool {
    o.words[W_FLAGS].get() & F_CLOSED != 0
}

/// An optional size argument (`None` or negative = no limit).
fn size_arg(vm: &mut Vm, v: Value) -> PyResult<Option<usize>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    if !crate::obj::int::is_int(v)
        && crate::ops::attr::call_special(vm, v, "__index__", &[])?.is_none()
    {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("argument should be integer or None, not '{t}'")));
    }
    let n = ssize_arg(vm, v)?;
    Ok(if n < 0 { None } else { Some(n as usize) })
}

fn unsupported(vm: &mut Vm, what: &str) -> PyResult<Value> {
    Err(unsupported_operation(vm, what))
}

/// `io.UnsupportedOperation(what)` (an OSError and a ValueError), making the `io` module if
/// the program has not imported it.
pub fn unsupported_operation(vm: &mut Vm, what: &str) -> crate::vm::PyErr {
    if let Err(e) = super::builtin_module(vm, "io") {
        return e;
    }
    match registered_type(vm, REGISTRY, REG_UNSUPPORTED) {
        Ok(t) => vm.new_exc_of_type(t, what),
        Err(e) => e,
    }
}

fn enter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this_any(vm, a, "__enter__")?;
    check_open_base(vm, o)?;
    Ok(a[0])
}

fn return_false(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this_any(vm, a, "isatty")?;
    check_open_base(vm, o)?;
    Ok(Value::FALSE)
}

fn return_true(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this_any(vm, a, "readable")?;
    check_open_any(vm, o)?;
    Ok(Value::TRUE)
}

fn flush(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this_any(vm, a, "flush")?;
    check_open_any(vm, o)?;
    Ok(Value::NONE)
}

fn fileno(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    this_any(vm, a, "fileno")?;
    unsupported(vm, "fileno")
}

fn this_any(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static NativeObj> {
    let o = a.first().and_then(|v| v.as_ref::<NativeObj>());
    if let Some(o) = o.filter(|o| matches!(o.words[W_TAG].get(), STRINGIO_TAG | BYTESIO_TAG)) {
        return Ok(o);
    }
    native_self(vm, a, W_TAG, STRINGIO_TAG, "_io._IOBase", name)
}

fn check_open_any(vm: &mut Vm, o: &NativeObj) -> PyResult<()> {
    if !closed(o) {
        return Ok(());
    }
    let dot = if o.words[W_TAG].get() == BYTESIO_TAG {
        "."
    } else {
        ""
    };
    Err(vm.value_error(format!("I/O operation on closed file{dot}")))
}

/// The closed-file check of the methods `io.IOBase` implements (its message ends in a period).
fn check_open_base(vm: &mut Vm, o: &NativeObj) -> PyResult<()> {
    if closed(o) {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn close(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this_any(vm, a, "close")?;
    o.words[W_FLAGS].set(o.words[W_FLAGS].get() | F_CLOSED);
    o.blob.borrow_mut().clear();
    o.words[W_POS].set(0);
    o.words[W_BYTE].set(0);
    Ok(Value::NONE)
}

fn exit(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    close(vm, &a[..a.len().min(1)], Value::NULL)?;
    Ok(Value::NONE)
}

fn readlines(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    readline: crate::obj::func::NativeFn,
) -> PyResult<Value> {
    let o = this_any(vm, a, "readlines")?;
    let [hint] = pos_args(vm, "readlines", a, kw, 0)?;
    let hint = size_arg(vm, hint)?.filter(|&h| h > 0);
    check_open_base(vm, o)?;
    let l = vm.new_list(&[])?;
    let list = l.as_ref::<crate::obj::list::ListObj>().expect("list");
    let mut total = 0;
    loop {
        let line = readline(vm, &a[..1], Value::NULL)?;
        let n = crate::ops::subscr::len(vm, line)?;
        if n == 0 {
            break;
        }
        vm.list_append(list, line)?;
        total += n;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(l)
}

fn writelines(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this_any(vm, a, "writelines")?;
    let lines = one_arg(vm, "writelines", a, kw)?;
    check_open_base(vm, o)?;
    let it = vm.iter(lines)?;
    while let Some(line) = crate::ops::iter::next(vm, it)? {
        vm.call_method(a[0], "write", &[line])?;
    }
    Ok(Value::NONE)
}

fn next_line(vm: &mut Vm, a: &[Value], readline: crate::obj::func::NativeFn) -> PyResult<Value> {
    let line = readline(vm, &a[..a.len().min(1)], Value::NULL)?;
    if crate::ops::subscr::len(vm, line)? == 0 {
        return Err(vm.new_exc(ExcKind::StopIteration, ""));
    }
    Ok(line)
}

/// `seek` arguments: the offset and whence (0, 1 or 2).
fn seek_args(vm: &mut Vm, a: &[Value], kw: Value, bytes: bool) -> PyResult<(isize, usize)> {
    let [pos, whence] = pos_args(vm, "seek", a, kw, 1)?;
    let pos = ssize_arg(vm, pos)?;
    let whence = if whence.is_null() {
        0
    } else {
        ssize_arg(vm, whence)?
    };
    if !(0..=2).contains(&whence) {
        let i = if bytes { "invalid" } else { "Invalid" };
        return Err(vm.value_error(format!("{i} whence ({whence}, should be 0, 1 or 2)")));
    }
    Ok((pos, whence as usize))
}

// ---- StringIO ----

const STRINGIO_METHODS: &[crate::types::MethodDef] = &[
    staticmethod("__new__", stringio_new),
    method("__init__", stringio_init),
    method("write", stringio_write),
    method("writelines", writelines),
    method("read", stringio_read),
    method("readline", stringio_readline),
    method("readlines", stringio_readlines),
    method("getvalue", stringio_getvalue),
    method("seek", stringio_seek),
    method("tell", stringio_tell),
    method("truncate", stringio_truncate),
    method("close", close),
    method("flush", flush),
    method("readable", return_true),
    method("writable", return_true),
    method("seekable", return_true),
    method("isatty", return_false),
    method("fileno", fileno),
    method("__enter__", enter),
    method("__exit__", exit),
    method("__iter__", stringio_iter),
    method("__next__", stringio_next),
];

fn sio(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static NativeObj> {
    native_self(vm, a, W_TAG, STRINGIO_TAG, "_io.StringIO", name)
}

fn sio_open(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static NativeObj> {
    let o = sio(vm, a, name)?;
    check_open_any(vm, o)?;
    Ok(o)
}

fn char_len(o: &NativeObj) -> usize {
    o.slots[S_LEN].get().as_small_int().unwrap_or(0) as usize
}

fn set_char_len(o: &NativeObj, n: usize) {
    o.slots[S_LEN].set(Value::small_int(n as isize));
}

fn newline_mode(o: &NativeObj) -> usize {
    o.words[W_FLAGS].get() >> 1
}

/// Byte offset of the code point `n` code points after byte offset `from` (clamped to the end).
fn advance(text: &[u8], from: usize, n: usize) -> usize {
    let mut i = from;
    let mut k = 0;
    while i < text.len() && k < n {
        i += 1;
        while i < text.len() && (text[i] & 0xC0) == 0x80 {
            i += 1;
        }
        k += 1;
    }
    i
}

fn text_of(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Move to code point `pos`.
fn sio_set_pos(o: &NativeObj, pos: usize) {
    let len = char_len(o);
    let blob = o.blob.borrow();
    let byte = if pos >= len {
        blob.len()
    } else if pos >= o.words[W_POS].get() && o.words[W_POS].get() <= len {
        advance(&blob, o.words[W_BYTE].get(), pos - o.words[W_POS].get())
    } else {
        advance(&blob, 0, pos)
    };
    drop(blob);
    o.words[W_POS].set(pos);
    o.words[W_BYTE].set(byte);
}

/// Write text at the position (newlines already translated). A position far past the end
/// pads with NULs; a MemoryError when the padding does not fit.
fn sio_write_text(vm: &mut Vm, o: &NativeObj, s: &str) -> PyResult<()> {
    let pos = o.words[W_POS].get();
    let len = char_len(o);
    let k = s.chars().count();
    let mut blob = o.blob.borrow_mut();
    if pos > len {
        let pad = pos - len;
        if blob.try_reserve(pad.saturating_add(s.len())).is_err() {
            drop(blob);
            return Err(vm.memory_error());
        }
        blob.extend(core::iter::repeat_n(0u8, pad));
        set_char_len(o, pos);
        o.words[W_BYTE].set(blob.len());
    }
    let len = char_len(o);
    let start = o.words[W_BYTE].get();
    let replaced = k.min(len - pos);
    let end = advance(&blob, start, replaced);
    blob.splice(start..end, s.bytes());
    drop(blob);
    set_char_len(o, len - replaced + k);
    o.words[W_POS].set(pos + k);
    o.words[W_BYTE].set(start + s.len());
    Ok(())
}

fn translate_in(mode: usize, s: &str) -> String {
    match mode {
        NL_NONE => s.replace("\r\n", "\n").replace('\r', "\n"),
        NL_CR => s.replace('\n', "\r"),
        NL_CRLF => s.replace('\n', "\r\n"),
        _ => String::from(s),
    }
}

fn stringio_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let base = registered_type(vm, REGISTRY, REG_STRINGIO)?;
    let o = new_instance(vm, a, base, "_io.StringIO")?;
    o.words[W_TAG].set(STRINGIO_TAG);
    set_char_len(o, 0);
    Ok(Value::from_ref(o))
}

fn stringio_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "__init__")?;
    let [initial, newline] =
        crate::builtins::args::parse(vm, "StringIO", &a[1..], kw, ["initial_value", "newline"], 0)?;
    let mode = if newline.is_null() {
        NL_LF
    } else if newline.is_none() {
        NL_NONE
    } else {
        match vm.str_of(newline) {
            Some("\n") => NL_LF,
            Some("") => NL_ANY,
            Some("\r") => NL_CR,
            Some("\r\n") => NL_CRLF,
            Some(_) => {
                let r = vm.repr_text(newline)?;
                return Err(vm.value_error(format!("illegal newline value: {r}")));
            }
            None => {
                let t = vm.type_name(newline);
                return Err(vm.type_error(format!("newline must be str or None, not {t}")));
            }
        }
    };
    let text = if initial.is_null() || initial.is_none() {
        String::new()
    } else {
        match vm.str_of(initial) {
            Some(s) => String::from(s),
            None => {
                let t = vm.type_name(initial);
                return Err(vm.type_error(format!("initial_value must be str or None, not {t}")));
            }
        }
    };
    o.words[W_FLAGS].set(mode << 1);
    o.blob.borrow_mut().clear();
    set_char_len(o, 0);
    o.words[W_POS].set(0);
    o.words[W_BYTE].set(0);
    sio_write_text(vm, o, &translate_in(mode, &text))?;
    sio_set_pos(o, 0);
    Ok(Value::NONE)
}

fn stringio_closed(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "closed")?;
    Ok(Value::from_bool(closed(o)))
}

fn stringio_write(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "write")?;
    let s = one_arg(vm, "StringIO.write", a, kw)?;
    check_open_any(vm, o)?;
    let Some(text) = vm.str_of(s) else {
        let t = vm.type_name(s);
        return Err(vm.type_error(format!("string argument expected, got '{t}'")));
    };
    let n = text.chars().count();
    if n > 0 {
        let text = translate_in(newline_mode(o), text);
        sio_write_text(vm, o, &text)?;
    }
    Ok(Value::small_int(n as isize))
}

fn stringio_read(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "read")?;
    let [size] = pos_args(vm, "read", a, kw, 0)?;
    let size = size_arg(vm, size)?;
    check_open_any(vm, o)?;
    let (pos, len) = (o.words[W_POS].get(), char_len(o));
    if pos >= len {
        return vm.new_str("");
    }
    let n = size.unwrap_or(len - pos).min(len - pos);
    let start = o.words[W_BYTE].get();
    let blob = o.blob.borrow();
    let end = advance(&blob, start, n);
    let s = text_of(&blob[start..end]);
    drop(blob);
    o.words[W_POS].set(pos + n);
    o.words[W_BYTE].set(end);
    vm.new_str(&s)
}

fn stringio_readline(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "readline")?;
    let [size] = pos_args(vm, "readline", a, kw, 0)?;
    let limit = size_arg(vm, size)?;
    check_open_any(vm, o)?;
    let (pos, len) = (o.words[W_POS].get(), char_len(o));
    if pos >= len {
        return vm.new_str("");
    }
    let mode = newline_mode(o);
    let start = o.words[W_BYTE].get();
    let blob = o.blob.borrow();
    let rest = &blob[start..];
    let mut end = rest.len();
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        let hit = match mode {
            NL_ANY => {
                if c == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                    end = i + 2;
                    break;
                }
                c == b'\n' || c == b'\r'
            }
            NL_CR => c == b'\r',
            NL_CRLF => {
                if c == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                    end = i + 2;
                    break;
                }
                false
            }
            _ => c == b'\n',
        };
        if hit {
            end = i + 1;
            break;
        }
        i += 1;
    }
    let mut line = &rest[..end];
    let mut count = String::from_utf8_lossy(line).chars().count();
    if let Some(l) = limit.filter(|&l| l < count) {
        line = &rest[..advance(rest, 0, l)];
        count = l;
    }
    let s = text_of(line);
    let nbytes = line.len();
    drop(blob);
    o.words[W_POS].set(pos + count);
    o.words[W_BYTE].set(start + nbytes);
    vm.new_str(&s)
}

fn stringio_readlines(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    readlines(vm, a, kw, stringio_readline)
}

fn stringio_getvalue(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "getvalue")?;
    no_args(vm, "StringIO.getvalue", a, kw)?;
    check_open_any(vm, o)?;
    let s = text_of(&o.blob.borrow());
    vm.new_str(&s)
}

fn stringio_seek(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "seek")?;
    let (pos, whence) = seek_args(vm, a, kw, false)?;
    check_open_any(vm, o)?;
    if whence == 0 && pos < 0 {
        return Err(vm.value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(vm.new_exc(ExcKind::OSError, "Can't do nonzero cur-relative seeks"));
    }
    let new = match whence {
        0 => pos as usize,
        1 => o.words[W_POS].get(),
        _ => char_len(o),
    };
    sio_set_pos(o, new);
    vm.int_from_i64(new as i64)
}

fn stringio_tell(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "tell")?;
    no_args(vm, "StringIO.tell", a, kw)?;
    check_open_any(vm, o)?;
    vm.int_from_i64(o.words[W_POS].get() as i64)
}

fn stringio_truncate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "truncate")?;
    let [size] = pos_args(vm, "truncate", a, kw, 0)?;
    let size = if size.is_null() || size.is_none() {
        None
    } else {
        if !crate::obj::int::is_int(size)
            && crate::ops::attr::call_special(vm, size, "__index__", &[])?.is_none()
        {
            let t = vm.type_name(size);
            return Err(vm.type_error(format!("argument should be integer or None, not '{t}'")));
        }
        Some(ssize_arg(vm, size)?)
    };
    check_open_any(vm, o)?;
    let size = size.unwrap_or(o.words[W_POS].get() as isize);
    if size < 0 {
        return Err(vm.value_error(format!("Negative size value {size}")));
    }
    let size = size as usize;
    if size < char_len(o) {
        let mut blob = o.blob.borrow_mut();
        let cut = advance(&blob, 0, size);
        blob.truncate(cut);
        drop(blob);
        set_char_len(o, size);
        let pos = o.words[W_POS].get();
        sio_set_pos(o, pos);
    }
    Ok(Value::small_int(size as isize))
}

fn stringio_iter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = sio(vm, a, "__iter__")?;
    check_open_base(vm, o)?;
    Ok(a[0])
}

fn stringio_next(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    sio_open(vm, a, "__next__")?;
    next_line(vm, a, stringio_readline)
}
