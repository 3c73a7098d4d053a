//! Every word list the engine reads, compiled in from the plain data files in `lexicon/` (see
//! `lexicon/README.md` for which file feeds which rule), through one line parser ([`lines`],
//! [`phrases`]) and one hasher ([`Fnv`]).
//!
//! - [`verbs`]: the speech verbs (`speech-verbs.txt`, infinitives) and their inflected forms;
//! - [`names`]: titles, organisation cues and attributing pronouns;
//! - [`grammar`]: the closed-class words of the attribution rules (`grammar.txt`) as bit sets;
//! - [`cues`]: classification's naming words, title nouns and speech cues — the speech cues are
//!   every form of every speech verb plus the few non-verb words of `speech-words.txt`.
//!
//! Every table is built once, on first use ([`std::sync::LazyLock`]). Complexity: O(1) per
//! lookup (one hash of a short word), O(length) for the prefix trie of [`cues`].

pub(crate) mod cues;
pub(crate) mod grammar;
pub(crate) mod names;
pub(crate) mod verbs;

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

pub(crate) use names::{
    is_medium, is_org, is_person_noun, is_title, pronoun, role_synonym, Gender, Pronoun,
    DOTTED_TITLES, TITLE_LIST, TITLE_LOWER,
};
pub(crate) use verbs::{narrative_past, verb, Sense, Shape};

/// Lines of a data file without comments and blanks, trimmed.
pub(crate) fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a data file as lowercase words ([`crate::text::Words`] cuts them), one
/// entry a line; an entry may be several words (`sous le nom de`).
pub(crate) fn phrases(data: &'static str) -> impl Iterator<Item = Vec<String>> {
    lines(data)
        .map(|l| crate::text::words_of(&l.to_lowercase()))
        .filter(|w| !w.is_empty())
}

/// FNV-1a: short keys, no need for SipHash's DoS resistance (the keys are our own lexicon; the
/// text only looks them up).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with [`Fnv`] keys.
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A hash set with [`Fnv`] keys.
pub(crate) type FnvSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;
