//! The command line as a user meets it: `-c`, standard input, the REPL, syntax errors with file,
//! line and caret, exit statuses, `SystemExit`, `-X` options, Ctrl-C.

use std::io::Write;
use std::process::{Command, Stdio};

fn pyrite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
}

fn run(args: &[&str], stdin: &str) -> (String, String, i32) {
    let mut child = pyrite()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyrite");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn dash_c_runs_code_and_sets_argv() {
    let (out, _, code) = run(&["-c", "import sys; print(sys.argv, 6 * 7)", "a", "b"], "");
    assert_eq!(out, "['-c', 'a', 'b'] 42\n");
    assert_eq!(code, 0);
}

#[test]
fn dash_m_runs_a_module_as_main_with_its_path_in_argv() {
    let dir = std::env::temp_dir().join(format!("pyrite-cli-m-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).expect("temp dir");
    std::fs::write(dir.join("pkg/__init__.py"), "").expect("write");
    std::fs::write(
        dir.join("pkg/mod.py"),
        "import sys\nprint(__name__, sys.argv[0] == __file__, sys.argv[1:])\nprint(__file__)\n",
    )
    .expect("write");
    let out = pyrite()
        .args(["-m", "pkg.mod", "x"])
        .current_dir(&dir)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("__main__ True ['x']"), "{text}");
    let file = lines.next().unwrap_or("");
    assert!(
        file.starts_with('/') && file.ends_with("/pkg/mod.py"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn program_on_standard_input() {
    let (out, _, code) = run(&[], "x = 5\nprint(x * 2)\n");
    assert_eq!(out, "10\n");
    assert_eq!(code, 0);
}

#[test]
fn syntax_error_names_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("pyrite-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("bad.py");
    std::fs::write(&file, "x = 1\nif x\n    pass\n").expect("write");
    let (out, err, code) = run(&[file.to_str().expect("utf-8 path")], "");
    assert_eq!(out, "");
    assert_eq!(code, 1);
    assert!(err.contains("bad.py\", line 2"), "{err}");
    assert!(err.contains("    if x\n        ^\n"), "{err}");
    assert!(
        err.trim_end().ends_with("SyntaxError: expected ':'"),
        "{err}"
    );
}

#[test]
fn uncaught_exception_prints_traceback_and_exits_1() {
    let (out, err, code) = run(
        &["-c", "def f():\n    return 1 / 0\nprint('before')\nf()"],
        "",
    );
    assert_eq!(out, "before\n");
    assert_eq!(code, 1);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(
        err.contains("File \"<string>\", line 4, in <module>"),
        "{err}"
    );
    assert!(err.contains("File \"<string>\", line 2, in f"), "{err}");
    assert!(
        err.ends_with("ZeroDivisionError: division by zero\n"),
        "{err}"
    );
}

#[test]
fn system_exit_codes() {
    assert_eq!(run(&["-c", "raise SystemExit(7)"], "").2, 7);
    assert_eq!(run(&["-c", "import sys; sys.exit()"], "").2, 0);
    let (_, err, code) = run(&["-c", "import sys; sys.exit('message')"], "");
    assert_eq!((err.as_str(), code), ("message\n", 1));
}

#[test]
fn repl_echoes_values_and_survives_errors() {
    let (out, err, code) = run(
        &["-i"],
        "1 + 1\nx = 5\nx\nundefined\nfor i in range(2):\n    print(i)\n\n'end'\n",
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        ">>> 2\n>>> >>> 5\n>>> >>> ... ... 0\n1\n>>> 'end'\n>>> \n"
    );
    assert!(
        err.contains("NameError: name 'undefined' is not defined"),
        "{err}"
    );
}

#[test]
fn heap_size_option_bounds_memory() {
    let (out, _, code) = run(
        &[
            "-X",
            "heapsize=256k",
            "-c",
            "try:\n    x = [0] * 1000000\nexcept MemoryError:\n    print('caught')\nprint(len([1] * 100))",
        ],
        "",
    );
    assert_eq!((out.as_str(), code), ("caught\n100\n", 0));
}

#[test]
fn bad_options_are_reported() {
    let (_, err, code) = run(&["-X", "heapsize=lots", "-c", "pass"], "");
    assert_eq!(code, 2);
    assert!(err.contains("bad heap size"), "{err}");
    let (_, err, code) = run(&["/nonexistent/file.py"], "");
    assert_eq!(code, 2);
    assert!(err.contains("can't open file"), "{err}");
}

/// Start `code`, wait for it to print `started`, send SIGINT, and check it ends with
/// `KeyboardInterrupt` and status 130.
fn interrupt_after_start(code: &str) {
    let mut child = pyrite()
        .args(["-c", code])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 8];
    let stdout = child.stdout.as_mut().expect("stdout");
    std::io::Read::read_exact(stdout, &mut first).expect("started");
    let pid = child.id().to_string();
    Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("KeyboardInterrupt"), "{code}: {err}");
    assert_eq!(out.status.code(), Some(130), "{code}");
}

#[test]
fn ctrl_c_interrupts_a_running_loop() {
    interrupt_after_start("print('started', flush=True)\nwhile True:\n    pass");
}

#[test]
fn ctrl_c_interrupts_native_and_viper_loops() {
    interrupt_after_start(concat!(
        "import micropython\n",
        "@micropython.native\n",
        "def spin():\n",
        "    while True:\n",
        "        pass\n",
        "print('started', flush=True)\n",
        "spin()\n",
    ));
    interrupt_after_start(concat!(
        "@micropython.viper\n",
        "def spin() -> int:\n",
        "    n = 0\n",
        "    while True:\n",
        "        n += 1\n",
        "    return n\n",
        "print('started', flush=True)\n",
        "spin()\n",
    ));
    interrupt_after_start(concat!(
        "@micropython.viper\n",
        "def spin(k: int) -> int:\n",
        "    s = 0\n",
        "    for i in range(k):\n",
        "        for j in range(k):\n",
        "            s += j\n",
        "    return s\n",
        "print('started', flush=True)\n",
        "spin(1 << 40)\n",
    ));
    // One long counted loop: it polls between chunks of iterations.
    interrupt_after_start(concat!(
        "@micropython.viper\n",
        "def spin(n: int) -> int:\n",
        "    s = 0\n",
        "    for i in range(n):\n",
        "        s += i\n",
        "    return s\n",
        "print('started', flush=True)\n",
        "spin(1 << 60)\n",
    ));
}

/// Each `exec` of a decorated function gets code memory of its own, outside the GC heap; the
/// collector must still see it as allocation, and each unit must hold no more than its code,
/// or a program that keeps compiling grows without bound.
#[test]
fn native_code_of_dropped_sources_is_reclaimed() {
    if !std::path::Path::new("/proc/self/status").exists() {
        eprintln!("skipped: no /proc to read the peak resident size from");
        return;
    }
    let program = concat!(
        "for i in range(1500):\n",
        "    exec('@micropython.native\\ndef f(xs):\\n    t = 0\\n'\n",
        "         '    for x in xs:\\n        if x > t:\\n            t = x\\n'\n",
        "         '    return t + %d\\n' % i, {})\n",
        "for line in open('/proc/self/status'):\n",
        "    if line.startswith('VmHWM:'):\n",
        "        print(int(line.split()[1]) // 1024)\n",
    );
    let (out, err, code) = run(&["-c", program], "");
    assert_eq!(code, 0, "{err}");
    let peak_mib: u32 = out.trim().parse().expect("peak resident size in MiB");
    // About 10 MiB when units are reclaimed; each unit once kept ~150 KiB (220 MiB here).
    assert!(peak_mib < 64, "peak resident size {peak_mib} MiB");
}

#[test]
fn native_tracebacks_carry_line_numbers() {
    let program = concat!(
        "import micropython\n",
        "@micropython.native\n",
        "def inner(x):\n",
        "    y = x + 1\n",
        "    return y / 0\n",
        "@micropython.viper\n",
        "def middle(x: int) -> int:\n",
        "    z = x * 2\n",
        "    return int(inner(z))\n",
        "def top():\n",
        "    return middle(3)\n",
        "top()\n",
    );
    for emit in ["bytecode", "native"] {
        let (_, err, code) = run(&["-X", &format!("emit={emit}"), "-c", program], "");
        assert_eq!(code, 1, "{err}");
        let lines: Vec<&str> = err.lines().filter(|l| l.contains("File ")).collect();
        assert_eq!(
            lines,
            [
                "  File \"<string>\", line 12, in <module>",
                "  File \"<string>\", line 11, in top",
                "  File \"<string>\", line 9, in middle",
                "  File \"<string>\", line 5, in inner",
            ],
            "emit={emit}: {err}"
        );
        assert!(
            err.ends_with("ZeroDivisionError: division by zero\n"),
            "{err}"
        );
    }
}

#[test]
fn viper_compile_errors_name_function_and_line() {
    let program = concat!(
        "print('never runs')\n",
        "@micropython.viper\n",
        "def f(p: ptr8) -> int:\n",
        "    x = 1\n",
        "    return p + 'text'\n",
    );
    let (out, err, code) = run(&["-c", program], "");
    assert_eq!((out.as_str(), code), ("", 1), "{err}");
    assert!(err.contains("File \"<string>\", line 5, in f"), "{err}");
    assert!(
        err.ends_with("ViperTypeError: can't do binary op between 'ptr8' and 'object'\n"),
        "{err}"
    );
}

#[test]
fn listings_print_ir_and_machine_code_without_running() {
    let path = std::env::temp_dir().join(format!("pyrite-listing-{}.py", std::process::id()));
    let program = concat!(
        "print('never runs')\n",
        "@micropython.viper\n",
        "def total(n: int) -> int:\n",
        "    s = 0\n",
        "    for i in range(n):\n",
        "        s += i\n",
        "    return s\n",
        "def plain(x):\n",
        "    return x\n",
    );
    std::fs::write(&path, program).expect("write the program");
    let file = path.to_str().expect("a UTF-8 temp path");
    let (ir, err, code) = run(&["--ir", file], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        ir.starts_with("function total(") && !ir.contains("plain"),
        "{ir}"
    );
    assert!(!ir.contains("never runs"), "{ir}");
    if cfg!(not(target_arch = "arm")) {
        let (asm, err, code) = run(&["--asm", file], "");
        assert_eq!(code, 0, "{err}");
        assert!(asm.starts_with("function total:\n"), "{asm}");
        assert!(asm.contains("ret") && !asm.contains("never runs"), "{asm}");
    }
    let _ = std::fs::remove_file(&path);
}
