//! The bytecode format: the opcode table, code objects, and a disassembler.

pub mod asm;
pub mod code;
pub mod disasm;
pub mod opcodes;

pub use asm::{AsmArg, AsmBody, AsmStmt};
pub use code::{CodeObject, Const, Emitter, ExceptionEntry};
pub use opcodes::{ArgFormat, BinaryOperator, Comparison, INPLACE, Op, UnaryOperator};
