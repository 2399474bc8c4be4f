//! `commons config check` and the precedence of `commons serve`'s settings (flag >
//! environment > file > default), end to end with the binary.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use support::{commons, stderr, stdout};

/// Every unknown key is reported with its line and column, with the wrong values, and the
/// check fails with exit 2.
#[test]
fn config_check_reports_every_unknown_key_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("commons.toml");
    std::fs::write(
        &file,
        "listen = \"127.0.0.1:8080\"\nlisten_port = 8080\n\n[rate_limit]\nper_secnod = 3\n\
         burst = 0\n[oidc]\nissuer = \"https://login.example.org\"\n  client_secret = \"x\"\n\
         [acess]\n",
    )
    .unwrap();
    let out = commons(&["config", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let text = stdout(&out);
    let f = file.display();
    for expected in [
        format!("{f}:2:1: error: unknown key `listen_port`"),
        format!("{f}:5:1: error: unknown key `per_secnod` in [rate_limit]"),
        format!("{f}:6:9: error: rate_limit.burst:"),
        format!("{f}:9:3: error: unknown key `client_secret` in [oidc]"),
        format!("{f}:10:2: error: unknown key `acess`"),
        format!("{f}: 5 problems"),
    ] {
        assert!(text.contains(&expected), "{expected:?} in\n{text}");
    }
}

/// A valid file: exit 0 and the effective configuration, each key with its source, the
/// environment over the file, and the secret's file path only.
#[test]
fn config_check_prints_the_effective_configuration_without_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("oidc-secret");
    std::fs::write(&secret, "s3cr3t-never-shown").unwrap();
    let file = dir.path().join("commons.toml");
    std::fs::write(
        &file,
        format!(
            "listen = \"127.0.0.1:8080\"\ndata = \"/srv/commons\"\n\
             database = \"postgres://commons:hunter2@db/commons\"\n\
             [oidc]\nissuer = \"https://login.example.org\"\nclient_id = \"commons\"\n\
             client_secret_file = {:?}\n[access]\nadmins = [\"alice@example.org\"]\n",
            secret.display().to_string()
        ),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_commons"))
        .args(["config", "check", file.to_str().unwrap()])
        .env("COMMONS_LISTEN", "127.0.0.1:9999")
        .env_remove("COMMONS_DATA")
        .env_remove("COMMONS_DATABASE")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("listen = \"127.0.0.1:9999\"  # environment COMMONS_LISTEN"),
        "{text}"
    );
    assert!(text.contains("data = \"/srv/commons\"  # file"), "{text}");
    assert!(
        text.contains(&format!(
            "client_secret_file = {:?}  # file",
            secret.display().to_string()
        )),
        "{text}"
    );
    assert!(
        text.contains("admins = [\"alice@example.org\"]  # file"),
        "{text}"
    );
    assert!(text.contains("# per_second: default, 20"), "{text}");
    assert!(!text.contains("s3cr3t"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");

    // A secret file that cannot be read is a problem.
    std::fs::remove_file(&secret).unwrap();
    let out = commons(&["config", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("oidc.client_secret_file: cannot read"));
}

/// `commons serve` with all three sources at once: for `listen`, the flag beats the
/// environment and the file; for `data` and `rate_limit.per_second`, the environment beats
/// the file; for `rate_limit.burst`, the file beats the default.
#[test]
fn serve_takes_the_flag_then_the_environment_then_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (file_data, env_data) = (dir.path().join("file-data"), dir.path().join("env-data"));
    let file = dir.path().join("commons.toml");
    std::fs::write(
        &file,
        format!(
            "listen = \"127.0.0.1:9\"\ndata = {:?}\n[rate_limit]\nper_second = 3\nburst = 9\n",
            file_data.display().to_string()
        ),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_commons"))
        .args(["serve", "--listen", "127.0.0.1:0", "--config"])
        .arg(&file)
        .env("COMMONS_LISTEN", "127.0.0.1:8")
        .env("COMMONS_DATA", &env_data)
        .env("COMMONS_RATE_LIMIT_PER_SECOND", "5")
        .env_remove("COMMONS_DATABASE")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut address = None;
    let mut rate = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(rest) = line.split(" at http://").nth(1) {
            address = Some(rest.split('/').next().unwrap().to_string());
        }
        if let Some(rest) = line.strip_prefix("Rate limit: ") {
            rate = Some(rest.to_string());
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let address = address.expect("the server says where it listens");
    let port: u16 = address.rsplit(':').next().unwrap().parse().unwrap();
    assert!(
        port != 8 && port != 9,
        "the flag's port 0 was used: {address}"
    );
    assert_eq!(
        rate.as_deref(),
        Some("5 per second per client, 9 at once."),
        "environment over file for per_second, file over default for burst"
    );
    assert!(
        env_data.join("commons.db").exists(),
        "the environment's data"
    );
    assert!(!file_data.exists(), "not the file's data");
}

/// A mistake in the environment stops the server and names the variable.
#[test]
fn serve_refuses_a_wrong_environment_value() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_commons"))
        .args(["serve", "--data"])
        .arg(dir.path())
        .env("COMMONS_LIMITS_IDLE_TIMEOUT", "forever")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("COMMONS_LIMITS_IDLE_TIMEOUT: error:"),
        "{}",
        stderr(&out)
    );
}
