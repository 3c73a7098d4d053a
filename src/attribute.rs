//! Stage 4 — attribute: finds the speaker and speech verb of each `direct` and `partial` quote.
//!
//! Each rule is a regex anchored at the quote's end (or start) and confined to a bounded window
//! of text, so the stage is O(number of quotes × window). Edge cases: a quote at the end of the
//! text (no window), a window that would split a char (cut at a char boundary).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Cue, Method, Quote, QuoteKind, Speaker};

/// How far past a quote's end the after-quote rules look, in bytes.
const WINDOW: usize = 240;

/// `, a déclaré X` right after the closing mark.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\u{a0}\u{202f}]*,[\s\u{a0}\u{202f}]*(?P<cue>a[\s\u{a0}]+déclaré)[\s\u{a0}]+(?P<spk>(?:(?:M\.|Mme|Me|Dr)[\s\u{a0}]+)?\p{Lu}[\p{L}'’-]*(?:[\s\u{a0}]+(?:de[\s\u{a0}]+|da[\s\u{a0}]+|Le[\s\u{a0}]+)?\p{Lu}[\p{L}'’-]*)*)",
    )
    .expect("static regex")
});

/// Fills [`Quote::speaker`], [`Quote::cue`] and [`Quote::method`].
pub fn attribute(text: &str, quotes: &mut [Quote]) {
    for q in quotes.iter_mut() {
        if q.kind == QuoteKind::Term || q.parent.is_some() {
            continue;
        }
        let window = window_after(text, q.end);
        if let Some(c) = AFTER.captures(window) {
            let (Some(cue), Some(spk)) = (c.name("cue"), c.name("spk")) else {
                continue;
            };
            q.cue = Some(Cue {
                start: q.end + cue.start(),
                end: q.end + cue.end(),
                text: cue.as_str().to_string(),
                lemma: "déclarer".into(),
            });
            q.speaker = Some(Speaker {
                start: q.end + spk.start(),
                end: q.end + spk.end(),
                text: spk.as_str().to_string(),
                name: None,
                id: None,
            });
            q.method = Some(Method::AfterQuote);
        }
    }
}

/// The text after `at`, at most [`WINDOW`] bytes, cut back to a char boundary.
pub fn window_after(text: &str, at: usize) -> &str {
    let mut end = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(at..end).unwrap_or("")
}
