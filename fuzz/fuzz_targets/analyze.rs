//! Fuzzes `analyze` on arbitrary UTF-8 and checks the invariants the bindings rely on: no panic,
//! spans sorted, inside the text and on char boundaries, UTF-16 conversion right, and output
//! proportional to the input (the JSON at most 40 bytes per input byte, plus a constant).
//! Run with `make fuzz` (nightly, cargo-fuzz). Every finding becomes a regression fixture under
//! `tests/fixtures/` or a case in `tests/properties.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quote_highlighter::{analyze, offsets, Unit};

#[path = "../../tests/support/output_bound.rs"]
mod output_bound;
use output_bound::assert_json_bounded;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = analyze(text);
    let mut prev = 0;
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert!(
            q.start <= q.content_start
                && q.content_start <= q.content_end
                && q.content_end <= q.end
        );
        assert!(text.is_char_boundary(q.content_start) && text.is_char_boundary(q.content_end));
        assert!(q.start >= prev, "quotes sorted");
        prev = q.start;
        if let Some(s) = &q.speaker {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        if let Some(c) = &q.cue {
            assert!(c.start <= c.end && c.end <= text.len());
            assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        }
    }
    for d in &a.diagnostics {
        assert!(d.start <= d.end && d.end <= text.len());
        assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
    }
    // Output proportional to the input: issue #17's bound.
    assert_json_bounded(text, &a);
    let mut utf16 = a.clone();
    offsets::convert(&mut utf16, text, Unit::Utf16);
    for (q, u) in a.quotes.iter().zip(&utf16.quotes) {
        assert_eq!(text[..q.start].encode_utf16().count(), u.start);
        assert_eq!(text[..q.end].encode_utf16().count(), u.end);
    }
});
