//! Interned strings: identifiers and short constants get a stable index and are represented as
//! tagged values, so attribute and global lookups compare one word. Interned text lives outside
//! the GC heap for the life of the VM (it contains no values).

use crate::obj::str::hash_bytes;
use alloc::boxed::Box;
use alloc::vec::Vec;
use hashbrown::HashMap;

macro_rules! static_names {
    ($($name:ident = $text:literal;)*) => {
        /// Names interned when the VM starts, at fixed indices, so hot paths compare against
        /// constants instead of interning at run time.
        pub mod names {
            use crate::value::Value;
            const BASE: u32 = 128;
            static_names!(@consts 0u32; $($name)*);
        }

        /// The texts of `names`, in index order.
        const STATIC_NAMES: &[&str] = &[$($text),*];
    };
    (@consts $i:expr; $name:ident $($rest:ident)*) => {
        #[doc = concat!("The interned `", stringify!($name), "` name.")]
        pub const $name: Value = Value::qstr(BASE + $i);
        static_names!(@consts $i + 1u32; $($rest)*);
    };
    (@consts $i:expr;) => {};
}

static_names! {
    NEW = "__new__";
    INIT = "__init__";
    QUALNAME = "__qualname__";
    NEXT = "__next__";
    INSTANCECHECK = "__instancecheck__";
    GETATTR = "__getattr__";
    GET = "__get__";
    CALL = "__call__";
    SUBCLASSCHECK = "__subclasscheck__";
    SETATTR = "__setattr__";
    SET_NAME = "__set_name__";
    SET = "__set__";
    PREPARE = "__prepare__";
    NAME = "__name__";
    MODULE = "__module__";
    INIT_SUBCLASS = "__init_subclass__";
    HASH = "__hash__";
    GETITEM = "__getitem__";
    GETATTRIBUTE = "__getattribute__";
    FORMAT = "__format__";
    EXIT = "__exit__";
    ENTER = "__enter__";
    DOC = "__doc__";
    DICT = "__dict__";
    DELETE = "__delete__";
    DELATTR = "__delattr__";
    DEL = "__del__";
    CLASS_GETITEM = "__class_getitem__";
    AWAIT = "__await__";
    ANNOTATIONS = "__annotations__";
    CLASS = "__class__";
    ITER = "__iter__";
    LEN = "__len__";
    BOOL = "__bool__";
    EQ = "__eq__";
    REPR = "__repr__";
    STR = "__str__";
    SETITEM = "__setitem__";
    DELITEM = "__delitem__";
    CONTAINS = "__contains__";
    MISSING = "__missing__";
    INDEX = "__index__";
    BUILD_CLASS = "__build_class__";
    FILE = "__file__";
    PATH = "__path__";
    PACKAGE = "__package__";
    ALL = "__all__";
    BUILTINS = "__builtins__";
    IMPORT = "__import__";
    AITER = "__aiter__";
    ANEXT = "__anext__";
    AENTER = "__aenter__";
    AEXIT = "__aexit__";
    REVERSED = "__reversed__";
    DIR = "__dir__";
    MAIN = "__main__";
    MATCH_ARGS = "__match_args__";
}

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
        let mut t = Interner {
            strings: Vec::new(),
            hashes: Vec::new(),
            index: HashMap::new(),
        };
        for c in 0u8..128 {
            let s = [c];
            t.intern(core::str::from_utf8(&s).expect("ascii"));
        }
        for n in STATIC_NAMES {
            t.intern(n);
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

    /// Bytes of interned text.
    pub fn data_bytes(&self) -> usize {
        self.strings.iter().map(|s| s.len()).sum()
    }

    /// Is the table empty?
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}
