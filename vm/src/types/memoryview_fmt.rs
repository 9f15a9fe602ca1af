//! Item formats of `memoryview` (the native single-character `struct` codes): sizes, and
//! converting an item's bytes to a Python value and back, with CPython's errors. Items are
//! little-endian, the byte order of every target Pyrite runs on.

use crate::obj::Kind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// The size in bytes of an item of format `f`, or `None` for an unknown format.
pub fn itemsize(f: u8) -> Option<usize> {
    Some(match f {
        b'b' | b'B' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'w' => 4,
        b'l' | b'L' => core::mem::size_of::<core::ffi::c_long>(),
        b'n' | b'N' => core::mem::size_of::<usize>(),
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// Is `f` one of the byte formats a cast may convert from or to?
pub fn is_byte_format(f: u8) -> bool {
    matches!(f, b'B' | b'b' | b'c')
}

fn unsupported(vm: &mut Vm, f: u8) -> crate::vm::PyErr {
    vm.new_exc(
        crate::types::ExcKind::NotImplementedError,
        &format!("memoryview: format {} not supported", f as char),
    )
}

/// The Python value of an item of format `f` stored in `b` (native byte order).
pub fn unpack(vm: &mut Vm, f: u8, b: &[u8]) -> PyResult<Value> {
    let mut w = [0u8; 8];
    w[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(w);
    Ok(match f {
        b'B' => Value::small_int(b[0] as isize),
        b'b' => Value::small_int(b[0] as i8 as isize),
        b'c' => vm.new_bytes(&b[..1])?,
        b'?' => Value::from_bool(b[0] != 0),
        b'h' => Value::small_int(u as u16 as i16 as isize),
        b'H' => Value::small_int(u as u16 as isize),
        b'i' => vm.int_from_i64(u as u32 as i32 as i64)?,
        b'I' => vm.int_from_i64(u as u32 as i64)?,
        b'l' | b'n' if b.len() == 4 => vm.int_from_i64(u as u32 as i32 as i64)?,
        b'l' | b'q' | b'n' => vm.int_from_i64(u as i64)?,
        b'L' | b'Q' | b'N' => vm.int_from_big(BigInt::from(u))?,
        b'f' => vm.new_float(f32::from_bits(u as u32) as f64)?,
        b'd' => vm.new_float(f64::from_bits(u))?,
        _ => return Err(unsupported(vm, f)),
    })
}

/// The native bytes of `v` as an item of format `f`.
pub fn pack(vm: &mut Vm, f: u8, v: Value) -> PyResult<Vec<u8>> {
    let size = itemsize(f).unwrap_or(1);
    let bad_type = |vm: &mut Vm| {
        vm.type_error(format!(
            "memoryview: invalid type for format '{}'",
            f as char
        ))
    };
    let bad_value = |vm: &mut Vm| {
        vm.value_error(format!(
            "memoryview: invalid value for format '{}'",
            f as char
        ))
    };
    match f {
        b'c' => {
            if v.obj_kind() != Some(Kind::Bytes) {
                return Err(bad_type(vm));
            }
            match vm.bytes_of(v) {
                Some(b) if b.len() == 1 => Ok(b.to_vec()),
                _ => Err(bad_value(vm)),
            }
        }
        b'?' => Ok(alloc::vec![vm.truthy(v)? as u8]),
        b'f' | b'd' => {
            let x = match crate::ops::cmp::float_of(v) {
                Some(x) => x,
                None if crate::obj::int::is_int(v) => {
                    crate::ops::arith::to_f64(vm, v)?.unwrap_or(0.0)
                }
                None => return Err(bad_type(vm)),
            };
            if f == b'd' {
                return Ok(x.to_le_bytes().to_vec());
            }
            let y = x as f32;
            if y.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("float too large to pack with f format"));
            }
            Ok(y.to_le_bytes().to_vec())
        }
        b'w' => Err(unsupported(vm, f)),
        _ => {
            if !crate::obj::int::is_int(v) {
                return Err(bad_type(vm));
            }
            let n = crate::obj::int::to_bigint(v).unwrap_or_default();
            let signed = f.is_ascii_lowercase();
            let bits = 8 * size as u32;
            let fits = if signed {
                n.to_i64().is_some_and(|x| {
                    bits == 64 || (x >= -(1i64 << (bits - 1)) && x < (1i64 << (bits - 1)))
                })
            } else {
                n.to_u64().is_some_and(|x| bits == 64 || x < (1u64 << bits))
            };
            if !fits {
                return Err(bad_value(vm));
            }
            let raw = if signed {
                n.to_i64().unwrap_or(0) as u64
            } else {
                n.to_u64().unwrap_or(0)
            };
            Ok(raw.to_le_bytes()[..size].to_vec())
        }
    }
}
