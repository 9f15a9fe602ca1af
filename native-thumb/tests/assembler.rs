//! Assembler behaviour that GNU as text can't express: the errors it reports (kind, place),
//! label offsets after relaxation, literal addresses with a base, `load_const`, and a
//! random-operand sweep showing that bad operands give errors, never panics.

use native_thumb::encode::data::{AluOp, CmpOp, ShiftOp, UnaryOp};
use native_thumb::encode::mem::MemOp;
use native_thumb::encode::vfp::{VOp2, VOp3};
use native_thumb::reg::*;
use native_thumb::{Assembler, Cond, Error, Flags, Insn, Isa, Mem, Reg, RegList, SReg, Shift, Src};

fn asm(isa: Isa) -> Assembler {
    Assembler::new(isa)
}

#[test]
fn unbound_and_twice_bound_labels() {
    let mut a = asm(Isa::ArmV7M);
    let l = a.new_label();
    a.b(l).unwrap();
    assert_eq!(a.finish(), Err(Error::UnboundLabel(l)));

    let mut a = asm(Isa::ArmV7M);
    let l = a.new_label();
    a.bind(l).unwrap();
    assert_eq!(a.bind(l), Err(Error::LabelBoundTwice(l)));

    // A label from another assembler is an error, not a panic.
    let mut other = asm(Isa::ArmV7M);
    for _ in 0..5 {
        other.new_label();
    }
    let foreign = other.new_label();
    assert!(matches!(a.bind(foreign), Err(Error::BadOperand { .. })));
    a.b(foreign).unwrap();
    assert_eq!(a.finish(), Err(Error::UnboundLabel(foreign)));
}

#[test]
fn branch_out_of_range_names_form_place_and_distance() {
    let mut a = asm(Isa::ArmV7M);
    a.nop().unwrap();
    let l = a.new_label();
    a.b_n(l).unwrap();
    a.space(2050).unwrap();
    a.bind(l).unwrap();
    let err = a.finish().unwrap_err();
    assert_eq!(
        err,
        Error::OutOfRange {
            form: "b.n",
            at: 2,
            distance: 2048
        }
    );
    assert_eq!(
        err.to_string(),
        "b.n at offset 2: target 2048 bytes away is out of range"
    );

    // ARMv6-M can't widen: a conditional branch past 254 bytes is an error.
    let mut a = asm(Isa::ArmV6M);
    let l = a.new_label();
    a.b_cond(Cond::Ne, l).unwrap();
    a.space(258).unwrap();
    a.bind(l).unwrap();
    assert!(matches!(
        a.finish(),
        Err(Error::OutOfRange {
            form: "b<cc>.n",
            at: 0,
            distance: 256
        })
    ));

    // cbz only goes forward.
    let mut a = asm(Isa::ArmV7M);
    let l = a.new_label();
    a.bind(l).unwrap();
    a.nop().unwrap();
    a.cbz(R0, l).unwrap();
    assert!(matches!(
        a.finish(),
        Err(Error::OutOfRange {
            form: "cbz",
            at: 2,
            distance: -6
        })
    ));
}

#[test]
fn forms_outside_the_isa_are_refused_when_asked_for() {
    let mut a = asm(Isa::ArmV6M);
    assert_eq!(
        a.sdiv(R0, R1, R2),
        Err(Error::NotInIsa {
            form: "sdiv",
            isa: Isa::ArmV6M
        })
    );
    assert!(matches!(a.movw(R0, 1), Err(Error::NotInIsa { .. })));
    assert!(matches!(a.it(Cond::Eq, "t"), Err(Error::NotInIsa { .. })));
    assert!(matches!(a.add(R0, R1, R2), Err(Error::NotInIsa { .. })));
    let l = a.new_label();
    assert!(matches!(a.b_w(l), Err(Error::NotInIsa { .. })));
    assert!(matches!(a.cbz(R0, l), Err(Error::NotInIsa { .. })));
    assert!(matches!(a.vadd(S0, S1, S2), Err(Error::NotInIsa { .. })));
    let mut a = asm(Isa::ArmV7M);
    assert!(matches!(a.vadd(S0, S1, S2), Err(Error::NotInIsa { .. })));
    assert!(matches!(a.qadd(R0, R1, R2), Err(Error::NotInIsa { .. })));
    let mut a = asm(Isa::ArmV7EMSP);
    assert!(a.vadd(S0, S1, S2).is_ok());
    assert!(a.qadd(R0, R1, R2).is_ok());
    assert!(matches!(
        a.vadd_f64(D0, D1, D2),
        Err(Error::NotInIsa { .. })
    ));
    assert!(matches!(
        a.vcvt_f64_f32(D0, S1),
        Err(Error::NotInIsa { .. })
    ));
}

#[test]
fn it_block_rules() {
    let mut a = asm(Isa::ArmV7M);
    a.it(Cond::Eq, "e").unwrap();
    a.nop().unwrap();
    assert!(a.in_it_block());
    assert!(matches!(a.data(4, &[0]), Err(Error::ItBlock { .. })));
    assert!(matches!(a.finish(), Err(Error::ItBlock { .. })));

    let mut a = asm(Isa::ArmV7M);
    a.it(Cond::Eq, "tt").unwrap();
    let l = a.new_label();
    assert!(matches!(a.b_cond(Cond::Eq, l), Err(Error::ItBlock { .. })));
    assert!(
        matches!(a.b(l), Err(Error::ItBlock { .. })),
        "b must be last"
    );
    assert!(a.it(Cond::Eq, "x").is_err());
    assert!(matches!(
        asm(Isa::ArmV7M).it(Cond::Eq, "tttt"),
        Err(Error::BadOperand { .. })
    ));
    assert!(matches!(
        asm(Isa::ArmV7M).it(Cond::Al, "e"),
        Err(Error::BadOperand { .. })
    ));

    // The block's instructions are encoded for it: plain `add` goes 16-bit inside.
    let mut a = asm(Isa::ArmV7M);
    a.it(Cond::Ne, "").unwrap();
    a.add(R0, R1, R2).unwrap();
    a.add(R0, R1, R2).unwrap();
    assert_eq!(
        a.finish().unwrap(),
        [0x18, 0xbf, 0x88, 0x18, 0x01, 0xeb, 0x02, 0x00]
    );

    // load_const's movw+movt counts as two instructions of the block.
    let mut a = asm(Isa::ArmV7M);
    a.it(Cond::Ne, "t").unwrap();
    a.load_const(R0, 0x1234_5678).unwrap();
    assert!(!a.in_it_block());
}

#[test]
fn data_and_alignment_checks() {
    let mut a = asm(Isa::ArmV7M);
    assert!(matches!(a.data(3, &[1]), Err(Error::BadOperand { .. })));
    assert_eq!(
        a.data(1, &[256]),
        Err(Error::ImmOutOfRange {
            form: "data",
            value: 256
        })
    );
    assert!(a.data(1, &[-128, 255]).is_ok());
    assert!(matches!(
        a.data(2, &[-32769]),
        Err(Error::ImmOutOfRange { .. })
    ));
    assert!(matches!(a.align(3), Err(Error::BadOperand { .. })));
    a.data(1, &[1]).unwrap();
    assert_eq!(a.nop(), Err(Error::Misaligned { at: 3 }));
    a.align(2).unwrap();
    a.nop().unwrap();
    assert_eq!(a.finish().unwrap(), [0x80, 0xff, 0x01, 0x00, 0x00, 0xbf]);
}

#[test]
fn label_offsets_follow_relaxation() {
    let mut a = asm(Isa::ArmV7M);
    let (far, mid) = (a.new_label(), a.new_label());
    let unused = a.new_label();
    a.b(far).unwrap(); // 4 bytes: the target is past 2 KB
    a.bind(mid).unwrap();
    a.space(4096).unwrap();
    a.bind(far).unwrap();
    a.b(mid).unwrap();
    let (code, labels) = a.finish_with_labels().unwrap();
    assert_eq!(labels, [Some(4100), Some(4), None]);
    assert_eq!(code.len(), 4104);
    let _ = unused;
}

#[test]
fn literal_pools() {
    // ARMv6-M: every constant above 255 comes from the pool after the code.
    let mut a = asm(Isa::ArmV6M);
    a.load_const(R0, 0x1234_5678).unwrap();
    a.load_const(R1, 7).unwrap();
    a.load_const(R2, 0x1234_5678).unwrap();
    a.bx(LR).unwrap();
    let code = a.finish().unwrap();
    assert_eq!(
        code,
        [
            0x01, 0x48, 0x07, 0x21, 0x00, 0x4a, 0x70, 0x47, 0x78, 0x56, 0x34, 0x12
        ]
    );
    assert!(matches!(
        asm(Isa::ArmV6M).load_const(R8, 0x1234_5678),
        Err(Error::BadOperand { .. })
    ));

    // A pool more than 1020 bytes away is out of reach of the 16-bit load.
    let mut a = asm(Isa::ArmV6M);
    a.load_const(R0, 0x1234_5678).unwrap();
    a.space(1024).unwrap();
    assert!(matches!(
        a.finish(),
        Err(Error::OutOfRange {
            form: "ldr (literal)",
            at: 0,
            ..
        })
    ));
    // ...unless it is placed earlier.
    let mut a = asm(Isa::ArmV6M);
    a.load_const(R0, 0x1234_5678).unwrap();
    let over = a.new_label();
    a.b(over).unwrap();
    a.ltorg().unwrap();
    a.bind(over).unwrap();
    a.space(1024).unwrap();
    let code = a.finish().unwrap();
    assert_eq!(&code[..8], [0x00, 0x48, 0x01, 0xe0, 0x78, 0x56, 0x34, 0x12]);

    // `ldr rt, =label` holds base + offset.
    let mut a = Assembler::with_base(Isa::ArmV7M, 0x2000_0000);
    let l = a.new_label();
    a.ldr_addr(R0, l).unwrap();
    a.nop().unwrap();
    a.bind(l).unwrap();
    a.bx(LR).unwrap();
    assert_eq!(
        a.finish().unwrap(),
        [
            0x01, 0x48, 0x00, 0xbf, 0x70, 0x47, 0x00, 0x00, 0x04, 0x00, 0x00, 0x20
        ]
    );
}

#[test]
fn load_const_picks_the_smallest_form() {
    let sizes = |isa, v| {
        let mut a = asm(isa);
        a.load_const(R3, v).unwrap();
        a.finish().unwrap().len()
    };
    for (v, v7, v6) in [
        (0, 2, 2),
        (255, 2, 2),
        (256, 4, 8),
        (0xffff_ff00, 4, 8),
        (0xabcd, 4, 8),
        (0x1234_5678, 8, 8),
    ] {
        assert_eq!(sizes(Isa::ArmV7M, v), v7, "{v:#x} on v7m");
        assert_eq!(
            sizes(Isa::ArmV6M, v),
            v6,
            "{v:#x} on v6m (with the pool word)"
        );
    }
}

#[test]
fn operand_types() {
    assert_eq!(Reg::new(16), None);
    assert_eq!(SReg::new(32), None);
    assert_eq!(R13, SP);
    assert_eq!(
        format!("{SP} {LR} {PC} {R9} {S31} {D15}"),
        "sp lr pc r9 s31 d15"
    );
    assert_eq!(RegList::of(&[R4, LR, R5]).to_string(), "{r4, r5, lr}");
    assert_eq!(Cond::Eq.invert(), Cond::Ne);
    assert_eq!(Cond::Le.invert(), Cond::Gt);
    assert_eq!(Cond::from_name("lo"), Some(Cond::Cc));
    assert_eq!(Isa::from_name("v7em"), Some(Isa::ArmV7EMSP));
    assert_eq!(
        Insn::Wide(0xf240, 0x1234).to_bytes(),
        [0x40, 0xf2, 0x34, 0x12]
    );
    assert_eq!(Src::from(-1), Src::Imm(0xffff_ffff));
    assert_eq!(Mem::from((R1, R2)), Mem::Index(R1, R2, 0));
}

/// A small deterministic generator, so the sweep needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn reg(&mut self) -> Reg {
        Reg::new(self.below(16) as u8).unwrap()
    }
    fn sreg(&mut self) -> SReg {
        SReg::new(self.below(32) as u8).unwrap()
    }
    fn imm(&mut self) -> u32 {
        const EDGES: [u32; 6] = [0, 0x8000_0000, 0x7fff_ffff, 0xffff_ffff, 0xffff, 0x1_0000];
        match self.below(5) {
            4 => EDGES[self.below(6) as usize],
            0 => self.below(300) as u32,
            1 => (self.below(9000) as i64 - 4500) as u32,
            2 => self.next() as u32,
            _ => (self.below(256) as u32).rotate_left(self.below(32) as u32),
        }
    }
    fn offset(&mut self) -> i32 {
        match self.below(4) {
            3 => [i32::MIN, i32::MAX, -1, 0][self.below(4) as usize],
            0 => self.below(300) as i32 - 150,
            1 => self.below(10000) as i32 - 5000,
            _ => self.next() as i32,
        }
    }
}

/// Random operands, including nonsense, for every generic entry point on every level: each
/// call must return, and finish must too.
#[test]
fn random_operands_never_panic() {
    let mut rng = Rng(0x5eed);
    let alu = [
        AluOp::And,
        AluOp::Bic,
        AluOp::Orr,
        AluOp::Orn,
        AluOp::Eor,
        AluOp::Add,
        AluOp::Adc,
        AluOp::Sbc,
        AluOp::Sub,
        AluOp::Rsb,
    ];
    let flags = [Flags::Keep, Flags::Set, Flags::Any];
    let shifts = [ShiftOp::Lsl, ShiftOp::Lsr, ShiftOp::Asr, ShiftOp::Ror];
    let mems = [
        MemOp::Ldr,
        MemOp::Ldrb,
        MemOp::Ldrh,
        MemOp::Ldrsb,
        MemOp::Ldrsh,
        MemOp::Str,
        MemOp::Strb,
        MemOp::Strh,
    ];
    // NATIVE_THUMB_SWEEP_ROUNDS=2000 for a longer run.
    let rounds: u32 = std::env::var("NATIVE_THUMB_SWEEP_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    for isa in Isa::ALL {
        for _round in 0..rounds {
            let mut a = asm(isa);
            let labels: Vec<_> = (0..8).map(|_| a.new_label()).collect();
            let mut accepted = 0;
            for _ in 0..2000 {
                let src = match rng.below(3) {
                    0 => Src::Imm(rng.imm()),
                    1 => Src::Reg(rng.reg()),
                    _ => {
                        let n = rng.below(40) as u8;
                        let sh = [
                            Shift::Lsl(n),
                            Shift::Lsr(n),
                            Shift::Asr(n),
                            Shift::Ror(n),
                            Shift::Rrx,
                        ][rng.below(5) as usize];
                        Src::Shifted(rng.reg(), sh)
                    }
                };
                let l = labels[rng.below(8) as usize];
                let r = match rng.below(24) {
                    0..=3 => a.alu(
                        alu[rng.below(10) as usize],
                        flags[rng.below(3) as usize],
                        rng.reg(),
                        rng.reg(),
                        src,
                    ),
                    4 => a.mov(rng.reg(), src),
                    5 => a.mvns(rng.reg(), src),
                    6 => a.shift(
                        shifts[rng.below(4) as usize],
                        flags[rng.below(3) as usize],
                        rng.reg(),
                        rng.reg(),
                        src,
                    ),
                    7 => a.compare(
                        [CmpOp::Cmp, CmpOp::Cmn, CmpOp::Tst, CmpOp::Teq][rng.below(4) as usize],
                        rng.reg(),
                        src,
                    ),
                    8 => {
                        let mem = match rng.below(4) {
                            0 => Mem::Offset(rng.reg(), rng.offset()),
                            1 => Mem::Index(rng.reg(), rng.reg(), rng.below(6) as u8),
                            2 => Mem::PreIndex(rng.reg(), rng.offset()),
                            _ => Mem::PostIndex(rng.reg(), rng.offset()),
                        };
                        a.mem(mems[rng.below(8) as usize], rng.reg(), mem)
                    }
                    9 => a.push(RegList::from_bits(rng.next() as u16)),
                    10 => a.pop(RegList::from_bits(rng.next() as u16)),
                    11 => a.unary(UnaryOp::Uxth, rng.reg(), rng.reg()),
                    12 => a.ubfx(
                        rng.reg(),
                        rng.reg(),
                        rng.below(40) as u32,
                        rng.below(40) as u32,
                    ),
                    13 => a.movt(rng.reg(), rng.imm()),
                    14 => a.vop3(VOp3::Fma, rng.sreg(), rng.sreg(), rng.sreg()),
                    15 => a.vldr(rng.sreg(), rng.reg(), rng.offset()),
                    16 => a.vmov_imm(rng.sreg(), f32::from_bits(rng.next() as u32)),
                    17 => a.vop2(VOp2::Sqrt, rng.sreg(), rng.sreg()),
                    18 => a.branch(
                        Cond::ALL[rng.below(15) as usize],
                        l,
                        [
                            native_thumb::Width::Auto,
                            native_thumb::Width::Narrow,
                            native_thumb::Width::Wide,
                        ][rng.below(3) as usize],
                    ),
                    19 => a.cbnz(rng.reg(), l),
                    20 => a.bind(l),
                    21 => a.space(2 * rng.below(300) as usize),
                    22 => a.load_const(rng.reg(), rng.imm()),
                    _ => match rng.below(4) {
                        0 => a.it(
                            Cond::ALL[rng.below(15) as usize],
                            ["", "t", "e", "te", "et", "eee"][rng.below(6) as usize],
                        ),
                        1 => a.adr(rng.reg(), l),
                        2 => a.ldr_const(rng.reg(), rng.imm()),
                        _ => a.align(1 << rng.below(14)),
                    },
                };
                accepted += r.is_ok() as u32;
            }
            assert!(
                accepted > 200,
                "{isa}: only {accepted} calls accepted; the sweep tests little"
            );
            for &l in &labels {
                let _ = a.bind(l);
            }
            let _ = a.finish();
        }
    }
}
