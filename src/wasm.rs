//! The WebAssembly binding: converts data, nothing more. Offsets leave as UTF-16 code units
//! (JavaScript string indices), converted in one pass; results are plain JSON-compatible objects;
//! every export returns `Result<_, JsError>` so a JavaScript caller gets an exception, never a trap.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::offsets::{self, Unit};

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
}
export interface Cue { start: number; end: number; text: string; lemma: string; }
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
}
export interface SpeakerEntry { id: number; name: string; quotes: number[]; mentions: { start: number; end: number }[]; }
export interface Diagnostic { start: number; end: number; code: string; message: string; }
export interface Analysis { quotes: Quote[]; speakers: SpeakerEntry[]; diagnostics: Diagnostic[]; }
"#;

/// Analyses `text` and returns an `Analysis` with UTF-16 offsets.
///
/// Throws when the text is longer than `maxBytes` (default 64 MiB) once encoded as UTF-8.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze(text: &str, max_bytes: Option<u32>) -> Result<JsValue, JsError> {
    let max = max_bytes.map_or(crate::DEFAULT_MAX_INPUT, |m| m as usize);
    crate::check_size(text.len(), max).map_err(|e| JsError::new(&e.to_string()))?;
    let mut analysis = crate::analyze(text);
    offsets::convert(&mut analysis, text, Unit::Utf16);
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the result: {e}")))
}

/// The crate version, for diagnostics. (A `Result` like every export, so that a JavaScript caller
/// meets one error convention.)
#[wasm_bindgen]
pub fn version() -> Result<String, JsError> {
    Ok(env!("CARGO_PKG_VERSION").to_string())
}
