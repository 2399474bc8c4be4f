//! The publishers registry as the catalog keeps it: the newest saved revision, read and
//! written through the same checks as a registry file (see [`Registry::parse`]).
//!
//! Every change (an import, a publisher added, edited, suspended) saves the whole registry as
//! a new revision, naming the revision it was made from, and records in the audit log what
//! changed: the publisher before and after, or for an import the publishers added, removed
//! and changed.

use crate::registry::{PublisherEntry, Registry, RegistryError};
use commons_catalog::{Catalog, CatalogError, RegistryChange, RegistrySave};
use std::collections::HashMap;

/// The registry in force and the revision it comes from (0: none was ever saved, the
/// registry is empty).
#[derive(Debug, Clone, Default)]
pub struct StoredRegistry {
    /// The revision's number.
    pub number: i64,
    /// The registry.
    pub registry: Registry,
    /// Who saved the revision and when (Unix seconds), when one was saved.
    pub saved: Option<(String, i64)>,
}

/// Why a registry could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum RegistryChangeError {
    /// The registry the change makes does not pass the checks.
    #[error("{}", .0.join("; "))]
    Invalid(Vec<String>),
    /// The catalog failed, or another writer changed the registry meanwhile
    /// ([`CatalogError::Conflict`]).
    #[error(transparent)]
    Catalog(#[from] CatalogError),
}

/// Reads the newest revision. A stored text that no longer passes the checks (written by
/// hand into the database) is reported, not crawled.
pub async fn load(catalog: &Catalog) -> Result<StoredRegistry, RegistryChangeError> {
    let Some(revision) = catalog.registry().await? else {
        return Ok(StoredRegistry::default());
    };
    let registry = Registry::parse(revision.text.as_bytes()).map_err(|errors| {
        RegistryChangeError::Invalid(
            errors
                .iter()
                .map(|e| format!("stored revision {}: {e}", revision.number))
                .collect(),
        )
    })?;
    Ok(StoredRegistry {
        number: revision.number,
        registry,
        saved: Some((revision.saved_by, revision.saved_at)),
    })
}

/// A publisher as the audit log shows it.
pub fn publisher_json(publisher: &PublisherEntry) -> serde_json::Value {
    serde_json::to_value(publisher).unwrap_or(serde_json::Value::Null)
}

/// The text of the registry `publishers` make, after the checks (to save it with another
/// write, such as a request's acceptance).
pub fn prepare(publishers: Vec<PublisherEntry>) -> Result<String, RegistryChangeError> {
    let registry = Registry::check(publishers).map_err(RegistryChangeError::Invalid)?;
    Ok(registry.to_yaml())
}

/// The (id, name) of the publishers of `after` that `before` does not have.
pub fn added(before: &[PublisherEntry], after: &[PublisherEntry]) -> Vec<(String, String)> {
    let known: std::collections::HashSet<&str> = before.iter().map(|p| p.id.as_str()).collect();
    after
        .iter()
        .filter(|p| !known.contains(p.id.as_str()))
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect()
}

/// Saves `publishers` as the new registry, made from revision `from` (whose publishers were
/// `before`), after the checks; returns the new revision's number.
pub async fn save(
    catalog: &Catalog,
    from: (i64, &[PublisherEntry]),
    publishers: Vec<PublisherEntry>,
    change: RegistryChange<'_>,
    actor: &str,
    at: i64,
) -> Result<i64, RegistryChangeError> {
    let added = added(from.1, &publishers);
    let text = prepare(publishers)?;
    let save = RegistrySave {
        from: from.0,
        text: &text,
        change,
        added: &added,
    };
    Ok(catalog.save_registry(&save, actor, at).await?)
}

/// What an import changed, by publisher id.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    /// Publishers new to the registry.
    pub added: Vec<String>,
    /// Publishers no longer in it.
    pub removed: Vec<String>,
    /// Publishers whose entry differs.
    pub changed: Vec<String>,
}

impl ImportSummary {
    /// Whether the import changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// By id, in one pass over each side: a registry of 20,000 publishers is compared at
    /// every start of a server given a file.
    fn between(before: &Registry, after: &Registry) -> ImportSummary {
        fn by_id(r: &Registry) -> HashMap<&str, &PublisherEntry> {
            r.publishers.iter().map(|p| (p.id.as_str(), p)).collect()
        }
        let (old, new) = (by_id(before), by_id(after));
        let mut summary = ImportSummary::default();
        for p in &after.publishers {
            match old.get(p.id.as_str()) {
                None => summary.added.push(p.id.clone()),
                Some(was) if *was != p => summary.changed.push(p.id.clone()),
                Some(_) => {}
            }
        }
        summary.removed = before
            .publishers
            .iter()
            .filter(|p| !new.contains_key(p.id.as_str()))
            .map(|p| p.id.clone())
            .collect();
        summary
    }
}

/// The answer of [`import`].
#[derive(Debug)]
pub enum Imported {
    /// The text does not pass the checks: every problem, with line and column.
    Invalid(Vec<RegistryError>),
    /// The registry already says the same (no revision saved).
    Unchanged(i64),
    /// Saved as this revision.
    Saved(i64, ImportSummary),
}

/// Replaces the registry with a registry file's text (an operator's import, or the file
/// `commons serve --publishers` was given, at start), when it differs from the newest revision.
/// Publishers are compared whole: the order of the file is kept, but a file that only
/// reorders them changes nothing.
pub async fn import(
    catalog: &Catalog,
    text: &[u8],
    actor: &str,
    at: i64,
) -> Result<Imported, RegistryChangeError> {
    let after = match Registry::parse(text) {
        Ok(registry) => registry,
        Err(errors) => return Ok(Imported::Invalid(errors)),
    };
    // A stored registry that no longer passes the checks is replaced whole.
    let (from, before) = match load(catalog).await {
        Ok(stored) => (stored.number, stored.registry),
        Err(RegistryChangeError::Invalid(_)) => {
            (catalog.registry_number().await?, Registry::default())
        }
        Err(other) => return Err(other),
    };
    let summary = ImportSummary::between(&before, &after);
    if summary.is_empty() && from > 0 {
        return Ok(Imported::Unchanged(from));
    }
    let change = RegistryChange {
        action: "registry.import",
        target: "registry",
        before: Some(serde_json::json!({ "publishers": before.publishers.len() })),
        after: Some(serde_json::json!({
            "publishers": after.publishers.len(),
            "added": summary.added,
            "removed": summary.removed,
            "changed": summary.changed,
        })),
    };
    let number = save(
        catalog,
        (from, &before.publishers),
        after.publishers,
        change,
        actor,
        at,
    )
    .await?;
    Ok(Imported::Saved(number, summary))
}
