//! The contract's compatibility rules, on a report stored by the first method version and on
//! reports a newer writer could make.

use commons_report::{AiStatus, Assessment, Family, Risk, Status};
use serde_json::json;

const METHOD_1: &str = include_str!("fixtures/commons-assess-1.json");

#[test]
fn a_report_of_the_first_method_reads_whole() {
    let report: Assessment = serde_json::from_str(METHOD_1).expect("reads");
    assert_eq!(report.method_version, "commons-assess/1");
    assert_eq!(report.license.effective.as_deref(), Some("MIT"));
    assert_eq!(report.license.family, Family::Permissive);
    assert!(report.license.mismatch);
    assert_eq!(report.security.score, Some(6.7));
    assert_eq!(report.security.checks.len(), 5);
    assert_eq!(report.security.checks[1].risk, Risk::Critical);
    assert_eq!(report.security.checks[4].score, None);
    assert_eq!(report.vulnerabilities.findings[0].fixed_in, ["1.6.1"]);
    let vitality = report.vitality.as_ref().expect("vitality");
    assert_eq!(vitality.developers_italia.index, Some(50));
    assert_eq!(vitality.latest_release.as_deref(), Some("v1.1.0"));
    // Keys that method 1 did not write read as their defaults.
    assert_eq!(vitality.last_commit_at, None);
    assert!(report.license.project_declarations.is_empty());
    assert!(!report.license.combination_unknown);
    let declared = &report.un_principles[2];
    assert_eq!(declared.status, Status::Declared);
    assert_eq!(
        declared.declaration.as_ref().map(|d| d.by.as_str()),
        Some("Amina Diallo")
    );
    assert_eq!(report.dpg_indicators[0].status, Status::NotApplicable);
    let ai = report.ai.as_ref().expect("ai");
    assert_eq!(ai.items[0].status, AiStatus::NeedsReview);
    assert_eq!(ai.items[2].status, AiStatus::Missing);
    assert_eq!(report.cost.code_lines, 1313);
    assert_eq!(report.errors[0].check, "license");
    // Every value method 1 wrote is still there when the report is written again.
    let written = serde_json::to_value(&report).unwrap();
    let original: serde_json::Value = serde_json::from_str(METHOD_1).unwrap();
    assert_contains(&written, &original, "");
}

/// Every key and value of `expected` is in `actual` (which may have more keys).
fn assert_contains(actual: &serde_json::Value, expected: &serde_json::Value, at: &str) {
    match (actual, expected) {
        (serde_json::Value::Object(a), serde_json::Value::Object(e)) => {
            for (key, value) in e {
                let path = format!("{at}/{key}");
                match a.get(key) {
                    Some(found) => assert_contains(found, value, &path),
                    // An absent optional value is written as absent, not as null.
                    None => assert!(value.is_null(), "{path} lost"),
                }
            }
        }
        (serde_json::Value::Array(a), serde_json::Value::Array(e)) => {
            assert_eq!(a.len(), e.len(), "{at}");
            for (i, (x, y)) in a.iter().zip(e).enumerate() {
                assert_contains(x, y, &format!("{at}/{i}"));
            }
        }
        (serde_json::Value::Number(a), serde_json::Value::Number(e)) => {
            assert_eq!(a.as_f64(), e.as_f64(), "{at}");
        }
        _ => assert_eq!(actual, expected, "{at}"),
    }
}

#[test]
fn a_newer_writers_keys_and_values_are_read_as_what_this_version_knows() {
    let report: Assessment = serde_json::from_value(json!({
        "methodVersion": "commons-assess/99",
        "aNewSection": {"x": 1},
        "license": {"family": "cosmic-copyleft", "osiApproved": true, "newKey": [1, 2]},
        "security": {"checks": [{"id": "New-Check", "risk": "extreme", "score": 3}]},
        "unPrinciples": [{"id": "un-rise", "status": "partly-met"}],
        "ai": {"items": [{"id": "code", "status": "under-review"}]},
    }))
    .expect("reads");
    assert_eq!(report.license.family, Family::Unknown);
    assert!(report.license.osi_approved);
    assert_eq!(report.security.checks[0].risk, Risk::Unknown);
    assert_eq!(report.security.checks[0].risk.weight(), None);
    assert_eq!(report.un_principles[0].status, Status::Missing);
    assert_eq!(report.ai.unwrap().items[0].status, AiStatus::NeedsReview);
}

#[test]
fn a_value_of_the_wrong_type_is_an_error_not_a_default() {
    for wrong in [
        json!({"security": {"score": "high"}}),
        json!({"license": {"files": {"file": "LICENSE"}}}),
        json!({"cost": {"codeLines": -1}}),
        json!({"unPrinciples": [{"id": 3}]}),
        json!([1, 2]),
    ] {
        assert!(
            serde_json::from_value::<Assessment>(wrong.clone()).is_err(),
            "{wrong}"
        );
    }
}

#[test]
fn facets_are_the_reports_own_values() {
    let report: Assessment = serde_json::from_str(METHOD_1).unwrap();
    let facets = report.facets();
    assert_eq!(facets.license_family, "permissive");
    assert!(facets.osi_approved);
    assert_eq!(facets.vitality, Some(50));
    assert_eq!(facets.security_score, Some(6.7));
    assert_eq!(facets.vulnerabilities, Some(1));
    assert_eq!(facets.vulnerabilities_present(), Some(true));
    // Without OSV data the count is unknown, not zero.
    let mut without = report.clone();
    without.vulnerabilities.database_available = false;
    assert_eq!(without.facets().vulnerabilities, None);
}

#[test]
fn declarations_decide_again_what_evidence_did_not() {
    let mut report: Assessment = serde_json::from_str(METHOD_1).unwrap();
    // No current declaration: the stored declared and not-applicable items go back to
    // missing; a met item stays met.
    report.apply_declarations(|_| None);
    assert_eq!(report.un_principles[2].status, Status::Missing);
    assert!(report.un_principles[2].declaration.is_none());
    assert_eq!(report.dpg_indicators[0].status, Status::Missing);
    assert_eq!(report.dpg_indicators[1].status, Status::Met);
}

#[test]
fn a_sentence_keeps_its_message_and_arguments_through_json() {
    use commons_report::{Evidence, Message, MessageArg, Said};
    let said = Said {
        text: "3 binary artifacts checked in".into(),
        message: Some(Message {
            id: "security-binary-found".into(),
            args: [
                ("count".to_string(), MessageArg::Number(3)),
                ("file".to_string(), MessageArg::Text("bin/x.exe".into())),
            ]
            .into(),
        }),
    };
    let evidence = Evidence::rule("binary-artifact", said);
    let json = serde_json::to_value(&evidence).unwrap();
    assert_eq!(json["detail"], "3 binary artifacts checked in");
    assert_eq!(json["l10n"]["id"], "security-binary-found");
    assert_eq!(
        json["l10n"]["args"],
        json!({"count": 3, "file": "bin/x.exe"})
    );
    let read: Evidence = serde_json::from_value(json).unwrap();
    assert_eq!(read, evidence);
    // A plain value has no message, and writes none.
    let plain = serde_json::to_value(Evidence::rule("copyright-owner", "UNICEF")).unwrap();
    assert!(plain.get("l10n").is_none(), "{plain}");
}
