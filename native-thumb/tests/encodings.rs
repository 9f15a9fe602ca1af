//! Golden encoding tests: every form the encoder and assembler produce, checked against the
//! bytes GNU as produced for the same text (and against as's refusals).
//!
//! The cases are defined once, here. `tools/record_thumb_encodings.py` gets the list from
//! the ignored test `dump_cases`, assembles each with `arm-none-eabi-as` for Cortex-M0, M3 and
//! M4F, and writes `encodings.expected`; `encodings_match_gnu_as` compares against that file
//! without needing binutils. After adding or changing a case, run the script.

mod cases;

use std::fmt::Write as _;

use cases::{Case, table};
use native_thumb::{Assembler, Isa};

const EXPECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/encodings.expected");
const RERUN: &str = "run `python3 tools/record_thumb_encodings.py` (needs binutils-arm-none-eabi)";

/// What a case produced: its bytes, or the refusal.
fn run(case: &Case) -> Result<Vec<u8>, String> {
    let mut a = Assembler::new(case.isa);
    (case.build)(&mut a).map_err(|e| e.to_string())?;
    a.finish().map_err(|e| e.to_string())
}

/// The recorded form of some bytes: hex, or for long runs a length and FNV-1a hash (the
/// script computes the same).
fn digest(bytes: &[u8]) -> String {
    if bytes.len() <= 64 {
        return bytes.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{}:{h:016x}", bytes.len())
}

#[test]
#[ignore = "used by tools/record_thumb_encodings.py"]
fn dump_cases() {
    let mut out = String::new();
    for case in table() {
        out.push_str(case.isa.name());
        out.push('\t');
        out.push_str(&case.asm);
        out.push('\n');
    }
    match std::env::var_os("NATIVE_THUMB_CASES") {
        Some(path) => std::fs::write(path, out).unwrap(),
        None => print!("{out}"),
    }
}

#[test]
fn case_texts_are_unique_and_single_line() {
    let mut seen = std::collections::HashSet::new();
    for case in table() {
        assert!(
            !case.asm.contains(['\t', '\n']),
            "case text has a tab or newline: {:?}",
            case.asm
        );
        assert!(
            seen.insert((case.isa, case.asm.clone())),
            "duplicate case {} {:?}",
            case.isa.name(),
            case.asm
        );
    }
}

#[test]
fn encodings_match_gnu_as() {
    let text = std::fs::read_to_string(EXPECTED)
        .unwrap_or_else(|e| panic!("cannot read {EXPECTED}: {e}; {RERUN}"));
    let expected: Vec<(Isa, &str, &str)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut f = l.splitn(3, '\t');
            let (isa, asm, result) = (
                f.next().unwrap(),
                f.next().unwrap_or(""),
                f.next().unwrap_or(""),
            );
            (
                Isa::from_name(isa).unwrap_or_else(|| panic!("bad ISA in {l:?}")),
                asm,
                result,
            )
        })
        .collect();
    let cases = table();
    let listed: Vec<(Isa, &str)> = cases.iter().map(|c| (c.isa, c.asm.as_str())).collect();
    let recorded: Vec<(Isa, &str)> = expected.iter().map(|&(isa, asm, _)| (isa, asm)).collect();
    if listed != recorded {
        let first = listed
            .iter()
            .zip(&recorded)
            .position(|(a, b)| a != b)
            .unwrap_or(listed.len().min(recorded.len()));
        panic!(
            "encodings.expected is stale: {} cases here, {} recorded; first difference at #{first}: {:?} vs {:?}; {RERUN}",
            listed.len(),
            recorded.len(),
            listed.get(first),
            recorded.get(first),
        );
    }

    let mut failures = Vec::new();
    for (case, &(_, _, want)) in cases.iter().zip(&expected) {
        let got = run(case);
        let as_refused = want.starts_with("error:");
        // A "stricter" case is one we refuse on purpose although as accepts it.
        let ok = match (&got, as_refused) {
            _ if case.stricter => got.is_err(),
            (Ok(bytes), false) => digest(bytes) == want,
            (Err(_), true) => true,
            _ => false,
        };
        if !ok {
            let got = match got {
                Ok(bytes) => digest(&bytes),
                Err(e) => format!("refused: {e}"),
            };
            failures.push(format!(
                "{:5} {:40} as: {want}\n{:46} we: {got}",
                case.isa.name(),
                case.asm,
                ""
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from GNU as:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
