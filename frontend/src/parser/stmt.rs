//! Simple statements: lines of `;`-separated statements — expression statements and every
//! form of assignment, `del`, `return`, `raise`, `assert`, `import`, `global`/`nonlocal` and
//! the one-word statements.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::target::{TargetUse, describe, invalid_target};
use super::{PResult, Parser, can_start_expression};
use crate::ast::{Alias, BinOp, Constant, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use crate::lexer::Tok;

/// The operator of an augmented assignment token (`+=` is `Add`).
fn augmented_operator(tok: &Tok) -> Option<BinOp> {
    Some(match tok {
        Tok::PlusEqual => BinOp::Add,
        Tok::MinEqual => BinOp::Sub,
        Tok::StarEqual => BinOp::Mult,
        Tok::AtEqual => BinOp::MatMult,
        Tok::SlashEqual => BinOp::Div,
        Tok::PercentEqual => BinOp::Mod,
        Tok::DoubleStarEqual => BinOp::Pow,
        Tok::LeftShiftEqual => BinOp::LShift,
        Tok::RightShiftEqual => BinOp::RShift,
        Tok::VBarEqual => BinOp::BitOr,
        Tok::CircumflexEqual => BinOp::BitXor,
        Tok::AmperEqual => BinOp::BitAnd,
        Tok::DoubleSlashEqual => BinOp::FloorDiv,
        _ => return None,
    })
}

impl Parser {
    /// `statement: compound_stmt | simple_stmts`
    pub(super) fn statement(&mut self) -> PResult<Vec<Stmt>> {
        if self.starts_compound_statement() {
            Ok(alloc::vec![self.compound_statement()?])
        } else {
            self.simple_statements()
        }
    }

    pub(super) fn starts_compound_statement(&self) -> bool {
        self.starts_match_statement()
            || matches!(
                self.peek(),
                Tok::If
                    | Tok::While
                    | Tok::For
                    | Tok::Try
                    | Tok::With
                    | Tok::Def
                    | Tok::Class
                    | Tok::At
                    | Tok::Async
            )
    }

    /// `simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    pub(super) fn simple_statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmts = alloc::vec![self.simple_statement()?];
        while self.eat(&Tok::Semi) && !self.check(&Tok::Newline) {
            stmts.push(self.simple_statement()?);
        }
        if !self.eat(&Tok::Newline) {
            return Err(self.invalid_syntax());
        }
        Ok(stmts)
    }

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let pos = self.start();
        let kind = match self.peek() {
            Tok::Pass | Tok::Break | Tok::Continue => {
                let kind = match self.peek() {
                    Tok::Pass => StmtKind::Pass,
                    Tok::Break => StmtKind::Break,
                    _ => StmtKind::Continue,
                };
                self.advance();
                kind
            }
            Tok::Return => {
                self.advance();
                let value = if self.starts_expression() {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                if let Some(value) = &value {
                    self.reject_bare_starred(value);
                }
                StmtKind::Return(value)
            }
            Tok::Raise => self.raise_statement()?,
            Tok::Global | Tok::Nonlocal => {
                let global = self.check(&Tok::Global);
                self.advance();
                let names = self.name_list()?;
                if global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Tok::Del => self.del_statement()?,
            Tok::Assert => {
                self.advance();
                let test = self.expression()?;
                let msg = if self.eat(&Tok::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            Tok::Import => self.import_statement()?,
            Tok::From => self.import_from_statement()?,
            _ => return self.expression_statement(),
        };
        Ok(Stmt { kind, pos })
    }

    /// An expression statement, or an assignment of any kind (its targets are parsed as
    /// expressions first, then checked).
    fn expression_statement(&mut self) -> PResult<Stmt> {
        let pos = self.start();
        let parenthesized = self.check(&Tok::LPar);
        let bare_yield = self.check(&Tok::Yield);
        let first = if bare_yield {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        let kind = match self.peek() {
            Tok::Equal => self.assignment(first, bare_yield)?,
            Tok::Colon => self.annotated_assignment(first, parenthesized)?,
            Tok::ColonEqual if !matches!(first.kind, ExprKind::Name(_)) => {
                let msg = format!(
                    "cannot use assignment expressions with {}",
                    describe(&first.kind)
                );
                return Err(self.error_at(first.pos, msg));
            }
            tok if augmented_operator(tok).is_some() => self.augmented_assignment(first)?,
            _ => {
                self.reject_legacy_print(&first)?;
                self.reject_bare_starred(&first);
                StmtKind::Expr(first)
            }
        };
        Ok(Stmt { kind, pos })
    }

    /// `(star_targets '=')+ (yield_expr | star_expressions)`, the first target already parsed
    /// (`bare_yield` if it is an unparenthesised `yield`).
    fn assignment(&mut self, first: Expr, bare_yield: bool) -> PResult<StmtKind> {
        let mut targets = alloc::vec![first];
        let mut bare_yield = bare_yield;
        loop {
            if bare_yield {
                let at = targets[targets.len() - 1].pos;
                return Err(self.error_at(at, "assignment to yield expression not possible"));
            }
            self.check_target_before_equal(&targets[targets.len() - 1], targets.len() == 1)?;
            self.advance();
            bare_yield = self.check(&Tok::Yield);
            let value = if bare_yield {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            };
            if !self.check(&Tok::Equal) {
                self.reject_bare_starred(&value);
                return Ok(StmtKind::Assign { targets, value });
            }
            targets.push(value);
        }
    }

    /// Checks an assignment target while the parser is at its `=`.
    fn check_target_before_equal(&mut self, target: &Expr, first: bool) -> PResult<()> {
        let Some(bad) = invalid_target(target, TargetUse::Assign) else {
            return self.check_assign_target(target);
        };
        let name = describe(&bad.kind);
        // CPython suggests `==` when the bad target stands right before the only `=` and a
        // plain operand follows it (`f() = 1`, `a, 1 = x`), as in a mistyped comparison.
        let unparenthesized_tuple_end = match &target.kind {
            ExprKind::Tuple(elts) => {
                let unparenthesized = elts.first().is_some_and(|elt| elt.pos == target.pos);
                unparenthesized && elts.last().is_some_and(|last| core::ptr::eq(last, bad))
            }
            _ => false,
        };
        let beside_equal = core::ptr::eq(bad, target) || unparenthesized_tuple_end;
        let suggestable = !matches!(
            bad.kind,
            ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    ..
                }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
        );
        let bad_pos = bad.pos;
        if first && beside_equal && suggestable {
            // A look at what follows the `=` (the error is certain, so consuming is harmless;
            // the error is still reported as found at the `=`).
            let equal = self.at;
            self.advance();
            let plain_operand_follows =
                self.bitwise_or().is_ok() && !matches!(self.peek(), Tok::Equal | Tok::ColonEqual);
            self.at = equal;
            if plain_operand_follows {
                let msg =
                    format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?");
                return Err(self.error_at(bad_pos, msg));
            }
        }
        Err(self.error_at(bad_pos, format!("cannot assign to {name}")))
    }

    /// `target ':' expression ['=' annotated_rhs]`
    fn annotated_assignment(&mut self, target: Expr, parenthesized: bool) -> PResult<StmtKind> {
        let problem = match target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
            ExprKind::Tuple(_) => Some("only single target (not tuple) can be annotated"),
            ExprKind::List(_) => Some("only single target (not list) can be annotated"),
            _ => Some("illegal target for annotation"),
        };
        if let Some(msg) = problem {
            // CPython complains about the target only when an annotation follows.
            if !can_start_expression(self.peek_nth(1)) {
                return Err(self.invalid_syntax());
            }
            return Err(self.error_at(target.pos, msg));
        }
        self.advance();
        let annotation = self.expression()?;
        let value = if self.eat(&Tok::Equal) {
            Some(if self.check(&Tok::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            })
        } else {
            None
        };
        let simple = matches!(target.kind, ExprKind::Name(_)) && !parenthesized;
        Ok(StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        })
    }

    /// `target op= (yield_expr | star_expressions)`
    fn augmented_assignment(&mut self, target: Expr) -> PResult<StmtKind> {
        if !matches!(
            target.kind,
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
        ) {
            let msg = format!(
                "'{}' is an illegal expression for augmented assignment",
                describe(&target.kind)
            );
            return Err(self.error_at(target.pos, msg));
        }
        let op = augmented_operator(self.peek()).unwrap_or(BinOp::Add);
        self.advance();
        let value = if self.check(&Tok::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        self.reject_bare_starred(&value);
        Ok(StmtKind::AugAssign { target, op, value })
    }

    /// A lone `*x` where a value is needed (CPython's compiler rejects it).
    pub(super) fn reject_bare_starred(&mut self, value: &Expr) {
        if matches!(value.kind, ExprKind::Starred(_)) {
            self.defer_error(value.pos, "can't use starred expression here");
        }
    }

    /// `print x` and `exec code`: Python 2 habits get CPython's hint.
    fn reject_legacy_print(&mut self, expr: &Expr) -> PResult<()> {
        if let ExprKind::Name(name) = &expr.kind
            && (name == "print" || name == "exec")
            && self.starts_expression()
        {
            let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
            return Err(self.error_at(expr.pos, msg));
        }
        Ok(())
    }

    /// `raise [expression ['from' expression]]`
    fn raise_statement(&mut self) -> PResult<StmtKind> {
        self.advance();
        if !self.starts_expression() {
            return Ok(StmtKind::Raise {
                exc: None,
                cause: None,
            });
        }
        let exc = Some(self.expression()?);
        let cause = if self.eat(&Tok::From) {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(StmtKind::Raise { exc, cause })
    }

    /// `del del_target (',' del_target)* [',']`
    fn del_statement(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut targets = Vec::new();
        loop {
            let target = self.star_expression()?;
            self.check_delete_target(&target)?;
            targets.push(target);
            if !self.eat(&Tok::Comma) || !self.starts_expression() {
                return Ok(StmtKind::Delete(targets));
            }
        }
    }

    /// `NAME (',' NAME)*` after `global` / `nonlocal`.
    fn name_list(&mut self) -> PResult<Vec<String>> {
        let mut names = alloc::vec![self.expect_name()?.0];
        while self.eat(&Tok::Comma) {
            names.push(self.expect_name()?.0);
        }
        Ok(names)
    }

    /// `import dotted_name ['as' NAME] (',' dotted_name ['as' NAME])*`
    fn import_statement(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let pos = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat(&Tok::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias { name, asname, pos });
            if !self.eat(&Tok::Comma) {
                return Ok(StmtKind::Import(names));
            }
        }
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?.0;
        while self.eat(&Tok::Dot) {
            name.push('.');
            name.push_str(&self.expect_name()?.0);
        }
        Ok(name)
    }

    /// `from ('.' | '...')* [dotted_name] import ('*' | '(' names [','] ')' | names)`
    fn import_from_statement(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0;
        loop {
            match self.peek() {
                Tok::Dot => level += 1,
                Tok::Ellipsis => level += 3,
                _ => break,
            }
            self.advance();
        }
        let module = if level > 0 && self.check(&Tok::Import) {
            None
        } else {
            Some(self.dotted_name()?)
        };
        self.expect(&Tok::Import)?;
        if self.check(&Tok::Star) {
            let pos = self.advance();
            let names = alloc::vec![Alias {
                name: String::from("*"),
                asname: None,
                pos
            }];
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let parenthesized = self.eat(&Tok::LPar);
        let mut names = Vec::new();
        loop {
            let (name, pos) = self.expect_name()?;
            let asname = if self.eat(&Tok::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias { name, asname, pos });
            if !self.eat(&Tok::Comma) {
                break;
            }
            if parenthesized && self.check(&Tok::RPar) {
                break;
            }
            if !parenthesized && matches!(self.peek(), Tok::Newline | Tok::Semi) {
                let at = self.start();
                return Err(self.error_at(
                    at,
                    "trailing comma not allowed without surrounding parentheses",
                ));
            }
        }
        if parenthesized {
            self.expect(&Tok::RPar)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }
}
