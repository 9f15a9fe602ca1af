//! The text algorithms `str`, `bytes` and `bytearray` share: searching, splitting, stripping,
//! replacing, padding and tab expansion over UTF-8 text or raw bytes (`is_str` selects which),
//! plus the helpers that turn results into values and resolve start/end arguments.

use crate::obj::Kind;
use crate::obj::list::ListObj;
use crate::value::{Value, utf8_unchecked};
use crate::vm::{PyResult, Vm};
use alloc::vec::Vec;

/// A byte range `start..end` of a text.
pub type Span = (usize, usize);

/// The character at byte `i` (a code point of UTF-8 text, or a byte) and its length in bytes.
pub fn char_at(h: &[u8], i: usize, is_str: bool) -> (u32, usize) {
    let b0 = h[i];
    if !is_str || b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let n = if b0 < 0xe0 {
        2
    } else if b0 < 0xf0 {
        3
    } else {
        4
    };
    let n = n.min(h.len() - i);
    (
        utf8_unchecked(&h[i..i + n])
            .chars()
            .next()
            .map_or(0, |c| c as u32),
        n,
    )
}

/// The character ending at byte `end` and its length in bytes.
pub fn char_before(h: &[u8], end: usize, is_str: bool) -> (u32, usize) {
    let mut i = end - 1;
    if is_str {
        while i > 0 && h[i] & 0xc0 == 0x80 {
            i -= 1;
        }
    }
    (char_at(h, i, is_str).0, end - i)
}

/// Python's whitespace: Unicode for str, ASCII for bytes.
pub fn is_space(c: u32, is_str: bool) -> bool {
    match c {
        0x09..=0x0d | 0x20 => true,
        _ if !is_str => false,
        0x1c..=0x1f
        | 0x85
        | 0xa0
        | 0x1680
        | 0x2000..=0x200a
        | 0x2028
        | 0x2029
        | 0x202f
        | 0x205f
        | 0x3000 => true,
        _ => false,
    }
}

fn is_line_break(c: u32, is_str: bool) -> bool {
    match c {
        0x0a | 0x0d => true,
        _ if !is_str => false,
        0x0b | 0x0c | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029 => true,
        _ => false,
    }
}

/// First occurrence of `n` in `h`.
pub fn find_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    let Some(&first) = n.first() else {
        return Some(0);
    };
    if n.len() > h.len() {
        return None;
    }
    let last = h.len() - n.len();
    let mut i = 0;
    while i <= last {
        match h[i..=last].iter().position(|&b| b == first) {
            Some(p) => i += p,
            None => return None,
        }
        if &h[i..i + n.len()] == n {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Last occurrence of `n` in `h`.
pub fn rfind_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .rev()
        .find(|&i| &h[i..i + n.len()] == n)
}

/// Non-overlapping occurrences of a non-empty `n` in `h`.
pub fn count_sub(h: &[u8], n: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while let Some(p) = find_sub(&h[i..], n) {
        count += 1;
        i += p + n.len();
    }
    count
}

/// Split on runs of whitespace, at most `maxsplit` times (negative: no limit).
pub fn split_ws(h: &[u8], is_str: bool, maxsplit: isize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut left = maxsplit;
    let mut i = 0;
    loop {
        while i < h.len() {
            let (c, l) = char_at(h, i, is_str);
            if !is_space(c, is_str) {
                break;
            }
            i += l;
        }
        if i == h.len() {
            break;
        }
        if left == 0 {
            out.push((i, h.len()));
            break;
        }
        let start = i;
        while i < h.len() {
            let (c, l) = char_at(h, i, is_str);
            if is_space(c, is_str) {
                break;
            }
            i += l;
        }
        out.push((start, i));
        left -= 1;
    }
    out
}

/// `rsplit()` on whitespace.
pub fn rsplit_ws(h: &[u8], is_str: bool, maxsplit: isize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut left = maxsplit;
    let mut i = h.len();
    loop {
        while i > 0 {
            let (c, l) = char_before(h, i, is_str);
            if !is_space(c, is_str) {
                break;
            }
            i -= l;
        }
        if i == 0 {
            break;
        }
        if left == 0 {
            out.push((0, i));
            break;
        }
        let end = i;
        while i > 0 {
            let (c, l) = char_before(h, i, is_str);
            if is_space(c, is_str) {
                break;
            }
            i -= l;
        }
        out.push((i, end));
        left -= 1;
    }
    out.reverse();
    out
}

/// Split on a non-empty separator.
pub fn split_sep(h: &[u8], sep: &[u8], maxsplit: isize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut left = maxsplit;
    let mut i = 0;
    while left != 0 {
        let Some(p) = find_sub(&h[i..], sep) else {
            break;
        };
        out.push((i, i + p));
        i += p + sep.len();
        left -= 1;
    }
    out.push((i, h.len()));
    out
}

/// `rsplit` on a non-empty separator.
pub fn rsplit_sep(h: &[u8], sep: &[u8], maxsplit: isize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut left = maxsplit;
    let mut end = h.len();
    while left != 0 {
        let Some(p) = rfind_sub(&h[..end], sep) else {
            break;
        };
        out.push((p + sep.len(), end));
        end = p;
        left -= 1;
    }
    out.push((0, end));
    out.reverse();
    out
}

/// `splitlines(keepends)`.
pub fn split_lines(h: &[u8], is_str: bool, keepends: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < h.len() {
        let (c, l) = char_at(h, i, is_str);
        if !is_line_break(c, is_str) {
            i += l;
            continue;
        }
        let mut eol = i + l;
        if c == 0x0d && h.get(eol) == Some(&b'\n') {
            eol += 1;
        }
        out.push((start, if keepends { eol } else { i }));
        start = eol;
        i = eol;
    }
    if start < h.len() {
        out.push((start, h.len()));
    }
    out
}

/// The span left after stripping characters matching `strip` from either end.
pub fn strip_span(
    h: &[u8],
    is_str: bool,
    left: bool,
    right: bool,
    strip: impl Fn(u32) -> bool,
) -> Span {
    let (mut i, mut j) = (0, h.len());
    if left {
        while i < j {
            let (c, l) = char_at(h, i, is_str);
            if !strip(c) {
                break;
            }
            i += l;
        }
    }
    if right {
        while j > i {
            let (c, l) = char_before(h, j, is_str);
            if !strip(c) {
                break;
            }
            j -= l;
        }
    }
    (i, j)
}

/// Replace up to `count` (negative: all) occurrences of `old` by `new`.
pub fn replace_bytes(h: &[u8], old: &[u8], new: &[u8], count: isize, is_str: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(h.len());
    let mut left = count;
    if old.is_empty() {
        let mut i = 0;
        while left != 0 {
            out.extend_from_slice(new);
            left -= 1;
            if i == h.len() {
                break;
            }
            let l = char_at(h, i, is_str).1;
            out.extend_from_slice(&h[i..i + l]);
            i += l;
        }
        out.extend_from_slice(&h[i..]);
        return out;
    }
    let mut i = 0;
    while left != 0 {
        let Some(p) = find_sub(&h[i..], old) else {
            break;
        };
        out.extend_from_slice(&h[i..i + p]);
        out.extend_from_slice(new);
        i += p + old.len();
        left -= 1;
    }
    out.extend_from_slice(&h[i..]);
    out
}

/// Pad `h` (`units` characters long) to `width` with `fill`, `left` fills going before it.
pub fn pad(h: &[u8], units: usize, width: usize, fill: &[u8], how: char) -> Vec<u8> {
    let marg = width.saturating_sub(units);
    let left = match how {
        'l' => 0,
        'r' => marg,
        _ => marg / 2 + (marg & width & 1),
    };
    let mut out = Vec::with_capacity(h.len() + marg * fill.len());
    for _ in 0..left {
        out.extend_from_slice(fill);
    }
    out.extend_from_slice(h);
    for _ in left..marg {
        out.extend_from_slice(fill);
    }
    out
}

/// `zfill(width)`.
pub fn zfill(h: &[u8], units: usize, width: usize) -> Vec<u8> {
    let fill = width.saturating_sub(units);
    let mut out = alloc::vec![b'0'; fill];
    out.extend_from_slice(h);
    if fill > 0 && matches!(h.first(), Some(b'+' | b'-')) {
        out[0] = h[0];
        out[fill] = b'0';
    }
    out
}

/// `expandtabs(tabsize)`.
pub fn expand_tabs(h: &[u8], is_str: bool, tabsize: isize) -> Vec<u8> {
    let mut out = Vec::with_capacity(h.len());
    let mut col: usize = 0;
    let mut i = 0;
    while i < h.len() {
        let (c, l) = char_at(h, i, is_str);
        if c == 9 {
            if tabsize > 0 {
                let incr = tabsize as usize - col % tabsize as usize;
                col += incr;
                out.extend(core::iter::repeat_n(b' ', incr));
            }
        } else {
            col += 1;
            out.extend_from_slice(&h[i..i + l]);
            if c == 10 || c == 13 {
                col = 0;
            }
        }
        i += l;
    }
    out
}

/// A value of the text kind `kind` holding `b`.
pub fn make(vm: &mut Vm, kind: Kind, b: &[u8]) -> PyResult<Value> {
    match kind {
        Kind::Str => vm.new_str(utf8_unchecked(b)),
        Kind::ByteArray => vm.new_bytearray(b),
        _ => vm.new_bytes(b),
    }
}

/// A list of the pieces `spans` of `h`, each a value of kind `kind`.
pub fn spans_to_list(vm: &mut Vm, h: &[u8], spans: &[Span], kind: Kind) -> PyResult<Value> {
    let list = vm.new_list(&[])?;
    let l = list.as_ref::<ListObj>().expect("list");
    vm.list_reserve(l, spans.len())?;
    for &(a, b) in spans {
        let v = make(vm, kind, &h[a..b])?;
        vm.list_append(l, v)?;
    }
    Ok(list)
}

/// An optional start/end argument of the find family: None, or an index clamped like CPython.
pub fn slice_arg(vm: &mut Vm, v: Value) -> PyResult<Option<isize>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    if !crate::obj::int::is_int(v)
        && crate::ops::attr::call_special(vm, v, "__index__", &[])?.is_none()
    {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let b = crate::ops::arith::index_bigint(vm, v)?;
    use num_traits::ToPrimitive;
    Ok(Some(b.to_isize().unwrap_or(
        if b.sign() == num_bigint::Sign::Minus {
            isize::MIN / 2
        } else {
            isize::MAX / 2
        },
    )))
}

/// CPython's `ADJUST_INDICES`: start and end clamped into `0..=len` (start may exceed end).
pub fn adjust(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let len = len as isize;
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    let mut s = start.unwrap_or(0);
    if s < 0 {
        s = (s + len).max(0);
    }
    (s as usize, e as usize)
}

/// The start/end arguments at `a[i]`, `a[i+1]` of a find-family method, resolved for a text of
/// `len` characters.
pub fn range_args(vm: &mut Vm, a: &[Value], i: usize, len: usize) -> PyResult<(usize, usize)> {
    let s = slice_arg(vm, a.get(i).copied().unwrap_or(Value::NULL))?;
    let e = slice_arg(vm, a.get(i + 1).copied().unwrap_or(Value::NULL))?;
    Ok(adjust(s, e, len))
}
