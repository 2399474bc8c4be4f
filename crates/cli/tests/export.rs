//! `commons export` end to end: the files it writes are the documents the server serves for
//! the same catalog, byte for byte, and a failed export leaves no file behind.

mod support;

use std::path::Path;
use support::{Server, commons, stderr};

fn example() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml");
    std::fs::read_to_string(path).expect("example file")
}

/// A data directory holding the example and a variant with hostile text.
fn catalog(work: &Path) -> std::path::PathBuf {
    let tree = work.join("tree");
    std::fs::create_dir_all(tree.join("a")).unwrap();
    std::fs::create_dir_all(tree.join("b")).unwrap();
    std::fs::write(tree.join("a/publiccode.yml"), example()).unwrap();
    let hostile = example()
        .replace(
            "name: Primero\n",
            "name: \"Evil \\\"\\\"\\\" </script>\\n<!-- b\"\n",
        )
        .replace(
            "https://github.com/primeroIMS/primero",
            "https://github.com/example/evil",
        );
    std::fs::write(tree.join("b/publiccode.yml"), hostile).unwrap();
    let data = work.join("data");
    let out = commons(&[
        "import",
        "--publisher",
        "testers",
        "--force-owner",
        tree.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    data
}

fn export(data: &Path, format: &str, dir: &Path) -> std::process::Output {
    commons(&[
        "export",
        "--format",
        format,
        "--data",
        data.to_str().unwrap(),
        dir.to_str().unwrap(),
    ])
}

#[test]
fn export_writes_what_the_server_serves() {
    let work = tempfile::tempdir().unwrap();
    let data = catalog(work.path());
    let dir = work.path().join("out");
    for format in ["json", "dcat-ap", "codemeta"] {
        let out = export(&data, format, &dir);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
    }
    let mut codemeta: Vec<String> = std::fs::read_dir(dir.join("codemeta"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    codemeta.sort();
    assert_eq!(
        codemeta,
        [
            "github-com-example-evil.json",
            "github-com-primeroims-primero.json"
        ]
    );

    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.join("catalog.json"))
            .unwrap()
            .permissions(),
    );
    assert_eq!(
        mode & 0o777,
        0o644,
        "readable by all, as published files are"
    );

    let server = Server::start(&data, &[]);
    assert_eq!(
        std::fs::read(dir.join("catalog.json")).unwrap(),
        server.get_bytes("/api/v1/export/catalog.json")
    );
    assert_eq!(
        std::fs::read(dir.join("catalog.ttl")).unwrap(),
        server.get_bytes("/api/v1/export/dcat-ap.ttl")
    );
    for file in &codemeta {
        let id = file.trim_end_matches(".json");
        assert_eq!(
            std::fs::read(dir.join("codemeta").join(file)).unwrap(),
            server.get_bytes(&format!("/api/v1/software/{id}/codemeta.json")),
            "{id}"
        );
    }
    let dump: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("catalog.json")).unwrap()).unwrap();
    assert_eq!(dump["software"].as_array().unwrap().len(), 2);
    let names: Vec<&str> = dump["software"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Evil \"\"\" </script>\n<!-- b"),
        "{names:?}"
    );
}

#[test]
fn a_failed_export_leaves_no_file() {
    let work = tempfile::tempdir().unwrap();
    let data = catalog(work.path());
    let dir = work.path().join("out");
    // A directory where the file goes: the rename at the end fails.
    std::fs::create_dir_all(dir.join("catalog.ttl")).unwrap();
    let out = export(&data, "dcat-ap", &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("catalog.ttl"), "{}", stderr(&out));
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(left, ["catalog.ttl"], "no temporary file is left");
    assert!(dir.join("catalog.ttl").is_dir());
}
