//! Viper's typed lowering: machine integers, booleans and pointers stay in registers and their
//! operations become machine instructions, with MicroPython's type rules and `ViperTypeError`
//! messages. Anything on objects falls back to the object-mode lowering (`ops.rs`).
//!
//! Beyond MicroPython: integer literals that fit the machine word stay machine integers, typed
//! pointers take `p + n`/`p - n` scaled by their element size, and `not` works on `int`/`bool`.

use alloc::format;

use frontend::bytecode::opcodes::Op;
use frontend::bytecode::{BinaryOperator, Comparison, INPLACE, UnaryOperator};

use super::{Entry, Lower, Res};
use crate::helpers::{Helper, imm};
use crate::ir::{BinOp, Cond, Inst, Ty, UnOp, VReg, Width};

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
            Op::Call => return self.viper_call(a),
            Op::GetIter => match self.stack.last().copied() {
                Some(Entry::Range { start, stop, step }) => {
                    self.stack.pop();
                    let ty = self.f.ty(start);
                    let cur = self.f.vreg(ty);
                    self.emit(Inst::Mov {
                        dst: cur,
                        src: start,
                    });
                    let end = self.f.vreg(ty);
                    self.emit(Inst::Mov {
                        dst: end,
                        src: stop,
                    });
                    self.stack.push(Entry::RangeIter {
                        cur,
                        stop: end,
                        step,
                    });
                }
                _ => return Ok(false),
            },
            Op::ForIter => match self.stack.last().copied() {
                Some(Entry::RangeIter { cur, stop, step }) => {
                    let unsigned = self.f.ty(cur) == Ty::Uint;
                    let cond = match (step > 0, unsigned) {
                        (true, false) => Cond::Lt,
                        (true, true) => Cond::Ult,
                        (false, false) => Cond::Gt,
                        (false, true) => Cond::Ugt,
                    };
                    let go = self.cmp(cond, cur, stop);
                    let mut after = self.stack.clone();
                    after.pop();
                    self.branch_unless(go, a, &after)?;
                    let ty = self.f.ty(cur);
                    let v = self.f.vreg(ty);
                    self.emit(Inst::Mov { dst: v, src: cur });
                    let s = self.iconst(ty, step);
                    self.emit(Inst::Bin {
                        op: BinOp::Add,
                        dst: cur,
                        a: cur,
                        b: s,
                    });
                    self.push(v);
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
            Op::Raise if a >= 1 => {
                if let Some(Entry::Val(v)) = self.stack.last().copied()
                    && self.f.ty(v) != Ty::Obj
                {
                    return Err(
                        self.viper_error(alloc::string::String::from("must raise an object"))
                    );
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
    fn known_const(&self, v: VReg) -> Option<i64> {
        self.known.get(&v.0).copied()
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
            Entry::RangeFn(_) if (1..=3).contains(&n) => {
                let args: alloc::vec::Vec<Entry> = self.stack[at + 1..].to_vec();
                let machine = |e: &Entry, me: &Self| match e {
                    Entry::Val(v) => matches!(me.f.ty(*v), Ty::Int | Ty::Uint),
                    _ => false,
                };
                let step = if n == 3 {
                    match args[2] {
                        Entry::Val(v) => self.known_const(v).filter(|s| *s != 0),
                        _ => None,
                    }
                } else {
                    Some(1)
                };
                if args.iter().all(|e| machine(e, self))
                    && let Some(step) = step
                {
                    self.stack.truncate(at);
                    let (start, stop) = if n == 1 {
                        let Entry::Val(stop) = args[0] else {
                            unreachable!()
                        };
                        (self.iconst(self.f.ty(stop), 0), stop)
                    } else {
                        let (Entry::Val(s), Entry::Val(e)) = (args[0], args[1]) else {
                            unreachable!()
                        };
                        (s, e)
                    };
                    self.stack.push(Entry::Range { start, stop, step });
                    return Ok(true);
                }
                self.materialise(at)?;
                Ok(false)
            }
            Entry::Cast(..) | Entry::RangeFn(_) => {
                self.materialise(at)?;
                Ok(false)
            }
            _ => Ok(false),
        }
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
            return Err(self.viper_error(format!(
                "can't do binary op between '{}' and '{}'",
                ta.name(),
                tb.name()
            )));
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
                    return Err(self.viper_error(alloc::string::String::from(
                        "div/mod not implemented for uint",
                    )));
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
        let cmp = Comparison::from_u32(op).expect("valid comparison");
        if ta == Ty::Obj || tb == Ty::Obj {
            return Err(self.viper_error(format!(
                "can't do binary op between '{}' and '{}'",
                ta.name(),
                tb.name()
            )));
        }
        if (ta == Ty::Int && tb == Ty::Uint) || (ta == Ty::Uint && tb == Ty::Int) {
            return Err(self.viper_error(alloc::string::String::from("comparison of int and uint")));
        }
        let unsigned = ta != Ty::Int;
        let cond = match (cmp, unsigned) {
            (Comparison::Eq | Comparison::Is, _) => Cond::Eq,
            (Comparison::Ne | Comparison::IsNot, _) => Cond::Ne,
            (Comparison::Lt, false) => Cond::Lt,
            (Comparison::Le, false) => Cond::Le,
            (Comparison::Gt, false) => Cond::Gt,
            (Comparison::Ge, false) => Cond::Ge,
            (Comparison::Lt, true) => Cond::Ult,
            (Comparison::Le, true) => Cond::Ule,
            (Comparison::Gt, true) => Cond::Ugt,
            (Comparison::Ge, true) => Cond::Uge,
            (Comparison::In | Comparison::NotIn, _) => {
                return Err(self.viper_error(format!(
                    "binary op {} not implemented",
                    if cmp == Comparison::In {
                        "__contains__"
                    } else {
                        "__not_contains__"
                    }
                )));
            }
        };
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
        let r = match (op, ty) {
            (UnaryOperator::Not, _) if matches!(ty, Ty::Int | Ty::Uint | Ty::Bool) => {
                let z = self.iconst(ty, 0);
                self.cmp(Cond::Eq, v, z)
            }
            (UnaryOperator::Pos, Ty::Int | Ty::Uint) => v,
            (UnaryOperator::Neg | UnaryOperator::Invert, Ty::Int | Ty::Uint) => {
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
        let (tb, ti) = (self.f.ty(base), self.f.ty(idx));
        if tb == Ty::Obj {
            return Ok(false);
        }
        let Some(w) = tb.pointee() else {
            return Err(self.viper_error(format!("can't load from '{}'", tb.name())));
        };
        if !matches!(ti, Ty::Int | Ty::Uint) {
            return Err(self.viper_error(format!("can't load with '{}' index", ti.name())));
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

    /// `p[i] = v` on a typed pointer.
    fn viper_store(&mut self) -> Res<bool> {
        let n = self.stack.len();
        let (Some(Entry::Val(v)), Some(Entry::Val(base)), Some(Entry::Val(idx))) = (
            self.stack.get(n.wrapping_sub(3)).copied(),
            self.stack.get(n.wrapping_sub(2)).copied(),
            self.stack.get(n.wrapping_sub(1)).copied(),
        ) else {
            return Ok(false);
        };
        let (tv, tb, ti) = (self.f.ty(v), self.f.ty(base), self.f.ty(idx));
        if tb == Ty::Obj {
            return Ok(false);
        }
        let Some(w) = tb.pointee() else {
            return Err(self.viper_error(format!("can't store to '{}'", tb.name())));
        };
        if !matches!(ti, Ty::Int | Ty::Uint) {
            return Err(self.viper_error(format!("can't store with '{}' index", ti.name())));
        }
        if !matches!(tv, Ty::Int | Ty::Uint | Ty::Bool) {
            return Err(self.viper_error(format!("can't store '{}'", tv.name())));
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
