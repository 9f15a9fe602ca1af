//! Cases: moves, ALU, shifts, compares, multiply/divide, extends, bit fields, DSP.

use native_thumb::encode::data::{AluOp, CmpOp};
use native_thumb::reg::*;
use native_thumb::{Flags, Isa, Reg, Shift};

use super::{THUMB2, Table};

fn r(n: u8) -> Reg {
    Reg::new(n).unwrap()
}

pub fn cases(t: &mut Table) {
    moves(t);
    add_sub(t);
    logical(t);
    shifts(t);
    compares(t);
    multiply(t);
    unary(t);
}

fn moves(t: &mut Table) {
    for v in [0u32, 1, 127, 255] {
        t.all(format!("movs r0, #{v}"), move |a| a.movs(R0, v));
        t.all(format!("movs r7, #{v}"), move |a| a.movs(R7, v));
    }
    for v in [
        0u32,
        1,
        255,
        256,
        0x1234,
        0xffff,
        0x10000,
        0x12345,
        0xff00_ff00,
        0x00ab_00ab,
        0xabab_abab,
        0x8000_0000,
        0xffff_fffe,
        0xffff_ff00,
        0xffff_ffff,
        0x0003_fc00,
        0x1234_5678,
    ] {
        t.all(format!("mov r0, #{v:#x}"), move |a| a.mov(R0, v));
        t.all(format!("movs r1, #{v:#x}"), move |a| a.movs(R1, v));
        t.all(format!("mvn r2, #{v:#x}"), move |a| a.mvn(R2, v));
        t.all(format!("mvns r3, #{v:#x}"), move |a| a.mvns(R3, v));
    }
    t.all("mov r8, #1", |a| a.mov(R8, 1));
    t.all("mov r12, #0xffff", |a| a.mov(R12, 0xffffu32));
    t.all("movs r9, #200", |a| a.movs(R9, 200));
    t.all("mov r0, #-1", |a| a.mov(R0, -1));
    t.all("mov r0, #-256", |a| a.mov(R0, -256));
    t.all("mvn r0, #-1", |a| a.mvn(R0, -1));
    t.all("mov sp, #4", |a| a.mov(SP, 4));
    t.all("mov pc, #4", |a| a.mov(PC, 4));
    for (d, m) in [
        (0, 1),
        (7, 0),
        (8, 1),
        (1, 8),
        (8, 9),
        (15, 14),
        (14, 15),
        (13, 0),
        (0, 13),
        (12, 12),
        (3, 3),
    ] {
        t.all(format!("mov {}, {}", r(d), r(m)), move |a| {
            a.mov(r(d), r(m))
        });
    }
    for (d, m) in [(0, 1), (7, 0), (8, 1), (1, 8), (8, 9), (13, 0), (0, 13)] {
        t.all(format!("movs {}, {}", r(d), r(m)), move |a| {
            a.movs(r(d), r(m))
        });
    }
    t.all("mov r0, r1, lsl #3", |a| a.mov(R0, (R1, Shift::Lsl(3))));
    t.all("movs r0, r1, lsl #3", |a| a.movs(R0, (R1, Shift::Lsl(3))));
    t.all("movs r0, r1, lsr #32", |a| a.movs(R0, (R1, Shift::Lsr(32))));
    t.all("mov r0, r1, asr #5", |a| a.mov(R0, (R1, Shift::Asr(5))));
    t.all("mov r0, r1, ror #5", |a| a.mov(R0, (R1, Shift::Ror(5))));
    t.all("mov r0, r1, rrx", |a| a.mov(R0, (R1, Shift::Rrx)));
    t.all("movs r8, r1, lsl #1", |a| a.movs(R8, (R1, Shift::Lsl(1))));
    for (d, m) in [(0, 1), (8, 1), (1, 8)] {
        t.all(format!("mvn {}, {}", r(d), r(m)), move |a| {
            a.mvn(r(d), r(m))
        });
        t.all(format!("mvns {}, {}", r(d), r(m)), move |a| {
            a.mvns(r(d), r(m))
        });
    }
    t.all("mvn r0, r1, lsl #2", |a| a.mvn(R0, (R1, Shift::Lsl(2))));
    t.all("mvns r0, r1, asr #2", |a| a.mvns(R0, (R1, Shift::Asr(2))));
    t.all("mvn r0, sp", |a| a.mvn(R0, SP));
    for v in [0u32, 1, 0x1234, 0xffff, 0x10000] {
        t.all(format!("movw r0, #{v:#x}"), move |a| a.movw(R0, v));
        t.all(format!("movt r0, #{v:#x}"), move |a| a.movt(R0, v));
    }
    t.all("movw r8, #0xabcd", |a| a.movw(R8, 0xabcd));
    t.all("movw r4, #0x5678; movt r4, #0x1234", |a| {
        a.movwt(R4, 0x1234_5678)
    });
    t.all("movw r4, #0x0; movt r4, #0x0", |a| a.movwt(R4, 0));
    t.all("movt r12, #0x8001", |a| a.movt(R12, 0x8001));
    t.all("movw sp, #4", |a| a.movw(SP, 4));
    t.all("movt pc, #4", |a| a.movt(PC, 4));
    t.all("rrx r0, r1", |a| a.rrx(R0, R1));
    t.all("rrxs r8, r9", |a| a.rrxs(R8, R9));
}

fn add_sub(t: &mut Table) {
    // Three low registers: 16-bit only with flags outside IT.
    t.all("adds r0, r1, r2", |a| a.adds(R0, R1, R2));
    t.all("adds r7, r6, r5", |a| a.adds(R7, R6, R5));
    t.all("add r0, r1, r2", |a| a.add(R0, R1, R2));
    t.all("subs r0, r1, r2", |a| a.subs(R0, R1, R2));
    t.all("sub r0, r1, r2", |a| a.sub(R0, R1, R2));
    t.all("subs r7, r7, r7", |a| a.subs(R7, R7, R7));
    // The high-register 16-bit add: any registers, no flags.
    for (d, n, m) in [
        (0, 0, 1),
        (0, 1, 0),
        (0, 0, 0),
        (0, 0, 8),
        (8, 8, 0),
        (8, 0, 8),
        (8, 8, 9),
        (13, 13, 0),
        (0, 13, 0),
        (0, 0, 13),
        (14, 14, 12),
    ] {
        t.all(format!("add {}, {}, {}", r(d), r(n), r(m)), move |a| {
            a.add(r(d), r(n), r(m))
        });
    }
    t.all("adds r0, r0, r8", |a| a.adds(R0, R0, R8));
    t.all("adds r8, r9, r10", |a| a.adds(R8, R9, R10));
    t.all("add r8, r9, r10", |a| a.add(R8, R9, R10));
    t.all("sub r8, r8, r1", |a| a.sub(R8, R8, R1));
    t.all("add r0, r1, r2, lsl #2", |a| {
        a.add(R0, R1, (R2, Shift::Lsl(2)))
    });
    t.all("adds r0, r1, r2, lsl #0", |a| {
        a.adds(R0, R1, (R2, Shift::Lsl(0)))
    });
    t.all("add r0, r1, r2, asr #32", |a| {
        a.add(R0, R1, (R2, Shift::Asr(32)))
    });
    t.all("sub r0, r1, r2, ror #7", |a| {
        a.sub(R0, R1, (R2, Shift::Ror(7)))
    });
    t.all("subs r0, r1, r2, rrx", |a| a.subs(R0, R1, (R2, Shift::Rrx)));
    t.all("add r0, r1, r2, lsl #32", |a| {
        a.add(R0, R1, (R2, Shift::Lsl(32)))
    });
    t.all("add r0, r1, r2, lsr #0", |a| {
        a.add(R0, R1, (R2, Shift::Lsr(0)))
    });
    t.all("add r0, r1, r2, ror #0", |a| {
        a.add(R0, R1, (R2, Shift::Ror(0)))
    });
    t.all("ands r0, r0, r1, lsl #0", |a| {
        a.ands(R0, R0, (R1, Shift::Lsl(0)))
    });
    t.all("cmp r0, r1, lsl #0", |a| a.cmp(R0, (R1, Shift::Lsl(0))));
    t.all("movs r0, r1, lsl #0", |a| a.movs(R0, (R1, Shift::Lsl(0))));
    t.all("movs r0, r1, lsr #0", |a| a.movs(R0, (R1, Shift::Lsr(0))));
    t.all("mov r8, r1, lsl #0", |a| a.mov(R8, (R1, Shift::Lsl(0))));
    t.all("mvns r0, r1, lsl #0", |a| a.mvns(R0, (R1, Shift::Lsl(0))));
    t.all("add r0, sp, r1", |a| a.add(R0, SP, R1));
    t.all("sub r0, sp, r1", |a| a.sub(R0, SP, R1));
    t.all("add sp, sp, r1, lsl #2", |a| {
        a.add(SP, SP, (R1, Shift::Lsl(2)))
    });
    t.all("add r0, r1, sp", |a| a.add(R0, R1, SP));
    t.all("sub r0, r1, sp", |a| a.sub(R0, R1, SP));
    t.all("sub sp, r1, r2", |a| a.sub(SP, R1, R2));
    t.all("add r0, pc, r1", |a| a.add(R0, PC, R1));
    // Immediates.
    for v in [
        0u32, 1, 7, 8, 255, 256, 4095, 4096, 4097, 0x1234, 0xff00, 0x100000, 0xffffff00,
        0xfffff001, 0xffffffff,
    ] {
        t.all(format!("adds r0, r1, #{v:#x}"), move |a| a.adds(R0, R1, v));
        t.all(format!("add r0, r1, #{v:#x}"), move |a| a.add(R0, R1, v));
        t.all(format!("adds r2, r2, #{v:#x}"), move |a| a.adds(R2, R2, v));
        t.all(format!("subs r0, r1, #{v:#x}"), move |a| a.subs(R0, R1, v));
        t.all(format!("sub r3, r3, #{v:#x}"), move |a| a.sub(R3, R3, v));
        t.all(format!("subs r3, r3, #{v:#x}"), move |a| a.subs(R3, R3, v));
        t.all(format!("add r8, r9, #{v:#x}"), move |a| a.add(R8, R9, v));
    }
    for v in [-1i32, -7, -8, -255, -256, -4095, -4096] {
        t.all(format!("add r0, r1, #{v}"), move |a| a.add(R0, R1, v));
        t.all(format!("adds r0, r0, #{v}"), move |a| a.adds(R0, R0, v));
        t.all(format!("sub r0, r1, #{v}"), move |a| a.sub(R0, R1, v));
    }
    // The stack pointer.
    for v in [0u32, 4, 8, 508, 512, 1020, 1024, 2, 4095, 4096] {
        t.all(format!("add sp, sp, #{v}"), move |a| a.add(SP, SP, v));
        t.all(format!("sub sp, sp, #{v}"), move |a| a.sub(SP, SP, v));
        t.all(format!("add r0, sp, #{v}"), move |a| a.add(R0, SP, v));
        t.all(format!("sub r0, sp, #{v}"), move |a| a.sub(R0, SP, v));
    }
    t.all("add r7, sp, #1020", |a| a.add(R7, SP, 1020));
    t.all("add r8, sp, #8", |a| a.add(R8, SP, 8));
    t.all("adds r0, sp, #8", |a| a.adds(R0, SP, 8));
    t.all("add sp, sp, #-8", |a| a.add(SP, SP, -8));
    t.all("adds r0, r0, #0x80000000", |a| {
        a.adds(R0, R0, 0x8000_0000u32)
    });
    t.all("subs r0, r0, #0x80000000", |a| {
        a.subs(R0, R0, 0x8000_0000u32)
    });
    t.all("sub sp, sp, #-8", |a| a.sub(SP, SP, -8));
    t.all("add sp, r0, #4", |a| a.add(SP, R0, 4));
    t.all("add r0, r13, #0x100000", |a| a.add(R0, SP, 0x100000));
    // Carry forms.
    t.all("sbc r8, r9, r10, lsl #4", |a| {
        a.sbc(R8, R9, (R10, Shift::Lsl(4)))
    });
    for v in [1u32, 0xff, 0x1234, 0xffffff00, 0xffffffff, 0xfffffffe] {
        t.all(format!("sbcs r0, r1, #{v:#x}"), move |a| a.sbcs(R0, R1, v));
    }
    // Reverse subtract and negate.
    t.all("rsbs r0, r1, #0", |a| a.rsbs(R0, R1, 0));
    t.all("rsb r0, r1, #0", |a| a.rsb(R0, R1, 0));
    t.all("rsbs r0, r1, #1", |a| a.rsbs(R0, R1, 1));
    t.all("rsb r0, r1, #0xff00", |a| a.rsb(R0, R1, 0xff00));
    t.all("rsb r0, r1, #0x1234", |a| a.rsb(R0, R1, 0x1234));
    t.all("rsb r0, r1, r2", |a| a.rsb(R0, R1, R2));
    t.all("rsbs r0, r0, r1", |a| a.rsbs(R0, R0, R1));
    t.all("rsb r0, r1, r2, lsl #1", |a| {
        a.rsb(R0, R1, (R2, Shift::Lsl(1)))
    });
    t.all("rsbs r8, r1, #0", |a| a.rsbs(R8, R1, 0));
    t.all("negs r0, r1", |a| a.negs(R0, R1));
    t.all("negs r7, r7", |a| a.negs(R7, R7));
    t.all("neg r0, r1", |a| a.neg(R0, R1));
    t.all("negs r8, r1", |a| a.negs(R8, R1));
    t.all("neg r9, r10", |a| a.neg(R9, R10));
    // Flags::Any picks the smallest form whatever it does to the flags.
    t.all("adds r3, r4, r5", |a| {
        a.alu(AluOp::Add, Flags::Any, R3, R4, R5)
    });
    t.on(THUMB2, "add.w r8, r9, r10", |a| {
        a.alu(AluOp::Add, Flags::Any, R8, R9, R10)
    });
    t.all("add r0, r8", |a| a.alu(AluOp::Add, Flags::Any, R0, R0, R8));
}

fn logical(t: &mut Table) {
    for op in ["and", "orr", "eor", "bic", "orn", "adc", "sbc"] {
        let alu = match op {
            "and" => AluOp::And,
            "orr" => AluOp::Orr,
            "eor" => AluOp::Eor,
            "bic" => AluOp::Bic,
            "orn" => AluOp::Orn,
            "adc" => AluOp::Adc,
            _ => AluOp::Sbc,
        };
        for (d, n, m) in [
            (0, 0, 1),
            (0, 1, 0),
            (0, 1, 2),
            (7, 7, 6),
            (8, 8, 1),
            (8, 9, 10),
            (1, 1, 8),
        ] {
            let (rd, rn, rm) = (r(d), r(n), r(m));
            t.all(format!("{op}s {rd}, {rn}, {rm}"), move |a| {
                a.alu(alu, Flags::Set, rd, rn, rm)
            });
            t.all(format!("{op} {rd}, {rn}, {rm}"), move |a| {
                a.alu(alu, Flags::Keep, rd, rn, rm)
            });
        }
        for v in [
            0u32, 0xff, 0x100, 0xff00ff00, 0xffffff00, 0x1234, 0xffffffff, 0xfffffffe,
        ] {
            t.all(format!("{op} r0, r1, #{v:#x}"), move |a| {
                a.alu(alu, Flags::Keep, R0, R1, v)
            });
            t.all(format!("{op}s r0, r0, #{v:#x}"), move |a| {
                a.alu(alu, Flags::Set, R0, R0, v)
            });
        }
        t.all(format!("{op} r0, r1, r2, lsl #31"), move |a| {
            a.alu(alu, Flags::Keep, R0, R1, (R2, Shift::Lsl(31)))
        });
        t.all(format!("{op}s r0, r1, r2, lsr #1"), move |a| {
            a.alu(alu, Flags::Set, R0, R1, (R2, Shift::Lsr(1)))
        });
        t.all(format!("{op} r0, sp, r1"), move |a| {
            a.alu(alu, Flags::Keep, R0, SP, R1)
        });
        t.all(format!("{op} r0, r1, pc"), move |a| {
            a.alu(alu, Flags::Keep, R0, R1, PC)
        });
        t.all(format!("{op} sp, r0, r1"), move |a| {
            a.alu(alu, Flags::Keep, SP, R0, R1)
        });
    }
    t.all("ands r0, r1", |a| a.ands(R0, R0, R1));
    t.all("orr r0, r0, #0xffffff00", |a| a.orr(R0, R0, 0xffffff00u32));
}

fn shifts(t: &mut Table) {
    for (op, kind) in [("lsl", 0), ("lsr", 1), ("asr", 2), ("ror", 3)] {
        let shift = [
            native_thumb::encode::data::ShiftOp::Lsl,
            native_thumb::encode::data::ShiftOp::Lsr,
            native_thumb::encode::data::ShiftOp::Asr,
            native_thumb::encode::data::ShiftOp::Ror,
        ][kind];
        for n in [0u32, 1, 2, 31, 32, 33] {
            t.all(format!("{op}s r0, r1, #{n}"), move |a| {
                a.shift(shift, Flags::Set, R0, R1, n)
            });
            t.all(format!("{op} r0, r1, #{n}"), move |a| {
                a.shift(shift, Flags::Keep, R0, R1, n)
            });
            t.all(format!("{op}s r8, r1, #{n}"), move |a| {
                a.shift(shift, Flags::Set, R8, R1, n)
            });
        }
        for (d, m, s) in [
            (0, 0, 1),
            (0, 1, 2),
            (7, 7, 0),
            (8, 8, 1),
            (0, 0, 8),
            (8, 9, 10),
        ] {
            let (rd, rm, rs) = (r(d), r(m), r(s));
            t.all(format!("{op}s {rd}, {rm}, {rs}"), move |a| {
                a.shift(shift, Flags::Set, rd, rm, rs)
            });
            t.all(format!("{op} {rd}, {rm}, {rs}"), move |a| {
                a.shift(shift, Flags::Keep, rd, rm, rs)
            });
        }
        t.all(format!("{op} r0, r1, sp"), move |a| {
            a.shift(shift, Flags::Keep, R0, R1, SP)
        });
    }
    t.all("lsl r0, r1, #3", |a| a.lsl(R0, R1, 3));
    t.all("ror r0, r1, #16", |a| a.ror(R0, R1, 16));
    t.all("lsrs r1, r1, r2", |a| a.lsrs(R1, R1, R2));
    t.all("asr r2, r2, r3", |a| a.asr(R2, R2, R3));
}

fn compares(t: &mut Table) {
    for (name, op) in [
        ("cmp", CmpOp::Cmp),
        ("cmn", CmpOp::Cmn),
        ("tst", CmpOp::Tst),
        ("teq", CmpOp::Teq),
    ] {
        for v in [
            0u32, 1, 255, 256, 0x1234, 0xff00, 0xffffff00, 0xffffffff, 0x80000000, 0xfffffffe,
        ] {
            t.all(format!("{name} r0, #{v:#x}"), move |a| a.compare(op, R0, v));
            t.all(format!("{name} r8, #{v:#x}"), move |a| a.compare(op, R8, v));
        }
        for (n, m) in [
            (0, 1),
            (7, 0),
            (8, 1),
            (1, 8),
            (8, 9),
            (13, 0),
            (0, 13),
            (15, 0),
            (0, 15),
        ] {
            let (rn, rm) = (r(n), r(m));
            t.all(format!("{name} {rn}, {rm}"), move |a| a.compare(op, rn, rm));
        }
        t.all(format!("{name} r0, r1, lsl #2"), move |a| {
            a.compare(op, R0, (R1, Shift::Lsl(2)))
        });
        t.all(format!("{name} sp, #4"), move |a| a.compare(op, SP, 4));
        t.all(format!("{name} r0, #-1"), move |a| a.compare(op, R0, -1));
        t.all(format!("{name} r0, #-256"), move |a| {
            a.compare(op, R0, -256)
        });
    }
    t.all("cmp r0, #0", |a| a.cmp(R0, 0));
    t.all("cmn r1, r2", |a| a.cmn(R1, R2));
    t.all("tst r1, #1", |a| a.tst(R1, 1));
    t.all("teq r1, r2", |a| a.teq(R1, R2));
}

fn multiply(t: &mut Table) {
    for (d, n, m) in [
        (0, 1, 0),
        (0, 0, 1),
        (0, 1, 2),
        (7, 7, 7),
        (8, 9, 8),
        (8, 9, 10),
        (0, 0, 8),
    ] {
        let (rd, rn, rm) = (r(d), r(n), r(m));
        t.all(format!("muls {rd}, {rn}, {rm}"), move |a| {
            a.muls(rd, rn, rm)
        });
        t.all(format!("mul {rd}, {rn}, {rm}"), move |a| a.mul(rd, rn, rm));
    }
    t.all("mul r0, sp, r1", |a| a.mul(R0, SP, R1));
    t.all("mla r0, r1, r2, r3", |a| a.mla(R0, R1, R2, R3));
    t.all("mla r8, r9, r10, r11", |a| a.mla(R8, R9, R10, R11));
    t.all("mls r0, r1, r2, r3", |a| a.mls(R0, R1, R2, R3));
    t.all("mls r12, r11, r10, r9", |a| a.mls(R12, R11, R10, R9));
    t.all("mla r0, r1, r2, sp", |a| a.mla(R0, R1, R2, SP));
    t.all("umull r0, r1, r2, r3", |a| a.umull(R0, R1, R2, R3));
    t.all("smull r0, r1, r2, r3", |a| a.smull(R0, R1, R2, R3));
    t.all("umlal r8, r9, r10, r11", |a| a.umlal(R8, R9, R10, R11));
    t.all("smlal r4, r5, r6, r7", |a| a.smlal(R4, R5, R6, R7));
    t.stricter(
        &Isa::ALL,
        "umull r0, r0, r2, r3",
        "rdlo == rdhi is UNPREDICTABLE",
        |a| a.umull(R0, R0, R2, R3),
    );
    t.all("smull r0, r1, pc, r3", |a| a.smull(R0, R1, PC, R3));
    t.all("sdiv r0, r1, r2", |a| a.sdiv(R0, R1, R2));
    t.all("udiv r0, r1, r2", |a| a.udiv(R0, R1, R2));
    t.all("sdiv r8, r9, r10", |a| a.sdiv(R8, R9, R10));
    t.all("udiv r12, r0, r7", |a| a.udiv(R12, R0, R7));
    t.all("sdiv r0, sp, r1", |a| a.sdiv(R0, SP, R1));
    t.all("udiv pc, r0, r1", |a| a.udiv(PC, R0, R1));
}

fn unary(t: &mut Table) {
    for op in [
        "clz", "rbit", "rev", "rev16", "revsh", "sxtb", "sxth", "uxtb", "uxth",
    ] {
        for (d, m) in [(0, 1), (7, 6), (8, 1), (1, 8), (12, 11), (0, 13), (15, 0)] {
            let (rd, rm) = (r(d), r(m));
            t.all(format!("{op} {rd}, {rm}"), move |a| match op {
                "clz" => a.clz(rd, rm),
                "rbit" => a.rbit(rd, rm),
                "rev" => a.rev(rd, rm),
                "rev16" => a.rev16(rd, rm),
                "revsh" => a.revsh(rd, rm),
                "sxtb" => a.sxtb(rd, rm),
                "sxth" => a.sxth(rd, rm),
                "uxtb" => a.uxtb(rd, rm),
                _ => a.uxth(rd, rm),
            });
        }
    }
    for (lsb, width) in [
        (0u32, 1u32),
        (0, 32),
        (31, 1),
        (4, 8),
        (16, 16),
        (31, 2),
        (0, 0),
        (32, 1),
    ] {
        t.all(format!("ubfx r0, r1, #{lsb}, #{width}"), move |a| {
            a.ubfx(R0, R1, lsb, width)
        });
        t.all(format!("sbfx r8, r9, #{lsb}, #{width}"), move |a| {
            a.sbfx(R8, R9, lsb, width)
        });
        t.all(format!("bfi r2, r3, #{lsb}, #{width}"), move |a| {
            a.bfi(R2, R3, lsb, width)
        });
        t.all(format!("bfc r4, #{lsb}, #{width}"), move |a| {
            a.bfc(R4, lsb, width)
        });
    }
    t.all("ubfx r0, sp, #0, #8", |a| a.ubfx(R0, SP, 0, 8));
    for (op, f) in [
        ("qadd", 0),
        ("qsub", 1),
        ("uxtab", 2),
        ("uxtah", 3),
        ("sxtab", 4),
        ("sxtah", 5),
        ("smulbb", 6),
    ] {
        for (d, x, y) in [(0, 1, 2), (8, 9, 10), (12, 0, 14)] {
            let (rd, rx, ry) = (r(d), r(x), r(y));
            t.all(format!("{op} {rd}, {rx}, {ry}"), move |a| match f {
                0 => a.qadd(rd, rx, ry),
                1 => a.qsub(rd, rx, ry),
                2 => a.uxtab(rd, rx, ry),
                3 => a.uxtah(rd, rx, ry),
                4 => a.sxtab(rd, rx, ry),
                5 => a.sxtah(rd, rx, ry),
                _ => a.smulbb(rd, rx, ry),
            });
        }
    }
}
