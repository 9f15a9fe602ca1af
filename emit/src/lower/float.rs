//! Inline float arithmetic and comparisons (native code on 64-bit hosts): when both operands
//! are exact `float`s, or one is a small int, the operation runs on the machine's binary64 unit
//! and only the result is boxed (the `BoxFloat` helper). Everything else -- subclasses, other
//! types, a zero divisor, ints beyond 2**53 -- takes the helper the plain lowering calls, so
//! behaviour is the interpreter's either way.

use super::{Entry, Lower, Res};
use crate::helpers::Helper;
use crate::ir::{BinOp, Block, Cond, FloatOp, Inst, Term, Ty, VReg, Width};
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

/// An operand of arithmetic or a comparison: an object, or (native code) an [`Entry::Num`],
/// whose `obj` is 0 when the value is the unboxed float in `bits`. `obj` alone serves the
/// small-int test: 0 is not a small int.
#[derive(Clone, Copy)]
pub(super) struct Operand {
    pub(super) obj: VReg,
    bits: Option<VReg>,
}

impl Lower<'_> {
    /// Pop the top entry as an operand (objects are materialised; unboxed floats stay so).
    pub(super) fn pop_operand(&mut self) -> Res<Operand> {
        match self.pop_entry() {
            Entry::Num { obj, bits } => Ok(Operand {
                obj,
                bits: Some(bits),
            }),
            e => Ok(Operand {
                obj: self.to_obj(e)?,
                bits: None,
            }),
        }
    }

    /// The operand as an object, boxing an unboxed float.
    pub(super) fn operand_obj(&mut self, x: Operand) -> Res<VReg> {
        match x.bits {
            Some(bits) => self.box_num(x.obj, bits),
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

    /// [`Entry::Num`] as an object: `obj`, or a new float holding `bits` when `obj` is 0.
    pub(super) fn box_num(&mut self, obj: VReg, bits: VReg) -> Res<VReg> {
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
        self.term(Term::Jump(done));
        self.cur = Some(done);
        Ok(r)
    }

    /// Whether this lowering inlines float operations: the VM's layout is known, words are 64
    /// bits (wide enough for a binary64 value), and the code shows it computes with floats.
    pub(super) fn floats_inline(&self) -> bool {
        self.layout.is_some() && self.wide() && self.float_code
    }

    /// Whether the value the current instruction leaves on top of the stack is next read by
    /// arithmetic or an ordering that has a float path -- an intermediate result, worth leaving
    /// unboxed. Looks ahead a few straight-line instructions of known stack use.
    pub(super) fn feeds_float_op(&self) -> bool {
        let mut above = 0usize; // entries pushed above the value since
        for ip in self.ip as usize + 1..(self.ip as usize + 12).min(self.flow.leader.len()) {
            if self.flow.leader[ip] {
                return false;
            }
            let Some((op, a)) = super::flow::op_at(self.code, ip) else {
                return false;
            };
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
                _ => return false,
            };
            if pops > above {
                // This instruction reads the value.
                return match op {
                    Op::BinaryOp => BinaryOperator::of_operand(a)
                        .and_then(Self::float_op)
                        .is_some(),
                    Op::CompareOp => Comparison::from_u32(a)
                        .and_then(super::ops::ordering_cond)
                        .is_some(),
                    _ => false,
                };
            }
            above = above - pops + pushes;
        }
        false
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
