//! Functions: Python functions (code + globals + defaults + closure), functions written in Rust
//! (`BuiltinObj`), and the VM's form of a compiled code object.

use super::Header;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::boxed::Box;
use core::cell::Cell;
use frontend::bytecode::CodeObject;

/// A compiled code object as the VM holds it: the frontend's plain data plus its constants and
/// names converted to values. Has a finaliser (the instruction vectors live outside the GC heap).
#[repr(C)]
pub struct CodeObj {
    /// Header.
    pub header: Header,
    /// Instructions, line table, exception table, argument spec.
    pub info: Box<CodeObject>,
    /// `consts` as a tuple of values (nested code objects are `CodeObj`s).
    pub consts: Value,
    /// `names` as a tuple of interned strings.
    pub names: Value,
    /// `varnames` as a tuple of interned strings (keyword-argument binding).
    pub varnames: Value,
    /// The file name (a str).
    pub filename: Value,
    /// The name (interned) and qualified name (a str) functions made from this code start with:
    /// made once here, not at every `def` or generator expression.
    pub name: Value,
    /// See `name`.
    pub qualname: Value,
    /// The first items of `consts` and `names` (both tuples, which never move): machine code
    /// reads them through these, found once here rather than at every call.
    pub consts_items: *const Value,
    /// See `consts_items`.
    pub names_items: *const Value,
    /// Entry address of the function's machine code (0: it runs as bytecode).
    pub native: Cell<usize>,
    /// What keeps that machine code's memory alive (shared by the code objects compiled from
    /// one source; freed with the last of them).
    pub native_owner: Cell<Option<alloc::rc::Rc<dyn core::any::Any>>>,
    /// The number of arguments a call binds by position alone, with nothing else to set up (no
    /// `*args`/`**kwargs`/keyword-only parameters, cells or free variables -- so no closure
    /// either; not a generator, coroutine or assembler function), or `u32::MAX` when calls need
    /// the general binding.
    pub plain_arity: u32,
    /// Words of a frame block for this code (`frame::frame_words`).
    pub frame_words: u32,
    /// One global-lookup cache per entry of `names` (bytecode and native code share them).
    pub global_cache: Box<[Cell<GlobalCache>]>,
    /// One attribute and method cache per entry of `names`.
    pub attr_cache: Box<[NameCache]>,
}

/// The caches of one name of a code object: where `LOAD_ATTR`/`STORE_ATTR` found it in
/// instance dicts, and what `LOAD_METHOD` found in the class.
#[derive(Default)]
#[repr(C)]
pub struct NameCache {
    /// Instance-dict positions (see `AttrCache`).
    pub ways: AttrWays,
    /// The method (see `MethodSite`).
    pub method: Cell<MethodSite>,
}

/// What `LOAD_METHOD` found last time: for objects of the type at `ty`, while the class
/// namespaces are in `generation` (`MethodCache::generation`), the name is the plain method
/// (function or builtin method) `method`. The method is reachable from the type's classes
/// while the generation holds, and a type made at a dead one's address starts a new
/// generation, so a hit always names a live object. When `shadowable` is nonzero, instances
/// of the type can have their own dict, which must be checked for the name first.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct MethodSite {
    /// The type's address (0: empty).
    pub ty: usize,
    /// The class-namespace generation.
    pub generation: u64,
    /// The method's value bits.
    pub method: usize,
    /// Nonzero when an instance's own dict may shadow the method.
    pub shadowable: usize,
}

/// An attribute cache remembers two types, so that code working on a class and its subclass
/// (or two kinds of record) does not evict one with the other at each use.
pub type AttrWays = [Cell<AttrCache>; 2];

/// Where `LOAD_ATTR` last found a name in a plain instance's own dict: the instance's type,
/// the class-namespace generation then (`MethodCache::generation`: no class attribute or
/// `__getattribute__` has appeared since), and the entry position in the instance dict. A hit
/// still checks that the entry holds the name, so instances whose dicts differ just miss.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct AttrCache {
    /// The type's address (0: empty).
    pub ty: usize,
    /// The class-namespace generation.
    pub generation: u64,
    /// Entry position in the instance dict, or a `__slots__` field's byte offset with
    /// `SLOT_BIT` set.
    pub index: usize,
}

impl AttrCache {
    /// Marks `index` as the byte offset of a `__slots__` field.
    pub const SLOT_BIT: usize = 1 << (usize::BITS - 1);

    /// The entry of `ways` for type `ty` in class-namespace generation `generation`.
    #[inline]
    pub fn find(ways: &AttrWays, ty: usize, generation: u64) -> Option<AttrCache> {
        ways.iter()
            .map(Cell::get)
            .find(|c| c.ty == ty && c.generation == generation)
    }

    /// Remember `self` in `ways`: in place of the entry for the same type, else in front, the
    /// older front entry moving back.
    pub fn store_in(self, ways: &AttrWays) {
        if ways[1].get().ty == self.ty {
            ways[1].set(self);
            return;
        }
        if ways[0].get().ty != self.ty {
            ways[1].set(ways[0].get());
        }
        ways[0].set(self);
    }
}

/// Where `LOAD_GLOBAL` found a name last time: valid while the globals dict (and, for a
/// builtin, the builtins dict) still has the version it had then. Versions are VM-wide unique
/// stamps, so a matching version also means the same dict, and an unchanged key set means the
/// name still sits at the same entry position (its value is read afresh).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct GlobalCache {
    /// The globals dict's version (0: empty cache; stamps start at 1).
    pub globals_version: u64,
    /// The builtins dict's version when the name was a builtin, else 0.
    pub builtins_version: u64,
    /// The entry position in the dict that holds the name.
    pub index: usize,
}

/// A Python function.
#[repr(C)]
pub struct FunctionObj {
    /// Header.
    pub header: Header,
    /// The code.
    pub code: Value,
    /// The module globals (a dict).
    pub globals: Value,
    /// `__name__`.
    pub name: Cell<Value>,
    /// `__qualname__`.
    pub qualname: Cell<Value>,
    /// Positional defaults (a tuple) or NULL.
    pub defaults: Cell<Value>,
    /// Keyword-only defaults (a dict) or NULL.
    pub kwdefaults: Cell<Value>,
    /// Closure cells (a tuple) or NULL.
    pub closure: Value,
    /// `__dict__` (function attributes) or NULL until first set.
    pub dict: Cell<Value>,
    /// `__annotations__` (a dict) or NULL.
    pub annotations: Cell<Value>,
    /// `__doc__`.
    pub doc: Cell<Value>,
    /// `__module__`.
    pub module: Cell<Value>,
}

/// The Rust signature of a built-in: positional arguments, then keyword values whose names are
/// in `kwnames` (a tuple, or NULL when there are none) as the last `len(kwnames)` of `args`.
pub type NativeFn = fn(&mut Vm, &[Value], Value) -> PyResult<Value>;

/// A function or method written in Rust.
#[repr(C)]
pub struct BuiltinObj {
    /// Header.
    pub header: Header,
    /// `__name__`.
    pub name: &'static str,
    /// The implementation.
    pub func: NativeFn,
    /// The bound object (NULL for a plain function or an unbound method descriptor).
    pub self_: Value,
    /// `BUILTIN_*` flags.
    pub flags: u32,
    /// The class the method belongs to (for `__qualname__` and self checks), or NULL.
    pub owner: Value,
}

/// Is `v`, found in a class's namespace, the class's own code rather than a built-in type's
/// method? A Python function is, and so is a native function put in a class namespace without
/// an owning type (`sys.version_info`'s `__getattr__`); a built-in type's own method is the
/// built-in behaviour.
pub fn defined_by_class(v: Value) -> bool {
    v.as_ref::<BuiltinObj>().is_none_or(|b| b.owner.is_none())
}

/// A method descriptor: binds the instance as the first argument on attribute access.
pub const BUILTIN_METHOD: u32 = 1;
/// A class method: binds the class.
pub const BUILTIN_CLASSMETHOD: u32 = 2;
/// A static method stored in a class dict: never binds.
pub const BUILTIN_STATIC: u32 = 4;

impl Vm {
    /// A new built-in function object.
    pub fn new_builtin(
        &mut self,
        name: &'static str,
        func: NativeFn,
        flags: u32,
        owner: Value,
    ) -> PyResult<Value> {
        let ty = self.types.builtin_function;
        let g = self.alloc(
            BuiltinObj {
                header: Header::new(ty),
                name,
                func,
                self_: Value::NULL,
                flags,
                owner,
            },
            false,
        )?;
        Ok(Value::from_obj(g))
    }

    /// A built-in bound to `self_`.
    pub fn bind_builtin(&mut self, b: &BuiltinObj, self_: Value) -> PyResult<Value> {
        let ty = self.types.builtin_function;
        let obj = BuiltinObj {
            header: Header::new(ty),
            name: b.name,
            func: b.func,
            self_,
            flags: b.flags,
            owner: b.owner,
        };
        let g = self.alloc(obj, false)?;
        Ok(Value::from_obj(g))
    }
}
