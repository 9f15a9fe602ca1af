//! `dict`: an insertion-ordered hash table, laid out like CPython's compact dict.
//!
//! `entries` holds `(hash, key, value)` triples in insertion order (a deleted entry has a NULL key);
//! `indices` is the open-addressing table of entry numbers (`EMPTY`, `DUMMY` or an index) probed
//! with CPython's perturbation scheme. Both live in GC blocks. Invariant: `used` live entries,
//! `filled` entries written (live or deleted) <= capacity, and the index table is at most 2/3 full.
//! Small dicts (at most `SMALL_CAP` entries, like most instance dicts) have no index table and
//! are searched linearly, which saves memory and is as fast for a handful of keys.

use super::{Header, ValueArray};
use crate::gc::{Gc, VarObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;
/// Dicts with at most this many entry slots have no index table.
const SMALL_CAP: usize = 8;

/// The index table.
pub type IndexArray = VarObj<(), Cell<i32>>;

/// A dict.
#[repr(C)]
pub struct DictObj {
    /// Header.
    pub header: Header,
    /// Number of live entries.
    pub used: Cell<usize>,
    /// Entries written so far (including deleted ones).
    pub filled: Cell<usize>,
    /// `3 * capacity` words: hash (as raw bits), key, value.
    pub entries: Cell<Option<Gc<ValueArray>>>,
    /// The index table (size a power of two).
    pub indices: Cell<Option<Gc<IndexArray>>>,
    /// A VM-wide unique stamp, renewed on every insertion or deletion that changes the key set
    /// (iteration checks, global caches).
    pub version: Cell<u64>,
}

impl DictObj {
    /// Number of live entries.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.used.get()
    }

    /// Is the dict empty?
    pub fn is_empty(&self) -> bool {
        self.used.get() == 0
    }

    fn entries(&self) -> &'static [Cell<Value>] {
        match self.entries.get() {
            Some(e) => crate::gc::var_items_static(e),
            None => &[],
        }
    }

    fn indices(&self) -> &'static [Cell<i32>] {
        match self.indices.get() {
            Some(e) => crate::gc::var_items_static(e),
            None => &[],
        }
    }

    /// The live entry at position `pos` of the entry array, if any: `(key, value)`.
    #[inline]
    pub fn entry_at(&self, pos: usize) -> Option<(Value, Value)> {
        let e = self.entries();
        if pos >= self.filled.get() {
            return None;
        }
        let k = e[pos * 3 + 1].get();
        if k.is_null() {
            None
        } else {
            Some((k, e[pos * 3 + 2].get()))
        }
    }

    /// Number of entry positions to scan when iterating.
    pub fn entry_limit(&self) -> usize {
        self.filled.get()
    }

    /// Iterate the live entries (the dict must not be resized during iteration).
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        (0..self.filled.get()).filter_map(move |i| self.entry_at(i))
    }
}

/// A dict value as `DictObj`.
#[inline(always)]
pub fn as_dict(v: Value) -> Option<&'static DictObj> {
    v.as_ref::<DictObj>()
}

impl Vm {
    /// A dict version stamp no dict has had.
    #[inline]
    pub fn next_dict_stamp(&mut self) -> u64 {
        self.dict_stamp += 1;
        self.dict_stamp
    }

    /// A new empty dict.
    pub fn new_dict(&mut self) -> PyResult<Value> {
        let ty = self.types.dict;
        self.new_dict_of_type(ty)
    }

    /// A new empty dict with room for `n` entries before it must grow.
    pub fn new_dict_sized(&mut self, n: usize) -> PyResult<Value> {
        let d = self.new_dict()?;
        if n > 0 {
            self.dict_resize(as_dict(d).expect("dict"), n)?;
        }
        Ok(d)
    }

    /// A new empty dict of type `ty` (a dict subclass).
    pub fn new_dict_of_type(&mut self, ty: Gc<super::TypeObj>) -> PyResult<Value> {
        let obj = DictObj {
            header: Header::new(ty),
            used: Cell::new(0),
            filled: Cell::new(0),
            entries: Cell::new(None),
            indices: Cell::new(None),
            version: Cell::new(self.next_dict_stamp()),
        };
        self.alloc_instance(ty, obj)
    }

    /// Find the entry index of `key` (with hash `hash`). Equality may run Python code.
    fn dict_find(&mut self, d: &DictObj, key: Value, hash: isize) -> PyResult<Option<usize>> {
        let indices = d.indices();
        if indices.is_empty() {
            return self.dict_find_linear(d, key, hash);
        }
        let mask = indices.len() - 1;
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            let ix = indices[i].get();
            if ix == EMPTY {
                return Ok(None);
            }
            if ix >= 0 {
                let e = d.entries();
                let base = ix as usize * 3;
                let k = e[base + 1].get();
                if k == key {
                    return Ok(Some(ix as usize));
                }
                if !k.is_null()
                    && e[base].get().bits() as isize == hash
                    && !(k.as_qstr().is_some() && key.as_qstr().is_some())
                {
                    let version = d.version.get();
                    if self.eq(k, key)? {
                        return Ok(Some(ix as usize));
                    }
                    if d.version.get() != version {
                        return Err(self.runtime_error("dictionary changed size during iteration"));
                    }
                }
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }

    /// Search a small dict (no index table) entry by entry.
    pub(crate) fn dict_find_linear(
        &mut self,
        d: &DictObj,
        key: Value,
        hash: isize,
    ) -> PyResult<Option<usize>> {
        let e = d.entries();
        for ix in 0..d.filled.get() {
            let k = e[ix * 3 + 1].get();
            if k == key {
                return Ok(Some(ix));
            }
        }
        for ix in 0..d.filled.get() {
            let k = e[ix * 3 + 1].get();
            if k.is_null() || e[ix * 3].get().bits() as isize != hash {
                continue;
            }
            if k.as_qstr().is_some() && key.as_qstr().is_some() {
                continue;
            }
            let version = d.version.get();
            if self.eq(k, key)? {
                return Ok(Some(ix));
            }
            if d.version.get() != version {
                return Err(self.runtime_error("dictionary changed size during iteration"));
            }
        }
        Ok(None)
    }

    /// `d[key]` or `None` when missing.
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let d = as_dict(d).expect("dict");
        // Hashed even when empty: an unhashable key is a TypeError, as in CPython.
        let hash = self.hash(key)?;
        if d.is_empty() {
            return Ok(None);
        }
        Ok(self
            .dict_find(d, key, hash)?
            .map(|ix| d.entries()[ix * 3 + 2].get()))
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: Value, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(key)?;
        self.dict_set_hashed(d, key, hash, value)
    }

    /// `d[key] = value` with a precomputed hash.
    pub fn dict_set_hashed(
        &mut self,
        dv: Value,
        key: Value,
        hash: isize,
        value: Value,
    ) -> PyResult<()> {
        let d = as_dict(dv).expect("dict");
        if let Some(ix) = self.dict_find(d, key, hash)? {
            d.entries()[ix * 3 + 2].set(value);
            return Ok(());
        }
        let cap = d.entries().len() / 3;
        if d.filled.get() >= cap {
            // Enough deleted entries are reclaimed where they are (as MicroPython does, so
            // delete+add cycles allocate nothing); at least cap/8 of them keeps the cost of the
            // compaction amortised constant per insertion.
            let deleted = d.filled.get() - d.used.get();
            if deleted > 0 && deleted >= cap / 8 {
                compact(d);
            } else {
                self.dict_resize(d, d.used.get() + 1)?;
            }
        }
        let pos = d.filled.get();
        let e = d.entries();
        e[pos * 3].set(Value::from_bits(hash as usize));
        e[pos * 3 + 1].set(key);
        e[pos * 3 + 2].set(value);
        d.filled.set(pos + 1);
        d.used.set(d.used.get() + 1);
        d.version.set(self.next_dict_stamp());
        if d.indices.get().is_some() {
            insert_index(d.indices(), hash, pos as i32);
        }
        Ok(())
    }

    /// Rebuild the tables with room for at least `min_used` entries, dropping deleted entries.
    fn dict_resize(&mut self, d: &DictObj, min_used: usize) -> PyResult<()> {
        let small = min_used.next_power_of_two().max(2);
        let (cap, isize_) = if small <= SMALL_CAP {
            (small, 0)
        } else {
            let mut cap = MIN_SIZE * 2 / 3;
            let mut isize_ = MIN_SIZE;
            while cap < min_used + (min_used >> 1).max(1) {
                isize_ *= 2;
                cap = isize_ * 2 / 3;
            }
            (cap, isize_)
        };
        let old = d.entries();
        let filled = d.filled.get();
        let entries = self.alloc_null_cells(cap * 3)?;
        let indices = if isize_ > 0 {
            Some(self.alloc_var((), isize_, |_| Cell::new(EMPTY), false)?)
        } else {
            None
        };
        let ne = crate::gc::var_items_static(entries);
        let ni: &[Cell<i32>] = match indices {
            Some(i) => crate::gc::var_items_static(i),
            None => &[],
        };
        let mut n = 0;
        for i in 0..filled {
            let k = old[i * 3 + 1].get();
            if k.is_null() {
                continue;
            }
            ne[n * 3].set(old[i * 3].get());
            ne[n * 3 + 1].set(k);
            ne[n * 3 + 2].set(old[i * 3 + 2].get());
            if !ni.is_empty() {
                insert_index(ni, old[i * 3].get().bits() as isize, n as i32);
            }
            n += 1;
        }
        if let Some(o) = d.entries.get() {
            self.heap.free(o.erase());
        }
        if let Some(o) = d.indices.get() {
            self.heap.free(o.erase());
        }
        d.entries.set(Some(entries));
        d.indices.set(indices);
        d.filled.set(n);
        Ok(())
    }

    /// Remove `key`; returns the old value, or `None` when missing.
    pub fn dict_remove(&mut self, dv: Value, key: Value) -> PyResult<Option<Value>> {
        let d = as_dict(dv).expect("dict");
        let hash = self.hash(key)?;
        if d.is_empty() {
            return Ok(None);
        }
        let Some(ix) = self.dict_find(d, key, hash)? else {
            return Ok(None);
        };
        let e = d.entries();
        let old = e[ix * 3 + 2].get();
        e[ix * 3 + 1].set(Value::NULL);
        e[ix * 3 + 2].set(Value::NULL);
        let indices = d.indices();
        if !indices.is_empty() {
            let mask = indices.len() - 1;
            let mut perturb = hash as usize;
            let mut i = (hash as usize) & mask;
            while indices[i].get() != ix as i32 {
                perturb >>= 5;
                i = (i * 5 + perturb + 1) & mask;
            }
            indices[i].set(DUMMY);
        }
        d.used.set(d.used.get() - 1);
        d.version.set(self.next_dict_stamp());
        Ok(Some(old))
    }

    /// Remove everything.
    pub fn dict_clear(&mut self, dv: Value) {
        let d = as_dict(dv).expect("dict");
        d.entries.set(None);
        d.indices.set(None);
        d.used.set(0);
        d.filled.set(0);
        d.version.set(self.next_dict_stamp());
    }

    /// Lookup with a `str` key given as Rust text (module attributes, keyword names).
    pub fn dict_get_str(&mut self, d: Value, key: &str) -> PyResult<Option<Value>> {
        let k = self.intern(key);
        get_str(self, d, k)
    }

    /// Store with a `str` key given as Rust text.
    pub fn dict_set_str(&mut self, d: Value, key: &str, value: Value) -> PyResult<()> {
        let k = self.intern(key);
        self.dict_set(d, k, value)
    }

    /// A shallow copy.
    pub fn dict_copy(&mut self, dv: Value) -> PyResult<Value> {
        let new = self.new_dict()?;
        let d = as_dict(dv).expect("dict");
        let mut pos = 0;
        while pos < d.entry_limit() {
            if let Some((k, v)) = d.entry_at(pos) {
                let h = d.entries()[pos * 3].get().bits() as isize;
                self.dict_set_hashed(new, k, h, v)?;
            }
            pos += 1;
        }
        Ok(new)
    }
}

/// Drop deleted entries in place: live entries move to the front, keeping their order, and the
/// index table is rebuilt.
fn compact(d: &DictObj) {
    let e = d.entries();
    let filled = d.filled.get();
    let mut n = 0;
    for i in 0..filled {
        let k = e[i * 3 + 1].get();
        if k.is_null() {
            continue;
        }
        if n != i {
            for w in 0..3 {
                e[n * 3 + w].set(e[i * 3 + w].get());
            }
        }
        n += 1;
    }
    for c in &e[n * 3..filled * 3] {
        c.set(Value::NULL);
    }
    d.filled.set(n);
    if d.indices.get().is_some() {
        let ix = d.indices();
        for c in ix {
            c.set(EMPTY);
        }
        for i in 0..n {
            insert_index(ix, e[i * 3].get().bits() as isize, i as i32);
        }
    }
}

fn insert_index(indices: &[Cell<i32>], hash: isize, ix: i32) {
    let mask = indices.len() - 1;
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    while indices[i].get() >= 0 {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    indices[i].set(ix);
}

/// Lookup by a key that is a `str` value (interned or not): the attribute-lookup fast path.
#[inline]
pub fn get_str(vm: &mut Vm, dv: Value, key: Value) -> PyResult<Option<Value>> {
    Ok(find_str(vm, dv, key)?.and_then(|ix| value_at(dv, ix)))
}

/// The value at entry position `ix` of dict `dv` if that entry's key is exactly `key` (an
/// interned name compared by identity).
#[inline]
pub fn value_at_key(dv: Value, ix: usize, key: Value) -> Option<Value> {
    let e = as_dict(dv)?.entries().get(ix * 3..ix * 3 + 3)?;
    let v = e[2].get();
    (e[1].get() == key && !v.is_null()).then_some(v)
}

/// Replace the value at entry position `ix` of dict `dv` if that entry holds `key` (an
/// interned string, compared by identity); whether it did. The key set is unchanged, so the
/// dict's version stays.
#[inline]
pub fn replace_at_key(dv: Value, ix: usize, key: Value, value: Value) -> bool {
    let Some(e) = as_dict(dv).and_then(|d| d.entries().get(ix * 3..ix * 3 + 3)) else {
        return false;
    };
    let hit = e[1].get() == key && !e[2].get().is_null();
    if hit {
        e[2].set(value);
    }
    hit
}

/// The value at entry position `ix` of dict `dv` (a position `find_str` returned).
#[inline]
pub fn value_at(dv: Value, ix: usize) -> Option<Value> {
    let v = as_dict(dv)?.entries().get(ix * 3 + 2)?.get();
    (!v.is_null()).then_some(v)
}

/// What one pass over a small dict's keys (no index table) comparing words says about `key`.
enum IdentityScan {
    /// The key is at this entry position.
    At(usize),
    /// The key is certainly absent: it and every key are interned strings, which are equal only
    /// when identical.
    Absent,
    /// Only a comparison by value can tell.
    Unsure,
}

fn scan_by_identity(d: &DictObj, key: Value) -> IdentityScan {
    let mut all_interned = key.as_qstr().is_some();
    for (ix, entry) in d.entries().chunks_exact(3).take(d.filled.get()).enumerate() {
        let k = entry[1].get();
        if k == key {
            return IdentityScan::At(ix);
        }
        all_interned &= k.is_null() || k.as_qstr().is_some();
    }
    if all_interned {
        IdentityScan::Absent
    } else {
        IdentityScan::Unsure
    }
}

/// Whether dict `dv` certainly lacks the interned string `key`: it has no index table (it is
/// small) and every key in it is an interned string other than `key`. False when unsure.
pub fn small_lacks_interned(dv: Value, key: Value) -> bool {
    as_dict(dv).is_some_and(|d| {
        d.indices().is_empty() && matches!(scan_by_identity(d, key), IdentityScan::Absent)
    })
}

/// The entry position of the str `key` in dict `dv` (see [`get_str`]).
pub fn find_str(vm: &mut Vm, dv: Value, key: Value) -> PyResult<Option<usize>> {
    let Some(d) = as_dict(dv) else {
        return Ok(None);
    };
    if d.is_empty() {
        return Ok(None);
    }
    let indices = d.indices();
    if indices.is_empty() {
        return match scan_by_identity(d, key) {
            IdentityScan::At(ix) => Ok(Some(ix)),
            IdentityScan::Absent => Ok(None),
            IdentityScan::Unsure => {
                let hash = vm.str_hash(key);
                vm.dict_find_linear(d, key, hash)
            }
        };
    }
    let hash = vm.str_hash(key);
    let mask = indices.len() - 1;
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    let e = d.entries();
    loop {
        let ix = indices[i].get();
        if ix == EMPTY {
            return Ok(None);
        }
        if ix >= 0 {
            let base = ix as usize * 3;
            let k = e[base + 1].get();
            if k == key {
                return Ok(Some(ix as usize));
            }
            if !k.is_null()
                && e[base].get().bits() as isize == hash
                && !(k.as_qstr().is_some() && key.as_qstr().is_some())
            {
                if let (Some(a), Some(b)) = (vm.str_of(k), vm.str_of(key)) {
                    if a == b {
                        return Ok(Some(ix as usize));
                    }
                } else if vm.eq(k, key)? {
                    return Ok(Some(ix as usize));
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}
