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

/// The address of the first byte of a bytes-like object's data, for viper's `ptr` casts. The
/// address stays valid until the object is resized or collected (as in MicroPython).
pub fn address_of(vm: &mut Vm, v: Value) -> Option<usize> {
    let _ = &vm;
    match v.obj_kind()? {
        Kind::Bytes => Some(vm.bytes_of(v)?.as_ptr() as usize),
        Kind::ByteArray => Some(v.as_ref::<ByteArrayObj>()?.items().as_ptr() as usize),
        Kind::MemoryView => {
            let o = v.as_ref::<crate::native_types::NativeObj>()?;
            let base = address_of(vm, o.slots[0].get())?;
            Some(base + o.words[0].get())
        }
        Kind::Native => {
            let o = v.as_ref::<crate::native_types::NativeObj>()?;
            // Word 3 == 1 marks an object whose blob is its buffer (`array.array`).
            (o.words[3].get() == 1).then(|| o.blob.borrow().as_ptr() as usize)
        }
        _ => None,
    }
}
