//! The few values of a report that the search index filters and sorts on.

use serde::{Deserialize, Serialize};

/// The values the catalog indexes for search facets and sorting, kept beside the entry so the
/// index is rebuilt without reading whole reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    /// `permissive`, `weak-copyleft`, `strong-copyleft`, `network-copyleft` or `unknown`.
    pub license_family: String,
    /// Every license of the effective expression is OSI-approved.
    pub osi_approved: bool,
    /// Developers Italia's vitality index, 0–100.
    #[serde(default)]
    pub vitality: Option<u32>,
    /// Scorecard-like aggregate, 0–10.
    #[serde(default)]
    pub security_score: Option<f64>,
    /// Distinct known vulnerabilities (`None` without OSV data).
    #[serde(default)]
    pub vulnerabilities: Option<usize>,
    /// The newest commit's author date, Unix seconds (absent in facets stored before it was
    /// recorded, and when the history could not be read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_commit_at: Option<i64>,
}

impl Facets {
    /// True when known vulnerabilities were found (`None` without OSV data).
    pub fn vulnerabilities_present(&self) -> Option<bool> {
        self.vulnerabilities.map(|n| n > 0)
    }
}
