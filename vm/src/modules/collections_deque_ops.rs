//! The operators of `collections.deque` (comparisons, `+`, `*` and their in-place forms),
//! installed on the class as Python-level special methods.

use super::{TAG, W_TAG, append, clear, copy_of, extend, is_deque, maxlen, snapshot, this};
use crate::native_types::NativeObj;
use crate::obj::tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use frontend::bytecode::Comparison;

fn compare(vm: &mut Vm, a: &[Value], op: Comparison) -> PyResult<Value> {
    let (Some(&x), Some(&y)) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("expected 2 arguments"));
    };
    if !is_deque(x) || !is_deque(y) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let tx = snapshot(vm, x.as_ref::<NativeObj>().expect("deque"))?;
    let ty = snapshot(vm, y.as_ref::<NativeObj>().expect("deque"))?;
    crate::ops::cmp::rich_compare(vm, op, tx, ty)
}

pub(super) fn deque_eq(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Eq)
}

pub(super) fn deque_ne(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Ne)
}

pub(super) fn deque_lt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Lt)
}

pub(super) fn deque_le(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Le)
}

pub(super) fn deque_gt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Gt)
}

pub(super) fn deque_ge(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Ge)
}

pub(super) fn deque_add(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__add__")?;
    let other = a.get(1).copied().unwrap_or(Value::NONE);
    if !is_deque(other) {
        let t = vm.type_name(other);
        return Err(vm.type_error(format!("can only concatenate deque (not \"{t}\") to deque")));
    }
    let n = copy_of(vm, a[0], o)?;
    let no = n
        .as_ref::<NativeObj>()
        .filter(|x| x.words[W_TAG].get() == TAG);
    let Some(no) = no else { return Ok(n) };
    extend(vm, n, no, other, false)?;
    Ok(n)
}

pub(super) fn deque_iadd(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__iadd__")?;
    let other = a.get(1).copied().unwrap_or(Value::NONE);
    extend(vm, a[0], o, other, false)?;
    Ok(a[0])
}

/// A repeat count: an integer, OverflowError beyond the machine range.
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<isize> {
    if !crate::obj::int::is_int(n)
        && crate::ops::attr::call_special(vm, n, "__index__", &[])?.is_none()
    {
        let t = vm.type_name(n);
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{t}'")));
    }
    let b = crate::ops::arith::index_bigint(vm, n)?;
    use num_traits::ToPrimitive;
    b.to_isize()
        .ok_or_else(|| vm.overflow_error("cannot fit 'int' into an index-sized integer"))
}

fn repeat(vm: &mut Vm, o: &NativeObj, n: isize) -> PyResult<()> {
    if n <= 0 {
        clear(o);
        return Ok(());
    }
    let items = snapshot(vm, o)?;
    let k = tuple::items(items).len();
    if k == 0 {
        return Ok(());
    }
    // With a bound only the last `maxlen` items of the repetition survive.
    let total = k.saturating_mul(n as usize);
    match maxlen(o) {
        Some(m) if total > m => {
            clear(o);
            for i in total - m..total {
                append(vm, o, tuple::items(items)[i % k])?;
            }
        }
        _ => {
            for _ in 1..n {
                for &v in tuple::items(items) {
                    append(vm, o, v)?;
                }
            }
        }
    }
    Ok(())
}

pub(super) fn deque_mul(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__mul__")?;
    let n = repeat_count(vm, a.get(1).copied().unwrap_or(Value::NONE))?;
    let r = copy_of(vm, a[0], o)?;
    if let Some(ro) = r
        .as_ref::<NativeObj>()
        .filter(|x| x.words[W_TAG].get() == TAG)
    {
        repeat(vm, ro, n)?;
    }
    Ok(r)
}

pub(super) fn deque_imul(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__imul__")?;
    let n = repeat_count(vm, a.get(1).copied().unwrap_or(Value::NONE))?;
    repeat(vm, o, n)?;
    Ok(a[0])
}
