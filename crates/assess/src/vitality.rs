//! Vitality: Developers Italia's vitality index, reproduced exactly as their crawler computes it
//! (publiccode-crawler `git/repo_activity.go`, `vitality-ranges.yml`), and beside it signals a
//! curator can read directly: recent commits and authors (with `.mailmap`), releases, bus factor,
//! days since the last commit.
//!
//! Quirks of the original kept on purpose, so that values are comparable: authors are counted
//! by raw e-mail, cumulatively since the first commit (not in the window); a merge commit counts
//! twice in the day's activity; a day's release count is the number of tags whose target commit
//! is dated that day; the window is 60 days ending at "now" (keeping now's time of day).

use crate::repo::{Commit, Repo, RepoError, Tag};
use crate::say::say;
use crate::{CheckError, Evidence};
pub use commons_report::{DevelopersItaliaIndex, VitalityReport};
use std::collections::HashMap;

/// Days in Developers Italia's window (`ACTIVITY_DAYS` default).
pub const DI_WINDOW_DAYS: i64 = 60;
/// Most commits read from history. The walk remembers every commit it has seen (about 40 bytes
/// each), so this also bounds its memory (about 200 MB); the largest public histories (Linux,
/// Chromium) hold 1.3 to 1.6 million commits.
pub const MAX_COMMITS: usize = 5_000_000;
const DAY: i64 = 86_400;
/// Commits before this date (2005-01-01) make Developers Italia's crawler refuse the repository.
const DI_EARLIEST: i64 = 1_104_537_600;

/// Points tables: each range is `min <= value < max`.
const USER_COMMUNITY: &[(f64, f64, u32)] = &[
    (0.0, 2.0, 4),
    (2.0, 4.0, 8),
    (4.0, 8.0, 12),
    (8.0, 12.0, 16),
    (12.0, 16.0, 20),
    (16.0, 20.0, 24),
    (20.0, 24.0, 28),
    (24.0, 28.0, 32),
    (28.0, 10_000.0, 36),
];
const CODE_ACTIVITY: &[(f64, f64, u32)] = &[
    (0.0, 4.0, 2),
    (4.0, 6.0, 8),
    (6.0, 9.0, 14),
    (9.0, 12.0, 20),
    (12.0, 15.0, 26),
    (15.0, 18.0, 32),
    (18.0, 25.0, 38),
    (25.0, 30.0, 44),
    (30.0, 35.0, 50),
    (35.0, 10_000.0, 60),
];
const RELEASE_HISTORY: &[(f64, f64, u32)] = &[
    (0.0, 1.0, 20),
    (1.0, 2.0, 30),
    (2.0, 4.0, 40),
    (4.0, 100.0, 50),
];
const LONGEVITY: &[(f64, f64, u32)] =
    &[(0.0, 365.0, 20), (365.0, 730.0, 30), (730.0, 10_000.0, 35)];

fn points(table: &[(f64, f64, u32)], value: f64) -> u32 {
    table
        .iter()
        .find(|(min, max, _)| *min <= value && value < *max)
        .map(|r| r.2)
        .unwrap_or(0)
}

#[derive(Default)]
struct Day {
    commits: u32,
    merges: u32,
}

/// Aggregates streamed commits; kept small (per day and per author) so that memory does not
/// grow with the history's text.
#[derive(Default)]
struct Accumulator {
    days: HashMap<i64, Day>,
    first_day_of_email: HashMap<String, i64>,
    mailmapped: HashMap<String, (i64, usize, usize)>,
    total: usize,
    oldest: Option<i64>,
    newest: Option<(i64, String)>,
}

impl Accumulator {
    /// Counts one commit. Keys are allocated only for an author not seen before, so the walk
    /// allocates nothing for most commits.
    fn add(&mut self, c: Commit<'_>, now: i64) {
        let day = c.author_time.div_euclid(DAY);
        let entry = self.days.entry(day).or_default();
        entry.commits += 1;
        if c.parents > 1 {
            entry.merges += 1;
        }
        match self.first_day_of_email.get_mut(c.author_email) {
            Some(first) => *first = (*first).min(day),
            None => {
                self.first_day_of_email
                    .insert(c.author_email.to_string(), day);
            }
        }
        let age = now - c.author_time;
        let identity = lowercase(c.mailmapped_email);
        let who = match self.mailmapped.get_mut(identity.as_ref()) {
            Some(who) => who,
            None => self
                .mailmapped
                .entry(identity.into_owned())
                .or_insert((i64::MAX, 0, 0)),
        };
        who.0 = who.0.min(age);
        who.2 += 1;
        if (0..365 * DAY).contains(&age) {
            who.1 += 1;
        }
        self.total += 1;
        self.oldest = Some(self.oldest.map_or(c.author_time, |o| o.min(c.author_time)));
        if self.newest.as_ref().is_none_or(|(t, _)| c.author_time > *t) {
            self.newest = Some((c.author_time, c.id.to_string()));
        }
    }
}

/// An e-mail folded to lower case, borrowed when it already is (the common case).
fn lowercase(email: &str) -> std::borrow::Cow<'_, str> {
    if email.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(email.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(email)
    }
}

/// Walks the history and the tags and computes the vitality section at time `now` (Unix s).
pub fn assess(
    repo: &Repo,
    now: i64,
    errors: &mut Vec<CheckError>,
) -> Result<VitalityReport, RepoError> {
    let mut acc = Accumulator::default();
    // The tags are read while the history streams (another git process, another core).
    let (complete, tags) = std::thread::scope(|scope| {
        let tags = scope.spawn(|| repo.tags());
        let complete = repo.walk_history(MAX_COMMITS, |c| acc.add(c, now));
        let tags = tags
            .join()
            .unwrap_or_else(|_| Err(RepoError::Io(std::io::Error::other("tag reader failed"))));
        (complete, tags)
    });
    let complete = complete?;
    if !complete {
        errors.push(CheckError::new(
            "vitality",
            say("error-history-cut", &[("count", acc.total.into())]),
        ));
    }
    let tags = match tags {
        Ok(tags) => tags,
        Err(e) => {
            errors.push(CheckError::new(
                "vitality",
                say("error-tags-not-read", &[("detail", e.to_string().into())]),
            ));
            Vec::new()
        }
    };
    Ok(report(acc, &tags, now, complete, repo.head()))
}

fn report(acc: Accumulator, tags: &[Tag], now: i64, complete: bool, head: &str) -> VitalityReport {
    let developers_italia = developers_italia(&acc, tags, now);
    // An author is active in a window when their newest commit is inside it.
    let active = |days: i64| {
        acc.mailmapped
            .values()
            .filter(|(age, _, _)| (0..days * DAY).contains(age))
            .count()
    };
    let (authors_90, authors_365) = (active(90), active(365));
    let commits_90 = count_recent(&acc, now, 90);
    let commits_365 = acc.mailmapped.values().map(|v| v.1).sum();
    let bus_factor = bus_factor(&acc);
    let dated_tags: Vec<&Tag> = tags.iter().filter(|t| t.commit_time.is_some()).collect();
    let latest_release = dated_tags
        .iter()
        .max_by_key(|t| t.commit_time)
        .map(|t| t.name.clone());
    let releases_365 = dated_tags
        .iter()
        .filter(|t| {
            t.commit_time
                .is_some_and(|ct| (0..365 * DAY).contains(&(now - ct)))
        })
        .count();
    let mut evidence = vec![Evidence::rule(
        "history-walk",
        say(
            "evidence-history-walk",
            &[("count", acc.total.into()), ("head", head.into())],
        ),
    )];
    if let Some((_, id)) = &acc.newest {
        evidence.push(Evidence {
            commit: Some(id.clone()),
            ..Evidence::rule("last-commit", say("evidence-last-commit", &[]))
        });
    }
    VitalityReport {
        developers_italia,
        commits_total: acc.total,
        commits_90_days: commits_90,
        commits_365_days: commits_365,
        authors_90_days: authors_90,
        authors_365_days: authors_365,
        authors_total: acc.mailmapped.len(),
        releases: tags.len(),
        releases_365_days: releases_365,
        latest_release,
        bus_factor,
        days_since_last_commit: acc.newest.as_ref().map(|(t, _)| (now - t).div_euclid(DAY)),
        last_commit: acc.newest.as_ref().map(|(_, id)| id.clone()),
        last_commit_at: acc.newest.as_ref().map(|(t, _)| *t),
        history_complete: complete,
        evidence,
    }
}

/// Commits in the last `days` days, counted by whole UTC days (the window's first day is
/// counted whole).
fn count_recent(acc: &Accumulator, now: i64, days: i64) -> usize {
    let from = now - days * DAY;
    acc.days
        .iter()
        .filter(|(day, _)| {
            let start = **day * DAY;
            start + DAY > from && start <= now
        })
        .map(|(_, d)| d.commits as usize)
        .sum()
}

fn bus_factor(acc: &Accumulator) -> usize {
    let recent: usize = acc.mailmapped.values().map(|v| v.1).sum();
    let mut counts: Vec<usize> = if recent > 0 {
        acc.mailmapped
            .values()
            .map(|v| v.1)
            .filter(|&n| n > 0)
            .collect()
    } else {
        acc.mailmapped.values().map(|v| v.2).collect()
    };
    let total: usize = counts.iter().sum();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    let mut covered = 0;
    for (i, n) in counts.iter().enumerate() {
        covered += n;
        if covered * 2 >= total {
            return i + 1;
        }
    }
    0
}

fn developers_italia(acc: &Accumulator, tags: &[Tag], now: i64) -> DevelopersItaliaIndex {
    let method = "developers-italia/publiccode-crawler@9dbec2ed repo_activity.go";
    let mut out = DevelopersItaliaIndex {
        index: None,
        window_days: DI_WINDOW_DAYS,
        longevity_days: 0.0,
        authors_total: 0,
        refused: None,
        method: method.to_string(),
    };
    let Some(oldest) = acc.oldest else {
        out.refused = Some("no commits".into());
        return out;
    };
    if oldest < DI_EARLIEST {
        out.refused = Some("a commit is dated before 2005-01-01 (treated as bogus)".into());
        return out;
    }
    let longevity = (now - oldest) as f64 / DAY as f64;
    out.longevity_days = (longevity * 100.0).round() / 100.0;
    let mut tag_days: HashMap<i64, u32> = HashMap::new();
    for t in tags {
        if let Some(ct) = t.commit_time {
            *tag_days.entry(ct.div_euclid(DAY)).or_default() += 1;
        }
    }
    let mut first_days: Vec<i64> = acc.first_day_of_email.values().copied().collect();
    first_days.sort_unstable();
    let mut sum = 0u64;
    let mut last_authors = 0;
    for idx in 0..DI_WINDOW_DAYS {
        let cutoff = now - idx * DAY;
        let cutoff_day = cutoff.div_euclid(DAY);
        // Authors of every day entry whose day (midnight) is before the cutoff.
        let authors = first_days.partition_point(|d| d * DAY < cutoff);
        if idx == 0 {
            last_authors = authors;
        }
        let (commits, merges) = acc
            .days
            .get(&cutoff_day)
            .map_or((0, 0), |d| (d.commits, d.merges));
        let tags = tag_days.get(&cutoff_day).copied().unwrap_or(0);
        let daily = points(USER_COMMUNITY, authors as f64)
            + points(CODE_ACTIVITY, f64::from(commits + merges))
            + points(RELEASE_HISTORY, f64::from(tags))
            + points(LONGEVITY, longevity);
        sum += u64::from(daily.min(100));
    }
    let mean = sum as f64 / DI_WINDOW_DAYS as f64;
    out.index = Some(mean.min(100.0).trunc() as u32);
    out.authors_total = last_authors;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit(email: &str, time: i64, parents: u32) -> Commit<'_> {
        Commit {
            id: "c0ffee",
            author_email: email,
            mailmapped_email: email,
            author_time: time,
            parents,
        }
    }

    #[test]
    fn ranges_are_half_open() {
        assert_eq!(points(USER_COMMUNITY, 1.0), 4);
        assert_eq!(points(USER_COMMUNITY, 2.0), 8);
        assert_eq!(points(CODE_ACTIVITY, 35.0), 60);
        assert_eq!(points(RELEASE_HISTORY, 100.0), 0);
        assert_eq!(points(LONGEVITY, 729.9), 30);
    }

    #[test]
    fn a_quiet_young_repository_scores_the_minimum() {
        let now = 1_700_000_000;
        let mut acc = Accumulator::default();
        acc.add(commit("a@x", now - 200 * DAY, 0), now);
        let di = developers_italia(&acc, &[], now);
        // 4 (1 author) + 2 (no commits) + 20 (no tags) + 20 (under a year) every day.
        assert_eq!(di.index, Some(46));
    }

    #[test]
    fn merges_count_twice_and_tags_count_on_their_commit_day() {
        let now = 1_700_000_000;
        let mut acc = Accumulator::default();
        for i in 0..3 {
            acc.add(commit("a@x", now - 1000 * DAY + i, 0), now);
        }
        // Two merges today: commits 2 + merges 2 = 4 -> 8 points today instead of 2.
        acc.add(commit("b@x", now - 10, 2), now);
        acc.add(commit("b@x", now - 20, 2), now);
        let tag = Tag {
            name: "v1".into(),
            commit_time: Some(now - 10),
            signed: false,
        };
        let di = developers_italia(&acc, &[tag], now);
        // 59 days at 4+2+20+35 = 61 (b@x not seen yet), today 8+8+30+35 = 81: mean 61.33 -> 61.
        assert_eq!(di.index, Some(61));
    }

    #[test]
    fn refuses_bogus_dates() {
        let mut acc = Accumulator::default();
        acc.add(commit("a@x", 0, 0), 1_700_000_000);
        assert!(developers_italia(&acc, &[], 1_700_000_000).index.is_none());
    }
}
