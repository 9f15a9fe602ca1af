//! Calling: dispatch on the callee's kind, binding arguments to a Python function's parameters
//! (positional, defaults, keywords, `*args`, `**kwargs`, keyword-only), creating frames and
//! generators, and building function objects (`MakeFunction`).

use super::eval::{Exit, run};
use super::frame::Frame;
use crate::obj::func::{BuiltinObj, CodeObj, FunctionObj};
use crate::obj::tuple;
use crate::obj::{BoundMethodObj, CellObj, Header, Kind, TypeObj};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;
use frontend::bytecode::code::flags;

/// Arguments held in a small on-stack buffer (so the conservative scan sees them) or, when
/// there are many, in a heap tuple.
struct ArgBuf {
    small: [Value; 8],
    heap: Value,
    len: usize,
}

impl ArgBuf {
    fn with_self(vm: &mut Vm, self_: Value, args: &[Value]) -> PyResult<ArgBuf> {
        let len = args.len() + 1;
        let mut b = ArgBuf {
            small: [Value::NULL; 8],
            heap: Value::NULL,
            len,
        };
        if len <= 8 {
            b.small[0] = self_;
            b.small[1..len].copy_from_slice(args);
        } else {
            b.heap = vm.new_tuple_with(len, |i| if i == 0 { self_ } else { args[i - 1] })?;
        }
        Ok(b)
    }

    fn as_slice(&self) -> &[Value] {
        if self.heap.is_null() {
            &self.small[..self.len]
        } else {
            tuple::items(self.heap)
        }
    }
}

impl Vm {
    /// Call `f` with positional arguments.
    #[inline]
    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        if let Some((func, code)) = plain_function(f, args.len()) {
            return call_plain(self, f, func, code, args);
        }
        self.call_kw(f, args, Value::NULL)
    }

    /// Call `f` with `args`, the last `len(kwnames)` of which are keyword arguments named by
    /// the tuple `kwnames` (NULL for none).
    pub fn call_kw(&mut self, f: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        match f.obj_kind() {
            Some(Kind::Function) => {
                let func = f.as_ref::<FunctionObj>().expect("function");
                call_function(self, f, func, args, kwnames)
            }
            Some(Kind::Builtin) => {
                let b = f.as_ref::<BuiltinObj>().expect("builtin");
                if b.self_.is_null() {
                    (b.func)(self, args, kwnames)
                } else {
                    let buf = ArgBuf::with_self(self, b.self_, args)?;
                    (b.func)(self, buf.as_slice(), kwnames)
                }
            }
            Some(Kind::BoundMethod) => {
                let m = f.as_ref::<BoundMethodObj>().expect("bound method");
                let buf = ArgBuf::with_self(self, m.self_, args)?;
                self.call_kw(m.func, buf.as_slice(), kwnames)
            }
            Some(Kind::Type) => {
                let ty = f.as_ref::<TypeObj>().expect("type");
                let meta = ty.header.ty.get();
                if meta.has(crate::obj::typeobj::flags::HEAPTYPE) {
                    let call =
                        crate::obj::typeobj::lookup(self, &meta, crate::interner::names::CALL)?;
                    if let Some(c) = call.filter(|c| c.as_ref::<BuiltinObj>().is_none()) {
                        let buf = ArgBuf::with_self(self, f, args)?;
                        return self.call_kw(c, buf.as_slice(), kwnames);
                    }
                }
                crate::ops::construct::call_type(self, ty, args, kwnames)
            }
            _ => {
                let name = crate::interner::names::CALL;
                let ty = self.type_of(f);
                match crate::obj::typeobj::lookup(self, &ty, name)? {
                    // A plain function gets the instance prepended: no bound method is made,
                    // so calling an instance allocates nothing more than calling a function.
                    Some(m) if m.obj_kind() == Some(crate::obj::Kind::Function) => {
                        self.call_with_self(m, f, args, kwnames)
                    }
                    Some(m) => {
                        let bound = crate::ops::attr::descr_get(self, m, f, Value::from_obj(ty))?;
                        self.call_kw(bound, args, kwnames)
                    }
                    None => {
                        let t = self.type_name(f);
                        Err(self.type_error(format!("'{t}' object is not callable")))
                    }
                }
            }
        }
    }

    /// Call `f(self_, *args, **kw)` without building an argument tuple for the common sizes.
    pub fn call_with_self(
        &mut self,
        f: Value,
        self_: Value,
        args: &[Value],
        kwnames: Value,
    ) -> PyResult<Value> {
        let buf = ArgBuf::with_self(self, self_, args)?;
        self.call_kw(f, buf.as_slice(), kwnames)
    }

    /// Call method `name` of `obj`.
    pub fn call_method(&mut self, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let (m, self_) = crate::ops::attr::load_method(self, obj, n)?;
        if self_.is_null() {
            self.call(m, args)
        } else {
            self.call_with_self(m, self_, args, Value::NULL)
        }
    }

    /// Past the recursion limit, or the native stack nearly used up?
    #[inline(always)]
    pub fn too_deep(&self) -> bool {
        self.depth > self.recursion_limit || self.stack_nearly_full()
    }

    /// Is the native stack used down to its reserve?
    #[inline(always)]
    pub fn stack_nearly_full(&self) -> bool {
        let here = 0u8;
        (core::hint::black_box(core::ptr::addr_of!(here)) as usize) < self.stack_limit
    }

    /// Enter a Python call: depth check and interrupt poll.
    #[inline(always)]
    fn enter_call(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.too_deep() {
            self.depth -= 1;
            return Err(self.new_exc(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(())
    }
}

/// `f(*args, **kwargs)` with a tuple and a dict (or NULL).
pub fn call_ex(vm: &mut Vm, f: Value, args: Value, kwargs: Value) -> PyResult<Value> {
    let args = if args.as_ref::<crate::obj::tuple::TupleObj>().is_some() {
        args
    } else {
        match crate::ops::iter::to_tuple(vm, args) {
            Ok(t) => t,
            Err(e) if vm.exc_is(e.0, ExcKind::TypeError) => {
                let name = crate::ops::format::callable_name(vm, f);
                let t = vm.type_name(args);
                return Err(vm.type_error(format!(
                    "{name} argument after * must be an iterable, not {t}"
                )));
            }
            Err(e) => return Err(e),
        }
    };
    if kwargs.is_null() || crate::obj::dict::as_dict(kwargs).is_none_or(|d| d.is_empty()) {
        return vm.call(f, tuple::items(args));
    }
    let d = crate::obj::dict::as_dict(kwargs).expect("dict");
    let pos = tuple::items(args);
    let n = pos.len() + d.len();
    // Positional values, then keyword values; names in a tuple.
    let all = vm.new_tuple_with(n, |i| {
        if i < pos.len() {
            pos[i]
        } else {
            d.iter().nth(i - pos.len()).map_or(Value::NONE, |(_, v)| v)
        }
    })?;
    let names = vm.new_tuple_with(d.len(), |i| d.iter().nth(i).map_or(Value::NONE, |(k, _)| k))?;
    for &k in tuple::items(names) {
        if !vm.is_str(k) {
            return Err(vm.type_error("keywords must be strings"));
        }
    }
    vm.call_kw(f, tuple::items(all), names)
}

/// Call a Python function.
pub fn call_function(
    vm: &mut Vm,
    fv: Value,
    func: &'static FunctionObj,
    args: &[Value],
    kwnames: Value,
) -> PyResult<Value> {
    let code = func.code.as_ref::<CodeObj>().expect("code");
    if code.plain_arity as usize == args.len() && kwnames.is_null() {
        return call_plain(vm, fv, func, code, args);
    }
    let info = &code.info;
    if info.emitter == frontend::bytecode::Emitter::AsmThumb {
        return crate::native::thumb::call(vm, code, args, kwnames);
    }
    let mut frame = Frame::new(vm, code, func.globals, Value::NULL, fv)?;
    bind_arguments(vm, func, code, &frame, args, kwnames)?;
    setup_cells(vm, func, code, &frame)?;
    if info.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
        return super::generator::new_generator(vm, func, frame);
    }
    vm.enter_call()?;
    let r = run(vm, &mut frame);
    vm.depth -= 1;
    super::frame::release_frame_block(vm, frame.block, code.frame_words as usize);
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.new_exc(ExcKind::SystemError, "yield from a non-generator frame")),
    }
}

/// `f`'s function and code when `f` is a Python function that `n` positional arguments call
/// plainly (see `call_plain`).
#[inline(always)]
pub(super) fn plain_function(
    f: Value,
    n: usize,
) -> Option<(&'static FunctionObj, &'static CodeObj)> {
    let func = f.as_ref::<FunctionObj>()?;
    let code = func.code.as_ref::<CodeObj>()?;
    (code.plain_arity as usize == n).then_some((func, code))
}

/// The common call: positional arguments that fill the parameters exactly, nothing else to
/// bind or set up (`CodeObj::plain_arity`).
#[inline(never)]
fn call_plain(
    vm: &mut Vm,
    fv: Value,
    func: &'static FunctionObj,
    code: &'static CodeObj,
    args: &[Value],
) -> PyResult<Value> {
    call_plain_inline(vm, fv, func, code, args)
}

/// `call_plain`, inlined into the native-code call helper: a call from machine code to a
/// function it calls often then runs in one Rust frame between the two functions' code.
#[inline(always)]
pub(super) fn call_plain_inline(
    vm: &mut Vm,
    fv: Value,
    func: &'static FunctionObj,
    code: &'static CodeObj,
    args: &[Value],
) -> PyResult<Value> {
    let mut frame = Frame::with_args(vm, code, func.globals, fv, args)?;
    vm.enter_call()?;
    let entry = crate::native::entry_of(code);
    let r = if entry != 0 {
        // Straight into machine code: `run`'s dispatch, inlined.
        let saved = vm.current_frame;
        vm.current_frame = Value::from_array(frame.block);
        let r = crate::native::run(vm, &mut frame, entry);
        vm.current_frame = saved;
        r
    } else {
        run(vm, &mut frame)
    };
    vm.depth -= 1;
    super::frame::release_frame_block(vm, frame.block, code.frame_words as usize);
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.new_exc(ExcKind::SystemError, "yield from a non-generator frame")),
    }
}

/// Run a module or class body with `locals` as its namespace.
pub fn run_code(vm: &mut Vm, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
    let code_obj = code.as_ref::<CodeObj>().expect("code");
    let mut frame = Frame::new(vm, code_obj, globals, locals, Value::NULL)?;
    vm.enter_call()?;
    let r = run(vm, &mut frame);
    vm.depth -= 1;
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.new_exc(ExcKind::SystemError, "yield at module level")),
    }
}

/// Run a class body function with `ns` as its namespace (class cells come from the closure).
pub fn run_class_body(vm: &mut Vm, body: Value, ns: Value) -> PyResult<Value> {
    let func = body
        .as_ref::<FunctionObj>()
        .expect("class body is a function");
    let code = func.code.as_ref::<CodeObj>().expect("code");
    let mut frame = Frame::new(vm, code, func.globals, ns, body)?;
    setup_cells(vm, func, code, &frame)?;
    vm.enter_call()?;
    let r = run(vm, &mut frame);
    vm.depth -= 1;
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.new_exc(ExcKind::SystemError, "yield in class body")),
    }
}

fn setup_cells(vm: &mut Vm, func: &FunctionObj, code: &CodeObj, frame: &Frame) -> PyResult<()> {
    let info = &code.info;
    if info.cell_from_arg.is_empty() && func.closure.is_null() {
        return Ok(());
    }
    let ty = vm.types.cell;
    for (i, &from) in info.cell_from_arg.iter().enumerate() {
        let init = if from == u32::MAX {
            Value::NULL
        } else {
            frame.slots[from as usize].get()
        };
        let cell = vm.alloc(
            CellObj {
                header: Header::new(ty),
                value: Cell::new(init),
            },
            false,
        )?;
        frame.slots[frame.cell_base + i].set(Value::from_obj(cell));
    }
    let closure = tuple::items(func.closure);
    for (i, &c) in closure.iter().enumerate() {
        frame.slots[frame.cell_base + info.cellvars.len() + i].set(c);
    }
    Ok(())
}

fn qualname(vm: &Vm, func: &FunctionObj) -> String {
    String::from(vm.str_of(func.qualname.get()).unwrap_or("?"))
}

fn bind_arguments(
    vm: &mut Vm,
    func: &FunctionObj,
    code: &CodeObj,
    frame: &Frame,
    args: &[Value],
    kwnames: Value,
) -> PyResult<()> {
    let info = &code.info;
    let kwn = tuple::items(kwnames);
    let npos = args.len() - kwn.len();
    let argcount = info.argcount as usize;
    let kwonly = info.kwonlyargcount as usize;
    let slots = frame.slots;
    let has_varargs = info.flags & flags::VARARGS != 0;
    let has_varkw = info.flags & flags::VARKEYWORDS != 0;

    // Fast path: exact positional call.
    if kwn.is_empty() && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
        for (i, &a) in args.iter().enumerate() {
            slots[i].set(a);
        }
        return Ok(());
    }

    for (i, &a) in args[..npos.min(argcount)].iter().enumerate() {
        slots[i].set(a);
    }
    let mut next = argcount + kwonly;
    if has_varargs {
        let extra = if npos > argcount {
            &args[argcount..npos]
        } else {
            &[][..]
        };
        let t = vm.new_tuple(extra)?;
        slots[next].set(t);
        next += 1;
    } else if npos > argcount {
        let defaults = tuple::items(func.defaults.get()).len();
        let name = qualname(vm, func);
        let takes = if defaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - defaults,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let given = npos;
        let was = if given == 1 { "was" } else { "were" };
        return Err(vm.type_error(format!("{name}() takes {takes} but {given} {was} given")));
    }
    let kwdict = if has_varkw {
        let d = vm.new_dict()?;
        slots[next].set(d);
        d
    } else {
        Value::NULL
    };
    let posonly = info.posonlyargcount as usize;
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (j, &name) in kwn.iter().enumerate() {
        let value = args[npos + j];
        let Some(name_s) = vm.str_of(name) else {
            return Err(vm.type_error("keywords must be strings"));
        };
        let pos = info.varnames[posonly..argcount + kwonly]
            .iter()
            .position(|v| v == name_s)
            .map(|p| p + posonly);
        match pos {
            Some(p) => {
                if !slots[p].get().is_null() {
                    let fname = qualname(vm, func);
                    return Err(vm.type_error(format!(
                        "{fname}() got multiple values for argument '{name_s}'"
                    )));
                }
                slots[p].set(value);
            }
            None if has_varkw => vm.dict_set(kwdict, name, value)?,
            None => {
                if info.varnames[..posonly].iter().any(|v| v == name_s) {
                    posonly_as_kw.push(String::from(name_s));
                    continue;
                }
                let fname = qualname(vm, func);
                return Err(vm.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{name_s}'"
                )));
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        let fname = qualname(vm, func);
        let list = posonly_as_kw.join(", ");
        return Err(vm.type_error(format!(
            "{fname}() got some positional-only arguments passed as keyword arguments: '{list}'"
        )));
    }
    // Defaults for missing positional parameters.
    let defaults = tuple::items(func.defaults.get());
    let first_default = argcount - defaults.len();
    let mut missing: Vec<&str> = Vec::new();
    for i in 0..argcount {
        if slots[i].get().is_null() {
            if i >= first_default {
                slots[i].set(defaults[i - first_default]);
            } else {
                missing.push(&info.varnames[i]);
            }
        }
    }
    if !missing.is_empty() {
        let fname = qualname(vm, func);
        return Err(vm.type_error(missing_message(&fname, &missing, "positional")));
    }
    for (i, slot) in slots
        .iter()
        .enumerate()
        .take(argcount + kwonly)
        .skip(argcount)
    {
        if slot.get().is_null() {
            let name = &info.varnames[i];
            let kwd = func.kwdefaults.get();
            let d = if kwd.is_null() {
                None
            } else {
                vm.dict_get_str(kwd, name)?
            };
            match d {
                Some(v) => slot.set(v),
                None => missing.push(name),
            }
        }
    }
    if !missing.is_empty() {
        let fname = qualname(vm, func);
        return Err(vm.type_error(missing_message(&fname, &missing, "keyword-only")));
    }
    Ok(())
}

fn missing_message(fname: &str, missing: &[&str], what: &str) -> String {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let s = if missing.len() == 1 { "" } else { "s" };
    format!(
        "{fname}() missing {} required {what} argument{s}: {list}",
        missing.len()
    )
}

/// `MakeFunction`: pop the code and the optional parts its flags announce; build the function.
pub fn make_function(vm: &mut Vm, f: &mut Frame, fl: u32) -> PyResult<Value> {
    let code = f.pop();
    let closure = if fl & 8 != 0 { f.pop() } else { Value::NULL };
    let annotations = if fl & 4 != 0 { f.pop() } else { Value::NULL };
    let kwdefaults = if fl & 2 != 0 { f.pop() } else { Value::NULL };
    let defaults = if fl & 1 != 0 { f.pop() } else { Value::NULL };
    let func = new_function_object(vm, code, f.globals, closure)?;
    func.defaults.set(defaults);
    func.kwdefaults.set(kwdefaults);
    func.annotations.set(annotations);
    Ok(Value::from_obj(func))
}

/// A function running `code` (a code object) with `globals` and `closure` (a tuple of cells, or
/// NULL): named as the code is, its doc the code's, its module `globals['__name__']`, with no
/// defaults or annotations yet.
pub fn new_function_object(
    vm: &mut Vm,
    code: Value,
    globals: Value,
    closure: Value,
) -> PyResult<crate::gc::Gc<FunctionObj>> {
    let code_obj = code.as_ref::<CodeObj>().expect("code");
    let (name, qualname) = (code_obj.name, code_obj.qualname);
    let doc = match &code_obj.info.doc {
        Some(d) => {
            let d = d.clone();
            vm.new_str(&d)?
        }
        None => Value::NONE,
    };
    let module = crate::obj::dict::get_str(vm, globals, crate::interner::names::NAME)?
        .unwrap_or(Value::NONE);
    let ty = vm.types.function;
    let func = FunctionObj {
        header: Header::new(ty),
        code,
        globals,
        name: Cell::new(name),
        qualname: Cell::new(qualname),
        defaults: Cell::new(Value::NULL),
        kwdefaults: Cell::new(Value::NULL),
        closure,
        dict: Cell::new(Value::NULL),
        annotations: Cell::new(Value::NULL),
        doc: Cell::new(doc),
        module: Cell::new(module),
    };
    vm.alloc(func, false)
}
