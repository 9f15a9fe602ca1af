//! The textual form of the native IR: `Display` for [`Function`] (and its registers and blocks),
//! used by tests, debugging dumps and verifier messages.
//!
//! ```text
//! function f(v0:int, v1:ptr8) {
//! b0:
//!     v2:int = iconst 5
//!     v3:int, v4:bool = add_ovf v0, v2
//!     store.w8 v3, [v1+4]
//!     branch v4, b1, b2
//! b1 (cold):
//! ...
//! }
//! ```
//!
//! The printer never panics, even on malformed IR: an out-of-range register prints as `vN:?`.

use alloc::string::String;
use core::fmt::{self, Display, Formatter, Write};

use crate::ir::{BinOp, Block, Cond, FloatOp, Function, Inst, OvfOp, Term, UnOp, VReg, Width};

/// The whole function as text (the same as its `Display`).
pub fn print(f: &Function) -> String {
    let mut s = String::new();
    // Writing into a String cannot fail.
    let _ = write!(s, "{f}");
    s
}

/// One instruction as text, with the types of the registers it defines (no indentation).
pub fn inst_to_string(f: &Function, inst: &Inst) -> String {
    let mut s = String::new();
    let _ = write_inst(&mut s, f, inst);
    s
}

/// One terminator as text (no indentation).
pub fn term_to_string(term: &Term) -> String {
    let mut s = String::new();
    let _ = write_term(&mut s, term);
    s
}

impl Display for VReg {
    fn fmt(&self, out: &mut Formatter<'_>) -> fmt::Result {
        write!(out, "v{}", self.0)
    }
}

impl Display for Block {
    fn fmt(&self, out: &mut Formatter<'_>) -> fmt::Result {
        write!(out, "b{}", self.0)
    }
}

impl Display for Function {
    fn fmt(&self, out: &mut Formatter<'_>) -> fmt::Result {
        write!(out, "function {}(", self.name)?;
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                out.write_str(", ")?;
            }
            write_typed(out, self, *p)?;
        }
        out.write_str(") {\n")?;
        for (i, data) in self.blocks.iter().enumerate() {
            write!(out, "b{i}")?;
            if data.cold {
                out.write_str(" (cold)")?;
            }
            out.write_str(":\n")?;
            for inst in &data.insts {
                out.write_str("    ")?;
                write_inst(out, self, inst)?;
                out.write_char('\n')?;
            }
            out.write_str("    ")?;
            write_term(out, &data.term)?;
            out.write_char('\n')?;
        }
        out.write_str("}\n")
    }
}

/// `vN:ty`, or `vN:?` when `v` is out of range.
fn write_typed(out: &mut impl Write, f: &Function, v: VReg) -> fmt::Result {
    match f.vregs.get(v.0 as usize) {
        Some(ty) => write!(out, "{v}:{}", ty.name()),
        None => write!(out, "{v}:?"),
    }
}

fn bin_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::Xor => "xor",
        BinOp::Shl => "shl",
        BinOp::Sar => "sar",
        BinOp::Shr => "shr",
    }
}

fn ovf_name(op: OvfOp) -> &'static str {
    match op {
        OvfOp::Add => "add_ovf",
        OvfOp::Sub => "sub_ovf",
        OvfOp::Mul => "mul_ovf",
    }
}

fn cond_name(c: Cond) -> &'static str {
    match c {
        Cond::Eq => "eq",
        Cond::Ne => "ne",
        Cond::Lt => "lt",
        Cond::Le => "le",
        Cond::Gt => "gt",
        Cond::Ge => "ge",
        Cond::Ult => "ult",
        Cond::Ule => "ule",
        Cond::Ugt => "ugt",
        Cond::Uge => "uge",
    }
}

fn width_name(w: Width) -> &'static str {
    match w {
        Width::W8 => "w8",
        Width::W16 => "w16",
        Width::W32 => "w32",
        Width::Word => "word",
    }
}

/// `[base+off]` / `[base-off]`.
fn write_addr(out: &mut impl Write, base: VReg, offset: i32) -> fmt::Result {
    if offset < 0 {
        write!(out, "[{base}-{}]", offset.unsigned_abs())
    } else {
        write!(out, "[{base}+{offset}]")
    }
}

fn write_inst(out: &mut impl Write, f: &Function, inst: &Inst) -> fmt::Result {
    match inst {
        Inst::Iconst { dst, imm } => {
            write_typed(out, f, *dst)?;
            write!(out, " = iconst {imm}")
        }
        Inst::Mov { dst, src } => {
            write_typed(out, f, *dst)?;
            write!(out, " = mov {src}")
        }
        Inst::Bin { op, dst, a, b } => {
            write_typed(out, f, *dst)?;
            write!(out, " = {} {a}, {b}", bin_name(*op))
        }
        Inst::BinOvf { op, dst, ovf, a, b } => {
            write_typed(out, f, *dst)?;
            out.write_str(", ")?;
            write_typed(out, f, *ovf)?;
            write!(out, " = {} {a}, {b}", ovf_name(*op))
        }
        Inst::Un { op, dst, a } => {
            write_typed(out, f, *dst)?;
            let name = match op {
                UnOp::Neg => "neg",
                UnOp::Not => "not",
            };
            write!(out, " = {name} {a}")
        }
        Inst::Cmp { cond, dst, a, b } => {
            write_typed(out, f, *dst)?;
            write!(out, " = cmp.{} {a}, {b}", cond_name(*cond))
        }
        Inst::Float { op, dst, a, b } => {
            write_typed(out, f, *dst)?;
            let name = match op {
                FloatOp::Add => "fadd",
                FloatOp::Sub => "fsub",
                FloatOp::Mul => "fmul",
                FloatOp::Div => "fdiv",
            };
            write!(out, " = {name} {a}, {b}")
        }
        Inst::FloatCmp { cond, dst, a, b } => {
            write_typed(out, f, *dst)?;
            write!(out, " = fcmp.{} {a}, {b}", cond_name(*cond))
        }
        Inst::DivRem { quot, rem, a, b } => {
            write_typed(out, f, *quot)?;
            out.write_str(", ")?;
            write_typed(out, f, *rem)?;
            write!(out, " = divrem {a}, {b}")
        }
        Inst::IntToFloat { dst, a } => {
            write_typed(out, f, *dst)?;
            write!(out, " = int_to_float {a}")
        }
        Inst::Load {
            width,
            signed,
            dst,
            base,
            offset,
        } => {
            write_typed(out, f, *dst)?;
            write!(out, " = load.{}", width_name(*width))?;
            if *signed {
                out.write_char('s')?;
            }
            out.write_char(' ')?;
            write_addr(out, *base, *offset)
        }
        Inst::Store {
            width,
            src,
            base,
            offset,
        } => {
            write!(out, "store.{} {src}, ", width_name(*width))?;
            write_addr(out, *base, *offset)
        }
        Inst::Call { helper, args, dst } => {
            if let Some(dst) = dst {
                write_typed(out, f, *dst)?;
                out.write_str(" = ")?;
            }
            write!(out, "call {}(", helper.name())?;
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.write_str(", ")?;
                }
                write!(out, "{a}")?;
            }
            out.write_char(')')
        }
    }
}

fn write_term(out: &mut impl Write, term: &Term) -> fmt::Result {
    match term {
        Term::Jump(b) => write!(out, "jump {b}"),
        Term::Branch { cond, then, else_ } => write!(out, "branch {cond}, {then}, {else_}"),
        Term::Switch {
            v,
            targets,
            default,
        } => {
            write!(out, "switch {v} [")?;
            for (i, t) in targets.iter().enumerate() {
                if i > 0 {
                    out.write_str(", ")?;
                }
                write!(out, "{t}")?;
            }
            write!(out, "] default {default}")
        }
        Term::Return(v) => write!(out, "return {v}"),
        Term::Unterminated => out.write_str("unterminated"),
    }
}
