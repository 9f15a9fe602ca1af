//! Stores the library's Python sources (`pylib/*.py`) deflated in `OUT_DIR` and writes
//! `pylib.rs`, one `PySource` constant per file (`json.py` is `JSON`), for `src/pylib.rs`.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=pylib");
    let mut files: Vec<PathBuf> = fs::read_dir("pylib")
        .expect("vm/pylib exists")
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    files.sort();
    let mut consts = String::new();
    for path in files {
        let text = fs::read(&path).expect("a readable source file");
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 file name");
        let deflated = miniz_oxide::deflate::compress_to_vec(&text, 10);
        let name = format!("{stem}.py.deflate");
        fs::write(Path::new(&out).join(&name), &deflated).expect("OUT_DIR is writable");
        writeln!(
            consts,
            "/// `vm/pylib/{stem}.py`\n#[allow(dead_code)]\npub const {}: PySource = PySource {{ \
             deflated: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\")), len: {} }};",
            stem.to_uppercase(),
            text.len()
        )
        .expect("writing to a String");
        println!("cargo::rerun-if-changed={}", path.display());
    }
    fs::write(out.join("pylib.rs"), consts).expect("OUT_DIR is writable");
}
