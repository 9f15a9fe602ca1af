//! Garbage-collected heap: conservative mark-sweep over one fixed region of 16-byte blocks.
//!
//! The collector keeps one invariant between collections: every allocation is a HEAD block
//! followed by zero or more TAIL blocks in the allocation table, and nothing is marked
//! (`Heap::verify` checks it, à la `lua_checkmemory`). It never interprets values: marking
//! treats every word it scans as a possible address, and any word pointing into an allocated
//! block (interior pointers included) keeps that whole allocation alive.
//!
//! - `table.rs`: the allocation table (HEAD/TAIL/FREE/MARK in two bit planes, the finaliser
//!   bit in a third) and its word-parallel searches and sweep.
//! - `heap.rs`: the region layout, allocation (bump pointer in the current free run, next-fit
//!   search of the table), free, in-place resize, stats, lock and verify.
//! - `collect.rs`: marking from the native stack and root regions with a bounded mark stack,
//!   resurrection of finalisable objects, the sweep with finaliser calls.
//! - `stack.rs`: spilling callee-saved registers per architecture.
//! - `object.rs`: `Gc<T>`, `VarObj<H, T>`, `alloc_obj`, `alloc_var`, `drop_object`.
//! - `glue.rs`: the VM's typed placement of objects into blocks it allocated, `'static` item
//!   views, and per-layout destructors.
//!
//! Roots are the native stack from the collector's frame up to `Heap::set_stack_top` (with the
//! registers spilled), plus the word slices the caller passes to `Heap::collect`. A pointer kept
//! only in memory the collector does not scan (the global allocator) is not a root.
//!
//! ```
//! use vm::gc::{Heap, NoHooks};
//!
//! #[inline(never)]
//! fn run(heap: &mut Heap) {
//!     let p = heap.alloc_obj(42u64, false).unwrap(); // a local: found by the stack scan
//!     heap.collect(&[], &mut NoHooks);
//!     assert_eq!(*p, 42);
//!     assert_eq!(heap.stats().objects, 1);
//! }
//!
//! let mut heap = Heap::with_capacity(1 << 20);
//! let top = 0usize;
//! heap.set_stack_top(&top as *const usize as usize); // frames called from here are scanned
//! run(&mut heap);
//! ```

mod collect;
mod glue;
mod heap;
mod object;
mod stack;
mod table;

use core::ptr::NonNull;

pub use collect::MARK_STACK_LEN;
pub use glue::{
    cells_as_values, finalise_object, init_null_cells, init_obj, init_obj_self_typed, init_var,
    tuple_fill, var_items_static, var_size,
};
pub use heap::Heap;
pub use object::{Gc, VarObj, drop_object};

/// Bytes per block: the allocation granule and alignment.
pub const BLOCK_SIZE: usize = 16;

/// What the collector asks the VM about finalisable allocations (those allocated with
/// `finaliser: true`). Neither method can reach the heap; neither may panic.
pub trait GcHooks {
    /// `p` is unreachable and has its finaliser bit. Return true to keep it (and everything it
    /// references) alive for this cycle, e.g. to run a user `__del__` after the collection.
    /// Its finaliser bit is then cleared, so it is asked only once (`Heap::set_finaliser`
    /// re-arms it).
    fn resurrect(&mut self, p: NonNull<u8>) -> bool;
    /// `p` is unreachable, has its finaliser bit and was not resurrected: release what it owns
    /// (e.g. with `drop_object`). Called before its blocks are freed; it may read `p`.
    fn finalise(&mut self, p: NonNull<u8>);
}

/// Hooks for heaps without finalisable objects: never resurrects, finalises nothing.
pub struct NoHooks;

impl GcHooks for NoHooks {
    fn resurrect(&mut self, _: NonNull<u8>) -> bool {
        false
    }
    fn finalise(&mut self, _: NonNull<u8>) {}
}

/// Heap sizes and counters (`gc.mem_free()`, `gc.mem_alloc()`, `micropython.mem_info()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HeapStats {
    /// Bytes in the block area.
    pub total: usize,
    /// Bytes in allocated blocks.
    pub used: usize,
    /// Bytes in free blocks.
    pub free: usize,
    /// Bytes in the longest run of free blocks (the largest allocation that can succeed).
    pub max_free_run: usize,
    /// Allocated blocks.
    pub used_blocks: usize,
    /// Allocations (objects).
    pub objects: usize,
    /// Collections so far.
    pub collections: usize,
    /// Bytes of the region spent on the allocation table and alignment.
    pub meta: usize,
}
