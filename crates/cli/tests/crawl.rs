//! `commons publishers check` and `commons crawl` end to end: the binary, a real git server on
//! loopback (the workspace's, which runs the real `git http-backend`), exit statuses.

mod support;

use commons_test_support::git_http::{GitHttpServer, commit_files, publish};
use std::path::Path;
use support::{commons, stderr, stdout};

#[test]
fn publishers_check_reports_positions_and_exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.yml");
    std::fs::write(
        &good,
        "- id: unicef\n  name: UNICEF\n  hosting:\n    - url: https://gitlab.example.org/unicef\n      kind: gitlab\n",
    )
    .unwrap();
    let out = commons(&["publishers", "check", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let bad = dir.path().join("bad.yml");
    std::fs::write(
        &bad,
        "- id: UNICEF!\n  name: UNICEF\n  hosting:\n    - url: ftp://x.example/y\n      kind: svn\n",
    )
    .unwrap();
    let out = commons(&["publishers", "check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(
        text.contains("bad.yml:1:"),
        "positions like a compiler: {text}"
    );
    assert!(text.contains(":5:"), "the bad kind on line 5: {text}");

    let out = commons(&["publishers", "check", "/no/such/file.yml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn crawl_records_outcomes_and_skips_what_did_not_change() {
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("git");
    std::fs::create_dir_all(&root).unwrap();
    let server = GitHttpServer::start(&root);
    let base = &server.base;
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml"),
    )
    .unwrap();
    publish(
        &root,
        "good",
        &example.replace(
            "https://github.com/primeroIMS/primero",
            &format!("{base}/good.git"),
        ),
    );
    commit_files(&root, "none", &[("README", b"nothing yet\n")]);
    let registry = work.path().join("publishers.yml");
    std::fs::write(
        &registry,
        format!(
            "- id: testers\n  name: Testers\n  hosting:\n    - url: {base}/good.git\n      kind: git\n    - url: {base}/none.git\n      kind: git\n"
        ),
    )
    .unwrap();
    let data = work.path().join("data");
    let crawl = || {
        commons(&[
            "crawl",
            "--publishers",
            registry.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
            "--allow-host",
            &server.address.to_string(),
        ])
    };
    let first = crawl();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let log = stderr(&first);
    assert!(log.contains(&format!("ok {base}/good.git")), "{log}");
    assert!(log.contains(&format!("not_found {base}/none.git")), "{log}");

    let second = crawl();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let log = stderr(&second);
    assert!(
        log.contains(&format!("skipped_unchanged {base}/good.git")),
        "nothing changed, nothing downloaded: {log}"
    );

    assert!(
        stdout(&second).contains("git cache: 2 repositories"),
        "{}",
        stdout(&second)
    );

    // `commons gc` removes cache repositories beyond the cap, least recently used first, but
    // never one used in the last ten minutes: age both there are, then prune to nothing.
    let cache = data.join("git-cache");
    let repositories: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    assert_eq!(repositories.len(), 2, "{repositories:?}");
    let gc = |data: &Path| {
        commons(&[
            "gc",
            "--data",
            data.to_str().unwrap(),
            "--git-cache-max-mib",
            "0",
        ])
    };
    let out = gc(&data);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("0 least recently used removed"),
        "{}",
        stdout(&out)
    );
    let hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for repository in &repositories {
        std::fs::File::options()
            .write(true)
            .open(repository.join("commons-used"))
            .unwrap()
            .set_modified(hours_ago)
            .unwrap();
    }
    let out = gc(&data);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 least recently used removed"),
        "{}",
        stdout(&out)
    );
    assert!(repositories.iter().all(|r| !r.exists()));
    // The catalog does not need it: the next crawl goes on as before.
    let third = crawl();
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    assert!(stderr(&third).contains(&format!("skipped_unchanged {base}/good.git")));

    // A registry that cannot be read is the command's failure, not an outcome.
    let out = commons(&[
        "crawl",
        "--publishers",
        "/no/such/registry.yml",
        "--data",
        data.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}
