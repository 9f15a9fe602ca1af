//! The `struct` module (`ustruct`): `pack`, `unpack`, `unpack_from`, `pack_into`, `calcsize`,
//! `iter_unpack`, the `Struct` class and the `struct.error` exception, with byte order, size and
//! alignment prefixes (`@ = < > !`), repeat counts and every format code of CPython, and its
//! error messages.

use super::add_functions;
use crate::obj::int::to_bigint;
use crate::obj::list::ByteArrayObj;
use crate::obj::{Kind, TypeObj};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// One format code with its repeat count.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

/// A parsed format.
struct Format {
    little: bool,
    native: bool,
    items: Vec<Item>,
    size: usize,
    /// Number of values packed / unpacked.
    nvalues: usize,
}

/// Size of a code in native (`@`) mode, alignment equal to it.
fn native_size(c: u8) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        // C's `long` and `size_t`/pointers: 4 bytes on 32-bit machines, as a 32-bit CPython.
        b'l' | b'L' => core::mem::size_of::<core::ffi::c_long>(),
        b'n' | b'N' | b'P' => core::mem::size_of::<usize>(),
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// Size of a code in the standard modes (`= < > !`).
fn std_size(c: u8) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// The `struct.error` class.
fn error_class(vm: &mut Vm) -> PyResult<crate::gc::Gc<TypeObj>> {
    for name in ["struct", "ustruct"] {
        if let Some(m) = vm.dict_get_str(vm.modules, name)? {
            let d = vm.module_dict(m);
            if let Some(c) = vm.dict_get_str(d, "error")?
                && let Some(t) = c.downcast::<TypeObj>()
            {
                return Ok(t);
            }
        }
    }
    Err(vm.runtime_error("struct module not initialised"))
}

/// A `struct.error` with `msg`.
fn error(vm: &mut Vm, msg: &str) -> PyErr {
    match error_class(vm) {
        Ok(t) => vm.new_exc_of_type(t, msg),
        Err(e) => e,
    }
}

fn parse(vm: &mut Vm, fmt: &str) -> PyResult<Format> {
    let bytes = fmt.as_bytes();
    let (little, native, mut pos) = match bytes.first() {
        Some(b'@') => (cfg!(target_endian = "little"), true, 1),
        Some(b'=') => (cfg!(target_endian = "little"), false, 1),
        Some(b'<') => (true, false, 1),
        Some(b'>') | Some(b'!') => (false, false, 1),
        _ => (cfg!(target_endian = "little"), true, 0),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nvalues = 0usize;
    while pos < bytes.len() {
        let c = bytes[pos];
        if c.is_ascii_whitespace() {
            pos += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while pos < bytes.len() && bytes[pos].is_ascii_digit() {
                n = match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((bytes[pos] - b'0') as usize))
                {
                    Some(n) => n,
                    None => return Err(error(vm, "total struct size too long")),
                };
                pos += 1;
            }
            if pos >= bytes.len() {
                return Err(error(vm, "repeat count given without format specifier"));
            }
            count = n;
        }
        let code = bytes[pos];
        pos += 1;
        let sz = if native {
            native_size(code)
        } else {
            std_size(code)
        };
        let Some(sz) = sz else {
            return Err(error(vm, "bad char in struct format"));
        };
        if native && !matches!(code, b's' | b'p' | b'x' | b'c') {
            size = size.div_ceil(sz) * sz;
        }
        items.push(Item {
            code,
            count,
            size: sz,
            offset: size,
        });
        size = match sz.checked_mul(count).and_then(|n| size.checked_add(n)) {
            Some(s) => s,
            None => return Err(error(vm, "total struct size too long")),
        };
        nvalues += match code {
            b's' | b'p' => 1,
            b'x' => 0,
            _ => count,
        };
    }
    Ok(Format {
        little,
        native,
        items,
        size,
        nvalues,
    })
}

/// The format argument: str or bytes.
fn format_arg(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(s) = vm.str_of(v) {
        return Ok(String::from(s));
    }
    if v.obj_kind() == Some(Kind::Bytes) {
        let b = vm.bytes_of(v).expect("bytes");
        return Ok(b.iter().map(|&c| c as char).collect());
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {t}"
    )))
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    if crate::ops::cmp::float_of(v).is_none()
        && let Some(r) = crate::ops::attr::call_special(vm, v, "__index__", &[])?
        && let Some(b) = to_bigint(r)
    {
        return Ok(b);
    }
    Err(error(vm, "required argument is not an integer"))
}

fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = crate::ops::cmp::float_of(v) {
        return Ok(f);
    }
    if to_bigint(v).is_none()
        && crate::ops::attr::call_special(vm, v, "__float__", &[])?.is_none()
        && crate::ops::attr::call_special(vm, v, "__index__", &[])?.is_none()
    {
        return Err(error(vm, "required argument is not a float"));
    }
    super::math::arg_f64(vm, v)
}

/// Pack one integer of `size` bytes, with CPython's range checks and messages.
fn pack_int(vm: &mut Vm, out: &mut [u8], it: &Item, v: Value, little: bool) -> PyResult<()> {
    let b = int_arg(vm, v)?;
    let unsigned_get = matches!(it.code, b'I' | b'L' | b'Q' | b'N' | b'P');
    let bits = it.size * 8;
    let value: i128 = if unsigned_get {
        if it.code == b'P' {
            // A negative address wraps to the word, as C's cast of a long to a pointer does.
            match b
                .to_i64()
                .filter(|x| bits == 64 || *x >= -(1i64 << (bits - 1)))
                .map(|x| {
                    if x < 0 {
                        x as i128 + (1i128 << bits)
                    } else {
                        x as i128
                    }
                })
                .or_else(|| b.to_u64().map(i128::from))
            {
                Some(x) => x,
                None => return Err(error(vm, "int too large to convert")),
            }
        } else {
            match b.to_u64() {
                Some(x) => i128::from(x),
                None => return Err(error(vm, "argument out of range")),
            }
        }
    } else {
        match b.to_i64() {
            Some(x) => i128::from(x),
            None => return Err(error(vm, "argument out of range")),
        }
    };
    let unsigned = matches!(it.code, b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P');
    if bits < 64 {
        let (min, max) = if unsigned {
            (0i128, (1i128 << bits) - 1)
        } else {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        };
        if value < min || value > max {
            let msg = match it.code {
                b'b' => String::from("byte format requires -128 <= number <= 127"),
                b'B' => String::from("ubyte format requires 0 <= number <= 255"),
                b'h' => String::from("short format requires -32768 <= number <= 32767"),
                b'H' => String::from("ushort format requires 0 <= number <= 65535"),
                c => format!("'{}' format requires {min} <= number <= {max}", c as char),
            };
            return Err(error(vm, &msg));
        }
    }
    let raw = (value as u128).to_le_bytes();
    for i in 0..it.size {
        let byte = raw[i];
        if little {
            out[i] = byte;
        } else {
            out[it.size - 1 - i] = byte;
        }
    }
    Ok(())
}

/// IEEE 754 binary16 bits of `x`, rounding half to even (`None` if too large).
fn f16_bits(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // Scale to units of the smallest subnormal (2**-24) or of the exponent's ulp.
    let (_, e) = libm::frexp(a); // a = m * 2**e, m in [0.5, 1)
    let exp = e - 1; // a = 1.f * 2**exp
    let (q, biased) = if exp < -14 {
        (a * libm::ldexp(1.0, 24), 0i32)
    } else {
        (libm::ldexp(a, 10 - exp), exp + 15)
    };
    let mut m = libm::rint(q) as u32;
    let mut biased = biased;
    if biased == 0 {
        if m >= 1024 {
            biased = 1;
            m -= 1024;
        }
    } else {
        if m >= 2048 {
            m >>= 1;
            biased += 1;
        }
        m -= 1024;
    }
    if biased >= 31 {
        return None;
    }
    Some(sign | ((biased as u16) << 10) | m as u16)
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    match e {
        0 => sign * libm::ldexp(m, -24),
        31 => {
            if m == 0.0 {
                sign * f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => sign * libm::ldexp(m + 1024.0, e - 25),
    }
}

fn put(out: &mut [u8], bytes: &[u8], little: bool) {
    for (i, &b) in bytes.iter().enumerate() {
        if little {
            out[i] = b;
        } else {
            out[bytes.len() - 1 - i] = b;
        }
    }
}

fn pack_values(vm: &mut Vm, f: &Format, values: &[Value]) -> PyResult<Vec<u8>> {
    if values.len() != f.nvalues {
        return Err(error(
            vm,
            &format!(
                "pack expected {} items for packing (got {})",
                f.nvalues,
                values.len()
            ),
        ));
    }
    let mut out = alloc::vec![0u8; f.size];
    let mut vi = 0;
    for it in &f.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = values[vi];
                vi += 1;
                if !matches!(v.obj_kind(), Some(Kind::Bytes) | Some(Kind::ByteArray)) {
                    return Err(error(
                        vm,
                        &format!("argument for '{}' must be a bytes object", it.code as char),
                    ));
                }
                let data = crate::ops::buffer::bytes_like(vm, v).expect("bytes");
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..=n].copy_from_slice(&data[..n]);
                }
            }
            _ => {
                for k in 0..it.count {
                    let v = values[vi];
                    vi += 1;
                    let at = it.offset + k * it.size;
                    let dst = &mut out[at..at + it.size];
                    match it.code {
                        b'c' => {
                            let ok = v.obj_kind() == Some(Kind::Bytes)
                                && vm.bytes_of(v).is_some_and(|b| b.len() == 1);
                            if !ok {
                                return Err(error(
                                    vm,
                                    "char format requires a bytes object of length 1",
                                ));
                            }
                            dst[0] = vm.bytes_of(v).expect("bytes")[0];
                        }
                        b'?' => dst[0] = vm.truthy(v)? as u8,
                        b'e' => {
                            let x = float_arg(vm, v)?;
                            let Some(h) = f16_bits(x) else {
                                return Err(
                                    vm.overflow_error("float too large to pack with e format")
                                );
                            };
                            put(dst, &h.to_le_bytes(), f.little);
                        }
                        b'f' => {
                            let x = float_arg(vm, v)?;
                            let y = x as f32;
                            if y.is_infinite() && x.is_finite() && !f.native {
                                return Err(
                                    vm.overflow_error("float too large to pack with f format")
                                );
                            }
                            put(dst, &y.to_le_bytes(), f.little);
                        }
                        b'd' => {
                            let x = float_arg(vm, v)?;
                            put(dst, &x.to_le_bytes(), f.little);
                        }
                        _ => pack_int(vm, dst, it, v, f.little)?,
                    }
                }
            }
        }
    }
    Ok(out)
}

fn get(data: &[u8], little: bool) -> u128 {
    let mut r: u128 = 0;
    for i in 0..data.len() {
        let b = if little {
            data[data.len() - 1 - i]
        } else {
            data[i]
        };
        r = (r << 8) | u128::from(b);
    }
    r
}

fn unpack_values(vm: &mut Vm, f: &Format, data: &[u8]) -> PyResult<Value> {
    let t = vm.new_tuple_with(f.nvalues, |_| Value::NONE)?;
    let mut vi = 0;
    for it in &f.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let src = &data[it.offset..it.offset + it.count];
                let v = if it.code == b's' {
                    vm.new_bytes(src)?
                } else if src.is_empty() {
                    vm.new_bytes(&[])?
                } else {
                    let n = (src[0] as usize).min(it.count - 1);
                    vm.new_bytes(&src[1..=n])?
                };
                crate::gc::tuple_fill(t, vi, v);
                vi += 1;
            }
            _ => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let src = &data[at..at + it.size];
                    let raw = get(src, f.little);
                    let v = match it.code {
                        b'c' => vm.new_bytes(src)?,
                        b'?' => Value::from_bool(raw != 0),
                        b'e' => vm.new_float(f16_to_f64(raw as u16))?,
                        b'f' => vm.new_float(f32::from_bits(raw as u32) as f64)?,
                        b'd' => vm.new_float(f64::from_bits(raw as u64))?,
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            let bits = it.size * 8;
                            let x = ((raw << (128 - bits)) as i128) >> (128 - bits);
                            vm.int_from_i128(x)?
                        }
                        _ => vm.int_from_big(BigInt::from(raw))?,
                    };
                    crate::gc::tuple_fill(t, vi, v);
                    vi += 1;
                }
            }
        }
    }
    Ok(t)
}

/// The bytes of any bytes-like object (memoryviews included).
fn readable(vm: &mut Vm, v: Value) -> Option<Vec<u8>> {
    crate::ops::buffer::bytes_like(vm, v).or_else(|| crate::types::memoryview::view_bytes(v))
}

/// The bytes of a readable buffer argument.
fn buffer_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match readable(vm, v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn s_pack(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    crate::builtins::args::no_kw(vm, "pack", kw)?;
    let Some(&fmt) = a.first() else {
        return Err(vm.type_error("missing format argument"));
    };
    let fmt = format_arg(vm, fmt)?;
    let f = parse(vm, &fmt)?;
    let out = pack_values(vm, &f, &a[1..])?;
    vm.new_bytes(&out)
}

fn n_args(vm: &mut Vm, name: &str, a: &[Value], kw: Value, min: usize, max: usize) -> PyResult<()> {
    crate::builtins::args::no_kw(vm, name, kw)?;
    if a.len() < min || a.len() > max {
        let msg = if min == max {
            format!("{name} expected {min} arguments, got {}", a.len())
        } else if a.len() < min {
            format!("{name} expected at least {min} arguments, got {}", a.len())
        } else {
            format!("{name} expected at most {max} arguments, got {}", a.len())
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn s_unpack(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    n_args(vm, "unpack", a, kw, 2, 2)?;
    let fmt = format_arg(vm, a[0])?;
    let f = parse(vm, &fmt)?;
    let data = buffer_arg(vm, a[1])?;
    if data.len() != f.size {
        return Err(error(
            vm,
            &format!("unpack requires a buffer of {} bytes", f.size),
        ));
    }
    unpack_values(vm, &f, &data)
}

/// Resolve an offset against a buffer of `len` bytes for an item of `size` bytes.
fn offset_arg(vm: &mut Vm, what: &str, off: Value, len: usize, size: usize) -> PyResult<usize> {
    let o = crate::ops::arith::index_of(vm, off)?;
    let mut o = o as i128;
    if o < 0 {
        if o + (len as i128) < 0 {
            return Err(error(
                vm,
                &format!("offset {o} out of range for {len}-byte buffer"),
            ));
        }
        if o + (size as i128) > 0 {
            let verb = if what == "unpack_from" {
                "not enough data to unpack"
            } else {
                "no space to pack"
            };
            return Err(error(vm, &format!("{verb} {size} bytes at offset {o}")));
        }
        o += len as i128;
    }
    let o = o as usize;
    if len < size || o > len - size {
        let verb = if what == "unpack_from" {
            "unpacking"
        } else {
            "packing"
        };
        let need = o.saturating_add(size);
        return Err(error(
            vm,
            &format!(
                "{what} requires a buffer of at least {need} bytes for {verb} {size} bytes at offset {o} (actual buffer size is {len})"
            ),
        ));
    }
    Ok(o)
}

fn s_unpack_from(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [fmt, buffer, offset] =
        crate::builtins::args::parse(vm, "unpack_from", a, kw, ["$format", "buffer", "offset"], 2)?;
    let fmt = format_arg(vm, fmt)?;
    let f = parse(vm, &fmt)?;
    let data = buffer_arg(vm, buffer)?;
    let off = if offset.is_null() {
        Value::small_int(0)
    } else {
        offset
    };
    let o = offset_arg(vm, "unpack_from", off, data.len(), f.size)?;
    unpack_values(vm, &f, &data[o..o + f.size])
}

fn s_pack_into(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    crate::builtins::args::no_kw(vm, "pack_into", kw)?;
    if a.len() < 3 {
        let msg = if a.is_empty() {
            String::from("missing format argument")
        } else {
            String::from("pack_into expected buffer argument")
        };
        let msg = if a.len() == 2 {
            String::from("pack_into expected offset argument")
        } else {
            msg
        };
        return Err(vm.type_error(msg));
    }
    let fmt = format_arg(vm, a[0])?;
    let f = parse(vm, &fmt)?;
    let buf = a[1];
    let writable = matches!(
        buf.obj_kind(),
        Some(Kind::ByteArray) | Some(Kind::MemoryView) | Some(Kind::Native)
    );
    let Some(len) = readable(vm, buf).map(|b| b.len()).filter(|_| writable) else {
        let t = vm.type_name(buf);
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {t}"
        )));
    };
    let values = &a[3..];
    if values.len() != f.nvalues {
        return Err(error(
            vm,
            &format!(
                "pack expected {} items for packing (got {})",
                f.nvalues,
                values.len()
            ),
        ));
    }
    let o = offset_arg(vm, "pack_into", a[2], len, f.size)?;
    let out = pack_values(vm, &f, values)?;
    if let Some(ba) = buf.as_ref::<ByteArrayObj>() {
        for (i, &b) in out.iter().enumerate() {
            ba.items()[o + i].set(b);
        }
        return Ok(Value::NONE);
    }
    let data = vm.new_bytes(&out)?;
    let start = Value::small_int(o as isize);
    let stop = Value::small_int((o + out.len()) as isize);
    let sl = vm.new_slice(start, stop, Value::NONE)?;
    crate::ops::subscr::setitem(vm, buf, sl, data)?;
    Ok(Value::NONE)
}

fn s_calcsize(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    crate::builtins::args::no_kw(vm, "calcsize", kw)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "calcsize() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    let fmt = format_arg(vm, a[0])?;
    let f = parse(vm, &fmt)?;
    vm.int_from_i64(f.size as i64)
}

fn s_iter_check(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    n_args(vm, "iter_unpack", a, kw, 2, 2)?;
    let fmt = format_arg(vm, a[0])?;
    let f = parse(vm, &fmt)?;
    let data = buffer_arg(vm, a[1])?;
    if f.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % f.size != 0 {
        return Err(error(
            vm,
            &format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                f.size
            ),
        ));
    }
    vm.int_from_i64((data.len() / f.size) as i64)
}

/// Build the `struct` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("struct")?;
    add_functions(
        vm,
        m,
        &[
            ("pack", s_pack),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("pack_into", s_pack_into),
            ("calcsize", s_calcsize),
            ("_iter_check", s_iter_check),
        ],
    )?;
    let err = super::exception_class(vm, "struct", "error", crate::types::ExcKind::Exception)?;
    let d = vm.module_dict(m);
    vm.dict_set_str(d, "error", err)?;
    super::types_::run_python(vm, m, &crate::pylib::STRUCT, "<struct>")?;
    Ok(m)
}
