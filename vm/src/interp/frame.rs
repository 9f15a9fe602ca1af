//! An activation record: the code being run, its globals, and one GC block of slots laid out as
//! `[locals | cells and free variables | value stack]`.
//!
//! Ordinary calls keep the `Frame` itself on the Rust stack (so its slot block is found by the
//! conservative scan); generators keep the same fields in their `GenObj` between resumptions.

use crate::gc::Gc;
use crate::obj::ValueArray;
use crate::obj::func::CodeObj;
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
    Some((
        items[0].get(),
        items[1].get(),
        items[2].get(),
        &items[FRAME_META..],
    ))
}

/// Words of a frame block for `code`: the description, locals, cells and free variables, and
/// the value stack (`CodeObj::frame_words`).
pub fn frame_words(code: &frontend::bytecode::CodeObject) -> usize {
    FRAME_META + code.varnames.len() + code.nderefs() + code.stacksize as usize
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
    /// Next free stack slot. (Between the bases on purpose: native code's context copies both
    /// bases, and as neighbours here the copy became one 16-byte load of two 8-byte stores made
    /// just before, which the processor cannot forward: a stall on every native call.)
    pub sp: usize,
    /// Index of the first stack slot.
    pub stack_base: usize,
    /// Next instruction.
    pub ip: usize,
    /// The function being run (NULL for module code).
    pub func: Value,
}

impl Frame {
    /// A frame for `code` with all locals unbound and an empty stack.
    pub fn new(
        vm: &mut Vm,
        code: &'static CodeObj,
        globals: Value,
        locals: Value,
        func: Value,
    ) -> PyResult<Frame> {
        let info = &code.info;
        let cell_base = info.varnames.len();
        let stack_base = cell_base + info.nderefs();
        let block = frame_block(vm, code.frame_words as usize)?;
        let all = crate::gc::var_items_static(block);
        all[0].set(Value::from_ref(code));
        all[1].set(globals);
        all[2].set(locals);
        let slots = &all[FRAME_META..];
        Ok(Frame {
            code,
            globals,
            locals,
            slots,
            block,
            cell_base,
            stack_base,
            sp: stack_base,
            ip: 0,
            func,
        })
    }

    /// A function's frame with `args` in its first locals, for code whose calls need no other
    /// binding (`CodeObj::plain_arity`).
    #[inline(always)]
    pub fn with_args(
        vm: &mut Vm,
        code: &'static CodeObj,
        globals: Value,
        func: Value,
        args: &[Value],
    ) -> PyResult<Frame> {
        let block = frame_block(vm, code.frame_words as usize)?;
        let all = crate::gc::var_items_static(block);
        all[0].set(Value::from_ref(code));
        all[1].set(globals);
        let slots = &all[FRAME_META..];
        // Most calls pass a few arguments: a call to `memcpy` would cost more than the copy.
        match *args {
            [] => {}
            [a] => slots[0].set(a),
            [a, b] => {
                slots[0].set(a);
                slots[1].set(b);
            }
            _ => {
                for (slot, &a) in slots.iter().zip(args) {
                    slot.set(a);
                }
            }
        }
        let base = code.info.varnames.len();
        Ok(Frame {
            code,
            globals,
            locals: Value::NULL,
            slots,
            block,
            cell_base: base,
            stack_base: base,
            sp: base,
            ip: 0,
            func,
        })
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

/// Frame blocks come in size classes of `POOL_GRAIN` words so a returning frame's block can be
/// reused by the next call instead of becoming garbage.
const POOL_GRAIN: usize = 8;
/// Number of size classes kept.
pub const POOL_CLASSES: usize = 16;
/// Blocks kept per size class: enough for a recursion to go this many calls deeper than it
/// has been without allocating, for the small frames most functions have.
pub const POOL_DEPTH: usize = 16;
/// Blocks kept per size class above `SMALL_CLASSES` (larger frames are rarer and each costs
/// more memory to keep).
const POOL_DEPTH_LARGE: usize = 4;
/// Size classes (of `POOL_GRAIN` words) that count as small.
const SMALL_CLASSES: usize = 4;

/// Recycled frame blocks by size class (lives in the `Vm`, so the collector sees it).
pub struct FramePool {
    blocks: [[Option<Gc<ValueArray>>; POOL_DEPTH]; POOL_CLASSES],
    counts: [u8; POOL_CLASSES],
}

impl Default for FramePool {
    fn default() -> Self {
        FramePool {
            blocks: [[None; POOL_DEPTH]; POOL_CLASSES],
            counts: [0; POOL_CLASSES],
        }
    }
}

fn size_class(words: usize) -> usize {
    words.div_ceil(POOL_GRAIN)
}

/// A block of at least `words` cells, all NULL: a pooled one when there is one.
#[inline(always)]
fn frame_block(vm: &mut Vm, words: usize) -> PyResult<Gc<ValueArray>> {
    let class = size_class(words);
    if class < POOL_CLASSES {
        let n = vm.frame_pool.counts[class] as usize;
        if n > 0 {
            vm.frame_pool.counts[class] -= 1;
            if let Some(g) = vm.frame_pool.blocks[class][n - 1].take() {
                return Ok(g);
            }
        }
    }
    new_frame_block(vm, words)
}

/// A new block for a frame of `words`, rounded up to its pool class. Frames are the
/// interpreter's stack, which MicroPython keeps on the C stack: a call works while the heap is
/// locked.
#[inline(never)]
fn new_frame_block(vm: &mut Vm, words: usize) -> PyResult<Gc<ValueArray>> {
    let class = size_class(words);
    let words = if class < POOL_CLASSES {
        class * POOL_GRAIN
    } else {
        words
    };
    vm.outside_heap_lock(|vm| vm.alloc_null_cells(words))
}

/// Give a finished frame's block back for reuse (never a generator's: it outlives the call).
/// Only its first `used` words (the code's `frame_words`) can have been set.
pub fn release_frame_block(vm: &mut Vm, block: Gc<ValueArray>, used: usize) {
    let items = crate::gc::var_items_static(block);
    let class = items.len() / POOL_GRAIN;
    if !items.len().is_multiple_of(POOL_GRAIN) || class >= POOL_CLASSES {
        return;
    }
    let n = vm.frame_pool.counts[class] as usize;
    let depth = if class <= SMALL_CLASSES {
        POOL_DEPTH
    } else {
        POOL_DEPTH_LARGE
    };
    if n >= depth {
        return;
    }
    // A frame is a few words: plain stores beat a call to `memset`, which the compiler would
    // make of a loop storing a known zero.
    let null = core::hint::black_box(Value::NULL);
    for c in &items[..used] {
        c.set(null);
    }
    vm.frame_pool.blocks[class][n] = Some(block);
    vm.frame_pool.counts[class] += 1;
}

/// View a slice of cells as values (they have the same layout).
#[inline(always)]
pub fn cells_as_values(cells: &[Cell<Value>]) -> &[Value] {
    crate::gc::cells_as_values(cells)
}
