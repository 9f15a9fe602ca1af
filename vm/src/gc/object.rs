//! Typed objects in the heap: the `Gc<T>` pointer, variable-size `VarObj<H, T>`, and the
//! allocation and drop helpers the object model builds on.
//!
//! Invariant: a `Gc<T>` points to an initialised `T` at the start of a heap allocation; it
//! stays valid while it is reachable from a root (stack, registers, a heap object, a root
//! region). Objects are shared and never moved: mutation goes through `Cell` fields, so only
//! `&T` is ever handed out. `Drop` is not run by the collector; the VM's `finalise` hook calls
//! `drop_object` for the objects it allocated with a finaliser.

use core::cell::Cell;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::Deref;
use core::ptr::{self, NonNull};

use super::BLOCK_SIZE;
use super::heap::Heap;

/// A pointer to an object in the GC heap. `Copy`, no lifetime; equality and hashing are by
/// address. Valid as long as it is reachable from a root: the conservative scan guarantees that
/// for any `Gc` held in a local variable. Never keep one only in memory the collector does not
/// scan (e.g. a `Vec` of the global allocator).
#[repr(transparent)]
pub struct Gc<T>(NonNull<T>);

impl<T> Gc<T> {
    /// The raw pointer.
    #[inline]
    pub fn as_ptr(self) -> *mut T {
        self.0.as_ptr()
    }

    /// The non-null pointer.
    #[inline]
    pub fn as_non_null(self) -> NonNull<T> {
        self.0
    }

    /// The object's address (what a `Value` holds).
    #[inline]
    pub fn addr(self) -> usize {
        self.0.as_ptr().addr()
    }

    /// The allocation's start, for `Heap::free`, `Heap::alloc_size` and the like.
    #[inline]
    pub fn erase(self) -> NonNull<u8> {
        self.0.cast()
    }

    /// Wrap a raw pointer.
    ///
    /// # Safety
    /// `p` must point to a live, initialised `T` at the start of a GC-heap allocation.
    #[inline]
    pub unsafe fn from_raw(p: NonNull<T>) -> Self {
        Gc(p)
    }

    /// Rebuild a `Gc` from an address (a `Value`'s pointer payload).
    ///
    /// # Safety
    /// As for `from_raw`: `addr` must be the start of a live, initialised `T` in the heap.
    #[inline]
    pub unsafe fn from_addr(addr: usize) -> Self {
        let p = ptr::with_exposed_provenance_mut::<T>(addr);
        // SAFETY: the caller promises `addr` is a heap object's address, never 0.
        Gc(unsafe { NonNull::new_unchecked(p) })
    }

    /// Reinterpret as a pointer to another type.
    ///
    /// # Safety
    /// The allocation must hold an initialised `U` at its start.
    #[inline]
    pub unsafe fn cast<U>(self) -> Gc<U> {
        Gc(self.0.cast())
    }
}

impl<T> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Gc<T> {}

impl<T> PartialEq for Gc<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<T> Eq for Gc<T> {}

impl<T> Hash for Gc<T> {
    fn hash<S: Hasher>(&self, state: &mut S) {
        self.addr().hash(state);
    }
}

impl<T> fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Gc({:#x})", self.addr())
    }
}

impl<T> Deref for Gc<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: by the type's invariant the pointee is a live, initialised `T`, kept alive
        // while this `Gc` (or the returned reference) is on the scanned stack or in registers.
        // Only shared references are ever created (mutation uses `Cell`s).
        unsafe { self.0.as_ref() }
    }
}

/// A variable-size object: a header `H` followed by `len` items of `T` in the same
/// allocation. Mutable storage is expressed by the item type (`Cell<Value>`, `Cell<u8>`).
#[repr(C)]
pub struct VarObj<H, T> {
    /// The fixed-size header.
    pub head: H,
    len: usize,
    items: [T; 0],
}

impl<H, T> VarObj<H, T> {
    /// Offset of the first item from the start of the object.
    pub const ITEMS_OFFSET: usize = core::mem::offset_of!(Self, items);
    /// Offset of the item count from the start of the object.
    pub const LEN_OFFSET: usize = core::mem::offset_of!(Self, len);

    /// Bytes an object with `len` items needs, or `None` on overflow.
    pub fn bytes_for(len: usize) -> Option<usize> {
        let items = core::mem::offset_of!(Self, items);
        items.checked_add(len.checked_mul(size_of::<T>())?)
    }

    /// Number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Are there no items?
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The items' start, with the provenance of the whole heap (a pointer derived from `&self`
    /// would only cover the header).
    #[inline]
    fn items_ptr(&self) -> *mut T {
        let addr = ptr::from_ref(self).addr() + core::mem::offset_of!(Self, items);
        ptr::with_exposed_provenance_mut(addr)
    }

    /// The items.
    #[inline]
    pub fn items(&self) -> &[T] {
        // SAFETY: `alloc_var` placed `len` initialised items right after the header, inside
        // the same allocation; they live as long as the object. `Heap::new` exposed the block
        // area's provenance. Items are only mutated through interior mutability.
        unsafe { core::slice::from_raw_parts(self.items_ptr(), self.len) }
    }
}

impl<H, T> Drop for VarObj<H, T> {
    fn drop(&mut self) {
        let items = ptr::slice_from_raw_parts_mut(self.items_ptr(), self.len);
        // SAFETY: the `len` items are initialised and owned by this object, which is being
        // dropped, so nothing uses them afterwards.
        unsafe { ptr::drop_in_place(items) };
    }
}

/// Drop the `T` at the start of a heap allocation in place (for the VM's `finalise` hook).
///
/// # Safety
/// `p` must point to an initialised `T` that has not been dropped, and nothing may use it as a
/// `T` afterwards.
pub unsafe fn drop_object<T>(p: NonNull<u8>) {
    // SAFETY: guaranteed by the caller.
    unsafe { ptr::drop_in_place(p.cast::<T>().as_ptr()) };
}

impl Heap {
    /// Allocate an object and move `value` into it. `None` as for `alloc` (then `value` is
    /// dropped; see `try_alloc_obj` to get it back).
    #[inline]
    pub fn alloc_obj<T>(&mut self, value: T, finaliser: bool) -> Option<Gc<T>> {
        self.try_alloc_obj(value, finaliser).ok()
    }

    /// Allocate an object and move `value` into it, or give `value` back if the heap is full
    /// (so the caller can collect and retry).
    #[inline]
    pub fn try_alloc_obj<T>(&mut self, value: T, finaliser: bool) -> Result<Gc<T>, T> {
        const {
            assert!(
                align_of::<T>() <= BLOCK_SIZE,
                "gc: object alignment above 16"
            )
        };
        let Some(p) = self.alloc(size_of::<T>(), finaliser) else {
            return Err(value);
        };
        let p = p.cast::<T>();
        // SAFETY: `p` is a fresh allocation of at least `size_of::<T>()` bytes, 16-aligned.
        unsafe { p.write(value) };
        Ok(Gc(p))
    }

    /// Allocate a `VarObj` with header `head` and `len` items, item `i` being `init(i)`.
    /// `None` as for `alloc`, or if the size overflows. If `init` panics, the object keeps
    /// the items made so far (its `len` counts them).
    pub fn alloc_var<H, T>(
        &mut self,
        head: H,
        len: usize,
        mut init: impl FnMut(usize) -> T,
        finaliser: bool,
    ) -> Option<Gc<VarObj<H, T>>> {
        const {
            assert!(
                align_of::<VarObj<H, T>>() <= BLOCK_SIZE,
                "gc: object alignment above 16"
            )
        };
        let p = self
            .alloc(VarObj::<H, T>::bytes_for(len)?, finaliser)?
            .cast::<VarObj<H, T>>()
            .as_ptr();
        // SAFETY: `p` is a fresh, 16-aligned allocation of `bytes_for(len)` bytes: room for
        // the header, `len` and `len` items. Fields are written through raw pointers before any
        // reference to the object exists; `len` always counts the items written.
        unsafe {
            ptr::addr_of_mut!((*p).head).write(head);
            ptr::addr_of_mut!((*p).len).write(0);
            let items = ptr::addr_of_mut!((*p).items).cast::<T>();
            for i in 0..len {
                items.add(i).write(init(i));
                ptr::addr_of_mut!((*p).len).write(i + 1);
            }
            Some(Gc(NonNull::new_unchecked(p)))
        }
    }

    /// Allocate a `VarObj` of `len` zero-initialised `Cell<u8>` bytes (strings, bytearrays).
    pub fn alloc_bytes<H>(
        &mut self,
        head: H,
        len: usize,
        finaliser: bool,
    ) -> Option<Gc<VarObj<H, Cell<u8>>>> {
        self.alloc_var(head, len, |_| Cell::new(0), finaliser)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::GcHooks;
    use alloc::rc::Rc;
    use core::hint::black_box;

    struct Pair {
        a: Cell<usize>,
        b: Cell<Option<Gc<Pair>>>,
    }

    #[test]
    fn alloc_obj_and_deref() {
        let mut h = Heap::with_capacity(1 << 16);
        let x = h
            .alloc_obj(
                Pair {
                    a: Cell::new(1),
                    b: Cell::new(None),
                },
                false,
            )
            .unwrap();
        let y = h
            .alloc_obj(
                Pair {
                    a: Cell::new(2),
                    b: Cell::new(Some(x)),
                },
                false,
            )
            .unwrap();
        x.a.set(10);
        assert_eq!(y.b.get().unwrap().a.get(), 10);
        assert_eq!(y.b.get(), Some(x));
        assert_ne!(x, y);
        assert_eq!(h.alloc_size(x.erase()), 16);
        assert!(alloc::format!("{x:?}").starts_with("Gc(0x"));
        // SAFETY: `x` is a live Pair.
        let x2 = unsafe { Gc::<Pair>::from_addr(x.addr()) };
        assert_eq!(x2, x);
        black_box((x, y));
    }

    #[test]
    fn try_alloc_obj_returns_value_when_full() {
        let mut h = Heap::with_capacity(0);
        assert_eq!(h.try_alloc_obj(5u64, false), Err(5));
        assert!(h.alloc_obj(5u64, false).is_none());
    }

    #[test]
    fn var_objects() {
        let mut h = Heap::with_capacity(1 << 16);
        let v = h.alloc_var(7u32, 5, |i| Cell::new(i * 3), false).unwrap();
        assert_eq!(v.head, 7);
        assert_eq!(v.len(), 5);
        let items: alloc::vec::Vec<usize> = v.items().iter().map(Cell::get).collect();
        assert_eq!(items, [0, 3, 6, 9, 12]);
        v.items()[2].set(100);
        assert_eq!(v.items()[2].get(), 100);
        assert_eq!(h.alloc_size(v.erase()), 64); // 16 header + 40 items, rounded
        let e = h.alloc_var((), 0, |_| 0u8, false).unwrap();
        assert!(e.is_empty() && e.items().is_empty());
        let s = h.alloc_bytes(1u8, 33, false).unwrap();
        assert_eq!(s.len(), 33);
        assert!(s.items().iter().all(|c| c.get() == 0));
        assert!(h.alloc_var((), usize::MAX / 2, |_| 0u64, false).is_none());
        h.verify().unwrap();
    }

    /// Finaliser hook that drops the objects it is told about as `VarObj<Rc<()>, Rc<()>>`.
    struct Dropper;

    impl GcHooks for Dropper {
        fn resurrect(&mut self, _: NonNull<u8>) -> bool {
            false
        }
        fn finalise(&mut self, p: NonNull<u8>) {
            // SAFETY: only such objects are allocated with the finaliser bit in this test.
            unsafe { drop_object::<VarObj<Rc<()>, Rc<()>>>(p) };
        }
    }

    #[test]
    fn finaliser_drops_header_and_items() {
        let rc = Rc::new(());
        #[inline(never)]
        fn make(h: &mut Heap, rc: &Rc<()>) {
            black_box(h.alloc_var(rc.clone(), 3, |_| rc.clone(), true).unwrap());
        }
        let mut h = Heap::with_capacity(1 << 16);
        make(&mut h, &rc);
        assert_eq!(Rc::strong_count(&rc), 5);
        // No stack top: nothing is scanned, so the object is garbage.
        h.collect(&[], &mut Dropper);
        assert_eq!(Rc::strong_count(&rc), 1);
        assert_eq!(h.stats().used, 0);
    }
}
