//! Every release's database opens in this one with nothing lost. `tests/fixtures` keeps, per
//! version, a catalog written by that version (a SQLite backup and a pg_dump archive, from
//! `examples/write_upgrade_fixture.rs`) and a manifest of what it held; each is opened with
//! this code, migrated, and compared with its manifest.

use commons_catalog::*;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The fixtures with `extension`, oldest version first.
fn fixture_files(extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

fn manifest_of(fixture: &Path) -> serde_json::Value {
    let path = PathBuf::from(format!("{}.json", fixture.display()));
    let path = if path.exists() {
        path
    } else {
        fixture.with_extension("json")
    };
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Compares an upgraded catalog with the manifest its version wrote.
async fn assert_nothing_lost(c: &Catalog, manifest: &serde_json::Value, what: &str) {
    assert_eq!(
        c.check_integrity().await.unwrap(),
        Vec::<String>::new(),
        "{what}"
    );
    let summary = c.summary().await.unwrap();
    let expected = &manifest["summary"];
    let counts = [
        ("entries", summary.entries),
        ("revisions", summary.revisions),
        ("organisations", summary.organisations),
        ("assessments", summary.assessments),
        ("declarations", summary.declarations),
        ("tokens", summary.tokens),
        ("hookSecrets", summary.hook_secrets),
        ("crawlOutcomes", summary.crawl_outcomes),
        ("lastChange", summary.last_change),
    ];
    for (name, value) in counts {
        assert_eq!(Some(value), expected[name].as_i64(), "{what}: {name}");
    }
    for entry in manifest["entries"].as_array().unwrap() {
        let id = entry["id"].as_str().unwrap();
        let sw = c
            .software(id)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{what}: {id}"));
        assert_eq!(Some(sw.listed), entry["listed"].as_bool(), "{what}: {id}");
        assert_eq!(
            sw.problem.as_deref(),
            entry["problem"].as_str(),
            "{what}: {id}"
        );
        let revisions = c.revisions(id).await.unwrap().len() as u64;
        assert_eq!(Some(revisions), entry["revisions"].as_u64(), "{what}: {id}");
        let live = match sw.live_revision_id {
            Some(revision) => c.raw(revision).await.unwrap(),
            None => None,
        };
        let digest = live.map(|text| hex::encode(Sha256::digest(text.as_bytes())));
        assert_eq!(
            digest.as_deref(),
            entry["liveSha256"].as_str(),
            "{what}: {id}"
        );
        let declared = c.current_declarations(id).await.unwrap().len() as u64;
        assert_eq!(
            Some(declared),
            entry["currentDeclarations"].as_u64(),
            "{what}: {id}"
        );
    }
    let assessment = c
        .latest_assessment("git-example-org-unicef-tool0")
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{what}: the assessment"));
    assert_eq!(
        assessment.body["license"]["spdx"], "AGPL-3.0-only",
        "{what}"
    );
    // Secrets issued by the old version still work.
    let token = manifest["fixtureToken"].as_str().unwrap();
    let identity = c
        .authenticate(token, 1_000)
        .await
        .unwrap()
        .expect("the token still works");
    assert_eq!(identity.organisation_id, "unicef", "{what}");
    let hook = manifest["fixtureHookSecret"].as_str().unwrap();
    assert_eq!(
        c.hook_publisher(hook).await.unwrap().as_deref(),
        Some("unicef"),
        "{what}"
    );
    // And the upgraded catalog takes writes, numbered after the old ones.
    let last = summary.last_change;
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml"),
    )
    .unwrap();
    let written = c
        .ingest(&crate::request(
            "https://git.example.org/unicef/new",
            &text,
            9_000,
        ))
        .await
        .unwrap();
    assert!(written.seq > last, "{what}");
}

/// A release must leave its fixtures behind, or the next one cannot prove it opens them.
#[test]
fn this_version_has_its_fixtures() {
    let stem = format!("catalog-v{}", env!("CARGO_PKG_VERSION"));
    for extension in ["sqlite", "json", "pgdump", "pgdump.json"] {
        let file = fixtures().join(format!("{stem}.{extension}"));
        assert!(
            file.exists(),
            "{} is missing: run examples/write_upgrade_fixture.rs",
            file.display()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_sqlite_fixture_opens_migrated_with_nothing_lost() {
    let files = fixture_files("sqlite");
    assert!(!files.is_empty());
    for fixture in files {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(&fixture, dir.path().join("commons.db")).unwrap();
        let catalog = Catalog::open(None, dir.path()).await.unwrap();
        let what = fixture.display().to_string();
        assert_nothing_lost(&catalog, &manifest_of(&fixture), &what).await;
        catalog.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_postgres_fixture_restores_migrated_with_nothing_lost() {
    let files = fixture_files("pgdump");
    assert!(!files.is_empty());
    for fixture in files {
        let Some(url) = commons_test_support::fresh_postgres_database("commons_upgrade").await
        else {
            return;
        };
        let catalog = restore_postgres(&fixture, &url).await.unwrap();
        let what = fixture.display().to_string();
        assert_nothing_lost(&catalog, &manifest_of(&fixture), &what).await;
        catalog.close().await;
    }
}
