//! Interned strings: identifiers and short constants get a stable index and are represented as
//! tagged values, so attribute and global lookups compare one word. Interned text lives outside
//! the GC heap for the life of the VM (it contains no values).

use crate::obj::str::hash_bytes;
use alloc::boxed::Box;
use alloc::vec::Vec;
use hashbrown::HashMap;

/// The table of interned strings.
pub struct Interner {
    strings: Vec<&'static str>,
    hashes: Vec<isize>,
    index: HashMap<&'static str, u32>,
}

impl Default for Interner {
    fn default() -> Self {
        Self::new()
    }
}

impl Interner {
    /// A table pre-filled with every one-character ASCII string (so iterating ASCII text and
    /// indexing it never allocates).
    pub fn new() -> Interner {
        let mut t = Interner { strings: Vec::new(), hashes: Vec::new(), index: HashMap::new() };
        for c in 0u8..128 {
            let s = [c];
            t.intern(core::str::from_utf8(&s).expect("ascii"));
        }
        t
    }

    /// The index of `s`, adding it if new.
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let leaked: &'static str = Box::leak(Box::<str>::from(s));
        let i = self.strings.len() as u32;
        self.strings.push(leaked);
        self.hashes.push(hash_bytes(leaked.as_bytes()));
        self.index.insert(leaked, i);
        i
    }

    /// The index of `s` if it is already interned.
    pub fn lookup(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }

    /// The text of index `i`.
    #[inline(always)]
    pub fn get(&self, i: u32) -> &'static str {
        self.strings[i as usize]
    }

    /// The hash of index `i`.
    #[inline(always)]
    pub fn hash(&self, i: u32) -> isize {
        self.hashes[i as usize]
    }

    /// Number of interned strings.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// Is the table empty?
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}
