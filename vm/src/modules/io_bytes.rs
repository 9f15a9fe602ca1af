//! `io.BytesIO`: an in-memory binary stream (the contents in the blob, the position in word 0).

use super::*;

pub(super) const BYTESIO_METHODS: &[crate::types::MethodDef] = &[
    staticmethod("__new__", bytesio_new),
    method("__init__", bytesio_init),
    method("write", bytesio_write),
    method("writelines", writelines),
    method("read", bytesio_read),
    method("read1", bytesio_read),
    method("readinto", bytesio_readinto),
    method("readline", bytesio_readline),
    method("readlines", bytesio_readlines),
    method("getvalue", bytesio_getvalue),
    method("seek", bytesio_seek),
    method("tell", bytesio_tell),
    method("truncate", bytesio_truncate),
    method("close", close),
    method("flush", flush),
    method("readable", return_true),
    method("writable", return_true),
    method("seekable", return_true),
    method("isatty", return_false),
    method("fileno", fileno),
    method("__enter__", enter),
    method("__exit__", exit),
    method("__iter__", bytesio_iter),
    method("__next__", bytesio_next),
];

fn bio(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static NativeObj> {
    native_self(vm, a, W_TAG, BYTESIO_TAG, "_io.BytesIO", name)
}

fn bio_open(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static NativeObj> {
    let o = bio(vm, a, name)?;
    check_open_any(vm, o)?;
    Ok(o)
}

fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match crate::ops::buffer::bytes_like(vm, v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

pub(super) fn bytesio_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let base = registered_type(vm, REGISTRY, REG_BYTESIO)?;
    let o = new_instance(vm, a, base, "_io.BytesIO")?;
    o.words[W_TAG].set(BYTESIO_TAG);
    Ok(Value::from_ref(o))
}

pub(super) fn bytesio_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "__init__")?;
    let [initial] = crate::builtins::args::parse(vm, "BytesIO", &a[1..], kw, ["initial_bytes"], 0)?;
    let data = if initial.is_null() || initial.is_none() {
        Vec::new()
    } else {
        bytes_arg(vm, initial)?
    };
    *o.blob.borrow_mut() = data;
    o.words[W_POS].set(0);
    o.words[W_FLAGS].set(0);
    Ok(Value::NONE)
}

pub(super) fn bytesio_closed(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "closed")?;
    Ok(Value::from_bool(closed(o)))
}

pub(super) fn bytesio_write(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "write")?;
    let v = one_arg(vm, "BytesIO.write", a, kw)?;
    check_open_any(vm, o)?;
    let data = bytes_arg(vm, v)?;
    if data.is_empty() {
        return Ok(Value::small_int(0));
    }
    let pos = o.words[W_POS].get();
    let mut blob = o.blob.borrow_mut();
    let grow = pos.saturating_add(data.len()).saturating_sub(blob.len());
    if blob.try_reserve(grow).is_err() {
        drop(blob);
        return Err(vm.memory_error());
    }
    if pos > blob.len() {
        blob.resize(pos, 0);
    }
    let end = (pos + data.len()).min(blob.len());
    blob.splice(pos..end, data.iter().copied());
    drop(blob);
    o.words[W_POS].set(pos + data.len());
    Ok(Value::small_int(data.len() as isize))
}

/// Take up to `n` bytes (all when `None`) from the position.
fn take(o: &NativeObj, n: Option<usize>) -> Vec<u8> {
    let blob = o.blob.borrow();
    let pos = o.words[W_POS].get().min(blob.len());
    let end = n.map_or(blob.len(), |n| (pos + n).min(blob.len()));
    let out = blob[pos..end].to_vec();
    drop(blob);
    o.words[W_POS].set(o.words[W_POS].get().max(end));
    out
}

pub(super) fn bytesio_read(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "read")?;
    let [size] = pos_args(vm, "read", a, kw, 0)?;
    let size = size_arg(vm, size)?;
    check_open_any(vm, o)?;
    let data = take(o, size);
    vm.new_bytes(&data)
}

pub(super) fn bytesio_readinto(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "readinto")?;
    let target = one_arg(vm, "readinto", a, kw)?;
    check_open_any(vm, o)?;
    let Some(ba) = target.as_ref::<crate::obj::list::ByteArrayObj>() else {
        let t = vm.type_name(target);
        return Err(vm.type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {t}"
        )));
    };
    let dst = ba.items();
    let data = take(o, Some(dst.len()));
    for (c, &b) in dst.iter().zip(&data) {
        c.set(b);
    }
    Ok(Value::small_int(data.len() as isize))
}

pub(super) fn bytesio_readline(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "readline")?;
    let [size] = pos_args(vm, "readline", a, kw, 0)?;
    let limit = size_arg(vm, size)?;
    check_open_any(vm, o)?;
    let blob = o.blob.borrow();
    let pos = o.words[W_POS].get().min(blob.len());
    let rest = &blob[pos..];
    let mut n = rest
        .iter()
        .position(|&c| c == b'\n')
        .map_or(rest.len(), |i| i + 1);
    if let Some(l) = limit {
        n = n.min(l);
    }
    drop(blob);
    let data = take(o, Some(n));
    vm.new_bytes(&data)
}

pub(super) fn bytesio_readlines(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    readlines(vm, a, kw, bytesio_readline)
}

pub(super) fn bytesio_getvalue(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "getvalue")?;
    no_args(vm, "BytesIO.getvalue", a, kw)?;
    check_open_any(vm, o)?;
    let data = o.blob.borrow().clone();
    vm.new_bytes(&data)
}

pub(super) fn bytesio_seek(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "seek")?;
    let (pos, whence) = seek_args(vm, a, kw, true)?;
    check_open_any(vm, o)?;
    if whence == 0 && pos < 0 {
        return Err(vm.value_error(format!("negative seek value {pos}")));
    }
    let base = match whence {
        0 => 0,
        1 => o.words[W_POS].get() as isize,
        _ => o.blob.borrow().len() as isize,
    };
    let new = base.saturating_add(pos).max(0) as usize;
    o.words[W_POS].set(new);
    vm.int_from_i64(new as i64)
}

pub(super) fn bytesio_tell(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "tell")?;
    no_args(vm, "BytesIO.tell", a, kw)?;
    check_open_any(vm, o)?;
    vm.int_from_i64(o.words[W_POS].get() as i64)
}

pub(super) fn bytesio_truncate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = bio(vm, a, "truncate")?;
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
        return Err(vm.value_error(format!("negative size value {size}")));
    }
    o.blob.borrow_mut().truncate(size as usize);
    Ok(Value::small_int(size))
}

pub(super) fn bytesio_iter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    bio_open(vm, a, "__iter__")?;
    Ok(a[0])
}

pub(super) fn bytesio_next(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    bio_open(vm, a, "__next__")?;
    next_line(vm, a, bytesio_readline)
}
