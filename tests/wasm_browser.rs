//! The wasm binding in a real browser (`wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/wasm.rs"]
mod common;

#[wasm_bindgen_test]
fn offsets_slice_each_quote_in_the_browser() {
    assert_eq!(common::quote_slices(common::MIXED), common::MIXED_QUOTES);
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_aligned_in_the_browser() {
    common::lone_surrogates_keep_offsets_aligned();
}

#[wasm_bindgen_test]
fn packed_transfer_gives_the_serde_objects_in_the_browser() {
    common::packed_result_equals_serde_objects();
}

/// Text nodes `ab`, `cd`, `ef` under one fragment, read as the composite `ab` `cd` `\n` `ef`
/// (a paragraph break between the second and third node, in no run).
fn fragment() -> (web_sys::DocumentFragment, js_sys::Array) {
    let frag = web_sys::DocumentFragment::new().expect("fragment");
    let nodes = js_sys::Array::new();
    for t in ["ab", "cd", "ef"] {
        let node = web_sys::Text::new_with_data(t).expect("text node");
        frag.append_child(&node).expect("append");
        nodes.push(&node);
    }
    (frag, nodes)
}

#[wasm_bindgen_test]
fn spans_become_ranges_across_text_nodes() {
    let (_frag, nodes) = fragment();
    // composite: a b c d \n e f  (runs: 0..2, 2..4, 5..7)
    let runs = [0, 0, 2, 2, 0, 2, 5, 0, 2];
    let spans = [1, 3, 0, 7, 4, 5, 3, 6, 4, 4];
    let out = quote_highlighter::dom::spans_to_ranges(&nodes, &runs, &spans)
        .map_err(|_| "spansToRanges threw")
        .expect("ranges");
    let text = |i: u32| -> Option<String> {
        let v = out.get(i);
        (!v.is_null()).then(|| String::from(v.unchecked_into::<web_sys::Range>().to_string()))
    };
    assert_eq!(text(0).as_deref(), Some("bc"), "crosses a node boundary");
    assert_eq!(text(1).as_deref(), Some("abcdef"), "the whole text");
    assert_eq!(text(2), None, "only the paragraph break: no text");
    assert_eq!(text(3).as_deref(), Some("de"), "across the break");
    assert_eq!(text(4), None, "empty span");
}

#[wasm_bindgen_test]
fn bad_runs_are_errors_not_traps() {
    let (_frag, nodes) = fragment();
    let overlapping = [0, 0, 2, 1, 0, 2, 5, 0, 2];
    assert!(quote_highlighter::dom::spans_to_ranges(&nodes, &overlapping, &[0, 1]).is_err());
    assert!(quote_highlighter::dom::spans_to_ranges(&nodes, &[0, 0, 2], &[0, 1]).is_err());
    // Still usable afterwards.
    let ok = quote_highlighter::dom::spans_to_ranges(&nodes, &[0, 0, 2, 2, 0, 2, 5, 0, 2], &[0, 2]);
    assert!(ok.is_ok());
}
