//! The native IR: what the lowering of a `@native`/`@viper` function produces and what every
//! backend (Cranelift on hosts, Thumb-2 on Cortex-M) consumes.
//!
//! A [`Function`] is a list of basic blocks over *virtual registers*. A virtual register is a
//! machine word with a viper type ([`Ty`]); it is a variable, not an SSA value — it may be assigned
//! in several blocks, and backends build SSA (Cranelift's frontend does) or allocate it to a
//! register or stack slot (Thumb-2). Every value is one machine word of the target: 64 bits on
//! x86-64/AArch64 hosts, 32 on Cortex-M. Integer operations wrap at that width. On 64-bit targets
//! a word can also hold a binary64 float's bits, which the float instructions operate on; they
//! and the divide instruction exist only there (see [`Inst::Float`], [`Inst::DivRem`]).
//!
//! Each block is a list of [`Inst`]s ended by one [`Term`]. Block 0 is the entry; the function's
//! parameters are assigned to `params` on entry. Calls into the VM go through the runtime helper
//! table ([`crate::helpers::Helper`]); a helper that fails returns 0 and the lowering emits the
//! branch to the handler itself, so the IR has no implicit control flow.

use alloc::string::String;
use alloc::vec::Vec;

use crate::helpers::Helper;

/// The viper type of a virtual register. All are one machine word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    /// Signed machine integer (`int`).
    Int,
    /// Unsigned machine integer (`uint`).
    Uint,
    /// 0 or 1 (`bool`).
    Bool,
    /// An untyped address (`ptr`).
    Ptr,
    /// Address of bytes (`ptr8`).
    Ptr8,
    /// Address of 16-bit halfwords (`ptr16`).
    Ptr16,
    /// Address of 32-bit words (`ptr32`).
    Ptr32,
    /// A tagged Python object reference (`object`); 0 is the error/absent sentinel.
    Obj,
}

impl Ty {
    /// The name viper source and error messages use.
    pub fn name(self) -> &'static str {
        match self {
            Ty::Int => "int",
            Ty::Uint => "uint",
            Ty::Bool => "bool",
            Ty::Ptr => "ptr",
            Ty::Ptr8 => "ptr8",
            Ty::Ptr16 => "ptr16",
            Ty::Ptr32 => "ptr32",
            Ty::Obj => "object",
        }
    }

    /// The type an annotation or cast name denotes.
    pub fn from_name(name: &str) -> Option<Ty> {
        Some(match name {
            "int" => Ty::Int,
            "uint" => Ty::Uint,
            "bool" => Ty::Bool,
            "ptr" => Ty::Ptr,
            "ptr8" => Ty::Ptr8,
            "ptr16" => Ty::Ptr16,
            "ptr32" => Ty::Ptr32,
            "object" => Ty::Obj,
            _ => return None,
        })
    }

    /// Width of the element a typed pointer addresses.
    pub fn pointee(self) -> Option<Width> {
        match self {
            Ty::Ptr8 => Some(Width::W8),
            Ty::Ptr16 => Some(Width::W16),
            Ty::Ptr32 => Some(Width::W32),
            _ => None,
        }
    }

    /// Machine integers and pointers (everything but objects).
    pub fn is_machine(self) -> bool {
        self != Ty::Obj
    }
}

/// A virtual register: an index into [`Function::vregs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VReg(pub u32);

/// A basic block: an index into [`Function::blocks`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Block(pub u32);

/// Width of a memory access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Width {
    /// 8 bits.
    W8,
    /// 16 bits.
    W16,
    /// 32 bits.
    W32,
    /// The target's machine word (64 on hosts, 32 on Cortex-M).
    Word,
}

impl Width {
    /// log2 of the width in bytes, given the target word size in bytes.
    pub fn shift(self, word_bytes: u32) -> u32 {
        match self {
            Width::W8 => 0,
            Width::W16 => 1,
            Width::W32 => 2,
            Width::Word => word_bytes.trailing_zeros(),
        }
    }
}

/// Two-operand integer operations. All wrap at the machine width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `a + b`.
    Add,
    /// `a - b`.
    Sub,
    /// `a * b` (low word).
    Mul,
    /// `a & b`.
    And,
    /// `a | b`.
    Or,
    /// `a ^ b`.
    Xor,
    /// `a << (b mod width)`.
    Shl,
    /// Arithmetic `a >> (b mod width)`.
    Sar,
    /// Logical `a >> (b mod width)`.
    Shr,
}

/// Operations that also report signed overflow (small-int fast paths).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OvfOp {
    /// Signed add.
    Add,
    /// Signed subtract.
    Sub,
    /// Signed multiply.
    Mul,
}

/// Arithmetic on IEEE binary64 numbers held as their bit patterns in 64-bit words. Only 64-bit
/// targets have them: the lowering emits them for hosts, the Thumb-2 backend refuses them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FloatOp {
    /// `a + b`.
    Add,
    /// `a - b`.
    Sub,
    /// `a * b`.
    Mul,
    /// `a / b`.
    Div,
}

/// One-operand integer operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// `-a` (wrapping).
    Neg,
    /// `~a`.
    Not,
}

/// Integer comparison conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cond {
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// Signed `<`.
    Lt,
    /// Signed `<=`.
    Le,
    /// Signed `>`.
    Gt,
    /// Signed `>=`.
    Ge,
    /// Unsigned `<`.
    Ult,
    /// Unsigned `<=`.
    Ule,
    /// Unsigned `>`.
    Ugt,
    /// Unsigned `>=`.
    Uge,
}

impl Cond {
    /// The condition that holds exactly when `self` does not.
    pub fn negate(self) -> Cond {
        match self {
            Cond::Eq => Cond::Ne,
            Cond::Ne => Cond::Eq,
            Cond::Lt => Cond::Ge,
            Cond::Le => Cond::Gt,
            Cond::Gt => Cond::Le,
            Cond::Ge => Cond::Lt,
            Cond::Ult => Cond::Uge,
            Cond::Ule => Cond::Ugt,
            Cond::Ugt => Cond::Ule,
            Cond::Uge => Cond::Ult,
        }
    }
}

/// An instruction. `dst` registers are written, the others read.
#[derive(Clone, Debug, PartialEq)]
pub enum Inst {
    /// `dst = imm` (truncated to the machine width).
    Iconst {
        /// Destination.
        dst: VReg,
        /// The constant.
        imm: i64,
    },
    /// `dst = src`.
    Mov {
        /// Destination.
        dst: VReg,
        /// Source.
        src: VReg,
    },
    /// `dst = a op b`.
    Bin {
        /// The operation.
        op: BinOp,
        /// Destination.
        dst: VReg,
        /// Left operand.
        a: VReg,
        /// Right operand.
        b: VReg,
    },
    /// `dst = a op b; ovf = 1 if it overflowed as a signed operation else 0`.
    BinOvf {
        /// The operation.
        op: OvfOp,
        /// Destination (the wrapped result).
        dst: VReg,
        /// The overflow flag.
        ovf: VReg,
        /// Left operand.
        a: VReg,
        /// Right operand.
        b: VReg,
    },
    /// `dst = op a`.
    Un {
        /// The operation.
        op: UnOp,
        /// Destination.
        dst: VReg,
        /// Operand.
        a: VReg,
    },
    /// `dst = (a cond b) ? 1 : 0`.
    Cmp {
        /// The condition.
        cond: Cond,
        /// Destination (a `Bool`).
        dst: VReg,
        /// Left operand.
        a: VReg,
        /// Right operand.
        b: VReg,
    },
    /// `dst = *(base + offset)`, zero- or sign-extended from `width`.
    Load {
        /// Access width.
        width: Width,
        /// Sign-extend (otherwise zero-extend).
        signed: bool,
        /// Destination.
        dst: VReg,
        /// Base address.
        base: VReg,
        /// Byte offset.
        offset: i32,
    },
    /// `*(base + offset) = src`, truncated to `width`.
    Store {
        /// Access width.
        width: Width,
        /// Value stored.
        src: VReg,
        /// Base address.
        base: VReg,
        /// Byte offset.
        offset: i32,
    },
    /// `dst = a op b` on binary64 bit patterns (64-bit targets only).
    Float {
        /// The operation.
        op: FloatOp,
        /// Destination.
        dst: VReg,
        /// Left operand.
        a: VReg,
        /// Right operand.
        b: VReg,
    },
    /// `dst = (a cond b) ? 1 : 0` on binary64 bit patterns (64-bit targets only). Only the
    /// signed conditions are valid; they are ordered comparisons (false when either is a NaN),
    /// except `Ne`, which holds for a NaN.
    FloatCmp {
        /// The condition.
        cond: Cond,
        /// Destination (a `Bool`).
        dst: VReg,
        /// Left operand.
        a: VReg,
        /// Right operand.
        b: VReg,
    },
    /// `dst` = the binary64 bit pattern nearest the signed integer `a` (64-bit targets only).
    IntToFloat {
        /// Destination.
        dst: VReg,
        /// The integer.
        a: VReg,
    },
    /// Signed truncating division of words: `quot = a / b`, `rem = a % b` (the remainder has
    /// the dividend's sign). `b` must be non-zero and `(a, b)` not `(MIN, -1)`: the lowering
    /// guards both. 64-bit targets only (ARMv6-M has no divide instruction; the Thumb-2 backend
    /// refuses it).
    DivRem {
        /// The quotient.
        quot: VReg,
        /// The remainder.
        rem: VReg,
        /// Dividend.
        a: VReg,
        /// Divisor.
        b: VReg,
    },
    /// Call a runtime helper; `dst` receives its result (helpers that return nothing have none).
    Call {
        /// Which helper.
        helper: Helper,
        /// Arguments, one word each; the count must equal the helper's arity.
        args: Vec<VReg>,
        /// Where the result goes.
        dst: Option<VReg>,
    },
}

/// How a block ends.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    /// Go to a block.
    Jump(Block),
    /// Go to `then` if `cond != 0`, else to `else_`.
    Branch {
        /// The tested register.
        cond: VReg,
        /// Taken when non-zero.
        then: Block,
        /// Taken when zero.
        else_: Block,
    },
    /// Go to `targets[v]`, or `default` when `v` is out of range (unsigned).
    Switch {
        /// The index.
        v: VReg,
        /// One block per index.
        targets: Vec<Block>,
        /// Out of range.
        default: Block,
    },
    /// Return a word to the caller.
    Return(VReg),
    /// Not yet terminated (only while the function is being built; the verifier rejects it).
    Unterminated,
}

/// A basic block's contents.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockData {
    /// The instructions, in order.
    pub insts: Vec<Inst>,
    /// The terminator.
    pub term: Term,
    /// Rarely run (error paths): backends may lay it out of line.
    pub cold: bool,
}

/// A function in the IR.
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// A name for printing and debugging (the Python qualified name).
    pub name: String,
    /// The registers assigned from the incoming arguments, in order.
    pub params: Vec<VReg>,
    /// The type of each virtual register.
    pub vregs: Vec<Ty>,
    /// The blocks; block 0 is the entry.
    pub blocks: Vec<BlockData>,
}

impl Function {
    /// An empty function with an entry block and no parameters.
    pub fn new(name: &str) -> Function {
        Function {
            name: String::from(name),
            params: Vec::new(),
            vregs: Vec::new(),
            blocks: alloc::vec![BlockData {
                insts: Vec::new(),
                term: Term::Unterminated,
                cold: false,
            }],
        }
    }

    /// A fresh virtual register of type `ty`.
    pub fn vreg(&mut self, ty: Ty) -> VReg {
        self.vregs.push(ty);
        VReg(self.vregs.len() as u32 - 1)
    }

    /// A fresh, empty block.
    pub fn block(&mut self) -> Block {
        self.blocks.push(BlockData {
            insts: Vec::new(),
            term: Term::Unterminated,
            cold: false,
        });
        Block(self.blocks.len() as u32 - 1)
    }

    /// The type of `v`.
    pub fn ty(&self, v: VReg) -> Ty {
        self.vregs[v.0 as usize]
    }

    /// The data of block `b`.
    pub fn data(&self, b: Block) -> &BlockData {
        &self.blocks[b.0 as usize]
    }

    /// The data of block `b`, mutably.
    pub fn data_mut(&mut self, b: Block) -> &mut BlockData {
        &mut self.blocks[b.0 as usize]
    }
}

impl Inst {
    /// The registers the instruction reads.
    pub fn uses(&self) -> Vec<VReg> {
        match self {
            Inst::Iconst { .. } => Vec::new(),
            Inst::Mov { src, .. } => alloc::vec![*src],
            Inst::Bin { a, b, .. }
            | Inst::BinOvf { a, b, .. }
            | Inst::Cmp { a, b, .. }
            | Inst::Float { a, b, .. }
            | Inst::FloatCmp { a, b, .. }
            | Inst::DivRem { a, b, .. } => alloc::vec![*a, *b],
            Inst::Un { a, .. } | Inst::IntToFloat { a, .. } => alloc::vec![*a],
            Inst::Load { base, .. } => alloc::vec![*base],
            Inst::Store { src, base, .. } => alloc::vec![*src, *base],
            Inst::Call { args, .. } => args.clone(),
        }
    }

    /// The registers the instruction writes.
    pub fn defs(&self) -> Vec<VReg> {
        match self {
            Inst::Iconst { dst, .. }
            | Inst::Mov { dst, .. }
            | Inst::Bin { dst, .. }
            | Inst::Un { dst, .. }
            | Inst::Cmp { dst, .. }
            | Inst::Float { dst, .. }
            | Inst::FloatCmp { dst, .. }
            | Inst::IntToFloat { dst, .. }
            | Inst::Load { dst, .. } => alloc::vec![*dst],
            Inst::BinOvf { dst, ovf, .. } => alloc::vec![*dst, *ovf],
            Inst::DivRem { quot, rem, .. } => alloc::vec![*quot, *rem],
            Inst::Store { .. } => Vec::new(),
            Inst::Call { dst, .. } => dst.iter().copied().collect(),
        }
    }
}

impl Term {
    /// The blocks control can go to next.
    pub fn successors(&self) -> Vec<Block> {
        match self {
            Term::Jump(b) => alloc::vec![*b],
            Term::Branch { then, else_, .. } => alloc::vec![*then, *else_],
            Term::Switch {
                targets, default, ..
            } => {
                let mut v = targets.clone();
                v.push(*default);
                v
            }
            Term::Return(_) | Term::Unterminated => Vec::new(),
        }
    }

    /// The registers the terminator reads.
    pub fn uses(&self) -> Vec<VReg> {
        match self {
            Term::Branch { cond, .. } => alloc::vec![*cond],
            Term::Switch { v, .. } => alloc::vec![*v],
            Term::Return(v) => alloc::vec![*v],
            Term::Jump(_) | Term::Unterminated => Vec::new(),
        }
    }
}
