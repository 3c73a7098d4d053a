//! Line endings and the byte-order mark: the text every rule reads has `\n` line breaks and no
//! leading BOM, whatever the input had, while the offsets of the answer index the input.
//!
//! - A leading U+FEFF (a UTF-8 BOM left by an editor or a file read as text) is not read: the
//!   rules see the text after it, and every offset is shifted by its 3 bytes, so that offsets
//!   still index the string passed in. A U+FEFF anywhere else is ordinary text.
//! - When the text holds a `\r`, the rules read a copy with every `\r\n` and every lone `\r`
//!   turned into `\n`, and the offsets of the answer are mapped back to the input: an offset at a
//!   `\r\n` break lands before its `\r`, an offset after it lands after its `\n`. The mapping is
//!   one search for the `\r\n` breaks and a binary search among them per offset.
//!   The mentions and cues "as written" are taken back from the input, so a mention that spans
//!   a break shows its `\r\n`.
//! - Without a `\r` nothing is copied: one byte search, then the analysis of the input itself.
//!
//! Cost: O(n) for the search and the copy (one copy of the text, only when it has a `\r`), plus
//! O(k log b) for the k offsets of the answer and the b `\r\n` breaks.

use crate::model::Analysis;

const BOM: char = '\u{feff}';

/// Runs `analyse` on `text` read with `\n` line breaks and without a leading BOM, and returns
/// its answer with offsets into `text`.
pub(crate) fn analyze_normalised(text: &str, analyse: impl Fn(&str) -> Analysis) -> Analysis {
    let (skip, body) = match text.strip_prefix(BOM) {
        Some(rest) => (BOM.len_utf8(), rest),
        None => (0, text),
    };
    if !body.contains('\r') {
        let mut a = analyse(body);
        if skip > 0 {
            for o in a.offsets_mut() {
                *o += skip;
            }
        }
        return a;
    }
    let lf = to_lf(body);
    let mut a = analyse(&lf);
    map_back(&mut a, body, skip);
    rewrite_as_written(&mut a, text);
    a
}

/// `text` with every `\r\n` and lone `\r` turned into `\n`.
pub(crate) fn to_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\r') {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        out.push('\n');
        // `after` starts with the one-byte `\r`; a `\n` right after it belongs to the same break
        rest = after.get(1..).unwrap_or("");
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

/// Maps every offset of `a` (into `to_lf(body)`) to an offset into `body`, then adds `skip`.
/// An offset moves by the number of `\r\n` breaks before it (a lone `\r` keeps its length):
/// one search for the breaks, then a binary search per offset, so the offsets need no sorting.
/// An offset past the end maps to the end.
fn map_back(a: &mut Analysis, body: &str, skip: usize) {
    // Where each `\r\n` of `body` sits in the copy, in increasing order.
    let mut crlf = Vec::new();
    let mut rest = body;
    let mut at = 0;
    // (A search for the char `\r`, not the string `\r\n`: the wasm then holds no substring
    // searcher, 3 KB.)
    while let Some(i) = rest.find('\r') {
        if rest.as_bytes().get(i + 1) == Some(&b'\n') {
            crlf.push(at + i - crlf.len());
            at += i + 2;
        } else {
            at += i + 1;
        }
        rest = body.get(at..).unwrap_or("");
    }
    for off in a.offsets_mut() {
        let before = crlf.partition_point(|&p| p < *off);
        *off = (*off + before).min(body.len()) + skip;
    }
}

/// Takes the mentions and cues "as written" back from the input when they were the copy's text
/// under their span (so a mention across a `\r\n` break shows it as written).
fn rewrite_as_written(a: &mut Analysis, text: &str) {
    // After `map_back` the spans index `text`: the copy's text under the span is the input's
    // with line breaks as `\n`, which is what the rules wrote.
    let written = |start: usize, end: usize, current: &mut String| {
        if let Some(original) = text.get(start..end) {
            if original != current.as_str() && to_lf(original) == *current {
                *current = original.to_owned();
            }
        }
    };
    for q in &mut a.quotes {
        if let Some(s) = &mut q.speaker {
            written(s.start, s.end, &mut s.text);
        }
        if let Some(c) = &mut q.cue {
            written(c.start, c.end, &mut c.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_become_line_feeds() {
        assert_eq!(to_lf("a\r\nb\rc\n\r\r\nd\r"), "a\nb\nc\n\n\nd\n");
        assert_eq!(to_lf("é\r\n🙂"), "é\n🙂");
        assert_eq!(to_lf(""), "");
    }

    #[test]
    fn offsets_map_to_the_input() {
        let body = "a\r\nb\rc\r\n";
        let mut a = Analysis {
            diagnostics: (0..=to_lf(body).len() + 1)
                .map(|i| crate::model::Diagnostic {
                    start: i,
                    end: i,
                    code: "t",
                    message: "t".into(),
                })
                .collect(),
            ..Analysis::default()
        };
        map_back(&mut a, body, 3);
        let got: Vec<usize> = a.diagnostics.iter().map(|d| d.start - 3).collect();
        // a\n b\n c\n  →  a\r\n b\r c\r\n
        assert_eq!(got, vec![0, 1, 3, 4, 5, 6, 8, 8]);
    }
}
