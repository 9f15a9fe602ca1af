//! Inline fast paths on the VM's built-in objects (native code): stepping a `range` or `list`
//! iterator and indexing a list with a small int, read straight from the objects through the
//! VM's [`Layout`](crate::helpers::Layout). Anything else -- other types, subclasses, negative or
//! out-of-range indexes -- takes the same helper the plain lowering calls, so behaviour is the
//! interpreter's either way.

use alloc::vec::Vec;

use frontend::bytecode::opcodes::Op;

use super::{Entry, Lower, Mode, Res, flow};
use crate::helpers::{Helper, imm};
use crate::ir::{BinOp, Block, Cond, Inst, Term, Ty, VReg, Width};

impl Lower<'_> {
    /// `next(it)` for `FOR_ITER`: the next value, or `imm::STOP` when `it` is exhausted.
    pub(super) fn for_iter_value(&mut self, it: VReg) -> Res<VReg> {
        let Some(l) = self.layout else {
            let r = self.call(Helper::ForIter, &[it], Ty::Obj);
            self.check_obj(r)?;
            return Ok(r);
        };
        let result = self.f.vreg(Ty::Obj);
        let join = self.f.block();
        let slow = self.f.block();
        let range = self.f.block();
        let list_check = self.f.block();
        let list = self.f.block();

        // A built-in iterator?
        self.unless_exact_type(it, l.iter_type, slow);
        let kind = self.f.vreg(Ty::Int);
        self.load(Width::W8, kind, it, l.iter_kind);
        let k_range = self.iconst(Ty::Int, i64::from(l.kind_range));
        let is_range = self.cmp(Cond::Eq, kind, k_range);
        self.branch(is_range, range, list_check);

        // range: `index` runs towards `end` by the small int `step` held in `a`.
        self.cur = Some(range);
        let i = self.f.vreg(Ty::Int);
        self.load(Width::Word, i, it, l.iter_index);
        let end = self.f.vreg(Ty::Int);
        self.load(Width::Word, end, it, l.iter_end);
        let tagged_step = self.f.vreg(Ty::Int);
        self.load(Width::Word, tagged_step, it, l.iter_a);
        let one = self.iconst(Ty::Int, 1);
        let step = self.bin(BinOp::Sar, Ty::Int, tagged_step, one);
        let zero = self.iconst(Ty::Int, 0);
        let up = self.cmp(Cond::Gt, step, zero);
        let (rising, falling, take, stop) = (
            self.f.block(),
            self.f.block(),
            self.f.block(),
            self.f.block(),
        );
        self.branch(up, rising, falling);
        self.cur = Some(rising);
        let more = self.cmp(Cond::Lt, i, end);
        self.branch(more, take, stop);
        self.cur = Some(falling);
        let more = self.cmp(Cond::Gt, i, end);
        self.branch(more, take, stop);
        self.cur = Some(take);
        let next = self.bin(BinOp::Add, Ty::Int, i, step);
        self.store(Width::Word, next, it, l.iter_index);
        let shifted = self.bin(BinOp::Shl, Ty::Int, i, one);
        let boxed = self.bin(BinOp::Or, Ty::Int, shifted, one);
        self.set_and_jump(result, boxed, join);
        self.cur = Some(stop);
        let s = self.iconst(Ty::Obj, imm::STOP);
        self.set_and_jump(result, s, join);

        // list: `index` counts up to the list's current length.
        self.cur = Some(list_check);
        let k_list = self.iconst(Ty::Int, i64::from(l.kind_list));
        let is_list = self.cmp(Cond::Eq, kind, k_list);
        self.branch(is_list, list, slow);
        self.cur = Some(list);
        let lst = self.f.vreg(Ty::Ptr);
        self.load(Width::Word, lst, it, l.iter_a);
        let i = self.f.vreg(Ty::Int);
        self.load(Width::Word, i, it, l.iter_index);
        let (item, done) = self.list_item(lst, i)?;
        let (take, exhausted) = (self.f.block(), self.f.block());
        self.branch(done, exhausted, take);
        self.cur = Some(take);
        let one = self.iconst(Ty::Int, 1);
        let next = self.bin(BinOp::Add, Ty::Int, i, one);
        self.store(Width::Word, next, it, l.iter_index);
        self.set_and_jump(result, item, join);
        self.cur = Some(exhausted);
        // As the interpreter does: an exhausted list iterator stays exhausted.
        let k_done = self.iconst(Ty::Int, i64::from(l.kind_done));
        self.store(Width::W8, k_done, it, l.iter_kind);
        let s = self.iconst(Ty::Obj, imm::STOP);
        self.set_and_jump(result, s, join);

        self.slow_call(slow, Helper::ForIter, &[it], (result, join))
    }

    /// The contents of cell or free variable `i` for `LOAD_DEREF`: read from the cell in the
    /// frame; an empty cell takes the `LoadDeref` helper, which raises the error.
    pub(super) fn deref_value(&mut self, i: u32) -> Res<VReg> {
        let index = self.iconst(Ty::Int, i64::from(i));
        let Some(l) = self.layout else {
            let r = self.call(Helper::LoadDeref, &[index], Ty::Obj);
            self.check_obj(r)?;
            return Ok(r);
        };
        let (result, join, slow) = (self.f.vreg(Ty::Obj), self.f.block(), self.f.block());
        let cell = self.f.vreg(Ty::Ptr);
        let slot = self.cell_base() + i;
        self.load_slot(cell, slot);
        let v = self.f.vreg(Ty::Obj);
        self.load(Width::Word, v, cell, l.cell_value);
        let full = self.f.block();
        self.branch(v, full, slow);
        self.cur = Some(full);
        self.set_and_jump(result, v, join);
        self.slow_call(slow, Helper::LoadDeref, &[index], (result, join))
    }

    /// `CALL` of `range(...)` whose result the next instruction, `GET_ITER`, iterates (a `for`
    /// loop): when the callee is the built-in `range` and the arguments are small ints, the
    /// iterator is made directly (`RangeIter`), without the call or the range object; else the
    /// call and `iter()` run as usual. Either way the iterator is left on the stack for that
    /// `GET_ITER` to pass over. False when the pattern does not apply.
    pub(super) fn range_for_loop(&mut self, nargs: u32) -> Res<bool> {
        let Some(l) = self.layout else {
            return Ok(false);
        };
        let next = self.ip as usize + 1;
        let iterated = matches!(flow::op_at(self.code, next), Some((Op::GetIter, _)))
            && !self.flow.leader[next];
        let depth = self.stack.len();
        let n = nargs as usize;
        if self.mode != Mode::Native || !(1..=3).contains(&n) || !iterated || depth < n + 1 {
            return Ok(false);
        }
        let Entry::Val(callee) = self.stack[depth - n - 1] else {
            return Ok(false);
        };
        let names_range = |name: &u32| self.code.names[*name as usize] == "range";
        if !self.globals_in.get(&callee.0).is_some_and(names_range) {
            return Ok(false);
        }
        let mut args = Vec::with_capacity(n);
        for i in depth - n..depth {
            let v = self.to_obj(self.stack[i])?;
            self.stack[i] = Entry::Val(v);
            args.push(v);
        }
        let (result, join) = (self.f.vreg(Ty::Obj), self.f.block());
        let (small_args, fast, slow) = (self.f.block(), self.f.block(), self.f.block());

        let range = self.iconst(Ty::Obj, l.range_type as i64);
        let is_range = self.cmp(Cond::Eq, callee, range);
        self.branch(is_range, small_args, slow);
        self.cur = Some(small_args);
        // Small ints are the only values with the low bit set.
        let mut all = args[0];
        for &v in &args[1..] {
            all = self.bin(BinOp::And, Ty::Int, all, v);
        }
        let tag = self.iconst(Ty::Int, imm::SMALL_INT_TAG);
        let tagged = self.bin(BinOp::And, Ty::Int, all, tag);
        self.branch(tagged, fast, slow);

        self.cur = Some(fast);
        let small = |lower: &mut Self, i: i64| lower.iconst(Ty::Obj, (i << 1) | imm::SMALL_INT_TAG);
        let (start, stop, step) = match *args.as_slice() {
            [stop] => (small(self, 0), stop, small(self, 1)),
            [start, stop] => (start, stop, small(self, 1)),
            [start, stop, step] => (start, stop, step),
            _ => unreachable!("one to three arguments"),
        };
        let it = self.call(Helper::RangeIter, &[start, stop, step], Ty::Obj);
        self.check_obj(it)?;
        self.set_and_jump(result, it, join);

        self.cur = Some(slow);
        self.run_for_value(Helper::Call, n + 1)?;
        let r = self.pop_obj()?;
        let it = self.call(Helper::GetIter, &[r], Ty::Obj);
        self.check_obj(it)?;
        self.set_and_jump(result, it, join);

        self.cur = Some(join);
        self.push(result);
        self.iter_ready = Some(result);
        Ok(true)
    }

    /// A global's value for `LOAD_GLOBAL`: read through the code's cache for the name while the
    /// cache is valid (the globals dict, and for a builtin the builtins dict, unchanged since the
    /// interpreter filled it), else the `LoadGlobal` helper, which refills it. Dict stamps are
    /// 64-bit, so 32-bit targets always take the helper.
    pub(super) fn global_value(&mut self, name: u32) -> Res<VReg> {
        let n = self.iconst(Ty::Int, i64::from(name));
        let Some(l) = self.layout.filter(|_| self.wide()) else {
            let r = self.call(Helper::LoadGlobal, &[n], Ty::Obj);
            self.check_obj(r)?;
            return Ok(r);
        };
        let (result, join, slow) = (self.f.vreg(Ty::Obj), self.f.block(), self.f.block());
        let (in_globals, builtin, read) = (self.f.block(), self.f.block(), self.f.block());
        // Name indexes are instruction operands (24 bits): the offset fits an i32.
        let at = name as i32 * l.global_cache_size;

        let cache = self.f.vreg(Ty::Ptr);
        self.load_ctx(cache, crate::helpers::ctx::GLOBAL_CACHE);
        let globals_stamp = self.f.vreg(Ty::Ptr);
        self.load_ctx(globals_stamp, crate::helpers::ctx::GLOBALS_VERSION);
        let cached = self.f.vreg(Ty::Int);
        self.load(Width::Word, cached, cache, at + l.cache_globals_version);
        let now = self.f.vreg(Ty::Int);
        self.load(Width::Word, now, globals_stamp, 0);
        let same = self.cmp(Cond::Eq, cached, now);
        self.branch(same, in_globals, slow);

        // The stamp of the dict holding the name: the globals', or for a builtin the builtins'.
        self.cur = Some(in_globals);
        let holder = self.f.vreg(Ty::Ptr);
        self.emit(Inst::Mov {
            dst: holder,
            src: globals_stamp,
        });
        let cached_builtins = self.f.vreg(Ty::Int);
        self.load(
            Width::Word,
            cached_builtins,
            cache,
            at + l.cache_builtins_version,
        );
        self.branch(cached_builtins, builtin, read);
        self.cur = Some(builtin);
        let builtins_stamp = self.f.vreg(Ty::Ptr);
        self.load_ctx(builtins_stamp, crate::helpers::ctx::BUILTINS_VERSION);
        let now = self.f.vreg(Ty::Int);
        self.load(Width::Word, now, builtins_stamp, 0);
        let same = self.cmp(Cond::Eq, cached_builtins, now);
        self.emit(Inst::Mov {
            dst: holder,
            src: builtins_stamp,
        });
        self.branch(same, read, slow);

        // The value word of entry `index` (entries are hash, key, value).
        self.cur = Some(read);
        let entries = self.f.vreg(Ty::Ptr);
        // `holder` points at the dict's stamp.
        self.load(
            Width::Word,
            entries,
            holder,
            l.dict_entries - l.dict_version,
        );
        let index = self.f.vreg(Ty::Int);
        self.load(Width::Word, index, cache, at + l.cache_index);
        let entry = self.dict_entry(entries, index);
        // A deleted entry reads as NULL; the helper raises the NameError.
        self.entry_value(entry, (result, slow, join));

        self.slow_call(slow, Helper::LoadGlobal, &[n], (result, join))
    }

    /// `obj.name` for `LOAD_ATTR`: a plain instance's own attribute read from its dict where the
    /// code's attribute cache for the name says it is (the cache names the instance's type and
    /// the class namespaces are unchanged since it was filled; the entry must still hold the
    /// name), else the `LoadAttr` helper, which fills the cache. 64-bit targets (the generation
    /// is a `u64`).
    pub(super) fn attr_value(&mut self, obj: VReg, name: u32) -> Res<VReg> {
        let n = self.iconst(Ty::Int, i64::from(name));
        if self.layout.filter(|_| self.wide()).is_none() {
            let r = self.call(Helper::LoadAttr, &[obj, n], Ty::Obj);
            self.check_obj(r)?;
            return Ok(r);
        }
        let (result, join, slow) = (self.f.vreg(Ty::Obj), self.f.block(), self.f.block());
        self.branch_unless_heap_object(obj, slow);
        let l = self.layout.expect("checked above");
        let ty = self.f.vreg(Ty::Ptr);
        self.load(Width::Word, ty, obj, l.type_ptr);
        let entry = self.cached_instance_entry(obj, ty, name, slow);
        self.entry_value(entry, (result, slow, join));
        self.slow_call(slow, Helper::LoadAttr, &[obj, n], (result, join))
    }

    /// `obj.names[name] = v` for `STORE_ATTR`: written straight into the instance dict entry
    /// the code's attribute cache names, as `attr_value` reads it, when the type has no
    /// `__setattr__` or `__getattribute__` and the entry holds a value; else the `StoreAttr`
    /// helper (which adds new attributes and fills the cache).
    pub(super) fn store_attr(&mut self, obj: VReg, name: u32, v: VReg) -> Res<()> {
        let n = self.iconst(Ty::Int, i64::from(name));
        let Some(l) = self.layout.filter(|_| self.wide()) else {
            let r = self.call(Helper::StoreAttr, &[obj, n, v], Ty::Int);
            return self.check_obj(r);
        };
        let (join, slow) = (self.f.block(), self.f.block());
        self.branch_unless_heap_object(obj, slow);
        let ty = self.f.vreg(Ty::Ptr);
        self.load(Width::Word, ty, obj, l.type_ptr);
        let flags = self.f.vreg(Ty::Int);
        self.load(Width::W32, flags, ty, l.type_flags);
        let custom = self.iconst(Ty::Int, i64::from(l.custom_setattr));
        let hooked = self.bin(BinOp::And, Ty::Int, flags, custom);
        self.unless_zero(hooked, slow);
        let entry = self.cached_instance_entry(obj, ty, name, slow);
        let value_at = l.array_items + 2 * self.wb as i32;
        let old = self.f.vreg(Ty::Obj);
        self.load(Width::Word, old, entry, value_at);
        let live = self.f.block();
        self.branch(old, live, slow);
        self.cur = Some(live);
        self.store(Width::Word, v, entry, value_at);
        self.term(Term::Jump(join));

        self.slow_effect(slow, Helper::StoreAttr, &[obj, n, v], join)
    }

    /// `obj.names[name]` for `LOAD_METHOD`, as the method and the `self` word (0 for none):
    /// straight from the code's method cache for the name when it names `obj`'s exact type and
    /// the class namespaces are unchanged since it was filled, and the instance's own dict (if
    /// its type gives it one) cannot hold the name (the `MethodUnshadowed` helper, which only
    /// reads); else the `LoadMethod` helper, which fills the cache. 64-bit targets (the
    /// generation is a `u64`).
    pub(super) fn method_value(&mut self, obj: VReg, name: u32) -> Res<(VReg, VReg)> {
        use crate::helpers::ctx;
        let n = self.iconst(Ty::Int, i64::from(name));
        let (method, self_) = (self.f.vreg(Ty::Obj), self.f.vreg(Ty::Obj));
        let Some(l) = self.layout.filter(|_| self.wide()) else {
            let m = self.call(Helper::LoadMethod, &[obj, n], Ty::Obj);
            self.check_obj(m)?;
            self.load_ctx(self_, ctx::AUX);
            return Ok((m, self_));
        };
        let (join, slow) = (self.f.block(), self.f.block());
        self.branch_unless_heap_object(obj, slow);
        let ty = self.f.vreg(Ty::Ptr);
        self.load(Width::Word, ty, obj, l.type_ptr);
        let cache = self.f.vreg(Ty::Ptr);
        self.load_ctx(cache, ctx::ATTR_CACHE);
        // Name indexes are 24-bit operands: the offset fits an i32.
        let at = name as i32 * l.attr_cache_size + l.method_site;
        let cached = self.f.vreg(Ty::Ptr);
        self.load(Width::Word, cached, cache, at + l.method_ty);
        let other_type = self.cmp(Cond::Ne, cached, ty);
        self.unless_zero(other_type, slow);
        let generation = self.f.vreg(Ty::Int);
        self.load(Width::Word, generation, cache, at + l.method_generation);
        self.unless_generation_current(generation, slow);
        let shadowable = self.f.vreg(Ty::Int);
        self.load(Width::Word, shadowable, cache, at + l.method_shadowable);
        let (scan, hit) = (self.f.block(), self.f.block());
        self.branch(shadowable, scan, hit);
        self.cur = Some(scan);
        let lacks = self.call(Helper::MethodUnshadowed, &[obj, n], Ty::Int);
        self.branch(lacks, hit, slow);
        self.cur = Some(hit);
        self.load(Width::Word, method, cache, at + l.method_value);
        self.set_and_jump(self_, obj, join);

        self.cur = Some(slow);
        self.f.data_mut(slow).cold = true;
        let m = self.call(Helper::LoadMethod, &[obj, n], Ty::Obj);
        self.check_obj(m)?;
        self.load_ctx(self_, ctx::AUX);
        self.set_and_jump(method, m, join);
        self.cur = Some(join);
        Ok((method, self_))
    }

    /// The instance dict entry (see `dict_entry`) where the code's attribute cache for
    /// `names[name]` says heap object `obj` (of type `ty`) keeps that attribute: the cache has
    /// a way for that exact type, filled while the class namespaces were as they are now, naming a
    /// dict position (not a `__slots__` field) below the dict's fill mark whose key is still
    /// the name. Anything else goes to `slow`. 64-bit targets (the generation is a `u64`).
    fn cached_instance_entry(&mut self, obj: VReg, ty: VReg, name: u32, slow: Block) -> VReg {
        use crate::helpers::ctx;
        let l = self.layout.expect("attribute caches need a layout");
        // Name indexes are 24-bit operands: the offsets fit an i32.
        let at = name as i32 * l.attr_cache_size;
        let cache = self.f.vreg(Ty::Ptr);
        self.load_ctx(cache, ctx::ATTR_CACHE);

        // The entry for this type, from either way.
        let (index, generation) = (self.f.vreg(Ty::Int), self.f.vreg(Ty::Int));
        let found = self.f.block();
        for way in 0..2 {
            let base = at + way * l.attr_way_size;
            let cached = self.f.vreg(Ty::Ptr);
            self.load(Width::Word, cached, cache, base + l.attr_ty);
            let same = self.cmp(Cond::Eq, cached, ty);
            let (hit, next) = (self.f.block(), self.f.block());
            self.branch(same, hit, next);
            self.cur = Some(hit);
            self.load(Width::Word, index, cache, base + l.attr_index);
            self.load(Width::Word, generation, cache, base + l.attr_generation);
            self.term(Term::Jump(found));
            self.cur = Some(next);
        }
        self.term(Term::Jump(slow));

        self.cur = Some(found);
        self.unless_generation_current(generation, slow);
        // A `__slots__` field (the top bit set) is left to the helper.
        let zero = self.iconst(Ty::Int, 0);
        let slot = self.cmp(Cond::Lt, index, zero);
        self.unless_zero(slot, slow);
        let offset = self.f.vreg(Ty::Int);
        self.load(Width::Word, offset, ty, l.type_dict_offset);
        let slot_addr = self.bin(BinOp::Add, Ty::Ptr, obj, offset);
        let dict = self.f.vreg(Ty::Ptr);
        self.load(Width::Word, dict, slot_addr, 0);
        let has_dict = self.f.block();
        self.branch(dict, has_dict, slow);
        self.cur = Some(has_dict);
        // Other instances of the type may have smaller dicts.
        let filled = self.f.vreg(Ty::Int);
        self.load(Width::Word, filled, dict, l.dict_filled);
        let beyond = self.cmp(Cond::Uge, index, filled);
        self.unless_zero(beyond, slow);
        let entries = self.f.vreg(Ty::Ptr);
        self.load(Width::Word, entries, dict, l.dict_entries);
        let entry = self.dict_entry(entries, index);
        let key = self.f.vreg(Ty::Obj);
        self.load(Width::Word, key, entry, l.array_items + self.wb as i32);
        let names = self.f.vreg(Ty::Ptr);
        self.load_ctx(names, ctx::NAMES);
        let want = self.f.vreg(Ty::Obj);
        self.load(Width::Word, want, names, name as i32 * self.wb as i32);
        let same = self.cmp(Cond::Eq, key, want);
        let at_entry = self.f.block();
        self.branch(same, at_entry, slow);
        self.cur = Some(at_entry);
        entry
    }

    /// The address of dict entry `index` (three words: hash, key, value) in the entry array
    /// `entries`, less the array's item offset.
    fn dict_entry(&mut self, entries: VReg, index: VReg) -> VReg {
        let one = self.iconst(Ty::Int, 1);
        let twice = self.bin(BinOp::Shl, Ty::Int, index, one);
        let thrice = self.bin(BinOp::Add, Ty::Int, twice, index);
        let scale = self.iconst(Ty::Int, i64::from(self.wb.trailing_zeros()));
        let off = self.bin(BinOp::Shl, Ty::Int, thrice, scale);
        self.bin(BinOp::Add, Ty::Ptr, entries, off)
    }

    /// Read the value of the dict entry at `entry` (see `dict_entry`) into `result` and go to
    /// `join`, or to `slow` when it is NULL (a deleted entry).
    fn entry_value(&mut self, entry: VReg, (result, slow, join): (VReg, Block, Block)) {
        let l = self.layout.expect("dict entries need a layout");
        self.load(
            Width::Word,
            result,
            entry,
            l.array_items + 2 * self.wb as i32,
        );
        let hit = self.f.block();
        self.branch(result, hit, slow);
        self.cur = Some(hit);
        self.term(Term::Jump(join));
    }

    /// The cold block `slow` of an inline path: `helper(args)` (an object, or the error exit)
    /// into `result`, then on to `join`, where control continues.
    fn slow_call(
        &mut self,
        slow: Block,
        helper: Helper,
        args: &[VReg],
        (result, join): (VReg, Block),
    ) -> Res<VReg> {
        self.cur = Some(slow);
        self.f.data_mut(slow).cold = true;
        let r = self.call(helper, args, Ty::Obj);
        self.check_obj(r)?;
        self.set_and_jump(result, r, join);
        self.cur = Some(join);
        Ok(result)
    }

    /// The cold block `slow` of an inline path that makes no value: `helper(args)` (or the
    /// error exit), then on to `join`, where control continues.
    fn slow_effect(&mut self, slow: Block, helper: Helper, args: &[VReg], join: Block) -> Res<()> {
        self.cur = Some(slow);
        self.f.data_mut(slow).cold = true;
        let r = self.call(helper, args, Ty::Int);
        self.check_obj(r)?;
        self.term(Term::Jump(join));
        self.cur = Some(join);
        Ok(())
    }

    /// Continue in a fresh block if `generation` (read from a cache) is the VM's class-namespace
    /// generation now; else go to `slow`.
    fn unless_generation_current(&mut self, generation: VReg, slow: Block) {
        let now_ptr = self.f.vreg(Ty::Ptr);
        self.load_ctx(now_ptr, crate::helpers::ctx::GENERATION);
        let now = self.f.vreg(Ty::Int);
        self.load(Width::Word, now, now_ptr, 0);
        let stale = self.cmp(Cond::Ne, generation, now);
        self.unless_zero(stale, slow);
    }

    /// Go to `other` unless `flag` is zero; continue in a fresh block.
    fn unless_zero(&mut self, flag: VReg, other: Block) {
        let ok = self.f.block();
        self.branch(flag, other, ok);
        self.cur = Some(ok);
    }

    /// `obj[key]` for `BINARY_SUBSCR`: inline when `obj` is exactly a list and `key` a small int
    /// in range (negative indexes count from the end), else the `GetItem` helper.
    pub(super) fn get_item_value(&mut self, obj: VReg, key: VReg) -> Res<VReg> {
        let Some(l) = self.layout else {
            let r = self.call(Helper::GetItem, &[obj, key], Ty::Obj);
            self.check_obj(r)?;
            return Ok(r);
        };
        let (result, join, slow) = (self.f.vreg(Ty::Obj), self.f.block(), self.f.block());
        let not_list = self.f.block();
        let index = self.list_position(obj, key, not_list);
        let addr = self.list_slot(obj, index);
        self.load(Width::Word, result, addr, l.array_items);
        self.term(Term::Jump(join));

        // A tuple holds its items inline.
        self.cur = Some(not_list);
        let one = self.iconst(Ty::Int, 1);
        let tag = self.bin(BinOp::And, Ty::Int, key, one);
        let int_key = self.f.block();
        self.branch(tag, int_key, slow);
        self.cur = Some(int_key);
        self.unless_exact_type(obj, l.tuple_type, slow);
        let i = self.bin(BinOp::Sar, Ty::Int, key, one);
        let (index, out) = self.seq_index(obj, l.tuple_len, i);
        let take = self.f.block();
        self.branch(out, slow, take);
        self.cur = Some(take);
        let scale = self.iconst(Ty::Int, i64::from(self.wb.trailing_zeros()));
        let off = self.bin(BinOp::Shl, Ty::Int, index, scale);
        let addr = self.bin(BinOp::Add, Ty::Ptr, obj, off);
        self.load(Width::Word, result, addr, l.tuple_items);
        self.term(Term::Jump(join));

        self.slow_call(slow, Helper::GetItem, &[obj, key], (result, join))
    }

    /// `obj[key] = v` for `STORE_SUBSCR`: inline when `obj` is exactly a list and `key` a small
    /// int in range, else the `SetItem` helper.
    pub(super) fn set_item(&mut self, obj: VReg, key: VReg, v: VReg) -> Res<()> {
        let Some(l) = self.layout else {
            let r = self.call(Helper::SetItem, &[obj, key, v], Ty::Int);
            return self.check_obj(r);
        };
        let (join, slow) = (self.f.block(), self.f.block());
        let index = self.list_position(obj, key, slow);
        let addr = self.list_slot(obj, index);
        self.store(Width::Word, v, addr, l.array_items);
        self.term(Term::Jump(join));

        self.slow_effect(slow, Helper::SetItem, &[obj, key, v], join)
    }

    /// The in-range position `key` names in `obj`, going to `slow` unless `obj` is exactly a
    /// list and `key` a small int within it (negative counts from the end); continues in a
    /// fresh block.
    fn list_position(&mut self, obj: VReg, key: VReg, slow: Block) -> VReg {
        let l = self.layout.expect("list_position needs a layout");
        let one = self.iconst(Ty::Int, 1);
        let tag = self.bin(BinOp::And, Ty::Int, key, one);
        let int_key = self.f.block();
        self.branch(tag, int_key, slow);
        self.cur = Some(int_key);
        self.unless_exact_type(obj, l.list_type, slow);
        let i = self.bin(BinOp::Sar, Ty::Int, key, one);
        let (index, out) = self.list_index(obj, i);
        let take = self.f.block();
        self.branch(out, slow, take);
        self.cur = Some(take);
        index
    }

    /// Item `i` of the list `lst` (an untagged index; negative counts from the end): the item
    /// (valid only when in range) and a flag that is non-zero when `i` is out of range. Leaves
    /// control in a fresh block.
    fn list_item(&mut self, lst: VReg, i: VReg) -> Res<(VReg, VReg)> {
        let l = self.layout.expect("list_item needs a layout");
        let (index, out) = self.list_index(lst, i);
        let item = self.f.vreg(Ty::Obj);
        self.emit(Inst::Iconst {
            dst: item,
            imm: imm::NONE,
        });
        let (load, after) = (self.f.block(), self.f.block());
        self.branch(out, after, load);
        self.cur = Some(load);
        let addr = self.list_slot(lst, index);
        self.load(Width::Word, item, addr, l.array_items);
        self.term(Term::Jump(after));
        self.cur = Some(after);
        Ok((item, out))
    }

    /// The position `i` (negative counts from the end) names in list `lst`, and a flag that is
    /// non-zero when it is out of range.
    fn list_index(&mut self, lst: VReg, i: VReg) -> (VReg, VReg) {
        let l = self.layout.expect("list_index needs a layout");
        self.seq_index(lst, l.list_len, i)
    }

    /// The position `i` (negative counts from the end) names in the sequence `seq`, whose
    /// length is the word at `len_offset`, and a flag that is non-zero when it is out of range.
    fn seq_index(&mut self, seq: VReg, len_offset: i32, i: VReg) -> (VReg, VReg) {
        let len = self.f.vreg(Ty::Int);
        self.load(Width::Word, len, seq, len_offset);
        let index = self.f.vreg(Ty::Int);
        self.emit(Inst::Mov { dst: index, src: i });
        let (negative, check) = (self.f.block(), self.f.block());
        let zero = self.iconst(Ty::Int, 0);
        let neg = self.cmp(Cond::Lt, i, zero);
        self.branch(neg, negative, check);
        self.cur = Some(negative);
        let wrapped = self.bin(BinOp::Add, Ty::Int, i, len);
        self.emit(Inst::Mov {
            dst: index,
            src: wrapped,
        });
        self.term(Term::Jump(check));
        self.cur = Some(check);
        // One unsigned compare rejects both a still-negative index and one past the end.
        let out = self.cmp(Cond::Uge, index, len);
        (index, out)
    }

    /// The address of item `index` of list `lst` less `array_items` (an in-range index).
    fn list_slot(&mut self, lst: VReg, index: VReg) -> VReg {
        let l = self.layout.expect("list_slot needs a layout");
        let storage = self.f.vreg(Ty::Ptr);
        self.load(Width::Word, storage, lst, l.list_storage);
        let scale = self.iconst(Ty::Int, i64::from(self.wb.trailing_zeros()));
        let off = self.bin(BinOp::Shl, Ty::Int, index, scale);
        self.bin(BinOp::Add, Ty::Ptr, storage, off)
    }

    /// Go to `other` unless `v` is a heap object whose type is exactly the one at `ty`;
    /// continue in a fresh block.
    pub(super) fn unless_exact_type(&mut self, v: VReg, ty: u64, other: Block) {
        let l = self.layout.expect("type checks need a layout");
        self.branch_unless_heap_object(v, other);
        let t = self.f.vreg(Ty::Ptr);
        self.load(Width::Word, t, v, l.type_ptr);
        let want = self.iconst(Ty::Ptr, ty as i64);
        let same = self.cmp(Cond::Eq, t, want);
        let ok = self.f.block();
        self.branch(same, ok, other);
        self.cur = Some(ok);
    }

    /// Go to `other` unless `v` points to a heap object (rather than being an immediate, a small
    /// int or an interned string, which have tag bits); continue in a fresh block.
    fn branch_unless_heap_object(&mut self, v: VReg, other: Block) {
        let tags = self.iconst(Ty::Int, 7);
        let low = self.bin(BinOp::And, Ty::Int, v, tags);
        let ok = self.f.block();
        self.branch(low, other, ok);
        self.cur = Some(ok);
    }

    fn branch(&mut self, cond: VReg, then: Block, else_: Block) {
        self.term(Term::Branch { cond, then, else_ });
    }

    fn set_and_jump(&mut self, dst: VReg, src: VReg, to: Block) {
        self.emit(Inst::Mov { dst, src });
        self.term(Term::Jump(to));
    }

    fn store(&mut self, width: Width, src: VReg, base: VReg, offset: i32) {
        self.emit(Inst::Store {
            width,
            src,
            base,
            offset,
        });
    }
}
