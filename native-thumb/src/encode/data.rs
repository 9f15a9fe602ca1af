//! Data processing: moves, ALU operations, shifts, compares, multiply and divide, extends,
//! bit fields, and the ARMv7E-M DSP instructions.
//!
//! Where GNU as would rewrite an immediate that has no 32-bit encoding into the opposite
//! operation (`and` with `bic` of the inverse, `add` with `sub` of the negation, `mov` with
//! `mvn`, `cmp` with `cmn`), these encoders do the same, so the bytes match.

use super::{Cx, Insn, low, modified_imm, not_pc, not_sp_pc, with_imm12};
use crate::error::Error;
use crate::operand::{Flags, Shift, Src};
use crate::reg::{PC, Reg, SP};

/// A three-operand ALU operation: `op rd, rn, src`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AluOp {
    /// Bitwise and.
    And,
    /// `rn & !src`.
    Bic,
    /// Bitwise or.
    Orr,
    /// `rn | !src` (32-bit only).
    Orn,
    /// Exclusive or.
    Eor,
    /// Add.
    Add,
    /// Add with carry.
    Adc,
    /// Subtract with carry.
    Sbc,
    /// Subtract.
    Sub,
    /// Reverse subtract, `src - rn`.
    Rsb,
}

impl AluOp {
    /// The mnemonic.
    pub const fn name(self) -> &'static str {
        match self {
            AluOp::And => "and",
            AluOp::Bic => "bic",
            AluOp::Orr => "orr",
            AluOp::Orn => "orn",
            AluOp::Eor => "eor",
            AluOp::Add => "add",
            AluOp::Adc => "adc",
            AluOp::Sbc => "sbc",
            AluOp::Sub => "sub",
            AluOp::Rsb => "rsb",
        }
    }

    /// The 4-bit opcode of the 32-bit data-processing forms.
    const fn t32(self) -> u16 {
        match self {
            AluOp::And => 0,
            AluOp::Bic => 1,
            AluOp::Orr => 2,
            AluOp::Orn => 3,
            AluOp::Eor => 4,
            AluOp::Add => 8,
            AluOp::Adc => 10,
            AluOp::Sbc => 11,
            AluOp::Sub => 13,
            AluOp::Rsb => 14,
        }
    }

    /// The opcode of the 16-bit two-register form `op rdn, rm`, if there is one.
    const fn t16(self) -> Option<u16> {
        match self {
            AluOp::And => Some(0),
            AluOp::Eor => Some(1),
            AluOp::Adc => Some(5),
            AluOp::Sbc => Some(6),
            AluOp::Orr => Some(12),
            AluOp::Bic => Some(14),
            _ => None,
        }
    }

    /// Whether `rd == rm` may use the `op rdn, rm` form by swapping the operands.
    const fn commutes(self) -> bool {
        matches!(self, AluOp::And | AluOp::Orr | AluOp::Eor | AluOp::Adc)
    }

    /// The operation and immediate GNU as substitutes when `v` has no modified-immediate
    /// encoding (`thumb32_negate_data_op` in binutils).
    fn inverse(self, v: u32) -> Option<(AluOp, u32)> {
        match self {
            AluOp::And => Some((AluOp::Bic, !v)),
            AluOp::Bic => Some((AluOp::And, !v)),
            AluOp::Orr => Some((AluOp::Orn, !v)),
            AluOp::Orn => Some((AluOp::Orr, !v)),
            AluOp::Adc => Some((AluOp::Sbc, !v)),
            AluOp::Sbc => Some((AluOp::Adc, !v)),
            AluOp::Add => Some((AluOp::Sub, v.wrapping_neg())),
            AluOp::Sub => Some((AluOp::Add, v.wrapping_neg())),
            AluOp::Eor | AluOp::Rsb => None,
        }
    }
}

/// `mov` or `mvn`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MovOp {
    /// Move.
    Mov,
    /// Move the bitwise inverse.
    Mvn,
}

/// A shift by an immediate or a register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShiftOp {
    /// Logical shift left.
    Lsl,
    /// Logical shift right.
    Lsr,
    /// Arithmetic shift right.
    Asr,
    /// Rotate right.
    Ror,
}

/// A compare or test: sets the flags, writes no register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// Flags of `rn - src`.
    Cmp,
    /// Flags of `rn + src`.
    Cmn,
    /// Flags of `rn & src`.
    Tst,
    /// Flags of `rn ^ src` (32-bit only).
    Teq,
}

/// A one-source operation `op rd, rm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// Count leading zeros.
    Clz,
    /// Reverse the bit order.
    Rbit,
    /// Reverse the byte order.
    Rev,
    /// Reverse the bytes in each halfword.
    Rev16,
    /// Reverse the bytes of the low halfword and sign-extend.
    Revsh,
    /// Sign-extend a byte.
    Sxtb,
    /// Sign-extend a halfword.
    Sxth,
    /// Zero-extend a byte.
    Uxtb,
    /// Zero-extend a halfword.
    Uxth,
}

/// A 64-bit-result multiply `op rdlo, rdhi, rn, rm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LongMulOp {
    /// Unsigned multiply.
    Umull,
    /// Signed multiply.
    Smull,
    /// Unsigned multiply-accumulate into `rdhi:rdlo`.
    Umlal,
    /// Signed multiply-accumulate into `rdhi:rdlo`.
    Smlal,
}

/// A three-register ARMv7E-M DSP operation, operands in assembly order `op rd, a, b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DspOp {
    /// Saturating add `qadd rd, rm, rn`.
    Qadd,
    /// Saturating subtract `qsub rd, rm, rn`.
    Qsub,
    /// `uxtab rd, rn, rm`: `rn + zero_extend(rm<7:0>)`.
    Uxtab,
    /// `uxtah rd, rn, rm`: `rn + zero_extend(rm<15:0>)`.
    Uxtah,
    /// `sxtab rd, rn, rm`: `rn + sign_extend(rm<7:0>)`.
    Sxtab,
    /// `sxtah rd, rn, rm`: `rn + sign_extend(rm<15:0>)`.
    Sxtah,
    /// `smulbb rd, rn, rm`: product of the signed low halfwords.
    Smulbb,
}

/// The 32-bit data-processing form with a modified immediate.
fn dp_imm(op: u16, s: bool, rd: Reg, rn: Reg, imm12: u32) -> Insn {
    with_imm12(
        0xF000 | op << 5 | (s as u16) << 4 | rn.f(),
        rd.f() << 8,
        imm12,
    )
}

/// The 32-bit data-processing form with a shifted register.
fn dp_reg(
    form: &'static str,
    op: u16,
    s: bool,
    rd: Reg,
    rn: Reg,
    rm: Reg,
    sh: Option<Shift>,
) -> Result<Insn, Error> {
    let (ty, n) = match sh {
        None => (0, 0),
        Some(sh) => sh.fields().ok_or(Error::BadOperand {
            form,
            why: "shift amount out of range",
        })?,
    };
    Ok(Insn::Wide(
        0xEA00 | op << 5 | (s as u16) << 4 | rn.f(),
        (n >> 2) << 12 | rd.f() << 8 | (n & 3) << 6 | ty << 4 | rm.f(),
    ))
}

fn shift_of(src: Src) -> Option<Shift> {
    match src {
        Src::Shifted(_, s) => Some(s),
        _ => None,
    }
}

fn imm_err(form: &'static str, v: u32) -> Error {
    Error::ImmOutOfRange {
        form,
        value: v as i32 as i64,
    }
}

/// `op{s} rd, rn, src` for the ten ALU operations.
pub fn alu(cx: Cx, op: AluOp, flags: Flags, rd: Reg, rn: Reg, src: Src) -> Result<Insn, Error> {
    match op {
        AluOp::Add | AluOp::Sub => add_sub(cx, op, flags, rd, rn, src),
        _ => logical(cx, op, flags, rd, rn, src),
    }
}

fn logical(cx: Cx, op: AluOp, flags: Flags, rd: Reg, rn: Reg, src: Src) -> Result<Insn, Error> {
    let form = op.name();
    if let (Src::Reg(rm), Some(code)) = (src, op.t16())
        && cx.narrow_flags(flags)
        && low(&[rd, rn, rm])
    {
        if rd == rn {
            return Ok(Insn::Narrow(0x4000 | code << 6 | rm.f() << 3 | rd.f()));
        }
        if rd == rm && op.commutes() {
            return Ok(Insn::Narrow(0x4000 | code << 6 | rn.f() << 3 | rd.f()));
        }
    }
    if op == AluOp::Rsb && src == Src::Imm(0) && cx.narrow_flags(flags) && low(&[rd, rn]) {
        return Ok(Insn::Narrow(0x4240 | rn.f() << 3 | rd.f()));
    }
    cx.v7(form)?;
    not_sp_pc(form, &[rd, rn])?;
    let s = flags == Flags::Set;
    match src {
        Src::Imm(v) => {
            if let Some(m) = modified_imm(v) {
                return Ok(dp_imm(op.t32(), s, rd, rn, m));
            }
            if let Some((op2, v2)) = op.inverse(v)
                && let Some(m) = modified_imm(v2)
            {
                return Ok(dp_imm(op2.t32(), s, rd, rn, m));
            }
            Err(imm_err(form, v))
        }
        Src::Reg(rm) | Src::Shifted(rm, _) => {
            not_sp_pc(form, &[rm])?;
            dp_reg(form, op.t32(), s, rd, rn, rm, shift_of(src))
        }
    }
}

fn add_sub(cx: Cx, op: AluOp, flags: Flags, rd: Reg, rn: Reg, src: Src) -> Result<Insn, Error> {
    let form = op.name();
    let s = flags == Flags::Set;
    match src {
        // Without Thumb-2, GNU as turns a negative immediate into the opposite operation on
        // its magnitude (`adds r0, #-1` is `subs r0, #1`). i32::MIN has no magnitude.
        Src::Imm(v) if !cx.isa.has_thumb2() && (v as i32) < 0 && v != 0x8000_0000 => {
            let op = if op == AluOp::Sub {
                AluOp::Add
            } else {
                AluOp::Sub
            };
            add_sub(cx, op, flags, rd, rn, Src::Imm(v.wrapping_neg()))
        }
        Src::Imm(v) => {
            let sub = op == AluOp::Sub;
            // The 16-bit forms are chosen on the value as written; GNU as only swaps add and
            // sub for a negative value in the 32-bit forms.
            if rd == SP && rn == SP && !s && v % 4 == 0 && v <= 508 {
                return Ok(Insn::Narrow(
                    if sub { 0xB080 } else { 0xB000 } | (v / 4) as u16,
                ));
            }
            if !sub && rn == SP && rd.is_low() && !s && v % 4 == 0 && v <= 1020 {
                return Ok(Insn::Narrow(0xA800 | rd.f() << 8 | (v / 4) as u16));
            }
            if low(&[rd, rn]) && cx.narrow_flags(flags) {
                if rd == rn && v <= 255 {
                    return Ok(Insn::Narrow(
                        if sub { 0x3800 } else { 0x3000 } | rd.f() << 8 | v as u16,
                    ));
                }
                if v <= 7 {
                    let base = if sub { 0x1E00 } else { 0x1C00 };
                    return Ok(Insn::Narrow(base | (v as u16) << 6 | rn.f() << 3 | rd.f()));
                }
            }
            cx.v7(form)?;
            if rn == SP {
                not_pc(form, &[rd])?
            } else {
                not_sp_pc(form, &[rd, rn])?
            }
            let other = if sub { AluOp::Add } else { AluOp::Sub };
            if let Some(m) = modified_imm(v) {
                return Ok(dp_imm(op.t32(), s, rd, rn, m));
            }
            if let Some(m) = modified_imm(v.wrapping_neg()) {
                return Ok(dp_imm(other.t32(), s, rd, rn, m));
            }
            // addw/subw: a plain 12-bit immediate, no flag-setting variant.
            let (wsub, mag) = if (v as i32) < 0 {
                (!sub, v.wrapping_neg())
            } else {
                (sub, v)
            };
            if !s && mag <= 0xfff {
                let base = if wsub { 0xF2A0 } else { 0xF200 };
                return Ok(with_imm12(base | rn.f(), rd.f() << 8, mag));
            }
            Err(imm_err(form, v))
        }
        Src::Reg(rm) | Src::Shifted(rm, _) => {
            let sub = op == AluOp::Sub;
            let sh = shift_of(src);
            if sh.is_none() {
                if low(&[rd, rn, rm]) && cx.narrow_flags(flags) {
                    let base = if sub { 0x1A00 } else { 0x1800 };
                    return Ok(Insn::Narrow(base | rm.f() << 6 | rn.f() << 3 | rd.f()));
                }
                // `add rdn, rm`: any registers, never sets flags.
                let other = if rd == rn {
                    Some(rm)
                } else if rd == rm {
                    Some(rn)
                } else {
                    None
                };
                if !sub
                    && !s
                    && let Some(o) = other
                    && !(rd == PC && o == PC)
                {
                    if rd == PC {
                        cx.last_in_it(form)?;
                    }
                    let d = rd.f();
                    return Ok(Insn::Narrow(0x4400 | (d & 8) << 4 | o.f() << 3 | (d & 7)));
                }
            }
            cx.v7(form)?;
            if rn == SP {
                not_pc(form, &[rd])?;
                if rd == SP && !matches!(sh, None | Some(Shift::Lsl(0..=3))) {
                    return Err(Error::BadOperand {
                        form,
                        why: "sp destination allows only lsl #0-3",
                    });
                }
            } else {
                not_sp_pc(form, &[rd])?;
                not_pc(form, &[rn])?;
            }
            not_sp_pc(form, &[rm])?;
            dp_reg(form, op.t32(), s, rd, rn, rm, sh)
        }
    }
}

/// `mov{s} rd, src` or `mvn{s} rd, src`.
pub fn mov(cx: Cx, op: MovOp, flags: Flags, rd: Reg, src: Src) -> Result<Insn, Error> {
    let s = flags == Flags::Set;
    match (op, src) {
        (MovOp::Mov, Src::Imm(v)) => {
            if rd.is_low() && v <= 255 && cx.narrow_flags(flags) {
                return Ok(Insn::Narrow(0x2000 | rd.f() << 8 | v as u16));
            }
            cx.v7("mov")?;
            not_sp_pc("mov", &[rd])?;
            if let Some(m) = modified_imm(v) {
                return Ok(dp_imm(2, s, rd, PC, m));
            }
            if let Some(m) = modified_imm(!v) {
                return Ok(dp_imm(3, s, rd, PC, m));
            }
            if !s && v <= 0xffff {
                return Ok(movw_like(0xF240, rd, v));
            }
            Err(imm_err("mov", v))
        }
        (MovOp::Mov, Src::Reg(rm)) => {
            if !s {
                // The high-register form: any registers, never sets flags.
                if rd == PC {
                    cx.last_in_it("mov")?;
                }
                let d = rd.f();
                return Ok(Insn::Narrow(0x4600 | (d & 8) << 4 | rm.f() << 3 | (d & 7)));
            }
            if low(&[rd, rm]) && cx.narrow_flags(flags) {
                return Ok(Insn::Narrow(rm.f() << 3 | rd.f()));
            }
            cx.v7("movs")?;
            not_sp_pc("movs", &[rd, rm])?;
            dp_reg("movs", 2, true, rd, PC, rm, None)
        }
        (MovOp::Mov, Src::Shifted(rm, sh)) => match sh {
            Shift::Lsl(n) => shift(cx, ShiftOp::Lsl, flags, rd, rm, Src::Imm(n.into())),
            Shift::Lsr(n) => shift(cx, ShiftOp::Lsr, flags, rd, rm, Src::Imm(n.into())),
            Shift::Asr(n) => shift(cx, ShiftOp::Asr, flags, rd, rm, Src::Imm(n.into())),
            Shift::Ror(n) => shift(cx, ShiftOp::Ror, flags, rd, rm, Src::Imm(n.into())),
            Shift::Rrx => rrx(cx, flags, rd, rm),
        },
        (MovOp::Mvn, Src::Imm(v)) => {
            cx.v7("mvn")?;
            not_sp_pc("mvn", &[rd])?;
            if let Some(m) = modified_imm(v) {
                return Ok(dp_imm(3, s, rd, PC, m));
            }
            if let Some(m) = modified_imm(!v) {
                return Ok(dp_imm(2, s, rd, PC, m));
            }
            Err(imm_err("mvn", v))
        }
        (MovOp::Mvn, Src::Reg(rm) | Src::Shifted(rm, _)) => {
            let sh = shift_of(src);
            if sh.is_none() && low(&[rd, rm]) && cx.narrow_flags(flags) {
                return Ok(Insn::Narrow(0x43C0 | rm.f() << 3 | rd.f()));
            }
            cx.v7("mvn")?;
            not_sp_pc("mvn", &[rd, rm])?;
            dp_reg("mvn", 3, s, rd, PC, rm, sh)
        }
    }
}

fn movw_like(base: u16, rd: Reg, v: u32) -> Insn {
    let v = v as u16;
    Insn::Wide(
        base | (v >> 11 & 1) << 10 | v >> 12,
        (v >> 8 & 7) << 12 | rd.f() << 8 | (v & 0xff),
    )
}

/// `movw rd, #imm16`: the low halfword, high halfword cleared.
pub fn movw(cx: Cx, rd: Reg, imm: u32) -> Result<Insn, Error> {
    cx.v7("movw")?;
    not_sp_pc("movw", &[rd])?;
    if imm > 0xffff {
        return Err(imm_err("movw", imm));
    }
    Ok(movw_like(0xF240, rd, imm))
}

/// `movt rd, #imm16`: the high halfword, low halfword kept.
pub fn movt(cx: Cx, rd: Reg, imm: u32) -> Result<Insn, Error> {
    cx.v7("movt")?;
    not_sp_pc("movt", &[rd])?;
    if imm > 0xffff {
        return Err(imm_err("movt", imm));
    }
    Ok(movw_like(0xF2C0, rd, imm))
}

/// `lsl{s} rd, rm, #n` or `lsl{s} rd, rm, rs` (and `lsr`, `asr`, `ror`).
pub fn shift(cx: Cx, op: ShiftOp, flags: Flags, rd: Reg, rm: Reg, src: Src) -> Result<Insn, Error> {
    let (form, ty) = match op {
        ShiftOp::Lsl => ("lsl", 0),
        ShiftOp::Lsr => ("lsr", 1),
        ShiftOp::Asr => ("asr", 2),
        ShiftOp::Ror => ("ror", 3),
    };
    let s = flags == Flags::Set;
    match src {
        Src::Imm(n) => {
            let ok = match op {
                ShiftOp::Lsl => n <= 31,
                ShiftOp::Lsr | ShiftOp::Asr => (1..=32).contains(&n),
                ShiftOp::Ror => (1..=31).contains(&n),
            };
            if !ok && n != 0 {
                return Err(imm_err(form, n));
            }
            // A shift by 0 of any kind is a move, as GNU as reads it.
            let ty = if n == 0 { 0 } else { ty };
            let n = (n & 31) as u16;
            if op != ShiftOp::Ror && low(&[rd, rm]) && cx.narrow_flags(flags) {
                return Ok(Insn::Narrow(ty << 11 | n << 6 | rm.f() << 3 | rd.f()));
            }
            cx.v7(form)?;
            not_sp_pc(form, &[rd, rm])?;
            Ok(Insn::Wide(
                0xEA4F | (s as u16) << 4,
                (n >> 2) << 12 | rd.f() << 8 | (n & 3) << 6 | ty << 4 | rm.f(),
            ))
        }
        Src::Reg(rs) => {
            if rd == rm && low(&[rd, rs]) && cx.narrow_flags(flags) {
                let code = [2, 3, 4, 7][ty as usize];
                return Ok(Insn::Narrow(0x4000 | code << 6 | rs.f() << 3 | rd.f()));
            }
            cx.v7(form)?;
            not_sp_pc(form, &[rd, rm, rs])?;
            Ok(Insn::Wide(
                0xFA00 | ty << 5 | (s as u16) << 4 | rm.f(),
                0xF000 | rd.f() << 8 | rs.f(),
            ))
        }
        Src::Shifted(..) => Err(Error::BadOperand {
            form,
            why: "shift amount must be an immediate or a register",
        }),
    }
}

/// `rrx{s} rd, rm`: rotate right by one through carry.
pub fn rrx(cx: Cx, flags: Flags, rd: Reg, rm: Reg) -> Result<Insn, Error> {
    cx.v7("rrx")?;
    not_sp_pc("rrx", &[rd, rm])?;
    Ok(Insn::Wide(
        0xEA4F | ((flags == Flags::Set) as u16) << 4,
        0x0030 | rd.f() << 8 | rm.f(),
    ))
}

/// `cmp rn, src` (and `cmn`, `tst`, `teq`).
pub fn compare(cx: Cx, op: CmpOp, rn: Reg, src: Src) -> Result<Insn, Error> {
    let (form, t32) = match op {
        CmpOp::Cmp => ("cmp", AluOp::Sub.t32()),
        CmpOp::Cmn => ("cmn", AluOp::Add.t32()),
        CmpOp::Tst => ("tst", AluOp::And.t32()),
        CmpOp::Teq => ("teq", AluOp::Eor.t32()),
    };
    match src {
        Src::Imm(v) => {
            if op == CmpOp::Cmp && rn.is_low() && v <= 255 {
                return Ok(Insn::Narrow(0x2800 | rn.f() << 8 | v as u16));
            }
            cx.v7(form)?;
            match op {
                CmpOp::Cmp | CmpOp::Cmn => not_pc(form, &[rn])?,
                _ => not_sp_pc(form, &[rn])?,
            }
            if let Some(m) = modified_imm(v) {
                return Ok(dp_imm(t32, true, PC, rn, m));
            }
            let neg = match op {
                CmpOp::Cmp => AluOp::Add.t32(),
                CmpOp::Cmn => AluOp::Sub.t32(),
                _ => return Err(imm_err(form, v)),
            };
            match modified_imm(v.wrapping_neg()) {
                Some(m) => Ok(dp_imm(neg, true, PC, rn, m)),
                None => Err(imm_err(form, v)),
            }
        }
        src @ (Src::Reg(rm) | Src::Shifted(rm, _)) => {
            let sh = shift_of(src);
            if sh.is_none() {
                let narrow = match op {
                    CmpOp::Cmp => Some(0x4280),
                    CmpOp::Cmn => Some(0x42C0),
                    CmpOp::Tst => Some(0x4200),
                    CmpOp::Teq => None,
                };
                if let Some(base) = narrow
                    && low(&[rn, rm])
                {
                    return Ok(Insn::Narrow(base | rm.f() << 3 | rn.f()));
                }
                if op == CmpOp::Cmp && rn != PC && rm != PC {
                    let n = rn.f();
                    return Ok(Insn::Narrow(0x4500 | (n & 8) << 4 | rm.f() << 3 | (n & 7)));
                }
            }
            cx.v7(form)?;
            match op {
                CmpOp::Cmp | CmpOp::Cmn => not_pc(form, &[rn])?,
                _ => not_sp_pc(form, &[rn])?,
            }
            not_sp_pc(form, &[rm])?;
            dp_reg(form, t32, true, PC, rn, rm, sh)
        }
    }
}

/// `mul{s} rd, rn, rm`.
pub fn mul(cx: Cx, flags: Flags, rd: Reg, rn: Reg, rm: Reg) -> Result<Insn, Error> {
    if low(&[rd, rn, rm]) && cx.narrow_flags(flags) {
        // The 16-bit form is `muls rdm, rn, rdm`; multiplication commutes.
        if rd == rm {
            return Ok(Insn::Narrow(0x4340 | rn.f() << 3 | rd.f()));
        }
        if rd == rn {
            return Ok(Insn::Narrow(0x4340 | rm.f() << 3 | rd.f()));
        }
    }
    cx.v7("mul")?;
    if flags == Flags::Set {
        return Err(Error::BadOperand {
            form: "muls",
            why: "needs low registers with rd equal to a source",
        });
    }
    not_sp_pc("mul", &[rd, rn, rm])?;
    Ok(Insn::Wide(0xFB00 | rn.f(), 0xF000 | rd.f() << 8 | rm.f()))
}

/// `mla rd, rn, rm, ra` (`ra + rn*rm`) or, with `subtract`, `mls` (`ra - rn*rm`).
pub fn mla(cx: Cx, subtract: bool, rd: Reg, rn: Reg, rm: Reg, ra: Reg) -> Result<Insn, Error> {
    let form = if subtract { "mls" } else { "mla" };
    cx.v7(form)?;
    not_sp_pc(form, &[rd, rn, rm, ra])?;
    Ok(Insn::Wide(
        0xFB00 | rn.f(),
        ra.f() << 12 | rd.f() << 8 | (subtract as u16) << 4 | rm.f(),
    ))
}

/// `umull rdlo, rdhi, rn, rm` and the other 64-bit multiplies.
pub fn mul_long(
    cx: Cx,
    op: LongMulOp,
    rdlo: Reg,
    rdhi: Reg,
    rn: Reg,
    rm: Reg,
) -> Result<Insn, Error> {
    let (form, base) = match op {
        LongMulOp::Smull => ("smull", 0xFB80),
        LongMulOp::Umull => ("umull", 0xFBA0),
        LongMulOp::Smlal => ("smlal", 0xFBC0),
        LongMulOp::Umlal => ("umlal", 0xFBE0),
    };
    cx.v7(form)?;
    not_sp_pc(form, &[rdlo, rdhi, rn, rm])?;
    if rdlo == rdhi {
        return Err(Error::BadOperand {
            form,
            why: "rdlo and rdhi must differ",
        });
    }
    Ok(Insn::Wide(
        base | rn.f(),
        rdlo.f() << 12 | rdhi.f() << 8 | rm.f(),
    ))
}

/// `sdiv rd, rn, rm` or, unsigned, `udiv`.
pub fn div(cx: Cx, signed: bool, rd: Reg, rn: Reg, rm: Reg) -> Result<Insn, Error> {
    let form = if signed { "sdiv" } else { "udiv" };
    cx.v7(form)?;
    not_sp_pc(form, &[rd, rn, rm])?;
    Ok(Insn::Wide(
        if signed { 0xFB90 } else { 0xFBB0 } | rn.f(),
        0xF0F0 | rd.f() << 8 | rm.f(),
    ))
}

/// `clz rd, rm`, `rev`, `uxtb` and the other one-source operations.
pub fn unary(cx: Cx, op: UnaryOp, rd: Reg, rm: Reg) -> Result<Insn, Error> {
    // (name, 16-bit form, first halfword, second halfword) of each.
    let (form, narrow, hw1, hw2) = match op {
        UnaryOp::Clz => ("clz", None, 0xFAB0 | rm.f(), 0xF080),
        UnaryOp::Rbit => ("rbit", None, 0xFA90 | rm.f(), 0xF0A0),
        UnaryOp::Rev => ("rev", Some(0xBA00), 0xFA90 | rm.f(), 0xF080),
        UnaryOp::Rev16 => ("rev16", Some(0xBA40), 0xFA90 | rm.f(), 0xF090),
        UnaryOp::Revsh => ("revsh", Some(0xBAC0), 0xFA90 | rm.f(), 0xF0B0),
        UnaryOp::Sxth => ("sxth", Some(0xB200), 0xFA0F, 0xF080),
        UnaryOp::Sxtb => ("sxtb", Some(0xB240), 0xFA4F, 0xF080),
        UnaryOp::Uxth => ("uxth", Some(0xB280), 0xFA1F, 0xF080),
        UnaryOp::Uxtb => ("uxtb", Some(0xB2C0), 0xFA5F, 0xF080),
    };
    if let Some(base) = narrow
        && low(&[rd, rm])
    {
        return Ok(Insn::Narrow(base | rm.f() << 3 | rd.f()));
    }
    cx.v7(form)?;
    not_sp_pc(form, &[rd, rm])?;
    Ok(Insn::Wide(hw1, hw2 | rd.f() << 8 | rm.f()))
}

fn field_check(form: &'static str, lsb: u32, width: u32) -> Result<(), Error> {
    if lsb > 31 {
        return Err(Error::ImmOutOfRange {
            form,
            value: lsb.into(),
        });
    }
    if width == 0 || width > 32 - lsb {
        return Err(Error::ImmOutOfRange {
            form,
            value: width.into(),
        });
    }
    Ok(())
}

fn bitfield(hw1: u16, rd: Reg, lsb: u32, last: u32) -> Insn {
    let lsb = lsb as u16;
    Insn::Wide(
        hw1,
        (lsb >> 2) << 12 | rd.f() << 8 | (lsb & 3) << 6 | last as u16,
    )
}

/// `ubfx rd, rn, #lsb, #width` or, with `signed`, `sbfx`: extract a bit field.
pub fn bfx(cx: Cx, signed: bool, rd: Reg, rn: Reg, lsb: u32, width: u32) -> Result<Insn, Error> {
    let form = if signed { "sbfx" } else { "ubfx" };
    cx.v7(form)?;
    not_sp_pc(form, &[rd, rn])?;
    field_check(form, lsb, width)?;
    Ok(bitfield(
        if signed { 0xF340 } else { 0xF3C0 } | rn.f(),
        rd,
        lsb,
        width - 1,
    ))
}

/// `bfi rd, rn, #lsb, #width`: insert the low bits of `rn`.
pub fn bfi(cx: Cx, rd: Reg, rn: Reg, lsb: u32, width: u32) -> Result<Insn, Error> {
    cx.v7("bfi")?;
    not_sp_pc("bfi", &[rd, rn])?;
    field_check("bfi", lsb, width)?;
    Ok(bitfield(0xF360 | rn.f(), rd, lsb, lsb + width - 1))
}

/// `bfc rd, #lsb, #width`: clear a bit field.
pub fn bfc(cx: Cx, rd: Reg, lsb: u32, width: u32) -> Result<Insn, Error> {
    cx.v7("bfc")?;
    not_sp_pc("bfc", &[rd])?;
    field_check("bfc", lsb, width)?;
    Ok(bitfield(0xF36F, rd, lsb, lsb + width - 1))
}

/// A DSP-extension operation, operands in assembly order.
pub fn dsp(cx: Cx, op: DspOp, rd: Reg, a: Reg, b: Reg) -> Result<Insn, Error> {
    // (name, first halfword base, second halfword base, register in the first halfword, in the second)
    let (form, hw1, hw2, n, m) = match op {
        DspOp::Qadd => ("qadd", 0xFA80, 0xF080, b, a),
        DspOp::Qsub => ("qsub", 0xFA80, 0xF0A0, b, a),
        DspOp::Uxtab => ("uxtab", 0xFA50, 0xF080, a, b),
        DspOp::Uxtah => ("uxtah", 0xFA10, 0xF080, a, b),
        DspOp::Sxtab => ("sxtab", 0xFA40, 0xF080, a, b),
        DspOp::Sxtah => ("sxtah", 0xFA00, 0xF080, a, b),
        DspOp::Smulbb => ("smulbb", 0xFB10, 0xF000, a, b),
    };
    cx.dsp(form)?;
    not_sp_pc(form, &[rd, a, b])?;
    Ok(Insn::Wide(hw1 | n.f(), hw2 | rd.f() << 8 | m.f()))
}
