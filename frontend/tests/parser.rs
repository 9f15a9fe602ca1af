//! Parser tests through the public API: trees rendered in `ast.dump` style (`parser/dump.rs`)
//! and compared with CPython's (`parser/trees.rs`), positions, the three modes, the
//! `incomplete` flag, nesting limits, and (in `parser/errors.rs`) every error message.

// A test crate's root looks for modules beside it; these live in `parser/`.
#[path = "parser/dump.rs"]
mod dump;
#[path = "parser/errors.rs"]
mod errors;
#[path = "parser/stdlib.rs"]
mod stdlib;
#[path = "parser/trees.rs"]
mod trees;

use frontend::ast::{Constant, Expr, ExprKind, Module, Pos, Stmt, StmtKind};
use frontend::parser::parse;
use frontend::{CompileError, ErrorKind, Mode};

/// The statements of a module, without positions (the inside of `Module(body=[...])`).
fn body(source: &str) -> String {
    let module = parse(source, Mode::Exec).unwrap_or_else(|err| panic!("{source:?}: {err:?}"));
    let text = dump::module(&module, false);
    text.strip_prefix("Module(body=[")
        .and_then(|rest| rest.strip_suffix("])"))
        .unwrap_or(&text)
        .to_string()
}

/// The tree of an expression (parsed in `eval` mode), without positions.
fn expr(source: &str) -> String {
    let module = parse(source, Mode::Eval).unwrap_or_else(|err| panic!("{source:?}: {err:?}"));
    match &module.body[..] {
        [
            Stmt {
                kind: StmtKind::Expr(value),
                ..
            },
        ] => dump::expr(value),
        _ => panic!("eval mode must give one expression statement"),
    }
}

fn error(source: &str, mode: Mode) -> CompileError {
    match parse(source, mode) {
        Ok(module) => panic!("{source:?} parsed: {}", dump::module(&module, false)),
        Err(err) => err,
    }
}

/// `(source, module with positions as CPython dumps it)`.
const CPYTHON_POSITIONS: &[(&str, &str)] = &[
    (
        "x = (a + b) * c.d[e](f)",
        "Module(body=[Assign@1:1(targets=[Name@1:1(id=\"x\")], value=BinOp@1:5(left=BinOp@1:6(left=Name@1:6(id=\"a\"), op=Add, right=Name@1:10(id=\"b\")), op=Mult, right=Call@1:15(func=Subscript@1:15(value=Attribute@1:15(value=Name@1:15(id=\"c\"), attr=\"d\"), slice=Name@1:19(id=\"e\")), args=[Name@1:22(id=\"f\")], keywords=[])))])",
    ),
    (
        "@dec\ndef f(a, *b, c=1, **d):\n    return (yield)",
        "Module(body=[FunctionDef@2:1(name=\"f\", args=arguments(posonlyargs=[], args=[arg@2:7(arg=\"a\")], vararg=arg@2:11(arg=\"b\"), kwonlyargs=[arg@2:14(arg=\"c\")], kw_defaults=[Constant@2:16(value=1)], kwarg=arg@2:21(arg=\"d\"), defaults=[]), body=[Return@3:5(value=Yield@3:13())], decorator_list=[Name@1:2(id=\"dec\")])])",
    ),
    (
        "f(x for x in y)",
        "Module(body=[Expr@1:1(value=Call@1:1(func=Name@1:1(id=\"f\"), args=[GeneratorExp@1:2(elt=Name@1:3(id=\"x\"), generators=[comprehension(target=Name@1:9(id=\"x\"), iter=Name@1:14(id=\"y\"), ifs=[], is_async=0)])], keywords=[]))])",
    ),
    (
        "x = f'''a{\n  b +\n    c}'''",
        "Module(body=[Assign@1:1(targets=[Name@1:1(id=\"x\")], value=JoinedStr@1:5(values=[Constant(value=\"a\"), FormattedValue(value=BinOp@2:3(left=Name@2:3(id=\"b\"), op=Add, right=Name@3:5(id=\"c\")), conversion=-1)]))])",
    ),
    (
        "é = ü + 'ß'.x",
        "Module(body=[Assign@1:1(targets=[Name@1:1(id=\"é\")], value=BinOp@1:5(left=Name@1:5(id=\"ü\"), op=Add, right=Attribute@1:9(value=Constant@1:9(value=\"ß\"), attr=\"x\")))])",
    ),
    (
        "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
        "Module(body=[If@1:1(test=Name@1:4(id=\"a\"), body=[Pass@2:5()], orelse=[If@3:1(test=Name@3:6(id=\"b\"), body=[Pass@4:5()], orelse=[Pass@6:5()])])])",
    ),
    (
        "try:\n    pass\nexcept E as e:\n    pass",
        "Module(body=[Try@1:1(body=[Pass@2:5()], handlers=[ExceptHandler@3:1(type=Name@3:8(id=\"E\"), name=\"e\", body=[Pass@4:5()])], orelse=[], finalbody=[])])",
    ),
    (
        "from . import (a as b)\nimport c.d",
        "Module(body=[ImportFrom@1:1(names=[alias@1:16(name=\"a\", asname=\"b\")], level=1), Import@2:1(names=[alias@2:8(name=\"c.d\")])])",
    ),
    (
        "class C(B, k=1): pass",
        "Module(body=[ClassDef@1:1(name=\"C\", bases=[Name@1:9(id=\"B\")], keywords=[keyword@1:12(arg=\"k\", value=Constant@1:14(value=1))], body=[Pass@1:18()], decorator_list=[])])",
    ),
    (
        "with (a as b, c): pass",
        "Module(body=[With@1:1(items=[withitem(context_expr=Name@1:7(id=\"a\"), optional_vars=Name@1:12(id=\"b\")), withitem(context_expr=Name@1:15(id=\"c\"))], body=[Pass@1:19()])])",
    ),
    (
        "x = {**a, 'b': [*c], 'd': (e, *f)}",
        "Module(body=[Assign@1:1(targets=[Name@1:1(id=\"x\")], value=Dict@1:5(keys=[None, Constant@1:11(value=\"b\"), Constant@1:22(value=\"d\")], values=[Name@1:8(id=\"a\"), List@1:16(elts=[Starred@1:17(value=Name@1:18(id=\"c\"))]), Tuple@1:27(elts=[Name@1:28(id=\"e\"), Starred@1:31(value=Name@1:32(id=\"f\"))])]))])",
    ),
    (
        "a[1:2, ::3]",
        "Module(body=[Expr@1:1(value=Subscript@1:1(value=Name@1:1(id=\"a\"), slice=Tuple@1:3(elts=[Slice@1:3(lower=Constant@1:3(value=1), upper=Constant@1:5(value=2)), Slice@1:8(step=Constant@1:10(value=3))])))])",
    ),
    (
        "lambda x: (x, -x)",
        "Module(body=[Expr@1:1(value=Lambda@1:1(args=arguments(posonlyargs=[], args=[arg@1:8(arg=\"x\")], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Tuple@1:11(elts=[Name@1:12(id=\"x\"), UnaryOp@1:15(op=USub, operand=Name@1:16(id=\"x\"))])))])",
    ),
    (
        "not a or b and c < d",
        "Module(body=[Expr@1:1(value=BoolOp@1:1(op=Or, values=[UnaryOp@1:1(op=Not, operand=Name@1:5(id=\"a\")), BoolOp@1:10(op=And, values=[Name@1:10(id=\"b\"), Compare@1:16(left=Name@1:16(id=\"c\"), ops=[Lt], comparators=[Name@1:20(id=\"d\")])])]))])",
    ),
    (
        "async def f():\n    async with a: pass",
        "Module(body=[AsyncFunctionDef@1:1(name=\"f\", args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncWith@2:5(items=[withitem(context_expr=Name@2:16(id=\"a\"))], body=[Pass@2:19()])], decorator_list=[])])",
    ),
    (
        "x = 1; y = (1,\n 2)",
        "Module(body=[Assign@1:1(targets=[Name@1:1(id=\"x\")], value=Constant@1:5(value=1)), Assign@1:8(targets=[Name@1:8(id=\"y\")], value=Tuple@1:12(elts=[Constant@1:13(value=1), Constant@2:2(value=2)]))])",
    ),
    (
        "f'{x!r}' f'{(y, z)}' f'{a, b}'",
        "Module(body=[Expr@1:1(value=JoinedStr@1:1(values=[FormattedValue(value=Name@1:4(id=\"x\"), conversion=114), FormattedValue(value=Tuple@1:13(elts=[Name@1:14(id=\"y\"), Name@1:17(id=\"z\")]), conversion=-1), FormattedValue(value=Tuple@1:24(elts=[Name@1:25(id=\"a\"), Name@1:28(id=\"b\")]), conversion=-1)]))])",
    ),
    (
        "if x:\r\n\ty = 1\r\n",
        "Module(body=[If@1:1(test=Name@1:4(id=\"x\"), body=[Assign@2:2(targets=[Name@2:2(id=\"y\")], value=Constant@2:6(value=1))], orelse=[])])",
    ),
];

#[test]
fn positions_match_cpython() {
    for &(source, expected) in CPYTHON_POSITIONS {
        let module: Module =
            parse(source, Mode::Exec).unwrap_or_else(|err| panic!("{source:?}: {err:?}"));
        assert_eq!(dump::module(&module, true), expected, "{source:?}");
    }
}

#[test]
fn literal_values() {
    assert_eq!(
        expr("9223372036854775807"),
        "Constant(value=9223372036854775807)"
    );
    let module = parse("0x_FFFF_FFFF_FFFF_FFFF_FF\n", Mode::Eval).unwrap();
    let StmtKind::Expr(value) = &module.body[0].kind else {
        panic!()
    };
    let ExprKind::Constant(Constant::BigInt { digits, radix }) = &value.kind else {
        panic!("{value:?}")
    };
    assert_eq!((digits.as_str(), *radix), ("FFFFFFFFFFFFFFFFFF", 16));
    let float = Expr {
        kind: ExprKind::Constant(Constant::Float(10.25e10)),
        pos: Pos::default(),
    };
    assert_eq!(expr("1_0.2_5e1_0"), dump::expr(&float));
    assert_eq!(
        expr(r"'\N{GREEK SMALL LETTER ALPHA}\N{snowman}\N{CJK UNIFIED IDEOGRAPH-6C34}'"),
        "Constant(value=\"α☃水\")"
    );
    // A lone surrogate cannot live in a Rust string.
    assert_eq!(expr(r"'\ud800'"), "Constant(value=\"\u{fffd}\")");
    assert_eq!(expr(r"b'\xff' b'\0'"), "Constant(value=b\"\\xff\\x00\")");
}

#[test]
fn eval_mode() {
    assert_eq!(
        expr("1, 2,"),
        "Tuple(elts=[Constant(value=1), Constant(value=2)])"
    );
    assert_eq!(expr("x\n\n"), "Name(id=\"x\")");
    let module = parse("a + b\n", Mode::Eval).unwrap();
    assert_eq!(module.body.len(), 1);
    assert_eq!(module.body[0].pos, Pos { line: 1, col: 1 });
    let err = error("x = 1", Mode::Eval);
    assert_eq!(
        (err.msg.as_str(), err.line, err.col),
        ("invalid syntax", 1, 3)
    );
    let err = error(" 1", Mode::Eval);
    assert_eq!(
        (err.kind, err.msg.as_str(), err.line, err.col),
        (ErrorKind::Indentation, "unexpected indent", 1, 1)
    );
    assert_eq!(error("1;", Mode::Eval).msg, "invalid syntax");
    assert_eq!(error("*a,", Mode::Eval).msg, "invalid syntax");
    assert_eq!(error("yield", Mode::Eval).msg, "invalid syntax");
}

#[test]
fn single_mode() {
    assert_eq!(parse("a = 1; b = 2\n", Mode::Single).unwrap().body.len(), 2);
    assert_eq!(
        parse("if x:\n    pass\n\n", Mode::Single)
            .unwrap()
            .body
            .len(),
        1
    );
    assert!(parse("", Mode::Single).unwrap().body.is_empty());
    assert!(
        parse("# just a comment\n", Mode::Single)
            .unwrap()
            .body
            .is_empty()
    );
    let err = error("a = 1\nb = 2\n", Mode::Single);
    let multiple = "multiple statements found while compiling a single statement";
    assert_eq!((err.msg.as_str(), err.line, err.col), (multiple, 1, 6));
    let err = error("if x:\n  pass\nb\n", Mode::Single);
    assert_eq!(
        (err.msg.as_str(), err.line, err.col),
        ("invalid syntax", 3, 1)
    );
}

#[test]
fn incomplete_input_asks_for_more() {
    let incomplete = [
        "if x:\n",
        "if x:",
        "def f():\n",
        "def f():\n    if x:\n",
        "class C:",
        "for x in y:\n",
        "while x:\n",
        "with a:\n",
        "try:\n",
        "if x:\n    pass\nelse:\n",
        "x = (1,",
        "x = [\n",
        "foo(1,\n  2,",
        "x = {",
        "'''abc",
        "x = f'''{a}\n",
        "x = 1 \\",
        "x = 1 \\\n",
        "@foo\n",
        "@foo\n@bar\n",
    ];
    for source in incomplete {
        for mode in [Mode::Single, Mode::Exec] {
            let err = error(source, mode);
            assert!(err.incomplete, "{source:?} {mode:?}: {err:?}");
        }
    }
    let complete_but_wrong = [
        "x = 'abc",
        "x = 1 +",
        "if x\n",
        "x = )",
        "1 +\n",
        "def f(x y):\n",
        "if x:\npass\n",
    ];
    for source in complete_but_wrong {
        let err = error(source, Mode::Single);
        assert!(!err.incomplete, "{source:?}: {err:?}");
    }
}

/// Deep nesting is refused with a `SyntaxError`, not a stack overflow. (Unoptimised builds use
/// large stack frames, so this runs on a thread with a generous stack.)
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let run = || {
        let nested = |open: &str, close: &str, depth: usize| {
            format!("{}1{}", open.repeat(depth), close.repeat(depth))
        };
        for (open, close) in [("(", ")"), ("[", "]"), ("f(", ")"), ("{", "}"), ("a[", "]")] {
            assert!(
                parse(&nested(open, close, 200), Mode::Eval).is_ok(),
                "{open} 200"
            );
            let err = error(&nested(open, close, 201), Mode::Eval);
            let col = 201 * open.len() as u32;
            assert_eq!(
                (err.msg.as_str(), err.line, err.col),
                ("too many nested parentheses", 1, col)
            );
        }
        assert!(parse(&format!("{}1", "-".repeat(200)), Mode::Eval).is_ok());
        for prefix in ["-", "not ", "lambda: ", "1 if 1 else ", "2 ** "] {
            let err = error(&format!("{}1", prefix.repeat(1000)), Mode::Eval);
            assert_eq!(err.msg, "too many nested parentheses", "{prefix}");
        }
        let err = error(
            &format!("x = {}1{}", "(-".repeat(150), ")".repeat(150)),
            Mode::Exec,
        );
        assert_eq!(err.msg, "too many nested parentheses");
    };
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn line_endings_tabs_and_form_feeds() {
    assert_eq!(body("x = 1\r\ny = 2\r\n"), body("x = 1\ny = 2\n"));
    assert_eq!(body("x = 1\ry = 2\r"), body("x = 1\ny = 2\n"));
    assert_eq!(
        body("if x:\n\ty = 1\n\tz = 2\n"),
        body("if x:\n    y = 1\n    z = 2\n")
    );
    assert_eq!(
        body("\x0cx = 1\nif x:\n  \x0c  y\n"),
        body("x = 1\nif x:\n  y\n")
    );
    assert_eq!(
        body("s = '''a\r\nb'''\r\n"),
        "Assign(targets=[Name(id=\"s\")], value=Constant(value=\"a\\u{a}b\"))"
    );
    assert_eq!(body("\u{feff}x = 1\n"), body("x = 1\n"));
    assert_eq!(body(""), "");
    assert_eq!(body("\n\n# comment\n   \n"), "");
}

#[test]
fn unicode_identifiers_and_columns() {
    assert_eq!(
        body("ｗｉｄｔｈ = µ"),
        "Assign(targets=[Name(id=\"width\")], value=Name(id=\"μ\"))"
    );
    let err = error("ñ = 'ü' + €", Mode::Exec);
    assert_eq!(
        (err.msg.as_str(), err.line, err.col),
        ("invalid character '€' (U+20AC)", 1, 11)
    );
}

#[test]
fn fstring_details() {
    assert_eq!(
        expr("f'{x=}'"),
        "JoinedStr(values=[Constant(value=\"x=\"), FormattedValue(value=Name(id=\"x\"), conversion=114)])"
    );
    assert_eq!(
        expr("f'{x = !s:>{w}}'"),
        "JoinedStr(values=[Constant(value=\"x = \"), FormattedValue(value=Name(id=\"x\"), conversion=115, \
         format_spec=JoinedStr(values=[Constant(value=\">\"), FormattedValue(value=Name(id=\"w\"), conversion=-1)]))])"
    );
    assert_eq!(
        expr("f'{x:}'"),
        "JoinedStr(values=[FormattedValue(value=Name(id=\"x\"), conversion=-1, format_spec=JoinedStr(values=[]))])"
    );
    assert_eq!(
        expr("'a{}a' f'{x}'"),
        "JoinedStr(values=[Constant(value=\"a{}a\"), FormattedValue(value=Name(id=\"x\"), conversion=-1)])"
    );
    assert_eq!(
        expr("f'{3!=4}'"),
        "JoinedStr(values=[FormattedValue(value=Compare(left=Constant(value=3), ops=[NotEq], \
         comparators=[Constant(value=4)]), conversion=-1)])"
    );
    assert!(
        expr("f'{x for x in y}'")
            .starts_with("JoinedStr(values=[FormattedValue(value=GeneratorExp(")
    );
    assert_eq!(
        error("f'{1_}'", Mode::Eval).msg,
        "f-string: invalid decimal literal"
    );
    let err = error("x = f'''\n{a b}'''", Mode::Exec);
    let comma = "f-string: invalid syntax. Perhaps you forgot a comma?";
    assert_eq!((err.msg.as_str(), err.line, err.col), (comma, 2, 2));
}

#[test]
fn decorated_definitions_start_at_def() {
    let module = parse("@a\n@b\nasync def f(): pass\n", Mode::Exec).unwrap();
    assert_eq!(module.body[0].pos, Pos { line: 3, col: 1 });
}
