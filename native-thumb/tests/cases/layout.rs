//! Cases: what the assembler lays out. Branch ranges at their boundaries (forward and back,
//! narrow and wide, and relaxation from one to the other), `adr`, PC-relative loads,
//! literal pools, alignment, data, and `load_const`.

use native_thumb::encode::mem::MemOp;
use native_thumb::reg::*;
use native_thumb::{Assembler, Cond, Error, Isa, Label, Width};

use super::{THUMB2, Table, V6M, V7M};

/// `<branch> 1f; .space gap; 1:`
fn forward(
    a: &mut Assembler,
    gap: usize,
    branch: impl Fn(&mut Assembler, Label) -> Result<(), Error>,
) -> Result<(), Error> {
    let l = a.new_label();
    branch(a, l)?;
    a.space(gap)?;
    a.bind(l)
}

/// `1: .space gap; <branch> 1b`
fn backward(
    a: &mut Assembler,
    gap: usize,
    branch: impl Fn(&mut Assembler, Label) -> Result<(), Error>,
) -> Result<(), Error> {
    let l = a.new_label();
    a.bind(l)?;
    a.space(gap)?;
    branch(a, l)
}

pub fn cases(t: &mut Table) {
    branch_ranges(t);
    pc_relative(t);
    pools(t);
    directives(t);
    load_const(t);
}

fn branch_ranges(t: &mut Table) {
    // b: narrow reaches -2048..=2046 from PC (its address + 4).
    for gap in [2046usize, 2048, 2050] {
        t.all(format!("b 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.b(l))
        });
        t.all(format!("b.n 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.b_n(l))
        });
    }
    for gap in [2044usize, 2046] {
        t.all(format!("1: .space {gap}; b 1b"), move |a| {
            backward(a, gap, |a, l| a.b(l))
        });
        t.all(format!("1: .space {gap}; b.n 1b"), move |a| {
            backward(a, gap, |a, l| a.b_n(l))
        });
    }
    // b<cc>: narrow reaches -256..=254.
    for gap in [254usize, 256, 258] {
        t.all(format!("beq 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.b_cond(Cond::Eq, l))
        });
        t.all(format!("bne.n 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.b_cond_n(Cond::Ne, l))
        });
    }
    for gap in [252usize, 254] {
        t.all(format!("1: .space {gap}; bgt 1b"), move |a| {
            backward(a, gap, |a, l| a.b_cond(Cond::Gt, l))
        });
        t.all(format!("1: .space {gap}; blt.n 1b"), move |a| {
            backward(a, gap, |a, l| a.b_cond_n(Cond::Lt, l))
        });
    }
    // b<cc>.w reaches ±1 MB; there is nothing wider, so a plain b<cc> past it fails too.
    for gap in [1_048_574usize, 1_048_576] {
        t.on(&[V7M], format!("bcs.w 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.b_cond_w(Cond::Cs, l))
        });
        t.on(&[V7M], format!("bcc 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.b_cond(Cond::Cc, l))
        });
    }
    for gap in [1_048_572usize, 1_048_574] {
        t.on(&[V7M], format!("1: .space {gap}; bmi.w 1b"), move |a| {
            backward(a, gap, |a, l| a.b_cond_w(Cond::Mi, l))
        });
    }
    // b.w and bl reach ±16 MB.
    for gap in [16_777_214usize, 16_777_216] {
        t.on(&[V7M], format!("b.w 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.b_w(l))
        });
        t.on(&[V7M], format!("bl 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.bl(l))
        });
    }
    for gap in [16_777_212usize, 16_777_214] {
        t.on(&[V7M], format!("1: .space {gap}; b 1b"), move |a| {
            backward(a, gap, |a, l| a.b(l))
        });
        t.on(&[V7M], format!("1: .space {gap}; bl 1b"), move |a| {
            backward(a, gap, |a, l| a.bl(l))
        });
    }
    // GNU as (and so we) keep ARMv6-M's bl to ±4 MB.
    for gap in [4_194_302usize, 4_194_304] {
        t.on(&[V6M], format!("bl 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.bl(l))
        });
    }
    for gap in [4_194_300usize, 4_194_302] {
        t.on(&[V6M], format!("1: .space {gap}; bl 1b"), move |a| {
            backward(a, gap, |a, l| a.bl(l))
        });
    }
    // cbz reaches 0..=126 forward.
    for gap in [126usize, 128, 130] {
        t.all(format!("cbz r3, 1f; .space {gap}; 1:"), move |a| {
            forward(a, gap, |a, l| a.cbz(R3, l))
        });
    }
    // Relaxation chains: widening one branch pushes another out of narrow range.
    for gap in [256usize, 258] {
        // beq widens at 258, which moves b's target 2 bytes further.
        t.all(
            format!("b 1f; beq 2f; .space {gap}; 2: .space 1788; 1:"),
            move |a| {
                let (one, two) = (a.new_label(), a.new_label());
                a.b(one)?;
                a.b_cond(Cond::Eq, two)?;
                a.space(gap)?;
                a.bind(two)?;
                a.space(1788)?;
                a.bind(one)
            },
        );
    }
    for gap in [1794usize, 1796] {
        // b widens at 1796, which moves beq's target 2 bytes further.
        t.all(
            format!("beq 2f; b 1f; .space 254; 2: .space {gap}; 1:"),
            move |a| {
                let (one, two) = (a.new_label(), a.new_label());
                a.b_cond(Cond::Eq, two)?;
                a.b(one)?;
                a.space(254)?;
                a.bind(two)?;
                a.space(gap)?;
                a.bind(one)
            },
        );
    }
    for gap in [2046usize, 2048] {
        t.all(format!("b 1f; b 1f; .space {gap}; 1:"), move |a| {
            let one = a.new_label();
            a.b(one)?;
            a.b(one)?;
            a.space(gap)?;
            a.bind(one)
        });
    }
    t.all("it ne; bne 1f; .space 2048; 1:", |a| {
        let one = a.new_label();
        a.it(Cond::Ne, "")?;
        a.b(one)?;
        a.space(2048)?;
        a.bind(one)
    });
    t.all("1: b 1b; b 2f; 2:", |a| {
        let (one, two) = (a.new_label(), a.new_label());
        a.bind(one)?;
        a.b(one)?;
        a.b(two)?;
        a.bind(two)
    });
    t.all("b 1f", |a| {
        let one = a.new_label();
        a.b(one)
    });
}

fn pc_relative(t: &mut Table) {
    t.all("adr r0, 1f; nop; 1: nop", |a| {
        let l = a.new_label();
        a.adr(R0, l)?;
        a.nop()?;
        a.bind(l)?;
        a.nop()
    });
    t.all("nop; adr r1, 1f; 1: nop", |a| {
        let l = a.new_label();
        a.nop()?;
        a.adr(R1, l)?;
        a.bind(l)?;
        a.nop()
    });
    t.all("adr r2, 1f; 1: nop", |a| {
        let l = a.new_label();
        a.adr(R2, l)?;
        a.bind(l)?;
        a.nop()
    });
    t.all("1: nop; nop; adr r3, 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.nop()?;
        a.nop()?;
        a.adr(R3, l)
    });
    t.all("adr r8, 1f; nop; 1: nop", |a| {
        let l = a.new_label();
        a.adr(R8, l)?;
        a.nop()?;
        a.bind(l)?;
        a.nop()
    });
    for gap in [1016usize, 1020, 1024, 4088, 4092, 4096] {
        t.all(format!("adr r4, 1f; .space {gap}; 1:"), move |a| {
            let l = a.new_label();
            a.adr(R4, l)?;
            a.space(gap)?;
            a.bind(l)
        });
    }
    t.all("1: .space 4088; adr r5, 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.space(4088)?;
        a.adr(R5, l)
    });
    t.all("1: .space 4092; adr r5, 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.space(4092)?;
        a.adr(R5, l)
    });
    t.all("1: .space 4096; adr r5, 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.space(4096)?;
        a.adr(R5, l)
    });
    t.all("ldr r0, 1f; nop; 1: .word 0x11223344", |a| {
        let l = a.new_label();
        a.ldr_label(R0, l)?;
        a.nop()?;
        a.bind(l)?;
        a.data(4, &[0x11223344])
    });
    t.all("ldr r0, 1f; 1: .word 0x11223344", |a| {
        let l = a.new_label();
        a.ldr_label(R0, l)?;
        a.bind(l)?;
        a.data(4, &[0x11223344])
    });
    t.all("ldr r9, 1f; 1: .word 7", |a| {
        let l = a.new_label();
        a.ldr_label(R9, l)?;
        a.bind(l)?;
        a.data(4, &[7])
    });
    t.all("1: .space 4088; ldr r1, 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.space(4088)?;
        a.ldr_label(R1, l)
    });
    t.all("1: .space 4092; ldr r1, 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.space(4092)?;
        a.ldr_label(R1, l)
    });
    t.all("1: .word 7; ldr r1, 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.data(4, &[7])?;
        a.ldr_label(R1, l)
    });
    t.all("ldrb r1, 1f; 1: .byte 7, 8", |a| {
        let l = a.new_label();
        a.load_label(MemOp::Ldrb, R1, l, Width::Auto)?;
        a.bind(l)?;
        a.data(1, &[7, 8])
    });
    t.all("ldrsh r1, 1f; nop; 1: .hword -2", |a| {
        let l = a.new_label();
        a.load_label(MemOp::Ldrsh, R1, l, Width::Auto)?;
        a.nop()?;
        a.bind(l)?;
        a.data(2, &[-2])
    });
    t.all("ldr.w r2, 1f; nop; 1: .word 7", |a| {
        let l = a.new_label();
        a.load_label(MemOp::Ldr, R2, l, Width::Wide)?;
        a.nop()?;
        a.bind(l)?;
        a.data(4, &[7])
    });
    for gap in [1016usize, 1020, 4088, 4092, 4096] {
        t.all(format!("ldr r6, 1f; .space {gap}; 1: .word 9"), move |a| {
            let l = a.new_label();
            a.ldr_label(R6, l)?;
            a.space(gap)?;
            a.bind(l)?;
            a.data(4, &[9])
        });
    }
}

fn pools(t: &mut Table) {
    for v in [
        0x12345678u32,
        0xff,
        0xff00,
        0x1234,
        0xffffff00,
        0xffff_fffe,
        0x10001,
        0,
    ] {
        t.all(format!("ldr r0, ={v:#x}"), move |a| a.ldr_const(R0, v));
        t.all(format!("ldr r9, ={v:#x}"), move |a| a.ldr_const(R9, v));
    }
    t.all(
        "ldr r0, =0x12345678; ldr r1, =0x12345678; ldr r2, =0x9abcdef0",
        |a| {
            a.ldr_const(R0, 0x12345678)?;
            a.ldr_const(R1, 0x12345678)?;
            a.ldr_const(R2, 0x9abcdef0)
        },
    );
    t.all("nop; ldr r0, =0x12345678", |a| {
        a.nop()?;
        a.ldr_const(R0, 0x12345678)
    });
    t.all("ldr r0, =0x12345678; .byte 1", |a| {
        a.ldr_const(R0, 0x12345678)?;
        a.data(1, &[1])
    });
    t.all(
        "ldr r0, =0x12345678; b 1f; .ltorg; 1: ldr r1, =0x12345678",
        |a| {
            a.ldr_const(R0, 0x12345678)?;
            let l = a.new_label();
            a.b(l)?;
            a.ltorg()?;
            a.bind(l)?;
            a.ldr_const(R1, 0x12345678)
        },
    );
    for gap in [1016usize, 1018, 1020, 4084, 4092] {
        t.all(format!("ldr r0, =0x12345678; .space {gap}"), move |a| {
            a.ldr_const(R0, 0x12345678)?;
            a.space(gap)
        });
    }
    t.all("ldr r0, =1f; nop; 1: nop", |a| {
        let l = a.new_label();
        a.ldr_addr(R0, l)?;
        a.nop()?;
        a.bind(l)?;
        a.nop()
    });
    t.all("1: nop; ldr r0, =1b; ldr r1, =1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.nop()?;
        a.ldr_addr(R0, l)?;
        a.ldr_addr(R1, l)
    });
    t.all("ldr pc, =0x12345678", |a| a.ldr_const(PC, 0x12345678));
}

fn directives(t: &mut Table) {
    for n in [2u32, 4, 8, 16] {
        t.all(format!("nop; .balign {n}; nop"), move |a| {
            a.nop()?;
            a.align(n)?;
            a.nop()
        });
        t.all(format!(".byte 1; .balign {n}; nop"), move |a| {
            a.data(1, &[1])?;
            a.align(n)?;
            a.nop()
        });
        t.all(format!(".byte 1, 2, 3; .balign {n}; nop"), move |a| {
            a.data(1, &[1, 2, 3])?;
            a.align(n)?;
            a.nop()
        });
    }
    t.all(".balign 4; nop", |a| {
        a.align(4)?;
        a.nop()
    });
    t.all("nop; .balign 1; nop", |a| {
        a.nop()?;
        a.align(1)?;
        a.nop()
    });
    t.all(".byte 1, 255, -128, 0", |a| a.data(1, &[1, 255, -128, 0]));
    t.all(".hword 0x1234, 0xffff, -32768", |a| {
        a.data(2, &[0x1234, 0xffff, -32768])
    });
    t.all(".word 0x12345678, 0xffffffff, -2147483648", |a| {
        a.data(4, &[0x12345678, 0xffffffff, -2147483648])
    });
    t.all(".space 3; .balign 2", |a| {
        a.space(3)?;
        a.align(2)
    });
    t.all("nop; .word 1; nop", |a| {
        a.nop()?;
        a.data(4, &[1])?;
        a.nop()
    });
    t.stricter(
        &Isa::ALL,
        ".byte 256",
        "a byte that doesn't fit is an error, not a truncation",
        |a| a.data(1, &[256]),
    );
    t.stricter(
        &Isa::ALL,
        ".hword 65536",
        "a halfword that doesn't fit is an error",
        |a| a.data(2, &[65536]),
    );
}

fn load_const(t: &mut Table) {
    // load_const picks the smallest form; each case is the text of the form it should pick.
    t.all("movs r6, #0", |a| a.load_const(R6, 0));
    t.all("movs r5, #255", |a| a.load_const(R5, 255));
    t.on(THUMB2, "mov.w r0, #256", |a| a.load_const(R0, 256));
    t.on(THUMB2, "mov.w r8, #1", |a| a.load_const(R8, 1));
    t.on(THUMB2, "mvn.w r0, #255", |a| a.load_const(R0, 0xffff_ff00));
    t.on(THUMB2, "movw r1, #0x1234", |a| a.load_const(R1, 0x1234));
    t.on(THUMB2, "movw r2, #0x5678; movt r2, #0x1234", |a| {
        a.load_const(R2, 0x1234_5678)
    });
    t.on(THUMB2, "movw r12, #0xfffe; movt r12, #0x7fff", |a| {
        a.load_const(R12, 0x7fff_fffe)
    });
    t.on(&[V6M], "ldr r0, =0x100", |a| a.load_const(R0, 256));
    t.on(&[V6M], "ldr r3, =0x12345678", |a| {
        a.load_const(R3, 0x1234_5678)
    });
    t.on(&[V6M], "ldr r8, =0x12345678", |a| {
        a.load_const(R8, 0x1234_5678)
    });
    t.on(THUMB2, "it eq; moveq r0, #5", |a| {
        a.it(Cond::Eq, "")?;
        a.load_const(R0, 5)
    });
}
