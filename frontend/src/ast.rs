//! The abstract syntax tree: what the parser produces and the scope analyser and compiler consume.
//!
//! It mirrors CPython's `ast` module closely (same node names and fields) so that behaviour can be
//! checked against CPython's grammar. Every statement and expression carries the 1-based line and
//! the 1-based column (in characters) where it starts; errors and line tables are built from them.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// A source position: 1-based line and 1-based column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub col: u32,
}

/// A whole module (a file, a `-c` string, one `exec`) or one interactive statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// The statements in order.
    pub body: Vec<Stmt>,
}

/// A statement with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What the statement is.
    pub kind: StmtKind,
    /// Where it starts.
    pub pos: Pos,
}

/// Every statement form.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `def` / `async def`.
    FunctionDef(Box<FunctionDef>),
    /// `class`.
    ClassDef(Box<ClassDef>),
    /// `return [value]`.
    Return(Option<Expr>),
    /// `del a, b[i], c.x`.
    Delete(Vec<Expr>),
    /// `a = b = value`: `targets` in source order.
    Assign {
        /// The targets, left to right.
        targets: Vec<Expr>,
        /// The assigned value.
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The operator.
        op: BinOp,
        /// The right-hand side.
        value: Expr,
    },
    /// `target: annotation [= value]`.
    AnnAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The annotation expression.
        annotation: Expr,
        /// The value, if any.
        value: Option<Expr>,
        /// True when the target is a plain name not in parentheses.
        simple: bool,
    },
    /// `for` / `async for`.
    For {
        /// The loop target.
        target: Expr,
        /// The iterable.
        iter: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// The `else` block.
        orelse: Vec<Stmt>,
        /// `async for`.
        is_async: bool,
    },
    /// `while test: body else: orelse`.
    While {
        /// The condition.
        test: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// The `else` block.
        orelse: Vec<Stmt>,
    },
    /// `if` / `elif` (an `elif` is an `If` alone in `orelse`).
    If {
        /// The condition.
        test: Expr,
        /// The `if` block.
        body: Vec<Stmt>,
        /// The `else` block.
        orelse: Vec<Stmt>,
    },
    /// `with` / `async with`.
    With {
        /// The context managers, left to right.
        items: Vec<WithItem>,
        /// The body.
        body: Vec<Stmt>,
        /// `async with`.
        is_async: bool,
    },
    /// `raise [exc [from cause]]`.
    Raise {
        /// The exception.
        exc: Option<Expr>,
        /// The `from` part.
        cause: Option<Expr>,
    },
    /// `try` with handlers, `else` and `finally`; `is_star` for `except*`.
    Try {
        /// The protected block.
        body: Vec<Stmt>,
        /// The `except` clauses.
        handlers: Vec<ExceptHandler>,
        /// The `else` block.
        orelse: Vec<Stmt>,
        /// The `finally` block.
        finalbody: Vec<Stmt>,
        /// `except*` clauses.
        is_star: bool,
    },
    /// `match subject: case ...` (structural pattern matching).
    Match {
        /// The value matched.
        subject: Expr,
        /// The `case` blocks in order.
        cases: Vec<MatchCase>,
    },
    /// `assert test[, msg]`.
    Assert {
        /// The condition.
        test: Expr,
        /// The message.
        msg: Option<Expr>,
    },
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from [.]*module import names` (`names` is one `*` alias for a star import).
    ImportFrom {
        /// The dotted module name, if any.
        module: Option<String>,
        /// The imported names.
        names: Vec<Alias>,
        /// Number of leading dots.
        level: u32,
    },
    /// `global a, b`.
    Global(Vec<String>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<String>),
    /// An expression statement.
    Expr(Expr),
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
}

/// A `def` or `async def`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The function name.
    pub name: String,
    /// The parameters.
    pub args: Arguments,
    /// The body.
    pub body: Vec<Stmt>,
    /// Decorators, top to bottom.
    pub decorators: Vec<Expr>,
    /// The `-> annotation`.
    pub returns: Option<Expr>,
    /// `async def`.
    pub is_async: bool,
}

/// A `class` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// The class name.
    pub name: String,
    /// Positional bases (may contain `Starred`).
    pub bases: Vec<Expr>,
    /// Class keywords such as `metaclass=` (a `None` name is `**kwargs`).
    pub keywords: Vec<Keyword>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Decorators, top to bottom.
    pub decorators: Vec<Expr>,
}

/// One `case pattern [if guard]: body` of a `match`.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    /// The pattern.
    pub pattern: Pattern,
    /// The `if` guard.
    pub guard: Option<Expr>,
    /// The block run on a match.
    pub body: Vec<Stmt>,
}

/// A pattern with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// What the pattern is.
    pub kind: PatternKind,
    /// Where it starts.
    pub pos: Pos,
}

/// Every pattern form (CPython's `match_*` nodes).
#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// A literal or dotted name, compared with `==`.
    Value(Expr),
    /// `None`, `True` or `False`, compared with `is`.
    Singleton(Constant),
    /// `[p, *rest, q]` or `(p, q)`: the items, at most one of them `Star`.
    Sequence(Vec<Pattern>),
    /// `*name` (or `*_` when `None`) inside a sequence pattern.
    Star(Option<String>),
    /// `{key: p, **rest}`.
    Mapping {
        /// The keys: literals or dotted names.
        keys: Vec<Expr>,
        /// The pattern for each key's value.
        patterns: Vec<Pattern>,
        /// The `**rest` name.
        rest: Option<String>,
    },
    /// `Cls(p, attr=q)`.
    Class {
        /// The class (a dotted name).
        cls: Expr,
        /// Positional sub-patterns, matched through `__match_args__`.
        patterns: Vec<Pattern>,
        /// Keyword attribute names.
        kwd_attrs: Vec<String>,
        /// Their sub-patterns.
        kwd_patterns: Vec<Pattern>,
    },
    /// `p as name`, a capture `name` (no pattern) or the wildcard `_` (neither).
    As {
        /// The pattern that must match first.
        pattern: Option<Box<Pattern>>,
        /// The name bound to the subject.
        name: Option<String>,
    },
    /// `p | q | ...`.
    Or(Vec<Pattern>),
}

/// A parameter list.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Arguments {
    /// Parameters before `/`.
    pub posonlyargs: Vec<Arg>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Arg>,
    /// `*args`.
    pub vararg: Option<Arg>,
    /// Parameters after `*` or `*args`.
    pub kwonlyargs: Vec<Arg>,
    /// Defaults of `kwonlyargs`, one per parameter (`None` = required).
    pub kw_defaults: Vec<Option<Expr>>,
    /// `**kwargs`.
    pub kwarg: Option<Arg>,
    /// Defaults of the last positional parameters (`posonlyargs` then `args`).
    pub defaults: Vec<Expr>,
}

/// One parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    /// The parameter name.
    pub name: String,
    /// Its annotation.
    pub annotation: Option<Expr>,
    /// Where it is.
    pub pos: Pos,
}

/// A keyword argument in a call or class statement; `name == None` means `**mapping`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The keyword, or `None` for `**`.
    pub name: Option<String>,
    /// The value.
    pub value: Expr,
    /// Where it is.
    pub pos: Pos,
}

/// `import name as asname` (for `from m import *`, `name == "*"`).
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// Dotted name.
    pub name: String,
    /// The `as` name.
    pub asname: Option<String>,
    /// Where it is.
    pub pos: Pos,
}

/// One context manager of a `with`.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context expression.
    pub context_expr: Expr,
    /// The `as` target.
    pub optional_vars: Option<Expr>,
}

/// One `except` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The exception type expression (`None` for a bare `except:`).
    pub typ: Option<Expr>,
    /// The `as` name.
    pub name: Option<String>,
    /// The handler body.
    pub body: Vec<Stmt>,
    /// Where it is.
    pub pos: Pos,
}

/// An expression with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Where it starts.
    pub pos: Pos,
}

/// Every expression form.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`.
    BoolOp {
        /// `and` or `or`.
        op: BoolOp,
        /// Two or more operands.
        values: Vec<Expr>,
    },
    /// `target := value`.
    NamedExpr {
        /// A `Name`.
        target: Box<Expr>,
        /// The value.
        value: Box<Expr>,
    },
    /// `left op right`.
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// Operator.
        op: BinOp,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `op operand`.
    UnaryOp {
        /// Operator.
        op: UnaryOp,
        /// Operand.
        operand: Box<Expr>,
    },
    /// `lambda args: body`.
    Lambda {
        /// Parameters.
        args: Box<Arguments>,
        /// Body expression.
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        /// Condition.
        test: Box<Expr>,
        /// Value when true.
        body: Box<Expr>,
        /// Value when false.
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`: a `None` key means `**values[i]`.
    Dict {
        /// Keys (`None` for a `**` entry).
        keys: Vec<Option<Expr>>,
        /// Values.
        values: Vec<Expr>,
    },
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `[elt for ...]`.
    ListComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        /// The key.
        key: Box<Expr>,
        /// The value.
        value: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `await value`.
    Await(Box<Expr>),
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `left op1 c1 op2 c2 ...`.
    Compare {
        /// First operand.
        left: Box<Expr>,
        /// Operators.
        ops: Vec<CmpOp>,
        /// Remaining operands, one per operator.
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`; `args` may contain `Starred`.
    Call {
        /// The callee.
        func: Box<Expr>,
        /// Positional arguments (`Starred` for `*x`).
        args: Vec<Expr>,
        /// Keyword arguments (`name == None` for `**x`).
        keywords: Vec<Keyword>,
    },
    /// One `{value!conversion:format_spec}` field of an f-string.
    FormattedValue {
        /// The expression.
        value: Box<Expr>,
        /// `'s'`, `'r'` or `'a'`.
        conversion: Option<char>,
        /// The format spec, itself a `JoinedStr`.
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string (after concatenation with adjacent literals): `Constant(Str)` and
    /// `FormattedValue` parts. `f"{x=}"` is already expanded into its text and a `repr` field.
    JoinedStr(Vec<Expr>),
    /// A literal (adjacent string or bytes literals already concatenated).
    Constant(Constant),
    /// `value.attr`.
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute name.
        attr: String,
    },
    /// `value[slice]` (a tuple of indices is a `Tuple`, a slice is `Slice`).
    Subscript {
        /// The object.
        value: Box<Expr>,
        /// The index.
        slice: Box<Expr>,
    },
    /// `*value` in a call, display or assignment target.
    Starred(Box<Expr>),
    /// A name.
    Name(String),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice {
        /// Start.
        lower: Option<Box<Expr>>,
        /// Stop.
        upper: Option<Box<Expr>>,
        /// Step.
        step: Option<Box<Expr>>,
    },
}

/// A literal value.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True`.
    True,
    /// `False`.
    False,
    /// `...`.
    Ellipsis,
    /// An integer that fits in an `i64`.
    Int(i64),
    /// A larger integer: its digits (no underscores, no prefix) in `radix` (2, 8, 10 or 16).
    BigInt {
        /// The digits.
        digits: String,
        /// The base.
        radix: u32,
    },
    /// A float literal.
    Float(f64),
    /// An imaginary literal `4j` (the imaginary part).
    Imaginary(f64),
    /// A string literal.
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    /// `and`.
    And,
    /// `or`.
    Or,
}

/// Binary arithmetic operators (also used by augmented assignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `//`
    FloorDiv,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `~`
    Invert,
    /// `not`
    Not,
    /// `+`
    UAdd,
    /// `-`
    USub,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

/// One `for target in iter if cond...` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` conditions.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}
