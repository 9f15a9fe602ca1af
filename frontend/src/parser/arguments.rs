//! Argument lists of calls and class statements, and parameter lists of `def` and `lambda`,
//! with CPython's checks on their order (`positional argument follows keyword argument`,
//! `non-default argument follows default argument`...).

use alloc::format;
use alloc::vec::Vec;

use super::expr::boxed;
use super::{PResult, Parser};
use crate::ast::{Arg, Arguments, Expr, ExprKind, Keyword, Pos};
use crate::lexer::Tok;

impl Parser {
    /// The arguments after `(` (at `open`), through the closing `)`. Class bases use the same
    /// grammar except that a bare generator expression is not allowed.
    #[inline(never)]
    pub(super) fn call_arguments(
        &mut self,
        open: Pos,
        class_bases: bool,
    ) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        while !self.eat(&Tok::RPar) {
            let pos = self.start();
            let last = match self.peek() {
                Tok::Star => {
                    if seen_double_star {
                        let msg = "iterable argument unpacking follows keyword argument unpacking";
                        return Err(self.error_at(pos, msg));
                    }
                    let starred = self.starred_argument()?;
                    args.push(starred);
                    &args[args.len() - 1]
                }
                Tok::DoubleStar => {
                    self.advance();
                    let value = self.expression()?;
                    seen_double_star = true;
                    keywords.push(Keyword {
                        name: None,
                        value,
                        pos,
                    });
                    &keywords[keywords.len() - 1].value
                }
                Tok::Name(_) if self.peek_nth(1) == &Tok::Equal => {
                    let (name, _) = self.expect_name()?;
                    self.advance();
                    let value = self.expression()?;
                    if keywords
                        .iter()
                        .any(|keyword| keyword.name.as_ref() == Some(&name))
                    {
                        self.defer_error(pos, format!("keyword argument repeated: {name}"));
                    }
                    seen_keyword = true;
                    keywords.push(Keyword {
                        name: Some(name),
                        value,
                        pos,
                    });
                    &keywords[keywords.len() - 1].value
                }
                Tok::True | Tok::False | Tok::None if self.peek_nth(1) == &Tok::Equal => {
                    let constant = self.atom()?;
                    let name = super::target::describe(&constant.kind);
                    return Err(self.error_at(pos, format!("cannot assign to {name}")));
                }
                _ => {
                    let mut value = self.walrus_or_expression()?;
                    if self.starts_comprehension() {
                        if class_bases {
                            return Err(self.invalid_syntax());
                        }
                        let generators = self.comprehension_clauses()?;
                        let sole = args.is_empty() && keywords.is_empty() && self.check(&Tok::RPar);
                        if !sole {
                            return Err(self.error_at(
                                value.pos,
                                "Generator expression must be parenthesized",
                            ));
                        }
                        value = Expr {
                            kind: ExprKind::GeneratorExp {
                                elt: boxed(value),
                                generators,
                            },
                            pos: open,
                        };
                    }
                    if self.check(&Tok::Equal) {
                        let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
                        return Err(self.error_at(value.pos, msg));
                    }
                    // CPython points just past the misplaced argument.
                    let after = self.start();
                    if seen_double_star {
                        return Err(self.error_at(
                            after,
                            "positional argument follows keyword argument unpacking",
                        ));
                    }
                    if seen_keyword {
                        return Err(
                            self.error_at(after, "positional argument follows keyword argument")
                        );
                    }
                    args.push(value);
                    &args[args.len() - 1]
                }
            };
            if !self.eat(&Tok::Comma) && !self.check(&Tok::RPar) {
                return Err(self.missing_comma_or_invalid(last));
            }
        }
        Ok((args, keywords))
    }

    fn starred_argument(&mut self) -> PResult<Expr> {
        let pos = self.advance();
        let value = self.expression()?;
        Ok(Expr {
            kind: ExprKind::Starred(boxed(value)),
            pos,
        })
    }

    /// A parameter list up to (not including) `closing`: `)` for `def` (with annotations),
    /// `:` for `lambda`.
    pub(super) fn parameters(&mut self, closing: &Tok, annotations: bool) -> PResult<Arguments> {
        let mut params = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut bare_star_error_at: Option<Pos> = None;
        let mut seen_double_star = false;
        while !self.check(closing) {
            let pos = self.start();
            if seen_double_star {
                return Err(self.error_at(pos, "arguments cannot follow var-keyword argument"));
            }
            match self.peek() {
                Tok::Slash => {
                    if params.args.is_empty() && !seen_star && self.peek_nth(1) == closing {
                        return Err(self.invalid_syntax());
                    }
                    self.advance();
                    if seen_slash {
                        return Err(self.error_at(pos, "/ may appear only once"));
                    }
                    if seen_star {
                        return Err(self.error_at(pos, "/ must be ahead of *"));
                    }
                    if params.args.is_empty() {
                        return Err(self.error_at(pos, "at least one argument must precede /"));
                    }
                    seen_slash = true;
                    params.posonlyargs = core::mem::take(&mut params.args);
                    if self.check(&Tok::Star) {
                        let at = self.start();
                        return Err(self.error_at(at, "expected comma between / and *"));
                    }
                }
                Tok::Star => {
                    self.advance();
                    if seen_star {
                        return Err(self.error_at(pos, "* argument may appear only once"));
                    }
                    seen_star = true;
                    if self.check(&Tok::Comma) || self.check(closing) {
                        // A bare `*` must be followed by keyword-only parameters. CPython points
                        // at the `*` for `def` but past it for `lambda`.
                        bare_star_error_at = Some(if annotations {
                            pos
                        } else {
                            self.token_after_optional_comma()
                        });
                    } else {
                        let arg = self.parameter(annotations, true, &params)?;
                        self.reject_default("var-positional")?;
                        params.vararg = Some(arg);
                    }
                }
                Tok::DoubleStar => {
                    self.advance();
                    let arg = self.parameter(annotations, false, &params)?;
                    self.reject_default("var-keyword")?;
                    params.kwarg = Some(arg);
                    seen_double_star = true;
                }
                Tok::Name(_) => {
                    let arg = self.parameter(annotations, false, &params)?;
                    let default = if self.check(&Tok::Equal) {
                        let equal = self.advance();
                        if matches!(self.peek(), Tok::Comma | Tok::RPar | Tok::Colon) {
                            let msg = "expected default value expression";
                            return Err(self.error_at(equal, msg));
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if seen_star {
                        params.kwonlyargs.push(arg);
                        params.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(default) => params.defaults.push(default),
                            None if !params.defaults.is_empty() => {
                                return Err(self.error_at(
                                    arg.pos,
                                    "non-default argument follows default argument",
                                ));
                            }
                            None => {}
                        }
                        params.args.push(arg);
                    }
                }
                Tok::LPar => {
                    let msg = if annotations {
                        "Function parameters cannot be parenthesized"
                    } else {
                        "Lambda expression parameters cannot be parenthesized"
                    };
                    return Err(self.error_at(pos, msg));
                }
                _ => return Err(self.invalid_syntax()),
            }
            if !self.eat(&Tok::Comma) && !self.check(closing) {
                return Err(self.invalid_syntax());
            }
        }
        if let Some(at) = bare_star_error_at
            && params.kwonlyargs.is_empty()
            && !self.machine_code_def
        {
            return Err(self.error_at(at, "named arguments must follow bare *"));
        }
        Ok(params)
    }

    /// Where CPython reports a bare `*` in a lambda: the token after it, skipping one comma.
    fn token_after_optional_comma(&self) -> Pos {
        let ahead = usize::from(self.check(&Tok::Comma));
        self.tokens[(self.at + ahead).min(self.tokens.len() - 1)].start
    }

    /// `NAME [':' annotation]`, refusing a name already used by an earlier parameter.
    fn parameter(
        &mut self,
        annotations: bool,
        star_annotation: bool,
        earlier: &Arguments,
    ) -> PResult<Arg> {
        let (name, pos) = self.expect_name()?;
        let mut all = earlier
            .posonlyargs
            .iter()
            .chain(&earlier.args)
            .chain(&earlier.kwonlyargs);
        let duplicate = all.any(|arg| arg.name == name)
            || earlier.vararg.as_ref().is_some_and(|arg| arg.name == name);
        if duplicate {
            self.defer_error(
                pos,
                format!("duplicate argument '{name}' in function definition"),
            );
        }
        let annotation = if annotations && self.eat(&Tok::Colon) {
            // `*args: *Ts` (PEP 646) annotates with a starred expression.
            Some(if star_annotation && self.check(&Tok::Star) {
                self.starred()?
            } else {
                self.expression()?
            })
        } else {
            None
        };
        Ok(Arg {
            name,
            annotation,
            pos,
        })
    }

    fn reject_default(&mut self, what: &str) -> PResult<()> {
        if self.check(&Tok::Equal) {
            let at = self.start();
            return Err(self.error_at(at, format!("{what} argument cannot have default value")));
        }
        Ok(())
    }
}
