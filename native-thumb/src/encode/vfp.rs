//! VFP floating point: FPv4-SP single precision on ARMv7E-M.
//!
//! Double-precision arithmetic exists so it can be asked for; every ISA level here refuses
//! it (FPv4-SP has none). Loading and storing D registers is part of FPv4-SP and allowed. A register number splits into a 4-bit field and one extra
//! bit: for `sN` the field is `N >> 1` and the extra bit `N & 1`, for `dN` the other way round.

use super::{Cx, Insn, not_pc, not_sp_pc};
use crate::error::Error;
use crate::reg::{DReg, Reg, SReg};

/// A register's (4-bit field, extra bit).
#[derive(Clone, Copy)]
struct F(u16, u16);

fn s(r: SReg) -> F {
    F(r.num() as u16 >> 1, r.num() as u16 & 1)
}

fn d(r: DReg) -> F {
    F(r.num() as u16 & 15, r.num() as u16 >> 4)
}

/// Places Vd/D, Vn/N and Vm/M into a VFP data-processing instruction.
fn vdp(hw1: u16, hw2: u16, vd: F, vn: F, vm: F) -> Insn {
    Insn::Wide(
        hw1 | vd.1 << 6 | vn.0,
        hw2 | vd.0 << 12 | vn.1 << 7 | vm.1 << 5 | vm.0,
    )
}

fn fp64(cx: Cx, form: &'static str) -> Result<(), Error> {
    cx.fpu(form)?;
    if cx.isa.has_fp64() {
        Ok(())
    } else {
        Err(Error::NotInIsa { form, isa: cx.isa })
    }
}

/// A three-register operation `op.f32 sd, sn, sm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VOp3 {
    /// `sd = sn + sm`.
    Add,
    /// `sd = sn - sm`.
    Sub,
    /// `sd = sn * sm`.
    Mul,
    /// `sd = -(sn * sm)`.
    Nmul,
    /// `sd = sn / sm`.
    Div,
    /// `sd = sd + sn * sm` (rounded twice).
    Mla,
    /// `sd = sd - sn * sm` (rounded twice).
    Mls,
    /// `sd = -sd - sn * sm`.
    Nmla,
    /// `sd = -sd + sn * sm`.
    Nmls,
    /// Fused `sd = sd + sn * sm`.
    Fma,
    /// Fused `sd = sd - sn * sm`.
    Fms,
    /// Fused `sd = -sd - sn * sm`.
    Fnma,
    /// Fused `sd = -sd + sn * sm`.
    Fnms,
}

impl VOp3 {
    /// The mnemonic without the type suffix.
    pub const fn name(self) -> &'static str {
        match self {
            VOp3::Add => "vadd",
            VOp3::Sub => "vsub",
            VOp3::Mul => "vmul",
            VOp3::Nmul => "vnmul",
            VOp3::Div => "vdiv",
            VOp3::Mla => "vmla",
            VOp3::Mls => "vmls",
            VOp3::Nmla => "vnmla",
            VOp3::Nmls => "vnmls",
            VOp3::Fma => "vfma",
            VOp3::Fms => "vfms",
            VOp3::Fnma => "vfnma",
            VOp3::Fnms => "vfnms",
        }
    }

    const fn bits(self) -> (u16, u16) {
        match self {
            VOp3::Mla => (0xEE00, 0x0A00),
            VOp3::Mls => (0xEE00, 0x0A40),
            VOp3::Nmls => (0xEE10, 0x0A00),
            VOp3::Nmla => (0xEE10, 0x0A40),
            VOp3::Mul => (0xEE20, 0x0A00),
            VOp3::Nmul => (0xEE20, 0x0A40),
            VOp3::Add => (0xEE30, 0x0A00),
            VOp3::Sub => (0xEE30, 0x0A40),
            VOp3::Div => (0xEE80, 0x0A00),
            VOp3::Fnms => (0xEE90, 0x0A00),
            VOp3::Fnma => (0xEE90, 0x0A40),
            VOp3::Fma => (0xEEA0, 0x0A00),
            VOp3::Fms => (0xEEA0, 0x0A40),
        }
    }
}

/// `op.f32 sd, sn, sm`.
pub fn vop3(cx: Cx, op: VOp3, sd: SReg, sn: SReg, sm: SReg) -> Result<Insn, Error> {
    cx.fpu(op.name())?;
    let (hw1, hw2) = op.bits();
    Ok(vdp(hw1, hw2, s(sd), s(sn), s(sm)))
}

/// `op.f64 dd, dn, dm`: refused on every level here.
pub fn vop3_f64(cx: Cx, op: VOp3, dd: DReg, dn: DReg, dm: DReg) -> Result<Insn, Error> {
    fp64(cx, op.name())?;
    let (hw1, hw2) = op.bits();
    Ok(vdp(hw1, hw2 | 0x100, d(dd), d(dn), d(dm)))
}

/// A two-register operation `op.f32 sd, sm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VOp2 {
    /// Copy.
    Mov,
    /// Absolute value.
    Abs,
    /// Negate.
    Neg,
    /// Square root.
    Sqrt,
    /// Compare, flags to FPSCR (quiet NaNs don't raise Invalid Operation).
    Cmp,
    /// Compare, raising Invalid Operation on any NaN.
    Cmpe,
}

impl VOp2 {
    /// The mnemonic without the type suffix.
    pub const fn name(self) -> &'static str {
        match self {
            VOp2::Mov => "vmov",
            VOp2::Abs => "vabs",
            VOp2::Neg => "vneg",
            VOp2::Sqrt => "vsqrt",
            VOp2::Cmp => "vcmp",
            VOp2::Cmpe => "vcmpe",
        }
    }

    const fn bits(self) -> (u16, u16) {
        match self {
            VOp2::Mov => (0xEEB0, 0x0A40),
            VOp2::Abs => (0xEEB0, 0x0AC0),
            VOp2::Neg => (0xEEB1, 0x0A40),
            VOp2::Sqrt => (0xEEB1, 0x0AC0),
            VOp2::Cmp => (0xEEB4, 0x0A40),
            VOp2::Cmpe => (0xEEB4, 0x0AC0),
        }
    }
}

/// `op.f32 sd, sm`.
pub fn vop2(cx: Cx, op: VOp2, sd: SReg, sm: SReg) -> Result<Insn, Error> {
    cx.fpu(op.name())?;
    let (hw1, hw2) = op.bits();
    Ok(vdp(hw1, hw2, s(sd), F(0, 0), s(sm)))
}

/// `op.f64 dd, dm`: refused on every level here.
pub fn vop2_f64(cx: Cx, op: VOp2, dd: DReg, dm: DReg) -> Result<Insn, Error> {
    fp64(cx, op.name())?;
    let (hw1, hw2) = op.bits();
    Ok(vdp(hw1, hw2 | 0x100, d(dd), F(0, 0), d(dm)))
}

/// `vcmp.f32 sd, #0.0` or, with `e`, `vcmpe.f32 sd, #0.0`.
pub fn vcmp_zero(cx: Cx, e: bool, sd: SReg) -> Result<Insn, Error> {
    cx.fpu("vcmp")?;
    Ok(vdp(
        0xEEB5,
        if e { 0x0AC0 } else { 0x0A40 },
        s(sd),
        F(0, 0),
        F(0, 0),
    ))
}

/// A conversion between f32 and 32-bit integers, `vcvt.<to>.<from> sd, sm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cvt {
    /// Signed integer to float.
    F32S32,
    /// Unsigned integer to float.
    F32U32,
    /// Float to signed integer, rounding toward zero.
    S32F32,
    /// Float to unsigned integer, rounding toward zero.
    U32F32,
    /// Float to signed integer, rounding as FPSCR says (`vcvtr`).
    S32F32R,
    /// Float to unsigned integer, rounding as FPSCR says (`vcvtr`).
    U32F32R,
}

/// `vcvt` between f32 and integers held in S registers.
pub fn vcvt(cx: Cx, op: Cvt, sd: SReg, sm: SReg) -> Result<Insn, Error> {
    cx.fpu("vcvt")?;
    let (hw1, hw2) = match op {
        Cvt::F32S32 => (0xEEB8, 0x0AC0),
        Cvt::F32U32 => (0xEEB8, 0x0A40),
        Cvt::S32F32 => (0xEEBD, 0x0AC0),
        Cvt::U32F32 => (0xEEBC, 0x0AC0),
        Cvt::S32F32R => (0xEEBD, 0x0A40),
        Cvt::U32F32R => (0xEEBC, 0x0A40),
    };
    Ok(vdp(hw1, hw2, s(sd), F(0, 0), s(sm)))
}

/// `vcvt.f64.f32 dd, sm`: refused on every level here.
pub fn vcvt_f64_f32(cx: Cx, dd: DReg, sm: SReg) -> Result<Insn, Error> {
    fp64(cx, "vcvt.f64.f32")?;
    Ok(vdp(0xEEB7, 0x0AC0, d(dd), F(0, 0), s(sm)))
}

/// `vcvt.f32.f64 sd, dm`: refused on every level here.
pub fn vcvt_f32_f64(cx: Cx, sd: SReg, dm: DReg) -> Result<Insn, Error> {
    fp64(cx, "vcvt.f32.f64")?;
    Ok(vdp(0xEEB7, 0x0BC0, s(sd), F(0, 0), d(dm)))
}

/// The 8-bit VFP immediate for `v`, if it has one: `±(16..=31)/16 * 2^(-3..=4)`. Zero has
/// none.
pub fn vfp_imm(v: f32) -> Option<u16> {
    let bits = v.to_bits();
    if bits & 0x7ffff != 0 {
        return None;
    }
    let b = bits >> 29 & 1;
    // Exponent bits 30..25 must be NOT(b) followed by five copies of b.
    let want = if b == 1 { 0b011111 } else { 0b100000 };
    if bits >> 25 & 0x3f != want {
        return None;
    }
    Some((bits >> 24 & 0x80 | b << 6 | bits >> 19 & 0x3f) as u16)
}

/// `vmov.f32 sd, #imm`.
pub fn vmov_imm(cx: Cx, sd: SReg, v: f32) -> Result<Insn, Error> {
    cx.fpu("vmov")?;
    let Some(imm) = vfp_imm(v) else {
        return Err(Error::BadOperand {
            form: "vmov",
            why: "float has no 8-bit VFP immediate",
        });
    };
    let f = s(sd);
    Ok(Insn::Wide(
        0xEEB0 | f.1 << 6 | imm >> 4,
        f.0 << 12 | 0x0A00 | imm & 15,
    ))
}

/// `vmov sn, rt` (core to VFP) or, with `to_core`, `vmov rt, sn`.
pub fn vmov_core(cx: Cx, to_core: bool, rt: Reg, sn: SReg) -> Result<Insn, Error> {
    cx.fpu("vmov")?;
    not_sp_pc("vmov", &[rt])?;
    let f = s(sn);
    Ok(Insn::Wide(
        if to_core { 0xEE10 } else { 0xEE00 } | f.0,
        rt.f() << 12 | 0x0A10 | f.1 << 7,
    ))
}

/// `vmrs rt, fpscr`, or with `None`, `vmrs APSR_nzcv, fpscr` (the flags, for a following
/// conditional branch).
pub fn vmrs(cx: Cx, rt: Option<Reg>) -> Result<Insn, Error> {
    cx.fpu("vmrs")?;
    let t = match rt {
        Some(r) => {
            not_sp_pc("vmrs", &[r])?;
            r.f()
        }
        None => 15,
    };
    Ok(Insn::Wide(0xEEF1, t << 12 | 0x0A10))
}

/// `vmsr fpscr, rt`.
pub fn vmsr(cx: Cx, rt: Reg) -> Result<Insn, Error> {
    cx.fpu("vmsr")?;
    not_sp_pc("vmsr", &[rt])?;
    Ok(Insn::Wide(0xEEE1, rt.f() << 12 | 0x0A10))
}

fn vmem(
    form: &'static str,
    load: bool,
    size: u16,
    vd: F,
    rn: Reg,
    offset: i32,
) -> Result<Insn, Error> {
    if offset % 4 != 0 || !(-1020..=1020).contains(&offset) {
        return Err(Error::ImmOutOfRange {
            form,
            value: offset.into(),
        });
    }
    if !load {
        not_pc(form, &[rn])?;
    }
    let u = (offset >= 0) as u16;
    let hw1 = if load { 0xED10 } else { 0xED00 } | u << 7 | vd.1 << 6 | rn.f();
    Ok(Insn::Wide(
        hw1,
        vd.0 << 12 | size | (offset.unsigned_abs() / 4) as u16,
    ))
}

/// `vldr sd, [rn, #offset]` or, with `!load`, `vstr`; offset a multiple of 4 within ±1020.
pub fn vldr(cx: Cx, load: bool, sd: SReg, rn: Reg, offset: i32) -> Result<Insn, Error> {
    let form = if load { "vldr" } else { "vstr" };
    cx.fpu(form)?;
    vmem(form, load, 0x0A00, s(sd), rn, offset)
}

/// `vldr dd, [rn, #offset]` or `vstr`: a 64-bit transfer, which FPv4-SP has.
pub fn vldr_f64(cx: Cx, load: bool, dd: DReg, rn: Reg, offset: i32) -> Result<Insn, Error> {
    let form = if load { "vldr.64" } else { "vstr.64" };
    cx.fpu(form)?;
    vmem(form, load, 0x0B00, d(dd), rn, offset)
}

/// `vpush {first-...}` or, with `pop`, `vpop`: `count` consecutive S registers.
pub fn vpush(cx: Cx, pop: bool, first: SReg, count: u8) -> Result<Insn, Error> {
    let form = if pop { "vpop" } else { "vpush" };
    cx.fpu(form)?;
    if count == 0 || first.num() as u16 + count as u16 > 32 {
        return Err(Error::BadOperand {
            form,
            why: "registers must be 1 to 32 consecutive S registers",
        });
    }
    let f = s(first);
    Ok(Insn::Wide(
        if pop { 0xECBD } else { 0xED2D } | f.1 << 6,
        f.0 << 12 | 0x0A00 | count as u16,
    ))
}

#[cfg(test)]
mod tests {
    use super::vfp_imm;

    #[test]
    fn immediates() {
        assert_eq!(vfp_imm(1.0), Some(0x70));
        assert_eq!(vfp_imm(2.0), Some(0x00));
        assert_eq!(vfp_imm(-0.5), Some(0xE0));
        assert_eq!(vfp_imm(31.0), Some(0x3F));
        assert_eq!(vfp_imm(0.125), Some(0x40));
        assert_eq!(vfp_imm(0.0), None);
        assert_eq!(vfp_imm(32.0), None);
        assert_eq!(vfp_imm(0.1), None);
    }
}
