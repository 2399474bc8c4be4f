//! Real git repositories over smart HTTP: the real `git http-backend`, run as a CGI program
//! behind a small axum server on loopback.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Method, Response, StatusCode, Uri};
use std::path::{Path, PathBuf};
use std::process::Stdio;

pub use commons_test_support::git;

/// Commits `publiccode.yml` with `text` to the bare repository `root/name.git`, through a
/// temporary work tree, creating the repository when needed.
pub fn publish(root: &Path, name: &str, text: &str) {
    let bare = root.join(format!("{name}.git"));
    let work = tempfile::tempdir().unwrap();
    let tree = work.path().join("tree");
    if bare.exists() {
        git(
            work.path(),
            &["clone", "-q", bare.to_str().unwrap(), "tree"],
        );
    } else {
        std::fs::create_dir_all(&bare).unwrap();
        git(&bare, &["init", "-q", "--bare", "-b", "main"]);
        std::fs::create_dir_all(&tree).unwrap();
        git(&tree, &["init", "-q", "-b", "main"]);
    }
    std::fs::write(tree.join("publiccode.yml"), text).unwrap();
    git(&tree, &["add", "publiccode.yml"]);
    git(&tree, &["commit", "-q", "-m", "publiccode"]);
    git(&tree, &["push", "-q", bare.to_str().unwrap(), "HEAD:main"]);
}

/// Serves every bare repository under `root` at `http://ADDR/<name>.git`; returns the address.
pub async fn serve(root: PathBuf) -> std::net::SocketAddr {
    let app = Router::new().fallback(backend).with_state(root);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

async fn backend(
    State(root): State<PathBuf>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
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
        .env("GIT_PROJECT_ROOT", &root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("PATH_INFO", uri.path())
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
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(&body).await;
    }
    let raw = child.wait_with_output().await.unwrap().stdout;
    let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Response::builder().status(500).body(Body::empty()).unwrap();
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
        .body(Body::from(raw[at + 4..].to_vec()))
        .unwrap()
}
