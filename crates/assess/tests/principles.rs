use crate::support::*;
use commons_assess::Input;
use commons_assess::ai::AiStatus;
use commons_assess::principles::{Declaration, Declarations, Status};

fn status(items: &[commons_assess::principles::Item], id: &str) -> Status {
    items
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("{id}"))
        .status
}

fn community_repo() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("EUPL-1.2"));
    repo.write("publiccode.yml", publiccode("EUPL-1.2"));
    repo.write("CONTRIBUTING.md", "How to contribute.");
    repo.write("CODE_OF_CONDUCT.md", "Be kind.");
    repo.write(
        "SECURITY.md",
        "Write to security@example.org about any vulnerability; disclosure in 90 days.",
    );
    repo.write(".github/dependabot.yml", "version: 2\n");
    repo.write("AUTHORS", "A\nB\n");
    repo.write("README.md", "x".repeat(600));
    repo.write(
        "src/main.rs",
        "// a comment\n\nfn main() {\n    println!(\"hi\");\n}\n",
    );
    repo.commit_as("A", "a@example.org", NOW - 100 * DAY);
    repo.commit_as("B", "b@example.org", NOW - 50 * DAY);
    repo
}

#[test]
fn principles_met_with_evidence_declared_or_missing() {
    let repo = community_repo();
    let db = commons_assess::osv::Database::from_store(commons_assess::osv::Store {
        format: 1,
        as_of: Some("2026-05-01T00:00:00Z".into()),
        source: "test".into(),
        records: vec![],
    });
    let mut declarations = Declarations::new();
    declarations.insert(
        "dpg-privacy-and-laws".into(),
        Declaration {
            by: "Jane Doe".into(),
            role: Some("Chief Information Officer".into()),
            at: "2026-05-20".into(),
            statement: Some("Complies with GDPR".into()),
            url: None,
            not_applicable: false,
        },
    );
    let a = assess_with(
        repo.path(),
        Input {
            osv: Some(&db),
            declarations,
            now: NOW,
            ..Default::default()
        },
    );
    assert!(a.publiccode.valid, "{:?}", a.errors);
    for id in [
        "un-open-by-default",
        "un-contribute-back",
        "un-secure-by-design",
        "un-inclusive-participation",
        "un-design-for-reusability",
        "un-provide-documentation",
        "un-rise",
        "un-sustain-and-scale",
    ] {
        assert_eq!(status(&a.un_principles, id), Status::Met, "{id}");
    }
    assert_eq!(status(&a.dpg_indicators, "dpg-open-licensing"), Status::Met);
    assert_eq!(
        status(&a.dpg_indicators, "dpg-clear-ownership"),
        Status::Met
    );
    assert_eq!(
        status(&a.dpg_indicators, "dpg-privacy-and-laws"),
        Status::Declared
    );
    assert_eq!(
        status(&a.dpg_indicators, "dpg-sdg-relevance"),
        Status::Missing
    );
    let open = a
        .un_principles
        .iter()
        .find(|i| i.id == "un-open-by-default")
        .unwrap();
    assert!(
        open.evidence
            .iter()
            .any(|e| e.file.as_deref() == Some("publiccode.yml"))
    );
    let declared = a
        .dpg_indicators
        .iter()
        .find(|i| i.id == "dpg-privacy-and-laws")
        .unwrap();
    assert_eq!(declared.declaration.as_ref().unwrap().by, "Jane Doe");
    // Cost: 3 code lines of Rust (comment and blank excluded); 3 organisations use it.
    assert_eq!(a.cost.code_lines, 3);
    assert_eq!(a.cost.by_language.get("Rust"), Some(&3));
    assert_eq!(a.cost.used_by, 3);
    assert!(a.cost.estimated_cost > 0.0);
    assert!(a.ai.is_none(), "not an AI system");
}

#[test]
fn a_bare_repository_misses_the_principles() {
    let repo = TestRepo::new();
    repo.write("main.c", "int main(void) { return 0; }\n");
    repo.commit();
    let a = assess(repo.path());
    for item in a.un_principles.iter() {
        assert_eq!(item.status, Status::Missing, "{}", item.id);
    }
    assert_eq!(
        status(&a.dpg_indicators, "dpg-open-licensing"),
        Status::Missing
    );
}

#[test]
fn an_ai_system_is_checked_against_osaid() {
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("Apache-2.0"));
    repo.write("MODEL_CARD.md", "---\nlicense: apache-2.0\n---\n# Model\n\n## Training data\nPublic datasets listed at https://example.org/data.\n");
    repo.write(
        "weights/model.safetensors",
        b"\x00\x01binary weights".as_slice(),
    );
    repo.write("train.py", "print('training')\n");
    repo.commit();
    let a = assess(repo.path());
    let ai = a.ai.as_ref().expect("AI system detected");
    let item = |id: &str| ai.items.iter().find(|i| i.id == id).unwrap().status;
    assert_eq!(item("parameters"), AiStatus::Met);
    assert_eq!(item("code"), AiStatus::Met);
    assert_eq!(item("data-information"), AiStatus::Met);

    let restricted = TestRepo::new();
    restricted.write(
        "model_card.md",
        "---\nlicense: openrail\n---\nweights: https://example.org/weights\n",
    );
    restricted.commit();
    let a = assess(restricted.path());
    let ai = a.ai.as_ref().unwrap();
    let item = |id: &str| ai.items.iter().find(|i| i.id == id).unwrap().status;
    assert_eq!(item("parameters"), AiStatus::NeedsReview);
    assert_eq!(item("code"), AiStatus::Missing);
    assert_eq!(item("data-information"), AiStatus::Missing);
}

#[test]
fn json_shape_and_facets() {
    let repo = community_repo();
    let a = assess(repo.path());
    let json = serde_json::to_value(&a).unwrap();
    for key in [
        "methodVersion",
        "commit",
        "license",
        "security",
        "vulnerabilities",
        "vitality",
        "unPrinciples",
        "dpgIndicators",
        "cost",
        "errors",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["license"]["family"], "strong-copyleft");
    assert_eq!(json["unPrinciples"][0]["status"], "met");
    // The stored JSON reads back as the same report, whole.
    let read: commons_assess::Assessment = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(read, a);
    let facets = read.facets();
    assert_eq!(facets.license_family, "strong-copyleft");
    assert!(facets.osi_approved);
    assert!(facets.vitality.is_some());
    assert_eq!(facets.vulnerabilities, None);
}
