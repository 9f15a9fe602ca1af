//! Compiling `match` statements (PEP 634).
//!
//! Each `case` copies the subject and runs its pattern over the copy. A pattern consumes the
//! value on top of the stack. A capture does not store its name at once: the captured value is
//! moved down the stack, below the values still to be matched, and the names are stored only
//! when the whole pattern has matched, so a failed case binds nothing (as in CPython). On
//! failure the pattern jumps into a chain of `Pop`s that clears whatever it had pushed, then to
//! the next case. The compiler also makes the checks CPython's compiler makes: unreachable
//! cases, names bound twice, alternatives binding different names, repeated keys and
//! attribute names.

use super::Compiler;
use super::unit::Label;
use crate::ast::{BinOp, Constant, Expr, ExprKind, MatchCase, Pattern, PatternKind, Pos, UnaryOp};
use crate::bytecode::code::Const;
use crate::bytecode::opcodes::{Comparison, Op};
use crate::error::CompileError;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// The state of the pattern being compiled. Above the case's base the stack holds the captured
/// values (one per name in `captures`, the first deepest), then `on_top` values still to be
/// matched (the one being matched on top).
struct Context {
    /// `fail_pop[n]`: where to go on failure with `n` values above the case's base.
    fail_pop: Vec<Option<Label>>,
    /// How many values still to be matched are on the stack.
    on_top: u32,
    /// The names captured so far, in stack order.
    captures: Vec<String>,
}

impl Context {
    fn new() -> Self {
        Context {
            fail_pop: Vec::new(),
            on_top: 1,
            captures: Vec::new(),
        }
    }

    /// Values above the base: what a failure must pop.
    fn height(&self) -> usize {
        self.on_top as usize + self.captures.len()
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

/// A mapping pattern key's value, compared as Python compares keys: `0`, `False`, `0.0` and
/// `0j` are one key.
#[derive(Clone, Debug, PartialEq)]
enum KeyValue {
    /// A number: real and imaginary parts, plus the exact value when it is an integer.
    Number(f64, f64, Option<i64>),
    /// An integer beyond `i64`: its digits and base.
    BigInt(String, u32),
    Str(String),
    Bytes(Vec<u8>),
    None,
}

impl KeyValue {
    fn same(&self, other: &KeyValue) -> bool {
        match (self, other) {
            (KeyValue::Number(a, b, i), KeyValue::Number(c, d, j)) => {
                a == c && b == d && (i.is_none() || j.is_none() || i == j)
            }
            _ => self == other,
        }
    }
}

/// The value of a literal key, as the AST optimiser would fold it.
fn key_value(e: &Expr) -> Option<KeyValue> {
    let number = |re: f64, im: f64| {
        let exact =
            (im == 0.0 && re.abs() < 9.2e18 && (re as i64) as f64 == re).then_some(re as i64);
        KeyValue::Number(re, im, exact)
    };
    Some(match &e.kind {
        ExprKind::Constant(c) => match c {
            Constant::None => KeyValue::None,
            Constant::True => KeyValue::Number(1.0, 0.0, Some(1)),
            Constant::False => KeyValue::Number(0.0, 0.0, Some(0)),
            Constant::Int(i) => KeyValue::Number(*i as f64, 0.0, Some(*i)),
            Constant::BigInt { digits, radix } => KeyValue::BigInt(digits.clone(), *radix),
            Constant::Float(f) => number(*f, 0.0),
            Constant::Imaginary(f) => number(0.0, *f),
            Constant::Str(s) => KeyValue::Str(s.clone()),
            Constant::Bytes(b) => KeyValue::Bytes(b.clone()),
            Constant::Ellipsis => return None,
        },
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match key_value(operand)? {
            KeyValue::Number(re, im, exact) => {
                KeyValue::Number(-re, -im, exact.and_then(i64::checked_neg))
            }
            _ => return None,
        },
        ExprKind::BinOp { left, op, right } => {
            let (KeyValue::Number(re, _, _), KeyValue::Number(_, im, _)) =
                (key_value(left)?, key_value(right)?)
            else {
                return None;
            };
            match op {
                BinOp::Add => number(re, im),
                BinOp::Sub => number(re, -im),
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// A literal key as CPython's duplicate-key message shows it: the `repr` of its value.
fn literal_repr(e: &Expr) -> String {
    let float = |f: f64| {
        if f.abs() < 1e16 && (f as i64) as f64 == f {
            format!("{f:.1}")
        } else {
            format!("{f:?}")
        }
    };
    let imaginary = |f: f64| {
        let text = float(f);
        format!("{}j", text.strip_suffix(".0").unwrap_or(&text))
    };
    match &e.kind {
        ExprKind::Constant(c) => match c {
            Constant::None => "None".into(),
            Constant::True => "True".into(),
            Constant::False => "False".into(),
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Int(i) => format!("{i}"),
            Constant::BigInt { digits, radix: 10 } => digits.clone(),
            Constant::BigInt { .. } => "...".into(),
            Constant::Float(f) => float(*f),
            Constant::Imaginary(f) => imaginary(*f),
            Constant::Str(s) if !s.contains(['\'', '\\']) && !s.chars().any(char::is_control) => {
                format!("'{s}'")
            }
            Constant::Str(s) => format!("{s:?}"),
            Constant::Bytes(b) => {
                let mut out = String::from("b'");
                for &byte in b {
                    match byte {
                        b'\'' => out.push_str("\\'"),
                        b'\\' => out.push_str("\\\\"),
                        b'\n' => out.push_str("\\n"),
                        b'\t' => out.push_str("\\t"),
                        b'\r' => out.push_str("\\r"),
                        0x20..=0x7e => out.push(char::from(byte)),
                        _ => out.push_str(&format!("\\x{byte:02x}")),
                    }
                }
                out.push('\'');
                out
            }
        },
        ExprKind::UnaryOp { operand, .. } => match &operand.kind {
            ExprKind::Constant(Constant::Int(0)) => "0".into(),
            ExprKind::Constant(Constant::Float(f)) => float(-f),
            ExprKind::Constant(Constant::Imaginary(f)) => format!("(-0-{})", imaginary(*f)),
            _ => format!("-{}", literal_repr(operand)),
        },
        ExprKind::BinOp { left, op, right } => {
            let sign = if *op == BinOp::Sub { '-' } else { '+' };
            let re = literal_repr(left);
            let re = re.strip_suffix(".0").unwrap_or(&re);
            format!("({re}{sign}{})", literal_repr(right))
        }
        _ => "...".into(),
    }
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
            // Matched: bind the captured names, last captured on top.
            for name in core::mem::take(&mut pc.captures).iter().rev() {
                self.store_name(name)?;
            }
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

    /// The label to jump to on failure in the current state.
    fn fail_label(&mut self, pc: &mut Context) -> Label {
        let n = pc.height();
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

    /// Moves the top of the stack `depth - 1` places down (below the next `depth - 1` values).
    fn rotate_down(&mut self, depth: usize) -> Result<(), CompileError> {
        for n in (2..=depth).rev() {
            self.emit(Op::Swap, n as u32)?;
        }
        Ok(())
    }

    /// Brings the value `depth - 1` places down to the top, the values above it moving down.
    fn rotate_up(&mut self, depth: usize) -> Result<(), CompileError> {
        for n in 2..=depth {
            self.emit(Op::Swap, n as u32)?;
        }
        Ok(())
    }

    /// Captures the value being matched under `name`: it moves below the values still to be
    /// matched, to be stored once the whole pattern has matched.
    fn capture(&mut self, name: &str, pos: Pos, pc: &mut Context) -> Result<(), CompileError> {
        if pc.captures.iter().any(|n| n == name) {
            let msg = format!("multiple assignments to name '{name}' in pattern");
            return Err(self.err(msg, pos.line, pos.col));
        }
        self.rotate_down(pc.on_top as usize)?;
        pc.on_top -= 1;
        pc.captures.push(name.into());
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
            } => self.capture(name, p.pos, pc),
            PatternKind::As {
                pattern: Some(inner),
                name,
            } => {
                self.emit(Op::Copy, 1)?;
                pc.on_top += 1;
                self.pattern(inner, pc)?;
                match name {
                    Some(name) => self.capture(name, p.pos, pc),
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

    /// `p | q | ...`: each alternative runs on a copy of the subject with its own failure
    /// chain, which leads to the next alternative. One that matches leaves its captures in the
    /// order of the first alternative's, and the subject is dropped from beneath them.
    fn or_pattern(
        &mut self,
        alternatives: &'a [Pattern],
        pc: &mut Context,
    ) -> Result<(), CompileError> {
        let end = self.label();
        let mut order: Option<Vec<String>> = None;
        for (i, alternative) in alternatives.iter().enumerate() {
            if i + 1 < alternatives.len()
                && let Some(why) = irrefutable(alternative)
            {
                let pos = alternative.pos;
                let msg = format!("{why} makes remaining patterns unreachable");
                return Err(self.err(msg, pos.line, pos.col));
            }
            self.emit(Op::Copy, 1)?;
            let mut alt = Context::new();
            self.pattern(alternative, &mut alt)?;
            let mut names = alt.captures.clone();
            match &order {
                None => order = Some(names.clone()),
                Some(first) => {
                    let (mut a, mut b) = (first.clone(), names.clone());
                    a.sort();
                    b.sort();
                    if a != b {
                        let pos = alternative.pos;
                        let msg = "alternative patterns bind different names";
                        return Err(self.err(msg, pos.line, pos.col));
                    }
                    // Bring each name to the top in the first alternative's order.
                    for name in first {
                        let at = names.iter().position(|n| n == name).expect("same names");
                        self.rotate_up(names.len() - at)?;
                        let moved = names.remove(at);
                        names.push(moved);
                    }
                }
            }
            // Sink each capture below the subject, then drop the subject from the top.
            let k = names.len();
            for _ in 0..k {
                self.rotate_down(k + 1)?;
            }
            self.emit(Op::Pop, 0)?;
            self.jump(Op::Jump, end)?;
            self.emit_fail_pops(&mut alt)?;
        }
        // No alternative matched: drop the subject and fail.
        self.pop_matched(pc)?;
        self.jump_to_fail(Op::Jump, pc)?;
        self.bind(end);
        // The alternatives' captures are on top: move them below the values still to be
        // matched, as single captures do.
        let names = order.unwrap_or_default();
        for (left, name) in (1..=names.len()).rev().zip(names.into_iter().rev()) {
            if pc.captures.contains(&name) {
                let pos = alternatives[0].pos;
                let msg = format!("multiple assignments to name '{name}' in pattern");
                return Err(self.err(msg, pos.line, pos.col));
            }
            self.rotate_down(pc.on_top as usize + left)?;
            pc.captures.push(name);
        }
        Ok(())
    }

    /// `[p, *rest, q]`: a sequence of the right length, unpacked and matched item by item. With
    /// a wildcard star the items are read by index, so a long sequence is never copied.
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
        // `[*rest]` fits any length: like CPython, it does not ask for one.
        if fixed > 0 || stars.is_empty() {
            self.emit(Op::GetLen, 0)?;
            self.load_const(Const::Int(fixed as i64))?;
            let test = if stars.is_empty() {
                Comparison::Eq
            } else {
                Comparison::Ge
            };
            self.emit(Op::CompareOp, test as u32)?;
            self.jump_to_fail(Op::PopJumpIfFalse, pc)?;
        }
        if items.iter().all(is_wildcard) {
            return self.pop_matched(pc);
        }
        match stars.first() {
            Some(&star) if is_wildcard(&items[star]) => {
                for (i, item) in items.iter().enumerate() {
                    if is_wildcard(item) {
                        continue;
                    }
                    let index = if i < star {
                        i as i64
                    } else {
                        i as i64 - items.len() as i64
                    };
                    self.emit(Op::Copy, 1)?;
                    self.load_const(Const::Int(index))?;
                    self.emit(Op::BinarySubscr, 0)?;
                    pc.on_top += 1;
                    self.pattern(item, pc)?;
                }
                return self.pop_matched(pc);
            }
            Some(&star) => {
                let after = items.len() - star - 1;
                if star > 0xff || after > 0xffff {
                    let msg = "too many expressions in star-unpacking sequence pattern";
                    return Err(self.err(msg, pos.line, pos.col));
                }
                self.emit(Op::UnpackEx, (star | (after << 8)) as u32)?;
            }
            None => self.emit(Op::UnpackSequence, items.len() as u32)?,
        }
        pc.on_top += items.len() as u32;
        pc.on_top -= 1;
        for item in items {
            match &item.kind {
                PatternKind::Star(Some(name)) => self.capture(name, item.pos, pc)?,
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
        let mut seen: Vec<KeyValue> = Vec::new();
        for key in keys {
            if let Some(k) = key_value(key) {
                if seen.iter().any(|s| s.same(&k)) {
                    let shown = literal_repr(key);
                    let msg = format!("mapping pattern checks duplicate key ({shown})");
                    return Err(self.err(msg, pos.line, pos.col));
                }
                seen.push(k);
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
                self.capture(name, pos, pc)
            }
            None => {
                self.pop_matched(pc)?;
                self.pop_matched(pc)
            }
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
