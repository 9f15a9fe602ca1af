//! Pyrite's native code: the IR, the lowering of `@micropython.native` and `@micropython.viper`
//! functions from bytecode into it, and (feature `cranelift`) the host backend.
//!
//! ```text
//!  CodeObject (bytecode) --lower--> ir::Function --verify--> backend --> machine code
//!                                                             |- cranelift (hosts, JIT)
//!                                                             '- native-thumb (Cortex-M)
//! ```
//! Native code runs on the interpreter's own frame (locals, cells, value stack) and reaches the VM
//! through the helper table ([`helpers`]); see `lower` for how each bytecode becomes IR.
#![no_std]
// The one exception: `cranelift::CodeUnit::free`, which releases executable memory.
#![deny(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(feature = "cranelift")]
extern crate std;

pub mod helpers;
pub mod ir;
pub mod lower;
pub mod print;
pub mod verify;

#[cfg(feature = "cranelift")]
pub mod cranelift;
