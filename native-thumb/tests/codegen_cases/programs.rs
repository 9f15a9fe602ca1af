//! The test functions run under QEMU: operation families over edge values, memory, control
//! flow, calls, and random programs that stress the register allocator.

use emit::helpers::Helper;
use emit::ir::{BinOp, Block, Cond, Function, Inst, OvfOp, Term, Ty, UnOp, VReg, Width};

use super::build::B;

/// A function and the argument lists (after `ctx` and `buf`) to run it with.
pub struct Case {
    pub f: Function,
    pub runs: Vec<Vec<u32>>,
    /// Whether it reads or writes the buffer (the driver then resets and hashes it).
    pub mem: bool,
}

const BINS: [BinOp; 9] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::And,
    BinOp::Or,
    BinOp::Xor,
    BinOp::Shl,
    BinOp::Sar,
    BinOp::Shr,
];
const OVFS: [OvfOp; 3] = [OvfOp::Add, OvfOp::Sub, OvfOp::Mul];
const CONDS: [Cond; 10] = [
    Cond::Eq,
    Cond::Ne,
    Cond::Lt,
    Cond::Le,
    Cond::Gt,
    Cond::Ge,
    Cond::Ult,
    Cond::Ule,
    Cond::Ugt,
    Cond::Uge,
];

/// Operand values: zero, small, shift amounts around the width, byte/halfword boundaries,
/// the i32 extremes and products that just do or don't overflow.
pub const VALUES: [u32; 24] = [
    0,
    1,
    2,
    3,
    7,
    31,
    32,
    33,
    255,
    256,
    0x7fff,
    0x8000,
    0xffff,
    0x1_0000,
    46341,
    0x7fff_ffff,
    0x8000_0000,
    0x8000_0001,
    0xffff_ffff,
    0xffff_fffe,
    0xffff_ff00,
    0x1234_5678,
    0x9e37_79b9,
    (-46341i32) as u32,
];

/// Constants for the immediate forms: encodable and not, per level.
const CONSTS: [u32; 20] = [
    0,
    1,
    5,
    8,
    31,
    32,
    255,
    256,
    0xff,
    0xffff,
    0xfff,
    0x1000,
    0x00ff_00ff,
    0x0001_2345,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_ffff,
    0xffff_fff0,
    (-300i32) as u32,
    0x3f,
];

fn pairs() -> Vec<Vec<u32>> {
    VALUES
        .iter()
        .flat_map(|&a| VALUES.iter().map(move |&b| vec![a, b]))
        .collect()
}

fn singles() -> Vec<Vec<u32>> {
    VALUES.iter().map(|&a| vec![a]).collect()
}

fn case(f: Function, runs: Vec<Vec<u32>>) -> Case {
    Case {
        f,
        runs,
        mem: false,
    }
}

/// Each binary, overflow, unary and comparison operation on registers and on constants.
pub fn operations() -> Vec<Case> {
    let mut out = Vec::new();
    for op in BINS {
        let (mut b, x) = B::new(&format!("bin {op:?}"), 2);
        let r = b.bin(op, x[0], x[1]);
        b.ret(r);
        out.push(case(b.finish(), pairs()));
        for c in CONSTS {
            let (mut b, x) = B::new(&format!("bin {op:?} c{c:#x}"), 1);
            let k = b.konst(c as i32 as i64);
            let r = b.bin(op, x[0], k);
            b.ret(r);
            out.push(case(b.finish(), singles()));
            let (mut b, x) = B::new(&format!("bin c{c:#x} {op:?}"), 1);
            let k = b.konst(c as i64);
            let r = b.bin(op, k, x[0]);
            b.ret(r);
            out.push(case(b.finish(), singles()));
        }
    }
    for op in OVFS {
        // The result only; the flag only (the result stored); the flag deciding a branch.
        for variant in 0..3 {
            for konst in [
                None,
                Some(0u32),
                Some(1),
                Some(2),
                Some(5),
                Some(1000),
                Some(0x8000_0000),
                Some(0xffff_ffff),
                Some(0x7fff_ffff),
            ] {
                for left in [false, true] {
                    if konst.is_none() && left {
                        continue;
                    }
                    let (mut b, x) = B::new(&format!("ovf {op:?} v{variant} {konst:?} {left}"), 2);
                    let (a, c) = match konst {
                        None => (x[0], x[1]),
                        Some(k) => {
                            let k = b.konst(k as i64);
                            if left { (k, x[0]) } else { (x[0], k) }
                        }
                    };
                    let (d, o) = b.ovf(op, a, c);
                    match variant {
                        0 => b.ret(d),
                        1 => {
                            let buf = b.buf;
                            b.store(Width::Word, d, buf, 0);
                            b.ret(o)
                        }
                        _ => {
                            let (yes, no) = (b.cold_block(), b.block());
                            b.term(Term::Branch {
                                cond: o,
                                then: yes,
                                else_: no,
                            });
                            b.at(yes);
                            let k = b.konst(0x0bad);
                            b.ret(k);
                            b.at(no);
                            b.ret(d);
                        }
                    }
                    let mut c = case(
                        b.finish(),
                        if konst.is_some() { singles() } else { pairs() },
                    );
                    c.mem = variant == 1;
                    out.push(c);
                }
            }
        }
    }
    for op in [UnOp::Neg, UnOp::Not] {
        let (mut b, x) = B::new(&format!("un {op:?}"), 1);
        let r = b.un(op, x[0]);
        b.ret(r);
        out.push(case(b.finish(), singles()));
    }
    for cond in CONDS {
        for fused in [false, true] {
            for konst in [
                None,
                Some(0u32),
                Some(1),
                Some(255),
                Some(256),
                Some(0x8000_0000),
                Some(0xffff_ffff),
            ] {
                for left in [false, true] {
                    if konst.is_none() && left {
                        continue;
                    }
                    let (mut b, x) = B::new(&format!("cmp {cond:?} {fused} {konst:?} {left}"), 2);
                    let (p, q) = match konst {
                        None => (x[0], x[1]),
                        Some(k) => {
                            let k = b.konst(k as i64);
                            if left { (k, x[0]) } else { (x[0], k) }
                        }
                    };
                    let c = b.cmp(cond, p, q);
                    if fused {
                        let (yes, no) = (b.block(), b.block());
                        b.term(Term::Branch {
                            cond: c,
                            then: yes,
                            else_: no,
                        });
                        b.at(yes);
                        let k = b.konst(7);
                        b.ret(k);
                        b.at(no);
                        let k = b.konst(9);
                        b.ret(k);
                    } else {
                        b.ret(c);
                    }
                    out.push(case(
                        b.finish(),
                        if konst.is_some() { singles() } else { pairs() },
                    ));
                }
            }
        }
    }
    out
}

/// Loads and stores of every width and signedness at small, large and negative offsets, from
/// a base in a register and from one computed (and so possibly spilled).
pub fn memory() -> Vec<Case> {
    let widths = [
        (Width::W8, false),
        (Width::W8, true),
        (Width::W16, false),
        (Width::W16, true),
        (Width::W32, false),
        (Width::Word, true),
    ];
    let offsets = [
        0, 1, 2, 3, 4, 31, 32, 62, 64, 124, 128, 255, 256, 1020, 1024, 4094, 4095, 4096, 5000, -1,
        -2, -4, -255, -256, -1024, -4096, -8000,
    ];
    let mut out = Vec::new();
    for (w, signed) in widths {
        let size = match w {
            Width::W8 => 1,
            Width::W16 => 2,
            _ => 4,
        };
        for &off in &offsets {
            let off = off / size * size;
            let (mut b, x) = B::new(&format!("load {w:?} {signed} {off}"), 1);
            let buf = b.buf;
            let l = b.load(w, signed, buf, off);
            // Also through a computed base: buf + (x & 0xf0).
            let m = b.konst(0xf0);
            let d = b.bin(BinOp::And, x[0], m);
            let p = b.bin(BinOp::Add, buf, d);
            let l2 = b.load(w, signed, p, off);
            let r = b.bin(BinOp::Xor, l, l2);
            let r2 = b.bin(BinOp::Add, r, l);
            b.ret(r2);
            out.push(Case {
                f: b.finish(),
                runs: vec![vec![0], vec![0x35], vec![0xff]],
                mem: true,
            });
            let (mut b, x) = B::new(&format!("store {w:?} {off}"), 2);
            let buf = b.buf;
            b.store(w, x[0], buf, off);
            let m = b.konst(0xf0);
            let d = b.bin(BinOp::And, x[1], m);
            let p = b.bin(BinOp::Add, buf, d);
            let v = b.konst(0x1234_5678);
            b.store(w, v, p, off + 4 * size);
            let z = b.konst(0);
            b.ret(z);
            out.push(Case {
                f: b.finish(),
                runs: vec![vec![0xdead_beef, 0x10], vec![0x8081_8283, 0xf0]],
                mem: true,
            });
        }
    }
    out
}

/// Switches (small, and with indices past 255), loops, and many parameters.
pub fn control() -> Vec<Case> {
    let mut out = Vec::new();
    for n in [1usize, 5, 300] {
        let (mut b, x) = B::new(&format!("switch {n}"), 1);
        let targets: Vec<Block> = (0..n).map(|_| b.block()).collect();
        let default = b.block();
        b.term(Term::Switch {
            v: x[0],
            targets: targets.clone(),
            default,
        });
        for (i, t) in targets.iter().enumerate() {
            b.at(*t);
            // Some cases share a result, some fall into the default.
            let k = b.konst(1000 + (i % 7) as i64);
            b.ret(k);
        }
        b.at(default);
        let k = b.konst(-1);
        b.ret(k);
        let runs = [
            0u32,
            1,
            2,
            3,
            4,
            5,
            6,
            255,
            256,
            299,
            300,
            301,
            0x8000_0000,
            0xffff_ffff,
        ]
        .into_iter()
        .map(|v| vec![v])
        .collect();
        out.push(case(b.finish(), runs));
    }
    // sum(i for i in range(n)) with a nested loop: sum over i of (i * j) for j < i % 5.
    {
        let (mut b, x) = B::new("nested loops", 1);
        let (s, i) = (b.v(Ty::Int), b.v(Ty::Int));
        b.push(Inst::Iconst { dst: s, imm: 0 });
        b.push(Inst::Iconst { dst: i, imm: 0 });
        let (head, body, inner_head, inner_body, inner_done, done) = (
            b.block(),
            b.block(),
            b.block(),
            b.block(),
            b.block(),
            b.block(),
        );
        b.term(Term::Jump(head));
        b.at(head);
        let c = b.cmp(Cond::Lt, i, x[0]);
        b.term(Term::Branch {
            cond: c,
            then: body,
            else_: done,
        });
        b.at(body);
        let j = b.v(Ty::Int);
        b.push(Inst::Iconst { dst: j, imm: 0 });
        let five = b.konst(5);
        // i % 5 without division: i - 5 * (i * 0xCCCD >> 18) for small i.
        let mg = b.konst(0xCCCD);
        let q = b.bin(BinOp::Mul, i, mg);
        let e = b.konst(18);
        let q = b.bin(BinOp::Shr, q, e);
        let q5 = b.bin(BinOp::Mul, q, five);
        let lim = b.bin(BinOp::Sub, i, q5);
        b.term(Term::Jump(inner_head));
        b.at(inner_head);
        let c2 = b.cmp(Cond::Lt, j, lim);
        b.term(Term::Branch {
            cond: c2,
            then: inner_body,
            else_: inner_done,
        });
        b.at(inner_body);
        let p = b.bin(BinOp::Mul, i, j);
        b.push(Inst::Bin {
            op: BinOp::Add,
            dst: s,
            a: s,
            b: p,
        });
        let one = b.konst(1);
        b.push(Inst::Bin {
            op: BinOp::Add,
            dst: j,
            a: j,
            b: one,
        });
        b.term(Term::Jump(inner_head));
        b.at(inner_done);
        let one = b.konst(1);
        b.push(Inst::Bin {
            op: BinOp::Add,
            dst: i,
            a: i,
            b: one,
        });
        b.term(Term::Jump(head));
        b.at(done);
        b.ret(s);
        out.push(case(
            b.finish(),
            vec![vec![0], vec![1], vec![10], vec![1000], vec![0x8000_0000]],
        ));
    }
    // Eight arguments: four arrive on the stack. A weighted sum of all.
    {
        let (mut b, x) = B::new("many params", 8);
        let mut acc = x[0];
        for (i, &v) in x.iter().enumerate().skip(1) {
            let k = b.konst(i as i64 * 3 + 1);
            let t = b.bin(BinOp::Mul, v, k);
            acc = b.bin(BinOp::Xor, acc, t);
        }
        b.ret(acc);
        out.push(case(
            b.finish(),
            vec![
                (1..=8).collect(),
                vec![0xffff_ffff; 8],
                VALUES[10..18].to_vec(),
            ],
        ));
    }
    out
}

/// Calls of every helper (so every arity), with arguments permuted, repeated and constant,
/// and values live across the calls.
pub fn calls() -> Vec<Case> {
    let mut out = Vec::new();
    for (i, &h) in Helper::ALL.iter().enumerate() {
        let n = h.arity();
        let (mut b, x) = B::new(&format!("call {}", h.name()), 4);
        let args: Vec<VReg> = (0..n).map(|k| x[k]).collect();
        let r1 = b.call(h, args);
        // Reversed (a cycle of register moves), then with a repeat and a constant.
        let rev: Vec<VReg> = (0..n).rev().map(|k| x[k]).collect();
        let r2 = b.call(h, rev);
        let c = b.konst(i as i64 * 1000 + 7);
        let mixed: Vec<VReg> = (0..n)
            .map(|k| match k % 3 {
                0 => r1,
                1 => c,
                _ => x[3],
            })
            .collect();
        let r3 = b.call(h, mixed);
        // Everything stays live across the calls.
        let t = b.bin(BinOp::Add, r1, r2);
        let t = b.bin(BinOp::Xor, t, r3);
        let t = b.bin(BinOp::Add, t, x[0]);
        let t = b.bin(BinOp::Xor, t, x[1]);
        let t = b.bin(BinOp::Sub, t, x[2]);
        let t = b.bin(BinOp::Add, t, x[3]);
        b.ret(t);
        out.push(case(
            b.finish(),
            vec![
                vec![1, 2, 3, 4],
                vec![0xffff_ffff, 0x8000_0000, 0, 0x1234_5678],
            ],
        ));
    }
    out
}

/// A small deterministic generator (xorshift).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as u32
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n
    }

    pub fn value(&mut self) -> u32 {
        match self.below(4) {
            0 => VALUES[self.below(VALUES.len())],
            1 => self.below(300) as u32,
            _ => self.next(),
        }
    }
}

/// Random programs: a pool of variables (more than there are registers, all live to the end),
/// a counted loop whose body reassigns them with random operations, loads and stores, helper
/// calls and if/else diamonds, then a checksum of the pool.
pub fn random(count: usize) -> Vec<Case> {
    (0..count).map(|seed| random_program(seed as u64)).collect()
}

fn random_program(seed: u64) -> Case {
    let mut rng = Rng::new(seed + 1);
    let (mut b, x) = B::new(&format!("random {seed}"), 4);
    let npool = 4 + rng.below(if seed.is_multiple_of(3) { 8 } else { 36 });
    let mut pool: Vec<VReg> = Vec::new();
    for k in 0..npool {
        let v = b.v(Ty::Int);
        match x.get(k) {
            Some(&src) => b.push(Inst::Mov { dst: v, src }),
            None => {
                let imm = rng.value() as i32 as i64;
                b.push(Inst::Iconst { dst: v, imm })
            }
        }
        pool.push(v);
    }
    let i = b.v(Ty::Int);
    b.push(Inst::Iconst { dst: i, imm: 0 });
    let seven = b.konst(7);
    let n = b.bin(BinOp::And, x[0], seven);
    let (head, done) = (b.block(), b.block());
    b.term(Term::Jump(head));
    b.at(head);
    let nops = 5 + rng.below(40);
    for _ in 0..nops {
        random_inst(&mut b, &mut rng, &pool);
        if rng.below(12) == 0 {
            // if pool[a] (cond) pool[d] = op else pool[d] = other
            let c = pool[rng.below(pool.len())];
            let (t, e, j) = (b.block(), b.block(), b.block());
            if rng.below(2) == 0 {
                let k = b.konst(rng.value() as i64);
                let cond = CONDS[rng.below(10)];
                let cv = b.cmp(cond, c, k);
                b.term(Term::Branch {
                    cond: cv,
                    then: t,
                    else_: e,
                });
            } else {
                b.term(Term::Branch {
                    cond: c,
                    then: t,
                    else_: e,
                });
            }
            b.at(t);
            random_inst(&mut b, &mut rng, &pool);
            b.term(Term::Jump(j));
            b.at(e);
            random_inst(&mut b, &mut rng, &pool);
            random_inst(&mut b, &mut rng, &pool);
            b.term(Term::Jump(j));
            b.at(j);
        }
    }
    let one = b.konst(1);
    b.push(Inst::Bin {
        op: BinOp::Add,
        dst: i,
        a: i,
        b: one,
    });
    let c = b.cmp(Cond::Ult, i, n);
    b.term(Term::Branch {
        cond: c,
        then: head,
        else_: done,
    });
    b.at(done);
    let mut acc = i;
    for (k, &v) in pool.iter().enumerate() {
        let op = if k % 2 == 0 { BinOp::Add } else { BinOp::Xor };
        let r = b.konst(k as i64 + 1);
        let t = b.bin(BinOp::Shl, acc, r);
        let t2 = b.bin(BinOp::Shr, acc, one);
        let t = b.bin(BinOp::Xor, t, t2);
        acc = b.bin(op, t, v);
    }
    b.ret(acc);
    let runs = (0..3)
        .map(|_| (0..4).map(|_| rng.value()).collect())
        .collect();
    Case {
        f: b.finish(),
        runs,
        mem: true,
    }
}

fn random_inst(b: &mut B, rng: &mut Rng, pool: &[VReg]) {
    let pick = |rng: &mut Rng| pool[rng.below(pool.len())];
    let dst = pick(rng);
    let operand = |b: &mut B, rng: &mut Rng| {
        if rng.below(4) == 0 {
            let imm = rng.value() as i32 as i64;
            b.konst(imm)
        } else {
            pool[rng.below(pool.len())]
        }
    };
    match rng.below(16) {
        0..=5 => {
            let op = BINS[rng.below(BINS.len())];
            let (x, y) = (operand(b, rng), operand(b, rng));
            b.push(Inst::Bin {
                op,
                dst,
                a: x,
                b: y,
            });
        }
        6 => {
            let op = OVFS[rng.below(3)];
            let (x, y) = (operand(b, rng), operand(b, rng));
            let o = b.v(Ty::Bool);
            b.push(Inst::BinOvf {
                op,
                dst,
                ovf: o,
                a: x,
                b: y,
            });
            let other = pick(rng);
            b.push(Inst::Bin {
                op: BinOp::Xor,
                dst: other,
                a: other,
                b: o,
            });
        }
        7 => {
            let op = if rng.below(2) == 0 {
                UnOp::Neg
            } else {
                UnOp::Not
            };
            let x = pick(rng);
            b.push(Inst::Un { op, dst, a: x });
        }
        8 => {
            let cond = CONDS[rng.below(10)];
            let (x, y) = (operand(b, rng), operand(b, rng));
            let c = b.v(Ty::Bool);
            b.push(Inst::Cmp {
                cond,
                dst: c,
                a: x,
                b: y,
            });
            b.push(Inst::Mov { dst, src: c });
        }
        9 | 10 => {
            let (w, size) = [
                (Width::W8, 1),
                (Width::W16, 2),
                (Width::W32, 4),
                (Width::Word, 4),
            ][rng.below(4)];
            let off = (rng.below(16000) as i32 - 8000) / size * size;
            let (base, off) = if rng.below(2) == 0 {
                (b.buf, off)
            } else {
                // buf + (pool & 0xfc), within the buffer.
                let m = b.konst(0xfc);
                let s = pick(rng);
                let d = b.bin(BinOp::And, s, m);
                let buf = b.buf;
                (b.bin(BinOp::Add, buf, d), off.min(7000))
            };
            if rng.below(2) == 0 {
                let signed = rng.below(2) == 0;
                b.push(Inst::Load {
                    width: w,
                    signed,
                    dst,
                    base,
                    offset: off,
                });
            } else {
                let src = operand(b, rng);
                b.push(Inst::Store {
                    width: w,
                    src,
                    base,
                    offset: off,
                });
            }
        }
        11 | 12 => {
            let h = Helper::ALL[rng.below(Helper::ALL.len())];
            let args: Vec<VReg> = (0..h.arity()).map(|_| operand(b, rng)).collect();
            b.push(Inst::Call {
                helper: h,
                args,
                dst: Some(dst),
            });
        }
        _ => {
            let src = pick(rng);
            b.push(Inst::Mov { dst, src });
        }
    }
}
