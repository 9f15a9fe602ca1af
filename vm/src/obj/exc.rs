//! Exception objects: `BaseException` and every subclass share this layout (with an attribute
//! dict), so user exception classes need nothing special.

use super::Header;
use crate::value::Value;
use core::cell::Cell;

/// An exception instance.
#[repr(C)]
pub struct ExcObj {
    /// Header.
    pub header: Header,
    /// Attribute dict (NULL until an attribute is set).
    pub dict: Cell<Value>,
    /// `args` (a tuple).
    pub args: Cell<Value>,
    /// `__traceback__`: a list of `(code, line)` entries, innermost last, or None.
    pub traceback: Cell<Value>,
    /// `__cause__` or None.
    pub cause: Cell<Value>,
    /// `__context__` or None.
    pub context: Cell<Value>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
    /// `value` of StopIteration / `code` of SystemExit etc. are derived from `args`.
    pub notes: Cell<Value>,
}

/// Byte offset of `ExcObj::dict` (the type's `dict_offset`).
pub const EXC_DICT_OFFSET: usize = core::mem::offset_of!(ExcObj, dict);
