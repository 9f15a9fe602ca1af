//! The lexer: source text to tokens, including the NEWLINE/INDENT/DEDENT structure.
//!
//! It mirrors CPython's tokenizer: physical lines are joined inside brackets and after a
//! backslash, blank and comment-only lines produce nothing, indentation is measured with tabs
//! to the next multiple of 8 and checked against a tab-size-1 measure (`TabError`). The whole
//! input is tokenized up front; the first error stops the lexer and is handed to the parser
//! beside the tokens, which decides (as CPython does) whether it or a parse error is reported.

mod escape;
mod identifier;
mod number;
mod string;
mod token;
mod unicode_names;

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::Pos;
use crate::error::{CompileError, ErrorKind};

pub use escape::{decode_str, lookup_name};
pub use token::{FStringBody, StrToken, Tok, Token};

/// How deeply brackets may nest (CPython's `MAXLEVEL`).
const MAX_BRACKET_DEPTH: usize = 200;
/// How many indentation levels a block structure may have (CPython's `MAXINDENT`).
const MAX_INDENT_LEVELS: usize = 100;

/// The lexer's output: the tokens, and the error that stopped it early, if any.
#[derive(Debug)]
pub struct Tokens {
    /// The tokens; after an error the last one is `Tok::Error` at the error's position,
    /// otherwise it is `Tok::EndMarker`.
    pub tokens: Vec<Token>,
    /// The error that stopped the lexer.
    pub error: Option<LexError>,
}

/// A lexing error and how it ranks against a parse error found earlier in the input.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    /// The error itself.
    pub error: CompileError,
    /// When it wins over a parse error.
    pub urgency: Urgency,
}

/// CPython tokenizes lazily, so which error it reports depends on the error's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// Raised as an exception by CPython's tokenizer (a bad literal, an unmatched bracket...):
    /// it replaces most parse errors found earlier.
    Immediate,
    /// A bracket opened on this line is still open at the end of the input: it replaces parse
    /// errors found on later lines, or at the end.
    UnclosedBracket(u32),
    /// Indentation and continuation problems, and bad escapes in literals (which CPython's
    /// parser decodes): reported only when the parser gets there.
    WhenReached,
}

/// Tokenizes a module's source.
pub fn tokenize(source: &str) -> Tokens {
    Lexer::new(&normalize_newlines(source), Pos { line: 1, col: 1 }, false).run()
}

/// Tokenizes an expression embedded in an f-string, which starts at `start` in the file: as if
/// inside brackets (newlines are insignificant), and no NEWLINE or indentation tokens.
pub fn tokenize_embedded(source: &str, start: Pos) -> Tokens {
    Lexer::new(source, start, true).run()
}

/// CPython reads source with universal newlines: `\r\n` and a lone `\r` both become `\n`.
fn normalize_newlines(source: &str) -> Cow<'_, str> {
    if !source.contains('\r') {
        return Cow::Borrowed(source);
    }
    Cow::Owned(source.replace("\r\n", "\n").replace('\r', "\n"))
}

struct Lexer<'src> {
    src: &'src str,
    /// Byte offset of the next character.
    at: usize,
    /// Current line (1-based).
    line: u32,
    /// Characters before the cursor on the current line.
    col: u32,
    /// The line the input starts on, and the 0-based column added on that line only.
    base_line: u32,
    base_col: u32,
    /// Lexing an f-string expression rather than a module.
    embedded: bool,
    /// Indentation levels: (column with tabs to multiples of 8, column with tabs as 1).
    indents: Vec<(u32, u32)>,
    /// Open brackets and where they were opened.
    brackets: Vec<(char, Pos)>,
    tokens: Vec<Token>,
    /// A token has been produced on the current logical line (so it needs a NEWLINE).
    line_has_content: bool,
    /// The next character starts a logical line (indentation must be measured).
    at_line_start: bool,
}

impl<'src> Lexer<'src> {
    fn new(src: &'src str, start: Pos, embedded: bool) -> Self {
        // A UTF-8 byte order mark at the start of a file is not part of the program.
        let at = if src.starts_with('\u{feff}') { 3 } else { 0 };
        Lexer {
            src,
            at,
            line: start.line,
            col: 0,
            base_line: start.line,
            base_col: start.col.saturating_sub(1),
            embedded,
            indents: alloc::vec![(0, 0)],
            brackets: Vec::new(),
            tokens: Vec::new(),
            line_has_content: false,
            at_line_start: !embedded,
        }
    }

    fn run(mut self) -> Tokens {
        let error = self.lex_all().err();
        if let Some(failure) = &error {
            let at = Pos {
                line: failure.error.line,
                col: failure.error.col,
            };
            self.tokens.push(Token {
                kind: Tok::Error,
                start: at,
                end: at,
            });
        }
        Tokens {
            tokens: self.tokens,
            error,
        }
    }

    fn lex_all(&mut self) -> Result<(), LexError> {
        // Python averages about one token per five or six bytes.
        self.reserve_tokens(self.src.len() / 6 + 16)?;
        loop {
            // Room for the few tokens one step can make; growing fails as a MemoryError
            // rather than aborting, so a huge source cannot take the machine down.
            if self.tokens.capacity() - self.tokens.len() < 8 {
                self.reserve_tokens(self.tokens.len().max(64))?;
            }
            if self.at_line_start {
                self.at_line_start = false;
                self.indentation()?;
            }
            self.skip_blanks();
            let Some(byte) = self.peek_byte() else {
                return self.finish();
            };
            let start = self.pos();
            match byte {
                b'#' => self.skip_comment(),
                b'\n' => self.newline(start),
                b'\\' => self.continuation()?,
                b'0'..=b'9' => self.number(start)?,
                b'.' if self
                    .peek_byte_at(1)
                    .is_some_and(|next| next.is_ascii_digit()) =>
                {
                    self.number(start)?
                }
                b'"' | b'\'' => self.string(start, string::Prefix::default())?,
                b'a'..=b'z' | b'A'..=b'Z' | b'_' | 0x80.. => self.name_or_string(start)?,
                b'(' | b'[' | b'{' => self.open_bracket(start)?,
                b')' | b']' | b'}' => self.close_bracket(start)?,
                _ => self.operator(start)?,
            }
        }
    }

    // ----- cursor -----

    fn peek_byte(&self) -> Option<u8> {
        self.src.as_bytes().get(self.at).copied()
    }

    fn peek_byte_at(&self, ahead: usize) -> Option<u8> {
        self.src.as_bytes().get(self.at + ahead).copied()
    }

    fn peek_char(&self) -> Option<char> {
        self.src[self.at..].chars().next()
    }

    /// Moves past one character, keeping line and column up to date.
    fn bump(&mut self) {
        match self.peek_byte() {
            Some(b'\n') => {
                self.at += 1;
                self.line += 1;
                self.col = 0;
            }
            Some(byte) if byte < 0x80 => {
                self.at += 1;
                self.col += 1;
            }
            Some(_) => {
                self.at += self.peek_char().map_or(1, char::len_utf8);
                self.col += 1;
            }
            None => {}
        }
    }

    /// Moves past `count` ASCII characters on the current line.
    fn bump_ascii(&mut self, count: usize) {
        self.at += count;
        self.col += count as u32;
    }

    /// The 1-based position of the next character.
    fn pos(&self) -> Pos {
        let offset = if self.line == self.base_line {
            self.base_col
        } else {
            0
        };
        Pos {
            line: self.line,
            col: self.col + 1 + offset,
        }
    }

    fn push(&mut self, kind: Tok, start: Pos) {
        let end = self.pos();
        self.tokens.push(Token { kind, start, end });
        self.line_has_content = true;
    }

    /// Make room for `more` tokens, or fail with a `MemoryError`.
    fn reserve_tokens(&mut self, more: usize) -> Result<(), LexError> {
        if self.tokens.try_reserve(more).is_ok() {
            return Ok(());
        }
        // Room for the error token `run` adds, without growing.
        self.tokens.pop();
        let mut err = self.error(
            "source too large for the memory left",
            self.pos(),
            Urgency::Immediate,
        );
        err.error.kind = ErrorKind::Memory;
        Err(err)
    }

    fn error(&self, msg: impl Into<String>, at: Pos, urgency: Urgency) -> LexError {
        LexError {
            error: CompileError::syntax(msg, at.line, at.col),
            urgency,
        }
    }

    // ----- lines and indentation -----

    fn skip_blanks(&mut self) {
        while let Some(b' ' | b'\t' | b'\x0c') = self.peek_byte() {
            self.bump_ascii(1);
        }
    }

    fn skip_comment(&mut self) {
        let rest = &self.src.as_bytes()[self.at..];
        let len = rest
            .iter()
            .position(|&byte| byte == b'\n')
            .unwrap_or(rest.len());
        let chars = self.src[self.at..self.at + len].chars().count();
        self.at += len;
        self.col += chars as u32;
    }

    fn newline(&mut self, start: Pos) {
        let ends_logical_line = self.brackets.is_empty() && !self.embedded;
        self.bump();
        if ends_logical_line {
            if self.line_has_content {
                self.tokens.push(Token {
                    kind: Tok::Newline,
                    start,
                    end: Pos {
                        line: start.line,
                        col: start.col + 1,
                    },
                });
            }
            self.line_has_content = false;
            self.at_line_start = true;
        }
    }

    /// Measures the indentation of a new logical line and emits INDENT/DEDENT tokens.
    fn indentation(&mut self) -> Result<(), LexError> {
        let (mut col, mut alt_col) = (0u32, 0u32);
        // Indentation cannot continue over a backslash: the first one fixes the level.
        let mut continued_at = None;
        loop {
            match self.peek_byte() {
                Some(b'\\') => {
                    continued_at.get_or_insert(col);
                    self.continuation()?;
                    continue;
                }
                Some(b' ') => {
                    col += 1;
                    alt_col += 1;
                }
                Some(b'\t') => {
                    col = (col / 8 + 1) * 8;
                    alt_col += 1;
                }
                Some(b'\x0c') => {
                    col = 0;
                    alt_col = 0;
                }
                _ => break,
            }
            self.bump_ascii(1);
        }
        if matches!(self.peek_byte(), None | Some(b'#' | b'\n')) {
            return Ok(()); // A blank line: its indentation means nothing.
        }
        if let Some(first_backslash_col) = continued_at {
            (col, alt_col) = (first_backslash_col, first_backslash_col);
        }
        let start = self.pos();
        let (top, alt_top) = self.indents[self.indents.len() - 1];
        if col > top {
            if self.indents.len() >= MAX_INDENT_LEVELS {
                let mut err = self.error(
                    "too many levels of indentation",
                    Pos {
                        line: self.line,
                        col: 1,
                    },
                    Urgency::WhenReached,
                );
                err.error.kind = ErrorKind::Indentation;
                return Err(err);
            }
            if alt_col <= alt_top {
                return Err(self.tab_error());
            }
            self.indents.push((col, alt_col));
            self.tokens.push(Token {
                kind: Tok::Indent,
                start,
                end: start,
            });
            return Ok(());
        }
        while col < self.indents[self.indents.len() - 1].0 {
            self.indents.pop();
            self.tokens.push(Token {
                kind: Tok::Dedent,
                start,
                end: start,
            });
        }
        let (top, alt_top) = self.indents[self.indents.len() - 1];
        if col != top {
            let rest = &self.src[self.at..];
            let line_len = self.col as usize
                + rest[..rest.find('\n').unwrap_or(rest.len())]
                    .chars()
                    .count();
            let at = Pos {
                line: self.line,
                col: line_len as u32 + 1,
            };
            let mut err = self.error(
                "unindent does not match any outer indentation level",
                at,
                Urgency::WhenReached,
            );
            err.error.kind = ErrorKind::Indentation;
            return Err(err);
        }
        if alt_col != alt_top {
            return Err(self.tab_error());
        }
        Ok(())
    }

    fn tab_error(&self) -> LexError {
        let at = Pos {
            line: self.line,
            col: 1,
        };
        let mut err = self.error(
            "inconsistent use of tabs and spaces in indentation",
            at,
            Urgency::WhenReached,
        );
        err.error.kind = ErrorKind::Tab;
        err
    }

    /// A backslash must end the physical line; the logical line continues on the next one.
    fn continuation(&mut self) -> Result<(), LexError> {
        self.bump_ascii(1);
        let after = self.pos();
        match self.peek_byte() {
            Some(b'\n') => {
                self.bump();
                if self.peek_byte().is_none() && !self.embedded {
                    return Err(self.unexpected_eof(after));
                }
                Ok(())
            }
            None if !self.embedded => Err(self.unexpected_eof(after)),
            _ => Err(self.error(
                "unexpected character after line continuation character",
                after,
                Urgency::WhenReached,
            )),
        }
    }

    fn unexpected_eof(&self, at: Pos) -> LexError {
        let mut err = self.error("unexpected EOF while parsing", at, Urgency::WhenReached);
        err.error.incomplete = true;
        err
    }

    /// At the end of input: close the last line and every open block.
    fn finish(&mut self) -> Result<(), LexError> {
        if !self.embedded {
            if let Some(&(open, at)) = self.brackets.last() {
                let mut err = self.error(
                    format!("'{open}' was never closed"),
                    at,
                    Urgency::UnclosedBracket(at.line),
                );
                err.error.incomplete = true;
                return Err(err);
            }
            let eof = self.pos();
            if self.line_has_content {
                self.tokens.push(Token {
                    kind: Tok::Newline,
                    start: eof,
                    end: eof,
                });
            }
            for _ in 1..self.indents.len() {
                self.tokens.push(Token {
                    kind: Tok::Dedent,
                    start: eof,
                    end: eof,
                });
            }
        }
        let eof = self.pos();
        self.tokens.push(Token {
            kind: Tok::EndMarker,
            start: eof,
            end: eof,
        });
        Ok(())
    }

    // ----- tokens -----

    fn number(&mut self, start: Pos) -> Result<(), LexError> {
        match number::lex_number(&self.src.as_bytes()[self.at..]) {
            Ok((value, len)) => {
                self.bump_ascii(len);
                self.push(Tok::Number(value), start);
                Ok(())
            }
            Err(err) => {
                let at = Pos {
                    line: start.line,
                    col: start.col - 1 + err.consumed as u32,
                };
                Err(self.error(err.msg, at, Urgency::Immediate))
            }
        }
    }

    /// An identifier or keyword, or the prefix of a string literal (`rb"..."`).
    fn name_or_string(&mut self, start: Pos) -> Result<(), LexError> {
        let begin = self.at;
        while let Some(byte) = self.peek_byte() {
            if byte.is_ascii_alphanumeric() || byte == b'_' {
                self.bump_ascii(1);
            } else if byte >= 0x80
                && self
                    .peek_char()
                    .is_some_and(|ch| identifier::is_identifier_char(ch, self.at == begin))
            {
                self.bump();
            } else {
                break;
            }
        }
        if self.at == begin {
            return Err(self.invalid_character(start));
        }
        let word = &self.src[begin..self.at];
        if let Some(b'"' | b'\'') = self.peek_byte()
            && let Some(prefix) = string::Prefix::parse(word)
        {
            return self.string(start, prefix);
        }
        let kind = token::keyword(word).unwrap_or_else(|| Tok::Name(identifier::normalize(word)));
        self.push(kind, start);
        Ok(())
    }

    fn invalid_character(&self, at: Pos) -> LexError {
        let ch = self.peek_char().unwrap_or_default();
        let code = ch as u32;
        let msg = if is_printable(ch) {
            format!("invalid character '{ch}' (U+{code:04X})")
        } else {
            format!("invalid non-printable character U+{code:04X}")
        };
        self.error(msg, at, Urgency::Immediate)
    }

    fn open_bracket(&mut self, start: Pos) -> Result<(), LexError> {
        if self.brackets.len() >= MAX_BRACKET_DEPTH {
            return Err(self.error("too many nested parentheses", start, Urgency::Immediate));
        }
        let open = char::from(self.src.as_bytes()[self.at]);
        self.brackets.push((open, start));
        self.operator(start)
    }

    fn close_bracket(&mut self, start: Pos) -> Result<(), LexError> {
        let close = char::from(self.src.as_bytes()[self.at]);
        let Some((open, open_pos)) = self.brackets.pop() else {
            return Err(self.error(format!("unmatched '{close}'"), start, Urgency::Immediate));
        };
        if !matches!((open, close), ('(', ')') | ('[', ']') | ('{', '}')) {
            let mut msg = format!(
                "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
            );
            if open_pos.line != start.line {
                msg.push_str(&format!(" on line {}", open_pos.line));
            }
            return Err(self.error(msg, start, Urgency::Immediate));
        }
        self.operator(start)
    }

    fn operator(&mut self, start: Pos) -> Result<(), LexError> {
        if let Some((kind, len)) = token::operator(&self.src.as_bytes()[self.at..]) {
            self.bump_ascii(len);
            self.push(kind, start);
            return Ok(());
        }
        let ch = self.peek_char().unwrap_or_default();
        if ch == '\0' {
            return Err(self.error(
                "source code cannot contain null bytes",
                start,
                Urgency::Immediate,
            ));
        }
        if !ch.is_ascii_graphic() {
            return Err(self.invalid_character(start));
        }
        // `$`, `?`, `` ` ``, a lone `!`: CPython's parser, not its tokenizer, rejects these.
        self.bump_ascii(1);
        self.push(Tok::Unknown(ch), start);
        Ok(())
    }
}

/// Approximates `str.isprintable()` for the characters that can reach an error message.
fn is_printable(ch: char) -> bool {
    !(ch.is_control()
        || (ch.is_whitespace() && ch != ' ')
        || matches!(ch, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}'))
}

#[cfg(test)]
mod tests;
