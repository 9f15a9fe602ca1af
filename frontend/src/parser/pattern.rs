//! The `match` statement and its patterns (PEP 634).
//!
//! `match` and `case` are soft keywords: `match` starts a statement only when the logical line
//! can be a match header (something that can start an expression follows, and the line ends
//! with `:`), so `match = 1`, `match(x)` and `match[x]: int = 1` stay ordinary statements.
//! Rules CPython's compiler checks (unreachable cases, names bound twice or by only some
//! alternatives) are checked by our compiler too, in `compile::pattern`.

use alloc::boxed::Box;
use alloc::vec::Vec;

use super::expr::boxed;
use super::{PResult, Parser, can_start_expression};
use crate::ast::{
    BinOp, Constant, Expr, ExprKind, MatchCase, Pattern, PatternKind, Pos, Stmt, StmtKind, UnaryOp,
};
use crate::lexer::Tok;

impl Parser {
    /// Whether the current token is the soft keyword `match` starting a match statement.
    pub(super) fn starts_match_statement(&self) -> bool {
        if !matches!(self.peek(), Tok::Name(name) if name == "match") {
            return false;
        }
        if !can_start_expression(self.peek_nth(1)) {
            return false;
        }
        // A match header is the only logical line that ends with `:`.
        let rest = &self.tokens[self.at + 1..];
        let end = rest
            .iter()
            .position(|t| matches!(t.kind, Tok::Newline | Tok::EndMarker | Tok::Error))
            .unwrap_or(rest.len());
        end > 0
            && rest[end - 1].kind == Tok::Colon
            && rest.get(end).is_some_and(|t| t.kind == Tok::Newline)
    }

    /// `"match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT`
    pub(super) fn match_statement(&mut self) -> PResult<Stmt> {
        let pos = self.advance();
        let first = self.star_named_expression()?;
        let subject = if self.check(&Tok::Comma) {
            let first_pos = first.pos;
            let mut elts = alloc::vec![first];
            while self.eat(&Tok::Comma) && !self.check(&Tok::Colon) {
                elts.push(self.star_named_expression()?);
            }
            Expr {
                kind: ExprKind::Tuple(elts),
                pos: first_pos,
            }
        } else {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.invalid_syntax());
            }
            first
        };
        self.expect(&Tok::Colon)?;
        let newline = self.expect(&Tok::Newline)?;
        if !self.check(&Tok::Indent) {
            let at_end = self.at_end_of_input();
            let at = if at_end { newline } else { self.start() };
            let msg = alloc::format!(
                "expected an indented block after 'match' statement on line {}",
                pos.line
            );
            let mut err = self.indentation_error_at(at, msg);
            err.incomplete = at_end;
            return Err(err);
        }
        self.advance();
        let mut cases = Vec::new();
        while !self.eat(&Tok::Dedent) {
            cases.push(self.case_block()?);
        }
        Ok(Stmt {
            kind: StmtKind::Match { subject, cases },
            pos,
        })
    }

    /// `"case" patterns guard? ':' block`
    fn case_block(&mut self) -> PResult<MatchCase> {
        if !matches!(self.peek(), Tok::Name(name) if name == "case") {
            return Err(self.invalid_syntax());
        }
        let pos = self.advance();
        let pattern = self.patterns()?;
        let guard = if self.eat(&Tok::If) {
            Some(self.named_expression()?)
        } else {
            None
        };
        self.expect_colon(false)?;
        let body = self.block("'case' statement", pos.line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `patterns: open_sequence_pattern | pattern` — a bare `a, *b` is a sequence pattern.
    fn patterns(&mut self) -> PResult<Pattern> {
        let pos = self.start();
        let first = self.maybe_star_pattern()?;
        if !self.check(&Tok::Comma) {
            if matches!(first.kind, PatternKind::Star(_)) {
                return Err(self.error_at(pos, "invalid syntax"));
            }
            return Ok(first);
        }
        let mut items = alloc::vec![first];
        while self.eat(&Tok::Comma) && !self.check(&Tok::Colon) && !self.check(&Tok::If) {
            items.push(self.maybe_star_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::Sequence(items),
            pos,
        })
    }

    /// `pattern: or_pattern ['as' NAME]`
    fn pattern(&mut self) -> PResult<Pattern> {
        let pos = self.start();
        let alternative = self.or_pattern()?;
        if !self.eat(&Tok::As) {
            return Ok(alternative);
        }
        let at = self.start();
        let name = match self.peek() {
            Tok::Name(name) if name == "_" => {
                return Err(self.error_at(at, "cannot use '_' as a target"));
            }
            Tok::Name(_) if !matches!(self.peek_nth(1), Tok::Dot | Tok::LPar | Tok::Equal) => {
                self.expect_name()?.0
            }
            _ => return Err(self.error_at(at, "invalid pattern target")),
        };
        Ok(Pattern {
            kind: PatternKind::As {
                pattern: Some(Box::new(alternative)),
                name: Some(name),
            },
            pos,
        })
    }

    /// `or_pattern: '|'.closed_pattern+`
    fn or_pattern(&mut self) -> PResult<Pattern> {
        let pos = self.start();
        let first = self.closed_pattern()?;
        if !self.check(&Tok::VBar) {
            return Ok(first);
        }
        let mut alternatives = alloc::vec![first];
        while self.eat(&Tok::VBar) {
            alternatives.push(self.closed_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::Or(alternatives),
            pos,
        })
    }

    /// `maybe_star_pattern: '*' NAME | pattern`
    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if !self.check(&Tok::Star) {
            return self.pattern();
        }
        let pos = self.advance();
        let at = self.start();
        let (name, _) = match self.peek() {
            Tok::Name(_) => self.expect_name()?,
            _ => return Err(self.error_at(at, "invalid syntax")),
        };
        Ok(Pattern {
            kind: PatternKind::Star((name != "_").then_some(name)),
            pos,
        })
    }

    /// A literal, capture, wildcard, value, group, sequence, mapping or class pattern.
    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let pos = self.start();
        self.enter()?;
        let kind = self.closed_pattern_kind(pos);
        self.leave();
        Ok(Pattern { kind: kind?, pos })
    }

    fn closed_pattern_kind(&mut self, pos: Pos) -> PResult<PatternKind> {
        Ok(match self.peek() {
            Tok::None => {
                self.advance();
                PatternKind::Singleton(Constant::None)
            }
            Tok::True => {
                self.advance();
                PatternKind::Singleton(Constant::True)
            }
            Tok::False => {
                self.advance();
                PatternKind::Singleton(Constant::False)
            }
            Tok::Number(_) | Tok::Minus => PatternKind::Value(self.number_pattern()?),
            Tok::Str(_) => PatternKind::Value(self.string_pattern(pos)?),
            Tok::Name(_) => return self.name_pattern(pos),
            Tok::LPar => {
                self.advance();
                if self.eat(&Tok::RPar) {
                    return Ok(PatternKind::Sequence(Vec::new()));
                }
                let first = self.maybe_star_pattern()?;
                if self.check(&Tok::RPar) {
                    // `(*x)` is neither a group nor a tuple.
                    if matches!(first.kind, PatternKind::Star(_)) {
                        return Err(self.invalid_syntax());
                    }
                    self.advance();
                    return Ok(first.kind);
                }
                let items = self.sequence_items(first, &Tok::RPar)?;
                PatternKind::Sequence(items)
            }
            Tok::LSqb => {
                self.advance();
                if self.eat(&Tok::RSqb) {
                    return Ok(PatternKind::Sequence(Vec::new()));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat(&Tok::RSqb) {
                    return Ok(PatternKind::Sequence(alloc::vec![first]));
                }
                let items = self.sequence_items(first, &Tok::RSqb)?;
                PatternKind::Sequence(items)
            }
            Tok::LBrace => self.mapping_pattern()?,
            _ => return Err(self.invalid_syntax()),
        })
    }

    /// The rest of a bracketed sequence pattern after its first item, up to `closing`.
    fn sequence_items(&mut self, first: Pattern, closing: &Tok) -> PResult<Vec<Pattern>> {
        let mut items = alloc::vec![first];
        loop {
            if !self.eat(&Tok::Comma) {
                self.expect(closing)?;
                return Ok(items);
            }
            if self.eat(closing) {
                return Ok(items);
            }
            items.push(self.maybe_star_pattern()?);
        }
    }

    /// Adjacent string literals as a pattern or key (f-strings are not literals).
    fn string_pattern(&mut self, pos: Pos) -> PResult<Expr> {
        let value = self.strings()?;
        if matches!(value.kind, ExprKind::JoinedStr(_)) {
            let msg = "patterns may only match literals and attribute lookups";
            return Err(self.error_at(pos, msg));
        }
        Ok(value)
    }

    /// `signed_number` or `signed_real_number ('+' | '-') imaginary_number`.
    fn number_pattern(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let real = self.signed_number()?;
        let op = match self.peek() {
            Tok::Plus => BinOp::Add,
            Tok::Minus => BinOp::Sub,
            _ => return Ok(real),
        };
        if is_imaginary(&real) {
            return Err(self.error_at(pos, "real number required in complex literal"));
        }
        self.advance();
        let at = self.start();
        let imaginary = match self.peek() {
            Tok::Number(_) => self.atom()?,
            _ => return Err(self.invalid_syntax()),
        };
        if !is_imaginary(&imaginary) {
            return Err(self.error_at(at, "imaginary number required in complex literal"));
        }
        Ok(Expr {
            kind: ExprKind::BinOp {
                left: boxed(real),
                op,
                right: boxed(imaginary),
            },
            pos,
        })
    }

    /// `NUMBER | '-' NUMBER`
    fn signed_number(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let negative = self.eat(&Tok::Minus);
        if !matches!(self.peek(), Tok::Number(_)) {
            return Err(self.invalid_syntax());
        }
        let number = self.atom()?;
        if !negative {
            return Ok(number);
        }
        Ok(Expr {
            kind: ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: boxed(number),
            },
            pos,
        })
    }

    /// A capture, the wildcard, a value pattern (`a.b`) or a class pattern (`a.b(...)`).
    fn name_pattern(&mut self, pos: Pos) -> PResult<PatternKind> {
        let (name, _) = self.expect_name()?;
        if !self.check(&Tok::Dot) && !self.check(&Tok::LPar) {
            return Ok(PatternKind::As {
                pattern: None,
                name: (name != "_").then_some(name),
            });
        }
        let mut target = Expr {
            kind: ExprKind::Name(name),
            pos,
        };
        while self.eat(&Tok::Dot) {
            let (attr, _) = self.expect_name()?;
            target = Expr {
                kind: ExprKind::Attribute {
                    value: boxed(target),
                    attr,
                },
                pos,
            };
        }
        if !self.check(&Tok::LPar) {
            return Ok(PatternKind::Value(target));
        }
        self.class_pattern(target)
    }

    /// `name_or_attr '(' [positional_patterns] [keyword_patterns] ')'`
    fn class_pattern(&mut self, cls: Expr) -> PResult<PatternKind> {
        self.advance(); // `(`
        let (mut patterns, mut kwd_attrs, mut kwd_patterns) = (Vec::new(), Vec::new(), Vec::new());
        while !self.eat(&Tok::RPar) {
            let at = self.start();
            if matches!(self.peek(), Tok::Name(_)) && self.peek_nth(1) == &Tok::Equal {
                let (attr, _) = self.expect_name()?;
                self.advance();
                kwd_attrs.push(attr);
                kwd_patterns.push(self.pattern()?);
            } else {
                let pattern = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.error_at(at, "positional patterns follow keyword patterns"));
                }
                patterns.push(pattern);
            }
            if !self.eat(&Tok::Comma) {
                self.expect(&Tok::RPar)?;
                break;
            }
        }
        Ok(PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        })
    }

    /// `'{' [items_pattern] [',' '**' NAME] [','] '}'`
    fn mapping_pattern(&mut self) -> PResult<PatternKind> {
        self.advance(); // `{`
        let (mut keys, mut patterns, mut rest) = (Vec::new(), Vec::new(), None);
        while !self.eat(&Tok::RBrace) {
            if self.eat(&Tok::DoubleStar) {
                if matches!(self.peek(), Tok::Name(name) if name == "_") {
                    return Err(self.invalid_syntax());
                }
                let (name, _) = self.expect_name()?;
                rest = Some(name);
                self.eat(&Tok::Comma);
                self.expect(&Tok::RBrace)?;
                break;
            }
            keys.push(self.mapping_key()?);
            self.expect(&Tok::Colon)?;
            patterns.push(self.pattern()?);
            if !self.eat(&Tok::Comma) {
                self.expect(&Tok::RBrace)?;
                break;
            }
        }
        Ok(PatternKind::Mapping {
            keys,
            patterns,
            rest,
        })
    }

    /// A mapping pattern's key: a literal or a dotted name.
    fn mapping_key(&mut self) -> PResult<Expr> {
        let pos = self.start();
        match self.peek() {
            Tok::None | Tok::True | Tok::False => self.atom(),
            Tok::Number(_) | Tok::Minus => self.number_pattern(),
            Tok::Str(_) => self.string_pattern(pos),
            Tok::Name(_) if self.peek_nth(1) == &Tok::Dot => match self.name_pattern(pos)? {
                PatternKind::Value(value) => Ok(value),
                _ => Err(self.invalid_syntax()),
            },
            _ => Err(self.invalid_syntax()),
        }
    }
}

/// Whether a number expression is an imaginary literal.
fn is_imaginary(expr: &Expr) -> bool {
    matches!(expr.kind, ExprKind::Constant(Constant::Imaginary(_)))
}
