//! Cases: FPv4-SP single-precision VFP, and double-precision forms every level refuses.

use native_thumb::encode::vfp::{VOp2, VOp3};
use native_thumb::reg::*;
use native_thumb::{Cond, Isa, SReg};

use super::Table;

fn s(n: u8) -> SReg {
    SReg::new(n).unwrap()
}

pub fn cases(t: &mut Table) {
    let triples = [
        (0, 1, 2),
        (31, 30, 29),
        (15, 16, 17),
        (1, 0, 31),
        (30, 31, 0),
    ];
    for op in [
        VOp3::Add,
        VOp3::Sub,
        VOp3::Mul,
        VOp3::Nmul,
        VOp3::Div,
        VOp3::Mla,
        VOp3::Mls,
        VOp3::Nmla,
        VOp3::Nmls,
        VOp3::Fma,
        VOp3::Fms,
        VOp3::Fnma,
        VOp3::Fnms,
    ] {
        for (d, n, m) in triples {
            let (sd, sn, sm) = (s(d), s(n), s(m));
            t.all(format!("{}.f32 {sd}, {sn}, {sm}", op.name()), move |a| {
                a.vop3(op, sd, sn, sm)
            });
        }
    }
    for op in [
        VOp2::Mov,
        VOp2::Abs,
        VOp2::Neg,
        VOp2::Sqrt,
        VOp2::Cmp,
        VOp2::Cmpe,
    ] {
        for (d, m) in [(0, 1), (31, 30), (1, 31), (16, 15)] {
            let (sd, sm) = (s(d), s(m));
            t.all(format!("{}.f32 {sd}, {sm}", op.name()), move |a| {
                a.vop2(op, sd, sm)
            });
        }
    }
    for sd in [S0, S1, S31] {
        t.all(format!("vcmp.f32 {sd}, #0.0"), move |a| a.vcmp_zero(sd));
        t.all(format!("vcmpe.f32 {sd}, #0.0"), move |a| a.vcmpe_zero(sd));
    }
    for (d, m) in [(0, 1), (31, 30), (1, 0)] {
        let (sd, sm) = (s(d), s(m));
        t.all(format!("vcvt.f32.s32 {sd}, {sm}"), move |a| {
            a.vcvt_f32_s32(sd, sm)
        });
        t.all(format!("vcvt.f32.u32 {sd}, {sm}"), move |a| {
            a.vcvt_f32_u32(sd, sm)
        });
        t.all(format!("vcvt.s32.f32 {sd}, {sm}"), move |a| {
            a.vcvt_s32_f32(sd, sm)
        });
        t.all(format!("vcvt.u32.f32 {sd}, {sm}"), move |a| {
            a.vcvt_u32_f32(sd, sm)
        });
        t.all(format!("vcvtr.s32.f32 {sd}, {sm}"), move |a| {
            a.vcvtr_s32_f32(sd, sm)
        });
        t.all(format!("vcvtr.u32.f32 {sd}, {sm}"), move |a| {
            a.vcvtr_u32_f32(sd, sm)
        });
    }
    for (text, v) in [
        ("1.0", 1.0f32),
        ("-1.0", -1.0),
        ("2.0", 2.0),
        ("0.5", 0.5),
        ("-2.5", -2.5),
        ("31.0", 31.0),
        ("0.125", 0.125),
        ("1.9375", 1.9375),
        ("0.1328125", 0.132_812_5),
        ("16.0", 16.0),
        ("0.0", 0.0),
        ("32.0", 32.0),
        ("0.1", 0.1),
        ("0.0625", 0.0625),
    ] {
        t.all(format!("vmov.f32 s3, #{text}"), move |a| a.vmov_imm(S3, v));
    }
    t.all("vmov.f32 s30, #1.5", |a| a.vmov_imm(S30, 1.5));
    for (rt, sn) in [(R0, S0), (R7, S31), (R12, S16), (LR, S1)] {
        t.all(format!("vmov {sn}, {rt}"), move |a| a.vmov_sr(sn, rt));
        t.all(format!("vmov {rt}, {sn}"), move |a| a.vmov_rs(rt, sn));
    }
    for (rt, sn) in [(SP, S0), (PC, S2)] {
        let why = "sp and pc are UNPREDICTABLE in core<->VFP moves";
        t.stricter(&Isa::ALL, &format!("vmov {sn}, {rt}"), why, move |a| {
            a.vmov_sr(sn, rt)
        });
        t.stricter(&Isa::ALL, &format!("vmov {rt}, {sn}"), why, move |a| {
            a.vmov_rs(rt, sn)
        });
    }
    t.all("vmrs APSR_nzcv, fpscr", |a| a.vmrs_apsr_nzcv());
    t.all("vmrs r0, fpscr", |a| a.vmrs(R0));
    t.all("vmrs r12, fpscr", |a| a.vmrs(R12));
    t.all("vmrs sp, fpscr", |a| a.vmrs(SP));
    t.all("vmsr fpscr, r0", |a| a.vmsr(R0));
    t.all("vmsr fpscr, r11", |a| a.vmsr(R11));
    for off in [0i32, 4, 1020, -4, -1020, 1024, 2, -1024] {
        t.all(format!("vldr s0, [r0, #{off}]"), move |a| {
            a.vldr(S0, R0, off)
        });
        t.all(format!("vstr s31, [r1, #{off}]"), move |a| {
            a.vstr(S31, R1, off)
        });
    }
    t.all("vldr s15, [sp, #8]", |a| a.vldr(S15, SP, 8));
    t.all("vstr s16, [r12]", |a| a.vstr(S16, R12, 0));
    t.all("vldr s1, [pc, #8]", |a| a.vldr(S1, PC, 8));
    t.all("vstr s1, [pc, #8]", |a| a.vstr(S1, PC, 8));
    for (first, count, text) in [
        (16u8, 16u8, "{s16-s31}"),
        (0, 1, "{s0}"),
        (1, 2, "{s1-s2}"),
        (0, 32, "{s0-s31}"),
        (31, 1, "{s31}"),
        (8, 8, "{s8-s15}"),
    ] {
        let sf = s(first);
        t.all(format!("vpush {text}"), move |a| a.vpush(sf, count));
        t.all(format!("vpop {text}"), move |a| a.vpop(sf, count));
    }
    // An IT block around VFP.
    t.all("it gt; vaddgt.f32 s0, s1, s2", |a| {
        a.it(Cond::Gt, "")?;
        a.vadd(S0, S1, S2)
    });

    // Double precision: FPv4-SP has none.
    t.all("vadd.f64 d0, d1, d2", |a| a.vadd_f64(D0, D1, D2));
    t.all("vsub.f64 d15, d14, d13", |a| a.vsub_f64(D15, D14, D13));
    t.all("vmul.f64 d0, d1, d2", |a| a.vmul_f64(D0, D1, D2));
    t.all("vdiv.f64 d0, d1, d2", |a| a.vdiv_f64(D0, D1, D2));
    t.all("vneg.f64 d0, d1", |a| a.vneg_f64(D0, D1));
    t.all("vsqrt.f64 d0, d1", |a| a.vsqrt_f64(D0, D1));
    t.all("vcmp.f64 d0, d1", |a| a.vcmp_f64(D0, D1));
    t.all("vmov.f64 d0, d1", |a| a.vmov_f64(D0, D1));
    t.all("vcvt.f64.f32 d0, s1", |a| a.vcvt_f64_f32(D0, S1));
    t.all("vcvt.f32.f64 s0, d1", |a| a.vcvt_f32_f64(S0, D1));
    // ... but 64-bit loads and stores it has.
    t.all("vldr d0, [r0, #8]", |a| a.vldr_f64(D0, R0, 8));
    t.all("vstr d7, [sp]", |a| a.vstr_f64(D7, SP, 0));
    t.all("vldr d15, [r1, #-1020]", |a| a.vldr_f64(D15, R1, -1020));
    t.all("vstr d1, [r2, #1024]", |a| a.vstr_f64(D1, R2, 1024));
}
