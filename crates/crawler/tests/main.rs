//! The crawler against real servers on loopback: git repositories created here and served by
//! the real `git http-backend`, fake GitLab, GitHub and Gitea APIs that follow the vendors'
//! documented paths, pagination and rate limits, and a server that misbehaves on purpose.
//! The crawler is the production code, talking HTTP.

mod assessing;
mod ownership;
mod peer;
mod support;

use commons_catalog::CrawlOutcomeKind;
use support::*;

/// `count` repositories named `<prefix>00`, `<prefix>01`..., each with a valid publiccode.yml.
fn valid_repositories(server: &Server, prefix: &str, count: usize) -> Vec<String> {
    let names: Vec<String> = (0..count).map(|n| format!("{prefix}{n:02}")).collect();
    for name in &names {
        let url = format!("{}/git/{name}.git", server.base);
        commit_repository(
            &server.root,
            name,
            &[Entry::File("publiccode.yml", publiccode_for(&url))],
        );
    }
    names
}

fn git_registry(server: &Server, names: &[&str]) -> String {
    let mut yaml = String::from("- id: unicef\n  name: UNICEF\n  hosting:\n");
    for name in names {
        yaml.push_str(&format!(
            "    - url: {}/git/{name}.git\n      kind: git\n",
            server.base
        ));
    }
    yaml
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_git_repositories_are_crawled_then_skipped_until_they_change() {
    let server = Server::start();
    let url = |name: &str| format!("{}/git/{name}.git", server.base);
    commit_repository(
        &server.root,
        "good",
        &[Entry::File("publiccode.yml", publiccode_for(&url("good")))],
    );
    commit_repository(
        &server.root,
        "broken",
        &[Entry::File(
            "publiccode.yml",
            b"publiccodeYmlVersion: \"0.4\"\nname: x\n".to_vec(),
        )],
    );
    commit_repository(&server.root, "without", &[]);
    commit_repository(
        &server.root,
        "copy",
        &[Entry::File(
            "publiccode.yaml",
            publiccode_for("https://elsewhere.example/original"),
        )],
    );
    empty_repository(&server.root, "empty");
    let run = crawler(
        &git_registry(&server, &["good", "broken", "without", "copy", "empty"]),
        &[&server.host],
    )
    .await;

    let summary = run.crawl().await;
    assert_eq!(summary.discovered, 5);
    let outcomes = run.outcomes().await;
    assert_eq!(outcomes[&url("good")].0, "ok", "{outcomes:?}");
    assert_eq!(outcomes[&url("broken")].0, "invalid");
    assert_eq!(outcomes[&url("without")].0, "not_found");
    assert_eq!(outcomes[&url("empty")].0, "not_found");
    assert_eq!(outcomes[&url("copy")].0, "ok");
    assert!(
        outcomes[&url("copy")]
            .1
            .as_deref()
            .unwrap()
            .contains("flagged as a copy")
    );
    // The copy stays listed, and its entry carries the flag where readers see it.
    let copy = run
        .catalog
        .software_by_url(&url("copy"))
        .await
        .unwrap()
        .expect("the copy has an entry");
    assert!(copy.listed);
    assert!(
        copy.problem
            .as_deref()
            .is_some_and(|p| p.contains("flagged as a copy")),
        "{:?}",
        copy.problem
    );
    let good = run
        .catalog
        .software_by_url(&url("good"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        good.problem, None,
        "an entry found where it says it lives is not flagged"
    );

    // The invalid file's errors are stored with their lines.
    let history = run.catalog.crawl_outcomes(&url("broken"), 5).await.unwrap();
    assert!(!history[0].errors.is_empty());
    assert!(history[0].errors.iter().any(|e| e.line > 0));
    // The valid one is listed under its publisher.
    let entry = run
        .catalog
        .software_by_url(&url("good"))
        .await
        .unwrap()
        .unwrap();
    assert!(entry.listed);
    assert_eq!(entry.organisation_id.as_deref(), Some("unicef"));
    assert_eq!(entry.last_commit.as_deref().map(str::len), Some(40));

    // Nothing changed: nothing is downloaded (only the ref advertisements are asked for).
    let before = server
        .git_requests
        .load(std::sync::atomic::Ordering::SeqCst);
    let again = run.crawl().await;
    let after = server
        .git_requests
        .load(std::sync::atomic::Ordering::SeqCst);
    assert_eq!(
        again.outcomes.get("skipped_unchanged"),
        Some(&4),
        "{again:?}"
    );
    assert_eq!(
        after - before,
        5,
        "one advertisement per repository, no fetch"
    );

    // A new commit is seen at once.
    let mut changed = String::from_utf8(publiccode_for(&url("good"))).unwrap();
    changed = changed.replace("name: Primero", "name: Primero Two");
    commit_repository(
        &server.root,
        "good",
        &[Entry::File("publiccode.yml", changed.into_bytes())],
    );
    run.crawl().await;
    let entry = run
        .catalog
        .software_by_url(&url("good"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(entry.name, "Primero Two");
    assert_eq!(run.catalog.revisions(&entry.id).await.unwrap().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_repositories_each_get_an_outcome_and_the_crawl_goes_on() {
    let server = Server::start();
    let hostile = start_hostile();
    let url = |name: &str| format!("{}/git/{name}.git", server.base);
    // 50 MB publiccode.yml (compresses well: the pack is small, the blob is not).
    let mut huge = String::from("publiccodeYmlVersion: \"0.4\"\n");
    while huge.len() < 50 * 1024 * 1024 {
        huge.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    commit_repository(
        &server.root,
        "huge-file",
        &[Entry::File("publiccode.yml", huge.into_bytes())],
    );
    commit_repository(
        &server.root,
        "symlink-out",
        &[Entry::Symlink("publiccode.yml", "/etc/passwd")],
    );
    commit_repository(
        &server.root,
        "symlink-in",
        &[
            Entry::File("real.yml", publiccode_for(&url("symlink-in"))),
            Entry::Symlink("publiccode.yml", "real.yml"),
        ],
    );
    commit_repository(
        &server.root,
        "submodule",
        &[Entry::Submodule("publiccode.yml")],
    );
    let mut noise = vec![0u8; 6 * 1024 * 1024];
    std::io::Read::read_exact(
        &mut std::fs::File::open("/dev/urandom").unwrap(),
        &mut noise,
    )
    .unwrap();
    commit_repository(
        &server.root,
        "huge-pack",
        &[
            Entry::File("publiccode.yml", publiccode_for(&url("huge-pack"))),
            Entry::File("blob.bin", noise),
        ],
    );
    commit_repository(
        &server.root,
        "latin1",
        &[Entry::File(
            "publiccode.yml",
            b"publiccodeYmlVersion: \"0.4\"\nname: caf\xe9\n".to_vec(),
        )],
    );
    commit_repository(
        &server.root,
        "good",
        &[Entry::File("publiccode.yml", publiccode_for(&url("good")))],
    );
    let mut registry = git_registry(
        &server,
        &[
            "huge-file",
            "symlink-out",
            "symlink-in",
            "submodule",
            "huge-pack",
            "latin1",
            "good",
        ],
    );
    for name in ["stall", "lie", "garbage"] {
        registry.push_str(&format!(
            "    - url: http://{hostile}/{name}.git\n      kind: git\n"
        ));
    }
    for name in ["loop", "away"] {
        registry.push_str(&format!(
            "    - url: {}/{name}/x.git\n      kind: git\n",
            server.base
        ));
    }
    let run = crawler(&registry, &[&server.host, &hostile]).await;
    let started = std::time::Instant::now();
    run.crawl().await;
    let outcomes = run.outcomes().await;
    let expect = |u: &str, outcome: &str, detail: &str| {
        let (o, d) = outcomes
            .get(u)
            .unwrap_or_else(|| panic!("{u} has no outcome: {outcomes:?}"));
        assert_eq!(o, outcome, "{u}: {d:?}");
        let d = d.clone().unwrap_or_default();
        assert!(d.contains(detail), "{u}: {d:?} lacks {detail:?}");
    };
    expect(
        &url("huge-file"),
        "too_large",
        "more than the 1048576 bytes",
    );
    expect(&url("symlink-out"), "refused", "symbolic link");
    expect(&url("symlink-in"), "refused", "symbolic link");
    expect(&url("submodule"), "refused", "submodule");
    expect(&url("huge-pack"), "too_large", "fetch passed");
    expect(&url("latin1"), "invalid", "");
    expect(&url("good"), "ok", "");
    expect(&format!("http://{hostile}/stall.git"), "unreachable", "");
    expect(&format!("http://{hostile}/lie.git"), "unreachable", "");
    expect(&format!("http://{hostile}/garbage.git"), "refused", "");
    expect(
        &format!("{}/loop/x.git", server.base),
        "refused",
        "redirects",
    );
    expect(
        &format!("{}/away/x.git", server.base),
        "refused",
        "outside the publishers registry",
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    // Nothing of /etc/passwd was stored anywhere.
    for software in run.catalog.software_page(None, 100, true).await.unwrap() {
        for revision in run.catalog.revisions(&software.id).await.unwrap() {
            let raw = run.catalog.raw(revision.id).await.unwrap().unwrap();
            assert!(!raw.contains("root:"), "{raw}");
        }
    }
}

fn forge_repo(id: u64, full_name: &str, git_name: &str) -> ForgeRepo {
    ForgeRepo {
        id,
        full_name: full_name.into(),
        git_name: git_name.into(),
        fork: false,
        archived: false,
        empty: false,
        activity: NOVEMBER_2026,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gitlab_github_and_gitea_groups_are_listed_page_by_page_and_read() {
    let server = Server::start();
    let web = |path: &str| format!("{}/{path}", server.base);
    // GitLab group with a subgroup, 3 projects (pages of 2, X-Next-Page).
    for (id, path) in [
        (11, "unicef/app-a"),
        (12, "unicef/health/app-b"),
        (13, "unicef/health/app-c"),
    ] {
        let git_name = path.replace('/', "-");
        // Two more files before it: publiccode.yml is on the tree's second page.
        commit_repository(
            &server.root,
            &git_name,
            &[
                Entry::File("CHANGELOG", b"none yet\n".to_vec()),
                Entry::File("LICENSE", b"Apache-2.0\n".to_vec()),
                Entry::File("publiccode.yml", publiccode_for(&web(path))),
            ],
        );
        server.add_forge_repo(forge_repo(id, path, &git_name));
    }
    let mut fork = forge_repo(14, "unicef/forked", "unicef-app-a");
    fork.fork = true;
    server.add_forge_repo(fork);
    let mut empty = forge_repo(15, "unicef/empty", "none");
    empty.empty = true;
    server.add_forge_repo(empty);
    // GitHub user (the /orgs endpoint answers 404), 3 repositories (Link pages of 2), and a
    // rate limit on the first two requests.
    for (id, path) in [
        (21, "octo-user/one"),
        (22, "octo-user/two"),
        (23, "octo-user/three"),
    ] {
        let git_name = path.replace('/', "-");
        commit_repository(
            &server.root,
            &git_name,
            &[Entry::File("publiccode.yml", publiccode_for(&web(path)))],
        );
        server.add_forge_repo(forge_repo(id, path, &git_name));
    }
    let mut archived = forge_repo(24, "octo-user/old", "octo-user-one");
    archived.archived = true;
    server.add_forge_repo(archived);
    // Gitea organisation: 3 repositories, one without publiccode.yml (X-Total-Count pages).
    for (id, path, file) in [
        (31, "wfp/x", true),
        (32, "wfp/y", true),
        (33, "wfp/z", false),
    ] {
        let git_name = path.replace('/', "-");
        let entries = if file {
            vec![Entry::File("publiccode.yml", publiccode_for(&web(path)))]
        } else {
            vec![]
        };
        commit_repository(&server.root, &git_name, &entries);
        server.add_forge_repo(forge_repo(id, path, &git_name));
    }
    server.state.lock().unwrap().github_rate_limited = 2;
    let registry = format!(
        "- id: unicef\n  name: UNICEF\n  hosting:\n    - {{url: '{b}/unicef', kind: gitlab}}\n    - {{url: '{b}/octo-user', kind: github}}\n- id: wfp\n  name: WFP\n  hosting:\n    - {{url: '{b}/wfp', kind: gitea}}\n",
        b = server.base
    );
    let run = crawler(&registry, &[&server.host]).await;
    let summary = run.crawl().await;
    assert_eq!(summary.hostings_failed, 0, "{summary:?}");
    assert_eq!(summary.discovered, 5 + 4 + 3);
    let outcomes = run.outcomes().await;
    for path in [
        "unicef/app-a",
        "unicef/health/app-b",
        "unicef/health/app-c",
        "octo-user/one",
        "octo-user/two",
        "octo-user/three",
        "wfp/x",
        "wfp/y",
    ] {
        assert_eq!(outcomes[&web(path)].0, "ok", "{path}: {outcomes:?}");
    }
    assert_eq!(outcomes[&web("unicef/forked")].0, "refused");
    assert_eq!(outcomes[&web("unicef/empty")].0, "not_found");
    assert_eq!(outcomes[&web("wfp/z")].0, "not_found");
    let archived = &outcomes[&web("octo-user/old")];
    assert_eq!(archived.0, "ok");
    assert!(archived.1.as_deref().unwrap().contains("archived"));
    assert_eq!(
        run.catalog
            .crawled_repositories(Some("wfp"))
            .await
            .unwrap()
            .len(),
        3
    );

    let requests = server.state.lock().unwrap().requests.clone();
    assert!(
        requests
            .iter()
            .any(|r| r.starts_with("/api/v4/groups/unicef/projects?include_subgroups=true"))
    );
    assert!(
        requests
            .iter()
            .any(|r| r.contains("/api/v4/groups/unicef/projects") && r.contains("page=2"))
    );
    assert!(
        requests
            .iter()
            .any(|r| r.starts_with("/api/v3/users/octo-user/repos") && r.contains("page=2"))
    );
    assert!(
        requests
            .iter()
            .any(|r| r.starts_with("/api/v1/orgs/wfp/repos") && r.contains("page=2"))
    );
    assert!(
        requests
            .iter()
            .any(|r| r.starts_with("/api/v4/projects/11/repository/branches/main"))
    );
    // The root tree of a GitLab commit comes in pages too.
    assert!(requests.iter().any(
        |r| r.starts_with("/api/v4/projects/11/repository/tree?ref=") && r.contains("page=2")
    ));

    // Second run: no branch moved, so no file is read again; GitHub's branches answer 304 to
    // the ETag of the last answer.
    let files_before = file_reads(&requests);
    let again = run.crawl().await;
    let requests = server.state.lock().unwrap().requests.clone();
    let files_after = file_reads(&requests);
    assert_eq!(files_after, files_before, "{again:?}");
    // Nine files read and the one repository without a file; the fork and the empty
    // repository are decided from the listing alone.
    assert_eq!(again.outcomes.get("skipped_unchanged"), Some(&10));
    assert_eq!(
        server.state.lock().unwrap().not_modified,
        4,
        "GitHub's four branches answered 304"
    );

    // Activity stamps that move without a push change nothing either.
    for id in [11, 12, 13, 21, 22, 23, 24, 31, 32, 33] {
        server.note_activity(id, NOVEMBER_2026 + 86_400);
    }
    let third = run.crawl().await;
    assert_eq!(
        third.outcomes.get("skipped_unchanged"),
        Some(&10),
        "{third:?}"
    );
    let requests = server.state.lock().unwrap().requests.clone();
    assert_eq!(file_reads(&requests), files_after, "no file read again");

    // A push to one repository is read, and only that one.
    let path = "unicef/health/app-b";
    let changed = String::from_utf8(publiccode_for(&web(path)))
        .unwrap()
        .replace("name: Primero", "name: Primero B");
    commit_repository(
        &server.root,
        "unicef-health-app-b",
        &[Entry::File("publiccode.yml", changed.into_bytes())],
    );
    let fourth = run.crawl().await;
    assert_eq!(fourth.outcomes.get("ok"), Some(&1), "{fourth:?}");
    let requests = server.state.lock().unwrap().requests.clone();
    assert_eq!(file_reads(&requests), files_after + 1, "one file read");
    let entry = run
        .catalog
        .software_by_url(&web(path))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(entry.name, "Primero B");
}

/// Requests that read a file's bytes (GitLab's and GitHub's blobs, Gitea's raw files).
fn file_reads(requests: &[String]) -> usize {
    requests
        .iter()
        .filter(|r| r.contains("/blobs/") || r.contains("/raw/"))
        .count()
}

/// The three forges with one repository each, `<forge>/app`, holding `entries`.
fn one_repository_per_forge(
    server: &Server,
    entries: impl Fn(&str) -> Vec<Entry<'static>>,
) -> String {
    for (id, forge) in [(1, "gitlab"), (2, "github"), (3, "gitea")] {
        let path = format!("{forge}/app");
        let url = format!("{}/{path}", server.base);
        commit_repository(&server.root, &format!("{forge}-app"), &entries(&url));
        server.add_forge_repo(forge_repo(id, &path, &format!("{forge}-app")));
    }
    let mut registry = String::from("- id: ocha\n  name: OCHA\n  hosting:\n");
    for forge in ["gitlab", "github", "gitea"] {
        registry.push_str(&format!(
            "    - {{url: '{}/{forge}', kind: {forge}}}\n",
            server.base
        ));
    }
    registry
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_push_is_seen_while_the_forges_activity_stamp_stands_still() {
    let server = Server::start();
    let registry = one_repository_per_forge(&server, |url| {
        vec![Entry::File("publiccode.yml", publiccode_for(url))]
    });
    let run = crawler(&registry, &[&server.host]).await;
    let first = run.crawl().await;
    assert_eq!(first.outcomes.get("ok"), Some(&3), "{first:?}");
    for (id, forge) in [(1, "gitlab"), (2, "github"), (3, "gitea")] {
        let url = format!("{}/{forge}/app", server.base);
        let changed = String::from_utf8(publiccode_for(&url))
            .unwrap()
            .replace("name: Primero", "name: Primero Next");
        commit_repository(
            &server.root,
            &format!("{forge}-app"),
            &[Entry::File("publiccode.yml", changed.into_bytes())],
        );
        // Activity within the hour: GitLab keeps last_activity_at where it was.
        server.note_activity(id, NOVEMBER_2026 + 600);
    }
    assert!(
        server
            .state
            .lock()
            .unwrap()
            .repos
            .iter()
            .all(|r| r.activity == NOVEMBER_2026),
        "the stamps stood still"
    );
    let second = run.crawl().await;
    assert_eq!(second.outcomes.get("ok"), Some(&3), "{second:?}");
    for forge in ["gitlab", "github", "gitea"] {
        let url = format!("{}/{forge}/app", server.base);
        let entry = run.catalog.software_by_url(&url).await.unwrap().unwrap();
        assert_eq!(entry.name, "Primero Next", "{forge}");
        assert_eq!(
            run.catalog.revisions(&entry.id).await.unwrap().len(),
            2,
            "{forge}"
        );
        let head = git(
            &server.root.join(format!("{forge}-app.git")),
            &["rev-parse", "main"],
        );
        assert_eq!(entry.last_commit.as_deref(), Some(head.as_str()), "{forge}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_symbolic_link_or_submodule_is_refused_on_every_forge_and_never_read() {
    for (name, detail) in [
        ("a link inside", "publiccode.yml is a symbolic link"),
        ("a link out", "publiccode.yml is a symbolic link"),
        ("a submodule", "publiccode.yml is a submodule"),
    ] {
        let entries = || match name {
            "a link inside" => vec![
                Entry::File("real.yml", publiccode_for("https://example.org/x")),
                Entry::Symlink("publiccode.yml", "real.yml"),
            ],
            "a link out" => vec![Entry::Symlink("publiccode.yml", "/etc/passwd")],
            _ => vec![Entry::Submodule("publiccode.yml")],
        };
        let server = Server::start();
        let registry = one_repository_per_forge(&server, |_| entries());
        let run = crawler(&registry, &[&server.host]).await;
        run.crawl().await;
        let outcomes = run.outcomes().await;
        for forge in ["gitlab", "github", "gitea"] {
            let url = format!("{}/{forge}/app", server.base);
            let (outcome, why) = &outcomes[&url];
            assert_eq!(outcome, "refused", "{name} on {forge}: {why:?}");
            assert!(
                why.as_deref().unwrap_or("").contains(detail),
                "{name} on {forge}: {why:?}"
            );
        }
        let requests = server.state.lock().unwrap().requests.clone();
        assert_eq!(
            file_reads(&requests),
            0,
            "{name}: nothing read: {requests:#?}"
        );
        assert_eq!(
            run.catalog.count(true).await.unwrap(),
            0,
            "{name}: no entry"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renames_keep_the_entry_vanished_repositories_are_gone_and_failures_keep_it_live() {
    let server = Server::start();
    let web = |path: &str| format!("{}/{path}", server.base);
    for (id, path) in [(1, "wfp/tool"), (2, "wfp/other"), (3, "wfp/flaky")] {
        let git_name = path.replace('/', "-");
        commit_repository(
            &server.root,
            &git_name,
            &[Entry::File("publiccode.yml", publiccode_for(&web(path)))],
        );
        server.add_forge_repo(forge_repo(id, path, &git_name));
    }
    let registry = format!(
        "- id: wfp\n  name: WFP\n  hosting:\n    - {{url: '{}/wfp', kind: gitea}}\n",
        server.base
    );
    let run = crawler(&registry, &[&server.host]).await;
    run.crawl().await;
    let tool = run
        .catalog
        .software_by_url(&web("wfp/tool"))
        .await
        .unwrap()
        .unwrap();
    let flaky = run
        .catalog
        .software_by_url(&web("wfp/flaky"))
        .await
        .unwrap()
        .unwrap();

    {
        let mut state = server.state.lock().unwrap();
        // Renamed on the forge (same id), removed, and failing.
        state.repos[0].full_name = "wfp/tool-renamed".into();
        state.repos.retain(|r| r.id != 2);
        state.fail_paths.push("/wfp/flaky/".into());
    }
    run.crawl().await;
    let outcomes = run.outcomes().await;
    assert_eq!(outcomes[&web("wfp/other")].0, "gone");
    assert_eq!(outcomes[&web("wfp/flaky")].0, "unreachable");
    assert!(
        outcomes.contains_key(&web("wfp/tool-renamed")),
        "{outcomes:?}"
    );
    assert!(!outcomes.contains_key(&web("wfp/tool")));

    let renamed = run
        .catalog
        .software_by_url(&web("wfp/tool"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(renamed.id, tool.id, "the old URL finds the same entry");
    assert_eq!(renamed.repository_url, web("wfp/tool-renamed"));
    assert_eq!(
        run.catalog.aliases(&tool.id).await.unwrap(),
        [web("wfp/tool")]
    );
    // Gone: kept, flagged.
    let other = run
        .catalog
        .software_by_url(&web("wfp/other"))
        .await
        .unwrap()
        .unwrap();
    assert!(other.problem.as_deref().unwrap().starts_with("crawl: gone"));
    // Transient failure: the last valid revision stays live, flagged.
    let still = run.catalog.software(&flaky.id).await.unwrap().unwrap();
    assert!(still.listed);
    assert_eq!(still.live_revision_id, flaky.live_revision_id);
    assert!(
        still
            .problem
            .as_deref()
            .unwrap()
            .starts_with("crawl: unreachable"),
        "{:?}",
        still.problem
    );

    // The failure ends; a webhook-style recrawl of that one repository clears the flag.
    server.state.lock().unwrap().fail_paths.clear();
    let report = run
        .crawler
        .crawl_repository(&web("wfp/flaky"))
        .await
        .unwrap();
    assert_eq!(report.outcome, CrawlOutcomeKind::Ok);
    let healed = run.catalog.software(&flaky.id).await.unwrap().unwrap();
    assert_eq!(healed.problem, None);
    // A repository no publisher hosts is refused.
    assert!(
        run.crawler
            .crawl_repository("https://elsewhere.example/a/b")
            .await
            .is_err()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_within_the_publishers_host_is_a_move_with_an_alias() {
    let server = Server::start();
    let new_url = format!("{}/git/app.git", server.base);
    let old_url = format!("{}/moved/app.git", server.base);
    commit_repository(
        &server.root,
        "app",
        &[Entry::File("publiccode.yml", publiccode_for(&new_url))],
    );
    let registry =
        format!("- id: ocha\n  name: OCHA\n  hosting:\n    - {{url: '{old_url}', kind: git}}\n");
    let run = crawler(&registry, &[&server.host]).await;
    run.crawl().await;
    let outcomes = run.outcomes().await;
    assert_eq!(outcomes[&new_url].0, "ok", "{outcomes:?}");
    let entry = run
        .catalog
        .software_by_url(&new_url)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(entry.repository_url, new_url);
}

/// The crawl that the crash test kills: run in a child process (this test binary again).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by killed_midway_the_next_run_finishes_and_the_catalog_stays_consistent"]
async fn crash_child() {
    let (Ok(registry), Ok(data)) = (
        std::env::var("COMMONS_CRASH_REGISTRY"),
        std::env::var("COMMONS_CRASH_DATA"),
    ) else {
        return;
    };
    let registry = commons_crawler::Registry::load(std::path::Path::new(&registry)).unwrap();
    let catalog = commons_catalog::Catalog::open(None, std::path::Path::new(&data))
        .await
        .unwrap();
    let mut options = commons_crawler::CrawlerOptions::new(&data);
    options.allow_hosts = vec![std::env::var("COMMONS_CRASH_ALLOW").unwrap()];
    options.limits = test_limits();
    options.workers = 4;
    let crawler = commons_crawler::Crawler::new(registry, catalog, options).unwrap();
    crawler
        .run(std::sync::Arc::new(commons_crawler::Silent))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_midway_the_next_run_finishes_and_the_catalog_stays_consistent() {
    let server = Server::start();
    let names = valid_repositories(&server, "r", 24);
    server.state.lock().unwrap().git_delay = std::time::Duration::from_millis(150);
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let registry_text = git_registry(&server, &refs);
    let data = tempfile::tempdir().unwrap();
    let registry_file = data.path().join("publishers.yml");
    std::fs::write(&registry_file, &registry_text).unwrap();

    // The catalog is created here first: two processes opening a new SQLite catalog at once
    // would both run its migrations.
    let catalog = commons_catalog::Catalog::open(None, data.path())
        .await
        .unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "crash_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("COMMONS_CRASH_REGISTRY", &registry_file)
        .env("COMMONS_CRASH_DATA", data.path())
        .env("COMMONS_CRASH_ALLOW", &server.host)
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(data.path().join("child.log")).unwrap())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL) once a few repositories are done.
    let ended = |child: &mut std::process::Child| {
        if child.try_wait().unwrap().is_some() {
            let log = std::fs::read_to_string(data.path().join("child.log")).unwrap_or_default();
            panic!("the crawl ended before it was killed:\n{log}");
        }
    };
    loop {
        let done = catalog
            .crawled_repositories(None)
            .await
            .map(|r| r.len())
            .unwrap_or(0);
        if done >= 3 {
            break;
        }
        ended(&mut child);
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // Consistent after the kill: every entry's live revision exists, every crawled repository
    // points at an existing entry, and work is left.
    let check = |catalog: commons_catalog::Catalog| async move {
        let entries = catalog.software_page(None, 1000, true).await.unwrap();
        for entry in &entries {
            let revisions = catalog.revisions(&entry.id).await.unwrap();
            assert!(!revisions.is_empty());
            if let Some(live) = entry.live_revision_id {
                assert!(revisions.iter().any(|r| r.id == live));
            }
        }
        for repository in catalog.crawled_repositories(None).await.unwrap() {
            if let Some(id) = &repository.software_id {
                assert!(entries.iter().any(|e| &e.id == id), "{repository:?}");
            }
        }
        entries.len()
    };
    let before = check(catalog.clone()).await;
    let pending = catalog.pending_crawl_jobs().await.unwrap();
    assert!(pending > 0, "the crawl was killed midway");
    assert!(before < names.len());
    catalog.close().await;

    // The next run finishes: on SQLite it frees the dead process's claims at once.
    let registry = commons_crawler::Registry::parse(registry_text.as_bytes()).unwrap();
    let catalog = commons_catalog::Catalog::open(None, data.path())
        .await
        .unwrap();
    let mut options = commons_crawler::CrawlerOptions::new(data.path());
    options.allow_hosts = vec![server.host.clone()];
    options.limits = test_limits();
    let crawler = commons_crawler::Crawler::new(registry, catalog.clone(), options).unwrap();
    crawler
        .run(std::sync::Arc::new(commons_crawler::Silent))
        .await
        .unwrap();
    assert_eq!(catalog.pending_crawl_jobs().await.unwrap(), 0);
    assert_eq!(
        check(catalog.clone()).await,
        names.len(),
        "each repository once"
    );
    let outcomes = catalog.crawled_repositories(None).await.unwrap();
    assert_eq!(outcomes.len(), names.len());
    assert!(outcomes.iter().all(|r| matches!(
        r.last_outcome,
        Some(CrawlOutcomeKind::Ok | CrawlOutcomeKind::SkippedUnchanged)
    )));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_files_from_a_forge_api_are_refused_while_streaming() {
    let server = Server::start();
    let web = |path: &str| format!("{}/{path}", server.base);
    commit_repository(
        &server.root,
        "big-fine",
        &[Entry::File(
            "publiccode.yml",
            publiccode_for(&web("big/fine")),
        )],
    );
    server.add_forge_repo(forge_repo(1, "big/fine", "big-fine"));
    server.add_forge_repo(forge_repo(2, "big/announced", "announced"));
    server.add_forge_repo(forge_repo(3, "big/streamed", "streamed-chunked"));
    {
        let mut state = server.state.lock().unwrap();
        state
            .overrides
            .insert("announced".into(), vec![b'#'; 5 * 1024 * 1024]);
        state
            .overrides
            .insert("streamed-chunked".into(), vec![b'#'; 3 * 1024 * 1024]);
    }
    let registry = format!(
        "- id: big\n  name: Big\n  hosting:\n    - {{url: '{b}/big', kind: gitea}}\n    - {{url: '{b}/garbage', kind: gitea}}\n",
        b = server.base
    );
    let run = crawler(&registry, &[&server.host]).await;
    let summary = run.crawl().await;
    // A listing that is not JSON fails that hosting location only, with a stated reason.
    assert_eq!(summary.hostings_failed, 1);
    let garbage = run
        .catalog
        .crawl_outcomes(&web("garbage"), 1)
        .await
        .unwrap();
    assert_eq!(garbage[0].outcome, CrawlOutcomeKind::Refused);
    assert!(
        garbage[0]
            .detail
            .as_deref()
            .unwrap()
            .contains("not a JSON array")
    );
    let outcomes = run.outcomes().await;
    assert_eq!(outcomes[&web("big/fine")].0, "ok");
    let announced = &outcomes[&web("big/announced")];
    assert_eq!(announced.0, "too_large");
    assert!(
        announced.1.as_deref().unwrap().contains("5242880 bytes"),
        "{announced:?}"
    );
    let streamed = &outcomes[&web("big/streamed")];
    assert_eq!(streamed.0, "too_large");
    assert!(
        streamed
            .1
            .as_deref()
            .unwrap()
            .contains("more than the 1048576 bytes"),
        "{streamed:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_crawlers_on_one_postgresql_share_one_crawl() {
    let Some(database) = commons_test_support::fresh_postgres_database("commons_crawl").await
    else {
        return;
    };
    let server = Server::start();
    let names = valid_repositories(&server, "s", 16);
    server.state.lock().unwrap().git_delay = std::time::Duration::from_millis(50);
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let registry_text = git_registry(&server, &refs);
    let mut crawlers = Vec::new();
    let mut dirs = Vec::new();
    for _ in 0..2 {
        let dir = tempfile::tempdir().unwrap();
        let catalog = commons_catalog::Catalog::open(Some(&database), dir.path())
            .await
            .unwrap();
        let mut options = commons_crawler::CrawlerOptions::new(dir.path());
        options.allow_hosts = vec![server.host.clone()];
        options.limits = test_limits();
        options.workers = 3;
        let registry = commons_crawler::Registry::parse(registry_text.as_bytes()).unwrap();
        crawlers.push(commons_crawler::Crawler::new(registry, catalog, options).unwrap());
        dirs.push(dir);
    }
    let (a, b) = tokio::join!(
        crawlers[0].run(std::sync::Arc::new(commons_crawler::Silent)),
        crawlers[1].run(std::sync::Arc::new(commons_crawler::Silent)),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let done_a: usize = a.outcomes.values().sum();
    let done_b: usize = b.outcomes.values().sum();
    assert_eq!(done_a + done_b, names.len(), "{a:?} {b:?}");
    let catalog = commons_catalog::Catalog::open(Some(&database), dirs[0].path())
        .await
        .unwrap();
    for name in &names {
        let url = format!("{}/git/{name}.git", server.base);
        let history = catalog.crawl_outcomes(&url, 10).await.unwrap();
        assert_eq!(history.len(), 1, "{url} crawled once: {history:?}");
        assert_eq!(history[0].outcome, CrawlOutcomeKind::Ok);
    }
    assert_eq!(catalog.count(false).await.unwrap(), names.len() as i64);
}

/// A listener that must never be connected to.
fn untouched_listener(address: &str) -> Option<std::net::TcpListener> {
    let listener = std::net::TcpListener::bind(address).ok()?;
    listener.set_nonblocking(true).unwrap();
    Some(listener)
}

fn assert_never_connected(listener: &std::net::TcpListener) {
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!(
            "something connected to {:?}: {other:?}",
            listener.local_addr()
        ),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loopback_addresses_are_refused_without_a_connection_unless_the_operator_allows_them() {
    let v4 = untouched_listener("127.0.0.1:0").unwrap();
    let v4_host = v4.local_addr().unwrap().to_string();
    let v6 = untouched_listener("[::1]:0");
    let mut registry = format!(
        "- id: ocha\n  name: OCHA\n  hosting:\n    - {{url: 'http://{v4_host}/app.git', kind: git}}\n    - {{url: 'http://{v4_host}/group', kind: gitlab}}\n"
    );
    if let Some(v6) = &v6 {
        let v6_host = v6.local_addr().unwrap().to_string();
        registry.push_str(&format!(
            "    - {{url: 'http://{v6_host}/app.git', kind: git}}\n"
        ));
    }
    // The hosts are in the registry: that is not enough to reach a loopback address.
    let run = crawler(&registry, &[]).await;
    let summary = run.crawl().await;
    assert_eq!(summary.hostings_failed, 1, "{summary:?}");
    for (url, (outcome, detail)) in run.outcomes().await {
        assert_eq!(outcome, "refused", "{url}");
        let detail = detail.unwrap_or_default();
        assert!(detail.contains("a loopback address"), "{url}: {detail}");
        assert!(detail.contains("--allow-host"), "{url}: {detail}");
    }
    assert_never_connected(&v4);
    if let Some(v6) = &v6 {
        assert_never_connected(v6);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_that_resolves_to_loopback_is_refused_unless_allowed_and_then_fetched() {
    let server = Server::start();
    let port = server.host.rsplit_once(':').unwrap().1;
    let url = format!("http://localhost:{port}/git/app.git");
    commit_repository(
        &server.root,
        "app",
        &[Entry::File("publiccode.yml", publiccode_for(&url))],
    );
    let registry =
        format!("- id: ocha\n  name: OCHA\n  hosting:\n    - {{url: '{url}', kind: git}}\n");
    let refused = crawler(&registry, &[]).await;
    refused.crawl().await;
    let (outcome, detail) = refused.outcomes().await[&url].clone();
    assert_eq!(outcome, "refused");
    assert!(
        detail.as_deref().unwrap_or("").contains("localhost is at"),
        "{detail:?}"
    );
    assert!(
        server.state.lock().unwrap().requests.is_empty(),
        "nothing sent"
    );

    // Allowed by the operator: the ref advertisement, then git's own fetch (pinned to the
    // addresses checked).
    let allowed = crawler(&registry, &[&format!("localhost:{port}")]).await;
    allowed.crawl().await;
    let (outcome, detail) = allowed.outcomes().await[&url].clone();
    assert_eq!(outcome, "ok", "{detail:?}");
}
