//! Stored assessments. The catalog does not know what an assessment says: it keeps the JSON
//! report and the small `facets` object search uses, with the revision and commit assessed.

use crate::error::CatalogError;
use crate::store::{Catalog, next_seq};
use serde::{Deserialize, Serialize};
use sqlx::Row;

/// An assessment to record.
#[derive(Debug, Clone)]
pub struct NewAssessment {
    /// The entry.
    pub software_id: String,
    /// The revision it was computed for, when known.
    pub revision_id: Option<i64>,
    /// The commit assessed.
    pub commit: Option<String>,
    /// The assessment method's version.
    pub method_version: String,
    /// When, in Unix seconds.
    pub assessed_at: i64,
    /// The values search filters and sorts on (JSON object).
    pub facets: Option<serde_json::Value>,
    /// The whole report (JSON object).
    pub body: serde_json::Value,
}

/// A stored assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredAssessment {
    /// Its id.
    pub id: i64,
    /// The entry.
    pub software_id: String,
    /// The revision assessed.
    pub revision_id: Option<i64>,
    /// The commit assessed.
    pub commit: Option<String>,
    /// Method version.
    pub method_version: String,
    /// When, in Unix seconds.
    pub assessed_at: i64,
    /// The report.
    pub body: serde_json::Value,
}

impl Catalog {
    /// Records an assessment in one transaction; it takes a change number, so every replica's
    /// index picks up the new facets.
    pub async fn record_assessment(&self, new: &NewAssessment) -> Result<i64, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let seq = next_seq(&mut tx).await?;
        let exists = sqlx::query("SELECT 1 FROM software WHERE id = $1")
            .bind(&new.software_id)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if !exists {
            tx.rollback().await?;
            return Err(CatalogError::Corrupt(format!(
                "no entry {:?} to attach an assessment to",
                new.software_id
            )));
        }
        let row = sqlx::query(
            "INSERT INTO assessments (software_id, revision_id, commit_sha, method_version, \
             assessed_at, facets, body) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&new.software_id)
        .bind(new.revision_id)
        .bind(&new.commit)
        .bind(&new.method_version)
        .bind(new.assessed_at)
        .bind(new.facets.as_ref().map(|f| f.to_string()))
        .bind(new.body.to_string())
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get(0)?;
        sqlx::query("UPDATE software SET seq = $2 WHERE id = $1")
            .bind(&new.software_id)
            .bind(seq)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The latest assessment of an entry.
    pub async fn latest_assessment(
        &self,
        software_id: &str,
    ) -> Result<Option<StoredAssessment>, CatalogError> {
        let row = sqlx::query(
            "SELECT id, software_id, revision_id, commit_sha, method_version, assessed_at, body \
             FROM assessments WHERE software_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(software_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(StoredAssessment {
            id: r.try_get(0)?,
            software_id: r.try_get(1)?,
            revision_id: r.try_get(2)?,
            commit: r.try_get(3)?,
            method_version: r.try_get(4)?,
            assessed_at: r.try_get(5)?,
            body: serde_json::from_str(&r.try_get::<String, _>(6)?)?,
        }))
    }
}
