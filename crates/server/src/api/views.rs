//! The API's JSON shapes. Catalog and search types are not serialised directly: these views
//! are the public contract, documented in the OpenAPI description.

use commons_catalog::{Organisation, Revision, Software};
use commons_publiccode::model::Description;
use commons_publiccode::{Diagnostic, PublicCode};
use commons_search::Fragment;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

pub use commons_app::card::{Card, Signals, rfc3339};

/// An entry in a list of results.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SoftwareSummary {
    /// Stable id.
    pub id: String,
    /// Name (`name` in publiccode.yml).
    pub name: String,
    /// Name in the description language shown, when it has one.
    pub localised_name: Option<String>,
    /// One-line description in the reader's language, or the nearest one available.
    pub short_description: Option<String>,
    /// The language of `shortDescription` (a BCP 47 tag).
    pub description_language: Option<String>,
    /// Publishing organisation's id.
    pub organisation_id: Option<String>,
    /// SPDX license expression.
    pub license: String,
    /// `developmentStatus`.
    pub development_status: String,
    /// `softwareType`.
    pub software_type: String,
    /// Categories.
    pub categories: Vec<String>,
    /// Platforms.
    pub platforms: Vec<String>,
    /// Repository URL.
    pub repository_url: String,
    /// Logo (URL or path in the repository), when declared.
    pub logo: Option<String>,
    /// Last change in the catalog, RFC 3339.
    pub updated_at: String,
    /// The best-matching passage, when the search had text: pieces, the matched ones marked.
    pub snippet: Vec<SnippetPiece>,
    /// What the latest assessment found, in brief, to choose between results; absent while
    /// the entry has not been assessed.
    pub signals: Option<Signals>,
    /// Organisations the publisher declares as users (`usedBy` in publiccode.yml), when it
    /// declares any.
    pub used_by: Option<usize>,
    /// Set when the search found the entry by meaning and none of its words shows in the
    /// snippet: why it is in the results.
    pub meaning_match: Option<MeaningMatchView>,
}

/// A result found by meaning rather than by its words.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeaningMatchView {
    /// The language of the entry's text closest to the query (`en`, `fr`, `es`, `ru`, `ar`,
    /// `zh`, or `other` for the rest).
    pub language: String,
    /// Cosine similarity of that text to the query, two decimals.
    pub similarity: f32,
}

impl MeaningMatchView {
    /// The view of the index's explanation.
    pub fn of(m: &commons_search::MeaningMatch) -> Self {
        MeaningMatchView {
            language: m.lang.clone(),
            similarity: (m.similarity * 100.0).round() / 100.0,
        }
    }
}

/// A piece of a snippet.
#[derive(Debug, Serialize, ToSchema)]
pub struct SnippetPiece {
    /// Plain text (escape it before rendering).
    pub text: String,
    /// Whether it matched the query.
    pub highlighted: bool,
}

/// A value of a facet and how many results have it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Results with it.
    pub count: u64,
}

/// One page of search results.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SearchPage {
    /// Results in all.
    pub total: u64,
    /// This page.
    pub items: Vec<SoftwareSummary>,
    /// For each facet, its values among all results with their counts, most frequent first.
    pub facets: BTreeMap<String, Vec<FacetCount>>,
    /// Cursor of the next page (`cursor=`), absent on the last page.
    pub next: Option<String>,
}

/// One entry, in full.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SoftwareDetail {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Repository URL.
    pub repository_url: String,
    /// Forge kind (`gitlab`, `github`, `gitea`, `git`, `local`, `demo`).
    pub forge: String,
    /// Default branch, when known.
    pub default_branch: Option<String>,
    /// Last commit seen, when known.
    pub last_commit: Option<String>,
    /// Publishing organisation's id.
    pub organisation_id: Option<String>,
    /// The live publiccode.yml, as the typed model.
    pub publiccode: PublicCode,
    /// Warnings of the live revision.
    pub warnings: Vec<Diagnostic>,
    /// When the latest revision is invalid, what is wrong with it (the live one stays).
    pub problem: Option<String>,
    /// The live revision.
    pub live_revision_id: Option<i64>,
    /// The latest revision, valid or not.
    pub latest_revision_id: Option<i64>,
    /// First seen, RFC 3339.
    pub created_at: String,
    /// Last change, RFC 3339.
    pub updated_at: String,
    /// Its id in the Software Catalog API (`/open-catalog/v1/software/{uuid}`).
    pub uuid: String,
    /// The peer catalogs that list it (provenance): `source` is the one whose copy of the file
    /// is shown; none is when Commons reads the repository itself.
    pub listed_via: Vec<ListingView>,
}

/// A peer catalog that lists an entry.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListingView {
    /// The peer's id in the publishers registry.
    pub catalog_id: String,
    /// Its name.
    pub catalog_name: String,
    /// Its API base URL.
    pub catalog_url: String,
    /// The entry's id there.
    pub remote_id: String,
    /// When it was last read there, RFC 3339.
    pub fetched_at: String,
    /// Whether the entry shows this peer's copy of the file.
    pub source: bool,
}

impl ListingView {
    /// The view of a stored listing.
    pub fn of(l: commons_catalog::Listing) -> Self {
        ListingView {
            catalog_id: l.catalog_id,
            catalog_name: l.catalog_name,
            catalog_url: l.catalog_url,
            remote_id: l.remote_id,
            fetched_at: rfc3339(l.fetched_at),
            source: l.source,
        }
    }
}

/// One stored publiccode.yml of an entry.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RevisionView {
    /// Revision id.
    pub id: i64,
    /// Commit it was read at, when known.
    pub commit: Option<String>,
    /// SHA-256 of the content.
    pub content_hash: String,
    /// Whether it passed validation.
    pub valid: bool,
    /// Declared `publiccodeYmlVersion`.
    pub version: Option<String>,
    /// Its errors.
    pub errors: Vec<Diagnostic>,
    /// Its warnings.
    pub warnings: Vec<Diagnostic>,
    /// Whether it is the live revision.
    pub live: bool,
    /// First seen, RFC 3339.
    pub created_at: String,
}

/// A publishing organisation.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganisationView {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Identifier (URL or URN), when known.
    pub uri: Option<String>,
    /// Listed entries.
    pub software_count: i64,
}

/// An organisation with its listed software.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganisationDetail {
    /// The organisation.
    pub organisation: OrganisationView,
    /// Its listed entries, by name.
    pub software: Vec<SoftwareSummary>,
}

/// The validator's verdict on one file: the same object as one element of
/// `commons validate --format json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ValidationReport {
    /// The file's name (`<body>` for the request body).
    pub file: String,
    /// No errors (warnings allowed).
    pub valid: bool,
    /// The declared `publiccodeYmlVersion`, when readable.
    pub version: Option<String>,
    /// Errors.
    pub errors: Vec<Diagnostic>,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
}

/// An entry's latest assessment, as stored.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentView {
    /// The revision assessed.
    pub revision_id: Option<i64>,
    /// The commit assessed.
    pub commit: Option<String>,
    /// The assessment method's version.
    pub method_version: String,
    /// When, RFC 3339.
    pub assessed_at: String,
    /// The report, each result with its evidence.
    pub report: commons_report::Assessment,
}

impl AssessmentView {
    /// The view of an assessment as read now.
    pub fn of(a: commons_app::AssessmentAsRead) -> Self {
        AssessmentView {
            revision_id: a.revision_id,
            commit: a.commit,
            method_version: a.method_version,
            assessed_at: rfc3339(a.assessed_at),
            report: a.report,
        }
    }
}

/// The description to show a reader of `lang`: the exact tag, then the same primary language,
/// then English, then the first one. Returns the tag chosen with it.
pub fn pick_description<'a>(
    p: &'a PublicCode,
    lang: Option<&str>,
) -> Option<(&'a str, &'a Description)> {
    pick_language(&p.description, lang)
}

/// [`pick_description`]'s rule over any map of texts by language tag.
fn pick_language<'a, T>(
    texts: &'a BTreeMap<String, T>,
    lang: Option<&str>,
) -> Option<(&'a str, &'a T)> {
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let wanted = lang.map(primary);
    let exact = lang.and_then(|l| texts.iter().find(|(tag, _)| tag.eq_ignore_ascii_case(l)));
    let same_language = || {
        wanted
            .as_ref()
            .and_then(|w| texts.iter().find(|(tag, _)| primary(tag) == *w))
    };
    let english = || texts.iter().find(|(tag, _)| primary(tag) == "en");
    exact
        .or_else(same_language)
        .or_else(english)
        .or_else(|| texts.iter().next())
        .map(|(tag, d)| (tag.as_str(), d))
}

impl SoftwareSummary {
    /// The summary of a listed entry, in the reader's language.
    pub fn of(s: &Software, lang: Option<&str>, snippet: &[Fragment]) -> Option<Self> {
        Card::of(s).map(|card| SoftwareSummary::of_card(&card, lang, snippet))
    }

    /// The card as a result in the reader's language.
    pub fn of_card(card: &Card, lang: Option<&str>, snippet: &[Fragment]) -> Self {
        let chosen = pick_language(&card.texts, lang);
        SoftwareSummary {
            id: card.id.clone(),
            name: card.name.clone(),
            localised_name: chosen.and_then(|(_, t)| t.localised_name.clone()),
            short_description: chosen.map(|(_, t)| t.short_description.clone()),
            description_language: chosen.map(|(tag, _)| tag.to_string()),
            organisation_id: card.organisation_id.clone(),
            license: card.license.clone(),
            development_status: card.development_status.clone(),
            software_type: card.software_type.clone(),
            categories: card.categories.clone(),
            platforms: card.platforms.clone(),
            repository_url: card.repository_url.clone(),
            logo: card.logo.clone(),
            updated_at: rfc3339(card.updated_at),
            snippet: snippet
                .iter()
                .map(|f| SnippetPiece {
                    text: f.text.clone(),
                    highlighted: f.highlighted,
                })
                .collect(),
            signals: card.signals.clone(),
            used_by: (card.used_by > 0).then_some(card.used_by),
            meaning_match: None,
        }
    }
}

impl SoftwareDetail {
    /// The full view of a listed entry.
    pub fn of(s: Software) -> Option<Self> {
        let publiccode = s.publiccode?;
        Some(SoftwareDetail {
            name: publiccode.name.clone(),
            repository_url: s.repository_url,
            forge: s.forge.as_str().to_string(),
            default_branch: s.default_branch,
            last_commit: s.last_commit,
            organisation_id: s.organisation_id,
            publiccode,
            warnings: s.warnings,
            problem: s.problem,
            live_revision_id: s.live_revision_id,
            latest_revision_id: s.latest_revision_id,
            created_at: rfc3339(s.created_at),
            updated_at: rfc3339(s.updated_at),
            uuid: commons_catalog::software_uuid(&s.id),
            id: s.id,
            listed_via: Vec::new(),
        })
    }
}

impl RevisionView {
    /// The view of a revision; `live` marks the entry's live one.
    pub fn of(r: Revision, live: Option<i64>) -> Self {
        RevisionView {
            live: Some(r.id) == live,
            id: r.id,
            commit: r.commit,
            content_hash: r.content_hash,
            valid: r.valid,
            version: r.version,
            errors: r.errors,
            warnings: r.warnings,
            created_at: rfc3339(r.created_at),
        }
    }
}

impl From<Organisation> for OrganisationView {
    fn from(o: Organisation) -> Self {
        OrganisationView {
            id: o.id,
            name: o.name,
            uri: o.uri,
            software_count: o.software_count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A result read straight from the model, as results were built before cards: the
    /// reference the stored card must reproduce.
    fn summary_from_model(s: &Software, lang: Option<&str>) -> SoftwareSummary {
        let p = s.publiccode.as_ref().expect("a model");
        let chosen = pick_description(p, lang);
        SoftwareSummary {
            id: s.id.clone(),
            name: p.name.clone(),
            localised_name: chosen.and_then(|(_, d)| d.localised_name.clone()),
            short_description: chosen.map(|(_, d)| d.short_description.clone()),
            description_language: chosen.map(|(tag, _)| tag.to_string()),
            organisation_id: s.organisation_id.clone(),
            license: p.legal.license.clone(),
            development_status: p.development_status.as_str().to_string(),
            software_type: p.software_type.as_str().to_string(),
            categories: p.categories.clone(),
            platforms: p.platforms.clone(),
            repository_url: s.repository_url.clone(),
            logo: p.logo.clone(),
            updated_at: rfc3339(s.updated_at),
            snippet: Vec::new(),
            signals: s.assessment_facets.as_ref().and_then(Signals::of),
            used_by: (!p.used_by.is_empty()).then_some(p.used_by.len()),
            meaning_match: None,
        }
    }

    fn demo_software() -> Vec<Software> {
        commons_demo::entries()
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| {
                let validation =
                    commons_publiccode::validate(entry.source.as_bytes(), &Default::default());
                let publiccode = validation.publiccode?;
                Some(Software {
                    id: format!("demo-{i}"),
                    repository_url: publiccode.url.clone(),
                    forge: commons_catalog::ForgeKind::Demo,
                    default_branch: None,
                    last_commit: None,
                    organisation_id: Some(entry.publisher_id.to_string()),
                    name: publiccode.name.clone(),
                    listed: true,
                    problem: None,
                    live_revision_id: Some(1),
                    latest_revision_id: Some(1),
                    publiccode: Some(publiccode),
                    warnings: Vec::new(),
                    created_at: 1_700_000_000,
                    updated_at: 1_700_000_000 + i as i64 * 86_400,
                    seq: i as i64,
                    assessment_facets: facets_for(i),
                })
            })
            .collect()
    }

    /// Assessment facets of every kind a stored assessment can have: none, written before
    /// the last commit's date was kept, without vulnerability data, and complete.
    fn facets_for(i: usize) -> Option<serde_json::Value> {
        match i % 4 {
            0 => None,
            1 => Some(
                serde_json::json!({"licenseFamily": "permissive", "osiApproved": true,
                "vitality": 58, "securityScore": 4.5, "vulnerabilities": 0}),
            ),
            2 => Some(
                serde_json::json!({"licenseFamily": "unknown", "osiApproved": false,
                "vitality": null, "securityScore": null, "vulnerabilities": null}),
            ),
            _ => Some(serde_json::json!({"licenseFamily": "network-copyleft",
                "osiApproved": true, "vitality": 100, "securityScore": 9.25,
                "vulnerabilities": 3, "lastCommitAt": 1_790_000_000 + i as i64})),
        }
    }

    #[test]
    fn a_stored_card_gives_the_result_the_model_gives_in_every_language() {
        let entries = demo_software();
        assert!(entries.len() > 40);
        let langs = [
            None,
            Some("en"),
            Some("fr"),
            Some("es"),
            Some("ru"),
            Some("zh"),
            Some("ar"),
            Some("fr-CA"),
            Some("pt"),
        ];
        for s in &entries {
            let stored = Card::of(s).expect("a card").encode();
            let card = Card::decode(&stored).expect("the card reads back");
            for lang in langs {
                let ours =
                    serde_json::to_value(SoftwareSummary::of_card(&card, lang, &[])).unwrap();
                let reference = serde_json::to_value(summary_from_model(s, lang)).unwrap();
                assert_eq!(ours, reference, "{} in {lang:?}", s.id);
            }
        }
    }
}
