//! The `str` methods built on the shared text algorithms of `str_algo.rs`: split/rsplit/
//! splitlines, partition, strip, replace, find/index/count, startswith/endswith,
//! center/ljust/rjust/zfill, expandtabs, removeprefix/removesuffix, encode, maketrans/translate.
//! Case mappings and predicates live in `str_case.rs`, the Unicode tables in `str_unicode.rs`.

#[path = "str_algo.rs"]
pub mod algo;
#[path = "str_case.rs"]
pub mod case;
#[path = "str_unicode.rs"]
pub mod unicode;

pub use algo::*;

use super::method;
use super::str::{clinic_args, kw_args, old_args, one_arg, self_str};
use crate::obj::Kind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// A str `self` with its character count and whether it is ASCII.
struct Text {
    s: &'static str,
    n: usize,
    ascii: bool,
}

impl Text {
    fn of(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Text> {
        let s = self_str(vm, a, name)?;
        let n = vm.str_char_len(a[0]);
        Ok(Text {
            s,
            n,
            ascii: s.len() == n,
        })
    }
    fn b(&self) -> &'static [u8] {
        self.s.as_bytes()
    }
    fn off(&self, i: usize) -> usize {
        super::str::byte_offset(self.s, self.ascii, i)
    }
    fn chars_to(&self, b: usize) -> usize {
        if self.ascii {
            b
        } else {
            self.s[..b].chars().count()
        }
    }
}

fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<&'static str> {
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("must be str, not {t}")))
        }
    }
}

/// find/rfind/index/rindex/count on str: `Some(char index)` or the count.
fn find_impl(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Option<usize>> {
    let t = Text::of(vm, a, name)?;
    old_args(vm, a, kw, "str", name, 1, 3)?;
    let sub = sub_arg(vm, a[1])?;
    let (start, end) = range_args(vm, a, 2, t.n)?;
    let sub_n = if t.ascii {
        sub.len()
    } else {
        sub.chars().count()
    };
    if end < start || end - start < sub_n {
        return Ok(if name == "count" { Some(0) } else { None });
    }
    if name == "count" && sub.is_empty() {
        return Ok(Some(end - start + 1));
    }
    let (bs, be) = (t.off(start), t.off(end));
    let h = &t.b()[bs..be];
    let found = match name {
        "count" => return Ok(Some(count_sub(h, sub.as_bytes()))),
        "rfind" | "rindex" => rfind_sub(h, sub.as_bytes()),
        _ => find_sub(h, sub.as_bytes()),
    };
    Ok(found.map(|p| t.chars_to(bs + p)))
}

fn find_result(vm: &mut Vm, r: Option<usize>, raise: bool) -> PyResult<Value> {
    match r {
        Some(i) => Ok(Value::small_int(i as isize)),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(Value::small_int(-1)),
    }
}

fn s_find(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let r = find_impl(vm, a, kw, "find")?;
    find_result(vm, r, false)
}
fn s_rfind(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let r = find_impl(vm, a, kw, "rfind")?;
    find_result(vm, r, false)
}
fn s_index(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let r = find_impl(vm, a, kw, "index")?;
    find_result(vm, r, true)
}
fn s_rindex(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let r = find_impl(vm, a, kw, "rindex")?;
    find_result(vm, r, true)
}
fn s_count(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let r = find_impl(vm, a, kw, "count")?;
    Ok(Value::small_int(r.unwrap_or(0) as isize))
}

fn starts_ends(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    let t = Text::of(vm, a, name)?;
    old_args(vm, a, kw, "str", name, 1, 3)?;
    let (start, end) = range_args(vm, a, 2, t.n)?;
    let cands: &[Value] = if a[1].obj_kind() == Some(Kind::Tuple) {
        crate::obj::tuple::items(a[1])
    } else {
        if !vm.is_str(a[1]) {
            let ty = vm.type_name(a[1]);
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {ty}"
            )));
        }
        core::slice::from_ref(&a[1])
    };
    for &c in cands {
        let Some(p) = vm.str_of(c) else {
            let ty = vm.type_name(c);
            return Err(vm.type_error(format!("tuple for {name} must only contain str, not {ty}")));
        };
        let pn = if t.ascii { p.len() } else { p.chars().count() };
        if start > end || end - start < pn {
            continue;
        }
        let (bs, be) = (t.off(start), t.off(end));
        let h = &t.b()[bs..be];
        let hit = if name == "startswith" {
            h.starts_with(p.as_bytes())
        } else {
            h.ends_with(p.as_bytes())
        };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn s_startswith(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    starts_ends(vm, a, kw, "startswith")
}
fn s_endswith(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    starts_ends(vm, a, kw, "endswith")
}

/// The `maxsplit` argument.
pub fn maxsplit_arg(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if v.is_null() {
        Ok(-1)
    } else {
        crate::ops::arith::index_of(vm, v)
    }
}

fn split_impl(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    let t = Text::of(vm, a, name)?;
    let [sep, maxsplit] = kw_args(vm, name, a, kw, ["sep", "maxsplit"])?;
    let maxsplit = maxsplit_arg(vm, maxsplit)?;
    let rev = name == "rsplit";
    let spans = if sep.is_null() || sep.is_none() {
        if rev {
            rsplit_ws(t.b(), true, maxsplit)
        } else {
            split_ws(t.b(), true, maxsplit)
        }
    } else {
        let Some(sep) = vm.str_of(sep) else {
            let ty = vm.type_name(sep);
            return Err(vm.type_error(format!("must be str or None, not {ty}")));
        };
        if sep.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        if rev {
            rsplit_sep(t.b(), sep.as_bytes(), maxsplit)
        } else {
            split_sep(t.b(), sep.as_bytes(), maxsplit)
        }
    };
    spans_to_list(vm, t.b(), &spans, Kind::Str)
}

fn s_split(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    split_impl(vm, a, kw, "split")
}
fn s_rsplit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    split_impl(vm, a, kw, "rsplit")
}

fn s_splitlines(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = Text::of(vm, a, "splitlines")?;
    let [keep] = kw_args(vm, "splitlines", a, kw, ["keepends"])?;
    let keep = !keep.is_null() && crate::ops::arith::index_of(vm, keep)? != 0;
    let spans = split_lines(t.b(), true, keep);
    spans_to_list(vm, t.b(), &spans, Kind::Str)
}

fn partition_impl(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    let t = Text::of(vm, a, name)?;
    one_arg(vm, a, kw, "str", name)?;
    let sep = sub_arg(vm, a[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let h = t.b();
    let found = if name == "partition" {
        find_sub(h, sep.as_bytes())
    } else {
        rfind_sub(h, sep.as_bytes())
    };
    let parts: [&[u8]; 3] = match found {
        Some(p) => [&h[..p], sep.as_bytes(), &h[p + sep.len()..]],
        None if name == "partition" => [h, b"", b""],
        None => [b"", b"", h],
    };
    let x = make(vm, Kind::Str, parts[0])?;
    let y = if found.is_some() { a[1] } else { vm.empty_str };
    let y = if vm.type_of(y) == vm.types.str {
        y
    } else {
        make(vm, Kind::Str, parts[1])?
    };
    let z = make(vm, Kind::Str, parts[2])?;
    vm.new_tuple(&[x, y, z])
}

fn s_partition(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    partition_impl(vm, a, kw, "partition")
}
fn s_rpartition(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    partition_impl(vm, a, kw, "rpartition")
}

fn strip_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let t = Text::of(vm, a, name)?;
    clinic_args(vm, a, kw, "str", name, 0, 1)?;
    let chars = a.get(1).copied().filter(|v| !v.is_none());
    let (i, j) = match chars {
        None => strip_span(t.b(), true, left, right, |c| is_space(c, true)),
        Some(c) => {
            let Some(set) = vm.str_of(c) else {
                return Err(vm.type_error(format!("{name} arg must be None or str")));
            };
            strip_span(t.b(), true, left, right, |c| {
                set.chars().any(|x| x as u32 == c)
            })
        }
    };
    make(vm, Kind::Str, &t.b()[i..j])
}

fn s_strip(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    strip_impl(vm, a, kw, "strip", true, true)
}
fn s_lstrip(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    strip_impl(vm, a, kw, "lstrip", true, false)
}
fn s_rstrip(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    strip_impl(vm, a, kw, "rstrip", false, true)
}

fn s_replace(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = Text::of(vm, a, "replace")?;
    clinic_args(vm, a, kw, "str", "replace", 2, 3)?;
    let mut parts = [""; 2];
    for k in 0..2 {
        let Some(s) = vm.str_of(a[1 + k]) else {
            let ty = vm.type_name(a[1 + k]);
            return Err(vm.type_error(format!(
                "replace() argument {} must be str, not {ty}",
                k + 1
            )));
        };
        parts[k] = s;
    }
    let count = if a.len() > 3 {
        crate::ops::arith::index_of(vm, a[3])?
    } else {
        -1
    };
    let out = replace_bytes(t.b(), parts[0].as_bytes(), parts[1].as_bytes(), count, true);
    super::str::check_size(vm, out.len())?;
    make(vm, Kind::Str, &out)
}

/// The fill character of str.center/ljust/rjust.
fn fill_char(vm: &mut Vm, a: &[Value]) -> PyResult<&'static str> {
    let Some(&f) = a.get(2) else { return Ok(" ") };
    let Some(s) = vm.str_of(f) else {
        let t = vm.type_name(f);
        return Err(vm.type_error(format!(
            "The fill character must be a unicode character, not {t}"
        )));
    };
    if s.chars().count() != 1 {
        return Err(vm.type_error("The fill character must be exactly one character long"));
    }
    Ok(s)
}

fn pad_impl(vm: &mut Vm, a: &[Value], kw: Value, name: &str, how: char) -> PyResult<Value> {
    let t = Text::of(vm, a, name)?;
    clinic_args(vm, a, kw, "str", name, 1, 2)?;
    let width = crate::ops::arith::index_of(vm, a[1])?;
    let fill = fill_char(vm, a)?;
    let width = width.max(0) as usize;
    super::str::check_size(vm, width.saturating_mul(fill.len()))?;
    let out = pad(t.b(), t.n, width, fill.as_bytes(), how);
    make(vm, Kind::Str, &out)
}

fn s_center(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    pad_impl(vm, a, kw, "center", 'c')
}
fn s_ljust(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    pad_impl(vm, a, kw, "ljust", 'l')
}
fn s_rjust(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    pad_impl(vm, a, kw, "rjust", 'r')
}

fn s_zfill(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = Text::of(vm, a, "zfill")?;
    one_arg(vm, a, kw, "str", "zfill")?;
    let width = crate::ops::arith::index_of(vm, a[1])?.max(0) as usize;
    super::str::check_size(vm, width)?;
    let out = zfill(t.b(), t.n, width);
    make(vm, Kind::Str, &out)
}

fn s_expandtabs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = Text::of(vm, a, "expandtabs")?;
    let [size] = kw_args(vm, "expandtabs", a, kw, ["tabsize"])?;
    let size = if size.is_null() {
        8
    } else {
        crate::ops::arith::index_of(vm, size)?
    };
    let tabs = t.s.bytes().filter(|&b| b == b'\t').count();
    super::str::check_size(vm, tabs.saturating_mul(size.max(0) as usize))?;
    let out = expand_tabs(t.b(), true, size);
    make(vm, Kind::Str, &out)
}

fn affix_impl(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    let t = Text::of(vm, a, name)?;
    one_arg(vm, a, kw, "str", name)?;
    let Some(p) = vm.str_of(a[1]) else {
        let ty = vm.type_name(a[1]);
        return Err(vm.type_error(format!("{name}() argument must be str, not {ty}")));
    };
    let r = if name == "removeprefix" {
        t.s.strip_prefix(p)
    } else {
        t.s.strip_suffix(p)
    };
    match r {
        Some(rest) if !p.is_empty() => make(vm, Kind::Str, rest.as_bytes()),
        _ if vm.type_of(a[0]) == vm.types.str => Ok(a[0]),
        _ => make(vm, Kind::Str, t.b()),
    }
}

fn s_removeprefix(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    affix_impl(vm, a, kw, "removeprefix")
}
fn s_removesuffix(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    affix_impl(vm, a, kw, "removesuffix")
}

fn s_encode(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = Text::of(vm, a, "encode")?;
    let [enc, errs] = kw_args(vm, "encode", a, kw, ["encoding", "errors"])?;
    for (v, what) in [(enc, "encoding"), (errs, "errors")] {
        if !v.is_null() && !vm.is_str(v) {
            let ty = vm.type_name(v);
            return Err(vm.type_error(format!("encode() argument '{what}' must be str, not {ty}")));
        }
    }
    let out = super::bytes::encode(vm, t.s, enc, errs)?;
    vm.new_bytes(&out)
}

fn s_maketrans(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let mut args = Vec::from(a);
    args.insert(0, Value::NONE);
    clinic_args(vm, &args, kw, "str", "maketrans", 1, 3)?;
    let d = vm.new_dict()?;
    if a.len() == 1 {
        if crate::obj::dict::as_dict(a[0]).is_none() {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        let items = crate::ops::iter::to_tuple(vm, a[0])?;
        for &k in crate::obj::tuple::items(items) {
            let v = crate::ops::subscr::getitem(vm, a[0], k)?;
            if let Some(s) = vm.str_of(k) {
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => {
                        let key = Value::small_int(c as isize);
                        vm.dict_set(d, key, v)?;
                    }
                    _ => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        );
                    }
                }
            } else if crate::obj::int::is_int(k) {
                vm.dict_set(d, k, v)?;
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            }
        }
        return Ok(d);
    }
    let Some(x) = vm.str_of(a[0]) else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let mut texts = [""; 2];
    for k in 1..a.len() {
        let Some(s) = vm.str_of(a[k]) else {
            let t = vm.type_name(a[k]);
            return Err(vm.type_error(format!(
                "maketrans() argument {} must be str, not {t}",
                k + 1
            )));
        };
        texts[k - 1] = s;
    }
    if x.chars().count() != texts[0].chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (c, r) in x.chars().zip(texts[0].chars()) {
        vm.dict_set(
            d,
            Value::small_int(c as isize),
            Value::small_int(r as isize),
        )?;
    }
    for c in texts[1].chars() {
        vm.dict_set(d, Value::small_int(c as isize), Value::NONE)?;
    }
    Ok(d)
}

fn s_translate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let t = Text::of(vm, a, "translate")?;
    one_arg(vm, a, kw, "str", "translate")?;
    let table = a[1];
    let mut out = String::with_capacity(t.s.len());
    for c in t.s.chars() {
        let r = match crate::ops::subscr::getitem(vm, table, Value::small_int(c as isize)) {
            Ok(r) => r,
            Err(e) if vm.exc_is(e.0, crate::types::ExcKind::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if r.is_none() {
            continue;
        }
        if let Some(s) = vm.str_of(r) {
            out.push_str(s);
        } else if crate::obj::int::is_int(r) {
            let n = crate::ops::arith::index_of(vm, r)?;
            match u32::try_from(n)
                .ok()
                .filter(|&n| n < 0x110000)
                .map(char::from_u32)
            {
                Some(Some(ch)) => out.push(ch),
                Some(None) => out.push('\u{fffd}'),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    vm.new_str(&out)
}

/// Install the `str` methods of this file and of `str_case.rs`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.str;
    vm.add_methods(
        ty,
        &[
            method("find", s_find),
            method("rfind", s_rfind),
            method("index", s_index),
            method("rindex", s_rindex),
            method("count", s_count),
            method("startswith", s_startswith),
            method("endswith", s_endswith),
            method("split", s_split),
            method("rsplit", s_rsplit),
            method("splitlines", s_splitlines),
            method("partition", s_partition),
            method("rpartition", s_rpartition),
            method("strip", s_strip),
            method("lstrip", s_lstrip),
            method("rstrip", s_rstrip),
            method("replace", s_replace),
            method("center", s_center),
            method("ljust", s_ljust),
            method("rjust", s_rjust),
            method("zfill", s_zfill),
            method("expandtabs", s_expandtabs),
            method("removeprefix", s_removeprefix),
            method("removesuffix", s_removesuffix),
            method("encode", s_encode),
            super::staticmethod("maketrans", s_maketrans),
            method("translate", s_translate),
        ],
    )?;
    case::install(vm)
}
