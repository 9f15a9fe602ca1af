//! The named special methods of `int`, `bool`, `float` and `complex` (`int.__add__(1, 2)`,
//! `super().__round__()` in a float subclass...): binary and reflected operators, comparisons,
//! `__pow__` with a modulus, `__divmod__`, and the unary, conversion, hashing and formatting
//! dunders. They work on the operands' data through `ops::arith::builtin_binary` and
//! `ops::cmp::builtin_compare` and return `NotImplemented` for operands of other types.

use super::{MethodDef, classmethod, method};
use crate::builtins::args;
use crate::obj::ComplexObj;
use crate::obj::int::{is_int, to_bigint, to_i64};
use crate::ops::arith::{builtin_binary, complex_of};
use crate::ops::cmp::{builtin_compare, float_of};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::{String, ToString};
use frontend::bytecode::{BinaryOperator as B, Comparison as C};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

/// The numeric type a special method belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Num {
    /// `int` (bools included).
    Int,
    /// `bool` only.
    Bool,
    /// `float`.
    Float,
    /// `complex`.
    Complex,
}

impl Num {
    fn name(self) -> &'static str {
        match self {
            Num::Int => "int",
            Num::Bool => "bool",
            Num::Float => "float",
            Num::Complex => "complex",
        }
    }

    /// Is `v` an instance of this type (what `self` must be)?
    fn is_self(self, v: Value) -> bool {
        match self {
            Num::Int => is_int(v),
            Num::Bool => v.is_bool(),
            Num::Float => float_of(v).is_some(),
            Num::Complex => v.as_ref::<ComplexObj>().is_some(),
        }
    }

    /// Does this type's arithmetic accept `v` as the other operand?
    fn accepts(self, v: Value) -> bool {
        match self {
            Num::Int | Num::Bool => is_int(v),
            Num::Float => is_int(v) || float_of(v).is_some(),
            Num::Complex => complex_of(v).is_some(),
        }
    }
}

/// Check a special method's `self` and argument count (`n` arguments after `self`).
pub fn check(vm: &mut Vm, a: &[Value], kw: Value, name: &str, k: Num, n: usize) -> PyResult<()> {
    if !crate::obj::tuple::items(kw).is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    check_self(vm, a, name, k)?;
    if a.len() - 1 != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("expected {n} argument{s}, got {}", a.len() - 1)));
    }
    Ok(())
}

/// Check only `self` of a special method.
pub fn check_self(vm: &mut Vm, a: &[Value], name: &str, k: Num) -> PyResult<()> {
    let Some(&this) = a.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of '{}' object needs an argument",
            k.name()
        )));
    };
    if !k.is_self(this) {
        let t = vm.type_name(this);
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{t}'",
            k.name()
        )));
    }
    Ok(())
}

/// `self op other` (or `other op self` when `reflected`) on built-in numbers.
pub fn binary(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    k: Num,
    op: B,
    reflected: bool,
) -> PyResult<Value> {
    check(vm, a, kw, name, k, 1)?;
    if !k.accepts(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (x, y) = if reflected {
        (a[1], a[0])
    } else {
        (a[0], a[1])
    };
    Ok(builtin_binary(vm, op, x, y)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

/// `self <op> other` on built-in numbers.
pub fn compare(vm: &mut Vm, a: &[Value], kw: Value, name: &str, k: Num, op: C) -> PyResult<Value> {
    check(vm, a, kw, name, k, 1)?;
    if !k.accepts(a[1]) || k == Num::Complex && !matches!(op, C::Eq | C::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(match builtin_compare(vm, op, a[0], a[1])? {
        Some(b) => Value::from_bool(b),
        None => Value::NOT_IMPLEMENTED,
    })
}

/// `divmod(self, other)` (or reflected).
pub fn divmod(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    k: Num,
    reflected: bool,
) -> PyResult<Value> {
    check(vm, a, kw, name, k, 1)?;
    if !k.accepts(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (x, y) = if reflected {
        (a[1], a[0])
    } else {
        (a[0], a[1])
    };
    if k == Num::Float {
        let d = float_of(y).or_else(|| to_bigint(y).map(|b| if b.is_zero() { 0.0 } else { 1.0 }));
        if d == Some(0.0) {
            return Err(vm.zero_division("float divmod()"));
        }
    }
    let Some(q) = builtin_binary(vm, B::FloorDiv, x, y)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(r) = builtin_binary(vm, B::Mod, x, y)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    vm.new_tuple(&[q, r])
}

/// `pow(self, other[, mod])` (or reflected).
pub fn pow(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    k: Num,
    reflected: bool,
) -> PyResult<Value> {
    if !crate::obj::tuple::items(kw).is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    check_self(vm, a, name, k)?;
    match a.len() {
        1 => return Err(vm.type_error(" expected at least 1 argument, got 0")),
        2 | 3 => {}
        n => return Err(vm.type_error(format!(" expected at most 2 arguments, got {}", n - 1))),
    }
    let m = a.get(2).copied().unwrap_or(Value::NONE);
    if m.is_none() {
        return binary(vm, &a[..2], kw, name, k, B::Pow, reflected);
    }
    if !k.accepts(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (x, y) = if reflected {
        (a[1], a[0])
    } else {
        (a[0], a[1])
    };
    match k {
        Num::Int | Num::Bool => {
            if !is_int(m) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            crate::ops::arith::int_pow_mod(vm, x, y, m)
        }
        Num::Float => {
            Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"))
        }
        Num::Complex => Err(vm.value_error("complex modulo")),
    }
}

macro_rules! binops {
    ($table:ident, $k:expr, [$(($fname:ident, $name:literal, $op:ident, $rev:literal)),* $(,)?]) => {
        $(
            fn $fname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                binary(vm, a, kw, $name, $k, B::$op, $rev)
            }
        )*
        const $table: &[MethodDef] = &[$(method($name, $fname)),*];
    };
}

macro_rules! cmpops {
    ($table:ident, $k:expr, [$(($fname:ident, $name:literal, $op:ident)),* $(,)?]) => {
        $(
            fn $fname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                compare(vm, a, kw, $name, $k, C::$op)
            }
        )*
        const $table: &[MethodDef] = &[$(method($name, $fname)),*];
    };
}

macro_rules! divpow {
    ($table:ident, $k:expr, $divmod:ident, $rdivmod:ident, $pow:ident, $rpow:ident) => {
        fn $divmod(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
            divmod(vm, a, kw, "__divmod__", $k, false)
        }
        fn $rdivmod(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
            divmod(vm, a, kw, "__rdivmod__", $k, true)
        }
        fn $pow(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
            pow(vm, a, kw, "__pow__", $k, false)
        }
        fn $rpow(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
            pow(vm, a, kw, "__rpow__", $k, true)
        }
        const $table: &[MethodDef] = &[
            method("__divmod__", $divmod),
            method("__rdivmod__", $rdivmod),
            method("__pow__", $pow),
            method("__rpow__", $rpow),
        ];
    };
}

binops!(
    INT_BINOPS,
    Num::Int,
    [
        (int_add, "__add__", Add, false),
        (int_radd, "__radd__", Add, true),
        (int_sub, "__sub__", Sub, false),
        (int_rsub, "__rsub__", Sub, true),
        (int_mul, "__mul__", Mul, false),
        (int_rmul, "__rmul__", Mul, true),
        (int_truediv, "__truediv__", TrueDiv, false),
        (int_rtruediv, "__rtruediv__", TrueDiv, true),
        (int_floordiv, "__floordiv__", FloorDiv, false),
        (int_rfloordiv, "__rfloordiv__", FloorDiv, true),
        (int_mod, "__mod__", Mod, false),
        (int_rmod, "__rmod__", Mod, true),
        (int_lshift, "__lshift__", LShift, false),
        (int_rlshift, "__rlshift__", LShift, true),
        (int_rshift, "__rshift__", RShift, false),
        (int_rrshift, "__rrshift__", RShift, true),
        (int_and, "__and__", And, false),
        (int_rand, "__rand__", And, true),
        (int_or, "__or__", Or, false),
        (int_ror, "__ror__", Or, true),
        (int_xor, "__xor__", Xor, false),
        (int_rxor, "__rxor__", Xor, true),
    ]
);

binops!(
    FLOAT_BINOPS,
    Num::Float,
    [
        (float_add, "__add__", Add, false),
        (float_radd, "__radd__", Add, true),
        (float_sub, "__sub__", Sub, false),
        (float_rsub, "__rsub__", Sub, true),
        (float_mul, "__mul__", Mul, false),
        (float_rmul, "__rmul__", Mul, true),
        (float_truediv, "__truediv__", TrueDiv, false),
        (float_rtruediv, "__rtruediv__", TrueDiv, true),
        (float_floordiv, "__floordiv__", FloorDiv, false),
        (float_rfloordiv, "__rfloordiv__", FloorDiv, true),
        (float_mod, "__mod__", Mod, false),
        (float_rmod, "__rmod__", Mod, true),
    ]
);

binops!(
    COMPLEX_BINOPS,
    Num::Complex,
    [
        (complex_add, "__add__", Add, false),
        (complex_radd, "__radd__", Add, true),
        (complex_sub, "__sub__", Sub, false),
        (complex_rsub, "__rsub__", Sub, true),
        (complex_mul, "__mul__", Mul, false),
        (complex_rmul, "__rmul__", Mul, true),
        (complex_truediv, "__truediv__", TrueDiv, false),
        (complex_rtruediv, "__rtruediv__", TrueDiv, true),
    ]
);

cmpops!(
    INT_CMP,
    Num::Int,
    [
        (int_eq, "__eq__", Eq),
        (int_ne, "__ne__", Ne),
        (int_lt, "__lt__", Lt),
        (int_le, "__le__", Le),
        (int_gt, "__gt__", Gt),
        (int_ge, "__ge__", Ge),
    ]
);

cmpops!(
    FLOAT_CMP,
    Num::Float,
    [
        (float_eq, "__eq__", Eq),
        (float_ne, "__ne__", Ne),
        (float_lt, "__lt__", Lt),
        (float_le, "__le__", Le),
        (float_gt, "__gt__", Gt),
        (float_ge, "__ge__", Ge),
    ]
);

cmpops!(
    COMPLEX_CMP,
    Num::Complex,
    [
        (complex_eq, "__eq__", Eq),
        (complex_ne, "__ne__", Ne),
        (complex_lt, "__lt__", Lt),
        (complex_le, "__le__", Le),
        (complex_gt, "__gt__", Gt),
        (complex_ge, "__ge__", Ge),
    ]
);

divpow!(
    INT_DIVPOW,
    Num::Int,
    int_divmod,
    int_rdivmod,
    int_pow,
    int_rpow
);
divpow!(
    FLOAT_DIVPOW,
    Num::Float,
    float_divmod,
    float_rdivmod,
    float_pow,
    float_rpow
);

fn complex_pow(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    pow(vm, a, kw, "__pow__", Num::Complex, false)
}

fn complex_rpow(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    pow(vm, a, kw, "__rpow__", Num::Complex, true)
}

// ---- bool's own operators ----

fn bool_logic(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    op: B,
    reflected: bool,
) -> PyResult<Value> {
    check(vm, a, kw, name, Num::Bool, 1)?;
    if a[1].is_bool() {
        let (x, y) = (a[0] == Value::TRUE, a[1] == Value::TRUE);
        let r = match op {
            B::And => x & y,
            B::Or => x | y,
            _ => x ^ y,
        };
        return Ok(Value::from_bool(r));
    }
    binary(vm, a, kw, name, Num::Int, op, reflected)
}

macro_rules! boolops {
    ($(($fname:ident, $name:literal, $op:ident, $rev:literal)),* $(,)?) => {
        $(
            fn $fname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                bool_logic(vm, a, kw, $name, B::$op, $rev)
            }
        )*
        const BOOL_OPS: &[MethodDef] = &[$(method($name, $fname)),*];
    };
}

boolops!(
    (bool_and, "__and__", And, false),
    (bool_rand, "__rand__", And, true),
    (bool_or, "__or__", Or, false),
    (bool_ror, "__ror__", Or, true),
    (bool_xor, "__xor__", Xor, false),
    (bool_rxor, "__rxor__", Xor, true),
);

fn bool_repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check(vm, a, kw, "__repr__", Num::Bool, 0)?;
    vm.new_str(if a[0] == Value::TRUE { "True" } else { "False" })
}

// ---- int's unary and conversion methods ----

fn int_self(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<BigInt> {
    check(vm, a, kw, name, Num::Int, 0)?;
    Ok(to_bigint(a[0]).expect("checked int"))
}

/// `int(self)` as an exact int (small ints and exact ints are returned as they are).
fn exact_int(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_small_int()
        || v.obj_kind() == Some(crate::obj::Kind::Int) && vm.type_of(v) == vm.types.int
    {
        return Ok(v);
    }
    vm.int_from_big(to_bigint(v).expect("int"))
}

macro_rules! int_identity {
    ($($fname:ident = $name:literal),* $(,)?) => {
        $(
            fn $fname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
                check(vm, a, kw, $name, Num::Int, 0)?;
                exact_int(vm, a[0])
            }
        )*
    };
}

int_identity!(
    int_pos = "__pos__",
    int_int = "__int__",
    int_index = "__index__",
    int_trunc = "__trunc__",
    int_floor = "__floor__",
    int_ceil = "__ceil__",
);

fn int_neg(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if let (Some(i), true) = (
        a.first().and_then(|v| v.as_small_int()),
        a.len() == 1 && kw.is_null(),
    ) {
        return vm.int_from_i64(-(i as i64));
    }
    let b = int_self(vm, a, kw, "__neg__")?;
    vm.int_from_big(-b)
}

fn int_abs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let b = int_self(vm, a, kw, "__abs__")?;
    vm.int_from_big(b.abs())
}

fn int_invert(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let b = int_self(vm, a, kw, "__invert__")?;
    vm.int_from_big(!b)
}

fn int_bool(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let b = int_self(vm, a, kw, "__bool__")?;
    Ok(Value::from_bool(!b.is_zero()))
}

fn int_float(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check(vm, a, kw, "__float__", Num::Int, 0)?;
    let f = crate::ops::arith::to_f64(vm, a[0])?.expect("int");
    vm.new_float(f)
}

fn int_hash(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check(vm, a, kw, "__hash__", Num::Int, 0)?;
    let h = match to_i64(a[0]) {
        Some(i) => crate::ops::cmp::hash_i64(i),
        None => crate::ops::cmp::hash_bigint(&to_bigint(a[0]).expect("int")),
    };
    vm.int_from_i64(h as i64)
}

fn int_repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let b = int_self(vm, a, kw, "__repr__")?;
    vm.new_str(&b.to_string())
}

/// The format-spec argument of a `__format__` method.
fn format_args(vm: &mut Vm, a: &[Value], kw: Value, k: Num) -> PyResult<String> {
    let tname = k.name();
    if a.is_empty() {
        return Err(vm.type_error(format!(
            "unbound method {tname}.__format__() needs an argument"
        )));
    }
    args::no_kw(vm, &format!("{tname}.__format__"), kw)?;
    check_self(vm, a, "__format__", k)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "{tname}.__format__() takes exactly one argument ({} given)",
            a.len() - 1
        )));
    }
    match vm.str_of(a[1]) {
        Some(s) => Ok(String::from(s)),
        None => {
            let t = vm.type_name(a[1]);
            Err(vm.type_error(format!("__format__() argument must be str, not {t}")))
        }
    }
}

/// Turn a formatting error message into CPython's exception.
pub fn format_error(vm: &mut Vm, msg: String) -> crate::vm::PyErr {
    if crate::format::is_overflow_message(&msg) {
        vm.overflow_error(msg)
    } else {
        vm.value_error(msg)
    }
}

fn int_format(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let spec = format_args(vm, a, kw, Num::Int)?;
    if spec.is_empty() {
        return vm.str(a[0]);
    }
    let tname = String::from(vm.type_name(a[0]));
    let b = to_bigint(a[0]).expect("int");
    match crate::format::parse_format_spec(&spec, &tname)
        .and_then(|sp| crate::format::format_int(&b, &sp, &tname))
    {
        Ok(s) => vm.new_str(&s),
        Err(m) => Err(format_error(vm, m)),
    }
}

/// The `ndigits` argument of `__round__`: `None` when absent or None.
fn round_args(vm: &mut Vm, a: &[Value], kw: Value, k: Num) -> PyResult<Option<isize>> {
    if a.is_empty() {
        return Err(vm.type_error(format!(
            "unbound method {}.__round__() needs an argument",
            k.name()
        )));
    }
    let [_, nd] = args::parse(vm, "__round__", a, kw, ["$self", "$ndigits"], 1).map_err(|e| {
        if a.len() > 2 {
            vm.type_error(format!(
                "__round__ expected at most 1 argument, got {}",
                a.len() - 1
            ))
        } else {
            e
        }
    })?;
    check_self(vm, a, "__round__", k)?;
    if nd.is_null() || nd.is_none() && k == Num::Float {
        return Ok(None);
    }
    crate::ops::arith::index_of(vm, nd).map(Some)
}

/// `round(i, n)` for an integer: round half to even at `10**-n`.
pub fn round_int(vm: &mut Vm, b: BigInt, n: isize) -> PyResult<Value> {
    if n >= 0 {
        return vm.int_from_big(b);
    }
    let digits = n.unsigned_abs();
    if digits as u64 > b.bits() {
        // 10**digits > |b| * 2: the result is 0 (CPython computes the same).
        return Ok(Value::small_int(0));
    }
    let p = num_traits::pow::Pow::pow(BigInt::from(10), digits as u32);
    let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        core::cmp::Ordering::Greater => q + 1,
        core::cmp::Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
        _ => q,
    };
    vm.int_from_big(q * p)
}

fn int_round(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let nd = round_args(vm, a, kw, Num::Int)?;
    let b = to_bigint(a[0]).expect("int");
    match nd {
        None => vm.int_from_big(b),
        Some(n) => round_int(vm, b, n),
    }
}

fn int_sizeof(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let b = int_self(vm, a, kw, "__sizeof__")?;
    // CPython's layout: 24 bytes of header and 4 bytes per 30-bit digit (at least one).
    let digits = (b.bits() as usize).div_ceil(30).max(1);
    Ok(Value::small_int((24 + 4 * digits) as isize))
}

/// Install the special methods of `int`, `bool`, `float` and `complex`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let int = vm.types.int;
    for table in [INT_BINOPS, INT_CMP, INT_DIVPOW] {
        vm.add_methods(int, table)?;
    }
    vm.add_methods(
        int,
        &[
            method("__neg__", int_neg),
            method("__pos__", int_pos),
            method("__abs__", int_abs),
            method("__invert__", int_invert),
            method("__bool__", int_bool),
            method("__int__", int_int),
            method("__index__", int_index),
            method("__float__", int_float),
            method("__trunc__", int_trunc),
            method("__floor__", int_floor),
            method("__ceil__", int_ceil),
            method("__round__", int_round),
            method("__hash__", int_hash),
            method("__repr__", int_repr),
            method("__format__", int_format),
            method("__sizeof__", int_sizeof),
        ],
    )?;
    let b = vm.types.bool;
    vm.add_methods(b, BOOL_OPS)?;
    vm.add_methods(b, &[method("__repr__", bool_repr)])?;
    let float = vm.types.float;
    for table in [FLOAT_BINOPS, FLOAT_CMP, FLOAT_DIVPOW] {
        vm.add_methods(float, table)?;
    }
    vm.add_methods(float, super::float::UNARY)?;
    vm.add_methods(
        float,
        &[classmethod("__getformat__", super::float::getformat)],
    )?;
    let complex = vm.types.complex;
    for table in [COMPLEX_BINOPS, COMPLEX_CMP] {
        vm.add_methods(complex, table)?;
    }
    vm.add_methods(
        complex,
        &[
            method("__pow__", complex_pow),
            method("__rpow__", complex_rpow),
        ],
    )?;
    vm.add_methods(complex, super::complex::UNARY)
}

/// `round(x)`/`float.__round__` helpers shared with `float.rs`.
pub fn float_round_args(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Option<isize>> {
    round_args(vm, a, kw, Num::Float)
}

/// `__format__`'s spec argument, shared with `float.rs` and `complex.rs`.
pub fn format_spec_arg(vm: &mut Vm, a: &[Value], kw: Value, k: Num) -> PyResult<String> {
    format_args(vm, a, kw, k)
}
