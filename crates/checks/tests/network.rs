//! The network checks against real servers on loopback: a small HTTP server of this test serves
//! pages and images, and hands `/repo.git/...` to the real `git http-backend` (CGI), so the
//! repository probe talks to git itself.

use commons_egress::Allowance;
use commons_publiccode::{Options, validate};
use commons_test_support::git;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Server {
    base: String,
    _dir: tempfile::TempDir,
}

fn png_bytes() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, 2, 2);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("png header");
        writer.write_image_data(&[0u8; 16]).expect("png data");
    }
    out
}

fn make_repository(root: &Path) {
    let work = root.join("work");
    std::fs::create_dir_all(&work).unwrap();
    git(&work, &["init", "-q", "-b", "main"]);
    std::fs::write(work.join("README.md"), "hello\n").unwrap();
    git(&work, &["add", "."]);
    git(&work, &["commit", "-q", "-m", "first"]);
    git(
        root,
        &[
            "clone",
            "-q",
            "--bare",
            work.to_str().unwrap(),
            root.join("repo.git").to_str().unwrap(),
        ],
    );
    git(
        &root.join("repo.git"),
        &["config", "http.receivepack", "false"],
    );
}

fn start() -> Server {
    let dir = tempfile::tempdir().unwrap();
    make_repository(dir.path());
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let root = dir.path().to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || serve(stream, &root));
        }
    });
    Server { base, _dir: dir }
}

fn respond(stream: &mut TcpStream, status: &str, content_type: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

fn serve(mut stream: TcpStream, root: &Path) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
            break;
        }
    }
    let target = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    match path {
        "/page" => respond(&mut stream, "200 OK", "text/html", b"<p>docs</p>"),
        "/logo.png" => respond(&mut stream, "200 OK", "image/png", &png_bytes()),
        "/fake.png" => respond(&mut stream, "200 OK", "image/png", b"not a png at all"),
        p if p.starts_with("/repo.git/") => git_backend(&mut stream, root, p, query),
        _ => respond(&mut stream, "404 Not Found", "text/plain", b"no"),
    }
}

/// Runs `git http-backend` as a CGI program and relays its answer.
fn git_backend(stream: &mut TcpStream, root: &Path, path: &str, query: &str) {
    let output = Command::new("git")
        .arg("http-backend")
        .env("GIT_PROJECT_ROOT", root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("PATH_INFO", path)
        .env("QUERY_STRING", query)
        .env("REQUEST_METHOD", "GET")
        .stdin(Stdio::null())
        .output()
        .expect("git http-backend runs");
    let raw = output.stdout;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2)));
    let Some((at, sep)) = split else {
        respond(stream, "500 Internal Server Error", "text/plain", b"cgi");
        return;
    };
    let headers = String::from_utf8_lossy(&raw[..at]).to_string();
    let body = &raw[at + sep..];
    let mut status = "200 OK".to_string();
    let mut content_type = "application/octet-stream".to_string();
    for line in headers.lines() {
        if let Some(v) = line.strip_prefix("Status: ") {
            status = v.trim().to_string();
        } else if let Some(v) = line.strip_prefix("Content-Type: ") {
            content_type = v.trim().to_string();
        }
    }
    respond(stream, &status, &content_type, body);
}

fn example_with(replacements: &[(&str, &str)]) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml");
    let mut text = std::fs::read_to_string(path).unwrap();
    for (from, to) in replacements {
        assert!(text.contains(from), "example lacks {from}");
        text = text.replace(from, to);
    }
    text.into_bytes()
}

/// The network checks' errors, the test server's host allowed as the operator would allow it.
fn network_errors(text: &[u8]) -> Vec<(String, String)> {
    errors_allowing(text, &Allowance::hosts(["127.0.0.1"]))
}

fn errors_allowing(text: &[u8], allowance: &Allowance) -> Vec<(String, String)> {
    let mut v = validate(text, &Options::default());
    assert!(v.is_valid(), "offline: {:?}", v.diagnostics);
    commons_checks::network::check(&mut v, allowance);
    v.errors()
        .map(|d| (d.key.clone(), d.message.clone()))
        .collect()
}

#[test]
fn reachable_links_and_a_real_git_repository_pass() {
    let s = start();
    let doc = example_with(&[
        (
            "https://github.com/primeroIMS/primero",
            &format!("{}/repo.git", s.base),
        ),
        ("https://www.primero.org", &format!("{}/page", s.base)),
        (
            "organisation:",
            &format!("logo: \"{}/logo.png\"\norganisation:", s.base),
        ),
    ]);
    assert_eq!(network_errors(&doc), vec![]);
}

#[test]
fn unreachable_links_non_repositories_and_fake_images_fail() {
    let s = start();
    let doc = example_with(&[
        (
            "https://github.com/primeroIMS/primero",
            &format!("{}/page", s.base),
        ),
        ("https://www.primero.org", &format!("{}/missing", s.base)),
        (
            "organisation:",
            &format!("logo: \"{}/fake.png\"\norganisation:", s.base),
        ),
    ]);
    let errors = network_errors(&doc);
    let keys: Vec<&str> = errors.iter().map(|(k, _)| k.as_str()).collect();
    assert!(keys.contains(&"url"), "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|(k, m)| k == "url" && m.contains("not a valid code repository")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|(k, m)| k == "landingURL" && m.contains("404")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|(k, m)| k == "logo" && m.contains("image")),
        "{errors:?}"
    );
}

#[test]
fn git_backend_answers_the_smart_protocol() {
    // Guards the harness itself: if git's CGI stopped answering, the tests above would prove
    // nothing.
    let s = start();
    let url = format!("{}/repo.git/info/refs?service=git-upload-pack", s.base);
    let addr = s.base.trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(addr).unwrap();
    let path = url.split_once(&s.base).unwrap().1;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(
        answer.contains("application/x-git-upload-pack-advertisement"),
        "{answer}"
    );
    assert!(answer.contains("refs/heads/main"), "{answer}");
}

#[test]
fn loopback_and_private_links_are_refused_without_a_connection_unless_allowed() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let port = listener.local_addr().unwrap().port();
    let doc = example_with(&[
        (
            "https://github.com/primeroIMS/primero",
            &format!("{base}/repo.git"),
        ),
        (
            "https://www.primero.org",
            &format!("http://localhost:{port}/page"),
        ),
        (
            "organisation:",
            // Never sent: refused before any connection (no packet leaves for 169.254.x).
            "logo: \"http://169.254.169.254/logo.png\"\norganisation:",
        ),
    ]);
    let errors = errors_allowing(&doc, &Allowance::none());
    let message = |key: &str| {
        errors
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| panic!("no error on {key}: {errors:?}"))
    };
    assert!(message("url").contains("a loopback address"), "{errors:?}");
    assert!(
        message("landingURL").contains("localhost is at"),
        "{errors:?}"
    );
    assert!(
        message("logo").contains("a link-local address"),
        "{errors:?}"
    );
    assert!(message("url").contains("--allow-host"), "{errors:?}");
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("something connected: {other:?}"),
    }
}

#[test]
fn an_allowed_name_that_resolves_to_loopback_is_checked() {
    let s = start();
    let port = s.base.rsplit_once(':').unwrap().1;
    let doc = example_with(&[
        (
            "https://github.com/primeroIMS/primero",
            &format!("http://localhost:{port}/repo.git"),
        ),
        (
            "https://www.primero.org",
            &format!("http://localhost:{port}/page"),
        ),
    ]);
    let allowed = Allowance::hosts([format!("localhost:{port}")]);
    assert_eq!(errors_allowing(&doc, &allowed), vec![]);
}
