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
