//! The heap: one fixed region split into the allocation table and 16-byte blocks; allocation,
//! explicit free, in-place resize, lookups, statistics and the `verify` walk.
//!
//! Region layout (the region's start is first rounded up to 16 bytes):
//!
//! ```text
//! | table: n.div_ceil(BITS) Groups (3 words each), padded to 16 | n blocks of 16 bytes | slack |
//! ```
//!
//! Allocation is next-fit with a bump pointer: `[cur, end)` is a run of FREE blocks (the
//! invariant: every block in it is FREE in the table). A request that fits is carved from its
//! front; otherwise the table is searched, word by word, for the next free run large enough,
//! from `end` to the top of the heap and then once from the bottom. After a collection the
//! search restarts at block 0, so the survivors' gaps are filled lowest first. Blocks freed
//! explicitly right below `cur` are reused at once.
//!
//! The heap stores no pointer to block 0 (only `limit`, one past the last block), so a `Heap`
//! on the scanned stack does not retain an object by accident.

use core::ptr::NonNull;

use super::collect::MarkStack;
use super::table::{BITS, Group, Table};
use super::{BLOCK_SIZE, HeapStats};

/// A garbage-collected heap over one fixed region. See the module docs of `gc`.
pub struct Heap {
    /// The allocation table.
    pub(super) table: Table,
    /// One past the last block. Block `i` starts at `limit - size + i * BLOCK_SIZE`.
    pub(super) limit: *mut u8,
    /// Bytes in the block area (`table.n * BLOCK_SIZE`).
    pub(super) size: usize,
    /// Bytes of the region spent on the table and alignment.
    pub(super) meta_bytes: usize,
    /// The bump run: blocks `[cur, end)` are FREE.
    pub(super) cur: usize,
    /// End of the bump run.
    pub(super) end: usize,
    /// Allocated blocks (HEAD, MARK or TAIL).
    pub(super) used_blocks: usize,
    /// `lock` depth; allocation fails while non-zero.
    pub(super) lock_depth: usize,
    /// Completed collections.
    pub(super) collections: usize,
    /// Highest address of the native stack to scan (0: not set, the stack is not scanned).
    pub(super) stack_top: usize,
    /// True while `collect` runs (MARK blocks are allowed).
    pub(super) collecting: bool,
    /// The mark stack.
    pub(super) mark: MarkStack,
    /// Addresses of types whose instances hold no references but their type (`str`, `bytes`,
    /// `float`): an allocation whose first word is one of them is marked but not scanned, so
    /// the collector never reads a string's text as possible pointers. 0: none.
    pub(super) leaf_types: [usize; 3],
}

/// Largest request (in blocks) served by `alloc`'s inlined fast path.
const SMALL_BLOCKS: usize = 4;

/// Allocations of at least this many blocks (4 KiB) are large: they are placed from the
/// large-object area at the top of the heap first.
const LARGE_BLOCKS: usize = 256;

/// Zero `n <= SMALL_BLOCKS` blocks at `p` with inline stores (no `memset` call).
///
/// # Safety
/// `p` must be 16-aligned and valid for writes of `n * BLOCK_SIZE` bytes.
#[inline(always)]
unsafe fn zero_small(p: *mut u8, n: usize) {
    let p = p.cast::<[u64; 2]>();
    // SAFETY: the caller guarantees `n` blocks of 16 bytes at `p`, 16-aligned; each arm writes
    // exactly `n` of them.
    unsafe {
        match n {
            1 => p.write([0; 2]),
            2 => p.cast::<[[u64; 2]; 2]>().write([[0; 2]; 2]),
            3 => p.cast::<[[u64; 2]; 3]>().write([[0; 2]; 3]),
            _ => p.cast::<[[u64; 2]; 4]>().write([[0; 2]; 4]),
        }
    }
}

/// Blocks needed for `bytes` (at least one), or `None` on overflow.
#[inline]
pub(super) fn blocks_for(bytes: usize) -> Option<usize> {
    Some(bytes.checked_add(BLOCK_SIZE - 1)?.max(BLOCK_SIZE) / BLOCK_SIZE)
}

impl Heap {
    /// Build a heap over `region` (any alignment). The table is carved from the region itself,
    /// so `region.len()` is the whole memory cost.
    pub fn new(region: &'static mut [u8]) -> Heap {
        Heap::over(region, false)
    }

    /// `new` over `region`; `zeroed` says it is known to be all zeros already (fresh pages from
    /// the allocator), so the allocation table needs no clearing and its pages are only touched
    /// when used -- most of a large heap's start-up cost otherwise.
    fn over(region: &'static mut [u8], zeroed: bool) -> Heap {
        let skip = region.as_ptr().align_offset(BLOCK_SIZE).min(region.len());
        let region = &mut region[skip..];
        let len = region.len();
        let group_bytes = core::mem::size_of::<Group>();
        let meta = |n: usize| (Table::words_for(n) * group_bytes).next_multiple_of(BLOCK_SIZE);
        // Each group of BITS blocks costs BITS * BLOCK_SIZE + group_bytes bytes.
        let estimate = (len as u128 * BITS as u128 / (BITS * BLOCK_SIZE + group_bytes) as u128)
            .min(usize::MAX as u128) as usize;
        let mut n = estimate;
        while n > 0 && n * BLOCK_SIZE + meta(n) > len {
            n -= 1;
        }
        let meta_len = meta(n);
        let (meta_area, blocks) = region.split_at_mut(meta_len);
        // SAFETY: `Group` is three `usize`s, valid for every bit pattern, and `align_to_mut`
        // only yields correctly aligned, in-bounds elements.
        let (pre, groups, _) = unsafe { meta_area.align_to_mut::<Group>() };
        debug_assert!(pre.is_empty());
        let groups = &mut groups[..Table::words_for(n)];
        let size = n * BLOCK_SIZE;
        let limit = blocks[..size].as_mut_ptr_range().end;
        // Blocks are reached through `limit` from here on, and Values (plain addresses) are
        // turned back into pointers by the collector and by `VarObj::items`.
        limit.expose_provenance();
        Heap {
            table: if zeroed {
                Table::over_zeroed(groups, n)
            } else {
                Table::new(groups, n)
            },
            limit,
            size,
            meta_bytes: skip + meta_len,
            cur: 0,
            end: 0,
            used_blocks: 0,
            lock_depth: 0,
            collections: 0,
            stack_top: 0,
            collecting: false,
            mark: MarkStack::new(),
            leaf_types: [0; 3],
        }
    }

    /// Name the types whose instances hold no references but their type (see `leaf_types`).
    /// Sound only for types whose instances are exactly a header followed by plain data, and
    /// which stay reachable otherwise (the VM's built-in types): every allocation starts with
    /// a header or with a length, which never equals a type's address.
    pub fn set_leaf_types(&mut self, types: [usize; 3]) {
        self.leaf_types = types;
    }

    /// Host convenience: a heap over `bytes` taken (zeroed, 16-aligned) from the global
    /// allocator once and never returned.
    pub fn with_capacity(bytes: usize) -> Heap {
        if bytes == 0 {
            return Heap::new(&mut []);
        }
        let layout = core::alloc::Layout::from_size_align(bytes, BLOCK_SIZE)
            .unwrap_or_else(|_| panic!("gc: heap size {bytes} too large"));
        // SAFETY: `layout` has a non-zero size.
        let p = unsafe { alloc::alloc::alloc_zeroed(layout) };
        if p.is_null() {
            alloc::alloc::handle_alloc_error(layout);
        }
        // SAFETY: `p` is a fresh, zero-initialised allocation of `bytes` bytes that is never
        // freed, so a `'static` exclusive slice over it is valid.
        let region = unsafe { core::slice::from_raw_parts_mut(p, bytes) };
        Heap::over(region, true)
    }

    /// Address of block 0.
    #[inline]
    pub(super) fn base(&self) -> usize {
        self.limit.addr() - self.size
    }

    /// Pointer to block `i` (`i <= n`), with the provenance of the block area.
    #[inline]
    pub(super) fn block_ptr(&self, i: usize) -> *mut u8 {
        self.limit.wrapping_sub(self.size - i * BLOCK_SIZE)
    }

    /// Non-null pointer to block `i < n`.
    #[inline]
    pub(super) fn block_nonnull(&self, i: usize) -> NonNull<u8> {
        NonNull::new(self.block_ptr(i)).expect("gc: block address is null")
    }

    /// The block containing `addr`, if it is inside the block area.
    #[inline]
    pub(super) fn block_index(&self, addr: usize) -> Option<usize> {
        let off = addr.wrapping_sub(self.base());
        (off < self.size).then_some(off / BLOCK_SIZE)
    }

    /// The block index of `p` if `p` is exactly the start of an allocation.
    #[inline]
    fn head_index(&self, p: NonNull<u8>) -> Option<usize> {
        let addr = p.as_ptr().addr();
        let i = self.block_index(addr)?;
        (addr.is_multiple_of(BLOCK_SIZE) && self.table.is_head(i)).then_some(i)
    }

    /// Allocate `bytes` (rounded up to whole blocks, at least one), zero-filled and 16-byte
    /// aligned. `None` when the heap is locked or no run of free blocks is large enough: the
    /// caller then collects and retries, then raises `MemoryError`. Never collects by itself.
    /// `finaliser` sets the allocation's finaliser bit (see `collect`).
    #[inline]
    pub fn alloc(&mut self, bytes: usize, finaliser: bool) -> Option<NonNull<u8>> {
        // Fast path: a small request carved from the bump run within one table word.
        let n = blocks_for(bytes)?;
        let s = self.cur;
        if n <= SMALL_BLOCKS && n <= self.end - s && s % BITS + n <= BITS && self.lock_depth == 0 {
            self.cur = s + n;
            self.table.set_alloc_in_word(s, n, finaliser);
            self.used_blocks += n;
            let p = super::stack::launder(self.block_ptr(s));
            // SAFETY: blocks `[s, s + n)` lie inside the block area and were FREE (the bump run),
            // so nothing uses them; zeroing them is the allocation's initialisation.
            unsafe { zero_small(p, n) };
            return NonNull::new(p);
        }
        self.alloc_general(n, finaliser)
    }

    /// `alloc` for any size, any position and the locked heap.
    #[inline(never)]
    fn alloc_general(&mut self, n: usize, finaliser: bool) -> Option<NonNull<u8>> {
        if self.lock_depth != 0 {
            return None;
        }
        let start = if n >= LARGE_BLOCKS {
            self.alloc_large(n)?
        } else if n <= self.end - self.cur {
            let s = self.cur;
            self.cur = s + n;
            s
        } else {
            self.alloc_slow(n)?
        };
        self.table.set_alloc(start, n, finaliser);
        self.used_blocks += n;
        let p = super::stack::launder(self.block_ptr(start));
        // SAFETY: blocks `[start, start + n)` lie inside the block area and were FREE, so no
        // object or reference uses them; zeroing them is the allocation's initialisation.
        unsafe { p.write_bytes(0, n * BLOCK_SIZE) };
        NonNull::new(p)
    }

    /// Place a large allocation in the top quarter of the heap when it fits there, so that
    /// small survivors scattered through the rest do not fragment the space big objects need.
    #[cold]
    fn alloc_large(&mut self, n: usize) -> Option<usize> {
        let split = self.table.n / 4 * 3;
        let (start, _) = self
            .table
            .find_run(split, n)
            .or_else(|| self.table.find_run(0, n))?;
        // Keep the bump run clear of the blocks just taken.
        if start < self.end && start + n > self.cur {
            self.cur = self.end;
        }
        Some(start)
    }

    /// Find a new bump run for `n` blocks and carve them from its front.
    #[cold]
    #[inline(never)]
    fn alloc_slow(&mut self, n: usize) -> Option<usize> {
        let from = self.end;
        let split = self.table.n / 4 * 3;
        // Small objects stay below the large-object area while they fit there.
        let below = |r: (usize, usize)| r.0 < split;
        let run = self.table.find_run(from, n).filter(|&r| below(r));
        let run = run.or_else(|| self.table.find_run(0, n).filter(|&r| below(r)));
        let (start, end) = run.or_else(|| self.table.find_run(0, n))?;
        let end = if start < split {
            end.min(split.max(start + n))
        } else {
            end
        };
        self.cur = start + n;
        self.end = end;
        Some(start)
    }

    /// Free the allocation starting at `p` now (its finaliser is not called). Pointers that are
    /// not the start of an allocation are ignored.
    pub fn free(&mut self, p: NonNull<u8>) {
        let Some(h) = self.head_index(p) else { return };
        let n = self.table.extent(h);
        self.table.clear_alloc(h, n);
        self.used_blocks -= n;
        self.note_freed(h, h + n);
    }

    /// Keep the bump run as large as cheaply possible after blocks `[a, b)` became FREE.
    fn note_freed(&mut self, a: usize, b: usize) {
        if b == self.cur {
            self.cur = a; // `[a, end)` is FREE: reuse at once.
        } else if a == self.end {
            self.end = b;
        }
    }

    /// Grow or shrink the allocation starting at `p` in place to `new_bytes` (rounded up to
    /// blocks; new blocks are zeroed). Returns false if `p` is not the start of an allocation,
    /// or it must grow and the blocks after it are not free (or the heap is locked).
    pub fn try_resize_in_place(&mut self, p: NonNull<u8>, new_bytes: usize) -> bool {
        let Some(h) = self.head_index(p) else {
            return false;
        };
        let Some(new_n) = blocks_for(new_bytes) else {
            return false;
        };
        let n = self.table.extent(h);
        if new_n <= n {
            self.table.clear_tails(h + new_n, h + n);
            self.used_blocks -= n - new_n;
            self.note_freed(h + new_n, h + n);
            return true;
        }
        let (a, b) = (h + n, h + new_n);
        if self.lock_depth != 0 || b > self.table.n || !self.table.all_free(a, b) {
            return false;
        }
        self.table.set_tails(a, b);
        self.used_blocks += new_n - n;
        // Block `a - 1` is allocated, so `[a, b)` can only meet the bump run at its front.
        if a < self.end && b > self.cur {
            self.cur = b;
            self.end = self.end.max(b);
        }
        // SAFETY: blocks `[a, b)` are inside the block area and were FREE until now.
        unsafe { self.block_ptr(a).write_bytes(0, (b - a) * BLOCK_SIZE) };
        true
    }

    /// Size in bytes (a multiple of `BLOCK_SIZE`) of the allocation starting at `p`, or 0 if
    /// `p` is not the start of an allocation.
    pub fn alloc_size(&self, p: NonNull<u8>) -> usize {
        self.head_index(p)
            .map_or(0, |h| self.table.extent(h) * BLOCK_SIZE)
    }

    /// If `addr` points into an allocated block, the address of its allocation's first byte.
    pub fn find_head(&self, addr: usize) -> Option<usize> {
        let h = self.table.head_of(self.block_index(addr)?)?;
        Some(self.base() + h * BLOCK_SIZE)
    }

    /// Does the allocation starting at `p` have its finaliser bit set?
    pub fn has_finaliser(&self, p: NonNull<u8>) -> bool {
        self.head_index(p).is_some_and(|h| self.table.has_fin(h))
    }

    /// Set or clear the finaliser bit of the allocation starting at `p` (ignored otherwise),
    /// e.g. to re-arm it after a resurrected object's `__del__` ran.
    pub fn set_finaliser(&mut self, p: NonNull<u8>, on: bool) {
        if let Some(h) = self.head_index(p) {
            self.table.set_fin(h, on);
        }
    }

    /// Record the top of the native stack: the address of a local in the outermost frame
    /// that calls into code holding heap pointers (e.g. in `main` before the VM starts). The
    /// frames called from there are scanned; that frame's own locals may not be. Stacks grow
    /// down on every supported architecture. Until this is called the stack is not scanned.
    pub fn set_stack_top(&mut self, addr: usize) {
        self.stack_top = addr;
    }

    /// The recorded stack top (0 if none).
    pub fn stack_top(&self) -> usize {
        self.stack_top
    }

    /// `heap_lock`: while locked (nestable), `alloc` returns `None`.
    pub fn lock(&mut self) {
        self.lock_depth += 1;
    }

    /// `heap_unlock`: undo one `lock`.
    pub fn unlock(&mut self) {
        self.lock_depth = self.lock_depth.saturating_sub(1);
    }

    /// Lift every lock for an allocation the lock does not cover; returns the depth to restore.
    pub fn unlock_all(&mut self) -> usize {
        core::mem::take(&mut self.lock_depth)
    }

    /// Restore the lock depth `unlock_all` returned.
    pub fn relock(&mut self, depth: usize) {
        self.lock_depth = depth;
    }

    /// Is the heap locked?
    pub fn is_locked(&self) -> bool {
        self.lock_depth != 0
    }

    /// Current lock depth (`micropython.heap_unlock()` returns it).
    pub fn lock_depth(&self) -> usize {
        self.lock_depth
    }

    /// Bytes in allocated blocks, without scanning the table.
    #[inline]
    pub fn used_bytes(&self) -> usize {
        self.used_blocks * BLOCK_SIZE
    }

    /// Bytes in the block area (allocated or free), without scanning the table.
    #[inline]
    pub fn total_bytes(&self) -> usize {
        self.size
    }

    /// Sizes and counters. Walks the table: O(blocks / BITS).
    pub fn stats(&self) -> HeapStats {
        HeapStats {
            total: self.size,
            used: self.used_blocks * BLOCK_SIZE,
            free: self.size - self.used_blocks * BLOCK_SIZE,
            max_free_run: self.table.max_free_run() * BLOCK_SIZE,
            used_blocks: self.used_blocks,
            objects: self.table.count_heads(),
            collections: self.collections,
            meta: self.meta_bytes,
        }
    }

    /// Allocations of one block, of two blocks, and the largest allocation in blocks.
    pub fn extent_summary(&self) -> (usize, usize, usize) {
        self.table.extent_summary()
    }

    /// A map of the blocks, as `micropython.mem_info(1)` prints it: lines of 64 blocks, `h` for
    /// the first block of an allocation, `=` for the rest, `.` for free; runs of wholly free
    /// lines are summarised.
    pub fn layout(&self) -> alloc::string::String {
        use core::fmt::Write;
        const PER_LINE: usize = 64;
        let base = self.limit as usize - self.size;
        let mut out = alloc::format!("GC memory layout; from {base:x}:");
        let mut free_lines = 0;
        for start in (0..self.table.n).step_by(PER_LINE) {
            let end = (start + PER_LINE).min(self.table.n);
            if self.table.all_free(start, end) {
                free_lines += 1;
                continue;
            }
            if free_lines > 0 {
                let _ = write!(out, "\n       ({free_lines} lines all free)");
                free_lines = 0;
            }
            let _ = write!(out, "\n{:08x}: ", start * BLOCK_SIZE);
            for i in start..end {
                out.push(match self.table.head_of(i) {
                    Some(h) if h == i => 'h',
                    Some(_) => '=',
                    None => '.',
                });
            }
        }
        if free_lines > 0 {
            let _ = write!(out, "\n       ({free_lines} lines all free)");
        }
        out.push('\n');
        out
    }

    /// Debug walk (`lua_checkmemory`): checks the allocation table's invariants (see
    /// `table.rs`), the used-block count and the bump run. Returns what is wrong.
    pub fn verify(&self) -> Result<(), &'static str> {
        self.table.verify(self.collecting)?;
        if self.table.count_used() != self.used_blocks {
            return Err("gc: used-block count out of step with the table");
        }
        if self.cur > self.end || self.end > self.table.n {
            return Err("gc: bump run out of range");
        }
        if !self.table.all_free(self.cur, self.end) {
            return Err("gc: bump run holds allocated blocks");
        }
        if !self.collecting && !self.mark.is_empty() {
            return Err("gc: mark stack not empty outside a collection");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::hint::black_box;

    #[test]
    fn layout_and_overhead() {
        for bytes in [0, 1, 100, 4096, 4097, 65_536, 1 << 20] {
            let h = Heap::with_capacity(bytes);
            let s = h.stats();
            assert!(s.total + s.meta <= bytes, "{bytes}: {s:?}");
            assert!(s.meta * 32 <= bytes.max(32 * 48), "{bytes}: overhead {s:?}");
            assert_eq!(s.used, 0);
            assert!(bytes == 0 || h.base().is_multiple_of(BLOCK_SIZE));
            h.verify().unwrap();
        }
        // An unaligned region loses at most 15 bytes to alignment.
        let region = alloc::boxed::Box::leak(alloc::vec![0u8; 4096 + 1].into_boxed_slice());
        let h = Heap::new(&mut region[1..]);
        assert!(h.base().is_multiple_of(BLOCK_SIZE));
        assert!(h.stats().total >= 4096 - 15 - 4096 / 32);
    }

    #[test]
    fn alloc_is_zeroed_aligned_and_sized() {
        let mut h = Heap::with_capacity(64 * 1024);
        let a = h.alloc(1, false).unwrap();
        let b = h.alloc(33, true).unwrap();
        let c = h.alloc(0, false).unwrap();
        for p in [a, b, c] {
            assert_eq!(p.as_ptr().addr() % 16, 0);
        }
        assert_eq!(h.alloc_size(a), 16);
        assert_eq!(h.alloc_size(b), 48);
        assert_eq!(h.alloc_size(c), 16);
        assert!(h.has_finaliser(b) && !h.has_finaliser(a));
        // SAFETY: `b` is a fresh 48-byte allocation.
        let bytes = unsafe { core::slice::from_raw_parts_mut(b.as_ptr(), 48) };
        assert!(bytes.iter().all(|&x| x == 0));
        bytes.fill(0xAB);
        assert_eq!(h.stats().used, 80);
        assert_eq!(h.stats().objects, 3);
        assert_eq!(h.find_head(b.as_ptr().addr() + 47), Some(b.as_ptr().addr()));
        assert_eq!(h.find_head(b.as_ptr().addr() + 48), Some(c.as_ptr().addr()));
        assert_eq!(
            h.alloc_size(NonNull::new(b.as_ptr().wrapping_add(16)).unwrap()),
            0
        );
        h.free(b);
        assert_eq!(h.stats().used, 32);
        assert_eq!(h.find_head(b.as_ptr().addr()), None);
        h.verify().unwrap();
        // Freed storage comes back zeroed.
        let d = h.alloc(48, false).unwrap();
        // SAFETY: `d` is a fresh 48-byte allocation.
        let bytes = unsafe { core::slice::from_raw_parts(d.as_ptr(), 48) };
        assert!(bytes.iter().all(|&x| x == 0));
        h.verify().unwrap();
    }

    #[test]
    fn free_just_allocated_is_reused_at_once() {
        let mut h = Heap::with_capacity(64 * 1024);
        let a = h.alloc(64, false).unwrap();
        h.free(a);
        let b = h.alloc(32, false).unwrap();
        assert_eq!(a, b);
        // Ignored: not a head, and outside the heap.
        h.free(NonNull::new(b.as_ptr().wrapping_add(16)).unwrap());
        let mut outside = 0u64;
        h.free(NonNull::from(&mut outside).cast());
        assert_eq!(h.stats().used, 32);
        h.verify().unwrap();
    }

    #[test]
    fn exhaustion_returns_none_and_free_space_is_found_again() {
        let mut h = Heap::with_capacity(4096);
        let n = h.stats().total / BLOCK_SIZE;
        let mut ptrs = alloc::vec::Vec::new();
        while let Some(p) = h.alloc(16, false) {
            ptrs.push(p);
        }
        assert_eq!(ptrs.len(), n);
        assert!(h.alloc(1, false).is_none());
        assert!(h.alloc(usize::MAX, false).is_none());
        assert_eq!(h.stats().free, 0);
        assert_eq!(h.stats().max_free_run, 0);
        // Free every other block low in the heap: single blocks fit, pairs do not.
        for p in ptrs.iter().take(20).step_by(2) {
            h.free(*p);
        }
        assert_eq!(h.stats().max_free_run, 16);
        assert!(h.alloc(32, false).is_none());
        for _ in 0..10 {
            assert!(h.alloc(16, false).is_some());
        }
        assert!(h.alloc(16, false).is_none());
        h.verify().unwrap();
    }

    #[test]
    fn big_allocations_and_fragmentation() {
        let mut h = Heap::with_capacity(1 << 20);
        let base = h.block_ptr(0) as usize;
        let split = base + h.table.n / 4 * 3 * BLOCK_SIZE;
        // Large objects start in the top quarter; small ones stay below it.
        let big = h.alloc(100_000, false).unwrap();
        assert_eq!(h.alloc_size(big), 100_000usize.next_multiple_of(16));
        assert!(big.as_ptr() as usize >= split);
        let small = h.alloc(16, false).unwrap();
        assert!((small.as_ptr() as usize) < split);
        // When the top quarter is full, a large object goes wherever it fits.
        let big2 = h.alloc(200_000, false).unwrap();
        assert!((big2.as_ptr() as usize) < split);
        // A freed large block is reused by the next large request that fits.
        h.free(big);
        let again = h.alloc(90_000, false).unwrap();
        assert_eq!(again, big);
        // The rest of the heap is still usable up to exhaustion.
        let rest = h.stats().max_free_run;
        let y = h.alloc(rest, false).unwrap();
        assert!(
            h.alloc(h.stats().max_free_run + BLOCK_SIZE, false)
                .is_none()
        );
        black_box((small, big2, y));
        h.verify().unwrap();
    }

    #[test]
    fn resize_in_place() {
        let mut h = Heap::with_capacity(64 * 1024);
        let a = h.alloc(32, false).unwrap();
        // SAFETY: `a` is a fresh 32-byte allocation.
        unsafe { a.as_ptr().write_bytes(7, 32) };
        assert!(h.try_resize_in_place(a, 100)); // grows into the bump run
        assert_eq!(h.alloc_size(a), 112);
        // SAFETY: `a` now has 112 bytes; the new part is zeroed.
        unsafe {
            assert_eq!(*a.as_ptr().add(31), 7);
            assert_eq!(*a.as_ptr().add(32), 0);
        }
        let b = h.alloc(16, false).unwrap();
        assert_eq!(b.as_ptr().addr(), a.as_ptr().addr() + 112);
        assert!(!h.try_resize_in_place(a, 113)); // `b` is in the way
        assert!(h.try_resize_in_place(a, 16)); // shrink
        assert_eq!(h.alloc_size(a), 16);
        assert!(h.try_resize_in_place(a, 112)); // grow back into the freed tail
        h.verify().unwrap();
        assert!(!h.try_resize_in_place(b, usize::MAX));
        assert!(!h.try_resize_in_place(NonNull::new(b.as_ptr().wrapping_add(8)).unwrap(), 16));
        h.free(b);
        assert!(h.try_resize_in_place(a, 1024));
        assert_eq!(h.stats().used, 1024);
        h.verify().unwrap();
        let c = h.alloc(16, false).unwrap();
        assert_eq!(c.as_ptr().addr(), a.as_ptr().addr() + 1024);
        h.verify().unwrap();
    }

    #[test]
    fn lock_unlock() {
        let mut h = Heap::with_capacity(4096);
        assert!(!h.is_locked());
        h.lock();
        h.lock();
        assert!(h.is_locked() && h.lock_depth() == 2);
        assert!(h.alloc(16, false).is_none());
        h.unlock();
        assert!(h.alloc(16, false).is_none());
        h.unlock();
        assert!(!h.is_locked());
        assert!(h.alloc(16, false).is_some());
        h.unlock(); // unbalanced: stays at 0
        assert_eq!(h.lock_depth(), 0);
    }

    #[test]
    fn verify_reports_corruption() {
        let mut h = Heap::with_capacity(4096);
        let p = h.alloc(16, false).unwrap();
        h.verify().unwrap();
        h.used_blocks += 1;
        assert!(h.verify().is_err());
        h.used_blocks -= 1;
        h.table.try_mark(0);
        assert_eq!(h.verify(), Err("gc: MARK block outside a collection"));
        h.table.groups[0].tm = 0;
        h.table.groups[0].fin = 2;
        assert!(h.verify().is_err());
        h.table.groups[0].fin = 0;
        h.table.groups[0].tm = 4; // a TAIL after a FREE block
        assert!(h.verify().is_err());
        h.table.groups[0].tm = 0;
        h.verify().unwrap();
        black_box(p);
    }
}
