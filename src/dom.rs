//! DOM work done by the binding, through `web-sys` (wasm32 only): turning UTF-16 spans of a
//! composite text back into DOM `Range`s over the text nodes it was read from. The embed walks
//! the DOM in JavaScript (that must work before the wasm is even fetched) and hands over the
//! text runs once; every span then costs one binary search here and one `Range`, so the
//! JavaScript stays a thin caller.
//!
//! A run is `(start, offset, length)`: it covers `length` UTF-16 units of the composite text from
//! `start`, which are the units from `offset` in its text node. Runs are sorted by `start` and do
//! not overlap; the composite text may have units in no run (paragraph breaks the walk inserted).
//! A span's start maps into the first run that ends after it, its end into the last run that
//! starts before it; a span covering no unit of any run gives `null`. O(log runs) per span.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One run of composite text (see the module docs).
#[derive(Clone, Copy)]
struct Run {
    start: u32,
    offset: u32,
    length: u32,
}

/// A boundary point: the run's index, the offset inside its node, and the composite position
/// the point really stands at (clamped into the run).
fn start_point(runs: &[Run], pos: u32) -> Option<(usize, u32, u32)> {
    let i = runs.partition_point(|r| r.start + r.length <= pos);
    let r = runs.get(i)?;
    Some((i, r.offset + pos.saturating_sub(r.start), pos.max(r.start)))
}

fn end_point(runs: &[Run], pos: u32) -> Option<(usize, u32, u32)> {
    let i = runs.partition_point(|r| r.start < pos).checked_sub(1)?;
    let r = runs.get(i)?;
    let inside = (pos - r.start).min(r.length);
    Some((i, r.offset + inside, pos.min(r.start + r.length)))
}

/// `spansToRanges(nodes, runs, spans)`: `nodes[i]` is the text node of run `i`, `runs` holds
/// `(start, offset, length)` triples, `spans` holds `(start, end)` pairs in UTF-16 units of the
/// composite text. Returns one `Range` (or `null`) per span.
#[wasm_bindgen(js_name = spansToRanges)]
pub fn spans_to_ranges(
    nodes: &web_sys::js_sys::Array,
    runs: &[u32],
    spans: &[u32],
) -> Result<web_sys::js_sys::Array, JsError> {
    let runs: Vec<Run> = runs
        .chunks_exact(3)
        .map(|c| match *c {
            [start, offset, length] => Run {
                start,
                offset,
                length,
            },
            _ => Run {
                start: 0,
                offset: 0,
                length: 0,
            },
        })
        .collect();
    if runs.len() != nodes.length() as usize {
        return Err(JsError::new(&format!(
            "spansToRanges: {} nodes for {} runs",
            nodes.length(),
            runs.len()
        )));
    }
    if runs.windows(2).any(|w| match w {
        [a, b] => a.start + a.length > b.start,
        _ => false,
    }) {
        return Err(JsError::new(
            "spansToRanges: runs must be sorted and disjoint",
        ));
    }
    let node = |i: usize| -> Result<web_sys::Node, JsError> {
        nodes
            .get(i as u32)
            .dyn_into::<web_sys::Node>()
            .map_err(|_| JsError::new("spansToRanges: every run needs a DOM node"))
    };
    let out = web_sys::js_sys::Array::new_with_length((spans.len() / 2) as u32);
    for (k, pair) in spans.chunks_exact(2).enumerate() {
        let (start, end) = match *pair {
            [s, e] => (s, e),
            _ => continue,
        };
        let (Some(a), Some(b)) = (start_point(&runs, start), end_point(&runs, end)) else {
            out.set(k as u32, JsValue::NULL);
            continue;
        };
        if a.2 >= b.2 {
            out.set(k as u32, JsValue::NULL);
            continue;
        }
        let range = web_sys::Range::new().map_err(|_| JsError::new("could not create a Range"))?;
        range
            .set_start(&node(a.0)?, a.1)
            .and_then(|()| range.set_end(&node(b.0)?, b.1))
            .map_err(|_| JsError::new("a span points outside its text node"))?;
        out.set(k as u32, range.into());
    }
    Ok(out)
}
