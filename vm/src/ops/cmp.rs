//! Comparisons, equality, hashing and truth: rich comparison with reflected dunders and
//! `NotImplemented`, numeric comparison across int/float/bool, sequence comparison, CPython's
//! numeric hash (so `hash(1) == hash(1.0)` and int set order matches CPython), and `bool()`.

use crate::obj::int::{is_int, to_bigint};
use crate::obj::list::ListObj;
use crate::obj::set::SetObj;
use crate::obj::tuple::{self};
use crate::obj::{ComplexObj, FloatObj, IntObj, Kind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use core::cmp::Ordering;
use frontend::bytecode::Comparison;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// The modulus of CPython's numeric hash (2**61 - 1 on 64-bit machines).
const HASH_MODULUS: u64 = (1 << 61) - 1;
const HASH_INF: isize = 314_159;

/// A float value, if `v` is a float.
#[inline]
pub fn float_of(v: Value) -> Option<f64> {
    v.as_ref::<FloatObj>().map(|f| f.value)
}

/// Compare two numbers exactly (int, bool, big int, float). `None` when unordered (NaN) or not
/// both numbers.
pub fn num_cmp(a: Value, b: Value) -> Option<Option<Ordering>> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(Some(x.cmp(&y)));
    }
    let fa = float_of(a);
    let fb = float_of(b);
    match (fa, fb) {
        (Some(x), Some(y)) => Some(x.partial_cmp(&y)),
        (Some(x), None) if is_int(b) => Some(float_int_cmp(x, &to_bigint(b)?)),
        (None, Some(y)) if is_int(a) => {
            Some(float_int_cmp(y, &to_bigint(a)?).map(Ordering::reverse))
        }
        (None, None) if is_int(a) && is_int(b) => Some(Some(to_bigint(a)?.cmp(&to_bigint(b)?))),
        _ => None,
    }
}

/// Compare a float with an integer exactly.
fn float_int_cmp(x: f64, i: &BigInt) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let Some(small) = i.to_i64()
        && small.unsigned_abs() < (1 << 53)
    {
        return x.partial_cmp(&(small as f64));
    }
    let fl = libm::floor(x);
    let whole = BigInt::from(fl as i128);
    let whole = if fl.abs() < 1e38 {
        whole
    } else {
        crate::ops::arith::float_to_bigint(fl)
    };
    match whole.cmp(i) {
        Ordering::Equal => Some(if x > fl {
            Ordering::Greater
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

impl Vm {
    /// `a == b` as a bool.
    #[inline]
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b {
            // Identity implies equality except for NaN floats.
            return Ok(float_of(a).is_none_or(|f| !f.is_nan()));
        }
        if a.is_small_int() && b.is_small_int() {
            return Ok(false);
        }
        if let (Some(x), Some(y)) = (self.str_of(a), self.str_of(b)) {
            return Ok(x == y);
        }
        let r = compare(self, Comparison::Eq, a, b)?;
        self.truthy(r)
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: Value) -> PyResult<isize> {
        if let Some(i) = v.as_small_int() {
            return Ok(hash_i64(i as i64));
        }
        if v.as_qstr().is_some() {
            return Ok(self.str_hash(v));
        }
        match v {
            Value::TRUE => return Ok(1),
            Value::FALSE => return Ok(0),
            Value::NONE => return Ok(0xFCA8_6420_u32 as isize),
            _ => {}
        }
        match v.obj_kind() {
            Some(Kind::Str) if !self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE) => {
                Ok(self.str_hash(v))
            }
            Some(Kind::Float) if !self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE) => {
                Ok(hash_float(float_of(v).expect("float")))
            }
            Some(Kind::Int) if !self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE) => {
                Ok(hash_bigint(&v.as_ref::<IntObj>().expect("int").value))
            }
            Some(Kind::Tuple) if !self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE) => {
                self.hash_tuple(tuple::items(v))
            }
            Some(Kind::Type) | Some(Kind::Function) | Some(Kind::Builtin) | Some(Kind::Code)
            | Some(Kind::Module) => Ok(hash_pointer(v)),
            _ => self.hash_slow(v),
        }
    }

    fn hash_slow(&mut self, v: Value) -> PyResult<isize> {
        let ty = self.type_of(v);
        let name = crate::interner::names::HASH;
        match crate::obj::typeobj::lookup(self, &ty, name)? {
            Some(h) if h.is_none() => {
                let t = self.type_name(v);
                Err(self.type_error(format!("unhashable type: '{t}'")))
            }
            Some(h)
                if h.as_ref::<crate::obj::func::BuiltinObj>().is_some()
                    && !matches!(v.obj_kind(), Some(Kind::Instance)) =>
            {
                // A subclass of a built-in value type that did not override __hash__.
                match self.hash_builtin_layout(v) {
                    Some(h) => Ok(h),
                    None => {
                        let r = self.call(h, &[v])?;
                        let i = crate::obj::int::to_bigint(r).ok_or_else(|| {
                            self.type_error("__hash__ method should return an integer")
                        })?;
                        Ok(i.to_isize().unwrap_or_else(|| hash_bigint(&i)))
                    }
                }
            }
            Some(h) => {
                let r = self.call(h, &[v])?;
                match crate::obj::int::to_bigint(r) {
                    Some(i) => {
                        // A result that fits a machine word is used as is (CPython's rule).
                        let h = match i.to_isize() {
                            Some(x) => x,
                            None => hash_bigint(&i),
                        };
                        Ok(if h == -1 { -2 } else { h })
                    }
                    None => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            None => Ok(hash_pointer(v)),
        }
    }

    fn hash_builtin_layout(&mut self, v: Value) -> Option<isize> {
        match v.obj_kind()? {
            Kind::Str => Some(self.str_hash(v)),
            Kind::Float => Some(hash_float(float_of(v)?)),
            Kind::Int => Some(hash_bigint(&v.as_ref::<IntObj>()?.value)),
            Kind::Tuple => self.hash_tuple(tuple::items(v)).ok(),
            Kind::Bytes => Some(crate::obj::str::hash_bytes(self.bytes_of(v)?)),
            _ => None,
        }
    }

    /// CPython's tuple hash (xxHash-based).
    pub fn hash_tuple(&mut self, items: &[Value]) -> PyResult<isize> {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc: u64 = P5;
        for &it in items {
            let lane = self.hash(it)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        Ok(acc as isize)
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        match v {
            Value::TRUE => return Ok(true),
            Value::FALSE | Value::NONE => return Ok(false),
            _ => {}
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if let Some(q) = v.as_qstr() {
            return Ok(!self.interner.get(q).is_empty());
        }
        let heap = self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE);
        if !heap {
            match v.obj_kind() {
                Some(Kind::Str) => return Ok(self.str_char_len(v) != 0),
                Some(Kind::List) => return Ok(!v.as_ref::<ListObj>().expect("list").is_empty()),
                Some(Kind::Tuple) => return Ok(!tuple::items(v).is_empty()),
                Some(Kind::Dict) => {
                    return Ok(!crate::obj::dict::as_dict(v).expect("dict").is_empty());
                }
                Some(Kind::Set) => return Ok(!v.as_ref::<SetObj>().expect("set").is_empty()),
                Some(Kind::Range) => {
                    let r = v.as_ref::<crate::obj::RangeObj>().expect("range");
                    return crate::types::range::range_bool(self, r);
                }
                Some(Kind::Float) => return Ok(float_of(v).expect("float") != 0.0),
                Some(Kind::Int) => return Ok(!v.as_ref::<IntObj>().expect("int").value.is_zero()),
                Some(Kind::Bytes) => return Ok(!self.bytes_of(v).expect("bytes").is_empty()),
                Some(Kind::Complex) => {
                    let c = v.as_ref::<ComplexObj>().expect("complex");
                    return Ok(c.re != 0.0 || c.im != 0.0);
                }
                Some(Kind::Type) | Some(Kind::Function) | Some(Kind::Builtin)
                | Some(Kind::Module) => return Ok(true),
                _ => {}
            }
        }
        if let Some(r) = crate::ops::attr::call_special(self, v, "__bool__", &[])? {
            return match r {
                Value::TRUE => Ok(true),
                Value::FALSE => Ok(false),
                _ => {
                    let t = self.type_name(r);
                    Err(self.type_error(format!("__bool__ should return bool, returned {t}")))
                }
            };
        }
        if let Some(r) = crate::ops::attr::call_special(self, v, "__len__", &[])? {
            let n = crate::ops::arith::index_sized(self, r)?;
            if n < 0 {
                return Err(self.value_error("__len__() should return >= 0"));
            }
            return Ok(n != 0);
        }
        if heap {
            // A subclass of a built-in type without its own __bool__/__len__.
            return match v.obj_kind() {
                Some(Kind::List) => Ok(!v.as_ref::<ListObj>().expect("list").is_empty()),
                Some(Kind::Dict) => Ok(!crate::obj::dict::as_dict(v).expect("dict").is_empty()),
                Some(Kind::Set) => Ok(!v.as_ref::<SetObj>().expect("set").is_empty()),
                Some(Kind::Str) => Ok(self.str_char_len(v) != 0),
                Some(Kind::Float) => Ok(float_of(v).expect("float") != 0.0),
                Some(Kind::Int) => Ok(!v.as_ref::<IntObj>().expect("int").value.is_zero()),
                _ => Ok(true),
            };
        }
        Ok(true)
    }
}

/// CPython's hash of a machine integer.
pub fn hash_i64(i: i64) -> isize {
    // The remainder takes the dividend's sign, as CPython's hash(-x) == -hash(x) requires.
    let h = ((i as i128) % (HASH_MODULUS as i128)) as isize;
    if h == -1 { -2 } else { h }
}

/// CPython's hash of a big integer.
pub fn hash_bigint(b: &BigInt) -> isize {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() {
        -(r as isize)
    } else {
        r as isize
    };
    if h == -1 { -2 } else { h }
}

/// CPython's hash of a float (integral floats hash like the equal int).
pub fn hash_float(x: f64) -> isize {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & HASH_MODULUS) | (h >> (61 - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= HASH_MODULUS {
            h -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    h = ((h << e) & HASH_MODULUS) | (h >> (61 - e));
    let h = if x < 0.0 { -(h as isize) } else { h as isize };
    if h == -1 { -2 } else { h }
}

fn frexp(x: f64) -> (f64, i32) {
    let (m, e) = libm::frexp(x);
    (m, e)
}

/// Hash of an object compared by identity.
pub fn hash_pointer(v: Value) -> isize {
    let p = v.bits();
    ((p >> 4) | (p << (usize::BITS - 4))) as isize
}

fn reflected(op: Comparison) -> Comparison {
    match op {
        Comparison::Lt => Comparison::Gt,
        Comparison::Le => Comparison::Ge,
        Comparison::Gt => Comparison::Lt,
        Comparison::Ge => Comparison::Le,
        other => other,
    }
}

fn dunder(op: Comparison) -> &'static str {
    match op {
        Comparison::Lt => "__lt__",
        Comparison::Le => "__le__",
        Comparison::Eq => "__eq__",
        Comparison::Ne => "__ne__",
        Comparison::Gt => "__gt__",
        Comparison::Ge => "__ge__",
        _ => "",
    }
}

fn ord_result(op: Comparison, o: Ordering) -> bool {
    match op {
        Comparison::Lt => o == Ordering::Less,
        Comparison::Le => o != Ordering::Greater,
        Comparison::Eq => o == Ordering::Equal,
        Comparison::Ne => o != Ordering::Equal,
        Comparison::Gt => o == Ordering::Greater,
        Comparison::Ge => o != Ordering::Less,
        _ => false,
    }
}

/// `a <op> b` for any comparison operator.
pub fn compare(vm: &mut Vm, op: Comparison, a: Value, b: Value) -> PyResult<Value> {
    match op {
        Comparison::Is => return Ok(Value::from_bool(a == b)),
        Comparison::IsNot => return Ok(Value::from_bool(a != b)),
        Comparison::In => return Ok(Value::from_bool(crate::ops::subscr::contains(vm, b, a)?)),
        Comparison::NotIn => return Ok(Value::from_bool(!crate::ops::subscr::contains(vm, b, a)?)),
        _ => {}
    }
    rich_compare(vm, op, a, b)
}

/// Rich comparison (`<`, `<=`, `==`, `!=`, `>`, `>=`).
pub fn rich_compare(vm: &mut Vm, op: Comparison, a: Value, b: Value) -> PyResult<Value> {
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let user = ta.has(crate::obj::typeobj::flags::HEAPTYPE)
        || tb.has(crate::obj::typeobj::flags::HEAPTYPE);
    if !user && let Some(r) = builtin_compare(vm, op, a, b)? {
        return Ok(Value::from_bool(r));
    }
    // Reflected first when b's type is a proper subclass of a's type that overrides it.
    let b_sub = tb != ta && crate::obj::typeobj::is_subtype(&tb, Value::from_obj(ta));
    let name = dunder(op);
    if b_sub && let Some(r) = try_dunder(vm, b, dunder(reflected(op)), a)? {
        return Ok(r);
    }
    if let Some(r) = try_dunder(vm, a, name, b)? {
        return Ok(r);
    }
    if !b_sub && let Some(r) = try_dunder(vm, b, dunder(reflected(op)), a)? {
        return Ok(r);
    }
    if op == Comparison::Ne {
        // The default __ne__ inverts __eq__.
        let eq = rich_compare_dunders(vm, Comparison::Eq, a, b, b_sub)?;
        if let Some(r) = eq {
            let t = vm.truthy(r)?;
            return Ok(Value::from_bool(!t));
        }
    }
    if user && let Some(r) = builtin_compare(vm, op, a, b)? {
        return Ok(Value::from_bool(r));
    }
    match op {
        Comparison::Eq => Ok(Value::from_bool(a == b)),
        Comparison::Ne => Ok(Value::from_bool(a != b)),
        _ => {
            let (x, y) = (vm.type_name(a), vm.type_name(b));
            Err(vm.type_error(format!(
                "'{}' not supported between instances of '{x}' and '{y}'",
                op.symbol()
            )))
        }
    }
}

/// The forward then reflected user dunders of `op` (no built-in fallback).
fn rich_compare_dunders(
    vm: &mut Vm,
    op: Comparison,
    a: Value,
    b: Value,
    b_sub: bool,
) -> PyResult<Option<Value>> {
    if b_sub && let Some(r) = try_dunder(vm, b, dunder(reflected(op)), a)? {
        return Ok(Some(r));
    }
    if let Some(r) = try_dunder(vm, a, dunder(op), b)? {
        return Ok(Some(r));
    }
    if !b_sub {
        return try_dunder(vm, b, dunder(reflected(op)), a);
    }
    Ok(None)
}

fn try_dunder(vm: &mut Vm, obj: Value, name: &str, other: Value) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    if !ty.has(crate::obj::typeobj::flags::HEAPTYPE) {
        return Ok(None);
    }
    let n = vm.intern(name);
    let Some(f) = crate::obj::typeobj::lookup(vm, &ty, n)? else {
        return Ok(None);
    };
    if f.as_ref::<crate::obj::func::BuiltinObj>().is_some() {
        return Ok(None);
    }
    let r = vm.call(f, &[obj, other])?;
    if r == Value::NOT_IMPLEMENTED {
        return Ok(None);
    }
    Ok(Some(r))
}

/// Comparison of built-in values: `Ok(None)` when the types don't compare natively.
pub fn builtin_compare(vm: &mut Vm, op: Comparison, a: Value, b: Value) -> PyResult<Option<bool>> {
    if let Some(ord) = num_cmp(a, b) {
        return Ok(Some(match ord {
            Some(o) => ord_result(op, o),
            None => op == Comparison::Ne,
        }));
    }
    if let (Some(x), Some(y)) = (vm.str_of(a), vm.str_of(b)) {
        return Ok(Some(ord_result(op, x.cmp(y))));
    }
    let (ka, kb) = (a.obj_kind(), b.obj_kind());
    if (ka == Some(Kind::MemoryView) || kb == Some(Kind::MemoryView))
        && matches!(op, Comparison::Eq | Comparison::Ne)
        && let Some(eq) = crate::types::memoryview::values_equal(vm, a, b)?
    {
        return Ok(Some(if op == Comparison::Eq { eq } else { !eq }));
    }
    if let (Some(x), Some(y)) = (
        a.as_ref::<crate::obj::BoundMethodObj>(),
        b.as_ref::<crate::obj::BoundMethodObj>(),
    ) && matches!(op, Comparison::Eq | Comparison::Ne)
    {
        let eq = x.self_ == y.self_ && (x.func == y.func || vm.eq(x.func, y.func)?);
        return Ok(Some(if op == Comparison::Eq { eq } else { !eq }));
    }
    if (ka == Some(Kind::DictView) || kb == Some(Kind::DictView))
        && let Some(r) = crate::types::dict::view_compare(vm, op, a, b)?
    {
        return Ok(Some(r));
    }
    if let (Some(x), Some(y)) = (
        a.as_ref::<crate::obj::SliceObj>(),
        b.as_ref::<crate::obj::SliceObj>(),
    ) {
        let t1 = vm.new_tuple(&[x.start, x.stop, x.step])?;
        let t2 = vm.new_tuple(&[y.start, y.stop, y.step])?;
        let r = rich_compare(vm, op, t1, t2)?;
        return vm.truthy(r).map(Some);
    }
    match (ka, kb) {
        (Some(Kind::Complex), _) | (_, Some(Kind::Complex)) => {
            if !matches!(op, Comparison::Eq | Comparison::Ne) {
                return Ok(None);
            }
            let (Some(x), Some(y)) = (
                crate::ops::arith::complex_of(a),
                crate::ops::arith::complex_of(b),
            ) else {
                return Ok(None);
            };
            let eq = x == y;
            Ok(Some(if op == Comparison::Eq { eq } else { !eq }))
        }
        (Some(Kind::Tuple), Some(Kind::Tuple)) => {
            seq_compare(vm, op, tuple::items(a), tuple::items(b)).map(Some)
        }
        (Some(Kind::List), Some(Kind::List)) => {
            let la =
                crate::interp::frame::cells_as_values(a.as_ref::<ListObj>().expect("list").items());
            let lb =
                crate::interp::frame::cells_as_values(b.as_ref::<ListObj>().expect("list").items());
            // Copy into tuples: comparing may run code that mutates the lists.
            let ta = vm.new_tuple(la)?;
            let tb = vm.new_tuple(lb)?;
            seq_compare(vm, op, tuple::items(ta), tuple::items(tb)).map(Some)
        }
        (Some(Kind::Bytes) | Some(Kind::ByteArray), Some(Kind::Bytes) | Some(Kind::ByteArray)) => {
            let x = crate::ops::buffer::bytes_like(vm, a).expect("bytes");
            let y = crate::ops::buffer::bytes_like(vm, b).expect("bytes");
            Ok(Some(ord_result(op, x.as_slice().cmp(y.as_slice()))))
        }
        (Some(Kind::Dict), Some(Kind::Dict)) => {
            if !matches!(op, Comparison::Eq | Comparison::Ne) {
                return Ok(None);
            }
            let eq = crate::ops::subscr::dict_equal(vm, a, b)?;
            Ok(Some(if op == Comparison::Eq { eq } else { !eq }))
        }
        (Some(Kind::Set), Some(Kind::Set)) => {
            crate::ops::subscr::set_compare(vm, op, a, b).map(Some)
        }
        (Some(Kind::Range), Some(Kind::Range)) if matches!(op, Comparison::Eq | Comparison::Ne) => {
            let eq = crate::ops::subscr::range_equal(vm, a, b)?;
            Ok(Some(if op == Comparison::Eq { eq } else { !eq }))
        }
        _ => {
            if matches!(op, Comparison::Eq | Comparison::Ne) && vm.type_of(a) != vm.type_of(b) {
                // Different built-in types are simply unequal (unless a dunder said otherwise).
                if !(a.is_obj()
                    && b.is_obj()
                    && vm.type_of(a).has(crate::obj::typeobj::flags::HEAPTYPE))
                {
                    let eq = a == b;
                    return Ok(Some(if op == Comparison::Eq { eq } else { !eq }));
                }
            }
            if matches!(op, Comparison::Eq | Comparison::Ne)
                && vm.type_of(a) == vm.type_of(b)
                && !vm.type_of(a).has(crate::obj::typeobj::flags::HEAPTYPE)
            {
                let eq = a == b || crate::ops::subscr::value_equal_builtin(vm, a, b)?;
                return Ok(Some(if op == Comparison::Eq { eq } else { !eq }));
            }
            Ok(None)
        }
    }
}

fn seq_compare(vm: &mut Vm, op: Comparison, a: &[Value], b: &[Value]) -> PyResult<bool> {
    for (x, y) in a.iter().zip(b) {
        if x == y {
            continue;
        }
        if !vm.eq(*x, *y)? {
            return match op {
                Comparison::Eq => Ok(false),
                Comparison::Ne => Ok(true),
                _ => {
                    let r = rich_compare(vm, op, *x, *y)?;
                    vm.truthy(r)
                }
            };
        }
    }
    Ok(ord_result(op, a.len().cmp(&b.len())))
}
