//! The one error type of the encoder and the assembler: every refusal names the form and why.

use core::fmt;

use crate::asm::Label;
use crate::isa::Isa;
use crate::reg::Reg;

/// Why an instruction or a program could not be encoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The instruction (or this form of it) does not exist on the target ISA level.
    NotInIsa {
        /// The instruction form, e.g. `sdiv` or `32-bit add`.
        form: &'static str,
        /// The level that lacks it.
        isa: Isa,
    },
    /// No encoding of the instruction can hold this immediate or offset.
    ImmOutOfRange {
        /// The instruction.
        form: &'static str,
        /// The value asked for.
        value: i64,
    },
    /// The form does not allow this register here (e.g. `sp` or `pc`, or a high register in a
    /// 16-bit-only form).
    BadRegister {
        /// The instruction.
        form: &'static str,
        /// The register refused.
        reg: Reg,
    },
    /// Some other operand combination the instruction cannot express.
    BadOperand {
        /// The instruction.
        form: &'static str,
        /// What is wrong.
        why: &'static str,
    },
    /// The instruction breaks an IT block rule (e.g. a branch that isn't last in the block).
    ItBlock {
        /// The instruction.
        form: &'static str,
        /// The rule broken.
        why: &'static str,
    },
    /// A branch or PC-relative reference cannot reach its label.
    OutOfRange {
        /// The instruction, e.g. `b.n` or `cbz`.
        form: &'static str,
        /// Byte offset of the instruction in the code.
        at: usize,
        /// Distance from the instruction's PC value to the target, in bytes.
        distance: i64,
    },
    /// A label was used but never bound.
    UnboundLabel(Label),
    /// A label was bound twice.
    LabelBoundTwice(Label),
    /// An instruction would start at an odd byte offset (after odd-sized data).
    Misaligned {
        /// Byte offset.
        at: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotInIsa { form, isa } => write!(f, "{form}: not available on {isa}"),
            Error::ImmOutOfRange { form, value } => {
                write!(f, "{form}: immediate {value} cannot be encoded")
            }
            Error::BadRegister { form, reg } => {
                write!(f, "{form}: register {reg} not allowed here")
            }
            Error::BadOperand { form, why } => write!(f, "{form}: {why}"),
            Error::ItBlock { form, why } => write!(f, "{form}: {why}"),
            Error::OutOfRange { form, at, distance } => {
                write!(
                    f,
                    "{form} at offset {at}: target {distance} bytes away is out of range"
                )
            }
            Error::UnboundLabel(l) => write!(f, "label {} used but never bound", l.index()),
            Error::LabelBoundTwice(l) => write!(f, "label {} bound twice", l.index()),
            Error::Misaligned { at } => {
                write!(
                    f,
                    "instruction at odd offset {at}: align the data before it"
                )
            }
        }
    }
}

impl core::error::Error for Error {}
