//! The QEMU driver of [`super::qemu`] as bare-metal firmware on strict M-profile CPUs under
//! `qemu-system-arm`: `qemu-arm` runs on a Cortex-A15, which accepts instructions an M-profile
//! core faults on (ARM-only Thumb-2 forms, and any 32-bit Thumb-2 instruction on ARMv6-M
//! other than `bl`, `mrs`, `msr`, `dmb`, `dsb` and `isb`). Each level's code runs on its own
//! core:
//!
//! - ARMv6-M on `-M microbit -cpu cortex-m0`, its SRAM raised from 16 KiB to 64 KiB and its
//!   flash from 256 KiB to 4 MiB with `-global nrf51-soc.sram-size=`/`flash-size=` (for the
//!   16 KiB test buffer and call log, and the 1.6 MiB table of runs);
//! - ARMv7-M on `-M mps2-an385 -cpu cortex-m3`;
//! - ARMv7E-M on `-M mps2-an386 -cpu cortex-m4` (the FPU is enabled; the cases use no VFP).
//!
//! The firmware is the same C driver built with `arm-none-eabi-gcc -nostdlib` plus a vector
//! table, a startup routine and a tiny `printf` that writes through ARM semihosting
//! (`SYS_WRITE0`, `SYS_EXIT`). A fault (HardFault; MemManage, BusFault and UsageFault escalate
//! to it) prints the faulting run, function, pc and fault status, and exits with failure.
//! Skipped, saying so, without `qemu-system-arm` or `arm-none-eabi-gcc`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use native_thumb::Isa;

use super::programs::Case;
use super::qemu::{self, Driver};

/// A QEMU board for one level's code.
pub struct Board {
    pub isa: Isa,
    pub name: &'static str,
    pub machine: &'static str,
    pub cpu: &'static str,
    pub gcc_cpu: &'static str,
    pub extra_qemu: &'static [&'static str],
    /// Flash (code and constants) at 0, RAM at 0x2000_0000, in KiB.
    pub flash_kib: u32,
    pub ram_kib: u32,
    pub fpu: bool,
}

pub const BOARDS: [Board; 3] = [
    Board {
        isa: Isa::ArmV6M,
        name: "m0",
        machine: "microbit",
        cpu: "cortex-m0",
        gcc_cpu: "cortex-m0",
        extra_qemu: &[
            "-global",
            "nrf51-soc.sram-size=65536",
            "-global",
            "nrf51-soc.flash-size=4194304",
        ],
        flash_kib: 4096,
        ram_kib: 64,
        fpu: false,
    },
    Board {
        isa: Isa::ArmV7M,
        name: "m3",
        machine: "mps2-an385",
        cpu: "cortex-m3",
        gcc_cpu: "cortex-m3",
        extra_qemu: &[],
        flash_kib: 4096,
        ram_kib: 4096,
        fpu: false,
    },
    Board {
        isa: Isa::ArmV7EMSP,
        name: "m4",
        machine: "mps2-an386",
        cpu: "cortex-m4",
        gcc_cpu: "cortex-m4",
        extra_qemu: &[],
        flash_kib: 4096,
        ram_kib: 4096,
        fpu: true,
    },
];

/// `u32`, a `printf` of `%u`, `%x` and `%08x` into a buffer flushed through semihosting, and
/// what the C compiler may call.
const PRELUDE: &str = r#"
#include <stdint.h>
#include <stdarg.h>
#include <stddef.h>
typedef uint32_t u32;
static u32 semihost(u32 op, u32 arg) {
    register u32 r0 __asm__("r0") = op;
    register u32 r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}
static char obuf[2048];
static unsigned on;
static void flush(void) {
    obuf[on] = 0;
    if (on) semihost(4 /* SYS_WRITE0 */, (u32)obuf);
    on = 0;
}
static void out(char c) {
    obuf[on++] = c;
    if (on == sizeof obuf - 1) flush();
}
static void out_num(u32 v, unsigned base, int width) {
    char d[12];
    int n = 0;
    do { d[n++] = "0123456789abcdef"[v % base]; v /= base; } while (v);
    while (n < width) d[n++] = '0';
    while (n) out(d[--n]);
}
static int printf(const char *f, ...) {
    va_list ap;
    va_start(ap, f);
    for (; *f; f++) {
        if (*f != '%') { out(*f); continue; }
        int width = 0;
        f++;
        if (*f == '0') f++;
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        if (*f == 'u') out_num(va_arg(ap, u32), 10, width);
        else if (*f == 'x') out_num(va_arg(ap, u32), 16, width);
        else out('?');
    }
    va_end(ap);
    return 0;
}
static void sys_exit(int ok) {
    flush();
    semihost(0x18 /* SYS_EXIT */, ok ? 0x20026 /* ApplicationExit */ : 0x20023 /* RunTimeErrorUnknown */);
    for (;;) {}
}
void *memcpy(void *d, const void *s, size_t n) {
    char *p = d; const char *q = s;
    while (n--) *p++ = *q++;
    return d;
}
void *memset(void *d, int c, size_t n) {
    char *p = d;
    while (n--) *p++ = (char)c;
    return d;
}
"#;

/// Startup, vectors and the fault handler (after the driver, which defines `main`, `runs` and
/// `fns`).
const STARTUP: &str = r#"
extern u32 __stack_top, _sidata, _sdata, _edata, _sbss, _ebss;
void reset(void) {
    u32 *s = &_sidata, *d = &_sdata;
    while (d < &_edata) *d++ = *s++;
    for (d = &_sbss; d < &_ebss; d++) *d = 0;
#ifdef ENABLE_FPU
    *(volatile u32 *)0xE000ED88 |= 0xFu << 20; /* CPACR: CP10, CP11 full access */
    __asm__ volatile("dsb\n isb");
#endif
    sys_exit(main() == 0);
}
void fault_c(u32 *frame) {
    flush();
    unsigned r = cur_run;
    printf("\nFAULT in run %u (fn %u): pc=%08x lr=%08x xpsr=%08x", r, (u32)runs[r].fn, frame[6], frame[5], frame[7]);
#if !defined(__ARM_ARCH_6M__)
    printf(" CFSR=%08x HFSR=%08x", *(volatile u32 *)0xE000ED28, *(volatile u32 *)0xE000ED2C);
#endif
    printf("\n");
    sys_exit(0);
}
__attribute__((naked)) void fault(void) {
    __asm__ volatile(
        "movs r0, #4\n"
        "mov r1, lr\n"
        "tst r0, r1\n"
        "beq 1f\n"
        "mrs r0, psp\n"
        "b 2f\n"
        "1: mrs r0, msp\n"
        "2: ldr r1, 3f\n"
        "bx r1\n"
        ".balign 4\n"
        "3: .word fault_c\n");
}
__attribute__((section(".vectors"), used)) static const void *const vectors[16] = {
    &__stack_top, reset, fault, fault, fault, fault, fault,
};
"#;

fn linker_script(b: &Board) -> String {
    format!(
        "MEMORY {{
  FLASH (rx) : ORIGIN = 0x00000000, LENGTH = {}K
  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = {}K
}}
ENTRY(reset)
SECTIONS {{
  .text : {{ KEEP(*(.vectors)) *(.text*) *(.rodata*) . = ALIGN(4); }} > FLASH
  .ARM.exidx : {{ *(.ARM.exidx*) }} > FLASH
  .data : {{ _sdata = .; *(.data*) . = ALIGN(4); _edata = .; }} > RAM AT > FLASH
  _sidata = LOADADDR(.data);
  .bss (NOLOAD) : {{ _sbss = .; *(.bss*) *(COMMON) . = ALIGN(4); _ebss = .; }} > RAM
  __stack_top = ORIGIN(RAM) + LENGTH(RAM);
}}
",
        b.flash_kib, b.ram_kib
    )
}

/// Builds the firmware for `b` from `d` in `dir`; its path.
pub fn build(b: &Board, d: &Driver, dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("code.S"), &d.asm).unwrap();
    std::fs::write(dir.join("driver.c"), format!("{PRELUDE}{}{STARTUP}", d.c)).unwrap();
    std::fs::write(dir.join("link.ld"), linker_script(b)).unwrap();
    let elf = dir.join("firmware.elf");
    let mut gcc = Command::new("arm-none-eabi-gcc");
    gcc.args([
        "-O1",
        "-mthumb",
        "-w",
        "-ffreestanding",
        "-nostdlib",
        "-fno-builtin",
    ])
    .arg(format!("-mcpu={}", b.gcc_cpu))
    .args(["-mfloat-abi=soft", "-Wl,--gc-sections"])
    .arg("-T")
    .arg(dir.join("link.ld"));
    if b.fpu {
        gcc.arg("-DENABLE_FPU");
    }
    let out = gcc
        .arg(dir.join("driver.c"))
        .arg(dir.join("code.S"))
        .arg("-lgcc")
        .arg("-o")
        .arg(&elf)
        .output()
        .expect("arm-none-eabi-gcc runs");
    assert!(
        out.status.success(),
        "{} firmware build failed:\n{}",
        b.name,
        String::from_utf8_lossy(&out.stderr)
    );
    elf
}

/// Runs `elf` on `b` (at most `secs` seconds): exit success, stdout, stderr.
pub fn run(b: &Board, elf: &Path, secs: u32) -> (bool, String, String) {
    let out = Command::new("timeout")
        .arg(secs.to_string())
        .args(["qemu-system-arm", "-M", b.machine, "-cpu", b.cpu])
        .args(b.extra_qemu)
        .args(["-display", "none", "-serial", "none", "-monitor", "none"])
        .args(["-chardev", "stdio,id=semi"])
        .args([
            "-semihosting-config",
            "enable=on,target=native,chardev=semi",
        ])
        .arg("-kernel")
        .arg(elf)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("qemu-system-arm runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn available() -> bool {
    if qemu::have("qemu-system-arm") && qemu::have("arm-none-eabi-gcc") {
        return true;
    }
    println!(
        "SKIPPED: the M-profile QEMU tests need qemu-system-arm and arm-none-eabi-gcc \
         (apt-get install --no-install-recommends qemu-system-arm gcc-arm-none-eabi)"
    );
    false
}

/// Builds and runs every case's code for `b`'s level on `b`; a report line or the failures.
pub fn run_board(b: &Board, cases: &[Case]) -> Result<String, String> {
    let start = Instant::now();
    let d = qemu::driver(cases, &[b.isa]);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("codegen-{}", b.name));
    let elf = build(b, &d, &dir);
    let (ok, stdout, stderr) = run(b, &elf, 60);
    let failures = qemu::compare(&d, &stdout);
    let report = format!(
        "{} ({}, {} [{}]): {} functions ({} bytes), {} runs, {} failed, {:.1} s",
        b.isa,
        b.machine,
        b.cpu,
        b.name,
        d.fns.len(),
        d.sizes[0],
        d.expected.len(),
        failures.len(),
        start.elapsed().as_secs_f64()
    );
    if failures.is_empty() && ok {
        return Ok(report);
    }
    let fault = stdout
        .lines()
        .find(|l| l.starts_with("FAULT"))
        .map(|l| {
            let f = l
                .split("(fn ")
                .nth(1)
                .and_then(|x| x.split(')').next())
                .and_then(|x| x.parse::<usize>().ok());
            format!("{l}\n  function: {}", f.map_or("?", |f| d.fns[f].as_str()))
        })
        .unwrap_or_default();
    Err(format!(
        "{report}\nexit ok: {ok}; stderr: {stderr}\n{fault}\n{}",
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    ))
}

/// The harness's own check: a function that is one instruction `b`'s core lacks (but the
/// Cortex-A15 of `qemu-arm` runs) must end the run with a fault report.
pub fn fault_is_caught(b: &Board, cases: &[Case]) -> Result<String, String> {
    // ARMv6-M: `add.w r0, r0, r1` (32-bit Thumb-2); ARMv7-M: `vadd.f32 s0, s0, s0` (the M3
    // has no FPU). (QEMU 7.2's M3 does run `ldrexd`, which ARMv7-M lacks: it is not a complete
    // ISA validator.)
    let (what, insn): (&str, &[u8]) = match b.isa {
        Isa::ArmV6M => ("add.w", &[0x00, 0xeb, 0x01, 0x00]),
        _ => ("vadd.f32", &[0x30, 0xee, 0x00, 0x0a]),
    };
    let mut d = qemu::driver(&cases[..1], &[b.isa]);
    let bytes: Vec<String> = insn
        .iter()
        .chain(&[0x70, 0x47])
        .map(|b| format!("0x{b:02x}"))
        .collect();
    d.asm = format!(
        ".syntax unified\n.thumb\n.text\n.balign 4\n.global f0\n.type f0, %function\n\
         .thumb_func\nf0:\n.byte {}\n",
        bytes.join(",")
    );
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("codegen-{}-fault", b.name));
    let elf = build(b, &d, &dir);
    let (ok, stdout, stderr) = run(b, &elf, 10);
    match stdout
        .lines()
        .find(|l| l.starts_with("FAULT in run 0 (fn 0)"))
    {
        Some(l) if !ok => Ok(format!("{} rejects {what}: {l}", b.cpu)),
        _ => Err(format!(
            "{} did not report a fault for {what} (exit ok: {ok}):\n{stdout}\n{stderr}",
            b.cpu
        )),
    }
}

/// Every board in parallel.
pub fn run_all() {
    if !available() {
        return;
    }
    let cases = qemu::cases();
    let results: Vec<Result<String, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = BOARDS
            .iter()
            .map(|b| s.spawn(|| run_board(b, &cases)))
            .chain(
                BOARDS[..2]
                    .iter()
                    .map(|b| s.spawn(|| fault_is_caught(b, &cases))),
            )
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut failed = Vec::new();
    for r in results {
        match r {
            Ok(line) => println!("{line}"),
            Err(e) => {
                println!("{e}");
                failed.push(e);
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}
