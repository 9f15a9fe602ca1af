//! Unit tests for the lexer: token streams, indentation and the lexer's error messages.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::*;
use crate::ast::Constant;

fn kinds(src: &str) -> Vec<Tok> {
    let lexed = tokenize(src);
    assert_eq!(lexed.error, None, "{src:?}");
    lexed.tokens.into_iter().map(|token| token.kind).collect()
}

fn name(text: &str) -> Tok {
    Tok::Name(String::from(text))
}

fn error(src: &str) -> (String, u32, u32, ErrorKind) {
    let err = tokenize(src).error.expect("an error").error;
    (err.msg, err.line, err.col, err.kind)
}

#[test]
fn simple_line() {
    use Tok::*;
    assert_eq!(
        kinds("x = 1\n"),
        [
            name("x"),
            Equal,
            Number(Constant::Int(1)),
            Newline,
            EndMarker
        ]
    );
    assert_eq!(kinds("x"), [name("x"), Newline, EndMarker]);
    assert_eq!(kinds(""), [EndMarker]);
    assert_eq!(kinds("# only a comment\n\n"), [EndMarker]);
}

#[test]
fn operators() {
    use Tok::*;
    assert_eq!(
        kinds("a **= b //= c @= d -> ... := != <<= >>="),
        [
            name("a"),
            DoubleStarEqual,
            name("b"),
            DoubleSlashEqual,
            name("c"),
            AtEqual,
            name("d"),
            RArrow,
            Ellipsis,
            ColonEqual,
            NotEqual,
            LeftShiftEqual,
            RightShiftEqual,
            Newline,
            EndMarker
        ]
    );
    assert_eq!(kinds("a $ b")[1], Unknown('$'));
}

#[test]
fn indentation() {
    use Tok::*;
    let src = "if x:\n    y\n\n    # comment\n        \n    z\nw\n";
    assert_eq!(
        kinds(src),
        [
            If,
            name("x"),
            Colon,
            Newline,
            Indent,
            name("y"),
            Newline,
            name("z"),
            Newline,
            Dedent,
            name("w"),
            Newline,
            EndMarker
        ]
    );
    assert_eq!(
        kinds("if x:\n  if y:\n    z"),
        [
            If,
            name("x"),
            Colon,
            Newline,
            Indent,
            If,
            name("y"),
            Colon,
            Newline,
            Indent,
            name("z"),
            Newline,
            Dedent,
            Dedent,
            EndMarker
        ]
    );
    // Tab then spaces, consistently, is fine.
    assert!(tokenize("if True:\n\t  x = 1\n\t  y = 2\n").error.is_none());
}

#[test]
fn brackets_and_continuations() {
    use Tok::*;
    assert_eq!(
        kinds("(a,\n   b)\n"),
        [LPar, name("a"), Comma, name("b"), RPar, Newline, EndMarker]
    );
    assert_eq!(
        kinds("a = \\\n  b\r\n"),
        [name("a"), Equal, name("b"), Newline, EndMarker]
    );
}

#[test]
fn positions_count_characters() {
    let lexed = tokenize("é = 'ü' + x");
    let cols: Vec<u32> = lexed.tokens.iter().map(|token| token.start.col).collect();
    assert_eq!(cols[..4], [1, 3, 5, 9]);
}

#[test]
fn strings() {
    let lexed = kinds(
        r#"'a\n' b"\x41" r'\n' f"{x}" '''multi
line'''"#,
    );
    assert_eq!(
        lexed[0],
        Tok::Str(Box::new(StrToken::Str(String::from("a\n"))))
    );
    assert_eq!(lexed[1], Tok::Str(Box::new(StrToken::Bytes(b"A".to_vec()))));
    assert_eq!(
        lexed[2],
        Tok::Str(Box::new(StrToken::Str(String::from("\\n"))))
    );
    let Tok::Str(fstring) = &lexed[3] else {
        panic!()
    };
    let StrToken::Format(body) = &**fstring else {
        panic!()
    };
    assert_eq!(
        (body.text.as_str(), body.start),
        ("{x}", Pos { line: 1, col: 23 })
    );
    assert_eq!(
        lexed[4],
        Tok::Str(Box::new(StrToken::Str(String::from("multi\nline"))))
    );
}

#[test]
fn errors() {
    use ErrorKind::*;
    assert_eq!(
        error("x = 'abc"),
        (
            "unterminated string literal (detected at line 1)".into(),
            1,
            5,
            Syntax
        )
    );
    assert_eq!(
        error("x = 1\ny = '''abc\n"),
        (
            "unterminated triple-quoted string literal (detected at line 2)".into(),
            2,
            5,
            Syntax
        )
    );
    assert_eq!(
        error("if x:\n    pass\n  y"),
        (
            "unindent does not match any outer indentation level".into(),
            3,
            4,
            Indentation
        )
    );
    assert_eq!(
        error("if True:\n        x = 1\n\ty = 2"),
        (
            "inconsistent use of tabs and spaces in indentation".into(),
            3,
            1,
            Tab
        )
    );
    assert_eq!(
        error("foo(1, 2"),
        ("'(' was never closed".into(), 1, 4, Syntax)
    );
    assert_eq!(
        error("x = [1, 2)"),
        (
            "closing parenthesis ')' does not match opening parenthesis '['".into(),
            1,
            10,
            Syntax
        )
    );
    assert_eq!(
        error("x = [1,\n2)"),
        (
            "closing parenthesis ')' does not match opening parenthesis '[' on line 1".into(),
            2,
            2,
            Syntax
        )
    );
    assert_eq!(error("x = )"), ("unmatched ')'".into(), 1, 5, Syntax));
    assert_eq!(
        error("x = 1abc"),
        ("invalid decimal literal".into(), 1, 5, Syntax)
    );
    assert_eq!(
        error("x = 1__0"),
        ("invalid decimal literal".into(), 1, 6, Syntax)
    );
    assert_eq!(
        error("x = 0b12"),
        ("invalid digit '2' in binary literal".into(), 1, 8, Syntax)
    );
    assert_eq!(
        error("x = a € b"),
        ("invalid character '€' (U+20AC)".into(), 1, 7, Syntax)
    );
    assert_eq!(
        error("x = a\u{a0}b"),
        (
            "invalid non-printable character U+00A0".into(),
            1,
            6,
            Syntax
        )
    );
    assert_eq!(
        error("x = 1 \\ y"),
        (
            "unexpected character after line continuation character".into(),
            1,
            8,
            Syntax
        )
    );
    assert_eq!(
        error("x = \\"),
        ("unexpected EOF while parsing".into(), 1, 6, Syntax)
    );
    assert_eq!(
        error("b'é'"),
        (
            "bytes can only contain ASCII literal characters".into(),
            1,
            1,
            Syntax
        )
    );
    assert_eq!(
        error(r#""\x4""#).0,
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"
    );
    assert_eq!(error(r#""\x4""#).2, 6);
    let deep = "(".repeat(201);
    assert_eq!(
        error(&deep),
        ("too many nested parentheses".into(), 1, 201, Syntax)
    );
}

#[test]
fn incomplete_input() {
    for src in ["x = (1,", "'''abc", "x = 1 \\", "x = [\n"] {
        assert!(tokenize(src).error.unwrap().error.incomplete, "{src:?}");
    }
    assert!(!tokenize("x = 'abc").error.unwrap().error.incomplete);
}

#[test]
fn too_many_indentation_levels() {
    let mut src = String::new();
    for level in 0..100 {
        src.push_str(&" ".repeat(level));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(100));
    src.push_str("pass\n");
    assert_eq!(
        error(&src),
        (
            "too many levels of indentation".into(),
            101,
            1,
            ErrorKind::Indentation
        )
    );
}
