//! The allocation table: the state of every heap block, kept in bit planes.
//!
//! Block `i` is bit `i % BITS` of word `i / BITS` in each plane. The two allocation planes
//! `head` and `tm` ("tail or mark") encode four states, two bits per block:
//!
//! | head | tm | state                                                        |
//! |------|----|--------------------------------------------------------------|
//! | 0    | 0  | FREE                                                         |
//! | 0    | 1  | TAIL: continues the allocation of the nearest HEAD before it |
//! | 1    | 0  | HEAD: first block of an allocation                           |
//! | 1    | 1  | MARK: a HEAD found reachable by the running collection       |
//!
//! A third plane, `fin`, holds the finaliser bit (FTB) of each HEAD. The three planes are
//! interleaved a word at a time (`Group`), so one cache line serves all of them.
//!
//! Invariants, checked by [`Table::verify`]:
//! - a TAIL directly follows a HEAD, MARK or TAIL (so block 0 is never a TAIL);
//! - MARK exists only while a collection runs;
//! - a `fin` bit is set only on a HEAD or MARK block;
//! - bits for positions `>= n` (the padding of the last word) are zero in every plane.
//!
//! All operations here are word-parallel: finding a free run, measuring an allocation and the
//! whole sweep cost one step per word of the table (64 blocks on 64-bit hosts), not per block.

/// Blocks per table word.
pub(super) const BITS: usize = usize::BITS as usize;

/// One word of each plane: the state of `BITS` consecutive blocks.
#[derive(Clone, Copy, Default, Debug)]
#[repr(C)]
pub(super) struct Group {
    /// HEAD or MARK.
    pub head: usize,
    /// TAIL (where `head` is 0) or MARK (where `head` is 1).
    pub tm: usize,
    /// Finaliser bit: set only where `head` is 1.
    pub fin: usize,
}

/// Bits `[lo, hi)` of a word, for `lo <= hi <= BITS`.
#[inline]
fn range_mask(lo: usize, hi: usize) -> usize {
    if lo >= hi {
        return 0;
    }
    let upper = if hi >= BITS { !0 } else { (1usize << hi) - 1 };
    upper & (!0usize << lo)
}

/// The allocation table of a heap with `n` blocks.
pub(super) struct Table {
    /// `n.div_ceil(BITS)` groups, carved from the front of the heap's region.
    pub groups: &'static mut [Group],
    /// Number of blocks.
    pub n: usize,
}

/// How far beyond the size asked for `find_run` looks for the end of a free run (blocks).
const RUN_CAP: usize = 64 * BITS;

impl Table {
    /// Number of groups needed for `n` blocks.
    pub fn words_for(n: usize) -> usize {
        n.div_ceil(BITS)
    }

    /// A table with every block FREE.
    pub fn new(groups: &'static mut [Group], n: usize) -> Table {
        debug_assert_eq!(groups.len(), Self::words_for(n));
        groups.fill(Group::default());
        Table { groups, n }
    }

    /// A table over `groups` that are already all zeros (every block FREE), without writing them.
    pub fn over_zeroed(groups: &'static mut [Group], n: usize) -> Table {
        debug_assert_eq!(groups.len(), Self::words_for(n));
        Table { groups, n }
    }

    /// Is block `i` the first block of an allocation (HEAD or MARK)?
    #[inline]
    pub fn is_head(&self, i: usize) -> bool {
        i < self.n && self.groups[i / BITS].head & (1 << (i % BITS)) != 0
    }

    /// The HEAD (or MARK) of the allocation containing block `i`, or `None` if `i` is FREE.
    #[inline]
    pub fn head_of(&self, i: usize) -> Option<usize> {
        let (mut w, b) = (i / BITS, i % BITS);
        let g = self.groups[w];
        let bit = 1usize << b;
        if g.head & bit != 0 {
            return Some(i);
        }
        if g.tm & bit == 0 {
            return None;
        }
        // A TAIL: the owner is the nearest head bit at or below `i`.
        let mut heads = g.head & (bit - 1);
        loop {
            if heads != 0 {
                return Some(w * BITS + (BITS - 1 - heads.leading_zeros() as usize));
            }
            if w == 0 {
                return None; // Corrupt table (a TAIL with no HEAD); `verify` reports it.
            }
            w -= 1;
            heads = self.groups[w].head;
        }
    }

    /// Number of blocks in the allocation whose HEAD is `h` (1 + its TAILs).
    #[inline]
    pub fn extent(&self, h: usize) -> usize {
        let mut i = h + 1;
        while i < self.n {
            let (w, b) = (i / BITS, i % BITS);
            let g = self.groups[w];
            let tails = (g.tm & !g.head) >> b;
            // Trailing ones of `tails`; the `b` top bits of `!tails` are ones, so this is <= BITS - b.
            let ones = (!tails).trailing_zeros() as usize;
            i += ones;
            if ones < BITS - b {
                break;
            }
        }
        i - h
    }

    /// Turn the FREE blocks `[h, h + count)` into one allocation.
    #[inline]
    pub fn set_alloc(&mut self, h: usize, count: usize, finaliser: bool) {
        let bit = 1usize << (h % BITS);
        let g = &mut self.groups[h / BITS];
        g.head |= bit;
        if finaliser {
            g.fin |= bit;
        }
        if count > 1 {
            self.set_tails(h + 1, h + count);
        }
    }

    /// `set_alloc` for an allocation that lies within one table word (`h % BITS + count <=
    /// BITS`, `count >= 1`): two or three read-modify-writes, no loop.
    #[inline(always)]
    pub fn set_alloc_in_word(&mut self, h: usize, count: usize, finaliser: bool) {
        let b = h % BITS;
        let g = &mut self.groups[h / BITS];
        g.head |= 1 << b;
        // `count - 1` TAIL bits above the head; for count == 1 the mask is 0 (and the shift
        // amount may be BITS, which `wrapping_shl` reduces harmlessly).
        g.tm |= ((1usize << (count - 1)) - 1).wrapping_shl(b as u32 + 1);
        if finaliser {
            g.fin |= 1 << b;
        }
    }

    /// Turn the allocation `[h, h + count)` back into FREE blocks (clears its finaliser bit).
    pub fn clear_alloc(&mut self, h: usize, count: usize) {
        let bit = 1usize << (h % BITS);
        let g = &mut self.groups[h / BITS];
        g.head &= !bit;
        g.tm &= !bit;
        g.fin &= !bit;
        self.clear_tails(h + 1, h + count);
    }

    /// Set the `tm` bit of blocks `[a, b)` (which are FREE): they become TAILs.
    #[inline]
    pub fn set_tails(&mut self, a: usize, b: usize) {
        let mut i = a;
        while i < b {
            let (w, lo) = (i / BITS, i % BITS);
            let hi = (lo + (b - i)).min(BITS);
            self.groups[w].tm |= range_mask(lo, hi);
            i += hi - lo;
        }
    }

    /// Clear the `tm` bit of blocks `[a, b)` (which are TAILs): they become FREE.
    pub fn clear_tails(&mut self, a: usize, b: usize) {
        let mut i = a;
        while i < b {
            let (w, lo) = (i / BITS, i % BITS);
            let hi = (lo + (b - i)).min(BITS);
            self.groups[w].tm &= !range_mask(lo, hi);
            i += hi - lo;
        }
    }

    /// Are all blocks `[a, b)` FREE? (`b <= n`.)
    pub fn all_free(&self, a: usize, b: usize) -> bool {
        let mut i = a;
        while i < b {
            let (w, lo) = (i / BITS, i % BITS);
            let hi = (lo + (b - i)).min(BITS);
            let g = self.groups[w];
            if (g.head | g.tm) & range_mask(lo, hi) != 0 {
                return false;
            }
            i += hi - lo;
        }
        true
    }

    /// The first FREE block at or after `from`, or `n`.
    #[inline]
    pub fn next_free(&self, from: usize) -> usize {
        if from >= self.n {
            return self.n;
        }
        let (mut w, b) = (from / BITS, from % BITS);
        let g = self.groups[w];
        let mut free = !(g.head | g.tm) & (!0usize << b);
        loop {
            if free != 0 {
                // Padding bits past `n` read as FREE: clamp.
                return (w * BITS + free.trailing_zeros() as usize).min(self.n);
            }
            w += 1;
            if w == self.groups.len() {
                return self.n;
            }
            let g = self.groups[w];
            free = !(g.head | g.tm);
        }
    }

    /// The first allocated (non-FREE) block at or after `from`, or `n`.
    #[inline]
    pub fn next_used(&self, from: usize) -> usize {
        self.next_used_before(from, self.n)
    }

    /// `next_used(from)`, but looking no further than `limit` (returned when nothing is used
    /// before it).
    pub fn next_used_before(&self, from: usize, limit: usize) -> usize {
        let limit = limit.min(self.n);
        if from >= limit {
            return limit;
        }
        let (mut w, b) = (from / BITS, from % BITS);
        let g = self.groups[w];
        let mut used = (g.head | g.tm) & (!0usize << b);
        loop {
            if used != 0 {
                return (w * BITS + used.trailing_zeros() as usize).min(limit);
            }
            w += 1;
            if w == self.groups.len() || w * BITS >= limit {
                return limit;
            }
            let g = self.groups[w];
            used = g.head | g.tm;
        }
    }

    /// The first run of FREE blocks `[start, end)` with `start >= from` and at least `need`
    /// blocks, maximal or cut at `RUN_CAP` blocks beyond `need` (so that finding room in a large
    /// empty heap does not scan all of it).
    pub fn find_run(&self, from: usize, need: usize) -> Option<(usize, usize)> {
        let mut i = from;
        loop {
            let start = self.next_free(i);
            if start >= self.n {
                return None;
            }
            let end = self.next_used_before(start, start.saturating_add(need.max(RUN_CAP)));
            if end - start >= need {
                return Some((start, end));
            }
            i = end;
        }
    }

    /// Length of the longest run of FREE blocks.
    pub fn max_free_run(&self) -> usize {
        let (mut i, mut best) = (0, 0);
        while i < self.n {
            let start = self.next_free(i);
            let end = self.next_used(start);
            best = best.max(end - start);
            i = end;
        }
        best
    }

    /// Number of allocated blocks (HEAD, MARK or TAIL).
    pub fn count_used(&self) -> usize {
        self.groups
            .iter()
            .map(|g| (g.head | g.tm).count_ones() as usize)
            .sum()
    }

    /// Number of allocations (HEAD or MARK blocks).
    /// Allocations of one block, of two blocks, and the largest extent in blocks.
    pub fn extent_summary(&self) -> (usize, usize, usize) {
        let (mut one, mut two, mut largest) = (0, 0, 0);
        let mut i = self.next_used(0);
        while i < self.n {
            let n = self.extent(i);
            match n {
                1 => one += 1,
                2 => two += 1,
                _ => {}
            }
            largest = largest.max(n);
            i = self.next_used(i + n.max(1));
        }
        (one, two, largest)
    }

    pub fn count_heads(&self) -> usize {
        self.groups
            .iter()
            .map(|g| g.head.count_ones() as usize)
            .sum()
    }

    /// Mark the HEAD `h`. Returns false if it was already marked.
    #[inline]
    pub fn try_mark(&mut self, h: usize) -> bool {
        let bit = 1usize << (h % BITS);
        let g = &mut self.groups[h / BITS];
        let fresh = g.tm & bit == 0;
        g.tm |= bit;
        fresh
    }

    /// Is the finaliser bit of block `h` set?
    pub fn has_fin(&self, h: usize) -> bool {
        self.groups[h / BITS].fin & (1 << (h % BITS)) != 0
    }

    /// Set or clear the finaliser bit of HEAD `h`.
    pub fn set_fin(&mut self, h: usize, on: bool) {
        let bit = 1usize << (h % BITS);
        let g = &mut self.groups[h / BITS];
        if on {
            g.fin |= bit;
        } else {
            g.fin &= !bit;
        }
    }

    /// The first block `>= from` whose bits in `select(group)` are set, or `None`.
    #[inline]
    fn next_selected(&self, from: usize, select: impl Fn(&Group) -> usize) -> Option<usize> {
        if from >= self.n {
            return None;
        }
        let (mut w, b) = (from / BITS, from % BITS);
        let mut bits = select(&self.groups[w]) & (!0usize << b);
        loop {
            if bits != 0 {
                return Some(w * BITS + bits.trailing_zeros() as usize);
            }
            w += 1;
            if w == self.groups.len() {
                return None;
            }
            bits = select(&self.groups[w]);
        }
    }

    /// The first MARK block at or after `from`.
    pub fn next_marked(&self, from: usize) -> Option<usize> {
        self.next_selected(from, |g| g.head & g.tm)
    }

    /// The first unmarked HEAD with its finaliser bit, at or after `from`.
    pub fn next_unmarked_fin(&self, from: usize) -> Option<usize> {
        self.next_selected(from, |g| g.head & !g.tm & g.fin)
    }

    /// The sweep: every unmarked allocation becomes FREE and every MARK becomes a HEAD again.
    /// `finalise(h)` is called for each unmarked HEAD with its finaliser bit, before any of that
    /// word's bits change. Returns the number of blocks still allocated.
    ///
    /// Word-parallel: with `t` the TAILs and `m` the MARKs of a word, the tails that belong to
    /// marked allocations are those a carry clears in `t + (m << 1) + carry_in`: each MARK
    /// starts a carry at the block after it, which ripples exactly through its run of TAILs and
    /// stops at the first non-TAIL. A run that reaches the top bit carries into the next word.
    pub fn sweep(&mut self, mut finalise: impl FnMut(usize)) -> usize {
        let mut carry = 0usize;
        let mut used = 0usize;
        for (w, g) in self.groups.iter_mut().enumerate() {
            let (head, tm) = (g.head, g.tm);
            if head | tm | carry == 0 {
                continue;
            }
            let marked = head & tm;
            let tails = tm & !head;
            let mut dying_fin = head & !tm & g.fin;
            while dying_fin != 0 {
                finalise(w * BITS + dying_fin.trailing_zeros() as usize);
                dying_fin &= dying_fin - 1;
            }
            let (sum, c1) = tails.overflowing_add(marked << 1);
            let (sum, c2) = sum.overflowing_add(carry);
            let kept_tails = tails & !sum;
            carry = usize::from(c1 | c2) | (marked >> (BITS - 1));
            g.head = marked;
            g.tm = kept_tails;
            g.fin &= marked;
            used += (marked | kept_tails).count_ones() as usize;
        }
        used
    }

    /// Check the invariants listed in the module doc. `collecting` allows MARK blocks.
    pub fn verify(&self, collecting: bool) -> Result<(), &'static str> {
        let mut prev_top = 0usize; // 1 if the last block of the previous word is allocated
        for (w, g) in self.groups.iter().enumerate() {
            let valid = range_mask(0, (self.n - w * BITS).min(BITS));
            if (g.head | g.tm | g.fin) & !valid != 0 {
                return Err("gc: table bits set past the last block");
            }
            if !collecting && g.head & g.tm != 0 {
                return Err("gc: MARK block outside a collection");
            }
            if g.fin & !g.head != 0 {
                return Err("gc: finaliser bit on a block that is not a HEAD");
            }
            let used = g.head | g.tm;
            let tails = g.tm & !g.head;
            if tails & !((used << 1) | prev_top) != 0 {
                return Err("gc: TAIL block not preceded by a HEAD or TAIL");
            }
            prev_top = used >> (BITS - 1);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::boxed::Box;
    use alloc::vec;

    fn table(n: usize) -> Table {
        let groups = Box::leak(vec![Group::default(); Table::words_for(n)].into_boxed_slice());
        Table::new(groups, n)
    }

    #[test]
    fn range_masks() {
        assert_eq!(range_mask(0, 0), 0);
        assert_eq!(range_mask(0, 3), 0b111);
        assert_eq!(range_mask(2, 4), 0b1100);
        assert_eq!(range_mask(0, BITS), !0);
        assert_eq!(range_mask(BITS - 1, BITS), 1 << (BITS - 1));
        assert_eq!(range_mask(BITS, BITS), 0);
    }

    #[test]
    fn alloc_extent_head_of_across_words() {
        let mut t = table(300);
        t.set_alloc(3, 1, false);
        t.set_alloc(BITS - 2, BITS + 5, true);
        assert_eq!(t.extent(3), 1);
        assert_eq!(t.extent(BITS - 2), BITS + 5);
        assert_eq!(t.head_of(3), Some(3));
        assert_eq!(t.head_of(4), None);
        assert_eq!(t.head_of(BITS + 2), Some(BITS - 2));
        assert_eq!(t.head_of(2 * BITS + 2), Some(BITS - 2));
        assert_eq!(t.head_of(2 * BITS + 3), None);
        assert!(t.has_fin(BITS - 2));
        assert_eq!(t.count_used(), BITS + 6);
        assert_eq!(t.count_heads(), 2);
        t.verify(false).unwrap();
        assert_eq!(t.next_free(0), 0);
        assert_eq!(t.next_free(3), 4);
        assert_eq!(t.next_used(4), BITS - 2);
        assert_eq!(t.find_run(0, 5), Some((4, BITS - 2)));
        assert_eq!(t.find_run(0, 300), None);
        assert_eq!(t.max_free_run(), 300 - (2 * BITS + 3));
        t.clear_alloc(BITS - 2, BITS + 5);
        assert_eq!(t.count_used(), 1);
        assert!(!t.has_fin(BITS - 2));
        t.verify(false).unwrap();
    }

    #[test]
    fn find_run_stops_looking_beyond_the_cap() {
        let mut t = table(4 * RUN_CAP);
        assert_eq!(t.find_run(0, 1), Some((0, RUN_CAP)));
        assert_eq!(t.find_run(0, RUN_CAP + 5), Some((0, RUN_CAP + 5)));
        t.set_alloc(10, 1, false);
        assert_eq!(t.find_run(0, 20), Some((11, 11 + RUN_CAP)));
        assert_eq!(t.next_used_before(0, 5), 5);
        assert_eq!(t.next_used_before(0, 64), 10);
    }

    #[test]
    fn allocation_reaching_the_last_block() {
        let mut t = table(2 * BITS);
        t.set_alloc(BITS + 1, BITS - 1, false);
        assert_eq!(t.extent(BITS + 1), BITS - 1);
        assert_eq!(t.next_free(BITS + 1), 2 * BITS);
        assert_eq!(t.find_run(BITS, 2), None);
        t.verify(false).unwrap();
    }

    #[test]
    fn sweep_keeps_marked_runs_across_words() {
        let mut t = table(4 * BITS);
        // A: marked, spans words 0..2. B: unmarked, finaliser, spans 1..2. C: marked, 1 block.
        let (a, b, c) = (BITS - 3, 2 * BITS - 1, 2 * BITS + 7);
        t.set_alloc(a, BITS, false);
        t.set_alloc(b, 3, true);
        t.set_alloc(c, 1, true);
        t.set_alloc(c + 1, 2 * BITS - 8, false); // unmarked, ends at the last block
        assert!(t.try_mark(a));
        assert!(!t.try_mark(a));
        assert!(t.try_mark(c));
        t.verify(true).unwrap();
        assert!(t.verify(false).is_err());
        let mut finalised = alloc::vec::Vec::new();
        let used = t.sweep(|h| finalised.push(h));
        assert_eq!(finalised, [b]);
        assert_eq!(used, BITS + 1);
        assert_eq!(t.extent(a), BITS);
        assert_eq!(t.head_of(b), None);
        assert!(t.is_head(c) && t.has_fin(c));
        assert_eq!(t.count_used(), BITS + 1);
        t.verify(false).unwrap();
    }

    #[test]
    fn verify_finds_corruption() {
        let t = table(100);
        t.groups[0].tm = 1;
        assert!(t.verify(false).is_err());
        t.groups[0].tm = 0;
        t.groups[0].fin = 2;
        assert!(t.verify(false).is_err());
        t.groups[0].fin = 0;
        let last = t.groups.len() - 1;
        t.groups[last].head = 1 << (BITS - 1); // block 127: past the end
        assert!(t.verify(false).is_err());
    }
}
