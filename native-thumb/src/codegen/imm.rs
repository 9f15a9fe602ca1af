//! Which constants each operation takes as an immediate, per ISA level: the one place both the
//! constant folding in `mir` (which decides that an operand stays a constant instead of a
//! register) and the instruction selector in `isel` (which then encodes it) agree on.
//!
//! These are cost decisions, not correctness ones: the selector can put any constant operand
//! in a scratch register, so a constant kept here only costs an instruction where no
//! immediate form turns out to fit.

use emit::ir::{BinOp, Cond, OvfOp, UnOp};

use crate::encode::modified_imm;
use crate::isa::Isa;

/// `b` as the immediate of `a op b`.
pub(crate) fn bin_b(isa: Isa, op: BinOp, b: u32) -> bool {
    let thumb2 = isa.has_thumb2();
    match op {
        BinOp::Add | BinOp::Sub => {
            let neg = b.wrapping_neg();
            if thumb2 {
                modified_imm(b).is_some() || modified_imm(neg).is_some() || b <= 4095 || neg <= 4095
            } else {
                b <= 255 || neg <= 255
            }
        }
        BinOp::And => {
            low_mask(b).is_some()
                || (thumb2 && (modified_imm(b).is_some() || modified_imm(!b).is_some()))
        }
        BinOp::Or => thumb2 && (modified_imm(b).is_some() || modified_imm(!b).is_some()),
        BinOp::Xor => thumb2 && modified_imm(b).is_some(),
        BinOp::Mul => b == 0 || b.is_power_of_two(),
        BinOp::Shl | BinOp::Sar | BinOp::Shr => true,
    }
}

/// Whether the operation commutes, so a constant left operand can become the right one.
pub(crate) fn commutes(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::Mul
    )
}

/// `a` as the immediate of `a - b` (`rsb`; without Thumb-2 only `neg`).
pub(crate) fn rsb_a(isa: Isa, a: u32) -> bool {
    if isa.has_thumb2() {
        modified_imm(a).is_some()
    } else {
        a == 0
    }
}

/// `b` as the immediate of the flag-setting `a op b` of an overflow check. `adds`/`subs` by a
/// negative immediate become the opposite operation on its magnitude, which sets V the same
/// way except for `i32::MIN`, whose magnitude is itself: that one stays in a register.
pub(crate) fn ovf_b(isa: Isa, op: OvfOp, b: u32) -> bool {
    if op == OvfOp::Mul || b == 0x8000_0000 {
        return false;
    }
    let neg = b.wrapping_neg();
    if isa.has_thumb2() {
        modified_imm(b).is_some() || modified_imm(neg).is_some()
    } else {
        b <= 255 || neg <= 255
    }
}

/// `b` as the immediate of `cmp a, #b` (`cmn` of the negation on Thumb-2).
pub(crate) fn cmp_b(isa: Isa, b: u32) -> bool {
    if isa.has_thumb2() {
        modified_imm(b).is_some() || modified_imm(b.wrapping_neg()).is_some()
    } else {
        b <= 255
    }
}

/// A constant one instruction puts in a register (so passing it to a call, storing it or
/// returning it costs no more than a register move would).
pub(crate) fn cheap(isa: Isa, v: u32) -> bool {
    if isa.has_thumb2() {
        modified_imm(v).is_some() || modified_imm(!v).is_some() || v <= 0xffff
    } else {
        v <= 255
    }
}

/// `k` when `v` is `2^k - 1` (a mask of the low `k` bits, `k` in 0..=32).
pub(crate) fn low_mask(v: u32) -> Option<u32> {
    if v == u32::MAX {
        Some(32)
    } else {
        (v.wrapping_add(1))
            .is_power_of_two()
            .then(|| (v + 1).trailing_zeros())
    }
}

/// `a op b` at 32 bits, as Cranelift computes it (shift amounts taken mod 32).
pub(crate) fn eval_bin(op: BinOp, a: u32, b: u32) -> u32 {
    match op {
        BinOp::Add => a.wrapping_add(b),
        BinOp::Sub => a.wrapping_sub(b),
        BinOp::Mul => a.wrapping_mul(b),
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::Shl => a << (b & 31),
        BinOp::Sar => ((a as i32) >> (b & 31)) as u32,
        BinOp::Shr => a >> (b & 31),
    }
}

/// The wrapped result and the signed-overflow flag of `a op b`.
pub(crate) fn eval_ovf(op: OvfOp, a: u32, b: u32) -> (u32, bool) {
    let (a, b) = (a as i32, b as i32);
    let (v, o) = match op {
        OvfOp::Add => a.overflowing_add(b),
        OvfOp::Sub => a.overflowing_sub(b),
        OvfOp::Mul => a.overflowing_mul(b),
    };
    (v as u32, o)
}

/// `op a`.
pub(crate) fn eval_un(op: UnOp, a: u32) -> u32 {
    match op {
        UnOp::Neg => a.wrapping_neg(),
        UnOp::Not => !a,
    }
}

/// `a cond b`.
pub(crate) fn eval_cmp(cond: Cond, a: u32, b: u32) -> bool {
    let (sa, sb) = (a as i32, b as i32);
    match cond {
        Cond::Eq => a == b,
        Cond::Ne => a != b,
        Cond::Lt => sa < sb,
        Cond::Le => sa <= sb,
        Cond::Gt => sa > sb,
        Cond::Ge => sa >= sb,
        Cond::Ult => a < b,
        Cond::Ule => a <= b,
        Cond::Ugt => a > b,
        Cond::Uge => a >= b,
    }
}

/// The condition with its operands swapped: `a cond b` is `b swap(cond) a`.
pub(crate) fn swap(cond: Cond) -> Cond {
    match cond {
        Cond::Eq | Cond::Ne => cond,
        Cond::Lt => Cond::Gt,
        Cond::Le => Cond::Ge,
        Cond::Gt => Cond::Lt,
        Cond::Ge => Cond::Le,
        Cond::Ult => Cond::Ugt,
        Cond::Ule => Cond::Uge,
        Cond::Ugt => Cond::Ult,
        Cond::Uge => Cond::Ule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_and_folding() {
        assert_eq!(low_mask(0), Some(0));
        assert_eq!(low_mask(0xffff), Some(16));
        assert_eq!(low_mask(u32::MAX), Some(32));
        assert_eq!(low_mask(0xfff0), None);
        assert_eq!(eval_bin(BinOp::Shl, 1, 33), 2);
        assert_eq!(eval_bin(BinOp::Sar, 0x8000_0000, 31), u32::MAX);
        assert_eq!(eval_ovf(OvfOp::Mul, 0x10000, 0x8000), (0x8000_0000, true));
        assert!(!ovf_b(Isa::ArmV7M, OvfOp::Add, 0x8000_0000));
        assert!(eval_cmp(swap(Cond::Ult), 5, 3));
    }
}
