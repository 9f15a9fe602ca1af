//! Instruction selection: each backend instruction as Thumb instructions, on operands that are
//! registers, stack slots or constants (see `emitter`'s `Opnd`).
//!
//! Scratch discipline: the left operand is loaded into `s1` and the right into `s2` when they
//! have no register; a result whose home is a stack slot is computed in `s1` (after the
//! operands are read) and stored by `put`. Address arithmetic uses `s2` (and `s1` before a
//! stored value is loaded). Two scratch registers always suffice.
//!
//! Shapes used: immediates wherever an encoding takes them (`imm.rs` decides which constants
//! stay constants), `uxtb`/`uxth`/`ubfx` for low-bit masks, shifts for multiplications by
//! powers of two, amounts of register shifts masked to 0–31 as Cranelift's `ishl`/`sshr`/
//! `ushr` take them mod 32, `ite` to materialise a comparison on ARMv7-M (a short branch on
//! ARMv6-M), `adds`/`subs` + V for overflow checks, and `smull` + a compare of the high word
//! with the low word's sign for multiplication (the `softmul` routine on ARMv6-M).

use emit::ir::{BinOp, Cond as IrCond, OvfOp, UnOp, Width};

use super::emitter::{Emitter, Opnd, R};
use super::imm;
use super::mir::Val;
use crate::encode::data::{self, AluOp, CmpOp, MovOp, ShiftOp};
use crate::encode::mem::MemOp;
use crate::operand::{Cond, Flags, Mem, Shift, Src};
use crate::reg::{R2, R3, Reg};

/// The Thumb condition for an IR comparison.
pub(super) fn arm_cond(c: IrCond) -> Cond {
    match c {
        IrCond::Eq => Cond::Eq,
        IrCond::Ne => Cond::Ne,
        IrCond::Lt => Cond::Lt,
        IrCond::Le => Cond::Le,
        IrCond::Gt => Cond::Gt,
        IrCond::Ge => Cond::Ge,
        IrCond::Ult => Cond::LO,
        IrCond::Ule => Cond::Ls,
        IrCond::Ugt => Cond::Hi,
        IrCond::Uge => Cond::HS,
    }
}

fn alu_op(op: BinOp) -> AluOp {
    match op {
        BinOp::Add => AluOp::Add,
        BinOp::Sub => AluOp::Sub,
        BinOp::And => AluOp::And,
        BinOp::Or => AluOp::Orr,
        _ => AluOp::Eor,
    }
}

fn shift_op(op: BinOp) -> ShiftOp {
    match op {
        BinOp::Shl => ShiftOp::Lsl,
        BinOp::Sar => ShiftOp::Asr,
        _ => ShiftOp::Lsr,
    }
}

impl Emitter<'_> {
    fn s1(&self) -> Reg {
        self.regs.s1()
    }

    fn s2(&self) -> Reg {
        self.regs.s2()
    }

    /// `op{s} rd, rn, #imm` if some encoding takes it; whether it did.
    fn try_alu_imm(&mut self, op: AluOp, flags: Flags, rd: Reg, rn: Reg, imm: u32) -> R<bool> {
        match data::alu(self.a.cx(), op, flags, rd, rn, Src::Imm(imm)) {
            Ok(insn) => {
                self.a.insn(insn)?;
                Ok(true)
            }
            Err(_) => Ok(false),
        }
    }

    /// `op rd, rn, rm` for the two-operand-only ALU forms of ARMv6-M (and, orr, eor).
    fn alu_reg(&mut self, op: AluOp, flags: Flags, rd: Reg, rn: Reg, rm: Reg) -> R {
        let three_op = self.regs.thumb2() || matches!(op, AluOp::Add | AluOp::Sub);
        if three_op || rd == rn || rd == rm {
            return self.a.alu(op, flags, rd, rn, rm);
        }
        self.mov(rd, rn)?;
        self.a.alu(op, flags, rd, rd, rm)
    }

    fn mul_reg(&mut self, rd: Reg, rn: Reg, rm: Reg) -> R {
        if !self.regs.thumb2() && rd != rn && rd != rm {
            self.mov(rd, rn)?;
            return self.a.insn(data::mul(self.a.cx(), Flags::Any, rd, rd, rm)?);
        }
        self.a.insn(data::mul(self.a.cx(), Flags::Any, rd, rn, rm)?)
    }

    pub(super) fn bin(&mut self, op: BinOp, dst: u32, a: &Val, b: &Val) -> R {
        let (s1, s2) = (self.s1(), self.s2());
        if let (BinOp::Sub, Val::K(ka)) = (op, a) {
            // rsb rd, rb, #ka
            let rb = self.reg(b, s2)?;
            let rd = self.dst(Some(dst), s1);
            if !self.try_alu_imm(AluOp::Rsb, Flags::Any, rd, rb, *ka)? {
                self.load_const(s1, *ka)?;
                self.a.alu(AluOp::Sub, Flags::Any, rd, s1, rb)?;
            }
            return self.put(Some(dst), rd);
        }
        let ra = self.reg(a, s1)?;
        match self.opnd(b) {
            Opnd::Imm(c) => {
                let rd = self.dst(Some(dst), s1);
                self.bin_imm(op, rd, ra, c)?;
                self.put(Some(dst), rd)
            }
            _ => {
                let rb = self.reg(b, s2)?;
                let rd = self.dst(Some(dst), s1);
                self.bin_reg(op, rd, ra, rb)?;
                self.put(Some(dst), rd)
            }
        }
    }

    fn bin_reg(&mut self, op: BinOp, rd: Reg, ra: Reg, rb: Reg) -> R {
        let s2 = self.s2();
        match op {
            BinOp::Add | BinOp::Sub | BinOp::And | BinOp::Or | BinOp::Xor => {
                self.alu_reg(alu_op(op), Flags::Any, rd, ra, rb)
            }
            BinOp::Mul => self.mul_reg(rd, ra, rb),
            BinOp::Shl | BinOp::Sar | BinOp::Shr => {
                // The amount mod 32, into s2.
                if self.regs.thumb2() {
                    self.a.alu(AluOp::And, Flags::Any, s2, rb, 31u32)?;
                    self.a.shift(shift_op(op), Flags::Any, rd, ra, s2)
                } else {
                    self.a.lsls(s2, rb, 27u32)?;
                    self.a.lsrs(s2, s2, 27u32)?;
                    self.mov(rd, ra)?;
                    self.a.shift(shift_op(op), Flags::Any, rd, rd, s2)
                }
            }
        }
    }

    fn bin_imm(&mut self, op: BinOp, rd: Reg, ra: Reg, c: u32) -> R {
        let s2 = self.s2();
        let t2 = self.regs.thumb2();
        match op {
            BinOp::Shl | BinOp::Sar | BinOp::Shr => {
                let n = c & 31;
                if n == 0 {
                    self.mov(rd, ra)
                } else {
                    self.a.shift(shift_op(op), Flags::Any, rd, ra, n)
                }
            }
            BinOp::Mul if c == 0 => self.load_const(rd, 0),
            BinOp::Mul if c.is_power_of_two() => {
                self.bin_imm(BinOp::Shl, rd, ra, c.trailing_zeros())
            }
            BinOp::And if imm::low_mask(c).is_some() => {
                let k = imm::low_mask(c).unwrap_or(32);
                match k {
                    0 => self.load_const(rd, 0),
                    32 => self.mov(rd, ra),
                    8 => self.a.uxtb(rd, ra),
                    16 => self.a.uxth(rd, ra),
                    _ if t2 => self.a.ubfx(rd, ra, 0, k),
                    _ => {
                        self.a.lsls(rd, ra, 32 - k)?;
                        self.a.lsrs(rd, rd, 32 - k)
                    }
                }
            }
            BinOp::Mul => {
                self.load_const(s2, c)?;
                self.mul_reg(rd, ra, s2)
            }
            _ => {
                let aop = alu_op(op);
                if self.try_alu_imm(aop, Flags::Any, rd, ra, c)? {
                    return Ok(());
                }
                // ARMv6-M: `adds rd, #imm8` after a copy.
                let neg = c.wrapping_neg();
                if !t2 && matches!(op, BinOp::Add | BinOp::Sub) && (c <= 255 || neg <= 255) {
                    self.mov(rd, ra)?;
                    if self.try_alu_imm(aop, Flags::Any, rd, rd, c)? {
                        return Ok(());
                    }
                }
                self.load_const(s2, c)?;
                self.alu_reg(aop, Flags::Any, rd, ra, s2)
            }
        }
    }

    pub(super) fn un(&mut self, op: UnOp, dst: u32, a: &Val) -> R {
        let ra = self.reg(a, self.s1())?;
        let rd = self.dst(Some(dst), self.s1());
        match op {
            UnOp::Neg => self.a.alu(AluOp::Rsb, Flags::Any, rd, ra, 0u32)?,
            UnOp::Not => self.a.mov_op(MovOp::Mvn, Flags::Any, rd, ra)?,
        }
        self.put(Some(dst), rd)
    }

    /// `cmp r, #imm`, or through `s2` when no encoding takes it.
    pub(super) fn cmp_imm(&mut self, r: Reg, imm: u32) -> R {
        match data::compare(self.a.cx(), CmpOp::Cmp, r, Src::Imm(imm)) {
            Ok(insn) => self.a.insn(insn),
            Err(_) => {
                let s2 = self.s2();
                self.load_const(s2, imm)?;
                self.a.cmp(r, s2)
            }
        }
    }

    /// Sets the flags for `a cond b`; the Thumb condition that then holds.
    pub(super) fn compare(&mut self, cond: IrCond, a: &Val, b: &Val) -> R<Cond> {
        let (cond, a, b) = match (a, b) {
            (Val::K(_), Val::V(_)) => (imm::swap(cond), b, a),
            _ => (cond, a, b),
        };
        let ra = self.reg(a, self.s1())?;
        match self.opnd(b) {
            Opnd::Imm(c) => self.cmp_imm(ra, c)?,
            _ => {
                let rb = self.reg(b, self.s2())?;
                self.a.cmp(ra, rb)?;
            }
        }
        Ok(arm_cond(cond))
    }

    /// `a & mask != 0` in the flags; the condition for "non-zero".
    pub(super) fn tst(&mut self, a: &Val, mask: u32) -> R<Cond> {
        let ra = self.reg(a, self.s1())?;
        if let Ok(insn) = data::compare(self.a.cx(), CmpOp::Tst, ra, Src::Imm(mask)) {
            self.a.insn(insn)?;
            return Ok(Cond::Ne);
        }
        let s2 = self.s2();
        if !self.regs.thumb2() && mask.is_power_of_two() {
            // The bit to the top: N is the bit.
            self.a.lsls(s2, ra, 31 - mask.trailing_zeros())?;
            return Ok(Cond::Mi);
        }
        self.load_const(s2, mask)?;
        self.a.tst(ra, s2)?;
        Ok(Cond::Ne)
    }

    /// `rd = cc ? 1 : 0` right after the flags were set.
    fn set_bool(&mut self, cc: Cond, rd: Reg) -> R {
        if self.regs.thumb2() {
            self.a.it(cc, "e")?;
            self.a.mov(rd, 1u32)?;
            self.a.mov(rd, 0u32)
        } else {
            let (yes, done) = (self.a.new_label(), self.a.new_label());
            self.a.b_cond_n(cc, yes)?;
            self.a.movs(rd, 0u32)?;
            self.a.b_n(done)?;
            self.a.bind(yes)?;
            self.a.movs(rd, 1u32)?;
            self.a.bind(done)
        }
    }

    pub(super) fn cmp_set(&mut self, cond: IrCond, dst: u32, a: &Val, b: &Val) -> R {
        let cc = self.compare(cond, a, b)?;
        let rd = self.dst(Some(dst), self.s1());
        self.set_bool(cc, rd)?;
        self.put(Some(dst), rd)
    }

    /// `dst = a op b`, with the flags left so that the returned condition means "overflowed";
    /// `ovf` (if any) gets that as 0 or 1.
    pub(super) fn ovf(
        &mut self,
        op: OvfOp,
        dst: Option<u32>,
        ovf: Option<u32>,
        a: &Val,
        b: &Val,
    ) -> R<Cond> {
        let (s1, s2) = (self.s1(), self.s2());
        let t2 = self.regs.thumb2();
        let cc = match op {
            OvfOp::Mul if !t2 => {
                // The out-of-line routine: a, b in r2, r3; product in r2, flag in r3 and Z.
                let o = self.opnd(a);
                self.load_opnd(R2, o)?;
                let o = self.opnd(b);
                self.load_opnd(R3, o)?;
                let l = match self.mulovf {
                    Some(l) => l,
                    None => {
                        let l = self.a.new_label();
                        self.mulovf = Some(l);
                        l
                    }
                };
                self.a.bl(l)?;
                self.put(dst, R2)?;
                self.put(ovf, R3)?;
                return Ok(Cond::Ne);
            }
            OvfOp::Mul => {
                let ra = self.reg(a, s1)?;
                let rb = self.reg(b, s2)?;
                let lo = self.dst(dst, s1);
                self.a.smull(lo, s2, ra, rb)?;
                self.a.cmp(s2, Src::Shifted(lo, Shift::Asr(31)))?;
                self.put(dst, lo)?;
                Cond::Ne
            }
            OvfOp::Sub if matches!(a, Val::K(_)) => {
                let Val::K(ka) = *a else { unreachable!() };
                let rb = self.reg(b, s2)?;
                let rd = self.dst(dst, s1);
                if !self.try_alu_imm(AluOp::Rsb, Flags::Set, rd, rb, ka)? {
                    self.load_const(s1, ka)?;
                    self.a.alu(AluOp::Sub, Flags::Set, rd, s1, rb)?;
                }
                self.put(dst, rd)?;
                Cond::Vs
            }
            _ => {
                let aop = if op == OvfOp::Add {
                    AluOp::Add
                } else {
                    AluOp::Sub
                };
                let ra = self.reg(a, s1)?;
                match self.opnd(b) {
                    Opnd::Imm(c) if c != 0x8000_0000 => {
                        let rd = self.dst(dst, s1);
                        if !self.try_alu_imm(aop, Flags::Set, rd, ra, c)? {
                            let neg = c.wrapping_neg();
                            if !t2 && (c <= 255 || neg <= 255) && rd != ra {
                                self.mov(rd, ra)?;
                                if !self.try_alu_imm(aop, Flags::Set, rd, rd, c)? {
                                    self.load_const(s2, c)?;
                                    self.a.alu(aop, Flags::Set, rd, rd, s2)?;
                                }
                            } else {
                                self.load_const(s2, c)?;
                                self.a.alu(aop, Flags::Set, rd, ra, s2)?;
                            }
                        }
                        self.put(dst, rd)?;
                    }
                    _ => {
                        let rb = self.reg(b, s2)?;
                        let rd = self.dst(dst, s1);
                        self.a.alu(aop, Flags::Set, rd, ra, rb)?;
                        self.put(dst, rd)?;
                    }
                }
                Cond::Vs
            }
        };
        if ovf.is_some() {
            let ro = self.dst(ovf, s2);
            self.set_bool(cc, ro)?;
            self.put(ovf, ro)?;
        }
        Ok(cc)
    }

    // ---- memory ----

    /// Whether `[rn, #off]` encodes for `op` with any low registers.
    fn offset_ok(&self, op: MemOp, off: i32) -> bool {
        if self.regs.thumb2() {
            return (-255..=4095).contains(&off);
        }
        let scale = match op {
            MemOp::Ldr | MemOp::Str => 4,
            MemOp::Ldrh | MemOp::Strh => 2,
            MemOp::Ldrb | MemOp::Strb => 1,
            MemOp::Ldrsb | MemOp::Ldrsh => return false,
        };
        off >= 0 && off % scale == 0 && off / scale <= 31
    }

    /// The address `base + off` (or `base + (index << shift)`) as a memory operand. Uses
    /// `s2`, and `s1` too unless `keep_s1` (a store still needs it for the value).
    fn address(
        &mut self,
        op: MemOp,
        base: &Val,
        off: i32,
        index: Option<(u32, u8)>,
        keep_s1: bool,
    ) -> R<Mem> {
        let (s1, s2) = (self.s1(), self.s2());
        if let Some((x, k)) = index {
            let rb = self.reg(base, s2)?;
            let ri = self.reg(&Val::V(x), s1)?;
            if keep_s1 && ri == s1 {
                // The index took s1: add it into the base register.
                let idx = if k == 0 {
                    Src::Reg(ri)
                } else {
                    Src::Shifted(ri, Shift::Lsl(k))
                };
                self.a.alu(AluOp::Add, Flags::Any, s2, rb, idx)?;
                return Ok(Mem::Offset(s2, 0));
            }
            return Ok(Mem::Index(rb, ri, k));
        }
        let rb = match self.opnd(base) {
            Opnd::Reg(r) => r,
            o => {
                self.load_opnd(s2, o)?;
                s2
            }
        };
        if self.offset_ok(op, off) {
            return Ok(Mem::Offset(rb, off));
        }
        if rb != s2 {
            self.load_const(s2, off as u32)?;
            return Ok(Mem::Index(rb, s2, 0));
        }
        self.load_const(s1, off as u32)?;
        if keep_s1 {
            self.a.alu(AluOp::Add, Flags::Any, s2, s2, s1)?;
            Ok(Mem::Offset(s2, 0))
        } else {
            Ok(Mem::Index(s2, s1, 0))
        }
    }

    pub(super) fn load(
        &mut self,
        width: Width,
        signed: bool,
        dst: Option<u32>,
        base: &Val,
        off: i32,
        index: Option<(u32, u8)>,
    ) -> R {
        let op = match (width, signed) {
            (Width::W8, false) => MemOp::Ldrb,
            (Width::W8, true) => MemOp::Ldrsb,
            (Width::W16, false) => MemOp::Ldrh,
            (Width::W16, true) => MemOp::Ldrsh,
            _ => MemOp::Ldr,
        };
        let mem = self.address(op, base, off, index, false)?;
        let rd = self.dst(dst, self.s1());
        self.a.mem(op, rd, mem)?;
        self.put(dst, rd)
    }

    pub(super) fn store(
        &mut self,
        width: Width,
        src: &Val,
        base: &Val,
        off: i32,
        index: Option<(u32, u8)>,
    ) -> R {
        let op = match width {
            Width::W8 => MemOp::Strb,
            Width::W16 => MemOp::Strh,
            _ => MemOp::Str,
        };
        let mem = self.address(op, base, off, index, true)?;
        let rs = self.reg(src, self.s1())?;
        self.a.mem(op, rs, mem)
    }
}
