//! `str` case mappings (upper, lower with the final-sigma rule, casefold, capitalize, title,
//! swapcase) and the character-class predicates (isalpha, isdigit, istitle, isidentifier...),
//! Unicode-aware through Rust's case tables and the tables in `str_unicode.rs`.

use super::unicode::{self as u, in_table};
use crate::types::method;
use crate::types::str::{no_args, self_str};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;

fn is_title_char(c: char) -> bool {
    (c as u32) >= 0x1c5 && in_table(&u::TITLE, c)
}

/// Unicode `Cased`: uppercase, lowercase or titlecase.
pub fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_title_char(c)
}

fn is_case_ignorable(c: char) -> bool {
    in_table(&u::CASE_IGNORABLE, c)
}

/// Lowercase `chars[i]` into `out`, choosing final sigma like CPython.
fn push_lower(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != '\u{3a3}' {
        out.extend(c.to_lowercase());
        return;
    }
    let before = chars[..i].iter().rev().find(|&&x| !is_case_ignorable(x));
    let mut final_sigma = before.is_some_and(|&x| is_cased(x));
    if final_sigma {
        let after = chars[i + 1..].iter().find(|&&x| !is_case_ignorable(x));
        final_sigma = after.is_none_or(|&x| !is_cased(x));
    }
    out.push(if final_sigma { '\u{3c2}' } else { '\u{3c3}' });
}

fn push_title(c: char, out: &mut String) {
    match u::title_special(c) {
        Some(t) => out.push_str(t),
        None => out.extend(c.to_uppercase()),
    }
}

fn map_text(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    f: impl Fn(&[char], &mut String),
) -> PyResult<Value> {
    let s = self_str(vm, a, name)?;
    no_args(vm, a, kw, "str", name)?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    f(&chars, &mut out);
    vm.new_str(&out)
}

fn s_upper(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    map_text(vm, a, kw, "upper", |cs, out| {
        for &c in cs {
            out.extend(c.to_uppercase());
        }
    })
}

fn s_lower(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    map_text(vm, a, kw, "lower", |cs, out| {
        for i in 0..cs.len() {
            push_lower(cs, i, out);
        }
    })
}

fn s_casefold(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    map_text(vm, a, kw, "casefold", |cs, out| {
        for &c in cs {
            match u::fold_special(c) {
                Some(f) => out.push_str(f),
                None => out.extend(c.to_lowercase()),
            }
        }
    })
}

fn s_swapcase(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    map_text(vm, a, kw, "swapcase", |cs, out| {
        for (i, &c) in cs.iter().enumerate() {
            if c.is_uppercase() {
                push_lower(cs, i, out);
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
    })
}

fn s_capitalize(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    map_text(vm, a, kw, "capitalize", |cs, out| {
        for i in 0..cs.len() {
            if i == 0 {
                push_title(cs[0], out);
            } else {
                push_lower(cs, i, out);
            }
        }
    })
}

fn s_title(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    map_text(vm, a, kw, "title", |cs, out| {
        let mut prev_cased = false;
        for (i, &c) in cs.iter().enumerate() {
            if prev_cased {
                push_lower(cs, i, out);
            } else {
                push_title(c, out);
            }
            prev_cased = is_cased(c);
        }
    })
}

/// `str.isalpha` for one character.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(&u::ALPHA, c)
    }
}

/// `str.isdecimal` for one character.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(&u::DECIMAL, c)
    }
}

/// `str.isdigit` for one character.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(&u::DIGIT, c)
    }
}

/// `str.isnumeric` for one character.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(&u::NUMERIC, c)
    }
}

/// `str.isprintable` for one character.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        in_table(&u::PRINTABLE, c)
    }
}

/// Can `c` start an identifier?
pub fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        c == '_' || c.is_ascii_alphabetic()
    } else {
        in_table(&u::ID_START, c)
    }
}

/// Can `c` continue an identifier?
pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        c == '_' || c.is_ascii_alphanumeric()
    } else {
        in_table(&u::ID_CONTINUE, c)
    }
}

fn predicate(
    vm: &mut Vm,
    a: &[Value],
    kw: Value,
    name: &str,
    empty: bool,
    f: impl Fn(char) -> bool,
) -> PyResult<Value> {
    let s = self_str(vm, a, name)?;
    no_args(vm, a, kw, "str", name)?;
    if s.is_empty() {
        return Ok(Value::from_bool(empty));
    }
    Ok(Value::from_bool(s.chars().all(f)))
}

fn s_isalpha(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    predicate(vm, a, kw, "isalpha", false, is_alpha)
}
fn s_isdecimal(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    predicate(vm, a, kw, "isdecimal", false, is_decimal)
}
fn s_isdigit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    predicate(vm, a, kw, "isdigit", false, is_digit)
}
fn s_isnumeric(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    predicate(vm, a, kw, "isnumeric", false, is_numeric)
}
fn s_isalnum(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    predicate(vm, a, kw, "isalnum", false, |c| {
        is_alpha(c) || is_numeric(c)
    })
}
fn s_isspace(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    predicate(vm, a, kw, "isspace", false, |c| {
        super::is_space(c as u32, true)
    })
}
fn s_isprintable(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    predicate(vm, a, kw, "isprintable", true, is_printable)
}
fn s_isascii(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    predicate(vm, a, kw, "isascii", true, |c| c.is_ascii())
}

/// `s.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(is_id_start) && cs.all(is_id_continue)
}

fn s_isidentifier(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = self_str(vm, a, "isidentifier")?;
    no_args(vm, a, kw, "str", "isidentifier")?;
    Ok(Value::from_bool(is_identifier(s)))
}

fn s_isupper(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = self_str(vm, a, "isupper")?;
    no_args(vm, a, kw, "str", "isupper")?;
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_title_char(c) {
            return Ok(Value::FALSE);
        }
        cased |= c.is_uppercase();
    }
    Ok(Value::from_bool(cased))
}

fn s_islower(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = self_str(vm, a, "islower")?;
    no_args(vm, a, kw, "str", "islower")?;
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_title_char(c) {
            return Ok(Value::FALSE);
        }
        cased |= c.is_lowercase();
    }
    Ok(Value::from_bool(cased))
}

fn s_istitle(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let s = self_str(vm, a, "istitle")?;
    no_args(vm, a, kw, "str", "istitle")?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() || is_title_char(c) {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::from_bool(cased))
}

/// Install the case and predicate methods of `str`.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ty = vm.types.str;
    vm.add_methods(
        ty,
        &[
            method("upper", s_upper),
            method("lower", s_lower),
            method("casefold", s_casefold),
            method("swapcase", s_swapcase),
            method("capitalize", s_capitalize),
            method("title", s_title),
            method("isalpha", s_isalpha),
            method("isdecimal", s_isdecimal),
            method("isdigit", s_isdigit),
            method("isnumeric", s_isnumeric),
            method("isalnum", s_isalnum),
            method("isspace", s_isspace),
            method("isprintable", s_isprintable),
            method("isascii", s_isascii),
            method("isidentifier", s_isidentifier),
            method("isupper", s_isupper),
            method("islower", s_islower),
            method("istitle", s_istitle),
        ],
    )
}
