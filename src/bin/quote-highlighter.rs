//! The command-line tool: `quote-highlighter [OPTIONS] [INPUT ...]`.
//!
//! One text in, one JSON analysis out (the default for a single text file or standard input); or
//! many documents — files, directories, JSON Lines — streamed through every core and written in
//! input order as JSON Lines, a JSON array, or CSV/TSV rows (one per quote). See `--help`.
//!
//! Exit status: 0 on success, 1 when some documents or lines were unusable (each has an error
//! record in its place), 2 on usage errors, unreadable inputs, a single unusable text, or output
//! that cannot be written.
//!
//! Layout: `cli/args.rs` the options, `cli/inputs.rs` finding and reading inputs, `cli/render.rs`
//! one document to its record or rows, `cli/pipeline.rs` the ordered parallel run and progress.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::OnceLock;

use quote_highlighter::{analyze, offsets};

#[path = "cli/args.rs"]
mod args;
#[path = "cli/inputs.rs"]
mod inputs;
#[path = "cli/pipeline.rs"]
mod pipeline;
#[path = "cli/render.rs"]
mod render;

use args::{Format, Options, Parsed, USAGE};
use inputs::{Input, Kind};

fn usage_error(e: &str) -> ExitCode {
    eprintln!("quote-highlighter: {e}\nTry 'quote-highlighter --help' for more information.");
    ExitCode::from(2)
}

fn fail(e: &str) -> ExitCode {
    eprintln!("quote-highlighter: {e}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let opts = match args::parse(std::env::args_os().skip(1)) {
        Ok(Parsed::Run(o)) => o,
        Ok(Parsed::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Parsed::Version) => {
            println!("quote-highlighter {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(e) => return usage_error(&e),
    };
    let inputs = match inputs::resolve(&opts.inputs, opts.jsonl) {
        Ok(i) => i,
        Err(e) => return fail(&e),
    };
    let single_text = matches!(
        inputs.as_slice(),
        [Input {
            kind: Kind::Text,
            ..
        }]
    ) && !opts.inputs.iter().any(|a| std::path::Path::new(a).is_dir());
    let format = opts.format.unwrap_or(if single_text {
        Format::Json
    } else {
        Format::Jsonl
    });
    if opts.pretty && format != Format::Json {
        return usage_error(
            "--pretty only applies to --format json (JSON Lines keep one record a line; CSV and TSV have no indentation)",
        );
    }
    // Open the output only once the arguments are known good, so a typo never truncates a file.
    let sink: Box<dyn Write> = match &opts.output {
        None if stdout_was_closed() => {
            return fail("cannot write to standard output: it is closed");
        }
        None => Box::new(io::stdout().lock()),
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                return fail(&format!(
                    "cannot write {}: {}",
                    path.display(),
                    inputs::plain(&e)
                ))
            }
        },
    };
    let out_name = opts
        .output
        .as_ref()
        .map_or("standard output".to_string(), |p| p.display().to_string());
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    let write_error = |e: io::Error| {
        fail(&format!(
            "cannot write to {out_name}: {}",
            inputs::plain(&e)
        ))
    };

    if single_text && format == Format::Json {
        return match run_single(&opts, &inputs[0], &mut out) {
            Ok(code) => code,
            Err(Single::Write(e)) => write_error(e),
            Err(Single::Input(e)) => fail(&e),
        };
    }

    let settings = render::Settings {
        unit: opts.unit,
        format,
        pretty: opts.pretty,
        text_path: opts.text_field.clone(),
        keep: opts.keep.clone(),
        max_bytes: opts.max_bytes,
        columns: OnceLock::new(),
    };
    let show_progress = opts.progress.unwrap_or_else(|| io::stderr().is_terminal());
    let progress = show_progress.then(|| {
        let total = inputs.iter().map(|i| i.size).sum::<Option<u64>>();
        pipeline::Progress::new(total)
    });
    let (summary, result) = pipeline::run(&inputs, &settings, opts.threads, progress, &mut out);
    match result {
        Err(pipeline::Failure::Write(e)) => return write_error(e),
        Err(pipeline::Failure::Read(e)) => return fail(&e),
        Ok(()) => {}
    }
    if summary.failed > 0 || show_progress {
        let unusable = if summary.failed > 0 {
            format!(
                ", {} unusable ({})",
                summary.failed,
                if matches!(format, Format::Csv | Format::Tsv) {
                    "reported above"
                } else {
                    "error records in the output"
                }
            )
        } else {
            String::new()
        };
        eprintln!(
            "quote-highlighter: {}, {}{unusable}",
            pipeline::count(summary.docs, "document"),
            pipeline::count(summary.quotes, "quote")
        );
    }
    if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Rust's runtime reopens a closed standard output on `/dev/null`, read-write, before `main`
/// runs, so every write would succeed into nothing. A shell's `>/dev/null` opens it write-only:
/// the access mode in `/proc/self/fdinfo/1` tells the two apart (Linux; elsewhere, false).
fn stdout_was_closed() -> bool {
    let on_null = std::fs::read_link("/proc/self/fd/1")
        .is_ok_and(|target| target == std::path::Path::new("/dev/null"));
    on_null
        && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        })
}

enum Single {
    Write(io::Error),
    Input(String),
}

/// One text → one JSON analysis (no id), the tool's original mode; an unusable text is exit 2.
fn run_single(opts: &Options, input: &Input, out: &mut dyn Write) -> Result<ExitCode, Single> {
    let shown = match &input.path {
        None => "input".to_string(),
        Some(p) => p.display().to_string(),
    };
    let read_err =
        |e: io::Error| Single::Input(format!("cannot read {shown}: {}", inputs::plain(&e)));
    let mut r = inputs::open(input).map_err(read_err)?;
    let bytes = inputs::read_text(&mut r, opts.max_bytes, input.size)
        .map_err(read_err)?
        .map_err(|e| Single::Input(format!("{shown} is {e}")))?;
    let text = render::decode(&bytes).map_err(|e| match &input.path {
        None => Single::Input(e),
        Some(_) => Single::Input(format!("{shown}: {e}")),
    })?;
    let mut a = analyze(text);
    offsets::convert(&mut a, text, opts.unit);
    // A buffer of a concrete type between serde_json and `out`: its many small writes are then
    // inlined copies rather than one dynamic call each (a third of the run on dense quotes).
    let mut buffered = BufWriter::with_capacity(1 << 16, &mut *out);
    if opts.pretty {
        serde_json::to_writer_pretty(&mut buffered, &a).map_err(|e| Single::Write(e.into()))?;
    } else {
        // The compact writer (the same bytes as serde's, a few times faster).
        quote_highlighter::json::write_analysis(&mut buffered, &a).map_err(Single::Write)?;
    }
    writeln!(buffered).map_err(Single::Write)?;
    buffered.flush().map_err(Single::Write)?;
    drop(buffered);
    out.flush().map_err(Single::Write)?;
    Ok(ExitCode::SUCCESS)
}
