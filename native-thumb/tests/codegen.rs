//! The native-IR backend (`native_thumb::codegen`):
//! - coverage: every `@native`/`@viper` function of the test and benchmark programs compiles
//!   for every ISA level (the benchmark programs with every function native);
//! - behaviour: IR functions run as real Thumb code under `qemu-arm` (Cortex-A15, which runs
//!   all three levels' code) agree with an IR interpreter on results, helper calls and memory:
//!   every operation on edge values, constant operands, loops, loads and stores of every width,
//!   switches, calls of every arity, stack parameters, and random programs with more live
//!   values than registers and values live across calls. Skipped, saying so, without
//!   `qemu-arm` or `arm-linux-gnueabihf-gcc`;
//! - the same on strict M-profile cores in `qemu-system-arm` (Cortex-M0 for ARMv6-M, M3 for
//!   ARMv7-M, M4 for ARMv7E-M), built with `arm-none-eabi-gcc`; skipped, saying so, without them.

mod codegen_cases;

use std::path::Path;

use codegen_cases::{coverage, qemu};

#[test]
fn every_native_and_viper_function_compiles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let report = coverage::compile_all(&root);
    println!("{report}");
}

/// Code size of each viper kernel of `benches/viper` per level; the code is also written to
/// `<target tmp>/kernels/<name>.<level>.bin` for disassembly (`arm-none-eabi-objdump -D -b
/// binary -marm -Mforce-thumb`).
#[test]
fn viper_kernel_sizes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kernels");
    std::fs::create_dir_all(&out).unwrap();
    for (name, sizes) in coverage::kernels(&root.join("benches/viper/kernels.py"), &out) {
        println!(
            "{name:12} v6m {:4}  v7m {:4}  v7em {:4} bytes",
            sizes[0], sizes[1], sizes[2]
        );
    }
}

#[test]
fn generated_code_runs_under_qemu() {
    qemu::run_all();
}

/// The same cases on strict M-profile cores under `qemu-system-arm`: ARMv6-M on a Cortex-M0
/// (micro:bit), ARMv7-M on a Cortex-M3 (MPS2 AN385), ARMv7E-M on a Cortex-M4 (MPS2 AN386).
#[test]
fn generated_code_runs_on_m_profile_cores() {
    codegen_cases::system::run_all();
}
