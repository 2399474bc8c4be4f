//! The crawl status page for maintainers: "why is my project not listed?". `/status` sums up
//! every publisher's repositories by last outcome, `/status?publisher=ID` lists one publisher's
//! repositories, `/status?url=URL` shows one repository's recent crawls with the validator's
//! errors. Every outcome is explained in plain words with what the maintainer can do.

use super::{Ctx, api_error_page, render};
use crate::api::crawl::{OutcomeView, RepositoryStatus, history};
use crate::error::ApiError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Every outcome, in the order the page explains them.
pub const OUTCOMES: [&str; 8] = [
    "ok",
    "invalid",
    "unreachable",
    "too_large",
    "not_found",
    "skipped_unchanged",
    "refused",
    "gone",
];

/// The message id stem of an outcome: `too_large` → `outcome-too-large`.
fn outcome_id(outcome: &str) -> String {
    format!("outcome-{}", outcome.replace('_', "-"))
}

/// An outcome as the page shows it: its name in words, its explanation, its style.
pub struct OutcomeLabel {
    /// The stored name (`too_large`), used for the style class.
    code: String,
    /// In words.
    label: String,
}

impl OutcomeLabel {
    fn of(ctx: &Ctx, code: Option<&str>) -> Self {
        let code = code.unwrap_or("none");
        let known = OUTCOMES.contains(&code);
        OutcomeLabel {
            label: if known {
                ctx.t(&outcome_id(code))
            } else {
                ctx.t("outcome-none")
            },
            code: if known {
                code.to_string()
            } else {
                "none".into()
            },
        }
    }
}

/// The explanation of one outcome.
pub struct Explanation {
    code: &'static str,
    label: String,
    meaning: String,
    action: String,
}

fn explanations(ctx: &Ctx) -> Vec<Explanation> {
    OUTCOMES
        .into_iter()
        .map(|code| {
            let id = outcome_id(code);
            Explanation {
                code,
                label: ctx.t(&id),
                meaning: ctx.t(&format!("{id}-meaning")),
                action: ctx.t(&format!("{id}-action")),
            }
        })
        .collect()
}

/// A publisher with its repositories counted by last outcome.
pub struct PublisherLine {
    name: String,
    id: String,
    href: String,
    total: usize,
    /// (outcome, count), for the outcomes it has.
    counts: Vec<(OutcomeLabel, usize)>,
}

/// A repository in a publisher's list.
pub struct RepositoryLine {
    url: String,
    href: String,
    outcome: OutcomeLabel,
    detail: Option<String>,
    commit: String,
    time: String,
    entry: Option<String>,
    gone: bool,
}

/// One crawl of a repository.
pub struct CrawlLine {
    outcome: OutcomeLabel,
    detail: Option<String>,
    errors: Vec<super::validator::Shown>,
    commit: String,
    time: String,
}

/// One repository's page.
pub struct RepositoryView {
    url: String,
    url_href: Option<String>,
    publisher: String,
    publisher_href: String,
    hosting: String,
    forge: String,
    gone: bool,
    entry: Option<String>,
    outcome: OutcomeLabel,
    explanation: String,
    action: String,
    /// When the last crawl was a skip: the earlier result that still stands.
    standing: Option<(OutcomeLabel, String, String)>,
    /// Whether the result that stands is a good one.
    good: bool,
    crawls: Vec<CrawlLine>,
    aliases: Vec<String>,
}

/// What the page shows below its search box.
pub enum View {
    /// No crawl has ever run.
    Empty,
    /// Every publisher.
    Publishers(Vec<PublisherLine>),
    /// One publisher's repositories.
    Publisher {
        /// Its name.
        name: String,
        /// Its repositories on this page.
        repositories: Vec<RepositoryLine>,
        /// Its repositories in all.
        total: usize,
    },
    /// One repository.
    Repository(Box<RepositoryView>),
    /// A URL the crawler never saw.
    Unknown(String),
}

/// The status page.
#[derive(Template)]
#[template(path = "status.html")]
pub struct StatusPage {
    ctx: Ctx,
    url: String,
    view: View,
    explanations: Vec<Explanation>,
    overview_href: String,
    /// The pages of a long list (publishers, or one publisher's repositories).
    pager: Option<Pager>,
}

/// Rows on one page of the overview or of a publisher's repositories.
pub const STATUS_PAGE_SIZE: usize = 50;

/// Where a paged list is, and the links to its neighbours.
pub struct Pager {
    current: usize,
    count: usize,
    previous: Option<String>,
    next: Option<String>,
}

impl Pager {
    /// The pager of `total` rows seen at 1-based `page` (clamped to the last page), with
    /// links built by `href`; `None` when everything fits on one page.
    fn of(total: usize, page: usize, href: impl Fn(usize) -> String) -> Option<Self> {
        let count = total.div_ceil(STATUS_PAGE_SIZE);
        if count <= 1 {
            return None;
        }
        let current = page.clamp(1, count);
        Some(Pager {
            current,
            count,
            previous: (current > 1).then(|| href(current - 1)),
            next: (current < count).then(|| href(current + 1)),
        })
    }

    /// The first row of 1-based `page` (clamped to the last page) among `total` rows.
    fn first_row(page: usize, total: usize) -> usize {
        let count = total.div_ceil(STATUS_PAGE_SIZE).max(1);
        (page.clamp(1, count) - 1) * STATUS_PAGE_SIZE
    }
}

fn short_commit(commit: Option<&str>) -> String {
    commit.unwrap_or("").chars().take(10).collect()
}

fn day_and_time(rfc3339: Option<&str>) -> String {
    rfc3339
        .map(|t| {
            t.replace('T', " ")
                .trim_end_matches('Z')
                .chars()
                .take(16)
                .collect()
        })
        .unwrap_or_default()
}

fn status_href(ctx: &Ctx, key: &str, value: &str) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair(key, value)
        .finish();
    ctx.href(&format!("/status?{query}"))
}

/// The status page at `pairs` and page `page` (the first page has no number).
fn paged_href(ctx: &Ctx, pairs: &[(&str, &str)], page: usize) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(pairs);
    if page > 1 {
        query.append_pair("page", &page.to_string());
    }
    let query = query.finish();
    if query.is_empty() {
        ctx.href("/status")
    } else {
        ctx.href(&format!("/status?{query}"))
    }
}

/// The ids, among `ids`, of entries that are listed (an entry whose file was never valid has
/// an id but no page).
async fn listed(state: &AppState, ids: Vec<String>) -> HashSet<String> {
    let mut found = HashSet::new();
    for chunk in ids.chunks(500) {
        if let Ok(all) = state.catalog.software_by_ids(chunk).await {
            found.extend(all.into_iter().filter(|s| s.listed).map(|s| s.id));
        }
    }
    found
}

fn repository_line(ctx: &Ctx, r: RepositoryStatus, listed: &HashSet<String>) -> RepositoryLine {
    RepositoryLine {
        href: status_href(ctx, "url", &r.repository_url),
        outcome: OutcomeLabel::of(ctx, r.last_outcome.as_deref()),
        detail: r.last_detail,
        commit: short_commit(r.last_commit.as_deref()),
        time: day_and_time(r.last_crawled_at.as_deref()),
        entry: r
            .software_id
            .filter(|id| listed.contains(id))
            .map(|id| ctx.href(&format!("/software/{id}"))),
        gone: r.gone,
        url: r.repository_url,
    }
}

fn crawl_line(ctx: &Ctx, o: OutcomeView) -> CrawlLine {
    CrawlLine {
        outcome: OutcomeLabel::of(ctx, Some(&o.outcome)),
        detail: o.detail,
        errors: o
            .errors
            .iter()
            .map(|d| super::validator::Shown::of(ctx, d))
            .collect(),
        commit: short_commit(o.commit.as_deref()),
        time: day_and_time(Some(&o.crawled_at)),
    }
}

/// `GET /status`, `/status?publisher=ID`, `/status?url=URL`.
pub async fn status(ctx: Ctx, State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let mut publisher = None;
    let mut url = None;
    let mut page_number = 1;
    for (key, value) in form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes()) {
        let value = value.trim().to_string();
        match key.as_ref() {
            "publisher" if !value.is_empty() => publisher = Some(value),
            "url" if !value.is_empty() => url = Some(value),
            // Anything that is not a page number is the first page.
            "page" => page_number = value.parse::<usize>().unwrap_or(1).max(1),
            _ => {}
        }
    }
    let mut pager = None;
    let names: HashMap<String, String> = state
        .catalog
        .organisation_names()
        .await
        .map(|all| all.into_iter().collect())
        .unwrap_or_default();
    let name_of = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut code = StatusCode::OK;
    let view = if let Some(url) = &url {
        match history(&state, url).await {
            Ok(found) => {
                let r = found.repository;
                let listed = listed(&state, r.software_id.iter().cloned().collect()).await;
                let outcome = OutcomeLabel::of(&ctx, r.last_outcome.as_deref());
                let id = outcome_id(&outcome.code);
                let standing = (outcome.code == "skipped_unchanged")
                    .then(|| {
                        found
                            .outcomes
                            .iter()
                            .find(|o| o.outcome != "skipped_unchanged")
                    })
                    .flatten()
                    .map(|o| {
                        let label = OutcomeLabel::of(&ctx, Some(&o.outcome));
                        let id = outcome_id(&label.code);
                        let meaning = ctx.t(&format!("{id}-meaning"));
                        let action = ctx.t(&format!("{id}-action"));
                        (label, meaning, action)
                    });
                View::Repository(Box::new(RepositoryView {
                    url_href: super::pages::safe_url(&r.repository_url),
                    publisher: name_of(&r.publisher_id),
                    publisher_href: status_href(&ctx, "publisher", &r.publisher_id),
                    hosting: r.hosting_url,
                    forge: r.forge,
                    gone: r.gone,
                    entry: r
                        .software_id
                        .filter(|id| listed.contains(id))
                        .map(|id| ctx.href(&format!("/software/{id}"))),
                    good: standing.as_ref().map_or(&outcome, |s| &s.0).code == "ok",
                    standing,
                    explanation: ctx.t(&format!("{id}-meaning")),
                    action: ctx.t(&format!("{id}-action")),
                    outcome,
                    crawls: found
                        .outcomes
                        .into_iter()
                        .map(|o| crawl_line(&ctx, o))
                        .collect(),
                    aliases: found.aliases,
                    url: r.repository_url,
                }))
            }
            Err(ApiError::NotFound(_)) => {
                code = StatusCode::NOT_FOUND;
                View::Unknown(url.clone())
            }
            Err(error) => return api_error_page(ctx, error),
        }
    } else {
        let repositories = match state
            .catalog
            .crawled_repositories(publisher.as_deref())
            .await
        {
            Ok(all) => all,
            Err(error) => return api_error_page(ctx, error.into()),
        };
        match publisher {
            Some(id) => {
                let total = repositories.len();
                let shown: Vec<_> = repositories
                    .into_iter()
                    .skip(Pager::first_row(page_number, total))
                    .take(STATUS_PAGE_SIZE)
                    .collect();
                // Only this page's entries are looked up.
                let listed = listed(
                    &state,
                    shown.iter().filter_map(|r| r.software_id.clone()).collect(),
                )
                .await;
                if total == 0 {
                    code = StatusCode::NOT_FOUND;
                }
                pager = Pager::of(total, page_number, |n| {
                    paged_href(&ctx, &[("publisher", id.as_str())], n)
                });
                View::Publisher {
                    name: name_of(&id),
                    repositories: shown
                        .into_iter()
                        .map(|r| repository_line(&ctx, r.into(), &listed))
                        .collect(),
                    total,
                }
            }
            None if repositories.is_empty() => View::Empty,
            None => {
                let mut by_publisher: BTreeMap<String, BTreeMap<usize, usize>> = BTreeMap::new();
                for r in &repositories {
                    let slot = r
                        .last_outcome
                        .and_then(|o| OUTCOMES.iter().position(|x| *x == o.as_str()))
                        .unwrap_or(OUTCOMES.len());
                    *by_publisher
                        .entry(r.publisher_id.clone())
                        .or_default()
                        .entry(slot)
                        .or_default() += 1;
                }
                let total = by_publisher.len();
                pager = Pager::of(total, page_number, |n| paged_href(&ctx, &[], n));
                View::Publishers(
                    by_publisher
                        .into_iter()
                        .skip(Pager::first_row(page_number, total))
                        .take(STATUS_PAGE_SIZE)
                        .map(|(id, counts)| PublisherLine {
                            name: name_of(&id),
                            href: status_href(&ctx, "publisher", &id),
                            total: counts.values().sum(),
                            counts: counts
                                .into_iter()
                                .map(|(slot, n)| {
                                    (OutcomeLabel::of(&ctx, OUTCOMES.get(slot).copied()), n)
                                })
                                .collect(),
                            id,
                        })
                        .collect(),
                )
            }
        }
    };
    let page = StatusPage {
        url: url.unwrap_or_default(),
        view,
        explanations: explanations(&ctx),
        overview_href: ctx.href("/status"),
        pager,
        ctx,
    };
    render(code, &page.ctx, &page)
}
