//! Whole-stdlib checks (ignored by default; they need `/usr/lib/python3.11` and `python3`):
//! every file must parse unless CPython rejects it too, and every tree must
//! equal CPython's, positions included.
//!
//! Run with `cargo test -p frontend --test parser -- --ignored --nocapture`; set
//! `PYRITE_PYTHON_DIR` to check another tree of Python 3.11 sources (CPython's own `Lib/`, with
//! its test suite, is a good one).

use std::path::{Path, PathBuf};
use std::process::Command;

use frontend::Mode;
use frontend::parser::parse;

use super::dump;

const STDLIB: &str = "/usr/lib/python3.11";

/// Renders CPython's AST of each file named on the command line into the `dump.rs` format,
/// writing `<index>.txt` into the directory given first (or `<index>.err` if CPython rejects it).
const CPYTHON_DUMPER: &str = r#"
import ast, struct, sys
out_dir = sys.argv[1]
SKIP = {'ctx', 'type_comment', 'kind', 'type_ignores'}
POSITIONED = (ast.stmt, ast.expr, ast.arg, ast.keyword, ast.alias, ast.excepthandler)
def text(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '\\': out.append('\\\\')
        elif ch == '"': out.append('\\"')
        elif o < 0x20 or 0x7f <= o < 0xa0: out.append('\\u{%x}' % o)
        elif 0xd800 <= o < 0xe000: out.append('\ufffd')
        else: out.append(ch)
    return ''.join(out) + '"'
def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]
def const(v):
    if v is None or v is True or v is False: return str(v)
    if v is Ellipsis: return '...'
    if isinstance(v, int): return str(v)
    if isinstance(v, float): return 'f%d' % bits(v)
    if isinstance(v, complex): return 'j%d' % bits(v.imag)
    if isinstance(v, str): return text(v)
    out = 'b"'
    for b in v:
        if b == 0x5c: out += '\\\\'
        elif b == 0x22: out += '\\"'
        elif 0x20 <= b <= 0x7e: out += chr(b)
        else: out += '\\x%02x' % b
    return out + '"'
def dump(node, lines, in_fstring):
    if isinstance(node, list):
        return '[' + ', '.join(dump(x, lines, in_fstring) for x in node) + ']'
    if node is None: return 'None'
    if isinstance(node, str): return text(node)
    if isinstance(node, int): return str(node)
    if isinstance(node, (ast.operator, ast.unaryop, ast.cmpop, ast.boolop)): return type(node).__name__
    pos = ''
    if isinstance(node, POSITIONED) and not in_fstring:
        col = len(lines[node.lineno - 1][:node.col_offset].decode('utf-8', 'replace')) + 1
        pos = '@%d:%d' % (node.lineno, col)
    fields = []
    for name in node._fields:
        value = getattr(node, name)
        if isinstance(node, ast.Constant) and name == 'value': fields.append('value=' + const(value)); continue
        if name in SKIP or value is None: continue
        nested = (in_fstring or isinstance(node, ast.JoinedStr)) and not (isinstance(node, ast.FormattedValue) and name == 'value')
        fields.append(name + '=' + dump(value, lines, nested))
    name = 'Module' if isinstance(node, ast.Module) else type(node).__name__
    return name + pos + '(' + ', '.join(fields) + ')'
for index, path in enumerate(sys.argv[2:]):
    data = open(path, 'rb').read()
    lines = data.replace(b'\r\n', b'\n').split(b'\n')
    try:
        tree = ast.parse(data)
    except SyntaxError:
        open('%s/%d.err' % (out_dir, index), 'w').close()
        continue
    with open('%s/%d.txt' % (out_dir, index), 'w', encoding='utf-8', errors='surrogatepass') as f:
        f.write(dump(tree, lines, False))
"#;

/// Every `.py` file under the stdlib, sorted, with its UTF-8 source (others are skipped).
fn stdlib_sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && !path.is_symlink() {
                walk(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "py") {
                found.push(path);
            }
        }
    }
    let root = std::env::var("PYRITE_PYTHON_DIR").unwrap_or_else(|_| String::from(STDLIB));
    let mut paths = Vec::new();
    walk(Path::new(&root), &mut paths);
    paths.sort();
    let readable = |path: &PathBuf| Some((path.clone(), std::fs::read_to_string(path).ok()?));
    paths
        .iter()
        .filter_map(readable)
        .filter(|(_, source)| declares_utf8(source))
        .collect()
}

/// Whether the source is UTF-8 by its coding declaration (PEP 263; after a byte order mark
/// CPython accepts only the exact name `utf-8`). Decoding is the caller's business, not the
/// parser's.
fn declares_utf8(source: &str) -> bool {
    let bom = source.starts_with('\u{feff}');
    source
        .trim_start_matches('\u{feff}')
        .lines()
        .take(2)
        .filter(|line| line.trim_start().starts_with('#'))
        .all(|line| {
            let Some(at) = line.find("coding") else {
                return true;
            };
            let rest = line[at + 6..]
                .trim_start_matches([':', '='])
                .trim_start()
                .to_ascii_lowercase();
            rest.starts_with("utf-8")
                || (!bom && (rest.starts_with("utf8") || rest.starts_with("utf_8")))
        })
}

/// Runs CPython's dumper over `paths`; `None` where CPython rejects the file.
fn cpython_dumps(paths: &[&Path]) -> Vec<Option<String>> {
    let out_dir = std::env::temp_dir().join(format!("pyrite-ast-dumps-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).expect("temp dir");
    let status = Command::new("python3")
        .arg("-c")
        .arg(CPYTHON_DUMPER)
        .arg(&out_dir)
        .args(paths)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "the CPython dumper failed");
    let dumps = (0..paths.len())
        .map(|index| std::fs::read_to_string(out_dir.join(format!("{index}.txt"))).ok())
        .collect();
    let _ = std::fs::remove_dir_all(&out_dir);
    dumps
}

#[test]
#[ignore = "needs /usr/lib/python3.11 and python3"]
fn stdlib_parses_like_cpython() {
    let sources = stdlib_sources();
    assert!(!sources.is_empty(), "no Python sources found");
    let paths: Vec<&Path> = sources.iter().map(|(path, _)| path.as_path()).collect();
    let expected = cpython_dumps(&paths);
    let (mut parsed, mut rejected_by_both) = (0, 0);
    let mut problems = Vec::new();
    for ((path, source), expected) in sources.iter().zip(&expected) {
        match (parse(source, Mode::Exec), expected) {
            (Ok(module), Some(expected)) => {
                parsed += 1;
                let ours = dump::module(&module, true);
                if &ours != expected {
                    let at = ours
                        .bytes()
                        .zip(expected.bytes())
                        .take_while(|(a, b)| a == b)
                        .count();
                    let from = at.saturating_sub(150);
                    let excerpt = |text: &str| {
                        text.get(from..(at + 150).min(text.len()))
                            .unwrap_or("")
                            .to_string()
                    };
                    problems.push(format!(
                        "{}: AST differs\n  ours:    {}\n  cpython: {}",
                        path.display(),
                        excerpt(&ours),
                        excerpt(expected)
                    ));
                }
            }
            (Ok(_), None) => problems.push(format!(
                "{}: accepted, but CPython rejects it",
                path.display()
            )),
            (Err(err), None) => {
                let _ = err;
                rejected_by_both += 1;
            }
            (Err(err), Some(_)) => {
                problems.push(format!(
                    "{}:{}:{}: {}",
                    path.display(),
                    err.line,
                    err.col,
                    err.msg
                ));
            }
        }
    }
    println!(
        "{} files: {parsed} parsed, {rejected_by_both} rejected by CPython too",
        sources.len()
    );
    for problem in &problems {
        println!("{problem}");
    }
    assert!(
        problems.is_empty(),
        "{} files differ from CPython",
        problems.len()
    );
}

#[test]
#[ignore = "needs /usr/lib/python3.11"]
fn stdlib_parse_speed() {
    let sources = stdlib_sources();
    let bytes: usize = sources.iter().map(|(_, source)| source.len()).sum();
    let start = std::time::Instant::now();
    for (_, source) in &sources {
        let _ = parse(source, Mode::Exec);
    }
    let elapsed = start.elapsed();
    println!(
        "parsed {} files, {} KiB in {elapsed:?}",
        sources.len(),
        bytes / 1024
    );
}
