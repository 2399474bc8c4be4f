//! Forge adapters: list a group's repositories, say where each default branch is now, and
//! read `publiccode.yml` from that commit, each as its vendor documents it.
//!
//! Whether a repository changed is decided by its default branch's head commit (the branches
//! API), never by the forge's activity stamps: GitLab moves `last_activity_at` at most once an
//! hour and sometimes not at all for a push (gitlab-org/gitlab-foss!6391,
//! gitlab-org/gitlab#581897), and GitHub's `pushed_at` and Gitea's `updated_at` are no more a
//! promise. The stamps are kept as [`RemoteRepository::activity`], a hint that never causes a
//! skip. The file is read at that commit, so the bytes and the commit recorded agree.
//!
//! A `publiccode.yml` that is a symbolic link or a submodule is refused, as plain git refuses
//! it: the root entry's mode or type is read first (GitHub's contents API follows a link to a
//! file in the repository and answers the target's content, so GitHub is read through its
//! trees and blobs instead).
//!
//! - GitLab REST v4: `GET /groups/:path/projects?include_subgroups=true&per_page=100`, pages by
//!   the `Link` header (or `X-Next-Page`); the head by
//!   `GET /projects/:id/repository/branches/:branch` (`commit.id`); the root entries by
//!   `GET /projects/:id/repository/tree?ref=:commit` (`mode` `120000` is a link); the file by
//!   `GET /projects/:id/repository/blobs/:sha/raw`.
//! - GitHub REST v3: `GET /orgs/:org/repos?per_page=100&type=all`, falling back to
//!   `GET /users/:user/repos` on 404; pages by `Link`; the head by
//!   `GET /repos/:owner/:repo/branches/:branch` (`commit.sha`, conditional on its `ETag`: a 304
//!   costs no rate limit); the root entries by `GET /repos/:owner/:repo/git/trees/:commit`; the
//!   file by `GET /repos/:owner/:repo/git/blobs/:sha` with the raw media type.
//! - Gitea/Forgejo API v1: `GET /orgs/:org/repos?limit=50&page=N` (falling back to
//!   `/users/:user/repos`), pages by `Link` (or `X-Total-Count`); the head by
//!   `GET /repos/:owner/:repo/branches/:branch` (`commit.id`); the entry by
//!   `GET /repos/:owner/:repo/contents/:file?ref=:commit` (`type` `symlink`); the file by
//!   `GET /repos/:owner/:repo/raw/:file?ref=:commit`.

use crate::error::FetchError;
use crate::http::{Answer, Auth, Http, Request};
use crate::registry::{Hosting, HostingKind, api_base};
use serde_json::Value;
use url::Url;

/// The names a publiccode.yml may have, in order of preference.
pub const FILE_NAMES: [&str; 2] = ["publiccode.yml", "publiccode.yaml"];

/// A repository as a forge lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RemoteRepository {
    /// Its web URL (the canonical URL of the entry).
    pub url: String,
    /// The forge's stable id (survives renames and moves).
    pub forge_id: Option<String>,
    /// The forge's path to it in API calls: `owner/name` or the GitLab project id.
    pub api_path: String,
    /// Default branch; `None` for an empty repository.
    pub default_branch: Option<String>,
    /// Archived (read-only) on the forge.
    pub archived: bool,
    /// A fork of another repository.
    pub fork: bool,
    /// Has no commits.
    pub empty: bool,
    /// The forge's activity stamp (`last_activity_at`, `pushed_at`, `updated_at`): a hint
    /// only. It may lag a push by an hour or forever, so it never decides that nothing changed.
    #[serde(alias = "version")]
    pub activity: Option<String>,
    /// The git URL over HTTP(S) (`http_url_to_repo`, `clone_url`), to fetch the history an
    /// assessment reads. Absent in jobs queued by an older crawler.
    #[serde(default)]
    pub clone_url: Option<String>,
}

/// Where a repository's default branch is, as the forge says now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BranchHead {
    /// The branch's commit, with the answer's `ETag` for a conditional request next time.
    Commit {
        /// The commit id.
        id: String,
        /// `ETag` of the answer.
        etag: Option<String>,
    },
    /// 304: the branch has not moved since the answer whose `ETag` was sent.
    NotModified,
}

/// What a forge says an entry at the root of a tree is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// A regular file (mode `100644` or `100755`).
    File,
    /// A symbolic link (mode `120000`), with its target when the forge says.
    Symlink {
        /// Where it points.
        target: Option<String>,
    },
    /// A submodule (gitlink, mode `160000`).
    Submodule,
    /// A directory.
    Directory,
    /// Anything else (the mode or type as the forge wrote it).
    Other(String),
}

/// An entry at the root of a repository's tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeEntry {
    /// Its name.
    pub name: String,
    /// What it is.
    pub kind: EntryKind,
    /// Its object id, when the forge says.
    pub id: Option<String>,
    /// Its size in bytes, when the forge says.
    pub size: Option<u64>,
}

/// The root entries a forge answered, and whether it cut the list short.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RootEntries {
    /// The entries.
    pub entries: Vec<TreeEntry>,
    /// GitHub's `truncated`: the list is incomplete.
    pub truncated: bool,
}

fn auth(kind: HostingKind) -> Auth {
    match kind {
        HostingKind::Gitea => Auth::Token,
        HostingKind::Git => Auth::None,
        HostingKind::Gitlab | HostingKind::Github => Auth::Bearer,
    }
}

const GITHUB_JSON: &str = "application/vnd.github+json";
const GITHUB_RAW: &str = "application/vnd.github.raw+json";
const GITHUB_VERSION: (&str, &str) = ("X-GitHub-Api-Version", "2022-11-28");

fn encode(segment: &str) -> String {
    url::form_urlencoded::byte_serialize(segment.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// Each `/`-separated segment encoded, the slashes kept.
fn encode_segments(path: &str) -> String {
    path.split('/').map(encode).collect::<Vec<_>>().join("/")
}

/// The group or organisation path of a hosting URL (`unicef/health` for a GitLab subgroup).
fn owner_path(hosting: &Hosting) -> Result<String, FetchError> {
    let url = Url::parse(&hosting.url)
        .map_err(|e| FetchError::Refused(format!("{}: {e}", hosting.url)))?;
    Ok(url.path().trim_matches('/').to_string())
}

/// Lists every repository of a hosting location, following the pagination to its end.
pub async fn list(http: &Http, hosting: &Hosting) -> Result<Vec<RemoteRepository>, FetchError> {
    let api = api_base(hosting);
    let owner = owner_path(hosting)?;
    match hosting.kind {
        HostingKind::Gitlab => {
            let first = format!(
                "{api}/groups/{}/projects?include_subgroups=true&per_page=100&order_by=id&sort=asc",
                encode(&owner)
            );
            paginate(http, hosting.kind, &first, None).await
        }
        HostingKind::Github => {
            let org = format!("{api}/orgs/{}/repos?per_page=100&type=all", encode(&owner));
            let user = format!(
                "{api}/users/{}/repos?per_page=100&type=owner",
                encode(&owner)
            );
            paginate(http, hosting.kind, &org, Some(&user)).await
        }
        HostingKind::Gitea => {
            let org = format!("{api}/orgs/{}/repos?limit=50&page=1", encode(&owner));
            let user = format!("{api}/users/{}/repos?limit=50&page=1", encode(&owner));
            paginate(http, hosting.kind, &org, Some(&user)).await
        }
        HostingKind::Git => Err(FetchError::Refused(
            "a plain git location is one repository, not a listing".into(),
        )),
    }
}

async fn paginate(
    http: &Http,
    kind: HostingKind,
    first: &str,
    fallback: Option<&str>,
) -> Result<Vec<RemoteRepository>, FetchError> {
    let mut repositories = Vec::new();
    let mut next = Some(first.to_string());
    let mut pages = 0;
    let mut fallback = fallback.map(str::to_string);
    while let Some(url) = next.take() {
        pages += 1;
        if pages > http.limits().max_pages {
            return Err(FetchError::TooLarge(format!(
                "more than {} pages of repositories",
                http.limits().max_pages
            )));
        }
        let answer = get_json(http, kind, &url).await;
        let answer = match (answer, pages, fallback.take()) {
            // An organisation that does not exist may be a user (GitHub, Gitea).
            (Err(FetchError::NotFound(_)), 1, Some(user)) => get_json(http, kind, &user).await?,
            (answer, ..) => answer?,
        };
        let page = parse_listing(kind, &answer.body).map_err(|e| in_answer(&url, e))?;
        let page_len = page.len();
        repositories.extend(page);
        next = next_page(&answer, page_len, repositories.len());
    }
    Ok(repositories)
}

/// A forge's error, with the URL it came from.
fn in_answer(url: &str, error: FetchError) -> FetchError {
    FetchError::Refused(format!("{url}: {}", error.detail()))
}

async fn get_json(http: &Http, kind: HostingKind, url: &str) -> Result<Answer, FetchError> {
    let accept = if kind == HostingKind::Github {
        GITHUB_JSON
    } else {
        "application/json"
    };
    api_get(http, kind, url, accept, None, http.limits().max_listing).await
}

/// One API request: 200 (and 304 to a conditional request) are answers, the rest errors.
async fn api_get(
    http: &Http,
    kind: HostingKind,
    url: &str,
    accept: &str,
    etag: Option<&str>,
    cap: usize,
) -> Result<Answer, FetchError> {
    let github_headers = [GITHUB_VERSION];
    let headers: &[(&str, &str)] = if kind == HostingKind::Github {
        &github_headers
    } else {
        &[]
    };
    let answer = http
        .get(&Request {
            url,
            accept: Some(accept),
            etag,
            cap,
            auth: auth(kind),
            headers,
        })
        .await?;
    match answer.status {
        200 => Ok(answer),
        304 if etag.is_some() => Ok(answer),
        // A 304 to a request that was not conditional breaks HTTP: say so, no panic.
        304 => Err(FetchError::Refused(format!(
            "{url}: HTTP 304 to a request without If-None-Match"
        ))),
        404 => Err(FetchError::NotFound(format!("{url}: HTTP 404"))),
        401 | 403 => Err(FetchError::Refused(format!(
            "{url}: HTTP {} (a token may be needed: see COMMONS_TOKEN_<HOST>)",
            answer.status
        ))),
        status => Err(FetchError::Refused(format!("{url}: HTTP {status}"))),
    }
}

/// The next page: `Link: <...>; rel="next"` for all three vendors; GitLab's `X-Next-Page`;
/// Gitea's `X-Total-Count` when no link is sent.
fn next_page(answer: &Answer, page_len: usize, seen: usize) -> Option<String> {
    if let Some(link) = answer.header("link")
        && let Some(next) = link_next(link)
    {
        return answer.final_url.join(&next).ok().map(String::from);
    }
    if let Some(page) = answer.header("x-next-page").map(str::trim)
        && !page.is_empty()
    {
        let mut url = answer.final_url.clone();
        set_query(&mut url, "page", page);
        return Some(url.into());
    }
    if let Some(total) = answer
        .header("x-total-count")
        .and_then(|t| t.trim().parse::<usize>().ok())
        && seen < total
        && page_len > 0
    {
        let mut url = answer.final_url.clone();
        let page: usize = url
            .query_pairs()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1);
        set_query(&mut url, "page", &(page + 1).to_string());
        return Some(url.into());
    }
    None
}

fn set_query(url: &mut Url, key: &str, value: &str) {
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != key)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    url.query_pairs_mut()
        .clear()
        .extend_pairs(pairs)
        .append_pair(key, value);
}

/// The `rel="next"` target of an RFC 8288 `Link` header.
fn link_next(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (target, params) = part.split_once(';')?;
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        params
            .split(';')
            .any(|p| {
                let p = p.trim().replace(' ', "");
                p == "rel=\"next\"" || p == "rel=next"
            })
            .then(|| target.to_string())
    })
}

/// Decodes one page of a forge's repository listing (a JSON array of repositories).
pub fn parse_listing(kind: HostingKind, body: &[u8]) -> Result<Vec<RemoteRepository>, FetchError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Array(items)) => items.iter().map(|i| repository_from(kind, i)).collect(),
        _ => Err(FetchError::Refused(
            "the listing is not a JSON array".into(),
        )),
    }
}

/// Decodes a forge's answer about one repository.
pub fn parse_repository(kind: HostingKind, body: &[u8]) -> Result<RemoteRepository, FetchError> {
    let item: Value =
        serde_json::from_slice(body).map_err(|e| FetchError::Refused(format!("not JSON: {e}")))?;
    repository_from(kind, &item)
}

fn repository_from(kind: HostingKind, item: &Value) -> Result<RemoteRepository, FetchError> {
    let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_string);
    let flag = |key: &str| item.get(key).and_then(Value::as_bool).unwrap_or(false);
    let id = item.get("id").map(|v| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let missing = |key: &str| FetchError::Refused(format!("a listed repository has no {key}"));
    Ok(match kind {
        HostingKind::Gitlab => RemoteRepository {
            url: text("web_url").ok_or_else(|| missing("web_url"))?,
            api_path: id.clone().ok_or_else(|| missing("id"))?,
            forge_id: id,
            default_branch: text("default_branch"),
            archived: flag("archived"),
            fork: item
                .get("forked_from_project")
                .is_some_and(|v| !v.is_null()),
            empty: flag("empty_repo") || text("default_branch").is_none(),
            activity: text("last_activity_at"),
            clone_url: text("http_url_to_repo"),
        },
        HostingKind::Github => RemoteRepository {
            url: text("html_url").ok_or_else(|| missing("html_url"))?,
            api_path: text("full_name").ok_or_else(|| missing("full_name"))?,
            forge_id: id,
            default_branch: text("default_branch"),
            archived: flag("archived"),
            fork: flag("fork"),
            // GitHub reports an empty repository with size 0.
            empty: item.get("size").and_then(Value::as_u64) == Some(0),
            activity: text("pushed_at"),
            clone_url: text("clone_url"),
        },
        HostingKind::Gitea => RemoteRepository {
            url: text("html_url").ok_or_else(|| missing("html_url"))?,
            api_path: text("full_name").ok_or_else(|| missing("full_name"))?,
            forge_id: id,
            default_branch: text("default_branch"),
            archived: flag("archived"),
            fork: flag("fork"),
            empty: flag("empty"),
            activity: text("updated_at"),
            clone_url: text("clone_url"),
        },
        HostingKind::Git => {
            return Err(FetchError::Refused("plain git has no listing".into()));
        }
    })
}

/// Looks one repository up by its URL (a webhook named it): GitLab
/// `GET /projects/:url-encoded-path`, GitHub and Gitea `GET /repos/:owner/:repo`.
pub async fn fetch_repository(
    http: &Http,
    hosting: &Hosting,
    repository_url: &str,
) -> Result<RemoteRepository, FetchError> {
    let api = api_base(hosting);
    let url = Url::parse(repository_url)
        .map_err(|e| FetchError::Refused(format!("{repository_url}: {e}")))?;
    let path = url.path().trim_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path);
    let endpoint = match hosting.kind {
        HostingKind::Gitlab => format!("{api}/projects/{}", encode(path)),
        HostingKind::Github | HostingKind::Gitea => format!("{api}/repos/{path}"),
        HostingKind::Git => {
            return Err(FetchError::Refused("plain git has no API".into()));
        }
    };
    let answer = get_json(http, hosting.kind, &endpoint).await?;
    parse_repository(hosting.kind, &answer.body).map_err(|e| in_answer(&endpoint, e))
}

fn default_branch(repository: &RemoteRepository) -> Result<&str, FetchError> {
    repository
        .default_branch
        .as_deref()
        .ok_or_else(|| FetchError::NotFound("empty repository".into()))
}

fn no_api() -> FetchError {
    FetchError::Refused("plain git is read with git, not an API".into())
}

/// Asks where the default branch is now (conditional on the `ETag` of the last answer).
pub async fn branch_head(
    http: &Http,
    hosting: &Hosting,
    repository: &RemoteRepository,
    etag: Option<&str>,
) -> Result<BranchHead, FetchError> {
    let api = api_base(hosting);
    let branch = default_branch(repository)?;
    let url = match hosting.kind {
        // GitLab wants the whole name encoded (`release%2F1.0`); GitHub and Gitea take the
        // rest of the path as the name, slashes included.
        HostingKind::Gitlab => format!(
            "{api}/projects/{}/repository/branches/{}",
            encode(&repository.api_path),
            encode(branch)
        ),
        HostingKind::Github | HostingKind::Gitea => format!(
            "{api}/repos/{}/branches/{}",
            repository.api_path,
            encode_segments(branch)
        ),
        HostingKind::Git => return Err(no_api()),
    };
    let accept = if hosting.kind == HostingKind::Github {
        GITHUB_JSON
    } else {
        "application/json"
    };
    let cap = http.limits().max_listing;
    let answer = api_get(http, hosting.kind, &url, accept, etag, cap).await?;
    if answer.status == 304 {
        return Ok(BranchHead::NotModified);
    }
    Ok(BranchHead::Commit {
        id: parse_branch_head(hosting.kind, &answer.body).map_err(|e| in_answer(&url, e))?,
        etag: answer.header("etag").map(str::to_string),
    })
}

/// Decodes a forge's answer about a branch into its head commit: GitLab's and Gitea's
/// `commit.id`, GitHub's `commit.sha`.
pub fn parse_branch_head(kind: HostingKind, body: &[u8]) -> Result<String, FetchError> {
    let branch: Value = serde_json::from_slice(body)
        .map_err(|e| FetchError::Refused(format!("the branch is not JSON: {e}")))?;
    let key = if kind == HostingKind::Github {
        "sha"
    } else {
        "id"
    };
    branch
        .get("commit")
        .and_then(|c| c.get(key))
        .and_then(Value::as_str)
        .filter(|id| is_object_id(id))
        .map(str::to_string)
        .ok_or_else(|| FetchError::Refused(format!("the branch has no commit.{key} object id")))
}

/// A git object id (SHA-1 or SHA-256, hexadecimal): safe to put in a URL path.
pub fn is_object_id(text: &str) -> bool {
    matches!(text.len(), 40 | 64) && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Reads the publiccode.yml of `commit`: its root entry first, which must be a regular file
/// within the size cap, then its bytes.
pub async fn fetch_file(
    http: &Http,
    hosting: &Hosting,
    repository: &RemoteRepository,
    commit: &str,
) -> Result<Vec<u8>, FetchError> {
    if !is_object_id(commit) {
        return Err(FetchError::Refused(format!(
            "{commit:?} is not a commit id"
        )));
    }
    let entry = match hosting.kind {
        HostingKind::Gitea => gitea_entry(http, hosting, repository, commit).await?,
        HostingKind::Github | HostingKind::Gitlab => {
            root_entry(http, hosting, repository, commit).await?
        }
        HostingKind::Git => return Err(no_api()),
    };
    refuse_unless_regular(&entry, http.limits().max_file)?;
    read_blob(http, hosting, repository, commit, &entry).await
}

fn not_in(commit: &str) -> FetchError {
    FetchError::NotFound(format!("no publiccode.yml in commit {}", &commit[..12]))
}

/// GitHub's and GitLab's root tree of a commit (GitLab's in pages), searched for the file.
async fn root_entry(
    http: &Http,
    hosting: &Hosting,
    repository: &RemoteRepository,
    commit: &str,
) -> Result<TreeEntry, FetchError> {
    let api = api_base(hosting);
    let mut next = Some(match hosting.kind {
        HostingKind::Github => format!("{api}/repos/{}/git/trees/{commit}", repository.api_path),
        _ => format!(
            "{api}/projects/{}/repository/tree?ref={commit}&per_page=100",
            encode(&repository.api_path)
        ),
    });
    let (mut pages, mut seen) = (0, 0);
    while let Some(url) = next.take() {
        pages += 1;
        if pages > http.limits().max_pages {
            return Err(FetchError::TooLarge(format!(
                "more than {} pages of root entries",
                http.limits().max_pages
            )));
        }
        let answer = get_json(http, hosting.kind, &url).await?;
        let root =
            parse_root_entries(hosting.kind, &answer.body).map_err(|e| in_answer(&url, e))?;
        if let Some(entry) = preferred(root.entries.iter()) {
            return Ok(entry.clone());
        }
        if root.truncated {
            return Err(FetchError::Refused(format!(
                "{url}: the forge truncated the root tree, and publiccode.yml is not in what it sent"
            )));
        }
        seen += root.entries.len();
        next = next_page(&answer, root.entries.len(), seen);
    }
    Err(not_in(commit))
}

/// The entry of the preferred file name among `entries`.
fn preferred<'a>(entries: impl Iterator<Item = &'a TreeEntry> + Clone) -> Option<&'a TreeEntry> {
    FILE_NAMES
        .iter()
        .find_map(|name| entries.clone().find(|e| e.name == *name))
}

/// Gitea's contents API on each file name in turn.
async fn gitea_entry(
    http: &Http,
    hosting: &Hosting,
    repository: &RemoteRepository,
    commit: &str,
) -> Result<TreeEntry, FetchError> {
    let api = api_base(hosting);
    for name in FILE_NAMES {
        let url = format!(
            "{api}/repos/{}/contents/{name}?ref={commit}",
            repository.api_path
        );
        match get_json(http, hosting.kind, &url).await {
            Ok(answer) => {
                let root = parse_root_entries(hosting.kind, &answer.body)
                    .map_err(|e| in_answer(&url, e))?;
                // The contents API answers for the path asked, whatever it names itself.
                return match root.entries.into_iter().next() {
                    Some(entry) => Ok(TreeEntry {
                        name: name.to_string(),
                        ..entry
                    }),
                    None => Err(FetchError::Refused(format!(
                        "{url}: no entry in the answer"
                    ))),
                };
            }
            Err(FetchError::NotFound(_)) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(not_in(commit))
}

/// Decodes a forge's description of root entries: GitHub's tree object (`tree`, `truncated`),
/// GitLab's tree array (`name`, `mode`, `id`), Gitea's contents object (`type`, `target`).
pub fn parse_root_entries(kind: HostingKind, body: &[u8]) -> Result<RootEntries, FetchError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| FetchError::Refused(format!("the tree is not JSON: {e}")))?;
    let malformed = |what: &str| FetchError::Refused(format!("malformed tree: {what}"));
    match kind {
        HostingKind::Github => {
            let items = value
                .get("tree")
                .and_then(Value::as_array)
                .ok_or_else(|| malformed("no tree array"))?;
            Ok(RootEntries {
                entries: items
                    .iter()
                    .map(|i| moded_entry(i, "path", "sha"))
                    .collect::<Result<_, _>>()?,
                truncated: value
                    .get("truncated")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            })
        }
        HostingKind::Gitlab => {
            let items = value.as_array().ok_or_else(|| malformed("not an array"))?;
            Ok(RootEntries {
                entries: items
                    .iter()
                    .map(|i| moded_entry(i, "name", "id"))
                    .collect::<Result<_, _>>()?,
                truncated: false,
            })
        }
        HostingKind::Gitea => Ok(RootEntries {
            entries: vec![typed_entry(&value)?],
            truncated: false,
        }),
        HostingKind::Git => Err(no_api()),
    }
}

fn text_of<'a>(item: &'a Value, key: &str) -> Option<&'a str> {
    item.get(key).and_then(Value::as_str)
}

/// A GitHub or GitLab tree entry: the git mode says what it is.
fn moded_entry(item: &Value, name_key: &str, id_key: &str) -> Result<TreeEntry, FetchError> {
    let name = text_of(item, name_key)
        .ok_or_else(|| FetchError::Refused(format!("a tree entry has no {name_key}")))?;
    let mode = text_of(item, "mode")
        .ok_or_else(|| FetchError::Refused(format!("tree entry {name:?} has no mode")))?;
    let kind = match mode {
        "100644" | "100755" => EntryKind::File,
        "120000" => EntryKind::Symlink { target: None },
        "160000" => EntryKind::Submodule,
        "040000" | "40000" => EntryKind::Directory,
        other => EntryKind::Other(other.to_string()),
    };
    Ok(TreeEntry {
        name: name.to_string(),
        kind,
        id: text_of(item, id_key).map(str::to_string),
        size: item.get("size").and_then(Value::as_u64),
    })
}

/// A Gitea contents object: its `type` says what it is.
fn typed_entry(item: &Value) -> Result<TreeEntry, FetchError> {
    let name = text_of(item, "name").unwrap_or_default();
    let kind = match text_of(item, "type") {
        Some("file") => EntryKind::File,
        Some("symlink") => EntryKind::Symlink {
            target: text_of(item, "target").map(str::to_string),
        },
        Some("submodule") => EntryKind::Submodule,
        Some("dir") => EntryKind::Directory,
        Some(other) => EntryKind::Other(other.to_string()),
        None => {
            return Err(FetchError::Refused(
                "the contents answer has no type".into(),
            ));
        }
    };
    Ok(TreeEntry {
        name: name.to_string(),
        kind,
        id: text_of(item, "sha").map(str::to_string),
        size: item.get("size").and_then(Value::as_u64),
    })
}

/// Only a regular file within the cap is read: a link is refused whether it points inside
/// the repository or out of it, as plain git refuses it.
fn refuse_unless_regular(entry: &TreeEntry, max_file: usize) -> Result<(), FetchError> {
    let name = &entry.name;
    let refused = |why: String| Err(FetchError::Refused(why));
    match &entry.kind {
        EntryKind::File => {}
        EntryKind::Symlink { target } => {
            let to = target
                .as_deref()
                .map(|t| format!(" to {t:?}"))
                .unwrap_or_default();
            return refused(format!(
                "{name} is a symbolic link{to}: only a regular file is read"
            ));
        }
        EntryKind::Submodule => {
            return refused(format!(
                "{name} is a submodule: only a regular file is read"
            ));
        }
        EntryKind::Directory => return refused(format!("{name} is a directory, not a file")),
        EntryKind::Other(mode) => {
            return refused(format!("{name} has mode {mode}, not a regular file"));
        }
    }
    match entry.size {
        Some(size) if size > max_file as u64 => Err(FetchError::TooLarge(format!(
            "{name} is {size} bytes, more than the {max_file} bytes allowed"
        ))),
        _ => Ok(()),
    }
}

/// The file's bytes: by blob id on GitHub and GitLab, by path at the commit on Gitea.
async fn read_blob(
    http: &Http,
    hosting: &Hosting,
    repository: &RemoteRepository,
    commit: &str,
    entry: &TreeEntry,
) -> Result<Vec<u8>, FetchError> {
    let api = api_base(hosting);
    let blob = || {
        entry
            .id
            .as_deref()
            .filter(|id| is_object_id(id))
            .ok_or_else(|| FetchError::Refused(format!("{} has no blob id", entry.name)))
    };
    let (url, accept) = match hosting.kind {
        HostingKind::Github => (
            format!("{api}/repos/{}/git/blobs/{}", repository.api_path, blob()?),
            GITHUB_RAW,
        ),
        HostingKind::Gitlab => (
            format!(
                "{api}/projects/{}/repository/blobs/{}/raw",
                encode(&repository.api_path),
                blob()?
            ),
            "*/*",
        ),
        HostingKind::Gitea => (
            format!(
                "{api}/repos/{}/raw/{}?ref={commit}",
                repository.api_path, entry.name
            ),
            "*/*",
        ),
        HostingKind::Git => return Err(no_api()),
    };
    let cap = http.limits().max_file;
    let answer = api_get(http, hosting.kind, &url, accept, None, cap).await?;
    Ok(answer.body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_headers_are_read_as_rfc_8288_says() {
        let h = r#"<https://api.example.org/orgs/x/repos?page=2>; rel="next", <https://api.example.org/orgs/x/repos?page=5>; rel="last""#;
        assert_eq!(
            link_next(h).as_deref(),
            Some("https://api.example.org/orgs/x/repos?page=2")
        );
        assert_eq!(link_next(r#"<a>; rel="prev""#), None);
        assert_eq!(link_next("garbage"), None);
    }

    #[test]
    fn branch_heads_are_read_as_each_vendor_writes_them() {
        let sha = "a".repeat(40);
        let gitlab = format!(r#"{{"name":"main","commit":{{"id":"{sha}"}}}}"#);
        let github = format!(r#"{{"name":"main","commit":{{"sha":"{sha}"}}}}"#);
        assert_eq!(
            parse_branch_head(HostingKind::Gitlab, gitlab.as_bytes()).unwrap(),
            sha
        );
        assert_eq!(
            parse_branch_head(HostingKind::Gitea, gitlab.as_bytes()).unwrap(),
            sha
        );
        assert_eq!(
            parse_branch_head(HostingKind::Github, github.as_bytes()).unwrap(),
            sha
        );
        // An id that is not hexadecimal would be put in a URL path: refused.
        for body in [
            r#"{"commit":{"id":"../../../users"}}"#,
            r#"{"commit":{"id":42}}"#,
            r#"{"commit":null}"#,
            "[]",
            "not json",
        ] {
            assert!(
                parse_branch_head(HostingKind::Gitlab, body.as_bytes()).is_err(),
                "{body}"
            );
        }
    }

    #[test]
    fn root_entries_say_what_is_a_link() {
        let github = br#"{"sha":"t","truncated":false,"tree":[
            {"path":"publiccode.yml","mode":"120000","type":"blob","sha":"b","size":8},
            {"path":"real.yml","mode":"100644","type":"blob","sha":"c","size":90}]}"#;
        let root = parse_root_entries(HostingKind::Github, github).unwrap();
        assert_eq!(root.entries[0].kind, EntryKind::Symlink { target: None });
        assert_eq!(root.entries[1].kind, EntryKind::File);
        let gitlab = br#"[{"id":"b","name":"publiccode.yml","type":"commit","path":"publiccode.yml","mode":"160000"}]"#;
        let root = parse_root_entries(HostingKind::Gitlab, gitlab).unwrap();
        assert_eq!(root.entries[0].kind, EntryKind::Submodule);
        let gitea = br#"{"name":"publiccode.yml","type":"symlink","target":"/etc/passwd","sha":"b","size":11}"#;
        let root = parse_root_entries(HostingKind::Gitea, gitea).unwrap();
        let refused = refuse_unless_regular(&root.entries[0], 1024).unwrap_err();
        assert_eq!(
            refused.detail(),
            r#"publiccode.yml is a symbolic link to "/etc/passwd": only a regular file is read"#
        );
        for (kind, body) in [
            (HostingKind::Github, &br#"{"tree":{}}"#[..]),
            (HostingKind::Github, br#"{"tree":[{"path":"x"}]}"#),
            (HostingKind::Gitlab, br#"{"message":"404"}"#),
            (HostingKind::Gitea, br#"{"name":"x"}"#),
        ] {
            assert!(parse_root_entries(kind, body).is_err(), "{body:?}");
        }
    }

    #[test]
    fn gitlab_paths_are_url_encoded() {
        assert_eq!(encode("unicef/health tools"), "unicef%2Fhealth%20tools");
        assert_eq!(encode_segments("release/1.0 rc?"), "release/1.0%20rc%3F");
    }
}
