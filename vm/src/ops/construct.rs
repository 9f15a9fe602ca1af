//! Making objects and classes: calling a type (`__new__` then `__init__`), `object.__new__` for
//! every layout, `type(name, bases, dict)` and metaclasses, `__build_class__` for `class`
//! statements, `__init_subclass__`, `__set_name__`, and the special-method flags of a class.

use crate::gc::Gc;
use crate::interp::call::run_class_body;
use crate::obj::exc::EXC_DICT_OFFSET;
use crate::obj::typeobj::{self, TypeObj, flags as tflags};
use crate::obj::{CellObj, Header, InstanceObj, Kind, MemberObj, MethodWrapperObj, tuple};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

/// Call a type object: `cls(*args, **kw)`.
pub fn call_type(
    vm: &mut Vm,
    ty: &'static TypeObj,
    args: &[Value],
    kwnames: Value,
) -> PyResult<Value> {
    let tyv = Value::from_ref(ty);
    if tyv == Value::from_obj(vm.types.type_) && args.len() == 1 && kwnames.is_null() {
        return Ok(Value::from_obj(vm.type_of(args[0])));
    }
    let new_name = crate::interner::names::NEW;
    let new = typeobj::lookup(vm, ty, new_name)?;
    if ty.kind == Kind::Instance && new == Some(vm.object_new) {
        return construct_plain(vm, ty, args, kwnames);
    }
    let obj = match new {
        Some(n) => {
            let n = match n.as_ref::<MethodWrapperObj>() {
                Some(w) if n.obj_kind() == Some(Kind::StaticMethod) => w.func.get(),
                _ => n,
            };
            vm.call_with_self(n, tyv, args, kwnames)?
        }
        None => object_new(vm, ty, args, kwnames)?,
    };
    let obj_ty = vm.type_of(obj);
    if !(Value::from_obj(obj_ty) == tyv || typeobj::is_subtype(&obj_ty, tyv)) {
        return Ok(obj);
    }
    let init_name = crate::interner::names::INIT;
    if let Some(init) = typeobj::lookup(vm, &obj_ty, init_name)? {
        // `object.__init__` after a `__new__` of the type's own accepts any arguments and does
        // nothing (`tuple(it)`, `int(x)`...): not worth a call.
        if ty.kind != Kind::Instance
            && init == vm.object_init
            && new.is_some_and(|n| n != vm.object_new)
        {
            return Ok(obj);
        }
        let r = vm.call_with_self(init, obj, args, kwnames)?;
        if !r.is_none() {
            let t = vm.type_name(r);
            return Err(vm.type_error(format!("__init__() should return None, not '{t}'")));
        }
    }
    Ok(obj)
}

/// `cls(*args)` for a class whose `__new__` is `object.__new__`: make the instance and call
/// `__init__` with the arguments on a small stack buffer (no argument tuples).
fn construct_plain(
    vm: &mut Vm,
    ty: &'static TypeObj,
    args: &[Value],
    kwnames: Value,
) -> PyResult<Value> {
    let init = typeobj::lookup(vm, ty, crate::interner::names::INIT)?;
    let object_init = Some(vm.object_init);
    if init == object_init && (!args.is_empty() || !kwnames.is_null()) {
        let name = ty.name_str(vm);
        return Err(vm.type_error(format!("{name}() takes no arguments")));
    }
    let obj = vm.alloc_instance(
        gc_of(ty),
        InstanceObj {
            header: Header::new(gc_of(ty)),
            dict: Cell::new(Value::NULL),
        },
    )?;
    let Some(init) = init.filter(|&i| Some(i) != object_init) else {
        return Ok(obj);
    };
    let r = vm.call_with_self(init, obj, args, kwnames)?;
    if !r.is_none() {
        let t = vm.type_name(r);
        return Err(vm.type_error(format!("__init__() should return None, not '{t}'")));
    }
    Ok(obj)
}

/// `object.__new__(cls)`: an empty instance with `cls`'s layout.
pub fn object_new(
    vm: &mut Vm,
    ty: &'static TypeObj,
    args: &[Value],
    kwnames: Value,
) -> PyResult<Value> {
    let g = Header::new(gc_of(ty));
    let has_args = !args.is_empty() || !kwnames.is_null();
    match ty.kind {
        Kind::Instance | Kind::Object => {
            if has_args {
                let init_name = crate::interner::names::INIT;
                let new_name = crate::interner::names::NEW;
                let init = typeobj::lookup(vm, ty, init_name)?;
                let new = typeobj::lookup(vm, ty, new_name)?;
                let custom_init = init.is_some_and(|i| i != vm.object_init);
                let custom_new = new.is_some_and(|n| n != vm.object_new);
                if !custom_init && !custom_new {
                    let name = ty.name_str(vm);
                    return Err(vm.type_error(format!("{name}() takes no arguments")));
                }
            }
            if ty.kind == Kind::Object {
                let obj = vm.alloc_instance(gc_of(ty), g)?;
                return Ok(obj);
            }
            vm.alloc_instance(
                gc_of(ty),
                InstanceObj {
                    header: g,
                    dict: Cell::new(Value::NULL),
                },
            )
        }
        Kind::Exception => {
            let args_t = vm.new_tuple(&args[..args.len() - tuple::items(kwnames).len()])?;
            vm.new_exc_with_args(gc_of(ty), args_t)
        }
        Kind::List => vm.new_list_of_type(gc_of(ty), &[]),
        Kind::Module => {
            // `types.ModuleType(name, doc=None)`: `__init__` is not needed for the common case.
            let [name, doc] =
                crate::builtins::args::parse(vm, "module", args, kwnames, ["name", "doc"], 1)?;
            let Some(n) = vm.str_of(name).map(alloc::string::String::from) else {
                let t = vm.type_name(name);
                return Err(vm.type_error(format!(
                    "module.__init__() argument 'name' must be str, not {t}"
                )));
            };
            let m = vm.new_module(&n)?;
            if !doc.is_null() {
                let d = vm.module_dict(m);
                vm.dict_set_str(d, "__doc__", doc)?;
            }
            if let Some(h) = m.header() {
                h.ty.set(gc_of(ty));
            }
            Ok(m)
        }
        Kind::Dict => vm.new_dict_of_type(gc_of(ty)),
        Kind::Set => vm.new_set_of_type(gc_of(ty)),
        _ => {
            let name = ty.name_str(vm);
            Err(vm.type_error(format!("cannot create '{name}' instances")))
        }
    }
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`: a function
/// running `code` with `globals`, as CPython (and MicroPython's `type(f)(code, globals)`).
pub(crate) fn new_function(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    use crate::obj::func::CodeObj;
    let [code, globals, name, argdefs, closure] = crate::builtins::args::parse(
        vm,
        "function",
        args,
        kwnames,
        ["code", "globals", "name", "argdefs", "closure"],
        2,
    )?;
    let Some(code_obj) = code.as_ref::<CodeObj>() else {
        let t = vm.type_name(code);
        return Err(vm.type_error(format!("function() argument 'code' must be code, not {t}")));
    };
    if crate::obj::dict::as_dict(globals).is_none() {
        let t = vm.type_name(globals);
        return Err(vm.type_error(format!(
            "function() argument 'globals' must be dict, not {t}"
        )));
    }
    let name = if name.is_null() || name.is_none() {
        code_obj.name
    } else if vm.str_of(name).is_some() {
        name
    } else {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    };
    let defaults = if argdefs.is_null() || argdefs.is_none() {
        Value::NULL
    } else if argdefs.as_ref::<crate::obj::tuple::TupleObj>().is_some() {
        argdefs
    } else {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    };
    let nfree = code_obj.info.freevars.len();
    let closure = if closure.is_null() || closure.is_none() {
        if nfree > 0 {
            return Err(vm.type_error("arg 5 (closure) must be tuple"));
        }
        Value::NULL
    } else if closure.as_ref::<crate::obj::tuple::TupleObj>().is_some() {
        closure
    } else {
        return Err(vm.type_error("arg 5 (closure) must be None or tuple"));
    };
    let cells = tuple::items(closure).len();
    if cells != nfree {
        let name = alloc::string::String::from(vm.str_of(code_obj.name).unwrap_or("?"));
        return Err(vm.value_error(format!(
            "{name} requires closure of length {nfree}, not {cells}"
        )));
    }
    if let Some(bad) = tuple::items(closure)
        .iter()
        .find(|c| c.as_ref::<crate::obj::CellObj>().is_none())
    {
        let t = vm.type_name(*bad);
        return Err(vm.type_error(format!("arg 5 (closure) expected cell, found {t}")));
    }
    let func = crate::interp::call::new_function_object(vm, code, globals, closure)?;
    func.name.set(name);
    func.defaults.set(defaults);
    Ok(Value::from_obj(func))
}

fn gc_of(ty: &'static TypeObj) -> crate::gc::Gc<TypeObj> {
    Value::from_ref(ty).downcast::<TypeObj>().expect("type")
}

/// Recompute the special-method flags of a class (after creation or a class attribute change).
pub fn update_type_flags(vm: &mut Vm, t: &TypeObj) -> PyResult<()> {
    let mut fl = t.flags.get()
        & !(tflags::HAS_GETATTR | tflags::HAS_GETATTRIBUTE | tflags::HAS_SETATTR | tflags::HAS_DEL);
    let checks = [
        ("__getattr__", tflags::HAS_GETATTR),
        ("__getattribute__", tflags::HAS_GETATTRIBUTE),
        ("__setattr__", tflags::HAS_SETATTR),
        ("__delattr__", tflags::HAS_SETATTR),
        ("__del__", tflags::HAS_DEL),
    ];
    for (name, bit) in checks {
        let n = vm.intern(name);
        if let Some(v) = typeobj::lookup(vm, t, n)? {
            // Only the class's own implementations change behaviour.
            if crate::obj::func::defined_by_class(v) {
                fl |= bit;
            }
        }
    }
    t.flags.set(fl);
    Ok(())
}

/// `type(name, bases, ns)` for metaclass `meta`: create a class.
pub fn new_class(
    vm: &mut Vm,
    meta: Value,
    name: Value,
    bases: Value,
    ns: Value,
    kwnames_kw: &[(Value, Value)],
) -> PyResult<Value> {
    let _ = kwnames_kw;
    let bases = if tuple::items(bases).is_empty() {
        let o = Value::from_obj(vm.types.object);
        vm.new_tuple(&[o])?
    } else {
        bases
    };
    // The metaclass must be compatible with every base's metaclass (checked before the bases
    // themselves, as CPython does).
    for &b in tuple::items(bases) {
        let bt = vm.type_of(b);
        let meta_t = meta.as_ref::<TypeObj>().expect("metaclass");
        if !typeobj::is_subtype(meta_t, Value::from_obj(bt)) && !typeobj::is_subtype(&bt, meta) {
            return Err(vm.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    // The solid base decides the instance layout; a base with `__slots__` fields extends it,
    // and two such bases must lie on one line of inheritance.
    let mut kind = Kind::Instance;
    let mut slotted_base: Option<Gc<TypeObj>> = None;
    let mut exception = false;
    let mut inherited = 0;
    for &b in tuple::items(bases) {
        let Some(bt) = b.as_ref::<TypeObj>() else {
            let t = vm.type_name(b);
            return Err(vm.type_error(format!("bases must be types, not '{t}'")));
        };
        if !bt.has(tflags::BASETYPE) {
            let n = bt.name_str(vm);
            return Err(vm.type_error(format!("type '{n}' is not an acceptable base type")));
        }
        if bt.has(tflags::EXCEPTION) {
            exception = true;
        }
        inherited |= bt.flags.get() & (tflags::SEQUENCE | tflags::MAPPING);
        let k = bt.kind;
        if k != Kind::Instance && k != Kind::Object {
            if kind != Kind::Instance && kind != k {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
            kind = k;
        }
        if bt.instance_size.get() > subclass_layout(k).0 {
            let bv = Value::from_ref(bt);
            if let Some(other) = slotted_base {
                let ov = Value::from_obj(other);
                if !typeobj::is_subtype(bt, ov) && !typeobj::is_subtype(&other, bv) {
                    return Err(vm.type_error("multiple bases have instance lay-out conflict"));
                }
            }
            if slotted_base.is_none_or(|other| typeobj::is_subtype(bt, Value::from_obj(other))) {
                slotted_base = Some(gc_of(bt));
            }
        }
    }
    let (mut base_size, dict_offset) = subclass_layout(kind);
    if let Some(b) = slotted_base {
        // Slot fields laid out after one solid base cannot sit after another.
        if b.kind != kind {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
        base_size = base_size.max(b.instance_size.get());
    }
    let mro_rest = typeobj::c3_mro(vm, bases)?;
    let dict = vm.dict_copy(ns)?;
    let meta_t = meta.as_ref::<TypeObj>().expect("metaclass");
    let mut fl = tflags::HEAPTYPE | tflags::BASETYPE | inherited;
    if exception {
        fl |= tflags::EXCEPTION;
    }
    let qualname = match vm.dict_get_str(dict, "__qualname__")? {
        Some(q) => {
            let k = crate::interner::names::QUALNAME;
            vm.dict_remove(dict, k)?;
            q
        }
        None => name,
    };
    let t = TypeObj {
        header: Header::new(gc_of(meta_t)),
        kind,
        name: Cell::new(name),
        qualname: Cell::new(qualname),
        bases: Cell::new(bases),
        mro: Cell::new(Value::NULL),
        dict: Cell::new(dict),
        dict_offset: Cell::new(dict_offset),
        flags: Cell::new(fl),
        instance_size: Cell::new(base_size),
        instance_attrs: Cell::new(0),
    };
    let tv = vm.alloc_instance(gc_of(meta_t), t)?;
    vm.method_cache.invalidate();
    let t = tv.as_ref::<TypeObj>().expect("type");
    let mro = vm.new_tuple_with(mro_rest.len() + 1, |i| {
        if i == 0 { tv } else { mro_rest[i - 1] }
    })?;
    t.mro.set(mro);
    // Defining __eq__ without __hash__ makes instances unhashable.
    if vm.dict_get_str(dict, "__eq__")?.is_some() && vm.dict_get_str(dict, "__hash__")?.is_none() {
        vm.dict_set_str(dict, "__hash__", Value::NONE)?;
    }
    if vm.dict_get_str(dict, "__doc__")?.is_none() {
        vm.dict_set_str(dict, "__doc__", Value::NONE)?;
    }
    // `__new__` is an implicit static method; `__init_subclass__` and `__class_getitem__` are
    // implicit class methods.
    for (name, kind) in [
        ("__new__", Kind::StaticMethod),
        ("__init_subclass__", Kind::ClassMethod),
        ("__class_getitem__", Kind::ClassMethod),
    ] {
        if let Some(f) = vm.dict_get_str(dict, name)?
            && f.obj_kind() == Some(Kind::Function)
        {
            let w = wrap_method(vm, f, kind)?;
            vm.dict_set_str(dict, name, w)?;
        }
    }
    if let Some(slots) = vm.dict_get_str(dict, "__slots__")? {
        apply_slots(vm, t, slots)?;
    }
    update_type_flags(vm, t)?;
    // __set_name__ on the descriptors of a snapshot of the namespace (as CPython): one
    // replacing or adding class attributes changes neither which are called nor their order.
    let d = crate::obj::dict::as_dict(dict).expect("dict");
    let mut pairs = Vec::new();
    for pos in 0..d.entry_limit() {
        if let Some((k, v)) = d.entry_at(pos)
            && !matches!(v.obj_kind(), Some(Kind::Function) | None)
        {
            pairs.extend([k, v]);
        }
    }
    let snapshot = vm.new_tuple(&pairs)?;
    for pair in crate::obj::tuple::items(snapshot).chunks(2) {
        let sn = crate::interner::names::SET_NAME;
        if let Some(m) = crate::ops::attr::lookup_special(vm, pair[1], sn)? {
            vm.call(m, &[tv, pair[0]])?;
        }
    }
    Ok(tv)
}

/// `__slots__`: a member descriptor in the class dict for each name, its field appended to
/// the instance layout; without `"__dict__"` among them (and no base with a dict), instances
/// get no attribute dict.
fn apply_slots(vm: &mut Vm, t: &'static TypeObj, slots: Value) -> PyResult<()> {
    let slots = if vm.is_str(slots) {
        vm.new_tuple(&[slots])?
    } else {
        slots
    };
    let names = crate::ops::iter::to_tuple(vm, slots)?;
    let class_name = String::from(t.name_str(vm));
    let mut has_dict = false;
    let mut members: Vec<Value> = Vec::new();
    for &n in tuple::items(names) {
        let Some(text) = vm.str_of(n) else {
            let tn = vm.type_name(n);
            return Err(vm.type_error(format!("__slots__ items must be strings, not '{tn}'")));
        };
        if !crate::types::str_methods::case::is_identifier(text) {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        match text {
            "__dict__" if has_dict => {
                return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
            }
            "__dict__" => has_dict = true,
            "__weakref__" => {}
            _ => {
                let mangled = frontend::scope::mangle(Some(&class_name), text);
                let name = vm.intern(&mangled);
                if vm.dict_get(t.dict.get(), name)?.is_some() {
                    let msg = format!("'{text}' in __slots__ conflicts with class variable");
                    return Err(vm.value_error(msg));
                }
                members.push(name);
            }
        }
    }
    if !members.is_empty() && matches!(t.kind, Kind::Tuple | Kind::Str | Kind::Bytes | Kind::Int) {
        let base = layout_base_name(vm, t);
        let msg = format!("nonempty __slots__ not supported for subtype of '{base}'");
        return Err(vm.type_error(msg));
    }
    let mut offset = t.instance_size.get().max(subclass_layout(t.kind).0);
    for &name in &members {
        let member = MemberObj {
            header: Header::new(vm.types.member_descriptor),
            name,
            owner: gc_of(t),
            offset,
        };
        let m = vm.alloc(member, false)?;
        vm.dict_set(t.dict.get(), name, Value::from_obj(m))?;
        offset += core::mem::size_of::<Value>();
    }
    t.instance_size.set(offset);
    let bases_have_no_dict = tuple::items(t.mro.get())[1..].iter().all(|&b| {
        b.as_ref::<TypeObj>()
            .is_some_and(|bt| bt.dict_offset.get() == 0)
    });
    if !has_dict && bases_have_no_dict {
        t.dict_offset.set(0);
        t.flags.set(t.flags.get() | tflags::SLOTS);
    }
    Ok(())
}

/// Whether instances of `a` and `b` keep the same `__slots__` fields (names and offsets), so an
/// object can change between them by `__class__` assignment.
pub fn same_slots(a: &TypeObj, b: &TypeObj) -> bool {
    fn fields(t: &TypeObj) -> Vec<(Value, usize)> {
        let mut out = Vec::new();
        for &c in tuple::items(t.mro.get()) {
            let dict = c.as_ref::<TypeObj>().map(|c| c.dict.get());
            let Some(d) = dict.and_then(crate::obj::dict::as_dict) else {
                continue;
            };
            for (_, v) in d.iter() {
                if let Some(m) = v.as_ref::<MemberObj>() {
                    out.push((m.name, m.offset));
                }
            }
        }
        out.sort_by_key(|&(_, offset)| offset);
        out
    }
    a.instance_size.get() == b.instance_size.get() && fields(a) == fields(b)
}

/// The name of the built-in type whose layout `t` extends.
fn layout_base_name(vm: &Vm, t: &TypeObj) -> &'static str {
    tuple::items(t.mro.get())
        .iter()
        .filter_map(|&b| b.as_ref::<TypeObj>())
        .find(|b| !b.has(tflags::HEAPTYPE))
        .map_or("object", |b| b.name_str(vm))
}

/// A class statement's instance layout over a solid base of kind `k`, before any `__slots__`:
/// its size and the byte offset of the attribute dict (0: none).
fn subclass_layout(k: Kind) -> (usize, usize) {
    match k {
        Kind::Instance | Kind::Object => (
            core::mem::size_of::<InstanceObj>(),
            core::mem::offset_of!(InstanceObj, dict),
        ),
        Kind::Exception => (
            core::mem::size_of::<crate::obj::exc::ExcObj>(),
            EXC_DICT_OFFSET,
        ),
        // Variable-size layouts have no room for an attribute dict after their items:
        // instances of these subclasses take no new attributes (like `__slots__ = ()`).
        Kind::Tuple | Kind::Str | Kind::Bytes => (0, 0),
        _ => (
            layout_size(k) + core::mem::size_of::<Value>(),
            layout_size(k),
        ),
    }
}

fn layout_size(k: Kind) -> usize {
    use core::mem::size_of;
    match k {
        Kind::List => size_of::<crate::obj::list::ListObj>(),
        Kind::Dict => size_of::<crate::obj::dict::DictObj>(),
        Kind::Set => size_of::<crate::obj::set::SetObj>(),
        Kind::Int => size_of::<crate::obj::IntObj>(),
        Kind::Float => size_of::<crate::obj::FloatObj>(),
        Kind::Complex => size_of::<crate::obj::ComplexObj>(),
        Kind::ByteArray => size_of::<crate::obj::list::ByteArrayObj>(),
        Kind::Property => size_of::<crate::obj::PropertyObj>(),
        Kind::ClassMethod | Kind::StaticMethod => size_of::<MethodWrapperObj>(),
        Kind::Type => size_of::<TypeObj>(),
        Kind::Native => size_of::<crate::native_types::NativeObj>(),
        _ => size_of::<crate::obj::InstanceObj>(),
    }
}

/// Wrap `f` in a `classmethod` or `staticmethod` object.
pub fn wrap_method(vm: &mut Vm, f: Value, kind: Kind) -> PyResult<Value> {
    let ty = if kind == Kind::ClassMethod {
        vm.types.classmethod
    } else {
        vm.types.staticmethod
    };
    let w = MethodWrapperObj {
        header: Header::new(ty),
        func: Cell::new(f),
        dict: Cell::new(Value::NULL),
    };
    vm.alloc_instance(ty, w)
}

/// The `__build_class__` builtin: `class` statements call it with the body function, the name,
/// the bases and the class keywords.
pub fn build_class(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    let kwn = tuple::items(kwnames);
    let npos = args.len() - kwn.len();
    if npos < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let body = args[0];
    let name = args[1];
    let bases_in = &args[2..npos];
    // Resolve `__mro_entries__` (rare) by passing bases through unchanged.
    let bases = vm.new_tuple(bases_in)?;
    let mut meta = Value::NULL;
    let mut kw_pairs: Vec<(Value, Value)> = Vec::new();
    for (i, &k) in kwn.iter().enumerate() {
        if vm.str_of(k) == Some("metaclass") {
            meta = args[npos + i];
        } else {
            kw_pairs.push((k, args[npos + i]));
        }
    }
    if meta.is_null() {
        meta = Value::from_obj(vm.types.type_);
        for &b in bases_in {
            let bt = Value::from_obj(vm.type_of(b));
            let mt = meta.as_ref::<TypeObj>().expect("type");
            if let Some(btt) = bt.as_ref::<TypeObj>() {
                if typeobj::is_subtype(btt, meta) {
                    meta = bt;
                } else if !typeobj::is_subtype(mt, bt) {
                    return Err(vm.type_error(
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                    ));
                }
            }
        }
    }
    // The namespace: `__prepare__` if the metaclass has one.
    let kw_names_t = vm.new_tuple_with(kw_pairs.len(), |i| kw_pairs[i].0)?;
    let kw_vals_t = vm.new_tuple_with(kw_pairs.len(), |i| kw_pairs[i].1)?;
    let prep = crate::interner::names::PREPARE;
    let ns = match vm.getattr_opt(meta, prep)? {
        Some(p) => {
            let call_args = vm.new_tuple_with(2 + kw_pairs.len(), |i| match i {
                0 => name,
                1 => bases,
                _ => tuple::items(kw_vals_t)[i - 2],
            })?;
            vm.call_kw(
                p,
                tuple::items(call_args),
                if kw_pairs.is_empty() {
                    Value::NULL
                } else {
                    kw_names_t
                },
            )?
        }
        None => vm.new_dict()?,
    };
    let cell = run_class_body(vm, body, ns)?;
    let call_args = vm.new_tuple_with(3 + kw_pairs.len(), |i| match i {
        0 => name,
        1 => bases,
        2 => ns,
        _ => tuple::items(kw_vals_t)[i - 3],
    })?;
    let cls = vm.call_kw(
        meta,
        tuple::items(call_args),
        if kw_pairs.is_empty() {
            Value::NULL
        } else {
            kw_names_t
        },
    )?;
    if let Some(c) = cell.as_ref::<CellObj>() {
        c.value.set(cls);
    }
    Ok(cls)
}

/// `type.__new__(meta, name, bases, ns, **kw)` then `__init_subclass__`.
pub fn type_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    let kwn = tuple::items(kwnames);
    let npos = args.len() - kwn.len();
    if npos == 2 {
        // type(obj) through __new__.
        return Ok(Value::from_obj(vm.type_of(args[1])));
    }
    if npos != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let (meta, name, bases, ns) = (args[0], args[1], args[2], args[3]);
    if !vm.is_str(name) {
        return Err(vm.type_error("type.__new__() argument 1 must be str"));
    }
    if bases.as_ref::<crate::obj::tuple::TupleObj>().is_none() && !bases.is_obj() {
        return Err(vm.type_error("type.__new__() argument 2 must be tuple"));
    }
    if crate::obj::dict::as_dict(ns).is_none() {
        return Err(vm.type_error("type.__new__() argument 3 must be dict"));
    }
    let cls = new_class(vm, meta, name, bases, ns, &[])?;
    let t = cls.as_ref::<TypeObj>().expect("class");
    // A class made by calling type() belongs to the calling code's module.
    if vm.dict_get_str(t.dict.get(), "__module__")?.is_none()
        && let Some((_, globals, _, _)) = crate::interp::frame::frame_meta(vm.current_frame)
        && crate::obj::dict::as_dict(globals).is_some()
        && let Some(module) = vm.dict_get_str(globals, "__name__")?
    {
        vm.dict_set_str(t.dict.get(), "__module__", module)?;
    }
    // __init_subclass__ of the parent, with the class keywords.
    let isc = crate::interner::names::INIT_SUBCLASS;
    if let Some(f) = typeobj::lookup_after(vm, t, cls, isc)? {
        let bound = crate::ops::attr::descr_get(vm, f, Value::NULL, cls)?;
        let bound = if bound.obj_kind() == Some(Kind::Function) {
            crate::ops::attr::new_bound_method(vm, bound, cls)?
        } else {
            bound
        };
        vm.call_kw(
            bound,
            &args[npos..],
            if kwn.is_empty() { Value::NULL } else { kwnames },
        )?;
    }
    Ok(cls)
}

/// `object.__init_subclass__`: accepts no keywords.
pub fn object_init_subclass(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult<Value> {
    if !tuple::items(kwnames).is_empty() {
        let cls = args
            .first()
            .and_then(|c| c.as_ref::<TypeObj>())
            .map_or("?", |t| t.name_str(vm));
        return Err(vm.type_error(format!(
            "{cls}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::NONE)
}
