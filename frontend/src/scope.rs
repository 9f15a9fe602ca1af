//! Scope analysis: for every function, class, lambda and comprehension, which names are local,
//! cell, free, global, or looked up through a namespace dict.
//!
//! The result is a tree of `Scope`s whose children are in the order the compiler meets them.
//! Decorators, defaults, annotations, bases and class keywords belong to the enclosing scope;
//! decorators are visited before the function's or class's own scope, the others after it (the
//! compiler compiles the body first); a comprehension's scope comes before its outermost
//! iterable. The compiler walks the AST in that same order and takes children one by one.
//!
//! Names starting with two underscores inside a class are mangled (`__x` -> `_Class__x`) here and
//! in the compiler with the same `mangle` function.

use crate::ast::*;
use crate::error::CompileError;
use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// What kind of code block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// A module (or `exec`/`eval` input).
    Module,
    /// A class body.
    Class,
    /// A `def` or `lambda`.
    Function,
    /// A list/set/dict comprehension or generator expression.
    Comprehension,
}

/// How a name is accessed in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// A fast local slot.
    Local,
    /// A local captured by an inner scope: lives in a cell.
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// A module global (declared `global`, or not bound in any enclosing function).
    Global,
    /// Through the namespace dict, then globals, then builtins (module and class bodies).
    Name,
}

const ASSIGNED: u8 = 1;
const USED: u8 = 2;
const PARAM: u8 = 4;
const DECL_GLOBAL: u8 = 8;
const DECL_NONLOCAL: u8 = 16;

/// One analysed scope.
#[derive(Clone, Debug)]
pub struct Scope {
    /// Its kind.
    pub kind: ScopeKind,
    /// Its name (function/class name, `<lambda>`, `<listcomp>`...).
    pub name: String,
    /// Nested scopes in the order the compiler meets them.
    pub children: Vec<Scope>,
    /// Resolved access of every name the scope binds or uses.
    pub access: BTreeMap<String, Access>,
    /// Local variables in slot order (parameters first).
    pub varnames: Vec<String>,
    /// Cell variables in slot order.
    pub cellvars: Vec<String>,
    /// Free variables in slot order.
    pub freevars: Vec<String>,
    /// Contains `yield` / `yield from` (or `await` inside a generator expression).
    pub is_generator: bool,
    /// `async def` (or an async comprehension).
    pub is_async: bool,
    /// The class name used for mangling inside this scope, if any.
    pub mangle_class: Option<String>,
    /// A class body that must create the `__class__` cell.
    pub needs_class_cell: bool,
    flags: BTreeMap<String, u8>,
    params: Vec<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, mangle_class: Option<String>) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            children: Vec::new(),
            access: BTreeMap::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_generator: false,
            is_async: false,
            mangle_class,
            needs_class_cell: false,
            flags: BTreeMap::new(),
            params: Vec::new(),
        }
    }

    /// How `name` (already mangled) is accessed here.
    pub fn access_of(&self, name: &str) -> Access {
        if let Some(a) = self.access.get(name) {
            return *a;
        }
        match self.kind {
            ScopeKind::Module | ScopeKind::Class => Access::Name,
            _ => Access::Global,
        }
    }

    /// Whether the scope itself binds `name` (assignment, import, `def`, parameter...).
    pub fn binds(&self, name: &str) -> bool {
        self.flags
            .get(name)
            .is_some_and(|f| f & (ASSIGNED | PARAM) != 0)
    }

    fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Comprehension)
    }
}

/// Mangle a private name inside class `class`: `__x` -> `_Class__x` (not dunders, not dotted).
pub fn mangle(class: Option<&str>, name: &str) -> String {
    if let Some(class) = class
        && name.starts_with("__")
        && !name.ends_with("__")
        && !name.contains('.')
    {
        let stripped = class.trim_start_matches('_');
        if !stripped.is_empty() {
            return format!("_{stripped}{name}");
        }
    }
    name.to_string()
}

/// Analyse a module and return its scope tree.
pub fn analyse(module: &Module) -> Result<Scope, CompileError> {
    let mut builder = Builder {
        stack: alloc::vec![Scope::new(ScopeKind::Module, "<module>", None)],
    };
    builder.stmts(&module.body)?;
    let mut top = builder.stack.pop().expect("module scope");
    resolve(&mut top, &BTreeSet::new())?;
    Ok(top)
}

struct Builder {
    stack: Vec<Scope>,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        self.stack.last_mut().expect("scope stack never empty")
    }

    fn mangled(&self, name: &str) -> String {
        mangle(
            self.stack.last().and_then(|s| s.mangle_class.as_deref()),
            name,
        )
    }

    fn mark(&mut self, name: &str, flag: u8) {
        let name = self.mangled(name);
        *self.cur().flags.entry(name).or_insert(0) |= flag;
    }

    fn declare(&mut self, name: &str, flag: u8, pos: Pos) -> Result<(), CompileError> {
        let mangled = self.mangled(name);
        let scope = self.cur();
        let existing = scope.flags.get(&mangled).copied().unwrap_or(0);
        let what = if flag == DECL_GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        if existing & PARAM != 0 {
            return Err(err(format!("name '{name}' is parameter and {what}"), pos));
        }
        if flag == DECL_NONLOCAL && scope.kind == ScopeKind::Module {
            return Err(err("nonlocal declaration not allowed at module level", pos));
        }
        if existing & (DECL_GLOBAL | DECL_NONLOCAL) != 0 && existing & flag == 0 {
            return Err(err(format!("name '{name}' is nonlocal and global"), pos));
        }
        if existing & USED != 0 && existing & flag == 0 {
            return Err(err(
                format!("name '{name}' is used prior to {what} declaration"),
                pos,
            ));
        }
        if existing & ASSIGNED != 0 && existing & flag == 0 {
            return Err(err(
                format!("name '{name}' is assigned to before {what} declaration"),
                pos,
            ));
        }
        *scope.flags.entry(mangled).or_insert(0) |= flag;
        Ok(())
    }

    fn push(&mut self, kind: ScopeKind, name: &str) {
        let mangle_class = match self.cur().kind {
            ScopeKind::Class => Some(self.cur().name.clone()),
            _ => self.cur().mangle_class.clone(),
        };
        let mangle_class = if kind == ScopeKind::Class && mangle_class.is_none() {
            None
        } else {
            mangle_class
        };
        self.stack.push(Scope::new(kind, name, mangle_class));
    }

    fn pop(&mut self) {
        let child = self.stack.pop().expect("pushed scope");
        self.cur().children.push(child);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                // Children are numbered in the order the compiler meets them: it compiles the
                // body before the defaults and annotations (a lambda default is a later child).
                self.exprs(&f.decorators)?;
                self.mark(&f.name, ASSIGNED);
                self.push(ScopeKind::Function, &f.name);
                self.cur().is_async = f.is_async;
                self.parameters(&f.args)?;
                self.stmts(&f.body)?;
                self.pop();
                self.arguments_outer(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
            }
            StmtKind::ClassDef(c) => {
                // The compiler compiles the body before the bases and keywords.
                self.exprs(&c.decorators)?;
                self.mark(&c.name, ASSIGNED);
                let mangled = self.mangled(&c.name);
                self.push(ScopeKind::Class, &mangled);
                let class_name = c.name.clone();
                self.cur().mangle_class = Some(class_name);
                self.stmts(&c.body)?;
                self.pop();
                self.exprs(&c.bases)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
            }
            StmtKind::Return(v) => self.opt_expr(v.as_ref())?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.mark(n, USED | ASSIGNED);
                } else {
                    self.target(target)?;
                }
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                // Annotations of plain names are not evaluated inside functions.
                if !(*simple && self.cur().kind == ScopeKind::Function) {
                    self.expr(annotation)?;
                }
                if value.is_some() || !*simple {
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    // A bare annotation makes the name local without binding it.
                    self.mark(n, ASSIGNED);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc.as_ref())?;
                self.opt_expr(cause.as_ref())?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for h in handlers {
                    self.opt_expr(h.typ.as_ref())?;
                    if let Some(n) = &h.name {
                        self.mark(n, ASSIGNED);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&case.pattern)?;
                    self.opt_expr(case.guard.as_ref())?;
                    self.stmts(&case.body)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(msg.as_ref())?;
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or(&a.name).to_string());
                    self.mark(&bound, ASSIGNED);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(err("import * only allowed at module level", s.pos));
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).clone();
                    self.mark(&bound, ASSIGNED);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    self.declare(n, DECL_GLOBAL, s.pos)?;
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    self.declare(n, DECL_NONLOCAL, s.pos)?;
                }
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// Defaults and annotations: evaluated in the enclosing scope.
    fn arguments_outer(&mut self, a: &Arguments) -> Result<(), CompileError> {
        self.exprs(&a.defaults)?;
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        let all = a.posonlyargs.iter().chain(&a.args).chain(a.vararg.iter());
        for arg in all.chain(&a.kwonlyargs).chain(a.kwarg.iter()) {
            if let Some(ann) = &arg.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn parameters(&mut self, a: &Arguments) -> Result<(), CompileError> {
        let ordered = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.kwonlyargs)
            .chain(a.vararg.iter())
            .chain(a.kwarg.iter());
        for arg in ordered {
            let name = self.mangled(&arg.name);
            if self.cur().params.contains(&name) {
                return Err(err(
                    format!("duplicate argument '{}' in function definition", arg.name),
                    arg.pos,
                ));
            }
            self.cur().params.push(name);
            self.mark(&arg.name, PARAM | ASSIGNED);
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), CompileError> {
        match &t.kind {
            ExprKind::Name(n) => self.mark(n, ASSIGNED),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
            }
            ExprKind::Starred(inner) => self.target(inner)?,
            _ => self.expr(t)?,
        }
        Ok(())
    }

    /// A `case` pattern: the names it captures are assigned, its values and classes read.
    fn pattern(&mut self, p: &Pattern) -> Result<(), CompileError> {
        match &p.kind {
            PatternKind::Value(e) => self.expr(e)?,
            PatternKind::Singleton(_) => {}
            PatternKind::Sequence(items) | PatternKind::Or(items) => {
                for item in items {
                    self.pattern(item)?;
                }
            }
            PatternKind::Star(name) => {
                if let Some(n) = name {
                    self.mark(n, ASSIGNED);
                }
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys)?;
                for item in patterns {
                    self.pattern(item)?;
                }
                if let Some(n) = rest {
                    self.mark(n, ASSIGNED);
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for item in patterns.iter().chain(kwd_patterns) {
                    self.pattern(item)?;
                }
            }
            PatternKind::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner)?;
                }
                if let Some(n) = name {
                    self.mark(n, ASSIGNED);
                }
            }
        }
        Ok(())
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> Result<(), CompileError> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn exprs(&mut self, es: &[Expr]) -> Result<(), CompileError> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.mark(n, USED);
                if n == "super" && self.cur().kind == ScopeKind::Function {
                    // Zero-argument super() needs the implicit __class__ cell.
                    self.mark("__class__", USED);
                }
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.walrus_target(n, e.pos)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.push(ScopeKind::Function, "<lambda>");
                self.parameters(args)?;
                self.expr(body)?;
                self.pop();
                self.arguments_outer(args)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                self.exprs(items)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("<listcomp>", generators, |b| b.expr(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("<setcomp>", generators, |b| b.expr(elt))?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("<genexpr>", generators, |b| {
                    b.cur().is_generator = true;
                    b.expr(elt)
                })?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension("<dictcomp>", generators, |b| {
                b.expr(key)?;
                b.expr(value)
            })?,
            ExprKind::Await(v) => {
                if self.cur().kind == ScopeKind::Comprehension {
                    self.cur().is_async = true;
                }
                self.expr(v)?
            }
            ExprKind::Yield(v) => {
                self.yield_here(e.pos)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.yield_here(e.pos)?;
                self.expr(v)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            ExprKind::JoinedStr(parts) => self.exprs(parts)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        Ok(())
    }

    fn yield_here(&mut self, pos: Pos) -> Result<(), CompileError> {
        let scope = self.cur();
        match scope.kind {
            ScopeKind::Function => {
                scope.is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension => Err(err("'yield' inside list comprehension", pos)),
            _ => Err(err("'yield' outside function", pos)),
        }
    }

    /// `x := v` inside a comprehension binds `x` in the nearest enclosing non-comprehension scope.
    fn walrus_target(&mut self, name: &str, pos: Pos) -> Result<(), CompileError> {
        if self.cur().kind != ScopeKind::Comprehension {
            self.mark(name, ASSIGNED);
            return Ok(());
        }
        let mangled = self.mangled(name);
        let depth = self.stack.len();
        let mut owner = depth - 1;
        while self.stack[owner].kind == ScopeKind::Comprehension {
            owner -= 1;
        }
        if self.stack[owner].kind == ScopeKind::Class {
            return Err(err(
                "assignment expression within a comprehension cannot be used in a class body",
                pos,
            ));
        }
        for scope in &self.stack[owner + 1..] {
            if scope.flags.get(&mangled).is_some_and(|f| f & ASSIGNED != 0) {
                return Err(err(
                    format!(
                        "assignment expression cannot rebind comprehension iteration variable '{name}'"
                    ),
                    pos,
                ));
            }
        }
        // The name belongs to the owner: a global there (module level, or declared `global`)
        // is a global in the comprehension too.
        let owner_global = self.stack[owner].kind == ScopeKind::Module
            || self.stack[owner]
                .flags
                .get(&mangled)
                .is_some_and(|f| f & DECL_GLOBAL != 0);
        *self.stack[owner].flags.entry(mangled.clone()).or_insert(0) |= ASSIGNED;
        let decl = if owner_global {
            DECL_GLOBAL
        } else {
            DECL_NONLOCAL
        };
        for scope in &mut self.stack[owner + 1..] {
            *scope.flags.entry(mangled.clone()).or_insert(0) |= decl | USED;
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        name: &str,
        generators: &[Comprehension],
        elt: impl FnOnce(&mut Self) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        self.push(ScopeKind::Comprehension, name);
        self.cur().params.push(String::from(".0"));
        self.mark(".0", PARAM | ASSIGNED);
        for (i, g) in generators.iter().enumerate() {
            if g.is_async {
                self.cur().is_async = true;
            }
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        elt(self)?;
        self.pop();
        // The outermost iterable is evaluated in the enclosing scope, after the code object.
        if let Some(first) = generators.first() {
            self.expr(&first.iter)?;
        }
        Ok(())
    }
}

fn err(msg: impl Into<String>, pos: Pos) -> CompileError {
    CompileError::syntax(msg, pos.line, pos.col)
}

/// Resolve a scope and its children. `visible` holds names bound in enclosing function scopes.
/// Returns the names this scope needs from outside (its free variables plus those of children
/// passing through).
fn resolve(
    scope: &mut Scope,
    visible: &BTreeSet<String>,
) -> Result<BTreeSet<String>, CompileError> {
    let function_like = scope.is_function_like();
    let mut locals = BTreeSet::new();
    for (name, &f) in &scope.flags {
        if f & DECL_NONLOCAL != 0 && !visible.contains(name) {
            return Err(CompileError::syntax(
                format!("no binding for nonlocal '{name}' found"),
                0,
                0,
            ));
        }
        if f & (ASSIGNED | PARAM) != 0 && f & (DECL_GLOBAL | DECL_NONLOCAL) == 0 {
            locals.insert(name.clone());
        }
    }
    let mut child_visible = visible.clone();
    match scope.kind {
        ScopeKind::Function | ScopeKind::Comprehension => {
            for (name, &f) in &scope.flags {
                if f & DECL_GLOBAL != 0 {
                    child_visible.remove(name);
                }
            }
            child_visible.extend(locals.iter().cloned());
        }
        ScopeKind::Class => {
            child_visible.insert(String::from("__class__"));
        }
        ScopeKind::Module => {}
    }

    let mut needed_by_children = BTreeSet::new();
    for child in &mut scope.children {
        needed_by_children.extend(resolve(child, &child_visible)?);
    }

    let mut free = BTreeSet::new();
    let mut access = BTreeMap::new();
    for (name, &f) in &scope.flags {
        let a = if f & DECL_GLOBAL != 0 {
            Access::Global
        } else if f & DECL_NONLOCAL != 0 {
            free.insert(name.clone());
            Access::Free
        } else if locals.contains(name) {
            if function_like {
                if needed_by_children.contains(name) {
                    Access::Cell
                } else {
                    Access::Local
                }
            } else {
                Access::Name
            }
        } else if visible.contains(name) && scope.kind != ScopeKind::Module {
            free.insert(name.clone());
            Access::Free
        } else if function_like {
            Access::Global
        } else {
            Access::Name
        };
        access.insert(name.clone(), a);
    }
    for name in &needed_by_children {
        if locals.contains(name) && function_like {
            continue;
        }
        if scope.kind == ScopeKind::Class && name == "__class__" {
            scope.needs_class_cell = true;
            continue;
        }
        let declared_global = scope.flags.get(name).is_some_and(|f| f & DECL_GLOBAL != 0);
        if !declared_global && visible.contains(name) && scope.kind != ScopeKind::Module {
            free.insert(name.clone());
            if !locals.contains(name) {
                access.entry(name.clone()).or_insert(Access::Free);
            }
        }
    }

    // Slot order: parameters first, then other locals in name order.
    let mut varnames = Vec::new();
    if function_like {
        for p in &scope.params {
            varnames.push(p.clone());
        }
        for name in &locals {
            if !scope.params.contains(name) {
                varnames.push(name.clone());
            }
        }
    }
    let mut cellvars: Vec<String> = access
        .iter()
        .filter(|(_, a)| **a == Access::Cell)
        .map(|(n, _)| n.clone())
        .collect();
    if scope.needs_class_cell {
        cellvars.push(String::from("__class__"));
    }
    // A class body reads a free variable through LoadClassDeref, but a name both bound in the
    // class and needed by a method from an enclosing function passes through as free too.
    let freevars: Vec<String> = free.iter().cloned().collect();
    scope.access = access;
    scope.varnames = varnames;
    scope.cellvars = cellvars;
    scope.freevars = freevars;
    Ok(free)
}
