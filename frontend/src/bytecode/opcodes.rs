//! The opcode table: the one list of every bytecode instruction.
//!
//! Instruction format (one `u32` word per instruction):
//! ```text
//!   31                         8 7        0
//!  +----------------------------+----------+
//!  |         A (24 bits)        |  opcode  |
//!  +----------------------------+----------+
//! ```
//! `A` is unsigned except for `LoadSmallInt`, where it is a signed 24-bit value. A code object
//! whose operands would not fit in 24 bits is refused by the compiler ("code too large").
//! Jump targets are absolute instruction indices. The notation in each row is Lua's
//! register-transfer style over the value stack: `TOS` is the top, `TOS1` the one below it.
//!
//! Each row: `Name = number, operand format, stack effect (a function of A), doc`. The macro
//! generates `Op`, `Op::from_u8`, `Op::name`, `Op::format` and `Op::stack_effect`; nothing else lists
//! opcodes.

/// What the `A` operand of an instruction refers to (used by the disassembler and the loader).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgFormat {
    /// No operand (A is 0).
    None,
    /// A count or small immediate.
    Imm,
    /// An index into `consts`.
    Const,
    /// An index into `names`.
    Name,
    /// An index into the local variables (`varnames`).
    Local,
    /// An index into cells then free variables.
    Deref,
    /// An absolute jump target.
    Jump,
    /// An operator number (`BinaryOp`, `CompareOp`, `UnaryOp`).
    Operator,
}

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident = $num:literal, $fmt:ident, $effect:expr; )*) => {
        /// A bytecode operation. See the module doc for the instruction format.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        /// The opcode bytes as constants, for `match` arms in the interpreter loop.
        #[allow(non_upper_case_globals)]
        pub mod codes {
            $( #[doc = concat!("The byte of `", stringify!($name), "`.")] pub const $name: u8 = $num; )*
        }

        impl Op {
            /// Decode an opcode byte.
            pub fn from_u8(b: u8) -> Option<Op> {
                match b {
                    $( $num => Some(Op::$name), )*
                    _ => None,
                }
            }

            /// The opcode's name, as the disassembler prints it.
            pub fn name(self) -> &'static str {
                match self {
                    $( Op::$name => stringify!($name), )*
                }
            }

            /// What the operand refers to.
            pub fn format(self) -> ArgFormat {
                match self {
                    $( Op::$name => ArgFormat::$fmt, )*
                }
            }

            /// The change in stack depth when the instruction falls through to the next one.
            /// (`jump_effect` gives the change when it jumps.)
            #[allow(clippy::redundant_closure_call)]
            pub fn stack_effect(self, a: u32) -> i32 {
                let a = a as i32;
                let _ = a;
                match self {
                    $( Op::$name => ($effect)(a), )*
                }
            }
        }
    };
}

opcodes! {
    /// No operation.
    Nop = 0, None, |_a: i32| 0;
    /// push consts[A]
    LoadConst = 2, Const, |_a: i32| 1;
    /// push int(A) (A signed)
    LoadSmallInt = 3, Imm, |_a: i32| 1;
    /// push None
    LoadNone = 4, None, |_a: i32| 1;
    /// push True
    LoadTrue = 5, None, |_a: i32| 1;
    /// push False
    LoadFalse = 6, None, |_a: i32| 1;
    /// push locals[A] (UnboundLocalError when unbound)
    LoadFast = 7, Local, |_a: i32| 1;
    /// locals[A] = pop
    StoreFast = 8, Local, |_a: i32| -1;
    /// locals[A] = unbound (UnboundLocalError if already unbound)
    DeleteFast = 9, Local, |_a: i32| 0;
    /// push cells[A].contents (NameError/UnboundLocalError when empty)
    LoadDeref = 10, Deref, |_a: i32| 1;
    /// cells[A].contents = pop
    StoreDeref = 11, Deref, |_a: i32| -1;
    /// cells[A].contents = empty
    DeleteDeref = 12, Deref, |_a: i32| 0;
    /// push cells[A] (the cell object itself, to build a closure)
    LoadClosure = 13, Deref, |_a: i32| 1;
    /// class body: push locals_dict[name of cells[A]] if present else cells[A].contents
    LoadClassDeref = 14, Deref, |_a: i32| 1;
    /// push globals[names[A]] or builtins[names[A]]
    LoadGlobal = 15, Name, |_a: i32| 1;
    /// globals[names[A]] = pop
    StoreGlobal = 16, Name, |_a: i32| -1;
    /// del globals[names[A]]
    DeleteGlobal = 17, Name, |_a: i32| 0;
    /// push locals_dict, globals or builtins [names[A]] (module and class bodies)
    LoadName = 18, Name, |_a: i32| 1;
    /// locals_dict[names[A]] = pop
    StoreName = 19, Name, |_a: i32| -1;
    /// del locals_dict[names[A]]
    DeleteName = 20, Name, |_a: i32| 0;
    /// TOS = TOS.names[A]
    LoadAttr = 21, Name, |_a: i32| 0;
    /// TOS.names[A] = TOS1; pop both
    StoreAttr = 22, Name, |_a: i32| -2;
    /// del TOS.names[A]; pop
    DeleteAttr = 23, Name, |_a: i32| -1;
    /// TOS = obj: push (method, obj) when names[A] is a plain method, else (attr, NULL)
    LoadMethod = 24, Name, |_a: i32| 1;
    /// call the (method, self-or-NULL) pair below A positional arguments
    CallMethod = 25, Imm, |a: i32| -a - 1;
    /// TOS = TOS1[TOS]
    BinarySubscr = 26, None, |_a: i32| -1;
    /// TOS1[TOS] = TOS2; pop three
    StoreSubscr = 27, None, |_a: i32| -3;
    /// del TOS1[TOS]; pop two
    DeleteSubscr = 28, None, |_a: i32| -2;
    /// TOS = TOS1 (op A) TOS, A a `BinaryOperator` (in-place forms have their own numbers)
    BinaryOp = 29, Operator, |_a: i32| -1;
    /// TOS = (op A) TOS, A a `UnaryOperator`
    UnaryOp = 30, Operator, |_a: i32| 0;
    /// TOS = TOS1 (cmp A) TOS, A a `Comparison`
    CompareOp = 31, Operator, |_a: i32| -1;
    /// pc = A
    Jump = 32, Jump, |_a: i32| 0;
    /// if not truth(pop): pc = A
    PopJumpIfFalse = 33, Jump, |_a: i32| -1;
    /// if truth(pop): pc = A
    PopJumpIfTrue = 34, Jump, |_a: i32| -1;
    /// if not truth(TOS): pc = A (TOS kept) else pop
    JumpIfFalseOrPop = 35, Jump, |_a: i32| -1;
    /// if truth(TOS): pc = A (TOS kept) else pop
    JumpIfTrueOrPop = 36, Jump, |_a: i32| -1;
    /// TOS = iter(TOS)
    GetIter = 37, None, |_a: i32| 0;
    /// push next(TOS); when exhausted pop TOS and pc = A
    ForIter = 38, Jump, |_a: i32| 1;
    /// pop
    Pop = 39, None, |_a: i32| -1;
    /// push TOS[-A] (A >= 1: 1 duplicates TOS)
    Copy = 40, Imm, |_a: i32| 1;
    /// swap TOS and the item A-1 below it (A >= 2)
    Swap = 41, Imm, |_a: i32| 0;
    /// pop A items, push a tuple of them
    BuildTuple = 42, Imm, |a: i32| 1 - a;
    /// pop A items, push a list of them
    BuildList = 43, Imm, |a: i32| 1 - a;
    /// pop A items, push a set of them
    BuildSet = 44, Imm, |a: i32| 1 - a;
    /// pop A key/value pairs, push a dict
    BuildMap = 45, Imm, |a: i32| 1 - 2 * a;
    /// pop A (2 or 3) items, push slice(start, stop[, step])
    BuildSlice = 46, Imm, |a: i32| 1 - a;
    /// pop A strings, push their concatenation (f-strings)
    BuildString = 47, Imm, |a: i32| 1 - a;
    /// v = pop; STACK[-A].append(v) (counted after the pop: 1 = the new top)
    ListAppend = 48, Imm, |_a: i32| -1;
    /// v = pop; STACK[-A].add(v)
    SetAdd = 49, Imm, |_a: i32| -1;
    /// v = pop; k = pop; STACK[-A][k] = v
    MapAdd = 50, Imm, |_a: i32| -2;
    /// v = pop; STACK[-A].extend(v)
    ListExtend = 51, Imm, |_a: i32| -1;
    /// v = pop; STACK[-A].update(v)
    SetUpdate = 52, Imm, |_a: i32| -1;
    /// v = pop; STACK[-A].update(v)
    DictUpdate = 53, Imm, |_a: i32| -1;
    /// v = pop; STACK[-A].update(v), TypeError on a repeated key (call `**` arguments)
    DictMerge = 54, Imm, |_a: i32| -1;
    /// TOS = tuple(TOS) (TOS a list)
    ListToTuple = 55, None, |_a: i32| 0;
    /// pop a sequence of exactly A items, push them last-first
    UnpackSequence = 56, Imm, |a: i32| a - 1;
    /// pop a sequence; push (A & 0xff) items, a list of the rest, (A >> 8) items, last-first
    UnpackEx = 57, Imm, |a: i32| (a & 0xff) + (a >> 8);
    /// call STACK[-A-1] with A positional arguments
    Call = 58, Imm, |a: i32| -a;
    /// call STACK[-A-2] with A arguments; TOS is a tuple of the names of the last len(TOS)
    CallKw = 59, Imm, |a: i32| -a - 1;
    /// call TOS2 with *TOS1 (a tuple) and **TOS (a dict, present when A & 1)
    CallEx = 60, Imm, |a: i32| -1 - (a & 1);
    /// build a function from the code TOS; below it, by flag bits of A: closure tuple (8),
    /// annotations dict (4), keyword defaults dict (2), defaults tuple (1)
    MakeFunction = 61, Imm, |a: i32| -(a.count_ones() as i32);
    /// push the `__build_class__` builtin
    LoadBuildClass = 62, None, |_a: i32| 1;
    /// return pop
    ReturnValue = 63, None, |_a: i32| -1;
    /// yield pop; push the sent value on resumption
    YieldValue = 64, None, |_a: i32| 0;
    /// TOS1 a sub-iterator, TOS the value to send: delegate one step (`yield from`/`await`);
    /// on completion pop both, push the result and pc = A
    Send = 65, Jump, |_a: i32| 0;
    /// TOS = iter(TOS) for `yield from` (coroutines pass through)
    GetYieldFromIter = 66, None, |_a: i32| 0;
    /// TOS = the awaitable's iterator (`await`)
    GetAwaitable = 67, None, |_a: i32| 0;
    /// A = 0: re-raise the exception being handled; 1: raise pop; 2: raise TOS1 from TOS
    Raise = 68, Imm, |a: i32| -a;
    /// exception handler entry: TOS = exc; push the previously handled exception below it and
    /// make exc the one being handled
    PushExcInfo = 69, None, |_a: i32| 1;
    /// pop the previously handled exception and make it current again
    PopExcept = 70, None, |_a: i32| -1;
    /// re-raise TOS (end of a `finally` or of an unmatched handler) without a new traceback entry
    Reraise = 71, None, |_a: i32| -1;
    /// TOS1 = exc, TOS = type(s): TOS = exc matches type
    CheckExcMatch = 72, None, |_a: i32| 0;
    /// TOS = manager: push bound `__exit__`, then the result of `__enter__()`
    BeforeWith = 73, None, |_a: i32| 1;
    /// TOS = exc, TOS2 = bound `__exit__`: push `__exit__(type, exc, tb)`
    WithExceptStart = 74, None, |_a: i32| 1;
    /// TOS = fromlist, TOS1 = level: push `__import__(names[A], ..., fromlist, level)`
    ImportName = 75, Name, |_a: i32| -1;
    /// TOS = module: push module.names[A] (ImportError if missing)
    ImportFrom = 76, Name, |_a: i32| 1;
    /// from TOS import *; pop
    ImportStar = 77, None, |_a: i32| -1;
    /// TOS = format(value, spec): A & 3 = conversion (0 none, 1 str, 2 repr, 3 ascii); A & 4 = spec on TOS
    FormatValue = 78, Imm, |a: i32| if a & 4 != 0 { -1 } else { 0 };
    /// push AssertionError
    LoadAssertionError = 79, None, |_a: i32| 1;
    /// ensure `__annotations__` exists in the locals dict
    SetupAnnotations = 80, None, |_a: i32| 0;
    /// REPL: print repr(pop) unless None and bind it to `builtins._`
    PrintExpr = 81, None, |_a: i32| -1;
    /// push locals() (class bodies: the namespace)
    LoadLocals = 82, None, |_a: i32| 1;
    /// if TOS is None: pop, pc = A (used by `raise` and `except ... as`)
    PopJumpIfNone = 84, Jump, |_a: i32| -1;
    /// if TOS is not None: pop, pc = A
    PopJumpIfNotNone = 85, Jump, |_a: i32| -1;
    /// async for: TOS = aiter(TOS)
    GetAIter = 87, None, |_a: i32| 0;
    /// async for: push awaitable anext(TOS)
    GetANext = 88, None, |_a: i32| 1;
    /// async for: TOS = exc: if StopAsyncIteration pop it and the iterator, else re-raise
    EndAsyncFor = 89, None, |_a: i32| -2;
    /// async with: TOS = manager: push bound `__aexit__`, then the awaitable `__aenter__()`
    BeforeAsyncWith = 90, None, |_a: i32| 1;
    /// class body entry: store `__module__` and `__qualname__` (consts[A]) in the namespace
    SetupClassBody = 91, Const, |_a: i32| 0;
    /// async generators: TOS = a marker wrapping TOS, so `__anext__` can tell a value the
    /// generator yields from a value an inner `await` passes through
    AsyncGenWrap = 92, None, |_a: i32| 0;
    /// TOS = a set built from the constant tuple TOS as CPython builds constant set displays
    /// (a frozenset constant merged into a new set), which fixes the iteration order
    BuildConstSet = 93, None, |_a: i32| 0;
    /// `match`: push whether TOS is a sequence a sequence pattern matches (not str/bytes)
    MatchSequence = 94, None, |_a: i32| 1;
    /// `match`: push whether TOS is a mapping a mapping pattern matches
    MatchMapping = 95, None, |_a: i32| 1;
    /// `match`: push len(TOS)
    GetLen = 96, None, |_a: i32| 1;
    /// `match`: TOS1 = mapping, TOS = tuple of keys: push a tuple of their values, or None
    /// when a key is missing
    MatchKeys = 97, None, |_a: i32| 1;
    /// `match`: TOS2 = subject, TOS1 = class, TOS = tuple of keyword attribute names: replace
    /// the three by a tuple of A positional then the keyword attributes, or None on no match
    MatchClass = 98, Imm, |_a: i32| -2;
    /// `match`: TOS1 = mapping, TOS = tuple of keys: replace both by a new dict of the other items
    MatchRest = 99, None, |_a: i32| -1;
}

/// Binary operators in `BinaryOp`'s A. In-place forms are `op + INPLACE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOperator {
    /// `+`
    Add = 0,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `@`
    MatMul,
    /// `/`
    TrueDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `&`
    And,
    /// `//`
    FloorDiv,
}

/// Offset of the in-place form of a binary operator.
pub const INPLACE: u32 = 16;

impl BinaryOperator {
    /// The operator of `BinaryOp`'s operand, in-place or not.
    pub fn of_operand(a: u32) -> Option<BinaryOperator> {
        Self::from_u32(a & !INPLACE)
    }

    /// All operators in numeric order.
    pub const ALL: [BinaryOperator; 13] = [
        Self::Add,
        Self::Sub,
        Self::Mul,
        Self::MatMul,
        Self::TrueDiv,
        Self::Mod,
        Self::Pow,
        Self::LShift,
        Self::RShift,
        Self::Or,
        Self::Xor,
        Self::And,
        Self::FloorDiv,
    ];

    /// Decode an operator number (without the in-place offset).
    pub fn from_u32(n: u32) -> Option<Self> {
        Self::ALL.get(n as usize).copied()
    }

    /// The operator's symbol, as error messages print it.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Add => "+",
            Self::Sub => "-",
            Self::Mul => "*",
            Self::MatMul => "@",
            Self::TrueDiv => "/",
            Self::Mod => "%",
            Self::Pow => "** or pow()",
            Self::LShift => "<<",
            Self::RShift => ">>",
            Self::Or => "|",
            Self::Xor => "^",
            Self::And => "&",
            Self::FloorDiv => "//",
        }
    }

    /// The special method names: (forward, reflected, in-place).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Add => ("__add__", "__radd__", "__iadd__"),
            Self::Sub => ("__sub__", "__rsub__", "__isub__"),
            Self::Mul => ("__mul__", "__rmul__", "__imul__"),
            Self::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            Self::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            Self::Mod => ("__mod__", "__rmod__", "__imod__"),
            Self::Pow => ("__pow__", "__rpow__", "__ipow__"),
            Self::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            Self::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            Self::Or => ("__or__", "__ror__", "__ior__"),
            Self::Xor => ("__xor__", "__rxor__", "__ixor__"),
            Self::And => ("__and__", "__rand__", "__iand__"),
            Self::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        }
    }
}

/// Unary operators in `UnaryOp`'s A.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnaryOperator {
    /// `-x`
    Neg = 0,
    /// `+x`
    Pos = 1,
    /// `~x`
    Invert = 2,
    /// `not x`
    Not = 3,
}

impl UnaryOperator {
    /// Decode.
    pub fn from_u32(n: u32) -> Option<Self> {
        [Self::Neg, Self::Pos, Self::Invert, Self::Not]
            .get(n as usize)
            .copied()
    }
}

/// Comparisons in `CompareOp`'s A.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Comparison {
    /// `<`
    Lt = 0,
    /// `<=`
    Le,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl Comparison {
    /// Decode.
    pub fn from_u32(n: u32) -> Option<Self> {
        [
            Self::Lt,
            Self::Le,
            Self::Eq,
            Self::Ne,
            Self::Gt,
            Self::Ge,
            Self::Is,
            Self::IsNot,
            Self::In,
            Self::NotIn,
        ]
        .get(n as usize)
        .copied()
    }

    /// The operator's symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Eq => "==",
            Self::Ne => "!=",
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::Is => "is",
            Self::IsNot => "is not",
            Self::In => "in",
            Self::NotIn => "not in",
        }
    }
}

impl Op {
    /// The change in stack depth when a jump instruction takes its jump.
    pub fn jump_effect(self, a: u32) -> i32 {
        match self {
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => 0,
            Op::ForIter | Op::Send => -1,
            _ => self.stack_effect(a),
        }
    }
}
