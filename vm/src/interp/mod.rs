//! The interpreter: frames, the bytecode loop, calls and argument binding, generators.

pub mod call;
pub mod eval;
pub mod frame;
pub mod generator;
