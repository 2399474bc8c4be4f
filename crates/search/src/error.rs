//! Search errors.

use std::path::Path;

/// Why a search operation failed.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index failed.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index directory could not be used.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The query asks for something out of bounds.
    #[error("{0}")]
    BadQuery(String),
    /// Another process holds the index for writing.
    #[error("the search index at {0} is in use by another process (a running server?)")]
    Locked(String),
    /// A writer panicked earlier; the index must be reopened.
    #[error("the index writer is unusable after an earlier failure")]
    Poisoned,
}

impl SearchError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        SearchError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

impl From<tantivy::directory::error::OpenReadError> for SearchError {
    fn from(e: tantivy::directory::error::OpenReadError) -> Self {
        SearchError::Index(e.into())
    }
}
