//! Stage 1 — scan: one linear pass over the text that records every quotation mark and every
//! paragraph break, with its byte offset.
//!
//! Complexity: O(n) in the bytes of the text, no allocation beyond the output. Every mark is a
//! multi-byte UTF-8 sequence or `"`, so the scan only inspects bytes that can start one.
//! Edge cases: marks at the very start or end of the text; `\r\n` and lone `\r` paragraph breaks.

/// A quotation mark or paragraph break found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the mark.
    pub pos: usize,
    pub ch: char,
}

impl Mark {
    pub const fn end(&self) -> usize {
        self.pos + self.ch.len_utf8()
    }
    pub const fn is_break(&self) -> bool {
        self.ch == '\n'
    }
}

/// Every « » mark and paragraph break (`\n`) in text order.
pub fn scan(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => out.push(Mark { pos: i, ch: '\n' }),
            0xC2 => match bytes.get(i + 1) {
                Some(0xAB) => out.push(Mark { pos: i, ch: '«' }),
                Some(0xBB) => out.push(Mark { pos: i, ch: '»' }),
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    out
}
