//! The IR verifier: the structural rules every backend relies on (terminated blocks, targets and
//! registers in range, helper arities, `Bool` flag registers) and that every register read is
//! definitely assigned on every path from the entry.

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use core::fmt::{self, Display, Formatter};

use crate::ir::{Block, Cond, Function, Inst, Term, Ty, VReg};
use crate::print::{inst_to_string, term_to_string};

/// Where in the function a [`VerifyError`] was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The function as a whole (its parameters, or it has no blocks).
    Function,
    /// Instruction `index` of `block`.
    Inst {
        /// The block.
        block: Block,
        /// Index into the block's instructions.
        index: usize,
    },
    /// The terminator of `block`.
    Term(Block),
}

/// A broken rule, with where it was broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The function's name.
    pub function: String,
    /// Where.
    pub location: Location,
    /// The printed instruction or terminator at the location (empty for [`Location::Function`]).
    pub text: String,
    /// What is wrong.
    pub message: String,
}

impl Display for VerifyError {
    fn fmt(&self, out: &mut Formatter<'_>) -> fmt::Result {
        write!(out, "function {}: ", self.function)?;
        match &self.location {
            Location::Function => {}
            Location::Inst { block, index } => {
                write!(out, "{block} inst {index} `{}`: ", self.text)?
            }
            Location::Term(block) => write!(out, "{block} terminator `{}`: ", self.text)?,
        }
        out.write_str(&self.message)
    }
}

/// Check `f`; the first broken rule is returned.
pub fn verify(f: &Function) -> Result<(), VerifyError> {
    let v = Verifier { f };
    v.structure()?;
    v.definite_assignment()
}

struct Verifier<'a> {
    f: &'a Function,
}

impl Verifier<'_> {
    fn err_fn(&self, message: String) -> VerifyError {
        VerifyError {
            function: self.f.name.clone(),
            location: Location::Function,
            text: String::new(),
            message,
        }
    }

    fn err_inst(&self, block: usize, index: usize, message: String) -> VerifyError {
        VerifyError {
            function: self.f.name.clone(),
            location: Location::Inst {
                block: Block(block as u32),
                index,
            },
            text: inst_to_string(self.f, &self.f.blocks[block].insts[index]),
            message,
        }
    }

    fn err_term(&self, block: usize, message: String) -> VerifyError {
        VerifyError {
            function: self.f.name.clone(),
            location: Location::Term(Block(block as u32)),
            text: term_to_string(&self.f.blocks[block].term),
            message,
        }
    }

    fn vreg_ok(&self, v: VReg) -> bool {
        (v.0 as usize) < self.f.vregs.len()
    }

    /// Everything but definite assignment.
    fn structure(&self) -> Result<(), VerifyError> {
        let f = self.f;
        if f.blocks.is_empty() {
            return Err(self.err_fn("the function has no blocks (needs an entry block)".into()));
        }
        for (i, p) in f.params.iter().enumerate() {
            if !self.vreg_ok(*p) {
                return Err(self.err_fn(alloc::format!(
                    "parameter {i} is {p}, but there are only {} registers",
                    f.vregs.len()
                )));
            }
            if f.params[..i].contains(p) {
                return Err(self.err_fn(alloc::format!("register {p} is given for two parameters")));
            }
        }
        for (bi, data) in f.blocks.iter().enumerate() {
            for (ii, inst) in data.insts.iter().enumerate() {
                for v in inst.uses().into_iter().chain(inst.defs()) {
                    if !self.vreg_ok(v) {
                        return Err(self.err_inst(
                            bi,
                            ii,
                            alloc::format!(
                                "register {v} is out of range (there are {} registers)",
                                f.vregs.len()
                            ),
                        ));
                    }
                }
                match inst {
                    Inst::Call { helper, args, .. } if args.len() != helper.arity() => {
                        return Err(self.err_inst(
                            bi,
                            ii,
                            alloc::format!(
                                "helper {} takes {} arguments, the call passes {}",
                                helper.name(),
                                helper.arity(),
                                args.len()
                            ),
                        ));
                    }
                    Inst::Cmp { dst, .. } | Inst::FloatCmp { dst, .. }
                        if f.ty(*dst) != Ty::Bool =>
                    {
                        return Err(self.err_inst(
                            bi,
                            ii,
                            alloc::format!(
                                "comparison result {dst} has type {}, not bool",
                                f.ty(*dst).name()
                            ),
                        ));
                    }
                    Inst::DivRem { quot, rem, .. } if quot == rem => {
                        return Err(self.err_inst(
                            bi,
                            ii,
                            alloc::format!("{quot} is both the quotient and the remainder"),
                        ));
                    }
                    Inst::FloatCmp {
                        cond: Cond::Ult | Cond::Ule | Cond::Ugt | Cond::Uge,
                        ..
                    } => {
                        return Err(self.err_inst(
                            bi,
                            ii,
                            "floats have no unsigned comparisons".into(),
                        ));
                    }
                    Inst::BinOvf { dst, ovf, .. } => {
                        if f.ty(*ovf) != Ty::Bool {
                            return Err(self.err_inst(
                                bi,
                                ii,
                                alloc::format!(
                                    "overflow flag {ovf} has type {}, not bool",
                                    f.ty(*ovf).name()
                                ),
                            ));
                        }
                        if dst == ovf {
                            return Err(self.err_inst(
                                bi,
                                ii,
                                alloc::format!("{dst} is both the result and the overflow flag"),
                            ));
                        }
                    }
                    _ => {}
                }
            }
            if data.term == Term::Unterminated {
                return Err(self.err_term(bi, "the block is not terminated".into()));
            }
            for v in data.term.uses() {
                if !self.vreg_ok(v) {
                    return Err(self.err_term(
                        bi,
                        alloc::format!(
                            "register {v} is out of range (there are {} registers)",
                            f.vregs.len()
                        ),
                    ));
                }
            }
            for t in data.term.successors() {
                if t.0 as usize >= f.blocks.len() {
                    return Err(self.err_term(
                        bi,
                        alloc::format!(
                            "target {t} is out of range (there are {} blocks)",
                            f.blocks.len()
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Every register read is assigned on every path from the entry to the read. A forward
    /// "definitely assigned" dataflow over the reachable blocks; unreachable blocks are not
    /// checked. Assumes [`Verifier::structure`] passed.
    fn definite_assignment(&self) -> Result<(), VerifyError> {
        let f = self.f;
        let n = f.blocks.len();
        let nregs = f.vregs.len();

        // Reachability and predecessors (reachable ones only).
        let mut reachable = vec![false; n];
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut order = Vec::with_capacity(n);
        let mut stack = vec![0usize];
        reachable[0] = true;
        while let Some(b) = stack.pop() {
            order.push(b);
            for s in f.blocks[b].term.successors() {
                let s = s.0 as usize;
                preds[s].push(b);
                if !reachable[s] {
                    reachable[s] = true;
                    stack.push(s);
                }
            }
        }
        order.sort_unstable();

        // What each block assigns.
        let mut defs: Vec<BitSet> = Vec::with_capacity(n);
        for data in &f.blocks {
            let mut d = BitSet::empty(nregs);
            for inst in &data.insts {
                for v in inst.defs() {
                    d.insert(v.0 as usize);
                }
            }
            defs.push(d);
        }

        let mut at_entry = BitSet::empty(nregs);
        for p in &f.params {
            at_entry.insert(p.0 as usize);
        }

        // `ins[b]`: definitely assigned on entry to b. Start at "everything" (except the entry,
        // which only has the parameters plus whatever every back edge brings) and shrink.
        let mut ins: Vec<BitSet> = (0..n).map(|_| BitSet::full(nregs)).collect();
        ins[0] = at_entry.clone();
        let mut changed = true;
        while changed {
            changed = false;
            for &b in &order {
                let mut new = if b == 0 {
                    at_entry.clone()
                } else {
                    BitSet::full(nregs)
                };
                for &p in &preds[b] {
                    let mut out = ins[p].clone();
                    out.union_with(&defs[p]);
                    new.intersect_with(&out);
                }
                if new != ins[b] {
                    ins[b] = new;
                    changed = true;
                }
            }
        }

        for &b in &order {
            let data = &f.blocks[b];
            let mut assigned = ins[b].clone();
            for (ii, inst) in data.insts.iter().enumerate() {
                for v in inst.uses() {
                    if !assigned.contains(v.0 as usize) {
                        return Err(self.err_inst(b, ii, not_assigned(v)));
                    }
                }
                for v in inst.defs() {
                    assigned.insert(v.0 as usize);
                }
            }
            for v in data.term.uses() {
                if !assigned.contains(v.0 as usize) {
                    return Err(self.err_term(b, not_assigned(v)));
                }
            }
        }
        Ok(())
    }
}

fn not_assigned(v: VReg) -> String {
    let mut s = v.to_string();
    s.push_str(" is read before it is assigned on some path from the entry");
    s
}

/// A fixed-size set of register indices.
#[derive(Clone, PartialEq, Eq)]
struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    fn empty(n: usize) -> BitSet {
        BitSet {
            words: vec![0; n.div_ceil(64)],
        }
    }

    fn full(n: usize) -> BitSet {
        let mut words = vec![u64::MAX; n.div_ceil(64)];
        if let Some(last) = words.last_mut()
            && !n.is_multiple_of(64)
        {
            *last = (1u64 << (n % 64)) - 1;
        }
        BitSet { words }
    }

    fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    fn contains(&self, i: usize) -> bool {
        self.words[i / 64] & (1 << (i % 64)) != 0
    }

    fn union_with(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    fn intersect_with(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }
}
