//! The catalog core: software entries, the organisations that publish them, the repositories
//! they come from, and every distinct publiccode.yml ever ingested (append-only revisions).
//!
//! [`Catalog`] stores them in SQLite (the embedded default, WAL mode, in the data directory) or
//! PostgreSQL (for several stateless servers). [`Catalog::ingest`] validates and records one
//! file in one transaction; an invalid file is kept as a revision with its errors while the
//! entry's last valid revision stays live. Every write takes the next number of a change
//! sequence ([`Catalog::changes_since`]), which lets each server replica keep its own search
//! index current. Publishers declare what an assessment cannot detect with tokens the catalog
//! issues ([`Catalog::issue_token`], [`Catalog::declare`]).
#![deny(missing_docs)]

mod access;
mod assessment;
mod audit;
mod backup;
mod crawl;
mod declarations;
mod error;
pub mod export;
mod federation;
mod hooks;
pub mod model;
mod presentation;
mod registry;
mod store;

pub use access::{
    Decision, LoginAttempt, MAX_PENDING_REQUESTS, NewPublishRequest, PublishRequest, RequestStatus,
    RoleGrant, RoleName, Session, person_actor, secret_hash,
};
pub use assessment::{NewAssessment, StoredAssessment};
pub use audit::{
    AuditEntry, AuditEvent, AuditQuery, AuditVerification, CATALOG_WRITER, GENESIS_HASH,
    OPERATOR_CLI, audit_hash, publisher_actor,
};
pub use backup::{
    BackupFormat, CatalogSummary, backup_format, backup_postgres, restore_postgres, restore_sqlite,
};
pub use crawl::*;
pub use declarations::{
    Declarant, DeclarationEvent, IssuedToken, NewDeclaration, PublisherToken, Refusal, Revocation,
    StoredDeclaration, TOKEN_PREFIX, TokenIdentity, TokenScope, Withdrawal,
};
pub use error::CatalogError;
pub use federation::{
    Listing, OpenCatalogEntry, OpenCatalogPage, OpenCatalogPublisher, OpenCatalogQuery, Via,
    WITHDRAWN_INACTIVE, WITHDRAWN_UNLISTED, organisation_uuid, software_uuid,
};
pub use hooks::{
    HOOK_SECRET_PREFIX, HookSecret, IssuedHookSecret, MAX_DELIVERY_ID_LEN, MIN_WEBHOOK_KEY_LEN,
    WeakKey, WebhookKey,
};
pub use model::*;
pub use presentation::{Presentation, PresentationChange};
pub use registry::{REGISTRY_REVISIONS_KEPT, RegistryChange, RegistryRevision, RegistrySave};
pub use store::{Backend, Catalog, Prepared};
