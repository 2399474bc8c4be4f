use crate::support::*;
use std::time::Instant;

#[test]
fn symlinks_out_of_the_tree_are_never_followed() {
    let repo = TestRepo::new();
    repo.symlink("LICENSE", "/etc/passwd");
    repo.symlink("SECURITY.md", "../../../../etc/hostname");
    repo.symlink("Cargo.lock", "/etc/passwd");
    repo.symlink(".github/workflows/ci.yml", "/etc/passwd");
    repo.commit();
    let a = assess(repo.path());
    let license = &a.license.files[0];
    assert!(license.license.is_none());
    assert!(
        license
            .problem
            .as_deref()
            .unwrap()
            .contains("symbolic link")
    );
    assert!(
        a.errors
            .iter()
            .any(|e| e.check == "vulnerabilities" && e.message.contains("Cargo.lock"))
    );
    assert!(
        a.errors
            .iter()
            .any(|e| e.check == "workflows" && e.message.contains("ci.yml"))
    );
    // The policy is a link: Security-Policy does not count it.
    let policy = a
        .security
        .checks
        .iter()
        .find(|c| c.id == "Security-Policy")
        .unwrap();
    assert_eq!(policy.score, Some(0));
}

#[test]
fn a_history_with_a_missing_commit_is_a_clear_vitality_error() {
    let repo = TestRepo::new();
    repo.write("a", "1");
    repo.commit();
    // A commit whose parent is not in the repository (as a broken or tampered clone has).
    let tree = repo.git(&["rev-parse", "HEAD^{tree}"]);
    let missing = "1234567890123456789012345678901234567890";
    let body = format!(
        "tree {}\nparent {missing}\nauthor A <a@example.org> {t} +0000\n\
         committer A <a@example.org> {t} +0000\n\nbroken\n",
        tree.trim(),
        t = NOW - DAY
    );
    let object = repo.path().join("broken-commit");
    std::fs::write(&object, body).unwrap();
    let id = repo.git(&[
        "hash-object",
        "-t",
        "commit",
        "-w",
        "--literally",
        object.to_str().unwrap(),
    ]);
    repo.git(&["update-ref", "HEAD", id.trim()]);
    let a = assess(repo.path());
    assert!(a.vitality.is_none());
    let error = a.errors.iter().find(|e| e.check == "vitality").unwrap();
    assert!(error.message.contains(missing), "{}", error.message);
    // The other sections are still assessed.
    assert!(!a.security.checks.is_empty());
}

#[test]
fn binary_junk_named_license_gives_a_clear_error() {
    let repo = TestRepo::new();
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    repo.write("LICENSE", &junk);
    repo.commit();
    let a = assess(repo.path());
    let problem = a.license.files[0].problem.as_deref().unwrap();
    assert!(problem.contains("binary"), "{problem}");
    assert!(
        a.errors
            .iter()
            .any(|e| e.check == "license" && e.message.starts_with("LICENSE: is binary"))
    );
}

#[test]
fn a_one_gigabyte_file_is_not_read_whole() {
    let repo = TestRepo::new();
    // Zeros compress well, so the object is small, but git reports its full size.
    let f = std::fs::File::create(repo.path().join("LICENSE")).unwrap();
    f.set_len(1 << 30).unwrap();
    drop(f);
    let f = std::fs::File::create(repo.path().join("big.exe")).unwrap();
    f.set_len(1 << 30).unwrap();
    drop(f);
    repo.git(&["config", "core.bigFileThreshold", "1m"]);
    repo.commit();
    // Free the disk before assessing: the assessment reads the object database only.
    std::fs::remove_file(repo.path().join("LICENSE")).unwrap();
    std::fs::remove_file(repo.path().join("big.exe")).unwrap();
    let started = Instant::now();
    let a = assess(repo.path());
    assert!(started.elapsed().as_secs() < 60);
    let problem = a.license.files[0].problem.as_deref().unwrap();
    assert!(problem.contains("1073741824 bytes"), "{problem}");
    // Binary-Artifacts reads only a prefix of the large .exe.
    let bin = a
        .security
        .checks
        .iter()
        .find(|c| c.id == "Binary-Artifacts")
        .unwrap();
    assert_eq!(bin.score, Some(9));
}

#[test]
fn a_lockfile_of_ten_million_lines_stays_bounded() {
    let repo = TestRepo::new();
    let mut text = String::with_capacity(60_000_000);
    for i in 0..10_000_000u32 {
        text.push_str("pkg");
        text.push_str(&(i % 100).to_string());
        text.push_str("==1\n");
    }
    repo.write("requirements.txt", &text);
    // 300,000 distinct pins in 3 MB: under the size cap, over the package cap.
    let mut many = String::new();
    for i in 0..300_000u32 {
        many.push_str(&format!("p{i}==1\n"));
    }
    repo.write("sub/requirements.txt", &many);
    drop(text);
    repo.commit();
    let started = Instant::now();
    let a = assess(repo.path());
    assert!(started.elapsed().as_secs() < 60);
    assert!(
        a.errors
            .iter()
            .any(|e| e.message.contains("requirements.txt") && e.message.contains("bytes")),
        "{:?}",
        a.errors
    );
    assert!(
        a.errors
            .iter()
            .any(|e| e.message.contains("sub/requirements.txt")
                && e.message.contains("more than 200000 packages")),
        "{:?}",
        a.errors
    );
}

#[test]
fn not_a_repository_and_an_empty_repository_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = commons_assess::assess(dir.path(), &Default::default())
        .err()
        .unwrap();
    assert!(err.to_string().contains("not a git repository"), "{err}");
    let empty = TestRepo::new();
    let err = commons_assess::assess(empty.path(), &Default::default())
        .err()
        .unwrap();
    assert!(err.to_string().contains("no commit"), "{err}");
}

#[test]
fn a_bare_clone_is_assessed_like_its_work_tree() {
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("MIT"));
    repo.write(".mailmap", "A <a@example.org> <old@example.org>\n");
    repo.commit_as("A", "old@example.org", NOW - 20 * DAY);
    repo.commit_as("A", "a@example.org", NOW - 10 * DAY);
    let bare = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("git")
        .args(["clone", "-q", "--bare"])
        .arg(repo.path())
        .arg(bare.path().join("r.git"))
        .status()
        .unwrap();
    assert!(status.success());
    let a = assess(&bare.path().join("r.git"));
    assert_eq!(a.license.files[0].license.as_deref(), Some("MIT"));
    let v = a.vitality.as_ref().unwrap();
    assert_eq!(v.commits_total, 2);
    assert_eq!(
        v.authors_total, 1,
        ".mailmap is read from HEAD in a bare repository"
    );
}
