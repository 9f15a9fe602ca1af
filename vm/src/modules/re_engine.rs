//! The regular-expression engine behind `re`: Python's pattern syntax parsed into a small
//! program, run by a backtracking matcher over code points (str) or bytes. Backtracking keeps
//! Python's semantics exactly where an automaton would not: ordered alternation, greedy and lazy
//! repeats, backreferences, lookaround, and the captures of the last iteration of a repeat.
//! Nothing here knows about the VM; `re.rs` binds it.

use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

pub const IGNORECASE: u32 = 2;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const VERBOSE: u32 = 64;
pub const ASCII: u32 = 256;

/// A malformed pattern: CPython's message and the position it names.
#[derive(Debug)]
pub struct Error {
    pub msg: String,
    pub pos: usize,
}

/// What a pattern's matching ran into instead of a result.
pub enum Stop {
    /// The interrupt poll asked to stop (Ctrl-C).
    Interrupted,
    /// The backtracking stack outgrew the memory it was given.
    NoMemory,
}

/// How [`Regex::find`] looks for a match.
pub struct Find {
    /// Try each start from the given one on (else only there).
    pub search: bool,
    /// The match must end at the end of the text (`fullmatch`).
    pub full: bool,
    /// A match starting here may not be empty (the previous match of a scan was empty here).
    pub not_empty_at: Option<usize>,
    /// Bytes the backtracking stack may take.
    pub stack_limit: usize,
}

/// A parsed pattern.
pub struct Regex {
    /// Program 0 is the pattern; the others are lookaround bodies.
    progs: Vec<Vec<Inst>>,
    classes: Vec<Class>,
    /// Capturing groups, not counting group 0.
    pub groups: usize,
    /// Named groups with their numbers, in order of appearance.
    pub names: Vec<(String, usize)>,
    /// The flags after inline `(?...)` flags at the start.
    pub flags: u32,
    /// Registers: two per group (0..=groups), then one per repeat for its progress check.
    registers: usize,
    /// Matching bytes (ASCII classes) rather than text.
    bytes: bool,
}

#[derive(Clone, Copy, Debug)]
enum Assert {
    /// `^`; multi-line when set.
    Start(bool),
    /// `$`; multi-line when set.
    End(bool),
    /// `\A`.
    StartText,
    /// `\Z`.
    EndText,
    /// `\b` (true) or `\B` (false).
    Boundary(bool),
}

#[derive(Clone, Copy, Debug)]
enum Inst {
    Char(u32, bool),
    /// `.`; matches a newline too when set.
    Any(bool),
    Class(usize, bool),
    Assert(Assert),
    Save(usize),
    /// Try the first target, and the second on backtracking.
    Split(usize, usize),
    Jmp(usize),
    Backref(usize, bool),
    /// A lookaround body (its program), ahead or behind (with the body's width range), and
    /// whether it must fail.
    Look {
        prog: usize,
        behind: Option<(usize, usize)>,
        negate: bool,
    },
    /// Run an atomic body (its program) and continue after its first match.
    Atomic(usize),
    /// Record the position in a repeat's register (an iteration starts).
    Mark(usize),
    /// Leave the repeat (for the given target) if the iteration that started at the register's
    /// position consumed nothing: an empty iteration counts once, as in CPython, and ends it.
    Progress(usize, usize),
    Match,
}

#[derive(Clone, Debug)]
enum ClassItem {
    Range(u32, u32),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Clone, Debug)]
struct Class {
    items: Vec<ClassItem>,
    negated: bool,
}

#[derive(Debug)]
enum Node {
    Empty,
    Char(u32, bool),
    Any(bool),
    Class(Class, bool),
    Assert(Assert),
    Group(Box<Node>, Option<usize>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    Backref(usize, bool),
    Look {
        node: Box<Node>,
        behind: bool,
        negate: bool,
    },
    /// `(?>...)`, and possessive repeats: the body's first match, never revisited.
    Atomic(Box<Node>),
}

// ---- character classes ----

fn is_word(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphanumeric() || c == u32::from(b'_');
    }
    !ascii && char::from_u32(c).is_some_and(char::is_alphanumeric)
}

fn is_digit(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    !ascii && char::from_u32(c).is_some_and(|ch| ch.is_numeric())
}

fn is_space(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return matches!(c, 9..=13 | 28..=32);
    }
    !ascii && char::from_u32(c).is_some_and(char::is_whitespace)
}

/// The case-folded form used by IGNORECASE comparisons.
fn fold(c: u32) -> u32 {
    if c < 128 {
        return u32::from((c as u8).to_ascii_lowercase());
    }
    match char::from_u32(c) {
        Some(ch) => {
            let mut lower = ch.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l as u32,
                _ => c,
            }
        }
        None => c,
    }
}

impl Class {
    fn contains(&self, c: u32, ascii: bool, ignore_case: bool) -> bool {
        let hit = |c: u32| {
            self.items.iter().any(|item| match *item {
                ClassItem::Range(lo, hi) => lo <= c && c <= hi,
                ClassItem::Digit(yes) => is_digit(c, ascii) == yes,
                ClassItem::Word(yes) => is_word(c, ascii) == yes,
                ClassItem::Space(yes) => is_space(c, ascii) == yes,
            })
        };
        let mut found = hit(c);
        if !found && ignore_case {
            let lower = fold(c);
            found = hit(lower)
                || char::from_u32(c).is_some_and(|ch| {
                    let mut upper = ch.to_uppercase();
                    matches!((upper.next(), upper.next()), (Some(u), None) if hit(u as u32))
                })
                || (lower != c && hit(lower));
        }
        found != self.negated
    }
}

// ---- parsing ----

struct Parser<'a> {
    p: &'a [u32],
    at: usize,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    /// Groups whose closing parenthesis has been seen (a backreference may only name those).
    closed: Vec<usize>,
    bytes: bool,
    /// Groups open around the cursor (parsing, compiling and matching recurse on them).
    depth: usize,
}

/// Nested groups a pattern may have: CPython's own parser gives up (RecursionError) a little
/// deeper, and each level costs native stack in parsing, compiling and matching.
const MAX_NESTING: usize = 400;

/// The message of the error for patterns nested deeper than [`MAX_NESTING`]; `re` raises it as
/// a RecursionError, as CPython does.
pub const TOO_DEEP: &str = "maximum recursion depth exceeded";

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, Error> {
    Err(Error {
        msg: msg.into(),
        pos,
    })
}

fn is_ascii_char(c: u32, b: u8) -> bool {
    c == u32::from(b)
}

impl Parser<'_> {
    fn peek(&self) -> Option<u32> {
        self.p.get(self.at).copied()
    }

    fn peek_is(&self, b: u8) -> bool {
        self.peek().is_some_and(|c| is_ascii_char(c, b))
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek_is(b) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn ignore_case(&self) -> bool {
        self.flags & IGNORECASE != 0
    }

    /// Skip whitespace and comments in verbose mode.
    fn skip_verbose(&mut self) {
        if self.flags & VERBOSE == 0 {
            return;
        }
        while let Some(c) = self.peek() {
            if is_space(c, true) {
                self.at += 1;
            } else if is_ascii_char(c, b'#') {
                while let Some(c) = self.peek() {
                    self.at += 1;
                    if is_ascii_char(c, b'\n') {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn alternation(&mut self) -> Result<Node, Error> {
        let mut alts = vec![self.sequence()?];
        while self.eat(b'|') {
            alts.push(self.sequence()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().expect("one")
        } else {
            Node::Alt(alts)
        })
    }

    fn sequence(&mut self) -> Result<Node, Error> {
        let mut items = Vec::new();
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            if is_ascii_char(c, b'|') || is_ascii_char(c, b')') {
                break;
            }
            let atom = self.atom()?;
            let atom = self.quantified(atom)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().expect("one"),
            _ => Node::Concat(items),
        })
    }

    /// A quantifier after `atom`, if one follows: `*`, `+`, `?`, `{m,n}`, each optionally lazy.
    fn quantified(&mut self, atom: Node) -> Result<Node, Error> {
        self.skip_verbose();
        let here = self.at;
        let (min, max) = if self.eat(b'*') {
            (0, None)
        } else if self.eat(b'+') {
            (1, None)
        } else if self.eat(b'?') {
            (0, Some(1))
        } else if self.peek_is(b'{') {
            match self.braces() {
                Some(range) => range,
                None => return Ok(atom),
            }
        } else {
            return Ok(atom);
        };
        if let Some(max) = max
            && max < min
        {
            return err("min repeat greater than max repeat", here + 1);
        }
        if matches!(atom, Node::Assert(_)) {
            return err("nothing to repeat", here);
        }
        if matches!(atom, Node::Repeat { .. }) {
            return err("multiple repeat", here);
        }
        let greedy = !self.eat(b'?');
        let possessive = greedy && self.eat(b'+');
        if self.peek_is(b'*') || self.peek_is(b'+') || self.peek_is(b'?') {
            return err("multiple repeat", self.at);
        }
        let repeat = Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        };
        Ok(if possessive {
            Node::Atomic(Box::new(repeat))
        } else {
            repeat
        })
    }

    /// `{m}`, `{m,}`, `{,n}` or `{m,n}` at the cursor; `None` (cursor unmoved) when the brace is
    /// a literal.
    fn braces(&mut self) -> Option<(u32, Option<u32>)> {
        let save = self.at;
        self.at += 1;
        let number = |s: &mut Self| -> Option<u32> {
            let begin = s.at;
            let mut n: u32 = 0;
            while let Some(d) = s
                .peek()
                .filter(|&c| (b'0' as u32..=b'9' as u32).contains(&c))
            {
                n = n.saturating_mul(10).saturating_add(d - u32::from(b'0'));
                s.at += 1;
            }
            (s.at > begin).then_some(n)
        };
        let lo = number(self);
        let (min, max) = if self.eat(b',') {
            (lo.unwrap_or(0), number(self))
        } else {
            match lo {
                Some(n) => (n, Some(n)),
                None => {
                    self.at = save;
                    return None;
                }
            }
        };
        if !self.eat(b'}') {
            self.at = save;
            return None;
        }
        Some((min, max))
    }

    fn atom(&mut self) -> Result<Node, Error> {
        let start = self.at;
        let c = self.peek().expect("checked by the caller");
        self.at += 1;
        let ic = self.ignore_case();
        Ok(match c {
            _ if is_ascii_char(c, b'.') => Node::Any(self.flags & DOTALL != 0),
            _ if is_ascii_char(c, b'^') => Node::Assert(Assert::Start(self.flags & MULTILINE != 0)),
            _ if is_ascii_char(c, b'$') => Node::Assert(Assert::End(self.flags & MULTILINE != 0)),
            _ if is_ascii_char(c, b'[') => Node::Class(self.class(start)?, ic),
            _ if is_ascii_char(c, b'(') => self.group(start)?,
            _ if is_ascii_char(c, b'\\') => self.escape(start)?,
            _ if is_ascii_char(c, b'*') || is_ascii_char(c, b'+') || is_ascii_char(c, b'?') => {
                return err("nothing to repeat", start);
            }
            _ if is_ascii_char(c, b'{') => {
                self.at = start;
                if self.braces().is_some() {
                    return err("nothing to repeat", start);
                }
                self.at = start + 1;
                Node::Char(c, ic)
            }
            _ => Node::Char(c, ic),
        })
    }

    fn group(&mut self, start: usize) -> Result<Node, Error> {
        if self.depth >= MAX_NESTING {
            return err(TOO_DEEP, usize::MAX);
        }
        self.depth += 1;
        let node = self.group_body(start);
        self.depth -= 1;
        node
    }

    fn group_body(&mut self, start: usize) -> Result<Node, Error> {
        let mut capture = true;
        let mut name = None;
        let saved_flags = self.flags;
        if self.eat(b'?') {
            capture = false;
            let Some(c) = self.peek() else {
                return err("unexpected end of pattern", self.at);
            };
            self.at += 1;
            match c {
                _ if is_ascii_char(c, b':') => {}
                _ if is_ascii_char(c, b'#') => {
                    while let Some(c) = self.peek() {
                        self.at += 1;
                        if is_ascii_char(c, b')') {
                            return Ok(Node::Empty);
                        }
                    }
                    return err("missing ), unterminated comment", start);
                }
                _ if is_ascii_char(c, b'>') => {
                    let body = self.alternation()?;
                    self.close(start)?;
                    return Ok(Node::Atomic(Box::new(body)));
                }
                _ if is_ascii_char(c, b'=') || is_ascii_char(c, b'!') => {
                    let body = self.alternation()?;
                    self.close(start)?;
                    return Ok(Node::Look {
                        node: Box::new(body),
                        behind: false,
                        negate: is_ascii_char(c, b'!'),
                    });
                }
                _ if is_ascii_char(c, b'<') && (self.peek_is(b'=') || self.peek_is(b'!')) => {
                    let negate = self.peek_is(b'!');
                    self.at += 1;
                    let body = self.alternation()?;
                    self.close(start)?;
                    if width(&body).1.is_none() {
                        // CPython names no position for this one.
                        return err("look-behind requires fixed-width pattern", usize::MAX);
                    }
                    return Ok(Node::Look {
                        node: Box::new(body),
                        behind: true,
                        negate,
                    });
                }
                _ if is_ascii_char(c, b'P') || is_ascii_char(c, b'<') => {
                    if is_ascii_char(c, b'P') && self.eat(b'=') {
                        let n = self.group_name(b')')?;
                        let Some(&(_, g)) = self.names.iter().find(|(k, _)| *k == n) else {
                            return err(alloc::format!("unknown group name '{n}'"), start + 4);
                        };
                        return Ok(Node::Backref(g, self.ignore_case()));
                    }
                    if is_ascii_char(c, b'P') && !self.eat(b'<') {
                        return err("unknown extension ?P", start + 1);
                    }
                    let n = self.group_name(b'>')?;
                    if let Some(&(_, was)) = self.names.iter().find(|(k, _)| *k == n) {
                        let msg = alloc::format!(
                            "redefinition of group name '{n}' as group {}; was group {was}",
                            self.groups + 1
                        );
                        return err(msg, start + 4);
                    }
                    name = Some(n);
                    capture = true;
                }
                _ => {
                    // Inline flags: `(?aimsx)` for the whole pattern, `(?i-m:...)` scoped.
                    self.at -= 1;
                    let mut on = 0;
                    let mut off = 0;
                    let mut minus = false;
                    loop {
                        let Some(f) = self.peek() else {
                            return err("missing -, : or )", self.at);
                        };
                        self.at += 1;
                        let bit = match char::from_u32(f).unwrap_or('\0') {
                            'i' => IGNORECASE,
                            'm' => MULTILINE,
                            's' => DOTALL,
                            'x' => VERBOSE,
                            'a' => ASCII,
                            'u' | 'L' => 0,
                            '-' if !minus => {
                                minus = true;
                                continue;
                            }
                            ')' if !minus => {
                                if start != 0 {
                                    return err(
                                        "global flags not at the start of the expression",
                                        start,
                                    );
                                }
                                self.flags |= on;
                                return Ok(Node::Empty);
                            }
                            ':' => break,
                            _ => {
                                return err(
                                    "unknown extension ?".to_string()
                                        + &String::from(char::from_u32(f).unwrap_or('?')),
                                    start + 1,
                                );
                            }
                        };
                        if minus {
                            off |= bit;
                        } else {
                            on |= bit;
                        }
                    }
                    self.flags = (self.flags | on) & !off;
                    let body = self.alternation()?;
                    self.flags = saved_flags;
                    self.close(start)?;
                    return Ok(Node::Group(Box::new(body), None));
                }
            }
        }
        let index = if capture {
            self.groups += 1;
            if let Some(n) = name {
                self.names.push((n, self.groups));
            }
            Some(self.groups)
        } else {
            None
        };
        let body = self.alternation()?;
        self.flags = saved_flags;
        self.close(start)?;
        if let Some(i) = index {
            self.closed.push(i);
        }
        Ok(Node::Group(Box::new(body), index))
    }

    fn close(&mut self, start: usize) -> Result<(), Error> {
        if self.eat(b')') {
            Ok(())
        } else {
            err("missing ), unterminated subpattern", start)
        }
    }

    fn group_name(&mut self, end: u8) -> Result<String, Error> {
        let start = self.at;
        let mut name = String::new();
        loop {
            let Some(c) = self.peek() else {
                return err("missing >, unterminated name", start);
            };
            self.at += 1;
            if is_ascii_char(c, end) {
                break;
            }
            name.push(char::from_u32(c).unwrap_or('?'));
        }
        if name.is_empty() {
            return err("missing group name", start);
        }
        let ok = name
            .chars()
            .enumerate()
            .all(|(i, ch)| ch == '_' || ch.is_alphabetic() || (i > 0 && ch.is_alphanumeric()));
        if !ok {
            return err(
                alloc::format!("bad character in group name '{name}'"),
                start,
            );
        }
        Ok(name)
    }

    /// The code point of a character escape shared by classes and the rest of the pattern,
    /// the backslash already taken; `None` when the escape is something else.
    fn char_escape(&mut self, c: u32, start: usize) -> Result<Option<u32>, Error> {
        let ch = char::from_u32(c).unwrap_or('\0');
        let hex = |s: &mut Self, n: usize| -> Result<u32, Error> {
            let mut v: u32 = 0;
            for _ in 0..n {
                let d = s.peek().and_then(|d| char::from_u32(d)?.to_digit(16));
                let Some(d) = d else {
                    return err(alloc::format!("incomplete escape \\{ch}"), start);
                };
                v = v * 16 + d;
                s.at += 1;
            }
            Ok(v)
        };
        Ok(Some(match ch {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            'x' => hex(self, 2)?,
            'u' if !self.bytes => hex(self, 4)?,
            'U' if !self.bytes => {
                let v = hex(self, 8)?;
                if char::from_u32(v).is_none() {
                    return err(alloc::format!("bad escape \\U{v:08x}"), start);
                }
                v
            }
            '0' => {
                let mut v = 0;
                for _ in 0..2 {
                    match self.peek().and_then(|d| char::from_u32(d)?.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.at += 1;
                        }
                        None => break,
                    }
                }
                v
            }
            _ if ch.is_ascii_alphanumeric() => return Ok(None),
            _ => c,
        }))
    }

    fn escape(&mut self, start: usize) -> Result<Node, Error> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.at += 1;
        let ch = char::from_u32(c).unwrap_or('\0');
        let ic = self.ignore_case();
        if let Some(item) = class_escape(ch) {
            let class = Class {
                items: vec![item],
                negated: false,
            };
            return Ok(Node::Class(class, false));
        }
        Ok(match ch {
            'A' => Node::Assert(Assert::StartText),
            'Z' => Node::Assert(Assert::EndText),
            'b' => Node::Assert(Assert::Boundary(true)),
            'B' => Node::Assert(Assert::Boundary(false)),
            '1'..='9' => {
                let mut n = ch.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = self.peek().and_then(|d| char::from_u32(d)?.to_digit(10)) {
                    n = n * 10 + d as usize;
                    self.at += 1;
                }
                if !self.closed.contains(&n) {
                    if n > self.groups {
                        return err(alloc::format!("invalid group reference {n}"), start + 1);
                    }
                    return err("cannot refer to an open group", start);
                }
                Node::Backref(n, ic)
            }
            _ => match self.char_escape(c, start)? {
                Some(v) => Node::Char(v, ic),
                None => return err(alloc::format!("bad escape \\{ch}"), start),
            },
        })
    }

    fn class(&mut self, start: usize) -> Result<Class, Error> {
        let negated = self.eat(b'^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            let item_start = self.at;
            self.at += 1;
            if is_ascii_char(c, b']') && !first {
                break;
            }
            first = false;
            let lo = if is_ascii_char(c, b'\\') {
                let Some(e) = self.peek() else {
                    return err("unterminated character set", start);
                };
                self.at += 1;
                let ch = char::from_u32(e).unwrap_or('\0');
                if let Some(item) = class_escape(ch) {
                    items.push(item);
                    continue;
                }
                match ch {
                    'b' => 8,
                    other => match self.char_escape(e, item_start)? {
                        Some(v) => v,
                        None => return err(alloc::format!("bad escape \\{other}"), item_start),
                    },
                }
            } else {
                c
            };
            // A range `lo-hi`, unless the dash ends the set.
            if self.peek_is(b'-')
                && self
                    .p
                    .get(self.at + 1)
                    .is_some_and(|&n| !is_ascii_char(n, b']'))
            {
                self.at += 1;
                let hc = self.peek().expect("checked above");
                self.at += 1;
                let hi = if is_ascii_char(hc, b'\\') {
                    let Some(e) = self.peek() else {
                        return err("unterminated character set", start);
                    };
                    self.at += 1;
                    match self.char_escape(e, self.at - 2)? {
                        // `char_escape` refuses class escapes (`\d`...): no range ends there.
                        Some(v) => v,
                        None => {
                            return err(
                                alloc::format!(
                                    "bad character range {}",
                                    self.text(item_start, self.at)
                                ),
                                item_start,
                            );
                        }
                    }
                } else {
                    hc
                };
                if hi < lo {
                    return err(
                        alloc::format!("bad character range {}", self.text(item_start, self.at)),
                        item_start,
                    );
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Class { items, negated })
    }

    fn text(&self, a: usize, b: usize) -> String {
        self.p[a..b.min(self.p.len())]
            .iter()
            .map(|&c| char::from_u32(c).unwrap_or('?'))
            .collect()
    }
}

/// The class a `\d`, `\D`, `\w`, `\W`, `\s` or `\S` escape stands for.
fn class_escape(ch: char) -> Option<ClassItem> {
    Some(match ch {
        'd' => ClassItem::Digit(true),
        'D' => ClassItem::Digit(false),
        'w' => ClassItem::Word(true),
        'W' => ClassItem::Word(false),
        's' => ClassItem::Space(true),
        'S' => ClassItem::Space(false),
        _ => return None,
    })
}

/// The least and greatest number of units `node` can match (`None`: unbounded).
fn width(node: &Node) -> (usize, Option<usize>) {
    match node {
        Node::Empty | Node::Assert(_) | Node::Look { .. } => (0, Some(0)),
        Node::Char(..) | Node::Any(_) | Node::Class(..) => (1, Some(1)),
        Node::Backref(..) => (0, None),
        Node::Group(n, _) | Node::Atomic(n) => width(n),
        Node::Concat(items) => items.iter().fold((0, Some(0)), |(lo, hi), n| {
            let (a, b) = width(n);
            (lo + a, hi.zip(b).map(|(x, y)| x + y))
        }),
        Node::Alt(alts) => {
            let ws: Vec<_> = alts.iter().map(width).collect();
            let lo = ws.iter().map(|w| w.0).min().unwrap_or(0);
            let hi = ws.iter().try_fold(0usize, |m, w| w.1.map(|h| m.max(h)));
            (lo, hi)
        }
        Node::Repeat { node, min, max, .. } => {
            let (a, b) = width(node);
            (
                a.saturating_mul(*min as usize),
                max.and_then(|m| b.map(|b| b.saturating_mul(m as usize))),
            )
        }
    }
}

// ---- compiling ----

struct Compiler {
    progs: Vec<Vec<Inst>>,
    classes: Vec<Class>,
    registers: usize,
}

impl Compiler {
    fn emit(&mut self, prog: usize, inst: Inst) -> usize {
        self.progs[prog].push(inst);
        self.progs[prog].len() - 1
    }

    fn pc(&self, prog: usize) -> usize {
        self.progs[prog].len()
    }

    fn patch(&mut self, prog: usize, at: usize, inst: Inst) {
        self.progs[prog][at] = inst;
    }

    fn node(&mut self, prog: usize, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Char(c, ic) => {
                let c = if *ic { fold(*c) } else { *c };
                self.emit(prog, Inst::Char(c, *ic));
            }
            Node::Any(dotall) => {
                self.emit(prog, Inst::Any(*dotall));
            }
            Node::Class(class, ic) => {
                self.classes.push(class.clone());
                let i = self.classes.len() - 1;
                self.emit(prog, Inst::Class(i, *ic));
            }
            Node::Assert(a) => {
                self.emit(prog, Inst::Assert(*a));
            }
            Node::Group(body, index) => {
                if let Some(i) = index {
                    self.emit(prog, Inst::Save(2 * i));
                }
                self.node(prog, body);
                if let Some(i) = index {
                    self.emit(prog, Inst::Save(2 * i + 1));
                }
            }
            Node::Concat(items) => {
                for n in items {
                    self.node(prog, n);
                }
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (k, alt) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.emit(prog, Inst::Split(0, 0));
                        self.node(prog, alt);
                        jumps.push(self.emit(prog, Inst::Jmp(0)));
                        let next = self.pc(prog);
                        self.patch(prog, split, Inst::Split(split + 1, next));
                    } else {
                        self.node(prog, alt);
                    }
                }
                let end = self.pc(prog);
                for j in jumps {
                    self.patch(prog, j, Inst::Jmp(end));
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => {
                for _ in 0..*min {
                    self.node(prog, node);
                }
                let split = |body: usize, exit: usize| {
                    if *greedy {
                        Inst::Split(body, exit)
                    } else {
                        Inst::Split(exit, body)
                    }
                };
                match max {
                    None => {
                        // L: split body, exit; body: mark; node; progress; jmp L.
                        let reg = self.registers;
                        self.registers += 1;
                        let head = self.emit(prog, Inst::Split(0, 0));
                        self.emit(prog, Inst::Mark(reg));
                        self.node(prog, node);
                        let check = self.emit(prog, Inst::Progress(reg, 0));
                        self.emit(prog, Inst::Jmp(head));
                        let exit = self.pc(prog);
                        self.patch(prog, head, split(head + 1, exit));
                        self.patch(prog, check, Inst::Progress(reg, exit));
                    }
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.emit(prog, Inst::Split(0, 0)));
                            self.node(prog, node);
                        }
                        let exit = self.pc(prog);
                        for s in splits {
                            self.patch(prog, s, split(s + 1, exit));
                        }
                    }
                }
            }
            Node::Backref(g, ic) => {
                self.emit(prog, Inst::Backref(*g, *ic));
            }
            Node::Atomic(body) => {
                self.progs.push(Vec::new());
                let sub = self.progs.len() - 1;
                self.node(sub, body);
                self.emit(sub, Inst::Match);
                self.emit(prog, Inst::Atomic(sub));
            }
            Node::Look {
                node: body,
                behind,
                negate,
            } => {
                self.progs.push(Vec::new());
                let sub = self.progs.len() - 1;
                self.node(sub, body);
                self.emit(sub, Inst::Match);
                let behind = behind.then(|| {
                    let (lo, hi) = width(body);
                    (lo, hi.unwrap_or(lo))
                });
                self.emit(
                    prog,
                    Inst::Look {
                        prog: sub,
                        behind,
                        negate: *negate,
                    },
                );
            }
        }
    }
}

impl Regex {
    /// Parse `pattern` (code points, or bytes when `bytes`) with `flags`.
    pub fn new(pattern: &[u32], flags: u32, bytes: bool) -> Result<Regex, Error> {
        // Global inline flags may sit anywhere in a verbose pattern's leading comments; find them
        // first so that they govern the whole pattern (VERBOSE itself included).
        let mut flags = flags;
        if let Some(extra) = leading_flags(pattern) {
            flags |= extra;
        }
        let mut p = Parser {
            p: pattern,
            at: 0,
            flags,
            groups: 0,
            names: Vec::new(),
            closed: Vec::new(),
            bytes,
            depth: 0,
        };
        let node = p.alternation()?;
        if p.at < pattern.len() {
            return err("unbalanced parenthesis", p.at);
        }
        let mut c = Compiler {
            progs: vec![Vec::new()],
            classes: Vec::new(),
            registers: 2 * (p.groups + 1),
        };
        c.emit(0, Inst::Save(0));
        c.node(0, &node);
        c.emit(0, Inst::Save(1));
        c.emit(0, Inst::Match);
        Ok(Regex {
            progs: c.progs,
            classes: c.classes,
            groups: p.groups,
            names: p.names,
            flags: p.flags,
            registers: c.registers,
            bytes,
        })
    }

    /// Match at `start` in `text` (the string up to `endpos`), as `how` says: the captures, two
    /// per group including group 0, `usize::MAX` where a group took no part.
    pub fn find(
        &self,
        text: &[u32],
        start: usize,
        how: &Find,
        poll: &mut dyn FnMut() -> bool,
    ) -> Result<Option<Vec<usize>>, Stop> {
        let search = how.search;
        let mut m = Matcher {
            re: self,
            text,
            regs: vec![usize::MAX; self.registers],
            stack: Vec::new(),
            steps: 0,
            poll,
            end_at: how.full.then_some(text.len()),
            not_empty_at: how.not_empty_at,
            stack_limit: how.stack_limit / core::mem::size_of::<Frame>(),
        };
        let mut at = start;
        loop {
            if at > text.len() {
                return Ok(None);
            }
            m.regs.iter_mut().for_each(|r| *r = usize::MAX);
            if m.run(0, at)?.is_some() {
                let mut caps = m.regs[..2 * (self.groups + 1)].to_vec();
                // A group is set only when both of its ends are.
                for g in 0..=self.groups {
                    if caps[2 * g] == usize::MAX || caps[2 * g + 1] == usize::MAX {
                        caps[2 * g] = usize::MAX;
                        caps[2 * g + 1] = usize::MAX;
                    }
                }
                return Ok(Some(caps));
            }
            if !search {
                return Ok(None);
            }
            at += 1;
        }
    }
}

/// The flags of `(?flags)` groups at the very start of a pattern.
fn leading_flags(p: &[u32]) -> Option<u32> {
    let mut at = 0;
    let mut flags = 0;
    let mut found = false;
    while p.get(at).is_some_and(|&c| is_ascii_char(c, b'('))
        && p.get(at + 1).is_some_and(|&c| is_ascii_char(c, b'?'))
    {
        let mut k = at + 2;
        let mut these = 0;
        while let Some(ch) = p.get(k).and_then(|&c| char::from_u32(c)) {
            match ch {
                'i' => these |= IGNORECASE,
                'm' => these |= MULTILINE,
                's' => these |= DOTALL,
                'x' => these |= VERBOSE,
                'a' => these |= ASCII,
                'u' | 'L' => {}
                _ => break,
            }
            k += 1;
        }
        if k == at + 2 || !p.get(k).is_some_and(|&c| is_ascii_char(c, b')')) {
            break;
        }
        flags |= these;
        found = true;
        at = k + 1;
    }
    found.then_some(flags)
}

enum Frame {
    Choice(usize, usize),
    Restore(usize, usize),
}

struct Matcher<'a> {
    re: &'a Regex,
    text: &'a [u32],
    regs: Vec<usize>,
    stack: Vec<Frame>,
    steps: u32,
    poll: &'a mut dyn FnMut() -> bool,
    /// Where the current run's match must end: the end of the text for `fullmatch`, the
    /// lookbehind's position for its body.
    end_at: Option<usize>,
    /// A match of the pattern that starts here must not be empty (the previous match of a
    /// `findall` was empty here).
    not_empty_at: Option<usize>,
    /// The most backtracking frames there is memory for.
    stack_limit: usize,
}

impl Matcher<'_> {
    fn set(&mut self, reg: usize, value: usize) {
        let old = self.regs[reg];
        self.stack.push(Frame::Restore(reg, old));
        self.regs[reg] = value;
    }

    fn word_at(&self, i: usize) -> bool {
        self.text
            .get(i)
            .is_some_and(|&c| is_word(c, self.re.bytes || self.re.flags & ASCII != 0))
    }

    fn assert(&self, a: Assert, pos: usize) -> bool {
        let t = self.text;
        let n = t.len();
        let nl = |i: usize| t.get(i).is_some_and(|&c| c == 10);
        match a {
            Assert::Start(multi) => pos == 0 || (multi && nl(pos - 1)),
            Assert::End(multi) => pos == n || (pos + 1 == n && nl(pos)) || (multi && nl(pos)),
            Assert::StartText => pos == 0,
            Assert::EndText => pos == n,
            Assert::Boundary(yes) => {
                let before = pos > 0 && self.word_at(pos - 1);
                (before != self.word_at(pos)) == yes
            }
        }
    }

    /// Run program `prog` from `pos`; the end position of the first match, with the
    /// registers it set left in place.
    fn run(&mut self, prog: usize, pos: usize) -> Result<Option<usize>, Stop> {
        let base = self.stack.len();
        let start = pos;
        let code = &self.re.progs[prog];
        let ascii = self.re.bytes || self.re.flags & ASCII != 0;
        let mut pc = 0;
        let mut pos = pos;
        loop {
            self.steps = self.steps.wrapping_add(1);
            if self.steps & 0xFFF == 0 {
                if (self.poll)() {
                    return Err(Stop::Interrupted);
                }
                if self.stack.len() > self.stack_limit {
                    return Err(Stop::NoMemory);
                }
            }
            let ok = match code[pc] {
                Inst::Char(c, ic) => match self.text.get(pos) {
                    Some(&t) if t == c || (ic && fold(t) == c) => {
                        pos += 1;
                        pc += 1;
                        true
                    }
                    _ => false,
                },
                Inst::Any(dotall) => match self.text.get(pos) {
                    Some(&t) if dotall || t != 10 => {
                        pos += 1;
                        pc += 1;
                        true
                    }
                    _ => false,
                },
                Inst::Class(i, ic) => match self.text.get(pos) {
                    Some(&t) if self.re.classes[i].contains(t, ascii, ic) => {
                        pos += 1;
                        pc += 1;
                        true
                    }
                    _ => false,
                },
                Inst::Assert(a) => {
                    pc += 1;
                    self.assert(a, pos)
                }
                Inst::Save(r) => {
                    self.set(r, pos);
                    pc += 1;
                    true
                }
                Inst::Mark(r) => {
                    self.set(r, pos);
                    pc += 1;
                    true
                }
                Inst::Progress(r, exit) => {
                    pc = if self.regs[r] == pos { exit } else { pc + 1 };
                    true
                }
                Inst::Split(a, b) => {
                    self.stack.push(Frame::Choice(b, pos));
                    pc = a;
                    true
                }
                Inst::Jmp(t) => {
                    pc = t;
                    true
                }
                Inst::Backref(g, ic) => {
                    let (s, e) = (self.regs[2 * g], self.regs[2 * g + 1]);
                    if s == usize::MAX || e == usize::MAX || e < s {
                        false
                    } else {
                        let len = e - s;
                        let same = pos + len <= self.text.len()
                            && (0..len).all(|k| {
                                let (x, y) = (self.text[s + k], self.text[pos + k]);
                                x == y || (ic && fold(x) == fold(y))
                            });
                        if same {
                            pos += len;
                            pc += 1;
                        }
                        same
                    }
                }
                Inst::Atomic(sub) => {
                    let saved = self.end_at.take();
                    let found = self.run(sub, pos);
                    self.end_at = saved;
                    match found? {
                        Some(end) => {
                            pos = end;
                            pc += 1;
                            true
                        }
                        None => false,
                    }
                }
                Inst::Look {
                    prog: sub,
                    behind,
                    negate,
                } => {
                    let found = self.look(sub, behind, pos)?;
                    pc += 1;
                    found != negate
                }
                Inst::Match => {
                    if self.end_at.is_some_and(|e| e != pos)
                        || (prog == 0 && pos == start && self.not_empty_at == Some(start))
                    {
                        false
                    } else {
                        // Drop this run's choice points; its register writes stay, and so do
                        // their restores, for the caller's backtracking.
                        let mut kept = Vec::new();
                        while self.stack.len() > base {
                            if let Some(f @ Frame::Restore(..)) = self.stack.pop() {
                                kept.push(f);
                            }
                        }
                        kept.reverse();
                        self.stack.extend(kept);
                        return Ok(Some(pos));
                    }
                }
            };
            if !ok {
                // Backtrack to the latest choice of this run, undoing register writes.
                loop {
                    if self.stack.len() == base {
                        return Ok(None);
                    }
                    match self.stack.pop().expect("above base") {
                        Frame::Restore(r, old) => self.regs[r] = old,
                        Frame::Choice(p, q) => {
                            pc = p;
                            pos = q;
                            break;
                        }
                    }
                }
            }
        }
    }

    /// Whether lookaround body `sub` matches at `pos` (ahead) or ending at `pos` (behind). A
    /// positive lookaround keeps the groups its body set.
    fn look(
        &mut self,
        sub: usize,
        behind: Option<(usize, usize)>,
        pos: usize,
    ) -> Result<bool, Stop> {
        let saved = self.end_at;
        let result = match behind {
            None => {
                self.end_at = None;
                self.run(sub, pos).map(|r| r.is_some())
            }
            Some((lo, hi)) => {
                self.end_at = Some(pos);
                let mut found = Ok(false);
                for w in lo..=hi.min(pos) {
                    match self.run(sub, pos - w) {
                        Ok(None) => {}
                        Ok(Some(_)) => {
                            found = Ok(true);
                            break;
                        }
                        Err(e) => {
                            found = Err(e);
                            break;
                        }
                    }
                }
                found
            }
        };
        self.end_at = saved;
        result
    }
}
