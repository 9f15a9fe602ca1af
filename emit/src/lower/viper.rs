//! Viper's typed lowering: machine integers, booleans and pointers stay in registers and their
//! operations become machine instructions, with MicroPython's type rules and `ViperTypeError`
//! messages. Anything on objects falls back to the object-mode lowering (`ops.rs`).
//!
//! The rules are MicroPython's (`py/emitnative.c`): a local's type is fixed by its first store
//! in program order; `int`/`uint` arithmetic wraps at the machine word and its result has the left
//! operand's type; comparisons need the same signedness; `range()` loops with a constant step are
//! counted loops whose variable has the start's type; tuple assignments of two or three items move
//! the values without building a tuple; everything else on a machine value is a compile-time
//! `ViperTypeError` or `NotImplementedError` with MicroPython's message.
//!
//! Beyond MicroPython: integer literals that fit the machine word stay machine integers (MicroPython
//! makes objects of literals beyond its small-int range), and typed pointers take `p + n`/`p - n`
//! scaled by their element size.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use frontend::bytecode::code::CodeObject;
use frontend::bytecode::opcodes::Op;
use frontend::bytecode::{BinaryOperator, Comparison, INPLACE, UnaryOperator};

use super::{Entry, ErrorKind, Lower, LowerError, Res};
use crate::helpers::{Helper, imm};
use crate::ir::{BinOp, Cond, Inst, Term, Ty, UnOp, VReg, Width};

/// Steps of a counted loop between two polls for Ctrl-C: the loop itself tests only the chunk's
/// end, so its iterations cost what a hand-written loop's do.
pub(super) const COUNTED_CHUNK: i64 = 1024;

/// Check a viper function's annotations: each must name one of viper's types (the compiler has
/// already refused annotations that are not names).
pub(super) fn check_annotations(code: &CodeObject) -> Result<(), LowerError> {
    for (_, t) in &code.annotations {
        if Ty::from_name(t).is_none() {
            return Err(LowerError {
                kind: ErrorKind::ViperType,
                msg: format!("unknown type '{t}'"),
                line: code.first_line,
            });
        }
    }
    Ok(())
}

impl Lower<'_> {
    /// Lower `op` if viper's typed rules apply; `false` leaves it to the object lowering.
    pub(super) fn viper_inst(&mut self, op: Op, a: u32) -> Res<bool> {
        match op {
            Op::LoadSmallInt => {
                let n = ((a << 8) as i32 >> 8) as i64;
                let v = self.iconst(Ty::Int, n);
                self.push(v);
            }
            Op::LoadConst => match self.const_int(a) {
                Some(i) if self.fits_word(i) => {
                    let v = self.iconst(Ty::Int, i);
                    self.push(v);
                }
                _ => return Ok(false),
            },
            Op::LoadTrue | Op::LoadFalse => {
                let v = self.iconst(Ty::Bool, i64::from(op == Op::LoadTrue));
                self.push(v);
            }
            Op::LoadFast => {
                self.check_typed_before(a)?;
                return Ok(false);
            }
            // MicroPython deletes a local by storing `None` to it, which only an object takes.
            Op::DeleteFast if !self.probing && self.local_type(a) != Ty::Obj => {
                let name = &self.code.varnames[a as usize];
                return Err(self.viper_error(format!(
                    "local '{name}' has type '{}' but source is 'None'",
                    self.local_type(a).name()
                )));
            }
            Op::LoadGlobal => {
                let name = self.name(a);
                if name == "range" {
                    self.stack.push(Entry::RangeFn(a));
                } else if let Some(ty) = Ty::from_name(name).filter(|t| *t != Ty::Obj) {
                    self.stack.push(Entry::Cast(ty, a));
                } else {
                    return Ok(false);
                }
            }
            Op::BuildTuple if self.tuple_moves(self.ip, a) => {
                // `a, b = x, y`: the values stay as they are; `UnpackSequence` reorders them.
            }
            Op::UnpackSequence if self.ip > 0 && self.tuple_moves(self.ip - 1, a) => {
                let n = self.stack.len();
                self.stack[n - a as usize..].reverse();
            }
            Op::Call => return self.viper_call(a),
            Op::GetIter => match self.stack.last().copied() {
                Some(Entry::Range { start, stop, step }) => {
                    self.stack.pop();
                    // The counter holds the value last produced (`start - step` before the
                    // first): the loop steps it, tests it and hands it to the body, so the body's
                    // variable and the counter need no shuffling on the back edge.
                    let ty = self.f.ty(start);
                    let cur = self.f.vreg(ty);
                    self.bin_imm_into(BinOp::Sub, cur, start, step);
                    let end = self.f.vreg(ty);
                    self.emit(Inst::Mov {
                        dst: end,
                        src: stop,
                    });
                    // An empty first chunk: the first step finds the real bound and sets one.
                    let limit = self.f.vreg(ty);
                    self.emit(Inst::Mov {
                        dst: limit,
                        src: cur,
                    });
                    self.stack.push(Entry::RangeIter {
                        cur,
                        stop: end,
                        limit,
                        step,
                    });
                }
                _ => return Ok(false),
            },
            Op::ForIter => match self.stack.last().copied() {
                Some(Entry::RangeIter {
                    cur,
                    stop,
                    limit,
                    step,
                }) => {
                    let unsigned = self.f.ty(cur) == Ty::Uint;
                    let cond = match (step > 0, unsigned) {
                        (true, false) => Cond::Lt,
                        (true, true) => Cond::Ult,
                        (false, false) => Cond::Gt,
                        (false, true) => Cond::Ugt,
                    };
                    let ty = self.f.ty(cur);
                    self.bin_imm_into(BinOp::Add, cur, cur, step);
                    // Within the chunk: straight on to the body, one compare per iteration.
                    let go = self.cmp(cond, cur, limit);
                    let body = self.f.block();
                    let refill = self.f.block();
                    self.f.data_mut(refill).cold = true;
                    self.term(Term::Branch {
                        cond: go,
                        then: body,
                        else_: refill,
                    });
                    // At the chunk's end: leave at `stop`, else poll and set the next chunk.
                    self.cur = Some(refill);
                    let more = self.cmp(cond, cur, stop);
                    let mut after = self.stack.clone();
                    after.pop();
                    self.branch_unless(more, a, &after)?;
                    self.poll_interrupt_rarely()?;
                    self.emit(Inst::Mov {
                        dst: limit,
                        src: stop,
                    });
                    let span = COUNTED_CHUNK
                        .checked_mul(step)
                        .filter(|&x| self.wb == 8 || i32::try_from(x).is_ok());
                    if let Some(span) = span {
                        let left = if step > 0 {
                            self.bin(BinOp::Sub, ty, stop, cur)
                        } else {
                            self.bin(BinOp::Sub, ty, cur, stop)
                        };
                        let whole = self.iconst(ty, span.unsigned_abs() as i64);
                        let far = self.cmp(Cond::Ugt, left, whole);
                        let chunk = self.f.block();
                        self.term(Term::Branch {
                            cond: far,
                            then: chunk,
                            else_: body,
                        });
                        self.cur = Some(chunk);
                        self.bin_imm_into(BinOp::Add, limit, cur, span);
                    }
                    self.term(Term::Jump(body));
                    self.cur = Some(body);
                    // The counter itself: the loop body stores it before the next step.
                    self.push(cur);
                }
                _ => return Ok(false),
            },
            Op::BinaryOp => return self.viper_binary(a),
            Op::CompareOp => return self.viper_compare(a),
            Op::UnaryOp => return self.viper_unary(a),
            Op::BinarySubscr => return self.viper_load(),
            Op::StoreSubscr => return self.viper_store(),
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                if let Some(Entry::Val(v)) = self.stack.last().copied() {
                    let ty = self.f.ty(v);
                    if !matches!(ty, Ty::Obj | Ty::Int | Ty::Uint | Ty::Bool) {
                        return Err(self.viper_error(format!(
                            "can't implicitly convert '{}' to 'bool'",
                            ty.name()
                        )));
                    }
                }
                return Ok(false);
            }
            // A bare `raise` and `raise ... from ...`.
            Op::Raise if a != 1 => return Err(self.unsupported("native raise")),
            Op::Raise => {
                let raises_object = match self.stack.last().copied() {
                    Some(Entry::Val(v)) => self.f.ty(v) == Ty::Obj,
                    _ => false,
                };
                if !raises_object {
                    return Err(self.viper_error(String::from("must raise an object")));
                }
                return Ok(false);
            }
            Op::YieldValue | Op::Send => {
                return Err(self.unsupported("native yield"));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn fits_word(&self, i: i64) -> bool {
        self.wb >= 8 || i32::try_from(i).is_ok()
    }

    /// The constant a register was set to, if it was set once from an `iconst` just now.
    pub(super) fn known_const(&self, v: VReg) -> Option<i64> {
        self.known.get(&v.0).copied()
    }

    /// The name of a value's type in messages: MicroPython gives the constant `None` its own.
    pub(super) fn type_name(&self, v: VReg) -> &'static str {
        let ty = self.f.ty(v);
        if ty == Ty::Obj && self.known_const(v) == Some(imm::NONE) {
            "None"
        } else {
            ty.name()
        }
    }

    /// The instruction after the current one, unless a block starts there.
    fn next_in_block(&self) -> Option<Op> {
        let next = self.ip as usize + 1;
        if self.flow.leader.get(next).copied().unwrap_or(true) {
            return None;
        }
        super::flow::op_at(self.code, next).map(|(op, _)| op)
    }

    /// Whether the value the current instruction makes is a `for` loop's iterable (`GetIter`
    /// then `ForIter`), not an object passed on (a comprehension's argument, say).
    fn starts_for_loop(&self) -> bool {
        let after = super::flow::op_at(self.code, self.ip as usize + 2).map(|(op, _)| op);
        self.next_in_block() == Some(Op::GetIter) && after == Some(Op::ForIter)
    }

    /// Whether the `BuildTuple n` at `at` only feeds an `UnpackSequence n` (a tuple assignment of
    /// two or three items), which MicroPython compiles as moves.
    fn tuple_moves(&self, at: u32, n: u32) -> bool {
        let next = at as usize + 1;
        matches!(n, 2 | 3)
            && matches!(super::flow::op_at(self.code, at as usize), Some((Op::BuildTuple, k)) if k == n)
            && matches!(super::flow::op_at(self.code, next), Some((Op::UnpackSequence, k)) if k == n)
            && !self.flow.leader.get(next).copied().unwrap_or(true)
    }

    /// A local's type is known once a store to it precedes the load in program order (parameters
    /// are typed from the start).
    fn check_typed_before(&self, local: u32) -> Res<()> {
        if self.probing || local < self.nparams() {
            return Ok(());
        }
        let stored = (0..self.ip as usize).any(|ip| {
            matches!(super::flow::op_at(self.code, ip), Some((Op::StoreFast, i)) if i == local)
        });
        if stored {
            return Ok(());
        }
        let name = &self.code.varnames[local as usize];
        Err(self.viper_error(format!("local '{name}' used before type known")))
    }

    /// `Call` whose callee is a cast or `range`.
    fn viper_call(&mut self, n: u32) -> Res<bool> {
        let n = n as usize;
        let at = self.stack.len() - n - 1;
        match self.stack[at] {
            Entry::Cast(ty, _) if n == 1 => {
                let arg = self.pop_entry();
                self.pop_entry();
                let v = self.cast(ty, arg)?;
                self.push(v);
                Ok(true)
            }
            Entry::RangeFn(_) if (1..=3).contains(&n) && self.starts_for_loop() => {
                self.range_loop(at, n)
            }
            Entry::Cast(..) | Entry::RangeFn(_) => {
                self.materialise(at)?;
                Ok(false)
            }
            _ => Ok(false),
        }
    }

    /// `for v in range(...)`: MicroPython compiles it as `v = start; while v < stop: ...;
    /// v += step` when the step is a constant, so the start and stop must be machine integers of
    /// the same signedness (the loop variable has the start's type). Any other step makes a real
    /// `range` object.
    fn range_loop(&mut self, at: usize, n: usize) -> Res<bool> {
        let args: Vec<Entry> = self.stack[at + 1..].to_vec();
        let step = if n == 3 {
            match args[2] {
                Entry::Val(v) if self.f.ty(v) == Ty::Int => self.known_const(v),
                _ => None,
            }
        } else {
            Some(1)
        };
        let Some(step) = step.filter(|s| *s != 0) else {
            self.materialise(at)?;
            return Ok(false);
        };
        let ty = |e: &Entry, me: &Self| match e {
            Entry::Val(v) => me.f.ty(*v),
            _ => Ty::Obj,
        };
        let start_ty = if n == 1 { Ty::Int } else { ty(&args[0], self) };
        let stop_ty = ty(&args[usize::from(n > 1)], self);
        let int = |t: Ty| matches!(t, Ty::Int | Ty::Uint);
        // MicroPython reports the last error it meets: the test `v < stop` comes after `v += step`.
        if int(start_ty) && int(stop_ty) {
            if start_ty != stop_ty {
                return Err(self.viper_error(String::from("comparison of int and uint")));
            }
        } else if !(start_ty == Ty::Obj && stop_ty == Ty::Obj) {
            return Err(self.viper_error(format!(
                "can't do binary op between '{}' and '{}'",
                start_ty.name(),
                stop_ty.name()
            )));
        } else {
            return Err(self.viper_error(format!(
                "can't do binary op between '{}' and 'int'",
                start_ty.name()
            )));
        }
        self.stack.truncate(at);
        let (start, stop) = match (n, args[0], args[usize::from(n > 1)]) {
            (1, _, Entry::Val(stop)) => (self.iconst(Ty::Int, 0), stop),
            (_, Entry::Val(s), Entry::Val(e)) => (s, e),
            _ => unreachable!("machine integers are registers"),
        };
        self.stack.push(Entry::Range { start, stop, step });
        Ok(true)
    }

    /// Replace the marker at stack position `at` by the object it names.
    fn materialise(&mut self, at: usize) -> Res<()> {
        let e = self.stack[at];
        let v = self.to_obj(e)?;
        self.stack[at] = Entry::Val(v);
        Ok(())
    }

    /// `ty(arg)`: a retag of a machine value, or a conversion of an object.
    fn cast(&mut self, ty: Ty, arg: Entry) -> Res<VReg> {
        let v = match arg {
            Entry::Val(v) => v,
            // `int(int)`.
            Entry::Cast(..) => return Err(self.unsupported("casting")),
            other => self.to_obj(other)?,
        };
        let from = self.f.ty(v);
        if from == Ty::Obj {
            let dst = self.f.vreg(ty);
            self.unbox_into(dst, v)?;
            return Ok(dst);
        }
        if ty == Ty::Bool && from != Ty::Bool {
            let z = self.iconst(from, 0);
            return Ok(self.cmp(Cond::Ne, v, z));
        }
        if let Some(k) = self.known_const(v) {
            // Still a constant (an immediate, in MicroPython's terms): `print(ptr(1))` is refused.
            return Ok(self.iconst(ty, k));
        }
        let dst = self.f.vreg(ty);
        self.emit(Inst::Mov { dst, src: v });
        Ok(dst)
    }

    /// The types of the top two entries when both are registers.
    fn top_two(&self) -> Option<(VReg, VReg)> {
        let n = self.stack.len();
        match (self.stack.get(n.wrapping_sub(2)), self.stack.last()) {
            (Some(Entry::Val(a)), Some(Entry::Val(b))) => Some((*a, *b)),
            _ => None,
        }
    }

    fn binary_type_error(&self, a: VReg, b: VReg) -> LowerError {
        self.viper_error(format!(
            "can't do binary op between '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        ))
    }

    fn viper_binary(&mut self, op: u32) -> Res<bool> {
        let Some((a, b)) = self.top_two() else {
            return Ok(false);
        };
        let (ta, tb) = (self.f.ty(a), self.f.ty(b));
        if ta == Ty::Obj && tb == Ty::Obj {
            return Ok(false);
        }
        let base = if op >= INPLACE { op - INPLACE } else { op };
        let kind = BinaryOperator::from_u32(base).expect("valid operator");
        let int = |t: Ty| matches!(t, Ty::Int | Ty::Uint);
        // Typed pointer arithmetic: p + n, p - n in elements.
        if let Some(w) = ta.pointee()
            && int(tb)
            && matches!(kind, BinaryOperator::Add | BinaryOperator::Sub)
        {
            self.stack.truncate(self.stack.len() - 2);
            let sh = self.iconst(Ty::Int, w.shift(self.wb) as i64);
            let scaled = self.bin(BinOp::Shl, Ty::Int, b, sh);
            let op = if kind == BinaryOperator::Add {
                BinOp::Add
            } else {
                BinOp::Sub
            };
            let r = self.bin(op, ta, a, scaled);
            self.push(r);
            return Ok(true);
        }
        if !(int(ta) && int(tb)) {
            return Err(self.binary_type_error(a, b));
        }
        let bop = match kind {
            BinaryOperator::Add => BinOp::Add,
            BinaryOperator::Sub => BinOp::Sub,
            BinaryOperator::Mul => BinOp::Mul,
            BinaryOperator::And => BinOp::And,
            BinaryOperator::Or => BinOp::Or,
            BinaryOperator::Xor => BinOp::Xor,
            BinaryOperator::LShift => BinOp::Shl,
            BinaryOperator::RShift if ta == Ty::Uint => BinOp::Shr,
            BinaryOperator::RShift => BinOp::Sar,
            BinaryOperator::FloorDiv | BinaryOperator::Mod => {
                if ta == Ty::Uint {
                    return Err(self.viper_error(String::from("div/mod not implemented for uint")));
                }
                self.stack.truncate(self.stack.len() - 2);
                let h = if kind == BinaryOperator::FloorDiv {
                    Helper::IntFloorDiv
                } else {
                    Helper::IntMod
                };
                let r = self.call(h, &[a, b], Ty::Int);
                self.check_word(r)?;
                self.push(r);
                return Ok(true);
            }
            _ => {
                return Err(
                    self.viper_error(format!("binary op {} not implemented", kind.dunders().0))
                );
            }
        };
        self.stack.truncate(self.stack.len() - 2);
        let r = self.bin(bop, ta, a, b);
        self.push(r);
        Ok(true)
    }

    fn viper_compare(&mut self, op: u32) -> Res<bool> {
        let Some((a, b)) = self.top_two() else {
            return Ok(false);
        };
        let (ta, tb) = (self.f.ty(a), self.f.ty(b));
        if ta == Ty::Obj && tb == Ty::Obj {
            return Ok(false);
        }
        let int = |t: Ty| matches!(t, Ty::Int | Ty::Uint);
        if !(int(ta) && int(tb)) {
            return Err(self.binary_type_error(a, b));
        }
        let cmp = Comparison::from_u32(op).expect("valid comparison");
        let unsigned = ta == Ty::Uint;
        let cond = match (cmp, unsigned) {
            (Comparison::Eq, _) => Cond::Eq,
            (Comparison::Ne, _) => Cond::Ne,
            (Comparison::Lt, false) => Cond::Lt,
            (Comparison::Le, false) => Cond::Le,
            (Comparison::Gt, false) => Cond::Gt,
            (Comparison::Ge, false) => Cond::Ge,
            (Comparison::Lt, true) => Cond::Ult,
            (Comparison::Le, true) => Cond::Ule,
            (Comparison::Gt, true) => Cond::Ugt,
            (Comparison::Ge, true) => Cond::Uge,
            // MicroPython's operator table has no method name for these, so the name is empty.
            (Comparison::In | Comparison::NotIn | Comparison::Is | Comparison::IsNot, _) => {
                return Err(self.viper_error(String::from("binary op  not implemented")));
            }
        };
        if ta != tb {
            return Err(self.viper_error(String::from("comparison of int and uint")));
        }
        self.stack.truncate(self.stack.len() - 2);
        let r = self.cmp(cond, a, b);
        self.push(r);
        Ok(true)
    }

    fn viper_unary(&mut self, op: u32) -> Res<bool> {
        let Some(Entry::Val(v)) = self.stack.last().copied() else {
            return Ok(false);
        };
        let ty = self.f.ty(v);
        if ty == Ty::Obj {
            return Ok(false);
        }
        let op = UnaryOperator::from_u32(op).expect("valid operator");
        let int = matches!(ty, Ty::Int | Ty::Uint);
        let r = match op {
            // `not` straight into a branch is the branch inverted (MicroPython's compiler folds
            // it into the condition); anything else has no machine form.
            UnaryOperator::Not
                if matches!(
                    self.next_in_block(),
                    Some(Op::PopJumpIfFalse | Op::PopJumpIfTrue)
                ) && (int || ty == Ty::Bool) =>
            {
                let z = self.iconst(ty, 0);
                self.cmp(Cond::Eq, v, z)
            }
            UnaryOperator::Not if int => {
                return Err(self.viper_error(String::from("'not' not implemented")));
            }
            UnaryOperator::Pos if int => v,
            UnaryOperator::Neg | UnaryOperator::Invert if int => {
                let dst = self.f.vreg(ty);
                let op = if op == UnaryOperator::Neg {
                    UnOp::Neg
                } else {
                    UnOp::Not
                };
                self.emit(Inst::Un { op, dst, a: v });
                dst
            }
            _ => {
                return Err(self.viper_error(format!("can't do unary op of '{}'", ty.name())));
            }
        };
        self.stack.pop();
        self.push(r);
        Ok(true)
    }

    /// `p[i]` on a typed pointer.
    fn viper_load(&mut self) -> Res<bool> {
        let Some((base, idx)) = self.top_two() else {
            return Ok(false);
        };
        let tb = self.f.ty(base);
        if tb == Ty::Obj {
            return Ok(false);
        }
        let Some(w) = tb.pointee() else {
            return Err(self.viper_error(format!("can't load from '{}'", self.type_name(base))));
        };
        if !matches!(self.f.ty(idx), Ty::Int | Ty::Uint) {
            return Err(
                self.viper_error(format!("can't load with '{}' index", self.type_name(idx)))
            );
        }
        self.stack.truncate(self.stack.len() - 2);
        let (addr, offset) = self.element_address(base, idx, w);
        let dst = self.f.vreg(Ty::Int);
        self.emit(Inst::Load {
            width: w,
            signed: false,
            dst,
            base: addr,
            offset,
        });
        self.push(dst);
        Ok(true)
    }

    /// `p[i] = v` on a typed pointer. MicroPython reports the last problem it meets: a bad base
    /// over a bad value over a bad index.
    fn viper_store(&mut self) -> Res<bool> {
        let n = self.stack.len();
        let (Some(Entry::Val(v)), Some(Entry::Val(base)), Some(Entry::Val(idx))) = (
            self.stack.get(n.wrapping_sub(3)).copied(),
            self.stack.get(n.wrapping_sub(2)).copied(),
            self.stack.get(n.wrapping_sub(1)).copied(),
        ) else {
            return Ok(false);
        };
        let tb = self.f.ty(base);
        if tb == Ty::Obj {
            return Ok(false);
        }
        let Some(w) = tb.pointee() else {
            return Err(self.viper_error(format!("can't store to '{}'", self.type_name(base))));
        };
        if !matches!(self.f.ty(v), Ty::Int | Ty::Uint | Ty::Bool) {
            return Err(self.viper_error(format!("can't store '{}'", self.type_name(v))));
        }
        if !matches!(self.f.ty(idx), Ty::Int | Ty::Uint) {
            return Err(
                self.viper_error(format!("can't store with '{}' index", self.type_name(idx)))
            );
        }
        self.stack.truncate(n - 3);
        let (addr, offset) = self.element_address(base, idx, w);
        self.emit(Inst::Store {
            width: w,
            src: v,
            base: addr,
            offset,
        });
        Ok(true)
    }

    /// The address of element `idx` of `base`: a constant index becomes an offset.
    fn element_address(&mut self, base: VReg, idx: VReg, w: Width) -> (VReg, i32) {
        let shift = w.shift(self.wb);
        if let Some(k) = self.known_const(idx)
            && let Some(off) = k.checked_shl(shift).and_then(|o| i32::try_from(o).ok())
            && (k << shift) >> shift == k
        {
            return (base, off);
        }
        let sh = self.iconst(Ty::Int, shift as i64);
        let scaled = self.bin(BinOp::Shl, Ty::Int, idx, sh);
        (self.bin(BinOp::Add, Ty::Ptr, base, scaled), 0)
    }

    /// `return e` in a viper function: checked against the return annotation and boxed.
    pub(super) fn viper_return(&mut self, e: Entry) -> Res<VReg> {
        let ret = self
            .code
            .annotations
            .iter()
            .find(|(n, _)| n == "return")
            .and_then(|(_, t)| Ty::from_name(t))
            .unwrap_or(Ty::Obj);
        let v = match e {
            Entry::Val(v) => v,
            other => self.to_obj(other)?,
        };
        let ty = self.f.ty(v);
        if ty == ret {
            return match ret {
                Ty::Obj => Ok(v),
                Ty::Int | Ty::Bool => self.box_value(v),
                _ => {
                    let r = self.call(Helper::BoxUint, &[v], Ty::Obj);
                    self.check_obj(r)?;
                    Ok(r)
                }
            };
        }
        if ty == Ty::Obj && self.known_const(v) == Some(imm::NONE) {
            // `return None` (or falling off the end) from a typed function gives 0.
            let z = self.iconst(ret, 0);
            return if ret == Ty::Int || ret == Ty::Bool {
                self.box_value(z)
            } else {
                let r = self.call(Helper::BoxUint, &[z], Ty::Obj);
                self.check_obj(r)?;
                Ok(r)
            };
        }
        if self.probing {
            return self.to_obj(Entry::Val(v));
        }
        Err(self.viper_error(format!(
            "return expected '{}' but got '{}'",
            ret.name(),
            ty.name()
        )))
    }
}
