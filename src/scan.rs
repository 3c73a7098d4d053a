//! Stage 1 — scan: one linear pass over the text that records every quotation mark and every
//! paragraph break, with its byte offset.
//!
//! Marks recorded: `«` `»` (French, and German inward style), `‹` `›`, `“` `”` `„`, `‘` `’` `‚`,
//! the straight `"`, and paragraph breaks (`\n`, a lone `\r`, U+2029; `\r\n` counts once, at
//! its `\n`). The scan does not decide directions: the pairing stage reads them from context.
//!
//! Complexity: O(n) in the text, one pass over its bytes (64 at a time: a bit mask of the bytes
//! that can start a mark, then only those are decoded), a chunk of text at a time so that the
//! marks in memory are a chunk's, not the text's; the only lookaround is the previous and the
//! next char.
//! Edge cases: marks at the very start or end of the text; `’` and `‘` **between two letters**
//! (`l’Arménie`, `aujourd’hui`, the typo `l‘État`) are apostrophes and never recorded.

use crate::text::{is_alnum, is_break};

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
        is_break(self.ch)
    }
}

/// Every quotation mark and paragraph break in text order (the whole text at once: tests and
/// tools; the pairing stage reads the marks a chunk at a time with [`scan_into`]).
#[cfg(test)]
pub fn scan(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    scan_into(text, 0, text.len(), &mut out);
    out
}

/// Appends the marks that start in `text[from..to]` to `out` (any range; chunks whose length is
/// a multiple of 64 keep to the fast path).
///
/// Works on bytes: every recorded char starts with `\n`, `\r`, `"`, `0xC2` (`«` `»`) or `0xE2`
/// (the others and U+2029), so sixty-four bytes at a time are tested for those lead bytes
/// (`lead_mask`) and only the few that match are decoded (their neighbours are read from the
/// whole text, across the chunk's ends).
pub fn scan_into(text: &str, from: usize, to: usize, out: &mut Vec<Mark>) {
    let bytes = text.as_bytes().get(..to).unwrap_or(text.as_bytes());
    crate::work::tick(bytes.len().saturating_sub(from) as u64);
    let mut base = from;
    // Sixty-four bytes at a time: a bit mask of the lead bytes (a loop the compiler turns into
    // vector compares), then only the flagged bytes are decoded.
    while let Some(block) = bytes.get(base..).and_then(<[u8]>::first_chunk::<64>) {
        let mut mask = lead_mask(block);
        while mask != 0 {
            record(text, base + mask.trailing_zeros() as usize, out);
            mask &= mask - 1;
        }
        base += 64;
    }
    // The tail, byte by byte.
    while let Some(&b) = bytes.get(base) {
        if is_lead(b) {
            record(text, base, out);
        }
        base += 1;
    }
}

/// Lead bytes of the recorded chars: `\n`, `\r`, `"`, `0xC2` (`«` `»`), `0xE2` (the others and
/// U+2029; `0xC2` and `0xE2` differ only in bit 5).
#[inline(always)]
const fn is_lead(b: u8) -> bool {
    (b == b'\n') | (b == b'\r') | (b == b'"') | ((b | 0x20) == 0xE2)
}

/// Bit `k` set when `block[k]` is a lead byte: one flag byte per byte (vector compares), then
/// each group of eight 0/1 flag bytes packed into eight bits by one multiplication.
#[inline(always)]
fn lead_mask(block: &[u8; 64]) -> u64 {
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(block) {
        *f = u8::from(is_lead(b));
    }
    let mut mask = 0u64;
    for (g, group) in flags.chunks_exact(8).enumerate() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(group);
        let packed = u64::from_le_bytes(eight).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        mask |= packed << (8 * g);
    }
    mask
}

/// Records the mark that starts at byte `at` (a lead byte), if there is one.
fn record(text: &str, at: usize, out: &mut Vec<Mark>) {
    let bytes = text.as_bytes();
    let b = |k: usize| bytes.get(k).copied().unwrap_or(0);
    let ch = match b(at) {
        b'\n' => '\n',
        b'\r' if b(at + 1) == b'\n' => return, // the `\n` records the break
        b'\r' => '\r',
        b'"' => '"',
        0xC2 => match b(at + 1) {
            0xAB => '«',
            0xBB => '»',
            _ => return,
        },
        0xE2 if b(at + 1) == 0x80 => match b(at + 2) {
            0xB9 => '‹',
            0xBA => '›',
            0x9C => '“',
            0x9D => '”',
            0x9E => '„',
            0x9A => '‚',
            0xA9 => '\u{2029}',
            0x98 | 0x99 => {
                let ch = if b(at + 2) == 0x98 { '‘' } else { '’' };
                // Between two letters it is an apostrophe.
                let prev = text.get(..at).and_then(|s| s.chars().next_back());
                let next = text.get(at + 3..).and_then(|s| s.chars().next());
                if prev.is_some_and(is_alnum) && next.is_some_and(is_alnum) {
                    return;
                }
                ch
            }
            _ => return,
        },
        _ => return,
    };
    out.push(Mark { pos: at, ch });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::is_quote_mark;

    fn chars(text: &str) -> String {
        scan(text).iter().map(|m| m.ch).collect()
    }

    #[test]
    fn records_every_family() {
        assert_eq!(chars("«a» ‹b› “c” „d“ ‘e’ \"f\""), "«»‹›“”„“‘’\"\"");
    }

    #[test]
    fn apostrophes_between_letters_are_not_marks() {
        assert_eq!(chars("l’Arménie aujourd’hui l‘État"), "");
        assert_eq!(chars("‘mot’"), "‘’");
    }

    #[test]
    fn breaks() {
        let m = scan("a\r\nb\rc\u{2029}d\n");
        let got: Vec<(usize, char)> = m.iter().map(|m| (m.pos, m.ch)).collect();
        assert_eq!(got, vec![(2, '\n'), (4, '\r'), (6, '\u{2029}'), (10, '\n')]);
    }
    #[test]
    fn matches_a_char_walk() {
        // The byte scan against the plain char walk it replaced, on every mark at every
        // alignment, with apostrophes, breaks and multi-byte neighbours.
        fn reference(text: &str) -> Vec<Mark> {
            let mut out = Vec::new();
            let mut prev: Option<char> = None;
            let mut iter = text.char_indices().peekable();
            while let Some((pos, ch)) = iter.next() {
                let next = iter.peek().map(|&(_, c)| c);
                match ch {
                    '\r' if next == Some('\n') => {}
                    c if is_break(c) => out.push(Mark { pos, ch: c }),
                    '’' | '‘'
                        if prev.is_some_and(crate::text::is_alnum)
                            && next.is_some_and(crate::text::is_alnum) => {}
                    c if is_quote_mark(c) => out.push(Mark { pos, ch: c }),
                    _ => {}
                }
                prev = Some(ch);
            }
            out
        }
        let pieces = [
            "«",
            "»",
            "‹",
            "›",
            "“",
            "”",
            "„",
            "‘",
            "’",
            "‚",
            "\"",
            "\n",
            "\r",
            "\r\n",
            "\u{2029}",
            "a",
            "é",
            "\u{a0}",
            "\u{202f}",
            "—",
            "…",
            "\t",
            " ",
            "l’a",
            "x‘y",
            "🙂",
            "\u{2028}",
            "\u{e2}",
            "Â",
            "\u{c2}\u{a0}",
            "€",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 24) as usize;
            for k in 0..n {
                let r = seed.rotate_left(k as u32 * 5) ^ (k as u64).wrapping_mul(0x9e37_79b9);
                s.push_str(pieces[(r % pieces.len() as u64) as usize]);
            }
            assert_eq!(scan(&s), reference(&s), "{s:?}");
        }
    }
}
