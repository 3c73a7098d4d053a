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

use std::borrow::Cow;

use crate::lexicon::grammar::*;
use crate::lexicon::{self, Shape};
use crate::model::{Cue, Method, Quote, QuoteKind, Speaker};
use crate::text::{ceil_boundary, floor_boundary, is_apostrophe, is_padding, is_quote_mark};

/// How far before a quote's opening mark the rules look, in bytes.
pub const BEFORE: usize = 420;
/// How far after a quote's closing mark the rules look, in bytes.
pub const AFTER: usize = 240;
/// How much of a quote's content the inside-incise rule reads, in bytes.
pub const INSIDE: usize = 600;
/// Previous sentence window for pronoun antecedents, in bytes.
const PREV_SENTENCE: usize = 300;

/// Counts bytes read in windows into the shared work counter (see [`crate::analyze_counting`]).
fn count_work(n: usize) {
    crate::work::tick(n as u64);
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Punct(char),
    /// A line break: a paragraph boundary.
    Break,
}

#[derive(Clone, Debug)]
struct Tok<'t> {
    start: usize,
    end: usize,
    s: &'t str,
    lower: Cow<'t, str>,
    kind: Kind,
    /// The word lists holding `lower` (`C_*` bits); 0 for marks and breaks.
    class: u32,
    /// [`lexicon::verb`] of `lower`, once looked up.
    verb: std::cell::Cell<Option<Option<&'static [lexicon::Sense]>>>,
}

impl Tok<'_> {
    fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    fn is(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.lower == w
    }
    fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    fn capitalised(&self) -> bool {
        self.kind == Kind::Word && self.s.chars().next().is_some_and(char::is_uppercase)
    }
    fn lowercase_word(&self) -> bool {
        self.kind == Kind::Word && self.s.chars().next().is_some_and(char::is_lowercase)
    }
}

const ELIDED: [&str; 14] = [
    "l", "d", "s", "n", "qu", "j", "m", "c", "t", "lorsqu", "jusqu", "puisqu", "quoiqu", "presqu",
];

fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c) || c == '-' || c == '_'
}

/// Tokenises `text[from..to]` (both cut to char boundaries by the caller).
#[cfg(test)]
fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let _ = tokenize_into(&mut toks, text, from, to, false);
    toks
}

/// Tokenises `text[from..to]` into `toks` (cleared first), stopping after the first sentence end
/// when `one_sentence` (the after-quote rules never read further). Returns where it stopped
/// (`to` when it read everything).
fn tokenize_into<'t>(
    toks: &mut Vec<Tok<'t>>,
    text: &'t str,
    from: usize,
    to: usize,
    one_sentence: bool,
) -> usize {
    toks.clear();
    let slice = text.get(from..to).unwrap_or("");
    let bytes = slice.as_bytes();
    // The char at byte `k` of the slice (ASCII without decoding).
    let char_at = |k: usize| match bytes.get(k) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => slice.get(k..).and_then(|r| r.chars().next()),
        None => None,
    };
    let mut pos = 0;
    let mut read = slice.len();
    while let Some(c) = char_at(pos) {
        let i = pos;
        pos += c.len_utf8();
        if one_sentence && toks.last().is_some_and(is_sentence_end) {
            read = i;
            break;
        }
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            if toks.last().map(|t| t.kind) != Some(Kind::Break) {
                toks.push(Tok {
                    start: from + i,
                    end: from + i + c.len_utf8(),
                    s: "\n",
                    lower: Cow::Borrowed(""),
                    kind: Kind::Break,
                    class: 0,
                    verb: Default::default(),
                });
            }
            continue;
        }
        if c.is_whitespace() || is_padding(c) {
            continue;
        }
        if crate::text::is_alnum(c) {
            let mut end = pos;
            while let Some(d) = char_at(pos) {
                let j = pos;
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    pos = end;
                } else if is_apostrophe(d) {
                    // Elision: `l'`, `qu’`: the apostrophe ends the token. Otherwise
                    // (`aujourd'hui`, `O'Neill`) it stays inside the word.
                    let word = slice.get(i..end).unwrap_or("");
                    end = j + d.len_utf8();
                    pos = end;
                    if ELIDED.iter().any(|e| e.eq_ignore_ascii_case(word)) {
                        break;
                    }
                } else if d == '.' {
                    // `M.`, `MM.`, initials `J.`: keep the period in the word.
                    let word = slice.get(i..end).unwrap_or("");
                    let mut chars = word.chars();
                    let initial =
                        chars.next().is_some() && chars.next().is_none() && c.is_uppercase();
                    let title = lexicon::DOTTED_TITLES.contains(&word);
                    if initial || title {
                        end = j + 1;
                        pos = end;
                    }
                    break;
                } else {
                    break;
                }
            }
            let s = slice.get(i..end).unwrap_or("");
            // A word may end with a hyphen only inside an inversion; trim stray ones.
            let s = s.trim_end_matches('-');
            let end = i + s.len();
            let (lower, class) = lower_and_class(s);
            toks.push(Tok {
                start: from + i,
                end: from + end,
                s,
                class,
                verb: Default::default(),
                lower,
                kind: Kind::Word,
            });
            continue;
        }
        toks.push(Tok {
            start: from + i,
            end: from + i + c.len_utf8(),
            s: slice.get(i..i + c.len_utf8()).unwrap_or(""),
            lower: Cow::Borrowed(""),
            kind: Kind::Punct(c),
            class: 0,
            verb: Default::default(),
        });
    }
    count_work(read);
    from + read
}

/// A position in `from..to` at or after `from` where a tokeniser can start and give the same
/// tokens from there on as one that started earlier: an ASCII space right after a char that
/// belongs to a token (a space is never read inside a token, and the token before it is not a
/// break, so line breaks after it merge the same way).
fn sync_point(text: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from.max(1);
    while i < to {
        if bytes.get(i) == Some(&b' ') {
            let prev = text.get(..i).and_then(|h| h.chars().next_back());
            if prev.is_some_and(|c| !c.is_whitespace() && !is_padding(c)) {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// The last sync point at or before `at` and after `lo` (see [`sync_point`]).
fn sync_point_back(text: &str, lo: usize, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i > lo.max(1) {
        if bytes.get(i) == Some(&b' ') {
            let prev = text.get(..i).and_then(|h| h.chars().next_back());
            if prev.is_some_and(|c| !c.is_whitespace() && !is_padding(c)) {
                return Some(i);
            }
        }
        i -= 1;
    }
    None
}

/// Tokens of the end of a window before a quote, kept so that the next rule reading the same
/// window can reuse them.
struct Back<'t> {
    toks: Vec<Tok<'t>>,
    /// Where tokenising started, whether that is a sync point, and where it stopped.
    from: usize,
    synced: bool,
    to: usize,
    /// Tokens of a stretch to put in front of `toks`.
    scratch: Vec<Tok<'t>>,
}

impl<'t> Back<'t> {
    fn new() -> Self {
        Back {
            toks: Vec::new(),
            from: 0,
            synced: false,
            to: usize::MAX,
            scratch: Vec::new(),
        }
    }

    /// Tokenises the end of `text[lo..to]`: from a sync point as near `to` as `enough` allows
    /// (first just before the `ends`-th sentence punctuation back from `to`, then 128, 256…
    /// bytes back), else the whole range. The tokens are the tail of what tokenising the whole
    /// range gives, so a rule that reads only what `enough` checked sees the same tokens. Tokens
    /// already held for the same `to` are reused when they start late enough and suffice.
    fn tokenize(
        &mut self,
        text: &'t str,
        lo: usize,
        to: usize,
        ends: usize,
        enough: impl Fn(&[Tok]) -> bool,
    ) {
        if self.to == to
            && (self.synced && self.from >= lo || self.from == lo)
            && enough(&self.toks)
        {
            return;
        }
        let hay = text.as_bytes().get(lo..to).unwrap_or(&[]);
        let mut seen = 0;
        let guess = hay.iter().rposition(|&b| {
            seen += usize::from(matches!(b, b'.' | b'!' | b'?' | b';' | b'\n'));
            seen == ends
        });
        let mut span = 128;
        if let Some(p) = guess.and_then(|g| sync_point_back(text, lo, lo + g)) {
            self.start_at(text, p, to, true);
            if enough(&self.toks) {
                return;
            }
            span = span.max((to - p) * 2);
        }
        while to.saturating_sub(span) > lo {
            if let Some(p) = sync_point(text, to - span, to) {
                self.start_at(text, p, to, true);
                if enough(&self.toks) {
                    return;
                }
            }
            span *= 2;
        }
        self.start_at(text, lo, to, false);
    }

    /// Makes the tokens those of `text[p..to]`. Tokens held for the same `to` from a later sync
    /// point are kept: only `text[p..from]` is tokenised, in front of them (a tokeniser reaching
    /// a sync point goes on as one that starts there).
    fn start_at(&mut self, text: &'t str, p: usize, to: usize, p_synced: bool) {
        if self.to == to && self.synced && p <= self.from {
            if p < self.from {
                let _ = tokenize_into(&mut self.scratch, text, p, self.from, false);
                self.scratch.append(&mut self.toks);
                std::mem::swap(&mut self.scratch, &mut self.toks);
            }
        } else {
            let _ = tokenize_into(&mut self.toks, text, p, to, false);
        }
        (self.from, self.synced, self.to) = (p, p_synced, to);
    }
}

// ---------------------------------------------------------------------------------------------
// Word classes
// ---------------------------------------------------------------------------------------------

/// [`lexicon::pronoun`] of the token's lowercase form, from its class bits.
fn tok_pronoun(t: &Tok) -> Option<(bool, bool)> {
    (t.class & C_PRONOUN != 0).then_some((
        t.class & C_PRONOUN_FEM != 0,
        t.class & C_PRONOUN_PLURAL != 0,
    ))
}

/// A word's lowercase form and its `C_*` bits. A capitalised ASCII word of the lists borrows the
/// lists' lowercase copy (`Le`, `Selon`, `Il`): only other capitalised words are copied.
fn lower_and_class(s: &str) -> (Cow<'_, str>, u32) {
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return (Cow::Borrowed(s), class_of(s));
        }
        let mut buf = [0u8; 24];
        if let Some(b) = buf.get_mut(..bytes.len()) {
            b.copy_from_slice(bytes);
            b.make_ascii_lowercase();
            if let Ok(l) = std::str::from_utf8(b) {
                if let Some((k, c)) = CLASSES.map.get_key_value(l) {
                    return (Cow::Borrowed(k), *c);
                }
                return (Cow::Owned(l.to_string()), 0);
            }
        }
        let l = s.to_ascii_lowercase();
        let c = class_of(&l);
        return (Cow::Owned(l), c);
    }
    if s.chars().any(char::is_uppercase) {
        let l = s.to_lowercase();
        let c = class_of(&l);
        (Cow::Owned(l), c)
    } else {
        (Cow::Borrowed(s), class_of(s))
    }
}

/// Is the word in one of the lists `c` names (`in_list` for the big lists)?
fn in_class(t: &Tok, c: u32) -> bool {
    t.class & c != 0
}

fn in_list(t: &Tok, list: &[&str]) -> bool {
    t.kind == Kind::Word && list.contains(&t.lower.as_ref())
}

fn is_adverb(t: &Tok) -> bool {
    t.lowercase_word()
        && (t.class & C_ADVERB != 0
            || (t.lower.ends_with("ment") && t.lower.chars().nth(5).is_some()))
        || t.kind == Kind::Word && t.s.chars().all(|c| c.is_ascii_digit())
}

/// An adverb at position `k`: not a `-ment` noun after an article (`le gouvernement`).
fn adverb_at(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(is_adverb)
        && !(k > 0
            && toks.get(k - 1).is_some_and(|p| {
                in_class(p, C_DET) || in_class(p, C_COMPLEMENT) || in_class(p, C_PREP)
            }))
}

fn is_sentence_end(t: &Tok) -> bool {
    matches!(t.kind, Kind::Break) || matches!(t.punct(), Some('.' | '!' | '?' | '…' | ';'))
}

/// A word that can be part of a proper name: capitalised, or a particle inside one.
fn is_name_word(t: &Tok) -> bool {
    t.capitalised()
        && !in_class(t, C_DET)
        && !in_class(t, C_COMPLEMENT)
        && !in_class(t, C_CLAUSE)
        && !in_class(t, C_PREP)
        || lexicon::is_title(t.s)
}

// ---------------------------------------------------------------------------------------------
// Speech verbs
// ---------------------------------------------------------------------------------------------

/// A speech verb found in the tokens.
#[derive(Clone, Debug)]
struct Verb {
    /// First and last token (inclusive) of the verb group (aux, clitics, participle, particles).
    first: usize,
    last: usize,
    lemma: &'static str,
    /// Token index of an inverted subject pronoun (`a-t-il`): the pronoun is part of token `last`
    /// or of the aux token.
    inv: Option<(usize, usize, String)>,
    fem: Option<bool>,
    #[allow(dead_code)]
    plural: bool,
    /// A present participle (`précisant`) or an infinitive (`de dire`): the clause's subject.
    gerund: bool,
    /// An auxiliary and a participle (`a déclaré`).
    compound: bool,
}

/// Splits an inverted form `ajoute-t-elle` into (`ajoute`, `elle`, byte offset of the pronoun).
fn split_inversion(s: &str) -> Option<(&str, &str, usize)> {
    if !s.as_bytes().contains(&b'-') {
        return None;
    }
    let (base, pron) = s.rsplit_once('-')?;
    // ASCII case folding is enough: no other char lowercases to one of these letters.
    if ![
        "il", "elle", "ils", "elles", "on", "je", "nous", "vous", "tu",
    ]
    .iter()
    .any(|p| p.eq_ignore_ascii_case(pron))
    {
        return None;
    }
    let base = base.strip_suffix("-t").unwrap_or(base);
    Some((base, pron, s.len() - pron.len()))
}

/// Senses whose particles follow token `i` (within two tokens); returns (lemma, last token).
fn pick_sense(
    toks: &[Tok],
    i: usize,
    senses: &'static [lexicon::Sense],
    reflexive: bool,
) -> Option<(&'static str, usize)> {
    let mut best: Option<(&'static str, usize, usize)> = None; // lemma, last, n particles
    let is_refl = |l: &str| l.starts_with("se ") || l.starts_with("s'") || l.starts_with("s’");
    for s in senses {
        if s.particles.is_empty() {
            let better = match best {
                None => true,
                Some((l, _, 0)) => is_refl(s.lemma) == reflexive && is_refl(l) != reflexive,
                Some(_) => false,
            };
            if better {
                best = Some((s.lemma, i, 0));
            }
            continue;
        }
        // Particles must follow, possibly after one or two adverbs/dates.
        for skip in 0..=2usize {
            let start = i + 1 + skip;
            let ok = s
                .particles
                .iter()
                .enumerate()
                .all(|(k, p)| toks.get(start + k).is_some_and(|t| t.lower == *p));
            let skipped_ok = (i + 1..start).all(|k| toks.get(k).is_some_and(is_adverb));
            if ok && skipped_ok {
                let n = s.particles.len();
                if best.is_none_or(|b| b.2 < n) {
                    best = Some((s.lemma, start + n - 1, n));
                }
                break;
            }
        }
    }
    best.map(|(l, last, _)| (l, last))
}

/// The inflected verb form in token `i` (lowercased, inversion split), with its senses.
/// Senses of a verb form, and the inverted pronoun with its byte offset in the token.
type Senses = (&'static [lexicon::Sense], Option<(String, usize)>);

/// The senses of the token's lowercase form, looked up once per token.
fn verb_of(t: &Tok) -> Option<&'static [lexicon::Sense]> {
    if let Some(v) = t.verb.get() {
        return v;
    }
    let v = lexicon::verb(&t.lower);
    t.verb.set(Some(v));
    v
}

fn verb_senses(t: &Tok) -> Option<Senses> {
    if !t.is_word() {
        return None;
    }
    if let Some(s) = verb_of(t) {
        return Some((s, None));
    }
    let (base, pron, off) = split_inversion(t.s)?;
    let base = base.to_lowercase();
    if let Some(s) = lexicon::verb(&base) {
        return Some((s, Some((pron.to_lowercase(), off))));
    }
    // First person in fiction (`dis-je`, `demandai-je`, `répondis-je`): map to the third person
    // form of the same tense.
    if !pron.eq_ignore_ascii_case("je") {
        return None;
    }
    let third = if let Some(b) = base.strip_suffix("ais") {
        format!("{b}ait")
    } else if let Some(b) = base.strip_suffix("ai") {
        format!("{b}a")
    } else if let Some(b) = base.strip_suffix("ds") {
        format!("{b}d")
    } else if let Some(b) = base.strip_suffix('s') {
        format!("{b}t")
    } else {
        base
    };
    let s = lexicon::verb(&third)?;
    Some((s, Some((pron.to_lowercase(), off))))
}

/// Is token `i` an auxiliary (possibly inverted: `a-t-il`, `s'est-elle`)?
fn aux_at(t: &Tok) -> Option<Option<(String, usize)>> {
    if !t.is_word() {
        return None;
    }
    if in_class(t, C_AUX_AVOIR) || in_class(t, C_AUX_ETRE) {
        return Some(None);
    }
    let (base, pron, off) = split_inversion(t.s)?;
    let b = base.to_lowercase();
    (class_of(&b) & (C_AUX_AVOIR | C_AUX_ETRE) != 0).then(|| Some((pron.to_lowercase(), off)))
}

/// A speech verb group starting at token `i` (clitics allowed before it): `a déclaré`,
/// `s'est-elle indignée`, `ajoute-t-il`, `lui dit`, `a fait savoir`.
fn verb_at(toks: &[Tok], i: usize) -> Option<Verb> {
    let first = i;
    let mut j = i;
    // Clitics: `s'est`, `lui a dit`, `se sont`, `leur a répondu`, `me dit`.
    let mut n = 0;
    let mut reflexive = false;
    while n < 3 && toks.get(j).is_some_and(|t| in_class(t, C_CLITIC)) {
        reflexive |= toks.get(j).is_some_and(|t| in_list(t, &["se", "s'", "s’"]));
        j += 1;
        n += 1;
    }
    let t = toks.get(j)?;
    // An inverted modal and an infinitive: `peut-on lire`, `faut-il rappeler`, `doit-il admettre`.
    if let Some((base, pron, off)) = split_inversion(t.s) {
        const MODALS: &[&str] = &[
            "peut", "pouvait", "pourrait", "doit", "devait", "devrait", "faut", "fallait",
            "faudrait", "veut", "voulait", "voudrait", "semble", "sait", "ose",
        ];
        if MODALS.contains(&base.to_lowercase().as_str()) {
            let inf = toks.get(j + 1)?;
            let senses = verb_of(inf)?;
            senses.iter().find(|s| s.shape == Shape::Infinitive)?;
            let (lemma, last) = pick_sense(toks, j + 1, senses, reflexive)?;
            return Some(Verb {
                first,
                last,
                lemma,
                // `faut-il`: an impersonal `il`, nobody.
                inv: Some((
                    j,
                    off,
                    if base.to_lowercase().starts_with("fa") {
                        "on".to_string()
                    } else {
                        pron.to_lowercase()
                    },
                )),
                fem: None,
                plural: false,
                gerund: false,
                compound: false,
            });
        }
    }
    // Compound tense: aux [adverbs] participle.
    if let Some(inv) = aux_at(t) {
        let mut k = j + 1;
        let mut skipped = 0;
        while skipped < 4
            && toks.get(k).is_some_and(|t| {
                is_adverb(t)
                    || in_list(t, &["pas"])
                    || in_list(t, &["de", "à", "par", "en"])
                        && toks
                            .get(k + 1)
                            .is_some_and(|n| in_list(n, &["nouveau", "ailleurs", "outre"]))
            })
        {
            k += 1;
            skipped += 1;
        }
        // `a-t-il encore ajouté`, `a notamment déclaré`.
        let p = toks.get(k)?;
        let (senses, _) = verb_senses(p)?;
        let part = senses
            .iter()
            .find(|s| matches!(s.shape, Shape::Participle { .. }))?;
        let (fem, plural) = match part.shape {
            Shape::Participle { fem, plural } => (fem, plural),
            Shape::Finite { plural } => (false, plural),
            Shape::Gerund | Shape::Infinitive => (false, false),
        };
        let (lemma, last) = pick_sense(toks, k, senses, reflexive)?;
        let agreement_visible = p.lower.ends_with('e') && !p.lower.ends_with("ée")
            || p.lower.ends_with("ée")
            || p.lower.ends_with("es");
        let fem_v = if fem {
            Some(true)
        } else if agreement_visible {
            None
        } else if in_class(t, C_AUX_ETRE)
            || t.lower.starts_with("est")
            || t.lower.starts_with("sont")
        {
            Some(false)
        } else {
            None
        };
        return Some(Verb {
            first,
            last,
            lemma,
            inv: inv.map(|(p, off)| (j, off, p)),
            fem: fem_v,
            plural,
            gerund: false,
            compound: true,
        });
    }
    let (senses, inv) = verb_senses(t)?;
    let fin = senses
        .iter()
        .find(|s| matches!(s.shape, Shape::Finite { .. }))
        .or_else(|| {
            senses
                .iter()
                .find(|s| matches!(s.shape, Shape::Gerund | Shape::Infinitive))
        })?;
    let plural = matches!(fin.shape, Shape::Finite { plural: true });
    let gerund = matches!(fin.shape, Shape::Gerund | Shape::Infinitive);
    if gerund && inv.is_some() {
        return None;
    }
    let (lemma, last) = pick_sense(toks, j, senses, reflexive)?;
    Some(Verb {
        first,
        last,
        lemma,
        inv: inv.map(|(p, off)| (j, off, p)),
        fem: None,
        plural,
        gerund,
        compound: false,
    })
}

// ---------------------------------------------------------------------------------------------
// Noun phrases
// ---------------------------------------------------------------------------------------------

/// A speaker mention: tokens `first..=last`, plus what the tokens say about it.
#[derive(Clone, Debug)]
struct Mention {
    start: usize,
    end: usize,
    name: Option<String>,
    /// Resolved later: a pronoun (`il`, `elle`…).
    pronoun: Option<(bool, bool)>,
    /// `on`, `je`… — a subject that is not reported as a speaker.
    none: bool,
    fem: Option<bool>,
}

fn mention_of(text: &str, toks: &[Tok], first: usize, last: usize) -> Option<Mention> {
    let a = toks.get(first)?;
    let b = toks.get(last)?;
    let mut m = Mention {
        start: a.start,
        end: b.end,
        name: None,
        pronoun: None,
        none: false,
        fem: None,
    };
    if first == last {
        if let Some((fem, plural)) = tok_pronoun(a) {
            m.pronoun = Some((fem, plural));
            m.fem = Some(fem);
            return Some(m);
        }
        if in_list(a, &["on", "nous", "vous", "tu"]) {
            m.none = true;
            return Some(m);
        }
        // `selon lui`, `pour eux`: stressed pronouns stand for their antecedent too.
        if let Some(p) = [("lui", false, false), ("eux", false, true)]
            .iter()
            .find(|(w, _, _)| a.is(w))
        {
            m.pronoun = Some((p.1, p.2));
            m.fem = Some(p.1);
            return Some(m);
        }
        if in_list(a, &["je", "j'", "j’"]) {
            // The narrator: a speaker without a name.
            return Some(m);
        }
    }
    m.fem = gender_of(a);
    m.name = Some(name_in(text, toks, first, last));
    Some(m)
}

fn gender_of(t: &Tok) -> Option<bool> {
    match t.lower.as_ref() {
        "m." | "mm." | "le" | "un" | "ce" | "cet" | "monsieur" | "du" | "au" => Some(false),
        "mme" | "mlle" | "la" | "une" | "cette" | "madame" | "mademoiselle" => Some(true),
        _ => None,
    }
}

/// The name a mention gives: a proper name in it (titles dropped) when one stands at its start,
/// after a role word or after a comma; else the mention without a definite article.
fn name_in(text: &str, toks: &[Tok], first: usize, last: usize) -> String {
    let mut best: Option<(usize, usize)> = None;
    let mut i = first;
    while i <= last {
        let Some(t) = toks.get(i) else { break };
        let prev = if i > first { toks.get(i - 1) } else { None };
        let after_title = prev.is_some_and(|p| lexicon::is_title(p.s));
        let eligible = t.capitalised()
            && !lexicon::is_title(t.s)
            && !in_class(t, C_DET)
            && match prev {
                None => true,
                Some(p) => {
                    after_title
                        || p.punct() == Some(',')
                        || p.lowercase_word()
                            && !in_class(p, C_COMPLEMENT)
                            && !in_class(p, C_DET)
                            && !in_class(p, C_PREP)
                }
            };
        if eligible {
            // Extend the run over names and particles followed by a name.
            let mut e = i;
            let mut k = i + 1;
            while k <= last {
                let Some(n) = toks.get(k) else { break };
                if n.capitalised() && !lexicon::is_title(n.s) {
                    e = k;
                    k += 1;
                } else if in_class(n, C_PARTICLE)
                    && toks.get(k + 1).is_some_and(|x| x.capitalised())
                    && k < last
                {
                    k += 1;
                } else {
                    break;
                }
            }
            best = Some((i, e));
            i = e + 1;
            continue;
        }
        i += 1;
    }
    if let Some((s, e)) = best {
        if let (Some(a), Some(b)) = (toks.get(s), toks.get(e)) {
            return text.get(a.start..b.end).unwrap_or("").to_string();
        }
    }
    // No proper name: drop a definite article (and a title, for `M. le maire`).
    let mut s = first;
    while s < last
        && toks
            .get(s)
            .is_some_and(|t| in_class(t, C_DEFINITE) || lexicon::is_title(t.s))
    {
        s += 1;
    }
    match (toks.get(s), toks.get(last)) {
        (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or("").to_string(),
        _ => String::new(),
    }
}

/// Parses a noun phrase forward from token `i`: `le porte-parole du gouvernement, Luc Morel`,
/// `Anne Petit`, `M. Durand`, `les syndicats`, `Roger et Paul`, `il`. Returns its last token.
fn np_forward(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if tok_pronoun(t).is_some() || in_class(t, C_SUBJECT) {
        return Some(i);
    }
    let starts = in_class(t, C_DET) || is_name_word(t) || t.s.starts_with(char::is_numeric);
    if !starts {
        return None;
    }
    let mut last = i;
    let mut k = i + 1;
    let mut words = 1;
    while let Some(n) = toks.get(k) {
        if words >= 12 || !n.is_word() {
            break;
        }
        if in_class(n, C_PREP)
            || in_class(n, C_CLAUSE) && !(n.is("et") && toks.get(k + 1).is_some_and(is_name_word))
            || in_class(n, C_AUX_AVOIR)
            || in_class(n, C_AUX_ETRE)
            || in_class(n, C_OTHER_VERB)
            || in_list(n, &["ne", "n'", "n’", "se", "s'", "s’", "lui", "leur", "y"])
            || adverb_at(toks, k) && !n.capitalised()
            || verb_senses(n)
                .is_some_and(|(s, _)| s.iter().any(|x| matches!(x.shape, Shape::Finite { .. })))
                && !n.capitalised()
                && !toks
                    .get(k - 1)
                    .is_some_and(|p| in_class(p, C_DET) || in_class(p, C_COMPLEMENT))
        {
            break;
        }
        // After a name, only more name words or particles of the name.
        let prev_is_name = toks.get(k - 1).is_some_and(is_name_word)
            && !toks
                .get(k.wrapping_sub(2))
                .is_some_and(|pp| in_class(pp, C_DET) || in_class(pp, C_COMPLEMENT));
        if prev_is_name
            && n.lowercase_word()
            && !in_class(n, C_PARTICLE)
            && !in_class(n, C_COMPLEMENT)
        {
            break;
        }
        if in_class(n, C_COMPLEMENT) || in_class(n, C_PARTICLE) {
            // Needs something after it.
            if !toks.get(k + 1).is_some_and(Tok::is_word) {
                break;
            }
            k += 1;
            words += 1;
            continue;
        }
        if in_class(n, C_DEFINITE) && !toks.get(k - 1).is_some_and(|p| in_class(p, C_COMPLEMENT)) {
            // `le maire le ministre`: a new phrase.
            break;
        }
        last = k;
        k += 1;
        words += 1;
    }
    // Apposition: `le porte-parole du gouvernement, Luc Morel,` — or a role followed by a
    // complement then the name: `le président du groupe LR à l'Assemblée, Laurent Wauquiez`.
    let head = toks.get(i)?;
    if in_class(head, C_DET) {
        let mut c = last + 1;
        let mut hops = 0;
        while hops < 6
            && toks
                .get(c)
                .is_some_and(|t| t.is_word() && !in_class(t, C_CLAUSE))
        {
            c += 1;
            hops += 1;
        }
        if toks.get(c).and_then(Tok::punct) == Some(',') {
            // `…, le lieutenant-colonel Marc Arnaud`: a second role that ends with a name.
            let second = toks
                .get(c + 1)
                .filter(|t| in_class(t, C_DET))
                .and_then(|_| {
                    let mut e = c + 2;
                    let mut steps = 0;
                    while steps < 6 && toks.get(e).is_some_and(|t| t.lowercase_word()) {
                        e += 1;
                        steps += 1;
                    }
                    name_run(toks, e)
                });
            if let Some(e) = name_run(toks, c + 1).or(second) {
                let after = toks.get(e + 1);
                if after.is_none_or(|a| !a.lowercase_word() || in_class(a, C_PREP)) {
                    return Some(e);
                }
            }
        }
    }
    Some(last)
}

/// A proper name starting at `i` (title allowed): its last token.
fn name_run(toks: &[Tok], i: usize) -> Option<usize> {
    let mut k = i;
    if toks.get(k).is_some_and(|t| lexicon::is_title(t.s)) {
        k += 1;
    }
    let t = toks.get(k)?;
    if !t.capitalised() || in_class(t, C_DET) {
        return None;
    }
    let mut e = k;
    k += 1;
    while let Some(n) = toks.get(k) {
        if n.capitalised() {
            e = k;
            k += 1;
        } else if in_class(n, C_PARTICLE) && toks.get(k + 1).is_some_and(|x| x.capitalised()) {
            k += 1;
        } else {
            break;
        }
    }
    Some(e)
}

/// Skips what may stand between an incise verb and its subject: adverbs, dates, places,
/// `pour sa part`. Returns the index of the first token of the subject.
fn skip_to_subject(toks: &[Tok], mut k: usize) -> usize {
    let mut budget = 10;
    while budget > 0 {
        budget -= 1;
        let Some(t) = toks.get(k) else { break };
        if adverb_at(toks, k) || t.punct() == Some(',') {
            // `accuse, dans un entretien au Parisien, la députée …`
            k += 1;
            continue;
        }
        if in_class(t, C_PREP) || in_list(t, &["pour"]) {
            // A prepositional phrase: up to the next determiner, title or comma.
            k += 1;
            let mut inner = 0;
            while let Some(n) = toks.get(k) {
                if inner > 0
                    && (in_class(n, C_DET)
                        && !toks.get(k - 1).is_some_and(|p| in_class(p, C_COMPLEMENT))
                        || n.capitalised()
                            && !toks.get(k - 1).is_some_and(|p| {
                                in_class(p, C_DET)
                                    || in_class(p, C_COMPLEMENT)
                                    || in_class(p, C_PREP)
                            }))
                    || lexicon::is_title(n.s)
                    || !n.is_word()
                    || inner >= 5
                {
                    break;
                }
                k += 1;
                inner += 1;
            }
            if toks.get(k).and_then(Tok::punct) == Some(',') {
                k += 1;
            }
            continue;
        }
        break;
    }
    k
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

/// One attribution found by a rule.
#[derive(Clone, Debug)]
struct Found {
    mention: Option<Mention>,
    cue: Option<(usize, usize, String)>,
    method: Method,
    /// Gender shown by the verb's agreement (`s'est dite`).
    fem: Option<bool>,
}

fn cue_of(toks: &[Tok], v: &Verb) -> Option<(usize, usize, String)> {
    let a = toks.get(v.first)?;
    let b = toks.get(v.last)?;
    let lemma = if v.lemma.is_empty() {
        // A verb outside the lexicon, known only by its inversion: report it as written.
        split_inversion(b.s).map_or_else(|| b.lower.to_string(), |(base, _, _)| base.to_lowercase())
    } else {
        v.lemma.to_string()
    };
    Some((a.start, b.end, lemma))
}

/// `grimace-t-il`, `s'amuse-t-elle`: right after a quote, an inverted subject pronoun marks an
/// incise even when the verb is not in the lexicon.
fn inverted_unknown(toks: &[Tok], i: usize) -> Option<Verb> {
    let mut j = i;
    while j < i + 2 && toks.get(j).is_some_and(|t| in_class(t, C_CLITIC)) {
        j += 1;
    }
    let t = toks.get(j)?;
    if !t.lowercase_word() {
        return None;
    }
    let (base, pron, off) = split_inversion(t.s)?;
    if base.chars().count() < 3
        || lexicon::pronoun(pron).is_none() && !pron.eq_ignore_ascii_case("on")
    {
        return None;
    }
    Some(Verb {
        first: i,
        last: j,
        lemma: "",
        inv: Some((j, off, pron.to_lowercase())),
        fem: None,
        plural: false,
        gerund: false,
        compound: false,
    })
}

/// The subject of an incise whose verb group is `v`.
fn incise_subject(text: &str, toks: &[Tok], v: &Verb) -> Option<Mention> {
    if let Some((ti, off, p)) = &v.inv {
        let t = toks.get(*ti)?;
        let start = t.start + off;
        let mut m = Mention {
            start,
            end: t.end,
            name: None,
            pronoun: lexicon::pronoun(p),
            none: lexicon::pronoun(p).is_none(),
            fem: lexicon::pronoun(p).map(|x| x.0),
        };
        if m.none {
            m.name = None;
        }
        return Some(m);
    }
    let s = skip_to_subject(toks, v.last + 1);
    let e = np_forward(toks, s)?;
    mention_of(text, toks, s, e)
}

/// `, a déclaré X` / `a-t-il ajouté` / `répondit Paul` at the start of `toks`.
fn after_incise(text: &str, toks: &[Tok], closed_by_punct: bool) -> Option<Found> {
    let mut i = 0;
    // Closing punctuation inside the window: `»,`, `» !`, `…`
    while toks
        .get(i)
        .is_some_and(|t| matches!(t.punct(), Some(',' | '—' | '–' | '-' | ')')))
    {
        i += 1;
    }
    let v = verb_at(toks, i)
        .filter(|v| !v.gerund)
        .or_else(|| inverted_unknown(toks, i))?;
    // Without a comma, `«Le Monde» a révélé l'affaire` makes the quote a subject: only a simple
    // or inverted verb (`«Entrez» répondit Marie`, `«Q» dit-il`) is an incise there.
    if i == 0 && v.inv.is_none() && !closed_by_punct && v.compound {
        return None;
    }
    let m = incise_subject(text, toks, &v)?;
    Some(Found {
        cue: cue_of(toks, &v),
        fem: v.fem,
        mention: Some(m),
        method: Method::AfterQuote,
    })
}

/// `«Q1, dit-elle, Q2»`: an incise after a comma inside the content.
fn inside_incise(text: &str, toks: &[Tok]) -> Option<Found> {
    for (i, t) in toks.iter().enumerate() {
        if t.punct() != Some(',') {
            continue;
        }
        let Some(v) = verb_at(toks, i + 1)
            .filter(|v| !v.gerund)
            .or_else(|| inverted_unknown(toks, i + 1))
        else {
            continue;
        };
        // The incise must end at a comma, a period or the end of the content.
        let Some(m) = incise_subject(text, toks, &v) else {
            continue;
        };
        let end_tok = toks
            .iter()
            .position(|t| t.start >= m.end)
            .unwrap_or(toks.len());
        let mut k = end_tok;
        let mut extra = 0;
        // `reprit Roger en s'exaltant,` — allow a short tail before the comma.
        while extra < 6 && toks.get(k).is_some_and(Tok::is_word) {
            k += 1;
            extra += 1;
        }
        let closes = toks
            .get(k)
            .is_none_or(|t| matches!(t.punct(), Some(',' | '.' | ';' | '!' | '?' | '…')));
        // Inside a quote the first-person pronouns belong to the quote: `je`, `nous` stay
        // unattributed, but only an inverted pronoun or a proper noun phrase makes an incise.
        if closes {
            return Some(Found {
                cue: cue_of(toks, &v),
                fem: v.fem,
                mention: Some(m),
                method: Method::InsideQuote,
            });
        }
    }
    None
}

/// `«Q» — X, titre`.
fn signature(text: &str, toks: &[Tok]) -> Option<Found> {
    let first = toks.first()?;
    if !matches!(first.punct(), Some('—' | '–')) {
        return None;
    }
    let e = name_run(toks, 1)?;
    // A signature is a name alone, or a name then a comma and a title.
    let after = toks.get(e + 1);
    if after.is_some_and(|t| !is_sentence_end(t) && t.punct() != Some(',')) {
        return None;
    }
    let m = mention_of(text, toks, 1, e)?;
    Some(Found {
        cue: Some((first.start, first.end, "—".into())),
        mention: Some(m),
        method: Method::Signature,
        fem: None,
    })
}

/// `«Q», selon X` / `«Q», d'après X`.
fn source_after(text: &str, toks: &[Tok]) -> Option<Found> {
    let mut i = 0;
    if toks.get(i).and_then(Tok::punct) == Some(',') {
        i += 1;
    }
    source_at(text, toks, i)
}

fn source_at(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    let t = toks.get(i)?;
    let (lemma, s) = if t.is("selon") {
        ("selon", i + 1)
    } else if t.is("d'") || t.is("d’") {
        if !toks.get(i + 1).is_some_and(|n| n.is("après")) {
            return None;
        }
        ("d'après", i + 2)
    } else if t.is("pour") {
        ("pour", i + 1)
    } else {
        return None;
    };
    let e = np_forward(toks, s)?;
    let m = mention_of(text, toks, s, e)?;
    let cue_end = toks.get(s.saturating_sub(1))?.end;
    Some(Found {
        cue: Some((t.start, cue_end, lemma.into())),
        mention: Some(m),
        method: Method::Source,
        fem: None,
    })
}

/// Index of the first token of the sentence that ends the token list (the quote's sentence).
/// A colon at the end of a paragraph lets the sentence continue onto the next line.
fn sentence_start(toks: &[Tok]) -> usize {
    let mut i = toks.len();
    while i > 0 {
        let Some(t) = toks.get(i - 1) else { break };
        if is_sentence_end(t) {
            if t.kind == Kind::Break {
                // `X lui dit :⏎— «Q»`: look through the break after a colon.
                let mut k = i - 1;
                while k > 0
                    && toks.get(k - 1).is_some_and(|p| {
                        p.kind == Kind::Break || matches!(p.punct(), Some('—' | '–'))
                    })
                {
                    k -= 1;
                }
                let colon = k > 0 && toks.get(k - 1).and_then(Tok::punct) == Some(':');
                let only_marks = toks
                    .get(i..)
                    .is_some_and(|r| r.iter().all(|t| !t.is_word()));
                if colon && only_marks {
                    i = k;
                    continue;
                }
            }
            // `M.` and initials were kept inside words; a period after a closing quote mark
            // still ends the sentence.
            break;
        }
        i -= 1;
    }
    i
}

/// [`sentence_start`] when tokens further back could not change it: `None` when the search
/// reached the first token (no sentence end, or a line break whose colon test would read
/// further back).
fn sentence_start_known(toks: &[Tok]) -> Option<usize> {
    let mut i = toks.len();
    while i > 0 {
        let t = toks.get(i - 1)?;
        if is_sentence_end(t) {
            if t.kind == Kind::Break {
                let mut k = i - 1;
                while k > 0
                    && toks.get(k - 1).is_some_and(|p| {
                        p.kind == Kind::Break || matches!(p.punct(), Some('—' | '–'))
                    })
                {
                    k -= 1;
                }
                if k == 0 {
                    return None;
                }
                let colon = toks.get(k - 1).and_then(Tok::punct) == Some(':');
                let only_marks = toks
                    .get(i..)
                    .is_some_and(|r| r.iter().all(|t| !t.is_word()));
                if colon && only_marks {
                    i = k;
                    continue;
                }
            }
            return Some(i);
        }
        i -= 1;
    }
    None
}

/// Enough tokens for the rules that read the quote's sentence and the one before it
/// ([`floating`], [`antecedent`]): both sentence starts are known, and a word ends the previous
/// sentence.
fn two_sentences_known(toks: &[Tok]) -> bool {
    let Some(start) = sentence_start_known(toks) else {
        return false;
    };
    let mut end = start;
    while end > 0 && toks.get(end - 1).is_some_and(|t| !t.is_word()) {
        end -= 1;
    }
    end > 0 && sentence_start_known(toks.get(..end).unwrap_or(&[])).is_some()
}

/// Is the whole segment `toks[a..b]` a lowercase appositive, relative or participial clause (to
/// be skipped when looking for a subject): `qui présidait la séance`, `chercheuse au CNRS`,
/// `très ému`, `s'approchant du prêtre`?
fn is_appositive(toks: &[Tok], a: usize, b: usize) -> bool {
    let Some(t) = toks.get(a) else { return true };
    if a >= b {
        return true;
    }
    if in_list(t, &["qui", "dont", "que", "qu'", "qu’"]) {
        return true;
    }
    t.lowercase_word() && !in_class(t, C_DET) && !in_class(t, C_SUBJECT) && tok_pronoun(t).is_none()
}

/// Can token `b` start a subject noun phrase?
fn np_head(t: &Tok) -> bool {
    in_class(t, C_DET) || is_name_word(t) || tok_pronoun(t).is_some() || in_class(t, C_SUBJECT)
}

/// The subject of the verb group starting at token `v` (searching back to `start`).
fn subject_before(text: &str, toks: &[Tok], start: usize, v: usize) -> Option<Mention> {
    let mut end = v;
    // Drop clitics, auxiliaries and adverbs right before the verb (`lui a dit`, `a également`).
    while end > start
        && (toks.get(end - 1).is_some_and(|t| {
            (in_class(t, C_CLITIC) && !in_list(t, &["nous", "vous"])) || in_class(t, C_AUX_ANY)
        }) || adverb_at(toks, end - 1) && toks.get(end - 1).is_some_and(|t| !t.capitalised()))
    {
        end -= 1;
    }
    // Segments between commas, last first.
    let mut seg_end = end;
    let mut pending_name: Option<(usize, usize)> = None;
    for _ in 0..6 {
        // `Jean-Luc Mélenchon (LFI) a dit`: step over a bracketed aside.
        if seg_end > start && toks.get(seg_end - 1).and_then(Tok::punct) == Some(')') {
            let mut o = seg_end - 1;
            while o > start && o + 12 > seg_end && toks.get(o).and_then(Tok::punct) != Some('(') {
                o -= 1;
            }
            if toks.get(o).and_then(Tok::punct) == Some('(') {
                seg_end = o;
            }
        }
        if seg_end <= start {
            break;
        }
        let mut s = seg_end;
        while s > start
            && !toks.get(s - 1).is_some_and(|t| {
                matches!(
                    t.punct(),
                    Some(',' | '(' | ')' | '—' | '–' | '«' | '»' | '“' | '”')
                )
            })
        {
            s -= 1;
        }
        // Inside the segment, the noun phrase starts after the last clause word.
        let mut np = s;
        for k in s..seg_end {
            if toks.get(k).is_some_and(|t| {
                in_class(t, C_CLAUSE)
                    && !(t.is("et")
                        && k > s
                        && toks.get(k + 1).is_some_and(is_name_word)
                        && toks.get(k - 1).is_some_and(is_name_word))
            }) {
                np = k + 1;
            }
        }
        if np > s && toks.get(np - 1).is_some_and(|t| t.is("qui")) && np == seg_end {
            // `une voix qui disait :` / `le nouveau venu, qui lui dit :` — the antecedent.
            let q = np - 1;
            let (floor, e) = if q > s {
                (s, q - 1)
            } else {
                // `…, qui`: the phrase ends before the comma.
                let mut f = s.saturating_sub(1);
                while f > start
                    && !toks
                        .get(f - 1)
                        .is_some_and(|t| t.punct().is_some() || in_class(t, C_CLAUSE))
                {
                    f -= 1;
                }
                (f, s.saturating_sub(2))
            };
            if e < floor || e < start {
                return None;
            }
            let b = np_start_back(toks, floor, e)?;
            return mention_of(text, toks, b, e);
        }
        let relative = toks
            .get(s)
            .is_some_and(|t| in_list(t, &["qui", "dont", "où", "lequel", "laquelle"]));
        if !relative && np < seg_end && !(np == s && is_appositive(toks, np, seg_end)) {
            let e = seg_end - 1;
            let Some(b) = np_start_back(toks, np, e) else {
                return pending_name.and_then(|(pa, pe)| mention_of(text, toks, pa, pe));
            };
            let is_name = name_run(toks, b).is_some_and(|x| x == e);
            if let Some((pa, pe)) = pending_name {
                // `Le chef de la diplomatie chinoise, Wang Yi, a …`
                if toks.get(b).is_some_and(|t| in_class(t, C_DET)) {
                    return mention_of(text, toks, b, pe).map(|mut m| {
                        m.name = Some(name_in(text, toks, pa, pe));
                        m
                    });
                }
                return mention_of(text, toks, pa, pe);
            }
            if is_name && s > start && np == s && b == s {
                // Maybe a role precedes: remember and look one segment further back.
                pending_name = Some((b, e));
                seg_end = s - 1;
                continue;
            }
            return mention_of(text, toks, b, e);
        }
        if np > s && np >= seg_end {
            // `… et lui dit :` — the subject is shared with the previous clause.
            break;
        }
        if let Some((pa, pe)) = pending_name {
            return mention_of(text, toks, pa, pe);
        }
        // An appositive/relative segment: skip it.
        seg_end = s.saturating_sub(1);
    }
    pending_name.and_then(|(pa, pe)| mention_of(text, toks, pa, pe))
}

/// Where the noun phrase ending at `e` starts, not before `floor`; `None` when no determiner,
/// name or pronoun starts a phrase that reaches `e`.
fn np_start_back(toks: &[Tok], floor: usize, e: usize) -> Option<usize> {
    let lo = e.saturating_sub(12).max(floor);
    for b in lo..=e {
        let Some(t) = toks.get(b) else { continue };
        if !np_head(t) {
            continue;
        }
        if b > floor
            && toks
                .get(b - 1)
                .is_some_and(|p| in_class(p, C_COMPLEMENT) || in_class(p, C_PREP))
        {
            continue;
        }
        if np_forward(toks, b).is_some_and(|x| x >= e) {
            return Some(b);
        }
    }
    // `au bruit d'une voix, qui disait` — a phrase after `de` when nothing else reaches.
    (lo..=e)
        .find(|&b| {
            toks.get(b).is_some_and(|t| in_class(t, C_DET))
                && np_forward(toks, b).is_some_and(|x| x >= e)
        })
        .or_else(|| {
            // `présenta son ami au curé, qui lui fit` — a noun after a contracted article.
            (e > floor
                && toks
                    .get(e - 1)
                    .is_some_and(|p| in_list(p, &["au", "aux", "du", "des"]))
                && toks.get(e).is_some_and(Tok::lowercase_word))
            .then_some(e)
        })
}

/// The first noun phrase of the sentence `toks[start..end]`, skipping a leading adverbial
/// segment (`Dans un communiqué, …`, `Présent dans la salle, …`, `Quand …, X …`).
fn sentence_subject(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<Mention> {
    let mut i = start;
    // Skip leading dashes, marks and `Et`.
    while i < end
        && toks.get(i).is_some_and(|t| {
            !t.is_word() || in_list(t, &["et", "mais", "puis", "alors", "or", "car", "donc"])
        })
    {
        i += 1;
    }
    for _ in 0..3 {
        // `Mais brusquement elle ralentit`: adverbs before the subject.
        while i < end
            && toks.get(i).is_some_and(|t| {
                (in_class(t, C_ADVERB) || t.lower.ends_with("ment") && !t.capitalised())
                    && toks.get(i + 1).is_some_and(|n| n.is_word())
                    && !in_class(t, C_DET)
            })
        {
            i += 1;
        }
        // `C'est Roger qui…`, `Ce fut Roger qui…`: the phrase after the presentative.
        if toks.get(i).is_some_and(|t| in_list(t, &["c'", "c’", "ce"]))
            && toks
                .get(i + 1)
                .is_some_and(|t| in_list(t, &["est", "fut", "était", "sera"]))
            && toks.get(i + 2).is_some_and(np_head)
        {
            i += 2;
        }
        let t = toks.get(i)?;
        if i >= end {
            return None;
        }
        // A lowercase opening that cannot start a subject, closed by a comma soon after
        // (`bientôt,`, `à la fin du repas,`).
        let lowercase_lead = t.lowercase_word()
            && !np_head(t)
            && (i + 1..(i + 6).min(end)).any(|k| toks.get(k).and_then(Tok::punct) == Some(','));
        let lead_adverbial = lowercase_lead
            || in_class(t, C_PREP)
            || in_class(t, C_LEADER)
            || t.lower.ends_with("ant")
            || in_class(t, C_ADVERB)
            || t.lower.ends_with("ment") && toks.get(i + 1).and_then(Tok::punct) == Some(',')
            || in_list(t, &["se", "s'", "s’", "tout", "pour", "selon"])
            || t.capitalised()
                && !in_class(t, C_DET)
                && toks.get(i + 1).is_some_and(|n| in_class(n, C_PREP));
        if lead_adverbial {
            let mut k = i;
            while k < end && toks.get(k).and_then(Tok::punct) != Some(',') {
                k += 1;
            }
            if k >= end {
                return None;
            }
            i = k + 1;
            continue;
        }
        if !np_head(t) {
            return None;
        }
        // The phrase may run into the verb when it is unknown: clamp it to the range.
        let e = np_forward(toks, i)?.min(end.saturating_sub(1));
        if e < i {
            return None;
        }
        let short = short_np(toks, i, e);
        // Keep an apposed name: `Le maire de Brest, Yann Kerhervé, a reçu …`.
        let e = if toks.get(short + 1).and_then(Tok::punct) == Some(',') && e > short {
            e
        } else {
            short
        };
        return mention_of(text, toks, i, e);
    }
    None
}

/// Without a known verb the phrase may run into an unknown one: keep determiner + noun +
/// adjectives with typical endings + complements and names.
fn short_np(toks: &[Tok], i: usize, e: usize) -> usize {
    let Some(t) = toks.get(i) else { return e };
    if !in_class(t, C_DET) {
        return e;
    }
    let mut last = (i + 1).min(e);
    let mut k = i + 2;
    const PRENOMINAL: &[&str] = &[
        "jeune",
        "jeunes",
        "vieux",
        "vieil",
        "vieille",
        "vieilles",
        "grand",
        "grande",
        "petit",
        "petite",
        "bon",
        "bonne",
        "nouveau",
        "nouvel",
        "nouvelle",
        "ancien",
        "ancienne",
        "premier",
        "première",
        "autre",
        "même",
        "seul",
        "seule",
        "pauvre",
        "brave",
        "gros",
        "grosse",
    ];
    if toks.get(i + 1).is_some_and(|t| in_list(t, PRENOMINAL)) && e > i + 1 {
        last = i + 2;
        k = i + 3;
    }
    while k <= e {
        let Some(n) = toks.get(k) else { break };
        let adj = [
            "ais", "aise", "ain", "aine", "ien", "ienne", "al", "ale", "aux", "ique", "el", "elle",
            "if", "ive", "eux", "euse", "é", "ée", "iste", "ois", "oise", "and", "ande", "an",
            "ane", "in", "ine", "ier", "ière",
        ];
        if n.capitalised()
            || in_class(n, C_COMPLEMENT)
            || toks
                .get(k - 1)
                .is_some_and(|p| in_class(p, C_COMPLEMENT) || in_class(p, C_DEFINITE))
            || n.lowercase_word() && adj.iter().any(|a| n.lower.ends_with(a))
        {
            last = k;
            k += 1;
        } else {
            break;
        }
    }
    last
}

/// Index just past the last word of `toks` ignoring trailing breaks and dashes (`:⏎— «`).
fn trailing<'a, 't>(toks: &'a [Tok<'t>]) -> Option<&'a Tok<'t>> {
    toks.iter()
        .rev()
        .find(|t| !(t.kind == Kind::Break || matches!(t.punct(), Some('—' | '–' | '-'))))
}

/// The speech verb groups ending before the quote in its sentence, nearest first.
fn verbs_back(toks: &[Tok], start: usize, end: usize) -> Vec<Verb> {
    let mut out = Vec::new();
    let mut k = end;
    while k > start && out.len() < 4 {
        k -= 1;
        let Some(t) = toks.get(k) else { break };
        if !t.is_word() || t.capitalised() && k != start {
            continue;
        }
        // One lookup per token; only a verb form opens the search for its group's start.
        if verb_senses(t).is_none() {
            continue;
        }
        let mut found = None;
        for back in 0..=4usize {
            let Some(s) = k.checked_sub(back) else { break };
            if s < start {
                break;
            }
            if let Some(v) = verb_at(toks, s) {
                if v.last >= k {
                    found = Some(v);
                }
            }
        }
        let Some(v) = found else { continue };
        // `une note`, `la réponse`, `à l'adresse de`: a noun, not a verb.
        let noun = v.first > start
            && toks.get(v.first - 1).is_some_and(|p| {
                (in_class(p, C_DET) && !in_class(p, C_CLITIC))
                    || in_list(p, &["un", "une", "des", "du", "au", "aux", "l'", "l’"])
                    // `d'ajouter`, `à dire`: an infinitive after a preposition is a verb.
                    || (in_class(p, C_PREP) || in_list(p, &["d'", "d’"])) && !v.gerund
            });
        k = v.first;
        if !noun {
            out.push(v);
        }
    }
    out
}

/// Rule 5: a speech verb before the quote in its sentence; its subject.
fn before_quote(text: &str, toks: &[Tok], partial: bool) -> Option<Found> {
    let start = sentence_start(toks);
    let end = toks.len();
    let last = trailing(toks);
    let colon = last.and_then(Tok::punct) == Some(':');
    let colon_or_que = colon || last.is_some_and(|t| in_list(t, &["que", "qu'", "qu’"]));
    let verbs = verbs_back(toks, start, end);
    let mut fallback: Option<Found> = None;
    for v in &verbs {
        // `«Q1», assure X, «Q2»` or `a-t-il lancé :`: the subject follows the verb.
        let after_quote = v.first > start
            && toks.get(v.first - 1).is_some_and(|t| {
                t.punct().is_some_and(is_quote_mark)
                    || t.punct() == Some(',')
                        && v.first > 1
                        && toks
                            .get(v.first - 2)
                            .and_then(Tok::punct)
                            .is_some_and(is_quote_mark)
            });
        if v.gerund && !after_quote {
            // `…, précisant que … «Q»`: the subject of the main verb, further back.
            continue;
        }
        let relative = v.first > start && toks.get(v.first - 1).is_some_and(|t| t.is("qui"));
        let mention = if v.inv.is_some() || after_quote {
            incise_subject(text, toks, v)
        } else {
            subject_before(text, toks, start, v.first)
                .or_else(|| sentence_subject(text, toks, start, v.first))
        };
        let Some(m) = mention else { continue };
        let method = if partial && !colon_or_que {
            Method::ClauseSubject
        } else {
            Method::BeforeQuote
        };
        let f = Found {
            cue: cue_of(toks, v),
            fem: v.fem,
            mention: Some(m),
            method,
        };
        if relative && partial {
            // `leur conflit qui menace … la «région»`: prefer a main-clause verb further back.
            fallback.get_or_insert(f);
            continue;
        }
        return Some(f);
    }
    if fallback.is_some() {
        return fallback;
    }
    // A gerund alone: the subject of the sentence.
    if let Some(v) = verbs.iter().find(|v| v.gerund) {
        if let Some(m) = sentence_subject(text, toks, start, v.first) {
            return Some(Found {
                cue: cue_of(toks, v),
                fem: None,
                mention: Some(m),
                method: if partial && !colon_or_que {
                    Method::ClauseSubject
                } else {
                    Method::BeforeQuote
                },
            });
        }
        // `Et d'ajouter : «Q»` — a narrative infinitive with no subject: the previous speaker.
        let narrative = v.first > start
            && toks
                .get(v.first - 1)
                .is_some_and(|t| in_list(t, &["d'", "d’", "de"]))
            && (start..v.first - 1).all(|k| {
                toks.get(k)
                    .is_some_and(|t| !t.is_word() || in_list(t, &["et", "puis", "avant", "afin"]))
            });
        if narrative {
            return Some(Found {
                cue: cue_of(toks, v),
                fem: None,
                mention: None,
                method: Method::Continuation,
            });
        }
    }
    // Sources in the same sentence: `Selon X, … «Q»`.
    for i in start..end {
        if let Some(f) = toks
            .get(i)
            .filter(|t| t.is("selon") || t.is("d'") || t.is("d’"))
            .and_then(|_| source_at(text, toks, i))
        {
            return Some(f);
        }
    }
    // `Pour X, la réforme est «Q»` at the start of the sentence only.
    if let Some(t) = toks.get(start) {
        if t.is("pour") {
            if let Some(f) = source_at(text, toks, start) {
                let close = f
                    .mention
                    .as_ref()
                    .and_then(|m| toks.iter().position(|t| t.start >= m.end));
                if close.and_then(|c| toks.get(c)).and_then(Tok::punct) == Some(',') {
                    return Some(f);
                }
            }
        }
    }
    // A colon with no speech verb: `X a été clair : «Q»` — the subject of the sentence.
    if partial || colon {
        let m = sentence_subject(text, toks, start, end)?;
        if m.none && !colon {
            return None;
        }
        return Some(Found {
            cue: None,
            fem: None,
            mention: Some(m),
            method: if colon {
                Method::BeforeQuote
            } else {
                Method::ClauseSubject
            },
        });
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------------

/// What the driver remembers of an attributed quote.
#[derive(Clone, Debug)]
struct Said {
    /// End of the quote or of its incise, whichever is later.
    quote_end: usize,
    /// The quote, whose speaker is set.
    qi: usize,
    fem: Option<bool>,
    paragraph_start: usize,
}

/// Does the quote open a dialogue line (`— «…»` at the start of a paragraph)?
fn dialogue_dash(text: &str, at: usize) -> bool {
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

/// A speaker the history points to (always set: only attributed quotes enter the history).
fn said_speaker<'a>(quotes: &'a [Quote], h: &Said) -> &'a Speaker {
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
fn floating<'t>(
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
fn antecedent<'t>(
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

#[cfg(test)]
mod tests {
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
