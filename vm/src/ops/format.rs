//! Text conversions: `repr()`, `str()`, `ascii()`, `format()` with the format-spec mini-language,
//! f-string pieces, and `%`-formatting of `str`. Recursive containers print as `[...]`; the set
//! of objects being printed is tracked on the VM so a cycle stops instead of recursing forever.

use crate::format::{self as nf, PercentSpec};
use crate::interp::frame::cells_as_values;
use crate::obj::dict::as_dict;
use crate::obj::func::{BuiltinObj, FunctionObj};
use crate::obj::int::{is_int, to_bigint};
use crate::obj::list::{ByteArrayObj, ListObj};
use crate::obj::set::SetObj;
use crate::obj::tuple;
use crate::obj::{ComplexObj, IntObj, Kind, ModuleObj, RangeObj, SliceObj, TypeObj};
use crate::ops::cmp::float_of;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::{String, ToString};
use core::fmt::Write;

impl Vm {
    /// `repr(v)` as a str value.
    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        let user = self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE);
        if user && let Some(r) = self.call_user_dunder(v, "__repr__")? {
            if !self.is_str(r) {
                let t = self.type_name(r);
                return Err(self.type_error(format!("__repr__ returned non-string (type {t})")));
            }
            return Ok(r);
        }
        let s = self.repr_string(v)?;
        self.new_str(&s)
    }

    /// `str(v)` as a str value.
    pub fn str(&mut self, v: Value) -> PyResult<Value> {
        if self.is_str(v) && !self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE) {
            return Ok(v);
        }
        let user = self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE);
        if user {
            if let Some(r) = self.call_user_dunder(v, "__str__")? {
                if !self.is_str(r) {
                    let t = self.type_name(r);
                    return Err(self.type_error(format!("__str__ returned non-string (type {t})")));
                }
                return Ok(r);
            }
            if let Some(r) = self.call_user_dunder(v, "__repr__")? {
                return Ok(r);
            }
        }
        let s = self.builtin_str_text(v)?;
        self.new_str(&s)
    }

    /// The built-in `str` of `v` as Rust text, made without allocating on the GC heap.
    fn builtin_str_text(&mut self, v: Value) -> PyResult<String> {
        if let Some(s) = self.str_of(v) {
            return Ok(String::from(s));
        }
        if v.obj_kind() == Some(Kind::Exception) {
            return exception_str(self, v);
        }
        self.repr_string(v)
    }

    /// `str(v)` as Rust text. Only a class's own `__str__`/`__repr__` makes a str object on
    /// the heap, so built-in values convert while the heap is locked.
    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        if self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE) {
            let s = self.str(v)?;
            return Ok(String::from(self.str_of(s).unwrap_or("")));
        }
        self.builtin_str_text(v)
    }

    /// `repr(v)` as Rust text (user `__repr__` included).
    pub fn repr_text(&mut self, v: Value) -> PyResult<String> {
        if !self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE) {
            return self.repr_string(v);
        }
        let r = self.repr(v)?;
        Ok(String::from(self.str_of(r).unwrap_or("")))
    }

    fn call_user_dunder(&mut self, v: Value, name: &str) -> PyResult<Option<Value>> {
        let ty = self.type_of(v);
        let n = self.intern(name);
        match crate::obj::typeobj::lookup(self, &ty, n)? {
            Some(f) if crate::obj::func::defined_by_class(f) => {
                let m = crate::ops::attr::descr_get(self, f, v, Value::from_obj(ty))?;
                self.call(m, &[]).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// The built-in repr of `v` (ignores a user `__repr__` on `v` itself, not on its items).
    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        if let Some(i) = v.as_small_int() {
            return Ok(i.to_string());
        }
        match v {
            Value::NONE => return Ok("None".into()),
            Value::TRUE => return Ok("True".into()),
            Value::FALSE => return Ok("False".into()),
            Value::ELLIPSIS => return Ok("Ellipsis".into()),
            Value::NOT_IMPLEMENTED => return Ok("NotImplemented".into()),
            _ => {}
        }
        if let Some(s) = self.str_of(v) {
            return Ok(str_repr(s, false));
        }
        let kind = v.obj_kind();
        match kind {
            Some(Kind::Int) => {
                let s = v.as_ref::<IntObj>().expect("int").value.to_string();
                let limit = self.int_max_str_digits;
                if limit > 0 && s.trim_start_matches('-').len() > limit {
                    return Err(self.value_error(format!(
                        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                    )));
                }
                Ok(s)
            }
            Some(Kind::Float) => Ok(nf::float_repr(float_of(v).expect("float"))),
            Some(Kind::Complex) => {
                let c = v.as_ref::<ComplexObj>().expect("complex");
                Ok(complex_repr(c.re, c.im))
            }
            Some(Kind::List) | Some(Kind::Tuple) | Some(Kind::Dict) | Some(Kind::Set)
            | Some(Kind::DictView) => self.container_repr(v),
            Some(Kind::Bytes) => Ok(bytes_repr(self.bytes_of(v).expect("bytes"))),
            Some(Kind::ByteArray) => {
                let b = v.as_ref::<ByteArrayObj>().expect("bytearray").to_vec();
                Ok(format!("bytearray({})", bytes_repr(&b)))
            }
            Some(Kind::Range) => {
                let r = v.as_ref::<RangeObj>().expect("range");
                if let Some([start, stop, step]) = crate::types::range::wide_parts(r) {
                    let (a, b) = (self.repr_text(start)?, self.repr_text(stop)?);
                    return Ok(if step == Value::small_int(1) {
                        format!("range({a}, {b})")
                    } else {
                        let c = self.repr_text(step)?;
                        format!("range({a}, {b}, {c})")
                    });
                }
                Ok(if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                })
            }
            Some(Kind::Member) => {
                let m = v.as_ref::<crate::obj::MemberObj>().expect("member");
                let n = self.str_of(m.name).unwrap_or("?");
                Ok(format!(
                    "<member '{n}' of '{}' objects>",
                    m.owner.name_str(self)
                ))
            }
            Some(Kind::Slice) => {
                let s = v.as_ref::<SliceObj>().expect("slice");
                let (a, b, c) = (
                    self.repr_text(s.start)?,
                    self.repr_text(s.stop)?,
                    self.repr_text(s.step)?,
                );
                Ok(format!("slice({a}, {b}, {c})"))
            }
            Some(Kind::Type) => {
                let t = v.as_ref::<TypeObj>().expect("type");
                let name = self.dotted_name(t)?;
                Ok(format!("<class '{name}'>"))
            }
            Some(Kind::Function) => {
                let f = v.as_ref::<FunctionObj>().expect("function");
                let q = self.str_of(f.qualname.get()).unwrap_or("?");
                Ok(format!("<function {q} at {:#x}>", v.bits()))
            }
            Some(Kind::Builtin) => {
                let b = v.as_ref::<BuiltinObj>().expect("builtin");
                if b.self_.is_null() || b.self_.obj_kind() == Some(Kind::Module) {
                    Ok(format!("<built-in function {}>", b.name))
                } else {
                    let t = self.type_name(b.self_);
                    Ok(format!(
                        "<built-in method {} of {t} object at {:#x}>",
                        b.name,
                        b.self_.bits()
                    ))
                }
            }
            Some(Kind::BoundMethod) => {
                let m = v.as_ref::<crate::obj::BoundMethodObj>().expect("method");
                let name = match m.func.as_ref::<FunctionObj>() {
                    Some(f) => String::from(self.str_of(f.qualname.get()).unwrap_or("?")),
                    None => String::from("?"),
                };
                let r = self.repr_text(m.self_)?;
                Ok(format!("<bound method {name} of {r}>"))
            }
            Some(Kind::Module) => {
                let m = v.as_ref::<ModuleObj>().expect("module");
                let name = self.dict_get_str(m.dict.get(), "__name__")?;
                let n = name.and_then(|n| self.str_of(n)).unwrap_or("?");
                let file = self.dict_get_str(m.dict.get(), "__file__")?;
                match file.and_then(|f| self.str_of(f)) {
                    Some(f) => Ok(format!("<module '{n}' from '{f}'>")),
                    None if crate::modules::is_builtin_name(n) => {
                        Ok(format!("<module '{n}' (built-in)>"))
                    }
                    None => Ok(format!("<module '{n}'>")),
                }
            }
            Some(Kind::Exception) => {
                let name = String::from(self.type_name(v));
                let args = tuple::items(
                    v.as_ref::<crate::obj::exc::ExcObj>()
                        .expect("exc")
                        .args
                        .get(),
                );
                if args.len() == 1 {
                    let a = self.repr_text(args[0])?;
                    Ok(format!("{name}({a})"))
                } else {
                    let a = self.container_repr_items(args, "(", ")", args.len() == 1)?;
                    Ok(format!("{name}{a}"))
                }
            }
            Some(Kind::Generator) => {
                let g = v.as_ref::<crate::interp::generator::GenObj>().expect("gen");
                let q = self.str_of(g.qualname.get()).unwrap_or("?");
                let what = self.type_name(v);
                let what = if what == "generator" {
                    "generator object"
                } else {
                    "coroutine object"
                };
                Ok(format!("<{what} {q} at {:#x}>", v.bits()))
            }
            Some(Kind::Cell) => Ok(format!("<cell at {:#x}>", v.bits())),
            Some(Kind::Code) => {
                let c = v.as_ref::<crate::obj::func::CodeObj>().expect("code");
                Ok(format!(
                    "<code object {} at {:#x}, file \"{}\", line {}>",
                    c.info.name,
                    v.bits(),
                    c.info.filename,
                    c.info.first_line
                ))
            }
            Some(Kind::Property) => Ok(format!("<property object at {:#x}>", v.bits())),
            Some(Kind::Native) => crate::native_types::repr(self, v),
            Some(Kind::MemoryView) => Ok(crate::types::memoryview::repr_text(v)),
            Some(Kind::Super) => {
                let s = v.as_ref::<crate::obj::SuperObj>().expect("super");
                let c = s
                    .this_class
                    .as_ref::<TypeObj>()
                    .map_or("?", |t| t.name_str(self));
                // With a class as the second argument (`super(A, cls)`), CPython names the
                // class itself.
                let o = match s.obj.as_ref::<TypeObj>() {
                    Some(t) => String::from(t.name_str(self)),
                    None => String::from(self.type_name(s.obj)),
                };
                Ok(format!("<super: <class '{c}'>, <{o} object>>"))
            }
            _ => self.default_repr(v),
        }
    }

    /// `object.__repr__`: `<module.Class object at 0x...>`.
    pub fn default_repr(&mut self, v: Value) -> PyResult<String> {
        let ty = self.type_of(v);
        let name = self.dotted_name(&ty)?;
        Ok(format!("<{name} object at {:#x}>", v.bits()))
    }

    /// A class's qualified name with its module in front (none for built-ins).
    pub fn dotted_name(&mut self, ty: &TypeObj) -> PyResult<String> {
        let q = self.str_of(ty.qualname.get()).unwrap_or("?");
        Ok(
            match self
                .dict_get_str(ty.dict.get(), "__module__")?
                .and_then(|m| self.str_of(m))
            {
                Some(m) if m != "builtins" => format!("{m}.{q}"),
                _ => String::from(q),
            },
        )
    }

    fn container_repr(&mut self, v: Value) -> PyResult<String> {
        if self.repr_enter(v)? {
            return Ok(match v.obj_kind() {
                Some(Kind::List) => "[...]".into(),
                Some(Kind::Dict) => "{...}".into(),
                _ => "(...)".into(),
            });
        }
        let r = self.container_repr_inner(v);
        self.repr_leave(v);
        let s = r?;
        let ty = self.type_of(v);
        // Subclasses of set/frozenset/deque print their class name.
        if v.obj_kind() == Some(Kind::Set) && ty != self.types.set {
            let n = ty.name_str(self);
            return Ok(if s == "set()" {
                format!("{n}()")
            } else {
                format!("{n}({s})")
            });
        }
        Ok(s)
    }

    fn container_repr_inner(&mut self, v: Value) -> PyResult<String> {
        match v.obj_kind() {
            Some(Kind::List) => {
                let l = v.as_ref::<ListObj>().expect("list");
                // A snapshot: an item's __repr__ may change the list.
                let items =
                    self.outside_heap_lock(|vm| vm.new_tuple(cells_as_values(l.items())))?;
                self.container_repr_items(tuple::items(items), "[", "]", false)
            }
            Some(Kind::Tuple) => {
                let items = tuple::items(v);
                self.container_repr_items(items, "(", ")", items.len() == 1)
            }
            Some(Kind::Set) => {
                let s = v.as_ref::<SetObj>().expect("set");
                if s.is_empty() {
                    return Ok("set()".into());
                }
                let keys =
                    self.outside_heap_lock(|vm| vm.new_tuple_with(s.len(), |_| Value::NONE))?;
                for (i, k) in s.keys().enumerate() {
                    crate::gc::tuple_fill(keys, i, k);
                }
                self.container_repr_items(tuple::items(keys), "{", "}", false)
            }
            Some(Kind::Dict) => {
                let d = as_dict(v).expect("dict");
                let mut out = String::from("{");
                let mut pos = 0;
                let mut first = true;
                while pos < d.entry_limit() {
                    if let Some((k, val)) = d.entry_at(pos) {
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        let ks = self.repr_text(k)?;
                        let vs = self.repr_text(val)?;
                        out.push_str(&ks);
                        out.push_str(": ");
                        out.push_str(&vs);
                    }
                    pos += 1;
                }
                out.push('}');
                Ok(out)
            }
            Some(Kind::DictView) => {
                let view = v.as_ref::<crate::obj::DictViewObj>().expect("view");
                let name = String::from(self.type_name(v));
                let items = crate::ops::iter::to_list(self, v)?;
                let l = items.as_ref::<ListObj>().expect("list");
                let t = self.new_tuple(cells_as_values(l.items()))?;
                let inner = self.container_repr_items(tuple::items(t), "[", "]", false)?;
                let _ = view;
                Ok(format!("{name}({inner})"))
            }
            _ => Ok(String::new()),
        }
    }

    fn container_repr_items(
        &mut self,
        items: &[Value],
        open: &str,
        close: &str,
        trailing_comma: bool,
    ) -> PyResult<String> {
        let mut out = String::from(open);
        for (i, &it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let s = self.repr_text(it)?;
            out.push_str(&s);
        }
        if trailing_comma {
            out.push(',');
        }
        out.push_str(close);
        Ok(out)
    }

    /// Note that `v`'s repr is being made (true: it already is, a cycle). The bookkeeping is
    /// internal, so it is allowed while the heap is locked.
    fn repr_enter(&mut self, v: Value) -> PyResult<bool> {
        if self.scratch.is_null() {
            self.scratch = self.outside_heap_lock(|vm| vm.new_list(&[]))?;
        }
        let l = self.scratch.as_ref::<ListObj>().expect("list");
        if l.items().iter().any(|c| c.get() == v) {
            return Ok(true);
        }
        if self.depth + l.len() > self.recursion_limit {
            return Err(self.new_exc(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.outside_heap_lock(|vm| vm.list_append(l, v))?;
        Ok(false)
    }

    fn repr_leave(&mut self, v: Value) {
        let l = self.scratch.as_ref::<ListObj>().expect("list");
        if let Some(pos) = l.items().iter().rposition(|c| c.get() == v) {
            self.list_remove_at(l, pos);
        }
    }
}

/// The repr of a string: single quotes unless the text contains `'` and no `"`.
pub fn str_repr(s: &str, ascii: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) >= 0x80 && (ascii || !is_printable(c)) => {
                let n = c as u32;
                if n < 0x100 {
                    let _ = write!(out, "\\x{n:02x}");
                } else if n < 0x10000 {
                    let _ = write!(out, "\\u{n:04x}");
                } else {
                    let _ = write!(out, "\\U{n:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Whether CPython's `str.isprintable` accepts `c` (repr escapes the others).
pub fn is_printable(c: char) -> bool {
    crate::types::str_methods::case::is_printable(c)
}

/// The repr of bytes: `b'...'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote);
    out
}

/// The repr of a complex number.
pub fn complex_repr(re: f64, im: f64) -> String {
    let imag = if im.is_nan() || im.is_infinite() {
        nf::float_repr(im)
    } else {
        short_float(im)
    };
    if re == 0.0 && libm::copysign(1.0, re) > 0.0 {
        return format!("{imag}j");
    }
    let real = short_float(re);
    let sign = if im.is_sign_negative() && !im.is_nan() {
        ""
    } else {
        "+"
    };
    format!("({real}{sign}{imag}j)")
}

fn short_float(x: f64) -> String {
    let s = nf::float_repr(x);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

fn exception_str(vm: &mut Vm, v: Value) -> PyResult<String> {
    let e = v.as_ref::<crate::obj::exc::ExcObj>().expect("exc");
    let args = tuple::items(e.args.get());
    if vm.exc_is(v, ExcKind::KeyError) && args.len() == 1 {
        return vm.repr_text(args[0]);
    }
    if vm.exc_is(v, ExcKind::SyntaxError) && args.len() == 2 {
        let msg = vm.str_string(args[0])?;
        let details = tuple::items(args[1]);
        if details.len() >= 2 {
            let f = vm.str_string(details[0])?;
            let l = vm.str_string(details[1])?;
            return Ok(format!("{msg} ({f}, line {l})"));
        }
    }
    if vm.exc_is(v, ExcKind::OSError) && args.len() >= 2 {
        let errno = vm.str_string(args[0])?;
        let strerror = vm.str_string(args[1])?;
        let name = vm.intern("filename");
        let filename = match e.dict.get() {
            d if d.is_null() => None,
            d => crate::obj::dict::get_str(vm, d, name)?,
        };
        return Ok(match filename {
            Some(f) if !f.is_none() => {
                let fr = vm.repr_text(f)?;
                format!("[Errno {errno}] {strerror}: {fr}")
            }
            _ => format!("[Errno {errno}] {strerror}"),
        });
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => vm.str_string(args[0]),
        _ => vm.repr_string(e.args.get()),
    }
}

/// The name a call error message uses for `callee` (`f()` or `Class.method()`).
pub fn callable_name(vm: &mut Vm, callee: Value) -> String {
    if let Some(f) = callee.as_ref::<FunctionObj>() {
        let q = vm.str_of(f.qualname.get()).unwrap_or("?");
        return match vm.str_of(f.module.get()) {
            Some(m) => format!("{m}.{q}()"),
            None => format!("{q}()"),
        };
    }
    if let Some(b) = callee.as_ref::<BuiltinObj>() {
        return format!("{}()", b.name);
    }
    if let Some(t) = callee.as_ref::<TypeObj>() {
        return format!("{}()", t.name_str(vm));
    }
    format!("{}()", vm.type_name(callee))
}

/// f-string pieces: concatenate str values.
pub fn concat_strs(vm: &mut Vm, parts: &[Value]) -> PyResult<Value> {
    let mut out = String::new();
    for &p in parts {
        out.push_str(vm.str_of(p).unwrap_or(""));
    }
    vm.new_str(&out)
}

/// `FormatValue`: apply the conversion (0 none, 1 str, 2 repr, 3 ascii), then `format(v, spec)`.
pub fn format_value(vm: &mut Vm, v: Value, conversion: u32, spec: Value) -> PyResult<Value> {
    let v = match conversion {
        1 => vm.str(v)?,
        2 => vm.repr(v)?,
        3 => {
            let r = vm.repr_text(v)?;
            let a = ascii_of(&r);
            vm.new_str(&a)?
        }
        _ => v,
    };
    if (spec.is_null() || vm.str_of(spec) == Some(""))
        && vm.is_str(v)
        && !vm.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE)
    {
        return Ok(v);
    }
    let spec = if spec.is_null() { vm.empty_str } else { spec };
    vm.format(v, spec)
}

/// `ascii()` of already-repr'd text: escape non-ASCII.
pub fn ascii_of(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            let _ = write!(out, "\\x{n:02x}");
        } else if n < 0x10000 {
            let _ = write!(out, "\\u{n:04x}");
        } else {
            let _ = write!(out, "\\U{n:08x}");
        }
    }
    out
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let spec_s = String::from(self.str_of(spec).unwrap_or(""));
        let user = self.type_of(v).has(crate::obj::typeobj::flags::HEAPTYPE);
        if user && let Some(r) = self.call_user_format(v, spec)? {
            return Ok(r);
        }
        let tname = String::from(self.type_name(v));
        // A width or precision larger than the heap cannot be satisfied: MemoryError, as for any
        // allocation, instead of a failed host allocation.
        if let Ok(sp) = nf::parse_format_spec(&spec_s, &tname) {
            let limit = self.heap.total_bytes();
            if sp.width.unwrap_or(0) > limit || sp.precision.unwrap_or(0) > limit {
                return Err(self.memory_error());
            }
        }
        let result = if v.is_bool() && spec_s.is_empty() {
            Ok(String::from(if v == Value::TRUE {
                "True"
            } else {
                "False"
            }))
        } else if is_int(v) && !user || (is_int(v) && v.obj_kind() == Some(Kind::Int)) {
            let spec = nf::parse_format_spec(&spec_s, &tname);
            match spec {
                Ok(sp) => match v.as_small_int() {
                    Some(i) => nf::format_i64(i as i64, &sp, &tname),
                    None => nf::format_int(&to_bigint(v).expect("int"), &sp, &tname),
                },
                Err(e) => Err(e),
            }
        } else if let Some(f) = float_of(v) {
            nf::parse_format_spec(&spec_s, &tname).and_then(|sp| nf::format_float(f, &sp, &tname))
        } else if let Some(s) = self.str_of(v) {
            let s = String::from(s);
            nf::parse_format_spec(&spec_s, &tname).and_then(|sp| nf::format_str(&s, &sp, &tname))
        } else if let Some(c) = v.as_ref::<ComplexObj>() {
            crate::types::complex::format_complex(c.re, c.im, &spec_s)
        } else {
            if !spec_s.is_empty() {
                return Err(self.type_error(format!(
                    "unsupported format string passed to {tname}.__format__"
                )));
            }
            let s = self.str(v)?;
            return Ok(s);
        };
        match result {
            Ok(s) => self.new_str(&s),
            Err(msg) => {
                if nf::is_overflow_message(&msg) {
                    Err(self.overflow_error(msg))
                } else {
                    Err(self.value_error(msg))
                }
            }
        }
    }

    fn call_user_format(&mut self, v: Value, spec: Value) -> PyResult<Option<Value>> {
        let ty = self.type_of(v);
        let n = crate::interner::names::FORMAT;
        match crate::obj::typeobj::lookup(self, &ty, n)? {
            Some(f) if crate::obj::func::defined_by_class(f) => {
                let m = crate::ops::attr::descr_get(self, f, v, Value::from_obj(ty))?;
                let r = self.call(m, &[spec])?;
                if !self.is_str(r) {
                    let t = self.type_name(r);
                    return Err(self.type_error(format!("__format__ must return a str, not {t}")));
                }
                Ok(Some(r))
            }
            _ => {
                // A user subclass of a built-in formats like its base; plain objects use str().
                if matches!(v.obj_kind(), Some(Kind::Instance) | Some(Kind::Exception)) {
                    let s = self.str_of(spec).unwrap_or("");
                    if !s.is_empty() {
                        let t = String::from(self.type_name(v));
                        return Err(self.type_error(format!(
                            "unsupported format string passed to {t}.__format__"
                        )));
                    }
                    return self.str(v).map(Some);
                }
                Ok(None)
            }
        }
    }
}

/// `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let f = String::from(vm.str_of(fmt).expect("str"));
    let s = percent_format_text(vm, &f, args, false)?;
    vm.new_str(&s)
}

/// The shared `%` engine for `str` (and, with `bytes_mode`, for `bytes`).
pub fn percent_format_text(
    vm: &mut Vm,
    f: &str,
    args: Value,
    bytes_mode: bool,
) -> PyResult<String> {
    let is_tuple = args.obj_kind() == Some(Kind::Tuple);
    // Like CPython, any non-tuple, non-str object with __getitem__ counts as a mapping here:
    // it may go unused without a "not all arguments converted" error.
    let getitem_like = !is_tuple && !vm.is_str(args) && {
        let t = vm.type_of(args);
        crate::obj::typeobj::lookup(vm, &t, crate::interner::names::GETITEM)?.is_some()
    };
    let items: &[Value] = if is_tuple {
        tuple::items(args)
    } else {
        core::slice::from_ref(&args)
    };
    let is_mapping = !is_tuple
        && (as_dict(args).is_some()
            || (!vm.is_str(args)
                && vm.type_of(args).has(crate::obj::typeobj::flags::HEAPTYPE)
                && vm.hasattr(args, "__getitem__")?));
    let mut next = 0usize;
    let mut out = String::with_capacity(f.len());
    let chars: alloc::vec::Vec<char> = f.chars().collect();
    let mut i = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let mut value: Option<Value> = None;
        if chars[i] == '(' {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            let key: String = chars[start..i - 1].iter().collect();
            let k = vm.new_str(&key)?;
            value = Some(crate::ops::subscr::getitem(vm, args, k)?);
            used_mapping = true;
        }
        let mut spec = PercentSpec::default();
        while i < chars.len() {
            match chars[i] {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let take_star = |vm: &mut Vm, next: &mut usize| -> PyResult<isize> {
            let v = items
                .get(*next)
                .copied()
                .ok_or_else(|| vm.type_error("not enough arguments for format string"))?;
            *next += 1;
            if !is_int(v) {
                return Err(vm.type_error("* wants int"));
            }
            crate::ops::arith::index_of(vm, v)
        };
        if i < chars.len() && chars[i] == '*' {
            let w = take_star(vm, &mut next)?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = Some(w.unsigned_abs());
            i += 1;
        } else {
            let mut w = None;
            while i < chars.len() && chars[i].is_ascii_digit() {
                w = Some(w.unwrap_or(0) * 10 + chars[i].to_digit(10).expect("digit") as usize);
                i += 1;
            }
            spec.width = w;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = take_star(vm, &mut next)?;
                spec.precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p = p * 10 + chars[i].to_digit(10).expect("digit") as usize;
                    i += 1;
                }
                spec.precision = Some(p);
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let limit = vm.heap.total_bytes();
        if spec.width.unwrap_or(0) > limit || spec.precision.unwrap_or(0) > limit {
            return Err(vm.memory_error());
        }
        let ty = chars[i];
        i += 1;
        if ty == '%' {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            None => {
                if used_mapping || (is_mapping && !is_tuple) {
                    if is_mapping && !used_mapping {
                        args
                    } else {
                        return Err(vm.type_error("not enough arguments for format string"));
                    }
                } else {
                    let v = items
                        .get(next)
                        .copied()
                        .ok_or_else(|| vm.type_error("not enough arguments for format string"))?;
                    next += 1;
                    v
                }
            }
        };
        let piece = match ty {
            's' | 'r' | 'a' => {
                let body = match ty {
                    's' if bytes_mode => match crate::ops::buffer::bytes_like(vm, v) {
                        Some(b) => b.iter().map(|&c| c as char).collect(),
                        None => {
                            let t = vm.type_name(v);
                            return Err(vm.type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'")));
                        }
                    },
                    's' => vm.str_string(v)?,
                    'r' => vm.repr_text(v)?,
                    _ => {
                        let r = vm.repr_text(v)?;
                        ascii_of(&r)
                    }
                };
                nf::pad_percent(&body, &spec, ty, false)
            }
            'b' if bytes_mode => {
                let body: String = match crate::ops::buffer::bytes_like(vm, v) {
                    Some(b) => b.iter().map(|&c| c as char).collect(),
                    None => {
                        let t = vm.type_name(v);
                        return Err(vm.type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'")));
                    }
                };
                nf::pad_percent(&body, &spec, 's', false)
            }
            'c' => {
                let one_byte = if bytes_mode {
                    crate::ops::buffer::bytes_like(vm, v).filter(|b| b.len() == 1)
                } else {
                    None
                };
                let ch = if let Some(b) = one_byte {
                    b[0] as char
                } else if let Some(s) = vm.str_of(v).filter(|_| !bytes_mode) {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => return Err(vm.type_error("%c requires int or char")),
                    }
                } else if is_int(v) {
                    let n = crate::ops::arith::index_of(vm, v)?;
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(c) => c,
                        None => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                    }
                } else {
                    return Err(vm.type_error("%c requires int or char"));
                };
                nf::pad_percent(&ch.to_string(), &spec, 'c', false)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = if is_int(v) {
                    to_bigint(v).expect("int")
                } else if let Some(x) = float_of(v) {
                    if matches!(ty, 'o' | 'x' | 'X') {
                        let t = vm.type_name(v);
                        return Err(
                            vm.type_error(format!("%{ty} format: an integer is required, not {t}"))
                        );
                    }
                    if !x.is_finite() {
                        return Err(vm.overflow_error("cannot convert float infinity to integer"));
                    }
                    crate::ops::arith::float_to_bigint(x)
                } else {
                    let t = vm.type_name(v);
                    let what = if matches!(ty, 'o' | 'x' | 'X') {
                        "an integer"
                    } else {
                        "a real number"
                    };
                    return Err(vm.type_error(format!("%{ty} format: {what} is required, not {t}")));
                };
                nf::format_int_percent(&n, &spec, ty)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match crate::ops::arith::to_f64(vm, v)? {
                    Some(x) => x,
                    None => {
                        let t = vm.type_name(v);
                        return Err(vm.type_error(format!("must be real number, not {t}")));
                    }
                };
                nf::format_float_percent(x, &spec, ty)
            }
            other => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        };
        out.push_str(&piece);
    }
    if !used_mapping && !is_mapping && !getitem_like && next < items.len() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    if is_tuple && next < items.len() && !used_mapping {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}
