//! The storage suite. Every test runs on SQLite (a temporary data directory) and on a real
//! PostgreSQL server (a fresh database per test, on the server that `scripts/postgres.sh`
//! starts and names in `COMMONS_TEST_POSTGRES`).

use commons_catalog::*;
use std::future::Future;
use std::path::Path;

struct Fixture {
    catalog: Catalog,
    url: String,
    _dir: Option<tempfile::TempDir>,
}

async fn sqlite() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(None, dir.path())
        .await
        .expect("sqlite catalog");
    let url = format!("sqlite://{}", dir.path().join("commons.db").display());
    Fixture {
        catalog,
        url,
        _dir: Some(dir),
    }
}

async fn postgres() -> Option<Fixture> {
    let url = commons_test_support::fresh_postgres_database("commons_test").await?;
    let catalog = Catalog::open(Some(&url), Path::new("/nonexistent"))
        .await
        .expect("postgres catalog");
    Some(Fixture {
        catalog,
        url,
        _dir: None,
    })
}

/// Runs the same test body on both backends.
async fn on_both<F, Fut>(test: F)
where
    F: Fn(Catalog) -> Fut,
    Fut: Future<Output = ()>,
{
    on_both_with_url(|c, _| test(c)).await;
}

async fn on_both_with_url<F, Fut>(test: F)
where
    F: Fn(Catalog, String) -> Fut,
    Fut: Future<Output = ()>,
{
    let s = sqlite().await;
    assert_eq!(s.catalog.backend(), Backend::Sqlite);
    test(s.catalog.clone(), s.url.clone()).await;
    if let Some(p) = postgres().await {
        assert_eq!(p.catalog.backend(), Backend::Postgres);
        test(p.catalog.clone(), p.url.clone()).await;
        p.catalog.close().await;
    }
}

fn example() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml"),
    )
    .unwrap()
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

const URL: &str = "https://git.example.org/unicef/primero";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_creates_then_is_a_no_op_then_updates() {
    on_both(|c| async move {
        let first = c.ingest(&request(URL, &example(), 100)).await.unwrap();
        assert_eq!(first.change, Change::Created);
        assert_eq!(first.software_id, "git-example-org-unicef-primero");
        let again = c.ingest(&request(URL, &example(), 200)).await.unwrap();
        assert_eq!(again.change, Change::Unchanged);
        assert_eq!(again.seq, first.seq, "no write, no new change number");
        assert_eq!(c.revisions(&first.software_id).await.unwrap().len(), 1);

        let changed = example().replace("2.11.0", "2.12.0");
        let update = c.ingest(&request(URL, &changed, 300)).await.unwrap();
        assert_eq!(update.change, Change::Updated);
        assert!(update.seq > first.seq);
        let sw = c.software(&first.software_id).await.unwrap().unwrap();
        assert!(sw.listed);
        assert_eq!(
            sw.publiccode.unwrap().software_version.as_deref(),
            Some("2.12.0")
        );
        assert_eq!(sw.updated_at, 300);
        assert_eq!(sw.created_at, 100);
        assert_eq!(sw.organisation_id.as_deref(), Some("unicef"));
        let raw = c.raw(sw.live_revision_id.unwrap()).await.unwrap().unwrap();
        assert_eq!(raw, changed);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_content_is_stored_but_not_listed() {
    on_both(|c| async move {
        let bad = example().replace("developmentStatus: stable", "developmentStatus: done");
        let out = c.ingest(&request(URL, &bad, 10)).await.unwrap();
        assert_eq!(out.change, Change::StoredInvalid);
        let sw = c.software(&out.software_id).await.unwrap().unwrap();
        assert!(!sw.listed);
        assert!(sw.publiccode.is_none());
        assert!(sw.problem.unwrap().starts_with("developmentStatus:"));
        let revs = c.revisions(&out.software_id).await.unwrap();
        assert_eq!(revs.len(), 1);
        assert!(!revs[0].valid);
        assert_eq!(revs[0].errors[0].key, "developmentStatus");
        assert_eq!(c.count(false).await.unwrap(), 0);
        assert_eq!(c.count(true).await.unwrap(), 1);
        assert!(c.software_page(None, 10, false).await.unwrap().is_empty());
        assert_eq!(c.software_page(None, 10, true).await.unwrap().len(), 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_last_valid_revision_stays_live_after_an_invalid_update() {
    on_both(|c| async move {
        let ok = c.ingest(&request(URL, &example(), 10)).await.unwrap();
        let bad = example().replace("license: AGPL-3.0-or-later", "license: Nope");
        let out = c.ingest(&request(URL, &bad, 20)).await.unwrap();
        assert_eq!(out.change, Change::StoredInvalid);
        assert!(
            out.seq > ok.seq,
            "the problem is a change replicas must see"
        );
        let sw = c.software(&ok.software_id).await.unwrap().unwrap();
        assert!(sw.listed, "still listed");
        assert_eq!(sw.live_revision_id, Some(ok.revision_id));
        assert_eq!(sw.latest_revision_id, Some(out.revision_id));
        assert!(sw.problem.unwrap().contains("legal.license"));
        assert_eq!(sw.publiccode.unwrap().legal.license, "AGPL-3.0-or-later");

        // Fixing the file clears the problem; reverting to known content adds no revision.
        let fixed = c.ingest(&request(URL, &example(), 30)).await.unwrap();
        assert_eq!(fixed.change, Change::Updated);
        assert_eq!(fixed.revision_id, ok.revision_id);
        let sw = c.software(&ok.software_id).await.unwrap().unwrap();
        assert!(sw.problem.is_none());
        let revs = c.revisions(&ok.software_id).await.unwrap();
        assert_eq!(revs.len(), 2, "append-only, distinct contents");
        assert!(revs[0].id < revs[1].id);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisations_and_publishers() {
    on_both(|c| async move {
        c.ingest(&request(URL, &example(), 1)).await.unwrap();
        let mut req = request("https://git.example.org/who/dhis", &example(), 2);
        req.publisher = Some(Publisher {
            id: "who".into(),
            name: "World Health Organization".into(),
            uri: Some("https://www.who.int".into()),
        });
        let who = c.ingest(&req).await.unwrap();
        let orgs = c.organisations().await.unwrap();
        let names: Vec<(&str, i64)> = orgs
            .iter()
            .map(|o| (o.id.as_str(), o.software_count))
            .collect();
        assert_eq!(names, vec![("unicef", 1), ("who", 1)]);
        assert_eq!(
            c.organisation_software("who").await.unwrap(),
            vec![who.software_id.clone()]
        );
        assert_eq!(
            c.organisation("who").await.unwrap().unwrap().name,
            "World Health Organization"
        );
        assert!(c.organisation("nobody").await.unwrap().is_none());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_follow_a_stable_cursor() {
    on_both(|c| async move {
        for i in 0..25 {
            let text = example().replace("name: Primero", &format!("name: Tool {i:02}"));
            c.ingest(&request(
                &format!("https://git.example.org/t/{i:02}"),
                &text,
                i,
            ))
            .await
            .unwrap();
        }
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let page = c.software_page(cursor.as_deref(), 10, false).await.unwrap();
            if page.is_empty() {
                break;
            }
            cursor = page.last().map(|s| s.id.clone());
            seen.extend(page.into_iter().map(|s| s.id));
        }
        assert_eq!(seen.len(), 25);
        let mut sorted = seen.clone();
        sorted.sort();
        assert_eq!(seen, sorted);
    })
    .await;
}

/// A whole export, in pieces, as one document.
async fn export_all(c: &Catalog, format: export::CatalogFormat) -> Vec<u8> {
    let mut export = export::Export::new(format);
    let mut document = Vec::new();
    while let Some(chunk) = export.next_chunk(c).await.unwrap() {
        document.extend(chunk);
    }
    document
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_hold_every_listed_entry_with_its_text_as_published() {
    on_both(|c| async move {
        let mut sources = std::collections::HashMap::new();
        for i in 0..3 {
            let text = example().replace("name: Primero", &format!("name: Tool {i}"));
            let outcome = c
                .ingest(&request(
                    &format!("https://git.example.org/x/{i}"),
                    &text,
                    i,
                ))
                .await
                .unwrap();
            sources.insert(outcome.software_id, text);
        }
        c.ingest(&request("https://git.example.org/x/bad", "name: only\n", 9))
            .await
            .unwrap();

        let dump: serde_json::Value =
            serde_json::from_slice(&export_all(&c, export::CatalogFormat::Json).await).unwrap();
        let entries = dump["software"].as_array().unwrap();
        assert_eq!(entries.len(), 3, "the unlisted entry is left out");
        for entry in entries {
            let id = entry["id"].as_str().unwrap();
            assert_eq!(entry["publiccodeYml"], sources[id].as_str(), "{id}");
        }

        let turtle = export_all(&c, export::CatalogFormat::DcatAp).await;
        let records = oxttl::TurtleParser::new()
            .for_slice(&turtle)
            .map(|t| t.unwrap())
            .filter(|t| t.object.to_string() == "<http://www.w3.org/ns/dcat#CatalogRecord>")
            .count();
        assert_eq!(records, 3);

        let live: Vec<i64> = c
            .software_page(None, 10, false)
            .await
            .unwrap()
            .iter()
            .filter_map(|s| s.live_revision_id)
            .collect();
        let raws = c.raws(&[live[0], -1]).await.unwrap();
        assert_eq!(raws.len(), 1, "an unknown revision is not in the answer");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn change_numbers_are_gapless_and_ordered_under_concurrency() {
    on_both(|c| async move {
        let before = c.max_seq().await.unwrap();
        let mut tasks = Vec::new();
        for i in 0..40 {
            let c = c.clone();
            tasks.push(tokio::spawn(async move {
                let text = example().replace("name: Primero", &format!("name: Tool {i}"));
                c.ingest(&request(
                    &format!("https://git.example.org/c/{i}"),
                    &text,
                    i,
                ))
                .await
                .unwrap()
            }));
        }
        let mut seqs = Vec::new();
        for t in tasks {
            seqs.push(t.await.unwrap().seq);
        }
        seqs.sort();
        let expected: Vec<i64> = (before + 1..=before + 40).collect();
        assert_eq!(seqs, expected);
        let changes = c.changes_since(before, 1000).await.unwrap();
        assert_eq!(changes.len(), 40);
        assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq));
        let tail = c.changes_since(before + 35, 1000).await.unwrap();
        assert_eq!(tail.len(), 5);
        assert_eq!(c.max_seq().await.unwrap(), before + 40);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slugs_that_collide_get_a_suffix_never_an_overwrite() {
    on_both(|c| async move {
        let ok = c.ingest(&request(URL, &example(), 1)).await.unwrap();
        let other = c
            .ingest(&request(
                "https://git.example.org/unicef/primero.git/",
                &example(),
                2,
            ))
            .await
            .unwrap();
        assert_eq!(other.change, Change::Created);
        assert_eq!(other.software_id, "git-example-org-unicef-primero-2");
        assert_eq!(
            c.software(&ok.software_id)
                .await
                .unwrap()
                .unwrap()
                .repository_url,
            URL
        );
    })
    .await;
}

/// Installs a trigger that makes the database refuse any insert into `table` whose `column`
/// contains `FAIL-ME`: a failure in the middle of a write's transaction.
pub async fn refuse_inserts_saying_fail_me(
    c: &Catalog,
    url: &str,
    table: &'static str,
    column: &'static str,
) {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await.unwrap();
    let trigger = if c.backend() == Backend::Sqlite {
        format!(
            "CREATE TRIGGER refuse BEFORE INSERT ON {table} WHEN NEW.{column} LIKE '%FAIL-ME%' \
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
        )
    } else {
        format!(
            "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN \
               IF NEW.{column} LIKE '%FAIL-ME%' THEN RAISE EXCEPTION 'injected failure'; END IF; \
               RETURN NEW; END $$ LANGUAGE plpgsql; \
             CREATE TRIGGER refuse BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION refuse();"
        )
    };
    // The names are the tests' own constants.
    sqlx::raw_sql(sqlx::AssertSqlSafe(trigger))
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
}

/// A trigger makes the database refuse the revision insert, which comes after the change
/// number, the organisation and the entry were written in the same transaction: none of them
/// may survive.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failure_midway_leaves_nothing_behind() {
    on_both_with_url(|c, url| async move {
        refuse_inserts_saying_fail_me(&c, &url, "revisions", "raw").await;

        c.ingest(&request(URL, &example(), 1)).await.unwrap();
        let (count, seq, orgs) = (
            c.count(true).await.unwrap(),
            c.max_seq().await.unwrap(),
            c.organisations().await.unwrap().len(),
        );
        let poisoned = example()
            .replace("name: UNICEF", "name: New Agency")
            .replace("# An example", "# FAIL-ME");
        let err = c
            .ingest(&request("https://git.example.org/new/agency", &poisoned, 2))
            .await
            .expect_err("the trigger refuses");
        assert!(err.to_string().contains("injected failure"), "{err}");
        assert_eq!(c.count(true).await.unwrap(), count);
        assert_eq!(c.max_seq().await.unwrap(), seq);
        assert_eq!(c.organisations().await.unwrap().len(), orgs);
        // The catalog goes on working.
        let ok = c
            .ingest(&request(
                "https://git.example.org/new/agency",
                &example(),
                3,
            ))
            .await
            .unwrap();
        assert_eq!(ok.seq, seq + 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_sources_become_invalid_revisions() {
    on_both(|c| async move {
        let huge = vec![b'a'; 2 * 1024 * 1024];
        let mut req = request("https://git.example.org/h/huge", "", 1);
        req.source = huge;
        let out = c.ingest(&req).await.unwrap();
        assert_eq!(out.change, Change::StoredInvalid);
        let mut req = request("https://git.example.org/h/binary", "", 1);
        req.source = vec![0xff, 0x00, 0xfe, 0x01];
        let out = c.ingest(&req).await.unwrap();
        assert_eq!(out.change, Change::StoredInvalid);
        let revs = c.revisions(&out.software_id).await.unwrap();
        assert!(revs[0].errors[0].message.contains("UTF-8"));
        // NUL bytes in valid UTF-8 (PostgreSQL text cannot hold them).
        let mut req = request("https://git.example.org/h/nul", "", 1);
        req.source = b"name: a\0b\n".to_vec();
        let out = c.ingest(&req).await.unwrap();
        assert_eq!(out.change, Change::StoredInvalid);
    })
    .await;
}

#[tokio::test]
async fn a_batch_records_each_file_as_one_ingestion_would() {
    on_both(|catalog| async move {
        let named = |name: &str| example().replace("name: Primero", &format!("name: {name}"));
        let file = |url: &str, text: &str, at: i64| {
            let request = request(url, text, at);
            let prepared = Prepared::new(&request).unwrap();
            (request, prepared)
        };
        let a = "https://git.example.org/batch/a";
        let b = "https://git.example.org/batch/b";
        let files = vec![
            file(a, &named("A one"), 10),
            file(b, &named("B one"), 10),
            file(a, &named("A two"), 11),
            file(b, "name: [", 12),
            file(a, &named("A two"), 13),
        ];
        let outcomes = catalog.ingest_batch(&files).await.unwrap();
        let changes: Vec<Change> = outcomes.iter().map(|o| o.change).collect();
        assert_eq!(
            changes,
            [
                Change::Created,
                Change::Created,
                Change::Updated,
                Change::StoredInvalid,
                Change::Unchanged
            ]
        );
        // The same history as five ingestions one by one.
        let dir = tempfile::tempdir().unwrap();
        let one_by_one = Catalog::open(None, dir.path()).await.unwrap();
        for (request, _) in &files {
            one_by_one.ingest(request).await.unwrap();
        }
        for url in [a, b] {
            let batched = catalog.software_by_url(url).await.unwrap().unwrap();
            let single = one_by_one.software_by_url(url).await.unwrap().unwrap();
            assert_eq!(
                (
                    batched.name.as_str(),
                    batched.listed,
                    batched.problem.is_some()
                ),
                (
                    single.name.as_str(),
                    single.listed,
                    single.problem.is_some()
                )
            );
            let revisions = |r: Vec<Revision>| -> Vec<(String, bool)> {
                r.into_iter().map(|r| (r.content_hash, r.valid)).collect()
            };
            assert_eq!(
                revisions(catalog.revisions(&batched.id).await.unwrap()),
                revisions(one_by_one.revisions(&single.id).await.unwrap())
            );
        }
        // Change numbers increase in file order.
        let seqs: Vec<i64> = outcomes[..4].iter().map(|o| o.seq).collect();
        assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    })
    .await;
}

mod access;
mod assessment;
mod audit;
mod backup;
mod crawl;
mod declarations;
mod federation;
mod hooks;
mod presentation;
mod registry;
mod upgrade;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn several_processes_may_open_a_new_sqlite_catalog_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let opens: Vec<_> = (0..6)
        .map(|_| {
            let path = dir.path().to_path_buf();
            tokio::spawn(async move { Catalog::open(None, &path).await.map(|_| ()) })
        })
        .collect();
    for open in opens {
        open.await
            .unwrap()
            .expect("every opener gets a migrated catalog");
    }
}
