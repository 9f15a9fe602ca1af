//! When an interactive prompt has a whole statement: the rule every REPL here uses (the host's
//! and a board's), as CPython and MicroPython apply it. A compound statement (a line ending in
//! `:`, or a decorator) goes on until an empty line; anything else goes on while it is
//! incomplete (open brackets, an unfinished triple-quoted string, a trailing backslash). A
//! compound statement written on one line (`while True: pass`) also waits for the empty line.

/// Does this line begin a compound statement?
fn starts_compound(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with('@') {
        return true;
    }
    let word = line
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    matches!(
        word,
        "if" | "while" | "for" | "try" | "with" | "def" | "class" | "async"
    )
}

/// Does `source` (the lines typed so far, each ending in `\n`) need another line?
pub fn needs_more_input(source: &str) -> bool {
    let body = source.strip_suffix('\n').unwrap_or(source);
    let mut lines = body.split('\n');
    let first = lines.next().unwrap_or("");
    let compound = starts_compound(first) || body.split('\n').any(|l| l.trim_end().ends_with(':'));
    if compound {
        let last = body.rsplit('\n').next().unwrap_or("");
        return lines.next().is_none() || !last.trim().is_empty();
    }
    matches!(crate::parser::parse(source, crate::Mode::Single), Err(e) if e.incomplete)
}

#[cfg(test)]
mod tests {
    use super::needs_more_input;

    #[test]
    fn statements_end_when_complete() {
        assert!(!needs_more_input("x = 1\n"));
        assert!(needs_more_input("x = (1,\n"));
        assert!(!needs_more_input("x = (1,\n2)\n"));
        assert!(needs_more_input("s = '''a\n"));
        assert!(needs_more_input("x = 1 + \\\n"));
    }

    #[test]
    fn compound_statements_end_with_an_empty_line() {
        assert!(needs_more_input("for i in range(3):\n"));
        assert!(needs_more_input("for i in range(3):\n    print(i)\n"));
        assert!(!needs_more_input("for i in range(3):\n    print(i)\n\n"));
        assert!(needs_more_input("@micropython.viper\n"));
        assert!(needs_more_input("x = 1; \\\nif x:\n"));
        assert!(needs_more_input("while True: pass\n"));
        assert!(!needs_more_input("while True: pass\n\n"));
        assert!(!needs_more_input("iffy = 2\n"));
    }
}
