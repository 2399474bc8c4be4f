//! Items with a status: the UN Open Source Principles, the DPG Standard's indicators and the
//! Open Source AI Definition's components.

use crate::Evidence;
use serde::{Deserialize, Serialize};

/// An item's status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ItemStatus))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Shown by evidence found automatically.
    Met,
    /// Stated by the publisher (see `declaration`).
    Declared,
    /// The publisher declared that the item does not apply.
    NotApplicable,
    /// Neither found nor declared. A status this version does not know reads as missing:
    /// nothing is claimed that the reader cannot explain.
    #[default]
    #[serde(other)]
    Missing,
}

impl Status {
    /// The status as it is written in the report (`met`, `declared`, `missing`,
    /// `not-applicable`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Declared => "declared",
            Status::Missing => "missing",
            Status::NotApplicable => "not-applicable",
        }
    }

    /// The status rule: evidence makes an item met whatever is declared; otherwise a
    /// declaration makes it declared (or not applicable, when that is what it says);
    /// otherwise it is missing.
    pub fn decide(met: bool, declaration: Option<&Declaration>) -> Status {
        match (declaration, met) {
            (_, true) => Status::Met,
            (Some(d), false) if d.not_applicable => Status::NotApplicable,
            (Some(_), false) => Status::Declared,
            (None, false) => Status::Missing,
        }
    }
}

/// A publisher's statement about one item, filled by the server from its API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PublisherDeclaration))]
#[serde(rename_all = "camelCase")]
pub struct Declaration {
    /// Who declared (name).
    pub by: String,
    /// Their role or title (DPG indicators 7–9 need someone authorised to speak for the project).
    #[serde(default)]
    pub role: Option<String>,
    /// When (RFC 3339 or a date).
    pub at: String,
    /// What they state.
    #[serde(default)]
    pub statement: Option<String>,
    /// A link to the supporting document.
    #[serde(default)]
    pub url: Option<String>,
    /// True when they declare the item not applicable.
    #[serde(default)]
    pub not_applicable: bool,
}

/// One principle or indicator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = AssessmentItem))]
#[serde(rename_all = "camelCase", default)]
pub struct Item {
    /// Stable id (`un-open-by-default`, `dpg-sdg-relevance`, ...).
    pub id: String,
    /// Official name, in English.
    pub name: String,
    /// Status.
    pub status: Status,
    /// What Commons looks for automatically.
    pub rule: String,
    /// What was found.
    pub evidence: Vec<Evidence>,
    /// The publisher's declaration, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration: Option<Declaration>,
}

/// Status of one OSAID component.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum AiStatus {
    /// Available under open terms, with evidence.
    Met,
    /// Not found.
    Missing,
    /// Found, but the terms restrict use or could not be told open: a curator must look. A
    /// status this version does not know reads as this one.
    #[default]
    #[serde(other)]
    NeedsReview,
}

/// One component.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct AiItem {
    /// `parameters`, `code` or `data-information`.
    pub id: String,
    /// Status.
    pub status: AiStatus,
    /// What was found.
    pub evidence: Vec<Evidence>,
}

/// The AI section (absent for entries that are not AI systems).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct AiReport {
    /// Why the entry was taken as an AI system.
    pub detected_by: Vec<Evidence>,
    /// The three OSAID components.
    pub items: Vec<AiItem>,
    /// Method reference.
    pub method: String,
}
