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

/// The wasm build's allocator (`src/alloc.rs`): blocks of every size and alignment hold their
/// contents while others are freed, grown and split, and freed memory is used again.
#[wasm_bindgen_test]
fn allocator_keeps_blocks_apart_and_reuses_them() {
    use std::alloc::{alloc, dealloc, Layout};
    // A deterministic mix of sizes (1 byte to 300 KB) and alignments (1 to 4096).
    let mut seed = 0x2545_f491u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
    for round in 0..4000u32 {
        let size = match next() % 10 {
            0 => 1 + (next() % 300_000) as usize,
            1..=3 => 1 + (next() % 2_000) as usize,
            _ => 1 + (next() % 64) as usize,
        };
        let align = 1usize << (next() % 13);
        let layout = Layout::from_size_align(size, align).expect("layout");
        let p = unsafe { alloc(layout) };
        assert!(!p.is_null());
        assert_eq!(p as usize % align, 0, "alignment {align}");
        let fill = (round % 251) as u8;
        unsafe { std::ptr::write_bytes(p, fill, size) };
        live.push((p, layout, fill));
        // Free about half, at random: the lists and splits get used.
        if next() % 2 == 0 {
            let i = (next() as usize) % live.len();
            let (p, layout, fill) = live.swap_remove(i);
            let bytes = unsafe { std::slice::from_raw_parts(p, layout.size()) };
            assert!(bytes.iter().all(|&b| b == fill), "a block was overwritten");
            unsafe { dealloc(p, layout) };
        }
    }
    let mut spans: Vec<(usize, usize)> = live
        .iter()
        .map(|(p, l, _)| (*p as usize, *p as usize + l.size()))
        .collect();
    spans.sort_unstable();
    assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "blocks overlap");
    for (p, layout, fill) in live.drain(..) {
        let bytes = unsafe { std::slice::from_raw_parts(p, layout.size()) };
        assert!(bytes.iter().all(|&b| b == fill), "a block was overwritten");
        unsafe { dealloc(p, layout) };
    }
    // Freed memory serves new requests: the same large buffer a thousand times does not grow
    // the memory a thousand times.
    let pages = core::arch::wasm32::memory_size(0);
    for _ in 0..1000 {
        let v: Vec<u8> = vec![7; 1 << 20];
        assert_eq!(v.iter().map(|&b| b as usize).sum::<usize>(), 7 << 20);
    }
    assert!(core::arch::wasm32::memory_size(0) <= pages + 17);
}
