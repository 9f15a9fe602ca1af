//! What the QEMU-based test files share: finding out whether a tool or a Rust target is there.

use std::process::Command;

/// Does `cmd arg` run and succeed?
pub fn have(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Is the Rust `target` installed (through rustup)?
pub fn target_installed(target: &str) -> bool {
    Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l == target)
        })
}
