//! Argument parsing for functions written in Rust: positional and keyword arguments matched to
//! parameter names, with CPython's error messages.

use crate::obj::tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;

/// Match `args`/`kwnames` to `names`. The first `required` parameters must be given; missing
/// optional ones are NULL. Names starting with `$` are positional-only (the `$` is not part of
/// the name); a name `*` ends positional parameters (the rest are keyword-only).
pub fn parse<const N: usize>(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: Value,
    names: [&str; N],
    required: usize,
) -> PyResult<[Value; N]> {
    let mut out = [Value::NULL; N];
    let kwn = tuple::items(kwnames);
    let npos = args.len() - kwn.len();
    let max_pos = names.iter().position(|n| *n == "*").unwrap_or(N);
    if npos > max_pos {
        let msg = if required == max_pos {
            if max_pos == 0 {
                format!("{fname}() takes no arguments ({npos} given)")
            } else if max_pos == 1 {
                format!("{fname}() takes exactly one argument ({npos} given)")
            } else {
                format!("{fname}() takes exactly {max_pos} arguments ({npos} given)")
            }
        } else {
            format!("{fname}() takes at most {max_pos} arguments ({npos} given)")
        };
        return Err(vm.type_error(msg));
    }
    out[..npos].copy_from_slice(&args[..npos]);
    for (j, &k) in kwn.iter().enumerate() {
        let key = vm.str_of(k).unwrap_or("");
        let slot = names
            .iter()
            .position(|n| !n.starts_with('$') && *n != "*" && *n == key);
        match slot {
            Some(i) => {
                if !out[i].is_null() {
                    return Err(vm.type_error(format!(
                        "argument for {fname}() given by name ('{key}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = args[npos + j];
            }
            None => {
                return Err(vm.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{key}'"
                )));
            }
        }
    }
    for i in 0..required.min(N) {
        if out[i].is_null() {
            let name = names[i].trim_start_matches('$');
            if i < max_pos && kwn.is_empty() {
                let msg = if required == 1 {
                    format!("{fname}() takes exactly one argument ({npos} given)")
                } else if required == max_pos {
                    format!("{fname}() takes exactly {required} arguments ({npos} given)")
                } else {
                    format!(
                        "{fname}() missing required argument '{name}' (pos {})",
                        i + 1
                    )
                };
                return Err(vm.type_error(msg));
            }
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Exactly `n` positional arguments and no keywords (methods: `n` includes `self`).
pub fn exact(vm: &mut Vm, fname: &str, args: &[Value], kwnames: Value, n: usize) -> PyResult<()> {
    no_kw(vm, fname, kwnames)?;
    if args.len() != n {
        let given = args.len();
        let msg = match n {
            0 => format!("{fname}() takes no arguments ({given} given)"),
            1 => format!("{fname}() takes exactly one argument ({given} given)"),
            // CPython's fixed-count builtins check with `_PyArg_CheckPositional`.
            _ => format!("{fname} expected {n} arguments, got {given}"),
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// Between `min` and `max` positional arguments, no keywords.
pub fn range(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: Value,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kw(vm, fname, kwnames)?;
    let given = args.len();
    if given < min {
        let msg = if min == max {
            format!(
                "{fname} expected {min} argument{}, got {given}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at least {min} argument{}, got {given}",
                if min == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    if given > max {
        let msg = if max == 0 {
            format!("{fname}() takes no arguments ({given} given)")
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {given}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// Reject keyword arguments.
pub fn no_kw(vm: &mut Vm, fname: &str, kwnames: Value) -> PyResult<()> {
    if !tuple::items(kwnames).is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    Ok(())
}

/// An optional argument: `default` when NULL.
pub fn or(v: Value, default: Value) -> Value {
    if v.is_null() { default } else { v }
}
