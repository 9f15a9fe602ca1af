//! Register allocation by graph colouring (Chaitin–Briggs), over virtual registers that are
//! variables rather than SSA values: each gets one home for the whole function — a register,
//! a stack slot, or (for a register holding one constant) nothing, the constant being
//! recomputed where it is read.
//!
//! 1. Build: walking each block backwards from its live-out set, a definition interferes with
//!    everything live after it, except registers known to hold the same value (a copy's
//!    source, other copies of it, and registers `copies` shows equal across blocks: Chaitin's
//!    refined rule, which lets copies share a register). Values live across a call may only take callee-saved
//!    registers.
//! 2. Coalesce copies, hottest first, when the two sides do not interfere and Briggs' or
//!    George's test says the merged node stays colourable; then rename the function and rebuild, since
//!    merging makes further copies coalescible, until nothing merges.
//! 3. Simplify and select with optimistic colouring: the colour chosen is a copy partner's
//!    (biased colouring), else the ABI register the value is passed in or returned in, else
//!    the first free one in the preference order. Uncoloured nodes are spilled: constants
//!    become rematerialised, the rest share stack slots when they don't interfere.

use alloc::collections::{BTreeMap, BinaryHeap};
use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Reverse;

use super::cfg::Cfg;
use super::copies::CopyValues;
use super::liveness;
use super::mir::{MInst, MTerm, Mir, Val};
use super::regs::{Regs, reg};
use crate::reg::Reg;

/// Where a virtual register lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Loc {
    /// Never read.
    None,
    Reg(Reg),
    /// Stack slot number (4 bytes each).
    Slot(u32),
    /// A constant, recomputed at each read.
    Remat(u32),
}

pub(crate) struct Alloc {
    pub locs: Vec<Loc>,
    pub nslots: u32,
    /// Bit `n` set when `rn` holds some value.
    pub used: u16,
    /// Most arguments of any call.
    pub max_args: usize,
}

struct Graph {
    adj: Vec<Vec<u32>>,
    present: Vec<bool>,
    crosses: Vec<bool>,
    cost: Vec<u64>,
    hint: Vec<Option<Reg>>,
    /// Holds a parameter (two parameters are never merged: each is moved in on entry).
    param: Vec<bool>,
    /// Copies `(dst, src, weight)`.
    moves: Vec<(u32, u32, u64)>,
}

const ROUNDS: usize = 8;

pub(crate) fn allocate(mir: &mut Mir, cfg: &Cfg, regs: &Regs) -> Alloc {
    let mut round = 0;
    let g = loop {
        let live = liveness::compute(mir, cfg);
        let mut g = Graph::build(mir, cfg, &live.live_in, &live.live_out);
        let parent = g.coalesce(mir, regs);
        let merged = parent.iter().enumerate().any(|(i, &p)| p as usize != i);
        if merged {
            mir.rename(|v| find(&parent, v));
        }
        round += 1;
        if !merged || round == ROUNDS {
            break g;
        }
    };
    g.colour(mir, regs)
}

fn find(parent: &[u32], mut v: u32) -> u32 {
    while parent[v as usize] != v {
        v = parent[v as usize];
    }
    v
}

fn insert_sorted(list: &mut Vec<u32>, v: u32) {
    if let Err(i) = list.binary_search(&v) {
        list.insert(i, v);
    }
}

fn remove_sorted(list: &mut Vec<u32>, v: u32) {
    if let Ok(i) = list.binary_search(&v) {
        list.remove(i);
    }
}

/// Value numbers within a block on top of the entry numbers of `copies`: for each copy
/// `d = s` (by instruction index), its number, and for each register defined in the block
/// the numbers it takes (instruction index, number). A definition only conflicts with live
/// registers holding a different value (Chaitin's refined interference).
struct BlockValues {
    copy: BTreeMap<usize, u32>,
    defs: BTreeMap<u32, Vec<(usize, u32)>>,
}

impl BlockValues {
    fn new(block: &super::mir::MBlock, b: usize, cv: &CopyValues) -> BlockValues {
        let mut bv = BlockValues {
            copy: BTreeMap::new(),
            defs: BTreeMap::new(),
        };
        // Numbers of definitions that are not copies: distinct from all entry numbers.
        let mut next = 0x8000_0000u32;
        for (i, inst) in block.insts.iter().enumerate() {
            match inst {
                MInst::Mov { dst, src } => {
                    let n = bv.value(cv, b, *src, i);
                    bv.copy.insert(i, n);
                    bv.defs.entry(*dst).or_default().push((i, n));
                }
                _ => inst.for_each_def(|d| {
                    bv.defs.entry(d).or_default().push((i, next));
                    next += 1;
                }),
            }
        }
        bv
    }

    /// The number `v` holds just before instruction `i`.
    fn value(&self, cv: &CopyValues, b: usize, v: u32, i: usize) -> u32 {
        self.defs
            .get(&v)
            .and_then(|d| d.iter().rev().find(|(at, _)| *at < i))
            .map_or_else(|| cv.at_entry(b, v), |&(_, n)| n)
    }
}

impl Graph {
    fn build(
        mir: &Mir,
        cfg: &Cfg,
        live_in: &[super::bitset::BitSet],
        live_out: &[super::bitset::BitSet],
    ) -> Graph {
        let nv = mir.nvregs;
        let mut g = Graph {
            adj: vec![Vec::new(); nv],
            present: vec![false; nv],
            crosses: vec![false; nv],
            cost: vec![0; nv],
            hint: vec![None; nv],
            param: vec![false; nv],
            moves: Vec::new(),
        };
        for &p in &mir.params {
            if let Some(x) = g.param.get_mut(p as usize) {
                *x = true;
            }
        }
        let edge = |adj: &mut Vec<Vec<u32>>, a: u32, b: u32| {
            if a != b {
                adj[a as usize].push(b);
                adj[b as usize].push(a);
            }
        };
        let copies = super::copies::analyse(mir, cfg);
        for (b, block) in mir.blocks.iter().enumerate() {
            if !block.reachable {
                continue;
            }
            let w = cfg.weight(mir, b);
            let mut live = live_out[b].clone();
            if let Some(d) = block.term.def() {
                g.present[d as usize] = true;
                g.cost[d as usize] += w;
                for l in live.iter() {
                    edge(&mut g.adj, d, l as u32);
                }
                live.remove(d as usize);
            }
            block.term.for_each_use(|u| {
                g.present[u as usize] = true;
                g.cost[u as usize] += w;
                live.insert(u as usize);
            });
            if let MTerm::Return(Val::V(v)) = block.term {
                g.hint[v as usize].get_or_insert(reg(0));
            }
            let values = BlockValues::new(block, b, &copies);
            for (i, inst) in block.insts.iter().enumerate().rev() {
                if let MInst::Mov { dst, src } = inst {
                    g.moves.push((*dst, *src, w));
                }
                // A copy does not conflict with registers holding the value it writes.
                let copied = values.copy.get(&i).copied();
                inst.for_each_def(|d| {
                    g.present[d as usize] = true;
                    g.cost[d as usize] += w;
                    for l in live.iter() {
                        let same =
                            copied.is_some_and(|n| values.value(&copies, b, l as u32, i + 1) == n);
                        if !same {
                            edge(&mut g.adj, d, l as u32);
                        }
                    }
                });
                if let MInst::Ovf {
                    dst: Some(d),
                    ovf: Some(o),
                    ..
                } = inst
                {
                    edge(&mut g.adj, *d, *o);
                }
                inst.for_each_def(|d| live.remove(d as usize));
                if let MInst::Call { args, dst, .. } = inst {
                    for l in live.iter() {
                        g.crosses[l] = true;
                    }
                    if let Some(d) = dst {
                        g.hint[*d as usize].get_or_insert(reg(0));
                    }
                    for (i, a) in args.iter().enumerate().take(4) {
                        if let Val::V(v) = a {
                            g.hint[*v as usize].get_or_insert(reg(i as u32));
                        }
                    }
                }
                inst.for_each_use(|u| {
                    g.present[u as usize] = true;
                    g.cost[u as usize] += w;
                    live.insert(u as usize);
                });
            }
        }
        // The parameters are all assigned at once on entry.
        if let Some(entry) = live_in.first() {
            let w = cfg.weight(mir, 0);
            for (i, &p) in mir.params.iter().enumerate() {
                if !entry.contains(p as usize) {
                    continue;
                }
                g.present[p as usize] = true;
                g.cost[p as usize] += w;
                for l in entry.iter() {
                    edge(&mut g.adj, p, l as u32);
                }
                if i < 4 {
                    g.hint[p as usize].get_or_insert(reg(i as u32));
                }
            }
        }
        for list in &mut g.adj {
            list.sort_unstable();
            list.dedup();
        }
        g
    }

    fn k(&self, regs: &Regs, v: u32) -> u32 {
        regs.allowed(self.crosses[v as usize]).count_ones()
    }

    /// Merges copy-related nodes; the union-find parents (every node its own when none).
    fn coalesce(&mut self, mir: &Mir, regs: &Regs) -> Vec<u32> {
        let nv = self.adj.len();
        let mut parent: Vec<u32> = (0..nv as u32).collect();
        let mut moves = core::mem::take(&mut self.moves);
        moves.sort_by_key(|m| Reverse(m.2));
        for &(d, s, _) in &moves {
            let (a, b) = (find(&parent, d), find(&parent, s));
            if a == b
                || mir.konst[a as usize].is_some()
                || mir.konst[b as usize].is_some()
                || (self.param[a as usize] && self.param[b as usize])
                || self.adj[a as usize].binary_search(&b).is_ok()
            {
                continue;
            }
            let crosses = self.crosses[a as usize] || self.crosses[b as usize];
            let k = regs.allowed(crosses).count_ones();
            if k == 0 {
                continue;
            }
            // Briggs: fewer than k neighbours of significant degree.
            let (la, lb) = (&self.adj[a as usize], &self.adj[b as usize]);
            let mut significant = 0;
            let (mut i, mut j) = (0, 0);
            while i < la.len() || j < lb.len() {
                let (n, both) = match (la.get(i), lb.get(j)) {
                    (Some(&x), Some(&y)) if x == y => {
                        i += 1;
                        j += 1;
                        (x, true)
                    }
                    (Some(&x), Some(&y)) if x < y => {
                        i += 1;
                        (x, false)
                    }
                    (Some(&x), None) => {
                        i += 1;
                        (x, false)
                    }
                    (_, Some(&y)) => {
                        j += 1;
                        (y, false)
                    }
                    (None, None) => break,
                };
                let deg = self.adj[n as usize].len() - both as usize;
                if deg as u32 >= self.k(regs, n) {
                    significant += 1;
                }
            }
            // George: every neighbour of one side already interferes with the other, or is
            // of insignificant degree.
            let george = |x: u32, y: u32| {
                self.adj[y as usize].iter().all(|&t| {
                    self.adj[x as usize].binary_search(&t).is_ok()
                        || (self.adj[t as usize].len() as u32) < self.k(regs, t)
                })
            };
            if significant >= k && !george(a, b) && !george(b, a) {
                continue;
            }
            // Merge b into a.
            parent[b as usize] = a;
            let nb = core::mem::take(&mut self.adj[b as usize]);
            for &n in &nb {
                remove_sorted(&mut self.adj[n as usize], b);
                insert_sorted(&mut self.adj[n as usize], a);
                insert_sorted(&mut self.adj[a as usize], n);
            }
            self.present[b as usize] = false;
            self.crosses[a as usize] = crosses;
            self.param[a as usize] |= self.param[b as usize];
            self.cost[a as usize] += self.cost[b as usize];
            if self.hint[a as usize].is_none() {
                self.hint[a as usize] = self.hint[b as usize];
            }
        }
        self.moves = moves
            .into_iter()
            .map(|(d, s, w)| (find(&parent, d), find(&parent, s), w))
            .filter(|(d, s, _)| d != s)
            .collect();
        parent
    }

    fn colour(&self, mir: &Mir, regs: &Regs) -> Alloc {
        let nv = self.adj.len();
        let nodes: Vec<u32> = (0..nv as u32)
            .filter(|&v| self.present[v as usize])
            .collect();
        let mut deg: Vec<usize> = self.adj.iter().map(Vec::len).collect();
        let mut removed = vec![false; nv];
        let mut stack = Vec::with_capacity(nodes.len());
        // Trivially colourable nodes, cheapest removed first: the expensive ones come off the
        // stack first in select and get the preferred (low) registers.
        let key = |v: u32| Reverse((self.cost[v as usize], v));
        let mut low: BinaryHeap<Reverse<(u64, u32)>> = nodes
            .iter()
            .copied()
            .filter(|&v| (deg[v as usize] as u32) < self.k(regs, v))
            .map(key)
            .collect();
        let mut left = nodes.len();
        let remove = |v: u32,
                      removed: &mut Vec<bool>,
                      deg: &mut Vec<usize>,
                      low: &mut BinaryHeap<Reverse<(u64, u32)>>,
                      stack: &mut Vec<u32>| {
            removed[v as usize] = true;
            stack.push(v);
            for &n in &self.adj[v as usize] {
                if !removed[n as usize] {
                    deg[n as usize] -= 1;
                    if deg[n as usize] as u32 + 1 == self.k(regs, n) {
                        low.push(key(n));
                    }
                }
            }
        };
        while left > 0 {
            if let Some(Reverse((_, v))) = low.pop() {
                if !removed[v as usize] {
                    remove(v, &mut removed, &mut deg, &mut low, &mut stack);
                    left -= 1;
                }
                continue;
            }
            // Blocked: push the cheapest node per degree optimistically.
            let spill_cost = |v: u32| {
                let c = self.cost[v as usize];
                if mir.konst[v as usize].is_some() {
                    c / 2
                } else {
                    c
                }
            };
            let mut best: Option<u32> = None;
            for &v in &nodes {
                if removed[v as usize] {
                    continue;
                }
                best = match best {
                    Some(b)
                        if (spill_cost(b) as u128) * (deg[v as usize] as u128 + 1)
                            <= (spill_cost(v) as u128) * (deg[b as usize] as u128 + 1) =>
                    {
                        Some(b)
                    }
                    _ => Some(v),
                };
            }
            let Some(v) = best else { break };
            remove(v, &mut removed, &mut deg, &mut low, &mut stack);
            left -= 1;
        }

        let mut partners = vec![Vec::new(); nv];
        for &(d, s, _) in &self.moves {
            partners[d as usize].push(s);
            partners[s as usize].push(d);
        }
        let order = regs.order();
        let mut colour: Vec<Option<Reg>> = vec![None; nv];
        let mut spilled = Vec::new();
        while let Some(v) = stack.pop() {
            let mut free = regs.allowed(self.crosses[v as usize]);
            for &n in &self.adj[v as usize] {
                if let Some(r) = colour[n as usize] {
                    free &= !(1 << r.num());
                }
            }
            if free == 0 {
                spilled.push(v);
                continue;
            }
            let ok = |r: Reg| free & (1 << r.num()) != 0;
            let pick = partners[v as usize]
                .iter()
                .filter_map(|&p| colour[p as usize])
                .find(|&r| ok(r))
                .or(self.hint[v as usize].filter(|&r| ok(r)))
                .or_else(|| order.iter().copied().find(|&r| ok(r)));
            colour[v as usize] = pick;
        }

        let mut locs = vec![Loc::None; nv];
        let mut used = 0u16;
        for &v in &nodes {
            if let Some(r) = colour[v as usize] {
                locs[v as usize] = Loc::Reg(r);
                used |= 1 << r.num();
            }
        }
        // Stack slots, first fit, a copy partner's slot first.
        let mut nslots = 0;
        for &v in &spilled {
            if let Some(c) = mir.konst[v as usize] {
                locs[v as usize] = Loc::Remat(c);
                continue;
            }
            let taken: Vec<u32> = self.adj[v as usize]
                .iter()
                .filter_map(|&n| match locs[n as usize] {
                    Loc::Slot(s) => Some(s),
                    _ => None,
                })
                .collect();
            let partner = partners[v as usize]
                .iter()
                .find_map(|&p| match locs[p as usize] {
                    Loc::Slot(s) if !taken.contains(&s) => Some(s),
                    _ => None,
                });
            let slot = partner.unwrap_or_else(|| (0..).find(|s| !taken.contains(s)).unwrap_or(0));
            nslots = nslots.max(slot + 1);
            locs[v as usize] = Loc::Slot(slot);
        }
        let max_args = mir
            .blocks
            .iter()
            .filter(|b| b.reachable)
            .flat_map(|b| b.insts.iter())
            .map(|i| match i {
                MInst::Call { args, .. } => args.len(),
                _ => 0,
            })
            .max()
            .unwrap_or(0);
        Alloc {
            locs,
            nslots,
            used,
            max_args,
        }
    }
}
