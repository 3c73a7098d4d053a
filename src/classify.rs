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
//!    provided someone says it: a speech cue (`lexicon/speech-cues.txt`: `dénon…`, `jug…`,
//!    `selon`, `a-t-il dit`) stands in the same sentence. Without one the guillemets keep a
//!    word at a distance (`des personnes «arrivées»`): **term**. Quotes nested in a quote, and
//!    fragments right after a copula (`le maire est «très inquiet»`), stay partial.
//!
//! Complexity: each quote reads a bounded window (at most [`WINDOW`] bytes, [`SENTENCE_WINDOW`]
//! for the speech-cue check) before its opener, at most [`CONTENT_PEEK`] bytes of its content
//! and a bounded window after its closer: O(quotes).

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::model::{Quote, QuoteKind};

/// How far before an opener the rules look, in bytes.
pub const WINDOW: usize = 120;
/// How much of the content the shape checks read, in bytes.
pub const CONTENT_PEEK: usize = 160;
/// A "short" name or term, in words.
const SHORT: usize = 6;

fn lexicon(src: &'static str) -> Vec<Vec<String>> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| words_of(&l.to_lowercase()))
        .filter(|w| !w.is_empty())
        .collect()
}

static TERM_CUES: LazyLock<Vec<Vec<String>>> =
    LazyLock::new(|| lexicon(include_str!("../lexicon/term-cues.txt")));
static TITLE_NOUNS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    lexicon(include_str!("../lexicon/title-nouns.txt"))
        .into_iter()
        .filter_map(|w| (w.len() == 1).then(|| w.into_iter().next()).flatten())
        .collect()
});
static TITLE_PHRASES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    lexicon(include_str!("../lexicon/title-nouns.txt"))
        .into_iter()
        .filter(|w| w.len() > 1)
        .collect()
});

static SPEECH_CUES: LazyLock<Vec<Vec<String>>> =
    LazyLock::new(|| lexicon(include_str!("../lexicon/speech-cues.txt")));
/// The one-word speech stems, looked up by every prefix of a word (a few hash lookups a word).
static SPEECH_STEMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    SPEECH_CUES
        .iter()
        .filter_map(|c| match c.as_slice() {
            [one] if !one.starts_with('=') => Some(one.clone()),
            _ => None,
        })
        .collect()
});
/// The whole-word speech cues (`=nie`).
static SPEECH_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    SPEECH_CUES
        .iter()
        .filter_map(|c| match c.as_slice() {
            [one] => one.strip_prefix('=').map(str::to_string),
            _ => None,
        })
        .collect()
});
/// The speech cues of several words (`d'après`, `mis en garde`).
static SPEECH_PHRASES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    SPEECH_CUES
        .iter()
        .filter(|c| c.len() > 1)
        .cloned()
        .collect()
});
/// The longest one-word stem, in chars.
static SPEECH_STEM_MAX: LazyLock<usize> = LazyLock::new(|| {
    SPEECH_STEMS
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0)
});

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
const NAME_INTRO: [&str; 24] = [
    "le", "la", "les", "l'", "du", "des", "de", "d'", "au", "aux", "un", "une", "sur", "dans",
    "par", "à", "en", "vers", "ce", "cet", "cette", "son", "selon", "chez",
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
    for q in quotes.iter_mut() {
        q.kind = kind_of(text, q);
    }
}

/// Lowercase words of a short string; an elided article keeps its apostrophe (`l'`, `d'`).
fn words_of(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '-' {
            cur.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’') && !cur.is_empty() {
            cur.push('\'');
            out.push(std::mem::take(&mut cur));
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// What stands before an opener, within its clause.
struct Before {
    /// Words back to the nearest punctuation, nearest first (at most 6).
    words: Vec<String>,
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

fn before(text: &str, pos: usize) -> Before {
    let (win, whole) = window_before(text, pos);
    crate::work::tick(win.len() as u64);
    // The stretch of the window inside the current clause.
    let mut clause_start = 0;
    let mut boundary = if whole { Some('\n') } else { None };
    for (i, c) in win.char_indices().rev() {
        if crate::scan::is_break(c) {
            clause_start = i + c.len_utf8();
            boundary = Some('\n');
            break;
        }
        if !(c.is_alphanumeric() || c.is_whitespace() || matches!(c, '\'' | '’' | '-')) {
            clause_start = i + c.len_utf8();
            boundary = Some(c);
            break;
        }
    }
    let clause = win.get(clause_start..).unwrap_or("");
    let mut words = words_of(clause);
    words.reverse();
    words.truncate(6);
    let prev = win.chars().rev().find(|c| !c.is_whitespace());
    let prev = match prev {
        Some(c) if crate::scan::is_break(c) => None,
        p => p,
    };
    Before {
        words,
        boundary,
        prev,
    }
}

/// The shape of a quote's content.
struct Content {
    first: Option<char>,
    words: usize,
    /// Sentence punctuation inside (a trailing comma or period of old typography excluded).
    sentence_punct: bool,
    /// A relative pronoun or a common verb inside: a clause, not a name (`Europe qui protège`).
    clause: bool,
}

fn content(text: &str, q: &Quote) -> Content {
    let mut end = q.content_end.min(q.content_start + CONTENT_PEEK);
    while end > q.content_start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let s = text.get(q.content_start..end).unwrap_or("");
    crate::work::tick(s.len() as u64);
    let truncated = end < q.content_end;
    let body = s.trim_end_matches([',', '.', ' ', '\u{a0}', '\u{202f}']);
    Content {
        first: s.chars().next(),
        clause: words_of(s)
            .iter()
            .any(|w| CLAUSE_WORDS.contains(&w.as_str())),
        words: if truncated {
            usize::MAX
        } else {
            s.split_whitespace().count()
        },
        sentence_punct: truncated
            || body.contains(['.', '!', '?', '…', ':', ';', '«', '»', '"', '“', '”', ','])
            || s.contains('\n'),
    }
}

/// A speech incise right after the closer: `», a-t-il dit`, `», estime X`, `», s'est
/// félicité X`, `», selon X` (a comma, then an auxiliary, an inverted verb, `selon` or a verb
/// form); not `», éteignant les feux`, `», je rêvais` or `», et`.
fn incise_after(text: &str, q: &Quote) -> bool {
    let mut end = (q.end + 32).min(text.len());
    while end > q.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    let after = text.get(q.end..end).unwrap_or("");
    let Some(rest) = after.trim_start().strip_prefix(',') else {
        return false;
    };
    let words = words_of(rest);
    let Some(w) = words.first().map(String::as_str) else {
        return false;
    };
    if !rest.trim_start().starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    if AUXILIARIES.get(..12).is_some_and(|aux| aux.contains(&w))
        || matches!(w, "s'" | "selon" | "d'" | "ajoute" | "dit")
        || ["-il", "-elle", "-ils", "-elles", "-on"]
            .iter()
            .any(|e| w.ends_with(e))
    {
        return w != "d'" || words.get(1).is_some_and(|x| x == "après");
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

fn is_in(word: Option<&String>, set: &[&str]) -> bool {
    word.is_some_and(|w| set.contains(&w.as_str()))
}

/// Rule 1: a naming word before the marks, linking words only in between.
fn naming_cue(b: &Before) -> bool {
    for skip in 0..=2usize {
        let between = b.words.get(..skip).unwrap_or(&[]);
        if !between.iter().all(|w| LINKS.contains(&w.as_str())) {
            break;
        }
        for cue in TERM_CUES.iter() {
            let n = cue.len();
            let Some(found) = b.words.get(skip..skip + n) else {
                continue;
            };
            if !found.iter().rev().eq(cue.iter()) {
                continue;
            }
            let head = cue.first().map(String::as_str).unwrap_or("");
            let speech_verb = matches!(
                head,
                "appelé" | "appelée" | "appelés" | "appelées" | "nommé" | "nommée"
            );
            if speech_verb && (skip > 0 || is_in(b.words.get(skip + n), &AUXILIARIES)) {
                continue;
            }
            return true;
        }
    }
    false
}

/// Rule 2: a noun for things that bear names.
fn title_noun(b: &Before, c: &Content) -> bool {
    let upper = c.first.is_some_and(char::is_uppercase);
    for skip in 0..=2usize {
        let Some(w) = b.words.get(skip) else {
            break;
        };
        let between = b.words.get(..skip).unwrap_or(&[]);
        let noun = TITLE_NOUNS.contains(w)
            || TITLE_PHRASES.iter().any(|p| {
                b.words
                    .get(skip..skip + p.len())
                    .is_some_and(|f| f.iter().rev().eq(p.iter()))
            });
        if !noun {
            continue;
        }
        // A lowercase name is a short noun phrase, not a clause: `l'opération «mains propres»`,
        // but not `l'affaire «ne fait que commencer»`.
        let definite = is_in(b.words.get(skip + 1), &DEFINITE)
            && !c.clause
            && !c.sentence_punct
            && c.words <= SHORT;
        if skip == 0 {
            return upper || definite;
        }
        // `le mouvement des «bonnets rouges»`: only linking words in between.
        if definite && between.iter().all(|x| LINKS.contains(&x.as_str())) {
            return true;
        }
        let adjectives = between
            .iter()
            .all(|x| !NOT_ADJECTIVES.contains(&x.as_str()) && !looks_like_verb(x));
        return upper && adjectives;
    }
    false
}

/// A rough guard: past participles and imperfect forms are not adjectives of a title noun.
fn looks_like_verb(w: &str) -> bool {
    ["é", "ée", "és", "ées", "ait", "aient", "ent", "er", "ir"]
        .iter()
        .any(|e| w.ends_with(e))
        && !["ier", "ière"].iter().any(|e| w.ends_with(e))
}

fn kind_of(text: &str, q: &Quote) -> QuoteKind {
    if q.open.is_empty() {
        // A reply resumed after an incise (see `pair`, `lateCloser`).
        return QuoteKind::Direct;
    }
    let b = before(text, q.start);
    let c = content(text, q);
    let upper = c.first.is_some_and(char::is_uppercase);
    let lower = c
        .first
        .is_some_and(|ch| ch.is_lowercase() || ch.is_ascii_digit());
    if naming_cue(&b) || title_noun(&b, &c) {
        return QuoteKind::Term;
    }
    let nearest = b.words.first();
    let short = c.words <= SHORT && !c.sentence_punct;
    if upper && short && !c.clause && is_in(nearest, &NAME_INTRO) && !incise_after(text, q) {
        return QuoteKind::Term;
    }
    let sentence_start = matches!(
        b.boundary,
        Some('\n' | '.' | '!' | '?' | '…' | '»' | '”' | ')')
    ) || b.boundary.is_none() && b.words.len() < 2;
    if lower
        && c.words <= 3
        && !c.sentence_punct
        && !c.clause
        && b.words.len() == 1
        && sentence_start
        && is_in(
            nearest,
            &["les", "des", "ces", "le", "la", "l'", "un", "une"],
        )
        && !incise_after(text, q)
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
        if q.parent.is_some() || is_in(nearest, &COPULAS) || speech_in_sentence(text, q) {
            return QuoteKind::Partial;
        }
        return QuoteKind::Term;
    }
    QuoteKind::Direct
}

/// Is a speech cue (`lexicon/speech-cues.txt`) in the quote's sentence: back to the previous
/// sentence end or paragraph start and on to the next one, within [`SENTENCE_WINDOW`]?
fn speech_in_sentence(text: &str, q: &Quote) -> bool {
    let mut start = q.start.saturating_sub(SENTENCE_WINDOW);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (q.end + SENTENCE_WINDOW / 2).min(text.len());
    while end > q.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(start..q.start).unwrap_or("");
    let after = text.get(q.end..end).unwrap_or("");
    crate::work::tick((before.len() + after.len()) as u64);
    let sentence_end = |c: char| matches!(c, '.' | '!' | '?' | '…') || crate::scan::is_break(c);
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
        Some(i)
            if before
                .get(i..)
                .is_some_and(|t| t.starts_with(crate::scan::is_break)) =>
        {
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
    let before_words = words_of(before);
    if before_words.first().is_some_and(|w| w == "pour") && before.contains(',') {
        return true; // `Pour le ministre, la réforme est «nécessaire»`
    }
    let words: Vec<String> = before_words.into_iter().chain(words_of(after)).collect();
    words.iter().enumerate().any(|(i, w)| {
        if SPEECH_WORDS.contains(w) {
            return true;
        }
        let stem = w
            .char_indices()
            .map(|(at, c)| at + c.len_utf8())
            .take(*SPEECH_STEM_MAX)
            .any(|end| w.get(..end).is_some_and(|p| SPEECH_STEMS.contains(p)));
        stem || SPEECH_PHRASES.iter().any(|cue| {
            cue.first() == Some(w)
                && words
                    .get(i..i + cue.len())
                    .is_some_and(|f| f.iter().zip(cue).all(|(a, b)| a == b))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_elisions() {
        assert_eq!(
            words_of("à l’opération d'été"),
            ["à", "l'", "opération", "d'", "été"]
        );
    }

    #[test]
    fn lexicons_load() {
        assert!(TERM_CUES.iter().any(|c| c == &["surnommé"]));
        assert!(TERM_CUES.iter().any(|c| c == &["sous", "le", "nom", "de"]));
        assert!(TITLE_NOUNS.contains("quotidien"));
    }
}
