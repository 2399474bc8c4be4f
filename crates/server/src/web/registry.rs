//! The publishers registry in the browser (`/admin/publishers`): curators add, edit, suspend
//! and resume publishers and their hosting locations or peer catalog, import a registry file
//! and export it.
//!
//! Each change is made from the revision the curator saw (a hidden field) and saves the whole
//! registry as a new revision after the checks of a registry file; the catalog refuses it when
//! someone saved in between, so no change undoes another unseen. The crawler of this server
//! takes the new registry at once, the other servers before their next round or webhook.
//! A server started with a registry file (`--publishers FILE`) shows the registry but does not
//! change it: the file is the registry there.

use super::admin::{allowed, bad, failed, fresh_form, text, when};
use super::{Ctx, error_page, render};
use crate::auth::routes::see_other;
use crate::auth::{Action, Viewer, Visitor, authorize, now};
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use commons_catalog::{CatalogError, RegistryChange};
use commons_crawler::stored::{self, Imported, RegistryChangeError, StoredRegistry};
use commons_crawler::{CatalogKind, Hosting, HostingKind, PeerCatalog, PublisherEntry};
use std::collections::HashMap;

/// Largest registry pasted into the import form (bigger ones: `commons publishers import`).
pub const MAX_IMPORT_FORM: usize = 4 * 1024 * 1024;

/// Blank hosting lines offered under the existing ones, to add locations without script.
const BLANK_HOSTINGS: usize = 2;

/// Most hosting lines a form may send; a publisher with more is changed by importing a file
/// (its form would drop the lines past the bound).
const MAX_HOSTINGS: usize = 1000;

/// Where the registry of this server comes from, as the page explains it.
fn source_message(state: &AppState) -> &'static str {
    match &state.crawl {
        Some(crawl) if crawl.registry_file.is_some() => "registry-source-file",
        Some(_) => "registry-source-database",
        None => "registry-source-none",
    }
}

/// Whether the browser may change the registry on this server.
pub(super) fn editable(state: &AppState) -> bool {
    state
        .crawl
        .as_ref()
        .is_none_or(|crawl| crawl.registry_file.is_none())
}

/// A hosting location as shown and edited.
pub struct HostingRow {
    /// Its address.
    pub url: String,
    /// Its kind's word (`gitlab`...), empty on a blank line.
    pub kind: String,
    /// Its API base, when set.
    pub api: String,
}

/// A publisher as the list shows it.
pub struct PublisherRow {
    /// Its entry.
    pub entry: PublisherEntry,
    /// Its edit page.
    pub href: String,
    /// Whether the viewer may change it.
    pub may_edit: bool,
}

/// `/admin/publishers`.
#[derive(Template)]
#[template(path = "admin_registry.html")]
pub struct RegistryPage {
    ctx: Ctx,
    number: i64,
    saved_by: String,
    saved_at: String,
    source_id: &'static str,
    editable: bool,
    may_add: bool,
    publishers: Vec<PublisherRow>,
    /// The import form's text when it failed, and why.
    import_text: String,
    import_problems: Vec<String>,
}

/// The message id of a hosting kind's label.
pub fn kind_message(kind: &str) -> &'static str {
    match kind {
        "gitlab" => "kind-gitlab",
        "github" => "kind-github",
        "gitea" => "kind-gitea",
        _ => "kind-git",
    }
}

async fn load(state: &AppState) -> Result<StoredRegistry, RegistryChangeError> {
    stored::load(&state.catalog).await
}

/// After a change: this server's crawler takes the new registry now.
pub(super) async fn changed(state: &AppState) {
    if let Some(crawl) = &state.crawl {
        crawl.refresh_registry(&state.catalog).await;
    }
}

pub(super) fn change_failed(ctx: Ctx, error: RegistryChangeError) -> Response {
    match error {
        RegistryChangeError::Catalog(CatalogError::Conflict(detail)) => {
            error_page(ctx, StatusCode::CONFLICT, Some(detail))
        }
        RegistryChangeError::Catalog(other) => failed(ctx, other),
        RegistryChangeError::Invalid(problems) => {
            tracing::error!(
                ?problems,
                "the stored publishers registry does not pass the checks"
            );
            error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None)
        }
    }
}

/// `GET /admin/publishers`.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
) -> Response {
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, Action::ReadRegistry) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    list_page(&state, ctx, &viewer, String::new(), Vec::new()).await
}

async fn list_page(
    state: &AppState,
    ctx: Ctx,
    viewer: &Viewer,
    import_text: String,
    import_problems: Vec<String>,
) -> Response {
    let stored = match load(state).await {
        Ok(stored) => stored,
        Err(error) => return change_failed(ctx, error),
    };
    let (saved_by, saved_at) = match &stored.saved {
        Some((by, at)) => (by.clone(), when(*at)),
        None => (String::new(), String::new()),
    };
    let editable = editable(state);
    let publishers = stored
        .registry
        .publishers
        .into_iter()
        .map(|entry| {
            let organisation = Some(entry.id.as_str());
            let may_edit = authorize(Some(viewer), Action::EditRegistry { organisation }).is_ok();
            PublisherRow {
                href: ctx.href(&format!("/admin/publishers/{}", entry.id)),
                may_edit,
                entry,
            }
        })
        .collect();
    let status = if import_problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = RegistryPage {
        number: stored.number,
        saved_by,
        saved_at,
        source_id: source_message(state),
        editable,
        may_add: editable
            && authorize(Some(viewer), Action::EditRegistry { organisation: None }).is_ok(),
        publishers,
        import_text,
        import_problems,
        ctx,
    };
    render(status, &page.ctx, &page)
}

/// `GET /admin/publishers/registry.yml`: the registry as a registry file.
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
) -> Response {
    let (ctx, _) = match allowed(ctx, &visitor, &method, Action::ReadRegistry) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let text = match state.catalog.registry().await {
        Ok(Some(revision)) => revision.text,
        Ok(None) => "[]\n".to_string(),
        Err(error) => return failed(ctx, error),
    };
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/yaml; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"publishers.yml\""),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// The import form.
#[derive(Debug, serde::Deserialize)]
pub struct ImportForm {
    csrf: String,
    registry: String,
}

/// `POST /admin/publishers/import`: replaces the registry with a pasted registry file.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Form(form): Form<ImportForm>,
) -> Response {
    let action = Action::EditRegistry { organisation: None };
    let (ctx, viewer) = match editor(&state, ctx, &visitor, &method, action, &form.csrf).await {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    match stored::import(
        &state.catalog,
        form.registry.as_bytes(),
        &viewer.actor(),
        now(),
    )
    .await
    {
        Ok(Imported::Invalid(errors)) => {
            let problems = errors.iter().map(ToString::to_string).collect();
            list_page(&state, ctx, &viewer, form.registry, problems).await
        }
        Ok(Imported::Unchanged(_)) => see_other(&ctx.href("/admin/publishers")),
        Ok(Imported::Saved(..)) => {
            changed(&state).await;
            see_other(&ctx.href("/admin/publishers"))
        }
        Err(error) => change_failed(ctx, error),
    }
}

/// The person signed in who may do `action`, with the form's CSRF token checked, on a server
/// whose registry the browser may change.
async fn editor(
    state: &AppState,
    ctx: Ctx,
    visitor: &Visitor,
    method: &Method,
    action: Action<'_>,
    csrf: &str,
) -> Result<(Ctx, std::sync::Arc<Viewer>), Box<Response>> {
    let (ctx, viewer) = allowed(ctx, visitor, method, action)?;
    let ctx = fresh_form(ctx, &viewer, csrf)?;
    if !editable(state) {
        return Err(Box::new(read_only(ctx)));
    }
    Ok((ctx, viewer))
}

/// The CSRF token of a form read as pairs.
fn csrf_of(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .find(|(key, _)| key == "csrf")
        .map(|(_, value)| value.clone())
        .unwrap_or_default()
}

/// 409 on a server whose registry is a file.
fn read_only(ctx: Ctx) -> Response {
    error_page(
        ctx,
        StatusCode::CONFLICT,
        Some(
            "this server crawls the registry file it was started with: change the file and \
             restart the server"
                .into(),
        ),
    )
}

/// `/admin/publishers/new` and `/admin/publishers/{id}`.
#[derive(Template)]
#[template(path = "admin_publisher.html")]
pub struct PublisherPage {
    ctx: Ctx,
    /// The revision the form was made from.
    number: i64,
    /// Adding a publisher (else editing `id`).
    new: bool,
    /// Where the form is sent.
    action: String,
    id: String,
    name: String,
    uri: String,
    catalog: String,
    hostings: Vec<HostingRow>,
    suspended: Option<String>,
    /// The forms are offered.
    editable: bool,
    /// The registry is this server's file (else, when not editable, the form is too small).
    file_managed: bool,
    kinds: &'static [&'static str],
    problems: Vec<String>,
}

const KINDS: &[&str] = &["gitlab", "github", "gitea", "git"];

/// Where a publisher's form is sent: its own address, or `new` (`id` is `None`).
fn form_action(ctx: &Ctx, id: Option<&str>) -> String {
    format!(
        "/admin/publishers/{}?lang={}",
        id.unwrap_or("new"),
        ctx.lang()
    )
}

fn hosting_rows(hosting: &[Hosting]) -> Vec<HostingRow> {
    let mut rows: Vec<HostingRow> = hosting
        .iter()
        .map(|h| HostingRow {
            url: h.url.clone(),
            kind: h.kind.as_str().to_string(),
            api: h.api.clone().unwrap_or_default(),
        })
        .collect();
    rows.extend((0..BLANK_HOSTINGS).map(|_| HostingRow {
        url: String::new(),
        kind: String::new(),
        api: String::new(),
    }));
    rows
}

fn publisher_page(
    ctx: Ctx,
    number: i64,
    entry: Option<&PublisherEntry>,
    editable: bool,
) -> PublisherPage {
    let action = form_action(&ctx, entry.map(|p| p.id.as_str()));
    PublisherPage {
        number,
        new: entry.is_none(),
        action,
        id: entry.map(|p| p.id.clone()).unwrap_or_default(),
        name: entry.map(|p| p.name.clone()).unwrap_or_default(),
        uri: entry.and_then(|p| p.uri.clone()).unwrap_or_default(),
        catalog: entry
            .and_then(|p| p.catalog.as_ref())
            .map(|c| c.url.clone())
            .unwrap_or_default(),
        hostings: hosting_rows(entry.map_or(&[][..], |p| &p.hosting)),
        suspended: entry.and_then(|p| p.suspended.clone()),
        editable,
        file_managed: false,
        kinds: KINDS,
        problems: Vec::new(),
        ctx,
    }
}

/// `GET /admin/publishers/new`.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
) -> Response {
    let action = Action::EditRegistry { organisation: None };
    let (ctx, _) = match allowed(ctx, &visitor, &method, action) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let number = match load(&state).await {
        Ok(stored) => stored.number,
        Err(error) => return change_failed(ctx, error),
    };
    let mut page = publisher_page(ctx, number, None, editable(&state));
    page.file_managed = !editable(&state);
    render(StatusCode::OK, &page.ctx, &page)
}

/// `GET /admin/publishers/{id}`.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path(id): Path<String>,
) -> Response {
    let action = Action::EditRegistry {
        organisation: Some(&id),
    };
    let (ctx, _) = match allowed(ctx, &visitor, &method, action) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let stored = match load(&state).await {
        Ok(stored) => stored,
        Err(error) => return change_failed(ctx, error),
    };
    let Some(entry) = stored.registry.publishers.iter().find(|p| p.id == id) else {
        return error_page(
            ctx,
            StatusCode::NOT_FOUND,
            Some(format!("no publisher {id:?}")),
        );
    };
    let page = publisher_page(ctx, stored.number, Some(entry), editable(&state));
    render(StatusCode::OK, &page.ctx, &page)
}

/// A publisher's form, as sent: fixed fields and numbered hosting lines
/// (`url-N`, `kind-N`, `api-N`).
struct PublisherForm {
    from: i64,
    id: String,
    name: String,
    uri: String,
    catalog: String,
    hostings: Vec<HostingRow>,
}

impl PublisherForm {
    fn read(pairs: Vec<(String, String)>) -> Result<PublisherForm, String> {
        let mut fields: HashMap<String, String> = HashMap::new();
        for (key, value) in pairs {
            if fields.len() > 8 + 3 * MAX_HOSTINGS {
                return Err(format!("at most {MAX_HOSTINGS} hosting locations"));
            }
            fields.insert(key, value);
        }
        let mut take = |key: &str| fields.remove(key).unwrap_or_default();
        let mut hostings = Vec::new();
        for n in 0..MAX_HOSTINGS {
            let (url, kind, api) = (
                take(&format!("url-{n}")),
                take(&format!("kind-{n}")),
                take(&format!("api-{n}")),
            );
            hostings.push(HostingRow {
                url: url.trim().to_string(),
                kind: kind.trim().to_string(),
                api: api.trim().to_string(),
            });
        }
        // Trailing blank lines are the form's, not the curator's.
        while hostings
            .last()
            .is_some_and(|h| h.url.is_empty() && h.api.is_empty())
        {
            hostings.pop();
        }
        Ok(PublisherForm {
            from: take("from")
                .trim()
                .parse()
                .map_err(|_| "the form is incomplete: reload the page")?,
            id: take("id").trim().to_string(),
            name: take("name"),
            uri: take("uri"),
            catalog: take("catalog").trim().to_string(),
            hostings,
        })
    }

    /// The publisher the form describes, or what is wrong with it (the registry's checks
    /// come after).
    fn entry(&self, id: &str, suspended: Option<String>) -> Result<PublisherEntry, Vec<String>> {
        let mut problems = Vec::new();
        let name = match text(&self.name, 200) {
            Ok(Some(name)) => name,
            Ok(None) => {
                problems.push("the name is missing".to_string());
                String::new()
            }
            Err(why) => {
                problems.push(format!("name: {why}"));
                String::new()
            }
        };
        let uri = text(&self.uri, 500).unwrap_or_else(|why| {
            problems.push(format!("identifier of the organisation: {why}"));
            None
        });
        let mut hosting = Vec::new();
        for row in self
            .hostings
            .iter()
            .filter(|h| !h.url.is_empty() || !h.api.is_empty())
        {
            let Some(kind) = HostingKind::parse(&row.kind) else {
                problems.push(format!("choose the kind of {}", row.url));
                continue;
            };
            if row.url.len() > 500 || row.api.len() > 500 {
                problems.push("an address is longer than 500 characters".into());
                continue;
            }
            hosting.push(Hosting {
                url: row.url.clone(),
                kind,
                api: (!row.api.is_empty()).then(|| row.api.clone()),
            });
        }
        let catalog = (!self.catalog.is_empty()).then(|| PeerCatalog {
            url: self.catalog.clone(),
            kind: CatalogKind::OpenCatalogApi,
        });
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(PublisherEntry {
            id: id.to_string(),
            name,
            uri,
            hosting,
            catalog,
            suspended,
        })
    }

    /// The page again, with what was sent and what is wrong.
    fn page_again(
        self,
        ctx: Ctx,
        new: bool,
        problems: Vec<String>,
        suspended: Option<String>,
    ) -> Response {
        let mut hostings = self.hostings;
        hostings.extend(hosting_rows(&[]));
        let action = form_action(&ctx, (!new).then_some(self.id.as_str()));
        let page = PublisherPage {
            number: self.from,
            new,
            action,
            id: self.id,
            name: self.name,
            uri: self.uri,
            catalog: self.catalog,
            hostings,
            suspended,
            editable: true,
            file_managed: false,
            kinds: KINDS,
            problems,
            ctx,
        };
        render(StatusCode::UNPROCESSABLE_ENTITY, &page.ctx, &page)
    }
}

/// `POST /admin/publishers/new`.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let action = Action::EditRegistry { organisation: None };
    let csrf = csrf_of(&pairs);
    let (ctx, viewer) = match editor(&state, ctx, &visitor, &method, action, &csrf).await {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let form = match PublisherForm::read(pairs) {
        Ok(form) => form,
        Err(why) => return bad(ctx, why),
    };
    let id = form.id.to_lowercase();
    let entry = match form.entry(&id, None) {
        Ok(entry) => entry,
        Err(problems) => return form.page_again(ctx, true, problems, None),
    };
    let stored = match load(&state).await {
        Ok(stored) => stored,
        Err(error) => return change_failed(ctx, error),
    };
    if stored.registry.publishers.iter().any(|p| p.id == id) {
        let problems = vec![format!("publisher {id:?} exists already: edit it instead")];
        return form.page_again(ctx, true, problems, None);
    }
    let target = format!("publisher:{id}");
    let change = RegistryChange {
        action: "publisher.add",
        target: &target,
        before: None,
        after: Some(stored::publisher_json(&entry)),
    };
    let before = stored.registry.publishers;
    let mut publishers = before.clone();
    publishers.push(entry);
    let from = (form.from, before.as_slice());
    save(
        &state,
        ctx,
        &viewer,
        form_again(form, true, None),
        from,
        publishers,
        change,
    )
    .await
}

/// `POST /admin/publishers/{id}`.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let action = Action::EditRegistry {
        organisation: Some(&id),
    };
    let csrf = csrf_of(&pairs);
    let (ctx, viewer) = match editor(&state, ctx, &visitor, &method, action, &csrf).await {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let mut form = match PublisherForm::read(pairs) {
        Ok(form) => form,
        Err(why) => return bad(ctx, why),
    };
    form.id = id.clone();
    let stored = match load(&state).await {
        Ok(stored) => stored,
        Err(error) => return change_failed(ctx, error),
    };
    let Some(at) = stored.registry.publishers.iter().position(|p| p.id == id) else {
        return error_page(
            ctx,
            StatusCode::NOT_FOUND,
            Some(format!("no publisher {id:?}")),
        );
    };
    let before = stored.registry.publishers[at].clone();
    if before.hosting.len() + BLANK_HOSTINGS > MAX_HOSTINGS {
        return bad(
            ctx,
            format!(
                "{id:?} has more hosting locations than this form holds: change it by \
                 importing a registry file"
            ),
        );
    }
    let entry = match form.entry(&id, before.suspended.clone()) {
        Ok(entry) => entry,
        Err(problems) => return form.page_again(ctx, false, problems, before.suspended),
    };
    let target = format!("publisher:{id}");
    let change = RegistryChange {
        action: "publisher.edit",
        target: &target,
        before: Some(stored::publisher_json(&before)),
        after: Some(stored::publisher_json(&entry)),
    };
    let all = stored.registry.publishers;
    let mut publishers = all.clone();
    publishers[at] = entry;
    let from = (form.from, all.as_slice());
    let again = form_again(form, false, before.suspended);
    save(&state, ctx, &viewer, again, from, publishers, change).await
}

/// A form to show again when its registry fails the checks.
struct FormAgain {
    form: PublisherForm,
    new: bool,
    suspended: Option<String>,
}

fn form_again(form: PublisherForm, new: bool, suspended: Option<String>) -> FormAgain {
    FormAgain {
        form,
        new,
        suspended,
    }
}

/// Saves a publisher's form; on failed checks, the form again with the problems.
async fn save(
    state: &AppState,
    ctx: Ctx,
    viewer: &Viewer,
    again: FormAgain,
    from: (i64, &[PublisherEntry]),
    publishers: Vec<PublisherEntry>,
    change: RegistryChange<'_>,
) -> Response {
    match stored::save(
        &state.catalog,
        from,
        publishers,
        change,
        &viewer.actor(),
        now(),
    )
    .await
    {
        Ok(_) => {
            changed(state).await;
            see_other(&ctx.href("/admin/publishers"))
        }
        Err(RegistryChangeError::Invalid(problems)) => {
            again
                .form
                .page_again(ctx, again.new, problems, again.suspended)
        }
        Err(error) => change_failed(ctx, error),
    }
}

/// The suspend and resume forms.
#[derive(Debug, serde::Deserialize)]
pub struct SuspendForm {
    csrf: String,
    from: i64,
    #[serde(default)]
    reason: String,
}

/// `POST /admin/publishers/{id}/suspend` and `/resume`.
pub async fn suspend(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path((id, verb)): Path<(String, String)>,
    Form(form): Form<SuspendForm>,
) -> Response {
    let action = Action::EditRegistry {
        organisation: Some(&id),
    };
    let (ctx, viewer) = match editor(&state, ctx, &visitor, &method, action, &form.csrf).await {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let suspended = match verb.as_str() {
        "suspend" => match text(&form.reason, 1000) {
            Ok(Some(reason)) => Some(reason.replace(['\r', '\n'], " ")),
            Ok(None) => return bad(ctx, "say why the publisher is suspended"),
            Err(why) => return bad(ctx, format!("reason: {why}")),
        },
        "resume" => None,
        _ => return error_page(ctx, StatusCode::NOT_FOUND, None),
    };
    let stored = match load(&state).await {
        Ok(stored) => stored,
        Err(error) => return change_failed(ctx, error),
    };
    let mut publishers = stored.registry.publishers.clone();
    let Some(entry) = publishers.iter_mut().find(|p| p.id == id) else {
        return error_page(
            ctx,
            StatusCode::NOT_FOUND,
            Some(format!("no publisher {id:?}")),
        );
    };
    let before = serde_json::json!({ "suspended": entry.suspended });
    entry.suspended = suspended;
    let after = serde_json::json!({ "suspended": entry.suspended });
    let target = format!("publisher:{id}");
    let change = RegistryChange {
        action: if verb == "suspend" {
            "publisher.suspend"
        } else {
            "publisher.resume"
        },
        target: &target,
        before: Some(before),
        after: Some(after),
    };
    let at = now();
    let from = (form.from, stored.registry.publishers.as_slice());
    match stored::save(
        &state.catalog,
        from,
        publishers,
        change,
        &viewer.actor(),
        at,
    )
    .await
    {
        Ok(_) => {
            changed(&state).await;
            see_other(&ctx.href(&format!("/admin/publishers/{id}")))
        }
        Err(RegistryChangeError::Invalid(problems)) => bad(ctx, problems.join("; ")),
        Err(error) => change_failed(ctx, error),
    }
}

/// The forge kind a request's address most likely is, for the curator's form: GitHub by its
/// host, GitLab and Gitea or Forgejo by a host that names them; empty when unknown.
pub fn guess_kind(forge_url: &str) -> &'static str {
    let host = url::Url::parse(forge_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_default();
    if host == "github.com" || host.ends_with(".github.com") {
        "github"
    } else if host.contains("gitlab") {
        "gitlab"
    } else if host.contains("gitea") || host.contains("forgejo") || host.contains("codeberg") {
        "gitea"
    } else {
        ""
    }
}

/// The registry with a request's forge group added under its organisation (a new publisher
/// when the registry has none by that id), as a save to make with the acceptance.
pub async fn with_requested_hosting(
    state: &AppState,
    organisation_id: &str,
    organisation: &str,
    forge_url: &str,
    kind: HostingKind,
) -> Result<(i64, String, serde_json::Value, serde_json::Value), RegistryChangeError> {
    let stored = load(state).await?;
    let mut publishers = stored.registry.publishers;
    let hosting = Hosting {
        url: forge_url.trim_end_matches('/').to_string(),
        kind,
        api: None,
    };
    let before;
    match publishers.iter_mut().find(|p| p.id == organisation_id) {
        Some(publisher) => {
            before = stored::publisher_json(publisher);
            if !publisher.hosting.contains(&hosting) {
                publisher.hosting.push(hosting);
            }
        }
        None => {
            before = serde_json::Value::Null;
            publishers.push(PublisherEntry {
                id: organisation_id.to_string(),
                name: organisation.to_string(),
                uri: None,
                hosting: vec![hosting],
                catalog: None,
                suspended: None,
            });
        }
    }
    let after = publishers
        .iter()
        .find(|p| p.id == organisation_id)
        .map(stored::publisher_json)
        .unwrap_or_default();
    let text = stored::prepare(publishers)?;
    Ok((stored.number, text, before, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_s_forge_kind_is_guessed_from_its_host() {
        assert_eq!(guess_kind("https://github.com/unicef"), "github");
        assert_eq!(guess_kind("https://gitlab.un.org/wfp"), "gitlab");
        assert_eq!(guess_kind("https://codeberg.org/ngo"), "gitea");
        assert_eq!(guess_kind("https://git.example.org/x.git"), "");
        assert_eq!(guess_kind("not a url"), "");
    }

    #[test]
    fn a_form_s_hosting_lines_are_read_and_trailing_blanks_dropped() {
        let pairs = |list: &[(&str, &str)]| {
            list.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        let form = PublisherForm::read(pairs(&[
            ("csrf", "c"),
            ("from", "3"),
            ("id", "wfp"),
            ("name", " WFP "),
            ("url-0", "https://gitlab.example.org/wfp"),
            ("kind-0", "gitlab"),
            ("url-1", ""),
            ("kind-1", "gitlab"),
            ("url-2", "https://git.example.org/a.git"),
            ("kind-2", ""),
            ("url-3", ""),
        ]))
        .unwrap();
        assert_eq!(form.from, 3);
        assert_eq!(
            form.hostings.len(),
            3,
            "the blank line inside is kept, the last dropped"
        );
        let problems = form.entry("wfp", None).unwrap_err();
        assert_eq!(
            problems,
            ["choose the kind of https://git.example.org/a.git"]
        );
        assert!(
            PublisherForm::read(pairs(&[("csrf", "c")])).is_err(),
            "no revision"
        );
    }
}
