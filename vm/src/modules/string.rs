//! The `string` module: the character-class constants (`ascii_letters`, `digits`,
//! `punctuation`...) and `capwords`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

/// Build the `string` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("string")?;
    let d = vm.module_dict(m);
    let letters = alloc::format!("{LOWER}{UPPER}");
    let printable = alloc::format!("{DIGITS}{LOWER}{UPPER}{PUNCTUATION}{WHITESPACE}");
    for (name, text) in [
        ("ascii_lowercase", LOWER),
        ("ascii_uppercase", UPPER),
        ("ascii_letters", letters.as_str()),
        ("digits", DIGITS),
        ("hexdigits", "0123456789abcdefABCDEF"),
        ("octdigits", "01234567"),
        ("punctuation", PUNCTUATION),
        ("whitespace", WHITESPACE),
        ("printable", printable.as_str()),
    ] {
        let v = vm.new_str(text)?;
        vm.dict_set_str(d, name, v)?;
    }
    super::types_::run_python(vm, m, &crate::pylib::STRING, "<string>")?;
    Ok(m)
}
