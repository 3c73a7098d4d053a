//! Titles (`titles.txt`), organisation cues (`organisations.txt`), nouns for people and roles
//! (`person-nouns.txt`) and the pronouns that can attribute a quote (`pronouns.txt`, with gender
//! and number).

use crate::text::Lowercased;
use std::sync::LazyLock;

use super::{lines, FnvSet};

const TITLES: &str = super::data!(include_str!("../../lexicon/titles.txt"));
const ORGANISATIONS: &str = super::data!(include_str!("../../lexicon/organisations.txt"));
const PRONOUNS: &str = super::data!(include_str!("../../lexicon/pronouns.txt"));
const PERSON_NOUNS: &str = super::data!(include_str!("../../lexicon/person-nouns.txt"));
const ROLE_SYNONYMS: &str = super::data!(include_str!("../../lexicon/role-synonyms.txt"));
const MEDIA: &str = super::data!(include_str!("../../lexicon/media.txt"));

static MEDIA_SET: LazyLock<FnvSet<&'static str>> = LazyLock::new(|| lines(MEDIA).collect());

/// True when `lower` (a lowercase word) is the head of a medium that relays others' words
/// (`media.txt`: `agence`, `journal`, `AFP`).
pub(crate) fn is_medium(lower: &str) -> bool {
    MEDIA_SET.contains(lower)
}

/// `other = usual` pairs of `role-synonyms.txt`.
/// `other = usual` pairs of `role-synonyms.txt`: a score of lines, searched in order (a hash
/// map of its own type cost the wasm its own hashing code).
static SYNONYMS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    lines(ROLE_SYNONYMS)
        .filter_map(|l| l.split_once('='))
        .map(|(a, b)| (a.trim(), b.trim()))
        .collect()
});

/// The usual key of an office named another way (`chef du gouvernement` → `premier
/// ministre`), else the key itself.
pub(crate) fn role_synonym(key: &str) -> &str {
    SYNONYMS
        .iter()
        .find(|(a, _)| *a == key)
        .map_or(key, |(_, b)| b)
}

/// A noun of people's (feminine ending, masculine ending), the first that fits counting: the
/// gender a form shows ([`person_noun_gender`]) and, the first six, the feminine that
/// `person-nouns.txt` leaves unwritten (`directeur~`).
const PAIRS: [(&str, &str); 8] = [
    ("trice", "teur"),
    ("euse", "eur"),
    ("ière", "ier"),
    ("enne", "en"),
    ("ère", "er"),
    ("onne", "on"),
    ("esse", "e"),
    ("e", ""),
];

/// People and roles (`maire`, `porte-parole`, `manifestants`): a noun phrase with one of these
/// as its head can speak. `avocate*` is `avocate` and `avocat`, `directeur~` is `directeur` and
/// `directrice` (the endings of [`PAIRS`]). The second set holds the words
/// after the file's `[epithets]` line (`l'acteur`, `le sexagénaire`) and its `[demonyms]` (`le
/// Belge`, which are not in the first set): words a story uses for someone it has named, not
/// offices. The third holds the `[bare]` section (`maman`, `grand-père`): nouns of people that
/// stand without an article, as names do (`a demandé maman`).
/// The fourth and fifth hold the nouns written `père/mère` (a man's word and a woman's whose
/// forms are unrelated): their gender is the word's.
type Persons = (
    FnvSet<&'static str>,
    FnvSet<&'static str>,
    FnvSet<&'static str>,
    FnvSet<&'static str>,
    FnvSet<&'static str>,
);
static PERSONS: LazyLock<Persons> = LazyLock::new(|| {
    let (mut set, mut epithets, mut bare, mut men, mut women) = (
        FnvSet::default(),
        FnvSet::default(),
        FnvSet::default(),
        FnvSet::default(),
        FnvSet::default(),
    );
    let mut section = "";
    for l in lines(PERSON_NOUNS) {
        if l.starts_with('[') {
            section = l;
            continue;
        }
        let (first, other): (&'static str, Option<&'static str>) = match l.split_once('/') {
            // `père/mère`: a man's word and a woman's.
            Some((m, f)) => {
                men.insert(m);
                women.insert(f);
                (m, Some(f))
            }
            None => match l.strip_suffix('*') {
                Some(fem) => (fem, fem.strip_suffix('e')),
                None => match l.strip_suffix('~') {
                    // `directeur~`: `directeur` and `directrice`.
                    Some(masc) => {
                        let fem = PAIRS
                            .iter()
                            .take(6)
                            .find_map(|(f, m)| Some(masc.strip_suffix(m)?.to_owned() + f));
                        // Built once for the life of the program, like the set.
                        (masc, fem.map(|f| &*Box::leak(f.into_boxed_str())))
                    }
                    None => (l, None),
                },
            },
        };
        for w in std::iter::once(first).chain(other) {
            if section != "[demonyms]" {
                set.insert(w);
            }
            if section == "[bare]" {
                bare.insert(w);
            } else if !section.is_empty() {
                epithets.insert(w);
            }
        }
    }
    (set, epithets, bare, men, women)
});

/// `lower` or, for a plural in `s` (the file holds none: `maires` is `maire`), its singular is
/// in `set`.
fn in_plural(set: &FnvSet<&'static str>, lower: &str) -> bool {
    set.contains(lower) || lower.strip_suffix('s').is_some_and(|s| set.contains(s))
}

/// True when `lower` (a lowercase word) is a noun for people or roles (`person-nouns.txt`), or
/// a compound of two such nouns (`patron-pêcheur`, `agricultrice-éleveuse`).
pub(crate) fn is_person_noun(lower: &str) -> bool {
    in_plural(&PERSONS.0, lower)
        || lower
            .split_once('-')
            .is_some_and(|(a, b)| in_plural(&PERSONS.0, a) && in_plural(&PERSONS.0, b))
}

/// True when `lower` (a lowercase word) is an epithet (`person-nouns.txt`, `[epithets]`): a
/// word for someone the story named (`l'acteur`, `le quinquagénaire`, `le Belge`).
pub(crate) fn is_epithet(lower: &str) -> bool {
    in_plural(&PERSONS.1, lower)
}

/// True when `lower` (a lowercase word) is a noun of people that stands without an article, as
/// a name does (`person-nouns.txt`, `[bare]`: `maman`, `papa`, `grand-mère`).
#[inline(never)]
pub(crate) fn is_bare_person(lower: &str) -> bool {
    PERSONS.2.contains(lower)
}

/// The gender a noun of people shows by its form, when the lexicon holds its counterpart:
/// `avocate` (↔ `avocat`), `directrice`, `chercheuse`, `infirmière` are feminine, `avocat`,
/// `directeur` masculine; a noun with one form for both (`ministre`, `juge`, `porte-parole`)
/// says nothing. Singular or plural alike.
pub(crate) fn person_noun_gender(lower: &str) -> Option<Gender> {
    if !is_person_noun(lower) {
        return None;
    }
    let singular = lower
        .strip_suffix('s')
        .filter(|s| is_person_noun(s))
        .unwrap_or(lower);
    if PERSONS.3.contains(singular) {
        return Some(Gender::Masculine);
    }
    if PERSONS.4.contains(singular) {
        return Some(Gender::Feminine);
    }
    // `stem` + `ending` is a noun of people.
    let other = |stem: &str, ending: &str| {
        let mut w = String::with_capacity(stem.len() + ending.len());
        w.push_str(stem);
        w.push_str(ending);
        !stem.is_empty() && is_person_noun(&w)
    };
    for (fem, masc) in PAIRS {
        if singular
            .strip_suffix(fem)
            .is_some_and(|stem| other(stem, masc))
        {
            return Some(Gender::Feminine);
        }
    }
    for (fem, masc) in PAIRS {
        // Nouns in `-aire` have one form for both (`la maire`, `la notaire`): the Québec
        // `mairesse` does not make `maire` masculine.
        if fem == "esse" && singular.ends_with("aire") {
            continue;
        }
        if singular
            .strip_suffix(masc)
            .is_some_and(|stem| other(stem, fem))
        {
            return Some(Gender::Masculine);
        }
    }
    None
}

/// Titles written with a period (`M.`, `MM.`), without it.
pub(crate) static DOTTED_TITLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    TITLE_LIST
        .iter()
        .filter_map(|t| t.strip_suffix('.'))
        .collect()
});

/// Titles written before names (`M.`, `Mme`, `Dr`…), as in the data file.
pub(crate) static TITLE_LIST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(TITLES).collect());

/// The titles lowercased (`m.`, `mme`…), for case-insensitive keys.
static TITLE_LOWER: LazyLock<FnvSet<&'static str>> = LazyLock::new(|| {
    TITLE_LIST
        .iter()
        .map(|t| &*Box::leak(t.lowercased().into_boxed_str()))
        .collect()
});

/// True when `lower` (a lowercase word) is a title lowercased (`m.`, `mme`, `dr`).
pub(crate) fn is_title_lower(lower: &str) -> bool {
    TITLE_LOWER.contains(lower)
}

/// True when `word` is a title (`M.` with its period, `Mme`, `Dr`…).
pub(crate) fn is_title(word: &str) -> bool {
    let Some(&b) = word.as_bytes().first() else {
        return TITLE_LIST.contains(&word);
    };
    TITLE_FIRST_BYTES
        .get(usize::from(b))
        .copied()
        .unwrap_or(true)
        && TITLE_LIST.contains(&word)
}

/// The first bytes titles start with: most words are rejected without a scan of the list.
static TITLE_FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut first = [false; 256];
    for t in TITLE_LIST.iter() {
        if let Some(f) = t
            .as_bytes()
            .first()
            .and_then(|&b| first.get_mut(usize::from(b)))
        {
            *f = true;
        }
    }
    first
});

/// Lowercase head words of organisations.
pub(crate) static ORGS: LazyLock<Vec<String>> =
    LazyLock::new(|| lines(ORGANISATIONS).map(crate::text::lowercase).collect());

/// True when `word` (any case) names an organisation or institution.
pub(crate) fn is_org(word: &str) -> bool {
    if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        ORG_SET.contains(word.lowercased().as_str())
    } else {
        ORG_SET.contains(word)
    }
}

/// [`ORGS`] as a hash set.
static ORG_SET: LazyLock<FnvSet<&'static str>> =
    LazyLock::new(|| ORGS.iter().map(String::as_str).collect());

pub(crate) use crate::model::Gender;

/// An attributing pronoun's gender and number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pronoun {
    pub(crate) gender: Gender,
    pub(crate) plural: bool,
}

/// `word` as an attributing pronoun; `None` when it is not one (`on`, `je`, `nous`… are not).
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    PRONOUN_LIST
        .iter()
        .find(|(p, _, _)| p.eq_ignore_ascii_case(word))
        .map(|&(_, f, plural)| Pronoun {
            gender: Gender::feminine_if(f),
            plural,
        })
}

/// Every attributing pronoun, ASCII-lowercased, in file order: (pronoun, feminine, plural).
pub(crate) fn pronouns_lowercase() -> impl Iterator<Item = (&'static str, bool, bool)> {
    PRONOUN_LOWER.iter().map(|(p, f, pl)| (p.as_str(), *f, *pl))
}

static PRONOUN_LOWER: LazyLock<Vec<(String, bool, bool)>> = LazyLock::new(|| {
    PRONOUN_LIST
        .iter()
        .map(|(p, f, pl)| (p.to_ascii_lowercase(), *f, *pl))
        .collect()
});

/// The pronouns file parsed: (pronoun, feminine, plural).
static PRONOUN_LIST: LazyLock<Vec<(&'static str, bool, bool)>> = LazyLock::new(|| {
    lines(PRONOUNS)
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let (p, g, n) = (parts.next()?, parts.next()?, parts.next()?);
            Some((p, g == "f", n == "p"))
        })
        .collect()
});

/// Does `name` open with a first name of a feminine form (`Julie`, `Juliette`, `Isabelle`,
/// `Pauline`, `Louise`)? Only read to refuse such a name as the antecedent of `il` (`Le docteur
/// entra. Julie l'attendait. « Vous avez mal ? » demanda-t-il.`) and to let it stand behind a
/// woman's epithet (`raconte la retraitée`), never reported as a gender: the text has not
/// shown it.
pub(crate) fn feminine_first_name(name: &str) -> bool {
    let first = name.split([' ', '-']).next().unwrap_or("");
    first.starts_with(crate::text::is_upper)
        && ["ette", "elle", "ine", "ise", "ie"]
            .iter()
            .any(|e| first.ends_with(e))
        && !first.ends_with("oine")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_orgs_pronouns() {
        assert!(is_title("M."));
        assert!(is_title("Mme"));
        assert!(!is_title("Paul"));
        assert!(is_org("Kremlin"));
        let p = |gender, plural| Some(Pronoun { gender, plural });
        assert_eq!(pronoun("elle"), p(Gender::Feminine, false));
        assert_eq!(pronoun("Ils"), p(Gender::Masculine, true));
        assert_eq!(pronoun("on"), None);
        assert_eq!(pronoun("nous"), None);
    }

    #[test]
    fn person_nouns_show_gender_by_their_form() {
        use super::person_noun_gender as g;
        for (w, want) in [
            ("avocate", Some(Gender::Feminine)),
            ("avocats", Some(Gender::Masculine)),
            ("directrice", Some(Gender::Feminine)),
            ("directeur", Some(Gender::Masculine)),
            ("chercheuse", Some(Gender::Feminine)),
            ("infirmière", Some(Gender::Feminine)),
            ("lycéenne", Some(Gender::Feminine)),
            ("élu", Some(Gender::Masculine)),
            ("ministre", None),
            ("avocates", Some(Gender::Feminine)),
            ("maire", None),
            ("table", None),
        ] {
            assert_eq!(g(w), want, "{w}");
        }
    }

    #[test]
    fn the_person_nouns_file_spells_plurals_and_feminines_once() {
        // `avocate*` gives both forms; a plural in `s` is never written.
        for w in [
            "avocat",
            "avocate",
            "avocats",
            "avocates",
            "maire",
            "maires",
            "jumeaux",
            "directeur",
            "directrice",
            "chercheuse",
            "policière",
            "historiennes",
        ] {
            assert!(is_person_noun(w), "{w}");
        }
        for w in ["avocatee", "table", "s"] {
            assert!(!is_person_noun(w), "{w}");
        }
    }
}
