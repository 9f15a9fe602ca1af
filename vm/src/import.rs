//! Compiling source into code objects and importing modules: built-in modules, `.py` files and
//! packages (`__init__.py`) found on `sys.path`, relative imports, `from m import *`, and
//! running the main program.

use crate::obj::func::CodeObj;
use crate::obj::tuple;
use crate::obj::{Header, Kind, ModuleObj};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use frontend::bytecode::{CodeObject, Const};
use frontend::{CompileError, ErrorKind, Mode};

/// Turn a compile error into a `SyntaxError` (or subclass) instance.
pub fn syntax_error(vm: &mut Vm, e: &CompileError, filename: &str, source: &str) -> PyErr {
    let kind = match e.kind {
        ErrorKind::Syntax => ExcKind::SyntaxError,
        ErrorKind::Indentation => ExcKind::IndentationError,
        ErrorKind::Tab => ExcKind::TabError,
        ErrorKind::Memory => return vm.new_exc(ExcKind::MemoryError, &e.msg),
    };
    let text = source
        .lines()
        .nth(e.line.saturating_sub(1) as usize)
        .map(|l| format!("{l}\n"));
    let build = |vm: &mut Vm| -> PyResult<Value> {
        let msg = vm.new_str(&e.msg)?;
        let f = vm.new_str(filename)?;
        let t = match &text {
            Some(t) => vm.new_str(t)?,
            None => Value::NONE,
        };
        let details = vm.new_tuple(&[
            f,
            Value::small_int(e.line as isize),
            Value::small_int(e.col as isize),
            t,
        ])?;
        let args = vm.new_tuple(&[msg, details])?;
        let ty = vm.types.exc(kind);
        let exc = vm.new_exc_with_args(ty, args)?;
        for (n, v) in [
            ("msg", msg),
            ("filename", f),
            ("lineno", Value::small_int(e.line as isize)),
            ("offset", Value::small_int(e.col as isize)),
            ("text", t),
        ] {
            crate::ops::attr::set_attr_str(vm, exc, n, v)?;
        }
        Ok(exc)
    };
    match build(vm) {
        Ok(x) => PyErr(x),
        Err(e) => e,
    }
}

/// Peak Rust-heap use of compiling, per source byte, with a margin (see `compile_to_value`).
const COMPILE_BYTES_PER_SOURCE_BYTE: usize = 80;

/// Compile source text to a code value (`SyntaxError` on failure).
pub fn compile_to_value(vm: &mut Vm, source: &str, filename: &str, mode: Mode) -> PyResult<Value> {
    let options = frontend::Options {
        default_emitter: vm.config.default_emitter,
        optimize: vm.config.optimize,
    };
    // The tokens, syntax tree and code being built take about 40 bytes of the Rust allocator's
    // RAM per source byte on a 32-bit board (twice that on 64-bit hosts, where the room is
    // unbounded), and the token list, the largest piece, needs one free block of its size.
    vm.check_native_room(source.len().saturating_mul(COMPILE_BYTES_PER_SOURCE_BYTE))?;
    match frontend::compile_source(source, filename, mode, &options) {
        Ok(mut code) => {
            if vm.config.opt_level >= 3 {
                drop_line_numbers(&mut code);
            }
            // Inline assembler errors are compile errors, reported before anything runs.
            if let Err(e) = crate::native::thumb::check_tree(&code, crate::native::thumb::HOST_ISA)
            {
                let e = frontend::error::CompileError::syntax(e.message, e.line, e.col);
                return Err(syntax_error(vm, &e, filename, source));
            }
            let r = load_code(vm, code);
            // Nothing may allocate between loading and ending the unit (see `end_unit`).
            crate::native::end_unit(vm, r.is_ok())?;
            r
        }
        Err(e) => Err(syntax_error(vm, &e, filename, source)),
    }
}

/// Optimisation level 3: the code keeps no line numbers; every line reads as 1.
fn drop_line_numbers(code: &mut CodeObject) {
    code.lines.clear();
    code.first_line = 1;
    for c in &mut code.consts {
        if let Const::Code(inner) = c {
            drop_line_numbers(inner);
        }
    }
}

/// Convert a compiled code object (and its nested ones) into a VM code value.
pub fn load_code(vm: &mut Vm, mut code: CodeObject) -> PyResult<Value> {
    let consts = core::mem::take(&mut code.consts);
    let tv = vm.new_tuple_with(consts.len(), |_| Value::NONE)?;
    for (i, c) in consts.into_iter().enumerate() {
        let v = const_value(vm, c)?;
        crate::gc::tuple_fill(tv, i, v);
    }
    let names = vm.new_tuple_with(code.names.len(), |_| Value::NONE)?;
    for (i, n) in code.names.iter().enumerate() {
        let q = vm.intern(n);
        crate::gc::tuple_fill(names, i, q);
    }
    let varnames = vm.new_tuple_with(code.varnames.len(), |_| Value::NONE)?;
    for (i, n) in code.varnames.iter().enumerate() {
        let q = vm.intern(n);
        crate::gc::tuple_fill(varnames, i, q);
    }
    let filename = vm.new_str(&code.filename.clone())?;
    let name = vm.intern(&code.name.clone());
    let qualname = vm.new_str(&code.qualname.clone())?;
    let ty = vm.types.code;
    let n_names = code.names.len();
    let plain_arity = plain_arity(&code);
    let frame_words = crate::interp::frame::frame_words(&code) as u32;
    let obj = CodeObj {
        header: Header::new(ty),
        info: Box::new(code),
        consts: tv,
        names,
        consts_items: crate::obj::tuple::items(tv).as_ptr(),
        names_items: crate::obj::tuple::items(names).as_ptr(),
        varnames,
        filename,
        name,
        qualname,
        native: core::cell::Cell::new(0),
        native_owner: core::cell::Cell::new(None),
        plain_arity,
        frame_words,
        global_cache: (0..n_names)
            .map(|_| core::cell::Cell::new(crate::obj::func::GlobalCache::default()))
            .collect(),
        attr_cache: (0..n_names)
            .map(|_| crate::obj::func::NameCache::default())
            .collect(),
    };
    let g = Value::from_obj(vm.alloc(obj, true)?);
    crate::native::compile(vm, g)?;
    Ok(g)
}

/// `CodeObj::plain_arity` of `code`.
fn plain_arity(code: &CodeObject) -> u32 {
    use frontend::bytecode::code::flags;
    let special = flags::VARARGS
        | flags::VARKEYWORDS
        | flags::GENERATOR
        | flags::COROUTINE
        | flags::ASYNC_GENERATOR;
    if code.flags & special != 0
        || code.kwonlyargcount != 0
        || code.nderefs() != 0
        || code.emitter == frontend::bytecode::Emitter::AsmThumb
    {
        u32::MAX
    } else {
        code.argcount
    }
}

fn const_value(vm: &mut Vm, c: Const) -> PyResult<Value> {
    Ok(match c {
        Const::None => Value::NONE,
        Const::True => Value::TRUE,
        Const::False => Value::FALSE,
        Const::Ellipsis => Value::ELLIPSIS,
        Const::Int(i) => vm.int_from_i64(i)?,
        Const::BigInt { digits, radix } => {
            let b = num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default();
            vm.int_from_big(b)?
        }
        Const::Float(f) => vm.new_float(f)?,
        Const::Imaginary(f) => vm.new_complex(0.0, f)?,
        Const::Str(s) => {
            // Identifier-like constants are interned, as CPython does.
            if s.is_empty() {
                vm.empty_str
            } else if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                vm.intern(&s)
            } else {
                vm.new_str(&s)?
            }
        }
        Const::Bytes(b) => vm.new_bytes(&b)?,
        Const::Tuple(items) => {
            let t = vm.new_tuple_with(items.len(), |_| Value::NONE)?;
            for (i, c) in items.into_iter().enumerate() {
                let v = const_value(vm, c)?;
                crate::gc::tuple_fill(t, i, v);
            }
            t
        }
        Const::Code(code) => load_code(vm, *code)?,
    })
}

/// Source bytes as text: invalid UTF-8 is a SyntaxError naming the byte, as CPython reports
/// it ("(unicode error) 'utf-8' codec can't decode byte ...").
pub fn source_text(vm: &mut Vm, bytes: &[u8], filename: &str) -> PyResult<String> {
    let bad = match core::str::from_utf8(bytes) {
        Ok(s) => return Ok(s.to_string()),
        Err(e) => e,
    };
    let at = bad.valid_up_to();
    let reason = match bad.error_len() {
        None => "unexpected end of data",
        Some(_) if (0x80..0xc2).contains(&bytes[at]) || bytes[at] > 0xf4 => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    // CPython counts the position from the start of the token holding the byte: just inside a
    // string's quote, or the start of a name.
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let before = &bytes[line_start..at];
    let token_start = match before.iter().rposition(|&b| b == b'\'' || b == b'"') {
        Some(q) => q + 1,
        None => before
            .iter()
            .rposition(|&b| b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'_')
            .map_or(0, |i| i + 1),
    };
    let position = before.len() - token_start;
    let err = CompileError {
        kind: ErrorKind::Syntax,
        msg: format!(
            "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {position}: \
             {reason}",
            bytes[at]
        ),
        line,
        col: 0,
        incomplete: false,
    };
    let text = String::from_utf8_lossy(bytes).into_owned();
    Err(syntax_error(vm, &err, filename, &text))
}

/// A source line of a file, for tracebacks.
pub fn source_line(vm: &mut Vm, filename: &str, line: usize) -> Option<String> {
    if filename.starts_with('<') {
        return None;
    }
    if !vm.sources.contains_key(filename) {
        let bytes = vm.host.read_file(filename)?;
        vm.sources.insert(
            filename.to_string(),
            String::from_utf8_lossy(&bytes).into_owned(),
        );
    }
    vm.sources
        .get(filename)?
        .lines()
        .nth(line.checked_sub(1)?)
        .map(String::from)
}

/// The globals of `__main__` (made, with `__builtins__`, if there is none yet): where the REPL
/// runs what is typed.
pub fn main_globals(vm: &mut Vm) -> PyResult<Value> {
    if let Some(m) = vm.dict_get_str(vm.modules, "__main__")? {
        return Ok(vm.module_dict(m));
    }
    let m = vm.new_module("__main__")?;
    vm.register_module("__main__", m)?;
    let d = vm.module_dict(m);
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b)?;
    Ok(d)
}

/// Compile `source` and run it in `globals` (`Mode::Single` echoes expression values, as a
/// prompt does).
pub fn run_source(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    mode: Mode,
    globals: Value,
) -> PyResult<()> {
    let code = compile_to_value(vm, source, filename, mode)?;
    crate::interp::call::run_code(vm, code, globals, globals)?;
    Ok(())
}

/// Run source text as the `__main__` module.
pub fn run_main(vm: &mut Vm, source: &str, filename: &str) -> PyResult<Value> {
    let m = vm.new_module("__main__")?;
    vm.register_module("__main__", m)?;
    let d = vm.module_dict(m);
    if !filename.starts_with('<') {
        let f = vm.new_str(filename)?;
        vm.dict_set_str(d, "__file__", f)?;
        vm.sources.insert(filename.to_string(), source.to_string());
    }
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b)?;
    let code = compile_to_value(vm, source, filename, Mode::Exec)?;
    crate::interp::call::run_code(vm, code, d, d)?;
    Ok(m)
}

fn resolve_name(vm: &mut Vm, name: &str, level: usize, globals: Value) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let pkg = match vm.dict_get_str(globals, "__package__")? {
        Some(p) if vm.is_str(p) => String::from(vm.str_of(p).unwrap_or("")),
        _ => {
            let modname = vm
                .dict_get_str(globals, "__name__")?
                .and_then(|n| vm.str_of(n))
                .unwrap_or("");
            let is_pkg = vm.dict_get_str(globals, "__path__")?.is_some();
            if is_pkg {
                modname.to_string()
            } else {
                modname.rsplit_once('.').map_or("", |(p, _)| p).to_string()
            }
        }
    };
    if pkg.is_empty() {
        return Err(vm.new_exc(
            ExcKind::ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    let mut parts: Vec<&str> = pkg.split('.').collect();
    if level - 1 > parts.len() - 1 && level > 1 && level > parts.len() {
        return Err(vm.new_exc(
            ExcKind::ImportError,
            "attempted relative import beyond top-level package",
        ));
    }
    for _ in 1..level {
        parts.pop();
    }
    let base = parts.join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// `ImportName`: the `import` statement, through `builtins.__import__` (a program may replace
/// it).
pub fn import_statement(
    vm: &mut Vm,
    name: Value,
    fromlist: Value,
    level: Value,
    globals: Value,
) -> PyResult<Value> {
    let hook = crate::obj::dict::get_str(vm, vm.builtins, crate::interner::names::IMPORT)?;
    let replaced = hook.is_some_and(|h| {
        h.as_ref::<crate::obj::func::BuiltinObj>()
            .is_none_or(|b| b.name != "__import__" || !b.self_.is_null())
    });
    match hook {
        Some(h) if replaced => vm.call(h, &[name, globals, Value::NONE, fromlist, level]),
        _ => import_name(vm, name, fromlist, level, globals),
    }
}

/// Import `name` (dotted, possibly relative) and return what the statement binds: the built-in
/// `__import__`.
pub fn import_name(
    vm: &mut Vm,
    name: Value,
    fromlist: Value,
    level: Value,
    globals: Value,
) -> PyResult<Value> {
    let name_s = String::from(vm.str_of(name).unwrap_or(""));
    let level = level.as_small_int().unwrap_or(0).max(0) as usize;
    let full = resolve_name(vm, &name_s, level, globals)?;
    if full.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let mut module = Value::NULL;
    let mut prefix = String::new();
    for (i, part) in full.split('.').enumerate() {
        if i > 0 {
            prefix.push('.');
        }
        prefix.push_str(part);
        let parent = module;
        module = import_one(vm, &prefix, parent)?;
    }
    let has_fromlist = !fromlist.is_none() && !tuple::items(fromlist).is_empty();
    if has_fromlist || level > 0 && name_s.is_empty() {
        return Ok(module);
    }
    if level > 0 {
        return Ok(module);
    }
    let top = full.split('.').next().unwrap_or("");
    let k = vm.new_str(top)?;
    Ok(vm.dict_get(vm.modules, k)?.unwrap_or(module))
}

/// Import one module whose parent (for dotted names) is already imported.
fn import_one(vm: &mut Vm, fullname: &str, parent: Value) -> PyResult<Value> {
    let k = vm.new_str(fullname)?;
    if let Some(m) = vm.dict_get(vm.modules, k)? {
        return Ok(m);
    }
    let short = fullname.rsplit('.').next().unwrap_or(fullname);
    // Built-in modules, `collections.abc` among them (a submodule of a built-in).
    if let Some(m) = crate::modules::builtin_module(vm, fullname)? {
        vm.dict_set(vm.modules, k, m)?;
        if !parent.is_null() {
            let pk = vm.intern(short);
            vm.setattr(parent, pk, m)?;
        }
        return Ok(m);
    }
    let search: Vec<String> = if parent.is_null() {
        sys_path(vm)?
    } else {
        let pd = vm.module_dict(parent);
        match vm.dict_get_str(pd, "__path__")? {
            Some(p) => {
                let t = crate::ops::iter::to_tuple(vm, p)?;
                tuple::items(t)
                    .iter()
                    .filter_map(|&v| vm.str_of(v).map(String::from))
                    .collect()
            }
            None => {
                return Err(module_not_found(vm, fullname, Some(parent)));
            }
        }
    };
    for dir in search {
        let base = if dir.is_empty() {
            short.to_string()
        } else {
            format!("{dir}/{short}")
        };
        let init = format!("{base}/__init__.py");
        if vm.host.is_dir(&base) {
            if let Some(src) = vm.host.read_file(&init) {
                return exec_module(vm, fullname, &init, &src, Some(&base), parent);
            }
            // A namespace package: a directory without __init__.py.
            let m = vm.new_module(fullname)?;
            let d = vm.module_dict(m);
            let p = vm.new_str(&base)?;
            let pl = vm.new_list(&[p])?;
            vm.dict_set_str(d, "__path__", pl)?;
            vm.dict_set(vm.modules, k, m)?;
            if !parent.is_null() {
                let pk = vm.intern(short);
                vm.setattr(parent, pk, m)?;
            }
            return Ok(m);
        }
        let file = format!("{base}.py");
        if let Some(src) = vm.host.read_file(&file) {
            return exec_module(vm, fullname, &file, &src, None, parent);
        }
    }
    Err(module_not_found(vm, fullname, None))
}

fn module_not_found(vm: &mut Vm, name: &str, parent: Option<Value>) -> PyErr {
    let msg = match parent {
        Some(_) => {
            let p = name.rsplit_once('.').map_or("", |(p, _)| p);
            format!("No module named '{name}'; '{p}' is not a package")
        }
        None => format!("No module named '{name}'"),
    };
    let e = vm.new_exc(ExcKind::ModuleNotFoundError, &msg);
    if let Ok(n) = vm.new_str(name) {
        let _ = crate::ops::attr::set_attr_str(vm, e.0, "name", n);
    }
    e
}

fn sys_path(vm: &mut Vm) -> PyResult<Vec<String>> {
    let d = vm.module_dict(vm.sys);
    let Some(p) = vm.dict_get_str(d, "path")? else {
        return Ok(Vec::new());
    };
    let t = crate::ops::iter::to_tuple(vm, p)?;
    Ok(tuple::items(t)
        .iter()
        .filter_map(|&v| vm.str_of(v).map(String::from))
        .collect())
}

fn exec_module(
    vm: &mut Vm,
    fullname: &str,
    file: &str,
    src: &[u8],
    pkg_dir: Option<&str>,
    parent: Value,
) -> PyResult<Value> {
    let source = source_text(vm, src, file)?;
    let m = vm.new_module(fullname)?;
    let d = vm.module_dict(m);
    let f = vm.new_str(file)?;
    vm.dict_set_str(d, "__file__", f)?;
    let package = match pkg_dir {
        Some(dir) => {
            let p = vm.new_str(dir)?;
            let pl = vm.new_list(&[p])?;
            vm.dict_set_str(d, "__path__", pl)?;
            fullname.to_string()
        }
        None => fullname.rsplit_once('.').map_or("", |(p, _)| p).to_string(),
    };
    let pk = vm.new_str(&package)?;
    vm.dict_set_str(d, "__package__", pk)?;
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b)?;
    let k = vm.new_str(fullname)?;
    vm.dict_set(vm.modules, k, m)?;
    vm.sources.insert(file.to_string(), source.clone());
    let r = compile_to_value(vm, &source, file, Mode::Exec)
        .and_then(|code| crate::interp::call::run_code(vm, code, d, d));
    if let Err(e) = r {
        let _ = vm.dict_remove(vm.modules, k);
        return Err(e);
    }
    if !parent.is_null() {
        let short = fullname.rsplit('.').next().unwrap_or(fullname);
        let sk = vm.intern(short);
        vm.setattr(parent, sk, m)?;
    }
    // The module may have replaced itself in sys.modules.
    Ok(vm.dict_get(vm.modules, k)?.unwrap_or(m))
}

/// `ImportFrom`: `from module import name`.
pub fn import_from(vm: &mut Vm, module: Value, name: Value) -> PyResult<Value> {
    match vm.getattr_opt(module, name)? {
        Some(v) => Ok(v),
        None => {
            let modname = if module.obj_kind() == Some(Kind::Module) {
                let d = vm.module_dict(module);
                vm.dict_get_str(d, "__name__")?
                    .and_then(|n| vm.str_of(n))
                    .map(String::from)
            } else {
                None
            };
            if let Some(mn) = &modname {
                let full = format!("{mn}.{}", vm.str_of(name).unwrap_or(""));
                let fk = vm.new_str(&full)?;
                if vm.dict_get(vm.modules, fk)?.is_none()
                    && vm
                        .dict_get_str(vm.module_dict(module), "__path__")?
                        .is_some()
                    && let Ok(m) = import_one(vm, &full, module)
                {
                    return Ok(m);
                }
                if let Some(m) = vm.dict_get(vm.modules, fk)? {
                    return Ok(m);
                }
            }
            let n = vm.str_of(name).unwrap_or("?");
            let mn = modname.unwrap_or_else(|| String::from("?"));
            let file = if module.obj_kind() == Some(Kind::Module) {
                let d = vm.module_dict(module);
                vm.dict_get_str(d, "__file__")?
                    .and_then(|f| vm.str_of(f))
                    .map(String::from)
            } else {
                None
            };
            let msg = match file {
                Some(f) => format!("cannot import name '{n}' from '{mn}' ({f})"),
                None => format!("cannot import name '{n}' from '{mn}' (unknown location)"),
            };
            Err(vm.new_exc(ExcKind::ImportError, &msg))
        }
    }
}

/// `from module import *` into the namespace `ns`.
pub fn import_star(vm: &mut Vm, module: Value, ns: Value) -> PyResult<()> {
    let Some(m) = module.as_ref::<ModuleObj>() else {
        return Err(vm.type_error("import * requires a module"));
    };
    let d = m.dict.get();
    // `__all__` as an attribute: a module-level `__getattr__` may supply it (or raise).
    let all_name = vm.intern("__all__");
    if let Some(all) = vm.getattr_opt(module, all_name)? {
        let t = crate::ops::iter::to_tuple(vm, all)?;
        for &n in tuple::items(t) {
            let v = vm.getattr(module, n)?;
            crate::ops::subscr::mapping_set(vm, ns, n, v)?;
        }
        return Ok(());
    }
    let items = crate::ops::iter::to_list(vm, d)?;
    let l = items.as_ref::<crate::obj::list::ListObj>().expect("list");
    for c in l.items() {
        let k = c.get();
        if vm.str_of(k).is_some_and(|s| !s.starts_with('_')) {
            let v = vm.dict_get(d, k)?.unwrap_or(Value::NONE);
            crate::ops::subscr::mapping_set(vm, ns, k, v)?;
        }
    }
    Ok(())
}
