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

fn error_about<'a>(a: &'a commons_assess::Assessment, file: &str) -> &'a str {
    a.errors
        .iter()
        .find(|e| e.message.contains(file))
        .map(|e| e.message.as_str())
        .unwrap_or_else(|| panic!("no error about {file}: {:?}", a.errors))
}

#[test]
fn a_workflow_nested_twenty_thousand_deep_is_skipped_not_a_crash() {
    let repo = TestRepo::new();
    repo.write(
        ".github/workflows/x.yml",
        format!("{}x", "- ".repeat(20_000)),
    );
    repo.write(
        ".github/workflows/flow.yml",
        format!("on: {}{}", "[".repeat(100), "]".repeat(100)),
    );
    repo.write(
        ".github/workflows/ok.yml",
        "on: push\njobs:\n  test:\n    steps:\n      - run: make test\n",
    );
    repo.commit();
    let a = assess(repo.path());
    for file in ["x.yml", "flow.yml"] {
        let message = error_about(&a, file);
        assert_eq!(
            message,
            format!(".github/workflows/{file}: skipped: nesting deeper than 64 levels (line 1)")
        );
    }
    // The other workflow is still read.
    let ci = a
        .security
        .checks
        .iter()
        .find(|c| c.id == "CI-Tests")
        .unwrap();
    assert_eq!(ci.score, Some(10), "{ci:?}");
}

#[test]
fn a_workflow_whose_aliases_expand_to_gigabytes_is_skipped() {
    let repo = TestRepo::new();
    // 100 KB anchored once, used 3,000 times: 300 MB once expanded, in a 112 KB file.
    let bomb = format!(
        "on: push\nenv:\n  A: &a \"{}\"\njobs: [{}]\n",
        "x".repeat(100_000),
        vec!["*a"; 3_000].join(", ")
    );
    repo.write(".github/workflows/bomb.yml", bomb);
    repo.commit();
    let a = assess(repo.path());
    let message = error_about(&a, "bomb.yml");
    assert!(
        message.starts_with(".github/workflows/bomb.yml: skipped: aliases expand to more than"),
        "{message}"
    );
}

#[test]
fn deeply_nested_json_lockfiles_are_skipped_with_their_reason() {
    let repo = TestRepo::new();
    repo.write("package-lock.json", "[".repeat(100_000));
    repo.write(
        "php/composer.lock",
        format!("{{\"packages\": {}", "[{\"a\": ".repeat(50_000)),
    );
    repo.write(
        "web/package-lock.json",
        r#"{"packages": {"node_modules/left-pad": {"version": "1.3.0"}}}"#,
    );
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(
        error_about(&a, "package-lock.json:"),
        "package-lock.json: skipped: nesting deeper than 64 levels (line 1)"
    );
    assert_eq!(
        error_about(&a, "composer.lock"),
        "php/composer.lock: skipped: nesting deeper than 64 levels (line 1)"
    );
    assert_eq!(
        a.vulnerabilities.packages, 1,
        "the sound lockfile is still read"
    );
}

#[test]
fn deep_toml_and_xml_and_oversized_files_are_bounded() {
    let repo = TestRepo::new();
    // The TOML lockfile reader never builds a tree: nesting costs it nothing. The XML reader
    // keeps a path of open elements and refuses the file past 64 of them.
    repo.write(
        "Cargo.lock",
        format!(
            "[[package]]\nname = \"a\"\nversion = {}\n",
            "[".repeat(100_000)
        ),
    );
    repo.write(
        "pom.xml",
        format!("<project>{}</project>", "<dependency>".repeat(100_000)),
    );
    // Over the caps: read no further than the size.
    repo.write(
        ".github/workflows/huge.yml",
        format!("on: push\n#{}\n", "x".repeat(600 * 1024)),
    );
    repo.commit();
    let started = Instant::now();
    let a = assess(repo.path());
    assert!(started.elapsed().as_secs() < 60);
    assert!(
        error_about(&a, "huge.yml").contains("more than the 524288 bytes"),
        "{:?}",
        a.errors
    );
    assert!(!a.errors.iter().any(|e| e.message.contains("Cargo.lock")));
    let about_pom = |check: &str| {
        a.errors
            .iter()
            .find(|e| e.check == check && e.message.contains("pom.xml"))
            .map(|e| e.message.as_str())
            .unwrap_or_default()
    };
    assert!(
        about_pom("vulnerabilities").starts_with("pom.xml: elements nested deeper than 64 levels"),
        "{:?}",
        a.errors
    );
    // The license reader caps manifests at 512 KiB: 9 + 100,000 * 12 + 10 bytes is too many.
    assert_eq!(
        about_pom("license"),
        "pom.xml is 1200019 bytes, more than the 524288 bytes read from one file"
    );
}

/// A repository of `paths` paths to one blob of `size` bytes of Rust, made with fast-import
/// (the tree is small; the files would take `paths * size` bytes on disk).
fn many_paths_to_one_blob(paths: usize, size: usize) -> TestRepo {
    let repo = TestRepo::new();
    let line = "fn f() { let x = 1; }\n";
    let content = line.repeat(size / line.len());
    let mut stream = Vec::new();
    stream.extend_from_slice(format!("blob\nmark :1\ndata {}\n", content.len()).as_bytes());
    stream.extend_from_slice(content.as_bytes());
    stream.extend_from_slice(
        format!(
            "\ncommit refs/heads/main\nauthor A <a@example.org> {NOW} +0000\n\
             committer A <a@example.org> {NOW} +0000\ndata 5\nmany\n"
        )
        .as_bytes(),
    );
    for i in 0..paths {
        stream.extend_from_slice(format!("M 100644 :1 src/f{i}.rs\n").as_bytes());
    }
    let mut child = std::process::Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(repo.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success());
    repo
}

#[test]
fn ten_thousand_paths_to_one_large_blob_read_it_once() {
    let repo = many_paths_to_one_blob(10_000, 1024 * 1024);
    let started = Instant::now();
    let a = assess(repo.path());
    let elapsed = started.elapsed();
    eprintln!("10,000 paths to one 1 MiB blob assessed in {elapsed:?}");
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
    // Every path is still counted, from one reading of the blob.
    assert_eq!(a.cost.files, 10_000);
    assert_eq!(a.cost.code_lines, 10_000 * (1024 * 1024 / 22));
}

#[test]
fn the_read_budget_stops_reading_and_says_so() {
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("MIT"));
    repo.commit();
    let input = commons_assess::Input {
        now: NOW,
        limits: commons_assess::Limits {
            max_bytes_read: 100,
            ..Default::default()
        },
        ..Default::default()
    };
    let a = commons_assess::assess(repo.path(), &input).unwrap();
    let spent = a
        .license
        .files
        .iter()
        .find_map(|f| f.problem.as_deref())
        .unwrap_or_default()
        .to_string();
    assert_eq!(
        spent,
        "LICENSE: not read, the assessment already read 100 bytes, its limit"
    );
}

#[test]
fn an_assessment_past_its_deadline_is_a_clear_error() {
    let repo = TestRepo::new();
    repo.write("a", "1");
    repo.commit();
    let input = commons_assess::Input {
        limits: commons_assess::Limits {
            deadline: std::time::Duration::ZERO,
            ..Default::default()
        },
        ..Default::default()
    };
    let err = commons_assess::assess(repo.path(), &input).err().unwrap();
    assert_eq!(
        err.to_string(),
        "the assessment took longer than 0 s and was stopped"
    );
}

#[test]
fn hostile_manifests_cost_bounded_time_and_say_why_they_were_not_read() {
    let repo = TestRepo::new();
    repo.write(
        "Cargo.toml",
        format!(
            "[package]\nname = \"x\"\nlicense = {}\n",
            "[".repeat(100_000)
        ),
    );
    repo.write(
        "package.json",
        format!("{{\"license\": {}}}", "[".repeat(100_000)),
    );
    repo.write(
        "composer.json",
        format!("{{\"x\": \"{}\"}}", "x".repeat(600 * 1024)),
    );
    // A billion laughs in the license's name: declared entities are never expanded.
    let mut bomb = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE p [\n<!ENTITY l0 \"lol\">\n");
    for i in 1..10 {
        let previous = format!("&l{};", i - 1);
        bomb.push_str(&format!("<!ENTITY l{i} \"{}\">\n", previous.repeat(10)));
    }
    bomb.push_str(
        "]>\n<project><licenses><license><name>&l9;MIT</name></license></licenses></project>\n",
    );
    repo.write("pom.xml", bomb);
    repo.commit();
    let started = Instant::now();
    let a = assess(repo.path());
    assert!(started.elapsed().as_secs() < 60);
    let about = |file: &str| {
        a.errors
            .iter()
            .find(|e| e.check == "license" && e.message.contains(file))
            .map(|e| e.message.as_str())
            .unwrap_or_else(|| panic!("no license error about {file}: {:?}", a.errors))
    };
    assert!(
        about("Cargo.toml").starts_with("Cargo.toml: invalid TOML"),
        "{:?}",
        a.errors
    );
    assert_eq!(
        about("package.json"),
        "package.json: skipped: nesting deeper than 64 levels (line 1)"
    );
    assert!(
        about("composer.json").contains("more than the 524288 bytes read from one file"),
        "{:?}",
        a.errors
    );
    assert_eq!(a.license.effective.as_deref(), Some("MIT"));
    assert_eq!(
        a.license.effective_source.as_deref(),
        Some("pom.xml licenses/license/name")
    );
}
