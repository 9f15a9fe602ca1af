//! Control flow and system instructions: branches by byte offset, IT, hints, interrupt masks,
//! barriers and special registers.
//!
//! Branch offsets are measured from the instruction's PC value, its address + 4, and must be
//! even. The assembler turns labels into offsets; these functions only check range.

use super::{Cx, Insn, not_pc, not_sp_pc};
use crate::error::Error;
use crate::isa::Isa;
use crate::operand::{Cond, SysReg};
use crate::reg::Reg;

fn reach(form: &'static str, off: i32, lo: i32, hi: i32) -> Result<(), Error> {
    if off % 2 != 0 {
        return Err(Error::BadOperand {
            form,
            why: "odd branch offset",
        });
    }
    if !(lo..=hi).contains(&off) {
        return Err(Error::OutOfRange {
            form,
            at: 0,
            distance: off.into(),
        });
    }
    Ok(())
}

/// The 24-bit offset of `b.w` and `bl`, split into halfwords with the J1/J2 bits.
fn t4_offset(hw1: u16, hw2: u16, off: i32) -> Insn {
    let imm = (off >> 1) as u32;
    let s = (off < 0) as u16;
    let i1 = (imm >> 22 & 1) as u16;
    let i2 = (imm >> 21 & 1) as u16;
    let j1 = !(i1 ^ s) & 1;
    let j2 = !(i2 ^ s) & 1;
    Insn::Wide(
        hw1 | s << 10 | (imm >> 11 & 0x3ff) as u16,
        hw2 | j1 << 13 | j2 << 11 | (imm & 0x7ff) as u16,
    )
}

/// `b.n` (±2 KB) or `b.w` (±16 MB). In an IT block it must be the last instruction, and
/// then it is the block's condition that makes it conditional.
pub fn b(cx: Cx, offset: i32, wide: bool) -> Result<Insn, Error> {
    cx.last_in_it("b")?;
    if !wide {
        reach("b.n", offset, -2048, 2046)?;
        return Ok(Insn::Narrow(0xE000 | (offset >> 1) as u16 & 0x7ff));
    }
    cx.v7("b.w")?;
    reach("b.w", offset, -(1 << 24), (1 << 24) - 2)?;
    Ok(t4_offset(0xF000, 0x9000, offset))
}

/// `b<cc>.n` (±256 B) or `b<cc>.w` (±1 MB). Not allowed in an IT block.
pub fn b_cond(cx: Cx, cond: Cond, offset: i32, wide: bool) -> Result<Insn, Error> {
    if cond == Cond::Al {
        return b(cx, offset, wide);
    }
    cx.not_in_it("b<cc>")?;
    if !wide {
        reach("b<cc>.n", offset, -256, 254)?;
        return Ok(Insn::Narrow(
            0xD000 | cond.f() << 8 | (offset >> 1) as u16 & 0xff,
        ));
    }
    cx.v7("b<cc>.w")?;
    reach("b<cc>.w", offset, -(1 << 20), (1 << 20) - 2)?;
    let imm = (offset >> 1) as u32;
    let s = (offset < 0) as u16;
    let j1 = (imm >> 17 & 1) as u16;
    let j2 = (imm >> 18 & 1) as u16;
    Ok(Insn::Wide(
        0xF000 | s << 10 | cond.f() << 6 | (imm >> 11 & 0x3f) as u16,
        0x8000 | j1 << 13 | j2 << 11 | (imm & 0x7ff) as u16,
    ))
}

/// `bl` (±16 MB; ±4 MB on ARMv6-M): call, return address in `lr`.
pub fn bl(cx: Cx, offset: i32) -> Result<Insn, Error> {
    cx.last_in_it("bl")?;
    // ARMv6-M's bl has the full range, but GNU as keeps the Thumb-1 limit there; 4 MB of
    // Cortex-M0 code is far off, so we keep it too and stay byte-for-byte with as.
    let bits = if cx.isa.has_thumb2() { 24 } else { 22 };
    reach("bl", offset, -(1 << bits), (1 << bits) - 2)?;
    Ok(t4_offset(0xF000, 0xD000, offset))
}

/// `cbz rn` or, with `nonzero`, `cbnz rn`: forward only, 0–126 bytes.
pub fn cbz(cx: Cx, nonzero: bool, rn: Reg, offset: i32) -> Result<Insn, Error> {
    let form = if nonzero { "cbnz" } else { "cbz" };
    cx.v7(form)?;
    cx.not_in_it(form)?;
    if !rn.is_low() {
        return Err(Error::BadRegister { form, reg: rn });
    }
    // A cbz to the very next instruction can't be encoded; GNU as turns it into a nop,
    // which does the same, so we do too.
    if offset == -2 {
        return Ok(Insn::Narrow(0xBF00));
    }
    reach(form, offset, 0, 126)?;
    let imm = (offset >> 1) as u16;
    Ok(Insn::Narrow(
        0xB100 | (nonzero as u16) << 11 | (imm >> 5) << 9 | (imm & 31) << 3 | rn.f(),
    ))
}

/// `bx rm`: branch to the address in a register (bit 0 must be set: Thumb).
pub fn bx(cx: Cx, rm: Reg) -> Result<Insn, Error> {
    cx.last_in_it("bx")?;
    Ok(Insn::Narrow(0x4700 | rm.f() << 3))
}

/// `blx rm`: call the address in a register.
pub fn blx(cx: Cx, rm: Reg) -> Result<Insn, Error> {
    cx.last_in_it("blx")?;
    not_pc("blx", &[rm])?;
    Ok(Insn::Narrow(0x4780 | rm.f() << 3))
}

/// `it{x{y{z}}} cond`: `pattern` is up to three of `t` (then) and `e` (else) for the
/// instructions after the first, e.g. `"te"` for `itte`. Returns the instruction and how
/// many instructions the block holds.
pub fn it(cx: Cx, cond: Cond, pattern: &str) -> Result<(Insn, u8), Error> {
    cx.v7("it")?;
    cx.not_in_it("it")?;
    if pattern.len() > 3 {
        return Err(Error::BadOperand {
            form: "it",
            why: "at most four instructions in an IT block",
        });
    }
    let c0 = cond.f() & 1;
    let mut mask = 0u16;
    for (i, ch) in pattern.bytes().enumerate() {
        let bit = match ch {
            b't' => c0,
            b'e' if cond != Cond::Al => c0 ^ 1,
            b'e' => {
                return Err(Error::BadOperand {
                    form: "it",
                    why: "al has no else",
                });
            }
            _ => {
                return Err(Error::BadOperand {
                    form: "it",
                    why: "pattern letters are t and e",
                });
            }
        };
        mask |= bit << (3 - i);
    }
    mask |= 1 << (3 - pattern.len());
    Ok((
        Insn::Narrow(0xBF00 | cond.f() << 4 | mask),
        pattern.len() as u8 + 1,
    ))
}

/// A hint instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hint {
    /// Do nothing.
    Nop,
    /// A spin-wait hint.
    Yield,
    /// Wait for event.
    Wfe,
    /// Wait for interrupt.
    Wfi,
    /// Send event.
    Sev,
}

/// `nop`, `yield`, `wfe`, `wfi` or `sev`.
pub fn hint(cx: Cx, hint: Hint) -> Result<Insn, Error> {
    Ok(Insn::Narrow(match hint {
        // GNU as gives `mov r8, r8` for nop below Thumb-2 (what pre-v6T2 cores need); ARMv6-M
        // runs either, and matching as keeps the golden bytes exact.
        Hint::Nop if cx.isa == Isa::ArmV6M => 0x46C0,
        Hint::Nop => 0xBF00,
        Hint::Yield => 0xBF10,
        Hint::Wfe => 0xBF20,
        Hint::Wfi => 0xBF30,
        Hint::Sev => 0xBF40,
    }))
}

/// `cpsie`/`cpsid` (`disable`) for PRIMASK (`i`) and FAULTMASK (`f`, ARMv7-M only).
pub fn cps(cx: Cx, disable: bool, i: bool, f: bool) -> Result<Insn, Error> {
    let form = if disable { "cpsid" } else { "cpsie" };
    cx.not_in_it(form)?;
    if !i && !f {
        return Err(Error::BadOperand {
            form,
            why: "needs i or f",
        });
    }
    if f {
        cx.v7("cps with f")?;
    }
    Ok(Insn::Narrow(
        0xB660 | (disable as u16) << 4 | (i as u16) << 1 | f as u16,
    ))
}

/// `mrs rd, sysreg`.
pub fn mrs(cx: Cx, rd: Reg, sr: SysReg) -> Result<Insn, Error> {
    not_sp_pc("mrs", &[rd])?;
    if !cx.isa.has_thumb2() && !sr.in_v6m() {
        return Err(Error::NotInIsa {
            form: "mrs of this register",
            isa: cx.isa,
        });
    }
    Ok(Insn::Wide(0xF3EF, 0x8000 | rd.f() << 8 | sr.sysm()))
}

/// `msr sysreg, rn` (for APSR, the `nzcvq` flags).
pub fn msr(cx: Cx, sr: SysReg, rn: Reg) -> Result<Insn, Error> {
    not_sp_pc("msr", &[rn])?;
    if !cx.isa.has_thumb2() && !sr.in_v6m() {
        return Err(Error::NotInIsa {
            form: "msr of this register",
            isa: cx.isa,
        });
    }
    Ok(Insn::Wide(0xF380 | rn.f(), 0x8800 | sr.sysm()))
}

/// A memory barrier, always with the full-system option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Barrier {
    /// Data synchronisation barrier.
    Dsb,
    /// Data memory barrier.
    Dmb,
    /// Instruction synchronisation barrier.
    Isb,
}

/// `dsb sy`, `dmb sy` or `isb sy`.
pub fn barrier(_cx: Cx, b: Barrier) -> Result<Insn, Error> {
    Ok(Insn::Wide(
        0xF3BF,
        match b {
            Barrier::Dsb => 0x8F4F,
            Barrier::Dmb => 0x8F5F,
            Barrier::Isb => 0x8F6F,
        },
    ))
}

/// `clrex`: clear the exclusive monitor.
pub fn clrex(cx: Cx) -> Result<Insn, Error> {
    cx.v7("clrex")?;
    Ok(Insn::Wide(0xF3BF, 0x8F2F))
}

/// A trap with an 8-bit immediate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trap {
    /// Breakpoint.
    Bkpt,
    /// Supervisor call.
    Svc,
    /// Permanently undefined.
    Udf,
}

/// `bkpt #imm`, `svc #imm` or `udf #imm`, imm 0–255 (`udf` up to 65535 on ARMv7-M, as
/// `udf.w`).
pub fn trap(cx: Cx, t: Trap, imm: u32) -> Result<Insn, Error> {
    let (form, base) = match t {
        Trap::Bkpt => ("bkpt", 0xBE00),
        Trap::Svc => ("svc", 0xDF00),
        Trap::Udf => ("udf", 0xDE00),
    };
    if t == Trap::Udf && imm > 255 && imm <= 0xffff && cx.isa.has_thumb2() {
        return Ok(Insn::Wide(
            0xF7F0 | (imm >> 12) as u16,
            0xA000 | (imm & 0xfff) as u16,
        ));
    }
    if imm > 255 {
        return Err(Error::ImmOutOfRange {
            form,
            value: imm.into(),
        });
    }
    Ok(Insn::Narrow(base | imm as u16))
}
