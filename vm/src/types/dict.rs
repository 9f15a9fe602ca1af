//! `dict` construction, methods and views.

use super::{method, staticmethod};
use crate::builtins::args;
use crate::obj::dict::as_dict;
use crate::obj::{DictViewObj, Header, IterKind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn dict_new(vm: &mut Vm, a: &[Value], _kwnames: Value) -> PyResult<Value> {
    let ty = a[0].downcast::<crate::obj::TypeObj>().expect("type");
    vm.new_dict_of_type(ty)
}

fn dict_init(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    let kwn = crate::obj::tuple::items(kwnames);
    let npos = a.len() - kwn.len();
    if npos > 2 {
        return Err(vm.type_error(alloc::format!("dict expected at most 1 argument, got {}", npos - 1)));
    }
    if npos == 2 {
        crate::ops::iter::update_dict(vm, a[0], a[1], false)?;
    }
    for (j, &k) in kwn.iter().enumerate() {
        vm.dict_set(a[0], k, a[npos + j])?;
    }
    Ok(Value::NONE)
}

fn view(vm: &mut Vm, a: &[Value], kwnames: Value, kind: IterKind, name: &str) -> PyResult<Value> {
    args::exact(vm, name, a, kwnames, 1)?;
    if as_dict(a[0]).is_none() {
        return Err(vm.type_error(alloc::format!("descriptor '{name}' for 'dict' objects doesn't apply")));
    }
    let ty = match kind {
        IterKind::DictKeys => vm.types.dict_keys,
        IterKind::DictValues => vm.types.dict_values,
        _ => vm.types.dict_items,
    };
    let g = vm.alloc(DictViewObj { header: Header::new(ty), dict: a[0], view: kind }, false)?;
    Ok(Value::from_obj(g))
}

fn dict_keys(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    view(vm, a, kwnames, IterKind::DictKeys, "keys")
}

fn dict_values(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    view(vm, a, kwnames, IterKind::DictValues, "values")
}

fn dict_items(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    view(vm, a, kwnames, IterKind::DictItems, "items")
}

fn dict_get(vm: &mut Vm, a: &[Value], kwnames: Value) -> PyResult<Value> {
    args::range(vm, "get", a, kwnames, 2, 3)?;
    Ok(vm.dict_get(a[0], a[1])?.unwrap_or(if a.len() > 2 { a[2] } else { Value::NONE }))
}

/// `x in view`.
pub fn view_contains(vm: &mut Vm, v: Value, item: Value) -> PyResult<bool> {
    let view = v.as_ref::<DictViewObj>().expect("view");
    match view.view {
        IterKind::DictKeys => Ok(vm.dict_get(view.dict, item)?.is_some()),
        IterKind::DictItems => {
            let t = crate::ops::iter::to_tuple(vm, item)?;
            let kv = crate::obj::tuple::items(t);
            if kv.len() != 2 {
                return Ok(false);
            }
            match vm.dict_get(view.dict, kv[0])? {
                Some(val) => Ok(val == kv[1] || vm.eq(val, kv[1])?),
                None => Ok(false),
            }
        }
        _ => {
            let d = as_dict(view.dict).expect("dict");
            let mut pos = 0;
            while pos < d.entry_limit() {
                if let Some((_, val)) = d.entry_at(pos) {
                    if val == item || vm.eq(val, item)? {
                        return Ok(true);
                    }
                }
                pos += 1;
            }
            Ok(false)
        }
    }
}

/// Install `dict` methods (more in `types::dict_methods`).
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.dict;
    vm.add_methods(
        ty,
        &[
            staticmethod("__new__", dict_new),
            method("__init__", dict_init),
            method("keys", dict_keys),
            method("values", dict_values),
            method("items", dict_items),
            method("get", dict_get),
        ],
    )
}
