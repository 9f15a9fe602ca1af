//! The inline assembler's directives: `label(name)`, `align(n)` and `data(size, v...)`,
//! with MicroPython's checks and messages.

use alloc::vec::Vec;

use frontend::bytecode::asm::AsmArg;

use super::InlineError;
use super::operand::{Mp, Stmt};
use crate::asm::Assembler;

/// Whether `op` is a directive rather than an instruction.
pub(super) fn is_directive(op: &str) -> bool {
    matches!(op, "label" | "align" | "data")
}

/// The name a `label` statement defines, if it is well formed.
pub(super) fn label_name<'a>(op: &str, args: &'a [AsmArg]) -> Option<&'a str> {
    match (op, args) {
        ("label", [AsmArg::Name(n)]) => Some(n),
        _ => None,
    }
}

/// Assembles one directive.
pub(super) fn directive(s: &Stmt, a: &mut Assembler) -> Result<(), InlineError> {
    match s.op {
        "label" => {
            let name =
                label_name(s.op, s.args).ok_or_else(|| s.error("'label' requires 1 argument"))?;
            let label = s.labels.get(name).copied().ok_or_else(|| s.unsupported())?;
            a.bind(label).map_err(|_| s.error("label redefined"))
        }
        "align" => {
            let n = match s.args {
                [AsmArg::Int(n)] => u32::try_from(*n).ok(),
                _ => None,
            };
            let n = n.ok_or_else(|| s.error("'align' requires 1 argument"))?;
            s.enc(a.align(n), Mp::ANY)
        }
        _ => data(s, a),
    }
}

/// `data(size, v1, v2, ...)`: each value truncated to `size` bytes (1, 2 or 4) as MicroPython
/// does, little-endian.
fn data(s: &Stmt, a: &mut Assembler) -> Result<(), InlineError> {
    let (size, values) = match s.args {
        [AsmArg::Int(size), values @ ..] if !values.is_empty() => (*size, values),
        _ => return Err(s.error("'data' requires at least 2 arguments")),
    };
    let size = match size {
        1 | 2 | 4 => size as u32,
        _ => return Err(s.error("'data' size must be 1, 2 or 4")),
    };
    let mask = (1u64 << (8 * size)) - 1;
    let values = values
        .iter()
        .map(|v| match v {
            AsmArg::Int(v) => Ok((*v as u64 & mask) as i64),
            _ => Err(s.error("'data' requires integer arguments")),
        })
        .collect::<Result<Vec<i64>, _>>()?;
    s.enc(a.data(size, &values), Mp::ANY)
}
