//! Atoms: names, literals, and the bracketed forms — parenthesised expressions, tuples,
//! generator expressions, list/set/dict displays and their comprehensions.

use alloc::vec::Vec;

use super::expr::boxed;
use super::{PResult, Parser};
use crate::ast::{Comprehension, Constant, Expr, ExprKind, Pos};
use crate::lexer::Tok;

impl Parser {
    /// `atom`: a name, a literal, `...`, or a bracketed form.
    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let kind = match &mut self.tokens[self.at].kind {
            Tok::Name(name) => ExprKind::Name(core::mem::take(name)),
            Tok::Number(value) => ExprKind::Constant(core::mem::replace(value, Constant::None)),
            Tok::None => ExprKind::Constant(Constant::None),
            Tok::True => ExprKind::Constant(Constant::True),
            Tok::False => ExprKind::Constant(Constant::False),
            Tok::Ellipsis => ExprKind::Constant(Constant::Ellipsis),
            Tok::Str(_) => return self.strings(),
            Tok::LPar => return self.parenthesized(),
            Tok::LSqb => return self.list_display(),
            Tok::LBrace => return self.brace_display(),
            _ => return Err(self.invalid_syntax()),
        };
        self.advance();
        Ok(Expr { kind, pos })
    }

    /// `(...)`: the empty tuple, a parenthesised expression or `yield`, a tuple, or a
    /// generator expression.
    #[inline(never)]
    fn parenthesized(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        if self.eat(&Tok::RPar) {
            return Ok(Expr {
                kind: ExprKind::Tuple(Vec::new()),
                pos,
            });
        }
        if self.check(&Tok::Yield) {
            let value = self.yield_expr()?;
            self.expect(&Tok::RPar)?;
            return Ok(value);
        }
        let first = self.star_named_expression()?;
        if self.starts_comprehension() {
            self.reject_unpacking_in_comprehension(&first)?;
            let generators = self.comprehension_clauses()?;
            self.expect(&Tok::RPar)?;
            return Ok(Expr {
                kind: ExprKind::GeneratorExp {
                    elt: boxed(first),
                    generators,
                },
                pos,
            });
        }
        if self.eat(&Tok::RPar) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.error_at(first.pos, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        if !self.check(&Tok::Comma) {
            return Err(self.missing_comma_or_invalid(&first));
        }
        let elts = self.display_elements(first, &Tok::RPar)?;
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            pos,
        })
    }

    /// `[...]`: a list display or a list comprehension.
    #[inline(never)]
    fn list_display(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        if self.eat(&Tok::RSqb) {
            return Ok(Expr {
                kind: ExprKind::List(Vec::new()),
                pos,
            });
        }
        let first = self.star_named_expression()?;
        if self.starts_comprehension() {
            self.reject_unpacking_in_comprehension(&first)?;
            let generators = self.comprehension_clauses()?;
            self.expect(&Tok::RSqb)?;
            return Ok(Expr {
                kind: ExprKind::ListComp {
                    elt: boxed(first),
                    generators,
                },
                pos,
            });
        }
        let elts = self.display_elements(first, &Tok::RSqb)?;
        Ok(Expr {
            kind: ExprKind::List(elts),
            pos,
        })
    }

    /// `{...}`: a dict or set display, or a dict or set comprehension.
    #[inline(never)]
    fn brace_display(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        if self.eat(&Tok::RBrace) {
            return Ok(Expr {
                kind: ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                pos,
            });
        }
        if self.check(&Tok::DoubleStar) {
            let spread_pos = self.advance();
            let value = self.bitwise_or()?;
            if self.starts_comprehension() {
                return Err(self.error_at(
                    spread_pos,
                    "dict unpacking cannot be used in dict comprehension",
                ));
            }
            return self.dict_display(pos, None, value);
        }
        let first = self.star_named_expression()?;
        if !matches!(first.kind, ExprKind::Starred(_)) && self.check(&Tok::Colon) {
            let value = self.dict_value()?;
            if self.starts_comprehension() {
                let generators = self.comprehension_clauses()?;
                self.expect(&Tok::RBrace)?;
                let kind = ExprKind::DictComp {
                    key: boxed(first),
                    value: boxed(value),
                    generators,
                };
                return Ok(Expr { kind, pos });
            }
            return self.dict_display(pos, Some(first), value);
        }
        if self.starts_comprehension() {
            self.reject_unpacking_in_comprehension(&first)?;
            let generators = self.comprehension_clauses()?;
            self.expect(&Tok::RBrace)?;
            return Ok(Expr {
                kind: ExprKind::SetComp {
                    elt: boxed(first),
                    generators,
                },
                pos,
            });
        }
        let elts = self.display_elements(first, &Tok::RBrace)?;
        Ok(Expr {
            kind: ExprKind::Set(elts),
            pos,
        })
    }

    /// The rest of a dict display whose first entry has been parsed.
    fn dict_display(
        &mut self,
        pos: Pos,
        first_key: Option<Expr>,
        first_value: Expr,
    ) -> PResult<Expr> {
        let mut keys = alloc::vec![first_key];
        let mut values = alloc::vec![first_value];
        loop {
            if self.eat(&Tok::RBrace) {
                return Ok(Expr {
                    kind: ExprKind::Dict { keys, values },
                    pos,
                });
            }
            if !self.eat(&Tok::Comma) {
                return Err(self.missing_comma_or_invalid(&values[values.len() - 1]));
            }
            if self.eat(&Tok::RBrace) {
                return Ok(Expr {
                    kind: ExprKind::Dict { keys, values },
                    pos,
                });
            }
            if self.eat(&Tok::DoubleStar) {
                keys.push(None);
                values.push(self.bitwise_or()?);
                continue;
            }
            let key = self.expression()?;
            if !self.check(&Tok::Colon) {
                if matches!(self.peek(), Tok::Comma | Tok::RBrace) {
                    return Err(self.error_at(key.pos, "':' expected after dictionary key"));
                }
                return Err(self.missing_comma_or_invalid(&key));
            }
            values.push(self.dict_value()?);
            keys.push(Some(key));
        }
    }

    /// `':' expression`, the value of a dict entry.
    fn dict_value(&mut self) -> PResult<Expr> {
        let colon = self.advance();
        if matches!(self.peek(), Tok::Comma | Tok::RBrace) {
            return Err(self.error_at(colon, "expression expected after dictionary key and ':'"));
        }
        if self.check(&Tok::Star) {
            let at = self.start();
            return Err(self.error_at(at, "cannot use a starred expression in a dictionary value"));
        }
        self.expression()
    }

    /// The elements of a list, set or tuple display after the first, up to and including the
    /// closing bracket.
    fn display_elements(&mut self, first: Expr, closing: &Tok) -> PResult<Vec<Expr>> {
        let mut elts = alloc::vec![first];
        loop {
            if self.eat(closing) {
                return Ok(elts);
            }
            if !self.eat(&Tok::Comma) {
                if self.starts_comprehension() && closing != &Tok::RPar {
                    let msg = "did you forget parentheses around the comprehension target?";
                    return Err(self.error_at(elts[0].pos, msg));
                }
                return Err(self.missing_comma_or_invalid(&elts[elts.len() - 1]));
            }
            if self.eat(closing) {
                return Ok(elts);
            }
            elts.push(self.star_named_expression()?);
        }
    }

    /// Whether a comprehension clause (`for` or `async for`) starts here.
    pub(super) fn starts_comprehension(&self) -> bool {
        self.check(&Tok::For) || (self.check(&Tok::Async) && self.peek_nth(1) == &Tok::For)
    }

    fn reject_unpacking_in_comprehension(&mut self, element: &Expr) -> PResult<()> {
        if matches!(element.kind, ExprKind::Starred(_)) {
            return Err(self.error_at(
                element.pos,
                "iterable unpacking cannot be used in comprehension",
            ));
        }
        Ok(())
    }

    /// `('async'? 'for' star_targets 'in' disjunction ('if' disjunction)*)+`
    #[inline(never)]
    pub(super) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.starts_comprehension() {
            let is_async = self.eat(&Tok::Async);
            self.expect(&Tok::For)?;
            let target = self.for_targets()?;
            self.expect(&Tok::In)?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(&Tok::If) {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }
}
