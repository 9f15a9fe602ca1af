//! An activation record: the code being run, its globals, and one GC block of slots laid out as
//! `[locals | cells and free variables | value stack]`.
//!
//! Ordinary calls keep the `Frame` itself on the Rust stack (so its slot block is found by the
//! conservative scan); generators keep the same fields in their `GenObj` between resumptions.

use crate::obj::func::CodeObj;
use crate::obj::ValueArray;
use crate::gc::Gc;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

/// Words at the start of a frame's block describing it (code, globals, namespace), so
/// `locals()`, `globals()` and `eval` can find the running frame from `Vm::current_frame`.
pub const FRAME_META: usize = 3;

/// The code, globals and namespace dict (NULL for functions) recorded in a frame block.
pub fn frame_meta(block: Value) -> Option<(Value, Value, Value, &'static [Cell<Value>])> {
    let items = crate::gc::var_items_static(block.downcast_raw_array()?);
    if items.len() < FRAME_META {
        return None;
    }
    Some((items[0].get(), items[1].get(), items[2].get(), &items[FRAME_META..]))
}

/// A running (or suspended) frame.
pub struct Frame {
    /// The code object.
    pub code: &'static CodeObj,
    /// The module globals (a dict).
    pub globals: Value,
    /// The namespace dict of module and class bodies (NULL for functions).
    pub locals: Value,
    /// The slots: locals, then cells/frees, then the value stack.
    pub slots: &'static [Cell<Value>],
    /// The block holding `slots` (kept so generators can store it).
    pub block: Gc<ValueArray>,
    /// Index of the first cell slot.
    pub cell_base: usize,
    /// Index of the first stack slot.
    pub stack_base: usize,
    /// Next free stack slot.
    pub sp: usize,
    /// Next instruction.
    pub ip: usize,
    /// The function being run (NULL for module code).
    pub func: Value,
}

impl Frame {
    /// A frame for `code` with all locals unbound and an empty stack.
    pub fn new(vm: &mut Vm, code: &'static CodeObj, globals: Value, locals: Value, func: Value) -> PyResult<Frame> {
        let info = &code.info;
        let nlocals = info.varnames.len();
        let cell_base = nlocals;
        let stack_base = cell_base + info.nderefs();
        let size = stack_base + info.stacksize as usize;
        let meta = [Value::from_ref(code), globals, locals];
        let block = vm.alloc_var(
            (),
            size + FRAME_META,
            |i| Cell::new(if i < FRAME_META { meta[i] } else { Value::NULL }),
            false,
        )?;
        let slots = &crate::gc::var_items_static(block)[FRAME_META..];
        Ok(Frame { code, globals, locals, slots, block, cell_base, stack_base, sp: stack_base, ip: 0, func })
    }

    /// Push onto the value stack.
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.slots[self.sp].set(v);
        self.sp += 1;
    }

    /// Pop from the value stack.
    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.sp -= 1;
        self.slots[self.sp].get()
    }

    /// The value `n` below the top (0 = top).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> Value {
        self.slots[self.sp - 1 - n].get()
    }

    /// Replace the top of the stack.
    #[inline(always)]
    pub fn set_top(&mut self, v: Value) {
        self.slots[self.sp - 1].set(v);
    }

    /// The top `n` stack values.
    #[inline(always)]
    pub fn top_n(&self, n: usize) -> &'static [Cell<Value>] {
        &self.slots[self.sp - n..self.sp]
    }

    /// The current source line.
    pub fn line(&self) -> u32 {
        self.code.info.line_of(self.ip.saturating_sub(1))
    }
}

/// View a slice of cells as values (they have the same layout).
#[inline(always)]
pub fn cells_as_values(cells: &[Cell<Value>]) -> &[Value] {
    crate::gc::cells_as_values(cells)
}
