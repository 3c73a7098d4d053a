//! Stage 2 — pair: turns the scanned marks into quotes, paragraph by paragraph, the way a copy
//! editor reads unbalanced copy.
//!
//! **Families.** Each opener starts a quote of one family and only a closer of that family ends
//! it: French `« … »` (any padding, same-kind nesting allowed), German inward `» … «`, `‹ … ›`,
//! curly doubles `“ … ”` and German `„ … “`, curly singles `‘ … ’` and `‚ … ‘`, straight `" … "`.
//! Directions are read from context: `»` opens (German style) when it is glued to the word after
//! it (`»Nein«`) and either no French quote is open or the very next mark is a `«` glued to the
//! word before it; `«` then closes it when glued to the word before; `“` closes an open `„`,
//! and the typos `“non“` and `”non”` pair by flanking (a glued `“` closes, a glued `”` opens);
//! `’` closes only an open `‘` (otherwise it is an apostrophe); a straight `"` opens before a
//! word and not after one, never against another `"` (`""`, `"a""b"`) and never around a single
//! char (`"a"`, a letter or an inch sign). A closer ends the innermost open
//! quote of its family; quotes opened inside that are still open end just before it
//! (`closed: false`).
//!
//! **Paragraphs.** A quote still open at a paragraph break continues when the next non-blank
//! paragraph *starts* with `«` or `»` (modern and old multi-paragraph style; the mark is
//! consumed). Otherwise, in this order:
//! - `dialogueReply`: the paragraph starts with a dialogue dash (`— Oui, à l'aube.`, older
//!   typography enclosing a whole exchange in one pair of guillemets, or of curly quotes in a
//!   translation): the open quote ends with its paragraph, and the reply is a new quote from the
//!   dash to the next `»` (`”`);
//! - `unmarkedContinuation`: the first mark after it is a `»` within the next [`MAX_HELD`]
//!   paragraphs: the quote ran on through paragraphs that were not reopened and ends there;
//! - otherwise it ends with its own paragraph, unclosed. Blank lines are not paragraphs.
//!
//! **Repairs** (each one listed as a [`Diagnostic`], as are the two readings above):
//! - `unclosed`: a quote never closed ends with its paragraph;
//! - `doubleOpener`: a paragraph that ends with a quote still open while its last mark closed a
//!   same-kind quote nested directly in it (`«contribuer … à des «progrès … durable»`) is one
//!   quote with a doubled opener: the inner opener is dropped and the closer ends the outer quote;
//! - `lateCloser`: a `»` with nothing open, right after a quote that opened its paragraph (a
//!   dialogue reply), means the reply resumed after an incise without a new `«`
//!   (`« Il le faut », reprit-il, et je vous le promets. »`): a second quote, with an empty
//!   `open`, runs from the end of the incise (its first `,` `;` `:` `.` `!` `?`) to this `»`;
//! - `strayCloser`: any other closer with nothing to close is ignored;
//! - `unmatched`: an unpaired `‘`, `‚` or `"` (often an apostrophe or an inch mark) is dropped;
//! - `tooDeep`: an opener with [`MAX_DEPTH`] quotes already open is not opened (its closer is
//!   absorbed); one diagnostic covers every such opener of a paragraph;
//! - `emptyQuote`: in a run of quotes with nothing inside (`«»«»«»…`), only the first
//!   [`MAX_DEPTH`] are kept. Likewise a run of diagnostics of one code with no word between them
//!   keeps its first [`MAX_DEPTH`] and merges the rest: hostile runs of marks give output
//!   proportional to their length, not one quote or one diagnostic per mark;
//! - `quoteRun`: in a run of quotes of one word each with no word between them (`«a»«a»«a»…`,
//!   `»Nein« »Nein« …`, `«Ah» «Ah» …`), only the first [`MAX_RUN`] are kept: no prose holds
//!   such a run (the real articles and novels we measure hold at most three quotes in 64
//!   characters), and a run of them would cost a quote's answer every few bytes.
//!
//! Complexity: O(n), memory bounded by the quotes kept. The marks are scanned a chunk of text at
//! a time; whenever a quote opens with none open, the quotes before are settled (runs of empty
//! quotes dropped, once each) and a run of diagnostics of one code is merged as it is pushed,
//! so hostile runs of marks hold a few quotes and diagnostics in memory, not one per mark.
//! Each mark is handled once, each quote pushed and popped at most once, the
//! per-family counters make "is anything of this family open?" O(1), the only lookahead is the
//! next mark, the blank-paragraph checks read each stretch of text between two consecutive marks
//! at most once, and each paragraph's leading dashes are read once (cached).

use std::borrow::Cow;

use crate::model::{Diagnostic, Quote, QuoteMark};
use crate::scan::Mark;
use crate::text::TrimBy;
use crate::text::{is_quote_mark, prefetch};

/// The kinds of quotation marks; a quote is closed only by a closer of its own family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    French,
    German,
    Single,
    Curly,
    CurlySingle,
    Straight,
}

impl Family {
    const fn index(self) -> usize {
        self as usize
    }
    /// The family of `‹ › „ ”` (the marks with one family only).
    const fn of_opener(c: char) -> Family {
        match c {
            '‹' | '›' => Family::Single,
            _ => Family::Curly,
        }
    }
    /// Families whose unclosed openers are dropped rather than reported as quotes: their marks
    /// double as apostrophes, commas or inch marks.
    const fn fragile(self) -> bool {
        matches!(self, Family::CurlySingle | Family::Straight)
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    qi: usize,
    fam: Family,
}

struct Pairer<'t> {
    text: &'t str,
    quotes: Vec<Quote>,
    removed: Vec<bool>,
    diags: Vec<Diagnostic>,
    stack: Vec<Open>,
    count: [usize; 6],
    /// Open quotes that began with `„` / `‚` (so that `“` / `‘` close them).
    low_double: usize,
    low_single: usize,
    /// Byte offset where the current paragraph's text begins.
    para_start: usize,
    /// No mark has been handled since the last paragraph break.
    at_para_start: bool,
    /// End of the paragraph that was left with quotes open, until the next paragraph decides.
    pending: Option<usize>,
    /// The quote closed by the last mark handled (reset by any other mark).
    last_closed: Option<usize>,
    /// Paragraphs with text but no marks since `pending` was set.
    held: usize,
    /// Cache for [`Pairer::lead_end`]: (paragraph start it was computed for, lead end).
    lead: (Option<usize>, usize),
    /// Openers past [`MAX_DEPTH`] that were not opened, per family (their closers are
    /// absorbed), reset with the paragraph.
    ignored: [usize; 6],
    /// `quotes[..settled]` are final: runs of empty quotes dropped, removed quotes compacted
    /// away ([`Pairer::settle`], each time a quote opens with none open).
    settled: usize,
    /// The runs of empty quotes and of one-word quotes being read by [`Pairer::settle`].
    empty: Run,
    words: Run,
    /// Per diagnostic code: the index of its last diagnostic and how many in a row came with
    /// no word between them ([`Pairer::push_diag`]).
    diag_runs: Vec<(&'static str, usize, usize)>,

    /// Scratch space for [`compact_from`].
    eff: Vec<Option<usize>>,
}

/// How many marks ahead [`pair`] prefetches the text.
const PREFETCH_AHEAD: usize = 8;

/// How many paragraphs without marks a quote left open may run through before a `»` closes it.
pub const MAX_HELD: usize = 8;

/// How deep quotes may nest: an opener with this many quotes open is reported (`tooDeep`, one
/// diagnostic per run) rather than opened, so a run of openers cannot make millions of nested
/// quotes.
pub const MAX_DEPTH: usize = 8;

/// How many quotes of a run of one-word quotes with no word between them are kept (see
/// `quoteRun`).
pub const MAX_RUN: usize = 32;

/// The longest content, in bytes, of a quote that counts in a run of one-word quotes.
const RUN_WORD: usize = 24;

/// How many bytes of text are scanned for marks at a time: the marks held in memory are one
/// chunk's (a multiple of 64, the scan's block).
const CHUNK: usize = 4 * 1024;

/// Scans `text` for marks (stage 1, a chunk at a time) and pairs them into quotes sorted by
/// start, parents before children.
pub fn pair(text: &str) -> (Vec<Quote>, Vec<Diagnostic>) {
    let mut p = Pairer {
        text,
        // Grown as needed: settled runs of hostile marks are dropped as they end.
        quotes: Vec::with_capacity((text.len() / 256).min(1 << 16)),
        removed: Vec::new(),
        diags: Vec::new(),
        stack: Vec::new(),
        count: [0; 6],
        low_double: 0,
        low_single: 0,
        para_start: 0,
        at_para_start: true,
        pending: None,
        last_closed: None,
        held: 0,
        lead: (None, 0),
        ignored: [0; 6],
        settled: 0,
        empty: Run::default(),
        words: Run::default(),
        diag_runs: Vec::new(),

        eff: Vec::new(),
    };
    // The marks of one chunk, plus the last mark of the chunk before (held back until the mark
    // after it, its lookahead, is known).
    let mut marks: Vec<Mark> = Vec::with_capacity(1024);
    let mut from = 0;
    while from < text.len() {
        let to = from.saturating_add(CHUNK).min(text.len());
        crate::scan::scan_into(text, from, to, &mut marks);
        from = to;
        let last = from >= text.len();
        let ready = if last {
            marks.len()
        } else {
            marks.len().saturating_sub(1)
        };
        for i in 0..ready {
            crate::work::tick(1);
            // The text around a mark a few marks ahead is fetched while this one is handled.
            if let Some(ahead) = marks.get(i + PREFETCH_AHEAD) {
                prefetch(text.as_bytes(), ahead.pos.saturating_sub(1));
            }
            if let Some(m) = marks.get(i) {
                p.mark(m, marks.get(i + 1));
            }
        }
        marks.drain(..ready);
    }
    // The end of the text ends its last paragraph as a line break would: a dialogue reply on the
    // last line is a reply too (found by fuzzing, tests/fixtures/detection/paragraphs.txt).
    if p.at_para_start && p.para_start < text.len() {
        let end = Mark {
            pos: text.len(),
            ch: '\n',
        };
        p.mark(&end, None);
    }
    if p.pending.is_none() && !p.stack.is_empty() {
        p.pending = Some(text.len());
    }
    p.finish_paragraph();
    p.settle();
    let diags = coalesce(text, by_start(p.diags));
    (p.quotes, diags)
}

/// The diagnostics in order of start, ties in the order they were found. Most texts give them in
/// order already; otherwise a heapsort of (start, index) pairs, where the standard library's
/// stable sort cost 4.6 KB of wasm for this one call.
fn by_start(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if diags.is_sorted_by_key(|d| d.start) {
        return diags;
    }
    let mut keys: Vec<(usize, usize)> = diags.iter().map(|d| d.start).zip(0..).collect();
    heapsort(&mut keys);
    let mut slots: Vec<Option<Diagnostic>> = diags.into_iter().map(Some).collect();
    keys.iter()
        .filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// Sorts `v` in place in O(n log n) time and no extra memory.
fn heapsort<T: Ord>(v: &mut [T]) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Moves `v[root]` down the max-heap `v[..end]` to its place.
fn sift_down<T: Ord>(v: &mut [T], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v.get(child) < v.get(child + 1) {
            child += 1;
        }
        if v.get(root) >= v.get(child) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

/// In each run of diagnostics of one code separated only by marks, dashes and spaces (no letter
/// or digit between them), the first [`MAX_DEPTH`] stay and the rest merge into one spanning
/// them: a run of hostile marks gives a few diagnostics, not one per mark.
fn coalesce(text: &str, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len().min(1024));
    let mut run = 0;
    for d in diags {
        if let Some(last) = out.last_mut() {
            let gap = text.get(last.end..d.start).unwrap_or("x");
            crate::work::tick(gap.len() as u64);
            let same_run = last.code == d.code && last.end <= d.start && no_word(gap);
            run = if same_run { run + 1 } else { 0 };
            if run > MAX_DEPTH {
                last.end = last.end.max(d.end);
                continue;
            }
        }
        out.push(d);
    }
    out
}

/// Pushes `d`, or with `merge` extends the last diagnostic over it (no allocation per mark of
/// a hostile run).
fn push_merged(diags: &mut Vec<Diagnostic>, merge: bool, d: Diagnostic) {
    match diags.last_mut() {
        Some(last) if merge => last.end = last.end.max(d.end),
        _ => diags.push(d),
    }
}

/// No letter or digit in `s` (the marks, dashes and spaces of hostile runs answered without
/// the Unicode tables).
/// A run of quotes of one shape (empty, or one word) with no word between them, read by
/// [`Pairer::settle`]: its length, its last end and the index of its diagnostic.
#[derive(Default)]
struct Run {
    len: usize,
    last_end: Option<usize>,
    diag: Option<usize>,
}

impl Run {
    /// Adds the quote `d` spans to the run: true when it is past the first `keep` and is to be
    /// dropped, reported by `d` (the run's one diagnostic, extended over the rest).
    fn step(
        &mut self,
        text: &str,
        d: Diagnostic,
        keep: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        let joined = self
            .last_end
            .and_then(|e| text.get(e..d.start))
            .is_some_and(no_word);
        self.len = if joined { self.len + 1 } else { 1 };
        self.last_end = Some(d.end.max(d.start));
        if self.len <= keep {
            return false;
        }
        match self.diag.and_then(|k| diags.get_mut(k)) {
            Some(last) if self.len > keep + 1 => last.end = last.end.max(d.end),
            _ => {
                self.diag = Some(diags.len());
                diags.push(d);
            }
        }
        true
    }
}

fn no_word(s: &str) -> bool {
    !s.chars().any(|c| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            !is_quote_mark(c)
                && !matches!(c, '—' | '–' | '\u{a0}' | '\u{202f}' | '\u{2029}' | '…')
                && crate::text::is_alnum(c)
        }
    })
}

/// Drops the removed quotes of `quotes[from..]` and renumbers their parents (a removed quote's
/// children go to its parent), in place, in time proportional to the quotes from `from` on;
/// `eff` is scratch space.
fn compact_from(
    quotes: &mut Vec<Quote>,
    removed: &[bool],
    from: usize,
    eff: &mut Vec<Option<usize>>,
) {
    crate::work::tick(quotes.len().saturating_sub(from) as u64);
    // For each old index from `from`: the new index of the nearest kept quote at or above it.
    eff.clear();
    let mut kept = from;
    for i in from..quotes.len() {
        let Some(q) = quotes.get_mut(i) else { break };
        let parent = match q.parent {
            Some(p) if p < from => Some(p),
            Some(p) => eff.get(p - from).copied().flatten(),
            None => None,
        };
        if removed.get(i).copied().unwrap_or(false) {
            eff.push(parent);
        } else {
            q.parent = parent;
            eff.push(Some(kept));
            // `kept <= i < len`: the swap stays in bounds.
            quotes.swap(kept, i);
            kept += 1;
        }
    }
    quotes.truncate(kept);
}

/// [`compact_from`] on the whole list.
#[cfg(test)]
fn compact(quotes: &mut Vec<Quote>, removed: &[bool]) {
    compact_from(quotes, removed, 0, &mut Vec::new());
}

/// The copying version of [`compact`] it replaced, kept to check it.
#[cfg(test)]
fn compact_copying(quotes: Vec<Quote>, removed: &[bool]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    // For each old index: the new index of the nearest kept quote at or above it.
    let mut eff: Vec<Option<usize>> = Vec::with_capacity(quotes.len());
    for (i, mut q) in quotes.into_iter().enumerate() {
        crate::work::tick(1);
        let parent = q.parent.and_then(|p| eff.get(p).copied().flatten());
        if removed.get(i).copied().unwrap_or(false) {
            eff.push(parent);
        } else {
            q.parent = parent;
            eff.push(Some(out.len()));
            out.push(q);
        }
    }
    out
}

/// Where a paragraph's leading dialogue dash is (offset in `gap`, the dash), if it has one: an
/// em dash, an en dash, the horizontal bar some editions set (`― Oui.`), or two hyphens before a
/// space as typewritten and plain-text editions write it (`-- Oui.`), returned as `-`.
fn dash_at(gap: &str) -> Option<(usize, char)> {
    let body = gap.trim_start();
    let at = gap.len() - body.len();
    if body
        .strip_prefix("--")
        .is_some_and(|r| r.starts_with(char::is_whitespace))
    {
        return Some((at, '-'));
    }
    let ch = body
        .chars()
        .next()
        .filter(|c| matches!(c, '—' | '–' | '―'))?;
    Some((at, ch))
}

/// `x"` at `pos`: a straight pair around one char (`"a"`) is a mark, a letter or an inch sign,
/// not a quote (back to back, they gave a quote every three or four bytes).
fn one_char_then_straight(text: &str, pos: usize) -> bool {
    let mut rest = text.get(pos..).unwrap_or("").chars();
    rest.next().is_some() && rest.next() == Some('"')
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

fn next_char(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

/// Glued to the word after it, with space (or nothing, or an opening bracket) before: `»Nein`.
fn left_flanking_only(text: &str, m: &Mark) -> bool {
    let before_ok = match prev_char(text, m.pos) {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-'),
    };
    let after_word = next_char(text, m.end()).is_some_and(crate::text::is_alnum);
    before_ok && after_word
}

/// Glued to the word before it, with space, punctuation or the end after it: `Nein«`.
fn right_flanking_only(text: &str, m: &Mark) -> bool {
    let before_word =
        prev_char(text, m.pos).is_some_and(|c| !c.is_whitespace() && !is_quote_mark(c));
    let after_ok = !next_char(text, m.end()).is_some_and(crate::text::is_alnum);
    before_word && after_ok
}

impl Pairer<'_> {
    fn mark(&mut self, m: &Mark, next: Option<&Mark>) {
        if self.at_para_start {
            let gap = self.text.get(self.para_start..m.pos).unwrap_or("");
            crate::work::tick(gap.len() as u64);
            let blank = gap.chars().all(char::is_whitespace);
            // `— «` opens a reply with its own guillemets: not a reply inside the open ones.
            let own_marks = m.ch == '«' && {
                let mut one = gap.trim().chars();
                one.next().is_some() && one.next().is_none()
            };
            // (In guillemets, or in the curly quotes of a translation: `“Il n'y a personne,
            // dit-elle.⏎— Il y a toujours quelqu'un. Sonne.”`.)
            let family = if self.open_count(Family::French) > 0 {
                Family::French
            } else {
                Family::Curly
            };
            let reply = match dash_at(gap) {
                Some(d) if self.pending.is_some() && self.held == 0 && !own_marks => {
                    self.open_count(family).checked_sub(1).map(|_| d)
                }
                _ => None,
            };
            if m.is_break() {
                if let Some((d, ch)) = reply {
                    // A dialogue reply with no marks of its own, inside the open guillemets.
                    self.dialogue_reply(self.para_start + d, ch, family);
                    self.pending = Some(m.pos);
                    self.para_start = m.end();
                    return;
                }
                if !blank && self.pending.is_some() {
                    // A paragraph with text but no marks: the open quote is held, in case a
                    // later paragraph closes it; past MAX_HELD paragraphs it has ended.
                    self.held += 1;
                    if self.held > MAX_HELD {
                        self.finish_paragraph();
                    }
                }
                self.para_start = m.end();
                return;
            }
            self.at_para_start = false;
            if self.pending.is_some() {
                if blank && self.held == 0 && self.continues(m.ch) {
                    self.pending = None;
                    self.last_closed = None;
                    return;
                }
                if let Some((d, ch)) = reply {
                    self.dialogue_reply(self.para_start + d, ch, family);
                } else if m.ch == '»'
                    && self.open_count(Family::French) > 0
                    && (self.held > 0 || !blank)
                {
                    self.unmarked_continuation();
                } else {
                    self.finish_paragraph();
                }
            }
        } else if m.is_break() {
            if !self.stack.is_empty() {
                self.pending = Some(m.pos);
            }
            self.para_start = m.end();
            self.at_para_start = true;
            return;
        }
        let closed_before = self.last_closed.take();
        match m.ch {
            '«' if self.open_count(Family::German) > 0 && right_flanking_only(self.text, m) => {
                self.close(m, Family::German);
            }
            '«' => self.open(m, Family::French),
            '»' => self.guillemet_closer(m, next, closed_before),
            '‹' | '„' => self.open(m, Family::of_opener(m.ch)),
            // `”non”`: with nothing open, a ” glued to the word after opens.
            '”' if self.open_count(Family::Curly) == 0 && left_flanking_only(self.text, m) => {
                self.open(m, Family::Curly);
            }
            '›' | '”' => self.close_or_stray(m, Family::of_opener(m.ch)),
            '“' if self.low_double > 0 => self.close_or_open(m, Family::Curly),
            // `“non“`: a second “ glued to the word before closes (a common typo).
            '“' if self.open_count(Family::Curly) > 0 && right_flanking_only(self.text, m) => {
                self.close(m, Family::Curly);
            }
            '“' => self.open(m, Family::Curly),
            '‚' if left_flanking_only(self.text, m) => self.open(m, Family::CurlySingle),
            '‘' if self.low_single > 0 && self.close(m, Family::CurlySingle) => {}
            '‘' if next_char(self.text, m.end()).is_some_and(|c| !c.is_whitespace()) => {
                self.open(m, Family::CurlySingle);
            }
            '’' => {
                // Closes an open ‘ or ‚; otherwise an apostrophe (`les élèves’ `), ignored.
                self.close(m, Family::CurlySingle);
            }
            '"' if self.close(m, Family::Straight) => {}
            // A straight quote opens before a word, not after one (`5"`), and never against
            // another straight mark: `""` holds nothing and `"a""b"` is a run of marks, not
            // prose (runs of them gave a quote every two or three bytes, issue #17).
            '"' if next_char(self.text, m.end())
                .is_some_and(|c| !c.is_whitespace() && c != '"')
                && !prev_char(self.text, m.pos)
                    .is_some_and(|c| crate::text::is_alnum(c) || c == '"')
                && !one_char_then_straight(self.text, m.end()) =>
            {
                self.open(m, Family::Straight);
            }
            _ => {}
        }
    }

    /// `»`: closes a French quote, opens a German one, or is a late or stray closer.
    fn guillemet_closer(&mut self, m: &Mark, next: Option<&Mark>, closed_before: Option<usize>) {
        // Inside a French quote, `»` opens a German one only when the very next mark is a `«`
        // that can close it: `«Ils criaient »Freiheit« dans les rues»`.
        let german_pair = left_flanking_only(self.text, m)
            && next.is_some_and(|n| n.ch == '«' && right_flanking_only(self.text, n));
        if german_pair && self.open_count(Family::French) > 0 {
            self.open(m, Family::German);
        } else if self.close(m, Family::French) {
        } else if left_flanking_only(self.text, m) {
            self.open(m, Family::German);
        } else if !self.late_closer(m, closed_before) {
            self.stray(m);
        }
    }

    fn close_or_stray(&mut self, m: &Mark, fam: Family) {
        if !self.close(m, fam) {
            self.stray(m);
        }
    }

    fn close_or_open(&mut self, m: &Mark, fam: Family) {
        if !self.close(m, fam) {
            self.open(m, fam);
        }
    }

    /// How many quotes of `fam` are open.
    fn open_count(&self, fam: Family) -> usize {
        self.count.get(fam.index()).copied().unwrap_or(0)
    }

    /// Does a paragraph starting with `ch` continue the quotes left open?
    fn continues(&self, ch: char) -> bool {
        match ch {
            '«' => self.open_count(Family::French) > 0,
            '»' => self.open_count(Family::French) > 0 || self.open_count(Family::German) > 0,
            '“' => self.open_count(Family::Curly) > 0,
            '‹' => self.open_count(Family::Single) > 0,
            _ => false,
        }
    }

    fn open(&mut self, m: &Mark, fam: Family) {
        if self.stack.len() >= MAX_DEPTH {
            if let Some(c) = self.ignored.get_mut(fam.index()) {
                *c += 1;
            }
            // One diagnostic for the openers ignored in a paragraph.
            let joined = self
                .diags
                .last()
                .is_some_and(|d| d.code == "tooDeep" && d.start >= self.para_start);
            push_merged(
                &mut self.diags,
                joined,
                Diagnostic {
                    start: m.pos,
                    end: m.end(),
                    code: "tooDeep",
                    message: Cow::Borrowed(
                        "Quotes nested deeper than this are not read as quotes: the marks were ignored.",
                    ),
                },
            );
            return;
        }
        if self.stack.is_empty() {
            // Every quote so far is final: settle them before the next one.
            self.settle();
        }
        let parent = self.stack.last().map(|o| o.qi);
        let qi = self.quotes.len();
        self.quotes
            .push(Quote::opened(m.pos, m.end(), QuoteMark::of(m.ch), parent));
        self.removed.push(false);
        self.stack.push(Open { qi, fam });
        if let Some(c) = self.count.get_mut(fam.index()) {
            *c += 1;
        }
        match m.ch {
            '„' => self.low_double += 1,
            '‚' => self.low_single += 1,
            _ => {}
        }
    }

    /// Pops the innermost open quote, keeping the counters right.
    fn pop(&mut self) -> Option<Open> {
        let o = self.stack.pop()?;
        crate::work::tick(1);
        if let Some(c) = self.count.get_mut(o.fam.index()) {
            *c = c.saturating_sub(1);
        }
        match self.quotes.get(o.qi).map(|q| q.open.as_str()) {
            Some("„") => self.low_double = self.low_double.saturating_sub(1),
            Some("‚") => self.low_single = self.low_single.saturating_sub(1),
            _ => {}
        }
        Some(o)
    }

    /// Closes the innermost open quote of `fam` at `m`; quotes opened inside it that are still
    /// open end just before `m`. False when nothing of that family is open.
    fn close(&mut self, m: &Mark, fam: Family) -> bool {
        if let Some(c) = self.ignored.get_mut(fam.index()).filter(|c| **c > 0) {
            // The closer of an opener that was not opened.
            *c -= 1;
            return true;
        }
        if self.count.get(fam.index()).copied().unwrap_or(0) == 0 {
            return false;
        }
        while let Some(o) = self.pop() {
            if o.fam == fam {
                if let Some(q) = self.quotes.get_mut(o.qi) {
                    finish_closed(q, self.text, m.pos, m.ch);
                }
                self.last_closed = Some(o.qi);
                return true;
            }
            self.end_unclosed(o, m.pos);
        }
        false
    }

    /// Ends an open quote without its closer at `end` (or drops it, for fragile families).
    fn end_unclosed(&mut self, o: Open, end: usize) {
        let Some(q) = self.quotes.get_mut(o.qi) else {
            return;
        };
        let (start, open) = (q.start, q.open);
        let code = if o.fam.fragile() {
            if let Some(r) = self.removed.get_mut(o.qi) {
                *r = true;
            }
            "unmatched"
        } else {
            finish_unclosed(q, self.text, end);
            "unclosed"
        };
        self.push_diag(Diagnostic {
            start,
            end: start + open.len(),
            code,
            message: if o.fam.fragile() {
                unmatched_message(open)
            } else {
                unclosed_message(open)
            },
        });
    }

    fn stray(&mut self, m: &Mark) {
        self.push_diag(Diagnostic {
            start: m.pos,
            end: m.end(),
            code: "strayCloser",
            message: stray_message(m.ch),
        });
    }

    /// The `lateCloser` repair: `— « Il le faut », reprit-il, et je vous le promets. »`.
    fn late_closer(&mut self, m: &Mark, closed_before: Option<usize>) -> bool {
        let Some(qi) = closed_before else {
            return false;
        };
        let Some(q) = self.quotes.get(qi) else {
            return false;
        };
        if q.parent.is_some() || q.open != "«" || q.start < self.para_start {
            return false;
        }
        let (q_start, first_close) = (q.start, q.end);
        // The quote must open its paragraph (a dialogue reply), dashes allowed before it.
        if self.lead_end() != q_start {
            return false;
        }
        // The quote resumes after the incise: from the first , ; : . ! ? past the closer.
        let gap = self.text.get(first_close..m.pos).unwrap_or("");
        crate::work::tick(gap.len() as u64);
        let body = gap.trim_start_by(|c| c.is_whitespace() || matches!(c, ',' | ';'));
        let skipped = gap.len() - body.len();
        let resume = body
            .char_indices()
            .find(|&(_, c)| matches!(c, ',' | ';' | ':' | '.' | '!' | '?'))
            .map(|(i, c)| first_close + skipped + i + c.len_utf8());
        let diag_at = (first_close.saturating_sub('»'.len_utf8()), first_close);
        match resume {
            Some(at) => {
                let after = self.text.get(at..m.pos).unwrap_or("");
                let start = at + (after.len() - after.trim_start().len());
                let mut cont = Quote {
                    end: m.end(),
                    closed: true,
                    ..Quote::opened(start, start, QuoteMark::NONE, None)
                };
                finish_closed(&mut cont, self.text, m.pos, m.ch);
                self.last_closed = Some(self.quotes.len());
                self.quotes.push(cont);
                self.removed.push(false);
            }
            None => {
                if let Some(q) = self.quotes.get_mut(qi) {
                    finish_closed(q, self.text, m.pos, m.ch);
                }
                self.last_closed = Some(qi);
            }
        }
        self.push_diag(Diagnostic {
            start: diag_at.0,
            end: diag_at.1,
            code: "lateCloser",
            message: "A closing » with nothing open follows a reply whose » came before an \
                      incise: the reply was read as resuming after the incise, up to this »."
                .into(),
        });
        true
    }

    /// Where the current paragraph's text begins once white space and dashes are skipped;
    /// computed once a paragraph, so repeated checks stay linear.
    fn lead_end(&mut self) -> usize {
        if self.lead.0 != Some(self.para_start) {
            let rest = self.text.get(self.para_start..).unwrap_or("");
            let skip = rest
                .char_indices()
                .find(|&(_, c)| !(c.is_whitespace() || matches!(c, '—' | '–' | '-')))
                .map_or(rest.len(), |(i, _)| i);
            crate::work::tick(skip as u64);
            self.lead = (Some(self.para_start), self.para_start + skip);
        }
        self.lead.1
    }

    /// A paragraph opening with a dialogue dash while guillemets are open (the older convention
    /// that encloses a whole exchange in one pair, `« Vous partez ? — Oui. »` over several
    /// paragraphs): the open quote ends with its paragraph and the reply is a new quote that
    /// opens at the dash and closes at the next `»` (or ends with its own paragraph).
    fn dialogue_reply(&mut self, pos: usize, dash: char, family: Family) {
        // The exchange's `»` comes after the replies: a quote closed inside the open one after a
        // colon (`« Il y a écrit : « Homme dangereux ». Vous comprenez ?⏎— Asseyez-vous. »`) is
        // nested in it, not a doubled opener.
        let text = self.text;
        let cited = self
            .last_closed
            .and_then(|ci| self.quotes.get(ci))
            .is_some_and(|c| {
                text.get(..c.start)
                    .is_some_and(|h| h.trim_end().ends_with(':'))
            });
        if cited {
            self.last_closed = None;
        }
        self.finish_paragraph();
        self.open(&Mark { pos, ch: dash }, family);
        // `-` stands for the two hyphens of `-- Oui.`: the mark is both.
        let len = if dash == '-' { 2 } else { dash.len_utf8() };
        if dash == '-' {
            if let Some(q) = self.quotes.last_mut().filter(|q| q.start == pos) {
                q.open = QuoteMark::DOUBLE_HYPHEN;
                q.content_start = pos + len;
                q.content_end = q.content_end.max(pos + len);
                q.end = q.end.max(pos + len);
            }
        }
        self.push_diag(Diagnostic {
            start: pos,
            end: pos + len,
            code: "dialogueReply",
            message: "A dialogue reply inside guillemets opened in an earlier paragraph: read \
                      as a new quote starting at the dash."
                .into(),
        });
    }

    /// The `unmarkedContinuation` repair: the first mark after the paragraph left open is a `»`
    /// in a later paragraph, so the quote ran on through paragraphs that did not reopen it.
    fn unmarked_continuation(&mut self) {
        if let (Some(end), Some(o)) = (self.pending.take(), self.stack.first()) {
            let (start, len) = self
                .quotes
                .get(o.qi)
                .map_or((end, 0), |q| (q.start, q.open.len()));
            self.push_diag(Diagnostic {
                start,
                end: start + len,
                code: "unmarkedContinuation",
                message: "This quote runs on into the next paragraphs, which do not reopen it \
                          with «, up to the » that closes it."
                    .into(),
            });
        }
        self.held = 0;
        self.last_closed = None;
    }

    /// Ends the paragraph left open (`pending`): the double-opener repair, then every quote
    /// still open ends unclosed.
    fn finish_paragraph(&mut self) {
        self.held = 0;
        self.ignored = [0; 6];
        let Some(end) = self.pending.take() else {
            self.last_closed = None;
            return;
        };
        if let (Some(top), Some(ci)) = (self.stack.last().copied(), self.last_closed) {
            let same_kind = matches!(
                (self.quotes.get(top.qi), self.quotes.get(ci)),
                (Some(u), Some(c)) if c.parent == Some(top.qi) && c.open == u.open && c.closed
            );
            if same_kind && matches!(top.fam, Family::French | Family::German | Family::Single) {
                self.merge_double_opener(top, ci);
            }
        }
        while let Some(o) = self.pop() {
            self.end_unclosed(o, end);
        }
        self.last_closed = None;
    }

    /// Pushes a diagnostic; the tenth and later of a run of one code with no word between them
    /// (other codes may come between) extend the run's ninth instead, as [`coalesce`] will at
    /// the end: a hostile run of marks holds a few diagnostics in memory, not one per mark.
    fn push_diag(&mut self, d: Diagnostic) {
        /// Longer gaps are not read here (the final [`coalesce`] reads them): each push reads
        /// a bounded stretch of text.
        const GAP: usize = 256;
        let at = self.diag_runs.iter().position(|r| r.0 == d.code);
        if let Some((_, li, run)) = at.and_then(|k| self.diag_runs.get_mut(k)) {
            let joined = self.diags.get(*li).is_some_and(|last| {
                last.end <= d.start
                    && d.start - last.end <= GAP
                    && self.text.get(last.end..d.start).is_some_and(|gap| {
                        crate::work::tick(gap.len() as u64);
                        no_word(gap)
                    })
            });
            *run = if joined { *run + 1 } else { 0 };
            if *run > MAX_DEPTH {
                if let Some(last) = self.diags.get_mut(*li) {
                    last.end = last.end.max(d.end);
                }
                return;
            }
            *li = self.diags.len();
        } else {
            self.diag_runs.push((d.code, self.diags.len(), 0));
        }
        self.diags.push(d);
    }

    /// Settles the quotes pushed since the last call, none of which is open any more: in a run
    /// of quotes with nothing inside but spaces and dashes (`«»«»«»`, openers each ending its
    /// paragraph) and nothing but marks between them, the first [`MAX_DEPTH`] stay and the rest
    /// are dropped, reported as `emptyQuote` diagnostics (merged by [`coalesce`]); then the
    /// removed quotes are compacted away. Called whenever a quote opens with none open, so a
    /// hostile run of marks holds a few quotes in memory, not one per mark; each quote is
    /// settled once.
    fn settle(&mut self) {
        let from = self.settled;
        let mut any_removed = false;
        for (q, r) in self.quotes.iter().zip(self.removed.iter_mut()).skip(from) {
            crate::work::tick(1);
            if *r {
                any_removed = true;
                continue;
            }
            let content = self.text.get(q.content_start..q.content_end).unwrap_or("x");
            let empty = !q.open.is_empty()
                && content
                    .chars()
                    .all(|c| matches!(c, '—' | '–' | '-') || c.is_whitespace());
            // One word, nothing else (`«a»`, `»Nein«`): a run of them is not prose.
            let word = !empty && !q.open.is_empty() && {
                let w = content.trim_matches(char::is_whitespace);
                w.len() <= RUN_WORD && !w.contains(char::is_whitespace)
            };
            if word {
                let d = Diagnostic {
                    start: q.start,
                    end: q.end,
                    code: "quoteRun",
                    message: Cow::Borrowed(
                        "A long run of one-word quotations was not read past its first 32.",
                    ),
                };
                if self.words.step(self.text, d, MAX_RUN, &mut self.diags) {
                    *r = true;
                    any_removed = true;
                }
            } else {
                self.words = Run::default();
            }
            if !empty {
                self.empty = Run::default();
                continue;
            }
            // One diagnostic for the run.
            let d = Diagnostic {
                start: q.start,
                end: q.end,
                code: "emptyQuote",
                message: Cow::Borrowed("Quotation marks with nothing inside were ignored."),
            };
            if self.empty.step(self.text, d, MAX_DEPTH, &mut self.diags) {
                *r = true;
                any_removed = true;
            }
        }
        if any_removed {
            compact_from(&mut self.quotes, &self.removed, from, &mut self.eff);
        }
        self.removed.truncate(self.quotes.len());
        self.removed.iter_mut().skip(from).for_each(|r| *r = false);
        self.settled = self.quotes.len();
    }

    fn merge_double_opener(&mut self, top: Open, ci: usize) {
        let Some(c) = self.quotes.get(ci) else {
            return;
        };
        let (c_start, c_open_len, c_end, close) = (
            c.start,
            c.open.len(),
            c.end,
            c.close.chars().next().unwrap_or('»'),
        );
        if let Some(r) = self.removed.get_mut(ci) {
            *r = true;
        }
        self.pop();
        if let Some(u) = self.quotes.get_mut(top.qi) {
            finish_closed(u, self.text, c_end.saturating_sub(close.len_utf8()), close);
        }
        self.push_diag(Diagnostic {
            start: c_start,
            end: c_start + c_open_len,
            code: "doubleOpener",
            message: "A second opening guillemet inside a quote that is never closed otherwise: \
                      it was read as a typo, and the quote ends at the paragraph's last closing \
                      guillemet."
                .into(),
        });
    }
}

/// Sets the end of `q` at its closer `close` found at byte `close_pos`; the content excludes
/// the marks and the padding.
fn finish_closed(q: &mut Quote, text: &str, close_pos: usize, close: char) {
    let open_end = q.start + q.open.len();
    let inner = text.get(open_end..close_pos).unwrap_or("");
    let lead = inner.len() - inner.trim_start().len();
    let kept = inner.trim_end().len();
    q.content_start = open_end + lead;
    q.content_end = (open_end + kept).max(q.content_start);
    q.end = close_pos + close.len_utf8();
    q.close = QuoteMark::of(close);
    q.closed = true;
}

/// Ends `q`, never closed, at byte `end` (its paragraph's end); trailing white space is left out.
fn finish_unclosed(q: &mut Quote, text: &str, end: usize) {
    let open_end = q.start + q.open.len();
    let inner = text.get(open_end..end).unwrap_or("").trim_end();
    let lead = inner.len() - inner.trim_start().len();
    q.content_start = open_end + lead;
    q.content_end = open_end + inner.len();
    q.end = q.content_end.max(open_end);
    q.close = QuoteMark::NONE;
    q.closed = false;
}

/// The per-mark diagnostic messages, static for every mark the pairing meets (no allocation per
/// repair); `$fallback` formats any other.
macro_rules! mark_message {
    ($mark:expr, $before:literal, $after:literal) => {
        match $mark {
            m @ ("«" | "»" | "‹" | "›" | "“" | "”" | "„" | "‘" | "’" | "‚" | "\"" | "—" | "–") => {
                Cow::Borrowed(match m {
                    "«" => concat!($before, "«", $after),
                    "»" => concat!($before, "»", $after),
                    "‹" => concat!($before, "‹", $after),
                    "›" => concat!($before, "›", $after),
                    "“" => concat!($before, "“", $after),
                    "”" => concat!($before, "”", $after),
                    "„" => concat!($before, "„", $after),
                    "‘" => concat!($before, "‘", $after),
                    "’" => concat!($before, "’", $after),
                    "‚" => concat!($before, "‚", $after),
                    "\"" => concat!($before, "\"", $after),
                    "—" => concat!($before, "—", $after),
                    _ => concat!($before, "–", $after),
                })
            }
            other => Cow::Owned(crate::text::concat(&[$before, other, $after])),
        }
    };
}

fn unmatched_message(open: QuoteMark) -> Cow<'static, str> {
    mark_message!(
        open.as_str(),
        "This ",
        " has no closing mark: it was not read as a quotation mark."
    )
}

fn unclosed_message(open: QuoteMark) -> Cow<'static, str> {
    mark_message!(
        open.as_str(),
        "This ",
        " is never closed: the quote was ended at the end of its paragraph."
    )
}

fn stray_message(close: char) -> Cow<'static, str> {
    if QuoteMark::of(close).is_empty() {
        let mut buf = [0u8; 4];
        return Cow::Owned(crate::text::concat(&[
            "A closing ",
            close.encode_utf8(&mut buf),
            " with no opening mark before it was ignored.",
        ]));
    }
    mark_message!(
        QuoteMark::of(close).as_str(),
        "A closing ",
        " with no opening mark before it was ignored."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_start_sorts_stably_like_the_standard_sort() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for n in 0..200 {
            let diags: Vec<Diagnostic> = (0..n)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    Diagnostic {
                        start: (seed % 16) as usize,
                        end: i,
                        code: "x",
                        message: Cow::Borrowed(""),
                    }
                })
                .collect();
            let mut expected = diags.clone();
            expected.sort_by_key(|d| d.start);
            assert_eq!(by_start(diags), expected);
        }
    }

    #[test]
    fn compact_in_place_agrees_with_copying() {
        let q = |parent: Option<usize>| Quote::opened(0, 0, QuoteMark::NONE, parent);
        let mut seed: u64 = 0x1234_5678_9abc_def1;
        for _ in 0..5_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 12) as usize;
            let quotes: Vec<Quote> = (0..n)
                .map(|i| {
                    let r = seed.rotate_left(i as u32 * 7);
                    q((i > 0 && r % 3 != 0).then(|| (r as usize / 3) % i))
                })
                .collect();
            let removed: Vec<bool> = (0..n).map(|i| (seed >> (i + 20)) & 3 == 0).collect();
            let mut a = quotes.clone();
            compact(&mut a, &removed);
            assert_eq!(a, compact_copying(quotes, &removed));
        }
    }
}
