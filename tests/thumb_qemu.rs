//! asm_thumb programs run as real Thumb-2 code: `pyrite` is cross-built for 32-bit Arm Linux
//! (`armv7-unknown-linux-gnueabihf`), where asm_thumb functions are the process's own machine
//! code, and every `tests/thumb/*.py` runs under `qemu-arm -cpu cortex-a15`, its output compared
//! with the `.exp` next to it (hand-written from MicroPython's behaviour: CPython cannot run
//! them). Without QEMU, the target or the cross linker, the test says what it skipped and how
//! to install it.

use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "armv7-unknown-linux-gnueabihf";
const SYSROOT: &str = "/usr/arm-linux-gnueabihf";

fn have(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn target_installed() -> bool {
    Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l == TARGET)
        })
}

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
    if !target_installed() {
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

#[test]
fn asm_thumb_programs_run_under_qemu() {
    if let Some(what) = missing() {
        println!("SKIPPED: asm_thumb execution tests need {what}");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = cross_binary(root);
    let mut programs: Vec<PathBuf> = std::fs::read_dir(root.join("tests").join("thumb"))
        .expect("tests/thumb")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty());
    let mut failures = Vec::new();
    for py in &programs {
        let out = Command::new("qemu-arm")
            .args(["-cpu", "cortex-a15", "-L", SYSROOT])
            .arg(&bin)
            .arg(py)
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
        "asm_thumb under qemu-arm: {} passed, {} failed",
        programs.len() - failures.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
