//! Federation: what the catalog keeps to speak the Software Catalog API (the Open Catalog API
//! that Developers Italia and others run) in both directions.
//!
//! - Being read: each entry has a UUID ([`software_uuid`]), its id in that API, and pages by
//!   creation time then id ([`Catalog::open_catalog_page`]).
//! - Reading peers: a file pulled from a peer catalog is ingested with a [`Via`]. One
//!   repository is one entry whatever its sources; the source whose file the entry shows is
//!   the direct crawl when Commons crawls the repository itself (it reads the file where it is
//!   published, at a known commit, and can assess the repository), otherwise the first peer
//!   that listed it and still does. Every peer that lists the entry is kept as a [`Listing`]
//!   (provenance: which catalog, its id there, when it was read). When the peer that is an
//!   entry's source marks it inactive or stops listing it, the entry is withdrawn: unlisted,
//!   with the reason, its revisions kept ([`Catalog::withdraw_from_catalog`]); listed again
//!   if the peer lists it again.

use crate::error::CatalogError;
use crate::store::{Catalog, next_seq};
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::{HashMap, HashSet};

/// Why a peer's entry was withdrawn: the peer marked it inactive.
pub const WITHDRAWN_INACTIVE: &str = "inactive";
/// Why a peer's entry was withdrawn: the peer no longer lists it.
pub const WITHDRAWN_UNLISTED: &str = "unlisted";

/// The entry's id in the Software Catalog API: a UUID in the version-4 form that API requires,
/// derived from the entry's id (a hash, so every copy and every replica of the catalog gives
/// the same one, and a restored catalog keeps its ids).
pub fn software_uuid(software_id: &str) -> String {
    uuid_for("software", software_id)
}

/// An organisation's id in the Software Catalog API (a publisher there), derived like
/// [`software_uuid`].
pub fn organisation_uuid(organisation_id: &str) -> String {
    uuid_for("organisation", organisation_id)
}

fn uuid_for(kind: &str, id: &str) -> String {
    let digest = Sha256::digest(format!("commons/{kind}/{id}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = hex::encode(bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The peer catalog a file was read through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Via {
    /// The peer's id in the publishers registry.
    pub catalog_id: String,
    /// Its display name.
    pub catalog_name: String,
    /// Its API base URL.
    pub catalog_url: String,
    /// The entry's id in the peer catalog.
    pub remote_id: String,
    /// When the peer was read, Unix seconds.
    pub fetched_at: i64,
}

/// A peer catalog that lists an entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listing {
    /// The peer's id in the publishers registry.
    pub catalog_id: String,
    /// Its display name.
    pub catalog_name: String,
    /// Its API base URL.
    pub catalog_url: String,
    /// The entry's id there.
    pub remote_id: String,
    /// When it was last read there, Unix seconds.
    pub fetched_at: i64,
    /// Whether the entry shows this peer's copy of the file.
    pub source: bool,
}

/// One entry as the Software Catalog API shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCatalogEntry {
    /// Its UUID.
    pub uuid: String,
    /// The catalog's own id.
    pub software_id: String,
    /// The repository.
    pub url: String,
    /// The repository's former URLs.
    pub aliases: Vec<String>,
    /// The publiccode.yml as published: the live revision, else the latest.
    pub publiccode_yml: String,
    /// Listed.
    pub active: bool,
    /// The organisation.
    pub organisation_id: Option<String>,
    /// First ingestion, Unix seconds.
    pub created_at: i64,
    /// Last change, Unix seconds.
    pub updated_at: i64,
}

/// A page request of the Software Catalog API's software list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenCatalogQuery {
    /// Entries after this (creation time, id), in that order.
    pub after: Option<(i64, String)>,
    /// Entries before this (creation time, id).
    pub before: Option<(i64, String)>,
    /// Page size.
    pub size: u32,
    /// Unlisted entries too.
    pub all: bool,
    /// Created at or after, Unix seconds.
    pub from: Option<i64>,
    /// Created at or before, Unix seconds.
    pub to: Option<i64>,
    /// Only the entry with this repository URL (current or former), in normal form.
    pub url: Option<String>,
}

/// A page of entries, in (creation time, id) order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenCatalogPage {
    /// The entries.
    pub entries: Vec<OpenCatalogEntry>,
    /// Whether entries come before the first.
    pub more_before: bool,
    /// Whether entries come after the last.
    pub more_after: bool,
}

/// An organisation as the Software Catalog API shows it (a publisher).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCatalogPublisher {
    /// Its UUID.
    pub uuid: String,
    /// The catalog's own id (the API's `alternativeId`).
    pub id: String,
    /// Its name.
    pub name: String,
    /// First seen, Unix seconds.
    pub created_at: i64,
    /// Its last change or its entries' last, Unix seconds.
    pub updated_at: i64,
    /// Its listed entries.
    pub listed: i64,
}

const ENTRY_COLUMNS: &str = "s.uuid, s.id, s.repository_url, r.raw, s.listed, s.organisation_id, \
     s.created_at, s.updated_at";

fn entry_from_row(row: &AnyRow) -> Result<OpenCatalogEntry, CatalogError> {
    Ok(OpenCatalogEntry {
        uuid: row.try_get(0)?,
        software_id: row.try_get(1)?,
        url: row.try_get(2)?,
        aliases: Vec::new(),
        publiccode_yml: row.try_get::<Option<String>, _>(3)?.unwrap_or_default(),
        active: row.try_get::<i64, _>(4)? != 0,
        organisation_id: row.try_get(5)?,
        created_at: row.try_get(6)?,
        updated_at: row.try_get(7)?,
    })
}

impl Catalog {
    /// Gives every entry that has none its UUID (entries written before federation existed).
    pub(crate) async fn fill_missing_uuids(&self) -> Result<(), CatalogError> {
        loop {
            let rows = sqlx::query("SELECT id FROM software WHERE uuid IS NULL LIMIT 1000")
                .fetch_all(&self.pool)
                .await?;
            if rows.is_empty() {
                return Ok(());
            }
            let mut tx = self.pool.begin().await?;
            for row in &rows {
                let id: String = row.try_get(0)?;
                sqlx::query("UPDATE software SET uuid = $2 WHERE id = $1")
                    .bind(&id)
                    .bind(software_uuid(&id))
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        }
    }

    /// Records a file read through a peer catalog (see the module documentation for which
    /// source an entry shows).
    pub async fn ingest_via(
        &self,
        request: &crate::IngestRequest,
        prepared: &crate::Prepared,
        via: &Via,
    ) -> Result<crate::IngestOutcome, CatalogError> {
        self.ingest_from(request, prepared, Some(via)).await
    }

    /// A page of entries in the Software Catalog API's order (creation time, then id).
    pub async fn open_catalog_page(
        &self,
        query: &OpenCatalogQuery,
    ) -> Result<OpenCatalogPage, CatalogError> {
        let size = i64::from(query.size.clamp(1, 100));
        let backwards = query.before.is_some() && query.after.is_none();
        let (cursor_test, order) = match (&query.after, backwards) {
            (Some(_), _) => (
                "(s.created_at > $1 OR (s.created_at = $1 AND s.id > $2))",
                "ASC",
            ),
            (None, true) => (
                "(s.created_at < $1 OR (s.created_at = $1 AND s.id < $2))",
                "DESC",
            ),
            (None, false) => ("$1 = $1 AND $2 = $2", "ASC"),
        };
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM software s \
             LEFT JOIN revisions r ON r.id = COALESCE(s.live_revision_id, s.latest_revision_id) \
             WHERE {cursor_test} AND (s.listed = 1 OR $3 = 1) \
             AND s.created_at >= $4 AND s.created_at <= $5 \
             AND ($6 = '' OR s.repository_url = $6 OR s.id IN \
                  (SELECT software_id FROM software_aliases WHERE alias_url = $6)) \
             ORDER BY s.created_at {order}, s.id {order} LIMIT $7"
        );
        let (cursor_time, cursor_id) = query
            .after
            .clone()
            .or_else(|| query.before.clone())
            .unwrap_or((0, String::new()));
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(cursor_time)
            .bind(cursor_id)
            .bind(i64::from(query.all))
            .bind(query.from.unwrap_or(i64::MIN))
            .bind(query.to.unwrap_or(i64::MAX))
            .bind(query.url.clone().unwrap_or_default())
            .bind(size + 1)
            .fetch_all(&self.pool)
            .await?;
        let mut entries = rows
            .iter()
            .map(entry_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        let more = entries.len() as i64 > size;
        entries.truncate(size as usize);
        if backwards {
            entries.reverse();
        }
        self.attach_aliases(&mut entries).await?;
        Ok(OpenCatalogPage {
            entries,
            more_before: if backwards {
                more
            } else {
                query.after.is_some()
            },
            more_after: if backwards { true } else { more },
        })
    }

    /// One entry by its UUID, listed or not.
    pub async fn open_catalog_entry(
        &self,
        uuid: &str,
    ) -> Result<Option<OpenCatalogEntry>, CatalogError> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM software s \
             LEFT JOIN revisions r ON r.id = COALESCE(s.live_revision_id, s.latest_revision_id) \
             WHERE s.uuid = $1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(uuid)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let mut entries = vec![entry_from_row(&row)?];
        self.attach_aliases(&mut entries).await?;
        Ok(entries.pop())
    }

    async fn attach_aliases(&self, entries: &mut [OpenCatalogEntry]) -> Result<(), CatalogError> {
        if entries.is_empty() {
            return Ok(());
        }
        let placeholders: Vec<String> = (1..=entries.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT software_id, alias_url FROM software_aliases WHERE software_id IN ({}) \
             ORDER BY created_at, alias_url",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for entry in entries.iter() {
            query = query.bind(&entry.software_id);
        }
        let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
        for row in query.fetch_all(&self.pool).await? {
            aliases
                .entry(row.try_get(0)?)
                .or_default()
                .push(row.try_get(1)?);
        }
        for entry in entries {
            entry.aliases = aliases.remove(&entry.software_id).unwrap_or_default();
        }
        Ok(())
    }

    /// Every organisation, in the Software Catalog API's order (creation time, then id).
    pub async fn open_catalog_publishers(&self) -> Result<Vec<OpenCatalogPublisher>, CatalogError> {
        let rows = sqlx::query(
            "SELECT o.id, o.name, o.created_at, COALESCE(c.updated, o.created_at), \
             COALESCE(c.listed, 0) FROM organisations o LEFT JOIN \
             (SELECT organisation_id, MAX(updated_at) AS updated, SUM(listed) AS listed \
              FROM software GROUP BY organisation_id) c ON c.organisation_id = o.id \
             ORDER BY o.created_at, o.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get(0)?;
                Ok(OpenCatalogPublisher {
                    uuid: organisation_uuid(&id),
                    id,
                    name: r.try_get(1)?,
                    created_at: r.try_get(2)?,
                    updated_at: r.try_get(3)?,
                    listed: r.try_get(4)?,
                })
            })
            .collect()
    }

    /// The repository URLs of some organisations' entries (listed or not), by organisation.
    pub async fn repository_urls_of(
        &self,
        organisation_ids: &[String],
    ) -> Result<HashMap<String, Vec<String>>, CatalogError> {
        let mut urls: HashMap<String, Vec<String>> = HashMap::new();
        for chunk in organisation_ids.chunks(100) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|n| format!("${n}")).collect();
            let sql = format!(
                "SELECT organisation_id, repository_url FROM software \
                 WHERE organisation_id IN ({}) ORDER BY repository_url",
                placeholders.join(", ")
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for id in chunk {
                query = query.bind(id);
            }
            for row in query.fetch_all(&self.pool).await? {
                urls.entry(row.try_get(0)?)
                    .or_default()
                    .push(row.try_get(1)?);
            }
        }
        Ok(urls)
    }

    /// The peer catalogs that list an entry, by name.
    pub async fn listings(&self, software_id: &str) -> Result<Vec<Listing>, CatalogError> {
        let rows = sqlx::query(
            "SELECT l.catalog_id, l.catalog_name, l.catalog_url, l.remote_id, l.fetched_at, \
             CASE WHEN s.via_catalog = l.catalog_id THEN 1 ELSE 0 END \
             FROM catalog_listings l JOIN software s ON s.id = l.software_id \
             WHERE l.software_id = $1 ORDER BY l.catalog_name, l.catalog_id",
        )
        .bind(software_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Listing {
                    catalog_id: r.try_get(0)?,
                    catalog_name: r.try_get(1)?,
                    catalog_url: r.try_get(2)?,
                    remote_id: r.try_get(3)?,
                    fetched_at: r.try_get(4)?,
                    source: r.try_get::<i64, _>(5)? != 0,
                })
            })
            .collect()
    }

    /// Why an entry's peer source withdrew it ([`WITHDRAWN_INACTIVE`] or
    /// [`WITHDRAWN_UNLISTED`]), when it did.
    pub async fn withdrawn(&self, software_id: &str) -> Result<Option<String>, CatalogError> {
        let row = sqlx::query("SELECT withdrawn FROM software WHERE id = $1")
            .bind(software_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.try_get(0)).transpose()?.flatten())
    }

    /// After a complete read of peer `catalog_id`: its listings of entries it no longer lists
    /// actively are dropped, and the entries it was the source of are withdrawn (unlisted,
    /// revisions kept), as [`WITHDRAWN_INACTIVE`] when it marks them inactive, else
    /// [`WITHDRAWN_UNLISTED`]. One transaction. Returns the entries withdrawn, with why.
    pub async fn withdraw_from_catalog(
        &self,
        catalog_id: &str,
        active: &HashSet<String>,
        inactive: &HashSet<String>,
    ) -> Result<Vec<(String, &'static str)>, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let listed = sqlx::query("SELECT software_id FROM catalog_listings WHERE catalog_id = $1")
            .bind(catalog_id)
            .fetch_all(&mut *tx)
            .await?;
        for row in &listed {
            let id: String = row.try_get(0)?;
            if !active.contains(&id) {
                sqlx::query(
                    "DELETE FROM catalog_listings WHERE software_id = $1 AND catalog_id = $2",
                )
                .bind(&id)
                .bind(catalog_id)
                .execute(&mut *tx)
                .await?;
            }
        }
        let sourced = sqlx::query(
            "SELECT id FROM software WHERE via_catalog = $1 AND withdrawn IS NULL ORDER BY id",
        )
        .bind(catalog_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut withdrawn = Vec::new();
        for row in &sourced {
            let id: String = row.try_get(0)?;
            if active.contains(&id) {
                continue;
            }
            let why = if inactive.contains(&id) {
                WITHDRAWN_INACTIVE
            } else {
                WITHDRAWN_UNLISTED
            };
            let seq = next_seq(&mut tx).await?;
            sqlx::query("UPDATE software SET listed = 0, withdrawn = $2, seq = $3 WHERE id = $1")
                .bind(&id)
                .bind(why)
                .bind(seq)
                .execute(&mut *tx)
                .await?;
            withdrawn.push((id, why));
        }
        tx.commit().await?;
        Ok(withdrawn)
    }
}

/// Records (or refreshes) a peer's listing of an entry.
pub(crate) async fn upsert_listing(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    software_id: &str,
    via: &Via,
) -> Result<(), CatalogError> {
    sqlx::query(
        "INSERT INTO catalog_listings (software_id, catalog_id, catalog_name, catalog_url, \
         remote_id, fetched_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (software_id, catalog_id) DO UPDATE SET \
         catalog_name = excluded.catalog_name, catalog_url = excluded.catalog_url, \
         remote_id = excluded.remote_id, fetched_at = excluded.fetched_at",
    )
    .bind(software_id)
    .bind(&via.catalog_id)
    .bind(&via.catalog_name)
    .bind(&via.catalog_url)
    .bind(&via.remote_id)
    .bind(via.fetched_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_have_the_version_4_form_and_are_stable() {
        let a = software_uuid("github-com-unicef-primero");
        assert_eq!(a, software_uuid("github-com-unicef-primero"));
        assert_ne!(a, software_uuid("github-com-unicef-primero-2"));
        let bytes: Vec<&str> = a.split('-').collect();
        assert_eq!(
            bytes.iter().map(|b| b.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(bytes[2].starts_with('4'));
        assert!(matches!(bytes[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'));
        assert!(a.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()));
        assert_eq!(a, a.to_lowercase());
    }
}
