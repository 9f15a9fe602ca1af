//! Pyrite's firmware for Cortex-M boards under QEMU: `mps2-an385` (Cortex-M3, built for
//! `thumbv7m-none-eabi`) and `mps2-an386` (Cortex-M4F, `thumbv7em-none-eabihf`). The same
//! compiler, VM and Thumb-2 backend as on hosts; `@micropython.native`, `viper` and
//! `asm_thumb` functions become machine code in RAM on the board itself.
//!
//! At boot, a command line given through semihosting (`-semihosting-config
//! enable=on,target=native,arg=pyrite,arg=...`) chooses what runs:
//! - `[-X emit=...] [-X heapsize=N] script.py [args]`: run the host file, exit QEMU with its
//!   status;
//! - `[options] --batch list.txt`: run each host file named in the list (one per line) in a fresh
//!   VM, each one's output followed by `\x04\x04<status> <last line of its error output>\n`,
//!   then exit QEMU with 0 (the test harness's way to run many programs in one boot);
//! - `[options]` alone, or no semihosting: the REPL on the UART (see `repl.rs`).

#![no_std]
#![no_main]

extern crate alloc;

mod board;
mod console;
mod editor;
mod host;
mod repl;
mod semihosting;
mod session;

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use cortex_m_rt::{ExceptionFrame, entry, exception};
use session::Settings;

/// The board's name for the banner and `sys.implementation`.
#[cfg(target_abi = "eabihf")]
const BOARD: &str = "mps2-an386";
#[cfg(not(target_abi = "eabihf"))]
const BOARD: &str = "mps2-an385";
#[cfg(target_abi = "eabihf")]
const CPU: &str = "Cortex-M4F";
#[cfg(not(target_abi = "eabihf"))]
const CPU: &str = "Cortex-M3";

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    console::write(
        alloc::format!("\nFATAL: internal error (a bug in Pyrite): {info}\n").as_bytes(),
    );
    semihosting::exit(3);
    cortex_m::peripheral::SCB::sys_reset()
}

/// A hard fault other than a semihosting call without a debugger (see `board.rs`).
#[unsafe(no_mangle)]
extern "C" fn fatal_fault(frame: &ExceptionFrame) -> ! {
    let cfsr = board::read_memory(0xE000_ED28, 4).unwrap_or(0);
    console::write(
        alloc::format!(
            "\nFATAL: hard fault at pc={:#010x} lr={:#010x} CFSR={:#010x}\n",
            frame.pc(),
            frame.lr(),
            cfsr
        )
        .as_bytes(),
    );
    semihosting::exit(3);
    cortex_m::peripheral::SCB::sys_reset()
}

#[exception]
fn SysTick() {
    board::tick();
}

/// Every device interrupt: the UART's receive interrupt is the only one enabled.
#[exception]
unsafe fn DefaultHandler(irq: i16) {
    if irq == board::UART0_RX_IRQ {
        board::uart_acknowledge();
        console::receive();
    }
}

/// What the command line asks for.
enum Program {
    Repl,
    Script(Vec<String>),
    Batch(String),
}

/// Parse the semihosting command line (its first word is the program's name).
fn parse_command_line(line: &str, settings: &mut Settings) -> Result<Program, String> {
    let mut words = line.split_whitespace().skip(1);
    while let Some(w) = words.next() {
        match w {
            "-X" => {
                let opt = words.next().ok_or("-X needs an option")?;
                apply_x(opt, settings)?;
            }
            "--batch" => {
                let list = words.next().ok_or("--batch needs a file")?;
                return Ok(Program::Batch(list.to_string()));
            }
            x if x.starts_with("-X") => apply_x(&x[2..], settings)?,
            x if x.starts_with('-') => return Err(alloc::format!("unknown option: {x}")),
            script => {
                let mut argv = alloc::vec![script.to_string()];
                argv.extend(words.map(String::from));
                return Ok(Program::Script(argv));
            }
        }
    }
    Ok(Program::Repl)
}

fn apply_x(opt: &str, settings: &mut Settings) -> Result<(), String> {
    if let Some(v) = opt.strip_prefix("heapsize=") {
        let (digits, unit) = match v.as_bytes().last() {
            Some(b'k' | b'K') => (&v[..v.len() - 1], 1024),
            Some(b'm' | b'M') => (&v[..v.len() - 1], 1024 * 1024),
            _ => (v, 1),
        };
        let n = digits
            .parse::<usize>()
            .map_err(|_| alloc::format!("bad heap size: {v}"))?;
        settings.heap_size = (n * unit).clamp(16 * 1024, board::GC_MEMORY_MAX);
    } else if let Some(v) = opt.strip_prefix("emit=") {
        settings.emitter = match v {
            "bytecode" => frontend::bytecode::Emitter::Bytecode,
            "native" => frontend::bytecode::Emitter::Native,
            "viper" => frontend::bytecode::Emitter::Viper,
            _ => return Err(alloc::format!("bad emit option: {v}")),
        };
    } else {
        return Err(alloc::format!("unknown -X option: {opt}"));
    }
    Ok(())
}

/// Run one host file in a fresh VM; its exit status.
fn run_script(settings: &Settings, argv: Vec<String>) -> i32 {
    let path = argv[0].clone();
    let Some(bytes) = semihosting::read_file(&path) else {
        console::write(alloc::format!("pyrite: can't open file '{path}'\n").as_bytes());
        return 2;
    };
    session::with_vm(settings, argv, true, |vm| {
        console::arm_interrupt(true);
        let ran = vm::import::source_text(vm, &bytes, &path)
            .and_then(|source| vm::import::run_main(vm, &source, &path));
        console::arm_interrupt(false);
        let status = match ran {
            Ok(_) => 0,
            Err(e) => vm::ops::traceback::report_uncaught(vm, e.0),
        };
        vm::modules::atexit::run_exit_functions(vm);
        vm.host.flush();
        status
    })
}

#[entry]
fn main() -> ! {
    let mut core = cortex_m::Peripherals::take().expect("first and only take");
    board::init(&mut core.SYST);
    board::init_allocator();
    let mut settings = Settings::default();
    let program = if semihosting::probe() {
        let line = semihosting::command_line().unwrap_or_default();
        parse_command_line(&line, &mut settings)
    } else {
        Ok(Program::Repl)
    };
    match program {
        Ok(Program::Repl) => repl::run_forever(&settings),
        Ok(Program::Script(argv)) => {
            let status = run_script(&settings, argv);
            semihosting::exit(status);
        }
        Ok(Program::Batch(list)) => {
            let list = semihosting::read_file(&list).unwrap_or_default();
            for path in String::from_utf8_lossy(&list)
                .lines()
                .filter(|l| !l.trim().is_empty())
            {
                console::capture_errors();
                let status = run_script(&settings, alloc::vec![path.trim().to_string()]);
                let errors = console::take_errors();
                let errors = String::from_utf8_lossy(&errors);
                let last = errors.lines().rev().find(|l| !l.trim().is_empty());
                let last = last.unwrap_or("");
                console::write_raw(alloc::format!("\x04\x04{status} {last}\n").as_bytes());
            }
            semihosting::exit(0);
        }
        Err(message) => {
            console::write(alloc::format!("pyrite: {message}\n").as_bytes());
            semihosting::exit(2);
        }
    }
    repl::run_forever(&settings)
}
