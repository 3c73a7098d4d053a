//! # quote-highlighter
//!
//! Finds guillemet-quoted statements in French news text, says who said each one, and reports
//! spans that a page can highlight.
//!
//! ```
//! let text = "«Le pays est prêt», a déclaré Jean Martin.";
//! let analysis = quote_highlighter::analyze(text);
//! let quote = &analysis.quotes[0];
//! assert_eq!(&text[quote.start..quote.end], "«Le pays est prêt»");
//! assert_eq!(quote.speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Jean Martin"));
//! ```
//!
//! ## Guarantees (untrusted input)
//! - [`analyze`] accepts any `&str` and never panics or fails: unbalanced, hostile or huge text
//!   gives a (possibly empty) [`Analysis`], with repairs listed in [`Analysis::diagnostics`].
//! - Time is linear in the length of the text: one scan for the marks, and every rule that looks
//!   around a quote reads a bounded window that stops a few quotes away, so no text is read by
//!   more than a small constant number of quotes; speakers are grouped by hash lookups.
//! - Output is proportional to the text, at most 40 bytes of JSON per input byte: quotes nest
//!   at most eight deep, runs of empty quotes or of repairs collapse into one diagnostic, a run
//!   of one-word quotes with no word between them (`«a»«a»…`) is cut after 32, a
//!   straight pair around one char (`"a"`) or glued to another straight mark is not a quote, and
//!   a continuation (a speaker carried over from an earlier quote) is dropped where it would
//!   pass that budget, so runs of hostile marks cannot multiply the result.
//! - Memory is the answer plus a constant: the marks are scanned a few KiB at a time and runs
//!   of hostile marks are dropped as they end (under one byte of heap per input byte on them).
//! - Offsets are byte offsets on char boundaries; [`offsets::convert`] turns them into UTF-16
//!   code units or code points in one pass.
//! - Line endings and a leading BOM never change an answer: `\r\n` and a lone `\r` read as
//!   `\n` for every rule, a leading U+FEFF is skipped, and offsets still index the text given
//!   (at most one copy of the text, made only when it holds a `\r`).
//! - Size limits belong to the bindings ([`check_size`]); the core itself has none.
//!
//! ## The pipeline
//! `scan` (marks) → `pair` (quotes) → `classify` (direct, partial, term) → `attribute`
//! (speaker, cue) → `resolve` (names, distinct speakers), private stages in their own files;
//! `text` holds the character classes and the word splitter they share, `lexicon` every word
//! list (`lexicon/*.txt`). `newlines` wraps the pipeline: it hands it the text with `\n` breaks
//! and no leading BOM, and maps the answer's offsets back. [`offsets`] converts units at the
//! boundaries; the wasm binding lives in `wasm` (wasm32 only) and the command line in `src/bin`.

// The core never fails on text: no panicking index, slice or unwrap outside tests.
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::unwrap_used,
        clippy::panic
    )
)]

#[cfg(target_arch = "wasm32")]
mod alloc;
mod attribute;
mod cast;
mod classify;
mod document;
pub mod json;
mod lexicon;
mod model;
mod newlines;
pub mod offsets;
mod pair;
mod resolve;
mod scan;
mod text;
mod work;

#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::{
    Analysis, Cue, Diagnostic, Gender, Method, Quote, QuoteKind, QuoteMark, Span, Speaker,
    SpeakerEntry, TermReason,
};
pub use offsets::Unit;

/// Default cap on input size for the bindings: 64 MiB.
pub const DEFAULT_MAX_INPUT: usize = 64 * 1024 * 1024;

/// Analyses `text`: every quotation, its kind, its speaker, and the distinct speakers.
///
/// Line endings and a leading byte-order mark never change the answer: `\r\n` and a lone `\r`
/// read as `\n`, a leading U+FEFF is not read, and the offsets index `text` as given.
pub fn analyze(text: &str) -> Analysis {
    newlines::analyze_normalised(text, analyze_lf)
}

/// [`analyze`] on text with `\n` line breaks and no leading BOM.
fn analyze_lf(text: &str) -> Analysis {
    let (mut quotes, mut diagnostics) = pair::pair(text);
    classify::classify(text, &mut quotes);
    // Whether the text is told in the narrative past: read once, by the first stage that asks.
    let mut narrative = document::Narrative::default();
    attribute::attribute(text, &mut quotes, &mut narrative);
    document::settle(text, &mut quotes, &mut narrative);
    let speakers = resolve::resolve(text, &mut quotes, &mut diagnostics);
    Analysis {
        quotes,
        speakers,
        diagnostics,
    }
}

/// [`analyze`], also returning the steps of work the detection stages (scan, pair, classify)
/// counted: the count-based linearity test reads it. Not part of the stable API.
#[doc(hidden)]
pub fn analyze_counting(text: &str) -> (Analysis, u64) {
    work::reset();
    let a = analyze(text);
    (a, work::read())
}

/// Detection alone (scan, pair, classify): the number of quotes found. For the benchmark; not
/// part of the stable API.
#[doc(hidden)]
pub fn detect(text: &str) -> usize {
    let (mut quotes, _) = pair::pair(text);
    classify::classify(text, &mut quotes);
    quotes.len()
}

/// The error the bindings report when input exceeds their size cap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLarge {
    pub len: usize,
    pub max: usize,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "input is {} bytes, above the limit of {} bytes ({} MiB); split it or raise the limit",
            self.len,
            self.max,
            self.max / (1024 * 1024)
        )
    }
}

impl std::error::Error for TooLarge {}

/// Checks an input length against a cap (`max`), for the bindings.
pub fn check_size(len: usize, max: usize) -> Result<(), TooLarge> {
    if len > max {
        Err(TooLarge { len, max })
    } else {
        Ok(())
    }
}
