//! The closed-class words of the attribution rules (`lexicon/grammar.txt`: determiners,
//! prepositions, clitics, auxiliaries…), each word with the bits of the classes that hold it:
//! one hash lookup per token at tokenisation instead of a scan of each list at every test.

use std::sync::LazyLock;

use super::{lines, FnvMap};

const GRAMMAR: &str = super::data!(include_str!("../../lexicon/grammar.txt"));

/// A set of word classes, one bit each.
pub(crate) type Class = u32;

pub(crate) const C_DET: Class = 1;
pub(crate) const C_DEFINITE: Class = 1 << 1;
pub(crate) const C_PREP: Class = 1 << 2;
pub(crate) const C_COMPLEMENT: Class = 1 << 3;
pub(crate) const C_CLAUSE: Class = 1 << 4;
pub(crate) const C_CLITIC: Class = 1 << 5;
pub(crate) const C_ADVERB: Class = 1 << 6;
pub(crate) const C_AUX_AVOIR: Class = 1 << 7;
pub(crate) const C_AUX_ETRE: Class = 1 << 8;
pub(crate) const C_OTHER_VERB: Class = 1 << 9;
pub(crate) const C_SUBJECT: Class = 1 << 10;
pub(crate) const C_PARTICLE: Class = 1 << 11;
pub(crate) const C_AUX_ANY: Class = 1 << 12;
pub(crate) const C_LEADER: Class = 1 << 13;
/// An attributing pronoun ([`super::pronoun`]) and its gender and number.
pub(crate) const C_PRONOUN: Class = 1 << 14;
pub(crate) const C_PRONOUN_FEM: Class = 1 << 15;
pub(crate) const C_PRONOUN_PLURAL: Class = 1 << 16;

/// The section names of `grammar.txt` and their bits.
const SECTIONS: [(&str, Class); 14] = [
    ("determiners", C_DET),
    ("definite", C_DEFINITE),
    ("prepositions", C_PREP),
    ("complement", C_COMPLEMENT),
    ("clause words", C_CLAUSE),
    ("clitics", C_CLITIC),
    ("adverbs", C_ADVERB),
    ("aux avoir", C_AUX_AVOIR),
    ("aux être", C_AUX_ETRE),
    ("other verbs", C_OTHER_VERB),
    ("subject pronouns", C_SUBJECT),
    ("name particles", C_PARTICLE),
    ("aux any", C_AUX_ANY),
    ("leaders", C_LEADER),
];

/// Word → classes, the longest word, and for each first byte the lengths (bit `n`) of the words
/// it starts: most words are rejected without hashing.
pub(crate) struct Classes {
    pub(crate) map: FnvMap<&'static str, Class>,
    longest: usize,
    first: [u64; 256],
}

pub(crate) static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let mut map: FnvMap<&'static str, Class> = FnvMap::default();
    let mut bit = 0;
    for l in lines(GRAMMAR) {
        if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            bit = SECTIONS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |&(_, b)| b);
            continue;
        }
        *map.entry(l).or_default() |= bit;
    }
    // `pronoun` folds ASCII case and token forms are lowercase: the ASCII-lowercased entry
    // matches; the first entry of a form wins, as in `pronoun`.
    for (p, fem, plural) in super::names::pronouns_lowercase() {
        let c = map.entry(p).or_default();
        if *c & C_PRONOUN == 0 {
            *c |= C_PRONOUN
                | if fem { C_PRONOUN_FEM } else { 0 }
                | if plural { C_PRONOUN_PLURAL } else { 0 };
        }
    }
    let longest = map.keys().map(|k| k.len()).max().unwrap_or(0);
    let mut first = [0u64; 256];
    for k in map.keys() {
        if let (Some(&b), Some(bit)) = (k.as_bytes().first(), 1u64.checked_shl(k.len() as u32)) {
            if let Some(f) = first.get_mut(usize::from(b)) {
                *f |= bit;
            }
        }
    }
    Classes {
        map,
        longest,
        first,
    }
});

/// The classes of a lowercase word.
pub(crate) fn class_of(lower: &str) -> Class {
    let c = &*CLASSES;
    if lower.len() > c.longest {
        return 0;
    }
    let lengths = lower
        .as_bytes()
        .first()
        .and_then(|&b| c.first.get(usize::from(b)))
        .copied()
        .unwrap_or(0);
    if lower.len() < 64 && lengths >> lower.len() & 1 == 0 {
        return 0;
    }
    c.map.get(lower).copied().unwrap_or(0)
}

/// Entries of several lowercase words (one a line), grouped by their first word so that a
/// token is tested against only the entries it can start (one hash lookup).
pub(crate) struct Phrases {
    by_first: FnvMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    pub(crate) fn new(data: &'static str) -> Self {
        let mut by_first: FnvMap<String, Vec<Vec<String>>> = FnvMap::default();
        for p in super::phrases(data) {
            if let Some(first) = p.first() {
                by_first.entry(first.clone()).or_default().push(p);
            }
        }
        Phrases { by_first }
    }

    /// The entries whose first word is `first` (lowercase, apostrophes written `'`).
    pub(crate) fn starting_with(&self, first: &str) -> &[Vec<String>] {
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }
}

/// Phrases that may stand inside an incise's verb group (`a de son côté commenté`,
/// `a-t-il d'abord déclaré`): `adverbial-phrases.txt`, lowercase words.
pub(crate) static ADVERBIAL_PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(super::data!(include_str!(
        "../../lexicon/adverbial-phrases.txt"
    )))
});

/// Verbs that carry a speech verb in the infinitive (`vient de déclarer`, `a tenu à préciser`):
/// `semi-auxiliaries.txt`, lowercase words (the form, then the linking word if any).
pub(crate) static SEMI_AUXILIARIES: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(super::data!(include_str!(
        "../../lexicon/semi-auxiliaries.txt"
    )))
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_known_and_filled() {
        let mut seen = 0;
        for l in lines(GRAMMAR) {
            if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                let bit = SECTIONS.iter().find(|(n, _)| *n == name);
                assert!(bit.is_some(), "unknown section [{name}]");
                seen |= bit.map_or(0, |b| b.1);
            }
        }
        assert_eq!(seen, SECTIONS.iter().fold(0, |a, b| a | b.1));
        assert_eq!(class_of("le") & C_DET, C_DET);
        assert_eq!(class_of("a") & C_AUX_AVOIR, C_AUX_AVOIR);
        assert_ne!(class_of("elle") & C_PRONOUN_FEM, 0);
        assert_eq!(class_of("maison"), 0);
    }
}
