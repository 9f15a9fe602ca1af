//! Property test: generated integer-expression functions give the same results as bytecode,
//! `@micropython.native` and `@micropython.viper`.
//!
//! Each case is one Python program: every generated expression becomes three functions (plain,
//! native and viper) called on the same inputs. Native must agree with bytecode exactly,
//! exceptions included. Viper computes in 64-bit machine words, so it is checked only on
//! expressions built from ring operations (`+ - * & | ^ ~`, unary minus, `<<` by a constant),
//! whose results wrap consistently: viper's result must equal bytecode's reduced to a signed
//! 64-bit word. The program prints `ok` per function set, or what differed.

use proptest::prelude::*;
use std::process::Command;

#[derive(Clone, Debug)]
enum Expr {
    Var(&'static str),
    Const(i64),
    Neg(Box<Expr>),
    Invert(Box<Expr>),
    Bin(&'static str, Box<Expr>, Box<Expr>),
    Shl(Box<Expr>, u32),
    /// Not ring operations: native only.
    Other(&'static str, Box<Expr>, Box<Expr>),
    Cmp(&'static str, Box<Expr>, Box<Expr>),
}

impl Expr {
    fn ring_only(&self) -> bool {
        match self {
            Expr::Var(_) | Expr::Const(_) => true,
            Expr::Neg(e) | Expr::Invert(e) | Expr::Shl(e, _) => e.ring_only(),
            Expr::Bin(_, a, b) => a.ring_only() && b.ring_only(),
            Expr::Other(..) | Expr::Cmp(..) => false,
        }
    }

    fn python(&self) -> String {
        match self {
            Expr::Var(v) => (*v).to_string(),
            Expr::Const(c) if *c < 0 => format!("({c})"),
            Expr::Const(c) => c.to_string(),
            Expr::Neg(e) => format!("(-{})", e.python()),
            Expr::Invert(e) => format!("(~{})", e.python()),
            Expr::Bin(op, a, b) | Expr::Other(op, a, b) => {
                format!("({} {op} {})", a.python(), b.python())
            }
            Expr::Shl(e, k) => format!("({} << {k})", e.python()),
            Expr::Cmp(op, a, b) => format!("int({} {op} {})", a.python(), b.python()),
        }
    }
}

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        prop_oneof![Just("a"), Just("b"), Just("c")].prop_map(Expr::Var),
        (-20i64..20).prop_map(Expr::Const),
        any::<i64>().prop_map(Expr::Const),
        prop_oneof![
            Just(1i64 << 30),
            Just(i64::MAX),
            Just(i64::MIN + 1),
            Just(1 << 62)
        ]
        .prop_map(Expr::Const),
    ];
    leaf.prop_recursive(5, 24, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| Expr::Neg(Box::new(e))),
            inner.clone().prop_map(|e| Expr::Invert(Box::new(e))),
            (
                prop_oneof![
                    Just("+"),
                    Just("-"),
                    Just("*"),
                    Just("&"),
                    Just("|"),
                    Just("^")
                ],
                inner.clone(),
                inner.clone()
            )
                .prop_map(|(op, a, b)| Expr::Bin(op, Box::new(a), Box::new(b))),
            (inner.clone(), 0u32..70).prop_map(|(e, k)| Expr::Shl(Box::new(e), k)),
            (
                prop_oneof![Just("//"), Just("%"), Just(">>")],
                inner.clone(),
                inner.clone()
            )
                .prop_map(|(op, a, b)| Expr::Other(op, Box::new(a), Box::new(b))),
            (
                prop_oneof![
                    Just("<"),
                    Just("<="),
                    Just("=="),
                    Just("!="),
                    Just(">"),
                    Just(">=")
                ],
                inner.clone(),
                inner
            )
                .prop_map(|(op, a, b)| Expr::Cmp(op, Box::new(a), Box::new(b))),
        ]
    })
}

fn program(exprs: &[Expr], inputs: &[(i64, i64, i64)]) -> String {
    let mut p = String::from(
        "import micropython\n\
         def wrap(x):\n    return ((x + (1 << 63)) % (1 << 64)) - (1 << 63)\n\
         def outcome(f, *args):\n    try:\n        return f(*args)\n    except Exception as e:\n        return type(e).__name__\n",
    );
    p.push_str(&format!("INPUTS = {inputs:?}\n"));
    for (i, e) in exprs.iter().enumerate() {
        // Shifts by 64 or more are not ring operations on a machine word in viper.
        let viper_ok =
            e.ring_only() && !e.python().contains("<< 6") && !e.python().contains("<< 7");
        let src = e.python();
        p.push_str(&format!(
            "def plain{i}(a, b, c):\n    return {src}\n\
             @micropython.native\ndef native{i}(a, b, c):\n    return {src}\n"
        ));
        if viper_ok {
            p.push_str(&format!(
                "@micropython.viper\ndef viper{i}(a: int, b: int, c: int) -> int:\n    return {src}\n"
            ));
        }
        p.push_str(&format!(
            "bad = []\n\
             for a, b, c in INPUTS:\n\
             \x20   want = outcome(plain{i}, a, b, c)\n\
             \x20   got = outcome(native{i}, a, b, c)\n\
             \x20   if got != want:\n\
             \x20       bad.append(('native', a, b, c, want, got))\n"
        ));
        if viper_ok {
            p.push_str(&format!(
                "\x20   if isinstance(want, int):\n\
                 \x20       v = outcome(viper{i}, a, b, c)\n\
                 \x20       if v != wrap(want):\n\
                 \x20           bad.append(('viper', a, b, c, wrap(want), v))\n"
            ));
        }
        p.push_str("print('ok' if not bad else bad)\n");
    }
    p
}

fn inputs() -> impl Strategy<Value = Vec<(i64, i64, i64)>> {
    let small = -1000i64..1000;
    let word = prop_oneof![
        small.clone(),
        any::<i64>(),
        Just(0),
        Just(-1),
        Just(i64::MIN)
    ];
    prop::collection::vec((word.clone(), word.clone(), word), 4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn bytecode_native_and_viper_agree(exprs in prop::collection::vec(expr(), 8), ins in inputs()) {
        let src = program(&exprs, &ins);
        let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
            .args(["-c", &src])
            .output()
            .expect("run pyrite");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(out.status.success(), "{src}\n{stderr}");
        let want = "ok\n".repeat(exprs.len());
        prop_assert_eq!(stdout.as_ref(), want.as_str(), "program:\n{}", src);
    }
}
