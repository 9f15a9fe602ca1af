//! The `binascii` module: hex and base64 conversions and `crc32`, with `binascii.Error` (a
//! ValueError) for malformed input.

use super::add_functions;
use crate::builtins::args;
use crate::obj::typeobj::TypeObj;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Build the `binascii` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("binascii")?;
    add_functions(
        vm,
        m,
        &[
            ("hexlify", hexlify),
            ("b2a_hex", hexlify),
            ("unhexlify", unhexlify),
            ("a2b_hex", unhexlify),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("crc32", crc32),
        ],
    )?;
    let err = super::exception_class(vm, "binascii", "Error", crate::types::ExcKind::ValueError)?;
    let d = vm.module_dict(m);
    vm.dict_set_str(d, "Error", err)?;
    Ok(m)
}

/// A `binascii.Error` with `msg`.
fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let class = vm
        .dict_get_str(vm.modules, "binascii")
        .ok()
        .flatten()
        .map(|m| vm.module_dict(m))
        .and_then(|d| vm.dict_get_str(d, "Error").ok().flatten())
        .and_then(|c| c.downcast::<TypeObj>());
    match class {
        Some(t) => vm.new_exc_of_type(t, msg),
        None => vm.value_error(msg),
    }
}

/// The bytes of a bytes-like argument, or of an ASCII str where `text_ok`.
fn data_arg(vm: &mut Vm, v: Value, fname: &str, text_ok: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::ops::buffer::bytes_like(vm, v) {
        return Ok(b);
    }
    if text_ok && let Some(s) = vm.str_of(v) {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    let t = vm.type_name(v);
    let want = if text_ok {
        "bytes-like object or ASCII string"
    } else {
        "bytes-like object"
    };
    Err(vm.type_error(format!("{fname}: argument should be a {want}, not '{t}'")))
}

fn hexlify(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [data, sep, per] = args::parse(vm, "hexlify", a, kw, ["data", "sep", "bytes_per_sep"], 1)?;
    let bytes = data_arg(vm, data, "hexlify", false)?;
    let sep = if sep.is_null() || sep.is_none() {
        Vec::new()
    } else {
        data_arg(vm, sep, "hexlify", true)?
    };
    // As CPython: a separator every `bytes_per_sep` bytes, counted from the right (from the
    // left when negative).
    let per = if per.is_null() {
        1
    } else {
        crate::ops::arith::index_of(vm, per)?
    };
    let group = per.unsigned_abs().max(1);
    let n = bytes.len();
    let mut out = Vec::with_capacity(n * (2 + sep.len()));
    for (i, b) in bytes.iter().enumerate() {
        let boundary = if per < 0 {
            i % group == 0
        } else {
            (n - i) % group == 0
        };
        if i > 0 && per != 0 && boundary {
            out.extend_from_slice(&sep);
        }
        out.push(b"0123456789abcdef"[(b >> 4) as usize]);
        out.push(b"0123456789abcdef"[(b & 15) as usize]);
    }
    vm.new_bytes(&out)
}

fn unhexlify(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [data] = args::parse(vm, "unhexlify", a, kw, ["hexstr"], 1)?;
    let text = data_arg(vm, data, "unhexlify", true)?;
    if text.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len() / 2);
    for pair in text.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    vm.new_bytes(&out)
}

fn b2a_base64(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [data, _, newline] = args::parse(vm, "b2a_base64", a, kw, ["data", "*", "newline"], 1)?;
    let bytes = data_arg(vm, data, "b2a_base64", false)?;
    let newline = newline.is_null() || vm.truthy(newline)?;
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4 + 1);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64[(n >> (18 - 6 * i) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    vm.new_bytes(&out)
}

fn a2b_base64(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [data] = args::parse(vm, "a2b_base64", a, kw, ["data"], 1)?;
    let text = data_arg(vm, data, "a2b_base64", true)?;
    // Like CPython's default (non-strict) mode: characters outside the alphabet are skipped,
    // and decoding stops at padding that completes a group.
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits, mut quad, mut pads) = (0u32, 0u32, 0usize, 0usize);
    for &c in &text {
        if c == b'=' {
            if quad >= 2 && quad + pads + 1 >= 4 {
                quad = 0;
                break;
            }
            if quad >= 2 {
                pads += 1;
            }
            continue;
        }
        let Some(v) = BASE64.iter().position(|&b| b == c) else {
            continue;
        };
        pads = 0;
        acc = acc << 6 | v as u32;
        bits += 6;
        quad = (quad + 1) % 4;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if quad == 1 {
        let n = out.len() / 3 * 4 + 1;
        return Err(error(
            vm,
            &format!(
                "Invalid base64-encoded string: number of data characters ({n}) cannot be 1 \
                 more than a multiple of 4"
            ),
        ));
    }
    if quad != 0 {
        return Err(error(vm, "Incorrect padding"));
    }
    vm.new_bytes(&out)
}

fn crc32(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [data, start] = args::parse(vm, "crc32", a, kw, ["data", "crc"], 1)?;
    let bytes = data_arg(vm, data, "crc32", false)?;
    let start = if start.is_null() {
        0
    } else {
        // Only the low 32 bits of the running value matter, as in CPython.
        let b = crate::ops::arith::index_bigint(vm, start)?;
        let m: num_bigint::BigInt = b & num_bigint::BigInt::from(0xffff_ffffu32);
        u32::try_from(m).unwrap_or(0)
    };
    let mut crc = !start;
    for &b in &bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                crc >> 1 ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    vm.int_from_i64(!crc as i64)
}
