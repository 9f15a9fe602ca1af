//! The `array` module: `array.array(typecode[, initializer])`, a sequence of machine numbers
//! (typecodes `b B u h H i I l L q Q f d`) kept as native-endian bytes in a `NativeObj` blob,
//! and its iterator.
//!
//! Layout: the blob holds the items; word 0 = the typecode (as a `char`), word 1 = `TAG`,
//! word 3 = 1 (the blob is the object's buffer, so `bytes(a)`, `memoryview(a)` and every
//! bytes-like consumer see the items). Iterator: slot 0 = the array, word 0 = position,
//! word 3 = `ITER_TAG`.

use super::collections::{
    library_type, native_self, new_instance, no_args, one_arg, pos_args, python_dunders,
    register_types, registered_type, registered_types, repr_enter, repr_leave,
};
use crate::native_types::NativeObj;
use crate::obj::typeobj::flags as tflags;
use crate::obj::{SliceObj, tuple};
use crate::types::{ExcKind, method, staticmethod};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use frontend::bytecode::Comparison;
use num_traits::{Signed, ToPrimitive};

#[path = "array_ops.rs"]
mod operators;
pub use operators::{fast_getitem, fast_setitem};

const TAG: usize = 0x6172_7261;
const ITER_TAG: usize = 0x6172_6974;
const W_CODE: usize = 0;
const W_TAG: usize = 1;
const NAME: &str = "array.array";
const TYPECODES: &str = "bBuhHiIlLqQfd";
const REGISTRY: &str = "__array_types__";

/// Build the `array` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("array")?;
    let d = vm.module_dict(m);
    let types = match registered_types(vm, REGISTRY)? {
        Some(t) => t,
        None => {
            let ty = library_type(vm, "array", "array", METHODS)?;
            ty.flags.set(ty.flags.get() | tflags::SEQUENCE);
            vm.dict_set_str(ty.dict.get(), "__hash__", Value::NONE)?;
            let prop = Value::from_obj(vm.types.property);
            for (name, f) in [
                ("typecode", array_typecode as crate::obj::func::NativeFn),
                ("itemsize", array_itemsize),
            ] {
                let g = vm.new_builtin(name, f, 0, m)?;
                let p = vm.call(prop, &[g])?;
                vm.dict_set_str(ty.dict.get(), name, p)?;
            }
            python_dunders(
                vm,
                m,
                ty,
                &[
                    ("__eq__", operators::array_eq),
                    ("__ne__", operators::array_ne),
                    ("__lt__", operators::array_lt),
                    ("__le__", operators::array_le),
                    ("__gt__", operators::array_gt),
                    ("__ge__", operators::array_ge),
                    ("__add__", operators::array_add),
                    ("__iadd__", operators::array_iadd),
                    ("__mul__", operators::array_mul),
                    ("__rmul__", operators::array_mul),
                    ("__imul__", operators::array_imul),
                ],
            )?;
            let it = library_type(vm, "arrayiterator", "array", ITER_METHODS)?;
            register_types(vm, REGISTRY, &[Value::from_obj(ty), Value::from_obj(it)])?;
            registered_types(vm, REGISTRY)?.unwrap_or(Value::NONE)
        }
    };
    let ty = tuple::items(types).first().copied().unwrap_or(Value::NONE);
    vm.dict_set_str(d, "array", ty)?;
    vm.dict_set_str(d, "ArrayType", ty)?;
    let tc = vm.new_str(TYPECODES)?;
    vm.dict_set_str(d, "typecodes", tc)?;
    Ok(m)
}

const METHODS: &[crate::types::MethodDef] = &[
    staticmethod("__new__", array_new),
    method("append", array_append),
    method("extend", array_extend),
    method("insert", array_insert),
    method("pop", array_pop),
    method("remove", array_remove),
    method("index", array_index),
    method("count", array_count),
    method("reverse", array_reverse),
    method("byteswap", array_byteswap),
    method("buffer_info", array_buffer_info),
    method("tobytes", array_tobytes),
    method("frombytes", array_frombytes),
    method("tolist", array_tolist),
    method("fromlist", array_fromlist),
    method("tounicode", array_tounicode),
    method("fromunicode", array_fromunicode),
    method("__copy__", array_copy),
    method("__deepcopy__", array_deepcopy),
    method("__len__", array_len),
    method("__iter__", array_iter),
    method("__getitem__", operators::array_getitem),
    method("__setitem__", operators::array_setitem),
    method("__delitem__", operators::array_delitem),
    method("__contains__", array_contains),
    method("__repr__", operators::array_repr),
];

const ITER_METHODS: &[crate::types::MethodDef] =
    &[method("__iter__", iter_iter), method("__next__", iter_next)];

// ---- items ----

/// Bytes per item: C's sizes on this target, so `l`/`L` (C `long`) take 4 bytes on 32-bit
/// machines as in MicroPython and a 32-bit CPython, and 8 on 64-bit Unix.
fn itemsize(tc: char) -> usize {
    match tc {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' | 'u' => 4,
        'l' | 'L' => core::mem::size_of::<core::ffi::c_long>(),
        _ => 8,
    }
}

fn this(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static NativeObj> {
    native_self(vm, a, W_TAG, TAG, NAME, name)
}

fn as_array(v: Value) -> Option<&'static NativeObj> {
    v.as_ref::<NativeObj>()
        .filter(|o| o.words[W_TAG].get() == TAG)
}

fn code(o: &NativeObj) -> char {
    char::from_u32(o.words[W_CODE].get() as u32).unwrap_or('b')
}

fn count(o: &NativeObj) -> usize {
    o.blob.borrow().len() / itemsize(code(o))
}

/// Decode one item from its bytes.
fn decode(vm: &mut Vm, tc: char, b: &[u8]) -> PyResult<Value> {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let (w2, w4) = ([w[0], w[1]], [w[0], w[1], w[2], w[3]]);
    Ok(match tc {
        'b' => Value::small_int(w[0] as i8 as isize),
        'B' => Value::small_int(w[0] as isize),
        'h' => Value::small_int(i16::from_ne_bytes(w2) as isize),
        'H' => Value::small_int(u16::from_ne_bytes(w2) as isize),
        'i' => vm.int_from_i64(i32::from_ne_bytes(w4) as i64)?,
        'I' => vm.int_from_i64(u32::from_ne_bytes(w4) as i64)?,
        'l' if b.len() == 4 => vm.int_from_i64(i32::from_ne_bytes(w4) as i64)?,
        'L' if b.len() == 4 => vm.int_from_i64(u32::from_ne_bytes(w4) as i64)?,
        'l' | 'q' => vm.int_from_i64(i64::from_ne_bytes(w))?,
        'L' | 'Q' => vm.int_from_i128(u64::from_ne_bytes(w) as i128)?,
        'f' => vm.new_float(f32::from_ne_bytes(w4) as f64)?,
        'd' => vm.new_float(f64::from_ne_bytes(w))?,
        _ => {
            let c = char::from_u32(u32::from_ne_bytes(w4)).unwrap_or('\u{fffd}');
            let mut buf = [0u8; 4];
            vm.new_str(c.encode_utf8(&mut buf))?
        }
    })
}

/// Item `i` (in range) as a Python value.
fn item(vm: &mut Vm, o: &NativeObj, i: usize) -> PyResult<Value> {
    let tc = code(o);
    let n = itemsize(tc);
    let mut w = [0u8; 8];
    {
        let blob = o.blob.borrow();
        w[..n].copy_from_slice(&blob[i * n..i * n + n]);
    }
    decode(vm, tc, &w[..n])
}

/// Convert a Python value to the bytes of one item.
fn encode(vm: &mut Vm, tc: char, v: Value) -> PyResult<([u8; 8], usize)> {
    let mut w = [0u8; 8];
    let n = itemsize(tc);
    match tc {
        'f' | 'd' => {
            let x = real(vm, v)?;
            if tc == 'f' {
                w[..4].copy_from_slice(&(x as f32).to_ne_bytes());
            } else {
                w.copy_from_slice(&x.to_ne_bytes());
            }
        }
        'u' => {
            let c = vm.str_of(v).and_then(|s| {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            });
            let Some(c) = c else {
                return Err(vm.type_error("array item must be unicode character"));
            };
            w[..4].copy_from_slice(&(c as u32).to_ne_bytes());
        }
        _ => {
            let b = crate::ops::arith::index_bigint(vm, v)?;
            let neg = b.is_negative();
            let (lo, hi, what): (i128, i128, &str) = match tc {
                'b' => (-128, 127, "signed char"),
                'B' => (0, 255, "unsigned byte integer"),
                'h' => (-32768, 32767, "signed short integer"),
                'H' => (0, 65535, "unsigned short"),
                'i' => (i32::MIN as i128, i32::MAX as i128, "signed integer"),
                'I' => (0, u32::MAX as i128, "unsigned int"),
                'l' => (
                    core::ffi::c_long::MIN as i128,
                    core::ffi::c_long::MAX as i128,
                    "",
                ),
                'L' => (0, core::ffi::c_ulong::MAX as i128, ""),
                'q' => (i64::MIN as i128, i64::MAX as i128, ""),
                _ => (0, u64::MAX as i128, ""),
            };
            let x = b.to_i128().filter(|x| *x >= lo && *x <= hi);
            let Some(x) = x else {
                let msg = match tc {
                    'I' | 'L' if neg => {
                        String::from("can't convert negative value to unsigned int")
                    }
                    'Q' if neg => String::from("can't convert negative int to unsigned"),
                    'l' => String::from("Python int too large to convert to C long"),
                    'L' => String::from("Python int too large to convert to C unsigned long"),
                    'q' | 'Q' => String::from("int too big to convert"),
                    _ if neg => format!("{what} is less than minimum"),
                    _ => format!("{what} is greater than maximum"),
                };
                return Err(vm.overflow_error(msg));
            };
            w[..n].copy_from_slice(&(x as u64).to_ne_bytes()[..n]);
            if cfg!(target_endian = "big") {
                w[..n].copy_from_slice(&(x as u64).to_be_bytes()[8 - n..]);
            }
        }
    }
    Ok((w, n))
}

/// A float for a `'f'`/`'d'` item.
fn real(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(x) = crate::ops::arith::to_f64(vm, v)? {
        return Ok(x);
    }
    if let Some(r) = crate::ops::attr::call_special(vm, v, "__float__", &[])? {
        if let Some(x) = crate::ops::cmp::float_of(r) {
            return Ok(x);
        }
        let t = vm.type_name(r);
        return Err(vm.type_error(format!("__float__ returned non-float (type {t})")));
    }
    if crate::ops::attr::call_special(vm, v, "__index__", &[])?.is_some() {
        let b = crate::ops::arith::index_bigint(vm, v)?;
        let x = crate::ops::arith::bigint_to_f64(&b);
        if x.is_infinite() {
            return Err(vm.overflow_error("int too large to convert to float"));
        }
        return Ok(x);
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {t}")))
}

fn push(vm: &mut Vm, o: &NativeObj, v: Value) -> PyResult<()> {
    let (w, n) = encode(vm, code(o), v)?;
    o.blob.borrow_mut().extend_from_slice(&w[..n]);
    Ok(())
}

/// All items as a tuple.
fn items(vm: &mut Vm, o: &NativeObj) -> PyResult<Value> {
    let n = count(o);
    let t = vm.new_tuple_with(n, |_| Value::NONE)?;
    for i in 0..n {
        // Allocation can run `__del__` methods, which could shrink the array.
        if i >= count(o) {
            break;
        }
        let v = item(vm, o, i)?;
        crate::gc::tuple_fill(t, i, v);
    }
    Ok(t)
}

/// A new empty array of class `cls` with typecode `tc`.
fn new_array(vm: &mut Vm, cls: Value, tc: char) -> PyResult<&'static NativeObj> {
    let base = registered_type(vm, REGISTRY, 0)?;
    let o = new_instance(vm, &[cls], base, NAME)?;
    o.words[W_CODE].set(tc as usize);
    o.words[W_TAG].set(TAG);
    o.words[3].set(1);
    Ok(o)
}

fn new_plain(vm: &mut Vm, tc: char, bytes: Vec<u8>) -> PyResult<Value> {
    let base = registered_type(vm, REGISTRY, 0)?;
    let o = new_array(vm, Value::from_obj(base), tc)?;
    *o.blob.borrow_mut() = bytes;
    Ok(Value::from_ref(o))
}

// ---- construction ----

fn array_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if !tuple::items(kw).is_empty() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let given = a.len().saturating_sub(1);
    if given == 0 {
        return Err(vm.type_error("array() takes at least 1 argument (0 given)"));
    }
    if given > 2 {
        return Err(vm.type_error(format!("array() takes at most 2 arguments ({given} given)")));
    }
    let tc = match vm.str_of(a[1]) {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('?'),
        _ => {
            let t = vm.type_name(a[1]);
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {t}"
            )));
        }
    };
    if !TYPECODES.contains(tc) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let init = a.get(2).copied().unwrap_or(Value::NONE);
    if vm.is_str(init) && tc != 'u' {
        return Err(vm.type_error(format!(
            "cannot use a str to initialize an array with typecode '{tc}'"
        )));
    }
    if as_array(init).is_some_and(|src| code(src) == 'u') && tc != 'u' {
        return Err(vm.type_error(format!(
            "cannot use a unicode array to initialize an array with typecode '{tc}'"
        )));
    }
    let o = new_array(vm, a[0], tc)?;
    let ov = Value::from_ref(o);
    if init.is_none() {
        return Ok(ov);
    }
    if let Some(s) = vm.str_of(init) {
        let s = String::from(s);
        from_unicode(o, &s);
    } else if matches!(
        init.obj_kind(),
        Some(crate::obj::Kind::Bytes | crate::obj::Kind::ByteArray)
    ) {
        let b = crate::ops::buffer::bytes_like(vm, init).unwrap_or_default();
        from_bytes(vm, o, &b)?;
    } else {
        extend_iter(vm, o, init)?;
    }
    Ok(ov)
}

fn from_unicode(o: &NativeObj, s: &str) {
    let mut blob = o.blob.borrow_mut();
    for c in s.chars() {
        blob.extend_from_slice(&(c as u32).to_ne_bytes());
    }
}

fn from_bytes(vm: &mut Vm, o: &NativeObj, b: &[u8]) -> PyResult<()> {
    if !b.len().is_multiple_of(itemsize(code(o))) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    o.blob.borrow_mut().extend_from_slice(b);
    Ok(())
}

fn extend_iter(vm: &mut Vm, o: &NativeObj, src: Value) -> PyResult<()> {
    if let Some(s) = as_array(src) {
        let t = items(vm, s)?;
        for &v in tuple::items(t) {
            push(vm, o, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(src)?;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        push(vm, o, v)?;
    }
    Ok(())
}

// ---- methods ----

fn array_typecode(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "typecode")?;
    let mut buf = [0u8; 4];
    vm.new_str(code(o).encode_utf8(&mut buf))
}

fn array_itemsize(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "itemsize")?;
    Ok(Value::small_int(itemsize(code(o)) as isize))
}

fn array_append(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "append")?;
    let v = one_arg(vm, "array.append", a, kw)?;
    push(vm, o, v)?;
    Ok(Value::NONE)
}

fn extend_checked(vm: &mut Vm, o: &NativeObj, src: Value) -> PyResult<()> {
    if let Some(s) = as_array(src) {
        if code(s) != code(o) {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let b = s.blob.borrow().clone();
        o.blob.borrow_mut().extend_from_slice(&b);
        return Ok(());
    }
    extend_iter(vm, o, src)
}

fn array_extend(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "extend")?;
    let src = one_arg(vm, "array.extend", a, kw)?;
    extend_checked(vm, o, src)?;
    Ok(Value::NONE)
}

fn array_insert(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "insert")?;
    crate::builtins::args::no_kw(vm, "insert", kw)?;
    if a.len() != 3 {
        return Err(vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            a.len().saturating_sub(1)
        )));
    }
    let i = crate::ops::arith::index_of(vm, a[1])?;
    let (w, sz) = encode(vm, code(o), a[2])?;
    let n = count(o) as isize;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let size = itemsize(code(o));
    let mut blob = o.blob.borrow_mut();
    blob.splice(at * size..at * size, w[..sz].iter().copied());
    Ok(Value::NONE)
}

fn array_pop(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "pop")?;
    let [i] = pos_args(vm, "pop", a, kw, 0)?;
    let i = if i.is_null() {
        -1
    } else {
        crate::ops::arith::index_of(vm, i)?
    };
    let n = count(o) as isize;
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = item(vm, o, j as usize)?;
    delete_range(o, j as usize, 1);
    Ok(v)
}

fn delete_range(o: &NativeObj, start: usize, k: usize) {
    let size = itemsize(code(o));
    let mut blob = o.blob.borrow_mut();
    let end = ((start + k) * size).min(blob.len());
    blob.drain((start * size).min(end)..end);
}

/// Index of the first item equal to `x` in `start..stop`.
fn find(
    vm: &mut Vm,
    o: &NativeObj,
    x: Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(count(o)) {
        let v = item(vm, o, i)?;
        if vm.eq(v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn array_remove(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "remove")?;
    let x = one_arg(vm, "array.remove", a, kw)?;
    match find(vm, o, x, 0, usize::MAX)? {
        Some(i) => {
            delete_range(o, i, 1);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

/// A clamped slice-style bound.
fn bound(vm: &mut Vm, v: Value, n: usize, default: usize) -> PyResult<usize> {
    if v.is_null() {
        return Ok(default);
    }
    if !crate::obj::int::is_int(v)
        && crate::ops::attr::call_special(vm, v, "__index__", &[])?.is_none()
    {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let b = crate::ops::arith::index_bigint(vm, v)?;
    let i = match b.to_isize() {
        Some(i) => i,
        None if b.is_negative() => isize::MIN / 2,
        None => isize::MAX / 2,
    };
    let i = if i < 0 { (i + n as isize).max(0) } else { i };
    Ok((i as usize).min(n))
}

fn array_index(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "index")?;
    let [x, start, stop] = pos_args(vm, "index", a, kw, 1)?;
    let n = count(o);
    let start = bound(vm, start, n, 0)?;
    let stop = bound(vm, stop, n, n)?;
    match find(vm, o, x, start, stop)? {
        Some(i) => Ok(Value::small_int(i as isize)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn array_count(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "count")?;
    let x = one_arg(vm, "array.count", a, kw)?;
    let mut k = 0;
    let mut i = 0;
    while i < count(o) {
        let v = item(vm, o, i)?;
        if vm.eq(v, x)? {
            k += 1;
        }
        i += 1;
    }
    Ok(Value::small_int(k))
}

fn array_contains(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__contains__")?;
    let x = one_arg(vm, "array.__contains__", a, kw)?;
    Ok(Value::from_bool(find(vm, o, x, 0, usize::MAX)?.is_some()))
}

fn array_reverse(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "reverse")?;
    no_args(vm, "array.reverse", a, kw)?;
    let size = itemsize(code(o));
    let mut blob = o.blob.borrow_mut();
    let old = blob.clone();
    for (i, chunk) in old.chunks(size).rev().enumerate() {
        blob[i * size..i * size + size].copy_from_slice(chunk);
    }
    Ok(Value::NONE)
}

fn array_byteswap(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "byteswap")?;
    no_args(vm, "array.byteswap", a, kw)?;
    let size = itemsize(code(o));
    for chunk in o.blob.borrow_mut().chunks_mut(size) {
        chunk.reverse();
    }
    Ok(Value::NONE)
}

fn array_buffer_info(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "buffer_info")?;
    no_args(vm, "array.buffer_info", a, kw)?;
    let addr = o.blob.borrow().as_ptr() as usize;
    let addr = vm.int_from_i128(addr as i128)?;
    let n = Value::small_int(count(o) as isize);
    vm.new_tuple(&[addr, n])
}

fn array_tobytes(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "tobytes")?;
    no_args(vm, "array.tobytes", a, kw)?;
    let b = o.blob.borrow().clone();
    vm.new_bytes(&b)
}

fn array_frombytes(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "frombytes")?;
    let src = one_arg(vm, "array.frombytes", a, kw)?;
    let Some(b) = crate::ops::buffer::bytes_like(vm, src) else {
        let t = vm.type_name(src);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    from_bytes(vm, o, &b)?;
    Ok(Value::NONE)
}

fn array_tolist(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "tolist")?;
    no_args(vm, "array.tolist", a, kw)?;
    let t = items(vm, o)?;
    vm.new_list(tuple::items(t))
}

fn array_fromlist(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "fromlist")?;
    let l = one_arg(vm, "array.fromlist", a, kw)?;
    if l.obj_kind() != Some(crate::obj::Kind::List) {
        return Err(vm.type_error("arg must be list"));
    }
    let t = crate::ops::iter::to_tuple(vm, l)?;
    let mut bytes = Vec::new();
    for &v in tuple::items(t) {
        let (w, n) = encode(vm, code(o), v)?;
        bytes.extend_from_slice(&w[..n]);
    }
    o.blob.borrow_mut().extend_from_slice(&bytes);
    Ok(Value::NONE)
}

fn array_tounicode(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "tounicode")?;
    no_args(vm, "array.tounicode", a, kw)?;
    if code(o) != 'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s: String = o
        .blob
        .borrow()
        .chunks(4)
        .map(|c| char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}'))
        .collect();
    vm.new_str(&s)
}

fn array_fromunicode(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "fromunicode")?;
    let s = one_arg(vm, "array.fromunicode", a, kw)?;
    let Some(text) = vm.str_of(s) else {
        let t = vm.type_name(s);
        return Err(vm.type_error(format!("fromunicode() argument must be str, not {t}")));
    };
    if code(o) != 'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    from_unicode(o, text);
    Ok(Value::NONE)
}

fn copy_of(vm: &mut Vm, o: &NativeObj) -> PyResult<Value> {
    let b = o.blob.borrow().clone();
    new_plain(vm, code(o), b)
}

fn array_copy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__copy__")?;
    no_args(vm, "array.__copy__", a, kw)?;
    copy_of(vm, o)
}

fn array_deepcopy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__deepcopy__")?;
    one_arg(vm, "array.__deepcopy__", a, kw)?;
    copy_of(vm, o)
}

fn array_len(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, "__len__")?;
    no_args(vm, "array.__len__", a, kw)?;
    Ok(Value::small_int(count(o) as isize))
}

fn array_iter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    this(vm, a, "__iter__")?;
    no_args(vm, "array.__iter__", a, kw)?;
    let ty = registered_type(vm, REGISTRY, 1)?;
    let it = NativeObj::new(ty);
    it.slots[0].set(a[0]);
    it.words[3].set(ITER_TAG);
    // Like the built-in iterators, made while the heap is locked too (`for x in arr`).
    vm.outside_heap_lock(|vm| vm.alloc_instance(ty, it))
}

fn iter_iter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    native_self(vm, a, 3, ITER_TAG, "array.arrayiterator", "__iter__")?;
    Ok(a[0])
}

fn iter_next(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let it = native_self(vm, a, 3, ITER_TAG, "array.arrayiterator", "__next__")?;
    let i = it.words[0].get();
    match as_array(it.slots[0].get()) {
        Some(o) if i < count(o) => {
            it.words[0].set(i + 1);
            item(vm, o, i)
        }
        _ => {
            it.slots[0].set(Value::NONE);
            Err(vm.new_exc(ExcKind::StopIteration, ""))
        }
    }
}
