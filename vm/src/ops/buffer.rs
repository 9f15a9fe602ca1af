//! The buffer protocol, simplified: a copy of the bytes of any bytes-like object (`bytes`,
//! `bytearray`, `memoryview`, `array`).

use crate::obj::Kind;
use crate::obj::list::ByteArrayObj;
use crate::value::Value;
use crate::vm::Vm;
use alloc::vec::Vec;

/// The bytes of a bytes-like object, or `None` for anything else.
pub fn bytes_like(vm: &mut Vm, v: Value) -> Option<Vec<u8>> {
    match v.obj_kind()? {
        Kind::Bytes => Some(vm.bytes_of(v)?.to_vec()),
        Kind::ByteArray => Some(v.as_ref::<ByteArrayObj>()?.to_vec()),
        Kind::MemoryView => crate::types::memoryview::view_bytes(v),
        Kind::Native => crate::native_types::buffer_bytes(vm, v),
        _ => None,
    }
}
