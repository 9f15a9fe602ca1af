//! Compiling expressions: operators, calls (with the method-call fast path), displays,
//! comprehensions, f-strings, lambdas, `yield`/`await`, and conditional jumps.

use super::stmt::FunctionBody;
use super::{Compiler, NameOp};
use crate::ast::*;
use crate::bytecode::code::{CodeObject, Const, Emitter, flags};
use crate::bytecode::opcodes::{BinaryOperator, Comparison, Op, UnaryOperator};
use crate::error::CompileError;
use crate::scope::{Access, ScopeKind};
use alloc::string::String;
use alloc::vec::Vec;

/// Flag in `ListExtend`'s operand: the list holds call arguments (for the error message).
pub const CALL_ARGS: u32 = 0x100;

/// The `BinaryOp` operand for an AST operator.
pub(super) fn binop_number(op: BinOp) -> u32 {
    let b = match op {
        BinOp::Add => BinaryOperator::Add,
        BinOp::Sub => BinaryOperator::Sub,
        BinOp::Mult => BinaryOperator::Mul,
        BinOp::MatMult => BinaryOperator::MatMul,
        BinOp::Div => BinaryOperator::TrueDiv,
        BinOp::Mod => BinaryOperator::Mod,
        BinOp::Pow => BinaryOperator::Pow,
        BinOp::LShift => BinaryOperator::LShift,
        BinOp::RShift => BinaryOperator::RShift,
        BinOp::BitOr => BinaryOperator::Or,
        BinOp::BitXor => BinaryOperator::Xor,
        BinOp::BitAnd => BinaryOperator::And,
        BinOp::FloorDiv => BinaryOperator::FloorDiv,
    };
    b as u32
}

fn cmp_number(op: CmpOp) -> u32 {
    let c = match op {
        CmpOp::Eq => Comparison::Eq,
        CmpOp::NotEq => Comparison::Ne,
        CmpOp::Lt => Comparison::Lt,
        CmpOp::LtE => Comparison::Le,
        CmpOp::Gt => Comparison::Gt,
        CmpOp::GtE => Comparison::Ge,
        CmpOp::Is => Comparison::Is,
        CmpOp::IsNot => Comparison::IsNot,
        CmpOp::In => Comparison::In,
        CmpOp::NotIn => Comparison::NotIn,
    };
    c as u32
}

pub(super) fn constant_to_const(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::True => Const::True,
        Constant::False => Const::False,
        Constant::Ellipsis => Const::Ellipsis,
        Constant::Int(i) => Const::Int(*i),
        Constant::BigInt { digits, radix } => Const::BigInt {
            digits: digits.clone(),
            radix: *radix,
        },
        Constant::Float(f) => Const::Float(*f),
        Constant::Imaginary(f) => Const::Imaginary(*f),
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
    }
}

impl<'a> Compiler<'a> {
    /// `e` as a constant, when it is one (as CPython's AST optimiser folds literals, negated
    /// numbers and tuples of them), `const()` names included.
    pub(super) fn folded_constant(&self, e: &Expr) -> Option<Const> {
        match &e.kind {
            ExprKind::Constant(c) => Some(constant_to_const(c)),
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand,
            } => match &operand.kind {
                ExprKind::Constant(Constant::Int(i)) if *i != i64::MIN => Some(Const::Int(-i)),
                ExprKind::Constant(Constant::Float(f)) => Some(Const::Float(-f)),
                _ => None,
            },
            ExprKind::Tuple(items) => items
                .iter()
                .map(|i| self.folded_constant(i))
                .collect::<Option<Vec<_>>>()
                .map(Const::Tuple),
            ExprKind::Name(n) => self.const_name(n),
            _ => None,
        }
    }

    /// Is code compiled here inside an `async def` (or an async comprehension)?
    pub(super) fn in_async(&mut self) -> bool {
        let code_flags = self.unit().code.flags;
        code_flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
            || (self.scope().kind == ScopeKind::Comprehension && self.scope().is_async)
    }

    /// A SyntaxError unless the statement `s` (`what`) is inside an `async def`.
    pub(super) fn require_async(
        &mut self,
        what: &str,
        s: &crate::ast::Stmt,
    ) -> Result<(), CompileError> {
        if self.in_async() {
            return Ok(());
        }
        Err(self.err(
            alloc::format!("{what} outside async function"),
            s.pos.line,
            s.pos.col,
        ))
    }

    /// The value of a `const()` name where it is read as a global.
    fn const_name(&self, n: &str) -> Option<Const> {
        let c = self.consts.get(n)?;
        matches!(self.scope().access_of(n), Access::Global | Access::Name).then(|| c.clone())
    }

    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<(), CompileError> {
        self.set_line(e.pos.line);
        match &e.kind {
            ExprKind::Constant(c) => self.load_const(constant_to_const(c)),
            ExprKind::Name(n) => {
                if n == "__debug__" {
                    return self.load_const(if self.options.optimize {
                        Const::False
                    } else {
                        Const::True
                    });
                }
                if let Some(c) = self.const_name(n) {
                    return self.load_const(c);
                }
                self.name_op(n, NameOp::Load)
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_line(e.pos.line);
                self.emit(Op::BinaryOp, binop_number(*op))
            }
            ExprKind::UnaryOp { op, operand } => {
                if let (UnaryOp::USub, ExprKind::Constant(c)) = (op, &operand.kind) {
                    match c {
                        Constant::Int(i) if *i != i64::MIN => {
                            return self.load_const(Const::Int(-i));
                        }
                        Constant::Float(f) => return self.load_const(Const::Float(-f)),
                        _ => {}
                    }
                }
                self.expr(operand)?;
                let u = match op {
                    UnaryOp::USub => UnaryOperator::Neg,
                    UnaryOp::UAdd => UnaryOperator::Pos,
                    UnaryOp::Invert => UnaryOperator::Invert,
                    UnaryOp::Not => UnaryOperator::Not,
                };
                self.emit(Op::UnaryOp, u as u32)
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.label();
                let jump = if *op == BoolOp::And {
                    Op::JumpIfFalseOrPop
                } else {
                    Op::JumpIfTrueOrPop
                };
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.jump(jump, end)?;
                    }
                }
                self.bind(end);
                Ok(())
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators),
            ExprKind::IfExp { test, body, orelse } => {
                let else_l = self.label();
                let end = self.label();
                self.jump_if(test, false, else_l)?;
                self.expr(body)?;
                self.jump(Op::Jump, end)?;
                self.bind(else_l);
                self.expr(orelse)?;
                self.bind(end);
                Ok(())
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Copy, 1)?;
                self.store(target)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_line(e.pos.line);
                let name = self.mangled(attr);
                let k = self.unit().add_name(&name);
                self.emit(Op::LoadAttr, k)
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_line(e.pos.line);
                self.emit(Op::BinarySubscr, 0)
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.emit(Op::LoadNone, 0)?,
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice, 3)
                    }
                    None => self.emit(Op::BuildSlice, 2),
                }
            }
            ExprKind::Tuple(items) => self.sequence(items, Op::BuildTuple),
            ExprKind::List(items) => self.sequence(items, Op::BuildList),
            ExprKind::Set(items) => self.sequence(items, Op::BuildSet),
            ExprKind::Dict { keys, values } => self.dict_display(keys, values),
            ExprKind::Starred(_) => {
                Err(self.err("can't use starred expression here", e.pos.line, e.pos.col))
            }
            ExprKind::Lambda { args, body } => {
                let emitter = self.inherited_emitter();
                let code = self.function_body(
                    "<lambda>",
                    args,
                    e.pos,
                    FunctionBody::Expr(body),
                    false,
                    emitter,
                    None,
                )?;
                self.make_function(code, args, None)
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("<listcomp>", e.pos, generators, CompKind::List(elt))
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("<setcomp>", e.pos, generators, CompKind::Set(elt))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension("<dictcomp>", e.pos, generators, CompKind::Dict(key, value)),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("<genexpr>", e.pos, generators, CompKind::Gen(elt))
            }
            ExprKind::Yield(value) => {
                self.check_in_function("'yield' outside function", e.pos)?;
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.emit(Op::LoadNone, 0)?,
                }
                if self.unit().code.flags & flags::ASYNC_GENERATOR != 0 {
                    self.emit(Op::AsyncGenWrap, 0)?;
                }
                self.emit(Op::YieldValue, 0)
            }
            ExprKind::YieldFrom(value) => {
                self.check_in_function("'yield' outside function", e.pos)?;
                if self.unit().code.flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
                    return Err(self.err(
                        "'yield from' inside async function",
                        e.pos.line,
                        e.pos.col,
                    ));
                }
                self.expr(value)?;
                self.emit(Op::GetYieldFromIter, 0)?;
                self.await_value()
            }
            ExprKind::Await(value) => {
                if !self.in_async() {
                    let msg = if matches!(self.scope().kind, ScopeKind::Module | ScopeKind::Class) {
                        "'await' outside function"
                    } else {
                        "'await' outside async function"
                    };
                    return Err(self.err(msg, e.pos.line, e.pos.col));
                }
                self.expr(value)?;
                self.emit(Op::GetAwaitable, 0)?;
                self.await_value()
            }
            ExprKind::JoinedStr(parts) => {
                if parts.is_empty() {
                    return self.load_const(Const::Str(String::new()));
                }
                for p in parts {
                    self.expr(p)?;
                }
                if parts.len() > 1 || !matches!(parts[0].kind, ExprKind::Constant(_)) {
                    self.emit(Op::BuildString, parts.len() as u32)?;
                }
                Ok(())
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut arg = match conversion {
                    None => 0,
                    Some('s') => 1,
                    Some('r') => 2,
                    Some(_) => 3,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    arg |= 4;
                }
                self.emit(Op::FormatValue, arg)
            }
        }
    }

    fn inherited_emitter(&mut self) -> Emitter {
        match self.unit().code.emitter {
            Emitter::Native | Emitter::Viper => self.unit().code.emitter,
            _ => self.options.default_emitter,
        }
    }

    fn check_in_function(&self, msg: &str, pos: Pos) -> Result<(), CompileError> {
        match self.scope().kind {
            ScopeKind::Function | ScopeKind::Comprehension => Ok(()),
            _ => Err(self.err(msg, pos.line, pos.col)),
        }
    }

    /// TOS is an iterator/awaitable: drive it to completion, yielding what it yields
    /// (`yield from` and `await`). Leaves the final result on the stack.
    pub(super) fn await_value(&mut self) -> Result<(), CompileError> {
        self.emit(Op::LoadNone, 0)?;
        let top = self.label();
        let done = self.label();
        self.bind(top);
        self.jump(Op::Send, done)?;
        self.emit(Op::YieldValue, 0)?;
        self.jump(Op::Jump, top)?;
        self.bind(done);
        Ok(())
    }

    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
    ) -> Result<(), CompileError> {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            return self.emit(Op::CompareOp, cmp_number(ops[0]));
        }
        let cleanup = self.label();
        let end = self.label();
        for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
            self.expr(c)?;
            if i + 1 < ops.len() {
                self.emit(Op::Swap, 2)?;
                self.emit(Op::Copy, 2)?;
                self.emit(Op::CompareOp, cmp_number(*op))?;
                self.jump(Op::JumpIfFalseOrPop, cleanup)?;
            } else {
                self.emit(Op::CompareOp, cmp_number(*op))?;
            }
        }
        self.jump(Op::Jump, end)?;
        self.bind(cleanup);
        self.emit(Op::Swap, 2)?;
        self.emit(Op::Pop, 0)?;
        self.bind(end);
        Ok(())
    }

    /// Jump to `target` when `e` is true (`when == true`) or false, popping the value.
    pub(super) fn jump_if(
        &mut self,
        e: &'a Expr,
        when: bool,
        target: super::Label,
    ) -> Result<(), CompileError> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                if is_and != when {
                    // `a and b` jumping when false (or `a or b` when true): any operand decides.
                    for v in values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.label();
                    let (last, rest) = values.split_last().expect("bool op has operands");
                    for v in rest {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.bind(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                self.jump(
                    if when {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    target,
                )
            }
        }
    }

    fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), CompileError> {
        let simple =
            !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) && keywords.is_empty();
        if let (ExprKind::Attribute { value, attr }, true) = (&func.kind, simple) {
            self.expr(value)?;
            self.set_line(func.pos.line);
            let name = self.mangled(attr);
            let k = self.unit().add_name(&name);
            self.emit(Op::LoadMethod, k)?;
            for a in args {
                self.expr(a)?;
            }
            self.set_line(func.pos.line);
            return self.emit(Op::CallMethod, args.len() as u32);
        }
        self.expr(func)?;
        if self.zero_arg_super(func, args, keywords)? {
            return self.emit(Op::Call, 2);
        }
        self.call_args(0, args, keywords)
    }

    /// `super()` inside a method becomes `super(__class__, <first argument>)`: push those two.
    fn zero_arg_super(
        &mut self,
        func: &Expr,
        args: &[Expr],
        keywords: &[Keyword],
    ) -> Result<bool, CompileError> {
        let ExprKind::Name(n) = &func.kind else {
            return Ok(false);
        };
        if n != "super" || !args.is_empty() || !keywords.is_empty() {
            return Ok(false);
        }
        let scope = self.scope();
        if scope.kind != ScopeKind::Function || !scope.freevars.iter().any(|f| f == "__class__") {
            return Ok(false);
        }
        // Without a first argument (a lambda with no parameters) `super()` fails at run time.
        let Some(first) = scope.varnames.first().cloned() else {
            return Ok(false);
        };
        let idx = self.deref_index("__class__");
        self.emit(Op::LoadDeref, idx)?;
        self.name_op(&first, NameOp::Load)?;
        Ok(true)
    }

    /// Emit the arguments and the call instruction for a callee already on the stack, with
    /// `pre` positional arguments already pushed after it.
    pub(super) fn call_args(
        &mut self,
        pre: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), CompileError> {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let double_star = keywords.iter().any(|k| k.name.is_none());
        if !starred && !double_star {
            for a in args {
                self.expr(a)?;
            }
            let n = pre + args.len() as u32;
            if keywords.is_empty() {
                return self.emit(Op::Call, n);
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            let names = keywords
                .iter()
                .map(|k| Const::Str(k.name.clone().expect("plain keyword")))
                .collect();
            self.load_const(Const::Tuple(names))?;
            return self.emit(Op::CallKw, n + keywords.len() as u32);
        }
        // General form: build a positional tuple and a keyword dict.
        self.emit(Op::BuildList, pre)?;
        for a in args {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Op::ListExtend, 1 | CALL_ARGS)?;
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend, 1)?;
                }
            }
        }
        self.emit(Op::ListToTuple, 0)?;
        if keywords.is_empty() {
            return self.emit(Op::CallEx, 0);
        }
        self.emit(Op::BuildMap, 0)?;
        let mut pending = 0;
        for k in keywords {
            match &k.name {
                Some(n) => {
                    self.load_const(Const::Str(n.clone()))?;
                    self.expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 {
                        self.emit(Op::BuildMap, pending)?;
                        self.emit(Op::DictMerge, 1)?;
                        pending = 0;
                    }
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge, 1)?;
                }
            }
        }
        if pending > 0 {
            self.emit(Op::BuildMap, pending)?;
            self.emit(Op::DictMerge, 1)?;
        }
        self.emit(Op::CallEx, 1)
    }

    fn sequence(&mut self, items: &'a [Expr], build: Op) -> Result<(), CompileError> {
        // A tuple of constants is itself a constant (as CPython folds it): no building at run
        // time.
        if build == Op::BuildTuple
            && !items.is_empty()
            && let Some(consts) = items
                .iter()
                .map(|i| self.folded_constant(i))
                .collect::<Option<Vec<_>>>()
        {
            return self.load_const(Const::Tuple(consts));
        }
        if build == Op::BuildSet && items.len() >= 3 {
            let consts: Option<Vec<Const>> =
                items.iter().map(|i| self.folded_constant(i)).collect();
            if let Some(consts) = consts {
                self.load_const(Const::Tuple(consts))?;
                return self.emit(Op::BuildConstSet, 0);
            }
        }
        let first_star = items
            .iter()
            .position(|i| matches!(i.kind, ExprKind::Starred(_)));
        let Some(first_star) = first_star else {
            for i in items {
                self.expr(i)?;
            }
            return self.emit(build, items.len() as u32);
        };
        let (start, add, extend) = match build {
            Op::BuildSet => (Op::BuildSet, Op::SetAdd, Op::SetUpdate),
            _ => (Op::BuildList, Op::ListAppend, Op::ListExtend),
        };
        for i in &items[..first_star] {
            self.expr(i)?;
        }
        self.emit(start, first_star as u32)?;
        for i in &items[first_star..] {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(extend, 1)?;
                }
                _ => {
                    self.expr(i)?;
                    self.emit(add, 1)?;
                }
            }
        }
        if build == Op::BuildTuple {
            self.emit(Op::ListToTuple, 0)?;
        }
        Ok(())
    }

    fn dict_display(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
    ) -> Result<(), CompileError> {
        if keys.iter().all(|k| k.is_some()) {
            for (k, v) in keys.iter().zip(values) {
                self.expr(k.as_ref().expect("checked"))?;
                self.expr(v)?;
            }
            return self.emit(Op::BuildMap, keys.len() as u32);
        }
        let mut pending = 0;
        let mut built = false;
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !built {
                        self.emit(Op::BuildMap, pending)?;
                        if built {
                            self.emit(Op::DictUpdate, 1)?;
                        }
                        built = true;
                        pending = 0;
                    }
                    self.expr(v)?;
                    self.emit(Op::DictUpdate, 1)?;
                }
            }
        }
        if pending > 0 {
            self.emit(Op::BuildMap, pending)?;
            self.emit(Op::DictUpdate, 1)?;
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        name: &str,
        pos: Pos,
        generators: &'a [Comprehension],
        kind: CompKind<'a>,
    ) -> Result<(), CompileError> {
        let scope = self.unit().take_child();
        let is_gen = matches!(kind, CompKind::Gen(_));
        let mut fl = 0;
        if is_gen {
            fl |= if scope.is_async {
                flags::ASYNC_GENERATOR
            } else {
                flags::GENERATOR
            };
        } else if scope.is_async {
            fl |= flags::COROUTINE;
        }
        let code = CodeObject {
            name: name.into(),
            qualname: self.qualname(name),
            filename: self.filename.clone(),
            first_line: pos.line,
            flags: fl,
            argcount: 1,
            emitter: self.inherited_emitter(),
            ..Default::default()
        };
        self.push_unit(code, scope);
        self.set_line(pos.line);
        match kind {
            CompKind::List(_) => self.emit(Op::BuildList, 0)?,
            CompKind::Set(_) => self.emit(Op::BuildSet, 0)?,
            CompKind::Dict(..) => self.emit(Op::BuildMap, 0)?,
            CompKind::Gen(_) => {}
        }
        self.comp_level(generators, 0, &kind)?;
        if is_gen {
            self.emit(Op::LoadNone, 0)?;
        }
        self.emit(Op::ReturnValue, 0)?;
        let code = self.pop_unit();
        let is_async_code = code.flags & flags::COROUTINE != 0;
        let mut mf = 0;
        if self.closure_for(&code)? {
            mf |= 8;
        }
        self.load_const(Const::Code(alloc::boxed::Box::new(code)))?;
        self.emit(Op::MakeFunction, mf)?;
        let first = &generators[0];
        self.expr(&first.iter)?;
        self.emit(
            if first.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            },
            0,
        )?;
        self.emit(Op::Call, 1)?;
        if is_async_code {
            self.emit(Op::GetAwaitable, 0)?;
            self.await_value()?;
        }
        Ok(())
    }

    fn comp_level(
        &mut self,
        generators: &'a [Comprehension],
        level: usize,
        kind: &CompKind<'a>,
    ) -> Result<(), CompileError> {
        let g = &generators[level];
        if level == 0 {
            self.emit(Op::LoadFast, 0)?;
        } else {
            self.expr(&g.iter)?;
            self.emit(
                if g.is_async {
                    Op::GetAIter
                } else {
                    Op::GetIter
                },
                0,
            )?;
        }
        let top = self.label();
        let done = self.label();
        self.bind(top);
        if g.is_async {
            let handler = self.label();
            let depth = self.unit().depth();
            self.unit().handlers.push(super::Handler {
                label: handler,
                depth,
            });
            self.emit(Op::GetANext, 0)?;
            self.await_value()?;
            self.unit().handlers.pop();
            self.store(&g.target)?;
            self.comp_body(generators, level, kind, top)?;
            self.jump(Op::Jump, top)?;
            self.unit().bind_handler(handler, depth);
            self.emit(Op::EndAsyncFor, 0)?;
            self.bind(done);
            return Ok(());
        }
        self.jump(Op::ForIter, done)?;
        self.store(&g.target)?;
        self.comp_body(generators, level, kind, top)?;
        self.jump(Op::Jump, top)?;
        self.bind(done);
        Ok(())
    }

    fn comp_body(
        &mut self,
        generators: &'a [Comprehension],
        level: usize,
        kind: &CompKind<'a>,
        next: super::Label,
    ) -> Result<(), CompileError> {
        for cond in &generators[level].ifs {
            self.jump_if(cond, false, next)?;
        }
        if level + 1 < generators.len() {
            return self.comp_level(generators, level + 1, kind);
        }
        // Below the element: the collection and one iterator per level.
        let depth = (level + 2) as u32;
        match kind {
            CompKind::List(elt) => {
                self.expr(elt)?;
                self.emit(Op::ListAppend, depth)
            }
            CompKind::Set(elt) => {
                self.expr(elt)?;
                self.emit(Op::SetAdd, depth)
            }
            CompKind::Dict(k, v) => {
                self.expr(k)?;
                self.expr(v)?;
                self.emit(Op::MapAdd, depth)
            }
            CompKind::Gen(elt) => {
                self.expr(elt)?;
                if self.unit().code.flags & flags::ASYNC_GENERATOR != 0 {
                    self.emit(Op::AsyncGenWrap, 0)?;
                }
                self.emit(Op::YieldValue, 0)?;
                self.emit(Op::Pop, 0)
            }
        }
    }
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}
