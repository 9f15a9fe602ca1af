//! `machine`: the board's memory-mapped registers (`mem8`, `mem16`, `mem32`), `reset`, `freq`,
//! `idle` and `unique_id`, as MicroPython's ports have them. The machine itself is the host's
//! (`Host::read_memory` and friends); on a host process without memory-mapped devices these
//! raise `NotImplementedError` rather than touch the process's own memory.

use crate::builtins::args;
use crate::modules::add_functions;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{MemoryAccess, PyResult, Vm};
use alloc::format;

/// An int argument as a machine word (big ints keep their low bits, as MicroPython's do).
fn word_arg(vm: &mut Vm, what: &str, v: Value) -> PyResult<usize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as usize);
    }
    match crate::obj::int::to_bigint(v) {
        Some(b) => Ok(crate::native::helpers::truncate(&b)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be an int, not {t}")))
        }
    }
}

/// The address and width (1, 2 or 4) arguments, checked for alignment.
fn address_arg(vm: &mut Vm, a: &[Value]) -> PyResult<(usize, u8)> {
    let address = word_arg(vm, "address", a[0])?;
    let width = match a[1].as_small_int() {
        Some(w @ (1 | 2 | 4)) => w as u8,
        _ => return Err(vm.new_exc(ExcKind::ValueError, "memory width must be 1, 2 or 4")),
    };
    if address % width as usize != 0 {
        return Err(vm.new_exc(
            ExcKind::ValueError,
            &format!("address {address:08x} is not aligned to {width} bytes"),
        ));
    }
    Ok((address, width))
}

fn access_error(vm: &mut Vm, e: MemoryAccess, address: usize, width: u8) -> crate::vm::PyErr {
    match e {
        MemoryAccess::NoDevices => vm.not_implemented(format!(
            "machine.mem{}: this host has no memory-mapped devices",
            width * 8
        )),
        MemoryAccess::Unmapped => vm.new_exc(
            ExcKind::ValueError,
            &format!("address {address:08x} is outside the board's memory map"),
        ),
    }
}

/// `_read(address, width)`.
fn read(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "_read", a, kw, 2)?;
    let (address, width) = address_arg(vm, a)?;
    match vm.host.read_memory(address, width) {
        Ok(v) => vm.int_from_i64(v as i64),
        Err(e) => Err(access_error(vm, e, address, width)),
    }
}

/// `_write(address, width, value)`.
fn write(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "_write", a, kw, 3)?;
    let (address, width) = address_arg(vm, a)?;
    let value = word_arg(vm, "value", a[2])? as u32;
    match vm.host.write_memory(address, width, value) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(access_error(vm, e, address, width)),
    }
}

fn reset(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "reset", a, kw, 0)?;
    vm.host.flush();
    vm.host.reset();
    Err(vm.not_implemented("machine.reset: this host cannot be reset"))
}

fn freq(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "freq", a, kw, 0, 1)?;
    if !a.is_empty() {
        return Err(vm.not_implemented("machine.freq: the clock cannot be changed"));
    }
    match vm.host.cpu_freq() {
        Some(hz) => vm.int_from_i64(hz as i64),
        None => Err(vm.not_implemented("machine.freq: this host's clock is not known")),
    }
}

fn idle(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "idle", a, kw, 0)?;
    vm.host.idle();
    Ok(Value::NONE)
}

fn unique_id(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "unique_id", a, kw, 0)?;
    let id = vm.host.unique_id();
    vm.new_bytes(&id)
}

/// Build the `machine` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("machine")?;
    add_functions(
        vm,
        m,
        &[
            ("_read", read),
            ("_write", write),
            ("reset", reset),
            ("freq", freq),
            ("idle", idle),
            ("unique_id", unique_id),
        ],
    )?;
    super::types_::run_python(vm, m, &crate::pylib::MACHINE, "<machine>")?;
    Ok(m)
}
