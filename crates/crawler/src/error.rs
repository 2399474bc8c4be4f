//! The crawler's errors.

use commons_catalog::CrawlOutcomeKind;

/// Why fetching something from a forge or git server failed. Each maps to a per-repository
/// outcome; none stops the crawl.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Network failure, timeout, stall, 5xx after retries.
    #[error("unreachable: {0}")]
    Unreachable(String),
    /// Rate limited for longer than the crawler waits.
    #[error("{0}")]
    RateLimited(String),
    /// Larger than the limit.
    #[error("too large: {0}")]
    TooLarge(String),
    /// Not there (404, empty repository, no publiccode.yml).
    #[error("not found: {0}")]
    NotFound(String),
    /// Refused by a trust rule, or an answer that breaks the protocol.
    #[error("refused: {0}")]
    Refused(String),
}

impl FetchError {
    /// The outcome to record.
    pub fn outcome(&self) -> CrawlOutcomeKind {
        match self {
            Self::Unreachable(_) | Self::RateLimited(_) => CrawlOutcomeKind::Unreachable,
            Self::TooLarge(_) => CrawlOutcomeKind::TooLarge,
            Self::NotFound(_) => CrawlOutcomeKind::NotFound,
            Self::Refused(_) => CrawlOutcomeKind::Refused,
        }
    }

    /// The detail to record.
    pub fn detail(&self) -> String {
        match self {
            Self::Unreachable(m)
            | Self::RateLimited(m)
            | Self::TooLarge(m)
            | Self::NotFound(m)
            | Self::Refused(m) => m.clone(),
        }
    }
}

/// Why a crawl could not run at all (per-repository failures are outcomes, not errors).
#[derive(Debug, thiserror::Error)]
pub enum CrawlError {
    /// The catalog failed.
    #[error("catalog: {0}")]
    Catalog(commons_catalog::CatalogError),
    /// The HTTP client could not be built, or similar setup failure.
    #[error("{0}")]
    Setup(String),
    /// A repository that no publisher of the registry hosts.
    #[error("{0} is not hosted by any publisher of the registry")]
    UnknownRepository(String),
    /// A text that is not a repository URL.
    #[error("{url:?} is not a repository URL: {reason}")]
    BadUrl {
        /// The text, as given.
        url: String,
        /// Why.
        reason: commons_publiccode::UrlError,
    },
    /// The forge answered for a repository that is not the publisher's.
    #[error("refused: {0}")]
    NotOwned(#[from] crate::registry::NotOwned),
}

/// By hand rather than `#[from]`, which would also make the catalog error the `source()` that
/// the message already prints.
impl From<commons_catalog::CatalogError> for CrawlError {
    fn from(e: commons_catalog::CatalogError) -> Self {
        CrawlError::Catalog(e)
    }
}
