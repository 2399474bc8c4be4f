//! Test servers on loopback: real git repositories served by the real `git http-backend`
//! (the workspace's shared relay, behind a small axum server), fake GitLab v4, GitHub v3 and Gitea v1 APIs over those
//! repositories (the vendors' paths, pagination headers and rate-limit answers), and a raw
//! TCP server that misbehaves on purpose.

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Response, Uri};
use commons_catalog::Catalog;
use commons_crawler::{Crawler, CrawlerOptions, Limits, Registry, Silent, Summary};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use commons_test_support::git;
use commons_test_support::git_http::git_http_backend;

/// What goes into a test repository's tree.
pub enum Entry<'a> {
    File(&'a str, Vec<u8>),
    Symlink(&'a str, &'a str),
    Submodule(&'a str),
}

/// Creates (or updates, with one more commit) the bare repository `<root>/<name>.git`.
pub fn commit_repository(root: &Path, name: &str, entries: &[Entry<'_>]) {
    let work = root.join("work").join(name);
    let bare = root.join(format!("{name}.git"));
    if !bare.exists() {
        std::fs::create_dir_all(&work).unwrap();
        git(&work, &["init", "-q", "-b", "main"]);
    }
    for entry in entries {
        match entry {
            Entry::File(path, bytes) => {
                let target = work.join(path);
                let _ = std::fs::remove_file(&target);
                std::fs::write(target, bytes).unwrap()
            }
            Entry::Symlink(path, to) => {
                let _ = std::fs::remove_file(work.join(path));
                std::os::unix::fs::symlink(to, work.join(path)).unwrap()
            }
            Entry::Submodule(_) => {}
        }
    }
    std::fs::write(work.join("README.md"), format!("{name}\n")).unwrap();
    git(&work, &["add", "-A"]);
    // A gitlink has nothing in the work tree: it goes straight into the index, after `add`.
    for entry in entries {
        if let Entry::Submodule(path) = entry {
            let sha = "1234567890123456789012345678901234567890";
            git(
                &work,
                &[
                    "update-index",
                    "--add",
                    "--cacheinfo",
                    &format!("160000,{sha},{path}"),
                ],
            );
        }
    }
    git(&work, &["commit", "-q", "--allow-empty", "-m", "change"]);
    if bare.exists() {
        git(
            &work,
            &["push", "-q", "--force", bare.to_str().unwrap(), "main"],
        );
    } else {
        git(
            root,
            &[
                "clone",
                "-q",
                "--bare",
                work.to_str().unwrap(),
                bare.to_str().unwrap(),
            ],
        );
    }
}

/// An empty bare repository.
pub fn empty_repository(root: &Path, name: &str) {
    git(
        root,
        &["init", "-q", "--bare", "-b", "main", &format!("{name}.git")],
    );
}

/// A repository of the fake forges.
#[derive(Clone, Debug)]
pub struct ForgeRepo {
    pub id: u64,
    /// `owner/name` (GitLab: the full path with subgroups).
    pub full_name: String,
    /// The bare repository on disk that holds its content.
    pub git_name: String,
    pub fork: bool,
    pub archived: bool,
    pub empty: bool,
    /// The forge's activity stamp in seconds since 1970 (GitLab's `last_activity_at`,
    /// GitHub's `pushed_at`, Gitea's `updated_at`). As on GitLab, a push does not move it
    /// (gitlab-org/gitlab#581897: `commit_repository` leaves it alone) and other activity moves
    /// it at most once an hour (gitlab-org/gitlab-foss!6391): see [`Server::note_activity`].
    pub activity: u64,
}

/// 2026-11-01T00:00:00Z, the fake forges' first activity stamp.
pub const NOVEMBER_2026: u64 = 1_793_491_200;

/// GitLab writes `last_activity_at` at most once in this many seconds.
const ACTIVITY_THROTTLE: u64 = 3600;

/// Seconds since 1970 as RFC 3339 in UTC (days to civil date: H. Hinnant's algorithm).
fn rfc3339(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    let second_of_day = seconds % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60
    )
}

#[derive(Default)]
pub struct ForgeState {
    pub repos: Vec<ForgeRepo>,
    /// GitHub answers the next N requests with 403 + X-RateLimit-Remaining: 0.
    pub github_rate_limited: usize,
    /// Requests answered with 500 for paths containing this text (a transient failure).
    pub fail_paths: Vec<String>,
    /// Every request path served, for assertions on what the crawler asked.
    pub requests: Vec<String>,
    /// Extra bytes served in place of a repository's publiccode.yml (by git name).
    pub overrides: HashMap<String, Vec<u8>>,
    /// Delay before answering each git request (to keep a crawl in flight).
    pub git_delay: Duration,
    /// Conditional requests answered 304 (GitHub's branches, on a matching ETag).
    pub not_modified: usize,
}

pub struct Server {
    pub base: String,
    /// `127.0.0.1:<port>`: tests name it in the crawler's allowed hosts (`--allow-host`), the
    /// one way to let the crawler reach a loopback address.
    pub host: String,
    pub root: PathBuf,
    pub state: Arc<Mutex<ForgeState>>,
    pub git_requests: Arc<AtomicUsize>,
    _dir: tempfile::TempDir,
}

impl Server {
    pub fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let state = Arc::new(Mutex::new(ForgeState::default()));
        let git_requests = Arc::new(AtomicUsize::new(0));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let host = listener.local_addr().unwrap().to_string();
        let base = format!("http://{host}");
        let shared = Shared {
            root: root.clone(),
            base: base.clone(),
            state: Arc::clone(&state),
            git_requests: Arc::clone(&git_requests),
        };
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let app = axum::Router::new().fallback(
                    move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                        let shared = shared.clone();
                        async move { shared.handle(method, uri, headers, body).await }
                    },
                );
                axum::serve(listener, app).await.unwrap();
            });
        });
        Server {
            base,
            host,
            root,
            state,
            git_requests,
            _dir: dir,
        }
    }

    pub fn add_forge_repo(&self, repo: ForgeRepo) {
        self.state.lock().unwrap().repos.push(repo);
    }

    /// Activity on a repository at `at` (seconds since 1970) other than a push: like GitLab,
    /// the stamp moves only if the last move is an hour old or more.
    pub fn note_activity(&self, id: u64, at: u64) {
        let mut state = self.state.lock().unwrap();
        if let Some(repo) = state.repos.iter_mut().find(|r| r.id == id)
            && at >= repo.activity + ACTIVITY_THROTTLE
        {
            repo.activity = at;
        }
    }
}

#[derive(Clone)]
struct Shared {
    root: PathBuf,
    base: String,
    state: Arc<Mutex<ForgeState>>,
    git_requests: Arc<AtomicUsize>,
}

fn respond(status: u16, headers: &[(&str, String)], body: impl Into<Body>) -> Response<Body> {
    let mut builder = Response::builder().status(status);
    for (k, v) in headers {
        builder = builder.header(*k, v);
    }
    builder.body(body.into()).unwrap()
}

fn json(status: u16, headers: &[(&str, String)], value: serde_json::Value) -> Response<Body> {
    let mut all = vec![("content-type", "application/json".to_string())];
    all.extend(headers.iter().cloned());
    respond(status, &all, value.to_string())
}

fn query_value(uri: &Uri, key: &str) -> Option<String> {
    url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

impl Shared {
    async fn handle(
        &self,
        method: Method,
        uri: Uri,
        headers: HeaderMap,
        body: Bytes,
    ) -> Response<Body> {
        let path = uri.path().to_string();
        {
            let mut state = self.state.lock().unwrap();
            state.requests.push(uri.to_string());
            if state.fail_paths.iter().any(|p| path.contains(p.as_str())) {
                return respond(500, &[], "failing on purpose");
            }
        }
        if let Some(rest) = path.strip_prefix("/git/") {
            self.git_requests.fetch_add(1, Ordering::SeqCst);
            let delay = self.state.lock().unwrap().git_delay;
            tokio::time::sleep(delay).await;
            return self.git_backend(&method, rest, &uri, &headers, body).await;
        }
        if let Some((name, rest)) = path.split_once(".git/")
            && let Some(repo) = self
                .repos()
                .into_iter()
                .find(|r| format!("/{}", r.full_name) == name)
        {
            // A forge's clone URL (`http_url_to_repo`, `clone_url`): the repository's git.
            self.git_requests.fetch_add(1, Ordering::SeqCst);
            let rest = format!("{}.git/{rest}", repo.git_name);
            return self.git_backend(&method, &rest, &uri, &headers, body).await;
        }
        if let Some(rest) = path.strip_prefix("/api/v4/") {
            return self.gitlab(rest, &uri, &headers);
        }
        if let Some(rest) = path.strip_prefix("/api/v3/") {
            return self.github(rest, &uri, &headers);
        }
        if let Some(rest) = path.strip_prefix("/api/v1/") {
            return self.gitea(rest, &uri, &headers);
        }
        if path.starts_with("/moved/") {
            // A repository moved within the host: permanent redirect to its new place.
            let target = path.replacen("/moved/", "/git/", 1);
            let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
            return respond(301, &[("location", format!("{target}{query}"))], "");
        }
        if path.starts_with("/loop/") {
            return respond(302, &[("location", uri.to_string())], "");
        }
        if path.starts_with("/away/") {
            return respond(
                302,
                &[("location", "http://evil.example/x.git/info/refs".into())],
                "",
            );
        }
        respond(404, &[], "no such thing")
    }

    fn bare(&self, repo: &ForgeRepo) -> PathBuf {
        self.root.join(format!("{}.git", repo.git_name))
    }

    fn git_of(&self, repo: &ForgeRepo, args: &[&str]) -> Option<Vec<u8>> {
        let out = Command::new("git")
            .arg("--git-dir")
            .arg(self.bare(repo))
            .args(args)
            .output()
            .ok()?;
        out.status.success().then_some(out.stdout)
    }

    /// The bytes that replace a repository's content, if the test set some: such a repository
    /// holds one publiccode.yml at one made-up commit.
    fn override_of(&self, repo: &ForgeRepo) -> Option<Vec<u8>> {
        self.state
            .lock()
            .unwrap()
            .overrides
            .get(&repo.git_name)
            .cloned()
    }

    /// The default branch's head commit, as the forge's branches API says.
    fn head(&self, repo: &ForgeRepo) -> Option<String> {
        if let Some(bytes) = self.override_of(repo) {
            return Some(fake_oid(&[b"commit".as_slice(), &bytes].concat()));
        }
        let out = self.git_of(repo, &["rev-parse", "--verify", "-q", "refs/heads/main"])?;
        Some(String::from_utf8_lossy(&out).trim().to_string())
    }

    /// The root entries of a commit, as `git ls-tree -l` gives them.
    fn root_entries(&self, repo: &ForgeRepo, commit: &str) -> Option<Vec<RootItem>> {
        if let Some(bytes) = self.override_of(repo) {
            return (self.head(repo).as_deref() == Some(commit)).then(|| {
                vec![RootItem {
                    mode: "100644".into(),
                    kind: "blob".into(),
                    id: fake_oid(&bytes),
                    // A `-chunked` repository's forge does not say the size: the cap
                    // must then hold while the bytes stream.
                    size: (!repo.git_name.ends_with("-chunked")).then_some(bytes.len() as u64),
                    name: "publiccode.yml".into(),
                }]
            });
        }
        let out = self.git_of(repo, &["ls-tree", "-l", commit])?;
        Some(
            String::from_utf8_lossy(&out)
                .lines()
                .filter_map(|line| {
                    let (meta, name) = line.split_once('\t')?;
                    let fields: Vec<&str> = meta.split_whitespace().collect();
                    Some(RootItem {
                        mode: fields.first()?.to_string(),
                        kind: fields.get(1)?.to_string(),
                        id: fields.get(2)?.to_string(),
                        size: fields.get(3).and_then(|s| s.parse().ok()),
                        name: name.to_string(),
                    })
                })
                .collect(),
        )
    }

    fn blob(&self, repo: &ForgeRepo, id: &str) -> Option<Vec<u8>> {
        if let Some(bytes) = self.override_of(repo) {
            return (fake_oid(&bytes) == id).then_some(bytes);
        }
        self.git_of(repo, &["cat-file", "blob", id])
    }

    fn find(&self, id_or_path: &str) -> Option<ForgeRepo> {
        self.repos()
            .into_iter()
            .find(|r| r.id.to_string() == id_or_path || r.full_name == id_or_path)
    }

    /// The branches API: the branch's head commit under `commit_key` (`id`, or GitHub's `sha`).
    fn branch(
        &self,
        repo: Option<ForgeRepo>,
        branch: &str,
        commit_key: &str,
    ) -> Option<serde_json::Value> {
        let head = self.head(&repo?).filter(|_| branch == "main")?;
        Some(serde_json::json!({
            "name": branch,
            "commit": {commit_key: head, "message": "change"},
            "protected": false,
        }))
    }

    fn repos(&self) -> Vec<ForgeRepo> {
        self.state.lock().unwrap().repos.clone()
    }

    fn repo_json(&self, repo: &ForgeRepo, kind: &str) -> serde_json::Value {
        let html = format!("{}/{}", self.base, repo.full_name);
        let branch = if repo.empty { None } else { Some("main") };
        match kind {
            "gitlab" => serde_json::json!({
                "id": repo.id, "path_with_namespace": repo.full_name, "web_url": html,
                "http_url_to_repo": format!("{html}.git"), "default_branch": branch,
                "archived": repo.archived, "empty_repo": repo.empty,
                "last_activity_at": rfc3339(repo.activity),
                "forked_from_project": if repo.fork { serde_json::json!({"id": 1}) } else { serde_json::Value::Null },
            }),
            "github" => serde_json::json!({
                "id": repo.id, "full_name": repo.full_name, "html_url": html,
                "clone_url": format!("{html}.git"), "default_branch": "main",
                "archived": repo.archived, "fork": repo.fork,
                "size": if repo.empty { 0 } else { 42 }, "pushed_at": rfc3339(repo.activity),
            }),
            _ => serde_json::json!({
                "id": repo.id, "full_name": repo.full_name, "html_url": html,
                "clone_url": format!("{html}.git"), "default_branch": "main",
                "archived": repo.archived, "fork": repo.fork, "empty": repo.empty,
                "updated_at": rfc3339(repo.activity),
            }),
        }
    }

    /// A page of a listing, with the vendor's pagination headers.
    fn page(
        &self,
        uri: &Uri,
        items: Vec<serde_json::Value>,
        per_page: usize,
        kind: &str,
    ) -> Response<Body> {
        let page: usize = query_value(uri, "page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let total = items.len();
        let pages = total.div_ceil(per_page).max(1);
        let slice: Vec<_> = items
            .into_iter()
            .skip((page - 1) * per_page)
            .take(per_page)
            .collect();
        let mut headers = Vec::new();
        let link_to = |p: usize| {
            let mut pairs: Vec<(String, String)> =
                url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                    .filter(|(k, _)| k != "page")
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect();
            pairs.push(("page".into(), p.to_string()));
            let q = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish();
            format!("{}{}?{q}", self.base, uri.path())
        };
        match kind {
            // GitLab: X-Next-Page etc. (and no Link, to exercise the header fallback).
            "gitlab" => {
                headers.push(("x-page", page.to_string()));
                headers.push(("x-per-page", per_page.to_string()));
                // GitLab leaves the counts out over 10,000 (they would cost a COUNT).
                if total <= 10_000 {
                    headers.push(("x-total", total.to_string()));
                    headers.push(("x-total-pages", pages.to_string()));
                }
                headers.push((
                    "x-next-page",
                    if page < pages {
                        (page + 1).to_string()
                    } else {
                        String::new()
                    },
                ));
            }
            // GitHub: Link with next/last; no count.
            "github" => {
                if page < pages {
                    headers.push((
                        "link",
                        format!(
                            "<{}>; rel=\"next\", <{}>; rel=\"last\"",
                            link_to(page + 1),
                            link_to(pages)
                        ),
                    ));
                }
            }
            // Gitea: X-Total-Count, and Link only on the first page (the crawler must fall
            // back to the count).
            _ => {
                headers.push(("x-total-count", total.to_string()));
                if page == 1 && page < pages {
                    headers.push(("link", format!("<{}>; rel=\"next\"", link_to(page + 1))));
                }
            }
        }
        json(200, &headers, serde_json::Value::Array(slice))
    }

    /// A file's bytes with an ETag (304 when it matches); streamed without Content-Length for
    /// repositories whose git name ends in `-chunked`.
    fn file_answer(&self, repo: &ForgeRepo, bytes: Vec<u8>, headers: &HeaderMap) -> Response<Body> {
        let etag = format!("\"{}\"", hex_digest(&bytes));
        if headers.get("if-none-match").and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
            return respond(304, &[("etag", etag)], "");
        }
        let all = vec![
            ("etag", etag),
            ("content-type", "text/plain; charset=utf-8".into()),
        ];
        if repo.git_name.ends_with("-chunked") {
            // No Content-Length: the cap must hold while the body streams.
            let chunks: Vec<Result<Bytes, std::io::Error>> = bytes
                .chunks(64 * 1024)
                .map(|c| Ok(Bytes::copy_from_slice(c)))
                .collect();
            return respond(
                200,
                &all,
                Body::from_stream(futures_util::stream::iter(chunks)),
            );
        }
        respond(200, &all, bytes)
    }

    fn gitlab(&self, rest: &str, uri: &Uri, headers: &HeaderMap) -> Response<Body> {
        // The raw path keeps %2F: GitLab ids in paths are URL-encoded full paths or numbers.
        let raw = uri.path().strip_prefix("/api/v4/").unwrap_or(rest);
        let parts: Vec<&str> = raw.split('/').collect();
        let not_found = |what: &str| {
            json(
                404,
                &[],
                serde_json::json!({"message": format!("404 {what} Not Found")}),
            )
        };
        match parts.as_slice() {
            ["groups", group, "projects"] => {
                let group = decode(group);
                if query_value(uri, "include_subgroups").as_deref() != Some("true") {
                    return json(
                        400,
                        &[],
                        serde_json::json!({"error": "test expects include_subgroups"}),
                    );
                }
                let items = self
                    .repos()
                    .iter()
                    .filter(|r| r.full_name.starts_with(&format!("{group}/")))
                    .map(|r| self.repo_json(r, "gitlab"))
                    .collect::<Vec<_>>();
                if items.is_empty() && !self.repos().iter().any(|r| r.full_name.starts_with(&group))
                {
                    return not_found("Group");
                }
                let per_page = query_value(uri, "per_page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(20usize)
                    .min(2);
                self.page(uri, items, per_page, "gitlab")
            }
            ["projects", id, "repository", "branches", branch] => {
                match self.branch(self.find(&decode(id)), &decode(branch), "id") {
                    Some(body) => json(200, &[], body),
                    None => not_found("Branch"),
                }
            }
            // The root tree, in pages (of 2 here, so that paging is exercised); `mode` says
            // what each entry is (120000: a symbolic link, 160000: a submodule).
            ["projects", id, "repository", "tree"] => {
                let (Some(repo), Some(commit)) = (self.find(&decode(id)), query_value(uri, "ref"))
                else {
                    return not_found("Tree");
                };
                let Some(entries) = self.root_entries(&repo, &commit) else {
                    return not_found("Tree");
                };
                let items = entries
                    .iter()
                    .map(|e| serde_json::json!({"id": e.id, "name": e.name, "type": e.kind, "path": e.name, "mode": e.mode}))
                    .collect();
                self.page(uri, items, 2, "gitlab")
            }
            ["projects", id, "repository", "blobs", sha, "raw"] => {
                let Some(repo) = self.find(&decode(id)) else {
                    return not_found("Project");
                };
                match self.blob(&repo, sha) {
                    Some(bytes) => self.file_answer(&repo, bytes, headers),
                    None => not_found("Blob"),
                }
            }
            ["projects", path] => match self.find(&decode(path)) {
                Some(r) => json(200, &[], self.repo_json(&r, "gitlab")),
                None => not_found("Project"),
            },
            _ => json(404, &[], serde_json::json!({"message": "404 Not found"})),
        }
    }

    fn github(&self, rest: &str, uri: &Uri, headers: &HeaderMap) -> Response<Body> {
        {
            let mut state = self.state.lock().unwrap();
            if state.github_rate_limited > 0 {
                state.github_rate_limited -= 1;
                let reset = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_secs()
                    + 1;
                return json(
                    403,
                    &[
                        ("x-ratelimit-limit", "60".into()),
                        ("x-ratelimit-remaining", "0".into()),
                        ("x-ratelimit-reset", reset.to_string()),
                    ],
                    serde_json::json!({"message": "API rate limit exceeded"}),
                );
            }
        }
        let parts: Vec<&str> = rest.split('/').collect();
        let list = |owner: &str| {
            let items = self
                .repos()
                .iter()
                .filter(|r| r.full_name.split('/').next() == Some(owner))
                .map(|r| self.repo_json(r, "github"))
                .collect::<Vec<_>>();
            let per_page = 2;
            self.page(uri, items, per_page, "github")
        };
        let not_found = || json(404, &[], serde_json::json!({"message": "Not Found"}));
        let repo = |owner: &str, name: &str| self.find(&format!("{owner}/{name}"));
        match parts.as_slice() {
            // The test organisation "octo-user" is a user: /orgs answers 404 as GitHub does.
            ["orgs", org, "repos"] if *org != "octo-user" => list(org),
            ["users", user, "repos"] => list(user),
            // A branch, with a weak ETag: a conditional request that matches is a 304.
            ["repos", owner, name, "branches", branch] => {
                let Some(body) = self.branch(repo(owner, name), &decode(branch), "sha") else {
                    return not_found();
                };
                let etag = format!("W/\"{}\"", hex_digest(body.to_string().as_bytes()));
                if headers.get("if-none-match").and_then(|v| v.to_str().ok()) == Some(etag.as_str())
                {
                    self.state.lock().unwrap().not_modified += 1;
                    return respond(304, &[("etag", etag)], "");
                }
                json(200, &[("etag", etag)], body)
            }
            // The root tree of a commit: `mode` says what each entry is.
            ["repos", owner, name, "git", "trees", commit] => {
                let Some(entries) = repo(owner, name).and_then(|r| self.root_entries(&r, commit))
                else {
                    return not_found();
                };
                let tree: Vec<_> = entries
                    .iter()
                    .map(|e| {
                        let mut item = serde_json::json!({"path": e.name, "mode": e.mode, "type": e.kind, "sha": e.id});
                        if let Some(size) = e.size {
                            item["size"] = size.into();
                        }
                        item
                    })
                    .collect();
                json(
                    200,
                    &[],
                    serde_json::json!({"sha": fake_oid(commit.as_bytes()), "tree": tree, "truncated": false}),
                )
            }
            ["repos", owner, name, "git", "blobs", sha] => {
                if headers.get("accept").and_then(|v| v.to_str().ok())
                    != Some("application/vnd.github.raw+json")
                {
                    return json(
                        415,
                        &[],
                        serde_json::json!({"message": "test expects the raw media type"}),
                    );
                }
                let Some(repo) = repo(owner, name) else {
                    return not_found();
                };
                match self.blob(&repo, sha) {
                    Some(bytes) => self.file_answer(&repo, bytes, headers),
                    None => not_found(),
                }
            }
            ["repos", owner, name] => match repo(owner, name) {
                Some(r) => json(200, &[], self.repo_json(&r, "github")),
                None => not_found(),
            },
            _ => not_found(),
        }
    }

    fn gitea(&self, rest: &str, uri: &Uri, headers: &HeaderMap) -> Response<Body> {
        let parts: Vec<&str> = rest.split('/').collect();
        let not_found = || json(404, &[], serde_json::json!({"message": "not found"}));
        let repo = |owner: &str, name: &str| self.find(&format!("{owner}/{name}"));
        // An entry of the root at `?ref=`, as the contents API finds it.
        let entry = |owner: &str, name: &str, file: &str| {
            let repo = repo(owner, name)?;
            let commit = query_value(uri, "ref")?;
            let item = self
                .root_entries(&repo, &commit)?
                .into_iter()
                .find(|e| e.name == file)?;
            Some((repo, item))
        };
        match parts.as_slice() {
            ["orgs", "garbage", "repos"] => respond(
                200,
                &[("content-type", "application/json".into())],
                "<html>not json at all</html>",
            ),
            ["orgs", org, "repos"] | ["users", org, "repos"] => {
                let items = self
                    .repos()
                    .iter()
                    .filter(|r| r.full_name.split('/').next() == Some(*org))
                    .map(|r| self.repo_json(r, "gitea"))
                    .collect::<Vec<_>>();
                if items.is_empty() {
                    return not_found();
                }
                let limit = query_value(uri, "limit")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(30usize)
                    .min(2);
                self.page(uri, items, limit, "gitea")
            }
            ["repos", owner, name, "branches", branch] => {
                match self.branch(repo(owner, name), &decode(branch), "id") {
                    Some(body) => json(200, &[], body),
                    None => not_found(),
                }
            }
            // The contents API: `type` is file, dir, symlink (with its `target`) or submodule.
            // (A file's base64 `content` is left out: the crawler reads the raw endpoint.)
            ["repos", owner, name, "contents", file] => {
                let Some((repo, item)) = entry(owner, name, file) else {
                    return not_found();
                };
                let (kind, target) = match item.mode.as_str() {
                    "120000" => (
                        "symlink",
                        self.blob(&repo, &item.id)
                            .map(|t| String::from_utf8_lossy(&t).into_owned()),
                    ),
                    "160000" => ("submodule", None),
                    "040000" => ("dir", None),
                    _ => ("file", None),
                };
                json(
                    200,
                    &[],
                    serde_json::json!({
                        "name": item.name, "path": item.name, "sha": item.id, "type": kind,
                        "size": item.size.unwrap_or(0), "target": target,
                    }),
                )
            }
            ["repos", owner, name, "raw", file] => match entry(owner, name, file) {
                Some((repo, item)) => match self.blob(&repo, &item.id) {
                    Some(bytes) => self.file_answer(&repo, bytes, headers),
                    None => not_found(),
                },
                None => not_found(),
            },
            ["repos", owner, name] => match repo(owner, name) {
                Some(r) => json(200, &[], self.repo_json(&r, "gitea")),
                None => not_found(),
            },
            _ => not_found(),
        }
    }

    /// Hands the request to the real `git http-backend` serving the bare repositories.
    async fn git_backend(
        &self,
        method: &Method,
        rest: &str,
        uri: &Uri,
        headers: &HeaderMap,
        body: Bytes,
    ) -> Response<Body> {
        git_http_backend(&self.root, method, &format!("/{rest}"), uri, headers, body).await
    }
}

fn decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// An entry of a repository's root tree.
struct RootItem {
    mode: String,
    /// `blob`, `tree` or `commit`.
    kind: String,
    id: String,
    size: Option<u64>,
    name: String,
}

/// A made-up object id (40 hex digits) for content that is not in a git repository.
fn fake_oid(bytes: &[u8]) -> String {
    let digest = hex_digest(bytes);
    format!("{digest}{digest}{}", &digest[..8])
}

fn hex_digest(bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}", h.finish())
}

/// A raw TCP server that misbehaves, by path: `/stall.git` sends half a body then stalls,
/// `/lie.git` announces more bytes than it sends, `/garbage.git` answers random bytes as a
/// ref advertisement.
pub fn start_hostile() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let host = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                        break;
                    }
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let head = |len: usize| {
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/x-git-upload-pack-advertisement\r\nContent-Length: {len}\r\n\r\n"
                    )
                };
                if path.starts_with("/stall.git") {
                    let _ = stream.write_all(head(1000).as_bytes());
                    let _ = stream.write_all(b"001e# service=git-upload-pack\n");
                    let _ = stream.flush();
                    std::thread::sleep(Duration::from_secs(20));
                } else if path.starts_with("/lie.git") {
                    let _ = stream.write_all(head(100_000).as_bytes());
                    let _ = stream.write_all(b"001e# service=git-upload-pack\n0000");
                } else if path.starts_with("/garbage.git") {
                    let mut noise = vec![0u8; 4096];
                    std::fs::File::open("/dev/urandom")
                        .and_then(|mut f| f.read_exact(&mut noise))
                        .unwrap();
                    let _ = stream.write_all(head(noise.len()).as_bytes());
                    let _ = stream.write_all(&noise);
                } else {
                    let _ =
                        stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                }
            });
        }
    });
    host
}

/// Limits small enough for tests to be quick.
pub fn test_limits() -> Limits {
    Limits {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(1),
        request_timeout: Duration::from_secs(10),
        attempts: 2,
        backoff: Duration::from_millis(20),
        max_rate_limit_wait: Duration::from_secs(5),
        max_pack: 2 * 1024 * 1024,
        git_timeout: Duration::from_secs(30),
        ..Limits::default()
    }
}

pub struct Run {
    pub catalog: Catalog,
    pub crawler: Crawler,
    #[allow(dead_code)]
    pub data: tempfile::TempDir,
}

pub async fn crawler(registry_yaml: &str, allow: &[&str]) -> Run {
    crawler_with(registry_yaml, allow, |_| {}).await
}

/// A crawler with the test options changed by `adjust`.
pub async fn crawler_with(
    registry_yaml: &str,
    allow: &[&str],
    adjust: impl FnOnce(&mut CrawlerOptions),
) -> Run {
    let registry = Registry::parse(registry_yaml.as_bytes()).expect("test registry is valid");
    let data = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(None, data.path()).await.unwrap();
    let mut options = CrawlerOptions::new(data.path());
    options.allow_hosts = allow.iter().map(|s| s.to_string()).collect();
    options.limits = test_limits();
    options.workers = 4;
    adjust(&mut options);
    let crawler = Crawler::new(registry, catalog.clone(), options).unwrap();
    Run {
        catalog,
        crawler,
        data,
    }
}

impl Run {
    pub async fn crawl(&self) -> Summary {
        self.crawler
            .run(Arc::new(Silent))
            .await
            .expect("the crawl runs")
    }

    /// The last outcome of each repository, by URL.
    pub async fn outcomes(&self) -> HashMap<String, (String, Option<String>)> {
        self.catalog
            .crawled_repositories(None)
            .await
            .unwrap()
            .into_iter()
            .map(|r| {
                (
                    r.repository_url,
                    (
                        r.last_outcome
                            .map(|o| o.as_str().to_string())
                            .unwrap_or_default(),
                        r.last_detail,
                    ),
                )
            })
            .collect()
    }
}

pub fn example() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml"),
    )
    .unwrap()
}

/// The example file with its `url` pointing at `url`.
pub fn publiccode_for(url: &str) -> Vec<u8> {
    let text = example();
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("url:") {
            out.push_str(&format!("url: \"{url}\"\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.into_bytes()
}
