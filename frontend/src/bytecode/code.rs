//! Compiled code objects: what the compiler produces for each module, class body, function,
//! lambda and comprehension, and what the VM loads.
//!
//! A `CodeObject` is plain data (no VM values), so it can be built on the host, serialised, and
//! loaded on a board. Local variable slots are `varnames` (parameters first, in order: positional,
//! keyword-only, `*args`, `**kwargs`), then cells (`cellvars`) and free variables (`freevars`) are
//! numbered together for `LoadDeref` and friends: cells first, then frees.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// A constant in a code object's constant table.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    /// `None`.
    None,
    /// `True`.
    True,
    /// `False`.
    False,
    /// `...`.
    Ellipsis,
    /// A machine-sized integer.
    Int(i64),
    /// A big integer literal: digits in `radix`.
    BigInt {
        /// Digits without prefix or underscores.
        digits: String,
        /// 2, 8, 10 or 16.
        radix: u32,
    },
    /// A float.
    Float(f64),
    /// An imaginary number `xj`.
    Imaginary(f64),
    /// A string.
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// A tuple of constants (keyword-name tuples for `CallKw`, folded literals).
    Tuple(Vec<Const>),
    /// A nested code object (function, lambda, class body, comprehension).
    Code(Box<CodeObject>),
}

/// How a function's body is to be executed: chosen by its decorator or `-X emit=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Emitter {
    /// The bytecode VM.
    #[default]
    Bytecode,
    /// `@micropython.native`.
    Native,
    /// `@micropython.viper`.
    Viper,
    /// `@micropython.asm_thumb`.
    AsmThumb,
}

/// Bits of `CodeObject::flags`.
pub mod flags {
    /// Calling the function creates a generator.
    pub const GENERATOR: u32 = 1;
    /// `async def`: calling creates a coroutine.
    pub const COROUTINE: u32 = 2;
    /// `async def` containing `yield`: an async generator.
    pub const ASYNC_GENERATOR: u32 = 4;
    /// Has `*args`.
    pub const VARARGS: u32 = 8;
    /// Has `**kwargs`.
    pub const VARKEYWORDS: u32 = 16;
    /// Names are resolved through a namespace dict (module and class bodies).
    pub const NAMESPACE: u32 = 32;
    /// A class body.
    pub const CLASS_BODY: u32 = 64;
}

/// One exception-table entry: an exception raised by an instruction in `start..end` jumps to
/// `handler` with the value stack cut to `depth` and the exception pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    /// First covered instruction.
    pub start: u32,
    /// One past the last covered instruction.
    pub end: u32,
    /// Where the handler starts.
    pub handler: u32,
    /// The stack depth to restore before pushing the exception.
    pub depth: u32,
}

/// A compiled unit of code.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeObject {
    /// The function/class name (`<module>`, `<lambda>`, `<listcomp>`...).
    pub name: String,
    /// The dotted qualified name (`C.f.<locals>.g`).
    pub qualname: String,
    /// The file it came from.
    pub filename: String,
    /// Line of the `def`/`class` (or 1 for a module).
    pub first_line: u32,
    /// `flags::*` bits.
    pub flags: u32,
    /// Number of positional parameters (including positional-only).
    pub argcount: u32,
    /// Number of positional-only parameters.
    pub posonlyargcount: u32,
    /// Number of keyword-only parameters.
    pub kwonlyargcount: u32,
    /// Local variable names; parameters first.
    pub varnames: Vec<String>,
    /// Locals captured by inner functions (stored in cells).
    pub cellvars: Vec<String>,
    /// For each cell, the parameter index it is initialised from (or `u32::MAX`).
    pub cell_from_arg: Vec<u32>,
    /// Variables of enclosing functions this code uses.
    pub freevars: Vec<String>,
    /// Global, attribute and imported names.
    pub names: Vec<String>,
    /// Constants.
    pub consts: Vec<Const>,
    /// The instructions (see `opcodes`).
    pub code: Vec<u32>,
    /// Line numbers: `(first instruction index, line)` pairs in increasing instruction order.
    pub lines: Vec<(u32, u32)>,
    /// Exception handlers, innermost first for overlapping ranges.
    pub exceptions: Vec<ExceptionEntry>,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    /// The docstring, if the body starts with a string literal.
    pub doc: Option<String>,
    /// How the body runs.
    pub emitter: Emitter,
    /// Viper parameter and return annotations by name (empty for other emitters).
    pub annotations: Vec<(String, String)>,
    /// An `@micropython.asm_thumb` function's instructions (its bytecode body only returns
    /// None).
    pub asm: Option<super::asm::AsmBody>,
}

impl CodeObject {
    /// The source line of instruction `ip`.
    pub fn line_of(&self, ip: usize) -> u32 {
        let ip = ip as u32;
        match self.lines.binary_search_by(|&(start, _)| start.cmp(&ip)) {
            Ok(i) => self.lines[i].1,
            Err(0) => self.first_line,
            Err(i) => self.lines[i - 1].1,
        }
    }

    /// The innermost exception handler covering instruction `ip`.
    pub fn handler_for(&self, ip: usize) -> Option<&ExceptionEntry> {
        let ip = ip as u32;
        self.exceptions.iter().find(|e| e.start <= ip && ip < e.end)
    }

    /// Number of cell and free variable slots.
    pub fn nderefs(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
}

/// Split an instruction word into opcode byte and 24-bit argument.
#[inline(always)]
pub fn decode(word: u32) -> (u8, u32) {
    ((word & 0xff) as u8, word >> 8)
}

/// Build an instruction word.
#[inline(always)]
pub fn encode(op: super::Op, arg: u32) -> u32 {
    (op as u32) | (arg << 8)
}
