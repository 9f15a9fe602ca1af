//! Lowering tests: Python source compiled by the frontend, lowered, verified and printed.

use emit::lower::{Mode, lower};

fn code_of(src: &str, name: &str) -> frontend::bytecode::CodeObject {
    let module = frontend::compile_source(
        src,
        "t.py",
        frontend::Mode::Exec,
        &frontend::Options::default(),
    )
    .expect("compiles");
    fn find(
        c: &frontend::bytecode::CodeObject,
        name: &str,
    ) -> Option<frontend::bytecode::CodeObject> {
        for k in &c.consts {
            if let frontend::bytecode::Const::Code(inner) = k {
                if inner.name == name {
                    return Some((**inner).clone());
                }
                if let Some(x) = find(inner, name) {
                    return Some(x);
                }
            }
        }
        None
    }
    find(&module, name).expect("function present")
}

#[test]
fn sum_loop_lowers_and_verifies() {
    let c = code_of(
        "@micropython.native\ndef f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n",
        "f",
    );
    let f = lower(&c, Mode::Native, 8).expect("lowers");
    emit::verify::verify(&f).expect("verifies");
}

fn check(src: &str, name: &str, mode: Mode) -> emit::ir::Function {
    let c = code_of(src, name);
    let f = lower(&c, mode, 8).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    if let Err(e) = emit::verify::verify(&f) {
        panic!("{name}: {e}\n{}", emit::print::print(&f));
    }
    f
}

#[test]
fn every_construct_lowers() {
    let src = include_str!("../../tests/native/constructs.py");
    for name in ["f", "g", "gen", "err", "outer", "inner", "fib", "big", "w"] {
        check(src, name, Mode::Native);
    }
}
