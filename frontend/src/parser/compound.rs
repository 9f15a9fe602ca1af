//! Compound statements — `if`, `while`, `for`, `try`, `with`, `def`, `class`, decorators and
//! the `async` forms — and the indented blocks they own.

use alloc::format;
use alloc::vec::Vec;

use super::{PResult, Parser};
use crate::ast::{
    ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Pos, Stmt, StmtKind, WithItem,
};
use crate::lexer::Tok;

impl Parser {
    /// A compound statement; the current token is its keyword, `@` or `async`.
    pub(super) fn compound_statement(&mut self) -> PResult<Stmt> {
        let pos = self.start();
        if self.starts_match_statement() {
            return self.match_statement();
        }
        match self.peek() {
            Tok::If => self.if_statement(),
            Tok::While => self.while_statement(),
            Tok::For => self.for_statement(pos, false),
            Tok::Try => self.try_statement(),
            Tok::With => self.with_statement(pos, false),
            Tok::Def => self.function_def(Vec::new(), pos, false),
            Tok::Class => self.class_def(Vec::new()),
            Tok::At => self.decorated(),
            _ => {
                self.advance(); // `async`
                match self.peek() {
                    Tok::Def => self.function_def(Vec::new(), pos, true),
                    Tok::For => self.for_statement(pos, true),
                    Tok::With => self.with_statement(pos, true),
                    _ => Err(self.invalid_syntax()),
                }
            }
        }
    }

    /// The body after a header's `:`: an indented block, or simple statements on the same line.
    pub(super) fn block(&mut self, header: &str, header_line: u32) -> PResult<Vec<Stmt>> {
        if !self.check(&Tok::Newline) {
            return self.simple_statements();
        }
        let newline_pos = self.advance();
        if !self.check(&Tok::Indent) {
            if self.check(&Tok::Error) {
                return Err(self.lexer_error());
            }
            // At the end of the input the block may still come: the REPL asks for it.
            let at_end = self.at_end_of_input();
            let pos = if at_end { newline_pos } else { self.start() };
            let msg = format!("expected an indented block after {header} on line {header_line}");
            let mut err = self.indentation_error_at(pos, msg);
            err.incomplete = at_end;
            return Err(err);
        }
        self.advance();
        let mut body = Vec::new();
        while !self.eat(&Tok::Dedent) {
            body.extend(self.statement()?);
        }
        Ok(body)
    }

    /// Where to report an error at the current token; at the end of the input CPython points at
    /// the end of the last line instead.
    fn end_of_last_line_if_at_end(&self) -> Pos {
        if !self.at_end_of_input() {
            return self.start();
        }
        let last_newline = self.tokens[..self.at]
            .iter()
            .rev()
            .find(|token| token.kind == Tok::Newline);
        last_newline.map_or_else(|| self.start(), |token| token.start)
    }

    /// The `:` ending a header. CPython says `expected ':'` when the line ends instead, and for
    /// some keywords (`def`, `try`, `else`, `finally`) whatever comes instead.
    pub(super) fn expect_colon(&mut self, any_token_means_missing_colon: bool) -> PResult<()> {
        if self.eat(&Tok::Colon) {
            return Ok(());
        }
        if !self.check(&Tok::Error) && (any_token_means_missing_colon || self.check(&Tok::Newline))
        {
            let at = self.start();
            return Err(self.error_at(at, "expected ':'"));
        }
        Err(self.invalid_syntax())
    }

    /// `'else' ':' block`, if present.
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.check(&Tok::Else) {
            return Ok(Vec::new());
        }
        let pos = self.advance();
        self.expect_colon(true)?;
        self.block("'else' statement", pos.line)
    }

    /// `if` with its `elif`s (nested `If`s in `orelse`) and `else`.
    fn if_statement(&mut self) -> PResult<Stmt> {
        // Collected first and nested afterwards, so long `elif` chains do not recurse.
        let mut branches = Vec::new();
        let mut header = "'if' statement";
        loop {
            let pos = self.advance();
            let test = self.named_expression()?;
            self.expect_colon(false)?;
            let body = self.block(header, pos.line)?;
            branches.push((pos, test, body));
            if !self.check(&Tok::Elif) {
                break;
            }
            header = "'elif' statement";
        }
        let mut orelse = self.else_block()?;
        while let Some((pos, test, body)) = branches.pop() {
            orelse = alloc::vec![Stmt {
                kind: StmtKind::If { test, body, orelse },
                pos
            }];
        }
        Ok(orelse.remove(0))
    }

    fn while_statement(&mut self) -> PResult<Stmt> {
        let pos = self.advance();
        let test = self.named_expression()?;
        self.expect_colon(false)?;
        let body = self.block("'while' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::While { test, body, orelse },
            pos,
        })
    }

    /// `for targets in star_expressions ':' block [else_block]`; `pos` is `async` if present.
    fn for_statement(&mut self, pos: Pos, is_async: bool) -> PResult<Stmt> {
        let for_pos = self.advance();
        let target = self.for_targets()?;
        self.expect(&Tok::In)?;
        let iter = self.star_expressions()?;
        self.reject_bare_starred(&iter);
        self.expect_colon(false)?;
        let body = self.block("'for' statement", for_pos.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            pos,
        })
    }

    /// `try` with `except`/`except*` handlers, `else` and `finally`.
    fn try_statement(&mut self) -> PResult<Stmt> {
        let pos = self.advance();
        self.expect_colon(true)?;
        let body = self.block("'try' statement", pos.line)?;
        let mut handlers = Vec::new();
        let mut star_handlers = None;
        while self.check(&Tok::Except) {
            let handler_pos = self.advance();
            let is_star = self.eat(&Tok::Star);
            if star_handlers.is_some_and(|star| star != is_star) {
                let msg = "cannot have both 'except' and 'except*' on the same 'try'";
                return Err(self.error_at(handler_pos, msg));
            }
            star_handlers = Some(is_star);
            let (typ, name) = if self.check(&Tok::Colon) || self.check(&Tok::Newline) {
                if self.check(&Tok::Newline) {
                    let at = self.start();
                    return Err(self.error_at(at, "expected ':'"));
                }
                if is_star {
                    let at = self.start();
                    return Err(self.error_at(at, "expected one or more exception types"));
                }
                (None, None)
            } else {
                let typ = self.expression()?;
                if self.check(&Tok::Comma) {
                    return Err(
                        self.error_at(typ.pos, "multiple exception types must be parenthesized")
                    );
                }
                let name = if self.eat(&Tok::As) {
                    Some(self.expect_name()?.0)
                } else {
                    None
                };
                (Some(typ), name)
            };
            self.expect_colon(false)?;
            let header = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let body = self.block(header, handler_pos.line)?;
            handlers.push(ExceptHandler {
                typ,
                name,
                body,
                pos: handler_pos,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let mut finalbody = Vec::new();
        if self.check(&Tok::Finally) {
            let finally_pos = self.advance();
            self.expect_colon(true)?;
            finalbody = self.block("'finally' statement", finally_pos.line)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            if self.check(&Tok::Error) {
                return Err(self.lexer_error());
            }
            let at = self.end_of_last_line_if_at_end();
            return Err(self.error_at(at, "expected 'except' or 'finally' block"));
        }
        let is_star = star_handlers == Some(true);
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            },
            pos,
        })
    }

    /// `with` items `:` block, including the parenthesised form `with (a as b, c):`.
    fn with_statement(&mut self, pos: Pos, is_async: bool) -> PResult<Stmt> {
        let with_pos = self.advance();
        let mut items = Vec::new();
        if self.check(&Tok::LPar) && self.parenthesized_with_items_ahead() {
            self.advance();
            loop {
                items.push(self.with_item()?);
                if !self.eat(&Tok::Comma) || self.check(&Tok::RPar) {
                    break;
                }
            }
            self.expect(&Tok::RPar)?;
        } else {
            items.push(self.with_item()?);
            while self.eat(&Tok::Comma) {
                items.push(self.with_item()?);
            }
        }
        self.expect_colon(false)?;
        let body = self.block("'with' statement", with_pos.line)?;
        Ok(Stmt {
            kind: StmtKind::With {
                items,
                body,
                is_async,
            },
            pos,
        })
    }

    /// Whether the `(` here encloses the with-items themselves: its matching `)` is followed by
    /// the header's `:`. (`with (a, b) as c:` is a tuple instead; `(yield)` is an expression.)
    fn parenthesized_with_items_ahead(&self) -> bool {
        if matches!(self.peek_nth(1), Tok::Yield | Tok::RPar) {
            return false;
        }
        let mut depth = 0usize;
        for (index, token) in self.tokens.iter().enumerate().skip(self.at) {
            match token.kind {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    depth -= 1;
                    if depth == 0 {
                        // A missing `:` is reported as such, so a line end counts too.
                        return self
                            .tokens
                            .get(index + 1)
                            .is_some_and(|next| matches!(next.kind, Tok::Colon | Tok::Newline));
                    }
                }
                Tok::Newline | Tok::EndMarker | Tok::Error => return false,
                _ => {}
            }
        }
        false
    }

    /// `expression ['as' star_target]`
    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(&Tok::As) {
            Some(self.single_target()?)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// `('@' named_expression NEWLINE)+` then the decorated `def`, `async def` or `class`.
    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(&Tok::At) {
            decorators.push(self.named_expression()?);
            if !self.eat(&Tok::Newline) {
                return Err(self.invalid_syntax());
            }
        }
        let pos = self.start();
        match self.peek() {
            Tok::Def => self.function_def(decorators, pos, false),
            Tok::Class => self.class_def(decorators),
            Tok::Async if self.peek_nth(1) == &Tok::Def => {
                self.advance();
                self.function_def(decorators, pos, true)
            }
            _ => {
                let at_end = self.at_end_of_input();
                let mut err = self.invalid_syntax();
                err.incomplete |= at_end;
                Err(err)
            }
        }
    }

    /// `def NAME '(' parameters ')' ['->' expression] ':' block`; `pos` is `async` if present.
    fn function_def(&mut self, decorators: Vec<Expr>, pos: Pos, is_async: bool) -> PResult<Stmt> {
        let def_pos = self.advance();
        let (name, _) = self.expect_name()?;
        if !self.check(&Tok::LPar) {
            if self.check(&Tok::Error) {
                return Err(self.lexer_error());
            }
            let at = self.start();
            return Err(self.error_at(at, "expected '('"));
        }
        self.advance();
        self.machine_code_def = decorators.iter().any(is_machine_code_decorator);
        let args = self.parameters(&Tok::RPar, true);
        self.machine_code_def = false;
        let args = args?;
        self.expect(&Tok::RPar)?;
        let returns = if self.eat(&Tok::RArrow) {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_colon(true)?;
        let body = self.block("function definition", def_pos.line)?;
        let def = FunctionDef {
            name,
            args,
            body,
            decorators,
            returns,
            is_async,
        };
        Ok(Stmt {
            kind: StmtKind::FunctionDef(alloc::boxed::Box::new(def)),
            pos,
        })
    }

    /// `class NAME ['(' arguments ')'] ':' block`
    fn class_def(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let pos = self.advance();
        let (name, _) = self.expect_name()?;
        let (bases, keywords) = if self.check(&Tok::LPar) {
            let open = self.advance();
            self.call_arguments(open, true)?
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect_colon(false)?;
        let body = self.block("class definition", pos.line)?;
        let class = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
        };
        Ok(Stmt {
            kind: StmtKind::ClassDef(alloc::boxed::Box::new(class)),
            pos,
        })
    }
}

/// `@micropython.native`, `@micropython.viper` or `@micropython.asm_thumb` (or the bare name,
/// as imported from `micropython`).
fn is_machine_code_decorator(d: &Expr) -> bool {
    let name = match &d.kind {
        ExprKind::Attribute { value, attr } => match &value.kind {
            ExprKind::Name(m) if m == "micropython" => attr.as_str(),
            _ => return false,
        },
        ExprKind::Name(n) => n.as_str(),
        _ => return false,
    };
    matches!(name, "native" | "viper" | "asm_thumb")
}
