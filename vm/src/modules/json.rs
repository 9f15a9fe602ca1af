//! The `json` module (`ujson` in MicroPython): `dumps`/`dump` and `loads`/`load` with CPython's
//! output format and options (`indent`, `separators`, `sort_keys`, `ensure_ascii`, `default`,
//! `allow_nan`, `skipkeys`; `object_hook`, `object_pairs_hook`, `parse_float`, `parse_int`,
//! `parse_constant`), and `JSONDecodeError` (a ValueError, which is what MicroPython raises)
//! with CPython's messages and positions. Written in Python: it is data plumbing around the
//! built-in types.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Build the `json` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("json")?;
    super::types_::run_python(vm, m, &crate::pylib::JSON, "<json>")?;
    Ok(m)
}
