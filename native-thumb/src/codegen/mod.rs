//! The Thumb-2 backend of the native IR: [`compile`] turns an [`emit::ir::Function`] (lowered
//! with 4-byte words) into position-independent Thumb code for a Cortex-M, with the same
//! meaning Cranelift gives it on hosts (`emit/src/cranelift.rs`) at 32 bits.
//!
//! The code is `extern "C" fn(w0, w1, ...) -> u32` under AAPCS, one word per parameter
//! (`r0`–`r3`, then the stack), the first being the native context. Helpers are reached through
//! the table whose address the context holds (`ctx::HELPERS`): the prologue loads it into a
//! callee-saved register and each call is `ldr ip, [table, #4*i]; blx ip`, so the bytes hold
//! no absolute address and can be stored in compiled modules.
//!
//! Pipeline, one file each:
//! - `mir`: the IR with constants folded into the operands that take immediates (`imm`) and
//!   dead code removed; `fuse`: a comparison, overflow check or bit test that only decides a
//!   branch fused into it, address arithmetic into addressing modes;
//! - `cfg`, `liveness`: predecessors, loop depths, live sets;
//! - `regalloc`: graph colouring with copy coalescing over the register roles of `regs`, with
//!   `copies` telling which registers hold equal values;
//! - `layout`: empty blocks forwarded, fall-through chains, cold blocks last;
//! - `emitter`, `isel`, `softmul`: the frame, branches and calls, instruction selection, and
//!   ARMv6-M's overflow-checking multiply; emitted in passes until every branch reaches.
//!
//! ```
//! use emit::ir::{BinOp, Function, Inst, Term, Ty};
//! use native_thumb::{Isa, codegen};
//!
//! // fn(ctx, a, b) -> a + b
//! let mut f = Function::new("add");
//! let (ctx, a, b, s) = (f.vreg(Ty::Ptr), f.vreg(Ty::Int), f.vreg(Ty::Int), f.vreg(Ty::Int));
//! f.params = vec![ctx, a, b];
//! let entry = f.data_mut(emit::ir::Block(0));
//! entry.insts.push(Inst::Bin { op: BinOp::Add, dst: s, a, b });
//! entry.term = Term::Return(s);
//! let out = codegen::compile(&f, Isa::ArmV7M).unwrap();
//! // push {r3, lr}; adds r0, r1, r2; pop {r3, pc}
//! assert_eq!(out.code, [0x08, 0xb5, 0x88, 0x18, 0x08, 0xbd]);
//! ```

mod bitset;
mod cfg;
mod copies;
mod emitter;
mod fuse;
mod imm;
mod isel;
mod layout;
mod liveness;
mod mir;
mod regalloc;
mod regs;
mod softmul;

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::fmt;

use crate::isa::Isa;

/// Machine code for one function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compiled {
    /// Thumb code, entry at offset 0 (call it with the Thumb bit set). Position-independent;
    /// place it at a 4-byte-aligned address (ARMv6-M literal pools assume so).
    pub code: Vec<u8>,
}

/// Why a function could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodegenError {
    /// What went wrong, naming the function.
    pub message: String,
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for CodegenError {}

/// Most passes before the branch forms must have settled (each pass only ever widens).
const MAX_PASSES: usize = 40;

/// Compiles `f` for `isa`. Every function the IR verifier accepts compiles, unless its stack
/// frame is beyond what `sp`-relative addressing reaches (1 KB on ARMv6-M, 4 KB otherwise).
pub fn compile(f: &::emit::ir::Function, isa: Isa) -> Result<Compiled, CodegenError> {
    compile_dump(f, isa, None)
}

/// [`compile`], also writing the backend's form of the function and where each register
/// went to `dump` (for debugging the backend).
#[doc(hidden)]
pub fn compile_dump(
    f: &::emit::ir::Function,
    isa: Isa,
    dump: Option<&mut String>,
) -> Result<Compiled, CodegenError> {
    let err = |m: &dyn fmt::Display| CodegenError {
        message: format!("{}: {m}", f.name),
    };
    if f.blocks.is_empty() {
        return Err(err(&"the function has no blocks"));
    }
    if f.params.iter().any(|p| p.0 as usize >= f.vregs.len()) {
        return Err(err(&"a parameter register is out of range"));
    }
    let wide_only = f.blocks.iter().flat_map(|b| &b.insts).any(|i| {
        matches!(
            i,
            ::emit::ir::Inst::Float { .. }
                | ::emit::ir::Inst::FloatCmp { .. }
                | ::emit::ir::Inst::IntToFloat { .. }
                | ::emit::ir::Inst::DivRem { .. }
        )
    });
    if wide_only {
        return Err(err(
            &"binary64 float and division instructions need a 64-bit target",
        ));
    }
    let mut mir = mir::build(f, isa);
    let cfg = cfg::Cfg::new(&mir);
    loop {
        let live = liveness::compute(&mir, &cfg);
        if !mir.remove_dead(&live.live_out) {
            mir.fuse(&live.live_out);
            mir.fuse_addresses(&live.live_out, isa.has_thumb2());
            break;
        }
    }
    let has_calls = mir.has_calls();
    if has_calls && mir.params.is_empty() {
        return Err(err(&"helper calls need the context parameter"));
    }
    let regs = regs::Regs { isa, has_calls };
    let alloc = regalloc::allocate(&mut mir, &cfg, &regs);
    let live = liveness::compute(&mir, &cfg);
    let param_live: Vec<bool> = mir
        .params
        .iter()
        .map(|&p| live.live_in[0].contains(p as usize))
        .collect();
    let frame = emitter::Frame::new(&regs, &alloc);
    let limit = if isa.has_thumb2() { 4092 } else { 1020 };
    if frame.max_offset(mir.params.len()) > limit {
        return Err(err(&format!(
            "the stack frame ({} bytes) is too large for {isa}",
            frame.max_offset(mir.params.len()) + 4
        )));
    }
    if let Some(out) = dump {
        use core::fmt::Write;
        for (b, block) in mir.blocks.iter().enumerate().filter(|(_, b)| b.reachable) {
            let _ = writeln!(out, "b{b} (depth {}):", cfg.depth[b]);
            for inst in &block.insts {
                let _ = writeln!(out, "    {inst:?}");
            }
            let _ = writeln!(out, "    {:?}", block.term);
        }
        for (v, l) in alloc.locs.iter().enumerate() {
            if *l != regalloc::Loc::None {
                let _ = writeln!(out, "v{v}: {l:?}");
            }
        }
    }
    let fwd = layout::forwarding(&mir, &alloc);
    let order = layout::order(&mir, &cfg, &fwd);
    let mut index = vec![usize::MAX; mir.blocks.len()];
    for (i, &b) in order.iter().enumerate() {
        index[b as usize] = i;
    }
    let mut levels: Vec<u8> = Vec::new();
    for _ in 0..MAX_PASSES {
        let input = emitter::Input {
            regs,
            mir: &mir,
            alloc: &alloc,
            frame,
            fwd: &fwd,
            order: &order,
            param_live: &param_live,
            levels: &levels,
        };
        let pass = emitter::pass(&input).map_err(|e| err(&e))?;
        let need = emitter::relax(isa.has_thumb2(), &pass, &index);
        let settled = need
            .iter()
            .enumerate()
            .all(|(i, &n)| n <= levels.get(i).copied().unwrap_or(0));
        if settled {
            let code = pass.asm.finish().map_err(|e| err(&e))?;
            return Ok(Compiled { code });
        }
        levels = need
            .iter()
            .enumerate()
            .map(|(i, &n)| n.max(levels.get(i).copied().unwrap_or(0)))
            .collect();
    }
    Err(err(&"branch layout did not settle"))
}
