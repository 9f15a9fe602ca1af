//! Value numbers for copies across blocks: which registers provably hold the same value at a
//! block's entry, so the interference graph can let them share a register.
//!
//! Only registers that take part in some copy are tracked. A forward dataflow in reverse
//! post-order: a copy passes its source's number on; any other definition gets a number of
//! its own (one per instruction); at a join, registers whose incoming numbers agree keep them,
//! and the others get a number keyed by the tuple of incoming numbers, so two registers that
//! agree on every edge (a loop counter and its copy) still get the same one. An incoming
//! number equal to the register's own entry number (a loop leaving it alone) counts as
//! agreeing. At the fixpoint, equal numbers mean equal values on every path. If the iteration
//! does not settle, every entry number is made distinct (always sound).

use alloc::collections::BTreeMap;
use alloc::vec;
use alloc::vec::Vec;

use super::cfg::Cfg;
use super::mir::{MInst, Mir};

const NONE: u32 = u32::MAX;

pub(crate) struct CopyValues {
    /// Dense index of each tracked register, `NONE` for the others.
    pub index: Vec<u32>,
    /// Per block, the entry number of each tracked register.
    pub entry: Vec<Vec<u32>>,
}

impl CopyValues {
    /// The number of `v` at the entry of block `b` (distinct for untracked registers).
    pub(crate) fn at_entry(&self, b: usize, v: u32) -> u32 {
        match self.index.get(v as usize) {
            Some(&t) if t != NONE => self.entry[b][t as usize],
            _ => NONE - 1 - v,
        }
    }
}

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Def(u32, u32),
    Phi(u32, Vec<u32>),
}

struct Intern {
    map: BTreeMap<Key, u32>,
    next: u32,
}

impl Intern {
    fn get(&mut self, k: Key) -> u32 {
        let next = &mut self.next;
        *self.map.entry(k).or_insert_with(|| {
            *next += 1;
            *next - 1
        })
    }
}

const MAX_ROUNDS: usize = 24;

pub(crate) fn analyse(mir: &Mir, cfg: &Cfg) -> CopyValues {
    let n = mir.blocks.len();
    let mut index = vec![NONE; mir.nvregs];
    let mut nt = 0u32;
    for block in mir.blocks.iter().filter(|b| b.reachable) {
        for inst in &block.insts {
            if let MInst::Mov { dst, src } = inst {
                for v in [*dst, *src] {
                    if index[v as usize] == NONE {
                        index[v as usize] = nt;
                        nt += 1;
                    }
                }
            }
        }
    }
    let nt = nt as usize;
    let mut preds = vec![Vec::new(); n];
    for &b in &cfg.rpo {
        for &s in &cfg.succs[b as usize] {
            preds[s as usize].push(b);
        }
    }
    // Numbers below nt: the values on function entry.
    let mut ids = Intern {
        map: BTreeMap::new(),
        next: nt as u32,
    };
    let initial: Vec<u32> = (0..nt as u32).collect();
    let mut entry: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut exit: Vec<Option<Vec<u32>>> = vec![None; n];
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for &b in &cfg.rpo {
            let bi = b as usize;
            let old = core::mem::take(&mut entry[bi]);
            let mut incoming: Vec<&Vec<u32>> = preds[bi]
                .iter()
                .filter_map(|&p| exit[p as usize].as_ref())
                .collect();
            if bi == 0 {
                incoming.push(&initial);
            }
            let mut state = vec![0u32; nt];
            for (t, slot) in state.iter_mut().enumerate() {
                let own = old.get(t).copied().unwrap_or(NONE);
                let inc: Vec<u32> = incoming.iter().map(|e| e[t]).collect();
                let mut vals: Vec<u32> = inc.iter().copied().filter(|&x| x != own).collect();
                vals.sort_unstable();
                vals.dedup();
                *slot = match vals.len() {
                    0 if own != NONE => own,
                    0 => ids.get(Key::Def(b, u32::MAX - t as u32)),
                    1 => vals[0],
                    _ => {
                        // Numbers equal to the register's own entry number come back around
                        // a loop unchanged: mark them, so the key doesn't depend on itself.
                        let key = inc
                            .iter()
                            .map(|&x| if x == own { NONE } else { x })
                            .collect();
                        ids.get(Key::Phi(b, key))
                    }
                };
            }
            if state != old {
                changed = true;
            }
            entry[bi] = state.clone();
            let block = &mir.blocks[bi];
            for (i, inst) in block.insts.iter().enumerate() {
                match inst {
                    MInst::Mov { dst, src } => {
                        state[index[*dst as usize] as usize] = state[index[*src as usize] as usize];
                    }
                    _ => inst.for_each_def(|d| {
                        let t = index[d as usize];
                        if t != NONE {
                            state[t as usize] = ids.get(Key::Def(b, i as u32));
                        }
                    }),
                }
            }
            if let Some(d) = block.term.def() {
                let t = index[d as usize];
                if t != NONE {
                    state[t as usize] = ids.get(Key::Def(b, block.insts.len() as u32));
                }
            }
            if exit[bi].as_ref() != Some(&state) {
                exit[bi] = Some(state);
                changed = true;
            }
        }
        if !changed {
            return CopyValues { index, entry };
        }
    }
    // Did not settle: assume nothing across blocks.
    let mut next = 0u32;
    for e in &mut entry {
        for x in e.iter_mut() {
            *x = NONE - 1 - mir.nvregs as u32 - next;
            next += 1;
        }
    }
    CopyValues { index, entry }
}
