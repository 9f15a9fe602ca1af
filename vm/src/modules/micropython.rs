//! The `micropython` module: `const`, `opt_level`, `mem_info`, `heap_lock`/`heap_unlock`,
//! `kbd_intr`, `schedule`, `RingIO`, and the code-emitter decorators as run-time identities (the
//! compiler recognises them statically; these make `from micropython import native` importable).

use super::add_functions;
use crate::builtins::args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The module's `__getattr__` (PEP 562): makes `RingIO` on first use.
fn lazy_attr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "__getattr__", a, kw, 1)?;
    let name = vm.str_of(a[0]).unwrap_or("");
    let m = vm
        .dict_get_str(vm.modules, "micropython")?
        .unwrap_or(Value::NONE);
    if name == "RingIO" && !m.is_none() {
        super::types_::run_python(vm, m, &crate::pylib::MICROPYTHON_RINGIO, "<micropython>")?;
        let d = vm.module_dict(m);
        if let Some(v) = vm.dict_get_str(d, "RingIO")? {
            return Ok(v);
        }
    }
    Err(vm.attribute_error(alloc::format!(
        "module 'micropython' has no attribute '{name}'"
    )))
}

fn const_(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "const", a, kw, 1)?;
    Ok(a[0])
}

fn identity(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "decorator", a, kw, 1)?;
    Ok(a[0])
}

fn opt_level(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "opt_level", a, kw, 0, 1)?;
    if a.is_empty() {
        let level = vm.config.opt_level.max(vm.config.optimize as u8);
        return Ok(Value::small_int(level as isize));
    }
    let n = crate::ops::arith::index_of(vm, a[0])?;
    vm.config.optimize = n > 0;
    vm.config.opt_level = n.clamp(0, 3) as u8;
    Ok(Value::NONE)
}

fn mem_info(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "mem_info", a, kw, 0, 1)?;
    let verbose = match a.first() {
        Some(&v) => vm.truthy(v)?,
        None => false,
    };
    let s = vm.heap.stats();
    let (one, two, largest) = vm.heap.extent_summary();
    let stack_used = stack_in_use(vm);
    let (total, peak) = (vm.allocated_total(), vm.peak_used());
    let mut text = alloc::format!(
        "mem: total={}, current={}, peak={}\nstack: {} out of {}\nGC: total: {}, used: {}, \
         free: {}\n No. of 1-blocks: {}, 2-blocks: {}, max blk sz: {}, max free sz: {}\n",
        total,
        s.used,
        peak,
        stack_used,
        vm.config.stack_size,
        s.total,
        s.used,
        s.free,
        one,
        two,
        largest,
        s.max_free_run / crate::gc::BLOCK_SIZE
    );
    if verbose {
        text.push_str(&vm.heap.layout());
    }
    crate::builtins::io::write_stdout(vm, &text)?;
    Ok(Value::NONE)
}

/// `mem_total()`: bytes allocated over the whole run.
fn mem_total(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "mem_total", a, kw, 0)?;
    let n = vm.allocated_total();
    vm.int_from_i64(n as i64)
}

/// `mem_current()`: heap bytes in use now.
fn mem_current(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "mem_current", a, kw, 0)?;
    vm.int_from_i64(vm.heap.used_bytes() as i64)
}

/// `mem_peak()`: the most heap bytes in use seen (at collections and at these queries).
fn mem_peak(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "mem_peak", a, kw, 0)?;
    let n = vm.peak_used();
    vm.int_from_i64(n as i64)
}

/// `alloc_emergency_exception_buf(size)`: MicroPython reserves memory so an interrupt handler
/// can raise while the heap is locked. Pyrite's MemoryError and interrupt exceptions are made
/// at start-up, so there is nothing to reserve; the size is still checked.
fn alloc_emergency_exception_buf(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "alloc_emergency_exception_buf", a, kw, 1)?;
    crate::ops::arith::index_of(vm, a[0])?;
    Ok(Value::NONE)
}

fn qstr_info(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "qstr_info", a, kw, 0, 1)?;
    let n = vm.interner.len();
    let bytes = vm.interner.data_bytes();
    let text = alloc::format!(
        "qstr pool: n_pool=1, n_qstr={n}, n_str_data_bytes={bytes}, n_total_bytes={bytes}\n"
    );
    crate::builtins::io::write_stdout(vm, &text)?;
    Ok(Value::NONE)
}

fn heap_lock(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "heap_lock", a, kw, 0)?;
    vm.heap.lock();
    Ok(Value::NONE)
}

fn heap_unlock(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "heap_unlock", a, kw, 0)?;
    let depth = vm.heap.lock_depth();
    if depth > 0 {
        vm.heap.unlock();
    }
    Ok(Value::small_int(vm.heap.lock_depth() as isize))
}

fn heap_locked(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "heap_locked", a, kw, 0)?;
    Ok(Value::small_int(vm.heap.lock_depth() as isize))
}

fn kbd_intr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "kbd_intr", a, kw, 1)?;
    Ok(Value::NONE)
}

fn schedule(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    // `schedule(kbd_intr)` alone schedules a KeyboardInterrupt (as MicroPython does).
    if a.len() == 1
        && crate::obj::tuple::items(kw).is_empty()
        && a[0]
            .as_ref::<crate::obj::func::BuiltinObj>()
            .is_some_and(|b| b.name == "kbd_intr")
    {
        vm.schedule_keyboard_interrupt();
        return Ok(Value::NONE);
    }
    args::exact(vm, "schedule", a, kw, 2)?;
    vm.schedule(a[0], a[1])?;
    Ok(Value::NONE)
}

fn stack_use(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "stack_use", a, kw, 0)?;
    Ok(Value::small_int(stack_in_use(vm) as isize))
}

/// Bytes of native stack between the interpreter's top and here.
#[inline(never)]
fn stack_in_use(vm: &Vm) -> usize {
    let here = 0usize;
    vm.heap
        .stack_top()
        .saturating_sub(core::hint::black_box(core::ptr::addr_of!(here)) as usize)
}

/// Build the `micropython` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("micropython")?;
    add_functions(
        vm,
        m,
        &[
            ("const", const_),
            ("opt_level", opt_level),
            ("mem_info", mem_info),
            ("qstr_info", qstr_info),
            ("heap_lock", heap_lock),
            ("heap_unlock", heap_unlock),
            ("heap_locked", heap_locked),
            ("kbd_intr", kbd_intr),
            ("schedule", schedule),
            ("stack_use", stack_use),
            ("mem_total", mem_total),
            ("mem_current", mem_current),
            ("mem_peak", mem_peak),
            (
                "alloc_emergency_exception_buf",
                alloc_emergency_exception_buf,
            ),
            ("__getattr__", lazy_attr),
            ("native", identity),
            ("viper", identity),
            ("bytecode", identity),
            ("asm_thumb", identity),
        ],
    )?;
    Ok(m)
}
