//! `str`: construction, indexing and slicing by code point, and the string methods.

use super::{method, staticmethod};
use crate::builtins::args;
use crate::obj::SliceObj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;

/// The text of `self` for a str method, or a TypeError.
pub fn this(vm: &mut Vm, v: Value, method: &str) -> PyResult<&'static str> {
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(alloc::format!("descriptor '{method}' requires a 'str' object but received a '{t}'")))
        }
    }
}

/// A str argument, or a TypeError naming the method.
pub fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static str> {
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(alloc::format!("{what} must be str, not {t}")))
        }
    }
}

/// `s[key]` for str values.
pub fn str_getitem(vm: &mut Vm, s: Value, key: Value) -> PyResult<Value> {
    let text = vm.str_of(s).expect("str");
    let ascii = text.len() == vm.str_char_len(s);
    if let Some(sl) = key.as_ref::<SliceObj>() {
        let n = vm.str_char_len(s);
        let (start, _, step, count) = crate::ops::subscr::slice_indices(vm, sl, n)?;
        if ascii {
            let b = text.as_bytes();
            let out: Vec<u8> = (0..count).map(|k| b[(start + k as isize * step) as usize]).collect();
            return vm.new_str(crate::value::utf8_unchecked(&out));
        }
        let chars: Vec<char> = text.chars().collect();
        let out: String = (0..count).map(|k| chars[(start + k as isize * step) as usize]).collect();
        return vm.new_str(&out);
    }
    let n = vm.str_char_len(s);
    let i = crate::ops::subscr::seq_index(vm, key, n, "string")?;
    let c = if ascii { text.as_bytes()[i] as char } else { text.chars().nth(i).expect("in range") };
    let mut buf = [0u8; 4];
    vm.new_str(c.encode_utf8(&mut buf))
}

fn str_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let [obj, encoding, errors] = args::parse(vm, "str", &a[1..], kwnames, ["object", "encoding", "errors"], 0)?;
    let v = if obj.is_null() {
        vm.empty_str
    } else if encoding.is_null() && errors.is_null() {
        vm.str(obj)?
    } else {
        let Some(bytes) = crate::ops::buffer::bytes_like(vm, obj) else {
            let t = vm.type_name(obj);
            return Err(vm.type_error(alloc::format!("decoding to str: need a bytes-like object, {t} found")));
        };
        super::bytes::decode(vm, &bytes, encoding, errors)?
    };
    if a[0] == Value::from_obj(vm.types.str) {
        return Ok(v);
    }
    // A str subclass instance: copy the text into an object of that type.
    let ty = a[0].downcast::<crate::obj::TypeObj>().expect("type");
    let text = String::from(vm.str_of(v).unwrap_or(""));
    new_str_of_type(vm, ty, &text)
}

/// A str object of a str subclass.
pub fn new_str_of_type(vm: &mut Vm, ty: crate::gc::Gc<crate::obj::TypeObj>, text: &str) -> PyResult<Value> {
    let bytes = text.as_bytes();
    let head = crate::obj::str::StrHead {
        header: crate::obj::Header::new(ty),
        hash: core::cell::Cell::new(-1),
        char_len: text.chars().count(),
    };
    let extra = ty.instance_size.get().saturating_sub(core::mem::size_of::<crate::obj::str::StrHead>());
    let _ = extra;
    let g = vm.alloc_var(head, bytes.len(), |i| bytes[i], false)?;
    Ok(Value::from_obj(g))
}

fn str_join(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::exact(vm, "join", a, kwnames, 2)?;
    let sep = this(vm, a[0], "join")?;
    let items = crate::ops::iter::to_tuple(vm, a[1])?;
    let mut out = String::new();
    for (i, &it) in crate::obj::tuple::items(items).iter().enumerate() {
        let Some(s) = vm.str_of(it) else {
            let t = vm.type_name(it);
            return Err(vm.type_error(alloc::format!("sequence item {i}: expected str instance, {t} found")));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s);
    }
    vm.new_str(&out)
}

/// Install `str` methods (more live in `types::str_methods`).
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.str;
    vm.add_methods(ty, &[staticmethod("__new__", str_new), method("join", str_join)])
}
