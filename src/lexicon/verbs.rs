//! The speech verbs (`lexicon/speech-verbs.txt`): the one list of verbs of saying, read by
//! attribution (one hash lookup per word) and by classification (its speech cues are derived
//! from it, see [`super::cues`]).
//!
//! The verb file holds infinitives only; [`inflect`] generates the third-person forms French news
//! and fiction use around quotes: présent, imparfait, passé simple, futur and conditionnel (singular
//! and plural) and the past participle with its agreement (for the passé composé, plus-que-parfait
//! and passé antérieur, with `avoir` or `être`). Inversions (`a-t-il`, `confie-t-elle`,
//! `répondit-elle`) are split by the tokeniser, so the table only needs the bare forms; [`inversions`]
//! spells them for tests. The table is built once ([`LazyLock`]) and maps a lowercase form to the
//! senses it can have. Edge cases: verbs of the second and third groups, spelling changes
//! (`annonça`, `jugea`, `appelle`, `répète`, `relève`, `emploie`), reflexives (`s'indigner` keeps its
//! pronoun in the lemma), particles (`appeler à`, `faire savoir`, `mettre en garde`).

use crate::text::concat;
use std::sync::LazyLock;

use super::{lines, FnvMap};

const SPEECH_VERBS: &str = super::data!(include_str!("../../lexicon/speech-verbs.txt"));

/// The grammatical shape of an inflected form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A finite third-person form: `déclare`, `déclaraient`, `dira`.
    Finite { plural: bool },
    /// A past participle, agreeing or not: `déclaré`, `indignée`, `félicités`.
    Participle { fem: bool, plural: bool },
    /// A present participle: `précisant`, `ajoutant`, `disant` (the subject is the clause's).
    Gerund,
    /// The infinitive: `ne cessait de dire`, `se mit à crier`.
    Infinitive,
}

/// One meaning of an inflected form: the lexicon entry and what must follow the verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sense {
    /// The lexicon line (`appeler à`, `s'indigner`).
    pub lemma: &'static str,
    /// Words that must follow the verb for this sense (`["à"]`, `["savoir"]`), possibly empty.
    pub particles: Vec<&'static str>,
    pub shape: Shape,
}

/// Every speech-verb lemma in the data file.
pub(crate) fn speech_lemmas() -> impl Iterator<Item = &'static str> {
    lines(SPEECH_VERBS)
}

/// Splits a lexicon line into its verb (the word to inflect) and the particles after it.
/// `s'en prendre à` → `prendre` and `à`; `se féliciter` → `féliciter` and nothing.
pub(crate) fn head_of(lemma: &'static str) -> (&'static str, Vec<&'static str>) {
    let mut rest = lemma;
    for p in ["se ", "s'", "s’"] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
            break;
        }
    }
    if let Some(r) = rest.strip_prefix("en ") {
        rest = r;
    }
    let mut words = rest.split_whitespace();
    let head = words.next().unwrap_or("");
    (head, words.collect())
}

fn push4(out: &mut Vec<(String, Shape)>, base: &str) {
    // Participle with agreement: base, base+e, base+s, base+es (s is not doubled).
    let plural_m = if base.ends_with('s') || base.ends_with('x') {
        base.to_string()
    } else {
        concat(&[base, "s"])
    };
    out.push((
        base.to_string(),
        Shape::Participle {
            fem: false,
            plural: false,
        },
    ));
    out.push((
        concat(&[base, "e"]),
        Shape::Participle {
            fem: true,
            plural: false,
        },
    ));
    out.push((
        plural_m,
        Shape::Participle {
            fem: false,
            plural: true,
        },
    ));
    out.push((
        concat(&[base, "es"]),
        Shape::Participle {
            fem: true,
            plural: true,
        },
    ));
}

fn fin(out: &mut Vec<(String, Shape)>, s: String, plural: bool) {
    out.push((s, Shape::Finite { plural }));
}

/// Futur and conditionnel from a future stem (`déclarer`, `dir`, `viendr`).
fn future(out: &mut Vec<(String, Shape)>, stem: &str) {
    fin(out, concat(&[stem, "a"]), false);
    fin(out, concat(&[stem, "ont"]), true);
    fin(out, concat(&[stem, "ait"]), false);
    fin(out, concat(&[stem, "aient"]), true);
}

/// Forms of a verb of the third group from its principal parts.
struct Parts<'a> {
    sg: &'a str,
    pl: &'a str,
    pp: &'a str,
    imp: &'a str,
    ps_sg: &'a str,
    ps_pl: &'a str,
    fut: &'a str,
}

fn from_parts(out: &mut Vec<(String, Shape)>, prefix: &str, p: &Parts) {
    fin(out, concat(&[prefix, p.sg]), false);
    fin(out, concat(&[prefix, p.pl]), true);
    push4(out, &concat(&[prefix, p.pp]));
    fin(out, concat(&[prefix, p.imp, "ait"]), false);
    fin(out, concat(&[prefix, p.imp, "aient"]), true);
    out.push((concat(&[prefix, p.imp, "ant"]), Shape::Gerund));
    fin(out, concat(&[prefix, p.ps_sg]), false);
    fin(out, concat(&[prefix, p.ps_pl]), true);
    future(out, &concat(&[prefix, p.fut]));
}

/// Irregular endings: (infinitive ending, principal parts with that ending removed).
#[rustfmt::skip]
const IRREGULAR: &[(&str, Parts<'static>)] = &[
    ("faire", Parts { sg: "fait", pl: "font", pp: "fait", imp: "fais", ps_sg: "fit", ps_pl: "firent", fut: "fer" }),
    ("dire", Parts { sg: "dit", pl: "disent", pp: "dit", imp: "dis", ps_sg: "dit", ps_pl: "dirent", fut: "dir" }),
    ("crire", Parts { sg: "crit", pl: "crivent", pp: "crit", imp: "criv", ps_sg: "crivit", ps_pl: "crivirent", fut: "crir" }),
    ("prendre", Parts { sg: "prend", pl: "prennent", pp: "pris", imp: "pren", ps_sg: "prit", ps_pl: "prirent", fut: "prendr" }),
    ("mettre", Parts { sg: "met", pl: "mettent", pp: "mis", imp: "mett", ps_sg: "mit", ps_pl: "mirent", fut: "mettr" }),
    ("venir", Parts { sg: "vient", pl: "viennent", pp: "venu", imp: "ven", ps_sg: "vint", ps_pl: "vinrent", fut: "viendr" }),
    ("tenir", Parts { sg: "tient", pl: "tiennent", pp: "tenu", imp: "ten", ps_sg: "tint", ps_pl: "tinrent", fut: "tiendr" }),
    ("suivre", Parts { sg: "suit", pl: "suivent", pp: "suivi", imp: "suiv", ps_sg: "suivit", ps_pl: "suivirent", fut: "suivr" }),
    ("clure", Parts { sg: "clut", pl: "cluent", pp: "clu", imp: "clu", ps_sg: "clut", ps_pl: "clurent", fut: "clur" }),
    ("naître", Parts { sg: "naît", pl: "naissent", pp: "nu", imp: "naiss", ps_sg: "nut", ps_pl: "nurent", fut: "naîtr" }),
    ("naitre", Parts { sg: "nait", pl: "naissent", pp: "nu", imp: "naiss", ps_sg: "nut", ps_pl: "nurent", fut: "naitr" }),
    ("aindre", Parts { sg: "aint", pl: "aignent", pp: "aint", imp: "aign", ps_sg: "aignit", ps_pl: "aignirent", fut: "aindr" }),
    ("eindre", Parts { sg: "eint", pl: "eignent", pp: "eint", imp: "eign", ps_sg: "eignit", ps_pl: "eignirent", fut: "eindr" }),
    ("oindre", Parts { sg: "oint", pl: "oignent", pp: "oint", imp: "oign", ps_sg: "oignit", ps_pl: "oignirent", fut: "oindr" }),
    ("rire", Parts { sg: "rit", pl: "rient", pp: "ri", imp: "ri", ps_sg: "rit", ps_pl: "rirent", fut: "rir" }),
    ("rompre", Parts { sg: "rompt", pl: "rompent", pp: "rompu", imp: "romp", ps_sg: "rompit", ps_pl: "rompirent", fut: "rompr" }),
    ("lire", Parts { sg: "lit", pl: "lisent", pp: "lu", imp: "lis", ps_sg: "lut", ps_pl: "lurent", fut: "lir" }),
    ("quérir", Parts { sg: "quiert", pl: "quièrent", pp: "quis", imp: "quér", ps_sg: "quit", ps_pl: "quirent", fut: "querr" }),
    ("mouvoir", Parts { sg: "meut", pl: "meuvent", pp: "mu", imp: "mouv", ps_sg: "mut", ps_pl: "murent", fut: "mouvr" }),
    ("voir", Parts { sg: "voit", pl: "voient", pp: "vu", imp: "voy", ps_sg: "vit", ps_pl: "virent", fut: "verr" }),
    ("croire", Parts { sg: "croit", pl: "croient", pp: "cru", imp: "croy", ps_sg: "crut", ps_pl: "crurent", fut: "croir" }),
    ("battre", Parts { sg: "bat", pl: "battent", pp: "battu", imp: "batt", ps_sg: "battit", ps_pl: "battirent", fut: "battr" }),
    ("vrir", Parts { sg: "vre", pl: "vrent", pp: "vert", imp: "vr", ps_sg: "vrit", ps_pl: "vrirent", fut: "vrir" }),
];

/// Third-group `-tir`/`-tir`-like verbs (`mentir`, `repartir`): `ment`, `mentent`, `menti`.
fn third_tir(out: &mut Vec<(String, Shape)>, stem: &str) {
    // stem = infinitive without `tir`
    let p = Parts {
        sg: "t",
        pl: "tent",
        pp: "ti",
        imp: "t",
        ps_sg: "tit",
        ps_pl: "tirent",
        fut: "tir",
    };
    from_parts(out, stem, &p);
}

/// A verb of the first group (`-er`), with the usual spelling changes.
fn first_group(out: &mut Vec<(String, Shape)>, inf: &str) {
    let Some(stem) = inf.strip_suffix("er") else {
        return;
    };
    // Stem before a or o: annonç-, juge-.
    let soft = if let Some(s) = stem.strip_suffix('c') {
        concat(&[s, "ç"])
    } else if stem.ends_with('g') {
        concat(&[stem, "e"])
    } else {
        stem.to_string()
    };
    // Stem before a mute e: appell-, répèt-, relèv-, emploi-.
    let mut mute: Vec<String> = vec![stem.to_string()];
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n >= 2 {
        let last = chars.get(n - 1).copied().unwrap_or(' ');
        let prev = chars.get(n - 2).copied().unwrap_or(' ');
        let head: String = chars.iter().take(n - 2).collect();
        let mut last_buf = [0u8; 4];
        let last_s: &str = last.encode_utf8(&mut last_buf);
        if prev == 'e' && (last == 'l' || last == 't') {
            mute.push(concat(&[stem, last_s]));
            mute.push(concat(&[&head, "è", last_s]));
        } else if prev == 'e' || prev == 'é' {
            mute.push(concat(&[&head, "è", last_s]));
        } else if last == 'y' {
            let h: String = chars.iter().take(n - 1).collect();
            mute.push(concat(&[&h, "i"]));
        }
    }
    for m in &mute {
        fin(out, concat(&[m, "e"]), false);
        fin(out, concat(&[m, "ent"]), true);
        future(out, &concat(&[m, "er"]));
    }
    push4(out, &concat(&[stem, "é"]));
    fin(out, concat(&[&soft, "ait"]), false);
    fin(out, concat(&[&soft, "aient"]), true);
    out.push((concat(&[&soft, "ant"]), Shape::Gerund));
    fin(out, concat(&[&soft, "a"]), false);
    fin(out, concat(&[stem, "èrent"]), true);
}

/// A verb of the second group (`-ir`, `-issons`).
fn second_group(out: &mut Vec<(String, Shape)>, inf: &str) {
    let Some(stem) = inf.strip_suffix("ir") else {
        return;
    };
    fin(out, concat(&[stem, "it"]), false);
    fin(out, concat(&[stem, "issent"]), true);
    push4(out, &concat(&[stem, "i"]));
    fin(out, concat(&[stem, "issait"]), false);
    fin(out, concat(&[stem, "issaient"]), true);
    out.push((concat(&[stem, "issant"]), Shape::Gerund));
    fin(out, concat(&[stem, "irent"]), true);
    future(out, &concat(&[stem, "ir"]));
}

/// A regular verb in `-dre` (`répondre`, `défendre`).
fn dre(out: &mut Vec<(String, Shape)>, inf: &str) {
    let Some(stem) = inf.strip_suffix("re") else {
        return;
    };
    let p = Parts {
        sg: "",
        pl: "ent",
        pp: "u",
        imp: "",
        ps_sg: "it",
        ps_pl: "irent",
        fut: "r",
    };
    from_parts(out, stem, &p);
}

/// Every third-person form and participle of one verb (no particles, no reflexive pronoun).
pub(crate) fn inflect(verb: &str) -> Vec<(String, Shape)> {
    let mut out = vec![(verb.to_string(), Shape::Infinitive)];
    for (ending, parts) in IRREGULAR {
        if let Some(prefix) = verb.strip_suffix(ending) {
            from_parts(&mut out, prefix, parts);
            return out;
        }
    }
    if verb.ends_with("er") {
        first_group(&mut out, verb);
    } else if let Some(stem) = verb.strip_suffix("tir") {
        // `avertir` (second group) and `mentir` (third) share the ending: give both.
        second_group(&mut out, verb);
        third_tir(&mut out, stem);
    } else if verb.ends_with("ir") {
        second_group(&mut out, verb);
    } else if verb.ends_with("dre") {
        dre(&mut out, verb);
    }
    out
}

#[cfg(test)]
/// The inversions of a finite form with a subject pronoun, as written after a quote:
/// `ajoute` → `ajoute-t-il`, …; `dit` → `dit-il`, …; `disent` → `disent-ils`.
pub(crate) fn inversions(form: &str, plural: bool) -> Vec<String> {
    let pronouns: &[&str] = if plural {
        &["ils", "elles"]
    } else {
        &["il", "elle", "on"]
    };
    let needs_t = form.ends_with(['a', 'e', 'c']);
    pronouns
        .iter()
        .map(|p| {
            if needs_t {
                concat(&[form, "-t-", p])
            } else {
                concat(&[form, "-", p])
            }
        })
        .collect()
}

/// Form (lowercase) → senses.
pub(crate) static VERBS: LazyLock<FnvMap<String, Vec<Sense>>> = LazyLock::new(|| {
    let mut map: FnvMap<String, Vec<Sense>> = FnvMap::default();
    for lemma in speech_lemmas() {
        let (head, particles) = head_of(lemma);
        for (form, shape) in inflect(head) {
            // An infinitive of one letter-group verb may equal a form of another; keep both.
            let senses = map.entry(form).or_default();
            if !senses.iter().any(|s| s.lemma == lemma && s.shape == shape) {
                senses.push(Sense {
                    lemma,
                    particles: particles.clone(),
                    shape,
                });
            }
        }
    }
    map
});

/// The senses of a lowercase form, if it is a speech verb.
pub(crate) fn verb(form: &str) -> Option<&'static [Sense]> {
    VERBS.get(form).map(Vec::as_slice)
}

/// Passé simple forms that tell a narrative text (`lexicon/narrative-past.txt`).
static NARRATIVE_PAST: LazyLock<super::FnvSet<&'static str>> = LazyLock::new(|| {
    lines(super::data!(include_str!(
        "../../lexicon/narrative-past.txt"
    )))
    .collect()
});

/// Is `word`, as written (`fut`, `fut-elle`), a passé simple of narration? Capitalised words
/// never count, so that no name (`Laurent`, `Fut`) does.
pub(crate) fn narrative_past(word: &str) -> bool {
    if !word.chars().next().is_some_and(crate::text::is_lower) {
        return false;
    }
    let verb = word.split('-').next().unwrap_or(word);
    NARRATIVE_PAST.contains(verb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(verb: &str, form: &str) -> bool {
        inflect(verb).iter().any(|(f, _)| f == form)
    }

    #[test]
    fn lexicon_is_big_enough() {
        let n = speech_lemmas().count();
        assert!(n >= 250, "only {n} speech verbs");
        for v in [
            "marteler",
            "tweeter",
            "appeler à",
            "exhorter",
            "dénoncer",
            "s'indigner",
            "fustiger",
            "tacler",
            "ironiser",
            "s'agacer",
            "plaider",
            "trancher",
        ] {
            assert!(speech_lemmas().any(|l| l == v), "{v} missing");
        }
    }

    #[test]
    fn every_lemma_inflects() {
        for l in speech_lemmas() {
            let (head, _) = head_of(l);
            assert!(inflect(head).len() > 1, "no forms for {l}");
        }
    }

    #[test]
    fn first_group_tenses() {
        for f in [
            "déclare",
            "déclarent",
            "déclaré",
            "déclarée",
            "déclarés",
            "déclarées",
            "déclarait",
            "déclaraient",
            "déclara",
            "déclarèrent",
            "déclarera",
            "déclareront",
            "déclarerait",
            "déclareraient",
        ] {
            assert!(has("déclarer", f), "{f}");
        }
    }

    #[test]
    fn spelling_changes() {
        assert!(has("annoncer", "annonça"));
        assert!(has("annoncer", "annonçait"));
        assert!(has("annoncer", "annoncèrent"));
        assert!(has("juger", "jugea"));
        assert!(has("juger", "jugeait"));
        assert!(has("appeler", "appelle"));
        assert!(has("appeler", "appellera"));
        assert!(has("appeler", "appela"));
        assert!(has("répéter", "répète"));
        assert!(has("répéter", "répétait"));
        assert!(has("relever", "relève"));
        assert!(has("marteler", "martèle"));
        assert!(has("bégayer", "bégaie"));
        assert!(has("s'écrier".trim_start_matches("s'"), "écria"));
    }

    #[test]
    fn other_groups() {
        for (v, f) in [
            ("réagir", "réagit"),
            ("réagir", "réagissait"),
            ("avertir", "avertissent"),
            ("avertir", "averti"),
            ("mentir", "ment"),
            ("démentir", "démenti"),
            ("répondre", "répond"),
            ("répondre", "répondit"),
            ("répondre", "répondirent"),
            ("répondre", "répondu"),
            ("répondre", "répondra"),
            ("dire", "dit"),
            ("dire", "disent"),
            ("dire", "dirent"),
            ("dire", "dite"),
            ("dire", "dirait"),
            ("contredire", "contredit"),
            ("écrire", "écrivit"),
            ("écrire", "écrit"),
            ("reprendre", "reprit"),
            ("reprendre", "reprend"),
            ("reprendre", "repris"),
            ("faire", "fit"),
            ("faire", "fait"),
            ("faire", "firent"),
            ("admettre", "admet"),
            ("admettre", "admis"),
            ("promettre", "promit"),
            ("prévenir", "prévient"),
            ("prévenir", "prévenu"),
            ("convenir", "convint"),
            ("soutenir", "soutient"),
            ("poursuivre", "poursuit"),
            ("poursuivre", "poursuivi"),
            ("conclure", "conclut"),
            ("reconnaître", "reconnaît"),
            ("reconnaître", "reconnu"),
            ("plaindre", "plaint"),
            ("plaindre", "plaignit"),
            ("rire", "rit"),
            ("sourire", "sourit"),
            ("interrompre", "interrompt"),
            ("enquérir", "enquit"),
            ("émouvoir", "émeut"),
            ("dire", "disant"),
            ("préciser", "précisant"),
            ("annoncer", "annonçant"),
            ("répondre", "répondant"),
            ("avertir", "avertissant"),
        ] {
            assert!(has(v, f), "{v}: {f} missing from {:?}", inflect(v));
        }
    }

    #[test]
    fn lookup_gives_lemma_and_shape() {
        let s = verb("indignée").expect("indignée");
        assert!(s.iter().any(|s| s.lemma == "s'indigner"
            && s.shape
                == Shape::Participle {
                    fem: true,
                    plural: false
                }));
        let s = verb("appelé").expect("appelé");
        assert!(s
            .iter()
            .any(|s| s.lemma == "appeler à" && s.particles == ["à"]));
        let s = verb("fait").expect("fait");
        assert!(s.iter().any(|s| s.lemma == "faire savoir"));
        assert!(verb("maison").is_none());
        assert!(verb("a").is_none());
    }

    #[test]
    fn inversion_forms() {
        assert_eq!(
            inversions("ajoute", false),
            ["ajoute-t-il", "ajoute-t-elle", "ajoute-t-on"]
        );
        assert_eq!(inversions("dit", false), ["dit-il", "dit-elle", "dit-on"]);
        assert_eq!(
            inversions("répondit", false),
            ["répondit-il", "répondit-elle", "répondit-on"]
        );
        assert_eq!(inversions("disent", true), ["disent-ils", "disent-elles"]);
        assert_eq!(inversions("confia", false)[1], "confia-t-elle");
    }
}
