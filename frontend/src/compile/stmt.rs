//! Compiling statements: assignments, control flow, exception handling, `with`, imports,
//! function and class definitions, and the early-exit unwinding of `return`/`break`/`continue`.

use super::{Block, Compiler, Handler, NameOp};
use crate::ast::*;
use crate::bytecode::code::{CodeObject, Const, Emitter, flags};
use crate::bytecode::opcodes::{INPLACE, Op};
use crate::error::CompileError;
use crate::scope::ScopeKind;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// Viper's type names that are not built-in names (`int`, `bool` and `object` are).
const VIPER_TYPE_NAMES: [&str; 5] = ["uint", "ptr", "ptr8", "ptr16", "ptr32"];

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<(), CompileError> {
        self.set_line(s.pos.line);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f, s.pos),
            StmtKind::ClassDef(c) => self.class_def(c, s.pos),
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), s.pos),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.delete(t)),
            StmtKind::Assign { targets, value } => {
                if let [target] = targets.as_slice()
                    && let ExprKind::Name(name) = &target.kind
                    && let Some(arg) = self.consts.const_call(value)
                {
                    return self.define_const(name, target, arg);
                }
                if let [target] = targets.as_slice()
                    && let Some((items, values)) = parallel_parts(target, value)
                {
                    if self.distinct_locals(items) {
                        // `a, b, c = x, y, z` to distinct local variables: no tuple and no
                        // reordering; the values are stored last first. Nothing can observe
                        // the order of stores to local variables, which cannot fail.
                        values.iter().try_for_each(|v| self.expr(v))?;
                        return items.iter().rev().try_for_each(|t| self.store(t));
                    }
                    if items.len() <= 3 {
                        // `a, b = x, y`: no tuple is built; the values are reordered on the
                        // stack (the first target's on top), as unpacking would leave them.
                        values.iter().try_for_each(|v| self.expr(v))?;
                        self.emit(Op::Swap, items.len() as u32)?;
                        return items.iter().try_for_each(|t| self.store(t));
                    }
                }
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Copy, 1)?;
                    }
                    self.store(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                // `NAME: type = const(x)` is a constant as `NAME = const(x)` is (MicroPython).
                if let Some(v) = value
                    && let ExprKind::Name(name) = &target.kind
                    && let Some(arg) = self.consts.const_call(v)
                {
                    return self.define_const(name, target, arg);
                }
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                }
                let kind = self.scope().kind;
                if *simple
                    && matches!(kind, ScopeKind::Module | ScopeKind::Class)
                    && let ExprKind::Name(n) = &target.kind
                {
                    self.annotation(annotation)?;
                    let k = self.unit().add_name("__annotations__");
                    self.emit(Op::LoadName, k)?;
                    let name = self.mangled(n);
                    self.load_const(Const::Str(name))?;
                    self.emit(Op::StoreSubscr, 0)?;
                }
                Ok(())
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.require_async("'async for'", s)?;
                }
                self.for_loop(target, iter, body, orelse, *is_async)
            }
            StmtKind::While { test, body, orelse } => self.while_loop(test, body, orelse),
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::If { test, body, orelse } => {
                let else_l = self.label();
                let end = self.label();
                self.jump_if(test, false, else_l)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.jump(Op::Jump, end)?;
                }
                self.bind(else_l);
                self.stmts(orelse)?;
                self.bind(end);
                Ok(())
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.require_async("'async with'", s)?;
                }
                self.with_stmt(items, body, *is_async)
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::Raise, n)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if *is_star {
                    return Err(self.err(
                        "NotImplementedError: except* (exception groups) is not supported",
                        s.pos.line,
                        s.pos.col,
                    ));
                }
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)
                }
            }
            StmtKind::Assert { test, msg } => {
                if self.options.optimize {
                    return Ok(());
                }
                let end = self.label();
                self.jump_if(test, true, end)?;
                self.emit(Op::LoadAssertionError, 0)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call, 1)?;
                }
                self.emit(Op::Raise, 1)?;
                self.bind(end);
                Ok(())
            }
            StmtKind::Import(names) => {
                for a in names {
                    self.load_const(Const::Int(0))?;
                    self.emit(Op::LoadNone, 0)?;
                    let k = self.unit().add_name(&a.name);
                    self.emit(Op::ImportName, k)?;
                    match &a.asname {
                        Some(asname) => {
                            for part in a.name.split('.').skip(1) {
                                let k = self.unit().add_name(part);
                                self.emit(Op::ImportFrom, k)?;
                                self.emit(Op::Swap, 2)?;
                                self.emit(Op::Pop, 0)?;
                            }
                            self.store_name(asname)?;
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap_or(&a.name).to_string();
                            self.store_name(&top)?;
                        }
                    }
                }
                Ok(())
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.load_const(Const::Int(*level as i64))?;
                let fromlist = names.iter().map(|a| Const::Str(a.name.clone())).collect();
                self.load_const(Const::Tuple(fromlist))?;
                let k = self.unit().add_name(module.as_deref().unwrap_or(""));
                self.emit(Op::ImportName, k)?;
                if names.len() == 1 && names[0].name == "*" {
                    return self.emit(Op::ImportStar, 0);
                }
                for a in names {
                    let k = self.unit().add_name(&a.name);
                    self.emit(Op::ImportFrom, k)?;
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name))?;
                }
                self.emit(Op::Pop, 0)
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            StmtKind::Expr(e) => {
                self.expr(e)?;
                let interactive = self.mode == crate::Mode::Single && self.units.len() == 1;
                self.emit(if interactive { Op::PrintExpr } else { Op::Pop }, 0)
            }
            StmtKind::Break => self.break_continue(true, s.pos),
            StmtKind::Continue => self.break_continue(false, s.pos),
        }
    }

    // ---- assignment targets ----

    /// `name = const(arg)`: fold `arg`, remember it, and store it unless the name is private.
    fn define_const(
        &mut self,
        name: &str,
        target: &'a Expr,
        arg: &'a Expr,
    ) -> Result<(), CompileError> {
        if self.consts.get(name).is_some() {
            return Err(self.err("cannot assign to literal", target.pos.line, target.pos.col));
        }
        let Some(value) = self.consts.fold(arg) else {
            return Err(self.err("not a constant", arg.pos.line, arg.pos.col));
        };
        self.consts.define(name, value.clone());
        if name.starts_with('_') {
            return Ok(());
        }
        self.set_line(target.pos.line);
        self.load_const(value)?;
        self.name_op(name, NameOp::Store)
    }

    pub(super) fn store(&mut self, t: &'a Expr) -> Result<(), CompileError> {
        self.set_line(t.pos.line);
        match &t.kind {
            // A name defined by `const()` stands for its value: assigning to it is assigning to
            // a literal, as in MicroPython.
            ExprKind::Name(n) if self.consts.get(n).is_some() => {
                Err(self.err("cannot assign to literal", t.pos.line, t.pos.col))
            }
            ExprKind::Name(n) => self.name_op(n, NameOp::Store),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let name = self.mangled(attr);
                let k = self.unit().add_name(&name);
                self.emit(Op::StoreAttr, k)
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::StoreSubscr, 0)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    None => self.emit(Op::UnpackSequence, items.len() as u32)?,
                    Some(at) => {
                        if items[at + 1..]
                            .iter()
                            .any(|i| matches!(i.kind, ExprKind::Starred(_)))
                        {
                            return Err(self.err(
                                "multiple starred expressions in assignment",
                                t.pos.line,
                                t.pos.col,
                            ));
                        }
                        let after = items.len() - at - 1;
                        if at > 255 || after > 255 {
                            return Err(self.err(
                                "too many expressions in star-unpacking assignment",
                                t.pos.line,
                                t.pos.col,
                            ));
                        }
                        self.emit(Op::UnpackEx, (at as u32) | ((after as u32) << 8))?;
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(item)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => Err(self.err(
                "starred assignment target must be in a list or tuple",
                t.pos.line,
                t.pos.col,
            )),
            _ => Err(self.err("cannot assign to expression", t.pos.line, t.pos.col)),
        }
    }

    fn delete(&mut self, t: &'a Expr) -> Result<(), CompileError> {
        self.set_line(t.pos.line);
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameOp::Delete),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let name = self.mangled(attr);
                let k = self.unit().add_name(&name);
                self.emit(Op::DeleteAttr, k)
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::DeleteSubscr, 0)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.delete(i))
            }
            _ => Err(self.err("cannot delete expression", t.pos.line, t.pos.col)),
        }
    }

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
    ) -> Result<(), CompileError> {
        let opnum = super::expr::binop_number(op) + INPLACE;
        match &target.kind {
            ExprKind::Name(n) => {
                self.name_op(n, NameOp::Load)?;
                self.expr(value)?;
                self.emit(Op::BinaryOp, opnum)?;
                self.name_op(n, NameOp::Store)
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::Copy, 1)?;
                let name = self.mangled(attr);
                let k = self.unit().add_name(&name);
                self.emit(Op::LoadAttr, k)?;
                self.expr(value)?;
                self.emit(Op::BinaryOp, opnum)?;
                self.emit(Op::Swap, 2)?;
                self.emit(Op::StoreAttr, k)
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Op::Copy, 2)?;
                self.emit(Op::Copy, 2)?;
                self.emit(Op::BinarySubscr, 0)?;
                self.expr(value)?;
                self.emit(Op::BinaryOp, opnum)?;
                self.emit(Op::Swap, 3)?;
                self.emit(Op::Swap, 2)?;
                self.emit(Op::StoreSubscr, 0)
            }
            _ => Err(self.err(
                "'expression' is an illegal expression for augmented assignment",
                target.pos.line,
                target.pos.col,
            )),
        }
    }

    // ---- loops ----

    fn for_loop(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        is_async: bool,
    ) -> Result<(), CompileError> {
        if is_async {
            return self.async_for(target, iter, body, orelse);
        }
        self.expr(iter)?;
        self.emit(Op::GetIter, 0)?;
        let top = self.label();
        let done = self.label();
        let brk = self.label();
        self.bind(top);
        self.jump(Op::ForIter, done)?;
        self.store(target)?;
        self.blocks.last_mut().expect("blocks").push(Block::Loop {
            cont: top,
            brk,
            iter_on_stack: true,
        });
        self.stmts(body)?;
        self.blocks.last_mut().expect("blocks").pop();
        self.jump(Op::Jump, top)?;
        self.bind(done);
        self.stmts(orelse)?;
        self.bind(brk);
        Ok(())
    }

    fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), CompileError> {
        self.expr(iter)?;
        self.emit(Op::GetAIter, 0)?;
        let top = self.label();
        let handler = self.label();
        let done = self.label();
        let brk = self.label();
        self.bind(top);
        let depth = self.unit().depth();
        self.unit().handlers.push(Handler {
            label: handler,
            depth,
        });
        self.emit(Op::GetANext, 0)?;
        self.await_value()?;
        self.unit().handlers.pop();
        self.store(target)?;
        self.blocks.last_mut().expect("blocks").push(Block::Loop {
            cont: top,
            brk,
            iter_on_stack: true,
        });
        self.stmts(body)?;
        self.blocks.last_mut().expect("blocks").pop();
        self.jump(Op::Jump, top)?;
        self.unit().bind_handler(handler, depth);
        self.emit(Op::EndAsyncFor, 0)?;
        self.bind(done);
        self.stmts(orelse)?;
        self.bind(brk);
        Ok(())
    }

    fn while_loop(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), CompileError> {
        let top = self.label();
        let done = self.label();
        let brk = self.label();
        self.bind(top);
        let always = matches!(test.kind, ExprKind::Constant(Constant::True));
        if !always {
            self.jump_if(test, false, done)?;
        }
        self.blocks.last_mut().expect("blocks").push(Block::Loop {
            cont: top,
            brk,
            iter_on_stack: false,
        });
        self.stmts(body)?;
        self.blocks.last_mut().expect("blocks").pop();
        self.set_line(test.pos.line);
        self.jump(Op::Jump, top)?;
        self.bind(done);
        self.stmts(orelse)?;
        self.bind(brk);
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, pos: Pos) -> Result<(), CompileError> {
        let blocks = self.blocks.last().expect("blocks").clone();
        let Some(loop_at) = blocks.iter().rposition(|b| matches!(b, Block::Loop { .. })) else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.err(msg, pos.line, pos.col));
        };
        let saved_handlers = self.unit().handlers.clone();
        let saved_depth = self.unit().depth();
        self.unwind(&blocks, loop_at + 1, false)?;
        let Block::Loop {
            cont,
            brk,
            iter_on_stack,
        } = blocks[loop_at]
        else {
            unreachable!()
        };
        if is_break {
            if iter_on_stack {
                self.emit(Op::Pop, 0)?;
            }
            self.jump(Op::Jump, brk)?;
        } else {
            self.jump(Op::Jump, cont)?;
        }
        self.unit().handlers = saved_handlers;
        self.unit().set_depth(saved_depth);
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, pos: Pos) -> Result<(), CompileError> {
        if !matches!(self.scope().kind, ScopeKind::Function) {
            return Err(self.err("'return' outside function", pos.line, pos.col));
        }
        if value.is_some() && self.unit().code.flags & flags::ASYNC_GENERATOR != 0 {
            return Err(self.err("'return' with value in async generator", pos.line, pos.col));
        }
        match value {
            Some(v) => self.expr(v)?,
            None => self.emit(Op::LoadNone, 0)?,
        }
        let blocks = self.blocks.last().expect("blocks").clone();
        let saved_handlers = self.unit().handlers.clone();
        let saved_depth = self.unit().depth();
        self.unwind(&blocks, 0, true)?;
        self.emit(Op::ReturnValue, 0)?;
        self.unit().handlers = saved_handlers;
        self.unit().set_depth(saved_depth.saturating_sub(1));
        Ok(())
    }

    /// Emit the clean-up of `blocks[from..]` (innermost last) for an early exit. With `keep_tos`, the
    /// value on top of the stack (a return value) is preserved below each clean-up.
    fn unwind(
        &mut self,
        blocks: &[Block<'a>],
        from: usize,
        keep_tos: bool,
    ) -> Result<(), CompileError> {
        for (i, block) in blocks.iter().enumerate().skip(from).rev() {
            match block {
                Block::Loop {
                    iter_on_stack: true,
                    ..
                } => {
                    if keep_tos {
                        self.emit(Op::Swap, 2)?;
                    }
                    self.emit(Op::Pop, 0)?;
                }
                Block::Loop { .. } => {}
                Block::Finally { body, handlers } => {
                    self.unit().handlers.truncate(*handlers);
                    // The finally body runs with the blocks outside it only, so a `return`
                    // inside it does not run it again.
                    let mut outer = blocks[..i].to_vec();
                    if keep_tos {
                        outer.push(Block::PopValue);
                    }
                    let saved = core::mem::replace(self.blocks.last_mut().expect("blocks"), outer);
                    let r = self.stmts(body);
                    *self.blocks.last_mut().expect("blocks") = saved;
                    r?;
                }
                Block::Handler {
                    name,
                    exc_on_stack,
                    handlers,
                } => {
                    self.unit().handlers.truncate(*handlers);
                    if *exc_on_stack {
                        if keep_tos {
                            self.emit(Op::Swap, 2)?;
                        }
                        self.emit(Op::Pop, 0)?;
                    }
                    if keep_tos {
                        self.emit(Op::Swap, 2)?;
                    }
                    self.emit(Op::PopExcept, 0)?;
                    if let Some(n) = name {
                        self.emit(Op::LoadNone, 0)?;
                        self.name_op(n, NameOp::Store)?;
                        self.name_op(n, NameOp::Delete)?;
                    }
                }
                Block::With { handlers, is_async } => {
                    self.unit().handlers.truncate(*handlers);
                    if keep_tos {
                        self.emit(Op::Swap, 2)?;
                    }
                    self.call_exit_with_nones(*is_async)?;
                }
                Block::PopValue => {
                    if keep_tos {
                        self.emit(Op::Swap, 2)?;
                    }
                    self.emit(Op::Pop, 0)?;
                }
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self, is_async: bool) -> Result<(), CompileError> {
        self.emit(Op::LoadNone, 0)?;
        self.emit(Op::LoadNone, 0)?;
        self.emit(Op::LoadNone, 0)?;
        self.emit(Op::Call, 3)?;
        if is_async {
            self.emit(Op::GetAwaitable, 0)?;
            self.await_value()?;
        }
        self.emit(Op::Pop, 0)
    }

    // ---- exception handling ----

    /// Emit the shared clean-up handler used while a handler body runs: restore the previously
    /// handled exception (below the new one) and re-raise the new one.
    fn emit_cleanup(
        &mut self,
        label: super::Label,
        depth: u32,
        name: Option<&str>,
    ) -> Result<(), CompileError> {
        self.unit().bind_handler(label, depth);
        self.emit(Op::Swap, 2)?;
        self.emit(Op::PopExcept, 0)?;
        if let Some(n) = name {
            self.emit(Op::LoadNone, 0)?;
            self.name_op(n, NameOp::Store)?;
            self.name_op(n, NameOp::Delete)?;
        }
        self.emit(Op::Reraise, 0)
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<(), CompileError> {
        let handler_l = self.label();
        let end = self.label();
        let depth = self.unit().depth();
        let outer_handlers = self.unit().handlers.len();
        self.unit().handlers.push(Handler {
            label: handler_l,
            depth,
        });
        self.stmts(body)?;
        self.unit().handlers.pop();
        self.stmts(orelse)?;
        self.jump(Op::Jump, end)?;

        // Handler entry: [.. depth, exc]
        self.unit().bind_handler(handler_l, depth);
        self.emit(Op::PushExcInfo, 0)?;
        let cleanup = self.label();
        self.unit().handlers.push(Handler {
            label: cleanup,
            depth: depth + 1,
        });
        let mut named_cleanups = Vec::new();
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.pos.line);
            let next = self.label();
            match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.emit(Op::CheckExcMatch, 0)?;
                    self.jump(Op::PopJumpIfFalse, next)?;
                }
                None if i + 1 < handlers.len() => {
                    return Err(self.err("default 'except:' must be last", h.pos.line, h.pos.col));
                }
                None => {}
            }
            // [.. prev, exc]
            match &h.name {
                Some(n) => {
                    self.store_name(n)?;
                    let named = self.label();
                    named_cleanups.push((named, n.clone()));
                    self.unit().handlers.push(Handler {
                        label: named,
                        depth: depth + 1,
                    });
                    self.blocks
                        .last_mut()
                        .expect("blocks")
                        .push(Block::Handler {
                            name: Some(n.clone()),
                            exc_on_stack: false,
                            handlers: outer_handlers,
                        });
                    self.stmts(&h.body)?;
                    self.blocks.last_mut().expect("blocks").pop();
                    self.unit().handlers.pop();
                    self.emit(Op::PopExcept, 0)?;
                    self.emit(Op::LoadNone, 0)?;
                    self.name_op(n, NameOp::Store)?;
                    self.name_op(n, NameOp::Delete)?;
                }
                None => {
                    self.emit(Op::Pop, 0)?;
                    self.blocks
                        .last_mut()
                        .expect("blocks")
                        .push(Block::Handler {
                            name: None,
                            exc_on_stack: false,
                            handlers: outer_handlers,
                        });
                    self.stmts(&h.body)?;
                    self.blocks.last_mut().expect("blocks").pop();
                    self.emit(Op::PopExcept, 0)?;
                }
            }
            self.jump(Op::Jump, end)?;
            self.bind(next);
            self.unit().set_depth(depth + 2);
        }
        // No clause matched: re-raise with the previous exception restored by the clean-up.
        self.emit(Op::Reraise, 0)?;
        self.unit().handlers.pop();
        self.emit_cleanup(cleanup, depth + 1, None)?;
        for (label, name) in named_cleanups {
            self.emit_cleanup(label, depth + 1, Some(&name))?;
        }
        self.bind(end);
        self.unit().set_depth(depth);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<(), CompileError> {
        let exc_path = self.label();
        let end = self.label();
        let depth = self.unit().depth();
        let outer_handlers = self.unit().handlers.len();
        self.unit().handlers.push(Handler {
            label: exc_path,
            depth,
        });
        self.blocks
            .last_mut()
            .expect("blocks")
            .push(Block::Finally {
                body: finalbody,
                handlers: outer_handlers,
            });
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.blocks.last_mut().expect("blocks").pop();
        self.unit().handlers.pop();
        // Normal path.
        self.stmts(finalbody)?;
        self.jump(Op::Jump, end)?;
        // Exception path: [.. depth, exc]
        self.unit().bind_handler(exc_path, depth);
        self.emit(Op::PushExcInfo, 0)?;
        let cleanup = self.label();
        self.unit().handlers.push(Handler {
            label: cleanup,
            depth: depth + 1,
        });
        self.blocks
            .last_mut()
            .expect("blocks")
            .push(Block::Handler {
                name: None,
                exc_on_stack: true,
                handlers: outer_handlers,
            });
        self.stmts(finalbody)?;
        self.blocks.last_mut().expect("blocks").pop();
        self.emit(Op::Reraise, 0)?;
        self.unit().handlers.pop();
        self.emit_cleanup(cleanup, depth + 1, None)?;
        self.bind(end);
        self.unit().set_depth(depth);
        Ok(())
    }

    fn with_stmt(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> Result<(), CompileError> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&item.context_expr)?;
        if is_async {
            self.emit(Op::BeforeAsyncWith, 0)?;
            self.emit(Op::GetAwaitable, 0)?;
            self.await_value()?;
        } else {
            self.emit(Op::BeforeWith, 0)?;
        }
        // [.. exit, enter_result]
        let depth = self.unit().depth() - 1;
        let exc_path = self.label();
        let end = self.label();
        let outer_handlers = self.unit().handlers.len();
        self.unit().handlers.push(Handler {
            label: exc_path,
            depth,
        });
        match &item.optional_vars {
            Some(t) => self.store(t)?,
            None => self.emit(Op::Pop, 0)?,
        }
        self.blocks.last_mut().expect("blocks").push(Block::With {
            handlers: outer_handlers,
            is_async,
        });
        self.with_stmt(rest, body, is_async)?;
        self.blocks.last_mut().expect("blocks").pop();
        self.unit().handlers.pop();
        self.call_exit_with_nones(is_async)?;
        self.jump(Op::Jump, end)?;

        // Exception path: [.. exit, exc]
        self.unit().bind_handler(exc_path, depth);
        self.emit(Op::PushExcInfo, 0)?;
        let cleanup = self.label();
        self.unit().handlers.push(Handler {
            label: cleanup,
            depth: depth + 1,
        });
        self.emit(Op::WithExceptStart, 0)?;
        if is_async {
            self.emit(Op::GetAwaitable, 0)?;
            self.await_value()?;
        }
        let suppress = self.label();
        self.jump(Op::PopJumpIfTrue, suppress)?;
        self.emit(Op::Reraise, 0)?;
        self.bind(suppress);
        self.unit().set_depth(depth + 2);
        self.unit().handlers.pop();
        self.emit(Op::Pop, 0)?;
        self.emit(Op::PopExcept, 0)?;
        self.emit(Op::Pop, 0)?;
        self.jump(Op::Jump, end)?;
        self.emit_cleanup(cleanup, depth + 1, None)?;
        self.bind(end);
        self.unit().set_depth(depth - 1);
        Ok(())
    }

    // ---- definitions ----

    fn function_def(&mut self, f: &'a FunctionDef, pos: Pos) -> Result<(), CompileError> {
        let mut emitter = self.options.default_emitter;
        let mut decorators = Vec::new();
        for d in &f.decorators {
            match self.emitter_decorator(d)? {
                Some(e) => emitter = e,
                None => decorators.push(d),
            }
        }
        if self.unit().code.emitter != crate::bytecode::code::Emitter::Bytecode
            && f.decorators.is_empty()
        {
            // Nested functions inherit their parent's emitter (MicroPython does the same).
            emitter = self.unit().code.emitter;
        }
        for d in &decorators {
            self.expr(d)?;
        }
        let code = self.function_body(
            &f.name,
            &f.args,
            pos,
            FunctionBody::Stmts(&f.body),
            f.is_async,
            emitter,
            f.returns.as_ref(),
        )?;
        self.make_function(code, &f.args, f.returns.as_ref())?;
        for _ in &decorators {
            self.emit(Op::Call, 1)?;
        }
        self.store_name(&f.name)
    }

    /// Evaluate defaults, keyword defaults and annotations, then build the function object.
    pub(super) fn make_function(
        &mut self,
        code: CodeObject,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> Result<(), CompileError> {
        let mut flags_arg = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple, args.defaults.len() as u32)?;
            flags_arg |= 1;
        }
        let kw: Vec<(&Arg, &Expr)> = args
            .kwonlyargs
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if !kw.is_empty() {
            for (a, d) in &kw {
                let name = self.mangled(&a.name);
                self.load_const(Const::Str(name))?;
                self.expr(d)?;
            }
            self.emit(Op::BuildMap, kw.len() as u32)?;
            flags_arg |= 2;
        }
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.iter());
        let annotated: Vec<&Arg> = all
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.iter())
            .filter(|a| a.annotation.is_some())
            .collect();
        // Viper and asm_thumb annotations are type names for the code generator (`uint`, `ptr8`,
        // `r0`...), not expressions: MicroPython never evaluates them.
        let typed = matches!(code.emitter, Emitter::Viper | Emitter::AsmThumb);
        if !typed && (!annotated.is_empty() || returns.is_some()) {
            let mut n = 0;
            for a in annotated {
                let name = self.mangled(&a.name);
                self.load_const(Const::Str(name))?;
                self.annotation(a.annotation.as_ref().expect("filtered"))?;
                n += 1;
            }
            if let Some(r) = returns {
                self.load_const(Const::Str(String::from("return")))?;
                self.annotation(r)?;
                n += 1;
            }
            self.emit(Op::BuildMap, n)?;
            flags_arg |= 4;
        }
        if self.closure_for(&code)? {
            flags_arg |= 8;
        }
        self.load_const(Const::Code(alloc::boxed::Box::new(code)))?;
        self.emit(Op::MakeFunction, flags_arg)
    }

    /// An evaluated annotation. A bare viper type name (`uint`, `ptr8`...) that no enclosing
    /// scope binds is that name as a string: MicroPython programs annotate plain functions with
    /// them too, and MicroPython never evaluates annotations where CPython would raise NameError.
    fn annotation(&mut self, annotation: &'a Expr) -> Result<(), CompileError> {
        if let ExprKind::Name(name) = &annotation.kind
            && VIPER_TYPE_NAMES.contains(&name.as_str())
            && !self.units.iter().any(|unit| unit.scope.binds(name))
        {
            return self.load_const(Const::Str(name.clone()));
        }
        self.expr(annotation)
    }

    /// Compile a function or lambda body into a code object.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn function_body(
        &mut self,
        name: &str,
        args: &'a Arguments,
        pos: Pos,
        body: FunctionBody<'a>,
        is_async: bool,
        emitter: Emitter,
        returns: Option<&'a Expr>,
    ) -> Result<CodeObject, CompileError> {
        let scope = self.unit().take_child();
        let mut fl = 0;
        if args.vararg.is_some() {
            fl |= flags::VARARGS;
        }
        if args.kwarg.is_some() {
            fl |= flags::VARKEYWORDS;
        }
        match (is_async, scope.is_generator) {
            (true, true) => fl |= flags::ASYNC_GENERATOR,
            (true, false) => fl |= flags::COROUTINE,
            (false, true) => fl |= flags::GENERATOR,
            _ => {}
        }
        let mut annotations = Vec::new();
        if emitter == Emitter::Viper || emitter == Emitter::AsmThumb {
            let all = args
                .posonlyargs
                .iter()
                .chain(&args.args)
                .chain(&args.kwonlyargs);
            let named = all
                .filter_map(|a| Some((a.name.clone(), a.annotation.as_ref()?)))
                .chain(returns.map(|r| (String::from("return"), r)));
            for (name, ann) in named {
                match &ann.kind {
                    ExprKind::Name(t) => annotations.push((name, t.clone())),
                    // MicroPython's compiler takes only a type name here.
                    _ if emitter == Emitter::Viper => {
                        return Err(self.err(
                            "annotation must be an identifier",
                            ann.pos.line,
                            ann.pos.col,
                        ));
                    }
                    _ => {}
                }
            }
        }
        let code = CodeObject {
            name: name.to_string(),
            qualname: self.qualname(name),
            filename: self.filename.clone(),
            first_line: pos.line,
            flags: fl,
            argcount: (args.posonlyargs.len() + args.args.len()) as u32,
            posonlyargcount: args.posonlyargs.len() as u32,
            kwonlyargcount: args.kwonlyargs.len() as u32,
            emitter,
            annotations,
            ..Default::default()
        };
        self.push_unit(code, scope);
        self.set_line(pos.line);
        match body {
            FunctionBody::Stmts(stmts) if emitter == Emitter::AsmThumb => {
                let rest = self.docstring(stmts)?;
                let asm = self.asm_body(rest)?;
                self.unit().code.asm = Some(asm);
                self.emit(Op::LoadNone, 0)?;
                self.emit(Op::ReturnValue, 0)?;
            }
            FunctionBody::Stmts(stmts) => {
                let rest = self.docstring(stmts)?;
                self.stmts(rest)?;
                self.emit(Op::LoadNone, 0)?;
                self.emit(Op::ReturnValue, 0)?;
            }
            FunctionBody::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::ReturnValue, 0)?;
            }
        }
        Ok(self.pop_unit())
    }

    fn class_def(&mut self, c: &'a ClassDef, pos: Pos) -> Result<(), CompileError> {
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.emit(Op::LoadBuildClass, 0)?;
        let scope = self.unit().take_child();
        let qualname = self.qualname(&c.name);
        let code = CodeObject {
            name: c.name.clone(),
            qualname: qualname.clone(),
            filename: self.filename.clone(),
            first_line: pos.line,
            flags: flags::NAMESPACE | flags::CLASS_BODY,
            emitter: self.unit().code.emitter,
            ..Default::default()
        };
        self.push_unit(code, scope);
        self.set_line(pos.line);
        let k = self.unit().add_const(Const::Str(qualname));
        self.emit(Op::SetupClassBody, k)?;
        let rest = self.docstring(&c.body)?;
        if let Some(doc) = self.unit().code.doc.clone() {
            self.load_const(Const::Str(doc))?;
            self.store_name("__doc__")?;
        }
        if super::has_annotations(rest) {
            self.emit(Op::SetupAnnotations, 0)?;
        }
        self.stmts(rest)?;
        if self.scope().needs_class_cell {
            let idx = self.deref_index("__class__");
            self.emit(Op::LoadClosure, idx)?;
        } else {
            self.emit(Op::LoadNone, 0)?;
        }
        self.emit(Op::ReturnValue, 0)?;
        let body_code = self.pop_unit();
        let mut mf = 0;
        if self.closure_for(&body_code)? {
            mf |= 8;
        }
        self.load_const(Const::Code(alloc::boxed::Box::new(body_code)))?;
        self.emit(Op::MakeFunction, mf)?;
        self.load_const(Const::Str(c.name.clone()))?;
        self.call_args(2, &c.bases, &c.keywords)?;
        for _ in &c.decorators {
            self.emit(Op::Call, 1)?;
        }
        self.store_name(&c.name)
    }
}

/// The body of a function being compiled: statements (`def`) or one expression (`lambda`).
pub(super) enum FunctionBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

impl<'a> Compiler<'a> {
    /// Whether `items` are distinct names of local variables (fast locals or cells) of a
    /// function.
    fn distinct_locals(&self, items: &[Expr]) -> bool {
        let scope = self.scope();
        if scope.kind != ScopeKind::Function {
            return false;
        }
        let mut seen: Vec<String> = Vec::new();
        for t in items {
            let ExprKind::Name(n) = &t.kind else {
                return false;
            };
            let name = self.mangled(n);
            let local = matches!(
                scope.access_of(&name),
                super::Access::Local | super::Access::Cell | super::Access::Free
            );
            if !local || seen.contains(&name) {
                return false;
            }
            seen.push(name);
        }
        true
    }
}

/// The targets and values of `a, b, ... = x, y, ...` with as many values as targets (at least
/// two) and no starred item on either side: an assignment that needs no tuple.
fn parallel_parts<'a>(target: &'a Expr, value: &'a Expr) -> Option<(&'a [Expr], &'a [Expr])> {
    let (ExprKind::Tuple(items) | ExprKind::List(items)) = &target.kind else {
        return None;
    };
    let ExprKind::Tuple(values) = &value.kind else {
        return None;
    };
    let starred = |e: &Expr| matches!(e.kind, ExprKind::Starred(_));
    (items.len() >= 2 && values.len() == items.len() && !items.iter().chain(values).any(starred))
        .then_some((items.as_slice(), values.as_slice()))
}
