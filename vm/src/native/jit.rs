//! The host backend's state: one Cranelift JIT per VM, created on the first native function.
//! Code memory lives as long as the VM.

use crate::vm::{PyResult, Vm};

/// Compile `ir` (lowered from `code`) and return its entry address.
pub fn compile(
    vm: &mut Vm,
    code: &frontend::bytecode::CodeObject,
    ir: &emit::ir::Function,
) -> PyResult<usize> {
    if vm.jit.is_none() {
        let table = super::helpers::table();
        match emit::cranelift::Jit::new(&table) {
            Ok(j) => vm.jit = Some(alloc::boxed::Box::new(j)),
            Err(e) => {
                return Err(vm.not_implemented(alloc::format!(
                    "native code for '{}': the host backend is unavailable ({e})",
                    code.qualname
                )));
            }
        }
    }
    let jit = vm.jit.as_mut().expect("created above");
    match jit.compile(ir) {
        Ok((entry, _size)) => Ok(entry as usize),
        Err(e) => Err(vm.new_exc(
            crate::types::ExcKind::SystemError,
            &alloc::format!("native code for '{}': {e}", code.qualname),
        )),
    }
}
