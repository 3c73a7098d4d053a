//! Tokens of the windows the rules read: words (lowercase form and word-class bits looked up
//! once), punctuation and paragraph breaks; the tokeniser, the word tests the rules share, where
//! a sentence starts, and [`Back`], the reusable tokens of the window before a quote.

use crate::text::Lowercased;
use std::ops::Deref;

use crate::lexicon;
use crate::lexicon::grammar::*;
use crate::lexicon::{Gender, Pronoun};
use crate::text::{is_apostrophe, is_lower, is_padding, is_space, is_upper};

/// Counts bytes read in windows into the shared work counter (see [`crate::analyze_counting`]).
pub(super) fn count_work(n: usize) {
    crate::work::tick(n as u64);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Punct(char),
    /// A line break: a paragraph boundary.
    Break,
}

#[derive(Clone, Debug)]
pub(super) struct Tok<'t> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) s: &'t str,
    pub(super) lower: Lower<'t>,
    pub(super) kind: Kind,
    /// The word lists holding `lower` (`C_*` bits); 0 for marks and breaks.
    pub(super) class: u32,
    /// [`lexicon::verb`] of `lower`, once looked up.
    pub(super) verb: std::cell::Cell<Option<Option<&'static [lexicon::Sense]>>>,
}

impl Tok<'_> {
    pub(super) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub(super) fn is(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.lower == w
    }
    pub(super) fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    pub(super) fn capitalised(&self) -> bool {
        self.kind == Kind::Word && self.s.chars().next().is_some_and(is_upper)
    }
    pub(super) fn lowercase_word(&self) -> bool {
        self.kind == Kind::Word && self.s.chars().next().is_some_and(is_lower)
    }
}

pub(super) const ELIDED: [&str; 14] = [
    "l", "d", "s", "n", "qu", "j", "m", "c", "t", "lorsqu", "jusqu", "puisqu", "quoiqu", "presqu",
];

pub(super) fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c) || c == '-' || c == '_'
}

/// Tokenises `text[from..to]` (both cut to char boundaries by the caller).
#[cfg(test)]
pub(super) fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let _ = tokenize_into(&mut toks, text, from, to, false);
    toks
}

/// Tokenises `text[from..to]` into `toks` (cleared first), stopping after the first sentence end
/// when `one_sentence` (the after-quote rules never read further). Returns where it stopped
/// (`to` when it read everything).
pub(super) fn tokenize_into<'t>(
    toks: &mut Vec<Tok<'t>>,
    text: &'t str,
    from: usize,
    to: usize,
    one_sentence: bool,
) -> usize {
    toks.clear();
    let slice = text.get(from..to).unwrap_or("");
    let bytes = slice.as_bytes();
    // The char at byte `k` of the slice (ASCII without decoding).
    let char_at = |k: usize| match bytes.get(k) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => slice.get(k..).and_then(|r| r.chars().next()),
        None => None,
    };
    let mut pos = 0;
    let mut read = slice.len();
    while let Some(c) = char_at(pos) {
        let i = pos;
        pos += c.len_utf8();
        if one_sentence && toks.last().is_some_and(is_sentence_end) {
            read = i;
            break;
        }
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            if toks.last().map(|t| t.kind) != Some(Kind::Break) {
                toks.push(Tok {
                    start: from + i,
                    end: from + i + c.len_utf8(),
                    s: "\n",
                    lower: Lower::Borrowed(""),
                    kind: Kind::Break,
                    class: 0,
                    verb: Default::default(),
                });
            }
            continue;
        }
        if is_space(c) || is_padding(c) {
            continue;
        }
        if crate::text::is_alnum(c) {
            let mut end = pos;
            while let Some(d) = char_at(pos) {
                let j = pos;
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    pos = end;
                } else if is_apostrophe(d) {
                    // Elision: `l'`, `qu’`: the apostrophe ends the token. Otherwise
                    // (`aujourd'hui`, `O'Neill`) it stays inside the word.
                    let word = slice.get(i..end).unwrap_or("");
                    end = j + d.len_utf8();
                    pos = end;
                    if ELIDED.iter().any(|e| e.eq_ignore_ascii_case(word)) {
                        break;
                    }
                } else if d == '.' {
                    // `M.`, `MM.`, initials `J.`: keep the period in the word.
                    let word = slice.get(i..end).unwrap_or("");
                    let mut chars = word.chars();
                    let initial = chars.next().is_some() && chars.next().is_none() && is_upper(c);
                    let title = lexicon::DOTTED_TITLES.contains(&word);
                    if initial || title {
                        end = j + 1;
                        pos = end;
                    }
                    break;
                } else {
                    break;
                }
            }
            let s = slice.get(i..end).unwrap_or("");
            // A word may end with a hyphen only inside an inversion; trim stray ones.
            let s = s.trim_end_matches('-');
            let end = i + s.len();
            let (lower, class) = lower_and_class(s);
            toks.push(Tok {
                start: from + i,
                end: from + end,
                s,
                class,
                verb: Default::default(),
                lower,
                kind: Kind::Word,
            });
            continue;
        }
        toks.push(Tok {
            start: from + i,
            end: from + i + c.len_utf8(),
            s: slice.get(i..i + c.len_utf8()).unwrap_or(""),
            lower: Lower::Borrowed(""),
            // A vertical bar separates like a dash (`QUÉBEC | Le ministre…`, a dateline).
            kind: Kind::Punct(if c == '|' { '—' } else { c }),
            class: 0,
            verb: Default::default(),
        });
    }
    count_work(read);
    from + read
}

/// A position in `from..to` at or after `from` where a tokeniser can start and give the same
/// tokens from there on as one that started earlier: an ASCII space right after a char that
/// belongs to a token (a space is never read inside a token, and the token before it is not a
/// break, so line breaks after it merge the same way).
pub(super) fn sync_point(text: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from.max(1);
    while i < to {
        if bytes.get(i) == Some(&b' ') {
            let prev = text.get(..i).and_then(|h| h.chars().next_back());
            if prev.is_some_and(|c| !c.is_whitespace() && !is_padding(c)) {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// The last sync point at or before `at` and after `lo` (see [`sync_point`]).
pub(super) fn sync_point_back(text: &str, lo: usize, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i > lo.max(1) {
        if bytes.get(i) == Some(&b' ') {
            let prev = text.get(..i).and_then(|h| h.chars().next_back());
            if prev.is_some_and(|c| !c.is_whitespace() && !is_padding(c)) {
                return Some(i);
            }
        }
        i -= 1;
    }
    None
}

/// Tokens of the end of a window before a quote, kept so that the next rule reading the same
/// window can reuse them.
pub(super) struct Back<'t> {
    pub(super) toks: Vec<Tok<'t>>,
    /// Where tokenising started, whether that is a sync point, and where it stopped.
    pub(super) from: usize,
    pub(super) synced: bool,
    pub(super) to: usize,
    /// Tokens of a stretch to put in front of `toks`.
    pub(super) scratch: Vec<Tok<'t>>,
    /// No window starts before this byte (see [`crate::text::NEIGHBOURS`]).
    pub(super) floor: usize,
}

impl<'t> Back<'t> {
    pub(super) fn new() -> Self {
        Back {
            toks: Vec::new(),
            from: 0,
            synced: false,
            to: usize::MAX,
            scratch: Vec::new(),
            floor: 0,
        }
    }

    /// Tokenises the end of `text[lo..to]`: from a sync point as near `to` as `enough` allows
    /// (first just before the `ends`-th sentence punctuation back from `to`, then 128, 256…
    /// bytes back), else the whole range. The tokens are the tail of what tokenising the whole
    /// range gives, so a rule that reads only what `enough` checked sees the same tokens. Tokens
    /// already held for the same `to` are reused when they start late enough and suffice.
    pub(super) fn tokenize(
        &mut self,
        text: &'t str,
        lo: usize,
        to: usize,
        ends: usize,
        enough: impl Fn(&[Tok]) -> bool,
    ) {
        let lo = lo.max(self.floor).min(to);
        // Tokens of the whole range are all there is to read (tokenising again would give the
        // same), and a suffix from a sync point serves when it is enough.
        if self.to == to && (self.from == lo || self.synced && self.from > lo && enough(&self.toks))
        {
            return;
        }
        let hay = text.as_bytes().get(lo..to).unwrap_or(&[]);
        let mut seen = 0;
        let guess = hay.iter().rposition(|&b| {
            seen += usize::from(matches!(b, b'.' | b'!' | b'?' | b';' | b'\n'));
            seen == ends
        });
        let mut span = 128;
        if let Some(p) = guess.and_then(|g| sync_point_back(text, lo, lo + g)) {
            self.start_at(text, p, to, true);
            if enough(&self.toks) {
                return;
            }
            span = span.max((to - p) * 2);
        }
        while to.saturating_sub(span) > lo {
            if let Some(p) = sync_point(text, to - span, to) {
                self.start_at(text, p, to, true);
                if enough(&self.toks) {
                    return;
                }
            }
            span *= 2;
        }
        self.start_at(text, lo, to, false);
    }

    /// Makes the tokens those of `text[p..to]`. Tokens held for the same `to` from a later sync
    /// point are kept: only `text[p..from]` is tokenised, in front of them (a tokeniser reaching
    /// a sync point goes on as one that starts there).
    pub(super) fn start_at(&mut self, text: &'t str, p: usize, to: usize, p_synced: bool) {
        if self.to == to && self.synced && p <= self.from {
            if p < self.from {
                let _ = tokenize_into(&mut self.scratch, text, p, self.from, false);
                self.scratch.append(&mut self.toks);
                std::mem::swap(&mut self.scratch, &mut self.toks);
            }
        } else {
            let _ = tokenize_into(&mut self.toks, text, p, to, false);
        }
        (self.from, self.synced, self.to) = (p, p_synced, to);
    }
}

/// [`lexicon::pronoun`] of the token's lowercase form, from its class bits.
pub(super) fn tok_pronoun(t: &Tok) -> Option<Pronoun> {
    (t.class & C_PRONOUN != 0).then_some(Pronoun {
        gender: Gender::feminine_if(t.class & C_PRONOUN_FEM != 0),
        plural: t.class & C_PRONOUN_PLURAL != 0,
    })
}

/// A token's lowercase form: borrowed from the text (a lowercase word) or from the word lists
/// (`Le`, `Selon`), written on the stack for another short capitalised ASCII word (`Martin`),
/// and owned only for a longer or non-ASCII capitalised word (`État`).
#[derive(Clone, Debug)]
pub(super) enum Lower<'t> {
    Borrowed(&'t str),
    Inline(Ascii),
    Owned(String),
}

/// The longest lowercase form [`Lower`] holds on the stack, in bytes.
const INLINE: usize = 24;

/// At most [`INLINE`] ASCII bytes; only [`Ascii::new`] makes one, so the bytes are always
/// ASCII, hence UTF-8.
#[derive(Clone, Debug)]
pub(super) struct Ascii {
    len: u8,
    buf: [u8; INLINE],
}

impl Ascii {
    /// `s` lowercased, when it is ASCII and short enough.
    fn new(s: &str) -> Option<Ascii> {
        let bytes = s.as_bytes();
        let mut buf = [0u8; INLINE];
        let b = buf.get_mut(..bytes.len())?;
        if !bytes.is_ascii() {
            return None;
        }
        b.copy_from_slice(bytes);
        b.make_ascii_lowercase();
        Some(Ascii {
            len: u8::try_from(bytes.len()).ok()?,
            buf,
        })
    }

    fn as_str(&self) -> &str {
        let b = self.buf.get(..usize::from(self.len)).unwrap_or(&[]);
        // SAFETY: `new` wrote only ASCII bytes (checked) in `buf[..len]`, and nothing else
        // writes them: ASCII is UTF-8. This deref runs at every word test of a name token, so
        // it skips the validation.
        unsafe { std::str::from_utf8_unchecked(b) }
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    // Not inlined in the wasm build: the match at every word test would cost code size.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            Lower::Inline(a) => a.as_str(),
            Lower::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl PartialEq<String> for Lower<'_> {
    fn eq(&self, other: &String) -> bool {
        **self == **other
    }
}

/// A word's lowercase form and its `C_*` bits. A capitalised ASCII word of the lists borrows the
/// lists' lowercase copy (`Le`, `Selon`, `Il`); other short ASCII words are lowercased on the
/// stack: only long or non-ASCII capitalised words are copied to the heap.
pub(super) fn lower_and_class(s: &str) -> (Lower<'_>, u32) {
    // A lone capital `A` is the preposition `À` written without its accent (`A Genève, la
    // conseillère d'Etat…`, Swiss and older copy): the verb `a` never opens a sentence alone.
    if s == "A" {
        return (Lower::Borrowed("à"), class_of("à"));
    }
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return (Lower::Borrowed(s), class_of(s));
        }
        if let Some(a) = Ascii::new(s) {
            if let Some((k, c)) = CLASSES.map.get_key_value(a.as_str()) {
                return (Lower::Borrowed(k), *c);
            }
            return (Lower::Inline(a), 0);
        }
        let l = s.to_ascii_lowercase();
        let c = class_of(&l);
        return (Lower::Owned(l), c);
    }
    if s.chars().any(is_upper) {
        let l = s.lowercased();
        let c = class_of(&l);
        (Lower::Owned(l), c)
    } else {
        (Lower::Borrowed(s), class_of(s))
    }
}

/// Is the word in one of the lists `c` names (`in_list` for the big lists)?
pub(super) fn in_class(t: &Tok, c: u32) -> bool {
    t.class & c != 0
}

pub(super) fn in_list(t: &Tok, list: &[&str]) -> bool {
    t.kind == Kind::Word && list.contains(&t.lower.as_ref())
}

pub(super) fn is_adverb(t: &Tok) -> bool {
    t.lowercase_word()
        && (t.class & C_ADVERB != 0
            || (t.lower.ends_with("ment") && t.lower.chars().nth(5).is_some()))
        || t.kind == Kind::Word && t.s.chars().all(|c| c.is_ascii_digit())
}

/// An adverb at position `k`: not a `-ment` noun after an article (`le gouvernement`).
pub(super) fn adverb_at(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    // `cette` and a time are one adverb (`cette semaine`, `cette fois`); `cette habitante`,
    // `cette dernière` are noun phrases.
    let time_after_cette = |n: &Tok| is_adverb(n) && !in_list(n, &["dernière", "prochaine"]);
    if t.is("cette") {
        return toks.get(k + 1).is_some_and(time_after_cette);
    }
    is_adverb(t)
        && !(k > 0
            && toks.get(k - 1).is_some_and(|p| match p.is("cette") {
                true => !time_after_cette(t),
                false => in_class(p, C_DET) || in_class(p, C_COMPLEMENT) || in_class(p, C_PREP),
            }))
}

pub(super) fn is_sentence_end(t: &Tok) -> bool {
    matches!(t.kind, Kind::Break) || matches!(t.punct(), Some('.' | '!' | '?' | '…' | ';'))
}

/// A word that can be part of a proper name: capitalised, or a particle inside one; or a noun
/// of people that stands without an article as a name does (`maman disait :`).
pub(super) fn is_name_word(t: &Tok) -> bool {
    t.lowercase_word() && lexicon::is_bare_person(&t.lower)
        || t.capitalised()
        && !in_class(t, C_DET)
        && !in_class(t, C_COMPLEMENT)
        && !in_class(t, C_CLAUSE)
        && !in_class(t, C_PREP)
        // `Pour Cécile Arnaud, …`, `Selon Paul Morel, …`: a source's word, not a name's.
        && !in_list(t, &["pour", "selon"])
        || lexicon::is_title(t.s)
}

/// Index of the first token of the sentence that ends the token list (the quote's sentence).
/// A colon at the end of a paragraph lets the sentence continue onto the next line.
pub(super) fn sentence_start(toks: &[Tok]) -> usize {
    sentence_scan(toks).0
}

/// [`sentence_start`] when tokens further back could not change it: `None` when the search
/// reached the first token (no sentence end, or a line break whose colon test would read
/// further back).
pub(super) fn sentence_start_known(toks: &[Tok]) -> Option<usize> {
    let (i, known) = sentence_scan(toks);
    known.then_some(i)
}

/// The sentence start, and whether tokens further back could change it.
fn sentence_scan(toks: &[Tok]) -> (usize, bool) {
    let mut i = toks.len();
    while i > 0 {
        let Some(t) = toks.get(i - 1) else { break };
        if is_sentence_end(t) {
            if t.kind == Kind::Break {
                // `X lui dit :⏎— «Q»`: look through the break after a colon.
                let mut k = i - 1;
                while k > 0
                    && toks.get(k - 1).is_some_and(|p| {
                        p.kind == Kind::Break || matches!(p.punct(), Some('—' | '–'))
                    })
                {
                    k -= 1;
                }
                if k == 0 {
                    return (i, false);
                }
                let colon = toks.get(k - 1).and_then(Tok::punct) == Some(':');
                let only_marks = toks
                    .get(i..)
                    .is_some_and(|r| r.iter().all(|t| !t.is_word()));
                if colon && only_marks {
                    i = k;
                    continue;
                }
            }
            // `M.` and initials were kept inside words; a period after a closing quote mark
            // still ends the sentence.
            return (i, true);
        }
        i -= 1;
    }
    (i, false)
}

/// Enough tokens for the rules that read the quote's sentence and the one before it
/// ([`floating`], [`antecedent_within`]): both sentence starts are known, and a word ends the previous
/// sentence.
pub(super) fn two_sentences_known(toks: &[Tok]) -> bool {
    let Some(start) = sentence_start_known(toks) else {
        return false;
    };
    let prev = before_sentence(toks, start);
    !prev.is_empty() && sentence_start_known(prev).is_some()
}

/// [`two_sentences_known`], and the sentence before those as well.
pub(super) fn three_sentences_known(toks: &[Tok]) -> bool {
    two_sentences_known(toks) && two_sentences_known(before_sentence(toks, sentence_start(toks)))
}

/// The tokens before the sentence starting at `start`, without the marks that end them: they
/// end on the last word of the sentence before (the one every "sentence before" rule reads).
pub(super) fn before_sentence<'a, 't>(toks: &'a [Tok<'t>], start: usize) -> &'a [Tok<'t>] {
    let mut end = start;
    while end > 0 && toks.get(end - 1).is_some_and(|t| !t.is_word()) {
        end -= 1;
    }
    toks.get(..end).unwrap_or(&[])
}

/// Index just past the last word of `toks` ignoring trailing breaks and dashes (`:⏎— «`).
pub(super) fn trailing<'a, 't>(toks: &'a [Tok<'t>]) -> Option<&'a Tok<'t>> {
    toks.iter()
        .rev()
        .find(|t| !(t.kind == Kind::Break || matches!(t.punct(), Some('—' | '–' | '-'))))
}

/// The length in tokens of the longest of `phrases` (lowercase words) written at `k`, the
/// apostrophes `'` and `’` alike; 0 when none is.
pub(super) fn phrase_at(toks: &[Tok], k: usize, phrases: &Phrases) -> usize {
    let Some(first) = toks.get(k).filter(|t| t.is_word()) else {
        return 0;
    };
    // The entries write `'`: a word spelt with `’` (longer in bytes) is compared char by char.
    let same = |t: &Tok, w: &str| {
        t.kind == Kind::Word
            && (t.lower.as_bytes() == w.as_bytes()
                || t.lower.len() > w.len()
                    && t.lower
                        .chars()
                        .map(|c| if c == '’' { '\'' } else { c })
                        .eq(w.chars()))
    };
    let mut buf = [0u8; 32];
    let long;
    let candidates = if first.lower.chars().any(|c| c == '’') {
        // `d’` as `d'`, in a buffer on the stack (on the heap for a long word).
        let mut n: usize = 0;
        for c in first.lower.chars().map(|c| if c == '’' { '\'' } else { c }) {
            // Saturating: a word past the buffer adds "too long" once per char (fuzz finding,
            // tests/fuzz_findings.rs).
            n = n.saturating_add(
                buf.get_mut(n..n.saturating_add(c.len_utf8()))
                    .map_or(usize::MAX / 2, |b| c.encode_utf8(b).len()),
            );
        }
        match buf.get(..n).and_then(|b| std::str::from_utf8(b).ok()) {
            Some(k) => phrases.starting_with(k),
            None => {
                long = first.lower.replace('’', "'");
                phrases.starting_with(&long)
            }
        }
    } else {
        phrases.starting_with(&first.lower)
    };
    candidates
        .iter()
        .filter(|p| {
            p.iter()
                .enumerate()
                .skip(1)
                .all(|(n, w)| toks.get(k + n).is_some_and(|t| same(t, w)))
        })
        .map(Vec::len)
        .max()
        .unwrap_or(0)
}
