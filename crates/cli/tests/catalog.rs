//! `commons import`, `commons reindex` and `commons serve` end to end: the binary, real files,
//! real git repositories, a real server on loopback, SIGTERM.

mod support;

use commons_test_support::git;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::{Server, commons, stderr};

fn example() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml");
    std::fs::read_to_string(path).expect("example file")
}

/// `commons import` of one path as the publisher `testers`, vouched for by the operator.
fn import_as_testers(path: &str, data: &str) -> Output {
    commons(&[
        "import",
        "--publisher",
        "testers",
        "--force-owner",
        path,
        "--data",
        data,
    ])
}

/// A git repository whose HEAD holds `publiccode.yml` with `name` for a name; the work tree
/// holds something else, which must be ignored.
fn repository(dir: &Path, name: &str, url: &str) -> String {
    std::fs::create_dir_all(dir).unwrap();
    git(dir, &["init", "-q", "-b", "main"]);
    let text = example()
        .replace("name: Primero", &format!("name: {name}"))
        .replace("https://github.com/primeroIMS/primero", url);
    std::fs::write(dir.join("publiccode.yml"), &text).unwrap();
    git(dir, &["add", "publiccode.yml"]);
    git(dir, &["commit", "-q", "-m", "publiccode"]);
    std::fs::write(dir.join("publiccode.yml"), "not: committed\n").unwrap();
    head_of(dir)
}

fn head_of(dir: &Path) -> String {
    let head = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "HEAD"])
        .output()
        .unwrap();
    String::from_utf8(head.stdout).unwrap().trim().to_string()
}

#[test]
fn import_reads_files_directories_and_git_repositories() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let tree = work.path().join("tree");
    std::fs::create_dir_all(tree.join("a")).unwrap();
    std::fs::write(
        tree.join("a/publiccode.yml"),
        example().replace(
            "https://github.com/primeroIMS/primero",
            "https://git.example.org/a/a",
        ),
    )
    .unwrap();
    std::fs::write(tree.join("a/other.yml"), "ignored: true\n").unwrap();
    let head = repository(
        &tree.join("repo"),
        "Gitrepo",
        "https://git.example.org/b/repo",
    );
    let bare = work.path().join("bare.git");
    let clone = Command::new("git")
        .args(["clone", "-q", "--bare"])
        .arg(tree.join("repo"))
        .arg(&bare)
        .status()
        .unwrap();
    assert!(clone.success());

    let data_arg = data.to_str().unwrap();
    let out = import_as_testers(tree.to_str().unwrap(), data_arg);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let log = stderr(&out);
    assert!(log.contains("2 created"), "{log}");
    assert!(log.contains("Search index: 2 entries"), "{log}");

    // The git repository was read at HEAD (its commit recorded), not from the work tree.
    let out = import_as_testers(bare.to_str().unwrap(), data_arg);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 unchanged"),
        "same URL and content: {}",
        stderr(&out)
    );

    // Identical content again: nothing written.
    let out = import_as_testers(tree.to_str().unwrap(), data_arg);
    assert!(
        stderr(&out).contains("2 sources in ")
            && stderr(&out).contains("0 created, 0 updated, 2 unchanged"),
        "{}",
        stderr(&out)
    );

    let out = commons(&["reindex", "--data", data_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Indexed 2 listed entries"),
        "{}",
        stderr(&out)
    );

    // The commit is stored: ask a server.
    let server = Server::start(&data, &[]);
    let page = server.get("/api/v1/software?q=gitrepo");
    assert_eq!(page["total"], 1, "{page}");
    let id = page["items"][0]["id"].as_str().unwrap().to_string();
    let detail = server.get(&format!("/api/v1/software/{id}"));
    assert_eq!(detail["lastCommit"], head.as_str());
    // The git repository was assessed at that commit.
    let assessment = server.get(&format!("/api/v1/software/{id}/assessment"));
    assert_eq!(assessment["commit"], head.as_str(), "{assessment}");
    assert!(assessment["report"]["license"].is_object(), "{assessment}");

    // A new commit that leaves publiccode.yml alone: the entry is unchanged, the repository
    // is assessed again at the new commit (its history has one more commit).
    let commits = assessment["report"]["vitality"]["commitsTotal"]
        .as_u64()
        .unwrap();
    git(
        &tree.join("repo"),
        &["commit", "-q", "--allow-empty", "-m", "more work"],
    );
    let newer = head_of(&tree.join("repo"));
    let out = import_as_testers(tree.join("repo").to_str().unwrap(), data_arg);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("assessed (license"),
        "{}",
        stderr(&out)
    );
    let assessment = server.get(&format!("/api/v1/software/{id}/assessment"));
    assert_eq!(assessment["commit"], newer.as_str(), "{assessment}");
    assert_eq!(
        assessment["report"]["vitality"]["commitsTotal"].as_u64(),
        Some(commits + 1)
    );
    // Imported again as it is: the assessment of that commit stands.
    let out = import_as_testers(tree.join("repo").to_str().unwrap(), data_arg);
    assert!(
        stderr(&out).contains("assessment unchanged"),
        "{}",
        stderr(&out)
    );
    server.stop_gracefully();
}

#[test]
fn an_import_cannot_take_over_another_publishers_repository() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let data_arg = data.to_str().unwrap();
    let registry = work.path().join("publishers.yml");
    std::fs::write(
        &registry,
        "- id: a\n  name: Agency A\n  hosting: [{url: 'https://git.example.org/a', kind: gitlab}]\n\
         - id: b\n  name: Agency B\n  hosting: [{url: 'https://git.example.org/b', kind: gitlab}]\n",
    )
    .unwrap();
    let tree = work.path().join("tree");
    for (dir, url) in [
        ("own", "https://git.example.org/a/app"),
        ("theirs", "https://git.example.org/a/../b/app"),
    ] {
        std::fs::create_dir_all(tree.join(dir)).unwrap();
        let text = example().replace("https://github.com/primeroIMS/primero", url);
        std::fs::write(tree.join(dir).join("publiccode.yml"), text).unwrap();
    }

    // Who the files belong to must be said.
    let out = commons(&["import", tree.to_str().unwrap(), "--data", data_arg]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--publisher"), "{}", stderr(&out));
    let registry_arg = registry.to_str().unwrap();
    let out = commons(&[
        "import",
        tree.to_str().unwrap(),
        "--data",
        data_arg,
        "--publisher",
        "a",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    // A's import: its own file is recorded, the one naming B's repository is refused.
    let out = commons(&[
        "import",
        tree.to_str().unwrap(),
        "--data",
        data_arg,
        "--publisher",
        "a",
        "--publishers",
        registry_arg,
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let log = stderr(&out);
    assert!(log.contains("1 created"), "{log}");
    assert!(
        log.contains("theirs/publiccode.yml: its repository")
            && log.contains("not in a hosting location of publisher \"a\"")
            && log.contains("publisher \"b\"'s"),
        "{log}"
    );
    // The operator may vouch for it explicitly.
    let out = commons(&[
        "import",
        tree.join("theirs").to_str().unwrap(),
        "--data",
        data_arg,
        "--publisher",
        "a",
        "--force-owner",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn import_refuses_missing_paths_and_symbolic_links_at_head() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let out = import_as_testers("/no/such/path", data.to_str().unwrap());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/path"));

    let repo = work.path().join("evil");
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    std::os::unix::fs::symlink("/etc/passwd", repo.join("publiccode.yml")).unwrap();
    git(&repo, &["add", "publiccode.yml"]);
    git(&repo, &["commit", "-q", "-m", "evil"]);
    let out = import_as_testers(repo.to_str().unwrap(), data.to_str().unwrap());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn serve_rebuilds_a_corrupt_index_and_follows_imports() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let server = Server::start(&data, &["--demo"]);
    let listed = server.get("/api/v1/software");
    let total = listed["total"].as_u64().unwrap();
    assert!(total >= 40);
    // Every demo entry was assessed from a repository made for it: the vitality facet counts
    // them all, and a report names the commit it read.
    let vitality: u64 = listed["facets"]["vitality"]
        .as_array()
        .unwrap()
        .iter()
        .map(|bucket| bucket["count"].as_u64().unwrap())
        .sum();
    assert_eq!(vitality, total);
    let id = listed["items"][0]["id"].as_str().unwrap();
    let assessment = server.get(&format!("/api/v1/software/{id}/assessment"));
    assert_eq!(assessment["commit"].as_str().unwrap().len(), 40);
    assert!(
        assessment["report"]["vitality"]["commitsTotal"]
            .as_u64()
            .unwrap()
            > 1
    );
    assert!(data.join("demo-repositories").is_dir());

    // An import while the server runs: the server holds the index and picks the change up.
    let file = work.path().join("new/publiccode.yml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(
        &file,
        example()
            .replace("name: Primero", "name: Quetzalcoatl")
            .replace(
                "https://github.com/primeroIMS/primero",
                "https://git.example.org/q/q",
            ),
    )
    .unwrap();
    let out = import_as_testers(file.to_str().unwrap(), data.to_str().unwrap());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("A running server holds the search index"),
        "{}",
        stderr(&out)
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.get("/api/v1/software?q=quetzalcoatl")["total"] != 1 {
        assert!(Instant::now() < deadline, "the server indexed the import");
        std::thread::sleep(Duration::from_millis(100));
    }
    server.stop_gracefully();

    // Corrupt the index: the next start rebuilds it from the catalog.
    let meta = data.join("index/meta.json");
    std::fs::write(&meta, b"{ this is not json").unwrap();
    let server = Server::start(&data, &[]);
    assert_eq!(
        server.get("/api/v1/software")["total"].as_u64().unwrap(),
        total + 1
    );
    server.stop_gracefully();

    // And a missing one too.
    std::fs::remove_dir_all(data.join("index")).unwrap();
    let server = Server::start(&data, &[]);
    assert_eq!(
        server.get("/api/v1/software")["total"].as_u64().unwrap(),
        total + 1
    );
    server.stop_gracefully();
}

/// `commons serve` limits each client without being told to (20 a second, 40 at once), a
/// configuration file changes the budget or turns it off, and a mistake in the file stops the
/// server before it starts, naming the file, line and column.
#[test]
fn serve_limits_each_client_by_default_and_as_its_configuration_file_says() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let statuses = |server: &Server, n: usize| server.statuses("/api/v1/organisations", n);

    let server = Server::start(&data, &[]);
    let answers = statuses(&server, 60);
    assert!(answers[..40].iter().all(|s| *s == 200), "{answers:?}");
    assert!(
        answers.contains(&429),
        "the default budget is spent: {answers:?}"
    );
    assert_eq!(server.status("/healthz"), 200, "probes are never limited");
    server.stop_gracefully();

    let tight = work.path().join("tight.toml");
    std::fs::write(&tight, "[rate_limit]\nper_second = 1\nburst = 2\n").unwrap();
    let server = Server::start(&data, &["--config", tight.to_str().unwrap()]);
    assert_eq!(statuses(&server, 3), [200, 200, 429]);
    server.stop_gracefully();

    let off = work.path().join("off.toml");
    std::fs::write(&off, "[rate_limit]\nenabled = false\n").unwrap();
    let server = Server::start(&data, &["--config", off.to_str().unwrap()]);
    assert!(statuses(&server, 100).iter().all(|s| *s == 200));
    server.stop_gracefully();

    let wrong = work.path().join("wrong.toml");
    std::fs::write(&wrong, "[rate_limit]\nburst = 40\nper_second = \"fast\"\n").unwrap();
    let out = commons(&[
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--data",
        data.to_str().unwrap(),
        "--config",
        wrong.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(
        text.contains(&format!("{}:3:14:", wrong.display())),
        "file, line and column: {text}"
    );
}

/// Writes `n` publiccode.yml files of distinct repositories under `dir`, one a directory.
fn many_files(dir: &Path, prefix: &str, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let text = example()
            .replace("name: Primero", &format!("name: {prefix} {i}"))
            .replace(
                "https://github.com/primeroIMS/primero",
                &format!("https://git.example.org/testers/{prefix}{i}"),
            );
        let entry = dir.join(format!("{prefix}{i}"));
        std::fs::create_dir_all(&entry).unwrap();
        std::fs::write(entry.join("publiccode.yml"), text).unwrap();
    }
}

/// `commons backup` while the server serves and an import writes; `commons restore` into a
/// new data directory, which then serves everything committed before the backup began.
#[test]
fn backup_while_serving_and_importing_then_restore_serves_the_same_catalog() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let data_arg = data.to_str().unwrap();
    many_files(&work.path().join("first"), "first", 30);
    let out = import_as_testers(work.path().join("first").to_str().unwrap(), data_arg);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let server = Server::start(&data, &[]);
    many_files(&work.path().join("second"), "second", 200);
    let second = work.path().join("second");
    let data_for_import = data.clone();
    let importing = std::thread::spawn(move || {
        import_as_testers(second.to_str().unwrap(), data_for_import.to_str().unwrap())
    });
    let file = work.path().join("catalog.backup");
    let out = commons(&["backup", "--data", data_arg, file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("integrity checked"),
        "{}",
        stderr(&out)
    );
    let imported = importing.join().unwrap();
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    // A backup never replaces a file.
    let again = commons(&["backup", "--data", data_arg, file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("exists already"),
        "{}",
        stderr(&again)
    );
    server.stop_gracefully();

    let restored = work.path().join("restored");
    let restore = || {
        commons(&[
            "restore",
            file.to_str().unwrap(),
            "--data",
            restored.to_str().unwrap(),
        ])
    };
    let out = restore();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("integrity checked"),
        "{}",
        stderr(&out)
    );
    let server = Server::start(&restored, &[]);
    let page = server.get("/api/v1/software?q=first&limit=100");
    assert_eq!(page["total"], 30, "every entry committed before: {page}");
    server.stop_gracefully();
    // A restore never writes over a catalog.
    let over = restore();
    assert_eq!(over.status.code(), Some(2));
    assert!(
        stderr(&over).contains("holds a catalog already"),
        "{}",
        stderr(&over)
    );
}

/// `serve --log-format json`: every line on standard error is one JSON object, the access
/// line of a request carries its id (the one given in `X-Request-Id`, sent back too), and the
/// query string is not logged.
#[test]
fn serve_logs_json_lines_with_the_request_id() {
    let work = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_commons"))
        .args(["serve", "--log-format", "json", "--listen", "127.0.0.1:0"])
        .arg("--data")
        .arg(work.path().join("data"))
        .env_remove("COMMONS_DATABASE")
        .env_remove("RUST_LOG")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut seen = Vec::new();
    let address = loop {
        let line = lines
            .next()
            .expect("the server says where it listens")
            .unwrap();
        seen.push(line.clone());
        if let Some(rest) = line.split(" at http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    let out = Command::new("curl")
        .args([
            "-s",
            "-D",
            "-",
            "-o",
            "/dev/null",
            "-H",
            "X-Request-Id: trace-42",
        ])
        .arg(format!("http://{address}/api/v1/software?q=private+words"))
        .output()
        .unwrap();
    let headers = String::from_utf8_lossy(&out.stdout).to_lowercase();
    assert!(headers.contains("x-request-id: trace-42"), "{headers}");
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    seen.extend(lines.map_while(Result::ok));
    assert!(child.wait().unwrap().success());
    let events: Vec<serde_json::Value> = seen
        .iter()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect();
    let access = events
        .iter()
        .find(|event| event["target"] == "commons::access")
        .expect("an access line");
    assert_eq!(access["span"]["id"], "trace-42", "{access}");
    assert_eq!(access["fields"]["path"], "/api/v1/software", "{access}");
    assert_eq!(access["fields"]["status"], 200, "{access}");
    assert!(
        !seen.iter().any(|line| line.contains("private")),
        "{seen:?}"
    );
    assert!(
        events
            .iter()
            .any(|event| event["fields"]["message"] == "Commons stopped."),
        "{seen:?}"
    );
}

/// A second server on a data directory one already serves is refused at start, saying why,
/// and the first goes on answering.
#[test]
fn a_second_server_on_the_same_data_directory_is_refused() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let first = Server::start(&data, &[]);
    let second = commons(&[
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--data",
        data.to_str().unwrap(),
    ]);
    assert_eq!(second.status.code(), Some(2));
    assert!(
        stderr(&second).contains("in use by another process"),
        "{}",
        stderr(&second)
    );
    assert_eq!(first.status("/readyz"), 200);
    first.stop_gracefully();
}

/// A write the operating system refuses in the middle of an import (here the file-size limit,
/// `ulimit -f`, as a full disk would): the import stops with exit 2 naming the files and the
/// cause; what it recorded before is whole (the batches committed before, each all or
/// nothing; the integrity check passes) and the same import, with room again, completes.
#[test]
fn an_import_that_runs_out_of_space_stops_cleanly_and_loses_nothing() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    // Enough files for several batches of 256 to be recorded before the limit.
    const FILES: usize = 1200;
    many_files(&work.path().join("files"), "tool", FILES);
    let files = work.path().join("files");
    let script = format!(
        "trap '' XFSZ; ulimit -f 8192; exec '{}' import --publisher testers --force-owner '{}' --data '{}'",
        env!("CARGO_BIN_EXE_commons"),
        files.display(),
        data.display()
    );
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("commons import: recording"), "{said}");
    assert!(said.contains("publiccode.yml: database:"), "{said}");
    assert!(said.contains("files from"), "{said}");
    let backup = work.path().join("after.backup");
    let checked = commons(&[
        "backup",
        "--data",
        data.to_str().unwrap(),
        backup.to_str().unwrap(),
    ]);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
    let summary = stderr(&checked);
    let recorded: usize = summary
        .strip_prefix("Backed up ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{summary}"));
    assert!(
        recorded > 0 && recorded < FILES,
        "{recorded} recorded before the limit"
    );
    assert!(summary.contains("integrity checked"), "{summary}");
    let again = import_as_testers(files.to_str().unwrap(), data.to_str().unwrap());
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains(&format!("{} created", FILES - recorded)),
        "{}",
        stderr(&again)
    );
}
