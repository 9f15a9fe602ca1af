//! The built-in functions: `len`, `repr`, `isinstance`, `sorted`, `min`/`max`, `sum`, `eval`,
//! `exec`, `locals`, `getattr`... (`print`, `input` and `open` live in `builtins::io`).

use super::args;
use crate::interp::frame::{cells_as_values, frame_meta};
use crate::obj::dict::as_dict;
use crate::obj::int::{is_int, to_bigint};
use crate::obj::list::ListObj;
use crate::obj::typeobj::{self, TypeObj};
use crate::obj::{CellObj, Kind, tuple};
use crate::ops::cmp::float_of;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use frontend::bytecode::{BinaryOperator, Comparison};

fn len(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "len", a, kw, 1)?;
    let n = crate::ops::subscr::len(vm, a[0])?;
    vm.int_from_i64(n as i64)
}

fn repr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "repr", a, kw, 1)?;
    vm.repr(a[0])
}

fn ascii(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "ascii", a, kw, 1)?;
    let r = vm.repr_text(a[0])?;
    let s = crate::ops::format::ascii_of(&r);
    vm.new_str(&s)
}

fn format(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "format", a, kw, 1, 2)?;
    let spec = if a.len() > 1 { a[1] } else { vm.empty_str };
    if !vm.is_str(spec) {
        let t = vm.type_name(spec);
        return Err(vm.type_error(format!("format() argument 2 must be str, not {t}")));
    }
    vm.format(a[0], spec)
}

/// `isinstance(obj, cls)` (also used by `except` with tuples).
pub fn isinstance_value(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    if let Some(t) = cls.as_ref::<TypeObj>() {
        let ot = vm.type_of(obj);
        if Value::from_obj(ot) == cls || typeobj::is_subtype(&ot, cls) {
            return Ok(true);
        }
        if t.header.ty.get() != vm.types.type_ {
            let n = crate::interner::names::INSTANCECHECK;
            if let Some(f) = crate::ops::attr::lookup_special(vm, cls, n)?
                && f.as_ref::<crate::obj::func::BuiltinObj>().is_none()
            {
                let r = vm.call(f, &[obj])?;
                return vm.truthy(r);
            }
        }
        return Ok(false);
    }
    if cls.obj_kind() == Some(Kind::Tuple) {
        for &c in tuple::items(cls) {
            if isinstance_value(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let n = crate::interner::names::INSTANCECHECK;
    if let Some(f) = crate::ops::attr::lookup_special(vm, cls, n)? {
        let r = vm.call(f, &[obj])?;
        return vm.truthy(r);
    }
    Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
}

fn isinstance(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "isinstance", a, kw, 2)?;
    isinstance_value(vm, a[0], a[1]).map(Value::from_bool)
}

fn issubclass_value(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    if cls.obj_kind() == Some(Kind::Tuple) {
        for &c in tuple::items(cls) {
            if issubclass_value(vm, sub, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Some(s) = sub.as_ref::<TypeObj>() else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let Some(c) = cls.as_ref::<TypeObj>() else {
        // A union or generic alias answers through its type's __subclasscheck__.
        let n = crate::interner::names::SUBCLASSCHECK;
        if let Some(f) = crate::ops::attr::lookup_special(vm, cls, n)? {
            let r = vm.call(f, &[sub])?;
            return vm.truthy(r);
        }
        return Err(
            vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        );
    };
    if c.header.ty.get() != vm.types.type_ {
        let n = crate::interner::names::SUBCLASSCHECK;
        if let Some(f) = crate::ops::attr::lookup_special(vm, cls, n)?
            && f.as_ref::<crate::obj::func::BuiltinObj>().is_none()
        {
            let r = vm.call(f, &[sub])?;
            return vm.truthy(r);
        }
    }
    Ok(sub == cls || typeobj::is_subtype(s, cls))
}

fn issubclass(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "issubclass", a, kw, 2)?;
    issubclass_value(vm, a[0], a[1]).map(Value::from_bool)
}

fn iter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "iter", a, kw, 1, 2)?;
    if a.len() == 2 {
        if !crate::builtins::functions::is_callable(vm, a[0])? {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        let ty = vm.types.iterator;
        return vm.new_iter(ty, crate::obj::IterKind::CallIter, a[0], a[1], 0, 0);
    }
    vm.iter(a[0])
}

fn next(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "next", a, kw, 1, 2)?;
    let it = a[0];
    let is_iter = matches!(it.obj_kind(), Some(Kind::Iter) | Some(Kind::Generator)) || {
        let ty = vm.type_of(it);
        let n = crate::interner::names::NEXT;
        typeobj::lookup(vm, &ty, n)?.is_some()
    };
    if !is_iter {
        let t = vm.type_name(it);
        return Err(vm.type_error(format!("'{t}' object is not an iterator")));
    }
    if it.obj_kind() == Some(Kind::Generator) && a.len() == 1 {
        return match crate::interp::generator::gen_send(vm, it, Value::NONE)? {
            crate::interp::generator::SendResult::Yielded(v) => Ok(v),
            crate::interp::generator::SendResult::Returned(v) => {
                Err(crate::types::func::stop_iteration(vm, v))
            }
        };
    }
    match crate::ops::iter::next(vm, it)? {
        Some(v) => Ok(v),
        None if a.len() == 2 => Ok(a[1]),
        None => Err(vm.new_exc(ExcKind::StopIteration, "")),
    }
}

fn abs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "abs", a, kw, 1)?;
    let v = a[0];
    if let Some(i) = v.as_small_int() {
        return vm.int_from_i64((i as i64).abs());
    }
    if is_int(v) && !vm.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE) {
        let b = to_bigint(v).expect("int");
        return vm.int_from_big(num_traits::Signed::abs(&b));
    }
    if let Some(f) = float_of(v) {
        return vm.new_float(f.abs());
    }
    if let Some((re, im)) =
        crate::ops::arith::complex_of(v).filter(|_| v.obj_kind() == Some(Kind::Complex))
    {
        return vm.new_float(crate::modules::math::host::hypot(re, im));
    }
    match crate::ops::attr::call_special(vm, v, "__abs__", &[])? {
        Some(r) => Ok(r),
        None => {
            if is_int(v) {
                let b = to_bigint(v).expect("int");
                return vm.int_from_big(num_traits::Signed::abs(&b));
            }
            let t = vm.type_name(v);
            Err(vm.type_error(format!("bad operand type for abs(): '{t}'")))
        }
    }
}

fn all(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "all", a, kw, 1)?;
    let it = vm.iter(a[0])?;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        if !vm.truthy(v)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn any(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "any", a, kw, 1)?;
    let it = vm.iter(a[0])?;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        if vm.truthy(v)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn radix(vm: &mut Vm, a: &[Value], kw: Value, name: &str, spec: &str) -> PyResult<Value> {
    args::exact(vm, name, a, kw, 1)?;
    let b = crate::ops::arith::index_bigint(vm, a[0])?;
    let sp = crate::format::parse_format_spec(spec, "int").expect("valid spec");
    let s = crate::format::format_int(&b, &sp, "int").expect("formats");
    vm.new_str(&s)
}

fn bin(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    radix(vm, a, kw, "bin", "#b")
}

fn oct(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    radix(vm, a, kw, "oct", "#o")
}

fn hex(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    radix(vm, a, kw, "hex", "#x")
}

/// `callable(v)`.
pub fn is_callable(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match v.obj_kind() {
        Some(Kind::Function) | Some(Kind::Builtin) | Some(Kind::BoundMethod) | Some(Kind::Type) => {
            Ok(true)
        }
        _ => {
            let ty = vm.type_of(v);
            let n = crate::interner::names::CALL;
            Ok(typeobj::lookup(vm, &ty, n)?.is_some())
        }
    }
}

fn callable(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "callable", a, kw, 1)?;
    is_callable(vm, a[0]).map(Value::from_bool)
}

fn chr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "chr", a, kw, 1)?;
    if !is_int(a[0]) {
        let t = vm.type_name(a[0]);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let n = crate::ops::arith::index_of(vm, a[0])
        .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            vm.new_str(c.encode_utf8(&mut buf))
        }
        None if (0xd800..0xe000).contains(&n) => Err(
            vm.value_error("chr() arg is a surrogate, which this implementation cannot represent")
        ),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "ord", a, kw, 1)?;
    if let Some(s) = vm.str_of(a[0]) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::small_int(c as isize)),
            _ => {
                let n = s.chars().count();
                Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {n} found"
                )))
            }
        };
    }
    if let Some(b) = crate::ops::buffer::bytes_like(vm, a[0]) {
        if b.len() == 1 {
            return Ok(Value::small_int(b[0] as isize));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    let t = vm.type_name(a[0]);
    Err(vm.type_error(format!("ord() expected string of length 1, but {t} found")))
}

fn divmod(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "divmod", a, kw, 2)?;
    let user = vm.type_of(a[0]).has(crate::obj::typeobj::flags::HEAPTYPE)
        || vm.type_of(a[1]).has(crate::obj::typeobj::flags::HEAPTYPE);
    if user {
        if let Some(r) = crate::ops::attr::call_special(vm, a[0], "__divmod__", &[a[1]])?
            && r != Value::NOT_IMPLEMENTED
        {
            return Ok(r);
        }
        if let Some(r) = crate::ops::attr::call_special(vm, a[1], "__rdivmod__", &[a[0]])?
            && r != Value::NOT_IMPLEMENTED
        {
            return Ok(r);
        }
    }
    if (float_of(a[0]).is_some() || float_of(a[1]).is_some())
        && let (Some(_), Some(y)) = (
            crate::ops::arith::to_f64(vm, a[0])?,
            crate::ops::arith::to_f64(vm, a[1])?,
        )
        && y == 0.0
    {
        return Err(vm.zero_division("float divmod()"));
    }
    let q = crate::ops::arith::binary_op(vm, BinaryOperator::FloorDiv, false, a[0], a[1])
        .map_err(|e| fix_divmod_error(vm, e, a))?;
    let r = crate::ops::arith::binary_op(vm, BinaryOperator::Mod, false, a[0], a[1])?;
    vm.new_tuple(&[q, r])
}

fn fix_divmod_error(vm: &mut Vm, e: crate::vm::PyErr, a: &[Value]) -> crate::vm::PyErr {
    if vm.exc_is(e.0, ExcKind::TypeError) {
        let (x, y) = (vm.type_name(a[0]), vm.type_name(a[1]));
        return vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{x}' and '{y}'"
        ));
    }
    e
}

fn pow(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [base, exp, m] = args::parse(vm, "pow", a, kw, ["base", "exp", "mod"], 2)?;
    if !m.is_null() && !m.is_none() {
        // A user type's `__pow__(exp, mod)` takes the modulus; ints use modular exponentiation.
        if vm.type_of(base).has(crate::obj::typeobj::flags::HEAPTYPE)
            && let Some(r) = crate::ops::attr::call_special(vm, base, "__pow__", &[exp, m])?
            && r != Value::NOT_IMPLEMENTED
        {
            return Ok(r);
        }
        return crate::ops::arith::int_pow_mod(vm, base, exp, m);
    }
    crate::ops::arith::binary_op(vm, BinaryOperator::Pow, false, base, exp)
}

fn round(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [number, ndigits] = args::parse(vm, "round", a, kw, ["number", "ndigits"], 1)?;
    let nd = if ndigits.is_null() || ndigits.is_none() {
        None
    } else {
        Some(crate::ops::arith::index_of(vm, ndigits)?)
    };
    if let Some(f) =
        float_of(number).filter(|_| !vm.type_of(number).has(crate::obj::typeobj::flags::HEAPTYPE))
    {
        return match nd {
            None => {
                if f.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(vm.overflow_error("cannot convert float infinity to integer"));
                }
                let r = libm::rint(f);
                vm.int_from_big(crate::ops::arith::float_to_bigint(r))
            }
            Some(n) => match crate::format::round_float(
                f,
                n.clamp(i32::MIN as isize, i32::MAX as isize) as i32,
            ) {
                Ok(r) => vm.new_float(r),
                Err(m) => Err(vm.overflow_error(m)),
            },
        };
    }
    if is_int(number) && !vm.type_of(number).has(crate::obj::typeobj::flags::HEAPTYPE) {
        let Some(n) = nd else {
            return vm.int_from_big(to_bigint(number).expect("int"));
        };
        if n >= 0 {
            return vm.int_from_big(to_bigint(number).expect("int"));
        }
        let b = to_bigint(number).expect("int");
        let p = num_traits::pow::Pow::pow(num_bigint::BigInt::from(10), (-n) as u32);
        let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
        let twice: num_bigint::BigInt = &r * 2;
        let q = match twice.cmp(&p) {
            core::cmp::Ordering::Greater => q + 1,
            core::cmp::Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
            _ => q,
        };
        return vm.int_from_big(q * p);
    }
    let args_v: &[Value] = if ndigits.is_null() {
        &[]
    } else {
        core::slice::from_ref(&ndigits)
    };
    match crate::ops::attr::call_special(vm, number, "__round__", args_v)? {
        Some(r) => Ok(r),
        None => {
            let t = vm.type_name(number);
            Err(vm.type_error(format!("type {t} doesn't define __round__ method")))
        }
    }
}

fn hash(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "hash", a, kw, 1)?;
    let h = vm.hash(a[0])?;
    vm.int_from_i64(h as i64)
}

fn id(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "id", a, kw, 1)?;
    vm.int_from_i64(a[0].bits() as i64)
}

fn getattr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "getattr", a, kw, 2, 3)?;
    if !vm.is_str(a[1]) {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("attribute name must be string, not '{t}'")));
    }
    if a.len() == 3 {
        return match vm.getattr(a[0], a[1]) {
            Ok(v) => Ok(v),
            Err(e) if vm.exc_is(e.0, ExcKind::AttributeError) => Ok(a[2]),
            Err(e) => Err(e),
        };
    }
    vm.getattr(a[0], a[1])
}

fn setattr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "setattr", a, kw, 3)?;
    if !vm.is_str(a[1]) {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("attribute name must be string, not '{t}'")));
    }
    vm.setattr(a[0], a[1], a[2])?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "hasattr", a, kw, 2)?;
    if !vm.is_str(a[1]) {
        let t = vm.type_name(a[1]);
        return Err(vm.type_error(format!("attribute name must be string, not '{t}'")));
    }
    match vm.getattr(a[0], a[1]) {
        Ok(_) => Ok(Value::TRUE),
        Err(e) if vm.exc_is(e.0, ExcKind::AttributeError) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "delattr", a, kw, 2)?;
    vm.delattr(a[0], a[1])?;
    Ok(Value::NONE)
}

/// The current frame's (code, globals, namespace, slots).
fn current(vm: &mut Vm) -> PyResult<(Value, Value, Value, &'static [core::cell::Cell<Value>])> {
    frame_meta(vm.current_frame).ok_or_else(|| vm.runtime_error("no current frame"))
}

fn globals(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "globals", a, kw, 0)?;
    Ok(current(vm)?.1)
}

/// `locals()` of the running frame: the namespace of module/class code, a snapshot for functions.
pub fn current_locals(vm: &mut Vm) -> PyResult<Value> {
    let (code, _g, ns, slots) = current(vm)?;
    if !ns.is_null() {
        return Ok(ns);
    }
    let code = code.as_ref::<crate::obj::func::CodeObj>().expect("code");
    let d = vm.new_dict()?;
    let info = &code.info;
    for (i, name) in info.varnames.iter().enumerate() {
        let v = slots[i].get();
        if !v.is_null() && !info.cellvars.contains(name) {
            let k = vm.intern(name);
            vm.dict_set(d, k, v)?;
        }
    }
    let nloc = info.varnames.len();
    for (j, name) in info.cellvars.iter().chain(info.freevars.iter()).enumerate() {
        if let Some(c) = slots[nloc + j].get().as_ref::<CellObj>() {
            let v = c.value.get();
            if !v.is_null() {
                let k = vm.intern(name);
                vm.dict_set(d, k, v)?;
            }
        }
    }
    Ok(d)
}

fn locals(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::exact(vm, "locals", a, kw, 0)?;
    current_locals(vm)
}

fn vars(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "vars", a, kw, 0, 1)?;
    if a.is_empty() {
        return current_locals(vm);
    }
    let n = crate::interner::names::DICT;
    match vm.getattr_opt(a[0], n)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// `dir(obj)`: sorted attribute names of the object, its class and the class's bases.
pub fn dir_of(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let names = vm.new_set()?;
    let ty = vm.type_of(obj);
    if let Some(d) = crate::ops::attr::instance_dict(vm, obj, &ty).ok().flatten() {
        crate::ops::iter::update_set(vm, names, d)?;
    }
    let mro = if let Some(t) = obj.as_ref::<TypeObj>() {
        t.mro.get()
    } else {
        ty.mro.get()
    };
    let layout = obj.as_ref::<TypeObj>().map_or(ty.kind, |t| t.kind);
    // Every object has `__class__` (object's descriptor in CPython).
    let class = vm.intern("__class__");
    vm.set_add(names, class)?;
    for n in crate::ops::special_attrs::names_for(layout) {
        let k = vm.intern(n);
        vm.set_add(names, k)?;
    }
    for &t in tuple::items(mro) {
        if let Some(t) = t.as_ref::<TypeObj>() {
            crate::ops::iter::update_set(vm, names, t.dict.get())?;
        }
    }
    let l = crate::ops::iter::to_list(vm, names)?;
    sort_list(vm, l, Value::NONE, false)?;
    Ok(l)
}

fn dir(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    args::range(vm, "dir", a, kw, 0, 1)?;
    if a.is_empty() {
        let l = current_locals(vm)?;
        let keys = crate::ops::iter::to_list(vm, l)?;
        sort_list(vm, keys, Value::NONE, false)?;
        return Ok(keys);
    }
    if let Some(r) = crate::ops::attr::call_special(vm, a[0], "__dir__", &[])? {
        let l = crate::ops::iter::to_list(vm, r)?;
        sort_list(vm, l, Value::NONE, false)?;
        return Ok(l);
    }
    dir_of(vm, a[0])
}

/// Stable sort of a list by `key` (None = the items), descending when `reverse`.
pub fn sort_list(vm: &mut Vm, list: Value, key: Value, reverse: bool) -> PyResult<()> {
    let l = list.as_ref::<ListObj>().expect("list");
    let n = l.len();
    // Decorate: keys and items in heap tuples (values must stay where the collector looks).
    let items = vm.new_tuple(cells_as_values(l.items()))?;
    let keys = if key.is_none() {
        items
    } else {
        let k = vm.new_tuple_with(n, |_| Value::NONE)?;
        for (i, &it) in tuple::items(items).iter().enumerate() {
            let kv = vm.call(key, &[it])?;
            crate::gc::tuple_fill(k, i, kv);
        }
        k
    };
    let kv = tuple::items(keys);
    let mut order: alloc::vec::Vec<usize> = (0..n).collect();
    let mut err = None;
    merge_sort(&mut order, &mut |&x, &y| {
        if err.is_some() {
            return false;
        }
        let (a, b) = if reverse {
            (kv[y], kv[x])
        } else {
            (kv[x], kv[y])
        };
        match less_than(vm, a, b) {
            Ok(r) => r,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    if l.len() != n {
        return Err(vm.value_error("list modified during sort"));
    }
    let it = tuple::items(items);
    for (dst, &src) in order.iter().enumerate() {
        l.items()[dst].set(it[src]);
    }
    Ok(())
}

fn less_than(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    if let (Some(x), Some(y)) = (vm.str_of(a), vm.str_of(b)) {
        return Ok(x < y);
    }
    let r = crate::ops::cmp::rich_compare(vm, Comparison::Lt, a, b)?;
    vm.truthy(r)
}

/// A stable merge sort with a fallible-by-flag comparison (`less(a, b)`).
fn merge_sort(v: &mut [usize], less: &mut dyn FnMut(&usize, &usize) -> bool) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(&v[j], &v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], less);
    merge_sort(&mut v[mid..], less);
    if !less(&v[mid], &v[mid - 1]) {
        return;
    }
    let left = v[..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < left.len() && j < n {
        if less(&v[j], &left[i]) {
            v[k] = v[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        v[k] = left[i];
        i += 1;
        k += 1;
    }
}

fn sorted(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let npos = a.len() - tuple::items(kw).len();
    if npos != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {npos}")));
    }
    let [iterable, _, key, reverse] =
        args::parse(vm, "sorted", a, kw, ["$iterable", "*", "key", "reverse"], 1)?;
    let l = crate::ops::iter::to_list(vm, iterable)?;
    let rev = !reverse.is_null() && vm.truthy(reverse)?;
    sort_list(vm, l, args::or(key, Value::NONE), rev)?;
    Ok(l)
}

fn min_max(vm: &mut Vm, a: &[Value], kw: Value, name: &str, want: Comparison) -> PyResult<Value> {
    let kwn = tuple::items(kw);
    let npos = a.len() - kwn.len();
    let mut key = Value::NONE;
    let mut default = Value::NULL;
    for (j, &k) in kwn.iter().enumerate() {
        match vm.str_of(k) {
            Some("key") => key = a[npos + j],
            Some("default") => default = a[npos + j],
            other => {
                let o = other.unwrap_or("?");
                return Err(
                    vm.type_error(format!("{name}() got an unexpected keyword argument '{o}'"))
                );
            }
        }
    }
    let source = match npos {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => a[0],
        _ => {
            if !default.is_null() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            vm.new_tuple(&a[..npos])?
        }
    };
    let it = vm.iter(source)?;
    let mut best = Value::NULL;
    let mut best_key = Value::NULL;
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        let k = if key.is_none() {
            v
        } else {
            vm.call(key, &[v])?
        };
        if best.is_null() {
            best = v;
            best_key = k;
            continue;
        }
        let r = crate::ops::cmp::rich_compare(vm, want, k, best_key)?;
        if vm.truthy(r)? {
            best = v;
            best_key = k;
        }
    }
    if best.is_null() {
        if !default.is_null() {
            return Ok(default);
        }
        return Err(vm.value_error(format!("{name}() arg is an empty sequence")));
    }
    Ok(best)
}

fn min(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    min_max(vm, a, kw, "min", Comparison::Lt)
}

fn max(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    min_max(vm, a, kw, "max", Comparison::Gt)
}

fn sum(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [iterable, start] = args::parse(vm, "sum", a, kw, ["$iterable", "start"], 1)?;
    let mut acc = args::or(start, Value::small_int(0));
    if vm.is_str(acc) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if acc.obj_kind() == Some(Kind::Bytes) {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    let it = vm.iter(iterable)?;
    // Floats are summed with compensation as CPython does (Neumaier).
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        if let (Some(x), Some(y)) = (acc.as_small_int(), v.as_small_int())
            && let Some(r) = x
                .checked_add(y)
                .and_then(|r| Value::try_small_int(r as i64))
        {
            acc = r;
            continue;
        }
        if float_of(acc).is_some() && (float_of(v).is_some() || is_int(v)) {
            return float_sum(vm, float_of(acc).expect("float"), v, it);
        }
        acc = crate::ops::arith::binary_op(vm, BinaryOperator::Add, false, acc, v)?;
    }
    Ok(acc)
}

fn float_sum(vm: &mut Vm, start: f64, first: Value, it: Value) -> PyResult<Value> {
    let mut s = start;
    let mut c = 0.0;
    // CPython 3.11 adds floats left to right without compensation (3.12 changed that).
    let add = |s: &mut f64, _c: &mut f64, x: f64| {
        *s += x;
    };
    let x = crate::ops::arith::to_f64(vm, first)?.expect("number");
    add(&mut s, &mut c, x);
    while let Some(v) = crate::ops::iter::next(vm, it)? {
        match crate::ops::arith::to_f64(vm, v)? {
            Some(x) if float_of(v).is_some() || is_int(v) => add(&mut s, &mut c, x),
            _ => {
                let acc = vm.new_float(s + c)?;
                let mut acc = crate::ops::arith::binary_op(vm, BinaryOperator::Add, false, acc, v)?;
                while let Some(w) = crate::ops::iter::next(vm, it)? {
                    acc = crate::ops::arith::binary_op(vm, BinaryOperator::Add, false, acc, w)?;
                }
                return Ok(acc);
            }
        }
    }
    vm.new_float(s + c)
}

/// Compile source text given to `eval`/`exec`/`compile` into a code value.
fn compile_text(
    vm: &mut Vm,
    src: Value,
    filename: &str,
    mode: frontend::Mode,
    caller: &str,
) -> PyResult<Value> {
    if src.obj_kind() == Some(Kind::Code) {
        return Ok(src);
    }
    let text = match vm.str_of(src) {
        Some(s) => String::from(s),
        None => match crate::ops::buffer::bytes_like(vm, src) {
            Some(b) => crate::import::source_text(vm, &b, filename)?,
            None => {
                let what = if caller == "compile" { "AST" } else { "code" };
                return Err(vm.type_error(format!(
                    "{caller}() arg 1 must be a string, bytes or {what} object"
                )));
            }
        },
    };
    crate::import::compile_to_value(vm, &text, filename, mode)
}

fn eval_exec(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    mode: frontend::Mode,
) -> PyResult<Value> {
    let [src, g, l] = args::parse(vm, name, a, kw, ["$source", "globals", "locals"], 1)?;
    let code = compile_text(vm, src, "<string>", mode, name)?;
    let (globals, locals) = if g.is_null() || g.is_none() {
        let (_, cg, _, _) = current(vm)?;
        let cl = if l.is_null() || l.is_none() {
            current_locals(vm)?
        } else {
            l
        };
        (cg, cl)
    } else {
        if as_dict(g).is_none() {
            let t = vm.type_name(g);
            return Err(vm.type_error(format!("{name}() globals must be a dict, not {t}")));
        }
        (g, if l.is_null() || l.is_none() { g } else { l })
    };
    if vm.dict_get_str(globals, "__builtins__")?.is_none() {
        let b = vm.builtins;
        vm.dict_set_str(globals, "__builtins__", b)?;
    }
    let r = crate::interp::call::run_code(vm, code, globals, locals)?;
    Ok(if mode == frontend::Mode::Eval {
        r
    } else {
        Value::NONE
    })
}

fn eval(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if let Some(s) = a.first().and_then(|&s| vm.str_of(s)) {
        // eval ignores leading whitespace.
        let t = String::from(s.trim_start_matches([' ', '\t']));
        let v = vm.new_str(&t)?;
        let mut args2 = alloc::vec![v];
        args2.extend_from_slice(&a[1..]);
        let t = vm.new_tuple(&args2)?;
        return eval_exec(vm, tuple::items(t), kw, "eval", frontend::Mode::Eval);
    }
    eval_exec(vm, a, kw, "eval", frontend::Mode::Eval)
}

fn exec(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    eval_exec(vm, a, kw, "exec", frontend::Mode::Exec)
}

fn compile(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [src, filename, mode, _flags, _dont_inherit, _optimize] = args::parse(
        vm,
        "compile",
        a,
        kw,
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
        3,
    )?;
    let fname = String::from(vm.str_of(filename).unwrap_or("<string>"));
    let m = match vm.str_of(mode) {
        Some("exec") => frontend::Mode::Exec,
        Some("eval") => frontend::Mode::Eval,
        Some("single") => frontend::Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    compile_text(vm, src, &fname, m, "compile")
}

fn build_class(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    crate::ops::construct::build_class(vm, a, kw)
}

fn import(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let [name, globals, _locals, fromlist, level] = args::parse(
        vm,
        "__import__",
        a,
        kw,
        ["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    if !vm.is_str(name) {
        return Err(vm.type_error("module name must be a string"));
    }
    if !level.is_null() && crate::ops::arith::index_of(vm, level)? < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let g = if globals.is_null() || globals.is_none() {
        vm.new_dict()?
    } else {
        globals
    };
    crate::import::import_name(
        vm,
        name,
        args::or(fromlist, Value::NONE),
        args::or(level, Value::small_int(0)),
        g,
    )
}

/// Install the built-in functions into `builtins`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    type F = crate::obj::func::NativeFn;
    let fns: &[(&'static str, F)] = &[
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("format", format),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("next", next),
        ("abs", abs),
        ("all", all),
        ("any", any),
        ("bin", bin),
        ("oct", oct),
        ("hex", hex),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("hash", hash),
        ("id", id),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
        ("sorted", sorted),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("eval", eval),
        ("exec", exec),
        ("compile", compile),
        ("__build_class__", build_class),
        ("__import__", import),
        ("print", super::io::print),
        ("input", super::io::input),
        ("open", super::io::open),
    ];
    for &(name, f) in fns {
        let b = vm.new_builtin(name, f, 0, Value::NULL)?;
        vm.dict_set_str(vm.builtins, name, b)?;
    }
    Ok(())
}
