//! Compile-time errors: what the lexer, parser, scope analyser and compiler report.
//!
//! The VM turns a `CompileError` into a Python `SyntaxError` (or `IndentationError`/`TabError`)
//! with `lineno`, `offset` and `text`; the CLI prints it as CPython does.

use alloc::string::String;

/// Which Python exception class a compile error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (a subclass of `SyntaxError`).
    Indentation,
    /// `TabError` (a subclass of `IndentationError`).
    Tab,
    /// `MemoryError`: the source is too large for the memory left (on a board, the
    /// compiler's working memory is bounded).
    Memory,
}

/// A compile error with its location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message, as CPython words it where practical (`invalid syntax`, `unexpected indent`...).
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub col: u32,
    /// True when the input ended in the middle of a construct (an open bracket, a block header
    /// without its body, an unterminated triple-quoted string): the REPL asks for more lines.
    pub incomplete: bool,
}

impl CompileError {
    /// A plain `SyntaxError` at `line`, `col`.
    pub fn syntax(msg: impl Into<String>, line: u32, col: u32) -> Self {
        CompileError {
            kind: ErrorKind::Syntax,
            msg: msg.into(),
            line,
            col,
            incomplete: false,
        }
    }
}
