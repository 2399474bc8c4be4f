//! Forge adapters: list a group's repositories and read `publiccode.yml` from the default
//! branch, each as its vendor documents it.
//!
//! - GitLab REST v4: `GET /groups/:path/projects?include_subgroups=true&per_page=100`, pages by
//!   the `Link` header (or `X-Next-Page`); the file by
//!   `GET /projects/:id/repository/files/publiccode.yml/raw?ref=:branch`.
//! - GitHub REST v3: `GET /orgs/:org/repos?per_page=100&type=all`, falling back to
//!   `GET /users/:user/repos` on 404; pages by `Link`; the file by
//!   `GET /repos/:owner/:repo/contents/publiccode.yml?ref=:branch` with the raw media type.
//! - Gitea/Forgejo API v1: `GET /orgs/:org/repos?limit=50&page=N` (falling back to
//!   `/users/:user/repos`), pages by `Link` (or `X-Total-Count`); the file by
//!   `GET /repos/:owner/:repo/raw/publiccode.yml?ref=:branch`.

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
    /// The forge's last-push stamp: unchanged means the content is unchanged.
    pub version: Option<String>,
    /// The git URL over HTTP(S) (`http_url_to_repo`, `clone_url`), to fetch the history an
    /// assessment reads. Absent in jobs queued by an older crawler.
    #[serde(default)]
    pub clone_url: Option<String>,
}

/// What reading the file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileAnswer {
    /// The bytes, with the ETag and the commit when the forge tells them.
    Content {
        /// The file.
        bytes: Vec<u8>,
        /// `ETag`, for a conditional request next time.
        etag: Option<String>,
        /// The commit, when the forge says (GitLab's `X-Gitlab-Commit-Id`).
        commit: Option<String>,
    },
    /// 304: the ETag still matches.
    NotModified,
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
        let items = match serde_json::from_slice::<Value>(&answer.body) {
            Ok(Value::Array(items)) => items,
            _ => {
                return Err(FetchError::Refused(format!(
                    "{url}: the listing is not a JSON array"
                )));
            }
        };
        let page_len = items.len();
        for item in &items {
            repositories.push(repository_from(kind, item)?);
        }
        next = next_page(&answer, page_len, repositories.len());
    }
    Ok(repositories)
}

async fn get_json(http: &Http, kind: HostingKind, url: &str) -> Result<Answer, FetchError> {
    let github_headers = [GITHUB_VERSION];
    let headers: &[(&str, &str)] = if kind == HostingKind::Github {
        &github_headers
    } else {
        &[]
    };
    let answer = http
        .get(&Request {
            url,
            accept: Some(if kind == HostingKind::Github {
                GITHUB_JSON
            } else {
                "application/json"
            }),
            etag: None,
            cap: http.limits().max_listing,
            auth: auth(kind),
            headers,
        })
        .await?;
    match answer.status {
        200 => Ok(answer),
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
            version: text("last_activity_at"),
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
            version: text("pushed_at"),
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
            version: text("updated_at"),
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
    let item: Value = serde_json::from_slice(&answer.body)
        .map_err(|e| FetchError::Refused(format!("{endpoint}: not JSON: {e}")))?;
    repository_from(hosting.kind, &item)
}

/// Reads the publiccode.yml of a repository's default branch (conditional on `etag`).
pub async fn fetch_file(
    http: &Http,
    hosting: &Hosting,
    repository: &RemoteRepository,
    etag: Option<&str>,
) -> Result<FileAnswer, FetchError> {
    let api = api_base(hosting);
    let branch = repository
        .default_branch
        .as_deref()
        .ok_or_else(|| FetchError::NotFound("empty repository".into()))?;
    let mut last = None;
    for name in FILE_NAMES {
        let url = match hosting.kind {
            HostingKind::Gitlab => format!(
                "{api}/projects/{}/repository/files/{}/raw?ref={}",
                encode(&repository.api_path),
                encode(name),
                encode(branch)
            ),
            HostingKind::Github => format!(
                "{api}/repos/{}/contents/{name}?ref={}",
                repository.api_path,
                encode(branch)
            ),
            HostingKind::Gitea => format!(
                "{api}/repos/{}/raw/{name}?ref={}",
                repository.api_path,
                encode(branch)
            ),
            HostingKind::Git => {
                return Err(FetchError::Refused("plain git is read with git".into()));
            }
        };
        let github_headers = [GITHUB_VERSION];
        let answer = http
            .get(&Request {
                url: &url,
                accept: (hosting.kind == HostingKind::Github).then_some(GITHUB_RAW),
                etag,
                cap: http.limits().max_file,
                auth: auth(hosting.kind),
                headers: if hosting.kind == HostingKind::Github {
                    &github_headers
                } else {
                    &[]
                },
            })
            .await?;
        match answer.status {
            200 => {
                return Ok(FileAnswer::Content {
                    etag: answer.header("etag").map(str::to_string),
                    commit: answer.header("x-gitlab-commit-id").map(str::to_string),
                    bytes: answer.body,
                });
            }
            304 => return Ok(FileAnswer::NotModified),
            404 => last = Some(FetchError::NotFound(format!("no {name} on {branch}"))),
            401 | 403 => {
                return Err(FetchError::Refused(format!(
                    "HTTP {} reading {name}",
                    answer.status
                )));
            }
            status => {
                return Err(FetchError::Refused(format!("HTTP {status} reading {name}")));
            }
        }
    }
    Err(last.unwrap_or_else(|| FetchError::NotFound("no publiccode.yml".into())))
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
    fn gitlab_paths_are_url_encoded() {
        assert_eq!(encode("unicef/health tools"), "unicef%2Fhealth%20tools");
    }
}
