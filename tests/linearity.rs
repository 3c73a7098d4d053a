//! Count-based linearity test (not timed): on adversarial shapes, the work the detection stages
//! count (`analyze_counting`: chars scanned, marks paired, quotes pushed and popped, bytes read
//! by the classification windows) for a text 8 times longer is at most `C` × 8 times the work
//! for the shorter one. The largest inputs are 1 MB.
#![cfg(not(target_arch = "wasm32"))]

use quote_highlighter::analyze_counting;

/// Allowed slack over exact proportionality.
const C: f64 = 1.25;
/// The long inputs are about this many bytes.
const BIG: usize = 1 << 20;

fn work(text: &str) -> u64 {
    analyze_counting(text).1
}

/// `unit` repeated to about `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat((bytes / unit.len()).max(1))
}

fn assert_linear(name: &str, make: impl Fn(usize) -> String) {
    let small = make(BIG / 8);
    let big = make(BIG);
    let (ws, wb) = (work(&small), work(&big));
    let ratio = wb as f64 / ws.max(1) as f64;
    let len_ratio = big.len() as f64 / small.len() as f64;
    println!(
        "{name}: {} bytes → {ws} steps; {} bytes → {wb} steps (×{ratio:.2})",
        small.len(),
        big.len()
    );
    assert!(
        ratio <= C * len_ratio,
        "{name}: work grew ×{ratio:.2} for input ×{len_ratio:.2} ({ws} → {wb} steps)"
    );
}

#[test]
fn only_openers() {
    assert_linear("1 MB of «", |n| repeat("«", n));
}

#[test]
fn empty_pairs() {
    assert_linear("«» repeated", |n| repeat("«»", n));
}

#[test]
fn nested_openers_then_closers() {
    // 10 000 nested openers at the largest size, then as many closers.
    assert_linear("nested « … »", |n| {
        let depth = n / 100;
        let mut s = "« x ".repeat(depth);
        s.push_str(&" » y".repeat(depth));
        s.push_str(&repeat(" texte", n.saturating_sub(s.len())));
        s
    });
}

#[test]
fn nested_openers_never_closed() {
    assert_linear("10 000 nested «, unclosed", |n| {
        let mut s = "« mot ".repeat(n / 100);
        s.push_str(&repeat(" suite", n.saturating_sub(s.len())));
        s
    });
}

#[test]
fn one_quote_never_closed() {
    assert_linear("a quote never closed", |n| {
        let mut s = String::from("Il a dit : «");
        s.push_str(&repeat("une phrase sans fin, ", n));
        s
    });
}

#[test]
fn paragraph_continuations() {
    assert_linear("continued paragraphs", |n| {
        repeat("«\u{a0}Un paragraphe de plus.\n", n)
    });
}

#[test]
fn partial_fragments_and_terms() {
    assert_linear("lowercase fragments", |n| {
        repeat(
            "le quotidien «Ouest» a jugé une «paix durable» et des «mots» ",
            n,
        )
    });
}

#[test]
fn mixed_marks_and_strays() {
    assert_linear("mixed marks", |n| {
        repeat("» “ ‘ „ \" ’ « ‹ — « a », b, c. » \n", n)
    });
}

#[test]
fn late_closers_after_a_long_lead() {
    assert_linear("late closers after a long dash lead", |n| {
        let mut s = "— ".repeat(n / 4);
        s.push_str(&repeat("«a» » ", n / 2));
        s
    });
}

/// The work for `make(n)`, `make(10 n)` and `make(100 n)`: each ratio at most `C` times the
/// ratio of the lengths. Prints the ratios.
fn assert_linear_10_100(name: &str, make: impl Fn(usize) -> String) {
    let sizes = [BIG / 100, BIG / 10, BIG];
    let texts: Vec<String> = sizes.iter().map(|&n| make(n)).collect();
    let works: Vec<u64> = texts.iter().map(|t| work(t)).collect();
    for k in 1..3 {
        let (ws, wb) = (works[0], works[k]);
        let ratio = wb as f64 / ws.max(1) as f64;
        let len_ratio = texts[k].len() as f64 / texts[0].len() as f64;
        println!(
            "{name}: ×{len_ratio:.0} input ({} → {} bytes) → ×{ratio:.2} work ({ws} → {wb} steps)",
            texts[0].len(),
            texts[k].len()
        );
        assert!(
            ratio <= C * len_ratio,
            "{name}: work grew ×{ratio:.2} for input ×{len_ratio:.2} ({ws} → {wb} steps)"
        );
    }
}

#[test]
fn straight_quotes_10_100() {
    assert_linear_10_100("straight \" quotes", |n| repeat("\"a\" ", n));
}

#[test]
fn dialogue_dashes_10_100() {
    assert_linear_10_100("«⏎— dashes", |n| repeat("«\n— ", n));
}

#[test]
fn german_quotes_10_100() {
    // A run of one-word quotes is cut after 32 (`quoteRun`); with words between, every quote
    // is read and attributed.
    assert_linear_10_100("»Nein« quotes", |n| repeat("»Nein« ", n));
    assert_linear_10_100("»Nein«, sagte er.", |n| repeat("»Nein«, sagte er. ", n));
}

#[test]
fn empty_pairs_10_100() {
    assert_linear_10_100("«» pairs", |n| repeat("«»", n));
}

#[test]
fn many_distinct_speakers_10_100() {
    // `«Oui», a déclaré Jean Martin1. «Oui», a déclaré Jean Martin2. …`: every speaker new.
    assert_linear_10_100("distinct speakers", |n| {
        let mut s = String::with_capacity(n + 64);
        let mut i = 0;
        while s.len() < n {
            s.push_str(&format!("«Oui», a déclaré Jean Martin{i}. "));
            i += 1;
        }
        s
    });
}

#[test]
fn speakers_sharing_a_surname_10_100() {
    assert_linear_10_100("speakers sharing a surname", |n| {
        let mut s = String::with_capacity(n + 64);
        let mut i = 0;
        while s.len() < n {
            s.push_str(&format!("«Oui», a déclaré Jean{i} Martin. "));
            i += 1;
        }
        s
    });
}
