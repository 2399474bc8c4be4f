//! The publishers registry kept in the database, for an organisation that curates it in the
//! browser instead of a file on the server.
//!
//! The catalog stores the registry as the text of a registry file (YAML), one numbered
//! revision per change; the newest is the registry. The catalog does not read that text: the
//! crawler's registry module parses and checks it, so that a registry saved from the browser,
//! imported from a file or read by the crawler goes through the same checks, with line and
//! column. Saving names the revision the change was made from: when another curator (or
//! another server) saved in between, the save fails with [`CatalogError::Conflict`] instead of
//! undoing their change.

use crate::audit::{AuditEvent, append};
use crate::error::CatalogError;
use crate::store::Catalog;
use sqlx::Row;

/// Revisions kept besides the newest one.
pub const REGISTRY_REVISIONS_KEPT: i64 = 50;

/// One saved version of the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryRevision {
    /// 1, 2, 3... in the order saved.
    pub number: i64,
    /// The registry, in the YAML of the registry file.
    pub text: String,
    /// Who saved it.
    pub saved_by: String,
    /// When (Unix seconds).
    pub saved_at: i64,
}

/// What a change of the registry did, for the audit log.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistryChange<'a> {
    /// `registry.import`, `publisher.add`, `publisher.edit`, `publisher.suspend`...
    pub action: &'a str,
    /// `registry`, or `publisher:<id>`.
    pub target: &'a str,
    /// The part changed, before.
    pub before: Option<serde_json::Value>,
    /// The part changed, after.
    pub after: Option<serde_json::Value>,
}

/// A registry to save: its text, the revision it was made from (0 when there was none) and
/// what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistrySave<'a> {
    /// The revision the change was made from.
    pub from: i64,
    /// The whole registry, checked by the caller.
    pub text: &'a str,
    /// What changed.
    pub change: RegistryChange<'a>,
    /// The publishers the change adds, as (id, name): each becomes an organisation of the
    /// catalog now (when it is not one yet), so that its members, tokens and webhook secret
    /// can be set up before its first crawl.
    pub added: &'a [(String, String)],
}

impl Catalog {
    /// The newest revision of the registry, if one was ever saved.
    pub async fn registry(&self) -> Result<Option<RegistryRevision>, CatalogError> {
        let row = sqlx::query(
            "SELECT number, text, saved_by, saved_at FROM registry_revisions \
             ORDER BY number DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(RegistryRevision {
                number: r.try_get(0)?,
                text: r.try_get(1)?,
                saved_by: r.try_get(2)?,
                saved_at: r.try_get(3)?,
            })
        })
        .transpose()
    }

    /// The number of the newest revision (0 when none was saved): a cheap question, asked
    /// before each crawl and webhook to know whether the registry changed.
    pub async fn registry_number(&self) -> Result<i64, CatalogError> {
        let row = sqlx::query("SELECT value FROM counters WHERE name = 'registry'")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    /// Saves a new revision of the registry on behalf of `actor`, recorded in the audit log in
    /// the same transaction; returns its number.
    pub async fn save_registry(
        &self,
        save: &RegistrySave<'_>,
        actor: &str,
        at: i64,
    ) -> Result<i64, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let number = save_registry_in(&mut tx, save, actor, at).await?;
        tx.commit().await?;
        Ok(number)
    }
}

/// Saves a revision inside `tx` (see [`Catalog::save_registry`]). Takes the registry counter
/// before the audit counter, as every writer of the registry does.
pub(crate) async fn save_registry_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    save: &RegistrySave<'_>,
    actor: &str,
    at: i64,
) -> Result<i64, CatalogError> {
    // The row lock of the counter serialises savers on PostgreSQL; the condition turns a save
    // made from a revision that is no longer the newest into a conflict.
    let row = sqlx::query(
        "UPDATE counters SET value = value + 1 WHERE name = 'registry' AND value = $1 \
         RETURNING value",
    )
    .bind(save.from)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else {
        return Err(CatalogError::Conflict(
            "the publishers registry changed since this change was prepared: reload it and \
             make the change again"
                .into(),
        ));
    };
    let number: i64 = row.try_get(0)?;
    sqlx::query(
        "INSERT INTO registry_revisions (number, text, saved_by, saved_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(number)
    .bind(save.text)
    .bind(actor)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM registry_revisions WHERE number < $1")
        .bind(number - REGISTRY_REVISIONS_KEPT)
        .execute(&mut **tx)
        .await?;
    for (id, name) in save.added {
        crate::store::ensure_organisation(tx, id, name, actor, at).await?;
    }
    append(
        tx,
        &AuditEvent {
            actor,
            action: save.change.action,
            target: save.change.target,
            before: save.change.before.clone(),
            after: save.change.after.clone(),
            at,
        },
    )
    .await?;
    Ok(number)
}
