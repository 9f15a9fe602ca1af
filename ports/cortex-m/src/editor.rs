//! Reading one line from the console as a terminal user types it: echo, cursor movement
//! (left/right, Home/End), Backspace and Delete, and earlier lines recalled with up/down.
//! Control keys that mean something to the REPL (Ctrl-A, B, D and E on an empty line, Ctrl-C
//! anywhere) end the read and are returned as such.

use crate::console;
use alloc::string::String;
use alloc::vec::Vec;

const CTRL_A: u8 = 0x01;
const CTRL_B: u8 = 0x02;
const CTRL_D: u8 = 0x04;
const CTRL_E: u8 = 0x05;
const BACKSPACE: u8 = 0x08;
const ESCAPE: u8 = 0x1b;
const DELETE: u8 = 0x7f;
/// Lines kept for recall.
const HISTORY_LEN: usize = 8;

/// What a read ended with.
pub enum Line {
    /// Enter: the text typed (without the newline).
    Text(String),
    /// A control key the REPL handles.
    Control(u8),
}

/// Earlier lines, newest last.
#[derive(Default)]
pub struct History {
    lines: Vec<String>,
}

impl History {
    /// Remember a line (not empty ones, nor the same line twice running).
    pub fn add(&mut self, line: &str) {
        if line.trim().is_empty() || self.lines.last().is_some_and(|l| l == line) {
            return;
        }
        if self.lines.len() == HISTORY_LEN {
            self.lines.remove(0);
        }
        self.lines.push(String::from(line));
    }
}

/// The line being edited, and where the cursor is in it (bytes are kept as typed; a line is
/// made text at the end, so UTF-8 typed byte by byte comes through).
struct Edit {
    bytes: Vec<u8>,
    cursor: usize,
}

impl Edit {
    /// Move the terminal's cursor `n` columns left.
    fn back(n: usize) {
        for _ in 0..n {
            console::write_raw(&[BACKSPACE]);
        }
    }

    fn insert(&mut self, b: u8) {
        self.bytes.insert(self.cursor, b);
        console::write_raw(&self.bytes[self.cursor..]);
        self.cursor += 1;
        Edit::back(self.bytes.len() - self.cursor);
    }

    /// Delete the byte at the cursor, redrawing the rest of the line.
    fn delete(&mut self) {
        if self.cursor == self.bytes.len() {
            return;
        }
        self.bytes.remove(self.cursor);
        console::write_raw(&self.bytes[self.cursor..]);
        console::write_raw(b" ");
        Edit::back(self.bytes.len() - self.cursor + 1);
    }

    fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            Edit::back(1);
            self.delete();
        }
    }

    fn left(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            Edit::back(1);
        }
    }

    fn right(&mut self) {
        if self.cursor < self.bytes.len() {
            console::write_raw(&self.bytes[self.cursor..=self.cursor]);
            self.cursor += 1;
        }
    }

    /// Replace the whole line (history recall).
    fn replace(&mut self, text: &[u8]) {
        while self.cursor < self.bytes.len() {
            self.right();
        }
        while !self.bytes.is_empty() {
            self.backspace();
        }
        for &b in text {
            self.insert(b);
        }
    }
}

/// Read a line after writing `prompt`.
pub fn read_line(prompt: &str, history: &mut History) -> Line {
    console::write(prompt.as_bytes());
    let mut edit = Edit {
        bytes: Vec::new(),
        cursor: 0,
    };
    // Position in the history while recalling (len: the line being typed).
    let mut recalled = history.lines.len();
    loop {
        let b = console::read();
        match b {
            b'\r' | b'\n' => {
                console::write(b"\n");
                let text = String::from_utf8_lossy(&edit.bytes).into_owned();
                history.add(&text);
                return Line::Text(text);
            }
            console::INTERRUPT_CHAR => return Line::Control(b),
            CTRL_A | CTRL_B | CTRL_D | CTRL_E if edit.bytes.is_empty() => {
                return Line::Control(b);
            }
            CTRL_D => edit.delete(),
            BACKSPACE | DELETE => edit.backspace(),
            ESCAPE => match escape_sequence() {
                Some(b'A') if recalled > 0 => {
                    recalled -= 1;
                    edit.replace(history.lines[recalled].as_bytes());
                }
                Some(b'B') if recalled < history.lines.len() => {
                    recalled += 1;
                    let text = history
                        .lines
                        .get(recalled)
                        .map_or(&b""[..], |l| l.as_bytes());
                    edit.replace(text);
                }
                Some(b'C') => edit.right(),
                Some(b'D') => edit.left(),
                Some(b'H' | b'1') => {
                    while edit.cursor > 0 {
                        edit.left();
                    }
                }
                Some(b'F' | b'4') => {
                    while edit.cursor < edit.bytes.len() {
                        edit.right();
                    }
                }
                Some(b'3') => edit.delete(),
                _ => {}
            },
            b'\t' => {
                // Tab indents by four spaces (there is no completion).
                for _ in 0..4 {
                    edit.insert(b' ');
                }
            }
            0x20.. => edit.insert(b),
            _ => {}
        }
    }
}

/// The key of an `ESC [ x` or `ESC [ n ~` sequence (`n` for the numbered ones).
fn escape_sequence() -> Option<u8> {
    let b = console::read();
    if b != b'[' && b != b'O' {
        return None;
    }
    let key = console::read();
    if key.is_ascii_digit() {
        // ESC [ n ~
        while console::read() != b'~' {}
    }
    Some(key)
}
