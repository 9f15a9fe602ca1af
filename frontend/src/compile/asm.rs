//! `@micropython.asm_thumb` bodies: each statement must be an instruction call, which becomes
//! an [`AsmStmt`] for the target's assembler (see `bytecode::asm`). The compiler checks only
//! the shape MicroPython's compiler checks; the operands' meaning is the assembler's business.

use super::Compiler;
use crate::ast::{Constant, Expr, ExprKind, Stmt, StmtKind};
use crate::bytecode::asm::{AsmArg, AsmBody, AsmStmt};
use crate::bytecode::code::Const;
use crate::error::CompileError;
use alloc::vec::Vec;

impl Compiler<'_> {
    /// The instructions of an inline-assembler body (its docstring already taken off).
    pub(super) fn asm_body(&mut self, body: &[Stmt]) -> Result<AsmBody, CompileError> {
        let mut stmts = Vec::with_capacity(body.len());
        for s in body {
            let call = match &s.kind {
                StmtKind::Expr(e) => match &e.kind {
                    ExprKind::Call {
                        func,
                        args,
                        keywords,
                    } if keywords.is_empty() => match &func.kind {
                        ExprKind::Name(op) => Some((op, args)),
                        _ => None,
                    },
                    _ => None,
                },
                StmtKind::Pass => continue,
                _ => None,
            };
            let Some((op, args)) = call else {
                return Err(self.err("expecting an assembler instruction", s.pos.line, s.pos.col));
            };
            stmts.push(AsmStmt {
                op: op.clone(),
                args: args.iter().map(|a| self.asm_arg(a)).collect(),
                line: s.pos.line,
                col: s.pos.col,
            });
        }
        Ok(AsmBody { stmts })
    }

    fn asm_arg(&self, e: &Expr) -> AsmArg {
        match &e.kind {
            ExprKind::List(items) => AsmArg::List(items.iter().map(|i| self.asm_arg(i)).collect()),
            ExprKind::Set(items) => AsmArg::Set(items.iter().map(|i| self.asm_arg(i)).collect()),
            ExprKind::Constant(Constant::True) => AsmArg::Int(1),
            ExprKind::Constant(Constant::False) => AsmArg::Int(0),
            _ => match self.consts.fold(e) {
                Some(Const::Int(i)) => AsmArg::Int(i),
                // A big constant keeps its low machine word, as MicroPython truncates it.
                Some(Const::BigInt { digits, radix }) => {
                    match num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix) {
                        Some(b) => {
                            let low = b & num_bigint::BigInt::from(u64::MAX);
                            AsmArg::Int(num_traits::ToPrimitive::to_u64(&low).unwrap_or(0) as i64)
                        }
                        None => AsmArg::Other,
                    }
                }
                _ => match &e.kind {
                    ExprKind::Name(n) => AsmArg::Name(n.clone()),
                    _ => AsmArg::Other,
                },
            },
        }
    }
}
