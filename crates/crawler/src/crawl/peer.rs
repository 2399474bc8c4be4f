//! Pulling a peer catalog that speaks the Software Catalog API (a registry entry with
//! `catalog: {url, kind: open-catalog-api}`).
//!
//! The crawler pages through `GET {url}/software?all=true&page[size]=100` with the cursors the
//! peer gives, records each valid publiccode.yml as an entry with its provenance (see
//! [`commons_catalog::Via`]), and, once every page was read, withdraws the entries the peer
//! marks inactive or no longer lists. A pull that fails midway withdraws nothing: an
//! unfinished list cannot tell what is gone.
//!
//! A peer's answers are untrusted: the host must be the registry's (the same egress rules as
//! the forges: public addresses only, timeouts, capped bodies), pages are at most
//! [`Limits::max_listing`] bytes and [`Limits::max_pages`] in number, a cursor that repeats
//! ends the pull, and each entry is checked on its own (a broken one is reported as that
//! entry's outcome; the others go on). Repositories that a registry publisher's hosting holds
//! are the direct crawl's: the peer only adds its listing to them, never content.

use super::{Crawler, now};
use crate::error::CrawlError;
use crate::http::{Auth, Request};
use crate::registry::{PeerCatalog, PublisherEntry};
use crate::{Progress, RepositoryReport};
use commons_catalog::{
    Change, CrawlOutcomeKind, CrawlRecord, ForgeKind, IngestRequest, Prepared, Via,
};
use commons_publiccode::{PathCase, RepositoryUrl};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Entries asked per page (the API's maximum).
const PAGE_SIZE: u32 = 100;
/// Longest remote id kept (the API's ids are UUIDs; alternative ids up to 255 characters).
const MAX_REMOTE_ID: usize = 255;

/// One entry of a peer's list, as far as it could be read.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct PeerSoftware {
    id: String,
    url: String,
    publiccode_yml: String,
    #[serde(default = "active_by_default")]
    active: bool,
}

fn active_by_default() -> bool {
    true
}

/// What one page said.
struct Page {
    items: Vec<serde_json::Value>,
    next: Option<String>,
}

/// What a pull found, entry by entry.
#[derive(Default)]
struct Pulled {
    active: HashSet<String>,
    inactive: HashSet<String>,
    counts: HashMap<String, usize>,
}

impl Crawler {
    /// Pulls one peer catalog; `Ok(Err(why))` when its list could not be read to the end
    /// (then nothing is withdrawn). Returns the outcomes counted by kind.
    pub(super) async fn pull_peer(
        &self,
        publisher: &PublisherEntry,
        catalog: &PeerCatalog,
        progress: &Arc<dyn Progress>,
    ) -> Result<Result<HashMap<String, usize>, String>, CrawlError> {
        let base = catalog.url.trim_end_matches('/').to_string();
        let mut pulled = Pulled::default();
        let mut cursor: Option<String> = None;
        let mut seen_cursors = HashSet::new();
        let mut listed = 0usize;
        for _ in 0..self.inner.options.limits.max_pages {
            let page = match self.peer_page(&base, cursor.as_deref()).await {
                Ok(page) => page,
                Err(why) => return Ok(Err(why)),
            };
            listed += page.items.len();
            for item in page.items {
                self.pull_item(publisher, catalog, item, &mut pulled, progress)
                    .await?;
            }
            match page.next {
                None => return self.finish_pull(publisher, pulled, listed, progress).await,
                Some(next) if !seen_cursors.insert(next.clone()) => {
                    return Ok(Err(format!(
                        "{base}: the cursor {next:?} came back: the list does not end"
                    )));
                }
                Some(next) => cursor = Some(next),
            }
        }
        Ok(Err(format!(
            "{base}: more than {} pages",
            self.inner.options.limits.max_pages
        )))
    }

    async fn finish_pull(
        &self,
        publisher: &PublisherEntry,
        mut pulled: Pulled,
        listed: usize,
        progress: &Arc<dyn Progress>,
    ) -> Result<Result<HashMap<String, usize>, String>, CrawlError> {
        let withdrawn = self
            .inner
            .catalog
            .withdraw_from_catalog(&publisher.id, &pulled.active, &pulled.inactive)
            .await?;
        for (software_id, why) in withdrawn {
            let Some(entry) = self.inner.catalog.software(&software_id).await? else {
                continue;
            };
            let detail = if why == commons_catalog::WITHDRAWN_INACTIVE {
                format!("marked inactive by {}", publisher.name)
            } else {
                format!("no longer listed by {}", publisher.name)
            };
            let mut record = self.peer_record(publisher, &entry.repository_url);
            record.outcome = CrawlOutcomeKind::Gone;
            record.detail = Some(detail);
            record.software_id = Some(software_id);
            self.report_peer(record, &mut pulled, progress).await?;
        }
        tracing::info!(catalog = %publisher.id, listed, "peer catalog pulled");
        Ok(Ok(pulled.counts))
    }

    /// One page of the peer's list.
    async fn peer_page(&self, base: &str, cursor: Option<&str>) -> Result<Page, String> {
        let mut url = format!("{base}/software?all=true&page%5Bsize%5D={PAGE_SIZE}");
        if let Some(cursor) = cursor {
            url.push_str("&page%5Bafter%5D=");
            url.extend(url::form_urlencoded::byte_serialize(cursor.as_bytes()));
        }
        let answer = self
            .inner
            .http
            .get(&Request {
                url: &url,
                accept: Some("application/json"),
                etag: None,
                cap: self.inner.options.limits.max_listing,
                auth: Auth::None,
                headers: &[],
            })
            .await
            .map_err(|e| e.to_string())?;
        if answer.status != 200 {
            return Err(format!("{url}: HTTP {}", answer.status));
        }
        let body: serde_json::Value =
            serde_json::from_slice(&answer.body).map_err(|e| format!("{url}: not JSON: {e}"))?;
        let items = match body.get("data") {
            Some(serde_json::Value::Array(items)) => items.clone(),
            _ => return Err(format!("{url}: no `data` list in the answer")),
        };
        let next = body
            .get("links")
            .and_then(|l| l.get("next"))
            .and_then(|n| n.as_str())
            .and_then(cursor_of);
        Ok(Page { items, next })
    }

    /// Checks and records one entry of the peer's list.
    async fn pull_item(
        &self,
        publisher: &PublisherEntry,
        catalog: &PeerCatalog,
        item: serde_json::Value,
        pulled: &mut Pulled,
        progress: &Arc<dyn Progress>,
    ) -> Result<(), CrawlError> {
        let remote_id = item
            .get("id")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        // Where the outcome of an entry without a usable URL is filed: the peer's record of it
        // (the id cut to the API's length, since it is the peer's word).
        let shown_id: String = remote_id.chars().take(MAX_REMOTE_ID).collect();
        let fallback = format!("{}/software/{shown_id}", catalog.url);
        let refuse = |why: String| {
            let mut record = self.peer_record(publisher, &fallback);
            record.outcome = CrawlOutcomeKind::Refused;
            record.detail = Some(why);
            record
        };
        let software: PeerSoftware = match serde_json::from_value(item) {
            Ok(s) => s,
            Err(e) => {
                let record = refuse(format!("not a Software of the API: {e}"));
                return self.report_peer(record, pulled, progress).await;
            }
        };
        if software.id.is_empty() || software.id.chars().count() > MAX_REMOTE_ID {
            let record = refuse(format!("id must be 1 to {MAX_REMOTE_ID} characters"));
            return self.report_peer(record, pulled, progress).await;
        }
        let url = match RepositoryUrl::parse(&software.url) {
            Ok(url) => url,
            Err(e) => {
                let shown: String = software.url.chars().take(200).collect();
                let record = refuse(format!("url {shown:?} is not usable: {e}"));
                return self.report_peer(record, pulled, progress).await;
            }
        };
        let existing = self.entry_of(&url).await?;
        if !software.active {
            if let Some(entry) = existing {
                pulled.inactive.insert(entry.id);
            }
            *pulled.counts.entry("inactive".into()).or_default() += 1;
            return Ok(());
        }
        if software.publiccode_yml.len() > self.inner.options.limits.max_file {
            let mut record = self.peer_record(publisher, &url.as_url());
            record.outcome = CrawlOutcomeKind::TooLarge;
            record.detail = Some(format!(
                "publiccodeYml is {} bytes, more than {}",
                software.publiccode_yml.len(),
                self.inner.options.limits.max_file
            ));
            return self.report_peer(record, pulled, progress).await;
        }
        let direct = self.registry().owner_of(&url).is_some();
        if direct && existing.is_none() {
            // The direct crawl has not read it (yet); its forge, not the peer, makes it.
            *pulled.counts.entry("left_to_forge".into()).or_default() += 1;
            return Ok(());
        }
        let repository_url = existing
            .as_ref()
            .map_or_else(|| url.as_url(), |e| e.repository_url.clone());
        let request = IngestRequest {
            repository_url: repository_url.clone(),
            forge: forge_of(&url),
            default_branch: None,
            commit: None,
            publisher: None,
            source: software.publiccode_yml.into_bytes(),
            seen_at: now(),
        };
        let via = Via {
            catalog_id: publisher.id.clone(),
            catalog_name: publisher.name.clone(),
            catalog_url: catalog.url.clone(),
            remote_id: software.id,
            fetched_at: request.seen_at,
        };
        let prepared = Prepared::new(&request)?;
        let outcome = self
            .inner
            .catalog
            .ingest_via(&request, &prepared, &via)
            .await?;
        pulled.active.insert(outcome.software_id.clone());
        // Unchanged covers a listing added to an entry another source shows: that source's
        // crawl record stays as it left it.
        if outcome.change == Change::Unchanged {
            *pulled.counts.entry("unchanged".into()).or_default() += 1;
            return Ok(());
        }
        let mut record = self.peer_record(publisher, &repository_url);
        record.software_id = Some(outcome.software_id);
        if outcome.change == Change::StoredInvalid {
            record.outcome = CrawlOutcomeKind::Invalid;
            record.detail = Some("the peer's publiccode.yml is invalid".into());
        }
        self.report_peer(record, pulled, progress).await
    }

    /// The entry of a repository, whatever its URL's spelling: through the one URL
    /// normalisation (the entry's id is derived from the normal form).
    async fn entry_of(
        &self,
        url: &RepositoryUrl,
    ) -> Result<Option<commons_catalog::Software>, CrawlError> {
        let catalog = &self.inner.catalog;
        if let Some(entry) = catalog.software_by_url(&url.as_url()).await? {
            return Ok(Some(entry));
        }
        let case = match self.registry().owner_of(url) {
            Some((_, hosting)) => hosting.kind.path_case(),
            None if forge_of(url) == ForgeKind::Git => PathCase::Sensitive,
            None => PathCase::Insensitive,
        };
        let candidate = catalog
            .software(&commons_catalog::software_id_for(&url.as_url()))
            .await?;
        Ok(candidate.filter(|entry| {
            RepositoryUrl::parse(&entry.repository_url)
                .is_ok_and(|known| known.same_repository(url, case))
        }))
    }

    fn peer_record(&self, publisher: &PublisherEntry, url: &str) -> CrawlRecord {
        let forge = RepositoryUrl::parse(url).map_or(ForgeKind::Git, |u| forge_of(&u));
        CrawlRecord {
            repository_url: url.to_string(),
            publisher_id: publisher.id.clone(),
            hosting_url: publisher
                .catalog
                .as_ref()
                .map_or_else(String::new, |c| c.url.clone()),
            forge,
            forge_id: None,
            outcome: CrawlOutcomeKind::Ok,
            detail: None,
            errors: Vec::new(),
            commit: None,
            version: None,
            etag: None,
            software_id: None,
            crawled_at: now(),
        }
    }

    async fn report_peer(
        &self,
        record: CrawlRecord,
        pulled: &mut Pulled,
        progress: &Arc<dyn Progress>,
    ) -> Result<(), CrawlError> {
        *pulled
            .counts
            .entry(record.outcome.as_str().to_string())
            .or_default() += 1;
        let report: RepositoryReport = self.save(record).await?;
        progress.finished(&report);
        Ok(())
    }
}

/// The cursor in a `links.next`: the reference implementation sends `?page[after]=<cursor>`,
/// the API document describes the bare cursor; a full URL is read too.
fn cursor_of(next: &str) -> Option<String> {
    let next = next.trim();
    if next.is_empty() {
        return None;
    }
    let query = match next.split_once('?') {
        Some((_, query)) => query,
        None if next.starts_with("page[") || next.starts_with("page%5B") => next,
        None => return Some(next.to_string()),
    };
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "page[after]")
        .map(|(_, v)| v.replace(' ', "+"))
        .filter(|v| !v.is_empty())
}

/// The forge a repository URL points at, for links and labels (peers do not say).
fn forge_of(url: &RepositoryUrl) -> ForgeKind {
    let host = url.authority().to_ascii_lowercase();
    if host == "github.com" {
        ForgeKind::Github
    } else if host == "gitlab.com" || host.starts_with("gitlab.") {
        ForgeKind::Gitlab
    } else if host == "codeberg.org" || host.starts_with("gitea.") {
        ForgeKind::Gitea
    } else {
        ForgeKind::Git
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_are_read_in_every_form_peers_send() {
        let c = "WyIyMDIyLTA2LTA3VDE0OjU2OjIzWiIsImJmZjEyMzQ1Il0=";
        assert_eq!(cursor_of(c).as_deref(), Some(c));
        assert_eq!(cursor_of(&format!("?page[after]={c}")).as_deref(), Some(c));
        assert_eq!(
            cursor_of(&format!(
                "https://p.example/v1/software?page%5Bafter%5D={c}&all=true"
            ))
            .as_deref(),
            Some(c)
        );
        // A '+' of standard base64 survives a query that did not escape it.
        assert_eq!(cursor_of("?page[after]=ab+c").as_deref(), Some("ab+c"));
        assert_eq!(cursor_of(""), None);
        assert_eq!(cursor_of("?page[size]=10"), None);
    }

    #[test]
    fn forges_are_told_from_hosts() {
        let kind = |u: &str| forge_of(&RepositoryUrl::parse(u).unwrap());
        assert_eq!(kind("https://github.com/a/b"), ForgeKind::Github);
        assert_eq!(kind("https://gitlab.com/a/b"), ForgeKind::Gitlab);
        assert_eq!(kind("https://gitlab.example.org/a/b"), ForgeKind::Gitlab);
        assert_eq!(kind("https://git.example.org/a/b"), ForgeKind::Git);
    }
}
