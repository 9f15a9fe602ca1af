//! Pyrite's front end: source text to compiled code objects.
//!
//! The pipeline is `lexer` (tokens, indentation) -> `parser` (the `ast`) -> `scope` (which names are
//! local, global, free or cell) -> `compile` (bytecode `CodeObject`s). Everything here is `no_std`
//! with `alloc`, so the same compiler runs on a microcontroller.

#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod ast;
pub mod bytecode;
pub mod compile;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod repl;
pub mod scope;

pub use compile::{Options, compile_module, compile_source};
pub use error::{CompileError, ErrorKind};

/// What kind of input is being parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements.
    Exec,
    /// One expression (`eval`); parsed into a module holding one `Expr` statement.
    Eval,
    /// One interactive statement (the REPL): expression statements echo their value.
    Single,
}
