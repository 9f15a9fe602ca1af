//! The integer instructions of the inline assembler: MicroPython's names and operand forms
//! (and the wider ones documented in `inline`), each read from its operands and emitted
//! through one [`Assembler`] call.
//!
//! Flag setting follows MicroPython's 16-bit forms: an ALU instruction sets the flags outside
//! an IT block and leaves them inside one, whichever encoding it ends up with ([`alu_flags`]);
//! only `add`/`sub` on `sp` (which MicroPython doesn't take) never set them.

use frontend::bytecode::asm::AsmArg;

use super::InlineError;
use super::operand::{Mp, Offset, Stmt, cond, imm32, is_core_reg, offset32};
use crate::asm::{Assembler, Width};
use crate::encode::data::{AluOp, CmpOp, MovOp, ShiftOp};
use crate::encode::mem::MemOp;
use crate::operand::{Cond, Flags, Mem, Src};
use crate::reg::{Reg, SP};

type R = Result<(), InlineError>;

/// The flags an ALU instruction here means: set outside an IT block, kept inside one, as
/// the 16-bit forms MicroPython emits behave.
pub(super) fn alu_flags(a: &Assembler) -> Flags {
    if a.in_it_block() {
        Flags::Keep
    } else {
        Flags::Set
    }
}

/// Assembles one integer instruction.
pub(super) fn instruction(s: &Stmt, a: &mut Assembler) -> R {
    match (s.op, s.args.len()) {
        ("nop", 0) => s.enc(a.nop(), Mp::ANY),
        ("wfi", 0) => s.enc(a.wfi(), Mp::ANY),
        ("b", 1) => branch(s, a, Cond::Al, Width::Auto),
        ("b_n", 1) => branch(s, a, Cond::Al, Width::Narrow),
        ("b_w", 1) => branch(s, a, Cond::Al, Width::Wide),
        ("bl", 1) => {
            let target = s.label(0)?;
            s.enc(a.bl(target), Mp::ANY)
        }
        ("bx", 1) => {
            let rm = s.reg(0)?;
            s.enc(a.bx(rm), Mp::ANY)
        }
        ("blx", 1) => {
            let rm = s.reg(0)?;
            s.enc(a.blx(rm), Mp::ANY)
        }
        ("cpsid" | "cpsie", 1) => cps(s, a),
        ("push", 1) => {
            let list = s.reglist(0)?;
            s.enc(a.push(list), Mp::ANY)
        }
        ("pop", 1) => {
            let list = s.reglist(0)?;
            s.enc(a.pop(list), Mp::ANY)
        }
        ("cbz" | "cbnz", 2) => {
            let (rn, target) = (s.reg(0)?, s.label(1)?);
            let r = if s.op == "cbz" {
                a.cbz(rn, target)
            } else {
                a.cbnz(rn, target)
            };
            s.enc(r, Mp::LOW)
        }
        ("mov", 2) => mov(s, a),
        ("mvn", 2) => {
            let (rd, src) = (s.reg(0)?, s.src(1)?);
            let flags = alu_flags(a);
            s.enc(a.mov_op(MovOp::Mvn, flags, rd, src), Mp::LOW)
        }
        ("clz" | "rbit", 2) => {
            let (rd, rm) = (s.reg(0)?, s.reg(1)?);
            let r = if s.op == "clz" {
                a.clz(rd, rm)
            } else {
                a.rbit(rd, rm)
            };
            s.enc(r, Mp::ANY)
        }
        ("mrs", 2) => {
            let (rd, sr) = (s.reg(0)?, s.sys_reg(1)?);
            s.enc(a.mrs(rd, sr), Mp::ANY)
        }
        ("neg", 2) => {
            let (rd, rm) = (s.reg(0)?, s.reg(1)?);
            let flags = alu_flags(a);
            s.enc(a.alu(AluOp::Rsb, flags, rd, rm, 0u32), Mp::LOW)
        }
        ("mul", 2) => {
            let (rd, rm) = (s.reg(0)?, s.reg(1)?);
            // MicroPython's `muls rd, rm, rd`; multiplication commutes.
            let r = match alu_flags(a) {
                Flags::Set => a.muls(rd, rd, rm),
                _ => a.mul(rd, rd, rm),
            };
            s.enc(r, Mp::LOW)
        }
        ("add" | "sub" | "and_" | "orr" | "eor" | "bic" | "adc" | "sbc", 2) => {
            let rd = s.reg(0)?;
            alu(s, a, rd, 1)
        }
        ("add" | "sub" | "and_" | "orr" | "eor" | "bic" | "adc" | "sbc", 3) => {
            let rn = s.reg(1)?;
            alu(s, a, rn, 2)
        }
        ("lsl" | "lsr" | "asr" | "ror", 2) => {
            let rd = s.reg(0)?;
            shift(s, a, rd, 1)
        }
        ("lsl" | "lsr" | "asr" | "ror", 3) => {
            let rm = s.reg(1)?;
            shift(s, a, rm, 2)
        }
        ("cmp" | "cmn" | "tst", 2) => compare(s, a),
        ("movw" | "movt" | "movwt", 2) => {
            let (rd, v) = (s.reg(0)?, s.int(1)?);
            let r = match s.op {
                "movw" => a.movw(rd, imm32(v)),
                "movt" => a.movt(rd, imm32(v)),
                _ => a.movwt(rd, imm32(v)),
            };
            s.enc(r, Mp::ANY.mask(v, 0xffff))
        }
        ("ldrex", 2) => {
            let rt = s.reg(0)?;
            let (rn, off) = s.addr_imm(1)?;
            s.enc(a.ldrex(rt, rn, imm32(off)), Mp::ANY.mask(off, 0xff))
        }
        ("strex", 3) => {
            let (rd, rt) = (s.reg(0)?, s.reg(1)?);
            let (rn, off) = s.addr_imm(2)?;
            s.enc(a.strex(rd, rt, rn, imm32(off)), Mp::ANY.mask(off, 0xff))
        }
        ("ldr" | "ldrb" | "ldrh" | "ldrsb" | "ldrsh" | "str" | "strb" | "strh", 2) => {
            load_store(s, a)
        }
        ("adr", 2) => {
            let (rd, target) = (s.reg(0)?, s.label(1)?);
            s.enc(a.adr(rd, target), Mp::ANY)
        }
        ("sdiv" | "udiv", 3) => {
            let (rd, rn, rm) = (s.reg(0)?, s.reg(1)?, s.reg(2)?);
            let r = if s.op == "sdiv" {
                a.sdiv(rd, rn, rm)
            } else {
                a.udiv(rd, rn, rm)
            };
            s.enc(r, Mp::ANY)
        }
        (op, 1) => {
            if let Some((cond, width)) = cond_branch(op) {
                branch(s, a, cond, width)
            } else if let Some(pattern) = op.strip_prefix("it").filter(|p| is_it_pattern(p)) {
                it(s, a, pattern)
            } else {
                Err(s.unsupported())
            }
        }
        _ => Err(s.unsupported()),
    }
}

/// `b<cc>`, `b<cc>_n` or `b<cc>_w`: the condition and the width (no suffix: narrow when it
/// reaches, else wide).
fn cond_branch(op: &str) -> Option<(Cond, Width)> {
    let rest = op.strip_prefix('b')?;
    let (name, width) = match rest.split_once('_') {
        None => (rest, Width::Auto),
        Some((name, "n")) => (name, Width::Narrow),
        Some((name, "w")) => (name, Width::Wide),
        Some(_) => return None,
    };
    match cond(name) {
        Some(Cond::Al) | None => None,
        Some(c) => Some((c, width)),
    }
}

/// Whether `p` is the `t`/`e` tail of an `it` name (`it`, `ite`, `ittet`...).
fn is_it_pattern(p: &str) -> bool {
    p.len() <= 3 && p.bytes().all(|b| b == b't' || b == b'e')
}

fn branch(s: &Stmt, a: &mut Assembler, cond: Cond, width: Width) -> R {
    let target = s.label(0)?;
    s.enc(a.branch(cond, target, width), Mp::ANY)
}

fn it(s: &Stmt, a: &mut Assembler, pattern: &str) -> R {
    let c = match s.arg(0)? {
        AsmArg::Name(n) => cond(n),
        _ => None,
    };
    let c = c.ok_or_else(|| s.error(alloc::format!("'{}' expects a condition code", s.op)))?;
    s.enc(a.it(c, pattern), Mp::ANY)
}

fn cps(s: &Stmt, a: &mut Assembler) -> R {
    let disable = s.op == "cpsid";
    let r = match (s.arg(0)?, disable) {
        (AsmArg::Name(n), true) if n == "i" => a.cpsid_i(),
        (AsmArg::Name(n), false) if n == "i" => a.cpsie_i(),
        (AsmArg::Name(n), true) if n == "f" => a.cpsid_f(),
        (AsmArg::Name(n), false) if n == "f" => a.cpsie_f(),
        _ => return Err(s.error(alloc::format!("'{}' expects i or f", s.op))),
    };
    s.enc(r, Mp::ANY)
}

/// `mov(rd, rm)`: the flag-preserving register move, any registers; `mov(rd, imm)`: `movs`.
fn mov(s: &Stmt, a: &mut Assembler) -> R {
    let rd = s.reg(0)?;
    match s.src(1)? {
        Src::Imm(v) => {
            let flags = alu_flags(a);
            let mp = Mp::LOW.mask(v.into(), 0xff);
            s.enc(a.mov_op(MovOp::Mov, flags, rd, v), mp)
        }
        src => s.enc(a.mov(rd, src), Mp::ANY),
    }
}

/// `op(rd, src)` (`rd` also the first source) or `op(rd, rn, src)`.
fn alu(s: &Stmt, a: &mut Assembler, rn: Reg, src_at: usize) -> R {
    let op = match s.op {
        "add" => AluOp::Add,
        "sub" => AluOp::Sub,
        "and_" => AluOp::And,
        "orr" => AluOp::Orr,
        "eor" => AluOp::Eor,
        "bic" => AluOp::Bic,
        "adc" => AluOp::Adc,
        _ => AluOp::Sbc,
    };
    let rd = s.reg(0)?;
    let src = s.src(src_at)?;
    // MicroPython has immediates only for `add`/`sub`: imm8 with two operands, imm3 with three.
    let mp = match s.args.get(src_at) {
        Some(AsmArg::Int(v)) if matches!(op, AluOp::Add | AluOp::Sub) => {
            Mp::LOW.mask(*v, if src_at == 1 { 0xff } else { 0x7 })
        }
        _ => Mp::LOW,
    };
    // Arithmetic on `sp` never wants the flags and has its own 16-bit forms without them.
    let on_sp = matches!(op, AluOp::Add | AluOp::Sub) && (rd == SP || rn == SP);
    let flags = if on_sp { Flags::Keep } else { alu_flags(a) };
    s.enc(a.alu(op, flags, rd, rn, src), mp)
}

/// `op(rd, rs)` (shift `rd` by `rs` or an immediate) or `op(rd, rm, n_or_rs)`.
fn shift(s: &Stmt, a: &mut Assembler, rm: Reg, by_at: usize) -> R {
    let op = match s.op {
        "lsl" => ShiftOp::Lsl,
        "lsr" => ShiftOp::Lsr,
        "asr" => ShiftOp::Asr,
        _ => ShiftOp::Ror,
    };
    let rd = s.reg(0)?;
    let by = s.src(by_at)?;
    let mp = match s.args.get(by_at) {
        Some(AsmArg::Int(v)) => Mp::LOW.mask(*v, 0x1f),
        _ => Mp::LOW,
    };
    let flags = alu_flags(a);
    s.enc(a.shift(op, flags, rd, rm, by), mp)
}

/// `cmp`, `cmn`, `tst` with a register or an immediate.
fn compare(s: &Stmt, a: &mut Assembler) -> R {
    let op = match s.op {
        "cmp" => CmpOp::Cmp,
        "cmn" => CmpOp::Cmn,
        _ => CmpOp::Tst,
    };
    let (rn, src) = (s.reg(0)?, s.src(1)?);
    let mp = match s.args.get(1) {
        Some(AsmArg::Int(v)) => Mp::LOW.mask(*v, 0xff),
        _ => Mp::LOW,
    };
    s.enc(a.compare(op, rn, src), mp)
}

/// Loads and stores: `[rn, imm]`, `[rn, rm]`, a label (loads) or `ldr(rt, imm32)`.
fn load_store(s: &Stmt, a: &mut Assembler) -> R {
    let (op, mask) = match s.op {
        "ldr" => (MemOp::Ldr, Some(0x7c)),
        "ldrb" => (MemOp::Ldrb, Some(0x1f)),
        "ldrh" => (MemOp::Ldrh, Some(0x3e)),
        "ldrsb" => (MemOp::Ldrsb, None),
        "ldrsh" => (MemOp::Ldrsh, None),
        "str" => (MemOp::Str, Some(0x7c)),
        "strb" => (MemOp::Strb, Some(0x1f)),
        _ => (MemOp::Strh, Some(0x3e)),
    };
    let rt = s.reg(0)?;
    match s.arg(1)? {
        arg @ AsmArg::Name(_) if op.is_load() && !is_core_reg(arg) => {
            let target = s.label(1)?;
            s.enc(a.load_label(op, rt, target, Width::Auto), Mp::ANY)
        }
        AsmArg::Int(v) if op == MemOp::Ldr => s.enc(a.ldr_const(rt, imm32(*v)), Mp::ANY),
        _ => match s.addr(1)? {
            (rn, Offset::Imm(v)) => {
                let mp = match mask {
                    Some(m) => Mp::LOW.mask(v, m),
                    None => Mp::ANY,
                };
                s.enc(a.mem(op, rt, Mem::Offset(rn, offset32(v))), mp)
            }
            (rn, Offset::Reg(rm)) => s.enc(a.mem(op, rt, Mem::Index(rn, rm, 0)), Mp::ANY),
        },
    }
}
