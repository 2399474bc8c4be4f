//! Backups under writes and restores, on SQLite and on PostgreSQL: everything committed before
//! the backup began is in the restored catalog, which passes its integrity check; a backup
//! never replaces a file and a restore never writes over a catalog.

use crate::{example, request};
use commons_catalog::*;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const KEY: &str = "a test key of at least thirty-two bytes";

/// Fills a catalog with entries, revisions, an assessment, a token, a declaration and a
/// webhook secret.
async fn fill(c: &Catalog, entries: usize) {
    for i in 0..entries {
        let url = format!("https://git.example.org/unicef/tool{i}");
        let text = example().replace("name: Primero", &format!("name: Tool {i}"));
        c.ingest(&request(&url, &text, 100 + i as i64))
            .await
            .unwrap();
    }
    let url = "https://git.example.org/unicef/tool0";
    let changed = example()
        .replace("name: Primero", "name: Tool 0")
        .replace("2.11.0", "2.12.0");
    let update = c.ingest(&request(url, &changed, 5_000)).await.unwrap();
    c.record_assessment(&NewAssessment {
        software_id: update.software_id.clone(),
        revision_id: None,
        commit: Some("a".repeat(40)),
        method_version: "test/1".into(),
        assessed_at: 5_001,
        facets: Some(serde_json::json!({"licenseFamily": "copyleft"})),
        body: serde_json::json!({"license": {"spdx": "AGPL-3.0-only"}}),
    })
    .await
    .unwrap();
    let token = c
        .issue_token("unicef", Some("backup test"), 5_002, "test")
        .await
        .unwrap();
    let declaration = NewDeclaration {
        by: "Jane Doe".into(),
        role: Some("Data protection officer".into()),
        statement: Some("No personal data leaves the country.".into()),
        url: None,
        not_applicable: false,
    };
    c.declare(
        &update.software_id,
        "dpg-privacy-and-laws",
        &declaration,
        token.id,
        5_003,
    )
    .await
    .unwrap();
    let key = WebhookKey::new(KEY).unwrap();
    c.rotate_hook_secret(&key, "unicef", 5_004, "test")
        .await
        .unwrap();
}

/// Writes new entries until told to stop; how many it wrote.
fn keep_writing(c: Catalog, stop: Arc<AtomicBool>) -> tokio::task::JoinHandle<usize> {
    tokio::spawn(async move {
        let mut written = 0;
        while !stop.load(Ordering::Relaxed) {
            let url = format!("https://git.example.org/unicef/late{written}");
            let text = example().replace("name: Primero", &format!("name: Late {written}"));
            c.ingest(&request(&url, &text, 10_000 + written as i64))
                .await
                .unwrap();
            written += 1;
        }
        written
    })
}

/// A writer started on a filled catalog, and what was committed once it got going: the floor
/// a backup taken now must hold.
struct UnderWrites {
    stop: Arc<AtomicBool>,
    writer: tokio::task::JoinHandle<usize>,
    before: CatalogSummary,
    before_ids: Vec<String>,
}

impl UnderWrites {
    async fn start(live: &Catalog) -> UnderWrites {
        let stop = Arc::new(AtomicBool::new(false));
        let writer = keep_writing(live.clone(), Arc::clone(&stop));
        // Let the writer get going, then take what is committed now as the floor.
        while live.count(true).await.unwrap() < 45 {
            tokio::task::yield_now().await;
        }
        UnderWrites {
            stop,
            writer,
            before: live.summary().await.unwrap(),
            before_ids: ids(live).await,
        }
    }

    /// Stops the writer; how many entries it wrote.
    async fn stop(self) -> (CatalogSummary, Vec<String>, usize) {
        self.stop.store(true, Ordering::Relaxed);
        let written = self.writer.await.unwrap();
        (self.before, self.before_ids, written)
    }
}

/// The ids of every entry.
async fn ids(c: &Catalog) -> Vec<String> {
    let mut ids: Vec<String> = c
        .software_page(None, 100_000, true)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    ids.sort();
    ids
}

/// What must hold between the catalog before the backup and the restored one.
async fn assert_restored(before: &CatalogSummary, before_ids: &[String], restored: &Catalog) {
    assert_eq!(
        restored.check_integrity().await.unwrap(),
        Vec::<String>::new()
    );
    let after = restored.summary().await.unwrap();
    assert!(after.entries >= before.entries, "{after:?} / {before:?}");
    assert!(after.revisions >= before.revisions);
    assert!(after.last_change >= before.last_change);
    assert_eq!(after.assessments, before.assessments);
    assert_eq!(after.declarations, before.declarations);
    assert_eq!(after.tokens, before.tokens);
    assert_eq!(after.hook_secrets, before.hook_secrets);
    assert_eq!(after.organisations, before.organisations);
    let restored_ids = ids(restored).await;
    for id in before_ids {
        assert!(
            restored_ids.contains(id),
            "{id} was committed before the backup"
        );
    }
    // The content too, not only the rows: the updated entry's live file and its declaration.
    let tool = restored
        .software("git-example-org-unicef-tool0")
        .await
        .unwrap()
        .unwrap();
    let live = restored
        .raw(tool.live_revision_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(live.contains("2.12.0"));
    assert_eq!(restored.revisions(&tool.id).await.unwrap().len(), 2);
    let declared = restored.current_declarations(&tool.id).await.unwrap();
    assert_eq!(declared.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_backup_under_writes_restores_everything_committed_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let live = Catalog::open(None, &dir.path().join("live")).await.unwrap();
    fill(&live, 40).await;
    let writes = UnderWrites::start(&live).await;
    let file = dir.path().join("catalog.backup");
    let (bytes, in_backup) = live.backup_sqlite(&file).await.unwrap();
    let (before, before_ids, written) = writes.stop().await;
    assert!(
        bytes > 0 && written > 5,
        "{bytes} bytes, {written} written meanwhile"
    );
    assert!(in_backup.entries >= before.entries);
    assert_eq!(backup_format(&file).unwrap(), BackupFormat::Sqlite);
    assert!(
        !dir.path().join(".catalog.backup.partial").exists(),
        "nothing left under the temporary name"
    );

    let restored = restore_sqlite(&file, &dir.path().join("restored"))
        .await
        .unwrap();
    assert_restored(&before, &before_ids, &restored).await;
    assert_eq!(
        restored.summary().await.unwrap(),
        in_backup,
        "what the backup said it held"
    );

    // A backup never replaces a file; a restore never writes over a catalog.
    let again = live.backup_sqlite(&file).await.unwrap_err().to_string();
    assert!(again.contains("exists already"), "{again}");
    let over = restore_sqlite(&file, &dir.path().join("live"))
        .await
        .err()
        .unwrap();
    assert!(
        over.to_string().contains("holds a catalog already"),
        "{over}"
    );
    // A file that is no backup is refused before anything is written.
    let junk = dir.path().join("junk");
    std::fs::write(&junk, b"not a database").unwrap();
    assert!(
        restore_sqlite(&junk, &dir.path().join("other"))
            .await
            .is_err()
    );
    assert!(!dir.path().join("other/commons.db").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_sqlite_backup_is_refused_and_nothing_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let live = Catalog::open(None, &dir.path().join("live")).await.unwrap();
    fill(&live, 200).await;
    let file = dir.path().join("catalog.backup");
    live.backup_sqlite(&file).await.unwrap();
    // Overwrite pages in the middle of the file, keeping its header.
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    for byte in &mut bytes[middle..middle + 8192] {
        *byte = 0x5a;
    }
    std::fs::write(&file, bytes).unwrap();
    let target = dir.path().join("restored");
    let refused = restore_sqlite(&file, &target)
        .await
        .err()
        .unwrap()
        .to_string();
    assert!(
        refused.contains("integrity")
            || refused.contains("malformed")
            || refused.contains("database"),
        "{refused}"
    );
    assert!(!target.join("commons.db").exists(), "nothing restored");
    assert!(
        !target.join(".commons.db.partial").exists(),
        "nothing left behind"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_backup_under_writes_restores_everything_committed_before_it() {
    let Some(url) = commons_test_support::fresh_postgres_database("commons_backup").await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let live = Catalog::open(Some(&url), Path::new("/nonexistent"))
        .await
        .unwrap();
    fill(&live, 40).await;
    let writes = UnderWrites::start(&live).await;
    let file = dir.path().join("catalog.dump");
    let url_for_dump = url.clone();
    let dump_file = file.clone();
    let bytes = tokio::task::spawn_blocking(move || backup_postgres(&url_for_dump, &dump_file))
        .await
        .unwrap()
        .unwrap();
    let (before, before_ids, written) = writes.stop().await;
    assert!(
        bytes > 0 && written > 0,
        "{bytes} bytes, {written} written meanwhile"
    );
    assert_eq!(backup_format(&file).unwrap(), BackupFormat::PgDump);

    let empty = commons_test_support::fresh_postgres_database("commons_restore")
        .await
        .unwrap();
    let restored = restore_postgres(&file, &empty).await.unwrap();
    assert_restored(&before, &before_ids, &restored).await;
    // The restored change counter goes on from where the backup was: a replica following it
    // misses nothing and reuses no number.
    let last = restored.summary().await.unwrap().last_change;
    let next = restored
        .ingest(&request(
            "https://git.example.org/unicef/after",
            &example(),
            20_000,
        ))
        .await
        .unwrap();
    assert!(next.seq > last, "{} after {last}", next.seq);
    assert_eq!(
        restored.check_integrity().await.unwrap(),
        Vec::<String>::new()
    );
    restored.close().await;
    // Into a database that holds a catalog: refused, and that catalog is untouched.
    let over = restore_postgres(&file, &url)
        .await
        .err()
        .unwrap()
        .to_string();
    assert!(over.contains("holds tables already"), "{over}");
    assert!(live.summary().await.unwrap().entries >= before.entries);
    live.close().await;
}

/// PostgreSQL drops every connection of the catalog (as a restart does) again and again while
/// it reads and writes: each write either commits whole or fails with an error; reads and
/// writes work again afterwards; the catalog passes its integrity check.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_postgres_connections_lose_no_committed_write_and_leave_nothing_half_written() {
    use sqlx::Connection;
    let Some(url) = commons_test_support::fresh_postgres_database("commons_drop").await else {
        return;
    };
    let live = Catalog::open(Some(&url), Path::new("/nonexistent"))
        .await
        .unwrap();
    fill(&live, 5).await;
    let database = url.rsplit_once('/').unwrap().1.to_string();
    let writer = {
        let live = live.clone();
        tokio::spawn(async move {
            let (mut committed, mut failed) = (Vec::new(), 0);
            for i in 0..150 {
                let url = format!("https://git.example.org/unicef/dropped{i}");
                let text = example().replace("name: Primero", &format!("name: Dropped {i}"));
                match live.ingest(&request(&url, &text, 30_000 + i)).await {
                    Ok(outcome) => committed.push(outcome.software_id),
                    Err(_) => failed += 1,
                }
            }
            (committed, failed)
        })
    };
    let mut admin = sqlx::PgConnection::connect(&url).await.unwrap();
    let mut dropped = 0i64;
    for _ in 0..8 {
        tokio::time::sleep(std::time::Duration::from_millis(40)).await;
        let row: (i64,) = sqlx::query_as(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity \
             WHERE datname = $1 AND pid <> pg_backend_pid()",
        )
        .bind(&database)
        .fetch_one(&mut admin)
        .await
        .unwrap();
        dropped += row.0;
    }
    let (committed, failed) = writer.await.unwrap();
    assert!(dropped > 0, "connections were dropped");
    eprintln!(
        "{} writes committed, {failed} failed, {dropped} connections dropped",
        committed.len()
    );
    // Reads work again (the pool opens new connections).
    let mut read = None;
    for _ in 0..20 {
        if let Ok(count) = live.count(true).await {
            read = Some(count);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let count = read.expect("reads recover");
    assert_eq!(count as usize, 5 + committed.len(), "{failed} failed");
    for id in &committed {
        let entry = live
            .software(id)
            .await
            .unwrap()
            .expect("a committed write stays");
        assert!(entry.live_revision_id.is_some(), "{id} is whole");
    }
    assert_eq!(live.check_integrity().await.unwrap(), Vec::<String>::new());
    // And a write works again.
    live.ingest(&request(
        "https://git.example.org/unicef/after-drops",
        &example(),
        40_000,
    ))
    .await
    .unwrap();
    live.close().await;
}
