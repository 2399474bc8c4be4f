//! Parse and validate `publiccode.yml` files, the metadata standard public bodies use to
//! describe the software they publish.
//!
//! This crate is pure: no file system, no network, no async. It turns bytes into a
//! [`Validation`]: every problem found (errors and warnings, each with key path, line and column),
//! and the typed [`PublicCode`] model when the file is valid. Checks that need the outside world
//! (files beside the publiccode.yml, URLs that must answer) live in `commons-checks`, which takes
//! the [`AssetRef`]s this crate extracts.
//!
//! Validation follows the standard (v0.7, the whole `0.x` line) and agrees with the reference
//! validator, Developers Italia's `publiccode-parser-go`, on verdicts, error keys and positions;
//! the few deliberate differences are listed in `docs/conformance.md`.
//!
//! ```
//! let text = std::fs::read("../../docs/examples/publiccode.yml").unwrap();
//! let result = commons_publiccode::validate(&text, &Default::default());
//! assert!(result.is_valid(), "{:?}", result.diagnostics);
//! assert_eq!(result.publiccode.unwrap().name, "Primero");
//! ```
//!
//! Hostile input is expected: the size is checked before anything else
//! ([`MAX_FILE_SIZE`]), nesting and alias expansion are bounded, and nothing recurses on the
//! input's structure.
#![deny(missing_docs)]

mod decode;
mod diagnostic;
mod emit;
mod formats;
mod message;
pub mod model;
mod position;
mod raw;
pub mod repository_url;
mod rules;
pub mod vocab;
pub mod yaml;

use diagnostic::Collector;
pub use diagnostic::{Diagnostic, MAX_LISTED, Omitted, Severity};
pub use emit::to_yaml;
pub use message::{Message, MessageArg, VALIDATOR_MESSAGES, validator_messages};
pub use model::PublicCode;
pub use repository_url::{PathCase, RepositoryUrl, UrlError};

/// Largest publiccode.yml accepted, in bytes. Six languages of 10,000-character descriptions
/// fit several times over; anything larger is refused before parsing.
pub const MAX_FILE_SIZE: usize = 1024 * 1024;

/// Settings of a validation.
#[derive(Clone, Copy, Default)]
pub struct Options<'a> {
    /// Looks up Italian iPA codes (lowercase). Without it, iPA codes are checked for their form
    /// only: the registry has ~24,000 entries and changes, so the operator supplies it.
    pub ipa_registry: Option<&'a (dyn Fn(&str) -> bool + Sync)>,
}

/// What kind of file an [`AssetRef`] points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AssetKind {
    /// `logo` or `monochromeLogo`: `.svg`, `.svgz` or `.png`.
    Logo,
    /// `description.*.screenshots[]`: `.jpg` or `.png`.
    Screenshot,
    /// `legal.authorsFile`: any file.
    AuthorsFile,
    /// `url`: the source code repository.
    Repository,
    /// `landingURL`, `roadmap`, documentation links: a web page that must answer.
    Page,
}

impl AssetKind {
    /// Whether the reference is a file that may sit beside the publiccode.yml.
    pub fn is_file(self) -> bool {
        matches!(self, Self::Logo | Self::Screenshot | Self::AuthorsFile)
    }
}

/// A file or link the document points at (relative path or URL), for the I/O layer to check.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AssetRef {
    /// Key path, e.g. `description.en.screenshots[0]`.
    pub key: String,
    /// The value as written.
    pub value: String,
    /// What it should be.
    pub kind: AssetKind,
    /// 1-based line of the key.
    #[serde(skip)]
    pub line: usize,
    /// 1-based column of the key.
    #[serde(skip)]
    pub column: usize,
}

/// A validation given up because its caller's hook asked it to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the validation was stopped before it finished")]
pub struct Stopped;

/// The outcome of validating one file.
#[derive(Debug, Clone, Default)]
pub struct Validation {
    /// The declared `publiccodeYmlVersion`, when one could be read.
    pub version: Option<String>,
    /// Errors and warnings, in document order of the checks: at most [`MAX_LISTED`], then,
    /// when more were found, one last diagnostic (key `""`, no position) that counts the rest,
    /// an error if any of them is one.
    pub diagnostics: Vec<Diagnostic>,
    /// The problems found but not listed in `diagnostics`.
    pub omitted: Omitted,
    /// The typed model, present when there is no error.
    pub publiccode: Option<PublicCode>,
    /// Files the document points at, for the I/O layer.
    pub assets: Vec<AssetRef>,
}

impl Validation {
    /// True when there is no error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }

    /// The listed problems, without the last one that counts the others.
    pub fn listed(&self) -> &[Diagnostic] {
        let summary = usize::from(self.omitted.any());
        &self.diagnostics[..self.diagnostics.len().saturating_sub(summary)]
    }

    /// Every error found, listed or not.
    pub fn error_count(&self) -> usize {
        self.listed().iter().filter(|d| d.is_error()).count() + self.omitted.errors
    }

    /// Every warning found, listed or not.
    pub fn warning_count(&self) -> usize {
        self.listed().iter().filter(|d| !d.is_error()).count() + self.omitted.warnings
    }

    fn fail(diagnostic: Diagnostic) -> Self {
        Validation {
            diagnostics: vec![diagnostic],
            ..Validation::default()
        }
    }

    /// Adds problems found by an outer layer, within the same cap; the model is dropped if one
    /// is an error.
    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        let mut found = Collector::resume(std::mem::take(&mut self.diagnostics), self.omitted);
        for diagnostic in more {
            found.push(diagnostic);
        }
        (self.diagnostics, self.omitted) = found.finish();
        if !self.is_valid() {
            self.publiccode = None;
        }
    }
}

/// Validates a publiccode.yml given as bytes.
pub fn validate(bytes: &[u8], options: &Options<'_>) -> Validation {
    validate_until(bytes, options, &|| false).unwrap_or_else(|Stopped| {
        // The hook above never asks to stop; this only keeps the function total.
        Validation::fail(Diagnostic::error("", Stopped.to_string()).said("validator-stopped", &[]))
    })
}

/// Validates like [`validate`], calling `should_stop` now and then and giving up with
/// [`Stopped`] as soon as it answers `true`: a server stops the work of a request that has
/// gone away. The hook is called from the validating thread; it must be cheap.
pub fn validate_until(
    bytes: &[u8],
    options: &Options<'_>,
    should_stop: &dyn Fn() -> bool,
) -> Result<Validation, Stopped> {
    if bytes.len() > MAX_FILE_SIZE {
        return Ok(Validation::fail(
            Diagnostic::error(
                "",
                format!(
                    "the file is {} bytes, more than the {} bytes allowed for a publiccode.yml",
                    bytes.len(),
                    MAX_FILE_SIZE
                ),
            )
            .said(
                "validator-file-too-large",
                &[("size", bytes.len().into()), ("max", MAX_FILE_SIZE.into())],
            ),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_col_of_byte(bytes, e.valid_up_to());
            return Ok(Validation::fail(
                Diagnostic::error(
                    "",
                    format!("Invalid UTF-8: the byte at offset {} is not valid UTF-8 (save the file as UTF-8)", e.valid_up_to()),
                )
                .said("validator-invalid-utf8", &[("offset", e.valid_up_to().into())])
                .at(line, column),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        let (line, column) = line_col_of_byte(bytes, offset);
        return Ok(Validation::fail(
            Diagnostic::error("", "the file contains NUL bytes: it looks binary, not YAML")
                .said("validator-nul-bytes", &[])
                .at(line, column),
        ));
    }
    validate_str(text, options, should_stop)
}

fn line_col_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

fn stop_if_asked(should_stop: &dyn Fn() -> bool) -> Result<(), Stopped> {
    if should_stop() { Err(Stopped) } else { Ok(()) }
}

fn validate_str(
    text: &str,
    options: &Options<'_>,
    should_stop: &dyn Fn() -> bool,
) -> Result<Validation, Stopped> {
    let root = match yaml::load_until(text, should_stop)? {
        Ok(Some(root)) => root,
        Ok(None) => {
            return Ok(Validation::fail(
                Diagnostic::error(
                    "publiccodeYmlVersion",
                    "publiccodeYmlVersion is a required field (the file is empty)",
                )
                .said("validator-empty-file", &[])
                .at(1, 1),
            ));
        }
        Err(e) => {
            let (line, column) = e.pos.map_or((0, 0), |p| (p.line, p.column));
            let diagnostic = Diagnostic::error("", format!("YAML syntax error: {}", e.message));
            let diagnostic = match e.l10n {
                // The loader's own problems have their message ids; the YAML parser describes
                // its errors in English only, and that description goes in as an argument.
                Some(said) => Diagnostic {
                    l10n: Some(said),
                    ..diagnostic
                },
                None => diagnostic.said("validator-yaml-syntax", &[("detail", e.message.into())]),
            };
            return Ok(Validation::fail(diagnostic.at(line, column)));
        }
    };
    if !matches!(root.value, yaml::Value::Map(_)) {
        return Ok(Validation::fail(
            Diagnostic::error(
                "",
                "the document must be a mapping of keys (publiccodeYmlVersion: ..., name: ...)",
            )
            .said("validator-not-a-mapping", &[])
            .at(root.pos.line, root.pos.column),
        ));
    }
    stop_if_asked(should_stop)?;
    let positions = position::Positions::new(&root);
    let version = match check_version(&root, &positions) {
        Ok(v) => v,
        Err(d) => return Ok(Validation::fail(d)),
    };
    let mut found = Collector::default();
    if version != "0" && !version.starts_with("0.7") {
        let (line, column) = positions.position_of("publiccodeYmlVersion");
        found.push(
            Diagnostic::warning(
                "publiccodeYmlVersion",
                format!(
                    "v{version} is not the latest version, use '0'. Parsing this file as v{}.",
                    vocab::LATEST_VERSION
                ),
            )
            .said(
                "validator-version-not-latest",
                &[
                    ("version", version.as_str().into()),
                    ("latest", vocab::LATEST_VERSION.into()),
                ],
            )
            .at(line, column),
        );
    }

    stop_if_asked(should_stop)?;
    let mut decoder = decode::Decoder::new(&positions);
    let raw = raw::decode_doc(&mut decoder, &root);
    found.append(decoder.found);

    stop_if_asked(should_stop)?;
    let mut rules = rules::Rules::new(options);
    rules.check(&raw);
    found.append(rules.found.map_listed(|d| {
        let (line, column) = positions.position_of(&d.key);
        d.at(line, column)
    }));
    let assets = rules
        .assets
        .into_iter()
        .map(|mut a| {
            (a.line, a.column) = positions.position_of(&a.key);
            a
        })
        .collect();
    let (diagnostics, omitted) = found.finish();
    let mut result = Validation {
        version: Some(version),
        diagnostics,
        omitted,
        publiccode: None,
        assets,
    };
    if result.is_valid() {
        result.publiccode = rules::to_model(raw);
    }
    Ok(result)
}

fn check_version(
    root: &yaml::Node,
    positions: &position::Positions<'_>,
) -> Result<String, Diagnostic> {
    let Some(node) = root.get("publiccodeYmlVersion").filter(|n| !n.is_null()) else {
        return Err(Diagnostic::error(
            "publiccodeYmlVersion",
            "publiccodeYmlVersion is a required field (write publiccodeYmlVersion: \"0\")",
        )
        .said("validator-version-missing", &[])
        // Missing at the top: the document's start is the nearest place to point at.
        .at(1, 1));
    };
    let (line, column) = positions.position_of("publiccodeYmlVersion");
    let version = match node.as_scalar() {
        Some((s, yaml::ScalarKind::Str)) => s.to_string(),
        _ => {
            return Err(Diagnostic::error(
                "publiccodeYmlVersion",
                "wrong type for this field: publiccodeYmlVersion must be text; quote it (publiccodeYmlVersion: \"0\")",
            )
            .said("validator-version-not-text", &[])
            .at(line, column));
        }
    };
    if !vocab::SUPPORTED_VERSIONS.contains(&version.as_str()) {
        let supported = vocab::SUPPORTED_VERSIONS.join(", ");
        return Err(Diagnostic::error(
            "publiccodeYmlVersion",
            format!("unsupported version: '{version}'. Supported versions: {supported}"),
        )
        .said(
            "validator-version-unsupported",
            &[
                ("version", version.as_str().into()),
                ("supported", supported.into()),
            ],
        )
        .at(line, column));
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn example() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/examples/publiccode.yml"
        ))
        .unwrap()
    }

    /// The file of the issue: 1 MiB of top-level keys, each unknown. Validation used to look
    /// every key's path up by walking the document, and every duplicate by scanning its map.
    fn many_unknown_keys() -> String {
        let mut text = String::from("publiccodeYmlVersion: \"0\"\n");
        let mut i = 0;
        // Inside the node budget: a key and its value are two nodes, the root one more.
        while text.len() < MAX_FILE_SIZE - 16 && i < yaml::MAX_NODES / 2 - 2 {
            text.push_str(&format!("k{i}: 1\n"));
            i += 1;
        }
        text
    }

    #[test]
    fn a_file_of_many_problems_is_validated_in_linear_time_and_listed_up_to_the_cap() {
        let text = many_unknown_keys();
        let keys = text.lines().count() - 1;
        let started = Instant::now();
        let validation = validate(text.as_bytes(), &Options::default());
        assert!(started.elapsed() < Duration::from_secs(10));
        assert!(!validation.is_valid());
        assert_eq!(validation.diagnostics.len(), MAX_LISTED + 1);
        assert_eq!(validation.listed().len(), MAX_LISTED);
        let summary = validation.diagnostics.last().unwrap();
        assert!(summary.is_error() && summary.key.is_empty() && summary.line == 0);
        assert!(summary.message.starts_with("and "), "{}", summary.message);
        assert!(
            validation.error_count() > keys,
            "every unknown key is counted"
        );
        assert_eq!(
            validation.error_count(),
            validation.listed().iter().filter(|d| d.is_error()).count() + validation.omitted.errors
        );
        assert_eq!(validation.listed()[0].key, "k0");
        assert_eq!(validation.listed()[0].line, 2);
    }

    #[test]
    fn problems_added_later_stay_within_the_cap_and_are_counted() {
        let mut validation = validate(many_unknown_keys().as_bytes(), &Options::default());
        let before = validation.error_count();
        validation.extend((0..5).map(|_| Diagnostic::warning("logo", "a later check")));
        assert_eq!(validation.diagnostics.len(), MAX_LISTED + 1);
        assert_eq!(validation.error_count(), before);
        assert_eq!(validation.warning_count(), 5);

        let mut valid = validate(example().as_bytes(), &Options::default());
        valid.extend([Diagnostic::warning("logo", "a later check")]);
        assert!(valid.is_valid() && valid.publiccode.is_some());
        assert_eq!(valid.listed().len(), valid.diagnostics.len());
    }

    #[test]
    fn validation_stops_when_the_hook_asks() {
        let text = many_unknown_keys();
        assert_eq!(
            validate_until(text.as_bytes(), &Options::default(), &|| true).err(),
            Some(Stopped)
        );
        let calls = std::cell::Cell::new(0usize);
        let count = || {
            calls.set(calls.get() + 1);
            false
        };
        assert!(validate_until(text.as_bytes(), &Options::default(), &count).is_ok());
        assert!(
            calls.get() > 100,
            "the hook is asked while loading, not only once"
        );
    }

    #[test]
    fn a_missing_version_points_at_the_start_of_the_file() {
        for text in ["name: x\nurl: y\n", "", "# only a comment\n"] {
            let validation = validate(text.as_bytes(), &Options::default());
            let missing = validation
                .errors()
                .find(|d| d.key == "publiccodeYmlVersion")
                .unwrap_or_else(|| panic!("{text:?}: the version is reported"));
            assert_eq!((missing.line, missing.column), (1, 1), "{text:?}");
        }
    }

    #[test]
    fn a_key_missing_with_its_parent_points_at_the_document() {
        let text = example();
        let without: String = text
            .lines()
            .scan(false, |inside, line| {
                if line.starts_with("maintenance:") {
                    *inside = true;
                } else if !line.starts_with(' ') && !line.is_empty() {
                    *inside = false;
                }
                Some((!*inside).then(|| format!("{line}\n")))
            })
            .flatten()
            .collect();
        assert!(!without.contains("maintenance:"));
        let validation = validate(without.as_bytes(), &Options::default());
        let missing = validation
            .errors()
            .find(|d| d.key == "maintenance.type")
            .expect("maintenance.type is reported");
        let first_key_line = 1 + without
            .lines()
            .position(|l| !l.starts_with('#') && !l.trim().is_empty())
            .unwrap();
        assert_eq!((missing.line, missing.column), (first_key_line, 1));
    }

    #[test]
    fn the_alias_bomb_of_the_issue_is_a_diagnostic_with_its_position() {
        let mut text = format!("a: &a \"{}\"\nb: [", "x".repeat(200 * 1024));
        text.push_str(&"*a, ".repeat(100_000));
        text.push_str("*a]\n");
        let validation = validate(text.as_bytes(), &Options::default());
        let [error] = validation.diagnostics.as_slice() else {
            panic!("{:?}", validation.diagnostics)
        };
        assert!(
            error
                .message
                .starts_with("YAML syntax error: aliases expand to more than")
        );
        assert_eq!((error.line, error.column), (2, 5 + 4 * 19));
    }
}
