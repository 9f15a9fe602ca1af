//! The golden case table: GNU as text and the assembler calls meant to produce the same
//! bytes, grouped by instruction class. Every case runs on every ISA level unless it says
//! otherwise, so refusals are checked as much as encodings.
//!
//! Texts may hold several statements separated by `;` and use numeric local labels only
//! (`1:`, `b 1f`), since the script assembles all cases of a level in one file.

mod control;
mod data;
mod layout;
mod mem;
mod vfp;

use std::rc::Rc;

use native_thumb::{Assembler, Error, Isa};

pub type Build = Rc<dyn Fn(&mut Assembler) -> Result<(), Error>>;

pub struct Case {
    pub isa: Isa,
    pub asm: String,
    pub build: Build,
    /// We refuse this on purpose although GNU as accepts it.
    pub stricter: bool,
}

pub const V6M: Isa = Isa::ArmV6M;
pub const V7M: Isa = Isa::ArmV7M;
pub const V7EM: Isa = Isa::ArmV7EMSP;
pub const THUMB2: &[Isa] = &[V7M, V7EM];

#[derive(Default)]
pub struct Table {
    pub cases: Vec<Case>,
}

impl Table {
    /// A case on every ISA level.
    pub fn all(
        &mut self,
        asm: impl Into<String>,
        f: impl Fn(&mut Assembler) -> Result<(), Error> + 'static,
    ) {
        self.on(&Isa::ALL, asm, f);
    }

    /// A case on some levels only (e.g. huge branch ranges, or calls with no GNU as
    /// equivalent on the other levels).
    pub fn on(
        &mut self,
        isas: &[Isa],
        asm: impl Into<String>,
        f: impl Fn(&mut Assembler) -> Result<(), Error> + 'static,
    ) {
        let asm = asm.into();
        let build: Build = Rc::new(f);
        for &isa in isas {
            self.cases.push(Case {
                isa,
                asm: asm.clone(),
                build: build.clone(),
                stricter: false,
            });
        }
    }

    /// A case we must refuse on `isas` although GNU as accepts it; `why` is for the reader.
    pub fn stricter(
        &mut self,
        isas: &[Isa],
        asm: &str,
        _why: &str,
        f: impl Fn(&mut Assembler) -> Result<(), Error> + 'static,
    ) {
        let build: Build = Rc::new(f);
        for &isa in isas {
            self.cases.push(Case {
                isa,
                asm: asm.into(),
                build: build.clone(),
                stricter: true,
            });
        }
    }
}

pub fn table() -> Vec<Case> {
    let mut t = Table::default();
    data::cases(&mut t);
    mem::cases(&mut t);
    control::cases(&mut t);
    vfp::cases(&mut t);
    layout::cases(&mut t);
    t.cases
}
