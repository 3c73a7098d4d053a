//! Speech verbs in the tokens: verb groups (`a déclaré`, `s'est-elle indignée`, `ajoute-t-il`,
//! `a fait savoir`), inversions, and the speech verbs before a quote in its sentence.

use crate::lexicon::grammar::*;
use crate::lexicon::Gender;
use crate::lexicon::{self, Shape};
use crate::text::Lowercased;

use super::tokens::*;

/// `vient de déclarer`, `a tenu à préciser` from token `k`: a verb of `semi-auxiliaries.txt`
/// (with its linking word) then a speech verb in the infinitive, the cue's lemma.
fn carried_infinitive(
    toks: &[Tok],
    first: usize,
    k: usize,
    reflexive: bool,
    inv: Option<Inversion>,
) -> Option<Verb> {
    let n = phrase_at(toks, k, &SEMI_AUXILIARIES);
    if n == 0 {
        return None;
    }
    let inf = toks.get(k + n)?;
    let senses = verb_of(inf)?;
    senses.iter().find(|s| s.shape == Shape::Infinitive)?;
    let (lemma, last) = pick_sense(toks, k + n, senses, reflexive)?;
    Some(Verb {
        first,
        last,
        lemma,
        inv,
        gender: None,
        gerund: false,
        compound: true,
    })
}

/// A speech verb found in the tokens.
#[derive(Clone, Debug)]
pub(super) struct Verb {
    /// First and last token (inclusive) of the verb group (aux, clitics, participle, particles).
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) lemma: &'static str,
    /// Token index of an inverted subject pronoun (`a-t-il`): the pronoun is part of token `last`
    /// or of the aux token.
    pub(super) inv: Option<Inversion>,
    pub(super) gender: Option<Gender>,
    /// A present participle (`précisant`) or an infinitive (`de dire`): the clause's subject.
    pub(super) gerund: bool,
    /// An auxiliary and a participle (`a déclaré`).
    pub(super) compound: bool,
}

/// Splits an inverted form `ajoute-t-elle` into (`ajoute`, `elle`, byte offset of the pronoun).
/// The pronoun comes back lowercased.
pub(super) fn split_inversion(s: &str) -> Option<(&str, &'static str, usize)> {
    if !s.as_bytes().contains(&b'-') {
        return None;
    }
    let (base, pron) = s.rsplit_once('-')?;
    // ASCII case folding is enough: no other char lowercases to one of these letters.
    let lower = [
        "il", "elle", "ils", "elles", "on", "je", "nous", "vous", "tu",
    ]
    .into_iter()
    .find(|p| p.eq_ignore_ascii_case(pron))?;
    let base = base.strip_suffix("-t").unwrap_or(base);
    Some((base, lower, s.len() - pron.len()))
}

/// The words that say a quote is said (`a déclaré`, `selon`, `—`) and their lemma.
#[derive(Clone, Debug)]
pub(super) struct CueAt {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The lexicon's entry (static), or a verb outside it as written.
    pub(super) lemma: std::borrow::Cow<'static, str>,
}

/// An inverted subject pronoun (`a-t-il`, `dit-elle`): the token holding it, the pronoun's
/// byte offset in that token, and the pronoun lowercased.
#[derive(Clone, Copy, Debug)]
pub(super) struct Inversion {
    pub(super) tok: usize,
    pub(super) offset: usize,
    pub(super) pronoun: &'static str,
}

impl Inversion {
    /// The inversion `(pronoun, offset)` found in token `tok`, if any.
    fn in_token(tok: usize, found: Option<(&'static str, usize)>) -> Option<Inversion> {
        found.map(|(pronoun, offset)| Inversion {
            tok,
            offset,
            pronoun,
        })
    }
}

/// Senses whose particles follow token `i` (within two tokens); returns (lemma, last token).
pub(super) fn pick_sense(
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
pub(super) type Senses = (&'static [lexicon::Sense], Option<(&'static str, usize)>);

/// The senses of the token's lowercase form, looked up once per token.
pub(super) fn verb_of(t: &Tok) -> Option<&'static [lexicon::Sense]> {
    if let Some(v) = t.verb.get() {
        return v;
    }
    let v = lexicon::verb(&t.lower);
    t.verb.set(Some(v));
    v
}

pub(super) fn verb_senses(t: &Tok) -> Option<Senses> {
    if !t.is_word() {
        return None;
    }
    if let Some(s) = verb_of(t) {
        return Some((s, None));
    }
    let (base, pron, off) = split_inversion(t.s)?;
    let base = base.lowercased();
    if let Some(s) = lexicon::verb(&base) {
        return Some((s, Some((pron, off))));
    }
    // First person in fiction (`dis-je`, `demandai-je`, `répondis-je`): map to the third person
    // form of the same tense.
    if pron != "je" {
        return None;
    }
    let s = lexicon::verb(&third_person(base))?;
    Some((s, Some((pron, off))))
}

/// The third-person form of the same tense as a first-person singular one, which the lexicon
/// holds: `demandai` → `demanda`, `disais` → `disait`, `répondis` → `répondit`, `dis` → `dit`.
fn third_person(first: String) -> String {
    if let Some(b) = first.strip_suffix("ais") {
        crate::text::concat(&[b, "ait"])
    } else if let Some(b) = first.strip_suffix("ai") {
        crate::text::concat(&[b, "a"])
    } else if let Some(b) = first.strip_suffix("ds") {
        crate::text::concat(&[b, "d"])
    } else if let Some(b) = first.strip_suffix('s') {
        crate::text::concat(&[b, "t"])
    } else {
        first
    }
}

/// Does the narrator's `je` stand right before token `first` (the start of a verb group,
/// clitics included: `je lui dis`, `j'ajoutai`, `je m'écriai`)?
fn narrator_before(toks: &[Tok], first: usize) -> bool {
    first > 0
        && toks
            .get(first - 1)
            .is_some_and(|t| in_list(t, &["je", "j'", "j’"]))
}

/// The senses of a first-person verb form after the narrator's `je` (`je dis`, `je répondis`,
/// `j'ajoutai`, `je demandais`), read as the third person of the same tense.
fn first_person_senses(t: &Tok) -> Option<&'static [lexicon::Sense]> {
    if !t.lowercase_word() || t.lower.contains('-') {
        return None;
    }
    lexicon::verb(&third_person(t.lower.to_string()))
}

/// `ai`, `avais`, `suis`, `étais`…: the first-person auxiliaries after the narrator's `je`
/// (`j'ai dit`, `je m'étais écrié`).
const FIRST_PERSON_AUX: &[&str] = &[
    "ai", "avais", "eus", "aurai", "aurais", "suis", "étais", "fus", "serai", "serais",
];

/// Is token `i` an auxiliary (possibly inverted: `a-t-il`, `s'est-elle`)?
pub(super) fn aux_at(t: &Tok) -> Option<Option<(&'static str, usize)>> {
    if !t.is_word() {
        return None;
    }
    if in_class(t, C_AUX_AVOIR) || in_class(t, C_AUX_ETRE) {
        return Some(None);
    }
    let (base, pron, off) = split_inversion(t.s)?;
    let b = base.lowercased();
    (class_of(&b) & (C_AUX_AVOIR | C_AUX_ETRE) != 0).then_some(Some((pron, off)))
}

/// A speech verb group starting at token `i` (clitics allowed before it): `a déclaré`,
/// `s'est-elle indignée`, `ajoute-t-il`, `lui dit`, `a fait savoir`.
pub(super) fn verb_at(toks: &[Tok], i: usize) -> Option<Verb> {
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
        if MODALS.contains(&base.lowercased().as_str()) {
            // Clitics before the infinitive: `peut-on y lire`, `faut-il le rappeler`.
            let mut k = j + 1;
            while k < j + 3 && toks.get(k).is_some_and(|t| in_class(t, C_CLITIC)) {
                k += 1;
            }
            let inf = toks.get(k)?;
            let senses = verb_of(inf)?;
            senses.iter().find(|s| s.shape == Shape::Infinitive)?;
            let (lemma, last) = pick_sense(toks, k, senses, reflexive)?;
            return Some(Verb {
                first,
                last,
                lemma,
                // `faut-il`: an impersonal `il`, nobody.
                inv: Some(Inversion {
                    tok: j,
                    offset: off,
                    pronoun: if base.lowercased().starts_with("fa") {
                        "on"
                    } else {
                        pron
                    },
                }),
                gender: None,
                gerund: false,
                compound: false,
            });
        }
    }
    // A verb that carries a speech verb in the infinitive: `vient de déclarer`.
    if let Some(v) = carried_infinitive(toks, first, j, reflexive, None) {
        return Some(v);
    }
    // The narrator's first person (`je dis :`, `j'ai répondu :`): its forms are read as the
    // third person's.
    let narrator = narrator_before(toks, first);
    let aux = aux_at(t).or_else(|| (narrator && in_list(t, FIRST_PERSON_AUX)).then_some(None));
    // Compound tense: aux [adverbs] participle.
    if let Some(inv) = aux {
        let mut k = j + 1;
        let mut skipped = 0;
        while skipped < 4 {
            let phrase = phrase_at(toks, k, &ADVERBIAL_PHRASES);
            if phrase > 0 {
                // `a de son côté commenté`, `a-t-il d'abord déclaré`.
                k += phrase;
            } else if toks.get(k).is_some_and(|t| {
                is_adverb(t)
                    || in_list(t, &["pas"])
                    || in_list(t, &["de", "à", "par", "en"])
                        && toks
                            .get(k + 1)
                            .is_some_and(|n| in_list(n, &["nouveau", "ailleurs", "outre"]))
            }) {
                k += 1;
            } else {
                break;
            }
            skipped += 1;
        }
        // `a tenu à préciser`, `a-t-il voulu rappeler`.
        if let Some(v) = carried_infinitive(toks, first, k, reflexive, Inversion::in_token(j, inv))
        {
            return Some(v);
        }
        // `a-t-il encore ajouté`, `a notamment déclaré`.
        let p = toks.get(k)?;
        let (senses, _) = verb_senses(p)?;
        let part = senses
            .iter()
            .find(|s| matches!(s.shape, Shape::Participle { .. }))?;
        let fem = matches!(part.shape, Shape::Participle { fem: true, .. });
        let (lemma, last) = pick_sense(toks, k, senses, reflexive)?;
        // `les policiers avaient fait «un travail remarquable»`: a verb that is not of saying
        // (`grammar.txt`) is speech only with its particles (`a fait savoir`) or inverted.
        if last == k && inv.is_none() && in_class(p, C_OTHER_VERB) {
            return None;
        }
        let agreement_visible = p.lower.ends_with('e') && !p.lower.ends_with("ée")
            || p.lower.ends_with("ée")
            || p.lower.ends_with("es");
        let gender = if fem {
            Some(Gender::Feminine)
        } else if agreement_visible {
            None
        } else if in_class(t, C_AUX_ETRE)
            || t.lower.starts_with("est")
            || t.lower.starts_with("sont")
        {
            Some(Gender::Masculine)
        } else {
            None
        };
        return Some(Verb {
            first,
            last,
            lemma,
            inv: Inversion::in_token(j, inv),
            gender,
            gerund: false,
            compound: true,
        });
    }
    let (senses, inv) = verb_senses(t).or_else(|| {
        narrator
            .then(|| first_person_senses(t))
            .flatten()
            .map(|s| (s, None))
    })?;
    let fin = senses
        .iter()
        .find(|s| matches!(s.shape, Shape::Finite { .. }))
        .or_else(|| {
            senses
                .iter()
                .find(|s| matches!(s.shape, Shape::Gerund | Shape::Infinitive))
        })?;
    let gerund = matches!(fin.shape, Shape::Gerund | Shape::Infinitive);
    if gerund && inv.is_some() {
        return None;
    }
    let (lemma, last) = pick_sense(toks, j, senses, reflexive)?;
    Some(Verb {
        first,
        last,
        lemma,
        inv: Inversion::in_token(j, inv),
        gender: None,
        gerund,
        compound: false,
    })
}

pub(super) fn cue_of(toks: &[Tok], v: &Verb) -> Option<CueAt> {
    let a = toks.get(v.first)?;
    let b = toks.get(v.last)?;
    let lemma = if v.lemma.is_empty() {
        // A verb outside the lexicon, known only by its inversion: report it as written.
        split_inversion(b.s)
            .map_or_else(|| b.lower.to_string(), |(base, _, _)| base.lowercased())
            .into()
    } else {
        v.lemma.into()
    };
    Some(CueAt {
        start: a.start,
        end: b.end,
        lemma,
    })
}

/// `grimace-t-il`, `s'amuse-t-elle`: right after a quote, an inverted subject pronoun marks an
/// incise even when the verb is not in the lexicon.
pub(super) fn inverted_unknown(toks: &[Tok], i: usize) -> Option<Verb> {
    let mut j = i;
    while j < i + 2 && toks.get(j).is_some_and(|t| in_class(t, C_CLITIC)) {
        j += 1;
    }
    let t = toks.get(j)?;
    if !t.lowercase_word() {
        return None;
    }
    let (base, pron, off) = split_inversion(t.s)?;
    if base.chars().nth(2).is_none() || lexicon::pronoun(pron).is_none() && pron != "on" {
        return None;
    }
    Some(Verb {
        first: i,
        last: j,
        lemma: "",
        inv: Some(Inversion {
            tok: j,
            offset: off,
            pronoun: pron,
        }),
        gender: None,
        gerund: false,
        compound: false,
    })
}

/// Is token `k` a first-person form of a speech verb or auxiliary after the narrator's `je`
/// and at most three clitics (`je lui dis`, `je m'étais écrié` is read from its auxiliary)?
fn first_person_at(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    let mut j = k;
    while j > 0 && k - j < 3 && toks.get(j - 1).is_some_and(|p| in_class(p, C_CLITIC)) {
        j -= 1;
    }
    // The `je` first: the form is read (one lookup) only after it.
    narrator_before(toks, j) && (in_list(t, FIRST_PERSON_AUX) || first_person_senses(t).is_some())
}

/// The speech verb groups ending before the quote in its sentence, nearest first.
pub(super) fn verbs_back(toks: &[Tok], start: usize, end: usize) -> Vec<Verb> {
    let mut out = Vec::new();
    let mut k = end;
    while k > start && out.len() < 4 {
        k -= 1;
        let Some(t) = toks.get(k) else { break };
        if !t.is_word() || t.capitalised() && k != start {
            continue;
        }
        // One lookup per token; only a verb form opens the search for its group's start (a
        // first-person one only after `je` and its clitics: `je lui répondis`).
        if verb_senses(t).is_none() && !first_person_at(toks, k) {
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
        let Some(mut v) = found else { continue };
        // `dit l'avoir écrit «…»`: a past infinitive has no subject of its own.
        v.gerund |= v.first > start
            && toks
                .get(v.first - 1)
                .is_some_and(|p| in_list(p, &["avoir", "être"]));
        // `une note`, `la réponse`, `à l'adresse de`: a noun, not a verb.
        let noun = v.first > start
            && !super::nouns::indefinite_pronoun(toks, v.first - 1)
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
