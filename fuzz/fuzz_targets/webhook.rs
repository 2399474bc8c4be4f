//! Feeds arbitrary bytes to what the server does with a webhook delivery before it trusts it:
//! the signature check and the decoding of a push payload (the first byte picks GitHub's or
//! GitLab's). It must never panic; a repository URL it accepts is an http(s) URL without a
//! control character (it is logged and crawled), and only the body signed with the secret
//! passes the check.
#![no_main]

use commons_crawler::webhook::{
    MAX_WEBHOOK_BODY, github_push_repository, github_signature, gitlab_push_repository,
    verify_github_signature,
};
use libfuzzer_sys::fuzz_target;

const SECRET: &[u8] = b"fuzzing secret";

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let decoded = if pick % 2 == 0 {
        github_push_repository(body)
    } else {
        gitlab_push_repository(body)
    };
    if let Ok(url) = decoded {
        assert!(body.len() <= MAX_WEBHOOK_BODY);
        assert!(!url.chars().any(char::is_control), "{url:?}");
        let parsed = url::Url::parse(&url).expect("an accepted URL parses");
        assert!(matches!(parsed.scheme(), "http" | "https"), "{url:?}");
    }

    // The body as the signature header: arbitrary text never passes, the true one always does.
    let header = String::from_utf8_lossy(body);
    let signed = github_signature(SECRET, body);
    assert_eq!(verify_github_signature(SECRET, body, Some(&signed)), Ok(()));
    if verify_github_signature(SECRET, body, Some(&header)).is_ok() {
        // Only the true signature, give or take the hex digits' case and surrounding blanks.
        assert_eq!(header.trim().to_ascii_lowercase(), signed);
    }
});
