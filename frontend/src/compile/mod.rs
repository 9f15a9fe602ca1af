//! The bytecode compiler: AST plus scope tree to `CodeObject`s.
//!
//! One `Unit` per code object is kept on a stack while nested functions, classes, lambdas and
//! comprehensions are compiled. Control-flow constructs that need clean-up when left early
//! (`for` loops with an iterator on the stack, `finally`, `with`, exception handlers) push a
//! `Block`; `return`, `break` and `continue` unwind these blocks at compile time, emitting the
//! clean-up code inline (a `finally` body is compiled again at each exit point, as CPython does).

mod asm;
mod consts;
mod expr;
mod pattern;
mod stmt;
mod unit;

use crate::Mode;
use crate::ast::{Expr, ExprKind, Module, Stmt, StmtKind};
use crate::bytecode::code::{CodeObject, Const, Emitter, flags};
use crate::bytecode::opcodes::Op;
use crate::error::CompileError;
use crate::scope::{self, Access, Scope, ScopeKind, mangle};
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use unit::{Handler, Label, Unit};

/// Compiler settings.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// How functions without an emitter decorator are compiled (`-X emit=`).
    pub default_emitter: Emitter,
    /// `-O`: drop `assert` statements and set `__debug__` to False.
    pub optimize: bool,
}

/// Parse and compile `source` into the code object of a module (or of an `eval` expression /
/// interactive statement, according to `mode`).
pub fn compile_source(
    source: &str,
    filename: &str,
    mode: Mode,
    options: &Options,
) -> Result<CodeObject, CompileError> {
    let module = crate::parser::parse(source, mode)?;
    compile_module(&module, filename, mode, options)
}

/// Compile an already parsed module.
pub fn compile_module(
    module: &Module,
    filename: &str,
    mode: Mode,
    options: &Options,
) -> Result<CodeObject, CompileError> {
    let scope = scope::analyse(module)?;
    let mut c = Compiler {
        units: Vec::new(),
        blocks: Vec::new(),
        filename: filename.to_string(),
        options: options.clone(),
        mode,
        micropython_names: micropython_imports(&module.body),
        consts: consts::ConstTable::for_module(&module.body),
    };
    let code = CodeObject {
        name: "<module>".into(),
        qualname: "<module>".into(),
        filename: filename.to_string(),
        first_line: 1,
        flags: flags::NAMESPACE,
        ..Default::default()
    };
    c.push_unit(code, scope);
    match mode {
        Mode::Eval => {
            let Some(Stmt {
                kind: StmtKind::Expr(e),
                ..
            }) = module.body.first()
            else {
                return Err(CompileError::syntax("invalid syntax", 1, 1));
            };
            c.expr(e)?;
            c.emit(Op::ReturnValue, 0)?;
        }
        Mode::Exec | Mode::Single => {
            // An interactive statement has no docstring: a bare string is echoed.
            let body = if mode == Mode::Exec {
                c.docstring(&module.body)?
            } else {
                &module.body[..]
            };
            if let Some(doc) = c.unit().code.doc.clone() {
                c.load_const(Const::Str(doc))?;
                c.store_name("__doc__")?;
            }
            if has_annotations(body) {
                c.emit(Op::SetupAnnotations, 0)?;
            }
            c.stmts(body)?;
            c.emit(Op::LoadNone, 0)?;
            c.emit(Op::ReturnValue, 0)?;
        }
    }
    Ok(c.pop_unit())
}

/// A construct that needs clean-up when control leaves it early.
#[derive(Clone)]
enum Block<'a> {
    /// A loop; `for` loops keep their iterator on the stack.
    Loop {
        cont: Label,
        brk: Label,
        iter_on_stack: bool,
    },
    /// `try ... finally`: the body is inlined at every early exit.
    Finally { body: &'a [Stmt], handlers: usize },
    /// Inside an `except` handler or the exception path of a `finally`: the previously handled
    /// exception is on the stack (and the exception itself too when `exc_on_stack`).
    Handler {
        name: Option<String>,
        exc_on_stack: bool,
        handlers: usize,
    },
    /// Inside a `with` body: the bound `__exit__` is on the stack.
    With { handlers: usize, is_async: bool },
    /// A `finally` body inlined by a `return`: the pending return value is on the stack.
    PopValue,
}

struct Compiler<'a> {
    units: Vec<Unit>,
    blocks: Vec<Vec<Block<'a>>>,
    filename: String,
    options: Options,
    mode: Mode,
    /// Names bound by `from micropython import native, viper, ...` at module level.
    micropython_names: Vec<(String, String)>,
    /// `NAME = const(...)` definitions met so far.
    consts: consts::ConstTable,
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is being compiled")
    }

    fn scope(&self) -> &Scope {
        &self.units.last().expect("unit").scope
    }

    fn push_unit(&mut self, code: CodeObject, scope: Scope) {
        let mut code = code;
        code.cellvars = scope.cellvars.clone();
        code.freevars = scope.freevars.clone();
        code.varnames = scope.varnames.clone();
        code.cell_from_arg = code
            .cellvars
            .iter()
            .map(|c| {
                scope
                    .varnames
                    .iter()
                    .position(|v| v == c)
                    .map_or(u32::MAX, |i| i as u32)
            })
            .collect();
        self.units.push(Unit::new(code, scope));
        self.blocks.push(Vec::new());
    }

    fn pop_unit(&mut self) -> CodeObject {
        self.blocks.pop();
        self.units.pop().expect("unit").finish()
    }

    fn err(&self, msg: impl Into<String>, line: u32, col: u32) -> CompileError {
        CompileError::syntax(msg, line, col)
    }

    fn set_line(&mut self, line: u32) {
        if line != 0 {
            self.unit().line = line;
        }
    }

    fn emit(&mut self, op: Op, arg: u32) -> Result<(), CompileError> {
        self.unit().emit(op, arg)
    }

    fn jump(&mut self, op: Op, label: Label) -> Result<(), CompileError> {
        self.unit().emit_jump(op, label)
    }

    fn label(&mut self) -> Label {
        self.unit().new_label()
    }

    fn bind(&mut self, label: Label) {
        self.unit().bind(label)
    }

    fn load_const(&mut self, c: Const) -> Result<(), CompileError> {
        match c {
            Const::None => self.emit(Op::LoadNone, 0),
            Const::True => self.emit(Op::LoadTrue, 0),
            Const::False => self.emit(Op::LoadFalse, 0),
            Const::Int(i) if (-(1 << 23)..(1 << 23)).contains(&i) => {
                self.emit(Op::LoadSmallInt, (i as i32 as u32) & 0xff_ffff)
            }
            c => {
                let k = self.unit().add_const(c);
                self.emit(Op::LoadConst, k)
            }
        }
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.scope().mangle_class.as_deref(), name)
    }

    fn name_op(&mut self, name: &str, kind: NameOp) -> Result<(), CompileError> {
        let name = self.mangled(name);
        let scope = self.scope();
        let access = scope.access_of(&name);
        let in_class = scope.kind == ScopeKind::Class;
        match access {
            Access::Local => {
                let slot = scope
                    .varnames
                    .iter()
                    .position(|v| *v == name)
                    .expect("local has a slot");
                let op = match kind {
                    NameOp::Load => Op::LoadFast,
                    NameOp::Store => Op::StoreFast,
                    NameOp::Delete => Op::DeleteFast,
                };
                self.emit(op, slot as u32)
            }
            Access::Cell | Access::Free => {
                let idx = self.deref_index(&name);
                let op = match kind {
                    NameOp::Load if in_class => Op::LoadClassDeref,
                    NameOp::Load => Op::LoadDeref,
                    NameOp::Store => Op::StoreDeref,
                    NameOp::Delete => Op::DeleteDeref,
                };
                self.emit(op, idx)
            }
            Access::Global => {
                let k = self.unit().add_name(&name);
                let op = match kind {
                    NameOp::Load => Op::LoadGlobal,
                    NameOp::Store => Op::StoreGlobal,
                    NameOp::Delete => Op::DeleteGlobal,
                };
                self.emit(op, k)
            }
            Access::Name => {
                let k = self.unit().add_name(&name);
                let op = match kind {
                    NameOp::Load => Op::LoadName,
                    NameOp::Store => Op::StoreName,
                    NameOp::Delete => Op::DeleteName,
                };
                self.emit(op, k)
            }
        }
    }

    fn deref_index(&self, name: &str) -> u32 {
        let code = &self.units.last().expect("unit").code;
        if let Some(i) = code.cellvars.iter().position(|c| c == name) {
            return i as u32;
        }
        let i = code
            .freevars
            .iter()
            .position(|c| c == name)
            .expect("free variable has a slot");
        (code.cellvars.len() + i) as u32
    }

    fn store_name(&mut self, name: &str) -> Result<(), CompileError> {
        self.name_op(name, NameOp::Store)
    }

    /// Strip a leading docstring into `code.doc` and return the remaining statements.
    fn docstring<'b>(&mut self, body: &'b [Stmt]) -> Result<&'b [Stmt], CompileError> {
        if let Some(Stmt {
            kind: StmtKind::Expr(e),
            ..
        }) = body.first()
            && let ExprKind::Constant(crate::ast::Constant::Str(s)) = &e.kind
        {
            self.unit().code.doc = Some(s.clone());
            return Ok(&body[1..]);
        }
        Ok(body)
    }

    fn qualname(&self, name: &str) -> String {
        // Nested in a function: `outer.<locals>.name`; in a class: `Class.name`.
        match self.units.last() {
            Some(u) if self.units.len() > 1 => {
                let parent = u.code.qualname.clone();
                if u.scope.kind == ScopeKind::Class {
                    alloc::format!("{parent}.{name}")
                } else {
                    alloc::format!("{parent}.<locals>.{name}")
                }
            }
            _ => name.to_string(),
        }
    }

    /// Emit `LoadClosure` for every free variable of `child` and build the closure tuple.
    /// Returns whether a closure was pushed.
    fn closure_for(&mut self, child: &CodeObject) -> Result<bool, CompileError> {
        if child.freevars.is_empty() {
            return Ok(false);
        }
        for name in &child.freevars {
            let idx = self.deref_index(name);
            self.emit(Op::LoadClosure, idx)?;
        }
        self.emit(Op::BuildTuple, child.freevars.len() as u32)?;
        Ok(true)
    }

    /// The code emitter a decorator selects, if it is one of MicroPython's. Like MicroPython,
    /// any other `@micropython.name` is a SyntaxError: only emitters are decorators there.
    fn emitter_decorator(&self, d: &Expr) -> Result<Option<Emitter>, CompileError> {
        let (name, qualified) = match &d.kind {
            ExprKind::Attribute { value, attr } => match &value.kind {
                ExprKind::Name(m) if m == "micropython" => (attr.as_str(), true),
                // `@micropython.a.b`: no emitter is nested in the module.
                ExprKind::Attribute { .. } if rooted_at_micropython(value) => ("", true),
                _ => return Ok(None),
            },
            ExprKind::Name(n) => {
                match self.micropython_names.iter().find(|(bound, _)| bound == n) {
                    Some((_, orig)) => (orig.as_str(), false),
                    None => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(match name {
            "native" => Emitter::Native,
            "viper" => Emitter::Viper,
            "asm_thumb" => Emitter::AsmThumb,
            "bytecode" => Emitter::Bytecode,
            _ if qualified => {
                return Err(self.err("invalid micropython decorator", d.pos.line, d.pos.col));
            }
            _ => return Ok(None),
        }))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NameOp {
    Load,
    Store,
    Delete,
}

/// Is `e` an attribute chain starting at the name `micropython`?
fn rooted_at_micropython(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(n) => n == "micropython",
        ExprKind::Attribute { value, .. } => rooted_at_micropython(value),
        _ => false,
    }
}

fn micropython_imports(body: &[Stmt]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in body {
        if let StmtKind::ImportFrom {
            module: Some(m),
            names,
            level: 0,
        } = &s.kind
            && m == "micropython"
        {
            for a in names {
                out.push((
                    a.asname.clone().unwrap_or_else(|| a.name.clone()),
                    a.name.clone(),
                ));
            }
        }
    }
    out
}

/// Does a module or class body contain an annotated assignment outside nested scopes?
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::disasm::disassemble;

    fn compile(src: &str) -> CodeObject {
        compile_source(src, "<test>", Mode::Exec, &Options::default()).expect("compiles")
    }

    #[test]
    fn compiles_function_with_closure() {
        let code = compile("def f(a):\n    def g():\n        return a\n    return g\n");
        let text = disassemble(&code);
        assert!(text.contains("LoadClosure"), "{text}");
        assert!(text.contains("LoadDeref"), "{text}");
    }

    #[test]
    fn return_outside_function_is_an_error() {
        let e =
            compile_source("return 1\n", "<test>", Mode::Exec, &Options::default()).unwrap_err();
        assert_eq!(e.msg, "'return' outside function");
        assert_eq!(e.line, 1);
    }

    #[test]
    fn try_finally_has_non_overlapping_handlers() {
        let code = compile("try:\n    x = 1\nexcept E:\n    pass\nfinally:\n    y = 2\n");
        for (i, a) in code.exceptions.iter().enumerate() {
            for b in &code.exceptions[i + 1..] {
                assert!(a.end <= b.start || b.end <= a.start, "overlap {a:?} {b:?}");
            }
        }
    }
}
