//! String literal tokens: prefixes, quotes, finding the closing quote, decoding the body.
//!
//! f-strings are delimited exactly like other strings (in Python 3.11 an embedded expression
//! cannot contain the enclosing quote), so the lexer only finds their end and hands the raw
//! body to the parser's f-string module.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;

use super::escape::{decode_bytes, decode_str};
use super::token::{FStringBody, StrToken, Tok};
use super::{LexError, Lexer, Urgency};
use crate::ast::Pos;

/// The letters before the opening quote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Prefix {
    bytes: bool,
    raw: bool,
    format: bool,
}

impl Prefix {
    /// The prefix spelled `word` (any case), if it is one Python accepts.
    pub(super) fn parse(word: &str) -> Option<Prefix> {
        if word.len() > 2 {
            return None;
        }
        let mut prefix = Prefix::default();
        let mut unicode = false;
        for letter in word.bytes() {
            let seen = match letter.to_ascii_lowercase() {
                b'r' => core::mem::replace(&mut prefix.raw, true),
                b'b' => core::mem::replace(&mut prefix.bytes, true),
                b'f' => core::mem::replace(&mut prefix.format, true),
                b'u' => core::mem::replace(&mut unicode, true),
                _ => return None,
            };
            if seen {
                return None;
            }
        }
        // `u` combines with nothing; `b` and `f` exclude each other.
        let invalid = (unicode && word.len() > 1) || (prefix.bytes && prefix.format);
        (!invalid).then_some(prefix)
    }
}

impl Lexer<'_> {
    /// Lexes a string literal whose opening quote is the next character.
    pub(super) fn string(&mut self, start: Pos, prefix: Prefix) -> Result<(), LexError> {
        let quote = self.src.as_bytes()[self.at];
        let triple = self.peek_byte_at(1) == Some(quote) && self.peek_byte_at(2) == Some(quote);
        self.bump_ascii(if triple { 3 } else { 1 });
        let body_start = self.pos();
        let body_begin = self.at;
        let body_end = loop {
            match self.peek_byte() {
                None => return Err(self.unterminated(start, triple)),
                Some(b'\n') if !triple => return Err(self.unterminated(start, false)),
                Some(b'\\') => {
                    self.bump_ascii(1);
                    self.bump();
                }
                Some(byte) if byte == quote => {
                    if !triple {
                        self.bump_ascii(1);
                        break self.at - 1;
                    }
                    if self.peek_byte_at(1) == Some(quote) && self.peek_byte_at(2) == Some(quote) {
                        self.bump_ascii(3);
                        break self.at - 3;
                    }
                    self.bump_ascii(1);
                }
                Some(_) => self.bump(),
            }
        };
        let body = &self.src[body_begin..body_end];
        let end = self.pos();
        // CPython's parser, not its tokenizer, decodes literals: these errors surface only
        // when parsing gets this far.
        let decode_error = |msg: String| LexError {
            error: crate::error::CompileError::syntax(msg, end.line, end.col),
            urgency: Urgency::WhenReached,
        };
        let value = if prefix.format {
            StrToken::Format(FStringBody {
                text: String::from(body),
                start: body_start,
                raw: prefix.raw,
            })
        } else if prefix.bytes {
            if !body.is_ascii() {
                let msg = "bytes can only contain ASCII literal characters";
                return Err(self.error(msg, start, Urgency::WhenReached));
            }
            let bytes = if prefix.raw {
                body.as_bytes().to_vec()
            } else {
                decode_bytes(body).map_err(decode_error)?
            };
            StrToken::Bytes(bytes)
        } else if prefix.raw {
            StrToken::Str(String::from(body))
        } else {
            StrToken::Str(decode_str(body).map_err(decode_error)?)
        };
        self.push(Tok::Str(Box::new(value)), start);
        Ok(())
    }

    fn unterminated(&self, start: Pos, triple: bool) -> LexError {
        // CPython counts a final newline as ending the last line, not as starting another.
        let at_eof = self.peek_byte().is_none();
        let line = if at_eof && self.col == 0 && self.line > start.line {
            self.line - 1
        } else {
            self.line
        };
        let what = if triple {
            "unterminated triple-quoted string literal"
        } else {
            "unterminated string literal"
        };
        let mut err = self.error(
            format!("{what} (detected at line {line})"),
            start,
            Urgency::Immediate,
        );
        err.error.incomplete = triple;
        err
    }
}

#[cfg(test)]
mod tests {
    use super::Prefix;

    #[test]
    fn prefixes() {
        for word in ["r", "R", "b", "Rb", "bR", "f", "fR", "rF", "u", "U", "br"] {
            assert!(Prefix::parse(word).is_some(), "{word}");
        }
        for word in ["ur", "bf", "rr", "x", "rbf", "fb", "bu"] {
            assert!(Prefix::parse(word).is_none(), "{word}");
        }
    }
}
