//! The catalog's domain types. Storage never leaks into them: they are plain data.

use commons_publiccode::{Diagnostic, PathCase, PublicCode, RepositoryUrl};
use serde::{Deserialize, Serialize};

/// Where a repository is hosted, which decides how the crawler talks to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ForgeKind {
    /// GitLab (REST v4).
    Gitlab,
    /// GitHub (REST v3).
    Github,
    /// Gitea or Forgejo (API v1).
    Gitea,
    /// Any git server over smart HTTP.
    Git,
    /// A local file or directory (`commons import`).
    Local,
    /// The built-in demo catalog.
    Demo,
}

impl ForgeKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ForgeKind::Gitlab => "gitlab",
            ForgeKind::Github => "github",
            ForgeKind::Gitea => "gitea",
            ForgeKind::Git => "git",
            ForgeKind::Local => "local",
            ForgeKind::Demo => "demo",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [
            ForgeKind::Gitlab,
            ForgeKind::Github,
            ForgeKind::Gitea,
            ForgeKind::Git,
            ForgeKind::Local,
            ForgeKind::Demo,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A request to record one publiccode.yml as found in one repository.
#[derive(Debug, Clone)]
pub struct IngestRequest {
    /// The repository the file was found in (its canonical URL).
    pub repository_url: String,
    /// The forge hosting it.
    pub forge: ForgeKind,
    /// Its default branch, when known.
    pub default_branch: Option<String>,
    /// The commit the file was read at, when known.
    pub commit: Option<String>,
    /// The publisher that claims the repository (from the publishers registry); when absent
    /// the organisation is derived from the file's `organisation` key.
    pub publisher: Option<Publisher>,
    /// The raw publiccode.yml.
    pub source: Vec<u8>,
    /// When it was read, in Unix seconds.
    pub seen_at: i64,
}

/// A publishing organisation, as named by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publisher {
    /// Stable id, `[a-z0-9-]+`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Identifier (URL or URN), when known.
    pub uri: Option<String>,
}

/// What an ingestion did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    /// A new entry, listed.
    Created,
    /// A new valid revision of an existing entry.
    Updated,
    /// The same content as the latest revision: nothing was written.
    Unchanged,
    /// The content is invalid: stored as a revision with its errors; the entry keeps its last
    /// valid revision live (or stays unlisted if it never had one).
    StoredInvalid,
}

/// The result of one ingestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IngestOutcome {
    /// The entry's id.
    pub software_id: String,
    /// The revision now latest for the entry.
    pub revision_id: i64,
    /// What happened.
    pub change: Change,
    /// The change sequence number of this write (unchanged: the entry's current one).
    pub seq: i64,
}

/// An organisation with the number of its listed entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Identifier (URL or URN), when known.
    pub uri: Option<String>,
    /// Listed software entries.
    pub software_count: i64,
}

/// A software entry as the catalog knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Software {
    /// Stable, URL-safe id derived from the repository URL.
    pub id: String,
    /// The repository.
    pub repository_url: String,
    /// Its forge.
    pub forge: ForgeKind,
    /// Its default branch.
    pub default_branch: Option<String>,
    /// The last commit seen.
    pub last_commit: Option<String>,
    /// The publishing organisation.
    pub organisation_id: Option<String>,
    /// Its name (from the live revision, else the latest).
    pub name: String,
    /// Whether it is listed publicly (it has a valid revision).
    pub listed: bool,
    /// The latest revision's problem, when it is invalid (the last valid one stays live).
    pub problem: Option<String>,
    /// The live (latest valid) revision.
    pub live_revision_id: Option<i64>,
    /// The latest revision, valid or not.
    pub latest_revision_id: Option<i64>,
    /// The live revision's model.
    pub publiccode: Option<PublicCode>,
    /// Warnings of the live revision.
    pub warnings: Vec<Diagnostic>,
    /// First ingestion, Unix seconds.
    pub created_at: i64,
    /// Last change, Unix seconds.
    pub updated_at: i64,
    /// Change sequence number of the last change.
    pub seq: i64,
    /// The search facets of the latest assessment, when the entry was assessed.
    pub assessment_facets: Option<serde_json::Value>,
}

/// One stored publiccode.yml content of an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Revision {
    /// Revision id, increasing.
    pub id: i64,
    /// The entry.
    pub software_id: String,
    /// The commit it was read at.
    pub commit: Option<String>,
    /// SHA-256 of the content.
    pub content_hash: String,
    /// Whether it passed validation.
    pub valid: bool,
    /// Declared version.
    pub version: Option<String>,
    /// Validation errors.
    pub errors: Vec<Diagnostic>,
    /// Validation warnings.
    pub warnings: Vec<Diagnostic>,
    /// When it was first seen, Unix seconds.
    pub created_at: i64,
}

/// Turns a repository URL into a stable, URL-safe id: the normal form of the URL
/// ([`RepositoryUrl`]: dot segments resolved, escapes decoded, default port, trailing `.git`
/// and `/` dropped) without its scheme, lower case, every run of other characters replaced by
/// one `-` (`https://github.com/UNICEF/Primero.git` → `github-com-unicef-primero`). For the
/// URLs forges give (letters, digits, `.`, `_`, `-`) this is the id earlier versions gave, so
/// ids stay stable; a text that is not a repository URL is slugged as it is.
pub fn software_id_for(url: &str) -> String {
    match RepositoryUrl::parse(url) {
        Ok(url) => slug(&url.key(PathCase::Sensitive)),
        Err(_) => {
            let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
            let without_auth = without_scheme
                .split_once('@')
                .filter(|(auth, _)| !auth.contains('/'))
                .map_or(without_scheme, |(_, rest)| rest);
            let trimmed = without_auth.trim_end_matches('/');
            slug(trimmed.strip_suffix(".git").unwrap_or(trimmed))
        }
    }
}

/// Lower case, every run of characters other than ASCII letters and digits one `-`, at most
/// 120 characters; `software` when nothing is left.
fn slug(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-');
    let id: String = id.chars().take(120).collect();
    if id.is_empty() {
        "software".to_string()
    } else {
        id
    }
}

/// Turns a name or URI into an organisation id (`[a-z0-9-]+`).
pub fn organisation_id_for(name_or_uri: &str) -> String {
    let without_scheme = name_or_uri
        .split_once("://")
        .map_or(name_or_uri, |(_, rest)| rest);
    let trimmed = without_scheme.trim_end_matches('/');
    slug(trimmed.strip_suffix(".git").unwrap_or(trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_slugs() {
        assert_eq!(
            software_id_for("https://github.com/UNICEF/Primero.git"),
            "github-com-unicef-primero"
        );
        assert_eq!(
            software_id_for("https://user@gitlab.example.org/a/b/"),
            "gitlab-example-org-a-b"
        );
        assert_eq!(software_id_for("://"), "software");
        assert_eq!(software_id_for("https://x.org/é"), "x-org");
        assert_eq!(
            software_id_for("http://forge/groupa/../groupb/appb"),
            software_id_for("http://forge/groupb/appb")
        );
        assert_eq!(organisation_id_for("UNICEF"), "unicef");
        assert_eq!(
            organisation_id_for("https://www.unicef.org/"),
            "www-unicef-org"
        );
    }

    /// What `software_id_for` was before it used the normal form.
    fn previous_software_id_for(url: &str) -> String {
        let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let trimmed = without_scheme.trim_end_matches('/');
        slug(trimmed.strip_suffix(".git").unwrap_or(trimmed))
    }

    proptest::proptest! {
        #[test]
        fn ids_of_forge_urls_are_the_ids_earlier_versions_gave(
            scheme in "https?",
            host in "[a-z][a-z0-9-]{0,10}(\\.[a-z]{2,5}){1,2}",
            segments in proptest::collection::vec("[A-Za-z0-9_][A-Za-z0-9._-]{0,15}", 1..4),
            git in proptest::bool::ANY,
            slash in proptest::bool::ANY,
        ) {
            let mut url = format!("{scheme}://{host}/{}", segments.join("/"));
            if git { url.push_str(".git"); }
            if slash { url.push('/'); }
            proptest::prop_assume!(!segments.iter().any(|s| s.chars().all(|c| c == '.')));
            proptest::prop_assert_eq!(software_id_for(&url), previous_software_id_for(&url));
        }
    }
}
