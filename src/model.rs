//! The result types every stage fills in and every binding serialises.
//!
//! All offsets in these types are **byte offsets** into the analysed `&str` while they are inside
//! the core. The bindings convert them (in one sorted pass, see [`crate::offsets`]) to UTF-16 code
//! units for JavaScript or to code points for the command line. Spans are half-open `[start, end)`.
//!
//! Field names serialise in camelCase; a quote and a speaker carry flat `start`/`end` fields so
//! the command-line output is exactly what `score.py` reads.

use std::borrow::Cow;

use serde::{Serialize, Serializer};

/// A half-open range of the analysed text. Byte offsets inside the core.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The text under the span, or `""` when the span is not valid for `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What a pair of quotation marks encloses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A statement: a sentence or more reported as said.
    Direct,
    /// A fragment embedded in the reporter's sentence: `une «paix durable»`.
    Partial,
    /// A title, name, nickname or term: `le quotidien «Ouest-France»`. Never attributed.
    Term,
}

/// Why a quote was judged a term rather than somebody's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermReason {
    /// Read as a name or a term by the classify stage from the words around the marks: a
    /// naming word (`surnommé`), a noun for things that bear names (`le quotidien`), a short
    /// capitalised name after an article, or no speech cue in the sentence (stage 3, classify).
    Named,
    /// A short capitalised phrase in running text: a title, a model, a show.
    Title,
    /// The same phrase is a term elsewhere in the document, or recurs in running text.
    Recurring,
    /// On a navigation line (`Lire aussi : «…»`): another article's title.
    Navigation,
    /// A translation the writer gives of a word (`«cent dix» en français`).
    Gloss,
    /// A fragment in the writer's sentence that no one is shown saying: no speaker and no
    /// speech cue were found for it (`la fin des «régimes spéciaux»`).
    Unattributed,
    /// In a narrative text, a written document the story reproduces after a colon (a letter, a
    /// note, a will: `il lut ce qui suit : «…»`): read, not said by a character.
    Document,
}

/// How a speaker was found for a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `«Q», a déclaré X` — speech verb then subject after the quote (incise).
    AfterQuote,
    /// `«Q1, dit-elle, Q2»` — an incise inside the marks.
    InsideQuote,
    /// `X a déclaré : «Q»` / `X a affirmé que «Q»` — subject and verb before the quote.
    BeforeQuote,
    /// `«Q» — X` — a signature after a dash.
    Signature,
    /// `selon X`, `d'après X`, `pour X`.
    Source,
    /// The subject of the clause that embeds a partial quote.
    ClauseSubject,
    /// A quote with no cue of its own continuing the previous speaker.
    Continuation,
}

/// The names the enums serialise as, in one place (serde and [`crate::json`] both read them).
macro_rules! serialised_as {
    ($t:ty { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            /// The value's name in the JSON answer.
            pub const fn as_str(&self) -> &'static str {
                match self {
                    $(<$t>::$v => $s,)*
                }
            }
        }
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

serialised_as!(QuoteKind { Direct => "direct", Partial => "partial", Term => "term" });
serialised_as!(TermReason {
    Named => "named",
    Title => "title",
    Recurring => "recurring",
    Navigation => "navigation",
    Gloss => "gloss",
    Unattributed => "unattributed",
    Document => "document",
});
serialised_as!(Method {
    AfterQuote => "afterQuote",
    InsideQuote => "insideQuote",
    BeforeQuote => "beforeQuote",
    Signature => "signature",
    Source => "source",
    ClauseSubject => "clauseSubject",
    Continuation => "continuation",
});
serialised_as!(Gender { Masculine => "m", Feminine => "f" });

/// The speech verb (or preposition) that ties a quote to its speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    /// The cue as written (`a-t-il ajouté`, `selon`).
    pub text: String,
    /// The lexicon entry it matched (`ajouter`, `selon`): borrowed from the lexicon, so a cue
    /// allocates nothing for it.
    pub lemma: Cow<'static, str>,
    /// For an incise inside the marks (`«Q1, a-t-elle ajouté, Q2»`, [`Method::InsideQuote`]):
    /// the reporter's words between the two parts of the quote, commas included, which a page
    /// leaves unpainted. `None` for every other cue.
    pub incise: Option<Span>,
}

/// Grammatical gender, as the text shows it (`Mme`, `elle`, `la ministre`, `s'est dite`);
/// serialised `"f"` / `"m"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Masculine,
    Feminine,
}

impl Gender {
    pub(crate) const fn feminine_if(fem: bool) -> Gender {
        if fem {
            Gender::Feminine
        } else {
            Gender::Masculine
        }
    }
}

/// Who said a quote: the mention as written and the resolved name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    /// Span of the mention as written (`le ministre de l'Économie, Bruno Le Maire`, or `il`).
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The proper name inside the mention, the antecedent's name for a pronoun, or the mention
    /// without its article for organisations and roles (`Kremlin`). `None` when nothing names anyone.
    pub name: Option<String>,
    /// Index into [`Analysis::speakers`].
    pub id: Option<usize>,
    /// The person's gender as the text shows it anywhere it names them (the same for every
    /// quote of one speaker entry); `None` when the text does not say.
    pub gender: Option<Gender>,
}

/// A quotation mark as written, or nothing: one byte in a [`Quote`], serialised as the mark's
/// string (`"«"`, `""`) and read as a `&'static str`, so that a quote carries its marks without
/// allocating.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct QuoteMark(u8);

impl QuoteMark {
    /// No mark: an unclosed quote's `close`, a resumed reply's `open`.
    pub const NONE: QuoteMark = QuoteMark(0);
    /// Two hyphens, the dialogue dash of typewritten and plain-text editions (`-- Oui.`).
    pub const DOUBLE_HYPHEN: QuoteMark = QuoteMark(15);

    /// The mark for `c`: any quotation mark the scan records, or a dialogue dash (`—`, `–`, `―`);
    /// [`QuoteMark::NONE`] for any other char.
    pub const fn of(c: char) -> QuoteMark {
        QuoteMark(match c {
            '«' => 1,
            '»' => 2,
            '‹' => 3,
            '›' => 4,
            '“' => 5,
            '”' => 6,
            '„' => 7,
            '‘' => 8,
            '’' => 9,
            '‚' => 10,
            '"' => 11,
            '—' => 12,
            '–' => 13,
            '―' => 14,
            _ => 0,
        })
    }

    pub const fn as_str(&self) -> &'static str {
        match self.0 {
            1 => "«",
            2 => "»",
            3 => "‹",
            4 => "›",
            5 => "“",
            6 => "”",
            7 => "„",
            8 => "‘",
            9 => "’",
            10 => "‚",
            11 => "\"",
            12 => "—",
            13 => "–",
            14 => "―",
            15 => "--",
            _ => "",
        }
    }
}

impl std::ops::Deref for QuoteMark {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for QuoteMark {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for QuoteMark {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for QuoteMark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for QuoteMark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for QuoteMark {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The whole quote, marks included.
    pub start: usize,
    pub end: usize,
    /// The content: marks and padding spaces excluded.
    pub content_start: usize,
    pub content_end: usize,
    /// The opening and closing marks as written (`«`, `»`; `close` is empty when never closed;
    /// `open` is empty for a reply resumed after an incise without a new opener, see
    /// the pairing stage, diagnostic `lateCloser`).
    pub open: QuoteMark,
    pub close: QuoteMark,
    pub kind: QuoteKind,
    /// False when the quote was never closed and ends with its paragraph.
    pub closed: bool,
    /// Index of the enclosing quote in [`Analysis::quotes`], for nested quotes.
    pub parent: Option<usize>,
    /// Boxed, like `cue`: most quotes in a long or hostile text have none, and a quote stays
    /// small (72 bytes) for the detection stages that write one per opening mark.
    pub speaker: Option<Box<Speaker>>,
    pub cue: Option<Box<Cue>>,
    pub method: Option<Method>,
    /// Why the quote is a `term` (`None` for statements).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<TermReason>,
}

impl Quote {
    /// A quote opened by `open` at `start..content_start`, not closed yet: the pairing stage
    /// fills in the rest.
    pub(crate) fn opened(
        start: usize,
        content_start: usize,
        open: QuoteMark,
        parent: Option<usize>,
    ) -> Quote {
        Quote {
            start,
            end: content_start,
            content_start,
            content_end: content_start,
            open,
            close: QuoteMark::NONE,
            kind: QuoteKind::Direct,
            closed: false,
            parent,
            speaker: None,
            cue: None,
            method: None,
            reason: None,
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
    pub fn content(&self) -> Span {
        Span::new(self.content_start, self.content_end)
    }
}

/// One distinct speaker and the quotes attributed to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpeakerEntry {
    pub id: usize,
    pub name: String,
    /// Indices into [`Analysis::quotes`], in text order.
    pub quotes: Vec<usize>,
    /// Spans of every mention of this speaker that attributed a quote.
    pub mentions: Vec<Span>,
    /// The gender the text shows for this speaker (most mentions that show one), else `None`.
    pub gender: Option<Gender>,
}

/// Severity-free note about a repair made to unbalanced copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub start: usize,
    pub end: usize,
    /// A stable machine-readable code: `unclosed`, `strayCloser`, `doubleOpener`, …
    pub code: &'static str,
    /// A plain-language message for editors (a static text for most codes, so that repairing
    /// hostile input allocates nothing per repair).
    pub message: Cow<'static, str>,
}

/// Everything found in one text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Quotes sorted by start (a parent before its children).
    pub quotes: Vec<Quote>,
    pub speakers: Vec<SpeakerEntry>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Every offset in the analysis, for one-pass unit conversion (a vector of 8 bytes an
    /// offset: [`Analysis::for_each_offset`] visits them without one).
    pub fn offsets_mut(&mut self) -> Vec<&mut usize> {
        let mut out = Vec::with_capacity(self.quotes.len() * 8);
        self.for_each_offset(|o| out.push(o));
        out
    }

    /// Calls `f` on every offset in the analysis, in the order [`Analysis::offsets_mut`] lists
    /// them: each quote's, then the speakers' mentions, then the diagnostics'.
    pub fn for_each_offset<'a>(&'a mut self, mut f: impl FnMut(&'a mut usize)) {
        for q in &mut self.quotes {
            f(&mut q.start);
            f(&mut q.end);
            f(&mut q.content_start);
            f(&mut q.content_end);
            if let Some(s) = &mut q.speaker {
                f(&mut s.start);
                f(&mut s.end);
            }
            if let Some(c) = &mut q.cue {
                f(&mut c.start);
                f(&mut c.end);
                if let Some(i) = &mut c.incise {
                    f(&mut i.start);
                    f(&mut i.end);
                }
            }
        }
        for s in &mut self.speakers {
            for m in &mut s.mentions {
                f(&mut m.start);
                f(&mut m.end);
            }
        }
        for d in &mut self.diagnostics {
            f(&mut d.start);
            f(&mut d.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_stay_small() {
        // The detection stages write one quote per opening mark: keep them compact.
        assert!(
            std::mem::size_of::<Quote>() <= 72,
            "{}",
            std::mem::size_of::<Quote>()
        );
    }

    #[test]
    fn marks_read_and_serialise_as_strings() {
        for c in [
            '«', '»', '‹', '›', '“', '”', '„', '‘', '’', '‚', '"', '—', '–', '―',
        ] {
            let m = QuoteMark::of(c);
            assert_eq!(m.as_str(), c.to_string());
            assert_eq!(
                serde_json::to_string(&m).ok(),
                serde_json::to_string(&c.to_string()).ok()
            );
        }
        assert_eq!(QuoteMark::of('x'), QuoteMark::NONE);
        assert!(QuoteMark::NONE.is_empty());
        assert_eq!(QuoteMark::DOUBLE_HYPHEN.as_str(), "--");
    }
}
