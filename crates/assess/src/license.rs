//! License: files detected by text with the `spdx` crate's detector (askalono's method:
//! bigram Sørensen–Dice against the SPDX license list, with common licenses preferred over
//! their near-copies), REUSE-style `SPDX-License-Identifier` headers and GNU notices, the
//! project's own declaration ([`declarations`]: manifests, a README or COPYING sentence), and
//! the comparison with `legal.license` from publiccode.yml.

pub mod declarations;

use crate::repo::{Repo, TreeEntry, looks_like_text};
use crate::say::say;
use crate::{CheckError, Evidence};
pub use commons_report::{DetectedFile, Family, HeaderCount, LicenseReport};
use commons_report::{MessageArg, Said};
pub use declarations::ProjectDeclaration;
use spdx::detection::{Store, TextData};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Score from which a license text is taken as recognised (askalono's default).
pub const CONFIDENCE_THRESHOLD: f32 = 0.9;
/// Largest license file read.
const MAX_LICENSE_BYTES: u64 = 512 * 1024;
/// Source files sampled for `SPDX-License-Identifier` headers, and bytes read from each.
const MAX_HEADER_FILES: usize = 2_000;
const HEADER_BYTES: usize = 4 * 1024;

fn store() -> Option<&'static Store> {
    static STORE: OnceLock<Option<Store>> = OnceLock::new();
    STORE.get_or_init(|| Store::load_inline().ok()).as_ref()
}

/// Licenses most often found, tried first: a near-exact match (score ≥ [`FAST_PATH_SCORE`])
/// with one of these skips the comparison with the whole SPDX list.
const COMMON_IDS: &[&str] = &[
    "MIT",
    "Apache-2.0",
    "BSD-3-Clause",
    "BSD-2-Clause",
    "ISC",
    "0BSD",
    "Unlicense",
    "Zlib",
    "BSL-1.0",
    "MPL-2.0",
    "EPL-2.0",
    "EPL-1.0",
    "LGPL-2.1-only",
    "LGPL-3.0-only",
    "GPL-2.0-only",
    "GPL-3.0-only",
    "AGPL-3.0-only",
    "EUPL-1.2",
    "EUPL-1.1",
    "CC0-1.0",
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "Artistic-2.0",
    "PostgreSQL",
    "CECILL-2.1",
    "OSL-3.0",
];
/// Score from which a common license is taken without looking further (askalono's
/// `shallow_limit`).
pub const FAST_PATH_SCORE: f32 = 0.99;

/// A common license's texts: the SPDX text, and the same up to "END OF TERMS AND CONDITIONS"
/// when the license has an appendix after its terms (Apache-2.0's "How to apply", the GPL
/// family's "How to Apply These Terms"). Many projects ship the terms without the appendix
/// (the LICENSE-APACHE many Rust crates copy from the Rust project), and without it Apache-2.0
/// scores 0.946 while Pixar's license, which has no appendix, scores 0.983.
struct Common {
    id: &'static str,
    texts: Vec<(TextData, usize)>,
}

const END_OF_TERMS: &str = "END OF TERMS AND CONDITIONS";

fn word_count(data: &TextData) -> usize {
    data.lines()
        .iter()
        .map(|l| l.split_whitespace().count())
        .sum()
}

fn common() -> &'static [Common] {
    static COMMON: OnceLock<Vec<Common>> = OnceLock::new();
    COMMON.get_or_init(|| {
        COMMON_IDS
            .iter()
            .filter_map(|id| spdx::license_id(id))
            .map(|lic| {
                let full = lic.text();
                let mut texts = vec![full];
                if let Some(end) = full.find(END_OF_TERMS) {
                    let terms = &full[..end + END_OF_TERMS.len()];
                    if full[end + END_OF_TERMS.len()..].trim().len() > 100 {
                        texts.push(terms);
                    }
                }
                Common {
                    id: lic.name,
                    texts: texts
                        .into_iter()
                        .map(|t| {
                            let data = TextData::new(t);
                            let words = word_count(&data);
                            (data, words)
                        })
                        .collect(),
                }
            })
            .collect()
    })
}

impl Common {
    /// The best score of this license's texts whose length is within 10 % of `words` (a Dice
    /// score of 0.99 is impossible otherwise); `None` when none is that close.
    fn near_score(&self, data: &TextData, words: usize) -> Option<f32> {
        self.texts
            .iter()
            .filter(|(_, w)| w.abs_diff(words) * 10 <= (*w).max(words))
            .map(|(t, _)| t.match_score(data))
            .reduce(f32::max)
    }

    /// The best score of this license's texts, whatever their length.
    fn score(&self, data: &TextData) -> f32 {
        self.texts
            .iter()
            .map(|(t, _)| t.match_score(data))
            .fold(0.0, f32::max)
    }
}

/// Scores within this distance of the best candidate's count as a tie, and a tie goes to the
/// common license: an edited Apache-2.0 text is far likelier than Pixar's license. The value is
/// below the measured distance between a common license and its nearest copy (the real Pixar
/// text scores 1.000 as Pixar and 0.983 as Apache-2.0's terms; an Apache-2.0 text without its
/// appendix the reverse), so neither is mistaken for the other; a text between a common license
/// and its copy goes to the common license (see the tests).
pub const NEAR_COPY_MARGIN: f32 = 0.01;
/// Score between two licenses' own texts from which the rarer one is a variant of the common
/// one (the recognition threshold: a text that close would be taken for the common license).
const VARIANT_SCORE: f32 = CONFIDENCE_THRESHOLD;

/// What the detector made of one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// SPDX id recognised, when the score reaches [`CONFIDENCE_THRESHOLD`].
    pub license: Option<String>,
    /// Best candidate even below the threshold.
    pub best_candidate: Option<String>,
    /// Sørensen–Dice score of the license taken (or of the best candidate).
    pub score: f32,
    /// The common license the recognised one is a near-copy of (Pixar: Apache-2.0).
    pub variant_of: Option<String>,
    /// A near-copy of the common license taken that scored within twice [`NEAR_COPY_MARGIN`]
    /// of it (close enough that a small edit could tip the balance), with its score.
    pub near_copy: Option<(String, f32)>,
}

impl Detection {
    fn none() -> Self {
        Detection {
            license: None,
            best_candidate: None,
            score: 0.0,
            variant_of: None,
            near_copy: None,
        }
    }
}

/// The licenses of the SPDX list whose own text is a near-copy of a common license's
/// ([`VARIANT_SCORE`]), with that text; computed once per common license, when first needed.
fn variants(common_index: usize) -> &'static [(String, TextData)] {
    type Copies = OnceLock<Vec<(String, TextData)>>;
    static VARIANTS: OnceLock<Vec<Copies>> = OnceLock::new();
    let all = VARIANTS.get_or_init(|| (0..common().len()).map(|_| OnceLock::new()).collect());
    let Some(slot) = all.get(common_index) else {
        return &[];
    };
    slot.get_or_init(|| {
        let (Some(store), Some(c)) = (store(), common().get(common_index)) else {
            return Vec::new();
        };
        let mut found: Vec<(String, TextData)> = store
            .iter()
            .filter(|(name, _)| !COMMON_IDS.contains(&name.as_str()))
            .filter(|(_, entry)| c.score(&entry.original) >= VARIANT_SCORE)
            .map(|(name, entry)| (name.clone(), entry.original.clone()))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    })
}

/// The common license `id` is a near-copy of, if any.
fn variant_of(id: &str) -> Option<String> {
    (0..common().len())
        .find(|&i| variants(i).iter().any(|(name, _)| name == id))
        .and_then(|i| common().get(i))
        .map(|c| c.id.to_string())
}

/// Recognises one license text. Returns (recognised id, best candidate, score); see [`detect`].
pub fn detect_text(text: &str) -> (Option<String>, Option<String>, f32) {
    let d = detect(text);
    (d.license, d.best_candidate, d.score)
}

/// Recognises one license text.
///
/// First the common licenses (their texts within 10 % of the text's length) and the
/// near-copies of the best of them; when none scores near-exactly ([`FAST_PATH_SCORE`]), the
/// whole SPDX list, with the common licenses' terms-only texts. Either way, when a common
/// license scores within [`NEAR_COPY_MARGIN`] of the best candidate, the common license is
/// taken; a rarer license that scores clearly better is taken and reported as a variant of the
/// common license it copies.
pub fn detect(text: &str) -> Detection {
    let data = TextData::new(text);
    let words = word_count(&data);
    let best_common = common()
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.near_score(&data, words).map(|s| (i, c.id, s)))
        .max_by(|a, b| a.2.total_cmp(&b.2));
    if let Some((index, id, score)) = best_common.filter(|(_, _, s)| *s >= FAST_PATH_SCORE) {
        let copy = variants(index)
            .iter()
            .map(|(name, d)| (name.as_str(), d.match_score(&data)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        return match copy {
            Some((name, s)) if s > score + NEAR_COPY_MARGIN => Detection {
                license: Some(name.to_string()),
                best_candidate: Some(name.to_string()),
                score: s,
                variant_of: Some(id.to_string()),
                near_copy: None,
            },
            _ => Detection {
                license: Some(id.to_string()),
                best_candidate: Some(id.to_string()),
                score,
                variant_of: None,
                near_copy: copy
                    .filter(|(_, s)| *s >= score - 2.0 * NEAR_COPY_MARGIN)
                    .map(|(n, s)| (n.to_string(), s)),
            },
        };
    }
    let Some(store) = store() else {
        return Detection::none();
    };
    // Every license's best score over its text, its alternates and its headers (what
    // `Store::analyze` ranks, kept whole instead of only the first), the common licenses'
    // terms-only texts included.
    let mut ranked: Vec<(&str, f32)> = store
        .iter()
        .map(|(name, entry)| {
            let mut score = std::iter::once(&entry.original)
                .chain(&entry.alternates)
                .chain(&entry.headers)
                .map(|t| t.match_score(&data))
                .fold(0.0f32, f32::max);
            if let Some(c) = common().iter().find(|c| c.id == name.as_str()) {
                score = score.max(c.score(&data));
            }
            (name.as_str(), score)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let Some(&(top, top_score)) = ranked.first() else {
        return Detection::none();
    };
    let common_close = ranked
        .iter()
        .take_while(|(_, s)| *s >= top_score - NEAR_COPY_MARGIN)
        .find(|(name, _)| COMMON_IDS.contains(name));
    let (taken, score) = match common_close {
        Some(&(name, s)) => (name, s),
        None => (top, top_score),
    };
    let recognised = score >= CONFIDENCE_THRESHOLD;
    let mut detection = Detection {
        license: recognised.then(|| taken.to_string()),
        best_candidate: Some(taken.to_string()),
        score,
        ..Detection::none()
    };
    if !recognised {
        return detection;
    }
    if COMMON_IDS.contains(&taken) {
        detection.near_copy = ranked
            .iter()
            .filter(|(name, s)| *name != taken && *s >= score - 2.0 * NEAR_COPY_MARGIN)
            .find(|(name, _)| variant_of(name).as_deref() == Some(taken))
            .map(|(name, s)| (name.to_string(), *s));
    } else {
        detection.variant_of = variant_of(taken);
    }
    detection
}

/// Detection results by blob id: a blob id is the hash of the content, so identical LICENSE
/// files across the repositories a crawler assesses are recognised once per process. Bounded:
/// emptied when it reaches 10,000 entries.
fn detect_cached(oid: &str, text: &str) -> Detection {
    static CACHE: OnceLock<std::sync::Mutex<std::collections::HashMap<String, Detection>>> =
        OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(oid).cloned()) {
        return hit;
    }
    let result = detect(text);
    if let Ok(mut c) = cache.lock() {
        if c.len() >= 10_000 {
            c.clear();
        }
        c.insert(oid.to_string(), result.clone());
    }
    result
}

/// Recognises many texts on every available core (the detector is CPU-bound).
pub fn detect_many(texts: &[&str]) -> Vec<(Option<String>, Option<String>, f32)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(texts.len().max(1));
    let chunk = texts.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|t| detect_text(t)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Licensee's preference for a file name as a license file (higher is better); `None`: not one.
pub fn license_file_rank(entry: &TreeEntry) -> Option<u8> {
    let dir = entry.dir();
    let name = entry.name().to_ascii_lowercase();
    if dir.eq_ignore_ascii_case("LICENSES") {
        return Some(90);
    }
    if !dir.is_empty() {
        return None;
    }
    let (stem, ext) = name.split_once('.').unwrap_or((&name, ""));
    let text_ext = matches!(
        ext,
        "" | "md" | "txt" | "markdown" | "rst" | "html" | "adoc"
    );
    let rank = match stem {
        "license" | "licence" if text_ext => 100,
        "copying" if text_ext => 85,
        "unlicense" if text_ext => 80,
        s if (s.starts_with("license-")
            || s.starts_with("licence-")
            || s.starts_with("copying-"))
            && (text_ext || versioned_id(entry.name())) =>
        {
            70
        }
        "license" | "licence" | "copying" => 60,
        "notice" if text_ext => 30,
        "copyright" if text_ext => 25,
        _ => return None,
    };
    Some(rank)
}

/// Most manifests read (top-level only: several gemspecs at most).
const MAX_MANIFESTS: usize = 10;

/// True for `LICENSE-<SPDX id>` whose id has a version with a dot (`LICENSE-AGPL-3.0`, as
/// Synapse names its file): the dot is the version's, not an extension's.
fn versioned_id(name: &str) -> bool {
    name.get("license-".len()..)
        .is_some_and(|id| id.contains('.') && spdx::license_id(id).is_some())
}

/// Builds the license report from the tree and the declared expression.
pub fn assess(
    repo: &Repo,
    tree: &[TreeEntry],
    declared: Option<&str>,
    errors: &mut Vec<CheckError>,
) -> LicenseReport {
    let mut project_declarations = read_manifests(repo, tree, errors);
    let mut candidates: Vec<(&TreeEntry, u8)> = tree
        .iter()
        .filter_map(|e| license_file_rank(e).map(|r| (e, r)))
        .collect();
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.path.cmp(&b.0.path)));
    candidates.truncate(50);
    // A file a manifest names as its license (`license-file`, `SEE LICENSE IN`) is read too.
    for named in project_declarations
        .iter()
        .filter_map(|d| d.license_file.as_deref())
    {
        if let Some(entry) = tree.iter().find(|e| e.path == named)
            && !candidates.iter().any(|(c, _)| c.path == named)
        {
            candidates.push((entry, 0));
        }
    }
    let mut files = Vec::new();
    let mut sentences = Vec::new();
    for (entry, _) in candidates {
        let (detected, statement) = detect_file(repo, entry);
        if let Some(problem) = problem_of_file(&detected) {
            errors.push(CheckError::new("license", problem));
        }
        sentences.extend(statement);
        files.push(detected);
    }
    project_declarations.extend(readme_sentence(repo, tree));
    project_declarations.extend(sentences);
    let (spdx_headers, notice_headers) = scan_headers(repo, tree);
    reconcile(
        declared,
        files,
        Headers {
            spdx: spdx_headers,
            notices: notice_headers,
        },
        project_declarations,
        repo.head(),
    )
}

/// The top-level manifests' license statements, in [`declarations::manifest_rank`] order.
fn read_manifests(
    repo: &Repo,
    tree: &[TreeEntry],
    errors: &mut Vec<CheckError>,
) -> Vec<ProjectDeclaration> {
    let mut manifests: Vec<&TreeEntry> = tree
        .iter()
        .filter(|e| e.dir().is_empty() && declarations::is_manifest(e.name()))
        .collect();
    manifests.sort_by(|a, b| {
        declarations::manifest_rank(a.name())
            .cmp(&declarations::manifest_rank(b.name()))
            .then(a.path.cmp(&b.path))
    });
    manifests.truncate(MAX_MANIFESTS);
    let mut out = Vec::new();
    for entry in manifests {
        let file = entry.path.as_str();
        let problem = if !entry.is_file() {
            Some(say("error-not-regular-file", &[("file", file.into())]))
        } else {
            match repo.read(entry, declarations::MAX_MANIFEST_BYTES) {
                Err(e) => Some(e.said_of(file)),
                Ok(bytes) if !looks_like_text(&bytes) => {
                    Some(say("error-binary-manifest", &[("file", file.into())]))
                }
                Ok(bytes) => {
                    match declarations::read_manifest(
                        entry.name(),
                        &String::from_utf8_lossy(&bytes),
                    ) {
                        Ok(found) => {
                            out.extend(found.into_iter().map(|mut d| {
                                d.file = entry.path.clone();
                                d
                            }));
                            None
                        }
                        Err(e) => Some(e.said(file)),
                    }
                }
            }
        };
        if let Some(problem) = problem {
            errors.push(CheckError::new("license", problem));
        }
    }
    out
}

/// Notes why a license file could not be read or recognised.
fn set_problem(file: &mut DetectedFile, problem: Said) {
    file.problem = Some(problem.text);
    file.problem_l10n = problem.message;
}

/// The error a license file's problem adds to the report: the same sentence said of the file
/// (`license-file-binary` becomes `error-license-file-binary`, with `file`). A problem that
/// names its file already (a read error) is said as it is.
fn problem_of_file(detected: &DetectedFile) -> Option<Said> {
    let problem = detected.problem.clone()?;
    Some(match &detected.problem_l10n {
        Some(message) if message.id.starts_with("license-file-") => {
            let mut args: Vec<(&str, MessageArg)> = message
                .args
                .iter()
                .map(|(name, value)| (name.as_str(), value.clone()))
                .collect();
            args.push(("file", detected.file.as_str().into()));
            say(&format!("error-{}", message.id), &args)
        }
        Some(message) => Said {
            text: problem,
            message: Some(message.clone()),
        },
        None => Said::from(format!("{}: {problem}", detected.file)),
    })
}

/// A sentence of the top-level README that states a choice between licenses.
fn readme_sentence(repo: &Repo, tree: &[TreeEntry]) -> Option<ProjectDeclaration> {
    let mut readmes: Vec<&TreeEntry> = tree
        .iter()
        .filter(|e| e.dir().is_empty() && e.is_file())
        .filter(|e| {
            let name = e.name().to_ascii_lowercase();
            let (stem, ext) = name.split_once('.').unwrap_or((&name, ""));
            stem == "readme" && matches!(ext, "" | "md" | "markdown" | "rst" | "txt" | "adoc")
        })
        .collect();
    readmes.sort_by(|a, b| a.path.cmp(&b.path));
    readmes.into_iter().find_map(|entry| {
        let bytes = repo
            .read_prefix(entry, declarations::MAX_README_BYTES)
            .ok()?;
        let mut d = declarations::choice_sentence(&String::from_utf8_lossy(&bytes))?;
        d.file = entry.path.clone();
        Some(d)
    })
}

/// Recognises one license file; a file that is not a license text but states a choice
/// between licenses in prose (ripgrep's COPYING) also gives that statement.
fn detect_file(repo: &Repo, entry: &TreeEntry) -> (DetectedFile, Option<ProjectDeclaration>) {
    let mut out = DetectedFile {
        file: entry.path.clone(),
        license: None,
        best_candidate: None,
        confidence: 0.0,
        problem: None,
        problem_l10n: None,
        variant_of: None,
        note: None,
        note_l10n: None,
    };
    if !entry.is_file() {
        set_problem(
            &mut out,
            match entry.kind {
                crate::repo::EntryKind::Symlink => say("license-file-symlink", &[]),
                _ => say("license-file-not-regular", &[]),
            },
        );
        return (out, None);
    }
    let bytes = match repo.read(entry, MAX_LICENSE_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => {
            set_problem(&mut out, e.said_of(&entry.path));
            return (out, None);
        }
    };
    if !looks_like_text(&bytes) {
        let offset = bytes
            .iter()
            .position(|&b| b == 0)
            .or_else(|| std::str::from_utf8(&bytes).err().map(|e| e.valid_up_to()))
            .unwrap_or(0);
        set_problem(
            &mut out,
            say("license-file-binary", &[("offset", offset.into())]),
        );
        return (out, None);
    }
    let text = String::from_utf8_lossy(&bytes);
    let detection = detect_cached(&entry.oid, &text);
    let score = detection.score;
    out.license = detection.license;
    out.best_candidate = detection.best_candidate;
    out.confidence = (score * 1000.0).round() / 1000.0;
    out.variant_of = detection.variant_of;
    let note = if let (Some(id), Some((copy, copy_score))) = (&out.license, &detection.near_copy) {
        Some(say(
            "evidence-license-near-copy-scores",
            &[
                ("copy", copy.as_str().into()),
                ("license", id.as_str().into()),
                ("copyScore", format!("{copy_score:.3}").into()),
                ("score", format!("{score:.3}").into()),
            ],
        ))
    } else if let (Some(id), Some(common)) = (&out.license, &out.variant_of) {
        Some(say(
            "evidence-license-variant",
            &[
                ("license", id.as_str().into()),
                ("common", common.as_str().into()),
            ],
        ))
    } else {
        None
    };
    if let Some(note) = note {
        out.note = Some(note.text);
        out.note_l10n = note.message;
    }
    if out.license.is_none()
        && let Some(mut statement) = declarations::choice_sentence(&text)
    {
        let note = say(
            "evidence-license-statement",
            &[(
                "expression",
                statement.expression.as_deref().unwrap_or_default().into(),
            )],
        );
        out.note = Some(note.text);
        out.note_l10n = note.message;
        // Not a license text: the detector's best guess (a score of about 0.1) is noise.
        out.best_candidate = None;
        statement.file = entry.path.clone();
        return (out, Some(statement));
    }
    if out.license.is_none() {
        let threshold = ("threshold", format!("{CONFIDENCE_THRESHOLD}").into());
        let problem = match out.best_candidate.as_deref() {
            Some(candidate) => say(
                "license-file-not-recognised",
                &[
                    ("candidate", candidate.into()),
                    ("score", format!("{score:.2}").into()),
                    threshold,
                ],
            ),
            None => say("license-file-no-match", &[threshold]),
        };
        set_problem(&mut out, problem);
    }
    (out, None)
}

fn is_source_file(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    matches!(
        ext,
        "rs" | "c"
            | "h"
            | "cc"
            | "cpp"
            | "hpp"
            | "go"
            | "py"
            | "js"
            | "ts"
            | "jsx"
            | "tsx"
            | "java"
            | "kt"
            | "rb"
            | "php"
            | "cs"
            | "swift"
            | "scala"
            | "sh"
            | "pl"
            | "lua"
            | "dart"
            | "ex"
            | "exs"
            | "vue"
            | "css"
            | "scss"
            | "html"
            | "toml"
            | "yml"
            | "yaml"
    )
}

/// Counts `SPDX-License-Identifier:` expressions, and GNU notices in prose where a file has
/// none, in the first bytes of source files.
fn scan_headers(repo: &Repo, tree: &[TreeEntry]) -> (Vec<HeaderCount>, Vec<HeaderCount>) {
    type Counts = std::collections::BTreeMap<String, (usize, String)>;
    let mut counts: Counts = Default::default();
    let mut notices: Counts = Default::default();
    for entry in tree
        .iter()
        .filter(|e| e.is_file() && is_source_file(e.name()))
        .take(MAX_HEADER_FILES)
    {
        let Ok(bytes) = repo.read_prefix(entry, HEADER_BYTES) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let mut tagged = false;
        for line in text.lines() {
            if let Some((_, rest)) = line.split_once("SPDX-License-Identifier:") {
                // The expression ends at the first character an SPDX expression cannot hold
                // (a comment's end, a quote, a backslash).
                let expr = rest
                    .split(|c: char| !(c.is_ascii_alphanumeric() || " .-+():".contains(c)))
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string();
                if expr.is_empty()
                    || expr.len() > 200
                    || spdx::Expression::parse_mode(&expr, spdx::ParseMode::LAX).is_err()
                {
                    continue;
                }
                let slot = counts.entry(expr).or_insert((0, entry.path.clone()));
                slot.0 += 1;
                tagged = true;
                break;
            }
        }
        if !tagged && let Some(id) = declarations::gnu_notice(&text) {
            let slot = notices
                .entry(id.to_string())
                .or_insert((0, entry.path.clone()));
            slot.0 += 1;
        }
    }
    let list = |counts: Counts| {
        counts
            .into_iter()
            .map(|(expression, (files, example))| HeaderCount {
                expression,
                files,
                example,
            })
            .collect()
    };
    (list(counts), list(notices))
}

/// What the source files' headers say.
struct Headers {
    spdx: Vec<HeaderCount>,
    notices: Vec<HeaderCount>,
}

/// The license text an SPDX id stands for: `GPL-3.0-only` and `GPL-3.0-or-later` (and the
/// deprecated `GPL-3.0`, `GPL-3.0+`) share one text, and "or later" is said in the source files'
/// headers, not in the license file; so a file matching `-only` agrees with a declared
/// `-or-later`.
fn same_text(id: &str) -> &str {
    id.trim_end_matches('+')
        .trim_end_matches("-only")
        .trim_end_matches("-or-later")
}

/// The license texts an expression names ([`same_text`] of each id), or `None` when it is not
/// a valid expression or names no SPDX license.
fn texts_of(expression: &str) -> Option<BTreeSet<String>> {
    let expr = spdx::Expression::parse_mode(expression, spdx::ParseMode::LAX).ok()?;
    let texts: BTreeSet<String> = expr
        .requirements()
        .filter_map(|r| r.req.license.id().map(|id| same_text(id.name).to_string()))
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// The effective expression and where it comes from, by the order of belief: `legal.license`,
/// the project's own declaration, source headers that name the files' texts, the files.
fn choose_effective(
    declared: Option<&str>,
    declared_valid: bool,
    declarations: &[ProjectDeclaration],
    files: &[DetectedFile],
    detected: &BTreeSet<String>,
    headers: &Headers,
) -> (Option<String>, Option<String>) {
    if let (Some(d), true) = (declared, declared_valid) {
        return (
            Some(d.to_string()),
            Some("publiccode.yml legal.license".into()),
        );
    }
    for d in declarations {
        if let Some(expr) = &d.expression {
            return (Some(expr.clone()), Some(format!("{} {}", d.file, d.field)));
        }
        // A manifest that names a file as its license: the license that file's text is.
        if let Some(named) = &d.license_file
            && let Some(id) = files
                .iter()
                .find(|f| &f.file == named)
                .and_then(|f| f.license.clone())
        {
            return (Some(id), Some(format!("{} {} ({named})", d.file, d.field)));
        }
    }
    let file_texts: BTreeSet<String> = detected
        .iter()
        .map(|id| same_text(id).to_string())
        .collect();
    let header_expressions: BTreeSet<String> = headers
        .spdx
        .iter()
        .chain(&headers.notices)
        .filter_map(|h| declarations::canonical(&h.expression).ok())
        .collect();
    if header_expressions.len() == 1
        && let Some(expr) = header_expressions.into_iter().next()
        && texts_of(&expr).is_some_and(|t| t == file_texts)
    {
        return (Some(expr), Some("source headers".into()));
    }
    match detected.len() {
        1 => (
            detected.iter().next().cloned(),
            Some("license files".into()),
        ),
        _ => (None, None),
    }
}

fn reconcile(
    declared: Option<&str>,
    files: Vec<DetectedFile>,
    headers: Headers,
    project_declarations: Vec<ProjectDeclaration>,
    head: &str,
) -> LicenseReport {
    let mut evidence = Vec::new();
    let detected: BTreeSet<String> = files.iter().filter_map(|f| f.license.clone()).collect();
    for f in files.iter().filter(|f| f.license.is_some()) {
        let license = f.license.as_deref().unwrap_or_default();
        let score = format!("{:.3}", f.confidence);
        let detail = say(
            "evidence-license-text-match",
            &[("license", license.into()), ("score", score.into())],
        );
        evidence.push(Evidence::file(
            &f.file,
            head,
            "license-text-detection",
            detail,
        ));
        // What else to know about the match (a near-copy that scored almost as well), as its
        // own sentence.
        if let Some(note) = &f.note {
            evidence.push(Evidence::file(
                &f.file,
                head,
                "license-text-note",
                Said {
                    text: note.clone(),
                    message: f.note_l10n.clone(),
                },
            ));
        }
    }
    let declared_expr =
        declared.and_then(|d| spdx::Expression::parse_mode(d, spdx::ParseMode::LAX).ok());
    if let Some(d) = declared {
        evidence.push(
            Evidence::file(
                "publiccode.yml",
                head,
                "declared-license",
                format!("legal.license: {d}"),
            )
            .at_key("legal.license"),
        );
    }
    for d in &project_declarations {
        let said = |id: &str, more: Option<(&str, &str)>| {
            let mut args = vec![
                ("field", d.field.as_str().into()),
                ("written", d.as_written.as_str().into()),
            ];
            args.extend(more.map(|(name, value)| (name, value.into())));
            say(id, &args)
        };
        let detail = match (&d.expression, &d.license_file, &d.problem) {
            (Some(e), _, _) => said(
                "evidence-project-declaration-states",
                Some(("expression", e)),
            ),
            (None, Some(f), _) => {
                said("evidence-project-declaration-names-file", Some(("file", f)))
            }
            (None, None, Some(p)) => {
                said("evidence-project-declaration-problem", Some(("problem", p)))
            }
            (None, None, None) => said("evidence-project-declaration-none", None),
        };
        evidence.push(Evidence::file(
            &d.file,
            head,
            "project-license-declaration",
            detail,
        ));
    }
    // The sentences that explain a mismatch, in order.
    let mut mismatches: Vec<Said> = Vec::new();
    let mismatch = match (&declared_expr, detected.is_empty()) {
        (Some(expr), false) => {
            let declared_texts: BTreeSet<&str> = expr
                .requirements()
                .filter_map(|r| r.req.license.id().map(|id| same_text(id.name)))
                .collect();
            let missing: Vec<&String> = detected
                .iter()
                .filter(|id| !declared_texts.contains(same_text(id)))
                .collect();
            if !missing.is_empty() {
                mismatches.push(say(
                    "license-mismatch-files-unmentioned",
                    &[
                        ("licenses", join(&missing).into()),
                        ("declared", declared.unwrap_or_default().into()),
                    ],
                ));
            }
            !missing.is_empty()
        }
        (None, _) if declared.is_some() => {
            mismatches.push(say(
                "license-mismatch-declared-invalid",
                &[("declared", declared.unwrap_or_default().into())],
            ));
            true
        }
        (Some(_), true) => {
            mismatches.push(say("license-mismatch-no-file", &[]));
            true
        }
        _ => false,
    };
    // The project's own declaration names a license legal.license does not.
    let mut mismatch = mismatch;
    if let (Some(d), Some(declared_texts)) = (declared, declared.and_then(texts_of))
        && let Some(own) = project_declarations.iter().find(|p| p.expression.is_some())
        && let Some(own_texts) = own.expression.as_deref().and_then(texts_of)
        && !own_texts.is_subset(&declared_texts)
    {
        mismatch = true;
        mismatches.push(say(
            "license-mismatch-project-declaration",
            &[
                ("file", own.file.as_str().into()),
                ("field", own.field.as_str().into()),
                (
                    "expression",
                    own.expression.as_deref().unwrap_or_default().into(),
                ),
                ("declared", d.into()),
            ],
        ));
    }
    let (effective, effective_source) = choose_effective(
        declared,
        declared_expr.is_some(),
        &project_declarations,
        &files,
        &detected,
        &headers,
    );
    // Without publiccode.yml, the project's own declaration is held to the files as
    // legal.license is: a license text it does not mention is a mismatch.
    if declared.is_none()
        && let Some(own) = project_declarations
            .iter()
            .find(|p| p.expression.is_some() && p.expression == effective)
        && let Some(own_texts) = own.expression.as_deref().and_then(texts_of)
    {
        let missing: Vec<&String> = detected
            .iter()
            .filter(|id| !own_texts.contains(same_text(id)))
            .collect();
        if !missing.is_empty() {
            mismatch = true;
            // This is the only explanation: legal.license is absent.
            mismatches = vec![say(
                "license-mismatch-files-unmentioned-by-project",
                &[
                    ("licenses", join(&missing).into()),
                    ("file", own.file.as_str().into()),
                    ("field", own.field.as_str().into()),
                    (
                        "expression",
                        own.expression.as_deref().unwrap_or_default().into(),
                    ),
                ],
            )];
        }
    }
    let combination_unknown = effective.is_none() && detected.len() > 1;
    if combination_unknown {
        evidence.push(Evidence::rule(
            "license-combination",
            say(
                "evidence-license-combination",
                &[(
                    "licenses",
                    detected
                        .iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into(),
                )],
            ),
        ));
    }
    // Judged on the effective expression; when the combination is unknown, on every file's
    // license (all must pass, the family is the most demanding: what a reuser must be ready for).
    let judged = match &effective {
        Some(e) => spdx::Expression::parse_mode(e, spdx::ParseMode::LAX).ok(),
        None if combination_unknown => spdx::Expression::parse_mode(
            &detected.iter().cloned().collect::<Vec<_>>().join(" AND "),
            spdx::ParseMode::LAX,
        )
        .ok(),
        None => None,
    };
    let (osi_approved, fsf_libre, family) = match &judged {
        Some(expr) => (
            all_ids(expr, |id| id.is_osi_approved()),
            all_ids(expr, |id| id.is_fsf_free_libre()),
            expression_family(expr),
        ),
        None => (false, false, Family::Unknown),
    };
    LicenseReport {
        declared: declared.map(str::to_string),
        files,
        spdx_headers: headers.spdx,
        notice_headers: headers.notices,
        project_declarations,
        effective,
        effective_source,
        combination_unknown,
        osi_approved,
        fsf_libre,
        family,
        mismatch,
        mismatch_detail: (!mismatches.is_empty()).then(|| {
            mismatches
                .iter()
                .map(|m| m.text.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        }),
        mismatch_l10n: mismatches.into_iter().filter_map(|m| m.message).collect(),
        evidence,
        spdx_list_version: spdx::license_version().to_string(),
    }
}

fn join(items: &[&String]) -> String {
    items
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn all_ids(expr: &spdx::Expression, test: impl Fn(spdx::LicenseId) -> bool) -> bool {
    let mut any = false;
    for req in expr.requirements() {
        match req.req.license.id() {
            Some(id) if test(id) => any = true,
            _ => return false,
        }
    }
    any
}

/// The family of one SPDX id.
pub fn id_family(id: &str) -> Family {
    let base = id.trim_end_matches('+');
    let starts = |p: &str| base.starts_with(p);
    if starts("AGPL-")
        || matches!(
            base,
            "OSL-3.0" | "OSL-2.1" | "OSL-2.0" | "SSPL-1.0" | "RPL-1.5" | "CPAL-1.0"
        )
    {
        return Family::NetworkCopyleft;
    }
    if starts("GPL-")
        || starts("EUPL-")
        || matches!(base, "CECILL-2.1" | "CECILL-2.0" | "Sleepycat" | "QPL-1.0")
    {
        return Family::StrongCopyleft;
    }
    if starts("LGPL-")
        || starts("MPL-")
        || starts("EPL-")
        || starts("CDDL-")
        || starts("CECILL-C")
        || matches!(
            base,
            "MS-RL" | "LPL-1.02" | "APSL-2.0" | "CPL-1.0" | "Nokia" | "SISSL"
        )
    {
        return Family::WeakCopyleft;
    }
    match spdx::license_id(base) {
        Some(lic) if lic.is_copyleft() => Family::StrongCopyleft,
        Some(lic) if lic.is_osi_approved() || lic.is_fsf_free_libre() => Family::Permissive,
        Some(_) if starts("CC0") || starts("CC-BY-4") || starts("CC-BY-3") => Family::Permissive,
        _ => Family::Unknown,
    }
}

/// The family of an expression: OR lets the reuser pick the least demanding option, AND
/// imposes the most demanding one.
pub fn expression_family(expr: &spdx::Expression) -> Family {
    let mut stack: Vec<Family> = Vec::new();
    for node in expr.iter() {
        match node {
            spdx::expression::ExprNode::Req(req) => stack.push(match req.req.license.id() {
                Some(id) => id_family(id.name),
                None => Family::Unknown,
            }),
            spdx::expression::ExprNode::Op(op) => {
                let (Some(b), Some(a)) = (stack.pop(), stack.pop()) else {
                    return Family::Unknown;
                };
                stack.push(match op {
                    spdx::expression::Operator::Or => least(a, b),
                    spdx::expression::Operator::And => most(a, b),
                });
            }
        }
    }
    stack.pop().unwrap_or(Family::Unknown)
}

fn least(a: Family, b: Family) -> Family {
    match (a, b) {
        (Family::Unknown, x) | (x, Family::Unknown) => x,
        (a, b) => a.min(b),
    }
}

fn most(a: Family, b: Family) -> Family {
    if a == Family::Unknown || b == Family::Unknown {
        Family::Unknown
    } else {
        a.max(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_of_expressions() {
        let fam = |s: &str| expression_family(&spdx::Expression::parse(s).unwrap());
        assert_eq!(fam("MIT"), Family::Permissive);
        assert_eq!(fam("AGPL-3.0-only"), Family::NetworkCopyleft);
        assert_eq!(fam("MIT OR GPL-3.0-or-later"), Family::Permissive);
        assert_eq!(fam("MPL-2.0 AND GPL-2.0-only"), Family::StrongCopyleft);
        assert_eq!(fam("EUPL-1.2"), Family::StrongCopyleft);
        assert_eq!(fam("LGPL-2.1-or-later"), Family::WeakCopyleft);
    }

    #[test]
    fn a_common_license_and_its_nearest_copy_are_further_apart_than_the_margin() {
        let apache = common().iter().find(|c| c.id == "Apache-2.0").unwrap();
        assert_eq!(apache.texts.len(), 2, "the full text and the terms only");
        let pixar = spdx::license_id("Pixar").unwrap().text();
        let pixar_data = TextData::new(pixar);
        // Pixar's own text: Pixar by more than the margin, though Apache-2.0's terms come close.
        let as_apache = apache.score(&pixar_data);
        assert!(as_apache > 0.97, "{as_apache}");
        let d = detect(pixar);
        assert_eq!(d.license.as_deref(), Some("Pixar"));
        assert!(
            d.score - as_apache > NEAR_COPY_MARGIN,
            "{} {as_apache}",
            d.score
        );
        // Apache-2.0's terms without the appendix: Apache-2.0 by more than the margin.
        let full = spdx::license_id("Apache-2.0").unwrap().text();
        let terms = &full[..full.find(END_OF_TERMS).unwrap() + END_OF_TERMS.len()];
        let d = detect(terms);
        assert_eq!(d.license.as_deref(), Some("Apache-2.0"));
        let (copy, copy_score) = d.near_copy.clone().unwrap();
        assert_eq!(copy, "Pixar");
        assert!(d.score - copy_score > NEAR_COPY_MARGIN, "{d:?}");
        // Without the terms-only text, Pixar would have won: the bug this fixes.
        let full_only = apache.texts[0].0.match_score(&TextData::new(terms));
        assert!(full_only < copy_score, "{full_only} {copy_score}");
    }

    #[test]
    fn a_near_copy_within_the_margin_goes_to_the_common_license() {
        // JSON's license is MIT plus "The Software shall be used for Good, not Evil.".
        let mit = spdx::license_id("MIT").unwrap().text();
        let json = spdx::license_id("JSON").unwrap().text();
        let mit_score = |t: &str| TextData::new(mit).match_score(&TextData::new(t));
        let json_score = |t: &str| TextData::new(json).match_score(&TextData::new(t));
        // A text between the two: MIT with part of JSON's sentence. JSON scores higher, but
        // within the margin: the common license is taken, and the near-copy named.
        let between = mit.replace(
            "The above copyright notice",
            "The Software shall be used for\n\nThe above copyright notice",
        );
        let (m, j) = (mit_score(&between), json_score(&between));
        assert!(j > m && j - m < NEAR_COPY_MARGIN, "MIT {m} JSON {j}");
        let d = detect(&between);
        assert_eq!(d.license.as_deref(), Some("MIT"), "{d:?}");
        assert_eq!(d.near_copy.map(|(name, _)| name).as_deref(), Some("JSON"));
        // JSON's own text is JSON, by more than the margin, and a variant of MIT.
        assert!(json_score(json) - mit_score(json) > NEAR_COPY_MARGIN);
        let d = detect(json);
        assert_eq!(d.license.as_deref(), Some("JSON"));
        assert_eq!(d.variant_of.as_deref(), Some("MIT"));
        assert_eq!(detect(mit).license.as_deref(), Some("MIT"));
    }

    #[test]
    fn recognises_a_license_text() {
        let mit = "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n";
        let (id, _, score) = detect_text(mit);
        assert_eq!(id.as_deref(), Some("MIT"));
        assert!(score > 0.9);
        let (id, _, _) = detect_text("just some words that are not a license at all");
        assert!(id.is_none());
    }
}
