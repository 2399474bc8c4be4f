//! Whose entry a repository feeds is decided by the publishers registry, on the repository the
//! forge answers for, in normal form: a webhook cannot move another publisher's entry with a
//! `..` in its URL, and an entry filed elsewhere returns to its publisher at the next crawl
//! even when its file did not change.

use crate::support::*;
use commons_catalog::{IngestRequest, Publisher};

fn project(id: u64, full_name: &str) -> ForgeRepo {
    ForgeRepo {
        id,
        full_name: full_name.into(),
        git_name: full_name.replace('/', "-"),
        fork: false,
        archived: false,
        empty: false,
        activity: NOVEMBER_2026,
    }
}

/// Publisher `a` hosts the GitLab group `groupa` with `appa`; publisher `b` hosts `groupb`
/// with `appb`. Both are crawled once.
async fn two_groups(server: &Server) -> Run {
    for (id, path) in [(1, "groupa/appa"), (2, "groupb/appb")] {
        let url = format!("{}/{path}", server.base);
        commit_repository(
            &server.root,
            &path.replace('/', "-"),
            &[Entry::File("publiccode.yml", publiccode_for(&url))],
        );
        server.add_forge_repo(project(id, path));
    }
    let registry = format!(
        "- id: a\n  name: A\n  hosting: [{{url: '{b}/groupa', kind: gitlab}}]\n\
         - id: b\n  name: B\n  hosting: [{{url: '{b}/groupb', kind: gitlab}}]\n",
        b = server.base
    );
    let run = crawler(&registry, &[&server.host]).await;
    let summary = run.crawl().await;
    assert_eq!(summary.outcomes.get("ok"), Some(&2), "{summary:?}");
    run
}

async fn organisation_of(run: &Run, url: &str) -> Option<String> {
    run.catalog
        .software_by_url(url)
        .await
        .unwrap()
        .expect("the entry exists")
        .organisation_id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_webhook_url_climbing_out_of_its_group_cannot_move_another_publishers_entry() {
    let server = Server::start();
    let run = two_groups(&server).await;
    let appb = format!("{}/groupb/appb", server.base);
    assert_eq!(organisation_of(&run, &appb).await.as_deref(), Some("b"));

    // B pushes a change; A's webhook names B's repository through its own group.
    let changed = String::from_utf8(publiccode_for(&appb))
        .unwrap()
        .replace("name: Primero", "name: Primero B");
    commit_repository(
        &server.root,
        "groupb-appb",
        &[Entry::File("publiccode.yml", changed.into_bytes())],
    );
    let hook = format!("{}/groupa/../groupb/appb", server.base);
    let report = run.crawler.crawl_repository(&hook).await.unwrap();
    assert_eq!(report.publisher_id, "b", "{report:?}");
    assert_eq!(organisation_of(&run, &appb).await.as_deref(), Some("b"));

    // Spelled with escapes, case and a trailing .git, it is still B's repository, and B's.
    let hook = format!("{}/GroupA/%2e%2E/groupb/appb.git/", server.base);
    let report = run.crawler.crawl_repository(&hook).await.unwrap();
    assert_eq!(report.publisher_id, "b", "{report:?}");
    // A segment that decodes to a path separator is refused before any request.
    let hook = format!("{}/groupa/..%2Fgroupb/appb", server.base);
    assert!(run.crawler.crawl_repository(&hook).await.is_err());

    // The next crawl of everything leaves it where it is.
    run.crawl().await;
    let entry = run.catalog.software_by_url(&appb).await.unwrap().unwrap();
    assert_eq!(entry.organisation_id.as_deref(), Some("b"));
    assert_eq!(entry.name, "Primero B");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_filed_elsewhere_returns_to_its_publisher_though_its_file_is_unchanged() {
    let server = Server::start();
    let run = two_groups(&server).await;
    let appb = format!("{}/groupb/appb", server.base);
    // What the attack left behind: B's entry under A (another content, ingested as A's).
    let moved = String::from_utf8(publiccode_for(&appb))
        .unwrap()
        .replace("name: Primero", "name: Primero Moved");
    run.catalog
        .ingest(&IngestRequest {
            repository_url: appb.clone(),
            forge: commons_catalog::ForgeKind::Gitlab,
            default_branch: Some("main".into()),
            commit: None,
            publisher: Some(Publisher {
                id: "a".into(),
                name: "A".into(),
                uri: None,
            }),
            source: moved.into_bytes(),
            seen_at: 1,
        })
        .await
        .unwrap();
    assert_eq!(organisation_of(&run, &appb).await.as_deref(), Some("a"));

    // Nothing changed on the forge: the crawl skips the file, and still files the entry
    // under the publisher whose hosting holds it.
    let again = run.crawl().await;
    assert_eq!(
        again.outcomes.get("skipped_unchanged"),
        Some(&2),
        "{again:?}"
    );
    assert_eq!(organisation_of(&run, &appb).await.as_deref(), Some("b"));
}
