//! Helpers shared by the wasm tests (Node and browser): read the plain objects the binding
//! returns and check every quote with JavaScript's own `String.prototype.slice`.
#![cfg(target_arch = "wasm32")]
#![allow(dead_code)]

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::JsValue;

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().map_or(u32::MAX, |f| f as u32)
}

/// Runs the exported `analyze` on `text` and returns the quotes as JavaScript slices of `text`.
pub fn quote_slices(text: &str) -> Vec<String> {
    let result = quote_highlighter::wasm::analyze(text, None)
        .map_err(|_| "analyze threw")
        .expect("analyze returns a result");
    let js = JsString::from(text);
    Array::from(&get(&result, "quotes"))
        .iter()
        .map(|q| String::from(js.slice(num(&q, "start"), num(&q, "end"))))
        .collect()
}

/// The text the offset tests use: `é « » ’ U+202F 🙂` before and inside quotes.
pub const MIXED: &str = "Été 🙂 : « é ’ » d’abord. «\u{202f}Nous, é ’ 🙂 résistons\u{202f}», a déclaré Jean Martin. 🙂🙂 Puis «\u{a0}l’été 🙂 est là\u{a0}», a déclaré Anne Petit.";

pub const MIXED_QUOTES: [&str; 3] = [
    "« é ’ »",
    "«\u{202f}Nous, é ’ 🙂 résistons\u{202f}»",
    "«\u{a0}l’été 🙂 est là\u{a0}»",
];

/// A JavaScript string with lone surrogates before and inside a quote: the binding receives it
/// as UTF-8 with each lone surrogate replaced by U+FFFD (one UTF-16 unit, like the surrogate),
/// so the offsets it returns still index the original JavaScript string.
pub fn lone_surrogates_keep_offsets_aligned() {
    let lone = |unit: u32| JsString::from_char_code1(unit);
    let js = lone(0xD800)
        .concat(&JsString::from(" é «\u{202f}Oui "))
        .concat(&lone(0xDC00))
        .concat(&JsString::from(" 🙂\u{202f}», a déclaré Jean Martin. "))
        .concat(&lone(0xDBFF))
        .concat(&JsString::from(" «Non»"));
    // What wasm-bindgen does with a `&str` parameter: encode the JS string, lone surrogates → U+FFFD.
    let text = js.as_string().expect("a string");
    assert_eq!(text.chars().filter(|&c| c == '\u{fffd}').count(), 3);
    let result = quote_highlighter::wasm::analyze(&text, None)
        .map_err(|_| "analyze threw")
        .expect("analyze returns a result");
    let quotes: Vec<String> = Array::from(&get(&result, "quotes"))
        .iter()
        .map(|q| String::from(js.slice(num(&q, "start"), num(&q, "end"))))
        .collect();
    let expected_inner = String::from(
        JsString::from("«\u{202f}Oui ")
            .concat(&lone(0xDC00))
            .concat(&JsString::from(" 🙂\u{202f}»")),
    );
    assert_eq!(quotes, [expected_inner, "«Non»".to_string()]);
}

/// The packed transfer (`analyze`) gives exactly the objects serde describes (the analysis
/// serialised with `serde_json`, as the command line writes it), on a text with every field in
/// use: speakers, pronouns, cues, nested and unclosed quotes, terms, diagnostics, astral
/// characters.
pub fn packed_result_equals_serde_objects() {
    let text = "Le quotidien «\u{a0}Ouest-France\u{a0}» l’écrit. «\u{202f}Nous ne céderons pas 🙂, \
        dit-elle, « jamais »\u{202f}», a déclaré Mme Claire Dubois, ministre de la Culture. \
        «\u{202f}C’est “clair”\u{202f}», a-t-elle ajouté.\nSelon le Kremlin, la paix est «\u{a0}loin».\n\
        » stray «jamais fermé\nAnne Petit a appelé à une «\u{a0}paix durable\u{a0}». \"Oui\", a dit Paul.";
    let packed = quote_highlighter::wasm::analyze(text, None)
        .map_err(|_| "analyze threw")
        .expect("packed result");
    let analysis = quote_highlighter::wasm::analysis_utf16(text, None)
        .map_err(|_| "analysis threw")
        .expect("analysis");
    let p = String::from(js_sys::JSON::stringify(&packed).expect("JSON"));
    let o = serde_json::to_string(&analysis).expect("serde JSON");
    assert!(
        o.contains("\"speaker\":{"),
        "the text exercises speakers: {o}"
    );
    assert!(
        o.contains("\"diagnostics\":[{"),
        "the text exercises diagnostics: {o}"
    );
    assert_eq!(p, o);
}
