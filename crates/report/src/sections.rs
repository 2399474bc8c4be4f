//! The report's sections: license, security, vulnerabilities, vitality, cost.

use crate::{Evidence, Message};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much a license asks of those who reuse the software, least demanding first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// Public domain and permissive licenses (MIT, BSD, Apache-2.0...): keep the notices.
    Permissive,
    /// File- or library-level copyleft (LGPL, MPL, EPL...): share changes to those files.
    WeakCopyleft,
    /// Whole-work copyleft on distribution (GPL, EUPL...).
    StrongCopyleft,
    /// Copyleft that also applies to use over a network (AGPL, OSL...).
    NetworkCopyleft,
    /// Not known to Commons (a LicenseRef, or a license outside the table and not
    /// copyleft-flagged); also a family this version does not know.
    #[default]
    #[serde(other)]
    Unknown,
}

impl Family {
    /// The family as the report writes it (`weak-copyleft`).
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Permissive => "permissive",
            Family::WeakCopyleft => "weak-copyleft",
            Family::StrongCopyleft => "strong-copyleft",
            Family::NetworkCopyleft => "network-copyleft",
            Family::Unknown => "unknown",
        }
    }
}

/// One license file recognised (or not) by its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct DetectedFile {
    /// Path in the repository.
    pub file: String,
    /// SPDX id of the best match, when its score reaches the detector's threshold.
    pub license: Option<String>,
    /// Best candidate even when below the threshold.
    pub best_candidate: Option<String>,
    /// Sørensen–Dice score of the best candidate, 0.0–1.0.
    pub confidence: f32,
    /// Why the file could not be read or recognised, in plain words.
    pub problem: Option<String>,
    /// `problem` as a message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem_l10n: Option<Message>,
    /// The common license the recognised one is a near-copy of (Pixar's license: Apache-2.0).
    pub variant_of: Option<String>,
    /// What else a reader should know about this file: a near-copy that scored almost as well,
    /// or the license statement the file makes in prose.
    pub note: Option<String>,
    /// `note` as a message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_l10n: Option<Message>,
}

/// An `SPDX-License-Identifier` header (or a license notice) found in source files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct HeaderCount {
    /// The expression as written.
    pub expression: String,
    /// How many files carry it.
    pub files: usize,
    /// One of them.
    pub example: String,
}

/// One statement of the project's license, in a manifest or in prose.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct ProjectDeclaration {
    /// File that states it.
    pub file: String,
    /// Where in the file: a key path (`package.license`, `project.license`,
    /// `licenses/license/name`), or `sentence` for prose.
    pub field: String,
    /// The words as written (at most 200 characters).
    pub as_written: String,
    /// The SPDX expression it states, when it states one.
    pub expression: Option<String>,
    /// A file the declaration names as holding the license text (Cargo's `license-file`,
    /// npm's `SEE LICENSE IN`, pyproject's `license.file`).
    pub license_file: Option<String>,
    /// Why no expression could be read from it.
    pub problem: Option<String>,
}

/// The license section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct LicenseReport {
    /// `legal.license` from publiccode.yml, when given.
    pub declared: Option<String>,
    /// License files found, in the order of licensee's filename preference.
    pub files: Vec<DetectedFile>,
    /// REUSE-style headers (from at most 2,000 source files, first 4 KiB of each).
    pub spdx_headers: Vec<HeaderCount>,
    /// GNU license notices in prose ("either version 3 of the License, or (at your option) any
    /// later version") in the same source files' headers, as the SPDX ids they stand for.
    pub notice_headers: Vec<HeaderCount>,
    /// The project's own statements of its license (top-level package manifests, then a README
    /// or COPYING sentence), in the order they are believed.
    pub project_declarations: Vec<ProjectDeclaration>,
    /// The expression the assessment uses: `legal.license` if valid; else the project's own
    /// declaration; else the source headers' one expression when it names the license files'
    /// texts; else the one license the files contain. `null` when the files contain several
    /// licenses and nothing says how they combine (two files do not mean AND).
    pub effective: Option<String>,
    /// Where `effective` comes from (`publiccode.yml legal.license`, `Cargo.toml
    /// package.license`, `README.md sentence`, `source headers`, `license files`).
    pub effective_source: Option<String>,
    /// True when the files contain several licenses and nothing says how they combine.
    pub combination_unknown: bool,
    /// Every SPDX id in the effective expression (or, when the combination is unknown, of every
    /// license file) is OSI-approved.
    pub osi_approved: bool,
    /// Every SPDX id in the effective expression (or of every license file) is FSF free/libre.
    pub fsf_libre: bool,
    /// Family of the effective expression (OR takes the least demanding choice, AND the most);
    /// when the combination is unknown, the most demanding of the files' licenses, which is
    /// what a reuser must be ready for.
    pub family: Family,
    /// True when the declared license (`legal.license`, or without it the project's own
    /// declaration that `effective` comes from) and the detected files disagree.
    pub mismatch: bool,
    /// Plain explanation of the mismatch, when there is one (English; several sentences are
    /// joined by "; ").
    pub mismatch_detail: Option<String>,
    /// The sentences of `mismatch_detail` as messages, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mismatch_l10n: Vec<Message>,
    /// How the result was reached.
    pub evidence: Vec<Evidence>,
    /// SPDX License List version of the detector and the identifiers.
    pub spdx_list_version: String,
}

/// OpenSSF Scorecard's risk levels: a check's weight in the aggregate, not a finding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    /// Weight 10.
    Critical,
    /// Weight 7.5.
    High,
    /// Weight 5.
    Medium,
    /// Weight 2.5.
    Low,
    /// A level this version does not know (never written by it).
    #[default]
    #[serde(other)]
    Unknown,
}

impl Risk {
    /// Scorecard's weight (`GetAggregateScore`); `None` for a level this version does not
    /// know.
    pub fn weight(self) -> Option<f64> {
        match self {
            Risk::Critical => Some(10.0),
            Risk::High => Some(7.5),
            Risk::Medium => Some(5.0),
            Risk::Low => Some(2.5),
            Risk::Unknown => None,
        }
    }

    /// The level as the report writes it (`high`).
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Critical => "critical",
            Risk::High => "high",
            Risk::Medium => "medium",
            Risk::Low => "low",
            Risk::Unknown => "unknown",
        }
    }
}

/// One security check's result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct SecurityCheck {
    /// Scorecard's check name (stable id), e.g. `Security-Policy`.
    pub id: String,
    /// Risk level: the check's weight in the aggregate.
    pub risk: Risk,
    /// 0–10, or `None` when inconclusive (left out of the aggregate).
    pub score: Option<u8>,
    /// Why, in one sentence (English).
    pub reason: String,
    /// `reason` as a message (absent in reports made before messages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub l10n: Option<Message>,
    /// True when Commons measures something narrower than or different from Scorecard.
    pub differs_from_scorecard: bool,
    /// What was found.
    pub evidence: Vec<Evidence>,
}

/// A Scorecard check that is not computed, and why.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct NotComputed {
    /// Scorecard's check name.
    pub id: String,
    /// Why it cannot be computed from a clone.
    pub reason: String,
}

/// The security section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct SecurityReport {
    /// Risk-weighted mean of the conclusive checks, 0–10, one decimal.
    pub score: Option<f64>,
    /// The checks.
    pub checks: Vec<SecurityCheck>,
    /// Scorecard's checks not computed here.
    pub not_computed: Vec<NotComputed>,
    /// Method reference.
    pub method: String,
}

/// One vulnerable package found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct Finding {
    /// OSV id.
    pub id: String,
    /// Aliases.
    pub aliases: Vec<String>,
    /// Summary.
    pub summary: Option<String>,
    /// Severity vectors.
    pub severity: Vec<String>,
    /// Ecosystem.
    pub ecosystem: String,
    /// Package.
    pub package: String,
    /// Locked version.
    pub version: String,
    /// Lockfile.
    pub file: String,
    /// Fixed versions named by the record (any range).
    pub fixed_in: Vec<String>,
}

/// A lockfile read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct LockfileSummary {
    /// Path.
    pub file: String,
    /// Ecosystem (OSV's name: `crates.io`, `npm`, `PyPI`...).
    pub ecosystem: String,
    /// Packages found.
    pub packages: usize,
}

/// The vulnerabilities section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct VulnerabilityReport {
    /// True when an OSV export was available.
    pub database_available: bool,
    /// "As of" date of the OSV data.
    pub database_as_of: Option<String>,
    /// Lockfiles read, with the number of packages of each.
    pub lockfiles: Vec<LockfileSummary>,
    /// Packages checked.
    pub packages: usize,
    /// Findings.
    pub findings: Vec<Finding>,
    /// Distinct vulnerabilities, records grouped by their aliases (Scorecard's count).
    pub distinct: usize,
    /// Packages for which some range could not be evaluated (GIT ranges, odd versions).
    pub not_evaluated: usize,
}

/// Developers Italia's index with its inputs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct DevelopersItaliaIndex {
    /// The index, 0–100 (`None` when their crawler would refuse the repository).
    pub index: Option<u32>,
    /// Window in days.
    pub window_days: i64,
    /// Age in days of the oldest commit.
    pub longevity_days: f64,
    /// Distinct author e-mails before the end of the window (cumulative, raw e-mails).
    pub authors_total: usize,
    /// Why there is no index, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
    /// Method reference.
    pub method: String,
}

/// The vitality section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct VitalityReport {
    /// Developers Italia's index.
    pub developers_italia: DevelopersItaliaIndex,
    /// Commits reachable from HEAD.
    pub commits_total: usize,
    /// Commits authored in the last 90 days.
    pub commits_90_days: usize,
    /// Commits authored in the last 365 days.
    pub commits_365_days: usize,
    /// Distinct authors (after `.mailmap`) in the last 90 days.
    pub authors_90_days: usize,
    /// Distinct authors (after `.mailmap`) in the last 365 days.
    pub authors_365_days: usize,
    /// Distinct authors (after `.mailmap`) over the whole history.
    pub authors_total: usize,
    /// Tags (releases).
    pub releases: usize,
    /// Tags whose commit is dated in the last 365 days.
    pub releases_365_days: usize,
    /// Newest tag by commit date.
    pub latest_release: Option<String>,
    /// Fewest authors who made half of the commits of the last 365 days (of all commits when
    /// there were none in that year).
    pub bus_factor: usize,
    /// Days since the newest commit (author date), when the report was made.
    pub days_since_last_commit: Option<i64>,
    /// The newest commit.
    pub last_commit: Option<String>,
    /// The newest commit's author date, Unix seconds (what a result card shows as "last
    /// commit"; a day count alone goes stale as soon as it is stored).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_commit_at: Option<i64>,
    /// False when the history was cut short by the commit limit or the deadline.
    pub history_complete: bool,
    /// How the figures were reached.
    pub evidence: Vec<Evidence>,
}

/// The cost section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct CostReport {
    /// Code lines (no blanks, no comments).
    pub code_lines: usize,
    /// Code lines per language (tokei's names).
    pub by_language: BTreeMap<String, usize>,
    /// Files counted.
    pub files: usize,
    /// Effort, person-months.
    pub effort_person_months: f64,
    /// Schedule, months.
    pub schedule_months: f64,
    /// Average people.
    pub people: f64,
    /// Estimated cost to rebuild, in `currency`.
    pub estimated_cost: f64,
    /// Currency of the wage.
    pub currency: String,
    /// Yearly wage assumed.
    pub yearly_wage: f64,
    /// Overhead factor assumed.
    pub overhead: f64,
    /// Organisations that declare they use it (`usedBy`).
    pub used_by: usize,
    /// Catalog entries that declare `isBasedOn`/`dependsOn` it (given by the caller).
    pub dependents_in_catalog: Option<usize>,
    /// Formula and counting method.
    pub method: String,
    /// What was excluded and why.
    pub evidence: Vec<Evidence>,
}
