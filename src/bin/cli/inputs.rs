//! Inputs: what the arguments name (files, directories walked in name order, standard input),
//! and reading them — a JSON line at a time without buffering past the size cap, or a text whole.
//! A leading UTF-8 byte order mark is dropped from every input.

use std::ffi::OsString;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use super::args::human_bytes;

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Jsonl,
}

#[derive(Debug)]
pub struct Input {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    pub kind: Kind,
    /// Size in bytes when known (regular files), for the progress ETA.
    pub size: Option<u64>,
}

impl Input {
    /// How the input is named in records and messages: its path, or `-`.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "-".to_string(),
        }
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// Resolves the arguments into inputs, walking directories. Fails on the first path that cannot
/// be read, naming it, before anything is analysed.
pub fn resolve(args: &[OsString], force_jsonl: bool) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    let mut stdin_seen = false;
    let default_stdin = [OsString::from("-")];
    let args = if args.is_empty() {
        &default_stdin[..]
    } else {
        args
    };
    for arg in args {
        if arg == "-" {
            if stdin_seen {
                return Err("standard input (-) is named twice".to_string());
            }
            stdin_seen = true;
            let size = fs::metadata("/dev/stdin")
                .ok()
                .filter(fs::Metadata::is_file)
                .map(|m| m.len());
            out.push(Input {
                path: None,
                kind: if force_jsonl { Kind::Jsonl } else { Kind::Text },
                size,
            });
            continue;
        }
        let path = PathBuf::from(arg);
        let meta = fs::metadata(&path)
            .map_err(|e| format!("cannot read {}: {}", path.display(), plain(&e)))?;
        if meta.is_dir() {
            let before = out.len();
            walk(&path, &mut out)?;
            if out.len() == before {
                eprintln!(
                    "quote-highlighter: warning: no *.txt or *.jsonl file in directory {}",
                    path.display()
                );
            }
        } else {
            let kind = if force_jsonl || is_jsonl(&path) {
                Kind::Jsonl
            } else {
                Kind::Text
            };
            out.push(Input {
                path: Some(path),
                kind,
                size: meta.is_file().then_some(meta.len()),
            });
        }
    }
    Ok(out)
}

/// Collects `*.txt` (text) and `*.jsonl` / `*.ndjson` files under `dir`, in name order. Hidden
/// entries are skipped and symbolic links to directories are not followed (no cycles).
fn walk(dir: &Path, out: &mut Vec<Input>) -> Result<(), String> {
    let err = |e: io::Error| format!("cannot read directory {}: {}", dir.display(), plain(&e));
    let mut entries: Vec<fs::DirEntry> = fs::read_dir(dir)
        .map_err(err)?
        .collect::<Result<_, _>>()
        .map_err(err)?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type().map_err(err)?;
        if file_type.is_dir() {
            walk(&path, out)?;
            continue;
        }
        let kind = if is_jsonl(&path) {
            Kind::Jsonl
        } else if path.extension().is_some_and(|e| e == "txt") {
            Kind::Text
        } else {
            continue;
        };
        // Follows a link to a file; a dangling link is an error naming it.
        let meta = fs::metadata(&path)
            .map_err(|e| format!("cannot read {}: {}", path.display(), plain(&e)))?;
        if meta.is_dir() {
            continue;
        }
        out.push(Input {
            path: Some(path),
            kind,
            size: Some(meta.len()),
        });
    }
    Ok(())
}

/// An I/O error without Rust's "(os error N)" suffix.
pub fn plain(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s.get(..i).unwrap_or(&s).to_string(),
        None => s,
    }
}

pub type Reader = io::BufReader<Box<dyn Read + Send>>;

/// Opens an input for reading.
pub fn open(input: &Input) -> io::Result<Reader> {
    let inner: Box<dyn Read + Send> = match &input.path {
        None => Box::new(io::stdin()),
        Some(p) => Box::new(fs::File::open(p)?),
    };
    Ok(io::BufReader::with_capacity(1 << 16, inner))
}

/// The message for a text or line over the cap: `70.0 MiB, above the limit of 64 MiB`.
pub fn too_large(len: u64, max: usize) -> String {
    format!(
        "{} ({len} bytes), above the limit of {} (--max-bytes)",
        human_bytes(len),
        human_bytes(max as u64)
    )
}

/// Reads a whole text, keeping at most `max + 1` bytes; `Err` gives the over-cap message with the
/// real size: `size` when known (a regular file), else counted by reading on without keeping.
/// A leading BOM is dropped and not counted.
pub fn read_text(
    r: &mut dyn BufRead,
    max: usize,
    size: Option<u64>,
) -> io::Result<Result<Vec<u8>, String>> {
    let bom = skip_bom(r)?;
    if let Some(size) = size.map(|s| s.saturating_sub(bom)) {
        if size > max as u64 {
            return Ok(Err(too_large(size, max)));
        }
    }
    let mut bytes = Vec::new();
    r.take(max as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > max {
        let rest = io::copy(r, &mut io::sink())?;
        return Ok(Err(too_large(bytes.len() as u64 + rest, max)));
    }
    Ok(Ok(bytes))
}

/// Drops a leading UTF-8 byte order mark; returns how many bytes it took (0 or 3).
pub fn skip_bom(r: &mut dyn BufRead) -> io::Result<u64> {
    let buf = loop {
        match r.fill_buf() {
            Ok(b) => break b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    if buf.starts_with(BOM) {
        r.consume(BOM.len());
        return Ok(BOM.len() as u64);
    }
    Ok(0)
}

/// One line of a JSON Lines input.
pub enum Line {
    /// The line's bytes, without the newline (and a trailing `\r`).
    Ok(Vec<u8>),
    /// Over the cap: its real length. Nothing beyond the cap was kept.
    TooLong(u64),
}

/// Reads one line, keeping at most `max + 1` of its bytes. `None` at the end of the input.
pub fn read_line(r: &mut dyn BufRead, max: usize) -> io::Result<Option<Line>> {
    let mut buf = Vec::new();
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        any = true;
        let newline = avail.iter().position(|&b| b == b'\n');
        let chunk = match newline {
            Some(i) => avail.get(..i).unwrap_or(avail),
            None => avail,
        };
        total += chunk.len() as u64;
        if buf.len() <= max {
            let room = max + 1 - buf.len();
            buf.extend_from_slice(chunk.get(..chunk.len().min(room)).unwrap_or(chunk));
        }
        let used = newline.map_or(avail.len(), |i| i + 1);
        r.consume(used);
        if newline.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.len() as u64 == total && buf.last() == Some(&b'\r') {
        buf.pop();
        total -= 1;
    }
    Ok(Some(if total > max as u64 {
        Line::TooLong(total)
    } else {
        Line::Ok(buf)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<Result<Vec<u8>, u64>> {
        let mut r: &[u8] = input;
        let mut out = Vec::new();
        while let Some(l) = read_line(&mut r, max).expect("in memory") {
            out.push(match l {
                Line::Ok(b) => Ok(b),
                Line::TooLong(n) => Err(n),
            });
        }
        out
    }

    #[test]
    fn lines_over_the_cap_are_measured_not_kept() {
        let got = lines(b"abc\r\nabcdefgh\nab\n\nxyz", 4);
        assert_eq!(
            got,
            vec![
                Ok(b"abc".to_vec()),
                Err(8),
                Ok(b"ab".to_vec()),
                Ok(vec![]),
                Ok(b"xyz".to_vec())
            ]
        );
        // A line of exactly the cap plus its \r is fine.
        assert_eq!(lines(b"abcd\r\n", 4), vec![Ok(b"abcd".to_vec())]);
    }

    #[test]
    fn text_over_the_cap_reports_its_real_size() {
        let data = vec![b'a'; 5000];
        let mut r: &[u8] = &data;
        let got = read_text(&mut r, 100, None).expect("in memory");
        assert!(got.unwrap_err().starts_with("4.9 KiB (5000 bytes)"));
        let mut r: &[u8] = b"\xEF\xBB\xBFabc";
        assert_eq!(
            read_text(&mut r, 3, Some(6)).expect("mem"),
            Ok(b"abc".to_vec())
        );
        let mut r: &[u8] = b"abcd";
        let got = read_text(&mut r, 3, Some(5000)).expect("in memory");
        assert!(
            got.unwrap_err().starts_with("4.9 KiB (5000 bytes)"),
            "size taken as known"
        );
    }
}
