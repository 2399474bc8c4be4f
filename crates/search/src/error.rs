//! Search errors.

use std::path::Path;

/// Why a search operation failed. Each message says its cause, which is therefore not also a
/// `source()` (a chain printer would show it twice).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index failed.
    #[error("search index: {0}")]
    Index(tantivy::TantivyError),
    /// The index directory could not be used.
    #[error("{path}: {cause}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        cause: std::io::Error,
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
    pub(crate) fn io(path: &Path, cause: std::io::Error) -> Self {
        SearchError::Io {
            path: path.display().to_string(),
            cause,
        }
    }
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Index(e)
    }
}

impl From<tantivy::directory::error::OpenReadError> for SearchError {
    fn from(e: tantivy::directory::error::OpenReadError) -> Self {
        SearchError::Index(e.into())
    }
}
