//! Compiling `match` statements (PEP 634).
//!
//! Each `case` copies the subject and runs its pattern over the copy. A pattern consumes the
//! value on top of the stack and, on success, falls through having bound its names; on failure
//! it jumps to a chain of `Pop`s that clears whatever it had pushed, then to the next case.
//! Names are stored as soon as each part matches, so a case that fails half-way may leave some
//! of its names bound: PEP 634 leaves that unspecified. The compiler also makes the checks
//! CPython's compiler makes: unreachable cases, names bound twice, alternatives binding
//! different names, repeated keys and attribute names.

use super::Compiler;
use super::unit::Label;
use crate::ast::{Constant, Expr, ExprKind, MatchCase, Pattern, PatternKind, Pos};
use crate::bytecode::code::Const;
use crate::bytecode::opcodes::{Comparison, Op};
use crate::error::CompileError;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// The state of the pattern being compiled.
struct Context {
    /// `fail_pop[n]`: where to go on failure with `n` values above the case's base.
    fail_pop: Vec<Option<Label>>,
    /// How many values are above the base, the value being matched included.
    on_top: u32,
    /// Names the pattern binds so far.
    bound: Vec<String>,
}

impl Context {
    fn new() -> Self {
        Context {
            fail_pop: Vec::new(),
            on_top: 1,
            bound: Vec::new(),
        }
    }
}

/// Why a pattern matches anything, for the "makes remaining patterns unreachable" error.
fn irrefutable(p: &Pattern) -> Option<String> {
    match &p.kind {
        PatternKind::As {
            pattern: None,
            name: Some(name),
        } => Some(format!("name capture '{name}'")),
        PatternKind::As {
            pattern: None,
            name: None,
        } => Some("wildcard".into()),
        PatternKind::As {
            pattern: Some(inner),
            name,
        } => irrefutable(inner).map(|why| match name {
            Some(name) => format!("name capture '{name}'"),
            None => why,
        }),
        PatternKind::Or(alternatives) => alternatives.iter().find_map(irrefutable),
        _ => None,
    }
}

/// A sub-pattern that matches anything and binds nothing.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::As {
            pattern: None,
            name: None
        } | PatternKind::Star(None)
    )
}

/// The key of a mapping pattern as CPython's duplicate-key message shows it.
fn key_repr(c: &Const) -> Option<String> {
    Some(match c {
        Const::Str(s) if !s.contains(['\'', '\\']) && s.chars().all(|c| !c.is_control()) => {
            format!("'{s}'")
        }
        Const::Int(i) => format!("{i}"),
        Const::None => "None".into(),
        Const::True => "True".into(),
        Const::False => "False".into(),
        _ => return None,
    })
}

impl<'a> Compiler<'a> {
    /// `match subject: case ...`
    pub(super) fn match_stmt(
        &mut self,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> Result<(), CompileError> {
        self.expr(subject)?;
        let end = self.label();
        for (i, case) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            if !last
                && case.guard.is_none()
                && let Some(why) = irrefutable(&case.pattern)
            {
                let pos = case.pattern.pos;
                let msg = format!("{why} makes remaining patterns unreachable");
                return Err(self.err(msg, pos.line, pos.col));
            }
            self.set_line(case.pattern.pos.line);
            if !last {
                self.emit(Op::Copy, 1)?;
            }
            let mut pc = Context::new();
            self.pattern(&case.pattern, &mut pc)?;
            if let Some(guard) = &case.guard {
                let fail = self.fail_label(&mut pc);
                self.jump_if(guard, false, fail)?;
            }
            if !last {
                self.emit(Op::Pop, 0)?;
            }
            self.stmts(&case.body)?;
            self.jump(Op::Jump, end)?;
            self.emit_fail_pops(&mut pc)?;
        }
        self.bind(end);
        Ok(())
    }

    /// The label to jump to on failure with `pc.on_top` values on the stack.
    fn fail_label(&mut self, pc: &mut Context) -> Label {
        let n = pc.on_top as usize;
        if pc.fail_pop.len() <= n {
            pc.fail_pop.resize(n + 1, None);
        }
        match pc.fail_pop[n] {
            Some(label) => label,
            None => {
                let label = self.label();
                pc.fail_pop[n] = Some(label);
                label
            }
        }
    }

    /// Emits `op` (a conditional jump that pops its operand) to the failure chain.
    fn jump_to_fail(&mut self, op: Op, pc: &mut Context) -> Result<(), CompileError> {
        let label = self.fail_label(pc);
        self.jump(op, label)
    }

    /// The failure chain: each label pops one value and falls into the next.
    fn emit_fail_pops(&mut self, pc: &mut Context) -> Result<(), CompileError> {
        let labels = core::mem::take(&mut pc.fail_pop);
        for (n, label) in labels.iter().enumerate().rev() {
            if let Some(label) = label {
                self.bind(*label);
            }
            if n > 0 {
                self.emit(Op::Pop, 0)?;
            }
        }
        Ok(())
    }

    /// Stores the matched value in `name`, refusing a name the pattern already binds.
    fn bind_capture(&mut self, name: &str, pos: Pos, pc: &mut Context) -> Result<(), CompileError> {
        if pc.bound.iter().any(|n| n == name) {
            let msg = format!("multiple assignments to name '{name}' in pattern");
            return Err(self.err(msg, pos.line, pos.col));
        }
        pc.bound.push(name.into());
        self.store_name(name)?;
        pc.on_top -= 1;
        Ok(())
    }

    fn pop_matched(&mut self, pc: &mut Context) -> Result<(), CompileError> {
        self.emit(Op::Pop, 0)?;
        pc.on_top -= 1;
        Ok(())
    }

    /// Compiles `p`, which consumes the value on top of the stack.
    fn pattern(&mut self, p: &'a Pattern, pc: &mut Context) -> Result<(), CompileError> {
        match &p.kind {
            PatternKind::Value(value) => {
                self.expr(value)?;
                self.emit(Op::CompareOp, Comparison::Eq as u32)?;
                pc.on_top -= 1;
                self.jump_to_fail(Op::PopJumpIfFalse, pc)
            }
            PatternKind::Singleton(constant) => {
                let c = match constant {
                    Constant::True => Const::True,
                    Constant::False => Const::False,
                    _ => Const::None,
                };
                self.load_const(c)?;
                self.emit(Op::CompareOp, Comparison::Is as u32)?;
                pc.on_top -= 1;
                self.jump_to_fail(Op::PopJumpIfFalse, pc)
            }
            PatternKind::As {
                pattern: None,
                name: None,
            } => self.pop_matched(pc),
            PatternKind::As {
                pattern: None,
                name: Some(name),
            } => self.bind_capture(name, p.pos, pc),
            PatternKind::As {
                pattern: Some(inner),
                name,
            } => {
                self.emit(Op::Copy, 1)?;
                pc.on_top += 1;
                self.pattern(inner, pc)?;
                match name {
                    Some(name) => self.bind_capture(name, p.pos, pc),
                    None => self.pop_matched(pc),
                }
            }
            PatternKind::Star(_) => {
                Err(self.err("can't use starred name here", p.pos.line, p.pos.col))
            }
            PatternKind::Or(alternatives) => self.or_pattern(alternatives, pc),
            PatternKind::Sequence(items) => self.sequence_pattern(items, p.pos, pc),
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(keys, patterns, rest.as_deref(), p.pos, pc),
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, pc),
        }
    }

    /// `p | q | ...`: every alternative but the last runs on a copy with its own failure
    /// chain, which leads to the next alternative.
    fn or_pattern(
        &mut self,
        alternatives: &'a [Pattern],
        pc: &mut Context,
    ) -> Result<(), CompileError> {
        let end = self.label();
        let mut outer_fail = core::mem::take(&mut pc.fail_pop);
        let outer_on_top = pc.on_top;
        let bound_before = pc.bound.clone();
        let mut names: Option<Vec<String>> = None;
        for (i, alternative) in alternatives.iter().enumerate() {
            let last = i + 1 == alternatives.len();
            if !last && let Some(why) = irrefutable(alternative) {
                let pos = alternative.pos;
                let msg = format!("{why} makes remaining patterns unreachable");
                return Err(self.err(msg, pos.line, pos.col));
            }
            pc.bound = bound_before.clone();
            if last {
                pc.fail_pop = core::mem::take(&mut outer_fail);
                pc.on_top = outer_on_top;
                self.pattern(alternative, pc)?;
            } else {
                self.emit(Op::Copy, 1)?;
                pc.on_top = 1;
                self.pattern(alternative, pc)?;
                self.emit(Op::Pop, 0)?;
                self.jump(Op::Jump, end)?;
                self.emit_fail_pops(pc)?;
            }
            let mut these: Vec<String> = pc.bound[bound_before.len()..].to_vec();
            these.sort();
            match &names {
                Some(first) if *first != these => {
                    let pos = alternative.pos;
                    let msg = "alternative patterns bind different names";
                    return Err(self.err(msg, pos.line, pos.col));
                }
                _ => names = Some(these),
            }
        }
        self.bind(end);
        Ok(())
    }

    /// `[p, *rest, q]`: a sequence of the right length, unpacked and matched item by item.
    fn sequence_pattern(
        &mut self,
        items: &'a [Pattern],
        pos: Pos,
        pc: &mut Context,
    ) -> Result<(), CompileError> {
        let stars: Vec<usize> = (0..items.len())
            .filter(|&i| matches!(items[i].kind, PatternKind::Star(_)))
            .collect();
        if stars.len() > 1 {
            let msg = "multiple starred names in sequence pattern";
            return Err(self.err(msg, pos.line, pos.col));
        }
        self.emit(Op::MatchSequence, 0)?;
        self.jump_to_fail(Op::PopJumpIfFalse, pc)?;
        let fixed = items.len() - stars.len();
        self.emit(Op::GetLen, 0)?;
        self.load_const(Const::Int(fixed as i64))?;
        let test = if stars.is_empty() {
            Comparison::Eq
        } else {
            Comparison::Ge
        };
        self.emit(Op::CompareOp, test as u32)?;
        self.jump_to_fail(Op::PopJumpIfFalse, pc)?;
        if items.iter().all(is_wildcard) {
            return self.pop_matched(pc);
        }
        match stars.first() {
            Some(&star) => {
                let after = items.len() - star - 1;
                if star > 0xff || after > 0xffff {
                    return Err(self.err(
                        "too many expressions in star-unpacking sequence pattern",
                        pos.line,
                        pos.col,
                    ));
                }
                self.emit(Op::UnpackEx, (star | (after << 8)) as u32)?;
            }
            None => self.emit(Op::UnpackSequence, items.len() as u32)?,
        }
        pc.on_top += items.len() as u32;
        pc.on_top -= 1;
        for item in items {
            match &item.kind {
                PatternKind::Star(Some(name)) => self.bind_capture(name, item.pos, pc)?,
                PatternKind::Star(None) => self.pop_matched(pc)?,
                _ => self.pattern(item, pc)?,
            }
        }
        Ok(())
    }

    /// `{key: p, **rest}`: a mapping holding every key, whose values match.
    fn mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        pos: Pos,
        pc: &mut Context,
    ) -> Result<(), CompileError> {
        let mut seen: Vec<Const> = Vec::new();
        for key in keys {
            if let Some(c) = self.pattern_constant(key) {
                if seen.contains(&c) {
                    let shown = key_repr(&c).unwrap_or_else(|| "...".into());
                    let msg = format!("mapping pattern checks duplicate key ({shown})");
                    return Err(self.err(msg, key.pos.line, key.pos.col));
                }
                seen.push(c);
            }
        }
        self.emit(Op::MatchMapping, 0)?;
        self.jump_to_fail(Op::PopJumpIfFalse, pc)?;
        if keys.is_empty() && rest.is_none() {
            return self.pop_matched(pc);
        }
        if !keys.is_empty() {
            self.emit(Op::GetLen, 0)?;
            self.load_const(Const::Int(keys.len() as i64))?;
            self.emit(Op::CompareOp, Comparison::Ge as u32)?;
            self.jump_to_fail(Op::PopJumpIfFalse, pc)?;
        }
        for key in keys {
            self.expr(key)?;
        }
        self.emit(Op::BuildTuple, keys.len() as u32)?;
        pc.on_top += 1;
        if !keys.is_empty() {
            self.emit(Op::MatchKeys, 0)?;
            self.emit(Op::Copy, 1)?;
            pc.on_top += 1;
            self.jump_to_fail(Op::PopJumpIfNone, pc)?;
            self.emit(Op::UnpackSequence, keys.len() as u32)?;
            pc.on_top += keys.len() as u32;
            pc.on_top -= 1;
            for p in patterns {
                self.pattern(p, pc)?;
            }
        }
        match rest {
            Some(name) => {
                self.emit(Op::MatchRest, 0)?;
                pc.on_top -= 1;
                self.bind_capture(name, pos, pc)
            }
            None => {
                self.pop_matched(pc)?;
                self.pop_matched(pc)
            }
        }
    }

    /// A mapping key's constant value, for the duplicate-key check.
    fn pattern_constant(&self, key: &Expr) -> Option<Const> {
        match &key.kind {
            ExprKind::Attribute { .. } => None,
            _ => self.folded_constant(key),
        }
    }

    /// `Cls(p, attr=q)`: an instance of `Cls` whose attributes match.
    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut Context,
    ) -> Result<(), CompileError> {
        for (i, attr) in kwd_attrs.iter().enumerate() {
            if kwd_attrs[..i].contains(attr) {
                let at = kwd_patterns[i].pos;
                let msg = format!("attribute name repeated in class pattern: {attr}");
                return Err(self.err(msg, at.line, at.col));
            }
        }
        self.expr(cls)?;
        let names = kwd_attrs.iter().map(|a| Const::Str(a.clone())).collect();
        self.load_const(Const::Tuple(names))?;
        self.emit(Op::MatchClass, patterns.len() as u32)?;
        self.emit(Op::Copy, 1)?;
        self.jump_to_fail(Op::PopJumpIfNone, pc)?;
        let all = patterns.len() + kwd_patterns.len();
        if patterns.iter().chain(kwd_patterns).all(is_wildcard) {
            return self.pop_matched(pc);
        }
        self.emit(Op::UnpackSequence, all as u32)?;
        pc.on_top += all as u32;
        pc.on_top -= 1;
        for p in patterns.iter().chain(kwd_patterns) {
            self.pattern(p, pc)?;
        }
        Ok(())
    }
}
