//! The catalog's pages: home, results, software, organisations, about.

use super::assessment::score_text;
use super::{Ctx, api_error_page, error_page, render};
use crate::api::software::{cursor_at, parse_search, run_search};
use crate::api::views::{Signals, SnippetPiece, SoftwareSummary, pick_description};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use commons_catalog::{ForgeKind, Revision, Software};
use commons_publiccode::{Diagnostic, PublicCode};
use commons_search::{Facet, MAX_OFFSET, Sort};
use std::collections::HashMap;

/// The fragment of the results' heading: a filter or a sort lands there, so that keyboard and
/// screen-reader users continue from the results rather than from the top of the page.
const RESULTS: &str = "#results-count";

/// Facet values listed before the rest is folded away.
const FACET_VALUES_SHOWN: usize = 8;
/// Facets in the order the results page shows them.
const FACET_ORDER: [Facet; 15] = [
    Facet::Category,
    Facet::Organisation,
    Facet::DevelopmentStatus,
    Facet::SoftwareType,
    Facet::License,
    Facet::Platform,
    Facet::MaintenanceType,
    Facet::Scope,
    Facet::Language,
    Facet::Country,
    Facet::LicenseFamily,
    Facet::OsiApproved,
    Facet::Vitality,
    Facet::SecurityScore,
    Facet::Vulnerabilities,
];

/// A URL is shown as a link or image only when it is http(s) or mail: a `javascript:` URL in
/// someone's publiccode.yml must never become clickable.
pub fn safe_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_string())
}

/// Where a file named in a publiccode.yml can be seen: a web URL as it is, a path relative to
/// the repository at the raw-file address of its forge (GitHub, GitLab, Gitea) on the default
/// branch. Paths that climb out of the repository, and anything else, are not shown.
pub fn repository_file_url(software: &Software, value: &str) -> Option<String> {
    forge_file_url(
        software.forge,
        &software.repository_url,
        software.default_branch.as_deref(),
        value,
    )
}

fn forge_file_url(
    forge: ForgeKind,
    repository_url: &str,
    branch: Option<&str>,
    value: &str,
) -> Option<String> {
    if let Some(url) = safe_url(value) {
        return Some(url);
    }
    let path = value
        .trim()
        .trim_start_matches("./")
        .trim_start_matches('/');
    let inside = !path.is_empty()
        && !path.contains(':')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != ".." && part != ".");
    let repository = safe_url(repository_url)?;
    let repository = repository.trim_end_matches('/').trim_end_matches(".git");
    let branch = branch?;
    if !inside || branch.is_empty() || branch.contains(['/', '?', '#', ' ']) {
        return None;
    }
    let encoded: String = path
        .split('/')
        .map(|part| form_urlencoded::byte_serialize(part.as_bytes()).collect::<String>())
        .collect::<Vec<_>>()
        .join("/");
    match forge {
        ForgeKind::Github => {
            let rest = repository.strip_prefix("https://github.com/")?;
            Some(format!(
                "https://raw.githubusercontent.com/{rest}/{branch}/{encoded}"
            ))
        }
        ForgeKind::Gitlab => Some(format!("{repository}/-/raw/{branch}/{encoded}")),
        ForgeKind::Gitea => Some(format!("{repository}/raw/branch/{branch}/{encoded}")),
        ForgeKind::Git | ForgeKind::Local | ForgeKind::Demo => None,
    }
}

/// One entry in a list of results.
pub struct Item {
    href: String,
    name: String,
    localised_name: Option<String>,
    short_description: Option<String>,
    /// The description's language when it is not the page's.
    foreign_lang: Option<String>,
    status: String,
    /// The status tag's colour class.
    stage: &'static str,
    kind: String,
    license: String,
    categories: Vec<String>,
    organisation: Option<String>,
    updated: String,
    snippet: Vec<SnippetPiece>,
    initials: String,
    /// The assessment in brief; the one the results are sorted by comes first.
    signals: Vec<SignalView>,
    used_by: Option<String>,
    /// Why a result matching none of the query's words is there ("found by meaning").
    found_by_meaning: Option<String>,
}

/// The reader's words for "found by meaning, described in <language>".
fn meaning_note(ctx: &Ctx, m: &crate::api::views::MeaningMatchView) -> String {
    if m.language == "other" {
        ctx.t("match-meaning-other")
    } else {
        ctx.ta("match-meaning", "language", &ctx.language_name(&m.language))
    }
}

/// An entry that does the same job, on the software page.
pub struct SimilarView {
    href: String,
    name: String,
    organisation: Option<String>,
    short_description: Option<String>,
    foreign_lang: Option<String>,
    /// "62 % alike", and how the two relate when their files say so.
    notes: Vec<String>,
}

/// One assessment signal on a result card.
pub struct SignalView {
    text: String,
    /// `good`, `bad` or `neutral`: the colour, never the only carrier of the meaning.
    tone: &'static str,
    /// The signal the results are sorted by.
    sorted_by: bool,
}

impl SignalView {
    fn new(text: String, tone: &'static str) -> Self {
        SignalView {
            text,
            tone,
            sorted_by: false,
        }
    }
}

/// The signals of a card, the sorted-by one first.
fn signal_views(ctx: &Ctx, signals: Option<&Signals>, sort: Sort) -> Vec<SignalView> {
    let Some(signals) = signals else {
        return vec![SignalView::new(ctx.t("signal-not-assessed"), "neutral")];
    };
    let security = signals.security_score.map(|score| {
        let tone = match score {
            s if s >= 7.0 => "good",
            s if s < 4.0 => "bad",
            _ => "neutral",
        };
        let mut view =
            SignalView::new(ctx.ta("signal-security", "score", &score_text(score)), tone);
        view.sorted_by = sort == Sort::Security;
        view
    });
    let vitality = signals.vitality_band.as_ref().map(|band| {
        let mut text = ctx.ta("signal-vitality", "band", &band.replace('-', "\u{2013}"));
        if let Some(at) = &signals.last_commit_at {
            text = format!(
                "{text} · {}",
                ctx.ta(
                    "signal-last-commit",
                    "date",
                    &at.chars().take(10).collect::<String>()
                )
            );
        }
        let mut view = SignalView::new(text, "neutral");
        view.sorted_by = sort == Sort::Vitality;
        view
    });
    let vulnerabilities = Some(match signals.vulnerabilities {
        Some(0) => SignalView::new(ctx.tn("assess-vulnerabilities-count", 0_usize), "good"),
        Some(n) => SignalView::new(ctx.tn("assess-vulnerabilities-count", n), "bad"),
        None => SignalView::new(ctx.t("signal-vulnerabilities-unknown"), "neutral"),
    });
    let family = ctx.t(&format!("family-{}", signals.license_family));
    let license = Some(SignalView::new(
        if signals.osi_approved {
            ctx.ta("signal-license-osi", "family", &family)
        } else {
            family
        },
        "neutral",
    ));
    let mut views: Vec<SignalView> = [security, vitality, vulnerabilities, license]
        .into_iter()
        .flatten()
        .collect();
    // Stable: the sorted-by signal moves to the front, the others keep their order.
    views.sort_by_key(|v| !v.sorted_by);
    views
}

fn initials(name: &str) -> String {
    let mut letters: String = name
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect();
    if letters.is_empty() {
        letters.push('·');
    }
    letters.to_uppercase()
}

impl Item {
    fn of(ctx: &Ctx, s: SoftwareSummary, names: &HashMap<String, String>) -> Self {
        Item::sorted_by(ctx, s, names, Sort::Relevance)
    }

    /// The card of a result in a list sorted by `sort`.
    fn sorted_by(
        ctx: &Ctx,
        s: SoftwareSummary,
        names: &HashMap<String, String>,
        sort: Sort,
    ) -> Self {
        let foreign_lang = s
            .description_language
            .clone()
            .filter(|tag| ctx.is_foreign(tag));
        Item {
            href: ctx.href(&format!("/software/{}", s.id)),
            initials: initials(&s.name),
            localised_name: s.localised_name.filter(|l| *l != s.name),
            name: s.name,
            short_description: s.short_description,
            foreign_lang,
            status: ctx.label("status", &s.development_status),
            stage: stage_class(&s.development_status),
            kind: ctx.label("software-type", &s.software_type),
            license: s.license,
            categories: s
                .categories
                .iter()
                .take(3)
                .map(|c| ctx.label("category", c))
                .collect(),
            organisation: s
                .organisation_id
                .as_ref()
                .map(|id| names.get(id).cloned().unwrap_or_else(|| id.clone())),
            updated: s.updated_at.chars().take(10).collect(),
            snippet: s.snippet,
            signals: signal_views(ctx, s.signals.as_ref(), sort),
            used_by: s.used_by.map(|n| ctx.tn("signal-used-by", n)),
            found_by_meaning: s.meaning_match.as_ref().map(|m| meaning_note(ctx, m)),
        }
    }
}

async fn organisation_names(state: &AppState) -> HashMap<String, String> {
    state
        .catalog
        .organisation_names()
        .await
        .map(|all| all.into_iter().collect())
        .unwrap_or_default()
}

/// The search as the page's links rebuild it: text, order, filters.
#[derive(Clone, Default)]
struct SearchState {
    q: String,
    sort: Option<String>,
    filters: Vec<(String, String)>,
}

impl SearchState {
    fn from_query(raw: Option<&str>) -> Self {
        let mut state = SearchState::default();
        for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            match key.as_ref() {
                "q" => state.q = value.into_owned(),
                "sort" => state.sort = Some(value.into_owned()),
                name if Facet::parse(name).is_some() && !value.is_empty() => {
                    state.filters.push((name.to_string(), value.into_owned()))
                }
                _ => {}
            }
        }
        state
    }

    fn is_selected(&self, facet: &str, value: &str) -> bool {
        self.filters.iter().any(|(f, v)| f == facet && v == value)
    }

    fn toggled(&self, facet: &str, value: &str) -> Self {
        let mut next = self.clone();
        if self.is_selected(facet, value) {
            next.filters.retain(|(f, v)| !(f == facet && v == value));
        } else {
            next.filters.push((facet.to_string(), value.to_string()));
        }
        next
    }

    fn href(&self, ctx: &Ctx, cursor: Option<&str>) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            query.append_pair("q", &self.q);
        }
        if let Some(sort) = &self.sort {
            query.append_pair("sort", sort);
        }
        for (facet, value) in &self.filters {
            query.append_pair(facet, value);
        }
        if let Some(cursor) = cursor {
            query.append_pair("cursor", cursor);
        }
        query.append_pair("lang", ctx.lang());
        format!("/software?{}", query.finish())
    }
}

/// A facet with its values, for the sidebar.
pub struct FacetView {
    name: &'static str,
    title: String,
    shown: Vec<FacetValue>,
    more: Vec<FacetValue>,
}

/// A value of a facet: a link that adds or removes the filter.
pub struct FacetValue {
    value: String,
    label: String,
    count: u64,
    selected: bool,
    href: String,
}

/// An active filter, with the link that removes it.
pub struct ActiveFilter {
    facet: String,
    label: String,
    href: String,
}

fn value_label(ctx: &Ctx, facet: Facet, value: &str, names: &HashMap<String, String>) -> String {
    match facet {
        Facet::Category => ctx.label("category", value),
        Facet::DevelopmentStatus => ctx.label("status", value),
        Facet::SoftwareType => ctx.label("software-type", value),
        Facet::MaintenanceType => ctx.label("maintenance", value),
        Facet::Scope => ctx.label("scope", value),
        Facet::Platform => ctx.label("platform", value),
        Facet::Language => ctx.language_name(value),
        Facet::Organisation => names
            .get(value)
            .cloned()
            .unwrap_or_else(|| value.to_string()),
        Facet::LicenseFamily => ctx.t(&format!("family-{value}")),
        Facet::OsiApproved => ctx.t(if value == "yes" { "yes" } else { "no" }),
        Facet::Vulnerabilities => ctx.t(&format!("facet-vulnerabilities-{value}")),
        // Score bands ("50-74") read as ranges.
        Facet::Vitality | Facet::SecurityScore => value.replace('-', "\u{2013}"),
        // Licences and country codes read the same in every language.
        Facet::License => value.to_string(),
        Facet::Country => ctx.country_name(value),
    }
}

/// The development stages in their order.
const STAGES: [&str; 5] = ["concept", "development", "beta", "stable", "obsolete"];

/// The class that colours a development status: green only for stable, amber for
/// obsolete, neutral for the stages before.
fn stage_class(status: &str) -> &'static str {
    match status {
        "stable" => "tag-stage-stable",
        "obsolete" => "tag-stage-obsolete",
        _ => "tag-stage-early",
    }
}

/// The order of a facet whose values have one of their own: score bands by their lower
/// bound, development stages from concept to obsolete. `None` for the others.
fn natural_order(facet: Facet) -> Option<fn(&str) -> u32> {
    fn band(value: &str) -> u32 {
        value
            .split('-')
            .next()
            .and_then(|low| low.parse().ok())
            .unwrap_or(u32::MAX)
    }
    fn stage(value: &str) -> u32 {
        STAGES
            .iter()
            .position(|s| *s == value)
            .map_or(u32::MAX, |i| i as u32)
    }
    match facet {
        Facet::Vitality | Facet::SecurityScore => Some(band),
        Facet::DevelopmentStatus => Some(stage),
        _ => None,
    }
}

fn facet_views(
    ctx: &Ctx,
    search: &SearchState,
    facets: &std::collections::BTreeMap<String, Vec<crate::api::views::FacetCount>>,
    names: &HashMap<String, String>,
) -> Vec<FacetView> {
    FACET_ORDER
        .iter()
        .filter_map(|facet| {
            let name = facet.as_str();
            let counts = facets.get(name).filter(|c| !c.is_empty())?;
            let mut values: Vec<FacetValue> = counts
                .iter()
                .map(|c| FacetValue {
                    value: c.value.clone(),
                    label: value_label(ctx, *facet, &c.value, names),
                    count: c.count,
                    selected: search.is_selected(name, &c.value),
                    href: format!(
                        "{}{RESULTS}",
                        search.toggled(name, &c.value).href(ctx, None)
                    ),
                })
                .collect();
            match natural_order(*facet) {
                // Bands and stages read in their own order (0-2, 3-4, ...), not by count;
                // they are few, so all of them are in sight.
                Some(order) => values.sort_by_key(|v| order(&v.value)),
                // Selected values stay in sight even when they are not among the most frequent.
                None => values.sort_by_key(|v| !v.selected),
            }
            let more = values.split_off(values.len().min(FACET_VALUES_SHOWN));
            Some(FacetView {
                name,
                title: ctx.t(&format!("facet-{name}")),
                shown: values,
                more,
            })
        })
        .collect()
}

/// The home page.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    ctx: Ctx,
    total: u64,
    organisation_count: usize,
    recent: Vec<Item>,
    facets: Vec<FacetView>,
    featured: Vec<Featured>,
}

/// An entry the curators feature, with their reason.
pub struct Featured {
    /// Its page.
    pub href: String,
    /// Its name.
    pub name: String,
    /// Why it is featured.
    pub reason: String,
}

/// The entries the curators feature (none when the catalog cannot say).
async fn featured(state: &AppState, ctx: &Ctx) -> Vec<Featured> {
    let ids = state.catalog.featured().await.unwrap_or_default();
    let mut shown = Vec::with_capacity(ids.len());
    for id in ids {
        let (Ok(Some(software)), Ok(Some(presentation))) = (
            state.catalog.software(&id).await,
            state.catalog.presentation(&id).await,
        ) else {
            continue;
        };
        shown.push(Featured {
            href: ctx.href(&format!("/software/{id}")),
            name: software.name,
            reason: presentation.reason,
        });
    }
    shown
}

/// `GET /`.
pub async fn home(ctx: Ctx, State(state): State<AppState>) -> Response {
    let mut request = match parse_search(Some("sort=updated&limit=6")) {
        Ok(request) => request,
        Err(error) => return api_error_page(ctx, error),
    };
    request.query.lang = Some(ctx.lang().to_string());
    let page = match run_search(&state, &request).await {
        Ok(page) => page,
        Err(error) => return api_error_page(ctx, error),
    };
    let names = organisation_names(&state).await;
    let search = SearchState::default();
    let facets = facet_views(&ctx, &search, &page.facets, &names)
        .into_iter()
        .filter(|f| matches!(f.name, "category" | "organisation" | "developmentStatus"))
        .collect();
    let recent = page
        .items
        .into_iter()
        .map(|s| Item::of(&ctx, s, &names))
        .collect();
    let body = HomePage {
        total: page.total,
        organisation_count: names.len(),
        recent,
        facets,
        featured: featured(&state, &ctx).await,
        ctx,
    };
    render(StatusCode::OK, &body.ctx, &body)
}

/// A link of the pagination.
pub struct PageLink {
    number: usize,
    href: String,
    current: bool,
}

/// An order the results can be sorted in.
pub struct SortOption {
    value: &'static str,
    label: String,
    selected: bool,
}

/// The results page.
#[derive(Template)]
#[template(path = "results.html")]
pub struct ResultsPage {
    ctx: Ctx,
    q: String,
    total: u64,
    items: Vec<Item>,
    facets: Vec<FacetView>,
    active: Vec<ActiveFilter>,
    clear_href: String,
    sorts: Vec<SortOption>,
    /// The filters, as hidden fields of the search and sort forms.
    hidden: Vec<(String, String)>,
    pages: Vec<PageLink>,
    previous: Option<String>,
    next: Option<String>,
}

/// `GET /software`: search, filter, sort, page.
pub async fn results(ctx: Ctx, State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let mut request = match parse_search(raw.as_deref()) {
        Ok(request) => request,
        Err(error) => return api_error_page(ctx, error),
    };
    if request.query.lang.is_none() {
        request.query.lang = Some(ctx.lang().to_string());
    }
    let page = match run_search(&state, &request).await {
        Ok(page) => page,
        Err(error) => return api_error_page(ctx, error),
    };
    let names = organisation_names(&state).await;
    let search = SearchState::from_query(raw.as_deref());
    let facets = facet_views(&ctx, &search, &page.facets, &names);
    let active = search
        .filters
        .iter()
        .map(|(facet, value)| ActiveFilter {
            facet: ctx.t(&format!("facet-{facet}")),
            label: Facet::parse(facet)
                .map(|f| value_label(&ctx, f, value, &names))
                .unwrap_or_else(|| value.clone()),
            href: format!("{}{RESULTS}", search.toggled(facet, value).href(&ctx, None)),
        })
        .collect();
    let clear_href = SearchState {
        q: search.q.clone(),
        sort: search.sort.clone(),
        filters: Vec::new(),
    }
    .href(&ctx, None)
        + RESULTS;
    let current_sort = request.query.sort;
    let sorts = [
        (Sort::Relevance, "relevance", "sort-relevance"),
        (Sort::Name, "name", "sort-name"),
        (Sort::Updated, "updated", "sort-updated"),
        (Sort::Vitality, "vitality", "sort-vitality"),
        (Sort::Security, "security", "sort-security"),
    ]
    .into_iter()
    .map(|(sort, value, label)| SortOption {
        value,
        label: ctx.t(label),
        selected: sort == current_sort,
    })
    .collect();
    let limit = request.query.limit.max(1);
    let offset = request.query.offset;
    let page_href = |page_offset: usize| {
        let cursor = (page_offset > 0).then(|| cursor_at(&request.query, page_offset));
        search.href(&ctx, cursor.as_deref())
    };
    let last_offset = (page.total as usize).saturating_sub(1).min(MAX_OFFSET);
    let page_count = last_offset / limit + 1;
    let current = offset / limit;
    let pages = (0..page_count)
        .filter(|p| *p == 0 || *p + 1 == page_count || p.abs_diff(current) <= 2)
        .map(|p| PageLink {
            number: p + 1,
            href: page_href(p * limit),
            current: p == current,
        })
        .collect::<Vec<_>>();
    let previous = (offset > 0).then(|| page_href(offset.saturating_sub(limit)));
    let next = page
        .next
        .as_ref()
        .map(|cursor| search.href(&ctx, Some(cursor)));
    let mut hidden = search.filters.clone();
    hidden.push(("lang".into(), ctx.lang().into()));
    let items = page
        .items
        .into_iter()
        .map(|s| Item::sorted_by(&ctx, s, &names, current_sort))
        .collect();
    let body = ResultsPage {
        q: search.q.clone(),
        total: page.total,
        items,
        facets,
        active,
        clear_href,
        sorts,
        hidden,
        pages: if page_count > 1 { pages } else { Vec::new() },
        previous,
        next,
        ctx,
    };
    render(StatusCode::OK, &body.ctx, &body)
}

/// A labelled link.
pub struct Link {
    label: String,
    href: Option<String>,
}

impl Link {
    fn of(label: &str, url: &str) -> Self {
        Link {
            label: label.to_string(),
            href: safe_url(url),
        }
    }
}

/// A dependency line.
pub struct DependencyView {
    kind: String,
    name: String,
    versions: String,
    optional: bool,
}

/// A revision line.
pub struct RevisionLine {
    id: i64,
    date: String,
    commit: String,
    valid: bool,
    live: bool,
    version: String,
    errors: usize,
    warnings: usize,
}

impl RevisionLine {
    fn of(r: &Revision, live: Option<i64>) -> Self {
        RevisionLine {
            id: r.id,
            date: crate::api::views::rfc3339(r.created_at)
                .chars()
                .take(10)
                .collect(),
            commit: r.commit.as_deref().unwrap_or("").chars().take(10).collect(),
            valid: r.valid,
            live: Some(r.id) == live,
            version: r.version.clone().unwrap_or_default(),
            errors: r.errors.len(),
            warnings: r.warnings.len(),
        }
    }
}

/// A peer catalog that lists the entry (provenance).
pub struct ListingView {
    /// The peer's name.
    name: String,
    /// The entry's record there.
    href: Option<String>,
    /// Whether the page shows that peer's copy of the file.
    source: bool,
    /// When it was last read there (YYYY-MM-DD).
    date: String,
}

impl ListingView {
    fn of(listing: &commons_catalog::Listing) -> Self {
        let remote: String =
            form_urlencoded::byte_serialize(listing.remote_id.as_bytes()).collect();
        ListingView {
            name: listing.catalog_name.clone(),
            href: safe_url(&format!(
                "{}/software/{remote}",
                listing.catalog_url.trim_end_matches('/')
            )),
            source: listing.source,
            date: crate::api::views::rfc3339(listing.fetched_at)
                .chars()
                .take(10)
                .collect(),
        }
    }
}

/// Another description language the reader can switch to.
pub struct DescriptionLanguage {
    tag: String,
    name: String,
    href: String,
    current: bool,
}

/// The software page.
#[derive(Template)]
#[template(path = "software.html")]
pub struct SoftwarePage {
    ctx: Ctx,
    p: PublicCode,
    /// The entry that replaces this one, as the curators say: its page, name, and why.
    superseded: Option<Featured>,
    /// Where the signed-in curator presents this entry.
    curate_href: Option<String>,
    /// The declarations page, for a member of the publishing organisation.
    declare_href: Option<String>,
    /// The description shown: its language, whether it is the page's, its texts.
    desc_tag: String,
    desc_foreign: bool,
    /// Set when the reader's language has no description: the note names the language shown.
    fallback_note: Option<String>,
    localised_name: Option<String>,
    short_description: String,
    paragraphs: Vec<String>,
    features: Vec<String>,
    documentation: Option<Link>,
    api_documentation: Option<Link>,
    screenshots: Vec<String>,
    videos: Vec<Link>,
    awards: Vec<String>,
    description_languages: Vec<DescriptionLanguage>,
    logo: Option<String>,
    initials: String,
    repository: Link,
    landing: Option<Link>,
    roadmap: Option<Link>,
    organisation: Option<Link>,
    status: String,
    /// The status tag's colour class.
    stage: &'static str,
    kind: String,
    maintenance: String,
    categories: Vec<Link>,
    platforms: Vec<String>,
    scopes: Vec<String>,
    languages: Vec<String>,
    dependencies: Vec<DependencyView>,
    /// National platforms of the Italian section (`IT.piattaforme`) the software integrates.
    italian_platforms: Vec<&'static str>,
    warnings: Vec<Diagnostic>,
    problem: Option<String>,
    revisions: Vec<RevisionLine>,
    raw_href: String,
    api_href: String,
    /// The latest assessment, when the entry has one.
    assessment: Option<super::assessment::AssessmentView>,
    /// The entry has an assessment, but it does not read as a report (the error is logged).
    assessment_unreadable: bool,
    /// The repository's latest release, when it is newer than the version publiccode.yml
    /// declares (the two would otherwise contradict each other on the page).
    newer_release: Option<String>,
    /// The peer catalogs that list it.
    listings: Vec<ListingView>,
    /// Entries that do the same job, by meaning (empty without the model).
    similar: Vec<SimilarView>,
    /// The entry as schema.org `SoftwareSourceCode` JSON-LD, escaped by [`script_json`] for
    /// the page's `<script type="application/ld+json">` (the template writes it as it is).
    structured_data: String,
}

/// JSON to write inside a `<script>` element: `<`, `>` and `&` (and the line separators
/// some parsers end a line at) written as `\u` escapes, which JSON reads back as the same
/// characters. No text of an entry can then close the element (`</script>`) or open a
/// comment (`<!--`); the escapes can only occur inside JSON strings, where they are valid.
pub fn script_json(value: &serde_json::Value) -> String {
    let mut out = String::new();
    for c in value.to_string().chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            other => out.push(other),
        }
    }
    out
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The entry's schema.org JSON-LD, ready for the page; empty when it cannot be made (the page
/// is shown without it).
async fn structured_data(state: &AppState, software: &commons_catalog::Software) -> String {
    let organisation = match &software.organisation_id {
        Some(id) => state
            .catalog
            .organisation(id)
            .await
            .unwrap_or_else(|error| {
                tracing::warn!(%error, "organisation not loaded for the structured data");
                None
            }),
        None => None,
    };
    commons_catalog::export::codemeta::schema_org(software, organisation.as_ref())
        .map(|doc| script_json(&doc))
        .unwrap_or_default()
}

/// `GET /software/{id}`.
pub async fn software(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let software = match state.catalog.software(&id).await {
        Ok(Some(s)) if s.listed => s,
        Ok(_) => return error_page(ctx, StatusCode::NOT_FOUND, None),
        Err(error) => return api_error_page(ctx, error.into()),
    };
    let Some(p) = software.publiccode.clone() else {
        return error_page(ctx, StatusCode::NOT_FOUND, None);
    };
    let revisions = state.catalog.revisions(&id).await.unwrap_or_default();
    let listings = state
        .catalog
        .listings(&id)
        .await
        .unwrap_or_default()
        .iter()
        .map(ListingView::of)
        .collect();
    // As the API serves it: current declarations applied, dependents counted now.
    // Cached per index generation; the first read after a commit walks two columns, off the
    // async threads.
    let index = std::sync::Arc::clone(&state.index);
    let medians = tokio::task::spawn_blocking(move || index.score_medians())
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    let mut assessment_unreadable = false;
    let stored = match crate::api::software::assessment_as_read(&state, &software).await {
        Ok(stored) => stored,
        Err(error) => {
            tracing::warn!(%error, "assessment not loaded");
            assessment_unreadable = true;
            None
        }
    };
    let declared_version = software
        .publiccode
        .as_ref()
        .and_then(|p| p.software_version.as_deref());
    let newer_release = stored
        .as_ref()
        .and_then(|s| super::assessment::newer_release(&s.report, declared_version?));
    // The live publiccode.yml and its commit, for evidence that is one of its keys.
    let live = revisions
        .iter()
        .find(|r| Some(r.id) == software.live_revision_id)
        .and_then(|r| r.commit.clone().map(|commit| (r.id, commit)));
    let live_text = match &live {
        Some((id, _)) => state.catalog.raw(*id).await.ok().flatten(),
        None => None,
    };
    let publiccode_at = live
        .as_ref()
        .zip(live_text.as_deref())
        .map(|((_, commit), text)| super::assessment::PubliccodeAt { commit, text });
    let assessment = stored.map(|stored| {
        let mut view = super::assessment::view(&ctx, &stored, &medians);
        if let Some(links) =
            super::assessment::ForgeLinks::of(software.forge, &software.repository_url)
        {
            view.link_evidence(&links, publiccode_at.as_ref());
        }
        view
    });
    let names = organisation_names(&state).await;
    let structured_data = structured_data(&state, &software).await;
    let similar = similar_views(&ctx, &state, &software, &names).await;
    // `?desc=` picks another description language than the page's.
    let asked = form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "desc")
        .map(|(_, v)| v.into_owned());
    let Some((tag, description)) = pick_description(&p, asked.as_deref().or(Some(ctx.lang())))
    else {
        return error_page(ctx, StatusCode::NOT_FOUND, None);
    };
    let tag = tag.to_string();
    let description = description.clone();
    let desc_foreign = ctx.is_foreign(&tag);
    let has_readers_language = p.description.keys().any(|t| !ctx.is_foreign(t));
    let fallback_note = (!has_readers_language)
        .then(|| ctx.ta("description-fallback", "language", &ctx.language_name(&tag)));
    let description_languages = p
        .description
        .keys()
        .map(|t| DescriptionLanguage {
            name: ctx.language_name(t),
            href: ctx.href(&format!(
                "/software/{id}?desc={}",
                form_urlencoded::byte_serialize(t.as_bytes()).collect::<String>()
            )),
            current: *t == tag,
            tag: t.clone(),
        })
        .collect();
    let dependencies = p
        .depends_on
        .iter()
        .flat_map(|d| {
            [
                ("dependency-open", &d.open),
                ("dependency-proprietary", &d.proprietary),
                ("dependency-hardware", &d.hardware),
            ]
        })
        .flat_map(|(kind, list)| list.iter().map(move |dep| (kind, dep)))
        .map(|(kind, dep)| DependencyView {
            kind: ctx.t(kind),
            name: dep.name.clone(),
            versions: match (&dep.version, &dep.version_min, &dep.version_max) {
                (Some(v), _, _) => v.clone(),
                (None, Some(min), Some(max)) => format!("{min} – {max}"),
                (None, Some(min), None) => format!("≥ {min}"),
                (None, None, Some(max)) => format!("≤ {max}"),
                (None, None, None) => String::new(),
            },
            optional: dep.optional.unwrap_or(false),
        })
        .collect();
    let organisation = software.organisation_id.as_ref().map(|org| Link {
        label: names.get(org).cloned().unwrap_or_else(|| org.clone()),
        href: Some(ctx.href(&format!("/organisations/{org}"))),
    });
    let categories = p
        .categories
        .iter()
        .map(|c| Link {
            label: ctx.label("category", c),
            href: Some(ctx.href(&format!("/software?category={c}"))),
        })
        .collect();
    let superseded = match state.catalog.presentation(&id).await {
        Ok(Some(presentation)) => match presentation.superseded_by {
            Some(other) => state
                .catalog
                .software(&other)
                .await
                .ok()
                .flatten()
                .filter(|o| o.listed)
                .map(|o| Featured {
                    href: ctx.href(&format!("/software/{other}")),
                    name: o.name,
                    reason: presentation.reason,
                }),
            None => None,
        },
        _ => None,
    };
    let may_curate = crate::auth::authorize(
        ctx.viewer(),
        crate::auth::Action::CurateEntry {
            organisation: software.organisation_id.as_deref(),
        },
    )
    .is_ok();
    let curate_href = may_curate.then(|| ctx.href(&format!("/admin/entries/{id}")));
    let may_declare = software
        .organisation_id
        .as_deref()
        .is_some_and(|organisation| {
            crate::auth::authorize(ctx.viewer(), crate::auth::Action::Declare { organisation })
                .is_ok()
        });
    let declare_href = may_declare.then(|| ctx.href(&format!("/admin/declarations/{id}")));
    let page = SoftwarePage {
        superseded,
        curate_href,
        declare_href,
        desc_foreign,
        fallback_note,
        localised_name: description.localised_name.clone().filter(|n| *n != p.name),
        short_description: description.short_description.clone(),
        paragraphs: paragraphs(&description.long_description),
        features: description.features.clone(),
        documentation: description.documentation.as_deref().map(|u| Link::of(u, u)),
        api_documentation: description
            .api_documentation
            .as_deref()
            .map(|u| Link::of(u, u)),
        screenshots: description
            .screenshots
            .iter()
            .filter_map(|s| repository_file_url(&software, s))
            .collect(),
        videos: description.videos.iter().map(|u| Link::of(u, u)).collect(),
        awards: description.awards.clone(),
        description_languages,
        desc_tag: tag,
        logo: p
            .logo
            .as_deref()
            .and_then(|logo| repository_file_url(&software, logo)),
        initials: initials(&p.name),
        repository: Link::of(&p.url, &p.url),
        landing: p.landing_url.as_deref().map(|u| Link::of(u, u)),
        roadmap: p.roadmap.as_deref().map(|u| Link::of(u, u)),
        organisation,
        status: ctx.label("status", p.development_status.as_str()),
        stage: stage_class(p.development_status.as_str()),
        kind: ctx.label("software-type", p.software_type.as_str()),
        maintenance: ctx.label("maintenance", p.maintenance.kind.as_str()),
        categories,
        platforms: p
            .platforms
            .iter()
            .map(|x| ctx.label("platform", x))
            .collect(),
        scopes: p
            .intended_audience
            .iter()
            .flat_map(|a| a.scope.iter())
            .map(|s| ctx.label("scope", s))
            .collect(),
        languages: p
            .localisation
            .available_languages
            .iter()
            .map(|l| ctx.language_name(l))
            .collect(),
        dependencies,
        italian_platforms: p
            .it
            .as_ref()
            .map(|it| {
                let flags = &it.piattaforme;
                [
                    (flags.spid, "SPID"),
                    (flags.cie, "CIE"),
                    (flags.anpr, "ANPR"),
                    (flags.pagopa, "pagoPA"),
                    (flags.io, "IO"),
                ]
                .into_iter()
                .filter_map(|(on, name)| on.then_some(name))
                .collect()
            })
            .unwrap_or_default(),
        warnings: software.warnings.clone(),
        problem: software.problem.clone(),
        revisions: revisions
            .iter()
            .rev()
            .map(|r| RevisionLine::of(r, software.live_revision_id))
            .collect(),
        raw_href: format!("/api/v1/software/{id}/publiccode.yml"),
        api_href: format!("/api/v1/software/{id}"),
        assessment,
        assessment_unreadable,
        newer_release,
        listings,
        similar,
        structured_data,
        p,
        ctx,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

/// The entries closest in meaning, for the software page; none (and a log line) when they
/// cannot be had, since the page is whole without them.
async fn similar_views(
    ctx: &Ctx,
    state: &AppState,
    software: &commons_catalog::Software,
    names: &HashMap<String, String>,
) -> Vec<SimilarView> {
    use crate::api::similar::Relation;
    let entries =
        match crate::api::similar::similar_entries(state, software, 6, Some(ctx.lang())).await {
            Ok(entries) => entries,
            Err(error) => {
                tracing::warn!(%error, "similar entries not shown");
                return Vec::new();
            }
        };
    entries
        .into_iter()
        .map(|e| {
            let percent = format!("{:.0}", e.similarity * 100.0);
            let mut notes = vec![ctx.ta("similar-score", "percent", &percent)];
            if e.same_organisation {
                notes.push(ctx.t("similar-same-organisation"));
            }
            if let Some(relation) = e.relation {
                notes.push(ctx.t(match relation {
                    Relation::BasedOn => "relation-based-on",
                    Relation::BasisOf => "relation-basis-of",
                    Relation::DependsOn => "relation-depends-on",
                    Relation::DependencyOf => "relation-dependency-of",
                }));
            }
            let s = e.software;
            SimilarView {
                href: ctx.href(&format!("/software/{}", s.id)),
                foreign_lang: s
                    .description_language
                    .clone()
                    .filter(|tag| ctx.is_foreign(tag)),
                name: s.name,
                organisation: s
                    .organisation_id
                    .as_ref()
                    .map(|id| names.get(id).cloned().unwrap_or_else(|| id.clone())),
                short_description: s.short_description,
                notes,
            }
        })
        .collect()
}

/// An organisation in the list.
pub struct OrganisationLine {
    name: String,
    href: String,
    count: i64,
    uri: Option<String>,
}

/// Possible duplicates: one group of entries.
pub struct ClusterView {
    items: Vec<Item>,
    /// "A and B: 82 % alike", closest first.
    pairs: Vec<String>,
}

/// The possible-duplicates page.
#[derive(Template)]
#[template(path = "duplicates.html")]
pub struct DuplicatesPage {
    ctx: Ctx,
    lead: String,
    available: bool,
    complete: bool,
    clusters: Vec<ClusterView>,
    reuse: Vec<String>,
}

/// `GET /duplicates`: groups of entries from different organisations that describe the same
/// software, at the operator's threshold.
pub async fn duplicates(ctx: Ctx, State(state): State<AppState>) -> Response {
    let threshold = state.meaning.duplicate_threshold;
    let found =
        match crate::api::duplicates::find_duplicates(&state, threshold, Some(ctx.lang())).await {
            Ok(found) => found,
            Err(error) => return api_error_page(ctx, error),
        };
    let names = organisation_names(&state).await;
    let name_of = |id: &str, items: &[crate::api::views::SoftwareSummary]| {
        items
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    };
    let percent = |s: f32| format!("{:.0}", s * 100.0);
    let pair_text = |a: String, b: String, similarity: f32| {
        format!(
            "{a} · {b}: {}",
            ctx.ta("similar-score", "percent", &percent(similarity))
        )
    };
    let mut everyone: Vec<crate::api::views::SoftwareSummary> = Vec::new();
    let clusters = found
        .clusters
        .into_iter()
        .map(|cluster| {
            let pairs = cluster
                .pairs
                .iter()
                .map(|p| {
                    pair_text(
                        name_of(&p.a, &cluster.entries),
                        name_of(&p.b, &cluster.entries),
                        p.similarity,
                    )
                })
                .collect();
            let items = cluster
                .entries
                .into_iter()
                .map(|s| Item::of(&ctx, s, &names))
                .collect();
            ClusterView { items, pairs }
        })
        .collect();
    let reuse_ids: Vec<String> = found
        .reuse
        .iter()
        .flat_map(|p| [p.a.clone(), p.b.clone()])
        .collect();
    if !reuse_ids.is_empty()
        && let Ok(entries) = state.catalog.software_by_ids(&reuse_ids).await
    {
        everyone.extend(
            entries
                .iter()
                .filter_map(|s| crate::api::views::SoftwareSummary::of(s, Some(ctx.lang()), &[])),
        );
    }
    let reuse = found
        .reuse
        .into_iter()
        .map(|p| {
            pair_text(
                name_of(&p.a, &everyone),
                name_of(&p.b, &everyone),
                p.similarity,
            )
        })
        .collect();
    let page = DuplicatesPage {
        lead: ctx.ta("duplicates-lead", "percent", &percent(threshold)),
        available: found.meaning == crate::meaning::MeaningState::Ready,
        complete: found.complete,
        clusters,
        reuse,
        ctx,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

/// The organisations page.
#[derive(Template)]
#[template(path = "organisations.html")]
pub struct OrganisationsPage {
    ctx: Ctx,
    organisations: Vec<OrganisationLine>,
}

/// `GET /organisations`.
pub async fn organisations(ctx: Ctx, State(state): State<AppState>) -> Response {
    let all = match state.catalog.organisations().await {
        Ok(all) => all,
        Err(error) => return api_error_page(ctx, error.into()),
    };
    let organisations = all
        .into_iter()
        .map(|o| OrganisationLine {
            href: ctx.href(&format!("/organisations/{}", o.id)),
            name: o.name,
            count: o.software_count,
            uri: o.uri,
        })
        .collect();
    let page = OrganisationsPage { ctx, organisations };
    render(StatusCode::OK, &page.ctx, &page)
}

/// Entries listed on an organisation's page; the rest are a click away in the search, so that
/// the page costs the same for a publisher of three entries and one of thousands.
const ORGANISATION_ENTRIES_SHOWN: usize = 50;

/// One organisation's page.
#[derive(Template)]
#[template(path = "organisation.html")]
pub struct OrganisationPage {
    ctx: Ctx,
    name: String,
    uri: Option<Link>,
    total: u64,
    items: Vec<Item>,
    search_href: String,
}

/// `GET /organisations/{id}`: the publisher and its entries by name, from the search index.
pub async fn organisation(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    let organisation = match state.catalog.organisation(&id).await {
        Ok(Some(organisation)) => organisation,
        Ok(None) => return error_page(ctx, StatusCode::NOT_FOUND, None),
        Err(error) => return api_error_page(ctx, error.into()),
    };
    let filter = form_urlencoded::Serializer::new(String::new())
        .append_pair("organisation", &id)
        .finish();
    let query = format!("{filter}&sort=name&limit={ORGANISATION_ENTRIES_SHOWN}");
    let mut request = match parse_search(Some(&query)) {
        Ok(request) => request,
        Err(error) => return api_error_page(ctx, error),
    };
    request.query.lang = Some(ctx.lang().to_string());
    let found = match run_search(&state, &request).await {
        Ok(found) => found,
        Err(error) => return api_error_page(ctx, error),
    };
    let names = HashMap::from([(organisation.id.clone(), organisation.name.clone())]);
    let items = found
        .items
        .into_iter()
        .map(|s| Item::of(&ctx, s, &names))
        .collect();
    let page = OrganisationPage {
        name: organisation.name,
        uri: organisation.uri.as_deref().map(|u| Link::of(u, u)),
        total: found.total,
        items,
        search_href: ctx.href(&format!("/software?{filter}")),
        ctx,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

/// The about page.
#[derive(Template)]
#[template(path = "about.html")]
pub struct AboutPage {
    ctx: Ctx,
}

/// `GET /about`.
pub async fn about(ctx: Ctx) -> Response {
    let page = AboutPage { ctx };
    render(StatusCode::OK, &page.ctx, &page)
}

/// The methodology page's sections, in order; each has `method-{id}` and `method-{id}-text`
/// messages and is the anchor the assessment links to.
pub const METHOD_SECTIONS: [&str; 8] = [
    "license",
    "security",
    "vulnerabilities",
    "vitality",
    "principles",
    "cost",
    "offline",
    "contest",
];

/// The methodology page: how each part of the assessment is computed.
#[derive(Template)]
#[template(path = "methodology.html")]
pub struct MethodologyPage {
    ctx: Ctx,
    sections: Vec<(&'static str, String)>,
    method_version: &'static str,
}

/// `GET /methodology`.
pub async fn methodology(ctx: Ctx) -> Response {
    let sections = METHOD_SECTIONS
        .iter()
        .map(|id| (*id, ctx.t(&format!("method-{id}"))))
        .collect();
    let page = MethodologyPage {
        ctx,
        sections,
        method_version: commons_assess::METHOD_VERSION,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_stages_list_in_their_own_order() {
        let sorted = |facet: Facet, values: &[&'static str]| -> Vec<&'static str> {
            let order = natural_order(facet).expect("an ordered facet");
            let mut values = values.to_vec();
            values.sort_by_key(|v| order(v));
            values
        };
        assert_eq!(
            sorted(Facet::SecurityScore, &["7-8", "0-2", "9-10", "3-4"]),
            ["0-2", "3-4", "7-8", "9-10"]
        );
        assert_eq!(
            sorted(Facet::Vitality, &["75-100", "25-49", "0-24"]),
            ["0-24", "25-49", "75-100"]
        );
        assert_eq!(
            sorted(
                Facet::DevelopmentStatus,
                &["obsolete", "stable", "concept", "beta"]
            ),
            ["concept", "beta", "stable", "obsolete"]
        );
        assert!(natural_order(Facet::Category).is_none(), "by count");
    }

    #[test]
    fn script_json_cannot_leave_its_element_and_reads_back_the_same() {
        let hostile = serde_json::json!({
            "name": "</script><script>alert(1)</script> <!-- & \u{2028}",
            "</script>": "key too",
        });
        let written = script_json(&hostile);
        for forbidden in ["<", ">", "&", "\u{2028}"] {
            assert!(!written.contains(forbidden), "{forbidden:?} in {written}");
        }
        let read: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(read, hostile);
    }

    #[test]
    fn only_web_urls_become_links() {
        assert!(safe_url("javascript:alert(1)").is_none());
        assert!(safe_url(" JaVaScRiPt:alert(1)").is_none());
        assert!(safe_url("data:text/html,<script>").is_none());
        assert!(safe_url("logo.png").is_none());
        assert_eq!(
            safe_url("https://x.example/a").as_deref(),
            Some("https://x.example/a")
        );
    }

    #[test]
    fn relative_files_are_read_from_their_forge() {
        let software = |forge, url: &'static str| (forge, url);
        let repository_file_url = |(forge, url): (ForgeKind, &str), value: &str| {
            forge_file_url(forge, url, Some("main"), value)
        };
        let github = software(ForgeKind::Github, "https://github.com/unicef/primero.git");
        assert_eq!(
            repository_file_url(github, "./img/logo.svg").as_deref(),
            Some("https://raw.githubusercontent.com/unicef/primero/main/img/logo.svg")
        );
        let gitlab = software(ForgeKind::Gitlab, "https://gitlab.example/a/b");
        assert_eq!(
            repository_file_url(gitlab, "docs/shot 1.png").as_deref(),
            Some("https://gitlab.example/a/b/-/raw/main/docs/shot+1.png")
        );
        assert_eq!(repository_file_url(gitlab, "../../etc/passwd"), None);
        assert_eq!(repository_file_url(gitlab, "javascript:alert(1)"), None);
        assert_eq!(
            repository_file_url(software(ForgeKind::Demo, "https://x.example/r"), "logo.png"),
            None
        );
        assert_eq!(
            repository_file_url(gitlab, "https://cdn.example/logo.png").as_deref(),
            Some("https://cdn.example/logo.png")
        );
    }

    #[test]
    fn toggling_a_filter_adds_then_removes_it() {
        let ctx = Ctx::new(super::super::i18n::Locale::Fr, "/software");
        let search = SearchState::from_query(Some("q=eau&category=hr&lang=ar"));
        let more = search.toggled("platform", "web");
        assert_eq!(
            more.href(&ctx, None),
            "/software?q=eau&category=hr&platform=web&lang=fr"
        );
        assert_eq!(
            search.toggled("category", "hr").href(&ctx, None),
            "/software?q=eau&lang=fr"
        );
    }

    #[test]
    fn initials_of_any_name() {
        assert_eq!(initials("Case Compass"), "CC");
        assert_eq!(initials("<script>"), "S");
        assert_eq!(initials("!!!"), "·");
        assert_eq!(initials("名册"), "名");
    }
}
