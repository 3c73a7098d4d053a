//! Stage 5 — resolve: gives each speaker mention a name and groups mentions of the same person
//! into [`SpeakerEntry`]s.
//!
//! Names are found inside the mention (titles such as `M.`, `Mme` stripped); entries are keyed by
//! their normalised name. O(quotes) with a hash map.

use std::collections::HashMap;

use crate::model::{Quote, Span, SpeakerEntry};

const TITLES: [&str; 8] = ["M.", "Mme", "Mlle", "MM.", "Me", "Dr", "Pr", "Mgr"];

/// The name inside a mention: the mention without a leading title.
pub fn name_of(mention: &str) -> String {
    let mut rest = mention.trim();
    for t in TITLES {
        if let Some(r) = rest.strip_prefix(t) {
            if r.starts_with(|c: char| c.is_whitespace()) {
                rest = r.trim_start();
                break;
            }
        }
    }
    rest.to_string()
}

/// Fills `speaker.name` and `speaker.id` and returns the list of distinct speakers.
pub fn resolve(quotes: &mut [Quote]) -> Vec<SpeakerEntry> {
    let mut entries: Vec<SpeakerEntry> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (qi, q) in quotes.iter_mut().enumerate() {
        let Some(s) = &mut q.speaker else { continue };
        let name = s.name.clone().unwrap_or_else(|| name_of(&s.text));
        if name.is_empty() {
            continue;
        }
        let id = *by_name.entry(name.to_lowercase()).or_insert_with(|| {
            entries.push(SpeakerEntry {
                id: entries.len(),
                name: name.clone(),
                quotes: Vec::new(),
                mentions: Vec::new(),
            });
            entries.len() - 1
        });
        if let Some(e) = entries.get_mut(id) {
            e.quotes.push(qi);
            e.mentions.push(Span::new(s.start, s.end));
        }
        s.name = Some(name);
        s.id = Some(id);
    }
    entries
}
