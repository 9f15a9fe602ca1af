//! The oracle: an interpreter of the IR at 32 bits with Cranelift's semantics (wrapping
//! arithmetic, shift amounts mod 32, signed overflow flags, unsigned switch index), a 16 KiB
//! memory at a fixed address and fake helpers that log their arguments, exactly as the C
//! driver's do.

use emit::helpers::Helper;
use emit::ir::{BinOp, Cond, Function, Inst, OvfOp, Term, UnOp, Width};

pub const BUF_SIZE: usize = 16384;
/// Where the interpreter's buffer sits; `buf` arguments point at its middle.
pub const BASE: u32 = 0x4000_0000;

/// The buffer's initial contents (also written by the C driver).
pub fn initial_buffer() -> Vec<u8> {
    static INIT: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    INIT.get_or_init(|| {
        (0..BUF_SIZE)
            .map(|i| (i as u32).wrapping_mul(37).wrapping_add(11) as u8 ^ (i >> 8) as u8)
            .collect()
    })
    .clone()
}

/// FNV-1a of the buffer.
pub fn hash(buf: &[u8]) -> u32 {
    buf.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

/// What helper `i` returns for `args` (the C driver computes the same).
pub fn helper_result(i: u32, args: &[u32]) -> u32 {
    let mut h = 0x811c_9dc5u32 ^ i.wrapping_mul(0x9E37_79B9);
    for &a in args {
        h = (h ^ a).wrapping_mul(0x0100_0193);
        h ^= h >> 15;
    }
    h
}

pub struct Outcome {
    pub result: u32,
    pub memory: Vec<u8>,
    /// (helper index, arguments) of each call.
    pub calls: Vec<(u32, Vec<u32>)>,
}

/// Runs `f` with `args` for the parameters after `ctx` (whose value is `ctx`).
pub fn run(f: &Function, ctx: u32, args: &[u32]) -> Outcome {
    let mut regs = vec![0u32; f.vregs.len()];
    regs[f.params[0].0 as usize] = ctx;
    for (p, a) in f.params[1..].iter().zip(args) {
        regs[p.0 as usize] = *a;
    }
    let mut mem = initial_buffer();
    let mut calls = Vec::new();
    let mut block = 0usize;
    let mut steps = 0u64;
    let addr = |a: u32, size: usize| -> usize {
        let i = a.wrapping_sub(BASE) as usize;
        assert!(
            i + size <= BUF_SIZE,
            "test program accesses {a:#x} outside the buffer"
        );
        i
    };
    loop {
        let data = &f.blocks[block];
        for inst in &data.insts {
            steps += 1;
            assert!(steps < 10_000_000, "test program runs too long");
            let r = |v: emit::ir::VReg| regs[v.0 as usize];
            match inst {
                Inst::Float { .. }
                | Inst::FloatCmp { .. }
                | Inst::IntToFloat { .. }
                | Inst::DivRem { .. } => {
                    unreachable!("the Thumb-2 backend refuses 64-bit-only instructions")
                }
                Inst::Iconst { dst, imm } => regs[dst.0 as usize] = *imm as u32,
                Inst::Mov { dst, src } => regs[dst.0 as usize] = r(*src),
                Inst::Bin { op, dst, a, b } => {
                    let (x, y) = (r(*a), r(*b));
                    regs[dst.0 as usize] = match op {
                        BinOp::Add => x.wrapping_add(y),
                        BinOp::Sub => x.wrapping_sub(y),
                        BinOp::Mul => x.wrapping_mul(y),
                        BinOp::And => x & y,
                        BinOp::Or => x | y,
                        BinOp::Xor => x ^ y,
                        BinOp::Shl => x << (y & 31),
                        BinOp::Sar => ((x as i32) >> (y & 31)) as u32,
                        BinOp::Shr => x >> (y & 31),
                    }
                }
                Inst::BinOvf { op, dst, ovf, a, b } => {
                    let (x, y) = (r(*a) as i32, r(*b) as i32);
                    let (v, o) = match op {
                        OvfOp::Add => x.overflowing_add(y),
                        OvfOp::Sub => x.overflowing_sub(y),
                        OvfOp::Mul => x.overflowing_mul(y),
                    };
                    regs[dst.0 as usize] = v as u32;
                    regs[ovf.0 as usize] = o as u32;
                }
                Inst::Un { op, dst, a } => {
                    regs[dst.0 as usize] = match op {
                        UnOp::Neg => r(*a).wrapping_neg(),
                        UnOp::Not => !r(*a),
                    }
                }
                Inst::Cmp { cond, dst, a, b } => {
                    let (x, y) = (r(*a), r(*b));
                    let (sx, sy) = (x as i32, y as i32);
                    regs[dst.0 as usize] = match cond {
                        Cond::Eq => x == y,
                        Cond::Ne => x != y,
                        Cond::Lt => sx < sy,
                        Cond::Le => sx <= sy,
                        Cond::Gt => sx > sy,
                        Cond::Ge => sx >= sy,
                        Cond::Ult => x < y,
                        Cond::Ule => x <= y,
                        Cond::Ugt => x > y,
                        Cond::Uge => x >= y,
                    } as u32;
                }
                Inst::Load {
                    width,
                    signed,
                    dst,
                    base,
                    offset,
                } => {
                    let a = r(*base).wrapping_add(*offset as u32);
                    let v = match width {
                        Width::W8 => {
                            let b = mem[addr(a, 1)];
                            if *signed {
                                b as i8 as i32 as u32
                            } else {
                                b as u32
                            }
                        }
                        Width::W16 => {
                            let i = addr(a, 2);
                            let h = u16::from_le_bytes([mem[i], mem[i + 1]]);
                            if *signed {
                                h as i16 as i32 as u32
                            } else {
                                h as u32
                            }
                        }
                        Width::W32 | Width::Word => {
                            let i = addr(a, 4);
                            u32::from_le_bytes(mem[i..i + 4].try_into().unwrap())
                        }
                    };
                    regs[dst.0 as usize] = v;
                }
                Inst::Store {
                    width,
                    src,
                    base,
                    offset,
                } => {
                    let a = r(*base).wrapping_add(*offset as u32);
                    let v = r(*src).to_le_bytes();
                    let n = match width {
                        Width::W8 => 1,
                        Width::W16 => 2,
                        _ => 4,
                    };
                    let i = addr(a, n);
                    mem[i..i + n].copy_from_slice(&v[..n]);
                }
                Inst::Call { helper, args, dst } => {
                    let i = Helper::ALL.iter().position(|h| h == helper).unwrap() as u32;
                    let vals: Vec<u32> = args.iter().map(|a| r(*a)).collect();
                    let res = helper_result(i, &vals);
                    calls.push((i, vals));
                    if let Some(d) = dst {
                        regs[d.0 as usize] = res;
                    }
                }
            }
        }
        block = match &data.term {
            Term::Jump(t) => t.0 as usize,
            Term::Branch { cond, then, else_ } => {
                if regs[cond.0 as usize] != 0 {
                    then.0 as usize
                } else {
                    else_.0 as usize
                }
            }
            Term::Switch {
                v,
                targets,
                default,
            } => {
                targets
                    .get(regs[v.0 as usize] as usize)
                    .unwrap_or(default)
                    .0 as usize
            }
            Term::Return(v) => {
                return Outcome {
                    result: regs[v.0 as usize],
                    memory: mem,
                    calls,
                };
            }
            Term::Unterminated => panic!("unterminated block"),
        };
    }
}
