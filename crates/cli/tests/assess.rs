//! `commons assess` and `commons osv import` end to end: the binary, a real repository (local
//! and cloned through a `file://` URL), both output formats, exit statuses.

mod support;

use commons_test_support::git;
use std::path::Path;
use std::process::Command;
use support::{commons, stderr};

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

#[test]
fn a_workflow_nested_twenty_thousand_deep_is_a_finding_not_a_crash() {
    let dir = repository();
    let workflows = dir.path().join(".github/workflows");
    std::fs::create_dir_all(&workflows).unwrap();
    std::fs::write(workflows.join("x.yml"), format!("{}x", "- ".repeat(20_000))).unwrap();
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "deep"]);
    let out = commons(&["assess", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = report["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["check"] == "workflows"
            && e["message"]
                == ".github/workflows/x.yml: skipped: nesting deeper than 64 levels (line 1)"),
        "{errors:?}"
    );
}

/// A repository holding a publiccode.yml named `name`, in `dir`.
fn entry_repository(dir: &Path, name: &str) {
    std::fs::create_dir_all(dir).unwrap();
    git(dir, &["init", "-q", "-b", "main"]);
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml"),
    )
    .unwrap();
    let text = example
        .replace("name: Primero", &format!("name: {name}"))
        .replace(
            "https://github.com/primeroIMS/primero",
            &format!("https://git.example.org/{name}/{name}"),
        );
    std::fs::write(dir.join("publiccode.yml"), text).unwrap();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "publiccode"]);
}

#[test]
fn import_records_every_repository_when_one_assessment_crashes_and_one_hangs() {
    let work = tempfile::tempdir().unwrap();
    for name in ["sound", "crashing", "hanging"] {
        entry_repository(&work.path().join(name), name);
    }
    // The worker program crashes (as a stack overflow would) on one repository, hangs on
    // another, and is the real worker on the rest.
    let worker = work.path().join("worker.sh");
    std::fs::write(
        &worker,
        "#!/bin/sh\nrequest=$(cat)\ncase \"$request\" in\n  *crashing*) kill -ABRT $$ ;;\n  *hanging*) exec sleep 600 ;;\nesac\nprintf '%s' \"$request\" | exec \"$COMMONS_BIN\" \"$@\"\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&worker, std::fs::Permissions::from_mode(0o755)).unwrap();
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_commons"))
        .args(["import", "--publisher", "testers", "--force-owner"])
        .args(["--assess-timeout", "2", "--data"])
        .arg(work.path().join("data"))
        .args(["sound", "crashing", "hanging"].map(|n| work.path().join(n)))
        .env_remove("COMMONS_DATABASE")
        .env("COMMONS_ASSESS_WORKER", &worker)
        .env("COMMONS_BIN", env!("CARGO_BIN_EXE_commons"))
        .output()
        .unwrap();
    let log = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{log}");
    assert!(log.contains("3 created"), "{log}");
    assert!(
        log.contains("crashing: assessment failed: the assessment process was killed by signal 6"),
        "{log}"
    );
    assert!(
        log.contains(
            "hanging: assessment failed: the assessment process took longer than 7 s and was killed"
        ),
        "{log}"
    );
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    // The sound repository was assessed by the real worker, and every entry is listed.
    assert!(log.contains("sound: assessed (license"), "{log}");
    assert!(log.contains("Search index: 3 entries"), "{log}");
}
