//! The `random` module (`urandom`): a `Random` class on the xoshiro256** generator (seeded from
//! the host clock by default), and the module functions bound to a hidden instance as in
//! CPython: `seed`, `random`, `getrandbits`, `randrange`, `randint`, `choice`, `choices`,
//! `shuffle`, `sample`, `uniform`, `triangular`, `gauss`, the other distributions,
//! `randbytes`, `getstate`/`setstate`. The numbers differ from CPython's Mersenne Twister;
//! the ranges, argument checks and error messages are the same.

use crate::builtins::args;
use crate::native_types::NativeObj;
use crate::obj::int::{is_int, to_bigint};
use crate::obj::{Kind, TypeObj};
use crate::types::{method, staticmethod};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

/// Marks `Random` objects (word 0 of their `NativeObj`).
const TAG: usize = 0x5241_4e44;

fn splitmix(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn this(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<&'static NativeObj> {
    if let Some(o) = a.first().and_then(|v| v.as_ref::<NativeObj>())
        && o.words[0].get() == TAG
    {
        return Ok(o);
    }
    match a.first() {
        Some(&v) => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'Random' objects doesn't apply to a '{t}' object"
            )))
        }
        None => Err(vm.type_error(format!("unbound method Random.{name}() needs an argument"))),
    }
}

fn get_state(o: &NativeObj) -> [u64; 4] {
    let b = o.blob.borrow();
    let mut s = [0u64; 4];
    for (i, w) in s.iter_mut().enumerate() {
        let mut bytes = [0u8; 8];
        if let Some(src) = b.get(i * 8..i * 8 + 8) {
            bytes.copy_from_slice(src);
        }
        *w = u64::from_le_bytes(bytes);
    }
    s
}

fn set_state(o: &NativeObj, s: [u64; 4]) {
    let mut b = o.blob.borrow_mut();
    b.clear();
    for w in s {
        b.extend_from_slice(&w.to_le_bytes());
    }
}

/// Seed the generator from a 64-bit-folded seed.
fn seed_words(o: &NativeObj, words: &[u64]) {
    let mut x = 0x5eed_u64;
    for &w in words {
        x ^= w;
        splitmix(&mut x);
    }
    let mut s = [0u64; 4];
    for w in s.iter_mut() {
        *w = splitmix(&mut x);
    }
    if s == [0; 4] {
        s[0] = 1;
    }
    set_state(o, s);
    o.slots[0].set(Value::NULL);
}

/// The next 64 random bits.
fn next_u64(o: &NativeObj) -> u64 {
    let mut s = get_state(o);
    let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
    let t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = s[3].rotate_left(45);
    set_state(o, s);
    result
}

/// A float in [0.0, 1.0) with 53 random bits.
fn next_f64(o: &NativeObj) -> f64 {
    (next_u64(o) >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// `k` random bits as a non-negative integer.
fn rand_bits(o: &NativeObj, k: u64) -> BigInt {
    if k == 0 {
        return BigInt::zero();
    }
    let words = k.div_ceil(64) as usize;
    let mut digits: Vec<u64> = (0..words).map(|_| next_u64(o)).collect();
    let extra = (words as u64) * 64 - k;
    if extra > 0
        && let Some(top) = digits.last_mut()
    {
        *top >>= extra;
    }
    let bytes: Vec<u8> = digits.iter().flat_map(|d| d.to_le_bytes()).collect();
    BigInt::from_bytes_le(Sign::Plus, &bytes)
}

/// A uniformly random integer in `[0, n)` for `n > 0`.
fn below(o: &NativeObj, n: &BigInt) -> BigInt {
    if let Some(n) = n.to_u64() {
        let k = 64 - n.leading_zeros();
        loop {
            let r = if k == 64 {
                next_u64(o)
            } else {
                next_u64(o) >> (64 - k)
            };
            if r < n {
                return BigInt::from(r);
            }
        }
    }
    let k = n.bits();
    loop {
        let r = rand_bits(o, k);
        if &r < n {
            return r;
        }
    }
}

fn below_usize(o: &NativeObj, n: usize) -> usize {
    below(o, &BigInt::from(n)).to_usize().unwrap_or(0)
}

fn do_seed(vm: &mut Vm, o: &NativeObj, a: Value) -> PyResult<()> {
    if a.is_null() || a.is_none() {
        let t = vm.host.time().to_bits();
        let m = vm.host.monotonic_ns();
        seed_words(o, &[t, m, a.bits() as u64]);
        return Ok(());
    }
    if is_int(a) {
        let b = to_bigint(a).expect("int").abs();
        let (_, digits) = b.to_u64_digits();
        let mut words = digits;
        words.push(words.len() as u64);
        seed_words(o, &words);
        return Ok(());
    }
    if let Some(f) = crate::ops::cmp::float_of(a) {
        let h = crate::ops::cmp::hash_float(f);
        seed_words(o, &[h as u64, 0xf]);
        return Ok(());
    }
    let bytes = if let Some(s) = vm.str_of(a) {
        Some(s.as_bytes().to_vec())
    } else if matches!(a.obj_kind(), Some(Kind::Bytes) | Some(Kind::ByteArray)) {
        crate::ops::buffer::bytes_like(vm, a)
    } else {
        None
    };
    match bytes {
        Some(b) => {
            let mut words: Vec<u64> = b
                .chunks(8)
                .map(|c| {
                    let mut w = [0u8; 8];
                    w[..c.len()].copy_from_slice(c);
                    u64::from_le_bytes(w)
                })
                .collect();
            words.push(b.len() as u64 ^ 0x5354_5200);
            seed_words(o, &words);
            Ok(())
        }
        None => Err(vm.type_error(
            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
        )),
    }
}

fn r_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let Some(cls) = a
        .first()
        .and_then(|c| c.downcast::<TypeObj>())
        .filter(|t| t.kind == Kind::Native)
    else {
        return Err(vm.type_error("Random.__new__(X): X is not a subtype of Random"));
    };
    let v = vm.alloc_instance(cls, NativeObj::new(cls))?;
    let o = v.as_ref::<NativeObj>().expect("native object");
    o.words[0].set(TAG);
    let x = if a.len() > 1 && kw.is_null() {
        a[1]
    } else {
        Value::NONE
    };
    do_seed(vm, o, x)?;
    Ok(v)
}

fn r_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [s, x] = args::parse(vm, "Random", a, kw, ["$self", "$x"], 1)?;
    let o = this(vm, &[s], "__init__")?;
    do_seed(vm, o, x)?;
    Ok(Value::NONE)
}

fn r_seed(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [s, x, version] = args::parse(vm, "Random.seed", a, kw, ["$self", "a", "version"], 1)?;
    let _ = version;
    let o = this(vm, &[s], "seed")?;
    do_seed(vm, o, x)?;
    Ok(Value::NONE)
}

fn no_args(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<&'static NativeObj> {
    crate::types::tuple::no_args(vm, &format!("Random.{name}"), a, kw)?;
    this(vm, a, name)
}

fn r_random(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = no_args(vm, a, kw, "random")?;
    vm.new_float(next_f64(o))
}

fn r_getrandbits(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let k = crate::types::tuple::one_arg(vm, "Random.getrandbits", a, kw)?;
    let o = this(vm, a, "getrandbits")?;
    let k = crate::ops::arith::index_of(vm, k)?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    vm.int_from_big(rand_bits(o, k as u64))
}

/// An integer argument of `randrange` (integral floats and `int()`-able values accepted as
/// CPython 3.11 still does).
fn range_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    match crate::ops::arith::index_bigint(vm, v) {
        Ok(b) => Ok(b),
        Err(e) if vm.exc_is(e.0, crate::types::ExcKind::TypeError) => {
            let i = crate::types::int::to_int(vm, v)?;
            if !vm.eq(i, v)? {
                return Err(vm.value_error(format!("non-integer {what} for randrange()")));
            }
            Ok(to_bigint(i).expect("int"))
        }
        Err(e) => Err(e),
    }
}

fn randrange(
    vm: &mut Vm,
    o: &NativeObj,
    start: Value,
    stop: Value,
    step: Value,
) -> PyResult<Value> {
    let istart = range_arg(vm, start, "arg 1")?;
    if stop.is_null() || stop.is_none() {
        if !step.is_null() && step != Value::small_int(1) {
            return Err(vm.type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return vm.int_from_big(below(o, &istart));
        }
        return Err(vm.value_error("empty range for randrange()"));
    }
    let istop = range_arg(vm, stop, "stop")?;
    let width = &istop - &istart;
    let istep = if step.is_null() {
        BigInt::from(1)
    } else {
        range_arg(vm, step, "step")?
    };
    if istep == BigInt::from(1) {
        if width.is_positive() {
            return vm.int_from_big(istart + below(o, &width));
        }
        return Err(vm.value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let one = BigInt::from(1);
    let n: BigInt = if istep.is_positive() {
        (&width + &istep - &one).div_floor_big(&istep)
    } else if istep.is_negative() {
        (&width + &istep + &one).div_floor_big(&istep)
    } else {
        return Err(vm.value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(vm.value_error("empty range for randrange()"));
    }
    vm.int_from_big(istart + istep * below(o, &n))
}

trait DivFloor {
    fn div_floor_big(&self, d: &BigInt) -> BigInt;
}

impl DivFloor for BigInt {
    fn div_floor_big(&self, d: &BigInt) -> BigInt {
        num_integer::Integer::div_floor(self, d)
    }
}

fn r_randrange(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [s, start, stop, step] = args::parse(
        vm,
        "randrange",
        a,
        kw,
        ["$self", "start", "stop", "step"],
        1,
    )?;
    if start.is_null() {
        return Err(
            vm.type_error("Random.randrange() missing 1 required positional argument: 'start'")
        );
    }
    let o = this(vm, &[s], "randrange")?;
    randrange(vm, o, start, stop, step)
}

fn r_randint(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [s, lo, hi] = args::parse(vm, "randint", a, kw, ["$self", "a", "b"], 1)?;
    if lo.is_null() || hi.is_null() {
        let missing = if lo.is_null() {
            "2 required positional arguments: 'a' and 'b'"
        } else {
            "1 required positional argument: 'b'"
        };
        return Err(vm.type_error(format!("Random.randint() missing {missing}")));
    }
    let o = this(vm, &[s], "randint")?;
    let hi1 = crate::ops::arith::binary_op(
        vm,
        frontend::bytecode::BinaryOperator::Add,
        false,
        hi,
        Value::small_int(1),
    )?;
    randrange(vm, o, lo, hi1, Value::NULL)
}

fn r_choice(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let seq = crate::types::tuple::one_arg(vm, "Random.choice", a, kw)?;
    let o = this(vm, a, "choice")?;
    let n = crate::ops::subscr::len(vm, seq)?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = below_usize(o, n);
    crate::ops::subscr::getitem(vm, seq, Value::small_int(i as isize))
}

fn r_shuffle(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = crate::types::tuple::one_arg(vm, "Random.shuffle", a, kw)?;
    let o = this(vm, a, "shuffle")?;
    let n = crate::ops::subscr::len(vm, x)?;
    for i in (1..n).rev() {
        let j = below_usize(o, i + 1);
        let (ki, kj) = (Value::small_int(i as isize), Value::small_int(j as isize));
        let xi = crate::ops::subscr::getitem(vm, x, ki)?;
        let xj = crate::ops::subscr::getitem(vm, x, kj)?;
        crate::ops::subscr::setitem(vm, x, ki, xj)?;
        crate::ops::subscr::setitem(vm, x, kj, xi)?;
    }
    Ok(Value::NONE)
}

fn r_sample(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [s, population, k, _, counts] = args::parse(
        vm,
        "sample",
        a,
        kw,
        ["$self", "population", "k", "*", "counts"],
        3,
    )?;
    let o = this(vm, &[s], "sample")?;
    if matches!(
        population.obj_kind(),
        Some(Kind::Set) | Some(Kind::Dict) | Some(Kind::DictView)
    ) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    if !counts.is_null() && !counts.is_none() {
        return sample_counts(vm, o, population, k, counts);
    }
    let pool = crate::ops::iter::to_list(vm, population)?;
    let pl = pool.as_ref::<crate::obj::list::ListObj>().expect("list");
    let n = pl.len();
    let k = crate::ops::arith::index_of(vm, k)?;
    if k < 0 || k as usize > n {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    let k = k as usize;
    let result = vm.new_list(&[])?;
    let rl = result.as_ref::<crate::obj::list::ListObj>().expect("list");
    for i in 0..k {
        let j = below_usize(o, n - i);
        let items = crate::interp::frame::cells_as_values(pl.items());
        let (pick, last) = (items[j], items[n - i - 1]);
        vm.list_append(rl, pick)?;
        crate::ops::subscr::setitem(vm, pool, Value::small_int(j as isize), last)?;
    }
    Ok(result)
}

/// `sample(population, k, counts=...)`: each element repeated `counts[i]` times.
fn sample_counts(
    vm: &mut Vm,
    o: &NativeObj,
    population: Value,
    k: Value,
    counts: Value,
) -> PyResult<Value> {
    let pop = crate::ops::iter::to_tuple(vm, population)?;
    let cs = crate::ops::iter::to_tuple(vm, counts)?;
    let (pi, ci) = (crate::obj::tuple::items(pop), crate::obj::tuple::items(cs));
    if pi.len() != ci.len() {
        return Err(vm.value_error("The number of counts does not match the population"));
    }
    let mut cum = Vec::with_capacity(ci.len());
    let mut total: usize = 0;
    for &c in ci {
        if !is_int(c) {
            return Err(vm.type_error("Counts must be integers"));
        }
        let c = crate::ops::arith::index_of(vm, c)?;
        total = total.saturating_add(c.max(0) as usize);
        cum.push(total);
    }
    if total == 0 || cum.is_empty() {
        return Err(vm.value_error("Total of counts must be greater than zero"));
    }
    let k = crate::ops::arith::index_of(vm, k)?;
    if k < 0 || k as usize > total {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    // Choose k distinct positions of the expanded population.
    let mut chosen: Vec<usize> = Vec::with_capacity(k as usize);
    while chosen.len() < k as usize {
        let j = below_usize(o, total);
        if !chosen.contains(&j) {
            chosen.push(j);
        }
    }
    let result = vm.new_list(&[])?;
    let rl = result.as_ref::<crate::obj::list::ListObj>().expect("list");
    for j in chosen {
        let idx = cum.partition_point(|&c| c <= j);
        vm.list_append(rl, pi[idx.min(pi.len() - 1)])?;
    }
    Ok(result)
}

fn f64_arg(vm: &mut Vm, v: Value, default: f64) -> PyResult<f64> {
    if v.is_null() {
        Ok(default)
    } else {
        super::math::arg_f64(vm, v)
    }
}

fn r_choices(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [s, population, weights, _, cum_weights, k] = args::parse(
        vm,
        "choices",
        a,
        kw,
        ["$self", "population", "weights", "*", "cum_weights", "k"],
        2,
    )?;
    let o = this(vm, &[s], "choices")?;
    let n = crate::ops::subscr::len(vm, population)?;
    let k = if k.is_null() {
        1
    } else {
        crate::ops::arith::index_of(vm, k)?.max(0) as usize
    };
    let result = vm.new_list(&[])?;
    let rl = result.as_ref::<crate::obj::list::ListObj>().expect("list");
    let has_w = !weights.is_null() && !weights.is_none();
    let has_cw = !cum_weights.is_null() && !cum_weights.is_none();
    if !has_w && !has_cw {
        for _ in 0..k {
            let i = libm::floor(next_f64(o) * n as f64) as isize;
            let v = crate::ops::subscr::getitem(vm, population, Value::small_int(i))?;
            vm.list_append(rl, v)?;
        }
        return Ok(result);
    }
    if has_w && has_cw {
        return Err(vm.type_error("Cannot specify both weights and cumulative weights"));
    }
    let mut cum: Vec<f64> = Vec::new();
    if has_w {
        if is_int(weights) {
            let r = vm.repr_text(weights)?;
            return Err(vm.type_error(format!(
                "The number of choices must be a keyword argument: k={r}"
            )));
        }
        let ws = crate::ops::iter::to_tuple(vm, weights)?;
        let mut acc = 0.0;
        for &w in crate::obj::tuple::items(ws) {
            acc += super::math::arg_f64(vm, w)?;
            cum.push(acc);
        }
    } else {
        let ws = crate::ops::iter::to_tuple(vm, cum_weights)?;
        for &w in crate::obj::tuple::items(ws) {
            cum.push(super::math::arg_f64(vm, w)?);
        }
    }
    if cum.len() != n {
        return Err(vm.value_error("The number of weights does not match the population"));
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(vm.value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(vm.value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    for _ in 0..k {
        let x = next_f64(o) * total;
        let i = cum[..hi].partition_point(|&c| c <= x);
        let v = crate::ops::subscr::getitem(vm, population, Value::small_int(i as isize))?;
        vm.list_append(rl, v)?;
    }
    Ok(result)
}

fn r_uniform(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [s, lo, hi] = args::parse(vm, "uniform", a, kw, ["$self", "a", "b"], 1)?;
    if lo.is_null() || hi.is_null() {
        let missing = if lo.is_null() {
            "2 required positional arguments: 'a' and 'b'"
        } else {
            "1 required positional argument: 'b'"
        };
        return Err(vm.type_error(format!("Random.uniform() missing {missing}")));
    }
    let o = this(vm, &[s], "uniform")?;
    let (x, y) = (super::math::arg_f64(vm, lo)?, super::math::arg_f64(vm, hi)?);
    vm.new_float(x + (y - x) * next_f64(o))
}

fn r_triangular(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [s, low, high, mode] =
        args::parse(vm, "triangular", a, kw, ["$self", "low", "high", "mode"], 1)?;
    let o = this(vm, &[s], "triangular")?;
    let (mut low, mut high) = (f64_arg(vm, low, 0.0)?, f64_arg(vm, high, 1.0)?);
    let mut u = next_f64(o);
    let mut c = if mode.is_null() || mode.is_none() {
        0.5
    } else {
        if high == low {
            return vm.new_float(low);
        }
        (super::math::arg_f64(vm, mode)? - low) / (high - low)
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        core::mem::swap(&mut low, &mut high);
    }
    vm.new_float(low + (high - low) * libm::sqrt(u * c))
}

fn mu_sigma(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
) -> PyResult<(&'static NativeObj, f64, f64)> {
    let [s, mu, sigma] = args::parse(vm, name, a, kw, ["$self", "mu", "sigma"], 1)?;
    let o = this(vm, &[s], name)?;
    Ok((o, f64_arg(vm, mu, 0.0)?, f64_arg(vm, sigma, 1.0)?))
}

fn r_gauss(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (o, mu, sigma) = mu_sigma(vm, a, kw, "gauss")?;
    let cached = o.slots[0].get();
    o.slots[0].set(Value::NULL);
    let z = match crate::ops::cmp::float_of(cached) {
        Some(z) => z,
        None => {
            let x2pi = next_f64(o) * core::f64::consts::TAU;
            let g2rad = libm::sqrt(-2.0 * libm::log(1.0 - next_f64(o)));
            let next = vm.new_float(libm::sin(x2pi) * g2rad)?;
            o.slots[0].set(next);
            libm::cos(x2pi) * g2rad
        }
    };
    vm.new_float(mu + z * sigma)
}

fn normal(o: &NativeObj) -> f64 {
    let magic = 4.0 * libm::exp(-0.5) / libm::sqrt(2.0);
    loop {
        let u1 = next_f64(o);
        let u2 = 1.0 - next_f64(o);
        let z = magic * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -libm::log(u2) {
            return z;
        }
    }
}

fn r_normalvariate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (o, mu, sigma) = mu_sigma(vm, a, kw, "normalvariate")?;
    vm.new_float(mu + normal(o) * sigma)
}

fn r_lognormvariate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (o, mu, sigma) = mu_sigma(vm, a, kw, "lognormvariate")?;
    vm.new_float(libm::exp(mu + normal(o) * sigma))
}

fn one_f64(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    param: &str,
) -> PyResult<(&'static NativeObj, f64)> {
    if a.len() < 2 && kw.is_null() {
        return Err(vm.type_error(format!(
            "Random.{name}() missing 1 required positional argument: '{param}'"
        )));
    }
    let v = crate::types::tuple::one_arg(vm, &format!("Random.{name}"), a, kw)?;
    let o = this(vm, a, name)?;
    Ok((o, super::math::arg_f64(vm, v)?))
}

fn r_expovariate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (o, lambd) = one_f64(vm, a, kw, "expovariate", "lambd")?;
    if lambd == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    vm.new_float(-libm::log(1.0 - next_f64(o)) / lambd)
}

fn r_paretovariate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (o, alpha) = one_f64(vm, a, kw, "paretovariate", "alpha")?;
    let u = 1.0 - next_f64(o);
    vm.new_float(libm::pow(u, -1.0 / alpha))
}

fn r_weibullvariate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [s, alpha, beta] = args::parse(vm, "weibullvariate", a, kw, ["$self", "alpha", "beta"], 3)?;
    let o = this(vm, &[s], "weibullvariate")?;
    let (alpha, beta) = (
        super::math::arg_f64(vm, alpha)?,
        super::math::arg_f64(vm, beta)?,
    );
    let u = 1.0 - next_f64(o);
    vm.new_float(alpha * libm::pow(-libm::log(u), 1.0 / beta))
}

fn r_randbytes(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let n = crate::types::tuple::one_arg(vm, "Random.randbytes", a, kw)?;
    let o = this(vm, a, "randbytes")?;
    let n = crate::ops::arith::index_of(vm, n)?;
    if n < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let mut out = Vec::with_capacity(n as usize);
    while out.len() < n as usize {
        out.extend_from_slice(&next_u64(o).to_le_bytes());
    }
    out.truncate(n as usize);
    vm.new_bytes(&out)
}

fn r_getstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let o = no_args(vm, a, kw, "getstate")?;
    let s = get_state(o);
    let mut items = [Value::NONE; 5];
    for (i, w) in s.iter().enumerate() {
        items[i] = vm.int_from_big(BigInt::from(*w))?;
    }
    let g = o.slots[0].get();
    items[4] = if g.is_null() { Value::NONE } else { g };
    vm.new_tuple(&items)
}

fn r_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let st = crate::types::tuple::one_arg(vm, "Random.setstate", a, kw)?;
    let o = this(vm, a, "setstate")?;
    let items = if st.obj_kind() == Some(Kind::Tuple) {
        crate::obj::tuple::items(st)
    } else {
        &[]
    };
    if items.len() != 5 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut s = [0u64; 4];
    for i in 0..4 {
        s[i] = to_bigint(items[i])
            .and_then(|b| b.to_u64())
            .ok_or_else(|| vm.type_error("state vector items must be integers"))?;
    }
    set_state(o, s);
    o.slots[0].set(if items[4].is_none() {
        Value::NULL
    } else {
        items[4]
    });
    Ok(Value::NONE)
}

const METHODS: &[(&str, crate::obj::func::NativeFn)] = &[
    ("seed", r_seed),
    ("random", r_random),
    ("getrandbits", r_getrandbits),
    ("randrange", r_randrange),
    ("randint", r_randint),
    ("choice", r_choice),
    ("choices", r_choices),
    ("shuffle", r_shuffle),
    ("sample", r_sample),
    ("uniform", r_uniform),
    ("triangular", r_triangular),
    ("gauss", r_gauss),
    ("normalvariate", r_normalvariate),
    ("lognormvariate", r_lognormvariate),
    ("expovariate", r_expovariate),
    ("paretovariate", r_paretovariate),
    ("weibullvariate", r_weibullvariate),
    ("randbytes", r_randbytes),
    ("getstate", r_getstate),
    ("setstate", r_setstate),
];

/// Build the `random` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("random")?;
    let mut defs: Vec<crate::types::MethodDef> =
        METHODS.iter().map(|&(n, f)| method(n, f)).collect();
    defs.push(staticmethod("__new__", r_new));
    defs.push(method("__init__", r_init));
    let ty = super::new_native_type(vm, "Random", "random", &defs)?;
    let d = vm.module_dict(m);
    vm.dict_set_str(d, "Random", Value::from_obj(ty))?;
    // The hidden instance whose bound methods are the module functions.
    let inst = vm.alloc_instance(ty, NativeObj::new(ty))?;
    let o = inst.as_ref::<NativeObj>().expect("native object");
    o.words[0].set(TAG);
    do_seed(vm, o, Value::NONE)?;
    vm.dict_set_str(d, "_inst", inst)?;
    for &(name, _) in METHODS {
        let bound = vm.getattr_str(inst, name)?;
        vm.dict_set_str(d, name, bound)?;
    }
    Ok(m)
}
