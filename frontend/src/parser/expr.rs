//! Expressions from the loosest binding to the tightest: tuples of starred expressions,
//! assignment expressions, lambdas and conditionals, then one precedence-climbing loop for
//! `or`, `and`, `not`, comparisons and the binary operators, then unary operators, `**`,
//! `await` and the trailers (calls, attributes, subscripts and slices) applied to atoms.
//!
//! Folding the operator levels into one loop keeps the recursion for a parenthesised
//! expression to a handful of stack frames, which bounds the stack that 200 nested brackets
//! (the lexer's limit) can take.

use alloc::boxed::Box;
use alloc::format;
use alloc::vec::Vec;

use super::target::describe;
use super::{PResult, Parser};
use crate::ast::{BinOp, BoolOp, CmpOp, Constant, Expr, ExprKind, Pos, UnaryOp};
use crate::error::CompileError;
use crate::lexer::Tok;

/// Boxes an expression (the AST's recursive fields are boxed).
pub(super) fn boxed(expr: Expr) -> Box<Expr> {
    Box::new(expr)
}

/// Binding powers of the operator levels, loosest first.
mod power {
    pub const OR: u8 = 1;
    pub const AND: u8 = 2;
    pub const NOT: u8 = 3;
    pub const COMPARISON: u8 = 4;
    /// `|`, the loosest binary operator (`bitwise_or` in the grammar).
    pub const BITWISE_OR: u8 = 5;
}

/// The binary operator spelled by `tok`, with its binding power.
fn binary_operator(tok: &Tok) -> Option<(BinOp, u8)> {
    Some(match tok {
        Tok::VBar => (BinOp::BitOr, power::BITWISE_OR),
        Tok::Circumflex => (BinOp::BitXor, 6),
        Tok::Amper => (BinOp::BitAnd, 7),
        Tok::LeftShift => (BinOp::LShift, 8),
        Tok::RightShift => (BinOp::RShift, 8),
        Tok::Plus => (BinOp::Add, 9),
        Tok::Minus => (BinOp::Sub, 9),
        Tok::Star => (BinOp::Mult, 10),
        Tok::Slash => (BinOp::Div, 10),
        Tok::DoubleSlash => (BinOp::FloorDiv, 10),
        Tok::Percent => (BinOp::Mod, 10),
        Tok::At => (BinOp::MatMult, 10),
        _ => return None,
    })
}

/// The comparison operator starting at `tok` (`next` decides `is not` and `not in`), with the
/// number of tokens it spans.
fn comparison_operator(tok: &Tok, next: &Tok) -> Option<(CmpOp, usize)> {
    Some(match (tok, next) {
        (Tok::EqEqual, _) => (CmpOp::Eq, 1),
        (Tok::NotEqual, _) => (CmpOp::NotEq, 1),
        (Tok::Less, _) => (CmpOp::Lt, 1),
        (Tok::LessEqual, _) => (CmpOp::LtE, 1),
        (Tok::Greater, _) => (CmpOp::Gt, 1),
        (Tok::GreaterEqual, _) => (CmpOp::GtE, 1),
        (Tok::In, _) => (CmpOp::In, 1),
        (Tok::Is, Tok::Not) => (CmpOp::IsNot, 2),
        (Tok::Is, _) => (CmpOp::Is, 1),
        (Tok::Not, Tok::In) => (CmpOp::NotIn, 2),
        _ => return None,
    })
}

impl Parser {
    /// `star_expressions`: one starred-or-plain expression, or a tuple of them.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let first = self.star_expression()?;
        if !self.check(&Tok::Comma) {
            return Ok(first);
        }
        let mut elts = alloc::vec![first];
        while self.eat(&Tok::Comma) && self.starts_expression() {
            elts.push(self.star_expression()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            pos,
        })
    }

    /// `star_expression: '*' bitwise_or | expression`
    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if self.check(&Tok::Star) {
            self.starred()
        } else {
            self.expression()
        }
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.check(&Tok::Star) {
            self.starred()
        } else {
            self.named_expression()
        }
    }

    /// `'*' bitwise_or`
    pub(super) fn starred(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        let value = self.bitwise_or()?;
        Ok(Expr {
            kind: ExprKind::Starred(boxed(value)),
            pos,
        })
    }

    /// `named_expression: NAME ':=' expression | expression`, rejecting a stray `=` the way
    /// CPython does (`if x = 1:`).
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        let expr = self.expression()?;
        match self.peek() {
            Tok::ColonEqual => self.walrus(expr),
            Tok::Equal => Err(self.stray_equal(&expr)),
            _ => Ok(expr),
        }
    }

    #[cold]
    #[inline(never)]
    fn stray_equal(&mut self, expr: &Expr) -> CompileError {
        let msg = match &expr.kind {
            ExprKind::Name(_) => {
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into()
            }
            ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::True | Constant::False | Constant::None) => {
                "invalid syntax".into()
            }
            kind => format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                describe(kind)
            ),
        };
        self.error_at(expr.pos, msg)
    }

    /// `NAME ':=' expression | expression` (where a stray `=` is the caller's business).
    pub(super) fn walrus_or_expression(&mut self) -> PResult<Expr> {
        let expr = self.expression()?;
        if self.check(&Tok::ColonEqual) {
            self.walrus(expr)
        } else {
            Ok(expr)
        }
    }

    /// `target ':=' expression`, the parser being at `:=`.
    #[inline(never)]
    fn walrus(&mut self, target: Expr) -> PResult<Expr> {
        if !matches!(target.kind, ExprKind::Name(_)) {
            let msg = format!(
                "cannot use assignment expressions with {}",
                describe(&target.kind)
            );
            return Err(self.error_at(target.pos, msg));
        }
        self.advance();
        let value = self.expression()?;
        let pos = target.pos;
        Ok(Expr {
            kind: ExprKind::NamedExpr {
                target: boxed(target),
                value: boxed(value),
            },
            pos,
        })
    }

    /// `expression: lambda | disjunction ['if' disjunction 'else' expression]`
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let result = if self.check(&Tok::Lambda) {
            self.lambda()
        } else {
            self.conditional()
        };
        self.leave();
        result
    }

    fn conditional(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let body = self.disjunction()?;
        if self.check(&Tok::If) {
            self.conditional_tail(pos, body)
        } else {
            Ok(body)
        }
    }

    /// `'if' disjunction 'else' expression` after the body of a conditional expression.
    #[inline(never)]
    fn conditional_tail(&mut self, pos: Pos, body: Expr) -> PResult<Expr> {
        self.advance();
        let test = self.disjunction()?;
        if !self.eat(&Tok::Else) {
            if self.check(&Tok::Colon) {
                return Err(self.invalid_syntax());
            }
            return Err(self.error_at(body.pos, "expected 'else' after 'if' expression"));
        }
        let orelse = self.expression()?;
        let kind = ExprKind::IfExp {
            test: boxed(test),
            body: boxed(body),
            orelse: boxed(orelse),
        };
        Ok(Expr { kind, pos })
    }

    /// `'lambda' [parameters] ':' expression`
    #[inline(never)]
    fn lambda(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        let args = self.parameters(&Tok::Colon, false)?;
        self.expect(&Tok::Colon)?;
        let body = self.expression()?;
        Ok(Expr {
            kind: ExprKind::Lambda {
                args: Box::new(args),
                body: boxed(body),
            },
            pos,
        })
    }

    /// `disjunction`: `or`, `and`, `not`, comparisons and binary operators.
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        self.operators(power::OR)
    }

    /// `bitwise_or`: the binary operators only (no comparisons or boolean operators).
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.operators(power::BITWISE_OR)
    }

    /// Precedence climbing over every operator level that binds at least as tightly as
    /// `min_power`. `or`/`and` operands and comparison chains are collected into one node.
    fn operators(&mut self, min_power: u8) -> PResult<Expr> {
        let pos = self.start();
        let mut left = if min_power <= power::NOT && self.check(&Tok::Not) {
            self.not_operand(pos)?
        } else {
            self.factor()?
        };
        loop {
            left = match self.peek() {
                Tok::Or if min_power <= power::OR => {
                    self.bool_operands(pos, left, BoolOp::Or, &Tok::Or, power::AND)?
                }
                Tok::And if min_power <= power::AND => {
                    self.bool_operands(pos, left, BoolOp::And, &Tok::And, power::NOT)?
                }
                tok if min_power <= power::COMPARISON
                    && comparison_operator(tok, self.peek_nth(1)).is_some() =>
                {
                    self.comparison_chain(pos, left)?
                }
                tok => match binary_operator(tok) {
                    Some((op, binding)) if binding >= min_power => {
                        self.binary_operand(pos, left, op, binding)?
                    }
                    _ => return Ok(left),
                },
            };
        }
    }

    /// `'not' inversion`, the parser being at `not`.
    #[inline(never)]
    fn not_operand(&mut self, pos: Pos) -> PResult<Expr> {
        self.advance();
        self.enter()?;
        let operand = self.operators(power::NOT);
        self.leave();
        Ok(Expr {
            kind: ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand: boxed(operand?),
            },
            pos,
        })
    }

    /// `left op right` for a binary operator binding with `binding`, the parser being at `op`.
    #[inline(never)]
    fn binary_operand(&mut self, pos: Pos, left: Expr, op: BinOp, binding: u8) -> PResult<Expr> {
        self.advance();
        let right = self.operators(binding + 1)?;
        Ok(Expr {
            kind: ExprKind::BinOp {
                left: boxed(left),
                op,
                right: boxed(right),
            },
            pos,
        })
    }

    /// `first (keyword operand)+`: the operands of one `and` / `or` node.
    #[inline(never)]
    fn bool_operands(
        &mut self,
        pos: Pos,
        first: Expr,
        op: BoolOp,
        keyword: &Tok,
        operand_power: u8,
    ) -> PResult<Expr> {
        let mut values = alloc::vec![first];
        while self.eat(keyword) {
            values.push(self.operators(operand_power)?);
        }
        Ok(Expr {
            kind: ExprKind::BoolOp { op, values },
            pos,
        })
    }

    /// `left (compare_op bitwise_or)+`: one node for a whole chain such as `a < b <= c`.
    #[inline(never)]
    fn comparison_chain(&mut self, pos: Pos, left: Expr) -> PResult<Expr> {
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, width)) = comparison_operator(self.peek(), self.peek_nth(1)) {
            for _ in 0..width {
                self.advance();
            }
            ops.push(op);
            comparators.push(self.operators(power::BITWISE_OR)?);
        }
        Ok(Expr {
            kind: ExprKind::Compare {
                left: boxed(left),
                ops,
                comparators,
            },
            pos,
        })
    }

    /// `factor: ('+' | '-' | '~') factor | power`, with
    /// `power: ['await'] primary ['**' factor]` (so `-2**2` is `-(2**2)` and `2**-1` works).
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            Tok::Plus => UnaryOp::UAdd,
            Tok::Minus => UnaryOp::USub,
            Tok::Tilde => UnaryOp::Invert,
            Tok::Await => return self.await_primary(),
            _ => {
                let pos = self.start();
                let base = self.primary()?;
                return if self.check(&Tok::DoubleStar) {
                    self.power(pos, base)
                } else {
                    Ok(base)
                };
            }
        };
        self.unary(op)
    }

    /// A unary `+`, `-` or `~` and its operand, the parser being at the operator.
    #[inline(never)]
    fn unary(&mut self, op: UnaryOp) -> PResult<Expr> {
        let pos = self.advance();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        Ok(Expr {
            kind: ExprKind::UnaryOp {
                op,
                operand: boxed(operand?),
            },
            pos,
        })
    }

    /// `'await' primary ['**' factor]`
    #[inline(never)]
    fn await_primary(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        let value = self.primary()?;
        let base = Expr {
            kind: ExprKind::Await(boxed(value)),
            pos,
        };
        if self.check(&Tok::DoubleStar) {
            self.power(pos, base)
        } else {
            Ok(base)
        }
    }

    /// `base '**' factor`, the parser being at `**`.
    #[inline(never)]
    fn power(&mut self, pos: Pos, base: Expr) -> PResult<Expr> {
        self.advance();
        self.enter()?;
        let exponent = self.factor();
        self.leave();
        let kind = ExprKind::BinOp {
            left: boxed(base),
            op: BinOp::Pow,
            right: boxed(exponent?),
        };
        Ok(Expr { kind, pos })
    }

    /// `primary`: an atom followed by any number of `.name`, `(arguments)` and `[slices]`.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        // Trailers start where the primary's first token does, even a parenthesis.
        let pos = self.start();
        let atom = self.atom()?;
        if matches!(self.peek(), Tok::Dot | Tok::LPar | Tok::LSqb) {
            self.trailers(pos, atom)
        } else {
            Ok(atom)
        }
    }

    #[inline(never)]
    fn trailers(&mut self, pos: Pos, mut expr: Expr) -> PResult<Expr> {
        loop {
            let kind = match self.peek() {
                Tok::Dot => {
                    self.advance();
                    let (attr, _) = self.expect_name()?;
                    ExprKind::Attribute {
                        value: boxed(expr),
                        attr,
                    }
                }
                Tok::LPar => {
                    let open = self.advance();
                    let (args, keywords) = self.call_arguments(open, false)?;
                    ExprKind::Call {
                        func: boxed(expr),
                        args,
                        keywords,
                    }
                }
                Tok::LSqb => {
                    self.advance();
                    let slice = self.slices()?;
                    self.expect(&Tok::RSqb)?;
                    ExprKind::Subscript {
                        value: boxed(expr),
                        slice: boxed(slice),
                    }
                }
                _ => return Ok(expr),
            };
            expr = Expr { kind, pos };
        }
    }

    /// The inside of `[...]` after a primary: one index, a slice, or a tuple of them.
    #[inline(never)]
    fn slices(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let first = self.slice_item()?;
        let starred = matches!(first.kind, ExprKind::Starred(_));
        if !self.check(&Tok::Comma) && !starred {
            return Ok(first);
        }
        let mut elts = alloc::vec![first];
        while self.eat(&Tok::Comma) && !self.check(&Tok::RSqb) {
            elts.push(self.slice_item()?);
        }
        if !self.check(&Tok::RSqb) {
            return Err(self.missing_comma_or_invalid(&elts[elts.len() - 1]));
        }
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            pos,
        })
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression | starred`
    fn slice_item(&mut self) -> PResult<Expr> {
        if self.check(&Tok::Star) {
            return self.starred();
        }
        let pos = self.start();
        let lower = if self.check(&Tok::Colon) {
            None
        } else {
            let index = self.named_expression()?;
            if !self.check(&Tok::Colon) {
                if !matches!(self.peek(), Tok::Comma | Tok::RSqb) {
                    return Err(self.missing_comma_or_invalid(&index));
                }
                return Ok(index);
            }
            Some(boxed(index))
        };
        self.expect(&Tok::Colon)?;
        let bound_follows =
            |parser: &Self| !matches!(parser.peek(), Tok::Colon | Tok::Comma | Tok::RSqb);
        let upper = if bound_follows(self) {
            Some(boxed(self.expression()?))
        } else {
            None
        };
        let step = if self.eat(&Tok::Colon) && bound_follows(self) {
            Some(boxed(self.expression()?))
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Slice { lower, upper, step },
            pos,
        })
    }

    /// `yield [star_expressions] | yield from expression`
    #[inline(never)]
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        if self.eat(&Tok::From) {
            let value = self.expression()?;
            return Ok(Expr {
                kind: ExprKind::YieldFrom(boxed(value)),
                pos,
            });
        }
        let value = if self.starts_expression() {
            Some(boxed(self.star_expressions()?))
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Yield(value),
            pos,
        })
    }

    /// Inside brackets, an element followed by something that could start another one is
    /// most likely a missing comma (CPython's `invalid syntax. Perhaps you forgot a comma?`).
    #[cold]
    #[inline(never)]
    pub(super) fn missing_comma_or_invalid(&mut self, element: &Expr) -> CompileError {
        let name_then_string =
            matches!(element.kind, ExprKind::Name(_)) && matches!(self.peek(), Tok::Str(_));
        let looks_like_element = matches!(
            self.peek(),
            Tok::Name(_)
                | Tok::Number(_)
                | Tok::Str(_)
                | Tok::LBrace
                | Tok::Tilde
                | Tok::Lambda
                | Tok::Await
                | Tok::None
                | Tok::True
                | Tok::False
                | Tok::Ellipsis
        );
        let plain_element = !matches!(
            element.kind,
            ExprKind::Lambda { .. } | ExprKind::IfExp { .. }
        );
        if looks_like_element && plain_element && !name_then_string {
            return self.error_at(element.pos, "invalid syntax. Perhaps you forgot a comma?");
        }
        self.invalid_syntax()
    }
}
