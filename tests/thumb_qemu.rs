//! Thumb-2 code run for real: `pyrite` is cross-built for 32-bit Arm Linux
//! (`armv7-unknown-linux-gnueabihf`), where asm_thumb functions are the process's own machine
//! code and @native/@viper functions are compiled by the Thumb-2 backend (the code a Cortex-M
//! board runs), and programs run under `qemu-arm -cpu cortex-a15`:
//! - every `tests/thumb/*.py` (asm_thumb; expected output hand-written from MicroPython's
//!   behaviour: CPython cannot run them);
//! - every `tests/native/*.py` with `-X emit=native` (every function through the Thumb-2
//!   backend), against the same CPython-recorded output the host suite uses;
//! - the `tests/viper/*.py` programs whose output does not depend on the machine word (the
//!   others check wrap-around at 64 bits, and 64-bit literals are objects on a 32-bit target,
//!   as in MicroPython).
//!
//! Without QEMU, the target or the cross linker, the tests say what they skipped and how to
//! install it.

mod common;

use common::{have, target_installed};
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "armv7-unknown-linux-gnueabihf";
const SYSROOT: &str = "/usr/arm-linux-gnueabihf";

/// Why the test cannot run here, if it cannot.
fn missing() -> Option<String> {
    let mut missing = Vec::new();
    if !have("qemu-arm", "--version") {
        missing.push("qemu-arm (apt-get install qemu-user)");
    }
    if !have("arm-linux-gnueabihf-gcc", "--version") || !Path::new(SYSROOT).exists() {
        missing.push(
            "the Arm cross linker (apt-get install gcc-arm-linux-gnueabihf libc6-dev-armhf-cross)",
        );
    }
    if !target_installed(TARGET) {
        missing.push("the Rust target (rustup target add armv7-unknown-linux-gnueabihf)");
    }
    (!missing.is_empty()).then(|| missing.join(", "))
}

/// Cross-build `pyrite` (into a target directory of its own, so this does not wait for the
/// build running this test).
fn cross_binary(root: &Path) -> PathBuf {
    let dir = root.join("target").join("thumb-cross");
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--bin", "pyrite", "--target", TARGET])
        .arg("--target-dir")
        .arg(&dir)
        .current_dir(root)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cross build for {TARGET} failed");
    dir.join(TARGET).join("debug").join("pyrite")
}

/// The `.py` programs of `tests/<dir>` that have recorded output.
fn programs(root: &Path, dir: &str) -> Vec<PathBuf> {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(root.join("tests").join(dir))
        .expect("test directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| p.with_extension("py.exp").exists())
        .collect();
    programs.sort();
    assert!(!programs.is_empty());
    programs
}

#[test]
fn asm_thumb_programs_run_under_qemu() {
    run_all("tests/thumb", "asm_thumb", &[], &|_| true);
}

/// Programs of `tests/native` that need more than a 32-bit target offers: ranges with bounds
/// past the 32-bit machine word (tests/pending/FAILURES.md, "range bigint").
const NOT_ON_32_BIT: &[&str] = &["iteration_subscript.py"];

/// Viper programs whose output is the same for 32- and 64-bit machine words.
const WORD_SIZE_FREE_VIPER: &[&str] = &[
    "args_defaults.py",
    "errors.py",
    "ptr16.py",
    "ptr8.py",
    "ptr_arith.py",
    "range_loops.py",
];

#[test]
fn native_programs_run_as_thumb_code_under_qemu() {
    run_all(
        "tests/native",
        "native (Thumb-2 backend)",
        &["-X", "emit=native"],
        &|name| !NOT_ON_32_BIT.contains(&name),
    );
}

#[test]
fn viper_programs_run_as_thumb_code_under_qemu() {
    run_all("tests/viper", "viper (Thumb-2 backend)", &[], &|name| {
        WORD_SIZE_FREE_VIPER.contains(&name)
    });
}

/// Run the programs of `dir` that `keep` accepts under QEMU with `options`, comparing standard
/// output.
fn run_all(dir: &str, what: &str, options: &[&str], keep: &dyn Fn(&str) -> bool) {
    if let Some(missing) = missing() {
        println!("SKIPPED: {what} execution tests need {missing}");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = cross_binary(root);
    let mut programs = programs(root, dir.trim_start_matches("tests/"));
    programs.retain(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(keep));
    let mut failures = Vec::new();
    for py in &programs {
        let out = Command::new("qemu-arm")
            .args(["-cpu", "cortex-a15", "-L", SYSROOT])
            .arg(&bin)
            .args(options)
            .arg(py)
            .current_dir(py.parent().expect("directory"))
            .output()
            .expect("qemu-arm runs");
        let expected = std::fs::read_to_string(py.with_extension("py.exp")).unwrap_or_default();
        let got = String::from_utf8_lossy(&out.stdout);
        if got != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{got}--- stderr\n{}",
                py.display(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    println!(
        "{what} under qemu-arm: {} passed, {} failed",
        programs.len() - failures.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
