//! Offset units at the boundaries: byte offsets inside, UTF-16 code units for JavaScript, code
//! points (Unicode scalar values) for the command line and the scorer.
//!
//! [`convert`] gathers every offset of an [`Analysis`], sorts them, and walks the text once:
//! O(n + k log k) for a text of n bytes and k offsets. An offset that is not on a char boundary
//! (which the core never produces) is mapped to the unit index of the char it falls in.

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

/// Converts every offset in `analysis` from bytes of `text` to `unit`, in one pass over `text`.
pub fn convert(analysis: &mut Analysis, text: &str, unit: Unit) {
    if unit == Unit::Bytes {
        return;
    }
    let mut offsets = analysis.offsets_mut();
    convert_all(&mut offsets, text, unit);
}

/// Converts a set of byte offsets in place (any order) to `unit`, walking `text` once.
pub fn convert_all(offsets: &mut [&mut usize], text: &str, unit: Unit) {
    if unit == Unit::Bytes || offsets.is_empty() {
        return;
    }
    offsets.sort_unstable_by_key(|o| **o);
    let mut units = 0usize; // units before `byte`
    let mut chars = text.char_indices().peekable();
    for off in offsets.iter_mut() {
        let target = **off;
        // Advance over every char that ends at or before `target`.
        while let Some(&(byte, c)) = chars.peek() {
            if byte + c.len_utf8() > target {
                break;
            }
            units += match unit {
                Unit::Utf16 => c.len_utf16(),
                _ => 1,
            };
            chars.next();
        }
        **off = units;
    }
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
