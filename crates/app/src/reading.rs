//! An entry's assessment as readers see it now (the API and the page): the stored report read
//! as the typed contract, with what changed since it was computed.

use commons_assess::principles::{Declaration, Declarations};
use commons_catalog::{Catalog, CatalogError, Software};
use commons_search::SearchIndex;

/// Why an assessment could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The catalog failed.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// The stored report does not read as the contract (a bug or a corrupted row: never shown
    /// as if the report said something).
    #[error("the stored assessment {id} of {software_id:?} does not read as a report: {reason}")]
    Unreadable {
        /// The assessment's row.
        id: i64,
        /// The entry.
        software_id: String,
        /// What serde said.
        reason: String,
    },
}

/// An entry's latest assessment as readers see it.
#[derive(Debug, Clone)]
pub struct AssessmentAsRead {
    /// The entry.
    pub software_id: String,
    /// The revision assessed.
    pub revision_id: Option<i64>,
    /// The commit assessed.
    pub commit: Option<String>,
    /// The method's version.
    pub method_version: String,
    /// When, Unix seconds.
    pub assessed_at: i64,
    /// The report, with what changed since it was computed.
    pub report: commons_report::Assessment,
}

/// The publisher's current declarations about an entry, by item id, as the report holds them.
pub async fn current_declarations(
    catalog: &Catalog,
    software_id: &str,
) -> Result<Declarations, CatalogError> {
    Ok(catalog
        .current_declarations(software_id)
        .await?
        .iter()
        .map(|d| {
            (
                d.item.clone(),
                Declaration {
                    by: d.by.clone(),
                    role: d.role.clone(),
                    at: rfc3339(d.declared_at),
                    statement: d.statement.clone(),
                    url: d.url.clone(),
                    not_applicable: d.not_applicable,
                },
            )
        })
        .collect())
}

/// The latest assessment of `software` as readers see it: the stored report read as the typed
/// contract, the publisher's current declarations applied to the principles and DPG
/// indicators (the assessment's own rule), and the number of catalog entries that build on the
/// entry (`isBasedOn` its URL or `dependsOn` its name) counted now in `index`. `None` when it
/// was never assessed.
pub async fn assessment_as_read(
    catalog: &Catalog,
    index: &SearchIndex,
    software: &Software,
) -> Result<Option<AssessmentAsRead>, ReadError> {
    let Some(stored) = catalog.latest_assessment(&software.id).await? else {
        return Ok(None);
    };
    let mut report: commons_report::Assessment =
        serde_json::from_value(stored.body).map_err(|e| ReadError::Unreadable {
            id: stored.id,
            software_id: software.id.clone(),
            reason: e.to_string(),
        })?;
    let declarations = current_declarations(catalog, &software.id).await?;
    report.apply_declarations(|id| declarations.get(id));
    let mut urls = vec![software.repository_url.as_str()];
    urls.extend(software.publiccode.as_ref().map(|p| p.url.as_str()));
    let name = software
        .publiccode
        .as_ref()
        .map_or(software.name.as_str(), |p| p.name.as_str());
    match index.dependents(&software.id, &urls, name) {
        Ok(count) => report.cost.dependents_in_catalog = Some(count),
        Err(error) => tracing::warn!(%error, "dependents not counted"),
    }
    Ok(Some(AssessmentAsRead {
        software_id: stored.software_id,
        revision_id: stored.revision_id,
        commit: stored.commit,
        method_version: stored.method_version,
        assessed_at: stored.assessed_at,
        report,
    }))
}

/// RFC 3339 text of a Unix time (the epoch for a time out of range).
fn rfc3339(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .map(|t| t.to_string())
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}
