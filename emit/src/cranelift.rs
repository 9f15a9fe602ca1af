//! The host backend: native IR to machine code through Cranelift's JIT.
//!
//! Every virtual register becomes a Cranelift `Variable` of the ISA's pointer type (the IR's
//! machine word) and Cranelift's SSA builder does the rest. Helpers are called indirectly through
//! their addresses (given once, to [`Jit::new`]) with the host's C calling convention. Each `Jit`
//! owns one `JITModule`; [`Jit::unit`] makes another sharing the target ISA, so a VM can give each
//! loaded module its own code memory and free it ([`Jit::free`]) when the module's functions are
//! gone.

use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

use cranelift_codegen::Context;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    AbiParam, Block as ClBlock, InstBuilder, MemFlagsData, SigRef, Type, UserFuncName, Value,
};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch, Variable};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{Module, default_libcall_names};

use crate::helpers::Helper;
use crate::ir::{BinOp, Cond, Function, Inst, OvfOp, Term, UnOp, VReg, Width};

/// A function defined in a [`Jit`], waiting for [`Jit::finalize`].
#[derive(Clone, Copy, Debug)]
pub struct FunctionId(cranelift_module::FuncId);

/// A Cranelift JIT for IR functions. Compiled code stays valid until [`Jit::free`] (dropping the
/// `Jit` leaves it in place).
pub struct Jit {
    module: JITModule,
    /// The target, shared by the units made from this one.
    isa: OwnedTargetIsa,
    ctx: Context,
    fctx: FunctionBuilderContext,
    /// `helpers[i]`: the address of `Helper::ALL[i]`.
    helpers: Vec<usize>,
    /// The machine word.
    word: Type,
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
        let mut flags = settings::builder();
        // As `JITBuilder::with_flags`: the JIT needs non-PIC code and no colocated libcalls.
        for (name, value) in [
            ("opt_level", "speed"),
            ("enable_verifier", verifier),
            ("use_colocated_libcalls", "false"),
            ("is_pic", "false"),
        ] {
            flags
                .set(name, value)
                .map_err(|e| format!("cranelift: {e}"))?;
        }
        let isa = cranelift_native::builder()
            .map_err(|e| format!("cranelift: {e}"))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| format!("cranelift: {e}"))?;
        Ok(Jit::with_isa(isa, helpers[..Helper::ALL.len()].to_vec()))
    }

    fn with_isa(isa: OwnedTargetIsa, helpers: Vec<usize>) -> Jit {
        let module = JITModule::new(JITBuilder::with_isa(isa.clone(), default_libcall_names()));
        let word = module.target_config().pointer_type();
        Jit {
            ctx: module.make_context(),
            module,
            isa,
            fctx: FunctionBuilderContext::new(),
            helpers,
            word,
        }
    }

    /// A new, empty JIT for the same target and helpers, with code memory of its own.
    pub fn unit(&self) -> Jit {
        Jit::with_isa(self.isa.clone(), self.helpers.clone())
    }

    /// Free all the code this JIT compiled.
    ///
    /// # Safety
    /// None of the functions it compiled may be running or be called afterwards.
    #[allow(unsafe_code)]
    pub unsafe fn free(self) {
        // SAFETY: the caller guarantees no code from this module runs again.
        unsafe { self.module.free_memory() };
    }

    /// Bytes per machine word (8 on 64-bit hosts).
    pub fn word_bytes(&self) -> u32 {
        self.word.bytes()
    }

    /// Compile one IR function. The machine code is `extern "C" fn(w0, w1, ...) -> word`, one word
    /// per `f.params` entry, returning the word given to `Term::Return`. Returns the entry address
    /// and the code size in bytes. Debug builds verify the function first (invalid IR is an
    /// error); release builds trust the lowering, which the test suite runs verified, and save
    /// the verifier's share of the compile time.
    pub fn compile(&mut self, f: &Function) -> Result<(*const u8, usize), String> {
        let (id, size) = self.define(f)?;
        self.finalize()?;
        Ok((self.address(id), size))
    }

    /// Compile one IR function without making it executable yet: its id for [`Jit::address`]
    /// and its code size in bytes. Call [`Jit::finalize`] once after defining a batch, which
    /// makes every function defined so far callable; finalizing seals the current code page, so
    /// one finalize per batch keeps a module's functions on shared pages and saves the
    /// `mprotect` calls.
    pub fn define(&mut self, f: &Function) -> Result<(FunctionId, usize), String> {
        if cfg!(debug_assertions) {
            crate::verify::verify(f).map_err(|e| e.to_string())?;
        }

        self.module.clear_context(&mut self.ctx);
        let mut sig = self.module.make_signature();
        sig.params
            .extend(f.params.iter().map(|_| AbiParam::new(self.word)));
        sig.returns.push(AbiParam::new(self.word));
        let id = self
            .module
            .declare_anonymous_function(&sig)
            .map_err(|e| format!("cranelift: {e}"))?;
        self.ctx.func.signature = sig;
        self.ctx.func.name = UserFuncName::user(0, id.as_u32());

        let helper_sig = {
            let word = self.word;
            let module = &self.module;
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
            vars: Vec::with_capacity(f.vregs.len()),
            blocks: Vec::with_capacity(f.blocks.len()),
            sigs: Vec::new(),
        };
        lower.function(&mut b, &helper_sig);
        b.seal_all_blocks();
        b.finalize(self.module.target_config());

        let result = self.module.define_function(id, &mut self.ctx);
        if let Err(e) = result {
            let msg = match e {
                cranelift_module::ModuleError::Compilation(ce) => {
                    cranelift_codegen::print_errors::pretty_error(&self.ctx.func, ce)
                }
                _ => e.to_string(),
            };
            self.module.clear_context(&mut self.ctx);
            return Err(format!("cranelift: {msg}"));
        }
        let size = self
            .ctx
            .compiled_code()
            .map_or(0, |c| c.code_info().total_size as usize);
        self.module.clear_context(&mut self.ctx);
        Ok((FunctionId(id), size))
    }

    /// Make every function defined so far executable.
    pub fn finalize(&mut self) -> Result<(), String> {
        self.module
            .finalize_definitions()
            .map_err(|e| format!("cranelift: {e}"))
    }

    /// The entry address of a defined function; valid once [`Jit::finalize`] has run after its
    /// definition.
    pub fn address(&self, id: FunctionId) -> *const u8 {
        self.module.get_finalized_function(id.0)
    }
}

/// The state of lowering one function.
struct Lower<'a> {
    f: &'a Function,
    word: Type,
    helpers: &'a [usize],
    /// One variable per virtual register.
    vars: Vec<Variable>,
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
            b.def_var(self.var(*p), v);
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
        b.use_var(self.var(v))
    }

    fn set(&self, b: &mut FunctionBuilder, v: VReg, val: Value) {
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
