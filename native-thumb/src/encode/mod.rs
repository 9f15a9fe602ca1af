//! Pure instruction encoders: operands in, one 16- or 32-bit instruction out.
//!
//! Each public function takes a [`Cx`] (ISA level and IT-block position) and the operands in
//! assembly order, and returns the smallest encoding that means exactly what GNU as (unified
//! syntax) means by the same text, or an [`Error`] saying why none exists. Nothing here
//! panics on bad operands. Bit patterns follow the ARMv7-M Architecture Reference Manual
//! (DDI 0403E); the per-form builders are named after its encodings (`t1`, `t2`, ...).
//!
//! - [`data`]: moves, ALU, shifts, compares, multiply/divide, extend, bit fields, DSP.
//! - [`mem`]: loads and stores, exclusives, `push`/`pop`, PC-relative loads.
//! - [`control`]: branches (by byte offset), IT, hints, barriers, system registers.
//! - [`vfp`]: FPv4-SP single-precision floating point.

pub mod control;
pub mod data;
pub mod mem;
pub mod vfp;

use crate::error::Error;
use crate::isa::Isa;
use crate::operand::Flags;
use crate::reg::{PC, Reg, SP};

/// One encoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Insn {
    /// A 16-bit instruction.
    Narrow(u16),
    /// A 32-bit instruction: first halfword, second halfword.
    Wide(u16, u16),
}

impl Insn {
    /// Size in bytes: 2 or 4.
    pub const fn size(self) -> usize {
        match self {
            Insn::Narrow(_) => 2,
            Insn::Wide(..) => 4,
        }
    }

    /// Whether this is the 32-bit kind.
    pub const fn is_wide(self) -> bool {
        matches!(self, Insn::Wide(..))
    }

    /// The little-endian bytes as they sit in memory; only the first [`Insn::size`] count.
    pub const fn to_bytes(self) -> [u8; 4] {
        match self {
            Insn::Narrow(h) => {
                let b = h.to_le_bytes();
                [b[0], b[1], 0, 0]
            }
            Insn::Wide(h1, h2) => {
                let (a, b) = (h1.to_le_bytes(), h2.to_le_bytes());
                [a[0], a[1], b[0], b[1]]
            }
        }
    }
}

/// Where an instruction sits relative to an IT block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItPos {
    /// Not in an IT block.
    Outside,
    /// In an IT block, not its last instruction.
    Inside,
    /// The last instruction of an IT block.
    Last,
}

/// What an encoder needs to know besides the operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cx {
    /// The target ISA level.
    pub isa: Isa,
    /// The position relative to an IT block.
    pub it: ItPos,
}

impl Cx {
    /// An instruction outside any IT block.
    pub const fn new(isa: Isa) -> Cx {
        Cx {
            isa,
            it: ItPos::Outside,
        }
    }

    /// Whether a 16-bit form that "sets flags outside IT, not inside" means what `flags`
    /// asks for here.
    pub(crate) fn narrow_flags(self, flags: Flags) -> bool {
        match flags {
            Flags::Any => true,
            Flags::Set => self.it == ItPos::Outside,
            Flags::Keep => self.it != ItPos::Outside,
        }
    }

    /// Refuses a form that needs Thumb-2 (ARMv7-M) on ARMv6-M.
    pub(crate) fn v7(self, form: &'static str) -> Result<(), Error> {
        if self.isa.has_thumb2() {
            Ok(())
        } else {
            Err(Error::NotInIsa {
                form,
                isa: self.isa,
            })
        }
    }

    /// Refuses a DSP-extension form below ARMv7E-M.
    pub(crate) fn dsp(self, form: &'static str) -> Result<(), Error> {
        if self.isa.has_dsp() {
            Ok(())
        } else {
            Err(Error::NotInIsa {
                form,
                isa: self.isa,
            })
        }
    }

    /// Refuses a VFP form without an FPU.
    pub(crate) fn fpu(self, form: &'static str) -> Result<(), Error> {
        if self.isa.has_fpu() {
            Ok(())
        } else {
            Err(Error::NotInIsa {
                form,
                isa: self.isa,
            })
        }
    }

    /// Refuses anything that may not sit inside an IT block (`cbz`, `it`, `cps`, `b<cc>`).
    pub(crate) fn not_in_it(self, form: &'static str) -> Result<(), Error> {
        if self.it == ItPos::Outside {
            Ok(())
        } else {
            Err(Error::ItBlock {
                form,
                why: "not allowed in an IT block",
            })
        }
    }

    /// Refuses a branch (or a write to pc) in an IT block unless it is the block's last.
    pub(crate) fn last_in_it(self, form: &'static str) -> Result<(), Error> {
        if self.it == ItPos::Inside {
            Err(Error::ItBlock {
                form,
                why: "a branch must be the last instruction of an IT block",
            })
        } else {
            Ok(())
        }
    }
}

/// Encodes `v` as a Thumb-2 modified immediate (ThumbExpandImm in reverse), returning the
/// 12 bits `i:imm3:imm8`.
pub fn modified_imm(v: u32) -> Option<u32> {
    let b = v & 0xff;
    if v <= 0xff {
        return Some(v);
    }
    if v == b * 0x0001_0001 {
        return Some(0x100 | b);
    }
    let b1 = (v >> 8) & 0xff;
    if v == b1 * 0x0100_0100 {
        return Some(0x200 | b1);
    }
    if v == b * 0x0101_0101 {
        return Some(0x300 | b);
    }
    // An 8-bit value with its top bit set, rotated right by 8..=31.
    (8..32).find_map(|rot| {
        let unrot = v.rotate_left(rot);
        (unrot <= 0xff && unrot & 0x80 != 0).then_some((rot << 7) | (unrot & 0x7f))
    })
}

/// Places the 12 modified-immediate bits into a 32-bit data-processing instruction.
pub(crate) const fn with_imm12(hw1: u16, hw2: u16, imm12: u32) -> Insn {
    let i = ((imm12 >> 11) & 1) as u16;
    let imm3 = ((imm12 >> 8) & 7) as u16;
    let imm8 = (imm12 & 0xff) as u16;
    Insn::Wide(hw1 | i << 10, hw2 | imm3 << 12 | imm8)
}

/// Refuses `sp` and `pc`, which most 32-bit forms leave UNPREDICTABLE (ARM's "BadReg").
pub(crate) fn not_sp_pc(form: &'static str, regs: &[Reg]) -> Result<(), Error> {
    match regs.iter().find(|&&r| r == SP || r == PC) {
        Some(&reg) => Err(Error::BadRegister { form, reg }),
        None => Ok(()),
    }
}

/// Refuses `pc`.
pub(crate) fn not_pc(form: &'static str, regs: &[Reg]) -> Result<(), Error> {
    match regs.iter().find(|&&r| r == PC) {
        Some(&reg) => Err(Error::BadRegister { form, reg }),
        None => Ok(()),
    }
}

/// Whether all registers are `r0`–`r7`.
pub(crate) fn low(regs: &[Reg]) -> bool {
    regs.iter().all(|r| r.is_low())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modified_immediates() {
        assert_eq!(modified_imm(0xab), Some(0xab));
        assert_eq!(modified_imm(0x00ab_00ab), Some(0x1ab));
        assert_eq!(modified_imm(0xab00_ab00), Some(0x2ab));
        assert_eq!(modified_imm(0xabab_abab), Some(0x3ab));
        assert_eq!(modified_imm(0x100), Some(0xf80));
        assert_eq!(modified_imm(0x8000_0000), Some(0x400));
        assert_eq!(modified_imm(0x0000_0101), None);
        assert_eq!(modified_imm(0x1234), None);
    }
}
