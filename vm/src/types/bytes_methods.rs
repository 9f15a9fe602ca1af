//! The methods `bytes` and `bytearray` share (decode, hex/fromhex, the find family, split,
//! strip, replace, join, ASCII case mappings and predicates, padding, translate/maketrans...),
//! built on the text algorithms of `str_methods.rs`. The bytearray mutators live in
//! `bytes_mut.rs`.

#[path = "bytes_mut.rs"]
mod mutators;

use super::bytes::{buffer_of, byte_value, need_buffer};
use super::str::{clinic_args, kw_args, no_args, old_args, one_arg};
use super::str_methods::{self as sm, Span};
use super::{MethodDef, classmethod, method, staticmethod};
use crate::obj::Kind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// The type name for messages.
pub fn owner(k: Kind) -> &'static str {
    if k == Kind::ByteArray {
        "bytearray"
    } else {
        "bytes"
    }
}

/// The contents of `self` (`args[0]`) for method `name` of the type with layout `k`.
pub fn self_bytes(vm: &mut Vm, a: &[Value], k: Kind, name: &str) -> PyResult<Vec<u8>> {
    let o = owner(k);
    let Some(&v) = a.first() else {
        return Err(vm.type_error(format!("unbound method {o}.{name}() needs an argument")));
    };
    if v.obj_kind() != Some(k) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor '{name}' for '{o}' objects doesn't apply to a '{t}' object"
        )));
    }
    Ok(buffer_of(vm, v).unwrap_or_default())
}

/// `hex()` of `data` with an optional separator and group size.
pub fn hex_of(vm: &mut Vm, data: &[u8], sep: Value, per: Value) -> PyResult<Value> {
    let sep_byte = if sep.is_null() {
        None
    } else {
        let s: Vec<u8> = if let Some(s) = vm.str_of(sep) {
            if s.chars().count() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !s.is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            s.as_bytes().to_vec()
        } else if let Some(b) = buffer_of(vm, sep) {
            if b.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if b[0] >= 0x80 {
                return Err(vm.value_error("sep must be ASCII."));
            }
            b
        } else {
            let t = vm.type_name(sep);
            return Err(vm.type_error(format!("object of type '{t}' has no len()")));
        };
        Some(s[0])
    };
    let per = if per.is_null() {
        1
    } else {
        crate::ops::arith::index_of(vm, per)?
    };
    let g = per.unsigned_abs();
    let n = data.len();
    let mut out = String::with_capacity(n * 3);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep_byte {
            let cut = g != 0
                && i > 0
                && if per > 0 {
                    (n - i).is_multiple_of(g)
                } else {
                    i.is_multiple_of(g)
                };
            if cut {
                out.push(s as char);
            }
        }
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    vm.new_str(&out)
}

fn hex(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, "hex")?;
    let [sep, per] = kw_args(vm, "hex", a, kw, ["sep", "bytes_per_sep"])?;
    hex_of(vm, &d, sep, per)
}

fn fromhex(vm: &mut Vm, a: &[Value], kw: Value, _k: Kind) -> PyResult<Value> {
    one_arg(vm, a, kw, "bytes", "fromhex")?;
    let Some(s) = vm.str_of(a[1]) else {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {t}")));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |vm: &mut Vm, p: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {p}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii() && sm::is_space(chars[i] as u32, false) {
            i += 1;
            continue;
        }
        let Some(hi) = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()) else {
            return Err(bad(vm, i));
        };
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()));
        let Some(lo) = lo else {
            return Err(bad(vm, i + 1));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let cls = a[0];
    if cls == Value::from_obj(vm.types.bytes) {
        return vm.new_bytes(&out);
    }
    if cls == Value::from_obj(vm.types.bytearray) {
        return vm.new_bytearray(&out);
    }
    let b = vm.new_bytes(&out)?;
    vm.call(cls, &[b])
}

fn decode(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, "decode")?;
    let [enc, errs] = kw_args(vm, "decode", a, kw, ["encoding", "errors"])?;
    for (v, what) in [(enc, "encoding"), (errs, "errors")] {
        if !v.is_null() && !vm.is_str(v) {
            let t = vm.type_name(v);
            return Err(vm.type_error(format!("decode() argument '{what}' must be str, not {t}")));
        }
    }
    super::bytes::decode(vm, &d, enc, errs)
}

/// The `sub` argument of the find family: a byte value or a bytes-like object.
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if crate::obj::int::is_int(v) {
        return Ok(alloc::vec![byte_value(vm, v)?]);
    }
    if let Some(b) = buffer_of(vm, v) {
        return Ok(b);
    }
    if crate::ops::attr::call_special(vm, v, "__index__", &[])?.is_some() {
        return Ok(alloc::vec![byte_value(vm, v)?]);
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{t}'"
    )))
}

fn find_impl(vm: &mut Vm, a: &[Value], kw: Value, k: Kind, name: &str) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    old_args(vm, a, kw, owner(k), name, 1, 3)?;
    let sub = sub_arg(vm, a[1])?;
    let (start, end) = sm::range_args(vm, a, 2, d.len())?;
    let fits = end >= start && end - start >= sub.len();
    if name == "count" {
        let n = match () {
            _ if !fits => 0,
            _ if sub.is_empty() => end - start + 1,
            _ => sm::count_sub(&d[start..end], &sub),
        };
        return Ok(Value::small_int(n as isize));
    }
    let found = if !fits {
        None
    } else if name.starts_with('r') {
        sm::rfind_sub(&d[start..end], &sub)
    } else {
        sm::find_sub(&d[start..end], &sub)
    };
    match found {
        Some(p) => Ok(Value::small_int((start + p) as isize)),
        None if name.ends_with("index") => Err(vm.value_error("subsection not found")),
        None => Ok(Value::small_int(-1)),
    }
}

fn find(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    find_impl(vm, a, kw, k, "find")
}
fn rfind(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    find_impl(vm, a, kw, k, "rfind")
}
fn index(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    find_impl(vm, a, kw, k, "index")
}
fn rindex(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    find_impl(vm, a, kw, k, "rindex")
}
fn count(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    find_impl(vm, a, kw, k, "count")
}

fn starts_ends(vm: &mut Vm, a: &[Value], kw: Value, k: Kind, name: &str) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    old_args(vm, a, kw, owner(k), name, 1, 3)?;
    let (start, end) = sm::range_args(vm, a, 2, d.len())?;
    let cands: &[Value] = if a[1].obj_kind() == Some(Kind::Tuple) {
        crate::obj::tuple::items(a[1])
    } else {
        if buffer_of(vm, a[1]).is_none() {
            let t = vm.type_name(a[1]);
            return Err(vm.type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {t}"
            )));
        }
        core::slice::from_ref(&a[1])
    };
    for &c in cands {
        let p = need_buffer(vm, c)?;
        if start > end || end - start < p.len() {
            continue;
        }
        let h = &d[start..end];
        if if name == "startswith" {
            h.starts_with(&p)
        } else {
            h.ends_with(&p)
        } {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn startswith(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    starts_ends(vm, a, kw, k, "startswith")
}
fn endswith(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    starts_ends(vm, a, kw, k, "endswith")
}

fn split_impl(vm: &mut Vm, a: &[Value], kw: Value, k: Kind, name: &str) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    let [sep, maxsplit] = kw_args(vm, name, a, kw, ["sep", "maxsplit"])?;
    let maxsplit = sm::maxsplit_arg(vm, maxsplit)?;
    let rev = name == "rsplit";
    let spans: Vec<Span> = if sep.is_null() || sep.is_none() {
        if rev {
            sm::rsplit_ws(&d, false, maxsplit)
        } else {
            sm::split_ws(&d, false, maxsplit)
        }
    } else {
        let sep = need_buffer(vm, sep)?;
        if sep.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        if rev {
            sm::rsplit_sep(&d, &sep, maxsplit)
        } else {
            sm::split_sep(&d, &sep, maxsplit)
        }
    };
    sm::spans_to_list(vm, &d, &spans, k)
}

fn split(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    split_impl(vm, a, kw, k, "split")
}
fn rsplit(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    split_impl(vm, a, kw, k, "rsplit")
}

fn splitlines(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, "splitlines")?;
    let [keep] = kw_args(vm, "splitlines", a, kw, ["keepends"])?;
    let keep = !keep.is_null() && crate::ops::arith::index_of(vm, keep)? != 0;
    let spans = sm::split_lines(&d, false, keep);
    sm::spans_to_list(vm, &d, &spans, k)
}

fn partition_impl(vm: &mut Vm, a: &[Value], kw: Value, k: Kind, name: &str) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    one_arg(vm, a, kw, owner(k), name)?;
    let sep = need_buffer(vm, a[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if name == "partition" {
        sm::find_sub(&d, &sep)
    } else {
        sm::rfind_sub(&d, &sep)
    };
    let parts: [&[u8]; 3] = match found {
        Some(p) => [&d[..p], &sep, &d[p + sep.len()..]],
        None if name == "partition" => [&d, b"", b""],
        None => [b"", b"", &d],
    };
    let x = sm::make(vm, k, parts[0])?;
    let y = sm::make(vm, k, parts[1])?;
    let z = sm::make(vm, k, parts[2])?;
    vm.new_tuple(&[x, y, z])
}

fn partition(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    partition_impl(vm, a, kw, k, "partition")
}
fn rpartition(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    partition_impl(vm, a, kw, k, "rpartition")
}

fn strip_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    k: Kind,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    clinic_args(vm, a, kw, owner(k), name, 0, 1)?;
    let (i, j) = match a.get(1).copied().filter(|v| !v.is_none()) {
        None => sm::strip_span(&d, false, left, right, |c| sm::is_space(c, false)),
        Some(c) => {
            let set = need_buffer(vm, c)?;
            sm::strip_span(&d, false, left, right, |c| set.contains(&(c as u8)))
        }
    };
    // Exact bytes with nothing to strip are returned as they are (bytes are immutable).
    if (i, j) == (0, d.len()) && k == Kind::Bytes && a[0].obj_type() == Some(vm.types.bytes) {
        return Ok(a[0]);
    }
    sm::make(vm, k, &d[i..j])
}

fn strip(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    strip_impl(vm, a, kw, k, "strip", true, true)
}
fn lstrip(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    strip_impl(vm, a, kw, k, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    strip_impl(vm, a, kw, k, "rstrip", false, true)
}

fn replace(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, "replace")?;
    clinic_args(vm, a, kw, owner(k), "replace", 2, 3)?;
    let old = need_buffer(vm, a[1])?;
    let new = need_buffer(vm, a[2])?;
    let count = if a.len() > 3 {
        crate::ops::arith::index_of(vm, a[3])?
    } else {
        -1
    };
    let out = sm::replace_bytes(&d, &old, &new, count, false);
    super::str::check_size(vm, out.len())?;
    sm::make(vm, k, &out)
}

fn join(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    let sep = self_bytes(vm, a, k, "join")?;
    one_arg(vm, a, kw, owner(k), "join")?;
    if vm.iter(a[1]).is_err() {
        return Err(vm.type_error("can only join an iterable"));
    }
    let items = crate::ops::iter::to_tuple(vm, a[1])?;
    let mut out = Vec::new();
    for (i, &it) in crate::obj::tuple::items(items).iter().enumerate() {
        let Some(b) = buffer_of(vm, it) else {
            let t = vm.type_name(it);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {t} found"
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
        super::str::check_size(vm, out.len())?;
    }
    sm::make(vm, k, &out)
}

fn map_bytes(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    k: Kind,
    name: &str,
    f: impl Fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    no_args(vm, a, kw, owner(k), name)?;
    let out = f(&d);
    sm::make(vm, k, &out)
}

fn upper(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    map_bytes(vm, a, kw, k, "upper", |d| d.to_ascii_uppercase())
}
fn lower(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    map_bytes(vm, a, kw, k, "lower", |d| d.to_ascii_lowercase())
}
fn swapcase(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    map_bytes(vm, a, kw, k, "swapcase", |d| {
        d.iter()
            .map(|&c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}
fn capitalize(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    map_bytes(vm, a, kw, k, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn title(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    map_bytes(vm, a, kw, k, "title", |d| {
        let mut prev = false;
        d.iter()
            .map(|&c| {
                let r = if prev {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn predicate(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    k: Kind,
    name: &str,
    empty: bool,
    f: impl Fn(u8) -> bool,
) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    no_args(vm, a, kw, owner(k), name)?;
    Ok(Value::from_bool(if d.is_empty() {
        empty
    } else {
        d.iter().all(|&c| f(c))
    }))
}

fn isalnum(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    predicate(vm, a, kw, k, "isalnum", false, |c| {
        c.is_ascii_alphanumeric()
    })
}
fn isalpha(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    predicate(vm, a, kw, k, "isalpha", false, |c| c.is_ascii_alphabetic())
}
fn isdigit(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    predicate(vm, a, kw, k, "isdigit", false, |c| c.is_ascii_digit())
}
fn isspace(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    predicate(vm, a, kw, k, "isspace", false, |c| {
        sm::is_space(c as u32, false)
    })
}
fn isascii(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    predicate(vm, a, kw, k, "isascii", true, |c| c < 0x80)
}

fn case_check(vm: &mut Vm, a: &[Value], kw: Value, k: Kind, name: &str) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    no_args(vm, a, kw, owner(k), name)?;
    let (up, low) = (
        d.iter().any(u8::is_ascii_uppercase),
        d.iter().any(u8::is_ascii_lowercase),
    );
    let r = match name {
        "isupper" => up && !low,
        "islower" => low && !up,
        _ => {
            let (mut cased, mut prev) = (false, false);
            let mut ok = true;
            for &c in &d {
                if c.is_ascii_uppercase() {
                    ok &= !prev;
                    prev = true;
                    cased = true;
                } else if c.is_ascii_lowercase() {
                    ok &= prev;
                    prev = true;
                    cased = true;
                } else {
                    prev = false;
                }
            }
            ok && cased
        }
    };
    Ok(Value::from_bool(r))
}

fn isupper(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    case_check(vm, a, kw, k, "isupper")
}
fn islower(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    case_check(vm, a, kw, k, "islower")
}
fn istitle(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    case_check(vm, a, kw, k, "istitle")
}

fn fill_byte(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<u8> {
    let Some(&f) = a.get(2) else { return Ok(b' ') };
    match buffer_of(vm, f) {
        Some(b) if b.len() == 1 && matches!(f.obj_kind(), Some(Kind::Bytes | Kind::ByteArray)) => {
            Ok(b[0])
        }
        _ => {
            let t = vm.type_name(f);
            Err(vm.type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {t}"
            )))
        }
    }
}

fn pad_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    k: Kind,
    name: &str,
    how: char,
) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    clinic_args(vm, a, kw, owner(k), name, 1, 2)?;
    let width = crate::ops::arith::index_of(vm, a[1])?.max(0) as usize;
    let fill = fill_byte(vm, a, name)?;
    super::str::check_size(vm, width)?;
    let out = sm::pad(&d, d.len(), width, &[fill], how);
    sm::make(vm, k, &out)
}

fn center(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    pad_impl(vm, a, kw, k, "center", 'c')
}
fn ljust(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    pad_impl(vm, a, kw, k, "ljust", 'l')
}
fn rjust(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    pad_impl(vm, a, kw, k, "rjust", 'r')
}

fn zfill(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, "zfill")?;
    one_arg(vm, a, kw, owner(k), "zfill")?;
    let width = crate::ops::arith::index_of(vm, a[1])?.max(0) as usize;
    super::str::check_size(vm, width)?;
    let out = sm::zfill(&d, d.len(), width);
    sm::make(vm, k, &out)
}

fn expandtabs(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, "expandtabs")?;
    let [size] = kw_args(vm, "expandtabs", a, kw, ["tabsize"])?;
    let size = if size.is_null() {
        8
    } else {
        crate::ops::arith::index_of(vm, size)?
    };
    let tabs = d.iter().filter(|&&b| b == b'\t').count();
    super::str::check_size(vm, tabs.saturating_mul(size.max(0) as usize))?;
    let out = sm::expand_tabs(&d, false, size);
    sm::make(vm, k, &out)
}

fn affix(vm: &mut Vm, a: &[Value], kw: Value, k: Kind, name: &str) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, name)?;
    one_arg(vm, a, kw, owner(k), name)?;
    let p = need_buffer(vm, a[1])?;
    let r = if name == "removeprefix" {
        d.strip_prefix(p.as_slice())
    } else {
        d.strip_suffix(p.as_slice())
    };
    sm::make(vm, k, r.unwrap_or(&d))
}

fn removeprefix(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    affix(vm, a, kw, k, "removeprefix")
}
fn removesuffix(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    affix(vm, a, kw, k, "removesuffix")
}

fn translate(vm: &mut Vm, a: &[Value], kw: Value, k: Kind) -> PyResult<Value> {
    let d = self_bytes(vm, a, k, "translate")?;
    let [table, delete] = kw_args(vm, "translate", a, kw, ["$table", "delete"])?;
    if table.is_null() {
        return Err(vm.type_error("translate() takes at least 1 argument (0 given)"));
    }
    let table = if table.is_none() {
        None
    } else {
        let t = need_buffer(vm, table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = if delete.is_null() {
        Vec::new()
    } else {
        need_buffer(vm, delete)?
    };
    let out: Vec<u8> = d
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    sm::make(vm, k, &out)
}

fn maketrans(vm: &mut Vm, a: &[Value], kw: Value, _k: Kind) -> PyResult<Value> {
    let mut args = Vec::from(a);
    args.insert(0, Value::NONE);
    clinic_args(vm, &args, kw, "bytes", "maketrans", 2, 2)?;
    let from = need_buffer(vm, a[0])?;
    let to = need_buffer(vm, a[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (&f, &r) in from.iter().zip(&to) {
        t[f as usize] = r;
    }
    vm.new_bytes(&t)
}

macro_rules! both {
    ($($name:literal => $f:ident : $how:ident),* $(,)?) => {
        mod on_bytes {
            use super::*;
            $(pub fn $f(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> { super::$f(vm, a, kw, Kind::Bytes) })*
        }
        mod on_bytearray {
            use super::*;
            $(pub fn $f(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> { super::$f(vm, a, kw, Kind::ByteArray) })*
        }
        fn defs(k: Kind) -> Vec<MethodDef> {
            if k == Kind::Bytes {
                alloc::vec![$($how($name, on_bytes::$f)),*]
            } else {
                alloc::vec![$($how($name, on_bytearray::$f)),*]
            }
        }
    };
}

both! {
    "hex" => hex: method, "fromhex" => fromhex: classmethod, "decode" => decode: method,
    "find" => find: method, "rfind" => rfind: method, "index" => index: method,
    "rindex" => rindex: method, "count" => count: method, "startswith" => startswith: method,
    "endswith" => endswith: method, "split" => split: method, "rsplit" => rsplit: method,
    "splitlines" => splitlines: method, "partition" => partition: method,
    "rpartition" => rpartition: method, "strip" => strip: method, "lstrip" => lstrip: method,
    "rstrip" => rstrip: method, "replace" => replace: method, "join" => join: method,
    "upper" => upper: method, "lower" => lower: method, "swapcase" => swapcase: method,
    "capitalize" => capitalize: method, "title" => title: method, "isalnum" => isalnum: method,
    "isalpha" => isalpha: method, "isdigit" => isdigit: method, "isspace" => isspace: method,
    "isascii" => isascii: method, "isupper" => isupper: method, "islower" => islower: method,
    "istitle" => istitle: method, "center" => center: method, "ljust" => ljust: method,
    "rjust" => rjust: method, "zfill" => zfill: method, "expandtabs" => expandtabs: method,
    "removeprefix" => removeprefix: method, "removesuffix" => removesuffix: method,
    "translate" => translate: method, "maketrans" => maketrans: staticmethod,
}

/// Install the shared methods on `bytes` and `bytearray`, and the bytearray mutators.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let b = vm.types.bytes;
    vm.add_methods(b, &defs(Kind::Bytes))?;
    let ba = vm.types.bytearray;
    vm.add_methods(ba, &defs(Kind::ByteArray))?;
    mutators::install(vm)
}
