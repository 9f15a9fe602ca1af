//! ARMv6-M's overflow-checking multiply, which has no `smull`: an out-of-line routine each
//! function that needs it places once after its code and calls with `bl`.
//!
//! In: `r2 = a`, `r3 = b`. Out: `r2` = the wrapped product, `r3` = 1 if the signed product
//! does not fit in 32 bits else 0, and Z clear exactly when it overflowed. Every other
//! register except `lr` is preserved.
//!
//! Method: on the magnitudes `|a|`, `|b|` (as unsigned), split in 16-bit halves. If both high
//! halves are non-zero the product is at least 2^32; otherwise, with `s` the operand below
//! 2^16 and `h:l` the other, the product is `(h*s << 16) + l*s`, where `h*s >= 2^16` or a
//! carry out of the sum also means at least 2^32. A magnitude below 2^32 fits when it is at
//! most `i32::MAX`, or `2^31` for a negative product.

use crate::asm::Assembler;
use crate::error::Error;
use crate::operand::Cond;
use crate::reg::{LR, PC, R0, R1, R2, R3, R4, R5, R6, R7, RegList};

pub(super) fn routine(a: &mut Assembler) -> Result<(), Error> {
    let saved = [R0, R1, R4, R5, R6, R7];
    let (small_b, overflow, done) = (a.new_label(), a.new_label(), a.new_label());
    let mut push = RegList::of(&saved).bits() | RegList::of(&[LR]).bits();
    a.push(RegList::from_bits(push))?;
    a.movs(R0, R2)?;
    a.muls(R0, R0, R3)?; // the wrapped product
    a.movs(R1, R2)?;
    a.eors(R1, R1, R3)?; // bit 31: the product is negative
    for r in [R2, R3] {
        a.asrs(R4, r, 31u32)?;
        a.eors(r, r, R4)?;
        a.subs(r, r, R4)?; // |r|
    }
    a.lsrs(R4, R2, 16u32)?;
    a.lsrs(R5, R3, 16u32)?;
    a.b_cond_n(Cond::Eq, small_b)?;
    a.cmp(R4, 0u32)?;
    a.b_cond_n(Cond::Ne, overflow)?;
    // |a| is the small one: swap, so that r3 is below 2^16.
    a.movs(R4, R5)?;
    a.movs(R5, R2)?;
    a.movs(R2, R3)?;
    a.movs(R3, R5)?;
    a.bind(small_b)?;
    // r3 < 2^16, r4 = r2 >> 16.
    a.uxth(R5, R2)?;
    a.muls(R4, R4, R3)?;
    a.lsrs(R6, R4, 16u32)?;
    a.b_cond_n(Cond::Ne, overflow)?;
    a.lsls(R4, R4, 16u32)?;
    a.muls(R5, R5, R3)?;
    a.adds(R4, R4, R5)?;
    a.b_cond_n(Cond::Cs, overflow)?;
    a.lsrs(R1, R1, 31u32)?;
    a.movs(R5, 1u32)?;
    a.lsls(R5, R5, 31u32)?;
    a.subs(R5, R5, 1u32)?;
    a.adds(R5, R5, R1)?; // the largest magnitude that fits
    a.cmp(R4, R5)?;
    a.b_cond_n(Cond::Hi, overflow)?;
    a.movs(R3, 0u32)?;
    a.b_n(done)?;
    a.bind(overflow)?;
    a.movs(R3, 1u32)?;
    a.bind(done)?;
    a.movs(R2, R0)?;
    a.cmp(R3, 0u32)?;
    push = push & !RegList::of(&[LR]).bits() | RegList::of(&[PC]).bits();
    a.pop(RegList::from_bits(push))
}
