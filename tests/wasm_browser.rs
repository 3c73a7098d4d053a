//! The wasm binding in a real browser (`wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

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
