//! Listings printed instead of running a program: `--dis` (bytecode), `--ir` (the native-code IR
//! of each @native/@viper function), `--asm` (the host machine code Cranelift makes of each, as
//! Cranelift lists it) and `--thumb=<target>` (each function's Thumb machine code for a Cortex-M
//! target, as hex, compiled on the host).

use frontend::bytecode::{CodeObject, Const, Emitter};
use native_thumb::Isa;
use vm::Config;

/// Which listing.
#[derive(Clone, Copy)]
pub enum Listing {
    /// `--dis`.
    Bytecode,
    /// `--ir`.
    Ir,
    /// `--asm`.
    Asm,
    /// `--thumb=<target>`.
    Thumb(Isa),
}

/// The Cortex-M target named on the command line (the rustc-style names and the short ones).
pub fn thumb_target(name: &str) -> Option<Isa> {
    match name {
        "armv6m" | "v6m" => Some(Isa::ArmV6M),
        "armv7m" | "v7m" => Some(Isa::ArmV7M),
        "armv7emsp" | "armv7em" | "v7em" => Some(Isa::ArmV7EMSP),
        _ => None,
    }
}

/// Compile `src` and print `listing`; the process exit status (1 on a compile error).
pub fn print(listing: Listing, src: &str, path: &str, config: &Config) -> i32 {
    let options = frontend::Options {
        default_emitter: config.default_emitter,
        ..frontend::Options::default()
    };
    let code = match frontend::compile_source(src, path, frontend::Mode::Exec, &options) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("  File \"{path}\", line {}\nSyntaxError: {}", e.line, e.msg);
            return 1;
        }
    };
    match listing {
        Listing::Bytecode => {
            out(&frontend::bytecode::disasm::disassemble(&code));
            0
        }
        Listing::Ir => {
            print_ir(&code, false);
            0
        }
        Listing::Asm => {
            print_ir(&code, true);
            0
        }
        Listing::Thumb(isa) => print_thumb(&code, isa, path),
    }
}

/// Write listing text to standard output; a closed pipe (`| head`) just ends the listing.
fn out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn children(code: &CodeObject) -> impl Iterator<Item = &CodeObject> {
    code.consts.iter().filter_map(|c| match c {
        Const::Code(child) => Some(&**child),
        _ => None,
    })
}

/// The IR of each native/viper function of `code`, or with `asm` its host machine code.
fn print_ir(code: &CodeObject, asm: bool) {
    let mode = match code.emitter {
        Emitter::Native => Some(emit::lower::Mode::Native),
        Emitter::Viper => Some(emit::lower::Mode::Viper),
        _ => None,
    };
    if let Some(mode) = mode.filter(|_| vm::native::wants_native(code)) {
        let word = std::mem::size_of::<usize>() as u32;
        match emit::lower::lower(code, mode, word) {
            Ok(f) if asm => out(&match host_asm(code, &f) {
                Ok(text) => format!("function {}:\n{text}\n", code.qualname),
                Err(e) => format!("# {}: {e}\n\n", code.qualname),
            }),
            Ok(f) => out(&format!("{}\n", emit::print::print(&f))),
            Err(e) => out(&format!(
                "# {}: line {}: {}\n\n",
                code.qualname, e.line, e.msg
            )),
        }
    }
    for child in children(code) {
        print_ir(child, asm);
    }
}

#[cfg(not(target_arch = "arm"))]
fn host_asm(code: &CodeObject, f: &emit::ir::Function) -> Result<String, String> {
    vm::native::jit::listing(code, f)
}

/// Cranelift has no 32-bit Arm backend: `--thumb=` lists this host's code.
#[cfg(target_arch = "arm")]
fn host_asm(_: &CodeObject, _: &emit::ir::Function) -> Result<String, String> {
    Err(String::from(
        "no Cranelift backend for 32-bit Arm (use --thumb=armv7m)",
    ))
}

/// Print each machine-code function of `code` (and nested code) for `isa`; 1 if any failed.
fn print_thumb(code: &CodeObject, isa: Isa, path: &str) -> i32 {
    let mut status = 0;
    let kind = match code.emitter {
        Emitter::AsmThumb => Some("asm_thumb"),
        Emitter::Native if vm::native::wants_native(code) => Some("native"),
        Emitter::Viper if vm::native::wants_native(code) => Some("viper"),
        _ => None,
    };
    if let Some(kind) = kind {
        let name = &code.qualname;
        if code.emitter == Emitter::AsmThumb {
            match vm::native::thumb::assemble(code, isa) {
                Ok(f) => out(&format!(
                    "{name} ({kind}, {isa}, {} bytes):\n{}\n",
                    f.code.len(),
                    hex_lines(&f.code)
                )),
                Err(e) => {
                    eprintln!(
                        "  File \"{path}\", line {}\nSyntaxError: {}",
                        e.line, e.message
                    );
                    status = 1;
                }
            }
        } else {
            let mode = if code.emitter == Emitter::Viper {
                emit::lower::Mode::Viper
            } else {
                emit::lower::Mode::Native
            };
            // Cortex-M words are 32 bits.
            let lowered = emit::lower::lower(code, mode, 4)
                .map_err(|e| (e.line, e.msg))
                .and_then(|ir| {
                    native_thumb::codegen::compile(&ir, isa)
                        .map_err(|e| (code.first_line, e.message))
                });
            match lowered {
                Ok(c) => out(&format!(
                    "{name} ({kind}, {isa}, {} bytes):\n{}\n",
                    c.code.len(),
                    hex_lines(&c.code)
                )),
                Err((line, msg)) => {
                    eprintln!("  File \"{path}\", line {line}\n{name}: {msg}");
                    status = 1;
                }
            }
        }
    }
    for child in children(code) {
        status = status.max(print_thumb(child, isa, path));
    }
    status
}

/// `bytes` as lines of 16 hex bytes.
fn hex_lines(bytes: &[u8]) -> String {
    bytes
        .chunks(16)
        .map(|line| {
            let words: Vec<String> = line.iter().map(|b| format!("{b:02x}")).collect();
            format!("  {}\n", words.join(" "))
        })
        .collect()
}
