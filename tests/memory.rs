//! Peak heap of one analysis on hostile shapes, counted by a global allocator (not RSS, so the
//! numbers are the engine's own and repeatable): issue #17 bounds memory at 10 bytes per input
//! byte. Each shape is about 1 MB; the text itself is not counted (it is allocated before the
//! peak is reset), the answer is. The shapes that still need more print their figure and are
//! checked against the bound they meet today, so that a regression shows.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use quote_highlighter::analyze;

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One test at a time: the counters are global, and a test building its texts while another
/// measures would count in its peak.
static ONE: Mutex<()> = Mutex::new(());

/// Peak heap bytes above the start, per input byte, of `analyze(text)` (the lexicons, loaded
/// once, are loaded before).
fn peak_per_byte(text: &str) -> f64 {
    drop(analyze("«Oui», a déclaré Jean Martin."));
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let a = analyze(text);
    let peak = PEAK.load(Ordering::Relaxed) - base;
    drop(a);
    peak as f64 / text.len() as f64
}

const MB: usize = 1_000_000;

fn repeat(unit: &str) -> String {
    unit.repeat(MB / unit.len())
}

#[test]
fn hostile_runs_of_marks_stay_within_ten_bytes_a_byte() {
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    for (name, text) in [
        ("straight \"", repeat("\"")),
        ("«»", repeat("«»")),
        ("«", repeat("«")),
        ("«⏎— dashes", repeat("«\n— ")),
        ("\"a\" words", repeat("\"a\" ")),
        ("»»» stray closers", repeat("»")),
        ("« a nested openers", repeat("« a ")),
    ] {
        let per_byte = peak_per_byte(&text);
        println!("{name}: {per_byte:.2} bytes of heap per input byte");
        assert!(per_byte <= 10.0, "{name}: {per_byte:.2} bytes a byte");
    }
}

#[test]
fn dense_quotes_stay_near_their_answer() {
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    // A quote every few bytes: the answer itself (72 bytes a quote, more with a speaker) is
    // most of the peak. Bounds are today's figures with a margin, not issue #17's 10.
    let speakers: String = (0..)
        .map(|i| format!("«Oui», a déclaré Jean Martin{i}. "))
        .scan(0, |len, s| {
            *len += s.len();
            (*len <= MB).then_some(s)
        })
        .collect();
    for (name, text, bound) in [
        ("»Nein«", repeat("»Nein« "), 14.0),
        ("distinct speakers", speakers, 30.0),
        (
            "quotes without cues",
            repeat("«Une phrase sans verbe.» Puis du texte. "),
            6.0,
        ),
        // A quote every 5 or 6 bytes: 72 bytes a quote, and the vector's room to grow.
        ("glued «a»", repeat("«a»"), 32.0),
        (
            "«Ah» after one speaker",
            format!("Bruno Le Maire a déclaré : «Oui.» {}", repeat("«Ah» ")),
            40.0,
        ),
    ] {
        let per_byte = peak_per_byte(&text);
        println!("{name}: {per_byte:.2} bytes of heap per input byte");
        assert!(per_byte <= bound, "{name}: {per_byte:.2} bytes a byte");
    }
}
