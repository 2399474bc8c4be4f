//! The publishers registry: who publishes, and where (the only places the crawler looks).
//!
//! A YAML list of publishers, each with a stable id, a name and its hosting locations:
//!
//! ```yaml
//! - id: unicef
//!   name: UNICEF
//!   hosting:
//!     - url: https://gitlab.example.org/unicef
//!       kind: gitlab
//! ```
//!
//! A publisher may instead name a peer catalog that speaks the Software Catalog API, whose
//! entries the crawler pulls (see [`crate::peer`]):
//!
//! ```yaml
//! - id: developers-italia
//!   name: Developers Italia
//!   catalog:
//!     url: "https://api.developers.italia.it/v1"
//!     kind: open-catalog-api
//! ```
//!
//! A publisher may be suspended, with the reason (`suspended: "why"`): it stays in the
//! registry (its hosting locations stay claimed) but is not crawled and owns no repository.
//!
//! The same text is what the catalog keeps when the registry is curated in the browser
//! ([`Registry::to_yaml`] writes it, [`Registry::parse`] checks it).
//!
//! The file is read with the bounded YAML loader of `commons-publiccode` (depth, node budget,
//! duplicate keys), so a hostile registry gets errors with line and column, never a panic.

use commons_publiccode::yaml::{self, Node, Pos, ScalarKind, Value};
use commons_publiccode::{PathCase, RepositoryUrl};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use url::Url;

/// Ids no publisher may have: they name pages beside the publishers' own under
/// `/admin/publishers/`.
pub const RESERVED_IDS: [&str; 2] = ["new", "import"];

/// Largest registry file accepted (a registry of 20,000 publishers is about 4 MiB).
pub const MAX_REGISTRY_SIZE: usize = 16 * 1024 * 1024;

/// How a hosting location is crawled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HostingKind {
    /// A GitLab group, subgroups included (REST v4).
    Gitlab,
    /// A GitHub organisation or user (REST v3).
    Github,
    /// A Gitea or Forgejo organisation or user (API v1).
    Gitea,
    /// One plain git repository over smart HTTP.
    Git,
}

impl HostingKind {
    /// Every kind, in the order a form lists them.
    pub const ALL: [HostingKind; 4] = [Self::Gitlab, Self::Github, Self::Gitea, Self::Git];

    /// The kind's word in a registry file.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Gitlab => "gitlab",
            Self::Github => "github",
            Self::Gitea => "gitea",
            Self::Git => "git",
        }
    }

    /// The kind a registry file's word names (`forgejo` is Gitea's API).
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "gitlab" => Some(Self::Gitlab),
            "github" => Some(Self::Github),
            "gitea" | "forgejo" => Some(Self::Gitea),
            "git" => Some(Self::Git),
            _ => None,
        }
    }

    /// How the forge compares repository paths: GitLab, GitHub and Gitea ignore case, a plain
    /// git server's file system does not.
    pub fn path_case(self) -> PathCase {
        match self {
            Self::Gitlab | Self::Github | Self::Gitea => PathCase::Insensitive,
            Self::Git => PathCase::Sensitive,
        }
    }

    /// The catalog's name for the forge.
    pub fn forge(self) -> commons_catalog::ForgeKind {
        match self {
            Self::Gitlab => commons_catalog::ForgeKind::Gitlab,
            Self::Github => commons_catalog::ForgeKind::Github,
            Self::Gitea => commons_catalog::ForgeKind::Gitea,
            Self::Git => commons_catalog::ForgeKind::Git,
        }
    }
}

/// One place where a publisher hosts repositories.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Hosting {
    /// The group, organisation or repository URL (no trailing slash).
    pub url: String,
    /// How to crawl it.
    pub kind: HostingKind,
    /// The API base when it is not the forge's usual one (GitHub Enterprise, a GitLab under a
    /// path prefix); otherwise derived from `url`.
    pub api: Option<String>,
}

impl Hosting {
    /// The location in normal form (`None` only for a hosting not checked by
    /// [`Registry::parse`]).
    pub fn location(&self) -> Option<RepositoryUrl> {
        RepositoryUrl::parse(&self.url).ok()
    }

    /// Whether the repository lies in this location: below the group, organisation or user,
    /// or, for plain git, the repository itself; compared in normal form, segment by segment,
    /// with the forge's case rule.
    pub fn holds(&self, repository: &RepositoryUrl) -> bool {
        let Some(location) = self.location() else {
            return false;
        };
        match self.kind {
            HostingKind::Git => location.same_repository(repository, self.kind.path_case()),
            _ => repository.is_under(&location, self.kind.path_case()),
        }
    }

    /// How specific the location is (its number of path segments): when hostings nest, the
    /// innermost one owns what lies in it.
    fn depth(&self) -> usize {
        self.location().map_or(0, |l| l.segments().len())
    }
}

/// Why a repository is not a given publisher's: the answer of [`Registry::check_owner`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotOwned {
    /// No hosting location of the publisher holds it.
    #[error("{url} is outside the hosting {hosting} of publisher {publisher:?}")]
    Outside {
        /// The repository, in normal form.
        url: String,
        /// The hosting location it was expected in.
        hosting: String,
        /// The publisher it was expected to be of.
        publisher: String,
    },
    /// Another hosting location of the registry holds it (another publisher's, or a nested
    /// one of the same publisher that is crawled on its own).
    #[error("{url} belongs to the hosting {hosting} of publisher {publisher:?}")]
    Elsewhere {
        /// The repository, in normal form.
        url: String,
        /// The hosting location that holds it.
        hosting: String,
        /// Its publisher.
        publisher: String,
    },
}

/// The protocol a peer catalog speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CatalogKind {
    /// The Software Catalog API (publiccodeyml/open-catalog-api), read side.
    #[serde(rename = "open-catalog-api")]
    OpenCatalogApi,
}

/// A peer catalog a registry entry names instead of forges.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PeerCatalog {
    /// The API's base URL (no trailing slash), e.g. `https://api.developers.italia.it/v1`.
    pub url: String,
    /// Its protocol.
    pub kind: CatalogKind,
}

/// A publishing organisation and its hosting locations.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublisherEntry {
    /// Stable id, `[a-z0-9-]+`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// An identifier of the organisation (URL or URN), when known.
    pub uri: Option<String>,
    /// Where it publishes.
    pub hosting: Vec<Hosting>,
    /// The peer catalog it stands for, when it is one (then `hosting` is empty).
    #[serde(default)]
    pub catalog: Option<PeerCatalog>,
    /// Why it is suspended, when it is (not crawled meanwhile).
    #[serde(default)]
    pub suspended: Option<String>,
}

impl PublisherEntry {
    /// The catalog's view of the publisher.
    pub fn to_catalog(&self) -> commons_catalog::Publisher {
        commons_catalog::Publisher {
            id: self.id.clone(),
            name: self.name.clone(),
            uri: self.uri.clone(),
        }
    }
}

/// The whole registry.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// Publishers, in file order.
    pub publishers: Vec<PublisherEntry>,
    /// Hosting locations by lower-case key, built at the first ownership question: a
    /// registry of 20,000 publishers answers in a few map lookups, not 20,000 comparisons.
    owners: std::sync::OnceLock<HashMap<String, Vec<(usize, usize)>>>,
}

impl PartialEq for Registry {
    fn eq(&self, other: &Self) -> bool {
        self.publishers == other.publishers
    }
}

impl Eq for Registry {}

/// One problem in a registry file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    /// 1-based line; 0 when the problem is with the whole file.
    pub line: usize,
    /// 1-based column; 0 when the problem is with the whole file.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: error: {}", self.line, self.column, self.message)
    }
}

impl RegistryError {
    fn at(pos: Pos, message: impl Into<String>) -> Self {
        RegistryError {
            line: pos.line,
            column: pos.column,
            message: message.into(),
        }
    }

    fn whole(message: impl Into<String>) -> Self {
        RegistryError {
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

impl Registry {
    /// Reads and checks a registry file. I/O problems are reported as one whole-file error.
    pub fn load(path: &Path) -> Result<Registry, Vec<RegistryError>> {
        let metadata = std::fs::metadata(path)
            .map_err(|e| vec![RegistryError::whole(format!("cannot read: {e}"))])?;
        if metadata.len() > MAX_REGISTRY_SIZE as u64 {
            return Err(vec![too_large(metadata.len() as usize)]);
        }
        let bytes = std::fs::read(path)
            .map_err(|e| vec![RegistryError::whole(format!("cannot read: {e}"))])?;
        Registry::parse(&bytes)
    }

    /// Checks a registry text; every problem is reported, each with its position.
    pub fn parse(bytes: &[u8]) -> Result<Registry, Vec<RegistryError>> {
        if bytes.len() > MAX_REGISTRY_SIZE {
            return Err(vec![too_large(bytes.len())]);
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            vec![RegistryError::whole(format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ))]
        })?;
        let root = match yaml::load(text) {
            Ok(Some(root)) => root,
            Ok(None) => return Ok(Registry::default()),
            Err(e) => {
                let pos = e.pos.unwrap_or(Pos { line: 0, column: 0 });
                return Err(vec![RegistryError::at(pos, e.message)]);
            }
        };
        let mut errors = Vec::new();
        let publishers = read_publishers(&root, &mut errors);
        check_unique(&publishers, &mut errors);
        if errors.is_empty() {
            Ok(Registry {
                publishers: publishers.into_iter().map(|(_, p)| p).collect(),
                owners: Default::default(),
            })
        } else {
            errors.sort_by_key(|e| (e.line, e.column));
            Err(errors)
        }
    }

    /// The registry without its suspended publishers: what is crawled.
    pub fn without_suspended(&self) -> Registry {
        Registry {
            publishers: self
                .publishers
                .iter()
                .filter(|p| p.suspended.is_none())
                .cloned()
                .collect(),
            owners: Default::default(),
        }
    }

    /// The registry as the text of a registry file, which [`Registry::parse`] reads back
    /// into an equal registry. Every string is written double-quoted with JSON's escapes
    /// (a subset of YAML's), so no value can change the document's structure.
    pub fn to_yaml(&self) -> String {
        if self.publishers.is_empty() {
            return "[]\n".to_string();
        }
        let mut out = String::new();
        for p in &self.publishers {
            out.push_str(&format!(
                "- id: {}\n  name: {}\n",
                quoted(&p.id),
                quoted(&p.name)
            ));
            if let Some(uri) = &p.uri {
                out.push_str(&format!("  uri: {}\n", quoted(uri)));
            }
            if let Some(reason) = &p.suspended {
                out.push_str(&format!("  suspended: {}\n", quoted(reason)));
            }
            if let Some(catalog) = &p.catalog {
                let kind = match catalog.kind {
                    CatalogKind::OpenCatalogApi => "open-catalog-api",
                };
                out.push_str(&format!(
                    "  catalog:\n    url: {}\n    kind: {kind}\n",
                    quoted(&catalog.url)
                ));
            }
            if !p.hosting.is_empty() {
                out.push_str("  hosting:\n");
            }
            for h in &p.hosting {
                out.push_str(&format!(
                    "    - url: {}\n      kind: {}\n",
                    quoted(&h.url),
                    h.kind.as_str()
                ));
                if let Some(api) = &h.api {
                    out.push_str(&format!("      api: {}\n", quoted(api)));
                }
            }
        }
        out
    }

    /// Checks a registry built in memory (from a form) with the checks of the file: the
    /// problems come back without positions, each naming the value at fault.
    pub fn check(publishers: Vec<PublisherEntry>) -> Result<Registry, Vec<String>> {
        let candidate = Registry {
            publishers,
            owners: Default::default(),
        };
        Registry::parse(candidate.to_yaml().as_bytes())
            .map_err(|errors| errors.into_iter().map(|e| e.message).collect())
    }

    /// Every host named in the registry, plus the API hosts derived from it: the only hosts
    /// the crawler contacts.
    pub fn hosts(&self) -> Vec<String> {
        let mut hosts = Vec::new();
        let hosting_urls = self
            .publishers
            .iter()
            .flat_map(|p| &p.hosting)
            .flat_map(|h| [h.url.clone(), api_base(h)]);
        let catalog_urls = self
            .publishers
            .iter()
            .filter_map(|p| p.catalog.as_ref().map(|c| c.url.clone()));
        for url in hosting_urls.chain(catalog_urls) {
            if let Some(host) = host_of(&url)
                && !hosts.contains(&host)
            {
                hosts.push(host);
            }
        }
        hosts
    }

    /// The publisher and hosting location a repository falls under, if any: the innermost
    /// hosting that holds it when hostings nest.
    pub fn owner_of(&self, repository: &RepositoryUrl) -> Option<(&PublisherEntry, &Hosting)> {
        let owners = self.owners.get_or_init(|| self.index_owners());
        // Every hosting that can hold the repository has the key of one of its prefixes.
        let mut key = repository.authority().to_string();
        let mut candidates = Vec::new();
        for segment in repository.segments() {
            key.push('/');
            key.push_str(&segment.to_lowercase());
            candidates.extend(owners.get(&key).into_iter().flatten());
        }
        candidates
            .into_iter()
            .map(|&(p, h)| (&self.publishers[p], &self.publishers[p].hosting[h]))
            .filter(|(_, h)| h.holds(repository))
            .max_by_key(|(_, h)| h.depth())
    }

    fn index_owners(&self) -> HashMap<String, Vec<(usize, usize)>> {
        let mut owners: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (p, publisher) in self.publishers.iter().enumerate() {
            for (h, hosting) in publisher.hosting.iter().enumerate() {
                if let Some(location) = hosting.location() {
                    owners
                        .entry(location.key(PathCase::Insensitive))
                        .or_default()
                        .push((p, h));
                }
            }
        }
        owners
    }

    /// The one ownership rule, applied to the URL a forge or git server actually answered for
    /// (a listing's repository, the repository a webhook's URL led to, the end of a redirect):
    /// it must be `publisher`'s, in `hosting`. A plain git repository may also have moved
    /// within its host (a redirect), as long as no other hosting holds where it went.
    pub fn check_owner(
        &self,
        publisher: &str,
        hosting: &Hosting,
        answered: &RepositoryUrl,
    ) -> Result<(), NotOwned> {
        match self.owner_of(answered) {
            Some((p, h)) if p.id == publisher && h == hosting => Ok(()),
            Some((p, h)) => Err(NotOwned::Elsewhere {
                url: answered.as_url(),
                hosting: h.url.clone(),
                publisher: p.id.clone(),
            }),
            None if hosting.kind == HostingKind::Git
                && hosting
                    .location()
                    .is_some_and(|l| l.authority() == answered.authority()) =>
            {
                Ok(())
            }
            None => Err(NotOwned::Outside {
                url: answered.as_url(),
                hosting: hosting.url.clone(),
                publisher: publisher.to_string(),
            }),
        }
    }
}

/// A YAML double-quoted scalar that reads back as `text`: the quote and the backslash
/// escaped, and every character YAML does not take as printable (controls, line and
/// paragraph separators, the byte-order mark) written as `\uXXXX`.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn too_large(size: usize) -> RegistryError {
    RegistryError::whole(format!(
        "the file is {size} bytes, more than the {MAX_REGISTRY_SIZE} bytes allowed"
    ))
}

/// The API base of a hosting location, as each vendor documents it.
pub fn api_base(hosting: &Hosting) -> String {
    if let Some(api) = &hosting.api {
        return api.trim_end_matches('/').to_string();
    }
    let Ok(url) = Url::parse(&hosting.url) else {
        return hosting.url.clone();
    };
    let origin = url.origin().ascii_serialization();
    match hosting.kind {
        HostingKind::Github if url.host_str() == Some("github.com") => {
            "https://api.github.com".to_string()
        }
        HostingKind::Github => format!("{origin}/api/v3"),
        HostingKind::Gitlab => format!("{origin}/api/v4"),
        HostingKind::Gitea => format!("{origin}/api/v1"),
        HostingKind::Git => hosting.url.clone(),
    }
}

/// `host` or `host:port` of a URL.
pub fn host_of(url: &str) -> Option<String> {
    let url = Url::parse(url).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

type Positioned<T> = (Pos, T);

fn read_publishers(
    root: &Node,
    errors: &mut Vec<RegistryError>,
) -> Vec<Positioned<PublisherEntry>> {
    let Value::Seq(items) = &root.value else {
        errors.push(RegistryError::at(
            root.pos,
            "the registry must be a list of publishers",
        ));
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| read_publisher(item, errors).map(|p| (item.pos, p)))
        .collect()
}

fn read_publisher(node: &Node, errors: &mut Vec<RegistryError>) -> Option<PublisherEntry> {
    let fields = mapping(
        node,
        "a publisher",
        &["id", "name", "uri", "hosting", "catalog", "suspended"],
        errors,
    )?;
    let id = required_text(node, &fields, "id", errors);
    if let (Some(id), Some(n)) = (&id, fields.get("id")) {
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            errors.push(RegistryError::at(
                n.pos,
                format!("id {id:?} must be made of a-z, 0-9 and '-'"),
            ));
        } else if RESERVED_IDS.contains(&id.as_str()) {
            errors.push(RegistryError::at(
                n.pos,
                format!("id {id:?} is reserved (it names a page of /admin/publishers)"),
            ));
        }
    }
    let name = required_text(node, &fields, "name", errors);
    let uri = fields.get("uri").and_then(|n| text(n, "uri", errors));
    let catalog = fields.get("catalog").and_then(|n| read_catalog(n, errors));
    let suspended = fields
        .get("suspended")
        .and_then(|n| text(n, "suspended (the reason)", errors));
    let hosting = match fields.get("hosting") {
        None if fields.contains_key("catalog") => Vec::new(),
        None => {
            errors.push(RegistryError::at(
                node.pos,
                "hosting is required: a list of {url, kind} (or catalog: {url, kind})",
            ));
            Vec::new()
        }
        Some(n) if fields.contains_key("catalog") => {
            errors.push(RegistryError::at(
                n.pos,
                "a publisher has either hosting or catalog, not both",
            ));
            Vec::new()
        }
        Some(n) => match &n.value {
            Value::Seq(items) if !items.is_empty() => items
                .iter()
                .filter_map(|h| read_hosting(h, errors))
                .collect(),
            _ => {
                errors.push(RegistryError::at(
                    n.pos,
                    "hosting must be a non-empty list of {url, kind}",
                ));
                Vec::new()
            }
        },
    };
    Some(PublisherEntry {
        id: id?,
        name: name?,
        uri,
        hosting,
        catalog,
        suspended,
    })
}

fn read_catalog(node: &Node, errors: &mut Vec<RegistryError>) -> Option<PeerCatalog> {
    let fields = mapping(node, "a catalog", &["url", "kind"], errors)?;
    let kind = match required_text(node, &fields, "kind", errors)?.as_str() {
        "open-catalog-api" => CatalogKind::OpenCatalogApi,
        other => {
            errors.push(RegistryError::at(
                fields["kind"].pos,
                format!("kind {other:?} is not open-catalog-api"),
            ));
            return None;
        }
    };
    let url = required_text(node, &fields, "url", errors)
        .and_then(|u| check_url(&u, fields["url"].pos, None, errors))?;
    Some(PeerCatalog { url, kind })
}

fn read_hosting(node: &Node, errors: &mut Vec<RegistryError>) -> Option<Hosting> {
    let fields = mapping(node, "a hosting location", &["url", "kind", "api"], errors)?;
    let kind = match required_text(node, &fields, "kind", errors) {
        Some(k) => match HostingKind::parse(&k) {
            Some(kind) => Some(kind),
            None => {
                errors.push(RegistryError::at(
                    fields["kind"].pos,
                    format!("kind {k:?} is not one of gitlab, github, gitea, git"),
                ));
                None
            }
        },
        None => None,
    };
    let url = required_text(node, &fields, "url", errors)
        .and_then(|u| check_url(&u, fields["url"].pos, kind, errors));
    let api = fields
        .get("api")
        .and_then(|n| text(n, "api", errors).and_then(|u| check_url(&u, n.pos, None, errors)));
    Some(Hosting {
        url: url?,
        kind: kind?,
        api,
    })
}

fn check_url(
    text: &str,
    pos: Pos,
    kind: Option<HostingKind>,
    errors: &mut Vec<RegistryError>,
) -> Option<String> {
    let fail = |errors: &mut Vec<RegistryError>, why: &str| {
        errors.push(RegistryError::at(pos, format!("url {text:?} {why}")));
        None
    };
    let Ok(url) = Url::parse(text) else {
        return fail(errors, "is not a valid URL");
    };
    if url.scheme() != "https" && url.scheme() != "http" {
        return fail(errors, "must be http or https");
    }
    if url.host_str().is_none() {
        return fail(errors, "has no host");
    }
    if let Err(e) = RepositoryUrl::parse(text) {
        return fail(errors, &format!("is not usable: {e}"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return fail(
            errors,
            "must not hold credentials (tokens come from the environment)",
        );
    }
    if url.query().is_some() || url.fragment().is_some() {
        return fail(errors, "must not have a query or fragment");
    }
    let needs_path = matches!(
        kind,
        Some(HostingKind::Gitlab | HostingKind::Github | HostingKind::Gitea | HostingKind::Git)
    );
    if needs_path && url.path().trim_matches('/').is_empty() {
        return fail(
            errors,
            "must name a group, organisation or repository, not a whole host",
        );
    }
    if kind == Some(HostingKind::Github) && url.path().trim_matches('/').contains('/') {
        return fail(
            errors,
            "must be a GitHub organisation or user (one path segment)",
        );
    }
    Some(text.trim_end_matches('/').to_string())
}

fn mapping<'a>(
    node: &'a Node,
    what: &str,
    allowed: &[&str],
    errors: &mut Vec<RegistryError>,
) -> Option<HashMap<&'a str, &'a Node>> {
    let Value::Map(entries) = &node.value else {
        errors.push(RegistryError::at(
            node.pos,
            format!("{what} must be a mapping"),
        ));
        return None;
    };
    let mut fields = HashMap::new();
    for (key, value) in entries {
        if allowed.contains(&key.text.as_str()) {
            fields.insert(key.text.as_str(), value);
        } else {
            errors.push(RegistryError::at(
                key.pos,
                format!(
                    "unknown key {:?} in {what} (expected {})",
                    key.text,
                    allowed.join(", ")
                ),
            ));
        }
    }
    Some(fields)
}

fn text(node: &Node, key: &str, errors: &mut Vec<RegistryError>) -> Option<String> {
    match node.as_scalar() {
        Some((s, ScalarKind::Str)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => {
            errors.push(RegistryError::at(
                node.pos,
                format!("{key} must be a non-empty string"),
            ));
            None
        }
    }
}

fn required_text(
    parent: &Node,
    fields: &HashMap<&str, &Node>,
    key: &str,
    errors: &mut Vec<RegistryError>,
) -> Option<String> {
    match fields.get(key) {
        Some(n) => text(n, key, errors),
        None => {
            errors.push(RegistryError::at(parent.pos, format!("{key} is required")));
            None
        }
    }
}

/// Publisher ids are unique, and no hosting location is claimed twice.
fn check_unique(publishers: &[Positioned<PublisherEntry>], errors: &mut Vec<RegistryError>) {
    let mut ids: HashMap<&str, Pos> = HashMap::new();
    let mut urls: HashMap<String, &str> = HashMap::new();
    let key = |h: &Hosting| {
        h.location()
            .map_or_else(|| h.url.clone(), |l| l.key(h.kind.path_case()))
    };
    for (pos, p) in publishers {
        if let Some(first) = ids.insert(&p.id, *pos) {
            errors.push(RegistryError::at(
                *pos,
                format!(
                    "publisher id {:?} is already used at line {}",
                    p.id, first.line
                ),
            ));
        }
        for h in &p.hosting {
            if let Some(other) = urls.insert(key(h), &p.id) {
                errors.push(RegistryError::at(
                    *pos,
                    format!(
                        "hosting {} is already claimed by publisher {other:?}",
                        h.url
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
- id: unicef
  name: UNICEF
  hosting:
    - url: https://gitlab.example.org/unicef
      kind: gitlab
    - url: https://github.com/unicef/
      kind: github
- id: wfp
  name: WFP
  uri: https://www.wfp.org
  hosting:
    - url: https://git.example.org/tools/app.git
      kind: git
";

    #[test]
    fn reads_a_good_registry() {
        let r = Registry::parse(GOOD.as_bytes()).unwrap();
        assert_eq!(r.publishers.len(), 2);
        assert_eq!(r.publishers[0].hosting[1].url, "https://github.com/unicef");
        assert_eq!(r.publishers[1].uri.as_deref(), Some("https://www.wfp.org"));
        assert_eq!(
            r.hosts(),
            [
                "gitlab.example.org",
                "github.com",
                "api.github.com",
                "git.example.org"
            ]
        );
        let owner = |url: &str| r.owner_of(&RepositoryUrl::parse(url).unwrap());
        let (p, h) = owner("https://GitLab.example.org/unicef/sub/project.git").unwrap();
        assert_eq!((p.id.as_str(), h.kind), ("unicef", HostingKind::Gitlab));
        assert!(owner("https://gitlab.example.org/unicefx/p").is_none());
        assert!(owner("https://gitlab.example.org/unicef/../wfp/p").is_none());
        assert_eq!(owner("https://github.com/UNICEF/x").unwrap().0.id, "unicef");
        // Plain git compares paths with case.
        assert_eq!(
            owner("https://git.example.org/tools/app").unwrap().0.id,
            "wfp"
        );
        assert!(owner("https://git.example.org/Tools/App").is_none());
    }

    #[test]
    fn a_publisher_may_be_a_peer_catalog() {
        let text = "\
- id: developers-italia
  name: Developers Italia
  catalog:
    url: \"https://api.developers.italia.it/v1/\"
    kind: open-catalog-api
";
        let r = Registry::parse(text.as_bytes()).unwrap();
        let catalog = r.publishers[0].catalog.as_ref().unwrap();
        assert_eq!(catalog.url, "https://api.developers.italia.it/v1");
        assert_eq!(catalog.kind, CatalogKind::OpenCatalogApi);
        assert!(r.publishers[0].hosting.is_empty());
        assert_eq!(r.hosts(), ["api.developers.italia.it"]);

        let bad = "\
- id: a
  name: A
  catalog:
    url: https://x.example/v1
    kind: ckan
- id: b
  name: B
  hosting:
    - url: https://github.com/b
      kind: github
  catalog:
    url: https://y.example/v1
    kind: open-catalog-api
- id: c
  name: C
  catalog:
    url: ftp://z.example/v1
    kind: open-catalog-api
    token: secret
";
        let errors = Registry::parse(bad.as_bytes()).unwrap_err();
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 4, "{messages:#?}");
        assert!(
            messages[0].starts_with("5:11:")
                && messages[0].contains("\"ckan\" is not open-catalog-api")
        );
        assert!(
            messages[1].starts_with("9:5:") && messages[1].contains("either hosting or catalog")
        );
        assert!(messages[2].starts_with("17:10:") && messages[2].contains("must be http or https"));
        assert!(messages[3].starts_with("19:5:") && messages[3].contains("unknown key \"token\""));
    }

    #[test]
    fn reports_every_problem_with_its_position() {
        let text = "\
- id: Bad_Id
  name: X
  colour: red
  hosting:
    - url: ftp://x.org/a
      kind: svn
- id: ok
  hosting: []
- id: ok
  name: Y
- name: Z
  hosting:
    - url: https://github.com/a/b
      kind: github
- id: dup
  name: A
  hosting: [{url: 'https://git.example.org/x.git', kind: git}]
- id: dup
  name: B
  hosting: [{url: 'https://git.example.org/x', kind: git}]
";
        let errors = Registry::parse(text.as_bytes()).unwrap_err();
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with("1:7: error: id \"Bad_Id\"")),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with("3:3: error: unknown key \"colour\""))
        );
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with("5:12: error: url \"ftp://x.org/a\""))
        );
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with("6:13: error: kind \"svn\""))
        );
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with("7:3: error: name is required"))
        );
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with("8:12: error: hosting must be"))
        );
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with("9:3: error: hosting is required"))
        );
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with("11:3: error: id is required"))
        );
        assert!(shown.iter().any(|e| e.starts_with(
            "13:12: error: url \"https://github.com/a/b\" must be a GitHub organisation"
        )));
        assert!(shown.iter().any(|e| {
            e.starts_with("18:3: error: publisher id \"dup\" is already used at line 15")
        }));
        assert!(shown.iter().any(|e| e.starts_with(
            "18:3: error: hosting https://git.example.org/x is already claimed by publisher \"dup\""
        )));
    }

    #[test]
    fn hostile_files_get_errors_not_panics() {
        assert_eq!(Registry::parse(b"").unwrap(), Registry::default());
        let not_utf8 = Registry::parse(b"- id: \xff").unwrap_err();
        assert!(not_utf8[0].message.contains("not UTF-8"));
        let syntax = Registry::parse(b"- id: [unclosed").unwrap_err();
        assert!(syntax[0].line >= 1);
        let deep = "[".repeat(10_000);
        assert!(Registry::parse(deep.as_bytes()).is_err());
        let bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n";
        assert!(Registry::parse(bomb.as_bytes()).is_err());
        let big = vec![b'#'; MAX_REGISTRY_SIZE + 1];
        assert!(
            Registry::parse(&big).unwrap_err()[0]
                .message
                .contains("more than")
        );
        let mapping = Registry::parse(b"id: x").unwrap_err();
        assert_eq!((mapping[0].line, mapping[0].column), (1, 1));
    }

    #[test]
    fn the_innermost_hosting_owns_and_answers_are_checked_against_it() {
        let r = Registry::parse(
            b"- id: a\n  name: A\n  hosting: [{url: 'http://forge/groupa', kind: gitlab}]\n\
              - id: b\n  name: B\n  hosting: [{url: 'http://forge/groupb', kind: gitlab}]\n\
              - id: c\n  name: C\n  hosting: [{url: 'http://forge/groupa/sub', kind: gitlab}]\n\
              - id: g\n  name: G\n  hosting: [{url: 'http://git.example/x.git', kind: git}]\n",
        )
        .unwrap();
        let url = |text: &str| RepositoryUrl::parse(text).unwrap();
        let hosting = |i: usize| &r.publishers[i].hosting[0];
        assert_eq!(
            r.owner_of(&url("http://forge/groupa/sub/app"))
                .unwrap()
                .0
                .id,
            "c"
        );
        assert_eq!(
            r.check_owner("a", hosting(0), &url("http://forge/GroupA/app")),
            Ok(())
        );
        assert!(matches!(
            r.check_owner("a", hosting(0), &url("http://forge/groupa/../groupb/appb")),
            Err(NotOwned::Elsewhere { publisher, .. }) if publisher == "b"
        ));
        assert!(matches!(
            r.check_owner("a", hosting(0), &url("http://forge/groupa/sub/app")),
            Err(NotOwned::Elsewhere { publisher, .. }) if publisher == "c"
        ));
        assert!(matches!(
            r.check_owner("a", hosting(0), &url("http://elsewhere/groupa/app")),
            Err(NotOwned::Outside { .. })
        ));
        // A plain git repository may move within its host, not onto another's hosting.
        assert_eq!(
            r.check_owner("g", hosting(3), &url("http://git.example/y.git")),
            Ok(())
        );
        assert!(
            r.check_owner("g", hosting(3), &url("http://forge/groupb/appb"))
                .is_err()
        );
    }

    #[test]
    fn api_bases_follow_each_vendor() {
        let h = |url: &str, kind| Hosting {
            url: url.into(),
            kind,
            api: None,
        };
        assert_eq!(
            api_base(&h("https://github.com/unicef", HostingKind::Github)),
            "https://api.github.com"
        );
        assert_eq!(
            api_base(&h("https://ghe.example.org/unicef", HostingKind::Github)),
            "https://ghe.example.org/api/v3"
        );
        assert_eq!(
            api_base(&h("http://127.0.0.1:8080/a/b", HostingKind::Gitlab)),
            "http://127.0.0.1:8080/api/v4"
        );
        assert_eq!(
            api_base(&h("https://codeberg.example/o", HostingKind::Gitea)),
            "https://codeberg.example/api/v1"
        );
    }

    #[test]
    fn the_admin_pages_names_are_not_publisher_ids() {
        for id in RESERVED_IDS {
            let text = format!(
                "- id: {id}\n  name: X\n  hosting: [{{url: 'https://github.com/x', kind: github}}]\n"
            );
            let errors = Registry::parse(text.as_bytes()).unwrap_err();
            assert!(
                errors[0].to_string().starts_with("1:7: error: id"),
                "{errors:?}"
            );
            assert!(errors[0].message.contains("reserved"));
        }
    }

    #[test]
    fn the_written_registry_reads_back_equal() {
        let mut r = Registry::parse(GOOD.as_bytes()).unwrap();
        r.publishers[0].suspended = Some("asked by \"the\" owner:\n- see #12".into());
        r.publishers[1].hosting[0].api = Some("https://git.example.org/api".into());
        r.publishers.push(PublisherEntry {
            id: "peer".into(),
            name: "A peer: {catalog} & [more]\u{2028}\u{7}".into(),
            uri: None,
            hosting: Vec::new(),
            catalog: Some(PeerCatalog {
                url: "https://api.example.org/v1".into(),
                kind: CatalogKind::OpenCatalogApi,
            }),
            suspended: None,
        });
        let text = r.to_yaml();
        assert_eq!(Registry::parse(text.as_bytes()).unwrap(), r, "{text}");
        assert_eq!(r.without_suspended().publishers.len(), 2);
        assert_eq!(Registry::default().to_yaml(), "[]\n");
        assert!(Registry::parse(b"[]\n").unwrap().publishers.is_empty());
    }

    #[test]
    fn a_registry_from_a_form_gets_the_checks_of_a_file() {
        let mut publishers = Registry::parse(GOOD.as_bytes()).unwrap().publishers;
        publishers[1].hosting.push(Hosting {
            url: "https://gitlab.example.org/UNICEF".into(),
            kind: HostingKind::Gitlab,
            api: None,
        });
        publishers[1].id = "Not An Id".into();
        let problems = Registry::check(publishers).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("\"Not An Id\" must be made of")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("already claimed by publisher \"unicef\"")),
            "{problems:?}"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_survives_the_round_trip(
            name in "\\PC*[^\\s]\\PC*",
            reason in proptest::option::of("[^\\s](\\PC|[\\n\\t\\r])*[^\\s]"),
        ) {
            let r = Registry {
                publishers: vec![PublisherEntry {
                    id: "p".into(),
                    name: name.trim().to_string(),
                    uri: None,
                    hosting: vec![Hosting {
                        url: "https://git.example.org/a".into(),
                        kind: HostingKind::Gitea,
                        api: None,
                    }],
                    catalog: None,
                    suspended: reason,
                }],
                owners: Default::default(),
            };
            let text = r.to_yaml();
            proptest::prop_assert_eq!(Registry::parse(text.as_bytes()), Ok(r), "{}", text);
        }
    }
}
