//! Loader for the CPython-generated test tables in `testdata/` (tests only).

use alloc::string::String;
use alloc::vec::Vec;

/// One table row: `value<TAB>spec<TAB>=result` or `value<TAB>spec<TAB>!error`.
pub struct Case {
    pub value: String,
    pub spec: String,
    pub expected: Result<String, String>,
}

/// Undoes the escaping of the generator: `\\`, `\t`, `\n`, `\u{hex}`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('u') => {
                let hex: String = it.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let n = u32::from_str_radix(&hex, 16).unwrap();
                out.push(char::from_u32(n).unwrap());
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Parses a table.
pub fn cases(text: &str) -> Vec<Case> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|line| {
            let mut parts = line.splitn(3, '\t');
            let value = unescape(parts.next().unwrap());
            let spec = unescape(parts.next().unwrap());
            let res = parts.next().unwrap();
            let body = unescape(&res[1..]);
            let expected = if res.starts_with('=') {
                Ok(body)
            } else {
                Err(body)
            };
            Case {
                value,
                spec,
                expected,
            }
        })
        .collect()
}
