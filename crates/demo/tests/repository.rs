//! Each entry's demo repository, imported with the real `git fast-import` and assessed with the
//! real assessor: it must look like the entry says (its age, its license, its upkeep).

use commons_demo::{entries, repository};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

const NOW: i64 = 1_780_315_200;

fn git(dir: &std::path::Path, args: &[&str], input: Option<&[u8]>) {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = input {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_entry_gets_a_repository_that_matches_it() {
    let work = tempfile::tempdir().unwrap();
    let mut authors_by_upkeep: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut security_policies = 0;
    for entry in entries() {
        let stream = repository::history(entry, NOW).expect(entry.file);
        let dir = work.path().join(entry.file.replace('/', "-"));
        std::fs::create_dir_all(&dir).unwrap();
        git(&dir, &["init", "-q", "--bare", "-b", "main"], None);
        git(&dir, &["fast-import", "--quiet"], Some(&stream));
        let input = commons_assess::Input {
            now: NOW,
            ..Default::default()
        };
        let a = commons_assess::assess(&dir, &input).unwrap();
        assert!(a.errors.is_empty(), "{}: {:?}", entry.file, a.errors);
        assert!(a.publiccode.valid, "{}", entry.file);
        let v = a.vitality.as_ref().unwrap();
        // The last commit is the entry's "last updated" date.
        assert_eq!(
            v.days_since_last_commit,
            Some(i64::from(entry.age_days)),
            "{}",
            entry.file
        );
        assert!(v.commits_total > 1 && v.history_complete, "{}", entry.file);
        // The license file is the declared license's text.
        assert!(
            !a.license.mismatch,
            "{}: {:?}",
            entry.file, a.license.mismatch_detail
        );
        assert!(a.cost.code_lines > 0, "{}", entry.file);
        let code = commons_publiccode::validate(entry.source.as_bytes(), &Default::default())
            .publiccode
            .unwrap();
        let upkeep = serde_json::to_value(code.maintenance.kind).unwrap();
        authors_by_upkeep
            .entry(upkeep.as_str().unwrap().to_string())
            .or_default()
            .push(v.authors_total);
        if a.security
            .checks
            .iter()
            .any(|c| c.id == "Security-Policy" && c.score.is_some_and(|s| s > 0))
        {
            security_policies += 1;
        }
    }
    // Community projects have more people than internal ones; unmaintained ones the fewest.
    let most = |kind: &str| authors_by_upkeep[kind].iter().copied().max().unwrap();
    let least = |kind: &str| authors_by_upkeep[kind].iter().copied().min().unwrap();
    assert!(
        least("community") > most("internal"),
        "{authors_by_upkeep:?}"
    );
    assert!(most("none") <= 3, "{authors_by_upkeep:?}");
    // Some projects have a security policy and some do not.
    assert!(security_policies > 0 && security_policies < entries().len());
}
