//! `commons publishers token issue|list|revoke` end to end: the binary on a real SQLite
//! catalog; the printed token is checked against the catalog itself.

mod support;

use std::path::Path;
use std::process::Command;
use support::{commons, stderr, stdout};

/// A catalog in `data` holding the example entry, published by `unicef`.
fn catalog_with_unicef(data: &Path) {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml");
    let out = commons(&[
        "import",
        "--publisher",
        "unicef",
        "--force-owner",
        example.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

async fn identity(data: &Path, token: &str) -> Option<commons_catalog::TokenIdentity> {
    let catalog = commons_catalog::Catalog::open(None, data).await.unwrap();
    let found = catalog.authenticate(token, 1_000).await.unwrap();
    catalog.close().await;
    found
}

#[tokio::test]
async fn tokens_are_printed_once_listed_without_secrets_and_revoked() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    catalog_with_unicef(&data);
    let data_arg = data.to_str().unwrap();

    // Issue: the token alone on standard output, the note on standard error.
    let out = commons(&[
        "publishers",
        "token",
        "issue",
        "unicef",
        "--label",
        "CIO office",
        "--data",
        data_arg,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    let token = printed.trim_end_matches('\n');
    assert_eq!(printed.lines().count(), 1, "{printed:?}");
    assert!(token.starts_with("cmn_"), "{token}");
    assert!(token.len() >= 4 + 43, "32 random bytes: {token}");
    let note = stderr(&out);
    assert!(note.contains("only this once"), "{note}");
    assert!(
        note.contains("Token 1 issued for unicef (CIO office)"),
        "{note}"
    );
    assert!(!note.contains(token), "the note does not repeat the token");

    let who = identity(&data, token)
        .await
        .expect("the printed token is live");
    assert_eq!(who.organisation_id, "unicef");
    assert_eq!(who.token_id, 1);

    // A second token is another secret.
    let second = commons(&["publishers", "token", "issue", "unicef", "--data", data_arg]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_ne!(stdout(&second).trim(), token);

    // List: ids, publisher, label; never a secret.
    let list = commons(&["publishers", "token", "list", "--data", data_arg]);
    assert_eq!(list.status.code(), Some(0), "{}", stderr(&list));
    let text = stdout(&list);
    assert!(text.starts_with("ID"), "{text}");
    assert!(text.contains("CIO office"), "{text}");
    assert_eq!(text.lines().count(), 3, "a header and two tokens: {text}");
    assert!(!text.contains("cmn_"), "{text}");
    let json = commons(&[
        "publishers",
        "token",
        "list",
        "unicef",
        "--format",
        "json",
        "--data",
        data_arg,
    ]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    assert!(!stdout(&json).contains("cmn_"));
    let listed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert_eq!(listed[0]["id"], 1);
    assert_eq!(listed[0]["organisationId"], "unicef");
    assert_eq!(listed[0]["label"], "CIO office");
    assert_eq!(listed[0]["revokedAt"], serde_json::Value::Null);
    let other = commons(&["publishers", "token", "list", "who", "--data", data_arg]);
    assert_eq!(other.status.code(), Some(0));
    assert_eq!(stdout(&other), "", "no token of another publisher");

    // Revoke: the token authenticates no more; revoking again is harmless.
    let revoke = commons(&["publishers", "token", "revoke", "1", "--data", data_arg]);
    assert_eq!(revoke.status.code(), Some(0), "{}", stderr(&revoke));
    assert!(stderr(&revoke).contains("Token 1 revoked"));
    assert_eq!(identity(&data, token).await, None);
    let again = commons(&["publishers", "token", "revoke", "1", "--data", data_arg]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("already revoked"),
        "{}",
        stderr(&again)
    );
    let json = commons(&[
        "publishers",
        "token",
        "list",
        "--format",
        "json",
        "--data",
        data_arg,
    ]);
    let listed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(listed[0]["revokedAt"].is_i64(), "{listed}");
    assert!(listed[1]["revokedAt"].is_null(), "{listed}");
}

#[test]
fn unknown_publishers_tokens_and_bad_labels_are_refused() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    catalog_with_unicef(&data);
    let data_arg = data.to_str().unwrap();

    let out = commons(&["publishers", "token", "issue", "nobody", "--data", data_arg]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "", "no token printed");
    assert!(
        stderr(&out).contains("no publisher \"nobody\""),
        "{}",
        stderr(&out)
    );

    let out = commons(&["publishers", "token", "revoke", "42", "--data", data_arg]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no token with id 42"),
        "{}",
        stderr(&out)
    );

    let long = "x".repeat(201);
    for label in [long.as_str(), "line\nbreak"] {
        let out = commons(&[
            "publishers",
            "token",
            "issue",
            "unicef",
            "--label",
            label,
            "--data",
            data_arg,
        ]);
        assert_eq!(out.status.code(), Some(2), "{label:?}");
        assert_eq!(stdout(&out), "");
    }
    let out = commons(&["publishers", "token", "revoke", "one", "--data", data_arg]);
    assert_eq!(out.status.code(), Some(2), "a token id is a number");

    let list = commons(&["publishers", "token", "list", "--data", data_arg]);
    assert_eq!(list.status.code(), Some(0));
    assert_eq!(stdout(&list), "", "nothing was issued");
    assert!(stderr(&list).contains("No tokens."));
}

#[tokio::test]
async fn hook_secrets_are_rotated_with_the_servers_key_and_printed_once() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    catalog_with_unicef(&data);
    let data_arg = data.to_str().unwrap();
    let key = "a test key of at least thirty-two bytes";
    let rotate = |key: Option<&str>, publisher: &str| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_commons"));
        command
            .args([
                "publishers",
                "hook-secret",
                "rotate",
                publisher,
                "--data",
                data_arg,
            ])
            .env_remove("COMMONS_DATABASE")
            .env_remove("COMMONS_WEBHOOK_KEY");
        if let Some(key) = key {
            command.env("COMMONS_WEBHOOK_KEY", key);
        }
        command.output().expect("commons runs")
    };

    // Without the server's key, or with a weak one, nothing is issued.
    let out = rotate(None, "unicef");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("COMMONS_WEBHOOK_KEY"),
        "{}",
        stderr(&out)
    );
    assert_eq!(rotate(Some("short"), "unicef").status.code(), Some(2));
    assert_eq!(rotate(Some(key), "nobody").status.code(), Some(2));

    let first = rotate(Some(key), "unicef");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let secret = stdout(&first).trim_end().to_string();
    assert_eq!(stdout(&first).lines().count(), 1);
    assert!(secret.starts_with("cmnhook_"), "{secret}");
    assert!(!stderr(&first).contains(&secret));
    let second = rotate(Some(key), "unicef");
    let rotated = stdout(&second).trim_end().to_string();
    assert_ne!(rotated, secret);

    let catalog = commons_catalog::Catalog::open(None, &data).await.unwrap();
    assert_eq!(catalog.hook_publisher(&secret).await.unwrap(), None);
    assert_eq!(
        catalog.hook_publisher(&rotated).await.unwrap().as_deref(),
        Some("unicef")
    );
    catalog.close().await;

    let out = commons(&["publishers", "hook-secret", "list", "--data", data_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&out);
    assert!(listed.starts_with("PUBLISHER  GENERATION"), "{listed}");
    assert_eq!(listed.lines().count(), 3, "{listed}");
    assert!(!listed.contains("cmnhook_"), "{listed}");
}

#[test]
fn a_registry_file_is_imported_checked_and_exported_back() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let data_arg = data.to_str().unwrap();
    let file = work.path().join("publishers.yml");
    let registry = "- id: unicef\n  name: UNICEF\n  hosting:\n    - url: https://gitlab.example.org/unicef\n      kind: gitlab\n- id: wfp\n  name: WFP\n  suspended: Moving forge.\n  hosting:\n    - url: https://github.com/wfp\n      kind: github\n";
    std::fs::write(&file, registry).unwrap();
    let import = |path: &Path| {
        commons(&[
            "publishers",
            "import",
            path.to_str().unwrap(),
            "--data",
            data_arg,
        ])
    };

    let out = import(&file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "registry revision 1: 2 added, 0 removed, 0 changed"
    );
    let out = import(&file);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("unchanged"), "{}", stdout(&out));

    // A file that does not pass the checks changes nothing and says where it fails.
    let bad = work.path().join("bad.yml");
    std::fs::write(&bad, "- id: unicef\n  name: UNICEF\n  hosting: []\n").unwrap();
    let out = import(&bad);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("bad.yml:3:12: error: hosting must be"),
        "{}",
        stdout(&out)
    );

    let out = commons(&["publishers", "export", "--data", data_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let exported = commons_crawler::Registry::parse(stdout(&out).as_bytes()).unwrap();
    assert_eq!(
        exported,
        commons_crawler::Registry::parse(registry.as_bytes()).unwrap()
    );
    assert_eq!(
        exported.publishers[1].suspended.as_deref(),
        Some("Moving forge.")
    );
}

#[tokio::test]
async fn a_token_s_scope_is_chosen_at_issue_and_listed() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    catalog_with_unicef(&data);
    let data_arg = data.to_str().unwrap();
    let out = commons(&[
        "publishers",
        "token",
        "issue",
        "unicef",
        "--scope",
        "publishing",
        "--data",
        data_arg,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("scope publishing"),
        "{}",
        stderr(&out)
    );
    let token = stdout(&out).trim().to_string();
    let who = identity(&data, &token).await.unwrap();
    assert_eq!(who.scope, commons_catalog::TokenScope::Publishing);
    let plain = commons(&["publishers", "token", "issue", "unicef", "--data", data_arg]);
    let plain = identity(&data, stdout(&plain).trim()).await.unwrap();
    assert_eq!(
        plain.scope,
        commons_catalog::TokenScope::Declarations,
        "the default"
    );

    let list = commons(&[
        "publishers",
        "token",
        "list",
        "--format",
        "json",
        "--data",
        data_arg,
    ]);
    let listed: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    assert_eq!(listed[0]["scope"], "publishing");
    assert_eq!(listed[1]["scope"], "declarations");
    let out = commons(&[
        "publishers",
        "token",
        "issue",
        "unicef",
        "--scope",
        "everything",
        "--data",
        data_arg,
    ]);
    assert_eq!(out.status.code(), Some(2));
}
