//! The wasm binding in Node (`wasm-pack test --node`): UTF-16 offsets, errors as exceptions.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;

#[path = "support/wasm.rs"]
mod common;

#[wasm_bindgen_test]
fn offsets_are_utf16_and_slice_each_quote() {
    assert_eq!(common::quote_slices(common::MIXED), common::MIXED_QUOTES);
}

#[wasm_bindgen_test]
fn speaker_and_kind_cross_the_boundary() {
    let r = quote_highlighter::wasm::analyze("«Le pays est prêt», a déclaré Jean Martin.", None)
        .map_err(|_| ())
        .expect("result");
    let q = js_sys::Array::from(&common::get(&r, "quotes")).get(0);
    assert_eq!(
        common::get(&q, "kind").as_string().as_deref(),
        Some("direct")
    );
    let s = common::get(&q, "speaker");
    assert_eq!(
        common::get(&s, "name").as_string().as_deref(),
        Some("Jean Martin")
    );
}

#[wasm_bindgen_test]
fn oversized_input_is_an_error_not_a_trap() {
    let r = quote_highlighter::wasm::analyze("«trop long»", Some(4));
    assert!(r.is_err());
    // The instance still works afterwards.
    assert_eq!(common::quote_slices("«ça va»"), ["«ça va»"]);
}

#[wasm_bindgen_test]
fn lone_surrogates_from_javascript_keep_offsets_aligned() {
    common::lone_surrogates_keep_offsets_aligned();
}

#[wasm_bindgen_test]
fn packed_transfer_gives_the_serde_objects() {
    common::packed_result_equals_serde_objects();
}
