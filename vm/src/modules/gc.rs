//! The `gc` module: `collect`, `enable`/`disable`/`isenabled`, and MicroPython's `mem_free`,
//! `mem_alloc` and `threshold`.

use super::add_functions;
use crate::builtins::args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn collect(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "collect", a, kw, 0, 1)?;
    let before = vm.heap.stats().objects;
    vm.collect_now();
    let after = vm.heap.stats().objects;
    Ok(Value::small_int(before.saturating_sub(after) as isize))
}

fn enable(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "enable", a, kw, 0)?;
    vm.gc_enabled = true;
    Ok(Value::NONE)
}

fn disable(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "disable", a, kw, 0)?;
    vm.gc_enabled = false;
    Ok(Value::NONE)
}

fn isenabled(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "isenabled", a, kw, 0)?;
    Ok(Value::from_bool(vm.gc_enabled))
}

fn mem_free(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "mem_free", a, kw, 0)?;
    let s = vm.heap.stats();
    vm.int_from_i64(s.free as i64)
}

fn mem_alloc(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "mem_alloc", a, kw, 0)?;
    let s = vm.heap.stats();
    vm.int_from_i64(s.used as i64)
}

fn threshold(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "threshold", a, kw, 0, 1)?;
    // As in MicroPython, the threshold is kept in whole blocks, and -1 means none.
    let block = crate::gc::BLOCK_SIZE;
    if a.is_empty() {
        if vm.gc_threshold == usize::MAX {
            return Ok(Value::small_int(-1));
        }
        return vm.int_from_i64((vm.gc_threshold / block * block) as i64);
    }
    let n = crate::ops::arith::index_of(vm, a[0])?;
    vm.gc_threshold_fixed = true;
    vm.gc_threshold = if n < 0 {
        usize::MAX
    } else {
        n as usize / block * block
    };
    Ok(Value::NONE)
}

/// Build the `gc` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("gc")?;
    add_functions(
        vm,
        m,
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("mem_free", mem_free),
            ("mem_alloc", mem_alloc),
            ("threshold", threshold),
        ],
    )?;
    Ok(m)
}
