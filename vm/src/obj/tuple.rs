//! `tuple`: an immutable array of values stored inline after the header.

use super::Header;
use crate::gc::VarObj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The fixed part of a tuple.
#[repr(C)]
pub struct TupleHead {
    /// Header.
    pub header: Header,
}

/// A tuple: header then `len` values.
pub type TupleObj = VarObj<TupleHead, Value>;

/// The items of a tuple value (empty for anything else).
#[inline(always)]
pub fn items(v: Value) -> &'static [Value] {
    match v.as_ref::<TupleObj>() {
        Some(t) => t.items(),
        None => &[],
    }
}

impl Vm {
    /// A new tuple holding `items`.
    pub fn new_tuple(&mut self, items: &[Value]) -> PyResult<Value> {
        if items.is_empty() {
            return Ok(self.empty_tuple);
        }
        let ty = self.types.tuple;
        let g = self.alloc_var(
            TupleHead {
                header: Header::new(ty),
            },
            items.len(),
            |i| items[i],
            false,
        )?;
        Ok(Value::from_obj(g))
    }

    /// A new tuple of `n` items produced by `f` (which must not allocate).
    pub fn new_tuple_with(&mut self, n: usize, f: impl FnMut(usize) -> Value) -> PyResult<Value> {
        if n == 0 {
            return Ok(self.empty_tuple);
        }
        let ty = self.types.tuple;
        let g = self.alloc_var(
            TupleHead {
                header: Header::new(ty),
            },
            n,
            f,
            false,
        )?;
        Ok(Value::from_obj(g))
    }
}
