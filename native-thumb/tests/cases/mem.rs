//! Cases: loads and stores in every addressing mode, exclusives, push and pop.

use native_thumb::encode::mem::MemOp;
use native_thumb::reg::*;
use native_thumb::{Isa, Mem, Reg, RegList};

use super::Table;

fn r(n: u8) -> Reg {
    Reg::new(n).unwrap()
}

const OPS: [(&str, MemOp); 8] = [
    ("ldr", MemOp::Ldr),
    ("ldrb", MemOp::Ldrb),
    ("ldrh", MemOp::Ldrh),
    ("ldrsb", MemOp::Ldrsb),
    ("ldrsh", MemOp::Ldrsh),
    ("str", MemOp::Str),
    ("strb", MemOp::Strb),
    ("strh", MemOp::Strh),
];

pub fn cases(t: &mut Table) {
    for (name, op) in OPS {
        // Immediate offsets around each form's limits.
        for off in [
            0i32, 1, 2, 4, 31, 32, 62, 63, 64, 124, 128, 1020, 4095, 4096, -1, -4, -255, -256,
        ] {
            t.all(format!("{name} r0, [r1, #{off}]"), move |a| {
                a.mem(op, R0, Mem::imm(R1, off))
            });
        }
        t.all(format!("{name} r7, [r6]"), move |a| a.mem(op, R7, R6));
        t.all(format!("{name} r8, [r1, #4]"), move |a| {
            a.mem(op, R8, (R1, 4))
        });
        t.all(format!("{name} r0, [r9, #4]"), move |a| {
            a.mem(op, R0, (R9, 4))
        });
        t.all(format!("{name} r0, [sp, #4]"), move |a| {
            a.mem(op, R0, (SP, 4))
        });
        t.all(format!("{name} r0, [sp, #1020]"), move |a| {
            a.mem(op, R0, (SP, 1020))
        });
        t.all(format!("{name} r0, [sp, #1024]"), move |a| {
            a.mem(op, R0, (SP, 1024))
        });
        t.all(format!("{name} r0, [sp, #2]"), move |a| {
            a.mem(op, R0, (SP, 2))
        });
        t.all(format!("{name} r8, [sp, #8]"), move |a| {
            a.mem(op, R8, (SP, 8))
        });
        t.all(format!("{name} sp, [r0]"), move |a| a.mem(op, SP, R0));
        t.all(format!("{name} r0, [pc, #4]"), move |a| {
            a.mem(op, R0, (PC, 4))
        });
        t.all(format!("{name} r0, [pc, #1020]"), move |a| {
            a.mem(op, R0, (PC, 1020))
        });
        t.all(format!("{name} r0, [pc, #1024]"), move |a| {
            a.mem(op, R0, (PC, 1024))
        });
        t.all(format!("{name} r0, [pc, #2]"), move |a| {
            a.mem(op, R0, (PC, 2))
        });
        t.all(format!("{name} r0, [pc, #-8]"), move |a| {
            a.mem(op, R0, (PC, -8))
        });
        t.all(format!("{name} r8, [pc, #8]"), move |a| {
            a.mem(op, R8, (PC, 8))
        });
        t.all(format!("{name} r0, [pc, #4095]"), move |a| {
            a.mem(op, R0, (PC, 4095))
        });
        t.all(format!("{name} r0, [pc, #4096]"), move |a| {
            a.mem(op, R0, (PC, 4096))
        });
        // Register offsets.
        for (tt, n, m, sh) in [
            (0, 1, 2, 0u8),
            (7, 6, 5, 0),
            (0, 1, 2, 1),
            (0, 1, 2, 3),
            (0, 1, 2, 4),
            (8, 1, 2, 0),
            (0, 8, 2, 0),
            (0, 1, 8, 0),
            (0, 1, 13, 0),
            (0, 13, 1, 2),
            (0, 15, 1, 0),
        ] {
            let (rt, rn, rm) = (r(tt), r(n), r(m));
            let text = if sh == 0 {
                format!("{name} {rt}, [{rn}, {rm}]")
            } else {
                format!("{name} {rt}, [{rn}, {rm}, lsl #{sh}]")
            };
            t.all(text, move |a| a.mem(op, rt, Mem::reg_lsl(rn, rm, sh)));
        }
        // Pre- and post-indexed.
        for off in [0i32, 4, -4, 255, -255, 256] {
            t.all(format!("{name} r0, [r1, #{off}]!"), move |a| {
                a.mem(op, R0, Mem::PreIndex(R1, off))
            });
            t.all(format!("{name} r0, [r1], #{off}"), move |a| {
                a.mem(op, R0, Mem::PostIndex(R1, off))
            });
        }
        t.all(format!("{name} r0, [r0, #4]!"), move |a| {
            a.mem(op, R0, Mem::PreIndex(R0, 4))
        });
        t.all(format!("{name} r8, [sp], #4"), move |a| {
            a.mem(op, R8, Mem::PostIndex(SP, 4))
        });
        t.all(format!("{name} pc, [r0]"), move |a| a.mem(op, PC, R0));
    }
    t.all("ldr r0, [r1]", |a| a.ldr(R0, R1));
    t.all("ldrb r1, [r2, r3]", |a| a.ldrb(R1, (R2, R3)));
    t.all("ldrh r1, [r2, #2]", |a| a.ldrh(R1, (R2, 2)));
    t.all("ldrsb r1, [r2, #-1]", |a| a.ldrsb(R1, (R2, -1)));
    t.all("ldrsh r1, [r2, r3, lsl #1]", |a| {
        a.ldrsh(R1, Mem::reg_lsl(R2, R3, 1))
    });
    t.all("str r0, [sp]", |a| a.str(R0, SP));
    t.all("strb r1, [r2, #31]", |a| a.strb(R1, (R2, 31)));
    t.all("strh r1, [r2, #62]", |a| a.strh(R1, (R2, 62)));

    for off in [0u32, 4, 1020, 1024, 2] {
        t.all(format!("ldrex r0, [r1, #{off}]"), move |a| {
            a.ldrex(R0, R1, off)
        });
        t.all(format!("strex r2, r0, [r1, #{off}]"), move |a| {
            a.strex(R2, R0, R1, off)
        });
    }
    t.all("ldrex r8, [sp]", |a| a.ldrex(R8, SP, 0));
    t.all("ldrex sp, [r0]", |a| a.ldrex(SP, R0, 0));
    t.all("strex r9, r8, [r10]", |a| a.strex(R9, R8, R10, 0));
    t.stricter(
        &Isa::ALL,
        "strex r0, r0, [r1]",
        "status == value is UNPREDICTABLE",
        |a| a.strex(R0, R0, R1, 0),
    );
    t.stricter(
        &Isa::ALL,
        "strex r1, r0, [r1]",
        "status == base is UNPREDICTABLE",
        |a| a.strex(R1, R0, R1, 0),
    );
    t.all("ldrexb r0, [r1]", |a| a.ldrexb(R0, R1));
    t.all("ldrexh r8, [r9]", |a| a.ldrexh(R8, R9));
    t.all("strexb r2, r0, [r1]", |a| a.strexb(R2, R0, R1));
    t.all("strexh r10, r11, [r12]", |a| a.strexh(R10, R11, R12));
    t.all("strexb r0, r0, [r1]", |a| a.strexb(R0, R0, R1));

    let lists: &[(&str, &[Reg])] = &[
        ("{r0}", &[R0]),
        ("{r7}", &[R7]),
        (
            "{r0, r1, r2, r3, r4, r5, r6, r7}",
            &[R0, R1, R2, R3, R4, R5, R6, R7],
        ),
        ("{r4, r5, r6, r7}", &[R4, R5, R6, R7]),
        ("{r8}", &[R8]),
        ("{r12}", &[R12]),
        ("{r4, r8}", &[R4, R8]),
        ("{r8, r9, r10, r11}", &[R8, R9, R10, R11]),
        ("{r0, r12}", &[R0, R12]),
        ("{sp}", &[SP]),
        ("{r4, sp}", &[R4, SP]),
    ];
    for &(text, regs) in lists {
        for (extra, extra_text) in [(None, ""), (Some(LR), ", lr"), (Some(PC), ", pc")] {
            let mut list = RegList::of(regs);
            if let Some(x) = extra {
                list = RegList::from_bits(list.bits() | 1 << x.num());
            }
            let body = format!("{}{extra_text}}}", &text[..text.len() - 1]);
            t.all(format!("push {body}"), move |a| a.push(list));
            t.all(format!("pop {body}"), move |a| a.pop(list));
        }
    }
    t.all("push {lr}", |a| a.push([LR]));
    t.all("pop {pc}", |a| a.pop([PC]));
    t.all("pop {lr}", |a| a.pop([LR]));
    t.all("push {pc}", |a| a.push([PC]));
    t.all("push {lr, pc}", |a| a.push([LR, PC]));
    t.all("pop {lr, pc}", |a| a.pop([LR, PC]));
    t.all("push {r4, r5, r6, r7, r8, r9, r10, r11, lr}", |a| {
        a.push([R4, R5, R6, R7, R8, R9, R10, R11, LR])
    });
    t.all("pop {r4, r5, r6, r7, r8, r9, r10, r11, pc}", |a| {
        a.pop([R4, R5, R6, R7, R8, R9, R10, R11, PC])
    });
}
