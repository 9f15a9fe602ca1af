//! Attributes that live in object fields rather than dicts: `__class__`, `__dict__`, function
//! and type metadata, exception fields, numeric `real`/`imag`, range and slice bounds, and the
//! few that may be assigned.

use crate::interp::generator::GenObj;
use crate::obj::exc::ExcObj;
use crate::obj::func::{BuiltinObj, CodeObj, FunctionObj};
use crate::obj::typeobj::TypeObj;
use crate::obj::{
    BoundMethodObj, CellObj, ComplexObj, Kind, MethodWrapperObj, PropertyObj, RangeObj, SliceObj,
    SuperObj, tuple,
};
use crate::ops::cmp::float_of;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn or_none(v: Value) -> Value {
    if v.is_null() { Value::NONE } else { v }
}

/// Read a field-backed attribute: `Ok(None)` when `obj` has no such attribute.
pub fn get(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(n) = vm.str_of(name) else {
        return Ok(None);
    };
    if n == "__class__" {
        return Ok(Some(Value::from_obj(vm.type_of(obj))));
    }
    if crate::obj::int::is_int(obj) {
        let exact = match crate::obj::int::to_bigint(obj) {
            Some(b) if !obj.is_small_int() => vm.int_from_big(b)?,
            _ => obj,
        };
        return Ok(match n {
            "real" | "numerator" => Some(if obj.is_bool() {
                Value::small_int((obj == Value::TRUE) as isize)
            } else {
                exact
            }),
            "imag" => Some(Value::small_int(0)),
            "denominator" => Some(Value::small_int(1)),
            _ => None,
        });
    }
    if let Some(f) = float_of(obj) {
        return Ok(match n {
            "real" => Some(vm.new_float(f)?),
            "imag" => Some(vm.new_float(0.0)?),
            _ => None,
        });
    }
    let Some(kind) = obj.obj_kind() else {
        return Ok(None);
    };
    if n == "__dict__" {
        let ty = vm.type_of(obj);
        if kind == Kind::Type {
            let t = obj.as_ref::<TypeObj>().expect("type");
            return crate::types::mappingproxy::new(vm, t.dict.get()).map(Some);
        }
        return crate::ops::attr::instance_dict(vm, obj, &ty);
    }
    let v = match kind {
        Kind::Type => {
            let t = obj.as_ref::<TypeObj>().expect("type");
            match n {
                "__name__" => t.name.get(),
                "__qualname__" => t.qualname.get(),
                "__mro__" => t.mro.get(),
                "__bases__" => t.bases.get(),
                "__base__" => tuple::items(t.bases.get())
                    .first()
                    .copied()
                    .unwrap_or(Value::NONE),
                "__module__" => vm.intern("builtins"),
                "__doc__" => Value::NONE,
                "__flags__" => Value::small_int(t.flags.get() as isize),
                _ => return Ok(None),
            }
        }
        Kind::Function => {
            let f = obj.as_ref::<FunctionObj>().expect("function");
            match n {
                "__name__" => f.name.get(),
                "__qualname__" => f.qualname.get(),
                "__doc__" => f.doc.get(),
                "__module__" => f.module.get(),
                "__defaults__" => or_none(f.defaults.get()),
                "__kwdefaults__" => or_none(f.kwdefaults.get()),
                "__code__" => f.code,
                "__globals__" => f.globals,
                "__closure__" => or_none(f.closure),
                "__annotations__" => {
                    if f.annotations.get().is_null() {
                        let d = vm.new_dict()?;
                        f.annotations.set(d);
                    }
                    f.annotations.get()
                }
                "__builtins__" => vm.builtins,
                _ => return Ok(None),
            }
        }
        Kind::Builtin => {
            let b = obj.as_ref::<BuiltinObj>().expect("builtin");
            match n {
                "__name__" => vm.intern(b.name),
                "__qualname__" => match b.owner.as_ref::<TypeObj>() {
                    Some(t) => {
                        let q = alloc::format!("{}.{}", t.name_str(vm), b.name);
                        vm.new_str(&q)?
                    }
                    None => vm.intern(b.name),
                },
                "__self__" => or_none(b.self_),
                "__module__" => Value::NONE,
                "__doc__" => Value::NONE,
                _ => return Ok(None),
            }
        }
        Kind::BoundMethod => {
            let m = obj.as_ref::<BoundMethodObj>().expect("method");
            match n {
                "__func__" => m.func,
                "__self__" => m.self_,
                _ => {
                    // Other attributes come from the function.
                    return vm.getattr_opt(m.func, name);
                }
            }
        }
        Kind::Exception => {
            let e = obj.as_ref::<ExcObj>().expect("exception");
            let args = tuple::items(e.args.get());
            match n {
                "args" => e.args.get(),
                "__traceback__" => crate::ops::traceback::traceback_object(vm, obj)?,
                "__cause__" => e.cause.get(),
                "__context__" => e.context.get(),
                "__suppress_context__" => Value::from_bool(e.suppress_context.get()),
                "value" if vm.exc_is(obj, ExcKind::StopIteration) => {
                    args.first().copied().unwrap_or(Value::NONE)
                }
                "code" if vm.exc_is(obj, ExcKind::SystemExit) => match args.len() {
                    0 => Value::NONE,
                    1 => args[0],
                    _ => e.args.get(),
                },
                "errno" if vm.exc_is(obj, ExcKind::OSError) => {
                    if args.len() >= 2 {
                        args[0]
                    } else {
                        Value::NONE
                    }
                }
                "strerror" if vm.exc_is(obj, ExcKind::OSError) => {
                    if args.len() >= 2 {
                        args[1]
                    } else {
                        Value::NONE
                    }
                }
                "__notes__" if !e.notes.get().is_null() => e.notes.get(),
                _ => return Ok(None),
            }
        }
        Kind::Complex => {
            let c = obj.as_ref::<ComplexObj>().expect("complex");
            let (re, im) = (c.re, c.im);
            match n {
                "real" => vm.new_float(re)?,
                "imag" => vm.new_float(im)?,
                _ => return Ok(None),
            }
        }
        Kind::Range => {
            let r = obj.as_ref::<RangeObj>().expect("range");
            if let Some([start, stop, step]) = crate::types::range::wide_parts(r) {
                return Ok(match n {
                    "start" => Some(start),
                    "stop" => Some(stop),
                    "step" => Some(step),
                    _ => None,
                });
            }
            match n {
                "start" => vm.int_from_i64(r.start as i64)?,
                "stop" => vm.int_from_i64(r.stop as i64)?,
                "step" => vm.int_from_i64(r.step as i64)?,
                _ => return Ok(None),
            }
        }
        Kind::Slice => {
            let s = obj.as_ref::<SliceObj>().expect("slice");
            match n {
                "start" => s.start,
                "stop" => s.stop,
                "step" => s.step,
                _ => return Ok(None),
            }
        }
        Kind::Member => {
            let m = obj.as_ref::<crate::obj::MemberObj>().expect("member");
            match n {
                "__name__" => m.name,
                "__objclass__" => Value::from_obj(m.owner),
                "__doc__" => Value::NONE,
                "__qualname__" => {
                    let owner = m.owner.qualname.get();
                    let q = alloc::format!(
                        "{}.{}",
                        vm.str_of(owner).unwrap_or("?"),
                        vm.str_of(m.name).unwrap_or("?")
                    );
                    vm.new_str(&q)?
                }
                _ => return Ok(None),
            }
        }
        Kind::Property => {
            let p = obj.as_ref::<PropertyObj>().expect("property");
            match n {
                "fget" => p.fget.get(),
                "fset" => p.fset.get(),
                "fdel" => p.fdel.get(),
                "__doc__" => p.doc.get(),
                _ => return Ok(None),
            }
        }
        Kind::ClassMethod | Kind::StaticMethod => {
            let w = obj.as_ref::<MethodWrapperObj>().expect("wrapper");
            match n {
                "__func__" | "__wrapped__" => w.func.get(),
                "__isabstractmethod__" => Value::FALSE,
                _ => return vm.getattr_opt(w.func.get(), name),
            }
        }
        Kind::Generator => {
            let g = obj.as_ref::<GenObj>().expect("generator");
            match n {
                "__name__" => g.name.get(),
                "__qualname__" => g.qualname.get(),
                "gi_running" | "cr_running" => {
                    Value::from_bool(g.state.get() == crate::interp::generator::GenState::Running)
                }
                "gi_code" | "cr_code" => g.code,
                "gi_frame" | "cr_frame" => {
                    if g.state.get() == crate::interp::generator::GenState::Done {
                        Value::NONE
                    } else {
                        let started = g.state.get() != crate::interp::generator::GenState::Created;
                        let line = g.code.as_ref::<CodeObj>().map_or(0, |c| {
                            if started {
                                c.info.line_of(g.ip.get().saturating_sub(1))
                            } else {
                                c.info.first_line
                            }
                        });
                        crate::ops::traceback::frame_object(vm, g.code, line, g.globals)?
                    }
                }
                "gi_suspended" | "cr_suspended" => {
                    Value::from_bool(g.state.get() == crate::interp::generator::GenState::Suspended)
                }
                _ => return Ok(None),
            }
        }
        Kind::Cell => {
            let c = obj.as_ref::<CellObj>().expect("cell");
            match n {
                "cell_contents" => {
                    if c.value.get().is_null() {
                        return Err(vm.value_error("Cell is empty"));
                    }
                    c.value.get()
                }
                _ => return Ok(None),
            }
        }
        Kind::Code => {
            let c = obj.as_ref::<CodeObj>().expect("code");
            match n {
                "co_name" => vm.intern(&c.info.name.clone()),
                "co_filename" => c.filename,
                "co_argcount" => Value::small_int(c.info.argcount as isize),
                "co_posonlyargcount" => Value::small_int(c.info.posonlyargcount as isize),
                "co_kwonlyargcount" => Value::small_int(c.info.kwonlyargcount as isize),
                "co_varnames" => c.varnames,
                "co_freevars" | "co_cellvars" => {
                    let names = if n == "co_freevars" {
                        c.info.freevars.clone()
                    } else {
                        c.info.cellvars.clone()
                    };
                    let t = vm.new_tuple_with(names.len(), |_| Value::NONE)?;
                    for (i, s) in names.iter().enumerate() {
                        let q = vm.intern(s);
                        crate::gc::tuple_fill(t, i, q);
                    }
                    t
                }
                "co_names" => c.names,
                "co_consts" => c.consts,
                "co_firstlineno" => Value::small_int(c.info.first_line as isize),
                "co_flags" => Value::small_int(c.info.flags as isize),
                _ => return Ok(None),
            }
        }
        Kind::Super => {
            let s = obj.as_ref::<SuperObj>().expect("super");
            match n {
                "__thisclass__" => s.this_class,
                "__self__" => s.obj,
                "__self_class__" => s.obj_type,
                _ => return Ok(None),
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// The field-backed attribute names of a layout (what `dir()` lists besides dict entries).
pub fn names_for(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Range | Kind::Slice => &["start", "step", "stop"],
        Kind::Int => &["denominator", "imag", "numerator", "real"],
        Kind::Float | Kind::Complex => &["imag", "real"],
        Kind::Exception => &[
            "__cause__",
            "__context__",
            "__suppress_context__",
            "__traceback__",
            "args",
        ],
        Kind::Function => &[
            "__annotations__",
            "__builtins__",
            "__closure__",
            "__code__",
            "__defaults__",
            "__globals__",
            "__kwdefaults__",
            "__module__",
            "__name__",
            "__qualname__",
        ],
        Kind::Property => &["fdel", "fget", "fset"],
        Kind::Member => &["__doc__", "__name__", "__objclass__", "__qualname__"],
        _ => &[],
    }
}

/// Write (or delete, with `None`) a field-backed attribute: false when `name` is not one.
pub fn set(vm: &mut Vm, obj: Value, name: Value, value: Option<Value>) -> PyResult<bool> {
    let Some(n) = vm.str_of(name) else {
        return Ok(false);
    };
    let kind = obj.obj_kind();
    if n == "__class__" {
        let Some(v) = value else {
            return Err(vm.type_error("can't delete __class__ attribute"));
        };
        let Some(new_t) = v.downcast::<TypeObj>() else {
            let t = vm.type_name(v);
            return Err(vm.type_error(alloc::format!(
                "__class__ must be set to a class, not '{t}' object"
            )));
        };
        let Some(h) = obj.header() else {
            return Err(vm.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        };
        let old = h.ty.get();
        if old.kind != new_t.kind
            || old.dict_offset.get() != new_t.dict_offset.get()
            || !crate::ops::construct::same_slots(&old, &new_t)
            || !new_t.has(crate::obj::typeobj::flags::HEAPTYPE)
        {
            let (a, b) = (new_t.name_str(vm), old.name_str(vm));
            return Err(vm.type_error(alloc::format!(
                "__class__ assignment: '{a}' object layout differs from '{b}'"
            )));
        }
        h.ty.set(new_t);
        return Ok(true);
    }
    match kind {
        Some(Kind::Function) => set_function_attr(vm, obj, n, value),
        Some(Kind::Type) => {
            let t = obj.as_ref::<TypeObj>().expect("type");
            match (n, value) {
                ("__name__", Some(v)) => t.name.set(v),
                ("__qualname__", Some(v)) => t.qualname.set(v),
                _ => return Ok(false),
            }
            Ok(true)
        }
        Some(Kind::Exception) => {
            let e = obj.as_ref::<ExcObj>().expect("exception");
            let v = value.unwrap_or(Value::NONE);
            match n {
                "args" => {
                    let t = crate::ops::iter::to_tuple(vm, v)?;
                    e.args.set(t);
                }
                "__traceback__" => {
                    let entries = crate::ops::traceback::entries_from(vm, v)?;
                    e.traceback.set(entries);
                }
                "__cause__" => {
                    e.cause.set(v);
                    e.suppress_context.set(true);
                }
                "__context__" => e.context.set(v),
                "__suppress_context__" => {
                    let b = vm.truthy(v)?;
                    e.suppress_context.set(b);
                }
                "__notes__" => e.notes.set(v),
                _ => return Ok(false),
            }
            Ok(true)
        }
        Some(Kind::Instance) | Some(Kind::List) | Some(Kind::Dict) if n == "__dict__" => {
            let ty = vm.type_of(obj);
            match obj.dict_slot(ty.dict_offset.get()) {
                Some(slot) => {
                    let v = value.unwrap_or(Value::NULL);
                    if !v.is_null() && crate::obj::dict::as_dict(v).is_none() {
                        let t = vm.type_name(v);
                        return Err(vm.type_error(alloc::format!(
                            "__dict__ must be set to a dictionary, not a '{t}'"
                        )));
                    }
                    slot.set(v);
                    Ok(true)
                }
                None => Ok(false),
            }
        }
        _ => Ok(false),
    }
}

/// Assign (or delete, `value` None) a function's special attribute, with CPython's type checks.
fn set_function_attr(vm: &mut Vm, obj: Value, n: &str, value: Option<Value>) -> PyResult<bool> {
    let f = obj.as_ref::<FunctionObj>().expect("function");
    let v = value.unwrap_or(Value::NONE);
    let is_dict = crate::obj::dict::as_dict(v).is_some();
    let wrong = |what: &str| alloc::format!("{n} must be set to a {what} object");
    match n {
        "__name__" | "__qualname__" => {
            if value.is_none() || !vm.is_str(v) {
                return Err(vm.type_error(wrong("string")));
            }
            if n == "__name__" {
                &f.name
            } else {
                &f.qualname
            }
            .set(v);
        }
        "__doc__" => f.doc.set(v),
        "__module__" => f.module.set(v),
        "__defaults__" => {
            if !v.is_none() && v.obj_kind() != Some(Kind::Tuple) {
                return Err(vm.type_error(wrong("tuple")));
            }
            f.defaults.set(if v.is_none() { Value::NULL } else { v });
        }
        "__kwdefaults__" => {
            if !v.is_none() && !is_dict {
                return Err(vm.type_error(wrong("dict")));
            }
            f.kwdefaults.set(if v.is_none() { Value::NULL } else { v });
        }
        "__annotations__" => {
            if !v.is_none() && !is_dict {
                return Err(vm.type_error(wrong("dict")));
            }
            f.annotations.set(v);
        }
        "__dict__" => {
            if value.is_none() {
                return Err(vm.type_error("cannot delete __dict__"));
            }
            if !is_dict {
                let t = vm.type_name(v);
                return Err(vm.type_error(alloc::format!(
                    "__dict__ must be set to a dictionary, not a '{t}'"
                )));
            }
            f.dict.set(v);
        }
        "__code__" => {
            if v.obj_kind() != Some(Kind::Code) {
                return Err(vm.type_error(wrong("code")));
            }
            return Err(vm.not_implemented("assigning a function's __code__"));
        }
        "__globals__" | "__closure__" | "__builtins__" => {
            return Err(vm.attribute_error("readonly attribute"));
        }
        _ => return Ok(false),
    }
    Ok(true)
}
