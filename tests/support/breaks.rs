//! The expected analysis of a text written with other line breaks: shared by the CRLF property
//! test (`tests/properties.rs`) and the differential fuzz target (`fuzz/fuzz_targets/differential.rs`).

use quote_highlighter::Analysis;

/// The analysis of `lf` as it must read for the same text with `eol` breaks: offsets moved by
/// one byte per `\n` before them for `\r\n`, mentions and cues as written with `eol`.
pub fn with_breaks(a: &Analysis, lf: &str, eol: &str) -> Analysis {
    let mut out = a.clone();
    if eol == "\r\n" {
        let breaks: Vec<usize> = lf.match_indices('\n').map(|(i, _)| i).collect();
        for o in out.offsets_mut() {
            *o += breaks.partition_point(|&b| b < *o);
        }
    }
    for q in &mut out.quotes {
        if let Some(s) = &mut q.speaker {
            s.text = s.text.replace('\n', eol);
        }
        if let Some(c) = &mut q.cue {
            c.text = c.text.replace('\n', eol);
        }
    }
    out
}
