//! Differential fuzzing: two readings of one text that must give one answer.
//!
//! 1. Line endings: the text with `\n` breaks, with `\r\n` breaks and with lone `\r` breaks give
//!    the same analysis once the `\n` answer's offsets are mapped to the other text (and its
//!    mentions and cues "as written" show the other breaks).
//! 2. Context: the text alone and the same text between two paragraphs that hold no quotation
//!    mark and name nobody (joined by blank lines) give the same quotes (spans, marks, kinds,
//!    speakers, cues, methods), offsets shifted, as long as no quote crosses a join.
//!
//! Run with `make fuzz` (nightly, cargo-fuzz).
#![no_main]

use libfuzzer_sys::fuzz_target;
use quote_highlighter::{analyze, Analysis};

#[path = "../../tests/support/breaks.rs"]
mod breaks;
use breaks::with_breaks;

/// Paragraphs with no quotation mark, no name, no speech verb, no pronoun and no noun a pronoun
/// could stand for (a first run with `Le marché ouvre…` found pronouns resolved to `marché`).
const BEFORE: &str = "Mis à jour à 8 h 30.";
const AFTER: &str = "Fin.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // the text with `\n` breaks only (and no leading BOM, which the context check needs)
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lf = text.replace("\r\n", "\n").replace('\r', "\n");
    let base = analyze(&lf);
    for eol in ["\r\n", "\r"] {
        let other = lf.replace('\n', eol);
        let expected = with_breaks(&base, &lf, eol);
        let got = analyze(&other);
        assert_eq!(got, expected, "{eol:?} breaks change the answer for {lf:?}");
    }
    // a leading BOM is not read, offsets shifted by its 3 bytes
    let bom = format!("\u{feff}{lf}");
    let mut expected = base.clone();
    shift(&mut expected, 3);
    assert_eq!(
        analyze(&bom),
        expected,
        "a BOM changes the answer for {lf:?}"
    );

    let shift_by = BEFORE.len() + 2;
    let long = format!("{BEFORE}\n\n{lf}\n\n{AFTER}");
    let joined = analyze(&long);
    let (part_start, part_end) = (shift_by, shift_by + lf.len());
    // a quote that runs on from the text into the paragraph after it (or is read from the
    // paragraph before it) crosses a join: the two readings may differ, nothing to compare
    if joined
        .quotes
        .iter()
        .any(|q| q.start < part_start || q.end > part_end)
    {
        return;
    }
    let mut expected = base;
    shift(&mut expected, shift_by);
    for (g, e) in joined.quotes.iter().zip(&expected.quotes) {
        assert_eq!(
            (
                g.start,
                g.end,
                g.content_start,
                g.content_end,
                g.open,
                g.close
            ),
            (
                e.start,
                e.end,
                e.content_start,
                e.content_end,
                e.open,
                e.close
            ),
            "context changes the spans in {lf:?}"
        );
        assert_eq!(
            (g.kind, g.closed, g.parent, g.reason),
            (e.kind, e.closed, e.parent, e.reason),
            "context changes the kind of {:?} in {lf:?}",
            &long[g.start..g.end]
        );
        let who = |q: &quote_highlighter::Quote| {
            (
                q.speaker
                    .as_ref()
                    .map(|s| (s.start, s.end, s.text.clone(), s.name.clone(), s.gender)),
                q.cue
                    .as_ref()
                    .map(|c| (c.start, c.end, c.lemma.clone(), c.incise)),
                q.method,
            )
        };
        assert_eq!(
            who(g),
            who(e),
            "context changes the speaker of {:?} in {lf:?}",
            &long[g.start..g.end]
        );
    }
    assert_eq!(joined.quotes.len(), expected.quotes.len());
});

/// Adds `by` to every offset.
fn shift(a: &mut Analysis, by: usize) {
    for o in a.offsets_mut() {
        *o += by;
    }
}
