//! The control-flow graph of the reachable blocks: successors, a reverse
//! post-order, and each block's loop depth (from the natural loops of the DFS back edges),
//! which weights spill costs and copy coalescing.

use alloc::vec;
use alloc::vec::Vec;

use super::mir::Mir;

pub(crate) struct Cfg {
    pub succs: Vec<Vec<u32>>,
    /// Reachable blocks, each before its successors except along back edges.
    pub rpo: Vec<u32>,
    pub depth: Vec<u32>,
}

impl Cfg {
    pub(crate) fn new(mir: &Mir) -> Cfg {
        let n = mir.blocks.len();
        let succs: Vec<Vec<u32>> = mir
            .blocks
            .iter()
            .map(|b| {
                if b.reachable {
                    let mut s = b.term.successors();
                    s.sort_unstable();
                    s.dedup();
                    s
                } else {
                    Vec::new()
                }
            })
            .collect();
        let mut preds = vec![Vec::new(); n];
        for (b, ss) in succs.iter().enumerate() {
            for &s in ss {
                preds[s as usize].push(b as u32);
            }
        }

        // Iterative DFS: post-order, and the back edges (to a block still on the stack).
        let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
        let mut post = Vec::with_capacity(n);
        let mut back = Vec::new();
        let mut stack: Vec<(u32, usize)> = Vec::new();
        if n > 0 {
            stack.push((0, 0));
            state[0] = 1;
        }
        while let Some(&mut (b, ref mut i)) = stack.last_mut() {
            if let Some(&s) = succs[b as usize].get(*i) {
                *i += 1;
                match state[s as usize] {
                    0 => {
                        state[s as usize] = 1;
                        stack.push((s, 0));
                    }
                    1 => back.push((b, s)),
                    _ => {}
                }
            } else {
                state[b as usize] = 2;
                post.push(b);
                stack.pop();
            }
        }
        let rpo: Vec<u32> = post.into_iter().rev().collect();

        // Natural loop of each header: the blocks that reach a back edge's tail without
        // passing the header.
        let mut depth = vec![0u32; n];
        back.sort_unstable_by_key(|&(_, h)| h);
        let mut i = 0;
        while i < back.len() {
            let h = back[i].1;
            let mut body = vec![false; n];
            body[h as usize] = true;
            let mut work = Vec::new();
            while i < back.len() && back[i].1 == h {
                let t = back[i].0;
                if !body[t as usize] {
                    body[t as usize] = true;
                    work.push(t);
                }
                i += 1;
            }
            while let Some(b) = work.pop() {
                for &p in &preds[b as usize] {
                    if !body[p as usize] && state[p as usize] == 2 {
                        body[p as usize] = true;
                        work.push(p);
                    }
                }
            }
            for (d, inside) in depth.iter_mut().zip(body) {
                *d += inside as u32;
            }
        }
        Cfg { succs, rpo, depth }
    }

    /// How much a block's instructions count: 8 per loop level, cold blocks hardly at all.
    pub(crate) fn weight(&self, mir: &Mir, b: usize) -> u64 {
        if mir.blocks[b].cold {
            1
        } else {
            8u64.pow(self.depth[b].min(6)) * 4
        }
    }
}
