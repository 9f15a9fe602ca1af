//! Loads and stores: immediate, register and indexed addressing, PC-relative (literal) loads,
//! `adr`, exclusive access, and `push`/`pop`.
//!
//! PC-relative offsets here are measured from `Align(PC, 4)`, i.e. from
//! `(address of the instruction + 4) & !3`, as the architecture computes them.

use super::{Cx, Insn, low, not_pc, not_sp_pc};
use crate::error::Error;
use crate::operand::Mem;
use crate::reg::{LR, PC, Reg, RegList, SP};

/// A single-register load or store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MemOp {
    /// Load a word.
    Ldr,
    /// Load a byte, zero-extended.
    Ldrb,
    /// Load a halfword, zero-extended.
    Ldrh,
    /// Load a byte, sign-extended.
    Ldrsb,
    /// Load a halfword, sign-extended.
    Ldrsh,
    /// Store a word.
    Str,
    /// Store a byte.
    Strb,
    /// Store a halfword.
    Strh,
}

impl MemOp {
    /// The mnemonic.
    pub const fn name(self) -> &'static str {
        match self {
            MemOp::Ldr => "ldr",
            MemOp::Ldrb => "ldrb",
            MemOp::Ldrh => "ldrh",
            MemOp::Ldrsb => "ldrsb",
            MemOp::Ldrsh => "ldrsh",
            MemOp::Str => "str",
            MemOp::Strb => "strb",
            MemOp::Strh => "strh",
        }
    }

    /// Whether it reads memory.
    pub const fn is_load(self) -> bool {
        !matches!(self, MemOp::Str | MemOp::Strb | MemOp::Strh)
    }

    /// The 16-bit `[rn, #imm5 * scale]` form: base and scale.
    const fn t16_imm(self) -> Option<(u16, u32)> {
        match self {
            MemOp::Str => Some((0x6000, 4)),
            MemOp::Ldr => Some((0x6800, 4)),
            MemOp::Strb => Some((0x7000, 1)),
            MemOp::Ldrb => Some((0x7800, 1)),
            MemOp::Strh => Some((0x8000, 2)),
            MemOp::Ldrh => Some((0x8800, 2)),
            MemOp::Ldrsb | MemOp::Ldrsh => None,
        }
    }

    /// The 16-bit `[rn, rm]` form.
    const fn t16_reg(self) -> u16 {
        match self {
            MemOp::Str => 0x5000,
            MemOp::Strh => 0x5200,
            MemOp::Strb => 0x5400,
            MemOp::Ldrsb => 0x5600,
            MemOp::Ldr => 0x5800,
            MemOp::Ldrh => 0x5A00,
            MemOp::Ldrb => 0x5C00,
            MemOp::Ldrsh => 0x5E00,
        }
    }

    /// First halfword of the 32-bit `[rn, #imm12]` form; clearing bit 7 gives the form for
    /// `[rn, #-imm8]`, indexed and register offsets (and, with `rn = pc`, literals).
    const fn t32(self) -> u16 {
        match self {
            MemOp::Ldr => 0xF8D0,
            MemOp::Ldrb => 0xF890,
            MemOp::Ldrh => 0xF8B0,
            MemOp::Ldrsb => 0xF990,
            MemOp::Ldrsh => 0xF9B0,
            MemOp::Str => 0xF8C0,
            MemOp::Strb => 0xF880,
            MemOp::Strh => 0xF8A0,
        }
    }

    /// Refuses a transfer register the 32-bit forms leave UNPREDICTABLE (or, for byte and
    /// halfword loads into pc, turn into preload hints).
    fn check_rt(self, cx: Cx, rt: Reg) -> Result<(), Error> {
        let form = self.name();
        match self {
            MemOp::Ldr if rt == PC => cx.last_in_it(form),
            MemOp::Ldr => Ok(()),
            MemOp::Str => not_pc(form, &[rt]),
            _ => not_sp_pc(form, &[rt]),
        }
    }
}

/// `op rt, mem`: any load or store with any addressing mode.
pub fn load_store(cx: Cx, op: MemOp, rt: Reg, mem: Mem) -> Result<Insn, Error> {
    let form = op.name();
    match mem {
        Mem::Offset(rn, off) if rn == PC => {
            let narrow =
                op == MemOp::Ldr && rt.is_low() && off % 4 == 0 && (0..=1020).contains(&off);
            literal(cx, op, rt, off, !narrow)
        }
        Mem::Offset(rn, off) => {
            if matches!(op, MemOp::Ldr | MemOp::Str)
                && rn == SP
                && rt.is_low()
                && off % 4 == 0
                && (0..=1020).contains(&off)
            {
                let base = if op == MemOp::Ldr { 0x9800 } else { 0x9000 };
                return Ok(Insn::Narrow(base | rt.f() << 8 | (off / 4) as u16));
            }
            if let Some((base, scale)) = op.t16_imm()
                && low(&[rt, rn])
                && off >= 0
                && (off as u32).is_multiple_of(scale)
                && off as u32 / scale <= 31
            {
                return Ok(Insn::Narrow(
                    base | ((off as u32 / scale) as u16) << 6 | rn.f() << 3 | rt.f(),
                ));
            }
            cx.v7(form)?;
            op.check_rt(cx, rt)?;
            match off {
                0..=4095 => Ok(Insn::Wide(op.t32() | rn.f(), rt.f() << 12 | off as u16)),
                -255..=-1 => Ok(Insn::Wide(
                    op.t32() & !0x80 | rn.f(),
                    rt.f() << 12 | 0xC00 | (-off) as u16,
                )),
                _ => Err(Error::ImmOutOfRange {
                    form,
                    value: off.into(),
                }),
            }
        }
        Mem::Index(rn, rm, sh) => {
            if sh == 0 && low(&[rt, rn, rm]) {
                return Ok(Insn::Narrow(
                    op.t16_reg() | rm.f() << 6 | rn.f() << 3 | rt.f(),
                ));
            }
            cx.v7(form)?;
            op.check_rt(cx, rt)?;
            not_pc(form, &[rn])?;
            not_sp_pc(form, &[rm])?;
            if sh > 3 {
                return Err(Error::ImmOutOfRange {
                    form,
                    value: sh.into(),
                });
            }
            Ok(Insn::Wide(
                op.t32() & !0x80 | rn.f(),
                rt.f() << 12 | (sh as u16) << 4 | rm.f(),
            ))
        }
        Mem::PreIndex(rn, off) | Mem::PostIndex(rn, off) => {
            cx.v7(form)?;
            op.check_rt(cx, rt)?;
            not_pc(form, &[rn])?;
            if rn == rt {
                return Err(Error::BadOperand {
                    form,
                    why: "writeback base must differ from the transfer register",
                });
            }
            if !(-255..=255).contains(&off) {
                return Err(Error::ImmOutOfRange {
                    form,
                    value: off.into(),
                });
            }
            let p = matches!(mem, Mem::PreIndex(..)) as u16;
            let u = (off >= 0) as u16;
            let hw2 = rt.f() << 12 | 0x800 | p << 10 | u << 9 | 1 << 8 | off.unsigned_abs() as u16;
            Ok(Insn::Wide(op.t32() & !0x80 | rn.f(), hw2))
        }
    }
}

/// A PC-relative load `op rt, [pc, #offset]` of the given width (the assembler chooses the
/// width when it lays out code; the 16-bit form exists only for `ldr` into a low register).
pub fn literal(cx: Cx, op: MemOp, rt: Reg, offset: i32, wide: bool) -> Result<Insn, Error> {
    let form = op.name();
    if !op.is_load() {
        return Err(Error::BadRegister { form, reg: PC });
    }
    if !wide {
        if op != MemOp::Ldr || !rt.is_low() {
            return Err(Error::BadOperand {
                form,
                why: "16-bit literal load needs ldr into r0-r7",
            });
        }
        if offset % 4 != 0 || !(0..=1020).contains(&offset) {
            return Err(Error::OutOfRange {
                form: "ldr (literal)",
                at: 0,
                distance: offset.into(),
            });
        }
        return Ok(Insn::Narrow(0x4800 | rt.f() << 8 | (offset / 4) as u16));
    }
    cx.v7(form)?;
    op.check_rt(cx, rt)?;
    if !(-4095..=4095).contains(&offset) {
        return Err(Error::OutOfRange {
            form: "ldr.w (literal)",
            at: 0,
            distance: offset.into(),
        });
    }
    let u = ((offset >= 0) as u16) << 7;
    Ok(Insn::Wide(
        op.t32() & !0x80 | u | 0xF,
        rt.f() << 12 | offset.unsigned_abs() as u16,
    ))
}

/// `adr rd, <pc + offset>` of the given width.
pub fn adr(cx: Cx, rd: Reg, offset: i32, wide: bool) -> Result<Insn, Error> {
    if !wide {
        if !rd.is_low() {
            return Err(Error::BadRegister {
                form: "adr",
                reg: rd,
            });
        }
        if offset % 4 != 0 || !(0..=1020).contains(&offset) {
            return Err(Error::OutOfRange {
                form: "adr",
                at: 0,
                distance: offset.into(),
            });
        }
        return Ok(Insn::Narrow(0xA000 | rd.f() << 8 | (offset / 4) as u16));
    }
    cx.v7("adr.w")?;
    not_sp_pc("adr.w", &[rd])?;
    if !(-4095..=4095).contains(&offset) {
        return Err(Error::OutOfRange {
            form: "adr.w",
            at: 0,
            distance: offset.into(),
        });
    }
    // addw rd, pc, #imm12 forwards, subw rd, pc, #imm12 backwards.
    let base = if offset >= 0 { 0xF20F } else { 0xF2AF };
    Ok(super::with_imm12(base, rd.f() << 8, offset.unsigned_abs()))
}

fn ex_offset(form: &'static str, off: u32) -> Result<u16, Error> {
    if !off.is_multiple_of(4) || off > 1020 {
        return Err(Error::ImmOutOfRange {
            form,
            value: off.into(),
        });
    }
    Ok((off / 4) as u16)
}

/// `ldrex rt, [rn, #offset]`.
pub fn ldrex(cx: Cx, rt: Reg, rn: Reg, offset: u32) -> Result<Insn, Error> {
    cx.v7("ldrex")?;
    not_sp_pc("ldrex", &[rt])?;
    not_pc("ldrex", &[rn])?;
    Ok(Insn::Wide(
        0xE850 | rn.f(),
        rt.f() << 12 | 0xF00 | ex_offset("ldrex", offset)?,
    ))
}

/// `strex rd, rt, [rn, #offset]`: `rd` gets 0 on success, 1 on failure.
pub fn strex(cx: Cx, rd: Reg, rt: Reg, rn: Reg, offset: u32) -> Result<Insn, Error> {
    cx.v7("strex")?;
    not_sp_pc("strex", &[rd, rt])?;
    not_pc("strex", &[rn])?;
    if rd == rt || rd == rn {
        return Err(Error::BadOperand {
            form: "strex",
            why: "status register must differ from the others",
        });
    }
    Ok(Insn::Wide(
        0xE840 | rn.f(),
        rt.f() << 12 | rd.f() << 8 | ex_offset("strex", offset)?,
    ))
}

/// `ldrexb rt, [rn]` or, with `half`, `ldrexh`.
pub fn ldrex_bh(cx: Cx, half: bool, rt: Reg, rn: Reg) -> Result<Insn, Error> {
    let form = if half { "ldrexh" } else { "ldrexb" };
    cx.v7(form)?;
    not_sp_pc(form, &[rt])?;
    not_pc(form, &[rn])?;
    Ok(Insn::Wide(
        0xE8D0 | rn.f(),
        rt.f() << 12 | if half { 0xF5F } else { 0xF4F },
    ))
}

/// `strexb rd, rt, [rn]` or, with `half`, `strexh`.
pub fn strex_bh(cx: Cx, half: bool, rd: Reg, rt: Reg, rn: Reg) -> Result<Insn, Error> {
    let form = if half { "strexh" } else { "strexb" };
    cx.v7(form)?;
    not_sp_pc(form, &[rd, rt])?;
    not_pc(form, &[rn])?;
    if rd == rt || rd == rn {
        return Err(Error::BadOperand {
            form,
            why: "status register must differ from the others",
        });
    }
    Ok(Insn::Wide(
        0xE8C0 | rn.f(),
        rt.f() << 12 | if half { 0xF50 } else { 0xF40 } | rd.f(),
    ))
}

/// `push {list}`.
pub fn push(cx: Cx, list: RegList) -> Result<Insn, Error> {
    let bits = list.bits();
    if bits == 0 {
        return Err(Error::BadOperand {
            form: "push",
            why: "empty register list",
        });
    }
    if bits & !0x40FF == 0 {
        return Ok(Insn::Narrow(
            0xB400 | (list.contains(LR) as u16) << 8 | (bits & 0xff),
        ));
    }
    cx.v7("push with r8-r12")?;
    for r in [SP, PC] {
        if list.contains(r) {
            return Err(Error::BadRegister {
                form: "push",
                reg: r,
            });
        }
    }
    // One register: GNU as uses `str.w rt, [sp, #-4]!`, as stmdb needs two.
    Ok(match list.single() {
        Some(r) => Insn::Wide(0xF84D, r.f() << 12 | 0xD04),
        None => Insn::Wide(0xE92D, bits),
    })
}

/// `pop {list}`.
pub fn pop(cx: Cx, list: RegList) -> Result<Insn, Error> {
    let bits = list.bits();
    if bits == 0 {
        return Err(Error::BadOperand {
            form: "pop",
            why: "empty register list",
        });
    }
    if list.contains(PC) {
        cx.last_in_it("pop")?;
    }
    if bits & !0x80FF == 0 {
        return Ok(Insn::Narrow(
            0xBC00 | (list.contains(PC) as u16) << 8 | (bits & 0xff),
        ));
    }
    cx.v7("pop with r8-r12 or lr")?;
    if list.contains(SP) {
        return Err(Error::BadRegister {
            form: "pop",
            reg: SP,
        });
    }
    if list.contains(PC) && list.contains(LR) {
        return Err(Error::BadOperand {
            form: "pop",
            why: "cannot load both lr and pc",
        });
    }
    Ok(match list.single() {
        Some(r) => Insn::Wide(0xF85D, r.f() << 12 | 0xB04),
        None => Insn::Wide(0xE8BD, bits),
    })
}
