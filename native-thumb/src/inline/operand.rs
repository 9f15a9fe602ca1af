//! Operands of inline-assembler statements: reading registers, integers, labels, addresses
//! and register lists out of [`AsmArg`]s, and turning every refusal (the operand's or the
//! encoder's) into an [`InlineError`] at the statement, in MicroPython's words where it has
//! some.
//!
//! Nothing here indexes without checking: a missing operand is the "unsupported Thumb
//! instruction" error, never a panic.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;

use frontend::bytecode::asm::{AsmArg, AsmStmt};

use super::InlineError;
use crate::asm::Label;
use crate::error::Error;
use crate::isa::Isa;
use crate::operand::{Cond, Src, SysReg};
use crate::reg::{Reg, RegList, SReg};

/// Labels by name, created before the body is assembled so that branches may go forward.
pub(super) type Labels<'a> = BTreeMap<&'a str, Label>;

/// One statement being assembled, with what its operands are read against.
pub(super) struct Stmt<'a> {
    /// The instruction name as written (`and_`, `beq_n`).
    pub op: &'a str,
    /// Its operands.
    pub args: &'a [AsmArg],
    /// The source position errors are reported at.
    pub line: u32,
    pub col: u32,
    /// The target.
    pub isa: Isa,
    /// Every label of the body.
    pub labels: &'a Labels<'a>,
}

/// What MicroPython accepts in the form being assembled, for its error messages when the
/// encoder refuses something wider.
#[derive(Clone, Copy, Default)]
pub(super) struct Mp {
    /// MicroPython takes only `r0`–`r7` here.
    pub low: bool,
    /// MicroPython's mask for the immediate, and the immediate given.
    pub imm: Option<(i64, u32)>,
}

impl Mp {
    /// No MicroPython limits to quote.
    pub const ANY: Mp = Mp {
        low: false,
        imm: None,
    };
    /// A form MicroPython restricts to `r0`–`r7`.
    pub const LOW: Mp = Mp {
        low: true,
        imm: None,
    };

    /// The same, with MicroPython's mask for the immediate `value`.
    pub const fn mask(self, value: i64, mask: u32) -> Mp {
        Mp {
            low: self.low,
            imm: Some((value, mask)),
        }
    }
}

/// The second operand of an address `[rn, x]`.
#[derive(Clone, Copy)]
pub(super) enum Offset {
    /// An integer offset, as written.
    Imm(i64),
    /// An index register.
    Reg(Reg),
}

/// The low 32 bits of an integer operand, as MicroPython truncates them.
pub(super) fn imm32(v: i64) -> u32 {
    v as u32
}

/// An offset for the encoder: out-of-range values stay out of range, so it refuses them.
pub(super) fn offset32(v: i64) -> i32 {
    i32::try_from(v).unwrap_or(if v < 0 { i32::MIN } else { i32::MAX })
}

/// A core register by MicroPython's names: `r0`–`r15`, `sl`, `fp`, `sp`, `lr`, `pc`.
pub(super) fn core_reg(name: &str) -> Option<Reg> {
    let n = match name {
        "sl" => 10,
        "fp" => 11,
        "sp" => 13,
        "lr" => 14,
        "pc" => 15,
        _ => {
            let digits = name.strip_prefix('r')?;
            if digits.is_empty() || digits.len() > 2 || (digits.len() == 2 && digits < "10") {
                return None;
            }
            digits.parse::<u8>().ok()?
        }
    };
    Reg::new(n)
}

/// Whether an operand names a core register.
pub(super) fn is_core_reg(arg: &AsmArg) -> bool {
    matches!(arg, AsmArg::Name(n) if core_reg(n).is_some())
}

/// Whether an operand names a VFP register `s0`–`s31`.
pub(super) fn is_vfp_reg(arg: &AsmArg) -> bool {
    matches!(arg, AsmArg::Name(n) if vfp_reg(n) == Some(true))
}

/// `Some(true)` for `s0`–`s31`, `Some(false)` for `s` and digits beyond 31, `None` for
/// anything else.
fn vfp_reg(name: &str) -> Option<bool> {
    let digits = name.strip_prefix('s')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse::<u32>().is_ok_and(|n| n < 32))
}

/// A condition code as `b<cc>` and `it` take it (`al` excluded for branches by the caller).
pub(super) fn cond(name: &str) -> Option<Cond> {
    Cond::from_name(name)
}

/// A special register for `mrs`: MicroPython's `IPSR` and `BASEPRI`, and the others the
/// architecture has.
fn sys_reg(name: &str) -> Option<SysReg> {
    Some(match name {
        "APSR" => SysReg::Apsr,
        "IAPSR" => SysReg::Iapsr,
        "EAPSR" => SysReg::Eapsr,
        "XPSR" => SysReg::Xpsr,
        "IPSR" => SysReg::Ipsr,
        "EPSR" => SysReg::Epsr,
        "IEPSR" => SysReg::Iepsr,
        "MSP" => SysReg::Msp,
        "PSP" => SysReg::Psp,
        "PRIMASK" => SysReg::Primask,
        "BASEPRI" => SysReg::Basepri,
        "BASEPRI_MAX" => SysReg::BasepriMax,
        "FAULTMASK" => SysReg::Faultmask,
        "CONTROL" => SysReg::Control,
        _ => return None,
    })
}

/// The name a message gives an ISA level.
pub(super) fn isa_name(isa: Isa) -> &'static str {
    match isa {
        Isa::ArmV6M => "armv6m",
        Isa::ArmV7M => "armv7m",
        Isa::ArmV7EMSP => "armv7emsp",
    }
}

impl<'a> Stmt<'a> {
    /// A statement of the body.
    pub fn new(stmt: &'a AsmStmt, isa: Isa, labels: &'a Labels<'a>) -> Stmt<'a> {
        Stmt {
            op: &stmt.op,
            args: &stmt.args,
            line: stmt.line,
            col: stmt.col,
            isa,
            labels,
        }
    }

    /// An error at this statement.
    pub fn error(&self, message: impl Into<String>) -> InlineError {
        InlineError {
            line: self.line,
            col: self.col,
            message: message.into(),
        }
    }

    /// MicroPython's error for a name or operand count it doesn't know.
    pub fn unsupported(&self) -> InlineError {
        self.error(format!(
            "unsupported Thumb instruction '{}' with {} arguments",
            self.op,
            self.args.len()
        ))
    }

    /// Operand `i`.
    pub fn arg(&self, i: usize) -> Result<&'a AsmArg, InlineError> {
        self.args.get(i).ok_or_else(|| self.unsupported())
    }

    /// A core register operand.
    pub fn reg_of(&self, arg: &AsmArg) -> Result<Reg, InlineError> {
        match arg {
            AsmArg::Name(n) => core_reg(n),
            _ => None,
        }
        .ok_or_else(|| self.error(format!("'{}' expects a register", self.op)))
    }

    /// Operand `i` as a core register.
    pub fn reg(&self, i: usize) -> Result<Reg, InlineError> {
        self.reg_of(self.arg(i)?)
    }

    /// Operand `i` as a VFP register `s0`–`s31`.
    pub fn sreg(&self, i: usize) -> Result<SReg, InlineError> {
        let name = match self.arg(i)? {
            AsmArg::Name(n) => n.as_str(),
            _ => "",
        };
        match vfp_reg(name) {
            Some(true) => {
                let n = name[1..].parse::<u8>().ok().and_then(SReg::new);
                n.ok_or_else(|| self.error(format!("'{}' expects an FPU register", self.op)))
            }
            Some(false) => Err(self.error(format!("'{}' expects at most s31", self.op))),
            None => Err(self.error(format!("'{}' expects an FPU register", self.op))),
        }
    }

    /// An integer operand.
    pub fn int_of(&self, arg: &AsmArg) -> Result<i64, InlineError> {
        match arg {
            AsmArg::Int(v) => Ok(*v),
            _ => Err(self.error(format!("'{}' expects an integer", self.op))),
        }
    }

    /// Operand `i` as an integer.
    pub fn int(&self, i: usize) -> Result<i64, InlineError> {
        self.int_of(self.arg(i)?)
    }

    /// Operand `i` as a register or an immediate (MicroPython's test: a name is a register).
    pub fn src(&self, i: usize) -> Result<Src, InlineError> {
        match self.arg(i)? {
            arg @ AsmArg::Name(_) => self.reg_of(arg).map(Src::Reg),
            arg => self.int_of(arg).map(|v| Src::Imm(imm32(v))),
        }
    }

    /// Operand `i` as a label of the body.
    pub fn label(&self, i: usize) -> Result<Label, InlineError> {
        match self.arg(i)? {
            AsmArg::Name(n) => self
                .labels
                .get(n.as_str())
                .copied()
                .ok_or_else(|| self.error(format!("label '{n}' not defined"))),
            _ => Err(self.error(format!("'{}' expects a label", self.op))),
        }
    }

    /// Operand `i` as an address `[rn, offset]` or `[rn, rm]`.
    pub fn addr(&self, i: usize) -> Result<(Reg, Offset), InlineError> {
        let [base, off] = match self.arg(i)? {
            AsmArg::List(items) => match items.as_slice() {
                [base, off] => [base, off],
                _ => return Err(self.bad_addr()),
            },
            _ => return Err(self.bad_addr()),
        };
        let rn = self.reg_of(base)?;
        let off = match off {
            AsmArg::Name(_) => Offset::Reg(self.reg_of(off)?),
            _ => Offset::Imm(self.int_of(off)?),
        };
        Ok((rn, off))
    }

    /// Operand `i` as an address with an integer offset.
    pub fn addr_imm(&self, i: usize) -> Result<(Reg, i64), InlineError> {
        match self.addr(i)? {
            (rn, Offset::Imm(v)) => Ok((rn, v)),
            (_, Offset::Reg(_)) => Err(self.error(format!("'{}' expects an integer", self.op))),
        }
    }

    fn bad_addr(&self) -> InlineError {
        self.error(format!(
            "'{}' expects an address of the form [a, b]",
            self.op
        ))
    }

    /// Operand `i` as a register list `{r0, r1, ...}`.
    pub fn reglist(&self, i: usize) -> Result<RegList, InlineError> {
        let AsmArg::Set(items) = self.arg(i)? else {
            return Err(self.error(format!("'{}' expects {{r0, r1, ...}}", self.op)));
        };
        let mut bits = 0u16;
        for item in items {
            bits |= 1 << self.reg_of(item)?.num();
        }
        Ok(RegList::from_bits(bits))
    }

    /// Operand `i` as a special register for `mrs`.
    pub fn sys_reg(&self, i: usize) -> Result<SysReg, InlineError> {
        match self.arg(i)? {
            AsmArg::Name(n) => sys_reg(n),
            _ => None,
        }
        .ok_or_else(|| self.error(format!("'{}' expects a special register", self.op)))
    }

    /// Whether some operand (in an address too) is a core register above `r7`.
    fn has_high_reg(&self) -> bool {
        fn high(arg: &AsmArg) -> bool {
            match arg {
                AsmArg::Name(n) => core_reg(n).is_some_and(|r| !r.is_low()),
                AsmArg::List(items) | AsmArg::Set(items) => items.iter().any(high),
                _ => false,
            }
        }
        self.args.iter().any(high)
    }

    /// Passes on an encoder result, turning a refusal into an error at this statement.
    pub fn enc(&self, result: Result<(), Error>, mp: Mp) -> Result<(), InlineError> {
        result.map_err(|e| self.encoder_error(e, mp))
    }

    /// The message for an encoder's refusal of this statement.
    pub fn encoder_error(&self, e: Error, mp: Mp) -> InlineError {
        let op = self.op;
        let thumb2 = self.isa.has_thumb2();
        // MicroPython's message for an immediate beyond its field, where ours is the same.
        let beyond_mask = match mp.imm {
            Some((v, mask)) if !thumb2 && imm32(v) & !mask != 0 => Some(format!(
                "'{op}' integer 0x{:x} doesn't fit in mask 0x{mask:x}",
                imm32(v)
            )),
            _ => None,
        };
        let message = match e {
            Error::NotInIsa { .. } | Error::ImmOutOfRange { .. } if beyond_mask.is_some() => {
                beyond_mask.unwrap_or_default()
            }
            Error::NotInIsa { .. } if mp.low && !thumb2 && self.has_high_reg() => {
                format!("'{op}' expects at most r7")
            }
            Error::NotInIsa { form, isa } if form == op => {
                format!("'{op}' is not available on {}", isa_name(isa))
            }
            Error::NotInIsa { form, isa } => {
                format!("'{op}' is not available on {} ({form})", isa_name(isa))
            }
            Error::ImmOutOfRange { value, .. } => match mp.imm {
                Some((v, _)) => format!("'{op}' integer 0x{:x} can't be encoded", imm32(v)),
                None => format!("'{op}' integer {value} can't be encoded"),
            },
            Error::BadRegister { reg, .. } if reg.num() <= 12 => {
                format!("'{op}' expects at most r7")
            }
            Error::BadRegister { reg, .. } => format!("'{op}' can't use {reg}"),
            Error::BadOperand { why, .. } | Error::ItBlock { why, .. } => {
                format!("'{op}': {why}")
            }
            Error::OutOfRange { .. } if op.starts_with('b') || op.starts_with("cb") => {
                String::from("branch not in range")
            }
            Error::OutOfRange { .. } => format!("'{op}' target not in range"),
            Error::UnboundLabel(_) => format!("'{op}' uses a label that is not defined"),
            Error::LabelBoundTwice(_) => String::from("label redefined"),
            Error::Misaligned { .. } => {
                format!("'{op}' would start at an odd address: put align(2) after odd-sized data")
            }
        };
        self.error(message)
    }
}
