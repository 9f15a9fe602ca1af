//! The kernels of `benches/viper/kernels.py`, written as the obvious Rust loops over the same data,
//! printed as `kernel <name> ns <t> scalar_ns <t> result <r>` (nanoseconds per loop iteration).
//! `black_box` keeps the inputs opaque so the loops run as written rather than being folded away.
//! `ns` is the loop as LLVM compiles it (vectorised where it can); `scalar_ns` passes the
//! accumulator through `black_box` every iteration, which keeps the loop scalar, one iteration at a
//! time, as viper code runs it.

use std::hint::black_box;
use std::time::Instant;

const N: u64 = 20_000_000;
const LEN: usize = 1 << 16;

fn timed<R: Copy>(mut f: impl FnMut() -> R) -> (u128, R) {
    f();
    let t0 = Instant::now();
    let r = f();
    (t0.elapsed().as_nanos(), r)
}

fn report(name: &str, (t, r): (u128, i128), (ts, rs): (u128, i128), iterations: u64) {
    assert_eq!(r, rs, "{name}: the scalar loop must compute the same");
    let per = |t: u128| t as f64 / iterations as f64;
    println!(
        "kernel {name} ns {:.3} scalar_ns {:.3} result {r}",
        per(t),
        per(ts)
    );
}

/// The identity, opaque to the optimiser when `SCALAR` (see the module comment).
#[inline(always)]
fn keep<const SCALAR: bool, T>(x: T) -> T {
    if SCALAR { black_box(x) } else { x }
}

fn sum<const SCALAR: bool>(n: u64) -> i64 {
    let mut s: i64 = 0;
    for i in 0..black_box(n) as i64 {
        s = keep::<SCALAR, _>(s.wrapping_add((i ^ (i >> 3)) & 0xFFFF));
    }
    s
}

fn dot<const SCALAR: bool>(a: &[u32], b: &[u32], rounds: u64) -> i64 {
    let mut s: i64 = 0;
    for _ in 0..black_box(rounds) {
        for i in 0..black_box(a.len()) {
            s = keep::<SCALAR, _>(s.wrapping_add(i64::from(a[i]) * i64::from(b[i])));
        }
    }
    s
}

fn bits<const SCALAR: bool>(n: u64) -> i64 {
    let mut x: u64 = 0x9E37_79B9;
    let mut total = 0;
    for _ in 0..black_box(n) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let mut v = x & 0xFFFF;
        while v != 0 {
            v &= v - 1;
            total = keep::<SCALAR, _>(total + 1);
        }
    }
    total
}

fn fnv<const SCALAR: bool>(buf: &[u8], rounds: u64) -> u64 {
    let mut h: u64 = 2_166_136_261;
    for _ in 0..black_box(rounds) {
        for &byte in black_box(buf) {
            h = keep::<SCALAR, _>(((h ^ u64::from(byte)) * 16_777_619) & 0xFFFF_FFFF);
        }
    }
    h
}

fn main() {
    let run = |f: &dyn Fn() -> i128| timed(f);
    report(
        "sum",
        run(&|| sum::<false>(N).into()),
        run(&|| sum::<true>(N).into()),
        N,
    );

    let a: Vec<u32> = (0..LEN as u32).map(|i| (i * 7) % 1000).collect();
    let b: Vec<u32> = (0..LEN as u32).map(|i| (i * 13) % 777).collect();
    let rounds = N / LEN as u64;
    report(
        "dot_ptr32",
        run(&|| dot::<false>(&a, &b, rounds).into()),
        run(&|| dot::<true>(&a, &b, rounds).into()),
        LEN as u64 * rounds,
    );

    report(
        "bits",
        run(&|| bits::<false>(N / 4).into()),
        run(&|| bits::<true>(N / 4).into()),
        N / 4,
    );

    let buf: Vec<u8> = (0..LEN).map(|i| ((i * 31 + 7) & 0xFF) as u8).collect();
    report(
        "fnv_ptr8",
        run(&|| fnv::<false>(&buf, rounds).into()),
        run(&|| fnv::<true>(&buf, rounds).into()),
        LEN as u64 * rounds,
    );
}
