//! `bytes` and `bytearray`: construction, indexing, operators, decoding, and their methods.

use super::staticmethod;
use crate::builtins::args;
use crate::obj::list::ByteArrayObj;
use crate::obj::{Kind, SliceObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;
use frontend::bytecode::BinaryOperator as B;

/// Decode bytes with `encoding` (utf-8, ascii, latin-1) and `errors` (strict, ignore, replace).
pub fn decode(vm: &mut Vm, bytes: &[u8], encoding: Value, errors: Value) -> PyResult<Value> {
    let enc = if encoding.is_null() { "utf-8" } else { vm.str_of(encoding).unwrap_or("utf-8") };
    let errs = if errors.is_null() { "strict" } else { vm.str_of(errors).unwrap_or("strict") };
    let enc_norm: String = enc.to_ascii_lowercase().replace('_', "-");
    let text = match enc_norm.as_str() {
        "utf-8" | "utf8" => match core::str::from_utf8(bytes) {
            Ok(s) => String::from(s),
            Err(e) => match errs {
                "ignore" | "replace" => {
                    let mut out = String::new();
                    let mut rest = bytes;
                    loop {
                        match core::str::from_utf8(rest) {
                            Ok(s) => {
                                out.push_str(s);
                                break;
                            }
                            Err(e) => {
                                let (good, bad) = rest.split_at(e.valid_up_to());
                                out.push_str(crate::value::utf8_unchecked(good));
                                if errs == "replace" {
                                    out.push('\u{fffd}');
                                }
                                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                                rest = &bad[skip..];
                            }
                        }
                    }
                    out
                }
                _ => {
                    let pos = e.valid_up_to();
                    let b = bytes[pos];
                    return Err(vm.new_exc(
                        crate::types::ExcKind::UnicodeDecodeError,
                        &alloc::format!("'utf-8' codec can't decode byte 0x{b:02x} in position {pos}: invalid start byte"),
                    ));
                }
            },
        },
        "ascii" | "us-ascii" => {
            let mut out = String::new();
            for (pos, &b) in bytes.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else if errs == "ignore" {
                } else if errs == "replace" {
                    out.push('\u{fffd}');
                } else {
                    return Err(vm.new_exc(
                        crate::types::ExcKind::UnicodeDecodeError,
                        &alloc::format!("'ascii' codec can't decode byte 0x{b:02x} in position {pos}: ordinal not in range(128)"),
                    ));
                }
            }
            out
        }
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => bytes.iter().map(|&b| b as char).collect(),
        _ => return Err(vm.new_exc(crate::types::ExcKind::LookupError, &alloc::format!("unknown encoding: {enc}"))),
    };
    vm.new_str(&text)
}

/// Encode text with `encoding` and `errors`.
pub fn encode(vm: &mut Vm, text: &str, encoding: Value, errors: Value) -> PyResult<Vec<u8>> {
    let enc = if encoding.is_null() { "utf-8" } else { vm.str_of(encoding).unwrap_or("utf-8") };
    let errs = if errors.is_null() { "strict" } else { vm.str_of(errors).unwrap_or("strict") };
    let enc_norm: String = enc.to_ascii_lowercase().replace('_', "-");
    match enc_norm.as_str() {
        "utf-8" | "utf8" => Ok(text.as_bytes().to_vec()),
        "ascii" | "us-ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let limit = if enc_norm.starts_with("ascii") || enc_norm == "us-ascii" { 0x80 } else { 0x100 };
            let mut out = Vec::new();
            for (pos, c) in text.chars().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u8);
                } else if errs == "ignore" {
                } else if errs == "replace" {
                    out.push(b'?');
                } else {
                    let name = if limit == 0x80 { "ascii" } else { "latin-1" };
                    return Err(vm.new_exc(
                        crate::types::ExcKind::UnicodeEncodeError,
                        &alloc::format!("'{name}' codec can't encode character '\\u{:04x}' in position {pos}: ordinal not in range({limit})", c as u32),
                    ));
                }
            }
            Ok(out)
        }
        _ => Err(vm.new_exc(crate::types::ExcKind::LookupError, &alloc::format!("unknown encoding: {enc}"))),
    }
}

/// Operators on bytes-like operands; `Ok(None)` when unsupported.
pub fn bytes_binary(vm: &mut Vm, op: B, a: Value, b: Value) -> PyResult<Option<Value>> {
    let is_ba = a.obj_kind() == Some(Kind::ByteArray);
    match op {
        B::Add => {
            let (Some(x), Some(y)) = (crate::ops::buffer::bytes_like(vm, a), crate::ops::buffer::bytes_like(vm, b)) else {
                return Ok(None);
            };
            let mut r = x;
            r.extend_from_slice(&y);
            if is_ba { vm.new_bytearray(&r).map(Some) } else { vm.new_bytes(&r).map(Some) }
        }
        B::Mul => {
            let (seq, n) = if a.obj_kind().is_some_and(|k| matches!(k, Kind::Bytes | Kind::ByteArray)) { (a, b) } else { (b, a) };
            if !crate::obj::int::is_int(n) {
                return Ok(None);
            }
            let n = crate::ops::arith::index_of(vm, n)?.max(0) as usize;
            let x = crate::ops::buffer::bytes_like(vm, seq).expect("bytes");
            let r = x.repeat(n);
            if seq.obj_kind() == Some(Kind::ByteArray) { vm.new_bytearray(&r).map(Some) } else { vm.new_bytes(&r).map(Some) }
        }
        B::Mod if a.obj_kind() == Some(Kind::Bytes) || is_ba => {
            let fmt: String = crate::ops::buffer::bytes_like(vm, a).expect("bytes").iter().map(|&c| c as char).collect();
            let s = crate::ops::format::percent_format_text(vm, &fmt, b, true)?;
            let out: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
            if is_ba { vm.new_bytearray(&out).map(Some) } else { vm.new_bytes(&out).map(Some) }
        }
        _ => Ok(None),
    }
}

/// `b[key]`.
pub fn bytes_getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    let data = crate::ops::buffer::bytes_like(vm, obj).expect("bytes");
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, _, step, n) = crate::ops::subscr::slice_indices(vm, s, data.len())?;
        let out: Vec<u8> = (0..n).map(|k| data[(start + k as isize * step) as usize]).collect();
        return if obj.obj_kind() == Some(Kind::ByteArray) { vm.new_bytearray(&out) } else { vm.new_bytes(&out) };
    }
    let what = if obj.obj_kind() == Some(Kind::ByteArray) { "bytearray" } else { "index" };
    let i = crate::ops::subscr::seq_index(vm, key, data.len(), what)?;
    Ok(Value::small_int(data[i] as isize))
}

fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = crate::ops::arith::index_of(vm, v)?;
    u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// `ba[key] = value`.
pub fn bytearray_setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    let ba = obj.as_ref::<ByteArrayObj>().expect("bytearray");
    if let Some(s) = key.as_ref::<SliceObj>() {
        let new = match crate::ops::buffer::bytes_like(vm, value) {
            Some(b) => b,
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
                return Err(vm.value_error(alloc::format!(
                    "attempt to assign bytes of size {} to extended slice of size {n}",
                    new.len()
                )));
            }
            for (k, b) in new.into_iter().enumerate() {
                data[(start + k as isize * step) as usize] = b;
            }
        }
        ba.len.set(0);
        return vm.bytearray_extend(ba, &data);
    }
    let i = crate::ops::subscr::seq_index(vm, key, ba.len.get(), "bytearray")?;
    let b = byte_value(vm, value)?;
    ba.items()[i].set(b);
    Ok(())
}

/// `del ba[key]`.
pub fn bytearray_delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    let ba = obj.as_ref::<ByteArrayObj>().expect("bytearray");
    let mut data = ba.to_vec();
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, _, step, n) = crate::ops::subscr::slice_indices(vm, s, data.len())?;
        let mut doomed: Vec<usize> = (0..n).map(|k| (start + k as isize * step) as usize).collect();
        doomed.sort_unstable();
        for &d in doomed.iter().rev() {
            data.remove(d);
        }
    } else {
        let i = crate::ops::subscr::seq_index(vm, key, data.len(), "bytearray")?;
        data.remove(i);
    }
    ba.len.set(0);
    vm.bytearray_extend(ba, &data)
}

/// `x in b`.
pub fn bytes_contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    let data = crate::ops::buffer::bytes_like(vm, container).expect("bytes");
    if crate::obj::int::is_int(item) {
        let b = byte_value(vm, item)?;
        return Ok(data.contains(&b));
    }
    match crate::ops::buffer::bytes_like(vm, item) {
        Some(sub) => Ok(sub.is_empty() || data.windows(sub.len()).any(|w| w == sub.as_slice())),
        None => {
            let t = vm.type_name(item);
            Err(vm.type_error(alloc::format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// The bytes an argument to `bytes()`/`bytearray()` stands for.
pub fn bytes_from(vm: &mut Vm, src: Value, encoding: Value, errors: Value, what: &str) -> PyResult<Vec<u8>> {
    if src.is_null() {
        return Ok(Vec::new());
    }
    if let Some(s) = vm.str_of(src) {
        if encoding.is_null() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let s = String::from(s);
        return encode(vm, &s, encoding, errors);
    }
    if crate::obj::int::is_int(src) {
        let n = crate::ops::arith::index_of(vm, src)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(alloc::vec![0u8; n as usize]);
    }
    if let Some(b) = crate::ops::buffer::bytes_like(vm, src) {
        return Ok(b);
    }
    if let Some(r) = crate::ops::attr::call_special(vm, src, "__bytes__", &[])? {
        if let Some(b) = vm.bytes_of(r) {
            return Ok(b.to_vec());
        }
    }
    let t = match crate::ops::iter::to_tuple(vm, src) {
        Ok(t) => t,
        Err(_) => {
            let tn = vm.type_name(src);
            return Err(vm.type_error(alloc::format!("cannot convert '{tn}' object to {what}")));
        }
    };
    let mut out = Vec::new();
    for &v in crate::obj::tuple::items(t) {
        if !crate::obj::int::is_int(v) {
            let tn = vm.type_name(v);
            return Err(vm.type_error(alloc::format!("'{tn}' object cannot be interpreted as an integer")));
        }
        out.push(byte_value(vm, v)?);
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [src, encoding, errors] = args::parse(vm, "bytes", &a[1..], kwnames, ["source", "encoding", "errors"], 0)?;
    let data = bytes_from(vm, src, encoding, errors, "bytes")?;
    vm.new_bytes(&data)
}

fn bytearray_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [src, encoding, errors] = args::parse(vm, "bytearray", &a[1..], kwnames, ["source", "encoding", "errors"], 0)?;
    let data = bytes_from(vm, src, encoding, errors, "bytearray")?;
    vm.new_bytearray(&data)
}

/// Install `bytes` and `bytearray` methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let b = vm.types.bytes;
    vm.add_methods(b, &[staticmethod("__new__", bytes_new)])?;
    let ba = vm.types.bytearray;
    vm.add_methods(ba, &[staticmethod("__new__", bytearray_new)])
}
