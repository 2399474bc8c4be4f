//! Curators' presentation of entries: hidden, featured, or superseded by another entry, each
//! with a reason, kept apart from the published publiccode.yml (a crawl never undoes it).
//!
//! A change takes a change number and stamps the entry with it, so that every replica's
//! index follows (a hidden entry leaves the index, a shown one comes back), and is recorded
//! in the audit log in the same transaction.

use crate::audit::{AuditEvent, append};
use crate::error::CatalogError;
use crate::store::{Catalog, next_seq};
use serde::Serialize;
use sqlx::Row;

/// How curators present an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Presentation {
    /// Not listed anywhere (search, organisations, exports, feeds).
    pub hidden: bool,
    /// Shown first, on the home page.
    pub featured: bool,
    /// The entry that replaces this one.
    pub superseded_by: Option<String>,
    /// Why.
    pub reason: String,
    /// Who set it.
    pub set_by: String,
    /// When (Unix seconds).
    pub set_at: i64,
}

/// A curator's choice for an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentationChange<'a> {
    /// Hide it.
    pub hidden: bool,
    /// Feature it.
    pub featured: bool,
    /// The entry that replaces it.
    pub superseded_by: Option<&'a str>,
    /// Why (required).
    pub reason: &'a str,
}

fn json(p: &Presentation) -> serde_json::Value {
    serde_json::json!({
        "hidden": p.hidden,
        "featured": p.featured,
        "supersededBy": p.superseded_by,
        "reason": p.reason,
    })
}

impl Catalog {
    /// How curators present entry `id`, when they set anything.
    pub async fn presentation(&self, id: &str) -> Result<Option<Presentation>, CatalogError> {
        let row = sqlx::query(
            "SELECT hidden, featured, superseded_by, reason, set_by, set_at FROM presentation \
             WHERE software_id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(Presentation {
                hidden: r.try_get::<i64, _>(0)? != 0,
                featured: r.try_get::<i64, _>(1)? != 0,
                superseded_by: r.try_get(2)?,
                reason: r.try_get(3)?,
                set_by: r.try_get(4)?,
                set_at: r.try_get(5)?,
            })
        })
        .transpose()
    }

    /// The featured entries that are listed, by name.
    pub async fn featured(&self) -> Result<Vec<String>, CatalogError> {
        let rows = sqlx::query(
            "SELECT s.id FROM presentation p JOIN software s ON s.id = p.software_id \
             WHERE p.featured = 1 AND s.listed = 1 ORDER BY s.name, s.id LIMIT 24",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    /// Sets how entry `id` is presented, on behalf of `actor`. Fails with
    /// [`CatalogError::NotFound`] for an unknown entry, or a replacement that is unknown or
    /// the entry itself.
    pub async fn set_presentation(
        &self,
        id: &str,
        change: &PresentationChange<'_>,
        actor: &str,
        at: i64,
    ) -> Result<Presentation, CatalogError> {
        let before = self.presentation(id).await?;
        let mut tx = self.pool.begin().await?;
        let seq = next_seq(&mut tx).await?;
        // Hidden: never listed. Shown: listed again when it has a valid revision and no peer
        // withdrew it.
        let updated = sqlx::query(
            "UPDATE software SET hidden = $2, seq = $3, listed = CASE \
             WHEN $2 = 1 OR live_revision_id IS NULL OR withdrawn IS NOT NULL THEN 0 ELSE 1 END \
             WHERE id = $1 RETURNING id",
        )
        .bind(id)
        .bind(i64::from(change.hidden))
        .bind(seq)
        .fetch_optional(&mut *tx)
        .await?;
        if updated.is_none() {
            tx.rollback().await?;
            return Err(CatalogError::NotFound(format!(
                "no software with id {id:?}"
            )));
        }
        if let Some(other) = change.superseded_by {
            let known = sqlx::query("SELECT 1 FROM software WHERE id = $1 AND id <> $2")
                .bind(other)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            if known.is_none() {
                tx.rollback().await?;
                return Err(CatalogError::NotFound(format!(
                    "no other software with id {other:?} to supersede it"
                )));
            }
        }
        let after = Presentation {
            hidden: change.hidden,
            featured: change.featured,
            superseded_by: change.superseded_by.map(str::to_string),
            reason: change.reason.to_string(),
            set_by: actor.to_string(),
            set_at: at,
        };
        sqlx::query(
            "INSERT INTO presentation (software_id, hidden, featured, superseded_by, reason, \
             set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (software_id) DO UPDATE SET hidden = excluded.hidden, \
             featured = excluded.featured, superseded_by = excluded.superseded_by, \
             reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at",
        )
        .bind(id)
        .bind(i64::from(after.hidden))
        .bind(i64::from(after.featured))
        .bind(after.superseded_by.as_deref())
        .bind(&after.reason)
        .bind(actor)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        append(
            &mut tx,
            &AuditEvent {
                actor,
                action: "software.presentation",
                target: &format!("software:{id}"),
                before: before.as_ref().map(json),
                after: Some(json(&after)),
                at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
