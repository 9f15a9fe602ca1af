//! Block layout: which blocks need no code of their own (an empty block that only jumps on is
//! "forwarded": branches to it go straight to where it leads), and the order of the rest —
//! chains that let each block fall through to its likeliest successor, hot code first and
//! `cold` blocks last.

use alloc::vec;
use alloc::vec::Vec;

use super::cfg::Cfg;
use super::mir::{MInst, MTerm, Mir};
use super::regalloc::{Alloc, Loc};

/// An instruction that emits nothing under this allocation: a copy between two names for the
/// same home, or a constant whose register is never read or is recomputed at each read.
pub(crate) fn is_noop(inst: &MInst, alloc: &Alloc) -> bool {
    let loc = |v: u32| alloc.locs[v as usize];
    match inst {
        MInst::Mov { dst, src } => {
            let (d, s) = (loc(*dst), loc(*src));
            d == s && matches!(d, Loc::Reg(_) | Loc::Slot(_))
        }
        MInst::Const { dst, .. } => matches!(loc(*dst), Loc::None | Loc::Remat(_)),
        _ => false,
    }
}

/// For each block, the block that branches to it really go to.
pub(crate) fn forwarding(mir: &Mir, alloc: &Alloc) -> Vec<u32> {
    let n = mir.blocks.len();
    let next: Vec<Option<u32>> = mir
        .blocks
        .iter()
        .map(|b| match b.term {
            MTerm::Jump(t) if b.reachable && b.insts.iter().all(|i| is_noop(i, alloc)) => Some(t),
            _ => None,
        })
        .collect();
    (0..n as u32)
        .map(|b| {
            let mut at = b;
            // A chain of empty blocks longer than the function is a cycle: keep the block.
            for _ in 0..n {
                match next[at as usize] {
                    Some(t) => at = t,
                    None => return at,
                }
            }
            b
        })
        .collect()
}

/// The order to emit the blocks in: every reachable block that is not forwarded, the entry's
/// target first.
pub(crate) fn order(mir: &Mir, cfg: &Cfg, fwd: &[u32]) -> Vec<u32> {
    let n = mir.blocks.len();
    let mut placed = vec![false; n];
    let mut out = Vec::new();
    let chain = |start: u32, placed: &mut Vec<bool>, out: &mut Vec<u32>| {
        let mut b = start;
        loop {
            if placed[b as usize] {
                return;
            }
            placed[b as usize] = true;
            out.push(b);
            let block = &mir.blocks[b as usize];
            let cands: Vec<u32> = match &block.term {
                MTerm::Jump(t) => vec![*t],
                MTerm::Branch { then, else_, .. } => vec![*then, *else_],
                MTerm::Switch { default, .. } => vec![*default],
                MTerm::Return(_) => Vec::new(),
            };
            let next = cands
                .into_iter()
                .map(|c| fwd[c as usize])
                .find(|&c| !placed[c as usize] && (block.cold || !mir.blocks[c as usize].cold));
            match next {
                Some(c) => b = c,
                None => return,
            }
        }
    };
    chain(fwd[0], &mut placed, &mut out);
    for cold in [false, true] {
        for &b in &cfg.rpo {
            let data = &mir.blocks[b as usize];
            if data.cold == cold && fwd[b as usize] == b && !placed[b as usize] {
                chain(b, &mut placed, &mut out);
            }
        }
    }
    out
}
