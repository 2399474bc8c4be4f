//! Full-text and faceted search over catalog entries, with tantivy.
//!
//! [`SearchIndex`] indexes each entry's names and descriptions in every language the entry has,
//! each language with its own analysis (stemming for English, French, Spanish, Russian and
//! Arabic; character bigrams for Chinese; see [`analysis`]). A query in any language is matched
//! against all of them, with typo tolerance, and answered with highlighted snippets and facet
//! counts. The catalog's database is the source of truth: the index can be rebuilt from it at
//! any time, and each commit records the catalog change number it reflects, so a server replica
//! can resume following the catalog's changes.
#![deny(missing_docs)]

pub mod analysis;
mod error;
mod facet_bits;
mod index;
mod query;
mod snippet;
mod typo;
pub mod vectors;
mod words;

pub use commons_report::Facets;
pub use error::SearchError;
pub use index::{
    EMBEDDED_TEXT_BYTES, EmbeddingSource, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS,
    MEANING_CANDIDATES, MEANING_MIN_SIMILARITY, OpenState, Rebuild, ScoreMedians, SearchDocument,
    SearchIndex, based_on_link, depends_on_link, facet_values, links_of, security_band, sort_key,
    vitality_band,
};
pub use query::{
    Facet, Filters, Fragment, Hit, MeaningMatch, SearchQuery, SearchResults, Similar, Sort,
};
pub use vectors::{Nearest, VectorInput, VectorStore, VectorsOpened, text_hash};
