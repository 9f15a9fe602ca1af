//! Executable memory for Thumb code on 32-bit Arm hosts (Linux), for asm_thumb functions and
//! the Thumb-2 backend's native code: the bytes are copied into a fresh mapping, the
//! instruction cache is synchronised, and the mapping is made read+execute. The `unsafe` of
//! calling asm_thumb code lives here.

use alloc::string::{String, ToString};

/// Arguments passed in a call: four in registers, the rest on the stack (AAPCS).
pub const MAX_ARGS: usize = 8;

/// A mapping holding one function's code.
pub struct ExecMemory {
    region: region::Allocation,
}

unsafe extern "C" {
    /// libgcc's cache maintenance: makes written instructions visible to instruction fetch.
    fn __clear_cache(start: *mut core::ffi::c_char, end: *mut core::ffi::c_char);
}

impl ExecMemory {
    /// Map `code` read+execute.
    pub fn new(code: &[u8]) -> Result<ExecMemory, String> {
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

    /// The code's entry address, with the Thumb bit set.
    pub fn entry(&self) -> usize {
        self.region.as_ptr::<u8>() as usize | 1
    }

    /// Call the code with `args` (r0-r3, then the stack); the result is r0.
    pub fn call(&self, args: &[u32; MAX_ARGS]) -> u32 {
        type Entry = extern "C" fn(u32, u32, u32, u32, u32, u32, u32, u32) -> u32;
        let address = self.entry();
        // SAFETY: the mapping holds a complete function assembled for this ISA with the AAPCS
        // prologue/epilogue; it reads at most the arguments passed and returns in r0. What the
        // user's instructions do with memory is theirs to answer for, as in MicroPython.
        let f: Entry = unsafe { core::mem::transmute::<usize, Entry>(address) };
        f(
            args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7],
        )
    }
}
