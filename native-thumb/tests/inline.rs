//! The `@micropython.asm_thumb` assembler (`native_thumb::inline`), from Python source: every
//! instruction form gives the bytes the GNU-as-verified [`Assembler`] gives for the same
//! sequence (prologue and epilogue included), errors come with MicroPython's messages and the
//! statement's line, refused ISA forms say so, random operands never panic, and (when the
//! local reference corpus `/work/mptests/inlineasm` exists) MicroPython's own test programs
//! assemble.

mod inline_cases;

use frontend::bytecode::asm::{AsmArg, AsmBody, AsmStmt};
use frontend::bytecode::code::{CodeObject, Const};
use native_thumb::inline::{InlineCode, InlineError, ReturnKind, assemble};
use native_thumb::reg::*;
use native_thumb::{Assembler, Error, Isa};

/// Every code object of a compiled module with an asm_thumb body, depth first.
fn asm_functions<'a>(code: &'a CodeObject, out: &mut Vec<&'a CodeObject>) {
    if code.asm.is_some() {
        out.push(code);
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            asm_functions(inner, out);
        }
    }
}

/// Assembles one asm_thumb code object for `isa`, as the VM will.
fn assemble_code(code: &CodeObject, isa: Isa) -> Result<InlineCode, InlineError> {
    let params = &code.varnames[..code.argcount as usize];
    let ret = code
        .annotations
        .iter()
        .find(|(name, _)| name == "return")
        .map(|(_, t)| t.as_str());
    assemble(code.asm.as_ref().expect("an asm body"), params, ret, isa)
}

fn compile(src: &str) -> CodeObject {
    frontend::compile_source(
        src,
        "t.py",
        frontend::Mode::Exec,
        &frontend::Options::default(),
    )
    .unwrap_or_else(|e| panic!("compile error {e:?} in\n{src}"))
}

/// Assembles the only asm_thumb function of a program.
fn assemble_src(isa: Isa, src: &str) -> Result<InlineCode, InlineError> {
    let module = compile(src);
    let mut fs = Vec::new();
    asm_functions(&module, &mut fs);
    assert_eq!(fs.len(), 1, "one asm_thumb function in\n{src}");
    assemble_code(fs[0], isa)
}

/// The program `def f(params): body`, the body's statements one per line, starting at
/// line 3 of the source.
fn program(params: &str, ret: &str, body: &str) -> String {
    let mut src = format!("@micropython.asm_thumb\ndef f({params}){ret}:\n");
    for line in body.lines() {
        src += "    ";
        src += line.trim();
        src += "\n";
    }
    if body.trim().is_empty() {
        src += "    pass\n";
    }
    src
}

/// Assembles `body` as a function of `r0`–`r3`.
fn asm(isa: Isa, body: &str) -> Result<InlineCode, InlineError> {
    assemble_src(isa, &program("r0, r1, r2, r3", "", body))
}

/// What the crate's `Assembler` makes of a sequence, wrapped in the inline prologue and
/// epilogue.
fn expect(isa: Isa, build: impl FnOnce(&mut Assembler) -> Result<(), Error>) -> Vec<u8> {
    let mut a = Assembler::new(isa);
    a.push([R4, R5, R6, R7, LR]).unwrap();
    build(&mut a).unwrap_or_else(|e| panic!("reference sequence refused on {isa}: {e}"));
    a.pop([R4, R5, R6, R7, PC]).unwrap();
    a.finish().unwrap()
}

/// `body` gives the same bytes as `build` on `isa`.
fn check(isa: Isa, body: &str, build: impl FnOnce(&mut Assembler) -> Result<(), Error>) {
    let got = asm(isa, body)
        .unwrap_or_else(|e| panic!("{body:?} on {isa}: line {}: {}", e.line, e.message));
    assert_eq!(got.code, expect(isa, build), "{body:?} on {isa}");
}

/// `body` fails at `line` with `message`.
fn check_err(isa: Isa, body: &str, line: u32, message: &str) {
    match asm(isa, body) {
        Ok(_) => panic!("{body:?} on {isa} assembled, expected {message:?}"),
        Err(e) => {
            assert_eq!(e.message, message, "{body:?} on {isa}");
            assert_eq!(e.line, line, "line of {message:?} in {body:?} on {isa}");
        }
    }
}

#[test]
fn empty_body_is_prologue_and_epilogue() {
    for isa in Isa::ALL {
        let code = asm(isa, "").unwrap();
        assert_eq!(code.code, [0xf0, 0xb5, 0xf0, 0xbd]);
        assert_eq!(code.n_args, 4);
        assert_eq!(code.ret, ReturnKind::Int);
    }
}

#[test]
fn parameters_and_return_kinds() {
    let run =
        |params: &str, ret: &str| assemble_src(Isa::ArmV7M, &program(params, ret, "mov(r0, 1)"));
    for (params, n) in [("", 0), ("r0", 1), ("r0, r1", 2), ("r0, r1, r2", 3)] {
        assert_eq!(run(params, "").unwrap().n_args, n);
    }
    // Beyond MicroPython: more than four, any names after r3.
    assert_eq!(run("r0, r1, r2, r3, x", "").unwrap().n_args, 5);
    assert_eq!(run("r0, r1, r2, r3, a, b, c", "").unwrap().n_args, 7);
    for bad in ["r1", "a", "r0, r2", "r0, r1, r2, x", "x, r1"] {
        let e = run(bad, "").unwrap_err();
        assert_eq!(
            e.message,
            "parameters must be registers in sequence r0 to r3"
        );
        assert_eq!((e.line, e.col), (0, 0));
    }
    for (ann, kind) in [
        ("", ReturnKind::Int),
        (" -> int", ReturnKind::Int),
        (" -> uint", ReturnKind::Uint),
        (" -> bool", ReturnKind::Bool),
        (" -> object", ReturnKind::Object),
    ] {
        assert_eq!(run("r0", ann).unwrap().ret, kind, "{ann}");
    }
    let e = run("r0", " -> float").unwrap_err();
    assert_eq!((e.message.as_str(), e.line), ("unknown type", 0));
}

#[test]
fn direct_api_without_frontend() {
    let body = AsmBody {
        stmts: vec![AsmStmt {
            op: "add".into(),
            args: vec![
                AsmArg::Name("r0".into()),
                AsmArg::Name("r0".into()),
                AsmArg::Int(1),
            ],
            line: 7,
            col: 5,
        }],
    };
    let params = ["r0".to_string()];
    let code = assemble(&body, &params, Some("uint"), Isa::ArmV6M).unwrap();
    assert_eq!(code.ret, ReturnKind::Uint);
    assert_eq!(code.code, expect(Isa::ArmV6M, |a| a.adds(R0, R0, 1u32)));
}

/// A tiny deterministic generator for the random sweep.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const OPS: &[&str] = &[
    "nop",
    "wfi",
    "b",
    "b_n",
    "b_w",
    "bl",
    "bx",
    "blx",
    "cpsid",
    "cpsie",
    "push",
    "pop",
    "cbz",
    "cbnz",
    "mov",
    "mvn",
    "clz",
    "rbit",
    "mrs",
    "neg",
    "mul",
    "add",
    "sub",
    "and_",
    "orr",
    "eor",
    "bic",
    "adc",
    "sbc",
    "lsl",
    "lsr",
    "asr",
    "ror",
    "cmp",
    "cmn",
    "tst",
    "movw",
    "movt",
    "movwt",
    "ldrex",
    "strex",
    "ldr",
    "ldrb",
    "ldrh",
    "ldrsb",
    "ldrsh",
    "str",
    "strb",
    "strh",
    "adr",
    "sdiv",
    "udiv",
    "beq",
    "bne_n",
    "bgt_w",
    "blo",
    "b_x",
    "it",
    "ite",
    "itete",
    "itx",
    "vadd",
    "vsub",
    "vmul",
    "vdiv",
    "vneg",
    "vsqrt",
    "vabs",
    "vcmp",
    "vcvt_f32_s32",
    "vcvt_s32_f32",
    "vmov",
    "vmrs",
    "vldr",
    "vstr",
    "vfoo",
    "label",
    "align",
    "data",
    "",
    "x",
];

const NAMES: &[&str] = &[
    "r0",
    "r1",
    "r7",
    "r8",
    "r12",
    "r13",
    "r15",
    "r16",
    "r01",
    "sp",
    "lr",
    "pc",
    "sl",
    "fp",
    "s0",
    "s31",
    "s32",
    "s",
    "eq",
    "al",
    "hs",
    "i",
    "f",
    "IPSR",
    "BASEPRI",
    "FPSCR",
    "APSR_nzcv",
    "l0",
    "l1",
    "l2",
    "",
    "r",
];

fn random_arg(rng: &mut Rng, depth: u32) -> AsmArg {
    match rng.below(if depth > 1 { 8 } else { 10 }) {
        0..=4 => AsmArg::Name(rng.pick(NAMES).into()),
        5 | 6 => AsmArg::Int(
            [
                0,
                1,
                -1,
                2,
                3,
                4,
                7,
                8,
                31,
                32,
                255,
                256,
                1020,
                4095,
                4096,
                0xffff,
                0x10000,
                i32::MAX as i64,
                i32::MIN as i64,
                u32::MAX as i64,
                i64::MAX,
                i64::MIN,
                rng.next() as i64,
            ][rng.below(23)],
        ),
        7 => AsmArg::Other,
        8 => AsmArg::List(
            (0..rng.below(4))
                .map(|_| random_arg(rng, depth + 1))
                .collect(),
        ),
        _ => AsmArg::Set(
            (0..rng.below(5))
                .map(|_| random_arg(rng, depth + 1))
                .collect(),
        ),
    }
}

#[test]
fn random_statements_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut ok = 0;
    let mut messages = std::collections::BTreeSet::new();
    for round in 0..6000 {
        let n = 1 + rng.below(3);
        let stmts = (0..n)
            .map(|i| {
                let op = rng.pick(OPS);
                let args = (0..rng.below(4)).map(|_| random_arg(&mut rng, 0)).collect();
                AsmStmt {
                    op: op.into(),
                    args,
                    line: i as u32 + 1,
                    col: 5,
                }
            })
            .collect();
        let body = AsmBody { stmts };
        let params: Vec<String> = ["r0", "r1", "r2", "r3", "x"][..rng.below(6)]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let ret = [None, Some("uint"), Some("bool"), Some("weird")][round % 4];
        for isa in Isa::ALL {
            match assemble(&body, &params, ret, isa) {
                Ok(code) => {
                    ok += 1;
                    assert!(code.code.len() >= 4);
                }
                Err(e) => {
                    assert!(!e.message.is_empty());
                    assert!(!e.message.contains("internal"), "{e:?} for {body:?}");
                    messages.insert(e.message);
                }
            }
        }
    }
    // The sweep must reach both the encoders and many different refusals.
    assert!(ok > 20, "the sweep should assemble some bodies, got {ok}");
    assert!(messages.len() > 40, "few distinct errors: {messages:?}");
}

/// MicroPython's programs that are about compile errors: their asm functions (if any are
/// visible at all) are expected to fail.
const ERROR_TESTS: &[&str] = &["asmerrors.py"];

/// Programs that use instructions MicroPython itself does not have (`asmdatalabels.py` was
/// added to MicroPython's tests with a `getlbl` instruction that never landed in
/// `emitinlinethumb.c`), with the error we give.
const FOREIGN: &[(&str, &str)] = &[(
    "asmdatalabels.py",
    "unsupported Thumb instruction 'getlbl' with 3 arguments",
)];

/// The condition codes, for the templates the corpus formats.
const CONDS: [&str; 14] = [
    "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le",
];

/// String constants of a module that are asm_thumb programs (for `exec`).
fn exec_sources(code: &CodeObject, out: &mut Vec<String>) {
    for c in &code.consts {
        match c {
            Const::Str(s) if s.contains("@micropython.asm_thumb") => out.push(s.clone()),
            Const::Code(inner) => exec_sources(inner, out),
            _ => {}
        }
    }
}

#[test]
fn micropython_inlineasm_corpus() {
    let dirs = ["/work/mptests/inlineasm", "/work/mptests/inlineasm/thumb"];
    let (mut files, mut assembled, mut expected_failures) = (0, 0, 0);
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        paths.sort();
        for path in paths {
            let Ok(src) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files += 1;
            let module = compile(&src);
            // Programs given to exec() (asm_thumb2_bcc.py formats one per condition code).
            let mut modules = vec![module.clone()];
            let mut sources = Vec::new();
            exec_sources(&module, &mut sources);
            for text in sources {
                let texts: Vec<String> = if text.contains("{}") {
                    CONDS.iter().map(|c| text.replace("{}", c)).collect()
                } else {
                    vec![text]
                };
                for text in texts {
                    match frontend::compile_source(
                        &text,
                        "exec.py",
                        frontend::Mode::Exec,
                        &frontend::Options::default(),
                    ) {
                        Ok(m) => modules.push(m),
                        Err(_) if ERROR_TESTS.contains(&name.as_str()) => expected_failures += 1,
                        Err(e) => panic!("{}: exec'd program: {e:?}", path.display()),
                    }
                }
            }
            let mut fs = Vec::new();
            for m in &modules {
                asm_functions(m, &mut fs);
            }
            for f in fs {
                let result = assemble_code(f, Isa::ArmV7EMSP);
                // Every level must answer without panicking, too.
                for isa in Isa::ALL {
                    let _ = assemble_code(f, isa);
                }
                match (result, FOREIGN.iter().find(|(n, _)| *n == name)) {
                    (Ok(_), _) => assembled += 1,
                    (Err(e), Some((_, msg))) if e.message == *msg => expected_failures += 1,
                    (Err(_), _) if ERROR_TESTS.contains(&name.as_str()) => expected_failures += 1,
                    (Err(e), _) => panic!(
                        "{}: function {} failed at line {}: {}",
                        path.display(),
                        f.name,
                        e.line,
                        e.message
                    ),
                }
            }
        }
    }
    eprintln!(
        "mptests inlineasm: {files} files, {assembled} functions assembled, \
         {expected_failures} expected failures"
    );
}
