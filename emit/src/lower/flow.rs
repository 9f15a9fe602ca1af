//! Control-flow facts about a code object's bytecode that the lowering needs before it emits
//! anything: which instructions are reachable, the value-stack depth at each, where basic blocks
//! start, where a suspended generator can be resumed, and which locals are certainly bound.

use alloc::vec;
use alloc::vec::Vec;
use frontend::bytecode::code::{CodeObject, decode, flags};
use frontend::bytecode::opcodes::Op;

/// The result of the analysis, indexed by instruction.
pub struct Flow {
    /// Stack depth on entry to each reachable instruction (`None`: unreachable).
    pub depth: Vec<Option<u32>>,
    /// Whether a basic block starts at each instruction.
    pub leader: Vec<bool>,
    /// Instructions a generator can be resumed at, with the stack held in the frame: the start,
    /// after each `YieldValue`, each `Send` target and each handler.
    pub resume: Vec<u32>,
    /// Per instruction, the locals certainly bound on entry to it (a bit per local), so reading
    /// them needs no `UnboundLocalError` check. Empty for unreachable instructions.
    pub bound: Vec<Vec<u64>>,
}

impl Flow {
    /// Whether local `local` is certainly bound when instruction `ip` starts.
    pub fn is_bound(&self, ip: usize, local: u32) -> bool {
        self.bound
            .get(ip)
            .and_then(|b| b.get(local as usize / 64))
            .is_some_and(|w| w & (1 << (local % 64)) != 0)
    }
}

/// Whether `op` never falls through to the next instruction.
pub fn is_terminal(op: Op) -> bool {
    matches!(op, Op::Jump | Op::ReturnValue | Op::Raise | Op::Reraise)
}

/// Whether `op` may jump to its operand.
pub fn is_jump(op: Op) -> bool {
    matches!(
        op,
        Op::Jump
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone
            | Op::ForIter
            | Op::Send
    )
}

/// Decode instruction `ip`.
pub fn op_at(code: &CodeObject, ip: usize) -> Option<(Op, u32)> {
    let (b, a) = decode(*code.code.get(ip)?);
    Some((Op::from_u8(b)?, a))
}

/// Analyse `code`; `None` if the bytecode is malformed (inconsistent stack depths, bad jumps).
pub fn analyse(code: &CodeObject) -> Option<Flow> {
    let n = code.code.len();
    let mut depth: Vec<Option<u32>> = vec![None; n];
    if n > 0 {
        depth[0] = Some(0);
    }
    let mut leader = vec![false; n + 1];
    let mut resume = vec![0u32];
    let mut work: Vec<(usize, u32)> = vec![(0, 0)];
    leader[0] = true;
    let set = |work: &mut Vec<(usize, u32)>, depth: &mut Vec<Option<u32>>, ip: usize, d: u32| {
        if ip >= n {
            return false;
        }
        match depth[ip] {
            Some(old) => old == d,
            None => {
                depth[ip] = Some(d);
                work.push((ip, d));
                true
            }
        }
    };
    loop {
        while let Some((ip, d)) = work.pop() {
            let (op, a) = op_at(code, ip)?;
            let next = d as i32 + op.stack_effect(a);
            if next < 0 {
                return None;
            }
            if is_jump(op) {
                let t = a as usize;
                let jd = d as i32 + op.jump_effect(a);
                if jd < 0 || !set(&mut work, &mut depth, t, jd as u32) {
                    return None;
                }
                leader[t] = true;
                leader[ip + 1] = true;
                if op == Op::Send && !resume.contains(&a) {
                    resume.push(a);
                }
            }
            if op == Op::YieldValue {
                leader[ip + 1] = true;
                resume.push(ip as u32 + 1);
            }
            if is_terminal(op) {
                leader[ip + 1] = true;
            } else if !set(&mut work, &mut depth, ip + 1, next as u32) {
                return None;
            }
        }
        // Handlers become reachable when any instruction they cover is.
        let mut more = false;
        for h in &code.exceptions {
            let covered = (h.start as usize..(h.end as usize).min(n)).any(|i| depth[i].is_some());
            let hi = h.handler as usize;
            if covered && hi < n && depth[hi].is_none() {
                set(&mut work, &mut depth, hi, h.depth + 1);
                leader[hi] = true;
                resume.push(h.handler);
                more = true;
            }
        }
        if !more {
            break;
        }
    }
    leader.truncate(n);
    let bound = definitely_bound(code, &depth)?;
    Some(Flow {
        depth,
        leader,
        resume,
        bound,
    })
}

/// Forward "definitely assigned" dataflow over the locals: parameters are bound on entry,
/// `StoreFast` binds, `DeleteFast` unbinds, and a join keeps what every path binds. A handler
/// sees only what is bound before every instruction it covers.
fn definitely_bound(code: &CodeObject, depth: &[Option<u32>]) -> Option<Vec<Vec<u64>>> {
    let n = code.code.len();
    let words = code.varnames.len().div_ceil(64);
    let mut params = code.argcount + code.kwonlyargcount;
    params += u32::from(code.flags & flags::VARARGS != 0);
    params += u32::from(code.flags & flags::VARKEYWORDS != 0);
    let mut entry = vec![0u64; words];
    for i in 0..(params as usize).min(code.varnames.len()) {
        entry[i / 64] |= 1 << (i % 64);
    }
    let mut state: Vec<Option<Vec<u64>>> = vec![None; n];
    let mut work = Vec::new();
    // Meet `incoming` into the state of `ip`; queue it if that changed anything.
    let merge =
        |state: &mut Vec<Option<Vec<u64>>>, work: &mut Vec<usize>, ip: usize, incoming: &[u64]| {
            if ip >= n || depth[ip].is_none() {
                return;
            }
            match &mut state[ip] {
                Some(old) => {
                    let mut changed = false;
                    for (o, i) in old.iter_mut().zip(incoming) {
                        let m = *o & i;
                        changed |= m != *o;
                        *o = m;
                    }
                    if changed {
                        work.push(ip);
                    }
                }
                slot @ None => {
                    *slot = Some(incoming.to_vec());
                    work.push(ip);
                }
            }
        };
    if n > 0 {
        merge(&mut state, &mut work, 0, &entry);
    }
    while let Some(ip) = work.pop() {
        let before = state[ip].clone()?;
        for h in &code.exceptions {
            if (h.start as usize..h.end as usize).contains(&ip) {
                merge(&mut state, &mut work, h.handler as usize, &before);
            }
        }
        let (op, a) = op_at(code, ip)?;
        let mut after = before;
        let bit = |a: u32| (a as usize / 64, 1u64 << (a % 64));
        match op {
            Op::StoreFast if (a as usize) < code.varnames.len() => {
                let (w, b) = bit(a);
                after[w] |= b;
            }
            Op::DeleteFast if (a as usize) < code.varnames.len() => {
                let (w, b) = bit(a);
                after[w] &= !b;
            }
            _ => {}
        }
        if is_jump(op) {
            merge(&mut state, &mut work, a as usize, &after);
        }
        if !is_terminal(op) {
            merge(&mut state, &mut work, ip + 1, &after);
        }
    }
    Some(state.into_iter().map(Option::unwrap_or_default).collect())
}
