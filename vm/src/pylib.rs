//! The library's Python sources (`vm/pylib/*.py`, the parts of modules written in Python):
//! stored deflated by `build.rs`, about a quarter of their size, and inflated only while a
//! module that runs one is being made.

use alloc::string::String;

use crate::types::ExcKind;
use crate::vm::{PyResult, Vm};

/// One deflated source file and the length of its text.
pub struct PySource {
    deflated: &'static [u8],
    len: usize,
}

impl PySource {
    /// The source text. The data was written by the build, so failing to inflate it means the
    /// binary itself is damaged: a `SystemError` rather than a panic.
    pub fn text(&self, vm: &mut Vm) -> PyResult<String> {
        miniz_oxide::inflate::decompress_to_vec_with_limit(self.deflated, self.len)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or_else(|| vm.new_exc(ExcKind::SystemError, "damaged library source"))
    }
}

// `unittest`, `abc` and `collections.abc` are used only with the `extra-modules` feature; the
// constants are `#[allow(dead_code)]` for builds without it.
include!(concat!(env!("OUT_DIR"), "/pylib.rs"));
