//! Expressions from the loosest binding to the tightest: tuples of starred expressions,
//! assignment expressions, lambdas and conditionals, `or`/`and`/`not`, comparisons, the binary
//! operators (one precedence-climbing loop), unary operators, `**`, `await` and the trailers
//! (calls, attributes, subscripts and slices) applied to atoms.

use alloc::boxed::Box;
use alloc::format;
use alloc::vec::Vec;

use super::target::describe;
use super::{PResult, Parser};
use crate::ast::{BinOp, BoolOp, CmpOp, Constant, Expr, ExprKind, Pos, UnaryOp};
use crate::lexer::Tok;

/// Boxes an expression (the AST's recursive fields are boxed).
pub(super) fn boxed(expr: Expr) -> Box<Expr> {
    Box::new(expr)
}

/// The binary operator spelled by `tok`, with its binding power (higher binds tighter).
fn binary_operator(tok: &Tok) -> Option<(BinOp, u8)> {
    Some(match tok {
        Tok::VBar => (BinOp::BitOr, 1),
        Tok::Circumflex => (BinOp::BitXor, 2),
        Tok::Amper => (BinOp::BitAnd, 3),
        Tok::LeftShift => (BinOp::LShift, 4),
        Tok::RightShift => (BinOp::RShift, 4),
        Tok::Plus => (BinOp::Add, 5),
        Tok::Minus => (BinOp::Sub, 5),
        Tok::Star => (BinOp::Mult, 6),
        Tok::Slash => (BinOp::Div, 6),
        Tok::DoubleSlash => (BinOp::FloorDiv, 6),
        Tok::Percent => (BinOp::Mod, 6),
        Tok::At => (BinOp::MatMult, 6),
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
        Ok(Expr { kind: ExprKind::Tuple(elts), pos })
    }

    /// `star_expression: '*' bitwise_or | expression`
    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if self.check(&Tok::Star) { self.starred() } else { self.expression() }
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.check(&Tok::Star) { self.starred() } else { self.named_expression() }
    }

    /// `'*' bitwise_or`
    pub(super) fn starred(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        let value = self.bitwise_or()?;
        Ok(Expr { kind: ExprKind::Starred(boxed(value)), pos })
    }

    /// `named_expression`, rejecting a stray `=` the way CPython does (`if x = 1:`).
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        let expr = self.walrus_or_expression()?;
        if self.check(&Tok::Equal) {
            let msg = match &expr.kind {
                ExprKind::Name(_) => "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(),
                ExprKind::List(_)
                | ExprKind::Tuple(_)
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Constant(Constant::True | Constant::False | Constant::None) => "invalid syntax".into(),
                kind => format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", describe(kind)),
            };
            return Err(self.error_at(expr.pos, msg));
        }
        Ok(expr)
    }

    /// `NAME ':=' expression | expression`
    pub(super) fn walrus_or_expression(&mut self) -> PResult<Expr> {
        let expr = self.expression()?;
        if !self.check(&Tok::ColonEqual) {
            return Ok(expr);
        }
        if !matches!(expr.kind, ExprKind::Name(_)) {
            let msg = format!("cannot use assignment expressions with {}", describe(&expr.kind));
            return Err(self.error_at(expr.pos, msg));
        }
        self.advance();
        let value = self.expression()?;
        let pos = expr.pos;
        Ok(Expr { kind: ExprKind::NamedExpr { target: boxed(expr), value: boxed(value) }, pos })
    }

    /// `expression: lambda | disjunction ['if' disjunction 'else' expression]`
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let result = if self.check(&Tok::Lambda) { self.lambda() } else { self.conditional() };
        self.leave();
        result
    }

    fn conditional(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let body = self.disjunction()?;
        if !self.check(&Tok::If) {
            return Ok(body);
        }
        self.advance();
        let test = self.disjunction()?;
        if !self.eat(&Tok::Else) {
            if self.check(&Tok::Colon) {
                return Err(self.invalid_syntax());
            }
            return Err(self.error_at(body.pos, "expected 'else' after 'if' expression"));
        }
        let orelse = self.expression()?;
        Ok(Expr { kind: ExprKind::IfExp { test: boxed(test), body: boxed(body), orelse: boxed(orelse) }, pos })
    }

    /// `'lambda' [parameters] ':' expression`
    fn lambda(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        let args = self.parameters(&Tok::Colon, false)?;
        self.expect(&Tok::Colon)?;
        let body = self.expression()?;
        Ok(Expr { kind: ExprKind::Lambda { args: Box::new(args), body: boxed(body) }, pos })
    }

    /// `disjunction: conjunction ('or' conjunction)*`
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let first = self.conjunction()?;
        self.bool_op_tail(pos, first, &Tok::Or, BoolOp::Or, Self::conjunction)
    }

    /// `conjunction: inversion ('and' inversion)*`
    fn conjunction(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let first = self.inversion()?;
        self.bool_op_tail(pos, first, &Tok::And, BoolOp::And, Self::inversion)
    }

    fn bool_op_tail(
        &mut self,
        pos: Pos,
        first: Expr,
        keyword: &Tok,
        op: BoolOp,
        operand: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        if !self.check(keyword) {
            return Ok(first);
        }
        let mut values = alloc::vec![first];
        while self.eat(keyword) {
            values.push(operand(self)?);
        }
        Ok(Expr { kind: ExprKind::BoolOp { op, values }, pos })
    }

    /// `inversion: 'not' inversion | comparison`
    fn inversion(&mut self) -> PResult<Expr> {
        if !self.check(&Tok::Not) {
            return self.comparison();
        }
        let pos = self.advance();
        self.enter()?;
        let operand = self.inversion();
        self.leave();
        Ok(Expr { kind: ExprKind::UnaryOp { op: UnaryOp::Not, operand: boxed(operand?) }, pos })
    }

    /// `comparison: bitwise_or (compare_op bitwise_or)*`
    fn comparison(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.peek() {
                Tok::EqEqual => CmpOp::Eq,
                Tok::NotEqual => CmpOp::NotEq,
                Tok::Less => CmpOp::Lt,
                Tok::LessEqual => CmpOp::LtE,
                Tok::Greater => CmpOp::Gt,
                Tok::GreaterEqual => CmpOp::GtE,
                Tok::In => CmpOp::In,
                Tok::Is if self.peek_nth(1) == &Tok::Not => {
                    self.advance();
                    CmpOp::IsNot
                }
                Tok::Is => CmpOp::Is,
                Tok::Not if self.peek_nth(1) == &Tok::In => {
                    self.advance();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.advance();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Expr { kind: ExprKind::Compare { left: boxed(left), ops, comparators }, pos })
    }

    /// `bitwise_or` and everything tighter: `|`, `^`, `&`, shifts, `+ -`, `* / // % @`.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Precedence climbing over the left-associative binary operators.
    fn binary(&mut self, min_power: u8) -> PResult<Expr> {
        let pos = self.start();
        let mut left = self.factor()?;
        while let Some((op, power)) = binary_operator(self.peek()) {
            if power < min_power {
                break;
            }
            self.advance();
            let right = self.binary(power + 1)?;
            left = Expr { kind: ExprKind::BinOp { left: boxed(left), op, right: boxed(right) }, pos };
        }
        Ok(left)
    }

    /// `factor: ('+' | '-' | '~') factor | power`
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            Tok::Plus => UnaryOp::UAdd,
            Tok::Minus => UnaryOp::USub,
            Tok::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let pos = self.advance();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        Ok(Expr { kind: ExprKind::UnaryOp { op, operand: boxed(operand?) }, pos })
    }

    /// `power: await_primary ['**' factor]` (so `-2**2` is `-(2**2)` and `2**-1` works).
    fn power(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let base = self.await_primary()?;
        if !self.eat(&Tok::DoubleStar) {
            return Ok(base);
        }
        self.enter()?;
        let exponent = self.factor();
        self.leave();
        Ok(Expr { kind: ExprKind::BinOp { left: boxed(base), op: BinOp::Pow, right: boxed(exponent?) }, pos })
    }

    /// `await_primary: 'await' primary | primary`
    fn await_primary(&mut self) -> PResult<Expr> {
        if !self.check(&Tok::Await) {
            return self.primary();
        }
        let pos = self.advance();
        let value = self.primary()?;
        Ok(Expr { kind: ExprKind::Await(boxed(value)), pos })
    }

    /// `primary`: an atom followed by any number of `.name`, `(arguments)` and `[slices]`.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        // Trailers start where the primary's first token does, even a parenthesis.
        let pos = self.start();
        let mut expr = self.atom()?;
        loop {
            let kind = match self.peek() {
                Tok::Dot => {
                    self.advance();
                    let (attr, _) = self.expect_name()?;
                    ExprKind::Attribute { value: boxed(expr), attr }
                }
                Tok::LPar => {
                    let open = self.advance();
                    let (args, keywords) = self.call_arguments(open, false)?;
                    ExprKind::Call { func: boxed(expr), args, keywords }
                }
                Tok::LSqb => {
                    self.advance();
                    let slice = self.slices()?;
                    self.expect(&Tok::RSqb)?;
                    ExprKind::Subscript { value: boxed(expr), slice: boxed(slice) }
                }
                _ => return Ok(expr),
            };
            expr = Expr { kind, pos };
        }
    }

    /// The inside of `[...]` after a primary: one index, a slice, or a tuple of them.
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
        Ok(Expr { kind: ExprKind::Tuple(elts), pos })
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
        let bound_follows = |parser: &Self| !matches!(parser.peek(), Tok::Colon | Tok::Comma | Tok::RSqb);
        let upper = if bound_follows(self) { Some(boxed(self.expression()?)) } else { None };
        let step = if self.eat(&Tok::Colon) && bound_follows(self) { Some(boxed(self.expression()?)) } else { None };
        Ok(Expr { kind: ExprKind::Slice { lower, upper, step }, pos })
    }

    /// `yield [star_expressions] | yield from expression`
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        if self.eat(&Tok::From) {
            let value = self.expression()?;
            return Ok(Expr { kind: ExprKind::YieldFrom(boxed(value)), pos });
        }
        let value = if self.starts_expression() { Some(boxed(self.star_expressions()?)) } else { None };
        Ok(Expr { kind: ExprKind::Yield(value), pos })
    }

    /// Inside brackets, an element followed by something that could start another one is
    /// most likely a missing comma (CPython's `invalid syntax. Perhaps you forgot a comma?`).
    pub(super) fn missing_comma_or_invalid(&mut self, element: &Expr) -> crate::error::CompileError {
        let name_then_string = matches!(element.kind, ExprKind::Name(_)) && matches!(self.peek(), Tok::Str(_));
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
        let plain_element = !matches!(element.kind, ExprKind::Lambda { .. } | ExprKind::IfExp { .. });
        if looks_like_element && plain_element && !name_then_string {
            return self.error_at(element.pos, "invalid syntax. Perhaps you forgot a comma?");
        }
        self.invalid_syntax()
    }
}
