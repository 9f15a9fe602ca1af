//! `str.format` and `str.format_map`: CPython's format-string grammar (`{}` auto numbering,
//! `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `!r`/`!s`/`!a`, a format spec after `:` that may
//! itself hold replacement fields, `{{`/`}}`) with CPython's error messages. The formatting of
//! each value is `vm.format(value, spec)`.

use super::method;
use super::str::{no_keywords, one_arg, self_str};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Where replacement values come from.
struct Source<'a> {
    /// Positional arguments (`None` for `format_map`).
    args: Option<&'a [Value]>,
    /// The keyword mapping (NULL when there is none).
    kwargs: Value,
}

/// Automatic field numbering state.
#[derive(Clone, Copy, PartialEq)]
enum Numbering {
    Init,
    Auto,
    Manual,
}

struct Auto {
    state: Numbering,
    next: usize,
}

/// A parsed `{...}` field, as char ranges into the format string.
struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_nested: bool,
}

/// CPython's `get_integer`: `Ok(None)` when `s` is not all decimal digits.
fn get_integer(vm: &mut Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = decimal(c) else { return Ok(None) };
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(vm.value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

fn decimal(c: char) -> Option<usize> {
    crate::format::decimal_value(c).map(|d| d as usize)
}

/// Parse the field starting just after `{` at `*i`; leaves `*i` after the closing `}`.
fn parse_field(vm: &mut Vm, f: &[char], i: &mut usize) -> PyResult<Field> {
    let start = *i;
    let mut c = '\0';
    while *i < f.len() {
        c = f[*i];
        *i += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while *i < f.len() && f[*i] != ']' {
                    *i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name = (
        start,
        if matches!(c, '}' | ':' | '!') && *i > start {
            *i - 1
        } else {
            *i
        },
    );
    let mut field = Field {
        name,
        conversion: None,
        spec: (0, 0),
        spec_nested: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *i >= f.len() {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(f[*i]);
            *i += 1;
            if *i < f.len() {
                let d = f[*i];
                *i += 1;
                if d == '}' {
                    return Ok(field);
                }
                if d != ':' {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *i;
        let mut depth = 1;
        while *i < f.len() {
            let d = f[*i];
            *i += 1;
            match d {
                '{' => {
                    field.spec_nested = true;
                    depth += 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = (spec_start, *i - 1);
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// Look up the object a field name stands for.
fn field_object(vm: &mut Vm, name: &[char], src: &Source, auto: &mut Auto) -> PyResult<Value> {
    let split = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let (first, mut rest) = (&name[..split], &name[split..]);
    let mut index = get_integer(vm, first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if auto.state == Numbering::Init {
            auto.state = if empty {
                Numbering::Auto
            } else {
                Numbering::Manual
            };
        }
        if auto.state == Numbering::Manual && empty {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if auto.state == Numbering::Auto && !empty {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if empty {
            index = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut obj = match index {
        None => {
            let key: String = first.iter().collect();
            let key = vm.new_str(&key)?;
            if src.kwargs.is_null() {
                return Err(vm.key_error(key));
            }
            crate::ops::subscr::getitem(vm, src.kwargs, key)?
        }
        Some(k) => {
            let Some(args) = src.args else {
                return Err(vm.value_error("Format string contains positional fields"));
            };
            match args.get(k) {
                Some(&v) => v,
                None => {
                    return Err(vm.index_error(format!(
                        "Replacement index {k} out of range for positional args tuple"
                    )));
                }
            }
        }
    };
    while let Some(&c) = rest.first() {
        rest = &rest[1..];
        let (part, is_attr) = match c {
            '.' => {
                let end = rest
                    .iter()
                    .position(|&c| c == '.' || c == '[')
                    .unwrap_or(rest.len());
                let part = &rest[..end];
                rest = &rest[end..];
                (part, true)
            }
            '[' => {
                let Some(end) = rest.iter().position(|&c| c == ']') else {
                    return Err(vm.value_error("Missing ']' in format string"));
                };
                let part = &rest[..end];
                rest = &rest[end + 1..];
                (part, false)
            }
            _ => {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        };
        if part.is_empty() {
            return Err(vm.value_error("Empty attribute in format string"));
        }
        let text: String = part.iter().collect();
        obj = if is_attr {
            let n = vm.intern(&text);
            vm.getattr(obj, n)?
        } else {
            let key = match get_integer(vm, part)? {
                Some(k) => vm.int_from_i64(k as i64)?,
                None => vm.new_str(&text)?,
            };
            crate::ops::subscr::getitem(vm, obj, key)?
        };
    }
    Ok(obj)
}

/// Format `f` with the values of `src`; `depth` limits nested specs.
fn build(vm: &mut Vm, f: &[char], src: &Source, depth: u32, auto: &mut Auto) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut i = 0;
    while i < f.len() {
        let c = f[i];
        i += 1;
        if c != '{' && c != '}' {
            out.push(c);
            continue;
        }
        let next = f.get(i).copied();
        if c == '}' {
            if next != Some('}') {
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            out.push('}');
            i += 1;
            continue;
        }
        match next {
            None => return Err(vm.value_error("Single '{' encountered in format string")),
            Some('{') => {
                out.push('{');
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        let field = parse_field(vm, f, &mut i)?;
        let mut obj = field_object(vm, &f[field.name.0..field.name.1], src, auto)?;
        if let Some(conv) = field.conversion {
            obj = match conv {
                'r' => vm.repr(obj)?,
                's' => vm.str(obj)?,
                'a' => {
                    let r = vm.repr_text(obj)?;
                    vm.new_str(&crate::ops::format::ascii_of(&r))?
                }
                c if (c as u32) > 32 && (c as u32) < 127 => {
                    return Err(vm.value_error(format!("Unknown conversion specifier {c}")));
                }
                c => {
                    return Err(
                        vm.value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))
                    );
                }
            };
        }
        let spec_chars = &f[field.spec.0..field.spec.1];
        let spec: String = if field.spec_nested {
            build(vm, spec_chars, src, depth - 1, auto)?
        } else {
            spec_chars.iter().collect()
        };
        if spec.is_empty() && vm.type_of(obj) == vm.types.str {
            out.push_str(vm.str_of(obj).unwrap_or(""));
            continue;
        }
        let spec_v = vm.new_str(&spec)?;
        let r = vm.format(obj, spec_v)?;
        out.push_str(vm.str_of(r).unwrap_or(""));
    }
    Ok(out)
}

/// Format the str `fmt` with positional `args` and keyword mapping `kwargs` (NULL if none).
pub fn format_str(
    vm: &mut Vm,
    fmt: &str,
    args: Option<&[Value]>,
    kwargs: Value,
) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let src = Source { args, kwargs };
    let mut auto = Auto {
        state: Numbering::Init,
        next: 0,
    };
    let out = build(vm, &chars, &src, 2, &mut auto)?;
    super::str::check_size(vm, out.len())?;
    Ok(out)
}

fn s_format(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let fmt = self_str(vm, a, "format")?;
    let kwn = crate::obj::tuple::items(kw);
    let npos = a.len() - kwn.len();
    let kwargs = if kwn.is_empty() {
        Value::NULL
    } else {
        let d = vm.new_dict()?;
        for (j, &k) in kwn.iter().enumerate() {
            vm.dict_set(d, k, a[npos + j])?;
        }
        d
    };
    let out = format_str(vm, fmt, Some(&a[1..npos]), kwargs)?;
    vm.new_str(&out)
}

fn s_format_map(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let fmt = self_str(vm, a, "format_map")?;
    no_keywords(vm, kw, "str", "format_map")?;
    one_arg(vm, a, kw, "str", "format_map")?;
    let out = format_str(vm, fmt, None, a[1])?;
    vm.new_str(&out)
}

/// Install `str.format` and `str.format_map`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.str;
    vm.add_methods(
        ty,
        &[
            method("format", s_format),
            method("format_map", s_format_map),
        ],
    )
}
