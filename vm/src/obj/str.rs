//! `str` and `bytes`: immutable byte strings stored inline after the header. A `str` holds UTF-8
//! and caches its length in code points; interned strings are tagged values (see `interner`), and
//! every function here accepts both forms.

use super::Header;
use crate::gc::VarObj;
use crate::value::{Value, utf8_unchecked};
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

/// The fixed part of a `str`.
#[repr(C)]
pub struct StrHead {
    /// Header.
    pub header: Header,
    /// Cached hash (-1 = not computed).
    pub hash: Cell<isize>,
    /// Length in code points.
    pub char_len: usize,
}

/// A `str` object: header then the UTF-8 bytes.
pub type StrObj = VarObj<StrHead, u8>;

/// The fixed part of a `bytes`.
#[repr(C)]
pub struct BytesHead {
    /// Header.
    pub header: Header,
    /// Cached hash (-1 = not computed).
    pub hash: Cell<isize>,
}

/// A `bytes` object.
pub type BytesObj = VarObj<BytesHead, u8>;

/// Hash of string contents (stable across runs; FNV-1a folded to the word size, never -1).
pub fn hash_bytes(b: &[u8]) -> isize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    let h = h as isize;
    if h == -1 { -2 } else { h }
}

impl Vm {
    /// The text of a `str` value (interned or heap), or `None` for other values.
    #[inline]
    pub fn str_of(&self, v: Value) -> Option<&'static str> {
        if let Some(q) = v.as_qstr() {
            return Some(self.interner.get(q));
        }
        let s = v.as_ref::<StrObj>()?;
        Some(utf8_unchecked(s.items()))
    }

    /// Is `v` a `str` (or an instance of a `str` subclass)?
    #[inline]
    pub fn is_str(&self, v: Value) -> bool {
        v.as_qstr().is_some() || v.as_ref::<StrObj>().is_some()
    }

    /// A new `str`.
    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        if s.is_empty() {
            return Ok(self.empty_str);
        }
        if s.len() == 1
            && let Some(q) = self.interner.lookup(s)
        {
            return Ok(Value::qstr(q));
        }
        let bytes = s.as_bytes();
        let ty = self.types.str;
        let head = StrHead {
            header: Header::new(ty),
            hash: Cell::new(-1),
            char_len: s.chars().count(),
        };
        let g = self.alloc_var(head, bytes.len(), |i| bytes[i], false)?;
        Ok(Value::from_obj(g))
    }

    /// A `str` value for a string known to be a name: interned.
    pub fn intern(&mut self, s: &str) -> Value {
        Value::qstr(self.interner.intern(s))
    }

    /// Number of code points in a `str` value.
    pub fn str_char_len(&self, v: Value) -> usize {
        if let Some(s) = v.as_ref::<StrObj>() {
            return s.head.char_len;
        }
        self.str_of(v).map_or(0, |s| s.chars().count())
    }

    /// Hash of a `str` value (cached for heap strings).
    pub fn str_hash(&self, v: Value) -> isize {
        if let Some(q) = v.as_qstr() {
            return self.interner.hash(q);
        }
        let s = v.as_ref::<StrObj>().expect("str");
        let h = s.head.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_bytes(s.items());
        s.head.hash.set(h);
        h
    }

    /// A new `bytes`.
    pub fn new_bytes(&mut self, b: &[u8]) -> PyResult<Value> {
        let ty = self.types.bytes;
        let g = self.alloc_var(
            BytesHead {
                header: Header::new(ty),
                hash: Cell::new(-1),
            },
            b.len(),
            |i| b[i],
            false,
        )?;
        Ok(Value::from_obj(g))
    }

    /// The contents of a `bytes` value.
    pub fn bytes_of(&self, v: Value) -> Option<&'static [u8]> {
        v.as_ref::<BytesObj>().map(|b| b.items())
    }
}
