//! The compact JSON of an [`Analysis`], written to any `io::Write`: the command line's
//! and the Python package's output. It is byte for byte what `serde_json::to_writer` makes of
//! the serde derive on the result types (a test holds the two together on every fixture), at a
//! fraction of the cost: keys are written as constants rather than escaped one byte at a time,
//! strings are copied in runs between the bytes that need escaping, numbers go through one
//! small formatter. serde stays the definition for pretty output and for other serialisers.
//!
//! Complexity: O(size of the output); the JSON is made in a buffer of 64 KB handed to
//! the writer as it fills, so the answer is never held twice (as values and as JSON).

use std::io::{self, Write};

use crate::model::{Analysis, Cue, Diagnostic, Quote, Span, Speaker, SpeakerEntry};

/// The buffer handed to the writer each time it holds this many bytes.
const CHUNK: usize = 1 << 16;

/// Writes the analysis as one JSON object: `{"quotes":[…],"speakers":[…],"diagnostics":[…]}`.
pub fn write_analysis(w: &mut impl Write, a: &Analysis) -> io::Result<()> {
    w.write_all(b"{")?;
    write_analysis_fields(w, a)?;
    w.write_all(b"}")
}

/// Writes the analysis's three fields without the braces (`"quotes":[…],…`), for a record
/// that carries other fields beside them (the command line's JSON Lines).
pub fn write_analysis_fields(w: &mut impl Write, a: &Analysis) -> io::Result<()> {
    let mut out = Vec::with_capacity(CHUNK + 4096);
    // Each item hands the buffer on when it is full.
    out.extend_from_slice(b"\"quotes\":");
    list(&mut out, &a.quotes, |o, q| {
        quote(o, q);
        spill(w, o)
    })?;
    out.extend_from_slice(b",\"speakers\":");
    list(&mut out, &a.speakers, |o, s| {
        entry(o, s);
        spill(w, o)
    })?;
    out.extend_from_slice(b",\"diagnostics\":");
    list(&mut out, &a.diagnostics, |o, d| {
        diagnostic(o, d);
        spill(w, o)
    })?;
    w.write_all(&out)
}

/// A JSON array of `items`, each written by `each`.
fn list<T>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut each: impl FnMut(&mut Vec<u8>, T) -> io::Result<()>,
) -> io::Result<()> {
    out.push(b'[');
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, x)?;
    }
    out.push(b']');
    Ok(())
}

/// The same for items written into the buffer alone, which cannot fail.
fn plain_list<T>(out: &mut Vec<u8>, items: impl IntoIterator<Item = T>, each: fn(&mut Vec<u8>, T)) {
    let _infallible = list(out, items, |o, x| {
        each(o, x);
        Ok(())
    });
}

/// Hands the buffer to the writer once it holds [`CHUNK`] bytes.
fn spill(w: &mut impl Write, out: &mut Vec<u8>) -> io::Result<()> {
    if out.len() >= CHUNK {
        w.write_all(out)?;
        out.clear();
    }
    Ok(())
}

fn quote(out: &mut Vec<u8>, q: &Quote) {
    out.extend_from_slice(b"{\"start\":");
    number(out, q.start);
    out.extend_from_slice(b",\"end\":");
    number(out, q.end);
    out.extend_from_slice(b",\"contentStart\":");
    number(out, q.content_start);
    out.extend_from_slice(b",\"contentEnd\":");
    number(out, q.content_end);
    out.extend_from_slice(b",\"open\":");
    string(out, q.open.as_str());
    out.extend_from_slice(b",\"close\":");
    string(out, q.close.as_str());
    out.extend_from_slice(b",\"kind\":");
    string(out, q.kind.as_str());
    out.extend_from_slice(b",\"closed\":");
    out.extend_from_slice(if q.closed { b"true" } else { b"false" });
    out.extend_from_slice(b",\"parent\":");
    option(out, q.parent, number);
    out.extend_from_slice(b",\"speaker\":");
    option(out, q.speaker.as_deref(), speaker);
    out.extend_from_slice(b",\"cue\":");
    option(out, q.cue.as_deref(), cue);
    out.extend_from_slice(b",\"method\":");
    option(out, q.method, |o, m| string(o, m.as_str()));
    if let Some(r) = q.reason {
        out.extend_from_slice(b",\"reason\":");
        string(out, r.as_str());
    }
    out.push(b'}');
}

fn speaker(out: &mut Vec<u8>, s: &Speaker) {
    out.extend_from_slice(b"{\"start\":");
    number(out, s.start);
    out.extend_from_slice(b",\"end\":");
    number(out, s.end);
    out.extend_from_slice(b",\"text\":");
    string(out, &s.text);
    out.extend_from_slice(b",\"name\":");
    option(out, s.name.as_deref(), string);
    out.extend_from_slice(b",\"id\":");
    option(out, s.id, number);
    out.extend_from_slice(b",\"gender\":");
    option(out, s.gender, |o, g| string(o, g.as_str()));
    out.push(b'}');
}

fn cue(out: &mut Vec<u8>, c: &Cue) {
    out.extend_from_slice(b"{\"start\":");
    number(out, c.start);
    out.extend_from_slice(b",\"end\":");
    number(out, c.end);
    out.extend_from_slice(b",\"text\":");
    string(out, &c.text);
    out.extend_from_slice(b",\"lemma\":");
    string(out, &c.lemma);
    out.extend_from_slice(b",\"incise\":");
    option(out, c.incise, span);
    out.push(b'}');
}

fn entry(out: &mut Vec<u8>, s: &SpeakerEntry) {
    out.extend_from_slice(b"{\"id\":");
    number(out, s.id);
    out.extend_from_slice(b",\"name\":");
    string(out, &s.name);
    out.extend_from_slice(b",\"quotes\":");
    plain_list(out, s.quotes.iter().copied(), number);
    out.extend_from_slice(b",\"mentions\":");
    plain_list(out, s.mentions.iter().copied(), span);
    out.extend_from_slice(b",\"gender\":");
    option(out, s.gender, |o, g| string(o, g.as_str()));
    out.push(b'}');
}

fn diagnostic(out: &mut Vec<u8>, d: &Diagnostic) {
    out.extend_from_slice(b"{\"start\":");
    number(out, d.start);
    out.extend_from_slice(b",\"end\":");
    number(out, d.end);
    out.extend_from_slice(b",\"code\":");
    string(out, d.code);
    out.extend_from_slice(b",\"message\":");
    string(out, &d.message);
    out.push(b'}');
}

fn span(out: &mut Vec<u8>, s: Span) {
    out.extend_from_slice(b"{\"start\":");
    number(out, s.start);
    out.extend_from_slice(b",\"end\":");
    number(out, s.end);
    out.push(b'}');
}

fn option<T>(out: &mut Vec<u8>, v: Option<T>, write: impl FnOnce(&mut Vec<u8>, T)) {
    match v {
        Some(v) => write(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

/// A number in decimal, as serde_json writes a `usize`.
fn number(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        // `n % 10` is below 10: the cast never truncates.
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(at..).unwrap_or(b"0"));
}

/// A JSON string with serde_json's escapes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, and
/// `\u00XX` (lowercase hex) for the other control chars; everything else as written.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0..=0x1F => b"",
            _ => continue,
        };
        out.extend_from_slice(bytes.get(run..i).unwrap_or(b""));
        run = i + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            for nibble in [b >> 4, b & 0xF] {
                out.push(HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'));
            }
        } else {
            out.extend_from_slice(escape);
        }
    }
    out.extend_from_slice(bytes.get(run..).unwrap_or(b""));
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde(text: &str) {
        let a = crate::analyze(text);
        let mut ours = Vec::new();
        assert!(write_analysis(&mut ours, &a).is_ok());
        let theirs = serde_json::to_vec(&a).unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs),
            "{text:?}"
        );
    }

    #[test]
    fn strings_escape_as_serde_does() {
        for s in [
            "",
            "a\"b\\c",
            "\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "«é»",
            "x\u{0}y",
        ] {
            let mut ours = Vec::new();
            string(&mut ours, s);
            assert_eq!(ours, serde_json::to_vec(s).unwrap_or_default(), "{s:?}");
        }
        for n in [0, 7, 10, 99, 1234567890, usize::MAX] {
            let mut ours = Vec::new();
            number(&mut ours, n);
            assert_eq!(ours, n.to_string().into_bytes());
        }
    }

    #[test]
    fn every_field_as_serde_writes_it() {
        same_as_serde("«Le dialogue doit reprendre», a souligné Mme Claire Dubois.");
        same_as_serde("«Q1, a-t-elle ajouté, Q2» « non fermé\n« \"x\" » les «bonnets rouges»");
        same_as_serde("Il a dit : «Tab\tet \\ et \u{1} ici».");
        // Longer than one chunk: the buffer is handed over several times.
        same_as_serde(&"«Oui», a déclaré Jean Martin. «Non», dit-il. ".repeat(3000));
    }
}
