//! Control-flow facts about a code object's bytecode that the lowering needs before it emits
//! anything: which instructions are reachable, the value-stack depth at each, where basic blocks
//! start, and where a suspended generator can be resumed.

use alloc::vec;
use alloc::vec::Vec;
use frontend::bytecode::code::{CodeObject, decode};
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
    Some(Flow {
        depth,
        leader,
        resume,
    })
}
