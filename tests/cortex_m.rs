//! The firmware (`ports/cortex-m`) on emulated boards: it is built for `thumbv7m-none-eabi`
//! (QEMU `mps2-an385`, Cortex-M3) and `thumbv7em-none-eabihf` (`mps2-an386`, Cortex-M4F) and
//! booted under `qemu-system-arm`:
//! - every conformance program (`tests/**/*.py` with recorded output) runs on each board, many
//!   per boot (the firmware's `--batch` mode), compared with the same recorded output the host
//!   suite uses; the few whose output depends on the host's 64-bit word or C library are listed
//!   in [`BOARD_DIFFERENCES`] with the reason;
//! - the raw REPL is driven over the board's serial port as `mpremote`/`pyboard.py` drive it
//!   (raw mode, raw-paste with flow control, errors, soft reset), and a viper function typed
//!   there runs as machine code;
//! - the friendly REPL: prompts, continuation, Ctrl-C interrupting a running loop, paste mode;
//! - a program fills a small heap, catches `MemoryError` and goes on;
//! - big ints and sources too large for the Rust allocator's RAM are `MemoryError`s too;
//! - the viper UART driver in `examples/`.
//!
//! Without QEMU or the Rust targets, each test says what it skipped and how to install it.

mod common;

use common::{have, target_installed};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A board: its Rust target, QEMU machine and CPU.
#[derive(Clone, Copy)]
struct Board {
    target: &'static str,
    machine: &'static str,
    cpu: &'static str,
}

const AN385: Board = Board {
    target: "thumbv7m-none-eabi",
    machine: "mps2-an385",
    cpu: "cortex-m3",
};
const AN386: Board = Board {
    target: "thumbv7em-none-eabihf",
    machine: "mps2-an386",
    cpu: "cortex-m4",
};

/// Programs whose recorded (CPython, 64-bit host) output a 32-bit board cannot match, and why.
const BOARD_DIFFERENCES: &[(&str, &str)] = &[
    (
        "modules/unittest_runner.py",
        "unittest is left out of the firmware to save flash (vm feature extra-modules)",
    ),
    (
        "modules/unittest_edges.py",
        "unittest is left out of the firmware to save flash (vm feature extra-modules)",
    ),
    (
        "modules/abc_collections.py",
        "abc and collections.abc are left out of the firmware to save flash (vm feature extra-modules)",
    ),
    (
        "numbers/shift_limits.py",
        "shift counts of 2**40 and 2**62 are beyond a 32-bit index (OverflowError, as on a 32-bit CPython)",
    ),
    (
        "lang/memory_limits.py",
        "sizes of 10**10 and more are not index-sized on a 32-bit word (OverflowError, as on a 32-bit CPython)",
    ),
    (
        "containers/needs_core.py",
        "prints hash() values of a 64-bit word",
    ),
    (
        "containers/range_slice.py",
        "ranges and hashes past the 32-bit word",
    ),
    (
        "containers/set_methods.py",
        "set order follows 64-bit hashes",
    ),
    (
        "containers/set_ops.py",
        "prints hash() values of a 64-bit word",
    ),
    (
        "containers/tuple_ops.py",
        "prints hash() values of a 64-bit word",
    ),
    (
        "lang/numeric_edges.py",
        "sys.maxsize and index-sized ints of a 64-bit word",
    ),
    (
        "native/iteration_subscript.py",
        "indices past the 32-bit word",
    ),
    (
        "numbers/float_methods.py",
        "prints hash() values of a 64-bit word",
    ),
    (
        "numbers/int_dunders.py",
        "prints hash() values of a 64-bit word",
    ),
    (
        "numbers/needs_core.py",
        "64-bit hashes; hypot from the libm crate, not the host's C library",
    ),
    (
        "modules/math_basic.py",
        "exp/cosh/lgamma from the libm crate differ in the last digit",
    ),
    (
        "modules/cmath_basic.py",
        "exp/cosh/log10 from the libm crate differ in the last digit",
    ),
    (
        "viper/arith_int.py",
        "checks wrap-around of 64-bit viper ints",
    ),
    (
        "viper/arith_uint.py",
        "checks wrap-around of 64-bit viper uints",
    ),
    (
        "viper/compare.py",
        "64-bit literals (objects on a 32-bit board, as in MicroPython)",
    ),
    (
        "viper/misc.py",
        "64-bit literals (objects on a 32-bit board, as in MicroPython)",
    ),
    ("viper/ptr32.py", "prints 64-bit viper int results"),
    (
        "viper/shifts_bitwise.py",
        "64-bit literals (objects on a 32-bit board, as in MicroPython)",
    ),
    ("viper/types_casts.py", "checks 64-bit viper casts"),
    (
        "modules/array_basic.py",
        "C long is 4 bytes on a 32-bit board (as in MicroPython and a 32-bit CPython)",
    ),
    (
        "modules/struct_basic.py",
        "C long, size_t and pointers are 4 bytes on a 32-bit board (tests/thumb/array_words.py)",
    ),
    (
        "modules/struct_errors.py",
        "C long, size_t and pointers are 4 bytes on a 32-bit board (tests/thumb/array_words.py)",
    ),
    (
        "lang/deep_recursion.py",
        "the board's stack holds hundreds of calls, not 25000 (RecursionError there)",
    ),
    (
        "modules/os_files.py",
        "semihosting has no directory calls: the board's os functions raise OSError(ENOSYS)",
    ),
    (
        "modules/file_text_binary.py",
        "semihosting files have no seek/tell on the board (OSError)",
    ),
];

/// Programs one board cannot run.
fn board_cannot_run(board: Board, rel: &str) -> Option<&'static str> {
    (board.machine == AN385.machine && rel == "thumb/asm_basics.py")
        .then_some("uses VFP instructions; the Cortex-M3 has no FPU")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `body` with the board's firmware, or say why it cannot run here.
fn with_firmware(board: Board, test: &str, body: impl FnOnce(&Path)) {
    let mut missing = Vec::new();
    if !have("qemu-system-arm", "--version") {
        missing.push("qemu-system-arm (apt-get install qemu-system-arm)".to_string());
    }
    if !target_installed(board.target) {
        missing.push(format!(
            "the Rust target (rustup target add {})",
            board.target
        ));
    }
    if !missing.is_empty() {
        println!("SKIPPED {test}: needs {}", missing.join(", "));
        return;
    }
    body(&firmware(board));
}

/// Build the firmware for `board` (once per test process; builds are serialised).
fn firmware(board: Board) -> PathBuf {
    static BUILD: Mutex<()> = Mutex::new(());
    let _guard = BUILD.lock().unwrap_or_else(|e| e.into_inner());
    let port = root().join("ports").join("cortex-m");
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--release", "--target", board.target])
        .current_dir(&port)
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .expect("cargo runs");
    assert!(
        status.success(),
        "firmware build for {} failed",
        board.target
    );
    port.join("target")
        .join(board.target)
        .join("release")
        .join("pyrite-cortex-m")
}

/// QEMU booting `kernel` on `board`, the UART on standard I/O, semihosting `args` (the first
/// is the program name).
fn qemu(board: Board, kernel: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("qemu-system-arm");
    let mut semihosting = String::from("enable=on,target=native");
    for a in args {
        semihosting.push_str(",arg=");
        semihosting.push_str(&a.replace(',', ",,"));
    }
    cmd.args(["-M", board.machine, "-cpu", board.cpu])
        .args(["-display", "none", "-monitor", "none", "-serial", "stdio"])
        .args(["-semihosting-config", &semihosting])
        .arg("-kernel")
        .arg(kernel)
        .current_dir(root());
    cmd
}

/// Wait for `child` at most `limit`; `None` (and the child killed) if it takes longer.
fn wait_at_most(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A child's standard output, collected by a thread as it arrives.
fn collect_stdout(child: &mut Child) -> Arc<Mutex<Vec<u8>>> {
    let buffer = Arc::new(Mutex::new(Vec::new()));
    let mut out = child.stdout.take().expect("piped stdout");
    let sink = buffer.clone();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = out.read(&mut chunk) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    buffer
}

/// Run `kernel` with semihosting `args` and no input; its UART output (`\r\n` made `\n`) and
/// exit status (`None`: killed after `limit`).
fn run(board: Board, kernel: &Path, args: &[&str], limit: Duration) -> (String, Option<i32>) {
    let mut child = qemu(board, kernel, args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("qemu-system-arm starts");
    let out = collect_stdout(&mut child);
    let status = wait_at_most(&mut child, limit);
    std::thread::sleep(Duration::from_millis(50));
    let text = String::from_utf8_lossy(&out.lock().unwrap()).replace("\r\n", "\n");
    (text, status.and_then(|s| s.code()))
}

/// Every conformance program with recorded output, relative to `tests/`.
fn conformance_programs() -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("tests directory").flatten() {
            let p = e.path();
            if p.is_dir() {
                if p.file_name().is_some_and(|n| n != "pending") {
                    walk(&p, base, out);
                }
            } else if p.extension().is_some_and(|x| x == "py")
                && p.with_extension("py.exp").exists()
            {
                let rel = p.strip_prefix(base).expect("under tests");
                out.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    let tests = root().join("tests");
    let mut out = Vec::new();
    walk(&tests, &tests, &mut out);
    out.sort();
    out
}

/// Run `programs` (relative to `tests/`) in as few boots as possible; each one's observed
/// output in the recorded shape (stdout, then `--- exit N: <last error line>` on failure).
fn run_batch(board: Board, kernel: &Path, programs: &[String]) -> Vec<(String, String)> {
    let tests = root().join("tests");
    let list_path = kernel.with_file_name(format!("batch-{}.txt", board.machine));
    let mut results = Vec::new();
    let mut rest = programs.to_vec();
    while !rest.is_empty() {
        let list: String = rest
            .iter()
            .map(|p| format!("{}\n", tests.join(p).display()))
            .collect();
        std::fs::write(&list_path, list).expect("write the batch list");
        let list_arg = list_path.to_string_lossy().into_owned();
        let (out, status) = run(
            board,
            kernel,
            &["pyrite", "--batch", &list_arg],
            Duration::from_secs(300),
        );
        // Each program's output ends with "\x04\x04<status> <last error line>\n".
        let mut pieces = out.split("\x04\x04");
        let mut body = pieces.next().unwrap_or("").to_string();
        let mut done = 0;
        for piece in pieces {
            let (trailer, next_body) = piece.split_once('\n').unwrap_or((piece, ""));
            let (code, last) = trailer.split_once(' ').unwrap_or((trailer, ""));
            if code != "0" {
                body.push_str(&format!("--- exit {code}: {last}\n"));
            }
            results.push((rest[done].clone(), body));
            body = next_body.to_string();
            done += 1;
        }
        if done < rest.len() {
            // The boot ended inside this program (a hang or a fatal error): record it and go on
            // with the next in a new boot.
            let how = match status {
                None => "--- hung (killed after the time limit)\n".to_string(),
                Some(c) => format!("--- firmware stopped (QEMU exit {c})\n"),
            };
            results.push((rest[done].clone(), format!("{body}{how}")));
            done += 1;
        }
        rest.drain(..done);
    }
    results
}

fn check_programs(board: Board) {
    with_firmware(
        board,
        &format!("conformance on {}", board.machine),
        |kernel| {
            let mut programs = Vec::new();
            let mut skipped = Vec::new();
            for p in conformance_programs() {
                let why = BOARD_DIFFERENCES
                    .iter()
                    .find(|(name, _)| *name == p)
                    .map(|(_, why)| *why)
                    .or_else(|| board_cannot_run(board, &p));
                match why {
                    Some(why) => skipped.push(format!("{p} ({why})")),
                    None => programs.push(p),
                }
            }
            let started = Instant::now();
            let results = run_batch(board, kernel, &programs);
            let mut failures = Vec::new();
            for (p, got) in &results {
                let expected =
                    std::fs::read_to_string(root().join("tests").join(format!("{p}.exp")))
                        .expect("recorded output");
                if *got != expected {
                    failures.push(format!("{p}\n--- expected\n{expected}--- got\n{got}"));
                }
            }
            println!(
                "{}: {} programs in {:.1} s, {} failed; not run: {}",
                board.machine,
                results.len(),
                started.elapsed().as_secs_f64(),
                failures.len(),
                skipped.join(", ")
            );
            assert!(
                failures.is_empty(),
                "{} of {} programs differ on {}:\n{}",
                failures.len(),
                results.len(),
                board.machine,
                failures.join("\n")
            );
        },
    );
}

#[test]
fn conformance_programs_on_mps2_an385() {
    check_programs(AN385);
}

#[test]
fn conformance_programs_on_mps2_an386() {
    check_programs(AN386);
}

/// A board's serial port, driven by a test as a host tool drives it.
struct Serial {
    child: Child,
    input: std::process::ChildStdin,
    output: Arc<Mutex<Vec<u8>>>,
    /// How much of the output has been consumed by `expect`.
    seen: usize,
}

impl Serial {
    fn boot(board: Board, kernel: &Path, args: &[&str]) -> Serial {
        let mut child = qemu(board, kernel, args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("qemu-system-arm starts");
        let input = child.stdin.take().expect("piped stdin");
        let output = collect_stdout(&mut child);
        Serial {
            child,
            input,
            output,
            seen: 0,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.input.write_all(bytes).expect("write to the board");
        self.input.flush().expect("flush");
    }

    /// Wait for `pattern` in the output not yet consumed; return what came before it (and
    /// consume through it).
    fn expect(&mut self, pattern: &[u8]) -> Vec<u8> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            {
                let out = self.output.lock().unwrap();
                let fresh = &out[self.seen..];
                if let Some(i) = fresh.windows(pattern.len()).position(|w| w == pattern) {
                    let before = fresh[..i].to_vec();
                    self.seen += i + pattern.len();
                    return before;
                }
                if Instant::now() > deadline {
                    panic!(
                        "waited for {:?}; the board sent {:?}",
                        String::from_utf8_lossy(pattern),
                        String::from_utf8_lossy(fresh)
                    );
                }
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Serial {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn raw_repl_as_host_tools_drive_it() {
    with_firmware(AN385, "raw REPL", |kernel| {
        // No script on the command line: the board starts its REPL.
        let mut board = Serial::boot(AN385, kernel, &["pyrite"]);
        board.expect(b">>> ");
        // pyboard.py's enter_raw_repl: interrupt, enter raw mode, soft reset.
        board.send(b"\r\x03\x03");
        board.send(b"\r\x01");
        board.expect(b"raw REPL; CTRL-B to exit\r\n>");
        board.send(b"\x04");
        board.expect(b"OK\r\nMPY: soft reboot\r\n");
        board.expect(b"raw REPL; CTRL-B to exit\r\n>");
        // A program: "OK", its output, \x04, no error, \x04, the prompt.
        board.send(b"print('sum', sum(range(10)))\x04");
        board.expect(b"OK");
        assert_eq!(board.expect(b"\x04"), b"sum 45\r\n");
        assert_eq!(board.expect(b"\x04"), b"");
        board.expect(b">");
        // An error: the traceback between the two \x04.
        board.send(b"x = 1\nprint(x)\n1 / 0\x04");
        board.expect(b"OK");
        assert_eq!(board.expect(b"\x04"), b"1\r\n");
        let error = String::from_utf8(board.expect(b"\x04")).expect("text");
        assert!(
            error.ends_with("ZeroDivisionError: division by zero\r\n"),
            "{error:?}"
        );
        assert!(error.contains("line 3"), "{error:?}");
        board.expect(b">");
        // Raw-paste mode: R\x01, the window size, then flow control in windows.
        board.send(b"\x05A\x01");
        board.expect(b"R\x01");
        let window = {
            let header = board.expect(b"\x01");
            assert_eq!(header.len(), 2, "window size: {header:?}");
            u16::from_le_bytes([header[0], header[1]]) as usize
        };
        let program = concat!(
            "@micropython.viper\n",
            "def dot(a: ptr32, b: ptr32, n: int) -> int:\n",
            "    s = 0\n",
            "    for i in range(n):\n",
            "        s += a[i] * b[i]\n",
            "    return s\n",
            "import array\n",
            "a = array.array('i', range(100))\n",
            "print('dot', dot(a, a, 100))\n",
            "# padding so the program is longer than two windows of the flow control ......\n",
            "# ..............................................................................\n",
            "# ..............................................................................\n",
        );
        let mut credit = window;
        for chunk in program.as_bytes().chunks(window) {
            while credit < chunk.len() {
                board.expect(b"\x01");
                credit += window;
            }
            board.send(chunk);
            credit -= chunk.len();
        }
        board.send(b"\x04");
        board.expect(b"\x04");
        assert_eq!(board.expect(b"\x04"), b"dot 328350\r\n");
        assert_eq!(board.expect(b"\x04"), b"");
        board.expect(b">");
        // Back to the friendly REPL.
        board.send(b"\x02");
        board.expect(b">>> ");
    });
}

#[test]
fn friendly_repl_prompts_interrupts_and_paste_mode() {
    with_firmware(AN385, "friendly REPL", |kernel| {
        let mut board = Serial::boot(AN385, kernel, &["pyrite"]);
        board.expect(b"with Pyrite\r\n>>> ");
        board.send(b"6 * 7\r");
        assert_eq!(board.expect(b">>> "), b"6 * 7\r\n42\r\n");
        board.send(b"for i in range(2):\r");
        board.expect(b"... ");
        board.send(b"    print(i)\r");
        board.expect(b"... ");
        board.send(b"\r");
        assert_eq!(board.expect(b">>> "), b"\r\n0\r\n1\r\n");
        // Ctrl-C stops a running loop with KeyboardInterrupt; the REPL goes on.
        board.send(b"while True: pass\r");
        board.expect(b"... ");
        board.send(b"\r");
        std::thread::sleep(Duration::from_millis(300));
        board.send(b"\x03");
        let interrupted = String::from_utf8(board.expect(b">>> ")).expect("text");
        assert!(interrupted.contains("KeyboardInterrupt"), "{interrupted:?}");
        // Paste mode keeps indentation as sent and runs on Ctrl-D.
        board.send(b"\x05");
        board.expect(b"=== ");
        board.send(b"def f(x):\r    return x + 1\r\rprint(f(41))\r\x04");
        let pasted = String::from_utf8(board.expect(b">>> ")).expect("text");
        assert!(pasted.ends_with("\r\n42\r\n"), "{pasted:?}");
        // A Ctrl-D at the prompt is a soft reset: the old names are gone.
        board.send(b"\x04");
        board.expect(b"MPY: soft reboot\r\n");
        board.expect(b">>> ");
        board.send(b"f\r");
        let gone = String::from_utf8(board.expect(b">>> ")).expect("text");
        assert!(gone.contains("NameError"), "{gone:?}");
    });
}

/// Run `ports/cortex-m/tests/<name>.py` on mps2-an385 (after `options`) and compare its output
/// with the hand-written `<name>.py.exp`.
fn board_program_matches(kernel: &Path, name: &str, options: &[&str], limit: Duration) {
    let program = root().join(format!("ports/cortex-m/tests/{name}.py"));
    let expected = std::fs::read_to_string(program.with_extension("py.exp")).expect("exp");
    let path = program.to_string_lossy().into_owned();
    let mut args = vec!["pyrite"];
    args.extend_from_slice(options);
    args.push(&path);
    let (out, status) = run(AN385, kernel, &args, limit);
    assert_eq!(status, Some(0), "{out}");
    assert_eq!(out, expected);
}

#[test]
fn a_full_heap_is_a_memory_error_the_program_catches() {
    with_firmware(AN385, "MemoryError", |kernel| {
        let options = ["-X", "heapsize=256k"];
        board_program_matches(kernel, "memory_error", &options, Duration::from_secs(60));
    });
}

#[test]
fn work_beyond_the_rust_heap_is_a_memory_error() {
    with_firmware(AN385, "Rust-heap MemoryError", |kernel| {
        board_program_matches(kernel, "rust_heap", &[], Duration::from_secs(120));
    });
}

#[test]
fn the_viper_uart_driver_example_runs() {
    with_firmware(AN386, "examples/uart_viper.py", |kernel| {
        let path = root().join("examples/uart_viper.py");
        let (out, status) = run(
            AN386,
            kernel,
            &["pyrite", &path.to_string_lossy()],
            Duration::from_secs(60),
        );
        assert_eq!(status, Some(0), "{out}");
        assert_eq!(
            out,
            "hello from a viper UART driver\nsent 32 bytes\nchecksum 0x5f9a\n\
             UART control 3\nclock 25 MHz\n"
        );
    });
}
