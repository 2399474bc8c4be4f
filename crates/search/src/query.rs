//! What a search asks and what it answers.

use serde::Serialize;
use std::collections::BTreeMap;

/// The facets of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Facet {
    /// Publishing organisation (its id).
    Organisation,
    /// Category from the standard's list.
    Category,
    /// License: the whole SPDX expression and each license in it.
    License,
    /// `developmentStatus`.
    DevelopmentStatus,
    /// `softwareType`.
    SoftwareType,
    /// `platforms`.
    Platform,
    /// `maintenance.type`.
    MaintenanceType,
    /// Languages: `localisation.availableLanguages` and the description languages.
    Language,
    /// `intendedAudience.countries`.
    Country,
    /// `intendedAudience.scope`.
    Scope,
    /// License family from the assessment (`permissive`, `weak-copyleft`, ...).
    LicenseFamily,
    /// Whether every license is OSI-approved (`yes`, `no`), from the assessment.
    OsiApproved,
    /// Vitality band from the assessment (`0-24`, `25-49`, `50-74`, `75-100`).
    Vitality,
    /// Security score band from the assessment (`0-2`, `3-4`, `5-6`, `7-8`, `9-10`).
    SecurityScore,
    /// Whether known vulnerabilities were found (`yes`, `no`), from the assessment.
    Vulnerabilities,
}

impl Facet {
    /// Every facet.
    pub const ALL: [Facet; 15] = [
        Facet::Organisation,
        Facet::Category,
        Facet::License,
        Facet::DevelopmentStatus,
        Facet::SoftwareType,
        Facet::Platform,
        Facet::MaintenanceType,
        Facet::Language,
        Facet::Country,
        Facet::Scope,
        Facet::LicenseFamily,
        Facet::OsiApproved,
        Facet::Vitality,
        Facet::SecurityScore,
        Facet::Vulnerabilities,
    ];

    /// The facet's name (also its query parameter).
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Organisation => "organisation",
            Facet::Category => "category",
            Facet::License => "license",
            Facet::DevelopmentStatus => "developmentStatus",
            Facet::SoftwareType => "softwareType",
            Facet::Platform => "platform",
            Facet::MaintenanceType => "maintenanceType",
            Facet::Language => "language",
            Facet::Country => "country",
            Facet::Scope => "scope",
            Facet::LicenseFamily => "licenseFamily",
            Facet::OsiApproved => "osiApproved",
            Facet::Vitality => "vitality",
            Facet::SecurityScore => "securityScore",
            Facet::Vulnerabilities => "vulnerabilities",
        }
    }

    /// Parses a facet name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// Filters: for each facet, the accepted values (any of them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters(pub BTreeMap<Facet, Vec<String>>);

impl Filters {
    /// Adds an accepted value for a facet.
    pub fn add(&mut self, facet: Facet, value: impl Into<String>) -> &mut Self {
        self.0.entry(facet).or_default().push(value.into());
        self
    }
}

/// Order of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Sort {
    /// Best match first (by name when there is no query text).
    #[default]
    Relevance,
    /// By name, A to Z.
    Name,
    /// Most recently updated first.
    Updated,
    /// Highest vitality first (unassessed entries last).
    Vitality,
    /// Highest security score first (unassessed entries last).
    Security,
}

/// A search.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Free text, in any language; `None` lists everything.
    pub text: Option<String>,
    /// Facet filters.
    pub filters: Filters,
    /// Order.
    pub sort: Sort,
    /// The reader's language, for snippets.
    pub lang: Option<String>,
    /// Hits to skip.
    pub offset: usize,
    /// Hits to return (at most 100).
    pub limit: usize,
    /// The meaning of `text` as a vector of the encoder that made the index's vectors
    /// ([`crate::SearchIndex::attach_vectors`]): entries close in meaning are then found as
    /// well as those whose words match, and ranked together with them.
    pub meaning: Option<std::sync::Arc<[f32]>>,
}

/// A piece of a snippet; highlighted pieces matched the query. Plain text: the caller escapes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    /// The text.
    pub text: String,
    /// Whether it matched.
    pub highlighted: bool,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The entry's id.
    pub id: String,
    /// Relevance score (0 when sorted otherwise).
    pub score: f32,
    /// The best-matching passage, when there was query text.
    pub snippet: Vec<Fragment>,
    /// The card stored with the entry ([`crate::SearchDocument::card`]), when it has one.
    pub card: Option<String>,
    /// Set when the entry was found by meaning and none of the query's words shows in its
    /// snippet: the reader is told why it is there.
    pub meaning: Option<MeaningMatch>,
}

/// Why a result that matched no word is there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeaningMatch {
    /// The language of the entry's text closest in meaning to the query.
    pub lang: String,
    /// How close (cosine similarity, -1 to 1).
    pub similarity: f32,
}

/// An entry close in meaning to another ([`crate::SearchIndex::similar`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Similar {
    /// Its id.
    pub id: String,
    /// The language of its text closest to the other entry's.
    pub lang: String,
    /// How close (cosine similarity).
    pub similarity: f32,
    /// Its card, as stored.
    pub card: Option<String>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Entries matching, in all.
    pub total: u64,
    /// This page's hits.
    pub hits: Vec<Hit>,
    /// For each facet, its values and counts, most frequent first: among the matching entries,
    /// except that a facet with an active filter is counted without its own filter (values of
    /// one facet combine with OR, so its counts say what each further value would add).
    pub facets: BTreeMap<Facet, Vec<(String, u64)>>,
}
