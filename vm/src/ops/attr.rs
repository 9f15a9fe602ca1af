//! Attribute access: `getattr`/`setattr`/`delattr` with descriptors (functions, properties,
//! class/static methods, user `__get__`/`__set__`), class and metaclass lookup, modules, `super`,
//! `__getattr__`/`__getattribute__`/`__setattr__` hooks, and the method-call fast path.

use crate::interner::names;
use crate::obj::dict;
use crate::obj::func::{
    AttrCache, BUILTIN_CLASSMETHOD, BUILTIN_METHOD, BUILTIN_STATIC, BuiltinObj, FunctionObj,
    MethodSite,
};
use crate::obj::typeobj::{self, TypeObj, flags as tflags};
use crate::obj::{
    BoundMethodObj, Header, Kind, MemberObj, MethodWrapperObj, ModuleObj, PropertyObj, SuperObj,
};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::format;
use core::cell::Cell;

impl Vm {
    /// `getattr(obj, name)` where `name` is a str value.
    pub fn getattr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(no_attribute(self, obj, name)),
        }
    }

    /// `getattr(obj, name)` with a Rust name.
    pub fn getattr_str(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, n)
    }

    /// `getattr(obj, name, None)` semantics: `Ok(None)` when the attribute is missing
    /// (AttributeError is swallowed, other errors propagate).
    pub fn getattr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let ty = self.type_of(obj);
        if ty.has(tflags::HAS_GETATTRIBUTE) {
            let ga = crate::interner::names::GETATTRIBUTE;
            if let Some(f) = typeobj::lookup(self, &ty, ga)? {
                match self.call(f, &[obj, name]) {
                    Ok(v) => return Ok(Some(v)),
                    Err(e) if self.exc_is(e.0, ExcKind::AttributeError) => {
                        return self.getattr_fallback(obj, &ty, name, e);
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        match generic_getattr(self, obj, &ty, name) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) if ty.has(tflags::HAS_GETATTR) => {
                let e = no_attribute(self, obj, name);
                self.getattr_fallback(obj, &ty, name, e)
            }
            Ok(None) => Ok(None),
            // A descriptor that raises AttributeError also falls back to __getattr__.
            Err(e) if ty.has(tflags::HAS_GETATTR) && self.exc_is(e.0, ExcKind::AttributeError) => {
                self.getattr_fallback(obj, &ty, name, e)
            }
            Err(e) => Err(e),
        }
    }

    fn getattr_fallback(
        &mut self,
        obj: Value,
        ty: &TypeObj,
        name: Value,
        e: PyErr,
    ) -> PyResult<Option<Value>> {
        let ga = crate::interner::names::GETATTR;
        if let Some(f) = typeobj::lookup(self, ty, ga)? {
            match self.call(f, &[obj, name]) {
                Ok(v) => return Ok(Some(v)),
                Err(e2) if self.exc_is(e2.0, ExcKind::AttributeError) => return Err(e2),
                Err(e2) => return Err(e2),
            }
        }
        let _ = e;
        Ok(None)
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&mut self, obj: Value, name: Value, value: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if ty.has(tflags::HAS_SETATTR) {
            let sa = crate::interner::names::SETATTR;
            if let Some(f) = typeobj::lookup(self, &ty, sa)?
                && f.as_ref::<BuiltinObj>().is_none()
            {
                self.call(f, &[obj, name, value])?;
                return Ok(());
            }
        }
        generic_set(self, obj, &ty, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if ty.has(tflags::HAS_SETATTR) {
            let da = crate::interner::names::DELATTR;
            if let Some(f) = typeobj::lookup(self, &ty, da)?
                && f.as_ref::<BuiltinObj>().is_none()
            {
                self.call(f, &[obj, name])?;
                return Ok(());
            }
        }
        generic_set(self, obj, &ty, name, None)
    }

    /// `hasattr(obj, name)`.
    pub fn hasattr(&mut self, obj: Value, name: &str) -> PyResult<bool> {
        let n = self.intern(name);
        Ok(self.getattr_opt(obj, n)?.is_some())
    }
}

/// Set an attribute given by Rust name.
pub fn set_attr_str(vm: &mut Vm, obj: Value, name: &str, value: Value) -> PyResult<()> {
    let n = vm.intern(name);
    vm.setattr(obj, n, value)
}

/// The AttributeError for a missing attribute, worded as CPython words it.
pub fn no_attribute(vm: &mut Vm, obj: Value, name: Value) -> PyErr {
    let n = vm.str_of(name).unwrap_or("?");
    let msg = if let Some(t) = obj.as_ref::<TypeObj>() {
        format!("type object '{}' has no attribute '{n}'", t.name_str(vm))
    } else if let Some(m) = obj.as_ref::<ModuleObj>() {
        let key = crate::interner::names::NAME;
        let mname = dict::get_str(vm, m.dict.get(), key).ok().flatten();
        let mname = mname.and_then(|v| vm.str_of(v)).unwrap_or("?");
        format!("module '{mname}' has no attribute '{n}'")
    } else {
        format!("'{}' object has no attribute '{n}'", vm.type_name(obj))
    };
    let e = vm.attribute_error(msg);
    // CPython's AttributeError carries `name` and `obj` (its traceback suggests a close name).
    let _ = set_attr_str(vm, e.0, "name", name);
    let _ = set_attr_str(vm, e.0, "obj", obj);
    e
}

/// Is `a` a data descriptor (defines `__set__` or `__delete__`)?
fn is_data_descriptor(vm: &mut Vm, a: Value) -> PyResult<bool> {
    match a.obj_kind() {
        Some(Kind::Property) | Some(Kind::Member) => Ok(true),
        Some(Kind::Instance) => {
            let t = vm.type_of(a);
            let set = crate::interner::names::SET;
            let del = crate::interner::names::DELETE;
            Ok(typeobj::lookup(vm, &t, set)?.is_some() || typeobj::lookup(vm, &t, del)?.is_some())
        }
        _ => Ok(false),
    }
}

/// Apply the descriptor protocol to a class attribute found for `obj` (NULL when accessed on the
/// class itself) of type `owner`.
pub fn descr_get(vm: &mut Vm, attr: Value, obj: Value, owner: Value) -> PyResult<Value> {
    match attr.obj_kind() {
        Some(Kind::Function) => {
            if obj.is_null() {
                Ok(attr)
            } else {
                new_bound_method(vm, attr, obj)
            }
        }
        Some(Kind::Builtin) => {
            let b = attr.as_ref::<BuiltinObj>().expect("builtin");
            if !b.self_.is_null() || b.flags & BUILTIN_STATIC != 0 {
                return Ok(attr);
            }
            if b.flags & BUILTIN_CLASSMETHOD != 0 {
                return vm.bind_builtin(b, owner);
            }
            if b.flags & BUILTIN_METHOD != 0 && !obj.is_null() {
                return vm.bind_builtin(b, obj);
            }
            Ok(attr)
        }
        Some(Kind::ClassMethod) => {
            let w = attr.as_ref::<MethodWrapperObj>().expect("classmethod");
            let f = w.func.get();
            if f.obj_kind() == Some(Kind::Instance) {
                let get = crate::interner::names::GET;
                let t = vm.type_of(f);
                if let Some(g) = typeobj::lookup(vm, &t, get)? {
                    return vm.call(g, &[f, owner, owner]);
                }
            }
            new_bound_method(vm, f, owner)
        }
        Some(Kind::StaticMethod) => Ok(attr
            .as_ref::<MethodWrapperObj>()
            .expect("staticmethod")
            .func
            .get()),
        Some(Kind::Member) => {
            if obj.is_null() {
                return Ok(attr);
            }
            member_get(vm, attr, obj)
        }
        Some(Kind::Property) => {
            if obj.is_null() {
                return Ok(attr);
            }
            let p = attr.as_ref::<PropertyObj>().expect("property");
            let fget = p.fget.get();
            if fget.is_none() || fget.is_null() {
                return Err(vm.attribute_error("property has no getter"));
            }
            vm.call(fget, &[obj])
        }
        Some(Kind::Instance) | Some(Kind::Native) => {
            let t = vm.type_of(attr);
            let get = crate::interner::names::GET;
            match typeobj::lookup(vm, &t, get)? {
                Some(g) => {
                    let inst = if obj.is_null() { Value::NONE } else { obj };
                    vm.call(g, &[attr, inst, owner])
                }
                None => Ok(attr),
            }
        }
        _ => Ok(attr),
    }
}

/// The member `m` checked against `obj`: a `__slots__` field is only read or written through
/// instances of the class that declared it.
fn checked_member(vm: &mut Vm, m: Value, obj: Value) -> PyResult<&'static MemberObj> {
    let member = m.as_ref::<MemberObj>().expect("member");
    let t = vm.type_of(obj);
    if !obj.is_obj()
        || (t != member.owner && !typeobj::is_subtype(&t, Value::from_obj(member.owner)))
    {
        let n = vm.str_of(member.name).unwrap_or("?");
        let owner = member.owner.name_str(vm);
        let tn = t.name_str(vm);
        return Err(vm.type_error(format!(
            "descriptor '{n}' for '{owner}' objects doesn't apply to a '{tn}' object"
        )));
    }
    Ok(member)
}

/// Read a `__slots__` field.
pub fn member_get(vm: &mut Vm, m: Value, obj: Value) -> PyResult<Value> {
    let member = checked_member(vm, m, obj)?;
    let v = obj.member_slot(member).get();
    if v.is_null() {
        return Err(no_attribute(vm, obj, member.name));
    }
    Ok(v)
}

/// Write (or, with `None`, delete) a `__slots__` field.
pub fn member_set(vm: &mut Vm, m: Value, obj: Value, value: Option<Value>) -> PyResult<()> {
    let member = checked_member(vm, m, obj)?;
    let slot = obj.member_slot(member);
    match value {
        Some(v) => slot.set(v),
        None if slot.get().is_null() => {
            let n = vm.str_of(member.name).unwrap_or("?");
            return Err(vm.attribute_error(n));
        }
        None => slot.set(Value::NULL),
    }
    Ok(())
}

/// A bound method object.
pub fn new_bound_method(vm: &mut Vm, func: Value, self_: Value) -> PyResult<Value> {
    let ty = vm.types.bound_method;
    let g = vm.alloc(
        BoundMethodObj {
            header: Header::new(ty),
            func,
            self_,
        },
        false,
    )?;
    Ok(Value::from_obj(g))
}

/// The instance dict of `obj`, if its layout has one (created on first use).
pub fn instance_dict(vm: &mut Vm, obj: Value, ty: &TypeObj) -> PyResult<Option<Value>> {
    let Some(slot) = obj.dict_slot(ty.dict_offset.get()) else {
        return Ok(match obj.obj_kind() {
            Some(Kind::Function) => {
                let f = obj.as_ref::<FunctionObj>().expect("function");
                if f.dict.get().is_null() {
                    let d = vm.new_dict()?;
                    f.dict.set(d);
                }
                Some(f.dict.get())
            }
            Some(Kind::Module) => Some(obj.as_ref::<ModuleObj>().expect("module").dict.get()),
            _ => None,
        });
    };
    if slot.get().is_null() {
        let d = vm.new_dict_sized(usize::from(ty.instance_attrs.get()))?;
        slot.set(d);
    }
    Ok(Some(slot.get()))
}

/// Record that an instance of `ty` has `d` as its dict after an attribute was added (see
/// `TypeObj::instance_attrs`).
fn note_instance_attrs(ty: &TypeObj, d: Value) {
    let n = dict::as_dict(d).map_or(0, |d| d.used.get());
    let n = n.min(typeobj::INSTANCE_ATTRS_HINT_MAX) as u8;
    if n > ty.instance_attrs.get() {
        ty.instance_attrs.set(n);
    }
}

fn existing_instance_dict(obj: Value, ty: &TypeObj) -> Option<Value> {
    if let Some(slot) = obj.dict_slot(ty.dict_offset.get()) {
        let d = slot.get();
        return if d.is_null() { None } else { Some(d) };
    }
    match obj.obj_kind() {
        Some(Kind::Function) => {
            let d = obj.as_ref::<FunctionObj>().expect("function").dict.get();
            if d.is_null() { None } else { Some(d) }
        }
        Some(Kind::Module) => Some(obj.as_ref::<ModuleObj>().expect("module").dict.get()),
        _ => None,
    }
}

/// Remember in `cache` that instances of `ty` keep the name at `index` (see `AttrCache`), as of
/// the current class-namespace generation.
fn remember(vm: &Vm, cache: &crate::obj::func::AttrWays, ty: &TypeObj, index: usize) {
    AttrCache {
        ty: core::ptr::from_ref(ty) as usize,
        generation: vm.method_cache.generation(),
        index,
    }
    .store_in(cache);
}

/// `obj.name = value` through `cache`, the same cache `getattr_cached` uses for this name: a
/// plain instance whose type has no `__setattr__` (nor `__getattribute__`, so that a load may
/// trust what a store cached) and nothing of that name in its classes keeps the attribute in its
/// own dict; while the class namespaces are unchanged, an existing entry is replaced in place.
pub fn setattr_cached(
    vm: &mut Vm,
    obj: Value,
    name: Value,
    value: Value,
    cache: &crate::obj::func::AttrWays,
) -> PyResult<()> {
    if obj.obj_kind() != Some(Kind::Instance) {
        return vm.setattr(obj, name, value);
    }
    let ty = vm.type_of(obj);
    if ty.has(tflags::HAS_SETATTR) || ty.has(tflags::HAS_GETATTRIBUTE) {
        return vm.setattr(obj, name, value);
    }
    if let Some(c) = AttrCache::find(cache, ty.as_ptr() as usize, vm.method_cache.generation()) {
        if c.index & AttrCache::SLOT_BIT != 0 {
            obj.slot_at(c.index & !AttrCache::SLOT_BIT).set(value);
            return Ok(());
        }
        if let Some(d) = existing_instance_dict(obj, &ty)
            && dict::replace_at_key(d, c.index, name, value)
        {
            return Ok(());
        }
        // The classes still have nothing of that name: the attribute goes in the instance
        // dict, as for every instance of the type (a new one's first assignment lands here).
        if let Some(d) = instance_dict(vm, obj, &ty)? {
            vm.dict_set(d, name, value)?;
            note_instance_attrs(&ty, d);
            return Ok(());
        }
    }
    if name == names::CLASS || name == names::DICT {
        return vm.setattr(obj, name, value);
    }
    let class_attr = typeobj::lookup(vm, &ty, name)?;
    if let Some(m) = class_attr
        && m.obj_kind() == Some(Kind::Member)
    {
        // `member_set` checks the member applies to this type, so its offset may be cached.
        member_set(vm, m, obj, Some(value))?;
        let offset = m.as_ref::<MemberObj>().expect("member").offset;
        remember(vm, cache, &ty, offset | AttrCache::SLOT_BIT);
        return Ok(());
    }
    vm.setattr(obj, name, value)?;
    if class_attr.is_none()
        && let Some(d) = existing_instance_dict(obj, &ty)
        && let Some(index) = dict::find_str(vm, d, name)?
    {
        note_instance_attrs(&ty, d);
        remember(vm, cache, &ty, index);
    }
    Ok(())
}

/// `obj.name` through `cache` (a code object's cache for this name): a plain instance's own
/// attribute is read straight from the entry position where it was found last time.
#[inline]
pub fn getattr_cached(
    vm: &mut Vm,
    obj: Value,
    name: Value,
    cache: &crate::obj::func::AttrWays,
) -> PyResult<Value> {
    if obj.obj_kind() != Some(Kind::Instance) {
        return vm.getattr(obj, name);
    }
    let ty = vm.type_of(obj);
    if let Some(c) = AttrCache::find(cache, ty.as_ptr() as usize, vm.method_cache.generation()) {
        if c.index & AttrCache::SLOT_BIT != 0 {
            // The class's member descriptor for `name` was found here, for this exact type.
            let v = obj.slot_at(c.index & !AttrCache::SLOT_BIT).get();
            if !v.is_null() {
                return Ok(v);
            }
        } else if let Some(d) = existing_instance_dict(obj, &ty)
            && let Some(v) = dict::value_at_key(d, c.index, name)
        {
            return Ok(v);
        }
    }
    // A miss: generic lookup finds an attribute in the instance dict when the class has
    // nothing of that name and no `__getattribute__` (`__class__` and `__dict__` are fields,
    // never read from the dict). Look it up that way once and remember where it was.
    if ty.has(tflags::HAS_GETATTRIBUTE) || name == names::CLASS || name == names::DICT {
        return vm.getattr(obj, name);
    }
    let class_attr = typeobj::lookup(vm, &ty, name)?;
    // (Slot offsets are cached only for types without `__getattr__`, which an unset slot
    // falls back to.)
    if let Some(m) = class_attr
        && m.obj_kind() == Some(Kind::Member)
        && !ty.has(tflags::HAS_GETATTR)
    {
        // `member_get` checks the member applies to this type, so its offset may be cached.
        let v = member_get(vm, m, obj)?;
        let offset = m.as_ref::<MemberObj>().expect("member").offset;
        remember(vm, cache, &ty, offset | AttrCache::SLOT_BIT);
        return Ok(v);
    }
    if class_attr.is_none()
        && let Some(d) = existing_instance_dict(obj, &ty)
        && let Some(index) = dict::find_str(vm, d, name)?
        && let Some(v) = dict::value_at(d, index)
    {
        remember(vm, cache, &ty, index);
        return Ok(v);
    }
    vm.getattr(obj, name)
}

/// Attribute lookup without `__getattr__`/`__getattribute__` hooks.
pub fn generic_getattr(
    vm: &mut Vm,
    obj: Value,
    ty: &TypeObj,
    name: Value,
) -> PyResult<Option<Value>> {
    match obj.obj_kind() {
        Some(Kind::Type) => return type_getattr(vm, obj, name),
        Some(Kind::Super) => return super_getattr(vm, obj, name),
        Some(Kind::Module) => {
            let m = obj.as_ref::<ModuleObj>().expect("module");
            if let Some(v) = dict::get_str(vm, m.dict.get(), name)? {
                return Ok(Some(v));
            }
            if let Some(v) = crate::ops::special_attrs::get(vm, obj, name)? {
                return Ok(Some(v));
            }
            let ga = crate::interner::names::GETATTR;
            if let Some(f) = dict::get_str(vm, m.dict.get(), ga)? {
                return match vm.call(f, &[name]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if vm.exc_is(e.0, ExcKind::AttributeError) => Ok(None),
                    Err(e) => Err(e),
                };
            }
            return Ok(None);
        }
        _ => {}
    }
    let cls_attr = typeobj::lookup(vm, ty, name)?;
    if let Some(a) = cls_attr
        && is_data_descriptor(vm, a)?
    {
        return descr_get(vm, a, obj, Value::from_ref(ty)).map(Some);
    }
    // Field-backed attributes behave like CPython's getset descriptors (data descriptors).
    // Plain instances have only two of them.
    let plain = obj.obj_kind() == Some(Kind::Instance);
    if (!plain || name == names::CLASS || name == names::DICT)
        && let Some(v) = crate::ops::special_attrs::get(vm, obj, name)?
    {
        return Ok(Some(v));
    }
    if let Some(d) = existing_instance_dict(obj, ty)
        && let Some(v) = dict::get_str(vm, d, name)?
    {
        return Ok(Some(v));
    }
    if let Some(a) = cls_attr {
        return descr_get(vm, a, obj, Value::from_ref(ty)).map(Some);
    }
    Ok(None)
}

fn type_getattr(vm: &mut Vm, cls: Value, name: Value) -> PyResult<Option<Value>> {
    let t = cls.as_ref::<TypeObj>().expect("type");
    let meta = t.header.ty.get();
    let meta_attr = typeobj::lookup(vm, &meta, name)?;
    if let Some(a) = meta_attr
        && is_data_descriptor(vm, a)?
    {
        return descr_get(vm, a, cls, Value::from_obj(meta)).map(Some);
    }
    if let Some(a) = typeobj::lookup(vm, t, name)? {
        return descr_get(vm, a, Value::NULL, cls).map(Some);
    }
    if let Some(v) = crate::ops::special_attrs::get(vm, cls, name)? {
        return Ok(Some(v));
    }
    if let Some(a) = meta_attr {
        return descr_get(vm, a, cls, Value::from_obj(meta)).map(Some);
    }
    Ok(None)
}

fn super_getattr(vm: &mut Vm, sv: Value, name: Value) -> PyResult<Option<Value>> {
    let s = sv.as_ref::<SuperObj>().expect("super");
    let start = s.obj_type.as_ref::<TypeObj>().expect("super type");
    if let Some(a) = typeobj::lookup_after(vm, start, s.this_class, name)? {
        let inst = if s.obj == s.obj_type {
            Value::NULL
        } else {
            s.obj
        };
        if a.obj_kind() == Some(Kind::Builtin) && inst.is_null() {
            let b = a.as_ref::<BuiltinObj>().expect("builtin");
            if b.flags & BUILTIN_CLASSMETHOD != 0 {
                return vm.bind_builtin(b, s.obj).map(Some);
            }
        }
        return descr_get(vm, a, inst, s.obj_type).map(Some);
    }
    let t = vm.type_of(sv);
    let cls_attr = typeobj::lookup(vm, &t, name)?;
    match cls_attr {
        Some(a) => descr_get(vm, a, sv, Value::from_obj(t)).map(Some),
        None => crate::ops::special_attrs::get(vm, sv, name),
    }
}

/// Attribute assignment (or deletion) without the `__setattr__` hook.
pub fn generic_set(
    vm: &mut Vm,
    obj: Value,
    ty: &TypeObj,
    name: Value,
    value: Option<Value>,
) -> PyResult<()> {
    if let Some(t) = obj.as_ref::<TypeObj>() {
        if !t.has(tflags::HEAPTYPE) {
            let n = vm.str_of(name).unwrap_or("?");
            let tn = t.name_str(vm);
            return Err(vm.type_error(format!(
                "cannot set '{n}' attribute of immutable type '{tn}'"
            )));
        }
        if crate::ops::special_attrs::set(vm, obj, name, value)? {
            return Ok(());
        }
        let d = t.dict.get();
        vm.method_cache.invalidate();
        match value {
            Some(v) => vm.dict_set(d, name, v)?,
            None => {
                if vm.dict_remove(d, name)?.is_none() {
                    return Err(no_attribute(vm, obj, name));
                }
            }
        }
        crate::ops::construct::update_type_flags(vm, t)?;
        return Ok(());
    }
    if let Some(a) = typeobj::lookup(vm, ty, name)? {
        match a.obj_kind() {
            Some(Kind::Member) => return member_set(vm, a, obj, value),
            Some(Kind::Property) => {
                let p = a.as_ref::<PropertyObj>().expect("property");
                let (f, what) = match value {
                    Some(_) => (p.fset.get(), "setter"),
                    None => (p.fdel.get(), "deleter"),
                };
                if f.is_none() || f.is_null() {
                    let n = vm.str_of(name).unwrap_or("?");
                    let tn = ty.name_str(vm);
                    let msg = if what == "setter" {
                        format!("property '{n}' of '{tn}' object has no setter")
                    } else {
                        format!("property '{n}' of '{tn}' object has no deleter")
                    };
                    return Err(vm.attribute_error(msg));
                }
                match value {
                    Some(v) => vm.call(f, &[obj, v])?,
                    None => vm.call(f, &[obj])?,
                };
                return Ok(());
            }
            Some(Kind::Instance) => {
                let t = vm.type_of(a);
                let hook = vm.intern(if value.is_some() {
                    "__set__"
                } else {
                    "__delete__"
                });
                if let Some(f) = typeobj::lookup(vm, &t, hook)? {
                    match value {
                        Some(v) => vm.call(f, &[a, obj, v])?,
                        None => vm.call(f, &[a, obj])?,
                    };
                    return Ok(());
                }
            }
            _ => {}
        }
    }
    let plain = obj.obj_kind() == Some(Kind::Instance);
    if (!plain || name == names::CLASS || name == names::DICT)
        && crate::ops::special_attrs::set(vm, obj, name, value)?
    {
        return Ok(());
    }
    match instance_dict(vm, obj, ty)? {
        Some(d) => match value {
            Some(v) => vm.dict_set(d, name, v),
            None => {
                if vm.dict_remove(d, name)?.is_none() {
                    return Err(no_attribute(vm, obj, name));
                }
                Ok(())
            }
        },
        None => {
            if value.is_some() && crate::ops::special_attrs::get(vm, obj, name)?.is_some() {
                // CPython's words depend on the kind of descriptor: numbers' attributes are
                // getters, the others (range.start, slice.stop, co_name...) members.
                let number =
                    crate::obj::int::is_int(obj) || crate::ops::cmp::float_of(obj).is_some();
                if !number {
                    return Err(vm.attribute_error("readonly attribute"));
                }
                let n = vm.str_of(name).unwrap_or("?");
                let tn = vm.type_name(obj);
                return Err(vm.attribute_error(format!(
                    "attribute '{n}' of '{tn}' objects is not writable"
                )));
            }
            let n = vm.str_of(name).unwrap_or("?");
            let tn = vm.type_name(obj);
            if typeobj::lookup(vm, ty, name)?.is_some() {
                return Err(
                    vm.attribute_error(format!("'{tn}' object attribute '{n}' is read-only"))
                );
            }
            Err(vm.attribute_error(format!("'{tn}' object has no attribute '{n}'")))
        }
    }
}

/// `LoadMethod`: `(function, self)` when `name` resolves to a plain method of the type (no bound
/// method object is made), otherwise `(attribute, NULL)`.
pub fn load_method(vm: &mut Vm, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    let ty = vm.type_of(obj);
    // `super().m` and `Class.classmethod` call their function with the bound object prepended,
    // making no bound-method object.
    match obj.obj_kind() {
        Some(Kind::Super) => {
            let s = obj.as_ref::<SuperObj>().expect("super");
            let start = s.obj_type.as_ref::<TypeObj>().expect("super type");
            if s.obj != s.obj_type
                && let Some(a) = typeobj::lookup_after(vm, start, s.this_class, name)?
                && is_plain_method(a)
            {
                return Ok((a, s.obj));
            }
        }
        Some(Kind::Type) if ty.as_ptr() == vm.types.type_.as_ptr() => {
            let cls = obj.as_ref::<TypeObj>().expect("type");
            if let Some(a) = typeobj::lookup(vm, cls, name)?
                && typeobj::lookup(vm, &ty, name)?.is_none()
            {
                match a.obj_kind() {
                    Some(Kind::ClassMethod) => {
                        let f = a
                            .as_ref::<MethodWrapperObj>()
                            .expect("classmethod")
                            .func
                            .get();
                        if f.obj_kind() == Some(Kind::Function) {
                            return Ok((f, obj));
                        }
                    }
                    Some(Kind::Builtin) => {
                        let b = a.as_ref::<BuiltinObj>().expect("builtin");
                        if b.self_.is_null() && b.flags & BUILTIN_CLASSMETHOD != 0 {
                            return Ok((a, obj));
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    if let Some(a) = class_method(vm, obj, &ty, name)? {
        return bind_unless_shadowed(vm, obj, &ty, name, a);
    }
    Ok((vm.getattr(obj, name)?, Value::NULL))
}

/// Whether `obj` certainly has no attribute `name` (an interned string) of its own: it has no
/// dict, or a small one whose keys are all interned strings other than `name`. False when
/// unsure. Reads only: no allocation, no Python code.
pub fn own_dict_lacks(vm: &Vm, obj: Value, name: Value) -> bool {
    let ty = vm.type_of(obj);
    match existing_instance_dict(obj, &ty) {
        None => true,
        Some(d) => dict::small_lacks_interned(d, name),
    }
}

/// `load_method` through `site`, the method cache of this name in the running code: while the
/// class namespaces are unchanged, an object of the type the site names gets the method found
/// then, after its own dict (if it can have one) is checked for the name.
#[inline]
pub fn load_method_cached(
    vm: &mut Vm,
    obj: Value,
    name: Value,
    site: &Cell<MethodSite>,
) -> PyResult<(Value, Value)> {
    let ty = vm.type_of(obj);
    let s = site.get();
    let generation = vm.method_cache.generation();
    if s.ty == ty.as_ptr() as usize && s.generation == generation {
        let m = Value::from_bits(s.method);
        if s.shadowable == 0 {
            return Ok((m, obj));
        }
        return bind_unless_shadowed(vm, obj, &ty, name, m);
    }
    if let Some(a) = class_method(vm, obj, &ty, name)? {
        // The lookup may have run Python code (an MRO entry's `__eq__` on the name): the
        // generation read after it is the one the result belongs to.
        site.set(MethodSite {
            ty: ty.as_ptr() as usize,
            generation: vm.method_cache.generation(),
            method: a.bits(),
            shadowable: usize::from(
                ty.dict_offset.get() != 0 || obj.obj_kind() == Some(Kind::Function),
            ),
        });
        return bind_unless_shadowed(vm, obj, &ty, name, a);
    }
    load_method(vm, obj, name)
}

/// The plain method (function or builtin method) `obj`'s classes give for `name`, when a
/// method call may take it without binding: `obj` is not a class, module or `super` and its
/// type has no `__getattribute__`.
fn class_method(vm: &mut Vm, obj: Value, ty: &TypeObj, name: Value) -> PyResult<Option<Value>> {
    let plain = !matches!(
        obj.obj_kind(),
        Some(Kind::Type) | Some(Kind::Module) | Some(Kind::Super)
    ) && !ty.has(tflags::HAS_GETATTRIBUTE);
    if !plain {
        return Ok(None);
    }
    Ok(typeobj::lookup(vm, ty, name)?.filter(|&a| is_plain_method(a)))
}

/// `(method, obj)` for a method call, unless `obj`'s own dict has `name`, whose value is then
/// called without `self`.
fn bind_unless_shadowed(
    vm: &mut Vm,
    obj: Value,
    ty: &TypeObj,
    name: Value,
    method: Value,
) -> PyResult<(Value, Value)> {
    if let Some(d) = existing_instance_dict(obj, ty)
        && let Some(v) = dict::get_str(vm, d, name)?
    {
        return Ok((v, Value::NULL));
    }
    Ok((method, obj))
}

/// Look up a special method on the type of `obj` (not the instance) and bind it.
pub fn lookup_special(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    match typeobj::lookup(vm, &ty, name)? {
        Some(a) => descr_get(vm, a, obj, Value::from_obj(ty)).map(Some),
        None => Ok(None),
    }
}

/// Call special method `name` of `obj`'s type if defined: `Ok(None)` when not defined.
pub fn call_special(
    vm: &mut Vm,
    obj: Value,
    name: &str,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    let n = vm.intern(name);
    let Some(a) = typeobj::lookup(vm, &ty, n)? else {
        return Ok(None);
    };
    match a.obj_kind() {
        Some(Kind::Function) | Some(Kind::Builtin) if is_plain_method(a) => {
            let mut buf = [Value::NULL; 4];
            if args.len() < 4 {
                buf[0] = obj;
                buf[1..=args.len()].copy_from_slice(args);
                return vm.call(a, &buf[..=args.len()]).map(Some);
            }
            let m = descr_get(vm, a, obj, Value::from_obj(ty))?;
            vm.call(m, args).map(Some)
        }
        _ => {
            let m = descr_get(vm, a, obj, Value::from_obj(ty))?;
            vm.call(m, args).map(Some)
        }
    }
}

fn is_plain_method(a: Value) -> bool {
    match a.obj_kind() {
        Some(Kind::Function) => true,
        Some(Kind::Builtin) => {
            let b = a.as_ref::<BuiltinObj>().expect("builtin");
            b.self_.is_null() && b.flags & BUILTIN_METHOD != 0
        }
        _ => false,
    }
}
