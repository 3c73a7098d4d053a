//! Discourse state across quotes: the speaker history, dialogue dashes and paragraph starts,
//! the continuation rule (rule 6) and the antecedents of pronouns.

use crate::model::{Method, Quote, Speaker};
use crate::text::{ceil_boundary, floor_boundary, is_padding};

use super::{nouns::*, tokens::*};
use super::{BEFORE, PREV_SENTENCE};

/// What the driver remembers of an attributed quote.
#[derive(Clone, Debug)]
pub(super) struct Said {
    /// End of the quote or of its incise, whichever is later.
    pub(super) quote_end: usize,
    /// The quote, whose speaker is set.
    pub(super) qi: usize,
    pub(super) fem: Option<bool>,
    pub(super) paragraph_start: usize,
}

/// Does the quote open a dialogue line (`— «…»` at the start of a paragraph)?
pub(super) fn dialogue_dash(text: &str, at: usize) -> bool {
    let from = floor_boundary(text, at.saturating_sub(16));
    let head = text.get(from..at).unwrap_or("");
    let t = head.trim_end_matches(|c: char| c.is_whitespace() || is_padding(c));
    let Some(rest) = t.strip_suffix(['—', '–', '-']) else {
        return false;
    };
    let rest = rest.trim_end_matches(|c: char| (c.is_whitespace() || is_padding(c)) && c != '\n');
    rest.is_empty() && from == 0 || rest.ends_with('\n')
}

/// Start of the paragraph holding byte `at` (bounded search back). `seen` remembers the last
/// search (its range and the last line break in it) so that quotes in text order search only the
/// text after the previous quote.
pub(super) fn paragraph_start(
    text: &str,
    at: usize,
    seen: &mut (usize, usize, Option<usize>),
) -> usize {
    let from = floor_boundary(text, at.saturating_sub(BEFORE * 4));
    let (lo, hi, nl) = *seen;
    let found = if lo <= from && from <= hi && hi <= at {
        let hay = text.get(hi..at).unwrap_or("");
        count_work(hay.len());
        match hay.rfind('\n') {
            Some(p) => Some(hi + p),
            None => nl.filter(|&n| n >= from),
        }
    } else {
        let hay = text.get(from..at).unwrap_or("");
        count_work(hay.len());
        hay.rfind('\n').map(|p| from + p)
    };
    *seen = (from, at, found);
    match found {
        Some(n) => n + 1,
        None => from,
    }
}

/// A speaker the history points to (always set: only attributed quotes enter the history).
pub(super) fn said_speaker<'a>(quotes: &'a [Quote], h: &Said) -> &'a Speaker {
    static NONE: Speaker = Speaker {
        start: 0,
        end: 0,
        text: String::new(),
        name: None,
        id: None,
    };
    quotes
        .get(h.qi)
        .and_then(|q| q.speaker.as_deref())
        .unwrap_or(&NONE)
}

/// A quote with no cue of its own: in a dialogue of dash-led paragraphs, the other speaker of
/// the exchange; else the previous speaker when only a few words lie between; else the subject of
/// the sentence just before (`Noël ralentit. «Q»`).
pub(super) fn floating<'t>(
    back: &mut Back<'t>,
    text: &'t str,
    quotes: &[Quote],
    history: &[Said],
    at: usize,
    dash: bool,
    para: usize,
) -> (Option<Speaker>, Option<bool>, Option<Method>) {
    if let Some(prev) = history.last() {
        let gap = text.get(prev.quote_end..at).unwrap_or("");
        count_work(gap.len().min(BEFORE));
        if gap.len() < 400 {
            let breaks = gap.matches('\n').count();
            let gap_words = gap
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            if dash && breaks >= 1 && gap_words <= 8 {
                // A new turn: the most recent other speaker.
                let other = history.iter().rev().skip(1).take(4).find(|h| {
                    let (hs, ps) = (said_speaker(quotes, h), said_speaker(quotes, prev));
                    hs.name != ps.name
                        && hs.text != ps.text
                        && at.saturating_sub(h.quote_end) < 3000
                });
                if let Some(o) = other {
                    return (
                        Some(said_speaker(quotes, o).clone()),
                        o.fem,
                        Some(Method::Continuation),
                    );
                }
            } else if gap_words <= 3 && (breaks <= 1 || prev.paragraph_start == para || !dash) {
                return (
                    Some(said_speaker(quotes, prev).clone()),
                    prev.fem,
                    Some(Method::Continuation),
                );
            }
        }
    }
    // The subject of the previous sentence, when the quote opens its own sentence.
    let from = ceil_boundary(text, at.saturating_sub(PREV_SENTENCE));
    back.tokenize(text, from, at, 2, |t| {
        // Enough when the quote's sentence already holds a word (the rule stops there).
        sentence_start_known(t)
            .is_some_and(|s| t.get(s..).is_some_and(|r| r.iter().any(Tok::is_word)))
            || two_sentences_known(t)
    });
    let toks: &[Tok] = &back.toks;
    let start = sentence_start(toks);
    if toks
        .get(start..)
        .is_some_and(|r| r.iter().any(Tok::is_word))
    {
        return (None, None, None);
    }
    let mut end = start;
    while end > 0 && toks.get(end - 1).is_some_and(|t| !t.is_word()) {
        end -= 1;
    }
    let prev = toks.get(..end).unwrap_or(&[]);
    let ps = sentence_start(prev);
    // Not from inside a quote, and not the narrator.
    if prev
        .get(ps..)
        .is_some_and(|r| r.iter().any(|t| matches!(t.punct(), Some('«' | '“' | '„'))))
    {
        return (None, None, None);
    }
    // The subject of the last clause when it is a pronoun after `mais`/`et`/`puis`
    // (`Elle refusait, mais il la tirait par la main.`), else of the sentence.
    let last_clause = (ps..prev.len()).rev().find_map(|k| {
        let c = prev.get(k)?;
        let p = prev.get(k + 1)?;
        (in_list(c, &["mais", "et", "puis"]) && tok_pronoun(p).is_some())
            .then(|| mention_of(text, prev, k + 1, k + 1))
            .flatten()
    });
    let Some(m) = last_clause.or_else(|| sentence_subject(text, prev, ps, prev.len())) else {
        return (None, None, None);
    };
    let narrator = text
        .get(m.start..m.end)
        .is_some_and(|t| matches!(t.to_lowercase().as_str(), "je" | "j'" | "j’"));
    if m.none || narrator {
        return (None, None, None);
    }
    let name = if let Some((pfem, _)) = m.pronoun {
        history
            .iter()
            .rev()
            .find(|h| h.fem.is_none() || h.fem == Some(pfem))
            .and_then(|h| said_speaker(quotes, h).name.clone())
    } else {
        m.name.clone()
    };
    let speaker = Speaker {
        start: m.start,
        end: m.end,
        text: text.get(m.start..m.end).unwrap_or("").to_string(),
        name,
        id: None,
    };
    (Some(speaker), m.fem, Some(Method::Continuation))
}

/// The name a pronoun stands for: another subject of the same sentence (`X eut l'air surpris,
/// mais il sourit`); the previous quote's speaker when only quotes and incises lie between; else
/// the subject of the previous sentence; else the latest speaker of that gender.
pub(super) fn antecedent<'t>(
    back: &mut Back<'t>,
    text: &'t str,
    quotes: &[Quote],
    history: &[Said],
    at: usize,
    pron_start: usize,
    fem: Option<bool>,
) -> Option<String> {
    let agrees_m = |m: &Mention| {
        !m.none && m.pronoun.is_none() && (fem.is_none() || m.fem.is_none() || m.fem == fem)
    };
    let agrees = |s: &Said| fem.is_none() || s.fem.is_none() || s.fem == fem;
    let from = ceil_boundary(text, at.saturating_sub(PREV_SENTENCE));
    back.tokenize(text, from, at, 2, two_sentences_known);
    let toks: &[Tok] = &back.toks;
    let start = sentence_start(toks);
    if let Some(m) = sentence_subject(text, toks, start, toks.len()) {
        if agrees_m(&m) && m.end <= pron_start {
            return m.name;
        }
    }
    let mut end = start;
    while end > 0 && toks.get(end - 1).is_some_and(|t| !t.is_word()) {
        end -= 1;
    }
    let prev = toks.get(..end).unwrap_or(&[]);
    let ps = sentence_start(prev);
    let prev_from = prev.get(ps).map_or(at, |t| t.start);
    if let Some(h) = history.last() {
        // The previous sentence holds (or ends with) the previous quote.
        if (h.quote_end >= prev_from || prev.is_empty()) && agrees(h) {
            return said_speaker(quotes, h).name.clone();
        }
    }
    let quoted = prev
        .get(ps..)
        .is_some_and(|r| r.iter().any(|t| matches!(t.punct(), Some('«' | '“' | '„'))));
    if !quoted {
        if let Some(m) = sentence_subject(text, prev, ps, prev.len()) {
            if agrees_m(&m) {
                return m.name;
            }
        }
    }
    history
        .iter()
        .rev()
        .find(|h| agrees(h))
        .and_then(|h| said_speaker(quotes, h).name.clone())
}
