//! `set` and `frozenset`: open addressing with CPython's probe sequence (nine linear probes,
//! then perturbation) and resize policy, so iteration order matches CPython for the same inserts.
//!
//! The table is a GC block of `(hash, key)` word pairs. An unused slot has a NULL key and hash 0;
//! a deleted slot (dummy) has a NULL key and hash -1. Invariant: `fill` (used + dummies) * 5 <
//! mask * 3 after every insertion.

use super::{Header, TypeObj, ValueArray};
use crate::gc::Gc;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;
const DUMMY_HASH: usize = usize::MAX;

/// A set or frozenset.
#[repr(C)]
pub struct SetObj {
    /// Header.
    pub header: Header,
    /// Live keys.
    pub used: Cell<usize>,
    /// Live keys plus dummies.
    pub fill: Cell<usize>,
    /// `2 * size` words (size a power of two).
    pub table: Cell<Option<Gc<ValueArray>>>,
    /// Cached hash of a frozenset (-1 = not computed).
    pub hash: Cell<isize>,
}

impl SetObj {
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.used.get()
    }

    /// Is it empty?
    pub fn is_empty(&self) -> bool {
        self.used.get() == 0
    }

    fn table(&self) -> &'static [Cell<Value>] {
        match self.table.get() {
            Some(t) => crate::gc::var_items_static(t),
            None => &[],
        }
    }

    /// Number of slots to scan when iterating.
    pub fn slot_limit(&self) -> usize {
        self.table().len() / 2
    }

    /// The key in slot `i`, if live.
    pub fn slot(&self, i: usize) -> Option<Value> {
        let k = self.table().get(i * 2 + 1)?.get();
        if k.is_null() { None } else { Some(k) }
    }

    /// The keys in table order.
    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        (0..self.slot_limit()).filter_map(move |i| self.slot(i))
    }
}

impl Vm {
    /// A new empty set of type `ty` (set, frozenset or a subclass).
    pub fn new_set_of_type(&mut self, ty: Gc<TypeObj>) -> PyResult<Value> {
        let obj = SetObj {
            header: Header::new(ty),
            used: Cell::new(0),
            fill: Cell::new(0),
            table: Cell::new(None),
            hash: Cell::new(-1),
        };
        self.alloc_instance(ty, obj)
    }

    /// A new empty `set`.
    pub fn new_set(&mut self) -> PyResult<Value> {
        let ty = self.types.set;
        self.new_set_of_type(ty)
    }

    /// Does the set contain `key`?
    pub fn set_contains(&mut self, s: &SetObj, key: Value) -> PyResult<bool> {
        // Hashed even when empty: an unhashable key is a TypeError, as in CPython.
        let hash = self.hash(key)?;
        if s.is_empty() {
            return Ok(false);
        }
        Ok(self.set_find(s, key, hash)?.is_some())
    }

    fn set_find(&mut self, s: &SetObj, key: Value, hash: isize) -> PyResult<Option<usize>> {
        let t = s.table();
        if t.is_empty() {
            return Ok(None);
        }
        let mask = t.len() / 2 - 1;
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let h = t[j * 2].get().bits();
                let k = t[j * 2 + 1].get();
                if k.is_null() {
                    if h == 0 {
                        return Ok(None);
                    }
                    continue;
                }
                if k == key || (h as isize == hash && self.eq(k, key)?) {
                    return Ok(Some(j));
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /// Add `key`.
    pub fn set_add(&mut self, sv: Value, key: Value) -> PyResult<()> {
        let hash = self.hash(key)?;
        let s = sv.as_ref::<SetObj>().expect("set");
        if s.table().is_empty() {
            self.set_resize(s, 0)?;
        }
        let t = s.table();
        let mask = t.len() / 2 - 1;
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        let mut freeslot = None;
        let slot = 'search: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let h = t[j * 2].get().bits();
                let k = t[j * 2 + 1].get();
                if k.is_null() {
                    if h == 0 {
                        break 'search freeslot.unwrap_or(j);
                    }
                    if h == DUMMY_HASH {
                        freeslot = Some(j);
                    }
                    continue;
                }
                if k == key || (h as isize == hash && self.eq(k, key)?) {
                    return Ok(());
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        };
        let was_dummy = t[slot * 2].get().bits() == DUMMY_HASH;
        t[slot * 2].set(Value::from_bits(hash as usize));
        t[slot * 2 + 1].set(key);
        s.used.set(s.used.get() + 1);
        if was_dummy {
            return Ok(());
        }
        s.fill.set(s.fill.get() + 1);
        if s.fill.get() * 5 >= mask * 3 {
            let used = s.used.get();
            self.set_resize(s, if used > 50000 { used * 2 } else { used * 4 })?;
        }
        Ok(())
    }

    fn set_resize(&mut self, s: &SetObj, minused: usize) -> PyResult<()> {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = s.table();
        let new = self.alloc_null_cells(size * 2)?;
        let nt = crate::gc::var_items_static(new);
        let mask = size - 1;
        for pair in old.chunks(2) {
            let k = pair[1].get();
            if k.is_null() {
                continue;
            }
            let hash = pair[0].get().bits();
            let mut perturb = hash;
            let mut i = hash & mask;
            'place: loop {
                if nt[i * 2 + 1].get().is_null() {
                    break 'place;
                }
                if i + LINEAR_PROBES <= mask {
                    for j in i + 1..=i + LINEAR_PROBES {
                        if nt[j * 2 + 1].get().is_null() {
                            i = j;
                            break 'place;
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i * 5 + 1 + perturb) & mask;
            }
            nt[i * 2].set(pair[0].get());
            nt[i * 2 + 1].set(k);
        }
        if let Some(o) = s.table.get() {
            self.heap.free(o.erase());
        }
        s.table.set(Some(new));
        s.fill.set(s.used.get());
        Ok(())
    }

    /// Remove `key`; returns whether it was present.
    pub fn set_discard(&mut self, sv: Value, key: Value) -> PyResult<bool> {
        let s = sv.as_ref::<SetObj>().expect("set");
        let hash = self.hash(key)?;
        if s.is_empty() {
            return Ok(false);
        }
        let Some(j) = self.set_find(s, key, hash)? else {
            return Ok(false);
        };
        let t = s.table();
        t[j * 2].set(Value::from_bits(DUMMY_HASH));
        t[j * 2 + 1].set(Value::NULL);
        s.used.set(s.used.get() - 1);
        Ok(true)
    }

    /// Remove every key.
    pub fn set_clear(&mut self, sv: Value) {
        let s = sv.as_ref::<SetObj>().expect("set");
        s.table.set(None);
        s.used.set(0);
        s.fill.set(0);
    }
}
