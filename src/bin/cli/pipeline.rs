//! The streaming run: a reader thread cuts the inputs into batches of documents, worker threads
//! render them, and the calling thread writes the results in input order.
//!
//! Memory is bounded: at most `4 × threads` batches (each up to 256 KiB of input, or one larger
//! document) are between the reader and the writer at any time, and no more than 256 MiB of input
//! once a batch is there — the reader waits for the writer, so the reorder buffer never grows past
//! that. A line over `--max-bytes` is measured while it is skipped, never buffered past the cap.
//! Output is flushed whenever the writer has nothing more to write, and input from a pipe is
//! handed out before each read that may block: results stream as the lines come.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::args::Format;
use super::inputs::{self, Input, Kind, Line};
use super::render::{self, Doc, Rendered, Settings};

const BATCH_BYTES: u64 = 256 << 10;
const BATCH_DOCS: usize = 1024;
const BUDGET_BYTES: u64 = 256 << 20;

/// What a run counted.
#[derive(Default)]
pub struct Summary {
    pub docs: u64,
    pub quotes: u64,
    pub failed: u64,
}

pub enum Failure {
    /// An input could not be read (message names it).
    Read(String),
    /// The output could not be written.
    Write(io::Error),
}

/// Batches between the reader and the writer, and their input bytes.
struct Budget {
    state: Mutex<(usize, u64)>,
    freed: Condvar,
    max_batches: usize,
    abort: AtomicBool,
}

impl Budget {
    /// Waits for room for a batch of `bytes`; false when the run is aborted.
    fn acquire(&self, bytes: u64) -> bool {
        let Ok(mut st) = self.state.lock() else {
            return false;
        };
        while !self.abort.load(Ordering::Relaxed)
            && (st.0 >= self.max_batches || (st.0 > 0 && st.1 + bytes > BUDGET_BYTES))
        {
            st = match self.freed.wait(st) {
                Ok(s) => s,
                Err(_) => return false,
            };
        }
        st.0 += 1;
        st.1 += bytes;
        !self.abort.load(Ordering::Relaxed)
    }

    fn release(&self, bytes: u64) {
        if let Ok(mut st) = self.state.lock() {
            st.0 = st.0.saturating_sub(1);
            st.1 = st.1.saturating_sub(bytes);
        }
        self.freed.notify_all();
    }

    fn stop(&self) {
        self.abort.store(true, Ordering::Relaxed);
        let _guard = self.state.lock();
        self.freed.notify_all();
    }
}

struct Job {
    seq: u64,
    docs: Vec<Doc>,
    bytes: u64,
}

struct Done {
    seq: u64,
    out: Vec<Rendered>,
    bytes: u64,
}

/// Runs every input through the engine and writes the results to `out` in input order.
pub fn run(
    inputs: &[Input],
    settings: &Settings,
    threads: usize,
    progress: Option<Progress>,
    out: &mut dyn Write,
) -> (Summary, Result<(), Failure>) {
    let budget = Budget {
        state: Mutex::new((0, 0)),
        freed: Condvar::new(),
        max_batches: threads * 4,
        abort: AtomicBool::new(false),
    };
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let mut summary = Summary::default();
    let mut progress = progress;

    let (read_result, write_result) = std::thread::scope(|scope| {
        let budget = &budget;
        let reader = scope.spawn(move || read_all(inputs, settings, budget, job_tx));
        for _ in 0..threads {
            let rx = Arc::clone(&job_rx);
            let tx = done_tx.clone();
            scope.spawn(move || loop {
                let job = match rx.lock() {
                    Ok(r) => r.recv(),
                    Err(_) => return,
                };
                let Ok(job) = job else { return };
                if budget.abort.load(Ordering::Relaxed) {
                    return;
                }
                let out = job
                    .docs
                    .into_iter()
                    .map(|d| render::render(d, settings))
                    .collect();
                let done = Done {
                    seq: job.seq,
                    out,
                    bytes: job.bytes,
                };
                if tx.send(done).is_err() {
                    return;
                }
            });
        }
        drop(job_rx);
        drop(done_tx);
        let written = write_all(
            done_rx,
            settings,
            budget,
            &mut summary,
            progress.as_mut(),
            out,
        );
        if written.is_err() {
            budget.stop();
        }
        let read = reader
            .join()
            .unwrap_or_else(|_| Err("internal error: the reader thread failed".to_string()));
        (read, written)
    });
    if let Some(p) = progress.as_mut() {
        p.finish(&summary);
    }
    let result = match (write_result, read_result) {
        (Err(e), _) => Err(Failure::Write(e)),
        (Ok(()), Err(e)) => Err(Failure::Read(e)),
        (Ok(()), Ok(())) => Ok(()),
    };
    (summary, result)
}

/// The reader: inputs → batches of documents, each sent once the budget has room.
fn read_all(
    inputs: &[Input],
    s: &Settings,
    budget: &Budget,
    jobs: mpsc::Sender<Job>,
) -> Result<(), String> {
    let mut seq = 0u64;
    let mut batch: Vec<Doc> = Vec::new();
    let mut bytes = 0u64;
    let csv = matches!(s.format, Format::Csv | Format::Tsv);
    let mut send = |batch: &mut Vec<Doc>, bytes: &mut u64| -> Result<(), String> {
        if batch.is_empty() {
            return Ok(());
        }
        if !budget.acquire(*bytes) {
            // Aborted: the writer failed and reports why.
            return Err(String::new());
        }
        let job = Job {
            seq,
            docs: std::mem::take(batch),
            bytes: std::mem::take(bytes),
        };
        seq += 1;
        jobs.send(job).map_err(|_| {
            "internal error: the worker threads stopped (please report it)".to_string()
        })
    };
    for input in inputs {
        let name = input.name();
        let shown = if input.path.is_none() {
            "standard input".to_string()
        } else {
            name.clone()
        };
        let read_err = |e: io::Error| format!("cannot read {shown}: {}", inputs::plain(&e));
        let mut r = inputs::open(input).map_err(read_err)?;
        match input.kind {
            Kind::Text => {
                let text = inputs::read_text(&mut r, s.max_bytes, input.size).map_err(read_err)?;
                if csv {
                    let _ = s.columns.set(s.columns_for_text());
                }
                let len = text.as_ref().map_or(0, |t| t.len() as u64);
                let bytes_doc = text.map_err(|e| format!("text is {e}"));
                batch.push(Doc::Text {
                    name,
                    bytes: bytes_doc,
                });
                bytes += len;
            }
            Kind::Jsonl => {
                let file: Option<Arc<str>> = input.path.as_ref().map(|_| Arc::from(name.as_str()));
                inputs::skip_bom(&mut r).map_err(read_err)?;
                let mut line_no = 0u64;
                while let Some(line) = inputs::read_line(&mut r, s.max_bytes).map_err(read_err)? {
                    line_no += 1;
                    let (doc_bytes, len) = match line {
                        Line::Ok(b) if b.iter().all(u8::is_ascii_whitespace) => continue,
                        Line::Ok(b) => {
                            if csv && s.columns.get().is_none() {
                                let _ = s.columns.set(s.columns_from_line(&b));
                            }
                            let len = b.len() as u64;
                            (Ok(b), len)
                        }
                        Line::TooLong(n) => (Err(n), 0),
                    };
                    batch.push(Doc::Line {
                        file: file.clone(),
                        line: line_no,
                        bytes: doc_bytes,
                    });
                    bytes += len + 1;
                    // From a pipe or terminal, what was read goes out before a read that may
                    // block, so results follow a slow producer line by line.
                    let would_block = input.size.is_none() && r.buffer().is_empty();
                    if bytes >= BATCH_BYTES || batch.len() >= BATCH_DOCS || would_block {
                        send(&mut batch, &mut bytes)?;
                    }
                }
            }
        }
        if bytes >= BATCH_BYTES || batch.len() >= BATCH_DOCS {
            send(&mut batch, &mut bytes)?;
        }
    }
    send(&mut batch, &mut bytes)
}

/// The writer: results in input order, with JSON-array or CSV framing, progress and counts.
fn write_all(
    done: mpsc::Receiver<Done>,
    s: &Settings,
    budget: &Budget,
    summary: &mut Summary,
    mut progress: Option<&mut Progress>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    let mut started = false;
    let mut bytes_done = 0u64;
    let start = |out: &mut dyn Write, started: &mut bool| -> io::Result<()> {
        if !*started {
            *started = true;
            match s.format {
                Format::Csv | Format::Tsv => out.write_all(s.header().as_bytes())?,
                Format::Json => out.write_all(b"[")?,
                Format::Jsonl => {}
            }
        }
        Ok(())
    };
    loop {
        // Write out what is ready before waiting, so output follows the input as it comes.
        let d = match done.try_recv() {
            Ok(d) => d,
            Err(mpsc::TryRecvError::Disconnected) => break,
            Err(mpsc::TryRecvError::Empty) => {
                out.flush()?;
                match done.recv() {
                    Ok(d) => d,
                    Err(_) => break,
                }
            }
        };
        pending.insert(d.seq, d);
        while let Some(d) = pending.remove(&next) {
            next += 1;
            start(out, &mut started)?;
            for r in d.out {
                summary.docs += 1;
                summary.quotes += r.quotes as u64;
                summary.failed += u64::from(r.failed);
                if let Some(msg) = &r.error {
                    eprintln!("quote-highlighter: {msg}");
                }
                match s.format {
                    Format::Jsonl => {
                        out.write_all(r.out.as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                    Format::Json => {
                        out.write_all(if summary.docs > 1 { b",\n" } else { b"\n" })?;
                        out.write_all(r.out.as_bytes())?;
                    }
                    Format::Csv | Format::Tsv => out.write_all(r.out.as_bytes())?,
                }
            }
            bytes_done += d.bytes;
            budget.release(d.bytes);
            if let Some(p) = progress.as_deref_mut() {
                p.tick(summary, bytes_done);
            }
        }
    }
    start(out, &mut started)?;
    if s.format == Format::Json {
        out.write_all(if summary.docs > 0 { b"\n]\n" } else { b"]\n" })?;
    }
    out.flush()
}

/// `1 quote`, `2 quotes`.
pub fn count(n: u64, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Progress on standard error: documents, MB read, MB/s and, when the input size is known, ETA.
pub struct Progress {
    start: Instant,
    last: Instant,
    total: Option<u64>,
    tty: bool,
    shown: bool,
    bytes: u64,
}

impl Progress {
    pub fn new(total: Option<u64>) -> Progress {
        let now = Instant::now();
        Progress {
            start: now,
            last: now,
            total,
            tty: io::stderr().is_terminal(),
            shown: false,
            bytes: 0,
        }
    }

    fn every(&self) -> Duration {
        Duration::from_millis(if self.tty { 200 } else { 2000 })
    }

    fn tick(&mut self, s: &Summary, bytes: u64) {
        self.bytes = bytes;
        if self.last.elapsed() >= self.every() {
            self.last = Instant::now();
            self.show(s, false);
        }
    }

    fn show(&mut self, s: &Summary, last: bool) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let rate = mb / secs;
        let eta = match self.total {
            Some(total) if !last && rate > 0.0 && total > self.bytes => {
                let left = (total - self.bytes) as f64 / 1e6 / rate;
                format!(", ETA {}:{:02}", left as u64 / 60, left as u64 % 60)
            }
            _ => String::new(),
        };
        let line = format!(
            "{}, {}, {mb:.1} MB, {rate:.1} MB/s{eta}",
            count(s.docs, "document"),
            count(s.quotes, "quote")
        );
        let mut err = io::stderr().lock();
        let _ = if self.tty {
            write!(err, "\r\x1b[2K{line}{}", if last { "\n" } else { "" })
        } else {
            writeln!(err, "{line}")
        };
        self.shown = true;
    }

    fn finish(&mut self, s: &Summary) {
        self.show(s, true);
    }
}
