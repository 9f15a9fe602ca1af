//! The value representation: one machine word with a tag. This is the only file that knows the
//! bit patterns.
//!
//! ```text
//!   ...xxxxxxx1   small int: the word shifted right arithmetically by 1 (63 or 31 bits)
//!   ...xxxxx010   interned string: index into the interner, shifted left by 3
//!   ...xxxxx110   immediate: None=0, False=1, True=2, Ellipsis=3, NotImplemented=4 (shifted by 3)
//!   ...xxxxx000   pointer to a heap object (8-byte aligned); 0 is NULL
//! ```
//! NULL is never a Python value: it marks an unbound local, an empty cell, a missing method
//! `self` on the stack, and the error sentinel native code returns. The small-int test is one AND
//! and one branch (`word & 1`).
//!
//! Every heap object starts with a `Header` whose `ty` is its Python type; `TypeObj::kind` says
//! which Rust layout the object has, and `downcast` checks it before casting.

use crate::gc::Gc;
use crate::obj::{Header, Kind, TypeObj};
use core::cell::Cell;

/// A Python value. `Copy`, one word.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(usize);

/// Tag mask and patterns, shared with native code (`emit` checks them against its own copy).
pub mod tags {
    /// Low bit set: small int.
    pub const SMALL_INT_BIT: usize = 1;
    /// Low three bits of an interned string.
    pub const QSTR: usize = 0b010;
    /// Low three bits of an immediate.
    pub const IMMEDIATE: usize = 0b110;
    /// Mask of the low three bits.
    pub const MASK3: usize = 0b111;
}

const IMM_NONE: usize = tags::IMMEDIATE;
const IMM_FALSE: usize = (1 << 3) | tags::IMMEDIATE;
const IMM_TRUE: usize = (2 << 3) | tags::IMMEDIATE;
const IMM_ELLIPSIS: usize = (3 << 3) | tags::IMMEDIATE;
const IMM_NOT_IMPLEMENTED: usize = (4 << 3) | tags::IMMEDIATE;

/// Largest small int.
pub const SMALL_INT_MAX: isize = isize::MAX >> 1;
/// Smallest small int.
pub const SMALL_INT_MIN: isize = isize::MIN >> 1;

impl Value {
    /// The NULL word (not a Python value).
    pub const NULL: Value = Value(0);
    /// `None`.
    pub const NONE: Value = Value(IMM_NONE);
    /// `False`.
    pub const FALSE: Value = Value(IMM_FALSE);
    /// `True`.
    pub const TRUE: Value = Value(IMM_TRUE);
    /// `...`.
    pub const ELLIPSIS: Value = Value(IMM_ELLIPSIS);
    /// `NotImplemented`.
    pub const NOT_IMPLEMENTED: Value = Value(IMM_NOT_IMPLEMENTED);

    /// The raw word.
    #[inline(always)]
    pub const fn bits(self) -> usize {
        self.0
    }

    /// Rebuild from a raw word (native code, root scanning). The word must have come from `bits`.
    #[inline(always)]
    pub fn from_bits(bits: usize) -> Value {
        Value(bits)
    }

    /// Is this NULL?
    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }

    /// `True` or `False`.
    #[inline(always)]
    pub fn from_bool(b: bool) -> Value {
        if b { Value::TRUE } else { Value::FALSE }
    }

    /// Is this `None`?
    #[inline(always)]
    pub fn is_none(self) -> bool {
        self.0 == IMM_NONE
    }

    /// Is this a small int?
    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.0 & tags::SMALL_INT_BIT != 0
    }

    /// A small int; `i` must be within `SMALL_INT_MIN..=SMALL_INT_MAX`.
    #[inline(always)]
    pub fn small_int(i: isize) -> Value {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i));
        Value(((i << 1) | 1) as usize)
    }

    /// A small int if `i` fits.
    #[inline(always)]
    pub fn try_small_int(i: i64) -> Option<Value> {
        let i = isize::try_from(i).ok()?;
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value::small_int(i))
        } else {
            None
        }
    }

    /// The small int's value (the value must be a small int).
    #[inline(always)]
    pub fn as_small_int_unchecked(self) -> isize {
        (self.0 as isize) >> 1
    }

    /// The small int's value, if it is one.
    #[inline(always)]
    pub fn as_small_int(self) -> Option<isize> {
        if self.is_small_int() {
            Some(self.as_small_int_unchecked())
        } else {
            None
        }
    }

    /// An interned string by interner index.
    #[inline(always)]
    pub const fn qstr(index: u32) -> Value {
        Value(((index as usize) << 3) | tags::QSTR)
    }

    /// The interner index, if this is an interned string.
    #[inline(always)]
    pub fn as_qstr(self) -> Option<u32> {
        if self.0 & tags::MASK3 == tags::QSTR {
            Some((self.0 >> 3) as u32)
        } else {
            None
        }
    }

    /// Is this an immediate (None, True, False, Ellipsis, NotImplemented)?
    #[inline(always)]
    pub fn is_immediate(self) -> bool {
        self.0 & tags::MASK3 == tags::IMMEDIATE
    }

    /// Is this `True` or `False`?
    #[inline(always)]
    pub fn is_bool(self) -> bool {
        self.0 == IMM_TRUE || self.0 == IMM_FALSE
    }

    /// Is this a pointer to a heap object?
    #[inline(always)]
    pub fn is_obj(self) -> bool {
        self.0 & tags::MASK3 == 0 && self.0 != 0
    }

    /// A heap object's value.
    #[inline(always)]
    pub fn from_obj<T>(g: Gc<T>) -> Value {
        Value(g.addr())
    }

    /// The value of a heap object given by reference.
    #[inline(always)]
    pub fn from_ref<T: PyObj>(r: &T) -> Value {
        Value(r as *const T as usize)
    }

    /// The address of a heap object as the heap's block pointer (the value must be an object).
    #[inline(always)]
    pub fn header_ptr(self) -> core::ptr::NonNull<u8> {
        core::ptr::NonNull::new(self.0 as *mut u8).expect("heap object")
    }

    /// A raw value array (a frame block) by address; only for values made from such arrays.
    #[inline(always)]
    pub fn downcast_raw_array(self) -> Option<Gc<crate::obj::ValueArray>> {
        if !self.is_obj() {
            return None;
        }
        // SAFETY: callers pass only values made with `from_array` from live value arrays
        // (`Vm::current_frame`), which the conservative scan keeps alive.
        Some(unsafe {
            Gc::from_raw(core::ptr::NonNull::new_unchecked(
                self.0 as *mut crate::obj::ValueArray,
            ))
        })
    }

    /// The value of a raw array (not a Python object: only stored in VM bookkeeping slots).
    #[inline(always)]
    pub fn from_array<T>(g: Gc<T>) -> Value {
        Value(g.addr())
    }

    /// The object's header, if this is a heap object.
    #[inline(always)]
    pub fn header(self) -> Option<&'static Header> {
        if self.is_obj() {
            // SAFETY: a non-NULL word with low bits 000 is only ever made by `from_obj` from a live
            // heap object, every heap object starts with a `Header`, and the conservative collector
            // keeps the object alive while this value is on the stack or reachable.
            Some(unsafe { &*(self.0 as *const Header) })
        } else {
            None
        }
    }

    /// The heap object's type pointer (not for tagged values).
    #[inline(always)]
    pub fn obj_type(self) -> Option<Gc<TypeObj>> {
        self.header().map(|h| h.ty.get())
    }

    /// The layout kind of a heap object.
    #[inline(always)]
    pub fn obj_kind(self) -> Option<Kind> {
        self.header().map(|h| h.ty.get().kind)
    }

    /// View a heap object as `T` when its layout matches.
    #[inline(always)]
    pub fn downcast<T: crate::obj::PyObj>(self) -> Option<Gc<T>> {
        let h = self.header()?;
        if T::matches(h.ty.get().kind) {
            // SAFETY: the type's layout kind says the object was allocated as a `T` (or as a
            // `#[repr(C)]` struct starting with a `T`), and `Header` is the first field of both.
            Some(unsafe { Gc::from_raw(core::ptr::NonNull::new_unchecked(self.0 as *mut T)) })
        } else {
            None
        }
    }

    /// A reference to the heap object as `T` when its layout matches. The reference is valid
    /// while the object is reachable; holding it on the stack keeps it reachable (the collector
    /// scans the stack conservatively and honours interior pointers).
    #[inline(always)]
    pub fn as_ref<T: PyObj>(self) -> Option<&'static T> {
        let g = self.downcast::<T>()?;
        // SAFETY: see `header`: the object is live while any word on the stack points into it.
        Some(unsafe { &*g.as_ptr() })
    }

    /// The `__slots__` field at `offset` of an instance of the member's owner class.
    #[inline(always)]
    pub fn member_slot(self, member: &crate::obj::MemberObj) -> &'static Cell<Value> {
        self.slot_at(member.offset)
    }

    /// The `__slots__` field at byte `offset` of an instance.
    #[inline(always)]
    pub fn slot_at(self, offset: usize) -> &'static Cell<Value> {
        debug_assert!(self.is_obj());
        // SAFETY: `offset` is a member descriptor's, and callers check that `self` is an
        // instance of the member's owner class or a subclass (`attr::checked_member`; the
        // attribute cache records an offset only for the exact type it checked). Such
        // instances are allocated with at least `owner.instance_size` bytes, and subclasses
        // keep their bases' fields at the same offsets (`construct::apply_slots`).
        unsafe { &*((self.0 + offset) as *const Cell<Value>) }
    }

    /// The instance attribute dict slot of an object whose type has a dict offset.
    #[inline(always)]
    pub fn dict_slot(self, offset: usize) -> Option<&'static Cell<Value>> {
        if offset == 0 || !self.is_obj() {
            return None;
        }
        // SAFETY: `offset` comes from the object's own type (`TypeObj::dict_offset`), which is set
        // only for layouts that keep a `Cell<Value>` dict slot at that byte offset.
        Some(unsafe { &*((self.0 + offset) as *const Cell<Value>) })
    }
}

impl core::fmt::Debug for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if let Some(q) = self.as_qstr() {
            write!(f, "Qstr({q})")
        } else if self.is_null() {
            write!(f, "NULL")
        } else {
            write!(f, "Value({:#x})", self.0)
        }
    }
}

impl Default for Value {
    fn default() -> Self {
        Value::NULL
    }
}

/// A heap object layout that `Value::downcast` may produce.
///
/// # Safety
/// `matches(kind)` must return true only for kinds whose objects were allocated as `Self` (or as a
/// `#[repr(C)]` struct beginning with `Self`).
pub unsafe trait PyObj {
    /// Does an object of layout `kind` have this Rust layout?
    fn matches(kind: Kind) -> bool;
}

macro_rules! layouts {
    ($($ty:ty => $($kind:ident)|+;)*) => {
        $(
            // SAFETY: each row pairs a layout with the kinds the allocator gives it (see obj::Kind).
            unsafe impl PyObj for $ty {
                #[inline(always)]
                fn matches(kind: Kind) -> bool {
                    matches!(kind, $(Kind::$kind)|+)
                }
            }
        )*
    };
}

use crate::obj::*;
layouts! {
    TypeObj => Type;
    InstanceObj => Instance;
    IntObj => Int;
    FloatObj => Float;
    ComplexObj => Complex;
    str::StrObj => Str;
    str::BytesObj => Bytes;
    list::ByteArrayObj => ByteArray;
    list::ListObj => List;
    tuple::TupleObj => Tuple;
    dict::DictObj => Dict;
    set::SetObj => Set;
    RangeObj => Range;
    SliceObj => Slice;
    func::FunctionObj => Function;
    func::BuiltinObj => Builtin;
    BoundMethodObj => BoundMethod;
    ModuleObj => Module;
    CellObj => Cell;
    func::CodeObj => Code;
    crate::interp::generator::GenObj => Generator;
    exc::ExcObj => Exception;
    PropertyObj => Property;
    MemberObj => Member;
    MethodWrapperObj => ClassMethod | StaticMethod;
    SuperObj => Super;
    IterObj => Iter;
    DictViewObj => DictView;
    crate::native_types::NativeObj => Native | MemoryView;
    Header => Type | Instance | Object | Int | Float | Complex | Str | Bytes | ByteArray | List | Tuple
        | Dict | Set | Range | Slice | Function | Builtin | BoundMethod | Module | Cell | Code
        | Generator | Exception | Property | ClassMethod | StaticMethod | Super | Iter | DictView
        | MemoryView | Native;
}

/// View UTF-8 bytes that were copied from a `&str` as a `&str` without re-validating them.
#[inline(always)]
pub fn utf8_unchecked(bytes: &[u8]) -> &str {
    debug_assert!(core::str::from_utf8(bytes).is_ok());
    // SAFETY: callers pass only the bytes of `str` objects, which are built from `&str` values
    // and never mutated, so they are valid UTF-8.
    unsafe { core::str::from_utf8_unchecked(bytes) }
}
