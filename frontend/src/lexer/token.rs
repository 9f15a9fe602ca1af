//! The token vocabulary: what the lexer produces and the parser consumes.
//!
//! Keywords and operators are plain enum variants so the parser can match on them cheaply;
//! names, numbers and string literals carry their (already decoded) payload.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{Constant, Pos};

/// One token with the span it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// What the token is.
    pub kind: Tok,
    /// Where its first character is.
    pub start: Pos,
    /// Just past its last character (1-based column of the next character).
    pub end: Pos,
}

/// A string literal token, escapes already decoded unless it is an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum StrToken {
    /// A `str` literal (`'...'`, `r"..."`, `u'''...'''`).
    Str(String),
    /// A `bytes` literal (`b'...'`, `rb"..."`).
    Bytes(Vec<u8>),
    /// An f-string: the parser splits the body into text and fields.
    Format(FStringBody),
}

/// The undecoded text between the quotes of an f-string, with where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct FStringBody {
    /// The source text between the quotes (newlines normalised to `\n`).
    pub text: String,
    /// Position of the first character of `text`.
    pub start: Pos,
    /// True for `rf"..."`: backslashes are literal.
    pub raw: bool,
}

/// Every kind of token.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier that is not a keyword.
    Name(String),
    /// A numeric literal: `Int`, `BigInt`, `Float` or `Imaginary`.
    Number(Constant),
    /// A string, bytes or f-string literal.
    Str(Box<StrToken>),
    /// The end of a logical line.
    Newline,
    /// The indentation grew.
    Indent,
    /// The indentation shrank by one level.
    Dedent,
    /// The end of the input.
    EndMarker,
    /// A character that starts no token (`$`, `?`, a lone `!`); the parser rejects it.
    Unknown(char),
    /// Where lexing stopped because of an error (the error travels beside the tokens).
    Error,

    /// `False`
    False,
    /// `None`
    None,
    /// `True`
    True,
    /// `and`
    And,
    /// `as`
    As,
    /// `assert`
    Assert,
    /// `async`
    Async,
    /// `await`
    Await,
    /// `break`
    Break,
    /// `class`
    Class,
    /// `continue`
    Continue,
    /// `def`
    Def,
    /// `del`
    Del,
    /// `elif`
    Elif,
    /// `else`
    Else,
    /// `except`
    Except,
    /// `finally`
    Finally,
    /// `for`
    For,
    /// `from`
    From,
    /// `global`
    Global,
    /// `if`
    If,
    /// `import`
    Import,
    /// `in`
    In,
    /// `is`
    Is,
    /// `lambda`
    Lambda,
    /// `nonlocal`
    Nonlocal,
    /// `not`
    Not,
    /// `or`
    Or,
    /// `pass`
    Pass,
    /// `raise`
    Raise,
    /// `return`
    Return,
    /// `try`
    Try,
    /// `while`
    While,
    /// `with`
    With,
    /// `yield`
    Yield,

    /// `(`
    LPar,
    /// `)`
    RPar,
    /// `[`
    LSqb,
    /// `]`
    RSqb,
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `:`
    Colon,
    /// `,`
    Comma,
    /// `;`
    Semi,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `/`
    Slash,
    /// `|`
    VBar,
    /// `&`
    Amper,
    /// `<`
    Less,
    /// `>`
    Greater,
    /// `=`
    Equal,
    /// `.`
    Dot,
    /// `%`
    Percent,
    /// `==`
    EqEqual,
    /// `!=`
    NotEqual,
    /// `<=`
    LessEqual,
    /// `>=`
    GreaterEqual,
    /// `~`
    Tilde,
    /// `^`
    Circumflex,
    /// `<<`
    LeftShift,
    /// `>>`
    RightShift,
    /// `**`
    DoubleStar,
    /// `+=`
    PlusEqual,
    /// `-=`
    MinEqual,
    /// `*=`
    StarEqual,
    /// `/=`
    SlashEqual,
    /// `%=`
    PercentEqual,
    /// `&=`
    AmperEqual,
    /// `|=`
    VBarEqual,
    /// `^=`
    CircumflexEqual,
    /// `<<=`
    LeftShiftEqual,
    /// `>>=`
    RightShiftEqual,
    /// `**=`
    DoubleStarEqual,
    /// `//`
    DoubleSlash,
    /// `//=`
    DoubleSlashEqual,
    /// `@`
    At,
    /// `@=`
    AtEqual,
    /// `->`
    RArrow,
    /// `...`
    Ellipsis,
    /// `:=`
    ColonEqual,
}

/// The keyword spelled `word`, if it is one.
pub fn keyword(word: &str) -> Option<Tok> {
    Some(match word {
        "False" => Tok::False,
        "None" => Tok::None,
        "True" => Tok::True,
        "and" => Tok::And,
        "as" => Tok::As,
        "assert" => Tok::Assert,
        "async" => Tok::Async,
        "await" => Tok::Await,
        "break" => Tok::Break,
        "class" => Tok::Class,
        "continue" => Tok::Continue,
        "def" => Tok::Def,
        "del" => Tok::Del,
        "elif" => Tok::Elif,
        "else" => Tok::Else,
        "except" => Tok::Except,
        "finally" => Tok::Finally,
        "for" => Tok::For,
        "from" => Tok::From,
        "global" => Tok::Global,
        "if" => Tok::If,
        "import" => Tok::Import,
        "in" => Tok::In,
        "is" => Tok::Is,
        "lambda" => Tok::Lambda,
        "nonlocal" => Tok::Nonlocal,
        "not" => Tok::Not,
        "or" => Tok::Or,
        "pass" => Tok::Pass,
        "raise" => Tok::Raise,
        "return" => Tok::Return,
        "try" => Tok::Try,
        "while" => Tok::While,
        "with" => Tok::With,
        "yield" => Tok::Yield,
        _ => return None,
    })
}

/// The operator token spelled by the longest prefix of `text`, and that prefix's length.
pub fn operator(text: &[u8]) -> Option<(Tok, usize)> {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let (first, second, third) = (at(0), at(1), at(2));
    let three = match (first, second, third) {
        (b'*', b'*', b'=') => Some(Tok::DoubleStarEqual),
        (b'/', b'/', b'=') => Some(Tok::DoubleSlashEqual),
        (b'<', b'<', b'=') => Some(Tok::LeftShiftEqual),
        (b'>', b'>', b'=') => Some(Tok::RightShiftEqual),
        (b'.', b'.', b'.') => Some(Tok::Ellipsis),
        _ => None,
    };
    if let Some(tok) = three {
        return Some((tok, 3));
    }
    let two = match (first, second) {
        (b'!', b'=') => Some(Tok::NotEqual),
        (b'%', b'=') => Some(Tok::PercentEqual),
        (b'&', b'=') => Some(Tok::AmperEqual),
        (b'*', b'*') => Some(Tok::DoubleStar),
        (b'*', b'=') => Some(Tok::StarEqual),
        (b'+', b'=') => Some(Tok::PlusEqual),
        (b'-', b'=') => Some(Tok::MinEqual),
        (b'-', b'>') => Some(Tok::RArrow),
        (b'/', b'/') => Some(Tok::DoubleSlash),
        (b'/', b'=') => Some(Tok::SlashEqual),
        (b':', b'=') => Some(Tok::ColonEqual),
        (b'<', b'<') => Some(Tok::LeftShift),
        (b'<', b'=') => Some(Tok::LessEqual),
        (b'=', b'=') => Some(Tok::EqEqual),
        (b'>', b'=') => Some(Tok::GreaterEqual),
        (b'>', b'>') => Some(Tok::RightShift),
        (b'@', b'=') => Some(Tok::AtEqual),
        (b'^', b'=') => Some(Tok::CircumflexEqual),
        (b'|', b'=') => Some(Tok::VBarEqual),
        _ => None,
    };
    if let Some(tok) = two {
        return Some((tok, 2));
    }
    let one = match first {
        b'(' => Tok::LPar,
        b')' => Tok::RPar,
        b'[' => Tok::LSqb,
        b']' => Tok::RSqb,
        b'{' => Tok::LBrace,
        b'}' => Tok::RBrace,
        b':' => Tok::Colon,
        b',' => Tok::Comma,
        b';' => Tok::Semi,
        b'+' => Tok::Plus,
        b'-' => Tok::Minus,
        b'*' => Tok::Star,
        b'/' => Tok::Slash,
        b'|' => Tok::VBar,
        b'&' => Tok::Amper,
        b'<' => Tok::Less,
        b'>' => Tok::Greater,
        b'=' => Tok::Equal,
        b'.' => Tok::Dot,
        b'%' => Tok::Percent,
        b'~' => Tok::Tilde,
        b'^' => Tok::Circumflex,
        b'@' => Tok::At,
        _ => return None,
    };
    Some((one, 1))
}
