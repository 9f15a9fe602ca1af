//! The method cache: results of class-attribute lookups along the MRO, keyed by (type, interned
//! name) and valid for one "type epoch". Any change to any class namespace, and the creation of
//! any class, starts a new epoch, so a hit is always what a fresh lookup would find.
//!
//! The cache lives inside the `Vm` (on the stack), so the values it holds are seen by the
//! collector; a stale entry can only keep an object alive a little longer.

use crate::value::Value;

const SIZE: usize = 1024;

#[derive(Clone, Copy)]
struct Entry {
    ty: Value,
    name: Value,
    epoch: u32,
    /// The attribute, or NULL for "not found".
    value: Value,
}

/// A direct-mapped cache of class-attribute lookups.
pub struct MethodCache {
    entries: [Entry; SIZE],
    epoch: u32,
    /// Counts every invalidation and never wraps in practice: caches elsewhere (attribute
    /// caches in code objects) record it and are valid while it is unchanged.
    generation: u64,
}

impl Default for MethodCache {
    fn default() -> Self {
        Self::new()
    }
}

impl MethodCache {
    /// An empty cache.
    pub fn new() -> MethodCache {
        let e = Entry {
            ty: Value::NULL,
            name: Value::NULL,
            epoch: 0,
            value: Value::NULL,
        };
        MethodCache {
            entries: [e; SIZE],
            epoch: 1,
            generation: 1,
        }
    }

    #[inline(always)]
    fn slot(ty: Value, name: Value) -> usize {
        ((ty.bits() >> 4) ^ (name.bits() >> 3).wrapping_mul(0x9e37)) & (SIZE - 1)
    }

    /// The cached result for `(ty, name)`: `Some(None)` is a cached miss.
    #[inline(always)]
    pub fn get(&self, ty: Value, name: Value) -> Option<Option<Value>> {
        let e = &self.entries[Self::slot(ty, name)];
        if e.ty == ty && e.name == name && e.epoch == self.epoch {
            return Some(if e.value.is_null() {
                None
            } else {
                Some(e.value)
            });
        }
        None
    }

    /// Remember a lookup result.
    #[inline(always)]
    pub fn put(&mut self, ty: Value, name: Value, value: Option<Value>) {
        let epoch = self.epoch;
        self.entries[Self::slot(ty, name)] = Entry {
            ty,
            name,
            epoch,
            value: value.unwrap_or(Value::NULL),
        };
    }

    /// The number of invalidations so far (see `generation`).
    #[inline]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Where native code reads `generation`.
    pub fn generation_ptr(&self) -> *const u64 {
        &self.generation
    }

    /// Forget everything (a class namespace changed or a class was created).
    #[inline]
    pub fn invalidate(&mut self) {
        self.generation += 1;
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.epoch = 1;
            for e in &mut self.entries {
                e.epoch = 0;
            }
        }
    }
}
