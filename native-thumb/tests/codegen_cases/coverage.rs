//! Compiles every `@native`/`@viper` function of the repository's Python test and benchmark
//! programs for every ISA level, as the VM would lower them, and reports counts and sizes.

use std::fmt::Write;
use std::path::Path;

use emit::lower::Mode;
use frontend::bytecode::code::{CodeObject, Const, Emitter, flags};
use native_thumb::Isa;
use native_thumb::codegen;

fn functions<'a>(code: &'a CodeObject, out: &mut Vec<&'a CodeObject>) {
    let native = matches!(code.emitter, Emitter::Native | Emitter::Viper);
    if native && code.flags & flags::NAMESPACE == 0 {
        out.push(code);
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            functions(inner, out);
        }
    }
}

fn py_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

/// Per group: (functions compiled, functions whose lowering refused them, bytes per ISA).
pub fn compile_all(root: &Path) -> String {
    let groups: [(&str, bool); 4] = [
        ("tests/native", false),
        ("tests/viper", false),
        ("benches/viper", false),
        ("benches/programs", true),
    ];
    let mut report = String::new();
    let mut failures = Vec::new();
    let mut total = 0;
    for (dir, all_native) in groups {
        let mut count = 0;
        let mut refused = 0;
        let mut bytes = [0usize; 3];
        for path in py_files(&root.join(dir)) {
            let src = std::fs::read_to_string(&path).unwrap();
            let options = frontend::Options {
                default_emitter: if all_native {
                    Emitter::Native
                } else {
                    Emitter::Bytecode
                },
                ..frontend::Options::default()
            };
            let name = path.display().to_string();
            let module = match frontend::compile_source(&src, &name, frontend::Mode::Exec, &options)
            {
                Ok(m) => m,
                Err(e) => panic!("{name}: {}", e.msg),
            };
            let mut fns = Vec::new();
            functions(&module, &mut fns);
            for code in fns {
                let mode = if code.emitter == Emitter::Viper {
                    Mode::Viper
                } else {
                    Mode::Native
                };
                let Ok(f) = emit::lower::lower(code, mode, 4) else {
                    refused += 1;
                    continue;
                };
                emit::verify::verify(&f).unwrap_or_else(|e| panic!("{name}: {e}"));
                count += 1;
                for (i, isa) in Isa::ALL.into_iter().enumerate() {
                    match codegen::compile(&f, isa) {
                        Ok(c) => bytes[i] += c.code.len(),
                        Err(e) => failures.push(format!("{name} {} ({isa}): {e}", code.qualname)),
                    }
                }
            }
        }
        total += count;
        let _ = writeln!(
            report,
            "{dir:18} {count:4} functions ({refused} refused by the lowering): {} bytes v6m, {} v7m, {} v7em",
            bytes[0], bytes[1], bytes[2]
        );
    }
    assert!(total > 100, "too few functions found:\n{report}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    report
}

/// Each viper function of `path`: its name and code size per level, the code written to `out`.
pub fn kernels(path: &Path, out: &Path) -> Vec<(String, [usize; 3])> {
    let src = std::fs::read_to_string(path).unwrap();
    let module = frontend::compile_source(
        &src,
        &path.display().to_string(),
        frontend::Mode::Exec,
        &frontend::Options::default(),
    )
    .unwrap();
    let mut fns = Vec::new();
    functions(&module, &mut fns);
    let mut result = Vec::new();
    for code in fns {
        let Ok(f) = emit::lower::lower(code, Mode::Viper, 4) else {
            continue;
        };
        let mut sizes = [0; 3];
        for (i, isa) in Isa::ALL.into_iter().enumerate() {
            let mut dump = String::new();
            let c = codegen::compile_dump(&f, isa, Some(&mut dump)).unwrap();
            std::fs::write(
                out.join(format!("{}.{}.txt", code.qualname, isa.name())),
                &dump,
            )
            .unwrap();
            sizes[i] = c.code.len();
            std::fs::write(
                out.join(format!("{}.{}.bin", code.qualname, isa.name())),
                &c.code,
            )
            .unwrap();
        }
        result.push((code.qualname.clone(), sizes));
    }
    result
}
