//! The layout shared by library types written in Rust (`collections.deque`, `array.array`,
//! `io.StringIO`/`BytesIO`, `memoryview`...): a few value slots (kept in the GC heap, so they may
//! hold Python objects), a few machine words, and an owned byte buffer outside the GC heap (no
//! values in it), dropped by the object's finaliser.

use crate::obj::Header;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};

/// A Rust-implemented library object. What the slots mean belongs to its type's module.
#[repr(C)]
pub struct NativeObj {
    /// Header.
    pub header: Header,
    /// Value slots.
    pub slots: [Cell<Value>; 4],
    /// Machine words (sizes, positions, type codes).
    pub words: [Cell<usize>; 4],
    /// Raw bytes (array contents, BytesIO data, StringIO text as UTF-8).
    pub blob: RefCell<Vec<u8>>,
}

impl NativeObj {
    /// An empty native object of type `ty`.
    pub fn new(ty: crate::gc::Gc<crate::obj::TypeObj>) -> NativeObj {
        NativeObj {
            header: Header::new(ty),
            slots: [
                Cell::new(Value::NULL),
                Cell::new(Value::NULL),
                Cell::new(Value::NULL),
                Cell::new(Value::NULL),
            ],
            words: [Cell::new(0), Cell::new(0), Cell::new(0), Cell::new(0)],
            blob: RefCell::new(Vec::new()),
        }
    }
}

/// The repr of a native object: its type's `__repr__` method if it has one, else the default.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(r) = crate::ops::attr::call_special(vm, v, "__repr__", &[])?
        && let Some(s) = vm.str_of(r)
    {
        return Ok(String::from(s));
    }
    let t = vm.type_name(v);
    Ok(alloc::format!("<{t} object at {:#x}>", v.bits()))
}

/// The bytes of a native bytes-like object (`array`, `memoryview`, `BytesIO` buffers).
pub fn buffer_bytes(vm: &mut Vm, v: Value) -> Option<Vec<u8>> {
    let o = v.as_ref::<NativeObj>()?;
    let _ = vm;
    // By convention, word 3 == 1 marks an object whose blob is its buffer.
    if o.words[3].get() == 1 {
        Some(o.blob.borrow().clone())
    } else {
        None
    }
}
