//! `commons audit verify|list` end to end: the binary on a real SQLite catalog and a real
//! PostgreSQL database; the table is tampered with raw SQL.

mod support;

use sqlx::Connection;
use std::path::Path;
use std::process::Output;
use support::{commons, stderr, stdout};

/// The binary with the catalog's place: `--data DIR` or `--database URL`.
fn run(store: &[&str], args: &[&str]) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    all.extend_from_slice(store);
    commons(&all)
}

/// An entry imported (its organisation created), a token issued and revoked.
fn history(store: &[&str]) {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml");
    let out = run(
        store,
        &[
            "import",
            "--publisher",
            "unicef",
            "--force-owner",
            example.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(store, &["publishers", "token", "issue", "unicef"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(store, &["publishers", "token", "revoke", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

async fn tamper(url: &str, sql: &str) {
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await.unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
}

async fn verify_list_and_tamper(store: &[&str], url: &str) {
    history(store);
    let out = run(store, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Audit log intact: 3 entries; last hash "),
        "{}",
        stdout(&out)
    );

    let out = run(store, &["audit", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let firsts: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(firsts.len(), 3, "{text}");
    assert!(
        firsts[0].starts_with("3  ")
            && firsts[0].ends_with("operator (cli)  token.revoke  token:1"),
        "{text}"
    );
    assert!(
        firsts[2].contains("organisation.create  organisation:unicef"),
        "{text}"
    );
    assert!(!text.contains("cmn_"), "no token in the log: {text}");

    let out = run(
        store,
        &[
            "audit",
            "list",
            "--action",
            "token.issue",
            "--since",
            "1d",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let entries: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 1);
    assert_eq!(entries[0]["actor"], "operator (cli)");
    let out = run(store, &["audit", "list", "--actor", "nobody"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).is_empty());

    tamper(
        url,
        "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2",
    )
    .await;
    let out = run(store, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).starts_with("Audit log broken at entry 2: "),
        "{}",
        stdout(&out)
    );
    tamper(url, "DELETE FROM audit_log WHERE seq = 2").await;
    let out = run(store, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("entry 2: this row is missing"),
        "{}",
        stdout(&out)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_verify_and_list_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let url = format!("sqlite://{}", data.join("commons.db").display());
    verify_list_and_tamper(&["--data", data.to_str().unwrap()], &url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_verify_and_list_on_postgres() {
    let Some(url) = commons_test_support::fresh_postgres_database("commons_cli_audit").await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    verify_list_and_tamper(
        &["--database", &url, "--data", dir.path().to_str().unwrap()],
        &url,
    )
    .await;
}

#[test]
fn an_unopenable_catalog_is_exit_2() {
    let out = commons(&["audit", "verify", "--database", "mysql://nowhere/x"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
