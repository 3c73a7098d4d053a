//! Issue #17's bound on the answer's size, in one place for the tests and the `analyze` fuzz
//! target (`#[path]`-included by both): at most [`JSON_PER_BYTE`] bytes of JSON per input byte,
//! plus [`JSON_SLACK`] for the first nested quotes and their diagnostics' messages.

use quote_highlighter::Analysis;

pub const JSON_PER_BYTE: usize = 40;
pub const JSON_SLACK: usize = 4096;

/// Panics, with both sizes and the text's start, when the analysis `a` of `text` serialises to
/// more JSON than the bound allows.
pub fn assert_json_bounded(text: &str, a: &Analysis) {
    let json = serde_json::to_string(a).expect("an analysis serialises");
    assert!(
        json.len() <= JSON_PER_BYTE * text.len() + JSON_SLACK,
        "{} bytes of JSON for {} bytes of text: {:?}…",
        json.len(),
        text.len(),
        text.get(..40)
    );
}
