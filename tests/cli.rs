//! The command-line tool as a user runs it: exit statuses, error records, order, limits.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quote-highlighter"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("the binary ends");
    writer.join().expect("writer thread");
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn one_text_gives_one_json_analysis_in_code_points() {
    let out = run(
        &[],
        "é «Le pays est prêt», a déclaré Jean Martin.".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let q = &v["quotes"][0];
    assert_eq!(
        (q["start"].as_u64(), q["end"].as_u64()),
        (Some(2), Some(20))
    );
}

#[test]
fn offsets_can_be_bytes_or_utf16() {
    let text = "🙂 «Oui», a déclaré Jean Martin.";
    for (unit, start) in [("bytes", 5), ("utf16", 3), ("chars", 2)] {
        let out = run(&["--offsets", unit], text.as_bytes());
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(v["quotes"][0]["start"].as_u64(), Some(start), "{unit}");
    }
}

#[test]
fn invalid_utf8_is_refused_with_its_byte_offset() {
    let mut input = "«Bonjour» ".as_bytes().to_vec();
    let at = input.len();
    input.extend_from_slice(&[0xff, 0xfe]);
    let out = run(&[], &input);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("byte offset {at}")), "{err}");
}

#[test]
fn input_over_the_cap_is_refused_not_aborted() {
    let out = run(
        &["--max-bytes", "10"],
        "«Une phrase trop longue»".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("above the limit of 10 bytes"));
    let ok = run(&["--max-bytes", "100"], "«Courte»".as_bytes());
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn bad_options_explain_themselves() {
    let out = run(&["--offsets", "furlongs"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown offset unit"));
    let out = run(&["--frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn jsonl_keeps_order_and_loses_nothing_among_bad_lines() {
    // 100 000 lines; every 997th is malformed in one of four ways. Run on 4 threads with small
    // batches crossing many thread boundaries.
    let n = 100_000;
    let mut input = Vec::new();
    for i in 1..=n {
        match (i % 997 == 0, i % 4) {
            (true, 0) => input.extend_from_slice(b"{not json"),
            (true, 1) => input.extend_from_slice(br#"{"id": 1}"#),
            (true, 2) => input.extend_from_slice(b"[1, 2]"),
            (true, _) => input.extend_from_slice(b"{\"id\": \"x\", \"text\": \"\xff\"}"),
            (false, _) => input.extend_from_slice(
                format!(r#"{{"id": {i}, "text": "«Ligne {i}», a déclaré Jean Martin."}}"#)
                    .as_bytes(),
            ),
        }
        input.push(b'\n');
    }
    let out = run(&["--jsonl", "--threads", "4"], &input);
    assert_eq!(out.status.code(), Some(1), "some lines were malformed");
    let recs = lines(&out);
    assert_eq!(recs.len(), n, "one output line per input line");
    for (k, rec) in recs.iter().enumerate() {
        let i = k + 1;
        if i % 997 == 0 {
            assert_eq!(rec["line"].as_u64(), Some(i as u64), "{rec}");
            assert!(
                rec["error"].as_str().is_some_and(|e| !e.is_empty()),
                "{rec}"
            );
        } else {
            assert_eq!(rec["id"].as_u64(), Some(i as u64), "order kept at line {i}");
            assert_eq!(
                rec["quotes"][0]["end"].as_u64(),
                Some(format!("«Ligne {i}»").chars().count() as u64)
            );
        }
    }
}

#[test]
fn jsonl_invalid_utf8_line_reports_its_offset() {
    let out = run(
        &["--jsonl"],
        b"{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2, \"text\": \"\xc3\"}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1]["line"].as_u64(), Some(2));
    assert!(recs[1]["error"]
        .as_str()
        .unwrap_or("")
        .contains("byte offset 19"));
}

#[test]
fn blank_lines_are_skipped_and_clean_input_exits_zero() {
    let out = run(&["--jsonl"], b"\n{\"id\": \"a\", \"text\": \"rien\"}\n\n");
    assert_eq!(out.status.code(), Some(0));
    let recs = lines(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"].as_str(), Some("a"));
}
