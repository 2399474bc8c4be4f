//! Keeps a replica's search index current with the catalog.
//!
//! The catalog numbers every write (its change sequence); the index records, in each commit,
//! the number it reflects. Catching up is "apply every entry changed after that number", in
//! change order, in batches; applying an entry twice is harmless (upsert or delete by id), so
//! a crash between a batch and its commit only repeats work.

use crate::card::Card;
use commons_catalog::{Catalog, CatalogError, Software};
use commons_search::{OpenState, SearchDocument, SearchIndex, SearchQuery};
use std::sync::Arc;

/// Why the index could not be brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Reading the catalog failed.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// Writing or reading the index failed.
    #[error(transparent)]
    Search(#[from] commons_search::SearchError),
    /// The blocking task that writes the index stopped (it panicked or was cancelled).
    #[error("the index writer stopped: {0}")]
    Writer(#[from] tokio::task::JoinError),
}

const BATCH: i64 = 500;

/// The index document of an entry, when it is listed.
pub fn document_of(software: &Software) -> Option<SearchDocument> {
    if !software.listed {
        return None;
    }
    let publiccode = software.publiccode.clone()?;
    Some(SearchDocument {
        id: software.id.clone(),
        organisation_id: software.organisation_id.clone(),
        updated_at: software.updated_at,
        publiccode,
        scores: software
            .assessment_facets
            .as_ref()
            .and_then(|f| serde_json::from_value(f.clone()).ok()),
        card: Card::of(software)
            .map(|card| card.encode())
            .unwrap_or_default(),
        labels: crate::vocabulary::labels_of(software.publiccode.as_ref()?),
    })
}

/// Brings an index just opened up to date with the catalog: rebuilds it when it was created
/// or recreated, or when the cards it stores are of another format (written by an older
/// version, they would show results without what this version adds); otherwise applies the
/// changes since its last commit. Returns the number of entries applied.
pub async fn bring_up_to_date(
    catalog: &Catalog,
    index: &Arc<SearchIndex>,
    state: OpenState,
) -> Result<usize, IndexError> {
    let current = if state == OpenState::Opened {
        let opened = Arc::clone(index);
        tokio::task::spawn_blocking(move || cards_are_current(&opened)).await??
    } else {
        false
    };
    if current {
        catch_up(catalog, index).await
    } else {
        rebuild(catalog, index).await
    }
}

/// Whether the index's cards are of this version's format, judged by one of them (every
/// write goes through [`document_of`], and a rebuild rewrites them all). An empty index is
/// current.
fn cards_are_current(index: &SearchIndex) -> Result<bool, IndexError> {
    let one = SearchQuery {
        limit: 1,
        ..SearchQuery::default()
    };
    let results = index.search(&one)?;
    Ok(results.hits.iter().all(|hit| {
        hit.card
            .as_deref()
            .is_some_and(|card| Card::decode(card).is_some())
    }))
}

/// Applies every catalog change after the index's change number; returns how many entries
/// were applied.
pub async fn catch_up(catalog: &Catalog, index: &Arc<SearchIndex>) -> Result<usize, IndexError> {
    let mut applied = 0;
    loop {
        let from = index.indexed_seq()?;
        let changes = catalog.changes_since(from, BATCH).await?;
        let Some(last) = changes.last().map(|s| s.seq) else {
            return Ok(applied);
        };
        applied += changes.len();
        // One pass: each listed entry's document (the model is cloned once), every other id.
        let mut docs: Vec<SearchDocument> = Vec::new();
        let mut gone: Vec<String> = Vec::new();
        for software in &changes {
            match document_of(software) {
                Some(doc) => docs.push(doc),
                None => gone.push(software.id.clone()),
            }
        }
        let index = Arc::clone(index);
        tokio::task::spawn_blocking(move || -> Result<(), commons_search::SearchError> {
            if !gone.is_empty() {
                index.delete(&gone, if docs.is_empty() { Some(last) } else { None })?;
            }
            if !docs.is_empty() {
                index.upsert(&docs, Some(last))?;
            }
            Ok(())
        })
        .await??;
    }
}

/// Rebuilds the whole index from the catalog; returns the number of entries indexed.
pub async fn rebuild(catalog: &Catalog, index: &Arc<SearchIndex>) -> Result<usize, IndexError> {
    // The change number is read first: anything written during the rebuild is newer and will
    // be applied again by the follower, which is harmless.
    let seq = catalog.max_seq().await?;
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<Vec<SearchDocument>>(2);
    let writer_index = Arc::clone(index);
    let writer =
        tokio::task::spawn_blocking(move || -> Result<usize, commons_search::SearchError> {
            let mut rebuild = writer_index.begin_rebuild()?;
            while let Some(batch) = receiver.blocking_recv() {
                rebuild.add(&batch)?;
            }
            rebuild.commit(seq)
        });
    let mut after: Option<String> = None;
    loop {
        let page = catalog
            .software_page(after.as_deref(), BATCH, false)
            .await?;
        let Some(last) = page.last() else { break };
        after = Some(last.id.clone());
        let docs: Vec<SearchDocument> = page.iter().filter_map(document_of).collect();
        if sender.send(docs).await.is_err() {
            break; // the writer failed; its error is reported below
        }
    }
    drop(sender);
    let count = writer.await??;
    Ok(count)
}
