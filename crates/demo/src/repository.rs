//! A git repository for each demo entry, so that the demo catalog shows assessments.
//!
//! The entries are fictional and so are their repositories: [`history`] writes, as a
//! `git fast-import` stream, the files a project of that kind holds (its publiccode.yml, its
//! license text, source code, a lockfile and, depending on how well it is kept, a security
//! policy, CI, dependency updates, static analysis) and a history of dated commits by several
//! people with tagged releases. What it holds follows the entry: a stable, community-maintained
//! project has a long, busy history by many people and most of the files a careful project has;
//! its last commit is the entry's age (when it was "last updated"), so the demo's unmaintained
//! entries stopped committing years ago. Choices within that are drawn from a generator
//! seeded with the entry's file name, so the same entry always gets the same repository (for a
//! given "now"), and the assessment computed from it is reproducible.
//!
//! Nothing here does I/O: the caller feeds the stream to `git fast-import`.

use crate::DemoEntry;
use commons_publiccode::PublicCode;
use commons_publiccode::model::{DevelopmentStatus, MaintenanceType};
use std::fmt::Write as _;

const DAY: i64 = 86_400;

/// Fictional people committing to the demo repositories.
const PEOPLE: &[(&str, &str)] = &[
    ("Amina Diallo", "amina.diallo"),
    ("Diego Ramírez", "diego.ramirez"),
    ("Mei Lin", "mei.lin"),
    ("Olga Petrova", "olga.petrova"),
    ("Karim Haddad", "karim.haddad"),
    ("Grace Wanjiru", "grace.wanjiru"),
    ("Lucas Moreau", "lucas.moreau"),
    ("Priya Raman", "priya.raman"),
    ("Tomás Silva", "tomas.silva"),
    ("Fatima Zahra", "fatima.zahra"),
    ("Aleksandr Ivanov", "aleksandr.ivanov"),
    ("Nadia Rahman", "nadia.rahman"),
    ("Samuel Mensah", "samuel.mensah"),
    ("Li Wei", "li.wei"),
    ("Sofía Gómez", "sofia.gomez"),
    ("Youssef Benali", "youssef.benali"),
    ("Hannah Becker", "hannah.becker"),
    ("Kofi Boateng", "kofi.boateng"),
    ("Anaïs Dubois", "anais.dubois"),
    ("Ravi Kumar", "ravi.kumar"),
];

/// A programming language of a demo project: where its code goes, how a line of it looks, and
/// its lockfile.
struct Language {
    dir: &'static str,
    extension: &'static str,
    lockfile: &'static str,
    lock: fn(&mut Rng) -> String,
    line: fn(usize, usize) -> String,
}

const LANGUAGES: &[Language] = &[
    Language {
        dir: "app",
        extension: "py",
        lockfile: "requirements.txt",
        lock: |rng| {
            let django = ["4.2.16", "5.0.9", "5.1.3"][rng.below(3)];
            format!("django=={django}\nrequests==2.32.3\npsycopg==3.2.3\ncelery==5.4.0\n")
        },
        line: |f, n| format!("def step_{f}_{n}(record):\n    return record.get(\"field_{n}\")\n"),
    },
    Language {
        dir: "src",
        extension: "ts",
        lockfile: "package-lock.json",
        lock: |rng| {
            let express = ["4.18.2", "4.21.1"][rng.below(2)];
            format!(
                "{{\n  \"name\": \"demo\",\n  \"lockfileVersion\": 3,\n  \"packages\": {{\n    \
                 \"\": {{ \"name\": \"demo\" }},\n    \"node_modules/express\": {{ \"version\": \
                 \"{express}\" }},\n    \"node_modules/zod\": {{ \"version\": \"3.23.8\" }}\n  }}\n}}\n"
            )
        },
        line: |f, n| {
            format!(
                "export function step{f}x{n}(record: Record<string, string>) {{\n  return record[\"field{n}\"];\n}}\n"
            )
        },
    },
    Language {
        dir: "src/main/java/org/example/demo",
        extension: "java",
        lockfile: "pom.xml",
        lock: |_| {
            "<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.postgresql</groupId>\n      \
             <artifactId>postgresql</artifactId>\n      <version>42.7.4</version>\n    </dependency>\n  \
             </dependencies>\n</project>\n"
                .to_string()
        },
        line: |f, n| {
            format!(
                "    static String step{f}x{n}(java.util.Map<String, String> r) {{ return r.get(\"field{n}\"); }}\n"
            )
        },
    },
    Language {
        dir: "internal",
        extension: "go",
        lockfile: "go.sum",
        lock: |_| {
            "github.com/jackc/pgx/v5 v5.7.1 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\
             github.com/jackc/pgx/v5 v5.7.1/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
                .to_string()
        },
        line: |f, n| {
            format!(
                "func Step{f}x{n}(r map[string]string) string {{\n\treturn r[\"field{n}\"]\n}}\n"
            )
        },
    },
    Language {
        dir: "src",
        extension: "rs",
        lockfile: "Cargo.lock",
        lock: |_| {
            "version = 4\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.215\"\n\n[[package]]\n\
             name = \"tokio\"\nversion = \"1.41.1\"\n"
                .to_string()
        },
        line: |f, n| {
            format!(
                "pub fn step_{f}_{n}(r: &std::collections::HashMap<String, String>) -> Option<&String> {{\n    r.get(\"field_{n}\")\n}}\n"
            )
        },
    },
    Language {
        dir: "src",
        extension: "php",
        lockfile: "composer.lock",
        lock: |_| {
            "{\n  \"packages\": [\n    { \"name\": \"symfony/http-foundation\", \"version\": \"v6.4.14\" }\n  ]\n}\n"
                .to_string()
        },
        line: |f, n| {
            format!("function step_{f}_{n}(array $r) {{ return $r['field_{n}'] ?? null; }}\n")
        },
    },
];

/// A small deterministic generator (SplitMix64): the demo needs reproducible variety, not
/// unpredictability.
struct Rng(u64);

impl Rng {
    fn seeded(text: &str) -> Self {
        // FNV-1a of the seed text.
        let seed = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() % (high - low + 1) as u64) as i64
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// How a project is kept, from its publiccode.yml: the shape of its history and how many of a
/// careful project's files it has.
struct Shape {
    /// Days from the first commit to the last.
    span_days: i64,
    /// Days since the last commit: the entry's age, as its last commit is the one that last
    /// updated it in the catalog.
    quiet_days: i64,
    commits: usize,
    authors: usize,
    releases: usize,
    /// Chance (per cent) of each good-practice file.
    care: u64,
}

fn shape(code: &PublicCode, age_days: u32, rng: &mut Rng) -> Shape {
    let (span, commits, releases) = match code.development_status {
        DevelopmentStatus::Concept => (rng.between(30, 90), rng.between(4, 12), 0),
        DevelopmentStatus::Development => (rng.between(120, 400), rng.between(20, 80), 1),
        DevelopmentStatus::Beta => (rng.between(300, 900), rng.between(50, 150), 4),
        DevelopmentStatus::Stable => (rng.between(700, 2500), rng.between(120, 400), 10),
        DevelopmentStatus::Obsolete => (rng.between(1500, 3000), rng.between(60, 200), 6),
    };
    let (authors, care) = match code.maintenance.kind {
        MaintenanceType::Community => (rng.between(6, 14), 85),
        MaintenanceType::Internal => (rng.between(2, 5), 65),
        MaintenanceType::Contract => (rng.between(2, 3), 50),
        MaintenanceType::None => (rng.between(1, 3), 25),
    };
    Shape {
        span_days: span,
        quiet_days: i64::from(age_days),
        commits: commits as usize,
        authors: authors as usize,
        releases: releases.min(commits as usize / 8),
        care,
    }
}

/// The `git fast-import` stream of the entry's demo repository: branch `main`, its history
/// ending no later than `now` (Unix seconds). `None` when the entry does not validate (the demo
/// data is checked by the tests, so it always does).
pub fn history(entry: &DemoEntry, now: i64) -> Option<Vec<u8>> {
    let code =
        commons_publiccode::validate(entry.source.as_bytes(), &Default::default()).publiccode?;
    let mut rng = Rng::seeded(entry.file);
    let shape = shape(&code, entry.age_days, &mut rng);
    let language = &LANGUAGES[rng.below(LANGUAGES.len())];
    let team = team(&mut rng, shape.authors);
    let times = commit_times(&mut rng, &shape, now);

    let mut out = Stream::default();
    let mut files = initial_files(entry, &code, &shape, language, &mut rng);
    let mut sources: Vec<String> = (0..rng.between(6, 20))
        .map(|f| {
            (0..rng.between(8, 30))
                .map(|n| (language.line)(f as usize, n as usize))
                .collect()
        })
        .collect();
    for (f, text) in sources.iter().enumerate() {
        files.push((source_path(language, f), text.clone()));
    }
    let release_every = (shape.commits / (shape.releases + 1)).max(1);
    let mut release = 0;
    for (i, &time) in times.iter().enumerate() {
        let author = team[weighted_author(&mut rng, team.len())];
        let changed = if i == 0 {
            std::mem::take(&mut files)
        } else {
            let f = rng.below(sources.len());
            let line_number = sources[f].lines().count();
            for n in 0..rng.between(1, 6) {
                sources[f].push_str(&(language.line)(f, line_number + n as usize));
            }
            vec![(source_path(language, f), sources[f].clone())]
        };
        let message = if i == 0 {
            "Initial import".to_string()
        } else {
            format!("Handle field {} in step {}", i, i % 7)
        };
        out.commit(i, author, time, &message, &changed);
        if shape.releases > 0 && i > 0 && i % release_every == 0 && release < shape.releases {
            release += 1;
            let (major, minor) = ((release - 1) / 4 + 1, (release - 1) % 4);
            out.tag(&format!("v{major}.{minor}.0"), i, author, time);
        }
    }
    Some(out.0)
}

/// The files of the first commit: the entry's publiccode.yml, a README, the license text, the
/// lockfile and, by chance weighted by how the project is kept, good-practice files.
fn initial_files(
    entry: &DemoEntry,
    code: &PublicCode,
    shape: &Shape,
    language: &Language,
    rng: &mut Rng,
) -> Vec<(String, String)> {
    let mut files = vec![
        ("publiccode.yml".to_string(), entry.source.to_string()),
        (
            "README.md".to_string(),
            format!(
                "# {}\n\nSee publiccode.yml for what it does and who maintains it.\n",
                code.name
            ),
        ),
        (language.lockfile.to_string(), (language.lock)(rng)),
    ];
    if let Some(text) = license_text(&code.legal.license) {
        files.push(("LICENSE".into(), text));
    }
    let care = shape.care;
    if rng.chance(care) {
        files.push((
            "SECURITY.md".into(),
            "# Security policy\n\nReport a vulnerability privately to security@example.org; \
             we answer within five working days.\n"
                .into(),
        ));
    }
    if rng.chance(care) {
        files.push((
            "CONTRIBUTING.md".into(),
            "# Contributing\n\nOpen a merge request; the tests must pass.\n".into(),
        ));
    }
    if rng.chance(care) {
        files.push((
            ".github/dependabot.yml".into(),
            "version: 2\nupdates:\n  - package-ecosystem: \"github-actions\"\n    directory: \"/\"\n    \
             schedule:\n      interval: \"weekly\"\n"
                .into(),
        ));
    }
    if rng.chance(care) {
        files.push((
            ".github/workflows/ci.yml".into(),
            ci_workflow(rng.chance(care)),
        ));
    }
    if rng.chance(care / 2) {
        files.push((".github/workflows/codeql.yml".into(), CODEQL.into()));
    }
    files
}

/// A CI workflow running the tests; its actions pinned by commit or by tag.
fn ci_workflow(pinned: bool) -> String {
    let checkout = if pinned {
        "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"
    } else {
        "actions/checkout@v4"
    };
    let permissions = if pinned {
        "permissions:\n  contents: read\n"
    } else {
        ""
    };
    format!(
        "name: ci\non: [push, pull_request]\n{permissions}jobs:\n  test:\n    runs-on: ubuntu-latest\n    \
         steps:\n      - uses: {checkout}\n      - run: make test\n"
    )
}

const CODEQL: &str = "name: codeql\non: [push]\npermissions:\n  contents: read\n  security-events: write\n\
jobs:\n  analyse:\n    runs-on: ubuntu-latest\n    steps:\n      \
- uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n      \
- uses: github/codeql-action/init@0000000000000000000000000000000000000001\n      \
- uses: github/codeql-action/analyze@0000000000000000000000000000000000000001\n";

/// The standard text of the first license of an SPDX expression.
fn license_text(expression: &str) -> Option<String> {
    let first = expression
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .find(|t| !t.is_empty() && !matches!(*t, "OR" | "AND" | "WITH"))?;
    let license = spdx::license_id(first)?;
    Some(license.text().to_string())
}

fn source_path(language: &Language, file: usize) -> String {
    format!("{}/module_{file}.{}", language.dir, language.extension)
}

/// `count` different people.
fn team(rng: &mut Rng, count: usize) -> Vec<(&'static str, &'static str)> {
    let mut people: Vec<_> = PEOPLE.to_vec();
    let mut team = Vec::new();
    while team.len() < count.min(PEOPLE.len()) {
        team.push(people.swap_remove(rng.below(people.len())));
    }
    team
}

/// An author index weighted towards the first members (a few people make most commits, as in
/// most projects).
fn weighted_author(rng: &mut Rng, team: usize) -> usize {
    let a = rng.below(team);
    let b = rng.below(team);
    a.min(b)
}

/// Commit times, oldest first, spread over the project's span and ending `quiet_days` before
/// `now`.
fn commit_times(rng: &mut Rng, shape: &Shape, now: i64) -> Vec<i64> {
    let last = now - shape.quiet_days * DAY - rng.between(0, DAY / 2);
    let first = last - shape.span_days * DAY;
    let mut times: Vec<i64> = (1..shape.commits)
        .map(|_| rng.between(first, last - 1))
        .collect();
    times.push(first);
    times.push(last);
    times.sort_unstable();
    times.dedup();
    times
}

/// A `git fast-import` stream being written.
#[derive(Default)]
struct Stream(Vec<u8>);

impl Stream {
    fn data(&mut self, bytes: &[u8]) {
        self.0
            .extend_from_slice(format!("data {}\n", bytes.len()).as_bytes());
        self.0.extend_from_slice(bytes);
        self.0.push(b'\n');
    }

    fn commit(
        &mut self,
        mark: usize,
        (name, login): (&str, &str),
        time: i64,
        message: &str,
        files: &[(String, String)],
    ) {
        let mut head = String::new();
        let _ = write!(
            head,
            "commit refs/heads/main\nmark :{}\nauthor {name} <{login}@example.org> {time} +0000\n\
             committer {name} <{login}@example.org> {time} +0000\n",
            mark + 1
        );
        self.0.extend_from_slice(head.as_bytes());
        self.data(message.as_bytes());
        if mark > 0 {
            self.0
                .extend_from_slice(format!("from :{mark}\n").as_bytes());
        }
        for (path, text) in files {
            self.0
                .extend_from_slice(format!("M 100644 inline {path}\n").as_bytes());
            self.data(text.as_bytes());
        }
        self.0.push(b'\n');
    }

    fn tag(&mut self, name: &str, mark: usize, (person, login): (&str, &str), time: i64) {
        self.0.extend_from_slice(
            format!(
                "tag {name}\nfrom :{}\ntagger {person} <{login}@example.org> {time} +0000\n",
                mark + 1
            )
            .as_bytes(),
        );
        self.data(format!("Release {name}\n").as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_entry_gives_the_same_stream() {
        let entry = &crate::entries()[0];
        let a = history(entry, 1_780_315_200).unwrap();
        let b = history(entry, 1_780_315_200).unwrap();
        assert_eq!(a, b);
        let other = history(&crate::entries()[1], 1_780_315_200).unwrap();
        assert_ne!(a, other);
    }

    #[test]
    fn the_license_text_is_the_first_of_the_expression() {
        assert!(
            license_text("MIT OR Apache-2.0")
                .unwrap()
                .contains("Permission is hereby granted")
        );
        assert!(
            license_text("(Apache-2.0 AND MIT)")
                .unwrap()
                .contains("Apache License")
        );
        assert!(license_text("LicenseRef-internal").is_none());
    }
}
