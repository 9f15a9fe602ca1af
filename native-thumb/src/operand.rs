//! Operands other than registers: condition codes, shifted and immediate sources, memory
//! addresses, flag-setting choice and system registers.

use core::fmt;

use crate::reg::Reg;

/// A condition code, as in `b<cc>` and `it<x> <cc>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cond {
    /// Equal (Z set).
    Eq = 0,
    /// Not equal (Z clear).
    Ne = 1,
    /// Carry set / unsigned higher or same (`hs`).
    Cs = 2,
    /// Carry clear / unsigned lower (`lo`).
    Cc = 3,
    /// Negative.
    Mi = 4,
    /// Positive or zero.
    Pl = 5,
    /// Overflow.
    Vs = 6,
    /// No overflow.
    Vc = 7,
    /// Unsigned higher.
    Hi = 8,
    /// Unsigned lower or same.
    Ls = 9,
    /// Signed greater than or equal.
    Ge = 10,
    /// Signed less than.
    Lt = 11,
    /// Signed greater than.
    Gt = 12,
    /// Signed less than or equal.
    Le = 13,
    /// Always.
    Al = 14,
}

impl Cond {
    /// Unsigned higher or same: another name for `cs`.
    pub const HS: Cond = Cond::Cs;
    /// Unsigned lower: another name for `cc`.
    pub const LO: Cond = Cond::Cc;

    /// All fifteen conditions in encoding order.
    pub const ALL: [Cond; 15] = [
        Cond::Eq,
        Cond::Ne,
        Cond::Cs,
        Cond::Cc,
        Cond::Mi,
        Cond::Pl,
        Cond::Vs,
        Cond::Vc,
        Cond::Hi,
        Cond::Ls,
        Cond::Ge,
        Cond::Lt,
        Cond::Gt,
        Cond::Le,
        Cond::Al,
    ];

    /// The opposite condition; `al` has none and stays `al`.
    pub const fn invert(self) -> Cond {
        match self {
            Cond::Al => Cond::Al,
            c => Cond::ALL[(c as usize) ^ 1],
        }
    }

    /// The mnemonic suffix, e.g. `eq`.
    pub const fn name(self) -> &'static str {
        [
            "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le",
            "al",
        ][self as usize]
    }

    /// The condition named by a suffix (also `hs` and `lo`).
    pub fn from_name(name: &str) -> Option<Cond> {
        match name {
            "hs" => Some(Cond::HS),
            "lo" => Some(Cond::LO),
            _ => Cond::ALL.into_iter().find(|c| c.name() == name),
        }
    }

    pub(crate) const fn f(self) -> u16 {
        self as u16
    }
}

impl fmt::Display for Cond {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A shift applied to a register operand: `r2, lsl #3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shift {
    /// Logical shift left by 0–31.
    Lsl(u8),
    /// Logical shift right by 1–32.
    Lsr(u8),
    /// Arithmetic shift right by 1–32.
    Asr(u8),
    /// Rotate right by 1–31.
    Ror(u8),
    /// Rotate right by one through the carry flag.
    Rrx,
}

impl Shift {
    /// The 2-bit type field and the 5-bit amount field of a 32-bit shifted-register form, or
    /// `None` when the amount is out of range. A shift by 0 of any kind is `lsl #0`, as in
    /// GNU as (`ror #0` is not `rrx`).
    pub(crate) fn fields(self) -> Option<(u16, u16)> {
        match self {
            Shift::Lsl(0) | Shift::Lsr(0) | Shift::Asr(0) | Shift::Ror(0) => Some((0, 0)),
            Shift::Lsl(n) if n <= 31 => Some((0, n as u16)),
            Shift::Lsr(n) if (1..=32).contains(&n) => Some((1, n as u16 & 31)),
            Shift::Asr(n) if (1..=32).contains(&n) => Some((2, n as u16 & 31)),
            Shift::Ror(n) if (1..=31).contains(&n) => Some((3, n as u16)),
            Shift::Rrx => Some((3, 0)),
            _ => None,
        }
    }
}

/// The last operand of a data-processing instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Src {
    /// An immediate, taken as a 32-bit pattern (`#-1` is `#0xffffffff`).
    Imm(u32),
    /// A register.
    Reg(Reg),
    /// A register with a constant shift; only 32-bit forms take one, even for a shift by 0
    /// (except `mov`, where a shifted source is the shift instruction).
    Shifted(Reg, Shift),
}

impl From<Reg> for Src {
    fn from(r: Reg) -> Src {
        Src::Reg(r)
    }
}

impl From<u32> for Src {
    fn from(v: u32) -> Src {
        Src::Imm(v)
    }
}

impl From<i32> for Src {
    fn from(v: i32) -> Src {
        Src::Imm(v as u32)
    }
}

impl From<(Reg, Shift)> for Src {
    fn from((r, s): (Reg, Shift)) -> Src {
        Src::Shifted(r, s)
    }
}

/// A memory operand of a load or store.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mem {
    /// `[rn, #offset]`; `rn` may be `pc` for a literal load.
    Offset(Reg, i32),
    /// `[rn, rm, lsl #shift]`, shift 0–3.
    Index(Reg, Reg, u8),
    /// `[rn, #offset]!`: add first, write the address back.
    PreIndex(Reg, i32),
    /// `[rn], #offset`: use `rn`, then add.
    PostIndex(Reg, i32),
}

impl Mem {
    /// `[rn, #offset]`.
    pub const fn imm(rn: Reg, offset: i32) -> Mem {
        Mem::Offset(rn, offset)
    }

    /// `[rn, rm]`.
    pub const fn reg(rn: Reg, rm: Reg) -> Mem {
        Mem::Index(rn, rm, 0)
    }

    /// `[rn, rm, lsl #shift]`.
    pub const fn reg_lsl(rn: Reg, rm: Reg, shift: u8) -> Mem {
        Mem::Index(rn, rm, shift)
    }
}

impl From<Reg> for Mem {
    fn from(rn: Reg) -> Mem {
        Mem::Offset(rn, 0)
    }
}

impl From<(Reg, i32)> for Mem {
    fn from((rn, offset): (Reg, i32)) -> Mem {
        Mem::Offset(rn, offset)
    }
}

impl From<(Reg, Reg)> for Mem {
    fn from((rn, rm): (Reg, Reg)) -> Mem {
        Mem::Index(rn, rm, 0)
    }
}

/// Whether a data-processing instruction updates the condition flags.
///
/// Outside an IT block the 16-bit ALU forms set the flags and inside one they don't, so the
/// choice decides which encodings mean the instruction that was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flags {
    /// The flags must be left alone (`add`).
    Keep,
    /// The flags must be set (`adds`).
    Set,
    /// Either: take the smallest encoding (for code generators that don't read the flags).
    Any,
}

/// A special register for `mrs` and `msr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SysReg {
    /// The application status register (flags).
    Apsr,
    /// APSR and IPSR.
    Iapsr,
    /// APSR and EPSR.
    Eapsr,
    /// All three program status registers.
    Xpsr,
    /// The exception number being handled.
    Ipsr,
    /// The execution status register.
    Epsr,
    /// IPSR and EPSR.
    Iepsr,
    /// The main stack pointer.
    Msp,
    /// The process stack pointer.
    Psp,
    /// The interrupt mask.
    Primask,
    /// The base priority mask (ARMv7-M).
    Basepri,
    /// Conditional write of BASEPRI (ARMv7-M).
    BasepriMax,
    /// The fault mask (ARMv7-M).
    Faultmask,
    /// The control register.
    Control,
}

impl SysReg {
    /// The SYSm field.
    pub(crate) const fn sysm(self) -> u16 {
        match self {
            SysReg::Apsr => 0,
            SysReg::Iapsr => 1,
            SysReg::Eapsr => 2,
            SysReg::Xpsr => 3,
            SysReg::Ipsr => 5,
            SysReg::Epsr => 6,
            SysReg::Iepsr => 7,
            SysReg::Msp => 8,
            SysReg::Psp => 9,
            SysReg::Primask => 16,
            SysReg::Basepri => 17,
            SysReg::BasepriMax => 18,
            SysReg::Faultmask => 19,
            SysReg::Control => 20,
        }
    }

    /// Whether ARMv6-M has it: the priority masks other than PRIMASK came with ARMv7-M.
    pub(crate) const fn in_v6m(self) -> bool {
        !matches!(
            self,
            SysReg::Basepri | SysReg::BasepriMax | SysReg::Faultmask
        )
    }
}
