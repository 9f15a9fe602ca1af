//! The machine services the VM asks of the board (`vm::Host`): the console for standard
//! streams and `input()`, host files through semihosting, the SysTick clock, and the
//! `machine` module's registers, reset and clock.

use crate::{board, console, editor, semihosting};
use alloc::string::String;
use alloc::vec::Vec;

/// The board as the VM's host.
pub struct BoardHost {
    /// Where a script run ends: exit QEMU (semihosting runs) or go back to the REPL.
    pub exit_to_qemu: bool,
}

impl vm::Host for BoardHost {
    fn write(&mut self, fd: i32, data: &[u8]) {
        if fd == 2 {
            console::write_error(data);
        } else {
            console::write(data);
        }
    }

    fn read_line(&mut self) -> Option<String> {
        console::arm_interrupt(false);
        let line = editor::read_line("", &mut editor::History::default());
        console::arm_interrupt(true);
        match line {
            editor::Line::Text(mut s) => {
                s.push('\n');
                Some(s)
            }
            editor::Line::Control(console::INTERRUPT_CHAR) => {
                // Raised at the interpreter's next check, as when Ctrl-C arrives mid-run.
                vm::vm::signal_keyboard_interrupt();
                Some(String::new())
            }
            editor::Line::Control(_) => None,
        }
    }

    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        semihosting::read_file(path)
    }

    fn is_dir(&mut self, path: &str) -> bool {
        // Semihosting cannot tell a directory from a file, but a package directory (the only
        // kind the VM asks about) holds an `__init__.py`.
        match semihosting::open(&alloc::format!("{path}/__init__.py"), "rb") {
            Ok(fd) => {
                semihosting::close(fd);
                true
            }
            Err(_) => false,
        }
    }

    fn time(&mut self) -> f64 {
        let boot_ns = board::monotonic_ns();
        match semihosting::time() {
            Some(s) => s as f64 + (boot_ns % 1_000_000_000) as f64 / 1e9,
            None => boot_ns as f64 / 1e9,
        }
    }

    fn monotonic_ns(&mut self) -> u64 {
        board::monotonic_ns()
    }

    fn sleep_ns(&mut self, ns: u64) {
        let end = board::monotonic_ns().saturating_add(ns);
        while board::monotonic_ns() < end {
            cortex_m::asm::wfi();
        }
    }

    fn open(&mut self, path: &str, mode: &str) -> Result<u32, i32> {
        semihosting::open(path, mode).map(|fd| fd as u32)
    }

    fn read(&mut self, handle: u32, n: Option<usize>) -> Result<Vec<u8>, i32> {
        semihosting::read(handle as usize, n)
    }

    fn write_handle(&mut self, handle: u32, data: &[u8]) -> Result<usize, i32> {
        semihosting::write(handle as usize, data)
    }

    fn close(&mut self, handle: u32) {
        semihosting::close(handle as usize);
    }

    fn exit(&mut self, code: i32) -> ! {
        if self.exit_to_qemu {
            semihosting::exit(code);
        }
        // Without semihosting there is nothing to exit to: start over.
        cortex_m::peripheral::SCB::sys_reset()
    }

    fn read_memory(&mut self, address: usize, width: u8) -> Result<u32, vm::MemoryAccess> {
        board::read_memory(address, width)
    }

    fn write_memory(
        &mut self,
        address: usize,
        width: u8,
        value: u32,
    ) -> Result<(), vm::MemoryAccess> {
        board::write_memory(address, width, value)
    }

    fn reset(&mut self) {
        cortex_m::peripheral::SCB::sys_reset()
    }

    fn cpu_freq(&mut self) -> Option<u32> {
        Some(board::CPU_HZ)
    }

    fn idle(&mut self) {
        cortex_m::asm::wfi();
    }

    fn native_heap_room(&mut self) -> usize {
        board::allocator_free()
    }

    fn unique_id(&mut self) -> Vec<u8> {
        // The CPUID register: the nearest thing to an identity the emulated board has.
        board::read_memory(0xE000_ED00, 4)
            .unwrap_or(0)
            .to_le_bytes()
            .to_vec()
    }
}
