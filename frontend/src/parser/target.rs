//! Targets: the expressions that can be assigned to or deleted, parsing target lists, and
//! CPython's messages when something else appears there (`cannot assign to literal`).

use alloc::format;

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind};
use crate::lexer::Tok;

/// What a target is used for; deleting forbids starred targets.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetUse {
    /// `=`, `for`, `with ... as`, comprehensions.
    Assign,
    /// `del`.
    Delete,
}

/// How CPython names an expression in error messages (`_PyPegen_get_expr_name`).
pub(super) fn describe(kind: &ExprKind) -> &'static str {
    match kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first part of `expr` that cannot be a target, searching into lists and tuples
/// (CPython's `_PyPegen_get_invalid_target`).
pub(super) fn invalid_target(expr: &Expr, usage: TargetUse) -> Option<&Expr> {
    match &expr.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|elt| invalid_target(elt, usage))
        }
        ExprKind::Starred(value) => match usage {
            TargetUse::Delete => Some(expr),
            TargetUse::Assign => invalid_target(value, usage),
        },
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        _ => Some(expr),
    }
}

impl Parser {
    /// The targets of a `for` loop or comprehension, up to `in`: bitwise-or-level elements so
    /// that `in` is not taken for a comparison.
    pub(super) fn for_targets(&mut self) -> PResult<Expr> {
        let pos = self.start();
        let first = self.target_element()?;
        let target = if self.check(&Tok::Comma) {
            let mut elts = alloc::vec![first];
            while self.eat(&Tok::Comma) && !self.check(&Tok::In) {
                elts.push(self.target_element()?);
            }
            Expr {
                kind: ExprKind::Tuple(elts),
                pos,
            }
        } else {
            first
        };
        self.check_assign_target(&target)?;
        Ok(target)
    }

    /// One target, as after `as` in a `with` item.
    pub(super) fn single_target(&mut self) -> PResult<Expr> {
        let target = self.target_element()?;
        self.check_assign_target(&target)?;
        Ok(target)
    }

    fn target_element(&mut self) -> PResult<Expr> {
        if self.check(&Tok::Star) {
            self.starred()
        } else {
            self.bitwise_or()
        }
    }

    /// Rejects what cannot be assigned to, with CPython's messages.
    pub(super) fn check_assign_target(&mut self, target: &Expr) -> PResult<()> {
        if let Some(bad) = invalid_target(target, TargetUse::Assign) {
            return Err(self.error_at(bad.pos, format!("cannot assign to {}", describe(&bad.kind))));
        }
        self.check_starred_targets(target, true);
        Ok(())
    }

    /// The starred-target rules CPython's compiler enforces: a starred target only inside a
    /// list or tuple, and at most one per list or tuple.
    fn check_starred_targets(&mut self, target: &Expr, top_level: bool) {
        match &target.kind {
            ExprKind::Starred(_) if top_level => {
                self.defer_error(
                    target.pos,
                    "starred assignment target must be in a list or tuple",
                );
            }
            ExprKind::Starred(value) => self.check_starred_targets(value, false),
            ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                let starred = elts
                    .iter()
                    .filter(|elt| matches!(elt.kind, ExprKind::Starred(_)))
                    .count();
                if starred > 1 {
                    self.defer_error(target.pos, "multiple starred expressions in assignment");
                }
                for elt in elts {
                    self.check_starred_targets(elt, false);
                }
            }
            _ => {}
        }
    }

    /// Rejects what cannot be deleted, with CPython's messages.
    pub(super) fn check_delete_target(&mut self, target: &Expr) -> PResult<()> {
        match invalid_target(target, TargetUse::Delete) {
            Some(bad) => {
                Err(self.error_at(bad.pos, format!("cannot delete {}", describe(&bad.kind))))
            }
            None => Ok(()),
        }
    }
}
