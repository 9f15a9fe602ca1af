//! Liveness of the virtual registers: which are read later on some path, at each block's
//! entry and exit. Registers are variables here (several definitions each), so this is the
//! classic backward dataflow `in = use ∪ (out − def)`, `out = ∪ in(successors)`, iterated in
//! post-order to a fixpoint.

use alloc::vec::Vec;

use super::bitset::BitSet;
use super::cfg::Cfg;
use super::mir::Mir;

pub(crate) struct Liveness {
    pub live_in: Vec<BitSet>,
    pub live_out: Vec<BitSet>,
}

pub(crate) fn compute(mir: &Mir, cfg: &Cfg) -> Liveness {
    let n = mir.blocks.len();
    let nv = mir.nvregs;
    // Per block: registers read before any write (`gen`) and registers written (`kill`).
    let mut gen_ = Vec::with_capacity(n);
    let mut kill = Vec::with_capacity(n);
    for block in &mir.blocks {
        let mut g = BitSet::new(nv);
        let mut k = BitSet::new(nv);
        if block.reachable {
            // A fused overflow check reads its operands, then writes its result.
            if let Some(d) = block.term.def() {
                k.insert(d as usize);
            }
            block.term.for_each_use(|u| g.insert(u as usize));
            for inst in block.insts.iter().rev() {
                inst.for_each_def(|d| {
                    g.remove(d as usize);
                    k.insert(d as usize);
                });
                inst.for_each_use(|u| g.insert(u as usize));
            }
        }
        gen_.push(g);
        kill.push(k);
    }
    let mut live_in: Vec<BitSet> = (0..n).map(|_| BitSet::new(nv)).collect();
    let mut live_out: Vec<BitSet> = (0..n).map(|_| BitSet::new(nv)).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for &b in cfg.rpo.iter().rev() {
            let b = b as usize;
            let mut out = BitSet::new(nv);
            for &s in &cfg.succs[b] {
                out.union_with(&live_in[s as usize]);
            }
            // in = gen ∪ (out − kill)
            let mut inn = out.clone();
            for k in kill[b].iter() {
                inn.remove(k);
            }
            inn.union_with(&gen_[b]);
            if inn != live_in[b] {
                live_in[b] = inn;
                changed = true;
            }
            live_out[b] = out;
        }
    }
    Liveness { live_in, live_out }
}
