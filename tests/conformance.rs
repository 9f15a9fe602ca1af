//! The conformance suite: every `tests/**/*.py` program is run by the `pyrite` binary and its
//! standard output (plus, for a program that fails, its exit status and last stderr line) is
//! compared with the `.exp` file recorded next to it from CPython by `tools/record_expected.py`.
//!
//! Programs under `tests/pending/` are known failures, listed with repros in
//! `tests/pending/FAILURES.md`; they move back into the suite when fixed.
//!
//! Environment: `PYRITE_GC_STRESS=1` runs every program collecting at each allocation;
//! `PYRITE_TEST_FILTER=text` runs only paths containing `text`; `PYRITE_EMIT=native|viper`
//! passes `-X emit=`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            // tests/pending holds programs Pyrite does not pass yet (see tests/pending/FAILURES.md).
            if p.file_name().is_some_and(|n| n == "pending") {
                continue;
            }
            // tests/thumb runs Thumb-2 machine code: tests/thumb_qemu.rs runs it on 32-bit Arm.
            if !cfg!(target_arch = "arm") && p.file_name().is_some_and(|n| n == "thumb") {
                continue;
            }
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") && p.with_extension("py.exp").exists() {
            out.push(p);
        }
    }
}

/// What a run produced, in the same shape as the recorded expectation.
pub fn observed(stdout: &[u8], stderr: &[u8], status: Option<i32>) -> String {
    let mut s = String::from_utf8_lossy(stdout).into_owned();
    match status {
        Some(0) => {}
        Some(code) => {
            let err = String::from_utf8_lossy(stderr);
            let last = err
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            s.push_str(&format!("--- exit {code}: {last}\n"));
        }
        None => s.push_str("--- killed by a signal\n"),
    }
    s
}

/// Programs whose first lines contain `gc-stress: skip` are not run in GC-stress mode (the
/// comment must say why: e.g. thousands of nested calls make a collection per allocation
/// quadratic in the stack depth).
fn skip_under_stress(py: &Path) -> bool {
    std::env::var_os("PYRITE_GC_STRESS").is_some()
        && std::fs::read_to_string(py)
            .is_ok_and(|s| s.lines().take(5).any(|l| l.contains("gc-stress: skip")))
}

fn run_one(bin: &str, py: &Path) -> Result<(), String> {
    let mut cmd = Command::new(bin);
    if let Ok(emit) = std::env::var("PYRITE_EMIT") {
        cmd.arg("-X").arg(format!("emit={emit}"));
    }
    if std::env::var_os("PYRITE_GC_STRESS").is_some() {
        cmd.arg("-X").arg("heapsize=8m");
    }
    cmd.arg(py.file_name().expect("file name"));
    cmd.current_dir(py.parent().expect("parent"));
    cmd.env("PYTHONHASHSEED", "0");
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run pyrite: {e}"))?;
    let got = observed(&out.stdout, &out.stderr, out.status.code());
    let want = std::fs::read_to_string(py.with_extension("py.exp")).map_err(|e| e.to_string())?;
    if got == want {
        return Ok(());
    }
    let mut msg = format!("{}: output differs\n", py.display());
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        if g != w {
            msg.push_str(&format!(
                "  first difference at line {}:\n    expected: {w}\n    got:      {g}\n",
                i + 1
            ));
            break;
        }
    }
    if got.lines().count() != want.lines().count() {
        msg.push_str(&format!(
            "  expected {} lines, got {}\n",
            want.lines().count(),
            got.lines().count()
        ));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stderr.is_empty() {
        let tail: Vec<&str> = stderr.lines().rev().take(6).collect();
        msg.push_str("  stderr (last lines):\n");
        for l in tail.iter().rev() {
            msg.push_str(&format!("    {l}\n"));
        }
    }
    Err(msg)
}

fn main() {
    let bin = env!("CARGO_BIN_EXE_pyrite");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    if let Ok(f) = std::env::var("PYRITE_TEST_FILTER") {
        files.retain(|p| p.to_string_lossy().contains(&f));
    }
    let skipped = files.iter().filter(|p| skip_under_stress(p)).count();
    files.retain(|p| !skip_under_stress(p));
    let queue = Mutex::new(files.clone());
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 8);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let Some(py) = queue.lock().expect("queue").pop() else {
                        break;
                    };
                    if let Err(m) = run_one(bin, &py) {
                        failures.lock().expect("failures").push(m);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().expect("failures");
    for f in &failures {
        eprintln!("{f}");
    }
    let mode = match (
        std::env::var("PYRITE_EMIT"),
        std::env::var_os("PYRITE_GC_STRESS"),
    ) {
        (Ok(e), _) => format!(" (emit={e})"),
        (_, Some(_)) => String::from(" (gc stress)"),
        _ => String::new(),
    };
    println!(
        "conformance{mode}: {} passed, {} failed, {skipped} skipped",
        files.len() - failures.len(),
        failures.len()
    );
    if !failures.is_empty() {
        std::process::exit(1);
    }
}
