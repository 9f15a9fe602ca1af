//! The virtual machine state: the heap, the interner, the built-in types, the module table and
//! the thread state (the exception being handled, call depth), plus allocation with
//! collect-and-retry and the error constructors every part uses.
//!
//! Invariant: a `Vm` lives on the native stack of the thread that runs Python code (never in a
//! `Box`), below the stack top given to the heap, so the collector's conservative stack scan sees
//! every value it holds.

use crate::gc::{Gc, GcHooks, Heap, VarObj};
use crate::interner::Interner;
use crate::obj::exc::ExcObj;
use crate::obj::typeobj::flags as tflags;
use crate::obj::{Header, Kind, TypeObj};
use crate::types::{ExcKind, Types};
use crate::value::Value;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;
use core::ptr::NonNull;
use core::sync::atomic::{AtomicBool, Ordering};

/// A raised exception: the exception instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyErr(pub Value);

/// The result of anything that can raise.
pub type PyResult<T = Value> = Result<T, PyErr>;

/// The highest recursion limit `sys.setrecursionlimit` sets. Calls also stop, with the same
/// RecursionError, when the native stack nears its end (`Vm::too_deep`), so a host's large
/// interpreter stack allows CPython-like depths and a board's small one stays safe.
pub const MAX_RECURSION_LIMIT: usize = i32::MAX as usize;

/// The attention flag: something waits for the next check point (backward jumps and calls;
/// native code reads this byte): a Ctrl-C or a scheduled callback.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Set (with [`INTERRUPTED`]) by the host's Ctrl-C handler.
pub static KEYBOARD_INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Ctrl-C: raise `KeyboardInterrupt` at the next check point (callable from a signal handler).
pub fn signal_keyboard_interrupt() {
    KEYBOARD_INTERRUPT.store(true, Ordering::Relaxed);
    INTERRUPTED.store(true, Ordering::Relaxed);
}

/// Native stack kept free below [`Vm::stack_limit`] for the work a call does between checks
/// (compiling, formatting, helpers): an eighth of the stack, at most this much.
const STACK_RESERVE: usize = 32 * 1024;

/// The stack limit for a stack of `size` bytes whose top is `top` (0: unknown, no limit).
pub fn stack_limit_for(top: usize, size: usize) -> usize {
    if top == 0 || size == 0 {
        return 0;
    }
    top.saturating_sub(size) + (size / 8).min(STACK_RESERVE)
}

/// How many callbacks `micropython.schedule` queues (MicroPython's default depth).
pub const SCHEDULE_DEPTH: usize = 8;

/// A file-system request from the `os` module (paths as given by the program).
#[derive(Clone, Copy, Debug)]
pub enum FsOp<'a> {
    /// The names in a directory.
    ListDir(&'a str),
    /// Make a directory.
    MakeDir(&'a str),
    /// Remove an empty directory.
    RemoveDir(&'a str),
    /// Remove a file.
    Remove(&'a str),
    /// Rename (move) the first path to the second.
    Rename(&'a str, &'a str),
    /// A path's metadata.
    Stat(&'a str),
    /// The current directory.
    GetCwd,
    /// Change the current directory.
    ChangeDir(&'a str),
}

/// The answer to an [`FsOp`].
#[derive(Clone, Debug)]
pub enum FsReply {
    /// Done; nothing to return.
    Done,
    /// Directory entries.
    Names(Vec<String>),
    /// A path.
    Path(String),
    /// `stat` fields in `os.stat_result` order: mode, ino, dev, nlink, uid, gid, size, atime,
    /// mtime, ctime.
    Stat([i64; 10]),
}

/// What the VM needs from the machine it runs on.
pub trait Host {
    /// Write to standard output (1) or standard error (2).
    fn write(&mut self, fd: i32, data: &[u8]);
    /// Flush standard output.
    fn flush(&mut self) {}
    /// Read one line from standard input (with its newline), `None` at end of input.
    fn read_line(&mut self) -> Option<String>;
    /// Read a whole file.
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>>;
    /// Does `path` exist as a directory?
    fn is_dir(&mut self, path: &str) -> bool;
    /// Seconds since the epoch.
    fn time(&mut self) -> f64;
    /// A monotonic clock in nanoseconds.
    fn monotonic_ns(&mut self) -> u64;
    /// Sleep.
    fn sleep_ns(&mut self, ns: u64);
    /// Open a file; returns a handle or an errno.
    fn open(&mut self, path: &str, mode: &str) -> Result<u32, i32>;
    /// Read up to `n` bytes (`None` = all) from a handle.
    fn read(&mut self, handle: u32, n: Option<usize>) -> Result<Vec<u8>, i32>;
    /// Write to a handle.
    fn write_handle(&mut self, handle: u32, data: &[u8]) -> Result<usize, i32>;
    /// Close a handle.
    fn close(&mut self, handle: u32);
    /// A file-system operation for the `os` module, or an errno (ENOSYS where the host has
    /// no file system).
    fn fs(&mut self, _op: FsOp<'_>) -> Result<FsReply, i32> {
        Err(38)
    }
    /// Move a file's position (`whence` 0: from the start, 1: from the current position, 2:
    /// from the end) and return the new position; an errno (ESPIPE by default) if the host
    /// cannot.
    fn seek(&mut self, _handle: u32, _offset: i64, _whence: i32) -> Result<u64, i32> {
        Err(29)
    }
    /// Exit the process.
    fn exit(&mut self, code: i32) -> !;
    /// Read `width` bytes (1, 2 or 4) of device memory at an aligned `address` (`machine.mem*`).
    fn read_memory(&mut self, _address: usize, _width: u8) -> Result<u32, MemoryAccess> {
        Err(MemoryAccess::NoDevices)
    }
    /// Write device memory.
    fn write_memory(
        &mut self,
        _address: usize,
        _width: u8,
        _value: u32,
    ) -> Result<(), MemoryAccess> {
        Err(MemoryAccess::NoDevices)
    }
    /// Reset the machine; returns only where that is not possible.
    fn reset(&mut self) {}
    /// The CPU clock in Hz, where known.
    fn cpu_freq(&mut self) -> Option<u32> {
        None
    }
    /// Wait for something to happen (an interrupt), to save power.
    fn idle(&mut self) {}
    /// Bytes identifying this machine (`machine.unique_id()`).
    fn unique_id(&mut self) -> Vec<u8> {
        Vec::new()
    }
    /// Bytes the Rust allocator (big-int digits, the compiler's working data, re's matching
    /// state: all outside the GC heap) can still hand out, where that is bounded (a board's
    /// RAM): work that would not fit is a `MemoryError` instead of a failed allocation, which
    /// Rust cannot recover from.
    fn native_heap_room(&mut self) -> usize {
        usize::MAX
    }
}

/// Why `machine.mem*` could not access an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemoryAccess {
    /// The host has no memory-mapped devices (a process on an operating system).
    NoDevices,
    /// Nothing is mapped there: the access would fault the core.
    Unmapped,
}

/// Settings chosen on the command line.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `-O`.
    pub optimize: bool,
    /// `micropython.opt_level()`: 1 with `-O`; from 3 on, compiled code keeps no line numbers
    /// (tracebacks say line 1), as in MicroPython.
    pub opt_level: u8,
    /// `-X emit=`.
    pub default_emitter: frontend::bytecode::Emitter,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.path` entries after the script's directory.
    pub path: Vec<String>,
    /// Collect at every allocation (GC stress testing).
    pub gc_stress: bool,
    /// Bytes of stack the interpreter runs on (0 if unknown), for `micropython.mem_info`.
    pub stack_size: usize,
}

/// The virtual machine.
pub struct Vm {
    /// The garbage-collected heap.
    pub heap: Heap,
    /// Interned strings.
    pub interner: Interner,
    /// Built-in types.
    pub types: Types,
    /// `()`.
    pub empty_tuple: Value,
    /// `''`.
    pub empty_str: Value,
    /// The `builtins` module's dict.
    pub builtins: Value,
    /// The address of that dict's version stamp (native code's `BUILTINS_VERSION`), found once
    /// rather than at every entry into machine code.
    pub builtins_stamp: *const u64,
    /// `sys.modules`.
    pub modules: Value,
    /// The `sys` module.
    pub sys: Value,
    /// The exception currently being handled (None when none).
    pub handled: Value,
    /// What the caller of the running generator was handling when it resumed it: the
    /// generator's frame gives that back where it stops handling an exception of its own, so a
    /// generator suspended in an `except` block neither leaks its exception to its caller nor
    /// brings back a stale one when resumed by another.
    pub gen_outer_handled: Value,
    /// Python call depth.
    pub depth: usize,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: usize,
    /// The lowest native-stack address a Python call may start from (0: no limit). Calls below
    /// it raise `RecursionError`, so a board's small stack cannot overflow into other memory
    /// whatever the recursion limit says.
    pub stack_limit: usize,
    /// A preallocated `MemoryError` instance.
    pub memory_error: Value,
    /// Objects kept alive for their pending `__del__` (a tuple or NULL).
    pub pending_del: Value,
    /// Machine services.
    pub host: Box<dyn Host>,
    /// Settings.
    pub config: Config,
    /// Allocations since the last collection (bytes).
    pub allocated_since_gc: usize,
    /// Collect once this many bytes were allocated (keeps collections proportional to work).
    pub gc_threshold: usize,
    /// Set by `gc.threshold(n)`: the threshold stays as the program set it.
    pub gc_threshold_fixed: bool,
    /// Bytes allocated before the last collection, over the whole run (`micropython.mem_total`).
    /// (64 bits: on a 32-bit board a long run allocates more than 4 GiB in all.)
    pub allocated_before_gc: u64,
    /// Most heap bytes in use seen at a collection or a query (`micropython.mem_peak`).
    pub peak_used: usize,
    /// Whether automatic collection is enabled (`gc.disable()`).
    pub gc_enabled: bool,
    /// Whether we are inside a collection (finalisers must not allocate).
    pub collecting: bool,
    /// Objects being printed by `repr` (cycle detection; a list or NULL).
    pub scratch: Value,
    /// Source text of loaded files by name (tracebacks print source lines).
    pub sources: alloc::collections::BTreeMap<String, String>,
    /// `sys.get_int_max_str_digits()`: the longest decimal int<->str conversion (0 = no limit).
    pub int_max_str_digits: usize,
    /// Recycled frame blocks.
    pub frame_pool: crate::interp::frame::FramePool,
    /// Cached class-attribute lookups.
    pub method_cache: crate::obj::method_cache::MethodCache,
    /// `object.__new__` and `object.__init__`, which every instantiation compares against (the
    /// attributes of `object` cannot be changed).
    pub object_new: Value,
    /// See `object_new`.
    pub object_init: Value,
    /// The last dict version stamp handed out: every change to a dict's key set gives it a
    /// stamp no dict has had, so a cached (version, position) is valid exactly while the
    /// version is unchanged (see `GlobalCache`).
    pub dict_stamp: u64,
    /// The block of the innermost running frame (see `interp::frame::FRAME_META`), or NULL.
    pub current_frame: Value,
    /// `micropython.schedule`'s queue: a list of (callback, argument) pairs, or NULL.
    pub scheduled: Value,
    /// A scheduled callback is running.
    pub in_scheduled: bool,
    /// `schedule(kbd_intr)` is pending.
    pub kbd_scheduled: bool,
    /// The runtime helper table native code calls through (`emit::helpers::ctx::HELPERS`).
    pub helper_table: alloc::vec::Vec<usize>,
    /// The host backend for native code, made on first use (a template: each source compiles
    /// into a unit of its own).
    #[cfg(feature = "jit")]
    pub jit: Option<alloc::boxed::Box<emit::cranelift::Jit>>,
    /// The unit of code memory the source being loaded compiles into.
    #[cfg(feature = "jit")]
    pub jit_unit: Option<alloc::rc::Rc<crate::native::jit::NativeUnit>>,
}

impl Vm {
    /// Allocate `size` raw bytes (zeroed), collecting and retrying once when the heap is full.
    #[inline]
    pub fn alloc_raw(&mut self, size: usize, finaliser: bool) -> PyResult<NonNull<u8>> {
        self.allocated_since_gc += size;
        if self.allocated_since_gc > self.gc_threshold || self.config.gc_stress {
            self.collect();
        }
        match self.heap.alloc(size, finaliser) {
            Some(p) => Ok(p),
            None => self.alloc_after_collect(size, finaliser),
        }
    }

    #[cold]
    fn alloc_after_collect(&mut self, size: usize, finaliser: bool) -> PyResult<NonNull<u8>> {
        if !self.heap.is_locked() {
            self.collect_now();
            if let Some(p) = self.heap.alloc(size, finaliser) {
                return Ok(p);
            }
        }
        Err(self.memory_error())
    }

    /// Bytes allocated over the whole run (`micropython.mem_total`).
    pub fn allocated_total(&self) -> u64 {
        self.allocated_before_gc + self.allocated_since_gc as u64
    }

    /// The most heap bytes in use seen so far, counting now (`micropython.mem_peak`).
    pub fn peak_used(&mut self) -> usize {
        self.peak_used = self.peak_used.max(self.heap.used_bytes());
        self.peak_used
    }

    /// Run `f` with the heap lock lifted. MicroPython keeps call frames, loop iterators and a
    /// `for` loop's range on the C stack, and makes exceptions in an emergency buffer, so all of
    /// them work while the heap is locked; Pyrite makes them on the heap, through this.
    #[inline]
    pub fn outside_heap_lock<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> R {
        if !self.heap.is_locked() {
            return f(self);
        }
        let depth = self.heap.unlock_all();
        let r = f(self);
        self.heap.relock(depth);
        r
    }

    /// Allocate `obj` on the heap.
    #[inline]
    pub fn alloc<T>(&mut self, obj: T, finaliser: bool) -> PyResult<Gc<T>> {
        let p = self.alloc_raw(core::mem::size_of::<T>(), finaliser)?;
        Ok(crate::gc::init_obj(p, obj))
    }

    /// Allocate a variable-size object of `len` items made by `init` (which must not allocate).
    #[inline]
    pub fn alloc_var<H, T>(
        &mut self,
        head: H,
        len: usize,
        init: impl FnMut(usize) -> T,
        finaliser: bool,
    ) -> PyResult<Gc<VarObj<H, T>>> {
        let p = self.alloc_raw(crate::gc::var_size::<H, T>(len), finaliser)?;
        Ok(crate::gc::init_var(p, head, len, init))
    }

    /// Allocate `len` value cells, all NULL (the heap zeroes what it hands out, so the cells
    /// need no writes): hash tables and frame blocks, which can be large.
    pub fn alloc_null_cells(&mut self, len: usize) -> PyResult<Gc<crate::obj::ValueArray>> {
        let size = crate::gc::var_size::<(), Cell<Value>>(len);
        let p = self.alloc_raw(size, false)?;
        Ok(crate::gc::init_null_cells(p, len))
    }

    /// Allocate an instance of `ty` whose layout is `T`, adding the attribute-dict slot that
    /// user subclasses of built-in types have.
    pub fn alloc_instance<T>(&mut self, ty: Gc<TypeObj>, obj: T) -> PyResult<Value> {
        let size = ty.instance_size.get().max(core::mem::size_of::<T>());
        let finaliser = ty.has(tflags::HAS_DEL) || needs_drop_kind(ty.kind);
        let p = self.alloc_raw(size, finaliser)?;
        Ok(Value::from_obj(crate::gc::init_obj(p, obj)))
    }

    /// Run a collection if automatic collection is enabled.
    pub fn collect(&mut self) {
        if self.gc_enabled {
            self.collect_now();
        }
    }

    /// End this VM's objects: every heap object's Rust-side resources (big-int digits, code,
    /// machine code) are released, without running `__del__` methods, so the heap's memory can
    /// be reused by a new VM (a board's soft reset). The VM must not run code afterwards.
    pub fn release_all(&mut self) {
        let mut hooks = Finaliser {
            resurrected: Vec::new(),
        };
        self.heap.release_all(&mut hooks);
    }

    /// Run a full collection, then any pending `__del__` methods.
    pub fn collect_now(&mut self) {
        if self.collecting || self.heap.is_locked() {
            return;
        }
        self.collecting = true;
        self.peak_used();
        self.allocated_before_gc += self.allocated_since_gc as u64;
        let mut hooks = Finaliser {
            resurrected: Vec::new(),
        };
        self.heap.collect(&[], &mut hooks);
        self.collecting = false;
        self.allocated_since_gc = 0;
        let (used, total) = (self.heap.used_bytes(), self.heap.total_bytes());
        let free = total - used;
        // Collect again after the live size (at least a sixteenth of the heap) has been
        // allocated: marking work per allocated byte stays bounded, and survivors stay packed
        // near the bottom of the heap, which keeps large free runs available.
        if !self.gc_threshold_fixed {
            self.gc_threshold = used
                .max(total / 16)
                .max(64 * 1024)
                .min(free / 2 + 16 * 1024);
        }
        if !hooks.resurrected.is_empty() {
            self.run_del(hooks.resurrected);
        }
    }

    fn run_del(&mut self, objs: Vec<usize>) {
        // Keep them reachable while `__del__` runs: an array allocated without collecting.
        let Some(p) = self
            .heap
            .alloc(crate::gc::var_size::<(), Value>(objs.len()), false)
        else {
            return;
        };
        let keep = crate::gc::init_var(p, (), objs.len(), |i| Value::from_bits(objs[i]));
        let keep_v = Value::from_bits(keep.addr());
        let saved = self.pending_del;
        self.pending_del = keep_v;
        for &o in crate::gc::var_items_static(keep) {
            if o.obj_kind() == Some(Kind::Generator) {
                if let Err(e) = crate::interp::generator::gen_close(self, o) {
                    let what = match self.repr_text(o) {
                        Ok(r) => alloc::format!("Exception ignored in: {r}"),
                        Err(_) => String::from("Exception ignored in: generator"),
                    };
                    let _ = crate::ops::traceback::write_unraisable(self, e, &what);
                }
                continue;
            }
            let name = crate::interner::names::DEL;
            if let Ok(Some(m)) = crate::ops::attr::lookup_special(self, o, name)
                && let Err(e) = self.call(m, &[])
            {
                let _ = crate::ops::traceback::write_unraisable(
                    self,
                    e,
                    "Exception ignored in: __del__",
                );
            }
        }
        self.pending_del = saved;
    }

    /// Poll the attention flag (backward jumps and calls).
    #[inline(always)]
    pub fn check_interrupt(&mut self) -> PyResult<()> {
        if INTERRUPTED.load(Ordering::Relaxed) {
            return self.attend();
        }
        Ok(())
    }

    /// The attention flag was set: raise `KeyboardInterrupt` after a Ctrl-C or a scheduled
    /// `kbd_intr`, else run the callbacks queued so far, oldest first. Nothing runs while a
    /// scheduled callback runs: what it schedules waits for the next check point after it.
    #[cold]
    pub fn attend(&mut self) -> PyResult<()> {
        INTERRUPTED.store(false, Ordering::Relaxed);
        if KEYBOARD_INTERRUPT.swap(false, Ordering::Relaxed) {
            self.rearm_schedule();
            return Err(self.new_exc(ExcKind::KeyboardInterrupt, ""));
        }
        if self.in_scheduled {
            return Ok(());
        }
        if self.kbd_scheduled {
            self.kbd_scheduled = false;
            self.rearm_schedule();
            return Err(self.new_exc(ExcKind::KeyboardInterrupt, ""));
        }
        for _ in 0..self.scheduled_len() {
            let l = self
                .scheduled
                .as_ref::<crate::obj::list::ListObj>()
                .expect("list");
            let f = l.items()[0].get();
            let arg = l.items()[1].get();
            self.list_remove_at(l, 0);
            self.list_remove_at(l, 0);
            self.in_scheduled = true;
            let r = self.call(f, &[arg]);
            self.in_scheduled = false;
            if let Err(e) = r {
                self.rearm_schedule();
                return Err(e);
            }
        }
        self.rearm_schedule();
        Ok(())
    }

    /// Set the attention flag again if scheduled work is left.
    fn rearm_schedule(&self) {
        if self.kbd_scheduled || self.scheduled_len() > 0 {
            INTERRUPTED.store(true, Ordering::Relaxed);
        }
    }

    /// `micropython.schedule(kbd_intr)`: raise `KeyboardInterrupt` at the next check point
    /// outside scheduled callbacks (once, however often it is scheduled).
    pub fn schedule_keyboard_interrupt(&mut self) {
        self.kbd_scheduled = true;
        INTERRUPTED.store(true, Ordering::Relaxed);
    }

    /// Callbacks waiting in the schedule queue.
    pub fn scheduled_len(&self) -> usize {
        self.scheduled
            .as_ref::<crate::obj::list::ListObj>()
            .map_or(0, |l| l.len() / 2)
    }

    /// `micropython.schedule(f, arg)`: queue `f(arg)` for the next check point. Works while the
    /// heap is locked (the queue is made with room for all of it); RuntimeError when full.
    pub fn schedule(&mut self, f: Value, arg: Value) -> PyResult<()> {
        if self.scheduled.is_null() {
            self.scheduled = self.outside_heap_lock(|vm| {
                let l = vm.new_list(&[])?;
                let lo = l.as_ref::<crate::obj::list::ListObj>().expect("list");
                vm.list_reserve(lo, 2 * SCHEDULE_DEPTH)?;
                Ok(l)
            })?;
        }
        if self.scheduled_len() >= SCHEDULE_DEPTH {
            return Err(self.new_exc(ExcKind::RuntimeError, "schedule queue full"));
        }
        let l = self
            .scheduled
            .as_ref::<crate::obj::list::ListObj>()
            .expect("list");
        self.outside_heap_lock(|vm| {
            vm.list_append(l, f)?;
            vm.list_append(l, arg)
        })?;
        INTERRUPTED.store(true, Ordering::Relaxed);
        Ok(())
    }

    // ---- exceptions ----

    /// A new exception instance of built-in kind `kind` with message `msg` (no args when empty).
    pub fn new_exc(&mut self, kind: ExcKind, msg: &str) -> PyErr {
        let ty = self.types.exc(kind);
        self.new_exc_of_type(ty, msg)
    }

    /// A new exception instance of class `ty` with message `msg`.
    pub fn new_exc_of_type(&mut self, ty: Gc<TypeObj>, msg: &str) -> PyErr {
        self.outside_heap_lock(|vm| {
            let args = if msg.is_empty() {
                Ok(vm.empty_tuple)
            } else {
                vm.new_str(msg).and_then(|s| vm.new_tuple(&[s]))
            };
            match args {
                Ok(args) => match vm.new_exc_with_args(ty, args) {
                    Ok(e) => PyErr(e),
                    Err(e) => e,
                },
                Err(e) => e,
            }
        })
    }

    /// A new exception instance with the given `args` tuple.
    pub fn new_exc_with_args(&mut self, ty: Gc<TypeObj>, args: Value) -> PyResult<Value> {
        let obj = ExcObj {
            header: Header::new(ty),
            dict: Cell::new(Value::NULL),
            args: Cell::new(args),
            traceback: Cell::new(Value::NONE),
            cause: Cell::new(Value::NONE),
            context: Cell::new(Value::NONE),
            suppress_context: Cell::new(false),
            notes: Cell::new(Value::NULL),
        };
        self.alloc_instance(ty, obj)
    }

    /// Refuse with `MemoryError` a big-int result of about `bits` bits that the Rust allocator
    /// could not hold together with the operation's temporaries (the operands' copies and the
    /// multiplication's scratch, a few times the result).
    pub fn check_big_result(&mut self, bits: u64) -> PyResult<()> {
        let bytes = usize::try_from(bits / 8).unwrap_or(usize::MAX);
        if bytes < 4096 {
            return Ok(());
        }
        self.check_native_room(bytes.saturating_mul(3))
    }

    /// Refuse with `MemoryError` work that needs about `bytes` of the Rust allocator's RAM
    /// where the host says it has less (with a margin for what runs alongside).
    pub fn check_native_room(&mut self, bytes: usize) -> PyResult<()> {
        let need = bytes.saturating_add(16 * 1024);
        if need > self.host.native_heap_room() {
            // Garbage big ints and code hold memory there too: collect them, then look again.
            self.collect_now();
            if need > self.host.native_heap_room() {
                return Err(self.memory_error());
            }
        }
        Ok(())
    }

    /// The MemoryError made at start-up (allocating one could fail), fresh for this raise: no
    /// traceback or context left from an earlier one.
    pub fn memory_error(&mut self) -> PyErr {
        if let Some(e) = self.memory_error.as_ref::<crate::obj::exc::ExcObj>() {
            e.traceback.set(Value::NONE);
            e.context.set(Value::NONE);
            e.cause.set(Value::NONE);
            e.suppress_context.set(false);
        }
        PyErr(self.memory_error)
    }

    /// `TypeError(msg)`.
    pub fn type_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exc(ExcKind::TypeError, msg.as_ref())
    }

    /// `ValueError(msg)`.
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exc(ExcKind::ValueError, msg.as_ref())
    }

    /// `RuntimeError(msg)`.
    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exc(ExcKind::RuntimeError, msg.as_ref())
    }

    /// `IndexError(msg)`.
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exc(ExcKind::IndexError, msg.as_ref())
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let ty = self.types.exc(ExcKind::KeyError);
        match self
            .new_tuple(&[key])
            .and_then(|args| self.new_exc_with_args(ty, args))
        {
            Ok(e) => PyErr(e),
            Err(e) => e,
        }
    }

    /// `AttributeError(msg)`.
    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exc(ExcKind::AttributeError, msg.as_ref())
    }

    /// `OverflowError(msg)`.
    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exc(ExcKind::OverflowError, msg.as_ref())
    }

    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exc(ExcKind::ZeroDivisionError, msg.as_ref())
    }

    /// `NotImplementedError(msg)`.
    pub fn not_implemented(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_exc(ExcKind::NotImplementedError, msg.as_ref())
    }

    /// Is `exc` an instance of built-in exception kind `kind`?
    pub fn exc_is(&self, exc: Value, kind: ExcKind) -> bool {
        let Some(ty) = exc.obj_type() else {
            return false;
        };
        crate::obj::typeobj::is_subtype(&ty, Value::from_obj(self.types.exc(kind)))
    }

    /// The type object of any value.
    #[inline]
    pub fn type_of(&self, v: Value) -> Gc<TypeObj> {
        if v.is_small_int() {
            return self.types.int;
        }
        if let Some(h) = v.header() {
            return h.ty.get();
        }
        if v.as_qstr().is_some() {
            return self.types.str;
        }
        match v {
            Value::NONE => self.types.none_type,
            Value::TRUE | Value::FALSE => self.types.bool,
            Value::ELLIPSIS => self.types.ellipsis_type,
            Value::NOT_IMPLEMENTED => self.types.not_implemented_type,
            _ => self.types.object,
        }
    }

    /// The name of `v`'s type, for error messages.
    pub fn type_name(&self, v: Value) -> &'static str {
        let t = self.type_of(v);
        if t == self.types.iterator
            && let Some(it) = v.as_ref::<crate::obj::IterObj>()
        {
            return iterator_name(self, it);
        }
        t.name_str(self)
    }

    /// Is `v` an instance of the built-in type `ty` or a subclass?
    pub fn isinstance_type(&self, v: Value, ty: Gc<TypeObj>) -> bool {
        let t = self.type_of(v);
        t == ty || crate::obj::typeobj::is_subtype(&t, Value::from_obj(ty))
    }
}

fn needs_drop_kind(kind: Kind) -> bool {
    matches!(kind, Kind::Int | Kind::Code | Kind::Native)
}

/// The collector's callbacks: drop Rust-owned resources, and keep objects with `__del__` alive
/// until their method has run.
struct Finaliser {
    resurrected: Vec<usize>,
}

impl GcHooks for Finaliser {
    fn resurrect(&mut self, p: NonNull<u8>) -> bool {
        let v = Value::from_bits(p.as_ptr() as usize);
        let Some(h) = v.header() else { return false };
        let ty = h.ty.get();
        if ty.has(tflags::HAS_DEL)
            || (ty.kind == Kind::Generator && crate::interp::generator::needs_close(v))
        {
            self.resurrected.push(p.as_ptr() as usize);
            return true;
        }
        false
    }

    fn finalise(&mut self, p: NonNull<u8>) {
        let v = Value::from_bits(p.as_ptr() as usize);
        let Some(h) = v.header() else { return };
        crate::gc::finalise_object(h.ty.get().kind, p);
    }
}

/// The name CPython gives the built-in iterator `it` (Pyrite has one iterator type for them all).
fn iterator_name(vm: &Vm, it: &crate::obj::IterObj) -> &'static str {
    use crate::obj::IterKind;
    match it.iter_kind.get() {
        IterKind::List => "list_iterator",
        IterKind::ListReversed => "list_reverseiterator",
        IterKind::Tuple => "tuple_iterator",
        IterKind::Str => match vm.str_of(it.a.get()) {
            Some(s) if !s.is_ascii() => "str_iterator",
            _ => "str_ascii_iterator",
        },
        IterKind::Bytes if it.a.get().obj_kind() == Some(crate::obj::Kind::ByteArray) => {
            "bytearray_iterator"
        }
        IterKind::Bytes => "bytes_iterator",
        IterKind::Range | IterKind::RangeWide => "range_iterator",
        IterKind::DictKeys => "dict_keyiterator",
        IterKind::DictValues => "dict_valueiterator",
        IterKind::DictItems => "dict_itemiterator",
        IterKind::Set => "set_iterator",
        IterKind::CallIter => "callable_iterator",
        _ => "iterator",
    }
}
