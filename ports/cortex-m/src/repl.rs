//! The board's REPL, as MicroPython's boards have it, so people and host tools (`mpremote`,
//! `pyboard.py`, the test runner's serial mode) drive it the same way:
//! - the friendly REPL: banner, `>>> ` and `... ` prompts with line editing, expression values
//!   echoed, Ctrl-C to cancel a line or interrupt a program, Ctrl-D for a soft reset, Ctrl-E for
//!   paste mode (`=== ` lines, Ctrl-D runs them), Ctrl-B to print the banner again;
//! - the raw REPL (Ctrl-A): no echo; a program is sent ending with Ctrl-D, the board answers
//!   `OK`, its output, `\x04`, any traceback, `\x04`, then `>`; Ctrl-D on an empty program is a
//!   soft reset, Ctrl-B goes back to the friendly REPL; `\x05A\x01` starts raw-paste mode, whose
//!   flow control lets a host send without fixed delays.

use crate::console;
use crate::editor::{self, History, Line};
use crate::session::{self, Settings};
use alloc::string::String;
use alloc::vec::Vec;
use vm::Vm;

const CTRL_A: u8 = 0x01;
const CTRL_B: u8 = 0x02;
const CTRL_C: u8 = console::INTERRUPT_CHAR;
const CTRL_D: u8 = 0x04;
const CTRL_E: u8 = 0x05;
/// Raw-paste mode's flow-control window: the host may send this many bytes more each time the
/// board sends `\x01`.
const RAW_PASTE_WINDOW: u16 = 128;

/// Which REPL is active; it survives soft resets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Friendly,
    Raw,
}

/// How a REPL ended.
enum Next {
    Switch(Mode),
    SoftReset,
}

/// What running a piece of input did.
enum Outcome {
    Done,
    /// `SystemExit` (or `sys.exit()`): a soft reset, as on MicroPython boards.
    Exit,
}

/// Serve the REPL forever, with a fresh VM after each soft reset.
pub fn run_forever(settings: &Settings) -> ! {
    let mut mode = Mode::Friendly;
    let mut banner = true;
    loop {
        session::with_vm(settings, alloc::vec![String::new()], false, |vm| {
            loop {
                let next = match mode {
                    Mode::Friendly => friendly(vm, core::mem::take(&mut banner)),
                    Mode::Raw => raw(vm),
                };
                match next {
                    Next::Switch(m) => {
                        mode = m;
                        banner = true;
                    }
                    Next::SoftReset => return,
                }
            }
        });
        console::write(b"MPY: soft reboot\n");
        banner = true;
    }
}

fn write_banner() {
    console::write(
        alloc::format!(
            "Pyrite {} on {}; {} with Pyrite\n",
            env!("CARGO_PKG_VERSION"),
            crate::BOARD,
            crate::CPU
        )
        .as_bytes(),
    );
}

/// Compile and run `source` in `__main__`, with Ctrl-C armed, and report how it ended.
fn execute(vm: &mut Vm, source: &str, mode: frontend::Mode, raw: bool) -> Outcome {
    vm.heap.unlock_all();
    let ran = vm::import::main_globals(vm).and_then(|globals| {
        console::arm_interrupt(true);
        let ran = vm::import::run_source(vm, source, "<stdin>", mode, globals);
        console::arm_interrupt(false);
        ran
    });
    // A Ctrl-C that came after the program's last check must not hit the next one.
    vm::vm::KEYBOARD_INTERRUPT.store(false, core::sync::atomic::Ordering::Relaxed);
    finish(vm, ran, raw)
}

/// Print an error the input ended with; in the raw REPL the output and the error text are each
/// followed by `\x04`.
fn finish(vm: &mut Vm, ran: vm::PyResult<()>, raw: bool) -> Outcome {
    if raw {
        console::write_raw(b"\x04");
    }
    let mut outcome = Outcome::Done;
    if let Err(e) = ran {
        if vm.exc_is(e.0, vm::types::ExcKind::SystemExit) {
            outcome = Outcome::Exit;
        } else {
            vm::ops::traceback::print_exception(vm, e.0);
        }
    }
    if raw {
        console::write_raw(b"\x04");
    }
    vm.host.flush();
    outcome
}

/// The friendly REPL, until it switches or resets.
fn friendly(vm: &mut Vm, banner: bool) -> Next {
    if banner {
        write_banner();
    }
    let mut history = History::default();
    loop {
        let (source, mode) = match editor::read_line(">>> ", &mut history) {
            Line::Control(CTRL_A) => {
                console::write(b"\n");
                return Next::Switch(Mode::Raw);
            }
            Line::Control(CTRL_B) => {
                console::write(b"\n");
                write_banner();
                continue;
            }
            Line::Control(CTRL_D) => {
                console::write(b"\n");
                return Next::SoftReset;
            }
            Line::Control(CTRL_E) => match paste() {
                Some(source) => (source, frontend::Mode::Exec),
                None => continue,
            },
            Line::Control(_) => {
                console::write(b"\n");
                continue;
            }
            Line::Text(line) if line.trim().is_empty() => continue,
            Line::Text(line) => match continue_statement(line, &mut history) {
                Some(source) => (source, frontend::Mode::Single),
                None => continue,
            },
        };
        if let Outcome::Exit = execute(vm, &source, mode, false) {
            return Next::SoftReset;
        }
    }
}

/// Read continuation lines until the statement is complete (`None`: cancelled with Ctrl-C).
fn continue_statement(first: String, history: &mut History) -> Option<String> {
    let mut source = first;
    source.push('\n');
    while frontend::repl::needs_more_input(&source) {
        match editor::read_line("... ", history) {
            Line::Text(line) => {
                source.push_str(&line);
                source.push('\n');
            }
            Line::Control(CTRL_D) => break,
            Line::Control(CTRL_C) => {
                console::write(b"\n");
                return None;
            }
            Line::Control(_) => {}
        }
    }
    Some(source)
}

/// Paste mode: lines are taken as they come (no indenting, no echo of prompts but `=== `) until
/// Ctrl-D (`None`: cancelled with Ctrl-C).
fn paste() -> Option<String> {
    console::write(b"\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== ");
    let mut bytes = Vec::new();
    loop {
        match console::read() {
            CTRL_C => {
                console::write(b"\n");
                return None;
            }
            CTRL_D => {
                console::write(b"\n");
                return Some(source_text(&bytes));
            }
            b'\r' => {
                bytes.push(b'\n');
                console::write(b"\n=== ");
            }
            b => {
                bytes.push(b);
                console::write_raw(&[b]);
            }
        }
    }
}

/// Received bytes as source text, with a terminal's `\r` line ends made `\n`.
fn source_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// The raw REPL, until it switches or resets.
fn raw(vm: &mut Vm) -> Next {
    console::write(b"raw REPL; CTRL-B to exit\n");
    loop {
        console::write_raw(b">");
        let mut bytes: Vec<u8> = Vec::new();
        loop {
            match console::read() {
                CTRL_A if bytes.len() == 2 && bytes[0] == CTRL_E => {
                    let command = bytes[1];
                    bytes.clear();
                    if let Outcome::Exit = raw_paste(vm, command) {
                        return Next::SoftReset;
                    }
                    console::write_raw(b">");
                }
                CTRL_A => {
                    console::write(b"raw REPL; CTRL-B to exit\n>");
                    bytes.clear();
                }
                CTRL_B => {
                    console::write(b"\n");
                    return Next::Switch(Mode::Friendly);
                }
                CTRL_C => bytes.clear(),
                CTRL_D => break,
                b => bytes.push(b),
            }
        }
        console::write_raw(b"OK");
        if bytes.is_empty() {
            console::write(b"\n");
            return Next::SoftReset;
        }
        if let Outcome::Exit = execute(vm, &source_text(&bytes), frontend::Mode::Exec, true) {
            return Next::SoftReset;
        }
    }
}

/// Raw-paste mode (`\x05A\x01`): answer `R\x01` and the window size, take the program with flow
/// control until Ctrl-D, acknowledge with `\x04`, and run it. Other commands get `R\x00`.
fn raw_paste(vm: &mut Vm, command: u8) -> Outcome {
    if command != b'A' {
        console::write_raw(b"R\x00");
        return Outcome::Done;
    }
    console::write_raw(b"R\x01");
    console::write_raw(&RAW_PASTE_WINDOW.to_le_bytes());
    // The window announced is free, and so is one more (the buffer holds two).
    console::write_raw(b"\x01");
    let mut bytes = Vec::new();
    let mut remaining = RAW_PASTE_WINDOW;
    loop {
        let b = console::read();
        if b == CTRL_D || b == CTRL_C {
            console::write_raw(b"\x04");
            if b == CTRL_C {
                let interrupted = vm.new_exc(vm::types::ExcKind::KeyboardInterrupt, "");
                return finish(vm, Err(interrupted), true);
            }
            break;
        }
        bytes.push(b);
        remaining -= 1;
        if remaining == 0 {
            console::write_raw(b"\x01");
            remaining = RAW_PASTE_WINDOW;
        }
    }
    execute(vm, &source_text(&bytes), frontend::Mode::Exec, true)
}
