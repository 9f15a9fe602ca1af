//! Numeric literals: integers in four bases, floats and imaginary numbers, with `_` separators.
//!
//! The scanner follows CPython's tokenizer step by step so that the same inputs are rejected
//! with the same messages at the same columns (`invalid decimal literal`, `invalid digit '2' in
//! binary literal`, the leading-zeros rule...). A literal may be directly followed by a keyword
//! that can legally follow a number (`1if x else y`), as CPython still allows.

use alloc::format;
use alloc::string::String;

use crate::ast::Constant;

/// Why a literal was rejected.
#[derive(Debug, PartialEq)]
pub struct NumberError {
    /// CPython's message.
    pub msg: String,
    /// Characters consumed when the error was detected; CPython reports the 1-based column of
    /// the last consumed character, i.e. `start column - 1 + consumed`.
    pub consumed: usize,
}

/// Scans the literal at the start of `text` (which starts with a digit, or `.` and a digit):
/// its value and its length in bytes.
pub fn lex_number(text: &[u8]) -> Result<(Constant, usize), NumberError> {
    let mut scan = Scanner { text, at: 0 };
    let kind = scan.scan()?;
    let literal = core::str::from_utf8(&text[..scan.at]).unwrap_or_default();
    Ok((value_of(literal, kind), scan.at))
}

/// What shape of literal the scanner found.
#[derive(Clone, Copy)]
enum Shape {
    Int(u32),
    Float,
    Imaginary,
}

struct Scanner<'a> {
    text: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> u8 {
        self.peek_at(0)
    }

    fn peek_at(&self, ahead: usize) -> u8 {
        self.text.get(self.at + ahead).copied().unwrap_or(0)
    }

    fn bump(&mut self) {
        self.at += 1;
    }

    fn error(&self, msg: impl Into<String>, consumed: usize) -> NumberError {
        NumberError {
            msg: msg.into(),
            consumed,
        }
    }

    fn scan(&mut self) -> Result<Shape, NumberError> {
        if self.peek() == b'.' {
            self.bump();
            return self.fraction();
        }
        if self.peek() == b'0' {
            match self.peek_at(1) {
                b'x' | b'X' => return self.prefixed(16, "hexadecimal"),
                b'o' | b'O' => return self.prefixed(8, "octal"),
                b'b' | b'B' => return self.prefixed(2, "binary"),
                _ => return self.zero_start(),
            }
        }
        self.decimal_tail()?;
        self.after_integer_part()
    }

    /// `0x...`, `0o...`, `0b...`: digits with single underscores, at least one digit.
    fn prefixed(&mut self, radix: u32, kind: &str) -> Result<Shape, NumberError> {
        self.at += 2;
        let is_digit = |byte: u8| char::from(byte).is_digit(radix);
        loop {
            if self.peek() == b'_' {
                self.bump();
            }
            let byte = self.peek();
            if !is_digit(byte) {
                if radix != 16 && byte.is_ascii_digit() {
                    let digit = char::from(byte);
                    return Err(self.error(
                        format!("invalid digit '{digit}' in {kind} literal"),
                        self.at + 1,
                    ));
                }
                return Err(self.error(format!("invalid {kind} literal"), self.at));
            }
            while is_digit(self.peek()) {
                self.bump();
            }
            if self.peek() != b'_' {
                break;
            }
        }
        if radix != 16 && self.peek().is_ascii_digit() {
            let digit = char::from(self.peek());
            return Err(self.error(
                format!("invalid digit '{digit}' in {kind} literal"),
                self.at + 1,
            ));
        }
        self.verify_end(kind)?;
        Ok(Shape::Int(radix))
    }

    /// A decimal literal starting with `0`: only zeros, unless it turns out to be a float.
    fn zero_start(&mut self) -> Result<Shape, NumberError> {
        self.bump();
        loop {
            if self.peek() == b'_' {
                self.bump();
                if !self.peek().is_ascii_digit() {
                    return Err(self.error("invalid decimal literal", self.at));
                }
            }
            if self.peek() != b'0' {
                break;
            }
            self.bump();
        }
        let nonzero = self.peek().is_ascii_digit();
        if nonzero {
            self.decimal_tail()?;
        }
        match self.peek() {
            b'.' | b'e' | b'E' | b'j' | b'J' => self.after_integer_part(),
            _ if nonzero => Err(self.error(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                1,
            )),
            _ => {
                self.verify_end("decimal")?;
                Ok(Shape::Int(10))
            }
        }
    }

    /// After the digits before any `.`: an optional fraction, exponent and `j`.
    fn after_integer_part(&mut self) -> Result<Shape, NumberError> {
        match self.peek() {
            b'.' => {
                self.bump();
                self.fraction()
            }
            b'e' | b'E' | b'j' | b'J' => self.exponent_and_suffix(false),
            _ => {
                self.verify_end("decimal")?;
                Ok(Shape::Int(10))
            }
        }
    }

    /// After the `.`: optional digits, then an optional exponent and `j`.
    fn fraction(&mut self) -> Result<Shape, NumberError> {
        if self.peek().is_ascii_digit() {
            self.decimal_tail()?;
        }
        self.exponent_and_suffix(true)
    }

    fn exponent_and_suffix(&mut self, is_float: bool) -> Result<Shape, NumberError> {
        let mut is_float = is_float;
        if matches!(self.peek(), b'e' | b'E') {
            let exponent_at = self.at;
            self.bump();
            if matches!(self.peek(), b'+' | b'-') {
                self.bump();
                if !self.peek().is_ascii_digit() {
                    return Err(self.error("invalid decimal literal", self.at));
                }
            } else if !self.peek().is_ascii_digit() {
                // `1else`: the number stops before the `e`; `1e` alone is an error.
                self.at = exponent_at;
                self.verify_end("decimal")?;
                return Ok(if is_float {
                    Shape::Float
                } else {
                    Shape::Int(10)
                });
            }
            self.decimal_tail()?;
            is_float = true;
        }
        if matches!(self.peek(), b'j' | b'J') {
            self.bump();
            self.verify_end("imaginary")?;
            return Ok(Shape::Imaginary);
        }
        self.verify_end("decimal")?;
        Ok(if is_float {
            Shape::Float
        } else {
            Shape::Int(10)
        })
    }

    /// Digits with single underscores between them; the cursor is on a digit.
    fn decimal_tail(&mut self) -> Result<(), NumberError> {
        loop {
            while self.peek().is_ascii_digit() {
                self.bump();
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.bump();
            if !self.peek().is_ascii_digit() {
                return Err(self.error("invalid decimal literal", self.at));
            }
        }
    }

    /// A literal may not run into a name (`1abc`), except the keywords that can follow a number.
    fn verify_end(&self, kind: &str) -> Result<(), NumberError> {
        let rest = &self.text[self.at..];
        const ALLOWED: [&[u8]; 8] = [b"and", b"else", b"for", b"if", b"in", b"is", b"or", b"not"];
        if ALLOWED.iter().any(|keyword| rest.starts_with(keyword)) {
            return Ok(());
        }
        let next = self.peek();
        if next.is_ascii_alphanumeric() || next == b'_' || next >= 0x80 {
            return Err(self.error(format!("invalid {kind} literal"), self.at));
        }
        Ok(())
    }
}

/// Builds the constant for a scanned literal.
fn value_of(literal: &str, shape: Shape) -> Constant {
    let cleaned: String = literal.chars().filter(|&ch| ch != '_').collect();
    match shape {
        Shape::Float => Constant::Float(cleaned.parse().unwrap_or(f64::NAN)),
        Shape::Imaginary => {
            Constant::Imaginary(cleaned[..cleaned.len() - 1].parse().unwrap_or(f64::NAN))
        }
        Shape::Int(radix) => {
            let digits = if radix == 10 {
                cleaned.as_str()
            } else {
                &cleaned[2..]
            };
            match i64::from_str_radix(digits, radix) {
                Ok(value) => Constant::Int(value),
                Err(_) => {
                    let significant = digits.trim_start_matches('0');
                    Constant::BigInt {
                        digits: String::from(significant),
                        radix,
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Constant {
        let (value, len) = lex_number(text.as_bytes()).unwrap();
        assert_eq!(len, text.len(), "{text}");
        value
    }

    fn error(text: &str) -> (String, usize) {
        let err = lex_number(text.as_bytes()).unwrap_err();
        (err.msg, err.consumed)
    }

    #[test]
    fn integers() {
        assert_eq!(value("0"), Constant::Int(0));
        assert_eq!(value("00"), Constant::Int(0));
        assert_eq!(value("0_0"), Constant::Int(0));
        assert_eq!(value("1_000_000"), Constant::Int(1_000_000));
        assert_eq!(value("0xff"), Constant::Int(255));
        assert_eq!(value("0X_F_F"), Constant::Int(255));
        assert_eq!(value("0o17"), Constant::Int(15));
        assert_eq!(value("0b1010"), Constant::Int(10));
        assert_eq!(value("9223372036854775807"), Constant::Int(i64::MAX));
        assert_eq!(
            value("9223372036854775808"),
            Constant::BigInt {
                digits: "9223372036854775808".into(),
                radix: 10
            }
        );
        assert_eq!(
            value("0x_0001_0000_0000_0000_0000"),
            Constant::BigInt {
                digits: "10000000000000000".into(),
                radix: 16
            }
        );
    }

    #[test]
    fn floats_and_imaginary() {
        assert_eq!(value("1."), Constant::Float(1.0));
        assert_eq!(value(".5"), Constant::Float(0.5));
        assert_eq!(value("1e10"), Constant::Float(1e10));
        assert_eq!(value("1.e5"), Constant::Float(1e5));
        assert_eq!(value("1_000.5e-3_0"), Constant::Float(1000.5e-30));
        assert_eq!(value("09.5"), Constant::Float(9.5));
        assert_eq!(value("0e0"), Constant::Float(0.0));
        assert_eq!(value("3j"), Constant::Imaginary(3.0));
        assert_eq!(value("1.5J"), Constant::Imaginary(1.5));
        assert_eq!(value("09j"), Constant::Imaginary(9.0));
        assert_eq!(value("1e400"), Constant::Float(f64::INFINITY));
        assert_eq!(value("0.1"), Constant::Float(0.1));
    }

    #[test]
    fn keyword_may_follow() {
        assert_eq!(lex_number(b"1if x"), Ok((Constant::Int(1), 1)));
        assert_eq!(lex_number(b"1else"), Ok((Constant::Int(1), 1)));
        assert_eq!(lex_number(b"0xfor"), Ok((Constant::Int(15), 3)));
        assert_eq!(lex_number(b"1.5or"), Ok((Constant::Float(1.5), 3)));
    }

    #[test]
    fn errors() {
        let leading = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
        assert_eq!(error("012"), (leading.into(), 1));
        assert_eq!(error("09"), (leading.into(), 1));
        assert_eq!(error("0_1"), (leading.into(), 1));
        assert_eq!(error("1__0"), ("invalid decimal literal".into(), 2));
        assert_eq!(error("1_"), ("invalid decimal literal".into(), 2));
        assert_eq!(error("1abc"), ("invalid decimal literal".into(), 1));
        assert_eq!(error("1e"), ("invalid decimal literal".into(), 1));
        assert_eq!(error("1e+"), ("invalid decimal literal".into(), 3));
        assert_eq!(error("1.real"), ("invalid decimal literal".into(), 2));
        assert_eq!(error("0x"), ("invalid hexadecimal literal".into(), 2));
        assert_eq!(
            error("0b12"),
            ("invalid digit '2' in binary literal".into(), 4)
        );
        assert_eq!(
            error("0o8"),
            ("invalid digit '8' in octal literal".into(), 3)
        );
        assert_eq!(error("3jx"), ("invalid imaginary literal".into(), 2));
    }
}
