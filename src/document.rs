//! Stage 5 — document: the decisions that need the whole article in view, taken after every
//! quote has been read on its own by [`crate::classify`] and [`crate::attribute`].
//!
//! Real press copy repeats a show's or a plan's name in guillemets through the article, links to
//! other articles in navigation lines, and leaves the rules of stage 4 with nearby noun phrases
//! that are objects, not people. The rules, in order:
//!
//! 1. **Navigation lines**: guillemets on a line that starts with `Lire aussi`, `» À VOIR AUSSI`…
//!    (`lexicon/navigation.txt`) hold another article's title: `term` ([`TermReason::Navigation`]).
//!    A kicker such as `VIDÉO -` on the text's first line heads the text's own headline instead.
//! 2. **Glosses**: guillemets followed by `en français` translate a word: `term`
//!    ([`TermReason::Gloss`]).
//! 3. **Titles**: a short capitalised phrase without a clause in running text (`une Lexus «Art
//!    Car»`, `l'émission phare de la chaîne, «Recherche appartement ou maison»`) is a name:
//!    `term` ([`TermReason::Title`]). A quote that opens its sentence, or ends with sentence
//!    punctuation, or carries an incise after it, is never one.
//! 4. **The narrator's words**: in a narrative text — told in the passé simple (`il entra`, `ce
//!    fut`: `lexicon/narrative-past.txt`), as novels and memoirs are and news is not, or by a
//!    narrator who says `je` outside the guillemets in any tense (`j'ai dit que oui`) — a short
//!    fragment embedded in the narrator's sentence that no incise or colon gives to anyone (`qui
//!    se disaient « tu »`, `c'était un « monsieur »`) is a word held at a distance: `term`
//!    ([`TermReason::Named`]). Fiction quotes whole turns; news quotes fragments of its sources.
//!    Likewise a **written document** the story reproduces after a colon — a word of
//!    `lexicon/documents.txt` in the colon's sentence, which has no speech verb of its own (`il
//!    ouvrit le pli et lut ce qui suit : «…»`), or in the sentence before a bare `Il disait :`,
//!    or a letter's salutation on a line of its own (`« Monsieur,⏎« Je vous prie…`) — is read,
//!    not said: `term` ([`TermReason::Document`]).
//! 5. **Once a term, always a term**: the same phrase in guillemets that the document already
//!    treats as a term elsewhere, or that recurs in running text at least twice while short, is a
//!    term at every occurrence ([`TermReason::Recurring`]) — except where an incise of its own
//!    gives it to a speaker (`«Q», raconte Michel`).
//! 6. **Who can speak**: a speaker mention must be a person, an organisation or a pronoun: a name,
//!    or a noun phrase whose head (after determiners and adjectives such as `l'ancien`, `les
//!    deux`) is in `lexicon/person-nouns.txt` or `lexicon/organisations.txt`. Any other mention
//!    (`le panneau`, `une annonce`, `Le 26`, `un Performance Pack`) is dropped: no speaker is
//!    better than a wrong one.
//! 7. **Floating quotes**: a quote that opens its own sentence, with no speaker, right after the
//!    sentence that attributed the previous quote (`«Q1», a commenté X, le directeur de Y. «Q2»`)
//!    continues that speaker ([`Method::Continuation`]) — except, in a narrative text, a quote
//!    that opens a new paragraph: a new turn of dialogue, another speaker's.
//! 8. **Nobody's words** (before rule 6): a fragment embedded in the writer's sentence
//!    (`partial`, not nested) for which no rule found a speaker or even a speech cue takes the
//!    speaker of the next quote of its sentence (`Le texte parle de «sobriété» et de
//!    «partage», a relevé l'économiste`, [`Method::Continuation`]); with none, it is the writer's
//!    word at a distance, not a quotation (`la fin des «régimes spéciaux»`): `term`
//!    ([`TermReason::Unattributed`]). A fragment with a cue but no one named (`a-t-on appris`,
//!    `une note évoquait des «…»`) or right after a copula (`le maire est «très inquiet»`) stays
//!    a quotation.
//!
//! Complexity: every rule reads a bounded window around each quote (a line start is found by
//! searching back no further than the previous quote), the recurring phrases are counted in
//! one hash map, and the narrative past is counted in one pass over the words, only when a
//! fragment asks: O(text + quotes).

use crate::text::lowercase_cow as lowercase;
use crate::text::Lowercased;
use crate::text::TrimBy;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::cues::TITLE_NOUN_WORDS;
use crate::lexicon::grammar::Phrases;
use crate::lexicon::{is_org, is_person_noun, is_title, lines, narrative_past, verb, FnvSet};
use crate::model::{Method, Quote, QuoteKind, TermReason};
use crate::text::{floor_boundary, is_padding, words, Words};

/// A phrase of at most this many words that recurs in running text is a term.
pub const SHORT_FRAGMENT: usize = 4;
/// A title in guillemets has at most this many words.
const TITLE_WORDS: usize = 8;
/// Content longer than this (bytes) is never a title or a recurring term.
const TERM_BYTES: usize = 80;
/// How far back the apposition rule looks for a title noun, in bytes.
const CLAUSE_BACK: usize = 100;
/// How far back a floating quote looks for the previous attribution, in bytes.
const FLOAT_GAP: usize = 400;

pub(crate) static PRENOMINAL: LazyLock<FnvSet<&'static str>> = LazyLock::new(|| {
    lines(crate::lexicon::data!(include_str!(
        "../lexicon/prenominal.txt"
    )))
    .collect()
});
static SPEECH_NOUNS: LazyLock<FnvSet<&'static str>> = LazyLock::new(|| {
    lines(crate::lexicon::data!(include_str!(
        "../lexicon/speech-nouns.txt"
    )))
    .collect()
});
static NAVIGATION: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lines(crate::lexicon::data!(include_str!(
        "../lexicon/navigation.txt"
    )))
    .collect()
});

/// Pronouns that stand for no one who could speak (the mention is the pronoun alone).
const MUTE_PRONOUNS: [&str; 14] = [
    "rien",
    "tout",
    "cela",
    "ceci",
    "ça",
    "ca",
    "ce",
    "c'",
    "c’",
    "personne",
    "nul",
    "aucun",
    "aucune",
    "quiconque",
];

/// Pronouns and demonstratives that can stand for a speaker (`il`, `celle qui…`; `on` when the
/// text says for whom: `explique-t-on du côté de la mairie`).
const SPEAKING_PRONOUNS: [&str; 28] = [
    "il",
    "elle",
    "ils",
    "elles",
    "je",
    "j'",
    "j’",
    // The narrator a turn was said to, who answers it (`me demanda-t-elle`).
    "me",
    "m'",
    "m’",
    "nous",
    "on",
    "lui",
    "eux",
    "celui",
    "celle",
    "ceux",
    "celles",
    "celui-ci",
    "celle-ci",
    "ceux-ci",
    "celles-ci",
    "celui-là",
    "celle-là",
    "quelqu'",
    "quelqu’",
    "chacun",
    "chacune",
];

/// Runs the document-level rules over `quotes` (sorted by start, as every stage leaves them).
pub fn settle(text: &str, quotes: &mut [Quote], narrative: &mut Narrative) {
    let mut line_start = 0;
    let mut searched_to = 0;
    // One lowercase buffer for every head read; the navigation test once per line.
    let mut buf = String::new();
    let mut nav_line: Option<(usize, bool)> = None;
    let mut words_buf = Words::default();
    let headline = crate::text::headline(text).0;
    for q in quotes.iter_mut() {
        if q.parent.is_some() || q.kind == QuoteKind::Term {
            continue;
        }
        // The line start: search back from the quote only over text not searched before.
        let from = searched_to.min(q.start);
        if let Some(nl) = text.get(from..q.start).and_then(|s| s.rfind('\n')) {
            line_start = from + nl + 1;
        }
        searched_to = q.start;
        let nav = match nav_line {
            Some((at, nav)) if at == line_start => nav,
            _ => {
                let nav = navigation_line_in(text, line_start, headline, &mut buf);
                nav_line = Some((line_start, nav));
                nav
            }
        };
        if nav {
            make_term(q, TermReason::Navigation);
        } else if gloss(text, q.end, &mut buf) {
            make_term(q, TermReason::Gloss);
        } else if title_like(text, q) {
            make_term(q, TermReason::Title);
        } else if narrator_word(text, q) && narrative.get(text) {
            make_term(q, TermReason::Named);
        } else if read_out(text, q, &mut words_buf) && narrative.get(text) {
            make_term(q, TermReason::Document);
        }
    }
    recurring(text, quotes);
    unattributed(text, quotes);
    // `«Honteux», «indigne d'un élu» : les commentaires…`: a mention inside another quote (not
    // one holding this quote) is quoted words, not someone who speaks.
    let spans: Vec<(usize, usize)> = quotes
        .iter()
        .filter(|q| q.parent.is_none())
        .map(|q| (q.start, q.end))
        .collect();
    for q in quotes.iter_mut() {
        let at = q.speaker.as_ref().map_or(0, |s| s.start);
        let k = spans.partition_point(|&(s, _)| s <= at);
        let quoted = k > 0
            && spans
                .get(k - 1)
                .is_some_and(|&(s, e)| at < e && !(s <= q.start && q.end <= e));
        // (A vocative in the turn before names who answers: `Continuation` points there.)
        let subject = matches!(q.method, Some(Method::ClauseSubject | Method::BeforeQuote));
        if q.speaker.is_some() && quoted && subject {
            q.speaker = None;
        }
    }
    for q in quotes.iter_mut() {
        // A pronoun's antecedent that cannot speak (`l'agacement de la ministre`) names nobody.
        if let Some(s) = &mut q.speaker {
            if s.name.as_deref().is_some_and(|n| !can_name(n)) {
                s.name = None;
            }
        }
        // `on` speaks only for the group the text names (attribute's `du côté de`).
        let nameless_on = q
            .speaker
            .as_ref()
            .is_some_and(|s| s.name.is_none() && s.text.eq_ignore_ascii_case("on"));
        if nameless_on {
            q.speaker = None;
        }
        // The cue stays: the quote is attributed, to no one who speaks, and is never given to
        // the previous speaker by rule 6 (`«Q», lance un objet` after someone spoke).
        if q.speaker.as_ref().is_some_and(|s| !can_speak(&s.text)) {
            q.speaker = None;
        }
        // `Réponse de sa femme`: the speaker is the owner of the words, not the noun.
        if let Some(s) = &mut q.speaker {
            if let Some(owner) = speech_owner(&s.text) {
                s.name = Some(owner.to_string());
            }
        }
    }
    floating(text, quotes, narrative);
}

/// Is the text told in the narrative past ([`is_narrative`])? Read once per analysis, only when
/// a rule of [`crate::attribute`] or of this stage asks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Narrative(Option<bool>);

impl Narrative {
    /// The answer, read from the text the first time it is asked.
    pub fn get(&mut self, text: &str) -> bool {
        *self.0.get_or_insert_with(|| is_narrative(text))
    }
}

/// A text is narrative when at least this many of its words are a passé simple of narration…
const NARRATIVE_MIN: usize = 4;
/// … and at least one word in this many is one.
const NARRATIVE_DENSITY: usize = 400;
/// …or told by a narrator in the first person, in whatever tense (`j'ai dit que oui`, `je
/// réponds`): at least this many `je` outside guillemets (news has a few, in unquoted words)…
const NARRATOR_MIN: usize = 8;
/// … and at least one word in this many.
const NARRATOR_DENSITY: usize = 100;
/// A fragment of at most this many words is the narrator's word in a narrative text.
const NARRATOR_WORDS: usize = 6;

/// How much of a text [`is_narrative`] reads: its tense shows in its first pages.
const NARRATIVE_SAMPLE: usize = 64 * 1024;

/// Is the text told in the narrative past, as novels, tales and memoirs are (`il entra`, `elle
/// répondit`, `ce fut`), or by a first-person narrator (`Il m'a dit : «…» J'ai dit que oui.`),
/// rather than reported in the passé composé and the present as news is?
/// Counted once, over the first [`NARRATIVE_SAMPLE`] bytes: a bounded cost on any text (the
/// whole of an 8 MB text cost as much as the rest of the analysis).
#[inline(never)]
fn is_narrative(text: &str) -> bool {
    let sample = text
        .get(..crate::text::floor_boundary(text, NARRATIVE_SAMPLE))
        .unwrap_or(text);
    let (mut n, mut past, mut me, mut inside, mut end) = (0usize, 0usize, 0usize, false, 0);
    for w in words(sample) {
        n += 1;
        past += usize::from(narrative_past(w));
        // Inside guillemets or not: the last mark between the words (`«` ends in byte AB, `»`
        // in BB; the letters that do too, `ë` and `û`, are words).
        let at = w.as_ptr() as usize - sample.as_ptr() as usize;
        for &b in sample.as_bytes().get(end..at).unwrap_or(&[]) {
            inside = b == 0xAB || inside && b != 0xBB;
        }
        end = at + w.len();
        me += usize::from(!inside && matches!(w, "je" | "Je" | "j'" | "J'" | "j’" | "J’"));
    }
    past >= NARRATIVE_MIN && past.saturating_mul(NARRATIVE_DENSITY) >= n
        || me >= NARRATOR_MIN && me.saturating_mul(NARRATOR_DENSITY) >= n
}

/// A short fragment embedded in a sentence (`qui se disaient « tu »`, `c'était un « monsieur »`,
/// `comme « des ventres de femme grosse »`) that no incise or colon gives to anyone. In news it
/// is a partial quote of the source the sentence names; in a novel it is the narrator holding a
/// word at a distance or naming it, not a character's speech: fiction quotes whole turns.
fn narrator_word(text: &str, q: &Quote) -> bool {
    q.kind == QuoteKind::Partial
        && !matches!(
            q.method,
            Some(Method::AfterQuote | Method::InsideQuote | Method::BeforeQuote)
        )
        && fragment_words(q.content().slice(text)).is_some_and(|n| n <= NARRATOR_WORDS)
}

/// How far back from a colon the document rule reads, in bytes: its sentence and the one before.
const DOCUMENT_BACK: usize = 240;
/// A sentence of at most this many words before its colon (`Il disait :`) lets the sentence
/// before it say what is read.
const BARE_INTRO: usize = 3;

/// A letter's salutation has at most this many words.
const SALUTATION_WORDS: usize = 4;

static DOCUMENT_WORDS: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(crate::lexicon::data!(include_str!(
        "../lexicon/documents.txt"
    )))
});

/// A statement after a colon that reproduces a written document (`L'abbé ouvrit le pli et lut ce
/// qui suit : « … »`, `la copie du testament, lequel se terminait ainsi : « … »`, `Une lettre de
/// Firmin arriva. Il disait : « … »`): a word of `lexicon/documents.txt` in the colon's sentence,
/// which has no speech verb of its own, or in the sentence before a bare `Il disait :`.
fn read_out(text: &str, q: &Quote, buf: &mut Words) -> bool {
    if q.kind != QuoteKind::Direct
        || matches!(q.method, Some(Method::AfterQuote | Method::InsideQuote))
    {
        return false;
    }
    if salutation(q.content().slice(text)) {
        return true;
    }
    let before = text.get(..q.start).unwrap_or("");
    let lead = before.trim_end_by(|c| c.is_whitespace() || c == '—' || c == '–');
    let Some(intro) = lead.strip_suffix(':') else {
        return false;
    };
    let from = floor_boundary(intro, intro.len().saturating_sub(DOCUMENT_BACK));
    let window = intro.get(from..).unwrap_or("");
    // Where the sentence that ends `s` starts.
    let ends = |s: &str| {
        s.char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '…' | '»' | '\n'))
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let sentence_at = ends(window);
    let sentence = window.get(sentence_at..).unwrap_or("");
    buf.clear();
    buf.push_words(sentence);
    if has_document_word(buf) {
        // `lire` is a verb of saying for news (`a lu un communiqué`), but here it says what is read.
        return !(0..buf.len()).any(|i| document_at(buf, i) == 0 && speech_verb_at(buf, i));
    }
    if buf.len() > BARE_INTRO {
        return false;
    }
    // The sentence before, without the mark that ends it.
    let earlier = window
        .get(..sentence_at)
        .map_or("", |e| e.trim_end_by(|c| !crate::text::is_alnum(c)));
    let previous = earlier.get(ends(earlier)..).unwrap_or("");
    buf.clear();
    buf.push_words(previous);
    has_document_word(buf)
}

/// A letter's salutation on a line of its own (`Monsieur,`, `Ma chère Louise,`), the letter
/// running on in the next paragraphs: nobody speaks a line break after a vocative.
fn salutation(content: &str) -> bool {
    content.split_once('\n').is_some_and(|(first, rest)| {
        let first = first.trim_end();
        first.ends_with(',')
            && words(first).count() <= SALUTATION_WORDS
            && rest.chars().any(crate::text::is_alpha)
    })
}

/// Is word `i` a speech verb with the words its sense needs after it (`prit` only in `prit la
/// parole`)?
fn speech_verb_at(w: &Words, i: usize) -> bool {
    w.get(i).and_then(verb).is_some_and(|senses| {
        senses.iter().any(|s| {
            s.particles
                .iter()
                .enumerate()
                .all(|(k, p)| w.get(i + 1 + k) == Some(*p))
        })
    })
}

/// Does a word or phrase of `lexicon/documents.txt` stand among `w`?
fn has_document_word(w: &Words) -> bool {
    (0..w.len()).any(|i| document_at(w, i) > 0)
}

/// The number of words of the entry of `lexicon/documents.txt` that starts at word `i`, or 0.
fn document_at(w: &Words, i: usize) -> usize {
    let Some(first) = w.get(i) else { return 0 };
    DOCUMENT_WORDS
        .starting_with(first)
        .iter()
        .find(|p| {
            p.iter()
                .enumerate()
                .all(|(k, pw)| w.get(i + k).is_some_and(|x| x == pw))
        })
        .map_or(0, Vec::len)
}

/// Rule 8: a fragment with no speaker and no cue takes the speaker of the next quote of its
/// sentence (`Le texte parle de «sobriété» et de «partage», a relevé l'économiste`); else,
/// unless it follows a copula (`le maire est «très inquiet»`), it is nobody's words: a term. (A
/// fragment a speech verb embeds keeps that cue even when its subject cannot speak: `une note
/// évoquait des «dépenses imprévues»` stays a quotation.)
fn unattributed(text: &str, quotes: &mut [Quote]) {
    let mut next_said: Option<usize> = None;
    for qi in (0..quotes.len()).rev() {
        let Some(q) = quotes.get(qi) else { continue };
        if q.parent.is_some() || q.kind == QuoteKind::Term {
            continue;
        }
        let bare = q.kind == QuoteKind::Partial && q.speaker.is_none() && q.cue.is_none();
        if !bare {
            next_said = q.speaker.as_ref().map(|_| qi);
            continue;
        }
        let shared = next_said
            .and_then(|n| quotes.get(n))
            .filter(|n| {
                text.get(q.end..n.start)
                    .is_some_and(|gap| !gap.contains(['.', '!', '?', '…', ';', '\n']))
            })
            .and_then(|n| n.speaker.clone());
        let term = shared.is_none() && !crate::classify::after_copula(text, q.start);
        if let Some(out) = quotes.get_mut(qi) {
            if let Some(s) = shared {
                out.speaker = Some(s);
                out.method = Some(Method::Continuation);
                next_said = Some(qi);
            } else if term {
                make_term(out, TermReason::Unattributed);
            }
        }
    }
}

fn make_term(q: &mut Quote, reason: TermReason) {
    q.kind = QuoteKind::Term;
    q.reason = Some(reason);
    q.speaker = None;
    q.cue = None;
    q.method = None;
}

/// Makes `buf` the first `n` chars of `s`, lowercased char by char.
fn lower_head<'b>(s: &str, n: usize, buf: &'b mut String) -> &'b str {
    buf.clear();
    buf.extend(s.chars().take(n).map(crate::text::lower_char));
    buf
}

/// True when the line starting at `line_start` is a navigation line.
#[cfg(test)]
fn navigation_line(text: &str, line_start: usize) -> bool {
    navigation_line_in(
        text,
        line_start,
        crate::text::headline(text).0,
        &mut String::new(),
    )
}

/// The navigation-line test, with a reused buffer.
fn navigation_line_in(text: &str, line_start: usize, headline: usize, buf: &mut String) -> bool {
    let Some(rest) = text.get(line_start..) else {
        return false;
    };
    let rest = rest.trim_start_by(|c| {
        c.is_whitespace() || matches!(c, '»' | '>' | '-' | '•' | '►' | '▶' | '|' | '*' | '→')
    });
    let head = lower_head(rest, 40, buf);
    let first_line = line_start == headline;
    let mut kicker = false;
    NAVIGATION.iter().any(|&n| {
        // A kicker (`VIDÉO -`) on the text's first line heads the text's own headline.
        kicker |= n == "[kickers]";
        head.strip_prefix(n)
            .is_some_and(|after| !after.starts_with(|c: char| crate::text::is_alnum(c)))
            && !(kicker && first_line)
    })
}

/// True when the words right after a quote say it translates a word (`«cent dix» en français`,
/// `(«saucisse» en français)`): the writer's gloss, not anybody's words.
fn gloss(text: &str, end: usize, buf: &mut String) -> bool {
    let after = text.get(end..).unwrap_or("");
    let after = after.trim_start_by(|c| is_padding(c) || c == ',');
    // Only `e`/`E` lowercases to `e`: anything else cannot start `en français`.
    if !after.starts_with(['e', 'E']) {
        return false;
    }
    let head = lower_head(after, 12, buf);
    head.strip_prefix("en français")
        .is_some_and(|r| !r.starts_with(crate::text::is_alnum))
}

/// The char before `at`, skipping padding, or `None` at the start of the text.
fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?
        .chars()
        .rev()
        .take(16)
        .find(|&c| !is_padding(c))
}

/// True when a quote at `at` opens its sentence (or paragraph, or follows a colon or a dash).
fn opens_sentence(text: &str, at: usize) -> bool {
    match char_before(text, at) {
        None => true,
        Some(c) => matches!(
            c,
            '\n' | '\r' | '.' | '!' | '?' | '…' | ':' | '—' | '–' | '«' | '»' | '"' | '“' | '”'
        ),
    }
}

/// The number of words of a fragment when it reads as one (no sentence punctuation inside or at
/// its end); `None` for a sentence.
fn fragment_words(content: &str) -> Option<usize> {
    if content.len() > TERM_BYTES || content.contains(['.', '!', '?', '…', ';', ':', '\n']) {
        return None;
    }
    Some(words(content).count())
}

fn capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| crate::text::is_upper(c) || c.is_ascii_digit())
}

/// A short capitalised phrase standing in running text: a name, a title, a model.
fn title_like(text: &str, q: &Quote) -> bool {
    if q.parent.is_some() || matches!(q.method, Some(Method::AfterQuote | Method::InsideQuote)) {
        return false;
    }
    let content = q.content().slice(text);
    if content.len() > TERM_BYTES || content.contains(['.', '!', '?', '…', ';']) {
        return false;
    }
    let Some(first) = words(content).next() else {
        return false;
    };
    if !capitalised(first) {
        return false;
    }
    // Words, words of three letters or more, and those of them capitalised: counted, not kept.
    let (mut n_words, mut n_long, mut caps) = (0, 0, 0);
    for w in words(content) {
        n_words += 1;
        if n_words > TITLE_WORDS {
            return false;
        }
        if w.chars().nth(2).is_some() {
            n_long += 1;
            caps += usize::from(capitalised(w));
        }
    }
    let before = char_before(text, q.start);
    if opens_sentence(text, q.start) {
        // After a colon only a name in which every word is capitalised (`: «The Grand Tour»`).
        return before == Some(':') && n_words >= 2 && caps == n_long;
    }
    // In apposition to a noun for things that bear names (`l'émission phare de la chaîne,
    // «Recherche appartement ou maison»`).
    if matches!(before, Some(',' | '(')) && title_noun_in_clause(text, q.start) {
        return true;
    }
    // Most words of three letters or more are capitalised, as in a name (`La Voiture Noire`,
    // `Techno-Classica Essen meets Essen Motor Show 2020`), not in a sentence.
    n_long == 0 || caps * 2 > n_long || n_words <= 2 && caps == n_long
}

/// True when the clause before `at` (back to a sentence end, at most [`CLAUSE_BACK`] bytes)
/// holds a noun for things that bear names (`lexicon/title-nouns.txt`).
fn title_noun_in_clause(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(CLAUSE_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text.get(from..at).unwrap_or("");
    let clause = window
        .rfind(['.', '!', '?', '\n', ':', ';'])
        .and_then(|i| window.get(i + 1..))
        .unwrap_or(window);
    words(clause).any(|w| TITLE_NOUN_WORDS.contains(lowercase(w).as_ref()))
}

/// The normalised content of a quote, for comparing occurrences (case, spaces, trailing
/// punctuation ignored), written into `key`; `false` when too long to be a term or empty.
fn phrase_key(content: &str, key: &mut String) -> bool {
    key.clear();
    if content.len() > TERM_BYTES {
        return false;
    }
    for (i, w) in words(content).enumerate() {
        if i > 0 {
            key.push(' ');
        }
        if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            // The one lowercasing (`text::lowercase`), as every key is made.
            key.push_str(&w.lowercased());
        } else {
            key.push_str(w);
        }
    }
    !key.is_empty()
}

/// Rule 5: a phrase already a term somewhere, or recurring in running text, is a term everywhere.
fn recurring(text: &str, quotes: &mut [Quote]) {
    #[derive(Default)]
    struct Seen {
        in_running_text: usize,
        term: bool,
    }
    // Each phrase is copied once, when first seen; each quote keeps its phrase's slot.
    let mut slots: HashMap<String, usize> = HashMap::new();
    let mut seen: Vec<Seen> = Vec::new();
    let mut slot_of: Vec<usize> = vec![usize::MAX; quotes.len()];
    let mut key = String::new();
    for (qi, q) in quotes.iter().enumerate() {
        if q.parent.is_some() {
            continue;
        }
        let content = q.content().slice(text);
        if !phrase_key(content, &mut key) {
            continue;
        }
        let slot = match slots.get(key.as_str()) {
            Some(&slot) => slot,
            None => {
                slots.insert(key.clone(), seen.len());
                seen.push(Seen::default());
                seen.len() - 1
            }
        };
        if let Some(o) = slot_of.get_mut(qi) {
            *o = slot;
        }
        let Some(s) = seen.get_mut(slot) else {
            continue;
        };
        if q.kind == QuoteKind::Term {
            s.term = true;
        } else if !opens_sentence(text, q.start)
            && !heading_line(text, q.start)
            && fragment_words(content).is_some_and(|n| n <= SHORT_FRAGMENT)
        {
            s.in_running_text += 1;
        }
    }
    for (q, slot) in quotes.iter_mut().zip(slot_of) {
        // Words given to someone by their own incise (`«Q», raconte Michel`) are a quote here,
        // whatever the phrase is elsewhere.
        let incise = matches!(q.method, Some(Method::AfterQuote | Method::InsideQuote));
        if q.parent.is_some() || q.kind == QuoteKind::Term || incise && q.speaker.is_some() {
            continue;
        }
        if seen
            .get(slot)
            .is_some_and(|s| s.term || s.in_running_text >= 2)
        {
            make_term(q, TermReason::Recurring);
        }
    }
}

/// How long a heading line may be, in bytes.
const HEADING: usize = 200;

/// Is the line holding byte `at` a heading (a headline, a sub-heading): a short line that ends
/// without a sentence's final punctuation? A headline repeats the body's quote (`Trump promet
/// de «gagner gros»`), which is no recurring term for that.
fn heading_line(text: &str, at: usize) -> bool {
    // The line's start and end, each looked for at most one byte past the longest heading (so
    // that a longer line is refused the same way whatever text surrounds it).
    let from = floor_boundary(text, at.saturating_sub(HEADING + 1));
    let start = match text.get(from..at).and_then(|b| b.rfind('\n')) {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let to = floor_boundary(text, start.saturating_add(HEADING + 1));
    let Some(window) = text.get(start..to) else {
        return false;
    };
    let line = match window.find('\n') {
        Some(i) => window.get(..i).unwrap_or(""),
        None if to == text.len() && window.len() <= HEADING => window,
        None => return false,
    };
    !line
        .trim_end()
        .ends_with(['.', '!', '?', '…', ':', ';', ','])
}

/// Rule 6: true when a mention can speak: a pronoun, a name, or a noun phrase headed by a
/// person, role or organisation noun.
/// Is `lower` a noun for words someone says or writes (`lexicon/speech-nouns.txt`)?
pub(crate) fn is_speech_noun(lower: &str) -> bool {
    SPEECH_NOUNS.contains(lower)
}

pub fn can_speak(mention: &str) -> bool {
    // Any segment of an apposition will do (`la chapelle, M. Duflot` is cut badly, but names).
    mention.split(',').any(segment_can_speak)
}

fn segment_can_speak(mention: &str) -> bool {
    let mut ws = words(mention).peekable();
    let Some(first) = ws.peek().copied() else {
        return false;
    };
    let first_lower = lowercase(first);
    if SPEAKING_PRONOUNS.contains(&first_lower.as_ref()) {
        return true;
    }
    // `Rien n'est fait`, `Personne ne répond`, `Cela …`: a pronoun that names no one.
    let alone = words(mention).nth(1).is_none();
    if MUTE_PRONOUNS.contains(&first_lower.as_ref()) && alone {
        return false;
    }
    // `Certains dénoncent…`: people; `certains documents` is read as any noun phrase below.
    if matches!(first_lower.as_ref(), "certains" | "certaines" | "plusieurs") && alone {
        return true;
    }
    // `l'un d'eux`, `l'une d'entre elles`, `l'un de ses proches`, `l'un des élus`: one of a
    // group of people, an anonymous source.
    if matches!(first_lower.as_ref(), "l'" | "l’") {
        let mut next = words(mention).skip(1).map(lowercase);
        if let (Some(one), Some(of)) = (next.next(), next.next()) {
            if matches!(one.as_ref(), "un" | "une") {
                let then = next.next();
                match of.as_ref() {
                    "d'" | "d’" | "de" => {
                        return then.is_some_and(|w| {
                            matches!(
                                w.as_ref(),
                                "eux" | "elles" | "entre" | "ses" | "leurs" | "nos" | "vos"
                            )
                        })
                    }
                    "des" => return then.is_some_and(|w| is_person_noun(&w)),
                    _ => {}
                }
            }
        }
    }
    let indefinite = matches!(first_lower.as_ref(), "un" | "une" | "des");
    let mut determiner = false;
    let mut last_skipped = None;
    let mut head = None;
    let mut rest = Vec::new();
    for w in ws {
        if head.is_some() {
            rest.push(w);
            continue;
        }
        let lower = lowercase(w);
        if PRENOMINAL.contains(lower.as_ref()) && !(capitalised(w) && determiner && w.len() > 3) {
            determiner = true;
            last_skipped = Some(lower);
            continue;
        }
        head = Some(w);
    }
    let Some(head) = head else {
        // Only determiners and adjectives: `la première`, `cette dernière`.
        // `tous deux`, `toutes les deux`: people.
        let both = matches!(first_lower.as_ref(), "tous" | "toutes");
        return last_skipped.is_some_and(|w| is_person_noun(&w) || both && w == "deux");
    };
    let lower = lowercase(head);
    if head.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let person = |w: &str| {
        let l = lowercase(w);
        is_person_noun(&l) || is_org(&l)
    };
    // A word that is an adjective before a noun as well as a noun of people (`premier`),
    // before a noun of things, is that noun's adjective: `Premiers incidents place de la
    // Nation` is no one (`Premier ministre`, `le premier à réagir` are people).
    let adjective = {
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        (PRENOMINAL.contains(lower.as_ref()) || PRENOMINAL.contains(singular))
            && rest.first().is_some_and(|w| {
                let n = lowercase(w);
                !capitalised(w)
                    && n.chars().all(crate::text::is_alpha)
                    && crate::lexicon::grammar::class_of(&n) == 0
                    && !person(&n)
            })
    };
    // The head, or a noun one or two adjectives later (`l'inexorable prêtre`).
    if !adjective && person(&lower) || rest.iter().take(2).any(|w| person(w)) {
        return true;
    }
    // Words of someone: `Réponse de sa femme`, `la voix du père`, `le message de Paul`.
    if SPEECH_NOUNS.contains(lower.as_ref()) {
        if let Some(owner) = owner_after(mention, head) {
            return segment_can_speak(owner);
        }
    }
    // A name after the head (`la judokate Clarisse Durand`, `le trésorier, Jean Morel`), not
    // inside its complement: `Le témoignage de Paul Ravel` is a thing, not Paul Ravel.
    if !indefinite
        && rest
            .iter()
            .take_while(|w| !matches!(lowercase(w).as_ref(), "de" | "du" | "des" | "d'" | "d’"))
            .any(|w| capitalised(w) && w.chars().nth(1).is_some())
    {
        return true;
    }
    if !capitalised(head) || indefinite {
        return false;
    }
    // After a definite article a capitalised head is a proper name (`le Canard enchaîné`).
    if determiner {
        return true;
    }
    // Without one, a name: more than one letter, not an adverb (`Largement`), and no lowercase
    // word right after it unless a
    // particle or `et` leads to another capitalised word (`Jean de La Fontaine`, `Paul et Marie`,
    // not `Loin d'être …`).
    // (`M. de Rênal`: the title `M.` before a particle.)
    if head.chars().nth(1).is_none() && (head != "M" || rest.is_empty())
        || lower.len() > 6 && lower.ends_with("ment") && rest.is_empty()
    {
        return false;
    }
    let mut after = rest.iter();
    match after.next() {
        None => true,
        Some(w) => {
            let particle = matches!(
                lowercase(w).as_ref(),
                "de" | "d'"
                    | "d’"
                    | "du"
                    | "des"
                    | "van"
                    | "von"
                    | "der"
                    | "da"
                    | "del"
                    | "y"
                    | "et"
            );
            particle && after.next().is_some_and(|n| capitalised(n))
        }
    }
}

/// The owner of the words a mention headed by a noun of speech names (`Réponse de sa femme` →
/// `sa femme`, `la voix du père` → `père`), when the mention's first noun is one.
pub(crate) fn speech_owner(mention: &str) -> Option<&str> {
    let head = words(mention).find(|w| !PRENOMINAL.contains(lowercase(w).as_ref()))?;
    if !SPEECH_NOUNS.contains(lowercase(head).as_ref()) {
        return None;
    }
    let owner = owner_after(mention, head)?;
    // Without a definite article, as names of roles are (`la direction` → `direction`).
    let owner = ["le ", "la ", "les ", "l'", "l’"]
        .iter()
        .find_map(|a| owner.strip_prefix(a))
        .unwrap_or(owner)
        .trim_start();
    // A role and the name right after it: the name (`la ministre Claire Morel` → `Claire
    // Morel`; `le président de la CGT` stays).
    let owner = match owner.split_once(' ') {
        Some((role, name))
            if is_person_noun(&role.lowercased()) && name.starts_with(crate::text::is_upper) =>
        {
            name
        }
        _ => owner,
    };
    (!owner.is_empty()).then_some(owner)
}

/// What follows the `de` / `du` / `des` / `d'` after `head` (a word of `mention`, borrowed from
/// it): `Réponse de sa femme` → `sa femme`. `None` without such a link; empty when nothing
/// follows it.
fn owner_after<'m>(mention: &'m str, head: &str) -> Option<&'m str> {
    let head_end = head.as_ptr() as usize - mention.as_ptr() as usize + head.len();
    let after = mention.get(head_end..)?;
    let link = words(after)
        .find(|w| matches!(lowercase(w).as_ref(), "de" | "du" | "des" | "d'" | "d’"))?;
    let at = link.as_ptr() as usize - after.as_ptr() as usize + link.len();
    Some(after.get(at..)?.trim())
}

/// A resolved name must be a name or a noun phrase that can speak, not a pronoun (`ce`,
/// `Celui`).
fn can_name(name: &str) -> bool {
    let first = words(name).next().unwrap_or("");
    let lower = first.lowercased();
    if SPEAKING_PRONOUNS.contains(&lower.as_str()) {
        return false;
    }
    if capitalised(first) {
        // A proper name (`Courrier picard`), but not a sentence's first word that is an
        // adjective or an adverb (`Principal artisan …`, `Largement`); a noun phrase that
        // opens its sentence with a determiner (`Sa tante`) is judged by its head.
        // (`Premier ministre`, `Première secrétaire`: an office whose first word is one.)
        // (`D'Artagnan`: a name whose particle is elided, not the `d'` of `l'un d'eux`.)
        if PRENOMINAL.contains(lower.as_str()) && lower != "d'" {
            let office = crate::lexicon::is_person_noun(&lower)
                && words(name)
                    .nth(1)
                    .is_some_and(|w| crate::lexicon::is_person_noun(&w.lowercased()));
            return (crate::lexicon::grammar::class_of(&lower) & crate::lexicon::grammar::C_DET
                != 0
                || office)
                && can_speak(name);
        }
        // (`Clément Beaune`: a first name before a surname, not an adverb.)
        !(lower.len() > 6
            && lower.ends_with("ment")
            && !words(name).nth(1).is_some_and(capitalised))
    } else {
        can_speak(name)
    }
}

/// Rule 7: a quote opening its own sentence with no speaker continues the previous quote's
/// speaker when only the rest of that quote's attributing sentence lies between.
fn floating(text: &str, quotes: &mut [Quote], narrative: &mut Narrative) {
    let mut prev: Option<usize> = None;
    // The continuations added here count against the answer's size budget as the attribution
    // stage's do: none is copied where it would not fit.
    let mut budget = crate::resolve::OutputBudget::new();
    for qi in 0..quotes.len() {
        let Some(q) = quotes.get(qi) else { break };
        budget.quote(q.end);
        if let Some(s) = &q.speaker {
            budget.speaker(s, q.cue.as_deref(), q.method);
        }
        if q.parent.is_some() || q.kind == QuoteKind::Term {
            continue;
        }
        // After a colon or a dash the sentence before introduced the quote: not a float.
        let after_colon = char_before(text, q.start).is_some_and(|c| matches!(c, ':' | '—' | '–'));
        // A dialogue turn (`— Oui, à l'aube.` inside guillemets opened on an earlier line) is
        // a new speaker's, never the previous quote's continued (attribute's turn rules).
        let turn = text
            .get(q.start..)
            .is_some_and(|r| r.starts_with(['—', '–', '―']) || r.starts_with("--"));
        // A quote with a cue of its own (`«Q», peut-on lire`) names its source or no one.
        if q.speaker.is_none()
            && q.cue.is_none()
            && opens_sentence(text, q.start)
            && !after_colon
            && !turn
            && !crate::classify::has_incise_after(text, q)
        {
            let from = prev.and_then(|p| quotes.get(p)).map(|p| {
                let s = p.speaker.as_ref().map_or(0, |s| s.end);
                let c = p.cue.as_ref().map_or(0, |c| c.end);
                p.end.max(s).max(c)
            });
            if let Some(attr_end) = from {
                let gap = text.get(attr_end..q.start).unwrap_or(".");
                // In a novel a quote that opens a new paragraph of dialogue is the next turn,
                // another speaker's (attribute's undashed turns), not the same one's continued.
                let mut new_turn = || {
                    gap.contains('\n')
                        && char_before(text, q.start) == Some('\n')
                        && narrative.get(text)
                };
                if q.start >= attr_end
                    && q.start - attr_end <= FLOAT_GAP
                    && only_sentence_end(gap)
                    && !new_turn()
                {
                    // Only the speaker is copied, and only when it is carried over and fits.
                    let speaker = prev
                        .and_then(|p| quotes.get(p))
                        .and_then(|p| p.speaker.as_ref())
                        .filter(|s| budget.speaker(s, None, Some(Method::Continuation)))
                        .cloned();
                    if let Some(out) = quotes.get_mut(qi) {
                        out.speaker = speaker;
                        out.method = Some(Method::Continuation);
                    }
                }
            }
        }
        if quotes.get(qi).is_some_and(|q| q.speaker.is_some()) {
            prev = Some(qi);
        }
    }
}

/// True when `gap` holds at most the end of one sentence: no sentence end or line break before
/// its last stretch of punctuation, spaces and breaks.
fn only_sentence_end(gap: &str) -> bool {
    let body = gap.trim_end_by(|c| {
        c.is_whitespace() || matches!(c, '.' | '!' | '?' | '…' | ')' | '»' | '"' | '”')
    });
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' | '\r' | '!' | '?' | '…' | ';' | '«' | '»' => return false,
            // A period ends a sentence unless it closes a title or an initial (`M.`, `J.`).
            '.' if chars.peek().is_some_and(|(_, n)| n.is_whitespace()) => {
                let word = body
                    .get(..i)
                    .and_then(|b| b.split(|c: char| !crate::text::is_alnum(c)).next_back())
                    .unwrap_or("");
                let title = !word.is_empty() && word.chars().nth(1).is_none()
                    || is_title(&crate::text::concat(&[word, "."]));
                if !title {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_can_speak() {
        for m in [
            "Emmanuel Macron",
            "le maire",
            "la porte-parole du gouvernement",
            "l'ancien Premier ministre",
            "les manifestants",
            "un proche",
            "il",
            "Cette dernière",
            "le Kremlin",
            "la CGT",
            "Jean de La Fontaine",
            "M. Dupont",
            "celui qui avait lancé la polémique",
            "les deux hommes",
            "Le Parisien",
            "Réponse de sa femme",
            "la voix du père",
            "la réponse de la mairie au courrier",
        ] {
            assert!(can_speak(m), "{m}");
        }
        for m in [
            "la situation",
            "ses larmes",
            "Le panneau",
            "Une annonce",
            "Le 26",
            "un Performance Pack",
            "Les deux",
            "A",
            "Loin d'être une simple voiture",
            "ce",
            "quelques secondes",
            "Largement",
            "le message du panneau",
        ] {
            assert!(!can_speak(m), "{m}");
        }
    }

    #[test]
    fn navigation_lines() {
        let t = "Texte.\n» LIRE AUSSI - «Un titre»\nÀ voir aussi : «Autre»\nLirette dit «x»";
        assert!(navigation_line(t, 7));
        let second = t.find("À voir").unwrap_or(0);
        assert!(navigation_line(t, second));
        let third = t.find("Lirette").unwrap_or(0);
        assert!(!navigation_line(t, third));
    }

    #[test]
    fn sentence_gaps() {
        assert!(only_sentence_end(", le directeur de Bugatti. "));
        assert!(only_sentence_end(
            " dans les colonnes de l'hebdomadaire.\n\n"
        ));
        assert!(!only_sentence_end(". Elle a ensuite quitté la salle. "));
        assert!(!only_sentence_end(
            " a-t-il dit.\nLe lendemain, X est parti. "
        ));
    }
}
