//! Generators, coroutines and async generators: a suspended frame kept in a heap object, and
//! `send`/`throw`/`close`, `yield from` delegation and `await`.

use super::eval::{Exit, resume_with_error, run};
use super::frame::Frame;
use crate::gc::Gc;
use crate::obj::func::{CodeObj, FunctionObj};
use crate::obj::{Header, Kind, ValueArray};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use core::cell::Cell;
use frontend::bytecode::code::flags;

/// Generator states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Created, not started.
    Created,
    /// Suspended at a `yield`.
    Suspended,
    /// Running.
    Running,
    /// Finished.
    Done,
}

/// A generator, coroutine or async generator with its suspended frame.
#[repr(C)]
pub struct GenObj {
    /// Header.
    pub header: Header,
    /// The code.
    pub code: Value,
    /// The function it came from.
    pub func: Value,
    /// Globals.
    pub globals: Value,
    /// The frame's slots.
    pub block: Cell<Option<Gc<ValueArray>>>,
    /// Saved instruction pointer.
    pub ip: Cell<usize>,
    /// Saved stack pointer.
    pub sp: Cell<usize>,
    /// State.
    pub state: Cell<GenState>,
    /// `__name__`.
    pub name: Cell<Value>,
    /// `__qualname__`.
    pub qualname: Cell<Value>,
    /// The exception its suspended frame is handling (in an `except` block), NULL when none:
    /// installed as `sys.exc_info()` while it runs, its caller's restored while it is suspended.
    pub exc_state: Cell<Value>,
}

/// What one step of delegation produced.
pub enum SendResult {
    /// The sub-iterator yielded a value.
    Yielded(Value),
    /// The sub-iterator finished with a value.
    Returned(Value),
}

/// Make the generator object for a call of a generator function.
pub fn new_generator(vm: &mut Vm, func: &'static FunctionObj, frame: Frame) -> PyResult<Value> {
    let info = &frame.code.info;
    let ty = if info.flags & flags::COROUTINE != 0 {
        vm.types.coroutine
    } else if info.flags & flags::ASYNC_GENERATOR != 0 {
        vm.types.async_generator
    } else {
        vm.types.generator
    };
    let g = GenObj {
        header: Header::new(ty),
        code: Value::from_ref(frame.code),
        func: Value::from_ref(func),
        globals: frame.globals,
        block: Cell::new(Some(frame.block)),
        ip: Cell::new(0),
        sp: Cell::new(frame.sp),
        state: Cell::new(GenState::Created),
        name: Cell::new(func.name.get()),
        qualname: Cell::new(func.qualname.get()),
        exc_state: Cell::new(Value::NULL),
    };
    // A generator whose body can catch (try/finally, with) is closed by the collector when it
    // is dropped while suspended, so its cleanup runs, as CPython closes it on deallocation.
    let finalisable = ty == vm.types.generator && !info.exceptions.is_empty();
    Ok(Value::from_obj(vm.alloc(g, finalisable)?))
}

/// Should the collector close this unreachable generator before freeing it (it is suspended
/// inside its body)?
pub fn needs_close(v: Value) -> bool {
    v.as_ref::<GenObj>()
        .is_some_and(|g| g.state.get() == GenState::Suspended)
}

fn frame_of(g: &GenObj) -> Frame {
    let code = g.code.as_ref::<CodeObj>().expect("code");
    let block = g.block.get().expect("live generator has a frame");
    let slots = &crate::gc::var_items_static(block)[super::frame::FRAME_META..];
    let info = &code.info;
    let cell_base = info.varnames.len();
    let stack_base = cell_base + info.nderefs();
    Frame {
        code,
        globals: g.globals,
        locals: Value::NULL,
        slots,
        block,
        cell_base,
        stack_base,
        sp: g.sp.get(),
        ip: g.ip.get(),
        func: g.func,
    }
}

fn kind_word(vm: &Vm, g: &GenObj) -> &'static str {
    let ty = g.header.ty.get();
    if ty == vm.types.coroutine {
        "coroutine"
    } else {
        "generator"
    }
}

/// Resume `g`: with `value` sent in, or with `exc` raised at the suspension point.
fn resume(vm: &mut Vm, gv: Value, value: Value, exc: Option<PyErr>) -> PyResult<SendResult> {
    let g = gv.as_ref::<GenObj>().expect("generator");
    match g.state.get() {
        GenState::Running => {
            let w = kind_word(vm, g);
            return Err(vm.value_error(alloc::format!("{w} already executing")));
        }
        GenState::Done => {
            if let Some(e) = exc {
                return Err(e);
            }
            if g.header.ty.get() == vm.types.coroutine {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(SendResult::Returned(Value::NULL));
        }
        GenState::Created => {
            if exc.is_none() && !value.is_none() {
                let w = kind_word(vm, g);
                return Err(vm.type_error(alloc::format!(
                    "can't send non-None value to a just-started {w}"
                )));
            }
        }
        GenState::Suspended => {}
    }
    let mut frame = frame_of(g);
    let started = g.state.get() != GenState::Created;
    if exc.is_none() && started {
        frame.set_top(value);
    }
    g.state.set(GenState::Running);
    vm.depth += 1;
    if vm.too_deep() {
        vm.depth -= 1;
        g.state.set(if started {
            GenState::Suspended
        } else {
            GenState::Created
        });
        return Err(vm.new_exc(ExcKind::RecursionError, "maximum recursion depth exceeded"));
    }
    let outer = vm.handled;
    let caller_outer = core::mem::replace(&mut vm.gen_outer_handled, outer);
    if !g.exc_state.get().is_null() {
        vm.handled = g.exc_state.get();
    }
    let r = match exc {
        Some(e) if !started => {
            // Throwing into a generator that never ran: it finishes with that exception.
            Err(e)
        }
        Some(e) => resume_with_error(vm, &mut frame, e),
        None => run(vm, &mut frame),
    };
    vm.depth -= 1;
    let own = vm.handled;
    g.exc_state.set(match r {
        Ok(Exit::Yield(_)) if own != outer => own,
        _ => Value::NULL,
    });
    vm.handled = outer;
    vm.gen_outer_handled = caller_outer;
    match r {
        Ok(Exit::Yield(v)) => {
            g.ip.set(frame.ip);
            g.sp.set(frame.sp);
            g.state.set(GenState::Suspended);
            Ok(SendResult::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            finish(g);
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            finish(g);
            if vm.exc_is(e.0, ExcKind::StopIteration) {
                let w = kind_word(vm, g);
                let err = vm.runtime_error(alloc::format!("{w} raised StopIteration"));
                if let Some(x) = err.0.as_ref::<crate::obj::exc::ExcObj>() {
                    x.cause.set(e.0);
                    x.context.set(e.0);
                }
                return Err(err);
            }
            Err(e)
        }
    }
}

fn finish(g: &GenObj) {
    g.state.set(GenState::Done);
    g.block.set(None);
}

/// `gen.send(value)` as the iterator protocol sees it: `None` when finished.
pub fn gen_send(vm: &mut Vm, gv: Value, value: Value) -> PyResult<SendResult> {
    resume(vm, gv, value, None)
}

/// `gen.throw(type[, value[, traceback]])`. As in CPython, a generator suspended in
/// `yield from` hands the arguments unchanged to its delegate's `throw` (a GeneratorExit closes
/// the delegate instead and is raised here); they are checked and made an exception only where
/// they are raised.
pub fn gen_throw(vm: &mut Vm, gv: Value, args: &[Value]) -> PyResult<SendResult> {
    let g = gv.as_ref::<GenObj>().expect("generator");
    if g.state.get() == GenState::Suspended
        && let Some(sub) = delegate_of(g)
    {
        let delegated = if is_generator_exit(vm, args[0]) {
            if let Err(e) = close_iter(vm, sub) {
                return resume(vm, gv, Value::NONE, Some(e));
            }
            None
        } else if sub.obj_kind() == Some(Kind::Generator) {
            Some(gen_throw(vm, sub, args))
        } else {
            match vm.getattr_str(sub, "throw") {
                Ok(throw) => Some(match vm.call(throw, args) {
                    Ok(v) => Ok(SendResult::Yielded(v)),
                    Err(e) if vm.exc_is(e.0, ExcKind::StopIteration) => Ok(SendResult::Returned(
                        crate::ops::exc::stop_iteration_value(vm, e.0),
                    )),
                    Err(e) => Err(e),
                }),
                Err(e) if vm.exc_is(e.0, ExcKind::AttributeError) => None,
                Err(e) => return resume(vm, gv, Value::NONE, Some(e)),
            }
        };
        match delegated {
            Some(Ok(SendResult::Yielded(v))) => return Ok(SendResult::Yielded(v)),
            Some(Ok(SendResult::Returned(v))) => return continue_after_delegate(vm, gv, v),
            Some(Err(e)) => return resume(vm, gv, Value::NONE, Some(e)),
            None => {}
        }
    }
    // Invalid arguments are refused here; an error while making the exception (its class's
    // constructor failing) is raised in the generator instead, as CPython does.
    let exc = match thrown_exception(vm, args)? {
        Ok(e) | Err(e) => e,
    };
    resume(vm, gv, Value::NONE, Some(exc))
}

/// Raise `exc` in a generator at its suspension point.
pub fn gen_throw_exc(vm: &mut Vm, gv: Value, exc: PyErr) -> PyResult<SendResult> {
    gen_throw(vm, gv, &[exc.0])
}

/// The delegate finished with `v`: go on in the outer frame after its `Send`.
fn continue_after_delegate(vm: &mut Vm, gv: Value, v: Value) -> PyResult<SendResult> {
    let g = gv.as_ref::<GenObj>().expect("generator");
    let mut frame = frame_of(g);
    let send_ip = g.ip.get() - 2;
    let word = frame.code.info.code[send_ip];
    let target = (word >> 8) as usize;
    frame.pop();
    frame.set_top(v);
    g.ip.set(target);
    g.sp.set(frame.sp);
    resume_after_delegation(vm, gv)
}

/// Is `v` GeneratorExit, a subclass of it, or an instance of one?
fn is_generator_exit(vm: &mut Vm, v: Value) -> bool {
    match v.downcast::<crate::obj::typeobj::TypeObj>() {
        Some(t) => {
            let ge = vm.types.exc(ExcKind::GeneratorExit);
            t == ge || crate::obj::typeobj::is_subtype(&t, Value::from_obj(ge))
        }
        None => vm.exc_is(v, ExcKind::GeneratorExit),
    }
}

/// The exception `throw(type[, value[, traceback]])` raises: `Ok(Err(e))` when making it
/// failed with `e`, an `Err` when the arguments are not an exception at all.
fn thrown_exception(vm: &mut Vm, args: &[Value]) -> PyResult<Result<PyErr, PyErr>> {
    let (typ, value) = (args[0], args.get(1).copied().unwrap_or(Value::NONE));
    let is_class = typ
        .as_ref::<crate::obj::typeobj::TypeObj>()
        .is_some_and(|t| t.has(crate::obj::typeobj::flags::EXCEPTION));
    if is_class {
        let exc = if value.is_none() {
            vm.call(typ, &[])
        } else if vm.isinstance_type(value, typ.downcast().expect("exception class")) {
            Ok(value)
        } else if value.obj_kind() == Some(Kind::Tuple) {
            let items: alloc::vec::Vec<Value> = crate::obj::tuple::items(value).to_vec();
            vm.call(typ, &items)
        } else {
            vm.call(typ, &[value])
        };
        return Ok(exc
            .and_then(|e| crate::ops::exc::made_exception(vm, typ, e, false))
            .map(PyErr));
    }
    if typ.obj_kind() == Some(Kind::Exception) {
        if !value.is_none() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        return Ok(Ok(PyErr(typ)));
    }
    let t = vm.type_name(typ);
    Err(vm.type_error(alloc::format!(
        "exceptions must be classes or instances deriving from BaseException, not {t}"
    )))
}

/// Close a `yield from` delegate: a generator's `close`, or any `close` method it has.
fn close_iter(vm: &mut Vm, sub: Value) -> PyResult<()> {
    if sub.obj_kind() == Some(Kind::Generator) {
        return gen_close(vm, sub).map(|_| ());
    }
    match vm.getattr_str(sub, "close") {
        Ok(close) => vm.call(close, &[]).map(|_| ()),
        Err(e) if vm.exc_is(e.0, ExcKind::AttributeError) => Ok(()),
        Err(e) => Err(e),
    }
}

fn resume_after_delegation(vm: &mut Vm, gv: Value) -> PyResult<SendResult> {
    let g = gv.as_ref::<GenObj>().expect("generator");
    let mut frame = frame_of(g);
    g.state.set(GenState::Running);
    vm.depth += 1;
    let r = run(vm, &mut frame);
    vm.depth -= 1;
    match r {
        Ok(Exit::Yield(v)) => {
            g.ip.set(frame.ip);
            g.sp.set(frame.sp);
            g.state.set(GenState::Suspended);
            Ok(SendResult::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            finish(g);
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            finish(g);
            Err(e)
        }
    }
}

/// The sub-iterator a suspended generator is delegating to, if it is inside `yield from`.
fn delegate_of(g: &GenObj) -> Option<Value> {
    let code = g.code.as_ref::<CodeObj>()?;
    let ip = g.ip.get();
    if ip < 2 {
        return None;
    }
    let prev = code.info.code[ip - 2] & 0xff;
    if prev != frontend::bytecode::Op::Send as u32 {
        return None;
    }
    let frame = frame_of(g);
    Some(frame.peek(1))
}

/// `gen.close()`.
pub fn gen_close(vm: &mut Vm, gv: Value) -> PyResult<Value> {
    let g = gv.as_ref::<GenObj>().expect("generator");
    if g.state.get() == GenState::Created {
        finish(g);
        return Ok(Value::NONE);
    }
    if g.state.get() == GenState::Done {
        return Ok(Value::NONE);
    }
    // The delegate of a `yield from` is closed first; then GeneratorExit (or the delegate's
    // error from closing) is raised in this generator itself.
    let exc = match delegate_of(g).filter(|_| g.state.get() == GenState::Suspended) {
        Some(sub) => match close_iter(vm, sub) {
            Ok(()) => vm.new_exc(ExcKind::GeneratorExit, ""),
            Err(e) => e,
        },
        None => vm.new_exc(ExcKind::GeneratorExit, ""),
    };
    match resume(vm, gv, Value::NONE, Some(exc)) {
        Ok(SendResult::Yielded(_)) => {
            let w = kind_word(vm, g);
            Err(vm.runtime_error(alloc::format!("{w} ignored GeneratorExit")))
        }
        Ok(SendResult::Returned(_)) => Ok(Value::NONE),
        Err(e)
            if vm.exc_is(e.0, ExcKind::GeneratorExit) || vm.exc_is(e.0, ExcKind::StopIteration) =>
        {
            Ok(Value::NONE)
        }
        Err(e) => Err(e),
    }
}

/// One step of `yield from` / `await` on `sub` with `value` sent in.
pub fn send_to(vm: &mut Vm, sub: Value, value: Value) -> PyResult<SendResult> {
    if sub.obj_kind() == Some(Kind::Generator) {
        return match gen_send(vm, sub, value)? {
            SendResult::Returned(v) if v.is_null() => Ok(SendResult::Returned(Value::NONE)),
            r => Ok(r),
        };
    }
    let r = if value.is_none() {
        // A built-in iterator ends without a value; a user class's `__next__` may end with a
        // StopIteration (or subclass) carrying the value of the `yield from`.
        if !vm.type_of(sub).has(crate::obj::typeobj::flags::HEAPTYPE) {
            match crate::ops::iter::next(vm, sub) {
                Ok(Some(v)) => return Ok(SendResult::Yielded(v)),
                Ok(None) => return Ok(SendResult::Returned(Value::NONE)),
                Err(e) => Err(e),
            }
        } else {
            match crate::ops::attr::call_special(vm, sub, "__next__", &[]) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => {
                    let t = vm.type_name(sub);
                    return Err(vm.type_error(alloc::format!("'{t}' object is not an iterator")));
                }
                Err(e) => Err(e),
            }
        }
    } else {
        vm.call_method(sub, "send", &[value])
    };
    match r {
        Ok(v) => Ok(SendResult::Yielded(v)),
        Err(e) if vm.exc_is(e.0, ExcKind::StopIteration) => Ok(SendResult::Returned(
            crate::ops::exc::stop_iteration_value(vm, e.0),
        )),
        Err(e) => Err(e),
    }
}

/// `GetYieldFromIter`: generators and coroutines pass through, anything else is `iter()`ed.
pub fn yield_from_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.obj_kind() == Some(Kind::Generator) {
        return Ok(v);
    }
    vm.iter(v)
}

/// `GetAwaitable`: coroutines pass through; other objects must have `__await__`.
pub fn get_awaitable(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(t) = v.obj_type()
        && t == vm.types.coroutine
    {
        return Ok(v);
    }
    let name = crate::interner::names::AWAIT;
    match crate::ops::attr::lookup_special(vm, v, name)? {
        Some(m) => {
            let it = vm.call(m, &[])?;
            if it.obj_type() == Some(vm.types.coroutine) {
                return Err(vm.type_error("__await__() returned a coroutine"));
            }
            Ok(it)
        }
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(alloc::format!(
                "object {t} can't be used in 'await' expression"
            )))
        }
    }
}

/// Start an async generator step object (`__anext__`, `asend`, `athrow`, `aclose`).
pub fn async_gen_step(vm: &mut Vm, agen: Value, start: Value, mode: isize) -> PyResult<Value> {
    let ty = vm.types.async_gen_asend;
    vm.new_iter(ty, crate::obj::IterKind::AsyncGenStep, agen, start, 0, mode)
}

/// Advance an async generator step: returns what the awaiting coroutine should yield to its
/// event loop, or raises StopIteration(value) when the generator produced `value`.
pub fn async_gen_advance(
    vm: &mut Vm,
    step: &crate::obj::IterObj,
    value: Value,
    exc: Option<PyErr>,
) -> PyResult<Value> {
    let agen = step.a.get();
    match step.index.get() {
        2 => return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()")),
        0 => {}
        _ => {}
    }
    let first = step.index.get() == 0;
    step.index.set(1);
    let mode = step.end.get();
    let r = match (exc, first, mode) {
        (Some(e), _, _) => gen_throw_exc(vm, agen, e),
        (None, true, 1) => {
            let e = crate::ops::exc::make_raisable(vm, step.b.get(), None)?;
            gen_throw_exc(vm, agen, e)
        }
        (None, true, 2) => {
            let e = vm.new_exc(ExcKind::GeneratorExit, "");
            gen_throw_exc(vm, agen, e)
        }
        (None, true, _) => gen_send(vm, agen, step.b.get()),
        (None, false, _) => gen_send(vm, agen, value),
    };
    let wrapped = vm.types.async_gen_value;
    match r {
        Ok(SendResult::Yielded(y)) if y.obj_type() == Some(wrapped) => {
            step.index.set(2);
            if mode == 2 {
                return Err(vm.runtime_error("async generator ignored GeneratorExit"));
            }
            let inner = crate::obj::tuple::items(y)[0];
            Err(crate::types::func::stop_iteration(vm, inner))
        }
        Ok(SendResult::Yielded(y)) => Ok(y),
        Ok(SendResult::Returned(_)) => {
            step.index.set(2);
            if mode == 2 {
                return Err(crate::types::func::stop_iteration(vm, Value::NONE));
            }
            Err(vm.new_exc(ExcKind::StopAsyncIteration, ""))
        }
        Err(e) => {
            step.index.set(2);
            if mode == 2
                && (vm.exc_is(e.0, ExcKind::GeneratorExit)
                    || vm.exc_is(e.0, ExcKind::StopAsyncIteration))
            {
                return Err(crate::types::func::stop_iteration(vm, Value::NONE));
            }
            Err(e)
        }
    }
}
