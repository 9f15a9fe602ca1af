//! `str`: construction, indexing and slicing by code point, `join`, the special methods Python
//! code can call through the class (`str.__add__`, `str.__len__`...), and the argument-checking
//! helpers the text methods of `str`, `bytes` and `bytearray` share.

use super::{method, staticmethod};
use crate::builtins::args;
use crate::obj::{Kind, SliceObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use frontend::bytecode::Comparison;

/// The text of `self` for a str method, or a TypeError.
pub fn this(vm: &mut Vm, v: Value, method: &str) -> PyResult<&'static str> {
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{method}' requires a 'str' object but received a '{t}'"
            )))
        }
    }
}

/// A str argument, or a TypeError naming the method.
pub fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static str> {
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be str, not {t}")))
        }
    }
}

/// The text of `self` (`args[0]`) for the ordinary method `str.name`.
pub fn self_str(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static str> {
    let Some(&v) = a.first() else {
        return Err(vm.type_error(format!("unbound method str.{name}() needs an argument")));
    };
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// Check the argument count of a method written in CPython's older style: `name() takes at
/// least/most N argument(s) (M given)`; no keywords. `min`/`max` exclude `self`.
pub fn old_args(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    owner: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_keywords(vm, kw, owner, name)?;
    let n = a.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    if n < min {
        return Err(vm.type_error(format!(
            "{name}() takes at least {min} {} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} {} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// Check the argument count of an Argument-Clinic style method: `name expected at least/most N
/// argument(s), got M`; no keywords.
pub fn clinic_args(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    owner: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_keywords(vm, kw, owner, name)?;
    let n = a.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    if (n < min || n > max) && min == max {
        return Err(vm.type_error(format!("{name} expected {min} {}, got {n}", plural(min))));
    }
    if n < min {
        return Err(vm.type_error(format!(
            "{name} expected at least {min} {}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name} expected at most {max} {}, got {n}",
            plural(max)
        )));
    }
    Ok(())
}

/// A method without arguments (`owner.name() takes no arguments (1 given)`).
pub fn no_args(vm: &mut Vm, a: &[Value], kw: Value, owner: &str, name: &str) -> PyResult<()> {
    no_keywords(vm, kw, owner, name)?;
    if a.len() > 1 {
        let n = a.len() - 1;
        return Err(vm.type_error(format!("{owner}.{name}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// A method of exactly one argument (`owner.name() takes exactly one argument (0 given)`).
pub fn one_arg(vm: &mut Vm, a: &[Value], kw: Value, owner: &str, name: &str) -> PyResult<()> {
    no_keywords(vm, kw, owner, name)?;
    if a.len() != 2 {
        let n = a.len().saturating_sub(1);
        return Err(vm.type_error(format!(
            "{owner}.{name}() takes exactly one argument ({n} given)"
        )));
    }
    Ok(())
}

/// Reject keywords: `owner.name() takes no keyword arguments`.
pub fn no_keywords(vm: &mut Vm, kw: Value, owner: &str, name: &str) -> PyResult<()> {
    if !crate::obj::tuple::items(kw).is_empty() {
        return Err(vm.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Parse keyword-capable method arguments (after `self`), with CPython's message for an unknown
/// keyword (`'x' is an invalid keyword argument for name()`).
pub fn kw_args<const N: usize>(
    vm: &mut Vm,
    name: &str,
    a: &[Value],
    kw: Value,
    names: [&str; N],
) -> PyResult<[Value; N]> {
    let kwn = crate::obj::tuple::items(kw);
    for &k in kwn {
        let key = vm.str_of(k).unwrap_or("");
        if !names.contains(&key) {
            return Err(vm.type_error(format!(
                "'{key}' is an invalid keyword argument for {name}()"
            )));
        }
    }
    let npos = a.len().saturating_sub(1 + kwn.len());
    if npos > N {
        let s = if N == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{name}() takes at most {N} argument{s} ({npos} given)"
        )));
    }
    args::parse(vm, name, a.get(1..).unwrap_or(&[]), kw, names, 0)
}

/// The `self` of a special method (`descriptor '__x__' of 'T' object needs an argument` and
/// `descriptor '__x__' requires a 'T' object but received a 'U'`), with an exact count of the
/// other arguments (`expected N arguments, got M`).
pub fn dunder_self(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    owner: &str,
    name: &str,
    is_self: fn(&Vm, Value) -> bool,
    nargs: usize,
) -> PyResult<Value> {
    let Some(&v) = a.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of '{owner}' object needs an argument"
        )));
    };
    if !is_self(vm, v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{owner}' object but received a '{t}'"
        )));
    }
    no_keywords(vm, kw, owner, name)?;
    let n = a.len() - 1;
    if n != nargs {
        let s = if nargs == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("expected {nargs} argument{s}, got {n}")));
    }
    Ok(v)
}

fn is_str_value(vm: &Vm, v: Value) -> bool {
    vm.is_str(v)
}

/// Raise MemoryError if a result of `n` bytes cannot fit in the heap.
pub fn check_size(vm: &mut Vm, n: usize) -> PyResult<()> {
    if n > vm.heap.total_bytes() {
        return Err(vm.memory_error());
    }
    Ok(())
}

/// The byte offset of code point `i` in `s` (`s.len()` when past the end).
pub fn byte_offset(s: &str, ascii: bool, i: usize) -> usize {
    if ascii {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// `s[key]` for str values.
pub fn str_getitem(vm: &mut Vm, s: Value, key: Value) -> PyResult<Value> {
    let text = vm.str_of(s).expect("str");
    let n = vm.str_char_len(s);
    let ascii = text.len() == n;
    if let Some(sl) = key.as_ref::<SliceObj>() {
        let (start, _, step, count) = crate::ops::subscr::slice_indices(vm, sl, n)?;
        if step == 1 && count == n && vm.type_of(s) == vm.types.str {
            return Ok(s);
        }
        if ascii {
            let b = text.as_bytes();
            let out: Vec<u8> = (0..count)
                .map(|k| b[(start + k as isize * step) as usize])
                .collect();
            return vm.new_str(crate::value::utf8_unchecked(&out));
        }
        if step == 1 {
            let from = byte_offset(text, false, start as usize);
            let to = from
                + text[from..]
                    .char_indices()
                    .nth(count)
                    .map_or(text.len() - from, |(b, _)| b);
            return vm.new_str(&String::from(&text[from..to]));
        }
        let chars: Vec<char> = text.chars().collect();
        let out: String = (0..count)
            .map(|k| chars[(start + k as isize * step) as usize])
            .collect();
        return vm.new_str(&out);
    }
    if !crate::obj::int::is_int(key)
        && crate::ops::attr::call_special(vm, key, "__index__", &[])?.is_none()
    {
        let t = vm.type_name(key);
        return Err(vm.type_error(format!("string indices must be integers, not '{t}'")));
    }
    let i = crate::ops::subscr::seq_index(vm, key, n, "string")?;
    let c = if ascii {
        text.as_bytes()[i] as char
    } else {
        text.chars().nth(i).expect("in range")
    };
    let mut buf = [0u8; 4];
    vm.new_str(c.encode_utf8(&mut buf))
}

fn str_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let Some(&cls) = a.first() else {
        return Err(vm.type_error("str.__new__(): not enough arguments"));
    };
    let Some(ty) = cls.downcast::<crate::obj::TypeObj>() else {
        let t = vm.type_name(cls);
        return Err(vm.type_error(format!("str.__new__(X): X is not a type object ({t})")));
    };
    if !crate::obj::typeobj::is_subtype(&ty, Value::from_obj(vm.types.str)) {
        let n = String::from(ty.name_str(vm));
        return Err(vm.type_error(format!("str.__new__({n}): {n} is not a subtype of str")));
    }
    let [obj, encoding, errors] = kw_args(vm, "str", a, kwnames, ["object", "encoding", "errors"])?;
    let v = if obj.is_null() {
        vm.empty_str
    } else if encoding.is_null() && errors.is_null() {
        vm.str(obj)?
    } else {
        for (arg, what) in [(encoding, "encoding"), (errors, "errors")] {
            if !arg.is_null() && !vm.is_str(arg) {
                let t = vm.type_name(arg);
                return Err(vm.type_error(format!("str() argument '{what}' must be str, not {t}")));
            }
        }
        let Some(bytes) = super::bytes::buffer_of(vm, obj) else {
            let t = vm.type_name(obj);
            if vm.is_str(obj) {
                return Err(vm.type_error("decoding str is not supported"));
            }
            return Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {t} found"
            )));
        };
        super::bytes::decode(vm, &bytes, encoding, errors)?
    };
    if ty == vm.types.str {
        return Ok(v);
    }
    // A str subclass instance: copy the text into an object of that type.
    let text = String::from(vm.str_of(v).unwrap_or(""));
    new_str_of_type(vm, ty, &text)
}

/// A str object of a str subclass.
pub fn new_str_of_type(
    vm: &mut Vm,
    ty: crate::gc::Gc<crate::obj::TypeObj>,
    text: &str,
) -> PyResult<Value> {
    let bytes = text.as_bytes();
    let head = crate::obj::str::StrHead {
        header: crate::obj::Header::new(ty),
        hash: core::cell::Cell::new(-1),
        char_len: text.chars().count(),
    };
    let g = vm.alloc_var(head, bytes.len(), |i| bytes[i], false)?;
    Ok(Value::from_obj(g))
}

fn str_join(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let sep = self_str(vm, a, "join")?;
    one_arg(vm, a, kwnames, "str", "join")?;
    let items = match crate::ops::iter::to_tuple(vm, a[1]) {
        Ok(t) => t,
        Err(e) if vm.exc_is(e.0, crate::types::ExcKind::TypeError) && vm.iter(a[1]).is_err() => {
            return Err(vm.type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let items = crate::obj::tuple::items(items);
    if items.len() == 1 && vm.type_of(items[0]) == vm.types.str {
        return Ok(items[0]);
    }
    let mut out = String::new();
    for (i, &it) in items.iter().enumerate() {
        let Some(s) = vm.str_of(it) else {
            let t = vm.type_name(it);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {t} found"
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s);
    }
    check_size(vm, out.len())?;
    vm.new_str(&out)
}

fn d_len(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__len__", is_str_value, 0)?;
    Ok(Value::small_int(vm.str_char_len(s) as isize))
}

fn d_getitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__getitem__", is_str_value, 1)?;
    str_getitem(vm, s, a[1])
}

fn d_contains(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__contains__", is_str_value, 1)?;
    let text = vm.str_of(s).expect("str");
    let Some(sub) = vm.str_of(a[1]) else {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {t}"
        )));
    };
    Ok(Value::from_bool(text.contains(sub)))
}

fn d_add(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__add__", is_str_value, 1)?;
    let x = vm.str_of(s).expect("str");
    let Some(y) = vm.str_of(a[1]) else {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("can only concatenate str (not \"{t}\") to str")));
    };
    let mut out = String::with_capacity(x.len() + y.len());
    out.push_str(x);
    out.push_str(y);
    vm.new_str(&out)
}

fn repeat(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", name, is_str_value, 1)?;
    let n = crate::ops::arith::index_of(vm, a[1])?.max(0) as usize;
    repeated(vm, s, n)
}

/// `s * n` for a str `s`: OverflowError past the largest size, MemoryError past the heap.
pub fn repeated(vm: &mut Vm, s: Value, n: usize) -> PyResult<Value> {
    let x = vm.str_of(s).expect("str");
    let total = x
        .len()
        .checked_mul(n)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| vm.overflow_error("repeated string is too long"))?;
    check_size(vm, total)?;
    vm.new_str(&x.repeat(n))
}

fn d_mul(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    repeat(vm, a, kw, "__mul__")
}

fn d_rmul(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    repeat(vm, a, kw, "__rmul__")
}

fn d_mod(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__mod__", is_str_value, 1)?;
    crate::ops::format::percent_format(vm, s, a[1])
}

fn d_rmod(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    dunder_self(vm, a, kw, "str", "__rmod__", is_str_value, 1)?;
    Ok(Value::NOT_IMPLEMENTED)
}

fn compare(vm: &mut Vm, a: &[Value], kw: Value, name: &str, op: Comparison) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", name, is_str_value, 1)?;
    let x = vm.str_of(s).expect("str");
    let Some(y) = vm.str_of(a[1]) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let o = x.cmp(y);
    use core::cmp::Ordering::*;
    Ok(Value::from_bool(match op {
        Comparison::Lt => o == Less,
        Comparison::Le => o != Greater,
        Comparison::Eq => o == Equal,
        Comparison::Ne => o != Equal,
        Comparison::Gt => o == Greater,
        _ => o != Less,
    }))
}

fn d_eq(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    compare(vm, a, kw, "__eq__", Comparison::Eq)
}
fn d_ne(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    compare(vm, a, kw, "__ne__", Comparison::Ne)
}
fn d_lt(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    compare(vm, a, kw, "__lt__", Comparison::Lt)
}
fn d_le(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    compare(vm, a, kw, "__le__", Comparison::Le)
}
fn d_gt(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    compare(vm, a, kw, "__gt__", Comparison::Gt)
}
fn d_ge(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    compare(vm, a, kw, "__ge__", Comparison::Ge)
}

fn d_hash(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__hash__", is_str_value, 0)?;
    let h = vm.str_hash(s);
    vm.int_from_i64(h as i64)
}

fn d_iter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__iter__", is_str_value, 0)?;
    let ty = vm.types.iterator;
    vm.new_iter(ty, crate::obj::IterKind::Str, s, Value::NULL, 0, 0)
}

fn d_str(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__str__", is_str_value, 0)?;
    if vm.type_of(s) == vm.types.str {
        return Ok(s);
    }
    let t = String::from(vm.str_of(s).expect("str"));
    vm.new_str(&t)
}

fn d_repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__repr__", is_str_value, 0)?;
    let r = crate::ops::format::str_repr(vm.str_of(s).expect("str"), false);
    vm.new_str(&r)
}

fn d_format(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__format__", is_str_value, 1)?;
    let Some(spec) = vm.str_of(a[1]) else {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("__format__() argument must be str, not {t}")));
    };
    let text = vm.str_of(s).expect("str");
    let r = crate::format::parse_format_spec(spec, "str")
        .and_then(|sp| crate::format::format_str(text, &sp, "str"));
    match r {
        Ok(out) => vm.new_str(&out),
        Err(msg) => Err(vm.value_error(msg)),
    }
}

fn d_getnewargs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__getnewargs__", is_str_value, 0)?;
    let t = String::from(vm.str_of(s).expect("str"));
    let copy = vm.new_str(&t)?;
    vm.new_tuple(&[copy])
}

fn d_sizeof(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = dunder_self(vm, a, kw, "str", "__sizeof__", is_str_value, 0)?;
    let n = vm.str_of(s).expect("str").len();
    let head = core::mem::size_of::<crate::obj::str::StrHead>() + core::mem::size_of::<usize>();
    Ok(Value::small_int((head + n) as isize))
}

/// Is `v` a `str`, `bytes` or `bytearray`: the layouts the text methods accept as `self`.
pub fn text_kind(v: Value) -> Option<Kind> {
    match v.obj_kind() {
        Some(k @ (Kind::Str | Kind::Bytes | Kind::ByteArray)) => Some(k),
        _ if v.as_qstr().is_some() => Some(Kind::Str),
        _ => None,
    }
}

/// Install `str` methods (more live in `types::str_methods` and `types::str_format`).
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.str;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", str_new),
            method("join", str_join),
            method("__len__", d_len),
            method("__getitem__", d_getitem),
            method("__contains__", d_contains),
            method("__add__", d_add),
            method("__mul__", d_mul),
            method("__rmul__", d_rmul),
            method("__mod__", d_mod),
            method("__rmod__", d_rmod),
            method("__eq__", d_eq),
            method("__ne__", d_ne),
            method("__lt__", d_lt),
            method("__le__", d_le),
            method("__gt__", d_gt),
            method("__ge__", d_ge),
            method("__hash__", d_hash),
            method("__iter__", d_iter),
            method("__str__", d_str),
            method("__repr__", d_repr),
            method("__format__", d_format),
            method("__getnewargs__", d_getnewargs),
            method("__sizeof__", d_sizeof),
        ],
    )
}
