//! Lowering of each bytecode instruction in object mode (everything `@native` runs, and what
//! `@viper` runs on objects). Viper's machine-typed forms are tried first (`viper.rs`).

use alloc::string::String;
use alloc::vec::Vec;

use frontend::bytecode::code::Const;
use frontend::bytecode::opcodes::Op;
use frontend::bytecode::{BinaryOperator, Comparison};

use super::float::Operand;
use super::{Entry, ErrorKind, Home, Lower, Mode, Res};
use crate::helpers::{Helper, imm};
use crate::ir::{BinOp, Block, Cond, Inst, OvfOp, Term, Ty, UnOp, VReg};

/// How many of the top stack entries an instruction run by `Step` reads or replaces.
fn touched(op: Op, a: u32) -> usize {
    let a = a as usize;
    match op {
        Op::DeleteDeref
        | Op::LoadClassDeref
        | Op::DeleteGlobal
        | Op::LoadName
        | Op::DeleteName
        | Op::LoadBuildClass
        | Op::LoadAssertionError
        | Op::SetupAnnotations
        | Op::LoadLocals
        | Op::SetupClassBody => 0,
        Op::StoreName
        | Op::DeleteAttr
        | Op::LoadMethod
        | Op::ListToTuple
        | Op::UnpackSequence
        | Op::UnpackEx
        | Op::GetYieldFromIter
        | Op::GetAwaitable
        | Op::GetAIter
        | Op::GetANext
        | Op::BeforeAsyncWith
        | Op::PushExcInfo
        | Op::PopExcept
        | Op::BeforeWith
        | Op::ImportFrom
        | Op::ImportStar
        | Op::PrintExpr
        | Op::BuildConstSet
        | Op::MatchSequence
        | Op::MatchMapping
        | Op::GetLen
        | Op::AsyncGenWrap
        | Op::UnaryOp
        | Op::GetIter
        | Op::LoadAttr => 1,
        Op::DeleteSubscr
        | Op::EndAsyncFor
        | Op::CheckExcMatch
        | Op::ImportName
        | Op::BinarySubscr
        | Op::MatchKeys
        | Op::MatchRest
        | Op::StoreAttr => 2,
        Op::WithExceptStart | Op::StoreSubscr | Op::MatchClass => 3,
        Op::CallMethod | Op::CallKw => a + 2,
        Op::Call => a + 1,
        Op::CallEx => 3 + (a & 1),
        Op::BuildTuple
        | Op::BuildList
        | Op::BuildSet
        | Op::BuildSlice
        | Op::BuildString
        | Op::Raise => a,
        Op::BuildMap => 2 * a,
        Op::ListAppend
        | Op::SetAdd
        | Op::ListExtend
        | Op::SetUpdate
        | Op::DictUpdate
        | Op::DictMerge => a + 1,
        Op::MapAdd => a + 2,
        Op::MakeFunction => a.count_ones() as usize + 1,
        Op::FormatValue => 1 + usize::from(a & 4 != 0),
        // Everything else is lowered inline; a full spill is always correct.
        _ => usize::MAX,
    }
}

impl Lower<'_> {
    /// Lower one instruction.
    pub(super) fn inst(&mut self, op: Op, a: u32) -> Res<()> {
        if self.mode == Mode::Viper && self.viper_inst(op, a)? {
            return Ok(());
        }
        match op {
            Op::Nop => {}
            Op::LoadConst => {
                let v = self.f.vreg(Ty::Obj);
                let k = self.consts;
                self.load(crate::ir::Width::Word, v, k, (a * self.wb) as i32);
                self.push(v);
            }
            Op::LoadSmallInt => {
                let n = ((a << 8) as i32 >> 8) as i64;
                let v = self.iconst(Ty::Obj, (n << 1) | imm::SMALL_INT_TAG);
                self.push(v);
            }
            Op::LoadNone => {
                let v = self.iconst(Ty::Obj, imm::NONE);
                self.push(v);
            }
            Op::LoadTrue => {
                let v = self.iconst(Ty::Obj, imm::TRUE);
                self.push(v);
            }
            Op::LoadFalse => {
                let v = self.iconst(Ty::Obj, imm::FALSE);
                self.push(v);
            }
            Op::LoadFast => self.load_fast(a)?,
            Op::StoreFast => {
                let e = self.pop_entry();
                self.store_fast(a, e)?;
            }
            Op::DeleteFast => {
                let v = self.local_value(a)?;
                let zero = self.iconst(self.f.ty(v), 0);
                self.set_local(a, zero);
            }
            Op::LoadDeref => {
                let r = self.deref_value(a)?;
                self.push(r);
            }
            Op::StoreDeref => {
                let v = self.pop_obj()?;
                let i = self.iconst(Ty::Int, a as i64);
                let r = self.call(Helper::StoreDeref, &[i, v], Ty::Int);
                self.check_obj(r)?;
            }
            Op::LoadClosure => {
                let v = self.f.vreg(Ty::Obj);
                let slot = self.cell_base() + a;
                self.load_slot(v, slot);
                self.push(v);
            }
            Op::LoadGlobal => {
                let v = self.load_global(a)?;
                self.globals_in.insert(v.0, a);
                self.push(v);
            }
            Op::StoreGlobal => {
                let v = self.pop_obj()?;
                let n = self.iconst(Ty::Int, a as i64);
                let r = self.call(Helper::StoreGlobal, &[n, v], Ty::Int);
                self.check_obj(r)?;
            }
            Op::LoadAttr => {
                let o = self.pop_obj()?;
                let r = self.attr_value(o, a)?;
                self.push(r);
            }
            Op::LoadMethod => {
                let o = self.pop_obj()?;
                // The `self` word is 0 for none: only `CallMethod` reads it.
                let (m, s) = self.method_value(o, a)?;
                self.push(m);
                self.push(s);
            }
            Op::StoreAttr => {
                let o = self.pop_obj()?;
                let v = self.pop_obj()?;
                self.store_attr(o, a, v)?;
            }
            Op::BinarySubscr => {
                let k = self.pop_obj()?;
                let o = self.pop_obj()?;
                let r = self.get_item_value(o, k)?;
                self.push(r);
            }
            Op::StoreSubscr => {
                let k = self.pop_obj()?;
                let o = self.pop_obj()?;
                let v = self.pop_obj()?;
                self.set_item(o, k, v)?;
            }
            Op::BinaryOp => {
                let b = self.pop_operand()?;
                let x = self.pop_operand()?;
                let r = self.binary_op(a, x, b)?;
                self.stack.push(r);
            }
            Op::CompareOp => {
                let b = self.pop_operand()?;
                let x = self.pop_operand()?;
                let r = if self.mode == Mode::Native && self.branch_follows() {
                    self.compare_for_branch(a, x, b)?
                } else {
                    self.compare_op(a, x, b)?
                };
                self.push(r);
            }
            Op::UnaryOp => {
                let x = self.pop_obj()?;
                let o = self.iconst(Ty::Int, a as i64);
                let r = self.call(Helper::UnaryOp, &[o, x], Ty::Obj);
                self.check_obj(r)?;
                self.push(r);
            }
            Op::Jump => self.jump(a)?,
            Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                let e = self.pop_entry();
                let t = self.truth(e)?;
                let stack = self.stack.clone();
                if op == Op::PopJumpIfTrue {
                    self.branch_to(t, a, &stack)?;
                } else {
                    self.branch_unless(t, a, &stack)?;
                }
            }
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                let e = *self.stack.last().expect("depth checked");
                let t = self.truth(e)?;
                let stack = self.stack.clone();
                if op == Op::JumpIfTrueOrPop {
                    self.branch_to(t, a, &stack)?;
                } else {
                    self.branch_unless(t, a, &stack)?;
                }
                self.pop_entry();
            }
            Op::PopJumpIfNone | Op::PopJumpIfNotNone => {
                let v = self.pop_obj()?;
                let none = self.iconst(Ty::Obj, imm::NONE);
                let cond = if op == Op::PopJumpIfNone {
                    Cond::Eq
                } else {
                    Cond::Ne
                };
                let c = self.cmp(cond, v, none);
                let stack = self.stack.clone();
                self.branch_to(c, a, &stack)?;
            }
            Op::GetIter => {
                if let Some(&Entry::Val(v)) = self.stack.last()
                    && self.iter_ready.take() == Some(v)
                {
                    return Ok(());
                }
                let v = self.pop_obj()?;
                let r = self.call(Helper::GetIter, &[v], Ty::Obj);
                self.check_obj(r)?;
                self.push(r);
            }
            Op::ForIter => {
                let it = self.pop_obj()?;
                self.push(it);
                let r = self.for_iter_value(it)?;
                let stop = self.iconst(Ty::Obj, imm::STOP);
                let done = self.cmp(Cond::Eq, r, stop);
                let mut after: Vec<Entry> = self.stack.clone();
                after.pop();
                self.branch_to(done, a, &after)?;
                self.push(r);
            }
            Op::Pop => {
                self.pop_entry();
            }
            Op::Copy => {
                let i = self.stack.len() - a as usize;
                let e = self.stack[i];
                let e = match e {
                    Entry::Val(v) => {
                        let c = self.f.vreg(self.f.ty(v));
                        self.emit(Inst::Mov { dst: c, src: v });
                        Entry::Val(c)
                    }
                    other => other,
                };
                self.stack.push(e);
            }
            Op::Swap => {
                let top = self.stack.len() - 1;
                self.stack.swap(top, top + 1 - a as usize);
            }
            Op::ReturnValue => {
                let v = self.return_value()?;
                self.term(Term::Return(v));
            }
            Op::YieldValue => {
                let v = self.pop_obj()?;
                self.push(v);
                self.suspend(v, self.ip + 1)?;
            }
            Op::Send => {
                let v = self.pop_obj()?;
                let sub = self.pop_obj()?;
                let r = self.call(Helper::Send, &[sub, v], Ty::Obj);
                self.check_obj(r)?;
                let finished = self.f.vreg(Ty::Int);
                self.load_ctx(finished, crate::helpers::ctx::AUX);
                let mut after = self.stack.clone();
                after.push(Entry::Val(r));
                self.branch_to(finished, a, &after)?;
                self.push(sub);
                self.push(r);
            }
            Op::Reraise => {
                let exc = self.pop_obj()?;
                self.fail_with(Helper::Reraise, &[exc])?;
            }
            Op::Raise => {
                self.step(touched(op, a), op.stack_effect(a))?;
                // `Step` never succeeds on a raise.
                let z = self.iconst(Ty::Obj, 0);
                self.term(Term::Return(z));
            }
            Op::ListAppend => {
                let v = self.pop_obj()?;
                let at = self.stack.len() - a as usize;
                let list = self.to_obj(self.stack[at])?;
                self.stack[at] = Entry::Val(list);
                let r = self.call(Helper::ListAppend, &[list, v], Ty::Int);
                self.check_obj(r)?;
            }
            Op::BuildSlice if a == 2 && self.mode == Mode::Native && self.subscript_next() => {
                // `obj[start:stop]`: one helper call for the slice and the subscript.
                let stop = self.pop_obj()?;
                let start = self.pop_obj()?;
                let obj = self.pop_obj()?;
                let r = self.call(Helper::GetSlice, &[obj, start, stop], Ty::Obj);
                self.check_obj(r)?;
                self.push(r);
                self.skip_next = true;
            }
            Op::Call if self.range_for_loop(a)? => {}
            Op::Call | Op::CallMethod => self.run_for_value(Helper::Call, touched(op, a))?,
            Op::BuildTuple
            | Op::BuildList
            | Op::BuildSet
            | Op::BuildMap
            | Op::BuildSlice
            | Op::BuildString
            | Op::MakeFunction => self.run_for_value(Helper::Build, touched(op, a))?,
            _ => {
                let touch = touched(op, a);
                self.step(touch, op.stack_effect(a))?;
            }
        }
        Ok(())
    }

    /// Whether the next instruction is a `BINARY_SUBSCR` reached only from this one.
    fn subscript_next(&self) -> bool {
        let next = self.ip as usize + 1;
        !self.flow.leader.get(next).copied().unwrap_or(true)
            && matches!(
                super::flow::op_at(self.code, next),
                Some((Op::BinarySubscr, _))
            )
    }

    /// Run the current instruction through `helper` (`Call` or `Build`), which consumes the top
    /// `touch` entries from the frame's stack and returns the result: like `step`, but the
    /// result comes back in a register, not through memory.
    pub(super) fn run_for_value(&mut self, helper: Helper, touch: usize) -> Res<()> {
        let depth = self.stack.len();
        let from = depth - touch;
        self.spill_from(from)?;
        let at = self.iconst(Ty::Int, self.ip as i64);
        let d = self.iconst(Ty::Int, depth as i64);
        let r = self.call(helper, &[at, d], Ty::Obj);
        self.check_obj(r)?;
        self.stack.truncate(from);
        self.push(r);
        Ok(())
    }

    fn local_home(&self, i: u32) -> Home {
        self.homes[i as usize]
    }

    /// The current value of local `i` (raising `UnboundLocalError` when an object local is unset).
    pub(super) fn local_value(&mut self, i: u32) -> Res<VReg> {
        let v = match self.local_home(i) {
            Home::Reg(r) => r,
            Home::Frame => {
                let v = self.f.vreg(Ty::Obj);
                self.load_slot(v, i);
                v
            }
        };
        if self.f.ty(v) == Ty::Obj && !self.flow.is_bound(self.ip as usize, i) {
            let unbound = self.f.block();
            self.f.data_mut(unbound).cold = true;
            let ok = self.f.block();
            self.term(Term::Branch {
                cond: v,
                then: ok,
                else_: unbound,
            });
            self.cur = Some(unbound);
            let n = self.iconst(Ty::Int, i as i64);
            self.fail_with(Helper::UnboundLocal, &[n])?;
            self.cur = Some(ok);
        }
        Ok(v)
    }

    fn load_fast(&mut self, i: u32) -> Res<()> {
        if let Some(bits) = self.float_local(i) {
            return self.load_float_local(i, bits);
        }
        let v = self.local_value(i)?;
        let c = self.f.vreg(self.f.ty(v));
        self.emit(Inst::Mov { dst: c, src: v });
        self.push(c);
        Ok(())
    }

    pub(super) fn set_local(&mut self, i: u32, v: VReg) {
        match self.local_home(i) {
            Home::Reg(r) => self.emit(Inst::Mov { dst: r, src: v }),
            Home::Frame => self.store_slot(v, i),
        }
    }

    fn store_fast(&mut self, i: u32, e: Entry) -> Res<()> {
        if self.probing {
            self.discover_type(i, e);
        }
        if let Some(bits) = self.float_local(i) {
            return self.store_float_local(i, bits, e);
        }
        let want = match self.local_home(i) {
            Home::Reg(r) => self.f.ty(r),
            Home::Frame => Ty::Obj,
        };
        let v = match e {
            Entry::Val(v) if self.f.ty(v) == want => v,
            // Viper: an `object` local takes only objects (MicroPython's type rule).
            Entry::Val(v) if want == Ty::Obj && self.mode == Mode::Native => self.box_value(v)?,
            Entry::Val(v) => {
                if self.probing {
                    return Ok(());
                }
                let name = &self.code.varnames[i as usize];
                return Err(self.viper_error(alloc::format!(
                    "local '{}' has type '{}' but source is '{}'",
                    name,
                    want.name(),
                    self.type_name(v)
                )));
            }
            other => {
                let v = self.to_obj(other)?;
                if want != Ty::Obj {
                    if self.probing {
                        return Ok(());
                    }
                    let name = &self.code.varnames[i as usize];
                    return Err(self.viper_error(alloc::format!(
                        "local '{}' has type '{}' but source is 'object'",
                        name,
                        want.name()
                    )));
                }
                v
            }
        };
        self.set_local(i, v);
        Ok(())
    }

    /// Viper's first pass: the first value stored to an unannotated local fixes its type.
    fn discover_type(&mut self, i: u32, e: Entry) {
        let name = &self.code.varnames[i as usize];
        let annotated = self.code.annotations.iter().any(|(n, _)| n == name);
        if annotated || i < self.nparams() || self.local_types.contains_key(&i) {
            return;
        }
        let ty = match e {
            Entry::Val(v) => self.f.ty(v),
            _ => Ty::Obj,
        };
        self.local_types.insert(i, ty);
        if let Home::Reg(_) = self.local_home(i) {
            let r = self.f.vreg(ty);
            self.emit(Inst::Iconst { dst: r, imm: 0 });
            self.homes[i as usize] = Home::Reg(r);
        }
    }

    /// `Jump`: backward jumps poll for Ctrl-C (except a viper counted loop's, which polls
    /// between chunks of iterations), and a jump back to a loop's small test is replaced by a
    /// copy of the test, so loops run with one branch per iteration.
    fn jump(&mut self, target: u32) -> Res<()> {
        if target <= self.ip {
            let counted = matches!(self.stack.last(), Some(Entry::RangeIter { .. }))
                && matches!(
                    super::flow::op_at(self.code, target as usize),
                    Some((Op::ForIter, _))
                );
            if !counted {
                self.poll_interrupt()?;
            }
            if let Some(end) = self.rotatable_header(target) {
                let saved_ip = self.ip;
                for ip in target..end {
                    self.ip = ip;
                    self.inst_stack = self.stack.clone();
                    let (op, a) = super::flow::op_at(self.code, ip as usize).expect("analysed");
                    self.inst(op, a)?;
                    if self.cur.is_none() {
                        break;
                    }
                }
                if self.cur.is_some() {
                    self.jump_to(end)?;
                }
                self.ip = saved_ip;
                return Ok(());
            }
        }
        self.jump_to(target)
    }

    /// If the block at `target` is a loop test worth duplicating (a few instructions ending in a
    /// conditional branch, with no other leader inside), the instruction after it.
    fn rotatable_header(&self, target: u32) -> Option<u32> {
        let n = self.code.code.len() as u32;
        let mut ip = target;
        while ip < n && ip < target + 8 {
            if ip > target && self.flow.leader[ip as usize] {
                return None;
            }
            let (op, _) = super::flow::op_at(self.code, ip as usize)?;
            match op {
                // Stepping an object iterator is large (inline range and list paths and a
                // helper call); a copy of it would cost more compile time than the jump it saves.
                Op::ForIter if matches!(self.stack.last(), Some(Entry::Val(_))) => return None,
                Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::ForIter
                | Op::PopJumpIfNone
                | Op::PopJumpIfNotNone => return Some(ip + 1),
                Op::Jump
                | Op::JumpIfFalseOrPop
                | Op::JumpIfTrueOrPop
                | Op::ReturnValue
                | Op::YieldValue
                | Op::Send
                | Op::Raise
                | Op::Reraise => return None,
                _ => {}
            }
            ip += 1;
        }
        None
    }

    /// The truth of an entry as a 0/1 register.
    pub(super) fn truth(&mut self, e: Entry) -> Res<VReg> {
        if let Entry::Val(v) = e
            && self.f.ty(v) != Ty::Obj
        {
            return Ok(v);
        }
        let v = self.to_obj(e)?;
        let t = self.f.vreg(Ty::Bool);
        let fast = self.f.block();
        let slow = self.f.block();
        let done = self.f.block();
        // A small int is true unless it is 0 (tagged: 1).
        let (int, other) = (self.f.block(), self.f.block());
        let one = self.iconst(Ty::Int, 1);
        let tag = self.bin(BinOp::And, Ty::Int, v, one);
        self.term(Term::Branch {
            cond: tag,
            then: int,
            else_: other,
        });
        self.cur = Some(int);
        let nonzero = self.cmp(Cond::Ne, v, one);
        self.emit(Inst::Mov {
            dst: t,
            src: nonzero,
        });
        self.term(Term::Jump(done));
        self.cur = Some(other);
        let tru = self.iconst(Ty::Obj, imm::TRUE);
        let is_true = self.cmp(Cond::Eq, v, tru);
        let fal = self.iconst(Ty::Obj, imm::FALSE);
        let is_false = self.cmp(Cond::Eq, v, fal);
        let none = self.iconst(Ty::Obj, imm::NONE);
        let is_none = self.cmp(Cond::Eq, v, none);
        let bools = self.bin(BinOp::Or, Ty::Bool, is_true, is_false);
        let known = self.bin(BinOp::Or, Ty::Bool, bools, is_none);
        self.term(Term::Branch {
            cond: known,
            then: fast,
            else_: slow,
        });
        self.cur = Some(fast);
        self.emit(Inst::Mov {
            dst: t,
            src: is_true,
        });
        self.term(Term::Jump(done));
        self.cur = Some(slow);
        let r = self.call(Helper::Truthy, &[v], Ty::Bool);
        self.check_word(r)?;
        self.emit(Inst::Mov { dst: t, src: r });
        self.term(Term::Jump(done));
        self.cur = Some(done);
        Ok(t)
    }

    /// `a op b`: small ints inline (overflow falls back), floats inline where the target has
    /// them (native code keeps a float result unboxed, see [`Entry::Num`]), everything else by
    /// helper.
    pub(super) fn binary_op(&mut self, op: u32, x: Operand, y: Operand) -> Res<Entry> {
        let (a, b) = (x.obj, y.obj);
        let kind = BinaryOperator::of_operand(op);
        let inline = match kind {
            Some(
                BinaryOperator::Add
                | BinaryOperator::Sub
                | BinaryOperator::Mul
                | BinaryOperator::And
                | BinaryOperator::Or
                | BinaryOperator::Xor,
            ) => true,
            // Division needs the target's divide instruction (64-bit hosts).
            Some(BinaryOperator::FloorDiv | BinaryOperator::Mod) => self.wide(),
            _ => false,
        };
        let res = self.f.vreg(Ty::Obj);
        let slow = self.f.block();
        self.f.data_mut(slow).cold = true;
        let done = self.f.block();
        let float = kind
            .and_then(Self::float_op)
            .filter(|_| self.floats_inline());
        // Native code leaves a float result unboxed: `res` is 0 and `bits` holds it.
        let unboxed = (float.is_some() && self.mode == Mode::Native && self.feeds_float_op(true))
            .then(|| {
                // 0 on the paths that leave an object. (Not `iconst`: it is assigned again.)
                let bits = self.f.vreg(Ty::Int);
                self.emit(Inst::Iconst { dst: bits, imm: 0 });
                bits
            });
        // Operands that are not both small ints try the float path, if there is one.
        let not_ints = if float.is_some() {
            self.f.block()
        } else {
            slow
        };
        if inline {
            self.unless_small_ints(a, b, not_ints);
            let one = self.iconst(Ty::Int, 1);
            match kind.expect("matched") {
                BinaryOperator::Add | BinaryOperator::Sub | BinaryOperator::Mul => {
                    let (ovf_op, x, y) = match kind.expect("matched") {
                        // (2x+1) - 1 + (2y+1) = 2(x+y) + 1
                        BinaryOperator::Add => {
                            let x = self.bin(BinOp::Sub, Ty::Int, a, one);
                            (OvfOp::Add, x, b)
                        }
                        BinaryOperator::Sub => (OvfOp::Sub, a, b),
                        _ => {
                            // x * 2y, then the tag.
                            let x = self.bin(BinOp::Sar, Ty::Int, a, one);
                            let y = self.bin(BinOp::Sub, Ty::Int, b, one);
                            (OvfOp::Mul, x, y)
                        }
                    };
                    let r = self.unless_overflow(ovf_op, x, y, slow);
                    if matches!(ovf_op, OvfOp::Add) {
                        self.emit(Inst::Mov { dst: res, src: r });
                    } else {
                        self.emit(Inst::Bin {
                            op: BinOp::Or,
                            dst: res,
                            a: r,
                            b: one,
                        });
                    }
                }
                k @ (BinaryOperator::FloorDiv | BinaryOperator::Mod) => {
                    self.small_int_floor_div(k == BinaryOperator::Mod, (a, b), (res, slow))
                }
                BinaryOperator::And => self.emit(Inst::Bin {
                    op: BinOp::And,
                    dst: res,
                    a,
                    b,
                }),
                BinaryOperator::Or => self.emit(Inst::Bin {
                    op: BinOp::Or,
                    dst: res,
                    a,
                    b,
                }),
                _ => {
                    let x = self.bin(BinOp::Xor, Ty::Int, a, b);
                    self.emit(Inst::Bin {
                        op: BinOp::Or,
                        dst: res,
                        a: x,
                        b: one,
                    });
                }
            }
            self.term(Term::Jump(done));
        } else {
            self.term(Term::Jump(not_ints));
        }
        if let Some(fop) = float {
            self.cur = Some(not_ints);
            self.float_arith(fop, (x, y), (res, unboxed, slow, done))?;
        }
        let (a, b) = self.operand_objs(x, y, slow)?;
        let r = self.operator_helper(Helper::BinaryOp, op, a, b, (res, done))?;
        Ok(match unboxed {
            Some(bits) => Entry::Num {
                obj: r,
                bits,
                home: None,
            },
            None => Entry::Val(r),
        })
    }

    /// `a cmp b` on objects: identity and small-int orderings inline.
    pub(super) fn compare_op(&mut self, op: u32, x: Operand, y: Operand) -> Res<VReg> {
        let cmp = Comparison::from_u32(op);
        if let Some(c @ (Comparison::Is | Comparison::IsNot)) = cmp {
            let a = self.operand_obj(x)?;
            let b = self.operand_obj(y)?;
            let cond = if c == Comparison::Is {
                Cond::Eq
            } else {
                Cond::Ne
            };
            let t = self.cmp(cond, a, b);
            // Native code boxes the truth value only where an object is needed (a join boxes
            // it, see `Lower::move_entries`).
            if self.mode == Mode::Native {
                return Ok(t);
            }
            return self.bool_obj(t);
        }
        let cond = cmp.and_then(ordering_cond);
        let res = self.f.vreg(Ty::Obj);
        let slow = self.f.block();
        self.f.data_mut(slow).cold = true;
        let done = self.f.block();
        if let Some(cond) = cond {
            self.inline_orderings(cond, (x, y), (slow, done), &mut |me, t| {
                let o = me.bool_obj(t)?;
                me.emit(Inst::Mov { dst: res, src: o });
                Ok(())
            })?;
        } else {
            self.term(Term::Jump(slow));
        }
        let (a, b) = self.operand_objs(x, y, slow)?;
        self.operator_helper(Helper::CompareOp, op, a, b, (res, done))
    }

    /// Whether the next instruction is a conditional jump that pops the current top of stack and
    /// can be reached only from here: then the top need not be an object, only a truth value.
    fn branch_follows(&self) -> bool {
        let next = self.ip as usize + 1;
        next < self.flow.leader.len()
            && !self.flow.leader[next]
            && matches!(
                super::flow::op_at(self.code, next),
                Some((Op::PopJumpIfFalse | Op::PopJumpIfTrue, _))
            )
    }

    /// `a cmp b` whose only use is the truth test of the next instruction: a 0/1 register.
    /// Small-int orderings compare inline and feed the branch directly; other operands go
    /// through the helper and the truth of its result (the order Python evaluates them in).
    fn compare_for_branch(&mut self, op: u32, x: Operand, y: Operand) -> Res<VReg> {
        let Some(cond) = Comparison::from_u32(op).and_then(ordering_cond) else {
            return self.compare_op(op, x, y);
        };
        let res = self.f.vreg(Ty::Bool);
        let slow = self.f.block();
        self.f.data_mut(slow).cold = true;
        let done = self.f.block();
        self.inline_orderings(cond, (x, y), (slow, done), &mut |me, t| {
            me.emit(Inst::Mov { dst: res, src: t });
            Ok(())
        })?;
        let (a, b) = self.operand_objs(x, y, slow)?;
        let o = self.iconst(Ty::Int, op as i64);
        let r = self.call(Helper::CompareOp, &[o, a, b], Ty::Obj);
        self.check_obj(r)?;
        let t = self.truth(Entry::Val(r))?;
        self.emit(Inst::Mov { dst: res, src: t });
        self.term(Term::Jump(done));
        self.cur = Some(done);
        Ok(res)
    }

    /// `a // b` or `a % b` (`modulo`) on the small ints `a` and `b` into `res` as a small
    /// int, with Python's floor rounding; a zero divisor or a quotient beyond the small ints
    /// (only `MIN // -1`) goes to `slow`. Continues in a fresh block.
    fn small_int_floor_div(
        &mut self,
        modulo: bool,
        (a, b): (VReg, VReg),
        (res, slow): (VReg, Block),
    ) {
        let one = self.iconst(Ty::Int, 1);
        let x = self.bin(BinOp::Sar, Ty::Int, a, one);
        let y = self.bin(BinOp::Sar, Ty::Int, b, one);
        let divide = self.f.block();
        self.term(Term::Branch {
            cond: y,
            then: divide,
            else_: slow,
        });
        self.cur = Some(divide);
        // Untagged small ints are at most 2**62 in magnitude: no (MIN, -1) for the machine.
        let (q, r) = (self.f.vreg(Ty::Int), self.f.vreg(Ty::Int));
        self.emit(Inst::DivRem {
            quot: q,
            rem: r,
            a: x,
            b: y,
        });
        // Truncation to floor: a non-zero remainder whose sign differs from the divisor's moves
        // the quotient down by one and the remainder up by the divisor.
        let zero = self.iconst(Ty::Int, 0);
        let inexact = self.cmp(Cond::Ne, r, zero);
        let signs = self.bin(BinOp::Xor, Ty::Int, r, y);
        let differ = self.cmp(Cond::Lt, signs, zero);
        let adjust = self.bin(BinOp::And, Ty::Int, inexact, differ);
        if modulo {
            let mask = self.f.vreg(Ty::Int);
            self.emit(Inst::Un {
                op: UnOp::Neg,
                dst: mask,
                a: adjust,
            });
            let add = self.bin(BinOp::And, Ty::Int, y, mask);
            let m = self.bin(BinOp::Add, Ty::Int, r, add);
            let twice = self.bin(BinOp::Add, Ty::Int, m, m);
            self.emit(Inst::Bin {
                op: BinOp::Or,
                dst: res,
                a: twice,
                b: one,
            });
        } else {
            let fq = self.bin(BinOp::Sub, Ty::Int, q, adjust);
            let twice = self.unless_overflow(OvfOp::Add, fq, fq, slow);
            self.emit(Inst::Bin {
                op: BinOp::Or,
                dst: res,
                a: twice,
                b: one,
            });
        }
    }

    /// `a op b` as a machine word, going to `slow` if it overflows; continues in a fresh block.
    fn unless_overflow(&mut self, op: OvfOp, a: VReg, b: VReg, slow: Block) -> VReg {
        let (r, ovf) = (self.f.vreg(Ty::Int), self.f.vreg(Ty::Bool));
        self.emit(Inst::BinOvf {
            op,
            dst: r,
            ovf,
            a,
            b,
        });
        let ok = self.f.block();
        self.term(Term::Branch {
            cond: ovf,
            then: slow,
            else_: ok,
        });
        self.cur = Some(ok);
        r
    }

    /// The inline paths of an ordering: small ints, then (where floats are inline) floats. Each
    /// hands its 0/1 truth to `deliver` and goes on to `done`; other operands go to `slow`.
    fn inline_orderings(
        &mut self,
        cond: Cond,
        (x, y): (Operand, Operand),
        (slow, done): (Block, Block),
        deliver: &mut dyn FnMut(&mut Self, VReg) -> Res<()>,
    ) -> Res<()> {
        let not_ints = if self.floats_inline() {
            self.f.block()
        } else {
            slow
        };
        self.unless_small_ints(x.obj, y.obj, not_ints);
        let t = self.cmp(cond, x.obj, y.obj);
        deliver(self, t)?;
        self.term(Term::Jump(done));
        if not_ints != slow {
            self.cur = Some(not_ints);
            let t = self.float_compare(cond, x, y, slow);
            deliver(self, t)?;
            self.term(Term::Jump(done));
        }
        Ok(())
    }

    /// Go to `slow` unless both `a` and `b` are small ints; continue in a fresh block.
    fn unless_small_ints(&mut self, a: VReg, b: VReg, slow: Block) {
        let both = self.bin(BinOp::And, Ty::Int, a, b);
        let one = self.iconst(Ty::Int, 1);
        let tag = self.bin(BinOp::And, Ty::Int, both, one);
        let fast = self.f.block();
        self.term(Term::Branch {
            cond: tag,
            then: fast,
            else_: slow,
        });
        self.cur = Some(fast);
    }

    /// The end of an inline operator's slow path (the current block): `helper(op, a, b)` into
    /// `res`, then `done`, where control continues.
    fn operator_helper(
        &mut self,
        helper: Helper,
        op: u32,
        a: VReg,
        b: VReg,
        (res, done): (VReg, Block),
    ) -> Res<VReg> {
        let o = self.iconst(Ty::Int, op as i64);
        let r = self.call(helper, &[o, a, b], Ty::Obj);
        self.check_obj(r)?;
        self.emit(Inst::Mov { dst: res, src: r });
        self.term(Term::Jump(done));
        self.cur = Some(done);
        Ok(res)
    }

    /// `True`/`False` from a 0/1 register.
    fn bool_obj(&mut self, t: VReg) -> Res<VReg> {
        let b = self.f.vreg(Ty::Bool);
        self.emit(Inst::Mov { dst: b, src: t });
        self.box_value(b)
    }

    /// The value a `return` hands back: an object (viper converts by the return annotation).
    fn return_value(&mut self) -> Res<VReg> {
        let e = self.pop_entry();
        if self.mode == Mode::Viper {
            return self.viper_return(e);
        }
        self.to_obj(e)
    }

    /// A constant of the code object, if it is a plain integer.
    pub(super) fn const_int(&self, k: u32) -> Option<i64> {
        match self.code.consts.get(k as usize)? {
            Const::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// Name `names[i]`.
    pub(super) fn name(&self, i: u32) -> &str {
        self.code.names.get(i as usize).map_or("", String::as_str)
    }

    /// Refuse a construct this backend cannot compile.
    pub(super) fn unsupported(&self, what: &str) -> super::LowerError {
        self.error(ErrorKind::NotImplemented, String::from(what))
    }
}

/// The machine comparison of a small-int ordering or equality (`None`: `is`, `in`...).
pub(super) fn ordering_cond(c: Comparison) -> Option<Cond> {
    Some(match c {
        Comparison::Lt => Cond::Lt,
        Comparison::Le => Cond::Le,
        Comparison::Gt => Cond::Gt,
        Comparison::Ge => Cond::Ge,
        Comparison::Eq => Cond::Eq,
        Comparison::Ne => Cond::Ne,
        _ => return None,
    })
}
