//! `commons publishers check` and `commons crawl` end to end: the binary, a real git server on
//! loopback (`bench/crawl_server.py`, which runs the real `git http-backend`), exit statuses.

mod support;

use commons_test_support::git;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{commons, stderr};

#[test]
fn publishers_check_reports_positions_and_exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.yml");
    std::fs::write(
        &good,
        "- id: unicef\n  name: UNICEF\n  hosting:\n    - url: https://gitlab.example.org/unicef\n      kind: gitlab\n",
    )
    .unwrap();
    let out = commons(&["publishers", "check", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let bad = dir.path().join("bad.yml");
    std::fs::write(
        &bad,
        "- id: UNICEF!\n  name: UNICEF\n  hosting:\n    - url: ftp://x.example/y\n      kind: svn\n",
    )
    .unwrap();
    let out = commons(&["publishers", "check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(
        text.contains("bad.yml:1:"),
        "positions like a compiler: {text}"
    );
    assert!(text.contains(":5:"), "the bad kind on line 5: {text}");

    let out = commons(&["publishers", "check", "/no/such/file.yml"]);
    assert_eq!(out.status.code(), Some(2));
}

struct GitServer {
    child: Child,
    port: String,
}

impl Drop for GitServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn git_server(root: &Path) -> GitServer {
    let port_file = root.join("port");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/crawl_server.py");
    // Owned at once, so that Drop stops it on every path.
    let mut server = GitServer {
        child: Command::new("python3")
            .arg(script)
            .arg(root)
            .arg(&port_file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs the git server"),
        port: String::new(),
    };
    let started = Instant::now();
    while server.port.is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the git server starts"
        );
        std::thread::sleep(Duration::from_millis(50));
        server.port = std::fs::read_to_string(&port_file)
            .unwrap_or_default()
            .trim()
            .to_string();
    }
    server
}

#[test]
fn crawl_records_outcomes_and_skips_what_did_not_change() {
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("git");
    std::fs::create_dir_all(&root).unwrap();
    let server = git_server(&root);
    let base = format!("http://127.0.0.1:{}", server.port);
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml"),
    )
    .unwrap();
    for (name, content) in [
        (
            "good",
            Some(example.replace(
                "https://github.com/primeroIMS/primero",
                &format!("{base}/good.git"),
            )),
        ),
        ("none", None),
    ] {
        let tree = work.path().join(name);
        std::fs::create_dir_all(&tree).unwrap();
        git(&tree, &["init", "-q", "-b", "main"]);
        match content {
            Some(text) => std::fs::write(tree.join("publiccode.yml"), text).unwrap(),
            None => std::fs::write(tree.join("README"), "nothing yet\n").unwrap(),
        }
        git(&tree, &["add", "-A"]);
        git(&tree, &["commit", "-q", "-m", "first"]);
        let bare = root.join(format!("{name}.git"));
        let status = Command::new("git")
            .args(["clone", "-q", "--bare"])
            .arg(&tree)
            .arg(&bare)
            .status()
            .unwrap();
        assert!(status.success());
    }
    let registry = work.path().join("publishers.yml");
    std::fs::write(
        &registry,
        format!(
            "- id: testers\n  name: Testers\n  hosting:\n    - url: {base}/good.git\n      kind: git\n    - url: {base}/none.git\n      kind: git\n"
        ),
    )
    .unwrap();
    let data = work.path().join("data");
    let crawl = || {
        commons(&[
            "crawl",
            "--publishers",
            registry.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
            "--allow-host",
            &format!("127.0.0.1:{}", server.port),
        ])
    };
    let first = crawl();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let log = stderr(&first);
    assert!(log.contains(&format!("ok {base}/good.git")), "{log}");
    assert!(log.contains(&format!("not_found {base}/none.git")), "{log}");

    let second = crawl();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let log = stderr(&second);
    assert!(
        log.contains(&format!("skipped_unchanged {base}/good.git")),
        "nothing changed, nothing downloaded: {log}"
    );

    // A registry that cannot be read is the command's failure, not an outcome.
    let out = commons(&[
        "crawl",
        "--publishers",
        "/no/such/registry.yml",
        "--data",
        data.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}
