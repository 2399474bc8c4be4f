//! The UN Open Source Principles (8) and the DPG Standard (9 indicators): per item a status —
//! met (with the automatic evidence), declared (by the publisher, with who and when), missing,
//! not applicable — never one opaque score.
//!
//! The principles have no official measurable criteria; the signals below are Commons'
//! interpretation (see `../shared/notes/assessment.md` §1), stated in each item's `rule`.

use crate::Evidence;
pub use commons_report::{Declaration, Item, Status};
use std::collections::BTreeMap;

/// The ids of the eight UN Open Source Principles, in the order of the report.
pub const UN_PRINCIPLE_IDS: [&str; 8] = [
    "un-open-by-default",
    "un-contribute-back",
    "un-secure-by-design",
    "un-inclusive-participation",
    "un-design-for-reusability",
    "un-provide-documentation",
    "un-rise",
    "un-sustain-and-scale",
];

/// The ids of the nine DPG Standard indicators, in the order of the report.
pub const DPG_INDICATOR_IDS: [&str; 9] = [
    "dpg-sdg-relevance",
    "dpg-open-licensing",
    "dpg-clear-ownership",
    "dpg-platform-independence",
    "dpg-documentation",
    "dpg-data-extraction",
    "dpg-privacy-and-laws",
    "dpg-standards-best-practices",
    "dpg-do-no-harm",
];

/// Every item a publisher may declare about: the principles, then the DPG indicators.
pub fn item_ids() -> impl Iterator<Item = &'static str> {
    UN_PRINCIPLE_IDS.into_iter().chain(DPG_INDICATOR_IDS)
}

/// The items only a publisher can show (no evidence in a repository can): without a
/// declaration they are "not declared", which is not the same as "not met".
pub const DECLARATION_ONLY: [&str; 4] = [
    "dpg-sdg-relevance",
    "dpg-data-extraction",
    "dpg-privacy-and-laws",
    "dpg-do-no-harm",
];

/// Whether `id` is an item only its publisher can show (see [`DECLARATION_ONLY`]).
pub fn is_declaration_only(id: &str) -> bool {
    DECLARATION_ONLY.contains(&id)
}

/// Whether `id` is a principle's or a DPG indicator's id.
pub fn is_item_id(id: &str) -> bool {
    item_ids().any(|known| known == id)
}

/// Declarations by item id (`un-open-by-default`, `dpg-sdg-relevance`, ...).
pub type Declarations = BTreeMap<String, Declaration>;

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
    let status = Status::decide(met, declaration.as_ref());
    Item {
        id: id.to_string(),
        name: name.to_string(),
        status,
        rule: rule.to_string(),
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
    use serde_json::Value;

    #[test]
    fn the_declaration_only_items_are_those_no_evidence_can_meet() {
        // Every fact present: an item still missing can only be met by a declaration.
        let found = Evidence::rule("test", "present");
        let mut facts = Facts {
            osi_license: Some(found.clone()),
            publiccode: Some(found.clone()),
            ownership: Some(found.clone()),
            active: Some(found.clone()),
            maintained_declared: Some(found.clone()),
            no_proprietary_dependency: Some(found.clone()),
            documentation_url: Some(found.clone()),
            security_score_ok: Some(found.clone()),
            no_known_vulnerabilities: Some(found.clone()),
            dependency_updates: Some(found.clone()),
            ..Facts::default()
        };
        for key in [
            "contributing",
            "code-of-conduct",
            "security",
            "readme",
            "docs",
            "authors",
            "governance",
            "ownership",
        ] {
            facts.files.insert(key, found.clone());
        }
        let declarations = Declarations::default();
        let items: Vec<Item> = un_principles(&facts, &declarations)
            .into_iter()
            .chain(dpg_indicators(&facts, &declarations))
            .collect();
        let unmet: Vec<&str> = items
            .iter()
            .filter(|i| i.status != Status::Met)
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(unmet, DECLARATION_ONLY);
    }

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

    fn declaration(by: &str, not_applicable: bool) -> Declaration {
        Declaration {
            by: by.into(),
            role: Some("Data protection officer".into()),
            at: "2026-06-01T09:30:00Z".into(),
            statement: (!not_applicable).then(|| "Complies with GDPR".into()),
            url: Some("https://example.org/privacy".into()),
            not_applicable,
        }
    }

    /// The item `id` of the report's list `list` (`unPrinciples`, `dpgIndicators`).
    /// Applies `current` as a reader of the stored JSON does: read it as a report, apply,
    /// write it back.
    fn apply(body: &mut Value, current: &Declarations) {
        let mut report: crate::Assessment = serde_json::from_value(body.clone()).unwrap();
        report.apply_declarations(|id| current.get(id));
        *body = serde_json::to_value(report).unwrap();
    }

    fn item_in<'a>(body: &'a Value, list: &str, id: &str) -> &'a Value {
        body[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    }

    fn status_in(body: &Value, list: &str, id: &str) -> String {
        item_in(body, list, id)["status"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A stored report: open licensing met, clear ownership met, privacy declared at
    /// assessment time, SDG relevance not applicable, the rest missing.
    fn stored_report() -> Value {
        let facts = Facts {
            osi_license: Some(Evidence::rule("osi-approved", "MIT is OSI-approved")),
            ownership: Some(Evidence::rule("copyright-owner", "UNICEF")),
            ..Facts::default()
        };
        let mut at_assessment = Declarations::new();
        at_assessment.insert(
            "dpg-privacy-and-laws".into(),
            declaration("Old Name", false),
        );
        at_assessment.insert("dpg-sdg-relevance".into(), declaration("Old Name", true));
        serde_json::json!({
            "methodVersion": crate::METHOD_VERSION,
            "unPrinciples": un_principles(&facts, &at_assessment),
            "dpgIndicators": dpg_indicators(&facts, &at_assessment),
            "license": {"family": "permissive"},
        })
    }

    #[test]
    fn item_ids_are_those_of_the_report() {
        let none = Declarations::new();
        let un: Vec<String> = un_principles(&Facts::default(), &none)
            .into_iter()
            .map(|i| i.id)
            .collect();
        let dpg: Vec<String> = dpg_indicators(&Facts::default(), &none)
            .into_iter()
            .map(|i| i.id)
            .collect();
        assert_eq!(un, UN_PRINCIPLE_IDS);
        assert_eq!(dpg, DPG_INDICATOR_IDS);
        assert_eq!(item_ids().count(), 17);
        assert!(is_item_id("dpg-do-no-harm"));
        assert!(is_item_id("un-rise"));
        assert!(!is_item_id("dpg-unknown"));
        assert!(!is_item_id(""));
        assert!(!is_item_id("DPG-DO-NO-HARM"), "ids are exact");
    }

    #[test]
    fn declarations_make_missing_items_declared_or_not_applicable() {
        let mut body = stored_report();
        let mut current = Declarations::new();
        current.insert("dpg-do-no-harm".into(), declaration("Jane Doe", false));
        current.insert("dpg-data-extraction".into(), declaration("Jane Doe", true));
        current.insert("un-contribute-back".into(), declaration("Jane Doe", false));
        apply(&mut body, &current);
        assert_eq!(
            status_in(&body, "dpgIndicators", "dpg-do-no-harm"),
            "declared"
        );
        assert_eq!(
            status_in(&body, "dpgIndicators", "dpg-data-extraction"),
            "not-applicable"
        );
        assert_eq!(
            status_in(&body, "unPrinciples", "un-contribute-back"),
            "declared"
        );
        let harm = item_in(&body, "dpgIndicators", "dpg-do-no-harm");
        assert_eq!(harm["declaration"]["by"], "Jane Doe");
        assert_eq!(harm["declaration"]["role"], "Data protection officer");
        assert_eq!(harm["declaration"]["at"], "2026-06-01T09:30:00Z");
        assert_eq!(harm["declaration"]["url"], "https://example.org/privacy");
        assert_eq!(harm["declaration"]["notApplicable"], false);
        // The automatic evidence and the rule are kept as they were.
        assert!(harm["rule"].as_str().unwrap().contains("attested"));
        // Nothing else changes.
        assert_eq!(body["license"]["family"], "permissive");
        assert_eq!(status_in(&body, "unPrinciples", "un-rise"), "missing");
    }

    #[test]
    fn a_met_item_stays_met_with_the_declaration_attached() {
        let mut body = stored_report();
        let mut current = Declarations::new();
        // Even a declaration that the item does not apply cannot undo evidence.
        current.insert("dpg-open-licensing".into(), declaration("Jane Doe", true));
        apply(&mut body, &current);
        let item = item_in(&body, "dpgIndicators", "dpg-open-licensing").clone();
        assert_eq!(item["status"], "met");
        assert_eq!(item["declaration"]["notApplicable"], true);
        assert_eq!(item["evidence"][0]["rule"], "osi-approved");
    }

    #[test]
    fn without_a_current_declaration_declared_items_go_back_to_missing() {
        let mut body = stored_report();
        assert_eq!(
            status_in(&body, "dpgIndicators", "dpg-privacy-and-laws"),
            "declared"
        );
        assert_eq!(
            status_in(&body, "dpgIndicators", "dpg-sdg-relevance"),
            "not-applicable"
        );
        apply(&mut body, &Declarations::new());
        for id in ["dpg-privacy-and-laws", "dpg-sdg-relevance"] {
            assert_eq!(status_in(&body, "dpgIndicators", id), "missing", "{id}");
            let item = item_in(&body, "dpgIndicators", id);
            assert!(item.get("declaration").is_none(), "{id}: {item}");
        }
        assert_eq!(
            status_in(&body, "dpgIndicators", "dpg-open-licensing"),
            "met"
        );
        assert_eq!(
            status_in(&body, "dpgIndicators", "dpg-clear-ownership"),
            "met"
        );
    }

    #[test]
    fn a_current_declaration_replaces_the_one_stored_with_the_report() {
        let mut body = stored_report();
        let mut current = Declarations::new();
        current.insert(
            "dpg-privacy-and-laws".into(),
            declaration("New Name", false),
        );
        apply(&mut body, &current);
        let item = item_in(&body, "dpgIndicators", "dpg-privacy-and-laws");
        assert_eq!(item["status"], "declared");
        assert_eq!(item["declaration"]["by"], "New Name");
        // Applying twice gives the same report.
        let once = body.clone();
        apply(&mut body, &current);
        assert_eq!(body, once);
    }

    #[test]
    fn a_status_of_a_newer_method_reads_as_missing_until_declared() {
        let mut current = Declarations::new();
        current.insert("dpg-do-no-harm".into(), declaration("Jane Doe", false));
        let mut body = serde_json::json!({"dpgIndicators": [
            {"id": "dpg-documentation", "status": "partly-met"},
            {"id": "dpg-do-no-harm", "status": "partly-met"},
        ]});
        apply(&mut body, &current);
        assert_eq!(body["dpgIndicators"][0]["status"], "missing");
        assert_eq!(body["dpgIndicators"][1]["status"], "declared");
        // An item the report does not have is not added.
        let mut body = serde_json::json!({"dpgIndicators": []});
        apply(&mut body, &current);
        assert_eq!(body["dpgIndicators"], serde_json::json!([]));
    }
}
