//! `memoryview`: a one-dimensional view over a `bytes`, a `bytearray` or a native object whose
//! blob is its buffer (`array.array`), with the item formats of `memoryview_fmt.rs` and `cast`.
//! A view is a `NativeObj`: slot 0 holds the viewed object, word 0 the byte offset of item 0 in
//! it, word 1 the number of items, word 2 the byte stride (an `isize`), word 3 the flags below
//! with the format character in bits 8..16. Writes through a view change the viewed object.

#[path = "memoryview_fmt.rs"]
mod fmt;

use super::str::{dunder_self, kw_args, no_args};
use super::{method, staticmethod};
use crate::native_types::NativeObj;
use crate::obj::list::ByteArrayObj;
use crate::obj::{Header, Kind, PropertyObj, SliceObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

/// Word 3 marks a memoryview (never 1, which marks a blob buffer for `buffer_bytes`).
const MARK: usize = 2;
/// Word 3 flag: `release()` was called.
const RELEASED: usize = 4;
/// Word 3 flag: the view is read-only.
const READONLY: usize = 8;
/// Word 3 flag: the format was written with a leading `@`.
const AT: usize = 16;
/// Bits of word 3 that a derived view keeps.
const KEEP: usize = READONLY | AT | 0xff00;

fn is_mv(_vm: &Vm, v: Value) -> bool {
    v.obj_kind() == Some(Kind::MemoryView)
}

fn raw(v: Value) -> Option<&'static NativeObj> {
    if v.obj_kind() != Some(Kind::MemoryView) {
        return None;
    }
    v.as_ref::<NativeObj>()
}

fn released(v: Value) -> bool {
    raw(v).is_some_and(|o| o.words[3].get() & RELEASED != 0)
}

/// The view behind `v`, or ValueError if it was released.
fn live(vm: &mut Vm, v: Value) -> PyResult<&'static NativeObj> {
    let o = raw(v).expect("memoryview");
    if o.words[3].get() & RELEASED != 0 {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(o)
}

fn format_of(o: &NativeObj) -> u8 {
    (o.words[3].get() >> 8) as u8
}

fn size_of_item(o: &NativeObj) -> usize {
    fmt::itemsize(format_of(o)).unwrap_or(1)
}

fn base_len(obj: Value) -> usize {
    match obj.obj_kind() {
        Some(Kind::Bytes) => obj
            .as_ref::<crate::obj::str::BytesObj>()
            .map_or(0, |b| b.items().len()),
        Some(Kind::ByteArray) => obj.as_ref::<ByteArrayObj>().map_or(0, |b| b.len.get()),
        _ => obj
            .as_ref::<NativeObj>()
            .map_or(0, |n| n.blob.borrow().len()),
    }
}

fn base_get(obj: Value, i: usize) -> u8 {
    match obj.obj_kind() {
        Some(Kind::Bytes) => obj
            .as_ref::<crate::obj::str::BytesObj>()
            .and_then(|b| b.items().get(i).copied()),
        Some(Kind::ByteArray) => obj
            .as_ref::<ByteArrayObj>()
            .and_then(|b| b.items().get(i).map(Cell::get)),
        _ => obj
            .as_ref::<NativeObj>()
            .and_then(|n| n.blob.borrow().get(i).copied()),
    }
    .unwrap_or(0)
}

fn base_set(obj: Value, i: usize, b: u8) {
    match obj.obj_kind() {
        Some(Kind::ByteArray) => {
            if let Some(c) = obj.as_ref::<ByteArrayObj>().and_then(|x| x.items().get(i)) {
                c.set(b);
            }
        }
        Some(Kind::Bytes) => {}
        _ => {
            if let Some(n) = obj.as_ref::<NativeObj>()
                && let Some(c) = n.blob.borrow_mut().get_mut(i)
            {
                *c = b;
            }
        }
    }
}

/// Byte offset in the viewed object of item `k`.
fn pos(o: &NativeObj, k: usize) -> usize {
    (o.words[0].get() as isize + k as isize * o.words[2].get() as isize) as usize
}

fn item_bytes(o: &NativeObj, k: usize) -> Vec<u8> {
    let p = pos(o, k);
    (p..p + size_of_item(o))
        .map(|i| base_get(o.slots[0].get(), i))
        .collect()
}

fn read(o: &NativeObj) -> Vec<u8> {
    let obj = o.slots[0].get();
    let (n, size) = (o.words[1].get(), size_of_item(o));
    if o.words[2].get() == size {
        let start = o.words[0].get();
        let end = (start + n * size).min(base_len(obj));
        return (start.min(end)..end).map(|i| base_get(obj, i)).collect();
    }
    (0..n).flat_map(|k| item_bytes(o, k)).collect()
}

fn write_item(o: &NativeObj, k: usize, bytes: &[u8]) {
    let p = pos(o, k);
    for (i, &b) in bytes.iter().enumerate() {
        base_set(o.slots[0].get(), p + i, b);
    }
}

/// The bytes a memoryview shows (`None` when released or not a memoryview).
pub fn view_bytes(v: Value) -> Option<Vec<u8>> {
    let o = raw(v)?;
    if o.words[3].get() & RELEASED != 0 {
        return None;
    }
    Some(read(o))
}

fn new_view(
    vm: &mut Vm,
    obj: Value,
    start: usize,
    len: usize,
    step: isize,
    flags: usize,
) -> PyResult<Value> {
    let ty = vm.types.memoryview;
    let n = NativeObj::new(ty);
    n.slots[0].set(obj);
    n.words[0].set(start);
    n.words[1].set(len);
    n.words[2].set(step as usize);
    n.words[3].set(MARK | flags);
    vm.alloc_instance(ty, n)
}

const FMT_B: usize = (b'B' as usize) << 8;

/// `memoryview(obj)`.
pub fn memoryview_of(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    if raw(obj).is_some() {
        let o = live(vm, obj)?;
        let (start, len, step) = (
            o.words[0].get(),
            o.words[1].get(),
            o.words[2].get() as isize,
        );
        return new_view(
            vm,
            o.slots[0].get(),
            start,
            len,
            step,
            o.words[3].get() & KEEP,
        );
    }
    match obj.obj_kind() {
        Some(Kind::Bytes) => new_view(vm, obj, 0, base_len(obj), 1, READONLY | FMT_B),
        Some(Kind::ByteArray) => new_view(vm, obj, 0, base_len(obj), 1, FMT_B),
        Some(Kind::Native)
            if obj
                .as_ref::<NativeObj>()
                .is_some_and(|n| n.words[3].get() == 1) =>
        {
            let n = obj.as_ref::<NativeObj>().expect("native");
            let code = u8::try_from(n.words[0].get()).unwrap_or(0);
            let f = match code {
                b'u' => b'w',
                c if vm.type_name(obj) == "array" && fmt::itemsize(c).is_some() && c != b'c' => c,
                _ => b'B',
            };
            let size = fmt::itemsize(f).unwrap_or(1);
            new_view(
                vm,
                obj,
                0,
                base_len(obj) / size,
                size as isize,
                (f as usize) << 8,
            )
        }
        _ => {
            let t = vm.type_name(obj);
            Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{t}'"
            )))
        }
    }
}

fn mv_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [obj] = kw_args(vm, "memoryview", a, kw, ["object"])?;
    if obj.is_null() {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    }
    memoryview_of(vm, obj)
}

fn this(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    nargs: usize,
) -> PyResult<&'static NativeObj> {
    let v = dunder_self(vm, a, kw, "memoryview", name, is_mv, nargs)?;
    live(vm, v)
}

/// `self` of a method taking its own arguments.
fn self_of(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    dunder_self(
        vm,
        a,
        Value::NULL,
        "memoryview",
        name,
        is_mv,
        a.len().saturating_sub(1),
    )
}

fn mv_len(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, kw, "__len__", 0)?;
    Ok(Value::small_int(o.words[1].get() as isize))
}

fn item_index(vm: &mut Vm, o: &NativeObj, key: Value) -> PyResult<usize> {
    let key = match key.obj_kind() {
        Some(Kind::Tuple) if crate::obj::tuple::items(key).len() == 1 => {
            crate::obj::tuple::items(key)[0]
        }
        _ => key,
    };
    if !crate::obj::int::is_int(key)
        && crate::ops::attr::call_special(vm, key, "__index__", &[])?.is_none()
    {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let n = o.words[1].get();
    let i = crate::ops::arith::index_of(vm, key).unwrap_or(isize::MAX);
    let j = if i < 0 { i + n as isize } else { i };
    if j < 0 || j >= n as isize {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

fn mv_getitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, kw, "__getitem__", 1)?;
    if let Some(s) = a[1].as_ref::<SliceObj>() {
        let (start, _, step, count) = crate::ops::subscr::slice_indices(vm, s, o.words[1].get())?;
        let first = if count == 0 {
            o.words[0].get()
        } else {
            pos(o, start as usize)
        };
        let step = step * o.words[2].get() as isize;
        return new_view(
            vm,
            o.slots[0].get(),
            first,
            count,
            step,
            o.words[3].get() & KEEP,
        );
    }
    let i = item_index(vm, o, a[1])?;
    let b = item_bytes(o, i);
    fmt::unpack(vm, format_of(o), &b)
}

/// The format and bytes of a value assigned to a memoryview slice.
fn source_items(vm: &mut Vm, v: Value) -> Option<(u8, Vec<u8>)> {
    if let Some(o) = raw(v) {
        return (o.words[3].get() & RELEASED == 0).then(|| (format_of(o), read(o)));
    }
    if v.obj_kind() == Some(Kind::Native) {
        let m = memoryview_of(vm, v).ok()?;
        return raw(m).map(|o| (format_of(o), read(o)));
    }
    super::bytes::buffer_of(vm, v).map(|b| (b'B', b))
}

/// `m[key] = value`.
pub fn mv_setitem(vm: &mut Vm, m: Value, key: Value, value: Value) -> PyResult<()> {
    let o = live(vm, m)?;
    if o.words[3].get() & READONLY != 0 {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let (f, size) = (format_of(o), size_of_item(o));
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, _, step, count) = crate::ops::subscr::slice_indices(vm, s, o.words[1].get())?;
        let Some((sf, src)) = source_items(vm, value) else {
            let t = vm.type_name(value);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
        };
        if sf != f || src.len() != count * size {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        for (k, item) in src.chunks(size).enumerate() {
            write_item(o, (start + k as isize * step) as usize, item);
        }
        return Ok(());
    }
    let i = item_index(vm, o, key)?;
    let bytes = fmt::pack(vm, f, value)?;
    write_item(o, i, &bytes);
    Ok(())
}

fn mv_setitem_m(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    this(vm, a, kw, "__setitem__", 2)?;
    mv_setitem(vm, a[0], a[1], a[2])?;
    Ok(Value::NONE)
}

fn mv_delitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    this(vm, a, kw, "__delitem__", 1)?;
    Err(vm.type_error("cannot delete memory"))
}

fn mv_tobytes(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = self_of(vm, a, "tobytes")?;
    let [order] = kw_args(vm, "tobytes", a, kw, ["order"])?;
    let o = live(vm, v)?;
    if !order.is_null() && !order.is_none() && !matches!(vm.str_of(order), Some("C" | "F" | "A")) {
        return Err(vm.value_error("order must be 'C', 'F' or 'A'"));
    }
    let data = read(o);
    vm.new_bytes(&data)
}

fn items_list(vm: &mut Vm, o: &NativeObj) -> PyResult<Value> {
    let list = vm.new_list(&[])?;
    let l = list.as_ref::<crate::obj::list::ListObj>().expect("list");
    let f = format_of(o);
    for k in 0..o.words[1].get() {
        let b = item_bytes(o, k);
        let v = fmt::unpack(vm, f, &b)?;
        vm.list_append(l, v)?;
    }
    Ok(list)
}

fn mv_tolist(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = self_of(vm, a, "tolist")?;
    no_args(vm, a, kw, "memoryview", "tolist")?;
    let o = live(vm, v)?;
    items_list(vm, o)
}

fn mv_hex(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = self_of(vm, a, "hex")?;
    let [sep, per] = kw_args(vm, "hex", a, kw, ["sep", "bytes_per_sep"])?;
    let o = live(vm, v)?;
    let data = read(o);
    super::bytes_methods::hex_of(vm, &data, sep, per)
}

fn mv_release(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = self_of(vm, a, "release")?;
    no_args(vm, a, kw, "memoryview", "release")?;
    let o = raw(v).expect("memoryview");
    o.words[3].set(o.words[3].get() | RELEASED);
    Ok(Value::NONE)
}

fn mv_toreadonly(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = self_of(vm, a, "toreadonly")?;
    no_args(vm, a, kw, "memoryview", "toreadonly")?;
    let o = live(vm, v)?;
    let (start, len, step) = (
        o.words[0].get(),
        o.words[1].get(),
        o.words[2].get() as isize,
    );
    new_view(
        vm,
        o.slots[0].get(),
        start,
        len,
        step,
        (o.words[3].get() & KEEP) | READONLY,
    )
}

fn mv_cast(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = self_of(vm, a, "cast")?;
    let [format, shape] = kw_args(vm, "cast", a, kw, ["format", "shape"])?;
    if format.is_null() {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    }
    let o = live(vm, v)?;
    let Some(text) = vm.str_of(format) else {
        let t = vm.type_name(format);
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {t}")));
    };
    let (n, size, stride) = (o.words[1].get(), size_of_item(o), o.words[2].get() as isize);
    if stride != size as isize && n > 1 {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let (at, code) = match text.as_bytes() {
        [b'@', c] => (AT, *c),
        [c] => (0, *c),
        _ => (0, 0),
    };
    let Some(new_size) = fmt::itemsize(code).filter(|_| code != b'w') else {
        return Err(vm.value_error("memoryview: destination format must be a native single character format prefixed with an optional '@'"));
    };
    if !fmt::is_byte_format(format_of(o)) && !fmt::is_byte_format(code) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = n * size;
    if nbytes % new_size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let count = nbytes / new_size;
    if !shape.is_null() && !shape.is_none() {
        let dims = crate::ops::iter::to_tuple(vm, shape)?;
        let dims = crate::obj::tuple::items(dims);
        if dims.len() != 1 {
            return Err(vm.not_implemented("memoryview: only one-dimensional views are supported"));
        }
        let d = crate::ops::arith::index_of(vm, dims[0])?;
        if d < 0 || d as usize * new_size != nbytes {
            return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
    }
    let flags = (o.words[3].get() & READONLY) | at | (code as usize) << 8;
    new_view(
        vm,
        o.slots[0].get(),
        o.words[0].get(),
        count,
        new_size as isize,
        flags,
    )
}

fn mv_enter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    this(vm, a, kw, "__enter__", 0)?;
    Ok(a[0])
}

fn mv_exit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = self_of(vm, a, "__exit__")?;
    super::str::no_keywords(vm, kw, "memoryview", "__exit__")?;
    let o = raw(v).expect("memoryview");
    o.words[3].set(o.words[3].get() | RELEASED);
    Ok(Value::NONE)
}

/// `a == b` when either operand is a memoryview: `Ok(None)` when the other is not bytes-like
/// (for `ops::cmp`, which compares built-in values without calling their `__eq__`).
pub fn values_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<bool>> {
    if a == b {
        return Ok(Some(true));
    }
    if released(a) || released(b) {
        return Ok(Some(false));
    }
    let view = |vm: &mut Vm, v: Value| -> PyResult<Option<Value>> {
        if raw(v).is_some() {
            return Ok(Some(v));
        }
        if super::bytes::buffer_of(vm, v).is_none() {
            return Ok(None);
        }
        memoryview_of(vm, v).map(Some)
    };
    let (Some(x), Some(y)) = (view(vm, a)?, view(vm, b)?) else {
        return Ok(None);
    };
    let (ox, oy) = (raw(x).expect("memoryview"), raw(y).expect("memoryview"));
    if ox.words[1].get() != oy.words[1].get() {
        return Ok(Some(false));
    }
    if format_of(ox) == format_of(oy) && matches!(format_of(ox), b'B' | b'b' | b'c') {
        return Ok(Some(read(ox) == read(oy)));
    }
    let lx = items_list(vm, ox)?;
    let ly = items_list(vm, oy)?;
    vm.eq(lx, ly).map(Some)
}

fn mv_eq(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = dunder_self(vm, a, kw, "memoryview", "__eq__", is_mv, 1)?;
    Ok(values_equal(vm, v, a[1])?.map_or(Value::NOT_IMPLEMENTED, Value::from_bool))
}

fn mv_ne(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = dunder_self(vm, a, kw, "memoryview", "__ne__", is_mv, 1)?;
    Ok(values_equal(vm, v, a[1])?.map_or(Value::NOT_IMPLEMENTED, |e| Value::from_bool(!e)))
}

fn mv_hash(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, kw, "__hash__", 0)?;
    if o.words[3].get() & READONLY == 0 {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !fmt::is_byte_format(format_of(o)) {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let h = crate::obj::str::hash_bytes(&read(o));
    vm.int_from_i64(h as i64)
}

fn mv_iter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = this(vm, a, kw, "__iter__", 0)?;
    let l = items_list(vm, o)?;
    vm.iter(l)
}

fn mv_repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = dunder_self(vm, a, kw, "memoryview", "__repr__", is_mv, 0)?;
    let s = repr_text(v);
    vm.new_str(&s)
}

/// The repr of a memoryview (`<memory at 0x...>`, `<released memory at 0x...>`).
pub fn repr_text(v: Value) -> String {
    format!(
        "<{}memory at {:#x}>",
        if released(v) { "released " } else { "" },
        v.bits()
    )
}

fn attr(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    let v = dunder_self(vm, a, Value::NULL, "memoryview", name, is_mv, 0)?;
    let o = live(vm, v)?;
    let (n, stride, size) = (o.words[1].get(), o.words[2].get() as isize, size_of_item(o));
    let contiguous = stride == size as isize || n <= 1;
    match name {
        "nbytes" => Ok(Value::small_int((n * size) as isize)),
        "readonly" => Ok(Value::from_bool(o.words[3].get() & READONLY != 0)),
        "format" => {
            let mut f = String::new();
            if o.words[3].get() & AT != 0 {
                f.push('@');
            }
            f.push(format_of(o) as char);
            vm.new_str(&f)
        }
        "itemsize" => Ok(Value::small_int(size as isize)),
        "ndim" => Ok(Value::small_int(1)),
        "shape" => vm.new_tuple(&[Value::small_int(n as isize)]),
        "strides" => vm.new_tuple(&[Value::small_int(stride)]),
        "suboffsets" => Ok(vm.empty_tuple),
        "obj" => Ok(o.slots[0].get()),
        _ => Ok(Value::from_bool(contiguous)),
    }
}

macro_rules! getters {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> { attr(vm, a, $name) })*
        const GETTERS: &[(&str, crate::obj::func::NativeFn)] = &[$(($name, $f)),*];
    };
}

getters! {
    g_nbytes => "nbytes", g_readonly => "readonly", g_format => "format", g_itemsize => "itemsize",
    g_ndim => "ndim", g_shape => "shape", g_strides => "strides", g_suboffsets => "suboffsets",
    g_obj => "obj", g_c => "c_contiguous", g_f => "f_contiguous", g_contig => "contiguous",
}

/// Install `memoryview`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.memoryview;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", mv_new),
            method("__len__", mv_len),
            method("__getitem__", mv_getitem),
            method("__setitem__", mv_setitem_m),
            method("__delitem__", mv_delitem),
            method("__eq__", mv_eq),
            method("__ne__", mv_ne),
            method("__hash__", mv_hash),
            method("__iter__", mv_iter),
            method("__repr__", mv_repr),
            method("__enter__", mv_enter),
            method("__exit__", mv_exit),
            method("tobytes", mv_tobytes),
            method("tolist", mv_tolist),
            method("hex", mv_hex),
            method("release", mv_release),
            method("toreadonly", mv_toreadonly),
            method("cast", mv_cast),
        ],
    )?;
    let owner = Value::from_obj(ty);
    let pty = vm.types.property;
    for &(name, f) in GETTERS {
        let g = vm.new_builtin(name, f, 0, owner)?;
        let p = PropertyObj {
            header: Header::new(pty),
            fget: Cell::new(g),
            fset: Cell::new(Value::NONE),
            fdel: Cell::new(Value::NONE),
            doc: Cell::new(Value::NONE),
        };
        let pv = vm.alloc_instance(pty, p)?;
        vm.dict_set_str(ty.dict.get(), name, pv)?;
    }
    Ok(())
}
