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

use crate::text::Lowercased;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

pub(crate) use names::{
    feminine_first_name, is_bare_person, is_epithet, is_medium, is_org, is_person_noun, is_title,
    is_title_lower, person_noun_gender, pronoun, role_synonym, Gender, Pronoun, DOTTED_TITLES,
    TITLE_LIST,
};
pub(crate) use verbs::{narrative_past, verb, Sense, Shape};

/// A data file compiled in without its comment and blank lines: `data!(include_str!(path))` is
/// the file's text minus every line that is empty or starts with `#` after ASCII spaces, each
/// kept line as written (a `\n` after the last). [`lines`] reads it exactly as it would read the
/// file, and the binary (the wasm above all) does not carry the comments written for linguists
/// (3.4 KB of the 26 KB in `lexicon/`). Done at compile time by two `const fn`s, so a file that
/// is not UTF-8 after stripping (it cannot be: only whole lines go) fails the build, not a run.
macro_rules! data {
    ($text:expr) => {{
        const TEXT: &str = $text;
        const BYTES: [u8; $crate::lexicon::stripped_len(TEXT)] = $crate::lexicon::strip(TEXT);
        // A compile-time check: only whole lines were dropped, so this never fails.
        #[allow(clippy::panic)]
        const DATA: &str = match ::core::str::from_utf8(&BYTES) {
            Ok(data) => data,
            Err(_) => panic!("a lexicon file is not UTF-8 once its comments are dropped"),
        };
        DATA
    }};
}
pub(crate) use data;

/// The lines [`strip`] keeps of `text`, as `(start, end, next)`: the line is `start..end` (no
/// `\n`), the next line starts at `next`; `None` at the end of the text.
#[allow(clippy::indexing_slicing)] // const fn over in-range indices; a slip is a build error
const fn next_line(text: &[u8], start: usize) -> Option<(usize, usize, usize)> {
    if start >= text.len() {
        return None;
    }
    let mut end = start;
    while end < text.len() && text[end] != b'\n' {
        end += 1;
    }
    Some((start, end, end + 1))
}

/// Whether [`strip`] keeps the line `text[start..end]`: something other than ASCII spaces on
/// it, and not a `#` first. ([`lines`] drops the same lines and more, so it reads the kept
/// text as it read the file.)
#[allow(clippy::indexing_slicing)] // const fn over in-range indices; a slip is a build error
const fn kept(text: &[u8], start: usize, end: usize) -> bool {
    let mut i = start;
    while i < end && matches!(text[i], b' ' | b'\t' | b'\r') {
        i += 1;
    }
    i < end && text[i] != b'#'
}

/// The length of [`strip`]'s result: for [`data!`].
pub(crate) const fn stripped_len(text: &str) -> usize {
    let text = text.as_bytes();
    let mut len = 0;
    let mut at = 0;
    while let Some((start, end, next)) = next_line(text, at) {
        if kept(text, start, end) {
            len += end - start + 1;
        }
        at = next;
    }
    len
}

/// `text` without its comment and blank lines, each kept line followed by `\n`: for [`data!`].
#[allow(clippy::indexing_slicing)] // const fn over in-range indices; a slip is a build error
pub(crate) const fn strip<const N: usize>(text: &str) -> [u8; N] {
    let text = text.as_bytes();
    let mut out = [0u8; N];
    let mut o = 0;
    let mut at = 0;
    while let Some((start, end, next)) = next_line(text, at) {
        if kept(text, start, end) {
            let mut i = start;
            while i < end {
                out[o] = text[i];
                o += 1;
                i += 1;
            }
            out[o] = b'\n';
            o += 1;
        }
        at = next;
    }
    out
}

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
        .map(|l| crate::text::words_of(&l.lowercased()))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every data file reads the same through [`data!`] as from the file itself.
    #[test]
    fn stripping_keeps_every_entry() {
        macro_rules! same {
            ($($file:literal),* $(,)?) => {$(
                let raw = include_str!(concat!("../../lexicon/", $file));
                let stripped = data!(include_str!(concat!("../../lexicon/", $file)));
                assert_eq!(lines(stripped).collect::<Vec<_>>(), lines(raw).collect::<Vec<_>>(), $file);
                assert!(
                    stripped.lines().all(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty()),
                    $file
                );
            )*};
        }
        same!(
            "adverbial-phrases.txt",
            "grammar.txt",
            "media.txt",
            "navigation.txt",
            "organisations.txt",
            "person-nouns.txt",
            "prenominal.txt",
            "pronouns.txt",
            "role-synonyms.txt",
            "semi-auxiliaries.txt",
            "speech-nouns.txt",
            "speech-verbs.txt",
            "speech-words.txt",
            "term-cues.txt",
            "title-nouns.txt",
            "titles.txt",
        );
        assert_eq!(data!("a\n  # note\n\n\tb \r\n#c"), "a\n\tb \r\n");
    }
}
