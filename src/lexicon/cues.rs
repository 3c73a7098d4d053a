//! The word lists of classification ([`crate::classify`]): naming words (`term-cues.txt`),
//! nouns for things that bear names (`title-nouns.txt`) and speech cues.
//!
//! Speech cues are derived from the one list of speech verbs ([`super::verbs`]), not kept in a
//! second list: a word is a cue when it is an inflected form of a speech verb (a verb that needs
//! particles — `faire savoir`, `mettre en garde` — only with its particles after it; not a form
//! `grammar.txt` lists among the verbs that are not of saying, such as `fait`), or when it
//! starts with the stem of a speech verb's infinitive (the infinitive without `-er`, `-ir`,
//! `-re`, `-oir`) of at least [`MIN_STEM`] chars, which also catches the verb's nouns
//! (`déclar` → `déclaration`, `dénonc` → `dénonciation`). The few cues that are not verbs
//! (`selon`, `d'après`, nouns such as `communiqué`) are in `speech-words.txt`.

use std::sync::LazyLock;

use super::{phrases, verbs, FnvMap, FnvSet};

const TERM_CUES: &str = super::data!(include_str!("../../lexicon/term-cues.txt"));
const TITLE_NOUNS: &str = super::data!(include_str!("../../lexicon/title-nouns.txt"));
const SPEECH_WORDS: &str = super::data!(include_str!("../../lexicon/speech-words.txt"));

/// The shortest verb stem used as a prefix: shorter ones (`di` of `dire`, `jug` of `juger`)
/// would match unrelated words, so those verbs count by their forms only.
pub(crate) const MIN_STEM: usize = 5;

/// A list of phrases by one of their words.
pub(crate) type Phrases = FnvMap<String, Vec<Vec<String>>>;

/// Multi-word entries grouped by one of their words (`by_last`: the last one, which is the
/// nearest to the marks when the words before them are read backwards; else the first).
fn index_phrases(entries: impl Iterator<Item = Vec<String>>, by_last: bool) -> Phrases {
    let mut map = Phrases::default();
    for e in entries {
        let key = if by_last { e.last() } else { e.first() };
        if let Some(k) = key.cloned() {
            map.entry(k).or_default().push(e);
        }
    }
    map
}

/// Naming words by their last word.
pub(crate) static TERM_CUES_BY_LAST: LazyLock<Phrases> =
    LazyLock::new(|| index_phrases(phrases(TERM_CUES), true));

/// The one-word title nouns.
/// (Sets of `&'static str` only, the words built once for the life of the program: each key
/// type brings the wasm its own copy of the table's code.)
pub(crate) static TITLE_NOUN_WORDS: LazyLock<FnvSet<&'static str>> = LazyLock::new(|| {
    phrases(TITLE_NOUNS)
        .filter_map(|w| (w.len() == 1).then(|| w.into_iter().next()).flatten())
        .map(|w| &*Box::leak(w.into_boxed_str()))
        .collect()
});

/// The title nouns of several words, by their last word.
pub(crate) static TITLE_PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| index_phrases(phrases(TITLE_NOUNS).filter(|w| w.len() > 1), true));

/// The non-verb speech cues: stems (a word starting with one is a cue), whole words (`=word`)
/// and phrases of several words (by their first word).
struct SpeechWords {
    stems: Trie,
    whole: FnvSet<&'static str>,
    phrases: Phrases,
}

static SPEECH: LazyLock<SpeechWords> = LazyLock::new(|| {
    let mut stems = Trie::default();
    let mut whole = FnvSet::default();
    let mut several = Vec::new();
    for entry in phrases(SPEECH_WORDS) {
        match entry.as_slice() {
            [one] => match one.strip_prefix('=') {
                Some(w) => {
                    whole.insert(&*Box::leak(w.into()));
                }
                None => stems.insert(one),
            },
            _ => several.push(entry),
        }
    }
    // The stems of the speech verbs without particles.
    for lemma in verbs::speech_lemmas() {
        let (head, particles) = verbs::head_of(lemma);
        if !particles.is_empty() {
            continue;
        }
        let stem = ["er", "ir", "oir", "re"]
            .iter()
            .find_map(|e| head.strip_suffix(e))
            .unwrap_or(head);
        if stem.chars().nth(MIN_STEM - 1).is_some() {
            stems.insert(stem);
        }
    }
    SpeechWords {
        stems,
        whole,
        phrases: index_phrases(several.into_iter(), false),
    }
});

/// Is `words[i]` a speech cue (see the module doc)? `words(k)` gives the `k`-th word.
pub(crate) fn speech_cue_at<'w>(word: &str, next: impl Fn(usize) -> Option<&'w str>) -> bool {
    let s = &*SPEECH;
    if s.whole.contains(word) || s.stems.has_prefix_of(word) {
        return true;
    }
    // `fait`, `semble`: forms the grammar lists as verbs that are not of saying — unless the
    // particles of a speech verb follow (`fait savoir`, `fait valoir`).
    let other = super::grammar::class_of(word) & super::grammar::C_OTHER_VERB != 0;
    if let Some(senses) = verbs::verb(word) {
        let followed = |ps: &[&str]| ps.iter().enumerate().all(|(j, p)| next(j + 1) == Some(*p));
        if senses
            .iter()
            .any(|s| (!other || !s.particles.is_empty()) && followed(&s.particles))
        {
            return true;
        }
    }
    s.phrases.get(word).is_some_and(|cues| {
        cues.iter().any(|cue| {
            cue.iter()
                .enumerate()
                .all(|(j, x)| j == 0 || next(j) == Some(x.as_str()))
        })
    })
}

/// A set of byte strings that answers "is one of them a prefix of this word?".
#[derive(Default)]
struct Trie {
    /// Per node: whether a stem ends there, and its children by byte.
    nodes: Vec<(bool, Vec<(u8, usize)>)>,
}

impl Trie {
    fn insert(&mut self, s: &str) {
        if self.nodes.is_empty() {
            self.nodes.push((false, Vec::new()));
        }
        let mut at = 0;
        for b in s.bytes() {
            let found = self.child(at, b);
            at = match found {
                Some(i) => i,
                None => {
                    let i = self.nodes.len();
                    self.nodes.push((false, Vec::new()));
                    if let Some(n) = self.nodes.get_mut(at) {
                        n.1.push((b, i));
                    }
                    i
                }
            };
        }
        if let Some(n) = self.nodes.get_mut(at) {
            n.0 = !s.is_empty();
        }
    }

    fn child(&self, at: usize, b: u8) -> Option<usize> {
        self.nodes
            .get(at)
            .and_then(|n| n.1.iter().find(|&&(k, _)| k == b).map(|&(_, i)| i))
    }

    /// Is some non-empty member a prefix of `w`?
    fn has_prefix_of(&self, w: &str) -> bool {
        let mut at = 0;
        for b in w.bytes() {
            let Some(i) = self.child(at, b) else {
                return false;
            };
            at = i;
            if self.nodes.get(at).is_some_and(|n| n.0) {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(s: &str) -> bool {
        let w = crate::text::words_of(s);
        let first = w.first().map(String::as_str).unwrap_or("");
        speech_cue_at(first, |k| w.get(k).map(String::as_str))
    }

    #[test]
    fn lexicons_load() {
        assert!(TERM_CUES_BY_LAST
            .get("surnommé")
            .is_some_and(|c| c.iter().any(|c| c == &["surnommé"])));
        assert!(TERM_CUES_BY_LAST
            .get("de")
            .is_some_and(|c| c.iter().any(|c| c == &["sous", "le", "nom", "de"])));
        assert!(TITLE_NOUN_WORDS.contains("quotidien"));
    }

    #[test]
    fn speech_cues_come_from_the_verbs() {
        // Forms of every speech verb (`souffler` and `marteler` alike), their nouns by stem.
        for w in [
            "soufflé",
            "martelé",
            "dit",
            "déclaration",
            "dénonciation",
            "selon",
            "d'après",
            "communiqué",
            "mis en garde",
            "fait savoir",
        ] {
            assert!(cue(w), "{w}");
        }
        // A verb that means "say" only with its particles: not alone.
        for w in ["mis", "fait", "maison", "direction"] {
            assert!(!cue(w), "{w}");
        }
    }
}
