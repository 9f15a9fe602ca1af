//! Register roles for each ISA level: which registers the allocator may hand out (and in what
//! order of preference), the two scratch registers the instruction selector keeps for spilled
//! and constant operands, and the register holding the helper table.
//!
//! | level | allocatable | scratch | helper table |
//! |-------|-------------|---------|--------------|
//! | ARMv7-M, ARMv7E-M | r0–r10 (r11 too without calls) | ip, lr | r11 |
//! | ARMv6-M | r0, r1, r4–r6 (r7 too without calls) | r2, r3 | r7 |
//!
//! ARMv6-M's data-processing forms only name r0–r7, so everything lives in low registers
//! there. `lr` is free as a scratch because the prologue always saves it. Values live across
//! a call get callee-saved registers (r4–r11) only.

use alloc::vec::Vec;

use crate::isa::Isa;
use crate::reg::{LR, R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, Reg};

#[derive(Clone, Copy, Debug)]
pub(crate) struct Regs {
    pub isa: Isa,
    /// Whether the function calls helpers (and so needs the table register).
    pub has_calls: bool,
}

impl Regs {
    pub(crate) fn thumb2(&self) -> bool {
        self.isa.has_thumb2()
    }

    /// The callee-saved register holding the helper table's address.
    pub(crate) fn table(&self) -> Reg {
        if self.thumb2() { R11 } else { R7 }
    }

    /// The first scratch register (also where a result goes when its home is in memory).
    pub(crate) fn s1(&self) -> Reg {
        if self.thumb2() { R12 } else { R2 }
    }

    /// The second scratch register.
    pub(crate) fn s2(&self) -> Reg {
        if self.thumb2() { LR } else { R3 }
    }

    /// Allocatable registers, most preferred first: caller-saved low registers (free to use),
    /// then callee-saved low ones (one push each), then high ones (32-bit encodings).
    pub(crate) fn order(&self) -> Vec<Reg> {
        let all: &[Reg] = if self.thumb2() {
            &[R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11]
        } else {
            &[R0, R1, R4, R5, R6, R7]
        };
        all.iter()
            .copied()
            .filter(|&r| !(self.has_calls && r == self.table()))
            .collect()
    }

    /// The registers a value may live in, as a bit mask (`1 << n` for `rn`).
    pub(crate) fn allowed(&self, crosses_call: bool) -> u16 {
        self.order()
            .into_iter()
            .filter(|&r| !crosses_call || is_callee_saved(r))
            .fold(0, |m, r| m | 1 << r.num())
    }
}

/// r4–r11: preserved by AAPCS callees (the helpers), saved by our prologue when used.
pub(crate) fn is_callee_saved(r: Reg) -> bool {
    (4..=11).contains(&r.num())
}

/// The register with number `n`.
pub(crate) fn reg(n: u32) -> Reg {
    Reg::new(n as u8).unwrap_or(R0)
}
