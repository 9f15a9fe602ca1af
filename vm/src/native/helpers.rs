//! The runtime helpers native code calls, in the table order of `emit::helpers::Helper` (the
//! table any backend links against: Cranelift here, the Thumb-2 backend on devices). Each is
//! a thin `extern "C"` shim over the interpreter's own operations, so native code and bytecode
//! behave the same; failures leave the exception in the context and return 0.

use super::NativeCtx;
use crate::interp::eval;
use crate::interp::frame::Frame;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use emit::helpers::Helper;

/// Run `body` with the VM and frame behind `ctx`; an error (or a Rust panic, which must not
/// unwind into machine code) becomes the pending exception and the result 0.
#[inline(always)]
fn guard(ctx: *mut NativeCtx, body: impl FnOnce(&mut Vm, &mut Frame) -> PyResult<usize>) -> usize {
    // SAFETY: native code passes back the context `native::run` made for this call; its `vm` and
    // `frame` pointers are live and nothing else uses them while native code runs.
    let (vm, frame) = unsafe { (&mut *(*ctx).vm, &mut *(*ctx).frame) };
    #[cfg(feature = "std")]
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| body(vm, frame)))
        .unwrap_or_else(|_| {
            // SAFETY: as above; the panicking borrow has ended.
            let vm = unsafe { &mut *(*ctx).vm };
            Err(vm.new_exc(
                ExcKind::SystemError,
                "internal error in a native-code helper",
            ))
        });
    #[cfg(not(feature = "std"))]
    let r = body(vm, frame);
    match r {
        Ok(v) => v,
        Err(e) => {
            // SAFETY: as above.
            unsafe { (*ctx).pending = e.0.bits() };
            0
        }
    }
}

fn set_reraise(ctx: *mut NativeCtx, on: bool) {
    // SAFETY: the context is live for the duration of the native call.
    unsafe { (*ctx).reraise = on };
}

fn name(f: &Frame, i: usize) -> Value {
    crate::obj::tuple::items(f.code.names)[i]
}

extern "C" fn step(ctx: *mut NativeCtx, ip: usize, depth: usize) -> usize {
    let mut reraise = false;
    let r = guard(ctx, |vm, f| {
        f.ip = ip;
        f.sp = f.stack_base + depth;
        eval::step(vm, f, &mut reraise)?;
        Ok(f.sp - f.stack_base + 1)
    });
    if r == 0 {
        set_reraise(ctx, reraise);
    }
    r
}

extern "C" fn box_float(ctx: *mut NativeCtx, bits: usize) -> usize {
    guard(ctx, |vm, _| {
        vm.new_float(f64::from_bits(bits as u64)).map(Value::bits)
    })
}

extern "C" fn call(ctx: *mut NativeCtx, ip: usize, depth: usize) -> usize {
    guard(ctx, |vm, f| {
        f.ip = ip + 1;
        f.sp = f.stack_base + depth;
        eval::call_at(vm, f, ip).map(Value::bits)
    })
}

extern "C" fn list_append(ctx: *mut NativeCtx, list: usize, v: usize) -> usize {
    guard(ctx, |vm, _| {
        let list = Value::from_bits(list);
        let Some(l) = list.as_ref::<crate::obj::list::ListObj>() else {
            return Err(vm.new_exc(ExcKind::SystemError, "LIST_APPEND to a non-list"));
        };
        vm.list_append(l, Value::from_bits(v))?;
        Ok(1)
    })
}

extern "C" fn build(ctx: *mut NativeCtx, ip: usize, depth: usize) -> usize {
    guard(ctx, |vm, f| {
        f.ip = ip + 1;
        f.sp = f.stack_base + depth;
        eval::build_at(vm, f, ip).map(Value::bits)
    })
}

/// Record the pending exception as raised at `ip` (unless it is being re-raised).
fn record(ctx: *mut NativeCtx, ip: usize) -> PyErr {
    // SAFETY: the context is live for the duration of the native call.
    let c = unsafe { &mut *ctx };
    let e = PyErr(Value::from_bits(c.pending));
    // SAFETY: as in `guard`.
    let (vm, f) = unsafe { (&mut *c.vm, &mut *c.frame) };
    f.ip = ip + 1;
    if !c.reraise {
        eval::record_raise(vm, f, e);
    }
    c.reraise = false;
    e
}

extern "C" fn unwind(ctx: *mut NativeCtx, ip: usize) -> usize {
    record(ctx, ip);
    0
}

extern "C" fn catch(ctx: *mut NativeCtx, ip: usize) -> usize {
    let e = record(ctx, ip);
    // SAFETY: the context is live for the duration of the native call.
    unsafe { (*ctx).pending = 0 };
    e.0.bits()
}

extern "C" fn interrupt(ctx: *mut NativeCtx) -> usize {
    guard(ctx, |vm, _| vm.attend().map(|()| 1))
}

extern "C" fn unbound_local(ctx: *mut NativeCtx, local: usize) -> usize {
    guard(ctx, |vm, f| Err(eval::unbound_local(vm, f, local)))
}

extern "C" fn load_global(ctx: *mut NativeCtx, n: usize) -> usize {
    guard(ctx, |vm, f| {
        eval::load_global_cached(vm, f, n).map(Value::bits)
    })
}

extern "C" fn store_global(ctx: *mut NativeCtx, n: usize, v: usize) -> usize {
    guard(ctx, |vm, f| {
        vm.dict_set(f.globals, name(f, n), Value::from_bits(v))?;
        Ok(1)
    })
}

extern "C" fn load_attr(ctx: *mut NativeCtx, obj: usize, n: usize) -> usize {
    guard(ctx, |vm, f| {
        let cache = &f.code.attr_cache[n].ways;
        crate::ops::attr::getattr_cached(vm, Value::from_bits(obj), name(f, n), cache)
            .map(Value::bits)
    })
}

extern "C" fn load_method(ctx: *mut NativeCtx, obj: usize, n: usize) -> usize {
    guard(ctx, |vm, f| {
        let site = &f.code.attr_cache[n].method;
        let obj = Value::from_bits(obj);
        let (m, self_) = crate::ops::attr::load_method_cached(vm, obj, name(f, n), site)?;
        // SAFETY: the context is live for the duration of the native call.
        unsafe { (*ctx).aux = self_.bits() };
        Ok(m.bits())
    })
}

extern "C" fn get_slice(ctx: *mut NativeCtx, obj: usize, start: usize, stop: usize) -> usize {
    guard(ctx, |vm, _| {
        let (start, stop) = (Value::from_bits(start), Value::from_bits(stop));
        let slice = vm.new_slice(start, stop, Value::NONE)?;
        crate::ops::subscr::getitem(vm, Value::from_bits(obj), slice).map(Value::bits)
    })
}

extern "C" fn method_unshadowed(ctx: *mut NativeCtx, obj: usize, n: usize) -> usize {
    // SAFETY: the context is live for the duration of the native call; this only reads through
    // it (nothing here allocates, raises or runs Python code).
    let (vm, f) = unsafe { (&*(*ctx).vm, &*(*ctx).frame) };
    usize::from(crate::ops::attr::own_dict_lacks(
        vm,
        Value::from_bits(obj),
        name(f, n),
    ))
}

extern "C" fn range_iter(ctx: *mut NativeCtx, start: usize, stop: usize, step: usize) -> usize {
    guard(ctx, |vm, _| {
        let int = |w: usize| Value::from_bits(w).as_small_int();
        let (Some(start), Some(stop), Some(step)) = (int(start), int(stop), int(step)) else {
            // The lowering calls this only after testing the small-int tags.
            return Err(vm.new_exc(ExcKind::SystemError, "RangeIter on a non-small int"));
        };
        if step == 0 {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        crate::types::range::range_iter(vm, start, stop, step).map(Value::bits)
    })
}

extern "C" fn store_attr(ctx: *mut NativeCtx, obj: usize, n: usize, v: usize) -> usize {
    guard(ctx, |vm, f| {
        let cache = &f.code.attr_cache[n].ways;
        let (obj, v) = (Value::from_bits(obj), Value::from_bits(v));
        crate::ops::attr::setattr_cached(vm, obj, name(f, n), v, cache)?;
        Ok(1)
    })
}

extern "C" fn binary_op(ctx: *mut NativeCtx, op: usize, a: usize, b: usize) -> usize {
    guard(ctx, |vm, _| {
        eval::binary_op(vm, op as u32, Value::from_bits(a), Value::from_bits(b)).map(Value::bits)
    })
}

extern "C" fn compare_op(ctx: *mut NativeCtx, op: usize, a: usize, b: usize) -> usize {
    guard(ctx, |vm, _| {
        eval::compare_op(vm, op as u32, Value::from_bits(a), Value::from_bits(b)).map(Value::bits)
    })
}

extern "C" fn unary_op(ctx: *mut NativeCtx, op: usize, a: usize) -> usize {
    guard(ctx, |vm, _| {
        let op = frontend::bytecode::UnaryOperator::from_u32(op as u32)
            .ok_or_else(|| vm.new_exc(ExcKind::SystemError, "bad unary operator"))?;
        crate::ops::arith::unary_op(vm, op, Value::from_bits(a)).map(Value::bits)
    })
}

extern "C" fn truthy(ctx: *mut NativeCtx, v: usize) -> usize {
    guard(ctx, |vm, _| {
        eval::truthy(vm, Value::from_bits(v)).map(usize::from)
    })
}

extern "C" fn get_iter(ctx: *mut NativeCtx, v: usize) -> usize {
    guard(ctx, |vm, _| vm.iter(Value::from_bits(v)).map(Value::bits))
}

extern "C" fn for_iter(ctx: *mut NativeCtx, it: usize) -> usize {
    guard(ctx, |vm, _| {
        Ok(
            match crate::ops::iter::next_fast(vm, Value::from_bits(it))? {
                Some(v) => v.bits(),
                None => emit::helpers::imm::STOP as usize,
            },
        )
    })
}

extern "C" fn send(ctx: *mut NativeCtx, sub: usize, v: usize) -> usize {
    let mut finished = false;
    let r = guard(ctx, |vm, _| {
        use crate::interp::generator::{SendResult, send_to};
        Ok(
            match send_to(vm, Value::from_bits(sub), Value::from_bits(v))? {
                SendResult::Yielded(y) => y.bits(),
                SendResult::Returned(r) => {
                    finished = true;
                    r.bits()
                }
            },
        )
    });
    // SAFETY: the context is live for the duration of the native call.
    unsafe { (*ctx).aux = usize::from(finished) };
    r
}

extern "C" fn load_deref(ctx: *mut NativeCtx, i: usize) -> usize {
    guard(ctx, |vm, f| eval::load_deref(vm, f, i).map(Value::bits))
}

extern "C" fn store_deref(ctx: *mut NativeCtx, i: usize, v: usize) -> usize {
    guard(ctx, |_, f| {
        eval::store_deref(f, i, Value::from_bits(v));
        Ok(1)
    })
}

extern "C" fn get_item(ctx: *mut NativeCtx, obj: usize, key: usize) -> usize {
    guard(ctx, |vm, _| {
        eval::getitem(vm, Value::from_bits(obj), Value::from_bits(key)).map(Value::bits)
    })
}

extern "C" fn set_item(ctx: *mut NativeCtx, obj: usize, key: usize, v: usize) -> usize {
    guard(ctx, |vm, _| {
        eval::setitem(
            vm,
            Value::from_bits(obj),
            Value::from_bits(key),
            Value::from_bits(v),
        )?;
        Ok(1)
    })
}

extern "C" fn box_int(ctx: *mut NativeCtx, i: usize) -> usize {
    guard(ctx, |vm, _| {
        vm.int_from_i64(i as isize as i64).map(Value::bits)
    })
}

extern "C" fn box_uint(ctx: *mut NativeCtx, u: usize) -> usize {
    guard(ctx, |vm, _| vm.int_from_i128(u as i128).map(Value::bits))
}

extern "C" fn unbox_int(ctx: *mut NativeCtx, v: usize) -> usize {
    guard(ctx, |vm, _| machine_int(vm, Value::from_bits(v)))
}

/// Viper's conversion of an object to a machine word (MicroPython's `mp_obj_get_int_truncated`):
/// ints truncated to the word, bools, and objects with `__index__`; anything else (`None`, floats,
/// strings) is a `TypeError`.
fn machine_int(vm: &mut Vm, v: Value) -> PyResult<usize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as usize);
    }
    match v {
        Value::TRUE => return Ok(1),
        Value::FALSE => return Ok(0),
        _ => {}
    }
    if let Some(b) = crate::obj::int::to_bigint(v) {
        return Ok(truncate(&b));
    }
    let b = crate::ops::arith::index_bigint(vm, v).map_err(|_| {
        let t = vm.type_name(v);
        vm.type_error(alloc::format!("can't convert {t} to int"))
    })?;
    Ok(truncate(&b))
}

/// The low machine word of `b` (two's complement), as MicroPython truncates big ints.
pub(crate) fn truncate(b: &num_bigint::BigInt) -> usize {
    let (sign, digits) = b.to_u64_digits();
    let low = digits.first().copied().unwrap_or(0) as usize;
    if sign == num_bigint::Sign::Minus {
        low.wrapping_neg()
    } else {
        low
    }
}

extern "C" fn ptr_of(ctx: *mut NativeCtx, v: usize) -> usize {
    guard(ctx, |vm, _| {
        let v = Value::from_bits(v);
        if let Some(a) = crate::ops::buffer::address_of(vm, v) {
            return Ok(a);
        }
        // A str's UTF-8 data (MicroPython's str has the buffer protocol too).
        if let Some(s) = vm.str_of(v) {
            return Ok(s.as_ptr() as usize);
        }
        machine_int(vm, v)
    })
}

extern "C" fn int_floor_div(ctx: *mut NativeCtx, a: usize, b: usize) -> usize {
    guard(ctx, |vm, _| {
        let (a, b) = (a as isize, b as isize);
        if b == 0 {
            return Err(vm.new_exc(ExcKind::ZeroDivisionError, "integer division by zero"));
        }
        // Machine words wrap: `MIN // -1` is MIN, as the remainder `MIN % -1` is 0.
        let q = a.wrapping_div(b);
        let q = if (a.wrapping_rem(b) != 0) && ((a < 0) != (b < 0)) {
            q - 1
        } else {
            q
        };
        Ok(q as usize)
    })
}

extern "C" fn int_mod(ctx: *mut NativeCtx, a: usize, b: usize) -> usize {
    guard(ctx, |vm, _| {
        let (a, b) = (a as isize, b as isize);
        if b == 0 {
            return Err(vm.new_exc(ExcKind::ZeroDivisionError, "integer modulo by zero"));
        }
        let r = a.wrapping_rem(b);
        let r = if r != 0 && ((r < 0) != (b < 0)) {
            r + b
        } else {
            r
        };
        Ok(r as usize)
    })
}

extern "C" fn reraise(ctx: *mut NativeCtx, exc: usize) -> usize {
    // SAFETY: the context is live for the duration of the native call.
    unsafe {
        (*ctx).pending = exc;
        (*ctx).reraise = true;
    }
    0
}

/// The address of each helper, in `Helper::ALL` order.
pub fn table() -> alloc::vec::Vec<usize> {
    Helper::ALL
        .iter()
        .map(|h| match h {
            Helper::Step => step as *const () as usize,
            Helper::Unwind => unwind as *const () as usize,
            Helper::Catch => catch as *const () as usize,
            Helper::Interrupt => interrupt as *const () as usize,
            Helper::UnboundLocal => unbound_local as *const () as usize,
            Helper::LoadGlobal => load_global as *const () as usize,
            Helper::StoreGlobal => store_global as *const () as usize,
            Helper::LoadAttr => load_attr as *const () as usize,
            Helper::StoreAttr => store_attr as *const () as usize,
            Helper::BinaryOp => binary_op as *const () as usize,
            Helper::CompareOp => compare_op as *const () as usize,
            Helper::UnaryOp => unary_op as *const () as usize,
            Helper::Truthy => truthy as *const () as usize,
            Helper::GetIter => get_iter as *const () as usize,
            Helper::ForIter => for_iter as *const () as usize,
            Helper::Send => send as *const () as usize,
            Helper::LoadDeref => load_deref as *const () as usize,
            Helper::StoreDeref => store_deref as *const () as usize,
            Helper::GetItem => get_item as *const () as usize,
            Helper::SetItem => set_item as *const () as usize,
            Helper::BoxInt => box_int as *const () as usize,
            Helper::BoxUint => box_uint as *const () as usize,
            Helper::UnboxInt => unbox_int as *const () as usize,
            Helper::PtrOf => ptr_of as *const () as usize,
            Helper::IntFloorDiv => int_floor_div as *const () as usize,
            Helper::IntMod => int_mod as *const () as usize,
            Helper::Reraise => reraise as *const () as usize,
            Helper::Call => call as *const () as usize,
            Helper::BoxFloat => box_float as *const () as usize,
            Helper::LoadMethod => load_method as *const () as usize,
            Helper::RangeIter => range_iter as *const () as usize,
            Helper::Build => build as *const () as usize,
            Helper::ListAppend => list_append as *const () as usize,
            Helper::MethodUnshadowed => method_unshadowed as *const () as usize,
            Helper::GetSlice => get_slice as *const () as usize,
        })
        .collect()
}
