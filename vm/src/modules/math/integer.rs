//! The integer functions of `math`: `factorial`, `comb`, `perm`, `gcd`, `lcm`, `isqrt` and
//! `prod`, on big integers with CPython's argument checks and messages.

use crate::builtins::args;
use crate::ops::arith::index_bigint;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// The product `lo * (lo+1) * ... * (lo+count-1)`, by splitting the range in halves so the
/// multiplications stay balanced.
fn range_product(lo: &BigInt, count: u64) -> BigInt {
    if count == 0 {
        return BigInt::one();
    }
    if count <= 16 {
        let mut r = lo.clone();
        let mut x = lo.clone();
        for _ in 1..count {
            x += 1u32;
            r *= &x;
        }
        return r;
    }
    let half = count / 2;
    let mid = lo + BigInt::from(half);
    range_product(lo, half) * range_product(&mid, count - half)
}

fn factorial_of(n: u64) -> BigInt {
    if n < 2 {
        BigInt::one()
    } else {
        range_product(&BigInt::from(2u32), n - 1)
    }
}

/// One argument through `__index__`, named `name` in the arity error.
fn one_index(vm: &mut Vm, name: &str, a: &[Value], kw: Value) -> PyResult<BigInt> {
    args::no_kw(vm, &format!("math.{name}"), kw)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    index_bigint(vm, a[0])
}

/// `math.factorial(n)`.
pub fn factorial(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let n = one_index(vm, "factorial", a, kw)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    vm.int_from_big(factorial_of(n as u64))
}

/// The `n` and `k` of `comb`/`perm`, checked non-negative.
fn n_and_k(vm: &mut Vm, n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let n = index_bigint(vm, n)?;
    let k = index_bigint(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn two_args(vm: &mut Vm, name: &str, a: &[Value], kw: Value, min: usize) -> PyResult<()> {
    args::no_kw(vm, name, kw)?;
    if a.len() < min || a.len() > 2 {
        let msg = if min == 2 {
            format!("{name} expected 2 arguments, got {}", a.len())
        } else if a.is_empty() {
            format!("{name} expected at least 1 argument, got 0")
        } else {
            format!("{name} expected at most 2 arguments, got {}", a.len())
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// A count that must fit in a machine integer.
fn count(vm: &mut Vm, k: &BigInt, what: &str) -> PyResult<u64> {
    match k.to_i64() {
        Some(k) => Ok(k as u64),
        None => Err(vm.overflow_error(format!("{what} must not exceed 9223372036854775807"))),
    }
}

/// `math.comb(n, k)`.
pub fn comb(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    two_args(vm, "comb", a, kw, 2)?;
    let (n, k) = n_and_k(vm, a[0], a[1])?;
    if k > n {
        return Ok(Value::small_int(0));
    }
    let other = &n - &k;
    let k = if other < k { other } else { k };
    let k = count(vm, &k, "min(n - k, k)")?;
    let lo = &n - BigInt::from(k) + 1u32;
    let r = range_product(&lo, k) / factorial_of(k);
    vm.int_from_big(r)
}

/// `math.perm(n, k=None)`.
pub fn perm(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    two_args(vm, "perm", a, kw, 1)?;
    if a.len() == 1 || a[1].is_none() {
        let n = index_bigint(vm, a[0])?;
        if n.is_negative() {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        let n = count(vm, &n, "n")?;
        return vm.int_from_big(factorial_of(n));
    }
    let (n, k) = n_and_k(vm, a[0], a[1])?;
    if k > n {
        return Ok(Value::small_int(0));
    }
    let k = count(vm, &k, "k")?;
    let lo = &n - BigInt::from(k) + 1u32;
    vm.int_from_big(range_product(&lo, k))
}

/// `math.gcd(*integers)`.
pub fn gcd(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "gcd", kw)?;
    let mut g = BigInt::zero();
    for &v in a {
        let x = index_bigint(vm, v)?;
        g = g.gcd(&x);
    }
    vm.int_from_big(g)
}

/// `math.lcm(*integers)`.
pub fn lcm(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::no_kw(vm, "lcm", kw)?;
    let mut l = BigInt::one();
    for &v in a {
        let x = index_bigint(vm, v)?;
        if l.is_zero() || x.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&x);
    }
    vm.int_from_big(l.abs())
}

/// `math.isqrt(n)`.
pub fn isqrt(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let n = one_index(vm, "isqrt", a, kw)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    vm.int_from_big(n.sqrt())
}

/// `math.prod(iterable, /, *, start=1)`.
pub fn prod(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let npos = a.len() - crate::obj::tuple::items(kw).len();
    if npos > 1 {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({npos} given)"
        )));
    }
    let [iterable, _, start] = args::parse(vm, "prod", a, kw, ["$iterable", "*", "start"], 1)?;
    let mut acc = if start.is_null() {
        Value::small_int(1)
    } else {
        start
    };
    let it = vm.iter(iterable)?;
    while let Some(x) = crate::ops::iter::next(vm, it)? {
        acc = crate::ops::arith::binary_op(
            vm,
            frontend::bytecode::BinaryOperator::Mul,
            false,
            acc,
            x,
        )?;
    }
    Ok(acc)
}
