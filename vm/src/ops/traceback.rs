//! Tracebacks: the `(code, line)` entries an exception collects as it leaves frames, and
//! printing an uncaught exception the way CPython does (chained causes and contexts first).

use crate::obj::exc::ExcObj;
use crate::obj::func::CodeObj;
use crate::obj::list::ListObj;
use crate::obj::tuple;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::format;
use alloc::string::String;

/// Append a frame entry to `exc`'s traceback (also while the heap is locked: the traceback is
/// part of the exception, which MicroPython keeps in its emergency buffer).
pub fn add_entry(vm: &mut Vm, exc: Value, code: Value, line: u32) {
    vm.outside_heap_lock(|vm| add_entry_unlocked(vm, exc, code, line));
}

fn add_entry_unlocked(vm: &mut Vm, exc: Value, code: Value, line: u32) {
    let Some(e) = exc.as_ref::<ExcObj>() else {
        return;
    };
    let tb = e.traceback.get();
    let tb = if tb.is_none() || tb.is_null() {
        match vm.new_list(&[]) {
            Ok(l) => {
                e.traceback.set(l);
                l
            }
            Err(_) => return,
        }
    } else {
        tb
    };
    let Some(l) = tb.as_ref::<ListObj>() else {
        return;
    };
    if let Ok(entry) = vm.new_tuple(&[code, Value::small_int(line as isize)]) {
        let _ = vm.list_append(l, entry);
    }
}

/// Make `handled` the `__context__` of `new`, as raising `new` while handling `handled` does.
/// A chain that already leads back to `new` is cut there first, so no cycle forms (CPython
/// does the same).
pub fn chain_context(handled: Value, new: Value) {
    let Some(x) = new.as_ref::<ExcObj>() else {
        return;
    };
    if handled.is_none() || handled == new {
        return;
    }
    let mut cur = handled;
    for _ in 0..10_000 {
        let Some(e) = cur.as_ref::<ExcObj>() else {
            break;
        };
        let next = e.context.get();
        if next == new {
            e.context.set(Value::NONE);
            break;
        }
        cur = next;
    }
    x.context.set(handled);
}

/// `exc`'s traceback entries (a list of `(code, line)`, innermost first), or None.
pub fn traceback_of(exc: Value) -> Value {
    match exc.as_ref::<ExcObj>() {
        Some(e) => e.traceback.get(),
        None => Value::NONE,
    }
}

/// The helper module holding the traceback and frame classes (made on first use).
fn objects_module(vm: &mut Vm) -> PyResult<Value> {
    crate::modules::types_::python_module(
        vm,
        "_traceback_objects",
        &crate::pylib::TRACEBACK_OBJECTS,
    )
}

/// `exc.__traceback__` as Python sees it: a chain of traceback objects (outermost first), or
/// None.
pub fn traceback_object(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    let entries = traceback_of(exc);
    if entries.is_null() || entries.is_none() {
        return Ok(Value::NONE);
    }
    if entries.as_ref::<ListObj>().is_none() {
        return Ok(entries);
    }
    let m = objects_module(vm)?;
    let build = vm.getattr_str(m, "build")?;
    vm.call(build, &[entries])
}

/// A frame object for code at `line` (a suspended generator's `gi_frame`).
pub fn frame_object(vm: &mut Vm, code: Value, line: u32, globals: Value) -> PyResult<Value> {
    let m = objects_module(vm)?;
    let make = vm.getattr_str(m, "make_frame")?;
    vm.call(make, &[code, Value::small_int(line as isize), globals])
}

/// Entries for a traceback a program assigns (`with_traceback`, `__traceback__ = tb`).
pub fn entries_from(vm: &mut Vm, tb: Value) -> PyResult<Value> {
    if tb.is_none() || tb.as_ref::<ListObj>().is_some() {
        return Ok(tb);
    }
    let m = objects_module(vm)?;
    let entries = vm.getattr_str(m, "entries")?;
    vm.call(entries, &[tb])
}

/// Which traceback entries `sys.tracebacklimit` keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LimitKeeps {
    /// The innermost, as CPython reports an uncaught exception.
    Innermost,
    /// The outermost, as CPython's `traceback.print_exception` and MicroPython's
    /// `sys.print_exception` print.
    Outermost,
}

/// Format an exception with its traceback and chain, as CPython prints it.
pub fn format_exception(vm: &mut Vm, exc: Value) -> PyResult<String> {
    format_exception_keeping(vm, exc, LimitKeeps::Innermost)
}

/// [`format_exception`], with `sys.tracebacklimit` keeping the entries `keeps` says.
pub fn format_exception_keeping(vm: &mut Vm, exc: Value, keeps: LimitKeeps) -> PyResult<String> {
    let mut out = String::new();
    format_chain(vm, exc, &mut out, 0, keeps)?;
    Ok(out)
}

fn format_chain(
    vm: &mut Vm,
    exc: Value,
    out: &mut String,
    depth: usize,
    keeps: LimitKeeps,
) -> PyResult<()> {
    let Some(e) = exc.as_ref::<ExcObj>() else {
        out.push_str(&vm.repr_text(exc)?);
        out.push('\n');
        return Ok(());
    };
    if depth < 32 {
        let cause = e.cause.get();
        let context = e.context.get();
        if !cause.is_none() && !cause.is_null() {
            format_chain(vm, cause, out, depth + 1, keeps)?;
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if !context.is_none() && !context.is_null() && !e.suppress_context.get() {
            format_chain(vm, context, out, depth + 1, keeps)?;
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    let tb = e.traceback.get();
    let limit = traceback_limit(vm)?;
    if let Some(l) = tb.as_ref::<ListObj>()
        && !l.is_empty()
        && limit > 0
    {
        out.push_str("Traceback (most recent call last):\n");
        // Innermost first.
        let entries: alloc::vec::Vec<Value> = l.items().iter().map(|c| c.get()).collect();
        let n = entries.len().min(limit);
        let shown = match keeps {
            LimitKeeps::Innermost => &entries[..n],
            LimitKeeps::Outermost => &entries[entries.len() - n..],
        };
        // As CPython: after three identical entries in a row (deep recursion), one line says
        // how many more there were.
        let mut last = (Value::NULL, 0);
        let mut repeats = 0usize;
        for entry in shown.iter().rev() {
            let parts = tuple::items(*entry);
            let code = parts[0].as_ref::<CodeObj>().expect("code");
            let line = parts[1].as_small_int().unwrap_or(0);
            if (parts[0], line) == last {
                repeats += 1;
                if repeats >= RECURSIVE_CUTOFF {
                    continue;
                }
            } else {
                push_repeated(out, repeats);
                last = (parts[0], line);
                repeats = 0;
            }
            out.push_str(&format!(
                "  File \"{}\", line {line}, in {}\n",
                code.info.filename, code.info.name
            ));
            if let Some(text) = crate::import::source_line(vm, &code.info.filename, line as usize) {
                let t = text.trim();
                if !t.is_empty() {
                    out.push_str("    ");
                    out.push_str(t);
                    out.push('\n');
                }
            }
        }
        push_repeated(out, repeats);
    }
    out.push_str(&exception_line(vm, exc)?);
    Ok(())
}

/// Identical traceback entries in a row printed before the rest are summarised (CPython's
/// `_RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;

/// The summary line for `repeats` repetitions of the previous entry, if some were left out.
fn push_repeated(out: &mut String, repeats: usize) {
    if repeats >= RECURSIVE_CUTOFF {
        let more = repeats + 1 - RECURSIVE_CUTOFF;
        let s = if more > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
    }
}

/// How many traceback entries to print: `sys.tracebacklimit` when it is an int (none at 0
/// or below), else all.
fn traceback_limit(vm: &mut Vm) -> PyResult<usize> {
    let d = vm.module_dict(vm.sys);
    Ok(match vm.dict_get_str(d, "tracebacklimit")? {
        Some(v) => match crate::obj::int::to_i64(v) {
            Some(n) => usize::try_from(n).unwrap_or(0),
            None => usize::MAX,
        },
        None => usize::MAX,
    })
}

/// The last line: `TypeError: message` (with SyntaxError details).
pub fn exception_line(vm: &mut Vm, exc: Value) -> PyResult<String> {
    let ty = vm.type_of(exc);
    let mut name = String::from(ty.name_str(vm));
    if ty.has(crate::obj::typeobj::flags::HEAPTYPE)
        && let Some(m) = vm.dict_get_str(ty.dict.get(), "__module__")?
        && let Some(m) = vm.str_of(m)
        && m != "__main__"
        && m != "builtins"
    {
        name = format!("{m}.{name}");
    }
    let mut out = String::new();
    if vm.exc_is(exc, ExcKind::SyntaxError) {
        let get = |vm: &mut Vm, n: &str| -> Option<Value> {
            let k = vm.intern(n);
            vm.getattr_opt(exc, k).ok().flatten()
        };
        let filename = get(vm, "filename").and_then(|v| vm.str_of(v).map(String::from));
        let lineno = get(vm, "lineno").and_then(|v| v.as_small_int());
        let offset = get(vm, "offset").and_then(|v| v.as_small_int());
        let text = get(vm, "text").and_then(|v| vm.str_of(v).map(String::from));
        if let (Some(f), Some(l)) = (filename, lineno) {
            out.push_str(&format!("  File \"{f}\", line {l}\n"));
            if let Some(t) = text {
                let trimmed = t.trim_end_matches('\n');
                let stripped = trimmed.trim_start();
                let removed = trimmed.chars().count() - stripped.chars().count();
                out.push_str("    ");
                out.push_str(stripped);
                out.push('\n');
                if let Some(o) = offset {
                    let col = (o as usize).saturating_sub(1).saturating_sub(removed);
                    out.push_str("    ");
                    for _ in 0..col {
                        out.push(' ');
                    }
                    out.push_str("^\n");
                }
            }
        }
        let msg = get(vm, "msg")
            .map(|m| vm.str_string(m))
            .transpose()?
            .unwrap_or_default();
        out.push_str(&format!("{name}: {msg}\n"));
        return Ok(out);
    }
    let mut s = vm.str_string(exc)?;
    if let Some(hint) = suggestion(vm, exc) {
        s.push_str(&format!(". Did you mean: '{hint}'?"));
    }
    if s.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {s}\n"));
    }
    Ok(out)
}

fn suggestion(vm: &mut Vm, exc: Value) -> Option<String> {
    let attr = |vm: &mut Vm, n: &str| -> Option<Value> {
        let k = vm.intern(n);
        let d = exc.as_ref::<ExcObj>()?.dict.get();
        if d.is_null() {
            return None;
        }
        crate::obj::dict::get_str(vm, d, k).ok().flatten()
    };
    if vm.exc_is(exc, ExcKind::NameError) {
        return attr(vm, "__suggestion__")
            .and_then(|v| vm.str_of(v))
            .map(String::from);
    }
    if vm.exc_is(exc, crate::types::ExcKind::AttributeError) {
        let (name, obj) = (attr(vm, "name")?, attr(vm, "obj")?);
        if obj.is_none() || name.is_none() {
            return None;
        }
        return crate::ops::suggest::for_attribute(vm, obj, name);
    }
    None
}

/// Print an uncaught exception to stderr.
pub fn print_exception(vm: &mut Vm, exc: Value) {
    // Reporting must work even when the program died with the heap locked.
    let text = match vm.outside_heap_lock(|vm| format_exception(vm, exc)) {
        Ok(t) => t,
        Err(_) => String::from("<exception while formatting exception>\n"),
    };
    crate::builtins::io::write_stderr(vm, &text);
}

/// Report an exception that cannot propagate (in `__del__`), as CPython does.
pub fn write_unraisable(vm: &mut Vm, e: PyErr, what: &str) -> PyResult<()> {
    let text = format_exception(vm, e.0)?;
    crate::builtins::io::write_stderr(vm, &format!("{what}\n{text}"));
    Ok(())
}

/// Report an exception that ended a program and give the program's exit status: a
/// `SystemExit`'s code (its message printed when the code is not an int), otherwise the
/// traceback and 1 (130 for `KeyboardInterrupt`, the shell's status for a Ctrl-C).
pub fn report_uncaught(vm: &mut Vm, exc: Value) -> i32 {
    if vm.exc_is(exc, ExcKind::SystemExit) {
        let code = vm.getattr_str(exc, "code").unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if let Some(i) = code.as_small_int() {
            return i as i32;
        }
        if code.is_bool() {
            return (code == Value::TRUE) as i32;
        }
        let text = vm.str_string(code).unwrap_or_default();
        crate::builtins::io::write_stderr(vm, &alloc::format!("{text}\n"));
        return 1;
    }
    // A program's own `sys.excepthook` reports it instead (if that fails, both are printed).
    let d = vm.module_dict(vm.sys);
    let hook = vm.dict_get_str(d, "excepthook").ok().flatten();
    let default = vm.dict_get_str(d, "__excepthook__").ok().flatten();
    match hook {
        Some(h) if Some(h) != default => {
            let ty = Value::from_obj(vm.type_of(exc));
            let tb = vm.getattr_str(exc, "__traceback__").unwrap_or(Value::NONE);
            if let Err(e) = vm.call(h, &[ty, exc, tb]) {
                crate::builtins::io::write_stderr(vm, "Error in sys.excepthook:\n");
                print_exception(vm, e.0);
                crate::builtins::io::write_stderr(vm, "\nOriginal exception was:\n");
                print_exception(vm, exc);
            }
        }
        _ => print_exception(vm, exc),
    }
    if vm.exc_is(exc, ExcKind::KeyboardInterrupt) {
        return 130;
    }
    1
}
