//! Parity with the Python package, and properties that need the real model.
//!
//! These tests need two environment variables, which `scripts/embed-reference.sh` prints (it is
//! run by `scripts/test.sh`):
//!
//! * `COMMONS_EMBED_REFERENCE`: the JSON file of reference ids and embeddings it writes;
//! * `COMMONS_EMBED_MODEL`: a model directory (`sp.model`, `weights.npz`).
//!
//! Without them the tests fail, naming the script: they never pass silently.

use commons_embed::{DIM, Embedding, Encoder, MAX_INPUT_BYTES, ModelFiles};
use proptest::prelude::*;
use std::sync::OnceLock;

#[derive(serde::Deserialize)]
struct Reference {
    sentences: Vec<Sentence>,
    tokenizer_only: Vec<Tokens>,
}

#[derive(serde::Deserialize)]
struct Tokens {
    text: String,
    ids: Vec<u32>,
}

#[derive(serde::Deserialize)]
struct Sentence {
    text: String,
    ids: Vec<u32>,
    embedding: Vec<f32>,
}

const HOW: &str = "run `eval \"$(scripts/embed-reference.sh)\"` first (it writes the Python \
                   package's reference embeddings and prints COMMONS_EMBED_REFERENCE and \
                   COMMONS_EMBED_MODEL); scripts/test.sh does this";

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: {HOW}"))
}

fn encoder() -> &'static Encoder {
    static ENCODER: OnceLock<Encoder> = OnceLock::new();
    ENCODER.get_or_init(|| {
        let files = ModelFiles::open(env("COMMONS_EMBED_MODEL"))
            .unwrap_or_else(|e| panic!("COMMONS_EMBED_MODEL: {e}; {HOW}"));
        Encoder::load(&files).expect("the model loads")
    })
}

fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        let path = env("COMMONS_EMBED_REFERENCE");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("COMMONS_EMBED_REFERENCE={path}: {e}; {HOW}"));
        serde_json::from_str(&text).expect("reference JSON")
    })
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    dot(a, b) / (dot(a, a).sqrt() * dot(b, b).sqrt())
}

#[test]
fn token_ids_are_the_reference_ids() {
    let reference = reference();
    assert!(reference.sentences.len() >= 25);
    let tokenizer = encoder().tokenizer();
    for s in &reference.sentences {
        assert!(
            s.text.len() <= MAX_INPUT_BYTES,
            "the reference texts fit the cap"
        );
        assert_eq!(tokenizer.encode(&s.text), s.ids, "ids of {:.60?}", s.text);
    }
    assert!(reference.tokenizer_only.len() >= 25);
    for s in &reference.tokenizer_only {
        assert_eq!(tokenizer.encode(&s.text), s.ids, "ids of {:.60?}", s.text);
    }
}

#[test]
fn embeddings_match_the_reference() {
    let reference = reference();
    let texts: Vec<&str> = reference
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    let ours = encoder().embed(&texts);
    let mut min = f32::INFINITY;
    for (s, v) in reference.sentences.iter().zip(&ours) {
        assert_eq!(s.embedding.len(), DIM);
        let c = cosine(&s.embedding, v);
        assert!(c >= 0.999, "cosine {c} for {:.60?}", s.text);
        min = min.min(c);
    }
    eprintln!(
        "min cosine over {} reference sentences: {min:.7} (1 - min = {:.2e})",
        ours.len(),
        1.0 - min
    );
}

#[test]
fn one_text_alone_or_in_a_batch_gives_the_same_vector() {
    let reference = reference();
    let texts: Vec<&str> = reference
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    let batch = encoder().embed(&texts);
    for (text, v) in texts.iter().zip(&batch) {
        let alone = encoder().embed(&[text]);
        assert!(cosine(&alone[0], v) > 0.99999, "{text:.60?}");
    }
    assert_eq!(encoder().embed(&texts), batch, "deterministic");
}

#[test]
fn translations_are_nearer_than_unrelated_sentences() {
    let groups: [[&str; 6]; 3] = [
        [
            "A library for parsing JSON in C++.",
            "Une bibliothèque pour analyser du JSON en C++.",
            "Una biblioteca para analizar JSON en C++.",
            "Библиотека для разбора JSON на C++.",
            "一个用 C++ 解析 JSON 的库。",
            "مكتبة لتحليل JSON بلغة C++.",
        ],
        [
            "The weather is nice today.",
            "Il fait beau aujourd'hui.",
            "Hoy hace buen tiempo.",
            "Сегодня хорошая погода.",
            "今天天气很好。",
            "الطقس جميل اليوم.",
        ],
        [
            "Software to manage hospital patient records.",
            "Logiciel de gestion des dossiers des patients d'un hôpital.",
            "Software para gestionar los historiales de los pacientes de un hospital.",
            "Программа для ведения медицинских карт пациентов больницы.",
            "管理医院病人病历的软件。",
            "برنامج لإدارة سجلات المرضى في المستشفى.",
        ],
    ];
    let vectors: Vec<Vec<Embedding>> = groups.iter().map(|g| encoder().embed(g)).collect();
    for (gi, group) in vectors.iter().enumerate() {
        for (i, v) in group.iter().enumerate() {
            let worst_translation = group
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, w)| dot(v, w))
                .fold(f32::INFINITY, f32::min);
            let best_unrelated = vectors
                .iter()
                .enumerate()
                .filter(|(gj, _)| *gj != gi)
                .flat_map(|(_, g)| g.iter().map(|w| dot(v, w)))
                .fold(f32::NEG_INFINITY, f32::max);
            assert!(
                worst_translation > best_unrelated,
                "{:?}: nearest unrelated {best_unrelated} beats translation {worst_translation}",
                groups[gi][i]
            );
        }
    }
}

#[test]
fn huge_inputs_are_cut_and_stay_normalised() {
    let huge = "données 数据 данные ".repeat(20_000);
    let v = encoder().embed(&[&huge, "", "\u{0}", "\u{202e}"]);
    for e in &v {
        assert!((dot(e, e) - 1.0).abs() < 1e-3);
    }
    let ids = encoder().tokenizer().encode(&huge);
    assert!(ids.len() <= MAX_INPUT_BYTES + 2);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_a_unit_vector(texts in proptest::collection::vec(any::<String>(), 0..4)) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let out = encoder().embed(&refs);
        prop_assert_eq!(out.len(), texts.len());
        for e in &out {
            prop_assert!(e.iter().all(|x| x.is_finite()));
            prop_assert!((dot(e, e) - 1.0).abs() < 1e-3);
        }
    }

    #[test]
    fn mixed_scripts_and_controls_do_not_panic(
        text in "[a-zA-Z0-9 \\t\\n\\u{0}-\\u{1f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{0600}-\\u{06ff}\\u{0400}-\\u{04ff}\\u{4e00}-\\u{4e80}\\u{1f300}-\\u{1f64f}\\u{fe0f}\\u{ff01}-\\u{ff5e}▁]{0,300}"
    ) {
        let ids = encoder().tokenizer().encode(&text);
        prop_assert!(ids.len() >= 3);
        let e = &encoder().embed(&[&text])[0];
        prop_assert!((dot(e, e) - 1.0).abs() < 1e-3);
    }
}
