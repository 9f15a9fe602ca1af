//! Renders the AST as text in the shape of CPython's `ast.dump`, so tests can state expected
//! trees compactly and the stdlib test can compare them with CPython's own.
//!
//! The format: `Node(field=value, ...)`, `None`-valued fields omitted, operators as bare names,
//! strings in double quotes with `\\`, `\"` and `\u{..}` (control characters) escaped, floats
//! and imaginary parts as their IEEE bits (`f4607182418800017408`, `j...`), integers in
//! decimal. With positions, statements and expressions (and args, keywords, aliases, except
//! handlers) get `@line:col`; parts of f-strings never do.

use frontend::ast::*;

/// Renders `module`.
pub fn module(module: &Module, positions: bool) -> String {
    let mut dumper = Dumper {
        out: String::new(),
        positions,
        in_fstring: false,
    };
    dumper.out.push_str("Module(body=");
    dumper.stmts(&module.body);
    dumper.out.push(')');
    dumper.out
}

/// Renders one expression without positions.
pub fn expr(expr: &Expr) -> String {
    let mut dumper = Dumper {
        out: String::new(),
        positions: false,
        in_fstring: false,
    };
    dumper.expr(expr);
    dumper.out
}

struct Dumper {
    out: String,
    positions: bool,
    in_fstring: bool,
}

impl Dumper {
    fn open(&mut self, name: &str, pos: Option<Pos>) {
        self.out.push_str(name);
        if let Some(pos) = pos.filter(|_| self.positions && !self.in_fstring) {
            self.out.push_str(&format!("@{}:{}", pos.line, pos.col));
        }
        self.out.push('(');
    }

    /// Starts the next field; `first` fields get no comma.
    fn field(&mut self, name: &str) {
        if !self.out.ends_with('(') {
            self.out.push_str(", ");
        }
        self.out.push_str(name);
        self.out.push('=');
    }

    fn list<T>(&mut self, name: &str, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.field(name);
        self.out.push('[');
        for (index, item) in items.iter().enumerate() {
            if index > 0 {
                self.out.push_str(", ");
            }
            each(self, item);
        }
        self.out.push(']');
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        self.out.push('[');
        for (index, stmt) in stmts.iter().enumerate() {
            if index > 0 {
                self.out.push_str(", ");
            }
            self.stmt(stmt);
        }
        self.out.push(']');
    }

    fn body(&mut self, name: &str, stmts: &[Stmt]) {
        self.field(name);
        self.stmts(stmts);
    }

    fn expr_field(&mut self, name: &str, expr: &Expr) {
        self.field(name);
        self.expr(expr);
    }

    fn opt_expr_field(&mut self, name: &str, expr: Option<&Expr>) {
        if let Some(expr) = expr {
            self.expr_field(name, expr);
        }
    }

    fn exprs(&mut self, name: &str, exprs: &[Expr]) {
        self.list(name, exprs, |dumper, expr| dumper.expr(expr));
    }

    fn text_field(&mut self, name: &str, text: &str) {
        self.field(name);
        self.string(text);
    }

    fn raw_field(&mut self, name: &str, value: &str) {
        self.field(name);
        self.out.push_str(value);
    }

    fn string(&mut self, text: &str) {
        self.out.push('"');
        for ch in text.chars() {
            match ch {
                '\\' => self.out.push_str("\\\\"),
                '"' => self.out.push_str("\\\""),
                ch if (ch as u32) < 0x20 || (0x7f..0xa0).contains(&(ch as u32)) => {
                    self.out.push_str(&format!("\\u{{{:x}}}", ch as u32));
                }
                ch => self.out.push(ch),
            }
        }
        self.out.push('"');
    }

    fn stmt(&mut self, stmt: &Stmt) {
        let pos = Some(stmt.pos);
        match &stmt.kind {
            StmtKind::FunctionDef(def) => {
                self.open(
                    if def.is_async {
                        "AsyncFunctionDef"
                    } else {
                        "FunctionDef"
                    },
                    pos,
                );
                self.text_field("name", &def.name);
                self.field("args");
                self.arguments(&def.args);
                self.body("body", &def.body);
                self.exprs("decorator_list", &def.decorators);
                self.opt_expr_field("returns", def.returns.as_ref());
            }
            StmtKind::ClassDef(class) => {
                self.open("ClassDef", pos);
                self.text_field("name", &class.name);
                self.exprs("bases", &class.bases);
                self.list("keywords", &class.keywords, Self::keyword);
                self.body("body", &class.body);
                self.exprs("decorator_list", &class.decorators);
            }
            StmtKind::Return(value) => {
                self.open("Return", pos);
                self.opt_expr_field("value", value.as_ref());
            }
            StmtKind::Delete(targets) => {
                self.open("Delete", pos);
                self.exprs("targets", targets);
            }
            StmtKind::Assign { targets, value } => {
                self.open("Assign", pos);
                self.exprs("targets", targets);
                self.expr_field("value", value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.open("AugAssign", pos);
                self.expr_field("target", target);
                self.raw_field("op", &format!("{op:?}"));
                self.expr_field("value", value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.open("AnnAssign", pos);
                self.expr_field("target", target);
                self.expr_field("annotation", annotation);
                self.opt_expr_field("value", value.as_ref());
                self.raw_field("simple", if *simple { "1" } else { "0" });
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                self.open(if *is_async { "AsyncFor" } else { "For" }, pos);
                self.expr_field("target", target);
                self.expr_field("iter", iter);
                self.body("body", body);
                self.body("orelse", orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.open("While", pos);
                self.expr_field("test", test);
                self.body("body", body);
                self.body("orelse", orelse);
            }
            StmtKind::If { test, body, orelse } => {
                self.open("If", pos);
                self.expr_field("test", test);
                self.body("body", body);
                self.body("orelse", orelse);
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                self.open(if *is_async { "AsyncWith" } else { "With" }, pos);
                self.list("items", items, |dumper, item| {
                    dumper.open("withitem", None);
                    dumper.expr_field("context_expr", &item.context_expr);
                    dumper.opt_expr_field("optional_vars", item.optional_vars.as_ref());
                    dumper.out.push(')');
                });
                self.body("body", body);
            }
            StmtKind::Raise { exc, cause } => {
                self.open("Raise", pos);
                self.opt_expr_field("exc", exc.as_ref());
                self.opt_expr_field("cause", cause.as_ref());
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                self.open(if *is_star { "TryStar" } else { "Try" }, pos);
                self.body("body", body);
                self.list("handlers", handlers, |dumper, handler| {
                    dumper.open("ExceptHandler", Some(handler.pos));
                    dumper.opt_expr_field("type", handler.typ.as_ref());
                    if let Some(name) = &handler.name {
                        dumper.text_field("name", name);
                    }
                    dumper.body("body", &handler.body);
                    dumper.out.push(')');
                });
                self.body("orelse", orelse);
                self.body("finalbody", finalbody);
            }
            StmtKind::Match { subject, cases } => {
                self.open("Match", pos);
                self.expr_field("subject", subject);
                self.list("cases", cases, |dumper, case| {
                    dumper.open("match_case", None);
                    dumper.field("pattern");
                    dumper.pattern(&case.pattern);
                    dumper.opt_expr_field("guard", case.guard.as_ref());
                    dumper.body("body", &case.body);
                    dumper.out.push(')');
                });
            }
            StmtKind::Assert { test, msg } => {
                self.open("Assert", pos);
                self.expr_field("test", test);
                self.opt_expr_field("msg", msg.as_ref());
            }
            StmtKind::Import(names) => {
                self.open("Import", pos);
                self.list("names", names, Self::alias);
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.open("ImportFrom", pos);
                if let Some(module) = module {
                    self.text_field("module", module);
                }
                self.list("names", names, Self::alias);
                self.raw_field("level", &level.to_string());
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                self.open(
                    if matches!(stmt.kind, StmtKind::Global(_)) {
                        "Global"
                    } else {
                        "Nonlocal"
                    },
                    pos,
                );
                self.list("names", names, |dumper, name| dumper.string(name));
            }
            StmtKind::Expr(value) => {
                self.open("Expr", pos);
                self.expr_field("value", value);
            }
            StmtKind::Pass => self.open("Pass", pos),
            StmtKind::Break => self.open("Break", pos),
            StmtKind::Continue => self.open("Continue", pos),
        }
        self.out.push(')');
    }

    fn alias(&mut self, alias: &Alias) {
        self.open("alias", Some(alias.pos));
        self.text_field("name", &alias.name);
        if let Some(asname) = &alias.asname {
            self.text_field("asname", asname);
        }
        self.out.push(')');
    }

    fn keyword(&mut self, keyword: &Keyword) {
        self.open("keyword", Some(keyword.pos));
        if let Some(name) = &keyword.name {
            self.text_field("arg", name);
        }
        self.expr_field("value", &keyword.value);
        self.out.push(')');
    }

    fn arg(&mut self, arg: &Arg) {
        self.open("arg", Some(arg.pos));
        self.text_field("arg", &arg.name);
        self.opt_expr_field("annotation", arg.annotation.as_ref());
        self.out.push(')');
    }

    fn arguments(&mut self, args: &Arguments) {
        self.open("arguments", None);
        self.list("posonlyargs", &args.posonlyargs, Self::arg);
        self.list("args", &args.args, Self::arg);
        if let Some(vararg) = &args.vararg {
            self.field("vararg");
            self.arg(vararg);
        }
        self.list("kwonlyargs", &args.kwonlyargs, Self::arg);
        self.list(
            "kw_defaults",
            &args.kw_defaults,
            |dumper, default| match default {
                Some(default) => dumper.expr(default),
                None => dumper.out.push_str("None"),
            },
        );
        if let Some(kwarg) = &args.kwarg {
            self.field("kwarg");
            self.arg(kwarg);
        }
        self.exprs("defaults", &args.defaults);
        self.out.push(')');
    }

    fn comprehensions(&mut self, generators: &[Comprehension]) {
        self.list("generators", generators, |dumper, generator| {
            dumper.open("comprehension", None);
            dumper.expr_field("target", &generator.target);
            dumper.expr_field("iter", &generator.iter);
            dumper.exprs("ifs", &generator.ifs);
            dumper.raw_field("is_async", if generator.is_async { "1" } else { "0" });
            dumper.out.push(')');
        });
    }

    fn expr(&mut self, expr: &Expr) {
        let pos = Some(expr.pos);
        match &expr.kind {
            ExprKind::BoolOp { op, values } => {
                self.open("BoolOp", pos);
                self.raw_field("op", &format!("{op:?}"));
                self.exprs("values", values);
            }
            ExprKind::NamedExpr { target, value } => {
                self.open("NamedExpr", pos);
                self.expr_field("target", target);
                self.expr_field("value", value);
            }
            ExprKind::BinOp { left, op, right } => {
                self.open("BinOp", pos);
                self.expr_field("left", left);
                self.raw_field("op", &format!("{op:?}"));
                self.expr_field("right", right);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.open("UnaryOp", pos);
                self.raw_field("op", &format!("{op:?}"));
                self.expr_field("operand", operand);
            }
            ExprKind::Lambda { args, body } => {
                self.open("Lambda", pos);
                self.field("args");
                self.arguments(args);
                self.expr_field("body", body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.open("IfExp", pos);
                self.expr_field("test", test);
                self.expr_field("body", body);
                self.expr_field("orelse", orelse);
            }
            ExprKind::Dict { keys, values } => {
                self.open("Dict", pos);
                self.list("keys", keys, |dumper, key| match key {
                    Some(key) => dumper.expr(key),
                    None => dumper.out.push_str("None"),
                });
                self.exprs("values", values);
            }
            ExprKind::Set(elts) => {
                self.open("Set", pos);
                self.exprs("elts", elts);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match expr.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                self.open(name, pos);
                self.expr_field("elt", elt);
                self.comprehensions(generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.open("DictComp", pos);
                self.expr_field("key", key);
                self.expr_field("value", value);
                self.comprehensions(generators);
            }
            ExprKind::Await(value) => {
                self.open("Await", pos);
                self.expr_field("value", value);
            }
            ExprKind::Yield(value) => {
                self.open("Yield", pos);
                self.opt_expr_field("value", value.as_deref());
            }
            ExprKind::YieldFrom(value) => {
                self.open("YieldFrom", pos);
                self.expr_field("value", value);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.open("Compare", pos);
                self.expr_field("left", left);
                self.list("ops", ops, |dumper, op| {
                    dumper.out.push_str(&format!("{op:?}"))
                });
                self.exprs("comparators", comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.open("Call", pos);
                self.expr_field("func", func);
                self.exprs("args", args);
                self.list("keywords", keywords, Self::keyword);
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.open("FormattedValue", pos);
                let was_in_fstring = std::mem::replace(&mut self.in_fstring, false);
                self.expr_field("value", value);
                self.in_fstring = was_in_fstring;
                let conversion = conversion.map_or(-1, |kind| kind as i32);
                self.raw_field("conversion", &conversion.to_string());
                self.opt_expr_field("format_spec", format_spec.as_deref());
            }
            ExprKind::JoinedStr(values) => {
                self.open("JoinedStr", pos);
                let was_in_fstring = std::mem::replace(&mut self.in_fstring, true);
                self.exprs("values", values);
                self.in_fstring = was_in_fstring;
            }
            ExprKind::Constant(value) => {
                self.open("Constant", pos);
                self.field("value");
                self.constant(value);
            }
            ExprKind::Attribute { value, attr } => {
                self.open("Attribute", pos);
                self.expr_field("value", value);
                self.text_field("attr", attr);
            }
            ExprKind::Subscript { value, slice } => {
                self.open("Subscript", pos);
                self.expr_field("value", value);
                self.expr_field("slice", slice);
            }
            ExprKind::Starred(value) => {
                self.open("Starred", pos);
                self.expr_field("value", value);
            }
            ExprKind::Name(id) => {
                self.open("Name", pos);
                self.text_field("id", id);
            }
            ExprKind::List(elts) => {
                self.open("List", pos);
                self.exprs("elts", elts);
            }
            ExprKind::Tuple(elts) => {
                self.open("Tuple", pos);
                self.exprs("elts", elts);
            }
            ExprKind::Slice { lower, upper, step } => {
                self.open("Slice", pos);
                self.opt_expr_field("lower", lower.as_deref());
                self.opt_expr_field("upper", upper.as_deref());
                self.opt_expr_field("step", step.as_deref());
            }
        }
        self.out.push(')');
    }

    /// A pattern (CPython's dump gives patterns no positions).
    fn pattern(&mut self, pattern: &Pattern) {
        match &pattern.kind {
            PatternKind::Value(value) => {
                self.open("MatchValue", None);
                self.expr_field("value", value);
            }
            PatternKind::Singleton(value) => {
                self.open("MatchSingleton", None);
                // Like every None-valued field, `value=None` is left out.
                if *value != Constant::None {
                    self.field("value");
                    self.constant(value);
                }
            }
            PatternKind::Sequence(patterns) => {
                self.open("MatchSequence", None);
                self.list("patterns", patterns, Self::pattern);
            }
            PatternKind::Star(name) => {
                self.open("MatchStar", None);
                if let Some(name) = name {
                    self.text_field("name", name);
                }
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                self.open("MatchMapping", None);
                self.exprs("keys", keys);
                self.list("patterns", patterns, Self::pattern);
                if let Some(rest) = rest {
                    self.text_field("rest", rest);
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.open("MatchClass", None);
                self.expr_field("cls", cls);
                self.list("patterns", patterns, Self::pattern);
                self.list("kwd_attrs", kwd_attrs, |dumper, attr| dumper.string(attr));
                self.list("kwd_patterns", kwd_patterns, Self::pattern);
            }
            PatternKind::As { pattern, name } => {
                self.open("MatchAs", None);
                if let Some(pattern) = pattern {
                    self.field("pattern");
                    self.pattern(pattern);
                }
                if let Some(name) = name {
                    self.text_field("name", name);
                }
            }
            PatternKind::Or(patterns) => {
                self.open("MatchOr", None);
                self.list("patterns", patterns, Self::pattern);
            }
        }
        self.out.push(')');
    }

    fn constant(&mut self, value: &Constant) {
        match value {
            Constant::None => self.out.push_str("None"),
            Constant::True => self.out.push_str("True"),
            Constant::False => self.out.push_str("False"),
            Constant::Ellipsis => self.out.push_str("..."),
            Constant::Int(value) => self.out.push_str(&value.to_string()),
            Constant::BigInt { digits, radix } => self.out.push_str(&to_decimal(digits, *radix)),
            Constant::Float(value) => self.out.push_str(&format!("f{}", value.to_bits())),
            Constant::Imaginary(value) => self.out.push_str(&format!("j{}", value.to_bits())),
            Constant::Str(text) => self.string(text),
            Constant::Bytes(bytes) => {
                self.out.push_str("b\"");
                for &byte in bytes {
                    match byte {
                        b'\\' => self.out.push_str("\\\\"),
                        b'"' => self.out.push_str("\\\""),
                        0x20..=0x7e => self.out.push(char::from(byte)),
                        _ => self.out.push_str(&format!("\\x{byte:02x}")),
                    }
                }
                self.out.push('"');
            }
        }
    }
}

/// `digits` in base `radix`, rewritten in decimal (schoolbook, little-endian base 10^9).
fn to_decimal(digits: &str, radix: u32) -> String {
    let mut limbs: Vec<u64> = vec![0];
    for digit in digits.chars() {
        let mut carry = u64::from(digit.to_digit(radix).expect("a digit"));
        for limb in &mut limbs {
            let value = *limb * u64::from(radix) + carry;
            *limb = value % 1_000_000_000;
            carry = value / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut text = limbs.last().expect("one limb").to_string();
    for limb in limbs.iter().rev().skip(1) {
        text.push_str(&format!("{limb:09}"));
    }
    text
}
