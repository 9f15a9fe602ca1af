//! `array.array` item access by index and slice, its repr, and its operators (comparisons,
//! `+`, `*` and their in-place forms, installed on the class as Python-level special methods).

use super::*;

fn int_index(vm: &mut Vm, key: Value) -> PyResult<isize> {
    if !crate::obj::int::is_int(key)
        && crate::ops::attr::call_special(vm, key, "__index__", &[])?.is_none()
    {
        return Err(vm.type_error("array indices must be integers"));
    }
    crate::ops::arith::index_of(vm, key)
}

fn in_range(i: isize, n: usize) -> Option<usize> {
    let j = if i < 0 { i + n as isize } else { i };
    if j < 0 || j >= n as isize {
        None
    } else {
        Some(j as usize)
    }
}

/// Resolved slice bounds (`__index__` methods run first, so the length is checked after).
fn slice_of(vm: &mut Vm, o: &NativeObj, s: &SliceObj) -> PyResult<(isize, isize, isize, usize)> {
    let n = count(o);
    let r = crate::ops::subscr::slice_indices(vm, s, n)?;
    if count(o) != n {
        return Err(vm.runtime_error("array changed size during slicing"));
    }
    Ok(r)
}

/// An `array.array` itself (a subclass may define its own `__getitem__`/`__setitem__`).
fn exact_array(vm: &Vm, obj: Value) -> Option<&'static NativeObj> {
    let o = as_array(obj)?;
    // The array type's MRO is (array, object); a subclass's is longer.
    (crate::obj::tuple::items(vm.type_of(obj).mro.get()).len() == 2).then_some(o)
}

/// `a[i]` for an array and an int index without a method call: the interpreter's fast path
/// (`None`: not that case).
pub fn fast_getitem(vm: &mut Vm, obj: Value, key: Value) -> Option<PyResult<Value>> {
    let o = exact_array(vm, obj)?;
    let i = key.as_small_int()?;
    Some(match in_range(i, count(o)) {
        Some(j) => item(vm, o, j),
        None => Err(vm.index_error("array index out of range")),
    })
}

/// `a[i] = v` for an array and an int index without a method call (`None`: not that case).
pub fn fast_setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> Option<PyResult<()>> {
    let o = exact_array(vm, obj)?;
    let i = key.as_small_int()?;
    let size = itemsize(code(o));
    Some(
        encode(vm, code(o), v).and_then(|(w, n)| match in_range(i, count(o)) {
            Some(j) => {
                o.blob.borrow_mut()[j * size..j * size + n].copy_from_slice(&w[..n]);
                Ok(())
            }
            None => Err(vm.index_error("array assignment index out of range")),
        }),
    )
}

pub(super) fn array_getitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__getitem__")?;
    let key = one_arg(vm, "array.__getitem__", a, kw)?;
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, _, step, k) = slice_of(vm, o, s)?;
        let size = itemsize(code(o));
        let bytes: Vec<u8> = {
            let blob = o.blob.borrow();
            let mut out = Vec::with_capacity(k * size);
            for j in 0..k {
                let p = (start + j as isize * step) as usize * size;
                out.extend_from_slice(&blob[p..p + size]);
            }
            out
        };
        return new_plain(vm, code(o), bytes);
    }
    let i = int_index(vm, key)?;
    match in_range(i, count(o)) {
        Some(j) => item(vm, o, j),
        None => Err(vm.index_error("array index out of range")),
    }
}

pub(super) fn array_setitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__setitem__")?;
    let [key, v] = pos_args(vm, "__setitem__", a, kw, 2)?;
    let size = itemsize(code(o));
    if let Some(s) = key.as_ref::<SliceObj>() {
        let Some(src) = as_array(v) else {
            let t = vm.type_name(v);
            return Err(vm.type_error(format!(
                "can only assign array (not \"{t}\") to array slice"
            )));
        };
        if code(src) != code(o) {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let data = src.blob.borrow().clone();
        let (start, stop, step, k) = slice_of(vm, o, s)?;
        let m = data.len() / size;
        let mut blob = o.blob.borrow_mut();
        if step == 1 {
            let stop = stop.max(start) as usize;
            blob.splice(start as usize * size..stop * size, data);
        } else if m == k {
            for j in 0..k {
                let p = (start + j as isize * step) as usize * size;
                blob[p..p + size].copy_from_slice(&data[j * size..j * size + size]);
            }
        } else {
            drop(blob);
            return Err(vm.value_error(format!(
                "attempt to assign array of size {m} to extended slice of size {k}"
            )));
        }
        return Ok(Value::NONE);
    }
    let i = int_index(vm, key)?;
    let (w, n) = encode(vm, code(o), v)?;
    let Some(j) = in_range(i, count(o)) else {
        return Err(vm.index_error("array assignment index out of range"));
    };
    o.blob.borrow_mut()[j * size..j * size + n].copy_from_slice(&w[..n]);
    Ok(Value::NONE)
}

pub(super) fn array_delitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__delitem__")?;
    let key = one_arg(vm, "array.__delitem__", a, kw)?;
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, _, step, k) = slice_of(vm, o, s)?;
        let mut idx: Vec<usize> = (0..k)
            .map(|j| (start + j as isize * step) as usize)
            .collect();
        idx.sort_unstable();
        for &i in idx.iter().rev() {
            delete_range(o, i, 1);
        }
        return Ok(Value::NONE);
    }
    let i = int_index(vm, key)?;
    match in_range(i, count(o)) {
        Some(j) => {
            delete_range(o, j, 1);
            Ok(Value::NONE)
        }
        None => Err(vm.index_error("array assignment index out of range")),
    }
}

pub(super) fn array_repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__repr__")?;
    no_args(vm, "array.__repr__", a, kw)?;
    let name = vm.type_of(a[0]).name_str(vm);
    let tc = code(o);
    if count(o) == 0 {
        return vm.new_str(&format!("{name}('{tc}')"));
    }
    if repr_enter(vm, a[0])? {
        return vm.new_str("...");
    }
    let inner = (|| {
        if tc == 'u' {
            let s = array_tounicode(vm, &a[..1], Value::NULL)?;
            vm.repr_text(s)
        } else {
            let l = array_tolist(vm, &a[..1], Value::NULL)?;
            vm.repr_text(l)
        }
    })();
    repr_leave(vm, a[0]);
    let inner = inner?;
    vm.new_str(&format!("{name}('{tc}', {inner})"))
}

// ---- operators (installed as Python-level dunders) ----

fn compare(vm: &mut Vm, a: &[Value], op: Comparison) -> PyResult<Value> {
    let (Some(x), Some(y)) = (
        a.first().and_then(|v| as_array(*v)),
        a.get(1).and_then(|v| as_array(*v)),
    ) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let tx = items(vm, x)?;
    let ty = items(vm, y)?;
    crate::ops::cmp::rich_compare(vm, op, tx, ty)
}

pub(super) fn array_eq(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Eq)
}

pub(super) fn array_ne(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Ne)
}

pub(super) fn array_lt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Lt)
}

pub(super) fn array_le(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Le)
}

pub(super) fn array_gt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Gt)
}

pub(super) fn array_ge(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, Comparison::Ge)
}

pub(super) fn array_add(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__add__")?;
    let other = a.get(1).copied().unwrap_or(Value::NONE);
    let Some(src) = as_array(other) else {
        let t = vm.type_name(other);
        return Err(vm.type_error(format!("can only append array (not \"{t}\") to array")));
    };
    if code(src) != code(o) {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut b = o.blob.borrow().clone();
    b.extend_from_slice(&src.blob.borrow());
    new_plain(vm, code(o), b)
}

pub(super) fn array_iadd(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__iadd__")?;
    let other = a.get(1).copied().unwrap_or(Value::NONE);
    if as_array(other).is_none() {
        let t = vm.type_name(other);
        return Err(vm.type_error(format!("can only extend array with array (not \"{t}\")")));
    }
    extend_checked(vm, o, other)?;
    Ok(a[0])
}

fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<usize> {
    if !crate::obj::int::is_int(n)
        && crate::ops::attr::call_special(vm, n, "__index__", &[])?.is_none()
    {
        let t = vm.type_name(n);
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{t}'")));
    }
    let b = crate::ops::arith::index_bigint(vm, n)?;
    match b.to_isize() {
        Some(k) => Ok(k.max(0) as usize),
        None if b.is_negative() => Ok(0),
        None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

fn repeated(vm: &mut Vm, o: &NativeObj, n: usize) -> PyResult<Vec<u8>> {
    let b = o.blob.borrow().clone();
    let total = b
        .len()
        .checked_mul(n)
        .filter(|&t| t <= isize::MAX as usize / 2);
    let Some(total) = total else {
        return Err(vm.memory_error());
    };
    if total > vm.heap.total_bytes().max(1 << 20) * 4 {
        return Err(vm.memory_error());
    }
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(&b);
    }
    Ok(out)
}

pub(super) fn array_mul(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__mul__")?;
    let n = repeat_count(vm, a.get(1).copied().unwrap_or(Value::NONE))?;
    let b = repeated(vm, o, n)?;
    new_plain(vm, code(o), b)
}

pub(super) fn array_imul(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__imul__")?;
    let n = repeat_count(vm, a.get(1).copied().unwrap_or(Value::NONE))?;
    let b = repeated(vm, o, n)?;
    *o.blob.borrow_mut() = b;
    Ok(a[0])
}
