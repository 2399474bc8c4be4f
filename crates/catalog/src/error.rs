//! The catalog's errors. Bad publiccode.yml content is not an error here: it is stored as an
//! invalid revision. These are failures of the store itself.

/// Why a catalog operation failed.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The database failed or refused the operation.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// Stored JSON could not be read back.
    #[error("stored data: {0}")]
    Json(#[from] serde_json::Error),
    /// A stored value makes no sense.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// The database URL names an engine Commons does not support.
    #[error("unsupported database URL {0:?}: use postgres://... or sqlite://...")]
    UnsupportedDatabase(String),
    /// The entry, organisation or token named does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A publisher token may not make this declaration.
    #[error("refused: {0}")]
    Refused(#[from] crate::declarations::Refusal),
    /// The operating system's random number generator failed.
    #[error("random number generator: {0}")]
    Random(String),
    /// The data directory could not be used.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}
