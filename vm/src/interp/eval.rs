//! The bytecode interpreter loop. Each arm is a few lines; anything longer lives in the module
//! that owns the concern (`ops::*` for operators and attributes, `interp::call` for calls,
//! `interp::gen` for generators, `import` for imports). Errors are values: an arm that fails
//! returns `Err`, and `run` finds the handler in the exception table or propagates.

use super::frame::{Frame, cells_as_values};
use crate::obj::list::ListObj;
use crate::obj::tuple;
use crate::obj::{CellObj, FloatObj};
use crate::ops;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use frontend::bytecode::code::decode;
use frontend::bytecode::opcodes::codes;
use frontend::bytecode::{BinaryOperator, Comparison, INPLACE, UnaryOperator};

/// How a frame stopped running.
pub enum Exit {
    /// `return value`.
    Return(Value),
    /// `yield value` (generators): the frame can be resumed.
    Yield(Value),
}

/// Run `f` until it returns, yields, or raises an exception it does not handle.
pub fn run(vm: &mut Vm, f: &mut Frame) -> PyResult<Exit> {
    let saved = vm.current_frame;
    vm.current_frame = Value::from_array(f.block);
    let native = crate::native::entry_of(f.code);
    let r = if native != 0 {
        crate::native::run(vm, f, native)
    } else {
        run_inner(vm, f)
    };
    vm.current_frame = saved;
    r
}

fn run_inner(vm: &mut Vm, f: &mut Frame) -> PyResult<Exit> {
    loop {
        let mut reraise = false;
        match exec::<false>(vm, f, &mut reraise) {
            Ok(exit) => return Ok(exit),
            Err(e) => {
                if !reraise {
                    record_raise(vm, f, e);
                }
                match f.code.info.handler_for(f.ip.saturating_sub(1)) {
                    Some(h) => {
                        for s in &f.slots[f.stack_base + h.depth as usize..f.sp] {
                            s.set(Value::NULL);
                        }
                        f.sp = f.stack_base + h.depth as usize;
                        f.push(e.0);
                        f.ip = h.handler as usize;
                    }
                    None => return Err(e),
                }
            }
        }
    }
}

/// Add this frame to the exception's traceback and chain the exception being handled.
#[cold]
pub fn record_raise(vm: &mut Vm, f: &Frame, e: PyErr) {
    let line = f.line();
    // Only where it is raised (its traceback is still empty) does an exception take the one
    // being handled as its context; frames it merely passes through leave it alone.
    let fresh = ops::traceback::traceback_of(e.0)
        .as_ref::<crate::obj::list::ListObj>()
        .is_none_or(|l| l.is_empty());
    ops::traceback::add_entry(vm, e.0, Value::from_ref(f.code), line);
    if fresh {
        ops::traceback::chain_context(vm.handled, e.0);
    }
}

#[inline(always)]
fn name_at(f: &Frame, i: u32) -> Value {
    tuple::items(f.code.names)[i as usize]
}

/// Native code: run the one instruction at `f.ip` (never a jump, return or yield).
pub fn step(vm: &mut Vm, f: &mut Frame, reraise: &mut bool) -> PyResult<()> {
    exec::<true>(vm, f, reraise).map(|_| ())
}

/// Native code: run the `Call` or `CallMethod` instruction at `ip` on the operands at the top
/// of the stack and return its result (the operands are popped).
#[inline(always)]
pub fn call_at(vm: &mut Vm, f: &mut Frame, ip: usize) -> PyResult<Value> {
    let (byte, arg) = decode(f.code.info.code[ip]);
    let n = arg as usize;
    // The callee and its arguments (with `self` when `LOAD_METHOD` found a method) sit at the
    // top of the stack; `used` entries are popped after the call.
    let (callee, args, used) = if byte == codes::Call {
        (f.peek(n), f.top_n(n), n + 1)
    } else if f.peek(n).is_null() {
        (f.peek(n + 1), f.top_n(n), n + 2)
    } else {
        (f.peek(n + 1), f.top_n(n + 1), n + 2)
    };
    let args = cells_as_values(args);
    let r = match super::call::plain_function(callee, args.len()) {
        Some((func, code)) => super::call::call_plain_inline(vm, callee, func, code, args)?,
        None => vm.call_kw(callee, args, Value::NULL)?,
    };
    pop_n(f, used);
    Ok(r)
}

/// Native code: run the `BUILD_*` or `MAKE_FUNCTION` instruction at `ip` on the operands at
/// the top of the stack and return the object it makes (the operands are popped).
pub fn build_at(vm: &mut Vm, f: &mut Frame, ip: usize) -> PyResult<Value> {
    let (byte, arg) = decode(f.code.info.code[ip]);
    if byte == codes::MakeFunction {
        return super::call::make_function(vm, f, arg);
    }
    build(vm, f, byte, arg)
}

/// `BUILD_TUPLE`, `BUILD_LIST`, `BUILD_SET`, `BUILD_MAP`, `BUILD_SLICE` or `BUILD_STRING` (as
/// `byte`) of the top operands, which are popped.
#[inline(always)]
fn build(vm: &mut Vm, f: &mut Frame, byte: u8, arg: u32) -> PyResult<Value> {
    let n = arg as usize;
    let (v, used) = match byte {
        codes::BuildTuple => (vm.new_tuple(cells_as_values(f.top_n(n)))?, n),
        codes::BuildList => (vm.new_list(cells_as_values(f.top_n(n)))?, n),
        codes::BuildSet => {
            let s = vm.new_set()?;
            for &v in cells_as_values(f.top_n(n)) {
                vm.set_add(s, v)?;
            }
            (s, n)
        }
        codes::BuildMap => {
            let d = vm.new_dict()?;
            for pair in cells_as_values(f.top_n(2 * n)).chunks(2) {
                vm.dict_set(d, pair[0], pair[1])?;
            }
            (d, 2 * n)
        }
        codes::BuildSlice => {
            let step = if n == 3 { f.peek(0) } else { Value::NONE };
            let (start, stop) = (f.peek(n - 1), f.peek(n - 2));
            (vm.new_slice(start, stop, step)?, n)
        }
        codes::BuildString => (
            ops::format::concat_strs(vm, cells_as_values(f.top_n(n)))?,
            n,
        ),
        _ => return Err(vm.new_exc(ExcKind::SystemError, "not a build instruction")),
    };
    pop_n(f, used);
    Ok(v)
}

#[inline(always)]
fn call_values(vm: &mut Vm, f: &mut Frame, arg: u32) -> PyResult<Value> {
    let n = arg as usize;
    let callee = f.peek(n);
    let r = vm.call(callee, cells_as_values(f.top_n(n)))?;
    pop_n(f, n + 1);
    Ok(r)
}

#[inline(always)]
fn call_method_values(vm: &mut Vm, f: &mut Frame, arg: u32) -> PyResult<Value> {
    let n = arg as usize;
    let self_ = f.peek(n);
    let callee = f.peek(n + 1);
    let args = if self_.is_null() {
        f.top_n(n)
    } else {
        f.top_n(n + 1)
    };
    let r = vm.call(callee, cells_as_values(args))?;
    pop_n(f, n + 2);
    Ok(r)
}

#[inline(always)]
fn op_call(vm: &mut Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let r = call_values(vm, f, arg)?;
    f.push(r);
    Ok(())
}

#[inline(always)]
fn op_call_method(vm: &mut Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let r = call_method_values(vm, f, arg)?;
    f.push(r);
    Ok(())
}

#[inline(always)]
fn op_load_method(vm: &mut Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let obj = f.peek(0);
    let site = &f.code.attr_cache[arg as usize].method;
    let (m, self_) = ops::attr::load_method_cached(vm, obj, name_at(f, arg), site)?;
    f.set_top(m);
    f.push(self_);
    Ok(())
}

#[inline(always)]
fn op_load_attr(vm: &mut Vm, f: &mut Frame, arg: u32) -> PyResult<()> {
    let obj = f.peek(0);
    let cache = &f.code.attr_cache[arg as usize].ways;
    let v = ops::attr::getattr_cached(vm, obj, name_at(f, arg), cache)?;
    f.set_top(v);
    Ok(())
}

fn exec<const SINGLE: bool>(vm: &mut Vm, f: &mut Frame, reraise: &mut bool) -> PyResult<Exit> {
    let code: &'static [u32] = &f.code.info.code;
    loop {
        let word = code[f.ip];
        f.ip += 1;
        let (byte, arg) = decode(word);
        match byte {
            codes::Nop => {}
            codes::LoadConst => f.push(tuple::items(f.code.consts)[arg as usize]),
            codes::LoadSmallInt => f.push(Value::small_int(((arg << 8) as i32 >> 8) as isize)),
            codes::LoadNone => f.push(Value::NONE),
            codes::LoadTrue => f.push(Value::TRUE),
            codes::LoadFalse => f.push(Value::FALSE),
            codes::LoadFast => {
                let v = f.slots[arg as usize].get();
                if v.is_null() {
                    return Err(unbound_local(vm, f, arg as usize));
                }
                f.push(v);
            }
            codes::StoreFast => {
                let v = f.pop();
                f.slots[arg as usize].set(v);
            }
            codes::DeleteFast => {
                if f.slots[arg as usize].get().is_null() {
                    return Err(unbound_local(vm, f, arg as usize));
                }
                f.slots[arg as usize].set(Value::NULL);
            }
            codes::LoadDeref => {
                let cell = cell_at(f, arg);
                let v = cell.value.get();
                if v.is_null() {
                    return Err(unbound_deref(vm, f, arg as usize));
                }
                f.push(v);
            }
            codes::StoreDeref => {
                let v = f.pop();
                cell_at(f, arg).value.set(v);
            }
            codes::DeleteDeref => {
                let cell = cell_at(f, arg);
                if cell.value.get().is_null() {
                    return Err(unbound_deref(vm, f, arg as usize));
                }
                cell.value.set(Value::NULL);
            }
            codes::LoadClosure => f.push(f.slots[f.cell_base + arg as usize].get()),
            codes::LoadClassDeref => {
                let name = deref_name(vm, f, arg as usize);
                if let Some(v) = ops::subscr::mapping_get(vm, f.locals, name)? {
                    f.push(v);
                } else {
                    let v = cell_at(f, arg).value.get();
                    if v.is_null() {
                        return Err(unbound_deref(vm, f, arg as usize));
                    }
                    f.push(v);
                }
            }
            codes::LoadGlobal => {
                let v = load_global_cached(vm, f, arg as usize)?;
                f.push(v);
            }
            codes::StoreGlobal => {
                let v = f.pop();
                vm.dict_set(f.globals, name_at(f, arg), v)?;
            }
            codes::DeleteGlobal => {
                let name = name_at(f, arg);
                if vm.dict_remove(f.globals, name)?.is_none() {
                    return Err(name_error(vm, name));
                }
            }
            codes::LoadName => {
                // Module-level code (its namespace is its globals) looks names up through the
                // same per-name cache as LoadGlobal.
                let v = if f.locals == f.globals {
                    load_global_cached(vm, f, arg as usize)?
                } else {
                    let name = name_at(f, arg);
                    match ops::subscr::mapping_get(vm, f.locals, name)? {
                        Some(v) => v,
                        None => load_global(vm, f.globals, name)?,
                    }
                };
                f.push(v);
            }
            codes::StoreName => {
                let v = f.pop();
                ops::subscr::mapping_set(vm, f.locals, name_at(f, arg), v)?;
            }
            codes::DeleteName => {
                let name = name_at(f, arg);
                if !ops::subscr::mapping_del(vm, f.locals, name)? {
                    return Err(name_error(vm, name));
                }
            }
            codes::LoadAttr => op_load_attr(vm, f, arg)?,
            codes::StoreAttr => {
                let obj = f.pop();
                let v = f.pop();
                let cache = &f.code.attr_cache[arg as usize].ways;
                ops::attr::setattr_cached(vm, obj, name_at(f, arg), v, cache)?;
            }
            codes::DeleteAttr => {
                let obj = f.pop();
                vm.delattr(obj, name_at(f, arg))?;
            }
            codes::LoadMethod => op_load_method(vm, f, arg)?,
            codes::CallMethod => op_call_method(vm, f, arg)?,
            codes::BinarySubscr => {
                let key = f.pop();
                let obj = f.peek(0);
                let v = match (list_index(vm, obj, key), key.as_small_int()) {
                    (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => {
                        l.items()[i as usize].get()
                    }
                    _ => ops::subscr::getitem(vm, obj, key)?,
                };
                f.set_top(v);
            }
            codes::StoreSubscr => {
                let key = f.pop();
                let obj = f.pop();
                let v = f.pop();
                match (list_index(vm, obj, key), key.as_small_int()) {
                    (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => {
                        l.items()[i as usize].set(v)
                    }
                    _ => ops::subscr::setitem(vm, obj, key, v)?,
                }
            }
            codes::DeleteSubscr => {
                let key = f.pop();
                let obj = f.pop();
                ops::subscr::delitem(vm, obj, key)?;
            }
            codes::BinaryOp => {
                let b = f.pop();
                let a = f.peek(0);
                let r = if a.is_small_int() && b.is_small_int() {
                    small_int_binop(vm, arg, a, b)?
                } else if let Some(r) = float_binop(vm, arg, a, b) {
                    r?
                } else {
                    binop(vm, arg, a, b)?
                };
                f.set_top(r);
            }
            codes::UnaryOp => {
                let a = f.peek(0);
                let op = UnaryOperator::from_u32(arg).expect("valid unary operator");
                let r = ops::arith::unary_op(vm, op, a)?;
                f.set_top(r);
            }
            codes::CompareOp => {
                let b = f.pop();
                let a = f.peek(0);
                let r = compare_op(vm, arg, a, b)?;
                f.set_top(r);
            }
            codes::Jump => {
                if (arg as usize) < f.ip {
                    vm.check_interrupt()?;
                }
                f.ip = arg as usize;
            }
            codes::PopJumpIfFalse => {
                let v = f.pop();
                if !truthy(vm, v)? {
                    f.ip = arg as usize;
                }
            }
            codes::PopJumpIfTrue => {
                let v = f.pop();
                if truthy(vm, v)? {
                    f.ip = arg as usize;
                }
            }
            codes::JumpIfFalseOrPop => {
                if truthy(vm, f.peek(0))? {
                    f.pop();
                } else {
                    f.ip = arg as usize;
                }
            }
            codes::JumpIfTrueOrPop => {
                if truthy(vm, f.peek(0))? {
                    f.ip = arg as usize;
                } else {
                    f.pop();
                }
            }
            codes::PopJumpIfNone => {
                if f.pop().is_none() {
                    f.ip = arg as usize;
                }
            }
            codes::PopJumpIfNotNone => {
                if !f.pop().is_none() {
                    f.ip = arg as usize;
                }
            }
            codes::GetIter => {
                let it = vm.iter(f.peek(0))?;
                f.set_top(it);
            }
            codes::ForIter => {
                let it = f.peek(0);
                match ops::iter::next_fast(vm, it)? {
                    Some(v) => f.push(v),
                    None => {
                        f.pop();
                        f.ip = arg as usize;
                    }
                }
            }
            codes::Pop => {
                f.pop();
            }
            codes::Copy => {
                let v = f.peek(arg as usize - 1);
                f.push(v);
            }
            codes::Swap => {
                let n = arg as usize;
                let top = f.sp - 1;
                let other = top + 1 - n;
                let v = f.slots[top].get();
                f.slots[top].set(f.slots[other].get());
                f.slots[other].set(v);
            }
            codes::BuildTuple => {
                let v = build(vm, f, codes::BuildTuple, arg)?;
                f.push(v);
            }
            codes::BuildList => {
                let v = build(vm, f, codes::BuildList, arg)?;
                f.push(v);
            }
            codes::BuildSet => {
                let v = build(vm, f, codes::BuildSet, arg)?;
                f.push(v);
            }
            codes::BuildMap => {
                let v = build(vm, f, codes::BuildMap, arg)?;
                f.push(v);
            }
            codes::BuildSlice => {
                let v = build(vm, f, codes::BuildSlice, arg)?;
                f.push(v);
            }
            codes::BuildString => {
                let v = build(vm, f, codes::BuildString, arg)?;
                f.push(v);
            }
            codes::ListAppend => {
                let v = f.pop();
                let list = f.peek(arg as usize - 1).as_ref::<ListObj>().expect("list");
                vm.list_append(list, v)?;
            }
            codes::SetAdd => {
                let v = f.pop();
                let s = f.peek(arg as usize - 1);
                vm.set_add(s, v)?;
            }
            codes::MapAdd => {
                let v = f.pop();
                let k = f.pop();
                let d = f.peek(arg as usize - 1);
                vm.dict_set(d, k, v)?;
            }
            codes::ListExtend => {
                let v = f.pop();
                let depth = (arg & 0xff) as usize;
                let list = f.peek(depth - 1);
                if let Err(e) = ops::iter::extend_list(vm, list, v) {
                    if arg & 0x100 != 0
                        && vm.exc_is(e.0, ExcKind::TypeError)
                        && !vm.hasattr(v, "__iter__")?
                    {
                        let name = ops::format::callable_name(vm, f.peek(depth));
                        let t = vm.type_name(v);
                        return Err(vm.type_error(alloc::format!(
                            "{name} argument after * must be an iterable, not {t}"
                        )));
                    }
                    return Err(e);
                }
            }
            codes::SetUpdate => {
                let v = f.pop();
                let s = f.peek(arg as usize - 1);
                ops::iter::update_set(vm, s, v)?;
            }
            codes::DictUpdate => {
                let v = f.pop();
                let d = f.peek(arg as usize - 1);
                ops::iter::update_dict(vm, d, v, false)?;
            }
            codes::DictMerge => {
                let v = f.pop();
                let d = f.peek(arg as usize - 1);
                let callee = f.peek(arg as usize + 1);
                ops::iter::merge_kwargs(vm, d, v, callee)?;
            }
            codes::ListToTuple => {
                let l = f.peek(0).as_ref::<ListObj>().expect("list");
                let t = vm.new_tuple(cells_as_values(l.items()))?;
                f.set_top(t);
            }
            codes::UnpackSequence => {
                let seq = f.pop();
                ops::iter::unpack(vm, f, seq, arg as usize, None)?;
            }
            codes::UnpackEx => {
                let seq = f.pop();
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                ops::iter::unpack(vm, f, seq, before, Some(after))?;
            }
            codes::Call => op_call(vm, f, arg)?,
            codes::CallKw => {
                let n = arg as usize;
                let kwnames = f.pop();
                let callee = f.peek(n);
                let r = vm.call_kw(callee, cells_as_values(f.top_n(n)), kwnames)?;
                pop_n(f, n + 1);
                f.push(r);
            }
            codes::CallEx => {
                let kwargs = if arg & 1 != 0 { f.pop() } else { Value::NULL };
                let args = f.pop();
                let callee = f.pop();
                let r = super::call::call_ex(vm, callee, args, kwargs)?;
                f.push(r);
            }
            codes::MakeFunction => {
                let fv = super::call::make_function(vm, f, arg)?;
                f.push(fv);
            }
            codes::LoadBuildClass => {
                let v = vm
                    .dict_get_str(vm.builtins, "__build_class__")?
                    .unwrap_or(Value::NONE);
                f.push(v);
            }
            codes::ReturnValue => return Ok(Exit::Return(f.pop())),
            codes::YieldValue => return Ok(Exit::Yield(f.peek(0))),
            codes::Send => {
                let v = f.peek(0);
                let sub = f.peek(1);
                match super::generator::send_to(vm, sub, v)? {
                    super::generator::SendResult::Yielded(y) => f.set_top(y),
                    super::generator::SendResult::Returned(r) => {
                        f.pop();
                        f.set_top(r);
                        f.ip = arg as usize;
                    }
                }
            }
            codes::GetYieldFromIter => {
                let v = f.peek(0);
                let it = super::generator::yield_from_iter(vm, v)?;
                f.set_top(it);
            }
            codes::GetAwaitable => {
                let v = f.peek(0);
                let it = super::generator::get_awaitable(vm, v)?;
                f.set_top(it);
            }
            codes::GetAIter => {
                let v = f.peek(0);
                let it = vm.call_method(v, "__aiter__", &[])?;
                f.set_top(it);
            }
            codes::GetANext => {
                let it = f.peek(0);
                let aw = vm.call_method(it, "__anext__", &[])?;
                let aw = super::generator::get_awaitable(vm, aw)?;
                f.push(aw);
            }
            codes::EndAsyncFor => {
                let exc = f.pop();
                if vm.exc_is(exc, ExcKind::StopAsyncIteration) {
                    f.pop();
                } else {
                    *reraise = true;
                    return Err(PyErr(exc));
                }
            }
            codes::BeforeAsyncWith => {
                let mgr = f.pop();
                let exit = vm.getattr_str(mgr, "__aexit__")?;
                let enter = vm.call_method(mgr, "__aenter__", &[])?;
                f.push(exit);
                f.push(enter);
            }
            codes::Raise => {
                let err = do_raise(vm, f, arg, reraise)?;
                return Err(err);
            }
            codes::PushExcInfo => {
                let exc = f.pop();
                // A generator that was handling nothing saves NULL: "what my caller handles",
                // which may be another caller's by the time the block ends.
                use frontend::bytecode::code::flags;
                let resumable = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
                let prev = vm.handled;
                let from_caller =
                    f.code.info.flags & resumable != 0 && prev == vm.gen_outer_handled;
                f.push(if from_caller { Value::NULL } else { prev });
                f.push(exc);
                vm.handled = exc;
            }
            codes::PopExcept => {
                let prev = f.pop();
                vm.handled = if prev.is_null() {
                    vm.gen_outer_handled
                } else {
                    prev
                };
            }
            codes::Reraise => {
                let exc = f.pop();
                *reraise = true;
                return Err(PyErr(exc));
            }
            codes::CheckExcMatch => {
                let ty = f.pop();
                let exc = f.peek(0);
                let m = ops::exc::exception_matches(vm, exc, ty)?;
                f.push(Value::from_bool(m));
            }
            codes::BeforeWith => {
                let mgr = f.pop();
                let (exit, enter) = ops::exc::enter_context(vm, mgr)?;
                f.push(exit);
                f.push(enter);
            }
            codes::WithExceptStart => {
                let exc = f.peek(0);
                let exit = f.peek(2);
                let ty = Value::from_obj(vm.type_of(exc));
                let tb = ops::traceback::traceback_object(vm, exc)?;
                let r = vm.call(exit, &[ty, exc, tb])?;
                f.push(r);
            }
            codes::ImportName => {
                let fromlist = f.pop();
                let level = f.pop();
                let name = name_at(f, arg);
                let m = crate::import::import_statement(vm, name, fromlist, level, f.globals)?;
                f.push(m);
            }
            codes::ImportFrom => {
                let m = f.peek(0);
                let v = crate::import::import_from(vm, m, name_at(f, arg))?;
                f.push(v);
            }
            codes::ImportStar => {
                let m = f.pop();
                crate::import::import_star(vm, m, f.locals)?;
            }
            codes::FormatValue => {
                let spec = if arg & 4 != 0 { f.pop() } else { Value::NULL };
                let v = f.peek(0);
                let s = ops::format::format_value(vm, v, arg & 3, spec)?;
                f.set_top(s);
            }
            codes::LoadAssertionError => {
                f.push(Value::from_obj(vm.types.exc(ExcKind::AssertionError)))
            }
            codes::SetupAnnotations => {
                let name = crate::interner::names::ANNOTATIONS;
                if ops::subscr::mapping_get(vm, f.locals, name)?.is_none() {
                    let d = vm.new_dict()?;
                    ops::subscr::mapping_set(vm, f.locals, name, d)?;
                }
            }
            codes::PrintExpr => {
                let v = f.pop();
                crate::builtins::io::display_hook(vm, v)?;
            }
            codes::LoadLocals => f.push(f.locals),
            codes::BuildConstSet => {
                let items = f.peek(0);
                let s = crate::types::set_ops::const_set_display(vm, items)?;
                f.set_top(s);
            }
            codes::AsyncGenWrap => {
                let v = f.peek(0);
                let ty = vm.types.async_gen_value;
                let head = crate::obj::tuple::TupleHead {
                    header: crate::obj::Header::new(ty),
                };
                let w = vm.alloc_var(head, 1, |_| v, false)?;
                f.set_top(Value::from_obj(w));
            }
            codes::SetupClassBody => {
                let module = vm.dict_get_str(f.globals, "__name__")?;
                if let Some(m) = module {
                    let k = crate::interner::names::MODULE;
                    ops::subscr::mapping_set(vm, f.locals, k, m)?;
                }
                let qualname = tuple::items(f.code.consts)[arg as usize];
                let k = crate::interner::names::QUALNAME;
                ops::subscr::mapping_set(vm, f.locals, k, qualname)?;
            }
            codes::MatchSequence => {
                let r = ops::matching::is_sequence(vm, f.peek(0));
                f.push(Value::from_bool(r));
            }
            codes::MatchMapping => {
                let r = ops::matching::is_mapping(vm, f.peek(0));
                f.push(Value::from_bool(r));
            }
            codes::GetLen => {
                let n = ops::subscr::len(vm, f.peek(0))?;
                let n = vm.int_from_i64(n as i64)?;
                f.push(n);
            }
            codes::MatchKeys => {
                let r = ops::matching::match_keys(vm, f.peek(1), f.peek(0))?;
                f.push(r);
            }
            codes::MatchClass => {
                let names = f.pop();
                let cls = f.pop();
                let subject = f.peek(0);
                let r = ops::matching::match_class(vm, subject, cls, names, arg as usize)?;
                f.set_top(r);
            }
            codes::MatchRest => {
                let keys = f.pop();
                let r = ops::matching::match_rest(vm, f.peek(0), keys)?;
                f.set_top(r);
            }
            _ => return Err(vm.new_exc(ExcKind::SystemError, "bad opcode")),
        }
        if SINGLE {
            return Ok(Exit::Return(Value::NULL));
        }
    }
}

// ---- the same operations for native code's helpers ----

/// `a op b` as `BinaryOp` computes it.
pub fn binary_op(vm: &mut Vm, arg: u32, a: Value, b: Value) -> PyResult<Value> {
    if a.is_small_int() && b.is_small_int() {
        small_int_binop(vm, arg, a, b)
    } else if let Some(r) = float_binop(vm, arg, a, b) {
        r
    } else {
        binop(vm, arg, a, b)
    }
}

/// `a cmp b` as `CompareOp` computes it.
#[inline(always)]
pub fn compare_op(vm: &mut Vm, arg: u32, a: Value, b: Value) -> PyResult<Value> {
    if a.is_small_int()
        && b.is_small_int()
        && let Some(r) = small_int_compare(arg, a, b)
    {
        Ok(r)
    } else if let Some(r) = float_compare(vm, arg, a, b) {
        Ok(r)
    } else {
        let cmp = Comparison::from_u32(arg).expect("valid comparison");
        ops::cmp::compare(vm, cmp, a, b)
    }
}

/// `obj[key]` as `BinarySubscr` computes it.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    match (list_index(vm, obj, key), key.as_small_int()) {
        (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => Ok(l.items()[i as usize].get()),
        _ => ops::subscr::getitem(vm, obj, key),
    }
}

/// `obj[key] = v` as `StoreSubscr` does it.
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> PyResult<()> {
    match (list_index(vm, obj, key), key.as_small_int()) {
        (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => {
            l.items()[i as usize].set(v);
            Ok(())
        }
        _ => ops::subscr::setitem(vm, obj, key, v),
    }
}

/// The contents of cell or free variable `i` (`LoadDeref`).
pub fn load_deref(vm: &mut Vm, f: &Frame, i: usize) -> PyResult<Value> {
    let v = cell_at(f, i as u32).value.get();
    if v.is_null() {
        return Err(unbound_deref(vm, f, i));
    }
    Ok(v)
}

/// Set cell or free variable `i` (`StoreDeref`).
pub fn store_deref(f: &Frame, i: usize, v: Value) {
    cell_at(f, i as u32).value.set(v);
}

#[inline(always)]
fn pop_n(f: &mut Frame, n: usize) {
    // Usually a few slots: plain stores beat the call to `memset` a loop storing a known zero
    // would become.
    let null = core::hint::black_box(Value::NULL);
    for s in &f.slots[f.sp - n..f.sp] {
        s.set(null);
    }
    f.sp -= n;
}

#[inline(always)]
fn cell_at(f: &Frame, arg: u32) -> &'static CellObj {
    f.slots[f.cell_base + arg as usize]
        .get()
        .as_ref::<CellObj>()
        .expect("cell slot holds a cell")
}

#[inline(always)]
/// The truth of `v`, with the common cases inline.
pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match v {
        Value::TRUE => Ok(true),
        Value::FALSE | Value::NONE => Ok(false),
        _ if v.is_small_int() => Ok(v.as_small_int_unchecked() != 0),
        _ => vm.truthy(v),
    }
}

#[inline(always)]
fn small_int_binop(vm: &mut Vm, arg: u32, a: Value, b: Value) -> PyResult<Value> {
    let x = a.as_small_int_unchecked();
    let y = b.as_small_int_unchecked();
    let op = arg & !INPLACE;
    let r = match op {
        0 => x.checked_add(y),
        1 => x.checked_sub(y),
        2 => x.checked_mul(y),
        9 => Some(x | y),
        10 => Some(x ^ y),
        11 => Some(x & y),
        _ => None,
    };
    match r {
        Some(r) if (crate::value::SMALL_INT_MIN..=crate::value::SMALL_INT_MAX).contains(&r) => {
            Ok(Value::small_int(r))
        }
        _ => binop(vm, arg, a, b),
    }
}

/// The list `obj` when it is an exact list (subclasses may override `__getitem__`).
#[inline(always)]
fn list_index(vm: &Vm, obj: Value, key: Value) -> Option<&'static ListObj> {
    if !key.is_small_int() || obj.obj_type() != Some(vm.types.list) {
        return None;
    }
    obj.as_ref::<ListObj>()
}

/// A float operand (exact float, or an int mixed with a float) as f64.
#[inline(always)]
fn float_operands(vm: &Vm, a: Value, b: Value) -> Option<(f64, f64)> {
    let fty = vm.types.float;
    let x = if a.obj_type() == Some(fty) {
        a.as_ref::<FloatObj>()?.value
    } else if let Some(i) = a.as_small_int() {
        i as f64
    } else {
        return None;
    };
    let y = if b.obj_type() == Some(fty) {
        b.as_ref::<FloatObj>()?.value
    } else if let Some(i) = b.as_small_int() {
        i as f64
    } else {
        return None;
    };
    Some((x, y))
}

/// `+ - *` (and `/` by non-zero) on floats without the generic dispatch.
#[inline(always)]
fn float_binop(vm: &mut Vm, arg: u32, a: Value, b: Value) -> Option<PyResult<Value>> {
    let (x, y) = float_operands(vm, a, b)?;
    let r = match arg & !INPLACE {
        0 => x + y,
        1 => x - y,
        2 => x * y,
        4 if y != 0.0 => x / y,
        _ => return None,
    };
    Some(vm.new_float(r))
}

#[inline(always)]
fn float_compare(vm: &Vm, arg: u32, a: Value, b: Value) -> Option<Value> {
    // Ints beyond 2**53 do not convert exactly: compare them the slow, exact way.
    let exact = |v: Value| {
        v.as_small_int()
            .is_none_or(|i| (i.unsigned_abs() as u64) < (1u64 << 53))
    };
    if !exact(a) || !exact(b) {
        return None;
    }
    let (x, y) = float_operands(vm, a, b)?;
    Some(Value::from_bool(match arg {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        5 => x >= y,
        _ => return None,
    }))
}

#[inline(never)]
fn binop(vm: &mut Vm, arg: u32, a: Value, b: Value) -> PyResult<Value> {
    let inplace = arg & INPLACE != 0;
    let op = BinaryOperator::of_operand(arg).expect("valid binary operator");
    ops::arith::binary_op(vm, op, inplace, a, b)
}

/// Orderings and identity of two small ints; `None` for `in`/`not in` (an int is no container).
#[inline(always)]
fn small_int_compare(arg: u32, a: Value, b: Value) -> Option<Value> {
    let x = a.as_small_int_unchecked();
    let y = b.as_small_int_unchecked();
    Some(Value::from_bool(match arg {
        0 => x < y,
        1 => x <= y,
        2 | 6 => x == y,
        3 | 7 => x != y,
        4 => x > y,
        5 => x >= y,
        _ => return None,
    }))
}

/// `LOAD_GLOBAL` of `names[n]` in frame `f`, through the code object's cache for that name.
#[inline]
pub fn load_global_cached(vm: &mut Vm, f: &Frame, n: usize) -> PyResult<Value> {
    use crate::obj::dict::{as_dict, find_str, value_at};
    use crate::obj::func::GlobalCache;
    let globals = f.globals;
    let Some((slot, g)) = f.code.global_cache.get(n).zip(as_dict(globals)) else {
        return load_global(vm, globals, name_at(f, n as u32));
    };
    let c = slot.get();
    if c.globals_version == g.version.get() {
        if c.builtins_version == 0 {
            if let Some(v) = value_at(globals, c.index) {
                return Ok(v);
            }
        } else if as_dict(vm.builtins).is_some_and(|b| b.version.get() == c.builtins_version)
            && let Some(v) = value_at(vm.builtins, c.index)
        {
            return Ok(v);
        }
    }
    let name = name_at(f, n as u32);
    let (index, builtins_version) = if let Some(ix) = find_str(vm, globals, name)? {
        (ix, 0)
    } else if builtins_of(vm, globals)? != vm.builtins {
        // Custom `__builtins__` (eval/exec with their own): looked up each time, not cached.
        return load_global(vm, globals, name);
    } else if let Some(ix) = find_str(vm, vm.builtins, name)? {
        (ix, as_dict(vm.builtins).map_or(0, |b| b.version.get()))
    } else {
        return Err(name_error(vm, name));
    };
    // Finding the name may have run Python code (a str subclass key's `__eq__`): read the
    // versions now, after the search.
    slot.set(GlobalCache {
        globals_version: g.version.get(),
        builtins_version,
        index,
    });
    let holder = if builtins_version == 0 {
        globals
    } else {
        vm.builtins
    };
    match value_at(holder, index) {
        Some(v) => Ok(v),
        None => load_global(vm, globals, name),
    }
}

/// Look a name up in the globals, then in the builtins.
#[inline]
pub fn load_global(vm: &mut Vm, globals: Value, name: Value) -> PyResult<Value> {
    if let Some(v) = crate::obj::dict::get_str(vm, globals, name)? {
        return Ok(v);
    }
    let builtins = builtins_of(vm, globals)?;
    if let Some(v) = crate::obj::dict::get_str(vm, builtins, name)? {
        return Ok(v);
    }
    Err(name_error(vm, name))
}

/// The builtins namespace code running in `globals` sees: its `__builtins__` entry (a dict, or
/// a module's dict) when it has one, else the interpreter's.
fn builtins_of(vm: &mut Vm, globals: Value) -> PyResult<Value> {
    let b = crate::obj::dict::get_str(vm, globals, crate::interner::names::BUILTINS)?;
    Ok(match b {
        Some(d) if crate::obj::dict::as_dict(d).is_some() => d,
        Some(m) => match m.as_ref::<crate::obj::ModuleObj>() {
            Some(module) if m.obj_kind() == Some(crate::obj::Kind::Module) => module.dict.get(),
            _ => vm.builtins,
        },
        _ => vm.builtins,
    })
}

#[cold]
fn name_error(vm: &mut Vm, name: Value) -> PyErr {
    let n = vm.str_of(name).unwrap_or("?");
    let msg = alloc::format!("name '{n}' is not defined");
    let e = vm.new_exc(ExcKind::NameError, &msg);
    let _ = ops::attr::set_attr_str(vm, e.0, "name", name);
    if let Some(s) = ops::suggest::for_name(vm, name)
        && let Ok(v) = vm.new_str(&s)
    {
        let _ = ops::attr::set_attr_str(vm, e.0, "__suggestion__", v);
    }
    e
}

#[cold]
/// `UnboundLocalError` for local `slot`.
pub fn unbound_local(vm: &mut Vm, f: &Frame, slot: usize) -> PyErr {
    let name = &f.code.info.varnames[slot];
    vm.new_exc(
        ExcKind::UnboundLocalError,
        &alloc::format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        ),
    )
}

fn deref_name(vm: &mut Vm, f: &Frame, idx: usize) -> Value {
    let info = &f.code.info;
    let name = info
        .cellvars
        .iter()
        .chain(info.freevars.iter())
        .nth(idx)
        .expect("deref index");
    vm.intern(name)
}

#[cold]
fn unbound_deref(vm: &mut Vm, f: &Frame, idx: usize) -> PyErr {
    let info = &f.code.info;
    let name = info
        .cellvars
        .iter()
        .chain(info.freevars.iter())
        .nth(idx)
        .expect("deref index");
    if idx < info.cellvars.len() {
        vm.new_exc(
            ExcKind::UnboundLocalError,
            &alloc::format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    } else {
        vm.new_exc(
            ExcKind::NameError,
            &alloc::format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        )
    }
}

fn do_raise(vm: &mut Vm, f: &mut Frame, arg: u32, reraise: &mut bool) -> PyResult<PyErr> {
    match arg {
        0 => {
            if vm.handled.is_none() {
                return Ok(vm.runtime_error("No active exception to reraise"));
            }
            *reraise = true;
            Ok(PyErr(vm.handled))
        }
        1 | 2 => {
            let cause = if arg == 2 { Some(f.pop()) } else { None };
            let v = f.pop();
            let e = ops::exc::make_raisable(vm, v, cause)?;
            // `raise` chains the exception being handled, even for an exception raised before.
            ops::traceback::chain_context(vm.handled, e.0);
            Ok(e)
        }
        _ => Err(vm.new_exc(ExcKind::SystemError, "bad raise operand")),
    }
}

/// Resume a suspended frame by raising `e` at its suspension point (`generator.throw`).
pub fn resume_with_error(vm: &mut Vm, f: &mut Frame, e: PyErr) -> PyResult<Exit> {
    record_raise(vm, f, e);
    match f.code.info.handler_for(f.ip.saturating_sub(1)) {
        Some(h) => {
            for s in &f.slots[f.stack_base + h.depth as usize..f.sp] {
                s.set(Value::NULL);
            }
            f.sp = f.stack_base + h.depth as usize;
            f.push(e.0);
            f.ip = h.handler as usize;
            run(vm, f)
        }
        None => Err(e),
    }
}
