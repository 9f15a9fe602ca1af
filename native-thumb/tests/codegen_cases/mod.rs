//! Helpers of `tests/codegen.rs`.

pub mod build;
pub mod coverage;
pub mod interp;
pub mod programs;
pub mod qemu;
pub mod system;
