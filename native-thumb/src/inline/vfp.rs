//! The floating-point instructions of the inline assembler (MicroPython's set plus `vabs`
//! and `vmov` between S registers), available only when the target has an FPU.

use alloc::format;

use frontend::bytecode::asm::AsmArg;

use super::InlineError;
use super::operand::{Mp, Stmt, is_core_reg, is_vfp_reg, isa_name, offset32};
use crate::asm::Assembler;
use crate::encode::vfp::{VOp2, VOp3};

/// The VFP instruction names: these are refused by name on a target without an FPU.
const NAMES: [&str; 14] = [
    "vadd",
    "vsub",
    "vmul",
    "vdiv",
    "vneg",
    "vsqrt",
    "vabs",
    "vcmp",
    "vcvt_f32_s32",
    "vcvt_s32_f32",
    "vmov",
    "vmrs",
    "vldr",
    "vstr",
];

/// Whether `op` is one of the VFP instructions.
pub(super) fn is_vfp(op: &str) -> bool {
    NAMES.contains(&op)
}

/// Assembles one VFP instruction.
pub(super) fn instruction(s: &Stmt, a: &mut Assembler) -> Result<(), InlineError> {
    if !s.isa.has_fpu() {
        return Err(s.error(format!(
            "'{}' is not available on {} (no FPU)",
            s.op,
            isa_name(s.isa)
        )));
    }
    let r = match (s.op, s.args.len()) {
        ("vadd" | "vsub" | "vmul" | "vdiv", 3) => {
            let op = match s.op {
                "vadd" => VOp3::Add,
                "vsub" => VOp3::Sub,
                "vmul" => VOp3::Mul,
                _ => VOp3::Div,
            };
            let (sd, sn, sm) = (s.sreg(0)?, s.sreg(1)?, s.sreg(2)?);
            a.vop3(op, sd, sn, sm)
        }
        ("vneg" | "vsqrt" | "vabs" | "vcmp", 2) => {
            let op = match s.op {
                "vneg" => VOp2::Neg,
                "vsqrt" => VOp2::Sqrt,
                "vabs" => VOp2::Abs,
                _ => VOp2::Cmp,
            };
            let (sd, sm) = (s.sreg(0)?, s.sreg(1)?);
            a.vop2(op, sd, sm)
        }
        ("vcvt_f32_s32", 2) => {
            let (sd, sm) = (s.sreg(0)?, s.sreg(1)?);
            a.vcvt_f32_s32(sd, sm)
        }
        ("vcvt_s32_f32", 2) => {
            let (sd, sm) = (s.sreg(0)?, s.sreg(1)?);
            a.vcvt_s32_f32(sd, sm)
        }
        ("vmov", 2) => {
            if is_core_reg(&s.args[0]) {
                let (rt, sn) = (s.reg(0)?, s.sreg(1)?);
                a.vmov_rs(rt, sn)
            } else {
                let sd = s.sreg(0)?;
                if is_vfp_reg(&s.args[1]) {
                    let sm = s.sreg(1)?;
                    a.vmov(sd, sm)
                } else {
                    let rt = s.reg(1)?;
                    a.vmov_sr(sd, rt)
                }
            }
        }
        ("vmrs", 2) => {
            if !matches!(&s.args[1], AsmArg::Name(n) if n == "FPSCR") {
                return Err(s.error("'vmrs' expects FPSCR"));
            }
            match &s.args[0] {
                AsmArg::Name(n) if n == "APSR_nzcv" => a.vmrs_apsr_nzcv(),
                _ => {
                    let rt = s.reg(0)?;
                    a.vmrs(rt)
                }
            }
        }
        ("vldr" | "vstr", 2) => {
            let sd = s.sreg(0)?;
            let (rn, off) = s.addr_imm(1)?;
            let r = if s.op == "vldr" {
                a.vldr(sd, rn, offset32(off))
            } else {
                a.vstr(sd, rn, offset32(off))
            };
            return s.enc(r, Mp::LOW.mask(off, 0x3fc));
        }
        _ => return Err(s.unsupported()),
    };
    s.enc(r, Mp::ANY)
}
