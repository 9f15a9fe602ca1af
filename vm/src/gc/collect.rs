//! The collector: conservative marking from the roots with a bounded mark stack, the
//! resurrection pass for finalisable objects, and the sweep.
//!
//! Invariant while marking: every block on the mark stack is a MARK whose words have not been
//! scanned yet; a MARK that is neither on the stack nor scanned has an index `>= overflow_min`
//! (it was dropped when the stack was full). Marking ends when the stack is empty and
//! `overflow_min` is `NO_OVERFLOW`, so every MARK's words have been scanned: everything
//! reachable is marked. Recursion never happens: depth is bounded by `MARK_STACK_LEN`.
//!
//! Overflow (as in MicroPython): a block that does not fit on the full stack stays marked and
//! `overflow_min` records the lowest such index; afterwards every MARK from there up is
//! scanned again (its already marked children cost one table probe each). Repeat until no
//! block was dropped below the rescan position.

use core::ptr::NonNull;

use super::heap::Heap;
use super::stack;
use super::{BLOCK_SIZE, GcHooks};

/// Entries in the mark stack (block indices, not addresses, so it retains nothing).
pub const MARK_STACK_LEN: usize = 64;

/// `overflow_min` when no block was dropped.
const NO_OVERFLOW: usize = usize::MAX;

/// The explicit, bounded mark stack.
pub(super) struct MarkStack {
    items: [usize; MARK_STACK_LEN],
    len: usize,
    /// Usable entries (`<= MARK_STACK_LEN`); lowered by tests to force overflows.
    limit: usize,
    /// Lowest index of a MARK dropped because the stack was full, or `NO_OVERFLOW`.
    overflow_min: usize,
    /// Times a block was dropped (statistics and tests).
    overflows: usize,
}

impl MarkStack {
    pub(super) const fn new() -> MarkStack {
        MarkStack {
            items: [0; MARK_STACK_LEN],
            len: 0,
            limit: MARK_STACK_LEN,
            overflow_min: NO_OVERFLOW,
            overflows: 0,
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn push(&mut self, h: usize) {
        if self.len < self.limit {
            self.items[self.len] = h;
            self.len += 1;
        } else {
            self.overflow_min = self.overflow_min.min(h);
            self.overflows += 1;
        }
    }

    #[inline]
    fn pop(&mut self) -> Option<usize> {
        self.len = self.len.checked_sub(1)?;
        Some(self.items[self.len])
    }
}

impl Heap {
    /// Full collection. Marks from the native stack (with callee-saved registers spilled; only
    /// if `set_stack_top` was called) and from every word of `roots`; then, for each unmarked
    /// allocation with its finaliser bit, asks `hooks.resurrect(p)`: on true its finaliser bit
    /// is cleared and it and everything it references are kept for this cycle. Then sweeps:
    /// each unmarked allocation with its finaliser bit gets `hooks.finalise(p)` before it is
    /// freed (the hook may read it but has no access to the heap). Hooks must not panic.
    ///
    /// This entry only spills the registers; the work happens in a callee. The stack is scanned
    /// from this small frame up, so the collector's own frames, whose uninitialised slots still
    /// hold whatever deeper calls left there (a dead object's address, say), are never read
    /// as roots.
    ///
    /// Never inlined: the caller must then assume the heap's fields changed, so the optimiser
    /// cannot keep a live pointer only as a block offset to rebuild from them afterwards.
    #[inline(never)]
    pub fn collect(&mut self, roots: &[&[usize]], hooks: &mut dyn GcHooks) {
        let mut regs = [0usize; stack::SPILL_WORDS];
        let sp = stack::spill_registers(&mut regs);
        self.collect_above(sp.min(regs.as_ptr().addr()), roots, hooks);
        core::hint::black_box(&mut regs);
    }

    /// [`Heap::collect`] with `stack_low` the lowest stack address to scan.
    #[inline(never)]
    fn collect_above(&mut self, stack_low: usize, roots: &[&[usize]], hooks: &mut dyn GcHooks) {
        self.collecting = true;
        self.mark.len = 0;
        self.mark.overflow_min = NO_OVERFLOW;
        if self.stack_top != 0 {
            self.scan_stack(stack_low, self.stack_top);
        }
        for region in roots {
            for &word in region.iter() {
                self.mark_root(word);
            }
        }
        self.drain();
        self.resurrect(hooks);
        self.sweep(hooks);
        // Restart next-fit at the bottom so survivors' gaps are filled first.
        self.cur = 0;
        self.end = 0;
        self.collections += 1;
        self.collecting = false;
    }

    /// Mark from every word of the stack range `[lo, hi)` (aligned inwards).
    #[inline(never)]
    fn scan_stack(&mut self, lo: usize, hi: usize) {
        let mut addr = lo.next_multiple_of(size_of::<usize>());
        let hi = hi & !(size_of::<usize>() - 1);
        while addr < hi {
            // SAFETY: `[lo, hi)` is the live part of this thread's stack, from the caller's
            // frame (which holds the spilled registers) up to the top recorded by
            // `set_stack_top`: mapped, readable and word-aligned. A conservative collector must
            // read every word there, whatever the frame layout; a volatile load of the raw word
            // (through exposed provenance) makes no assumption about what it holds.
            let word = unsafe { core::ptr::with_exposed_provenance::<usize>(addr).read_volatile() };
            self.mark_root(word);
            addr += size_of::<usize>();
        }
    }

    /// Mark the block `word` points into (if any) and everything reachable from it.
    #[inline]
    fn mark_root(&mut self, word: usize) {
        self.mark_word(word);
        if !self.mark.is_empty() {
            self.drain();
        }
    }

    /// If `word` is an address inside an allocation that is not marked yet: mark it and push
    /// it. Interior pointers count; so do tagged words that land inside a block (harmless
    /// false retention).
    #[inline(always)]
    fn mark_word(&mut self, word: usize) {
        let off = word.wrapping_sub(self.base());
        if off >= self.size {
            return;
        }
        if let Some(h) = self.table.head_of(off / BLOCK_SIZE)
            && self.table.try_mark(h)
        {
            self.mark.push(h);
        }
    }

    /// Scan every word of the allocation at HEAD `h` (only the first of a leaf type's instance,
    /// see `Heap::leaf_types`).
    fn scan_block(&mut self, h: usize) {
        let p = self.block_ptr(h).cast::<usize>();
        // SAFETY: `h` is a HEAD, so its first word lies inside the block area; allocations are
        // zeroed when made, so it was written.
        let first = unsafe { p.read_volatile() };
        if first != 0 && self.leaf_types.contains(&first) {
            self.mark_word(first);
            return;
        }
        let words = self.table.extent(h) * (BLOCK_SIZE / size_of::<usize>());
        for k in 0..words {
            // SAFETY: `h` is a HEAD whose allocation spans `words` words inside the block
            // area; `p` is 16-aligned. Allocations are zeroed when made, so every word was
            // written; the volatile load reads it as a raw word whatever it holds.
            let word = unsafe { p.add(k).read_volatile() };
            self.mark_word(word);
        }
    }

    /// Empty the mark stack, scanning each block popped; then recover from overflows.
    fn drain(&mut self) {
        loop {
            while let Some(h) = self.mark.pop() {
                self.scan_block(h);
            }
            if self.mark.overflow_min == NO_OVERFLOW {
                return;
            }
            // Rescan every MARK from the lowest dropped one up.
            let mut from = core::mem::replace(&mut self.mark.overflow_min, NO_OVERFLOW);
            while let Some(h) = self.table.next_marked(from) {
                self.scan_block(h);
                while let Some(c) = self.mark.pop() {
                    self.scan_block(c);
                }
                // Blocks dropped above `h` are reached later in this pass.
                if self.mark.overflow_min != NO_OVERFLOW && self.mark.overflow_min > h {
                    self.mark.overflow_min = NO_OVERFLOW;
                }
                from = h + 1;
            }
        }
    }

    /// Ask each unreachable finalisable allocation whether to keep it; keep those that say so
    /// (and all they reference). Every such allocation is asked before any is traced, so all
    /// of one cycle's garbage gets the same chance.
    fn resurrect(&mut self, hooks: &mut dyn GcHooks) {
        let mut from = 0;
        while let Some(h) = self.table.next_unmarked_fin(from) {
            if hooks.resurrect(self.block_nonnull(h)) {
                self.table.set_fin(h, false);
                self.table.try_mark(h);
                self.mark.push(h);
            }
            from = h + 1;
        }
        self.drain();
    }

    /// Free every allocation, finalising those with the bit, without marking anything: the
    /// end of the heap's life (a board's soft reset), so the Rust-side resources objects own
    /// are returned before the heap's memory is reused.
    pub fn release_all(&mut self, hooks: &mut dyn GcHooks) {
        self.sweep(hooks);
        self.cur = 0;
        self.end = 0;
    }

    /// Free every unmarked allocation (finalising those with the bit) and unmark the rest.
    fn sweep(&mut self, hooks: &mut dyn GcHooks) {
        let (limit, size) = (self.limit, self.size);
        self.used_blocks = self.table.sweep(|h| {
            let p = limit.wrapping_sub(size - h * BLOCK_SIZE);
            hooks.finalise(NonNull::new(p).expect("gc: block address is null"));
        });
    }

    /// Use only the first `n` entries of the mark stack (clamped to `1..=MARK_STACK_LEN`), to
    /// exercise the overflow path in tests.
    pub fn set_mark_stack_limit(&mut self, n: usize) {
        self.mark.limit = n.clamp(1, MARK_STACK_LEN);
    }

    /// How many times marking found the mark stack full, over all collections.
    pub fn mark_stack_overflows(&self) -> usize {
        self.mark.overflows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::NoHooks;
    use alloc::vec::Vec;
    use core::hint::black_box;

    /// Run `f` on a fresh heap whose stack top is in this frame, above all of `f`'s frames.
    #[inline(never)]
    fn with_heap(bytes: usize, f: impl FnOnce(&mut Heap)) {
        let mut heap = Heap::with_capacity(bytes);
        let top = 0usize;
        heap.set_stack_top(black_box(&top as *const usize).addr());
        // `Heap::new` left block 0's address in its dead frame: wipe it before the test's
        // frames (and their uninitialised slots) are laid over it.
        scrub_stack();
        run(&mut heap, f);
        black_box(&top);
    }

    #[inline(never)]
    fn run(heap: &mut Heap, f: impl FnOnce(&mut Heap)) {
        f(heap);
        heap.verify().unwrap();
    }

    /// Allocate `n` objects of `bytes` and forget them (in a frame that is gone at collect).
    #[inline(never)]
    fn garbage(heap: &mut Heap, n: usize, bytes: usize, finaliser: bool) {
        for _ in 0..n {
            black_box(heap.alloc(bytes, finaliser).unwrap());
        }
    }

    /// Overwrite the dead stack area below this frame, so stale pointers left there by
    /// earlier calls cannot be mistaken for live ones by the next scan.
    #[inline(never)]
    fn scrub_stack() {
        let mut junk = [0usize; 2048];
        black_box(&mut junk);
    }

    /// Collect with no roots but the stack. Inlined, so no frame of its own is laid over the
    /// dead frames the test's last calls left behind before they are scrubbed.
    #[inline(always)]
    fn collect(heap: &mut Heap) {
        scrub_stack();
        heap.collect(&[], &mut NoHooks);
    }

    /// Write `next` and `payload` into a 2-word node.
    fn node(heap: &mut Heap, next: usize, payload: usize) -> usize {
        let p = heap.alloc(16, false).unwrap().cast::<usize>();
        // SAFETY: a fresh 16-byte allocation holds two words.
        unsafe {
            p.write(next);
            p.add(1).write(payload);
        }
        p.as_ptr().addr()
    }

    /// Walk a list built by `node`, checking payloads count down from `len - 1`.
    fn walk(mut p: usize, len: usize) {
        for i in (0..len).rev() {
            let q = core::ptr::with_exposed_provenance::<usize>(p);
            // SAFETY: `q` is a live node of the list (the test keeps the list reachable).
            unsafe {
                assert_eq!(q.add(1).read(), i);
                p = q.read();
            }
        }
        assert_eq!(p, 0);
    }

    #[test]
    fn collect_frees_unreachable() {
        with_heap(1 << 20, |h| {
            garbage(h, 1000, 32, false);
            assert_eq!(h.stats().used, 32_000);
            collect(h);
            assert!(h.stats().used <= 64, "{:?}", h.stats());
            assert_eq!(h.stats().collections, 1);
            assert!(h.stats().max_free_run >= h.stats().total - 64);
        });
    }

    #[test]
    fn keeps_stack_local_and_interior_pointer() {
        #[inline(never)]
        fn interior_only(h: &mut Heap) -> usize {
            h.alloc(64, false).unwrap().as_ptr().addr() + 40
        }
        with_heap(1 << 20, |h| {
            let interior = interior_only(h);
            let b = h.alloc(16, false).unwrap();
            // SAFETY: `b` is a fresh 16-byte allocation.
            unsafe { b.as_ptr().write(0x5A) };
            let b_addr = b.as_ptr().addr();
            garbage(h, 100, 48, false);
            black_box(b);
            collect(h);
            black_box(interior);
            assert_eq!(h.find_head(interior), Some(interior - 40));
            assert_eq!(h.find_head(b_addr), Some(b_addr));
            // SAFETY: `b` was kept alive by the stack scan.
            assert_eq!(unsafe { b.as_ptr().read() }, 0x5A);
            assert!(h.stats().used <= 80 + 96, "{:?}", h.stats());
        });
    }

    #[inline(never)]
    fn build_list(h: &mut Heap, len: usize) -> usize {
        let mut head = 0;
        for i in 0..len {
            head = node(h, head, i);
        }
        head
    }

    #[test]
    fn keeps_long_linked_list_with_tiny_mark_stack() {
        with_heap(4 << 20, |h| {
            h.set_mark_stack_limit(2);
            let list = build_list(h, 100_000);
            collect(h);
            assert_eq!(h.stats().objects, 100_000);
            walk(black_box(list), 100_000);
            // Forward list too: node i points to node i + 1 (marking walks upward).
            let mut first = 0;
            let mut prev: Option<NonNull<usize>> = None;
            for i in 0..1000 {
                let n = node(h, 0, i);
                match prev {
                    // SAFETY: `p` is a live node allocated above.
                    Some(p) => unsafe { p.write(n) },
                    None => first = n,
                }
                prev = NonNull::new(core::ptr::with_exposed_provenance_mut(n));
            }
            black_box(prev);
            collect(h);
            assert_eq!(h.stats().objects, 101_000);
            black_box(list);
            black_box(first);
        });
    }

    #[inline(never)]
    fn build_wide(h: &mut Heap, fanout: usize, chain: usize) -> usize {
        let root = h.alloc(fanout * 8, false).unwrap().cast::<usize>();
        for k in 0..fanout {
            let child = build_list(h, chain);
            // SAFETY: `root` holds `fanout` words.
            unsafe { root.add(k).write(child) };
        }
        root.as_ptr().addr()
    }

    #[test]
    fn mark_stack_overflow_is_recovered() {
        with_heap(8 << 20, |h| {
            h.set_mark_stack_limit(4);
            let root = build_wide(h, 2000, 20);
            let objects = h.stats().objects;
            assert_eq!(objects, 1 + 2000 * 20);
            garbage(h, 5000, 16, false);
            collect(h);
            assert!(h.mark_stack_overflows() > 0);
            assert_eq!(h.stats().objects, objects);
            let r = core::ptr::with_exposed_provenance::<usize>(black_box(root));
            for k in 0..2000 {
                // SAFETY: `root` is live and holds 2000 words.
                walk(unsafe { r.add(k).read() }, 20);
            }
            black_box(root);
        });
    }

    #[test]
    fn root_regions_keep_objects() {
        with_heap(1 << 20, |h| {
            // The root table lives in the global allocator, which is not scanned.
            let mut roots = alloc::vec![0usize; 4].into_boxed_slice();
            #[inline(never)]
            fn fill(h: &mut Heap, roots: &mut [usize]) {
                roots[1] = build_list(h, 50);
                roots[3] = (h.alloc(100, false).unwrap().as_ptr().addr() + 7) | 2;
            }
            fill(h, &mut roots);
            scrub_stack();
            h.collect(&[&roots], &mut NoHooks);
            assert_eq!(h.stats().objects, 51);
            walk(roots[1], 50);
            roots.fill(0);
            scrub_stack();
            h.collect(&[&roots], &mut NoHooks);
            assert_eq!(h.stats().objects, 0);
        });
    }

    #[derive(Default)]
    struct Recorder {
        finalised: Vec<usize>,
        asked: Vec<usize>,
        resurrect_first: usize,
    }

    impl GcHooks for Recorder {
        fn resurrect(&mut self, p: NonNull<u8>) -> bool {
            self.asked.push(p.as_ptr().addr());
            if self.resurrect_first > 0 {
                self.resurrect_first -= 1;
                return true;
            }
            false
        }
        fn finalise(&mut self, p: NonNull<u8>) {
            // The block is still readable: it holds its own address.
            // SAFETY: finalise is called before the block is freed or reused.
            assert_eq!(unsafe { p.cast::<usize>().read() }, p.as_ptr().addr());
            self.finalised.push(p.as_ptr().addr());
        }
    }

    #[inline(never)]
    fn finalisable(h: &mut Heap, n: usize) {
        for _ in 0..n {
            let p = h.alloc(32, true).unwrap().cast::<usize>();
            // SAFETY: a fresh 32-byte allocation.
            unsafe { p.write(p.as_ptr().addr()) };
        }
    }

    #[test]
    fn finalisers_run_exactly_once() {
        with_heap(1 << 20, |h| {
            finalisable(h, 10);
            garbage(h, 10, 32, false);
            let mut rec = Recorder::default();
            scrub_stack();
            h.collect(&[], &mut rec);
            assert_eq!(rec.finalised.len(), 10);
            assert_eq!(rec.asked.len(), 10);
            let mut sorted = rec.finalised.clone();
            sorted.dedup();
            assert_eq!(sorted.len(), 10);
            scrub_stack();
            h.collect(&[], &mut rec);
            assert_eq!(rec.finalised.len(), 10);
            assert_eq!(h.stats().used, 0);
        });
    }

    #[test]
    fn resurrection_keeps_object_and_its_children_once() {
        with_heap(1 << 20, |h| {
            #[inline(never)]
            fn make(h: &mut Heap) {
                let list = build_list(h, 5);
                let p = h.alloc(32, true).unwrap().cast::<usize>();
                // SAFETY: a fresh 32-byte allocation: [own address, list].
                unsafe {
                    p.write(p.as_ptr().addr());
                    p.add(1).write(list);
                }
            }
            make(h);
            let mut rec = Recorder {
                resurrect_first: 1,
                ..Recorder::default()
            };
            scrub_stack();
            h.collect(&[], &mut rec);
            assert_eq!(rec.asked.len(), 1);
            assert!(rec.finalised.is_empty());
            assert_eq!(h.stats().objects, 6, "object and its list survive");
            #[inline(never)]
            fn fin_bit(h: &Heap, rec: &Recorder) -> bool {
                let p = core::ptr::with_exposed_provenance_mut::<u8>(rec.asked[0]);
                h.has_finaliser(NonNull::new(p).unwrap())
            }
            assert!(!fin_bit(h, &rec), "bit cleared: asked only once");
            scrub_stack();
            h.collect(&[], &mut rec);
            assert_eq!(rec.asked.len(), 1);
            assert!(rec.finalised.is_empty());
            assert_eq!(h.stats().objects, 0);
        });
    }

    #[test]
    fn reachable_finalisable_objects_are_not_asked() {
        with_heap(1 << 20, |h| {
            let keep = h.alloc(16, true).unwrap();
            let mut rec = Recorder::default();
            scrub_stack();
            h.collect(&[], &mut rec);
            black_box(keep);
            assert!(rec.asked.is_empty() && rec.finalised.is_empty());
            assert!(h.has_finaliser(keep));
        });
    }

    #[test]
    fn no_stack_top_means_no_stack_scan() {
        let mut h = Heap::with_capacity(1 << 16);
        let p = h.alloc(16, false).unwrap();
        h.collect(&[], &mut NoHooks);
        assert_eq!(h.stats().used, 0);
        black_box(p);
    }

    #[test]
    fn allocation_after_collection_reuses_gaps() {
        with_heap(1 << 16, |h| {
            let total = h.stats().total;
            let keep = h.alloc(16, false).unwrap();
            garbage(h, total / 16 - 1, 16, false);
            assert!(h.alloc(16, false).is_none());
            collect(h);
            let mut n = 0;
            while h.alloc(32, false).is_some() {
                n += 1;
            }
            assert!(n >= total / 32 - 4, "{n}");
            black_box(keep);
        });
    }

    /// Counts finaliser calls.
    struct Count(usize);

    impl GcHooks for Count {
        fn resurrect(&mut self, _: NonNull<u8>) -> bool {
            false
        }
        fn finalise(&mut self, _: NonNull<u8>) {
            self.0 += 1;
        }
    }

    /// Random allocations, links, frees, resizes and collections checked against a model.
    /// No stack top is set and the root table is outside the heap, so reachability is exact.
    #[test]
    fn randomised_against_a_model() {
        struct Obj {
            addr: usize,
            id: usize,
            link: Option<usize>, // index into `objs`
            fin: bool,
            linked_to: bool,
        }
        let mut h = Heap::with_capacity(64 * 1024);
        h.set_mark_stack_limit(3);
        let mut objs: Vec<Obj> = Vec::new();
        let mut roots: Vec<usize> = Vec::new(); // indices into `objs`
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rand = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let word =
            |addr: usize, k: usize| core::ptr::with_exposed_provenance_mut::<usize>(addr + 8 * k);
        let mut next_id = 1000;
        let mut finalised = Count(0);
        let mut failures = 0;
        for step in 0..8_000 {
            match rand(100) {
                0..=59 => {
                    let bytes = if rand(20) == 0 {
                        rand(6000)
                    } else {
                        16 + rand(100)
                    };
                    let fin = rand(8) == 0;
                    let p = match h.alloc(bytes, fin) {
                        Some(p) => p,
                        None => {
                            assert!(h.stats().max_free_run < bytes);
                            failures += 1;
                            continue;
                        }
                    };
                    let link = (!objs.is_empty() && rand(2) == 0)
                        .then(|| rand(objs.len()))
                        .filter(|&l| objs[l].addr != 0);
                    // SAFETY: a fresh allocation of at least 16 bytes (two words).
                    unsafe {
                        word(p.as_ptr().addr(), 0).write(next_id);
                        word(p.as_ptr().addr(), 1).write(link.map_or(0, |l| objs[l].addr));
                    }
                    if let Some(l) = link {
                        objs[l].linked_to = true;
                    }
                    objs.push(Obj {
                        addr: p.as_ptr().addr(),
                        id: next_id,
                        link,
                        fin,
                        linked_to: false,
                    });
                    next_id += 1;
                    if rand(3) == 0 {
                        roots.push(objs.len() - 1);
                    }
                }
                60..=69 if !roots.is_empty() => {
                    let r = rand(roots.len());
                    roots.swap_remove(r);
                }
                70..=74 if !objs.is_empty() => {
                    // Free an object nothing points to (and drop it from the roots).
                    let i = rand(objs.len());
                    if !objs[i].linked_to && objs[i].addr != 0 {
                        h.free(
                            NonNull::new(core::ptr::with_exposed_provenance_mut(objs[i].addr))
                                .unwrap(),
                        );
                        roots.retain(|&r| r != i);
                        objs[i].addr = 0; // dead in the model
                    }
                }
                75..=79 if !objs.is_empty() => {
                    let i = rand(objs.len());
                    if objs[i].addr != 0 {
                        let p = NonNull::new(core::ptr::with_exposed_provenance_mut(objs[i].addr))
                            .unwrap();
                        let before = h.alloc_size(p);
                        let new = 16 + rand(300);
                        if h.try_resize_in_place(p, new) {
                            assert_eq!(h.alloc_size(p), blocks_for_test(new) * BLOCK_SIZE);
                        } else {
                            assert_eq!(h.alloc_size(p), before);
                        }
                    }
                }
                _ => {
                    // Collect: expected survivors are the closure of the roots.
                    let mut live = alloc::vec![false; objs.len()];
                    for &r in &roots {
                        let mut i = Some(r);
                        while let Some(j) = i {
                            if live[j] {
                                break;
                            }
                            live[j] = true;
                            i = objs[j].link;
                        }
                    }
                    let root_words: Vec<usize> = roots.iter().map(|&r| objs[r].addr).collect();
                    let dying_fin = objs
                        .iter()
                        .enumerate()
                        .filter(|(i, o)| o.addr != 0 && o.fin && !live[*i])
                        .count();
                    let before = finalised.0;
                    h.collect(&[&root_words], &mut finalised);
                    assert_eq!(finalised.0 - before, dying_fin, "step {step}");
                    for (i, o) in objs.iter_mut().enumerate() {
                        if o.addr == 0 {
                            continue;
                        }
                        if live[i] {
                            assert_eq!(h.find_head(o.addr), Some(o.addr), "step {step}");
                            // SAFETY: the object survived.
                            assert_eq!(unsafe { word(o.addr, 0).read() }, o.id);
                        } else {
                            assert_ne!(h.find_head(o.addr), Some(o.addr), "step {step}: kept");
                            o.addr = 0;
                        }
                    }
                    let used: usize = objs
                        .iter()
                        .filter(|o| o.addr != 0)
                        .map(|o| {
                            h.alloc_size(
                                NonNull::new(core::ptr::with_exposed_provenance_mut(o.addr))
                                    .unwrap(),
                            )
                        })
                        .sum();
                    assert_eq!(h.stats().used, used);
                }
            }
            h.verify().unwrap_or_else(|e| panic!("step {step}: {e}"));
        }
        assert!(h.stats().collections > 50, "{:?}", h.stats());
        assert!(
            failures > 0 && finalised.0 > 0,
            "{failures} {}",
            finalised.0
        );
    }

    fn blocks_for_test(bytes: usize) -> usize {
        bytes.div_ceil(BLOCK_SIZE).max(1)
    }

    /// `cargo test --release -- --ignored --nocapture bench_`: 10 million 32-byte objects
    /// allocated and dropped in a 64 MiB heap, collecting when `alloc` fails.
    #[test]
    #[ignore]
    fn bench_alloc_drop_10m() {
        with_heap(64 << 20, |h| {
            // Pass 0 touches the heap's pages for the first time; pass 1 runs on warm pages.
            for pass in 0..2 {
                let t = std::time::Instant::now();
                let mut collect_time = std::time::Duration::ZERO;
                let collections = h.stats().collections;
                for i in 0..10_000_000usize {
                    let p = match h.alloc(32, false) {
                        Some(p) => p,
                        None => {
                            let c = std::time::Instant::now();
                            h.collect(&[], &mut NoHooks);
                            collect_time += c.elapsed();
                            h.alloc(32, false).unwrap()
                        }
                    };
                    // SAFETY: a fresh 32-byte allocation.
                    unsafe { p.cast::<usize>().write(i) };
                    black_box(p);
                }
                let total = t.elapsed();
                let n = h.stats().collections - collections;
                std::println!(
                    "pass {pass}: 10M x 32-byte alloc+drop, 64 MiB heap: {total:?} total, {n} \
                     collections taking {collect_time:?} ({:?} each), {:.1} ns/alloc incl. GC",
                    collect_time / n.max(1) as u32,
                    total.as_nanos() as f64 / 1e7,
                );
            }
            // Marking: a live 1M-node list, collected 10 times.
            scrub_stack();
            h.collect(&[], &mut NoHooks);
            let list = build_list(h, 1_000_000);
            let t = std::time::Instant::now();
            for _ in 0..10 {
                h.collect(&[], &mut NoHooks);
            }
            std::println!(
                "collect with 1M live 16-byte nodes (16 MiB) in 64 MiB: {:?} each",
                t.elapsed() / 10
            );
            assert_eq!(h.stats().objects, 1_000_000);
            black_box(list);
        });
    }
}
