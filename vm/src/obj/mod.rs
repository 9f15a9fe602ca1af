//! The object model: the header every heap object starts with, type objects, and the layouts of
//! the built-in object kinds.
//!
//! Invariant: every heap object is a `#[repr(C)]` struct whose first field is a `Header`, and its
//! type's `kind` names that struct. Instances of user subclasses of a built-in type use the
//! built-in layout followed by an attribute-dict slot (`TypeObj::dict_offset`). Mutable fields are
//! `Cell`s; `Value`s live only in heap objects (never in Rust collections), as DESIGN.md requires.

pub mod dict;
pub mod exc;
pub mod func;
pub mod int;
pub mod list;
pub mod method_cache;
pub mod set;
pub mod str;
pub mod tuple;
pub mod typeobj;

use crate::gc::{Gc, VarObj};
use crate::value::Value;
use core::cell::Cell;

pub use typeobj::TypeObj;

/// The first word of every heap object.
#[repr(C)]
pub struct Header {
    /// The object's Python type (`__class__`).
    pub ty: Cell<Gc<TypeObj>>,
}

impl Header {
    /// A header of type `ty`.
    pub fn new(ty: Gc<TypeObj>) -> Header {
        Header { ty: Cell::new(ty) }
    }
}

/// Which Rust layout the instances of a type have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `type` and metaclasses: `TypeObj`.
    Type,
    /// A plain instance of a user class: `InstanceObj`.
    Instance,
    /// `object()` itself: just a header.
    Object,
    /// A big `int` (small ints are tagged values).
    Int,
    /// `float`.
    Float,
    /// `complex`.
    Complex,
    /// `str`.
    Str,
    /// `bytes`.
    Bytes,
    /// `bytearray`.
    ByteArray,
    /// `list`.
    List,
    /// `tuple`.
    Tuple,
    /// `dict`.
    Dict,
    /// `set` and `frozenset`.
    Set,
    /// `range`.
    Range,
    /// `slice`.
    Slice,
    /// Python functions.
    Function,
    /// Functions and methods written in Rust.
    Builtin,
    /// Bound methods.
    BoundMethod,
    /// Modules.
    Module,
    /// Closure cells.
    Cell,
    /// Compiled code.
    Code,
    /// Generators, coroutines and async generators.
    Generator,
    /// `BaseException` and subclasses.
    Exception,
    /// `property`.
    Property,
    /// `classmethod`.
    ClassMethod,
    /// `staticmethod`.
    StaticMethod,
    /// `super`.
    Super,
    /// Built-in iterators (list, tuple, str, range, dict views, enumerate, zip, map...).
    Iter,
    /// Dict views (`keys()`, `values()`, `items()`).
    DictView,
    /// `memoryview`.
    MemoryView,
    /// The descriptor of one `__slots__` name: `MemberObj`.
    Member,
    /// Objects of Rust-implemented library types with their own layout (`array`, `deque`,
    /// `StringIO`...): a `NativeObj`.
    Native,
}

/// Implemented (in `value.rs`) by every heap object layout, for checked downcasts.
pub use crate::value::PyObj;

/// Raw storage for values (list items, dict entries): a heap block without a Python header.
pub type ValueArray = VarObj<(), Cell<Value>>;

/// Raw byte storage (bytearray contents).
pub type ByteArray = VarObj<(), Cell<u8>>;

/// `object()` and instances of user classes.
#[repr(C)]
pub struct InstanceObj {
    /// Header.
    pub header: Header,
    /// The attribute dict (`__dict__`), or NULL when the class uses `__slots__` only.
    pub dict: Cell<Value>,
}

/// A big `int` (magnitude beyond the small-int range). Has a finaliser (the digits live outside
/// the GC heap).
#[repr(C)]
pub struct IntObj {
    /// Header.
    pub header: Header,
    /// The value.
    pub value: num_bigint::BigInt,
}

/// `float`.
#[repr(C)]
pub struct FloatObj {
    /// Header.
    pub header: Header,
    /// The value.
    pub value: f64,
}

/// `complex`.
#[repr(C)]
pub struct ComplexObj {
    /// Header.
    pub header: Header,
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

/// `range(start, stop, step)` with machine-int bounds.
#[repr(C)]
pub struct RangeObj {
    /// Header.
    pub header: Header,
    /// Start.
    pub start: isize,
    /// Stop.
    pub stop: isize,
    /// Step (never 0).
    pub step: isize,
    /// A range whose bounds or step leave the machine word: the tuple `(start, stop, step)` of
    /// ints (the word fields are then unused); NULL otherwise.
    pub wide: Value,
}

/// `slice(start, stop, step)`.
#[repr(C)]
pub struct SliceObj {
    /// Header.
    pub header: Header,
    /// Start (None when omitted).
    pub start: Value,
    /// Stop.
    pub stop: Value,
    /// Step.
    pub step: Value,
}

/// A closure cell.
#[repr(C)]
pub struct CellObj {
    /// Header.
    pub header: Header,
    /// The contents (NULL when empty).
    pub value: Cell<Value>,
}

/// A module.
#[repr(C)]
pub struct ModuleObj {
    /// Header.
    pub header: Header,
    /// The module's globals dict.
    pub dict: Cell<Value>,
}

/// A `__slots__` member descriptor: the instance field at `offset` of instances of `owner`.
#[repr(C)]
pub struct MemberObj {
    /// Header.
    pub header: Header,
    /// The slot's (mangled) name.
    pub name: Value,
    /// The class that declared the slot.
    pub owner: Gc<TypeObj>,
    /// Byte offset of the slot's `Cell<Value>` in instances of `owner` and its subclasses.
    pub offset: usize,
}

/// `property(fget, fset, fdel, doc)`.
#[repr(C)]
pub struct PropertyObj {
    /// Header.
    pub header: Header,
    /// Getter (None if absent).
    pub fget: Cell<Value>,
    /// Setter.
    pub fset: Cell<Value>,
    /// Deleter.
    pub fdel: Cell<Value>,
    /// Docstring.
    pub doc: Cell<Value>,
}

/// `classmethod(f)` and `staticmethod(f)`.
#[repr(C)]
pub struct MethodWrapperObj {
    /// Header.
    pub header: Header,
    /// The wrapped callable.
    pub func: Cell<Value>,
    /// Attribute dict (`__doc__`, `__wrapped__`...).
    pub dict: Cell<Value>,
}

/// `super(type, obj)`.
#[repr(C)]
pub struct SuperObj {
    /// Header.
    pub header: Header,
    /// The class whose MRO successor is searched.
    pub this_class: Value,
    /// The instance (or class) the lookup binds to.
    pub obj: Value,
    /// The type used for the MRO (type(obj), or obj itself when it is a class).
    pub obj_type: Value,
}

/// A bound method: a callable plus the `self` it is called with.
#[repr(C)]
pub struct BoundMethodObj {
    /// Header.
    pub header: Header,
    /// The function.
    pub func: Value,
    /// The bound instance.
    pub self_: Value,
}

/// A built-in iterator or other small Rust-driven object: a kind tag and a few state words.
#[repr(C)]
pub struct IterObj {
    /// Header.
    pub header: Header,
    /// What kind of iteration this is.
    pub iter_kind: Cell<IterKind>,
    /// The iterated object(s) and auxiliary values.
    pub a: Cell<Value>,
    /// Second auxiliary value (zip's tuple of iterators, map's function...).
    pub b: Cell<Value>,
    /// Position.
    pub index: Cell<isize>,
    /// End or step.
    pub end: Cell<isize>,
}

/// Built-in iterator kinds (one byte: native code reads and writes it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum IterKind {
    /// Over a list (`a` = list).
    List,
    /// Over a list backwards.
    ListReversed,
    /// Over a tuple.
    Tuple,
    /// Over a str (by code point; `index` is a byte offset).
    Str,
    /// Over bytes / bytearray (yields ints).
    Bytes,
    /// Over a range (`index` current, `end` stop, step in `b` as small int).
    Range,
    /// A range whose items leave the small-int range: `a` is the step as an int, `index` the
    /// next item, `end` the stop (items are made as ints one by one).
    RangeWide,
    /// Over a dict's keys (`index` = entry position).
    DictKeys,
    /// Over a dict's values.
    DictValues,
    /// Over a dict's items.
    DictItems,
    /// Over a set.
    Set,
    /// `enumerate(it, start)`: `a` = iterator, `b` = counter.
    Enumerate,
    /// `zip(*its)`: `a` = tuple of iterators; `end` = 1 for strict.
    Zip,
    /// `map(f, *its)`: `a` = function, `b` = tuple of iterators.
    Map,
    /// `filter(f, it)`: `a` = function or None, `b` = iterator.
    Filter,
    /// Calling `a` until it returns `b` (`iter(callable, sentinel)`).
    CallIter,
    /// The old sequence protocol: `a[index]` until IndexError.
    SeqIter,
    /// An async generator step (`__anext__`/`asend`/`athrow`/`aclose`): `a` = the generator,
    /// `b` = the value (or exception) to start with, `index` = 0 fresh / 1 started / 2 done,
    /// `end` = 0 send / 1 throw / 2 close.
    AsyncGenStep,
    /// Exhausted.
    Done,
}

/// Dict views: `keys()`, `values()`, `items()`.
#[repr(C)]
pub struct DictViewObj {
    /// Header.
    pub header: Header,
    /// The dict.
    pub dict: Value,
    /// Which view.
    pub view: IterKind,
}
