//! "Did you mean" suggestions for `NameError` and `AttributeError` tracebacks, with CPython's
//! edit-distance rule (moves cost 2, case changes 1; a candidate must be within
//! `(len(a) + len(b) + 3) * 2 / 6`; at most 750 candidates of at most 40 characters).

use crate::obj::list::ListObj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance` with a cut-off: `None` when above `max_cost`.
fn distance(a: &str, b: &str, max_cost: usize) -> Option<usize> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return Some(0);
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return Some((a.len() + b.len()) * MOVE_COST).filter(|&d| d <= max_cost);
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return None;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return None;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut min_row = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            min_row = min_row.min(result);
        }
        if min_row > max_cost {
            return None;
        }
    }
    Some(result).filter(|&d| d <= max_cost)
}

/// The closest of `candidates` to `name`, if close enough.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(&str, usize)> = None;
    for (i, c) in candidates.enumerate() {
        if i >= MAX_CANDIDATES {
            break;
        }
        if c == name {
            continue;
        }
        let max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        let limit = best.map_or(max, |(_, d)| max.min(d.saturating_sub(1)));
        if let Some(d) = distance(name, c, limit)
            && best.is_none_or(|(_, bd)| d < bd)
        {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c)
}

fn names_of(vm: &mut Vm, v: Value, out: &mut Vec<String>) -> PyResult<()> {
    let l = crate::ops::iter::to_list(vm, v)?;
    let list = l.as_ref::<ListObj>().expect("list");
    for c in list.items() {
        if let Some(s) = vm.str_of(c.get()) {
            out.push(String::from(s));
        }
    }
    Ok(())
}

/// A suggestion for a missing global/local `name`, from the running frame.
pub fn for_name(vm: &mut Vm, name: Value) -> Option<String> {
    let n = String::from(vm.str_of(name)?);
    let mut cands = Vec::new();
    let locals = crate::builtins::functions::current_locals(vm).ok()?;
    names_of(vm, locals, &mut cands).ok()?;
    if let Some((_, globals, _, _)) = crate::interp::frame::frame_meta(vm.current_frame) {
        names_of(vm, globals, &mut cands).ok()?;
    }
    names_of(vm, vm.builtins, &mut cands).ok()?;
    closest(&n, cands.iter().map(String::as_str)).map(String::from)
}

/// A suggestion for a missing attribute `name` of `obj`.
pub fn for_attribute(vm: &mut Vm, obj: Value, name: Value) -> Option<String> {
    let n = String::from(vm.str_of(name)?);
    let dir = crate::builtins::functions::dir_of(vm, obj).ok()?;
    let mut cands = Vec::new();
    names_of(vm, dir, &mut cands).ok()?;
    closest(&n, cands.iter().map(String::as_str)).map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_close_names_only() {
        let c = ["print", "property", "range"];
        assert_eq!(closest("pritn", c.iter().copied()), Some("print"));
        assert_eq!(closest("xyzzy", c.iter().copied()), None);
        assert_eq!(closest("Range", c.iter().copied()), Some("range"));
    }
}
