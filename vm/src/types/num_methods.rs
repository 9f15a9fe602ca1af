//! More methods of a built-in type (see the module list in `types/mod.rs`).

use crate::vm::{PyResult, Vm};

/// Install these methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let _ = vm;
    Ok(())
}
