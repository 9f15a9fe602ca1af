//! The host backend: native IR to machine code through Cranelift's JIT.
//!
//! Every virtual register becomes a Cranelift `Variable` of the ISA's pointer type (the IR's
//! machine word) and Cranelift's SSA builder does the rest. Helpers are called indirectly through
//! their addresses (given once, to [`Jit::new`]) with the host's C calling convention. One `Jit`
//! compiles into any number of [`CodeUnit`]s, each a `JITModule` with code memory of its own, so a
//! VM can give each loaded module its own unit and free it ([`CodeUnit::free`]) when the module's
//! functions are gone.

use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    AbiParam, Block as ClBlock, InstBuilder, MemFlagsData, SigRef, Type, UserFuncName, Value, types,
};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch, Variable};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{Module, ModuleReloc, default_libcall_names};

use crate::helpers::Helper;
use crate::ir::{BinOp, Cond, FloatOp, Function, Inst, OvfOp, Term, UnOp, VReg, Width};

/// A function defined in a [`Jit`], waiting for [`Jit::finalize`].
#[derive(Clone, Copy, Debug)]
pub struct FunctionId(cranelift_module::FuncId);

/// A Cranelift compiler for IR functions: the target, the helper addresses and the scratch state
/// reused by every compile. Code goes into a [`CodeUnit`], which owns its memory; a compile keeps
/// nothing in the `Jit`, so a process needs one however many units it makes.
pub struct Jit {
    /// The target, optimising (`OptLevel::Speed`); units are made for it.
    isa: OwnedTargetIsa,
    /// The same target without Cranelift's optimisation passes (`OptLevel::None`).
    isa_quick: OwnedTargetIsa,
    ctx: Context,
    fctx: FunctionBuilderContext,
    /// `helpers[i]`: the address of `Helper::ALL[i]`.
    helpers: Vec<usize>,
    /// The machine word.
    word: Type,
    /// The address of [`poll_trampoline`]'s code, kept in `_poll_unit`.
    poll: usize,
    _poll_unit: CodeUnit,
}

/// How hard Cranelift works on a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptLevel {
    /// No optimisation passes: about a quarter less compile time. Suits code that mostly calls
    /// runtime helpers (`@native`), where the passes gain nothing measurable.
    None,
    /// Cranelift's e-graph optimisations: for machine-integer code (`@viper`).
    Speed,
}

/// The code memory of a batch of compiled functions. Its code stays valid until
/// [`CodeUnit::free`] (dropping the unit leaves it in place).
pub struct CodeUnit {
    module: JITModule,
}

impl Jit {
    /// `helpers[i]` is the address of helper `Helper::ALL[i]` (an `extern "C"` fn taking `arity`
    /// words, returning one word).
    pub fn new(helpers: &[usize]) -> Result<Jit, String> {
        if helpers.len() < Helper::ALL.len() {
            return Err(format!(
                "helper table has {} entries, {} needed",
                helpers.len(),
                Helper::ALL.len()
            ));
        }
        let verifier = if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        };
        let target = |opt_level: &str, regalloc: &str| -> Result<OwnedTargetIsa, String> {
            let mut flags = settings::builder();
            // As `JITBuilder::with_flags`: the JIT needs non-PIC code and no colocated libcalls.
            for (name, value) in [
                ("opt_level", opt_level),
                ("regalloc_algorithm", regalloc),
                ("enable_verifier", verifier),
                ("use_colocated_libcalls", "false"),
                ("is_pic", "false"),
            ] {
                flags
                    .set(name, value)
                    .map_err(|e| format!("cranelift: {e}"))?;
            }
            cranelift_native::builder()
                .map_err(|e| format!("cranelift: {e}"))?
                .finish(settings::Flags::new(flags))
                .map_err(|e| format!("cranelift: {e}"))
        };
        let isa = target("speed", "backtracking")?;
        let word = isa.pointer_type();
        let interrupt = helpers[Helper::Interrupt as usize];
        let mut ctx = Context::new();
        let mut fctx = FunctionBuilderContext::new();
        let mut poll_unit = CodeUnit {
            module: JITModule::new(JITBuilder::with_isa(isa.clone(), default_libcall_names())),
        };
        let poll = poll_trampoline(&mut poll_unit, &mut ctx, &mut fctx, word, interrupt)?;
        Ok(Jit {
            ctx,
            isa,
            isa_quick: target("none", "backtracking")?,
            fctx,
            helpers: helpers[..Helper::ALL.len()].to_vec(),
            word,
            poll,
            _poll_unit: poll_unit,
        })
    }

    /// A new, empty unit of code memory for this target.
    pub fn unit(&self) -> CodeUnit {
        CodeUnit {
            module: JITModule::new(JITBuilder::with_isa(
                self.isa.clone(),
                default_libcall_names(),
            )),
        }
    }

    /// Bytes per machine word (8 on 64-bit hosts).
    pub fn word_bytes(&self) -> u32 {
        self.word.bytes()
    }

    /// Compile one IR function into `unit`, optimised, and make it callable. The machine code is
    /// `extern "C" fn(w0, w1, ...) -> word`, one word per `f.params` entry, returning the word
    /// given to `Term::Return`. Returns the entry address and the code size in bytes.
    pub fn compile(
        &mut self,
        unit: &mut CodeUnit,
        f: &Function,
    ) -> Result<(*const u8, usize), String> {
        let (id, size) = self.define(unit, f, OptLevel::Speed)?;
        unit.finalize()?;
        Ok((unit.address(id), size))
    }

    /// Compile one IR function into `unit` without making it executable yet: its id for
    /// [`CodeUnit::address`] and its code size in bytes. Call [`CodeUnit::finalize`] once after
    /// defining a batch, which makes every function defined so far callable; finalizing seals the
    /// current code page, so one finalize per batch keeps a unit's functions on shared pages and
    /// saves the `mprotect` calls. Debug builds verify the function first (invalid IR is an
    /// error); release builds trust the lowering, which the test suite runs verified, and save
    /// the verifier's share of the compile time.
    pub fn define(
        &mut self,
        unit: &mut CodeUnit,
        f: &Function,
        opt: OptLevel,
    ) -> Result<(FunctionId, usize), String> {
        self.define_listed(unit, f, opt, None)
    }

    /// Cranelift's listing of the machine code `define` makes of `f` (its instructions with
    /// registers allocated, block by block), for `pyrite --asm`. Nothing is made executable.
    pub fn disassemble(&mut self, f: &Function, opt: OptLevel) -> Result<String, String> {
        let mut unit = self.unit();
        let mut text = String::new();
        let result = self.define_listed(&mut unit, f, opt, Some(&mut text));
        // SAFETY: the unit was never finalized, so none of its code can run.
        #[allow(unsafe_code)]
        unsafe {
            unit.free()
        };
        result.map(|_| text)
    }

    fn define_listed(
        &mut self,
        unit: &mut CodeUnit,
        f: &Function,
        opt: OptLevel,
        listing: Option<&mut String>,
    ) -> Result<(FunctionId, usize), String> {
        if cfg!(debug_assertions) {
            crate::verify::verify(f).map_err(|e| e.to_string())?;
        }
        let module = &mut unit.module;
        module.clear_context(&mut self.ctx);
        let mut sig = module.make_signature();
        sig.params
            .extend(f.params.iter().map(|_| AbiParam::new(self.word)));
        sig.returns.push(AbiParam::new(self.word));
        let id = module
            .declare_anonymous_function(&sig)
            .map_err(|e| format!("cranelift: {e}"))?;
        self.ctx.func.signature = sig;
        self.ctx.func.name = UserFuncName::user(0, id.as_u32());

        let helper_sig = {
            let word = self.word;
            let module = &*module;
            move |arity: usize| {
                let mut s = module.make_signature();
                s.params.extend((0..arity).map(|_| AbiParam::new(word)));
                s.returns.push(AbiParam::new(word));
                s
            }
        };
        let mut b = FunctionBuilder::new(&mut self.ctx.func, &mut self.fctx);
        let mut lower = Lower {
            f,
            word: self.word,
            helpers: &self.helpers,
            poll: self.poll,
            poll_sig: None,
            vars: Vec::with_capacity(f.vregs.len()),
            single: single_definitions(f),
            blocks: Vec::with_capacity(f.blocks.len()),
            sigs: Vec::new(),
        };
        lower.function(&mut b, &helper_sig);
        b.seal_all_blocks();
        b.finalize(module.target_config());

        // Compiled here rather than by `define_function`, which would use the unit's target and
        // so its optimisation level.
        let isa = match opt {
            OptLevel::None => &*self.isa_quick,
            OptLevel::Speed => &*self.isa,
        };
        self.ctx.set_disasm(listing.is_some());
        let result = match self.ctx.compile(isa, &mut ControlPlane::default()) {
            Ok(_) => Ok(()),
            Err(e) => Err(cranelift_codegen::print_errors::pretty_error(
                e.func, e.inner,
            )),
        };
        let result = result.and_then(|()| {
            let code = self.ctx.compiled_code().expect("compiled above");
            if let (Some(text), Some(vcode)) = (listing, &code.vcode) {
                text.push_str(vcode);
            }
            let relocs: Vec<ModuleReloc> = code
                .buffer
                .relocs()
                .iter()
                .map(|r| ModuleReloc::from_mach_reloc(r, &self.ctx.func, id))
                .collect();
            let size = code.code_buffer().len();
            module
                .define_function_bytes(
                    id,
                    u64::from(code.buffer.alignment),
                    code.code_buffer(),
                    &relocs,
                )
                .map(|()| size)
                .map_err(|e| e.to_string())
        });
        module.clear_context(&mut self.ctx);
        match result {
            Ok(size) => Ok((FunctionId(id), size)),
            Err(msg) => Err(format!("cranelift: {msg}")),
        }
    }
}

impl CodeUnit {
    /// Make every function defined so far executable.
    pub fn finalize(&mut self) -> Result<(), String> {
        self.module
            .finalize_definitions()
            .map_err(|e| format!("cranelift: {e}"))
    }

    /// The entry address of a defined function; valid once [`CodeUnit::finalize`] has run after
    /// its definition.
    pub fn address(&self, id: FunctionId) -> *const u8 {
        self.module.get_finalized_function(id.0)
    }

    /// Free all the code compiled into this unit.
    ///
    /// # Safety
    /// None of the functions it compiled may be running or be called afterwards.
    #[allow(unsafe_code)]
    pub unsafe fn free(self) {
        // SAFETY: the caller guarantees no code from this unit runs again.
        unsafe { self.module.free_memory() };
    }
}

/// Define, in `unit`, the function native code calls to poll for Ctrl-C and scheduled callbacks:
/// `(ctx)` with Cranelift's `preserve_all` convention (it saves every register it uses, here all
/// that the C call clobbers), calling the `Interrupt` helper at `interrupt` and leaving its
/// result in the context's `AUX` word, as `preserve_all` returns nothing. Its address.
fn poll_trampoline(
    unit: &mut CodeUnit,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
    word: Type,
    interrupt: usize,
) -> Result<usize, String> {
    let module = &mut unit.module;
    let mut sig = cranelift_codegen::ir::Signature::new(CallConv::PreserveAll);
    sig.params.push(AbiParam::new(word));
    let id = module
        .declare_anonymous_function(&sig)
        .map_err(|e| format!("cranelift: {e}"))?;
    module.clear_context(ctx);
    ctx.func.signature = sig;
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    let mut c_sig = module.make_signature();
    c_sig.params.push(AbiParam::new(word));
    c_sig.returns.push(AbiParam::new(word));
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let context = b.block_params(entry)[0];
    let c_sig = b.import_signature(c_sig);
    let callee = b.ins().iconst(word, interrupt as u64 as i64);
    let call = b.ins().call_indirect(c_sig, callee, &[context]);
    let result = b.inst_results(call)[0];
    let offset = (crate::helpers::ctx::AUX * word.bytes()) as i32;
    b.ins()
        .store(MemFlagsData::trusted(), result, context, offset);
    b.ins().return_(&[]);
    b.finalize(module.target_config());
    module
        .define_function(id, ctx)
        .map_err(|e| format!("cranelift: {e}"))?;
    module.clear_context(ctx);
    unit.finalize()?;
    Ok(unit.address(FunctionId(id)) as usize)
}

/// Per register, `Some` when the function writes it exactly once (a parameter counts as a
/// write): the registers [`Lower::get`] can read without the SSA builder.
fn single_definitions(f: &Function) -> Vec<Option<core::cell::Cell<Option<Value>>>> {
    let mut writes = std::vec![0u32; f.vregs.len()];
    for p in &f.params {
        writes[p.0 as usize] += 1;
    }
    for block in &f.blocks {
        for inst in &block.insts {
            for d in inst.defs() {
                writes[d.0 as usize] += 1;
            }
        }
    }
    writes
        .into_iter()
        .map(|n| (n == 1).then(|| core::cell::Cell::new(None)))
        .collect()
}

/// The state of lowering one function.
struct Lower<'a> {
    f: &'a Function,
    word: Type,
    helpers: &'a [usize],
    /// [`poll_trampoline`]'s address and, once imported, its signature.
    poll: usize,
    poll_sig: Option<SigRef>,
    /// One variable per virtual register.
    vars: Vec<Variable>,
    /// For a register written by exactly one instruction (or a parameter): its value once that
    /// definition has been lowered. Definite assignment means that definition dominates every
    /// read lowered after it, so those reads take the value itself rather than asking the SSA
    /// builder, which would otherwise thread it through block parameters around every loop —
    /// values the register allocator then has to carry (the context pointer is one).
    single: Vec<Option<core::cell::Cell<Option<Value>>>>,
    /// One Cranelift block per IR block.
    blocks: Vec<ClBlock>,
    /// Imported helper signatures, by arity.
    sigs: Vec<Option<SigRef>>,
}

impl Lower<'_> {
    fn function(
        &mut self,
        b: &mut FunctionBuilder,
        helper_sig: &dyn Fn(usize) -> cranelift_codegen::ir::Signature,
    ) {
        let f = self.f;
        // A separate entry block: IR block 0 may be a loop header, and Cranelift's entry block
        // cannot be branched to.
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        for data in &f.blocks {
            let blk = b.create_block();
            if data.cold {
                b.set_cold_block(blk);
            }
            self.blocks.push(blk);
        }
        for _ in &f.vregs {
            let var = b.declare_var(self.word);
            self.vars.push(var);
        }

        b.switch_to_block(entry);
        // No register needs an initial value: the IR verifier rejects reads that are not
        // definitely assigned, and Cranelift's SSA builder supplies zero for any path it cannot
        // see a definition on (unreachable blocks).
        let args: Vec<Value> = b.block_params(entry).to_vec();
        for (p, v) in f.params.iter().zip(args) {
            self.set(b, *p, v);
        }
        b.ins().jump(self.blocks[0], &[]);

        for (i, data) in f.blocks.iter().enumerate() {
            b.switch_to_block(self.blocks[i]);
            for inst in &data.insts {
                self.inst(b, inst, helper_sig);
            }
            self.term(b, &data.term);
        }
    }

    fn var(&self, v: VReg) -> Variable {
        self.vars[v.0 as usize]
    }

    fn get(&self, b: &mut FunctionBuilder, v: VReg) -> Value {
        if let Some(Some(value)) = self.single[v.0 as usize].as_ref().map(|c| c.get()) {
            return value;
        }
        b.use_var(self.var(v))
    }

    /// Register `v`, which holds a binary64 bit pattern, as a float.
    fn float_of(&self, b: &mut FunctionBuilder, v: VReg) -> Value {
        let w = self.get(b, v);
        b.ins().bitcast(types::F64, MemFlagsData::new(), w)
    }

    fn set(&self, b: &mut FunctionBuilder, v: VReg, val: Value) {
        if let Some(known) = &self.single[v.0 as usize] {
            known.set(Some(val));
        }
        // Still a variable: a read laid out before its dominating definition goes through it.
        b.def_var(self.var(v), val);
    }

    /// A word-sized 0/1 from an `i8` flag.
    fn widen_flag(&self, b: &mut FunctionBuilder, flag: Value) -> Value {
        b.ins().uextend(self.word, flag)
    }

    fn inst(
        &mut self,
        b: &mut FunctionBuilder,
        inst: &Inst,
        helper_sig: &dyn Fn(usize) -> cranelift_codegen::ir::Signature,
    ) {
        let word_bits = self.word.bits();
        match inst {
            Inst::Iconst { dst, imm } => {
                // Truncate to the word, as the IR says (Cranelift wants narrow constants
                // zero-extended).
                let imm = if word_bits < 64 {
                    imm & ((1i64 << word_bits) - 1)
                } else {
                    *imm
                };
                let v = b.ins().iconst(self.word, imm);
                self.set(b, *dst, v);
            }
            Inst::Mov { dst, src } => {
                let v = self.get(b, *src);
                self.set(b, *dst, v);
            }
            Inst::Bin { op, dst, a, b: rhs } => {
                let x = self.get(b, *a);
                let y = self.get(b, *rhs);
                let ins = b.ins();
                let v = match op {
                    BinOp::Add => ins.iadd(x, y),
                    BinOp::Sub => ins.isub(x, y),
                    BinOp::Mul => ins.imul(x, y),
                    BinOp::And => ins.band(x, y),
                    BinOp::Or => ins.bor(x, y),
                    BinOp::Xor => ins.bxor(x, y),
                    // Cranelift masks the amount to the type's width: "b mod width".
                    BinOp::Shl => ins.ishl(x, y),
                    BinOp::Sar => ins.sshr(x, y),
                    BinOp::Shr => ins.ushr(x, y),
                };
                self.set(b, *dst, v);
            }
            Inst::BinOvf {
                op,
                dst,
                ovf,
                a,
                b: rhs,
            } => {
                let x = self.get(b, *a);
                let y = self.get(b, *rhs);
                let ins = b.ins();
                let (v, of) = match op {
                    OvfOp::Add => ins.sadd_overflow(x, y),
                    OvfOp::Sub => ins.ssub_overflow(x, y),
                    OvfOp::Mul => ins.smul_overflow(x, y),
                };
                let of = self.widen_flag(b, of);
                self.set(b, *dst, v);
                self.set(b, *ovf, of);
            }
            Inst::Un { op, dst, a } => {
                let x = self.get(b, *a);
                let v = match op {
                    UnOp::Neg => b.ins().ineg(x),
                    UnOp::Not => b.ins().bnot(x),
                };
                self.set(b, *dst, v);
            }
            Inst::Cmp {
                cond,
                dst,
                a,
                b: rhs,
            } => {
                let x = self.get(b, *a);
                let y = self.get(b, *rhs);
                let c = b.ins().icmp(int_cc(*cond), x, y);
                let v = self.widen_flag(b, c);
                self.set(b, *dst, v);
            }
            Inst::Float { op, dst, a, b: rhs } => {
                let x = self.float_of(b, *a);
                let y = self.float_of(b, *rhs);
                let ins = b.ins();
                let r = match op {
                    FloatOp::Add => ins.fadd(x, y),
                    FloatOp::Sub => ins.fsub(x, y),
                    FloatOp::Mul => ins.fmul(x, y),
                    FloatOp::Div => ins.fdiv(x, y),
                };
                let v = b.ins().bitcast(self.word, MemFlagsData::new(), r);
                self.set(b, *dst, v);
            }
            Inst::FloatCmp {
                cond,
                dst,
                a,
                b: rhs,
            } => {
                let x = self.float_of(b, *a);
                let y = self.float_of(b, *rhs);
                let c = b.ins().fcmp(float_cc(*cond), x, y);
                let v = self.widen_flag(b, c);
                self.set(b, *dst, v);
            }
            Inst::DivRem {
                quot,
                rem,
                a,
                b: rhs,
            } => {
                let x = self.get(b, *a);
                let y = self.get(b, *rhs);
                let q = b.ins().sdiv(x, y);
                let r = b.ins().srem(x, y);
                self.set(b, *quot, q);
                self.set(b, *rem, r);
            }
            Inst::IntToFloat { dst, a } => {
                let x = self.get(b, *a);
                let r = b.ins().fcvt_from_sint(types::F64, x);
                let v = b.ins().bitcast(self.word, MemFlagsData::new(), r);
                self.set(b, *dst, v);
            }
            Inst::Load {
                width,
                signed,
                dst,
                base,
                offset,
            } => {
                let p = self.get(b, *base);
                let fl = MemFlagsData::new();
                let ins = b.ins();
                let w = self.word;
                let v = match (self.narrow_bits(*width), *signed) {
                    (None, _) => ins.load(w, fl, p, *offset),
                    (Some(8), false) => ins.uload8(w, fl, p, *offset),
                    (Some(8), true) => ins.sload8(w, fl, p, *offset),
                    (Some(16), false) => ins.uload16(w, fl, p, *offset),
                    (Some(16), true) => ins.sload16(w, fl, p, *offset),
                    (Some(_), false) => ins.uload32(fl, p, *offset),
                    (Some(_), true) => ins.sload32(fl, p, *offset),
                };
                self.set(b, *dst, v);
            }
            Inst::Store {
                width,
                src,
                base,
                offset,
            } => {
                let x = self.get(b, *src);
                let p = self.get(b, *base);
                let fl = MemFlagsData::new();
                let ins = b.ins();
                match self.narrow_bits(*width) {
                    None => ins.store(fl, x, p, *offset),
                    Some(8) => ins.istore8(fl, x, p, *offset),
                    Some(16) => ins.istore16(fl, x, p, *offset),
                    Some(_) => ins.istore32(fl, x, p, *offset),
                };
            }
            Inst::Call {
                helper: Helper::Interrupt,
                args,
                dst,
            } => {
                // Through the trampoline that preserves every register: the poll sits on loop
                // back edges, and a call there that clobbers registers would make every value
                // live around the loop a callee-saved register or a spill.
                let sig = match self.poll_sig {
                    Some(s) => s,
                    None => {
                        let mut sig = cranelift_codegen::ir::Signature::new(CallConv::PreserveAll);
                        sig.params.push(AbiParam::new(self.word));
                        let s = b.import_signature(sig);
                        self.poll_sig = Some(s);
                        s
                    }
                };
                let ctx = self.get(b, args[0]);
                let callee = b.ins().iconst(self.word, self.poll as u64 as i64);
                b.ins().call_indirect(sig, callee, &[ctx]);
                if let Some(dst) = dst {
                    let offset = (crate::helpers::ctx::AUX * self.word.bytes()) as i32;
                    let r = b
                        .ins()
                        .load(self.word, MemFlagsData::trusted(), ctx, offset);
                    self.set(b, *dst, r);
                }
            }
            Inst::Call { helper, args, dst } => {
                let arity = helper.arity();
                if self.sigs.len() <= arity {
                    self.sigs.resize(arity + 1, None);
                }
                let sig = match self.sigs[arity] {
                    Some(s) => s,
                    None => {
                        let s = b.import_signature(helper_sig(arity));
                        self.sigs[arity] = Some(s);
                        s
                    }
                };
                let index = Helper::ALL.iter().position(|h| h == helper).unwrap_or(0);
                let addr = self.helpers[index] as u64 as i64;
                let vals: Vec<Value> = args.iter().map(|a| self.get(b, *a)).collect();
                let callee = b.ins().iconst(self.word, addr);
                let call = b.ins().call_indirect(sig, callee, &vals);
                if let Some(dst) = dst {
                    let r = b.inst_results(call)[0];
                    self.set(b, *dst, r);
                }
            }
        }
    }

    /// The bit width of a narrower-than-word access, or `None` for a full-word one (including a
    /// `W32` access on a 32-bit host).
    fn narrow_bits(&self, w: Width) -> Option<u32> {
        let bits = match w {
            Width::W8 => 8,
            Width::W16 => 16,
            Width::W32 => 32,
            Width::Word => return None,
        };
        (bits < self.word.bits()).then_some(bits)
    }

    fn term(&self, b: &mut FunctionBuilder, term: &Term) {
        match term {
            Term::Jump(t) => {
                b.ins().jump(self.blocks[t.0 as usize], &[]);
            }
            Term::Branch { cond, then, else_ } => {
                if then == else_ {
                    b.ins().jump(self.blocks[then.0 as usize], &[]);
                } else {
                    let c = self.get(b, *cond);
                    b.ins().brif(
                        c,
                        self.blocks[then.0 as usize],
                        &[],
                        self.blocks[else_.0 as usize],
                        &[],
                    );
                }
            }
            Term::Switch {
                v,
                targets,
                default,
            } => {
                let x = self.get(b, *v);
                let mut sw = Switch::new();
                for (i, t) in targets.iter().enumerate() {
                    sw.set_entry(i as u128, self.blocks[t.0 as usize]);
                }
                sw.emit(b, x, self.blocks[default.0 as usize]);
            }
            Term::Return(v) => {
                let x = self.get(b, *v);
                b.ins().return_(&[x]);
            }
            // Rejected by the verifier before lowering starts; keep Cranelift's invariants anyway.
            Term::Unterminated => {
                let zero = b.ins().iconst(self.word, 0);
                b.ins().return_(&[zero]);
            }
        }
    }
}

/// Python's float comparisons: ordered, except that `!=` holds for a NaN.
fn float_cc(c: Cond) -> FloatCC {
    match c {
        Cond::Eq => FloatCC::Equal,
        Cond::Ne => FloatCC::NotEqual,
        Cond::Lt => FloatCC::LessThan,
        Cond::Le => FloatCC::LessThanOrEqual,
        Cond::Gt => FloatCC::GreaterThan,
        Cond::Ge => FloatCC::GreaterThanOrEqual,
        // The verifier rejects unsigned float comparisons.
        Cond::Ult | Cond::Ule | Cond::Ugt | Cond::Uge => FloatCC::Unordered,
    }
}

fn int_cc(c: Cond) -> IntCC {
    match c {
        Cond::Eq => IntCC::Equal,
        Cond::Ne => IntCC::NotEqual,
        Cond::Lt => IntCC::SignedLessThan,
        Cond::Le => IntCC::SignedLessThanOrEqual,
        Cond::Gt => IntCC::SignedGreaterThan,
        Cond::Ge => IntCC::SignedGreaterThanOrEqual,
        Cond::Ult => IntCC::UnsignedLessThan,
        Cond::Ule => IntCC::UnsignedLessThanOrEqual,
        Cond::Ugt => IntCC::UnsignedGreaterThan,
        Cond::Uge => IntCC::UnsignedGreaterThanOrEqual,
    }
}
