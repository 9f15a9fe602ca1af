//! Adjacent string literals: `"a" 'b'` is one constant, bytes only with bytes, and any
//! f-string among them turns the whole run into one `JoinedStr`.

use alloc::string::String;
use alloc::vec::Vec;

use super::fstring::JoinedParts;
use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind};
use crate::lexer::{StrToken, Tok};

impl Parser {
    /// One or more adjacent string tokens, concatenated.
    #[inline(never)]
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let first = self.at;
        while matches!(self.peek(), Tok::Str(_)) {
            self.advance();
        }
        let end = self.at;
        let (mut has_bytes, mut has_str, mut has_format) = (false, false, false);
        for token in &self.tokens[first..end] {
            if let Tok::Str(literal) = &token.kind {
                match **literal {
                    StrToken::Bytes(_) => has_bytes = true,
                    StrToken::Str(_) => has_str = true,
                    StrToken::Format(_) => has_format = true,
                }
            }
        }
        if has_bytes && (has_str || has_format) {
            let at = self.tokens[end - 1].end;
            return Err(self.error_at(at, "cannot mix bytes and nonbytes literals"));
        }
        if has_bytes {
            let mut bytes = Vec::new();
            for index in first..end {
                if let StrToken::Bytes(part) = self.take_literal(index) {
                    bytes.extend_from_slice(&part);
                }
            }
            return Ok(Expr {
                kind: ExprKind::Constant(Constant::Bytes(bytes)),
                pos,
            });
        }
        if !has_format {
            let mut text = String::new();
            for index in first..end {
                if let StrToken::Str(part) = self.take_literal(index) {
                    if text.is_empty() {
                        text = part
                    } else {
                        text.push_str(&part)
                    }
                }
            }
            return Ok(Expr {
                kind: ExprKind::Constant(Constant::Str(text)),
                pos,
            });
        }
        let mut parts = JoinedParts::new(pos);
        for index in first..end {
            let token_end = self.tokens[index].end;
            match self.take_literal(index) {
                StrToken::Str(text) => parts.push_text(&text),
                StrToken::Format(body) => self.fstring(&body, token_end, &mut parts)?,
                StrToken::Bytes(_) => {}
            }
        }
        Ok(Expr {
            kind: ExprKind::JoinedStr(parts.finish()),
            pos,
        })
    }

    /// Moves a string literal's payload out of its (already consumed) token.
    fn take_literal(&mut self, index: usize) -> StrToken {
        match &mut self.tokens[index].kind {
            Tok::Str(literal) => core::mem::replace(&mut **literal, StrToken::Str(String::new())),
            _ => StrToken::Str(String::new()),
        }
    }
}
