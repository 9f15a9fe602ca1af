//! Runs the test functions as Thumb code under `qemu-arm`: one static Arm Linux program holds
//! the code of every case for every ISA level (as `.byte` lines in an assembly file, each
//! function 4-byte aligned as the literal pools assume), fake helpers in C that log their
//! arguments, and a table of runs; it prints one line per run, which must equal the line the
//! interpreter predicts.
//!
//! The same driver also runs bare-metal (see [`super::system`]) on strict M-profile CPUs under
//! `qemu-system-arm`, one firmware per level.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

use emit::helpers::Helper;
use native_thumb::Isa;
use native_thumb::codegen;

use super::interp::{self, BASE, BUF_SIZE};
use super::programs::{self, Case};

pub fn have(cmd: &str) -> bool {
    Command::new(cmd)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn line(fn_id: usize, mem: bool, out: &interp::Outcome) -> String {
    let mut s = format!("{fn_id} {:08x}", out.result);
    if mem {
        let _ = write!(s, " m{:08x}", interp::hash(&out.memory));
    }
    for (h, args) in &out.calls {
        let _ = write!(s, " c{h}");
        for a in args {
            let _ = write!(s, ",{a:x}");
        }
    }
    s
}

/// What the Linux build of the driver needs before [`DRIVER`].
pub const LINUX_PRELUDE: &str = "#include <stdio.h>\n#include <stdint.h>\ntypedef uint32_t u32;\n";

const DRIVER: &str = r#"
static volatile unsigned cur_run;
#define BUF_SIZE 16384
static unsigned char buf[BUF_SIZE] __attribute__((aligned(8)));
static u32 ctx[16];
static u32 table[64];
static u32 log_[4096];
static int logn;
static u32 note(u32 i, int n, const u32 *a) {
    u32 h = 0x811c9dc5u ^ (i * 0x9E3779B9u);
    if (logn + n + 2 < 4096) {
        log_[logn++] = i;
        log_[logn++] = n;
        for (int k = 0; k < n; k++) log_[logn++] = a[k];
    }
    for (int k = 0; k < n; k++) { h = (h ^ a[k]) * 0x01000193u; h ^= h >> 15; }
    return h;
}
static void init_buf(void) {
    for (int i = 0; i < BUF_SIZE; i++) buf[i] = (unsigned char)((u32)i * 37u + 11u) ^ (unsigned char)(i >> 8);
}
static u32 hash_buf(void) {
    u32 h = 0x811c9dc5u;
    for (int i = 0; i < BUF_SIZE; i++) h = (h ^ buf[i]) * 0x01000193u;
    return h;
}
typedef u32 W;
static u32 call(const void *f, int n, const u32 *a) {
    switch (n) {
    case 2: return ((u32 (*)(W, W))f)(a[0], a[1]);
    case 3: return ((u32 (*)(W, W, W))f)(a[0], a[1], a[2]);
    case 4: return ((u32 (*)(W, W, W, W))f)(a[0], a[1], a[2], a[3]);
    case 5: return ((u32 (*)(W, W, W, W, W))f)(a[0], a[1], a[2], a[3], a[4]);
    case 6: return ((u32 (*)(W, W, W, W, W, W))f)(a[0], a[1], a[2], a[3], a[4], a[5]);
    case 7: return ((u32 (*)(W, W, W, W, W, W, W))f)(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    case 8: return ((u32 (*)(W, W, W, W, W, W, W, W))f)(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    case 9: return ((u32 (*)(W, W, W, W, W, W, W, W, W))f)(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
    case 10: return ((u32 (*)(W, W, W, W, W, W, W, W, W, W))f)(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
    }
    return 0xdeadu;
}
struct run { unsigned short fn, nargs; unsigned char mem; u32 args[8]; };
"#;

const MAIN: &str = r#"
int main(void) {
    init_helpers();
    ctx[12] = (u32)table;
    init_buf();
    for (unsigned r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        const struct run *x = &runs[r];
        cur_run = r;
        u32 a[10];
        a[0] = (u32)ctx;
        a[1] = (u32)(buf + BUF_SIZE / 2);
        for (int k = 0; k < x->nargs; k++) a[2 + k] = x->args[k];
        logn = 0;
        u32 res = call(fns[x->fn], 2 + x->nargs, a);
        printf("%u %08x", x->fn, res);
        if (x->mem) { printf(" m%08x", hash_buf()); init_buf(); }
        for (int k = 0; k < logn;) {
            int n = log_[k + 1];
            printf(" c%u", log_[k]);
            for (int j = 0; j < n; j++) printf(",%x", log_[k + 2 + j]);
            k += 2 + n;
        }
        printf("\n");
    }
    return 0;
}
"#;

/// The driver program for some levels' code: assembly, C (after a prelude defining `u32` and
/// `printf`), and what each run must print.
pub struct Driver {
    pub asm: String,
    pub c: String,
    /// Name of each function, by id.
    pub fns: Vec<String>,
    /// The line each run must print, in order.
    pub expected: Vec<String>,
    /// Code bytes per level (in `isas` order).
    pub sizes: Vec<usize>,
}

/// Every test case.
pub fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    cases.extend(programs::operations());
    cases.extend(programs::memory());
    cases.extend(programs::control());
    cases.extend(programs::calls());
    cases.extend(programs::random(150));
    cases
}

/// Compiles every case for each of `isas`, with the interpreter's expected lines.
pub fn driver(cases: &[Case], isas: &[Isa]) -> Driver {
    let mut asm = String::from(".syntax unified\n.thumb\n.text\n");
    let mut c = String::from(DRIVER);
    let mut fns = Vec::new();
    let mut runs = String::new();
    let mut expected = Vec::new();
    let mut sizes = vec![0usize; isas.len()];
    for (li, &isa) in isas.iter().enumerate() {
        for case in cases {
            let code = codegen::compile(&case.f, isa)
                .unwrap_or_else(|e| panic!("{} ({isa}): {e}", case.f.name))
                .code;
            sizes[li] += code.len();
            let id = fns.len();
            let _ = writeln!(
                asm,
                ".balign 4\n.global f{id}\n.type f{id}, %function\n.thumb_func\nf{id}:"
            );
            for chunk in code.chunks(16) {
                let bytes: Vec<String> = chunk.iter().map(|b| format!("0x{b:02x}")).collect();
                let _ = writeln!(asm, ".byte {}", bytes.join(","));
            }
            fns.push(format!("{} [{isa}]", case.f.name));
            for args in &case.runs {
                let buf = BASE + BUF_SIZE as u32 / 2;
                let all: Vec<u32> = [buf].into_iter().chain(args.iter().copied()).collect();
                let out = interp::run(&case.f, 0x1000, &all);
                expected.push(line(id, case.mem, &out));
                let a: Vec<String> = args.iter().map(|v| format!("{v}u")).collect();
                let _ = writeln!(
                    runs,
                    "{{{id}, {}, {}, {{{}}}}},",
                    args.len(),
                    case.mem as u8,
                    a.join(",")
                );
            }
        }
    }
    for id in 0..fns.len() {
        let _ = writeln!(c, "extern u32 f{id}();");
    }
    let _ = writeln!(c, "static const void *fns[] = {{");
    for id in 0..fns.len() {
        let _ = writeln!(c, "(const void *)f{id},");
    }
    let _ = writeln!(c, "}};");
    for (i, h) in Helper::ALL.iter().enumerate() {
        let n = h.arity();
        let params: Vec<String> = (0..n).map(|k| format!("u32 a{k}")).collect();
        let args: Vec<String> = (0..n).map(|k| format!("a{k}")).collect();
        let _ = writeln!(
            c,
            "static u32 h{i}({}) {{ u32 a[] = {{{}}}; return note({i}, {n}, a); }}",
            params.join(", "),
            args.join(", ")
        );
    }
    let _ = writeln!(c, "static void init_helpers(void) {{");
    for i in 0..Helper::ALL.len() {
        let _ = writeln!(c, "table[{i}] = (u32)h{i};");
    }
    let _ = writeln!(c, "}}");
    let _ = writeln!(c, "static const struct run runs[] = {{\n{runs}}};");
    c.push_str(MAIN);

    Driver {
        asm,
        c,
        fns,
        expected,
        sizes,
    }
}

/// Compares the program's output with the expected lines; the failures, described.
pub fn compare(d: &Driver, stdout: &str) -> Vec<String> {
    let got: Vec<&str> = stdout.lines().collect();
    let mut failures = Vec::new();
    for (i, want) in d.expected.iter().enumerate() {
        let have = got.get(i).copied().unwrap_or("<missing>");
        if have != want {
            let id: usize = want.split(' ').next().unwrap().parse().unwrap();
            failures.push(format!(
                "{}: run {i}\n  want {want}\n  got  {have}",
                d.fns[id]
            ));
        }
    }
    if got.len() > d.expected.len() {
        failures.push(format!(
            "extra output: {}",
            got[d.expected.len()..].join("\n")
        ));
    }
    failures
}

pub fn run_all() {
    if !have("qemu-arm") || !have("arm-linux-gnueabihf-gcc") {
        println!("SKIPPED: the QEMU tests need qemu-arm and arm-linux-gnueabihf-gcc");
        return;
    }
    let cases = cases();
    let d = driver(&cases, &Isa::ALL);
    let (asm, fns, expected, sizes) = (&d.asm, &d.fns, &d.expected, &d.sizes);
    let c = format!("{LINUX_PRELUDE}{}", d.c);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("codegen-qemu");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("code.S"), asm).unwrap();
    std::fs::write(dir.join("driver.c"), &c).unwrap();
    let exe = dir.join("driver");
    let gcc = Command::new("arm-linux-gnueabihf-gcc")
        .args(["-static", "-O1", "-mthumb", "-w"])
        .arg(dir.join("driver.c"))
        .arg(dir.join("code.S"))
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("gcc runs");
    assert!(
        gcc.status.success(),
        "cross compile failed:\n{}",
        String::from_utf8_lossy(&gcc.stderr)
    );
    let out = Command::new("qemu-arm")
        .args(["-cpu", "cortex-a15"])
        .arg(&exe)
        .output()
        .expect("qemu-arm runs");
    let failures = compare(&d, &String::from_utf8_lossy(&out.stdout));
    println!(
        "qemu: {} functions ({} cases x 3 levels, {} / {} / {} bytes), {} runs, {} failed",
        fns.len(),
        cases.len(),
        sizes[0],
        sizes[1],
        sizes[2],
        expected.len(),
        failures.len()
    );
    assert!(
        failures.is_empty() && out.status.success(),
        "{} of {} runs differ (exit {:?}, stderr {}):\n{}",
        failures.len(),
        expected.len(),
        out.status,
        String::from_utf8_lossy(&out.stderr),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
