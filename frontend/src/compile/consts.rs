//! MicroPython's compile-time constants: `NAME = const(expr)` folds `expr` now, and from there on
//! every load of `NAME` as a global is that constant. A name starting with `_` is not stored in
//! the module at all. The expression may use literals (ints of any size, floats, strings, bytes,
//! tuples of these), earlier constants and arithmetic; anything else, or arithmetic that would
//! raise (`1 // 0`, a negative shift), is a SyntaxError as in MicroPython. As in MicroPython,
//! `math.pi`, `math.e`, `math.tau`, `math.inf` and `math.nan` count as constants unless the
//! module binds the name `math` (or the name it imports `math` as) some other way.

use crate::ast::{Alias, BinOp, Constant, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use crate::bytecode::code::Const;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// Constants defined so far in a compilation, in definition order.
#[derive(Default)]
pub(super) struct ConstTable {
    entries: Vec<(String, Const)>,
    /// False when the module binds `const` itself (then `const(...)` is an ordinary call).
    pub(super) enabled: bool,
    /// The name under which the module imports `math` (`import math`, `import math as m`),
    /// when it binds that name no other way.
    math: Option<String>,
}

impl ConstTable {
    /// The table for a module whose top-level statements are `body`.
    pub(super) fn for_module(body: &[Stmt]) -> Self {
        ConstTable {
            entries: Vec::new(),
            enabled: !binds_own_const(body),
            math: math_module_name(body),
        }
    }

    /// The constant `name` stands for, if it has been defined.
    pub(super) fn get(&self, name: &str) -> Option<&Const> {
        self.entries
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c)
    }

    pub(super) fn define(&mut self, name: &str, value: Const) {
        self.entries.push((name.to_string(), value));
    }

    /// The argument of `const(arg)` if `value` is such a call (and `const` is MicroPython's).
    pub(super) fn const_call<'e>(&self, value: &'e Expr) -> Option<&'e Expr> {
        match &value.kind {
            ExprKind::Call {
                func,
                args,
                keywords,
            } if self.enabled && args.len() == 1 && keywords.is_empty() => match &func.kind {
                ExprKind::Name(n) if n == "const" => Some(&args[0]),
                _ => None,
            },
            _ => None,
        }
    }

    /// Fold `e` to a constant, or `None` when it is not a constant expression.
    pub(super) fn fold(&self, e: &Expr) -> Option<Const> {
        self.value(e).map(Folded::into_const)
    }

    fn value(&self, e: &Expr) -> Option<Folded> {
        Some(match &e.kind {
            ExprKind::Constant(c) => Folded::from_constant(c)?,
            ExprKind::Name(n) => Folded::from_const(self.get(n)?)?,
            ExprKind::Tuple(items) => Folded::Tuple(
                items
                    .iter()
                    .map(|i| self.value(i))
                    .collect::<Option<Vec<_>>>()?,
            ),
            ExprKind::UnaryOp { op, operand } => unary(*op, self.value(operand)?)?,
            ExprKind::BinOp { left, op, right } => {
                binary(*op, self.value(left)?, self.value(right)?)?
            }
            ExprKind::Attribute { value, attr } => match &value.kind {
                ExprKind::Name(m) if self.math.as_deref() == Some(m.as_str()) => {
                    Folded::Float(math_constant(attr)?)
                }
                _ => return None,
            },
            _ => return None,
        })
    }
}

/// The values of `math`'s constants.
fn math_constant(name: &str) -> Option<f64> {
    Some(match name {
        "pi" => core::f64::consts::PI,
        "e" => core::f64::consts::E,
        "tau" => core::f64::consts::TAU,
        "inf" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => return None,
    })
}

/// The name that stands for the `math` module in constant expressions: the one `import math [as m]`
/// binds (`math` without such an import), if the module binds that name no other way.
fn math_module_name(body: &[Stmt]) -> Option<String> {
    let is_math = |a: &Alias| a.name == "math" || a.name == "umath";
    let name = body
        .iter()
        .rev()
        .find_map(|s| match &s.kind {
            StmtKind::Import(names) => names
                .iter()
                .rfind(|a| is_math(a))
                .map(|a| a.asname.clone().unwrap_or_else(|| a.name.clone())),
            _ => None,
        })
        // As MicroPython, `math` names the module in a constant expression even where this
        // source does not import it (code run by `exec` in a module that did).
        .unwrap_or_else(|| "math".to_string());
    (!binds_otherwise(body, &name, |from, a| from.is_none() && is_math(a))).then_some(name)
}

/// Does the module bind the name `const` other than by importing it from `micropython`?
fn binds_own_const(body: &[Stmt]) -> bool {
    binds_otherwise(body, "const", |from, _| from == Some("micropython"))
}

/// Does a top-level statement of `body` bind `name` other than by an import `expected` accepts
/// (`expected(from_module, alias)`: `from_module` is `None` for a plain `import`)?
fn binds_otherwise(
    body: &[Stmt],
    name: &str,
    expected: impl Fn(Option<&str>, &Alias) -> bool,
) -> bool {
    let imports = |from: Option<&str>, names: &[Alias]| {
        names
            .iter()
            .any(|a| a.asname.as_deref().unwrap_or(&a.name) == name && !expected(from, a))
    };
    body.iter().any(|s| match &s.kind {
        StmtKind::FunctionDef(f) => f.name == name,
        StmtKind::ClassDef(c) => c.name == name,
        StmtKind::Assign { targets, .. } => targets
            .iter()
            .any(|t| matches!(&t.kind, ExprKind::Name(n) if n == name)),
        StmtKind::Import(names) => imports(None, names),
        StmtKind::ImportFrom { module, names, .. } => imports(module.as_deref(), names),
        _ => false,
    })
}

/// A constant being folded.
enum Folded {
    Int(BigInt),
    Float(f64),
    Bool(bool),
    None,
    Ellipsis,
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Folded>),
}

impl Folded {
    fn from_constant(c: &Constant) -> Option<Folded> {
        Folded::from_const(&super::expr::constant_to_const(c))
    }

    fn from_const(c: &Const) -> Option<Folded> {
        Some(match c {
            Const::None => Folded::None,
            Const::True => Folded::Bool(true),
            Const::False => Folded::Bool(false),
            Const::Int(i) => Folded::Int(BigInt::from(*i)),
            Const::BigInt { digits, radix } => {
                Folded::Int(BigInt::parse_bytes(digits.as_bytes(), *radix)?)
            }
            Const::Float(f) => Folded::Float(*f),
            Const::Str(s) => Folded::Str(s.clone()),
            Const::Bytes(b) => Folded::Bytes(b.clone()),
            Const::Tuple(items) => Folded::Tuple(
                items
                    .iter()
                    .map(Folded::from_const)
                    .collect::<Option<Vec<_>>>()?,
            ),
            Const::Ellipsis => Folded::Ellipsis,
            Const::Imaginary(_) | Const::Code(_) => return None,
        })
    }

    fn into_const(self) -> Const {
        match self {
            Folded::Int(i) => match i.to_i64() {
                Some(small) => Const::Int(small),
                None => Const::BigInt {
                    digits: i.to_str_radix(10),
                    radix: 10,
                },
            },
            Folded::Float(f) => Const::Float(f),
            Folded::Bool(true) => Const::True,
            Folded::Bool(false) => Const::False,
            Folded::None => Const::None,
            Folded::Ellipsis => Const::Ellipsis,
            Folded::Str(s) => Const::Str(s),
            Folded::Bytes(b) => Const::Bytes(b),
            Folded::Tuple(items) => {
                Const::Tuple(items.into_iter().map(Folded::into_const).collect())
            }
        }
    }

    /// The number as a float, for mixed arithmetic (bools count as ints).
    fn as_float(&self) -> Option<f64> {
        match self {
            Folded::Int(i) => i.to_f64(),
            Folded::Float(f) => Some(*f),
            Folded::Bool(b) => Some(*b as u8 as f64),
            _ => None,
        }
    }

    fn as_int(&self) -> Option<BigInt> {
        match self {
            Folded::Int(i) => Some(i.clone()),
            Folded::Bool(b) => Some(BigInt::from(*b as u8)),
            _ => None,
        }
    }
}

fn unary(op: UnaryOp, v: Folded) -> Option<Folded> {
    Some(match (op, v) {
        (UnaryOp::USub, Folded::Float(f)) => Folded::Float(-f),
        (UnaryOp::UAdd, Folded::Float(f)) => Folded::Float(f),
        (UnaryOp::USub, v) => Folded::Int(-v.as_int()?),
        (UnaryOp::UAdd, v) => Folded::Int(v.as_int()?),
        (UnaryOp::Invert, v) => Folded::Int(!v.as_int()?),
        (UnaryOp::Not, _) => return None,
    })
}

/// Largest power result folded (in bits): past this the program is better off computing it.
const MAX_POW_BITS: u64 = 1 << 16;

fn binary(op: BinOp, a: Folded, b: Folded) -> Option<Folded> {
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        return int_binary(op, x, y);
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return float_binary(op, x, y).map(Folded::Float);
    }
    match (op, a, b) {
        (BinOp::Add, Folded::Str(x), Folded::Str(y)) => Some(Folded::Str(x + &y)),
        (BinOp::Add, Folded::Bytes(mut x), Folded::Bytes(y)) => {
            x.extend_from_slice(&y);
            Some(Folded::Bytes(x))
        }
        _ => None,
    }
}

fn int_binary(op: BinOp, x: BigInt, y: BigInt) -> Option<Folded> {
    use num_integer::Integer;
    Some(Folded::Int(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::FloorDiv if !y.is_zero() => x.div_floor(&y),
        BinOp::Mod if !y.is_zero() => x.mod_floor(&y),
        BinOp::Div if !y.is_zero() => return Some(Folded::Float(x.to_f64()? / y.to_f64()?)),
        BinOp::Pow if y.is_negative() => {
            // A float, as CPython's pow(float(x), float(y)): folded only where one correctly
            // rounded division gives the same bits (x**-y exact in a double).
            let d = num_traits::pow(x.to_f64()?, (-y).to_usize()?);
            if x.is_zero() || d.abs() >= 9_007_199_254_740_992.0 {
                return None;
            }
            return Some(Folded::Float(1.0 / d));
        }
        BinOp::Pow => {
            let e = y.to_u32()?;
            if x.bits().saturating_mul(e as u64) > MAX_POW_BITS {
                return None;
            }
            num_traits::pow(x, e as usize)
        }
        BinOp::LShift if !y.is_negative() => {
            let n = y.to_usize()?;
            if x.bits().saturating_add(n as u64) > MAX_POW_BITS {
                return None;
            }
            x << n
        }
        BinOp::RShift if !y.is_negative() => x >> y.to_usize().unwrap_or(usize::MAX >> 1),
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        _ => return None,
    }))
}

fn float_binary(op: BinOp, x: f64, y: f64) -> Option<f64> {
    Some(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::Div if y != 0.0 => x / y,
        // Only the powers whose result is one correctly rounded operation, so the folded bits
        // equal the C library's `pow` at run time.
        BinOp::Pow if y == 0.0 => 1.0,
        BinOp::Pow if y == 1.0 => x,
        BinOp::Pow if y == 2.0 => x * x,
        BinOp::Pow if y == -1.0 && x != 0.0 => 1.0 / x,
        _ => return None,
    })
}
