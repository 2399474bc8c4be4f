//! AI systems and the Open Source AI Definition 1.0 (OSI, 2024-10-28): for an entry detected as
//! an AI system, are the parameters (weights), the code and the data information available
//! under open terms? Detection and checks are heuristics over file names and model cards; every
//! item says what it found.

use crate::repo::{Repo, TreeEntry, looks_like_text};
use crate::say::say;
use crate::{CheckError, Evidence};
pub use commons_report::{AiItem, AiReport, AiStatus};

const WEIGHT_EXTENSIONS: &[&str] = &[
    "safetensors",
    "gguf",
    "ggml",
    "onnx",
    "pt",
    "pth",
    "ckpt",
    "h5",
    "keras",
    "tflite",
    "pb",
    "mlmodel",
    "pkl",
    "joblib",
];
const AI_WORDS: &[&str] = &[
    "machine learning",
    "machine-learning",
    "artificial intelligence",
    "deep learning",
    "neural network",
    "large language model",
    "llm",
    "computer vision",
    "natural language processing",
];
/// Licenses or markers that restrict use (fail OSAID's "any purpose").
const RESTRICTIVE_MARKERS: &[&str] = &[
    "openrail",
    "rail",
    "llama",
    "cc-by-nc",
    "non-commercial",
    "noncommercial",
    "gemma",
];

fn is_model_card(e: &TreeEntry) -> bool {
    let n = e.name().to_ascii_lowercase();
    matches!(
        n.as_str(),
        "model_card.md" | "modelcard.md" | "model-card.md" | "model_card.yaml"
    )
}

fn is_data_card(e: &TreeEntry) -> bool {
    let n = e.name().to_ascii_lowercase();
    n.starts_with("data_card")
        || n.starts_with("datacard")
        || n.starts_with("datasheet")
        || n.starts_with("dataset_card")
        || n.starts_with("data-card")
}

fn is_weights(e: &TreeEntry) -> bool {
    let n = e.name().to_ascii_lowercase();
    let ext = n.rsplit_once('.').map(|(_, x)| x).unwrap_or("");
    WEIGHT_EXTENSIONS.contains(&ext) || n == "pytorch_model.bin" || n == "tf_model.h5"
}

fn is_training_code(e: &TreeEntry) -> bool {
    let n = e.name().to_ascii_lowercase();
    (n.starts_with("train") && (n.ends_with(".py") || n.ends_with(".sh") || n.ends_with(".ipynb")))
        || e.path.split('/').any(|c| c == "training")
}

/// Detects an AI system and checks the OSAID components; `None` when it is not one.
pub fn assess(
    repo: &Repo,
    tree: &[TreeEntry],
    publiccode_text: Option<&str>,
    code_license_osi: Option<Evidence>,
    errors: &mut Vec<CheckError>,
) -> Option<AiReport> {
    let head = repo.head();
    let mut detected_by = Vec::new();
    if let Some(text) = publiccode_text {
        let lower = text.to_ascii_lowercase();
        if let Some(word) = AI_WORDS.iter().find(|w| lower.contains(**w)) {
            detected_by.push(Evidence::file(
                "publiccode.yml",
                head,
                "ai-keyword",
                say("evidence-ai-keyword", &[("word", (*word).into())]),
            ));
        }
    }
    let weights: Vec<&TreeEntry> = tree.iter().filter(|e| is_weights(e)).take(20).collect();
    let model_cards: Vec<&TreeEntry> = tree.iter().filter(|e| is_model_card(e)).collect();
    if let Some(w) = weights.first() {
        detected_by.push(Evidence::file(
            &w.path,
            head,
            "ai-weights-file",
            say("evidence-ai-weights-bytes", &[("bytes", w.size.into())]),
        ));
    }
    if let Some(c) = model_cards.first() {
        detected_by.push(Evidence::file(
            &c.path,
            head,
            "ai-model-card",
            say("evidence-model-card", &[]),
        ));
    }
    if detected_by.is_empty() {
        return None;
    }
    // Model card text: its YAML front matter `license:` names the weights' terms.
    let mut card_text = String::new();
    for card in &model_cards {
        match repo.read(card, 1024 * 1024) {
            Ok(b) if looks_like_text(&b) => card_text.push_str(&String::from_utf8_lossy(&b)),
            Ok(_) => errors.push(CheckError::new(
                "ai",
                say(
                    "error-model-card-binary",
                    &[("file", card.path.as_str().into())],
                ),
            )),
            Err(e) => errors.push(CheckError::new("ai", e.said_of(&card.path))),
        }
    }
    let card_license = card_text
        .lines()
        .find_map(|l| l.trim().strip_prefix("license:"))
        .map(|l| l.trim().trim_matches('"').to_string());
    let mut parameters = AiItem {
        id: "parameters".into(),
        status: AiStatus::Missing,
        evidence: Vec::new(),
    };
    let weights_link = card_text.lines().find(|l| {
        let l = l.to_ascii_lowercase();
        (l.contains("weights") || l.contains("checkpoint")) && l.contains("http")
    });
    if let Some(w) = weights.first() {
        parameters.evidence.push(Evidence::file(
            &w.path,
            head,
            "weights-in-repository",
            say("evidence-weights-file", &[]),
        ));
    } else if let Some(link) = weights_link {
        parameters
            .evidence
            .push(Evidence::rule("weights-link", link.trim().to_string()));
    }
    if !parameters.evidence.is_empty() {
        parameters.status = match &card_license {
            Some(l)
                if RESTRICTIVE_MARKERS
                    .iter()
                    .any(|m| l.to_ascii_lowercase().contains(m)) =>
            {
                parameters.evidence.push(Evidence::rule(
                    "weights-license-restrictive",
                    say(
                        "evidence-weights-license-restrictive",
                        &[("license", l.as_str().into())],
                    ),
                ));
                AiStatus::NeedsReview
            }
            Some(l)
                if spdx::license_id(l)
                    .or_else(|| spdx::imprecise_license_id(l).map(|(id, _)| id))
                    .is_some_and(|id| id.is_osi_approved()) =>
            {
                parameters.evidence.push(Evidence::rule(
                    "weights-license",
                    say(
                        "evidence-weights-license-approved",
                        &[("license", l.as_str().into())],
                    ),
                ));
                AiStatus::Met
            }
            Some(l) => {
                parameters.evidence.push(Evidence::rule(
                    "weights-license-unknown",
                    say(
                        "evidence-weights-license-unknown",
                        &[("license", l.as_str().into())],
                    ),
                ));
                AiStatus::NeedsReview
            }
            None if code_license_osi.is_some() => {
                parameters.evidence.push(Evidence::rule(
                    "weights-repository-license",
                    say("evidence-weights-repository-license", &[]),
                ));
                AiStatus::NeedsReview
            }
            None => AiStatus::NeedsReview,
        };
    }
    let training: Vec<&TreeEntry> = tree
        .iter()
        .filter(|e| is_training_code(e))
        .take(5)
        .collect();
    let mut code = AiItem {
        id: "code".into(),
        status: AiStatus::Missing,
        evidence: Vec::new(),
    };
    for t in &training {
        code.evidence.push(Evidence::file(
            &t.path,
            head,
            "training-code",
            say("evidence-training-code", &[]),
        ));
    }
    if let Some(osi) = &code_license_osi {
        code.evidence.push(osi.clone());
    }
    code.status = match (training.is_empty(), code_license_osi.is_some()) {
        (false, true) => AiStatus::Met,
        (false, false) => AiStatus::NeedsReview,
        (true, _) => AiStatus::Missing,
    };
    let mut data = AiItem {
        id: "data-information".into(),
        status: AiStatus::Missing,
        evidence: Vec::new(),
    };
    if let Some(card) = tree.iter().find(|e| is_data_card(e)) {
        data.evidence.push(Evidence::file(
            &card.path,
            head,
            "data-card",
            say("evidence-data-card", &[]),
        ));
    }
    let lower = card_text.to_ascii_lowercase();
    if lower.contains("training data") || lower.contains("training dataset") {
        data.evidence.push(Evidence::rule(
            "model-card-training-data",
            say("evidence-model-card-training-data", &[]),
        ));
    }
    if !data.evidence.is_empty() {
        data.status = AiStatus::Met;
    }
    Some(AiReport {
        detected_by,
        items: vec![parameters, code, data],
        method: "osaid-1.0 (heuristic: file names and model cards)".into(),
    })
}
