use crate::support::*;

#[test]
fn figures_from_a_dated_history_with_mailmap_and_tags() {
    let repo = TestRepo::new();
    // Three years of history: alice (two addresses merged by .mailmap), bob, carol.
    repo.write("a", "1");
    repo.commit_as("Alice", "alice@old.example", NOW - 1000 * DAY);
    repo.tag("v0.1");
    repo.write("a", "2");
    repo.commit_as("Bob", "bob@example.org", NOW - 500 * DAY);
    repo.write(
        ".mailmap",
        "Alice <alice@example.org> <alice@old.example>\n",
    );
    repo.commit_as("Alice", "alice@example.org", NOW - 200 * DAY);
    for i in 0..5 {
        repo.write("a", format!("{i}"));
        repo.commit_as("Alice", "alice@example.org", NOW - (10 + i) * DAY);
    }
    repo.write("a", "last");
    repo.commit_as("Carol", "carol@example.org", NOW - 3 * DAY);
    repo.tag("v1.0");
    let a = assess(repo.path());
    let v = a.vitality.as_ref().unwrap();
    assert_eq!(v.commits_total, 9);
    assert_eq!(v.commits_90_days, 6);
    assert_eq!(v.commits_365_days, 7);
    assert_eq!(v.authors_total, 3, "alice's two addresses are one person");
    assert_eq!(v.authors_90_days, 2);
    assert_eq!(v.authors_365_days, 2);
    assert_eq!(v.releases, 2);
    assert_eq!(v.releases_365_days, 1);
    assert_eq!(v.latest_release.as_deref(), Some("v1.0"));
    assert_eq!(v.days_since_last_commit, Some(3));
    assert_eq!(v.bus_factor, 1, "alice made 6 of the 7 commits of the year");
    assert!(v.history_complete);
    // Developers Italia: 4 raw e-mails before every cutoff of the window (alice's old and new
    // address count twice: no mailmap) -> 12 points; longevity 1000 days -> 35; release 20.
    // Days with commits: 5 days with 1 commit (2 points, like no commit) -> every day scores
    // 12 + 2 + 20 + 35 = 69, except the day of v1.0 (30 points: 79), 3 days ago.
    // Carol's first commit is 3 days ago: cutoffs older than that see 3 e-mails (8 points).
    let di = &v.developers_italia;
    let days_with_4 = 3 + 1; // idx 0..=3 see carol
    let expected = ((days_with_4 * 12 + (60 - days_with_4) * 8) + 60 * (2 + 20 + 35) + 10) / 60;
    assert_eq!(di.index, Some(expected as u32), "{di:?}");
}

#[test]
fn a_young_quiet_repository_scores_low_and_an_old_date_is_refused() {
    let repo = TestRepo::new();
    repo.commit_as("A", "a@example.org", NOW - 100 * DAY);
    let a = assess(repo.path());
    let v = a.vitality.as_ref().unwrap();
    assert_eq!(v.developers_italia.index, Some(46));
    assert_eq!(v.commits_90_days, 0);
    assert_eq!(v.days_since_last_commit, Some(100));

    let old = TestRepo::new();
    old.commit_as("A", "a@example.org", 1_000_000_000);
    let a = assess(old.path());
    let di = &a.vitality.as_ref().unwrap().developers_italia;
    assert_eq!(di.index, None);
    assert!(di.refused.as_deref().unwrap().contains("2005"));
}

/// The ids of the first `max` commits the walk visits, and whether it said it was complete.
fn walk(path: &std::path::Path, max: usize) -> (Vec<String>, bool) {
    let repo = commons_assess::repo::Repo::open(path).unwrap();
    let mut ids = Vec::new();
    let complete = repo
        .walk_history(max, |c| ids.push(c.id.to_string()))
        .unwrap();
    (ids, complete)
}

#[test]
fn the_walk_goes_newest_first_so_a_cut_history_keeps_the_recent_commits() {
    let repo = TestRepo::new();
    let root = repo.commit_as("A", "a@example.org", NOW - 100 * DAY);
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("side", "1");
    let old_side = repo.commit_as("B", "b@example.org", NOW - 95 * DAY);
    repo.git(&["checkout", "-q", "main"]);
    repo.write("main", "1");
    let mainline = repo.commit_as("A", "a@example.org", NOW - 90 * DAY);
    let date = format!("@{} +0000", NOW - 5 * DAY);
    repo.git_env(
        &["merge", "-q", "--no-ff", "-m", "merge side", "side"],
        &[
            ("GIT_AUTHOR_DATE", date.clone()),
            ("GIT_COMMITTER_DATE", date),
        ],
    );
    let merge = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    repo.write("main", "2");
    let newest = repo.commit_as("A", "a@example.org", NOW - 3 * DAY);

    let (all, complete) = walk(repo.path(), usize::MAX);
    assert!(complete);
    assert_eq!(
        all,
        [
            newest.clone(),
            merge.clone(),
            mainline.clone(),
            old_side,
            root
        ]
    );
    // A depth-first walk would take the merged branch's old commit before the mainline's.
    let (cut, complete) = walk(repo.path(), 3);
    assert!(!complete);
    assert_eq!(cut, [newest, merge, mainline]);
}

#[test]
fn a_shallow_clone_is_walked_to_its_boundary() {
    let repo = TestRepo::new();
    for i in 0..5 {
        repo.write("a", format!("{i}"));
        repo.commit_as("A", "a@example.org", NOW - (50 - i) * DAY);
    }
    let clone = tempfile::tempdir().unwrap();
    let source = format!("file://{}", repo.path().display());
    run(std::process::Command::new("git")
        .args(["clone", "-q", "--bare", "--depth", "2", &source])
        .arg(clone.path()));
    let (ids, complete) = walk(clone.path(), usize::MAX);
    assert_eq!(ids.len(), 2);
    assert!(complete);
    let v = assess(clone.path()).vitality.unwrap();
    assert_eq!(v.commits_total, 2);
}

#[test]
fn an_author_e_mail_that_is_not_utf8_is_still_one_author() {
    use std::os::unix::ffi::OsStrExt;
    let repo = TestRepo::new();
    for day in [30, 20] {
        repo.write("a", format!("{day}"));
        repo.git(&["add", "-A"]);
        let date = format!("@{} +0000", NOW - day * DAY);
        run(std::process::Command::new("git")
            .current_dir(repo.path())
            .args(["commit", "-q", "-m", "latin-1 author"])
            .env("GIT_AUTHOR_NAME", "Jos\u{e9}")
            .env(
                "GIT_AUTHOR_EMAIL",
                std::ffi::OsStr::from_bytes(b"jos\xe9@example.org"),
            )
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date));
    }
    let v = assess(repo.path()).vitality.unwrap();
    assert_eq!(v.commits_total, 2);
    assert_eq!(v.authors_total, 1);
    assert_eq!(v.commits_90_days, 2);
}
