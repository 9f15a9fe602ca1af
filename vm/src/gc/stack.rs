//! Native-stack roots: spilling the callee-saved registers into the current frame, and
//! `launder`, which keeps the optimiser from rebuilding a fresh pointer out of parts.
//!
//! A heap pointer may live only in a callee-saved register of some caller when the collector
//! runs. `spill_registers` stores those registers into a local array, so the scan of
//! `[stack pointer, stack_top)` (from the frame of `Heap::collect`, which spills and nothing else)
//! sees them. Caller-saved registers need nothing: every caller has saved the ones it still
//! needs on its stack before calling the collector. Floating-point and vector registers are
//! not spilled: compilers do not park integer (pointer) values in them across calls.
//!
//! | arch           | spilled                                                 |
//! |----------------|---------------------------------------------------------|
//! | x86_64         | rbx rbp r12–r15, rsi rdi (callee-saved on Windows)      |
//! | x86            | ebx esi edi ebp                                         |
//! | aarch64        | x19–x29                                                 |
//! | arm (A32, T32) | r4–r11, through r0/r1 only (valid Thumb-1 too)          |
//! | riscv32/64     | s0–s11                                                  |
//! | others         | nothing: the stack is scanned, registers are not        |
//!
//! Every `asm!` here is checked to assemble for x86_64, i686, aarch64, thumbv6m, thumbv7m,
//! thumbv7em, armv7 (A32), riscv32imc and riscv64gc.

#[cfg(any(
    target_arch = "x86_64",
    target_arch = "x86",
    target_arch = "aarch64",
    target_arch = "arm",
    target_arch = "riscv32",
    target_arch = "riscv64"
))]
use core::arch::asm;

/// Words `spill_registers` stores.
#[cfg(target_arch = "x86_64")]
pub(super) const SPILL_WORDS: usize = 8;
#[cfg(target_arch = "x86")]
pub(super) const SPILL_WORDS: usize = 4;
#[cfg(target_arch = "aarch64")]
pub(super) const SPILL_WORDS: usize = 11;
#[cfg(target_arch = "arm")]
pub(super) const SPILL_WORDS: usize = 8;
#[cfg(any(target_arch = "riscv32", target_arch = "riscv64"))]
pub(super) const SPILL_WORDS: usize = 12;
#[cfg(not(any(
    target_arch = "x86_64",
    target_arch = "x86",
    target_arch = "aarch64",
    target_arch = "arm",
    target_arch = "riscv32",
    target_arch = "riscv64"
)))]
pub(super) const SPILL_WORDS: usize = 1;

/// Store the callee-saved registers into `regs` and return the stack pointer. Inlined into
/// its (non-inlined) caller, so `regs` and the returned stack pointer belong to that frame.
#[inline(always)]
pub(super) fn spill_registers(regs: &mut [usize; SPILL_WORDS]) -> usize {
    let r = regs.as_mut_ptr();
    let sp: usize;
    #[cfg(target_arch = "x86_64")]
    // SAFETY: stores eight registers into `regs` (eight words, in bounds and aligned) and
    // reads rsp; nothing else is touched.
    unsafe {
        asm!(
            "mov [{r}], rbx",
            "mov [{r} + 8], rbp",
            "mov [{r} + 16], r12",
            "mov [{r} + 24], r13",
            "mov [{r} + 32], r14",
            "mov [{r} + 40], r15",
            "mov [{r} + 48], rsi",
            "mov [{r} + 56], rdi",
            "mov {sp}, rsp",
            r = in(reg) r,
            sp = out(reg) sp,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(target_arch = "x86")]
    // SAFETY: stores four registers into `regs` (four words, in bounds and aligned) and reads
    // esp; nothing else is touched.
    unsafe {
        asm!(
            "mov [{r}], ebx",
            "mov [{r} + 4], esi",
            "mov [{r} + 8], edi",
            "mov [{r} + 12], ebp",
            "mov {sp}, esp",
            r = in(reg) r,
            sp = out(reg) sp,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: stores x19–x29 into `regs` (eleven words, in bounds and aligned) and reads sp;
    // nothing else is touched.
    unsafe {
        asm!(
            "stp x19, x20, [{r}]",
            "stp x21, x22, [{r}, #16]",
            "stp x23, x24, [{r}, #32]",
            "stp x25, x26, [{r}, #48]",
            "stp x27, x28, [{r}, #64]",
            "str x29, [{r}, #80]",
            "mov {sp}, sp",
            r = in(reg) r,
            sp = out(reg) sp,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(target_arch = "arm")]
    // SAFETY: stores r4–r11 into `regs` (eight words, in bounds and aligned), using `r0` as
    // the base and `r1` as scratch (both caller-saved, so neither is one of the spilled
    // registers; low registers keep every instruction valid in Thumb-1), and reads sp.
    unsafe {
        asm!(
            "str r4, [r0]",
            "str r5, [r0, #4]",
            "str r6, [r0, #8]",
            "str r7, [r0, #12]",
            "mov r1, r8",
            "str r1, [r0, #16]",
            "mov r1, r9",
            "str r1, [r0, #20]",
            "mov r1, r10",
            "str r1, [r0, #24]",
            "mov r1, r11",
            "str r1, [r0, #28]",
            "mov r1, sp",
            in("r0") r,
            out("r1") sp,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(target_arch = "riscv64")]
    // SAFETY: stores s0–s11 into `regs` (twelve words, in bounds and aligned) and reads sp;
    // nothing else is touched.
    unsafe {
        asm!(
            "sd s0, 0({r})",
            "sd s1, 8({r})",
            "sd s2, 16({r})",
            "sd s3, 24({r})",
            "sd s4, 32({r})",
            "sd s5, 40({r})",
            "sd s6, 48({r})",
            "sd s7, 56({r})",
            "sd s8, 64({r})",
            "sd s9, 72({r})",
            "sd s10, 80({r})",
            "sd s11, 88({r})",
            "mv {sp}, sp",
            r = in(reg) r,
            sp = out(reg) sp,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(target_arch = "riscv32")]
    // SAFETY: stores s0–s11 into `regs` (twelve words, in bounds and aligned) and reads sp;
    // nothing else is touched.
    unsafe {
        asm!(
            "sw s0, 0({r})",
            "sw s1, 4({r})",
            "sw s2, 8({r})",
            "sw s3, 12({r})",
            "sw s4, 16({r})",
            "sw s5, 20({r})",
            "sw s6, 24({r})",
            "sw s7, 28({r})",
            "sw s8, 32({r})",
            "sw s9, 36({r})",
            "sw s10, 40({r})",
            "sw s11, 44({r})",
            "mv {sp}, sp",
            r = in(reg) r,
            sp = out(reg) sp,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(not(any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv32",
        target_arch = "riscv64"
    )))]
    {
        sp = r.addr();
    }
    sp
}

/// Return `p` unchanged, but hide how it was computed from the optimiser. A fresh allocation's
/// address is `limit - offset`; without this, code that keeps the object across a collection
/// may hold `limit` and `offset` in two registers (neither points into the object) and add
/// them afterwards, and the conservative scan would miss the object.
#[inline(always)]
#[allow(
    clippy::pointers_in_nomem_asm_block,
    reason = "the asm only passes the pointer through; it reads and writes no memory"
)]
pub(super) fn launder(p: *mut u8) -> *mut u8 {
    #[cfg(any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv32",
        target_arch = "riscv64"
    ))]
    {
        let mut p = p;
        // SAFETY: an empty template: no instruction runs, `p` is unchanged. Not `pure`, so the
        // compiler can neither see through it nor recompute it later from its inputs.
        unsafe { asm!("/* {p} */", p = inout(reg) p, options(nomem, nostack, preserves_flags)) };
        p
    }
    #[cfg(not(any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv32",
        target_arch = "riscv64"
    )))]
    {
        core::hint::black_box(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spill_returns_stack_pointer_of_this_frame() {
        let mut regs = [0usize; SPILL_WORDS];
        let sp = spill_registers(&mut regs);
        let local = regs.as_ptr().addr();
        assert!(sp <= local, "sp {sp:#x} above a local {local:#x}");
        assert!(local - sp < 4096);
        core::hint::black_box(&regs);
    }
}
