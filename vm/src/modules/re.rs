//! The `re` module: `compile`, `match`, `search`, `fullmatch`, `findall`, `finditer`, `sub`,
//! `subn`, `split` and `escape`, with `Pattern` and `Match` objects and `re.error`, written in
//! Python over two functions of the engine (`re_engine.rs`): `_parse` checks a pattern and
//! describes its groups, `_scan` finds one match or every match of it in a string.

use super::re_engine::{self, Find, Regex, Stop};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::vec::Vec;

/// Build the `re` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("re")?;
    super::add_functions(vm, m, &[("_parse", parse), ("_scan", scan)])?;
    let too_deep = vm.new_str(re_engine::TOO_DEEP)?;
    let d = vm.module_dict(m);
    vm.dict_set_str(d, "_TOO_DEEP", too_deep)?;
    super::types_::run_python(vm, m, &crate::pylib::RE, "<re>")?;
    Ok(m)
}

/// The units a pattern or subject is matched in: code points of a str, bytes otherwise; and
/// whether they are bytes.
fn units(vm: &mut Vm, v: Value) -> PyResult<(Vec<u32>, bool)> {
    if let Some(s) = vm.str_of(v) {
        // Sized first: growing by doubling would need half as much again in one piece.
        let mut out = Vec::with_capacity(s.chars().count());
        out.extend(s.chars().map(|c| c as u32));
        return Ok((out, false));
    }
    match crate::ops::buffer::bytes_like(vm, v) {
        Some(b) => Ok((b.into_iter().map(u32::from).collect(), true)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(alloc::format!(
                "expected string or bytes-like object, got '{t}'"
            )))
        }
    }
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    crate::obj::int::to_i64(v).ok_or_else(|| vm.type_error("an integer is required"))
}

fn compile_regex(
    vm: &mut Vm,
    pattern: Value,
    flags: Value,
) -> PyResult<Result<Regex, re_engine::Error>> {
    let (p, bytes) = units(vm, pattern)?;
    let flags = int_arg(vm, flags)? as u32;
    if bytes && flags & re_engine::ASCII == 0 && flags & 32 != 0 {
        return Err(vm.value_error("cannot use UNICODE flag with a bytes pattern"));
    }
    Ok(Regex::new(&p, flags, bytes))
}

/// `_parse(pattern, flags)`: `(groups, [(name, number), ...], flags)`, or `(None, message,
/// position)` for a malformed pattern.
fn parse(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let [pattern, flags] = a else {
        return Err(vm.type_error("_parse() takes 2 arguments"));
    };
    match compile_regex(vm, *pattern, *flags)? {
        Ok(re) => {
            // The pairs go straight into a heap list: a Rust vector is not scanned by the
            // collector, so a pair kept there could be freed by the next allocation.
            let names = vm.new_list(&[])?;
            let list = names.as_ref::<crate::obj::list::ListObj>().expect("list");
            for (name, i) in &re.names {
                let n = vm.new_str(name)?;
                let pair = vm.new_tuple(&[n, Value::small_int(*i as isize)])?;
                vm.list_append(list, pair)?;
            }
            vm.new_tuple(&[
                Value::small_int(re.groups as isize),
                names,
                Value::small_int(re.flags as isize),
            ])
        }
        Err(e) => {
            let msg = vm.new_str(&e.msg)?;
            let pos = if e.pos == usize::MAX {
                Value::NONE
            } else {
                Value::small_int(e.pos as isize)
            };
            vm.new_tuple(&[Value::NONE, msg, pos])
        }
    }
}

/// `_scan(pattern, flags, string, pos, endpos, mode, limit)`: mode 0 matches at `pos`, 1
/// searches from it, 2 matches all of `string[pos:endpos]` (each the spans of one match, or
/// None), 3 finds every non-overlapping match (at most `limit` when positive) as a list of
/// spans. Spans list start and end for group 0 and each group, -1 where a group took no part.
fn scan(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let [pattern, flags, string, pos, endpos, mode, limit] = a else {
        return Err(vm.type_error("_scan() takes 7 arguments"));
    };
    let re = match compile_regex(vm, *pattern, *flags)? {
        Ok(re) => re,
        Err(e) => return Err(vm.value_error(&e.msg)),
    };
    // The subject is copied as 4-byte units, and backtracking keeps its frames beside it: on a
    // board both must fit the Rust allocator's RAM.
    if let Ok(n) = crate::ops::subscr::len(vm, *string) {
        vm.check_native_room(n.saturating_mul(8))?;
    }
    let (mut text, _) = units(vm, *string)?;
    let stack_limit = vm.host.native_heap_room() / 2;
    let endpos = int_arg(vm, *endpos)?.clamp(0, text.len() as i64) as usize;
    text.truncate(endpos);
    let mut pos = int_arg(vm, *pos)?.clamp(0, endpos as i64) as usize;
    let mode = int_arg(vm, *mode)?;
    let limit = int_arg(vm, *limit)?.max(0) as usize;
    let mut poll = || crate::vm::INTERRUPTED.load(core::sync::atomic::Ordering::Relaxed);
    let mut find = |vm: &mut Vm, at: usize, search: bool, full: bool, not_empty_at| {
        let how = Find {
            search,
            full,
            not_empty_at,
            stack_limit,
        };
        match re.find(&text, at, &how, &mut poll) {
            Ok(found) => Ok(found),
            Err(Stop::Interrupted) => {
                vm.check_interrupt()?;
                Ok(None)
            }
            Err(Stop::NoMemory) => Err(vm.memory_error()),
        }
    };
    let spans = |vm: &mut Vm, caps: &[usize]| -> PyResult<Value> {
        let items: Vec<Value> = caps
            .iter()
            .map(|&c| Value::small_int(if c == usize::MAX { -1 } else { c as isize }))
            .collect();
        vm.new_tuple(&items)
    };
    if mode != 3 {
        return match find(vm, pos, mode == 1, mode == 2, None)? {
            Some(caps) => spans(vm, &caps),
            None => Ok(Value::NONE),
        };
    }
    let out = vm.new_list(&[])?;
    let list = out.as_ref::<crate::obj::list::ListObj>().expect("list");
    // After an empty match the next one may not be empty at the same place (CPython's rule:
    // a non-empty match may start there).
    let mut not_empty_at = None;
    while pos <= text.len() {
        let Some(caps) = find(vm, pos, true, false, not_empty_at)? else {
            break;
        };
        let (start, end) = (caps[0], caps[1]);
        let item = spans(vm, &caps)?;
        vm.list_append(list, item)?;
        if limit > 0 && list.len() >= limit {
            break;
        }
        not_empty_at = (start == end).then_some(end);
        pos = end;
    }
    Ok(out)
}
