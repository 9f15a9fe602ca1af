//! `list` construction and the named methods (`append`, `extend`, `insert`, `pop`, `remove`,
//! `index`, `count`, `sort`, `reverse`, `copy`, `clear`); the special methods are in
//! `types::list_methods`, shared argument helpers in `types::tuple`.

use super::staticmethod;
use super::tuple::meth;
use super::tuple::{arg_range, no_args, one_arg, slice_index_not_none};
use crate::builtins::args;
use crate::interp::frame::cells_as_values;
use crate::obj::list::ListObj;
use crate::obj::tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;

/// `self` of a list method.
pub fn this(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static ListObj> {
    match v.as_ref::<ListObj>() {
        Some(l) => Ok(l),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'list' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

fn list_new(vm: &mut Vm, a: &[Value], _kwnames: Value) -> PyResult<Value> {
    let base = vm.types.list;
    let ty = super::tuple::new_type(vm, a, base)?;
    vm.new_list_of_type(ty, &[])
}

fn list_init(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    if a[0].as_ref::<ListObj>().is_none() {
        let t = vm.type_name(a[0]);
        return Err(vm.type_error(format!(
            "descriptor '__init__' requires a 'list' object but received a '{t}'"
        )));
    }
    args::no_kw(vm, "list", kwnames)?;
    if a.len() > 2 {
        return Err(vm.type_error(format!(
            "list expected at most 1 argument, got {}",
            a.len() - 1
        )));
    }
    let l = this(vm, a[0], "__init__")?;
    vm.list_truncate(l, 0);
    if a.len() == 2 {
        extend(vm, a[0], a[1])?;
    }
    Ok(Value::NONE)
}

/// `list.extend(src)`: exact lists and tuples are copied directly; anything else (including
/// subclasses, whose `__iter__` may be overridden) is iterated.
pub fn extend(vm: &mut Vm, list: Value, src: Value) -> PyResult<()> {
    let t = src.obj_type();
    if t == Some(vm.types.list) || t == Some(vm.types.tuple) || src == list {
        return crate::ops::iter::extend_list(vm, list, src);
    }
    let l = list.as_ref::<ListObj>().expect("list");
    let it = vm.iter(src)?;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        vm.list_append(l, v)?;
    }
    Ok(())
}

fn list_append(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let v = one_arg(vm, "list.append", a, kwnames)?;
    let l = this(vm, a[0], "append")?;
    vm.list_append(l, v)?;
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let v = one_arg(vm, "list.extend", a, kwnames)?;
    this(vm, a[0], "extend")?;
    extend(vm, a[0], v)?;
    Ok(Value::NONE)
}

/// An index argument as isize: OverflowError (CPython's ssize_t message) for huge ints.
pub fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<isize> {
    match crate::ops::arith::index_of(vm, v) {
        Ok(i) => Ok(i),
        Err(e) if vm.exc_is(e.0, crate::types::ExcKind::OverflowError) => {
            Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
        Err(e) => Err(e),
    }
}

fn list_pop(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    arg_range(vm, "pop", a, kwnames, 0, 1)?;
    let l = this(vm, a[0], "pop")?;
    let i = if a.len() > 1 {
        ssize_arg(vm, a[1])?
    } else {
        -1
    };
    if l.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let len = l.len() as isize;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(vm.list_remove_at(l, j as usize))
}

fn list_insert(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::no_kw(vm, "insert", kwnames)?;
    if a.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", a.len() - 1)));
    }
    let l = this(vm, a[0], "insert")?;
    let i = ssize_arg(vm, a[1])?;
    let len = l.len() as isize;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    vm.list_insert(l, j as usize, a[2])?;
    Ok(Value::NONE)
}

/// Position of the first item equal to `x` in `l[start..stop]` (identity counts as equal).
fn find(vm: &mut Vm, l: &ListObj, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(l.len()) {
        let v = l.items()[i].get();
        if v == x || vm.eq(v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let x = one_arg(vm, "list.remove", a, kwnames)?;
    let l = this(vm, a[0], "remove")?;
    match find(vm, l, x, 0, usize::MAX)? {
        Some(i) if i < l.len() => {
            vm.list_remove_at(l, i);
            Ok(Value::NONE)
        }
        _ => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

/// Resolve the optional `start`/`stop` arguments of `index()` for a sequence of length `len`.
pub fn index_bounds(vm: &mut Vm, a: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let norm = |vm: &mut Vm, v: Option<&Value>, default: usize| -> PyResult<usize> {
        let Some(&v) = v else { return Ok(default) };
        let i = slice_index_not_none(vm, v)?;
        Ok(if i < 0 {
            (i + len as isize).max(0) as usize
        } else {
            i as usize
        })
    };
    let start = norm(vm, a.get(2), 0)?;
    let stop = norm(vm, a.get(3), usize::MAX)?;
    Ok((start, stop))
}

fn list_index(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    arg_range(vm, "index", a, kwnames, 1, 3)?;
    let l = this(vm, a[0], "index")?;
    let (start, stop) = index_bounds(vm, a, l.len())?;
    match find(vm, l, a[1], start, stop)? {
        Some(i) => Ok(Value::small_int(i as isize)),
        None => {
            let r = vm.repr_text(a[1])?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn list_count(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let x = one_arg(vm, "list.count", a, kwnames)?;
    let l = this(vm, a[0], "count")?;
    let mut n = 0;
    let mut i = 0;
    while i < l.len() {
        let v = l.items()[i].get();
        if v == x || vm.eq(v, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::small_int(n))
}

fn list_sort(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let l = this(vm, a[0], "sort")?;
    let kwn = tuple::items(kwnames);
    let npos = a.len() - kwn.len();
    if npos > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::NONE;
    let mut reverse = false;
    for (j, &k) in kwn.iter().enumerate() {
        let v = a[npos + j];
        match vm.str_of(k) {
            Some("key") => key = v,
            Some("reverse") => {
                if crate::ops::cmp::float_of(v).is_some() {
                    return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
                }
                reverse = crate::ops::arith::index_of(vm, v)? != 0;
            }
            other => {
                let name = alloc::string::String::from(other.unwrap_or("?"));
                return Err(vm.type_error(format!(
                    "'{name}' is an invalid keyword argument for sort()"
                )));
            }
        }
    }
    // Sort a private copy while the list itself looks empty (as CPython does), so that changes
    // made by key functions or comparisons can be detected.
    let tmp = vm.new_list(cells_as_values(l.items()))?;
    let t = tmp.as_ref::<ListObj>().expect("list");
    vm.list_truncate(l, 0);
    l.storage.set(None);
    let r = crate::builtins::functions::sort_list(vm, tmp, key, reverse);
    let modified = l.storage.get().is_some() || !l.is_empty();
    l.storage.set(t.storage.get());
    l.len.set(t.len());
    t.storage.set(None);
    t.len.set(0);
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

fn list_reverse(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "list.reverse", a, kwnames)?;
    let l = this(vm, a[0], "reverse")?;
    let items = l.items();
    let n = items.len();
    for i in 0..n / 2 {
        items[i].swap(&items[n - 1 - i]);
    }
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "list.copy", a, kwnames)?;
    let l = this(vm, a[0], "copy")?;
    vm.new_list(cells_as_values(l.items()))
}

fn list_clear(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "list.clear", a, kwnames)?;
    let l = this(vm, a[0], "clear")?;
    vm.list_truncate(l, 0);
    Ok(Value::NONE)
}

/// Install `list` methods (the special methods are in `types::list_methods`).
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.list;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", list_new),
            meth!("list", "__init__", list_init),
            meth!("list", "append", list_append),
            meth!("list", "extend", list_extend),
            meth!("list", "pop", list_pop),
            meth!("list", "insert", list_insert),
            meth!("list", "remove", list_remove),
            meth!("list", "index", list_index),
            meth!("list", "count", list_count),
            meth!("list", "sort", list_sort),
            meth!("list", "reverse", list_reverse),
            meth!("list", "copy", list_copy),
            meth!("list", "clear", list_clear),
        ],
    )
}
