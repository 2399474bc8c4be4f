//! The catalog in other catalogs' formats: CodeMeta 3 JSON-LD and schema.org per entry,
//! DCAT-AP 3 in Turtle and a JSON dump for the whole catalog.
//!
//! The server's export endpoints and `commons export` both use these writers, so the two
//! give the same bytes. Whole-catalog exports are written in pieces ([`Export::next_chunk`]),
//! one page of entries at a time: memory stays bounded by a page and the organisations,
//! whatever the catalog's size. No HTTP and no files here: the caller sends or writes.

pub mod codemeta;
pub mod dcat;
pub mod dump;
mod languages;

use crate::error::CatalogError;
use crate::model::Software;
use crate::store::Catalog;

/// Entries read from the store at once.
pub const PAGE_SIZE: i64 = 200;

/// A whole-catalog format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogFormat {
    /// The JSON dump ([`dump`]).
    Json,
    /// DCAT-AP 3 in Turtle ([`dcat`]).
    DcatAp,
}

/// Listed entries with a live model, in id order, a page at a time.
#[derive(Debug, Default)]
pub struct ListedPages {
    after: Option<String>,
    done: bool,
}

impl ListedPages {
    /// The next page, or `None` after the last.
    pub async fn next_page(
        &mut self,
        catalog: &Catalog,
    ) -> Result<Option<Vec<Software>>, CatalogError> {
        if self.done {
            return Ok(None);
        }
        let page = catalog
            .software_page(self.after.as_deref(), PAGE_SIZE, false)
            .await?;
        match page.last() {
            Some(last) => self.after = Some(last.id.clone()),
            None => {
                self.done = true;
                return Ok(None);
            }
        }
        Ok(Some(
            page.into_iter()
                .filter(|s| s.listed && s.publiccode.is_some())
                .collect(),
        ))
    }
}

enum Writer {
    Json(dump::JsonDump),
    DcatAp(Box<dcat::DcatWriter>),
}

enum Stage {
    Start,
    Entries,
    Done,
}

/// A whole-catalog export in progress.
pub struct Export {
    writer: Writer,
    stage: Stage,
    pages: ListedPages,
}

impl Export {
    /// An export in `format`, from the start.
    pub fn new(format: CatalogFormat) -> Export {
        Export {
            writer: match format {
                CatalogFormat::Json => Writer::Json(dump::JsonDump::default()),
                CatalogFormat::DcatAp => Writer::DcatAp(Box::default()),
            },
            stage: Stage::Start,
            pages: ListedPages::default(),
        }
    }

    /// The next piece of the document, or `None` when it is whole.
    pub async fn next_chunk(&mut self, catalog: &Catalog) -> Result<Option<Vec<u8>>, CatalogError> {
        match self.stage {
            Stage::Start => {
                self.stage = Stage::Entries;
                let organisations = catalog.organisations().await?;
                Ok(Some(match &mut self.writer {
                    Writer::Json(json) => json.start(&organisations, catalog.max_seq().await?),
                    Writer::DcatAp(dcat) => {
                        let latest = catalog.recently_updated(None, 1).await?;
                        dcat.start(&organisations, latest.first().map(|s| s.updated_at))
                    }
                }))
            }
            Stage::Entries => match self.pages.next_page(catalog).await? {
                Some(page) => Ok(Some(match &mut self.writer {
                    Writer::Json(json) => {
                        let revisions: Vec<i64> =
                            page.iter().filter_map(|s| s.live_revision_id).collect();
                        json.entries(&page, &catalog.raws(&revisions).await?)
                    }
                    Writer::DcatAp(dcat) => dcat.entries(&page),
                })),
                None => {
                    self.stage = Stage::Done;
                    Ok(Some(match &mut self.writer {
                        Writer::Json(json) => json.finish(),
                        Writer::DcatAp(dcat) => dcat.finish(),
                    }))
                }
            },
            Stage::Done => Ok(None),
        }
    }
}
