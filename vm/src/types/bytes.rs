//! `bytes` and `bytearray`: construction, indexing, operators, decoding, and the special
//! methods Python code can call through the class. The other methods live in
//! `bytes_methods.rs`, the codecs in `str_codecs.rs`.

#[path = "str_codecs.rs"]
pub mod codecs;

use super::str::{dunder_self, kw_args};
use super::{method, staticmethod};
use crate::obj::list::ByteArrayObj;
use crate::obj::{Kind, SliceObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use frontend::bytecode::BinaryOperator as B;
use frontend::bytecode::Comparison;

pub use codecs::{decode, encode};

/// The bytes of any bytes-like object (`bytes`, `bytearray`, `memoryview`, native buffers).
pub fn buffer_of(vm: &mut Vm, v: Value) -> Option<Vec<u8>> {
    if v.obj_kind() == Some(Kind::MemoryView) {
        return super::memoryview::view_bytes(v);
    }
    crate::ops::buffer::bytes_like(vm, v)
}

/// Like `buffer_of`, or TypeError `a bytes-like object is required, not 'T'`.
pub fn need_buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match buffer_of(vm, v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// Operators on bytes-like operands; `Ok(None)` when unsupported.
pub fn bytes_binary(vm: &mut Vm, op: B, a: Value, b: Value) -> PyResult<Option<Value>> {
    let is_ba = a.obj_kind() == Some(Kind::ByteArray);
    let a_bytes = matches!(a.obj_kind(), Some(Kind::Bytes | Kind::ByteArray));
    match op {
        B::Add if a_bytes => {
            // As CPython: bytes plus empty bytes is the other operand itself (no allocation,
            // which MicroPython's heap_lock tests rely on).
            let exact = |v: Value, vm: &Vm| vm.type_of(v) == vm.types.bytes;
            if exact(a, vm) && exact(b, vm) {
                if vm.bytes_of(a).is_some_and(|x| x.is_empty()) {
                    return Ok(Some(b));
                }
                if vm.bytes_of(b).is_some_and(|y| y.is_empty()) {
                    return Ok(Some(a));
                }
            }
            let x = buffer_of(vm, a).unwrap_or_default();
            let Some(y) = buffer_of(vm, b) else {
                let (t, o) = (vm.type_name(b), vm.type_name(a));
                return Err(vm.type_error(format!("can't concat {t} to {o}")));
            };
            let mut r = x;
            r.extend_from_slice(&y);
            if is_ba {
                vm.new_bytearray(&r).map(Some)
            } else {
                vm.new_bytes(&r).map(Some)
            }
        }
        B::Mul => {
            let (seq, n) = if a_bytes { (a, b) } else { (b, a) };
            if !matches!(seq.obj_kind(), Some(Kind::Bytes | Kind::ByteArray)) {
                return Ok(None);
            }
            if !crate::obj::int::is_int(n)
                && crate::ops::attr::call_special(vm, n, "__index__", &[])?.is_none()
            {
                let t = vm.type_name(n);
                return Err(
                    vm.type_error(format!("can't multiply sequence by non-int of type '{t}'"))
                );
            }
            let n = crate::ops::arith::index_sized(vm, n)?.max(0) as usize;
            let x = buffer_of(vm, seq).unwrap_or_default();
            let total = x
                .len()
                .checked_mul(n)
                .filter(|&t| t <= isize::MAX as usize)
                .ok_or_else(|| vm.overflow_error("repeated bytes are too long"))?;
            super::str::check_size(vm, total)?;
            let r = x.repeat(n);
            if seq.obj_kind() == Some(Kind::ByteArray) {
                vm.new_bytearray(&r).map(Some)
            } else {
                vm.new_bytes(&r).map(Some)
            }
        }
        B::Mod if a_bytes => {
            let fmt: String = buffer_of(vm, a)
                .unwrap_or_default()
                .iter()
                .map(|&c| c as char)
                .collect();
            let s = crate::ops::format::percent_format_text(vm, &fmt, b, true)?;
            let out: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
            if is_ba {
                vm.new_bytearray(&out).map(Some)
            } else {
                vm.new_bytes(&out).map(Some)
            }
        }
        _ => Ok(None),
    }
}

/// `b[key]`.
pub fn bytes_getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    let is_ba = obj.obj_kind() == Some(Kind::ByteArray);
    if let Some(i) = key.as_small_int() {
        let got = match obj.as_ref::<ByteArrayObj>() {
            Some(ba) => {
                let items = ba.items();
                let j = if i < 0 { i + items.len() as isize } else { i };
                usize::try_from(j)
                    .ok()
                    .and_then(|j| items.get(j))
                    .map(|c| c.get())
            }
            None => {
                let items = vm.bytes_of(obj).unwrap_or(&[]);
                let j = if i < 0 { i + items.len() as isize } else { i };
                usize::try_from(j).ok().and_then(|j| items.get(j)).copied()
            }
        };
        return match got {
            Some(b) => Ok(Value::small_int(b as isize)),
            None => Err(vm.index_error(if is_ba {
                "bytearray index out of range"
            } else {
                "index out of range"
            })),
        };
    }
    let data = buffer_of(vm, obj).unwrap_or_default();
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, _, step, n) = crate::ops::subscr::slice_indices(vm, s, data.len())?;
        let out: Vec<u8> = (0..n)
            .map(|k| data[(start + k as isize * step) as usize])
            .collect();
        return if is_ba {
            vm.new_bytearray(&out)
        } else {
            vm.new_bytes(&out)
        };
    }
    if !crate::obj::int::is_int(key)
        && crate::ops::attr::call_special(vm, key, "__index__", &[])?.is_none()
    {
        let t = vm.type_name(key);
        let what = if is_ba { "bytearray" } else { "byte" };
        return Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {t}"
        )));
    }
    let what = if is_ba { "bytearray" } else { "index" };
    let i = crate::ops::subscr::seq_index(vm, key, data.len(), what)?;
    Ok(Value::small_int(data[i] as isize))
}

/// A byte value from an int-like (`byte must be in range(0, 256)`).
pub fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = crate::ops::arith::index_of(vm, v)?;
    u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// `ba[key] = value`.
pub fn bytearray_setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    let ba = obj.as_ref::<ByteArrayObj>().expect("bytearray");
    if let Some(s) = key.as_ref::<SliceObj>() {
        let new = match buffer_of(vm, value) {
            Some(b) => b,
            None if crate::obj::int::is_int(value) || vm.is_str(value) => {
                return Err(vm.type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            }
            None => {
                let t = crate::ops::iter::to_tuple(vm, value)?;
                let mut out = Vec::new();
                for &v in crate::obj::tuple::items(t) {
                    out.push(byte_value(vm, v)?);
                }
                out
            }
        };
        let mut data = ba.to_vec();
        let (start, stop, step, n) = crate::ops::subscr::slice_indices(vm, s, data.len())?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            data.splice(start as usize..stop, new);
        } else {
            if new.len() != n {
                return Err(vm.value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {n}",
                    new.len()
                )));
            }
            for (k, b) in new.into_iter().enumerate() {
                data[(start + k as isize * step) as usize] = b;
            }
        }
        return set_contents(vm, ba, &data);
    }
    if !crate::obj::int::is_int(key)
        && crate::ops::attr::call_special(vm, key, "__index__", &[])?.is_none()
    {
        let t = vm.type_name(key);
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {t}"
        )));
    }
    let i = crate::ops::subscr::seq_index(vm, key, ba.len.get(), "bytearray")?;
    let b = byte_value(vm, value)?;
    ba.items()[i].set(b);
    Ok(())
}

/// Replace the whole contents of a bytearray.
pub fn set_contents(vm: &mut Vm, ba: &ByteArrayObj, data: &[u8]) -> PyResult<()> {
    let n = data.len().min(ba.len.get());
    // Grow first: when that fails (MemoryError) the contents are left as they were.
    if data.len() > ba.len.get() {
        vm.bytearray_extend(ba, &data[n..])?;
    } else {
        ba.len.set(data.len());
    }
    for (c, &b) in ba.items().iter().zip(&data[..n]) {
        c.set(b);
    }
    Ok(())
}

/// `del ba[key]`.
pub fn bytearray_delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    let ba = obj.as_ref::<ByteArrayObj>().expect("bytearray");
    let mut data = ba.to_vec();
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, _, step, n) = crate::ops::subscr::slice_indices(vm, s, data.len())?;
        let mut doomed: Vec<usize> = (0..n)
            .map(|k| (start + k as isize * step) as usize)
            .collect();
        doomed.sort_unstable();
        for &d in doomed.iter().rev() {
            data.remove(d);
        }
    } else {
        if !crate::obj::int::is_int(key)
            && crate::ops::attr::call_special(vm, key, "__index__", &[])?.is_none()
        {
            let t = vm.type_name(key);
            return Err(vm.type_error(format!(
                "bytearray indices must be integers or slices, not {t}"
            )));
        }
        let i = crate::ops::subscr::seq_index(vm, key, data.len(), "bytearray")?;
        data.remove(i);
    }
    set_contents(vm, ba, &data)
}

/// `x in b`.
pub fn bytes_contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    let data = buffer_of(vm, container).unwrap_or_default();
    if crate::obj::int::is_int(item) {
        let b = byte_value(vm, item)?;
        return Ok(data.contains(&b));
    }
    let sub = need_buffer(vm, item)?;
    Ok(super::str_methods::find_sub(&data, &sub).is_some())
}

/// The bytes an argument to `bytes()`/`bytearray()` stands for.
pub fn bytes_from(
    vm: &mut Vm,
    src: Value,
    encoding: Value,
    errors: Value,
    what: &str,
) -> PyResult<Vec<u8>> {
    if src.is_null() {
        if !encoding.is_null() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if !errors.is_null() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    }
    if let Some(s) = vm.str_of(src) {
        if encoding.is_null() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        for (v, name) in [(encoding, "encoding"), (errors, "errors")] {
            if !v.is_null() && !vm.is_str(v) {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(format!("{what}() argument '{name}' must be str, not {t}"))
                );
            }
        }
        return encode(vm, s, encoding, errors);
    }
    if !encoding.is_null() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if !errors.is_null() {
        return Err(vm.type_error("errors without a string argument"));
    }
    let dunder = if what == "bytes" {
        crate::ops::attr::call_special(vm, src, "__bytes__", &[])?
    } else {
        None
    };
    if let Some(r) = dunder {
        if let Some(b) = vm.bytes_of(r) {
            return Ok(b.to_vec());
        }
        let t = vm.type_name(r);
        return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {t})")));
    }
    if crate::obj::int::is_int(src)
        || (!vm.is_str(src) && crate::ops::attr::call_special(vm, src, "__index__", &[])?.is_some())
    {
        let n = crate::ops::arith::index_sized(vm, src)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        super::str::check_size(vm, n as usize)?;
        return Ok(alloc::vec![0u8; n as usize]);
    }
    if let Some(b) = buffer_of(vm, src) {
        return Ok(b);
    }
    if vm.iter(src).is_err() {
        let tn = vm.type_name(src);
        return Err(vm.type_error(format!("cannot convert '{tn}' object to {what}")));
    }
    let t = crate::ops::iter::to_tuple(vm, src)?;
    let mut out = Vec::new();
    for &v in crate::obj::tuple::items(t) {
        let i = crate::ops::arith::index_of(vm, v)?;
        match u8::try_from(i) {
            Ok(b) => out.push(b),
            Err(_) if what == "bytes" => {
                return Err(vm.value_error("bytes must be in range(0, 256)"));
            }
            Err(_) => return Err(vm.value_error("byte must be in range(0, 256)")),
        }
    }
    Ok(out)
}

/// A `bytes` object of type `ty` (`bytes` or a subclass) holding `data`.
pub fn new_bytes_of_type(
    vm: &mut Vm,
    ty: crate::gc::Gc<crate::obj::TypeObj>,
    data: &[u8],
) -> PyResult<Value> {
    if ty == vm.types.bytes {
        return vm.new_bytes(data);
    }
    let head = crate::obj::str::BytesHead {
        header: crate::obj::Header::new(ty),
        hash: core::cell::Cell::new(-1),
    };
    let g = vm.alloc_var(head, data.len(), |i| data[i], false)?;
    Ok(Value::from_obj(g))
}

fn class_arg(
    vm: &mut Vm,
    a: &[Value],
    base: crate::gc::Gc<crate::obj::TypeObj>,
    name: &str,
) -> PyResult<crate::gc::Gc<crate::obj::TypeObj>> {
    let Some(&cls) = a.first() else {
        return Err(vm.type_error(format!("{name}.__new__(): not enough arguments")));
    };
    let Some(ty) = cls.downcast::<crate::obj::TypeObj>() else {
        let t = vm.type_name(cls);
        return Err(vm.type_error(format!("{name}.__new__(X): X is not a type object ({t})")));
    };
    if !crate::obj::typeobj::is_subtype(&ty, Value::from_obj(base)) {
        let n = String::from(ty.name_str(vm));
        return Err(vm.type_error(format!(
            "{name}.__new__({n}): {n} is not a subtype of {name}"
        )));
    }
    Ok(ty)
}

fn bytes_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let ty = class_arg(vm, a, vm.types.bytes, "bytes")?;
    let [src, encoding, errors] =
        kw_args(vm, "bytes", a, kwnames, ["source", "encoding", "errors"])?;
    let data = bytes_from(vm, src, encoding, errors, "bytes")?;
    new_bytes_of_type(vm, ty, &data)
}

fn bytearray_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let ty = class_arg(vm, a, vm.types.bytearray, "bytearray")?;
    let obj = ByteArrayObj {
        header: crate::obj::Header::new(ty),
        storage: core::cell::Cell::new(None),
        len: core::cell::Cell::new(0),
    };
    vm.alloc_instance(ty, obj)
}

fn bytearray_init(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let s = dunder_self(
        vm,
        a,
        Value::NULL,
        "bytearray",
        "__init__",
        is_bytearray,
        a.len().saturating_sub(1),
    )?;
    let [src, encoding, errors] = kw_args(
        vm,
        "bytearray",
        a,
        kwnames,
        ["source", "encoding", "errors"],
    )?;
    let data = bytes_from(vm, src, encoding, errors, "bytearray")?;
    set_contents(vm, s.as_ref::<ByteArrayObj>().expect("bytearray"), &data)?;
    Ok(Value::NONE)
}

fn is_bytes(_vm: &Vm, v: Value) -> bool {
    v.obj_kind() == Some(Kind::Bytes)
}

fn is_bytearray(_vm: &Vm, v: Value) -> bool {
    v.obj_kind() == Some(Kind::ByteArray)
}

/// The special methods shared by `bytes` and `bytearray` (the owner name selects the messages).
macro_rules! dunders {
    ($owner:literal, $is:ident, $m:ident) => {
        mod $m {
            use super::*;
            pub fn len(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, "__len__", $is, 0)?;
                Ok(Value::small_int(
                    buffer_of(vm, s).map_or(0, |b| b.len()) as isize
                ))
            }
            pub fn getitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, "__getitem__", $is, 1)?;
                bytes_getitem(vm, s, a[1])
            }
            pub fn contains(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, "__contains__", $is, 1)?;
                bytes_contains(vm, s, a[1]).map(Value::from_bool)
            }
            pub fn add(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, "__add__", $is, 1)?;
                match bytes_binary(vm, B::Add, s, a[1])? {
                    Some(r) => Ok(r),
                    None => {
                        let t = vm.type_name(a[1]);
                        Err(vm.type_error(format!("can't concat {t} to {}", $owner)))
                    }
                }
            }
            fn repeat(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, name, $is, 1)?;
                crate::ops::arith::index_of(vm, a[1])?;
                Ok(bytes_binary(vm, B::Mul, s, a[1])?.unwrap_or(Value::NOT_IMPLEMENTED))
            }
            pub fn mul(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                repeat(vm, a, kw, "__mul__")
            }
            pub fn rmul(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                repeat(vm, a, kw, "__rmul__")
            }
            pub fn mod_(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, "__mod__", $is, 1)?;
                Ok(bytes_binary(vm, B::Mod, s, a[1])?.unwrap_or(Value::NOT_IMPLEMENTED))
            }
            pub fn rmod(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                dunder_self(vm, a, kw, $owner, "__rmod__", $is, 1)?;
                Ok(Value::NOT_IMPLEMENTED)
            }
            fn cmp(
                vm: &mut Vm,
                a: &[Value],
                kw: Value,
                name: &str,
                op: Comparison,
            ) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, name, $is, 1)?;
                let other = if matches!(a[1].obj_kind(), Some(Kind::Bytes | Kind::ByteArray))
                    || $owner == "bytearray"
                {
                    buffer_of(vm, a[1])
                } else {
                    None
                };
                let Some(y) = other else {
                    return Ok(Value::NOT_IMPLEMENTED);
                };
                let x = buffer_of(vm, s).unwrap_or_default();
                use core::cmp::Ordering::*;
                let o = x.cmp(&y);
                Ok(Value::from_bool(match op {
                    Comparison::Lt => o == Less,
                    Comparison::Le => o != Greater,
                    Comparison::Eq => o == Equal,
                    Comparison::Ne => o != Equal,
                    Comparison::Gt => o == Greater,
                    _ => o != Less,
                }))
            }
            pub fn eq(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                cmp(vm, a, kw, "__eq__", Comparison::Eq)
            }
            pub fn ne(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                cmp(vm, a, kw, "__ne__", Comparison::Ne)
            }
            pub fn lt(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                cmp(vm, a, kw, "__lt__", Comparison::Lt)
            }
            pub fn le(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                cmp(vm, a, kw, "__le__", Comparison::Le)
            }
            pub fn gt(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                cmp(vm, a, kw, "__gt__", Comparison::Gt)
            }
            pub fn ge(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                cmp(vm, a, kw, "__ge__", Comparison::Ge)
            }
            pub fn iter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, "__iter__", $is, 0)?;
                let ty = vm.types.iterator;
                vm.new_iter(ty, crate::obj::IterKind::Bytes, s, Value::NULL, 0, 0)
            }
            pub fn repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, "__repr__", $is, 0)?;
                let b = buffer_of(vm, s).unwrap_or_default();
                let r = crate::ops::format::bytes_repr(&b);
                if $owner == "bytearray" {
                    let t = String::from(vm.type_name(s));
                    return vm.new_str(&format!("{t}({r})"));
                }
                vm.new_str(&r)
            }
            pub fn getnewargs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                let s = dunder_self(vm, a, kw, $owner, "__getnewargs__", $is, 0)?;
                let b = buffer_of(vm, s).unwrap_or_default();
                let copy = vm.new_bytes(&b)?;
                vm.new_tuple(&[copy])
            }
        }
    };
}

dunders!("bytes", is_bytes, bytes_d);
dunders!("bytearray", is_bytearray, bytearray_d);

fn bytes_hash(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "bytes", "__hash__", is_bytes, 0)?;
    let b = vm.bytes_of(s).unwrap_or(&[]);
    let h = crate::obj::str::hash_bytes(b);
    vm.int_from_i64(h as i64)
}

fn bytes_bytes(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "bytes", "__bytes__", is_bytes, 0)?;
    if vm.type_of(s) == vm.types.bytes {
        return Ok(s);
    }
    let b = vm.bytes_of(s).unwrap_or(&[]);
    vm.new_bytes(b)
}

fn bytes_str(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    bytes_d::repr(vm, a, kw)
}

fn bytearray_iadd(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "bytearray", "__iadd__", is_bytearray, 1)?;
    let Some(d) = buffer_of(vm, a[1]) else {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("can't concat {t} to bytearray")));
    };
    vm.bytearray_extend(s.as_ref::<ByteArrayObj>().expect("bytearray"), &d)?;
    Ok(s)
}

fn bytearray_imul(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "bytearray", "__imul__", is_bytearray, 1)?;
    let n = crate::ops::arith::index_of(vm, a[1])?.max(0) as usize;
    let ba = s.as_ref::<ByteArrayObj>().expect("bytearray");
    let d = ba.to_vec();
    super::str::check_size(vm, d.len().saturating_mul(n))?;
    set_contents(vm, ba, &d.repeat(n))?;
    Ok(s)
}

fn bytearray_setitem_m(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "bytearray", "__setitem__", is_bytearray, 2)?;
    bytearray_setitem(vm, s, a[1], a[2])?;
    Ok(Value::NONE)
}

fn bytearray_delitem_m(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "bytearray", "__delitem__", is_bytearray, 1)?;
    bytearray_delitem(vm, s, a[1])?;
    Ok(Value::NONE)
}

/// Install `bytes` and `bytearray` construction and special methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    macro_rules! common {
        ($m:ident) => {
            [
                method("__len__", $m::len),
                method("__getitem__", $m::getitem),
                method("__contains__", $m::contains),
                method("__add__", $m::add),
                method("__mul__", $m::mul),
                method("__rmul__", $m::rmul),
                method("__mod__", $m::mod_),
                method("__rmod__", $m::rmod),
                method("__eq__", $m::eq),
                method("__ne__", $m::ne),
                method("__lt__", $m::lt),
                method("__le__", $m::le),
                method("__gt__", $m::gt),
                method("__ge__", $m::ge),
                method("__iter__", $m::iter),
                method("__repr__", $m::repr),
                method("__getnewargs__", $m::getnewargs),
            ]
        };
    }
    let b = vm.types.bytes;
    vm.add_methods(b, &common!(bytes_d))?;
    vm.add_methods(
        b,
        &[
            staticmethod("__new__", bytes_new),
            method("__hash__", bytes_hash),
            method("__bytes__", bytes_bytes),
            method("__str__", bytes_str),
        ],
    )?;
    let ba = vm.types.bytearray;
    vm.add_methods(ba, &common!(bytearray_d))?;
    vm.add_methods(
        ba,
        &[
            staticmethod("__new__", bytearray_new),
            method("__init__", bytearray_init),
            method("__iadd__", bytearray_iadd),
            method("__imul__", bytearray_imul),
            method("__setitem__", bytearray_setitem_m),
            method("__delitem__", bytearray_delitem_m),
        ],
    )?;
    vm.dict_set_str(ba.dict.get(), "__hash__", Value::NONE)
}
