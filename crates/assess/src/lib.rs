//! Offline, explainable assessments of one software repository, for the Commons catalog.
//!
//! [`assess`] reads a local git clone (bare or not) through the `git` command line, plus the
//! entry's typed `publiccode.yml` when there is one, and returns an [`Assessment`]: license,
//! security posture (modelled on OpenSSF Scorecard), known vulnerabilities (lockfiles matched
//! against an operator-imported OSV export), vitality (Developers Italia's index and clearer
//! signals), the UN Open Source Principles and the DPG Standard, the Open Source AI Definition
//! for AI systems, and a COCOMO cost to rebuild. Every result carries its evidence (file, commit,
//! rule) and the method version; a check that cannot run reports a [`CheckError`] and the others
//! go on. Nothing here uses the network.
//!
//! The JSON shape of [`Assessment`] (serde) is the interface with the catalog; it is documented
//! in the README ("commons assess"). Keys may be added, never renamed or removed, without
//! changing [`METHOD_VERSION`].
#![deny(missing_docs)]

pub mod ai;
pub mod bounds;
pub mod cost;
pub mod license;
pub mod lockfile;
pub mod osv;
pub mod pom;
pub mod principles;
pub mod repo;
pub mod security;
pub mod version;
pub mod vitality;
pub mod workflow;

mod assess;
pub use assess::{Assessment, Facets, Input, PubliccodeStatus, assess};
pub use repo::Limits;

use serde::Serialize;

/// Version of the assessment method; changes whenever a score could change for the same input.
/// 2: a license file matching `X-only` agrees with a declared `X-or-later` (one shared text).
/// 3: license texts: a common license within a small margin of a near-copy wins (an Apache-2.0
/// text without its appendix was Pixar's license), a near-copy taken names what it copies; the
/// project's own declaration (manifest, README or COPYING sentence, source notices) says how
/// several licenses combine, and without one the combination is unknown, no longer an AND;
/// `LICENSE-AGPL-3.0`-style names are license files; pom.xml is read as XML (commented-out and
/// `dependencyManagement` entries are not dependencies).
pub const METHOD_VERSION: &str = "commons-assess/3";

/// Why a result is what it is: a file, a commit, a rule.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// Stable id of the rule applied.
    pub rule: String,
    /// File in the repository, when one is the evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Commit the file was read at, or the commit that is the evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// What was found, in plain words.
    pub detail: String,
    /// The key of a YAML file the evidence is, as a dotted path (`legal.license`), when it
    /// is one key of the file: readers link to its line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Evidence {
    /// Evidence from a file at a commit.
    pub fn file(file: &str, commit: &str, rule: &str, detail: impl Into<String>) -> Self {
        Evidence {
            rule: rule.to_string(),
            file: Some(file.to_string()),
            commit: Some(commit.to_string()),
            detail: detail.into(),
            key: None,
        }
    }

    /// The same evidence, as the key `key` (a dotted path) of its file.
    pub fn at_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Evidence that is not one file (history, input, absence).
    pub fn rule(rule: &str, detail: impl Into<String>) -> Self {
        Evidence {
            rule: rule.to_string(),
            file: None,
            commit: None,
            detail: detail.into(),
            key: None,
        }
    }
}

/// A check that could not run, or a file it could not use.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CheckError {
    /// The check (section or check id).
    pub check: String,
    /// What went wrong, in plain words.
    pub message: String,
}

impl CheckError {
    /// A new error for `check`.
    pub fn new(check: &str, message: impl Into<String>) -> Self {
        CheckError {
            check: check.to_string(),
            message: message.into(),
        }
    }
}
