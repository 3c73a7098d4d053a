//! Differential test: the engine's answers against a committed snapshot of an earlier release's
//! output, so a change of shape or speed cannot change an answer unnoticed.
//!
//! - `tests/snapshots/fixtures.jsonl`: the full analysis (JSON, byte offsets) of every fixture
//!   text, one line each, in fixture order;
//! - `tests/snapshots/corpus.jsonl`: an FNV-1a hash of the analysis of every document of the
//!   sparse and dense bench corpora (2 MB each) and of each corpus analysed whole;
//! - `tests/snapshots/shared-data.jsonl`: a hash per document id of `../shared/data` (its text is
//!   not ours to commit); skipped when `../shared/data` is absent.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test differential` rewrites the snapshots (only when an
//! answer change is intended, and listed in the commit message); `DIFF_DUMP=dir` writes the
//! current full outputs of the corpora to `dir` to compare with an earlier build's.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quote_highlighter::analyze;

#[path = "support/mod.rs"]
mod support;
use support::corpus::{documents, fixture_texts, Density};

const CORPUS_BYTES: usize = 2_000_000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn output(text: &str) -> String {
    let a = analyze(text);
    let serde = serde_json::to_string(&a).expect("analysis serialises");
    // The command line's writer makes the same bytes as the serde derive, on every text here.
    let mut fast = Vec::new();
    quote_highlighter::json::write_analysis(&mut fast, &a).expect("writes into a vector");
    assert!(
        fast == serde.as_bytes(),
        "json::write_analysis differs from serde on {text:?}"
    );
    serde
}

fn fnv(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Compares `lines` with the snapshot file, or rewrites it under `UPDATE_SNAPSHOTS`; reports
/// every differing line (up to 20) with the fixture's text when given.
fn check(name: &str, lines: &[String], context: &[String]) {
    let path = root().join("tests/snapshots").join(name);
    let mut now = String::new();
    for l in lines {
        let _ = writeln!(now, "{l}");
    }
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &now).expect("write snapshot");
        return;
    }
    let before = std::fs::read_to_string(&path).expect("snapshot readable");
    let old: Vec<&str> = before.lines().collect();
    let mut diffs = Vec::new();
    for i in 0..old.len().max(lines.len()) {
        let (a, b) = (old.get(i).copied(), lines.get(i).map(String::as_str));
        if a != b {
            diffs.push(format!(
                "line {}:\n  text:   {:?}\n  before: {}\n  now:    {}",
                i + 1,
                context.get(i).map_or("", String::as_str),
                a.unwrap_or("(none)"),
                b.unwrap_or("(none)")
            ));
        }
    }
    assert!(
        diffs.is_empty(),
        "{name}: {} answers differ from the snapshot:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn cases() -> Vec<String> {
    let mut cases = Vec::new();
    fixture_texts(&root().join("tests/fixtures"), &mut cases);
    cases
}

#[test]
fn fixtures_answer_as_before() {
    let cases = cases();
    assert!(cases.len() > 100, "fixture texts found");
    let lines: Vec<String> = cases.iter().map(|t| output(t)).collect();
    check("fixtures.jsonl", &lines, &cases);
}

#[test]
fn bench_corpora_answer_as_before() {
    let cases = cases();
    let dump = std::env::var_os("DIFF_DUMP").map(PathBuf::from);
    let mut lines = Vec::new();
    let mut context = Vec::new();
    for (label, density) in [("sparse", Density::Sparse), ("dense", Density::Dense)] {
        let docs = documents(CORPUS_BYTES, &cases, density);
        let mut full = String::new();
        for (i, d) in docs.iter().enumerate() {
            let out = output(d);
            lines.push(format!(
                "{{\"corpus\":\"{label}\",\"doc\":{i},\"hash\":\"{}\"}}",
                fnv(&out)
            ));
            context.push(d.clone());
            let _ = writeln!(full, "{out}");
        }
        let whole = docs.join("\n");
        let out = output(&whole);
        lines.push(format!(
            "{{\"corpus\":\"{label}\",\"doc\":\"whole\",\"hash\":\"{}\"}}",
            fnv(&out)
        ));
        context.push(String::new());
        if let Some(dir) = &dump {
            let _ = std::fs::create_dir_all(dir);
            let _ = std::fs::write(dir.join(format!("{label}-docs.jsonl")), &full);
            let _ = std::fs::write(dir.join(format!("{label}-whole.json")), &out);
        }
    }
    check("corpus.jsonl", &lines, &context);
}

/// The documents of `../shared/data` (id and text of every JSON line of every `*.jsonl`, and
/// each `*.txt` whole).
fn shared_docs(dir: &Path) -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let file = p.file_name().map(|f| f.to_string_lossy().into_owned());
        let Some(file) = file else { continue };
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        if file.ends_with(".jsonl") {
            for (n, line) in src.lines().enumerate() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                let id = v["id"].as_str().map_or_else(|| n.to_string(), String::from);
                if let Some(t) = v["text"].as_str() {
                    out.push((format!("{file}#{id}"), t.to_string()));
                }
            }
        } else if file.ends_with(".txt") {
            out.push((file, src));
        }
    }
    out
}

#[test]
fn shared_data_answers_as_before() {
    let dir = root().join("../shared/data");
    if !dir.is_dir() {
        println!("../shared/data absent: skipped");
        return;
    }
    let docs = shared_docs(&dir);
    let lines: Vec<String> = docs
        .iter()
        .map(|(id, t)| {
            let id = serde_json::to_string(id).unwrap_or_default();
            format!("{{\"doc\":{id},\"hash\":\"{}\"}}", fnv(&output(t)))
        })
        .collect();
    let context: Vec<String> = docs.iter().map(|(id, _)| id.clone()).collect();
    check("shared-data.jsonl", &lines, &context);
}
