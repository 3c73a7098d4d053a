//! The Python binding: `quote_highlighter._native`, wrapped by `quote_highlighter/__init__.py`.
//!
//! It only converts data: each analysis crosses as the JSON text the command line writes (offsets
//! in code points, which are Python string indices), and Python's C `json` module builds the
//! dicts. The GIL is released while the engine runs; batches are spread over threads that take
//! the next document as they finish one (no document waits behind a long one in a fixed chunk),
//! and the results come back in input order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use quote_highlighter::{analyze, check_size, offsets, Unit, DEFAULT_MAX_INPUT};

/// One text → its analysis as JSON, offsets in `unit`. The core never fails on text; should it
/// panic all the same, the message says so rather than aborting the interpreter.
fn analysis_json(text: &str, unit: Unit) -> Result<String, String> {
    check_size(text.len(), DEFAULT_MAX_INPUT).map_err(|e| e.to_string())?;
    let a = std::panic::catch_unwind(|| {
        let mut a = analyze(text);
        offsets::convert(&mut a, text, unit);
        a
    })
    .map_err(|_| "internal error: the analysis failed on this text (please report it)")?;
    let mut json = Vec::with_capacity(64 * a.quotes.len() + 64);
    quote_highlighter::json::write_analysis(&mut json, &a).map_err(|e| e.to_string())?;
    String::from_utf8(json).map_err(|e| e.to_string())
}

fn unit_of(name: &str) -> PyResult<Unit> {
    name.parse::<Unit>().map_err(PyValueError::new_err)
}

/// `analyze_json(text, unit="chars") -> str`: the analysis of one text, as JSON.
#[pyfunction]
#[pyo3(signature = (text, unit = "chars"))]
fn analyze_json(py: Python<'_>, text: &str, unit: &str) -> PyResult<String> {
    let unit = unit_of(unit)?;
    py.allow_threads(|| analysis_json(text, unit))
        .map_err(PyValueError::new_err)
}

/// `analyze_batch(texts, threads, unit="chars") -> (list[str], int)`: the analyses of `texts` as
/// JSON, in order, computed on up to `threads` threads with the GIL released; the second value is
/// how many threads analysed at least one text (the tests read it).
#[pyfunction]
#[pyo3(signature = (texts, threads, unit = "chars"))]
fn analyze_batch(
    py: Python<'_>,
    texts: Vec<String>,
    threads: usize,
    unit: &str,
) -> PyResult<(Vec<String>, usize)> {
    let unit = unit_of(unit)?;
    let (results, used) = py.allow_threads(|| run_batch(&texts, threads.max(1), unit));
    let results = results
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(PyValueError::new_err)?;
    Ok((results, used))
}

type Slot = Option<Result<String, String>>;

fn run_batch(texts: &[String], threads: usize, unit: Unit) -> (Vec<Result<String, String>>, usize) {
    let threads = threads.min(texts.len()).max(1);
    if threads == 1 {
        let out = texts.iter().map(|t| analysis_json(t, unit)).collect();
        return (out, 1);
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Slot>> = texts.iter().map(|_| Mutex::new(None)).collect();
    let used = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut did_any = false;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let (Some(text), Some(slot)) = (texts.get(i), slots.get(i)) else {
                        break;
                    };
                    let r = analysis_json(text, unit);
                    if let Ok(mut g) = slot.lock() {
                        *g = Some(r);
                    }
                    did_any = true;
                }
                if did_any {
                    used.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    let out = slots
        .into_iter()
        .map(|m| {
            m.into_inner().ok().flatten().unwrap_or_else(|| {
                Err("internal error: a worker thread failed (please report it)".to_string())
            })
        })
        .collect();
    (out, used.into_inner())
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch, m)?)?;
    m.add("DEFAULT_MAX_INPUT", DEFAULT_MAX_INPUT)?;
    Ok(())
}
