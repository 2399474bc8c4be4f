//! The network checks against a real server on loopback: the workspace's git server serves
//! `/repo.git` with the real `git http-backend`, so the repository probe talks to git itself,
//! and a page and images beside it.

use commons_egress::Allowance;
use commons_publiccode::{Options, validate};
use commons_test_support::git_http::{GitHttpServer, Page, commit_files};
use std::net::TcpListener;
use std::path::PathBuf;

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

/// The shared git server with one repository, `repo.git`, and a page, an image and a fake
/// image beside it; the repository lives as long as the server.
struct Server {
    git: GitHttpServer,
    _dir: tempfile::TempDir,
}

fn start() -> Server {
    let dir = tempfile::tempdir().unwrap();
    commit_files(dir.path(), "repo", &[("README.md", b"hello\n")]);
    let page = |path, content_type, body: &[u8]| Page {
        path,
        content_type,
        body: body.to_vec(),
    };
    let git = GitHttpServer::start_with_pages(
        dir.path(),
        vec![
            page("/page", "text/html", b"<p>docs</p>"),
            page("/logo.png", "image/png", &png_bytes()),
            page("/fake.png", "image/png", b"not a png at all"),
        ],
    );
    Server { git, _dir: dir }
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
            &format!("{}/repo.git", s.git.base),
        ),
        ("https://www.primero.org", &format!("{}/page", s.git.base)),
        (
            "organisation:",
            &format!("logo: \"{}/logo.png\"\norganisation:", s.git.base),
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
            &format!("{}/page", s.git.base),
        ),
        (
            "https://www.primero.org",
            &format!("{}/missing", s.git.base),
        ),
        (
            "organisation:",
            &format!("logo: \"{}/fake.png\"\norganisation:", s.git.base),
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
    let port = s.git.base.rsplit_once(':').unwrap().1;
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
