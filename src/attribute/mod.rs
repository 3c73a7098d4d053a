//! Stage 4 — attribute: finds the speaker and speech verb of each `direct` and `partial` quote.
//!
//! The text around a quote is cut into bounded windows ([`BEFORE`] bytes before the opening
//! mark, [`AFTER`] bytes after the closing one — read only up to the first sentence end — and at
//! most [`INSIDE`] bytes of the content) and tokenised by hand; every rule reads only those
//! tokens, so the stage is O(number of quotes × window) and does no work on text far from any
//! quote. Speech verbs come from [`crate::lexicon`] (one hash lookup per word). Windows before a
//! quote are tokenised back from the quote only as far as the rules read (from a *sync point*,
//! where a tokeniser that started earlier yields the same tokens), reusing tokens already held
//! for the same stretch; the output is exactly that of tokenising the whole window. Rules, in
//! order:
//!
//! 1. an incise inside the marks: `«Q1, dit-elle, Q2»` ([`Method::InsideQuote`]);
//! 2. an incise after the quote: `«Q», a déclaré X`, `«Q», s'est félicitée X`, `«Q», a-t-il
//!    ajouté`, `«Q» répondit Paul`, `«Q», lui dis-je` ([`Method::AfterQuote`]), with adverbs,
//!    dates, places and commas skipped before the subject (`a souligné mercredi à Lyon le maire`);
//!    `a-t-on appris`, `peut-on lire`, `faut-il rappeler` give no speaker. Without a comma only a
//!    simple or inverted verb counts (`«Le Monde» a révélé…` makes the quote a subject);
//! 3. a signature: `«Q» — X` ([`Method::Signature`]);
//! 4. `«Q», selon X`, `«Q», d'après X` ([`Method::Source`]);
//! 5. a speech verb before the quote in its sentence — after a colon (also on the line before),
//!    after `que`, or embedding a partial quote: its subject, found back over clitics, auxiliaries,
//!    adverbs, appositions (`Le chef …, Wang Yi, a …`), relative clauses (`X, qui …, a prévenu`)
//!    and brackets, or the antecedent of `qui` (`une voix qui disait :`) ([`Method::BeforeQuote`],
//!    [`Method::ClauseSubject`]); a verb in a relative clause yields to a main-clause verb for a
//!    partial quote; a gerund or infinitive (`en disant :`, `ne cessait de répéter :`) takes the
//!    subject of the sentence; then `Selon X`/`D'après X` in the sentence and a sentence-initial
//!    `Pour X,` ([`Method::Source`]); then, after a colon or for a partial quote, the subject of
//!    the sentence;
//! 6. otherwise ([`Method::Continuation`]): in a dialogue of dash-led paragraphs (`— «…»`) the
//!    other speaker of the exchange; else the previous speaker when at most a few words lie
//!    between; else the subject of the sentence just before (`Noël ralentit. «Q»`), never from
//!    inside a quote and never the narrator.
//!
//! Pronoun subjects (`il`, `elle`, `ils`, `elles`) are resolved to an antecedent: another subject
//! of the same sentence, the previous quote's speaker when only quotes and incises lie between,
//! the subject of the previous sentence, else the most recent speaker; gender must agree where
//! the text shows it (the pronoun, `M.`/`Mme`, the article, `s'est dite`). `on` never becomes a
//! speaker; the narrator `je` is a speaker without a name; pronouns inside a quote are never read.
//!
//! Edge cases: windows that would split a char (cut back to a boundary); a quote at either end of
//! the text (empty window); titles with a period (`M.`) and initials that do not end a sentence;
//! elided articles with either apostrophe (`l'`, `l’`); `-ment` nouns after an article
//! (`le gouvernement`) and verb-like nouns (`une note`) that are not adverbs or verbs.

mod discourse;
mod nouns;
mod rules;
mod tokens;
mod verbs;

use crate::model::{Cue, Method, Quote, QuoteKind, Speaker};
use crate::text::{ceil_boundary, floor_boundary, is_apostrophe, is_padding, is_quote_mark};

use discourse::*;
use rules::*;
use tokens::*;

/// How far before a quote's opening mark the rules look, in bytes.
pub const BEFORE: usize = 420;
/// How far after a quote's closing mark the rules look, in bytes.
pub const AFTER: usize = 240;
/// How much of a quote's content the inside-incise rule reads, in bytes.
pub const INSIDE: usize = 600;
/// Previous sentence window for pronoun antecedents, in bytes.
const PREV_SENTENCE: usize = 300;

/// Fills [`Quote::speaker`], [`Quote::cue`] and [`Quote::method`].
pub fn attribute(text: &str, quotes: &mut [Quote]) {
    let mut history: Vec<Said> = Vec::new();
    // Token buffers reused from quote to quote.
    let (mut after, mut inside, mut before) = (Vec::new(), Vec::new(), Back::new());
    let mut para_seen = (0, 0, None);
    // The last two after-quote windows: tokens of `text[from..stop)` when reusable.
    let mut prev_after = Vec::new();
    let mut after_span: Option<(usize, usize)> = None;
    let mut prev_after_span: Option<(usize, usize)> = None;
    for qi in 0..quotes.len() {
        let Some(q) = quotes.get(qi) else { break };
        if q.kind == QuoteKind::Term || q.parent.is_some() {
            continue;
        }
        // What the rules read of the quote; the results are written back at the end.
        let q = QuoteAt {
            start: q.start,
            end: q.end,
            content_start: q.content_start,
            content_end: q.content_end,
            kind: q.kind,
            cue_end: q.cue.as_ref().map(|c| c.end),
        };
        let mut cue: Option<Box<Cue>> = None;
        let method: Option<Method>;
        let partial = q.kind == QuoteKind::Partial;
        let mut found = None;
        // Windows are cut only when a rule reads them.
        let head = if partial {
            ""
        } else {
            let inside_to = floor_boundary(
                text,
                q.content_end.min(q.content_start.saturating_add(INSIDE)),
            );
            text.get(q.content_start..inside_to.max(q.content_start))
                .unwrap_or("")
        };
        if !partial && head.contains(',') {
            tokenize_into(
                &mut inside,
                text,
                q.content_start,
                head.len() + q.content_start,
                false,
            );
            found = inside_incise(text, &inside);
        }
        if found.is_none() {
            // The after-quote rules read the rest of the sentence after the quote.
            let after_to = floor_boundary(text, q.end.saturating_add(AFTER));
            // Keep the previous quote's after-window tokens: they may start the next window
            // before a quote.
            std::mem::swap(&mut after, &mut prev_after);
            prev_after_span = after_span;
            let read = tokenize_into(&mut after, text, q.end, after_to, true);
            // Reusable when tokenising stopped at a sentence end and started right after a
            // closing mark (a tokeniser that started earlier is there between two tokens).
            let after_mark = text
                .get(..q.end)
                .and_then(|h| h.chars().next_back())
                .is_some_and(|c| is_quote_mark(c) && !is_apostrophe(c));
            after_span = (read < after_to && after_mark).then_some((q.end, read));
            let content = text.get(q.content_start..q.content_end).unwrap_or("");
            let punct = content
                .trim_end_matches(is_padding)
                .ends_with(['.', '!', '?', '…', ',']);
            found = after_incise(text, &after, punct);
        }
        if found.is_none() {
            found = signature(text, &after);
        }
        if found.is_none() {
            found = source_after(text, &after);
        }
        if found.is_none() {
            let before_from = ceil_boundary(text, q.start.saturating_sub(BEFORE));
            // The previous after-quote window, when only a short stretch without sentence
            // punctuation lies between it and the quote: its tokens then the stretch's.
            if let Some((f, r)) = prev_after_span {
                let gap = text.get(r..q.start).unwrap_or("\n");
                if f >= before_from
                    && r <= q.start
                    && gap.len() <= 200
                    && !gap.contains(['.', '!', '?', ';', '\n', '\r', '\u{2029}', '…'])
                    && prev_after.last().is_some_and(|t| t.kind != Kind::Break)
                {
                    let _ = tokenize_into(&mut before.scratch, text, r, q.start, false);
                    std::mem::swap(&mut before.toks, &mut prev_after);
                    before.toks.append(&mut before.scratch);
                    (before.from, before.synced, before.to) = (f, true, q.start);
                    prev_after_span = None;
                }
            }
            // The rules read the quote's sentence (and the token before it) only.
            before.tokenize(text, before_from, q.start, 1, |t| {
                sentence_start_known(t).is_some()
            });
            found = before_quote(text, &before.toks, partial);
        }
        let para = paragraph_start(text, q.start, &mut para_seen);
        let mut speaker: Option<Speaker> = None;
        let mut fem = None;
        match found {
            Some(f) => {
                if let Some((s, e, lemma)) = f.cue {
                    cue = Some(Box::new(Cue {
                        start: s,
                        end: e,
                        text: text.get(s..e).unwrap_or("").to_string(),
                        lemma,
                    }));
                }
                method = Some(f.method);
                if f.mention.is_none() && f.method == Method::Continuation {
                    if let Some(prev) = history.last() {
                        speaker = Some(said_speaker(quotes, prev).clone());
                        fem = prev.fem;
                    }
                }
                if let Some(m) = f.mention {
                    if !m.none {
                        fem = m.fem.or(f.fem);
                        let name = if let Some((pfem, _)) = m.pronoun {
                            let g = f.fem.or(Some(pfem));
                            antecedent(&mut before, text, quotes, &history, q.start, m.start, g)
                        } else {
                            m.name.clone()
                        };
                        speaker = Some(Speaker {
                            start: m.start,
                            end: m.end,
                            text: text.get(m.start..m.end).unwrap_or("").to_string(),
                            name,
                            id: None,
                        });
                    }
                }
            }
            None => {
                let dash = dialogue_dash(text, q.start);
                let (s, f, m) = floating(&mut before, text, quotes, &history, q.start, dash, para);
                speaker = s;
                fem = f;
                method = m;
            }
        }
        if let Some(s) = &speaker {
            let cue_end = cue.as_ref().map(|c| c.end).or(q.cue_end);
            let attr_end = q.end.max(s.end).max(cue_end.unwrap_or(0));
            history.push(Said {
                quote_end: attr_end,
                qi,
                fem,
                paragraph_start: para,
            });
            if history.len() > 8 {
                history.remove(0);
            }
        }
        if let Some(out) = quotes.get_mut(qi) {
            if cue.is_some() {
                out.cue = cue;
            }
            out.method = method;
            out.speaker = speaker.map(Box::new);
        }
    }
}

/// The fields of a quote the rules read.
struct QuoteAt {
    start: usize,
    end: usize,
    content_start: usize,
    content_end: usize,
    kind: QuoteKind,
    cue_end: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::verbs::verb_at;
    use super::*;

    #[test]
    fn tokens_keep_titles_and_elisions() {
        let t = "M.\u{a0}Durand l'a dit, a-t-il ajouté.";
        let toks = tokenize(t, 0, t.len());
        let words: Vec<&str> = toks.iter().map(|t| t.s).collect();
        assert_eq!(
            words,
            ["M.", "Durand", "l'", "a", "dit", ",", "a-t-il", "ajouté", "."]
        );
    }

    #[test]
    fn verb_groups() {
        for (s, lemma) in [
            ("a déclaré", "déclarer"),
            ("s'est indignée", "s'indigner"),
            ("a-t-il ajouté", "ajouter"),
            ("confie-t-elle", "confier"),
            ("répondit-elle", "répondre"),
            ("avait prévenu", "prévenir"),
            ("déclarera", "déclarer"),
            ("lui dit", "dire"),
            ("a fait savoir", "faire savoir"),
            ("s'écria", "s'écrier"),
            ("a appelé à", "appeler à"),
            ("a mis en garde", "mettre en garde"),
        ] {
            let toks = tokenize(s, 0, s.len());
            let v = verb_at(&toks, 0).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(v.lemma, lemma, "{s}");
        }
    }

    /// 100 000 quotes with no cue anywhere: the work counted grows linearly (× 8 text, ≤ × 8.5
    /// work), counted rather than timed.
    #[test]
    fn linear_work() {
        fn work(n: usize) -> u64 {
            let text = "«Rien à signaler.» Le temps passe. ".repeat(n);
            let (a, w) = crate::analyze_counting(&text);
            assert_eq!(a.quotes.len(), n);
            w
        }
        let small = work(12_500);
        let big = work(100_000);
        assert!(small > 0);
        assert!(big <= small * 8 + small / 2, "work {small} → {big}");
    }

    /// The same with partial quotes and pronoun incises, which read the most windows.
    #[test]
    fn linear_work_with_cues() {
        fn work(n: usize) -> u64 {
            let text = "Le maire a dénoncé une «faute». «Non», a-t-il dit. ".repeat(n);
            crate::analyze_counting(&text).1
        }
        let small = work(2_000);
        let big = work(16_000);
        assert!(big <= small * 8 + small / 2, "work {small} → {big}");
    }
}
