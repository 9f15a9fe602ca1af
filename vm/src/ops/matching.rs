//! The run-time side of `match` statements: which values sequence and mapping patterns accept,
//! looking up a mapping pattern's keys, a class pattern's attributes, and `**rest`.

use crate::interner::names;
use crate::obj::typeobj::flags as tflags;
use crate::obj::{Kind, TypeObj, tuple};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;

/// Whether a sequence pattern accepts `v` (list, tuple, range, memoryview, array, deque and
/// their subclasses; not str, bytes or bytearray).
pub fn is_sequence(vm: &Vm, v: Value) -> bool {
    vm.type_of(v).has(tflags::SEQUENCE)
}

/// Whether a mapping pattern accepts `v` (dict and its subclasses).
pub fn is_mapping(vm: &Vm, v: Value) -> bool {
    vm.type_of(v).has(tflags::MAPPING)
}

/// The values of `keys` (a tuple) in `mapping`, as a tuple, or None when one is missing.
/// A key appearing twice is a ValueError, as in CPython.
pub fn match_keys(vm: &mut Vm, mapping: Value, keys: Value) -> PyResult<Value> {
    let keys: Vec<Value> = tuple::items(keys).to_vec();
    let mut seen = Vec::with_capacity(keys.len());
    for (i, &k) in keys.iter().enumerate() {
        for &earlier in &keys[..i] {
            if vm.eq(earlier, k)? {
                let r = vm.repr_string(k)?;
                let msg = format!("mapping pattern checks duplicate key ({r})");
                return Err(vm.value_error(msg));
            }
        }
        // Exact dicts are read directly; other mappings through their `get`, as CPython does.
        let found = if vm.type_of(mapping) == vm.types.dict {
            vm.dict_get(mapping, k)?
        } else {
            let missing = Value::from_obj(vm.types.object);
            let marker = vm.call(missing, &[])?;
            let v = vm.call_method(mapping, "get", &[k, marker])?;
            (v != marker).then_some(v)
        };
        match found {
            Some(v) => seen.push(v),
            None => return Ok(Value::NONE),
        }
    }
    vm.new_tuple(&seen)
}

/// `**rest`: a new dict of `mapping`'s items whose keys are not in `keys`.
pub fn match_rest(vm: &mut Vm, mapping: Value, keys: Value) -> PyResult<Value> {
    let rest = vm.new_dict()?;
    super::iter::update_dict(vm, rest, mapping, false)?;
    for &k in tuple::items(keys) {
        vm.dict_remove(rest, k)?;
    }
    Ok(rest)
}

/// Classes whose single positional sub-pattern matches the subject itself: these built-ins and
/// their subclasses.
fn matches_self(vm: &Vm, cls: &TypeObj) -> bool {
    let t = &vm.types;
    let builtins = [
        t.bool,
        t.bytearray,
        t.bytes,
        t.dict,
        t.float,
        t.frozenset,
        t.int,
        t.list,
        t.set,
        t.str,
        t.tuple,
    ];
    tuple::items(cls.mro.get())
        .iter()
        .filter_map(|b| b.as_ref::<TypeObj>())
        .any(|b| builtins.iter().any(|&x| core::ptr::eq(&*x, b)))
}

/// `getattr(obj, name)` for a class pattern: None when it raises AttributeError (no match).
fn pattern_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    match vm.getattr_opt(obj, name) {
        Err(e) if vm.exc_is(e.0, crate::types::ExcKind::AttributeError) => Ok(None),
        other => other,
    }
}

/// A class pattern: when `subject` is an instance of `cls`, the tuple of its `positional`
/// attributes named by `cls.__match_args__` followed by those named in `names`; None when it
/// is not an instance or lacks one of the attributes.
pub fn match_class(
    vm: &mut Vm,
    subject: Value,
    cls: Value,
    names: Value,
    positional: usize,
) -> PyResult<Value> {
    let Some(class) = cls.as_ref::<TypeObj>() else {
        return Err(vm.type_error("called match pattern must be a type"));
    };
    if !crate::builtins::functions::isinstance_value(vm, subject, cls)? {
        return Ok(Value::NONE);
    }
    let mut attrs: Vec<Value> = Vec::new();
    let mut found = Vec::new();
    if positional > 0 {
        let class_name = class.name_str(vm);
        match pattern_attr(vm, cls, names::MATCH_ARGS)? {
            Some(match_args) => {
                if match_args.obj_kind() != Some(Kind::Tuple) {
                    let t = vm.type_name(match_args);
                    let msg = format!("{class_name}.__match_args__ must be a tuple (got {t})");
                    return Err(vm.type_error(msg));
                }
                let items = tuple::items(match_args);
                if positional > items.len() {
                    return Err(too_many_positional(vm, class_name, items.len(), positional));
                }
                for &name in &items[..positional] {
                    if !vm.is_str(name) {
                        let t = vm.type_name(name);
                        let msg = format!("__match_args__ elements must be strings (got {t})");
                        return Err(vm.type_error(msg));
                    }
                    attrs.push(name);
                }
            }
            None if matches_self(vm, class) => {
                if positional > 1 {
                    return Err(too_many_positional(vm, class_name, 1, positional));
                }
                found.push(subject);
            }
            None => return Err(too_many_positional(vm, class_name, 0, positional)),
        }
    }
    attrs.extend_from_slice(tuple::items(names));
    for (i, &name) in attrs.iter().enumerate() {
        for &earlier in &attrs[..i] {
            if vm.eq(earlier, name)? {
                let class_name = class.name_str(vm);
                let r = vm.repr_string(name)?;
                let msg = format!("{class_name}() got multiple sub-patterns for attribute {r}");
                return Err(vm.type_error(msg));
            }
        }
        match pattern_attr(vm, subject, name)? {
            Some(v) => found.push(v),
            None => return Ok(Value::NONE),
        }
    }
    vm.new_tuple(&found)
}

fn too_many_positional(
    vm: &mut Vm,
    class_name: &str,
    accepted: usize,
    given: usize,
) -> crate::vm::PyErr {
    let plural = if accepted == 1 { "" } else { "s" };
    let msg =
        format!("{class_name}() accepts {accepted} positional sub-pattern{plural} ({given} given)");
    vm.type_error(msg)
}
