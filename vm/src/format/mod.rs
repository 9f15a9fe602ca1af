//! Number formatting and parsing, byte-for-byte as CPython 3.11: `repr(float)`,
//! the format-spec mini-language for `int`, `float` and `str`, `%`-style
//! conversions, `float()`/`int()` string parsing, `float.hex`/`fromhex` and
//! `round(float, n)`. Everything here is pure functions on Rust values.
//!
//! Errors are returned as CPython's exception messages. They are `ValueError`s
//! except those for which [`is_overflow_message`] is true (`OverflowError`).
//!
//! | Python | here |
//! | --- | --- |
//! | `repr(f)`, `str(f)` | [`float_repr`] |
//! | `format(v, spec)`, `str.format` fields | [`parse_format_spec`], then [`format_int`] / [`format_i64`], [`format_float`], [`format_str`] |
//! | `'%…' % args` | [`PercentSpec`] with [`format_int_percent`] / [`format_i64_percent`], [`format_float_percent`], [`pad_percent`] (`%s %r %a %c`) |
//! | `float(s)`, `int(s, base)` | [`parse_float`], [`parse_int`] |
//! | `f.hex()`, `float.fromhex(s)` | [`float_hex`], [`float_fromhex`] |
//! | `round(f, n)` | [`round_float`] |
//! | `float(i)` | [`bigint_to_f64`] |
//! | complex repr/format, other `PyOS_double_to_string` users | [`double_to_string`] |
//!
//! An empty format spec means `str(v)`: for exact `int`/`float`/`str` the
//! formatters give exactly that, but for subclasses (e.g. `bool`) the caller
//! must call `str()` itself, as CPython does.

mod dtoa;
mod float;
mod hex;
mod int;
mod parse;
mod percent;
mod spec;
#[cfg(test)]
mod testdata;

pub use dtoa::{
    Digits, fixed as fixed_digits, shortest as shortest_digits, significant as significant_digits,
};
pub use float::{DtoaFlags, double_to_string, float_repr, format_float, round_float};
pub use hex::{HEX_TOO_LARGE, float_fromhex, float_hex};
pub use int::{
    C_ARG_NOT_IN_RANGE, INT_TOO_LARGE_FOR_C_LONG, INT_TOO_LARGE_FOR_FLOAT, bigint_to_f64,
    format_i64, format_int,
};
pub use parse::{IntParse, decimal_value, parse_float, parse_int};
pub use percent::{
    PercentSpec, format_float_percent, format_i64_percent, format_int_percent, pad_percent,
};
pub use spec::{Align, FormatSpec, Sign, format_str, parse_format_spec};

/// Whether an error message from this module is an `OverflowError` in CPython
/// (all others are `ValueError`s).
pub fn is_overflow_message(msg: &str) -> bool {
    matches!(
        msg,
        INT_TOO_LARGE_FOR_FLOAT
            | C_ARG_NOT_IN_RANGE
            | INT_TOO_LARGE_FOR_C_LONG
            | HEX_TOO_LARGE
            | "rounded value too large to represent"
    )
}
