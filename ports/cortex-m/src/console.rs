//! The console on UART0: bytes in, through a small buffer filled by the receive interrupt, and
//! bytes out, with `\n` sent as `\r\n` as a terminal expects. While Python code runs, a Ctrl-C
//! arriving is not buffered but raises `KeyboardInterrupt` (MicroPython's interrupt character).

use crate::board;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use cortex_m::interrupt::Mutex;

/// Ctrl-C.
pub const INTERRUPT_CHAR: u8 = 0x03;

const BUFFER_LEN: usize = 512;
static BUFFER: [AtomicU8; BUFFER_LEN] = [const { AtomicU8::new(0) }; BUFFER_LEN];
/// Bytes are written at `HEAD` and read at `TAIL` (both counting up, taken modulo the length).
static HEAD: AtomicUsize = AtomicUsize::new(0);
static TAIL: AtomicUsize = AtomicUsize::new(0);
static INTERRUPT_ARMED: AtomicBool = AtomicBool::new(false);

/// Move received bytes from the UART into the buffer (from the receive interrupt, and from
/// readers, so nothing waits for the interrupt). A byte the full buffer cannot take stays in
/// the UART, which holds back the sender.
pub fn receive() {
    cortex_m::interrupt::free(|_| {
        loop {
            let head = HEAD.load(Ordering::Relaxed);
            if head.wrapping_sub(TAIL.load(Ordering::Acquire)) >= BUFFER_LEN {
                return;
            }
            let Some(byte) = board::uart_get() else {
                return;
            };
            if byte == INTERRUPT_CHAR && INTERRUPT_ARMED.load(Ordering::Relaxed) {
                vm::vm::signal_keyboard_interrupt();
                continue;
            }
            BUFFER[head % BUFFER_LEN].store(byte, Ordering::Relaxed);
            HEAD.store(head.wrapping_add(1), Ordering::Release);
        }
    });
}

/// The next input byte, if one has arrived.
pub fn try_read() -> Option<u8> {
    receive();
    let tail = TAIL.load(Ordering::Relaxed);
    if tail == HEAD.load(Ordering::Acquire) {
        return None;
    }
    let byte = BUFFER[tail % BUFFER_LEN].load(Ordering::Relaxed);
    TAIL.store(tail.wrapping_add(1), Ordering::Release);
    Some(byte)
}

/// The next input byte, waiting (asleep between interrupts) for one.
pub fn read() -> u8 {
    loop {
        if let Some(b) = try_read() {
            return b;
        }
        cortex_m::asm::wfi();
    }
}

/// Watch for Ctrl-C (while Python code runs) or not (while the REPL reads input, where Ctrl-C
/// is an editing key).
pub fn arm_interrupt(on: bool) {
    INTERRUPT_ARMED.store(on, Ordering::Relaxed);
}

/// Send bytes as they are.
pub fn write_raw(data: &[u8]) {
    for &b in data {
        board::uart_put(b);
    }
}

/// Send text, each `\n` as `\r\n`.
pub fn write(data: &[u8]) {
    for &b in data {
        if b == b'\n' {
            board::uart_put(b'\r');
        }
        board::uart_put(b);
    }
}

/// Error output kept aside instead of sent (`None`: sent like the rest).
static CAPTURED_ERRORS: Mutex<RefCell<Option<Vec<u8>>>> = Mutex::new(RefCell::new(None));

/// Keep error output (standard error) aside from now on, for [`take_errors`].
pub fn capture_errors() {
    cortex_m::interrupt::free(|cs| *CAPTURED_ERRORS.borrow(cs).borrow_mut() = Some(Vec::new()));
}

/// The error output kept since [`capture_errors`]; later error output is sent again.
pub fn take_errors() -> Vec<u8> {
    cortex_m::interrupt::free(|cs| CAPTURED_ERRORS.borrow(cs).borrow_mut().take())
        .unwrap_or_default()
}

/// Send error text, or keep it aside while errors are captured.
pub fn write_error(data: &[u8]) {
    let kept =
        cortex_m::interrupt::free(|cs| match &mut *CAPTURED_ERRORS.borrow(cs).borrow_mut() {
            Some(buffer) => {
                buffer.extend_from_slice(data);
                true
            }
            None => false,
        });
    if !kept {
        write(data);
    }
}
