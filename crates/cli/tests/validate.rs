//! `commons validate` end to end: the binary, real files, exit statuses, both output formats,
//! and hostile input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn example() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml");
    std::fs::read_to_string(path).expect("example file")
}

fn commons(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_commons"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("commons runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        // The command may stop reading early (size limit): ignore a broken pipe.
        let _ = pipe.write_all(input);
    }
    child.wait_with_output().expect("commons finishes")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// Validates one file's bytes with `--format json`, checking it finishes promptly; returns the
/// exit code and the file's JSON object.
fn check_bytes(bytes: &[u8]) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "publiccode.yml", bytes);
    let started = Instant::now();
    let out = commons(
        &["validate", "--format", "json", path.to_str().unwrap()],
        None,
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    let doc = json(&out);
    (out.status.code().unwrap_or(-1), doc[0].clone())
}

fn first_error(file: &serde_json::Value) -> (String, u64, u64, String) {
    let e = &file["errors"][0];
    (
        e["key"].as_str().unwrap_or_default().to_string(),
        e["line"].as_u64().unwrap_or(0),
        e["column"].as_u64().unwrap_or(0),
        e["message"].as_str().unwrap_or_default().to_string(),
    )
}

#[test]
fn a_valid_file_exits_0_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "publiccode.yml", example().as_bytes());
    let out = commons(&["validate", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.trim(),
        "1 file: 1 valid, 0 invalid; 0 errors, 0 warnings"
    );
}

#[test]
fn an_invalid_file_exits_1_with_compiler_style_messages() {
    let dir = tempfile::tempdir().unwrap();
    let text = example().replace("developmentStatus: stable", "developmentStatus: finished");
    let path = write(dir.path(), "publiccode.yml", text.as_bytes());
    let out = commons(&["validate", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let line_no = text
        .lines()
        .position(|l| l.starts_with("developmentStatus"))
        .unwrap()
        + 1;
    assert_eq!(
        lines[0],
        format!(
            "{}:{line_no}:1: error[developmentStatus]: developmentStatus must be one of the following: \"concept\", \"development\", \"beta\", \"stable\" or \"obsolete\"",
            path.display()
        )
    );
    assert_eq!(lines[1], format!("{line_no} | developmentStatus: finished"));
    assert_eq!(
        lines[2],
        format!("{:w$} | ^", "", w = line_no.to_string().len())
    );
    assert_eq!(
        lines.last().copied(),
        Some("1 file: 0 valid, 1 invalid; 1 error, 0 warnings")
    );
}

#[test]
fn messages_are_said_in_the_language_asked_for_with_the_key_and_place_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = example().replace("developmentStatus: stable", "developmentStatus: finished");
    let path = write(dir.path(), "publiccode.yml", text.as_bytes());
    let english = commons(&["validate", path.to_str().unwrap()], None);
    for (lang, severity, summary) in [
        (
            "fr",
            "erreur",
            "1 fichier : valides : 0, non valides : 1 ; 1 erreur, 0 avertissement",
        ),
        (
            "zh",
            "错误",
            "1 个文件：0 个有效，1 个无效；1 个错误，0 个警告",
        ),
        (
            "ar",
            "خطأ",
            "عدد الملفات: 1؛ الصالحة: 0، غير الصالحة: 1؛ الأخطاء: 1، التحذيرات: 0",
        ),
    ] {
        let out = commons(&["validate", "--lang", lang, path.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1), "{lang}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        let first = format!("{}:", path.display());
        assert!(lines[0].starts_with(&first), "{lang}: {}", lines[0]);
        // The place, the key and the value stay as written; the words are the language's.
        assert!(
            lines[0].contains(&format!(": {severity}[developmentStatus]: ")),
            "{lang}: {}",
            lines[0]
        );
        assert!(
            lines[0].contains("developmentStatus"),
            "{lang}: {}",
            lines[0]
        );
        assert!(!lines[0].contains("must be one of"), "{lang}: {}", lines[0]);
        assert_eq!(lines.last().copied(), Some(summary), "{lang}");
        // The excerpt under the message is the file's own line.
        let english_lines: Vec<String> = String::from_utf8_lossy(&english.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        assert_eq!(lines[1], english_lines[1], "{lang}");
    }
    let out = commons(&["validate", "--lang", "de", path.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown language is a usage error"
    );
    // JSON gives the message id and its arguments beside the English.
    let out = commons(
        &["validate", "--format", "json", path.to_str().unwrap()],
        None,
    );
    let error = &json(&out)[0]["errors"][0];
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("must be one of")
    );
    assert!(
        error["l10n"]["id"]
            .as_str()
            .unwrap()
            .starts_with("validator-"),
        "{error}"
    );
}

#[test]
fn json_output_has_the_public_shape() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(dir.path(), "a/publiccode.yml", example().as_bytes());
    let warn = write(
        dir.path(),
        "b/publiccode.yaml",
        example()
            .replace(
                "publiccodeYmlVersion: \"0\"",
                "publiccodeYmlVersion: \"0.2\"",
            )
            .as_bytes(),
    );
    let bad = write(
        dir.path(),
        "c/publiccode.yml",
        b"publiccodeYmlVersion: \"0\"\n",
    );
    let out = commons(
        &["validate", "--format", "json", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    let files = doc.as_array().expect("an array");
    assert_eq!(
        files.len(),
        3,
        "directories are searched recursively for both names"
    );
    for f in files {
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["errors", "file", "valid", "version", "warnings"]);
        for e in f["errors"]
            .as_array()
            .unwrap()
            .iter()
            .chain(f["warnings"].as_array().unwrap())
        {
            let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
            // `l10n` (the message id and its arguments) was added beside the English.
            assert_eq!(
                keys,
                ["column", "key", "l10n", "line", "message", "severity"]
            );
            assert!(e["l10n"]["id"].is_string(), "{e}");
        }
    }
    let by_name = |p: &Path| {
        files
            .iter()
            .find(|f| f["file"] == p.to_str().unwrap())
            .unwrap_or_else(|| panic!("{} missing", p.display()))
    };
    assert_eq!(by_name(&ok)["valid"], true);
    assert_eq!(by_name(&warn)["valid"], true);
    assert_eq!(by_name(&warn)["version"], "0.2");
    assert_eq!(by_name(&warn)["warnings"][0]["key"], "publiccodeYmlVersion");
    assert_eq!(by_name(&bad)["valid"], false);
    let keys: Vec<&str> = by_name(&bad)["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap())
        .collect();
    for required in [
        "name",
        "url",
        "platforms",
        "legal.license",
        "maintenance.type",
    ] {
        assert!(keys.contains(&required), "{required} missing from {keys:?}");
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = commons(
        &["validate", "--format", "json", "-"],
        Some(example().as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)[0]["file"], "<stdin>");
}

#[test]
fn missing_paths_and_bad_usage_exit_2() {
    let out = commons(&["validate", "/no/such/publiccode.yml"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/publiccode.yml"));
    let out = commons(&["validate", "--format", "xml"], None);
    assert_eq!(out.status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let out = commons(&["validate", empty.path().to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a directory without publiccode.yml"
    );
}

#[test]
fn invalid_utf8_is_located() {
    let mut bytes = example().into_bytes();
    let at = bytes.iter().position(|&b| b == b'P').unwrap(); // "name: Primero" on line 4
    bytes[at] = 0xff;
    let (code, file) = check_bytes(&bytes);
    assert_eq!(code, 1);
    let (key, line, column, message) = first_error(&file);
    assert_eq!(key, "");
    assert_eq!((line, column), (4, 7));
    assert!(message.contains("UTF-8"), "{message}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(example().as_bytes());
    let (code, file) = check_bytes(&bytes);
    assert_eq!(code, 0, "{file}");
}

#[test]
fn empty_and_binary_files_are_refused_clearly() {
    let (code, file) = check_bytes(b"");
    assert_eq!(code, 1);
    assert!(first_error(&file).3.contains("empty"), "{file}");

    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend([0u8, 1, 2, 3, 0, 255, 254]);
    let (code, file) = check_bytes(&png);
    assert_eq!(code, 1);
    let message = first_error(&file).3;
    assert!(
        message.contains("UTF-8") || message.contains("binary"),
        "{message}"
    );

    let (code, file) = check_bytes(b"name: x\0\0\0\n");
    assert_eq!(code, 1);
    assert!(first_error(&file).3.contains("binary"), "{file}");
}

#[test]
fn a_100_mb_file_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("publiccode.yml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap(); // sparse: 100 MB of NULs, written instantly
    let started = Instant::now();
    let out = commons(
        &["validate", "--format", "json", path.to_str().unwrap()],
        None,
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(out.status.code(), Some(1));
    let message = first_error(&json(&out)[0]).3;
    assert!(message.contains("bytes allowed"), "{message}");

    // Through stdin too: the reader stops at the limit.
    let big = vec![b'a'; 3 * 1024 * 1024];
    let out = commons(&["validate", "--format", "json", "-"], Some(&big));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn deep_nesting_is_refused_with_a_position() {
    for text in [
        "a: ".to_string() + &"[".repeat(100_000),
        "a:\n".to_string() + &"- ".repeat(100_000) + "x\n",
    ] {
        let (code, file) = check_bytes(text.as_bytes());
        assert_eq!(code, 1);
        let (key, line, _, message) = first_error(&file);
        assert_eq!(key, "");
        assert!(line >= 1, "{file}");
        assert!(
            message.contains("nesting") || message.contains("recursion"),
            "{message}"
        );
    }
}

#[test]
fn a_billion_laughs_alias_bomb_is_refused() {
    let mut text = String::from(
        "publiccodeYmlVersion: \"0\"\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut prev = "a";
    for name in names {
        text.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
        prev = name;
    }
    let (code, file) = check_bytes(text.as_bytes());
    assert_eq!(code, 1);
    let (_, line, _, message) = first_error(&file);
    assert!(message.contains("nodes"), "{message}");
    assert!(line > 1);
}

#[test]
fn aliases_of_a_large_value_are_refused_at_the_alias_that_exceeds_the_budget() {
    let mut text = format!("a: &a \"{}\"\nb: [", "x".repeat(200 * 1024));
    text.push_str(&"*a, ".repeat(100_000));
    text.push_str("*a]\n");
    let (code, file) = check_bytes(text.as_bytes());
    assert_eq!(code, 1);
    let (key, line, column, message) = first_error(&file);
    assert!(message.contains("aliases expand to more than"), "{message}");
    assert_eq!((key.as_str(), line, column), ("", 2, 5 + 4 * 19));
}

#[test]
fn a_file_of_100000_problems_lists_1000_and_counts_them_all() {
    let mut text = String::from("publiccodeYmlVersion: \"0\"\n");
    let keys = 99_000;
    for i in 0..keys {
        text.push_str(&format!("k{i}: 1\n"));
    }
    let (code, file) = check_bytes(text.as_bytes());
    assert_eq!(code, 1);
    let errors = file["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1_001);
    let summary = &errors[1_000];
    assert_eq!(
        (summary["key"].as_str(), summary["line"].as_u64()),
        (Some(""), Some(0))
    );
    assert!(summary["message"].as_str().unwrap().starts_with("and "));

    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "publiccode.yml", text.as_bytes());
    let out = commons(&["validate", path.to_str().unwrap()], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap();
    let counted: usize = last
        .split("invalid; ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{last}"));
    assert!(counted > keys, "the summary counts every problem: {last}");
}

#[test]
fn duplicate_keys_point_at_the_second_one() {
    let text = example().replacen("name: Primero\n", "name: Primero\nname: Again\n", 1);
    let (code, file) = check_bytes(text.as_bytes());
    assert_eq!(code, 1);
    let (_, line, column, message) = first_error(&file);
    assert_eq!((line, column), (5, 1));
    assert!(message.contains("duplicate key \"name\""), "{message}");
}

#[test]
fn several_documents_are_refused() {
    let text = example() + "---\nname: second\n";
    let (code, file) = check_bytes(text.as_bytes());
    assert_eq!(code, 1);
    assert!(
        first_error(&file).3.contains("multiple YAML documents"),
        "{file}"
    );
}

#[test]
fn tabs_for_indentation_are_a_syntax_error_with_a_position() {
    let text = example().replace("legal:\n  license:", "legal:\n\tlicense:");
    let (code, file) = check_bytes(text.as_bytes());
    assert_eq!(code, 1);
    let (key, line, _, message) = first_error(&file);
    assert_eq!(key, "");
    let expected = text.lines().position(|l| l.starts_with('\t')).unwrap() as u64 + 1;
    assert_eq!(line, expected, "{message}");
    assert!(message.contains("YAML"), "{message}");
}
