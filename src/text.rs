//! Character classes and the word splitter every stage shares: quotation marks, paragraph
//! breaks, padding spaces, letters and digits (with a Latin fast path), lowercasing, char
//! boundary clamps, and [`Words`], the one cutter of text into lowercase words (elided articles
//! keep their apostrophe: `l'`, `d'`) used by classification and by the lexicon loader.
//!
//! Complexity: every function is O(1) per char, except the splitter (O(n) in its input, no
//! allocation once its buffers have grown). Edge cases: both apostrophes (`'` and `’`) fold to
//! `'`; case-changing chars whose lowercase is longer (`İ`) are lowercased as `char` does.

/// True for the chars recorded as paragraph breaks.
pub(crate) const fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}')
}

/// True for every char the scan records as a quotation mark.
pub(crate) const fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '‹' | '›' | '“' | '”' | '„' | '‘' | '’' | '‚' | '"'
    )
}

/// Spaces allowed between a guillemet and its content.
pub(crate) fn is_padding(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t')
}

/// Either apostrophe.
pub(crate) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// `char::is_alphanumeric` without the Unicode tables (1 KB of the wasm, gzipped): exact on
/// ASCII, Latin-1 and Latin Extended, the scripts of French text; beyond, every char is a
/// letter except those of the blocks that hold only punctuation, symbols, marks and emoji
/// ([`no_letters`]), so a word of another script stays one word.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        c.is_ascii_alphanumeric()
    } else if u < 0x100 {
        // ª µ º ² ³ ¹ ¼ ½ ¾, and the letters from À except × and ÷.
        matches!(u, 0xAA | 0xB5 | 0xBA | 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE)
            || u >= 0xC0 && u != 0xD7 && u != 0xF7
    } else if u < 0x250 {
        true // Latin Extended-A and -B: letters only
    } else {
        !no_letters(u)
    }
}

/// `char::is_alphabetic` as [`is_alnum`] reads it: the same, less ASCII and Latin-1 digits.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    is_alnum(c) && !c.is_ascii_digit() && !matches!(c, '²' | '³' | '¹' | '¼' | '½' | '¾')
}

/// The blocks with no letter nor digit: combining marks, General Punctuation, currency,
/// arrows and operators, box drawing to dingbats (their circled digits aside), supplemental
/// punctuation, CJK punctuation, surrogates and private use, variation selectors, small and
/// fullwidth punctuation, specials, emoji and tags.
const fn no_letters(u: u32) -> bool {
    matches!(
        u,
        0x300..=0x344
            | 0x346..=0x362
            | 0x2000..=0x206F
            | 0x20A0..=0x20FF
            | 0x2190..=0x23FF
            | 0x2500..=0x2775
            | 0x2794..=0x2BFF
            | 0x2E00..=0x2E2E
            | 0x2E30..=0x2E7F
            | 0x3000..=0x3004
            | 0x3008..=0x3020
            | 0xD800..=0xF8FF
            | 0xFE00..=0xFE0F
            | 0xFE30..=0xFE6F
            | 0xFF00..=0xFF0F
            | 0xFF1A..=0xFF20
            | 0xFF3B..=0xFF40
            | 0xFF5B..=0xFF65
            | 0xFFF0..=0xFFFF
            | 0x1F000..=0x1F0FF
            | 0x1F18A..=0x1FAFF
            | 0xE0000..=0xE007F
    )
}

/// A char test answered by `ascii` for ASCII, by `latin1` (on the code point) for the rest of
/// Latin-1, and by the Unicode tables (`other`) beyond.
#[inline]
fn by_block(
    c: char,
    ascii: fn(&u8) -> bool,
    latin1: fn(u32) -> bool,
    other: fn(char) -> bool,
) -> bool {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => ascii(&b),
        Ok(b) => latin1(u32::from(b)),
        Err(_) => other(c),
    }
}

/// `char::is_uppercase` on the scripts of the names French copy prints (those [`lower_char`]
/// lowercases: Latin, Greek, Cyrillic), without the Unicode case tables (1 KB of the wasm,
/// gzipped); a capital of another script is not one here.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    by_block(
        c,
        u8::is_ascii_uppercase,
        |u| (0xC0..=0xDE).contains(&u) && u != 0xD7,
        |c| lower_char(c) != c,
    )
}

/// `char::is_lowercase` on the same scripts as [`is_upper`], without the tables.
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    by_block(
        c,
        u8::is_ascii_lowercase,
        |u| matches!(u, 0xAA | 0xB5 | 0xBA) || u >= 0xDF && u != 0xF7,
        |c| {
            let u = c as u32;
            match u {
                0x100..=0x137 | 0x14A..=0x177 => u % 2 == 1,
                0x139..=0x148 | 0x179..=0x17E => u % 2 == 0,
                0x138 | 0x149 | 0x17F => true,
                0x390 | 0x3AC..=0x3CE => true,
                0x430..=0x45F => true,
                _ => false,
            }
        },
    )
}

/// `str::trim_start_matches` and `trim_end_matches` with a plain function as the pattern: one
/// compiled trimmer for every caller, where each closure or char array passed to `str` is a copy
/// of it in the wasm (chosen for size).
pub(crate) trait TrimBy {
    /// `self.trim_start_matches(drop)`.
    fn trim_start_by(&self, drop: fn(char) -> bool) -> &str;
    /// `self.trim_end_matches(drop)`.
    fn trim_end_by(&self, drop: fn(char) -> bool) -> &str;
}

impl TrimBy for str {
    #[inline(never)]
    fn trim_start_by(&self, drop: fn(char) -> bool) -> &str {
        self.trim_start_matches(drop)
    }

    #[inline(never)]
    fn trim_end_by(&self, drop: fn(char) -> bool) -> &str {
        self.trim_end_matches(drop)
    }
}

/// `char::is_whitespace`, with the common cases first.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    match c as u32 {
        0x20 | 0x09..=0x0D => true,
        u if u < 0x80 => false,
        0xA0 | 0x202F | 0x2009 => true,
        _ => c.is_whitespace(),
    }
}

/// `c` lowercased, one char for one, without the Unicode case tables (14 KB of the wasm): ASCII,
/// Latin-1, Latin Extended-A (`Œ`, `Ł`, `Ş`…), Greek and Cyrillic capitals, the scripts of the
/// names French copy prints; any other char is kept as it is. It agrees with
/// `char::to_lowercase` on those blocks except `İ` (`i`, where std gives `i̇`).
#[inline]
pub(crate) fn lower_char(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 63,
        0x391..=0x3AB if u != 0x3A2 => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Appends `c` lowercased ([`lower_char`]).
#[inline]
pub(crate) fn push_lower(out: &mut String, c: char) {
    out.push(lower_char(c));
}

/// `s` lowercased ([`lower_char`]): the one lowercasing every stage uses.
pub(crate) fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // One allocation: a lowercased char is never longer than its capital (`İ` is shorter).
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(lower_char(c));
    }
    out
}

/// `w` lowercased ([`lowercase`]), borrowed when it is ASCII without capitals (the usual case: no
/// copy per word; other words are copied, which keeps the code small for the wasm budget).
pub(crate) fn lowercase_cow(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(lowercase(w))
    }
}

/// The byte range of a text's headline: its first line that is neither blank nor a sentence
/// without quotation marks (a time stamp above the headline, `Mis à jour à 8 h 30.`). Read by the
/// rules of the first line (a kicker heads the article's own headline there, a role there stands
/// for the one person the article gives it), so that what a page puts above the headline does
/// not move them.
pub(crate) fn headline(text: &str) -> (usize, usize) {
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let t = line.trim();
        let preamble = t.is_empty() || t.ends_with('.') && !t.chars().any(is_quote_mark);
        if !preamble {
            return (start, end);
        }
        start = end + 1;
    }
    (text.len(), text.len())
}

/// The parts one after the other in one new string: `format!` without the formatting
/// machinery (each `format!` call site costs the wasm its own argument code).
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// [`lowercase`] as a method, where `str::to_lowercase` would be written.
pub(crate) trait Lowercased {
    fn lowercased(&self) -> String;
}

impl Lowercased for str {
    fn lowercased(&self) -> String {
        lowercase(self)
    }
}

/// A window the rules read around a quote (classify's speech-cue window, attribute's token
/// windows) stops at the start of the quote this many quotes before or after it: however dense
/// the quotes, no text is read by more than a few of them.
pub(crate) const NEIGHBOURS: usize = 4;

/// `i` clamped to the text and moved back to a char boundary.
pub(crate) fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `i` clamped to the text and moved forward to a char boundary.
pub(crate) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Asks the CPU to bring the cache line holding `bytes[at]` in (a hint; nothing is read).
#[inline(always)]
pub(crate) fn prefetch(bytes: &[u8], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(b) = bytes.get(at) {
        let p: *const u8 = b;
        // SAFETY: a prefetch never faults and has no effect the program can observe; `p`
        // points into `bytes` anyway. (The intrinsic is a safe fn on newer compilers.)
        #[allow(unused_unsafe)]
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast::<i8>());
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (bytes, at);
}

/// The one word splitter: the words of `s` as written, borrowed. Letters, digits and `-` make
/// words; an apostrophe right after a word ends it and belongs to it (`l'`, `qu’`); anything else
/// separates. ASCII bytes are classed without decoding.
pub(crate) fn words(s: &str) -> WordIter<'_> {
    WordIter { s, at: 0 }
}

/// Is each ASCII byte part of a word (letters, digits, `-`)? A table: one load a byte.
const WORD_BYTES: [bool; 128] = word_bytes();

#[allow(clippy::indexing_slicing)] // const fn over in-range indices; a slip is a build error
const fn word_bytes() -> [bool; 128] {
    let mut t = [false; 128];
    let mut b = 0u8;
    while b < 128 {
        t[b as usize] = b.is_ascii_alphanumeric() || b == b'-';
        b += 1;
    }
    t
}

/// Is the ASCII byte `b` (below 0x80) part of a word?
#[inline(always)]
fn word_byte(b: u8) -> bool {
    WORD_BYTES.get(usize::from(b)).copied().unwrap_or(false)
}

/// The iterator of [`words`].
pub(crate) struct WordIter<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> WordIter<'a> {
    /// Is the char at `i` (a char boundary) part of a word, and its length; `None` at the end.
    fn class(&self, i: usize) -> Option<(bool, usize)> {
        let b = *self.s.as_bytes().get(i)?;
        if b < 0x80 {
            return Some((word_byte(b), 1));
        }
        // Two-byte Latin letters, the common case of French text (`é`, `à`, `ç`, `œ`), read
        // without decoding: a lead byte C3 is U+00C0–U+00FF (letters but × and ÷), C4 to C8
        // Latin Extended (letters only); the input is valid UTF-8.
        match b {
            0xC3 => {
                let n = *self.s.as_bytes().get(i + 1)?;
                return Some((n != 0x97 && n != 0xB7, 2));
            }
            0xC4..=0xC8 => return Some((true, 2)),
            _ => {}
        }
        let c = self.s.get(i..)?.chars().next()?;
        Some((is_alnum(c), c.len_utf8()))
    }
}

impl<'a> Iterator for WordIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.s.as_bytes();
        let mut i = self.at;
        // Separators: ASCII ones skipped without decoding.
        let start = loop {
            match bytes.get(i) {
                None => {
                    self.at = i;
                    return None;
                }
                Some(&b) if b < 0x80 => {
                    if word_byte(b) {
                        break i;
                    }
                    i += 1;
                }
                Some(_) => match self.class(i) {
                    Some((true, _)) => break i,
                    Some((false, n)) => i += n,
                    None => {
                        self.at = bytes.len();
                        return None;
                    }
                },
            }
        };
        let mut end = start;
        loop {
            match bytes.get(end) {
                Some(&b) if b < 0x80 => {
                    if !word_byte(b) {
                        break;
                    }
                    end += 1;
                }
                Some(_) => match self.class(end) {
                    Some((true, n)) => end += n,
                    _ => break,
                },
                None => break,
            }
        }
        match bytes.get(end) {
            Some(b'\'') => end += 1,
            // `’` is E2 80 99.
            Some(0xE2) if bytes.get(end + 1..end + 3) == Some(&[0x80, 0x99]) => end += 3,
            _ => {}
        }
        self.at = end;
        self.s.get(start..end)
    }
}

/// The lowercase words of some text ([`words`]), in one reused buffer.
#[derive(Default)]
pub(crate) struct Words {
    buf: String,
    spans: Vec<(usize, usize)>,
}

impl Words {
    pub(crate) fn clear(&mut self) {
        self.buf.clear();
        self.spans.clear();
    }

    /// Appends the words of `s`, lowercased (an apostrophe written `'`).
    pub(crate) fn push_words(&mut self, s: &str) {
        for w in words(s) {
            let start = self.buf.len();
            for c in w.chars() {
                if is_apostrophe(c) {
                    self.buf.push('\'');
                } else {
                    push_lower(&mut self.buf, c);
                }
            }
            self.spans.push((start, self.buf.len()));
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        self.spans.get(i).and_then(|&(a, b)| self.buf.get(a..b))
    }
}

/// The words of `s` as owned strings (for building lexicons, not for the hot path).
pub(crate) fn words_of(s: &str) -> Vec<String> {
    let mut w = Words::default();
    w.push_words(s);
    (0..w.len())
        .filter_map(|i| w.get(i).map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_is_the_first_line_that_is_not_a_plain_sentence() {
        let t = "Mis à jour à 8 h 30.\n\nVIDÉO - «On a tout perdu»\nLe corps.";
        let (s, e) = headline(t);
        assert_eq!(t.get(s..e), Some("VIDÉO - «On a tout perdu»"));
        let t = "Retraites : la ministre promet\nLa suite.";
        assert_eq!(headline(t), (0, 30));
        let t = "Une phrase.\nUne autre.";
        assert_eq!(headline(t), (t.len(), t.len()));
    }

    /// The splitter against a plain reference written with the std char classes.
    fn reference(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        for c in s.chars() {
            if is_alnum(c) || c == '-' {
                cur.push(lower_char(c));
            } else if matches!(c, '\'' | '’') && !cur.is_empty() {
                cur.push('\'');
                out.push(std::mem::take(&mut cur));
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    #[test]
    fn words_keep_elisions() {
        assert_eq!(
            words_of("à l’opération d'été"),
            ["à", "l'", "opération", "d'", "été"]
        );
    }

    #[test]
    fn splitter_matches_the_reference() {
        let pieces = [
            "a", "É", "é", "L", "l", "’", "'", "-", " ", "\u{a0}", ",", ".", "«", "»", "İ",
            "\u{212a}", "ß", "Ÿ", "0", "²", "ǅ", "Σ", "🙂", "\n", "d'", "qu’", "a-t-il", "œ", "Œ",
        ];
        let mut seed: u64 = 0x0dd_c0ff_ee15_600d;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut s = String::new();
            for k in 0..(seed % 16) {
                let r = seed.rotate_left(k as u32 * 5) ^ k.wrapping_mul(0x9e37_79b9);
                s.push_str(pieces[(r % pieces.len() as u64) as usize]);
            }
            assert_eq!(words_of(&s), reference(&s), "{s:?}");
        }
    }

    #[test]
    fn fast_char_classes_agree_with_std() {
        for u in 0..0x3_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            // Exact on Latin; beyond, never a letter where std sees none
            // in the blocks read as punctuation and symbols.
            if u < 0x250 {
                assert_eq!(is_alnum(c), c.is_alphanumeric(), "{u:#x}");
            }
            if !is_alnum(c) {
                assert!(!c.is_alphanumeric(), "{u:#x}");
            }
            assert_eq!(
                is_alpha(c),
                is_alnum(c) && (u >= 0x100 || c.is_alphabetic()),
                "{u:#x}"
            );
            assert_eq!(is_space(c), c.is_whitespace(), "{u:#x}");
            // The blocks `lower_char` covers agree with std, `İ` aside; others are kept.
            let covered = u < 0x180 || (0x386..=0x3CE).contains(&u) || (0x400..0x460).contains(&u);
            // Case: std's answer on those blocks; no capital nor small letter beyond.
            assert_eq!(is_upper(c), covered && c.is_uppercase(), "{u:#x}");
            assert_eq!(is_lower(c), covered && c.is_lowercase(), "{u:#x}");
            if covered && u != 0x130 && c.to_lowercase().count() == 1 {
                assert_eq!(Some(lower_char(c)), c.to_lowercase().next(), "{u:#x}");
            }
        }
    }
}
