//! Emission of one laid-out, allocated function into an [`Assembler`]: the frame (prologue,
//! epilogue, parameters), blocks and terminators, branches, helper calls, and on ARMv6-M the
//! placement of literal pools. The instructions themselves are selected in `isel`.
//!
//! Frame, from `sp` up: outgoing stack arguments, spill slots, padding to 8 bytes, then the
//! registers the prologue pushed (callee-saved ones used, the table register, `lr`), then the
//! caller's stack arguments. `sp` stays put between prologue and epilogue, so it is 8-byte
//! aligned at every call.
//!
//! Branch ranges: code is emitted in passes. Each branch to a block is a numbered *site*; a
//! pass records where each site and each block could be at most (`size_bound`), and the driver
//! raises the form of any site that might not reach (`levels`) and emits again, until every
//! site fits. The forms: on ARMv7-M only `cbz`/`cbnz`, which becomes `cmp` + `b<cc>` (other
//! branches relax in the assembler); on ARMv6-M, where nothing relaxes, `b<cc>.n`, then
//! `b<!cc>` over a `b.n`, then over a `bl` (a long jump: `lr` is saved by the prologue).

use alloc::vec;
use alloc::vec::Vec;

use super::mir::{MInst, MTerm, Mir, Test, Val};
use super::regalloc::{Alloc, Loc};
use super::regs::{Regs, is_callee_saved, reg};
use crate::asm::{Assembler, Label};
use crate::error::Error;
use crate::operand::{Cond, Mem};
use crate::reg::{LR, PC, R0, R3, R12, Reg, RegList, SP};

pub(super) type R<T = ()> = Result<T, Error>;

/// The stack frame of one function.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    pub push: u16,
    pub npush: u32,
    /// Bytes below the pushed registers.
    pub size: u32,
    /// Offset of spill slot 0 from `sp`.
    pub slot_base: u32,
}

impl Frame {
    pub(crate) fn new(regs: &Regs, alloc: &Alloc) -> Frame {
        let mut push = 1u16 << LR.num();
        for n in 0..16u32 {
            if alloc.used & (1 << n) != 0 && is_callee_saved(reg(n)) {
                push |= 1 << n;
            }
        }
        if regs.has_calls {
            push |= 1 << regs.table().num();
        }
        let out = 4 * alloc.max_args.saturating_sub(4) as u32;
        let below = out + 4 * alloc.nslots;
        if below == 0 && push.count_ones() % 2 == 1 {
            // Align with r3 (caller-saved, free on return) rather than `sub sp` / `add sp`.
            push |= 1 << 3;
        }
        let npush = push.count_ones();
        let size = (below + 4 * npush).next_multiple_of(8) - 4 * npush;
        Frame {
            push,
            npush,
            size,
            slot_base: out,
        }
    }

    pub(crate) fn slot(&self, s: u32) -> u32 {
        self.slot_base + 4 * s
    }

    /// Offset from `sp` of incoming parameter `i` (4 or more).
    pub(crate) fn incoming(&self, i: usize) -> u32 {
        self.size + 4 * self.npush + 4 * (i as u32 - 4)
    }

    /// The largest `sp` offset the function uses.
    pub(crate) fn max_offset(&self, nparams: usize) -> u32 {
        let slots = self.size.saturating_sub(4);
        if nparams > 4 {
            slots.max(self.incoming(nparams - 1))
        } else {
            slots
        }
    }
}

/// What kind of branch a site is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SiteKind {
    Cond,
    Uncond,
    Cbz,
}

/// A branch to a block, as emitted in one pass.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Site {
    pub pos: usize,
    pub target: u32,
    pub kind: SiteKind,
    /// Layout index of the block it is in.
    pub from: usize,
}

/// The result of one pass.
pub(crate) struct Pass {
    pub asm: Assembler,
    pub sites: Vec<Site>,
    pub block_pos: Vec<usize>,
}

/// An operand as the selector sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Opnd {
    Reg(Reg),
    /// `[sp, #offset]`.
    Slot(u32),
    Imm(u32),
}

pub(crate) struct Emitter<'a> {
    pub a: Assembler,
    pub regs: Regs,
    pub mir: &'a Mir,
    pub alloc: &'a Alloc,
    pub frame: Frame,
    fwd: &'a [u32],
    order: &'a [u32],
    /// Layout index of each block (`usize::MAX` when it is not laid out).
    index: Vec<usize>,
    cur: usize,
    labels: Vec<Label>,
    levels: &'a [u8],
    sites: Vec<Site>,
    block_pos: Vec<usize>,
    /// ARMv6-M: where the first literal since the last pool was loaded, and how many since.
    pool_since: Option<usize>,
    pool_count: usize,
    /// ARMv6-M: the out-of-line overflow-checking multiply, once used.
    pub(super) mulovf: Option<Label>,
}

/// Everything one pass needs.
pub(crate) struct Input<'a> {
    pub regs: Regs,
    pub mir: &'a Mir,
    pub alloc: &'a Alloc,
    pub frame: Frame,
    pub fwd: &'a [u32],
    pub order: &'a [u32],
    /// Which parameters are read before being assigned (need moving into their homes).
    pub param_live: &'a [bool],
    pub levels: &'a [u8],
}

pub(crate) fn pass(inp: &Input) -> R<Pass> {
    let mut a = Assembler::new(inp.regs.isa);
    let n = inp.mir.blocks.len();
    let labels = (0..n).map(|_| a.new_label()).collect();
    let mut index = vec![usize::MAX; n];
    for (i, &b) in inp.order.iter().enumerate() {
        index[b as usize] = i;
    }
    let mut e = Emitter {
        a,
        regs: inp.regs,
        mir: inp.mir,
        alloc: inp.alloc,
        frame: inp.frame,
        fwd: inp.fwd,
        order: inp.order,
        index,
        cur: 0,
        labels,
        levels: inp.levels,
        sites: Vec::new(),
        block_pos: vec![0; n],
        pool_since: None,
        pool_count: 0,
        mulovf: None,
    };
    e.prologue(inp.param_live)?;
    for (i, &b) in inp.order.iter().enumerate() {
        e.cur = i;
        e.a.bind(e.labels[b as usize])?;
        e.block_pos[b as usize] = e.a.size_bound();
        let block = &inp.mir.blocks[b as usize];
        for inst in &block.insts {
            if super::layout::is_noop(inst, inp.alloc) {
                continue;
            }
            e.pool_check()?;
            e.inst(inst)?;
        }
        e.pool_check()?;
        if e.term(&block.term)? {
            e.flush_pool()?;
        }
    }
    if let Some(l) = e.mulovf {
        e.flush_pool()?;
        e.a.bind(l)?;
        super::softmul::routine(&mut e.a)?;
    }
    Ok(Pass {
        asm: e.a,
        sites: e.sites,
        block_pos: e.block_pos,
    })
}

/// The form each site needs given where a pass put things (0 = the shortest).
pub(crate) fn relax(isa_thumb2: bool, p: &Pass, index: &[usize]) -> Vec<u8> {
    p.sites
        .iter()
        .map(|s| {
            let d = p.block_pos[s.target as usize] as i64 - s.pos as i64;
            match s.kind {
                SiteKind::Cbz => {
                    let forward = index[s.target as usize] > s.from;
                    u8::from(!(forward && (0..=120).contains(&d)))
                }
                _ if isa_thumb2 => 0,
                SiteKind::Cond if d.abs() <= 240 => 0,
                SiteKind::Cond if d.abs() <= 2000 => 1,
                SiteKind::Cond => 2,
                SiteKind::Uncond if d.abs() <= 2000 => 0,
                SiteKind::Uncond => 1,
            }
        })
        .collect()
}

impl Emitter<'_> {
    // ---- operands ----

    pub(super) fn opnd(&self, v: &Val) -> Opnd {
        match *v {
            Val::K(c) => Opnd::Imm(c),
            Val::V(x) => match self.alloc.locs[x as usize] {
                Loc::Reg(r) => Opnd::Reg(r),
                Loc::Slot(s) => Opnd::Slot(self.frame.slot(s)),
                Loc::Remat(c) => Opnd::Imm(c),
                Loc::None => Opnd::Imm(0),
            },
        }
    }

    /// Puts an operand in `rd`.
    pub(super) fn load_opnd(&mut self, rd: Reg, o: Opnd) -> R {
        match o {
            Opnd::Reg(r) => self.mov(rd, r),
            Opnd::Slot(off) => self.a.ldr(rd, Mem::Offset(SP, off as i32)),
            Opnd::Imm(c) => self.load_const(rd, c),
        }
    }

    /// The register holding `v`, loading it into `scratch` when it has none.
    pub(super) fn reg(&mut self, v: &Val, scratch: Reg) -> R<Reg> {
        match self.opnd(v) {
            Opnd::Reg(r) => Ok(r),
            o => {
                self.load_opnd(scratch, o)?;
                Ok(scratch)
            }
        }
    }

    /// The register to compute `d` in: its own, or `scratch` (then [`Emitter::put`] stores it).
    pub(super) fn dst(&self, d: Option<u32>, scratch: Reg) -> Reg {
        match d.map(|d| self.alloc.locs[d as usize]) {
            Some(Loc::Reg(r)) => r,
            _ => scratch,
        }
    }

    /// Moves a result computed in `r` to `d`'s home. Never touches the flags.
    pub(super) fn put(&mut self, d: Option<u32>, r: Reg) -> R {
        match d.map(|d| self.alloc.locs[d as usize]) {
            Some(Loc::Reg(x)) => self.mov(x, r),
            Some(Loc::Slot(s)) => self.a.str(r, Mem::Offset(SP, self.frame.slot(s) as i32)),
            _ => Ok(()),
        }
    }

    /// `mov rd, rs` unless they are the same (never sets flags).
    pub(super) fn mov(&mut self, rd: Reg, rs: Reg) -> R {
        if rd != rs { self.a.mov(rd, rs) } else { Ok(()) }
    }

    /// Loads a constant. May set the flags (so never between a compare and its use).
    pub(super) fn load_const(&mut self, rd: Reg, c: u32) -> R {
        if self.regs.thumb2() {
            return self.a.load_const(rd, c);
        }
        if c <= 255 {
            return self.a.movs(rd, c);
        }
        if !c <= 255 {
            self.a.movs(rd, !c)?;
            return self.a.mvns(rd, rd);
        }
        let k = c.trailing_zeros();
        if c >> k <= 255 {
            self.a.movs(rd, c >> k)?;
            return self.a.lsls(rd, rd, k);
        }
        if self.pool_since.is_none() {
            self.pool_since = Some(self.a.size_bound());
        }
        self.pool_count += 1;
        self.a.ldr_const(rd, c)
    }

    // ---- literal pools (ARMv6-M) ----

    /// Places the pending literals here, behind a branch, if they are about to go out of
    /// reach. Called between instructions only (never inside a flag-setting sequence).
    fn pool_check(&mut self) -> R {
        if let Some(since) = self.pool_since {
            let dist = self.a.size_bound() - since + 4 * self.pool_count;
            if dist + 300 > 1016 {
                let over = self.a.new_label();
                self.a.b_n(over)?;
                self.flush_pool()?;
                self.a.bind(over)?;
            }
        }
        Ok(())
    }

    /// Places the pending literals here (after an unconditional branch or return).
    fn flush_pool(&mut self) -> R {
        if self.pool_since.take().is_some() {
            self.pool_count = 0;
            self.a.ltorg()?;
        }
        Ok(())
    }

    // ---- frame ----

    fn adjust_sp(&mut self, delta: i64) -> R {
        let mut left = delta.unsigned_abs() as u32;
        let step_max = if self.regs.thumb2() { 4092 } else { 508 };
        while left > 0 {
            let step = left.min(step_max);
            if delta < 0 {
                self.a.sub(SP, SP, step)?;
            } else {
                self.a.add(SP, SP, step)?;
            }
            left -= step;
        }
        Ok(())
    }

    fn prologue(&mut self, param_live: &[bool]) -> R {
        self.a.push(RegList::from_bits(self.frame.push))?;
        self.adjust_sp(-i64::from(self.frame.size))?;
        if self.regs.has_calls {
            let off = 4 * emit::helpers::ctx::HELPERS as i32;
            self.a.ldr(self.regs.table(), Mem::Offset(R0, off))?;
        }
        let params: Vec<(usize, u32)> = self
            .mir
            .params
            .iter()
            .copied()
            .enumerate()
            .filter(|&(i, p)| {
                param_live.get(i).copied().unwrap_or(false) && (p as usize) < self.alloc.locs.len()
            })
            .collect();
        // In registers, to a slot; then register to register; then from the stack.
        for &(i, p) in &params {
            if let (true, Loc::Slot(s)) = (i < 4, self.alloc.locs[p as usize]) {
                self.a
                    .str(reg(i as u32), Mem::Offset(SP, self.frame.slot(s) as i32))?;
            }
        }
        let moves = params
            .iter()
            .filter_map(|&(i, p)| match (i < 4, self.alloc.locs[p as usize]) {
                (true, Loc::Reg(r)) => Some((r, reg(i as u32))),
                _ => None,
            })
            .collect();
        self.parallel_moves(moves)?;
        for &(i, p) in &params {
            if i < 4 {
                continue;
            }
            let from = Mem::Offset(SP, self.frame.incoming(i) as i32);
            match self.alloc.locs[p as usize] {
                Loc::Reg(r) => self.a.ldr(r, from)?,
                Loc::Slot(s) => {
                    let t = self.regs.s1();
                    self.a.ldr(t, from)?;
                    self.a.str(t, Mem::Offset(SP, self.frame.slot(s) as i32))?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn epilogue(&mut self) -> R {
        self.adjust_sp(i64::from(self.frame.size))?;
        let pop = self.frame.push & !(1 << LR.num()) | 1 << PC.num();
        self.a.pop(RegList::from_bits(pop))
    }

    /// Register-to-register moves done as if all at once (`lr` breaks cycles).
    fn parallel_moves(&mut self, mut moves: Vec<(Reg, Reg)>) -> R {
        moves.retain(|(d, s)| d != s);
        while !moves.is_empty() {
            let free = (0..moves.len()).find(|&i| !moves.iter().any(|m| m.1 == moves[i].0));
            match free {
                Some(i) => {
                    let (d, s) = moves.remove(i);
                    self.a.mov(d, s)?;
                }
                None => {
                    let d = moves[0].0;
                    self.a.mov(LR, d)?;
                    for m in &mut moves {
                        if m.1 == d {
                            m.1 = LR;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    // ---- calls ----

    fn helper_addr(&mut self, rd: Reg, off: u32) -> R {
        let t = self.regs.table();
        if self.regs.thumb2() || off <= 124 {
            self.a.ldr(rd, Mem::Offset(t, off as i32))
        } else {
            self.load_const(rd, off)?;
            self.a.ldr(rd, Mem::Index(t, rd, 0))
        }
    }

    pub(super) fn call(&mut self, helper: u32, args: &[Val], dst: Option<u32>) -> R {
        let off = 4 * helper;
        let t2 = self.regs.thumb2();
        // ARMv6-M with r3 taken by an argument: the address waits in ip.
        let via_ip = !t2 && args.len() >= 4;
        if via_ip {
            self.helper_addr(R3, off)?;
            self.a.mov(R12, R3)?;
        }
        for (i, a) in args.iter().enumerate().skip(4) {
            let r = self.reg(a, self.regs.s1())?;
            self.a.str(r, Mem::Offset(SP, 4 * (i as i32 - 4)))?;
        }
        let mut moves = Vec::new();
        let mut loads = Vec::new();
        for (i, a) in args.iter().enumerate().take(4) {
            match self.opnd(a) {
                Opnd::Reg(r) => moves.push((reg(i as u32), r)),
                o => loads.push((reg(i as u32), o)),
            }
        }
        self.parallel_moves(moves)?;
        for (d, o) in loads {
            self.load_opnd(d, o)?;
        }
        if t2 {
            self.helper_addr(R12, off)?;
            self.a.blx(R12)?;
        } else if via_ip {
            self.a.blx(R12)?;
        } else {
            self.helper_addr(R3, off)?;
            self.a.blx(R3)?;
        }
        self.put(dst, R0)
    }

    // ---- branches ----

    fn next(&self) -> Option<u32> {
        self.order.get(self.cur + 1).copied()
    }

    fn forward(&self, target: u32) -> bool {
        let i = self.index[target as usize];
        i != usize::MAX && i > self.cur
    }

    /// `b<cond>` to a block.
    pub(super) fn jump(&mut self, cond: Cond, target: u32) -> R {
        let l = self.labels[target as usize];
        if self.regs.thumb2() {
            return self.a.b_cond(cond, l);
        }
        let level = self.levels.get(self.sites.len()).copied().unwrap_or(0);
        self.sites.push(Site {
            pos: self.a.size_bound(),
            target,
            kind: if cond == Cond::Al {
                SiteKind::Uncond
            } else {
                SiteKind::Cond
            },
            from: self.cur,
        });
        match (cond, level) {
            (Cond::Al, 0) => self.a.b_n(l),
            (Cond::Al, _) => self.a.bl(l),
            (c, 0) => self.a.b_cond_n(c, l),
            (c, lv) => {
                let skip = self.a.new_label();
                self.a.b_cond_n(c.invert(), skip)?;
                if lv == 1 {
                    self.a.b_n(l)?;
                } else {
                    self.a.bl(l)?;
                }
                self.a.bind(skip)
            }
        }
    }

    /// `cbz`/`cbnz r` to a later block (ARMv7-M), or `cmp` + `b<cc>` when out of reach.
    fn cbz(&mut self, nonzero: bool, r: Reg, target: u32) -> R {
        let level = self.levels.get(self.sites.len()).copied().unwrap_or(0);
        self.sites.push(Site {
            pos: self.a.size_bound(),
            target,
            kind: SiteKind::Cbz,
            from: self.cur,
        });
        let l = self.labels[target as usize];
        if level == 0 {
            if nonzero {
                self.a.cbnz(r, l)
            } else {
                self.a.cbz(r, l)
            }
        } else {
            self.a.cmp(r, 0u32)?;
            self.a.b_cond(if nonzero { Cond::Ne } else { Cond::Eq }, l)
        }
    }

    /// Goes to a block unless it comes next; whether a branch was emitted.
    fn goto(&mut self, target: u32) -> R<bool> {
        if self.next() == Some(target) {
            Ok(false)
        } else {
            self.jump(Cond::Al, target)?;
            Ok(true)
        }
    }

    /// A register a test compares with zero, for `cbz`/`cbnz`, and whether it branches when
    /// the register is non-zero.
    fn cbz_operand(&self, test: &Test) -> Option<(Reg, bool)> {
        let (v, nonzero) = match test {
            Test::NonZero(v) => (v, true),
            Test::Cmp {
                cond: emit::ir::Cond::Eq,
                a,
                b: Val::K(0),
            } => (a, false),
            Test::Cmp {
                cond: emit::ir::Cond::Ne,
                a,
                b: Val::K(0),
            } => (a, true),
            _ => return None,
        };
        match self.opnd(v) {
            Opnd::Reg(r) if r.is_low() => Some((r, nonzero)),
            _ => None,
        }
    }

    /// Emits a terminator; whether it ends in an unconditional transfer.
    fn term(&mut self, term: &MTerm) -> R<bool> {
        match term {
            MTerm::Jump(t) => self.goto(self.fwd[*t as usize]),
            MTerm::Return(v) => {
                let o = self.opnd(v);
                self.load_opnd(R0, o)?;
                self.epilogue()?;
                Ok(true)
            }
            MTerm::Switch {
                v,
                targets,
                default,
            } => {
                let d = self.fwd[*default as usize];
                let r = self.reg(v, self.regs.s1())?;
                for (i, t) in targets.iter().enumerate() {
                    let t = self.fwd[*t as usize];
                    if t == d {
                        continue;
                    }
                    self.pool_check()?;
                    self.cmp_imm(r, i as u32)?;
                    self.jump(Cond::Eq, t)?;
                }
                self.goto(d)
            }
            MTerm::Branch { test, then, else_ } => {
                let (t, e) = (self.fwd[*then as usize], self.fwd[*else_ as usize]);
                if t == e {
                    if let Test::Ovf { op, dst, a, b } = test {
                        self.ovf(*op, *dst, None, a, b)?;
                    }
                    return self.goto(t);
                }
                let next = self.next();
                if self.regs.thumb2()
                    && let Some((r, nonzero)) = self.cbz_operand(test)
                {
                    if next == Some(e) && self.forward(t) {
                        self.cbz(nonzero, r, t)?;
                        return Ok(false);
                    }
                    if next == Some(t) && self.forward(e) {
                        self.cbz(!nonzero, r, e)?;
                        return Ok(false);
                    }
                    if self.forward(t) {
                        self.cbz(nonzero, r, t)?;
                        return self.goto(e);
                    }
                }
                let cc = self.test(test)?;
                if next == Some(e) {
                    self.jump(cc, t)?;
                    Ok(false)
                } else if next == Some(t) {
                    self.jump(cc.invert(), e)?;
                    Ok(false)
                } else {
                    self.jump(cc, t)?;
                    self.jump(Cond::Al, e)?;
                    Ok(true)
                }
            }
        }
    }

    /// Sets the flags for a test; the condition that means "taken".
    fn test(&mut self, test: &Test) -> R<Cond> {
        match test {
            Test::NonZero(v) => {
                let r = self.reg(v, self.regs.s1())?;
                self.a.cmp(r, 0u32)?;
                Ok(Cond::Ne)
            }
            Test::Cmp { cond, a, b } => self.compare(*cond, a, b),
            Test::Ovf { op, dst, a, b } => self.ovf(*op, *dst, None, a, b),
            Test::Tst { a, mask } => self.tst(a, *mask),
        }
    }

    fn inst(&mut self, inst: &MInst) -> R {
        match inst {
            MInst::Const { dst, imm } => {
                let rd = self.dst(Some(*dst), self.regs.s1());
                self.load_const(rd, *imm)?;
                self.put(Some(*dst), rd)
            }
            MInst::Mov { dst, src } => {
                let o = self.opnd(&Val::V(*src));
                match self.alloc.locs[*dst as usize] {
                    Loc::Reg(r) => self.load_opnd(r, o),
                    Loc::Slot(_) => {
                        let r = self.reg(&Val::V(*src), self.regs.s1())?;
                        self.put(Some(*dst), r)
                    }
                    _ => Ok(()),
                }
            }
            MInst::Bin { op, dst, a, b } => self.bin(*op, *dst, a, b),
            MInst::Ovf { op, dst, ovf, a, b } => {
                self.ovf(*op, *dst, *ovf, a, b)?;
                Ok(())
            }
            MInst::Un { op, dst, a } => self.un(*op, *dst, a),
            MInst::Cmp { cond, dst, a, b } => self.cmp_set(*cond, *dst, a, b),
            MInst::Load {
                width,
                signed,
                dst,
                base,
                offset,
                index,
            } => self.load(*width, *signed, *dst, base, *offset, *index),
            MInst::Store {
                width,
                src,
                base,
                offset,
                index,
            } => self.store(*width, src, base, *offset, *index),
            MInst::Call { helper, args, dst } => self.call(*helper, args, *dst),
        }
    }
}
