//! The kernels of `benches/viper/kernels.py`, written as the obvious Rust loops over the same data,
//! printed in the same `kernel <name> ns <t> result <r>` shape (nanoseconds per loop iteration).
//! `black_box` keeps the inputs opaque so the loops run as written rather than being folded away.

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

fn report(name: &str, (t, r): (u128, i128), iterations: u64) {
    println!(
        "kernel {name} ns {:.3} result {r}",
        t as f64 / iterations as f64
    );
}

fn sum(n: u64) -> i64 {
    let mut s: i64 = 0;
    for i in 0..black_box(n) as i64 {
        s = s.wrapping_add((i ^ (i >> 3)) & 0xFFFF);
    }
    s
}

fn dot(a: &[u32], b: &[u32], rounds: u64) -> i64 {
    let mut s: i64 = 0;
    for _ in 0..black_box(rounds) {
        for i in 0..black_box(a.len()) {
            s = s.wrapping_add(i64::from(a[i]) * i64::from(b[i]));
        }
    }
    s
}

fn bits(n: u64) -> i64 {
    let mut x: u64 = 0x9E37_79B9;
    let mut total = 0;
    for _ in 0..black_box(n) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let mut v = x & 0xFFFF;
        while v != 0 {
            v &= v - 1;
            total += 1;
        }
    }
    total
}

fn fnv(buf: &[u8], rounds: u64) -> u64 {
    let mut h: u64 = 2_166_136_261;
    for _ in 0..black_box(rounds) {
        for &byte in black_box(buf) {
            h = ((h ^ u64::from(byte)) * 16_777_619) & 0xFFFF_FFFF;
        }
    }
    h
}

fn main() {
    let (t, r) = timed(|| sum(N));
    report("sum", (t, r.into()), N);

    let a: Vec<u32> = (0..LEN as u32).map(|i| (i * 7) % 1000).collect();
    let b: Vec<u32> = (0..LEN as u32).map(|i| (i * 13) % 777).collect();
    let rounds = N / LEN as u64;
    let (t, r) = timed(|| dot(&a, &b, rounds));
    report("dot_ptr32", (t, r.into()), LEN as u64 * rounds);

    let (t, r) = timed(|| bits(N / 4));
    report("bits", (t, r.into()), N / 4);

    let buf: Vec<u8> = (0..LEN).map(|i| ((i * 31 + 7) & 0xFF) as u8).collect();
    let (t, r) = timed(|| fnv(&buf, rounds));
    report("fnv_ptr8", (t, r.into()), LEN as u64 * rounds);
}
