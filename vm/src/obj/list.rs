//! `list` and `bytearray`: growable arrays whose storage is a separate GC block, so the object's
//! address stays fixed while it grows. Growth follows CPython's over-allocation (about 1/8 extra),
//! which keeps a list of n small ints near 8n bytes.

use super::{ByteArray, Header, ValueArray};
use crate::gc::Gc;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

/// A list.
#[repr(C)]
pub struct ListObj {
    /// Header.
    pub header: Header,
    /// The storage (None when empty and never grown).
    pub storage: Cell<Option<Gc<ValueArray>>>,
    /// Number of items in use.
    pub len: Cell<usize>,
}

/// A bytearray.
#[repr(C)]
pub struct ByteArrayObj {
    /// Header.
    pub header: Header,
    /// The storage.
    pub storage: Cell<Option<Gc<ByteArray>>>,
    /// Number of bytes in use.
    pub len: Cell<usize>,
}

fn grown_capacity(needed: usize) -> usize {
    needed + (needed >> 3) + if needed < 9 { 3 } else { 6 }
}

impl ListObj {
    /// The items in use.
    #[inline(always)]
    pub fn items(&self) -> &[Cell<Value>] {
        match self.storage.get() {
            // SAFETY-free: `items()` of a live array; the list keeps its storage reachable.
            Some(s) => &crate::gc::var_items_static(s)[..self.len.get()],
            None => &[],
        }
    }

    /// Item `i` (unchecked against len beyond the slice bounds check).
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items().get(i).map(|c| c.get())
    }

    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Is the list empty?
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    fn capacity(&self) -> usize {
        self.storage.get().map_or(0, |s| s.len())
    }
}

impl Vm {
    /// A new list holding a copy of `items`.
    pub fn new_list(&mut self, items: &[Value]) -> PyResult<Value> {
        let ty = self.types.list;
        self.new_list_of_type(ty, items)
    }

    /// A new list of type `ty` (a list subclass) holding `items`.
    pub fn new_list_of_type(&mut self, ty: Gc<super::TypeObj>, items: &[Value]) -> PyResult<Value> {
        self.new_list_with(ty, items.len(), |i| items[i])
    }

    /// A new list of type `ty` holding `n` items, item `i` being `item(i)`. `item` runs after
    /// the storage is allocated, so it may read objects the allocation could not free only
    /// because they are reachable (another list's items, say).
    pub fn new_list_with(
        &mut self,
        ty: Gc<super::TypeObj>,
        n: usize,
        item: impl Fn(usize) -> Value,
    ) -> PyResult<Value> {
        let storage = if n == 0 {
            None
        } else {
            Some(self.alloc_var((), n, |i| Cell::new(item(i)), false)?)
        };
        let obj = ListObj {
            header: Header::new(ty),
            storage: Cell::new(storage),
            len: Cell::new(n),
        };
        let g = self.alloc_instance(ty, obj)?;
        Ok(g)
    }

    /// Make room for `additional` more items.
    pub fn list_reserve(&mut self, list: &ListObj, additional: usize) -> PyResult<()> {
        let needed = list.len() + additional;
        if needed <= list.capacity() {
            return Ok(());
        }
        let cap = grown_capacity(needed);
        let old = list.storage.get();
        let len = list.len();
        let new = self.alloc_var(
            (),
            cap,
            |i| {
                Cell::new(match old {
                    Some(o) if i < len => crate::gc::var_items_static(o)[i].get(),
                    _ => Value::NULL,
                })
            },
            false,
        )?;
        list.storage.set(Some(new));
        if let Some(o) = old {
            self.heap.free(o.erase());
        }
        Ok(())
    }

    /// `list.append(v)`.
    #[inline]
    pub fn list_append(&mut self, list: &ListObj, v: Value) -> PyResult<()> {
        let len = list.len();
        if len == list.capacity() {
            self.list_reserve(list, 1)?;
        }
        let s = list.storage.get().expect("reserved");
        crate::gc::var_items_static(s)[len].set(v);
        list.len.set(len + 1);
        Ok(())
    }

    /// Insert `v` at `index` (already clamped to `0..=len`).
    pub fn list_insert(&mut self, list: &ListObj, index: usize, v: Value) -> PyResult<()> {
        self.list_reserve(list, 1)?;
        let s = crate::gc::var_items_static(list.storage.get().expect("reserved"));
        let len = list.len();
        let mut i = len;
        while i > index {
            s[i].set(s[i - 1].get());
            i -= 1;
        }
        s[index].set(v);
        list.len.set(len + 1);
        Ok(())
    }

    /// Remove and return item `index` (in range).
    pub fn list_remove_at(&mut self, list: &ListObj, index: usize) -> Value {
        let items = list.items();
        let v = items[index].get();
        for i in index..items.len() - 1 {
            items[i].set(items[i + 1].get());
        }
        items[items.len() - 1].set(Value::NULL);
        list.len.set(items.len() - 1);
        v
    }

    /// Replace items `start..stop` (`start <= stop`, both clamped to the length) with `new`,
    /// moving the items after them once. `new` must not be this list's own storage.
    pub fn list_splice(
        &mut self,
        list: &ListObj,
        start: usize,
        stop: usize,
        new: &[Value],
    ) -> PyResult<()> {
        let len = list.len();
        let stop = stop.min(len);
        let start = start.min(stop);
        let removed = stop - start;
        if new.len() > removed {
            self.list_reserve(list, new.len() - removed)?;
        }
        let new_len = len - removed + new.len();
        let s = match list.storage.get() {
            Some(s) => crate::gc::var_items_static(s),
            None => return Ok(()),
        };
        let tail = start + new.len();
        if tail < stop {
            for i in stop..len {
                s[i - removed + new.len()].set(s[i].get());
            }
            for c in &s[new_len..len] {
                c.set(Value::NULL);
            }
        } else if tail > stop {
            for i in (stop..len).rev() {
                s[i - removed + new.len()].set(s[i].get());
            }
        }
        for (c, &v) in s[start..tail].iter().zip(new) {
            c.set(v);
        }
        list.len.set(new_len);
        Ok(())
    }

    /// Truncate or clear.
    pub fn list_truncate(&mut self, list: &ListObj, len: usize) {
        let items = list.items();
        for c in items.iter().skip(len) {
            c.set(Value::NULL);
        }
        if len < items.len() {
            list.len.set(len);
        }
    }

    /// A new bytearray holding `b`.
    pub fn new_bytearray(&mut self, b: &[u8]) -> PyResult<Value> {
        let ty = self.types.bytearray;
        let storage = if b.is_empty() {
            None
        } else {
            Some(self.alloc_var((), b.len(), |i| Cell::new(b[i]), false)?)
        };
        let obj = ByteArrayObj {
            header: Header::new(ty),
            storage: Cell::new(storage),
            len: Cell::new(b.len()),
        };
        self.alloc_instance(ty, obj)
    }

    /// Append bytes to a bytearray.
    pub fn bytearray_extend(&mut self, ba: &ByteArrayObj, b: &[u8]) -> PyResult<()> {
        if b.is_empty() {
            // An empty bytearray may have no storage at all.
            return Ok(());
        }
        let len = ba.len.get();
        let cap = ba.storage.get().map_or(0, |s| s.len());
        if len + b.len() > cap {
            let newcap = grown_capacity(len + b.len());
            let old = ba.storage.get();
            let new = self.alloc_var(
                (),
                newcap,
                |i| {
                    Cell::new(match old {
                        Some(o) if i < len => crate::gc::var_items_static(o)[i].get(),
                        _ => 0,
                    })
                },
                false,
            )?;
            ba.storage.set(Some(new));
        }
        let s = crate::gc::var_items_static(ba.storage.get().expect("reserved"));
        for (i, &c) in b.iter().enumerate() {
            s[len + i].set(c);
        }
        ba.len.set(len + b.len());
        Ok(())
    }
}

impl ByteArrayObj {
    /// The bytes in use.
    pub fn items(&self) -> &[Cell<u8>] {
        match self.storage.get() {
            Some(s) => &crate::gc::var_items_static(s)[..self.len.get()],
            None => &[],
        }
    }

    /// Copy out the contents.
    pub fn to_vec(&self) -> alloc::vec::Vec<u8> {
        self.items().iter().map(|c| c.get()).collect()
    }
}
