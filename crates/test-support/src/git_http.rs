//! Real git repositories over smart HTTP, as a forge serves them: bare repositories on disk,
//! served by the real `git http-backend` (run as a CGI program) behind a small axum server on
//! loopback. Every suite that clones, fetches or probes a repository over HTTP uses this one.

use crate::git;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Response, StatusCode, Uri};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Commits `files` (path, content) to the bare repository `root/<name>.git` through a
/// temporary work tree, creating the repository (branch `main`) when needed.
pub fn commit_files(root: &Path, name: &str, files: &[(&str, &[u8])]) {
    let bare = root.join(format!("{name}.git"));
    let work = tempfile::tempdir().expect("a temporary directory");
    let tree = work.path().join("tree");
    if bare.exists() {
        git(
            work.path(),
            &["clone", "-q", bare.to_str().expect("a UTF-8 path"), "tree"],
        );
    } else {
        std::fs::create_dir_all(&bare).expect("create the bare repository");
        git(&bare, &["init", "-q", "--bare", "-b", "main"]);
        std::fs::create_dir_all(&tree).expect("create the work tree");
        git(&tree, &["init", "-q", "-b", "main"]);
    }
    for (path, content) in files {
        let target = tree.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("create the file's directory");
        }
        std::fs::write(target, content).expect("write the file");
    }
    git(&tree, &["add", "-A"]);
    git(&tree, &["commit", "-q", "--allow-empty", "-m", "change"]);
    git(
        &tree,
        &[
            "push",
            "-q",
            bare.to_str().expect("a UTF-8 path"),
            "HEAD:main",
        ],
    );
}

/// Commits `publiccode.yml` holding `text` to `root/<name>.git`.
pub fn publish(root: &Path, name: &str, text: &str) {
    commit_files(root, name, &[("publiccode.yml", text.as_bytes())]);
}

/// A git smart-HTTP server on loopback serving every bare repository under `root` at
/// `http://ADDRESS/<name>.git`. It runs on a thread and runtime of its own, so synchronous
/// tests (which run the `commons` binary) and asynchronous ones use it alike; it stops when
/// dropped.
pub struct GitHttpServer {
    /// `127.0.0.1:<port>`: what a test names in the crawler's allowed hosts.
    pub address: SocketAddr,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// Where the bare repositories are.
    pub root: PathBuf,
    /// Milliseconds each git request waits before it is answered (see [`Self::set_delay`]).
    delay_ms: Arc<AtomicU64>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

/// A fixed answer the server gives at a path besides git: a web page, an image.
pub struct Page {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl GitHttpServer {
    /// Serves `root`.
    pub fn start(root: impl Into<PathBuf>) -> GitHttpServer {
        GitHttpServer::start_with_pages(root, Vec::new())
    }

    /// Serves `root`, and `pages` at their paths.
    pub fn start_with_pages(root: impl Into<PathBuf>, pages: Vec<Page>) -> GitHttpServer {
        let root = root.into();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind on loopback");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let address = listener.local_addr().expect("the bound address");
        let mut app = Router::new();
        for page in pages {
            let (content_type, body) = (page.content_type, Bytes::from(page.body));
            app = app.route(
                page.path,
                axum::routing::get(move || async move {
                    ([("content-type", content_type)], body.clone())
                }),
            );
        }
        let served = root.clone();
        let delay_ms = Arc::new(AtomicU64::new(0));
        let delay = Arc::clone(&delay_ms);
        let app = app.fallback(
            move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                let root = served.clone();
                let wait = Duration::from_millis(delay.load(Ordering::Relaxed));
                async move {
                    tokio::time::sleep(wait).await;
                    let path = uri.path().to_string();
                    git_http_backend(&root, &method, &path, &uri, &headers, body).await
                }
            },
        );
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime for the git server");
            runtime.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
                axum::serve(listener, app)
                    .with_graceful_shutdown(async move {
                        let _ = stopped.await;
                    })
                    .await
                    .expect("the git server runs");
            });
        });
        GitHttpServer {
            address,
            base: format!("http://{address}"),
            root,
            delay_ms,
            stop: Some(stop),
        }
    }

    /// Makes every git request from now on wait `delay` before it is answered, as a slow
    /// forge would: keeps a crawl in flight while a test acts.
    pub fn set_delay(&self, delay: Duration) {
        let millis = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        self.delay_ms.store(millis, Ordering::Relaxed);
    }
}

impl Drop for GitHttpServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Answers one request with `git http-backend` serving the bare repositories under `root`,
/// `path_info` naming the repository and the service (`/name.git/info/refs`). GET and POST,
/// gzip bodies and the protocol v2 header pass through, as behind a forge's web server.
pub async fn git_http_backend(
    root: &Path,
    method: &Method,
    path_info: &str,
    uri: &Uri,
    headers: &HeaderMap,
    body: Bytes,
) -> Response<Body> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let mut child = tokio::process::Command::new("git")
        .arg("http-backend")
        .env("GIT_PROJECT_ROOT", root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("PATH_INFO", path_info)
        .env("QUERY_STRING", uri.query().unwrap_or(""))
        .env("REQUEST_METHOD", method.as_str())
        .env("CONTENT_TYPE", header("content-type"))
        .env("CONTENT_LENGTH", body.len().to_string())
        .env("HTTP_CONTENT_ENCODING", header("content-encoding"))
        .env("GIT_PROTOCOL", header("git-protocol"))
        .env("REMOTE_ADDR", "127.0.0.1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("git http-backend runs");
    {
        use tokio::io::AsyncWriteExt;
        let mut stdin = child.stdin.take().expect("the CGI's standard input");
        // A CGI may answer (an error) before reading its whole input: not the test's concern.
        let _ = stdin.write_all(&body).await;
    }
    let raw = child
        .wait_with_output()
        .await
        .expect("git http-backend ends")
        .stdout;
    cgi_response(&raw)
}

/// Turns a CGI program's output (headers, a `Status:` among them, a blank line, the body) into
/// an HTTP response.
fn cgi_response(raw: &[u8]) -> Response<Body> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| (at, 4))
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n").map(|at| (at, 2)));
    let Some((at, separator)) = split else {
        return Response::builder()
            .status(StatusCode::INTERNAL_SERVER_ERROR)
            .body(Body::from("git http-backend gave no headers"))
            .expect("a fixed response");
    };
    let mut response = Response::builder();
    let mut status = StatusCode::OK;
    for line in String::from_utf8_lossy(&raw[..at]).lines() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if name.eq_ignore_ascii_case("status") {
            let code = value.trim().split(' ').next().unwrap_or("500");
            status = code.parse().unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        } else {
            response = response.header(name.trim(), value.trim());
        }
    }
    response
        .status(status)
        .body(Body::from(raw[at + separator..].to_vec()))
        .expect("headers from git http-backend are valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    fn get(server: &GitHttpServer, path: &str) -> String {
        let mut stream = std::net::TcpStream::connect(server.address).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    // Guards the harness itself: if git's CGI stopped answering, every test that crawls
    // through it would prove nothing.
    #[test]
    fn answers_the_smart_protocol_with_the_published_branch() {
        let root = tempfile::tempdir().unwrap();
        publish(root.path(), "group/tool", "publiccodeYmlVersion: \"0.5\"\n");
        let server = GitHttpServer::start(root.path());
        let answer = get(&server, "/group/tool.git/info/refs?service=git-upload-pack");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(
            answer.contains("application/x-git-upload-pack-advertisement"),
            "{answer}"
        );
        let head = git(&root.path().join("group/tool.git"), &["rev-parse", "main"]);
        assert!(
            answer.contains(&format!("{head} refs/heads/main")),
            "{answer}"
        );
        assert!(
            get(&server, "/none.git/info/refs?service=git-upload-pack").starts_with("HTTP/1.1 404")
        );
    }

    #[test]
    fn a_clone_sees_each_publication_and_pages_are_served_beside_git() {
        let root = tempfile::tempdir().unwrap();
        publish(root.path(), "tool", "first\n");
        let server = GitHttpServer::start_with_pages(
            root.path(),
            vec![Page {
                path: "/about",
                content_type: "text/html",
                body: b"<p>about</p>".to_vec(),
            }],
        );
        publish(root.path(), "tool", "second\n");
        let work = tempfile::tempdir().unwrap();
        git(
            work.path(),
            &["clone", "-q", &format!("{}/tool.git", server.base), "copy"],
        );
        let copy = work.path().join("copy");
        assert_eq!(
            std::fs::read_to_string(copy.join("publiccode.yml")).unwrap(),
            "second\n"
        );
        assert_eq!(git(&copy, &["rev-list", "--count", "HEAD"]), "2");
        let page = get(&server, "/about");
        assert!(
            page.contains("text/html") && page.ends_with("<p>about</p>"),
            "{page}"
        );
    }

    #[test]
    fn a_delay_holds_every_git_answer() {
        let root = tempfile::tempdir().unwrap();
        publish(root.path(), "tool", "text\n");
        let server = GitHttpServer::start(root.path());
        server.set_delay(Duration::from_millis(300));
        let started = std::time::Instant::now();
        let answer = get(&server, "/tool.git/info/refs?service=git-upload-pack");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(started.elapsed() >= Duration::from_millis(300));
    }

    #[test]
    fn a_dropped_server_stops_answering() {
        let root = tempfile::tempdir().unwrap();
        let server = GitHttpServer::start(root.path());
        let address = server.address;
        drop(server);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while std::net::TcpStream::connect(address).is_ok() {
            assert!(std::time::Instant::now() < deadline, "still answering");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}
