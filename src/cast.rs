//! The cast of an article: the people it names in full (`Gabriel Attal`), with the role the text
//! gives them by apposition (`le Premier ministre Gabriel Attal`, `Claire Dubois, ministre de la
//! Culture,`). [`crate::resolve`] reads it to tie a later `M. Attal`, `Attal` or `le Premier
//! ministre` to the person the article named, even when that person never spoke before.
//!
//! One pass over the bytes of the text for capitalised words; where one starts a run of name
//! words, the words of a bounded window around it ([`crate::text::words`]) are read: a *name* is
//! a run of two or more capitalised words (particles
//! such as `de` between them), not starting with a grammar word (`Alors`, `Selon`), a title or a
//! word in capitals; its *role* is the noun phrase right before it (after a determiner, ending
//! with the name or a comma) or right after it between commas, when that phrase holds a noun of
//! people or roles (`lexicon/person-nouns.txt`). Built only when some speaker needs it.

use crate::text::Lowercased;
use crate::text::TrimBy;
use std::collections::HashMap;

use crate::lexicon::grammar::{
    class_of, C_AUX_AVOIR, C_AUX_ETRE, C_CLAUSE, C_COMPLEMENT, C_OTHER_VERB, C_PARTICLE, C_PREP,
};
use crate::lexicon::{
    is_epithet, is_org, is_person_noun, is_title, person_noun_gender, role_synonym, Gender,
    DOTTED_TITLES,
};
use crate::resolve::{key_of, last_word};
use crate::text::{ceil_boundary, floor_boundary, is_alnum, is_apostrophe, is_upper, words};

/// How far before a name its role is looked for, in bytes.
const BACK: usize = 100;
/// How far after a name's first letter the name and a role after it are looked for, in bytes.
const FORWARD: usize = 180;
/// How many words a role may have.
const ROLE_WORDS: usize = 7;

/// A person given a role at one place.
#[derive(Debug)]
struct Holder {
    /// Where the apposition starts.
    at: usize,
    gender: Option<Gender>,
    person: usize,
    /// Filed under the role itself (`la Première ministre`), not only under its head noun
    /// (`le maire` for `le maire de Brest`).
    whole: bool,
}

/// Roles with more holders than this before a mention name no one there (too many to tell).
const MAX_HOLDERS: usize = 16;

/// How far ahead of a role with no holder before it (a headline's, a standfirst's) the article
/// may name its holder, in bytes.
const HOLDER_AHEAD: usize = 1_500;

/// The people an article names in full and the roles it gives them.
#[derive(Debug, Default)]
pub(crate) struct Cast {
    /// Full names as written, each once.
    people: Vec<String>,
    by_key: HashMap<String, usize>,
    /// People by the last word of their key (a surname): the index of their list in
    /// `surnames` (a map of the type of `by_key`, whose code the wasm holds once).
    by_last: HashMap<String, usize>,
    /// People by the first word of their key (a first name), likewise.
    by_first: HashMap<String, usize>,
    surnames: Vec<Vec<usize>>,
    /// Holders by role key (`ministre de la culture`) and by role head (`ministre`), in text
    /// order: an index into `holders` (a map of the type of `by_key` again).
    roles: HashMap<String, usize>,
    holders: Vec<Vec<Holder>>,
    /// Where the text names each person in full, in text order: (byte, person).
    seen: Vec<(usize, usize)>,
    /// Each person's gender, as the first title or role with one shows it.
    genders: Vec<Option<Gender>>,
    /// Where the text first and last names each person in full.
    spread: Vec<(usize, usize)>,
    /// The text's headline line ([`crate::text::headline`]).
    headline: (usize, usize),
}

impl Cast {
    /// Reads the cast of `text`: a quick scan for capitalised words that start a run of two
    /// name words; only there are the words around read (a window of [`BACK`] bytes before and
    /// [`FORWARD`] after).
    pub(crate) fn of(text: &str) -> Cast {
        let mut cast = Cast {
            headline: crate::text::headline(text),
            ..Cast::default()
        };
        let bytes = text.as_bytes();
        let mut ws: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        // Uppercase letters start with an ASCII capital or a lead byte of 0xC3 or more.
        while let Some(at) = next_capital(bytes, i) {
            // `é`, `è`, `à`… (C3 A0 to C3 BF) are the common lead bytes of French text: no
            // capital, skipped without decoding.
            if bytes.get(at) == Some(&0xC3) && bytes.get(at + 1).is_some_and(|&b| b >= 0x9F) {
                i = at + 2;
                continue;
            }
            let Some(c) = text.get(at..).and_then(|r| r.chars().next()) else {
                break;
            };
            i = at + c.len_utf8();
            if !is_upper(c) || !word_start_at(text, at) || !starts_run(text, at) {
                continue;
            }
            let from = ceil_boundary(text, at.saturating_sub(BACK));
            let to = floor_boundary(text, at.saturating_add(FORWARD).min(text.len()));
            ws.clear();
            let window = text.get(from..to).unwrap_or("");
            for w in words(window) {
                let s = w.as_ptr() as usize - text.as_ptr() as usize;
                // A word cut by the window's start is not read.
                if s == from && from > 0 && !word_start_at(text, from) {
                    continue;
                }
                ws.push((s, s + w.len()));
            }
            let Some(first) = ws.iter().position(|&(s, _)| s == at) else {
                continue;
            };
            let sentence_initial = text.get(..at).map(|b| b.trim_end()).is_none_or(|b| {
                b.is_empty() || b.ends_with(['.', '!', '?', ':', ';', '\n', '«', '"'])
            });
            if let Some(end) = cast.read_run(text, &ws, first, sentence_initial) {
                i = i.max(end);
            }
        }
        cast
    }

    /// The full name a surname alone stands for, when the article names exactly one such
    /// person: `Attal` → `Gabriel Attal`.
    ///
    /// A first name alone stands for the one person named in full with it, when it is no one's
    /// surname (`Nadia Bensaïd, 56 ans, […] Nadia lit` → `Nadia Bensaïd`).
    pub(crate) fn full_name(&self, surname_key: &str) -> Option<(&str, Option<Gender>)> {
        let &list = self
            .by_last
            .get(surname_key)
            .or_else(|| self.by_first.get(surname_key))?;
        match self.surnames.get(list)?.as_slice() {
            [one] => Some((self.people.get(*one)?, self.gender(*one))),
            _ => None,
        }
    }

    /// The person a role stands for at byte `at`: the one person the article gave that role (or
    /// a role with that head: `la ministre` ↔ `la ministre de la Culture`) before `at`, of a
    /// gender that agrees; with none before, the one it gives that role to in the next
    /// [`HOLDER_AHEAD`] bytes, when it gives it to no one else anywhere.
    pub(crate) fn holder(
        &self,
        role_key: &str,
        at: usize,
        gender: Option<Gender>,
    ) -> Option<(&str, Option<Gender>)> {
        let key = without_party(role_key);
        let list = self.roles.get(role_synonym(key)).or_else(|| {
            // `l'édile de Paris` is `le maire de Paris`: the synonym of a head before its
            // complement.
            let (head, rest) = key.split_once(' ')?;
            let usual = role_synonym(head);
            if usual == head {
                return None;
            }
            self.roles
                .get(crate::text::concat(&[usual, " ", rest]).as_str())
        })?;
        let holders = self.holders.get(*list)?;
        let before = holders.partition_point(|h| h.at < at);
        if before > MAX_HOLDERS {
            return None;
        }
        // A headline or a standfirst names the role before the article names its holder
        // (`Retraites : la Première ministre promet…`, then `La Première ministre Élisabeth
        // Borne a…`): with no holder before, the one the next paragraphs give, when they give
        // that role to no one else.
        let ahead = if before == 0 {
            let near = holders.partition_point(|h| h.at < at.saturating_add(HOLDER_AHEAD));
            // Only the role as written (`le maire` is not `le maire de la commune voisine`),
            // except in the headline, when the article gives a role with that head to one
            // person only (`Budget : «…», promet le ministre`, then `le ministre de l'Économie,
            // Antoine Armand`).
            let one = holders
                .first()
                .is_some_and(|f| holders.iter().all(|h| h.person == f.person));
            let partial = holders.iter().any(|h| !h.whole);
            if near == 0
                || holders.len() > MAX_HOLDERS
                || partial && !(one && (self.headline.0..self.headline.1).contains(&at))
            {
                return None;
            }
            holders.len()
        } else {
            before
        };
        let mut found: Option<usize> = None;
        for h in holders.get(..ahead)? {
            let agrees = gender.is_none() || h.gender.is_none() || h.gender == gender;
            if !agrees {
                continue;
            }
            match found {
                Some(p) if p != h.person => return None,
                _ => found = Some(h.person),
            }
        }
        let person = found?;
        Some((self.people.get(person)?, self.gender(person)))
    }

    /// The one person of gender `gender` the text names in full in `from..at`, outside quotes
    /// (`quoted`), with that gender: a title or a role must have shown it. A person of unknown
    /// gender there may be anyone (`au micro de Brigitte Lahaie` is no antecedent of `il`), so
    /// none is found. With no `gender` wanted, anyone named counts. `None` when two could be
    /// meant.
    pub(crate) fn sole_named(
        &self,
        from: usize,
        at: usize,
        gender: Option<Gender>,
        quoted: impl Fn(usize) -> bool,
        shown: &dyn Fn(&str) -> Option<Gender>,
    ) -> Option<(&str, Option<Gender>)> {
        // A title, a role, or else the quotes the analysis gave that name so far (`a-t-il
        // dit`), show the gender.
        let gender_of = |person: usize| {
            self.gender(person)
                .or_else(|| self.people.get(person).and_then(|n| shown(n)))
        };
        let lo = self.seen.partition_point(|&(p, _)| p < from);
        let hi = self.seen.partition_point(|&(p, _)| p < at);
        let mut fits: Option<usize> = None;
        for &(p, person) in self.seen.get(lo..hi)? {
            if quoted(p) {
                continue;
            }
            // A first name of a feminine form fits a woman's epithet (`Marie-Claire Dethier
            // ouvre la porte. «Q», raconte la retraitée`); the epithet still shows the gender.
            let feminine = || {
                self.people
                    .get(person)
                    .is_some_and(|n| crate::lexicon::feminine_first_name(n))
            };
            match (gender, gender_of(person)) {
                (Some(Gender::Feminine), None) if feminine() => {
                    if fits.is_some_and(|f| f != person) {
                        return None;
                    }
                    fits = Some(person);
                }
                (Some(_), None) => return None,
                (Some(want), Some(g)) if g != want => continue,
                _ if fits.is_some_and(|f| f != person) => return None,
                _ => fits = Some(person),
            }
        }
        let person = fits?;
        Some((self.people.get(person)?, gender_of(person)))
    }

    /// Does the text name the person of grouping key `key` in full outside `from..to`?
    pub(crate) fn named_outside(&self, key: &str, from: usize, to: usize) -> bool {
        self.by_key
            .get(key)
            .and_then(|&p| self.spread.get(p))
            .is_some_and(|&(first, last)| first < from || last >= to)
    }

    fn gender(&self, person: usize) -> Option<Gender> {
        self.genders.get(person).copied().flatten()
    }

    /// Files `person` as a holder of the role `key` (and of its head) from byte `at`.
    fn add_role(
        &mut self,
        at: usize,
        key: String,
        head: String,
        gender: Option<Gender>,
        person: usize,
    ) {
        if let Some(g @ None) = self.genders.get_mut(person) {
            *g = gender;
        }
        // `le technicien lavallois`, `la porte-parole nationale`: also its noun alone, for a
        // later `le technicien` (or `l'entraîneur`, its synonym).
        let adjective = |a: &str| {
            let a = a.strip_suffix('e').unwrap_or(a);
            !a.contains(' ')
                && ["ais", "ois", "ain", "ien", "ienn", "al"]
                    .iter()
                    .any(|e| a.ends_with(e))
        };
        if let Some((noun, _)) = head
            .split_once(' ')
            .filter(|&(n, a)| is_person_noun(n) && adjective(a))
        {
            self.file(noun.to_string(), at, gender, person, false);
        }
        if head != key {
            self.file(head, at, gender, person, false);
        }
        self.file(key, at, gender, person, true);
    }

    /// Files a holder under a role's key or head.
    fn file(
        &mut self,
        role: String,
        at: usize,
        gender: Option<Gender>,
        person: usize,
        whole: bool,
    ) {
        let i = *self.roles.entry(role).or_insert(self.holders.len());
        if i == self.holders.len() {
            self.holders.push(Vec::new());
        }
        if let Some(list) = self.holders.get_mut(i) {
            list.push(Holder {
                at,
                gender,
                person,
                whole,
            });
        }
    }

    /// Reads the run of name words starting at word `i` of `ws`; returns where it ends.
    fn read_run(
        &mut self,
        text: &str,
        ws: &[(usize, usize)],
        i: usize,
        sentence_initial: bool,
    ) -> Option<usize> {
        let word = |i: usize| ws.get(i).and_then(|&(a, b)| text.get(a..b));
        let gap = |i: usize| gap_before(text, ws, i);
        if !is_name_word(word(i)?) {
            return None;
        }
        // A run of capitalised words, particles allowed between two of them.
        let mut first = i;
        let mut last = i;
        let mut k = i + 1;
        let mut count = 1;
        while let Some(n) = word(k) {
            if !plain_gap(gap(k)) {
                break;
            }
            // (`Laurent Berger`, `Anne Boulanger`: a trade's noun after a first name is a
            // surname.)
            // (Not a role's first word: `Gabriel Attal Premier ministre : …`.)
            let role_next = || word(k + 1).is_some_and(|w| is_person_noun(&w.lowercased()));
            if is_name_word(n) || k == last + 1 && trade_surname(n) && !role_next() {
                last = k;
                count += 1;
                k += 1;
            } else if is_particle(n) && word(k + 1).is_some_and(is_name_word) {
                k += 1;
            } else {
                break;
            }
        }
        let &(s, e) = ws.get(first)?;
        let &(_, run_end) = ws.get(last)?;
        // A sentence may open on a capitalised verb (`Avoir Marie pour amie…`, `Déclarer
        // Paul …`): not part of the name.
        if sentence_initial && text.get(s..e).is_some_and(|w| opens_on_verb(w, count == 2)) {
            first += 1;
            count -= 1;
        }
        // `la députée LFI Mathilde Panot`: a party's acronym after a role is no part of the name
        // (the attribution stage reads the mention the same way).
        let after_role = first.checked_sub(1).and_then(word).is_some_and(|p| {
            p.starts_with(|c: char| crate::text::is_lower(c)) && is_person_noun(p)
        });
        if count >= 3 && after_role && word(first).is_some_and(is_acronym) {
            first += 1;
            count -= 1;
        }
        if count < 2 {
            return Some(run_end);
        }
        // A byline (`Par Julie Renaud` opening its line, `Propos recueillis par …`) names the
        // journalist, who is no one the article quotes or stands for by `elle`.
        let byline = first.checked_sub(1).is_some_and(|p| {
            word(p).is_some_and(|w| w == "Par" && (p == 0 || gap(p).contains('\n')))
                || word(p) == Some("par") && p.checked_sub(1).and_then(word) == Some("recueillis")
        });
        if byline {
            return Some(run_end);
        }
        let &(s, _) = ws.get(first)?;
        let name = text.get(s..run_end)?;
        if words(name).any(is_org) {
            return Some(run_end);
        }
        let person = self.person(name);
        self.seen.push((s, person));
        if let Some(sp) = self.spread.get_mut(person) {
            *sp = (sp.0.min(s), sp.1.max(s));
        }
        let title_gender = first
            .checked_sub(1)
            .and_then(word)
            .filter(|t| is_title(t) || DOTTED_TITLES.contains(t))
            .and_then(title_gender);
        if let Some(g @ None) = self.genders.get_mut(person) {
            *g = title_gender;
        }
        // The role before: `DET role… [,] Name`.
        if let Some((at, key, head, g)) = role_before(text, ws, first) {
            self.add_role(at, key, head, g.or(title_gender), person);
        }
        // The role after: `Name, [DET] role…,`.
        if gap(last + 1).trim() == "," {
            if let Some((key, head, g)) = role_after(text, ws, last + 1) {
                self.add_role(s, key, head, g.or(title_gender), person);
            }
        }
        Some(run_end)
    }

    /// The index of the person `name`, added when new.
    fn person(&mut self, name: &str) -> usize {
        let key = key_of(name);
        if let Some(&p) = self.by_key.get(&key) {
            return p;
        }
        let p = self.people.len();
        self.people.push(name.to_string());
        self.genders.push(None);
        self.spread.push((usize::MAX, 0));
        let last = last_word(&key).to_string();
        let list = *self.by_last.entry(last).or_insert_with(|| {
            self.surnames.push(Vec::new());
            self.surnames.len() - 1
        });
        if let Some(people) = self.surnames.get_mut(list) {
            people.push(p);
        }
        if let Some(first) = key.split(' ').next().filter(|f| f.len() < key.len()) {
            let list = *self.by_first.entry(first.to_string()).or_insert_with(|| {
                self.surnames.push(Vec::new());
                self.surnames.len() - 1
            });
            if let Some(people) = self.surnames.get_mut(list) {
                people.push(p);
            }
        }
        self.by_key.insert(key, p);
        p
    }
}

/// A capitalised word that may be part of a name: not a grammar word (`Alors`, `Selon`, `Le`),
/// not a title, not a word in capitals (`LIRE`), not a noun of people or roles (`Premier`).
/// `LFI`, `EELV`, `PS`: two to six capitals, nothing else.
pub(crate) fn is_acronym(w: &str) -> bool {
    (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(c) = cs.next() else { return false };
    if !crate::text::is_upper(c)
        || w.chars().nth(1).is_none()
        || !w.chars().any(crate::text::is_lower)
    {
        return false;
    }
    // Lowercased in a buffer on the stack: this runs for every capitalised word of the text.
    let mut buf = [0u8; 48];
    let mut len = 0;
    for c in w.chars().map(crate::text::lower_char) {
        let mut tmp = [0u8; 4];
        let e = c.encode_utf8(&mut tmp).as_bytes();
        let Some(slot) = buf.get_mut(len..len + e.len()) else {
            return false; // A 48-byte word is no name.
        };
        slot.copy_from_slice(e);
        len += e.len();
    }
    let Some(lower) = buf.get(..len).and_then(|b| std::str::from_utf8(b).ok()) else {
        return false;
    };
    class_of(lower) == 0
        && !is_person_noun(lower)
        && !is_epithet(lower)
        && !OPENERS.contains(&lower)
        && !is_title(w)
}

/// A capitalised noun of people (`Berger`, `Boulanger`, `Meunier`), a surname after a first name.
fn trade_surname(w: &str) -> bool {
    w.starts_with(crate::text::is_upper)
        && w.chars().any(crate::text::is_lower)
        && is_person_noun(&w.lowercased())
}

/// Words that open sentences before a name and are in no grammar class of their own.
const OPENERS: [&str; 10] = [
    "selon", "pour", "d'", "d’", "côté", "quant", "ainsi", "ensuite", "enfin", "puis",
];

/// A verb's form rather than a first name: a speech verb's form (`lexicon/speech-verbs.txt`),
/// an adverb in `-ment` (unless `pair`, before one surname: `Clément Beaune a dit`), or a
/// common infinitive.
fn opens_on_verb(w: &str, pair: bool) -> bool {
    let lower = w.lowercased();
    crate::lexicon::verb(&lower).is_some()
        || !pair && lower.len() > 6 && lower.ends_with("ment")
        || matches!(
            lower.as_str(),
            "avoir"
                | "être"
                | "faire"
                | "aller"
                | "voir"
                | "savoir"
                | "pouvoir"
                | "vouloir"
                | "devoir"
                | "laisser"
                | "prendre"
                | "rendre"
                | "rester"
                | "devenir"
        )
}

/// A particle inside a name (`de`, `van`, `ibn`: `lexicon/grammar.txt`, `[name particles]`),
/// but not `et`, `y`, which join two people.
fn is_particle(w: &str) -> bool {
    class_of(w) & C_PARTICLE != 0 && !matches!(w, "et" | "y")
}

/// The first byte at or after `from` that may start an uppercase letter (an ASCII capital or a
/// lead byte of 0xC3 or more), sixteen bytes tested at a time.
fn next_capital(bytes: &[u8], from: usize) -> Option<usize> {
    let may = |c: u8| c.wrapping_sub(b'A') < 26 || c >= 0xC3;
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(16);
    let mut at = from;
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &c| any | may(c)) {
            return chunk.iter().position(|&c| may(c)).map(|k| at + k);
        }
        at += 16;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| may(c))
        .map(|k| at + k)
}

/// Does a run of two name words (or a name word, a particle, a name word) start at `at`? A
/// quick test before any window is read.
fn starts_run(text: &str, at: usize) -> bool {
    let Some(first) = word_at(text, at) else {
        return false;
    };
    // The cheap tests first: a capitalised word or a particle follows after spaces.
    let mut from = at + first.len();
    for _ in 0..2 {
        let rest = text.get(from..).unwrap_or("");
        let next_at = from
            + (rest.len()
                - rest
                    .trim_start_by(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                    .len());
        if next_at == from {
            return false;
        }
        let Some(n) = word_at(text, next_at) else {
            return false;
        };
        if n.starts_with(crate::text::is_upper) {
            return is_name_word(first) && (is_name_word(n) || trade_surname(n));
        }
        if !is_particle(n) {
            return false;
        }
        from = next_at + n.len();
    }
    false
}

/// The word starting at byte `at`, as the one splitter ([`words`]) cuts it; `None` when no
/// word starts there.
fn word_at(text: &str, at: usize) -> Option<&str> {
    let rest = text.get(at..)?;
    if !rest.starts_with(|c: char| is_alnum(c) || c == '-') {
        return None;
    }
    words(rest).next()
}

/// Does a word start at byte `at` (no letter, digit, hyphen or apostrophe before it)?
fn word_start_at(text: &str, at: usize) -> bool {
    !text
        .get(..at)
        .and_then(|b| b.chars().next_back())
        .is_some_and(|p| is_alnum(p) || p == '-' || is_apostrophe(p))
}

/// The text between word `i - 1` and word `i` of `ws` (empty at the first word).
fn gap_before<'t>(text: &'t str, ws: &[(usize, usize)], i: usize) -> &'t str {
    match (i.checked_sub(1).and_then(|p| ws.get(p)), ws.get(i)) {
        (Some(&(_, e)), Some(&(s, _))) => text.get(e..s).unwrap_or(""),
        _ => "",
    }
}

/// Only spaces between two words of a name.
fn plain_gap(g: &str) -> bool {
    g.chars().all(|c| c.is_whitespace() && c != '\n')
}

fn title_gender(t: &str) -> Option<Gender> {
    match t.trim_end_matches('.') {
        "M" | "MM" => Some(Gender::Masculine),
        "Mme" | "Mmes" | "Mlle" => Some(Gender::Feminine),
        _ => None,
    }
}

fn article_gender(lower: &str) -> Option<Gender> {
    match lower {
        "la" | "une" | "cette" | "sa" => Some(Gender::Feminine),
        "le" | "un" | "ce" | "cet" | "son" => Some(Gender::Masculine),
        _ => None,
    }
}

/// `le Premier ministre Gabriel Attal`, `la ministre de la Culture, Claire Dubois`: the role
/// ending right before word `name`: (where it starts, key, head, gender of its article).
fn role_before(
    text: &str,
    ws: &[(usize, usize)],
    name: usize,
) -> Option<(usize, String, String, Option<Gender>)> {
    let mut from = name.saturating_sub(ROLE_WORDS + 1);
    // Back to a singular determiner, over words joined by spaces (a comma only right before
    // the name, or before one more complement of the role: `le ministre de l'Habitat, de
    // l'Urbanisme et de la Ville, Karim Benslimane`, whose role is its first part).
    let mut k = name;
    let mut role_end = name.checked_sub(1)?;
    // `Le maire (DVD), Alain Roche`: a bracketed affiliation between the role and the name.
    let gap = |i: usize| gap_before(text, ws, i);
    let mut bracket = None;
    if gap(name).trim() == ")," {
        if let Some(j) = (name.saturating_sub(3)..name)
            .rev()
            .find(|&j| gap(j).trim() == "(")
        {
            (k, role_end, bracket) = (j, j.checked_sub(1)?, Some(j));
        }
    }
    while k > from {
        let gap_ok = {
            let (Some(&(_, e)), Some(&(s, _))) = (ws.get(k - 1), ws.get(k)) else {
                return None;
            };
            let g = text.get(e..s).unwrap_or("");
            let more = g.trim() == ","
                && ws
                    .get(k)
                    .and_then(|&(a, b)| text.get(a..b))
                    .is_some_and(|w| matches!(w, "de" | "du" | "des" | "d'" | "d’"));
            if more {
                role_end = k - 1;
                from = from.saturating_sub(ROLE_WORDS);
            }
            plain_gap(g) || k == name && g.trim() == "," || more || bracket == Some(k)
        };
        if !gap_ok {
            return None;
        }
        k -= 1;
        let &(a, b) = ws.get(k)?;
        let lower = text.get(a..b)?.lowercased();
        // `Le maire a rencontré Pierre Vial`, `le juge qui a reçu Paul Roux`: an auxiliary, a
        // common verb or a clause word between the article and the name makes the phrase a
        // clause, not a role (`et` may join two complements of one role).
        if class_of(&lower) & (C_AUX_AVOIR | C_AUX_ETRE | C_OTHER_VERB | C_CLAUSE) != 0
            && !matches!(lower.as_str(), "et" | "ou")
            && !text.get(a..b)?.starts_with(is_upper)
        {
            return None;
        }
        if matches!(lower.as_str(), "le" | "la" | "l'" | "l’" | "un" | "une") {
            let &(rs, _) = ws.get(k + 1)?;
            let &(_, re) = ws.get(role_end.max(k + 1))?;
            // `l'invité du Grand Rendez-vous`: the name is the complement's, not the role's.
            // (The role's last word: before the bracket, else before the name.)
            let last = if bracket.is_some() {
                role_end
            } else {
                name - 1
            };
            let before_name = ws.get(last).and_then(|&(a, b)| text.get(a..b));
            if k + 1 > last
                || before_name.is_some_and(|w| {
                    class_of(&w.lowercased()) & (C_PARTICLE | C_PREP | C_COMPLEMENT) != 0
                        || w.ends_with(['\'', '’'])
                })
            {
                return None;
            }
            // `la ministre de l'Éducation`: the elided article inside the role goes on back.
            if let Some((key, head)) = role_key(text.get(rs..re)?) {
                let g = article_gender(&lower).or_else(|| person_noun_gender(&head));
                return Some((a, key, head, g));
            }
        }
    }
    None
}

/// `Claire Dubois, ministre de la Culture,` / `Paul Martin, le maire,`: the role from word `at`
/// to the next comma or sentence end.
fn role_after(
    text: &str,
    ws: &[(usize, usize)],
    at: usize,
) -> Option<(String, String, Option<Gender>)> {
    let &(first_start, first_end) = ws.get(at)?;
    let first = text.get(first_start..first_end)?.lowercased();
    let article = matches!(first.as_str(), "le" | "la" | "l'" | "l’" | "un" | "une");
    let gender = article_gender(&first);
    let start_word = if article { at + 1 } else { at };
    let &(rs, _) = ws.get(start_word)?;
    let mut last = start_word;
    for k in start_word + 1..(start_word + ROLE_WORDS).min(ws.len()) {
        let (Some(&(_, e)), Some(&(s, _))) = (ws.get(k - 1), ws.get(k)) else {
            break;
        };
        if !plain_gap(text.get(e..s).unwrap_or("")) {
            break;
        }
        last = k;
    }
    let &(_, re) = ws.get(last)?;
    let (key, head) = role_key(text.get(rs..re)?)?;
    let gender = gender.or_else(|| person_noun_gender(&head));
    Some((key, head, gender))
}

/// `édile communiste` → `édile`, `maire écologiste` → `maire`: a party's adjective after a role
/// names no other office.
fn without_party(role: &str) -> &str {
    match role.rsplit_once(' ') {
        Some((office, party)) if party.ends_with("iste") && is_epithet(party) => office,
        _ => role,
    }
}

/// A role's key and head, when its first word or the one after an adjective is a noun of
/// people or roles: `Premier ministre` → (`premier ministre`, `premier ministre`), `ministre
/// de la Culture` → (`ministre de la culture`, `ministre`).
fn role_key(role: &str) -> Option<(String, String)> {
    let key = key_of(role);
    let ws: Vec<&str> = key.split(' ').collect();
    // Adjectives before the noun that do not change who is meant.
    let skip = ws
        .iter()
        .take_while(|w| {
            matches!(
                **w,
                "ancien" | "ancienne" | "nouveau" | "nouvelle" | "jeune" | "actuel" | "actuelle"
            )
        })
        .count();
    let rest = ws.get(skip..)?;
    // (A nationality only as the head: `le Belge Marc Dewaele`, not `la diplomatie norvégienne`.)
    if !rest.iter().take(2).any(|w| is_person_noun(w))
        && !rest.first().is_some_and(|w| is_epithet(w))
    {
        return None;
    }
    let mut head = String::new();
    for w in rest
        .iter()
        .take_while(|w| !matches!(**w, "de" | "du" | "des" | "d'" | "à" | "au" | "aux" | "en"))
    {
        if !head.is_empty() {
            head.push(' ');
        }
        head.push_str(w);
    }
    head.truncate(without_party(&head).len());
    if head.is_empty() {
        return None;
    }
    Some((
        role_synonym(&key).to_string(),
        role_synonym(&head).to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(found: Option<(&str, Option<Gender>)>) -> Option<&str> {
        found.map(|(n, _)| n)
    }

    #[test]
    fn names_and_roles() {
        let text = "Alors que le Premier ministre Gabriel Attal présentait son plan, la ministre de \
                    la Culture, Claire Dubois, était à Lyon. Paul Martin, le maire, a salué l'idée.";
        let c = Cast::of(text);
        assert_eq!(name(c.full_name("attal")), Some("Gabriel Attal"));
        assert_eq!(name(c.full_name("dubois")), Some("Claire Dubois"));
        let end = text.len();
        assert_eq!(
            name(c.holder("premier ministre", end, None)),
            Some("Gabriel Attal")
        );
        assert_eq!(
            name(c.holder("ministre", end, Some(Gender::Feminine))),
            Some("Claire Dubois")
        );
        assert_eq!(
            name(c.holder("ministre de la culture", end, None)),
            Some("Claire Dubois")
        );
        assert_eq!(name(c.holder("maire", end, None)), Some("Paul Martin"));
        // Before its holder is named (a headline's role), the one the next paragraphs give
        // exactly that role…
        assert_eq!(name(c.holder("maire", 10, None)), Some("Paul Martin"));
        // …but not a head noun some longer role shares (`la ministre de la Culture`).
        assert_eq!(name(c.holder("ministre", 10, None)), None);
    }

    #[test]
    fn two_people_with_one_surname_name_no_one() {
        let c = Cast::of("Paul Martin et Julie Martin sont venus.");
        assert_eq!(name(c.full_name("martin")), None);
    }

    #[test]
    fn sentence_openers_and_capitals_are_not_names() {
        let c = Cast::of(
            "Selon Emmanuel Macron, rien ne presse. LIRE AUSSI Jean Dupont. Avoir Léa Morin \
             pour amie, quelle chance.",
        );
        assert_eq!(name(c.full_name("morin")), Some("Léa Morin"));
        assert_eq!(name(c.full_name("macron")), Some("Emmanuel Macron"));
        assert!(c.people.iter().all(|p| !p.starts_with("Selon")));
        assert_eq!(name(c.full_name("aussi")), None);
    }

    #[test]
    fn a_role_with_many_holders_names_no_one() {
        let text: String = (0..40)
            .map(|i| format!("Le maire Jean Martin{i} est venu. "))
            .collect();
        let c = Cast::of(&text);
        assert_eq!(name(c.holder("maire", 20, None)), Some("Jean Martin0"));
        assert_eq!(name(c.holder("maire", text.len(), None)), None);
        assert_eq!(c.people.len(), 40);
    }
}

#[cfg(test)]
mod sole_named {
    use super::*;

    #[test]
    fn the_one_person_of_that_gender() {
        let text = "Le navigateur Paul Hervé est arrivé. La sénatrice Claire Morvan l'attendait.";
        let c = Cast::of(text);
        let end = text.len();
        let outside = |_| false;
        let m = c.sole_named(0, end, Some(Gender::Masculine), outside, &|_| None);
        assert_eq!(m, Some(("Paul Hervé", Some(Gender::Masculine))));
        let f = c.sole_named(0, end, Some(Gender::Feminine), outside, &|_| None);
        assert_eq!(f, Some(("Claire Morvan", Some(Gender::Feminine))));
        // Two people, no gender wanted: no one.
        assert_eq!(c.sole_named(0, end, None, outside, &|_| None), None);
        // Inside a quote, a name counts for no one.
        let in_quote = |p: usize| p < 30;
        assert_eq!(
            c.sole_named(0, end, Some(Gender::Masculine), in_quote, &|_| None),
            None
        );
        // Before the window, a name counts for no one.
        assert_eq!(
            c.sole_named(30, end, Some(Gender::Masculine), outside, &|_| None),
            None
        );
    }

    #[test]
    fn a_name_of_unknown_gender_may_be_anyone() {
        let text = "Le chanteur Yann Kervella a parlé avec Lou Ferrand.";
        let c = Cast::of(text);
        assert_eq!(
            c.sole_named(0, text.len(), Some(Gender::Masculine), |_| false, &|_| None),
            None
        );
    }
}
