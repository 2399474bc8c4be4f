//! Plain git over smart HTTP.
//!
//! The HEAD check is the first request of `git ls-remote`, made by the crawler's own HTTP
//! client (`GET <repo>/info/refs?service=git-upload-pack`, pkt-lines parsed here): it obeys
//! the host allowlist, the redirect rules and the caps like every other request, and costs no
//! process. When HEAD moved, the system `git` fetches the default branch with `--depth 1`
//! (or incrementally, once the cache holds the history that an assessment needs: see
//! [`fetch_history`]) into a bare cache repository under the data directory, with only
//! http(s) allowed, no prompts, no redirects (they were resolved by the HEAD check), a
//! low-speed abort and a watchdog that kills it as soon as the cache grows past the limit. git
//! connects by itself, so the host is resolved here first, through the same address rules as
//! every request ([`commons_egress`]), and git is pinned to the addresses kept
//! (`http.curloptResolve`): it never resolves the name again, so a second answer from a
//! rebinding name server is never used. The file is then
//! read from the fetched tree without a checkout, so a symbolic link is seen as a link (and
//! refused) and a submodule as a gitlink. The git CLI rather than gix: it is on every machine
//! this runs on, it is the reference implementation of the protocol, and a hostile pack is
//! handled in a process that can be killed.

use crate::error::FetchError;
use crate::forge::FILE_NAMES;
use crate::http::{Auth, Http, Request};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::Command;
use url::Url;

/// What the ref advertisement says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The repository URL after redirects (without `/info/refs`).
    pub url: String,
    /// HEAD's commit; `None` for an empty repository.
    pub commit: Option<String>,
    /// The branch HEAD points to (`main`), when the server says.
    pub branch: Option<String>,
}

/// Asks the server for its refs, as `git ls-remote` does.
pub async fn head(http: &Http, repository_url: &str) -> Result<Head, FetchError> {
    let base = repository_url.trim_end_matches('/');
    let url = format!("{base}/info/refs?service=git-upload-pack");
    let answer = http
        .get(&Request {
            url: &url,
            accept: None,
            etag: None,
            cap: http.limits().max_listing,
            auth: Auth::None,
            headers: &[],
        })
        .await?;
    match answer.status {
        200 => {}
        404 | 410 => return Err(FetchError::NotFound(format!("HTTP {}", answer.status))),
        status => return Err(FetchError::Refused(format!("HTTP {status}"))),
    }
    let content_type = answer.header("content-type").unwrap_or("");
    if content_type != "application/x-git-upload-pack-advertisement" {
        return Err(FetchError::Refused(format!(
            "not a git smart HTTP server (Content-Type {content_type:?})"
        )));
    }
    let (commit, branch) = parse_advertisement(&answer.body).map_err(FetchError::Refused)?;
    let final_url = answer.final_url.as_str();
    let url = final_url
        .split_once("/info/refs")
        .map(|(repo, _)| repo.to_string())
        .unwrap_or_else(|| base.to_string());
    Ok(Head {
        url,
        commit,
        branch,
    })
}

/// Parses a protocol v0 upload-pack advertisement: HEAD's commit and its symref target.
pub fn parse_advertisement(body: &[u8]) -> Result<(Option<String>, Option<String>), String> {
    let mut rest = body;
    let mut lines = Vec::new();
    while !rest.is_empty() {
        if rest.len() < 4 {
            return Err("truncated pkt-line".into());
        }
        let length = std::str::from_utf8(&rest[..4])
            .ok()
            .and_then(|h| usize::from_str_radix(h, 16).ok())
            .ok_or("malformed pkt-line length")?;
        if length == 0 {
            rest = &rest[4..];
            continue;
        }
        if length < 4 || length > rest.len() {
            return Err("pkt-line length out of range".into());
        }
        lines.push(&rest[4..length]);
        rest = &rest[length..];
    }
    let mut lines = lines.into_iter();
    match lines.next() {
        Some(first) if first.starts_with(b"# service=git-upload-pack") => {}
        _ => return Err("the advertisement does not start with # service=git-upload-pack".into()),
    }
    let Some(first_ref) = lines.next() else {
        return Err("the advertisement lists no refs".into());
    };
    let (reference, capabilities) = match first_ref.iter().position(|&b| b == 0) {
        Some(nul) => (&first_ref[..nul], &first_ref[nul + 1..]),
        None => (first_ref, &[][..]),
    };
    let reference = String::from_utf8_lossy(reference);
    let mut parts = reference.trim_end().splitn(2, ' ');
    let sha = parts.next().unwrap_or("");
    let name = parts.next().unwrap_or("");
    if sha.len() != 40 && sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err("malformed object id in the advertisement".into());
    }
    let branch = String::from_utf8_lossy(capabilities)
        .split(' ')
        .find_map(|c| {
            c.trim()
                .strip_prefix("symref=HEAD:refs/heads/")
                .map(str::to_string)
        });
    if name == "capabilities^{}" || sha.bytes().all(|b| b == b'0') {
        return Ok((None, branch));
    }
    if name != "HEAD" {
        // No HEAD advertised (a detached server); the caller cannot know the default branch.
        return Ok((None, branch));
    }
    Ok((Some(sha.to_string()), branch))
}

/// What the fetched tree holds at `publiccode.yml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFile {
    /// The commit fetched.
    pub commit: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Fetches the branch into the cache and reads publiccode.yml from its tree: shallowly the
/// first time, incrementally once the cache holds the history (fetched to assess it).
pub async fn read_publiccode(
    http: &Http,
    cache_root: &Path,
    repository_url: &str,
    branch: &str,
) -> Result<TreeFile, FetchError> {
    let url = Url::parse(repository_url)
        .map_err(|e| FetchError::Refused(format!("{repository_url}: {e}")))?;
    let host = http.check_allowed(&url)?;
    let pinned = pinned_addresses(http, &url).await?;
    let cache = cache_dir(cache_root, repository_url);
    let limits = http.limits().clone();
    init_cache(&cache).await?;
    let complete = has_history(&cache).await;
    {
        let _permit = http.host_permit(&host).await;
        fetch(
            &cache,
            repository_url,
            &Fetch {
                pinned,
                branch,
                shallow: !complete,
                tags: false,
                max_bytes: if complete {
                    limits.max_history
                } else {
                    limits.max_pack
                },
                timeout: limits.git_timeout,
            },
        )
        .await?;
    }
    let commit = git_output(
        &cache,
        &[
            "rev-parse",
            "--verify",
            "-q",
            &format!("{FETCHED_REF}^{{commit}}"),
        ],
    )
    .await
    .map_err(|e| FetchError::Refused(format!("no commit fetched: {e}")))?;
    let commit = String::from_utf8_lossy(&commit).trim().to_string();
    let listing = git_output(
        &cache,
        &[
            "ls-tree",
            "-l",
            "--full-tree",
            &commit,
            "--",
            FILE_NAMES[0],
            FILE_NAMES[1],
        ],
    )
    .await
    .map_err(FetchError::Refused)?;
    let entries = parse_ls_tree(&listing);
    let Some(entry) = FILE_NAMES
        .iter()
        .find_map(|name| entries.iter().find(|e| e.path == *name))
    else {
        return Err(FetchError::NotFound(format!(
            "no publiccode.yml on {branch}"
        )));
    };
    match entry.mode.as_str() {
        "120000" => {
            return Err(FetchError::Refused(format!(
                "{} is a symbolic link: only a regular file is read",
                entry.path
            )));
        }
        "160000" => {
            return Err(FetchError::Refused(format!(
                "{} is a submodule: only a regular file is read",
                entry.path
            )));
        }
        "100644" | "100755" => {}
        other => {
            return Err(FetchError::Refused(format!(
                "{} has mode {other}, not a regular file",
                entry.path
            )));
        }
    }
    if entry.size.unwrap_or(u64::MAX) > limits.max_file as u64 {
        return Err(FetchError::TooLarge(format!(
            "{} is {} bytes, more than the {} bytes allowed",
            entry.path,
            entry.size.map_or("?".to_string(), |s| s.to_string()),
            limits.max_file
        )));
    }
    let bytes = git_output(&cache, &["cat-file", "blob", &entry.oid])
        .await
        .map_err(FetchError::Refused)?;
    Ok(TreeFile { commit, bytes })
}

/// Where a fetch puts the branch in the cache repository.
const FETCHED_REF: &str = "refs/crawl/head";

/// A repository's whole history, fetched into the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// The cache repository (bare; its HEAD is the fetched branch).
    pub git_dir: PathBuf,
    /// The branch's commit.
    pub commit: String,
}

/// Fetches the default branch's whole history and every tag into the cache of
/// `repository_url` (the assessment reads the history, the tags and the tree) from
/// `clone_url`, and points the cache's HEAD at the branch. Incremental when the cache already
/// holds the history; stopped past [`crate::Limits::max_history`] bytes.
pub async fn fetch_history(
    http: &Http,
    cache_root: &Path,
    repository_url: &str,
    clone_url: &str,
    branch: &str,
) -> Result<History, FetchError> {
    let url =
        Url::parse(clone_url).map_err(|e| FetchError::Refused(format!("{clone_url}: {e}")))?;
    let host = http.check_allowed(&url)?;
    let pinned = pinned_addresses(http, &url).await?;
    let cache = cache_dir(cache_root, repository_url);
    let limits = http.limits().clone();
    init_cache(&cache).await?;
    {
        let _permit = http.host_permit(&host).await;
        fetch(
            &cache,
            clone_url,
            &Fetch {
                pinned,
                branch,
                shallow: false,
                tags: true,
                max_bytes: limits.max_history,
                timeout: limits.git_timeout,
            },
        )
        .await
        .inspect_err(|e| {
            if matches!(e, FetchError::TooLarge(_)) {
                // Whatever it brought is over the limit: the next read starts afresh, shallow.
                let _ = std::fs::remove_dir_all(&cache);
            }
        })?;
    }
    git_output(&cache, &["symbolic-ref", "HEAD", FETCHED_REF])
        .await
        .map_err(FetchError::Refused)?;
    let commit = git_output(&cache, &["rev-parse", "--verify", "-q", "HEAD^{commit}"])
        .await
        .map_err(|e| FetchError::Refused(format!("no commit fetched: {e}")))?;
    Ok(History {
        git_dir: cache,
        commit: String::from_utf8_lossy(&commit).trim().to_string(),
    })
}

/// Resolves a named host through the address rules and says where git must connect
/// (`None` for a literal address, which git does not resolve and `check_allowed` checked).
async fn pinned_addresses(http: &Http, url: &Url) -> Result<Option<String>, FetchError> {
    let Some(url::Host::Domain(name)) = url.host() else {
        return Ok(None);
    };
    let port = url.port_or_known_default().unwrap_or(443);
    let addresses = http
        .egress()
        .resolve(name, port)
        .await
        .map_err(|e| match e {
            commons_egress::ResolveError::Refused(refused) => {
                FetchError::Refused(refused.to_string())
            }
            lookup => FetchError::Unreachable(lookup.to_string()),
        })?;
    Ok(Some(curl_resolve(name, port, &addresses)))
}

/// libcurl's `HOST:PORT:ADDRESS[,ADDRESS]`, IPv6 addresses in brackets.
fn curl_resolve(name: &str, port: u16, addresses: &[std::net::SocketAddr]) -> String {
    let list: Vec<String> = addresses
        .iter()
        .map(|a| match a.ip() {
            std::net::IpAddr::V4(v4) => v4.to_string(),
            std::net::IpAddr::V6(v6) => format!("[{v6}]"),
        })
        .collect();
    format!("{name}:{port}:{}", list.join(","))
}

/// True when the cache holds the branch's whole history (a fetch without `--depth` ran).
async fn has_history(cache: &Path) -> bool {
    !cache.join("shallow").exists()
        && git_output(cache, &["rev-parse", "--verify", "-q", FETCHED_REF])
            .await
            .is_ok()
}

/// The cache repository of a repository URL.
pub(crate) fn cache_dir(root: &Path, repository_url: &str) -> PathBuf {
    let digest = Sha256::digest(repository_url.as_bytes());
    root.join(hex::encode(&digest[..12]))
}

#[derive(Debug)]
struct TreeEntry {
    mode: String,
    oid: String,
    size: Option<u64>,
    path: String,
}

fn parse_ls_tree(output: &[u8]) -> Vec<TreeEntry> {
    String::from_utf8_lossy(output)
        .lines()
        .filter_map(|line| {
            let (meta, path) = line.split_once('\t')?;
            let mut fields = meta.split_whitespace();
            Some(TreeEntry {
                mode: fields.next()?.to_string(),
                oid: {
                    let _type = fields.next()?;
                    fields.next()?.to_string()
                },
                size: fields.next().and_then(|s| s.parse().ok()),
                path: path.to_string(),
            })
        })
        .collect()
}

/// A `git` command that never prompts, reads no user or system configuration and speaks
/// only http(s).
fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "protocol.allow=never",
            "-c",
            "protocol.https.allow=always",
            "-c",
            "protocol.http.allow=always",
            "-c",
            "http.followRedirects=false",
            "-c",
            "credential.helper=",
            "-c",
            "core.askPass=",
            "-c",
            "fetch.recurseSubmodules=false",
            "-c",
            "transfer.fsckObjects=true",
            "-c",
            "http.lowSpeedLimit=1024",
            "-c",
            "http.lowSpeedTime=20",
        ])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_ASKPASS", "/bin/false")
        .env("SSH_ASKPASS", "/bin/false")
        .env("HOME", dir)
        .stdin(Stdio::null())
        .kill_on_drop(true);
    command
}

async fn init_cache(cache: &Path) -> Result<(), FetchError> {
    if cache.join("HEAD").is_file() {
        crate::gc::mark_used(cache);
        return Ok(());
    }
    tokio::fs::create_dir_all(cache)
        .await
        .map_err(|e| FetchError::Unreachable(format!("cache {}: {e}", cache.display())))?;
    // No template: a cache needs no sample hooks or description, which would take more disk
    // than a shallow fetch of the repository itself.
    git_output(cache, &["init", "--bare", "-q", "--template=", "."])
        .await
        .map_err(FetchError::Unreachable)?;
    crate::gc::mark_used(cache);
    Ok(())
}

async fn git_output(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = git(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .await
        .map_err(|e| format!("git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!(
            "git {}: {}",
            args.first().unwrap_or(&""),
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// What one `git fetch` brings.
struct Fetch<'a> {
    /// libcurl's `HOST:PORT:ADDRESS[,ADDRESS]`: the checked addresses git must connect to.
    pinned: Option<String>,
    /// The remote branch.
    branch: &'a str,
    /// Only the branch's last commit (`--depth 1`); otherwise the whole history (the missing
    /// part of it when the cache is shallow).
    shallow: bool,
    /// Every tag too.
    tags: bool,
    /// Bytes the cache may grow by before the fetch is killed.
    max_bytes: u64,
    /// Time allowed.
    timeout: Duration,
}

/// `git fetch` of one branch (and its tags), killed when the cache grows past the byte limit
/// or the time runs out.
async fn fetch(cache: &Path, url: &str, what: &Fetch<'_>) -> Result<(), FetchError> {
    let Fetch {
        branch,
        max_bytes,
        timeout,
        ..
    } = *what;
    let before = dir_size(cache);
    let mut command = git(cache);
    if let Some(pinned) = &what.pinned {
        command.args(["-c", &format!("http.curloptResolve={pinned}")]);
    }
    command.args(["fetch", "-q", "--no-tags", "--no-write-fetch-head"]);
    if what.shallow {
        command.args(["--depth", "1"]);
    } else if cache.join("shallow").exists() {
        command.arg("--unshallow");
    }
    if what.tags {
        // A tag deleted upstream must not count as a release here.
        command.arg("--prune");
    }
    // Into a ref of our own, so the reads below find exactly what this fetch brought.
    command
        .arg("--")
        .arg(url)
        .arg(format!("+refs/heads/{branch}:{FETCHED_REF}"));
    if what.tags {
        command.arg("+refs/tags/*:refs/tags/*");
    }
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| FetchError::Unreachable(format!("git: {e}")))?;
    let started = Instant::now();
    let mut ticker = tokio::time::interval(Duration::from_millis(50));
    loop {
        tokio::select! {
            status = child.wait() => {
                let status = status.map_err(|e| FetchError::Unreachable(format!("git: {e}")))?;
                if status.success() {
                    // A fetch quicker than the watchdog's tick is measured here.
                    if dir_size(cache).saturating_sub(before) > max_bytes {
                        return Err(too_large(max_bytes));
                    }
                    break;
                }
                let mut stderr = String::new();
                if let Some(mut pipe) = child.stderr.take() {
                    use tokio::io::AsyncReadExt;
                    let _ = pipe.read_to_string(&mut stderr).await;
                }
                let stderr: String = stderr.trim().chars().take(300).collect();
                return Err(if stderr.contains("couldn't find remote ref") {
                    FetchError::NotFound(format!("branch {branch} not found"))
                } else {
                    FetchError::Unreachable(format!("git fetch failed: {stderr}"))
                });
            }
            _ = ticker.tick() => {
                if dir_size(cache).saturating_sub(before) > max_bytes {
                    let _ = child.kill().await;
                    cleanup_partial(cache);
                    return Err(too_large(max_bytes));
                }
                if started.elapsed() > timeout {
                    let _ = child.kill().await;
                    cleanup_partial(cache);
                    return Err(FetchError::Unreachable(format!(
                        "the fetch took more than {} s and was stopped",
                        timeout.as_secs()
                    )));
                }
            }
        }
    }
    Ok(())
}

fn too_large(max_bytes: u64) -> FetchError {
    FetchError::TooLarge(format!(
        "the fetch passed {max_bytes} bytes and was stopped"
    ))
}

fn cleanup_partial(cache: &Path) {
    // A killed fetch leaves tmp_pack_* files; they must not count against the next one.
    if let Ok(entries) = std::fs::read_dir(cache.join("objects/pack")) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with("tmp_") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            match entry.metadata() {
                Ok(m) if m.is_dir() => stack.push(entry.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pkt(s: &str) -> String {
        format!("{:04x}{s}", s.len() + 4)
    }

    #[test]
    fn reads_head_and_its_branch() {
        let sha = "a".repeat(40);
        let body = format!(
            "{}0000{}{}0000",
            pkt("# service=git-upload-pack\n"),
            pkt(&format!(
                "{sha} HEAD\0multi_ack symref=HEAD:refs/heads/trunk agent=git/2\n"
            )),
            pkt(&format!("{sha} refs/heads/trunk\n"))
        );
        let (commit, branch) = parse_advertisement(body.as_bytes()).unwrap();
        assert_eq!(commit.as_deref(), Some(sha.as_str()));
        assert_eq!(branch.as_deref(), Some("trunk"));
    }

    #[test]
    fn an_empty_repository_has_no_head() {
        let zero = "0".repeat(40);
        let body = format!(
            "{}0000{}0000",
            pkt("# service=git-upload-pack\n"),
            pkt(&format!("{zero} capabilities^{{}}\0agent=git/2\n"))
        );
        assert_eq!(parse_advertisement(body.as_bytes()).unwrap(), (None, None));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for body in [
            &b""[..],
            b"zzzz",
            b"0003",
            b"ffff",
            b"001e# service=git-upload-pack\n0000",
            b"0010not a service",
            b"\xff\xfe\x00\x01",
        ] {
            assert!(parse_advertisement(body).is_err(), "{body:?}");
        }
    }

    #[test]
    fn git_is_pinned_to_every_checked_address() {
        let addresses = [
            "140.82.112.3:443".parse().unwrap(),
            "[2606:50c0:8000::153]:443".parse().unwrap(),
        ];
        assert_eq!(
            curl_resolve("forge.example", 443, &addresses),
            "forge.example:443:140.82.112.3,[2606:50c0:8000::153]"
        );
    }

    #[test]
    fn ls_tree_lines_are_parsed() {
        let out = b"100644 blob 0123456789abcdef0123456789abcdef01234567     120\tpubliccode.yml\n\
120000 blob 1123456789abcdef0123456789abcdef01234567      11\tpubliccode.yaml\n";
        let entries = parse_ls_tree(out);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].size, Some(120));
        assert_eq!(entries[1].mode, "120000");
    }
}
