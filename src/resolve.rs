//! Stage 5 — resolve: gives each speaker mention a name and groups mentions of the same person
//! into [`SpeakerEntry`]s.
//!
//! A mention's name was set by [`crate::attribute`] (the proper name in it, the antecedent's name
//! for a pronoun, the organisation or role without its article); a mention without one gets the
//! mention minus a leading title. Mentions are grouped by normalised name (case, titles and
//! definite articles ignored), and also:
//! - a surname alone joins the full name it ends (`Mme Dubois` → `Claire Dubois`, in either order),
//!   but never an organisation (`lexicon/organisations.txt`: `la Banque de France` and a
//!   `M. France` stay apart);
//! - a role joins the person the text tied it to by apposition (`la ministre de la Culture, Claire
//!   Dubois` makes a later bare `la ministre de la Culture` the same speaker).
//!
//! - names through the article: as it is grouped, a surname alone (`M. Attal`) or a role (`le
//!   Premier ministre`, `la ministre`, `le chef du gouvernement`) takes the full name of the one
//!   person the article names so anywhere (surname) or before the mention (role, gender agreeing),
//!   from the article's cast ([`crate::cast`]), even when that person never spoke before.
//!
//! - the first-person narrator (`dis-je`, `je lui demandai :`) is one entry named `je` for the whole
//!   text; their quotes' speakers keep the mention `je` and no name.
//!
//! O(quotes) with hash maps by key, by role and by last word: a mention is compared only with
//! the speakers whose name ends with the same word.

use crate::text::Lowercased;
use std::collections::HashMap;

use crate::cast::Cast;
use crate::lexicon;
use crate::model::{Cue, Diagnostic, Gender, Method, Quote, Span, Speaker, SpeakerEntry};

/// The name inside a mention: the mention without a leading title.
pub fn name_of(mention: &str) -> String {
    let mut rest = mention.trim();
    for t in lexicon::TITLE_LIST.iter() {
        if let Some(r) = rest.strip_prefix(t) {
            if r.starts_with(char::is_whitespace) {
                rest = r.trim_start();
                break;
            }
        }
    }
    rest.to_string()
}

/// A grouping key: lowercase words without titles, definite articles and punctuation.
pub fn key_of(name: &str) -> String {
    let lower;
    let lower: &str = if name.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        // (`lowercase` copies an ASCII name without decoding it.)
        lower = match name.chars().any(|c| c == '’') {
            true => name.lowercased().replace('’', "'"),
            false => name.lowercased(),
        };
        &lower
    } else {
        name
    };
    let mut out = String::with_capacity(lower.len());
    let mut first_out = true;
    let words = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    for (i, w) in words.enumerate() {
        if i == 0 && matches!(w, "le" | "la" | "les") {
            continue;
        }
        if lexicon::is_title_lower(w) {
            continue;
        }
        let mut w = w;
        while let Some(rest) = w.strip_prefix("l'").filter(|_| i == 0) {
            w = rest;
        }
        if !first_out {
            out.push(' ');
        }
        first_out = false;
        out.push_str(w);
    }
    out
}

/// The role part of a mention that also holds a name: `la ministre de la Culture, Claire Dubois`
/// → `ministre de la culture`.
fn role_key(mention: &str, name: &str) -> Option<String> {
    if name.is_empty() || mention.len() <= name.len() {
        return None;
    }
    // `mention` without the first occurrence of `name` (a byte search: short strings, and a
    // match of a whole UTF-8 string always lies on char boundaries).
    let (m, n) = (mention.as_bytes(), name.as_bytes());
    let role = match m.windows(n.len()).position(|w| w == n) {
        Some(i) => {
            let mut r = String::with_capacity(mention.len() - name.len());
            r.push_str(mention.get(..i).unwrap_or(""));
            r.push_str(mention.get(i + name.len()..).unwrap_or(""));
            r
        }
        None => mention.to_string(),
    };
    let role = role.trim().trim_matches(',').trim();
    let k = key_of(role);
    (!k.is_empty() && k.chars().any(crate::text::is_alpha)).then_some(k)
}

/// The answer's size budget: at most this many bytes of JSON per byte of text, counted over a
/// sliding stretch of [`OUTPUT_WINDOW`] bytes (issue #17 bounds the command line's output at 40).
pub const OUTPUT_PER_BYTE: usize = 36;
/// The stretch of text over which [`OUTPUT_PER_BYTE`] is counted, in bytes.
const OUTPUT_WINDOW: usize = 100;

/// Bytes of JSON a string takes, quotes and escapes included (an upper bound).
fn json_len(s: &str) -> usize {
    let extra = |b: &u8| match b {
        b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0C => 1,
        0..=0x1F => 5,
        _ => 0,
    };
    // Most strings need no escape: one test a byte, then the length.
    let plain = s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\');
    2 + s.len()
        + if plain {
            0
        } else {
            s.as_bytes().iter().map(extra).sum()
        }
}

/// The answer's size against [`OUTPUT_PER_BYTE`], quote by quote in text order: a continuation
/// (a speaker carried over from an earlier quote, no cue of its own) costs a copy of the speaker
/// and a mention, so where quotes are so dense that those copies would pass the budget (`«Ah»
/// «Ah» «Ah»…` after one speaker, a few bytes a quote), the continuation is dropped and the
/// quote left unattributed. Every other answer is kept; on real text the budget is never near
/// (a few bytes of JSON a byte). The attribution stage applies it as it goes (so that the copies
/// are never held), the document stage to the continuations it adds, and [`resolve`] again on
/// the final answer.
///
/// The budget is local: what was spent on the quotes ending in the last [`OUTPUT_WINDOW`] bytes
/// against [`OUTPUT_PER_BYTE`] × [`OUTPUT_WINDOW`], so text far before a quote (a paragraph
/// without quotes, say) never changes its answer. Over any text the answer is then at most
/// [`OUTPUT_PER_BYTE`] bytes a byte plus one window's worth, besides the quotes themselves.
pub(crate) struct OutputBudget {
    /// The costs of the quotes and speakers counted, by the end of their quote, oldest first.
    recent: std::collections::VecDeque<(usize, usize)>,
    /// The sum of the costs in `recent`.
    spent: usize,
    /// The end of the last quote counted.
    at: usize,
}

impl OutputBudget {
    // Offsets are counted as 20 digits, the most a usize takes.
    const QUOTE: usize = 220; // a quote's fields, `reason` and a `parent` included
    const SPEAKER: usize = 200; // a speaker's fields and ids, and its mention in `speakers`
    const DIAGNOSTIC: usize = 60; // a diagnostic's fields besides its code and message
    const LIMIT: usize = OUTPUT_PER_BYTE * OUTPUT_WINDOW;

    pub(crate) fn new() -> OutputBudget {
        OutputBudget {
            recent: std::collections::VecDeque::new(),
            spent: 0,
            at: 0,
        }
    }

    fn spend(&mut self, cost: usize) {
        self.recent.push_back((self.at, cost));
        self.spent = self.spent.saturating_add(cost);
    }

    /// Accounts for the next quote, which ends at byte `end`.
    pub(crate) fn quote(&mut self, end: usize) {
        self.advance(end);
        self.spend(Self::QUOTE);
    }

    /// Moves the window's end to `end` (never back) and forgets what was spent before it.
    fn advance(&mut self, end: usize) {
        self.at = self.at.max(end);
        let from = self.at.saturating_sub(OUTPUT_WINDOW);
        while let Some(&(e, c)) = self.recent.front() {
            if e > from {
                break;
            }
            self.spent = self.spent.saturating_sub(c);
            self.recent.pop_front();
        }
    }

    /// Keeps `d` in `kept` when it fits the budget; otherwise extends the last kept diagnostic
    /// of its code over it when that one ended at most [`OUTPUT_WINDOW`] bytes before (lines of
    /// `— «` each leaving a quote open give one `unclosed` spanning them once the budget is
    /// spent, not one per line). `last_of`: the index in
    /// `kept` of the last diagnostic of each code.
    fn diagnostic(
        &mut self,
        d: Diagnostic,
        kept: &mut Vec<Diagnostic>,
        last_of: &mut Vec<(&'static str, usize)>,
    ) {
        self.advance(d.end);
        let cost = Self::DIAGNOSTIC + d.code.len() + json_len(&d.message);
        let slot = last_of.iter().position(|(c, _)| *c == d.code);
        if self.spent.saturating_add(cost) > Self::LIMIT {
            // Only over a short gap: a diagnostic never stands for a far one.
            let last = slot
                .and_then(|k| last_of.get(k))
                .and_then(|&(_, i)| kept.get_mut(i))
                .filter(|last| d.start.saturating_sub(last.end) <= OUTPUT_WINDOW);
            if let Some(last) = last {
                last.end = last.end.max(d.end);
                return;
            }
        }
        self.spend(cost);
        match slot.and_then(|k| last_of.get_mut(k)) {
            Some(entry) => entry.1 = kept.len(),
            None => last_of.push((d.code, kept.len())),
        }
        kept.push(d);
    }

    /// The bytes of JSON a speaker and its cue take (an upper bound).
    fn speaker_cost(s: &Speaker, cue: Option<&Cue>) -> usize {
        Self::SPEAKER
            + json_len(&s.text)
            + s.name.as_deref().map_or(0, |n| 2 * json_len(n))
            + cue.map_or(0, |c| json_len(&c.text) + json_len(&c.lemma) + 100)
    }

    /// Accounts for the last quote's speaker and cue; false (nothing accounted) when they are a
    /// continuation that does not fit.
    pub(crate) fn speaker(
        &mut self,
        s: &Speaker,
        cue: Option<&Cue>,
        method: Option<Method>,
    ) -> bool {
        self.fits(Self::speaker_cost(s, cue), cue.is_some(), method)
    }

    /// [`OutputBudget::speaker`] for a speaker and cue of `cost` bytes (`cued`: with a cue).
    fn fits(&mut self, cost: usize, cued: bool, method: Option<Method>) -> bool {
        let over = self.spent.saturating_add(cost) > Self::LIMIT;
        if over && method == Some(Method::Continuation) && !cued {
            return false;
        }
        self.spend(cost);
        true
    }
}

/// [`OutputBudget`] over the final answer, one pass in text order, O(quotes + diagnostics):
/// `answers` drops the continuations that do not fit (as the earlier stages did); `all` counts
/// the quotes and speakers kept with the diagnostics, so that a diagnostic never costs a quote
/// its speaker (a diagnostic is counted before the quotes ending after it).
fn bound_output(quotes: &mut [Quote], diagnostics: &mut Vec<Diagnostic>) {
    let mut answers = OutputBudget::new();
    let mut all = OutputBudget::new();
    let mut kept: Vec<Diagnostic> = Vec::with_capacity(diagnostics.len().min(1024));
    // The last diagnostic kept of each code (a handful of codes).
    let mut last_of: Vec<(&'static str, usize)> = Vec::new();
    let mut diags = std::mem::take(diagnostics).into_iter().peekable();
    for q in quotes.iter_mut() {
        while let Some(d) = diags.next_if(|d| d.end <= q.end) {
            all.diagnostic(d, &mut kept, &mut last_of);
        }
        answers.quote(q.end);
        all.quote(q.end);
        let Some(s) = &q.speaker else { continue };
        let cost = OutputBudget::speaker_cost(s, q.cue.as_deref());
        if answers.fits(cost, q.cue.is_some(), q.method) {
            all.spend(cost);
        } else {
            q.speaker = None;
            q.method = None;
        }
    }
    for d in diags {
        all.diagnostic(d, &mut kept, &mut last_of);
    }
    *diagnostics = kept;
}

/// Names through the article: a speaker known by a surname alone (`M. Attal`) or by a role
/// (`le Premier ministre`, `la ministre`) takes the full name of the one person the article
/// names so ([`Cast`], read from `text` the first time it is needed), so that every mention of
/// a person joins one entry. `name` and `key` are the mention's, `at` where it starts.
fn cast_name<'c>(
    text: &str,
    cast: &'c mut Option<Cast>,
    name: &str,
    key: &str,
    at: usize,
    gender: Option<Gender>,
) -> Option<(&'c str, Option<Gender>)> {
    if key.is_empty() {
        return None;
    }
    // A role's head is a noun of people (`le chef du gouvernement`); a surname is one
    // capitalised word that names no organisation (`France` of `la Banque de France`).
    let role = key.split(' ').take(2).any(lexicon::is_person_noun);
    let surname = !role
        && !key.contains(' ')
        && name.starts_with(crate::text::is_upper)
        && !lexicon::is_org(key);
    if !surname && !role {
        return None;
    }
    let cast = cast.get_or_insert_with(|| Cast::of(text));
    // (`Berger` alone: a noun of people, and the surname of `Laurent Berger`.)
    let capital = !key.contains(' ') && name.starts_with(crate::text::is_upper);
    if surname || capital && role {
        cast.full_name(key)
            .or_else(|| cast.holder(key, at, gender).filter(|_| !surname))
    } else {
        cast.holder(key, at, gender)
    }
}

/// How far back from a mention, in bytes (a few paragraphs), [`sole_named`] reads.
const SOLE_NAMED_BACK: usize = 1500;

/// The person an epithet or a pronoun stands for when nothing closer says (`L'acteur Hugo
/// Delmas publie ses mémoires. […] « … », écrit le sexagénaire.`, `confie-t-il`): the one person
/// of that gender the last paragraphs name in full outside quotes ([`Cast::sole_named`]).
/// `quoted`: the top-level quotes' spans, in text order.
fn sole_named<'c>(
    text: &str,
    cast: &'c mut Option<Cast>,
    quoted: &[(usize, usize)],
    at: usize,
    gender: Option<Gender>,
    shown: &dyn Fn(&str) -> Option<Gender>,
    demonym: Option<&str>,
) -> Option<(&'c str, Option<Gender>)> {
    let from = at.saturating_sub(SOLE_NAMED_BACK);
    let inside = |p: usize| {
        let i = quoted.partition_point(|&(s, _)| s <= p);
        // `le Slovène` is not the one named `le Norvégien Casper Ruud`.
        let other = demonym.is_some_and(|d| {
            let before = text.get(p.saturating_sub(40)..p).unwrap_or("");
            before.rsplit(' ').nth(1).is_some_and(|w| {
                let w = w.lowercased();
                w != d && lexicon::is_epithet(&w) && !lexicon::is_person_noun(&w)
            })
        });
        other
            || i.checked_sub(1)
                .and_then(|i| quoted.get(i))
                .is_some_and(|&(_, e)| p < e)
    };
    cast.get_or_insert_with(|| Cast::of(text))
        .sole_named(from, at, gender, inside, shown)
}

/// The gender most of the quotes resolved so far show for the speaker named `name`, if any.
fn shown_gender(
    by_key: &HashMap<String, usize>,
    votes: &[(u32, u32)],
    name: &str,
) -> Option<Gender> {
    let (f, m) = *votes.get(*by_key.get(&key_of(name))?)?;
    match f.cmp(&m) {
        std::cmp::Ordering::Greater => Some(Gender::Feminine),
        std::cmp::Ordering::Less => Some(Gender::Masculine),
        std::cmp::Ordering::Equal => None,
    }
}

/// Is `mention` a singular definite or demonstrative phrase headed by an epithet (`l'acteur`,
/// `le Belge`, `ce quinquagénaire`, `la jeune femme`, `le joueur de 24 ans`), and nothing else,
/// or by a former office (`l'ancien Premier ministre`, `l'ex-ministre de la Culture`)?
/// Another complement or adjective may tell someone else (`l'élu d'opposition`, `le
/// gouvernement belge`). With `bare`, the phrase may come without its article: a name made of
/// such a phrase (a definite article is all a name drops: `un élu` stays as written).
fn epithet(mention: &str, bare: bool) -> bool {
    let lower = mention.lowercased();
    let Some(rest) = ["le ", "la ", "l'", "l’", "ce ", "cet ", "cette "]
        .iter()
        .find_map(|d| lower.strip_prefix(d))
        .or(bare.then_some(lower.as_str()))
    else {
        return false;
    };
    let mut words = rest.split(' ');
    let mut head = words.next();
    // A former office is someone's (`l'ancien ministre de l'Économie`, `l'ex-candidate`):
    // whatever follows.
    let former = head.is_some_and(|w| matches!(w, "ancien" | "ancienne"))
        || head.is_some_and(|w| w.starts_with("ex-"));
    if former {
        let noun = match head.and_then(|w| w.strip_prefix("ex-")) {
            Some(n) => Some(n),
            None => words.next(),
        };
        let noun = if noun == Some("premier") || noun == Some("première") {
            words.next()
        } else {
            noun
        };
        return noun.is_some_and(lexicon::is_person_noun);
    }
    if head.is_some_and(|w| crate::document::PRENOMINAL.contains(w)) {
        head = words.next();
    }
    let age = |w: &[&str]| matches!(w, ["de", n, "ans"] if n.bytes().all(|b| b.is_ascii_digit()));
    // (Epithets may follow: `l'élu écologiste`, `la chanteuse trentenaire`.)
    head.is_some_and(|w| lexicon::is_epithet(w) && !lexicon::is_medium(w)) && {
        let tail: Vec<&str> = words.collect();
        age(&tail) || tail.iter().all(|w| lexicon::is_epithet(w))
    }
}

/// The name of the first-person narrator's entry in the speakers list (their quotes' speakers
/// have no name unless the text gives one).
pub const NARRATOR: &str = "je";

/// Is the mention the first-person narrator (`je`, `j'`; `me`, `m'` for a narrator who answers
/// a turn said to them before speaking)?
pub(crate) fn is_narrator(mention: &str) -> bool {
    matches!(
        mention.trim(),
        "je" | "Je" | "j'" | "J'" | "j’" | "J’" | "me" | "Me" | "m'" | "M'" | "m’" | "M’"
    )
}

/// Is the speaker the label of `X : «Q»` (no verb: a headline's form) where the label is a
/// topic, not someone? The tail of a phrase after a preposition names no one (`Grève à la
/// SNCF : «Q»`); a run of capitalised words with a lowercase one second (`Incendie de
/// Notre-Dame`, `Mort de Johnny Hallyday`) is a person only when the article names them in full
/// again (`Dominique de Villepin : «Q»` over an article about him); a single word that is no
/// one's surname in the article (`Mayotte : «Q»`; `Macron` was named in full already, by
/// [`cast_name`]) is a topic. Two capitalised words are a name (`Annie Ernaux : «Q»`); roles,
/// titles, pronouns and organisations stay speakers. (Whatever follows the line, so that the
/// answer never depends on text around it.) `name`, `key`: the mention's, no one found for it.
fn topic_label(
    text: &str,
    cast: &mut Option<Cast>,
    s: &Speaker,
    quote_start: usize,
    name: &str,
    key: &str,
) -> bool {
    use crate::lexicon::grammar::{class_of, C_DEFINITE, C_PREP};
    use crate::text::{is_lower, is_upper, words};
    if text.get(s.end..quote_start).map(str::trim) != Some(":") {
        return false;
    }
    let line_start = text
        .get(..s.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let before = text.get(line_start..s.start).unwrap_or("").trim();
    let kicker = (before.ends_with('-') || before.ends_with('–') || before.ends_with('—'))
        && !before.chars().any(is_lower);
    if !before.is_empty() && !kicker {
        // (The article of the label's phrase is read past: `à la SNCF`; `Et le maire :` is a
        // sentence of its own.)
        let last = words(before)
            .map(|w| w.lowercased())
            .filter(|w| class_of(w) & C_DEFINITE == 0)
            .last();
        return !before.contains(',')
            && last.is_some_and(|w| w != "par" && class_of(&w) & C_PREP != 0);
    }
    let someone = lexicon::pronoun(&s.text).is_some()
        || words(&s.text).next().is_some_and(lexicon::is_title)
        || words(key).any(lexicon::is_person_noun)
        || organisation(name, key);
    if someone || !s.text.starts_with(is_upper) {
        return false;
    }
    match words(&s.text).nth(1) {
        None => true,
        // (`Dominique de Villepin`, but `Mort de Johnny Hallyday`, `Urgences de Saint-Nazaire`.)
        Some(w) if w.starts_with(is_lower) => {
            let line_end = text
                .get(quote_start..)
                .and_then(|t| t.find('\n'))
                .map_or(text.len(), |i| quote_start + i);
            !cast
                .get_or_insert_with(|| Cast::of(text))
                .named_outside(key, line_start, line_end)
        }
        // Two capitalised words are taken for a name (`Annie Ernaux : «Q»`).
        Some(_) => false,
    }
}

/// Is the speaker named `name` (grouping key `key`) an organisation: a word of
/// `lexicon/organisations.txt` (`la CGT`, `la préfecture`) or an acronym opening the name (`la
/// SNCF`, `la CGT-Cheminots`; `Jean DUPONT` is a person)?
fn organisation(name: &str, key: &str) -> bool {
    key.split(' ').any(lexicon::is_org)
        || name
            .split([' ', '-'])
            .next()
            .is_some_and(crate::cast::is_acronym)
}

/// Fills `speaker.name` and `speaker.id` and returns the list of distinct speakers, after
/// holding the answer to the output budget ([`bound_output`]).
pub fn resolve(
    text: &str,
    quotes: &mut [Quote],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<SpeakerEntry> {
    bound_output(quotes, diagnostics);
    let mut cast: Option<Cast> = None;
    let mut entries: Vec<SpeakerEntry> = Vec::new();
    // std's hasher (keyed at random), not the lexicons' FNV: these keys come from the text,
    // and colliding names must not make lookups linear.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_role: HashMap<String, usize> = HashMap::new();
    // The entries a surname can join, by the last word of their key: the surname lookup is one
    // hash lookup.
    // The lists of `Surname` by last word (an index into `lists`: one map type fewer in the
    // wasm than a map of lists).
    let mut surnames: HashMap<String, usize> = HashMap::new();
    let mut lists: Vec<Surname> = Vec::new();
    // Per entry, how many mentions show it feminine and masculine.
    // Indexed by entry id, as `entries` is (a map of its own type cost the wasm its hashing
    // code).
    let mut votes: Vec<(u32, u32)> = Vec::new();
    // The first-person narrator's entry, once one of their quotes is met.
    let mut narrator_id: Option<usize> = None;
    let quoted: Vec<(usize, usize)> = quotes
        .iter()
        .filter(|q| q.parent.is_none())
        .map(|q| (q.start, q.end))
        .collect();
    for (qi, q) in quotes.iter_mut().enumerate() {
        let label = q.method == Some(Method::BeforeQuote) && q.cue.is_none();
        let quote_start = q.start;
        let Some(s) = &mut q.speaker else { continue };
        // The first-person narrator (`dis-je`, `je lui demandai :`): one entry for the whole text,
        // while each of their quotes keeps a speaker without a name.
        if s.name.is_none() && is_narrator(&s.text) {
            let id = *narrator_id.get_or_insert_with(|| {
                entries.push(SpeakerEntry {
                    id: entries.len(),
                    name: NARRATOR.to_string(),
                    quotes: Vec::new(),
                    mentions: Vec::new(),
                    gender: None,
                });
                entries.len() - 1
            });
            if let Some(e) = entries.get_mut(id) {
                e.quotes.push(qi);
                e.mentions.push(Span::new(s.start, s.end));
            }
            s.id = Some(id);
            continue;
        }
        // The name is moved out and put back below (no copy).
        let had_name = s.name.is_some();
        let Some(name) = s.name.take().or_else(|| {
            // A pronoun no antecedent was found for (`il`, `elle`): the one person of that
            // gender named in the last paragraphs, if there is one; else no entry (`lui`,
            // `eux`, `ils` neither). (The narrator is handled above.)
            match lexicon::pronoun(&s.text) {
                Some(p) if !p.plural => {
                    let (found, g) = sole_named(
                        text,
                        &mut cast,
                        &quoted,
                        s.start,
                        Some(p.gender),
                        &|n| shown_gender(&by_key, &votes, n),
                        None,
                    )?;
                    s.gender = s.gender.or(g);
                    Some(found.to_string())
                }
                Some(_) => None,
                None => (!matches!(
                    s.text.lowercased().as_str(),
                    "lui" | "eux" | "celui-ci" | "celle-ci" | "ceux-ci" | "celles-ci"
                ))
                .then(|| name_of(&s.text)),
            }
        }) else {
            continue;
        };
        if name.is_empty() {
            if had_name {
                s.name = Some(name);
            }
            continue;
        }
        let key = key_of(&name);
        let mut found = cast_name(text, &mut cast, &name, &key, s.start, s.gender)
            .map(|(full, g)| (full.to_string(), g));
        let from_pronoun = lexicon::pronoun(&s.text).is_some();
        let epithet_mention = epithet(&s.text, false);
        // (`l'élu`, `l'ingénieure`: the noun's form shows the gender the article does not.)
        if s.gender.is_none() && !from_pronoun && epithet_mention {
            let head = key.split(' ').next().unwrap_or("");
            s.gender = lexicon::person_noun_gender(head);
        }
        // (Only where the name is still the epithet's own words: a name attribution found
        // for it stays.)
        if found.is_none()
            && s.gender.is_some()
            && (epithet_mention && key == key_of(&s.text) || from_pronoun && epithet(&name, true))
        {
            // An epithet no role ties to anyone: the one person it can be (`l'acteur`).
            let shown = |n: &str| shown_gender(&by_key, &votes, n);
            let head = key
                .split(' ')
                .next()
                .filter(|h| !lexicon::is_person_noun(h));
            found = sole_named(text, &mut cast, &quoted, s.start, s.gender, &shown, head)
                .map(|(full, g)| (full.to_string(), g));
        }
        if label && found.is_none() && topic_label(text, &mut cast, s, quote_start, &name, &key) {
            q.speaker = None;
            q.method = None;
            continue;
        }
        let (name, key) = match found {
            Some((full, g)) => {
                s.gender = s.gender.or(g);
                let key = key_of(&full);
                (full, key)
            }
            None => (name, key),
        };
        let surname = last_word(&key);
        // Gender is a person's (`la ministre`, `Mme Dubois`, `elle`), never an organisation's
        // (`la CGT`, `la préfecture`, `la direction de l'usine`): the share of quotes by women
        // and men counts people only.
        // (Titles are matched as written, `Mme`, `M.`; nouns lowercased.)
        // A medium named by its kind is one too (`le magazine Première`, `le quotidien
        // régional`; not `le directeur du journal`).
        let medium = key.split(' ').next().is_some_and(lexicon::is_medium);
        let org = medium || organisation(&name, &key);
        let lower_name = name.lowercased();
        // (`le magazine Première`: a medium, whatever word of people its title holds.)
        let person = !medium
            && name
                .split_whitespace()
                .zip(lower_name.split_whitespace())
                .any(|(w, lower)| {
                    lexicon::is_title(w)
                        || lexicon::is_person_noun(lower)
                        || matches!(lower, "celui" | "celle" | "ceux" | "celles")
                })
            || name.chars().next().is_some_and(crate::text::is_upper) && !org;
        let existing = by_key
            .get(&key)
            .or_else(|| by_role.get(&key))
            .copied()
            .or_else(|| {
                // Surname alone ↔ full name — people only: `Banque de France` and `France`, or
                // `Kremlin` and anything, are organisations (`lexicon/organisations.txt`).
                if org {
                    return None;
                }
                if !name.chars().next().is_some_and(crate::text::is_upper) {
                    return None;
                }
                let same = lists.get(*surnames.get(surname)?)?;
                // A surname alone joins the first person with that last word; a full name joins
                // the first person known by that surname alone.
                if key == surname {
                    &same.people
                } else {
                    &same.surname_only
                }
                .first()
                .copied()
            });
        let id = match existing {
            Some(id) => id,
            None => {
                let id = entries.len();
                entries.push(SpeakerEntry {
                    id,
                    name: name.clone(),
                    // Most speakers say one or two things: no room for four from the start.
                    quotes: Vec::with_capacity(1),
                    mentions: Vec::with_capacity(1),
                    gender: None,
                });
                if let Some(same) = Surname::of(&mut surnames, &mut lists, surname) {
                    same.add(id, &name, &key, org);
                }
                id
            }
        };
        by_key.entry(key).or_insert(id);
        if let Some(rk) = role_key(&s.text, &name) {
            by_role.entry(rk).or_insert(id);
        }
        if let Some(e) = entries.get_mut(id) {
            // The fullest name wins (`Dubois` → `Claire Dubois`).
            if name.chars().next().is_some_and(crate::text::is_upper)
                && name.split_whitespace().count() > e.name.split_whitespace().count()
            {
                // The entry is filed again under its new name (an entry's key is always its
                // name's: no copy of it is kept).
                let old_key = key_of(&e.name);
                e.name = name.clone();
                let new_key = key_of(&name);
                if let Some(old) = surnames
                    .get(last_word(&old_key))
                    .and_then(|&i| lists.get_mut(i))
                {
                    old.remove(id);
                }
                if let Some(same) = Surname::of(&mut surnames, &mut lists, last_word(&new_key)) {
                    let org = new_key.split(' ').any(lexicon::is_org);
                    same.add(id, &name, &new_key, org);
                }
            }
            e.quotes.push(qi);
            e.mentions.push(Span::new(s.start, s.end));
        }
        s.name = Some(name);
        s.id = Some(id);
        if !person {
            s.gender = None;
        } else if let Some(g) = s.gender {
            if votes.len() <= id {
                votes.resize(id + 1, (0, 0));
            }
            if let Some(v) = votes.get_mut(id) {
                if g == Gender::Feminine {
                    v.0 += 1;
                } else {
                    v.1 += 1;
                }
            }
        }
    }
    // One person, one gender: the one most of their mentions show, on every quote of theirs.
    for (id, (f, m)) in votes.into_iter().enumerate() {
        if let Some(e) = entries.get_mut(id).filter(|_| f + m > 0) {
            e.gender = match f.cmp(&m) {
                std::cmp::Ordering::Greater => Some(Gender::Feminine),
                std::cmp::Ordering::Less => Some(Gender::Masculine),
                std::cmp::Ordering::Equal => None,
            };
        }
    }
    for q in quotes.iter_mut() {
        if let Some(s) = &mut q.speaker {
            if let Some(e) = s.id.and_then(|id| entries.get(id)) {
                s.gender = e.gender;
            }
        }
    }
    entries
}

/// The speakers whose key ends with one word, in id order: `people`, those a surname alone may
/// join (capitalised names, no organisation); `surname_only`, those of them known by the surname
/// alone.
#[derive(Default)]
struct Surname {
    people: Vec<usize>,
    surname_only: Vec<usize>,
}

impl Surname {
    /// The list of `word`, made when missing (the key copied only then).
    fn of<'a>(
        all: &mut HashMap<String, usize>,
        lists: &'a mut Vec<Surname>,
        word: &str,
    ) -> Option<&'a mut Surname> {
        let i = match all.get(word) {
            Some(&i) => i,
            None => {
                all.insert(word.to_string(), lists.len());
                lists.push(Surname::default());
                lists.len() - 1
            }
        };
        lists.get_mut(i)
    }

    /// `org`: whether a word of `key` names an organisation.
    fn add(&mut self, id: usize, name: &str, key: &str, org: bool) {
        let person = name.chars().next().is_some_and(crate::text::is_upper) && !org;
        if !person {
            return;
        }
        insert_sorted(&mut self.people, id);
        if !key.contains(' ') {
            insert_sorted(&mut self.surname_only, id);
        }
    }

    fn remove(&mut self, id: usize) {
        self.people.retain(|&x| x != id);
        self.surname_only.retain(|&x| x != id);
    }
}

fn insert_sorted(ids: &mut Vec<usize>, id: usize) {
    let at = ids.partition_point(|&x| x < id);
    ids.insert(at, id);
}

/// The last word of a grouping key.
pub(crate) fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(key_of("Mme Dubois"), "dubois");
        assert_eq!(key_of("le Kremlin"), "kremlin");
        assert_eq!(key_of("L'abbé"), "abbé");
        assert_eq!(key_of("ministre de la Culture"), "ministre de la culture");
        assert_eq!(
            role_key("la ministre de la Culture, Claire Dubois", "Claire Dubois").as_deref(),
            Some("ministre de la culture")
        );
        assert_eq!(name_of("M.\u{a0}Paul Durand"), "Paul Durand");
    }

    #[test]
    fn one_entry_per_person() {
        let text = "La ministre de la Culture, Claire Dubois, a déclaré : «Le musée rouvrira.» \
                    «Les travaux sont finis», a ajouté Mme Dubois. «Nous sommes prêts», a-t-elle \
                    conclu. «Enfin», a soufflé la ministre de la Culture.";
        let a = crate::analyze(text);
        assert_eq!(a.quotes.len(), 4);
        assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
        let e = a.speakers.first().expect("one speaker");
        assert_eq!(e.name, "Claire Dubois");
        assert_eq!(e.quotes, [0, 1, 2, 3]);
    }

    #[test]
    fn organisations_do_not_join_surnames() {
        let text = "«Oui», a dit la Banque de France. «Non», a répondu M. France.";
        let a = crate::analyze(text);
        assert_eq!(a.speakers.len(), 2, "{:?}", a.speakers);
    }

    #[test]
    fn different_people_stay_apart() {
        let text = "«Oui», a dit Paul Martin. «Non», a répondu Julie Martin. «Peut-être», a lancé le maire.";
        let a = crate::analyze(text);
        assert_eq!(a.speakers.len(), 3, "{:?}", a.speakers);
    }
}
