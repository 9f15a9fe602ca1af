//! Native-code glue: compiling `@micropython.native` and `@micropython.viper` functions when their
//! code is loaded, and running that machine code on an interpreter frame.
//!
//! The compiled code is `extern "C" fn(*mut NativeCtx) -> usize`: it runs the frame the VM has set
//! up (arguments bound, cells made) and returns the result object, or 0 with the exception in
//! `NativeCtx::pending`, or — for generators — a yielded object with `yielded` set and the resume
//! point in `ip`/`sp`. Everything else it needs from the VM goes through the helper table
//! (`helpers.rs`, in the order `emit::helpers::Helper` gives).
//!
//! This module and `helpers.rs` hold the crate's native-code `unsafe`: calling into generated code
//! and turning the context's raw pointers back into references inside helpers.

#[cfg(target_arch = "arm")]
mod exec_mem;
pub mod helpers;
#[cfg(feature = "jit")]
pub mod jit;
pub mod thumb;

use crate::interp::eval::Exit;
use crate::interp::frame::Frame;
use crate::obj::func::CodeObj;
use crate::value::Value;
use crate::vm::{INTERRUPTED, PyErr, PyResult, Vm};
use frontend::bytecode::Emitter;
use frontend::bytecode::code::flags;

/// The context shared by native code and helpers; `#[repr(C)]` in the word order of
/// `emit::helpers::ctx`, followed by fields only Rust uses.
#[repr(C)]
pub struct NativeCtx {
    vm: *mut Vm,
    frame: *mut Frame,
    slots: *const Value,
    consts: *const Value,
    ip: usize,
    sp: usize,
    yielded: usize,
    pending: usize,
    aux: usize,
    interrupt: *const u8,
    cell_base: usize,
    stack_base: usize,
    helpers: *const usize,
    globals_version: *const u64,
    builtins_version: *const u64,
    global_cache: *const crate::obj::func::GlobalCache,
    attr_cache: *const crate::obj::func::NameCache,
    generation: *const u64,
    names: *const Value,
    /// The pending exception is being re-raised: add no traceback entry for it.
    reraise: bool,
}

const _: () = {
    use emit::helpers::ctx;
    let w = core::mem::size_of::<usize>();
    assert!(core::mem::offset_of!(NativeCtx, vm) == ctx::VM as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, frame) == ctx::FRAME as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, slots) == ctx::SLOTS as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, consts) == ctx::CONSTS as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, ip) == ctx::IP as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, sp) == ctx::SP as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, yielded) == ctx::YIELDED as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, pending) == ctx::PENDING as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, aux) == ctx::AUX as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, interrupt) == ctx::INTERRUPT as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, cell_base) == ctx::CELL_BASE as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, stack_base) == ctx::STACK_BASE as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, helpers) == ctx::HELPERS as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, globals_version) == ctx::GLOBALS_VERSION as usize * w);
    assert!(
        core::mem::offset_of!(NativeCtx, builtins_version) == ctx::BUILTINS_VERSION as usize * w
    );
    assert!(core::mem::offset_of!(NativeCtx, global_cache) == ctx::GLOBAL_CACHE as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, attr_cache) == ctx::ATTR_CACHE as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, generation) == ctx::GENERATION as usize * w);
    assert!(core::mem::offset_of!(NativeCtx, names) == ctx::NAMES as usize * w);
};

/// Whether code compiled for `emitter` runs as machine code (module and class bodies stay
/// bytecode: they run once).
pub fn wants_native(code: &frontend::bytecode::CodeObject) -> bool {
    matches!(code.emitter, Emitter::Native | Emitter::Viper) && code.flags & flags::NAMESPACE == 0
}

/// Compile the code object `code_value` to machine code if it asks for it, recording the entry
/// address in it (0 runs it as bytecode). Lowering errors are the `SyntaxError`/`ViperTypeError`/
/// `NotImplementedError` a MicroPython compiler raises for the same function, with a traceback
/// entry naming the function and the line of the construct.
pub fn compile(vm: &mut Vm, code_value: Value) -> PyResult<()> {
    let Some(obj) = code_value.as_ref::<crate::obj::func::CodeObj>() else {
        return Ok(());
    };
    let view;
    let info = if wants_native(&obj.info) && obj.info.consts.is_empty() {
        view = with_number_consts(obj);
        &view
    } else {
        &*obj.info
    };
    match compile_code(vm, code_value, info) {
        Ok(owner) => {
            obj.native_owner.set(owner);
            Ok(())
        }
        Err((e, line)) => {
            crate::ops::traceback::add_entry(vm, e.0, code_value, line);
            Err(e)
        }
    }
}

/// The code object as the lowering needs it: the loader has moved the constants into the
/// `consts` tuple; integer literals that fit a machine word (viper's machine integers) and
/// float literals (which tell native code to inline float arithmetic) come back.
fn with_number_consts(obj: &crate::obj::func::CodeObj) -> frontend::bytecode::CodeObject {
    use frontend::bytecode::code::Const;
    let mut code = (*obj.info).clone();
    code.consts = crate::obj::tuple::items(obj.consts)
        .iter()
        .map(|&v| {
            if let Some(x) = v.as_ref::<crate::obj::FloatObj>() {
                return Const::Float(x.value);
            }
            crate::obj::int::to_bigint(v)
                .and_then(|b| i64::try_from(b).ok())
                .map_or(Const::None, Const::Int)
        })
        .collect();
    code
}

/// The owner of a compiled function's machine code (`None`: it stays bytecode).
type Compiled = Option<alloc::rc::Rc<dyn core::any::Any>>;

/// End the current unit of code memory (the end of loading one source): the machine code
/// compiled into it becomes callable, and the next source gets a unit of its own. `loaded` says
/// whether the source's code tree was built.
pub fn end_unit(vm: &mut Vm, loaded: bool) -> PyResult<()> {
    #[cfg(feature = "jit")]
    return jit::finish_unit(vm, loaded);
    #[cfg(not(feature = "jit"))]
    {
        let _ = (vm, loaded);
        Ok(())
    }
}

fn compile_code(
    vm: &mut Vm,
    code_value: Value,
    code: &frontend::bytecode::CodeObject,
) -> Result<Compiled, (PyErr, u32)> {
    if code.emitter == Emitter::AsmThumb {
        return thumb::load(vm, code).map(Some);
    }
    if !wants_native(code) {
        return Ok(None);
    }
    let mode = if code.emitter == Emitter::Viper {
        emit::lower::Mode::Viper
    } else {
        emit::lower::Mode::Native
    };
    let word = core::mem::size_of::<usize>() as u32;
    let ir = match emit::lower::lower_with(code, mode, word, Some(layout(vm))) {
        Ok(f) => f,
        Err(e) => return Err((lowering_error(vm, &e), e.line)),
    };
    if cfg!(debug_assertions)
        && let Err(e) = emit::verify::verify(&ir)
    {
        let e = vm.new_exc(
            crate::types::ExcKind::SystemError,
            &alloc::format!("native code for '{}': {e}", code.qualname),
        );
        return Err((e, code.first_line));
    }
    backend_compile(vm, code_value, code, &ir).map_err(|e| (e, code.first_line))
}

#[cfg(feature = "jit")]
fn backend_compile(
    vm: &mut Vm,
    code_value: Value,
    code: &frontend::bytecode::CodeObject,
    ir: &emit::ir::Function,
) -> PyResult<Compiled> {
    jit::compile(vm, code_value, code, ir).map(Some)
}

/// On 32-bit Arm (Linux hosts, which Cranelift does not serve, and Cortex-M boards) native code
/// is the Thumb-2 backend's, placed in executable memory of its own.
#[cfg(all(not(feature = "jit"), target_arch = "arm"))]
fn backend_compile(
    vm: &mut Vm,
    code_value: Value,
    code: &frontend::bytecode::CodeObject,
    ir: &emit::ir::Function,
) -> PyResult<Compiled> {
    let compiled = native_thumb::codegen::compile(ir, thumb::HOST_ISA).map_err(|e| {
        vm.new_exc(
            crate::types::ExcKind::SystemError,
            &alloc::format!("native code for '{}': {}", code.qualname, e.message),
        )
    })?;
    let memory = exec_mem::ExecMemory::new(&compiled.code)
        .map_err(|e| vm.new_exc(crate::types::ExcKind::MemoryError, &e))?;
    if let Some(obj) = code_value.as_ref::<CodeObj>() {
        obj.native.set(memory.entry());
    }
    Ok(Some(alloc::rc::Rc::new(memory)))
}

#[cfg(not(any(feature = "jit", target_arch = "arm")))]
fn backend_compile(
    vm: &mut Vm,
    _code_value: Value,
    code: &frontend::bytecode::CodeObject,
    _ir: &emit::ir::Function,
) -> PyResult<Compiled> {
    Err(vm.not_implemented(alloc::format!(
        "native code for '{}': this build has no native-code backend",
        code.qualname
    )))
}

/// Where native code finds the fields of built-in objects it reads inline.
fn layout(vm: &Vm) -> emit::helpers::Layout {
    use crate::obj::FloatObj;
    use crate::obj::dict::DictObj;
    use crate::obj::func::{AttrCache, GlobalCache, MethodSite, NameCache};
    use crate::obj::{Header, IterKind, IterObj, ValueArray, list::ListObj};
    use core::mem::offset_of;
    // Every object is `#[repr(C)]` with its `Header` first.
    emit::helpers::Layout {
        type_ptr: offset_of!(Header, ty) as i32,
        iter_type: vm.types.iterator.as_ptr() as u64,
        iter_kind: offset_of!(IterObj, iter_kind) as i32,
        iter_a: offset_of!(IterObj, a) as i32,
        iter_index: offset_of!(IterObj, index) as i32,
        iter_end: offset_of!(IterObj, end) as i32,
        kind_range: IterKind::Range as u8,
        kind_list: IterKind::List as u8,
        kind_done: IterKind::Done as u8,
        range_type: vm.types.range.as_ptr() as u64,
        cell_value: offset_of!(crate::obj::CellObj, value) as i32,
        list_type: vm.types.list.as_ptr() as u64,
        list_storage: offset_of!(ListObj, storage) as i32,
        list_len: offset_of!(ListObj, len) as i32,
        array_items: ValueArray::ITEMS_OFFSET as i32,
        tuple_type: vm.types.tuple.as_ptr() as u64,
        tuple_len: crate::obj::tuple::TupleObj::LEN_OFFSET as i32,
        tuple_items: crate::obj::tuple::TupleObj::ITEMS_OFFSET as i32,
        float_type: vm.types.float.as_ptr() as u64,
        float_value: offset_of!(FloatObj, value) as i32,
        dict_entries: offset_of!(DictObj, entries) as i32,
        dict_filled: offset_of!(DictObj, filled) as i32,
        dict_version: offset_of!(DictObj, version) as i32,
        type_dict_offset: offset_of!(crate::obj::TypeObj, dict_offset) as i32,
        type_flags: offset_of!(crate::obj::TypeObj, flags) as i32,
        custom_setattr: crate::obj::typeobj::flags::HAS_SETATTR
            | crate::obj::typeobj::flags::HAS_GETATTRIBUTE,
        attr_cache_size: core::mem::size_of::<NameCache>() as i32,
        attr_way_size: core::mem::size_of::<AttrCache>() as i32,
        attr_ty: offset_of!(AttrCache, ty) as i32,
        attr_generation: offset_of!(AttrCache, generation) as i32,
        attr_index: offset_of!(AttrCache, index) as i32,
        method_site: offset_of!(NameCache, method) as i32,
        method_ty: offset_of!(MethodSite, ty) as i32,
        method_generation: offset_of!(MethodSite, generation) as i32,
        method_value: offset_of!(MethodSite, method) as i32,
        method_shadowable: offset_of!(MethodSite, shadowable) as i32,
        global_cache_size: core::mem::size_of::<GlobalCache>() as i32,
        cache_globals_version: offset_of!(GlobalCache, globals_version) as i32,
        cache_builtins_version: offset_of!(GlobalCache, builtins_version) as i32,
        cache_index: offset_of!(GlobalCache, index) as i32,
    }
}

fn lowering_error(vm: &mut Vm, e: &emit::lower::LowerError) -> PyErr {
    use emit::lower::ErrorKind;
    let kind = match e.kind {
        ErrorKind::Syntax => crate::types::ExcKind::SyntaxError,
        ErrorKind::ViperType => crate::types::ExcKind::ViperTypeError,
        ErrorKind::NotImplemented => crate::types::ExcKind::NotImplementedError,
    };
    vm.new_exc(kind, &e.msg)
}

/// The stamp native code reads for globals that are not a dict: no dict has it, so no cached
/// lookup matches.
pub const NO_DICT_STAMP: *const u64 = &NO_DICT;
static NO_DICT: u64 = u64::MAX;

/// Where native code reads the version stamp of the dict `d` (`NO_DICT_STAMP` when `d` is not
/// a dict).
#[inline(always)]
pub fn version_stamp(d: Value) -> *const u64 {
    crate::obj::dict::as_dict(d).map_or(NO_DICT_STAMP, |d| d.version.as_ptr().cast_const())
}

/// Run `f`, whose code has machine code at `entry`, until it returns, yields or raises.
#[inline(always)]
pub fn run(vm: &mut Vm, f: &mut Frame, entry: usize) -> PyResult<Exit> {
    let mut ctx = NativeCtx {
        vm: vm as *mut Vm,
        frame: f as *mut Frame,
        slots: f.slots.as_ptr().cast::<Value>(),
        consts: f.code.consts_items,
        ip: f.ip,
        sp: f.sp - f.stack_base,
        yielded: 0,
        pending: 0,
        aux: 0,
        interrupt: INTERRUPTED.as_ptr().cast_const().cast::<u8>(),
        cell_base: f.cell_base,
        stack_base: f.stack_base,
        helpers: vm.helper_table.as_ptr(),
        globals_version: version_stamp(f.globals),
        builtins_version: vm.builtins_stamp,
        global_cache: f.code.global_cache.as_ptr().cast(),
        attr_cache: f.code.attr_cache.as_ptr(),
        generation: vm.method_cache.generation_ptr(),
        names: f.code.names_items,
        reraise: false,
    };
    // SAFETY: `entry` is the address of a function the backend compiled for this code object
    // with the signature `extern "C" fn(*mut NativeCtx) -> usize`; its code memory lives as long
    // as the VM. The context outlives the call, and `vm`/`f` are not used until it returns (the
    // helpers reach them only through the context).
    let r = unsafe {
        let code: extern "C" fn(*mut NativeCtx) -> usize = core::mem::transmute(entry);
        code(&mut ctx)
    };
    if r == 0 {
        return Err(PyErr(Value::from_bits(ctx.pending)));
    }
    let v = Value::from_bits(r);
    if ctx.yielded != 0 {
        f.ip = ctx.ip;
        f.sp = f.stack_base + ctx.sp;
        return Ok(Exit::Yield(v));
    }
    Ok(Exit::Return(v))
}

/// The machine-code entry of a code object, if it has one.
#[inline(always)]
pub fn entry_of(code: &CodeObj) -> usize {
    code.native.get()
}

#[cfg(test)]
mod tests {
    #[test]
    fn immediates_match_the_value_representation() {
        use crate::value::Value;
        use emit::helpers::imm;
        assert_eq!(imm::NONE as usize, Value::NONE.bits());
        assert_eq!(imm::TRUE as usize, Value::TRUE.bits());
        assert_eq!(imm::FALSE as usize, Value::FALSE.bits());
    }
}
