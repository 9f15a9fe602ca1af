//! The runtime helper table: the ABI between native code and the VM.
//!
//! Native code calls the VM only through these entries, by index, so code compiled for a board can
//! be stored and loaded later: entries are only ever appended, and [`TABLE_VERSION`] changes when
//! one is. Every helper is an `extern "C"` function whose first argument is the native context
//! (`ctx`, laid out as [`ctx`] says) and whose other arguments and result are machine words.
//!
//! Error protocol: a helper that fails leaves the exception pending in the VM, sets the context's
//! `pending` word, and returns 0. For helpers whose result is an object ([`Helper::returns_object`])
//! 0 alone means failure; for the others native code tests `pending` when the result is 0.

/// Bumped whenever an entry is added.
pub const TABLE_VERSION: u32 = 5;

/// Word indices of the native context that native code and helpers share. The VM's
/// `NativeCtx` is `#[repr(C)]` with one machine word per field in this order.
pub mod ctx {
    /// `*mut Vm`.
    pub const VM: u32 = 0;
    /// `*mut Frame`.
    pub const FRAME: u32 = 1;
    /// Base of the frame's slots: locals, then cells and free variables, then the value stack.
    pub const SLOTS: u32 = 2;
    /// Base of the code's constants (one object per entry).
    pub const CONSTS: u32 = 3;
    /// In: the bytecode index to resume at (0 = the start). Out: where a generator suspended.
    pub const IP: u32 = 4;
    /// In: the value-stack depth at the resume point. Out: the depth when suspended.
    pub const SP: u32 = 5;
    /// Out: 1 when the function yielded rather than returned.
    pub const YIELDED: u32 = 6;
    /// Non-zero when a helper failed (see the module doc).
    pub const PENDING: u32 = 7;
    /// A second result of some helpers (`Send`: 1 when the sub-iterator finished).
    pub const AUX: u32 = 8;
    /// Address of the interrupt flag (a byte, non-zero after Ctrl-C).
    pub const INTERRUPT: u32 = 9;
    /// Index of the first cell slot among the slots.
    pub const CELL_BASE: u32 = 10;
    /// Index of the first value-stack slot among the slots.
    pub const STACK_BASE: u32 = 11;
    /// Address of the helper table: word `i` is the address of helper `i` (`Helper::ALL`
    /// order). The Thumb-2 backend calls helpers through it, so its code needs no addresses.
    pub const HELPERS: u32 = 12;
    /// Address of the globals dict's version stamp (a `u64`), or of a stamp no dict has when
    /// the globals are not a dict.
    pub const GLOBALS_VERSION: u32 = 13;
    /// Address of the builtins dict's version stamp.
    pub const BUILTINS_VERSION: u32 = 14;
    /// Address of the code's global-lookup caches (one per entry of its names).
    pub const GLOBAL_CACHE: u32 = 15;
    /// Address of the code's attribute and method caches (`Layout::attr_cache_size` bytes per
    /// name).
    pub const ATTR_CACHE: u32 = 16;
    /// Address of the VM's class-namespace generation (a `u64`; attribute caches record it).
    pub const GENERATION: u32 = 17;
    /// Address of the code's names (interned strings, one word each).
    pub const NAMES: u32 = 18;
    /// Number of words.
    pub const WORDS: u32 = 19;
}

/// Encodings of the immediate objects, fixed by the VM's value representation (the VM asserts
/// them): native code compares and materialises these without a helper.
pub mod imm {
    /// `None`.
    pub const NONE: i64 = 0b110;
    /// `False`.
    pub const FALSE: i64 = (1 << 3) | 0b110;
    /// `True`.
    pub const TRUE: i64 = (2 << 3) | 0b110;
    /// Returned by `ForIter` when the iterator is exhausted; never a Python object.
    pub const STOP: i64 = (31 << 3) | 0b110;
    /// Small ints are `(i << 1) | 1`.
    pub const SMALL_INT_TAG: i64 = 1;
}

macro_rules! helpers {
    ($( $(#[doc = $doc:literal])* $name:ident = $num:literal, $arity:literal, $obj:literal; )*) => {
        /// A runtime helper, by table index.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Helper {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Helper {
            /// Every helper, in table order.
            pub const ALL: &'static [Helper] = &[$( Helper::$name, )*];

            /// The helper's name, as the IR printer shows it.
            pub fn name(self) -> &'static str {
                match self { $( Helper::$name => stringify!($name), )* }
            }

            /// Number of arguments, counting `ctx`.
            pub fn arity(self) -> usize {
                match self { $( Helper::$name => $arity, )* }
            }

            /// Whether the result is an object, so that 0 always means failure.
            pub fn returns_object(self) -> bool {
                match self { $( Helper::$name => $obj, )* }
            }
        }
    };
}

helpers! {
    /// `(ctx, ip, depth) -> depth + 1`: run bytecode instruction `ip` on the frame's value stack
    /// (in memory, `depth` items deep) exactly as the interpreter does. Never a jump or an exit.
    Step = 0, 3, false;
    /// `(ctx, ip) -> 0`: the pending exception leaves the function at instruction `ip`: add the
    /// traceback entry (unless it is being re-raised) and give it back to the caller.
    Unwind = 1, 2, false;
    /// `(ctx, ip) -> exc`: the pending exception raised at `ip` is caught by a handler of this
    /// function: add the traceback entry and return the exception object.
    Catch = 2, 2, true;
    /// `(ctx) -> 1 | 0`: the attention flag was seen set: run scheduled callbacks (1), or raise
    /// `KeyboardInterrupt` or a callback's exception (0).
    Interrupt = 3, 1, false;
    /// `(ctx, local) -> 0`: raise `UnboundLocalError` for local variable number `local`.
    UnboundLocal = 4, 2, false;
    /// `(ctx, name) -> obj`: global or builtin `names[name]`.
    LoadGlobal = 5, 2, true;
    /// `(ctx, name, v) -> 1`: `globals[names[name]] = v`.
    StoreGlobal = 6, 3, false;
    /// `(ctx, obj, name) -> obj.names[name]`.
    LoadAttr = 7, 3, true;
    /// `(ctx, obj, name, v) -> 1`: `obj.names[name] = v`.
    StoreAttr = 8, 4, false;
    /// `(ctx, op, a, b) -> a op b` (`op` as `BinaryOp`'s operand, in-place forms included).
    BinaryOp = 9, 4, true;
    /// `(ctx, op, a, b) -> a cmp b` (`op` as `CompareOp`'s operand).
    CompareOp = 10, 4, true;
    /// `(ctx, op, a) -> op a` (`op` as `UnaryOp`'s operand).
    UnaryOp = 11, 3, true;
    /// `(ctx, v) -> 0 or 1`: the truth value of `v`.
    Truthy = 12, 2, false;
    /// `(ctx, v) -> iter(v)`.
    GetIter = 13, 2, true;
    /// `(ctx, it) -> next(it)`, or `imm::STOP` when it is exhausted.
    ForIter = 14, 2, true;
    /// `(ctx, sub, v) -> r`: one step of `yield from`/`await`; `AUX` is 1 when `sub` finished
    /// and `r` is its return value, else 0 and `r` is the value to yield.
    Send = 15, 3, true;
    /// `(ctx, i) -> contents of cell or free variable i` (error when empty).
    LoadDeref = 16, 2, true;
    /// `(ctx, i, v) -> 1`: set cell or free variable i.
    StoreDeref = 17, 3, false;
    /// `(ctx, obj, key) -> obj[key]`.
    GetItem = 18, 3, true;
    /// `(ctx, obj, key, v) -> 1`: `obj[key] = v`.
    SetItem = 19, 4, false;
    /// `(ctx, i) -> int object` for a signed machine integer.
    BoxInt = 20, 2, true;
    /// `(ctx, u) -> int object` for an unsigned machine integer.
    BoxUint = 21, 2, true;
    /// `(ctx, obj) -> machine integer`: viper's `int(obj)`/`uint(obj)` (ints truncated to the word,
    /// bools, and objects with `__index__`).
    UnboxInt = 22, 2, false;
    /// `(ctx, obj) -> address`: viper's `ptr(obj)`: a buffer's data, else the integer value.
    PtrOf = 23, 2, false;
    /// `(ctx, a, b) -> a // b` on signed machine integers (ZeroDivisionError).
    IntFloorDiv = 24, 3, false;
    /// `(ctx, a, b) -> a % b` on signed machine integers (ZeroDivisionError).
    IntMod = 25, 3, false;
    /// `(ctx, exc) -> 0`: re-raise `exc` without a new traceback entry.
    Reraise = 26, 2, false;
    /// `(ctx, ip, depth) -> result`: run the `Call` or `CallMethod` instruction at `ip`, whose
    /// callee and arguments are the top of the frame's value stack (in memory, `depth` items
    /// deep), and return the call's result; the operands are consumed.
    Call = 27, 3, true;
    /// `(ctx, bits) -> float`: a new float object holding the binary64 bit pattern `bits`.
    BoxFloat = 28, 2, true;
    /// `(ctx, obj, name) -> method`: `LOAD_METHOD` of `names[name]` on `obj`; `AUX` is the
    /// `self` to pass, or 0 when the method is called without one.
    LoadMethod = 29, 3, true;
    /// `(ctx, start, stop, step) -> iter(range(start, stop, step))` for small-int objects
    /// (ValueError when `step` is 0): a `for` loop over the built-in `range` without making the
    /// range object.
    RangeIter = 30, 4, true;
    /// `(ctx, ip, depth) -> object`: run the `BUILD_TUPLE`, `BUILD_LIST`, `BUILD_SET`,
    /// `BUILD_MAP`, `BUILD_SLICE`, `BUILD_STRING` or `MAKE_FUNCTION` instruction at `ip` on the
    /// top of the frame's value stack (in memory, `depth` items deep) and return what it makes;
    /// the operands are consumed.
    Build = 31, 3, true;
    /// `(ctx, list, v) -> 1`: `LIST_APPEND` (comprehensions): append `v` to `list`, which the
    /// compiler made, so it is exactly a list.
    ListAppend = 32, 3, false;
    /// `(ctx, obj, name) -> 1 or 0`: 1 when `obj` has no dict of its own or one that certainly
    /// lacks `names[name]` (a small dict of interned-string keys only), so a method its type's
    /// classes give is not shadowed; 0 when unsure. Never fails.
    MethodUnshadowed = 33, 3, false;
    /// `(ctx, obj, start, stop) -> obj[start:stop]`: `BUILD_SLICE 2` and the `BINARY_SUBSCR`
    /// that reads the slice, as one call.
    GetSlice = 34, 4, true;
}

/// Where the VM keeps the fields that native code reads and writes directly, so the lowering
/// can inline the commonest operations on built-in objects (iterating a `range` or a `list`,
/// indexing a list) and call a helper only for everything else. Offsets are in bytes; type
/// addresses identify the VM's built-in type objects. The VM fills this in for the process it
/// runs in; a lowering without one calls helpers throughout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Offset of the type pointer in every heap object.
    pub type_ptr: i32,
    /// Address of the type of the VM's built-in iterators.
    pub iter_type: u64,
    /// Offsets in a built-in iterator: its kind byte, the iterated object (a range's step as a
    /// small int), the position and the end.
    pub iter_kind: i32,
    /// See `iter_kind`.
    pub iter_a: i32,
    /// See `iter_kind`.
    pub iter_index: i32,
    /// See `iter_kind`.
    pub iter_end: i32,
    /// Kind bytes: iterating a range, iterating a list, exhausted.
    pub kind_range: u8,
    /// See `kind_range`.
    pub kind_list: u8,
    /// See `kind_range`.
    pub kind_done: u8,
    /// Address of the `range` type: a call of it that a `for` loop iterates makes the iterator
    /// directly (`Helper::RangeIter`).
    pub range_type: u64,
    /// Offset of a cell's contents (NULL while empty).
    pub cell_value: i32,
    /// Address of the `list` type (exactly; subclasses take the helper).
    pub list_type: u64,
    /// Offsets in a list: the storage array pointer and the length.
    pub list_storage: i32,
    /// See `list_storage`.
    pub list_len: i32,
    /// Offset of the first item in a storage array.
    pub array_items: i32,
    /// Address of the `tuple` type (exactly), and the offsets of a tuple's length and first
    /// item (tuples hold their items inline).
    pub tuple_type: u64,
    /// See `tuple_type`.
    pub tuple_len: i32,
    /// See `tuple_type`.
    pub tuple_items: i32,
    /// Address of the `float` type (exactly; subclasses take the helper), and the offset of a
    /// float's binary64 value.
    pub float_type: u64,
    /// See `float_type`.
    pub float_value: i32,
    /// Offsets in a dict of its entry array pointer (entries are three words: hash, key,
    /// value), of the count of entries written and of its version stamp (where
    /// `ctx::GLOBALS_VERSION` points).
    pub dict_entries: i32,
    /// See `dict_entries`.
    pub dict_version: i32,
    /// See `dict_entries`.
    pub dict_filled: i32,
    /// Offset in a type of the byte offset of its instances' dict slot.
    pub type_dict_offset: i32,
    /// Offset in a type of its flags (32 bits), and the flags that send an attribute store to
    /// the helper (`__setattr__` or `__getattribute__` defined).
    pub type_flags: i32,
    /// See `type_flags`.
    pub custom_setattr: u32,
    /// Bytes of the caches of one name (two attribute entries, then the method entry), bytes per
    /// attribute entry, and the offsets in an attribute entry of the type's address, the
    /// class-namespace generation (a `u64`) and the instance-dict position (negative: a
    /// `__slots__` field, which native code leaves to the helper).
    pub attr_cache_size: i32,
    /// See `attr_cache_size`.
    pub attr_way_size: i32,
    /// See `attr_cache_size`.
    pub attr_ty: i32,
    /// See `attr_cache_size`.
    pub attr_generation: i32,
    /// See `attr_cache_size`.
    pub attr_index: i32,
    /// Offset of the method entry in one name's caches, and the offsets in it of the type's
    /// address, the class-namespace generation (a `u64`), the method and the word that is
    /// nonzero when an instance's own dict may shadow the method.
    pub method_site: i32,
    /// See `method_site`.
    pub method_ty: i32,
    /// See `method_site`.
    pub method_generation: i32,
    /// See `method_site`.
    pub method_value: i32,
    /// See `method_site`.
    pub method_shadowable: i32,
    /// Bytes per global-lookup cache entry, and the offsets in one of the globals dict's stamp
    /// when it was filled (a `u64`; 0 when empty), the builtins dict's stamp when the name was
    /// a builtin (else 0) and the entry position in that dict.
    pub global_cache_size: i32,
    /// See `global_cache_size`.
    pub cache_globals_version: i32,
    /// See `global_cache_size`.
    pub cache_builtins_version: i32,
    /// See `global_cache_size`.
    pub cache_index: i32,
}
