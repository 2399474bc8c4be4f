//! The result card: what a result list shows of an entry in any language, stored with the
//! entry in the search index (JSON) so that a page of results is answered from the index
//! alone. The index is rewritten with every change of the entry, so the card is as current
//! as the hit itself.

use commons_catalog::Software;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format of the cards written now; raise it whenever a card's content changes (an index
/// holding cards of another format is rebuilt when it is opened, see
/// [`crate::indexer::bring_up_to_date`]).
/// 2: the assessment signals and `usedBy`.
pub const CARD_FORMAT: u32 = 2;

/// An entry's card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// The card's format ([`CARD_FORMAT`]).
    #[serde(rename = "v")]
    format: u32,
    /// Stable id.
    pub id: String,
    /// `name`.
    pub name: String,
    /// Publishing organisation's id.
    pub organisation_id: Option<String>,
    /// SPDX license expression (`legal.license`).
    pub license: String,
    /// `developmentStatus`.
    pub development_status: String,
    /// `softwareType`.
    pub software_type: String,
    /// `categories`.
    pub categories: Vec<String>,
    /// `platforms`.
    pub platforms: Vec<String>,
    /// Repository URL.
    pub repository_url: String,
    /// `logo`.
    pub logo: Option<String>,
    /// Last change of the entry, Unix seconds.
    pub updated_at: i64,
    /// The texts of each description language, by tag.
    pub texts: BTreeMap<String, CardText>,
    /// The assessment in brief, when the entry has one.
    #[serde(default)]
    pub signals: Option<Signals>,
    /// How many organisations `usedBy` names.
    #[serde(default)]
    pub used_by: usize,
}

/// A card's text in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardText {
    /// `localisedName`.
    pub localised_name: Option<String>,
    /// `shortDescription`.
    pub short_description: String,
}

impl Card {
    /// The card of an entry with a publiccode.yml.
    pub fn of(s: &Software) -> Option<Self> {
        let p = s.publiccode.as_ref()?;
        Some(Card {
            format: CARD_FORMAT,
            id: s.id.clone(),
            name: p.name.clone(),
            organisation_id: s.organisation_id.clone(),
            license: p.legal.license.clone(),
            development_status: p.development_status.as_str().to_string(),
            software_type: p.software_type.as_str().to_string(),
            categories: p.categories.clone(),
            platforms: p.platforms.clone(),
            repository_url: s.repository_url.clone(),
            logo: p.logo.clone(),
            updated_at: s.updated_at,
            texts: p
                .description
                .iter()
                .map(|(tag, d)| {
                    let text = CardText {
                        localised_name: d.localised_name.clone(),
                        short_description: d.short_description.clone(),
                    };
                    (tag.clone(), text)
                })
                .collect(),
            signals: s.assessment_facets.as_ref().and_then(Signals::of),
            used_by: p.used_by.len(),
        })
    }

    /// The card as stored in the index.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored card; `None` when the text is not one of this format (an index written by
    /// another version).
    pub fn decode(text: &str) -> Option<Self> {
        serde_json::from_str::<Card>(text)
            .ok()
            .filter(|card| card.format == CARD_FORMAT)
    }
}

/// The assessment in brief, as a result card shows it. The full report, with its evidence,
/// is at `/api/v1/software/{id}/assessment`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Signals {
    /// Security-practices score, 0 to 10 (an OpenSSF Scorecard-like aggregate), when it could
    /// be computed.
    pub security_score: Option<f64>,
    /// Developers Italia's vitality index, 0 to 100, when the history could be read.
    pub vitality: Option<u32>,
    /// The vitality index's band, as the `vitality` facet names it (`0-24`, `25-49`, `50-74`,
    /// `75-100`).
    pub vitality_band: Option<String>,
    /// The newest commit's author date, RFC 3339, when the history could be read.
    pub last_commit_at: Option<String>,
    /// Distinct known vulnerabilities in the locked dependencies; absent when no vulnerability
    /// database was available to the assessment (unknown, not zero).
    pub vulnerabilities: Option<usize>,
    /// `permissive`, `weak-copyleft`, `strong-copyleft`, `network-copyleft` or `unknown`.
    pub license_family: String,
    /// Every license of the effective expression is OSI-approved.
    pub osi_approved: bool,
}

impl Signals {
    /// The signals of an entry's stored assessment facets; `None` when it has none or they
    /// cannot be read.
    pub fn of(facets: &serde_json::Value) -> Option<Self> {
        let f = commons_report::Facets::deserialize(facets).ok()?;
        Some(Signals {
            security_score: f.security_score,
            vitality: f.vitality,
            vitality_band: f.vitality.map(commons_search::vitality_band),
            last_commit_at: f.last_commit_at.map(rfc3339),
            vulnerabilities: f.vulnerabilities,
            license_family: f.license_family,
            osi_approved: f.osi_approved,
        })
    }
}

/// RFC 3339 text of a Unix time.
pub fn rfc3339(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .map(|t| t.to_string())
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Facets as a stored assessment can have them: complete, written before the last
    /// commit's date was kept, and without vulnerability data.
    fn facets(kind: &str) -> serde_json::Value {
        match kind {
            "older" => serde_json::json!({"licenseFamily": "permissive", "osiApproved": true,
                "vitality": 58, "securityScore": 4.5, "vulnerabilities": 0}),
            "unknown" => serde_json::json!({"licenseFamily": "unknown", "osiApproved": false,
                "vitality": null, "securityScore": null, "vulnerabilities": null}),
            _ => serde_json::json!({"licenseFamily": "network-copyleft",
                "osiApproved": true, "vitality": 100, "securityScore": 9.25,
                "vulnerabilities": 3, "lastCommitAt": 1_790_000_003}),
        }
    }

    #[test]
    fn signals_say_what_the_assessment_found_and_nothing_more() {
        let complete = Signals::of(&facets("complete")).unwrap();
        assert_eq!(complete.vitality_band.as_deref(), Some("75-100"));
        assert_eq!(
            complete.last_commit_at.as_deref(),
            Some("2026-09-21T14:13:23Z")
        );
        let older = Signals::of(&facets("older")).unwrap();
        assert_eq!(older.last_commit_at, None);
        assert_eq!(older.vulnerabilities, Some(0));
        let unknown = Signals::of(&facets("unknown")).unwrap();
        // No vulnerability database: unknown, which is not "none found".
        assert_eq!(unknown.vulnerabilities, None);
        assert_eq!(unknown.vitality_band, None);
        assert_eq!(Signals::of(&serde_json::json!({"other": 1})), None);
    }

    fn demo_entry() -> Software {
        let entry = &commons_demo::entries()[3];
        let publiccode = commons_publiccode::validate(entry.source.as_bytes(), &Default::default())
            .publiccode
            .expect("a demo entry is valid");
        Software {
            id: "demo-3".into(),
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
            updated_at: 1_700_000_000,
            seq: 3,
            assessment_facets: Some(facets("complete")),
        }
    }

    #[test]
    fn a_card_of_another_format_is_not_read() {
        let current = Card::of(&demo_entry()).unwrap().encode();
        assert!(Card::decode(&current).is_some());
        // A card as the first format wrote it: no format number, no signals.
        let mut first: serde_json::Value = serde_json::from_str(&current).unwrap();
        let object = first.as_object_mut().unwrap();
        object.remove("v");
        object.remove("signals");
        object.remove("used_by");
        assert_eq!(Card::decode(&first.to_string()), None);
        first["v"] = serde_json::json!(CARD_FORMAT + 1);
        assert_eq!(Card::decode(&first.to_string()), None);
    }

    #[test]
    fn text_that_is_not_a_card_is_not_read_as_one() {
        for text in ["", "{}", "null", "[1,2]", "{\"id\":3}", "not json"] {
            assert!(Card::decode(text).is_none(), "{text:?}");
        }
    }
}
