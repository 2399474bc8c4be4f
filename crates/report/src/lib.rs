//! The assessment report: what `commons-assess` writes, the catalog stores as JSON, and search,
//! the server and the CLI read back. One set of types on both sides, so a key cannot be spelt
//! one way by the writer and another by a reader.
//!
//! **Compatibility.** The JSON shape is public (README, "commons assess"; the API's
//! `Assessment` schema). Keys may be added, never renamed or removed, without a new method
//! version. Every struct reads with `#[serde(default)]`: a report written before a key existed
//! reads with that key's default, and keys a newer writer added are ignored. Every enum has a
//! variant that takes values a newer writer may add (`#[serde(other)]`), so an older server
//! reading a newer report shows what it knows instead of failing.
#![deny(missing_docs)]

mod evidence;
mod facets;
mod items;
mod message;
mod sections;

pub use commons_publiccode::{Message, MessageArg};
pub use evidence::{CheckError, Evidence};
pub use facets::Facets;
pub use items::{AiItem, AiReport, AiStatus, Declaration, Item, Status};
pub use message::Said;
pub use sections::{
    CostReport, DetectedFile, DevelopersItaliaIndex, Family, Finding, HeaderCount, LicenseReport,
    LockfileSummary, NotComputed, ProjectDeclaration, Risk, SecurityCheck, SecurityReport,
    VitalityReport, VulnerabilityReport,
};

use serde::{Deserialize, Serialize};

/// Where the publiccode.yml came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct PubliccodeStatus {
    /// `input` (given by the caller), a path in the tree, or `null` when there is none.
    pub source: Option<String>,
    /// True when it is valid (the model was used).
    pub valid: bool,
}

/// A full assessment of one repository at one commit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct Assessment {
    /// Method version (`commons-assess/3`): changes whenever a score could change for the
    /// same input.
    pub method_version: String,
    /// When (Unix seconds).
    pub assessed_at: i64,
    /// The commit assessed.
    pub commit: String,
    /// False when HEAD's tree had more entries than are listed.
    pub tree_complete: bool,
    /// The publiccode.yml used.
    pub publiccode: PubliccodeStatus,
    /// License.
    pub license: LicenseReport,
    /// Security posture.
    pub security: SecurityReport,
    /// Known vulnerabilities.
    pub vulnerabilities: VulnerabilityReport,
    /// Vitality (absent when the history could not be read).
    pub vitality: Option<VitalityReport>,
    /// UN Open Source Principles.
    pub un_principles: Vec<Item>,
    /// DPG Standard indicators.
    pub dpg_indicators: Vec<Item>,
    /// OSAID 1.0 (absent when the entry is not an AI system).
    pub ai: Option<AiReport>,
    /// Cost to rebuild and reuse.
    pub cost: CostReport,
    /// Checks that could not run or files they could not use.
    pub errors: Vec<CheckError>,
}

impl Assessment {
    /// The values the catalog indexes for search facets and sorting.
    pub fn facets(&self) -> Facets {
        Facets {
            license_family: self.license.family.as_str().to_string(),
            osi_approved: self.license.osi_approved,
            vitality: self
                .vitality
                .as_ref()
                .and_then(|v| v.developers_italia.index),
            security_score: self.security.score,
            vulnerabilities: self
                .vulnerabilities
                .database_available
                .then_some(self.vulnerabilities.distinct),
            last_commit_at: self.vitality.as_ref().and_then(|v| v.last_commit_at),
        }
    }

    /// Applies the publisher's current declarations (item id → declaration): every item of
    /// the UN principles and DPG indicators gets the declaration on its id, or none, and its
    /// status decided again by the assessment's own rule (evidence first, then declarations).
    /// An item is taken as met when its stored status is met (only evidence makes it so); any
    /// other stored status came from evidence that was not enough plus whatever was declared
    /// at the time, so it is decided again: declared or not applicable with a current
    /// declaration, and back to missing without one (a withdrawn declaration no longer
    /// counts). Items the report does not have are not added.
    pub fn apply_declarations<'a>(&mut self, declared: impl Fn(&str) -> Option<&'a Declaration>) {
        for item in self
            .un_principles
            .iter_mut()
            .chain(&mut self.dpg_indicators)
        {
            let declaration = declared(&item.id);
            let met = item.status == Status::Met;
            let decided_here = met
                || declaration.is_some()
                || matches!(item.status, Status::Declared | Status::NotApplicable);
            if decided_here {
                item.status = Status::decide(met, declaration);
            }
            item.declaration = declaration.cloned();
        }
    }
}
