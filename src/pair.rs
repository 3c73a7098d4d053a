//! Stage 2 — pair: turns the scanned marks into quotes, paragraph by paragraph.
//!
//! A stack of open quotes; a closer closes the innermost open quote; a paragraph break closes
//! what is still open as `closed: false` (and records a diagnostic); a stray closer is ignored
//! (diagnostic). Complexity: O(m) in the number of marks (each is pushed and popped at most once).

use crate::model::{Diagnostic, Quote, QuoteKind};
use crate::scan::Mark;

/// Spaces allowed between a guillemet and its content.
pub fn is_padding(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t')
}

/// Pairs marks into quotes sorted by start, parents before children.
pub fn pair(text: &str, marks: &[Mark]) -> (Vec<Quote>, Vec<Diagnostic>) {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut diags = Vec::new();
    let mut stack: Vec<usize> = Vec::new(); // indices into `quotes`
    for m in marks {
        match m.ch {
            '«' => {
                let parent = stack.last().copied();
                quotes.push(open_quote(m, parent));
                stack.push(quotes.len() - 1);
            }
            '»' => match stack.pop() {
                Some(qi) => {
                    if let Some(q) = quotes.get_mut(qi) {
                        close_quote(q, text, m.end(), "»", true);
                    }
                }
                None => diags.push(Diagnostic {
                    start: m.pos,
                    end: m.end(),
                    code: "strayCloser".into(),
                    message: "A closing guillemet » with no opening « before it was ignored."
                        .into(),
                }),
            },
            _ => {
                // Paragraph break: whatever is open ends here, unclosed.
                while let Some(qi) = stack.pop() {
                    if let Some(q) = quotes.get_mut(qi) {
                        close_quote(q, text, m.pos, "", false);
                        diags.push(unclosed(q));
                    }
                }
            }
        }
    }
    while let Some(qi) = stack.pop() {
        if let Some(q) = quotes.get_mut(qi) {
            close_quote(q, text, text.len(), "", false);
            diags.push(unclosed(q));
        }
    }
    diags.sort_by_key(|d| d.start);
    (quotes, diags)
}

fn unclosed(q: &Quote) -> Diagnostic {
    Diagnostic {
        start: q.start,
        end: q.start + q.open.len(),
        code: "unclosed".into(),
        message: "This guillemet is never closed: the quote was ended at the end of its paragraph."
            .into(),
    }
}

fn open_quote(m: &Mark, parent: Option<usize>) -> Quote {
    Quote {
        start: m.pos,
        end: m.end(),
        content_start: m.end(),
        content_end: m.end(),
        open: m.ch.to_string(),
        close: String::new(),
        kind: QuoteKind::Direct,
        closed: false,
        parent,
        speaker: None,
        cue: None,
        method: None,
    }
}

/// Sets the end of `q` at byte `end` (after the closing mark, if any) and trims the padding
/// and, for unclosed quotes, trailing white space.
fn close_quote(q: &mut Quote, text: &str, end: usize, close: &str, closed: bool) {
    let inner_end = end - close.len();
    let inner = text.get(q.content_start..inner_end).unwrap_or("");
    let lead = inner.len() - inner.trim_start_matches(is_padding).len();
    let trimmed = if closed {
        inner.trim_end_matches(is_padding)
    } else {
        inner.trim_end()
    };
    q.content_start += lead;
    q.content_end = (q.content_start + trimmed.len().saturating_sub(lead)).max(q.content_start);
    q.end = if closed { end } else { q.content_end };
    q.close = close.to_string();
    q.closed = closed;
}
