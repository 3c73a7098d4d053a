//! Fuzzes `analyze` on arbitrary UTF-8 and checks the invariants the bindings rely on.
//! Run with a nightly toolchain: `cargo +nightly fuzz run analyze` (from the repository root).
//! Every crash found becomes a regression fixture under `tests/fixtures/regressions/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quote_highlighter::{analyze, offsets, Unit};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = analyze(text);
    let mut prev = 0;
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert!(q.start <= q.content_start && q.content_start <= q.content_end && q.content_end <= q.end);
        assert!(q.start >= prev, "quotes sorted");
        prev = q.start;
        if let Some(s) = &q.speaker {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
    let mut utf16 = a.clone();
    offsets::convert(&mut utf16, text, Unit::Utf16);
    for (q, u) in a.quotes.iter().zip(&utf16.quotes) {
        assert_eq!(text[..q.start].encode_utf16().count(), u.start);
    }
});
