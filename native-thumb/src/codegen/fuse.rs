//! Combining instructions of the backend's form before allocation: a comparison, overflow
//! check or bit test whose result only decides its block's branch moves into the branch (so
//! it becomes `cmp` + `b<cc>`, `adds` + `bvs`, `tst` + `bne`), and address arithmetic read
//! only by a load or store moves into its addressing mode.
//!
//! Both need the result folded away to be read nowhere else, which the live-out sets tell.

use alloc::vec::Vec;

use emit::ir::BinOp;

use super::bitset::BitSet;
use super::mir::{MInst, MTerm, Mir, Test, Val};

impl Mir {
    /// Moves a comparison, overflow check or bit test whose result only decides the block's
    /// branch into the branch.
    pub(crate) fn fuse(&mut self, live_out: &[BitSet]) {
        for (b, block) in self.blocks.iter_mut().enumerate() {
            let MTerm::Branch {
                test: Test::NonZero(Val::V(c)),
                then,
                else_,
            } = block.term
            else {
                continue;
            };
            if !block.reachable || live_out[b].contains(c as usize) {
                continue;
            }
            let test = match block.insts.last() {
                Some(MInst::Cmp { cond, dst, a, b }) if *dst == c => Test::Cmp {
                    cond: *cond,
                    a: *a,
                    b: *b,
                },
                Some(MInst::Ovf {
                    op,
                    dst,
                    ovf: Some(o),
                    a,
                    b,
                }) if *o == c && *dst != Some(c) => Test::Ovf {
                    op: *op,
                    dst: *dst,
                    a: *a,
                    b: *b,
                },
                Some(MInst::Bin {
                    op: BinOp::And,
                    dst,
                    a,
                    b: Val::K(mask),
                }) if *dst == c => Test::Tst { a: *a, mask: *mask },
                _ => continue,
            };
            block.insts.pop();
            block.term = MTerm::Branch { test, then, else_ };
        }
    }

    /// Folds the address arithmetic of a load or store into its addressing mode:
    /// `u = add p, #c; ldr [u]` becomes `ldr [p, #c]`, `u = add p, q; ldr [u]` becomes
    /// `ldr [p, q]`, and (Thumb-2) `t = shl x, #k; u = add p, t; ldr [u]` becomes
    /// `ldr [p, x, lsl #k]` for k up to 3, when the intermediate results are read nowhere else.
    pub(crate) fn fuse_addresses(&mut self, live_out: &[BitSet], thumb2: bool) {
        for (b, block) in self.blocks.iter_mut().enumerate() {
            if !block.reachable {
                continue;
            }
            let mut live = live_out[b].clone();
            if let Some(d) = block.term.def() {
                live.remove(d as usize);
            }
            block.term.for_each_use(|u| live.insert(u as usize));
            let insts = core::mem::take(&mut block.insts);
            let mut out = Vec::with_capacity(insts.len());
            let mut i = insts.len();
            while i > 0 {
                i -= 1;
                let mut inst = insts[i].clone();
                let consumed = fuse_address(&mut inst, &insts[..i], &live, thumb2);
                inst.for_each_def(|d| live.remove(d as usize));
                inst.for_each_use(|u| live.insert(u as usize));
                out.push(inst);
                i -= consumed;
            }
            out.reverse();
            block.insts = out;
        }
    }
}

/// Fuses the instructions before `inst` (the end of `before`) into its address; how many.
/// `live` is what is live after `inst`.
fn fuse_address(inst: &mut MInst, before: &[MInst], live: &BitSet, thumb2: bool) -> usize {
    let (base, offset, index, defines, src) = match inst {
        MInst::Load {
            base,
            offset,
            index,
            dst,
            ..
        } => (base, offset, index, *dst, None),
        MInst::Store {
            base,
            offset,
            index,
            src,
            ..
        } => (base, offset, index, None, Some(*src)),
        _ => return 0,
    };
    let (Val::V(t), None) = (*base, *index) else {
        return 0;
    };
    let Some(MInst::Bin {
        op: BinOp::Add,
        dst,
        a,
        b,
    }) = before.last()
    else {
        return 0;
    };
    // The sum must be read by this access only.
    if *dst != t || (live.contains(t as usize) && defines != Some(t)) || src == Some(Val::V(t)) {
        return 0;
    }
    match (*a, *b) {
        (Val::V(p), Val::K(c)) | (Val::K(c), Val::V(p)) => {
            let Some(off) = offset.checked_add(c as i32) else {
                return 0;
            };
            *base = Val::V(p);
            *offset = off;
            1
        }
        (Val::V(p), Val::V(q)) if *offset == 0 => {
            // Live after the add: what the access reads, and what is live after it.
            let live_after_add = |r: u32| {
                (live.contains(r as usize) && defines != Some(r)) || src == Some(Val::V(r))
            };
            let shifted = match before.len().checked_sub(2).map(|i| &before[i]) {
                Some(MInst::Bin {
                    op: BinOp::Shl,
                    dst: s,
                    a: Val::V(x),
                    b: Val::K(k),
                }) if thumb2 && *k <= 3 && p != q && !live_after_add(*s) => {
                    if *s == q {
                        Some((p, *x, *k as u8))
                    } else if *s == p {
                        Some((q, *x, *k as u8))
                    } else {
                        None
                    }
                }
                _ => None,
            };
            match shifted {
                Some((base_reg, x, k)) => {
                    *base = Val::V(base_reg);
                    *index = Some((x, k));
                    2
                }
                None => {
                    *base = Val::V(p);
                    *index = Some((q, 0));
                    1
                }
            }
        }
        _ => 0,
    }
}
