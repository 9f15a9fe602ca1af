//! The inline-assembler cases, by kind: `forms` (each instruction form against the
//! `Assembler`), `layout` (labels, branches, data, alignment, literal loads), `errors`
//! (messages, lines and ISA refusals).

mod errors;
mod forms;
mod layout;

use native_thumb::Isa;

pub const V6M: Isa = Isa::ArmV6M;
pub const V7M: Isa = Isa::ArmV7M;
pub const V7EM: Isa = Isa::ArmV7EMSP;
/// The levels with Thumb-2.
pub const V7: [Isa; 2] = [V7M, V7EM];
