//! Pyrite's virtual machine: values, the garbage-collected heap, the object model, the built-in
//! types and functions, modules, and the bytecode interpreter.
//!
//! Layout: `value` (the tagged word), `gc` (the heap), `obj` (object layouts), `types` (the
//! built-in type objects and their methods), `ops` (Python's operations on values), `interp`
//! (frames, the loop, calls, generators), `builtins` and `modules` (what programs import),
//! `import` (finding and running modules), `format` (number formatting). The crate is `no_std`
//! with `alloc`; the `std` feature only adds host conveniences.

#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

pub mod builtins;
pub mod format;
pub mod gc;
pub mod import;
pub mod interner;
pub mod interp;
pub mod modules;
pub mod native;
pub mod native_types;
pub mod obj;
pub mod ops;
pub mod pylib;
pub mod types;
pub mod value;
pub mod vm;

pub use value::Value;
pub use vm::{Config, FsOp, FsReply, Host, MemoryAccess, PyErr, PyResult, Vm};
