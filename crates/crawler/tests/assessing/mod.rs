//! Crawled repositories are assessed: their whole history is fetched over the real git smart
//! HTTP server (plain git, or a forge's clone URL), assessed, and stored with the revision;
//! once per commit, and never at the cost of the listing.

use super::git_registry;
use crate::support::*;
use commons_catalog::StoredAssessment;
use std::sync::atomic::Ordering;

const MIT: &str = "MIT License\n\nCopyright (c) 2026 UNICEF\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n";

/// A repository of three commits with a license and a tag, served at `/git/<name>.git`.
fn repository_with_history(server: &Server, name: &str, url: &str) {
    let files = || {
        vec![
            Entry::File("publiccode.yml", publiccode_for(url)),
            Entry::File("LICENSE", MIT.as_bytes().to_vec()),
        ]
    };
    for _ in 0..3 {
        commit_repository(&server.root, name, &files());
    }
    let bare = server.root.join(format!("{name}.git"));
    git(&bare, &["tag", "v1.0.0", "main"]);
}

async fn latest(run: &Run, url: &str) -> Option<StoredAssessment> {
    let entry = run.catalog.software_by_url(url).await.unwrap()?;
    run.catalog.latest_assessment(&entry.id).await.unwrap()
}

fn head_of(server: &Server, name: &str) -> String {
    git(
        &server.root.join(format!("{name}.git")),
        &["rev-parse", "main"],
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_git_repositories_are_assessed_once_per_commit_with_their_whole_history() {
    let server = Server::start();
    let url = format!("{}/git/tool.git", server.base);
    repository_with_history(&server, "tool", &url);
    let run = crawler(&git_registry(&server, &["tool"]), &[&server.host]).await;

    run.crawl().await;
    let outcomes = run.outcomes().await;
    assert_eq!(outcomes[&url].0, "ok", "{outcomes:?}");
    assert_eq!(
        outcomes[&url].1, None,
        "an assessment that ran adds no note"
    );
    let first = latest(&run, &url)
        .await
        .expect("the crawl stored an assessment");
    let entry = run.catalog.software_by_url(&url).await.unwrap().unwrap();
    assert_eq!(first.revision_id, entry.live_revision_id);
    assert_eq!(
        first.commit.as_deref(),
        Some(head_of(&server, "tool").as_str())
    );
    let body = &first.body;
    // The whole history was fetched (the publiccode.yml read was shallow), tags too.
    assert_eq!(body.pointer("/vitality/commitsTotal"), Some(&3.into()));
    assert_eq!(body.pointer("/vitality/releases"), Some(&1.into()));
    // The LICENSE text is MIT, the publiccode.yml declares AGPL: detected, and flagged.
    assert_eq!(
        body.pointer("/license/files/0/file"),
        Some(&"LICENSE".into())
    );
    assert_eq!(
        body.pointer("/license/files/0/license"),
        Some(&"MIT".into())
    );
    assert_eq!(body.pointer("/license/mismatch"), Some(&true.into()));
    assert_eq!(body.pointer("/publiccode/source"), Some(&"input".into()));

    // Unchanged: neither fetched nor assessed again.
    let before = server.git_requests.load(Ordering::SeqCst);
    run.crawl().await;
    assert_eq!(server.git_requests.load(Ordering::SeqCst) - before, 1);
    assert_eq!(latest(&run, &url).await.unwrap().id, first.id);

    // A new commit that leaves publiccode.yml as it was: same revision, a new assessment of
    // the new commit, with the fourth commit counted.
    commit_repository(
        &server.root,
        "tool",
        &[Entry::File("publiccode.yml", publiccode_for(&url))],
    );
    run.crawl().await;
    let second = latest(&run, &url).await.unwrap();
    assert_ne!(second.id, first.id);
    assert_eq!(second.revision_id, first.revision_id);
    assert_eq!(
        second.commit.as_deref(),
        Some(head_of(&server, "tool").as_str())
    );
    assert_eq!(
        second.body.pointer("/vitality/commitsTotal"),
        Some(&4.into())
    );

    // The report of a repository says how long its assessment took, and only when one ran
    // (what the server's assessment-time metric counts).
    let unchanged = run.crawler.crawl_repository(&url).await.unwrap();
    assert_eq!(unchanged.assessment, None, "{unchanged:?}");
    commit_repository(
        &server.root,
        "tool",
        &[Entry::File("publiccode.yml", publiccode_for(&url))],
    );
    let assessed = run.crawler.crawl_repository(&url).await.unwrap();
    assert!(
        assessed
            .assessment
            .is_some_and(|took| took > std::time::Duration::ZERO),
        "{assessed:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forge_repositories_are_assessed_from_their_clone_url() {
    let server = Server::start();
    let web = format!("{}/unicef/app", server.base);
    repository_with_history(&server, "unicef-app", &web);
    server.add_forge_repo(ForgeRepo {
        id: 7,
        full_name: "unicef/app".into(),
        git_name: "unicef-app".into(),
        fork: false,
        archived: false,
        empty: false,
        activity: NOVEMBER_2026,
    });
    let registry = format!(
        "- id: unicef\n  name: UNICEF\n  hosting:\n    - {{url: '{}/unicef', kind: gitlab}}\n",
        server.base
    );
    let run = crawler(&registry, &[&server.host]).await;
    run.crawl().await;
    let outcomes = run.outcomes().await;
    assert_eq!(outcomes[&web].0, "ok", "{outcomes:?}");
    let assessment = latest(&run, &web).await.expect("assessed");
    assert_eq!(
        assessment.commit.as_deref(),
        Some(head_of(&server, "unicef-app").as_str())
    );
    assert_eq!(
        assessment.body.pointer("/vitality/commitsTotal"),
        Some(&3.into())
    );
    let requests = server.state.lock().unwrap().requests.clone();
    assert!(
        requests
            .iter()
            .any(|r| r.starts_with("/unicef/app.git/info/refs")),
        "fetched from the clone URL the forge gave: {requests:?}"
    );

    // The forge says nothing changed: no fetch, no new assessment.
    let before = server.git_requests.load(Ordering::SeqCst);
    run.crawl().await;
    assert_eq!(server.git_requests.load(Ordering::SeqCst), before);
    assert_eq!(latest(&run, &web).await.unwrap().id, assessment.id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_history_over_the_limit_is_not_assessed_and_the_entry_stays_listed() {
    let server = Server::start();
    let url = format!("{}/git/big.git", server.base);
    repository_with_history(&server, "big", &url);
    // The shallow read fits; the whole history does not.
    let run = crawler_with(
        &git_registry(&server, &["big"]),
        &[&server.host],
        |options| options.limits.max_history = 1,
    )
    .await;
    run.crawl().await;
    let outcomes = run.outcomes().await;
    assert_eq!(outcomes[&url].0, "ok", "{outcomes:?}");
    let detail = outcomes[&url].1.clone().unwrap_or_default();
    assert!(
        detail.contains("not assessed") && detail.contains("too large"),
        "{detail}"
    );
    assert!(
        run.catalog
            .software_by_url(&url)
            .await
            .unwrap()
            .unwrap()
            .listed
    );
    assert!(latest(&run, &url).await.is_none());

    // Nothing changed: the refused history is not fetched again, and the reason stays shown.
    let before = server.git_requests.load(Ordering::SeqCst);
    run.crawl().await;
    assert_eq!(server.git_requests.load(Ordering::SeqCst) - before, 1);
    let (outcome, detail) = run.outcomes().await[&url].clone();
    assert_eq!(outcome, "skipped_unchanged");
    assert!(detail.unwrap_or_default().contains("too large"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_assessment_off_nothing_but_the_file_is_fetched() {
    let server = Server::start();
    let url = format!("{}/git/quiet.git", server.base);
    repository_with_history(&server, "quiet", &url);
    let run = crawler_with(
        &git_registry(&server, &["quiet"]),
        &[&server.host],
        |options| options.assess = false,
    )
    .await;
    run.crawl().await;
    assert_eq!(run.outcomes().await[&url].0, "ok");
    assert!(latest(&run, &url).await.is_none());
    // Only the shallow fetch that reads publiccode.yml ran: the cache has no history, no tag.
    let caches: Vec<_> = std::fs::read_dir(run.data.path().join("git-cache"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(caches.len(), 1);
    assert!(caches[0].join("shallow").is_file());
    assert_eq!(git(&caches[0], &["tag", "--list"]), "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operators_osv_export_is_used_as_soon_as_it_is_imported() {
    let server = Server::start();
    let url = format!("{}/git/locked.git", server.base);
    let lockfile = "version = 3\n\n[[package]]\nname = \"smallvec\"\nversion = \"1.6.0\"\n\
                    source = \"registry+https://example.org/index\"\n";
    commit_repository(
        &server.root,
        "locked",
        &[
            Entry::File("publiccode.yml", publiccode_for(&url)),
            Entry::File("Cargo.lock", lockfile.as_bytes().to_vec()),
        ],
    );
    let run = crawler(&git_registry(&server, &["locked"]), &[&server.host]).await;
    run.crawl().await;
    let first = latest(&run, &url).await.expect("assessed");
    assert_eq!(
        first.body.pointer("/vulnerabilities/databaseAvailable"),
        Some(&false.into()),
        "without an export, vulnerabilities are not checked"
    );

    // The operator imports an export (the OSV schema, one record) while the crawler lives.
    let export = tempfile::tempdir().unwrap();
    std::fs::write(
        export.path().join("RUSTSEC-2021-0003.json"),
        r#"{"id":"RUSTSEC-2021-0003","modified":"2021-02-10T00:00:00Z","summary":"Buffer overflow in SmallVec::insert_many",
            "affected":[{"package":{"ecosystem":"crates.io","name":"smallvec"},
            "ranges":[{"type":"SEMVER","events":[{"introduced":"0.6.3"},{"fixed":"1.6.1"}]}]}]}"#,
    )
    .unwrap();
    commons_assess::osv::import(export.path(), run.data.path()).expect("the export imports");

    // The next change is assessed against it: the locked version is found vulnerable.
    commit_repository(
        &server.root,
        "locked",
        &[Entry::File("CHANGES.md", b"more\n".to_vec())],
    );
    run.crawl().await;
    let second = latest(&run, &url).await.unwrap();
    assert_ne!(second.id, first.id);
    let body = &second.body;
    assert_eq!(
        body.pointer("/vulnerabilities/databaseAvailable"),
        Some(&true.into())
    );
    assert_eq!(body.pointer("/vulnerabilities/distinct"), Some(&1.into()));
    assert_eq!(
        body.pointer("/vulnerabilities/findings/0/id"),
        Some(&"RUSTSEC-2021-0003".into())
    );
}

/// A worker program: a shell script given the request on standard input.
fn shell_worker(script: &str) -> commons_app::worker::AssessWorker {
    let mut worker = commons_app::worker::AssessWorker::new("/bin/sh");
    worker.args = vec!["-c".into(), script.into(), "worker".into()];
    worker.limits.deadline = std::time::Duration::from_secs(1);
    worker.max_answer = 1024 * 1024;
    worker
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_that_crashes_hangs_or_floods_is_a_note_and_the_crawl_goes_on() {
    let server = Server::start();
    let names = ["sound", "crashes", "hangs", "floods"];
    for name in names {
        let url = format!("{}/git/{name}.git", server.base);
        repository_with_history(&server, name, &url);
    }
    // Each repository's history is cached under a directory named after its URL, which the
    // request names: the script behaves by repository.
    let script = r#"request=$(cat)
case "$request" in
  *crashes*) kill -SEGV $$ ;;
  *hangs*) exec sleep 600 ;;
  *floods*) exec yes ;;
esac
printf '{"commit":"c0ffee","methodVersion":"commons-assess/3","assessedAt":1,"license":{"family":"permissive","osiApproved":true}}'
"#;
    let run = crawler_with(&git_registry(&server, &names), &[&server.host], |options| {
        options.assess_worker = Some(shell_worker(script));
    })
    .await;
    let started = std::time::Instant::now();
    run.crawl().await;
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    let outcomes = run.outcomes().await;
    let note = |name: &str| {
        let url = format!("{}/git/{name}.git", server.base);
        assert_eq!(outcomes[&url].0, "ok", "{outcomes:?}");
        outcomes[&url].1.clone().unwrap_or_default()
    };
    assert_eq!(note("sound"), "");
    let sound = format!("{}/git/sound.git", server.base);
    assert_eq!(
        latest(&run, &sound).await.unwrap().commit.as_deref(),
        Some("c0ffee")
    );
    assert_eq!(
        note("crashes"),
        "assessment failed: the assessment process was killed by signal 11 (a crash)"
    );
    assert_eq!(
        note("hangs"),
        "assessment failed: the assessment process took longer than 6 s and was killed"
    );
    assert_eq!(
        note("floods"),
        "assessment failed: the assessment process wrote more than 1048576 bytes and was stopped"
    );
    for name in ["crashes", "hangs", "floods"] {
        let url = format!("{}/git/{name}.git", server.base);
        assert!(latest(&run, &url).await.is_none());
        assert!(
            run.catalog
                .software_by_url(&url)
                .await
                .unwrap()
                .unwrap()
                .listed
        );
    }
}
