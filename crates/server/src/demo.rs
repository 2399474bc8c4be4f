//! The built-in demo catalog (`commons serve --demo`): loaded only into an empty catalog.

use commons_catalog::{Catalog, CatalogError, ForgeKind, IngestRequest, Publisher};
use std::time::{SystemTime, UNIX_EPOCH};

/// Loads the demo entries when the catalog has no entry at all; returns how many were loaded.
pub async fn load_if_empty(catalog: &Catalog) -> Result<usize, CatalogError> {
    if catalog.count(true).await? > 0 {
        return Ok(0);
    }
    load(catalog).await
}

/// Loads every demo entry (each in its own transaction, like any ingestion).
pub async fn load(catalog: &Catalog) -> Result<usize, CatalogError> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let publishers = commons_demo::publishers();
    let mut loaded = 0;
    for entry in commons_demo::entries() {
        let publisher = publishers
            .iter()
            .find(|p| p.id == entry.publisher_id)
            .map(|p| Publisher {
                id: p.id.to_string(),
                name: p.name.to_string(),
                uri: p.uri.map(str::to_string),
            });
        let validation = commons_publiccode::validate(entry.source.as_bytes(), &Default::default());
        let repository_url = validation
            .publiccode
            .as_ref()
            .map(|p| p.url.clone())
            .unwrap_or_else(|| format!("https://demo.example/{}", entry.file));
        catalog
            .ingest(&IngestRequest {
                repository_url,
                forge: ForgeKind::Demo,
                default_branch: Some("main".into()),
                commit: None,
                publisher,
                source: entry.source.as_bytes().to_vec(),
                seen_at: now - i64::from(entry.age_days) * 86_400,
            })
            .await?;
        loaded += 1;
    }
    Ok(loaded)
}
