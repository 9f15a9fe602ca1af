//! Errors: MicroPython's messages at the statement's line, the directives' checks, and the
//! instructions a level lacks. Statements start at line 3 (`program` puts the decorator and
//! the `def` first).

use native_thumb::Isa;

use super::{V6M, V7, V7EM, V7M};
use crate::{asm, check_err};

#[test]
fn operand_errors_in_micropython_words() {
    for isa in Isa::ALL {
        check_err(isa, "nop()\nmov(foo, 1)", 4, "'mov' expects a register");
        check_err(isa, "mov(r0, r16)", 3, "'mov' expects a register");
        check_err(isa, "add(r0, r1, [r2])", 3, "'add' expects an integer");
        check_err(isa, "mov(r0, [r1])", 3, "'mov' expects an integer");
        check_err(isa, "b(1)", 3, "'b' expects a label");
        check_err(isa, "bl(r0)", 3, "label 'r0' not defined");
        check_err(
            isa,
            "nop()\nnop()\nbne(nowhere)",
            5,
            "label 'nowhere' not defined",
        );
        check_err(isa, "push(r0)", 3, "'push' expects {r0, r1, ...}");
        check_err(isa, "pop({r0, 5})", 3, "'pop' expects a register");
        check_err(
            isa,
            "ldr(r0, [r1])",
            3,
            "'ldr' expects an address of the form [a, b]",
        );
        check_err(
            isa,
            "str(r0, r1)",
            3,
            "'str' expects an address of the form [a, b]",
        );
        check_err(
            isa,
            "str(r0, 5)",
            3,
            "'str' expects an address of the form [a, b]",
        );
        check_err(isa, "ldrb(r0, [5, 1])", 3, "'ldrb' expects a register");
        check_err(
            isa,
            "foo(r0, r1)",
            3,
            "unsupported Thumb instruction 'foo' with 2 arguments",
        );
        check_err(
            isa,
            "nop(r0)",
            3,
            "unsupported Thumb instruction 'nop' with 1 arguments",
        );
        check_err(
            isa,
            "add(r0)",
            3,
            "unsupported Thumb instruction 'add' with 1 arguments",
        );
        check_err(
            isa,
            "bxx(l)",
            3,
            "unsupported Thumb instruction 'bxx' with 1 arguments",
        );
        check_err(
            isa,
            "beq_x(l)",
            3,
            "unsupported Thumb instruction 'beq_x' with 1 arguments",
        );
        check_err(isa, "mrs(r0, FOO)", 3, "'mrs' expects a special register");
        check_err(isa, "cpsid(x)", 3, "'cpsid' expects i or f");
        check_err(
            isa,
            "vfoo(s0)",
            3,
            "unsupported Thumb instruction 'vfoo' with 1 arguments",
        );
    }
    // Where MicroPython's field is narrower than ours, its mask is quoted on ARMv6-M.
    check_err(
        V6M,
        "mov(r0, 256)",
        3,
        "'mov' integer 0x100 doesn't fit in mask 0xff",
    );
    check_err(
        V6M,
        "ldr(r0, [r1, 128])",
        3,
        "'ldr' integer 0x80 doesn't fit in mask 0x7c",
    );
    check_err(
        V6M,
        "ldrh(r0, [r1, 1])",
        3,
        "'ldrh' integer 0x1 doesn't fit in mask 0x3e",
    );
    check_err(
        V6M,
        "add(r0, r1, 8)",
        3,
        "'add' integer 0x8 doesn't fit in mask 0x7",
    );
    check_err(
        V6M,
        "add(r0, -1000)",
        3,
        "'add' integer 0xfffffc18 doesn't fit in mask 0xff",
    );
    check_err(
        V6M,
        "lsl(r0, r1, 33)",
        3,
        "'lsl' integer 0x21 doesn't fit in mask 0x1f",
    );
    check_err(V6M, "add(r8, r0, r1)", 3, "'add' expects at most r7");
    check_err(V6M, "and_(r0, r9)", 3, "'and_' expects at most r7");
    check_err(V6M, "ldr(r0, [r8, 0])", 3, "'ldr' expects at most r7");
    for isa in V7 {
        check_err(
            isa,
            "mov(r0, 0x12345)",
            3,
            "'mov' integer 0x12345 can't be encoded",
        );
        check_err(
            isa,
            "ldr(r0, [r1, 5000])",
            3,
            "'ldr' integer 0x1388 can't be encoded",
        );
        check_err(
            isa,
            "movw(r0, 0x10000)",
            3,
            "'movw' integer 0x10000 can't be encoded",
        );
        check_err(isa, "cbz(r8, l)\nlabel(l)", 3, "'cbz' expects at most r7");
        check_err(isa, "add(r0, r1, pc)", 3, "'add' can't use pc");
        check_err(
            isa,
            "mul(r0, r1)\nmul(r8, r1)",
            4,
            "'mul': needs low registers with rd equal to a source",
        );
        check_err(isa, "it(xx)", 3, "'it' expects a condition code");
        check_err(
            isa,
            "itq(eq)",
            3,
            "unsupported Thumb instruction 'itq' with 1 arguments",
        );
        check_err(
            isa,
            "it(eq)\nbeq(l)\nlabel(l)",
            4,
            "'beq': not allowed in an IT block",
        );
        check_err(
            isa,
            "itt(eq)\nmov(r0, 1)",
            3,
            "'itt' block not finished at end of function",
        );
    }
    check_err(
        V7EM,
        "vadd(s0, s1, r0)",
        3,
        "'vadd' expects an FPU register",
    );
    check_err(V7EM, "vadd(s0, s1, s32)", 3, "'vadd' expects at most s31");
    check_err(V7EM, "vmrs(r0, FOO)", 3, "'vmrs' expects FPSCR");
    check_err(
        V7EM,
        "vldr(s0, [r0, 2])",
        3,
        "'vldr' integer 0x2 can't be encoded",
    );
    check_err(V7EM, "vmov(s0, 5)", 3, "'vmov' expects a register");
}

#[test]
fn directive_errors() {
    for isa in Isa::ALL {
        check_err(isa, "label(a)\nnop()\nlabel(a)", 5, "label redefined");
        check_err(isa, "label(a, b)", 3, "'label' requires 1 argument");
        check_err(isa, "label(1)", 3, "'label' requires 1 argument");
        check_err(isa, "label()", 3, "'label' requires 1 argument");
        check_err(isa, "data(4)", 3, "'data' requires at least 2 arguments");
        check_err(
            isa,
            "data(r0, 1)",
            3,
            "'data' requires at least 2 arguments",
        );
        check_err(
            isa,
            "data(4, 1, r0)",
            3,
            "'data' requires integer arguments",
        );
        check_err(isa, "data(3, 1)", 3, "'data' size must be 1, 2 or 4");
        check_err(isa, "align()", 3, "'align' requires 1 argument");
        check_err(isa, "align(x)", 3, "'align' requires 1 argument");
        check_err(
            isa,
            "align(3)",
            3,
            "'align': alignment must be a power of two up to 4096",
        );
        check_err(
            isa,
            "data(1, 1)\nnop()",
            4,
            "'nop' would start at an odd address: put align(2) after odd-sized data",
        );
    }
    for isa in V7 {
        check_err(
            isa,
            "it(eq)\ndata(2, 1)",
            4,
            "'data': data and directives can't go in an IT block",
        );
    }
}

#[test]
fn instructions_a_level_lacks() {
    for (body, name) in [
        ("sdiv(r0, r1, r2)", "sdiv"),
        ("udiv(r0, r1, r2)", "udiv"),
        ("movw(r0, 1)", "movw"),
        ("movt(r0, 1)", "movt"),
        ("clz(r0, r1)", "clz"),
        ("rbit(r0, r1)", "rbit"),
        ("it(eq)\nnop()", "it"),
        ("ldrex(r0, [r1, 0])", "ldrex"),
        ("strex(r2, r0, [r1, 0])", "strex"),
    ] {
        check_err(
            V6M,
            body,
            3,
            &format!("'{name}' is not available on armv6m"),
        );
    }
    check_err(
        V6M,
        "movwt(r0, 1)",
        3,
        "'movwt' is not available on armv6m (movw)",
    );
    check_err(
        V6M,
        "cbz(r0, l)\nlabel(l)",
        3,
        "'cbz' is not available on armv6m",
    );
    check_err(
        V6M,
        "beq_w(l)\nlabel(l)",
        3,
        "'beq_w' is not available on armv6m (32-bit form)",
    );
    check_err(
        V6M,
        "b_w(l)\nlabel(l)",
        3,
        "'b_w' is not available on armv6m (32-bit form)",
    );
    check_err(
        V6M,
        "push({r8})",
        3,
        "'push' is not available on armv6m (push with r8-r12)",
    );
    check_err(
        V6M,
        "mrs(r0, BASEPRI)",
        3,
        "'mrs' is not available on armv6m (mrs of this register)",
    );
    check_err(
        V6M,
        "cpsid(f)",
        3,
        "'cpsid' is not available on armv6m (cps with f)",
    );
    for isa in [V6M, V7M] {
        let name = if isa == V6M { "armv6m" } else { "armv7m" };
        for body in [
            "vadd(s0, s1, s2)",
            "vsqrt(s0, s1)",
            "vmov(s0, r0)",
            "vldr(s0, [r0, 0])",
            "vmrs(APSR_nzcv, FPSCR)",
            "vcvt_f32_s32(s0, s0)",
        ] {
            let op = body.split('(').next().unwrap();
            check_err(
                isa,
                body,
                3,
                &format!("'{op}' is not available on {name} (no FPU)"),
            );
        }
    }
}

#[test]
fn error_columns_point_at_the_statement() {
    let e = asm(V7M, "nop()\nnop()\nmov(r0, zz)").unwrap_err();
    assert_eq!((e.line, e.col), (5, 5));
    assert_eq!(e.to_string(), "'mov' expects a register");
}
