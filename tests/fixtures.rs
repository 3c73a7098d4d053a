//! Runs every behaviour fixture in `tests/fixtures/` (see `tests/fixtures/README.md` for the
//! format). Each case gives a text and the quotes expected in it, in order; a case passes when
//! the analysis finds exactly those quotes with those kinds, flags and speakers.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quote_highlighter::{analyze, Analysis, QuoteKind};

/// One expected quote.
#[derive(Debug, Default)]
struct Expect {
    text: String,
    kind: Option<String>,
    unclosed: bool,
    /// `Some(None)` = expects no speaker; `Some(Some(name))` = expects that name.
    speaker: Option<Option<String>>,
    mention: Option<String>,
    cue: Option<String>,
    method: Option<String>,
    /// `gender: f`, `gender: m` or `gender: -` (the text does not say).
    gender: Option<String>,
    /// Why a term is one: `named`, `title`, `recurring`, `navigation`, `gloss`, `document`.
    reason: Option<String>,
    nested: bool,
    /// The content (marks and padding excluded), when given.
    content: Option<String>,
}

#[derive(Debug)]
struct Case {
    file: PathBuf,
    line: usize,
    title: String,
    text: String,
    quotes: Vec<Expect>,
    /// Diagnostics codes expected (order-free), when given.
    diagnostics: Option<Vec<String>>,
    /// The names of the speakers list, in order, when given.
    speakers: Option<Vec<String>>,
}

#[path = "support/unescape.rs"]
mod unescape;
use unescape::unescape;

fn parse_expect(line: &str) -> Expect {
    let mut parts = line.split(" | ");
    let mut e = Expect {
        text: unescape(parts.next().unwrap_or("").trim()),
        ..Expect::default()
    };
    for p in parts {
        let p = p.trim();
        if let Some(v) = p.strip_prefix("speaker:") {
            let v = v.trim();
            e.speaker = Some(if v == "-" { None } else { Some(unescape(v)) });
        } else if let Some(v) = p.strip_prefix("mention:") {
            e.mention = Some(unescape(v.trim()));
        } else if let Some(v) = p.strip_prefix("cue:") {
            e.cue = Some(v.trim().to_string());
        } else if let Some(v) = p.strip_prefix("content:") {
            e.content = Some(unescape(v.trim()));
        } else if let Some(v) = p.strip_prefix("method:") {
            e.method = Some(v.trim().to_string());
        } else if let Some(v) = p.strip_prefix("gender:") {
            e.gender = Some(v.trim().to_string());
        } else if let Some(v) = p.strip_prefix("reason:") {
            e.reason = Some(v.trim().to_string());
        } else if p == "unclosed" {
            e.unclosed = true;
        } else if p == "nested" {
            e.nested = true;
        } else if matches!(p, "direct" | "partial" | "term") {
            e.kind = Some(p.to_string());
        } else {
            panic!("unknown field {p:?} in expectation {line:?}");
        }
    }
    e
}

fn parse_file(path: &Path) -> Vec<Case> {
    let src = std::fs::read_to_string(path).expect("fixture file readable");
    let mut cases = Vec::new();
    let mut lines = src.lines().enumerate().peekable();
    while let Some((n, line)) = lines.next() {
        let Some(title) = line.strip_prefix("=== ") else {
            continue;
        };
        let mut text_lines = Vec::new();
        for (_, l) in lines.by_ref() {
            if l == "---" {
                break;
            }
            text_lines.push(l);
        }
        let mut quotes = Vec::new();
        let mut diagnostics = None;
        let mut speakers = None;
        while let Some((_, l)) = lines.peek() {
            if l.starts_with("=== ") {
                break;
            }
            let l = lines.next().map(|(_, l)| l).unwrap_or("");
            let t = l.trim();
            if t.is_empty() || t.starts_with('#') || t == "(none)" {
                continue;
            }
            if let Some(d) = t.strip_prefix("diagnostics:") {
                diagnostics = Some(d.split_whitespace().map(str::to_string).collect());
                continue;
            }
            if let Some(d) = t.strip_prefix("speakers:") {
                speakers = Some(d.split(" | ").map(|n| unescape(n.trim())).collect());
                continue;
            }
            quotes.push(parse_expect(t));
        }
        cases.push(Case {
            file: path.to_path_buf(),
            line: n + 1,
            title: title.trim().to_string(),
            text: unescape(&text_lines.join("\n")),
            quotes,
            diagnostics,
            speakers,
        });
    }
    cases
}

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Term => "term",
    }
}

/// The serialised name of a field value (`afterQuote`, `f`, `title`).
fn method_name<T: serde::Serialize>(a: &T) -> String {
    serde_json::to_value(a)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Compares one case; returns a description of every mismatch.
fn check(case: &Case, a: &Analysis) -> Vec<String> {
    let mut errs = Vec::new();
    let got: Vec<String> = a
        .quotes
        .iter()
        .map(|q| {
            case.text
                .get(q.start..q.end)
                .unwrap_or("<bad span>")
                .to_string()
        })
        .collect();
    let want: Vec<&str> = case.quotes.iter().map(|e| e.text.as_str()).collect();
    if got != want {
        errs.push(format!(
            "quotes: expected {want:?}\n           got      {got:?}"
        ));
        return errs;
    }
    for (q, e) in a.quotes.iter().zip(&case.quotes) {
        let label = &e.text;
        if let Some(k) = &e.kind {
            if kind_name(q.kind) != k {
                errs.push(format!(
                    "{label}: kind {} (expected {k})",
                    kind_name(q.kind)
                ));
            }
        }
        if e.unclosed == q.closed {
            errs.push(format!(
                "{label}: closed = {} (expected {})",
                q.closed, !e.unclosed
            ));
        }
        if e.nested != q.parent.is_some() {
            errs.push(format!(
                "{label}: nested = {} (expected {})",
                q.parent.is_some(),
                e.nested
            ));
        }
        if let Some(want) = &e.speaker {
            let got = q.speaker.as_ref().and_then(|s| s.name.clone());
            if &got != want {
                errs.push(format!("{label}: speaker {got:?} (expected {want:?})"));
            }
        }
        if let Some(want) = &e.mention {
            let got = q.speaker.as_ref().map(|s| s.text.clone());
            // `mention: -`: no speaker mention at all (`speaker: -` alone allows a mention
            // without a name, `je` or an unresolved `il`).
            let want_none = want == "-";
            if got.as_deref() != Some(want.as_str()) && !(want_none && got.is_none()) {
                errs.push(format!("{label}: mention {got:?} (expected {want:?})"));
            }
        }
        if let Some(want) = &e.cue {
            let got = q.cue.as_ref().map(|c| c.lemma.clone());
            if got.as_deref() != Some(want.as_str()) {
                errs.push(format!("{label}: cue {got:?} (expected {want:?})"));
            }
        }
        if let Some(want) = &e.content {
            let got = case.text.get(q.content_start..q.content_end);
            if got != Some(want.as_str()) {
                errs.push(format!("{label}: content {got:?} (expected {want:?})"));
            }
        }
        if let Some(want) = &e.method {
            let got = q.method.as_ref().map(method_name);
            if got.as_deref() != Some(want.as_str()) {
                errs.push(format!("{label}: method {got:?} (expected {want:?})"));
            }
        }
        if let Some(want) = &e.gender {
            let got = q
                .speaker
                .as_ref()
                .and_then(|s| s.gender.as_ref())
                .map_or("-".to_string(), method_name);
            if &got != want {
                errs.push(format!("{label}: gender {got:?} (expected {want:?})"));
            }
        }
        if let Some(want) = &e.reason {
            let got = q.reason.as_ref().map(method_name);
            if got.as_deref() != Some(want.as_str()) {
                errs.push(format!("{label}: reason {got:?} (expected {want:?})"));
            }
        }
    }
    if let Some(want) = &case.diagnostics {
        let mut want = want.clone();
        let mut got: Vec<String> = a.diagnostics.iter().map(|d| d.code.to_string()).collect();
        want.sort();
        got.sort();
        if got != want {
            errs.push(format!("diagnostics: {got:?} (expected {want:?})"));
        }
    }
    if let Some(want) = &case.speakers {
        let got: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
        if got != *want {
            errs.push(format!("speakers: {got:?} (expected {want:?})"));
        }
    }
    errs
}

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            fixture_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

#[test]
fn fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    fixture_files(&root, &mut files);
    let cases: Vec<Case> = files.iter().flat_map(|f| parse_file(f)).collect();
    assert!(!cases.is_empty(), "no fixture cases found under {root:?}");
    let mut report = String::new();
    let mut failed = 0;
    for case in &cases {
        let errs = check(case, &analyze(&case.text));
        if !errs.is_empty() {
            failed += 1;
            let _ = writeln!(
                report,
                "\n{}:{} — {}\n  text: {:?}",
                case.file.display(),
                case.line,
                case.title,
                case.text
            );
            for e in errs {
                let _ = writeln!(report, "  {e}");
            }
        }
    }
    println!("{} fixture cases in {} files", cases.len(), files.len());
    assert!(
        failed == 0,
        "{failed} of {} fixture cases failed:{report}",
        cases.len()
    );
}
