//! The crawler: finds the `publiccode.yml` of every repository of every registered publisher
//! on GitLab, GitHub, Gitea/Forgejo and plain git servers, and keeps the catalog current.
//!
//! - [`registry`]: the publishers registry (who publishes where), checked with positions.
//! - [`stored`]: the registry as the catalog's database keeps it (curated in the browser,
//!   imported from and exported to a registry file).
//! - [`http`]: the polite, capped, allowlisted HTTP client every request goes through.
//! - [`forge`]: the GitLab, GitHub and Gitea adapters, as each vendor documents its API.
//! - [`git`]: plain git over smart HTTP (HEAD check, shallow size-limited fetch, tree read).
//! - [`Crawler`]: discovery, the shared job queue, per-repository outcomes, recrawl of one
//!   repository for webhooks.
//! - assessing: after a repository is listed, its whole history is fetched and assessed
//!   (`commons_assess`), the result stored with the revision.
//! - [`webhook`]: GitHub and GitLab push webhooks (signature checks, payload parsing).
//! - [`worker`]: assessments in a child process with resource limits and a deadline.
#![deny(missing_docs)]

mod assessing;
mod crawl;
mod error;
pub mod forge;
pub mod gc;
pub mod git;
pub mod http;
pub mod registry;
pub mod stored;
pub mod webhook;

pub use crawl::{Crawler, CrawlerOptions, Progress, RepositoryReport, Silent, Summary};
pub use error::{CrawlError, FetchError};
pub use http::Limits;
pub use registry::{
    CatalogKind, Hosting, HostingKind, NotOwned, PeerCatalog, PublisherEntry, Registry,
    RegistryError,
};
