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

// ------------------------------------------------------------------ many inputs, formats, options

/// A fresh directory for one test under Cargo's scratch folder.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(path: &std::path::Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("dir");
    }
    std::fs::write(path, bytes).expect("write");
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn arg(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

const SAID: &str = "«Le pays est prêt», a déclaré Jean Martin.";

#[test]
fn a_directory_of_mixed_files_is_read_recursively_in_name_order() {
    let dir = scratch("mixed");
    write(&dir.join("b.txt"), format!("\u{feff}{SAID}").as_bytes());
    write(
        &dir.join("a/inner.jsonl"),
        format!(
            "\u{feff}{}\n{{broken\n{}\n",
            serde_json::json!({"id": "j1", "text": SAID}),
            serde_json::json!({"id": "j2", "text": "rien"})
        )
        .as_bytes(),
    );
    write(&dir.join("notes.md"), b"not read");
    write(&dir.join(".hidden/x.txt"), b"not read");
    write(&dir.join("c.TXT.bak"), b"not read");
    let out = run(&[arg(&dir)], b"");
    assert_eq!(out.status.code(), Some(1), "one malformed line");
    let recs = lines(&out);
    let ids: Vec<String> = recs
        .iter()
        .map(|r| r["id"].as_str().unwrap_or("-").to_string())
        .collect();
    let b = dir.join("b.txt").display().to_string();
    assert_eq!(ids, ["j1", "-", "j2", b.as_str()]);
    // The error record says where it was.
    let inner = dir.join("a/inner.jsonl").display().to_string();
    assert_eq!(recs[1]["line"].as_u64(), Some(2));
    assert_eq!(recs[1]["file"].as_str(), Some(inner.as_str()));
    // The BOM is skipped: offsets count from after it, in the text file and the JSON line.
    assert_eq!(recs[0]["quotes"][0]["start"].as_u64(), Some(0));
    assert_eq!(recs[3]["quotes"][0]["start"].as_u64(), Some(0));
    assert_eq!(recs[3]["quotes"][0]["end"].as_u64(), Some(18));
    let err = stderr(&out);
    assert!(err.contains("4 documents, 2 quotes, 1 unusable"), "{err}");
}

#[test]
fn a_bom_is_skipped_in_a_single_text_and_on_standard_input() {
    let out = run(&[], format!("\u{feff}{SAID}").as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["quotes"][0]["start"].as_u64(), Some(0));
    let line = format!("\u{feff}{}\n", serde_json::json!({"id": 1, "text": SAID}));
    let out = run(&["--jsonl"], line.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(lines(&out)[0]["quotes"][0]["end"].as_u64(), Some(18));
}

#[test]
fn every_input_is_read_stdin_included() {
    let dir = scratch("several");
    let f = dir.join("one.txt");
    write(&f, SAID.as_bytes());
    let out = run(&[arg(&f), "-"], "«Deux», a dit Ana Pérez.".as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"].as_str(), Some(arg(&f)));
    assert_eq!(recs[1]["id"].as_str(), Some("-"));
    assert_eq!(
        recs[1]["quotes"][0]["speaker"]["name"].as_str(),
        Some("Ana Pérez")
    );
    let out = run(&["-", "-"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_goes_to_a_file_with_every_spelling_of_the_option() {
    let dir = scratch("output");
    for (i, args) in [
        ["-o", "X"],
        ["--output", "X"],
        ["--output=X", ""],
        ["-oX", ""],
    ]
    .iter()
    .enumerate()
    {
        let target = dir.join(format!("out{i}.jsonl"));
        let args: Vec<String> = args
            .iter()
            .filter(|a| !a.is_empty())
            .map(|a| a.replace('X', arg(&target)))
            .collect();
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        all.push("--jsonl");
        let out = run(&all, br#"{"id": 1, "text": "rien"}"#);
        assert_eq!(out.status.code(), Some(0), "{all:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
        let written = std::fs::read_to_string(&target).expect("written");
        assert!(written.starts_with(r#"{"id":1,"quotes":[]"#), "{written}");
    }
    // A usage error leaves an existing output file alone.
    let keep = dir.join("keep.txt");
    write(&keep, b"precious");
    let out = run(&["-o", arg(&keep), "--frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&keep).expect("kept"), b"precious");
}

#[test]
fn options_take_their_value_after_an_equals_sign_too() {
    let text = "🙂 «Oui», a déclaré Jean Martin.";
    let out = run(&["--offsets=utf16", "--threads=2"], text.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["quotes"][0]["start"].as_u64(), Some(3));
    let out = run(&["--max-bytes=64MiB", "--format=jsonl"], text.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(lines(&out)[0]["id"].as_str(), Some("-"));
}

/// Every misuse: exit 2, nothing on standard output, one line and a hint on standard error.
#[test]
fn usage_errors_are_one_line_and_a_hint() {
    let cases: &[(&[&str], &str)] = &[
        (&["--frobnicate"], "unknown option --frobnicate"),
        (&["-x"], "unknown option -x"),
        (&["--offsets"], "--offsets needs a value"),
        (&["--offsets", "furlongs"], "unknown offset unit"),
        (&["--format", "xml"], "unknown format"),
        (
            &["--threads", "0"],
            "--threads takes a whole number from 1 to 1024",
        ),
        (&["--threads", "100000"], "from 1 to 1024"),
        (&["--threads", "two"], "from 1 to 1024"),
        (
            &["--max-bytes", "18446744073709551615"],
            "from 1 byte to 4 GiB",
        ),
        (&["--max-bytes", "0"], "from 1 byte to 4 GiB"),
        (&["--max-bytes", "5G"], "from 1 byte to 4 GiB"),
        (&["--max-bytes", "-3"], "from 1 byte to 4 GiB"),
        (
            &["--pretty", "--jsonl"],
            "--pretty only applies to --format json",
        ),
        (&["--pretty", "--format", "csv"], "--pretty only applies"),
        (&["--jsonl=yes"], "--jsonl takes no value"),
        (&["--text-field", "a..b"], "--text-field takes"),
        (&["-o"], "-o needs a value"),
    ];
    for (args, says) in cases {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = stderr(&out);
        let err_lines: Vec<&str> = err.lines().collect();
        assert_eq!(err_lines.len(), 2, "{args:?}: {err}");
        assert!(err_lines[0].contains(says), "{args:?}: {err}");
        assert!(err_lines[1].contains("--help"), "{args:?}: {err}");
    }
    // The largest documented size is accepted.
    let out = run(&["--max-bytes", "4GiB"], SAID.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn missing_inputs_and_bad_directory_entries_are_named() {
    let out = run(&["/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read /no/such/file.txt"),
        "{}",
        stderr(&out)
    );
    let dir = scratch("dangling");
    write(&dir.join("ok.txt"), SAID.as_bytes());
    let link = dir.join("gone.txt");
    std::os::unix::fs::symlink(dir.join("nowhere"), &link).expect("symlink");
    let out = run(&[arg(&dir)], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "nothing analysed before the inputs are known good"
    );
    assert!(
        stderr(&out).contains(&format!("cannot read {}", link.display())),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_size_error_gives_the_real_size_and_the_limit_in_binary_units() {
    let big = vec![b'a'; 3_000_000];
    let out = run(&["--max-bytes", "1M"], &big);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("2.9 MiB (3000000 bytes), above the limit of 1 MiB"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_jsonl_line_over_the_cap_is_skipped_with_an_error_record() {
    let long = "x".repeat(5000);
    let input = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"id": 1, "text": SAID}),
        serde_json::json!({"id": 2, "text": long}),
        serde_json::json!({"id": 3, "text": SAID})
    );
    let out = run(&["--jsonl", "--max-bytes", "1K"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["id"].as_u64(), Some(1));
    assert_eq!(recs[1]["line"].as_u64(), Some(2));
    let e = recs[1]["error"].as_str().unwrap_or("");
    assert!(
        e.contains("line is 4.9 KiB (5018 bytes), above the limit of 1 KiB"),
        "{e}"
    );
    assert_eq!(recs[2]["id"].as_u64(), Some(3));
}

#[test]
fn results_stream_while_the_input_is_still_open() {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_quote-highlighter"))
        .args(["--jsonl", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut input = child.stdin.take().expect("stdin");
    let output = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(output).lines() {
            if tx.send(line.expect("line")).is_err() {
                return;
            }
        }
    });
    for i in 0..3 {
        writeln!(input, "{}", serde_json::json!({"id": i, "text": SAID})).expect("write");
        input.flush().expect("flush");
        let got = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("a result before the input ends");
        let v: Value = serde_json::from_str(&got).expect("JSON");
        assert_eq!(v["id"].as_u64(), Some(i));
    }
    drop(input);
    assert_eq!(child.wait().expect("ends").code(), Some(0));
}

#[test]
fn text_field_reaches_nested_json_and_other_fields_pass_through() {
    // Written out by hand: `json!` would sort the keys.
    let line = format!(
        r#"{{"id": "a1", "source": "AFP", "meta": {{"lang": "fr", "n": 2}}, "article": {{"title": "T", "body": "{SAID}"}}, "quotes": "dropped: the analysis has this name"}}"#
    );
    let out = run(
        &["--jsonl", "--text-field", "article.body"],
        format!("{line}\n").as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let raw = String::from_utf8_lossy(&out.stdout);
    assert!(
        raw.starts_with(
            r#"{"id":"a1","source":"AFP","meta":{"lang":"fr","n":2},"article":{"title":"T"},"quotes":[{"#
        ),
        "input order kept, the text taken out: {raw}"
    );
    let out = run(
        &["--jsonl", "--text-field=article.body", "--keep", "source"],
        format!("{line}\n").as_bytes(),
    );
    let rec = &lines(&out)[0];
    let keys: Vec<&str> = rec
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys.iter()
            .filter(|k| ["id", "source", "meta", "article"].contains(k))
            .count(),
        2,
        "{rec}"
    );
    let out = run(
        &["--jsonl", "--text-field", "body"],
        format!("{line}\n").as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(lines(&out)[0]["error"]
        .as_str()
        .unwrap_or("")
        .contains("missing string field \"body\""));
}

/// The rows of a CSV/TSV file as Python's `csv` module reads them.
fn python_csv(path: &std::path::Path, delimiter: &str) -> Vec<Vec<String>> {
    let script = format!(
        "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    print(json.dumps(list(csv.reader(f, delimiter={delimiter:?}))))"
    );
    let out = Command::new("python3")
        .args(["-c", &script, arg(path)])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("rows")
}

#[test]
fn csv_and_tsv_rows_match_the_json_when_read_by_python() {
    let dir = scratch("csv");
    // `json!` sorts keys: the input order, and so the columns, are id, n, source.
    let docs = [
        serde_json::json!({"id": "d1", "source": "a, \"quoted\"\nsource", "n": 3,
            "text": "«Nous tiendrons, \"coûte que coûte\"», a assuré la ministre Claire Dubois. Le quotidien «Ouest-France» en parle."}),
        serde_json::json!({"id": 2, "source": "b\tc", "text": "Pas de citation ici."}),
        serde_json::json!({"id": "d3", "source": null, "text": "🙂 Selon Paul Durand, «la route\nest fermée». «Oui», a dit Ana Pérez."}),
    ];
    let input: String = docs.iter().map(|d| format!("{d}\n")).collect();
    let jsonl = dir.join("in.jsonl");
    write(&jsonl, input.as_bytes());
    let json_out = run(&["--jsonl", arg(&jsonl)], b"");
    let recs = lines(&json_out);
    for (format, delimiter) in [("csv", ","), ("tsv", "\t")] {
        let table = dir.join(format!("out.{format}"));
        let out = run(&[arg(&jsonl), "--format", format, "-o", arg(&table)], b"");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let rows = python_csv(&table, delimiter);
        assert_eq!(
            rows[0],
            [
                "id",
                "n",
                "source",
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
                "speaker_end"
            ]
        );
        let mut expected = Vec::new();
        for (doc, rec) in docs.iter().zip(&recs) {
            let text = doc["text"].as_str().expect("text");
            for q in rec["quotes"].as_array().expect("quotes") {
                let num = |v: &Value| v.as_u64().map(|n| n.to_string()).unwrap_or_default();
                let s = |v: &Value| v.as_str().unwrap_or("").to_string();
                let (start, end) = (num(&q["start"]), num(&q["end"]));
                let quote: String = text
                    .chars()
                    .skip(q["start"].as_u64().expect("start") as usize)
                    .take(
                        (q["end"].as_u64().expect("end") - q["start"].as_u64().expect("s"))
                            as usize,
                    )
                    .collect();
                let id = match &doc["id"] {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let source = s(&doc["source"]);
                expected.push(vec![
                    id,
                    doc["n"].as_u64().map(|n| n.to_string()).unwrap_or_default(),
                    source,
                    quote,
                    s(&q["kind"]),
                    s(&q["speaker"]["text"]),
                    s(&q["speaker"]["name"]),
                    s(&q["speaker"]["gender"]),
                    s(&q["cue"]["text"]),
                    s(&q["cue"]["lemma"]),
                    s(&q["method"]),
                    start,
                    end,
                    num(&q["speaker"]["start"]),
                    num(&q["speaker"]["end"]),
                ]);
            }
        }
        assert!(expected.len() >= 4, "the fixture has quotes: {expected:?}");
        assert_eq!(rows[1..], expected[..], "{format}");
    }
}

#[test]
fn json_format_gives_one_array_and_pretty_indents_it() {
    let input = format!("{}\n{{bad\n", serde_json::json!({"id": 1, "text": SAID}));
    for args in [
        &["--jsonl", "--format", "json"][..],
        &["--jsonl", "--format=json", "--pretty"],
    ] {
        let out = run(args, input.as_bytes());
        assert_eq!(out.status.code(), Some(1));
        let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
        let arr = v.as_array().expect("an array");
        assert_eq!(arr.len(), 2);
        assert_eq!(arr[0]["id"].as_u64(), Some(1));
        assert!(arr[1]["error"].is_string());
    }
    let out = run(
        &["--jsonl", "--format", "json", "--pretty"],
        input.as_bytes(),
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n  \"id\": 1"));
    let out = run(&["--jsonl", "--format", "json"], b"");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[]\n");
    // A single text keeps the bare analysis, indented on request.
    let out = run(&["--pretty"], SAID.as_bytes());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("{\n  \"quotes\""));
}

#[test]
fn progress_and_summary_go_to_standard_error() {
    let input = format!("{}\n{{bad\n", serde_json::json!({"id": 1, "text": SAID}));
    let quiet = run(
        &["--jsonl"],
        format!("{}\n", serde_json::json!({"id": 1, "text": SAID})).as_bytes(),
    );
    assert!(
        quiet.stderr.is_empty(),
        "nothing on stderr when all went well and it is not a terminal"
    );
    let out = run(&["--jsonl", "--progress"], input.as_bytes());
    let err = stderr(&out);
    assert!(err.contains("MB/s"), "{err}");
    assert!(err.contains("2 documents, 1 quote, 1 unusable"), "{err}");
    let out = run(&["--jsonl"], input.as_bytes());
    assert_eq!(
        stderr(&out).trim(),
        "quote-highlighter: 2 documents, 1 quote, 1 unusable (error records in the output)"
    );
}

#[test]
fn write_errors_are_exit_2_with_a_message() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_quote-highlighter"))
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|c| c.wait_with_output())
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("No space left on device"),
        "{}",
        stderr(&out)
    );

    // A reader that stops early (`| head -c 10`): a broken pipe.
    let mut input = Vec::new();
    for i in 0..20_000 {
        input.extend_from_slice(
            format!("{}\n", serde_json::json!({"id": i, "text": SAID})).as_bytes(),
        );
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_quote-highlighter"))
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().expect("stdout"), &mut first)
        .expect("10 bytes");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ends");
    let _ = feeder.join();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot write to standard output"),
        "{}",
        stderr(&out)
    );

    // A closed descriptor (`>&-`), told apart from a shell's `>/dev/null`.
    let bin = env!("CARGO_BIN_EXE_quote-highlighter");
    let shell = |redirect: &str| {
        Command::new("sh")
            .args(["-c", &format!("printf x | \"$0\" {redirect}"), bin])
            .output()
            .expect("sh runs")
    };
    let closed = shell(">&-");
    assert_eq!(closed.status.code(), Some(2));
    assert!(
        stderr(&closed).contains("standard output: it is closed"),
        "{}",
        stderr(&closed)
    );
    assert_eq!(shell(">/dev/null").status.code(), Some(0));
}

#[test]
fn help_and_version_go_to_standard_output() {
    for flag in ["-h", "--help"] {
        let out = run(&[flag], b"");
        assert_eq!(out.status.code(), Some(0));
        let help = String::from_utf8_lossy(&out.stdout);
        for option in [
            "--format",
            "--text-field",
            "--keep",
            "--output",
            "--progress",
            "--max-bytes",
        ] {
            assert!(help.contains(option), "{option}");
        }
    }
    let out = run(&["--version"], b"");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("quote-highlighter "));
    let out = run(&["--no-progress", "--jsonl"], b"{bad\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains("MB/s"));
}
