//! f-string bodies (Python 3.11 rules): literal text with `{{`/`}}` escapes, and replacement
//! fields `{expression[=][!conversion][:format_spec]}` whose expressions are parsed by a
//! nested parser over the field's source text, keeping their real positions in the file.
//!
//! Finding where a field's expression ends follows CPython's `fstring_find_expr`: quotes and
//! brackets are tracked, and `!`, `:`, `=` and `}` end it only outside brackets (and not as
//! part of `!=`, `==`, `<=`, `>=`). Expressions may not contain backslashes or `#`.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::expr::boxed;
use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind, Pos};
use crate::error::CompileError;
use crate::lexer::{self, FStringBody, Tok, Token, decode_str};

/// How deeply brackets may nest inside one replacement field.
const MAX_FIELD_BRACKETS: usize = 200;

/// The parts of a `JoinedStr` being built: adjacent text is merged and empty text dropped.
pub(super) struct JoinedParts {
    parts: Vec<Expr>,
    text: String,
    /// Every part carries the position of the whole literal, as in CPython.
    pos: Pos,
}

impl JoinedParts {
    pub(super) fn new(pos: Pos) -> Self {
        JoinedParts {
            parts: Vec::new(),
            text: String::new(),
            pos,
        }
    }

    pub(super) fn push_text(&mut self, text: &str) {
        self.text.push_str(text);
    }

    fn push_field(&mut self, field: ExprKind) {
        self.flush_text();
        self.parts.push(Expr {
            kind: field,
            pos: self.pos,
        });
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let text = core::mem::take(&mut self.text);
            self.parts.push(Expr {
                kind: ExprKind::Constant(Constant::Str(text)),
                pos: self.pos,
            });
        }
    }

    pub(super) fn finish(mut self) -> Vec<Expr> {
        self.flush_text();
        self.parts
    }
}

/// A cursor over one f-string body.
struct Body<'a> {
    text: &'a str,
    at: usize,
    raw: bool,
    /// Where the literal token ends: CPython reports f-string errors there.
    token_end: Pos,
    /// Position bookkeeping: `tracked_pos` is where byte `tracked` of `text` is in the file.
    tracked: usize,
    tracked_pos: Pos,
}

impl Body<'_> {
    fn byte(&self, index: usize) -> Option<u8> {
        self.text.as_bytes().get(index).copied()
    }

    fn at_end(&self) -> bool {
        self.at >= self.text.len()
    }

    /// Moves past the character at the cursor.
    fn skip_char(&mut self) {
        self.at += self.text[self.at..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
    }

    /// The file position of byte `index` (indices must be asked for in increasing order).
    fn pos_of(&mut self, index: usize) -> Pos {
        for ch in self.text[self.tracked..index].chars() {
            if ch == '\n' {
                self.tracked_pos = Pos {
                    line: self.tracked_pos.line + 1,
                    col: 1,
                };
            } else {
                self.tracked_pos.col += 1;
            }
        }
        self.tracked = index;
        self.tracked_pos
    }
}

impl Parser {
    /// Adds the text and fields of one f-string literal to `parts`.
    pub(super) fn fstring(
        &mut self,
        literal: &FStringBody,
        token_end: Pos,
        parts: &mut JoinedParts,
    ) -> PResult<()> {
        let mut body = Body {
            text: &literal.text,
            at: 0,
            raw: literal.raw,
            token_end,
            tracked: 0,
            tracked_pos: literal.start,
        };
        self.fstring_text(&mut body, 0, parts)
    }

    /// Text and fields up to the end of the body, or (in a format spec, `level > 0`) up to the
    /// `}` that closes the enclosing field, which is left for the caller.
    fn fstring_text(
        &mut self,
        body: &mut Body,
        level: u32,
        parts: &mut JoinedParts,
    ) -> PResult<()> {
        let mut literal_start = body.at;
        while let Some(byte) = body.byte(body.at) {
            if byte == b'\\' && !body.raw {
                body.at += 1;
                if body.byte(body.at) == Some(b'N') && body.byte(body.at + 1) == Some(b'{') {
                    // The braces of `\N{NAME}` delimit a character name, not a field.
                    body.at = body.text[body.at..]
                        .find('}')
                        .map_or(body.text.len(), |close| body.at + close + 1);
                } else if !matches!(body.byte(body.at), None | Some(b'{' | b'}')) {
                    body.skip_char();
                }
                continue;
            }
            if byte != b'{' && byte != b'}' {
                body.skip_char();
                continue;
            }
            // Doubled braces are literal, except inside a format spec (`{x:{{y}}}` nests).
            if level == 0 {
                if body.byte(body.at + 1) == Some(byte) {
                    self.fstring_literal(body, literal_start, body.at + 1, parts)?;
                    body.at += 2;
                    literal_start = body.at;
                    continue;
                }
                if byte == b'}' {
                    return Err(self.fstring_error(body, "single '}' is not allowed"));
                }
            }
            self.fstring_literal(body, literal_start, body.at, parts)?;
            if byte == b'}' {
                return Ok(());
            }
            self.fstring_field(body, level, parts)?;
            literal_start = body.at;
        }
        self.fstring_literal(body, literal_start, body.at, parts)
    }

    /// Decodes the literal text `start..end` of the body into `parts`.
    fn fstring_literal(
        &mut self,
        body: &Body,
        start: usize,
        end: usize,
        parts: &mut JoinedParts,
    ) -> PResult<()> {
        let chunk = &body.text[start..end];
        if chunk.is_empty() {
            return Ok(());
        }
        if body.raw {
            parts.push_text(chunk);
            return Ok(());
        }
        match decode_str(chunk) {
            Ok(text) => {
                parts.push_text(&text);
                Ok(())
            }
            Err(msg) => Err(self.error_at(body.token_end, msg)),
        }
    }

    /// One replacement field; the cursor is on its `{` and ends after its `}`.
    fn fstring_field(
        &mut self,
        body: &mut Body,
        level: u32,
        parts: &mut JoinedParts,
    ) -> PResult<()> {
        body.at += 1;
        if level >= 2 {
            return Err(self.fstring_error(body, "expressions nested too deeply"));
        }
        let expr_start = body.at;
        self.scan_field_expression(body)?;
        if body.at_end() {
            return Err(self.fstring_error(body, "expecting '}'"));
        }
        let source = &body.text[expr_start..body.at];
        if source
            .bytes()
            .all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\x0c'))
        {
            let msg = match body.byte(body.at) {
                Some(stop @ (b'!' | b':' | b'=')) => {
                    format!("expression required before '{}'", char::from(stop))
                }
                _ => String::from("empty expression not allowed"),
            };
            return Err(self.fstring_error(body, &msg));
        }
        let brace = body.pos_of(expr_start - 1);
        let start = body.pos_of(expr_start);
        let value = self.embedded_expression(source, brace, start)?;

        // `{x=}` shows the expression's text (and the spaces around `=`) before its value.
        let mut debug_text = None;
        if body.byte(body.at) == Some(b'=') {
            body.at += 1;
            while body
                .byte(body.at)
                .is_some_and(|byte| byte.is_ascii_whitespace())
            {
                body.at += 1;
            }
            if body.at_end() {
                return Err(self.fstring_error(body, "expecting '}'"));
            }
            debug_text = Some(&body.text[expr_start..body.at]);
        }
        let mut conversion = None;
        if body.byte(body.at) == Some(b'!') {
            body.at += 1;
            let Some(kind) = body.text[body.at..].chars().next() else {
                return Err(self.fstring_error(body, "expecting '}'"));
            };
            body.skip_char();
            if !matches!(kind, 's' | 'r' | 'a') {
                let msg = "invalid conversion character: expected 's', 'r', or 'a'";
                return Err(self.fstring_error(body, msg));
            }
            conversion = Some(kind);
        }
        let mut format_spec = None;
        if body.byte(body.at) == Some(b':') {
            body.at += 1;
            if body.at_end() {
                return Err(self.fstring_error(body, "expecting '}'"));
            }
            let mut spec = JoinedParts::new(parts.pos);
            self.fstring_text(body, level + 1, &mut spec)?;
            format_spec = Some(Box::new(Expr {
                kind: ExprKind::JoinedStr(spec.finish()),
                pos: parts.pos,
            }));
        }
        if body.byte(body.at) != Some(b'}') {
            return Err(self.fstring_error(body, "expecting '}'"));
        }
        body.at += 1;
        if debug_text.is_some() && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        if let Some(text) = debug_text {
            parts.push_text(text);
        }
        parts.push_field(ExprKind::FormattedValue {
            value: boxed(value),
            conversion,
            format_spec,
        });
        Ok(())
    }

    /// Moves the cursor to the end of a field's expression (CPython's `fstring_find_expr`).
    fn scan_field_expression(&mut self, body: &mut Body) -> PResult<()> {
        let mut quote: Option<(u8, bool)> = None;
        let mut brackets: Vec<u8> = Vec::new();
        while let Some(byte) = body.byte(body.at) {
            if byte == b'\\' {
                return Err(self.error_at(
                    body.token_end,
                    "f-string expression part cannot include a backslash",
                ));
            }
            if let Some((quote_byte, triple)) = quote {
                if byte == quote_byte && !triple {
                    quote = None;
                } else if byte == quote_byte
                    && body.byte(body.at + 1) == Some(byte)
                    && body.byte(body.at + 2) == Some(byte)
                {
                    quote = None;
                    body.at += 2;
                }
                body.skip_char();
                continue;
            }
            let next = body.byte(body.at + 1);
            match byte {
                b'\'' | b'"' => {
                    let triple = next == Some(byte) && body.byte(body.at + 2) == Some(byte);
                    quote = Some((byte, triple));
                    body.at += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if brackets.len() >= MAX_FIELD_BRACKETS {
                        return Err(self.fstring_error(body, "too many nested parenthesis"));
                    }
                    brackets.push(byte);
                }
                b'#' => {
                    return Err(self.error_at(
                        body.token_end,
                        "f-string expression part cannot include '#'",
                    ));
                }
                b'!' | b'=' | b'<' | b'>' if brackets.is_empty() && next == Some(b'=') => {
                    body.at += 1
                }
                b'<' | b'>' => {}
                b'!' | b':' | b'}' | b'=' if brackets.is_empty() => return Ok(()),
                b')' | b']' | b'}' => {
                    let Some(open) = brackets.pop() else {
                        let msg = format!("unmatched '{}'", char::from(byte));
                        return Err(self.fstring_error(body, &msg));
                    };
                    if !matches!((open, byte), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                        let (close, open) = (char::from(byte), char::from(open));
                        let msg = format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                        );
                        return Err(self.fstring_error(body, &msg));
                    }
                }
                _ => {}
            }
            body.skip_char();
        }
        if quote.is_some() {
            return Err(self.fstring_error(body, "unterminated string"));
        }
        if let Some(&open) = brackets.last() {
            let msg = format!("unmatched '{}'", char::from(open));
            return Err(self.fstring_error(body, &msg));
        }
        Ok(())
    }

    /// An `f-string: ...` error, reported where the literal ends as CPython 3.11 does.
    #[cold]
    #[inline(never)]
    fn fstring_error(&mut self, body: &Body, msg: &str) -> CompileError {
        self.error_at(body.token_end, format!("f-string: {msg}"))
    }

    /// Parses a field's expression text, which starts at `start` in the file, after the
    /// field's `{` at `brace`.
    fn embedded_expression(&mut self, source: &str, brace: Pos, start: Pos) -> PResult<Expr> {
        // CPython 3.11 compiles `(` + text + `)`: the field is a parenthesised group, so it may
        // be a tuple or a generator expression (which then start at the `{`) or a `yield`.
        let mut lexed = lexer::tokenize_embedded(source, start);
        let last = lexed.tokens.len() - 1;
        let end = lexed.tokens[last].start;
        lexed.tokens.insert(
            last,
            Token {
                kind: Tok::RPar,
                start: end,
                end,
            },
        );
        lexed.tokens.insert(
            0,
            Token {
                kind: Tok::LPar,
                start: brace,
                end: start,
            },
        );
        let mut nested = Parser::new(lexed, true, self.depth);
        let result = nested
            .field_expression()
            .map_err(|err| nested.rank_errors(err));
        if let Some(deferred) = nested.deferred.take()
            && self.deferred.is_none()
        {
            self.deferred = Some(deferred);
        }
        result
    }

    /// The field's expression: one parenthesised atom filling the (wrapped) text.
    fn field_expression(&mut self) -> PResult<Expr> {
        let value = self.atom()?;
        if !self.check(&Tok::EndMarker) {
            return Err(self.invalid_syntax());
        }
        Ok(value)
    }
}
