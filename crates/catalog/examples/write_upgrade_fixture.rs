//! Writes the upgrade fixtures of this version: a catalog with entries, revisions (an update,
//! an invalid update), an assessment, tokens (one revoked), declarations (one withdrawn) and a
//! webhook secret, as a SQLite backup and, when `COMMONS_TEST_POSTGRES` names a server, as a
//! pg_dump archive; and a manifest of what they hold, which the upgrade test checks after
//! opening them with later code. Run once per release, before the next one changes the schema:
//!
//! ```sh
//! export COMMONS_TEST_POSTGRES=$(scripts/postgres.sh start)
//! cargo run -p commons-catalog --example write_upgrade_fixture -- crates/catalog/tests/fixtures
//! ```

use commons_catalog::*;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const KEY: &str = "the upgrade fixture's webhook key, 32 bytes or more";

fn example() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml"),
    )
    .expect("the example publiccode.yml")
}

fn request(url: &str, source: &str, at: i64) -> IngestRequest {
    IngestRequest {
        repository_url: url.to_string(),
        forge: ForgeKind::Git,
        default_branch: Some("main".into()),
        commit: Some(format!("{at:040x}")),
        publisher: None,
        source: source.as_bytes().to_vec(),
        seen_at: at,
    }
}

/// Fills the catalog; the secrets it issued (token, webhook secret).
async fn fill(c: &Catalog) -> (String, String) {
    for i in 0..12 {
        let url = format!("https://git.example.org/unicef/tool{i}");
        let text = example().replace("name: Primero", &format!("name: Tool {i}"));
        c.ingest(&request(&url, &text, 1_000 + i)).await.unwrap();
    }
    let base = example().replace("name: Primero", "name: Tool 0");
    let updated = base.replace("2.11.0", "2.12.0");
    let tool0 = c
        .ingest(&request(
            "https://git.example.org/unicef/tool0",
            &updated,
            2_000,
        ))
        .await
        .unwrap();
    let invalid = example()
        .replace("name: Primero", "name: Tool 1")
        .replace("developmentStatus: stable", "developmentStatus: done");
    c.ingest(&request(
        "https://git.example.org/unicef/tool1",
        &invalid,
        2_001,
    ))
    .await
    .unwrap();
    c.record_assessment(&NewAssessment {
        software_id: tool0.software_id.clone(),
        revision_id: None,
        commit: Some(format!("{:040x}", 2_000)),
        method_version: "fixture/1".into(),
        assessed_at: 2_002,
        facets: Some(serde_json::json!({"licenseFamily": "copyleft", "osiApproved": true})),
        body: serde_json::json!({"license": {"spdx": "AGPL-3.0-only"}}),
    })
    .await
    .unwrap();
    let token = c
        .issue_token("unicef", Some("fixture"), 2_003, "test")
        .await
        .unwrap();
    let revoked = c
        .issue_token("unicef", Some("revoked"), 2_004, "test")
        .await
        .unwrap();
    c.revoke_token(revoked.id, 2_005, "test").await.unwrap();
    let statement = |text: &str| NewDeclaration {
        by: "Jane Doe".into(),
        role: Some("Data protection officer".into()),
        statement: Some(text.into()),
        url: None,
        not_applicable: false,
    };
    let id = &tool0.software_id;
    c.declare(
        id,
        "dpg-privacy-and-laws",
        &statement("Reviewed."),
        token.id,
        2_006,
    )
    .await
    .unwrap();
    c.declare(
        id,
        "dpg-data-extraction",
        &statement("Open formats."),
        token.id,
        2_007,
    )
    .await
    .unwrap();
    c.withdraw(id, "dpg-data-extraction", token.id, 2_008)
        .await
        .unwrap();
    let key = WebhookKey::new(KEY).unwrap();
    let hook = c
        .rotate_hook_secret(&key, "unicef", 2_009, "test")
        .await
        .unwrap();
    (token.secret, hook.secret)
}

/// What the upgrade test checks: counts, and each entry's state and live content's hash.
async fn manifest_of(c: &Catalog, token: &str, hook: &str) -> serde_json::Value {
    let summary = c.summary().await.unwrap();
    let mut entries = Vec::new();
    for sw in c.software_page(None, 1_000, true).await.unwrap() {
        let live = match sw.live_revision_id {
            Some(id) => c.raw(id).await.unwrap(),
            None => None,
        };
        entries.push(serde_json::json!({
            "id": sw.id,
            "listed": sw.listed,
            "problem": sw.problem,
            "revisions": c.revisions(&sw.id).await.unwrap().len(),
            "liveSha256": live.map(|text| hex::encode(Sha256::digest(text.as_bytes()))),
            "currentDeclarations": c.current_declarations(&sw.id).await.unwrap().len(),
        }));
    }
    serde_json::json!({
        "version": env!("CARGO_PKG_VERSION"),
        "summary": {
            "entries": summary.entries,
            "revisions": summary.revisions,
            "organisations": summary.organisations,
            "assessments": summary.assessments,
            "declarations": summary.declarations,
            "tokens": summary.tokens,
            "hookSecrets": summary.hook_secrets,
            "crawlOutcomes": summary.crawl_outcomes,
            "lastChange": summary.last_change,
        },
        "entries": entries,
        "fixtureToken": token,
        "fixtureHookSecret": hook,
        "webhookKey": KEY,
    })
}

#[tokio::main]
async fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: write_upgrade_fixture DIR"),
    );
    std::fs::create_dir_all(&out).unwrap();
    let stem = format!("catalog-v{}", env!("CARGO_PKG_VERSION"));
    let work = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(None, work.path()).await.unwrap();
    let (token, hook) = fill(&catalog).await;
    let sqlite = out.join(format!("{stem}.sqlite"));
    let _ = std::fs::remove_file(&sqlite);
    catalog.backup_sqlite(&sqlite).await.unwrap();
    let manifest = manifest_of(&catalog, &token, &hook).await;
    catalog.close().await;
    let text = serde_json::to_string_pretty(&manifest).unwrap() + "\n";
    std::fs::write(out.join(format!("{stem}.json")), text).unwrap();
    eprintln!("wrote {}", sqlite.display());

    // The same catalog in PostgreSQL (same operations, so the same manifest but for the
    // secrets, which are random: kept in their own manifest).
    if let Some(url) = commons_test_support::fresh_postgres_database("commons_fixture").await {
        let catalog = Catalog::open(Some(&url), Path::new("/nonexistent"))
            .await
            .unwrap();
        let (token, hook) = fill(&catalog).await;
        let manifest = manifest_of(&catalog, &token, &hook).await;
        catalog.close().await;
        let dump = out.join(format!("{stem}.pgdump"));
        let _ = std::fs::remove_file(&dump);
        backup_postgres(&url, &dump).unwrap();
        let text = serde_json::to_string_pretty(&manifest).unwrap() + "\n";
        std::fs::write(out.join(format!("{stem}.pgdump.json")), text).unwrap();
        eprintln!("wrote {}", dump.display());
    }
}
