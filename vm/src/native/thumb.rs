//! `@micropython.asm_thumb` functions: their instructions are assembled (by `native-thumb`) when
//! their code is loaded, so an assembler error is a SyntaxError naming the line even on a host
//! that cannot run the result; where the process itself runs Thumb code (32-bit Arm), the code
//! is placed in executable memory and calls run it, converting arguments and the result as
//! MicroPython does.

use alloc::rc::Rc;
use alloc::string::String;

use crate::obj::func::CodeObj;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use frontend::bytecode::CodeObject;
use native_thumb::Isa;
use native_thumb::inline::{InlineCode, InlineError, ReturnKind};

/// The instruction set this process's Thumb code is built for. Arm's target features are not
/// visible to `cfg` on stable Rust, so the profile is read from what is: hard-float targets
/// (Linux `gnueabihf`, `thumbv7em-none-eabihf`) have the FPv4-SP unit, bare-metal soft-float
/// targets without 32-bit atomics are ARMv6-M, the other soft-float ones ARMv7-M. Hosts that
/// cannot run the code assemble for the widest profile, so every instruction is accepted.
pub const HOST_ISA: Isa = if cfg!(any(not(target_arch = "arm"), target_abi = "eabihf")) {
    Isa::ArmV7EMSP
} else if cfg!(all(target_os = "none", not(target_has_atomic = "32"))) {
    Isa::ArmV6M
} else {
    Isa::ArmV7M
};

/// Assemble `code`'s body for `isa`. Errors about the signature (parameter names, the return
/// annotation) are placed on the `def` line.
pub fn assemble(code: &CodeObject, isa: Isa) -> Result<InlineCode, InlineError> {
    let body = code.asm.clone().unwrap_or_default();
    let params = &code.varnames[..(code.argcount as usize).min(code.varnames.len())];
    let ret = code
        .annotations
        .iter()
        .find(|(n, _)| n == "return")
        .map(|(_, t)| t.as_str());
    native_thumb::inline::assemble(&body, params, ret, isa).map_err(|mut e| {
        if e.line == 0 {
            e.line = code.first_line;
        }
        e
    })
}

/// Every asm_thumb function in `code` and the code nested in it, assembled for `isa`: the
/// first error, with the function it is in.
pub fn check_tree(code: &CodeObject, isa: Isa) -> Result<(), InlineError> {
    if code.asm.is_some() {
        assemble(code, isa)?;
    }
    for c in &code.consts {
        if let frontend::bytecode::Const::Code(inner) = c {
            check_tree(inner, isa)?;
        }
    }
    Ok(())
}

/// A loaded asm_thumb function: its machine code (where this host can run it) and how its
/// result converts.
pub struct ThumbFunction {
    #[cfg(target_arch = "arm")]
    memory: super::exec_mem::ExecMemory,
    ret: ReturnKind,
}

/// Assemble an asm_thumb code object for this host when it loads: the owner recorded in the
/// code object (`None` never: errors were reported at compile time, so one here is an internal
/// fault reported as SyntaxError).
pub fn load(vm: &mut Vm, code: &CodeObject) -> Result<Rc<dyn core::any::Any>, (PyErr, u32)> {
    let assembled = assemble(code, HOST_ISA).map_err(|e| {
        (
            vm.new_exc(crate::types::ExcKind::SyntaxError, &e.message),
            e.line,
        )
    })?;
    #[cfg(target_arch = "arm")]
    {
        let memory = super::exec_mem::ExecMemory::new(&assembled.code).map_err(|e| {
            (
                vm.new_exc(crate::types::ExcKind::MemoryError, &e),
                code.first_line,
            )
        })?;
        Ok(Rc::new(ThumbFunction {
            memory,
            ret: assembled.ret,
        }))
    }
    #[cfg(not(target_arch = "arm"))]
    {
        let _ = vm;
        Ok(Rc::new(ThumbFunction { ret: assembled.ret }))
    }
}

/// Call an asm_thumb function with positional `args`.
pub fn call(vm: &mut Vm, code: &CodeObj, args: &[Value], kwnames: Value) -> PyResult<Value> {
    let name = String::from(code.info.name.as_str());
    if !crate::obj::tuple::items(kwnames).is_empty() {
        return Err(vm.type_error(alloc::format!(
            "{name}() takes no keyword arguments (an asm_thumb function)"
        )));
    }
    let expected = code.info.argcount as usize;
    if args.len() != expected {
        return Err(vm.type_error(alloc::format!(
            "{name}() takes {expected} positional arguments but {} were given",
            args.len()
        )));
    }
    let owner = code.native_owner.take();
    code.native_owner.set(owner.clone());
    let Some(f) = owner
        .as_ref()
        .and_then(|o| o.downcast_ref::<ThumbFunction>())
    else {
        return Err(vm.not_implemented(alloc::format!(
            "@micropython.asm_thumb function '{name}': it was not assembled"
        )));
    };
    let ret = f.ret;
    let word = run(vm, f, &name, args)?;
    Ok(match ret {
        ReturnKind::Int => vm.int_from_i64(word as i32 as i64)?,
        ReturnKind::Uint => vm.int_from_i64(word as i64)?,
        ReturnKind::Bool => Value::from_bool(word != 0),
        // The word is whatever object pointer the code left in r0 (as in MicroPython).
        ReturnKind::Object => Value::from_bits(word as usize),
    })
}

/// One argument as a machine word, as MicroPython converts it for inline assembler: ints (big
/// ones truncated), None/False 0, True 1, str its UTF-8 data, a float truncated to an int, a
/// tuple or list its item array, a buffer its data, anything else the object itself.
fn argument_word(vm: &mut Vm, v: Value) -> PyResult<u32> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as u32);
    }
    match v {
        Value::NONE | Value::FALSE => return Ok(0),
        Value::TRUE => return Ok(1),
        _ => {}
    }
    if let Some(b) = crate::obj::int::to_bigint(v) {
        return Ok(super::helpers::truncate(&b) as u32);
    }
    if let Some(f) = crate::ops::cmp::float_of(v) {
        return Ok(f as i64 as u32);
    }
    if let Some(s) = vm.str_of(v) {
        return Ok(s.as_ptr() as usize as u32);
    }
    match v.obj_kind() {
        Some(crate::obj::Kind::Tuple) => {
            return Ok(crate::obj::tuple::items(v).as_ptr() as usize as u32);
        }
        Some(crate::obj::Kind::List) => {
            let l = v.as_ref::<crate::obj::list::ListObj>().expect("list");
            return Ok(l.items().as_ptr() as usize as u32);
        }
        _ => {}
    }
    if let Some(a) = crate::ops::buffer::address_of(vm, v) {
        return Ok(a as u32);
    }
    Ok(v.bits() as u32)
}

#[cfg(target_arch = "arm")]
fn run(vm: &mut Vm, f: &ThumbFunction, _name: &str, args: &[Value]) -> PyResult<u32> {
    let mut words = [0u32; super::exec_mem::MAX_ARGS];
    if args.len() > words.len() {
        return Err(vm.type_error(alloc::format!(
            "an asm_thumb function takes at most {} arguments",
            words.len()
        )));
    }
    for (w, &a) in words.iter_mut().zip(args) {
        *w = argument_word(vm, a)?;
    }
    Ok(f.memory.call(&words))
}

#[cfg(not(target_arch = "arm"))]
fn run(vm: &mut Vm, f: &ThumbFunction, name: &str, args: &[Value]) -> PyResult<u32> {
    // The arguments still convert (their errors first), but the code cannot run here.
    for &a in args {
        argument_word(vm, a)?;
    }
    let _ = f;
    Err(vm.not_implemented(alloc::format!(
        "@micropython.asm_thumb function '{name}': Thumb-2 machine code cannot run on this host \
         (compile it for a board with `pyrite --thumb=<target> file.py`)"
    )))
}
