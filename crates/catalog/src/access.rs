//! Who may do what: sessions of people signed in, sign-ins under way, roles, and requests to
//! publish.
//!
//! Secrets never reach the database: a session is found by the SHA-256 of its cookie and a
//! sign-in under way by the SHA-256 of its `state`. Every change made on someone's behalf
//! (a sign-in, a sign-out, a role granted or revoked, a request made or decided) is appended
//! to the audit log in the transaction that makes it.

use crate::audit::{AuditEvent, append};
use crate::error::CatalogError;
use crate::store::Catalog;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

/// The SHA-256 (hex) of a secret (a session cookie, a `state`): what the catalog stores.
pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// The audit actor of a person signed in.
pub fn person_actor(email: &str) -> String {
    format!("user:{email}")
}

/// A session of someone signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The provider's subject identifier.
    pub subject: String,
    /// The verified e-mail address, lower-case.
    pub email: String,
    /// The name to show.
    pub name: String,
    /// The token the session's forms carry.
    pub csrf: String,
    /// The provider's ID token, kept as the hint of its logout.
    pub id_token: Option<String>,
    /// When it began (Unix seconds).
    pub created_at: i64,
    /// When it ends (Unix seconds).
    pub expires_at: i64,
}

/// A sign-in under way: what the browser's return must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginAttempt {
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// The PKCE verifier sent with the code.
    pub pkce_verifier: String,
    /// The page to go back to (a path on this site).
    pub return_to: String,
    /// When it stops being accepted (Unix seconds).
    pub expires_at: i64,
}

/// A role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleName {
    /// Runs the catalog: grants roles, reads the audit log.
    Admin,
    /// Decides requests to publish, of every organisation or of one.
    Curator,
    /// Speaks for one organisation (a publisher).
    Member,
}

impl RoleName {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            RoleName::Admin => "admin",
            RoleName::Curator => "curator",
            RoleName::Member => "member",
        }
    }

    /// The role of a stored word.
    pub fn parse(word: &str) -> Option<RoleName> {
        match word {
            "admin" => Some(RoleName::Admin),
            "curator" => Some(RoleName::Curator),
            "member" => Some(RoleName::Member),
            _ => None,
        }
    }
}

/// A role given to someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleGrant {
    /// Its number.
    pub id: i64,
    /// To whom (an e-mail address, lower-case).
    pub email: String,
    /// Which role.
    pub role: RoleName,
    /// Over what: an organisation id, or empty for every organisation (admin, global curator).
    pub scope: String,
    /// Who gave it.
    pub granted_by: String,
    /// When (Unix seconds).
    pub granted_at: i64,
}

/// Where a request to publish stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RequestStatus {
    /// Waiting for a curator.
    Pending,
    /// Accepted: the requester speaks for the organisation.
    Accepted,
    /// Refused, with a reason.
    Refused,
}

impl RequestStatus {
    fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Accepted => "accepted",
            RequestStatus::Refused => "refused",
        }
    }

    fn parse(word: &str) -> Result<RequestStatus, CatalogError> {
        match word {
            "pending" => Ok(RequestStatus::Pending),
            "accepted" => Ok(RequestStatus::Accepted),
            "refused" => Ok(RequestStatus::Refused),
            other => Err(CatalogError::Corrupt(format!("request status {other:?}"))),
        }
    }
}

/// A request to publish, as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPublishRequest<'a> {
    /// The organisation's id (lower-case letters, digits and dashes).
    pub organisation_id: &'a str,
    /// The organisation's name.
    pub organisation: &'a str,
    /// The forge group or organisation URL to catalogue.
    pub forge_url: &'a str,
    /// Why the requester speaks for it (a page, a mandate, a colleague to ask).
    pub evidence: &'a str,
}

/// A stored request to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishRequest {
    /// Its number.
    pub id: i64,
    /// Who asked (an e-mail address).
    pub requester: String,
    /// The organisation's id.
    pub organisation_id: String,
    /// The organisation's name.
    pub organisation: String,
    /// The forge group URL.
    pub forge_url: String,
    /// The requester's evidence.
    pub evidence: String,
    /// Where it stands.
    pub status: RequestStatus,
    /// The curator's reason, once decided.
    pub reason: Option<String>,
    /// Who decided.
    pub decided_by: Option<String>,
    /// When it was asked (Unix seconds).
    pub created_at: i64,
    /// When it was decided.
    pub decided_at: Option<i64>,
}

/// A curator's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The requester speaks for the organisation: they become its member.
    Accept,
    /// Not catalogued.
    Refuse,
}

/// The columns [`grant_from_row`] reads, in its order.
macro_rules! grant_columns {
    () => {
        "id, email, role, scope, granted_by, granted_at"
    };
}

/// The columns [`session_from_row`] reads, in its order.
macro_rules! session_columns {
    () => {
        "subject, email, name, csrf, id_token, created_at, expires_at"
    };
}

fn session_from_row(r: &AnyRow) -> Result<Session, CatalogError> {
    Ok(Session {
        subject: r.try_get(0)?,
        email: r.try_get(1)?,
        name: r.try_get(2)?,
        csrf: r.try_get(3)?,
        id_token: r.try_get(4)?,
        created_at: r.try_get(5)?,
        expires_at: r.try_get(6)?,
    })
}

/// The columns [`request_from_row`] reads, in its order (a macro, so that queries stay
/// literal strings).
macro_rules! request_columns {
    () => {
        "id, requester, organisation_id, organisation, forge_url, evidence, status, reason, \
         decided_by, created_at, decided_at"
    };
}

fn request_from_row(r: &AnyRow) -> Result<PublishRequest, CatalogError> {
    Ok(PublishRequest {
        id: r.try_get(0)?,
        requester: r.try_get(1)?,
        organisation_id: r.try_get(2)?,
        organisation: r.try_get(3)?,
        forge_url: r.try_get(4)?,
        evidence: r.try_get(5)?,
        status: RequestStatus::parse(&r.try_get::<String, _>(6)?)?,
        reason: r.try_get(7)?,
        decided_by: r.try_get(8)?,
        created_at: r.try_get(9)?,
        decided_at: r.try_get(10)?,
    })
}

fn grant_from_row(r: &AnyRow) -> Result<RoleGrant, CatalogError> {
    let word: String = r.try_get(2)?;
    Ok(RoleGrant {
        id: r.try_get(0)?,
        email: r.try_get(1)?,
        role: RoleName::parse(&word)
            .ok_or_else(|| CatalogError::Corrupt(format!("role {word:?}")))?,
        scope: r.try_get(3)?,
        granted_by: r.try_get(4)?,
        granted_at: r.try_get(5)?,
    })
}

fn grant_json(grant: &RoleGrant) -> serde_json::Value {
    serde_json::json!({
        "email": grant.email,
        "role": grant.role.as_str(),
        "scope": grant.scope,
    })
}

/// Requests one person may have waiting at once: the queue is the curators' time, and a
/// flood of requests from one account would bury everyone else's.
pub const MAX_PENDING_REQUESTS: i64 = 5;

impl Catalog {
    /// Records a sign-in under way, found later by `state` (whose hash alone is stored).
    /// Expired attempts are swept at the same time.
    pub async fn begin_login(
        &self,
        state: &str,
        attempt: &LoginAttempt,
        now: i64,
    ) -> Result<(), CatalogError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM login_attempts WHERE expires_at <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO login_attempts (state_hash, nonce, pkce_verifier, return_to, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(secret_hash(state))
        .bind(&attempt.nonce)
        .bind(&attempt.pkce_verifier)
        .bind(&attempt.return_to)
        .bind(attempt.expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes the sign-in under way that `state` names: it is deleted, so a `state` is honoured
    /// once. `None` for an unknown, used or expired `state`.
    pub async fn take_login(
        &self,
        state: &str,
        now: i64,
    ) -> Result<Option<LoginAttempt>, CatalogError> {
        let row = sqlx::query(
            "DELETE FROM login_attempts WHERE state_hash = $1 \
             RETURNING nonce, pkce_verifier, return_to, expires_at",
        )
        .bind(secret_hash(state))
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let attempt = LoginAttempt {
            nonce: r.try_get(0)?,
            pkce_verifier: r.try_get(1)?,
            return_to: r.try_get(2)?,
            expires_at: r.try_get(3)?,
        };
        Ok((attempt.expires_at > now).then_some(attempt))
    }

    /// Opens a session found by `cookie` (whose hash alone is stored), recording the sign-in
    /// in the audit log. Expired sessions are swept at the same time.
    pub async fn open_session(
        &self,
        cookie: &str,
        session: &Session,
        now: i64,
    ) -> Result<(), CatalogError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (id_hash, subject, email, name, csrf, id_token, created_at, \
             expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(secret_hash(cookie))
        .bind(&session.subject)
        .bind(&session.email)
        .bind(&session.name)
        .bind(&session.csrf)
        .bind(session.id_token.as_deref())
        .bind(session.created_at)
        .bind(session.expires_at)
        .execute(&mut *tx)
        .await?;
        let actor = person_actor(&session.email);
        append(
            &mut tx,
            &AuditEvent {
                actor: &actor,
                action: "session.open",
                target: &format!("subject:{}", session.subject),
                before: None,
                after: Some(serde_json::json!({
                    "email": session.email,
                    "name": session.name,
                    "expiresAt": session.expires_at,
                })),
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The live session `cookie` opens, if any.
    pub async fn session(&self, cookie: &str, now: i64) -> Result<Option<Session>, CatalogError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            session_columns!(),
            " FROM sessions WHERE id_hash = $1 AND expires_at > $2"
        ))
        .bind(secret_hash(cookie))
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(session_from_row).transpose()
    }

    /// Ends the session `cookie` opens, recording the sign-out; `None` when there was none.
    pub async fn close_session(
        &self,
        cookie: &str,
        now: i64,
    ) -> Result<Option<Session>, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(concat!(
            "DELETE FROM sessions WHERE id_hash = $1 RETURNING ",
            session_columns!()
        ))
        .bind(secret_hash(cookie))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(None);
        };
        let session = session_from_row(&row)?;
        let actor = person_actor(&session.email);
        append(
            &mut tx,
            &AuditEvent {
                actor: &actor,
                action: "session.close",
                target: &format!("subject:{}", session.subject),
                before: Some(serde_json::json!({ "expiresAt": session.expires_at })),
                after: None,
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Some(session))
    }

    /// The roles given to `email`.
    pub async fn grants_of(&self, email: &str) -> Result<Vec<RoleGrant>, CatalogError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            grant_columns!(),
            " FROM role_grants WHERE email = $1 ORDER BY id"
        ))
        .bind(email)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(grant_from_row).collect()
    }

    /// Every role given, oldest first.
    pub async fn grants(&self) -> Result<Vec<RoleGrant>, CatalogError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            grant_columns!(),
            " FROM role_grants ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(grant_from_row).collect()
    }

    /// Gives `role` over `scope` to `email` on behalf of `actor`; giving it again changes
    /// nothing and returns the existing grant. A member's or scoped curator's organisation
    /// must exist ([`CatalogError::NotFound`]).
    pub async fn grant_role(
        &self,
        email: &str,
        role: RoleName,
        scope: &str,
        actor: &str,
        at: i64,
    ) -> Result<RoleGrant, CatalogError> {
        let mut tx = self.pool.begin().await?;
        if !scope.is_empty() {
            let known = sqlx::query("SELECT 1 FROM organisations WHERE id = $1")
                .bind(scope)
                .fetch_optional(&mut *tx)
                .await?;
            if known.is_none() {
                tx.rollback().await?;
                return Err(CatalogError::NotFound(format!(
                    "no organisation with id {scope:?}"
                )));
            }
        }
        let grant = insert_grant(&mut tx, email, role, scope, actor, at).await?;
        tx.commit().await?;
        Ok(grant)
    }

    /// Takes back grant `id` on behalf of `actor`; `None` when there is no such grant.
    pub async fn revoke_role(
        &self,
        id: i64,
        actor: &str,
        at: i64,
    ) -> Result<Option<RoleGrant>, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(concat!(
            "DELETE FROM role_grants WHERE id = $1 RETURNING ",
            grant_columns!()
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(None);
        };
        let grant = grant_from_row(&row)?;
        append(
            &mut tx,
            &AuditEvent {
                actor,
                action: "role.revoke",
                target: &format!("role:{id}"),
                before: Some(grant_json(&grant)),
                after: None,
                at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Some(grant))
    }

    /// Records a request to publish by `requester`; fails with [`CatalogError::Conflict`] when
    /// [`MAX_PENDING_REQUESTS`] of theirs wait already.
    pub async fn request_publishing(
        &self,
        requester: &str,
        request: &NewPublishRequest<'_>,
        at: i64,
    ) -> Result<PublishRequest, CatalogError> {
        let mut tx = self.pool.begin().await?;
        // One statement, so that a burst of requests cannot pass the bound together on SQLite
        // (one writer); on PostgreSQL concurrent ones may each see the count before the others.
        let row = sqlx::query(concat!(
            "INSERT INTO publish_requests (requester, organisation_id, organisation, forge_url, \
             evidence, status, created_at) SELECT $1, $2, $3, $4, $5, 'pending', $6 \
             WHERE (SELECT COUNT(*) FROM publish_requests \
                    WHERE requester = $1 AND status = 'pending') < $7 \
             RETURNING ",
            request_columns!()
        ))
        .bind(requester)
        .bind(request.organisation_id)
        .bind(request.organisation)
        .bind(request.forge_url)
        .bind(request.evidence)
        .bind(at)
        .bind(MAX_PENDING_REQUESTS)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Err(CatalogError::Conflict(format!(
                "{MAX_PENDING_REQUESTS} of your requests are waiting for a curator already: \
                 wait for their decision before asking again"
            )));
        };
        let stored = request_from_row(&row)?;
        append(
            &mut tx,
            &AuditEvent {
                actor: &person_actor(requester),
                action: "request.create",
                target: &format!("request:{}", stored.id),
                before: None,
                after: Some(serde_json::json!({
                    "organisationId": stored.organisation_id,
                    "organisation": stored.organisation,
                    "forgeUrl": stored.forge_url,
                    "evidence": stored.evidence,
                    "status": "pending",
                })),
                at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Requests to publish: those of `requester` when given, else every one; pending first,
    /// then newest first.
    pub async fn publish_requests(
        &self,
        requester: Option<&str>,
    ) -> Result<Vec<PublishRequest>, CatalogError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            request_columns!(),
            " FROM publish_requests WHERE requester = $1 OR $2 = 1 \
             ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, id DESC LIMIT 500"
        ))
        .bind(requester.unwrap_or(""))
        .bind(i64::from(requester.is_none()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(request_from_row).collect()
    }

    /// One request to publish.
    pub async fn publish_request(&self, id: i64) -> Result<Option<PublishRequest>, CatalogError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            request_columns!(),
            " FROM publish_requests WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(request_from_row).transpose()
    }

    /// Decides a pending request on behalf of `actor`, with a reason. Accepting creates the
    /// organisation when the catalog does not have it yet and makes the requester its member,
    /// in the same transaction, as is `registry`, the publishers registry with the forge group
    /// added (see [`Catalog::save_registry`]). Fails with [`CatalogError::NotFound`] when
    /// there is no such pending request (unknown, or decided already: a decision is made
    /// once), and with [`CatalogError::Conflict`] when the registry changed meanwhile: then
    /// nothing is decided.
    pub async fn decide_request(
        &self,
        id: i64,
        decision: Decision,
        reason: &str,
        registry: Option<&crate::RegistrySave<'_>>,
        actor: &str,
        at: i64,
    ) -> Result<PublishRequest, CatalogError> {
        let status = match decision {
            Decision::Accept => RequestStatus::Accepted,
            Decision::Refuse => RequestStatus::Refused,
        };
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(concat!(
            "UPDATE publish_requests SET status = $2, reason = $3, decided_by = $4, \
             decided_at = $5 WHERE id = $1 AND status = 'pending' RETURNING ",
            request_columns!()
        ))
        .bind(id)
        .bind(status.as_str())
        .bind(reason)
        .bind(actor)
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Err(CatalogError::NotFound(format!(
                "no pending request to publish numbered {id}"
            )));
        };
        let request = request_from_row(&row)?;
        if let Some(save) = registry.filter(|_| decision == Decision::Accept) {
            crate::registry::save_registry_in(&mut tx, save, actor, at).await?;
        }
        append(
            &mut tx,
            &AuditEvent {
                actor,
                action: "request.decide",
                target: &format!("request:{id}"),
                before: Some(serde_json::json!({ "status": "pending" })),
                after: Some(serde_json::json!({ "status": status.as_str(), "reason": reason })),
                at,
            },
        )
        .await?;
        if decision == Decision::Accept {
            crate::store::ensure_organisation(
                &mut tx,
                &request.organisation_id,
                &request.organisation,
                actor,
                at,
            )
            .await?;
            insert_grant(
                &mut tx,
                &request.requester,
                RoleName::Member,
                &request.organisation_id,
                actor,
                at,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(request)
    }
}

/// Inserts a grant unless it exists, recording it; returns the grant either way.
async fn insert_grant(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    email: &str,
    role: RoleName,
    scope: &str,
    actor: &str,
    at: i64,
) -> Result<RoleGrant, CatalogError> {
    let existing = sqlx::query(concat!(
        "SELECT ",
        grant_columns!(),
        " FROM role_grants WHERE email = $1 AND role = $2 AND scope = $3"
    ))
    .bind(email)
    .bind(role.as_str())
    .bind(scope)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(row) = existing {
        return grant_from_row(&row);
    }
    let row = sqlx::query(concat!(
        "INSERT INTO role_grants (email, role, scope, granted_by, granted_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING ",
        grant_columns!()
    ))
    .bind(email)
    .bind(role.as_str())
    .bind(scope)
    .bind(actor)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    let grant = grant_from_row(&row)?;
    append(
        tx,
        &AuditEvent {
            actor,
            action: "role.grant",
            target: &format!("role:{}", grant.id),
            before: None,
            after: Some(grant_json(&grant)),
            at,
        },
    )
    .await?;
    Ok(grant)
}
