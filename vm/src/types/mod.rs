//! The built-in types: the table of type objects the VM keeps, the exception hierarchy, and
//! bootstrap (creating `type` and `object`, then every other type, then filling their dicts
//! with the methods each `types/*.rs` file declares).

pub mod bootstrap;
pub mod bytes;
pub mod bytes_methods;
pub mod complex;
pub mod dict;
pub mod dict_methods;
pub mod exc;
pub mod float;
pub mod func;
pub mod int;
pub mod list;
pub mod list_methods;
pub mod mappingproxy;
pub mod memoryview;
pub mod num_methods;
pub mod object;
pub mod range;
pub mod set_methods;
pub mod set_ops;
pub mod str;
pub mod str_format;
pub mod str_methods;
pub mod tuple;
pub mod type_;

use crate::gc::Gc;
use crate::obj::TypeObj;
use crate::obj::func::{BUILTIN_CLASSMETHOD, BUILTIN_METHOD, BUILTIN_STATIC, NativeFn};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// One entry of a type's method table.
#[derive(Clone, Copy)]
pub struct MethodDef {
    /// The attribute name.
    pub name: &'static str,
    /// The implementation (receives `self` as `args[0]` for methods).
    pub func: NativeFn,
    /// `BUILTIN_*` binding flags.
    pub flags: u32,
}

/// An instance method.
pub const fn method(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        flags: BUILTIN_METHOD,
    }
}

/// A class method (receives the class as `args[0]`).
pub const fn classmethod(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        flags: BUILTIN_CLASSMETHOD,
    }
}

/// A static method (`__new__` receives the class explicitly as `args[0]`).
pub const fn staticmethod(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        flags: BUILTIN_STATIC,
    }
}

impl Vm {
    /// Add built-in methods to a type's dict.
    pub fn add_methods(&mut self, ty: Gc<TypeObj>, defs: &[MethodDef]) -> PyResult<()> {
        let owner = Value::from_obj(ty);
        self.method_cache.invalidate();
        for d in defs {
            let f = self.new_builtin(d.name, d.func, d.flags, owner)?;
            self.dict_set_str(ty.dict.get(), d.name, f)?;
        }
        Ok(())
    }
}

/// Give every built-in type a dict and its methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = &vm.types;
    let mut all: alloc::vec::Vec<Gc<TypeObj>> = alloc::vec![
        t.type_,
        t.object,
        t.int,
        t.bool,
        t.float,
        t.complex,
        t.str,
        t.bytes,
        t.bytearray,
        t.list,
        t.tuple,
        t.dict,
        t.set,
        t.frozenset,
        t.range,
        t.slice,
        t.none_type,
        t.ellipsis_type,
        t.not_implemented_type,
        t.function,
        t.builtin_function,
        t.bound_method,
        t.module,
        t.cell,
        t.code,
        t.generator,
        t.coroutine,
        t.async_generator,
        t.async_gen_value,
        t.async_gen_asend,
        t.property,
        t.classmethod,
        t.staticmethod,
        t.super_,
        t.iterator,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
        t.dict_keys,
        t.dict_values,
        t.dict_items,
        t.memoryview,
        t.member_descriptor,
    ];
    all.extend_from_slice(&t.exceptions);
    // The type objects are all reachable from `vm.types` (on the stack) while this runs.
    for ty in all {
        let d = vm.new_dict()?;
        ty.dict.set(d);
    }
    object::install(vm)?;
    let object = vm.types.object;
    let found = |vm: &mut Vm, name| crate::obj::typeobj::lookup(vm, &object, name);
    vm.object_new = found(vm, crate::interner::names::NEW)?.unwrap_or(Value::NULL);
    vm.object_init = found(vm, crate::interner::names::INIT)?.unwrap_or(Value::NULL);
    type_::install(vm)?;
    int::install(vm)?;
    float::install(vm)?;
    complex::install(vm)?;
    str::install(vm)?;
    bytes::install(vm)?;
    list::install(vm)?;
    tuple::install(vm)?;
    dict::install(vm)?;
    set_ops::install(vm)?;
    range::install(vm)?;
    exc::install(vm)?;
    func::install(vm)?;
    str_methods::install(vm)?;
    str_format::install(vm)?;
    bytes_methods::install(vm)?;
    memoryview::install(vm)?;
    list_methods::install(vm)?;
    dict_methods::install(vm)?;
    set_methods::install(vm)?;
    num_methods::install(vm)?;
    Ok(())
}

macro_rules! exception_kinds {
    ($($name:ident : $parent:ident;)*) => {
        /// The built-in exception classes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum ExcKind {
            $(
                #[doc = concat!("`", stringify!($name), "`")]
                $name,
            )*
        }

        impl ExcKind {
            /// Every kind, parents before children.
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$name),*];

            /// The class name.
            pub fn name(self) -> &'static str {
                match self { $(ExcKind::$name => stringify!($name),)* }
            }

            /// The parent class (`None` for BaseException).
            pub fn parent(self) -> Option<ExcKind> {
                match self { $(ExcKind::$name => exception_kinds!(@parent $parent),)* }
            }
        }
    };
    (@parent Root) => { None };
    (@parent $p:ident) => { Some(ExcKind::$p) };
}

exception_kinds! {
    BaseException: Root;
    SystemExit: BaseException;
    KeyboardInterrupt: BaseException;
    GeneratorExit: BaseException;
    Exception: BaseException;
    StopIteration: Exception;
    StopAsyncIteration: Exception;
    ArithmeticError: Exception;
    FloatingPointError: ArithmeticError;
    OverflowError: ArithmeticError;
    ZeroDivisionError: ArithmeticError;
    AssertionError: Exception;
    AttributeError: Exception;
    BufferError: Exception;
    EOFError: Exception;
    ImportError: Exception;
    ModuleNotFoundError: ImportError;
    LookupError: Exception;
    IndexError: LookupError;
    KeyError: LookupError;
    MemoryError: Exception;
    NameError: Exception;
    UnboundLocalError: NameError;
    OSError: Exception;
    BlockingIOError: OSError;
    ChildProcessError: OSError;
    ConnectionError: OSError;
    BrokenPipeError: ConnectionError;
    ConnectionAbortedError: ConnectionError;
    ConnectionRefusedError: ConnectionError;
    ConnectionResetError: ConnectionError;
    FileExistsError: OSError;
    FileNotFoundError: OSError;
    InterruptedError: OSError;
    IsADirectoryError: OSError;
    NotADirectoryError: OSError;
    PermissionError: OSError;
    ProcessLookupError: OSError;
    TimeoutError: OSError;
    ReferenceError: Exception;
    RuntimeError: Exception;
    NotImplementedError: RuntimeError;
    RecursionError: RuntimeError;
    SyntaxError: Exception;
    IndentationError: SyntaxError;
    TabError: IndentationError;
    SystemError: Exception;
    TypeError: Exception;
    ValueError: Exception;
    UnicodeError: ValueError;
    UnicodeDecodeError: UnicodeError;
    UnicodeEncodeError: UnicodeError;
    UnicodeTranslateError: UnicodeError;
    ViperTypeError: TypeError;
    Warning: Exception;
    UserWarning: Warning;
    DeprecationWarning: Warning;
    PendingDeprecationWarning: Warning;
    SyntaxWarning: Warning;
    RuntimeWarning: Warning;
    FutureWarning: Warning;
    ImportWarning: Warning;
    UnicodeWarning: Warning;
    BytesWarning: Warning;
    ResourceWarning: Warning;
    EncodingWarning: Warning;
}

/// Number of built-in exception classes.
pub const EXC_COUNT: usize = ExcKind::ALL.len();

/// The built-in type objects.
pub struct Types {
    /// `type`
    pub type_: Gc<TypeObj>,
    /// `object`
    pub object: Gc<TypeObj>,
    /// `int`
    pub int: Gc<TypeObj>,
    /// `bool`
    pub bool: Gc<TypeObj>,
    /// `float`
    pub float: Gc<TypeObj>,
    /// `complex`
    pub complex: Gc<TypeObj>,
    /// `str`
    pub str: Gc<TypeObj>,
    /// `bytes`
    pub bytes: Gc<TypeObj>,
    /// `bytearray`
    pub bytearray: Gc<TypeObj>,
    /// `list`
    pub list: Gc<TypeObj>,
    /// `tuple`
    pub tuple: Gc<TypeObj>,
    /// `dict`
    pub dict: Gc<TypeObj>,
    /// `set`
    pub set: Gc<TypeObj>,
    /// `frozenset`
    pub frozenset: Gc<TypeObj>,
    /// `range`
    pub range: Gc<TypeObj>,
    /// `slice`
    pub slice: Gc<TypeObj>,
    /// `NoneType`
    pub none_type: Gc<TypeObj>,
    /// `ellipsis`
    pub ellipsis_type: Gc<TypeObj>,
    /// `NotImplementedType`
    pub not_implemented_type: Gc<TypeObj>,
    /// `function`
    pub function: Gc<TypeObj>,
    /// `builtin_function_or_method`
    pub builtin_function: Gc<TypeObj>,
    /// `method`
    pub bound_method: Gc<TypeObj>,
    /// `module`
    pub module: Gc<TypeObj>,
    /// `cell`
    pub cell: Gc<TypeObj>,
    /// `code`
    pub code: Gc<TypeObj>,
    /// `generator`
    pub generator: Gc<TypeObj>,
    /// `coroutine`
    pub coroutine: Gc<TypeObj>,
    /// `async_generator`
    pub async_generator: Gc<TypeObj>,
    /// The marker wrapping values an async generator yields (internal).
    pub async_gen_value: Gc<TypeObj>,
    /// The awaitables of `__anext__`, `asend`, `athrow` and `aclose`.
    pub async_gen_asend: Gc<TypeObj>,
    /// `property`
    pub property: Gc<TypeObj>,
    /// `classmethod`
    pub classmethod: Gc<TypeObj>,
    /// `staticmethod`
    pub staticmethod: Gc<TypeObj>,
    /// `super`
    pub super_: Gc<TypeObj>,
    /// `list_iterator` and the other built-in iterators
    pub iterator: Gc<TypeObj>,
    /// `enumerate`
    pub enumerate: Gc<TypeObj>,
    /// `zip`
    pub zip: Gc<TypeObj>,
    /// `map`
    pub map: Gc<TypeObj>,
    /// `filter`
    pub filter: Gc<TypeObj>,
    /// `reversed`
    pub reversed: Gc<TypeObj>,
    /// `dict_keys`
    pub dict_keys: Gc<TypeObj>,
    /// `dict_values`
    pub dict_values: Gc<TypeObj>,
    /// `dict_items`
    pub dict_items: Gc<TypeObj>,
    /// `memoryview`
    pub memoryview: Gc<TypeObj>,
    /// `member_descriptor` (one `__slots__` name)
    pub member_descriptor: Gc<TypeObj>,
    /// The exception classes, indexed by `ExcKind`.
    pub exceptions: [Gc<TypeObj>; EXC_COUNT],
}

impl Types {
    /// The class of a built-in exception kind.
    #[inline]
    pub fn exc(&self, kind: ExcKind) -> Gc<TypeObj> {
        self.exceptions[kind as usize]
    }
}
