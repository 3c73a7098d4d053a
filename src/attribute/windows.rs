//! The token windows the rules read around one quote, tokenised only when a rule reads them and
//! reusing tokens from quote to quote: the head of the content (rule 1, only when it holds a
//! comma), the rest of the sentence after the closing mark (rules 2–4) and the quote's sentence
//! before the opening mark (rule 5, [`Back`]). The window before a quote starts from the
//! previous quote's after-window tokens when only a short stretch without sentence punctuation
//! lies between.

use crate::text::TrimBy;
use crate::text::{ceil_boundary, floor_boundary, is_apostrophe, is_padding, is_quote_mark};

use super::tokens::*;
use super::{QuoteAt, AFTER, BEFORE, INSIDE};
use crate::text::NEIGHBOURS;

/// Token buffers reused from quote to quote.
pub(super) struct Windows<'t> {
    text: &'t str,
    inside: Vec<Tok<'t>>,
    after: Vec<Tok<'t>>,
    /// The quote (its span) whose after-window `after` holds.
    after_of: Option<(usize, usize)>,
    /// The after-window of the quote before, and the spans `text[from..stop)` of both
    /// after-windows when their tokens are reusable.
    prev_after: Vec<Tok<'t>>,
    after_span: Option<(usize, usize)>,
    prev_after_span: Option<(usize, usize)>,
    pub(super) before: Back<'t>,
    /// The starts of the statement quotes, in text order, and the index of the current one.
    starts: Vec<usize>,
    current: usize,
    /// No after-window reads past this byte.
    ceiling: usize,
}

impl<'t> Windows<'t> {
    pub(super) fn new(text: &'t str, starts: Vec<usize>) -> Self {
        Windows {
            text,
            inside: Vec::new(),
            after: Vec::new(),
            after_of: None,
            prev_after: Vec::new(),
            after_span: None,
            prev_after_span: None,
            before: Back::new(),
            starts,
            current: 0,
            ceiling: text.len(),
        }
    }

    /// Moves on to the next statement quote `q`: its windows reach back no further than the
    /// start of the [`NEIGHBOURS`]-th statement quote before it, and forward no further than the
    /// start of the [`NEIGHBOURS`]-th after it.
    pub(super) fn enter(&mut self, q: &QuoteAt) {
        let n = self.current;
        self.current += 1;
        self.before.floor = n
            .checked_sub(NEIGHBOURS)
            .and_then(|k| self.starts.get(k))
            .map_or(0, |&s| s.min(q.start));
        self.ceiling = self
            .starts
            .get(n + NEIGHBOURS)
            .map_or(self.text.len(), |&s| s.max(q.end));
    }

    /// The head of a direct quote's content (at most [`INSIDE`] bytes, its first paragraph), when
    /// it holds a comma or an end of exclamation, question or ellipsis (where an incise may start).
    pub(super) fn inside(&mut self, q: &QuoteAt) -> Option<&[Tok<'t>]> {
        if q.partial {
            return None;
        }
        let text = self.text;
        let to = floor_boundary(
            text,
            q.content_end.min(q.content_start.saturating_add(INSIDE)),
        );
        let head = text.get(q.content_start..to.max(q.content_start))?;
        // Only the first paragraph: in a quote over several paragraphs, an incise further on
        // belongs to words quoted inside it (a story told at table: `« … Une nuit, j'ouvris.⏎«
        // Venez vite, me dit-elle…`), not to the quote's own speaker.
        let head = head.split('\n').next().unwrap_or(head);
        // An incise follows a comma, or in fiction an exclamation, a question, an ellipsis.
        if !head.contains([',', '!', '?', '…']) {
            return None;
        }
        tokenize_into(
            &mut self.inside,
            text,
            q.content_start,
            q.content_start + head.len(),
            false,
        );
        Some(&self.inside)
    }

    /// The rest of the sentence after the closing mark (at most [`AFTER`] bytes).
    pub(super) fn after(&mut self, q: &QuoteAt) -> &[Tok<'t>] {
        if self.after_of == Some((q.start, q.end)) {
            return &self.after;
        }
        let text = self.text;
        let to = floor_boundary(text, q.end.saturating_add(AFTER)).min(self.ceiling);
        // Keep the previous quote's after-window tokens: they may start the next window
        // before a quote.
        std::mem::swap(&mut self.after, &mut self.prev_after);
        self.prev_after_span = self.after_span;
        let read = tokenize_into(&mut self.after, text, q.end, to, true);
        // Reusable when tokenising stopped at a sentence end and started right after a
        // closing mark (a tokeniser that started earlier is there between two tokens).
        let after_mark = text
            .get(..q.end)
            .and_then(|h| h.chars().next_back())
            .is_some_and(|c| is_quote_mark(c) && !is_apostrophe(c));
        self.after_span = (read < to && after_mark).then_some((q.end, read));
        self.after_of = Some((q.start, q.end));
        &self.after
    }

    /// The quote's sentence before the opening mark (and the token before it), from at most
    /// [`BEFORE`] bytes back.
    pub(super) fn before(&mut self, q: &QuoteAt) -> &[Tok<'t>] {
        let text = self.text;
        let before = &mut self.before;
        let from = ceil_boundary(text, q.start.saturating_sub(BEFORE))
            .max(before.floor)
            .min(q.start);
        // The previous after-quote window, when only a short stretch without sentence
        // punctuation lies between it and the quote: its tokens then the stretch's.
        if let Some((f, r)) = self.prev_after_span {
            let gap = text.get(r..q.start).unwrap_or("\n");
            if f >= from
                && r <= q.start
                && gap.len() <= 200
                && !gap.contains(['.', '!', '?', ';', '\n', '\r', '\u{2029}', '…'])
                && self
                    .prev_after
                    .last()
                    .is_some_and(|t| t.kind != Kind::Break)
            {
                let _ = tokenize_into(&mut before.scratch, text, r, q.start, false);
                std::mem::swap(&mut before.toks, &mut self.prev_after);
                before.toks.append(&mut before.scratch);
                (before.from, before.synced, before.to) = (f, true, q.start);
                self.prev_after_span = None;
            }
        }
        before.tokenize(text, from, q.start, 1, |t| {
            sentence_start_known(t).is_some()
        });
        &before.toks
    }

    /// The windows before and after the quote, both at once (for a rule that reads both).
    pub(super) fn around(&mut self, q: &QuoteAt) -> (&[Tok<'t>], &[Tok<'t>]) {
        self.after(q);
        self.before(q);
        (&self.before.toks, &self.after)
    }
}

/// Does the content end with sentence punctuation or a comma (`«Q.»`, `«Q,»`)? Then a
/// compound verb right after the closing mark is an incise.
pub(super) fn content_closed_by_punct(text: &str, q: &QuoteAt) -> bool {
    content_ends_with(text, q, &['.', '!', '?', '…', ','])
}

/// Does the content end as a sentence does (`«Q.»`, `«Q !»`, `«Q…»`)?
pub(super) fn content_closed_by_sentence(text: &str, q: &QuoteAt) -> bool {
    content_ends_with(text, q, &['.', '!', '?', '…'])
}

/// Does the content end (padding aside) with one of `marks`?
fn content_ends_with(text: &str, q: &QuoteAt, marks: &[char]) -> bool {
    text.get(q.content_start..q.content_end)
        .unwrap_or("")
        .trim_end_by(is_padding)
        .ends_with(marks)
}
