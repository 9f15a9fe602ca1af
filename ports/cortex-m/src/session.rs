//! One VM's life on the board: made over the GC memory with the board as its host, used, then
//! ended so the next one (after a soft reset, or the next script of a batch) starts clean.

use crate::board;
use crate::host::BoardHost;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::sync::atomic::Ordering;
use vm::Vm;

/// Settings from the command line, kept across soft resets.
#[derive(Clone)]
pub struct Settings {
    /// Bytes of GC heap (at most the PSRAM).
    pub heap_size: usize,
    /// `-X emit=`.
    pub emitter: frontend::bytecode::Emitter,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            heap_size: board::GC_MEMORY_MAX,
            emitter: frontend::bytecode::Emitter::Bytecode,
        }
    }
}

/// Run `f` on a fresh VM. `argv` becomes `sys.argv` (its first item's directory the first entry
/// of `sys.path`); `exit_to_qemu` says where `Host::exit` goes.
pub fn with_vm<R>(
    settings: &Settings,
    argv: Vec<String>,
    exit_to_qemu: bool,
    f: impl FnOnce(&mut Vm) -> R,
) -> R {
    vm::vm::KEYBOARD_INTERRUPT.store(false, Ordering::Relaxed);
    let (stack_top, stack_size) = board::stack();
    let script_dir = argv
        .first()
        .and_then(|a| a.rsplit_once('/'))
        .map(|(dir, _)| String::from(dir))
        .unwrap_or_default();
    let config = vm::Config {
        default_emitter: settings.emitter,
        argv,
        path: alloc::vec![script_dir],
        stack_size,
        ..vm::Config::default()
    };
    board::with_gc_memory(settings.heap_size, |memory| {
        let mut heap = vm::gc::Heap::new(memory);
        heap.set_stack_top(stack_top);
        let host = Box::new(BoardHost { exit_to_qemu });
        let mut vm = vm::types::bootstrap::new_vm(heap, host, config);
        let r = f(&mut vm);
        vm.release_all();
        r
    })
}
