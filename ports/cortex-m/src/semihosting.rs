//! Semihosting: the host machine's services reached through QEMU (`-semihosting-config
//! enable=on,target=native`): the command line, host files, the host's clock, and exiting QEMU
//! with a status. This module owns the `unsafe` of the semihosting calls.
//!
//! Whether QEMU serves them is found out once at boot ([`probe`]): a semihosting call without
//! it would halt the core, so every call first checks [`available`].

use alloc::string::String;
use alloc::vec::Vec;
use core::sync::atomic::{AtomicBool, Ordering};
use cortex_m_semihosting::nr;

static AVAILABLE: AtomicBool = AtomicBool::new(false);

/// `SYS_EXIT_EXTENDED`, with `ADP_Stopped_ApplicationExit`: QEMU exits with the given status.
const SYS_EXIT_EXTENDED: usize = 0x20;
const ADP_STOPPED_APPLICATION_EXIT: usize = 0x20026;

/// Ask the debugger (QEMU) whether it serves semihosting. Without it the call's breakpoint
/// becomes a hard fault, which the board's handler steps over, leaving r0 (the operation
/// number) as it was; SYS_TIME's real answer is the host's clock, never that number.
pub fn probe() -> bool {
    // SAFETY: SYS_TIME takes no arguments and only returns a number.
    let r = unsafe { cortex_m_semihosting::syscall1(nr::TIME, 0) };
    let on = r != nr::TIME;
    AVAILABLE.store(on, Ordering::Relaxed);
    on
}

/// Does QEMU serve semihosting calls?
pub fn available() -> bool {
    AVAILABLE.load(Ordering::Relaxed)
}

/// The command line QEMU was given (`arg=` of `-semihosting-config`, or `-append`).
pub fn command_line() -> Option<String> {
    if !available() {
        return None;
    }
    let mut buf = [0u8; 1024];
    let mut block = [buf.as_mut_ptr() as usize, buf.len()];
    // SAFETY: the block names a writable buffer of its stated length; the host writes at most
    // that many bytes and stores the length it wrote back into the block.
    let r = unsafe { cortex_m_semihosting::syscall1(nr::GET_CMDLINE, block.as_mut_ptr() as usize) };
    if r != 0 {
        return None;
    }
    let n = block[1].min(buf.len());
    Some(String::from_utf8_lossy(&buf[..n]).into_owned())
}

/// Open a host file; `mode` is C's `fopen` mode. The handle, or an errno.
pub fn open(path: &str, mode: &str) -> Result<usize, i32> {
    if !available() {
        return Err(19); // ENODEV
    }
    let binary = mode.contains('b');
    let base = match mode.replace(['b', 't'], "").as_str() {
        "r" => 0,
        "r+" => 2,
        "w" | "x" => 4,
        "w+" | "x+" => 6,
        "a" => 8,
        "a+" => 10,
        _ => return Err(22), // EINVAL
    };
    let mut name: Vec<u8> = Vec::with_capacity(path.len() + 1);
    name.extend_from_slice(path.as_bytes());
    name.push(0);
    // SAFETY: the name is NUL-terminated and outlives the call; the host only reads it.
    let fd = unsafe {
        cortex_m_semihosting::syscall(
            nr::OPEN,
            &[name.as_ptr() as usize, base + binary as usize, path.len()],
        )
    } as isize;
    if fd < 0 {
        return Err(errno());
    }
    let fd = fd as usize;
    if base >= 8 {
        // QEMU 7.2 opens append modes without O_APPEND: start writing at the end instead.
        // SAFETY: length query and seek of the handle just opened.
        unsafe {
            let len = cortex_m_semihosting::syscall(nr::FLEN, &[fd]);
            cortex_m_semihosting::syscall(nr::SEEK, &[fd, len]);
        }
    }
    Ok(fd)
}

/// The host's errno of the last failed call.
fn errno() -> i32 {
    // SAFETY: SYS_ERRNO takes no arguments.
    let e = unsafe { cortex_m_semihosting::syscall1(nr::ERRNO, 0) } as i32;
    if e == 0 { 5 } else { e }
}

/// Read up to `n` bytes from a handle (`None`: to the end).
pub fn read(fd: usize, n: Option<usize>) -> Result<Vec<u8>, i32> {
    let n = match n {
        Some(n) => n,
        None => {
            // SAFETY: SYS_FLEN and SYS_SEEK-free length query of an open handle.
            let len = unsafe { cortex_m_semihosting::syscall(nr::FLEN, &[fd]) } as isize;
            if len < 0 {
                return Err(errno());
            }
            len as usize
        }
    };
    let mut data = alloc::vec![0u8; n];
    // SAFETY: the buffer is writable for `n` bytes; the host writes at most that many and
    // returns how many it did not.
    let not_read =
        unsafe { cortex_m_semihosting::syscall(nr::READ, &[fd, data.as_mut_ptr() as usize, n]) };
    data.truncate(n - not_read.min(n));
    Ok(data)
}

/// Read a whole host file.
pub fn read_file(path: &str) -> Option<Vec<u8>> {
    let fd = open(path, "rb").ok()?;
    let data = read(fd, None).ok();
    close(fd);
    data
}

/// Write to a handle; the bytes written, or an errno.
pub fn write(fd: usize, data: &[u8]) -> Result<usize, i32> {
    // SAFETY: the host only reads `data.len()` bytes of `data`.
    let not_written = unsafe {
        cortex_m_semihosting::syscall(nr::WRITE, &[fd, data.as_ptr() as usize, data.len()])
    };
    if not_written == data.len() && !data.is_empty() {
        return Err(errno());
    }
    Ok(data.len() - not_written.min(data.len()))
}

/// Close a handle.
pub fn close(fd: usize) {
    // SAFETY: closing a handle number at worst fails on the host.
    unsafe { cortex_m_semihosting::syscall(nr::CLOSE, &[fd]) };
}

/// The host's time, in seconds since the epoch.
pub fn time() -> Option<u64> {
    if !available() {
        return None;
    }
    // SAFETY: SYS_TIME takes no arguments.
    Some(unsafe { cortex_m_semihosting::syscall1(nr::TIME, 0) } as u64)
}

/// Exit QEMU with `status`, where semihosting is served; returns otherwise.
pub fn exit(status: i32) {
    if !available() {
        return;
    }
    let block = [ADP_STOPPED_APPLICATION_EXIT, status as u32 as usize];
    // SAFETY: the block is two words the host reads; QEMU exits and the call does not return.
    unsafe { cortex_m_semihosting::syscall(SYS_EXIT_EXTENDED, &block) };
}
