//! Property tests of the detection engine's invariants, on strings biased toward quotation
//! marks, odd spaces, line breaks, accents and emoji. `PROPTEST_CASES` overrides the case count.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quote_highlighter::{analyze, offsets, Analysis, Unit};

#[path = "support/breaks.rs"]
mod breaks;
use breaks::with_breaks;

/// Pieces of news copy for the line-ending property: marks, speech verbs and cues, names,
/// titles, pronouns, punctuation and every kind of line break.
const VOCABULARY: &[&str] = &[
    "«",
    "»",
    "« ",
    " »",
    "«\u{a0}",
    "\u{a0}»",
    "“",
    "”",
    "\"",
    "— ",
    "’",
    "l’",
    "Nous partons",
    " le pays est prêt",
    " paix durable",
    " une ",
    " le quotidien ",
    " surnommé ",
    ", a déclaré ",
    ", a-t-il ajouté",
    ", dit-elle, ",
    " a affirmé : ",
    " a estimé que ",
    " selon ",
    ", poursuit-il",
    "Jean Martin",
    "Marie Dupont",
    "M. Durand",
    "Mme Leroy",
    "le ministre",
    "la porte-parole",
    "Il",
    " elle ",
    " et ",
    "é",
    "🙂",
    ".",
    ". ",
    ",",
    " : ",
    "?",
    "!",
    " ",
    "\n",
    "\n\n",
    "\n\n\n",
    "Lire aussi : ",
];

/// A text of vocabulary pieces with `\n` breaks only.
fn lf_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 0..60).prop_map(|v| v.concat())
}

/// Characters the generator draws from: every mark the engine reads, the padding spaces,
/// breaks, letters (with accents), punctuation and a few astral chars.
const ALPHABET: &[char] = &[
    '«', '»', '‹', '›', '“', '”', '„', '‘', '’', '‚', '"', '\'', ' ', '\u{a0}', '\u{202f}',
    '\u{2009}', '\n', '\r', '\u{2029}', 'a', 'b', 'L', 'é', 'É', 'à', 'ç', 'x', 'Z', ',', '.', ':',
    '!', '?', '—', '-', '(', ')', '🙂', '𝄞', '0', 't', 'i', 'l',
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(ALPHABET), 0..80)
            .prop_map(|v| v.into_iter().collect::<String>()),
        // words and marks, closer to real copy
        2 => prop::collection::vec(
            prop::sample::select(&[
                "«", "»", "« ", " »", "«\u{a0}", "\u{a0}»", "“", "”", "„", "’", "l’", "\"",
                " a dit Jean", ", a-t-il ajouté", " le quotidien ", " surnommé ", " une ",
                "Nous partons", " paix durable", ".", " : ", "\n", "\n\n", "— ", "🙂", "é",
            ][..]),
            0..40,
        )
        .prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn check_invariants(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    let mut prev_start = 0;
    let mut top_end = 0;
    let mut pieces = String::new();
    for (i, q) in a.quotes.iter().enumerate() {
        // in bounds, ordered, on char boundaries
        for off in [q.start, q.end, q.content_start, q.content_end] {
            prop_assert!(off <= text.len(), "offset {off} out of bounds in {text:?}");
            prop_assert!(
                text.is_char_boundary(off),
                "offset {off} splits a char in {text:?}"
            );
        }
        prop_assert!(q.start <= q.content_start, "{q:?}");
        prop_assert!(q.content_start <= q.content_end, "{q:?}");
        prop_assert!(q.content_end <= q.end, "{q:?}");
        prop_assert!(q.start < q.end || q.open.is_empty(), "empty quote {q:?}");
        // sorted by start
        prop_assert!(q.start >= prev_start, "quotes not sorted in {text:?}");
        prev_start = q.start;
        match q.parent {
            None => {
                // top-level quotes are disjoint
                prop_assert!(
                    q.start >= top_end,
                    "overlapping top-level quotes in {text:?}"
                );
                pieces.push_str(&text[top_end..q.start]);
                pieces.push_str(&text[q.start..q.end]);
                top_end = q.end;
            }
            Some(p) => {
                prop_assert!(p < i, "parent after child in {text:?}");
                let parent = &a.quotes[p];
                prop_assert!(
                    parent.start <= q.start && q.end <= parent.end,
                    "nested quote {q:?} outside its parent {parent:?} in {text:?}"
                );
            }
        }
        // a speaker mention and a cue are in bounds, on char boundaries, and outside the quote's
        // content, unless the attribution is an incise inside the marks; a continuation reports
        // the mention that attributed an earlier quote (checked against that quote), which can
        // stand anywhere, even inside a quote that runs on after it
        let inside = matches!(
            q.method,
            Some(quote_highlighter::Method::InsideQuote | quote_highlighter::Method::Continuation)
        );
        let spans = q
            .speaker
            .iter()
            .map(|s| (s.start, s.end))
            .chain(q.cue.iter().map(|c| (c.start, c.end)));
        for (s, e) in spans {
            prop_assert!(
                s <= e && e <= text.len(),
                "speaker/cue span {s}..{e} in {text:?}"
            );
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            if !inside {
                prop_assert!(
                    e <= q.content_start || s >= q.content_end,
                    "speaker/cue {s}..{e} inside quote {q:?} in {text:?}"
                );
            }
        }
        // the marks are what the text says
        prop_assert!(text[q.start..].starts_with(q.open.as_str()));
        prop_assert!(text[..q.end].ends_with(q.close.as_str()));
        prop_assert_eq!(q.closed, !q.close.is_empty());
    }
    pieces.push_str(&text[top_end..]);
    prop_assert_eq!(pieces.as_str(), text, "pieces do not rebuild the text");
    for d in &a.diagnostics {
        prop_assert!(d.start <= d.end && d.end <= text.len());
        prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        prop_assert!(!d.message.is_empty());
    }
    Ok(())
}

/// Every offset of an analysis, in the order `offsets_mut` yields them.
fn all_offsets(a: &mut Analysis) -> Vec<usize> {
    a.offsets_mut().into_iter().map(|o| *o).collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn never_panics_and_spans_are_sound(text in text()) {
        let a = analyze(&text);
        check_invariants(&text, &a)?;
    }

    #[test]
    fn unit_conversion_matches_naive_counts(text in text()) {
        let base = analyze(&text);
        let bytes = all_offsets(&mut base.clone());
        for unit in [Unit::Utf16, Unit::Chars] {
            let mut a = base.clone();
            offsets::convert(&mut a, &text, unit);
            let got = all_offsets(&mut a);
            prop_assert_eq!(got.len(), bytes.len());
            for (b, g) in bytes.iter().zip(&got) {
                let prefix = &text[..*b];
                let naive = match unit {
                    Unit::Utf16 => prefix.encode_utf16().count(),
                    _ => prefix.chars().count(),
                };
                prop_assert_eq!(*g, naive, "byte {} in {:?} ({:?})", b, text, unit);
            }
        }
    }

    #[test]
    fn line_endings_never_change_the_answer(lf in lf_text()) {
        let base = analyze(&lf);
        for eol in ["\r\n", "\r"] {
            let other = lf.replace('\n', eol);
            let got = analyze(&other);
            prop_assert_eq!(&got, &with_breaks(&base, &lf, eol), "{:?} breaks in {:?}", eol, lf);
            check_invariants(&other, &got)?;
        }
        // a leading BOM is skipped, the offsets still index the text given
        let mut shifted = base.clone();
        for o in shifted.offsets_mut() {
            *o += 3;
        }
        prop_assert_eq!(analyze(&format!("\u{feff}{lf}")), shifted, "a BOM before {:?}", lf);
    }
}

/// Mixed breaks in one text: `\r\n`, lone `\r` and `\n` read alike.
#[test]
fn mixed_line_endings_read_as_line_feeds() {
    let lf = "«Nous partons»,\na déclaré Jean Martin.\n\n«Le pays\nest prêt», dit-elle.\n";
    let mixed = "«Nous partons»,\r\na déclaré Jean Martin.\r\r«Le pays\nest prêt», dit-elle.\r\n";
    let (a, b) = (analyze(lf), analyze(mixed));
    assert_eq!(a.quotes.len(), b.quotes.len());
    assert!(!a.quotes.is_empty());
    for (x, y) in a.quotes.iter().zip(&b.quotes) {
        assert_eq!(x.kind, y.kind);
        assert_eq!(
            x.speaker.as_ref().map(|s| s.name.clone()),
            y.speaker.as_ref().map(|s| s.name.clone())
        );
        assert_eq!(
            lf[x.start..x.end],
            mixed[y.start..y.end]
                .replace("\r\n", "\n")
                .replace('\r', "\n")
        );
    }
}

/// Regressions the generator found once (kept as permanent cases).
#[test]
fn regressions() {
    for text in [
        "«a « ",
        "« \u{a0}»»— , a-t-il ajouté\u{a0}»",
        "« »",
        "»a«",
        "„a“b“",
        "«\n»",
        "«a»\n»",
        "— «a», b, c. »",
        "\r\n«",
        "\"««\na»",
    ] {
        let a = analyze(text);
        if let Err(e) = check_invariants(text, &a) {
            panic!("{text:?}: {e}");
        }
    }
}
