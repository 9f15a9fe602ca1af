//! The assembler: a code buffer with labels, branches and literal pools on top of the pure
//! encoders, driven the same way by the inline assembler and by code generators.
//!
//! Fixed-size instructions go straight into the buffer. Everything whose size depends on
//! where labels end up (branches, `adr`, PC-relative loads, alignment, literal pools) is kept
//! as an *item* at its position and sized in [`Assembler::finish`] (see `layout.rs`), which
//! starts every relaxable item narrow and widens those that don't reach until nothing
//! changes, as GNU as does. The buffer also tracks the IT block in progress so each
//! instruction is encoded for its position in it.

mod insns;
mod layout;

use alloc::vec::Vec;

use crate::encode::{Cx, Insn, ItPos, control};
use crate::error::Error;
use crate::isa::Isa;
use crate::operand::Cond;
use layout::{Item, ItemKind, PoolValue};

/// A position in the code, created by [`Assembler::new_label`] and placed by
/// [`Assembler::bind`]; it may be used before it is bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(u32);

impl Label {
    /// The label's number, in creation order from 0.
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// Which encoding width a branch or PC-relative reference may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Width {
    /// The smallest that reaches (GNU as without a suffix).
    Auto,
    /// 16-bit only (`.n`).
    Narrow,
    /// 32-bit only (`.w`).
    Wide,
}

/// Where a bound label sits: `at` bytes into the fixed buffer, after the first `items`
/// items (an item at the same byte position may come before or after the label).
#[derive(Clone, Copy, Debug)]
struct Anchor {
    at: usize,
    items: usize,
}

/// A Thumb code buffer for one function (or one `@asm_thumb` body).
#[derive(Clone, Debug)]
pub struct Assembler {
    isa: Isa,
    /// Base address of the code, used only by `ldr rt, =label`.
    base: u32,
    /// The fixed bytes; items are inserted between them at layout time.
    bytes: Vec<u8>,
    items: Vec<Item>,
    labels: Vec<Option<Anchor>>,
    /// Literals waiting for the next pool, and how many pools were placed before it.
    pending: Vec<PoolValue>,
    pools: usize,
    /// Instructions left in the current IT block.
    it_left: u8,
    /// Whether the end of the code is at an odd byte offset (after odd-sized data).
    odd: bool,
    /// The most bytes the items so far can take once laid out (see [`Assembler::size_bound`]).
    item_bound: usize,
}

impl Assembler {
    /// An empty buffer for the given ISA level.
    pub fn new(isa: Isa) -> Assembler {
        Assembler::with_base(isa, 0)
    }

    /// An empty buffer whose first byte will sit at address `base`; only `ldr rt, =label`
    /// (an absolute address) depends on it.
    pub fn with_base(isa: Isa, base: u32) -> Assembler {
        Assembler {
            isa,
            base,
            bytes: Vec::new(),
            items: Vec::new(),
            labels: Vec::new(),
            pending: Vec::new(),
            pools: 0,
            it_left: 0,
            odd: false,
            item_bound: 0,
        }
    }

    /// The ISA level.
    pub fn isa(&self) -> Isa {
        self.isa
    }

    /// The encoding context for the next instruction.
    pub fn cx(&self) -> Cx {
        let it = match self.it_left {
            0 => ItPos::Outside,
            1 => ItPos::Last,
            _ => ItPos::Inside,
        };
        Cx { isa: self.isa, it }
    }

    /// Whether an IT block is open.
    pub fn in_it_block(&self) -> bool {
        self.it_left > 0
    }

    /// A new, unbound label.
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Places `label` at the current position.
    pub fn bind(&mut self, label: Label) -> Result<(), Error> {
        let Some(slot) = self.labels.get_mut(label.index()) else {
            return Err(Error::BadOperand {
                form: "bind",
                why: "label of another assembler",
            });
        };
        if slot.is_some() {
            return Err(Error::LabelBoundTwice(label));
        }
        *slot = Some(Anchor {
            at: self.bytes.len(),
            items: self.items.len(),
        });
        Ok(())
    }

    /// Appends an encoded instruction (counting it against an open IT block).
    pub fn insn(&mut self, insn: Insn) -> Result<(), Error> {
        self.start_insn()?;
        self.bytes
            .extend_from_slice(&insn.to_bytes()[..insn.size()]);
        Ok(())
    }

    /// Encodes with the current context and appends.
    pub(crate) fn emit(
        &mut self,
        enc: impl FnOnce(Cx) -> Result<Insn, Error>,
    ) -> Result<(), Error> {
        let insn = enc(self.cx())?;
        self.insn(insn)
    }

    /// Checks that an instruction may start here and steps the IT block.
    fn start_insn(&mut self) -> Result<(), Error> {
        if self.odd {
            return Err(Error::Misaligned {
                at: self.bytes.len(),
            });
        }
        self.it_left = self.it_left.saturating_sub(1);
        Ok(())
    }

    /// An upper bound on the size in bytes of the code so far once laid out (literals still
    /// waiting for a pool not counted). Code generators use it to keep PC-relative references
    /// in range: the real distance between two points never exceeds the difference of their
    /// bounds, because no item ever takes more than its bound.
    pub fn size_bound(&self) -> usize {
        self.bytes.len() + self.item_bound
    }

    /// Records a variable-size instruction; its IT position is taken now.
    fn item_insn(&mut self, kind: ItemKind) -> Result<(), Error> {
        let it = self.cx().it;
        self.start_insn()?;
        self.item_bound += match layout::widths(&kind) {
            [false] => 2,
            _ if !self.isa.has_thumb2() && !matches!(kind, ItemKind::Bl(_)) => 2,
            _ => 4,
        };
        self.items.push(Item {
            at: self.bytes.len(),
            it,
            kind,
        });
        Ok(())
    }

    fn not_in_it(&self, form: &'static str) -> Result<(), Error> {
        if self.in_it_block() {
            Err(Error::ItBlock {
                form,
                why: "data and directives can't go in an IT block",
            })
        } else {
            Ok(())
        }
    }

    /// `it{x{y{z}}} cond`: `pattern` is the `t`/`e` letters after the first, e.g. `"te"`
    /// for `itte`. The next `1 + pattern.len()` instructions form the block.
    pub fn it(&mut self, cond: Cond, pattern: &str) -> Result<(), Error> {
        let (insn, count) = control::it(self.cx(), cond, pattern)?;
        self.insn(insn)?;
        self.it_left = count;
        Ok(())
    }

    /// `.balign n`: pads to a multiple of `n` bytes (a power of two up to 4096) with what
    /// GNU as uses in code: a zero byte if odd, then `nop`s.
    pub fn align(&mut self, n: u32) -> Result<(), Error> {
        self.not_in_it("align")?;
        if !n.is_power_of_two() || n > 4096 {
            return Err(Error::BadOperand {
                form: "align",
                why: "alignment must be a power of two up to 4096",
            });
        }
        if n > 1 {
            self.item_bound += n as usize - 1;
            self.items.push(Item {
                at: self.bytes.len(),
                it: ItPos::Outside,
                kind: ItemKind::Align(n),
            });
            self.odd = false;
        }
        Ok(())
    }

    /// `data(size, values)`: `size` is 1, 2 or 4 bytes, little-endian; each value must fit
    /// as signed or unsigned.
    pub fn data(&mut self, size: u32, values: &[i64]) -> Result<(), Error> {
        self.not_in_it("data")?;
        if !matches!(size, 1 | 2 | 4) {
            return Err(Error::BadOperand {
                form: "data",
                why: "size must be 1, 2 or 4",
            });
        }
        let bits = size * 8;
        for &v in values {
            if v < -(1 << (bits - 1)) || v >= 1 << bits {
                return Err(Error::ImmOutOfRange {
                    form: "data",
                    value: v,
                });
            }
            self.bytes
                .extend_from_slice(&(v as u32).to_le_bytes()[..size as usize]);
        }
        self.odd ^= size == 1 && values.len() % 2 == 1;
        Ok(())
    }

    /// `.space n`: `n` zero bytes.
    pub fn space(&mut self, n: usize) -> Result<(), Error> {
        self.not_in_it("space")?;
        self.bytes.resize(self.bytes.len() + n, 0);
        self.odd ^= n % 2 == 1;
        Ok(())
    }

    /// `.ltorg`: places the literals used so far here (aligned to 4). The code must not run
    /// into it, so put it after an unconditional branch or return. [`Assembler::finish`]
    /// places any remaining literals after the code.
    pub fn ltorg(&mut self) -> Result<(), Error> {
        self.not_in_it("ltorg")?;
        if !self.pending.is_empty() {
            let values = core::mem::take(&mut self.pending);
            self.item_bound += 3 + 4 * values.len();
            self.items.push(Item {
                at: self.bytes.len(),
                it: ItPos::Outside,
                kind: ItemKind::Pool(values),
            });
            self.pools += 1;
            self.odd = false;
        }
        Ok(())
    }

    /// Adds a literal to the pending pool (sharing an equal one), returning (pool, index).
    fn literal(&mut self, value: PoolValue) -> (usize, usize) {
        let index = match self.pending.iter().position(|v| *v == value) {
            Some(i) => i,
            None => {
                self.pending.push(value);
                self.pending.len() - 1
            }
        };
        (self.pools, index)
    }

    /// Resolves every label and branch and returns the code, literal pool last.
    pub fn finish(self) -> Result<Vec<u8>, Error> {
        self.finish_with_labels().map(|(code, _)| code)
    }

    /// Like [`Assembler::finish`], also giving each label's byte offset (indexed by
    /// [`Label::index`]; `None` for labels never bound), e.g. for line tables.
    pub fn finish_with_labels(self) -> Result<(Vec<u8>, Vec<Option<usize>>), Error> {
        self.finish_located().map_err(|(e, _)| e)
    }

    /// Like [`Assembler::finish_with_labels`], but a failure also comes with the label
    /// offsets of the layout it was found in (all `None` when it was found before layout).
    /// A caller that binds a label before each source statement can then tell which
    /// statement an [`Error::OutOfRange`] (whose `at` is an offset in that layout) belongs to.
    #[allow(clippy::type_complexity)]
    pub fn finish_located(
        mut self,
    ) -> Result<(Vec<u8>, Vec<Option<usize>>), (Error, Vec<Option<usize>>)> {
        let unlocated = |e, n| (e, alloc::vec![None; n]);
        if self.in_it_block() {
            let e = Error::ItBlock {
                form: "it",
                why: "IT block not finished at end of code",
            };
            return Err(unlocated(e, self.labels.len()));
        }
        self.ltorg().map_err(|e| unlocated(e, self.labels.len()))?;
        layout::finish(&self)
    }
}
