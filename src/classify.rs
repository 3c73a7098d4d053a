//! Stage 3 — classify: decides whether each quote is a statement (`direct`), a fragment embedded
//! in the reporter's sentence (`partial`) or a title, name, nickname or term (`term`).
//!
//! The rules, in order (a copy editor's reading):
//! 1. **Term** when a naming word (`lexicon/term-cues.txt`: `surnommé`, `baptisé`, `intitulé`,
//!    `dite`, `sous le nom de`, `le slogan`…) stands right before the marks, only linking words
//!    (`de`, `des`, `du`, articles) between; `appelé`/`nommé` after an auxiliary
//!    (`a appelé à «…»`) are speech and do not count.
//! 2. **Term** when a noun for things that bear names (`lexicon/title-nouns.txt`: `quotidien`,
//!    `film`, `opération`, `navire`…) comes before the marks and the content starts with a
//!    capital (up to two adjectives between: `le quotidien britannique «The Guardian»`), or the
//!    noun has a definite article and touches the marks (`l'opération «mains propres»`) or is
//!    followed only by linking words (`le mouvement des «bonnets rouges»`).
//! 3. **Term** for a short capitalised name (no sentence punctuation, no clause word such as
//!    `qui`, `est`) right after an article
//!    or a preposition (`le «Nautilus»`, `au «Parisien»`), unless a speech incise follows.
//! 4. **Term** for a short lowercase group name opening its sentence after a bare article
//!    (`Les «gilets jaunes» ont manifesté`): nobody has been quoted yet.
//! 5. **Direct** at the start of a paragraph or a parent quote, after `:` `.` `!` `?` `…` a dash
//!    or a bracket, or when the content starts with a capital after a comma or a verb.
//! 6. **Partial** otherwise: lowercase content embedded in the sentence (`une «paix durable»`,
//!    `jugé «inacceptables»`), or a capitalised fragment after an article —
//!    provided someone says it: a speech cue (any form of a verb of `lexicon/speech-verbs.txt`,
//!    a noun from a verb's stem such as `dénonciation`, or a word of
//!    `lexicon/speech-words.txt` such as `selon`) stands in the same sentence. Without one the
//!    guillemets keep a word at a distance (`des personnes «arrivées»`): **term**. Quotes nested in a quote, and
//!    fragments right after a copula (`le maire est «très inquiet»`), stay partial.
//!
//! Complexity: each quote reads a bounded window (at most [`WINDOW`] bytes, [`SENTENCE_WINDOW`]
//! for the speech-cue check) before its opener, at most [`CONTENT_PEEK`] bytes of its content
//! and a bounded window after its closer: O(quotes). The speech-cue window also stops at the
//! quote [`NEIGHBOURS`] quotes away on either side, so that however dense the quotes (`«a»«a»…`)
//! no text is read by more than a few of them.

use crate::lexicon::cues::{speech_cue_at, TERM_CUES_BY_LAST, TITLE_NOUN_WORDS, TITLE_PHRASES};
use crate::model::{Quote, QuoteKind, TermReason};
use crate::text::TrimBy;
use crate::text::{is_alnum, is_break, is_space, prefetch, Words, NEIGHBOURS};

/// How far before an opener the rules look, in bytes.
pub const WINDOW: usize = 120;
/// How much of the content the shape checks read, in bytes.
pub const CONTENT_PEEK: usize = 160;
/// A "short" name or term, in words.
const SHORT: usize = 6;

/// How far the speech-cue check reads around a partial quote, in bytes: back to the sentence
/// start (at most this far) and forward to the sentence end (at most half of it).
pub const SENTENCE_WINDOW: usize = 240;

/// Linking words allowed between a cue and the marks.
const LINKS: [&str; 11] = [
    "de", "des", "du", "d'", "le", "la", "les", "l'", "un", "une", "en",
];
/// Definite articles (and their contractions) that make a title noun name something.
const DEFINITE: [&str; 9] = ["le", "la", "les", "l'", "du", "au", "aux", "des", "ce"];
/// Articles and prepositions after which a capitalised short content is a name.
const NAME_INTRO: [&str; 25] = [
    "le", "la", "les", "l'", "du", "des", "de", "d'", "au", "aux", "un", "une", "sur", "dans",
    "par", "à", "en", "vers", "ce", "cet", "cette", "son", "selon", "chez", "avec",
];
/// Articles: a capitalised fragment after one is embedded in the sentence (`une «Europe
/// puissance»`).
const ARTICLES: [&str; 14] = [
    "le", "la", "les", "l'", "du", "des", "de", "d'", "au", "aux", "un", "une", "ce", "cette",
];
/// Copulas right before the marks: the fragment says what the subject is, in its own words
/// (`le maire est «très inquiet»`), so it is a partial quote even with no speech verb.
const COPULAS: [&str; 12] = [
    "est",
    "sont",
    "reste",
    "restent",
    "demeure",
    "demeurent",
    "semble",
    "semblent",
    "serait",
    "seraient",
    "sera",
    "seront",
];
/// Words that make a capitalised content a clause rather than a name.
const CLAUSE_WORDS: [&str; 16] = [
    "qui", "que", "qu'", "est", "sont", "était", "a", "ont", "sera", "je", "j'", "nous", "vous",
    "il", "elle", "ne",
];
/// Auxiliaries and subject pronouns: `a appelé`, `il appelle` are speech, not naming.
const AUXILIARIES: [&str; 22] = [
    "a", "ai", "as", "avons", "avez", "ont", "avait", "avaient", "aura", "auront", "avoir",
    "ayant", "il", "elle", "ils", "elles", "on", "je", "j'", "tu", "nous", "vous",
];
/// Words that cannot be adjectives between a title noun and a title.
const NOT_ADJECTIVES: [&str; 18] = [
    "à", "au", "aux", "pour", "par", "sur", "contre", "avec", "sans", "que", "qu'", "qui", "et",
    "ou", "est", "sont", "était", "a",
];

/// Sets [`Quote::kind`] on every quote.
pub fn classify(text: &str, quotes: &mut [Quote]) {
    let mut scratch = Scratch::default();
    let bytes = text.as_bytes();
    for i in 0..quotes.len() {
        // The text around a quote a few quotes ahead is fetched while this one is classified:
        // on a long text it has left the cache since the scan.
        if let Some(ahead) = quotes.get(i + PREFETCH_AHEAD) {
            prefetch(bytes, ahead.start.saturating_sub(WINDOW));
            prefetch(bytes, ahead.start.saturating_sub(WINDOW / 2));
            prefetch(bytes, ahead.start);
            prefetch(bytes, ahead.end);
        }
        // The speech-cue window reaches no further than the [`NEIGHBOURS`]-th quote on each
        // side: however dense the quotes, no text is read by more than a few of them.
        let reach = Reach {
            floor: i
                .checked_sub(NEIGHBOURS)
                .and_then(|k| quotes.get(k))
                .map_or(0, |q| q.start),
            ceiling: quotes.get(i + NEIGHBOURS).map_or(text.len(), |q| q.start),
        };
        if let Some(q) = quotes.get_mut(i) {
            q.kind = kind_of(text, q, reach, &mut scratch);
            if q.kind == QuoteKind::Term {
                q.reason = Some(TermReason::Named);
            }
        }
    }
}

/// How many quotes ahead [`classify`] prefetches the text.
const PREFETCH_AHEAD: usize = 4;

/// The stretch `floor..ceiling` a quote's speech-cue window may read (see [`NEIGHBOURS`]).
#[derive(Clone, Copy)]
struct Reach {
    floor: usize,
    ceiling: usize,
}

/// Buffers reused from quote to quote, so that classifying allocates nothing per quote.
#[derive(Default)]
struct Scratch {
    before: Words,
    content: Words,
    other: Words,
}

/// What stands before an opener, within its clause.
struct Before<'w> {
    /// Words back to the nearest punctuation, in text order; [`Before::word`] reads the last
    /// (at most) 6, nearest first.
    words: &'w Words,
    /// The punctuation that ends the clause before the words; `'\n'` for the paragraph start,
    /// `None` when the window ran out first.
    boundary: Option<char>,
    /// The nearest non-blank char before the opener (`None` at the paragraph start).
    prev: Option<char>,
}

/// The text before `pos`, at most [`WINDOW`] bytes, cut back to a char boundary.
fn window_before(text: &str, pos: usize) -> (&str, bool) {
    let mut start = pos.saturating_sub(WINDOW);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    (text.get(start..pos).unwrap_or(""), start == 0)
}

impl Before<'_> {
    /// How many words [`Before::word`] reads (at most 6).
    fn len(&self) -> usize {
        self.words.len().min(6)
    }

    /// The `i`-th word back from the opener (0: the nearest), among the nearest 6.
    fn word(&self, i: usize) -> Option<&str> {
        if i >= self.len() {
            return None;
        }
        self.words.get(self.words.len() - 1 - i)
    }

    /// Are the nearest `n` words all in `set` or adverbs in `-ment` (`surnomme affectueusement
    /// «ma Jadou»`)? (True when there are fewer than `n` words and those are.)
    fn nearest_all_in(&self, n: usize, set: &[&str]) -> bool {
        (0..n.min(self.len())).all(|k| {
            self.word(k)
                .is_some_and(|w| set.contains(&w) || w.ends_with("ment"))
        })
    }
}

fn before<'w>(text: &str, pos: usize, words: &'w mut Words) -> Before<'w> {
    let (win, whole) = window_before(text, pos);
    crate::work::tick(win.len() as u64);
    // The stretch of the window inside the current clause.
    let mut clause_start = 0;
    let mut boundary = if whole { Some('\n') } else { None };
    for (i, c) in win.char_indices().rev() {
        if is_break(c) {
            clause_start = i + c.len_utf8();
            boundary = Some('\n');
            break;
        }
        if !(is_alnum(c) || is_space(c) || matches!(c, '\'' | '’' | '-')) {
            clause_start = i + c.len_utf8();
            boundary = Some(c);
            break;
        }
    }
    let clause = win.get(clause_start..).unwrap_or("");
    words.clear();
    words.push_words(clause);
    let prev = win.chars().rev().find(|&c| !is_space(c));
    let prev = match prev {
        Some(c) if is_break(c) => None,
        p => p,
    };
    Before {
        words,
        boundary,
        prev,
    }
}

/// The shape of a quote's content: its first char at once, the rest read only when a rule
/// asks (most quotes are decided without it).
struct Content<'a> {
    first: Option<char>,
    /// The content, at most [`CONTENT_PEEK`] bytes of it.
    peek: &'a str,
    /// The content is longer than `peek`.
    truncated: bool,
    /// [`Content::plain_words`], once computed.
    plain: Option<Option<usize>>,
}

fn content<'a>(text: &'a str, q: &Quote) -> Content<'a> {
    let mut end = q.content_end.min(q.content_start + CONTENT_PEEK);
    while end > q.content_start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let s = text.get(q.content_start..end).unwrap_or("");
    Content {
        first: s.chars().next(),
        peek: s,
        truncated: end < q.content_end,
        plain: None,
    }
}

impl Content<'_> {
    /// The number of words of a content that reads as a name or a short noun phrase: `None`
    /// when it holds sentence punctuation (a trailing comma or period of old typography
    /// excluded) or a line break, is longer than [`CONTENT_PEEK`], has more than [`SHORT`]
    /// words, or holds a relative pronoun or a common verb (a clause, not a name: `Europe qui
    /// protège`). Every rule that reads the content's shape asks exactly this.
    fn plain_words(&mut self, words: &mut Words) -> Option<usize> {
        if let Some(p) = self.plain {
            return p;
        }
        let s = self.peek;
        crate::work::tick(s.len() as u64);
        let body = s.trim_end_by(|c| matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}'));
        let sentence_punct = self.truncated
            || body.chars().any(|c| {
                matches!(
                    c,
                    '.' | '!' | '?' | '…' | ':' | ';' | '«' | '»' | '"' | '“' | '”' | ','
                )
            })
            || s.contains('\n');
        let p = if sentence_punct {
            None
        } else {
            let n = s.split_whitespace().count();
            (n <= SHORT && !has_clause_word(s, words)).then_some(n)
        };
        self.plain = Some(p);
        p
    }
}

/// A relative pronoun or a common verb among the words of `s`.
fn has_clause_word(s: &str, words: &mut Words) -> bool {
    words.clear();
    words.push_words(s);
    (0..words.len()).any(|i| is_in(words.get(i), &CLAUSE_WORDS))
}

/// [`incise_after`] for the later stages: does an incise (a comma, then a verb form) follow
/// the quote's closer? Then the quote is attributed by it, to someone or to no one.
pub(crate) fn has_incise_after(text: &str, q: &Quote) -> bool {
    incise_after(text, q, &mut Words::default())
}

/// A speech incise right after the closer: `», a-t-il dit`, `», estime X`, `», s'est
/// félicité X`, `», selon X` (a comma, then an auxiliary, an inverted verb, `selon` or a verb
/// form); not `», éteignant les feux`, `», je rêvais` or `», et`.
fn incise_after(text: &str, q: &Quote, words: &mut Words) -> bool {
    let mut end = (q.end + 32).min(text.len());
    while end > q.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    let after = text.get(q.end..end).unwrap_or("");
    let Some(rest) = after.trim_start().strip_prefix(',') else {
        return false;
    };
    words.clear();
    words.push_words(rest);
    let Some(w) = words.get(0) else {
        return false;
    };
    if !rest
        .trim_start()
        .starts_with(|c: char| crate::text::is_lower(c))
    {
        return false;
    }
    if AUXILIARIES.get(..12).is_some_and(|aux| aux.contains(&w))
        || matches!(w, "s'" | "selon" | "d'" | "ajoute" | "dit")
        || ["-il", "-elle", "-ils", "-elles", "-on"]
            .iter()
            .any(|e| w.ends_with(e))
    {
        return w != "d'" || words.get(1) == Some("après");
    }
    if w.ends_with("ant") || NOT_INCISE.contains(&w) {
        return false;
    }
    ["e", "t", "a", "ent", "it"].iter().any(|e| w.ends_with(e))
}

/// Words that start a clause, not a speech incise, after `»,`.
const NOT_INCISE: [&str; 52] = [
    "et", "mais", "puis", "ou", "donc", "car", "or", "ni", "qui", "que", "qu'", "dont", "où", "je",
    "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "le", "la", "les", "l'", "un",
    "une", "des", "ce", "cette", "ces", "c'", "son", "sa", "ses", "leur", "en", "à", "au", "dans",
    "sur", "pour", "par", "avec", "sans", "comme", "si", "quand", "lorsque", "ne",
];

/// Is the word right before byte `pos` (spaces skipped) a copula (`le maire est «très
/// inquiet»`)? Such a fragment is the subject's own words even with no speech verb.
pub(crate) fn after_copula(text: &str, pos: usize) -> bool {
    let (win, _) = window_before(text, pos);
    let word = win
        .trim_end_by(is_space)
        .rsplit(|c: char| !is_alnum(c))
        .next()
        .unwrap_or("");
    COPULAS.contains(&word)
}

fn is_in(word: Option<&str>, set: &[&str]) -> bool {
    word.is_some_and(|w| set.contains(&w))
}

/// Rule 1: a naming word before the marks, linking words only in between.
fn naming_cue(b: &Before) -> bool {
    for skip in 0..=2usize {
        if !b.nearest_all_in(skip, &LINKS) {
            break;
        }
        // A cue's last word is the nearest to the marks.
        let Some(cues) = b.word(skip).and_then(|w| TERM_CUES_BY_LAST.get(w)) else {
            continue;
        };
        for cue in cues {
            let n = cue.len();
            if !b.matches_backwards(skip, cue) {
                continue;
            }
            let head = cue.first().map(String::as_str).unwrap_or("");
            let speech_verb = matches!(
                head,
                "appelé" | "appelée" | "appelés" | "appelées" | "nommé" | "nommée"
            );
            if speech_verb && (skip > 0 || is_in(b.word(skip + n), &AUXILIARIES)) {
                continue;
            }
            // `elle s'est dite «déçue»`, `ils se sont dits «prêts»`: the reflexive `se dire`
            // is speech (its subject says the words), not a naming `dite`.
            let reflexive = |k: usize| is_in(b.word(k), &["s'", "se"]);
            if matches!(head, "dite" | "dits" | "dites")
                && (reflexive(skip + n) || reflexive(skip + n + 1))
            {
                continue;
            }
            return true;
        }
    }
    false
}

impl Before<'_> {
    /// Do the words from the `skip`-th nearest on, read backwards, spell `phrase`
    /// (`phrase`'s last word is the `skip`-th nearest)?
    fn matches_backwards(&self, skip: usize, phrase: &[String]) -> bool {
        let n = phrase.len();
        skip + n <= self.len()
            && phrase
                .iter()
                .rev()
                .enumerate()
                .all(|(j, p)| self.word(skip + j) == Some(p.as_str()))
    }
}

/// Rule 2: a noun for things that bear names.
fn title_noun(b: &Before, c: &mut Content, words: &mut Words, ends_clause: bool) -> bool {
    let upper = c.first.is_some_and(crate::text::is_upper);
    for skip in 0..=2usize {
        let Some(w) = b.word(skip) else {
            break;
        };
        let noun = TITLE_NOUN_WORDS.contains(w)
            || TITLE_PHRASES
                .get(w)
                .is_some_and(|ps| ps.iter().any(|p| b.matches_backwards(skip, p)));
        if !noun {
            continue;
        }
        let peek = c.peek;
        // A lowercase name is a short noun phrase, not a clause: `l'opération «mains propres»`,
        // but not `l'affaire «ne fait que commencer»`, nor a judgment opening on an adverb
        // (`rend le site «structurellement déficitaire»`).
        let adverb = c
            .peek
            .split_whitespace()
            .next()
            .is_some_and(|w| w.len() > 6 && w.ends_with("ment"));
        let mut definite = || {
            is_in(b.word(skip + 1), &DEFINITE)
                && !adverb
                && c.plain_words(words).is_some_and(|n| n <= SHORT)
        };
        if skip == 0 {
            // `a jugé la réforme «indispensable»`: after a verb of judging, the guillemets hold
            // the judgment on the thing (an attribute of the object), not its name.
            let judged = is_in(b.word(1), &DEFINITE) && b.word(2).is_some_and(judging_verb);
            // `examinera le projet «avec attention»`, `défendra la réforme «jusqu'au bout»`:
            // an adverbial opens no name; it says how, in someone's words.
            let adverbial = ["avec ", "sans ", "en ", "très ", "trop ", "jusqu"]
                .iter()
                .any(|a| peek.starts_with(a));
            // `a reconnu que le réseau «peine à suivre»`: the noun opens a clause after `que`
            // and the guillemets, ending it, hold its verb, not the noun's name.
            let predicate = ends_clause && b.word(2) == Some("que");
            return upper || definite() && !judged && !adverbial && !predicate;
        }
        // `le mouvement des «bonnets rouges»`: only linking words in between; not the
        // judgment `qualifier la réforme de «brutale»`.
        let qualified = skip == 1
            && matches!(b.word(0), Some("de" | "d'" | "d’"))
            && b.word(3).is_some_and(judging_verb);
        if definite() && b.nearest_all_in(skip, &LINKS) && !qualified {
            return true;
        }
        let adjectives = (0..skip).all(|k| {
            b.word(k)
                .is_some_and(|x| !NOT_ADJECTIVES.contains(&x) && !looks_like_verb(x))
        });
        return upper && adjectives;
    }
    false
}

/// A form of a verb that judges its object (`juge`, `a jugé`, `estime`, `trouve`, `considère`).
fn judging_verb(w: &str) -> bool {
    crate::lexicon::verb(w).is_some_and(|senses| {
        senses.iter().any(|s| {
            matches!(
                s.lemma,
                "juger" | "estimer" | "trouver" | "considérer" | "qualifier"
            )
        })
    })
}

/// A rough guard: past participles and imperfect forms are not adjectives of a title noun.
fn looks_like_verb(w: &str) -> bool {
    ["é", "ée", "és", "ées", "ait", "aient", "ent", "er", "ir"]
        .iter()
        .any(|e| w.ends_with(e))
        && !["ier", "ière"].iter().any(|e| w.ends_with(e))
}

fn kind_of(text: &str, q: &Quote, reach: Reach, scratch: &mut Scratch) -> QuoteKind {
    if q.open.is_empty() {
        // A reply resumed after an incise (see `pair`, `lateCloser`).
        return QuoteKind::Direct;
    }
    let Scratch {
        before: before_words,
        content: content_words,
        other,
    } = scratch;
    let b = before(text, q.start, before_words);
    let mut c = content(text, q);
    let upper = c.first.is_some_and(crate::text::is_upper);
    let lower = c
        .first
        .is_some_and(|ch| crate::text::is_lower(ch) || ch.is_ascii_digit());
    // The quote ends its clause: sentence punctuation or a break after the closing mark.
    let ends_clause = text
        .get(q.end..)
        .and_then(|r| r.chars().find(|&ch| !crate::text::is_padding(ch)))
        .is_none_or(|ch| matches!(ch, '.' | '!' | '?' | ';' | '…' | '\n'));
    if naming_cue(&b) || title_noun(&b, &mut c, content_words, ends_clause) {
        return QuoteKind::Term;
    }
    let nearest = b.word(0);
    // Short: at most SHORT words, no sentence punctuation; and not a clause.
    if upper
        && is_in(nearest, &NAME_INTRO)
        && c.plain_words(content_words).is_some_and(|n| n <= SHORT)
        && !incise_after(text, q, other)
    {
        return QuoteKind::Term;
    }
    let sentence_start = matches!(
        b.boundary,
        Some('\n' | '.' | '!' | '?' | '…' | '»' | '”' | ')')
    ) || b.boundary.is_none() && b.len() < 2;
    if lower
        && b.len() == 1
        && sentence_start
        && is_in(
            nearest,
            &["les", "des", "ces", "le", "la", "l'", "un", "une"],
        )
        && c.plain_words(content_words).is_some_and(|n| n <= 3)
        && !incise_after(text, q, other)
    {
        return QuoteKind::Term;
    }
    match b.prev {
        None => return QuoteKind::Direct,
        Some(':' | '.' | '!' | '?' | '…' | '—' | '–' | '(' | '[' | '«' | '“' | '„' | '‹' | '"') => {
            return QuoteKind::Direct
        }
        _ => {}
    }
    if lower || upper && is_in(nearest, &ARTICLES) {
        // An embedded fragment is a quotation only when someone says it (rule 6); otherwise
        // the guillemets hold a term or keep a word at a distance.
        if q.parent.is_some()
            || is_in(nearest, &COPULAS)
            || speech_in_sentence(text, q, reach, other)
        {
            return QuoteKind::Partial;
        }
        return QuoteKind::Term;
    }
    QuoteKind::Direct
}

/// Is a speech cue ([`crate::lexicon::cues`]) in the quote's sentence: back to the previous
/// sentence end or paragraph start and on to the next one, within [`SENTENCE_WINDOW`] and
/// `reach`?
fn speech_in_sentence(text: &str, q: &Quote, reach: Reach, words: &mut Words) -> bool {
    let mut start = q
        .start
        .saturating_sub(SENTENCE_WINDOW)
        .max(reach.floor.min(q.start));
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (q.end + SENTENCE_WINDOW / 2)
        .min(reach.ceiling.max(q.end))
        .min(text.len());
    while end > q.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(start..q.start).unwrap_or("");
    let after = text.get(q.end..end).unwrap_or("");
    crate::work::tick((before.len() + after.len()) as u64);
    let sentence_end = |c: char| matches!(c, '.' | '!' | '?' | '…') || is_break(c);
    // This sentence and the one before it (a floating quote continues the sentence before),
    // never reaching into the previous paragraph.
    let after_mark = |s: &str, i: usize| {
        i + s
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8)
    };
    let from = match before.rfind(sentence_end) {
        None => 0,
        Some(i) if before.get(i..).is_some_and(|t| t.starts_with(is_break)) => {
            after_mark(before, i)
        }
        Some(i) => {
            let head = before.get(..i).unwrap_or("");
            head.rfind(sentence_end).map_or(0, |j| after_mark(head, j))
        }
    };
    let before = before.get(from..).unwrap_or(before);
    let after = after
        .find(sentence_end)
        .and_then(|i| after.get(..i))
        .unwrap_or(after);
    words.clear();
    words.push_words(before);
    if words.get(0) == Some("pour") && before.contains(',') {
        return true; // `Pour le ministre, la réforme est «nécessaire»`
    }
    words.push_words(after);
    (0..words.len()).any(|i| {
        words
            .get(i)
            .is_some_and(|w| speech_cue_at(w, |k| words.get(i + k)))
    })
}
