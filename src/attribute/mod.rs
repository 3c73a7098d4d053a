//! Stage 4 — attribute: finds the speaker and speech verb of each `direct` and `partial` quote.
//!
//! The text around a quote is cut into bounded windows ([`BEFORE`] bytes before the opening
//! mark, [`AFTER`] bytes after the closing one — read only up to the first sentence end — and at
//! most [`INSIDE`] bytes of the content) and tokenised by hand; every rule reads only those
//! tokens, so the stage is O(number of quotes × window) and does no work on text far from any
//! quote. Speech verbs come from [`crate::lexicon`] (one hash lookup per word). Windows before a
//! quote are tokenised back from the quote only as far as the rules read (from a *sync point*,
//! where a tokeniser that started earlier yields the same tokens), reusing tokens already held
//! for the same stretch; the output is exactly that of tokenising the whole window.
//!
//! Files: `tokens.rs` (the tokeniser, word tests, sentence starts), `windows.rs` (which stretch
//! each rule reads, tokenised once and reused), `verbs.rs` (speech-verb groups), `nouns.rs`
//! (mentions, names, subjects), `rules.rs` (rules 1–5), `discourse.rs` (rule 6, pronoun
//! antecedents, the speaker history); [`attribute`] below is the rule loop. Rules, in order:
//!
//! 1. an incise inside the marks: `«Q1, dit-elle, Q2»`, in fiction also after `!`, `?`, `…`
//!    (`«Trop tard ! fit-il en hochant la tête, trop tard !»`), an inverted one, or one whose
//!    subject is followed by a prepositional complement (`me dit le curé au bout d'un moment ;`),
//!    carrying a long tail up to its punctuation ([`Method::InsideQuote`]); only in the quote's
//!    first paragraph (further on, in a story told over several `«`-reopened paragraphs, an
//!    incise belongs to words quoted inside it);
//! 2. an incise after the quote: `«Q», a déclaré X`, `«Q», s'est félicitée X`, `«Q», a-t-il
//!    ajouté`, `«Q» répondit Paul`, `«Q», lui dis-je` ([`Method::AfterQuote`]), with adverbs,
//!    dates, places and commas skipped before the subject (`a souligné mercredi à Lyon le maire`);
//!    `a-t-on appris`, `peut-on lire`, `faut-il rappeler` give no speaker. Without a comma only a
//!    simple or inverted verb counts (`«Le Monde» a révélé…` makes the quote a subject);
//! 3. a signature: `«Q» — X` ([`Method::Signature`]); a headline's quote opening its line and
//!    followed by the full name of the sentence's subject (`«Q» Marie Durand claque la porte`);
//! 4. `«Q», selon X`, `«Q», d'après X` ([`Method::Source`]); then an incise or a source that
//!    closes the quote's sentence further on (`«Q» en termes de tenue de route, précise le
//!    constructeur.`, [`Method::AfterQuote`]; `… de poids selon Murray.`, [`Method::Source`]);
//!    then, for a partial quote, the agent of a speech verb's passive (`une décision qualifiée
//!    de «Q» par la gauche`, [`Method::ClauseSubject`]);
//! 5. a speech verb before the quote in its sentence — after a colon (also on the line before),
//!    after `que`, or embedding a partial quote: its subject, found back over clitics, auxiliaries,
//!    adverbs, appositions (`Le chef …, Wang Yi, a …`), relative clauses (`X, qui …, a prévenu`)
//!    and brackets, or the antecedent of `qui` (`une voix qui disait :`) ([`Method::BeforeQuote`],
//!    [`Method::ClauseSubject`]); a verb in a relative clause yields to a main-clause verb for a
//!    partial quote; a gerund or infinitive (`en disant :`, `ne cessait de répéter :`) takes the
//!    subject of the sentence (a narrative infinitive its own: `Et Paul de répondre :`, `c'était au tour de ma
//!    mère de dire :`); a verb
//!    coordinated after other clauses takes the subject of the
//!    last one that has its own (`Marthe se tut, mais Paul se leva et lui dit :` → Paul), over
//!    participles and object pronouns (`et, s'approchant de Roger, lui dit`); the narrator's
//!    first person is a speech verb too (`je dis :`, `j'ajoutai :`, `je lui ai répondu :`), and
//!    a verb of memory gives the words to the one named before the colon (`Je me rappelle la
//!    réponse du médecin :`); then `Selon X`/`D'après X` in the sentence and a sentence-initial
//!    `Pour X,` ([`Method::Source`]); then, after a colon or for a partial quote, the subject of
//!    the sentence (past a leading participle and its complement: `Invité de France Inter, le
//!    ministre…`) — but not for a fragment whose embedding verb has a subject of its own that
//!    cannot speak (`La BCE maintient ses taux, les marchés saluent une «Q»`: no speaker);
//! 6. otherwise ([`Method::Continuation`]): in a dialogue of dash-led paragraphs (`— «…»`, or
//!    turns `— Oui.` inside one pair of guillemets) the other speaker of the exchange (with none
//!    yet, the one the narration names just before the first turn: `Elle vit un enfant sur le
//!    seuil.⏎« Qui es-tu ? » demanda-t-elle.⏎« Le fils du meunier. »`, else the narrator that
//!    narration names as `me`: `Luce vint me trouver.`) — after a
//!    turn whose speaker is unknown, the speaker of the turn before it; never the previous
//!    turn's speaker read again from its incise; else the previous speaker when at most a few words lie
//!    between (unless they are a sentence of their own whose subject can speak: `Le cousin
//!    s'inclina. «Q»`), or when they are a sentence with no subject leading to the quote by a
//!    colon: `Puis, après un silence : «Q»`); else the subject of the sentence just before (`Noël ralentit. «Q»`), never from
//!    inside a quote and never the narrator. Never the one the quote calls by name either (a
//!    vocative, `« Bonjour, Marthe. »`, `« Merci, monsieur le curé ! »`): spoken to, not
//!    speaking; the last other speaker of the exchange instead, else no one. The one a turn's cue
//!    names as spoken to (`demanda Paul à Marthe :`, `dit à la fermière :`, `demanda au curé`,
//!    `dit-il en s'adressant à Athos`, `en se tournant vers sa mère`, or
//!    `lui` for the one other person its sentence
//!    names: `Le marin s'approcha de Roger et lui dit :`, `se tourna vers la fermière et lui
//!    dit`; the narrator for `me demanda le
//!    passeur`), or that the turn itself calls (a vocative: a role, `« Vous vouliez me parler,
//!    lieutenant ? »`, a name after a courtesy word or one who has spoken) answers the next turn. The dashes are `—`, `–`, `―` and `--`; in a narrative
//!    text (see [`crate::document`]) a quote that opens a new paragraph right after the previous
//!    quote's (`« Qui est là ? » demanda-t-elle.⏎« Le fils du meunier. »`) is a turn as well.
//!
//! Pronoun subjects (`il`, `elle`, `ils`, `elles`) are resolved to an antecedent: another subject
//! of the same sentence, the previous quote's speaker when only quotes and incises lie between,
//! the subject of the previous sentence (the one `Il y avait X` introduces, or a last clause's
//! `…, et une vieille femme ouvrit`; when that subject is the same pronoun, `Il regardait la
//! pluie.`, its own antecedent, up to three sentences back; in a narrative text, past a sentence
//! whose subject is a thing, `La lampe fumait.`),
//! else the most recent speaker the text showed with that gender; gender must agree where the text shows it (the pronoun, `M.`/`Mme`, the article,
//! `s'est dite`, or for a name an earlier pronoun resolved to it), never the narrator `je` and
//! never the one the quote calls. A demonstrative (`Cette dernière`, `ce dernier`, `celle-ci`,
//! `celui-ci`) stands for the last proper name before it in its sentence or the one before,
//! subject or not. `on` never becomes a
//! speaker; the narrator `je` (`je dis :`, `lui dis-je`) is a speaker without a name (one entry
//! of the speakers list, see [`crate::resolve`]); pronouns
//! inside a quote are never read.
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
mod windows;

use crate::model::{Method, Quote, QuoteKind};
use crate::text::TrimBy;

use discourse::Discourse;
use nouns::{is_medium_mention, speaks};
use rules::{
    after_incise, before_quote, closing_incise, headline, inside_incise, owned_words,
    passive_agent, relayed_source, side_of, signature, source_after, Found,
};
use tokens::sentence_start;
use windows::{content_closed_by_punct, content_closed_by_sentence, Windows};

/// How far before a quote's opening mark the rules look, in bytes.
pub const BEFORE: usize = 420;
/// How far after a quote's closing mark the rules look, in bytes.
pub const AFTER: usize = 240;
/// How much of a quote's content the inside-incise rule reads, in bytes.
pub const INSIDE: usize = 600;
/// Previous sentence window for pronoun antecedents, in bytes.
const PREV_SENTENCE: usize = 300;

/// Fills [`Quote::speaker`], [`Quote::cue`] and [`Quote::method`]: the rules of the module doc,
/// in order, for every statement quote (terms and nested quotes are skipped).
pub fn attribute(text: &str, quotes: &mut [Quote], narrative: &mut crate::document::Narrative) {
    let starts = quotes
        .iter()
        .filter_map(QuoteAt::of)
        .map(|q| q.start)
        .collect();
    let mut win = Windows::new(text, starts);
    let mut talk = Discourse::default();
    talk.narrative = *narrative;
    let mut budget = crate::resolve::OutputBudget::new();
    for qi in 0..quotes.len() {
        if let Some(q) = quotes.get(qi) {
            budget.quote(q.end);
        }
        let Some(q) = quotes.get(qi).and_then(QuoteAt::of) else {
            continue;
        };
        win.enter(&q);
        let found = win
            .inside(&q)
            .and_then(|toks| inside_incise(text, toks)) // 1. «Q1, dit-elle, Q2»
            .or_else(|| {
                let punct = content_closed_by_punct(text, &q);
                after_incise(text, win.after(&q), punct) // 2. «Q», a déclaré X
            })
            .or_else(|| signature(text, win.after(&q))) // 3. «Q» — X
            .or_else(|| {
                // 3b. «Q» X fait…
                let lede = !q.partial && content_closed_by_sentence(text, &q);
                headline(text, win.after(&q), opens_line(text, &q), lede)
            })
            .or_else(|| source_after(text, win.after(&q))) // 4. «Q», selon X
            .or_else(|| closing_incise(text, win.after(&q))) // 4b. «Q» …, précise X.
            .or_else(|| {
                // 4c. une mesure qualifiée de «Q» par X
                let (before, after) = win.around(&q);
                q.partial
                    .then(|| passive_agent(text, before, after))
                    .flatten()
            });
        // A medium's incise after a fragment (`X s'est dit «Q», rapporte la BBC`) yields to the
        // subject that embeds it (rule 5), when that one can speak.
        let (found, mut relay) = match found {
            Some(f) if q.partial && relays(text, &f) => (None, Some(f)),
            f => (f, None),
        };
        let found = found
            .or_else(|| {
                // 5. X a dit : «Q»
                let (before, after) = win.around(&q);
                let f = before_quote(text, before, after, q.partial);
                f.filter(|f| relay.is_none() || f.mention.as_ref().is_some_and(|m| speaks(text, m)))
                    .or(relay.take())
            })
            .map(|mut f| {
                // 2″. `on` speaking for a group named with `du côté de` or `chez` (`«Q»,
                // explique-t-on du côté de la mairie`): the mention `on`, the group's name.
                if f.mention.as_ref().is_some_and(|m| {
                    m.none
                        && text
                            .get(m.start..m.end)
                            .is_some_and(|s| s.eq_ignore_ascii_case("on"))
                }) {
                    let side = match f.method {
                        Method::AfterQuote => side_of(text, win.after(&q), 0),
                        _ => None,
                    }
                    .or_else(|| {
                        let toks = win.before(&q);
                        side_of(text, toks, sentence_start(toks))
                    })
                    .or_else(|| {
                        // `Le communiqué du groupe se veut apaisant : «Q», peut-on (y) lire`:
                        // the document the sentence is about, and so its owner.
                        let reads = f.cue.as_ref().is_some_and(|c| c.lemma == "lire");
                        let toks = win.before(&q);
                        let m = reads
                            .then(|| {
                                nouns::sentence_subject(
                                    text,
                                    toks,
                                    sentence_start(toks),
                                    toks.len(),
                                )
                            })
                            .flatten()?;
                        owned_words(text, &m)
                    });
                    // The mention stays `on` (what the text says), named after the group.
                    if let (Some(side), Some(on)) = (side, f.mention.as_mut()) {
                        on.name = side.name;
                        on.gender = side.gender;
                        on.none = false;
                    }
                }
                // 2′. `Selon X, «Q», rapporte l'agence`: the medium only relays X's words.
                match relays(text, &f) {
                    true => relayed_source(text, win.before(&q)).unwrap_or(f),
                    false => f,
                }
            });
        let said = match found {
            Some(f) => talk.speaker_of(f, &mut win.before, text, quotes, &q),
            // 6. continuation — not past an incise whose subject is no one who speaks (`«Q»,
            // affiche un panneau`).
            None if quotes
                .get(qi)
                .is_some_and(|x| crate::classify::has_incise_after(text, x)) =>
            {
                talk.nobody(text, &q)
            }
            None => talk.floating(&mut win.before, text, quotes, &q),
        };
        // A continuation past the output budget (issue #17) is not kept (nor remembered): no
        // copy of the speaker per quote of a hostile run.
        let fits = said
            .speaker
            .as_ref()
            .is_none_or(|s| budget.speaker(s, said.cue.as_deref(), said.method));
        if fits {
            talk.remember(&said, qi, &q);
        }
        if let Some(out) = quotes.get_mut(qi) {
            if said.cue.is_some() {
                out.cue = said.cue;
            }
            if fits {
                out.method = said.method;
                out.speaker = said.speaker.map(Box::new);
            }
        }
    }
    *narrative = talk.narrative;
}

/// Is the attribution a medium's incise (`rapporte l'agence`)? A verb of relaying (`rapporte
/// France Bleu`, `relate le quotidien`) marks a medium as well, whatever its name.
fn relays(text: &str, f: &Found) -> bool {
    let relaying = f
        .cue
        .as_ref()
        .is_some_and(|c| matches!(c.lemma.as_ref(), "rapporter" | "relater" | "relayer"));
    f.method == Method::AfterQuote
        && f.mention
            .as_ref()
            .is_some_and(|m| relaying || is_medium_mention(text, m))
}

/// Does the quote open its line (only spaces between the line's start and the opening mark)?
fn opens_line(text: &str, q: &QuoteAt) -> bool {
    text.get(..q.start)
        .map(|before| before.trim_end_by(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}')))
        .is_some_and(|b| b.is_empty() || b.ends_with('\n'))
}

/// The fields of a quote the rules read.
struct QuoteAt {
    start: usize,
    end: usize,
    content_start: usize,
    content_end: usize,
    partial: bool,
    /// The end of the cue the quote already holds (set by an earlier stage), if any.
    cue_end: Option<usize>,
}

impl QuoteAt {
    /// A statement quote's fields; `None` for terms and nested quotes.
    fn of(q: &Quote) -> Option<QuoteAt> {
        (q.kind != QuoteKind::Term && q.parent.is_none()).then(|| QuoteAt {
            start: q.start,
            end: q.end,
            content_start: q.content_start,
            content_end: q.content_end,
            partial: q.kind == QuoteKind::Partial,
            cue_end: q.cue.as_ref().map(|c| c.end),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::tokens::tokenize;
    use super::verbs::verb_at;

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
