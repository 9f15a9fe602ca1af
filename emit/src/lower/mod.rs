//! Lowering: a `@native` or `@viper` function's bytecode becomes an IR function.
//!
//! The machine code runs on the interpreter's own frame: the VM binds arguments into the frame's
//! slots and calls the code with a context pointer ([`crate::helpers::ctx`]). The lowering walks
//! the bytecode once, in order, keeping a *symbolic* value stack: each entry is a virtual register
//! (or, in viper, a compile-time marker such as "the name `int`" or "a `range` iterator"). Control
//! flow follows the bytecode's jumps; at the start of every basic block the stack entries live in
//! that block's own registers, and edges move values into them.
//!
//! Instructions with an inline form (locals, constants, small-int arithmetic and comparisons,
//! branches, iteration, `yield`, viper's machine operations) are emitted directly; every other
//! instruction is run by the `Step` helper on the frame's in-memory stack, after the entries it
//! reads are stored there. Both ways use the interpreter's semantics, so native code prints what
//! bytecode prints. A helper that fails sends control to the exception handler that covers the
//! instruction (`Catch`) or out of the function (`Unwind`), with the instruction's index, so
//! tracebacks carry the right line.
//!
//! Locals live in registers unless the function is a generator or reads its frame (`locals()`,
//! `eval`, `exec`, `vars`, `dir`), in which case they stay in the frame's slots.

mod float;
mod flow;
mod inline;
mod ops;
mod viper;

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use frontend::bytecode::code::{CodeObject, flags};

use crate::helpers::{Helper, Layout, ctx, imm};
use crate::ir::{BinOp, Block, Cond, Function, Inst, Term, Ty, VReg, Width};

pub use flow::{Flow, analyse};

/// Which decorator the function was compiled for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `@micropython.native`: Python objects throughout.
    Native,
    /// `@micropython.viper`: typed machine words where the types say so.
    Viper,
}

/// What kind of Python exception a lowering failure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// MicroPython's `ViperTypeError`.
    ViperType,
    /// `NotImplementedError`.
    NotImplemented,
}

/// Why a function could not be lowered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LowerError {
    /// The exception to raise.
    pub kind: ErrorKind,
    /// Its message.
    pub msg: String,
    /// The source line of the construct.
    pub line: u32,
}

/// Lower `code` for `mode` on a target whose machine word is `word_bytes` bytes, calling helpers
/// for every operation on objects.
pub fn lower(code: &CodeObject, mode: Mode, word_bytes: u32) -> Result<Function, LowerError> {
    lower_with(code, mode, word_bytes, None)
}

/// [`lower`], inlining the common operations on built-in objects when the VM's `layout` is known.
pub fn lower_with(
    code: &CodeObject,
    mode: Mode,
    word_bytes: u32,
    layout: Option<Layout>,
) -> Result<Function, LowerError> {
    let flow = analyse(code).ok_or_else(|| LowerError {
        kind: ErrorKind::NotImplemented,
        msg: String::from("native code for malformed bytecode"),
        line: code.first_line,
    })?;
    if mode == Mode::Native {
        return Lower::new(code, &flow, mode, word_bytes, BTreeMap::new(), layout).run();
    }
    viper::check_annotations(code)?;
    // Viper: a local's type is the type first stored to it. A first pass finds those types (and
    // ignores errors that only the final types can settle); the second pass gives each local a
    // register of its type from the start.
    let mut probe = Lower::new(code, &flow, mode, word_bytes, BTreeMap::new(), layout);
    probe.probing = true;
    let _ = probe.run_body();
    let types = probe.local_types.clone();
    Lower::new(code, &flow, mode, word_bytes, types, layout).run()
}

/// A symbolic value-stack entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    /// A value in a register (its type is the register's).
    Val(VReg),
    /// Native: the result of arithmetic that may be an unboxed float: the object `obj`, or when
    /// `obj` is 0 the float whose binary64 bits are in `bits`. Boxed where an object is needed,
    /// so a float expression's intermediate results are never allocated. `home` names the
    /// float local it was read from (see `Lower::float_locals`), which then keeps the box.
    Num {
        obj: VReg,
        bits: VReg,
        home: Option<u32>,
    },
    /// Viper: the global `names[name]`, which names a cast to `ty`, not yet called.
    Cast(Ty, u32),
    /// Viper: the global `range` (`names[name]`), not yet called.
    RangeFn(u32),
    /// Viper: `range(start, stop, step)` of machine integers, not yet iterated.
    Range { start: VReg, stop: VReg, step: i64 },
    /// Viper: a running counted loop. `limit` ends the current chunk of `COUNTED_CHUNK` steps
    /// (never beyond `stop`): the loop tests it alone, and polls for Ctrl-C between chunks.
    RangeIter {
        cur: VReg,
        stop: VReg,
        limit: VReg,
        step: i64,
    },
}

/// Where a local variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Home {
    /// In a register of the local's type.
    Reg(VReg),
    /// In the frame's slot of the same index.
    Frame,
}

struct Lower<'a> {
    code: &'a CodeObject,
    flow: &'a Flow,
    mode: Mode,
    wb: u32,
    f: Function,
    /// The block being filled (`None` after a terminator).
    cur: Option<Block>,
    stack: Vec<Entry>,
    /// The stack as it was when the current instruction started (for handler edges).
    inst_stack: Vec<Entry>,
    /// The block that starts at each leader instruction.
    blocks: BTreeMap<u32, Block>,
    /// The registers a block's stack entries live in on entry.
    entry: BTreeMap<u32, Vec<Entry>>,
    /// The one `Unwind` exit, shared by every failing site outside a handler: each site sets
    /// `err_ip` to its instruction first (one move on the fast path instead of a cold block
    /// with its own helper call, which is most of what Cranelift spends time on).
    unwind: Option<Block>,
    /// The instruction that failed, for `unwind`.
    err_ip: VReg,
    homes: Vec<Home>,
    ctx: VReg,
    slots: VReg,
    consts: VReg,
    intr: VReg,
    /// Viper: the type of each local, once known.
    local_types: BTreeMap<u32, Ty>,
    /// Viper: the first pass, which only discovers local types.
    probing: bool,
    /// The instruction being lowered.
    ip: u32,
    /// Registers set once from a constant (by `iconst`), with the constant.
    known: BTreeMap<u32, i64>,
    /// The VM's object layout, for inline fast paths.
    layout: Option<Layout>,
    /// The code has float literals or true division: its arithmetic gets float fast paths.
    float_code: bool,
    /// Registers holding a global's value, with the global's name (by index in `names`).
    globals_in: BTreeMap<u32, u32>,
    /// A register already holding the iterator the next `GET_ITER` would make.
    iter_ready: Option<VReg>,
    /// Native: for each local kept as a possibly unboxed float (`float::float_locals`), the
    /// register of its binary64 bits, used while its object register holds 0.
    float_locals: Vec<Option<VReg>>,
    /// The instruction just lowered also did the next one's work (see `Op::BuildSlice`).
    skip_next: bool,
}

type Res<T> = Result<T, LowerError>;

impl<'a> Lower<'a> {
    fn new(
        code: &'a CodeObject,
        flow: &'a Flow,
        mode: Mode,
        wb: u32,
        local_types: BTreeMap<u32, Ty>,
        layout: Option<Layout>,
    ) -> Lower<'a> {
        let mut f = Function::new(&code.qualname);
        let ctx = f.vreg(Ty::Ptr);
        f.params.push(ctx);
        let slots = f.vreg(Ty::Ptr);
        let consts = f.vreg(Ty::Ptr);
        let intr = f.vreg(Ty::Ptr);
        let err_ip = f.vreg(Ty::Int);
        Lower {
            code,
            flow,
            mode,
            wb,
            f,
            cur: Some(Block(0)),
            stack: Vec::new(),
            inst_stack: Vec::new(),
            blocks: BTreeMap::new(),
            entry: BTreeMap::new(),
            unwind: None,
            err_ip,
            homes: Vec::new(),
            ctx,
            slots,
            consts,
            intr,
            local_types,
            probing: false,
            ip: 0,
            known: BTreeMap::new(),
            layout,
            float_code: float::has_float_evidence(code),
            globals_in: BTreeMap::new(),
            iter_ready: None,
            float_locals: Vec::new(),
            skip_next: false,
        }
    }

    /// Whether the target's words are 64 bits, which the 64-bit-only instructions and the inline
    /// paths reading 64-bit VM fields need. A 32-bit build only ever lowers for 32-bit targets
    /// (its own), so there the answer is a constant and those paths compile out of firmware.
    fn wide(&self) -> bool {
        cfg!(target_pointer_width = "64") && self.wb == 8
    }

    fn is_generator(&self) -> bool {
        self.code.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    /// Number of parameters (the first locals).
    fn nparams(&self) -> u32 {
        self.code.argcount
            + self.code.kwonlyargcount
            + u32::from(self.code.flags & flags::VARARGS != 0)
            + u32::from(self.code.flags & flags::VARKEYWORDS != 0)
    }

    /// Whether the locals must stay in the frame, where the VM can see them.
    fn locals_in_frame(&self) -> bool {
        self.is_generator()
            || self
                .code
                .names
                .iter()
                .any(|n| matches!(n.as_str(), "locals" | "eval" | "exec" | "vars" | "dir"))
    }

    fn run(mut self) -> Res<Function> {
        self.run_body()?;
        Ok(self.f)
    }

    fn run_body(&mut self) -> Res<()> {
        self.prologue()?;
        let n = self.code.code.len();
        // Viper: inside code only a dead handler leads to (see `dead_handler`).
        let mut dead = false;
        for ip in 0..n {
            if self.flow.depth[ip].is_none() || core::mem::take(&mut self.skip_next) {
                continue;
            }
            self.ip = ip as u32;
            if self.flow.leader[ip] || self.cur.is_none() {
                if self.cur.is_some() {
                    self.jump_to(ip as u32)?;
                }
                let unreached = !self.entry.contains_key(&(ip as u32));
                dead =
                    self.mode == Mode::Viper && unreached && (dead || self.dead_handler(ip as u32));
                if dead {
                    continue;
                }
                let b = self.block_of(ip as u32);
                self.cur = Some(b);
                self.stack = self.entry_state(ip as u32);
            }
            self.inst_stack = self.stack.clone();
            let (op, a) = flow::op_at(self.code, ip).expect("analysed");
            self.inst(op, a)?;
        }
        if self.cur.is_some() {
            // Only reachable if the bytecode runs off its end, which the compiler never emits.
            let z = self.iconst(Ty::Obj, 0);
            self.term(Term::Return(z));
        }
        Ok(())
    }

    /// Viper: whether the block at `ip` is an exception handler that no edge reaches (none of
    /// the instructions it covers, all lowered by now, can raise). Its stack shape is unknown
    /// (it may hold a `range` loop's counter), so it is left out.
    fn dead_handler(&self, ip: u32) -> bool {
        self.code
            .exceptions
            .iter()
            .any(|h| h.handler == ip && h.end <= ip)
    }

    // ---- prologue ----

    fn prologue(&mut self) -> Res<()> {
        let (c, s, k, i) = (self.ctx, self.slots, self.consts, self.intr);
        self.load_ctx(s, ctx::SLOTS);
        self.load_ctx(k, ctx::CONSTS);
        self.load_ctx(i, ctx::INTERRUPT);
        let _ = c;
        let nlocals = self.code.varnames.len();
        let in_frame = self.locals_in_frame();
        for i in 0..nlocals {
            let home = if in_frame && self.mode == Mode::Native {
                Home::Frame
            } else {
                let ty = self.local_type(i as u32);
                Home::Reg(self.f.vreg(ty))
            };
            self.homes.push(home);
        }
        let floats = if self.mode == Mode::Native && !in_frame && self.floats_inline() {
            float::float_locals(self.code, self.flow)
        } else {
            Vec::new()
        };
        for &float in &floats {
            let bits = float.then(|| self.f.vreg(Ty::Int));
            if let Some(b) = bits {
                // Defined on every path; read only while the object register holds 0.
                self.emit(Inst::Iconst { dst: b, imm: 0 });
            }
            self.float_locals.push(bits);
        }
        let nparams = self.nparams();
        for i in 0..nlocals as u32 {
            if let Home::Reg(r) = self.homes[i as usize] {
                if i < nparams {
                    let raw = self.f.vreg(Ty::Obj);
                    self.load_slot(raw, i);
                    self.unbox_into(r, raw)?;
                } else {
                    self.emit(Inst::Iconst { dst: r, imm: 0 });
                }
            }
        }
        if self.is_generator() {
            self.resume_dispatch();
        }
        Ok(())
    }

    /// Generators: jump to where the frame was suspended (`ctx.IP`), reloading the stack.
    fn resume_dispatch(&mut self) {
        let at = self.f.vreg(Ty::Int);
        self.load_ctx(at, ctx::IP);
        let resume = self.flow.resume.clone();
        for &r in resume.iter().filter(|&&r| r != 0) {
            let Some(Some(d)) = self.flow.depth.get(r as usize) else {
                continue;
            };
            let d = *d;
            let here = self.f.vreg(Ty::Int);
            self.emit(Inst::Iconst {
                dst: here,
                imm: r as i64,
            });
            let c = self.f.vreg(Ty::Bool);
            self.emit(Inst::Cmp {
                cond: Cond::Eq,
                dst: c,
                a: at,
                b: here,
            });
            let go = self.f.block();
            let next = self.f.block();
            self.term(Term::Branch {
                cond: c,
                then: go,
                else_: next,
            });
            self.cur = Some(go);
            let entries: Vec<Entry> = (0..d).map(|_| Entry::Val(self.f.vreg(Ty::Obj))).collect();
            for (i, e) in entries.iter().enumerate() {
                if let Entry::Val(v) = e {
                    let slot = self.stack_slot(i as u32);
                    self.load_slot(*v, slot);
                }
            }
            self.entry.insert(r, entries);
            let target = self.block_of(r);
            self.term(Term::Jump(target));
            self.cur = Some(next);
        }
    }

    // ---- emitting ----

    fn emit(&mut self, i: Inst) {
        let b = self.cur.expect("an open block");
        self.f.data_mut(b).insts.push(i);
    }

    fn term(&mut self, t: Term) {
        let b = self.cur.take().expect("an open block");
        self.f.data_mut(b).term = t;
    }

    fn iconst(&mut self, ty: Ty, imm: i64) -> VReg {
        let dst = self.f.vreg(ty);
        self.emit(Inst::Iconst { dst, imm });
        self.known.insert(dst.0, imm);
        dst
    }

    fn bin(&mut self, op: BinOp, ty: Ty, a: VReg, b: VReg) -> VReg {
        let dst = self.f.vreg(ty);
        self.emit(Inst::Bin { op, dst, a, b });
        dst
    }

    /// `dst = a op imm` into an existing register (a loop counter stepped in place).
    fn bin_imm_into(&mut self, op: BinOp, dst: VReg, a: VReg, imm: i64) {
        let b = self.iconst(self.f.ty(a), imm);
        self.emit(Inst::Bin { op, dst, a, b });
    }

    fn cmp(&mut self, cond: Cond, a: VReg, b: VReg) -> VReg {
        let dst = self.f.vreg(Ty::Bool);
        self.emit(Inst::Cmp { cond, dst, a, b });
        dst
    }

    fn call(&mut self, helper: Helper, args: &[VReg], ty: Ty) -> VReg {
        let dst = self.f.vreg(ty);
        let mut all = vec![self.ctx];
        all.extend_from_slice(args);
        self.emit(Inst::Call {
            helper,
            args: all,
            dst: Some(dst),
        });
        dst
    }

    fn load(&mut self, width: Width, dst: VReg, base: VReg, offset: i32) {
        self.emit(Inst::Load {
            width,
            signed: false,
            dst,
            base,
            offset,
        });
    }

    fn load_ctx(&mut self, dst: VReg, word: u32) {
        let c = self.ctx;
        self.load(Width::Word, dst, c, (word * self.wb) as i32);
    }

    fn store_ctx(&mut self, src: VReg, word: u32) {
        let c = self.ctx;
        self.emit(Inst::Store {
            width: Width::Word,
            src,
            base: c,
            offset: (word * self.wb) as i32,
        });
    }

    fn load_slot(&mut self, dst: VReg, slot: u32) {
        let s = self.slots;
        self.load(Width::Word, dst, s, (slot * self.wb) as i32);
    }

    fn store_slot(&mut self, src: VReg, slot: u32) {
        let s = self.slots;
        self.emit(Inst::Store {
            width: Width::Word,
            src,
            base: s,
            offset: (slot * self.wb) as i32,
        });
    }

    fn cell_base(&self) -> u32 {
        self.code.varnames.len() as u32
    }

    /// The slot of value-stack position `i`.
    fn stack_slot(&self, i: u32) -> u32 {
        self.cell_base() + (self.code.cellvars.len() + self.code.freevars.len()) as u32 + i
    }

    fn line(&self) -> u32 {
        self.code.line_of(self.ip as usize)
    }

    fn error(&self, kind: ErrorKind, msg: String) -> LowerError {
        LowerError {
            kind,
            msg,
            line: self.line(),
        }
    }

    fn viper_error(&self, msg: String) -> LowerError {
        self.error(ErrorKind::ViperType, msg)
    }

    // ---- blocks and edges ----

    fn block_of(&mut self, ip: u32) -> Block {
        if let Some(b) = self.blocks.get(&ip) {
            return *b;
        }
        let b = self.f.block();
        self.blocks.insert(ip, b);
        b
    }

    /// The entries a block starts with; a block first entered here gets fresh registers.
    fn entry_state(&mut self, ip: u32) -> Vec<Entry> {
        if let Some(e) = self.entry.get(&ip) {
            return e.clone();
        }
        let d = self.flow.depth[ip as usize].unwrap_or(0);
        let e: Vec<Entry> = (0..d).map(|_| Entry::Val(self.f.vreg(Ty::Obj))).collect();
        self.entry.insert(ip, e.clone());
        e
    }

    /// Fresh registers shaped like `from` (the canonical entry of a block first reached by it).
    fn canonical(&mut self, from: &[Entry]) -> Vec<Entry> {
        let mut counters: Vec<(VReg, VReg)> = Vec::new();
        let mut to: Vec<Entry> = from
            .iter()
            .map(|e| match *e {
                // Native stack entries join as objects (an unboxed truth value is boxed on its
                // way in, see `move_entries`): every edge then agrees on the types.
                Entry::Val(_) | Entry::Num { .. } if self.mode == Mode::Native => {
                    Entry::Val(self.f.vreg(Ty::Obj))
                }
                Entry::Val(v) => Entry::Val(self.f.vreg(self.f.ty(v))),
                Entry::Range { step, start, stop } => Entry::Range {
                    start: self.f.vreg(self.f.ty(start)),
                    stop: self.f.vreg(self.f.ty(stop)),
                    step,
                },
                Entry::RangeIter {
                    cur,
                    stop,
                    limit,
                    step,
                } => {
                    let joined = self.f.vreg(self.f.ty(cur));
                    counters.push((cur, joined));
                    Entry::RangeIter {
                        cur: joined,
                        stop: self.f.vreg(self.f.ty(stop)),
                        limit: self.f.vreg(self.f.ty(limit)),
                        step,
                    }
                }
                other => other,
            })
            .collect();
        // A viper counted loop's value (`FOR_ITER` pushes the counter itself) joins in the
        // counter's register: one loop-carried register instead of two holding the same value.
        if self.mode == Mode::Viper {
            for (e, source) in to.iter_mut().zip(from) {
                if let Entry::Val(v) = *source
                    && let Some(&(_, joined)) = counters.iter().find(|(cur, _)| *cur == v)
                {
                    *e = Entry::Val(joined);
                }
            }
        }
        to
    }

    /// Move `from` into `to` (a block's entry registers) as a parallel assignment.
    fn move_entries(&mut self, from: &[Entry], to: &[Entry]) -> Res<()> {
        let mut pairs: Vec<(VReg, VReg)> = Vec::new();
        for (a, b) in from.iter().zip(to) {
            let a = match *a {
                Entry::Num { obj, bits, home } => Entry::Val(self.box_num(obj, bits, home)?),
                other => other,
            };
            match (a, *b) {
                (Entry::Val(s), Entry::Val(d)) => {
                    let s = if self.mode == Mode::Native {
                        self.box_value(s)?
                    } else {
                        s
                    };
                    if self.f.ty(s) != self.f.ty(d) && !self.probing {
                        return Err(self.viper_error(format!(
                            "values of different types ('{}' and '{}') where control flow joins",
                            self.f.ty(d).name(),
                            self.f.ty(s).name()
                        )));
                    }
                    pairs.push((d, s));
                }
                (
                    Entry::Range {
                        start: s1,
                        stop: s2,
                        step: a3,
                    },
                    Entry::Range {
                        start: d1,
                        stop: d2,
                        step: b3,
                    },
                ) if a3 == b3 => {
                    pairs.push((d1, s1));
                    pairs.push((d2, s2));
                }
                (
                    Entry::RangeIter {
                        cur: s1,
                        stop: s2,
                        limit: s3,
                        step: a4,
                    },
                    Entry::RangeIter {
                        cur: d1,
                        stop: d2,
                        limit: d3,
                        step: b4,
                    },
                ) if a4 == b4 => {
                    pairs.push((d1, s1));
                    pairs.push((d2, s2));
                    pairs.push((d3, s3));
                }
                (x, y) if x == y => {}
                _ => {
                    if self.probing {
                        continue;
                    }
                    return Err(self.error(
                        ErrorKind::NotImplemented,
                        String::from("viper: a value of different kinds where control flow joins"),
                    ));
                }
            }
        }
        pairs.retain(|(d, s)| d != s);
        // A register the entry shares (a counted loop's value and counter) is set once, and
        // only when every edge shares it too.
        let mut unique: Vec<(VReg, VReg)> = Vec::with_capacity(pairs.len());
        for (d, s) in pairs {
            match unique.iter().find(|(d2, _)| *d2 == d) {
                Some(&(_, s2)) if s2 != s => {
                    return Err(self.error(
                        ErrorKind::NotImplemented,
                        String::from(
                            "viper: a loop's value and counter differ where control flow joins",
                        ),
                    ));
                }
                Some(_) => {}
                None => unique.push((d, s)),
            }
        }
        let pairs = unique;
        let clash = pairs.iter().any(|(_, s)| pairs.iter().any(|(d, _)| d == s));
        if clash {
            let temps: Vec<VReg> = pairs
                .iter()
                .map(|&(_, s)| {
                    let t = self.f.vreg(self.f.ty(s));
                    self.emit(Inst::Mov { dst: t, src: s });
                    t
                })
                .collect();
            for (i, &(d, _)) in pairs.iter().enumerate() {
                self.emit(Inst::Mov {
                    dst: d,
                    src: temps[i],
                });
            }
        } else {
            for &(d, s) in &pairs {
                self.emit(Inst::Mov { dst: d, src: s });
            }
        }
        Ok(())
    }

    /// End the current block with a jump to instruction `ip`, carrying the current stack.
    fn jump_to(&mut self, ip: u32) -> Res<()> {
        let stack = self.stack.clone();
        self.goto_with(ip, &stack)
    }

    fn goto_with(&mut self, ip: u32, stack: &[Entry]) -> Res<()> {
        let to = match self.entry.get(&ip) {
            Some(e) => e.clone(),
            None => {
                let e = self.canonical(stack);
                self.entry.insert(ip, e.clone());
                e
            }
        };
        if to.len() != stack.len() {
            return Err(self.error(
                ErrorKind::NotImplemented,
                String::from("native code: inconsistent stack depth"),
            ));
        }
        self.move_entries(stack, &to)?;
        let b = self.block_of(ip);
        self.term(Term::Jump(b));
        Ok(())
    }

    /// A block that moves `stack` into instruction `ip`'s entry registers and jumps there.
    fn edge(&mut self, ip: u32, stack: &[Entry]) -> Res<Block> {
        let saved = self.cur.take();
        let e = self.f.block();
        self.cur = Some(e);
        self.goto_with(ip, stack)?;
        self.cur = saved;
        Ok(e)
    }

    /// Branch on `cond` to instruction `then_ip` (with `then_stack`) or fall into a new block.
    fn branch_to(&mut self, cond: VReg, then_ip: u32, then_stack: &[Entry]) -> Res<()> {
        let t = self.edge(then_ip, then_stack)?;
        let next = self.f.block();
        self.term(Term::Branch {
            cond,
            then: t,
            else_: next,
        });
        self.cur = Some(next);
        Ok(())
    }

    /// Branch on `cond`: fall into a new block when non-zero, else go to instruction `ip`.
    fn branch_unless(&mut self, cond: VReg, else_ip: u32, else_stack: &[Entry]) -> Res<()> {
        let e = self.edge(else_ip, else_stack)?;
        let next = self.f.block();
        self.term(Term::Branch {
            cond,
            then: next,
            else_: e,
        });
        self.cur = Some(next);
        Ok(())
    }

    // ---- errors ----

    /// Where control goes when the current instruction fails: its handler, or out.
    fn error_target(&mut self) -> Res<Block> {
        let ip = self.ip;
        if let Some(h) = self.code.handler_for(ip as usize).copied() {
            let saved = self.cur.take();
            let land = self.f.block();
            self.f.data_mut(land).cold = true;
            self.cur = Some(land);
            let at = self.iconst(Ty::Int, ip as i64);
            let exc = self.call(Helper::Catch, &[at], Ty::Obj);
            let keep = (h.depth as usize).min(self.inst_stack.len());
            let mut st: Vec<Entry> = self.inst_stack[..keep].to_vec();
            // The compiler's ranges can cover a few instructions after a handler has popped
            // its own entries; nothing there raises in practice, but keep the shape valid.
            while st.len() < h.depth as usize {
                st.push(Entry::Val(self.iconst(Ty::Obj, imm::NONE)));
            }
            st.push(Entry::Val(exc));
            self.goto_with(h.handler, &st)?;
            self.cur = saved;
            return Ok(land);
        }
        let at = self.iconst(Ty::Int, ip as i64);
        self.emit(Inst::Mov {
            dst: self.err_ip,
            src: at,
        });
        if let Some(b) = self.unwind {
            return Ok(b);
        }
        let saved = self.cur.take();
        let out = self.f.block();
        self.f.data_mut(out).cold = true;
        self.cur = Some(out);
        let z = self.call(Helper::Unwind, &[self.err_ip], Ty::Obj);
        self.term(Term::Return(z));
        self.cur = saved;
        self.unwind = Some(out);
        Ok(out)
    }

    /// Continue only if `r` (an object result) is not the failure sentinel.
    fn check_obj(&mut self, r: VReg) -> Res<()> {
        let err = self.error_target()?;
        let ok = self.f.block();
        self.term(Term::Branch {
            cond: r,
            then: ok,
            else_: err,
        });
        self.cur = Some(ok);
        Ok(())
    }

    /// Continue only if the helper that returned `r` (a machine word) did not fail.
    fn check_word(&mut self, r: VReg) -> Res<()> {
        let err = self.error_target()?;
        let ok = self.f.block();
        let zero = self.f.block();
        self.term(Term::Branch {
            cond: r,
            then: ok,
            else_: zero,
        });
        self.cur = Some(zero);
        self.f.data_mut(zero).cold = true;
        let p = self.f.vreg(Ty::Obj);
        self.load_ctx(p, ctx::PENDING);
        self.term(Term::Branch {
            cond: p,
            then: err,
            else_: ok,
        });
        self.cur = Some(ok);
        Ok(())
    }

    /// Raise unconditionally through `helper` (which always fails).
    fn fail_with(&mut self, helper: Helper, args: &[VReg]) -> Res<()> {
        let _ = self.call(helper, args, Ty::Obj);
        let err = self.error_target()?;
        self.term(Term::Jump(err));
        Ok(())
    }

    // ---- the symbolic stack ----

    fn push(&mut self, v: VReg) {
        self.stack.push(Entry::Val(v));
    }

    fn pop_entry(&mut self) -> Entry {
        self.stack
            .pop()
            .expect("stack depth checked by the flow analysis")
    }

    /// Pop an entry as an object (boxing machine values, materialising markers).
    fn pop_obj(&mut self) -> Res<VReg> {
        let e = self.pop_entry();
        self.to_obj(e)
    }

    /// An entry as an object register.
    #[allow(clippy::wrong_self_convention)]
    fn to_obj(&mut self, e: Entry) -> Res<VReg> {
        match e {
            Entry::Val(v) => self.box_value(v),
            Entry::Num { obj, bits, home } => self.box_num(obj, bits, home),
            Entry::Cast(_, name) | Entry::RangeFn(name) => self.load_global(name),
            Entry::Range { .. } | Entry::RangeIter { .. } => Err(self.error(
                ErrorKind::NotImplemented,
                String::from("viper: a range() used other than as a for loop's iterable"),
            )),
        }
    }

    fn load_global(&mut self, name: u32) -> Res<VReg> {
        self.global_value(name)
    }

    /// The entries from depth `from` up stored into the frame's stack slots as objects, so the
    /// interpreter (the `Step` helper) can use them.
    fn spill_from(&mut self, from: usize) -> Res<()> {
        for i in from..self.stack.len() {
            let e = self.stack[i];
            let v = self.to_obj(e)?;
            self.stack[i] = Entry::Val(v);
            let slot = self.stack_slot(i as u32);
            self.store_slot(v, slot);
        }
        Ok(())
    }

    /// Reload stack positions `from..depth` from the frame as fresh object registers.
    fn reload_from(&mut self, from: usize, depth: usize) {
        self.stack.truncate(from);
        for i in from..depth {
            let v = self.f.vreg(Ty::Obj);
            let slot = self.stack_slot(i as u32);
            self.load_slot(v, slot);
            self.stack.push(Entry::Val(v));
        }
    }

    /// Run the current instruction through the interpreter (`Step`): it reads the top `touch`
    /// entries and leaves the stack `effect` deeper.
    fn step(&mut self, touch: usize, effect: i32) -> Res<()> {
        let depth = self.stack.len();
        let from = depth - touch.min(depth);
        self.spill_from(from)?;
        let at = self.iconst(Ty::Int, self.ip as i64);
        let d = self.iconst(Ty::Int, depth as i64);
        let r = self.call(Helper::Step, &[at, d], Ty::Int);
        self.check_obj(r)?;
        let after = (depth as i32 + effect) as usize;
        self.reload_from(from.min(after), after);
        Ok(())
    }

    // ---- values ----

    /// Box a register into an object register (objects pass through).
    fn box_value(&mut self, v: VReg) -> Res<VReg> {
        match self.f.ty(v) {
            Ty::Obj => Ok(v),
            Ty::Bool => {
                // False and True differ by 8 in their encoding.
                let three = self.iconst(Ty::Int, 3);
                let shifted = self.bin(BinOp::Shl, Ty::Int, v, three);
                let base = self.iconst(Ty::Int, imm::FALSE);
                let r = self.f.vreg(Ty::Obj);
                self.emit(Inst::Bin {
                    op: BinOp::Add,
                    dst: r,
                    a: shifted,
                    b: base,
                });
                Ok(r)
            }
            Ty::Int => {
                let r = self.call(Helper::BoxInt, &[v], Ty::Obj);
                self.check_obj(r)?;
                Ok(r)
            }
            ty => {
                if ty != Ty::Uint && self.known_const(v).is_some() {
                    // MicroPython cannot box a pointer constant such as `ptr(1)`.
                    return Err(self.error(
                        ErrorKind::NotImplemented,
                        String::from("conversion to object"),
                    ));
                }
                let r = self.call(Helper::BoxUint, &[v], Ty::Obj);
                self.check_obj(r)?;
                Ok(r)
            }
        }
    }

    /// Convert the object `raw` into `dst`'s type (viper parameters and casts).
    fn unbox_into(&mut self, dst: VReg, raw: VReg) -> Res<()> {
        let ty = self.f.ty(dst);
        let r = match ty {
            Ty::Obj => raw,
            Ty::Int | Ty::Uint => {
                let r = self.call(Helper::UnboxInt, &[raw], ty);
                self.check_word(r)?;
                r
            }
            Ty::Bool => {
                let r = self.call(Helper::Truthy, &[raw], Ty::Bool);
                self.check_word(r)?;
                r
            }
            _ => {
                let r = self.call(Helper::PtrOf, &[raw], ty);
                self.check_word(r)?;
                r
            }
        };
        self.emit(Inst::Mov { dst, src: r });
        Ok(())
    }

    /// The viper type of local `i`: its annotation for a parameter, else the type first stored.
    fn local_type(&self, i: u32) -> Ty {
        if self.mode == Mode::Native {
            return Ty::Obj;
        }
        let name = &self.code.varnames[i as usize];
        if let Some((_, t)) = self.code.annotations.iter().find(|(n, _)| n == name) {
            return Ty::from_name(t).unwrap_or(Ty::Obj);
        }
        self.local_types.get(&i).copied().unwrap_or(Ty::Obj)
    }

    /// A generator's yield: save the stack in the frame and return `v` with `YIELDED` set.
    fn suspend(&mut self, v: VReg, resume_at: u32) -> Res<()> {
        self.spill_from(0)?;
        let at = self.iconst(Ty::Int, resume_at as i64);
        self.store_ctx(at, ctx::IP);
        let d = self.iconst(Ty::Int, self.stack.len() as i64);
        self.store_ctx(d, ctx::SP);
        let one = self.iconst(Ty::Int, 1);
        self.store_ctx(one, ctx::YIELDED);
        self.term(Term::Return(v));
        Ok(())
    }

    /// Poll the attention flag (backward jumps): when it is set the `Interrupt` helper runs
    /// scheduled callbacks (returning non-zero) or raises `KeyboardInterrupt` (returning 0).
    fn poll_interrupt(&mut self) -> Res<()> {
        let p = self.intr;
        self.poll_interrupt_at(p)
    }

    /// Poll for Ctrl-C where it is rare (between chunks of a counted loop): the flag's address
    /// comes from the context there, so no register holds it around the loop.
    pub(super) fn poll_interrupt_rarely(&mut self) -> Res<()> {
        let p = self.f.vreg(Ty::Ptr);
        self.load_ctx(p, ctx::INTERRUPT);
        self.poll_interrupt_at(p)
    }

    fn poll_interrupt_at(&mut self, p: VReg) -> Res<()> {
        let flag = self.f.vreg(Ty::Int);
        self.load(Width::W8, flag, p, 0);
        let raise = self.f.block();
        self.f.data_mut(raise).cold = true;
        let ok = self.f.block();
        self.term(Term::Branch {
            cond: flag,
            then: raise,
            else_: ok,
        });
        self.cur = Some(raise);
        let r = self.call(Helper::Interrupt, &[], Ty::Int);
        let err = self.error_target()?;
        self.term(Term::Branch {
            cond: r,
            then: ok,
            else_: err,
        });
        self.cur = Some(ok);
        Ok(())
    }
}
