//! The body of an `@micropython.asm_thumb` function as the compiler hands it to an assembler:
//! one statement per instruction call (`add(r0, r1, r2)`, `label(loop)`, `ldr(r0, [r1, 4])`,
//! `push({r4, r5})`, `data(2, 1, 2)`), with `const()` names and constant arithmetic already
//! folded to integers. The compiler knows no instruction set: what an instruction name and its
//! operands mean, and every error about them, belong to the assembler for the target.

use alloc::string::String;
use alloc::vec::Vec;

/// One operand of an instruction call.
#[derive(Clone, Debug, PartialEq)]
pub enum AsmArg {
    /// A bare name: a register (`r0`, `sp`, `s3`), a label, a condition (`eq`) or a special
    /// register (`IPSR`).
    Name(String),
    /// An integer (a literal, a `const()` name or constant arithmetic on them).
    Int(i64),
    /// `[a, b, ...]`: a memory operand (`[r1, 4]`, `[r1, r2]`).
    List(Vec<AsmArg>),
    /// `{a, b, ...}`: a register list (`{r4, r5, lr}`).
    Set(Vec<AsmArg>),
    /// Anything else (a string, a call, a float...): no instruction takes it, so the assembler
    /// names the instruction that got it.
    Other,
}

/// One instruction call.
#[derive(Clone, Debug, PartialEq)]
pub struct AsmStmt {
    /// The instruction (or directive) name as written (`add`, `and_`, `beq_n`, `label`).
    pub op: String,
    /// Its operands.
    pub args: Vec<AsmArg>,
    /// Where it is in the source.
    pub line: u32,
    /// Column of the call (1-based).
    pub col: u32,
}

/// A whole `@micropython.asm_thumb` function body.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AsmBody {
    /// The instructions in source order.
    pub stmts: Vec<AsmStmt>,
}
