//! The VM's typed entry points into the heap: placing objects into raw blocks the VM allocated
//! (so it can collect and retry between allocating and initialising), `'static` views of
//! variable-size items, and running the right destructor for a dying object.

use super::object::{Gc, VarObj};
use crate::obj::Kind;
use crate::value::Value;
use core::cell::Cell;
use core::ptr::{self, NonNull};

/// Bytes a `VarObj<H, T>` with `len` items needs (saturating: an absurd size fails to allocate).
pub fn var_size<H, T>(len: usize) -> usize {
    VarObj::<H, T>::bytes_for(len).unwrap_or(usize::MAX)
}

/// Move `obj` into the fresh block `p` (at least `size_of::<T>()` bytes, from `Heap::alloc`).
pub fn init_obj<T>(p: NonNull<u8>, obj: T) -> Gc<T> {
    const { assert!(core::mem::align_of::<T>() <= super::BLOCK_SIZE) };
    let p = p.cast::<T>();
    // SAFETY: `p` is a fresh, 16-aligned heap block large enough for `T` (the caller asked
    // `Heap::alloc` for at least `size_of::<T>()` bytes); nothing else refers to it yet.
    unsafe {
        p.as_ptr().write(obj);
        Gc::from_raw(p)
    }
}

/// Like `init_obj`, for an object that needs its own address (the `type` type is its own class).
pub fn init_obj_self_typed<T>(p: NonNull<u8>, make: impl FnOnce(Gc<T>) -> T) -> Gc<T> {
    let p = p.cast::<T>();
    // SAFETY: as in `init_obj`; the `Gc` handed to `make` is only stored, not dereferenced,
    // before the write below initialises the object.
    unsafe {
        let g = Gc::from_raw(p);
        p.as_ptr().write(make(g));
        g
    }
}

/// Build a `VarObj` of `len` NULL cells in the fresh block `p` (at least
/// `var_size::<(), Cell<Value>>(len)` bytes), which the heap handed out zeroed: NULL is all zero
/// bits, so only the length is written.
pub fn init_null_cells(
    p: NonNull<u8>,
    len: usize,
) -> Gc<VarObj<(), core::cell::Cell<crate::value::Value>>> {
    const _: () = assert!(crate::value::Value::NULL.bits() == 0);
    #[repr(C)]
    struct Layout {
        head: (),
        len: usize,
    }
    let raw = p.cast::<Layout>().as_ptr();
    // SAFETY: as in `init_var`, with `H = ()`; the items are already zero, which is the bit
    // pattern of a `Cell<Value>` holding NULL.
    unsafe {
        ptr::addr_of_mut!((*raw).len).write(len);
        Gc::from_raw(p.cast())
    }
}

/// Build a `VarObj` in the fresh block `p` (at least `var_size::<H, T>(len)` bytes).
pub fn init_var<H, T>(
    p: NonNull<u8>,
    head: H,
    len: usize,
    mut init: impl FnMut(usize) -> T,
) -> Gc<VarObj<H, T>> {
    #[repr(C)]
    struct Layout<H> {
        head: H,
        len: usize,
    }
    let raw = p.cast::<Layout<H>>().as_ptr();
    // SAFETY: `VarObj<H, T>` is `repr(C)` with `head`, `len`, then the items, so `Layout<H>`
    // is its prefix; the block holds `var_size(len)` bytes. `len` counts only written items.
    unsafe {
        ptr::addr_of_mut!((*raw).head).write(head);
        ptr::addr_of_mut!((*raw).len).write(0);
        let items_off = core::mem::offset_of!(VarObj<H, T>, head) + var_size::<H, T>(0);
        let items = (p.as_ptr().add(items_off)).cast::<T>();
        for i in 0..len {
            items.add(i).write(init(i));
            ptr::addr_of_mut!((*raw).len).write(i + 1);
        }
        Gc::from_raw(p.cast::<VarObj<H, T>>())
    }
}

/// The items of a variable-size object with an unbounded lifetime: valid while the object is
/// reachable (the conservative scan keeps it alive while any pointer into it is on the stack).
#[inline(always)]
pub fn var_items_static<H, T>(g: Gc<VarObj<H, T>>) -> &'static [T] {
    // SAFETY: the object is live (see the `Gc` invariant); an interior pointer kept on the stack
    // keeps the whole block alive, so the slice stays valid while it is in use.
    unsafe { &*ptr::from_ref((*g.as_ptr()).items()) }
}

/// A slice of value cells viewed as plain values.
#[inline(always)]
pub fn cells_as_values(cells: &[Cell<Value>]) -> &[Value] {
    // SAFETY: `Cell<Value>` has the same layout as `Value`. The slice is only read while the
    // callee runs; the VM never writes the argument slots of a frame that is making a call.
    unsafe { &*(ptr::from_ref(cells) as *const [Value]) }
}

/// Fill item `i` of a tuple that was just created and is not yet visible to Python code.
pub fn tuple_fill(t: Value, i: usize, v: Value) {
    let items = crate::obj::tuple::items(t);
    if i < items.len() {
        // SAFETY: tuples are immutable only once published; this runs while the tuple is still
        // private to the code that built it (zip/map results, set reprs), and the slot is in bounds.
        unsafe { ptr::from_ref(&items[i]).cast_mut().write(v) };
    }
}

/// Run the Rust destructor of a dying object whose type has layout `kind`.
pub fn finalise_object(kind: Kind, p: NonNull<u8>) {
    // SAFETY: the collector calls this once for an unreachable block allocated with the
    // finaliser bit, which the VM sets only for these layouts; the object is not used afterwards.
    unsafe {
        match kind {
            Kind::Int => super::drop_object::<crate::obj::IntObj>(p),
            Kind::Code => super::drop_object::<crate::obj::func::CodeObj>(p),
            Kind::Native => super::drop_object::<crate::native_types::NativeObj>(p),
            _ => {}
        }
    }
}
