//! The attribution rules, each reading a token window: the incises inside and after a quote, the
//! signature, the source (`selon X`), and a speech verb before the quote (rules 1–5 of the
//! module doc of [`super`]).

use crate::lexicon;
use crate::lexicon::grammar::{C_CLITIC, C_COMPLEMENT, C_DET, C_PREP};
use crate::lexicon::Gender;
use crate::model::Method;
use crate::text::is_quote_mark;

use super::{nouns::*, tokens::*, verbs::*};

/// One attribution found by a rule.
#[derive(Clone, Debug)]
pub(super) struct Found {
    pub(super) mention: Option<Mention>,
    pub(super) cue: Option<CueAt>,
    pub(super) method: Method,
    /// Gender shown by the verb's agreement (`s'est dite`).
    pub(super) gender: Option<Gender>,
}

impl Found {
    /// An attribution by the speech verb `v` whose subject is `m`.
    fn by_verb(toks: &[Tok], v: &Verb, m: Mention, method: Method) -> Found {
        Found {
            cue: cue_of(toks, v),
            gender: v.gender,
            mention: Some(m),
            method,
        }
    }
}

/// The subject of an incise whose verb group is `v`.
pub(super) fn incise_subject(text: &str, toks: &[Tok], v: &Verb) -> Option<Mention> {
    if let Some(inv) = &v.inv {
        let p = inv.pronoun;
        let t = toks.get(inv.tok)?;
        let start = t.start + inv.offset;
        let mut m = Mention {
            start,
            end: t.end,
            name: None,
            pronoun: lexicon::pronoun(p),
            // The narrator (`lui dis-je`, `m'écriai-je`) is a speaker without a name, as
            // `je dis :` is; `on`, `nous`, `vous`, `tu` name no one.
            none: lexicon::pronoun(p).is_none() && p != "je",
            gender: lexicon::pronoun(p).map(|x| x.gender),
            demonstrative: false,
        };
        if m.none {
            m.name = None;
        }
        return Some(m);
    }
    let s = skip_to_subject(toks, v.last + 1);
    if let Some(m) = demonstrative_subject(toks, s) {
        return Some(m);
    }
    let e = np_forward(toks, s)?;
    mention_of(text, toks, s, e)
}

/// `confie celui qui …`, `répond celle qui …`: a demonstrative and its relative clause, up to
/// the next punctuation, standing for someone named before (resolved like a pronoun).
fn demonstrative_subject(toks: &[Tok], s: usize) -> Option<Mention> {
    let t = toks.get(s)?;
    let (gender, plural) = match t.lower.as_ref() {
        "celui" => (Gender::Masculine, false),
        "celle" => (Gender::Feminine, false),
        "ceux" => (Gender::Masculine, true),
        "celles" => (Gender::Feminine, true),
        _ => return None,
    };
    if !toks.get(s + 1).is_some_and(|n| n.is("qui")) {
        return None;
    }
    let last = (s + 1..)
        .take_while(|&k| toks.get(k).is_some_and(Tok::is_word))
        .last()?;
    Some(Mention {
        start: t.start,
        end: toks.get(last)?.end,
        name: None,
        pronoun: Some(lexicon::Pronoun { gender, plural }),
        none: false,
        gender: Some(gender),
        demonstrative: false,
    })
}

/// `, a déclaré X` / `a-t-il ajouté` / `répondit Paul` at the start of `toks`.
pub(super) fn after_incise(text: &str, toks: &[Tok], closed_by_punct: bool) -> Option<Found> {
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
        // …unless a proper name follows the verb, as subjects of incises do (`«Q» a lancé
        // Henri Guaino`), where an object would take an article (`a révélé l'affaire`).
        toks.get(v.last + 1)
            .filter(|t| is_name_word(t) && !lexicon::is_title(t.s))?;
    }
    let m = incise_subject(text, toks, &v)?;
    Some(Found::by_verb(toks, &v, m, Method::AfterQuote))
}

/// `«Q1, dit-elle, Q2»`: an incise after a comma inside the content; in fiction also after an
/// exclamation, a question or an ellipsis (`«Trop tard ! fit-il, trop tard !»`, `«Oui ! répondit
/// Marthe.»`), see [`incise_opener`].
pub(super) fn inside_incise(text: &str, toks: &[Tok]) -> Option<Found> {
    for (i, t) in toks.iter().enumerate() {
        let opener = match incise_opener(t) {
            Some(c) => c,
            // `«Je reste ici ajouta Marcelle, et je …»`: an incise whose comma was left out,
            // known by its narrative past and the punctuation right after its subject.
            // (Not after a pronoun opening a sentence, its subject: `— Elle dira la même chose
            // ?` is a sentence; `sans elle ajouta Léonie` an incise.)
            None if t.is_word()
                && !(tok_pronoun(t).is_some()
                    && i.checked_sub(1)
                        .and_then(|p| toks.get(p))
                        .is_none_or(|p| !p.is_word()))
                && toks.get(i + 1).is_some_and(narrative_past) =>
            {
                ' '
            }
            None => continue,
        };
        let Some(v) = verb_at(toks, i + 1)
            .filter(|v| !v.gerund)
            .or_else(|| inverted_unknown(toks, i + 1))
        else {
            continue;
        };
        if opener == ' ' && !bare_incise(text, toks, &v) {
            continue;
        }
        // After `!`, `?` or `…` the words that follow may start a new sentence of the quote
        // (`«Vous venez ? Dites-le.»`): only a verb whose inverted subject is attached
        // (`fit-il`) or that is followed by its subject makes an incise there, as after a comma.
        if opener != ',' && v.inv.is_none() && toks.get(v.last + 1).is_none_or(|t| !t.is_word()) {
            continue;
        }
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
        // `reprit Roger en s'exaltant,` — allow a short tail before the comma; after an inverted
        // pronoun, a longer one (`dit-elle d'une voix languissante et douce comme …;`): nothing
        // but the incise's own words can follow `dit-elle` up to the punctuation.
        // After a subject, a complement that opens with a preposition may run as long (`me dit
        // Sérapion au bout de quelques minutes de silence ;`).
        let complement = toks
            .get(k)
            .is_some_and(|t| in_class(t, C_PREP) || in_list(t, &["d'", "d’", "de"]));
        let tail = if v.inv.is_some() || complement {
            INVERTED_TAIL
        } else {
            6
        };
        while extra < tail && toks.get(k).is_some_and(Tok::is_word) {
            k += 1;
            extra += 1;
        }
        // (Not an order after a comma closed by `!`: `Joli-Cœur, salue ces messieurs !`.)
        let closes = toks.get(k).is_none_or(|t| {
            matches!(t.punct(), Some(',' | '.' | ';' | '…'))
                || opener != ',' && matches!(t.punct(), Some('!' | '?'))
        });
        // Inside a quote the first-person pronouns belong to the quote: `je`, `nous` stay
        // unattributed, but only an inverted pronoun or a proper noun phrase makes an incise.
        if closes {
            return Some(Found::by_verb(toks, &v, m, Method::InsideQuote));
        }
    }
    None
}

/// The subject of the compound verb a gerund hangs on in its own clause: `…, et chacun s'était
/// enfui en criant :` → `chacun` (not the sentence's first subject). Reads back from the gerund
/// at most eight words, within the clause (no punctuation crossed), for an auxiliary.
fn gerund_clause_subject(text: &str, toks: &[Tok], start: usize, g: usize) -> Option<Mention> {
    let floor = start.max(g.saturating_sub(8));
    let aux = (floor..g)
        .rev()
        .take_while(|&k| toks.get(k).is_some_and(Tok::is_word))
        .find(|&k| toks.get(k).and_then(aux_at).is_some())?;
    subject_before(text, toks, start, aux).filter(|m| !m.none)
}

/// A noun phrase ending right at the colon before a quote, headed by a noun for words (`la
/// réponse`, `les paroles`, `la question directe`) and owned by someone who can speak (`du
/// médecin`, `de sa mère`): `…de la question du médecin au cocher :`. At most twelve words back.
/// The words are the owner's ([`Method::BeforeQuote`], no cue of their own).
fn speech_noun_before_colon(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<Found> {
    let colon = (start..end)
        .rev()
        .find(|&k| toks.get(k).and_then(Tok::punct) == Some(':'))?;
    let floor = start.max(colon.saturating_sub(12));
    let det = (floor..colon).rev().find(|&k| {
        toks.get(k + 1)
            .is_some_and(|n| crate::document::is_speech_noun(&n.lower))
            && toks.get(k).is_some_and(|t| in_class(t, C_DET))
    })?;
    // The owner: `de`/`du`/`des` within the next three words, then a noun phrase.
    let of = (det + 2..(det + 5).min(colon)).find(|&k| {
        toks.get(k)
            .is_some_and(|t| in_list(t, &["de", "du", "des", "d'", "d’"]))
    })?;
    // `du médecin`, `de sa mère`, `des voisins`: up to a preposition (`au cocher`) or the colon.
    let owner_end = (of + 1..colon)
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.is_word() && !in_class(t, C_PREP))
        })
        .last()?;
    let owner = text.get(toks.get(of + 1)?.start..toks.get(owner_end)?.end)?;
    let owner = if toks.get(of).is_some_and(|t| t.is("du")) {
        crate::text::concat(&["le ", owner])
    } else {
        owner.to_string()
    };
    if !crate::document::can_speak(&owner) {
        return None;
    }
    // The mention is the whole phrase; the name is its owner's (`médecin`, `sa mère`).
    let mut m = mention_of(text, toks, det, owner_end)?;
    m.name = Some(name_in(text, toks, of + 1, owner_end));
    // `la réponse` shows the noun's gender, not the owner's.
    m.gender = None;
    Some(Found {
        cue: None,
        gender: None,
        mention: Some(m),
        method: Method::BeforeQuote,
    })
}

/// A third-person passé simple as incises of fiction use it: `ajouta`, `murmura`, `s'écria`
/// (first group, `-a`) or one of the common irregular ones (`reprit`, `répondit`, `fit`).
fn narrative_past(t: &Tok) -> bool {
    t.is_word()
        && t.lowercase_word()
        && (t.lower.len() > 3 && t.lower.ends_with('a')
            || in_list(
                t,
                &[
                    "reprit",
                    "répondit",
                    "fit",
                    "poursuivit",
                    "interrompit",
                    "conclut",
                ],
            ))
}

/// A comma-less incise `ajouta Marcelle,`: a simple verb, not inverted, whose subject (a name
/// or a noun phrase, not a pronoun) is followed at once by punctuation.
fn bare_incise(text: &str, toks: &[Tok], v: &Verb) -> bool {
    if v.inv.is_some() || v.compound || v.first != v.last {
        return false;
    }
    let Some(m) = incise_subject(text, toks, v) else {
        return false;
    };
    // A subject that cannot speak is an object (`dira la même chose ?`).
    if m.none || m.pronoun.is_some() || !speaks(text, &m) {
        return false;
    }
    let next = toks.iter().position(|t| t.start >= m.end);
    next.and_then(|k| toks.get(k))
        .is_some_and(|t| matches!(t.punct(), Some(',' | '.' | ';' | '!' | '?' | '…')))
}

/// Words an inverted incise (`dit-elle d'une voix douce …`) may carry before its punctuation.
const INVERTED_TAIL: usize = 24;

/// The punctuation an incise inside the marks follows: a comma, or in fiction the end of an
/// exclamation, a question or an ellipsis (`«Ah ! fit-il`, `«Vraiment ? demanda Paul`).
fn incise_opener(t: &Tok) -> Option<char> {
    t.punct().filter(|c| matches!(c, ',' | '!' | '?' | '…'))
}

/// `«Q» — X, titre`; a post's author and handle, a party (`«Q» — X (@x) 12 mars 2024`).
pub(super) fn signature(text: &str, toks: &[Tok]) -> Option<Found> {
    let first = toks.first()?;
    if !matches!(first.punct(), Some('—' | '–')) {
        return None;
    }
    let e = name_run(toks, 1)?;
    // A signature is a name alone, or a name then a comma and a title (or a bracket).
    let after = toks.get(e + 1);
    if after.is_some_and(|t| !is_sentence_end(t) && !matches!(t.punct(), Some(',' | '('))) {
        return None;
    }
    let m = mention_of(text, toks, 1, e)?;
    Some(Found {
        cue: Some(CueAt {
            start: first.start,
            end: first.end,
            lemma: "—".into(),
        }),
        mention: Some(m),
        method: Method::Signature,
        gender: None,
    })
}

/// A headline's quote: `«Q» Marie Durand claque la porte`, `«Q» : Paul Martin s'explique` — a
/// quote that opens its line, followed by the full name (two capitalised words at least, or a
/// title and a name) of the subject of the sentence that goes on after it.
///
/// The same after a quote that opens its paragraph as a sentence of its own (`lede`: its content
/// ends on `.`, `!`, `?` or `…`), the subject's sentence perhaps opening on a short adverbial
/// (`«Nous ne reculerons pas.» Devant la presse, Paul Martin a haussé le ton.`), or signed by
/// the name alone (`«Q.» Emmanuel Macron, lundi sur TF1.`).
pub(super) fn headline(text: &str, toks: &[Tok], opens_line: bool, lede: bool) -> Option<Found> {
    if !opens_line {
        return None;
    }
    let mut i = 0;
    if toks.first().and_then(Tok::punct) == Some(':') {
        i = 1;
    } else if lede && name_run(toks, 0).is_none_or(|e| e == 0) {
        // `Devant la presse,`, `Mardi,`, `Interrogé sur France Inter,`: at most five words and
        // no verb of their own before a comma.
        if let Some(c) = (0..6).find(|&k| toks.get(k).and_then(Tok::punct) == Some(',')) {
            let lead = toks.get(..c).unwrap_or(&[]);
            if c > 0 && lead.iter().all(|t| t.is_word() && aux_at(t).is_none()) {
                i = c + 1;
            }
        }
    }
    // (A title and a name is a full name: `name_run` reads a title only before a name word.)
    let e = name_run(toks, i)?;
    if e == i {
        return None;
    }
    // After a lede, an apposition may stand between the name and its verb (`Marie Dubois,
    // conseillère d'opposition, ne décolère pas`).
    let mut after = e + 1;
    if lede && toks.get(after).and_then(Tok::punct) == Some(',') {
        if let Some(c) =
            (after + 2..after + 10).find(|&k| toks.get(k).and_then(Tok::punct) == Some(','))
        {
            after = c + 1;
        }
    }
    // The name is the subject of a verb: a lowercase word that cannot start a noun phrase or a
    // complement follows (`Manuel Valls fait`, not `Marie Durand et…`, `Paris Match du…`).
    let verb = toks.get(after).is_some_and(|next| {
        next.lowercase_word()
            && !in_class(next, C_DET | C_PREP | C_COMPLEMENT)
            && !in_list(next, &["et", "ou", "ni"])
    });
    // Or, in a box of sayings, a lede signed with no verb: `«Q.» Emmanuel Macron, lundi sur
    // TF1.`, `«Q.» Pierre Moscovici (Cour des comptes).`
    // (Not `«Q.» Selon Jean Morel, rien n'est joué.`: a source's word opens no name.)
    let signed = lede
        && i == 0
        && toks.get(i).is_some_and(is_name_word)
        && toks
            .get(e + 1)
            .is_none_or(|t| is_sentence_end(t) || matches!(t.punct(), Some(',' | '(')));
    if !verb && !signed {
        return None;
    }
    let m = mention_of(text, toks, i, e)?;
    Some(Found {
        cue: None,
        mention: Some(m),
        method: Method::Signature,
        gender: None,
    })
}

/// `«Q», selon X` / `«Q», d'après X`.
pub(super) fn source_after(text: &str, toks: &[Tok]) -> Option<Found> {
    let mut i = 0;
    if toks.get(i).and_then(Tok::punct) == Some(',') {
        i += 1;
    }
    // `«Q», pour le syndicat.` — but without the comma `pour` is a complement of the quoted
    // words: `un «moment charnière» pour l'entreprise`.
    if i == 0 && toks.first().is_some_and(|t| t.is("pour")) {
        return None;
    }
    source_at(text, toks, i)
}

/// `selon X` / `d'après X` at token `i`: [`source_at`] without the `pour X` it also reads
/// (that one counts only at the start of a sentence).
fn selon_at(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    toks.get(i)
        .filter(|t| t.is("selon") || t.is("d'") || t.is("d’"))
        .and_then(|_| source_at(text, toks, i))
}

#[inline(never)]
pub(super) fn source_at(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    let t = toks.get(i)?;
    // `, pour reprendre les mots du Comité d'éthique`: the words' owner, or no source.
    let reprise = toks.get(i + 1).is_some_and(|n| n.is("reprendre"));
    let (lemma, s) = if t.is("selon") {
        ("selon", i + 1)
    } else if t.is("d'") || t.is("d’") {
        if !toks.get(i + 1).is_some_and(|n| n.is("après")) {
            return None;
        }
        ("d'après", i + 2)
    } else if t.is("pour") && reprise {
        ("pour", i + 2)
    } else if t.is("pour") {
        ("pour", i + 1)
    } else {
        return None;
    };
    // `selon eux`, `d'après elle`: a stressed pronoun is the whole phrase.
    let stressed = toks
        .get(s)
        .is_some_and(|t| in_list(t, &["lui", "eux", "elle", "elles"]));
    let e = if stressed { s } else { np_forward(toks, s)? };
    let mut m = mention_of(text, toks, s, e)?;
    // `selon la formule du ministre`, `pour reprendre les mots de X`: the owner of the words.
    let owned =
        owned_words(text, &m).filter(|o| o.name.as_deref().is_some_and(crate::document::can_speak));
    if let Some(o) = owned {
        m = o;
    } else if reprise {
        return None;
    }
    // `selon ses propos`, `d'après ses mots`: the words of one the sentence names, not a
    // source; the other rules find them.
    // (Nor `selon` and a thing inside a clause, no comma before: `des «rendements inégaux»
    // selon les parcelles`, a complement of the words.)
    let inside = !t.capitalised() && toks.get(i.wrapping_sub(1)).and_then(Tok::punct) != Some(',');
    if (inside
        || toks
            .get(s)
            .is_some_and(|t| in_list(t, &["ses", "son", "sa", "leurs"])))
        && !speaks(text, &m)
    {
        return None;
    }
    let cue_end = toks.get(s.saturating_sub(1))?.end;
    Some(Found {
        cue: Some(CueAt {
            start: t.start,
            end: cue_end,
            lemma: lemma.into(),
        }),
        mention: Some(m),
        method: Method::Source,
        gender: None,
    })
}

/// Rule 4b: an incise or a source that ends the quote's sentence further on: `«de passer à un
/// niveau supérieur» en termes de tenue de route, précise le constructeur.` — a comma, a speech
/// verb, its subject (perhaps with a relative clause: `, qui …`), then the sentence's end — or
/// `… selon Murray.`. Reads the after-quote
/// window (one sentence) up to the next quotation mark.
pub(super) fn closing_incise(text: &str, toks: &[Tok]) -> Option<Found> {
    // `«Q.» Les commerçants, eux, font les comptes.`: a capital opens another sentence —
    // unless it points back to the words: `«Q.» C'est ainsi que X a qualifié…`.
    if toks.first().is_some_and(Tok::capitalised) {
        return thus_said(text, toks);
    }
    for (k, t) in toks.iter().enumerate() {
        if t.punct().is_some_and(is_quote_mark) {
            return None;
        }
        // `(un «must» en matière de tenue de route selon Murray)`
        if let Some(f) = selon_at(text, toks, k) {
            let end = f.mention.as_ref().map_or(usize::MAX, |m| m.end);
            let next = toks.iter().find(|t| t.start >= end);
            if next.is_none_or(|n| is_sentence_end(n) || n.punct() == Some(')')) {
                return Some(f);
            }
        }
        if t.punct() != Some(',') {
            continue;
        }
        let Some(v) = verb_at(toks, k + 1).filter(|v| !v.gerund) else {
            continue;
        };
        let Some(m) = incise_subject(text, toks, &v) else {
            continue;
        };
        let at = toks.iter().position(|t| t.start >= m.end);
        let next = at.and_then(|k| toks.get(k));
        // `…, ironise un élu local, qui préfère rester anonyme.`: a relative clause on the
        // subject may close the sentence instead.
        let relative = next.and_then(Tok::punct) == Some(',')
            && at
                .and_then(|k| toks.get(k + 1))
                .is_some_and(|t| t.is("qui"));
        if relative || next.is_none_or(|n| is_sentence_end(n) || n.punct() == Some(')')) {
            return Some(Found::by_verb(toks, &v, m, Method::AfterQuote));
        }
    }
    None
}

/// `«Franche mais difficile.» C'est ainsi que le ministre, X, a qualifié la rencontre`, `C'est
/// en ces termes que X…`, `C'est par ces mots que X…`: the subject of a speech verb in the `que`
/// clause of a sentence that points back to the quote.
fn thus_said(text: &str, toks: &[Tok]) -> Option<Found> {
    let k = toks.iter().take(7).position(|t| in_list(t, QUE))?;
    let lead = toks.get(..k)?;
    let points_back = lead.len() > 2
        && lead.first().is_some_and(|t| in_list(t, &["c'", "c’"]))
        && lead.iter().skip(1).all(|t| {
            in_list(
                t,
                &[
                    "est", "ainsi", "en", "par", "avec", "ces", "termes", "mots", "propos",
                ],
            )
        });
    if !points_back {
        return None;
    }
    let v = (k + 2..k + 16).find_map(|j| verb_at(toks, j).filter(|v| !v.gerund))?;
    let m = subject_before(text, toks, k + 1, v.first).filter(|m| speaks(text, m))?;
    Some(Found::by_verb(toks, &v, m, Method::AfterQuote))
}

/// `Pour X,` opening the sentence at `start`, X followed by a comma.
fn lead_source(text: &str, toks: &[Tok], start: usize) -> Option<Found> {
    toks.get(start).filter(|t| t.is("pour"))?;
    let f = source_at(text, toks, start)?;
    let end = f.mention.as_ref()?.end;
    let close = toks.iter().find(|t| t.start >= end)?;
    (close.punct() == Some(',')).then_some(f)
}

/// The complementiser that ties a clause to the speech verb before it (`a indiqué que …`).
const QUE: &[&str] = &["que", "qu'", "qu’"];

/// Rule 5: a speech verb before the quote in its sentence; its subject.
pub(super) fn before_quote(
    text: &str,
    toks: &[Tok],
    after: &[Tok],
    partial: bool,
) -> Option<Found> {
    let start = sentence_start(toks);
    let end = toks.len();
    let last = trailing(toks);
    // A whole sentence quoted in brackets after a clause reads like one after a colon: `X se
    // montre plus nuancé («Il faut une piscine, mais pas à n'importe quel prix»).`
    let colon = match last.and_then(Tok::punct) {
        Some(':') => true,
        Some('(') => !partial,
        _ => false,
    };
    let colon_or_que = colon || last.is_some_and(|t| in_list(t, QUE));
    // `…, selon lui «Q»`: a source right before the quote is the quote's, whatever verb the
    // sentence holds (`Il s'est dit inquiet, car, selon lui «Q»`).
    let last_word = toks.iter().rposition(Tok::is_word);
    for i in (start..end).rev().take(8) {
        let Some(f) = selon_at(text, toks, i) else {
            continue;
        };
        let ends_here = last_word
            .and_then(|w| toks.get(w))
            .zip(f.mention.as_ref())
            .is_some_and(|(w, m)| m.end >= w.end);
        if ends_here {
            return Some(f);
        }
    }
    let verbs = verbs_back(toks, start, end);
    let mut fallback: Option<Found> = None;
    let mut mute: Option<Found> = None;
    let mut mute_colon: Option<Found> = None;
    // The first token of a clause whose speech verb has a subject that names no one.
    let mut mute_subject: Option<usize> = None;
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
            // `entourée de militants scandant «Q»`: a participle right after a noun of people
            // (no comma) is that noun's.
            let noun = v
                .first
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .filter(|p| {
                    p.lowercase_word() && p.end + 1 == toks.get(v.first).map_or(0, |t| t.start)
                });
            let participle = toks.get(v.first).is_some_and(|t| t.lower.ends_with("ant"));
            if participle && noun.is_some_and(|p| lexicon::is_person_noun(&p.lower)) {
                // (With its determiner: `des militants`, `ses partisans`.)
                let n = v.first - 1;
                let det = n > start && toks.get(n - 1).is_some_and(|d| in_class(d, C_DET));
                if let Some(m) = mention_of(text, toks, n - usize::from(det), n) {
                    return Some(Found {
                        cue: cue_of(toks, v),
                        gender: None,
                        mention: Some(m),
                        method: Method::BeforeQuote,
                    });
                }
            }
            // `…, précisant que … «Q»`: the subject of the main verb, further back.
            continue;
        }
        // `Je me souviens de la réponse du médecin : «Q»`: who remembers words is not who said
        // them; the owner of the words named before the colon is.
        if colon && remembers(toks, v) {
            if let Some(f) = speech_noun_before_colon(text, toks, start, end) {
                return Some(f);
            }
        }
        let relative = v.first > start && toks.get(v.first - 1).is_some_and(|t| t.is("qui"));
        // `comme le rappelait Robert Badinter, «Q»`, `comme l'a dit le ministre :`: the
        // subject follows the verb of a `comme` clause.
        let comme = (1..=2).any(|d| {
            v.first >= start + d
                && toks.get(v.first - d).is_some_and(|t| t.is("comme"))
                && (d == 1
                    || toks
                        .get(v.first - 1)
                        .is_some_and(|t| in_list(t, &["le", "l'", "l’"])))
        });
        let mut own = false;
        let mention = if v.inv.is_some() || after_quote || comme {
            incise_subject(text, toks, v)
        } else {
            // `des enfants, qui criaient :` — the antecedent or no one, never the subject of
            // the main clause (`Elle croisa des enfants, qui…`).
            let m = subject_before(text, toks, start, v.first);
            own = m.is_some();
            m.or_else(|| (!relative).then(|| sentence_subject(text, toks, start, v.first))?)
        };
        // A thing that says the words before the colon (`une pancarte qui disait :`) is no
        // one, and the sentence's subject did not say them either: no speaker.
        // Only the verb of the colon's own clause (not `Rien n'est fait, même si … :`).
        let last_clause = (v.last + 1..end).all(|k| toks.get(k).and_then(Tok::punct) != Some(','));
        if colon
            && !partial
            && relative
            && last_clause
            && mute_colon.is_none()
            && !mention.as_ref().is_some_and(|m| speaks(text, m))
        {
            mute_colon = Some(Found {
                cue: cue_of(toks, v),
                gender: None,
                mention: None,
                method: Method::BeforeQuote,
            });
        }
        // A subject that names no one (`Rien n'est fait`) leaves the floor to another clause.
        let Some(m) = mention.filter(|m| speaks(text, m)) else {
            // A partial quote embedded by a speech verb whose subject is no one who speaks
            // (`Le rapport pointe des «failles graves»`) is still someone's words: the cue
            // stays, with no speaker, unless another clause names one.
            if partial && mute.is_none() {
                mute = Some(Found {
                    cue: cue_of(toks, v),
                    gender: None,
                    mention: None,
                    method: Method::ClauseSubject,
                });
            }
            // `La BCE maintient ses taux, les marchés saluent une «Q»`: a fragment embedded by
            // a main verb whose own subject is no one who speaks is nobody else's words either
            // — unless a speech verb further back governs its clause (`Le ministre a indiqué
            // que les travaux avançaient «Q»`).
            if partial && !relative && own && mute_subject.is_none() {
                mute_subject = Some(v.first);
            }
            continue;
        };
        // (A verb further back speaks for that clause only through `que`.)
        if let Some(clause) = mute_subject {
            let governs =
                (v.last + 1..clause).any(|k| toks.get(k).is_some_and(|t| in_list(t, QUE)));
            if !governs {
                return mute;
            }
        }
        let method = if partial && !colon_or_que {
            Method::ClauseSubject
        } else {
            Method::BeforeQuote
        };
        let f = Found {
            cue: cue_of(toks, v),
            gender: v.gender,
            mention: Some(m),
            method,
        };
        // `Pour la climatologue X, elle (l'étude) confirme «Q»`: a pronoun subject after a
        // leading source stands for a thing; the fragment is the source's. (Not after `Selon X,`:
        // `Selon son entourage, il juge les annonces «brutales»` is the minister's.)
        if partial && f.mention.as_ref().is_some_and(|m| m.pronoun.is_some()) {
            if let Some(f) = lead_source(text, toks, start) {
                return Some(f);
            }
        }
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
        // `Au lieu de dire : «Q» elle murmura`: the subject after the quote.
        if let Some(m) = colon
            .then(|| lead_subject(text, toks, after, start, v.first))
            .flatten()
        {
            return Some(Found {
                cue: cue_of(toks, v),
                gender: None,
                mention: Some(m),
                method: Method::BeforeQuote,
            });
        }
        // `Et Paul de répondre : «Q»`, `Et le curé d'ajouter :` — the narrative infinitive with
        // its subject between `Et` and `de`.
        if let Some(m) = narrative_infinitive_subject(text, toks, start, v.first) {
            return Some(Found {
                cue: cue_of(toks, v),
                gender: None,
                mention: Some(m),
                method: Method::BeforeQuote,
            });
        }
        // `les nuages, qui semblaient dire :` — an infinitive in a relative clause: the
        // antecedent of `qui`, or no one when it cannot speak (never the sentence's subject).
        let floor = start.max(v.first.saturating_sub(6));
        let relative = (floor..v.first)
            .rev()
            .take_while(|&k| toks.get(k).is_some_and(Tok::is_word))
            .find(|&k| toks.get(k).is_some_and(|t| t.is("qui")));
        if let Some(k) = relative {
            let m = subject_before(text, toks, start, k + 1).filter(|m| speaks(text, m));
            if m.is_some() || colon {
                return Some(Found {
                    cue: cue_of(toks, v),
                    gender: None,
                    method: Method::BeforeQuote,
                    mention: m,
                });
            }
        }
        let clause = gerund_clause_subject(text, toks, start, v.first);
        // (`Des promesses à relativiser selon X : «Q»`: a subject that cannot speak leaves the
        // quote to the sentence's source, below.)
        let subject = clause.or_else(|| sentence_subject(text, toks, start, v.first));
        if let Some(m) = subject.filter(|m| speaks(text, m)) {
            return Some(Found {
                cue: cue_of(toks, v),
                gender: None,
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
                gender: None,
                mention: None,
                method: Method::Continuation,
            });
        }
    }
    // Sources in the same sentence: `Selon X, … «Q»`.
    for i in start..end {
        if let Some(f) = selon_at(text, toks, i) {
            return Some(f);
        }
    }
    // `Pour X, la réforme est «Q»` at the start of the sentence only.
    if let Some(f) = lead_source(text, toks, start) {
        return Some(f);
    }
    // `Je me souviens de la réponse du médecin : «Q»`: words someone said, named right before
    // the colon, are theirs rather than the sentence subject's.
    if colon {
        if let Some(f) = speech_noun_before_colon(text, toks, start, end) {
            return Some(f);
        }
    }
    if mute_colon.is_some() {
        return mute_colon;
    }
    // A colon with no speech verb: `X a été clair : «Q»` — the subject of the sentence.
    if partial && !colon && mute_subject.is_some() {
        return mute;
    }
    if partial || colon {
        let Some(m) = sentence_subject(text, toks, start, end)
            // `Rien n'est fait, même si elle …`: a subject that names no one gives way.
            .filter(|m| speaks(text, m) && !impersonal(toks, m))
            .or_else(|| {
                colon
                    .then(|| clause_pronoun(text, toks, start, end))
                    .flatten()
                    .filter(|m| !impersonal(toks, m))
            })
            .or_else(|| {
                colon
                    .then(|| named_before_colon(text, toks, start, end))
                    .flatten()
            })
        else {
            return mute;
        };
        if m.none && !colon {
            return mute;
        }
        return Some(Found {
            cue: None,
            gender: None,
            mention: Some(m),
            method: if colon {
                Method::BeforeQuote
            } else {
                Method::ClauseSubject
            },
        });
    }
    mute
}

/// A mention of words (`un communiqué de la CGT`, `la formule du ministre`) named after their
/// owner ([`crate::document::speech_owner`]); no gender, since the article is the words', not
/// the owner's. `None` when it names no words of someone.
pub(super) fn owned_words(text: &str, m: &Mention) -> Option<Mention> {
    let owner = crate::document::speech_owner(text.get(m.start..m.end)?)?;
    Some(Mention {
        name: Some(owner.to_string()),
        gender: None,
        ..m.clone()
    })
}

/// `Une position que partage la présidente du groupe, Aurore Bergé : «Q»`, `Même son de cloche
/// chez le maire, Paul Roux : «Q»`: with no speech verb and a subject that cannot speak, the one
/// named in full right before the colon (a capitalised name that can speak, no pronoun).
fn named_before_colon(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<Mention> {
    let c = (start..end)
        .rev()
        .find(|&k| toks.get(k).and_then(Tok::punct) == Some(':'))?;
    // Only marks between the colon and the quote.
    if toks.get(c + 1..end)?.iter().any(Tok::is_word) {
        return None;
    }
    let m = subject_before(text, toks, start, c)?;
    let named = m
        .name
        .as_deref()
        .is_some_and(|n| n.starts_with(crate::text::is_upper));
    let touches = toks.get(c.checked_sub(1)?).is_some_and(|t| t.end == m.end);
    // A name cut from a phrase (`Grève à la RATP :`, `Grève chez Renault :`): a headline's
    // topic, no one who speaks.
    let cut = toks
        .iter()
        .rfind(|t| t.end <= m.start)
        .is_some_and(|p| in_class(p, C_DET | C_PREP));
    (named && touches && !cut && !m.none && m.pronoun.is_none() && speaks(text, &m)).then_some(m)
}

/// `Au lieu de dire : «Q» elle murmura`, `Avant de répondre : «Q», il se leva`: an infinitive
/// at `inf` after `au lieu de`, `avant de`, `sans` or `pour` with no subject before those words
/// is said by the main clause's subject, which opens the text `after` the quote (after a comma
/// at most).
fn lead_subject(
    text: &str,
    toks: &[Tok],
    after: &[Tok],
    start: usize,
    inf: usize,
) -> Option<Mention> {
    // (From `au` of `au lieu de`; `Avant` is no name.)
    let lead = (inf.saturating_sub(3)..inf).find(|&k| {
        toks.get(k)
            .is_some_and(|t| in_list(t, &["lieu", "avant", "sans", "pour"]))
    })?;
    if sentence_subject(text, toks, start, lead.saturating_sub(1)).is_some() {
        return None;
    }
    let first = usize::from(after.first().and_then(Tok::punct) == Some(','));
    after.get(first).filter(|t| t.is_word())?;
    sentence_subject(text, after, first, after.len()).filter(|m| speaks(text, m))
}

/// The subject of a narrative infinitive (`Et Paul de répondre`, `Et le vieux curé
/// d'ajouter`): the sentence opens with `Et` (or `Puis`), then a noun phrase that can speak
/// reaching the `de` right before the infinitive at `inf`; or the one whose turn it is to speak
/// (`c'était au tour de ma mère de dire`).
fn narrative_infinitive_subject(
    text: &str,
    toks: &[Tok],
    start: usize,
    inf: usize,
) -> Option<Mention> {
    let de = inf.checked_sub(1)?;
    if !toks
        .get(de)
        .is_some_and(|t| in_list(t, &["de", "d'", "d’"]))
    {
        return None;
    }
    // `C'était au tour de ma mère de dire :`, `Ce fut au tour du curé de répondre :` — the one
    // whose turn it is.
    let turn_of = (start..de.saturating_sub(1)).rev().take(12).find_map(|k| {
        let t = toks.get(k)?;
        let of = toks.get(k + 1)?;
        (t.is("tour") && in_list(of, &["de", "d'", "d’", "du", "des"])).then_some(k + 1)
    });
    if let Some(of) = turn_of {
        let first = if toks.get(of).is_some_and(|t| t.is("du")) {
            // `du curé`: the noun alone.
            of + 1
        } else if toks.get(of).is_some_and(|t| t.is("des")) {
            of
        } else {
            of + 1
        };
        // `du curé` holds its article: the noun and its adjectives, a few words.
        let reaches = if toks.get(of).is_some_and(|t| t.is("du")) {
            de - first <= 3 && (first..de).all(|k| toks.get(k).is_some_and(Tok::lowercase_word))
        } else {
            np_forward(toks, first).is_some_and(|e| e + 1 >= de)
        };
        if first >= de || !reaches {
            return None;
        }
        return mention_of(text, toks, first, de - 1).filter(|m| !m.none && speaks(text, m));
    }
    let mut s = start;
    while toks.get(s).is_some_and(|t| !t.is_word()) {
        s += 1;
    }
    if !toks.get(s).is_some_and(|t| in_list(t, &["et", "puis"])) || s + 1 >= de {
        return None;
    }
    // The phrase reaches the `de` (which it may read as a complement: `Paul de répondre`).
    if np_forward(toks, s + 1)? + 1 < de {
        return None;
    }
    mention_of(text, toks, s + 1, de - 1).filter(|m| !m.none && speaks(text, m))
}

/// `se souvenir`, `se rappeler` (`je me rappelle`, `il se souvenait`): a verb of memory, whose
/// subject recalls words rather than says them.
fn remembers(toks: &[Tok], v: &Verb) -> bool {
    match v.lemma {
        "se souvenir" | "se rappeler" => true,
        // `je me rappelle`: the first person's reflexive is not written `se`.
        "rappeler" | "souvenir" => toks
            .get(v.first)
            .is_some_and(|t| in_list(t, &["me", "m'", "m’", "te", "t'", "t’", "nous", "vous"])),
        _ => false,
    }
}

/// A sentence with no subject of its own before a colon (`Pas pour cette fois, même s'il
/// reste flou : «Q»`): the last subject pronoun of one of its clauses, resolved later.
/// Is the mention an impersonal `il` (`il y avait`, `il fallait`, `il me semblait`), which
/// names no one?
fn impersonal(toks: &[Tok], m: &Mention) -> bool {
    // Always impersonal: `falloir`, `s'agir`; `sembler` and `paraître` only with a clitic
    // (`il me semblait`, not `il semblait las`); `rester`, `valoir` are left out (`s'il reste
    // flou`).
    const ALWAYS: [&str; 7] = [
        "faut", "fallait", "fallut", "faudra", "faudrait", "agit", "agissait",
    ];
    const WITH_CLITIC: [&str; 6] = [
        "semble",
        "semblait",
        "sembla",
        "paraît",
        "paraissait",
        "parut",
    ];
    let Some(k) = toks.iter().position(|t| t.start == m.start) else {
        return false;
    };
    let next = toks.get(k + 1);
    let clitic = next.is_some_and(|t| in_class(t, C_CLITIC));
    let verb = if clitic { toks.get(k + 2) } else { next };
    toks.get(k).is_some_and(|t| t.is("il"))
        && (next.is_some_and(|y| y.is("y"))
            || verb.is_some_and(|v| in_list(v, &ALWAYS) || clitic && in_list(v, &WITH_CLITIC)))
}

fn clause_pronoun(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<Mention> {
    let k = (start..end).rev().find(|&k| {
        toks.get(k)
            .is_some_and(|t| t.is_word() && tok_pronoun(t).is_some())
            && toks.get(k + 1).is_some_and(Tok::lowercase_word)
            && !toks
                .get(k.wrapping_sub(1))
                .is_some_and(|p| in_class(p, C_PREP))
    })?;
    mention_of(text, toks, k, k)
}

/// `Selon les pompiers, «Q», rapporte l'agence`: the source named with `selon` / `d'après` in
/// the quote's sentence before it, when that source is not itself a medium.
pub(super) fn relayed_source(text: &str, toks: &[Tok]) -> Option<Found> {
    let start = sentence_start(toks);
    (start..toks.len()).find_map(|i| {
        // (`Selon nos informations, «…», rapporte Le Parisien`: no one but the paper.)
        selon_at(text, toks, i).filter(|f| {
            f.mention
                .as_ref()
                .is_some_and(|m| !is_medium_mention(text, m) && !m.none && speaks(text, m))
        })
    })
}

/// `«Q», explique-t-on du côté de la mairie`, `Du côté de la CGT, on assure que «Q»`, `Chez
/// Renault, on estime que…`: the group `on` speaks for, named with `du côté de` or `chez` in the
/// quote's sentence (`toks[from..]`), when it can speak; `peut-on lire dans un communiqué de la
/// CGT`: the owner of the words named with `dans`.
pub(super) fn side_of(text: &str, toks: &[Tok], from: usize) -> Option<Mention> {
    (from..toks.len()).find_map(|i| {
        let t = toks.get(i)?;
        // `fait-on valoir dans l'entourage du ministre`, `dans l'équipe de campagne`: the
        // people around someone speak as a group.
        let circle = |k: usize| {
            let n = toks.get(k + 1);
            toks.get(k).is_some_and(|d| in_class(d, C_DET))
                && n.is_some_and(|n| in_list(n, &["entourage", "équipe"]))
        };
        if t.is("dans") && circle(i + 1) {
            let e = np_forward(toks, i + 1)?;
            let m = mention_of(text, toks, i + 1, e)?;
            return (!m.none && m.pronoun.is_none()).then_some(m);
        }
        if t.is("dans") {
            // `peut-on lire dans un communiqué de l'intersyndicale`: the document's owner.
            let e = np_forward(toks, i + 1)?;
            return owned_words(text, &mention_of(text, toks, i + 1, e)?);
        }
        // An office's word (`préfecture`, `Quai`) or an acronym (`la SNCF`, `la CGT`).
        let office = |k: usize| {
            toks.get(k)
                .is_some_and(|n| lexicon::is_org(n.s) || crate::cast::is_acronym(n.s))
        };
        let s = if t.is("chez") {
            i + 1
        } else if t.is("à")
            && (toks.get(i + 1).is_some_and(|n| lexicon::is_org(n.s))
                || toks.get(i + 1).is_some_and(|d| in_class(d, C_DET)) && office(i + 2))
            || (t.is("au") || t.is("aux")) && office(i + 1)
        {
            // `«Q», fait-on savoir à Matignon`, `À l'Élysée, on assure que`, `à la préfecture`,
            // `indique-t-on à la SNCF`, `au Quai d'Orsay`: a seat of power or an office named
            // by its place.
            i + 1
        } else if t.is("du") && toks.get(i + 1).is_some_and(|n| n.is("côté")) {
            // `du côté de la CGT`, `du côté d'Ottawa`; `du côté des syndicats`, `du côté du
            // gouvernement` (the article holds the preposition).
            match toks.get(i + 2) {
                Some(p) if p.is("de") || p.is("d'") || p.is("d’") => i + 3,
                _ => i + 2,
            }
        } else {
            return None;
        };
        // `au ministère de l'Intérieur`: an office without its article, and its complement.
        let e = np_forward(toks, s).or_else(|| {
            let c = toks.get(s + 1).filter(|c| in_class(c, C_COMPLEMENT));
            office(s).then(|| c.and_then(|_| np_forward(toks, s + 2)).unwrap_or(s))
        })?;
        let mut m = mention_of(text, toks, s, e)?;
        // `des syndicats`, `du gouvernement` hold `de les`, `de le`: named as `les syndicats`.
        if toks.get(s).is_some_and(|t| t.is("des") || t.is("du")) {
            m.name = m.name.map(|n| match n.split_once(' ') {
                Some((_, rest)) if !rest.is_empty() => rest.to_string(),
                _ => n,
            });
        }
        (!m.none && m.pronoun.is_none() && speaks(text, &m)).then_some(m)
    })
}

/// A passive with its agent: `une décision qualifiée de «Q» par la gauche`, `un texte jugé
/// «Q» par les syndicats` — a speech verb's past participle (`qualifiée`, `jugés`, `décrite`)
/// among the last words before the quote (`before`, the quote's sentence), `par` and a noun
/// phrase that can speak right after it (`after`): that phrase is the speaker.
pub(super) fn passive_agent(text: &str, before: &[Tok], after: &[Tok]) -> Option<Found> {
    if !after.first().is_some_and(|t| t.is("par")) {
        return None;
    }
    let n = before.len();
    let (verb, sense) = (n.saturating_sub(3)..n).rev().find_map(|k| {
        let t = before.get(k).filter(|t| t.is_word())?;
        let sense = verb_of(t)?
            .iter()
            .find(|s| matches!(s.shape, lexicon::Shape::Participle { .. }))?;
        Some((t, sense))
    })?;
    let e = np_forward(after, 1)?;
    let m = mention_of(text, after, 1, e)?;
    if m.none || m.pronoun.is_some() || !speaks(text, &m) {
        return None;
    }
    Some(Found {
        cue: Some(CueAt {
            start: verb.start,
            end: verb.end,
            lemma: sense.lemma.into(),
        }),
        gender: None,
        mention: Some(m),
        method: Method::ClauseSubject,
    })
}
