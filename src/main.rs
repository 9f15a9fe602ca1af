//! The `pyrite` command: run a script, `-c` code, a module (`-m`), a program piped on standard
//! input, or the interactive REPL, with MicroPython's unix-port options (`-X heapsize=`,
//! `-X emit=`, `-O`, `-i`, `-v`).

mod host;
mod listing;
mod repl;

use listing::Listing;

use std::io::IsTerminal;
use vm::{Config, Vm};

/// Stack of the thread Python code runs on.
const STACK_SIZE: usize = 1 << 30;

const USAGE: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
  -c cmd   program passed in as string
  -m mod   run library module as a script
  -i       inspect interactively after running the program
  -O       optimize: drop assert statements, __debug__ is False
  -v       print the version banner
  -X heapsize=<n>[k|m]   size of the garbage-collected heap (default 64m)
  -X emit=bytecode|native|viper   how functions are compiled by default
  --dis    print the bytecode of the program instead of running it
  --ir     print the native-code IR of its @native/@viper functions instead of running it
  --asm    print the host machine code of its @native/@viper functions (Cranelift's listing)
  --thumb=armv7m|armv7emsp|armv6m
           compile the program for a Cortex-M target and print each asm_thumb, native and
           viper function's Thumb machine code as hex, without running it
";

/// What to run.
enum Program {
    File(String),
    Command(String),
    Module(String),
    Stdin,
    Repl,
}

struct Options {
    program: Program,
    config: Config,
    heap_size: usize,
    interactive: bool,
    /// `--dis`, `--ir`, `--asm` or `--thumb=`: print a listing instead of running.
    listing: Option<Listing>,
}

fn parse_size(s: &str) -> Option<usize> {
    let (num, mult) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1024),
        'm' | 'M' => (&s[..s.len() - 1], 1024 * 1024),
        _ => (s, 1),
    };
    num.parse::<usize>().ok().map(|n| n * mult)
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut config = Config::default();
    let mut heap_size = 64 << 20;
    let mut interactive = false;
    let mut listing = None;
    let mut program = None;
    let mut rest: Vec<String> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "-c" => {
                let code = args.next().ok_or("Argument expected for the -c option")?;
                program = Some(Program::Command(code));
                rest.push("-c".into());
                break;
            }
            "-m" => {
                let m = args.next().ok_or("Argument expected for the -m option")?;
                rest.push(m.clone());
                program = Some(Program::Module(m));
                break;
            }
            "-i" => interactive = true,
            "-O" | "-OO" => config.optimize = true,
            "-v" => {
                println!(
                    "Pyrite {} (Python 3.11 compatible); {}",
                    env!("CARGO_PKG_VERSION"),
                    std::env::consts::ARCH
                );
            }
            "-h" | "--help" => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            "--dis" => listing = Some(Listing::Bytecode),
            "--ir" => listing = Some(Listing::Ir),
            "--asm" => listing = Some(Listing::Asm),
            x if x.starts_with("--thumb=") => {
                let target = &x["--thumb=".len()..];
                let isa = listing::thumb_target(target).ok_or_else(|| {
                    format!("--thumb: unknown target '{target}' (armv7m, armv7emsp or armv6m)")
                })?;
                listing = Some(Listing::Thumb(isa));
            }
            "-X" => {
                let opt = args.next().ok_or("Argument expected for the -X option")?;
                apply_x(&opt, &mut config, &mut heap_size)?;
            }
            x if x.starts_with("-X") => apply_x(&x[2..], &mut config, &mut heap_size)?,
            "-" => {
                program = Some(Program::Stdin);
                rest.push("-".into());
                break;
            }
            x if x.starts_with('-') && x.len() > 1 => {
                return Err(format!("Unknown option: {x}\n{USAGE}"));
            }
            _ => {
                rest.push(a.clone());
                program = Some(Program::File(a));
                break;
            }
        }
    }
    rest.extend(args);
    let program = match program {
        Some(p) => p,
        None if interactive => {
            rest.push(String::new());
            Program::Repl
        }
        None if std::io::stdin().is_terminal() => {
            rest.push(String::new());
            Program::Repl
        }
        None => {
            rest.push(String::new());
            Program::Stdin
        }
    };
    let script_dir = match &program {
        Program::File(f) => std::path::Path::new(&absolute(f))
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    };
    config.path.push(script_dir);
    if let Ok(p) = std::env::var("PYRITEPATH") {
        config
            .path
            .extend(p.split(':').filter(|s| !s.is_empty()).map(String::from));
    }
    config.argv = rest;
    config.gc_stress =
        cfg!(feature = "gc-stress") || std::env::var_os("PYRITE_GC_STRESS").is_some();
    Ok(Options {
        program,
        config,
        heap_size,
        interactive,
        listing,
    })
}

fn apply_x(opt: &str, config: &mut Config, heap_size: &mut usize) -> Result<(), String> {
    if let Some(v) = opt.strip_prefix("heapsize=") {
        *heap_size = parse_size(v)
            .filter(|&n| n >= 64 * 1024)
            .ok_or_else(|| format!("bad heap size: {v}"))?;
    } else if let Some(v) = opt.strip_prefix("emit=") {
        config.default_emitter = match v {
            "bytecode" => frontend::bytecode::Emitter::Bytecode,
            "native" => frontend::bytecode::Emitter::Native,
            "viper" => frontend::bytecode::Emitter::Viper,
            _ => {
                return Err(format!(
                    "bad emit option: {v} (expected bytecode, native or viper)"
                ));
            }
        };
    } else {
        return Err(format!("unknown -X option: {opt}"));
    }
    Ok(())
}

fn read_stdin() -> String {
    let mut s = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
    s
}

#[inline(never)]
fn run_vm(opts: Options, stack_marker: usize) -> i32 {
    let mut heap = vm::gc::Heap::with_capacity(opts.heap_size);
    heap.set_stack_top(stack_marker);
    let mut vm = vm::types::bootstrap::new_vm(heap, Box::new(host::StdHost::new()), opts.config);
    let result = match &opts.program {
        Program::File(path) => match std::fs::read(path) {
            Ok(bytes) => {
                let full = absolute(path);
                match vm::import::source_text(&mut vm, &bytes, &full) {
                    Ok(src) if opts.listing.is_some() => {
                        let listing = opts.listing.expect("checked");
                        return listing::print(listing, &src, path, &vm.config);
                    }
                    // Like CPython, the main script's code and `__file__` use an absolute path.
                    Ok(src) => vm::import::run_main(&mut vm, &src, &full).map(|_| ()),
                    Err(e) => Err(e),
                }
            }
            Err(e) => {
                eprintln!(
                    "pyrite: can't open file '{path}': [Errno {}] {}",
                    e.raw_os_error().unwrap_or(2),
                    e
                );
                return 2;
            }
        },
        Program::Command(code) => vm::import::run_main(&mut vm, code, "<string>").map(|_| ()),
        Program::Stdin => {
            let src = read_stdin();
            vm::import::run_main(&mut vm, &src, "<stdin>").map(|_| ())
        }
        Program::Module(name) => run_module(&mut vm, name),
        Program::Repl => {
            let status = repl::run(&mut vm);
            vm.host.flush();
            return status;
        }
    };
    let status = match result {
        Ok(()) => 0,
        Err(e) => vm::ops::traceback::report_uncaught(&mut vm, e.0),
    };
    vm::modules::atexit::run_exit_functions(&mut vm);
    if opts.interactive {
        return repl::run(&mut vm);
    }
    vm.host.flush();
    status
}

fn absolute(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{path}", cwd.to_string_lossy()),
        Err(_) => path.to_string(),
    }
}

fn run_module(vm: &mut Vm, name: &str) -> vm::PyResult<()> {
    let n = vm.new_str(name)?;
    let globals = vm.new_dict()?;
    let main_name = vm.new_str("__main__")?;
    vm.dict_set_str(globals, "__name__", main_name)?;
    // Import it under its own name, then run its code again as __main__ would be wasteful:
    // instead, find the file and run it as the main program.
    for dir in vm.config.path.clone() {
        let base = if dir.is_empty() {
            name.replace('.', "/")
        } else {
            format!("{dir}/{}", name.replace('.', "/"))
        };
        for candidate in [format!("{base}.py"), format!("{base}/__main__.py")] {
            if let Some(bytes) = vm.host.read_file(&candidate) {
                // As CPython: sys.argv[0] and __file__ are the module file's absolute path.
                let full = absolute(&candidate);
                let argv = vm.getattr_str(vm.sys, "argv")?;
                if let Some(first) = argv
                    .as_ref::<vm::obj::list::ListObj>()
                    .and_then(|l| l.items().first())
                {
                    first.set(vm.new_str(&full)?);
                }
                let src = vm::import::source_text(vm, &bytes, &full)?;
                return vm::import::run_main(vm, &src, &full).map(|_| ());
            }
        }
    }
    let _ = n;
    Err(vm.new_exc(
        vm::types::ExcKind::ModuleNotFoundError,
        &format!("No module named '{name}'"),
    ))
}

fn main() {
    let mut opts = match parse_args() {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}");
            std::process::exit(2);
        }
    };
    // Ctrl-C sets a flag the interpreter polls at backward jumps and calls.
    let _ = ctrlc::set_handler(vm::vm::signal_keyboard_interrupt);
    // Python code runs on a thread with a large stack: each Python call uses Rust stack frames.
    opts.config.stack_size = STACK_SIZE;
    let child = std::thread::Builder::new()
        .name("pyrite".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let marker = 0usize;
            let addr = std::hint::black_box(&marker) as *const usize as usize;
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_vm(opts, addr)))
        })
        .expect("spawn the interpreter thread");
    let status = match child.join() {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!(
                "pyrite: internal error (a bug in Pyrite; please report it with the program that caused it)"
            );
            3
        }
    };
    std::process::exit(status);
}
