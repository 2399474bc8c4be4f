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
pub mod model;
mod position;
mod raw;
pub mod repository_url;
mod rules;
pub mod vocab;
pub mod yaml;

pub use diagnostic::{Diagnostic, Severity};
pub use emit::to_yaml;
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

/// The outcome of validating one file.
#[derive(Debug, Clone, Default)]
pub struct Validation {
    /// The declared `publiccodeYmlVersion`, when one could be read.
    pub version: Option<String>,
    /// Errors and warnings, in document order of the checks.
    pub diagnostics: Vec<Diagnostic>,
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

    fn fail(diagnostic: Diagnostic) -> Self {
        Validation {
            diagnostics: vec![diagnostic],
            ..Validation::default()
        }
    }

    /// Adds problems found by an outer layer; the model is dropped if one is an error.
    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(more);
        if !self.is_valid() {
            self.publiccode = None;
        }
    }
}

/// Validates a publiccode.yml given as bytes.
pub fn validate(bytes: &[u8], options: &Options<'_>) -> Validation {
    if bytes.len() > MAX_FILE_SIZE {
        return Validation::fail(Diagnostic::error(
            "",
            format!(
                "the file is {} bytes, more than the {} bytes allowed for a publiccode.yml",
                bytes.len(),
                MAX_FILE_SIZE
            ),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_col_of_byte(bytes, e.valid_up_to());
            return Validation::fail(
                Diagnostic::error(
                    "",
                    format!("Invalid UTF-8: the byte at offset {} is not valid UTF-8 (save the file as UTF-8)", e.valid_up_to()),
                )
                .at(line, column),
            );
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        let (line, column) = line_col_of_byte(bytes, offset);
        return Validation::fail(
            Diagnostic::error("", "the file contains NUL bytes: it looks binary, not YAML")
                .at(line, column),
        );
    }
    validate_str(text, options)
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

fn validate_str(text: &str, options: &Options<'_>) -> Validation {
    let root = match yaml::load(text) {
        Ok(Some(root)) => root,
        Ok(None) => {
            return Validation::fail(Diagnostic::error(
                "publiccodeYmlVersion",
                "publiccodeYmlVersion is a required field (the file is empty)",
            ));
        }
        Err(e) => {
            let (line, column) = e.pos.map_or((0, 0), |p| (p.line, p.column));
            return Validation::fail(
                Diagnostic::error("", format!("YAML syntax error: {}", e.message)).at(line, column),
            );
        }
    };
    if !matches!(root.value, yaml::Value::Map(_)) {
        return Validation::fail(
            Diagnostic::error(
                "",
                "the document must be a mapping of keys (publiccodeYmlVersion: ..., name: ...)",
            )
            .at(root.pos.line, root.pos.column),
        );
    }
    let version = match check_version(&root) {
        Ok(v) => v,
        Err(d) => return Validation::fail(d),
    };
    let mut result = Validation {
        version: Some(version.clone()),
        ..Validation::default()
    };
    if version != "0" && !version.starts_with("0.7") {
        let (line, column) = position::position_of(&root, "publiccodeYmlVersion");
        result.diagnostics.push(
            Diagnostic::warning(
                "publiccodeYmlVersion",
                format!(
                    "v{version} is not the latest version, use '0'. Parsing this file as v{}.",
                    vocab::LATEST_VERSION
                ),
            )
            .at(line, column),
        );
    }

    let mut decoder = decode::Decoder::new(&root);
    let raw = raw::decode_doc(&mut decoder, &root);
    result.diagnostics.append(&mut decoder.diagnostics);

    let mut rules = rules::Rules::new(options);
    rules.check(&raw);
    for mut d in rules.diagnostics {
        (d.line, d.column) = position::position_of(&root, &d.key);
        result.diagnostics.push(d);
    }
    result.assets = rules
        .assets
        .into_iter()
        .map(|mut a| {
            (a.line, a.column) = position::position_of(&root, &a.key);
            a
        })
        .collect();
    if result.is_valid() {
        result.publiccode = rules::to_model(raw);
    }
    result
}

fn check_version(root: &yaml::Node) -> Result<String, Diagnostic> {
    let Some(node) = root.get("publiccodeYmlVersion").filter(|n| !n.is_null()) else {
        return Err(Diagnostic::error(
            "publiccodeYmlVersion",
            "publiccodeYmlVersion is a required field (write publiccodeYmlVersion: \"0\")",
        ));
    };
    let (line, column) = position::position_of(root, "publiccodeYmlVersion");
    let version = match node.as_scalar() {
        Some((s, yaml::ScalarKind::Str)) => s.to_string(),
        _ => {
            return Err(Diagnostic::error(
                "publiccodeYmlVersion",
                "wrong type for this field: publiccodeYmlVersion must be text; quote it (publiccodeYmlVersion: \"0\")",
            )
            .at(line, column));
        }
    };
    if !vocab::SUPPORTED_VERSIONS.contains(&version.as_str()) {
        return Err(Diagnostic::error(
            "publiccodeYmlVersion",
            format!(
                "unsupported version: '{version}'. Supported versions: {}",
                vocab::SUPPORTED_VERSIONS.join(", ")
            ),
        )
        .at(line, column));
    }
    Ok(version)
}
