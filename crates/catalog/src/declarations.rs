//! Publishers' declarations: what an assessment cannot detect in a repository (SDG relevance,
//! privacy and applicable laws, do no harm...), stated by the organisation that publishes the
//! entry, through the API, with a token issued to it.
//!
//! **Tokens.** [`Catalog::issue_token`] draws 32 bytes from the operating system's CSPRNG and
//! returns `cmn_` followed by their unpadded URL-safe base64: that text is shown once and never
//! stored; the catalog keeps its SHA-256 (hex) only, and [`Catalog::authenticate`] looks a
//! token up by that hash. A revoked token is kept (the declarations made with it name it) but
//! authenticates no more.
//!
//! **Declarations.** Append-only, like revisions: every declaration and every withdrawal is a
//! row, newest last. The current declaration of an item is the item's latest row when that row
//! declares and was made by the organisation that publishes the entry now (an entry that
//! changed hands does not carry its former publisher's statements). A declaration or a
//! withdrawal is one transaction that takes a change number, as every write to an entry does;
//! it checks again, inside the transaction, that the token is live and belongs to the entry's
//! organisation.
//!
//! The catalog does not know which item ids exist (the assessment does): callers check them.

use crate::audit::{AuditEvent, append, publisher_actor};
use crate::error::CatalogError;
use crate::store::{Catalog, next_seq};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

/// What every publisher token starts with, so that a token found in a log or a repository is
/// recognised for what it is.
pub const TOKEN_PREFIX: &str = "cmn_";

/// Random bytes in a token.
const TOKEN_BYTES: usize = 32;

/// Length of a token's text: the prefix and 32 bytes in unpadded base64 (43 characters).
const TOKEN_LEN: usize = TOKEN_PREFIX.len() + (TOKEN_BYTES * 4).div_ceil(3);

/// What a publisher's token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenScope {
    /// Declare and withdraw declarations about the organisation's entries.
    Declarations,
    /// That, and ask the catalog to read one of the organisation's repositories again.
    Publishing,
}

impl TokenScope {
    /// Every scope, narrowest first.
    pub const ALL: [TokenScope; 2] = [TokenScope::Declarations, TokenScope::Publishing];

    /// The scope's word, as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Declarations => "declarations",
            TokenScope::Publishing => "publishing",
        }
    }

    /// The scope a word names.
    pub fn parse(word: &str) -> Option<TokenScope> {
        TokenScope::ALL.into_iter().find(|s| s.as_str() == word)
    }

    /// Whether a token of this scope may declare (every scope may).
    pub fn may_declare(self) -> bool {
        true
    }

    /// Whether a token of this scope may ask for a repository to be read again.
    pub fn may_publish(self) -> bool {
        self == TokenScope::Publishing
    }

    fn stored(word: &str) -> Result<TokenScope, CatalogError> {
        TokenScope::parse(word)
            .ok_or_else(|| CatalogError::Corrupt(format!("token scope {word:?}")))
    }
}

/// A token just issued. `secret` is the only copy there will ever be: show it once.
#[derive(Clone)]
pub struct IssuedToken {
    /// The token's id (to list and revoke it).
    pub id: i64,
    /// The organisation it speaks for.
    pub organisation_id: String,
    /// What the operator called it.
    pub label: Option<String>,
    /// When it was issued, in Unix seconds.
    pub created_at: i64,
    /// When it stops authenticating, in Unix seconds (`None`: when revoked).
    pub expires_at: Option<i64>,
    /// What it may do.
    pub scope: TokenScope,
    /// The token itself (`cmn_...`).
    pub secret: String,
}

impl std::fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuedToken")
            .field("id", &self.id)
            .field("organisation_id", &self.organisation_id)
            .field("label", &self.label)
            .field("created_at", &self.created_at)
            .field("expires_at", &self.expires_at)
            .field("scope", &self.scope)
            .field("secret", &"<redacted>")
            .finish()
    }
}

/// A stored token, without its secret (the catalog does not have it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublisherToken {
    /// Its id.
    pub id: i64,
    /// The organisation it speaks for.
    pub organisation_id: String,
    /// What the operator called it.
    pub label: Option<String>,
    /// When it was issued, in Unix seconds.
    pub created_at: i64,
    /// When it stops authenticating, in Unix seconds (`None`: when revoked).
    pub expires_at: Option<i64>,
    /// When it was revoked, in Unix seconds.
    pub revoked_at: Option<i64>,
    /// What it may do.
    pub scope: TokenScope,
    /// How many declarations and withdrawals were made with it.
    pub uses: i64,
    /// When it was last used for one, in Unix seconds.
    pub last_used_at: Option<i64>,
}

/// Who a live token speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenIdentity {
    /// The token's id.
    pub token_id: i64,
    /// Its organisation.
    pub organisation_id: String,
    /// What it may do.
    pub scope: TokenScope,
}

/// What revoking a token did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revocation {
    /// It was live; it is revoked from now on.
    Revoked,
    /// It had been revoked already, at that time (Unix seconds); nothing changed.
    AlreadyRevoked(i64),
    /// There is no token with this id.
    Unknown,
}

/// Why a publisher token may not write a declaration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The token was revoked (or never existed).
    #[error("the token is revoked or unknown")]
    TokenNotLive,
    /// The token speaks for another organisation than the one that publishes the entry.
    #[error(
        "the token speaks for organisation {token:?}; this entry is published by {}",
        entry.as_deref().map_or("no organisation".to_string(), |e| format!("{e:?}"))
    )]
    OtherOrganisation {
        /// The token's organisation.
        token: String,
        /// The entry's organisation, when it has one.
        entry: Option<String>,
    },
}

/// What a publisher declares about one item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewDeclaration {
    /// Who declares (a name).
    pub by: String,
    /// Their role or title.
    pub role: Option<String>,
    /// What they state.
    pub statement: Option<String>,
    /// A link to the supporting document.
    pub url: Option<String>,
    /// True when they declare that the item does not apply.
    pub not_applicable: bool,
}

/// A stored declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredDeclaration {
    /// Its id (declarations and withdrawals share one sequence).
    pub id: i64,
    /// The entry.
    pub software_id: String,
    /// The item (`dpg-sdg-relevance`, `un-open-by-default`...).
    pub item: String,
    /// Who declared.
    pub by: String,
    /// Their role or title.
    pub role: Option<String>,
    /// What they state.
    pub statement: Option<String>,
    /// A link to the supporting document.
    pub url: Option<String>,
    /// True when the item is declared not applicable.
    pub not_applicable: bool,
    /// When, in Unix seconds.
    pub declared_at: i64,
    /// The token it was made with, when made through the API.
    pub token_id: Option<i64>,
    /// The member who made it in the browser (their e-mail address), when so made.
    pub member: Option<String>,
    /// The organisation that declared (the token's, or the member's).
    pub organisation_id: String,
}

/// A stored withdrawal: from then on the item has no current declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Withdrawal {
    /// Its id (declarations and withdrawals share one sequence).
    pub id: i64,
    /// The entry.
    pub software_id: String,
    /// The item.
    pub item: String,
    /// When, in Unix seconds.
    pub withdrawn_at: i64,
    /// The token it was made with, when made through the API.
    pub token_id: Option<i64>,
    /// The member who made it in the browser, when so made.
    pub member: Option<String>,
    /// The organisation that withdrew (the token's, or the member's).
    pub organisation_id: String,
}

/// Who writes a declaration or a withdrawal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declarant<'a> {
    /// A publisher's API token, by its id (it must be live and be the entry's organisation's).
    Token(i64),
    /// A member of an organisation signed in, whose membership the caller checked; the entry
    /// must be that organisation's.
    Member {
        /// Their e-mail address.
        email: &'a str,
        /// The organisation they are a member of.
        organisation: &'a str,
    },
}

impl Declarant<'_> {
    fn token_id(self) -> Option<i64> {
        match self {
            Declarant::Token(id) => Some(id),
            Declarant::Member { .. } => None,
        }
    }

    fn member(self) -> Option<String> {
        match self {
            Declarant::Token(_) => None,
            Declarant::Member { email, .. } => Some(email.to_string()),
        }
    }

    fn actor(self, organisation: &str) -> String {
        match self {
            Declarant::Token(id) => publisher_actor(organisation, id),
            Declarant::Member { email, .. } => crate::access::person_actor(email),
        }
    }
}

/// One row of an entry's declaration history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "camelCase")]
pub enum DeclarationEvent {
    /// A declaration.
    Declared(StoredDeclaration),
    /// A withdrawal.
    Withdrawn(Withdrawal),
}

const DECLARATION_COLUMNS: &str = "d.id, d.software_id, d.item, d.withdrawal, d.declared_by, \
     d.role, d.statement, d.url, d.not_applicable, d.declared_at, d.token_id, d.organisation_id, \
     d.member";

/// The SHA-256 (hex) of a token: what the catalog stores and looks up.
fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether `token` has the shape of a token this catalog issues (checked before any lookup).
fn well_formed(token: &str) -> bool {
    token.len() == TOKEN_LEN
        && token.starts_with(TOKEN_PREFIX)
        && token[TOKEN_PREFIX.len()..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A new token's text: 32 bytes from the operating system's CSPRNG.
fn new_token() -> Result<String, CatalogError> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| CatalogError::Random(e.to_string()))?;
    Ok(format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes)))
}

impl Catalog {
    /// Issues a token for an organisation, on behalf of `actor` (recorded in the audit log in
    /// the same transaction); fails with [`CatalogError::NotFound`] when the catalog has no
    /// such organisation. The returned secret is not stored anywhere.
    pub async fn issue_token(
        &self,
        organisation_id: &str,
        label: Option<&str>,
        at: i64,
        actor: &str,
    ) -> Result<IssuedToken, CatalogError> {
        self.issue_token_until(
            organisation_id,
            label,
            (None, TokenScope::Declarations),
            at,
            actor,
        )
        .await
    }

    /// Issues a token as [`Catalog::issue_token`] does, that stops authenticating at
    /// `expires_at` (Unix seconds; `None`: when revoked) and may do what `scope` allows.
    pub async fn issue_token_until(
        &self,
        organisation_id: &str,
        label: Option<&str>,
        (expires_at, scope): (Option<i64>, TokenScope),
        at: i64,
        actor: &str,
    ) -> Result<IssuedToken, CatalogError> {
        let secret = new_token()?;
        let mut tx = self.pool.begin().await?;
        // One statement: the organisation is checked and the token written at once.
        let row = sqlx::query(
            "INSERT INTO publisher_tokens (organisation_id, label, token_hash, created_at, \
             expires_at, scope) SELECT id, $2, $3, $4, $5, $6 FROM organisations WHERE id = $1 \
             RETURNING id",
        )
        .bind(organisation_id)
        .bind(label)
        .bind(token_hash(&secret))
        .bind(at)
        .bind(expires_at)
        .bind(scope.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Err(CatalogError::NotFound(format!(
                "no organisation with id {organisation_id:?}"
            )));
        };
        let id: i64 = row.try_get(0)?;
        let target = format!("token:{id}");
        append(
            &mut tx,
            &AuditEvent {
                actor,
                action: "token.issue",
                target: &target,
                before: None,
                after: Some(serde_json::json!({
                    "organisationId": organisation_id,
                    "label": label,
                    "createdAt": at,
                    "expiresAt": expires_at,
                    "scope": scope.as_str(),
                })),
                at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(IssuedToken {
            id,
            organisation_id: organisation_id.to_string(),
            label: label.map(str::to_string),
            created_at: at,
            expires_at,
            scope,
            secret,
        })
    }

    /// Every token (of one organisation, when given), oldest first, without secrets.
    pub async fn publisher_tokens(
        &self,
        organisation_id: Option<&str>,
    ) -> Result<Vec<PublisherToken>, CatalogError> {
        let rows = sqlx::query(
            "SELECT t.id, t.organisation_id, t.label, t.created_at, t.revoked_at, t.expires_at, \
             (SELECT COUNT(*) FROM declarations d WHERE d.token_id = t.id), \
             (SELECT MAX(d.declared_at) FROM declarations d WHERE d.token_id = t.id), t.scope \
             FROM publisher_tokens t WHERE t.organisation_id = $1 OR $2 = 1 ORDER BY t.id",
        )
        .bind(organisation_id.unwrap_or(""))
        .bind(i64::from(organisation_id.is_none()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PublisherToken {
                    id: r.try_get(0)?,
                    organisation_id: r.try_get(1)?,
                    label: r.try_get(2)?,
                    created_at: r.try_get(3)?,
                    revoked_at: r.try_get(4)?,
                    expires_at: r.try_get(5)?,
                    uses: r.try_get(6)?,
                    last_used_at: r.try_get(7)?,
                    scope: TokenScope::stored(&r.try_get::<String, _>(8)?)?,
                })
            })
            .collect()
    }

    /// Revokes a token from `at` on, on behalf of `actor` (recorded in the audit log in the
    /// same transaction). Revoking a revoked token changes nothing and records nothing.
    pub async fn revoke_token(
        &self,
        token_id: i64,
        at: i64,
        actor: &str,
    ) -> Result<Revocation, CatalogError> {
        let mut tx = self.pool.begin().await?;
        // The write first: on SQLite it takes the write lock before anything is read.
        let revoked = sqlx::query(
            "UPDATE publisher_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL \
             RETURNING organisation_id",
        )
        .bind(token_id)
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        let outcome = if let Some(revoked) = revoked {
            let organisation_id: String = revoked.try_get(0)?;
            let target = format!("token:{token_id}");
            append(
                &mut tx,
                &AuditEvent {
                    actor,
                    action: "token.revoke",
                    target: &target,
                    before: Some(serde_json::json!({
                        "organisationId": organisation_id,
                        "revokedAt": null,
                    })),
                    after: Some(serde_json::json!({
                        "organisationId": organisation_id,
                        "revokedAt": at,
                    })),
                    at,
                },
            )
            .await?;
            Revocation::Revoked
        } else {
            let row = sqlx::query("SELECT revoked_at FROM publisher_tokens WHERE id = $1")
                .bind(token_id)
                .fetch_optional(&mut *tx)
                .await?;
            match row {
                Some(r) => Revocation::AlreadyRevoked(r.try_get::<Option<i64>, _>(0)?.ok_or_else(
                    || CatalogError::Corrupt(format!("token {token_id} neither live nor revoked")),
                )?),
                None => Revocation::Unknown,
            }
        };
        tx.commit().await?;
        Ok(outcome)
    }

    /// Who a token speaks for at `now`: `None` when it is not one of this catalog's live
    /// tokens (malformed, unknown, revoked or expired). The token is looked up by its hash only.
    pub async fn authenticate(
        &self,
        token: &str,
        now: i64,
    ) -> Result<Option<TokenIdentity>, CatalogError> {
        if !well_formed(token) {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT id, organisation_id, scope FROM publisher_tokens \
             WHERE token_hash = $1 AND revoked_at IS NULL \
             AND (expires_at IS NULL OR expires_at > $2)",
        )
        .bind(token_hash(token))
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(TokenIdentity {
                token_id: r.try_get(0)?,
                organisation_id: r.try_get(1)?,
                scope: TokenScope::stored(&r.try_get::<String, _>(2)?)?,
            })
        })
        .transpose()
    }

    /// Records a declaration about `item` of an entry, made with token `token_id` at `at`, in
    /// one transaction that takes a change number. Fails with [`CatalogError::NotFound`] for
    /// an unknown entry, and [`CatalogError::Refused`] when the token is not live or speaks for
    /// another organisation than the entry's (checked again here, whatever the caller did).
    pub async fn declare(
        &self,
        software_id: &str,
        item: &str,
        declaration: &NewDeclaration,
        token_id: i64,
        at: i64,
    ) -> Result<StoredDeclaration, CatalogError> {
        self.declare_as(
            software_id,
            item,
            declaration,
            Declarant::Token(token_id),
            at,
        )
        .await
    }

    /// Records a declaration like [`Catalog::declare`], made by `declarant`: a token, or a
    /// member of the entry's organisation signed in.
    pub async fn declare_as(
        &self,
        software_id: &str,
        item: &str,
        declaration: &NewDeclaration,
        declarant: Declarant<'_>,
        at: i64,
    ) -> Result<StoredDeclaration, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let seq = next_seq(&mut tx).await?;
        let organisation_id = writer_organisation(&mut tx, software_id, declarant, at).await?;
        let before = current_of_item(&mut tx, software_id, item).await?;
        let row = sqlx::query(
            "INSERT INTO declarations (software_id, item, withdrawal, declared_by, role, \
             statement, url, not_applicable, organisation_id, token_id, declared_at, member) \
             VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(software_id)
        .bind(item)
        .bind(&declaration.by)
        .bind(&declaration.role)
        .bind(&declaration.statement)
        .bind(&declaration.url)
        .bind(i64::from(declaration.not_applicable))
        .bind(&organisation_id)
        .bind(declarant.token_id())
        .bind(at)
        .bind(declarant.member())
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get(0)?;
        touch(&mut tx, software_id, seq).await?;
        let stored = StoredDeclaration {
            id,
            software_id: software_id.to_string(),
            item: item.to_string(),
            by: declaration.by.clone(),
            role: declaration.role.clone(),
            statement: declaration.statement.clone(),
            url: declaration.url.clone(),
            not_applicable: declaration.not_applicable,
            declared_at: at,
            token_id: declarant.token_id(),
            member: declarant.member(),
            organisation_id,
        };
        let actor = declarant.actor(&stored.organisation_id);
        let target = declaration_target(software_id, item);
        append(
            &mut tx,
            &AuditEvent {
                actor: &actor,
                action: "declaration.put",
                target: &target,
                before: before.map(serde_json::to_value).transpose()?,
                after: Some(serde_json::to_value(&stored)?),
                at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Withdraws the current declaration of `item` of an entry, with token `token_id` at
    /// `at`, in one transaction that takes a change number: a withdrawal row is appended, the
    /// declaration stays in the history. `None` when the item has no current declaration
    /// (nothing is written). Fails like [`Catalog::declare`].
    pub async fn withdraw(
        &self,
        software_id: &str,
        item: &str,
        token_id: i64,
        at: i64,
    ) -> Result<Option<Withdrawal>, CatalogError> {
        self.withdraw_as(software_id, item, Declarant::Token(token_id), at)
            .await
    }

    /// Withdraws like [`Catalog::withdraw`], on behalf of `declarant`.
    pub async fn withdraw_as(
        &self,
        software_id: &str,
        item: &str,
        declarant: Declarant<'_>,
        at: i64,
    ) -> Result<Option<Withdrawal>, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let seq = next_seq(&mut tx).await?;
        let organisation_id = writer_organisation(&mut tx, software_id, declarant, at).await?;
        let Some(current) = current_of_item(&mut tx, software_id, item).await? else {
            tx.rollback().await?;
            return Ok(None);
        };
        let row = sqlx::query(
            "INSERT INTO declarations (software_id, item, withdrawal, organisation_id, token_id, \
             declared_at, member) VALUES ($1, $2, 1, $3, $4, $5, $6) RETURNING id",
        )
        .bind(software_id)
        .bind(item)
        .bind(&organisation_id)
        .bind(declarant.token_id())
        .bind(at)
        .bind(declarant.member())
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get(0)?;
        touch(&mut tx, software_id, seq).await?;
        let withdrawal = Withdrawal {
            id,
            software_id: software_id.to_string(),
            item: item.to_string(),
            withdrawn_at: at,
            token_id: declarant.token_id(),
            member: declarant.member(),
            organisation_id,
        };
        let actor = declarant.actor(&withdrawal.organisation_id);
        let target = declaration_target(software_id, item);
        append(
            &mut tx,
            &AuditEvent {
                actor: &actor,
                action: "declaration.withdraw",
                target: &target,
                before: Some(serde_json::to_value(&current)?),
                after: Some(serde_json::to_value(&withdrawal)?),
                at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Some(withdrawal))
    }

    /// The current declarations of an entry, by item id order.
    pub async fn current_declarations(
        &self,
        software_id: &str,
    ) -> Result<Vec<StoredDeclaration>, CatalogError> {
        let sql =
            format!("SELECT {DECLARATION_COLUMNS} FROM declarations d {CURRENT} ORDER BY d.item");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(software_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| match event_from_row(r)? {
                DeclarationEvent::Declared(d) => Ok(d),
                DeclarationEvent::Withdrawn(w) => Err(CatalogError::Corrupt(format!(
                    "withdrawal {} taken for a declaration",
                    w.id
                ))),
            })
            .collect()
    }

    /// Every declaration and withdrawal about an entry, oldest first.
    pub async fn declaration_history(
        &self,
        software_id: &str,
    ) -> Result<Vec<DeclarationEvent>, CatalogError> {
        let sql = format!(
            "SELECT {DECLARATION_COLUMNS} FROM declarations d WHERE d.software_id = $1 ORDER BY d.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(software_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(event_from_row).collect()
    }
}

/// The current declarations of entry `$1`: each item's latest row, when it declares and was
/// made by the entry's organisation now.
const CURRENT: &str = "JOIN software s ON s.id = d.software_id \
     WHERE d.software_id = $1 AND d.withdrawal = 0 AND d.organisation_id = s.organisation_id \
     AND d.id = (SELECT MAX(l.id) FROM declarations l \
                 WHERE l.software_id = d.software_id AND l.item = d.item)";

/// The audit log's name for an entry's item.
fn declaration_target(software_id: &str, item: &str) -> String {
    format!("software:{software_id}/declarations/{item}")
}

/// The current declaration of one item of an entry, read inside a write.
async fn current_of_item(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    software_id: &str,
    item: &str,
) -> Result<Option<StoredDeclaration>, CatalogError> {
    let sql = format!("SELECT {DECLARATION_COLUMNS} FROM declarations d {CURRENT} AND d.item = $2");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(software_id)
        .bind(item)
        .fetch_optional(&mut **tx)
        .await?;
    match row.as_ref().map(event_from_row).transpose()? {
        Some(DeclarationEvent::Declared(d)) => Ok(Some(d)),
        Some(DeclarationEvent::Withdrawn(w)) => Err(CatalogError::Corrupt(format!(
            "withdrawal {} taken for a declaration",
            w.id
        ))),
        None => Ok(None),
    }
}

/// Checks, inside a write, that the entry exists and that the token is live and speaks for the
/// entry's organisation; returns that organisation.
async fn writer_organisation(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    software_id: &str,
    declarant: Declarant<'_>,
    at: i64,
) -> Result<String, CatalogError> {
    let entry = sqlx::query("SELECT organisation_id FROM software WHERE id = $1")
        .bind(software_id)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(entry) = entry else {
        return Err(CatalogError::NotFound(format!(
            "no software with id {software_id:?}"
        )));
    };
    let entry_organisation: Option<String> = entry.try_get(0)?;
    let token_id = match declarant {
        Declarant::Token(id) => id,
        Declarant::Member { organisation, .. } => {
            if entry_organisation.as_deref() != Some(organisation) {
                return Err(Refusal::OtherOrganisation {
                    token: organisation.to_string(),
                    entry: entry_organisation,
                }
                .into());
            }
            return Ok(organisation.to_string());
        }
    };
    let token = sqlx::query(
        "SELECT organisation_id FROM publisher_tokens WHERE id = $1 AND revoked_at IS NULL \
         AND (expires_at IS NULL OR expires_at > $2)",
    )
    .bind(token_id)
    .bind(at)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(token) = token else {
        return Err(Refusal::TokenNotLive.into());
    };
    let token_organisation: String = token.try_get(0)?;
    if entry_organisation.as_deref() != Some(token_organisation.as_str()) {
        return Err(Refusal::OtherOrganisation {
            token: token_organisation,
            entry: entry_organisation,
        }
        .into());
    }
    Ok(token_organisation)
}

/// Gives the entry the write's change number, so that every replica sees the change.
async fn touch(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    software_id: &str,
    seq: i64,
) -> Result<(), CatalogError> {
    sqlx::query("UPDATE software SET seq = $2 WHERE id = $1")
        .bind(software_id)
        .bind(seq)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn event_from_row(r: &AnyRow) -> Result<DeclarationEvent, CatalogError> {
    let id: i64 = r.try_get(0)?;
    let software_id: String = r.try_get(1)?;
    let item: String = r.try_get(2)?;
    let at: i64 = r.try_get(9)?;
    let token_id: Option<i64> = r.try_get(10)?;
    let organisation_id: String = r.try_get(11)?;
    let member: Option<String> = r.try_get(12)?;
    if r.try_get::<i64, _>(3)? != 0 {
        return Ok(DeclarationEvent::Withdrawn(Withdrawal {
            id,
            software_id,
            item,
            withdrawn_at: at,
            token_id,
            member,
            organisation_id,
        }));
    }
    let by: Option<String> = r.try_get(4)?;
    Ok(DeclarationEvent::Declared(StoredDeclaration {
        id,
        software_id,
        item,
        by: by.ok_or_else(|| CatalogError::Corrupt(format!("declaration {id} names nobody")))?,
        role: r.try_get(5)?,
        statement: r.try_get(6)?,
        url: r.try_get(7)?,
        not_applicable: r.try_get::<i64, _>(8)? != 0,
        declared_at: at,
        token_id,
        member,
        organisation_id,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_prefixed_url_safe_and_well_formed() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with("cmn_"), "{a}");
        assert_eq!(a.len(), 4 + 43);
        assert!(well_formed(&a));
        assert!(
            a[4..]
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_eq!(URL_SAFE_NO_PAD.decode(&a[4..]).unwrap().len(), 32);
    }

    #[test]
    fn malformed_tokens_are_refused_before_any_lookup() {
        let good = new_token().unwrap();
        assert!(!well_formed(""));
        assert!(!well_formed(&good[1..]));
        assert!(!well_formed(&format!("{good}x")));
        assert!(!well_formed(&good.replacen("cmn_", "xyz_", 1)));
        assert!(!well_formed(&format!("cmn_{}", "é".repeat(21))));
        assert!(!well_formed(&format!("cmn_{}+", "a".repeat(42))));
    }

    #[test]
    fn the_stored_hash_is_sha256_hex_and_the_debug_text_has_no_secret() {
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let issued = IssuedToken {
            id: 1,
            organisation_id: "unicef".into(),
            label: None,
            created_at: 0,
            expires_at: None,
            scope: TokenScope::Publishing,
            secret: new_token().unwrap(),
        };
        let shown = format!("{issued:?}");
        assert!(!shown.contains(&issued.secret), "{shown}");
        assert!(shown.contains("redacted"));
    }

    #[test]
    fn scopes_read_back_from_their_words() {
        for scope in TokenScope::ALL {
            assert_eq!(TokenScope::parse(scope.as_str()), Some(scope));
            assert!(scope.may_declare());
        }
        assert!(TokenScope::Publishing.may_publish());
        assert!(!TokenScope::Declarations.may_publish());
        assert_eq!(TokenScope::parse("admin"), None);
        assert!(TokenScope::stored("admin").is_err());
    }
}
