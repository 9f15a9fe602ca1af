//! Executable memory for Thumb code where this process runs it (32-bit Arm), for asm_thumb
//! functions and the Thumb-2 backend's native code. On Linux the bytes are copied into a fresh
//! mapping, the instruction cache is synchronised and the mapping is made read+execute. On a
//! bare-metal Cortex-M (`target_os = "none"`) RAM is executable as it is: the bytes go into a
//! word-aligned buffer of the global allocator, followed by `dsb; isb` so the writes complete
//! before the core fetches them. (A Cortex-M7 with its caches on would also need a D-cache
//! clean and an I-cache invalidate of the range; the M3/M4 boards we target have no caches.)
//! The `unsafe` of calling asm_thumb code lives here.

use alloc::string::String;

/// Arguments passed in a call: four in registers, the rest on the stack (AAPCS).
pub const MAX_ARGS: usize = 8;

/// One function's code, placed where the core can execute it.
pub struct ExecMemory {
    #[cfg(target_os = "linux")]
    region: region::Allocation,
    #[cfg(not(target_os = "linux"))]
    words: alloc::vec::Vec<u32>,
}

#[cfg(target_os = "linux")]
unsafe extern "C" {
    /// libgcc's cache maintenance: makes written instructions visible to instruction fetch.
    fn __clear_cache(start: *mut core::ffi::c_char, end: *mut core::ffi::c_char);
}

impl ExecMemory {
    /// Place `code` where it can run.
    #[cfg(target_os = "linux")]
    pub fn new(code: &[u8]) -> Result<ExecMemory, String> {
        use alloc::string::ToString;
        let mut region = region::alloc(code.len().max(1), region::Protection::READ_WRITE)
            .map_err(|e| e.to_string())?;
        let base = region.as_mut_ptr::<u8>();
        // SAFETY: the allocation is at least `code.len()` bytes, writable, and owned here.
        unsafe {
            core::ptr::copy_nonoverlapping(code.as_ptr(), base, code.len());
            __clear_cache(base.cast(), base.add(code.len()).cast());
            region::protect(base, code.len().max(1), region::Protection::READ_EXECUTE)
                .map_err(|e| e.to_string())?;
        }
        Ok(ExecMemory { region })
    }

    /// Place `code` where it can run.
    #[cfg(not(target_os = "linux"))]
    pub fn new(code: &[u8]) -> Result<ExecMemory, String> {
        let mut words = alloc::vec::Vec::new();
        words
            .try_reserve_exact(code.len().div_ceil(4))
            .map_err(|_| String::from("no memory for machine code"))?;
        words.extend(code.chunks(4).map(|c| {
            let mut w = [0u8; 4];
            w[..c.len()].copy_from_slice(c);
            u32::from_le_bytes(w)
        }));
        // SAFETY: barriers only: the stores above complete (dsb) and instruction fetch restarts
        // after them (isb), so the core never runs stale bytes at this address.
        unsafe { core::arch::asm!("dsb", "isb", options(nostack, preserves_flags)) };
        Ok(ExecMemory { words })
    }

    /// The code's entry address, with the Thumb bit set.
    pub fn entry(&self) -> usize {
        #[cfg(target_os = "linux")]
        let base = self.region.as_ptr::<u8>() as usize;
        #[cfg(not(target_os = "linux"))]
        let base = self.words.as_ptr() as usize;
        base | 1
    }

    /// Call the code with `args` (r0-r3, then the stack); the result is r0.
    pub fn call(&self, args: &[u32; MAX_ARGS]) -> u32 {
        type Entry = extern "C" fn(u32, u32, u32, u32, u32, u32, u32, u32) -> u32;
        let address = self.entry();
        // SAFETY: the memory holds a complete function assembled for this ISA with the AAPCS
        // prologue/epilogue; it reads at most the arguments passed and returns in r0. What the
        // user's instructions do with memory is theirs to answer for, as in MicroPython.
        let f: Entry = unsafe { core::mem::transmute::<usize, Entry>(address) };
        f(
            args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7],
        )
    }
}
