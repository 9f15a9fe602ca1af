//! The `@micropython.asm_thumb` inline assembler: the instruction calls of a function body
//! ([`AsmBody`], from the frontend) become Thumb code through the crate's [`Assembler`],
//! with MicroPython's instruction names, operand forms and error messages
//! (`py/emitinlinethumb.c` and the asm part of `py/compile.c`).
//!
//! # The function
//! The code is a C function (AAPCS), entered at offset 0 in Thumb state:
//! ```text
//!     push {r4, r5, r6, r7, lr}
//!     <the body>                 ; falls through to the epilogue
//!     pop  {r4, r5, r6, r7, pc}  ; the result in r0
//!     <literal pool, if the body used ldr(rd, imm32) that needed one>
//! ```
//! - Parameters: the first four must be named `r0`, `r1`, `r2`, `r3` in that order and
//!   arrive in those registers. Unlike MicroPython, more than four are allowed, with any
//!   names: AAPCS passes them on the stack, so right after the prologue (20 bytes pushed)
//!   argument 5 is at `[sp, 20]`, argument 6 at `[sp, 24]`, argument *k* at
//!   `[sp, 20 + 4 * (k - 5)]`, as long as the body has not moved `sp` (each `push` of *n*
//!   registers adds 4*n* to these offsets).
//! - The result is `r0`, which the caller converts by the return annotation
//!   ([`ReturnKind`]: none or `int`, `uint`, `bool`, `object`).
//! - The body may use `r0`–`r7` freely; `r8`–`r12` must be restored if changed, as in
//!   MicroPython. After the prologue `sp` is 4 modulo 8, also as in MicroPython: a body that
//!   calls C code expecting AAPCS's 8-byte alignment must adjust `sp` first.
//!
//! # Instructions
//! MicroPython's set, with its operand forms (`rd` etc. are registers, `label` a name given
//! to `label()`, `imm` an integer, `[rn, x]` an address, `{...}` a register list):
//! - moves: `mov(rd, rm)` (any registers, flags kept), `mov(rd, imm)` (`movs`), `movw`,
//!   `movt`, `movwt(rd, imm32)` (`movw` + `movt`);
//! - memory: `ldr ldrb ldrh str strb strh(rt, [rn, imm])`, `ldrex(rt, [rn, imm])`,
//!   `strex(rd, rt, [rn, imm])`, `push({...})`, `pop({...})`;
//! - ALU, MicroPython's two-register forms: `and_ orr eor bic mvn adc sbc neg mul(rd, rm)`,
//!   `lsl lsr asr ror(rd, rs)` (shift `rd` by `rs`), `cmp cmn tst(rn, rm)`; `cmp(rn, imm)`;
//!   `lsl lsr asr(rd, rm, imm)`; `add sub(rd, rn, rm)`, `add sub(rd, rn, imm3)`,
//!   `add sub(rd, imm8)`; `sdiv udiv(rd, rn, rm)`, `clz rbit(rd, rm)`;
//! - branches: `b bl(label)`, `bx(rm)`, `blx(rm)`, `b<cc>(label)` for `eq ne cs cc mi pl vs
//!   vc hi ls ge lt gt le` (also `hs`, `lo`), `cbz cbnz(rn, label)`, `it ite itt ... (cc)`
//!   (every mask up to four instructions);
//! - system: `nop`, `wfi`, `cpsid(i)`, `cpsie(i)`, `mrs(rd, IPSR)`, `mrs(rd, BASEPRI)`;
//! - VFP, only on a target with an FPU: `vadd vsub vmul vdiv(sd, sn, sm)`,
//!   `vneg vsqrt vabs vcmp(sd, sm)`, `vmov` between an S and a core register either way or
//!   between S registers, `vmrs(APSR_nzcv, FPSCR)`, `vmrs(rd, FPSCR)`,
//!   `vldr vstr(sd, [rn, imm])`, `vcvt_f32_s32 vcvt_s32_f32(sd, sm)`;
//! - directives: `label(name)`, `align(n)` (pads with `nop`s), `data(size, v1, ...)` (size
//!   1, 2 or 4; each value keeps its low `size` bytes, as MicroPython truncates).
//!
//! Every ALU instruction (`mov` with an immediate, `add`, `sub`, the two-register forms, the
//! shifts) sets the flags outside an IT block and leaves them inside one, which is what
//! MicroPython's 16-bit encodings do; a form that needs a 32-bit encoding keeps that meaning
//! (`adds.w` outside, `add.w` inside). `mov(rd, rm)` never sets them, nor do `add`/`sub`
//! with `sp` as destination or first source (`add(sp, sp, 8)`, `sub(sp, 8)`,
//! `add(r0, sp, 4)`: the `add sp, #imm` forms, on every level).
//!
//! # Beyond MicroPython
//! - More than four parameters (see above).
//! - Any register (`r8`–`r12`, `sp`, `lr`, `pc` where the architecture allows) and any
//!   immediate an encoding of the *same* instruction holds, where MicroPython takes only
//!   `r0`–`r7` and an 8/5/3-bit field: `add(r8, r8, r9)`, `ldr(r0, [r1, 4000])`,
//!   `cmp(r0, 1000)`, `add(r0, r1, 0x100)` take the 32-bit forms (ARMv7-M and up).
//! - Register-offset addressing for every width, and the signed loads:
//!   `ldr ldrb ldrh ldrsb ldrsh str strb strh(rt, [rn, rm])`, `ldrsb ldrsh(rt, [rn, imm])`.
//! - `adr(rd, label)`: the address of a label (e.g. of `data`); `ldr(rt, label)` (and the
//!   other loads): the value at a label, PC-relative; `ldr(rd, imm32)`: GNU as's
//!   `ldr rd, =imm32` (a `mov`/`mvn`/`movw` when one holds the value on ARMv7-M, else a
//!   literal-pool load; the pool goes after the epilogue).
//! - `add sub(rd, rm)` (two registers), `and_ orr eor bic adc sbc mvn cmn tst` and the
//!   two-operand shifts with an immediate, three-operand `and_ orr eor bic adc sbc(rd, rn, x)`
//!   and shifts by a register `lsl lsr asr ror(rd, rm, rs)`, `ror(rd, rm, imm)`.
//! - `b_n`, `b_w`; `b`/`b<cc>` without a suffix take the narrow form when it reaches and the
//!   wide one otherwise (MicroPython: narrow or "branch not in range"); `_n` and `_w` force
//!   the width, as in MicroPython.
//! - `cpsid(f)`, `cpsie(f)`, and `mrs` of every special register (`APSR`, `XPSR`, `MSP`,
//!   `PSP`, `PRIMASK`, `FAULTMASK`, `CONTROL`...); `mrs` also on ARMv6-M (of the registers
//!   it has). `push`/`pop` with `lr`/`pc` use the 16-bit forms.
//! - Stack adjustment: `add`/`sub` on `sp` (see the flags above).
//!
//! # Where the bytes differ from MicroPython's
//! Encodings are chosen as GNU as chooses them, never changing the meaning:
//! `add(r0, r0, 1)` is `adds r0, #1` (T2) rather than T1, `push({lr})`/`pop({pc})` are
//! 16-bit (MicroPython's one-register `push.w`/`pop.w` are UNPREDICTABLE encodings). A
//! shift by an immediate 0
//! is a move, as GNU as reads it (MicroPython's `lsr(rd, rm, 0)` accidentally shifts by
//! 32; write 32 for that). `align` pads with `nop`s. An instruction right after odd-sized
//! `data`, and an IT block still open at the end of the body, are errors.
//!
//! # Errors
//! Every error is an [`InlineError`] at the statement's line and column, naming the
//! instruction, in MicroPython's words where it has some ("'%s' expects a register",
//! "'%s' integer 0x%x doesn't fit in mask 0x%x", "label '%s' not defined", "branch not in
//! range", "unsupported Thumb instruction '%s' with %d arguments"...). An instruction the
//! target lacks says so: "'sdiv' is not available on armv6m". MicroPython's mask message is
//! given on ARMv6-M, where our fields are its fields; on Thumb-2 levels, which take wider
//! immediates, a value no encoding holds is "'%s' integer 0x%x can't be encoded". Errors
//! about the function as a whole (parameter names, return annotation) have line 0: report
//! them at the `def`.

mod directive;
mod integer;
mod operand;
mod vfp;

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use frontend::bytecode::asm::AsmBody;

use crate::asm::Assembler;
use crate::error::Error;
use crate::isa::Isa;
use crate::reg::{LR, PC, R4, R5, R6, R7};
use operand::{Labels, Mp, Stmt};

/// An assembled `@micropython.asm_thumb` function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlineCode {
    /// Thumb code, entered at offset 0 (call it with the Thumb bit set).
    pub code: Vec<u8>,
    /// Number of parameters (words; the first four in `r0`–`r3`, the rest on the stack).
    pub n_args: usize,
    /// How the caller converts the result in `r0`.
    pub ret: ReturnKind,
}

/// What the result in `r0` is, by the return annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReturnKind {
    /// No annotation or `int`: a signed machine word.
    Int,
    /// `uint`: an unsigned machine word.
    Uint,
    /// `bool`: zero is False, anything else True.
    Bool,
    /// `object`: a Python object pointer.
    Object,
}

/// Why a function body could not be assembled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlineError {
    /// The statement's line, or 0 for the function as a whole (report it at the `def`).
    pub line: u32,
    /// The statement's column (1-based), or 0.
    pub col: u32,
    /// MicroPython's message, or one in its style.
    pub message: String,
}

impl fmt::Display for InlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for InlineError {}

/// Assembles an `@micropython.asm_thumb` body for `isa`: `params` are the parameter names,
/// `return_annotation` the name after `->`, if any.
pub fn assemble(
    body: &AsmBody,
    params: &[String],
    return_annotation: Option<&str>,
    isa: Isa,
) -> Result<InlineCode, InlineError> {
    let whole = |message: &str| InlineError {
        line: 0,
        col: 0,
        message: message.into(),
    };
    let in_sequence = params
        .iter()
        .zip(["r0", "r1", "r2", "r3"])
        .all(|(p, r)| p == r);
    if !in_sequence {
        return Err(whole("parameters must be registers in sequence r0 to r3"));
    }
    let ret = match return_annotation {
        None | Some("int") => ReturnKind::Int,
        Some("uint") => ReturnKind::Uint,
        Some("bool") => ReturnKind::Bool,
        Some("object") => ReturnKind::Object,
        Some(_) => return Err(whole("unknown type")),
    };

    let mut a = Assembler::new(isa);
    // Labels first, so that branches may refer forward.
    let mut labels = Labels::new();
    for stmt in &body.stmts {
        if let Some(name) = directive::label_name(&stmt.op, &stmt.args) {
            labels.entry(name).or_insert_with(|| a.new_label());
        }
    }
    let internal = |e: Error| InlineError {
        line: 0,
        col: 0,
        message: alloc::format!("internal assembler error: {e}"),
    };
    a.push([R4, R5, R6, R7, LR]).map_err(internal)?;

    // A label at the start of each statement locates the errors found at layout.
    let mut starts = Vec::with_capacity(body.stmts.len());
    let mut last_it = None;
    for (i, stmt) in body.stmts.iter().enumerate() {
        let start = a.new_label();
        a.bind(start).map_err(internal)?;
        starts.push(start);
        let s = Stmt::new(stmt, isa, &labels);
        if directive::is_directive(&stmt.op) {
            directive::directive(&s, &mut a)?;
        } else if vfp::is_vfp(&stmt.op) {
            vfp::instruction(&s, &mut a)?;
        } else {
            let was_in_it = a.in_it_block();
            integer::instruction(&s, &mut a)?;
            if !was_in_it && a.in_it_block() {
                last_it = Some(i);
            }
        }
    }
    if a.in_it_block() {
        let it = last_it.and_then(|i| body.stmts.get(i));
        return Err(match it {
            Some(stmt) => Stmt::new(stmt, isa, &labels).error(alloc::format!(
                "'{}' block not finished at end of function",
                stmt.op
            )),
            None => whole("IT block not finished at end of function"),
        });
    }
    a.pop([R4, R5, R6, R7, PC]).map_err(internal)?;

    match a.finish_located() {
        Ok((code, _)) => Ok(InlineCode {
            code,
            n_args: params.len(),
            ret,
        }),
        Err((e, offsets)) => {
            // The statement the error is at: the last one starting at or before it.
            let at = match e {
                Error::OutOfRange { at, .. } | Error::Misaligned { at } => Some(at),
                _ => None,
            };
            let located = at.and_then(|at| {
                starts.iter().rposition(|l| {
                    offsets
                        .get(l.index())
                        .copied()
                        .flatten()
                        .is_some_and(|o| o <= at)
                })
            });
            match located {
                Some(i) => match body.stmts.get(i) {
                    Some(stmt) => Err(Stmt::new(stmt, isa, &labels).encoder_error(e, Mp::ANY)),
                    None => Err(internal(e)),
                },
                None => Err(internal(e)),
            }
        }
    }
}
