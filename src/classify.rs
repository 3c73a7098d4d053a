//! Stage 3 — classify: decides whether each quote is a statement (`direct`), a fragment embedded
//! in the reporter's sentence (`partial`) or a title/term (`term`).
//!
//! Looks only at a bounded window just before the opening mark and at the content's first
//! character, so the stage is O(number of quotes). Edge cases: quote at the start of the text or
//! a paragraph (always direct), quote after a colon (direct).

use crate::model::{Quote, QuoteKind};
use crate::pair::is_padding;

/// Sets [`Quote::kind`] on every quote.
pub fn classify(text: &str, quotes: &mut [Quote]) {
    for q in quotes.iter_mut() {
        q.kind = kind_of(text, q);
    }
}

fn kind_of(text: &str, q: &Quote) -> QuoteKind {
    let before = text.get(..q.start).unwrap_or("");
    let prev = before.trim_end_matches(is_padding).chars().next_back();
    let first = q.content().slice(text).chars().next();
    match prev {
        None | Some('\n' | ':' | '.' | '!' | '?' | '—' | '–') => QuoteKind::Direct,
        Some(_) if first.is_some_and(char::is_lowercase) => QuoteKind::Partial,
        Some(_) => QuoteKind::Direct,
    }
}
