//! The parser: tokens to the AST by recursive descent, binary operators by precedence climbing.
//!
//! The grammar is CPython 3.11's. The parser never backtracks: where the
//! grammar needs more lookahead (targets, keyword arguments, the parenthesised `with` form) it
//! parses an expression first and checks or reinterprets it afterwards, which is also where
//! CPython's targeted error messages (`cannot assign to literal`...) come from.
//!
//! This module owns the token cursor, error construction and the choice between a lexer error
//! and a parse error; the grammar itself lives in the submodules.

mod arguments;
mod atom;
mod compound;
mod expr;
mod fstring;
mod pattern;
mod stmt;
mod strings;
mod target;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::Mode;
use crate::ast::{Expr, ExprKind, Module, Pos, Stmt, StmtKind};
use crate::error::{CompileError, ErrorKind};
use crate::lexer::{self, LexError, Tok, Token, Tokens, Urgency};

/// Result of a parsing step.
type PResult<T> = Result<T, CompileError>;

/// How deeply expressions may nest (brackets, unary operators, lambdas, conditionals) before
/// the parser gives up rather than risk overflowing the stack. The lexer already stops at 200
/// nested brackets, as CPython does; this also bounds nesting without brackets.
const MAX_NESTING: u32 = 200;

/// Parses `source` as a module, an `eval` expression or one interactive statement.
pub fn parse(source: &str, mode: Mode) -> Result<Module, CompileError> {
    let mut parser = Parser::new(lexer::tokenize(source), false, 0);
    let result = match mode {
        Mode::Exec => parser.module(),
        Mode::Eval => parser.eval_input(),
        Mode::Single => parser.single_input(),
    };
    match (result, parser.deferred.take()) {
        (Ok(_), Some(deferred)) => Err(deferred),
        (Ok(module), None) => Ok(module),
        (Err(err), _) => Err(parser.rank_errors(err)),
    }
}

/// Whether a token can begin an expression (`*` included, for starred items).
fn can_start_expression(kind: &Tok) -> bool {
    matches!(
        kind,
        Tok::Name(_)
            | Tok::Number(_)
            | Tok::Str(_)
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Star
            | Tok::Not
            | Tok::Lambda
            | Tok::Await
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

/// The parser state: the tokens and a cursor into them.
struct Parser {
    tokens: Vec<Token>,
    /// Index of the next token; never moves past the last one (`EndMarker` or `Error`).
    at: usize,
    /// The error that stopped the lexer, if any; `tokens` then ends with `Tok::Error`.
    lex_error: Option<LexError>,
    /// Current expression nesting, checked against `MAX_NESTING`.
    depth: u32,
    /// Parsing an f-string's embedded expression: errors get CPython's `f-string: ` prefix.
    in_fstring: bool,
    /// Index of the token the parser was looking at when it raised its error.
    failed_at: usize,
    /// The first error CPython reports only after parsing succeeds (from its compiler or
    /// symbol table: repeated keyword arguments, misplaced starred expressions...). A real
    /// syntax error anywhere in the input takes precedence over it.
    deferred: Option<CompileError>,
    /// The error raised is one CPython reports without first tokenizing the rest of the input
    /// (`unexpected indent`, `multiple statements...`), so a later lexer error cannot replace it.
    error_is_final: bool,
    /// The error raised is the generic `invalid syntax`: CPython only reports it after a
    /// second, more thorough pass that reads on to the end of the logical line.
    error_is_generic: bool,
    /// Parsing the parameters of a function MicroPython compiles to machine code
    /// (`@micropython.native/viper/asm_thumb`): MicroPython's grammar accepts a bare `*` with
    /// no keyword-only parameter there, and such a function has no CPython meaning to follow.
    machine_code_def: bool,
}

impl Parser {
    fn new(lexed: Tokens, in_fstring: bool, depth: u32) -> Self {
        Parser {
            tokens: lexed.tokens,
            at: 0,
            lex_error: lexed.error,
            depth,
            in_fstring,
            failed_at: 0,
            deferred: None,
            machine_code_def: false,
            error_is_final: false,
            error_is_generic: false,
        }
    }

    // ----- entry points -----

    /// `file: statements ENDMARKER`
    fn module(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while !self.check(&Tok::EndMarker) {
            body.extend(self.statement()?);
        }
        Ok(Module { body })
    }

    /// `eval: expressions NEWLINE* ENDMARKER`
    fn eval_input(&mut self) -> PResult<Module> {
        let pos = self.start();
        let first = self.expression()?;
        let value = if self.check(&Tok::Comma) {
            let mut elts = alloc::vec![first];
            while self.eat(&Tok::Comma) && self.starts_expression() {
                elts.push(self.expression()?);
            }
            Expr {
                kind: ExprKind::Tuple(elts),
                pos,
            }
        } else {
            first
        };
        while self.eat(&Tok::Newline) {}
        while self.eat(&Tok::Dedent) {}
        if !self.check(&Tok::EndMarker) {
            return Err(self.invalid_syntax());
        }
        let pos = value.pos;
        Ok(Module {
            body: alloc::vec![Stmt {
                kind: StmtKind::Expr(value),
                pos
            }],
        })
    }

    /// One interactive statement: a line of simple statements or one compound statement.
    fn single_input(&mut self) -> PResult<Module> {
        if self.check(&Tok::EndMarker) {
            return Ok(Module { body: Vec::new() });
        }
        let compound = self.starts_compound_statement();
        let body = self.statement()?;
        if !self.check(&Tok::EndMarker) {
            if compound {
                return Err(self.invalid_syntax());
            }
            // CPython points at the end of the first statement's line.
            let at = self.tokens[self.at - 1].start;
            let msg = "multiple statements found while compiling a single statement";
            let err = self.error_at(at, msg);
            self.error_is_final = true;
            return Err(err);
        }
        Ok(Module { body })
    }

    // ----- the token cursor -----

    fn peek(&self) -> &Tok {
        &self.tokens[self.at].kind
    }

    /// The token `ahead` positions after the current one (the last token if past the end).
    fn peek_nth(&self, ahead: usize) -> &Tok {
        let index = (self.at + ahead).min(self.tokens.len() - 1);
        &self.tokens[index].kind
    }

    fn check(&self, kind: &Tok) -> bool {
        self.peek() == kind
    }

    /// Where the current token starts.
    fn start(&self) -> Pos {
        self.tokens[self.at].start
    }

    /// Consumes the current token and returns where it started.
    fn advance(&mut self) -> Pos {
        let pos = self.start();
        if self.at + 1 < self.tokens.len() {
            self.at += 1;
        }
        pos
    }

    /// Consumes the current token if it is `kind`.
    fn eat(&mut self, kind: &Tok) -> bool {
        let found = self.check(kind);
        if found {
            self.advance();
        }
        found
    }

    /// Consumes `kind` or fails with `invalid syntax`.
    fn expect(&mut self, kind: &Tok) -> PResult<Pos> {
        if self.check(kind) {
            Ok(self.advance())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// Consumes a name and returns it with its position.
    fn expect_name(&mut self) -> PResult<(String, Pos)> {
        match &mut self.tokens[self.at].kind {
            Tok::Name(name) => {
                let name = core::mem::take(name);
                Ok((name, self.advance()))
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// True when only DEDENTs and the end marker remain: the input stopped mid-construct.
    fn at_end_of_input(&self) -> bool {
        self.tokens[self.at..]
            .iter()
            .all(|token| matches!(token.kind, Tok::Dedent | Tok::EndMarker))
    }

    /// Whether the current token can begin an expression (`*` included, for starred items).
    fn starts_expression(&self) -> bool {
        can_start_expression(self.peek())
    }

    // ----- nesting guard -----

    /// Enters one level of expression nesting; pair every success with `leave`.
    fn enter(&mut self) -> PResult<()> {
        // The outermost expression is level 0, so 200 nested brackets still fit.
        if self.depth > MAX_NESTING {
            let at = self.start();
            return Err(self.error_at(at, "too many nested parentheses"));
        }
        self.depth += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- errors -----

    /// A `SyntaxError` at `pos`, remembering where the parser stopped.
    #[cold]
    #[inline(never)]
    fn error_at(&mut self, pos: Pos, msg: impl Into<String>) -> CompileError {
        self.failed_at = self.at;
        self.error_is_final = false;
        self.error_is_generic = false;
        let msg = msg.into();
        let msg = if self.in_fstring && !msg.starts_with("f-string") {
            format!("f-string: {msg}")
        } else {
            msg
        };
        CompileError::syntax(msg, pos.line, pos.col)
    }

    /// Records an error that CPython's compiler, not its parser, would report: it is returned
    /// only if the whole input parses.
    #[cold]
    #[inline(never)]
    fn defer_error(&mut self, pos: Pos, msg: impl Into<String>) {
        if self.deferred.is_none() {
            let err = self.error_at(pos, msg);
            self.deferred = Some(err);
        }
    }

    /// An `IndentationError` at `pos`.
    #[cold]
    #[inline(never)]
    fn indentation_error_at(&mut self, pos: Pos, msg: impl Into<String>) -> CompileError {
        let mut err = self.error_at(pos, msg);
        err.kind = ErrorKind::Indentation;
        err
    }

    /// The error for an unexpected current token: usually `invalid syntax`, but the lexer's
    /// own error if lexing stopped here, and `unexpected indent` for an INDENT.
    #[cold]
    #[inline(never)]
    fn invalid_syntax(&mut self) -> CompileError {
        let token = &self.tokens[self.at];
        let pos = token.start;
        match token.kind {
            Tok::Error => self.lexer_error(),
            Tok::Indent => {
                // CPython points just before the first character of the indented line.
                let at = Pos {
                    line: pos.line,
                    col: pos.col.saturating_sub(1).max(1),
                };
                let err = self.indentation_error_at(at, "unexpected indent");
                self.error_is_final = true;
                err
            }
            Tok::Dedent if !self.at_end_of_input() => {
                let err = self.indentation_error_at(pos, "unexpected unindent");
                self.error_is_final = true;
                err
            }
            _ => {
                let err = self.error_at(pos, "invalid syntax");
                self.error_is_generic = true;
                err
            }
        }
    }

    /// The lexer's error, reached by the parser.
    #[cold]
    #[inline(never)]
    fn lexer_error(&mut self) -> CompileError {
        self.failed_at = self.at;
        self.error_is_final = false;
        self.error_is_generic = false;
        let mut err = self
            .lex_error
            .as_ref()
            .map(|failure| failure.error.clone())
            .unwrap_or_else(|| {
                let pos = self.start();
                CompileError::syntax("invalid syntax", pos.line, pos.col)
            });
        if self.in_fstring && !err.msg.starts_with("f-string") {
            err.msg = format!("f-string: {}", err.msg);
        }
        err
    }

    /// Chooses between a parse error and the lexer's error further on, as CPython would have.
    /// Its tokenizer runs lazily: having failed on a token that can start an expression, the
    /// parser has looked one token further, and before settling for a generic `invalid syntax`
    /// it parses on through the rest of the line. After most syntax errors it then tokenizes
    /// the rest of the input, and an error the tokenizer raises as an exception (a bad literal,
    /// a stray bracket) or a bracket left open since an earlier line replaces the parse error.
    fn rank_errors(&self, parse_error: CompileError) -> CompileError {
        let Some(lex) = &self.lex_error else {
            return parse_error;
        };
        let sentinel = self.tokens.len() - 1;
        let failed = &self.tokens[self.failed_at];
        let looked_ahead = self.failed_at + 1 >= sentinel && can_start_expression(&failed.kind);
        let read_rest_of_line = self.error_is_generic
            && !matches!(lex.urgency, Urgency::UnclosedBracket(_))
            && self.tokens[sentinel].start.line == failed.start.line;
        let lex_wins = !self.error_is_final
            && (self.failed_at >= sentinel
                || looked_ahead
                || read_rest_of_line
                || match lex.urgency {
                    Urgency::Immediate => true,
                    Urgency::UnclosedBracket(line) => failed.start.line > line,
                    Urgency::WhenReached => false,
                });
        if lex_wins {
            let mut err = lex.error.clone();
            if self.in_fstring {
                err.msg = format!("f-string: {}", err.msg);
            }
            err
        } else {
            parse_error
        }
    }
}
