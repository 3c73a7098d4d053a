//! Command-line options: `--opt value` and `--opt=value`, `-o FILE` and `-oFILE`, `--` ends the
//! options. Every misuse is answered with one line (the caller adds a `--help` hint, exit 2);
//! numbers are range-checked.

use std::ffi::OsString;
use std::path::PathBuf;

use quote_highlighter::{Unit, DEFAULT_MAX_INPUT};

pub const USAGE: &str = "\
usage: quote-highlighter [OPTIONS] [INPUT ...]

Finds guillemet quotes in French text and says who said each one.

INPUT is a text file, a JSON Lines file (*.jsonl, *.ndjson), a directory (read recursively for
*.txt and *.jsonl files, in name order, hidden entries skipped) or - for standard input (the
default). A leading UTF-8 byte order mark is skipped; offsets count from after it.

input:
  --jsonl              read every explicit INPUT and standard input as JSON Lines (one object a
                       line); without it only *.jsonl / *.ndjson files are
  --text-field PATH    the field holding the text (default text); a dotted PATH reaches into
                       nested objects (article.body)
  --keep A,B           pass only these input fields through (plus id); default: every field
                       but the text
  --max-bytes SIZE     refuse a text or a JSON line over SIZE (default 64MiB, at most 4GiB;
                       suffixes K, M, G or KiB, MiB, GiB are binary)
output:
  -o, --output FILE    write to FILE instead of standard output
  --format FORMAT      json (one analysis for a single text; an array of records otherwise),
                       jsonl (one record a document or line), csv or tsv (a header row, then
                       one row per quote). Default: json for a single text, jsonl otherwise
  --offsets UNIT       offsets in chars (code points, the default), utf16 or bytes
  --pretty             indent the JSON (--format json only)
run:
  --threads N          worker threads (default: all cores; 1 to 1024)
  --progress           documents, MB/s and ETA on standard error (default when it is a terminal)
  --no-progress        never show progress
  -h, --help           this help
  -V, --version        the version

Exit status: 0 success; 1 some documents or lines were unusable (each has an error record in its
place, or a message on standard error for csv/tsv); 2 usage error, unreadable input, a single
unusable text, or output that cannot be written.
";

/// The largest `--max-bytes` accepted: a text is held in memory whole, and its analysis takes
/// about twice its size.
pub const MAX_BYTES_LIMIT: usize = 4 << 30;
pub const MAX_THREADS: usize = 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    Tsv,
}

#[derive(Debug)]
pub struct Options {
    pub inputs: Vec<OsString>,
    pub jsonl: bool,
    pub format: Option<Format>,
    pub unit: Unit,
    pub max_bytes: usize,
    pub threads: usize,
    pub pretty: bool,
    pub output: Option<PathBuf>,
    /// The text field's path, split on dots.
    pub text_field: Vec<String>,
    pub keep: Option<Vec<String>>,
    /// `Some(true)` with `--progress`, `Some(false)` with `--no-progress`.
    pub progress: Option<bool>,
}

pub enum Parsed {
    Run(Options),
    Help,
    Version,
}

/// Parses the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    let mut o = Options {
        inputs: Vec::new(),
        jsonl: false,
        format: None,
        unit: Unit::Chars,
        max_bytes: DEFAULT_MAX_INPUT,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        pretty: false,
        output: None,
        text_field: vec!["text".to_string()],
        keep: None,
        progress: None,
    };
    let mut args = args.into_iter();
    let mut only_inputs = false;
    while let Some(arg) = args.next() {
        if only_inputs {
            o.inputs.push(arg);
            continue;
        }
        let Some(s) = arg.to_str() else {
            // Not UTF-8: can only be a file name.
            o.inputs.push(arg);
            continue;
        };
        if s == "--" {
            only_inputs = true;
            continue;
        }
        if s == "-" || !s.starts_with('-') {
            o.inputs.push(arg);
            continue;
        }
        // `--name=value`, `-oFILE`, or a name whose value is the next argument.
        let (name, inline): (&str, Option<String>) = if let Some(long) = s.strip_prefix("--") {
            match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            }
        } else if s.len() > 2 && s.starts_with("-o") {
            ("o", s.get(2..).map(str::to_string))
        } else {
            (s.trim_start_matches('-'), None)
        };
        let shown = if s.starts_with("--") {
            format!("--{name}")
        } else {
            format!("-{name}")
        };
        let value = |args: &mut dyn Iterator<Item = OsString>| -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            match args.next() {
                Some(v) => v
                    .into_string()
                    .map_err(|_| format!("{shown} needs a UTF-8 value")),
                None => Err(format!("{shown} needs a value")),
            }
        };
        let flag = |inline: &Option<String>| match inline {
            Some(_) => Err(format!("{shown} takes no value")),
            None => Ok(()),
        };
        match name {
            "jsonl" => {
                flag(&inline)?;
                o.jsonl = true;
            }
            "pretty" => {
                flag(&inline)?;
                o.pretty = true;
            }
            "progress" => {
                flag(&inline)?;
                o.progress = Some(true);
            }
            "no-progress" => {
                flag(&inline)?;
                o.progress = Some(false);
            }
            "h" | "help" => return Ok(Parsed::Help),
            "V" | "version" => return Ok(Parsed::Version),
            "offsets" => o.unit = value(&mut args)?.parse()?,
            "format" => {
                o.format = Some(match value(&mut args)?.as_str() {
                    "json" => Format::Json,
                    "jsonl" | "ndjson" => Format::Jsonl,
                    "csv" => Format::Csv,
                    "tsv" => Format::Tsv,
                    other => {
                        return Err(format!(
                            "unknown format {other:?}: expected json, jsonl, csv or tsv"
                        ))
                    }
                })
            }
            "max-bytes" => o.max_bytes = parse_size(&value(&mut args)?)?,
            "threads" => {
                let v = value(&mut args)?;
                o.threads = v
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_THREADS).contains(n))
                    .ok_or(format!(
                        "--threads takes a whole number from 1 to {MAX_THREADS}, not {v:?}"
                    ))?;
            }
            "o" | "output" => {
                let v = value(&mut args)?;
                if v.is_empty() {
                    return Err(format!("{shown} needs a file name"));
                }
                o.output = Some(PathBuf::from(v));
            }
            "text-field" => {
                let v = value(&mut args)?;
                let path: Vec<String> = v.split('.').map(str::to_string).collect();
                if path.iter().any(String::is_empty) {
                    return Err(format!(
                        "--text-field takes a field name or a dotted path, not {v:?}"
                    ));
                }
                o.text_field = path;
            }
            "keep" => {
                let v = value(&mut args)?;
                o.keep = Some(
                    v.split(',')
                        .map(str::trim)
                        .filter(|f| !f.is_empty())
                        .map(str::to_string)
                        .collect(),
                );
            }
            _ => return Err(format!("unknown option {s}")),
        }
    }
    Ok(Parsed::Run(o))
}

/// A byte size: a whole number, optionally with a binary suffix (K, M, G, KiB, MiB, GiB), from 1
/// byte to [`MAX_BYTES_LIMIT`].
fn parse_size(v: &str) -> Result<usize, String> {
    let err = || {
        format!(
            "--max-bytes takes a size from 1 byte to {} (e.g. 1048576 or 64MiB), not {v:?}",
            human_bytes(MAX_BYTES_LIMIT as u64)
        )
    };
    let t = v.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (num, suffix) = t.split_at(digits);
    let scale: u64 = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" | "kb" => 1 << 10,
        "m" | "mib" | "mb" => 1 << 20,
        "g" | "gib" | "gb" => 1 << 30,
        _ => return Err(err()),
    };
    let n: u64 = num.parse().map_err(|_| err())?;
    n.checked_mul(scale)
        .filter(|b| (1..=MAX_BYTES_LIMIT as u64).contains(b))
        .and_then(|b| usize::try_from(b).ok())
        .ok_or_else(err)
}

/// `10 bytes`, `1.5 KiB`, `64 MiB`, `70.0 MiB`: whole multiples without a decimal.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (name, size) in UNITS {
        if n >= size {
            return if n % size == 0 {
                format!("{} {name}", n / size)
            } else {
                format!("{:.1} {name}", n as f64 / size as f64)
            };
        }
    }
    if n == 1 {
        "1 byte".to_string()
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10"), Ok(10));
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("2G"), Ok(2 << 30));
        assert_eq!(parse_size("4GiB"), Ok(MAX_BYTES_LIMIT));
        for bad in [
            "0",
            "4097M",
            "18446744073709551615",
            "-1",
            "12 parsecs",
            "",
            "1.5M",
        ] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
        assert_eq!(human_bytes(10), "10 bytes");
        assert_eq!(human_bytes(64 << 20), "64 MiB");
        assert_eq!(human_bytes(70 << 20), "70 MiB");
        assert_eq!(human_bytes((70 << 20) + (1 << 19)), "70.5 MiB");
    }
}
