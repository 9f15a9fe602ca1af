//! Type objects: `type`, the built-in types, user classes and metaclasses; attribute lookup
//! along the method resolution order; C3 linearisation.

use super::{Header, Kind};
use crate::obj::dict;
use crate::obj::tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

/// A class.
#[repr(C)]
pub struct TypeObj {
    /// Header (`ty` is the metaclass).
    pub header: Header,
    /// The layout of instances.
    pub kind: Kind,
    /// `__name__`.
    pub name: Cell<Value>,
    /// `__qualname__`.
    pub qualname: Cell<Value>,
    /// `__bases__` (a tuple).
    pub bases: Cell<Value>,
    /// `__mro__` (a tuple, starting with the type itself).
    pub mro: Cell<Value>,
    /// The class namespace (a dict).
    pub dict: Cell<Value>,
    /// Byte offset of the instance dict slot in instances (0 = none).
    pub dict_offset: Cell<usize>,
    /// `flags::*` bits.
    pub flags: Cell<u32>,
    /// Instance size in bytes (for user subclasses of built-in layouts).
    pub instance_size: Cell<usize>,
    /// The most attributes an instance's dict has been seen to hold (at most
    /// `INSTANCE_ATTRS_HINT_MAX`): a new instance's dict starts with room for them, so
    /// `__init__` does not grow it one step at a time.
    pub instance_attrs: Cell<u8>,
}

/// Largest `TypeObj::instance_attrs` hint (a small dict's capacity).
pub const INSTANCE_ATTRS_HINT_MAX: usize = 8;

/// Bits of `TypeObj::flags`.
pub mod flags {
    /// The type can be subclassed.
    pub const BASETYPE: u32 = 1;
    /// A class created by a `class` statement or `type(...)`.
    pub const HEAPTYPE: u32 = 2;
    /// Defines `__getattr__` somewhere in its MRO.
    pub const HAS_GETATTR: u32 = 4;
    /// Overrides `__getattribute__`.
    pub const HAS_GETATTRIBUTE: u32 = 8;
    /// Overrides `__setattr__` or `__delattr__`.
    pub const HAS_SETATTR: u32 = 16;
    /// Instances have a finaliser (`__del__`).
    pub const HAS_DEL: u32 = 32;
    /// Subclass of BaseException.
    pub const EXCEPTION: u32 = 64;
    /// Has `__slots__` without `__dict__`.
    pub const SLOTS: u32 = 128;
    /// Instances are sequences to `match` (list, tuple, range, memoryview, array, deque and
    /// their subclasses); inherited.
    pub const SEQUENCE: u32 = 256;
    /// Instances are mappings to `match` (dict and its subclasses); inherited.
    pub const MAPPING: u32 = 512;
}

impl TypeObj {
    /// Test a flag bit.
    #[inline(always)]
    pub fn has(&self, flag: u32) -> bool {
        self.flags.get() & flag != 0
    }

    /// The type's name as a Rust string.
    pub fn name_str(&self, vm: &Vm) -> &'static str {
        vm.str_of(self.name.get()).unwrap_or("?")
    }
}

/// Find `name` in the dicts of `ty`'s MRO (no descriptors applied). Lookups of interned names
/// go through the VM's method cache.
#[inline]
pub fn lookup(vm: &mut Vm, ty: &TypeObj, name: Value) -> PyResult<Option<Value>> {
    if name.as_qstr().is_some() {
        let key = Value::from_ref(ty);
        if let Some(hit) = vm.method_cache.get(key, name) {
            return Ok(hit);
        }
        let found = lookup_uncached(vm, ty, name)?;
        vm.method_cache.put(key, name, found);
        return Ok(found);
    }
    lookup_uncached(vm, ty, name)
}

fn lookup_uncached(vm: &mut Vm, ty: &TypeObj, name: Value) -> PyResult<Option<Value>> {
    let mro = tuple::items(ty.mro.get());
    for &t in mro {
        let Some(t) = t.as_ref::<TypeObj>() else {
            continue;
        };
        if let Some(v) = dict::get_str(vm, t.dict.get(), name)? {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// Like `lookup` but starting after `after` in the MRO of `ty` (for `super`).
pub fn lookup_after(
    vm: &mut Vm,
    ty: &TypeObj,
    after: Value,
    name: Value,
) -> PyResult<Option<Value>> {
    let mro = tuple::items(ty.mro.get());
    let start = mro
        .iter()
        .position(|&t| t == after)
        .map_or(mro.len(), |i| i + 1);
    for &t in &mro[start..] {
        let Some(t) = t.as_ref::<TypeObj>() else {
            continue;
        };
        if let Some(v) = dict::get_str(vm, t.dict.get(), name)? {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// Is `sub` a subclass of `sup` (through the MRO)?
pub fn is_subtype(sub: &TypeObj, sup: Value) -> bool {
    tuple::items(sub.mro.get()).contains(&sup)
}

/// C3 linearisation of a class with `bases` (a tuple). Returns the MRO without the class
/// itself, or a `TypeError` when no consistent order exists.
pub fn c3_mro(vm: &mut Vm, bases: Value) -> PyResult<alloc::vec::Vec<Value>> {
    use alloc::vec::Vec;
    // The type objects here are all reachable from `bases`, so keeping them in a Rust Vec for
    // the duration of this computation is safe: nothing in it outlives `bases`.
    let items = tuple::items(bases);
    for (i, &b) in items.iter().enumerate() {
        if items[..i].contains(&b) {
            let n = b.as_ref::<TypeObj>().map_or("?", |t| t.name_str(vm));
            return Err(vm.type_error(alloc::format!("duplicate base class {n}")));
        }
    }
    let mut seqs: Vec<Vec<Value>> = Vec::new();
    for &b in tuple::items(bases) {
        let bt = b.as_ref::<TypeObj>().expect("bases are types");
        seqs.push(tuple::items(bt.mro.get()).to_vec());
    }
    seqs.push(tuple::items(bases).to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|t| t[1..].contains(&cand)) {
                found = Some(cand);
                break;
            }
        }
        let Some(next) = found else {
            let mut names = alloc::string::String::new();
            for (i, &b) in tuple::items(bases).iter().enumerate() {
                if i > 0 {
                    names.push_str(", ");
                }
                names.push_str(b.as_ref::<TypeObj>().map_or("?", |t| t.name_str(vm)));
            }
            return Err(vm.type_error(alloc::format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {names}"
            )));
        };
        out.push(next);
        for s in &mut seqs {
            if s[0] == next {
                s.remove(0);
            }
        }
    }
}
