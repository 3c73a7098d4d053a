//! The adversarial corpus of issue 8, at full size: each shape analysed whole, with the work the
//! engine counts (`analyze_counting`) for the full input at most `C` × 8 × the work for an
//! eighth of it. Count-based, not timed (`make bench` times the same shapes).
#![cfg(not(target_arch = "wasm32"))]

use quote_highlighter::analyze_counting;

/// Allowed slack over exact proportionality.
const C: f64 = 1.25;

fn check(name: &str, make: impl Fn(usize) -> String, full: usize) {
    let small = make(full / 8);
    let big = make(full);
    let (a_small, ws) = analyze_counting(&small);
    let (a_big, wb) = analyze_counting(&big);
    let ratio = wb as f64 / ws.max(1) as f64;
    let len_ratio = big.len() as f64 / small.len().max(1) as f64;
    println!(
        "{name}: {} B → {ws} steps, {} quotes; {} B → {wb} steps, {} quotes (×{ratio:.2})",
        small.len(),
        a_small.quotes.len(),
        big.len(),
        a_big.quotes.len()
    );
    assert!(
        ratio <= C * len_ratio,
        "{name}: work grew ×{ratio:.2} for input ×{len_ratio:.2}"
    );
}

const MB: usize = 1_000_000;

#[test]
fn five_mb_of_openers() {
    check("5 MB of «", |n| "«".repeat(n / 2), 5 * MB);
}

#[test]
fn alternating_openers_and_closers() {
    check("alternating «»", |n| "«»".repeat(n / 4), 5 * MB);
}

#[test]
fn hundred_thousand_nested_openers() {
    // 100 000 openers, each followed by a word, closed at the end.
    check(
        "100 000 nested openers",
        |n| {
            let depth = n / 8;
            let mut s = "« mot ".repeat(depth);
            s.push_str(&" »".repeat(depth));
            s
        },
        800_000,
    );
}

#[test]
fn one_mb_without_a_space() {
    check("1 MB without a space", |n| "é«x»a".repeat(n / 6), MB);
}

#[test]
fn hundred_thousand_quotes_without_cues() {
    let unit = "«Une phrase sans verbe de parole.» Puis du texte. ";
    check(
        "100 000 quotes without cues",
        |n| unit.repeat(n / unit.len()),
        100_000 * unit.len(),
    );
}

#[test]
fn one_mb_of_speech_verbs() {
    let unit = "a déclaré a-t-il ajouté selon estime martèle «oui», a dit ";
    check("1 MB of speech verbs", |n| unit.repeat(n / unit.len()), MB);
}
