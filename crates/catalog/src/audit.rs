//! The audit log: who did what, when, to what, with the state before and after.
//!
//! **Append-only.** A row is appended by [`append`] inside the transaction of the write it
//! records, so the write and its record commit together or not at all. There is no update and
//! no delete in the code.
//!
//! **Hash chain.** Row `seq` stores `prev_hash` (the hash of row `seq - 1`; 64 zeros for the
//! first) and `hash`, the SHA-256 (hex) of the canonical encoding of (seq, at, actor, action,
//! target, before, after, prev_hash): a JSON array of those eight values, in that order, with
//! `before` and `after` as the JSON text stored (or null). [`Catalog::verify_audit_log`]
//! recomputes every hash, checks every link and that the numbers run 1, 2, 3... up to the
//! audit counter, so a row altered, removed or inserted is found.
//!
//! **One chain.** Appending takes the next number of the `audit` row of `counters` (an
//! `UPDATE ... RETURNING`): the row lock serialises appenders on PostgreSQL (several servers
//! never fork the chain: the second waits for the first to commit, then reads its hash), and
//! SQLite's write lock does the same. `prev_hash` is unique as well. The audit counter is
//! always taken after the change counter, so writers lock in one order.

use crate::error::CatalogError;
use crate::store::Catalog;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

/// The `prev_hash` of the first row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The actor of writes made from the operator's shell.
pub const OPERATOR_CLI: &str = "operator (cli)";

/// The actor of the catalog's own writes that follow the publishers registry or a file (an
/// organisation created or renamed by a crawl or an import).
pub const CATALOG_WRITER: &str = "catalog (registry or import)";

/// Who made a write: `publisher:<organisation> (token <id>)` for a publisher's token.
pub fn publisher_actor(organisation_id: &str, token_id: i64) -> String {
    format!("publisher:{organisation_id} (token {token_id})")
}

/// A write to record.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEvent<'a> {
    /// Who: a publisher's token, the operator, the crawler...
    pub actor: &'a str,
    /// What, as `noun.verb` (`token.issue`, `declaration.put`...).
    pub action: &'a str,
    /// To what (`token:12`, `software:ocha-kobo/dpg-privacy`, `organisation:unicef`).
    pub target: &'a str,
    /// The state before, when there was one.
    pub before: Option<serde_json::Value>,
    /// The state after, when there is one.
    pub after: Option<serde_json::Value>,
    /// When, in Unix seconds.
    pub at: i64,
}

/// A stored row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    /// Its number: 1, 2, 3... with no gap.
    pub seq: i64,
    /// When, in Unix seconds.
    pub at: i64,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// To what.
    pub target: String,
    /// The state before (JSON text).
    pub before: Option<String>,
    /// The state after (JSON text).
    pub after: Option<String>,
    /// The previous row's hash.
    pub prev_hash: String,
    /// This row's hash.
    pub hash: String,
}

/// Which rows to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Rows at or after this time (Unix seconds).
    pub since: Option<i64>,
    /// Only this actor's.
    pub actor: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Rows with a number below this one (to page backwards, newest first).
    pub before_seq: Option<i64>,
    /// At most this many rows.
    pub limit: i64,
}

/// What walking the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditVerification {
    /// Every row checked.
    Intact {
        /// How many rows.
        count: i64,
        /// The last row's hash (the genesis hash for an empty log): written down elsewhere, it
        /// lets a later check prove that the whole chain was not rewritten.
        head: String,
    },
    /// The first row (by number) where the chain breaks, and why.
    Broken {
        /// The number of the first bad row (for a removed row, the number that is missing).
        seq: i64,
        /// What is wrong.
        reason: String,
    },
}

/// The hash of a row: SHA-256 (hex) of the JSON array of its eight fields.
#[allow(clippy::too_many_arguments)]
pub fn audit_hash(
    seq: i64,
    at: i64,
    actor: &str,
    action: &str,
    target: &str,
    before: Option<&str>,
    after: Option<&str>,
    prev_hash: &str,
) -> String {
    let canonical = serde_json::json!([seq, at, actor, action, target, before, after, prev_hash]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

/// Appends `event` to the audit log inside `tx` (the transaction of the write it records);
/// returns its number.
pub(crate) async fn append(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    event: &AuditEvent<'_>,
) -> Result<i64, CatalogError> {
    let row =
        sqlx::query("UPDATE counters SET value = value + 1 WHERE name = 'audit' RETURNING value")
            .fetch_one(&mut **tx)
            .await?;
    let seq: i64 = row.try_get(0)?;
    let prev_hash = if seq == 1 {
        GENESIS_HASH.to_string()
    } else {
        let prev = sqlx::query("SELECT hash FROM audit_log WHERE seq = $1")
            .bind(seq - 1)
            .fetch_optional(&mut **tx)
            .await?;
        match prev {
            Some(r) => r.try_get::<String, _>(0)?,
            None => {
                return Err(CatalogError::Corrupt(format!(
                    "audit log row {} is missing: the chain cannot go on (run `commons audit \
                     verify`)",
                    seq - 1
                )));
            }
        }
    };
    let before = event.before.as_ref().map(|v| v.to_string());
    let after = event.after.as_ref().map(|v| v.to_string());
    let hash = audit_hash(
        seq,
        event.at,
        event.actor,
        event.action,
        event.target,
        before.as_deref(),
        after.as_deref(),
        &prev_hash,
    );
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor, action, target, before, after, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(seq)
    .bind(event.at)
    .bind(event.actor)
    .bind(event.action)
    .bind(event.target)
    .bind(before)
    .bind(after)
    .bind(prev_hash)
    .bind(hash)
    .execute(&mut **tx)
    .await?;
    Ok(seq)
}

const AUDIT_COLUMNS: &str = "seq, at, actor, action, target, before, after, prev_hash, hash";

fn entry_from_row(r: &AnyRow) -> Result<AuditEntry, CatalogError> {
    Ok(AuditEntry {
        seq: r.try_get(0)?,
        at: r.try_get(1)?,
        actor: r.try_get(2)?,
        action: r.try_get(3)?,
        target: r.try_get(4)?,
        before: r.try_get(5)?,
        after: r.try_get(6)?,
        prev_hash: r.try_get(7)?,
        hash: r.try_get(8)?,
    })
}

/// Rows read at once when the chain is walked.
const VERIFY_PAGE: i64 = 1000;

impl Catalog {
    /// Records `event` on its own (a write outside the catalog, or one with nothing else to
    /// commit with it); returns its number.
    pub async fn record_audit(&self, event: &AuditEvent<'_>) -> Result<i64, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let seq = append(&mut tx, event).await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// Rows of the audit log, newest first, filtered by `query`.
    pub async fn audit_entries(&self, query: &AuditQuery) -> Result<Vec<AuditEntry>, CatalogError> {
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_log \
             WHERE at >= $1 AND (actor = $2 OR $3 = 1) AND (action = $4 OR $5 = 1) \
             AND seq < $6 ORDER BY seq DESC LIMIT $7"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(query.since.unwrap_or(i64::MIN))
            .bind(query.actor.as_deref().unwrap_or(""))
            .bind(i64::from(query.actor.is_none()))
            .bind(query.action.as_deref().unwrap_or(""))
            .bind(i64::from(query.action.is_none()))
            .bind(query.before_seq.unwrap_or(i64::MAX))
            .bind(query.limit.max(0))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(entry_from_row).collect()
    }

    /// Walks the whole chain, oldest first, a page at a time: every number in order with no
    /// gap, every `prev_hash` the previous row's hash, every hash recomputed, and the last
    /// number the audit counter's.
    pub async fn verify_audit_log(&self) -> Result<AuditVerification, CatalogError> {
        let counter: i64 = sqlx::query("SELECT value FROM counters WHERE name = 'audit'")
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get(0))
            .transpose()?
            .ok_or_else(|| CatalogError::Corrupt("the audit counter is missing".into()))?;
        let mut expected_seq = 1;
        let mut prev_hash = GENESIS_HASH.to_string();
        loop {
            let sql = format!(
                "SELECT {AUDIT_COLUMNS} FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2"
            );
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(expected_seq)
                .bind(VERIFY_PAGE)
                .fetch_all(&self.pool)
                .await?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                let e = entry_from_row(row)?;
                if let Some(broken) = check_row(&e, expected_seq, &prev_hash) {
                    return Ok(broken);
                }
                prev_hash = e.hash;
                expected_seq += 1;
            }
        }
        // Rows numbered below 1 are not seen by the walk above.
        let stray = sqlx::query("SELECT MIN(seq) FROM audit_log WHERE seq < 1")
            .fetch_one(&self.pool)
            .await?
            .try_get::<Option<i64>, _>(0)?;
        if let Some(seq) = stray {
            return Ok(AuditVerification::Broken {
                seq,
                reason: "a row numbered below 1 was inserted".into(),
            });
        }
        let count = expected_seq - 1;
        if count < counter {
            return Ok(AuditVerification::Broken {
                seq: count + 1,
                reason: format!(
                    "the log ends at {count} but {counter} rows were appended: the last rows \
                     were removed"
                ),
            });
        }
        if count > counter {
            return Ok(AuditVerification::Broken {
                seq: counter + 1,
                reason: format!(
                    "only {counter} rows were appended but the log goes on to {count}: rows \
                     were inserted"
                ),
            });
        }
        Ok(AuditVerification::Intact {
            count,
            head: prev_hash,
        })
    }
}

/// What is wrong with row `e`, expected to be number `expected_seq` after a row hashed
/// `prev_hash`.
fn check_row(e: &AuditEntry, expected_seq: i64, prev_hash: &str) -> Option<AuditVerification> {
    let broken = |seq, reason: &str| {
        Some(AuditVerification::Broken {
            seq,
            reason: reason.to_string(),
        })
    };
    if e.seq != expected_seq {
        return broken(expected_seq, "this row is missing (removed)");
    }
    if e.prev_hash != prev_hash {
        return broken(
            e.seq,
            "its prev_hash is not the previous row's hash (a row was removed or inserted \
             before it, or the previous row was altered)",
        );
    }
    let hash = audit_hash(
        e.seq,
        e.at,
        &e.actor,
        &e.action,
        &e.target,
        e.before.as_deref(),
        e.after.as_deref(),
        &e.prev_hash,
    );
    if hash != e.hash {
        return broken(e.seq, "its contents do not match its hash (altered)");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_every_field_and_keeps_them_apart() {
        let base = audit_hash(1, 10, "a", "b", "c", None, Some("{}"), GENESIS_HASH);
        assert_eq!(base.len(), 64);
        assert_eq!(
            base,
            audit_hash(1, 10, "a", "b", "c", None, Some("{}"), GENESIS_HASH)
        );
        for other in [
            audit_hash(2, 10, "a", "b", "c", None, Some("{}"), GENESIS_HASH),
            audit_hash(1, 11, "a", "b", "c", None, Some("{}"), GENESIS_HASH),
            audit_hash(1, 10, "ab", "", "c", None, Some("{}"), GENESIS_HASH),
            audit_hash(1, 10, "a", "b", "c", Some("{}"), None, GENESIS_HASH),
            audit_hash(1, 10, "a", "b", "c", None, Some("null"), GENESIS_HASH),
            audit_hash(1, 10, "a", "b", "c", None, Some("{}"), &"1".repeat(64)),
        ] {
            assert_ne!(base, other);
        }
        // The encoding is a JSON array: a pinned value keeps it from drifting.
        let canonical = serde_json::json!([1, 10, "a", "b", "c", null, "{}", "x"]).to_string();
        assert_eq!(canonical, r#"[1,10,"a","b","c",null,"{}","x"]"#);
    }
}
