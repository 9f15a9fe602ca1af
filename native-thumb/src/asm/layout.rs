//! Layout: sizing the variable-size items (branches, `adr`, PC-relative loads, alignment,
//! literal pools), then writing the final bytes.
//!
//! Relaxation follows GNU as: every item that may be narrow or wide starts narrow; each round
//! computes all addresses and widens every narrow item whose 16-bit encoding doesn't reach.
//! Items only grow, so this ends, at the same fixpoint GNU as's relaxation reaches.
//! On ARMv6-M nothing can widen and an item that doesn't reach is an error.

use alloc::vec::Vec;

use super::{Anchor, Assembler, Label, Width};
use crate::encode::control;
use crate::encode::mem::{self, MemOp};
use crate::encode::{Cx, Insn, ItPos};
use crate::error::Error;
use crate::operand::Cond;
use crate::reg::Reg;

/// A word in a literal pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PoolValue {
    /// A constant.
    Const(u32),
    /// The absolute address of a label (the assembler's base plus its offset).
    Addr(Label),
}

/// What a PC-relative load reads: a label in the code, or an entry of a literal pool
/// (pools are numbered in the order they are placed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LitRef {
    Label(Label),
    Pool { pool: usize, index: usize },
}

/// Something whose size is only known at layout time.
#[derive(Clone, Debug)]
pub(super) enum ItemKind {
    /// `b<cond>` (`Cond::Al`: plain `b`).
    Branch {
        cond: Cond,
        target: Label,
        width: Width,
    },
    /// `bl`: always 32-bit, but its offset waits for the label.
    Bl(Label),
    /// `cbz`/`cbnz`: always 16-bit, forward only.
    Cbz {
        nonzero: bool,
        rn: Reg,
        target: Label,
    },
    /// `adr rd, label`.
    Adr {
        rd: Reg,
        target: Label,
        width: Width,
    },
    /// A PC-relative load.
    Load {
        op: MemOp,
        rt: Reg,
        from: LitRef,
        width: Width,
    },
    /// Padding to a multiple of this many bytes.
    Align(u32),
    /// A literal pool: padding to 4, then the words.
    Pool(Vec<PoolValue>),
}

impl ItemKind {
    /// The width choice of an item that has one.
    pub(super) fn width(&self) -> Option<Width> {
        match self {
            ItemKind::Branch { width, .. }
            | ItemKind::Adr { width, .. }
            | ItemKind::Load { width, .. } => Some(*width),
            _ => None,
        }
    }
}

/// An item and where it goes: `at` bytes into the fixed buffer, encoded for IT position `it`.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub at: usize,
    pub it: ItPos,
    pub kind: ItemKind,
}

/// Encodes one instruction item for a PC-relative `offset` (from PC for branches, from
/// Align(PC, 4) for `adr` and loads).
fn encode(kind: &ItemKind, cx: Cx, offset: i32, wide: bool) -> Result<Insn, Error> {
    match *kind {
        ItemKind::Branch { cond, .. } => control::b_cond(cx, cond, offset, wide),
        ItemKind::Bl(_) => control::bl(cx, offset),
        ItemKind::Cbz { nonzero, rn, .. } => control::cbz(cx, nonzero, rn, offset),
        ItemKind::Adr { rd, .. } => mem::adr(cx, rd, offset, wide),
        ItemKind::Load { op, rt, .. } => mem::literal(cx, op, rt, offset, wide),
        ItemKind::Align(_) | ItemKind::Pool(_) => Err(Error::BadOperand {
            form: "layout",
            why: "not an instruction",
        }),
    }
}

/// The widths an item may take, narrow first.
pub(super) fn widths(kind: &ItemKind) -> &'static [bool] {
    match kind {
        ItemKind::Bl(_) => &[true],
        ItemKind::Cbz { .. } => &[false],
        _ => match kind.width() {
            Some(Width::Narrow) => &[false],
            Some(Width::Wide) => &[true],
            _ => &[false, true],
        },
    }
}

/// Refuses an item that no offset could make encodable (a bad register, a form outside the
/// ISA, a branch in the wrong IT position), so the error comes from the call that made it.
pub(super) fn check_operands(kind: &ItemKind, cx: Cx) -> Result<(), Error> {
    let mut last = Ok(());
    let widths = widths(kind);
    // Without Thumb-2 a relaxable item can only be narrow: that error is the one to report.
    let widths = if !cx.isa.has_thumb2() && widths.len() > 1 {
        &widths[..1]
    } else {
        widths
    };
    for &wide in widths {
        match encode(kind, cx, 0, wide) {
            Ok(_) => return Ok(()),
            Err(e) => last = Err(e),
        }
    }
    last
}

/// Addresses under one choice of widths.
struct Layout {
    /// `before[i]`: total size of items `0..i`.
    before: Vec<usize>,
    /// Each item's address.
    addr: Vec<usize>,
    /// Item index of each pool.
    pools: Vec<usize>,
}

impl Layout {
    fn new(asm: &Assembler, wide: &[bool]) -> Layout {
        let n = asm.items.len();
        let mut lay = Layout {
            before: Vec::with_capacity(n + 1),
            addr: Vec::with_capacity(n),
            pools: Vec::new(),
        };
        let mut total = 0;
        for (i, item) in asm.items.iter().enumerate() {
            lay.before.push(total);
            let addr = item.at + total;
            lay.addr.push(addr);
            total += match &item.kind {
                ItemKind::Align(n) => pad(addr, *n as usize),
                ItemKind::Pool(values) => {
                    lay.pools.push(i);
                    pad(addr, 4) + 4 * values.len()
                }
                _ if wide[i] => 4,
                _ => 2,
            };
        }
        lay.before.push(total);
        lay
    }

    fn label(&self, asm: &Assembler, label: Label) -> Result<usize, Error> {
        match asm.labels.get(label.index()).copied().flatten() {
            Some(Anchor { at, items }) => Ok(at + self.before[items]),
            None => Err(Error::UnboundLabel(label)),
        }
    }

    /// The address an item refers to and the offset of its PC-relative field.
    fn offset(&self, asm: &Assembler, i: usize) -> Result<i64, Error> {
        let addr = self.addr[i];
        let pc = addr as i64 + 4;
        Ok(match &asm.items[i].kind {
            ItemKind::Branch { target, .. }
            | ItemKind::Bl(target)
            | ItemKind::Cbz { target, .. } => self.label(asm, *target)? as i64 - pc,
            ItemKind::Adr { target, .. }
            | ItemKind::Load {
                from: LitRef::Label(target),
                ..
            } => self.label(asm, *target)? as i64 - (pc & !3),
            ItemKind::Load {
                from: LitRef::Pool { pool, index },
                ..
            } => {
                let p = self.pools[*pool];
                (self.addr[p] + pad(self.addr[p], 4) + 4 * index) as i64 - (pc & !3)
            }
            ItemKind::Align(_) | ItemKind::Pool(_) => 0,
        })
    }

    /// Encodes instruction item `i` at its address, with the given width.
    fn encode(&self, asm: &Assembler, i: usize, wide: bool) -> Result<Insn, Error> {
        let item = &asm.items[i];
        let cx = Cx {
            isa: asm.isa,
            it: item.it,
        };
        let offset = self.offset(asm, i)?;
        let at = self.addr[i];
        let offset = i32::try_from(offset).map_err(|_| Error::OutOfRange {
            form: "branch",
            at,
            distance: offset,
        })?;
        encode(&item.kind, cx, offset, wide).map_err(|e| match e {
            Error::OutOfRange { form, distance, .. } => Error::OutOfRange { form, at, distance },
            e => e,
        })
    }
}

fn pad(addr: usize, n: usize) -> usize {
    (n - addr % n) % n
}

/// Sizes every item, then writes the code; returns it with the label offsets (also on
/// failure, as they were in the layout that failed).
#[allow(clippy::type_complexity)]
pub(super) fn finish(
    asm: &Assembler,
) -> Result<(Vec<u8>, Vec<Option<usize>>), (Error, Vec<Option<usize>>)> {
    let items = &asm.items;
    let mut wide: Vec<bool> = items
        .iter()
        .map(|item| widths(&item.kind) == [true])
        .collect();
    let lay = loop {
        let lay = Layout::new(asm, &wide);
        let mut grew = false;
        if asm.isa.has_thumb2() {
            for (i, item) in items.iter().enumerate() {
                if !wide[i]
                    && widths(&item.kind) == [false, true]
                    && lay.encode(asm, i, false).is_err()
                {
                    wide[i] = true;
                    grew = true;
                }
            }
        }
        if !grew {
            break lay;
        }
    };

    // Every bound label has an address in the final layout.
    let labels: Vec<Option<usize>> = (0..asm.labels.len())
        .map(|i| lay.label(asm, Label(i as u32)).ok())
        .collect();
    match write(asm, &lay, &wide) {
        Ok(out) => Ok((out, labels)),
        Err(e) => Err((e, labels)),
    }
}

/// Writes the code for a layout whose widths are settled.
fn write(asm: &Assembler, lay: &Layout, wide: &[bool]) -> Result<Vec<u8>, Error> {
    let items = &asm.items;
    let total = asm.bytes.len() + lay.before[items.len()];
    let mut out = Vec::with_capacity(total);
    let mut copied = 0;
    for (i, item) in items.iter().enumerate() {
        out.extend_from_slice(&asm.bytes[copied..item.at]);
        copied = item.at;
        match &item.kind {
            ItemKind::Align(n) => {
                let n = pad(out.len(), *n as usize);
                fill_code(&mut out, n, asm.isa.has_thumb2());
            }
            ItemKind::Pool(values) => {
                out.resize(out.len() + pad(out.len(), 4), 0);
                for v in values {
                    let word = match *v {
                        PoolValue::Const(c) => c,
                        PoolValue::Addr(l) => asm.base.wrapping_add(lay.label(asm, l)? as u32),
                    };
                    out.extend_from_slice(&word.to_le_bytes());
                }
            }
            _ => {
                let insn = lay.encode(asm, i, wide[i])?;
                out.extend_from_slice(&insn.to_bytes()[..insn.size()]);
            }
        }
    }
    out.extend_from_slice(&asm.bytes[copied..]);
    debug_assert_eq!(out.len(), total);
    Ok(out)
}

/// Padding in code as GNU as writes it: a zero byte to reach an even address, a 16-bit nop
/// to reach a multiple of 4, then 32-bit nops (only 16-bit `mov r8, r8` without Thumb-2).
fn fill_code(out: &mut Vec<u8>, mut n: usize, thumb2: bool) {
    if n % 2 == 1 {
        out.push(0);
        n -= 1;
    }
    if !thumb2 {
        for _ in 0..n / 2 {
            out.extend_from_slice(&0x46C0u16.to_le_bytes());
        }
        return;
    }
    if n % 4 == 2 {
        out.extend_from_slice(&0xBF00u16.to_le_bytes());
        n -= 2;
    }
    for _ in 0..n / 4 {
        out.extend_from_slice(&[0xAF, 0xF3, 0x00, 0x80]);
    }
}
