//! Each instruction form of the inline assembler gives the bytes the `Assembler` gives for
//! the instruction it means (flag-setting ALU forms outside IT blocks, as MicroPython's
//! 16-bit encodings), on every level that has it.

use native_thumb::encode::data::{AluOp, CmpOp, MovOp, ShiftOp};
use native_thumb::encode::mem::MemOp;
use native_thumb::encode::vfp::{VOp2, VOp3};
use native_thumb::reg::*;
use native_thumb::{Cond, Flags, Isa, Mem, SysReg};

use super::{V6M, V7, V7EM};
use crate::check;

#[test]
fn moves() {
    for isa in Isa::ALL {
        check(isa, "mov(r0, r1)", |a| a.mov(R0, R1));
        check(isa, "mov(r8, r1)", |a| a.mov(R8, R1));
        check(isa, "mov(r1, pc)", |a| a.mov(R1, PC));
        check(isa, "mov(sp, r7)", |a| a.mov(SP, R7));
        check(isa, "mov(r0, 0)", |a| a.movs(R0, 0u32));
        check(isa, "mov(r7, 255)", |a| a.movs(R7, 255u32));
        check(isa, "mvn(r0, r1)", |a| a.mvns(R0, R1));
    }
    for isa in V7 {
        check(isa, "mov(r0, 0x3fc)", |a| a.movs(R0, 0x3fcu32));
        check(isa, "mov(r9, 5)", |a| a.movs(R9, 5u32));
        check(isa, "mov(r0, -1)", |a| a.movs(R0, 0xffff_ffffu32));
        check(isa, "movw(r0, 0x1234)", |a| a.movw(R0, 0x1234));
        check(isa, "movw(r10, 0xffff)", |a| a.movw(R10, 0xffff));
        check(isa, "movt(r1, 0xabcd)", |a| a.movt(R1, 0xabcd));
        check(isa, "movwt(r2, 0x12345678)", |a| a.movwt(R2, 0x1234_5678));
        check(isa, "movwt(r0, -1)", |a| a.movwt(R0, 0xffff_ffff));
        check(isa, "mvn(r0, 0xff00)", |a| a.mvns(R0, 0xff00u32));
        check(isa, "mvn(r8, r9)", |a| a.mvns(R8, R9));
    }
}

/// MicroPython's "format 4" two-register ALU forms, flag-setting.
#[test]
fn two_register_alu() {
    let alu = [
        ("and_", AluOp::And),
        ("orr", AluOp::Orr),
        ("eor", AluOp::Eor),
        ("bic", AluOp::Bic),
        ("adc", AluOp::Adc),
        ("sbc", AluOp::Sbc),
        ("add", AluOp::Add),
        ("sub", AluOp::Sub),
    ];
    let shifts = [
        ("lsl", ShiftOp::Lsl),
        ("lsr", ShiftOp::Lsr),
        ("asr", ShiftOp::Asr),
        ("ror", ShiftOp::Ror),
    ];
    let compares = [
        ("cmp", CmpOp::Cmp),
        ("cmn", CmpOp::Cmn),
        ("tst", CmpOp::Tst),
    ];
    for isa in Isa::ALL {
        for (name, op) in alu {
            check(isa, &format!("{name}(r0, r5)"), |a| {
                a.alu(op, Flags::Set, R0, R0, R5)
            });
        }
        for (name, op) in shifts {
            check(isa, &format!("{name}(r2, r3)"), |a| {
                a.shift(op, Flags::Set, R2, R2, R3)
            });
        }
        for (name, op) in compares {
            check(isa, &format!("{name}(r6, r7)"), |a| a.compare(op, R6, R7));
        }
        check(isa, "neg(r0, r1)", |a| a.negs(R0, R1));
        check(isa, "mul(r0, r1)", |a| a.muls(R0, R0, R1));
        check(isa, "cmp(r8, r1)", |a| a.cmp(R8, R1));
        check(isa, "lsl(r0, 3)", |a| a.lsls(R0, R0, 3u32));
    }
    // High registers and immediates take the 32-bit flag-setting forms.
    for isa in V7 {
        for (name, op) in alu {
            check(isa, &format!("{name}(r8, r9)"), |a| {
                a.alu(op, Flags::Set, R8, R8, R9)
            });
            check(isa, &format!("{name}(r1, 0x80000000)"), |a| {
                a.alu(op, Flags::Set, R1, R1, 0x8000_0000u32)
            });
        }
        for (name, op) in shifts {
            check(isa, &format!("{name}(r8, r1)"), |a| {
                a.shift(op, Flags::Set, R8, R8, R1)
            });
            check(isa, &format!("{name}(r10, 7)"), |a| {
                a.shift(op, Flags::Set, R10, R10, 7u32)
            });
        }
        check(isa, "tst(r0, 0x100)", |a| a.tst(R0, 0x100u32));
        check(isa, "cmn(r9, 1)", |a| a.cmn(R9, 1u32));
        check(isa, "neg(r8, r1)", |a| a.negs(R8, R1));
    }
}

#[test]
fn three_operand_alu() {
    for isa in Isa::ALL {
        check(isa, "add(r0, r1, r2)", |a| a.adds(R0, R1, R2));
        check(isa, "sub(r5, r6, r7)", |a| a.subs(R5, R6, R7));
        check(isa, "add(r0, r1, 7)", |a| a.adds(R0, R1, 7u32));
        check(isa, "sub(r0, r1, 3)", |a| a.subs(R0, R1, 3u32));
        check(isa, "add(r0, r0, 1)", |a| a.adds(R0, R0, 1u32));
        check(isa, "add(r0, 200)", |a| a.adds(R0, R0, 200u32));
        check(isa, "sub(r3, 255)", |a| a.subs(R3, R3, 255u32));
        check(isa, "cmp(r0, 0)", |a| a.cmp(R0, 0u32));
        check(isa, "cmp(r7, 255)", |a| a.cmp(R7, 255u32));
        check(isa, "lsl(r0, r1, 31)", |a| a.lsls(R0, R1, 31u32));
        check(isa, "lsl(r0, r1, 0)", |a| a.lsls(R0, R1, 0u32));
        check(isa, "lsr(r0, r1, 1)", |a| a.lsrs(R0, R1, 1u32));
        check(isa, "lsr(r0, r1, 32)", |a| a.lsrs(R0, R1, 32u32));
        check(isa, "asr(r2, r3, 17)", |a| a.asrs(R2, R3, 17u32));
        check(isa, "lsl(r2, r2, r3)", |a| a.lsls(R2, R2, R3));
        // `sp` arithmetic keeps the flags: the `add sp, #imm` forms.
        check(isa, "sub(sp, 8)\nadd(sp, sp, 8)\nadd(r0, sp, 4)", |a| {
            a.sub(SP, SP, 8u32)?;
            a.add(SP, SP, 8u32)?;
            a.add(R0, SP, 4u32)
        });
    }
    for isa in V7 {
        check(isa, "add(r0, r1, 0x100)", |a| a.adds(R0, R1, 0x100u32));
        check(isa, "add(r8, r9, r10)", |a| a.adds(R8, R9, R10));
        check(isa, "sub(r0, r1, 1000)", |a| a.subs(R0, R1, 1000u32));
        check(isa, "add(r0, sp, 8)\nsub(sp, sp, 0x400)", |a| {
            a.add(R0, SP, 8u32)?;
            a.sub(SP, SP, 0x400u32)
        });
        check(isa, "cmp(r0, 1000)", |a| a.cmp(R0, 1000u32));
        check(isa, "cmp(r8, 5)", |a| a.cmp(R8, 5u32));
        check(isa, "lsl(r0, r1, r2)", |a| a.lsls(R0, R1, R2));
        check(isa, "ror(r0, r1, 8)", |a| a.rors(R0, R1, 8u32));
        check(isa, "and_(r0, r1, r2)", |a| a.ands(R0, R1, R2));
        check(isa, "eor(r8, r9, 0xff)", |a| a.eors(R8, R9, 0xffu32));
        check(isa, "bic(r0, r0, r1)", |a| a.bics(R0, R0, R1));
        check(isa, "sdiv(r0, r1, r2)", |a| a.sdiv(R0, R1, R2));
        check(isa, "udiv(r8, r9, r10)", |a| a.udiv(R8, R9, R10));
        check(isa, "clz(r0, r1)", |a| a.clz(R0, R1));
        check(isa, "rbit(r9, r2)", |a| a.rbit(R9, R2));
    }
}

#[test]
fn loads_and_stores() {
    let imm = [
        ("ldr", MemOp::Ldr, 124),
        ("ldrb", MemOp::Ldrb, 31),
        ("ldrh", MemOp::Ldrh, 62),
        ("str", MemOp::Str, 0),
        ("strb", MemOp::Strb, 5),
        ("strh", MemOp::Strh, 2),
    ];
    let all = [
        ("ldr", MemOp::Ldr),
        ("ldrb", MemOp::Ldrb),
        ("ldrh", MemOp::Ldrh),
        ("ldrsb", MemOp::Ldrsb),
        ("ldrsh", MemOp::Ldrsh),
        ("str", MemOp::Str),
        ("strb", MemOp::Strb),
        ("strh", MemOp::Strh),
    ];
    for isa in Isa::ALL {
        for (name, op, off) in imm {
            check(isa, &format!("{name}(r0, [r1, {off}])"), |a| {
                a.mem(op, R0, Mem::Offset(R1, off))
            });
        }
        // Beyond MicroPython: register offsets, every width.
        for (name, op) in all {
            check(isa, &format!("{name}(r3, [r4, r5])"), |a| {
                a.mem(op, R3, Mem::Index(R4, R5, 0))
            });
        }
        check(isa, "ldr(r0, [sp, 8])", |a| a.ldr(R0, Mem::Offset(SP, 8)));
        check(isa, "str(r7, [sp, 1020])", |a| {
            a.str(R7, Mem::Offset(SP, 1020))
        });
    }
    for isa in V7 {
        for (name, op) in all {
            check(isa, &format!("{name}(r8, [r9, 4000])"), |a| {
                a.mem(op, R8, Mem::Offset(R9, 4000))
            });
            check(isa, &format!("{name}(r0, [r1, -8])"), |a| {
                a.mem(op, R0, Mem::Offset(R1, -8))
            });
            check(isa, &format!("{name}(r10, [r11, r12])"), |a| {
                a.mem(op, R10, Mem::Index(R11, R12, 0))
            });
        }
        check(isa, "ldr(r0, [r1, 2])", |a| a.ldr(R0, Mem::Offset(R1, 2)));
        check(isa, "ldrex(r0, [r1, 8])", |a| a.ldrex(R0, R1, 8));
        check(isa, "ldrex(r8, [r9, 0])", |a| a.ldrex(R8, R9, 0));
        check(isa, "strex(r2, r0, [r1, 0])", |a| a.strex(R2, R0, R1, 0));
        check(isa, "strex(r8, r9, [r10, 1020])", |a| {
            a.strex(R8, R9, R10, 1020)
        });
    }
}

#[test]
fn branches_to_registers_and_calls() {
    for isa in Isa::ALL {
        check(isa, "bx(lr)", |a| a.bx(LR));
        check(isa, "bx(r3)", |a| a.bx(R3));
        check(isa, "blx(r3)", |a| a.blx(R3));
        check(isa, "blx(r12)", |a| a.blx(R12));
    }
}

#[test]
fn it_blocks_every_mask() {
    let mut patterns = vec![String::new()];
    for len in 1..=3 {
        for bits in 0..1 << len {
            let p: String = (0..len)
                .map(|i| if bits >> i & 1 == 1 { 'e' } else { 't' })
                .collect();
            patterns.push(p);
        }
    }
    assert_eq!(patterns.len(), 15);
    for isa in V7 {
        for cond in &Cond::ALL[..14] {
            for p in &patterns {
                let mut body = format!("cmp(r0, r1)\nit{p}({cond})\n");
                for i in 0..=p.len() {
                    body += &format!("mov(r0, {i})\n");
                }
                check(isa, &body, |a| {
                    a.cmp(R0, R1)?;
                    a.it(*cond, p)?;
                    for i in 0..=p.len() {
                        a.mov_op(MovOp::Mov, Flags::Keep, R0, i as u32)?;
                    }
                    Ok(())
                });
            }
        }
        // Inside an IT block the ALU forms leave the flags, as the 16-bit forms do there.
        check(isa, "it(ne)\nadd(r8, r8, r1)", |a| {
            a.it(Cond::Ne, "")?;
            a.add(R8, R8, R1)
        });
        check(isa, "ite(hs)\nand_(r0, r1)\nsub(r2, r3, 1)", |a| {
            a.it(Cond::HS, "e")?;
            a.and(R0, R0, R1)?;
            a.sub(R2, R3, 1u32)
        });
        check(isa, "itt(lo)\nlsl(r9, r9, 2)\nmov(r0, r1)", |a| {
            a.it(Cond::LO, "t")?;
            a.lsl(R9, R9, 2u32)?;
            a.mov(R0, R1)
        });
    }
}

#[test]
fn push_pop_and_system() {
    for isa in Isa::ALL {
        check(isa, "push({r0})", |a| a.push([R0]));
        check(isa, "push({r1, r2, lr})", |a| a.push([R1, R2, LR]));
        check(isa, "pop({r1, r2, pc})", |a| a.pop([R1, R2, PC]));
        check(isa, "push({lr})\npop({pc})", |a| {
            a.push([LR])?;
            a.pop([PC])
        });
        check(isa, "nop()", |a| a.nop());
        check(isa, "wfi()", |a| a.wfi());
        check(isa, "cpsid(i)", |a| a.cpsid_i());
        check(isa, "cpsie(i)", |a| a.cpsie_i());
        check(isa, "mrs(r0, IPSR)", |a| a.mrs(R0, SysReg::Ipsr));
        check(isa, "mrs(r3, PRIMASK)", |a| a.mrs(R3, SysReg::Primask));
    }
    for isa in V7 {
        check(isa, "push({r4, r8, r9, lr})", |a| a.push([R4, R8, R9, LR]));
        check(isa, "pop({r8})", |a| a.pop([R8]));
        check(isa, "mrs(r0, BASEPRI)", |a| a.mrs(R0, SysReg::Basepri));
        check(isa, "mrs(r12, CONTROL)", |a| a.mrs(R12, SysReg::Control));
        check(isa, "cpsid(f)", |a| a.cpsid_f());
        check(isa, "cpsie(f)", |a| a.cpsie_f());
    }
    let _ = V6M;
}

#[test]
fn vfp() {
    let isa = V7EM;
    for (name, op) in [
        ("vadd", VOp3::Add),
        ("vsub", VOp3::Sub),
        ("vmul", VOp3::Mul),
        ("vdiv", VOp3::Div),
    ] {
        check(isa, &format!("{name}(s0, s1, s2)"), |a| {
            a.vop3(op, S0, S1, S2)
        });
        check(isa, &format!("{name}(s31, s17, s8)"), |a| {
            a.vop3(op, S31, S17, S8)
        });
    }
    for (name, op) in [
        ("vneg", VOp2::Neg),
        ("vsqrt", VOp2::Sqrt),
        ("vabs", VOp2::Abs),
        ("vcmp", VOp2::Cmp),
    ] {
        check(isa, &format!("{name}(s7, s30)"), |a| a.vop2(op, S7, S30));
    }
    check(isa, "vcvt_f32_s32(s0, s1)", |a| a.vcvt_f32_s32(S0, S1));
    check(isa, "vcvt_s32_f32(s31, s8)", |a| a.vcvt_s32_f32(S31, S8));
    check(isa, "vmov(s0, r0)", |a| a.vmov_sr(S0, R0));
    check(isa, "vmov(r0, s31)", |a| a.vmov_rs(R0, S31));
    check(isa, "vmov(s3, r12)", |a| a.vmov_sr(S3, R12));
    check(isa, "vmov(s1, s2)", |a| a.vmov(S1, S2));
    check(isa, "vmrs(APSR_nzcv, FPSCR)", |a| a.vmrs_apsr_nzcv());
    check(isa, "vmrs(r0, FPSCR)", |a| a.vmrs(R0));
    check(isa, "vldr(s0, [r0, 0])", |a| a.vldr(S0, R0, 0));
    check(isa, "vldr(s1, [r0, 1020])", |a| a.vldr(S1, R0, 1020));
    check(isa, "vstr(s2, [r9, -8])", |a| a.vstr(S2, R9, -8));
}
