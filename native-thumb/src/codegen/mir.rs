//! The backend's form of a function: the IR's blocks with constants folded into the operands
//! that take them, dead code removed, and (after coalescing) copies renamed away; `fuse`
//! combines instructions further.
//!
//! Invariant: every block the entry cannot reach has `reachable == false` and is never read
//! again; in reachable blocks every [`Val::V`] names a virtual register of the function.

use alloc::vec;
use alloc::vec::Vec;

use emit::ir::{BinOp, Cond, Function, Inst, OvfOp, Term, UnOp, VReg, Width};

use super::bitset::BitSet;
use super::imm;
use crate::isa::Isa;

/// An operand: a virtual register or a constant the instruction takes directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Val {
    V(u32),
    K(u32),
}

/// An instruction. `Option` destinations are `None` when the result is never read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum MInst {
    Const {
        dst: u32,
        imm: u32,
    },
    Mov {
        dst: u32,
        src: u32,
    },
    Bin {
        op: BinOp,
        dst: u32,
        a: Val,
        b: Val,
    },
    Ovf {
        op: OvfOp,
        dst: Option<u32>,
        ovf: Option<u32>,
        a: Val,
        b: Val,
    },
    Un {
        op: UnOp,
        dst: u32,
        a: Val,
    },
    Cmp {
        cond: Cond,
        dst: u32,
        a: Val,
        b: Val,
    },
    /// From `base + offset`, or `base + (index << shift)` (then `offset` is 0).
    Load {
        width: Width,
        signed: bool,
        dst: Option<u32>,
        base: Val,
        offset: i32,
        index: Option<(u32, u8)>,
    },
    Store {
        width: Width,
        src: Val,
        base: Val,
        offset: i32,
        index: Option<(u32, u8)>,
    },
    Call {
        /// Index into `Helper::ALL`.
        helper: u32,
        args: Vec<Val>,
        dst: Option<u32>,
    },
}

/// What a conditional branch tests.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Test {
    /// The value is not zero.
    NonZero(Val),
    /// A fused comparison.
    Cmp { cond: Cond, a: Val, b: Val },
    /// A fused overflow check: computes `dst = a op b` and branches when it overflowed.
    Ovf {
        op: OvfOp,
        dst: Option<u32>,
        a: Val,
        b: Val,
    },
    /// A fused `a & mask != 0`.
    Tst { a: Val, mask: u32 },
}

/// How a block ends.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum MTerm {
    Jump(u32),
    Branch {
        test: Test,
        then: u32,
        else_: u32,
    },
    Switch {
        v: Val,
        targets: Vec<u32>,
        default: u32,
    },
    Return(Val),
}

#[derive(Clone, Debug)]
pub(crate) struct MBlock {
    pub insts: Vec<MInst>,
    pub term: MTerm,
    pub cold: bool,
    pub reachable: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Mir {
    pub blocks: Vec<MBlock>,
    pub params: Vec<u32>,
    pub nvregs: usize,
    /// The value of each register assigned only once, by a constant (it can be recomputed
    /// instead of kept).
    pub konst: Vec<Option<u32>>,
}

fn each_val(v: &Val, f: &mut impl FnMut(u32)) {
    if let Val::V(x) = v {
        f(*x)
    }
}

impl MInst {
    pub(crate) fn for_each_use(&self, mut f: impl FnMut(u32)) {
        match self {
            MInst::Const { .. } => {}
            MInst::Mov { src, .. } => f(*src),
            MInst::Bin { a, b, .. } | MInst::Ovf { a, b, .. } | MInst::Cmp { a, b, .. } => {
                each_val(a, &mut f);
                each_val(b, &mut f);
            }
            MInst::Un { a, .. } => each_val(a, &mut f),
            MInst::Load { base, index, .. } => {
                each_val(base, &mut f);
                index.iter().for_each(|(x, _)| f(*x));
            }
            MInst::Store {
                src, base, index, ..
            } => {
                each_val(src, &mut f);
                each_val(base, &mut f);
                index.iter().for_each(|(x, _)| f(*x));
            }
            MInst::Call { args, .. } => args.iter().for_each(|a| each_val(a, &mut f)),
        }
    }

    pub(crate) fn for_each_def(&self, mut f: impl FnMut(u32)) {
        match self {
            MInst::Const { dst, .. }
            | MInst::Mov { dst, .. }
            | MInst::Bin { dst, .. }
            | MInst::Un { dst, .. }
            | MInst::Cmp { dst, .. } => f(*dst),
            MInst::Ovf { dst, ovf, .. } => {
                dst.iter().chain(ovf.iter()).for_each(|d| f(*d));
            }
            MInst::Load { dst, .. } | MInst::Call { dst, .. } => dst.iter().for_each(|d| f(*d)),
            MInst::Store { .. } => {}
        }
    }

    /// No effect besides writing its destinations.
    fn is_pure(&self) -> bool {
        matches!(
            self,
            MInst::Const { .. }
                | MInst::Mov { .. }
                | MInst::Bin { .. }
                | MInst::Ovf { .. }
                | MInst::Un { .. }
                | MInst::Cmp { .. }
        )
    }

    fn rename(&mut self, m: &impl Fn(u32) -> u32) {
        let v = |x: &mut Val| {
            if let Val::V(r) = x {
                *r = m(*r)
            }
        };
        let o = |x: &mut Option<u32>| {
            if let Some(r) = x {
                *r = m(*r)
            }
        };
        match self {
            MInst::Const { dst, .. } => *dst = m(*dst),
            MInst::Mov { dst, src } => {
                *dst = m(*dst);
                *src = m(*src);
            }
            MInst::Bin { dst, a, b, .. } | MInst::Cmp { dst, a, b, .. } => {
                *dst = m(*dst);
                v(a);
                v(b);
            }
            MInst::Ovf { dst, ovf, a, b, .. } => {
                o(dst);
                o(ovf);
                v(a);
                v(b);
            }
            MInst::Un { dst, a, .. } => {
                *dst = m(*dst);
                v(a);
            }
            MInst::Load {
                dst, base, index, ..
            } => {
                o(dst);
                v(base);
                if let Some((x, _)) = index {
                    *x = m(*x);
                }
            }
            MInst::Store {
                src, base, index, ..
            } => {
                v(src);
                v(base);
                if let Some((x, _)) = index {
                    *x = m(*x);
                }
            }
            MInst::Call { args, dst, .. } => {
                args.iter_mut().for_each(v);
                o(dst);
            }
        }
    }
}

impl MTerm {
    pub(crate) fn successors(&self) -> Vec<u32> {
        match self {
            MTerm::Jump(t) => vec![*t],
            MTerm::Branch { then, else_, .. } => vec![*then, *else_],
            MTerm::Switch {
                targets, default, ..
            } => targets.iter().copied().chain([*default]).collect(),
            MTerm::Return(_) => Vec::new(),
        }
    }

    pub(crate) fn for_each_use(&self, mut f: impl FnMut(u32)) {
        match self {
            MTerm::Jump(_) => {}
            MTerm::Branch { test, .. } => match test {
                Test::NonZero(a) | Test::Tst { a, .. } => each_val(a, &mut f),
                Test::Cmp { a, b, .. } | Test::Ovf { a, b, .. } => {
                    each_val(a, &mut f);
                    each_val(b, &mut f);
                }
            },
            MTerm::Switch { v, .. } | MTerm::Return(v) => each_val(v, &mut f),
        }
    }

    /// The register a fused overflow check writes.
    pub(crate) fn def(&self) -> Option<u32> {
        match self {
            MTerm::Branch {
                test: Test::Ovf { dst, .. },
                ..
            } => *dst,
            _ => None,
        }
    }

    fn rename(&mut self, m: &impl Fn(u32) -> u32) {
        let v = |x: &mut Val| {
            if let Val::V(r) = x {
                *r = m(*r)
            }
        };
        match self {
            MTerm::Jump(_) => {}
            MTerm::Branch { test, .. } => match test {
                Test::NonZero(a) | Test::Tst { a, .. } => v(a),
                Test::Cmp { a, b, .. } => {
                    v(a);
                    v(b);
                }
                Test::Ovf { dst, a, b, .. } => {
                    if let Some(d) = dst {
                        *d = m(*d);
                    }
                    v(a);
                    v(b);
                }
            },
            MTerm::Switch { v: x, .. } | MTerm::Return(x) => v(x),
        }
    }
}

/// Blocks reachable from the entry through `succ`.
fn reach(n: usize, succ: impl Fn(usize) -> Vec<u32>) -> Vec<bool> {
    let mut seen = vec![false; n];
    let mut stack = vec![0usize];
    if n > 0 {
        seen[0] = true;
    }
    while let Some(b) = stack.pop() {
        for s in succ(b) {
            let s = s as usize;
            if s < n && !seen[s] {
                seen[s] = true;
                stack.push(s);
            }
        }
    }
    seen
}

/// The function in the backend's form, constants folded for `isa`.
pub(crate) fn build(f: &Function, isa: Isa) -> Mir {
    let n = f.blocks.len();
    let nv = f.vregs.len();
    let reachable = reach(n, |b| {
        f.blocks[b].term.successors().iter().map(|b| b.0).collect()
    });

    // Registers with exactly one definition (in reachable code), a constant, and not a
    // parameter: their value is that constant wherever they are read.
    let mut defs = vec![0u32; nv];
    let mut value = vec![0u32; nv];
    for p in &f.params {
        if let Some(d) = defs.get_mut(p.0 as usize) {
            *d += 2;
        }
    }
    for (b, data) in f.blocks.iter().enumerate() {
        if !reachable[b] {
            continue;
        }
        for inst in &data.insts {
            if let Inst::Iconst { dst, imm } = inst {
                value[dst.0 as usize] = *imm as u32;
            }
            for d in inst.defs() {
                defs[d.0 as usize] += if matches!(inst, Inst::Iconst { .. }) {
                    1
                } else {
                    2
                };
            }
        }
    }
    let konst: Vec<Option<u32>> = (0..nv)
        .map(|v| (defs[v] == 1).then_some(value[v]))
        .collect();
    let k = |v: VReg| konst[v.0 as usize];
    let val = |v: VReg| Val::V(v.0);

    let blocks = f
        .blocks
        .iter()
        .enumerate()
        .map(|(b, data)| {
            if !reachable[b] {
                return MBlock {
                    insts: Vec::new(),
                    term: MTerm::Return(Val::K(0)),
                    cold: true,
                    reachable: false,
                };
            }
            let mut insts = Vec::with_capacity(data.insts.len());
            for inst in &data.insts {
                build_inst(isa, inst, &k, &mut insts);
            }
            let term = match &data.term {
                Term::Jump(t) => MTerm::Jump(t.0),
                Term::Branch { cond, then, else_ } => match k(*cond) {
                    _ if then == else_ => MTerm::Jump(then.0),
                    Some(c) => MTerm::Jump(if c != 0 { then.0 } else { else_.0 }),
                    None => MTerm::Branch {
                        test: Test::NonZero(val(*cond)),
                        then: then.0,
                        else_: else_.0,
                    },
                },
                Term::Switch {
                    v,
                    targets,
                    default,
                } => match k(*v) {
                    Some(c) => MTerm::Jump(targets.get(c as usize).unwrap_or(default).0),
                    None => MTerm::Switch {
                        v: val(*v),
                        targets: targets.iter().map(|t| t.0).collect(),
                        default: default.0,
                    },
                },
                Term::Return(v) => MTerm::Return(k(*v).map_or(val(*v), Val::K)),
                // The verifier rejects it; return 0 as Cranelift's backend does.
                Term::Unterminated => MTerm::Return(Val::K(0)),
            };
            MBlock {
                insts,
                term,
                cold: data.cold,
                reachable: true,
            }
        })
        .collect();
    let mut mir = Mir {
        blocks,
        params: f.params.iter().map(|p| p.0).collect(),
        nvregs: nv,
        konst,
    };
    mir.prune();
    mir
}

fn build_inst(isa: Isa, inst: &Inst, k: &impl Fn(VReg) -> Option<u32>, out: &mut Vec<MInst>) {
    let v = |r: VReg| Val::V(r.0);
    let cheap = |r: VReg| match k(r) {
        Some(c) if imm::cheap(isa, c) => Val::K(c),
        _ => Val::V(r.0),
    };
    let m = match inst {
        // `compile` refuses functions that have them.
        Inst::Float { .. }
        | Inst::FloatCmp { .. }
        | Inst::IntToFloat { .. }
        | Inst::DivRem { .. } => return,
        Inst::Iconst { dst, imm } => MInst::Const {
            dst: dst.0,
            imm: *imm as u32,
        },
        Inst::Mov { dst, src } => match k(*src) {
            Some(c) => MInst::Const { dst: dst.0, imm: c },
            None => MInst::Mov {
                dst: dst.0,
                src: src.0,
            },
        },
        Inst::Bin { op, dst, a, b } => {
            let (a, b) = match (k(*a), k(*b)) {
                (Some(x), Some(y)) => {
                    out.push(MInst::Const {
                        dst: dst.0,
                        imm: imm::eval_bin(*op, x, y),
                    });
                    return;
                }
                (_, Some(y)) if imm::bin_b(isa, *op, y) => (v(*a), Val::K(y)),
                (Some(x), _) if imm::commutes(*op) && imm::bin_b(isa, *op, x) => (v(*b), Val::K(x)),
                (Some(x), _) if *op == BinOp::Sub && imm::rsb_a(isa, x) => (Val::K(x), v(*b)),
                _ => (v(*a), v(*b)),
            };
            MInst::Bin {
                op: *op,
                dst: dst.0,
                a,
                b,
            }
        }
        Inst::BinOvf { op, dst, ovf, a, b } => {
            let (a, b) = match (k(*a), k(*b)) {
                (Some(x), Some(y)) => {
                    let (r, o) = imm::eval_ovf(*op, x, y);
                    out.push(MInst::Const { dst: dst.0, imm: r });
                    out.push(MInst::Const {
                        dst: ovf.0,
                        imm: o as u32,
                    });
                    return;
                }
                (_, Some(y)) if imm::ovf_b(isa, *op, y) => (v(*a), Val::K(y)),
                (Some(x), _) if *op == OvfOp::Add && imm::ovf_b(isa, *op, x) => (v(*b), Val::K(x)),
                (Some(x), _) if *op == OvfOp::Sub && imm::rsb_a(isa, x) => (Val::K(x), v(*b)),
                _ => (v(*a), v(*b)),
            };
            MInst::Ovf {
                op: *op,
                dst: Some(dst.0),
                ovf: Some(ovf.0),
                a,
                b,
            }
        }
        Inst::Un { op, dst, a } => match k(*a) {
            Some(x) => MInst::Const {
                dst: dst.0,
                imm: imm::eval_un(*op, x),
            },
            None => MInst::Un {
                op: *op,
                dst: dst.0,
                a: v(*a),
            },
        },
        Inst::Cmp { cond, dst, a, b } => {
            let (cond, a, b) = match (k(*a), k(*b)) {
                (Some(x), Some(y)) => {
                    out.push(MInst::Const {
                        dst: dst.0,
                        imm: imm::eval_cmp(*cond, x, y) as u32,
                    });
                    return;
                }
                (_, Some(y)) if imm::cmp_b(isa, y) => (*cond, v(*a), Val::K(y)),
                (Some(x), _) if imm::cmp_b(isa, x) => (imm::swap(*cond), v(*b), Val::K(x)),
                _ => (*cond, v(*a), v(*b)),
            };
            MInst::Cmp {
                cond,
                dst: dst.0,
                a,
                b,
            }
        }
        Inst::Load {
            width,
            signed,
            dst,
            base,
            offset,
        } => MInst::Load {
            width: *width,
            signed: *signed,
            dst: Some(dst.0),
            base: v(*base),
            offset: *offset,
            index: None,
        },
        Inst::Store {
            width,
            src,
            base,
            offset,
        } => MInst::Store {
            width: *width,
            src: cheap(*src),
            base: v(*base),
            offset: *offset,
            index: None,
        },
        Inst::Call { helper, args, dst } => MInst::Call {
            helper: emit::helpers::Helper::ALL
                .iter()
                .position(|h| h == helper)
                .unwrap_or(0) as u32,
            args: args.iter().map(|a| cheap(*a)).collect(),
            dst: dst.map(|d| d.0),
        },
    };
    out.push(m);
}

impl Mir {
    /// Marks the blocks the entry no longer reaches (after branches on constants were folded).
    fn prune(&mut self) {
        let seen = reach(self.blocks.len(), |b| {
            if self.blocks[b].reachable {
                self.blocks[b].term.successors()
            } else {
                Vec::new()
            }
        });
        for (b, s) in self.blocks.iter_mut().zip(seen) {
            if !s {
                b.reachable = false;
                b.insts.clear();
                b.term = MTerm::Return(Val::K(0));
            }
        }
    }

    /// Removes what `live_out` shows is never read: pure instructions whose results are all
    /// dead, and the dead results of the others. Whether anything changed.
    pub(crate) fn remove_dead(&mut self, live_out: &[BitSet]) -> bool {
        let mut changed = false;
        for (b, block) in self.blocks.iter_mut().enumerate() {
            if !block.reachable {
                continue;
            }
            let mut live = live_out[b].clone();
            if let Some(d) = block.term.def() {
                live.remove(d as usize);
            }
            block.term.for_each_use(|u| live.insert(u as usize));
            let mut keep = vec![true; block.insts.len()];
            for (i, inst) in block.insts.iter_mut().enumerate().rev() {
                let dead = |d: &mut Option<u32>, changed: &mut bool| {
                    if let Some(r) = *d
                        && !live.contains(r as usize)
                    {
                        *d = None;
                        *changed = true;
                    }
                };
                match inst {
                    MInst::Ovf { dst, ovf, .. } => {
                        dead(dst, &mut changed);
                        dead(ovf, &mut changed);
                    }
                    MInst::Load { dst, .. } | MInst::Call { dst, .. } => dead(dst, &mut changed),
                    _ => {}
                }
                let mut any_live = false;
                inst.for_each_def(|d| any_live |= live.contains(d as usize));
                if inst.is_pure() && !any_live {
                    keep[i] = false;
                    changed = true;
                    continue;
                }
                inst.for_each_def(|d| live.remove(d as usize));
                inst.for_each_use(|u| live.insert(u as usize));
            }
            let mut it = keep.iter();
            block.insts.retain(|_| *it.next().unwrap_or(&true));
        }
        changed
    }

    /// Renames every register through `m` and drops the copies that became `r = r`.
    pub(crate) fn rename(&mut self, m: impl Fn(u32) -> u32) {
        for block in self.blocks.iter_mut().filter(|b| b.reachable) {
            for inst in &mut block.insts {
                inst.rename(&m);
            }
            block
                .insts
                .retain(|i| !matches!(i, MInst::Mov { dst, src } if dst == src));
            block.term.rename(&m);
        }
        for p in &mut self.params {
            *p = m(*p);
        }
    }

    /// Whether any helper is called.
    pub(crate) fn has_calls(&self) -> bool {
        self.blocks
            .iter()
            .filter(|b| b.reachable)
            .any(|b| b.insts.iter().any(|i| matches!(i, MInst::Call { .. })))
    }
}
