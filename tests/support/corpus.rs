//! The news-like corpora built from our own fixture texts, shared by the benchmark and the
//! differential test: `sparse` (two filler paragraphs for one fixture text, about one quote every
//! 400 bytes, the density of the seed article) and `dense` (one filler paragraph for two fixture
//! texts, about one quote every 130–140 bytes, the density of real quote-heavy copy). Deterministic: the same size gives the
//! same documents.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use super::unescape::unescape;

pub const FILLER: [&str; 12] = [
    "Le conseil municipal a voté le budget primitif mardi soir, après trois heures de débats.",
    "Les travaux de rénovation de la gare doivent commencer au printemps, selon le calendrier publié en mairie.",
    "La préfecture a prolongé jusqu'à vendredi les restrictions d'usage de l'eau dans le département.",
    "Plusieurs centaines de personnes se sont rassemblées devant l'hôpital pour soutenir les soignants.",
    "Le tribunal rendra sa décision le 14 janvier, a précisé le greffe à l'issue de l'audience.",
    "Les chiffres du chômage publiés jeudi montrent une légère baisse sur le trimestre.",
    "Le club a enchaîné une quatrième victoire consécutive et remonte à la troisième place du classement.",
    "Une partie de la route départementale restera fermée à la circulation jusqu'à nouvel ordre.",
    "Les négociations entre la direction et les syndicats reprendront lundi matin au siège de l'entreprise.",
    "Les pompiers sont intervenus vers 22 heures pour un feu de broussailles près de la zone artisanale.",
    "L'exposition, ouverte jusqu'en mars, réunit une centaine d'œuvres prêtées par des collections privées.",
    "Le texte doit encore être examiné par le Sénat avant une adoption définitive prévue à l'automne.",
];

/// The texts of every fixture case (between `=== title` and `---`), escapes expanded, in file
/// order (files sorted by path).
pub fn fixture_texts(dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            fixture_texts(&p, out);
            continue;
        }
        if p.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let mut current: Option<Vec<&str>> = None;
        for line in src.lines() {
            match (&mut current, line) {
                (None, l) if l.starts_with("=== ") => current = Some(Vec::new()),
                (Some(lines), "---") => {
                    out.push(unescape(&lines.join("\n")));
                    current = None;
                }
                (Some(lines), l) => lines.push(l),
                _ => {}
            }
        }
    }
}

/// How often a paragraph is filler rather than a fixture text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Density {
    /// Two filler paragraphs for one fixture text: one quote every ~400 bytes.
    Sparse,
    /// One filler paragraph for two fixture texts: one quote every ~130–140 bytes.
    Dense,
}

/// Documents of 2–6 KB (sparse) or 4–12 paragraphs (dense), pseudo-random but deterministic.
pub fn documents(target_bytes: usize, cases: &[String], density: Density) -> Vec<String> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut docs = Vec::new();
    let mut total = 0;
    while total < target_bytes {
        let mut doc = String::new();
        let paragraphs = 4 + next(8);
        for p in 0..paragraphs {
            if p > 0 {
                doc.push('\n');
            }
            let filler = match density {
                Density::Sparse => next(3) != 0 || cases.is_empty(),
                Density::Dense => next(3) == 0 || cases.is_empty(),
            };
            if filler {
                for s in 0..1 + next(3) {
                    if s > 0 {
                        doc.push(' ');
                    }
                    doc.push_str(FILLER[next(FILLER.len())]);
                }
            } else {
                doc.push_str(&cases[next(cases.len())]);
            }
        }
        total += doc.len() + 1;
        docs.push(doc);
    }
    docs
}
