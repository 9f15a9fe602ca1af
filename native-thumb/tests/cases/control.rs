//! Cases: branches to nearby labels, IT blocks and what may go in them, hints, interrupt
//! masks, barriers, special registers and traps. Branch ranges are in `layout.rs`.

use native_thumb::reg::*;
use native_thumb::{Cond, Isa, SysReg};

use super::{THUMB2, Table, V6M};

pub fn cases(t: &mut Table) {
    branches(t);
    it_blocks(t);
    system(t);
}

fn branches(t: &mut Table) {
    t.all("b 1f; 1:", |a| {
        let l = a.new_label();
        a.b(l)?;
        a.bind(l)
    });
    t.all("1: b 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.b(l)
    });
    t.all("b.w 1f; 1:", |a| {
        let l = a.new_label();
        a.b_w(l)?;
        a.bind(l)
    });
    t.all("1: nop; b.n 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.nop()?;
        a.b_n(l)
    });
    for c in Cond::ALL.into_iter().filter(|&c| c != Cond::Al) {
        t.all(format!("b{c} 1f; nop; 1:"), move |a| {
            let l = a.new_label();
            a.b_cond(c, l)?;
            a.nop()?;
            a.bind(l)
        });
        t.all(format!("1: b{c}.w 1b"), move |a| {
            let l = a.new_label();
            a.bind(l)?;
            a.b_cond_w(c, l)
        });
    }
    t.all("bl 1f; 1:", |a| {
        let l = a.new_label();
        a.bl(l)?;
        a.bind(l)
    });
    t.all("1: nop; bl 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.nop()?;
        a.bl(l)
    });
    for reg in [R0, R7, R8, LR, SP, PC] {
        t.all(format!("bx {reg}"), move |a| a.bx(reg));
        t.all(format!("blx {reg}"), move |a| a.blx(reg));
    }
    t.all("cbz r0, 1f; nop; 1:", |a| {
        let l = a.new_label();
        a.cbz(R0, l)?;
        a.nop()?;
        a.bind(l)
    });
    t.all("cbnz r7, 1f; 1:", |a| {
        let l = a.new_label();
        a.cbnz(R7, l)?;
        a.bind(l)
    });
    t.all("cbz r8, 1f; 1:", |a| {
        let l = a.new_label();
        a.cbz(R8, l)?;
        a.bind(l)
    });
    t.all("1: nop; cbz r0, 1b", |a| {
        let l = a.new_label();
        a.bind(l)?;
        a.nop()?;
        a.cbz(R0, l)
    });
}

fn it_blocks(t: &mut Table) {
    for (pattern, mnemonic) in [
        ("", "it"),
        ("t", "itt"),
        ("e", "ite"),
        ("tt", "ittt"),
        ("te", "itte"),
        ("et", "itet"),
        ("ee", "itee"),
        ("ttt", "itttt"),
        ("eee", "iteee"),
        ("tet", "ittet"),
    ] {
        for c in [Cond::Eq, Cond::Ne, Cond::Cs, Cond::Gt, Cond::Le] {
            let conds: String = std::iter::once(c)
                .chain(
                    pattern
                        .chars()
                        .map(|p| if p == 't' { c } else { c.invert() }),
                )
                .map(|k| format!("; nop{k}"))
                .collect();
            t.all(format!("{mnemonic} {c}{conds}"), move |a| {
                a.it(c, pattern)?;
                for _ in 0..=pattern.len() {
                    a.nop()?;
                }
                Ok(())
            });
        }
    }
    t.all("it al; nop", |a| {
        a.it(Cond::Al, "")?;
        a.nop()
    });
    t.all("itt al; nop; nop", |a| {
        a.it(Cond::Al, "t")?;
        a.nop()?;
        a.nop()
    });
    // Inside a block the 16-bit ALU forms don't set flags: plain mnemonics go narrow,
    // flag-setting ones wide.
    t.all("it eq; moveq r0, #1", |a| {
        a.it(Cond::Eq, "")?;
        a.mov(R0, 1)
    });
    t.all("it eq; movseq r0, #1", |a| {
        a.it(Cond::Eq, "")?;
        a.movs(R0, 1)
    });
    t.all("ite eq; addeq r0, r1, r2; subne r0, r1, r2", |a| {
        a.it(Cond::Eq, "e")?;
        a.add(R0, R1, R2)?;
        a.sub(R0, R1, R2)
    });
    t.all("itt ne; addsne r0, r1, r2; subsne r0, r0, #1", |a| {
        a.it(Cond::Ne, "t")?;
        a.adds(R0, R1, R2)?;
        a.subs(R0, R0, 1)
    });
    t.all("it gt; addgt r0, r0, #200", |a| {
        a.it(Cond::Gt, "")?;
        a.add(R0, R0, 200)
    });
    t.all("it gt; addgt r0, r1, #3", |a| {
        a.it(Cond::Gt, "")?;
        a.add(R0, R1, 3)
    });
    t.all("it lt; lsllt r0, r1, #2", |a| {
        a.it(Cond::Lt, "")?;
        a.lsl(R0, R1, 2)
    });
    t.all("it lt; lslslt r0, r1, #2", |a| {
        a.it(Cond::Lt, "")?;
        a.lsls(R0, R1, 2)
    });
    t.all("it mi; andmi r0, r0, r1", |a| {
        a.it(Cond::Mi, "")?;
        a.and(R0, R0, R1)
    });
    t.all("it mi; mulmi r0, r1, r0", |a| {
        a.it(Cond::Mi, "")?;
        a.mul(R0, R1, R0)
    });
    t.all("it mi; negmi r0, r1", |a| {
        a.it(Cond::Mi, "")?;
        a.neg(R0, R1)
    });
    t.all("it mi; movmi r0, r1", |a| {
        a.it(Cond::Mi, "")?;
        a.mov(R0, R1)
    });
    t.all("it mi; movsmi r0, r1", |a| {
        a.it(Cond::Mi, "")?;
        a.movs(R0, R1)
    });
    t.all("it mi; mvnmi r0, r1", |a| {
        a.it(Cond::Mi, "")?;
        a.mvn(R0, R1)
    });
    t.all("it eq; cmpeq r0, r1", |a| {
        a.it(Cond::Eq, "")?;
        a.cmp(R0, R1)
    });
    t.all("it eq; cmpeq r0, #1", |a| {
        a.it(Cond::Eq, "")?;
        a.cmp(R0, 1)
    });
    t.all("it eq; ldreq r0, [r1]", |a| {
        a.it(Cond::Eq, "")?;
        a.ldr(R0, R1)
    });
    t.all("it eq; bxeq lr", |a| {
        a.it(Cond::Eq, "")?;
        a.bx(LR)
    });
    t.all("itt eq; bxeq lr; nopeq", |a| {
        a.it(Cond::Eq, "t")?;
        a.bx(LR)?;
        a.nop()
    });
    t.all("it eq; popeq {r4, pc}", |a| {
        a.it(Cond::Eq, "")?;
        a.pop([R4, PC])
    });
    t.stricter(
        &Isa::ALL,
        "itt eq; popeq {r4, pc}; nopeq",
        "pop {pc} not last in IT is UNPREDICTABLE",
        |a| {
            a.it(Cond::Eq, "t")?;
            a.pop([R4, PC])?;
            a.nop()
        },
    );
    t.all("it ne; blne 1f; 1:", |a| {
        a.it(Cond::Ne, "")?;
        let l = a.new_label();
        a.bl(l)?;
        a.bind(l)
    });
    t.all("it ne; bne 1f; 1:", |a| {
        a.it(Cond::Ne, "")?;
        let l = a.new_label();
        a.b(l)?;
        a.bind(l)
    });
    t.all("itt ne; bne 1f; nopne; 1:", |a| {
        a.it(Cond::Ne, "t")?;
        let l = a.new_label();
        a.b(l)?;
        a.nop()?;
        a.bind(l)
    });
    t.all("it eq; cbzeq r0, 1f; 1:", |a| {
        a.it(Cond::Eq, "")?;
        let l = a.new_label();
        a.cbz(R0, l)?;
        a.bind(l)
    });
    t.all("it eq; iteq eq; nop", |a| {
        a.it(Cond::Eq, "")?;
        a.it(Cond::Eq, "")?;
        a.nop()
    });
    t.all("it eq; cpsideq i", |a| {
        a.it(Cond::Eq, "")?;
        a.cpsid_i()
    });
    t.all("it eq; moveq pc, lr", |a| {
        a.it(Cond::Eq, "")?;
        a.mov(PC, LR)
    });
    t.all("itt eq; moveq pc, lr; nopeq", |a| {
        a.it(Cond::Eq, "t")?;
        a.mov(PC, LR)?;
        a.nop()
    });
    t.all("it eq; ldreq pc, [r0]", |a| {
        a.it(Cond::Eq, "")?;
        a.ldr(PC, R0)
    });
}

fn system(t: &mut Table) {
    t.all("nop", |a| a.nop());
    t.all("wfi", |a| a.wfi());
    t.all("wfe", |a| a.wfe());
    t.all("sev", |a| a.sev());
    t.all("yield", |a| a.yield_());
    t.all("cpsid i", |a| a.cpsid_i());
    t.all("cpsie i", |a| a.cpsie_i());
    t.on(THUMB2, "cpsid f", |a| a.cpsid_f());
    t.on(THUMB2, "cpsie f", |a| a.cpsie_f());
    t.stricter(&[V6M], "cpsid f", "ARMv6-M has no FAULTMASK", |a| {
        a.cpsid_f()
    });
    t.stricter(&[V6M], "cpsie f", "ARMv6-M has no FAULTMASK", |a| {
        a.cpsie_f()
    });
    t.all("dsb", |a| a.dsb());
    t.all("dmb", |a| a.dmb());
    t.all("isb", |a| a.isb());
    t.all("clrex", |a| a.clrex());
    for (name, sr) in [
        ("APSR", SysReg::Apsr),
        ("IAPSR", SysReg::Iapsr),
        ("EAPSR", SysReg::Eapsr),
        ("XPSR", SysReg::Xpsr),
        ("IPSR", SysReg::Ipsr),
        ("EPSR", SysReg::Epsr),
        ("IEPSR", SysReg::Iepsr),
        ("MSP", SysReg::Msp),
        ("PSP", SysReg::Psp),
        ("PRIMASK", SysReg::Primask),
        ("CONTROL", SysReg::Control),
    ] {
        t.all(format!("mrs r0, {name}"), move |a| a.mrs(R0, sr));
        t.all(format!("mrs r12, {name}"), move |a| a.mrs(R12, sr));
    }
    for (name, sr) in [
        ("BASEPRI", SysReg::Basepri),
        ("BASEPRI_MAX", SysReg::BasepriMax),
        ("FAULTMASK", SysReg::Faultmask),
    ] {
        t.on(
            &[super::V7M, super::V7EM],
            format!("mrs r0, {name}"),
            move |a| a.mrs(R0, sr),
        );
        t.stricter(
            &[V6M],
            &format!("mrs r0, {name}"),
            "ARMv6-M has no BASEPRI or FAULTMASK",
            move |a| a.mrs(R0, sr),
        );
        t.on(
            &[super::V7M, super::V7EM],
            format!("msr {name}, r1"),
            move |a| a.msr(sr, R1),
        );
        t.stricter(
            &[V6M],
            &format!("msr {name}, r1"),
            "ARMv6-M has no BASEPRI or FAULTMASK",
            move |a| a.msr(sr, R1),
        );
    }
    t.all("mrs sp, IPSR", |a| a.mrs(SP, SysReg::Ipsr));
    t.all("msr PRIMASK, r0", |a| a.msr(SysReg::Primask, R0));
    t.all("msr CONTROL, r9", |a| a.msr(SysReg::Control, R9));
    t.all("msr MSP, r0", |a| a.msr(SysReg::Msp, R0));
    t.all("msr PSP, r0", |a| a.msr(SysReg::Psp, R0));
    t.all("msr APSR_nzcvq, r0", |a| a.msr(SysReg::Apsr, R0));
    t.all("msr PRIMASK, pc", |a| a.msr(SysReg::Primask, PC));
    for v in [0u32, 1, 255, 256, 0xffff, 0x10000] {
        t.all(format!("bkpt #{v}"), move |a| a.bkpt(v));
        t.all(format!("svc #{v}"), move |a| a.svc(v));
        t.all(format!("udf #{v}"), move |a| a.udf(v));
    }
}
