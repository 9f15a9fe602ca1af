//! `int`: small ints are tagged values; larger ones are `IntObj`s holding a `BigInt`.
//! Every operation that can leave the small range goes through `Vm::int_from_big`, which
//! normalises back to a small int when the result fits.

use super::{Header, IntObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// An int value as a `BigInt` (small or big), or `None` if not an int (bools count as ints).
pub fn to_bigint(v: Value) -> Option<BigInt> {
    if let Some(i) = v.as_small_int() {
        return Some(BigInt::from(i));
    }
    if v == Value::TRUE {
        return Some(BigInt::from(1));
    }
    if v == Value::FALSE {
        return Some(BigInt::from(0));
    }
    v.as_ref::<IntObj>().map(|o| o.value.clone())
}

/// An int value as a borrowed `BigInt` when it is a big int, or an owned one for small ints and
/// bools (so arithmetic on big ints does not copy its operands).
pub fn bigint_ref(v: Value) -> Option<alloc::borrow::Cow<'static, BigInt>> {
    use alloc::borrow::Cow;
    if let Some(o) = v.as_ref::<IntObj>() {
        return Some(Cow::Borrowed(&o.value));
    }
    to_bigint(v).map(Cow::Owned)
}

/// An int value as `i64` when it fits.
pub fn to_i64(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i as i64);
    }
    if v.is_bool() {
        return Some((v == Value::TRUE) as i64);
    }
    v.as_ref::<IntObj>().and_then(|o| o.value.to_i64())
}

/// Is `v` an int (including bool and big ints)?
pub fn is_int(v: Value) -> bool {
    v.is_small_int() || v.is_bool() || v.as_ref::<IntObj>().is_some()
}

impl Vm {
    /// An int value from a `BigInt`, small when it fits.
    pub fn int_from_big(&mut self, b: BigInt) -> PyResult<Value> {
        if let Some(i) = b.to_i64()
            && let Some(v) = Value::try_small_int(i)
        {
            return Ok(v);
        }
        let ty = self.types.int;
        // The digits live outside the GC heap until the finaliser frees them: count them
        // towards the next collection so garbage big ints do not pile up in the allocator.
        self.allocated_since_gc += (b.bits() / 8) as usize + 32;
        let g = self.alloc(
            IntObj {
                header: Header::new(ty),
                value: b,
            },
            true,
        )?;
        Ok(Value::from_obj(g))
    }

    /// An int value from an `i64`.
    #[inline]
    pub fn int_from_i64(&mut self, i: i64) -> PyResult<Value> {
        match Value::try_small_int(i) {
            Some(v) => Ok(v),
            None => self.int_from_big(BigInt::from(i)),
        }
    }

    /// An int value from an `i128`.
    pub fn int_from_i128(&mut self, i: i128) -> PyResult<Value> {
        match i64::try_from(i) {
            Ok(i) => self.int_from_i64(i),
            Err(_) => self.int_from_big(BigInt::from(i)),
        }
    }
}
