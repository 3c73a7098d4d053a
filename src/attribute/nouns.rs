//! Noun phrases: speaker mentions (`le porte-parole du gouvernement, Luc Morel`, `M. Durand`,
//! `il`), the name a mention gives, and the subject of a verb or of a sentence.

use crate::lexicon::grammar::*;
use crate::lexicon::{self, Shape};
use crate::lexicon::{Gender, Pronoun};

use super::{tokens::*, verbs::*};

/// A speaker mention: tokens `first..=last`, plus what the tokens say about it.
#[derive(Clone, Debug)]
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) name: Option<String>,
    /// Resolved later: a pronoun (`il`, `elle`…).
    pub(super) pronoun: Option<Pronoun>,
    /// `on`, `je`… — a subject that is not reported as a speaker.
    pub(super) none: bool,
    pub(super) gender: Option<Gender>,
    /// `Cette dernière`, `ce dernier`, `celle-ci`, `celui-ci`: stands for the person named last
    /// before it (resolved later; its own words are the name when none is found).
    pub(super) demonstrative: bool,
}

pub(super) fn mention_of(text: &str, toks: &[Tok], first: usize, last: usize) -> Option<Mention> {
    let a = toks.get(first)?;
    let b = toks.get(last)?;
    let mut m = Mention {
        start: a.start,
        end: b.end,
        name: None,
        pronoun: None,
        none: false,
        gender: None,
        demonstrative: false,
    };
    // `Cette dernière`, `ce dernier`, `celle-ci`, `celui-ci`.
    let demonstrative = match toks.get(first..=last) {
        Some([d, n]) if in_list(d, &["ce", "cette"]) => {
            in_list(n, &["dernier", "dernière"]).then(|| n.is("dernière"))
        }
        Some([p]) => in_list(p, &["celui-ci", "celle-ci"]).then(|| p.is("celle-ci")),
        _ => None,
    };
    if let Some(fem) = demonstrative {
        m.demonstrative = true;
        m.gender = Some(Gender::feminine_if(fem));
        m.name = Some(name_in(text, toks, first, last));
        return Some(m);
    }
    if first == last {
        if let Some(p) = tok_pronoun(a) {
            m.pronoun = Some(p);
            m.gender = Some(p.gender);
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
            m.pronoun = Some(Pronoun {
                gender: Gender::feminine_if(p.1),
                plural: p.2,
            });
            m.gender = Some(Gender::feminine_if(p.1));
            return Some(m);
        }
        if in_list(a, &["je", "j'", "j’"]) {
            // The narrator: a speaker without a name.
            return Some(m);
        }
    }
    // `l'avocate`, `l'élue`, `son président`: the elided article or the possessive says
    // nothing; the noun's form may.
    m.gender = gender_of(a).or_else(|| {
        in_list(
            a,
            &["l'", "l’", "son", "leur", "notre", "votre", "mon", "ton"],
        )
        .then(|| toks.get(first + 1))
        .flatten()
        .filter(|_| first < last)
        .and_then(|n| match n.lower.as_ref() {
            // `l'une d'elles`, `l'un des élus`.
            "une" => Some(Gender::Feminine),
            "un" => Some(Gender::Masculine),
            // (`son secrétaire général`: a role of two words.)
            noun => lexicon::person_noun_gender(noun).or_else(|| {
                let a = toks.get(first + 2).filter(|_| first + 1 < last)?;
                lexicon::person_noun_gender(text.get(n.start..a.end)?)
            }),
        })
    });
    // `une source policière`, `la victime`, `une personne`: the noun's grammatical gender says
    // nothing of the person's.
    let epicene = toks
        .get(first + 1)
        .filter(|_| first < last && in_class(a, C_DET))
        .is_some_and(|n| in_list(n, EPICENE));
    if epicene {
        m.gender = None;
    }
    // `(Principal artisan de) la réforme, Gérald Darmanin`: a mention cut inside a complement
    // before the name has the complement's article, not the person's.
    if first > 0
        && toks
            .get(first - 1)
            .is_some_and(|p| in_class(p, C_COMPLEMENT))
        && toks
            .get(first..=last)
            .is_some_and(|ts| ts.iter().any(|t| t.punct() == Some(',')))
        && !toks
            .get(first + 1)
            .is_some_and(|n| lexicon::is_person_noun(&n.lower))
    {
        m.gender = None;
    }
    // `Le wali d'Oran, Mme Samira Benyoucef`: a title in the apposition is the person's own,
    // whatever the form of the role before it.
    if let Some(g) = (first + 1..last).find_map(|k| {
        let (c, t) = (toks.get(k)?, toks.get(k + 1)?);
        (c.punct() == Some(',') && lexicon::is_title(t.s))
            .then(|| gender_of(t))
            .flatten()
    }) {
        m.gender = Some(g);
    }
    // A name followed by its role between commas (`Sandrine Pollet, déléguée CFDT,`, `Paul
    // Roux, le maire,`): the role's article or form shows the gender.
    // So does an indefinite one after an epicene noun (`la victime, une infirmière de 34
    // ans,`; after `Selon une source policière, la victime a…` a new subject starts).
    let apposed = !epicene
        || toks
            .get(last + 2)
            .is_some_and(|r| in_list(r, &["un", "une"]));
    if m.gender.is_none()
        && (a.capitalised() || epicene)
        && apposed
        && toks.get(last + 1).and_then(Tok::punct) == Some(',')
    {
        m.gender = toks.get(last + 2).and_then(|r| {
            gender_of(r)
                .filter(|_| {
                    in_class(r, C_DET)
                        && toks
                            .get(last + 3)
                            .is_some_and(|n| lexicon::is_person_noun(&n.lower))
                })
                .or_else(|| lexicon::person_noun_gender(&r.lower))
                // `secrétaire générale` (roles of two words in `person-nouns.txt`).
                .or_else(|| {
                    let a = toks.get(last + 3)?;
                    lexicon::person_noun_gender(text.get(r.start..a.end)?)
                })
        });
    }
    // `le capitaine Aurélie Vidal, commandante de la compagnie`: a rank keeps its masculine
    // article for a woman; a role in a feminine form after the comma shows her.
    if m.gender == Some(Gender::Masculine)
        && toks.get(last + 1).and_then(Tok::punct) == Some(',')
        && toks
            .get(last + 2)
            .is_some_and(|r| lexicon::person_noun_gender(&r.lower) == Some(Gender::Feminine))
    {
        m.gender = Some(Gender::Feminine);
    }
    m.name = Some(name_in(text, toks, first, last));
    Some(m)
}

/// Nouns of people of one grammatical gender whatever the person's (`une source`, `la
/// victime`, `un témoin`): their article shows no one's gender.
const EPICENE: &[&str] = &[
    "source",
    "personne",
    "victime",
    "recrue",
    "star",
    "vedette",
    "personnalité",
    "sentinelle",
    "témoin",
    "mannequin",
    "figure",
    "pilier",
    "ténor",
];

pub(super) fn gender_of(t: &Tok) -> Option<Gender> {
    match t.lower.as_ref() {
        "m." | "mm." | "le" | "un" | "ce" | "cet" | "monsieur" | "du" | "au" | "mr." | "mr"
        | "sir" | "lord" => Some(Gender::Masculine),
        "mme" | "mlle" | "la" | "une" | "cette" | "ma" | "ta" | "sa" | "madame"
        | "mademoiselle" | "mrs." | "mrs" | "miss" | "lady" => Some(Gender::Feminine),
        _ => None,
    }
}

/// The name a mention gives: a proper name in it (titles dropped) when one stands at its start,
/// after a role word or after a comma; else the mention without a definite article.
pub(super) fn name_in(text: &str, toks: &[Tok], first: usize, last: usize) -> String {
    let mut best: Option<(usize, usize)> = None;
    let mut i = first;
    while i <= last {
        let Some(t) = toks.get(i) else { break };
        let prev = if i > first { toks.get(i - 1) } else { None };
        let after_title = prev.is_some_and(|p| lexicon::is_title(p.s));
        // A capitalised role before a lowercase word is a role, not a name (`l'ancien Premier
        // ministre`, `le Président de la République`).
        let role = i < last
            && lexicon::is_person_noun(&t.lower)
            && toks.get(i + 1).is_some_and(Tok::lowercase_word);
        // Capitalised words from `i` before a particle (`Jean Morel` 2, `Inserm de Lille` 1): a
        // first name and a surname make two.
        let leading = toks
            .get(i..=last)
            .map_or(0, |ts| ts.iter().take_while(|n| n.capitalised()).count());
        // Inside a complement (`de l'institut Ifo`, `de la CGT`), a capitalised word names the
        // complement's noun — an organisation, a place — not the mention's head…
        let in_complement = toks
            .get(first..i)
            .is_some_and(|ts| ts.iter().any(|x| in_class(x, C_PREP | C_COMPLEMENT)));
        let eligible = t.capitalised()
            && !role
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
                            // … unless that noun is a person's (`le porte-parole du
                            // gouvernement Olivier Morel` keeps two words).
                            && (!in_complement || lexicon::is_person_noun(&p.lower) || leading >= 2)
                        // … and after the complement's name, a first name and a surname are the
                        // person's (`la ministre de la Culture Claire Dubois`, `de la CGT Sophie
                        // Martin`, `le député du RND Farid Hamrouche`, `la conseillère d'Etat
                        // Martine Favre`).
                        || in_complement
                            && leading >= 2
                            && p.capitalised()
                            && i >= 2
                            && toks
                                .get(i - 2)
                                .is_some_and(|d| in_class(d, C_DET | C_COMPLEMENT))
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
                } else if let Some(j) = particle_bridge(toks, k).filter(|&j| j <= last) {
                    k = j;
                } else {
                    break;
                }
            }
            // `la députée LFI Mathilde Panot`, `le sénateur PS Patrick Kanner`: after a role, a
            // party's acronym before a first name and a surname is an affiliation, not the name.
            let affiliated = e >= i + 2
                && prev.is_some_and(|p| p.lowercase_word() && lexicon::is_person_noun(&p.lower))
                && (crate::cast::is_acronym(t.s) || lexicon::is_org(t.s));
            best = Some((if affiliated { i + 1 } else { i }, e));
            i = e + 1;
            continue;
        }
        i += 1;
    }
    // `un député Renaissance`, `une élue LR`: after an indefinite role, one capitalised word is
    // an affiliation, not the person's name (an anonymous source).
    let affiliation = best.is_some_and(|(s, e)| {
        s == e
            && s > first
            && toks
                .get(first)
                .is_some_and(|t| in_list(t, &["un", "une", "des"]))
            && toks
                .get(s - 1)
                .is_some_and(|p| lexicon::is_person_noun(&p.lower))
    });
    if let Some((s, e)) = best.filter(|_| !affiliation) {
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
    // `la Polonaise Iga Swiatek`, `le Slovène Pogacar`: a nationality before a name is an
    // epithet, not part of the name.
    if s > first
        && s < last
        && toks
            .get(s)
            .is_some_and(|t| t.capitalised() && lexicon::is_epithet(&t.lower))
        && toks
            .get(s + 1..=last)
            .is_some_and(|ts| ts.iter().all(Tok::capitalised))
    {
        s += 1;
    }
    // `l'Autorité de sûreté nucléaire (ASN)`: the name without its acronym in brackets.
    let bracketed = last >= s + 3
        && toks.get(last).and_then(Tok::punct) == Some(')')
        && toks.get(last - 2).and_then(Tok::punct) == Some('(');
    let last = if bracketed { last - 3 } else { last };
    match (toks.get(s), toks.get(last)) {
        (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or("").to_string(),
        _ => String::new(),
    }
}

/// `Certains dénoncent…`, `plusieurs ont estimé…`: a determiner standing alone for people, a
/// verb (or a clitic or an auxiliary) right after it.
pub(super) fn indefinite_pronoun(toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| in_list(t, &["certains", "certaines", "plusieurs"]))
        && toks.get(i + 1).is_some_and(|n| {
            n.lowercase_word()
                && (in_class(n, C_CLITIC) || in_class(n, C_AUX_ANY) || verb_of(n).is_some())
        })
}

/// Parses a noun phrase forward from token `i`: `le porte-parole du gouvernement, Luc Morel`,
/// `Anne Petit`, `M. Durand`, `les syndicats`, `Roger et Paul`, `il`. Returns its last token.
pub(super) fn np_forward(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if tok_pronoun(t).is_some() || in_class(t, C_SUBJECT) || indefinite_pronoun(toks, i) {
        return Some(i);
    }
    let starts = in_class(t, C_DET)
        || is_name_word(t)
        // `grand frère Félix`, `petite sœur Lise`: a family's kin noun with its adjective.
        || in_list(t, &["grand", "petit", "petite"])
            && toks
                .get(i + 1)
                .is_some_and(|n| n.lowercase_word() && lexicon::is_bare_person(&n.lower))
        || t.s.starts_with(|c: char| c.is_ascii_digit())
        || elided_name(toks, i);
    if !starts {
        return None;
    }
    let mut last = i;
    let mut k = i + 1;
    let mut words = 1;
    while let Some(n) = toks.get(k) {
        // `le directeur de la Société des eaux (SEA), Karim Hamdi`: an acronym in brackets
        // after an organisation's lowercase words is part of the phrase.
        if n.punct() == Some('(')
            && words < 12
            && toks.get(k - 1).is_some_and(Tok::lowercase_word)
            && toks.get(k + 2).and_then(Tok::punct) == Some(')')
            && toks
                .get(k + 1)
                .is_some_and(|a| a.s.len() > 1 && a.s.bytes().all(|b| b.is_ascii_uppercase()))
        {
            last = k + 2;
            k += 3;
            words += 1;
            continue;
        }
        if words >= 12 || !n.is_word() {
            break;
        }
        // A role's own complement with `à` (`la ministre déléguée à l'Industrie`, `l'adjoint
        // aux sports`, `le secrétaire d'État aux Transports`): part of the phrase, its article
        // with it.
        if in_list(n, &["à", "au", "aux"])
            // (Perhaps after an adjective: `la commissaire européenne à la Santé`.)
            && (toks.get(k - 1).is_some_and(|p| in_list(p, ROLE_WITH_A))
                || toks.get(k.wrapping_sub(2)).is_some_and(|p| in_list(p, ROLE_WITH_A))
                    && toks.get(k - 1).is_some_and(|a| {
                        a.lowercase_word() && class_of(&a.lower) == 0
                    }))
            // `secrétaire d'État aux Transports`, not `le chef de l'État à l'issue de…`.
            && (toks.get(k - 1).is_none_or(|p| !p.is("état"))
                || toks
                    .get(k.wrapping_sub(2))
                    .is_some_and(|d| in_list(d, &["d'", "d’"])))
            && toks.get(k + 1).is_some_and(Tok::is_word)
        {
            k += 1;
            words += 1;
            if toks.get(k).is_some_and(|a| in_class(a, C_DEFINITE))
                && toks.get(k + 1).is_some_and(Tok::is_word)
            {
                k += 1;
                words += 1;
            }
            continue;
        }
        // `le négociateur en chef`, `la rédactrice en chef`, `la conseillère d'Etat en charge
        // de la formation`: a role's own words.
        if n.is("en")
            && toks
                .get(k + 1)
                .is_some_and(|c| in_list(c, &["chef", "charge"]))
        {
            last = k + 1;
            k += 2;
            words += 2;
            continue;
        }
        if in_class(n, C_PREP)
            || in_class(n, C_CLAUSE) && !(n.is("et") && toks.get(k + 1).is_some_and(is_name_word))
            || in_class(n, C_AUX_AVOIR)
            || in_class(n, C_AUX_ETRE)
            || in_class(n, C_OTHER_VERB)
            || in_list(
                n,
                &[
                    "ne", "n'", "n’", "se", "s'", "s’", "lui", "leur", "y", "me", "m'", "m’",
                    // (`Mlle Sergent nous fit entrer`: an object pronoun after a role word.)
                    "nous", "vous", "te", "t'", "t’",
                    // A participle clause (`un diplomate ayant requis l'anonymat`).
                    "ayant", "étant",
                ],
            )
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
        // (A capitalised role is not a name: `l'ancien Premier ministre`.)
        let prev_is_name = toks
            .get(k - 1)
            .is_some_and(|p| is_name_word(p) && !lexicon::is_person_noun(&p.lower))
            && !toks
                .get(k.wrapping_sub(2))
                .is_some_and(|pp| in_class(pp, C_DET) || in_class(pp, C_COMPLEMENT))
            // (`d'Artagnan sortit`; not `le secrétaire d'Etat américain`.)
            || k == i + 2 && elided_name(toks, i)
            // (`M. de Rênal revint`: a particle inside a name, after a title or a first name.)
            || k == i + 3 && toks.get(i).is_some_and(|t| lexicon::is_title(t.s));
        if prev_is_name
            && n.lowercase_word()
            && !in_class(n, C_PARTICLE)
            && !in_class(n, C_COMPLEMENT)
        {
            break;
        }
        if manner_complement(toks, k) {
            break;
        }
        if in_class(n, C_COMPLEMENT) || in_class(n, C_PARTICLE) {
            // Needs something after it; after a name, `la`, `le` lead to a name (`Jean de La
            // Fontaine`) or are an object pronoun (`Paul la regarda`).
            if !toks.get(k + 1).is_some_and(Tok::is_word)
                || prev_is_name
                    && in_class(n, C_DEFINITE)
                    && !toks.get(k + 1).is_some_and(Tok::capitalised)
            {
                break;
            }
            k += 1;
            words += 1;
            continue;
        }
        if in_class(n, C_DEFINITE) && !toks.get(k - 1).is_some_and(|p| in_class(p, C_COMPLEMENT))
            || in_class(n, C_DET)
                && toks.get(k - 1).is_some_and(|p| {
                    !in_class(p, C_DET | C_COMPLEMENT | C_PARTICLE)
                        // (`le numéro un de la CFDT`: a rank.)
                        && !in_list(p, &["tous", "toutes", "numéro"])
                })
        {
            // `le maire le ministre`, and a time after the subject (`a confié la chanteuse
            // quelques minutes après`, `le maire ce matin`): a new phrase.
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
        // (Never across a verb: `Le ministre Luc Marin a reçu la présidente de région, Carole
        // Delga` is two people.)
        while hops < 6
            && toks.get(c).is_some_and(|t| {
                t.is_word() && !in_class(t, C_CLAUSE | C_AUX_AVOIR | C_AUX_ETRE | C_OTHER_VERB)
            })
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
            // `Le Premier ministre, ministre des Sports et du Cadre de vie, Robert Beugré
            // Mambé`: a second office without its article, then the name after its comma.
            let bare = toks
                .get(c + 1)
                .filter(|t| t.lowercase_word() && lexicon::is_person_noun(&t.lower))
                .and_then(|_| {
                    let comma = (c + 2..c + 12).find(|&k| {
                        toks.get(k)
                            .is_none_or(|t| !t.is_word() || in_class(t, C_CLAUSE) && !t.is("et"))
                    })?;
                    (toks.get(comma).and_then(Tok::punct) == Some(','))
                        .then(|| name_run(toks, comma + 1))
                        .flatten()
                });
            if let Some(e) = name_run(toks, c + 1).or(second).or(bare) {
                let after = toks.get(e + 1);
                if after.is_none_or(|a| !a.lowercase_word() || in_class(a, C_PREP)) {
                    return Some(e);
                }
            }
        }
    }
    Some(last)
}

/// Role words whose complement is introduced by `à` (`délégué à`, `adjointe aux`, `secrétaire
/// d'État aux`, `haut-commissaire au`).
const ROLE_WITH_A: &[&str] = &[
    "délégué",
    "déléguée",
    "délégués",
    "déléguées",
    "adjoint",
    "adjointe",
    "adjoints",
    "adjointes",
    "commissaire",
    "haut-commissaire",
    "haute-commissaire",
    "état",
];

/// The manner complement of an incise's verb, which ends its subject in fiction: `demanda Paul
/// d'un air sérieux`, `reprit le prêtre d'une voix grave` (`d'un`/`d'une` and a noun of manner).
/// `la porte-parole d'une association` keeps its complement.
fn manner_complement(toks: &[Tok], k: usize) -> bool {
    const MANNER: &[&str] = &[
        "air",
        "ton",
        "voix",
        "geste",
        "regard",
        "sourire",
        "accent",
        "signe",
        "mouvement",
    ];
    toks.get(k).is_some_and(|t| in_list(t, &["d'", "d’", "de"]))
        && toks.get(k + 1).is_some_and(|t| in_list(t, &["un", "une"]))
        && toks.get(k + 2).is_some_and(|t| in_list(t, MANNER))
}

/// The capitalised word that the particles at `k` lead to inside a name (`de Gaulle`, `Ursula
/// von der Leyen`, `Ana de la Fuente`), if any.
fn particle_bridge(toks: &[Tok], k: usize) -> Option<usize> {
    let n = toks.get(k).filter(|n| in_class(n, C_PARTICLE))?;
    if toks.get(k + 1).is_some_and(|x| x.capitalised()) {
        return Some(k + 1);
    }
    (!in_list(n, &["et", "y"])
        && toks.get(k + 1).is_some_and(|x| in_class(x, C_PARTICLE))
        && toks.get(k + 2).is_some_and(|x| x.capitalised()))
    .then_some(k + 2)
}

/// A proper name starting at `i` (title allowed): its last token.
pub(super) fn name_run(toks: &[Tok], i: usize) -> Option<usize> {
    let mut k = i;
    if toks.get(k).is_some_and(|t| lexicon::is_title(t.s)) {
        k += 1;
    }
    let t = toks.get(k)?;
    if !(t.capitalised() || t.lowercase_word() && lexicon::is_bare_person(&t.lower))
        || in_class(t, C_DET)
    {
        return None;
    }
    let mut e = k;
    k += 1;
    while let Some(n) = toks.get(k) {
        if n.capitalised() {
            e = k;
            k += 1;
        } else if let Some(j) = particle_bridge(toks, k) {
            k = j;
        } else {
            break;
        }
    }
    Some(e)
}

/// Do two capitalised words name a medium (`France Inter`, `Sud Radio`)?
fn medium_pair(a: &Tok, b: &Tok) -> bool {
    lexicon::is_medium(&crate::text::concat(&[&a.lower, " ", &b.lower]))
}

/// Skips what may stand between an incise verb and its subject: adverbs, dates, places,
/// `pour sa part`. Returns the index of the first token of the subject.
pub(super) fn skip_to_subject(toks: &[Tok], mut k: usize) -> usize {
    let mut budget = 10;
    while budget > 0 {
        budget -= 1;
        let Some(t) = toks.get(k) else { break };
        if adverb_at(toks, k) || t.punct() == Some(',') {
            // `accuse, dans un entretien au Parisien, la députée …`
            k += 1;
            continue;
        }
        // `tranche de son côté la maire`, `répond quant à lui l'avocat`, `insiste de nouveau X`.
        let phrase = phrase_at(toks, k, &ADVERBIAL_PHRASES);
        if phrase > 0 {
            k += phrase;
            continue;
        }
        // `a déclaré d'Alger le ministre`: a place, the subject after it.
        if elided_name(toks, k) && toks.get(k + 2).is_some_and(|n| in_class(n, C_DET)) {
            k += 2;
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
                                    // `à l'agence Belga`, `à la radio RTL`: the medium's name.
                                    || p.lowercase_word() && lexicon::is_medium(&p.lower)
                                    // `à France Inter Benoît Mouchart`: a medium of two words.
                                    || p.capitalised() && medium_pair(p, n)
                                    // `sur France Inter la ministre`: a name of two words
                                    // when a determiner opens the subject after it.
                                    || p.capitalised()
                                        && toks.get(k + 1).is_some_and(|a| in_class(a, C_DET))
                            }))
                    || lexicon::is_title(n.s)
                    || !n.is_word()
                    // `chantait dans les années 90 celui qui …`: the subject starts here.
                    || in_list(n, &["celui", "celle", "ceux", "celles"])
                        && toks.get(k + 1).is_some_and(|q| q.is("qui"))
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

/// Is the whole segment `toks[a..b]` a lowercase appositive, relative or participial clause (to
/// be skipped when looking for a subject): `qui présidait la séance`, `chercheuse au CNRS`,
/// `très ému`, `s'approchant du prêtre`?
pub(super) fn is_appositive(toks: &[Tok], a: usize, b: usize) -> bool {
    let Some(t) = toks.get(a) else { return true };
    if a >= b {
        return true;
    }
    if in_list(t, &["qui", "dont", "que", "qu'", "qu’"]) {
        return true;
    }
    t.lowercase_word()
        && !in_class(t, C_DET)
        && !in_class(t, C_SUBJECT)
        && tok_pronoun(t).is_none()
        && !lexicon::is_bare_person(&t.lower)
}

/// Can token `b` start a subject noun phrase?
pub(super) fn np_head(t: &Tok) -> bool {
    in_class(t, C_DET) || is_name_word(t) || tok_pronoun(t).is_some() || in_class(t, C_SUBJECT)
}

/// A name whose particle is elided and opens it (`d'Artagnan`, `D'Argenson`): `d'` glued to a
/// capitalised word, read as the name's first token where a subject is expected.
pub(super) fn elided_name(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| in_list(t, &["d'", "d’"]))
        && toks
            .get(i + 1)
            .is_some_and(|n| n.capitalised() && n.start == toks.get(i).map_or(0, |t| t.end))
}

/// The subject of the verb group starting at token `v` (searching back to `start`).
pub(super) fn subject_before(text: &str, toks: &[Tok], start: usize, v: usize) -> Option<Mention> {
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
        // (`chez LFI, où le coordinateur X a fustigé «Q»`: `où` and `dont` right before the
        // verb open a clause with its own subject.)
        let relative = toks.get(s).is_some_and(|t| {
            in_list(t, &["qui", "lequel", "laquelle"])
                || in_list(t, &["dont", "où"]) && seg_end != end
        });
        // `…, et s'approchant du prêtre, lui dit :` / `Marthe se tut, mais Paul se leva et lui
        // dit :` — a coordinated clause with no subject of its own (empty, or a participle)
        // shares the subject of the clause coordinated before it.
        let coordinated = np > s && toks.get(np - 1).is_some_and(|t| in_list(t, COORDINATORS));
        // (Not a role before an apposed name: `Le président du groupe et proche de X, Y, a dit`.)
        if coordinated
            && pending_name.is_none()
            && (np >= seg_end || is_appositive(toks, np, seg_end))
        {
            if let Some(m) = coordinated_subject(text, toks, start, s, np - 1) {
                return Some(m);
            }
        }
        if !relative && np < seg_end && !(np == s && is_appositive(toks, np, seg_end)) {
            let e = seg_end - 1;
            let Some(b) = np_start_back(toks, np, e) else {
                return pending_name.and_then(|(pa, pe)| mention_of(text, toks, pa, pe));
            };
            let is_name = name_run(toks, b).is_some_and(|x| x == e);
            if let Some((pa, pe)) = pending_name {
                // `Le chef de la diplomatie chinoise, Wang Yi, a …` (not `Un soir, Marthe dit`)
                // (Nor `Face à la critique, Paul Durand sourit`: the role must be able to speak.)
                // (Nor a place after a preposition: `Quand je suis rentré à la maison, papa a
                // dit`.)
                if toks.get(b).is_some_and(|t| in_class(t, C_DET))
                    && !(b > start && toks.get(b - 1).is_some_and(|p| in_class(p, C_PREP)))
                    && !time_phrase(toks, b)
                    && toks
                        .get(b)
                        .zip(toks.get(e))
                        .and_then(|(x, y)| text.get(x.start..y.end))
                        .is_some_and(crate::document::can_speak)
                {
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

/// Conjunctions that coordinate two main clauses (`Paul se leva et lui dit`).
const COORDINATORS: &[&str] = &["et", "mais", "puis", "ou", "car", "donc", "or"];

/// How many clauses back [`coordinated_subject`] reads.
const CLAUSES_BACK: usize = 4;

/// The subject a verb shares with the clauses coordinated before it, the coordinator at `c` in
/// the comma segment starting at `s`: `Marthe se tut, mais Paul se leva et lui dit` → `Paul`
/// (the last clause with a subject, not the sentence's first one); `Il quitta la barre et,
/// s'approchant de Roger, lui dit` → `Il`. Clauses with no subject of their own (a participle,
/// an object pronoun and a verb: `le regarda`), subordinate ones (`quand Paul entra`) and the
/// segment of a relative (`, qui se leva et dit` reads the antecedent before the comma) are
/// stepped over; a clause whose subject cannot speak ends the search.
fn coordinated_subject(
    text: &str,
    toks: &[Tok],
    start: usize,
    s: usize,
    c: usize,
) -> Option<Mention> {
    let (mut seg_lo, mut hi) = (s, c);
    for _ in 0..CLAUSES_BACK {
        // The clause before `hi`: after the segment's last coordinator, adverbs skipped.
        // (`Paul et Marthe` joins two names, not two clauses.)
        let coordinator = (seg_lo..hi).rev().find(|&k| {
            toks.get(k).is_some_and(|t| in_list(t, COORDINATORS))
                && !(k > 0
                    && toks.get(k).is_some_and(|t| t.is("et"))
                    && toks.get(k - 1).is_some_and(is_name_word)
                    && toks.get(k + 1).is_some_and(is_name_word))
        });
        let mut lo = coordinator.map_or(seg_lo, |k| k + 1);
        // `Alors le vieux Jacques`, `puis lentement il`: adverbs before the subject.
        while lo < hi
            && (adverb_at(toks, lo)
                || toks.get(lo).is_some_and(|t| {
                    in_list(
                        t,
                        &["alors", "ainsi", "soudain", "enfin", "puis", "mais", "et"],
                    )
                }))
        {
            lo += 1;
        }
        if let Some(t) = toks
            .get(lo)
            .filter(|t| lo < hi && np_head(t) && !in_class(t, C_CLAUSE))
        {
            // The phrase may run into a verb the lexicon does not know (`quitta`): kept short.
            let e = np_forward(toks, lo)?.min(hi - 1);
            let m = mention_of(text, toks, lo, short_np(toks, lo, e))?;
            // `la fermière se leva` has a subject, `la regarda` an object pronoun and a verb.
            let object = t.lowercase_word() && in_class(t, C_CLITIC);
            match (speaks(text, &m), object) {
                (true, _) => return Some(m),
                (false, false) => return None,
                (false, true) => {}
            }
        }
        if let Some(k) = coordinator {
            // A subjectless clause after a coordinator: the clause before it.
            hi = k;
            continue;
        }
        // The segment's first clause has no subject: the comma segment before it.
        if seg_lo <= start || toks.get(seg_lo - 1).and_then(Tok::punct) != Some(',') {
            return None;
        }
        hi = seg_lo - 1;
        seg_lo = hi;
        while seg_lo > start
            && !toks
                .get(seg_lo - 1)
                .is_some_and(|t| t.punct().is_some() || t.kind == Kind::Break)
        {
            seg_lo -= 1;
        }
    }
    None
}

/// Where the noun phrase ending at `e` starts, not before `floor`; `None` when no determiner,
/// name or pronoun starts a phrase that reaches `e`.
pub(super) fn np_start_back(toks: &[Tok], floor: usize, e: usize) -> Option<usize> {
    let lo = e.saturating_sub(12).max(floor);
    for b in lo..=e {
        let Some(t) = toks.get(b) else { continue };
        if !np_head(t) && !elided_name(toks, b) {
            continue;
        }
        // (`son grand-père` starts at its determiner, `maman` alone as a name.)
        if b > floor
            && toks.get(b - 1).is_some_and(|p| {
                in_class(p, C_COMPLEMENT)
                    || in_class(p, C_PREP)
                    || in_class(p, C_DET) && t.lowercase_word()
            })
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
            // (Not after another preposition: `Une habitante croisée devant la mairie confie`.)
            toks.get(b).is_some_and(|t| in_class(t, C_DET))
                && !(b > floor && toks.get(b - 1).is_some_and(|p| in_class(p, C_PREP)))
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
pub(super) fn sentence_subject(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
) -> Option<Mention> {
    let mut i = start;
    // Skip leading dashes, marks and `Et`.
    while i < end
        && toks.get(i).is_some_and(|t| {
            !t.is_word() || in_list(t, &["et", "mais", "puis", "alors", "or", "car", "donc"])
        })
    {
        i += 1;
    }
    // A live blog's entry opens with its time: `14h32 – Sophie Binet prend la parole : «…»`.
    if let Some(k) = timestamp_lead(toks, i, end) {
        i = k;
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
        // A date before a comma: `Le 1er juillet,`, `Dimanche soir,`, `12 mars,`.
        let comma_soon =
            (i + 1..(i + 8).min(end)).any(|k| toks.get(k).and_then(Tok::punct) == Some(','));
        let date_lead = comma_soon
            && (in_class(t, C_DET)
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.s.starts_with(|c: char| c.is_ascii_digit()))
                || t.s.starts_with(|c: char| c.is_ascii_digit()));
        // (Days, `hier`, `demain` are adverbs of `grammar.txt`: `lead_adverbial` below.)
        // `Le lendemain matin,`, `Un soir,`, `Ce jour-là,`: a time before a comma.
        let time_lead = comma_soon && time_phrase(toks, i);
        // A past participle's ending (`Invité`, `Surnommée`).
        let participle = ["é", "ée", "és", "ées"]
            .iter()
            .any(|e| t.lower.ends_with(e));
        let lead_adverbial = lowercase_lead
            || date_lead
            || time_lead
            || in_class(t, C_PREP)
            || in_class(t, C_LEADER)
            || t.lower.ends_with("ant")
            || in_class(t, C_ADVERB)
            || t.lower.ends_with("ment") && toks.get(i + 1).and_then(Tok::punct) == Some(',')
            || in_list(t, &["se", "s'", "s’", "tout", "pour", "selon"])
            // `Conseillère municipale depuis 2014, Monique Bertin a…`: a bare role leads to
            // the name after its comma (not `Oncle meunier placé entre eux, le visage…`).
            // (Also any capitalised word before a lowercase one, which no name starts:
            // `Principal artisan de la réforme, Paul Morel a…`.)
            || t.capitalised()
                && !in_class(t, C_DET)
                && (lexicon::is_person_noun(&t.lower)
                    || toks.get(i + 1).is_some_and(Tok::lowercase_word))
                && (i + 1..(i + 8).min(end)).any(|k| {
                    // (Or a subject pronoun: `Originaire de Lorraine, elle a…`, `Interrogé
                    // samedi après le match, il a…`.)
                    // (The range may end at the comma, before the pronoun it is read for.)
                    toks.get(k).and_then(Tok::punct) == Some(',')
                        && (k + 1 >= end
                            || toks.get(k + 1).is_some_and(|n| {
                                n.capitalised() && is_name_word(n)
                                    || n.lowercase_word() && tok_pronoun(n).is_some()
                            }))
                })
            || t.capitalised()
                && !in_class(t, C_DET)
                && toks.get(i + 1).is_some_and(|n| {
                    // `Invité de France Inter, le ministre…`: a participle and its `de`.
                    in_class(n, C_PREP)
                        || in_class(n, C_COMPLEMENT) && participle && comma_soon
                        // `Invité lundi sur une radio, l'élu…`: and a day or a time.
                        || in_class(n, C_ADVERB) && participle && comma_soon
                        // `Surnommé « le Renard » par…, Sinner…`: a participle and its term.
                        || matches!(n.punct(), Some('«' | '“' | '"'))
                            && participle
                            && (i + 2..(i + 16).min(end))
                                .any(|k| toks.get(k).and_then(Tok::punct) == Some(','))
                })
            || participle_lead(toks, i)
            || de_lead(toks, i) && comma_soon;
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
        // `De nombreux habitants ont…`: the article of a plural subject.
        let t = match toks.get(i + 1) {
            Some(n)
                if in_list(t, &["de", "d'", "d’"]) && in_list(n, &["nombreux", "nombreuses"]) =>
            {
                i += 1;
                n
            }
            _ => t,
        };
        // (`D'Artagnan sortit`, not `D'Alger, le ministre …`.)
        let elided = elided_name(toks, i) && toks.get(i + 2).and_then(Tok::punct) != Some(',');
        if !(np_head(t) || elided) {
            return None;
        }
        // `il faut`, `il fallait`: the impersonal `il` stands for no one.
        if t.is("il") && toks.get(i + 1).is_some_and(|n| n.lower.starts_with("fa")) {
            return None;
        }
        // The phrase may run into the verb when it is unknown: clamp it to the range.
        let e = np_forward(toks, i)?.min(end.saturating_sub(1));
        if e < i {
            return None;
        }
        let short = short_np(toks, i, e);
        // Keep an apposed name: `Le maire de Brest, Yann Kerhervé, a reçu …`, also after an
        // adjective or two the short phrase did not take (`L'avocate des parties civiles, Me
        // Claire Renaud, …`) when a title or a name follows the comma.
        // (Or a complement: `La commissaire européenne à la Santé, Stella Kyriakides, …`.)
        let comma = (short + 1..(short + 8).min(e + 1))
            .find(|&k| toks.get(k).and_then(Tok::punct) == Some(','));
        // (Past three words, only after a noun of people: not `Même son de cloche chez le
        // président du club, Marc Aubert`.)
        // (The noun may be followed by its adjective or complement: `La conseillère
        // municipale`, `La conseillère d'Etat en charge de la formation, Frédérique Baud`.)
        let person_head = (i..=short).any(|k| {
            toks.get(k)
                .is_some_and(|t| lexicon::is_person_noun(&t.lower))
        });
        let apposed = comma.is_some_and(|c| {
            let between = (short + 1..c).all(|k| {
                toks.get(k)
                    .is_some_and(|t| t.lowercase_word() || k > short + 1 && t.is_word())
            });
            let name_after = toks
                .get(c + 1)
                .is_some_and(|n| n.capitalised() || lexicon::is_title(n.s));
            (c < short + 4 || person_head) && (c == short + 1 || between && name_after)
        });
        let e = if apposed && e > short { e } else { short };
        return mention_of(text, toks, i, e);
    }
    None
}

/// A sentence opening with `De` or `Du` as a preposition (`De son côté,`, `Du côté de la
/// mairie,`, `De retour à Paris,`, `De plus,`), not as the article of a plural subject (`De
/// nombreux élus, dont le maire, ont…`, `D'autres, comme…`).
fn de_lead(toks: &[Tok], i: usize) -> bool {
    let (Some(t), Some(n)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    t.capitalised()
        && (t.is("du")
            || in_list(t, &["de", "d'", "d’"])
                && (in_class(n, C_DET) && !in_list(n, &["des", "les", "nombreux", "nombreuses"])
                    || in_list(
                        n,
                        &[
                            "côté", "retour", "passage", "plus", "même", "fait", "nouveau", "loin",
                        ],
                    )))
}

/// A participle or an adjective alone before a comma and the subject (`Épuisé, il a rejoint…`,
/// `Soulagée, la skieuse…`): an adverbial, not a name. Before a determiner only the feminine
/// and plural forms (`-ée`, `-és`, `-ées`) are taken, since `Hervé, le navigateur, …` is a name
/// and its apposition.
fn participle_lead(toks: &[Tok], i: usize) -> bool {
    let (Some(t), Some(comma), Some(n)) = (toks.get(i), toks.get(i + 1), toks.get(i + 2)) else {
        return false;
    };
    let pronoun = in_class(n, C_SUBJECT) && toks.get(i + 3).and_then(Tok::punct) != Some(',');
    t.capitalised()
        && comma.punct() == Some(',')
        && (pronoun && t.lower.ends_with(['é', 'i', 'u', 's', 'e'])
            || in_class(n, C_DET) && ["ée", "és", "ées"].iter().any(|e| t.lower.ends_with(e)))
}

/// A determiner and a noun of time at `i` (`Le lendemain`, `Un soir`, `Ce jour-là`, `La
/// veille`): an adverbial of time, not a subject.
/// A live blog's time stamp or a wire's dateline and its dash at `i` (`14h32 –`, `14:32 -`,
/// `9 h 05 —`, `ABIDJAN -`, `VALENCE (Espagne), 30 octobre 2024 (AFP) -`): the index after
/// the dash.
fn timestamp_lead(toks: &[Tok], i: usize, end: usize) -> Option<usize> {
    let digits = |t: &Tok| t.s.starts_with(|c: char| c.is_ascii_digit());
    let capitals = |t: &Tok| {
        t.is_word()
            && t.s.chars().nth(1).is_some()
            && t.s.chars().all(|c| crate::text::is_upper(c) || c == '-')
    };
    let first = toks.get(i)?;
    // (A city in capitalised lower case only before its brackets: `Washington (correspondance)
    // –`, `Kiev, 12 novembre (AFP) –`.)
    let (time, reach, bracketed) = match (digits(first), capitals(first)) {
        (true, _) => (true, 5, false),
        (_, true) => (false, 16, false),
        _ if first.capitalised() => (false, 16, true),
        _ => return None,
    };
    for k in i + 1..(i + reach).min(end) {
        let t = toks.get(k)?;
        if matches!(t.punct(), Some('–' | '—' | '-')) || t.s == "-" {
            let closed = toks.get(k - 1).and_then(Tok::punct) == Some(')');
            return (!bracketed || closed).then_some(k + 1);
        }
        let stamp = if time {
            digits(t) || t.is("h") || t.punct() == Some(':')
        } else {
            // The city, its country or agency in brackets, the date.
            !is_sentence_end(t) && !in_class(t, C_AUX_AVOIR | C_AUX_ETRE | C_OTHER_VERB)
        };
        if !stamp {
            return None;
        }
    }
    None
}

fn time_phrase(toks: &[Tok], i: usize) -> bool {
    const TIMES: &[&str] = &[
        "lendemain",
        "surlendemain",
        "veille",
        "soir",
        "matin",
        "jour",
        "jour-là",
        "nuit",
        "nuit-là",
        "soir-là",
        "matin-là",
        "après-midi",
        "instant",
        "moment",
        "hiver",
        "été",
        "automne",
        "printemps",
        "semaine",
        "fois",
    ];
    // (`Le premier soir,`, `La dernière fois,`, `Un beau matin,`: an ordinal or `beau` first.)
    let first = [
        "premier",
        "première",
        "dernier",
        "dernière",
        "beau",
        "autre",
        "même",
    ];
    let noun = i + 1 + usize::from(toks.get(i + 1).is_some_and(|a| in_list(a, &first)));
    toks.get(i).is_some_and(|t| in_class(t, C_DET))
        && toks.get(noun).is_some_and(|n| in_list(n, TIMES))
}

/// Without a known verb the phrase may run into an unknown one: keep determiner + noun +
/// adjectives with typical endings + complements and names.
pub(super) fn short_np(toks: &[Tok], i: usize, e: usize) -> usize {
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
        "premiers",
        "premières",
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
            // The noun of a complement after its article or adjective: `la mère d'une
            // victime`, `la fille du vieil homme`.
            || toks
                .get(k - 1)
                .is_some_and(|p| in_class(p, C_DET) || in_list(p, PRENOMINAL))
                && toks
                    .get(k.wrapping_sub(2))
                    .is_some_and(|p| in_class(p, C_COMPLEMENT | C_DEFINITE))
            || n.lowercase_word() && adj.iter().any(|a| n.lower.ends_with(a))
            // An age: `le joueur de 24 ans`.
            || (n.lower == "an" || n.lower == "ans")
                && toks
                    .get(k - 1)
                    .is_some_and(|p| p.s.starts_with(|c: char| c.is_ascii_digit()))
        {
            last = k;
            k += 1;
        } else {
            break;
        }
    }
    last
}

/// Can the mention speak (see [`crate::document::can_speak`])? `on` passes, to be refused
/// later as nobody.
pub(super) fn speaks(text: &str, m: &Mention) -> bool {
    m.none
        || text
            .get(m.start..m.end)
            .is_some_and(crate::document::can_speak)
}

/// Is the mention a medium that relays others' words (`l'agence Reuters`, `le magazine`;
/// `lexicon/media.txt`)? Its head is the first word after the determiners.
pub(super) fn is_medium_mention(text: &str, m: &Mention) -> bool {
    let Some(mention) = text.get(m.start..m.end) else {
        return false;
    };
    crate::text::words(mention)
        .map(crate::text::lowercase)
        .find(|w| class_of(w) & C_DET == 0 && !matches!(w.as_str(), "l'" | "l’"))
        .is_some_and(|head| lexicon::is_medium(&head))
}
