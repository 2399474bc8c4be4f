//! Push webhooks' secrets, one per publisher, and the deliveries already acted on.
//!
//! **Secrets.** A forge proves a delivery comes from a publisher's hook with a secret only that
//! publisher configured: GitLab sends it as is (`X-Gitlab-Token`), GitHub signs the body with
//! HMAC-SHA256 keyed by it. GitLab's can be checked against a hash; GitHub's cannot (an HMAC
//! is verified with its key). So no secret is stored at all: each is derived, with HKDF-SHA256,
//! from a server key the operator keeps outside the database ([`WebhookKey`], the
//! `COMMONS_WEBHOOK_KEY` environment variable) and the publisher's id and secret generation.
//! The catalog keeps the generation and the SHA-256 of the secret (to find a GitLab token's
//! publisher by hash, as publisher tokens are found); a copy of the database alone forges
//! nothing. Rotating bumps the generation: the old secret stops working at once.
//!
//! **Deliveries.** Forges retry, and anyone who saw a signed delivery can replay it. A
//! delivery id (GitHub `X-GitHub-Delivery`, GitLab `X-Gitlab-Event-UUID`) is remembered in the
//! catalog for a while, so every server sharing it agrees that a replay changes nothing.

use crate::error::CatalogError;
use crate::store::Catalog;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

/// What every webhook secret starts with, so that one found in a log is recognised.
pub const HOOK_SECRET_PREFIX: &str = "cmnhook_";

/// Shortest server key accepted, in bytes (the key is the only secret behind every hook).
pub const MIN_WEBHOOK_KEY_LEN: usize = 32;

/// Longest delivery id remembered, in bytes (forges send UUIDs).
pub const MAX_DELIVERY_ID_LEN: usize = 128;

/// The server key every publisher's webhook secret is derived from. Never printed.
#[derive(Clone)]
pub struct WebhookKey(Vec<u8>);

impl std::fmt::Debug for WebhookKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookKey(<redacted>)")
    }
}

/// Why a server key is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the webhook key is {0} bytes; at least {MIN_WEBHOOK_KEY_LEN} are needed \
     (e.g. `openssl rand -base64 48`)"
)]
pub struct WeakKey(pub usize);

impl WebhookKey {
    /// The key from its text (at least [`MIN_WEBHOOK_KEY_LEN`] bytes).
    pub fn new(text: &str) -> Result<WebhookKey, WeakKey> {
        let text = text.trim();
        if text.len() < MIN_WEBHOOK_KEY_LEN {
            return Err(WeakKey(text.len()));
        }
        Ok(WebhookKey(text.as_bytes().to_vec()))
    }

    /// The secret of one publisher's generation: HKDF-SHA256 (RFC 5869), the key as input
    /// keying material, the publisher id and generation as info.
    pub fn secret(&self, organisation_id: &str, generation: i64) -> String {
        let hkdf = hkdf::Hkdf::<sha2::Sha256>::new(Some(b"commons webhook secret v1"), &self.0);
        let mut bytes = [0u8; 32];
        let info = format!("{organisation_id}\0{generation}");
        hkdf.expand(info.as_bytes(), &mut bytes)
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        format!("{HOOK_SECRET_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
    }
}

/// A secret just issued: `secret` is shown once; it can be derived again only with the key.
#[derive(Clone)]
pub struct IssuedHookSecret {
    /// The publisher.
    pub organisation_id: String,
    /// Its generation (1 for the first secret, one more at each rotation).
    pub generation: i64,
    /// When, in Unix seconds.
    pub created_at: i64,
    /// The secret to configure in the forge's webhook.
    pub secret: String,
}

impl std::fmt::Debug for IssuedHookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuedHookSecret")
            .field("organisation_id", &self.organisation_id)
            .field("generation", &self.generation)
            .field("created_at", &self.created_at)
            .field("secret", &"<redacted>")
            .finish()
    }
}

/// A secret as listed (the catalog does not have it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HookSecret {
    /// The publisher.
    pub organisation_id: String,
    /// Its generation.
    pub generation: i64,
    /// When it was issued, in Unix seconds.
    pub created_at: i64,
    /// When a rotation replaced it, in Unix seconds.
    pub revoked_at: Option<i64>,
}

fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

fn well_formed(secret: &str) -> bool {
    secret.len() == HOOK_SECRET_PREFIX.len() + 43
        && secret.starts_with(HOOK_SECRET_PREFIX)
        && secret[HOOK_SECRET_PREFIX.len()..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Catalog {
    /// Issues the next generation of a publisher's webhook secret and revokes the live one,
    /// in one transaction with its audit record (on behalf of `actor`; never the secret).
    /// Fails with [`CatalogError::NotFound`] when the catalog has no such organisation.
    pub async fn rotate_hook_secret(
        &self,
        key: &WebhookKey,
        organisation_id: &str,
        at: i64,
        actor: &str,
    ) -> Result<IssuedHookSecret, CatalogError> {
        let mut tx = self.pool.begin().await?;
        // The write first: on SQLite it takes the write lock before anything is read.
        sqlx::query(
            "UPDATE webhook_secrets SET revoked_at = $2 \
             WHERE organisation_id = $1 AND revoked_at IS NULL",
        )
        .bind(organisation_id)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        let known = sqlx::query("SELECT 1 FROM organisations WHERE id = $1")
            .bind(organisation_id)
            .fetch_optional(&mut *tx)
            .await?;
        if known.is_none() {
            tx.rollback().await?;
            return Err(CatalogError::NotFound(format!(
                "no organisation with id {organisation_id:?}"
            )));
        }
        let row = sqlx::query(
            "SELECT COALESCE(MAX(generation), 0) + 1 FROM webhook_secrets \
             WHERE organisation_id = $1",
        )
        .bind(organisation_id)
        .fetch_one(&mut *tx)
        .await?;
        let generation: i64 = row.try_get(0)?;
        let secret = key.secret(organisation_id, generation);
        sqlx::query(
            "INSERT INTO webhook_secrets (organisation_id, generation, secret_hash, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(organisation_id)
        .bind(generation)
        .bind(secret_hash(&secret))
        .bind(at)
        .execute(&mut *tx)
        .await?;
        let target = format!("organisation:{organisation_id}/webhook-secret");
        let previous = generation - 1;
        crate::audit::append(
            &mut tx,
            &crate::audit::AuditEvent {
                actor,
                action: "hook_secret.rotate",
                target: &target,
                before: (previous > 0).then(|| serde_json::json!({ "generation": previous })),
                after: Some(serde_json::json!({ "generation": generation })),
                at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(IssuedHookSecret {
            organisation_id: organisation_id.to_string(),
            generation,
            created_at: at,
            secret,
        })
    }

    /// Every webhook secret generation (of one publisher, when given), without secrets.
    pub async fn hook_secrets(
        &self,
        organisation_id: Option<&str>,
    ) -> Result<Vec<HookSecret>, CatalogError> {
        let rows = sqlx::query(
            "SELECT organisation_id, generation, created_at, revoked_at FROM webhook_secrets \
             WHERE organisation_id = $1 OR $2 = 1 ORDER BY organisation_id, generation",
        )
        .bind(organisation_id.unwrap_or(""))
        .bind(i64::from(organisation_id.is_none()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(HookSecret {
                    organisation_id: r.try_get(0)?,
                    generation: r.try_get(1)?,
                    created_at: r.try_get(2)?,
                    revoked_at: r.try_get(3)?,
                })
            })
            .collect()
    }

    /// The publisher whose live webhook secret `secret` is (GitLab's `X-Gitlab-Token`), looked
    /// up by hash; `None` for anything else.
    pub async fn hook_publisher(&self, secret: &str) -> Result<Option<String>, CatalogError> {
        if !well_formed(secret) {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT organisation_id FROM webhook_secrets \
             WHERE secret_hash = $1 AND revoked_at IS NULL",
        )
        .bind(secret_hash(secret))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    /// A publisher's live webhook secret, derived again with the server key (to check
    /// GitHub's signature); `None` when it has none.
    pub async fn live_hook_secret(
        &self,
        key: &WebhookKey,
        organisation_id: &str,
    ) -> Result<Option<String>, CatalogError> {
        let row = sqlx::query(
            "SELECT generation, secret_hash FROM webhook_secrets \
             WHERE organisation_id = $1 AND revoked_at IS NULL",
        )
        .bind(organisation_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let secret = key.secret(organisation_id, row.try_get(0)?);
        // A key other than the one the secret was issued with derives another secret: no
        // delivery could match it, and the operator must hear why.
        if secret_hash(&secret) != row.try_get::<String, _>(1)? {
            return Err(CatalogError::Corrupt(format!(
                "the webhook key is not the one {organisation_id:?}'s secret was issued with"
            )));
        }
        Ok(Some(secret))
    }

    /// Remembers a delivery id for `keep_for` seconds; `true` the first time it is seen,
    /// `false` for a replay. Ids older than that are forgotten in the same transaction.
    pub async fn remember_delivery(
        &self,
        delivery_id: &str,
        at: i64,
        keep_for: i64,
    ) -> Result<bool, CatalogError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM webhook_deliveries WHERE received_at < $1")
            .bind(at - keep_for)
            .execute(&mut *tx)
            .await?;
        let inserted = sqlx::query(
            "INSERT INTO webhook_deliveries (delivery_id, received_at) VALUES ($1, $2) \
             ON CONFLICT (delivery_id) DO NOTHING",
        )
        .bind(delivery_id)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(inserted == 1)
    }

    /// Forgets a delivery id (it was not acted on: the forge's retry must be).
    pub async fn forget_delivery(&self, delivery_id: &str) -> Result<(), CatalogError> {
        sqlx::query("DELETE FROM webhook_deliveries WHERE delivery_id = $1")
            .bind(delivery_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_derived_per_publisher_and_generation() {
        let key = WebhookKey::new(&"k".repeat(32)).unwrap();
        let a1 = key.secret("a", 1);
        assert!(well_formed(&a1), "{a1}");
        assert_eq!(a1, key.secret("a", 1));
        assert_ne!(a1, key.secret("a", 2));
        assert_ne!(a1, key.secret("b", 1));
        // The separator keeps ("a1", 1) and ("a", 11) apart.
        assert_ne!(key.secret("a1", 1), key.secret("a", 11));
        let other = WebhookKey::new(&"x".repeat(32)).unwrap();
        assert_ne!(a1, other.secret("a", 1));
        assert_eq!(WebhookKey::new("short").unwrap_err(), WeakKey(5));
        assert!(!format!("{key:?}").contains("kkkk"));
    }
}
