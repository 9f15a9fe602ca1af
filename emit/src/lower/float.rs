//! Inline float arithmetic and comparisons (native code on 64-bit hosts): when both operands
//! are exact `float`s, or one is a small int, the operation runs on the machine's binary64 unit
//! and only the result is boxed (the `BoxFloat` helper). Everything else -- subclasses, other
//! types, a zero divisor, ints beyond 2**53 -- takes the helper the plain lowering calls, so
//! behaviour is the interpreter's either way.

use super::{Entry, Lower, Res};
use crate::helpers::Helper;
use crate::ir::{BinOp, Block, Cond, FloatOp, Inst, Term, Ty, VReg, Width};
use alloc::vec::Vec;
use frontend::bytecode::code::{CodeObject, Const};
use frontend::bytecode::opcodes::Op;
use frontend::bytecode::{BinaryOperator, Comparison};

/// Ints up to this magnitude convert to binary64 exactly, so mixed arithmetic and comparisons
/// give Python's results.
const EXACT_INT: i64 = 1 << 53;

/// Whether `code` computes with floats, as far as its text shows: a float literal or a true
/// division. Elsewhere the float paths would only cost compile time (and code size).
pub(super) fn has_float_evidence(code: &CodeObject) -> bool {
    code.consts.iter().any(|c| matches!(c, Const::Float(_)))
        || (0..code.code.len()).any(|ip| {
            matches!(super::flow::op_at(code, ip), Some((Op::BinaryOp, a))
                if BinaryOperator::of_operand(a) == Some(BinaryOperator::TrueDiv))
        })
}

/// Native code: which locals to keep as possibly unboxed floats -- an object register that holds
/// 0 while a bits register holds the float. A local qualifies when some store to it takes the
/// result of float-capable arithmetic (see `reader_of`), and it is never deleted nor read where
/// it may be unbound (0 means the float there, not "unbound").
pub(super) fn float_locals(code: &CodeObject, flow: &super::flow::Flow) -> Vec<bool> {
    let n = code.varnames.len();
    let mut stored_float = alloc::vec![false; n];
    let mut excluded = alloc::vec![false; n];
    for ip in 0..code.code.len() {
        let here = super::flow::op_at(code, ip);
        let reachable = flow.depth.get(ip).is_some_and(Option::is_some);
        match here {
            Some((Op::BinaryOp, a))
                if reachable
                    && BinaryOperator::of_operand(a)
                        .and_then(Lower::float_op)
                        .is_some() =>
            {
                if let Some((Op::StoreFast, i)) = reader_of(code, flow, ip)
                    && (i as usize) < n
                {
                    stored_float[i as usize] = true;
                }
            }
            Some((Op::LoadFast, i)) if (i as usize) < n && reachable && !flow.is_bound(ip, i) => {
                excluded[i as usize] = true;
            }
            Some((Op::DeleteFast, i)) if (i as usize) < n => excluded[i as usize] = true,
            _ => {}
        }
    }
    (0..n).map(|i| stored_float[i] && !excluded[i]).collect()
}

/// The instruction that reads the value the instruction at `ip` leaves on top of the stack, when
/// it follows within a few straight-line instructions of known stack use (loads, arithmetic,
/// comparisons, attribute loads, `Swap`, `Copy` of another entry, stores).
fn reader_of(code: &CodeObject, flow: &super::flow::Flow, ip: usize) -> Option<(Op, u32)> {
    let mut pos = 0usize; // the value's depth below the top of the stack
    for at in ip + 1..(ip + 12).min(flow.leader.len()) {
        if flow.leader[at] {
            return None;
        }
        let (op, a) = super::flow::op_at(code, at)?;
        let (pops, pushes) = match op {
            Op::LoadFast
            | Op::LoadConst
            | Op::LoadSmallInt
            | Op::LoadGlobal
            | Op::LoadDeref
            | Op::LoadNone
            | Op::LoadTrue
            | Op::LoadFalse => (0, 1),
            Op::BinaryOp | Op::CompareOp => (2, 1),
            Op::UnaryOp | Op::LoadAttr => (1, 1),
            Op::StoreFast => (1, 0),
            Op::Swap => {
                let other = (a as usize).checked_sub(1)?;
                if pos == 0 {
                    pos = other;
                } else if pos == other {
                    pos = 0;
                }
                continue;
            }
            // A copy of the value itself would give it two uses.
            Op::Copy if pos + 1 == a as usize => return None,
            Op::Copy => (0, 1),
            _ => return None,
        };
        if pops > pos {
            return Some((op, a));
        }
        pos = pos - pops + pushes;
    }
    None
}

/// An operand of arithmetic or a comparison: an object, or (native code) an [`Entry::Num`],
/// whose `obj` is 0 when the value is the unboxed float in `bits`. `obj` alone serves the
/// small-int test: 0 is not a small int.
#[derive(Clone, Copy)]
pub(super) struct Operand {
    pub(super) obj: VReg,
    bits: Option<VReg>,
    /// The float local the unboxed value was read from (see [`Entry::Num`]).
    home: Option<u32>,
}

impl Lower<'_> {
    /// Pop the top entry as an operand (objects are materialised; unboxed floats stay so).
    pub(super) fn pop_operand(&mut self) -> Res<Operand> {
        match self.pop_entry() {
            Entry::Num { obj, bits, home } => Ok(Operand {
                obj,
                bits: Some(bits),
                home,
            }),
            e => Ok(Operand {
                obj: self.to_obj(e)?,
                bits: None,
                home: None,
            }),
        }
    }

    /// The operand as an object, boxing an unboxed float.
    pub(super) fn operand_obj(&mut self, x: Operand) -> Res<VReg> {
        match x.bits {
            Some(bits) => self.box_num(x.obj, bits, x.home),
            None => Ok(x.obj),
        }
    }

    /// Both operands as objects, computed at the start of the (cold) block `slow`, where an
    /// operator's helper is called; continues there.
    pub(super) fn operand_objs(
        &mut self,
        x: Operand,
        y: Operand,
        slow: Block,
    ) -> Res<(VReg, VReg)> {
        self.cur = Some(slow);
        Ok((self.operand_obj(x)?, self.operand_obj(y)?))
    }

    /// [`Entry::Num`] as an object: `obj`, or a new float holding `bits` when `obj` is 0. A
    /// value read from a float local (`home`) leaves the new float in the local, so every later
    /// use of the local sees the same object, as Python's identity rules require.
    pub(super) fn box_num(&mut self, obj: VReg, bits: VReg, home: Option<u32>) -> Res<VReg> {
        let r = self.f.vreg(Ty::Obj);
        self.emit(Inst::Mov { dst: r, src: obj });
        let (boxing, done) = (self.f.block(), self.f.block());
        self.term(Term::Branch {
            cond: obj,
            then: done,
            else_: boxing,
        });
        self.cur = Some(boxing);
        let b = self.call(Helper::BoxFloat, &[bits], Ty::Obj);
        self.check_obj(b)?;
        self.emit(Inst::Mov { dst: r, src: b });
        if let Some(i) = home {
            let local = self.float_local_obj(i);
            self.emit(Inst::Mov { dst: local, src: b });
        }
        self.term(Term::Jump(done));
        self.cur = Some(done);
        Ok(r)
    }

    /// The bits register of local `i` if it is kept as a possibly unboxed float.
    pub(super) fn float_local(&self, i: u32) -> Option<VReg> {
        self.float_locals.get(i as usize).copied().flatten()
    }

    /// The object register of float local `i` (0 while it holds an unboxed float).
    fn float_local_obj(&self, i: u32) -> VReg {
        match self.homes[i as usize] {
            super::Home::Reg(r) => r,
            super::Home::Frame => unreachable!("float locals live in registers"),
        }
    }

    /// `LOAD_FAST` of float local `i`: left unboxed when arithmetic or an ordering reads it
    /// next (`feeds_float_op`), else as an object, boxed once and kept in the local.
    pub(super) fn load_float_local(&mut self, i: u32, bits: VReg) -> Res<()> {
        let obj = self.float_local_obj(i);
        let (o, b) = (self.f.vreg(Ty::Obj), self.f.vreg(Ty::Int));
        self.emit(Inst::Mov { dst: o, src: obj });
        if self.feeds_float_op(false) {
            self.emit(Inst::Mov { dst: b, src: bits });
            self.stack.push(Entry::Num {
                obj: o,
                bits: b,
                home: Some(i),
            });
            return Ok(());
        }
        let v = self.box_num(o, bits, Some(i))?;
        self.push(v);
        Ok(())
    }

    /// `STORE_FAST` to float local `i`: an unboxed float stays unboxed.
    pub(super) fn store_float_local(&mut self, i: u32, bits: VReg, e: Entry) -> Res<()> {
        let obj = self.float_local_obj(i);
        match e {
            Entry::Num {
                obj: o, bits: b, ..
            } => {
                self.emit(Inst::Mov { dst: obj, src: o });
                self.emit(Inst::Mov { dst: bits, src: b });
            }
            other => {
                let v = self.to_obj(other)?;
                self.emit(Inst::Mov { dst: obj, src: v });
            }
        }
        Ok(())
    }

    /// Whether this lowering inlines float operations: the VM's layout is known, words are 64
    /// bits (wide enough for a binary64 value), and the code shows it computes with floats.
    pub(super) fn floats_inline(&self) -> bool {
        self.layout.is_some() && self.wide() && self.float_code
    }

    /// Whether the value the current instruction leaves on top of the stack is next read by
    /// arithmetic or an ordering that has a float path -- an intermediate result, worth leaving
    /// unboxed -- or, with `through_store`, stored to a float local. Looks ahead a few
    /// straight-line instructions of known stack use.
    pub(super) fn feeds_float_op(&self, through_store: bool) -> bool {
        match reader_of(self.code, self.flow, self.ip as usize) {
            // (A value read from a local is not stored unboxed into another: the two would box
            // to different objects.)
            Some((Op::StoreFast, a)) => through_store && self.float_local(a).is_some(),
            Some((Op::BinaryOp, a)) => BinaryOperator::of_operand(a)
                .and_then(Self::float_op)
                .is_some(),
            Some((Op::CompareOp, a)) => Comparison::from_u32(a)
                .and_then(super::ops::ordering_cond)
                .is_some(),
            _ => false,
        }
    }

    /// The float operation for a binary operator, if it has one inline.
    pub(super) fn float_op(kind: BinaryOperator) -> Option<FloatOp> {
        Some(match kind {
            BinaryOperator::Add => FloatOp::Add,
            BinaryOperator::Sub => FloatOp::Sub,
            BinaryOperator::Mul => FloatOp::Mul,
            BinaryOperator::TrueDiv => FloatOp::Div,
            _ => return None,
        })
    }

    /// In the current block: `a op b` on floats and on to `done`, or to `slow` when an operand
    /// is neither a float nor a small int (or the divisor is zero). The result goes to
    /// `unboxed` (with `res` 0) when there is one, else boxed to `res`.
    pub(super) fn float_arith(
        &mut self,
        op: FloatOp,
        (a, b): (Operand, Operand),
        (res, unboxed, slow, done): (VReg, Option<VReg>, Block, Block),
    ) -> Res<()> {
        let x = self.operand_bits(a, slow);
        let y = self.operand_bits(b, slow);
        if op == FloatOp::Div {
            // Python raises ZeroDivisionError where IEEE gives an infinity: the helper does.
            let zero = self.iconst(Ty::Int, 0);
            let is_zero = self.float_cmp(Cond::Eq, y, zero);
            let ok = self.f.block();
            self.term(Term::Branch {
                cond: is_zero,
                then: slow,
                else_: ok,
            });
            self.cur = Some(ok);
        }
        let r = self.f.vreg(Ty::Int);
        self.emit(Inst::Float {
            op,
            dst: r,
            a: x,
            b: y,
        });
        match unboxed {
            Some(bits) => {
                self.emit(Inst::Mov { dst: bits, src: r });
                self.emit(Inst::Iconst { dst: res, imm: 0 });
            }
            None => {
                let boxed = self.call(Helper::BoxFloat, &[r], Ty::Obj);
                self.check_obj(boxed)?;
                self.emit(Inst::Mov {
                    dst: res,
                    src: boxed,
                });
            }
        }
        self.term(Term::Jump(done));
        Ok(())
    }

    /// In the current block: `a cond b` on floats as a 0/1 register, continuing in a fresh
    /// block, or to `slow` when an operand is neither an exact float nor a small int.
    pub(super) fn float_compare(
        &mut self,
        cond: Cond,
        a: Operand,
        b: Operand,
        slow: Block,
    ) -> VReg {
        let x = self.operand_bits(a, slow);
        let y = self.operand_bits(b, slow);
        self.float_cmp(cond, x, y)
    }

    /// The binary64 bits of an operand: an unboxed float's own, else those of its object (see
    /// `float_bits`). Continues in a fresh block.
    fn operand_bits(&mut self, x: Operand, slow: Block) -> VReg {
        let Some(raw) = x.bits else {
            return self.float_bits(x.obj, slow);
        };
        let bits = self.f.vreg(Ty::Int);
        self.emit(Inst::Mov {
            dst: bits,
            src: raw,
        });
        let (boxed, done) = (self.f.block(), self.f.block());
        self.term(Term::Branch {
            cond: x.obj,
            then: boxed,
            else_: done,
        });
        self.cur = Some(boxed);
        let b = self.float_bits(x.obj, slow);
        self.emit(Inst::Mov { dst: bits, src: b });
        self.term(Term::Jump(done));
        self.cur = Some(done);
        bits
    }

    fn float_cmp(&mut self, cond: Cond, a: VReg, b: VReg) -> VReg {
        let dst = self.f.vreg(Ty::Bool);
        self.emit(Inst::FloatCmp { cond, dst, a, b });
        dst
    }

    /// The binary64 bits of `x` if it is an exact float or a small int that converts exactly;
    /// otherwise to `slow`. Continues in a fresh block.
    fn float_bits(&mut self, x: VReg, slow: Block) -> VReg {
        let l = self.layout.expect("float_bits needs a layout");
        let bits = self.f.vreg(Ty::Int);
        let (int, obj, join) = (self.f.block(), self.f.block(), self.f.block());
        let one = self.iconst(Ty::Int, 1);
        let tag = self.bin(BinOp::And, Ty::Int, x, one);
        self.term(Term::Branch {
            cond: tag,
            then: int,
            else_: obj,
        });

        self.cur = Some(int);
        let i = self.bin(BinOp::Sar, Ty::Int, x, one);
        // |i| <= 2**53: one unsigned compare of i + 2**53 against 2**54.
        let bias = self.iconst(Ty::Int, EXACT_INT);
        let biased = self.bin(BinOp::Add, Ty::Int, i, bias);
        let span = self.iconst(Ty::Int, 2 * EXACT_INT);
        let out = self.cmp(Cond::Ugt, biased, span);
        let convert = self.f.block();
        self.term(Term::Branch {
            cond: out,
            then: slow,
            else_: convert,
        });
        self.cur = Some(convert);
        self.emit(Inst::IntToFloat { dst: bits, a: i });
        self.term(Term::Jump(join));

        self.cur = Some(obj);
        self.unless_exact_type(x, l.float_type, slow);
        self.load(Width::Word, bits, x, l.float_value);
        self.term(Term::Jump(join));
        self.cur = Some(join);
        bits
    }
}
