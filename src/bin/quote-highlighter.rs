//! The command-line tool: `quote-highlighter [OPTIONS] [FILE]`.
//!
//! Reads a text file (or standard input) and prints its analysis as JSON, or, with `--jsonl`,
//! reads `{"id", "text"}` lines and writes one result line per input line, in input order, using
//! every core. Exit status: 0 on success, 1 when some `--jsonl` lines were malformed (each has an
//! error record in its place), 2 on unusable input (invalid UTF-8, too large, unreadable) or usage.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use quote_highlighter::{analyze, check_size, offsets, Analysis, Unit, DEFAULT_MAX_INPUT};
use serde::Serialize;
use serde_json::Value;

const USAGE: &str = "\
usage: quote-highlighter [OPTIONS] [FILE]

Finds guillemet quotes in French text and says who said each one.
Reads FILE (or standard input when FILE is absent or -) and prints JSON.

options:
  --jsonl              read JSON Lines {\"id\": …, \"text\": \"…\"}; write one result line per
                       input line: {\"id\": …, \"quotes\": […], \"speakers\": […], \"diagnostics\": […]}
                       (a malformed line gives {\"line\": N, \"error\": \"…\"} and exit status 1)
  --offsets UNIT       offsets in chars (code points, the default), utf16 or bytes
  --max-bytes N        refuse a text (or a JSONL line) longer than N bytes (default 67108864)
  --threads N          worker threads for --jsonl (default: all cores)
  --pretty             indent the JSON (single-text mode)
  -h, --help           this help
  -V, --version        the version
";

struct Options {
    jsonl: bool,
    unit: Unit,
    max_bytes: usize,
    threads: usize,
    pretty: bool,
    file: Option<String>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut o = Options {
        jsonl: false,
        unit: Unit::Chars,
        max_bytes: DEFAULT_MAX_INPUT,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        pretty: false,
        file: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--jsonl" => o.jsonl = true,
            "--pretty" => o.pretty = true,
            "--offsets" => o.unit = value("--offsets")?.parse()?,
            "--max-bytes" => {
                o.max_bytes = value("--max-bytes")?
                    .parse()
                    .map_err(|_| "--max-bytes takes a whole number of bytes".to_string())?
            }
            "--threads" => {
                o.threads = value("--threads")?
                    .parse::<usize>()
                    .map_err(|_| "--threads takes a whole number".to_string())?
                    .max(1)
            }
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("quote-highlighter {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "-" => o.file = None,
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s if o.file.is_none() => o.file = Some(s.to_string()),
            s => return Err(format!("only one FILE is read; got a second one: {s}")),
        }
    }
    Ok(Some(o))
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Some(o)) => o,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quote-highlighter: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let input: Box<dyn Read> = match &opts.file {
        None => Box::new(io::stdin().lock()),
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("quote-highlighter: cannot open {path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let stdout = io::stdout().lock();
    let result = if opts.jsonl {
        run_jsonl(&opts, io::BufReader::new(input), BufWriter::new(stdout))
    } else {
        run_text(&opts, input, BufWriter::new(stdout))
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quote-highlighter: {e}");
            ExitCode::from(2)
        }
    }
}

/// Decodes UTF-8 or explains where it is broken.
fn decode(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "input is not valid UTF-8: invalid byte sequence at byte offset {}",
            e.valid_up_to()
        )
    })
}

fn analysis_in(text: &str, unit: Unit) -> Analysis {
    let mut a = analyze(text);
    offsets::convert(&mut a, text, unit);
    a
}

fn run_text(opts: &Options, mut input: impl Read, mut out: impl Write) -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    // Read one byte past the cap so an oversized input is refused without reading all of it.
    input
        .by_ref()
        .take(opts.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)?;
    if let Err(e) = check_size(bytes.len(), opts.max_bytes) {
        eprintln!("quote-highlighter: {e}");
        return Ok(ExitCode::from(2));
    }
    let text = match decode(&bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("quote-highlighter: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let a = analysis_in(text, opts.unit);
    if opts.pretty {
        serde_json::to_writer_pretty(&mut out, &a)?;
    } else {
        serde_json::to_writer(&mut out, &a)?;
    }
    writeln!(out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a Value,
    #[serde(flatten)]
    analysis: Analysis,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    error: String,
}

/// One input line → one output line (without the newline). `Err` means an error record.
fn process_line(line_no: usize, raw: &[u8], opts: &Options) -> (String, bool) {
    let fail = |id: Option<&Value>, error: String| {
        let rec = ErrorRecord {
            line: line_no,
            id,
            error,
        };
        (serde_json::to_string(&rec).unwrap_or_default(), false)
    };
    if let Err(e) = check_size(raw.len(), opts.max_bytes) {
        return fail(None, e.to_string());
    }
    let line = match decode(raw) {
        Ok(l) => l,
        Err(e) => return fail(None, e),
    };
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return fail(None, format!("not a JSON object: {e}")),
    };
    let Some(obj) = value.as_object() else {
        return fail(None, "not a JSON object with \"id\" and \"text\"".into());
    };
    let id = obj.get("id").unwrap_or(&Value::Null);
    let Some(text) = obj.get("text").and_then(Value::as_str) else {
        return fail(Some(id), "missing string field \"text\"".into());
    };
    // The core is built never to panic; should a bug make it, one line is lost, not the batch.
    let analysis = match std::panic::catch_unwind(|| analysis_in(text, opts.unit)) {
        Ok(a) => a,
        Err(_) => {
            return fail(
                Some(id),
                "internal error: the analysis failed on this text (please report it)".into(),
            )
        }
    };
    let rec = Record { id, analysis };
    match serde_json::to_string(&rec) {
        Ok(s) => (s, true),
        Err(e) => fail(Some(id), format!("could not write the result: {e}")),
    }
}

fn run_jsonl(opts: &Options, mut input: impl BufRead, mut out: impl Write) -> io::Result<ExitCode> {
    const BATCH: usize = 4096;
    let mut all_ok = true;
    let mut line_no = 0usize;
    let mut eof = false;
    while !eof {
        // Read a batch of lines, keeping their numbers (blank lines are skipped).
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            let mut buf = Vec::new();
            if input.read_until(b'\n', &mut buf)? == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            batch.push((line_no, buf));
        }
        let results = process_batch(&batch, opts);
        for (line, ok) in results {
            all_ok &= ok;
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Processes a batch over `opts.threads` threads, keeping input order.
fn process_batch(batch: &[(usize, Vec<u8>)], opts: &Options) -> Vec<(String, bool)> {
    let threads = opts.threads.min(batch.len()).max(1);
    if threads == 1 {
        return batch
            .iter()
            .map(|(n, l)| process_line(*n, l, opts))
            .collect();
    }
    let chunk = batch.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|(n, l)| process_line(*n, l, opts))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![(
                        r#"{"error":"internal error: a worker thread panicked"}"#.to_string(),
                        false,
                    )]
                })
            })
            .collect()
    })
}
