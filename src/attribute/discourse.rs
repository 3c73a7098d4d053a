//! Discourse state across quotes: the speaker history, dialogue dashes and paragraph starts,
//! the continuation rule (rule 6) and the antecedents of pronouns.

use crate::lexicon::grammar::C_DET;
use crate::lexicon::Gender;
use crate::model::{Cue, Method, Quote, QuoteKind, Span, Speaker};
use crate::text::Lowercased;
use crate::text::TrimBy;
use crate::text::{ceil_boundary, floor_boundary, is_padding};

use super::rules::Found;
use super::{nouns::*, tokens::*};
use super::{QuoteAt, BEFORE, PREV_SENTENCE};

/// At most this many bytes, and words, lie between two undashed turns (the first one's incise).
const TURN_GAP: usize = 160;
const TURN_INCISE_WORDS: usize = 10;

/// How many attributed quotes the history keeps.
const HISTORY: usize = 8;

/// What attribution says of one quote.
pub(super) struct Attribution {
    pub(super) speaker: Option<Speaker>,
    pub(super) cue: Option<Box<Cue>>,
    pub(super) method: Option<Method>,
    /// The speaker's gender, where the text shows it.
    gender: Option<Gender>,
    /// Start of the quote's paragraph.
    paragraph_start: usize,
    /// The one spoken to, named after the cue (`demanda Paul à Marthe :`) or the narrator
    /// (`me demanda-t-il`).
    addressee: Option<Addressee>,
}

/// The state carried from quote to quote: the last attributed quotes and the last paragraph
/// search.
#[derive(Default)]
pub(super) struct Discourse {
    history: Vec<Said>,
    para_seen: (usize, usize, Option<usize>),
    /// The last two statement quotes, attributed or not: the dialogue turns of [`Turn`].
    turns: [Option<Turn>; 2],
    /// Is the text told in the narrative past? Read once, only when a quote paragraph with no
    /// cue asks, and shared with [`crate::document`].
    pub(super) narrative: crate::document::Narrative,
}

/// One statement quote as a dialogue turn: where it (or its incise) ends and the quote whose
/// speaker it has, if it has one. Unattributed turns count too: in `«Q1 ? demanda Paul.⏎— Q2⏎—
/// Q3»` the turn after the unknown one is Paul's again.
#[derive(Clone, Copy, Debug)]
struct Turn {
    start: usize,
    end: usize,
    spoke: Option<usize>,
    /// The one the turn's cue says it is spoken to (`demanda à Marthe`), who answers next.
    addressee: Option<Addressee>,
    /// The quote's content, where a vocative is read when a turn follows.
    content: (usize, usize),
}

impl Discourse {
    /// The speaker of a quote a rule attributed: the mention, a pronoun's antecedent, or the
    /// previous speaker for a narrative infinitive (`Et d'ajouter : «Q»`).
    pub(super) fn speaker_of<'t>(
        &mut self,
        f: Found,
        back: &mut Back<'t>,
        text: &'t str,
        quotes: &[Quote],
        q: &QuoteAt,
    ) -> Attribution {
        let paragraph_start = paragraph_start(text, q.start, &mut self.para_seen);
        let incise_end = f.mention.as_ref().map_or(0, |m| m.end);
        let cue = f.cue.map(|c| {
            let incise = (f.method == Method::InsideQuote)
                .then(|| incise_span(text, q, c.start, c.end.max(incise_end)));
            Box::new(Cue {
                start: c.start,
                end: c.end,
                text: text.get(c.start..c.end).unwrap_or("").to_string(),
                lemma: c.lemma,
                incise,
            })
        });
        let mut speaker = None;
        let mut gender = None;
        if f.mention.is_none() && f.method == Method::Continuation {
            match self.history.last() {
                Some(prev) => {
                    speaker = Some(said_speaker(quotes, prev).clone());
                    gender = prev.gender;
                }
                // No earlier speaker to continue (`Et d'ajouter : «Q»` after speech reported
                // without quotes): an attribution that names nobody is none (fuzz finding,
                // tests/fuzz_findings.rs).
                None => {
                    return Attribution {
                        speaker: None,
                        cue: None,
                        method: None,
                        gender: None,
                        paragraph_start,
                        addressee: None,
                    }
                }
            }
        }
        if let Some(m) = f.mention.filter(|m| !m.none) {
            gender = m.gender.or(f.gender);
            // `explique la sexagénaire`, `répond l'élu`: an epithet stands for the person
            // named before, found as a pronoun's antecedent; else it keeps its own words.
            let epithet = || text.get(m.start..m.end).is_some_and(is_epithet);
            let name = if m.demonstrative {
                demonstrative_referent(back, text, q.start, m.start, m.gender).or(m.name)
            } else if m.pronoun.is_some() || epithet() {
                let want = Agreement {
                    gender: m.pronoun.map_or(m.gender, |p| f.gender.or(Some(p.gender))),
                    plural: Some(m.pronoun.is_some_and(|p| p.plural)),
                    past_things: self.narrative.get(text),
                };
                // Not the one the quote is said to (`Il tendit la main au gouverneur : «
                // Merci, monsieur le gouverneur »`).
                let called = |n: &str| calls(text, q, n);
                let topic = m.pronoun.and_then(|_| topic_before(text, m.start));
                topic
                    .or_else(|| {
                        antecedent_within(
                            back,
                            text,
                            quotes,
                            &self.history,
                            q.start,
                            m.start,
                            want,
                            &called,
                            CHAIN,
                            false,
                        )
                    })
                    .or(m.name)
            } else {
                m.name
            };
            speaker = Some(mention_speaker(text, m.start, m.end, name, gender));
        }
        let addressee = cue.as_ref().and_then(|c| {
            let after = c.end.max(speaker.as_ref().map_or(0, |s| s.end));
            let named = addressee_after(text, after).or_else(|| {
                let mention = speaker
                    .as_ref()
                    .map_or(Span::default(), |s| Span::new(s.start, s.end));
                addressee_of_lui(text, c.start, mention)
            });
            // `me demanda le passeur`, `m'a-t-il dit`: said to the narrator, who answers.
            let clitic = c
                .text
                .split_inclusive(['\'', '’', ' '])
                .next()
                .unwrap_or("");
            let clitic = clitic.trim_end();
            let to_me = is_me(clitic) && !speaker.as_ref().is_some_and(is_narrator);
            // Never the speaker again (`Paul sourit à Hector. Hector lui dit :`).
            let named = named.filter(|n| {
                let word = text.get(n.start..n.end).unwrap_or("");
                !speaker.as_ref().is_some_and(|s| {
                    s.name.as_deref().is_some_and(|name| name.ends_with(word))
                        || s.text.ends_with(word)
                })
            });
            named
                .map(Addressee::Named)
                .or(to_me.then(|| Addressee::Narrator(Span::new(c.start, c.start + clitic.len()))))
        });
        Attribution {
            speaker,
            cue,
            method: Some(f.method),
            gender,
            paragraph_start,
            addressee,
        }
    }

    /// No speaker and no continuation: an incise follows the quote whose subject is no one who
    /// speaks (`«Q», affiche un panneau`).
    pub(super) fn nobody(&mut self, text: &str, q: &QuoteAt) -> Attribution {
        Attribution {
            speaker: None,
            cue: None,
            method: None,
            gender: None,
            paragraph_start: paragraph_start(text, q.start, &mut self.para_seen),
            addressee: None,
        }
    }

    /// Rule 6, for a quote no rule attributed: see [`floating`]. The one the quote calls by
    /// name or role (a vocative) answers the next turn.
    pub(super) fn floating<'t>(
        &mut self,
        back: &mut Back<'t>,
        text: &'t str,
        quotes: &[Quote],
        q: &QuoteAt,
    ) -> Attribution {
        self.floating_speaker(back, text, quotes, q)
    }

    /// The one a quote calls by name (a name some recent quote's speaker bears, or one after a
    /// courtesy word: `monsieur Duflot`, `mon cher Romuald`) or by a role (`lieutenant`,
    /// `monsieur le curé`), as [`Addressee::Named`].
    fn vocative(&self, text: &str, quotes: &[Quote], content: (usize, usize)) -> Option<Addressee> {
        let known = |name: &str| {
            self.history.iter().any(|h| {
                said_speaker(quotes, h)
                    .name
                    .as_deref()
                    .and_then(|n| n.split_whitespace().next_back())
                    == Some(name)
            })
        };
        vocative_span(text, content, known).map(Addressee::Named)
    }

    fn floating_speaker<'t>(
        &mut self,
        back: &mut Back<'t>,
        text: &'t str,
        quotes: &[Quote],
        q: &QuoteAt,
    ) -> Attribution {
        let para = paragraph_start(text, q.start, &mut self.para_seen);
        let dash = dialogue_dash(text, q.start)
            || opens_with_dash(text, q.start)
            || self.undashed_turn(text, q, para);
        if dash {
            if let Some(a) = self.alternate(text, quotes, q.start, para) {
                if !addressed(text, q, a.speaker.as_ref()) {
                    return a;
                }
            }
        }
        let (mut speaker, mut gender, mut method) =
            floating(back, text, quotes, &self.history, q.start, dash, para);
        if addressed(text, q, speaker.as_ref()) {
            // The one the quote calls by name is spoken to (`« Bonjour, Marthe. »`): the speaker
            // is the other side of the exchange, the last other speaker if there is one.
            let other = self.history.iter().rev().take(4).find(|h| {
                let hs = said_speaker(quotes, h);
                q.start.saturating_sub(h.quote_end) < EXCHANGE
                    && !addressed(text, q, Some(hs))
                    && speaker.as_ref().is_some_and(|s| s.name != hs.name)
            });
            (speaker, gender, method) = match other {
                Some(o) => (
                    Some(said_speaker(quotes, o).clone()),
                    o.gender,
                    Some(Method::Continuation),
                ),
                None => (None, None, None),
            };
        }
        Attribution {
            speaker,
            cue: None,
            method,
            gender,
            paragraph_start: para,
            addressee: None,
        }
    }

    /// A dialogue turn written without a dash, as many novels do: in a narrative text, a quote
    /// that opens its paragraph right after the paragraph of the previous quote (only that
    /// quote's incise between: `« Tu viens ? » demanda Paul.⏎« Non. »`). A new paragraph of
    /// dialogue is a new speaker there, where news goes on quoting the same source.
    fn undashed_turn(&mut self, text: &str, q: &QuoteAt, para: usize) -> bool {
        let opens_paragraph = text
            .get(para..q.start)
            .is_some_and(|h| h.chars().all(|c| c.is_whitespace() || is_padding(c)));
        let Some(prev) = self.turns[1] else {
            return false;
        };
        // The previous quote ends the paragraph before, or only its incise follows it there
        // (one sentence of at most a few words).
        let gap = text.get(prev.end..para).unwrap_or("");
        opens_paragraph
            && para > prev.end
            && gap.len() < TURN_GAP
            && !gap.trim_end().contains('\n')
            && incise_only(gap)
            && self.narrative.get(text)
    }

    /// Turn alternation in a dialogue: a dash-led turn with no cue, right after a turn whose
    /// speaker is unknown, is the speaker of the turn before that one (`«Vous partez ? demanda
    /// le passeur.⏎— Oui.⏎— Seul ?»`: the third turn is the passeur's). `None` when the turns
    /// are not adjacent lines of one exchange or the turn two back has no speaker either.
    fn alternate(
        &self,
        text: &str,
        quotes: &[Quote],
        at: usize,
        paragraph_start: usize,
    ) -> Option<Attribution> {
        // The one the previous turn was said to (`demanda Paul à Marthe :`), or called by name
        // or role (read only now, when a turn follows it), answers it.
        let to = self.turns[1]
            .filter(|t| adjacent_turns(text, t.end, at))
            .and_then(|t| {
                t.addressee.or_else(|| {
                    self.vocative(text, quotes, t.content)
                        .map(|v| self.called_back(text, quotes, t, v))
                })
            });
        if let Some(to) = to {
            // The narrator (`me demanda-t-il`): their last turn in the exchange, else the
            // `me` the turn was said to, a narrator who answers before having spoken (never the
            // one who asked).
            if let Addressee::Narrator(me_at) = to {
                let s = narrator_speaker(&self.history, quotes, text, me_at, at);
                return Some(continued(s, None, paragraph_start));
            }
            if let Addressee::Turn(qi) = to {
                if let Some(h) = self.history.iter().rev().find(|h| h.qi == qi) {
                    let s = said_speaker(quotes, h).clone();
                    return Some(continued(s, h.gender, paragraph_start));
                }
            }
            if let Addressee::Named(to) = to {
                return Some(continued(role_speaker(text, to), None, paragraph_start));
            }
        }
        let [Some(two_back), Some(prev)] = self.turns else {
            return None;
        };
        if prev.spoke.is_some() || !adjacent_turns(text, prev.end, at) {
            return None;
        }
        let qi = two_back.spoke?;
        if !adjacent_turns(text, two_back.end, prev.start) {
            return None;
        }
        let said = self.history.iter().rev().find(|h| h.qi == qi)?;
        let s = said_speaker(quotes, said).clone();
        Some(continued(s, said.gender, paragraph_start))
    }

    /// The one a turn calls by a role (`« Oui, maman. »`) when that turn answers someone else's
    /// (the turn before it, adjacent): the one who spoke that turn, as the story named them,
    /// rather than the role word.
    fn called_back(
        &self,
        text: &str,
        quotes: &[Quote],
        prev: Turn,
        called: Addressee,
    ) -> Addressee {
        let (Addressee::Named(v), Some(two_back)) = (called, self.turns[0]) else {
            return called;
        };
        let speaker = |qi: usize| quotes.get(qi).and_then(|q| q.speaker.as_deref());
        let role = text
            .get(v.start..)
            .is_some_and(|r| r.starts_with(crate::text::is_lower));
        match (two_back.spoke, prev.spoke) {
            // (An answer with no speaker of its own answers the one who asked too: `« Sophie,
            // qu'avez-vous fait ? dit Mme de Réan.⏎— Rien, maman.⏎— Rien ? »`.)
            (Some(asked), answered)
                if role
                    && adjacent_turns(text, two_back.end, prev.start)
                    && answered.is_none_or(|answered| {
                        speaker(asked).map(|s| &s.text) != speaker(answered).map(|s| &s.text)
                    }) =>
            {
                Addressee::Turn(asked)
            }
            _ => called,
        }
    }

    /// Adds a quote to the dialogue turns and, when attributed, to the history.
    pub(super) fn remember(&mut self, a: &Attribution, qi: usize, q: &QuoteAt) {
        let incise_end = a.cue.as_ref().and_then(|c| c.incise).map_or(0, |i| i.end);
        self.turns = [
            self.turns[1],
            Some(Turn {
                start: q.start,
                end: q.end.max(incise_end),
                spoke: a.speaker.as_ref().map(|_| qi),
                addressee: a.addressee,
                content: (q.content_start, q.content_end),
            }),
        ];
        let Some(s) = &a.speaker else { return };
        let cue_end = a.cue.as_ref().map(|c| c.end).or(q.cue_end);
        self.history.push(Said {
            quote_end: q.end.max(s.end).max(cue_end.unwrap_or(0)),
            qi,
            gender: a.gender,
            paragraph_start: a.paragraph_start,
        });
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
    }
}

/// A turn given to `speaker` by the exchange (no cue of its own).
fn continued(speaker: Speaker, gender: Option<Gender>, paragraph_start: usize) -> Attribution {
    Attribution {
        speaker: Some(speaker),
        cue: None,
        method: Some(Method::Continuation),
        gender,
        paragraph_start,
        addressee: None,
    }
}

/// The incise inside a quote's marks whose cue starts at `cue_start` and whose cue or subject
/// ends at `end`: from the comma (or dash, or bracket) before the cue to the punctuation after
/// it, both included, within the content.
fn incise_span(text: &str, q: &QuoteAt, cue_start: usize, end: usize) -> Span {
    let head = text.get(q.content_start..cue_start).unwrap_or("");
    let trimmed = head.trim_end_by(|c| c.is_whitespace() || is_padding(c));
    let start = match trimmed.chars().next_back() {
        Some(c @ (',' | '—' | '–' | '(')) => q.content_start + trimmed.len() - c.len_utf8(),
        _ => cue_start,
    };
    let end = end.min(q.content_end);
    let tail = text.get(end..q.content_end).unwrap_or("");
    let after = tail.trim_start_by(|c| c.is_whitespace() || is_padding(c));
    let end = match after.chars().next() {
        Some(c @ (',' | '—' | '–' | ')')) => q.content_end - after.len() + c.len_utf8(),
        _ => end,
    };
    Span::new(start, end.max(start))
}

/// What an antecedent must agree with: the pronoun's gender and number, where known.
#[derive(Clone, Copy)]
struct Agreement {
    gender: Option<Gender>,
    plural: Option<bool>,
    /// Read past a sentence whose subject is a thing (`La lampe fumait.`): in a narrative text.
    past_things: bool,
}

/// The grammatical number a mention shows by its first word (`les avocats`, `Paul et Marie` →
/// plural; `le cousin`, `M. Morel` → singular), or `None`.
fn plural_of(mention: &str) -> Option<bool> {
    // `Paul et Marie`, not `le ministre des Sports et du Cadre de vie` (two complements).
    let mut ws = mention.split_whitespace().peekable();
    while let Some(w) = ws.next() {
        let complement = ws.peek().is_some_and(|n| {
            matches!(*n, "de" | "du" | "des" | "à" | "au" | "aux" | "en")
                || n.starts_with("d'")
                || n.starts_with("d’")
        });
        if w == "et" && !complement {
            return Some(true);
        }
    }
    let first = mention
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .next()?;
    match first.lowercased().as_str() {
        "les" | "des" | "ces" | "leurs" | "plusieurs" | "certains" | "certaines" | "deux"
        | "trois" | "nombreux" | "ils" | "elles" | "eux" => Some(true),
        "le" | "la" | "l" | "un" | "une" | "ce" | "cet" | "cette" | "son" | "sa" | "m." | "mme"
        | "il" | "elle" | "lui" => Some(false),
        _ => first.starts_with(crate::text::is_upper).then_some(false),
    }
}

/// The one a turn is said to, who answers the next turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Addressee {
    /// Named after the cue: `demanda Paul à Marthe`, `lui` for the other person of the sentence.
    Named(Span),
    /// The first-person narrator: `me demanda le passeur`, `m'a-t-il dit` (the `me`).
    Narrator(Span),
    /// The speaker of an earlier turn (its quote), called by a role in the turn that answers
    /// them.
    Turn(usize),
}

/// What the driver remembers of an attributed quote.
#[derive(Clone, Debug)]
struct Said {
    /// End of the quote or of its incise, whichever is later.
    pub(super) quote_end: usize,
    /// The quote, whose speaker is set.
    pub(super) qi: usize,
    gender: Option<Gender>,
    pub(super) paragraph_start: usize,
}

/// Does the quote open a dialogue line (`— «…»` at the start of a paragraph)?
fn dialogue_dash(text: &str, at: usize) -> bool {
    let from = floor_boundary(text, at.saturating_sub(16));
    let head = text.get(from..at).unwrap_or("");
    let t = head.trim_end_by(|c| c.is_whitespace() || is_padding(c));
    let Some(rest) = t
        .strip_suffix("--")
        .or_else(|| t.strip_suffix(['—', '–', '―', '-']))
    else {
        return false;
    };
    let rest = rest.trim_end_by(|c| (c.is_whitespace() || is_padding(c)) && c != '\n');
    rest.is_empty() && from == 0 || rest.ends_with('\n')
}

/// Does the quote at `at` open with a dialogue dash (a turn read as a quote of its own inside
/// guillemets opened on an earlier line: `— Oui, à l'aube.`)?
fn opens_with_dash(text: &str, at: usize) -> bool {
    text.get(at..)
        .is_some_and(|r| r.starts_with(['—', '–', '―']) || r.starts_with("--"))
}

/// How far after a cue (and its subject) the addressee rule reads, in bytes.
const ADDRESSEE_PEEK: usize = 48;

/// The name a cue says its words are addressed to, right after the cue or its subject: `à` and a
/// capitalised name of one to three words (`demanda Paul à Marthe :`, `dit-il à Jean Morel`),
/// also after `en s'adressant` or with `vers`, `en se tournant vers` (`dit-il en s'adressant à
/// Athos`). Roles and pronouns (`à son frère`, `lui`) are left to the other rules.
fn addressee_after(text: &str, from: usize) -> Option<Span> {
    let end = floor_boundary(text, from.saturating_add(ADDRESSEE_PEEK));
    let window = text.get(from..end)?;
    let rest = window.trim_start_by(|c| c == ' ' || c == ',' || is_padding(c));
    // `dit-il en s'adressant à Paul`, `reprit-elle en se tournant vers sa mère`.
    let rest = rest.strip_prefix("en ").unwrap_or(rest);
    let rest = rest.strip_prefix("s'adressant ").unwrap_or(rest);
    let role = rest
        .strip_prefix("au ")
        .or_else(|| rest.strip_prefix("aux "))
        .map(|r| (r, true))
        .or_else(|| {
            ["à ", "se tournant vers ", "vers "]
                .iter()
                .find_map(|p| rest.strip_prefix(p))
                .map(|r| (r, false))
        });
    let (rest, contracted) = role?;
    let start = from + (window.len() - rest.len());
    if contracted || rest.starts_with(crate::text::is_lower) {
        return addressed_role(rest, contracted).map(|len| Span::new(start, start + len));
    }
    // The name's length, and where the next word starts.
    let (mut len, mut at) = (0, 0);
    for (k, w) in rest.split(' ').enumerate() {
        let word = w
            .find(|c: char| !(crate::text::is_alpha(c) || c == '-'))
            .and_then(|i| w.get(..i))
            .unwrap_or(w);
        if k >= 3 || !word.starts_with(crate::text::is_upper) || word.chars().nth(1).is_none() {
            break;
        }
        len = at + word.len();
        if word.len() < w.len() {
            break;
        }
        at += w.len() + 1;
    }
    (len > 0).then(|| Span::new(start, start + len))
}

/// The length of a role the words are addressed to at the start of `rest` (after `à`, or
/// after `au`/`aux` when `contracted`): a determiner, at most one adjective and a noun for
/// someone who can speak, up to punctuation (`à sa mère`, `à la vieille servante`, `au
/// curé`). Objects and manners (`à la fenêtre`, `à voix basse`) are none.
fn addressed_role(rest: &str, contracted: bool) -> Option<usize> {
    const DETERMINERS: [&str; 11] = [
        "la", "le", "les", "sa", "son", "ses", "leur", "leurs", "ma", "mon", "mes",
    ];
    let mut words = rest.split(' ');
    let mut len = 0;
    if !contracted {
        let det = words.next()?;
        let elided = det.strip_prefix("l'").or_else(|| det.strip_prefix("l’"));
        match elided {
            // `à l'enfant`: the noun is in the same word.
            Some(noun) if !noun.is_empty() => {
                let noun_len = noun
                    .find(|c: char| !(crate::text::is_alpha(c) || c == '-'))
                    .unwrap_or(noun.len());
                let phrase = rest.get(..det.len() - noun.len() + noun_len)?;
                return crate::document::can_speak(phrase).then_some(phrase.len());
            }
            _ if DETERMINERS.contains(&det) => len = det.len() + 1,
            _ => return None,
        }
    }
    for _ in 0..2 {
        let w = words.next()?;
        let word_len = w
            .find(|c: char| !(crate::text::is_alpha(c) || c == '-'))
            .unwrap_or(w.len());
        if word_len == 0 || !w.starts_with(crate::text::is_lower) {
            return None;
        }
        let end = len + word_len;
        let phrase = rest.get(..end)?;
        // `au curé` is read as `le curé`.
        let speaks = if contracted {
            crate::document::can_speak(&crate::text::concat(&["le ", phrase]))
        } else {
            crate::document::can_speak(phrase)
        };
        if speaks {
            return Some(end);
        }
        if word_len < w.len() {
            return None;
        }
        len = end + 1;
    }
    None
}

/// How far back from a cue the `lui` rule reads, in bytes (bounded by the sentence start).
const LUI_BACK: usize = 200;

/// The one `lui` stands for before a cue, when the cue's sentence names one other person before
/// it: `Le marin s'approcha de Roger et lui dit :` → `Roger`. The last capitalised word of the
/// sentence (not its first word, not inside the speaker's mention) before `lui`.
fn addressee_of_lui(text: &str, cue_start: usize, mention: Span) -> Option<Span> {
    let from = floor_boundary(text, cue_start.saturating_sub(LUI_BACK));
    let window = text.get(from..cue_start)?;
    // `lui` (`leur`) opens the cue (`lui demanda`) or stands right before it.
    let cue = text.get(cue_start..).unwrap_or("");
    let (head, plural) = if cue.starts_with("lui ") || cue.starts_with("leur ") {
        (window, cue.starts_with("leur "))
    } else {
        let w = window.trim_end();
        let (head, plural) = match w.strip_suffix("lui") {
            Some(h) => (h, false),
            None => (w.strip_suffix("leur")?, true),
        };
        if head.ends_with(crate::text::is_alnum) {
            return None;
        }
        (head, plural)
    };
    let determiners: &[&str] = if plural {
        &PLURAL_DETERMINERS
    } else {
        &OBJECT_DETERMINERS
    };
    // `Je retrouvai Marcel au café. Je lui demandai :` — a sentence that names no one else
    // points back to the one the sentence before it named, when it ended with a full stop (not
    // a quote, a colon or a paragraph).
    let mut head = head;
    for back in 0..2 {
        if let Some(n) = last_named(text, from, head, mention, determiners, false) {
            let name = text.get(n.start..)?.starts_with(crate::text::is_upper);
            let before = text.get(from..n.start)?.trim_end();
            let after_preposition = matches!(
                before.rsplit(' ').next(),
                Some("à" | "de" | "en" | "vers" | "dans" | "sur" | "par" | "pour")
            );
            // `leur` stands for a group named by a plural role (`réunit ses élèves et leur
            // dit`), never for a name; in the sentence before, a name after a preposition is
            // more often a place (`Nous arrivâmes à Lyon.`) than someone.
            return (!(name && (plural || back > 0 && after_preposition))).then_some(n);
        }
        let (at, c) = sentence_break(head)?;
        if !matches!(c, '.' | '!' | '?' | '…') {
            return None;
        }
        head = head.get(..at)?;
    }
    None
}

/// The last sentence or clause break in `head` (`.`, `!`, `?`, `…`, `:`, a line break or a
/// guillemet), and where it stands.
fn sentence_break(head: &str) -> Option<(usize, char)> {
    head.char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '…' | ':' | '\n' | '«' | '»'))
}

/// The last person the last sentence of `head` (the text from byte `from`) names as an object:
/// a capitalised word (not the sentence's first, not a clause's subject, not inside `mention`)
/// or one of `determiners` and a noun of people (`la fermière`, `du berger`). With `people`, a
/// word after a preposition of place or an organisation's is no one (`lors d'un débat à Lyon`,
/// `ingénieure à la SNCF`).
#[inline(never)]
fn last_named(
    text: &str,
    from: usize,
    head: &str,
    mention: Span,
    determiners: &[&str],
    people: bool,
) -> Option<Span> {
    let sentence_at = sentence_break(head).map_or(0, |(i, c)| i + c.len_utf8());
    let sentence = head.get(sentence_at..)?;
    let (mut last, mut offset, mut first) = (None, 0, true);
    let mut prev: &str = "";
    let mut name_before: &str = "";
    // The previous word when it is a determiner in object position, and where it starts: `sa
    // mère`, `la fermière` (a role the sentence names) are the one `lui` stands for too.
    let mut object_det: Option<(usize, &str)> = None;
    for w in sentence.split(' ') {
        let mut at = from + sentence_at + offset;
        offset += w.len() + 1;
        // `d'Artagnan`: the name after its elided particle.
        let w = match w.get(..2).filter(|d| matches!(*d, "d'" | "D'")) {
            Some(_)
                if w.get(2..)
                    .is_some_and(|r| r.starts_with(crate::text::is_upper)) =>
            {
                at += 2;
                w.get(2..).unwrap_or(w)
            }
            _ => w,
        };
        let word = w
            .find(|c: char| !(crate::text::is_alpha(c) || c == '-'))
            .and_then(|i| w.get(..i))
            .unwrap_or(w);
        if word.is_empty() {
            continue;
        }
        // The sentence's first word is capitalised whatever it is; a name after a comma or a
        // conjunction opens a clause as its subject (`mais Paul détourna …`), not an object.
        let opens = std::mem::replace(&mut first, false);
        // (Not the second of two names joined by `et`: `Albert et Germaine restèrent seuls`
        // names both.)
        let paired = prev == "et" && name_before.starts_with(crate::text::is_upper);
        let subject = prev.ends_with(',')
            || !paired
                && matches!(
                    prev,
                    "mais" | "et" | "puis" | "ou" | "car" | "donc" | "que" | "qui" | "quand" | "si"
                );
        name_before = prev;
        prev = w;
        let inside = at < mention.end && at + word.len() > mention.start;
        // With `people`, not a place or an organisation (`lors d'un débat à Lyon`,
        // `ingénieure à la SNCF`).
        let place = people
            && (matches!(
                name_before,
                "à" | "au" | "aux" | "en" | "de" | "du" | "des" | "vers" | "sur" | "dans"
            ) || crate::lexicon::is_org(&word.lowercased())
                || crate::cast::is_acronym(word));
        if !opens
            && !subject
            && !inside
            && !place
            && word.starts_with(crate::text::is_upper)
            && word.chars().nth(1).is_some()
        {
            last = Some(Span::new(at, at + word.len()));
        }
        if let Some((det_at, det)) = object_det.take() {
            // `la jeune fille`, `un vieil homme`: the noun after an adjective of age or size.
            if word.len() == w.len()
                && matches!(
                    word,
                    "jeune"
                        | "vieux"
                        | "vieil"
                        | "vieille"
                        | "petit"
                        | "petite"
                        | "pauvre"
                        | "brave"
                        | "grand"
                        | "grande"
                        | "gros"
                        | "grosse"
                )
            {
                object_det = Some((det_at, det));
                continue;
            }
            let role = text.get(det_at..at + word.len()).unwrap_or("");
            // `du prêtre`, `au curé`: the noun alone, read as `le prêtre` (`aux enfants` as
            // `les enfants`).
            let contracted = matches!(det, "du" | "au" | "aux");
            let speaks = if contracted {
                let article = if det == "aux" { "les" } else { "le" };
                crate::document::can_speak(&crate::text::concat(&[article, " ", word]))
            } else {
                crate::document::can_speak(role)
            };
            if word.starts_with(crate::text::is_lower)
                && !inside
                && !role.contains([',', '.', ';', ':'])
                && speaks
            {
                let start = if contracted { at } else { det_at };
                last = Some(Span::new(start, at + word.len()));
            }
        }
        if !opens && !subject && word.len() == w.len() && determiners.contains(&word) {
            object_det = Some((at, word));
        }
    }
    last
}

/// The one the narration names just before the first turn of an exchange (`Elle vit un enfant
/// sur le seuil.⏎« Qui es-tu ? » demanda-t-elle.⏎« Le fils du meunier. »`): the last person
/// its last sentence names as an object, other than the first turn's speaker — who answers
/// that turn when no other speaker is known.
fn named_before_turn(text: &str, turn_start: usize, speaker: &Speaker) -> Option<Span> {
    // The sentence before the turn, without its own end.
    let (from, head) = before_turn(text, turn_start)?;
    let mention = Span::new(speaker.start, speaker.end);
    let span = last_named(text, from, head, mention, &NARRATION_DETERMINERS, false)?;
    let named = text.get(span.start..span.end)?;
    // `pour la première fois`: an adjective before its noun names no one.
    let last = named.rsplit(' ').next().unwrap_or("").lowercased();
    let next = text
        .get(span.end..)
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or("");
    if crate::document::PRENOMINAL.contains(last.as_str())
        && next.starts_with(crate::text::is_lower)
        && crate::lexicon::grammar::class_of(&next.lowercased()) == 0
    {
        return None;
    }
    // `arriva le dernier`, `parla la première`: an order, not a person.
    if matches!(
        last.as_str(),
        "dernier" | "dernière" | "premier" | "première"
    ) {
        return None;
    }
    // An institution (`examiné par le Sénat`, `dans le département`) answers no turn.
    if crate::lexicon::is_org(&last) {
        return None;
    }
    (speaker.name.as_deref() != Some(named)
        && !speaker.name.as_deref().is_some_and(|n| {
            // (`Mme de Réan` spoke; the narration's `Mme de Réan` was read as `Réan`.)
            named.ends_with(n) || n.strip_suffix(named).is_some_and(|h| h.ends_with(' '))
        }))
    .then_some(span)
}

/// The narrator's `me` in the last sentence before the first turn of an exchange (`Luce vint me
/// trouver sous le préau.`, `Céleste m'a fait signe.`): the one the turn is spoken to.
fn narrator_object(text: &str, turn_start: usize) -> Option<Span> {
    let (from, head) = before_turn(text, turn_start)?;
    let s = sentence_break(head).map_or(0, |(k, _)| k);
    let me = crate::text::words(head.get(s..)?).find(|w| is_me(w))?;
    let at = from + (me.as_ptr() as usize - head.as_ptr() as usize);
    Some(Span::new(at, at + me.len()))
}

/// The narrator who answers a turn at `at`: their last turn in the exchange, else the `me` or
/// `moi` at `me` (a narrator who answers before having spoken).
fn narrator_speaker(
    history: &[Said],
    quotes: &[Quote],
    text: &str,
    me: Span,
    at: usize,
) -> Speaker {
    let said = history.iter().rev().find(|h| {
        is_narrator(said_speaker(quotes, h)) && at.saturating_sub(h.quote_end) < EXCHANGE
    });
    match said {
        Some(h) => said_speaker(quotes, h).clone(),
        None => mention_speaker(text, me.start, me.end, None, None),
    }
}

/// The text before the first turn of an exchange (from byte `from`, bounded), without the
/// turn's dash and the end of its last sentence.
fn before_turn(text: &str, turn_start: usize) -> Option<(usize, &str)> {
    let from = floor_boundary(text, turn_start.saturating_sub(LUI_BACK));
    let head = text.get(from..turn_start)?.trim_end_by(|c| {
        c.is_whitespace() || is_padding(c) || matches!(c, '—' | '–' | '―' | '-' | ':')
    });
    Some((
        from,
        head.strip_suffix(['.', '!', '?', '…']).unwrap_or(head),
    ))
}

/// [`OBJECT_DETERMINERS`] and the indefinite articles, for the one narration introduces (`vit
/// un enfant`).
const NARRATION_DETERMINERS: [&str; 12] = [
    "la", "le", "sa", "son", "ma", "mon", "leur", "notre", "du", "au", "un", "une",
];

/// Determiners of a group `leur` may stand for (`réunit ses élèves et leur dit`, `aux enfants`).
const PLURAL_DETERMINERS: [&str; 7] = ["les", "ses", "mes", "leurs", "nos", "aux", "des"];

/// Determiners of a role `lui` may stand for (`s'approcha de sa mère et lui dit`, `s'approcha
/// du prêtre`).
const OBJECT_DETERMINERS: [&str; 10] = [
    "la", "le", "sa", "son", "ma", "mon", "leur", "notre", "du", "au",
];

/// How far back, in bytes, a speaker still takes part in the exchange of a quote.
const EXCHANGE: usize = 3000;
/// How much of a quote's content, at each end, is read for a vocative.
const VOCATIVE_PEEK: usize = 160;

/// Does the quote call `speaker` by name, as a vocative (`« Bonjour, Marthe. »`, `« Marthe,
/// viens. »`, `« Merci, monsieur le curé ! »`)? Then they are spoken to, not speaking. The name
/// (its last word) must stand at the start of the content before a comma, or after a comma before
/// punctuation, within the first or last [`VOCATIVE_PEEK`] bytes.
fn addressed(text: &str, q: &QuoteAt, speaker: Option<&Speaker>) -> bool {
    speaker
        .and_then(|s| s.name.as_deref())
        .is_some_and(|name| calls(text, q, name))
}

/// Does the quote call `name` (its last word) as a vocative? See [`addressed`].
fn calls(text: &str, q: &QuoteAt, name: &str) -> bool {
    let Some(last) = name.split_whitespace().next_back() else {
        return false;
    };
    if last.chars().nth(1).is_none() {
        return false;
    }
    let head_end = floor_boundary(text, (q.content_start + VOCATIVE_PEEK).min(q.content_end));
    let tail_start =
        ceil_boundary(text, q.content_end.saturating_sub(VOCATIVE_PEEK)).max(q.content_start);
    [(q.content_start, head_end), (tail_start, q.content_end)]
        .iter()
        .any(|&(a, b)| vocative_in(text.get(a..b).unwrap_or(""), last))
}

/// Is `name` a vocative somewhere in `s` (see [`addressed`])?
fn vocative_in(s: &str, name: &str) -> bool {
    // A role is capitalised when it opens the quote (`« Capitaine ! Venez vite. »`): its first
    // letter compared lowercased (`lower_char`: no case tables of std in the wasm).
    let mut chars = name.chars();
    let first = chars.next().filter(|c| crate::text::is_lower(*c));
    let rest = chars.as_str();
    let matched = |r: &str| {
        if r.starts_with(name) {
            return Some(name.len());
        }
        let mut rc = r.chars();
        let c = rc.next()?;
        (first.is_some_and(|f| crate::text::is_upper(c) && crate::text::lower_char(c) == f)
            && rc.as_str().starts_with(rest))
        .then(|| c.len_utf8() + rest.len())
    };
    // A plain scan (`s` is a few dozen bytes): no string searcher in the wasm.
    let at = (0..s.len()).filter_map(|i| s.get(i..).and_then(matched).map(|n| (i, n)));
    at.into_iter().any(|(i, n)| {
        let before = s.get(..i).unwrap_or("");
        let after = s.get(i + n..).unwrap_or("");
        // A whole word, ending at punctuation (`Marthe,`, `Marthe.`, `Marthe !`).
        let ends = after
            .trim_start_by(|c| c == ' ' || is_padding(c))
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | '.' | '!' | '?' | '…' | ';'));
        if !ends || after.starts_with(crate::text::is_alnum) {
            return false;
        }
        // A name alone as the content's first sentence answers a question (`— Tigibus. C'est
        // mon frère qui m'a nommé ainsi.`): it calls no one.
        if after.starts_with('.')
            && before
                .chars()
                .all(|c| c.is_whitespace() || is_padding(c) || matches!(c, '—' | '–' | '«'))
        {
            return false;
        }
        // After a comma or at the start, a courtesy title allowed between (`, monsieur le curé`).
        let lead = before.trim_end_by(|c| {
            crate::text::is_alpha(c) || c == ' ' || c == '\'' || c == '’' || is_padding(c)
        });
        let words_between = before
            .get(lead.len()..)
            .unwrap_or("")
            .split_whitespace()
            .count();
        let title_ok = words_between == 0
            || before
                .get(lead.len()..)
                .unwrap_or("")
                .split_whitespace()
                .all(|w| COURTESY.contains(&w.lowercased().as_str()));
        title_ok
            && (lead.trim_end().is_empty()
                || lead.trim_end().ends_with([',', '!', '?', '«', '—', '–']))
    })
}

/// Roles a vocative uses for anyone (`mon ami`, `mon enfant`, `mes frères`, `madame`): they
/// name no one in particular.
const GENERIC_VOCATIVES: [&str; 30] = [
    "ami",
    "amie",
    "amis",
    "amies",
    "enfant",
    "enfants",
    "fils",
    "fille",
    "filles",
    "homme",
    "hommes",
    "femme",
    "femmes",
    "dame",
    "dames",
    "monsieur",
    "madame",
    "mademoiselle",
    "messieurs",
    "mesdames",
    "gens",
    "camarade",
    "camarades",
    "garçon",
    "garçons",
    "petit",
    "petite",
    "frère",
    "frères",
    "sœur",
];

/// The name or role a quote calls (see [`Discourse::vocative`]): a segment of the content's
/// first or last [`VOCATIVE_PEEK`] bytes that opens the content or follows a comma, ends at a
/// comma or a sentence end, and holds only courtesy words and one or two name words.
fn vocative_span(
    text: &str,
    (content_start, content_end): (usize, usize),
    known: impl Fn(&str) -> bool,
) -> Option<Span> {
    let head_end = floor_boundary(text, (content_start + VOCATIVE_PEEK).min(content_end));
    let tail_start = ceil_boundary(text, content_end.saturating_sub(VOCATIVE_PEEK)).max(head_end);
    for (a, b) in [(content_start, head_end), (tail_start, content_end)] {
        let window = text.get(a..b).unwrap_or("");
        let (mut seg_start, mut opens) = (0, a == content_start);
        for (i, c) in window.char_indices() {
            if !matches!(c, ',' | '.' | '!' | '?' | '…' | ';' | ':' | '«' | '»') {
                continue;
            }
            if opens && matches!(c, ',' | '.' | '!' | '?' | '…' | ';') {
                let seg = window.get(seg_start..i).unwrap_or("");
                // A role alone as the content's first sentence (`— Éclusier. Enfin, je l'étais.`)
                // answers a question rather than calls someone.
                let answer = a == content_start && seg_start == 0 && c == '.';
                // One name alone after a comma, ending the sentence (`Écoutez-moi bien,
                // Mérel.`, `Oui, Morvan.`), calls someone even before they have spoken.
                let after_comma = !(a == content_start && seg_start == 0) && c != ',';
                // (Not a title cut from its name by its period: `Je sais, Mrs. Grant.`)
                let known = |name: &str| {
                    known(name)
                        || after_comma
                            && !seg.trim().contains(' ')
                            && !crate::lexicon::is_title(name)
                            && !crate::lexicon::DOTTED_TITLES.contains(&name)
                };
                if let Some((x, y)) = vocative_segment(seg, known, !answer) {
                    return Some(Span::new(a + seg_start + x, a + seg_start + y));
                }
            }
            opens = c == ',';
            seg_start = i + c.len_utf8();
        }
    }
    None
}

/// The name words of a vocative segment (`monsieur le curé` → `curé`, `Roger`, `mon capitaine`
/// → `capitaine`), as a byte range of `seg`.
fn vocative_segment(
    seg: &str,
    known: impl Fn(&str) -> bool,
    role_alone: bool,
) -> Option<(usize, usize)> {
    let mut courtesy = false;
    let mut name: Option<(usize, usize)> = None;
    let mut count = 0;
    let base = seg.as_ptr() as usize;
    for w in seg.split(|c: char| c.is_whitespace() || is_padding(c)) {
        let w = w.trim_start_by(|c| matches!(c, '—' | '–' | '―' | '-'));
        if w.is_empty() {
            continue;
        }
        if name.is_none() && COURTESY.iter().any(|c| eq_lower(w, c)) {
            courtesy = true;
            continue;
        }
        if !w
            .chars()
            .all(|c| crate::text::is_alpha(c) || c == '-' || c == '\'' || c == '’')
        {
            return None;
        }
        count += 1;
        if count > 2 {
            return None;
        }
        let at = w.as_ptr() as usize - base;
        name = Some((name.map_or(at, |n| n.0), at + w.len()));
    }
    let (x, y) = name?;
    let words = seg.get(x..y)?;
    let last = words.split_whitespace().next_back()?;
    let lower = crate::text::lowercase_cow(last);
    let role = count == 1
        && (role_alone || courtesy)
        && crate::lexicon::is_person_noun(&lower)
        && !GENERIC_VOCATIVES.contains(&lower.as_ref());
    let proper = words
        .split_whitespace()
        .all(|w| w.starts_with(crate::text::is_upper))
        && !crate::lexicon::is_person_noun(&lower)
        && (courtesy || known(last));
    (role || proper).then_some((x, y))
}

/// Is `word`, lowercased, `lower`? (No allocation.)
fn eq_lower(word: &str, lower: &str) -> bool {
    // The lists compared with hold Latin words whose capitals take as many bytes: a length
    // test first rejects most words without decoding.
    word.len() == lower.len() && word.chars().map(crate::text::lower_char).eq(lower.chars())
}

/// Courtesy words before a name or a role in a vocative (`monsieur le curé`, `ma chère Louise`).
const COURTESY: [&str; 14] = [
    "monsieur",
    "madame",
    "mademoiselle",
    "le",
    "la",
    "mon",
    "ma",
    "cher",
    "chère",
    "mes",
    "messieurs",
    "mesdames",
    "docteur",
    "maître",
];

/// Do two turns follow each other as lines of one exchange: only a line break, dashes,
/// guillemets and spaces between the end of one (`end`) and the start of the next (`at`)?
fn adjacent_turns(text: &str, end: usize, at: usize) -> bool {
    if end > at || at - end > TURN_GAP {
        return false;
    }
    let gap = text.get(end..at).unwrap_or("");
    // The first turn's incise after its closing mark (`» demanda-t-elle.`), if any, then the
    // line break.
    let Some((incise, rest)) = gap.split_once('\n') else {
        return false;
    };
    incise_only(incise)
        && rest.chars().all(|c| {
            c.is_whitespace() || is_padding(c) || matches!(c, '—' | '–' | '―' | '-' | '«' | '»')
        })
}

/// Is `line`, what follows a quote on its line, at most an incise: a few words and no sentence
/// end or quotation mark before its last punctuation (`, demanda Paul en riant.`)?
fn incise_only(line: &str) -> bool {
    let line = line.trim_end();
    line.split_whitespace().count() <= TURN_INCISE_WORDS
        && !line
            .trim_end_by(|c| matches!(c, '.' | '!' | '?' | '…'))
            .contains(['.', '!', '?', '…', '«', '»'])
}

/// Start of the paragraph holding byte `at` (bounded search back). `seen` remembers the last
/// search (its range and the last line break in it) so that quotes in text order search only the
/// text after the previous quote.
fn paragraph_start(text: &str, at: usize, seen: &mut (usize, usize, Option<usize>)) -> usize {
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

/// Are two speakers different people as far as the mentions tell? Different names, or with
/// no name on either side different words (`elle` answering the narrator's `je`), or genders
/// the text shows different.
fn other_person(a: &Speaker, b: &Speaker) -> bool {
    // A man and a woman, whatever their names (`M. de Rênal`, `Mme de Rênal`).
    if a.gender.is_some() && b.gender.is_some() && a.gender != b.gender {
        return true;
    }
    // A pronoun nothing resolved may be the named one (`dit Cécile. … Elle reprit :`).
    let pronoun = |s: &Speaker| s.name.is_none() && crate::lexicon::pronoun(&s.text).is_some();
    if pronoun(a) != pronoun(b) && (a.name.is_some() || b.name.is_some()) {
        return false;
    }
    match (&a.name, &b.name) {
        (None, None) => !a.text.eq_ignore_ascii_case(&b.text),
        // (`elle` and `Elle` opening a sentence: one mention, whatever one of them resolved.)
        (x, y) => x != y && !a.text.eq_ignore_ascii_case(&b.text),
    }
}

/// The speaker a name or role span gives (`à la fermière`, `un enfant`): named without its
/// article (`fermière`), as the mentions' names are.
fn role_speaker(text: &str, to: Span) -> Speaker {
    let said = text.get(to.start..to.end).unwrap_or("");
    let name = ["la ", "le ", "les ", "l'", "l’", "un ", "une "]
        .iter()
        .find_map(|a| said.strip_prefix(a))
        .unwrap_or(said);
    mention_speaker(text, to.start, to.end, Some(name.to_string()), None)
}

/// The speaker whose mention is `text[start..end]`.
fn mention_speaker(
    text: &str,
    start: usize,
    end: usize,
    name: Option<String>,
    gender: Option<Gender>,
) -> Speaker {
    Speaker {
        start,
        end,
        text: text.get(start..end).unwrap_or("").to_string(),
        name,
        id: None,
        gender,
    }
}

/// Is the speaker the first-person narrator (`je`, `j'`, with no name)?
fn is_narrator(s: &Speaker) -> bool {
    s.name.is_none() && crate::resolve::is_narrator(&s.text)
}

/// Is the mention the narrator's `je`, which no third-person pronoun stands for?
fn first_person(text: &str, m: &Mention) -> bool {
    text.get(m.start..m.end)
        .is_some_and(crate::resolve::is_narrator)
}

/// Is `word` the narrator as an object (`me`, `m'`), the one a turn is said to?
fn is_me(word: &str) -> bool {
    matches!(word, "me" | "Me" | "m'" | "M'" | "m’" | "M’")
}

/// A speaker the history points to (always set: only attributed quotes enter the history).
fn said_speaker<'a>(quotes: &'a [Quote], h: &Said) -> &'a Speaker {
    static NONE: Speaker = Speaker {
        start: 0,
        end: 0,
        text: String::new(),
        name: None,
        id: None,
        gender: None,
    };
    quotes
        .get(h.qi)
        .and_then(|q| q.speaker.as_deref())
        .unwrap_or(&NONE)
}

/// A quote with no cue of its own: in a dialogue of dash-led paragraphs, the other speaker of
/// the exchange; else the previous speaker when only a few words lie between; else the subject of
/// the sentence just before (`Noël ralentit. «Q»`).
fn floating<'t>(
    back: &mut Back<'t>,
    text: &'t str,
    quotes: &[Quote],
    history: &[Said],
    at: usize,
    dash: bool,
    para: usize,
) -> (Option<Speaker>, Option<Gender>, Option<Method>) {
    let said = |h: &Said| {
        (
            Some(said_speaker(quotes, h).clone()),
            h.gender,
            Some(Method::Continuation),
        )
    };
    if let Some(prev) = history.last() {
        let gap = text.get(prev.quote_end..at).unwrap_or("");
        count_work(gap.len().min(BEFORE));
        if gap.len() < 400 {
            let breaks = gap.matches('\n').count();
            let gap_words = gap
                .split_whitespace()
                .filter(|w| w.chars().any(crate::text::is_alpha))
                .count();
            // `— « Q1 », dit Alphonse.⏎Le père ôta sa pipe.⏎— « Q2 »`: a short paragraph of
            // narration between two turns names who speaks next when its subject can, as a
            // longer one does.
            if dash && breaks >= 1 && gap_words <= 8 && narration_between(gap) {
                let found = sentence_before(back, text, quotes, history, at, dash);
                if found
                    .0
                    .as_ref()
                    .is_some_and(|s| crate::document::can_speak(&s.text))
                {
                    return found;
                }
            }
            if dash && breaks >= 1 && gap_words <= 8 {
                // A new turn: the most recent other speaker, first among the turns of this
                // exchange (adjacent lines back from the previous turn), then the one the
                // narration named before its first turn, then one who spoke before it.
                let mut first = history.len().saturating_sub(1);
                while first > 0 {
                    let (Some(a), Some(b)) = (history.get(first - 1), history.get(first)) else {
                        break;
                    };
                    let (Some(qa), Some(qb)) = (quotes.get(a.qi), quotes.get(b.qi)) else {
                        break;
                    };
                    if !adjacent_turns(text, qa.end, qb.start) {
                        break;
                    }
                    first -= 1;
                }
                let others = history
                    .iter()
                    .enumerate()
                    .rev()
                    .skip(1)
                    .take(4)
                    .filter(|(_, h)| {
                        let (hs, ps) = (said_speaker(quotes, h), said_speaker(quotes, prev));
                        other_person(hs, ps) && at.saturating_sub(h.quote_end) < 3000
                    });
                let mut outside = None;
                for (k, o) in others {
                    if k < first {
                        outside = outside.or(Some(o));
                        continue;
                    }
                    return said(o);
                }
                // No other speaker yet: the one the narration named before the first turn.
                let ps = said_speaker(quotes, prev);
                // (Narration only: never a word of an earlier turn, `— Avec ma femme.`)
                let named = quotes
                    .get(prev.qi)
                    .and_then(|p| named_before_turn(text, p.start, ps))
                    .filter(|to| !inside_quote(quotes, to.start));
                if let Some(to) = named {
                    return (
                        Some(role_speaker(text, to)),
                        None,
                        Some(Method::Continuation),
                    );
                }
                // (`Luce vint me trouver.⏎« Tu sais ?⏎— Tais-toi ! »`: the narrator it came to.)
                let me = quotes
                    .get(prev.qi)
                    .filter(|_| !is_narrator(ps))
                    .and_then(|p| narrator_object(text, p.start));
                if let Some(me) = me {
                    let s = narrator_speaker(history, quotes, text, me, at);
                    return (Some(s), None, Some(Method::Continuation));
                }
                if let Some(o) = outside {
                    return said(o);
                }
            } else if breaks == 0 && gap_words <= 8 && subjectless_lead_in(gap) {
                // `« Il fait froid », dit le berger. Puis, après un silence : « Rentrons. »`: a
                // sentence with no subject that only leads to the quote goes on with its speaker.
                return said(prev);
            } else if gap_words <= 3 && (breaks <= 1 || prev.paragraph_start == para || !dash) {
                let continued = said(prev);
                // `«Q1», dit Eugénie.⏎Le cousin s'inclina. «Q2»`: a sentence of its own between
                // the quotes names who speaks next, when its subject can.
                if !sentence_in(gap) {
                    return continued;
                }
                return match sentence_before(back, text, quotes, history, at, dash) {
                    (Some(s), g, m) if crate::document::can_speak(&s.text) => (Some(s), g, m),
                    _ => continued,
                };
            }
        }
    }
    sentence_before(back, text, quotes, history, at, dash)
}

/// Does `gap` hold a paragraph of narration: a whole line that opens with a capital (not a
/// dash nor a quotation mark)?
fn narration_between(gap: &str) -> bool {
    // Whole lines only: not the end of the first one nor the start of the last.
    let whole = gap.rsplit_once('\n').map_or("", |(g, _)| g);
    whole
        .split('\n')
        .skip(1)
        .any(|l| l.trim_start().starts_with(crate::text::is_upper))
}

/// Is `gap` (the text between a quote's attribution and the next quote) the end of that
/// sentence, then a sentence with no subject of its own leading to the quote by a colon: a
/// linking word (`Puis`, `Et`, `Alors`…) and lowercase words only (`Puis, après un silence :`,
/// `Et, se tournant vers son frère :`)?
fn subjectless_lead_in(gap: &str) -> bool {
    // After the attribution's sentence end, or the whole gap when the quote itself ended its
    // sentence (`«Q1.» Puis, après un silence : «Q2»`).
    let Some(lead) = gap.trim_end().strip_suffix(':').map(|g| {
        g.split_once(['.', '!', '?', '…'])
            .map_or(g, |(_, rest)| rest)
    }) else {
        return false;
    };
    let mut words = lead
        .split(|c: char| c.is_whitespace() || c == ',' || is_padding(c))
        .filter(|w| !w.is_empty());
    let opens = words.next().is_some_and(|w| {
        matches!(
            w,
            "Puis" | "Et" | "Alors" | "Ensuite" | "Enfin" | "Mais" | "Pourtant" | "Cependant"
        )
    });
    // (No verb of its own: `Mais mon cœur me répondit :` has a subject, a thing here.)
    opens
        && !lead.contains(['.', '!', '?', '…', ';', '«', '»'])
        && words.all(|w| {
            !w.starts_with(crate::text::is_upper)
                && !crate::lexicon::verbs::narrative_past(w)
                && crate::lexicon::verbs::verb(w).is_none()
        })
}

/// Does `gap` (the text between a quote's attribution and the next quote) hold a sentence of
/// its own: a capitalised first word (`Le cousin s'inclina.`), not the tail of an incise (`en
/// riant.`)?
fn sentence_in(gap: &str) -> bool {
    gap.split_whitespace()
        .find(|w| w.chars().any(crate::text::is_alpha))
        .is_some_and(|w| w.starts_with(crate::text::is_upper))
}

/// The subject of the sentence before a quote that opens its own sentence (`Noël ralentit.
/// «Q»`), not from inside a quote, never the narrator.
fn sentence_before<'t>(
    back: &mut Back<'t>,
    text: &'t str,
    quotes: &[Quote],
    history: &[Said],
    at: usize,
    dash: bool,
) -> (Option<Speaker>, Option<Gender>, Option<Method>) {
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
    let prev = before_sentence(toks, start);
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
        .is_some_and(|t| matches!(t.lowercased().as_str(), "je" | "j'" | "j’"));
    // Nor a thing (`Enfin, une fenêtre s'ouvrit. « Qui est là ? »`): dropped from the answer
    // later, it would still count as this turn's speaker in the exchange.
    // Nor words of a quote whose opening mark lies in an earlier sentence (`« Vous avez tort.
    // Il vient de chez moi. »⏎« Je n'ai pas faim. »`).
    // Nor a byline (`Par Marie Lenoir`, `De notre correspondante à Lyon, Marie Lenoir`): the
    // journalist's.
    let byline = prev.get(ps..ps + 2).is_some_and(|r| match r {
        [a, b] => a.s == "Par" && b.capitalised() || a.s == "De" && b.s == "notre",
        _ => false,
    });
    if m.none
        || narrator
        || byline
        || inside_quote(quotes, m.start)
        || !crate::document::can_speak(text.get(m.start..m.end).unwrap_or(""))
    {
        return (None, None, None);
    }
    // A new dialogue turn is not the previous turn's speaker read again from its incise
    // (`«Vous partez ? demanda le passeur.⏎— Oui.»`: the reply is the addressee's).
    if dash
        && history
            .last()
            .is_some_and(|h| said_speaker(quotes, h).start == m.start)
    {
        return (None, None, None);
    }
    let name = if let Some(p) = m.pronoun {
        // The pronoun's own antecedent, read from its sentence back (`Gérald Darmanin a
        // répondu. Le 1er juillet, il avait ouvert la porte. «Q»`).
        let want = Agreement {
            gender: Some(p.gender),
            plural: Some(p.plural),
            past_things: false,
        };
        antecedent_within(
            back,
            text,
            quotes,
            history,
            m.start,
            m.start,
            want,
            &|_| false,
            CHAIN,
            false,
        )
    } else {
        m.name.clone()
    };
    let speaker = mention_speaker(text, m.start, m.end, name, m.gender);
    (Some(speaker), m.gender, Some(Method::Continuation))
}

/// The person a demonstrative (`Cette dernière`, `celui-ci`) stands for: the last proper name
/// before it in its sentence or the one before (`La victime, Julie Morin, était là. Cette
/// dernière a décrit…`; `il rencontra Paul …, et celui-ci répondit`), subject or not, unless a
/// title before it shows the other gender or it names an organisation. `None` when there is
/// none: the mention keeps its own words.
fn demonstrative_referent<'t>(
    back: &mut Back<'t>,
    text: &'t str,
    at: usize,
    mention_start: usize,
    gender: Option<Gender>,
) -> Option<String> {
    let from = ceil_boundary(text, at.saturating_sub(2 * PREV_SENTENCE));
    back.tokenize(text, from, at, 3, three_sentences_known);
    let toks: &[Tok] = &back.toks;
    // From the start of the sentence before the quote's: the tokens may reach further back
    // (the window is reused from quote to quote), and what lies there must change nothing.
    let mut last = None;
    let mut i = sentence_start(before_sentence(toks, sentence_start(toks)));
    // Past a quote and its incise with a pronoun (`«Q», a-t-il lancé.`), which names no one,
    // from the sentence before it too (a name there comes before any in the quote's). A
    // sentence about someone else (`La gardienne a tout vu.`) holds the referent.
    let quoted = toks.get(i).and_then(Tok::punct) == Some('«')
        && toks.get(i..).is_some_and(|r| {
            r.iter()
                .any(|t| t.is_word() && super::verbs::split_inversion(t.s).is_some())
        });
    if quoted {
        i = sentence_start(before_sentence(toks, i));
    }
    while let Some(t) = toks.get(i) {
        if t.end > mention_start {
            break;
        }
        let run = is_name_word(t)
            .then(|| name_run(toks, i))
            .flatten()
            .filter(|&e| toks.get(e).is_some_and(|x| x.end <= mention_start));
        // A sentence's first word is capitalised whatever it is (`Mis à jour à 8 h 30.`): alone,
        // it is no name.
        // (Marks before it, `*L'affaire`, `— Paul`, do not count.)
        let mut j = i;
        let initial = loop {
            let Some(p) = j.checked_sub(1).and_then(|p| toks.get(p)) else {
                break true;
            };
            let next = toks.get(j).map_or(t.start, |n| n.start);
            if matches!(p.punct(), Some('.' | '!' | '?' | '…' | ':' | '«' | '"'))
                || text.get(p.end..next).is_some_and(|g| g.contains('\n'))
            {
                break true;
            }
            if p.is_word() {
                break false;
            }
            j -= 1;
        };
        // A single letter alone (`Z`, `L`) is no name either.
        let Some(e) = run.filter(|&e| e > i || !initial && t.s.chars().nth(1).is_some()) else {
            i += 1;
            continue;
        };
        let title = toks
            .get(i)
            .filter(|t| crate::lexicon::is_title(t.s))
            .and_then(gender_of);
        let org = toks
            .get(i..=e)
            .is_some_and(|ts| ts.iter().any(|x| crate::lexicon::is_org(&x.lower)));
        let agrees = gender.is_none() || title.is_none() || title == gender;
        // A name after `de`, `des`, `à` completes a noun (`la capitaine des Bleues`, `le maire
        // de Brest`): a team or a place, not the one `celle-ci` stands for.
        // Right after an opening mark, a name in guillemets (`l'association « Vern Nature »`):
        // a title, not a person.
        let complement = i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
            in_list(p, &["de", "du", "des", "à", "au", "aux", "en"])
                || matches!(p.punct(), Some('«' | '“'))
        });
        if agrees && !org && !complement {
            last = Some((i, e));
        }
        i = e + 1;
    }
    let (i, e) = last?;
    Some(name_in(text, toks, i, e))
}

/// `Quant à Gilles, il n'a qu'un regret`: the name a sentence puts up front as its topic, which
/// a subject pronoun right after it (at `at`) stands for. A capitalised name of one to four
/// words.
fn topic_before(text: &str, at: usize) -> Option<String> {
    const QUANT: &[u8] = "uant à ".as_bytes();
    let from = crate::text::ceil_boundary(text, at.saturating_sub(80));
    let before = text.get(from..at)?.trim_end().strip_suffix(',')?;
    let bytes = before.as_bytes();
    let k = bytes.windows(QUANT.len()).rposition(|w| w == QUANT)?;
    let name = before.get(k + QUANT.len()..)?.trim_end();
    // `Quant` (or `quant`) opening its clause: after punctuation or a line break.
    let q = k.checked_sub(1)?;
    let lead = bytes.get(..q)?;
    let opens = matches!(bytes.get(q), Some(b'Q' | b'q'))
        && lead
            .iter()
            .rev()
            .find(|&&b| b != b' ')
            .is_none_or(|b| matches!(b, b'.' | b'!' | b'?' | b',' | b';' | b':' | b'\n'));
    // One to four capitalised words of letters (`Gilles Le Goff`).
    let n = name.split(' ').count();
    let named = name.split(' ').all(|w| {
        w.starts_with(crate::text::is_upper)
            && w.chars().all(|c| crate::text::is_alnum(c) || c == '-')
    });
    (opens && named && (1..=4).contains(&n)).then(|| name.to_string())
}

/// How many sentences whose subject is the same pronoun (`Il regardait la pluie. Il pensait à
/// elle.`) an antecedent search reads back through.
const CHAIN: u8 = 3;

/// The name a pronoun stands for: another subject of the same sentence (`X eut l'air surpris,
/// mais il sourit`); the previous quote's speaker when only quotes and incises lie between; else
/// the subject of the previous sentence; else the latest speaker the text showed with that
/// gender (`dit-il`, `M.`, `la ministre`): a speaker of unknown gender is no antecedent of a
/// gendered pronoun there, and none is better than a wrong one — never a name `called` says the
/// quote is said to.
///
/// It reads back through at most `chain` sentences (callers give [`CHAIN`]) whose subject is a
/// pronoun of the same gender and number (`via_pronoun`: this sentence's is one) or a thing.
#[allow(clippy::too_many_arguments)]
fn antecedent_within<'t>(
    back: &mut Back<'t>,
    text: &'t str,
    quotes: &[Quote],
    history: &[Said],
    at: usize,
    pron_start: usize,
    want: Agreement,
    called: &dyn Fn(&str) -> bool,
    chain: u8,
    via_pronoun: bool,
) -> Option<String> {
    let Agreement {
        gender,
        plural,
        past_things,
    } = want;
    let number = |mention: &str| {
        plural.is_none() || plural_of(mention).is_none() || plural_of(mention) == plural
    };
    // A name's gender as the recent quotes show it (`Sérapion` once resolved from `il` is a
    // man, so no `elle` stands for him).
    let known = |name: Option<&str>| {
        name.and_then(|n| {
            history
                .iter()
                .rev()
                .filter(|h| said_speaker(quotes, h).name.as_deref() == Some(n))
                .find_map(|h| h.gender)
        })
    };
    let agrees_m = |m: &Mention| {
        let g = m.gender.or_else(|| known(m.name.as_deref()));
        !m.name.as_deref().is_some_and(called)
            && !first_person(text, m)
            && !inside_quote(quotes, m.start)
            && !m.none
            && m.pronoun.is_none()
            && speaks(text, m)
            && (gender.is_none() || g.is_none() || g == gender)
            && !(g.is_none()
                && gender == Some(Gender::Masculine)
                && m.name
                    .as_deref()
                    .is_some_and(crate::lexicon::feminine_first_name))
            && number(text.get(m.start..m.end).unwrap_or(""))
    };
    // A third-person pronoun never stands for the first-person narrator (`lui dis-je. Il
    // haussa les épaules. «Q»`).
    let agrees = |s: &Said| {
        let sp = said_speaker(quotes, s);
        let g = s.gender.or_else(|| known(sp.name.as_deref()));
        (gender.is_none() || g.is_none() || g == gender)
            && number(&sp.text)
            && !is_narrator(sp)
            && !sp.name.as_deref().is_some_and(called)
    };
    // Twice the usual reach: the pronoun's own sentence often holds a long quote, and the
    // sentence before may be a long one of official copy (`Le ministre de l'Habitat, de
    // l'Urbanisme et de la Ville, X, a annoncé, hier, lors d'une conférence de presse…`).
    let from = ceil_boundary(text, at.saturating_sub(2 * PREV_SENTENCE));
    back.tokenize(text, from, at, 2, two_sentences_known);
    let toks: &[Tok] = &back.toks;
    let start = sentence_start(toks);
    if let Some(m) = sentence_subject(text, toks, start, toks.len()) {
        // Not a noun phrase of a quote opening the sentence (`«L'Etat a tout mobilisé», a-t-il
        // indiqué, soulignant que…`: the quoted words have no subject for the reporter).
        if agrees_m(&m) && m.end <= pron_start && !inside_quote(quotes, m.start) {
            // A pronoun read back through (`Le contrôleur siffla ; il était monté.`) may
            // stand for that subject or for another: no chain through it.
            if chain < CHAIN {
                return None;
            }
            return m.name;
        }
    }
    let prev = before_sentence(toks, start);
    let ps = sentence_start(prev);
    let prev_from = prev.get(ps).map_or(at, |t| t.start);
    if let Some(h) = history.last() {
        // The previous sentence holds (or ends with) the previous quote.
        if (h.quote_end >= prev_from || prev.is_empty()) && agrees(h) {
            return said_speaker(quotes, h).name.clone();
        }
    }
    // A sentence that holds a statement quote speaks through it (its speaker is in `history`);
    // one that holds only terms (`Marine Tondelier est sortie «déçue».`) is read like any.
    let quoted = prev.get(ps..).is_some_and(|r| {
        r.iter().any(|t| {
            matches!(t.punct(), Some('«' | '“' | '„'))
                && quotes
                    .binary_search_by_key(&t.start, |q| q.start)
                    .ok()
                    .and_then(|k| quotes.get(k))
                    .is_none_or(|q| q.kind != QuoteKind::Term)
        })
    });
    let mut chain_from = None;
    // The sentence before ends with a semicolon: the clause the pronoun opens goes on from it.
    let semicolon = toks
        .get(prev.len()..start)
        .is_some_and(|r| r.iter().any(|t| t.punct() == Some(';')));
    // The same pronoun opening the last clause of the sentence before (`Le facteur passa, mais
    // il ne s'arrêta pas.`) stands for the same one, whatever the sentence's subject.
    let last_clause = (ps..prev.len()).rev().find_map(|k| {
        let c = prev.get(k)?;
        let p = prev.get(k + 1)?;
        let pronoun = tok_pronoun(p)?;
        in_list(c, &["mais", "et", "puis"]).then_some((p.start, pronoun))
    });
    if let Some((from, p)) = last_clause.filter(|_| !quoted) {
        if gender.is_some_and(|g| g == p.gender) && plural.is_some_and(|n| n == p.plural) {
            chain_from = Some((from, true));
        }
    }
    // A sentence of one word (`Ah !`, `Hélas !`, `Bon.`) has no subject.
    let one_word = prev
        .get(ps..)
        .is_some_and(|r| r.iter().filter(|t| t.is_word()).count() == 1);
    if !quoted && one_word && past_things {
        chain_from = Some((prev_from, false));
    }
    if !quoted && !one_word && chain_from.is_none() {
        let subject = sentence_subject(text, prev, ps, prev.len())
            .filter(|m| !inside_quote(quotes, m.start) && !is_medium_mention(text, m));
        // `Celui-ci balaie les critiques. «Q», a-t-il répondu`: the one it stands for.
        if let Some(m) = subject
            .as_ref()
            .filter(|m| m.demonstrative && (gender.is_none() || m.gender == gender))
        {
            return demonstrative_referent(back, text, m.start, m.start, m.gender);
        }
        // `Il y avait aussi ma grand-tante Amélie, qui…`: the one a presentative introduces.
        let subject = presented(text, prev, ps).or(subject);
        // `Pour le sociologue X, le problème est structurel. «Q», estime-t-il`, `Pour
        // l'avocate X, qui…, ces chiffres ne disent pas tout. «Q», dénonce-t-elle`: a subject
        // that is a thing, or no one the pronoun can stand for, leaves the one the sentence
        // opens with as its source.
        if subject
            .as_ref()
            .is_none_or(|m| m.pronoun.is_none() && (!speaks(text, m) || !agrees_m(m)))
        {
            let lead = prev
                .get(ps)
                .filter(|t| in_list(t, &["pour", "selon"]))
                .and_then(|_| super::rules::source_at(text, prev, ps)?.mention)
                .filter(|m| agrees_m(m));
            if let Some(m) = lead {
                return m.name;
            }
        }
        // `…, une lumière parut, et une vieille femme en bonnet ouvrit.`: the subject of a last
        // clause after a comma and `et`, `mais` or `puis` is a person the sentence brings in.
        let clause = (ps + 1..prev.len()).rev().find_map(|k| {
            let (comma, c, n) = (prev.get(k - 1)?, prev.get(k)?, prev.get(k + 1)?);
            (comma.punct() == Some(',')
                && in_list(c, &["et", "mais", "puis"])
                && (in_class(n, C_DET) || is_name_word(n)))
            .then(|| sentence_subject(text, prev, k + 1, prev.len()))
            .flatten()
        });
        if let Some(m) = clause.filter(|m| agrees_m(m)) {
            return m.name.clone();
        }
        if let Some(m) = subject.as_ref().filter(|m| agrees_m(m)) {
            // A pronoun read back through that opens a clause after a semicolon may stand for
            // that clause's subject or for another (`Le contrôleur siffla ; il était monté.`).
            if via_pronoun && semicolon {
                return None;
            }
            return m.name.clone();
        }
        // `Julien monta dans le train. Il regardait la pluie. « … », se dit-il.`: the sentence
        // before has the same pronoun for subject, which stands for the same one: its own
        // antecedent, read from there.
        let same = subject.as_ref().filter(|m| {
            m.pronoun.is_some_and(|p| {
                gender.is_some_and(|g| g == p.gender) && plural.is_some_and(|n| n == p.plural)
            })
        });
        // `Le vieux matelot posa sa pipe. La lampe fumait. « … », demanda-t-il.`: a sentence
        // whose subject is a thing is read past, to the sentence before it.
        // (`On frappait encore.` names no one either; the narrator's `je` is read below.)
        let thing = subject.as_ref().is_some_and(|m| {
            m.pronoun.is_none()
                && !m.demonstrative
                && (!speaks(text, m) || m.none && !first_person(text, m))
        });
        chain_from = same
            .map(|m| (m.start, true))
            .or((thing && past_things).then_some((prev_from, false)));
        // `Je rencontrai Gustave devant l'église. « … », me dit-il.`: the narrator's sentence,
        // whose subject `il` cannot be, names the one it stands for (a name whose form does
        // not say otherwise).
        let narrator = subject.as_ref().is_some_and(|m| first_person(text, m));
        let end = prev.last().map_or(prev_from, |t| t.end);
        let named = narrator
            .then(|| text.get(prev_from..end))
            .flatten()
            .and_then(|head| last_named(text, prev_from, head, Span::default(), &[], true))
            .and_then(|n| text.get(n.start..n.end))
            .filter(|n| {
                let feminine =
                    gender == Some(Gender::Masculine) && crate::lexicon::feminine_first_name(n);
                !called(n) && !feminine
            });
        if let Some(n) = named {
            return Some(n.to_string());
        }
    }
    // (None there, the latest speaker below.)
    if let (Some((from, via)), Some(left)) = (chain_from, chain.checked_sub(1)) {
        let chained = antecedent_within(
            back, text, quotes, history, from, from, want, called, left, via,
        );
        if chained.is_some() {
            return chained;
        }
    }
    // The last resort, the latest speaker, must have been shown with that gender (itself or
    // by an earlier quote of the same name): of an unknown gender it may be anyone.
    history
        .iter()
        .rev()
        .find(|h| {
            agrees(h)
                && (gender.is_none()
                    || h.gender
                        .or_else(|| known(said_speaker(quotes, h).name.as_deref()))
                        == gender)
        })
        .and_then(|h| said_speaker(quotes, h).name.clone())
}

/// The noun phrase a sentence opening with `Il y a`, `Il y avait` or `Il y eut` introduces
/// (adverbs such as `aussi` or `là` skipped): `Il y avait aussi ma grand-tante Amélie`.
fn presented(text: &str, toks: &[Tok], start: usize) -> Option<Mention> {
    let words = |k: usize, list: &[&str]| toks.get(k).is_some_and(|t| in_list(t, list));
    if !(words(start, &["il"])
        && words(start + 1, &["y"])
        && words(start + 2, &["a", "avait", "eut"]))
    {
        return None;
    }
    let mut i = start + 3;
    while words(i, &["aussi", "là", "encore", "toujours", "alors", "enfin"]) {
        i += 1;
    }
    let last = np_forward(toks, i)?;
    mention_of(text, toks, i, last)
}

/// Does byte `at` lie inside the marks of one of `quotes` (sorted by start)? O(log quotes).
fn inside_quote(quotes: &[Quote], at: usize) -> bool {
    let k = quotes.partition_point(|q| q.start < at);
    k > 0 && quotes.get(k - 1).is_some_and(|q| at < q.end)
}

/// A definite epithet that journalists use for the person they just named rather than for an
/// office (`la sexagénaire`, `le quinquagénaire`, `l'élue`, `l'édile`, `la jeune femme`): read
/// like a pronoun. Offices (`le maire`, `la ministre`) are joined through the cast instead.
fn is_epithet(mention: &str) -> bool {
    let Some(rest) = ["le ", "la ", "l'", "l’", "Le ", "La ", "L'", "L’"]
        .iter()
        .find_map(|d| mention.strip_prefix(d))
    else {
        return false;
    };
    let noun = rest.strip_prefix("jeune ").unwrap_or(rest);
    noun.ends_with("génaire")
        || matches!(
            noun,
            "trentenaire"
                | "quadra"
                | "quinqua"
                | "sexa"
                | "élu"
                | "élue"
                | "édile"
                | "intéressé"
                | "intéressée"
                | "homme"
                | "femme"
        )
}
