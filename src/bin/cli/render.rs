//! One document in, its output out: a JSON record (input fields passed through, then the
//! analysis), or CSV/TSV rows (one per quote), or an error record. Runs on the worker threads.

use std::sync::OnceLock;

use quote_highlighter::{analyze, offsets, Analysis, Gender, QuoteKind, Unit};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::args::Format;
use super::inputs::too_large;

/// Names the analysis writes at the top of a record: input fields of these names are dropped.
const ANALYSIS_FIELDS: [&str; 3] = ["quotes", "speakers", "diagnostics"];

/// The quote columns of a CSV/TSV row, after `id` and the passed-through fields.
const QUOTE_COLUMNS: [&str; 12] = [
    "quote",
    "kind",
    "speaker_mention",
    "speaker_name",
    "gender",
    "cue",
    "cue_lemma",
    "method",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
];

pub struct Settings {
    pub unit: Unit,
    pub format: Format,
    pub pretty: bool,
    pub text_path: Vec<String>,
    pub keep: Option<Vec<String>>,
    pub max_bytes: usize,
    /// CSV/TSV: the passed-through columns, fixed by the reader before the first document is
    /// handed out (`--keep`, or the fields of the first document).
    pub columns: OnceLock<Vec<String>>,
}

impl Settings {
    fn delimiter(&self) -> char {
        if self.format == Format::Tsv {
            '\t'
        } else {
            ','
        }
    }

    fn row_end(&self) -> &'static str {
        // RFC 4180 ends CSV records with CRLF; TSV is a Unix tool's format.
        if self.format == Format::Tsv {
            "\n"
        } else {
            "\r\n"
        }
    }

    fn columns(&self) -> &[String] {
        self.columns.get().map_or(&[], Vec::as_slice)
    }

    /// The CSV/TSV header row.
    pub fn header(&self) -> String {
        let mut row = Vec::new();
        row.push("id".to_string());
        row.extend(self.columns().iter().cloned());
        row.extend(QUOTE_COLUMNS.iter().map(|c| c.to_string()));
        self.row(&row)
    }

    fn row(&self, cells: &[String]) -> String {
        let d = self.delimiter();
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                s.push(d);
            }
            if cell.contains([d, '"', '\n', '\r']) {
                s.push('"');
                s.push_str(&cell.replace('"', "\"\""));
                s.push('"');
            } else {
                s.push_str(cell);
            }
        }
        s.push_str(self.row_end());
        s
    }

    /// The passed-through columns for CSV/TSV when the first document is this JSON line.
    pub fn columns_from_line(&self, bytes: &[u8]) -> Vec<String> {
        if let Some(keep) = &self.keep {
            return keep.iter().filter(|k| *k != "id").cloned().collect();
        }
        match parse_line(bytes, self) {
            Ok((fields, _)) => fields
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| k != "id")
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    pub fn columns_for_text(&self) -> Vec<String> {
        self.keep
            .iter()
            .flatten()
            .filter(|k| *k != "id")
            .cloned()
            .collect()
    }
}

/// A document to analyse.
pub enum Doc {
    /// A whole text file (or standard input); `Err` when it could not be used.
    Text {
        name: String,
        bytes: Result<Vec<u8>, String>,
    },
    /// One JSON line; `file` is `None` for standard input.
    Line {
        file: Option<std::sync::Arc<str>>,
        line: u64,
        bytes: Result<Vec<u8>, u64>,
    },
}

/// A document's output, ready to write.
pub struct Rendered {
    /// A JSON record (no newline) or CSV/TSV rows; empty for an error in CSV/TSV.
    pub out: String,
    /// Quotes found (titles and terms not counted).
    pub quotes: usize,
    /// For an unusable document: the message for standard error (CSV/TSV only).
    pub error: Option<String>,
    pub failed: bool,
}

/// The top-level fields of a JSON object, in input order.
struct Fields(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fields, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Fields, A::Error> {
                let mut v = Vec::new();
                while let Some(entry) = m.next_entry::<String, Value>()? {
                    v.push(entry);
                }
                Ok(Fields(v))
            }
        }
        d.deserialize_map(V)
    }
}

/// Serialises fields as map entries, for `#[serde(flatten)]`.
struct Pass<'a>(&'a [(String, Value)]);

impl Serialize for Pass<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

#[derive(serde::Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    pass: Pass<'a>,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

/// A record as `serde_json::to_string(&Record)` writes it, the analysis by the core's compact
/// writer ([`quote_highlighter::json`]).
fn compact_record(pass: &[(String, Value)], a: &Analysis) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(64 * a.quotes.len() + 128);
    out.push(b'{');
    for (k, v) in pass {
        serde_json::to_writer(&mut out, k)?;
        out.push(b':');
        serde_json::to_writer(&mut out, v)?;
        out.push(b',');
    }
    quote_highlighter::json::write_analysis_fields(&mut out, a).map_err(serde_json::Error::io)?;
    out.push(b'}');
    // Both writers make UTF-8 out of `&str`s only.
    Ok(String::from_utf8(out).unwrap_or_default())
}

#[derive(serde::Serialize)]
struct ErrorRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    error: &'a str,
}

/// Decodes UTF-8 or explains where it is broken.
pub fn decode(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "input is not valid UTF-8: invalid byte sequence at byte offset {}",
            e.valid_up_to()
        )
    })
}

/// A JSON line's passed-through fields (the text removed, `--keep` applied, `id` first when
/// absent) and its text. `Err` carries the id when one was read.
fn parse_line(bytes: &[u8], s: &Settings) -> Result<(Vec<(String, Value)>, String), ParseError> {
    let line = decode(bytes).map_err(|e| (None, e))?;
    let mut fields = match serde_json::from_str::<Fields>(line) {
        Ok(f) => f.0,
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return Err((None, "not a JSON object".to_string()))
        }
        Err(e) => return Err((None, format!("not a JSON object: {e}"))),
    };
    let id = fields
        .iter()
        .find(|(k, _)| k == "id")
        .map(|(_, v)| v.clone());
    let text = take_text(&mut fields, &s.text_path);
    let Some(text) = text else {
        let shown = s.text_path.join(".");
        return Err((id, format!("missing string field \"{shown}\"")));
    };
    fields.retain(|(k, _)| {
        !ANALYSIS_FIELDS.contains(&k.as_str())
            && s.keep
                .as_ref()
                .is_none_or(|keep| k == "id" || keep.contains(k))
    });
    if id.is_none() {
        fields.insert(0, ("id".to_string(), Value::Null));
    }
    Ok((fields, text))
}

type ParseError = (Option<Value>, String);

/// Takes the string at `path` out of `fields` (removing the top-level field, or the leaf from its
/// parent object for a dotted path). `None` when absent or not a string (nothing removed).
fn take_text(fields: &mut Vec<(String, Value)>, path: &[String]) -> Option<String> {
    let (first, rest) = path.split_first()?;
    let at = fields.iter().position(|(k, _)| k == first)?;
    let (leaf, parents) = match rest.split_last() {
        None => {
            return match fields.get(at) {
                Some((_, Value::String(_))) => match fields.remove(at).1 {
                    Value::String(t) => Some(t),
                    _ => None,
                },
                _ => None,
            }
        }
        Some(split) => split,
    };
    let mut obj = fields.get_mut(at)?.1.as_object_mut()?;
    for p in parents {
        obj = obj.get_mut(p)?.as_object_mut()?;
    }
    if !obj.get(leaf)?.is_string() {
        return None;
    }
    match obj.remove(leaf) {
        Some(Value::String(t)) => Some(t),
        _ => None,
    }
}

/// Analyses `text` in `unit`; `Err` if the core panicked (it is built never to: should a bug make
/// it, one document is lost, not the batch). Also returns each quote's text for CSV/TSV.
fn analysis_in(text: &str, s: &Settings) -> Result<(Analysis, Vec<String>), String> {
    let csv = matches!(s.format, Format::Csv | Format::Tsv);
    std::panic::catch_unwind(|| {
        let mut a = analyze(text);
        let texts = if csv {
            a.quotes
                .iter()
                .map(|q| q.span().slice(text).to_string())
                .collect()
        } else {
            Vec::new()
        };
        offsets::convert(&mut a, text, s.unit);
        (a, texts)
    })
    .map_err(|_| "internal error: the analysis failed on this text (please report it)".to_string())
}

/// Renders one document.
pub fn render(doc: Doc, s: &Settings) -> Rendered {
    match doc {
        Doc::Text { name, bytes } => {
            let id = Value::String(name.clone());
            let text = bytes.and_then(|b| match decode(&b) {
                Ok(_) => String::from_utf8(b).map_err(|e| e.to_string()),
                Err(e) => Err(e),
            });
            let result = text.and_then(|t| analysis_in(&t, s));
            match result {
                Ok((a, texts)) => success(&[("id".to_string(), id)], &a, &texts, s),
                Err(e) => failure(None, Some(&name), Some(&id), &e, s),
            }
        }
        Doc::Line { file, line, bytes } => {
            let parsed = match bytes {
                Ok(b) => parse_line(&b, s),
                Err(len) => Err((None, format!("line is {}", too_large(len, s.max_bytes)))),
            };
            let parsed = parsed.and_then(|(fields, text)| {
                let id = fields
                    .iter()
                    .find(|(k, _)| k == "id")
                    .map(|(_, v)| v.clone());
                analysis_in(&text, s)
                    .map(|r| (fields, r))
                    .map_err(|e| (id, e))
            });
            match parsed {
                Ok((fields, (a, texts))) => success(&fields, &a, &texts, s),
                Err((id, e)) => failure(Some(line), file.as_deref(), id.as_ref(), &e, s),
            }
        }
    }
}

fn success(pass: &[(String, Value)], a: &Analysis, texts: &[String], s: &Settings) -> Rendered {
    let quotes = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Term)
        .count();
    let out = match s.format {
        Format::Csv | Format::Tsv => rows(pass, a, texts, s),
        Format::Json | Format::Jsonl => {
            let rec = Record {
                pass: Pass(pass),
                analysis: a,
            };
            let json = if s.pretty {
                serde_json::to_string_pretty(&rec)
            } else {
                compact_record(pass, a)
            };
            match json {
                Ok(j) => j,
                Err(e) => {
                    let id = pass.iter().find(|(k, _)| k == "id").map(|(_, v)| v);
                    return failure(None, None, id, &format!("cannot write the result: {e}"), s);
                }
            }
        }
    };
    Rendered {
        out,
        quotes,
        error: None,
        failed: false,
    }
}

fn failure(
    line: Option<u64>,
    file: Option<&str>,
    id: Option<&Value>,
    error: &str,
    s: &Settings,
) -> Rendered {
    let (out, message) = match s.format {
        Format::Csv | Format::Tsv => {
            let place = match (file, line) {
                (Some(f), Some(n)) => format!("{f}, line {n}"),
                (None, Some(n)) => format!("line {n}"),
                (Some(f), None) => f.to_string(),
                (None, None) => "input".to_string(),
            };
            (String::new(), Some(format!("{place}: {error}")))
        }
        Format::Json | Format::Jsonl => {
            let rec = ErrorRecord {
                line,
                file,
                id,
                error,
            };
            let json = if s.pretty {
                serde_json::to_string_pretty(&rec)
            } else {
                serde_json::to_string(&rec)
            };
            (json.unwrap_or_default(), None)
        }
    };
    Rendered {
        out,
        quotes: 0,
        error: message,
        failed: true,
    }
}

/// A JSON value as a cell: strings as they are, null as empty, anything else as JSON.
fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A unit-only enum's name as it serialises (`direct`, `afterQuote`).
fn name_of(v: &impl serde::Serialize) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

fn rows(pass: &[(String, Value)], a: &Analysis, texts: &[String], s: &Settings) -> String {
    let field = |name: &str| pass.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    let mut lead = vec![cell(field("id"))];
    lead.extend(s.columns().iter().map(|c| cell(field(c))));
    let num = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
    let mut out = String::new();
    for (i, q) in a.quotes.iter().enumerate() {
        let sp = q.speaker.as_deref();
        let gender = match sp.and_then(|sp| sp.gender) {
            Some(Gender::Feminine) => "f".to_string(),
            Some(Gender::Masculine) => "m".to_string(),
            None => String::new(),
        };
        let cue = q.cue.as_deref();
        let mut row = lead.clone();
        row.extend([
            texts.get(i).cloned().unwrap_or_default(),
            name_of(&q.kind),
            sp.map(|sp| sp.text.clone()).unwrap_or_default(),
            sp.and_then(|sp| sp.name.clone()).unwrap_or_default(),
            gender,
            cue.map(|c| c.text.clone()).unwrap_or_default(),
            cue.map(|c| c.lemma.to_string()).unwrap_or_default(),
            q.method.as_ref().map(name_of).unwrap_or_default(),
            num(Some(q.start)),
            num(Some(q.end)),
            num(sp.map(|sp| sp.start)),
            num(sp.map(|sp| sp.end)),
        ]);
        out.push_str(&s.row(&row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(format: Format, path: &str, keep: Option<&str>) -> Settings {
        Settings {
            unit: Unit::Chars,
            format,
            pretty: false,
            text_path: path.split('.').map(str::to_string).collect(),
            keep: keep.map(|k| k.split(',').map(str::to_string).collect()),
            max_bytes: 1000,
            columns: OnceLock::new(),
        }
    }

    #[test]
    fn nested_text_is_taken_out_and_the_rest_kept_in_order() {
        let s = settings(Format::Jsonl, "a.body", None);
        let (fields, text) =
            parse_line(br#"{"z": 1, "a": {"body": "t", "x": 2}, "id": 7}"#, &s).expect("ok");
        assert_eq!(text, "t");
        let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["z", "a", "id"]);
        assert_eq!(fields[1].1, serde_json::json!({"x": 2}));
    }

    #[test]
    fn cells_are_quoted_as_rfc_4180_says() {
        let s = settings(Format::Csv, "text", None);
        let cells = ["a,b", "say \"hi\"", "two\nlines", "plain"].map(str::to_string);
        assert_eq!(
            s.row(&cells),
            "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n"
        );
    }

    #[test]
    fn compact_records_are_serdes() {
        let a = quote_highlighter::analyze("«Oui», a dit Mme Claire Dubois. «Non» « ouvert");
        let pass = vec![
            ("id".to_string(), serde_json::json!("a\"1")),
            ("n".to_string(), serde_json::json!({"x": [1, 2.5]})),
        ];
        let serde = serde_json::to_string(&Record {
            pass: Pass(&pass),
            analysis: &a,
        })
        .ok();
        assert_eq!(compact_record(&pass, &a).ok(), serde);
        assert_eq!(compact_record(&[], &a).ok(), serde_json::to_string(&a).ok());
    }
}
