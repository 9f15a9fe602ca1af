//! Pyrite's Thumb-2 code generation for Cortex-M: the instruction encoder, the assembler
//! that the `@micropython.asm_thumb` assembler and the native backend share, the
//! `@micropython.asm_thumb` assembler itself, and the backend of the native IR.
//!
//! - [`encode`]: pure encoders, operands in, one instruction out, for ARMv6-M, ARMv7-M and
//!   ARMv7E-M with FPv4-SP ([`Isa`]). Each picks the smallest encoding that means exactly
//!   what GNU as (unified syntax) means by the same text, and refuses forms the level lacks
//!   and operands out of range with an [`Error`], never a panic.
//! - [`Assembler`]: a code buffer with labels, branch relaxation, IT-block tracking,
//!   `align`/`data`, `adr`, PC-relative loads and literal pools.
//! - [`inline`]: MicroPython's `@micropython.asm_thumb` assembler on top of the
//!   [`Assembler`], taking the body the frontend parsed.
//! - [`codegen`]: `@native`/`@viper` functions' IR (`emit::ir`) to position-independent Thumb
//!   code, with register allocation, on top of the same [`Assembler`].
//!
//! The golden tests (`tests/encodings.rs`) check every form against bytes recorded from GNU
//! as by `tools/record_thumb_encodings.py`.
//!
//! ```
//! use native_thumb::{Assembler, Cond, Isa, reg::*};
//!
//! // Sum r0 words at r1.
//! let mut a = Assembler::new(Isa::ArmV7M);
//! let (top, done) = (a.new_label(), a.new_label());
//! a.movs(R2, 0u32)?;
//! a.cbz(R0, done)?;
//! a.bind(top)?;
//! a.ldr(R3, native_thumb::Mem::PostIndex(R1, 4))?;
//! a.add(R2, R2, R3)?;
//! a.subs(R0, R0, 1u32)?;
//! a.b_cond(Cond::Ne, top)?;
//! a.bind(done)?;
//! a.mov(R0, R2)?;
//! a.bx(LR)?;
//! let code = a.finish()?;
//! assert_eq!(code, [0x00, 0x22, 0x20, 0xb1, 0x51, 0xf8, 0x04, 0x3b, 0x1a, 0x44, 0x01, 0x38,
//!                   0xfa, 0xd1, 0x10, 0x46, 0x70, 0x47]);
//! # Ok::<(), native_thumb::Error>(())
//! ```

#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod asm;
pub mod codegen;
pub mod encode;
pub mod error;
pub mod inline;
pub mod isa;
pub mod operand;
pub mod reg;

pub use asm::{Assembler, Label, Width};
pub use encode::{Cx, Insn, ItPos};
pub use error::Error;
pub use isa::Isa;
pub use operand::{Cond, Flags, Mem, Shift, Src, SysReg};
pub use reg::{DReg, Reg, RegList, SReg};
