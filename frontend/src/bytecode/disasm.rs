//! A disassembler for code objects (`pyrite --dis`, tests and debugging).

use super::code::{CodeObject, Const, decode};
use super::opcodes::{ArgFormat, Op};
use alloc::format;
use alloc::string::String;
use core::fmt::Write;

/// Render `code` and its nested code objects as text, one instruction per line.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "code {} (line {}, stack {}):",
        code.qualname, code.first_line, code.stacksize
    );
    let mut last_line = 0;
    for (ip, &word) in code.code.iter().enumerate() {
        let (byte, arg) = decode(word);
        let line = code.line_of(ip);
        let line_col = if line != last_line {
            format!("{line:>4}")
        } else {
            String::from("    ")
        };
        last_line = line;
        let Some(op) = Op::from_u8(byte) else {
            let _ = writeln!(out, "{line_col} {ip:>5} <bad opcode {byte}>");
            continue;
        };
        let detail = match op.format() {
            ArgFormat::None => String::new(),
            ArgFormat::Const => format!("{arg} ({})", const_text(code.consts.get(arg as usize))),
            ArgFormat::Name => format!(
                "{arg} ({})",
                code.names.get(arg as usize).map_or("?", |s| s)
            ),
            ArgFormat::Local => format!(
                "{arg} ({})",
                code.varnames.get(arg as usize).map_or("?", |s| s)
            ),
            ArgFormat::Deref => {
                let name = code
                    .cellvars
                    .iter()
                    .chain(code.freevars.iter())
                    .nth(arg as usize);
                format!("{arg} ({})", name.map_or("?", |s| s))
            }
            ArgFormat::Jump => format!("to {arg}"),
            ArgFormat::Imm | ArgFormat::Operator => format!("{arg}"),
        };
        let _ = writeln!(out, "{line_col} {ip:>5} {:<18} {detail}", op.name());
    }
    for e in &code.exceptions {
        let _ = writeln!(
            out,
            "  handler {}..{} -> {} depth {}",
            e.start, e.end, e.handler, e.depth
        );
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

fn const_text(c: Option<&Const>) -> String {
    match c {
        None => String::from("?"),
        Some(Const::Code(code)) => format!("<code {}>", code.qualname),
        Some(Const::Str(s)) => format!("{s:?}"),
        Some(other) => format!("{other:?}"),
    }
}
