//! The board: QEMU's `mps2-an385` (Cortex-M3) and `mps2-an386` (Cortex-M4F) share a memory map
//! and peripherals. This module owns the firmware's hardware access and its `unsafe`: the CMSDK
//! UART's registers, device memory for `machine.mem*`, the memory regions the linker script
//! leaves free, and the SysTick clock.

use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use cortex_m::peripheral::{SCB, SYST, syst::SystClkSource};

/// The CPU and SysTick clock (the FPGA images' 25 MHz).
pub const CPU_HZ: u32 = 25_000_000;
/// SysTick interrupts per second.
const TICK_HZ: u32 = 1000;
const TICK_RELOAD: u32 = CPU_HZ / TICK_HZ - 1;

/// UART0 (CMSDK APB UART): data, state (bit 0 TX full, bit 1 RX full), control (bit 0 TX
/// enable, bit 1 RX enable), baud divider (QEMU refuses to transfer below 16).
const UART0: usize = 0x4000_4000;
const UART_DATA: usize = UART0;
const UART_STATE: usize = UART0 + 0x04;
const UART_CTRL: usize = UART0 + 0x08;
const UART_INTSTATUS: usize = UART0 + 0x0C;
const UART_BAUDDIV: usize = UART0 + 0x10;
/// Control: TX and RX enabled, RX interrupt enabled.
const UART_CTRL_ON: u32 = 0b1011;
const UART_RX_INTERRUPT: u32 = 2;
/// UART0's receive interrupt number, and the NVIC's set-enable register for IRQs 0-31.
pub const UART0_RX_IRQ: i16 = 0;
const NVIC_ISER0: usize = 0xE000_E100;
const UART_TX_FULL: u32 = 1;
const UART_RX_FULL: u32 = 2;

/// The PSRAM: the garbage-collected heap.
const PSRAM: usize = 0x2100_0000;
const PSRAM_LEN: usize = 16 << 20;

/// Where `machine.mem*` may reach: the RAMs, the peripherals, the system control space. Any
/// other address would fault the core, so it is refused instead.
const DEVICE_WINDOWS: [(usize, usize); 6] = [
    (0x0000_0000, 0x0040_0000), // SSRAM1 (the image)
    (0x0100_0000, 0x0101_0000), // block RAM
    (0x2000_0000, 0x2040_0000), // SSRAM2/3
    (PSRAM, PSRAM + PSRAM_LEN),
    (0x4000_0000, 0x4003_0000), // APB and AHB peripherals
    (0xE000_E000, 0xE000_F000), // system control space (SysTick, NVIC, SCB)
];

unsafe extern "C" {
    /// Linker script symbols: the top of the stack, the end of static data (cortex-m-rt's
    /// `__sheap`), the end of RAM.
    static _stack_start: u8;
    static __sheap: u8;
    static _ram_end: u8;
}

/// Milliseconds since boot, counted by the SysTick interrupt.
static MILLIS: AtomicU32 = AtomicU32::new(0);
/// A garbage-collected heap is over the PSRAM (see [`with_gc_memory`]).
static GC_MEMORY_TAKEN: AtomicBool = AtomicBool::new(false);

fn reg_read(address: usize) -> u32 {
    // SAFETY: only called with the UART's register addresses, which are always mapped and
    // readable as aligned words.
    unsafe { core::ptr::read_volatile(address as *const u32) }
}

fn reg_write(address: usize, value: u32) {
    // SAFETY: as for `reg_read`; writing these registers has no effect on memory.
    unsafe { core::ptr::write_volatile(address as *mut u32, value) }
}

/// Set up the UART and start the millisecond tick.
pub fn init(syst: &mut SYST) {
    reg_write(UART_BAUDDIV, 16);
    reg_write(UART_CTRL, UART_CTRL_ON);
    reg_write(NVIC_ISER0, 1 << UART0_RX_IRQ);
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(TICK_RELOAD);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();
}

/// Send one byte (waiting while the transmitter is full).
pub fn uart_put(byte: u8) {
    while reg_read(UART_STATE) & UART_TX_FULL != 0 {}
    reg_write(UART_DATA, byte as u32);
}

/// A received byte, if one is waiting.
pub fn uart_get() -> Option<u8> {
    if reg_read(UART_STATE) & UART_RX_FULL != 0 {
        Some(reg_read(UART_DATA) as u8)
    } else {
        None
    }
}

/// Acknowledge the UART's receive interrupt (the byte itself is read with [`uart_get`]).
pub fn uart_acknowledge() {
    reg_write(UART_INTSTATUS, UART_RX_INTERRUPT);
}

/// Called by the SysTick interrupt.
pub fn tick() {
    MILLIS.fetch_add(1, Ordering::Relaxed);
}

/// Nanoseconds since boot, from the tick count and the SysTick counter.
pub fn monotonic_ns() -> u64 {
    cortex_m::interrupt::free(|_| {
        let mut millis = MILLIS.load(Ordering::Relaxed);
        let mut current = SYST::get_current();
        // The counter wrapped but its interrupt has not run yet: count that millisecond.
        if SCB::is_pendst_pending() {
            millis = millis.wrapping_add(1);
            current = SYST::get_current();
        }
        let into_tick = (TICK_RELOAD - current.min(TICK_RELOAD)) as u64;
        millis as u64 * 1_000_000 + into_tick * 1_000_000_000 / CPU_HZ as u64
    })
}

/// Is `[address, address + width)` inside memory or registers the core can access?
fn reachable(address: usize, width: usize) -> bool {
    DEVICE_WINDOWS
        .iter()
        .any(|&(lo, hi)| address >= lo && address.saturating_add(width) <= hi)
}

/// Read device memory (`width` 1, 2 or 4, `address` aligned).
pub fn read_memory(address: usize, width: u8) -> Result<u32, vm::MemoryAccess> {
    if !reachable(address, width as usize) {
        return Err(vm::MemoryAccess::Unmapped);
    }
    // SAFETY: the address is aligned (checked by the caller) and inside a mapped region of
    // this board, so the access cannot fault; reading device registers is what the user asked.
    Ok(unsafe {
        match width {
            1 => core::ptr::read_volatile(address as *const u8) as u32,
            2 => core::ptr::read_volatile(address as *const u16) as u32,
            _ => core::ptr::read_volatile(address as *const u32),
        }
    })
}

/// Write device memory.
pub fn write_memory(address: usize, width: u8, value: u32) -> Result<(), vm::MemoryAccess> {
    if !reachable(address, width as usize) {
        return Err(vm::MemoryAccess::Unmapped);
    }
    // SAFETY: as for `read_memory`. Like MicroPython's `machine.mem32`, this can overwrite
    // any RAM the firmware uses: that is the user's to answer for.
    unsafe {
        match width {
            1 => core::ptr::write_volatile(address as *mut u8, value as u8),
            2 => core::ptr::write_volatile(address as *mut u16, value as u16),
            _ => core::ptr::write_volatile(address as *mut u32, value),
        }
    }
    Ok(())
}

/// The RAM between the end of static data and the end of SSRAM2/3: the Rust allocator's.
pub fn allocator_region() -> (usize, usize) {
    let start = core::ptr::addr_of!(__sheap) as usize;
    let end = core::ptr::addr_of!(_ram_end) as usize;
    (start, end - start)
}

/// The stack's top and size (it is below static data, see `memory.x`).
pub fn stack() -> (usize, usize) {
    let top = core::ptr::addr_of!(_stack_start) as usize;
    (top, top - 0x2000_0000)
}

/// Run `f` with the PSRAM (at most `limit` bytes of it) as memory for a garbage-collected
/// heap; it is not used again until `f` returns, so each VM has it to itself.
pub fn with_gc_memory<R>(limit: usize, f: impl FnOnce(&'static mut [u8]) -> R) -> R {
    assert!(
        !GC_MEMORY_TAKEN.swap(true, Ordering::Acquire),
        "the GC memory is in use"
    );
    // SAFETY: the PSRAM is mapped, used by nothing else (the linker script places nothing
    // there), and the flag above makes this the only live slice over it until `f` returns.
    // `f`'s result cannot borrow the slice: the heap built over it is dropped inside `f`.
    let memory = unsafe { core::slice::from_raw_parts_mut(PSRAM as *mut u8, limit.min(PSRAM_LEN)) };
    let r = f(memory);
    GC_MEMORY_TAKEN.store(false, Ordering::Release);
    r
}

/// The GC heap's largest size.
pub const GC_MEMORY_MAX: usize = PSRAM_LEN;

// The hard fault handler. A semihosting call (`bkpt 0xab`) that no debugger takes escalates to
// a hard fault (QEMU leaves HFSR.DEBUGEVT clear, so the instruction itself is what is
// recognised): it is stepped over, and the call "returns" its operation number unchanged in
// r0, which `semihosting::probe` recognises. Every other fault goes to `fatal_fault` with the stacked exception frame, found
// on the stack the exception used (bit 2 of EXC_RETURN in lr says which).
core::arch::global_asm!(
    ".section .text.HardFault,\"ax\",%progbits",
    ".global HardFault",
    ".type HardFault,%function",
    ".thumb_func",
    "HardFault:",
    "    tst lr, #4",
    "    ite eq",
    "    mrseq r0, msp",
    "    mrsne r0, psp",
    "    ldr r3, [r0, #24]", // the stacked pc
    "    ldrh r12, [r3]",
    "    movw r2, #0xBEAB", // bkpt 0xab
    "    cmp r12, r2",
    "    bne 1f",
    "    adds r3, #2",
    "    str r3, [r0, #24]",
    "    bx lr",
    "1:  b fatal_fault",
    ".ltorg",
    ".size HardFault, . - HardFault",
);

#[global_allocator]
static ALLOCATOR: embedded_alloc::LlffHeap = embedded_alloc::LlffHeap::empty();

/// Bytes the Rust allocator has free (in however many pieces).
pub fn allocator_free() -> usize {
    ALLOCATOR.free()
}

/// Give the RAM after static data to the Rust allocator (once, at boot).
pub fn init_allocator() {
    let (start, len) = allocator_region();
    // SAFETY: called once, before any allocation; the region lies between the end of static
    // data and the end of RAM, which nothing else uses.
    unsafe { ALLOCATOR.init(start, len) }
}
