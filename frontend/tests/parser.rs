//! Parser tests through the public API: every construct's tree (rendered in `ast.dump` style
//! by `parser/dump.rs`), positions, modes, and (in `parser/errors.rs`) every error message.

// A test crate's root looks for modules beside it; these live in `parser/`.
#[path = "parser/dump.rs"]
mod dump;
#[path = "parser/errors.rs"]
mod errors;
#[path = "parser/stdlib.rs"]
mod stdlib;
#[path = "parser/trees.rs"]
mod trees;

use frontend::Mode;
use frontend::ast::{Module, StmtKind};
use frontend::parser::parse;

/// The tree of a module, without positions.
fn tree(source: &str) -> String {
    let module = parse(source, Mode::Exec).unwrap_or_else(|err| panic!("{source:?}: {err:?}"));
    dump::module(&module, false)
}

/// The statements of a module, without positions (the inside of `Module(body=[...])`).
fn body(source: &str) -> String {
    let text = tree(source);
    text.strip_prefix("Module(body=[").and_then(|rest| rest.strip_suffix("])")).unwrap_or(&text).to_string()
}

/// The tree of an expression (parsed in `eval` mode), without positions.
fn expr(source: &str) -> String {
    let module = parse(source, Mode::Eval).unwrap_or_else(|err| panic!("{source:?}: {err:?}"));
    match &module.body[..] {
        [frontend::ast::Stmt { kind: StmtKind::Expr(value), .. }] => dump::expr(value),
        _ => panic!("eval mode must give one expression statement"),
    }
}

/// The tree of a module with positions.
fn positioned(source: &str) -> String {
    let module: Module = parse(source, Mode::Exec).unwrap_or_else(|err| panic!("{source:?}: {err:?}"));
    dump::module(&module, true)
}

#[test]
fn smoke() {
    assert_eq!(expr("1 + 2"), "BinOp(left=Constant(value=1), op=Add, right=Constant(value=2))");
    assert_eq!(body("x = 1"), "Assign(targets=[Name(id=\"x\")], value=Constant(value=1))");
    assert_eq!(positioned("x"), "Module(body=[Expr@1:1(value=Name@1:1(id=\"x\"))])");
}
