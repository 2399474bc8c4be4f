//! The UN Open Source Principles (8) and the DPG Standard (9 indicators): per item a status —
//! met (with the automatic evidence), declared (by the publisher, with who and when), missing,
//! not applicable — never one opaque score.
//!
//! The principles have no official measurable criteria; the signals below are Commons'
//! interpretation (see `../shared/notes/assessment.md` §1), stated in each item's `rule`.

use crate::Evidence;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An item's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Shown by evidence found automatically.
    Met,
    /// Stated by the publisher (see `declaration`).
    Declared,
    /// Neither found nor declared.
    Missing,
    /// The publisher declared that the item does not apply.
    NotApplicable,
}

/// A publisher's statement about one item, filled by the server from its API.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
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

/// Declarations by item id (`un-open-by-default`, `dpg-sdg-relevance`, ...).
pub type Declarations = BTreeMap<String, Declaration>;

/// One principle or indicator.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// Stable id.
    pub id: &'static str,
    /// Official name.
    pub name: &'static str,
    /// Status.
    pub status: Status,
    /// What Commons looks for automatically.
    pub rule: &'static str,
    /// What was found.
    pub evidence: Vec<Evidence>,
    /// The publisher's declaration, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration: Option<Declaration>,
}

/// Facts gathered by the other sections, the inputs of this one.
#[derive(Debug, Default)]
pub struct Facts {
    /// Evidence of an OSI-approved license.
    pub osi_license: Option<Evidence>,
    /// publiccode.yml present and valid.
    pub publiccode: Option<Evidence>,
    /// Files found by role: "contributing", "code-of-conduct", "security", "readme", "docs",
    /// "authors", "governance", "ownership".
    pub files: BTreeMap<&'static str, Evidence>,
    /// No known vulnerability (when checked).
    pub no_known_vulnerabilities: Option<Evidence>,
    /// A dependency update tool is configured.
    pub dependency_updates: Option<Evidence>,
    /// Scorecard-like aggregate is at least 5.
    pub security_score_ok: Option<Evidence>,
    /// Active: commits in the last year by two or more people.
    pub active: Option<Evidence>,
    /// No mandatory proprietary dependency in publiccode.yml.
    pub no_proprietary_dependency: Option<Evidence>,
    /// Documentation URL in publiccode.yml.
    pub documentation_url: Option<Evidence>,
    /// Copyright owner stated.
    pub ownership: Option<Evidence>,
    /// Maintained per publiccode.yml (`maintenance.type` not `none`).
    pub maintained_declared: Option<Evidence>,
}

fn item(
    id: &'static str,
    name: &'static str,
    rule: &'static str,
    evidence: Vec<Option<&Evidence>>,
    all_required: bool,
    declarations: &Declarations,
) -> Item {
    let found: Vec<Evidence> = evidence.iter().flatten().map(|e| (*e).clone()).collect();
    let met = if all_required {
        !evidence.is_empty() && evidence.iter().all(Option::is_some)
    } else {
        !found.is_empty()
    };
    let declaration = declarations.get(id).cloned();
    let status = match (&declaration, met) {
        (_, true) => Status::Met,
        (Some(d), false) if d.not_applicable => Status::NotApplicable,
        (Some(_), false) => Status::Declared,
        (None, false) => Status::Missing,
    };
    Item {
        id,
        name,
        status,
        rule,
        evidence: found,
        declaration,
    }
}

/// The eight UN Open Source Principles.
pub fn un_principles(f: &Facts, d: &Declarations) -> Vec<Item> {
    let file = |k: &str| f.files.get(k);
    vec![
        item(
            "un-open-by-default",
            "Open by default",
            "an OSI-approved license and a publiccode.yml",
            vec![f.osi_license.as_ref(), f.publiccode.as_ref()],
            true,
            d,
        ),
        item(
            "un-contribute-back",
            "Contribute back",
            "a CONTRIBUTING guide (upstream contributions are declared by the publisher)",
            vec![file("contributing")],
            true,
            d,
        ),
        item(
            "un-secure-by-design",
            "Secure by design",
            "a security policy, a dependency update tool and no known vulnerability in locked dependencies",
            vec![
                file("security"),
                f.dependency_updates.as_ref(),
                f.no_known_vulnerabilities.as_ref(),
            ],
            true,
            d,
        ),
        item(
            "un-inclusive-participation",
            "Foster inclusive participation and community building",
            "a code of conduct and a CONTRIBUTING guide",
            vec![file("code-of-conduct"), file("contributing")],
            true,
            d,
        ),
        item(
            "un-design-for-reusability",
            "Design for reusability",
            "a publiccode.yml without mandatory proprietary dependencies",
            vec![f.publiccode.as_ref(), f.no_proprietary_dependency.as_ref()],
            true,
            d,
        ),
        item(
            "un-provide-documentation",
            "Provide documentation",
            "a README of some substance, a docs/ directory or a documentation link in publiccode.yml",
            vec![file("readme"), file("docs"), f.documentation_url.as_ref()],
            false,
            d,
        ),
        item(
            "un-rise",
            "RISE (recognize, incentivize, support and empower)",
            "an AUTHORS, CONTRIBUTORS, all-contributors or CITATION file",
            vec![file("authors")],
            true,
            d,
        ),
        item(
            "un-sustain-and-scale",
            "Sustain and scale",
            "commits in the last year by two or more people, and maintenance declared in publiccode.yml",
            vec![f.active.as_ref(), f.maintained_declared.as_ref()],
            true,
            d,
        ),
    ]
}

/// The nine DPG Standard indicators (standard 1.1.x).
pub fn dpg_indicators(f: &Facts, d: &Declarations) -> Vec<Item> {
    let file = |k: &str| f.files.get(k);
    vec![
        item(
            "dpg-sdg-relevance",
            "Relevance to Sustainable Development Goals",
            "declared by the publisher (SDGs and how the software serves them)",
            vec![],
            true,
            d,
        ),
        item(
            "dpg-open-licensing",
            "Use of approved open licenses",
            "an OSI-approved license",
            vec![f.osi_license.as_ref()],
            true,
            d,
        ),
        item(
            "dpg-clear-ownership",
            "Clear ownership",
            "legal.mainCopyrightOwner or legal.repoOwner in publiccode.yml, or REUSE metadata",
            vec![f.ownership.as_ref(), file("ownership")],
            false,
            d,
        ),
        item(
            "dpg-platform-independence",
            "Platform independence",
            "no mandatory proprietary dependency in publiccode.yml (dependsOn.proprietary)",
            vec![f.no_proprietary_dependency.as_ref()],
            true,
            d,
        ),
        item(
            "dpg-documentation",
            "Documentation",
            "a README of some substance, a docs/ directory or a documentation link in publiccode.yml",
            vec![file("readme"), file("docs"), f.documentation_url.as_ref()],
            false,
            d,
        ),
        item(
            "dpg-data-extraction",
            "Mechanism for extracting data and content",
            "declared by the publisher (import/export in non-proprietary formats), or not applicable",
            vec![],
            true,
            d,
        ),
        item(
            "dpg-privacy-and-laws",
            "Adherence to privacy and applicable laws",
            "attested by someone authorised to speak for the project",
            vec![],
            true,
            d,
        ),
        item(
            "dpg-standards-best-practices",
            "Adherence to standards and best practices",
            "publiccode.yml metadata and a Scorecard-like security score of 5 or more",
            vec![f.publiccode.as_ref(), f.security_score_ok.as_ref()],
            true,
            d,
        ),
        item(
            "dpg-do-no-harm",
            "Do no harm by design",
            "attested by someone authorised to speak for the project (privacy, content, harassment)",
            vec![],
            true,
            d,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        let facts = Facts {
            osi_license: Some(Evidence::rule("r", "MIT")),
            ..Facts::default()
        };
        let mut decl = Declarations::new();
        decl.insert(
            "dpg-data-extraction".into(),
            Declaration {
                by: "A. Person".into(),
                role: None,
                at: "2026-01-01".into(),
                statement: None,
                url: None,
                not_applicable: true,
            },
        );
        decl.insert(
            "dpg-sdg-relevance".into(),
            Declaration {
                by: "A. Person".into(),
                role: Some("Product owner".into()),
                at: "2026-01-01".into(),
                statement: Some("SDG 3".into()),
                url: None,
                not_applicable: false,
            },
        );
        let dpg = dpg_indicators(&facts, &decl);
        let status = |id: &str| dpg.iter().find(|i| i.id == id).unwrap().status;
        assert_eq!(status("dpg-open-licensing"), Status::Met);
        assert_eq!(status("dpg-sdg-relevance"), Status::Declared);
        assert_eq!(status("dpg-data-extraction"), Status::NotApplicable);
        assert_eq!(status("dpg-do-no-harm"), Status::Missing);
        let un = un_principles(&facts, &decl);
        assert_eq!(un.len(), 8);
        // Open by default needs publiccode.yml as well.
        assert_eq!(un[0].status, Status::Missing);
    }
}
