//! The instruction methods of [`Assembler`]: one per GNU as mnemonic (with an `s` twin where
//! the flags are optional), plus the generic forms that take the operation as a parameter
//! for code generators. Each encodes through `crate::encode` with the buffer's context.

use super::layout::{ItemKind, LitRef, PoolValue};
use super::{Assembler, Label, Width};
use crate::encode::control::{self, Barrier, Hint, Trap};
use crate::encode::data::{self, AluOp, CmpOp, DspOp, LongMulOp, MovOp, ShiftOp, UnaryOp};
use crate::encode::mem::{self, MemOp};
use crate::encode::vfp::{self, Cvt, VOp2, VOp3};
use crate::encode::{Cx, modified_imm};
use crate::error::Error;
use crate::operand::{Cond, Flags, Mem, Src, SysReg};
use crate::reg::{DReg, PC, Reg, RegList, SP, SReg};

type R = Result<(), Error>;

/// `name(rd, rn, src)` and `names(rd, rn, src)` for an ALU operation.
macro_rules! alu_methods {
    ($($keep:ident $set:ident $op:ident;)*) => {$(
        #[doc = concat!("`", stringify!($keep), " rd, rn, src`, flags kept.")]
        pub fn $keep(&mut self, rd: Reg, rn: Reg, src: impl Into<Src>) -> R {
            self.alu(AluOp::$op, Flags::Keep, rd, rn, src)
        }
        #[doc = concat!("`", stringify!($set), " rd, rn, src`, flags set.")]
        pub fn $set(&mut self, rd: Reg, rn: Reg, src: impl Into<Src>) -> R {
            self.alu(AluOp::$op, Flags::Set, rd, rn, src)
        }
    )*};
}

/// `name(rd, rm, n_or_rs)` and its flag-setting twin for a shift.
macro_rules! shift_methods {
    ($($keep:ident $set:ident $op:ident;)*) => {$(
        #[doc = concat!("`", stringify!($keep), " rd, rm, #n` or `", stringify!($keep), " rd, rm, rs`, flags kept.")]
        pub fn $keep(&mut self, rd: Reg, rm: Reg, by: impl Into<Src>) -> R {
            self.shift(ShiftOp::$op, Flags::Keep, rd, rm, by)
        }
        #[doc = concat!("`", stringify!($set), " rd, rm, #n` or `", stringify!($set), " rd, rm, rs`, flags set.")]
        pub fn $set(&mut self, rd: Reg, rm: Reg, by: impl Into<Src>) -> R {
            self.shift(ShiftOp::$op, Flags::Set, rd, rm, by)
        }
    )*};
}

/// Methods `name(args...)` that forward to one encoder call.
macro_rules! forward {
    ($($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) => |$cx:ident| $body:expr;)*) => {$(
        $(#[$doc])*
        pub fn $name(&mut self, $($arg: $ty),*) -> R {
            self.emit(|$cx: Cx| $body)
        }
    )*};
}

impl Assembler {
    // ---- Generic forms, the operation as a parameter ----

    /// `op{s} rd, rn, src` for any [`AluOp`].
    pub fn alu(&mut self, op: AluOp, flags: Flags, rd: Reg, rn: Reg, src: impl Into<Src>) -> R {
        let src = src.into();
        self.emit(|cx| data::alu(cx, op, flags, rd, rn, src))
    }

    /// `mov{s}`/`mvn{s} rd, src`.
    pub fn mov_op(&mut self, op: MovOp, flags: Flags, rd: Reg, src: impl Into<Src>) -> R {
        let src = src.into();
        self.emit(|cx| data::mov(cx, op, flags, rd, src))
    }

    /// A shift by an immediate or a register.
    pub fn shift(&mut self, op: ShiftOp, flags: Flags, rd: Reg, rm: Reg, by: impl Into<Src>) -> R {
        let by = by.into();
        self.emit(|cx| data::shift(cx, op, flags, rd, rm, by))
    }

    /// `cmp`/`cmn`/`tst`/`teq rn, src`.
    pub fn compare(&mut self, op: CmpOp, rn: Reg, src: impl Into<Src>) -> R {
        let src = src.into();
        self.emit(|cx| data::compare(cx, op, rn, src))
    }

    /// Any single load or store.
    pub fn mem(&mut self, op: MemOp, rt: Reg, mem: impl Into<Mem>) -> R {
        let mem = mem.into();
        self.emit(|cx| mem::load_store(cx, op, rt, mem))
    }

    /// A one-source operation (`clz`, `rev`, `uxtb`, ...).
    pub fn unary(&mut self, op: UnaryOp, rd: Reg, rm: Reg) -> R {
        self.emit(|cx| data::unary(cx, op, rd, rm))
    }

    /// `op.f32 sd, sn, sm`.
    pub fn vop3(&mut self, op: VOp3, sd: SReg, sn: SReg, sm: SReg) -> R {
        self.emit(|cx| vfp::vop3(cx, op, sd, sn, sm))
    }

    /// `op.f32 sd, sm`.
    pub fn vop2(&mut self, op: VOp2, sd: SReg, sm: SReg) -> R {
        self.emit(|cx| vfp::vop2(cx, op, sd, sm))
    }

    // ---- Data processing ----

    alu_methods! {
        and ands And; bic bics Bic; orr orrs Orr; orn orns Orn; eor eors Eor;
        add adds Add; adc adcs Adc; sbc sbcs Sbc; sub subs Sub; rsb rsbs Rsb;
    }

    shift_methods! { lsl lsls Lsl; lsr lsrs Lsr; asr asrs Asr; ror rors Ror; }

    /// `mov rd, src`, flags kept (`mov rd, #imm` may become `mvn` or `movw`, as in GNU as).
    pub fn mov(&mut self, rd: Reg, src: impl Into<Src>) -> R {
        self.mov_op(MovOp::Mov, Flags::Keep, rd, src)
    }

    /// `movs rd, src`, flags set.
    pub fn movs(&mut self, rd: Reg, src: impl Into<Src>) -> R {
        self.mov_op(MovOp::Mov, Flags::Set, rd, src)
    }

    /// `mvn rd, src`, flags kept.
    pub fn mvn(&mut self, rd: Reg, src: impl Into<Src>) -> R {
        self.mov_op(MovOp::Mvn, Flags::Keep, rd, src)
    }

    /// `mvns rd, src`, flags set.
    pub fn mvns(&mut self, rd: Reg, src: impl Into<Src>) -> R {
        self.mov_op(MovOp::Mvn, Flags::Set, rd, src)
    }

    /// `movwt rd, #imm32` (MicroPython's): `movw` with the low half, then `movt` with the
    /// high half, always both.
    pub fn movwt(&mut self, rd: Reg, imm: u32) -> R {
        self.movw(rd, imm & 0xffff)?;
        self.movt(rd, imm >> 16)
    }

    /// `neg rd, rm` (`rsb rd, rm, #0`), flags kept.
    pub fn neg(&mut self, rd: Reg, rm: Reg) -> R {
        self.alu(AluOp::Rsb, Flags::Keep, rd, rm, 0u32)
    }

    /// `negs rd, rm`, flags set.
    pub fn negs(&mut self, rd: Reg, rm: Reg) -> R {
        self.alu(AluOp::Rsb, Flags::Set, rd, rm, 0u32)
    }

    /// `cmp rn, src`.
    pub fn cmp(&mut self, rn: Reg, src: impl Into<Src>) -> R {
        self.compare(CmpOp::Cmp, rn, src)
    }

    /// `cmn rn, src`.
    pub fn cmn(&mut self, rn: Reg, src: impl Into<Src>) -> R {
        self.compare(CmpOp::Cmn, rn, src)
    }

    /// `tst rn, src`.
    pub fn tst(&mut self, rn: Reg, src: impl Into<Src>) -> R {
        self.compare(CmpOp::Tst, rn, src)
    }

    /// `teq rn, src`.
    pub fn teq(&mut self, rn: Reg, src: impl Into<Src>) -> R {
        self.compare(CmpOp::Teq, rn, src)
    }

    forward! {
        /// `rrx rd, rm`.
        rrx(rd: Reg, rm: Reg) => |cx| data::rrx(cx, Flags::Keep, rd, rm);
        /// `rrxs rd, rm`.
        rrxs(rd: Reg, rm: Reg) => |cx| data::rrx(cx, Flags::Set, rd, rm);
        /// `movw rd, #imm16`.
        movw(rd: Reg, imm: u32) => |cx| data::movw(cx, rd, imm);
        /// `movt rd, #imm16`.
        movt(rd: Reg, imm: u32) => |cx| data::movt(cx, rd, imm);
        /// `mul rd, rn, rm`, flags kept.
        mul(rd: Reg, rn: Reg, rm: Reg) => |cx| data::mul(cx, Flags::Keep, rd, rn, rm);
        /// `muls rd, rn, rm`, flags set (16-bit only: `rd` must be `rn` or `rm`).
        muls(rd: Reg, rn: Reg, rm: Reg) => |cx| data::mul(cx, Flags::Set, rd, rn, rm);
        /// `mla rd, rn, rm, ra`: `ra + rn * rm`.
        mla(rd: Reg, rn: Reg, rm: Reg, ra: Reg) => |cx| data::mla(cx, false, rd, rn, rm, ra);
        /// `mls rd, rn, rm, ra`: `ra - rn * rm`.
        mls(rd: Reg, rn: Reg, rm: Reg, ra: Reg) => |cx| data::mla(cx, true, rd, rn, rm, ra);
        /// `umull rdlo, rdhi, rn, rm`.
        umull(rdlo: Reg, rdhi: Reg, rn: Reg, rm: Reg) => |cx| data::mul_long(cx, LongMulOp::Umull, rdlo, rdhi, rn, rm);
        /// `smull rdlo, rdhi, rn, rm`.
        smull(rdlo: Reg, rdhi: Reg, rn: Reg, rm: Reg) => |cx| data::mul_long(cx, LongMulOp::Smull, rdlo, rdhi, rn, rm);
        /// `umlal rdlo, rdhi, rn, rm`.
        umlal(rdlo: Reg, rdhi: Reg, rn: Reg, rm: Reg) => |cx| data::mul_long(cx, LongMulOp::Umlal, rdlo, rdhi, rn, rm);
        /// `smlal rdlo, rdhi, rn, rm`.
        smlal(rdlo: Reg, rdhi: Reg, rn: Reg, rm: Reg) => |cx| data::mul_long(cx, LongMulOp::Smlal, rdlo, rdhi, rn, rm);
        /// `sdiv rd, rn, rm`.
        sdiv(rd: Reg, rn: Reg, rm: Reg) => |cx| data::div(cx, true, rd, rn, rm);
        /// `udiv rd, rn, rm`.
        udiv(rd: Reg, rn: Reg, rm: Reg) => |cx| data::div(cx, false, rd, rn, rm);
        /// `clz rd, rm`.
        clz(rd: Reg, rm: Reg) => |cx| data::unary(cx, UnaryOp::Clz, rd, rm);
        /// `rbit rd, rm`.
        rbit(rd: Reg, rm: Reg) => |cx| data::unary(cx, UnaryOp::Rbit, rd, rm);
        /// `rev rd, rm`.
        rev(rd: Reg, rm: Reg) => |cx| data::unary(cx, UnaryOp::Rev, rd, rm);
        /// `rev16 rd, rm`.
        rev16(rd: Reg, rm: Reg) => |cx| data::unary(cx, UnaryOp::Rev16, rd, rm);
        /// `revsh rd, rm`.
        revsh(rd: Reg, rm: Reg) => |cx| data::unary(cx, UnaryOp::Revsh, rd, rm);
        /// `sxtb rd, rm`.
        sxtb(rd: Reg, rm: Reg) => |cx| data::unary(cx, UnaryOp::Sxtb, rd, rm);
        /// `sxth rd, rm`.
        sxth(rd: Reg, rm: Reg) => |cx| data::unary(cx, UnaryOp::Sxth, rd, rm);
        /// `uxtb rd, rm`.
        uxtb(rd: Reg, rm: Reg) => |cx| data::unary(cx, UnaryOp::Uxtb, rd, rm);
        /// `uxth rd, rm`.
        uxth(rd: Reg, rm: Reg) => |cx| data::unary(cx, UnaryOp::Uxth, rd, rm);
        /// `ubfx rd, rn, #lsb, #width`.
        ubfx(rd: Reg, rn: Reg, lsb: u32, width: u32) => |cx| data::bfx(cx, false, rd, rn, lsb, width);
        /// `sbfx rd, rn, #lsb, #width`.
        sbfx(rd: Reg, rn: Reg, lsb: u32, width: u32) => |cx| data::bfx(cx, true, rd, rn, lsb, width);
        /// `bfi rd, rn, #lsb, #width`.
        bfi(rd: Reg, rn: Reg, lsb: u32, width: u32) => |cx| data::bfi(cx, rd, rn, lsb, width);
        /// `bfc rd, #lsb, #width`.
        bfc(rd: Reg, lsb: u32, width: u32) => |cx| data::bfc(cx, rd, lsb, width);
        /// `qadd rd, rm, rn` (ARMv7E-M).
        qadd(rd: Reg, rm: Reg, rn: Reg) => |cx| data::dsp(cx, DspOp::Qadd, rd, rm, rn);
        /// `qsub rd, rm, rn` (ARMv7E-M).
        qsub(rd: Reg, rm: Reg, rn: Reg) => |cx| data::dsp(cx, DspOp::Qsub, rd, rm, rn);
        /// `uxtab rd, rn, rm` (ARMv7E-M).
        uxtab(rd: Reg, rn: Reg, rm: Reg) => |cx| data::dsp(cx, DspOp::Uxtab, rd, rn, rm);
        /// `uxtah rd, rn, rm` (ARMv7E-M).
        uxtah(rd: Reg, rn: Reg, rm: Reg) => |cx| data::dsp(cx, DspOp::Uxtah, rd, rn, rm);
        /// `sxtab rd, rn, rm` (ARMv7E-M).
        sxtab(rd: Reg, rn: Reg, rm: Reg) => |cx| data::dsp(cx, DspOp::Sxtab, rd, rn, rm);
        /// `sxtah rd, rn, rm` (ARMv7E-M).
        sxtah(rd: Reg, rn: Reg, rm: Reg) => |cx| data::dsp(cx, DspOp::Sxtah, rd, rn, rm);
        /// `smulbb rd, rn, rm` (ARMv7E-M).
        smulbb(rd: Reg, rn: Reg, rm: Reg) => |cx| data::dsp(cx, DspOp::Smulbb, rd, rn, rm);
    }

    // ---- Loads and stores ----

    /// `ldr rt, mem`.
    pub fn ldr(&mut self, rt: Reg, mem: impl Into<Mem>) -> R {
        self.mem(MemOp::Ldr, rt, mem)
    }

    /// `ldrb rt, mem`.
    pub fn ldrb(&mut self, rt: Reg, mem: impl Into<Mem>) -> R {
        self.mem(MemOp::Ldrb, rt, mem)
    }

    /// `ldrh rt, mem`.
    pub fn ldrh(&mut self, rt: Reg, mem: impl Into<Mem>) -> R {
        self.mem(MemOp::Ldrh, rt, mem)
    }

    /// `ldrsb rt, mem`.
    pub fn ldrsb(&mut self, rt: Reg, mem: impl Into<Mem>) -> R {
        self.mem(MemOp::Ldrsb, rt, mem)
    }

    /// `ldrsh rt, mem`.
    pub fn ldrsh(&mut self, rt: Reg, mem: impl Into<Mem>) -> R {
        self.mem(MemOp::Ldrsh, rt, mem)
    }

    /// `str rt, mem`.
    pub fn str(&mut self, rt: Reg, mem: impl Into<Mem>) -> R {
        self.mem(MemOp::Str, rt, mem)
    }

    /// `strb rt, mem`.
    pub fn strb(&mut self, rt: Reg, mem: impl Into<Mem>) -> R {
        self.mem(MemOp::Strb, rt, mem)
    }

    /// `strh rt, mem`.
    pub fn strh(&mut self, rt: Reg, mem: impl Into<Mem>) -> R {
        self.mem(MemOp::Strh, rt, mem)
    }

    /// `push {list}`.
    pub fn push(&mut self, list: impl Into<RegList>) -> R {
        let list = list.into();
        self.emit(|cx| mem::push(cx, list))
    }

    /// `pop {list}`.
    pub fn pop(&mut self, list: impl Into<RegList>) -> R {
        let list = list.into();
        self.emit(|cx| mem::pop(cx, list))
    }

    forward! {
        /// `ldrex rt, [rn, #offset]`.
        ldrex(rt: Reg, rn: Reg, offset: u32) => |cx| mem::ldrex(cx, rt, rn, offset);
        /// `strex rd, rt, [rn, #offset]`.
        strex(rd: Reg, rt: Reg, rn: Reg, offset: u32) => |cx| mem::strex(cx, rd, rt, rn, offset);
        /// `ldrexb rt, [rn]`.
        ldrexb(rt: Reg, rn: Reg) => |cx| mem::ldrex_bh(cx, false, rt, rn);
        /// `ldrexh rt, [rn]`.
        ldrexh(rt: Reg, rn: Reg) => |cx| mem::ldrex_bh(cx, true, rt, rn);
        /// `strexb rd, rt, [rn]`.
        strexb(rd: Reg, rt: Reg, rn: Reg) => |cx| mem::strex_bh(cx, false, rd, rt, rn);
        /// `strexh rd, rt, [rn]`.
        strexh(rd: Reg, rt: Reg, rn: Reg) => |cx| mem::strex_bh(cx, true, rd, rt, rn);
        /// `clrex`.
        clrex() => |cx| control::clrex(cx);
    }

    // ---- Branches and labels ----

    /// Records a branch, label load or `adr` to be sized and encoded at layout time, after
    /// checking that its operands are encodable at all.
    fn pc_relative(&mut self, kind: ItemKind) -> R {
        if let Some(width) = kind.width()
            && width == Width::Wide
        {
            self.cx().v7("32-bit form")?;
        }
        super::layout::check_operands(&kind, self.cx())?;
        self.item_insn(kind)
    }

    /// `b<cond>` to `target` with the given width (`Cond::Al` for plain `b`).
    pub fn branch(&mut self, cond: Cond, target: Label, width: Width) -> R {
        self.pc_relative(ItemKind::Branch {
            cond,
            target,
            width,
        })
    }

    /// `b label`, narrow when it reaches.
    pub fn b(&mut self, target: Label) -> R {
        self.branch(Cond::Al, target, Width::Auto)
    }

    /// `b.n label` (±2 KB).
    pub fn b_n(&mut self, target: Label) -> R {
        self.branch(Cond::Al, target, Width::Narrow)
    }

    /// `b.w label` (±16 MB).
    pub fn b_w(&mut self, target: Label) -> R {
        self.branch(Cond::Al, target, Width::Wide)
    }

    /// `b<cond> label`, narrow when it reaches.
    pub fn b_cond(&mut self, cond: Cond, target: Label) -> R {
        self.branch(cond, target, Width::Auto)
    }

    /// `b<cond>.n label` (±256 B).
    pub fn b_cond_n(&mut self, cond: Cond, target: Label) -> R {
        self.branch(cond, target, Width::Narrow)
    }

    /// `b<cond>.w label` (±1 MB).
    pub fn b_cond_w(&mut self, cond: Cond, target: Label) -> R {
        self.branch(cond, target, Width::Wide)
    }

    /// `bl label` (±16 MB; ±4 MB on ARMv6-M, as GNU as allows).
    pub fn bl(&mut self, target: Label) -> R {
        self.pc_relative(ItemKind::Bl(target))
    }

    /// `cbz rn, label` (forward, 0–126 bytes).
    pub fn cbz(&mut self, rn: Reg, target: Label) -> R {
        self.pc_relative(ItemKind::Cbz {
            nonzero: false,
            rn,
            target,
        })
    }

    /// `cbnz rn, label` (forward, 0–126 bytes).
    pub fn cbnz(&mut self, rn: Reg, target: Label) -> R {
        self.pc_relative(ItemKind::Cbz {
            nonzero: true,
            rn,
            target,
        })
    }

    /// `adr rd, label`: the label's address, PC-relative.
    pub fn adr(&mut self, rd: Reg, target: Label) -> R {
        self.pc_relative(ItemKind::Adr {
            rd,
            target,
            width: Width::Auto,
        })
    }

    /// `op rt, label`: load from the label's address, PC-relative.
    pub fn load_label(&mut self, op: MemOp, rt: Reg, target: Label, width: Width) -> R {
        self.pc_relative(ItemKind::Load {
            op,
            rt,
            from: LitRef::Label(target),
            width,
        })
    }

    /// `ldr rt, label`: the word at `label`.
    pub fn ldr_label(&mut self, rt: Reg, target: Label) -> R {
        self.load_label(MemOp::Ldr, rt, target, Width::Auto)
    }

    /// `ldr rt, =value` as GNU as does it: a `mov`, `mvn` or `movw` when one fits
    /// (Thumb-2 only), else a PC-relative load from the literal pool.
    pub fn ldr_const(&mut self, rt: Reg, value: u32) -> R {
        let movable =
            modified_imm(value).is_some() || modified_imm(!value).is_some() || value <= 0xffff;
        if self.isa.has_thumb2() && movable && rt != SP && rt != PC {
            return self.mov(rt, value);
        }
        self.pool_load(rt, PoolValue::Const(value))
    }

    /// `ldr rt, =label`: the label's absolute address (base + offset), from the pool.
    pub fn ldr_addr(&mut self, rt: Reg, target: Label) -> R {
        self.pool_load(rt, PoolValue::Addr(target))
    }

    fn pool_load(&mut self, rt: Reg, value: PoolValue) -> R {
        let kind = ItemKind::Load {
            op: MemOp::Ldr,
            rt,
            from: LitRef::Pool { pool: 0, index: 0 },
            width: Width::Auto,
        };
        super::layout::check_operands(&kind, self.cx())?;
        let (pool, index) = self.literal(value);
        self.item_insn(ItemKind::Load {
            op: MemOp::Ldr,
            rt,
            from: LitRef::Pool { pool, index },
            width: Width::Auto,
        })
    }

    /// Loads a 32-bit constant in the smallest way: `movs` (may set the flags: outside an IT
    /// block it is the flag-setting 16-bit form), `mov.w`, `mvn.w`, `movw`, else `movw` +
    /// `movt` (two instructions) on Thumb-2, or a literal-pool load on ARMv6-M.
    pub fn load_const(&mut self, rt: Reg, value: u32) -> R {
        let first = data::mov(self.cx(), MovOp::Mov, Flags::Any, rt, Src::Imm(value));
        match first {
            Ok(insn) => self.insn(insn),
            Err(_) if !self.isa.has_thumb2() => self.pool_load(rt, PoolValue::Const(value)),
            Err(Error::ImmOutOfRange { .. }) => {
                self.movw(rt, value & 0xffff)?;
                self.movt(rt, value >> 16)
            }
            Err(e) => Err(e),
        }
    }

    forward! {
        /// `bx rm`.
        bx(rm: Reg) => |cx| control::bx(cx, rm);
        /// `blx rm`.
        blx(rm: Reg) => |cx| control::blx(cx, rm);
    }

    // ---- Hints and system ----

    forward! {
        /// `nop`.
        nop() => |cx| control::hint(cx, Hint::Nop);
        /// `yield`.
        yield_() => |cx| control::hint(cx, Hint::Yield);
        /// `wfe`.
        wfe() => |cx| control::hint(cx, Hint::Wfe);
        /// `wfi`.
        wfi() => |cx| control::hint(cx, Hint::Wfi);
        /// `sev`.
        sev() => |cx| control::hint(cx, Hint::Sev);
        /// `cpsid i`: mask interrupts.
        cpsid_i() => |cx| control::cps(cx, true, true, false);
        /// `cpsie i`: unmask interrupts.
        cpsie_i() => |cx| control::cps(cx, false, true, false);
        /// `cpsid f`: mask faults too (ARMv7-M).
        cpsid_f() => |cx| control::cps(cx, true, false, true);
        /// `cpsie f` (ARMv7-M).
        cpsie_f() => |cx| control::cps(cx, false, false, true);
        /// `mrs rd, sysreg`.
        mrs(rd: Reg, sr: SysReg) => |cx| control::mrs(cx, rd, sr);
        /// `msr sysreg, rn`.
        msr(sr: SysReg, rn: Reg) => |cx| control::msr(cx, sr, rn);
        /// `dsb sy`.
        dsb() => |cx| control::barrier(cx, Barrier::Dsb);
        /// `dmb sy`.
        dmb() => |cx| control::barrier(cx, Barrier::Dmb);
        /// `isb sy`.
        isb() => |cx| control::barrier(cx, Barrier::Isb);
        /// `bkpt #imm`.
        bkpt(imm: u32) => |cx| control::trap(cx, Trap::Bkpt, imm);
        /// `svc #imm`.
        svc(imm: u32) => |cx| control::trap(cx, Trap::Svc, imm);
        /// `udf #imm`.
        udf(imm: u32) => |cx| control::trap(cx, Trap::Udf, imm);
    }

    // ---- VFP ----

    forward! {
        /// `vadd.f32 sd, sn, sm`.
        vadd(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Add, sd, sn, sm);
        /// `vsub.f32 sd, sn, sm`.
        vsub(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Sub, sd, sn, sm);
        /// `vmul.f32 sd, sn, sm`.
        vmul(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Mul, sd, sn, sm);
        /// `vnmul.f32 sd, sn, sm`.
        vnmul(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Nmul, sd, sn, sm);
        /// `vdiv.f32 sd, sn, sm`.
        vdiv(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Div, sd, sn, sm);
        /// `vmla.f32 sd, sn, sm`.
        vmla(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Mla, sd, sn, sm);
        /// `vmls.f32 sd, sn, sm`.
        vmls(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Mls, sd, sn, sm);
        /// `vnmla.f32 sd, sn, sm`.
        vnmla(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Nmla, sd, sn, sm);
        /// `vnmls.f32 sd, sn, sm`.
        vnmls(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Nmls, sd, sn, sm);
        /// `vfma.f32 sd, sn, sm`.
        vfma(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Fma, sd, sn, sm);
        /// `vfms.f32 sd, sn, sm`.
        vfms(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Fms, sd, sn, sm);
        /// `vfnma.f32 sd, sn, sm`.
        vfnma(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Fnma, sd, sn, sm);
        /// `vfnms.f32 sd, sn, sm`.
        vfnms(sd: SReg, sn: SReg, sm: SReg) => |cx| vfp::vop3(cx, VOp3::Fnms, sd, sn, sm);
        /// `vmov.f32 sd, sm`.
        vmov(sd: SReg, sm: SReg) => |cx| vfp::vop2(cx, VOp2::Mov, sd, sm);
        /// `vabs.f32 sd, sm`.
        vabs(sd: SReg, sm: SReg) => |cx| vfp::vop2(cx, VOp2::Abs, sd, sm);
        /// `vneg.f32 sd, sm`.
        vneg(sd: SReg, sm: SReg) => |cx| vfp::vop2(cx, VOp2::Neg, sd, sm);
        /// `vsqrt.f32 sd, sm`.
        vsqrt(sd: SReg, sm: SReg) => |cx| vfp::vop2(cx, VOp2::Sqrt, sd, sm);
        /// `vcmp.f32 sd, sm`.
        vcmp(sd: SReg, sm: SReg) => |cx| vfp::vop2(cx, VOp2::Cmp, sd, sm);
        /// `vcmpe.f32 sd, sm`.
        vcmpe(sd: SReg, sm: SReg) => |cx| vfp::vop2(cx, VOp2::Cmpe, sd, sm);
        /// `vcmp.f32 sd, #0.0`.
        vcmp_zero(sd: SReg) => |cx| vfp::vcmp_zero(cx, false, sd);
        /// `vcmpe.f32 sd, #0.0`.
        vcmpe_zero(sd: SReg) => |cx| vfp::vcmp_zero(cx, true, sd);
        /// `vcvt.f32.s32 sd, sm`.
        vcvt_f32_s32(sd: SReg, sm: SReg) => |cx| vfp::vcvt(cx, Cvt::F32S32, sd, sm);
        /// `vcvt.f32.u32 sd, sm`.
        vcvt_f32_u32(sd: SReg, sm: SReg) => |cx| vfp::vcvt(cx, Cvt::F32U32, sd, sm);
        /// `vcvt.s32.f32 sd, sm` (round toward zero).
        vcvt_s32_f32(sd: SReg, sm: SReg) => |cx| vfp::vcvt(cx, Cvt::S32F32, sd, sm);
        /// `vcvt.u32.f32 sd, sm` (round toward zero).
        vcvt_u32_f32(sd: SReg, sm: SReg) => |cx| vfp::vcvt(cx, Cvt::U32F32, sd, sm);
        /// `vcvtr.s32.f32 sd, sm` (FPSCR rounding).
        vcvtr_s32_f32(sd: SReg, sm: SReg) => |cx| vfp::vcvt(cx, Cvt::S32F32R, sd, sm);
        /// `vcvtr.u32.f32 sd, sm` (FPSCR rounding).
        vcvtr_u32_f32(sd: SReg, sm: SReg) => |cx| vfp::vcvt(cx, Cvt::U32F32R, sd, sm);
        /// `vmov.f32 sd, #imm` (only `±(16..=31)/16 * 2^(-3..=4)`).
        vmov_imm(sd: SReg, value: f32) => |cx| vfp::vmov_imm(cx, sd, value);
        /// `vmov rt, sn`: VFP to core register.
        vmov_rs(rt: Reg, sn: SReg) => |cx| vfp::vmov_core(cx, true, rt, sn);
        /// `vmov sn, rt`: core to VFP register.
        vmov_sr(sn: SReg, rt: Reg) => |cx| vfp::vmov_core(cx, false, rt, sn);
        /// `vmrs rt, fpscr`.
        vmrs(rt: Reg) => |cx| vfp::vmrs(cx, Some(rt));
        /// `vmrs APSR_nzcv, fpscr`: the comparison flags, for a conditional branch.
        vmrs_apsr_nzcv() => |cx| vfp::vmrs(cx, None);
        /// `vmsr fpscr, rt`.
        vmsr(rt: Reg) => |cx| vfp::vmsr(cx, rt);
        /// `vldr sd, [rn, #offset]`.
        vldr(sd: SReg, rn: Reg, offset: i32) => |cx| vfp::vldr(cx, true, sd, rn, offset);
        /// `vstr sd, [rn, #offset]`.
        vstr(sd: SReg, rn: Reg, offset: i32) => |cx| vfp::vldr(cx, false, sd, rn, offset);
        /// `vpush {first-...}`: `count` consecutive registers.
        vpush(first: SReg, count: u8) => |cx| vfp::vpush(cx, false, first, count);
        /// `vpop {first-...}`: `count` consecutive registers.
        vpop(first: SReg, count: u8) => |cx| vfp::vpush(cx, true, first, count);
        /// `vadd.f64 dd, dn, dm` (no level here has it).
        vadd_f64(dd: DReg, dn: DReg, dm: DReg) => |cx| vfp::vop3_f64(cx, VOp3::Add, dd, dn, dm);
        /// `vsub.f64 dd, dn, dm` (no level here has it).
        vsub_f64(dd: DReg, dn: DReg, dm: DReg) => |cx| vfp::vop3_f64(cx, VOp3::Sub, dd, dn, dm);
        /// `vmul.f64 dd, dn, dm` (no level here has it).
        vmul_f64(dd: DReg, dn: DReg, dm: DReg) => |cx| vfp::vop3_f64(cx, VOp3::Mul, dd, dn, dm);
        /// `vdiv.f64 dd, dn, dm` (no level here has it).
        vdiv_f64(dd: DReg, dn: DReg, dm: DReg) => |cx| vfp::vop3_f64(cx, VOp3::Div, dd, dn, dm);
        /// `vneg.f64 dd, dm` (no level here has it).
        vneg_f64(dd: DReg, dm: DReg) => |cx| vfp::vop2_f64(cx, VOp2::Neg, dd, dm);
        /// `vsqrt.f64 dd, dm` (no level here has it).
        vsqrt_f64(dd: DReg, dm: DReg) => |cx| vfp::vop2_f64(cx, VOp2::Sqrt, dd, dm);
        /// `vcmp.f64 dd, dm` (no level here has it).
        vcmp_f64(dd: DReg, dm: DReg) => |cx| vfp::vop2_f64(cx, VOp2::Cmp, dd, dm);
        /// `vmov.f64 dd, dm` (no level here has it).
        vmov_f64(dd: DReg, dm: DReg) => |cx| vfp::vop2_f64(cx, VOp2::Mov, dd, dm);
        /// `vcvt.f64.f32 dd, sm` (no level here has it).
        vcvt_f64_f32(dd: DReg, sm: SReg) => |cx| vfp::vcvt_f64_f32(cx, dd, sm);
        /// `vcvt.f32.f64 sd, dm` (no level here has it).
        vcvt_f32_f64(sd: SReg, dm: DReg) => |cx| vfp::vcvt_f32_f64(cx, sd, dm);
        /// `vldr dd, [rn, #offset]`: a 64-bit load (FPv4-SP has it).
        vldr_f64(dd: DReg, rn: Reg, offset: i32) => |cx| vfp::vldr_f64(cx, true, dd, rn, offset);
        /// `vstr dd, [rn, #offset]`: a 64-bit store (FPv4-SP has it).
        vstr_f64(dd: DReg, rn: Reg, offset: i32) => |cx| vfp::vldr_f64(cx, false, dd, rn, offset);
    }
}
