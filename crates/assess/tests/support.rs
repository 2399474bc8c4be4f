//! Real git repositories built with the `git` command line, with dated commits.

use std::path::{Path, PathBuf};
use std::process::Command;

/// 2026-06-01T12:00:00Z, the "now" of every test.
pub const NOW: i64 = 1_780_315_200;
pub const DAY: i64 = 86_400;

pub struct TestRepo {
    pub dir: tempfile::TempDir,
}

impl TestRepo {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let repo = TestRepo { dir };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Test"]);
        repo.git(&["config", "user.email", "test@example.org"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo.git(&["config", "tag.gpgsign", "false"]);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn git(&self, args: &[&str]) -> String {
        self.git_env(args, &[])
    }

    pub fn git_env(&self, args: &[&str], env: &[(&str, String)]) -> String {
        let mut cmd = Command::new("git");
        cmd.current_dir(self.path()).args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn write(&self, path: &str, content: impl AsRef<[u8]>) -> &Self {
        let full = self.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
        self
    }

    pub fn symlink(&self, path: &str, target: &str) -> &Self {
        let full = self.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, full).unwrap();
        self
    }

    /// Commits everything, authored by `email` at `time` (Unix seconds).
    pub fn commit_as(&self, name: &str, email: &str, time: i64) -> String {
        self.git(&["add", "-A"]);
        let date = format!("@{time} +0000");
        self.git_env(
            &[
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                &format!("change at {time}"),
            ],
            &[
                ("GIT_AUTHOR_NAME", name.to_string()),
                ("GIT_AUTHOR_EMAIL", email.to_string()),
                ("GIT_AUTHOR_DATE", date.clone()),
                ("GIT_COMMITTER_DATE", date),
            ],
        );
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    pub fn commit(&self) -> String {
        self.commit_as("Test", "test@example.org", NOW - 400 * DAY)
    }

    pub fn tag(&self, name: &str) {
        self.git(&["tag", name]);
    }
}

/// Runs a command to completion and fails the test, with its error output, if it failed.
pub fn run(command: &mut Command) -> std::process::Output {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn license_text(id: &str) -> &'static str {
    spdx::license_id(id).unwrap().text()
}

pub fn assess(path: &Path) -> commons_assess::Assessment {
    let input = commons_assess::Input {
        now: NOW,
        ..Default::default()
    };
    commons_assess::assess(path, &input).unwrap()
}

pub fn assess_with(path: &Path, input: commons_assess::Input<'_>) -> commons_assess::Assessment {
    commons_assess::assess(path, &input).unwrap()
}

#[allow(dead_code)]
pub fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

pub const PUBLICCODE: &str = r#"publiccodeYmlVersion: "0.4"
name: Example
url: "https://example.org/example.git"
releaseDate: "2024-01-01"
platforms: [web]
categories: [it-development]
developmentStatus: stable
softwareType: "standalone/web"
usedBy: [Agency One, Agency Two, Agency Three]
description:
  en:
    shortDescription: An example
    longDescription: >
      An example of a long description that is long enough to pass the validator's minimum
      length for this field, which is one hundred and fifty characters in the standard text.
    features: [one]
    documentation: "https://example.org/docs"
legal:
  license: LICENSE_ID
  mainCopyrightOwner: Example Agency
maintenance:
  type: internal
  contacts:
    - name: A Person
localisation:
  localisationReady: true
  availableLanguages: [en]
"#;

pub fn publiccode(license: &str) -> String {
    PUBLICCODE.replace("LICENSE_ID", license)
}
