//! `commons assess` and `commons osv import` end to end: the binary, a real repository (local
//! and cloned through a `file://` URL), both output formats, exit statuses.

use std::path::Path;
use std::process::{Command, Output};

fn commons(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commons"))
        .args(args)
        .output()
        .expect("commons runs")
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "A")
        .env("GIT_AUTHOR_EMAIL", "a@example.org")
        .env("GIT_COMMITTER_NAME", "A")
        .env("GIT_COMMITTER_EMAIL", "a@example.org")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    std::fs::write(
        dir.path().join("Cargo.lock"),
        "version = 3\n\n[[package]]\nname = \"smallvec\"\nversion = \"1.6.0\"\nsource = \"registry+https://example.org/index\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("SECURITY.md"),
        "Report to security@example.org.\n",
    )
    .unwrap();
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    dir
}

fn osv_export() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("RUSTSEC-2021-0003.json"),
        r#"{"id":"RUSTSEC-2021-0003","modified":"2026-05-01T00:00:00Z","summary":"Buffer overflow in SmallVec::insert_many",
           "affected":[{"package":{"ecosystem":"crates.io","name":"smallvec"},
                        "ranges":[{"type":"SEMVER","events":[{"introduced":"0.6.3"},{"fixed":"1.6.1"}]}]}]}"#,
    )
    .unwrap();
    dir
}

#[test]
fn import_then_assess_as_json_and_text() {
    let repo = repository();
    let export = osv_export();
    let data = tempfile::tempdir().unwrap();
    let data_arg = data.path().to_str().unwrap();
    let out = commons(&[
        "osv",
        "import",
        export.path().to_str().unwrap(),
        "--data",
        data_arg,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 OSV records imported"));

    let out = commons(&[
        "assess",
        repo.path().to_str().unwrap(),
        "--format",
        "json",
        "--data",
        data_arg,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["methodVersion"], commons_assess::METHOD_VERSION);
    assert_eq!(
        json["vulnerabilities"]["findings"][0]["id"],
        "RUSTSEC-2021-0003"
    );
    assert_eq!(json["vulnerabilities"]["distinct"], 1);

    let out = commons(&[
        "assess",
        repo.path().to_str().unwrap(),
        "--osv",
        export.path().to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Known vulnerabilities: 1 in 1 locked packages"),
        "{text}"
    );
    assert!(
        text.contains("RUSTSEC-2021-0003 smallvec 1.6.0 (Cargo.lock)"),
        "{text}"
    );
    assert!(text.contains("Security (Scorecard-like"), "{text}");
}

#[test]
fn a_url_is_cloned_and_assessed() {
    let repo = repository();
    let url = format!("file://{}", repo.path().display());
    let out = commons(&[
        "assess",
        &url,
        "--format",
        "json",
        "--data",
        "/nonexistent-commons-data",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["vitality"]["commitsTotal"], 1);
    assert_eq!(json["vulnerabilities"]["databaseAvailable"], false);
}

#[test]
fn declarations_and_dependents_are_taken_from_the_command_line() {
    let repo = repository();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        file.path(),
        r#"{"dpg-sdg-relevance": {"by": "Jane Doe", "role": "Product owner", "at": "2026-05-20", "statement": "SDG 3"}}"#,
    )
    .unwrap();
    let out = commons(&[
        "assess",
        repo.path().to_str().unwrap(),
        "--format",
        "json",
        "--declarations",
        file.path().to_str().unwrap(),
        "--dependents",
        "4",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["dpgIndicators"][0]["status"], "declared");
    assert_eq!(json["dpgIndicators"][0]["declaration"]["by"], "Jane Doe");
    assert_eq!(json["cost"]["dependentsInCatalog"], 4);
    std::fs::write(file.path(), "{\n  \"x\": 5\n}").unwrap();
    let out = commons(&[
        "assess",
        repo.path().to_str().unwrap(),
        "--declarations",
        file.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(":2:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unreadable_targets_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = commons(&["assess", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a git repository"));
    let out = commons(&["assess", "file:///nonexistent/repo.git"]);
    assert_eq!(out.status.code(), Some(2));
    let out = commons(&["osv", "import", "/nonexistent/export"]);
    assert_eq!(out.status.code(), Some(2));
}
