//! Register names: core registers `r0`–`r15`, VFP registers `s0`–`s31` and `d0`–`d15`, and
//! register lists for `push`/`pop`.
//!
//! A value of these types is always a valid register number, so encoders only check which
//! registers a form allows, never whether a number exists.

use core::fmt;

/// A core register, `r0`–`r15`. `r13`–`r15` are also called `sp`, `lr` and `pc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg(u8);

impl Reg {
    /// Register `rN`, or `None` when `n > 15`.
    pub const fn new(n: u8) -> Option<Reg> {
        if n < 16 { Some(Reg(n)) } else { None }
    }

    /// The register number, 0–15.
    pub const fn num(self) -> u8 {
        self.0
    }

    /// `r0`–`r7`: the registers every 16-bit form can name.
    pub const fn is_low(self) -> bool {
        self.0 < 8
    }

    /// The number as an encoder field.
    pub(crate) const fn f(self) -> u16 {
        self.0 as u16
    }
}

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            13 => f.write_str("sp"),
            14 => f.write_str("lr"),
            15 => f.write_str("pc"),
            n => write!(f, "r{n}"),
        }
    }
}

/// A single-precision VFP register, `s0`–`s31`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SReg(u8);

impl SReg {
    /// Register `sN`, or `None` when `n > 31`.
    pub const fn new(n: u8) -> Option<SReg> {
        if n < 32 { Some(SReg(n)) } else { None }
    }

    /// The register number, 0–31.
    pub const fn num(self) -> u8 {
        self.0
    }
}

impl fmt::Display for SReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s{}", self.0)
    }
}

/// A double-precision VFP register, `d0`–`d15`. No ISA level here has double-precision
/// arithmetic; the type exists so that f64 forms can be asked for and refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DReg(u8);

impl DReg {
    /// Register `dN`, or `None` when `n > 15`.
    pub const fn new(n: u8) -> Option<DReg> {
        if n < 16 { Some(DReg(n)) } else { None }
    }

    /// The register number, 0–15.
    pub const fn num(self) -> u8 {
        self.0
    }
}

impl fmt::Display for DReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "d{}", self.0)
    }
}

macro_rules! reg_consts {
    ($ty:ident, $prefix:literal: $($name:ident = $n:literal),* $(,)?) => {
        $(
            #[doc = concat!("Register `", $prefix, stringify!($n), "`.")]
            pub const $name: $ty = $ty($n);
        )*
    };
}

reg_consts!(Reg, "r": R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, R5 = 5, R6 = 6, R7 = 7, R8 = 8,
    R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15);

/// The stack pointer, `r13`.
pub const SP: Reg = R13;
/// The link register, `r14`.
pub const LR: Reg = R14;
/// The program counter, `r15`.
pub const PC: Reg = R15;

reg_consts!(SReg, "s": S0 = 0, S1 = 1, S2 = 2, S3 = 3, S4 = 4, S5 = 5, S6 = 6, S7 = 7, S8 = 8,
    S9 = 9, S10 = 10, S11 = 11, S12 = 12, S13 = 13, S14 = 14, S15 = 15, S16 = 16, S17 = 17,
    S18 = 18, S19 = 19, S20 = 20, S21 = 21, S22 = 22, S23 = 23, S24 = 24, S25 = 25, S26 = 26,
    S27 = 27, S28 = 28, S29 = 29, S30 = 30, S31 = 31);

reg_consts!(DReg, "d": D0 = 0, D1 = 1, D2 = 2, D3 = 3, D4 = 4, D5 = 5, D6 = 6, D7 = 7, D8 = 8,
    D9 = 9, D10 = 10, D11 = 11, D12 = 12, D13 = 13, D14 = 14, D15 = 15);

/// A set of core registers, as `push`/`pop` take: bit `n` stands for `rN`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RegList(u16);

impl RegList {
    /// The set of the given registers.
    pub fn of(regs: &[Reg]) -> RegList {
        RegList(regs.iter().fold(0, |bits, r| bits | 1 << r.0))
    }

    /// The set whose bit `n` stands for `rN`.
    pub const fn from_bits(bits: u16) -> RegList {
        RegList(bits)
    }

    /// The bits of the set, bit `n` for `rN`.
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// Whether `r` is in the set.
    pub const fn contains(self, r: Reg) -> bool {
        self.0 & (1 << r.0) != 0
    }

    /// Number of registers in the set.
    pub const fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The only register in the set, if it holds exactly one.
    pub(crate) fn single(self) -> Option<Reg> {
        (self.len() == 1).then(|| Reg(self.0.trailing_zeros() as u8))
    }
}

impl fmt::Display for RegList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{")?;
        let mut first = true;
        for n in 0..16 {
            if self.0 & (1 << n) != 0 {
                if !first {
                    f.write_str(", ")?;
                }
                first = false;
                write!(f, "{}", Reg(n))?;
            }
        }
        f.write_str("}")
    }
}

impl<const N: usize> From<[Reg; N]> for RegList {
    fn from(regs: [Reg; N]) -> RegList {
        RegList::of(&regs)
    }
}

impl From<&[Reg]> for RegList {
    fn from(regs: &[Reg]) -> RegList {
        RegList::of(regs)
    }
}
