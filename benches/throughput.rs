//! `make bench` (native part): builds a news-like corpus from our own fixture texts, then
//! measures on one core detection alone and the full analysis, the linearity of throughput at
//! 1, 10 and 100 MB, peak memory per input byte, adversarial inputs, and the command-line
//! `--jsonl` batch mode over all cores. Prints a readable line per figure and appends JSON lines
//! to `target/bench/results.jsonl` for the final report. MB = 10^6 bytes of UTF-8.
//!
//! Usage: `cargo bench --bench throughput` (the Makefile passes the corpus size).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use quote_highlighter::{analyze, detect};

#[path = "../tests/support/mod.rs"]
mod support;
use support::corpus::{documents, fixture_texts, Density};

/// Best of `reps` runs, in MB/s.
fn throughput(text: &str, reps: usize, f: impl Fn(&str) -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut n = 0;
    for _ in 0..reps {
        let t = Instant::now();
        n = f(text);
        best = best.min(t.elapsed().as_secs_f64());
    }
    (text.len() as f64 / 1e6 / best, n)
}

/// The adversarial shapes (issues #11 and #17), each about the size named.
fn adversarial_inputs() -> Vec<(&'static str, String)> {
    // One named speaker, then short quotes that could each continue it.
    let one_speaker = "Le ministre de l'Économie, Bruno Le Maire, a déclaré : «Oui.» ";
    let speakers = {
        let mut s = String::with_capacity(1_000_064);
        let mut i = 0;
        while s.len() < 1_000_000 {
            s.push_str(&format!("«Oui», a déclaré Jean Martin{i}. "));
            i += 1;
        }
        s
    };
    vec![
        ("5 MB of «", "«".repeat(2_500_000)),
        ("4 MB of «»", "«»".repeat(1_000_000)),
        ("100 000 nested openers", "« a ".repeat(100_000)),
        ("1 MB without a space", "é".repeat(500_000)),
        (
            "100 000 quotes without cues",
            "«Une phrase sans verbe.» Puis du texte. ".repeat(100_000),
        ),
        (
            "1 MB of speech verbs",
            "a déclaré a-t-il ajouté selon estime ".repeat(1_000_000 / 37),
        ),
        (
            "1 MB of capitalised words",
            "Jean Martin Paul Durand Le Monde ".repeat(1_000_000 / 33),
        ),
        ("a déclaré M. x 100 000", "a déclaré M. ".repeat(100_000)),
        ("1 MB of straight \"", "\"".repeat(1_000_000)),
        ("1 MB of «⏎— dashes", "«\n— ".repeat(1_000_000 / 7)),
        ("1 MB of »Nein«", "»Nein« ".repeat(1_000_000 / 9)),
        ("1 MB of distinct speakers", speakers),
        ("1 MB of \"a\" words", "\"a\" ".repeat(250_000)),
        ("1 MB of glued «a»", "«a»".repeat(200_000)),
        (
            "«Ah» ×160 000 after one speaker",
            format!("{one_speaker}{}", "«Ah» ".repeat(160_000)),
        ),
    ]
}

fn slug(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// One run of the command line on a file, output to a file.
struct CliRun {
    secs: f64,
    out_bytes: u64,
    max_rss_kb: Option<u64>,
}

/// Runs `cli input > output` under `/usr/bin/time` (peak memory) when it exists.
fn run_cli(cli: &Path, input: &Path, output: &Path) -> Option<CliRun> {
    let out = std::fs::File::create(output).ok()?;
    let rss_file = output.with_extension("rss");
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-f").arg("%M").arg("-o").arg(&rss_file).arg(cli);
        c
    } else {
        Command::new(cli)
    };
    let t = Instant::now();
    let status = cmd.arg(input).stdout(out).status().ok()?;
    let secs = t.elapsed().as_secs_f64();
    if !status.success() {
        return None;
    }
    let max_rss_kb = std::fs::read_to_string(&rss_file)
        .ok()
        .and_then(|s| s.trim().parse().ok());
    let _ = std::fs::remove_file(&rss_file);
    Some(CliRun {
        secs,
        out_bytes: std::fs::metadata(output).map(|m| m.len()).unwrap_or(0),
        max_rss_kb,
    })
}

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

struct Report {
    file: std::fs::File,
}

impl Report {
    fn figure(&mut self, key: &str, value: f64, unit: &str, label: &str) {
        println!("{label:<58} {value:>12.1} {unit}");
        // serde_json writes the line: a label may hold `"` (`1 MB of straight "`).
        let line = serde_json::json!({ "key": key, "value": (value * 1000.0).round() / 1000.0, "unit": unit, "label": label });
        let _ = writeln!(self.file, "{line}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child mode: peak memory of one analysis of a file, measured in a fresh process.
    if let Some(i) = args.iter().position(|a| a == "--memory") {
        let path = args.get(i + 1).expect("--memory FILE");
        let text = std::fs::read_to_string(path).expect("corpus readable");
        let a = analyze(&text);
        println!("{} {} {}", text.len(), vm_hwm_kb(), a.quotes.len());
        return;
    }
    let mb: usize = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out_dir = root.join("target/bench");
    std::fs::create_dir_all(&out_dir).expect("target/bench");
    let mut report = Report {
        file: std::fs::File::create(out_dir.join("results.jsonl")).expect("results file"),
    };

    let mut cases = Vec::new();
    fixture_texts(&root.join("tests/fixtures"), &mut cases);
    let docs = documents(mb * 1_000_000, &cases, Density::Sparse);
    let corpus = docs.join("\n");
    std::fs::write(out_dir.join("corpus.txt"), &corpus).expect("write corpus");
    let mut jsonl = String::with_capacity(corpus.len() * 11 / 10);
    for (i, d) in docs.iter().enumerate() {
        let _ = writeln!(
            jsonl,
            "{}",
            serde_json::json!({ "id": format!("doc-{i}"), "text": d })
        );
    }
    std::fs::write(out_dir.join("corpus.jsonl"), &jsonl).expect("write corpus.jsonl");
    println!(
        "corpus: {:.1} MB, {} documents built from {} fixture texts and filler",
        corpus.len() as f64 / 1e6,
        docs.len(),
        cases.len()
    );

    let (det, nq) = throughput(&corpus, 3, detect);
    report.figure(
        "native_detect_mbs",
        det,
        "MB/s",
        "native detection alone (1 core)",
    );
    let (full, _) = throughput(&corpus, 3, |t| analyze(t).quotes.len());
    report.figure(
        "native_full_mbs",
        full,
        "MB/s",
        "native full analysis (1 core)",
    );
    report.figure(
        "corpus_quotes",
        nq as f64,
        "quotes",
        "quotes found in the corpus",
    );
    report.figure(
        "corpus_bytes_per_quote",
        corpus.len() as f64 / nq.max(1) as f64,
        "B",
        "corpus density: bytes per quote",
    );

    // The quote-dense corpus: fixture texts only, the density of real quote-heavy copy.
    let dense = documents(mb * 1_000_000, &cases, Density::Dense).join("\n");
    let (dense_full, dense_quotes) = throughput(&dense, 3, |t| analyze(t).quotes.len());
    report.figure(
        "native_full_dense_mbs",
        dense_full,
        "MB/s",
        "native full analysis, quote-dense corpus (1 core)",
    );
    report.figure(
        "dense_bytes_per_quote",
        dense.len() as f64 / dense_quotes.max(1) as f64,
        "B",
        "dense corpus density: bytes per quote",
    );

    // Linearity: the same material at 1, 10 and 100 MB.
    let big: String = {
        let mut s = String::with_capacity(100_000_000 + corpus.len());
        while s.len() < 100_000_000 {
            s.push_str(&corpus);
            s.push('\n');
        }
        s
    };
    for size in [1usize, 10, 100] {
        let mut end = size * 1_000_000;
        while !big.is_char_boundary(end) {
            end -= 1;
        }
        let (v, _) = throughput(&big[..end], if size == 100 { 1 } else { 3 }, |t| {
            analyze(t).quotes.len()
        });
        report.figure(
            &format!("native_full_{size}mb_mbs"),
            v,
            "MB/s",
            &format!("native full analysis at {size} MB"),
        );
    }
    let big_path = out_dir.join("corpus-100mb.txt");
    std::fs::write(&big_path, &big[..big.len().min(100_000_000)]).ok();
    drop(big);

    // Peak memory of analysing 100 MB, in a fresh process.
    if let Ok(exe) = std::env::current_exe() {
        if let Ok(out) = Command::new(exe).arg("--memory").arg(&big_path).output() {
            let s = String::from_utf8_lossy(&out.stdout);
            let v: Vec<f64> = s
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            if let [len, hwm_kb, _] = v[..] {
                report.figure(
                    "peak_bytes_per_input_byte",
                    hwm_kb * 1024.0 / len,
                    "B/B",
                    "peak memory per input byte (100 MB, input included)",
                );
            }
        }
    }
    let _ = std::fs::remove_file(&big_path);

    // Adversarial inputs, each analysed whole in process.
    let adversarial = adversarial_inputs();
    for (label, text) in &adversarial {
        let (v, _) = throughput(text, 1, |t| analyze(t).quotes.len());
        report.figure(
            &format!("adversarial_{}", slug(label)),
            v,
            "MB/s",
            &format!("adversarial: {label}"),
        );
    }

    let cli = root.join("target/release/quote-highlighter");
    if cli.exists() {
        // The command line on every adversarial input, output to a file: speed, output size
        // and peak memory per input byte.
        // Best time and highest peak of three runs: the machine may be busy. The start-up
        // (binary, word lists) is measured once on a one-quote text, and memory is also
        // reported above it: the engine's share, which grows with the input.
        let startup_kb = {
            let input = out_dir.join("startup.txt");
            std::fs::write(&input, "«Oui», a déclaré Jean Martin.").expect("write start-up input");
            (0..3)
                .filter_map(|_| run_cli(&cli, &input, &out_dir.join("startup.json")))
                .filter_map(|r| r.max_rss_kb)
                .min()
        };
        if let Some(kb) = startup_kb {
            report.figure(
                "cli_startup_rss_mb",
                kb as f64 / 1024.0,
                "MB",
                "command line, peak memory at start-up (one short quote)",
            );
        }
        for (label, text) in &adversarial {
            let input = out_dir.join("adversarial.txt");
            std::fs::write(&input, text).expect("write adversarial input");
            let runs: Vec<CliRun> = (0..3)
                .filter_map(|_| run_cli(&cli, &input, &out_dir.join("adversarial.json")))
                .collect();
            let best = runs.iter().map(|r| r.secs).fold(f64::INFINITY, f64::min);
            let peak = runs.iter().filter_map(|r| r.max_rss_kb).max();
            if let Some(run) = runs.first().map(|r| CliRun {
                secs: best,
                out_bytes: r.out_bytes,
                max_rss_kb: peak,
            }) {
                let mb = text.len() as f64 / 1e6;
                report.figure(
                    &format!("cli_adversarial_{}_mbs", slug(label)),
                    mb / run.secs,
                    "MB/s",
                    &format!("command line, adversarial: {label}"),
                );
                report.figure(
                    &format!("cli_adversarial_{}_out_ratio", slug(label)),
                    run.out_bytes as f64 / text.len() as f64,
                    "B/B",
                    "  output bytes per input byte",
                );
                if let Some(kb) = run.max_rss_kb {
                    report.figure(
                        &format!("cli_adversarial_{}_mem_ratio", slug(label)),
                        kb as f64 * 1024.0 / text.len() as f64,
                        "B/B",
                        "  peak memory per input byte",
                    );
                    if let Some(base) = startup_kb {
                        report.figure(
                            &format!("cli_adversarial_{}_mem_above_startup", slug(label)),
                            kb.saturating_sub(base) as f64 * 1024.0 / text.len() as f64,
                            "B/B",
                            "  peak memory per input byte, above start-up",
                        );
                    }
                }
            }
        }
        // 50 MB of quote-dense news through the command line and through grep, side by side.
        let news = {
            let mut s = String::with_capacity(50_000_000 + dense.len());
            while s.len() < 50_000_000 {
                s.push_str(&dense);
                s.push('\n');
            }
            s
        };
        let news_path = out_dir.join("dense-50mb.txt");
        std::fs::write(&news_path, &news).expect("write dense corpus");
        let ours = run_cli(&cli, &news_path, &out_dir.join("dense-50mb.json"));
        let grep = {
            let t = Instant::now();
            let out = std::fs::File::create(out_dir.join("dense-50mb.grep")).ok();
            let ok = out.and_then(|o| {
                Command::new("grep")
                    .arg("-o")
                    .arg("«[^»]*»")
                    .arg(&news_path)
                    .env("LC_ALL", "C.UTF-8")
                    .stdout(o)
                    .status()
                    .ok()
            });
            ok.map(|_| t.elapsed().as_secs_f64())
        };
        let mb = news.len() as f64 / 1e6;
        if let (Some(ours), Some(grep)) = (ours, grep) {
            report.figure(
                "cli_dense_mbs",
                mb / ours.secs,
                "MB/s",
                "command line, 50 MB quote-dense news, output to a file",
            );
            report.figure(
                "grep_dense_mbs",
                mb / grep,
                "MB/s",
                "grep -o '«[^»]*»' on the same file, output to a file",
            );
            report.figure(
                "cli_vs_grep",
                grep / ours.secs,
                "x",
                "command line speed / grep speed",
            );
        }
        let _ = std::fs::remove_file(&news_path);
    }

    // The command-line batch mode over all cores.
    if cli.exists() {
        let t = Instant::now();
        let status = Command::new(&cli)
            .arg("--jsonl")
            .stdin(std::fs::File::open(out_dir.join("corpus.jsonl")).expect("corpus.jsonl"))
            .stdout(Stdio::null())
            .status();
        let secs = t.elapsed().as_secs_f64();
        if status.is_ok_and(|s| s.success()) {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            report.figure(
                "cli_jsonl_docs_per_s",
                docs.len() as f64 / secs,
                "docs/s",
                &format!("command line --jsonl, {cores} cores"),
            );
            report.figure(
                "cli_jsonl_mbs",
                jsonl.len() as f64 / 1e6 / secs,
                "MB/s",
                "command line --jsonl (JSON in and out)",
            );
        }
    } else {
        println!("(build the release binary for the command-line figure)");
    }
    let _ = std::io::stdout().flush();
}
