//! Lockfile readers: exact, locked versions only (ranges in manifests are not resolved).
//!
//! Each reader works on text capped at [`MAX_LOCKFILE_BYTES`] and keeps at most
//! [`MAX_PACKAGES`] packages, so a hostile lockfile (ten million lines) costs bounded time and
//! memory and yields a per-file error. The line-oriented formats (Cargo.lock, poetry.lock,
//! yarn.lock, go.sum, Gemfile.lock, requirements.txt) are read line by line: their lock
//! sections have a fixed, tool-written shape, and reading them this way never builds a tree.

use crate::repo::{Repo, RepoError, TreeEntry, looks_like_text};
use crate::say::say;
use crate::{CheckError, bounds};
pub use commons_report::LockfileSummary;
use commons_report::Said;
use std::collections::{BTreeSet, HashMap};

/// Largest lockfile read.
pub const MAX_LOCKFILE_BYTES: u64 = 32 * 1024 * 1024;
/// Most packages kept from one lockfile.
pub const MAX_PACKAGES: usize = 200_000;
/// Most lockfiles read in one repository.
const MAX_LOCKFILES: usize = 200;

/// A locked package version.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Package {
    /// OSV ecosystem name.
    pub ecosystem: &'static str,
    /// Name in the ecosystem (`group:artifact` for Maven).
    pub name: String,
    /// Locked version.
    pub version: String,
    /// Lockfile path.
    pub file: String,
}

type Reader = fn(&str) -> Result<Vec<(String, String)>, Problem>;

/// What a reader made of one lockfile: (name, version) pairs, or why it could not be used.
pub type Reading = Result<Vec<(String, String)>, Problem>;

/// Why a lockfile could not be used, before the file is named (a blob read once may stand
/// for several paths).
#[derive(Debug)]
pub enum Problem {
    /// The blob could not be read.
    Unreadable(RepoError),
    /// Not text.
    Binary,
    /// Refused before parsing (nesting).
    Refused(bounds::Refusal),
    /// Not JSON.
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// Not well-formed XML (a pom).
    Pom(crate::pom::PomError),
    /// More packages than [`MAX_PACKAGES`].
    TooManyPackages,
}

impl Problem {
    /// The problem of `file` as a sentence of the method's messages.
    pub fn said(&self, file: &str) -> Said {
        match self {
            Problem::Unreadable(error) => error.said_of(file),
            Problem::Binary => say("error-binary-lockfile", &[("file", file.into())]),
            Problem::Refused(refusal) => refusal.said(file),
            Problem::Pom(pom) => pom.said(file),
            Problem::Json {
                line,
                column,
                message,
            } => crate::say::invalid_json(file, *line, *column, message),
            Problem::TooManyPackages => say(
                "error-too-many-packages",
                &[("file", file.into()), ("limit", MAX_PACKAGES.into())],
            ),
        }
    }
}

/// The reader for a file name, with its ecosystem.
fn reader_for(name: &str) -> Option<(&'static str, Reader)> {
    Some(match name {
        "Cargo.lock" => ("crates.io", read_toml_packages),
        "poetry.lock" => ("PyPI", read_toml_packages),
        "package-lock.json" | "npm-shrinkwrap.json" => ("npm", read_package_lock),
        "yarn.lock" => ("npm", read_yarn_lock),
        "go.sum" => ("Go", read_go_sum),
        "composer.lock" => ("Packagist", read_composer_lock),
        "Gemfile.lock" => ("RubyGems", read_gemfile_lock),
        "pom.xml" => ("Maven", read_pom),
        n if n.ends_with(".txt") && n.starts_with("requirements") => ("PyPI", read_requirements),
        _ => return None,
    })
}

/// Reads a lockfile's text as the reader for its file name does: the OSV ecosystem and the
/// (name, version) pairs, or why the file cannot be used; `None` for a name that is not a
/// lockfile. What the assessment does with every lockfile it finds (and what the fuzzer feeds).
pub fn read(name: &str, text: &str) -> Option<(&'static str, Reading)> {
    let (ecosystem, reader) = reader_for(name)?;
    Some((ecosystem, reader(text)))
}

/// True for a path inside vendored or installed dependencies (their lockfiles are not ours).
fn is_vendored(path: &str) -> bool {
    path.split('/')
        .any(|c| matches!(c, "node_modules" | "vendor" | "third_party" | ".git"))
}

/// Reads every lockfile of the tree. A blob several paths of the same name point to is read
/// once.
pub fn read_all(
    repo: &Repo,
    tree: &[TreeEntry],
    errors: &mut Vec<CheckError>,
) -> (Vec<LockfileSummary>, Vec<Package>) {
    let mut summaries = Vec::new();
    let mut packages = BTreeSet::new();
    let mut read: HashMap<(&str, &str), Reading> = HashMap::new();
    for entry in tree.iter().filter(|e| !is_vendored(&e.path)) {
        let Some((ecosystem, reader)) = reader_for(entry.name()) else {
            continue;
        };
        if summaries.len() >= MAX_LOCKFILES {
            errors.push(CheckError::new(
                "vulnerabilities",
                say(
                    "error-too-many-lockfiles",
                    &[("limit", MAX_LOCKFILES.into())],
                ),
            ));
            break;
        }
        if !entry.is_file() {
            errors.push(CheckError::new(
                "vulnerabilities",
                say(
                    "error-not-regular-file",
                    &[("file", entry.path.as_str().into())],
                ),
            ));
            continue;
        }
        let reading = read
            .entry((&entry.oid, entry.name()))
            .or_insert_with(|| read_one(repo, entry, reader));
        match reading {
            Ok(found) => {
                summaries.push(LockfileSummary {
                    file: entry.path.clone(),
                    ecosystem: ecosystem.to_string(),
                    packages: found.len(),
                });
                packages.extend(found.iter().map(|(name, version)| Package {
                    ecosystem,
                    name: name.clone(),
                    version: version.clone(),
                    file: entry.path.clone(),
                }));
            }
            Err(problem) => errors.push(CheckError::new(
                "vulnerabilities",
                problem.said(&entry.path),
            )),
        }
    }
    (summaries, packages.into_iter().collect())
}

/// Reads one lockfile with its reader.
fn read_one(repo: &Repo, entry: &TreeEntry, reader: Reader) -> Reading {
    let bytes = repo
        .read(entry, MAX_LOCKFILE_BYTES)
        .map_err(Problem::Unreadable)?;
    if !looks_like_text(&bytes) {
        return Err(Problem::Binary);
    }
    reader(&String::from_utf8_lossy(&bytes))
}

fn push(out: &mut Vec<(String, String)>, name: &str, version: &str) -> Result<(), Problem> {
    if out.len() >= MAX_PACKAGES {
        return Err(Problem::TooManyPackages);
    }
    if !name.is_empty() && !version.is_empty() {
        out.push((name.to_string(), version.to_string()));
    }
    Ok(())
}

fn quoted_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(key)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim();
    Some(rest.trim_matches('"'))
}

/// Cargo.lock and poetry.lock: `[[package]]` tables with `name` and `version`; Cargo packages
/// from a path or git source (no `source` or `source = "git+..."`) are not registry packages.
fn read_toml_packages(text: &str) -> Result<Vec<(String, String)>, Problem> {
    let mut out = Vec::new();
    let mut current: Option<(String, String, bool)> = None;
    let flush = |out: &mut Vec<(String, String)>, c: Option<(String, String, bool)>| {
        if let Some((n, v, registry)) = c
            && registry
        {
            return push(out, &n, &v);
        }
        Ok(())
    };
    let cargo = text.contains("\nsource = \"registry+") || text.contains("\nsource = \"sparse+");
    for line in text.lines() {
        let line = line.trim();
        if line == "[[package]]" {
            flush(&mut out, current.take())?;
            current = Some((String::new(), String::new(), !cargo));
        } else if line.starts_with('[') {
            flush(&mut out, current.take())?;
        } else if let Some(c) = current.as_mut() {
            if let Some(v) = quoted_value(line, "name") {
                c.0 = v.to_string();
            } else if let Some(v) = quoted_value(line, "version") {
                c.1 = v.to_string();
            } else if let Some(v) = quoted_value(line, "source") {
                c.2 = v.starts_with("registry+") || v.starts_with("sparse+");
            }
        }
    }
    flush(&mut out, current.take())?;
    Ok(out)
}

/// A JSON lockfile as a tree, after the [`bounds`] check (serde_json's own recursion limit is
/// 128 levels; the bound here is the same for every format read from a repository).
fn json(text: &str) -> Result<serde_json::Value, Problem> {
    bounds::check_json(text).map_err(Problem::Refused)?;
    serde_json::from_str(text).map_err(|e| Problem::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// package-lock.json v1 (`dependencies`, nested) and v2/v3 (`packages`, keyed by path).
fn read_package_lock(text: &str) -> Result<Vec<(String, String)>, Problem> {
    let doc = json(text)?;
    let mut out = Vec::new();
    if let Some(packages) = doc.get("packages").and_then(|p| p.as_object()) {
        for (path, info) in packages {
            let Some(pos) = path.rfind("node_modules/") else {
                continue;
            };
            if info.get("link").and_then(|l| l.as_bool()) == Some(true) {
                continue;
            }
            let name = info
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or(&path[pos + "node_modules/".len()..]);
            if let Some(v) = info.get("version").and_then(|v| v.as_str()) {
                push(&mut out, name, v)?;
            }
        }
        return Ok(out);
    }
    let mut stack: Vec<&serde_json::Value> = doc.get("dependencies").into_iter().collect();
    while let Some(deps) = stack.pop() {
        for (name, info) in deps.as_object().into_iter().flatten() {
            if let Some(v) = info.get("version").and_then(|v| v.as_str())
                && !v.contains(':')
            {
                push(&mut out, name, v)?;
            }
            if let Some(nested) = info.get("dependencies") {
                stack.push(nested);
            }
        }
    }
    Ok(out)
}

/// yarn.lock v1 (`version "1.2.3"`) and Berry (`version: 1.2.3`).
fn read_yarn_lock(text: &str) -> Result<Vec<(String, String)>, Problem> {
    let mut out = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') && line.ends_with(':') {
            names = line
                .trim_end_matches(':')
                .split(", ")
                .filter_map(|spec| {
                    let spec = spec.trim().trim_matches('"');
                    // The name ends at the first '@' that is not the first character (scopes);
                    // the first character may be several bytes long.
                    let first = spec.chars().next()?.len_utf8();
                    let at = spec[first..].find('@').map(|i| i + first)?;
                    Some(spec[..at].to_string())
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            continue;
        }
        let trimmed = line.trim();
        let version = trimmed
            .strip_prefix("version ")
            .or_else(|| trimmed.strip_prefix("version: "))
            .map(|v| v.trim().trim_matches('"'));
        if let Some(v) = version
            && line.starts_with("  ")
            && !line.starts_with("    ")
        {
            for n in std::mem::take(&mut names) {
                if n != "__metadata" {
                    push(&mut out, &n, v)?;
                }
            }
        }
    }
    Ok(out)
}

/// go.sum: `module version[/go.mod] hash`; versions without the leading `v`, as OSV writes them.
fn read_go_sum(text: &str) -> Result<Vec<(String, String)>, Problem> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        let (Some(module), Some(version)) = (parts.next(), parts.next()) else {
            continue;
        };
        let version = version
            .trim_end_matches("/go.mod")
            .trim_start_matches('v')
            .trim_end_matches("+incompatible");
        if seen.insert((module.to_string(), version.to_string())) {
            push(&mut out, module, version)?;
        }
    }
    Ok(out)
}

/// composer.lock: `packages` and `packages-dev`.
fn read_composer_lock(text: &str) -> Result<Vec<(String, String)>, Problem> {
    let doc = json(text)?;
    let mut out = Vec::new();
    for key in ["packages", "packages-dev"] {
        for p in doc
            .get(key)
            .and_then(|p| p.as_array())
            .into_iter()
            .flatten()
        {
            if let (Some(n), Some(v)) = (
                p.get("name").and_then(|n| n.as_str()),
                p.get("version").and_then(|v| v.as_str()),
            ) && !v.starts_with("dev-")
            {
                push(&mut out, n, v.trim_start_matches('v'))?;
            }
        }
    }
    Ok(out)
}

/// Gemfile.lock: the `specs:` of the `GEM` section, `    name (version[-platform])`.
fn read_gemfile_lock(text: &str) -> Result<Vec<(String, String)>, Problem> {
    let mut out = Vec::new();
    let mut in_gem = false;
    for line in text.lines() {
        if !line.starts_with(' ') {
            in_gem = line.trim() == "GEM";
            continue;
        }
        if !in_gem || !line.starts_with("    ") || line.starts_with("     ") {
            continue;
        }
        let Some((name, rest)) = line.trim().split_once(" (") else {
            continue;
        };
        let version = rest.trim_end_matches(')');
        // Platform gems: 1.13.10-x86_64-linux.
        let version = match version.split_once('-') {
            Some((v, platform)) if platform.chars().any(|c| c.is_ascii_alphabetic()) => v,
            _ => version,
        };
        push(&mut out, name, version)?;
    }
    Ok(out)
}

/// pom.xml, read as XML ([`crate::pom`]): the project's own `<dependency>` entries whose
/// version is literal (not `${property}`, not a range); commented-out entries and
/// `<dependencyManagement>` pins are not dependencies.
fn read_pom(text: &str) -> Result<Vec<(String, String)>, Problem> {
    let pom = crate::pom::read(text).map_err(Problem::Pom)?;
    let mut out = Vec::new();
    for d in pom.dependencies {
        let v = d.version.as_str();
        if !d.group_id.is_empty()
            && !d.artifact_id.is_empty()
            && !v.contains("${")
            && !v.starts_with('[')
            && !v.starts_with('(')
        {
            push(&mut out, &format!("{}:{}", d.group_id, d.artifact_id), v)?;
        }
    }
    Ok(out)
}

/// requirements*.txt: only `name==version` pins (with extras and markers stripped).
fn read_requirements(text: &str) -> Result<Vec<(String, String)>, Problem> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let line = line.split(';').next().unwrap_or("").trim();
        let Some((name, version)) = line.split_once("==") else {
            continue;
        };
        let name = name.split('[').next().unwrap_or("").trim();
        let version = version
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_start_matches('=');
        if name.starts_with('-') {
            continue;
        }
        push(&mut out, name, version)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_lock_keeps_registry_packages() {
        let text = "version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"smallvec\"\nversion = \"1.6.0\"\nsource = \"registry+https://example/index\"\n";
        assert_eq!(
            read_toml_packages(text).unwrap(),
            vec![("smallvec".into(), "1.6.0".into())]
        );
    }

    #[test]
    fn yarn_both_formats() {
        let v1 = "\"@babel/core@^7.0.0\", \"@babel/core@^7.1.0\":\n  version \"7.1.2\"\n  resolved \"x\"\n\nlodash@^4.17.0:\n  version \"4.17.15\"\n";
        assert_eq!(
            read_yarn_lock(v1).unwrap(),
            vec![
                ("@babel/core".into(), "7.1.2".into()),
                ("lodash".into(), "4.17.15".into())
            ]
        );
        let berry = "__metadata:\n  version: 6\n\n\"lodash@npm:^4.17.0\":\n  version: 4.17.20\n";
        assert_eq!(
            read_yarn_lock(berry).unwrap(),
            vec![("lodash".into(), "4.17.20".into())]
        );
    }

    #[test]
    fn a_yarn_spec_starting_with_a_multibyte_character_is_read_not_a_panic() {
        // Found by the `lockfile` fuzz target: the name was sliced at byte 1.
        let text = "\u{54d0}a$shro@^4.17.$\":\n  version \"7.15\"\n";
        assert_eq!(
            read_yarn_lock(text).unwrap(),
            vec![("\u{54d0}a$shro".into(), "7.15".into())]
        );
    }

    #[test]
    fn pom_commented_and_managed_dependencies_are_not_dependencies() {
        let pom = r#"<?xml version="1.0"?>
<project>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.apache.logging.log4j</groupId>
        <artifactId>log4j-core</artifactId>
        <version>2.14.1</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <!--
    <dependency>
      <groupId>commons-collections</groupId>
      <artifactId>commons-collections</artifactId>
      <version>3.2.1</version>
    </dependency>
    -->
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>2.13.4</version>
    </dependency>
  </dependencies>
</project>"#;
        assert_eq!(
            read("pom.xml", pom).unwrap().1.unwrap(),
            vec![(
                "com.fasterxml.jackson.core:jackson-databind".into(),
                "2.13.4".into()
            )]
        );
        // The text search this reader replaced counted all three.
        assert_eq!(pom.matches("<dependency>").count(), 3);
    }

    #[test]
    fn other_formats() {
        assert_eq!(
            read_requirements("Django[argon2]==3.2.1 ; python_version>'3'\nrequests>=2\n").unwrap(),
            vec![("Django".into(), "3.2.1".into())]
        );
        assert_eq!(
            read_go_sum("golang.org/x/text v0.3.7 h1:x\ngolang.org/x/text v0.3.7/go.mod h1:y\n")
                .unwrap(),
            vec![("golang.org/x/text".into(), "0.3.7".into())]
        );
        assert_eq!(
            read_gemfile_lock("GEM\n  remote: x\n  specs:\n    nokogiri (1.13.9-x86_64-linux)\n      racc (~> 1.4)\n\nPLATFORMS\n  ruby\n").unwrap(),
            vec![("nokogiri".into(), "1.13.9".into())]
        );
        assert_eq!(
            read_pom("<project><dependencies><dependency><groupId>org.x</groupId><artifactId>y</artifactId><version>${v}</version></dependency><dependency><groupId>g</groupId><artifactId>a</artifactId><version>2.14.1</version></dependency></dependencies></project>").unwrap(),
            vec![("g:a".into(), "2.14.1".into())]
        );
        assert_eq!(
            read_package_lock("{ not json")
                .unwrap_err()
                .said("package-lock.json")
                .text,
            "package-lock.json:1:3: invalid JSON: key must be a string at line 1 column 3"
        );
    }
}
