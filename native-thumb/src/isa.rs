//! ISA levels: which Cortex-M instruction set the encoder targets, and what each one has.
//!
//! Every encoder asks these questions instead of comparing levels, so adding a level (say
//! ARMv7E-M with double-precision FPv5 for the Cortex-M7) means answering them once here.

use core::fmt;

/// An M-profile instruction set level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Isa {
    /// ARMv6-M (Cortex-M0, M0+, M1): 16-bit Thumb plus `bl`, `mrs`, `msr` and barriers.
    ArmV6M,
    /// ARMv7-M (Cortex-M3): Thumb-2, hardware divide, IT blocks.
    ArmV7M,
    /// ARMv7E-M with the single-precision FPv4-SP unit (Cortex-M4F): adds the DSP
    /// instructions and VFP on `s0`–`s31`.
    ArmV7EMSP,
}

impl Isa {
    /// All levels, smallest first.
    pub const ALL: [Isa; 3] = [Isa::ArmV6M, Isa::ArmV7M, Isa::ArmV7EMSP];

    /// 32-bit Thumb-2 encodings, IT blocks, `cbz`, `movw`, divide and the rest of ARMv7-M.
    pub const fn has_thumb2(self) -> bool {
        !matches!(self, Isa::ArmV6M)
    }

    /// The ARMv7E-M DSP extension (saturating arithmetic, halfword multiplies, extend-and-add).
    pub const fn has_dsp(self) -> bool {
        matches!(self, Isa::ArmV7EMSP)
    }

    /// Single-precision VFP.
    pub const fn has_fpu(self) -> bool {
        matches!(self, Isa::ArmV7EMSP)
    }

    /// Double-precision VFP: none of the levels here has it.
    pub const fn has_fp64(self) -> bool {
        false
    }

    /// A short name: `v6m`, `v7m` or `v7em`.
    pub const fn name(self) -> &'static str {
        match self {
            Isa::ArmV6M => "v6m",
            Isa::ArmV7M => "v7m",
            Isa::ArmV7EMSP => "v7em",
        }
    }

    /// The level with the given short name.
    pub fn from_name(name: &str) -> Option<Isa> {
        Isa::ALL.into_iter().find(|isa| isa.name() == name)
    }
}

impl fmt::Display for Isa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Isa::ArmV6M => "ARMv6-M",
            Isa::ArmV7M => "ARMv7-M",
            Isa::ArmV7EMSP => "ARMv7E-M+FPv4-SP",
        })
    }
}
