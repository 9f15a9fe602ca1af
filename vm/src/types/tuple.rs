//! `tuple` construction, methods (`count`, `index`) and special methods, plus the argument and
//! `self` checks shared by the container types (`list`, `dict`, `set`, `range` files use them).

use super::staticmethod;
use crate::builtins::args;
use crate::gc::Gc;
use crate::obj::TypeObj;
use crate::obj::tuple;
use crate::obj::{IterKind, Kind, SliceObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use frontend::bytecode::Comparison;

/// The error for a method of `ty` called through the class without any argument.
pub fn needs_arg(vm: &mut Vm, ty: &str, name: &str) -> crate::vm::PyErr {
    if name.starts_with("__") {
        vm.type_error(format!(
            "descriptor '{name}' of '{ty}' object needs an argument"
        ))
    } else {
        vm.type_error(format!("unbound method {ty}.{name}() needs an argument"))
    }
}

/// A method-table entry whose function is only called with a `self` argument: calls through
/// the class without arguments (`list.append()`) raise CPython's TypeError instead.
macro_rules! meth {
    ($ty:literal, $name:literal, $f:path) => {
        $crate::types::method($name, {
            fn guarded(
                vm: &mut $crate::vm::Vm,
                a: &[$crate::value::Value],
                k: $crate::value::Value,
            ) -> $crate::vm::PyResult<$crate::value::Value> {
                if a.len() <= $crate::obj::tuple::items(k).len() {
                    return Err($crate::types::tuple::needs_arg(vm, $ty, $name));
                }
                $f(vm, a, k)
            }
            guarded
        })
    };
}
pub(crate) use meth;

/// The class argument of `ty.__new__(cls, ...)`: CPython's errors when it is missing, not a
/// type, or not a subtype of `base`.
pub fn new_type(vm: &mut Vm, a: &[Value], base: Gc<TypeObj>) -> PyResult<Gc<TypeObj>> {
    let bn = base.name_str(vm);
    let Some(&cls) = a.first() else {
        return Err(vm.type_error(format!("{bn}.__new__(): not enough arguments")));
    };
    let Some(ty) = cls.downcast::<TypeObj>() else {
        let t = vm.type_name(cls);
        return Err(vm.type_error(format!("{bn}.__new__(X): X is not a type object ({t})")));
    };
    if ty != base && !crate::obj::typeobj::is_subtype(&ty, Value::from_obj(base)) {
        let n = ty.name_str(vm);
        return Err(vm.type_error(format!("{bn}.__new__({n}): {n} is not a subtype of {bn}")));
    }
    Ok(ty)
}

/// Exactly one argument after `self` (CPython's METH_O messages, e.g. `list.append`).
pub fn one_arg(vm: &mut Vm, qual: &str, a: &[Value], kwnames: Value) -> PyResult<Value> {
    if !tuple::items(kwnames).is_empty() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            a.len() - 1
        )));
    }
    Ok(a[1])
}

/// No arguments after `self` (CPython's METH_NOARGS messages).
pub fn no_args(vm: &mut Vm, qual: &str, a: &[Value], kwnames: Value) -> PyResult<()> {
    if !tuple::items(kwnames).is_empty() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "{qual}() takes no arguments ({} given)",
            a.len() - 1
        )));
    }
    Ok(())
}

/// Between `min` and `max` arguments after `self`, no keywords.
pub fn arg_range(
    vm: &mut Vm,
    name: &str,
    a: &[Value],
    kwnames: Value,
    min: usize,
    max: usize,
) -> PyResult<()> {
    args::range(vm, name, &a[1..], kwnames, min, max)
}

/// Exactly `n` arguments after `self` for a special method (CPython's slot-wrapper message).
pub fn slot_args(vm: &mut Vm, a: &[Value], kwnames: Value, n: usize) -> PyResult<()> {
    if !tuple::items(kwnames).is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    let given = a.len().saturating_sub(1);
    if given != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("expected {n} argument{s}, got {given}")));
    }
    Ok(())
}

/// Check the `self` of a special method of built-in type `tyname` (`ok` = it is an instance).
pub fn require(vm: &mut Vm, v: Value, ok: bool, tyname: &str, name: &str) -> PyResult<()> {
    if ok {
        return Ok(());
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor '{name}' requires a '{tyname}' object but received a '{t}'"
    )))
}

/// Check the `self` of a named method of built-in type `tyname` (`ok` = it is an instance).
pub fn applies(vm: &mut Vm, v: Value, ok: bool, tyname: &str, name: &str) -> PyResult<()> {
    if ok {
        return Ok(());
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor '{name}' for '{tyname}' objects doesn't apply to a '{t}' object"
    )))
}

/// A `start`/`stop` argument of `index()`: an int or `__index__` object (None is rejected);
/// values beyond the machine range are clamped.
pub fn slice_index_not_none(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let b = match crate::obj::int::to_bigint(v) {
        Some(b) => b,
        None => match crate::ops::attr::call_special(vm, v, "__index__", &[])? {
            Some(r) => match crate::obj::int::to_bigint(r) {
                Some(b) => b,
                None => {
                    let t = vm.type_name(r);
                    return Err(vm.type_error(format!("__index__ returned non-int (type {t})")));
                }
            },
            None => {
                return Err(
                    vm.type_error("slice indices must be integers or have an __index__ method")
                );
            }
        },
    };
    use num_traits::{Signed, ToPrimitive};
    Ok(b.to_isize().unwrap_or(if b.is_negative() {
        isize::MIN
    } else {
        isize::MAX
    }))
}

/// A repeat count for `seq * n` called as a method: an index (OverflowError when huge).
pub fn repeat_arg(vm: &mut Vm, n: Value) -> PyResult<isize> {
    match crate::ops::arith::index_of(vm, n) {
        Ok(i) => Ok(i),
        Err(e) if vm.exc_is(e.0, crate::types::ExcKind::OverflowError) => {
            Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        Err(e) => Err(e),
    }
}

/// The rich-comparison special methods shared by list, tuple, dict and set: compare `a` and `b`
/// natively when `b` has the layout `kind`, else NotImplemented.
pub fn compare_same_kind(
    vm: &mut Vm,
    op: Comparison,
    a: Value,
    b: Value,
    kind: Kind,
) -> PyResult<Value> {
    if b.obj_kind() != Some(kind) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match crate::ops::cmp::builtin_compare(vm, op, a, b)? {
        Some(r) => Ok(Value::from_bool(r)),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn is_tuple(v: Value) -> bool {
    v.obj_kind() == Some(Kind::Tuple)
}

fn tuple_new(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let base = vm.types.tuple;
    let ty = new_type(vm, a, base)?;
    args::no_kw(vm, "tuple", kwnames)?;
    if a.len() > 2 {
        return Err(vm.type_error(format!(
            "tuple expected at most 1 argument, got {}",
            a.len() - 1
        )));
    }
    let t = if a.len() == 1 {
        vm.empty_tuple
    } else {
        crate::ops::iter::to_tuple(vm, a[1])?
    };
    if ty == vm.types.tuple {
        return Ok(t);
    }
    let items = tuple::items(t);
    let head = tuple::TupleHead {
        header: crate::obj::Header::new(ty),
    };
    let g = vm.alloc_var(head, items.len(), |i| items[i], false)?;
    Ok(Value::from_obj(g))
}

fn tuple_count(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let x = one_arg(vm, "tuple.count", a, kwnames)?;
    applies(vm, a[0], is_tuple(a[0]), "tuple", "count")?;
    let mut n = 0;
    for &v in tuple::items(a[0]) {
        if v == x || vm.eq(v, x)? {
            n += 1;
        }
    }
    Ok(Value::small_int(n))
}

fn tuple_index(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    arg_range(vm, "index", a, kwnames, 1, 3)?;
    applies(vm, a[0], is_tuple(a[0]), "tuple", "index")?;
    let items = tuple::items(a[0]);
    let (start, stop) = super::list::index_bounds(vm, a, items.len())?;
    for (i, &v) in items
        .iter()
        .enumerate()
        .take(stop.min(items.len()))
        .skip(start)
    {
        if v == a[1] || vm.eq(v, a[1])? {
            return Ok(Value::small_int(i as isize));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_len(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    require(vm, a[0], is_tuple(a[0]), "tuple", "__len__")?;
    Ok(Value::small_int(tuple::items(a[0]).len() as isize))
}

fn tuple_getitem(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let key = one_arg(vm, "tuple.__getitem__", a, kwnames)?;
    applies(vm, a[0], is_tuple(a[0]), "tuple", "__getitem__")?;
    let items = tuple::items(a[0]);
    if let Some(s) = key.as_ref::<SliceObj>() {
        let (start, _, step, n) = crate::ops::subscr::slice_indices(vm, s, items.len())?;
        if step == 1 && start == 0 && n == items.len() && vm.type_of(a[0]) == vm.types.tuple {
            return Ok(a[0]);
        }
        return vm.new_tuple_with(n, |k| items[(start + k as isize * step) as usize]);
    }
    let i = crate::ops::subscr::seq_index(vm, key, items.len(), "tuple")?;
    Ok(items[i])
}

fn tuple_contains(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    require(vm, a[0], is_tuple(a[0]), "tuple", "__contains__")?;
    for &v in tuple::items(a[0]) {
        if v == a[1] || vm.eq(v, a[1])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn tuple_iter(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    require(vm, a[0], is_tuple(a[0]), "tuple", "__iter__")?;
    let ty = vm.types.iterator;
    vm.new_iter(ty, IterKind::Tuple, a[0], Value::NULL, 0, 0)
}

fn tuple_add(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    require(vm, a[0], is_tuple(a[0]), "tuple", "__add__")?;
    if !is_tuple(a[1]) {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("can only concatenate tuple (not \"{t}\") to tuple")));
    }
    let (x, y) = (tuple::items(a[0]), tuple::items(a[1]));
    if y.is_empty() && vm.type_of(a[0]) == vm.types.tuple {
        return Ok(a[0]);
    }
    vm.new_tuple_with(x.len() + y.len(), |i| {
        if i < x.len() { x[i] } else { y[i - x.len()] }
    })
}

fn tuple_mul(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 1)?;
    require(vm, a[0], is_tuple(a[0]), "tuple", "__mul__")?;
    let n = repeat_arg(vm, a[1])?;
    let items = tuple::items(a[0]);
    if n == 1 && vm.type_of(a[0]) == vm.types.tuple {
        return Ok(a[0]);
    }
    if n <= 0 || items.is_empty() {
        return Ok(vm.empty_tuple);
    }
    let total = items.len().saturating_mul(n as usize);
    if total > vm.heap.total_bytes() / 8 {
        return Err(vm.memory_error());
    }
    vm.new_tuple_with(total, |i| items[i % items.len()])
}

fn tuple_hash(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    require(vm, a[0], is_tuple(a[0]), "tuple", "__hash__")?;
    let h = vm.hash_tuple(tuple::items(a[0]))?;
    vm.int_from_i64(h as i64)
}

fn tuple_repr(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    slot_args(vm, a, kwnames, 0)?;
    require(vm, a[0], is_tuple(a[0]), "tuple", "__repr__")?;
    let s = vm.repr_string(a[0])?;
    vm.new_str(&s)
}

fn tuple_getnewargs(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    no_args(vm, "tuple.__getnewargs__", a, kwnames)?;
    applies(vm, a[0], is_tuple(a[0]), "tuple", "__getnewargs__")?;
    let copy = vm.new_tuple(tuple::items(a[0]))?;
    vm.new_tuple(&[copy])
}

macro_rules! tuple_cmp {
    ($($name:ident $op:ident $dunder:literal;)*) => {$(
        fn $name(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
            slot_args(vm, a, kwnames, 1)?;
            require(vm, a[0], is_tuple(a[0]), "tuple", $dunder)?;
            compare_same_kind(vm, Comparison::$op, a[0], a[1], Kind::Tuple)
        }
    )*};
}

tuple_cmp! {
    tuple_eq Eq "__eq__";
    tuple_ne Ne "__ne__";
    tuple_lt Lt "__lt__";
    tuple_le Le "__le__";
    tuple_gt Gt "__gt__";
    tuple_ge Ge "__ge__";
}

/// Install `tuple` methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.tuple;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", tuple_new),
            meth!("tuple", "count", tuple_count),
            meth!("tuple", "index", tuple_index),
            meth!("tuple", "__len__", tuple_len),
            meth!("tuple", "__getitem__", tuple_getitem),
            meth!("tuple", "__contains__", tuple_contains),
            meth!("tuple", "__iter__", tuple_iter),
            meth!("tuple", "__add__", tuple_add),
            meth!("tuple", "__mul__", tuple_mul),
            meth!("tuple", "__rmul__", tuple_mul),
            meth!("tuple", "__hash__", tuple_hash),
            meth!("tuple", "__repr__", tuple_repr),
            meth!("tuple", "__getnewargs__", tuple_getnewargs),
            meth!("tuple", "__eq__", tuple_eq),
            meth!("tuple", "__ne__", tuple_ne),
            meth!("tuple", "__lt__", tuple_lt),
            meth!("tuple", "__le__", tuple_le),
            meth!("tuple", "__gt__", tuple_gt),
            meth!("tuple", "__ge__", tuple_ge),
        ],
    )
}
