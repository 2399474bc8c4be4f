//! The crawler: finds the `publiccode.yml` of every repository of every registered publisher
//! on GitLab, GitHub, Gitea/Forgejo and plain git servers, and keeps the catalog current.
//!
//! - [`registry`]: the publishers registry (who publishes where), checked with positions.
#![deny(missing_docs)]

pub mod registry;

pub use registry::{Hosting, HostingKind, PublisherEntry, Registry, RegistryError};
