//! The catalog's errors. Bad publiccode.yml content is not an error here: it is stored as an
//! invalid revision. These are failures of the store itself.
//!
//! Each message already says its cause, so no variant also gives it as `source()`: a printer
//! that walks the chain (`{:#}`) would show it twice ("database: X: X").

/// Why a catalog operation failed.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The database failed or refused the operation.
    #[error("database: {0}")]
    Database(sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("migration: {0}")]
    Migration(sqlx::migrate::MigrateError),
    /// Stored JSON could not be read back.
    #[error("stored data: {0}")]
    Json(serde_json::Error),
    /// A stored value makes no sense.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// The database URL names an engine Commons does not support.
    #[error("unsupported database URL {0:?}: use postgres://... or sqlite://...")]
    UnsupportedDatabase(String),
    /// The entry, organisation or token named does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The change was prepared from a state that another writer changed meanwhile.
    #[error("{0}")]
    Conflict(String),
    /// A publisher token may not make this declaration.
    #[error("refused: {0}")]
    Refused(crate::declarations::Refusal),
    /// The operating system's random number generator failed.
    #[error("random number generator: {0}")]
    Random(String),
    /// A backup or restore cannot be made or used.
    #[error("{0}")]
    Backup(String),
    /// The data directory could not be used.
    #[error("{path}: {cause}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        cause: std::io::Error,
    },
}

macro_rules! from_cause {
    ($($cause:ty => $variant:ident),* $(,)?) => {
        $(impl From<$cause> for CatalogError {
            fn from(cause: $cause) -> Self {
                CatalogError::$variant(cause)
            }
        })*
    };
}

from_cause! {
    sqlx::Error => Database,
    sqlx::migrate::MigrateError => Migration,
    serde_json::Error => Json,
    crate::declarations::Refusal => Refused,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cause shows once when the whole chain is printed.
    #[test]
    fn causes_print_once() {
        let error = CatalogError::from(sqlx::Error::PoolClosed);
        let cause = sqlx::Error::PoolClosed.to_string();
        assert!(std::error::Error::source(&error).is_none());
        assert_eq!(error.to_string().matches(&cause).count(), 1);
        let io = CatalogError::Io {
            path: "/data".into(),
            cause: std::io::Error::other("disk full"),
        };
        assert!(std::error::Error::source(&io).is_none());
        assert_eq!(io.to_string(), "/data: disk full");
    }
}
