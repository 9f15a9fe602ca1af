//! Tests of the native IR: the printer, the verifier, and (feature `cranelift`) hand-built
//! functions compiled by the host backend and run.

use emit::helpers::Helper;
use emit::ir::{BinOp, Block, Cond, FloatOp, Function, Inst, OvfOp, Term, Ty, UnOp, VReg, Width};
use emit::print::print;
use emit::verify::{Location, verify};

fn push(f: &mut Function, b: Block, inst: Inst) {
    f.data_mut(b).insts.push(inst);
}

fn term(f: &mut Function, b: Block, t: Term) {
    f.data_mut(b).term = t;
}

/// `sum(n)`: 0 + 1 + ... + (n-1), as a rotated loop (guard, then a do-while).
fn sum_loop() -> Function {
    let mut f = Function::new("sum");
    let n = f.vreg(Ty::Int);
    f.params.push(n);
    let (i, acc, one, c, zero) = (
        f.vreg(Ty::Int),
        f.vreg(Ty::Int),
        f.vreg(Ty::Int),
        f.vreg(Ty::Bool),
        f.vreg(Ty::Int),
    );
    let entry = Block(0);
    let body = f.block();
    let exit = f.block();
    push(&mut f, entry, Inst::Iconst { dst: zero, imm: 0 });
    push(&mut f, entry, Inst::Mov { dst: i, src: zero });
    push(
        &mut f,
        entry,
        Inst::Mov {
            dst: acc,
            src: zero,
        },
    );
    push(&mut f, entry, Inst::Iconst { dst: one, imm: 1 });
    push(
        &mut f,
        entry,
        Inst::Cmp {
            cond: Cond::Gt,
            dst: c,
            a: n,
            b: zero,
        },
    );
    term(
        &mut f,
        entry,
        Term::Branch {
            cond: c,
            then: body,
            else_: exit,
        },
    );
    push(
        &mut f,
        body,
        Inst::Bin {
            op: BinOp::Add,
            dst: acc,
            a: acc,
            b: i,
        },
    );
    push(
        &mut f,
        body,
        Inst::Bin {
            op: BinOp::Add,
            dst: i,
            a: i,
            b: one,
        },
    );
    push(
        &mut f,
        body,
        Inst::Cmp {
            cond: Cond::Lt,
            dst: c,
            a: i,
            b: n,
        },
    );
    term(
        &mut f,
        body,
        Term::Branch {
            cond: c,
            then: body,
            else_: exit,
        },
    );
    term(&mut f, exit, Term::Return(acc));
    f
}

#[test]
fn print_small_function() {
    let mut f = Function::new("f");
    let a = f.vreg(Ty::Obj);
    let p = f.vreg(Ty::Ptr8);
    f.params.extend([a, p]);
    let k = f.vreg(Ty::Int);
    let s = f.vreg(Ty::Int);
    let o = f.vreg(Ty::Bool);
    let g = f.vreg(Ty::Obj);
    let l = f.vreg(Ty::Int);
    let c = f.vreg(Ty::Bool);
    let b1 = f.block();
    let b2 = f.block();
    let b3 = f.block();
    f.data_mut(b2).cold = true;
    let b0 = Block(0);
    push(&mut f, b0, Inst::Iconst { dst: k, imm: -5 });
    push(
        &mut f,
        b0,
        Inst::BinOvf {
            op: OvfOp::Add,
            dst: s,
            ovf: o,
            a: k,
            b: k,
        },
    );
    push(
        &mut f,
        b0,
        Inst::Call {
            helper: Helper::LoadGlobal,
            args: vec![a, k],
            dst: Some(g),
        },
    );
    push(
        &mut f,
        b0,
        Inst::Call {
            helper: Helper::Interrupt,
            args: vec![a],
            dst: None,
        },
    );
    push(
        &mut f,
        b0,
        Inst::Store {
            width: Width::W8,
            src: s,
            base: p,
            offset: 4,
        },
    );
    push(
        &mut f,
        b0,
        Inst::Load {
            width: Width::W16,
            signed: true,
            dst: l,
            base: p,
            offset: -2,
        },
    );
    push(
        &mut f,
        b0,
        Inst::Load {
            width: Width::Word,
            signed: false,
            dst: l,
            base: p,
            offset: 0,
        },
    );
    push(
        &mut f,
        b0,
        Inst::Un {
            op: UnOp::Not,
            dst: l,
            a: l,
        },
    );
    push(
        &mut f,
        b0,
        Inst::Cmp {
            cond: Cond::Ule,
            dst: c,
            a: l,
            b: k,
        },
    );
    term(
        &mut f,
        b0,
        Term::Branch {
            cond: o,
            then: b2,
            else_: b1,
        },
    );
    term(
        &mut f,
        b1,
        Term::Switch {
            v: l,
            targets: vec![b2, b3],
            default: b3,
        },
    );
    term(&mut f, b2, Term::Return(g));
    term(&mut f, b3, Term::Jump(b2));
    let expected = "\
function f(v0:object, v1:ptr8) {
b0:
    v2:int = iconst -5
    v3:int, v4:bool = add_ovf v2, v2
    v5:object = call LoadGlobal(v0, v2)
    call Interrupt(v0)
    store.w8 v3, [v1+4]
    v6:int = load.w16s [v1-2]
    v6:int = load.word [v1+0]
    v6:int = not v6
    v7:bool = cmp.ule v6, v2
    branch v4, b2, b1
b1:
    switch v6 [b2, b3] default b3
b2 (cold):
    return v5
b3:
    jump b2
}
";
    assert_eq!(print(&f), expected);
    assert_eq!(f.to_string(), expected);
    verify(&f).unwrap();
}

#[test]
fn print_unterminated_and_bad_registers_does_not_panic() {
    let mut f = Function::new("g");
    push(
        &mut f,
        Block(0),
        Inst::Mov {
            dst: VReg(3),
            src: VReg(7),
        },
    );
    assert_eq!(
        print(&f),
        "function g() {\nb0:\n    v3:? = mov v7\n    unterminated\n}\n"
    );
}

#[test]
fn verify_accepts_loop() {
    verify(&sum_loop()).unwrap();
}

fn err_of(f: &Function) -> String {
    match verify(f) {
        Ok(()) => panic!("verify accepted:\n{f}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn verify_rejects_use_before_def_on_one_path() {
    // b0: branch p, b1, b2 ; b1 defines x ; b2 does not ; b3 reads x.
    let mut f = Function::new("h");
    let p = f.vreg(Ty::Int);
    f.params.push(p);
    let x = f.vreg(Ty::Int);
    let b1 = f.block();
    let b2 = f.block();
    let b3 = f.block();
    term(
        &mut f,
        Block(0),
        Term::Branch {
            cond: p,
            then: b1,
            else_: b2,
        },
    );
    push(&mut f, b1, Inst::Iconst { dst: x, imm: 1 });
    term(&mut f, b1, Term::Jump(b3));
    term(&mut f, b2, Term::Jump(b3));
    term(&mut f, b3, Term::Return(x));
    let e = verify(&f).unwrap_err();
    assert_eq!(e.location, Location::Term(b3));
    let msg = e.to_string();
    assert!(
        msg.contains("b3") && msg.contains("v1") && msg.contains("before"),
        "{msg}"
    );

    // Defining it on the other path too makes it fine.
    push(&mut f, b2, Inst::Mov { dst: x, src: p });
    verify(&f).unwrap();

    // A loop that assigns only in its body does not define it at the exit.
    let mut g = Function::new("loop");
    let p = g.vreg(Ty::Int);
    g.params.push(p);
    let x = g.vreg(Ty::Int);
    let head = g.block();
    let body = g.block();
    let exit = g.block();
    term(&mut g, Block(0), Term::Jump(head));
    term(
        &mut g,
        head,
        Term::Branch {
            cond: p,
            then: body,
            else_: exit,
        },
    );
    push(&mut g, body, Inst::Iconst { dst: x, imm: 0 });
    push(&mut g, body, Inst::Mov { dst: p, src: x });
    term(&mut g, body, Term::Jump(head));
    push(
        &mut g,
        exit,
        Inst::Bin {
            op: BinOp::Add,
            dst: p,
            a: p,
            b: x,
        },
    );
    term(&mut g, exit, Term::Return(p));
    let e = verify(&g).unwrap_err();
    assert_eq!(
        e.location,
        Location::Inst {
            block: exit,
            index: 0
        }
    );
    assert!(e.to_string().contains("v1 is read before"), "{e}");
}

#[test]
fn verify_rejects_bad_arity() {
    let mut f = Function::new("a");
    let ctx = f.vreg(Ty::Ptr);
    f.params.push(ctx);
    let r = f.vreg(Ty::Obj);
    push(
        &mut f,
        Block(0),
        Inst::Call {
            helper: Helper::BinaryOp,
            args: vec![ctx, ctx],
            dst: Some(r),
        },
    );
    term(&mut f, Block(0), Term::Return(r));
    let msg = err_of(&f);
    assert!(
        msg.contains("BinaryOp") && msg.contains("takes 4") && msg.contains("b0 inst 0"),
        "{msg}"
    );
}

#[test]
fn verify_rejects_missing_terminator() {
    let mut f = Function::new("t");
    let b1 = f.block();
    term(&mut f, Block(0), Term::Jump(b1));
    let msg = err_of(&f);
    assert!(
        msg.contains("b1") && msg.contains("not terminated"),
        "{msg}"
    );
    // Unreachable blocks must still be terminated.
    let mut g = Function::new("u");
    let z = g.vreg(Ty::Int);
    push(&mut g, Block(0), Inst::Iconst { dst: z, imm: 0 });
    term(&mut g, Block(0), Term::Return(z));
    g.block();
    assert!(err_of(&g).contains("not terminated"));
}

#[test]
fn verify_rejects_bad_targets_and_registers() {
    let mut f = Function::new("t");
    let z = f.vreg(Ty::Int);
    push(&mut f, Block(0), Inst::Iconst { dst: z, imm: 0 });
    term(
        &mut f,
        Block(0),
        Term::Switch {
            v: z,
            targets: vec![Block(0), Block(9)],
            default: Block(0),
        },
    );
    let msg = err_of(&f);
    assert!(msg.contains("b9") && msg.contains("out of range"), "{msg}");

    f.data_mut(Block(0)).term = Term::Return(VReg(5));
    let msg = err_of(&f);
    assert!(msg.contains("v5") && msg.contains("out of range"), "{msg}");

    f.data_mut(Block(0)).term = Term::Return(z);
    f.params = vec![z, z];
    let msg = err_of(&f);
    assert!(msg.contains("two parameters"), "{msg}");
}

#[test]
fn verify_rejects_non_bool_flags() {
    let mut f = Function::new("c");
    let a = f.vreg(Ty::Int);
    f.params.push(a);
    let d = f.vreg(Ty::Int);
    push(
        &mut f,
        Block(0),
        Inst::Cmp {
            cond: Cond::Eq,
            dst: d,
            a,
            b: a,
        },
    );
    term(&mut f, Block(0), Term::Return(d));
    assert!(err_of(&f).contains("not bool"));
    f.data_mut(Block(0)).insts[0] = Inst::BinOvf {
        op: OvfOp::Mul,
        dst: d,
        ovf: a,
        a,
        b: a,
    };
    assert!(err_of(&f).contains("overflow flag v0 has type int, not bool"));
}

#[test]
fn verify_rejects_bad_float_and_division_forms() {
    let mut f = Function::new("d");
    let a = f.vreg(Ty::Int);
    f.params.push(a);
    let q = f.vreg(Ty::Int);
    let t = f.vreg(Ty::Bool);
    push(
        &mut f,
        Block(0),
        Inst::DivRem {
            quot: q,
            rem: q,
            a,
            b: a,
        },
    );
    term(&mut f, Block(0), Term::Return(q));
    assert!(err_of(&f).contains("v1 is both the quotient and the remainder"));
    f.data_mut(Block(0)).insts[0] = Inst::FloatCmp {
        cond: Cond::Ult,
        dst: t,
        a,
        b: a,
    };
    assert!(err_of(&f).contains("floats have no unsigned comparisons"));
    f.data_mut(Block(0)).insts[0] = Inst::FloatCmp {
        cond: Cond::Lt,
        dst: q,
        a,
        b: a,
    };
    assert!(err_of(&f).contains("not bool"));
    f.data_mut(Block(0)).insts[0] = Inst::Float {
        op: FloatOp::Div,
        dst: q,
        a,
        b: a,
    };
    assert!(verify(&f).is_ok());
    assert!(print(&f).contains("v1:int = fdiv v0, v0"));
}

#[cfg(feature = "cranelift")]
mod jit {
    use super::*;
    use emit::cranelift::Jit;

    type F1 = extern "C" fn(usize) -> usize;
    type F2 = extern "C" fn(usize, usize) -> usize;
    type F3 = extern "C" fn(usize, usize, usize) -> usize;
    /// Reference implementations.
    type Op2 = fn(i64, i64) -> i64;
    type Pred2 = fn(i64, i64) -> bool;
    type OvfRef = fn(i64, i64) -> (i64, bool);
    type FloatRef = fn(f64, f64) -> f64;
    type FloatPred = fn(f64, f64) -> bool;

    extern "C" fn dummy() -> usize {
        0
    }

    fn jit_with(helpers: &[usize]) -> Jit {
        Jit::new(helpers).unwrap()
    }

    fn jit() -> Jit {
        jit_with(&vec![dummy as *const () as usize; Helper::ALL.len()])
    }

    /// Compile `f` into a unit of its own, left allocated for the rest of the test process.
    fn compile(j: &mut Jit, f: &Function) -> Result<(*const u8, usize), String> {
        let mut unit = j.unit();
        j.compile(&mut unit, f)
    }

    fn f1(code: *const u8) -> F1 {
        // SAFETY: the code was compiled from an IR function with one parameter; the backend
        // produces `extern "C" fn(word) -> word` and words are `usize` on this host.
        unsafe { std::mem::transmute::<*const u8, F1>(code) }
    }

    fn f2(code: *const u8) -> F2 {
        // SAFETY: as `f1`, for two parameters.
        unsafe { std::mem::transmute::<*const u8, F2>(code) }
    }

    fn f3(code: *const u8) -> F3 {
        // SAFETY: as `f1`, for three parameters.
        unsafe { std::mem::transmute::<*const u8, F3>(code) }
    }

    #[test]
    fn word_size() {
        assert_eq!(jit().word_bytes() as usize, std::mem::size_of::<usize>());
    }

    #[test]
    fn rotated_sum_loop() {
        let mut j = jit();
        let (code, size) = compile(&mut j, &sum_loop()).unwrap();
        assert!(size > 0);
        let sum = f1(code);
        assert_eq!(sum(0), 0);
        assert_eq!(sum(-3isize as usize), 0);
        assert_eq!(sum(1), 0);
        assert_eq!(sum(10), 45);
        assert_eq!(sum(100_000), 4_999_950_000);
    }

    /// `f(a, b, op)` applying one `Bin` operation, compiled once per operation.
    fn bin_fn(op: BinOp) -> Function {
        let mut f = Function::new("bin");
        let a = f.vreg(Ty::Int);
        let b = f.vreg(Ty::Int);
        f.params.extend([a, b]);
        let d = f.vreg(Ty::Int);
        push(&mut f, Block(0), Inst::Bin { op, dst: d, a, b });
        term(&mut f, Block(0), Term::Return(d));
        f
    }

    #[test]
    fn every_binop() {
        let mut j = jit();
        let cases: &[(BinOp, Op2)] = &[
            (BinOp::Add, i64::wrapping_add),
            (BinOp::Sub, i64::wrapping_sub),
            (BinOp::Mul, i64::wrapping_mul),
            (BinOp::And, |a, b| a & b),
            (BinOp::Or, |a, b| a | b),
            (BinOp::Xor, |a, b| a ^ b),
            (BinOp::Shl, |a, b| a.wrapping_shl(b as u32)),
            (BinOp::Sar, |a, b| a.wrapping_shr(b as u32)),
            (BinOp::Shr, |a, b| {
                ((a as u64).wrapping_shr(b as u32)) as i64
            }),
        ];
        let inputs: &[i64] = &[
            0,
            1,
            -1,
            3,
            63,
            64,
            65,
            -7,
            i64::MAX,
            i64::MIN,
            0x1234_5678_9abc,
        ];
        for (op, reference) in cases {
            let (code, _) = compile(&mut j, &bin_fn(*op)).unwrap();
            let f = f2(code);
            for &a in inputs {
                for &b in inputs {
                    assert_eq!(
                        f(a as usize, b as usize) as i64,
                        reference(a, b),
                        "{op:?} {a} {b}"
                    );
                }
            }
        }
    }

    /// `f(a, b)` = `a op b` on binary64 bit patterns; with `int` set, `b` is first converted
    /// from a signed integer.
    fn float_fn(op: FloatOp, int: bool) -> Function {
        let mut f = Function::new("float");
        let a = f.vreg(Ty::Int);
        let b = f.vreg(Ty::Int);
        f.params.extend([a, b]);
        let y = if int {
            let y = f.vreg(Ty::Int);
            push(&mut f, Block(0), Inst::IntToFloat { dst: y, a: b });
            y
        } else {
            b
        };
        let d = f.vreg(Ty::Int);
        push(
            &mut f,
            Block(0),
            Inst::Float {
                op,
                dst: d,
                a,
                b: y,
            },
        );
        term(&mut f, Block(0), Term::Return(d));
        f
    }

    #[test]
    fn float_arithmetic_comparisons_and_division() {
        let mut j = jit();
        let xs = [
            0.0,
            -0.0,
            1.5,
            -2.25,
            1e308,
            f64::INFINITY,
            f64::NAN,
            3.0e-320,
        ];
        let ops: &[(FloatOp, FloatRef)] = &[
            (FloatOp::Add, |a, b| a + b),
            (FloatOp::Sub, |a, b| a - b),
            (FloatOp::Mul, |a, b| a * b),
            (FloatOp::Div, |a, b| a / b),
        ];
        for (op, reference) in ops {
            let (code, _) = compile(&mut j, &float_fn(*op, false)).unwrap();
            let f = f2(code);
            for &a in &xs {
                for &b in &xs {
                    let got = f64::from_bits(f(a.to_bits() as usize, b.to_bits() as usize) as u64);
                    let want = reference(a, b);
                    assert!(got.to_bits() == want.to_bits() || got.is_nan() && want.is_nan());
                }
            }
            let (code, _) = compile(&mut j, &float_fn(*op, true)).unwrap();
            let f = f2(code);
            for i in [0i64, 1, -3, 1 << 53, i64::MAX] {
                let got = f64::from_bits(f(2.5f64.to_bits() as usize, i as usize) as u64);
                assert_eq!(
                    got.to_bits(),
                    reference(2.5, i as f64).to_bits(),
                    "{op:?} {i}"
                );
            }
        }
        let conds: &[(Cond, FloatPred)] = &[
            (Cond::Eq, |a, b| a == b),
            (Cond::Ne, |a, b| a != b),
            (Cond::Lt, |a, b| a < b),
            (Cond::Le, |a, b| a <= b),
            (Cond::Gt, |a, b| a > b),
            (Cond::Ge, |a, b| a >= b),
        ];
        for (cond, reference) in conds {
            let mut f = Function::new("fcmp");
            let (a, b) = (f.vreg(Ty::Int), f.vreg(Ty::Int));
            f.params.extend([a, b]);
            let t = f.vreg(Ty::Bool);
            push(
                &mut f,
                Block(0),
                Inst::FloatCmp {
                    cond: *cond,
                    dst: t,
                    a,
                    b,
                },
            );
            term(&mut f, Block(0), Term::Return(t));
            let (code, _) = compile(&mut j, &f).unwrap();
            let g = f2(code);
            for &x in &xs {
                for &y in &xs {
                    let got = g(x.to_bits() as usize, y.to_bits() as usize);
                    assert_eq!(got, reference(x, y) as usize, "{cond:?} {x} {y}");
                }
            }
        }
        let mut f = Function::new("divrem");
        let (a, b) = (f.vreg(Ty::Int), f.vreg(Ty::Int));
        f.params.extend([a, b]);
        let (q, r) = (f.vreg(Ty::Int), f.vreg(Ty::Int));
        push(
            &mut f,
            Block(0),
            Inst::DivRem {
                quot: q,
                rem: r,
                a,
                b,
            },
        );
        let scale = f.vreg(Ty::Int);
        push(
            &mut f,
            Block(0),
            Inst::Iconst {
                dst: scale,
                imm: 1000,
            },
        );
        let qs = f.vreg(Ty::Int);
        push(
            &mut f,
            Block(0),
            Inst::Bin {
                op: BinOp::Mul,
                dst: qs,
                a: q,
                b: scale,
            },
        );
        let d = f.vreg(Ty::Int);
        push(
            &mut f,
            Block(0),
            Inst::Bin {
                op: BinOp::Add,
                dst: d,
                a: qs,
                b: r,
            },
        );
        term(&mut f, Block(0), Term::Return(d));
        let (code, _) = compile(&mut j, &f).unwrap();
        let g = f2(code);
        for (x, y) in [
            (7i64, 2i64),
            (-7, 2),
            (7, -2),
            (-7, -2),
            (0, 5),
            (123456, 1000),
        ] {
            assert_eq!(
                g(x as usize, y as usize) as i64,
                x / y * 1000 + x % y,
                "{x} {y}"
            );
        }
    }

    #[test]
    fn unops_and_every_cond() {
        let mut j = jit();
        for (op, reference) in [
            (UnOp::Neg, i64::wrapping_neg as fn(i64) -> i64),
            (UnOp::Not, |a: i64| !a),
        ] {
            let mut f = Function::new("un");
            let a = f.vreg(Ty::Int);
            f.params.push(a);
            let d = f.vreg(Ty::Int);
            push(&mut f, Block(0), Inst::Un { op, dst: d, a });
            term(&mut f, Block(0), Term::Return(d));
            let g = f1(compile(&mut j, &f).unwrap().0);
            for x in [0i64, 1, -1, i64::MIN, 42] {
                assert_eq!(g(x as usize) as i64, reference(x));
            }
        }
        let conds: &[(Cond, Pred2)] = &[
            (Cond::Eq, |a, b| a == b),
            (Cond::Ne, |a, b| a != b),
            (Cond::Lt, |a, b| a < b),
            (Cond::Le, |a, b| a <= b),
            (Cond::Gt, |a, b| a > b),
            (Cond::Ge, |a, b| a >= b),
            (Cond::Ult, |a, b| (a as u64) < b as u64),
            (Cond::Ule, |a, b| (a as u64) <= b as u64),
            (Cond::Ugt, |a, b| (a as u64) > b as u64),
            (Cond::Uge, |a, b| (a as u64) >= b as u64),
        ];
        for (cond, reference) in conds {
            // Both as a value (Cmp) and as a branch on it, and the negation.
            let mut f = Function::new("cmp");
            let a = f.vreg(Ty::Int);
            let b = f.vreg(Ty::Int);
            f.params.extend([a, b]);
            let c = f.vreg(Ty::Bool);
            let n = f.vreg(Ty::Bool);
            let r = f.vreg(Ty::Int);
            let t = f.block();
            let e = f.block();
            push(
                &mut f,
                Block(0),
                Inst::Cmp {
                    cond: *cond,
                    dst: c,
                    a,
                    b,
                },
            );
            push(
                &mut f,
                Block(0),
                Inst::Cmp {
                    cond: cond.negate(),
                    dst: n,
                    a,
                    b,
                },
            );
            term(
                &mut f,
                Block(0),
                Term::Branch {
                    cond: c,
                    then: t,
                    else_: e,
                },
            );
            // t: return 2 + n (n must be 0) ; e: return 4 + n (n must be 1).
            for (blk, k) in [(t, 2), (e, 4)] {
                push(&mut f, blk, Inst::Iconst { dst: r, imm: k });
                push(
                    &mut f,
                    blk,
                    Inst::Bin {
                        op: BinOp::Add,
                        dst: r,
                        a: r,
                        b: n,
                    },
                );
                term(&mut f, blk, Term::Return(r));
            }
            let g = f2(compile(&mut j, &f).unwrap().0);
            for x in [0i64, 1, -1, 5, i64::MIN, i64::MAX] {
                for y in [0i64, 1, -1, 5, i64::MIN, i64::MAX] {
                    let want = if reference(x, y) { 2 } else { 5 };
                    assert_eq!(g(x as usize, y as usize), want, "{cond:?} {x} {y}");
                }
            }
        }
    }

    #[test]
    fn loads_and_stores_every_width() {
        let mut j = jit();
        // f(buf): copies fields around inside `buf` and returns a checksum of loads.
        let mut f = Function::new("mem");
        let p = f.vreg(Ty::Ptr8);
        f.params.push(p);
        let t = f.vreg(Ty::Int);
        let acc = f.vreg(Ty::Int);
        let b0 = Block(0);
        push(&mut f, b0, Inst::Iconst { dst: acc, imm: 0 });
        // Loads from buf[0..8] (a word 0x8182_8384_8586_8788 little-endian), every width/sign.
        let loads = [
            (Width::W8, false, 0),
            (Width::W8, true, 0),
            (Width::W16, false, 0),
            (Width::W16, true, 0),
            (Width::W32, false, 4),
            (Width::W32, true, 4),
            (Width::Word, false, 0),
        ];
        for (k, (width, signed, offset)) in loads.into_iter().enumerate() {
            push(
                &mut f,
                b0,
                Inst::Load {
                    width,
                    signed,
                    dst: t,
                    base: p,
                    offset,
                },
            );
            // Store each loaded word into buf[16 + 8k] as a full word for inspection.
            push(
                &mut f,
                b0,
                Inst::Store {
                    width: Width::Word,
                    src: t,
                    base: p,
                    offset: 16 + 8 * k as i32,
                },
            );
            push(
                &mut f,
                b0,
                Inst::Bin {
                    op: BinOp::Xor,
                    dst: acc,
                    a: acc,
                    b: t,
                },
            );
        }
        // Narrow stores of -1 into buf[8..16]: bytes 8 (w8), 10..12 (w16), 12..16 (w32).
        push(&mut f, b0, Inst::Iconst { dst: t, imm: -1 });
        for (width, offset) in [(Width::W8, 8), (Width::W16, 10), (Width::W32, 12)] {
            push(
                &mut f,
                b0,
                Inst::Store {
                    width,
                    src: t,
                    base: p,
                    offset,
                },
            );
        }
        // Negative offset: the base is buf+8, store a byte at [base-1] = buf[7].
        let q = f.vreg(Ty::Ptr8);
        let eight = f.vreg(Ty::Int);
        push(&mut f, b0, Inst::Iconst { dst: eight, imm: 8 });
        push(
            &mut f,
            b0,
            Inst::Bin {
                op: BinOp::Add,
                dst: q,
                a: p,
                b: eight,
            },
        );
        push(&mut f, b0, Inst::Iconst { dst: t, imm: 0x1ff });
        push(
            &mut f,
            b0,
            Inst::Store {
                width: Width::W8,
                src: t,
                base: q,
                offset: -1,
            },
        );
        term(&mut f, b0, Term::Return(acc));
        let g = f1(compile(&mut j, &f).unwrap().0);

        let mut buf = [0u8; 16 + 8 * 7];
        buf[..8].copy_from_slice(&0x8182_8384_8586_8788u64.to_le_bytes());
        let acc = g(buf.as_mut_ptr() as usize) as u64;
        let word = |k: usize| u64::from_le_bytes(buf[16 + 8 * k..24 + 8 * k].try_into().unwrap());
        let expected = [
            0x88,
            0xffff_ffff_ffff_ff88,
            0x8788,
            0xffff_ffff_ffff_8788,
            0x8182_8384,
            0xffff_ffff_8182_8384,
            0x8182_8384_8586_8788,
        ];
        for (k, want) in expected.iter().enumerate() {
            assert_eq!(word(k), *want, "load {k}");
        }
        assert_eq!(acc, expected.iter().fold(0, |a, b| a ^ b));
        assert_eq!(&buf[8..16], &[0xff, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        assert_eq!(buf[7], 0xff);
        assert_eq!(buf[6], 0x82);
    }

    /// `f(a, b) = result + 10 * ovf` for one overflow-checked operation.
    fn ovf_fn(op: OvfOp) -> Function {
        let mut f = Function::new("ovf");
        let a = f.vreg(Ty::Int);
        let b = f.vreg(Ty::Int);
        f.params.extend([a, b]);
        let d = f.vreg(Ty::Int);
        let o = f.vreg(Ty::Bool);
        let ten = f.vreg(Ty::Int);
        let b0 = Block(0);
        push(
            &mut f,
            b0,
            Inst::BinOvf {
                op,
                dst: d,
                ovf: o,
                a,
                b,
            },
        );
        push(&mut f, b0, Inst::Iconst { dst: ten, imm: 10 });
        push(
            &mut f,
            b0,
            Inst::Bin {
                op: BinOp::Mul,
                dst: o,
                a: o,
                b: ten,
            },
        );
        push(
            &mut f,
            b0,
            Inst::Bin {
                op: BinOp::Add,
                dst: d,
                a: d,
                b: o,
            },
        );
        term(&mut f, b0, Term::Return(d));
        f
    }

    #[test]
    fn overflow_detection() {
        let mut j = jit();
        let cases: &[(OvfOp, OvfRef)] = &[
            (OvfOp::Add, i64::overflowing_add),
            (OvfOp::Sub, i64::overflowing_sub),
            (OvfOp::Mul, i64::overflowing_mul),
        ];
        let inputs: &[i64] = &[0, 1, -1, 2, i64::MAX, i64::MIN, i64::MAX / 2 + 1, 1 << 32];
        for (op, reference) in cases {
            let g = f2(compile(&mut j, &ovf_fn(*op)).unwrap().0);
            for &a in inputs {
                for &b in inputs {
                    let (r, o) = reference(a, b);
                    let want = r.wrapping_add(if o { 10 } else { 0 });
                    assert_eq!(g(a as usize, b as usize) as i64, want, "{op:?} {a} {b}");
                }
            }
        }
        let add = f2(compile(&mut j, &ovf_fn(OvfOp::Add)).unwrap().0);
        assert_eq!(add(i64::MAX as usize, 1) as i64, i64::MIN + 10);
        assert_eq!(add(i64::MAX as usize, 0) as i64, i64::MAX);
    }

    #[test]
    fn switch_and_cold_blocks() {
        let mut j = jit();
        // f(v) = [100, 101, 102, 101][v] else 7; the default block is cold. IR block 0 is also
        // a loop header (entered again once from b1 when v == 9), which the backend must allow.
        let mut f = Function::new("sw");
        let v = f.vreg(Ty::Uint);
        f.params.push(v);
        let r = f.vreg(Ty::Int);
        let t: Vec<Block> = (0..3).map(|_| f.block()).collect();
        let dflt = f.block();
        let again = f.block();
        let nine = f.vreg(Ty::Int);
        let c = f.vreg(Ty::Bool);
        f.data_mut(dflt).cold = true;
        term(
            &mut f,
            Block(0),
            Term::Switch {
                v,
                targets: vec![t[0], t[1], t[2], t[1]],
                default: again,
            },
        );
        for (k, blk) in t.iter().enumerate() {
            push(
                &mut f,
                *blk,
                Inst::Iconst {
                    dst: r,
                    imm: 100 + k as i64,
                },
            );
            term(&mut f, *blk, Term::Return(r));
        }
        push(&mut f, again, Inst::Iconst { dst: nine, imm: 9 });
        push(
            &mut f,
            again,
            Inst::Cmp {
                cond: Cond::Eq,
                dst: c,
                a: v,
                b: nine,
            },
        );
        // v == 9: go round again with v = 2.
        let set2 = f.block();
        push(&mut f, set2, Inst::Iconst { dst: v, imm: 2 });
        term(&mut f, set2, Term::Jump(Block(0)));
        term(
            &mut f,
            again,
            Term::Branch {
                cond: c,
                then: set2,
                else_: dflt,
            },
        );
        push(&mut f, dflt, Inst::Iconst { dst: r, imm: 7 });
        term(&mut f, dflt, Term::Return(r));
        let g = f1(compile(&mut j, &f).unwrap().0);
        assert_eq!(g(0), 100);
        assert_eq!(g(1), 101);
        assert_eq!(g(2), 102);
        assert_eq!(g(3), 101);
        assert_eq!(g(4), 7);
        assert_eq!(g(9), 102);
        assert_eq!(g(usize::MAX), 7);
        assert_eq!(g(1 << 40), 7);

        // An empty switch always goes to the default.
        let mut e = Function::new("empty");
        let v = e.vreg(Ty::Int);
        e.params.push(v);
        let d = e.block();
        term(
            &mut e,
            Block(0),
            Term::Switch {
                v,
                targets: vec![],
                default: d,
            },
        );
        term(&mut e, d, Term::Return(v));
        let g = f1(compile(&mut j, &e).unwrap().0);
        assert_eq!(g(0), 0);
        assert_eq!(g(5), 5);
    }

    extern "C" fn h1(ctx: usize) -> usize {
        ctx.wrapping_mul(3)
    }
    extern "C" fn h2(ctx: usize, a: usize) -> usize {
        ctx.wrapping_mul(1000).wrapping_add(a)
    }
    extern "C" fn h3(ctx: usize, a: usize, b: usize) -> usize {
        ctx.wrapping_mul(1000).wrapping_add(a * 10 + b)
    }
    extern "C" fn h4(ctx: usize, a: usize, b: usize, c: usize) -> usize {
        ctx.wrapping_mul(1000).wrapping_add(a * 100 + b * 10 + c)
    }

    #[test]
    fn helper_calls() {
        // Each entry points to the test function of its arity; BinaryOp's is tagged by adding
        // one million so that the table index is checked too.
        extern "C" fn binary_op(ctx: usize, a: usize, b: usize, c: usize) -> usize {
            1_000_000 + h4(ctx, a, b, c)
        }
        let table: Vec<usize> = Helper::ALL
            .iter()
            .map(|h| match (h, h.arity()) {
                (Helper::BinaryOp, _) => binary_op as *const () as usize,
                (_, 1) => h1 as *const () as usize,
                (_, 2) => h2 as *const () as usize,
                (_, 3) => h3 as *const () as usize,
                (_, 4) => h4 as *const () as usize,
                (_, n) => panic!("arity {n}"),
            })
            .collect();
        let mut j = jit_with(&table);

        // f(ctx, a, b) = i = Interrupt(ctx) ; x = LoadGlobal(ctx, a) ;
        //   y = StoreGlobal(ctx, a, b) ; z = SetItem(ctx, a, b, 7) ; w = BinaryOp(ctx, 1, 2, 3)
        //   return x + y + z + w + i
        // The poll goes through a trampoline that leaves its result in the context's AUX
        // word, so ctx is a real context-sized buffer here.
        let mut f = Function::new("calls");
        let ctx = f.vreg(Ty::Ptr);
        let a = f.vreg(Ty::Int);
        let b = f.vreg(Ty::Int);
        f.params.extend([ctx, a, b]);
        let [x, y, z, w, i, seven, k1, k2, k3] = [(); 9].map(|_| f.vreg(Ty::Int));
        let b0 = Block(0);
        let call = |f: &mut Function, helper, args: Vec<VReg>, dst| {
            push(f, b0, Inst::Call { helper, args, dst });
        };
        call(&mut f, Helper::Interrupt, vec![ctx], Some(i));
        call(&mut f, Helper::LoadGlobal, vec![ctx, a], Some(x));
        call(&mut f, Helper::StoreGlobal, vec![ctx, a, b], Some(y));
        push(&mut f, b0, Inst::Iconst { dst: seven, imm: 7 });
        call(&mut f, Helper::SetItem, vec![ctx, a, b, seven], Some(z));
        for (r, k) in [(k1, 1), (k2, 2), (k3, 3)] {
            push(&mut f, b0, Inst::Iconst { dst: r, imm: k });
        }
        call(&mut f, Helper::BinaryOp, vec![ctx, k1, k2, k3], Some(w));
        for r in [y, z, w, i] {
            push(
                &mut f,
                b0,
                Inst::Bin {
                    op: BinOp::Add,
                    dst: x,
                    a: x,
                    b: r,
                },
            );
        }
        term(&mut f, b0, Term::Return(x));
        let g = f3(compile(&mut j, &f).unwrap().0);
        let mut context = [0usize; 32];
        let (c, a, b) = (context.as_mut_ptr() as usize, 4usize, 5usize);
        let want = [
            h2(c, a),
            h3(c, a, b),
            h4(c, a, b, 7),
            1_000_000usize.wrapping_add(h4(c, 1, 2, 3)),
            h1(c),
        ]
        .iter()
        .fold(0usize, |sum, v| sum.wrapping_add(*v));
        assert_eq!(g(c, a, b), want);
    }

    // Release builds skip the verifier in `Jit::compile`.
    #[cfg(debug_assertions)]
    #[test]
    fn rejects_invalid_ir_without_panicking() {
        let mut j = jit();
        let f = Function::new("unterminated");
        let e = compile(&mut j, &f).unwrap_err();
        assert!(e.contains("not terminated"), "{e}");
        // The Jit is still usable afterwards.
        let g = f1(compile(&mut j, &sum_loop()).unwrap().0);
        assert_eq!(g(5), 10);
    }

    #[test]
    fn unreachable_blocks_and_many_functions() {
        let mut j = jit();
        let mut f = Function::new("unreach");
        let a = f.vreg(Ty::Int);
        f.params.push(a);
        let dead = f.block();
        let x = f.vreg(Ty::Int);
        term(&mut f, Block(0), Term::Return(a));
        // A dead block that reads a never-assigned register and loops on itself.
        push(
            &mut f,
            dead,
            Inst::Bin {
                op: BinOp::Add,
                dst: x,
                a: x,
                b: a,
            },
        );
        term(&mut f, dead, Term::Jump(dead));
        for k in 0..50usize {
            let g = f1(compile(&mut j, &f).unwrap().0);
            assert_eq!(g(k), k);
        }
    }
}
