//! Push webhooks, as library functions for the server: check that a delivery really comes
//! from the forge, then name the repository to recrawl with [`crate::Crawler::crawl_repository`].
//!
//! - GitHub signs the raw body with HMAC-SHA256 and the hook's secret and sends
//!   `X-Hub-Signature-256: sha256=<hex>`; the push payload names `repository.html_url`.
//! - GitLab sends the hook's secret token as is in `X-Gitlab-Token` (the catalog finds the
//!   publisher whose secret it is by its hash); the push payload names `project.web_url`.
//!
//! The signature comparison takes constant time, so a forger learns nothing from response
//! times. A URL holding a control character is refused: logged, it would forge a log line.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// Largest webhook body read: 1 MiB. GitHub caps a delivery at 25 MB, but a push's payload
/// is the repository, the pusher and the pushed commits (at most 20 on GitLab; on GitHub about
/// 1 KB a commit, so only a push of several hundred commits at once comes near 1 MiB). A
/// bigger delivery is refused (`413`) before it is read; the periodic crawl still sees the
/// push. Reading 25 MB per unauthenticated request is what this bound prevents.
pub const MAX_WEBHOOK_BODY: usize = 1024 * 1024;

/// Why a delivery was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    /// Missing or wrong signature or token (the server answers 401).
    #[error("bad signature")]
    BadSignature,
    /// The body is not a push payload with a repository URL (the server answers 400).
    #[error("not a push payload: {0}")]
    BadPayload(String),
}

/// Checks GitHub's `X-Hub-Signature-256` header against the raw body.
pub fn verify_github_signature(
    secret: &[u8],
    body: &[u8],
    header: Option<&str>,
) -> Result<(), WebhookError> {
    let hex_signature = header
        .and_then(|h| h.trim().strip_prefix("sha256="))
        .ok_or(WebhookError::BadSignature)?;
    let signature = hex::decode(hex_signature).map_err(|_| WebhookError::BadSignature)?;
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret)
        .map_err(|_| WebhookError::BadSignature)?;
    mac.update(body);
    mac.verify_slice(&signature)
        .map_err(|_| WebhookError::BadSignature)
}

/// The `X-Hub-Signature-256` header GitHub sends for a body signed with `secret`.
pub fn github_signature(secret: &[u8], body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret)
        .expect("HMAC-SHA256 takes a key of any length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

fn url_at(body: &[u8], path: &[&str]) -> Result<String, WebhookError> {
    if body.len() > MAX_WEBHOOK_BODY {
        return Err(WebhookError::BadPayload("body too large".into()));
    }
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| WebhookError::BadPayload(e.to_string()))?;
    let mut node = &value;
    for key in path {
        node = node
            .get(key)
            .ok_or_else(|| WebhookError::BadPayload(format!("no {}", path.join("."))))?;
    }
    let url = node
        .as_str()
        .ok_or_else(|| WebhookError::BadPayload(format!("{} is not text", path.join("."))))?;
    if url.chars().any(char::is_control) {
        return Err(WebhookError::BadPayload(format!(
            "{url:?} holds a control character"
        )));
    }
    match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => Ok(url.to_string()),
        _ => Err(WebhookError::BadPayload(format!(
            "{url:?} is not an http(s) URL"
        ))),
    }
}

/// The repository of a GitHub `push` event.
pub fn github_push_repository(body: &[u8]) -> Result<String, WebhookError> {
    url_at(body, &["repository", "html_url"])
}

/// The repository of a GitLab `Push Hook` event.
pub fn gitlab_push_repository(body: &[u8]) -> Result<String, WebhookError> {
    url_at(body, &["project", "web_url"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_signatures_are_checked() {
        // The example of GitHub's documentation on validating webhook deliveries.
        let secret = b"It's a Secret to Everybody";
        let body = b"Hello, World!";
        let good = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assert_eq!(verify_github_signature(secret, body, Some(good)), Ok(()));
        assert_eq!(github_signature(secret, body), good);
        let bad = good.replace("e17", "e18");
        assert!(verify_github_signature(secret, body, Some(&bad)).is_err());
        assert!(verify_github_signature(secret, b"Hello, World?", Some(good)).is_err());
        assert!(verify_github_signature(secret, body, None).is_err());
        assert!(verify_github_signature(secret, body, Some("sha1=abc")).is_err());
        assert!(verify_github_signature(secret, body, Some("sha256=zz")).is_err());
    }

    #[test]
    fn push_payloads_name_the_repository() {
        let gh = br#"{"ref":"refs/heads/main","repository":{"html_url":"https://github.com/unicef/primero"}}"#;
        assert_eq!(
            github_push_repository(gh).unwrap(),
            "https://github.com/unicef/primero"
        );
        let gl = br#"{"object_kind":"push","project":{"web_url":"https://gitlab.example.org/unicef/app"}}"#;
        assert_eq!(
            gitlab_push_repository(gl).unwrap(),
            "https://gitlab.example.org/unicef/app"
        );
        assert!(github_push_repository(b"not json").is_err());
        assert!(
            github_push_repository(br#"{"repository":{"html_url":"file:///etc/passwd"}}"#).is_err()
        );
        assert!(gitlab_push_repository(br#"{"project":{}}"#).is_err());
        // A newline would forge a log line.
        let forged = br#"{"project":{"web_url":"https://forge/a
INFO forged"}}"#;
        assert!(matches!(
            gitlab_push_repository(forged),
            Err(WebhookError::BadPayload(why)) if why.contains("control character")
        ));
    }
}
