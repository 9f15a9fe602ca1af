//! The code buffer of one code object under construction: instructions, labels and their
//! fix-ups, stack-depth tracking, the line table and the exception table.
//!
//! Exception handling uses a stack of active handlers: every emitted instruction is covered by
//! the handler on top of the stack at the moment it is emitted. Runs of instructions with the same
//! handler become one `ExceptionEntry`, so entries never overlap and lookup is a plain search.
//! Code that must run outside a handler (a `finally` body inlined before a `return`) is emitted
//! with the handler stack temporarily cut back.

use crate::bytecode::code::{CodeObject, Const, ExceptionEntry, encode};
use crate::bytecode::opcodes::{ArgFormat, Op};
use crate::error::CompileError;
use crate::scope::Scope;
use alloc::vec::Vec;

/// A jump target inside one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(u32);

/// An active exception handler: where it starts and the stack depth below the pushed exception.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub label: Label,
    pub depth: u32,
}

/// A code object being built.
pub struct Unit {
    pub code: CodeObject,
    pub scope: Scope,
    pub next_child: usize,
    label_ip: Vec<Option<u32>>,
    label_depth: Vec<Option<i32>>,
    fixups: Vec<(usize, Label)>,
    depth: i32,
    max_depth: i32,
    reachable: bool,
    pub line: u32,
    pub handlers: Vec<Handler>,
    runs: Vec<(u32, u32, Option<Handler>)>,
}

impl Unit {
    pub fn new(code: CodeObject, scope: Scope) -> Self {
        let line = code.first_line;
        Unit {
            code,
            scope,
            next_child: 0,
            label_ip: Vec::new(),
            label_depth: Vec::new(),
            fixups: Vec::new(),
            depth: 0,
            max_depth: 0,
            reachable: true,
            line,
            handlers: Vec::new(),
            runs: Vec::new(),
        }
    }

    /// Take the next nested scope (in the order the analyser recorded them).
    pub fn take_child(&mut self) -> Scope {
        let child = self.scope.children[self.next_child].clone();
        self.next_child += 1;
        child
    }

    pub fn new_label(&mut self) -> Label {
        self.label_ip.push(None);
        self.label_depth.push(None);
        Label(self.label_ip.len() as u32 - 1)
    }

    /// Bind `label` to the next instruction.
    pub fn bind(&mut self, label: Label) {
        self.label_ip[label.0 as usize] = Some(self.code.code.len() as u32);
        if let Some(d) = self.label_depth[label.0 as usize] {
            self.depth = d;
            self.reachable = true;
        } else if !self.reachable {
            // Only reached by jumps not yet emitted (loop heads are bound before their jumps).
            self.reachable = true;
        }
    }

    /// Bind a handler label: the stack holds `depth` values plus the exception.
    pub fn bind_handler(&mut self, label: Label, depth: u32) {
        self.label_depth[label.0 as usize] = Some(depth as i32 + 1);
        self.bind(label);
        self.note_depth();
    }

    pub fn depth(&self) -> u32 {
        self.depth.max(0) as u32
    }

    /// Force the tracked depth (after code whose net effect the table cannot see).
    pub fn set_depth(&mut self, d: u32) {
        self.depth = d as i32;
        self.note_depth();
    }

    fn note_depth(&mut self) {
        if self.depth > self.max_depth {
            self.max_depth = self.depth;
        }
    }

    fn record_jump_depth(&mut self, label: Label, depth: i32) {
        let slot = &mut self.label_depth[label.0 as usize];
        if slot.is_none() {
            *slot = Some(depth);
        }
    }

    fn push_word(&mut self, op: Op, arg: u32) -> Result<(), CompileError> {
        if arg >= 1 << 24 {
            return Err(CompileError::syntax("code too large", self.line, 1));
        }
        let ip = self.code.code.len() as u32;
        let handler = self.handlers.last().copied();
        match self.runs.last_mut() {
            Some((_, end, h)) if *end == ip && same_handler(*h, handler) => *end = ip + 1,
            _ => self.runs.push((ip, ip + 1, handler)),
        }
        if self.code.lines.last().is_none_or(|&(_, l)| l != self.line) {
            self.code.lines.push((ip, self.line));
        }
        self.code.code.push(encode(op, arg));
        Ok(())
    }

    /// Emit an instruction with a plain operand.
    pub fn emit(&mut self, op: Op, arg: u32) -> Result<(), CompileError> {
        debug_assert!(op.format() != ArgFormat::Jump);
        self.push_word(op, arg)?;
        self.depth += op.stack_effect(arg);
        self.note_depth();
        if matches!(op, Op::ReturnValue | Op::Raise | Op::Reraise) {
            self.reachable = false;
        }
        Ok(())
    }

    /// Emit a jump to `label` (patched when the unit is finished).
    pub fn emit_jump(&mut self, op: Op, label: Label) -> Result<(), CompileError> {
        let at = self.code.code.len();
        self.push_word(op, 0)?;
        self.fixups.push((at, label));
        let jump_depth = self.depth + op.jump_effect(0);
        self.record_jump_depth(label, jump_depth);
        self.depth += op.stack_effect(0);
        self.note_depth();
        if op == Op::Jump {
            self.reachable = false;
        }
        Ok(())
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        if shareable(&c)
            && let Some(i) = self.code.consts.iter().position(|x| *x == c)
        {
            return i as u32;
        }
        self.code.consts.push(c);
        self.code.consts.len() as u32 - 1
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(i) = self.code.names.iter().position(|x| x == name) {
            return i as u32;
        }
        self.code.names.push(name.into());
        self.code.names.len() as u32 - 1
    }

    /// Resolve jumps and handler runs and return the finished code object.
    pub fn finish(mut self) -> CodeObject {
        for (at, label) in core::mem::take(&mut self.fixups) {
            let target = self.label_ip[label.0 as usize].expect("every used label is bound");
            let word = self.code.code[at];
            self.code.code[at] = (word & 0xff) | (target << 8);
        }
        for (start, end, handler) in core::mem::take(&mut self.runs) {
            if let Some(h) = handler {
                let target = self.label_ip[h.label.0 as usize].expect("handler label bound");
                self.code.exceptions.push(ExceptionEntry {
                    start,
                    end,
                    handler: target,
                    depth: h.depth,
                });
            }
        }
        self.code.stacksize = self.max_depth.max(0) as u32 + 1;
        self.code
    }
}

fn same_handler(a: Option<Handler>, b: Option<Handler>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.label == b.label && a.depth == b.depth,
        _ => false,
    }
}

/// Can `c` stand for an equal constant already in the pool? Not floats (`0.0 == -0.0`, and NaN
/// equals nothing), nor tuples holding them, nor code.
fn shareable(c: &Const) -> bool {
    match c {
        Const::Code(_) | Const::Float(_) | Const::Imaginary(_) => false,
        Const::Tuple(items) => items.iter().all(shareable),
        _ => true,
    }
}
