//! Text encodings for `str.encode`, `bytes.decode` and `str(b, encoding)`: UTF-8, ASCII,
//! Latin-1, UTF-16 and UTF-32 (with or without byte order), with the error handlers `strict`,
//! `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace` (encoding) and
//! `surrogateescape`/`surrogatepass` treated as `replace`, and CPython's error messages.

use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// A codec this module implements.
#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(true)) => "utf-32-be",
            Codec::Utf32(Some(false)) => "utf-32-le",
        }
    }
}

fn lookup(vm: &mut Vm, enc: &str) -> PyResult<Codec> {
    let norm: String = enc
        .trim()
        .chars()
        .map(|c| {
            if c == '_' || c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" => Codec::Latin1,
        "utf-16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf-16-le" | "utf-16le" => Codec::Utf16(Some(false)),
        "utf-16-be" | "utf-16be" => Codec::Utf16(Some(true)),
        "utf-32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf-32-le" | "utf-32le" => Codec::Utf32(Some(false)),
        "utf-32-be" | "utf-32be" => Codec::Utf32(Some(true)),
        _ => return Err(vm.new_exc(ExcKind::LookupError, &format!("unknown encoding: {enc}"))),
    })
}

fn text_arg(vm: &Vm, v: Value, default: &'static str) -> &'static str {
    if v.is_null() {
        default
    } else {
        vm.str_of(v).unwrap_or(default)
    }
}

fn unknown_handler(vm: &mut Vm, errs: &str) -> PyErr {
    vm.new_exc(
        ExcKind::LookupError,
        &format!("unknown error handler name '{errs}'"),
    )
}

/// A UnicodeDecodeError/UnicodeEncodeError with its `encoding`, `object`, `start`, `end` and
/// `reason` attributes.
fn unicode_error(
    vm: &mut Vm,
    kind: ExcKind,
    msg: &str,
    (encoding, object, (start, end), reason): (&str, Value, (usize, usize), &str),
) -> PyErr {
    let e = vm.new_exc(kind, msg);
    let attrs = [
        ("encoding", vm.new_str(encoding)),
        ("object", Ok(object)),
        ("start", Ok(Value::small_int(start as isize))),
        ("end", Ok(Value::small_int(end as isize))),
        ("reason", vm.new_str(reason)),
    ];
    for (name, v) in attrs {
        match v.and_then(|v| crate::ops::attr::set_attr_str(vm, e.0, name, v)) {
            Ok(()) => {}
            Err(err) => return err,
        }
    }
    e
}

/// Handle a decoding error over `bytes[start..end]`: append the replacement or raise.
fn decode_error(
    vm: &mut Vm,
    codec: Codec,
    errs: &str,
    bytes: &[u8],
    span: (usize, usize),
    reason: &str,
    out: &mut String,
) -> PyResult<()> {
    let (start, end) = span;
    match errs {
        "ignore" => Ok(()),
        "replace" | "surrogateescape" | "surrogatepass" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &bytes[start..end] {
                let _ = write!(out, "\\x{b:02x}");
            }
            Ok(())
        }
        "strict" => {
            let name = codec.name();
            let msg = if end - start == 1 {
                format!(
                    "'{name}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                    bytes[start]
                )
            } else {
                format!(
                    "'{name}' codec can't decode bytes in position {start}-{}: {reason}",
                    end - 1
                )
            };
            let object = vm.new_bytes(bytes)?;
            Err(unicode_error(
                vm,
                ExcKind::UnicodeDecodeError,
                &msg,
                (name, object, span, reason),
            ))
        }
        _ => Err(unknown_handler(vm, errs)),
    }
}

fn decode_utf8(vm: &mut Vm, bytes: &[u8], errs: &str, out: &mut String) -> PyResult<()> {
    let mut pos = 0;
    while pos < bytes.len() {
        match core::str::from_utf8(&bytes[pos..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(crate::value::utf8_unchecked(&bytes[pos..pos + good]));
                let start = pos + good;
                let (len, reason) = match e.error_len() {
                    Some(n) => {
                        let b = bytes[start];
                        let bad_start = n == 1 && !(0xc2..=0xf4).contains(&b);
                        (
                            n,
                            if bad_start {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            },
                        )
                    }
                    None => (bytes.len() - start, "unexpected end of data"),
                };
                decode_error(
                    vm,
                    Codec::Utf8,
                    errs,
                    bytes,
                    (start, start + len),
                    reason,
                    out,
                )?;
                pos = start + len;
            }
        }
    }
    Ok(())
}

fn decode_wide(
    vm: &mut Vm,
    codec: Codec,
    bytes: &[u8],
    errs: &str,
    out: &mut String,
) -> PyResult<()> {
    let (width, order) = match codec {
        Codec::Utf16(o) => (2, o),
        Codec::Utf32(o) => (4, o),
        _ => (1, None),
    };
    let mut pos = 0;
    let mut big = order.unwrap_or(false);
    let unit_codec = |big: bool| match codec {
        Codec::Utf16(_) => Codec::Utf16(Some(big)),
        _ => Codec::Utf32(Some(big)),
    };
    if order.is_none() && bytes.len() >= width {
        let bom: &[u8] = if width == 2 { &bytes[..2] } else { &bytes[..4] };
        if bom == [0xff, 0xfe] || bom == [0xff, 0xfe, 0, 0] {
            pos = width;
        } else if bom == [0xfe, 0xff] || bom == [0, 0, 0xfe, 0xff] {
            pos = width;
            big = true;
        }
    }
    let named = unit_codec(big);
    let read = |i: usize| -> u32 {
        let mut v: u32 = 0;
        for k in 0..width {
            let b = bytes[i + if big { k } else { width - 1 - k }] as u32;
            v = v << 8 | b;
        }
        v
    };
    while pos < bytes.len() {
        if pos + width > bytes.len() {
            return decode_error(
                vm,
                named,
                errs,
                bytes,
                (pos, bytes.len()),
                "truncated data",
                out,
            );
        }
        let u = read(pos);
        if width == 2 && (0xd800..0xdc00).contains(&u) {
            if pos + 4 > bytes.len() {
                return decode_error(
                    vm,
                    named,
                    errs,
                    bytes,
                    (pos, bytes.len()),
                    "unexpected end of data",
                    out,
                );
            }
            let lo = read(pos + 2);
            if (0xdc00..0xe000).contains(&lo) {
                let c = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                pos += 4;
            } else {
                decode_error(
                    vm,
                    named,
                    errs,
                    bytes,
                    (pos, pos + 2),
                    "illegal UTF-16 surrogate",
                    out,
                )?;
                pos += 2;
            }
            continue;
        }
        match char::from_u32(u) {
            Some(c) => out.push(c),
            None if width == 2 => decode_error(
                vm,
                named,
                errs,
                bytes,
                (pos, pos + 2),
                "illegal encoding",
                out,
            )?,
            None => decode_error(
                vm,
                named,
                errs,
                bytes,
                (pos, pos + 4),
                "code point not in range(0x110000)",
                out,
            )?,
        }
        pos += width;
    }
    Ok(())
}

/// Decode bytes with `encoding` and `errors` (NULL for the defaults) into a str value.
pub fn decode(vm: &mut Vm, bytes: &[u8], encoding: Value, errors: Value) -> PyResult<Value> {
    let enc = text_arg(vm, encoding, "utf-8");
    let errs = text_arg(vm, errors, "strict");
    let codec = lookup(vm, enc)?;
    let mut out = String::with_capacity(bytes.len());
    match codec {
        Codec::Utf8 => decode_utf8(vm, bytes, errs, &mut out)?,
        Codec::Latin1 => out.extend(bytes.iter().map(|&b| b as char)),
        Codec::Ascii => {
            for (pos, &b) in bytes.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_error(
                        vm,
                        codec,
                        errs,
                        bytes,
                        (pos, pos + 1),
                        "ordinal not in range(128)",
                        &mut out,
                    )?;
                }
            }
        }
        Codec::Utf16(_) | Codec::Utf32(_) => decode_wide(vm, codec, bytes, errs, &mut out)?,
    }
    vm.new_str(&out)
}

fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// Encode text with `encoding` and `errors` (NULL for the defaults).
pub fn encode(vm: &mut Vm, text: &str, encoding: Value, errors: Value) -> PyResult<Vec<u8>> {
    let enc = text_arg(vm, encoding, "utf-8");
    let errs = text_arg(vm, errors, "strict");
    let codec = lookup(vm, enc)?;
    let limit = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Utf16(order) => return Ok(encode_wide(text, 2, order)),
        Codec::Utf32(order) => return Ok(encode_wide(text, 4, order)),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errs {
            "ignore" => {}
            "replace" => out.extend(core::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => chars[i..end]
                .iter()
                .for_each(|&c| out.extend_from_slice(char_escape(c).as_bytes())),
            "xmlcharrefreplace" => chars[i..end]
                .iter()
                .for_each(|&c| out.extend_from_slice(format!("&#{};", c as u32).as_bytes())),
            "strict" | "surrogateescape" | "surrogatepass" => {
                let name = codec.name();
                let msg = if end - i == 1 {
                    let e = char_escape(c);
                    format!(
                        "'{name}' codec can't encode character '{e}' in position {i}: ordinal not in range({limit})"
                    )
                } else {
                    format!(
                        "'{name}' codec can't encode characters in position {i}-{}: ordinal not in range({limit})",
                        end - 1
                    )
                };
                let object = vm.new_str(text)?;
                let reason = format!("ordinal not in range({limit})");
                return Err(unicode_error(
                    vm,
                    ExcKind::UnicodeEncodeError,
                    &msg,
                    (name, object, (i, end), &reason),
                ));
            }
            _ => return Err(unknown_handler(vm, errs)),
        }
        i = end;
    }
    Ok(out)
}

fn encode_wide(text: &str, width: usize, order: Option<bool>) -> Vec<u8> {
    let big = order.unwrap_or(false);
    let mut out = Vec::with_capacity(text.len() * width + width);
    let put = |u: u32, out: &mut Vec<u8>| {
        for k in 0..width {
            let shift = 8 * if big { width - 1 - k } else { k };
            out.push((u >> shift) as u8);
        }
    };
    if order.is_none() {
        put(0xfeff, &mut out);
    }
    for c in text.chars() {
        if width == 2 {
            let mut buf = [0u16; 2];
            for &u in c.encode_utf16(&mut buf).iter() {
                put(u as u32, &mut out);
            }
        } else {
            put(c as u32, &mut out);
        }
    }
    out
}
