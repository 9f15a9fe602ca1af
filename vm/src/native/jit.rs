//! The host backend's state. The VM keeps one Cranelift JIT as a template, made on the first
//! native function; each compiled source (a module, an `exec`/`compile` string) gets a unit of
//! code memory of its own, which every code object compiled into it keeps alive and which is
//! freed when the last of them is collected.

use alloc::rc::Rc;
use core::cell::RefCell;

use crate::vm::{PyResult, Vm};
use emit::cranelift::Jit;

/// The code memory of one compiled source.
pub struct NativeUnit {
    jit: RefCell<Option<Jit>>,
}

impl Drop for NativeUnit {
    fn drop(&mut self) {
        if let Some(jit) = self.jit.take() {
            // SAFETY: every code object whose machine code lives in this unit holds an `Rc` to
            // it, so it is dropped only after all of them were finalised. A code object is
            // finalised only when nothing reaches it: no function object can call it and no
            // frame runs it (frames and generators hold their code object), so none of this
            // code runs again.
            unsafe { jit.free() };
        }
    }
}

/// Compile `ir` (lowered from `code`): its entry address and the unit that owns its memory.
pub fn compile(
    vm: &mut Vm,
    code: &frontend::bytecode::CodeObject,
    ir: &emit::ir::Function,
) -> PyResult<(usize, Option<Rc<dyn core::any::Any>>)> {
    if vm.jit.is_none() {
        let table = super::helpers::table();
        match Jit::new(&table) {
            Ok(j) => vm.jit = Some(alloc::boxed::Box::new(j)),
            Err(e) => {
                return Err(vm.not_implemented(alloc::format!(
                    "native code for '{}': the host backend is unavailable ({e})",
                    code.qualname
                )));
            }
        }
    }
    let unit = match &vm.jit_unit {
        Some(u) => u.clone(),
        None => {
            let template = vm.jit.as_ref().expect("created above");
            let u = Rc::new(NativeUnit {
                jit: RefCell::new(Some(template.unit())),
            });
            vm.jit_unit = Some(u.clone());
            u
        }
    };
    let result = unit
        .jit
        .borrow_mut()
        .as_mut()
        .expect("a unit's JIT is taken only when it is dropped")
        .compile(ir);
    match result {
        Ok((entry, _size)) => Ok((entry as usize, Some(unit))),
        Err(e) => Err(vm.new_exc(
            crate::types::ExcKind::SystemError,
            &alloc::format!("native code for '{}': {e}", code.qualname),
        )),
    }
}
