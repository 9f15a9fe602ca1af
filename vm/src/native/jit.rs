//! The host backend's state. The VM keeps one Cranelift JIT as a template, made on the first
//! native function; each compiled source (a module, an `exec`/`compile` string) gets a unit of
//! code memory of its own, which every code object compiled into it keeps alive and which is
//! freed when the last of them is collected. Functions are defined into the unit as their code
//! is loaded and made executable together when the source's loading ends ([`finish_unit`]).

use alloc::rc::Rc;
use core::cell::RefCell;

use crate::value::Value;
use crate::vm::{PyResult, Vm};
use emit::cranelift::{CodeUnit, FunctionId, Jit, OptLevel};

/// What a unit holds beyond its functions' code: its first code page and Cranelift's records
/// (measured as the resident-size growth per unit when none is freed).
const UNIT_BYTES: usize = 8 * 1024;

/// The code memory of one compiled source.
pub struct NativeUnit {
    code: RefCell<Option<CodeUnit>>,
    /// Code objects defined into this unit whose entry is set when the unit is finalized.
    pending: RefCell<alloc::vec::Vec<(Value, FunctionId)>>,
}

impl Drop for NativeUnit {
    fn drop(&mut self) {
        if let Some(code) = self.code.take() {
            // SAFETY: every code object whose machine code lives in this unit holds an `Rc` to
            // it, so it is dropped only after all of them were finalised. A code object is
            // finalised only when nothing reaches it: no function object can call it and no
            // frame runs it (frames and generators hold their code object), so none of this
            // code runs again.
            unsafe { code.free() };
        }
    }
}

/// How hard Cranelift works on `code`: native code is mostly helper calls, where its
/// optimisation passes gain nothing measurable (`benches/run.py --emit`) but cost a quarter of
/// the compile time; viper code is machine arithmetic, which they improve.
fn opt_level(code: &frontend::bytecode::CodeObject) -> OptLevel {
    if code.emitter == frontend::bytecode::Emitter::Viper {
        OptLevel::Speed
    } else {
        OptLevel::None
    }
}

/// The host machine code of `ir` (lowered from `code`) as Cranelift lists it, compiled as a
/// running VM would compile it but never run (`pyrite --asm`).
pub fn listing(
    code: &frontend::bytecode::CodeObject,
    ir: &emit::ir::Function,
) -> Result<alloc::string::String, alloc::string::String> {
    Jit::new(&super::helpers::table())?.disassemble(ir, opt_level(code))
}

/// Compile `ir` (lowered from `code`, the code object `code_value`) into the current unit: the
/// unit that owns its memory. The entry address is set in `code_value` by [`finish_unit`].
pub fn compile(
    vm: &mut Vm,
    code_value: Value,
    code: &frontend::bytecode::CodeObject,
    ir: &emit::ir::Function,
) -> PyResult<Rc<dyn core::any::Any>> {
    let opt = opt_level(code);
    if vm.jit.is_none() {
        match Jit::new(&vm.helper_table) {
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
    let unit = match &vm.jit_unit {
        Some(u) => u.clone(),
        None => {
            // Code memory lies outside the GC heap, but only a collection frees it: count it
            // as allocation so that a program making many units (`exec` in a loop) collects.
            vm.allocated_since_gc += UNIT_BYTES;
            let u = Rc::new(NativeUnit {
                code: RefCell::new(Some(jit.unit())),
                pending: RefCell::new(alloc::vec::Vec::new()),
            });
            vm.jit_unit = Some(u.clone());
            u
        }
    };
    let result = jit.define(
        unit.code
            .borrow_mut()
            .as_mut()
            .expect("a unit's code is taken only when it is dropped"),
        ir,
        opt,
    );
    match result {
        Ok((id, size)) => {
            vm.allocated_since_gc += size;
            unit.pending.borrow_mut().push((code_value, id));
            Ok(unit)
        }
        Err(e) => Err(vm.new_exc(
            crate::types::ExcKind::SystemError,
            &alloc::format!("native code for '{}': {e}", code.qualname),
        )),
    }
}

/// End the current unit: make the functions defined into it executable and, when their source
/// loaded (`loaded`), record each entry address in its code object.
///
/// Sound because of when it runs: right after the source's code tree was built, with no
/// allocation in between. If loading succeeded, every pending code object is part of that tree,
/// which the caller holds, so none has been collected; if it failed, they are not touched.
pub fn finish_unit(vm: &mut Vm, loaded: bool) -> PyResult<()> {
    let Some(unit) = vm.jit_unit.take() else {
        return Ok(());
    };
    let pending = core::mem::take(&mut *unit.pending.borrow_mut());
    let mut code = unit.code.borrow_mut();
    let code = code
        .as_mut()
        .expect("a unit's code is taken only when it is dropped");
    if let Err(e) = code.finalize() {
        return Err(vm.new_exc(
            crate::types::ExcKind::SystemError,
            &alloc::format!("native code: {e}"),
        ));
    }
    if loaded {
        for (code_value, id) in pending {
            if let Some(obj) = code_value.as_ref::<crate::obj::func::CodeObj>() {
                obj.native.set(code.address(id) as usize);
            }
        }
    }
    Ok(())
}
