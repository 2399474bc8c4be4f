use crate::support::*;

fn check<'a>(
    a: &'a commons_assess::Assessment,
    id: &str,
) -> &'a commons_assess::security::SecurityCheck {
    a.security
        .checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}"))
}

const SHA: &str = "8e5e7e5ab8b370d6c329ec480221332ada57f0ab";

fn good_repo() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("Apache-2.0"));
    repo.write(
        "SECURITY.md",
        "# Security policy\n\nReport a vulnerability to security@example.org. We follow coordinated disclosure \
         and publish a fix within 90 days.\n",
    );
    repo.write(".github/dependabot.yml", "version: 2\nupdates: []\n");
    repo.write(
        ".github/workflows/ci.yml",
        format!(
            "on: [push, pull_request]\npermissions: read-all\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@{SHA}\n      - uses: github/codeql-action/init@{SHA}\n      - run: npm ci\n      - run: cargo test\n"
        ),
    );
    repo.write(
        "fuzz/fuzz_targets/parse.rs",
        "#![no_main]\nuse libfuzzer_sys::fuzz_target;\nfuzz_target!(|d: &[u8]| {});\n",
    );
    repo.write(
        "Dockerfile",
        format!(
            "FROM debian@sha256:{}{} AS build\nFROM build\n",
            SHA, "0123456789abcdef0123456789abcdef0123456789abcdef"
        ),
    );
    repo.commit_as("A", "a@example.org", NOW - 200 * DAY);
    // A signed annotated tag. Neither Scorecard nor Commons verifies signatures, so the tag is
    // written with `git mktag` and a signature block of the right form: no key, no gpg or
    // ssh-keygen needed on the test machine.
    let head = repo.git(&["rev-parse", "HEAD"]);
    let tag = format!(
        "object {}\ntype commit\ntag v1.0.0\ntagger A <a@example.org> {} +0000\n\nrelease 1.0.0\n\
         -----BEGIN PGP SIGNATURE-----\n\nc2lnbmF0dXJl\n-----END PGP SIGNATURE-----\n",
        head.trim(),
        NOW - 200 * DAY
    );
    let tag_file = repo.path().join(".git/tag.txt");
    std::fs::write(&tag_file, tag).unwrap();
    let out = run(std::process::Command::new("git")
        .current_dir(repo.path())
        .arg("mktag")
        .stdin(std::fs::File::open(&tag_file).unwrap()));
    let oid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    repo.git(&["update-ref", "refs/tags/v1.0.0", &oid]);
    for i in 0..12 {
        repo.commit_as("A", "a@example.org", NOW - (i + 1) * 5 * DAY);
    }
    repo
}

#[test]
fn a_well_kept_repository_passes_every_check() {
    let repo = good_repo();
    let a = assess(repo.path());
    for (id, score) in [
        ("Security-Policy", 10),
        ("Dependency-Update-Tool", 10),
        ("Dangerous-Workflow", 10),
        ("Token-Permissions", 10),
        ("Binary-Artifacts", 10),
        ("Fuzzing", 10),
        ("SAST", 10),
        ("Signed-Releases", 10),
        ("License", 10),
        ("CI-Tests", 10),
        ("Pinned-Dependencies", 10),
        ("Maintained", 10),
    ] {
        let c = check(&a, id);
        assert_eq!(c.score, Some(score), "{id}: {} {:?}", c.reason, c.evidence);
    }
    assert_eq!(
        check(&a, "Vulnerabilities").score,
        None,
        "no OSV data: inconclusive"
    );
    assert_eq!(a.security.score, Some(10.0));
    assert!(
        a.security
            .not_computed
            .iter()
            .any(|n| n.id == "Branch-Protection")
    );
}

#[test]
fn a_careless_repository_fails_them() {
    let repo = TestRepo::new();
    repo.write(
        ".github/workflows/pr.yml",
        "on: pull_request_target\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - uses: someone/action@main\n      - run: echo \"${{ github.event.issue.title }}\"\n      - run: curl -sSL https://example.org/install.sh | bash\n",
    );
    repo.write(
        "tools/helper.exe",
        b"MZ\x90\x00\x03\x00\x00\x00binary".as_slice(),
    );
    repo.write(
        "lib/native.so",
        b"\x7fELF\x02\x01\x01\x00\x00\x00".as_slice(),
    );
    repo.write("Dockerfile", "FROM ubuntu:latest\n");
    repo.commit_as("A", "a@example.org", NOW - 30 * DAY);
    repo.tag("v0.1");
    let a = assess(repo.path());
    for (id, score) in [
        ("Security-Policy", 0),
        ("Dependency-Update-Tool", 0),
        ("Dangerous-Workflow", 0),
        ("Token-Permissions", 0),
        ("Binary-Artifacts", 8),
        ("Fuzzing", 0),
        ("SAST", 0),
        ("Signed-Releases", 0),
        ("License", 0),
        ("CI-Tests", 3),
        ("Pinned-Dependencies", 0),
        ("Maintained", 0),
    ] {
        let c = check(&a, id);
        assert_eq!(c.score, Some(score), "{id}: {} {:?}", c.reason, c.evidence);
    }
    let dangerous = check(&a, "Dangerous-Workflow");
    assert!(
        dangerous
            .evidence
            .iter()
            .any(|e| e.rule == "script-injection")
    );
    assert!(
        dangerous
            .evidence
            .iter()
            .any(|e| e.rule == "untrusted-checkout")
    );
    assert!(
        dangerous
            .evidence
            .iter()
            .all(|e| e.file.as_deref() == Some(".github/workflows/pr.yml"))
    );
    assert!(a.security.score.unwrap() < 3.0, "{:?}", a.security.score);
}

#[test]
fn without_workflows_the_workflow_checks_are_inconclusive() {
    let repo = TestRepo::new();
    repo.write("README.md", "x");
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(check(&a, "Dangerous-Workflow").score, None);
    assert_eq!(check(&a, "Token-Permissions").score, None);
    assert_eq!(check(&a, "Pinned-Dependencies").score, None);
    assert_eq!(check(&a, "Signed-Releases").score, None);
}

#[test]
fn a_broken_workflow_is_a_per_check_error_with_position() {
    let repo = TestRepo::new();
    repo.write(".github/workflows/bad.yml", "on: [push\njobs: {\n");
    repo.commit();
    let a = assess(repo.path());
    let e = a.errors.iter().find(|e| e.check == "workflows").unwrap();
    assert!(
        e.message.starts_with(".github/workflows/bad.yml:"),
        "{}",
        e.message
    );
}
