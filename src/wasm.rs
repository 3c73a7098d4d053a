//! The WebAssembly binding: converts data, nothing more. Offsets leave as UTF-16 code units
//! (JavaScript string indices), converted in one pass; results are plain JSON-compatible objects;
//! every export returns `Result<_, JsError>` so a JavaScript caller gets an exception, never a trap.
//!
//! The result crosses the boundary packed: one array of numbers and one string table (each
//! distinct string once), from which `unpackAnalysis` in `www/shared.js` (the one JavaScript
//! home of the layout, imported by the page, the worker and the embed too) builds the objects.
//! Setting every property of tens of thousands of objects across the boundary (what
//! `serde-wasm-bindgen` did) costs about as much as the analysis itself; see `make bench`. The
//! tests check the packed result against the serde serialisation of [`analysis_utf16`] (with
//! `serde_json`, in the test build only: the release wasm carries no serialiser).

use std::collections::HashMap;

use wasm_bindgen::prelude::*;

use crate::model::{Analysis, Gender, Method, QuoteKind, TermReason};
use crate::offsets::{self, Unit};

#[wasm_bindgen(module = "/www/shared.js")]
extern "C" {
    #[wasm_bindgen(js_name = unpackAnalysis)]
    fn unpack_analysis(nums: &[u32], joined: &str, lengths: &[u32]) -> JsValue;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Who said a quote. Offsets are UTF-16 code units (JavaScript string indices). */
export interface Speaker {
  start: number;
  end: number;
  /** The mention as written, e.g. "le ministre de l'Économie, Bruno Le Maire" or "il". */
  text: string;
  /** The resolved name, e.g. "Bruno Le Maire"; null when nothing names anyone. */
  name: string | null;
  /** Index into Analysis.speakers. */
  id: number | null;
  /** The gender the text shows for this person ("Mme", "elle", "la ministre"), else null. */
  gender: Gender | null;
}
export type Gender = "f" | "m";
export interface Cue {
  start: number;
  end: number;
  text: string;
  lemma: string;
  /** For an incise inside the marks («Q1, a-t-elle ajouté, Q2»): the reporter's words between the two parts, commas included; else null. */
  incise: { start: number; end: number } | null;
}
/** Why a quote is a term: a name or term by its context, a title, a recurring phrase, a navigation line, a translation of a word, a fragment no one is shown saying, a document a story reproduces. */
export type TermReason = "named" | "title" | "recurring" | "navigation" | "gloss" | "unattributed" | "document";
export type QuoteKind = "direct" | "partial" | "term";
export type Method = "afterQuote" | "insideQuote" | "beforeQuote" | "signature" | "source" | "clauseSubject" | "continuation";
export interface Quote {
  /** The whole quote, marks included: text.slice(start, end). */
  start: number;
  end: number;
  /** The content, marks and padding excluded. */
  contentStart: number;
  contentEnd: number;
  open: string;
  close: string;
  kind: QuoteKind;
  closed: boolean;
  parent: number | null;
  speaker: Speaker | null;
  cue: Cue | null;
  method: Method | null;
  /** Only on terms. */
  reason?: TermReason;
}
export interface SpeakerEntry { id: number; name: string; quotes: number[]; mentions: { start: number; end: number }[]; gender: Gender | null; }
export interface Diagnostic { start: number; end: number; code: string; message: string; }
export interface Analysis { quotes: Quote[]; speakers: SpeakerEntry[]; diagnostics: Diagnostic[]; }
"#;

/// Analyses `text` and returns an `Analysis` with UTF-16 offsets.
///
/// Throws when the text is longer than `maxBytes` (default 64 MiB) once encoded as UTF-8.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze(text: &str, max_bytes: Option<u32>) -> Result<JsValue, JsError> {
    let analysis = analysis_utf16(text, max_bytes)?;
    let packed = Packed::of(&analysis);
    Ok(unpack_analysis(
        &packed.nums,
        &packed.joined,
        &packed.lengths,
    ))
}

/// The analysis [`analyze`] packs, with UTF-16 offsets: for the tests, which compare the packed
/// result with its serde serialisation. Not part of the stable API.
#[doc(hidden)]
pub fn analysis_utf16(text: &str, max_bytes: Option<u32>) -> Result<Analysis, JsError> {
    let max = max_bytes.map_or(crate::DEFAULT_MAX_INPUT, |m| m as usize);
    crate::check_size(text.len(), max).map_err(|e| JsError::new(&e.to_string()))?;
    let mut analysis = crate::analyze(text);
    offsets::convert(&mut analysis, text, Unit::Utf16);
    Ok(analysis)
}

/// `null` in the packed numbers.
const NONE: u32 = u32::MAX;

/// The packed form `unpackAnalysis` in `www/shared.js` reads (`QUOTE_STRIDE`, `QUOTE_FIELDS`
/// there): `[nQuotes, 23 numbers per quote, nSpeakers, (id, name, gender, nQuotes, quotes…,
/// nMentions, (start, end)…) per speaker, nDiagnostics, 4 numbers per diagnostic]`; strings are
/// indices into a table sent as one joined string and the UTF-16 length of each entry; enums are
/// their index in declaration order (`KINDS`, `METHODS`, `GENDERS`, `REASONS` in shared.js).
struct Packed {
    nums: Vec<u32>,
    joined: String,
    lengths: Vec<u32>,
    /// Each distinct string's index. Keyed by `String` like the resolve stage's maps, so that
    /// the wasm holds one copy of the hash table's code for both.
    index: HashMap<String, usize>,
}

/// Numbers per quote (`QUOTE_STRIDE` in shared.js).
const QUOTE_STRIDE: usize = 23;

fn gender(g: Option<Gender>) -> u32 {
    g.map_or(NONE, |g| match g {
        Gender::Feminine => 0,
        Gender::Masculine => 1,
    })
}

fn num(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

impl Packed {
    fn of(a: &Analysis) -> Packed {
        let mut p = Packed {
            nums: Vec::with_capacity(3 + a.quotes.len() * QUOTE_STRIDE + a.speakers.len() * 9),
            joined: String::new(),
            lengths: Vec::new(),
            index: HashMap::new(),
        };
        p.nums.push(num(a.quotes.len()));
        for q in &a.quotes {
            let open = p.string(q.open.as_str());
            let close = p.string(q.close.as_str());
            let kind = match q.kind {
                QuoteKind::Direct => 0,
                QuoteKind::Partial => 1,
                QuoteKind::Term => 2,
            };
            p.nums.extend([
                num(q.start),
                num(q.end),
                num(q.content_start),
                num(q.content_end),
                open,
                close,
                kind,
                u32::from(q.closed),
                q.parent.map_or(NONE, num),
            ]);
            match &q.speaker {
                Some(s) => {
                    let text = p.string(&s.text);
                    let name = s.name.as_deref().map_or(NONE, |n| p.string(n));
                    p.nums.extend([
                        num(s.start),
                        num(s.end),
                        text,
                        name,
                        s.id.map_or(NONE, num),
                        gender(s.gender),
                    ]);
                }
                None => p.nums.extend([NONE; 6]),
            }
            match &q.cue {
                Some(c) => {
                    let text = p.string(&c.text);
                    let lemma = p.string(&c.lemma);
                    let (is, ie) = c
                        .incise
                        .map_or((NONE, NONE), |i| (num(i.start), num(i.end)));
                    p.nums
                        .extend([num(c.start), num(c.end), text, lemma, is, ie]);
                }
                None => p.nums.extend([NONE; 6]),
            }
            p.nums.push(q.method.map_or(NONE, |m| match m {
                Method::AfterQuote => 0,
                Method::InsideQuote => 1,
                Method::BeforeQuote => 2,
                Method::Signature => 3,
                Method::Source => 4,
                Method::ClauseSubject => 5,
                Method::Continuation => 6,
            }));
            p.nums.push(q.reason.map_or(NONE, |r| match r {
                TermReason::Named => 0,
                TermReason::Title => 1,
                TermReason::Recurring => 2,
                TermReason::Navigation => 3,
                TermReason::Gloss => 4,
                TermReason::Unattributed => 5,
                TermReason::Document => 6,
            }));
        }
        p.nums.push(num(a.speakers.len()));
        for s in &a.speakers {
            let name = p.string(&s.name);
            p.nums
                .extend([num(s.id), name, gender(s.gender), num(s.quotes.len())]);
            p.nums.extend(s.quotes.iter().map(|&q| num(q)));
            p.nums.push(num(s.mentions.len()));
            for m in &s.mentions {
                p.nums.extend([num(m.start), num(m.end)]);
            }
        }
        p.nums.push(num(a.diagnostics.len()));
        for d in &a.diagnostics {
            let code = p.string(d.code);
            let message = p.string(&d.message);
            p.nums.extend([num(d.start), num(d.end), code, message]);
        }
        p
    }

    /// The table index of `s`, adding it the first time.
    fn string(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return num(i);
        }
        let i = self.lengths.len();
        self.joined.push_str(s);
        self.lengths.push(num(s.encode_utf16().count()));
        self.index.insert(s.to_string(), i);
        num(i)
    }
}

/// The crate version, for diagnostics. (A `Result` like every export, so that a JavaScript caller
/// meets one error convention.)
#[wasm_bindgen]
pub fn version() -> Result<String, JsError> {
    Ok(env!("CARGO_PKG_VERSION").to_string())
}
