//! Labels, branches (every condition and width), `data`, `align`, and the label and
//! constant loads beyond MicroPython, against the same sequences built on the `Assembler`.

use native_thumb::encode::mem::MemOp;
use native_thumb::reg::*;
use native_thumb::{Cond, Isa, Width};

use super::{V6M, V7};
use crate::{asm, check, check_err, expect};

#[test]
fn branches_every_condition_and_width() {
    for isa in Isa::ALL {
        let wide = isa.has_thumb2();
        for cond in &Cond::ALL[..14] {
            let mut body = format!("label(top)\nb{cond}(top)\nb{cond}_n(top)\nb{cond}(fwd)\n");
            if wide {
                body += &format!("b{cond}_w(top)\nb{cond}_w(fwd)\n");
            }
            body += "nop()\nlabel(fwd)";
            check(isa, &body, |a| {
                let (top, fwd) = (a.new_label(), a.new_label());
                a.bind(top)?;
                a.branch(*cond, top, Width::Auto)?;
                a.branch(*cond, top, Width::Narrow)?;
                a.branch(*cond, fwd, Width::Auto)?;
                if wide {
                    a.branch(*cond, top, Width::Wide)?;
                    a.branch(*cond, fwd, Width::Wide)?;
                }
                a.nop()?;
                a.bind(fwd)
            });
        }
        check(
            isa,
            "b(end)\nlabel(back)\nb_n(back)\nbl(back)\nlabel(end)",
            |a| {
                let (end, back) = (a.new_label(), a.new_label());
                a.b(end)?;
                a.bind(back)?;
                a.b_n(back)?;
                a.bl(back)?;
                a.bind(end)
            },
        );
    }
    for isa in V7 {
        check(
            isa,
            "label(top)\nb_w(top)\ncbz(r0, end)\ncbnz(r7, end)\nlabel(end)",
            |a| {
                let (top, end) = (a.new_label(), a.new_label());
                a.bind(top)?;
                a.b_w(top)?;
                a.cbz(R0, end)?;
                a.cbnz(R7, end)?;
                a.bind(end)
            },
        );
    }
}

/// MicroPython's asmblbx.py: local subroutines reached with `bl`, returning with `bx(lr)`.
#[test]
fn subroutines() {
    let body = "b(entry)\nlabel(func1)\nadd(r0, 2)\nbx(lr)\nlabel(func2)\nsub(r0, 1)\nbx(lr)\n\
                label(entry)\nbl(func1)\nbl(func2)";
    for isa in Isa::ALL {
        check(isa, body, |a| {
            let (entry, f1, f2) = (a.new_label(), a.new_label(), a.new_label());
            a.b(entry)?;
            a.bind(f1)?;
            a.adds(R0, R0, 2u32)?;
            a.bx(LR)?;
            a.bind(f2)?;
            a.subs(R0, R0, 1u32)?;
            a.bx(LR)?;
            a.bind(entry)?;
            a.bl(f1)?;
            a.bl(f2)
        });
    }
}

/// A branch without a suffix widens when the narrow form doesn't reach (ARMv7-M); ARMv6-M
/// can't, and says "branch not in range" at the branch's line.
#[test]
fn unsuffixed_branches_relax() {
    let zeros = vec!["0"; 600].join(", ");
    let body = format!(
        "mov(r0, 1)\nb(far)\ndata(4, {zeros})\nlabel(far)\nbeq(far2)\ndata(4, {zeros})\nlabel(far2)"
    );
    for isa in V7 {
        check(isa, &body, |a| {
            let (far, far2) = (a.new_label(), a.new_label());
            a.movs(R0, 1u32)?;
            a.b(far)?;
            a.data(4, &[0; 600])?;
            a.bind(far)?;
            a.b_cond(Cond::Eq, far2)?;
            a.data(4, &[0; 600])?;
            a.bind(far2)
        });
        let narrow = body.replace("b(far)", "b_n(far)");
        check_err(isa, &narrow, 4, "branch not in range");
        let narrow = body.replace("beq(far2)", "beq_n(far2)");
        check_err(isa, &narrow, 7, "branch not in range");
    }
    check_err(V6M, &body, 4, "branch not in range");
    // cbz only reaches forward.
    for isa in V7 {
        check_err(
            isa,
            "label(top)\nnop()\ncbz(r0, top)",
            5,
            "branch not in range",
        );
    }
}

/// MicroPython's asmdata.py: `data` read through `pc`.
#[test]
fn data_read_through_pc() {
    let body = "lsl(r0, r0, 2)\nmov(r1, pc)\nadd(r0, r0, r1)\nldr(r0, [r0, 4])\nb(HERE)\n\
                data(4, 0x12345678, 0x20000000, 0x40000000, 0x7FFFFFFF + 1, (1 << 32) - 2)\n\
                label(HERE)";
    for isa in Isa::ALL {
        check(isa, body, |a| {
            let here = a.new_label();
            a.lsls(R0, R0, 2u32)?;
            a.mov(R1, PC)?;
            a.adds(R0, R0, R1)?;
            a.ldr(R0, (R0, 4))?;
            a.b(here)?;
            a.data(
                4,
                &[
                    0x1234_5678,
                    0x2000_0000,
                    0x4000_0000,
                    0x8000_0000,
                    0xffff_fffe,
                ],
            )?;
            a.bind(here)
        });
    }
}

#[test]
fn data_sizes_truncation_and_alignment() {
    for isa in Isa::ALL {
        check(isa, "data(1, 1, 2)", |a| a.data(1, &[1, 2]));
        check(isa, "data(2, 0x1234, -1)", |a| a.data(2, &[0x1234, 0xffff]));
        check(isa, "data(4, -2, 5)", |a| a.data(4, &[0xffff_fffe, 5]));
        // Values keep their low bytes, as in MicroPython.
        check(isa, "data(1, 0x1ff, 0x100)", |a| a.data(1, &[0xff, 0]));
        check(isa, "data(2, 0x123456, 0)", |a| a.data(2, &[0x3456, 0]));
        check(isa, "nop()\nalign(4)\nnop()\nalign(8)\ndata(4, 1)", |a| {
            a.nop()?;
            a.align(4)?;
            a.nop()?;
            a.align(8)?;
            a.data(4, &[1])
        });
        check(isa, "data(1, 7)\nalign(2)\nnop()", |a| {
            a.data(1, &[7])?;
            a.align(2)?;
            a.nop()
        });
        check(isa, "align(1)\nnop()", |a| a.nop());
    }
}

/// Beyond MicroPython: `adr`, loads from labels, `ldr(rd, imm32)`.
#[test]
fn label_addresses_and_constants() {
    for isa in Isa::ALL {
        let body = "adr(r0, tab)\nldr(r1, tab)\nldr(r2, [r0, 4])\nb(end)\nalign(4)\n\
                    label(tab)\ndata(4, 111, 77)\nlabel(end)";
        check(isa, body, |a| {
            let (tab, end) = (a.new_label(), a.new_label());
            a.adr(R0, tab)?;
            a.ldr_label(R1, tab)?;
            a.ldr(R2, (R0, 4))?;
            a.b(end)?;
            a.align(4)?;
            a.bind(tab)?;
            a.data(4, &[111, 77])?;
            a.bind(end)
        });
        for v in [0x1234_5678u32, 0x1234, 0xff, 0xffff_ff00] {
            check(isa, &format!("ldr(r3, {v})\nadd(r0, r3, 1)"), |a| {
                a.ldr_const(R3, v)?;
                a.adds(R0, R3, 1u32)
            });
        }
        check(isa, "ldr(r0, -1)", |a| a.ldr_const(R0, 0xffff_ffff));
    }
    for isa in V7 {
        let body = "ldrb(r8, val)\nldrsh(r2, val)\nadr(r9, val)\nb(end)\nlabel(val)\n\
                    data(2, 0x8001)\nlabel(end)";
        check(isa, body, |a| {
            let (val, end) = (a.new_label(), a.new_label());
            a.load_label(MemOp::Ldrb, R8, val, Width::Auto)?;
            a.load_label(MemOp::Ldrsh, R2, val, Width::Auto)?;
            a.adr(R9, val)?;
            a.b(end)?;
            a.bind(val)?;
            a.data(2, &[0x8001])?;
            a.bind(end)
        });
    }
}

/// The parts of the result the VM relies on: the code starts with the prologue, ends with
/// the epilogue (or the literal pool after it), and the 5th argument is at `[sp, 20]`.
#[test]
fn stack_arguments_after_the_prologue() {
    let src = crate::program(
        "r0, r1, r2, r3, r4arg, r5arg",
        "",
        "ldr(r0, [sp, 20])\nldr(r1, [sp, 24])\nadd(r0, r0, r1)",
    );
    let code = crate::assemble_src(Isa::ArmV7M, &src).unwrap();
    assert_eq!(code.n_args, 6);
    assert_eq!(
        code.code,
        expect(Isa::ArmV7M, |a| {
            a.ldr(R0, (SP, 20))?;
            a.ldr(R1, (SP, 24))?;
            a.adds(R0, R0, R1)
        })
    );
    assert_eq!(&code.code[..2], [0xf0, 0xb5]);
    let with_pool = asm(V6M, "ldr(r0, 0x12345678)").unwrap().code;
    assert_eq!(&with_pool[4..6], [0xf0, 0xbd]);
    assert_eq!(&with_pool[8..], 0x1234_5678u32.to_le_bytes());
}
