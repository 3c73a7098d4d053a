//! Offset units at the boundaries: byte offsets inside, UTF-16 code units for JavaScript, code
//! points (Unicode scalar values) for the command line and the scorer.
//!
//! [`convert`] counts the units before every block of `BLOCK` bytes in one walk over the text
//! (a table of one number a block), then converts each offset of an [`Analysis`] in place from
//! its block's count and at most a block of bytes: O(n + k) time for a text of n bytes and k
//! offsets, n / 8 bytes of memory and no copy of the offsets. An offset that is not on a char
//! boundary (which the core never produces) is mapped to the unit index of the char it falls in.

use crate::model::Analysis;

/// The unit offsets are reported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (what the core uses).
    Bytes,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
    /// Unicode code points (Python string indices).
    Chars,
}

impl std::str::FromStr for Unit {
    type Err = String;
    fn from_str(s: &str) -> Result<Unit, String> {
        match s {
            "bytes" => Ok(Unit::Bytes),
            "utf16" | "utf-16" => Ok(Unit::Utf16),
            "chars" | "codepoints" => Ok(Unit::Chars),
            other => Err(format!(
                "unknown offset unit {other:?}: expected bytes, utf16 or chars"
            )),
        }
    }
}

/// Bytes of text per entry of the table [`convert`] builds.
const BLOCK: usize = 64;

/// Converts every offset in `analysis` from bytes of `text` to `unit`, in one pass over `text`.
pub fn convert(analysis: &mut Analysis, text: &str, unit: Unit) {
    if unit == Unit::Bytes {
        return;
    }
    let bytes = text.as_bytes();
    let count = counter(unit);
    // Units before each block.
    let mut before = Vec::with_capacity(bytes.len() / BLOCK + 1);
    let mut units = 0;
    for block in bytes.chunks(BLOCK) {
        before.push(units);
        units += count(block);
    }
    analysis.for_each_offset(|off| {
        // Every char that ends at or before the offset counts: the chars that start before its
        // char boundary.
        let target = crate::text::floor_boundary(text, *off);
        let block = target / BLOCK;
        let from = block * BLOCK;
        *off =
            before.get(block).copied().unwrap_or(units) + bytes.get(from..target).map_or(0, count);
    });
}

/// Converts a set of byte offsets in place (any order) to `unit`, walking `text` once.
pub fn convert_all(offsets: &mut [&mut usize], text: &str, unit: Unit) {
    if unit == Unit::Bytes || offsets.is_empty() {
        return;
    }
    offsets.sort_unstable_by_key(|o| **o);
    let bytes = text.as_bytes();
    let count = counter(unit);
    let (mut pos, mut units) = (0usize, 0usize); // units before byte `pos`
    for off in offsets.iter_mut() {
        // Every char that ends at or before the offset counts: the chars that start before its
        // char boundary.
        let target = crate::text::floor_boundary(text, **off);
        if let Some(seg) = bytes.get(pos..target) {
            units += count(seg);
            pos = target;
        }
        **off = units;
    }
}

/// The units of `unit` in a run of UTF-8 bytes, the unit matched once (outside the loops, so
/// that each count is a plain loop the compiler vectorises).
fn counter(unit: Unit) -> fn(&[u8]) -> usize {
    match unit {
        Unit::Utf16 => |seg| count_units(seg, utf16_units),
        _ => |seg| count_units(seg, char_starts),
    }
}

/// The sum of `units` over the bytes of `seg`, in a form the compiler vectorises (byte sums
/// of at most 127 bytes at a time: a byte counts at most 2).
#[inline]
fn count_units(seg: &[u8], units: fn(u8) -> usize) -> usize {
    seg.chunks(127)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + units(b) as u8)))
        .sum()
}

/// 1 when a UTF-8 byte starts a char (not a continuation byte), else 0.
#[inline]
fn char_starts(b: u8) -> usize {
    usize::from(b & 0xC0 != 0x80)
}

/// The UTF-16 units of the char a UTF-8 byte starts: 0 for a continuation byte, 2 for the lead
/// byte of a 4-byte char (a surrogate pair), else 1.
#[inline]
fn utf16_units(b: u8) -> usize {
    usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)
}

/// Converts one byte offset (test and CLI helper; O(n)).
pub fn convert_one(text: &str, byte: usize, unit: Unit) -> usize {
    let mut b = byte;
    let mut refs = [&mut b];
    convert_all(&mut refs, text, unit);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_every_byte_offset_like_a_char_walk() {
        let text = "é « ’\u{202f}🙂 x\u{10ffff}ÿ";
        for byte in 0..=text.len() + 2 {
            let walk = |unit: Unit| {
                text.char_indices()
                    .filter(|&(b, c)| b + c.len_utf8() <= byte)
                    .map(|(_, c)| {
                        if unit == Unit::Utf16 {
                            c.len_utf16()
                        } else {
                            1
                        }
                    })
                    .sum::<usize>()
            };
            for unit in [Unit::Chars, Unit::Utf16] {
                assert_eq!(convert_one(text, byte, unit), walk(unit), "{byte}");
            }
        }
    }

    #[test]
    fn convert_agrees_with_the_sorted_walk() {
        let text = "«Oui», a déclaré Jean Martin. 🙂 «L’été\u{202f}» — dit-elle, «x». ".repeat(40);
        let a = crate::analyze(&text);
        assert!(a.quotes.len() > 40);
        for unit in [Unit::Chars, Unit::Utf16] {
            let mut by_table = a.clone();
            convert(&mut by_table, &text, unit);
            let mut by_walk = a.clone();
            convert_all(&mut by_walk.offsets_mut(), &text, unit);
            assert_eq!(by_table, by_walk);
        }
    }

    #[test]
    fn converts_mixed_text() {
        let text = "é « ’\u{202f}🙂 x";
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let prefix = &text[..byte];
            assert_eq!(convert_one(text, byte, Unit::Chars), prefix.chars().count());
            assert_eq!(
                convert_one(text, byte, Unit::Utf16),
                prefix.encode_utf16().count()
            );
        }
    }
}
