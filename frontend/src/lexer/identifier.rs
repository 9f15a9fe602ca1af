//! Non-ASCII identifiers: which characters may start or continue a name, and the NFKC
//! normalisation CPython applies to names (`ｗｉｄｔｈ`, `𝔘𝔫𝔦𝔠𝔬𝔡𝔢` and `ℌ` are `width`,
//! `Unicode` and `H`).
//!
//! Without the Unicode database this approximates `XID_Start` / `XID_Continue` with
//! `char::is_alphabetic` / `is_alphanumeric` plus the marks and connectors that may continue a
//! name, and normalises only the compatibility characters that occur in practice: fullwidth
//! forms, mathematical alphanumerics, letterlike symbols, ligatures and a few others.

use alloc::string::String;

/// Whether `ch` (not ASCII) may appear in a name, at its start if `first`.
pub(super) fn is_identifier_char(ch: char, first: bool) -> bool {
    if ch.is_alphabetic() {
        return true;
    }
    !first
        && (ch.is_alphanumeric()
            || matches!(
                ch,
                '\u{b7}'
                    | '\u{387}'
                    | '\u{300}'..='\u{36f}'
                    | '\u{1ab0}'..='\u{1aff}'
                    | '\u{1dc0}'..='\u{1dff}'
                    | '\u{203f}'..='\u{2040}'
                    | '\u{2054}'
                    | '\u{20d0}'..='\u{20ff}'
                    | '\u{fe00}'..='\u{fe0f}'
                    | '\u{fe20}'..='\u{fe2f}'
                    | '\u{fe33}'..='\u{fe34}'
                    | '\u{fe4d}'..='\u{fe4f}'
                    | '\u{ff3f}'
                    | '\u{e0100}'..='\u{e01ef}'
            ))
}

/// The NFKC form of a name (the covered subset; other characters are kept).
pub(super) fn normalize(word: &str) -> String {
    if word.is_ascii() {
        return String::from(word);
    }
    let mut normal = String::with_capacity(word.len());
    for ch in word.chars() {
        match compatibility_form(ch) {
            Some(Form::Char(replacement)) => normal.push(replacement),
            Some(Form::Text(replacement)) => normal.push_str(replacement),
            None => normal.push(ch),
        }
    }
    normal
}

enum Form {
    Char(char),
    Text(&'static str),
}

/// Greek letters in the order of each mathematical Greek alphabet (U+1D6A8 and on), already
/// NFKC-normalised (the variant forms ϴ ϵ ϑ ϰ ϕ ϱ ϖ fold to Θ ε θ κ φ ρ π).
const MATH_GREEK: [char; 58] = [
    'Α', 'Β', 'Γ', 'Δ', 'Ε', 'Ζ', 'Η', 'Θ', 'Ι', 'Κ', 'Λ', 'Μ', 'Ν', 'Ξ', 'Ο', 'Π', 'Ρ', 'Θ', 'Σ',
    'Τ', 'Υ', 'Φ', 'Χ', 'Ψ', 'Ω', '∇', 'α', 'β', 'γ', 'δ', 'ε', 'ζ', 'η', 'θ', 'ι', 'κ', 'λ', 'μ',
    'ν', 'ξ', 'ο', 'π', 'ρ', 'ς', 'σ', 'τ', 'υ', 'φ', 'χ', 'ψ', 'ω', '∂', 'ε', 'θ', 'κ', 'φ', 'ρ',
    'π',
];

fn compatibility_form(ch: char) -> Option<Form> {
    let code = ch as u32;
    let shifted = |base: u32, offset: u32| char::from_u32(base + offset).map(Form::Char);
    match code {
        // Fullwidth digits, letters and low line.
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF3F | 0xFF41..=0xFF5A => shifted(code - 0xFEE0, 0),
        // Mathematical alphanumeric symbols: thirteen 52-letter alphabets, then Greek, digits.
        0x1D400..=0x1D6A3 => {
            let index = (code - 0x1D400) % 52;
            if index < 26 {
                shifted(u32::from(b'A'), index)
            } else {
                shifted(u32::from(b'a'), index - 26)
            }
        }
        0x1D6A4 => Some(Form::Char('ı')),
        0x1D6A5 => Some(Form::Char('ȷ')),
        0x1D6A8..=0x1D7C9 => Some(Form::Char(MATH_GREEK[((code - 0x1D6A8) % 58) as usize])),
        0x1D7CA => Some(Form::Char('Ϝ')),
        0x1D7CB => Some(Form::Char('ϝ')),
        0x1D7CE..=0x1D7FF => shifted(u32::from(b'0'), (code - 0x1D7CE) % 10),
        _ => letterlike_form(ch),
    }
}

/// Letterlike symbols, ligatures and other single compatibility characters.
fn letterlike_form(ch: char) -> Option<Form> {
    let replacement = match ch {
        'µ' => 'μ',
        'ſ' => 's',
        'ª' => 'a',
        'º' => 'o',
        'ℂ' | 'ℭ' => 'C',
        'ℇ' => 'Ɛ',
        'ℊ' => 'g',
        'ℋ' | 'ℌ' | 'ℍ' => 'H',
        'ℎ' => 'h',
        'ℏ' => 'ħ',
        'ℐ' | 'ℑ' => 'I',
        'ℒ' => 'L',
        'ℓ' => 'l',
        'ℕ' => 'N',
        'ℙ' => 'P',
        'ℚ' => 'Q',
        'ℛ' | 'ℜ' | 'ℝ' => 'R',
        'ℤ' | 'ℨ' => 'Z',
        '\u{2126}' => 'Ω',
        '\u{212a}' => 'K',
        '\u{212b}' => 'Å',
        'ℬ' => 'B',
        'ℯ' | 'ⅇ' => 'e',
        'ℰ' => 'E',
        'ℱ' => 'F',
        'ℳ' => 'M',
        'ℴ' => 'o',
        'ℵ' => 'א',
        'ℶ' => 'ב',
        'ℷ' => 'ג',
        'ℸ' => 'ד',
        'ℹ' | 'ⅈ' => 'i',
        'ℼ' => 'π',
        'ℽ' => 'γ',
        'ℾ' => 'Γ',
        'ℿ' => 'Π',
        'ⅅ' => 'D',
        'ⅆ' => 'd',
        'ⅉ' => 'j',
        _ => {
            let text = match ch {
                'ﬀ' => "ff",
                'ﬁ' => "fi",
                'ﬂ' => "fl",
                'ﬃ' => "ffi",
                'ﬄ' => "ffl",
                'ﬅ' | 'ﬆ' => "st",
                _ => return None,
            };
            return Some(Form::Text(text));
        }
    };
    Some(Form::Char(replacement))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_compatibility_characters() {
        assert_eq!(normalize("ｗｉｄｔｈ"), "width");
        assert_eq!(normalize("𝔘𝔫𝔦𝔠𝔬𝔡𝔢"), "Unicode");
        assert_eq!(normalize("𝐱𝟐"), "x2");
        assert_eq!(normalize("𝝅ℌµﬁ"), "πHμfi");
        assert_eq!(normalize("résumé"), "résumé");
    }

    #[test]
    fn identifier_characters() {
        assert!(is_identifier_char('é', true));
        assert!(!is_identifier_char('\u{301}', true));
        assert!(is_identifier_char('\u{301}', false));
        assert!(is_identifier_char('٣', false));
        assert!(!is_identifier_char('€', false));
    }
}
