//! The pages of people signed in: their account (`/admin`), the roles (`/admin/roles`), the
//! requests to publish (`/publish` to ask, `/admin/requests` to decide) and the audit log
//! (`/admin/audit`).
//!
//! Every handler asks [`authorize`] first; every form carries the session's CSRF token, and
//! every write goes to the catalog, which records it in the audit log in the same
//! transaction. After a write the browser is sent back to the page (POST, redirect, GET).

use super::{Ctx, error_page, render};
use crate::auth::routes::see_other;
use crate::auth::{Action, Denied, Viewer, Visitor, authorize, csrf_matches, now};
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use commons_catalog::{
    AuditQuery, CatalogError, Decision, NewPublishRequest, PublishRequest, RegistryChange,
    RegistrySave, RequestStatus, RoleGrant, RoleName,
};
use commons_crawler::HostingKind;
use commons_crawler::stored::RegistryChangeError;
use serde::Deserialize;
use std::sync::Arc;

/// Entries on a page of the audit log.
const AUDIT_PAGE: i64 = 50;

/// The person signed in, when they may do `action`; else the answer: a redirect to sign in
/// (a page), 401 (a form), 403, or 404 where the catalog offers no sign-in at all.
pub(super) fn allowed(
    ctx: Ctx,
    visitor: &Visitor,
    method: &Method,
    action: Action<'_>,
) -> Result<(Ctx, Arc<Viewer>), Box<Response>> {
    if !visitor.sign_in {
        return Err(Box::new(error_page(ctx, StatusCode::NOT_FOUND, None)));
    }
    let denied = match (
        &visitor.viewer,
        authorize(visitor.viewer.as_deref(), action),
    ) {
        (Some(viewer), Ok(())) => return Ok((ctx, Arc::clone(viewer))),
        (_, Err(denied)) => denied,
        // `authorize` allows nothing to nobody; should that ever change, still nobody.
        (None, Ok(())) => Denied::SignInFirst,
    };
    Err(Box::new(match denied {
        Denied::SignInFirst if method == Method::GET => see_other(&ctx.sign_in_href()),
        Denied::SignInFirst => error_page(ctx, StatusCode::UNAUTHORIZED, None),
        Denied::Forbidden => not_allowed(ctx),
    }))
}

/// 403 for someone whose roles do not allow the action.
fn not_allowed(ctx: Ctx) -> Response {
    super::error_page_with(
        ctx,
        StatusCode::FORBIDDEN,
        "not-allowed-title",
        "not-allowed-text",
        None,
    )
}

/// A form's CSRF token checked: 403 when it is not the session's.
pub(crate) fn fresh_form(ctx: Ctx, viewer: &Viewer, csrf: &str) -> Result<Ctx, Box<Response>> {
    if csrf_matches(viewer, csrf) {
        Ok(ctx)
    } else {
        Err(Box::new(error_page(
            ctx,
            StatusCode::FORBIDDEN,
            Some("the form is stale or was not sent from this site: reload the page".into()),
        )))
    }
}

pub(super) fn failed(ctx: Ctx, error: CatalogError) -> Response {
    match error {
        CatalogError::NotFound(detail) => error_page(ctx, StatusCode::NOT_FOUND, Some(detail)),
        CatalogError::Conflict(detail) => error_page(ctx, StatusCode::CONFLICT, Some(detail)),
        other => {
            tracing::error!(error = %other, "admin page failed");
            error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None)
        }
    }
}

pub(super) fn bad(ctx: Ctx, detail: impl Into<String>) -> Response {
    error_page(ctx, StatusCode::BAD_REQUEST, Some(detail.into()))
}

/// Text from a form: trimmed, without control characters but line breaks, at most `max`
/// characters; `None` when empty.
pub(super) fn text(value: &str, max: usize) -> Result<Option<String>, String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(format!("at most {max} characters"));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r')
    {
        return Err("control characters are not allowed".into());
    }
    Ok((!value.is_empty()).then(|| value.to_string()))
}

/// A role as shown.
pub struct RoleView {
    /// The grant's number (for taking it back).
    pub id: i64,
    /// To whom.
    pub email: String,
    /// The role's message id.
    pub role_id: &'static str,
    /// Over what organisation (empty: all).
    pub scope: String,
    /// Who gave it.
    pub granted_by: String,
    /// When.
    pub granted_at: String,
}

fn role_message(role: RoleName) -> &'static str {
    match role {
        RoleName::Admin => "role-admin",
        RoleName::Curator => "role-curator",
        RoleName::Member => "role-member",
    }
}

fn role_view(grant: &RoleGrant) -> RoleView {
    RoleView {
        id: grant.id,
        email: grant.email.clone(),
        role_id: role_message(grant.role),
        scope: grant.scope.clone(),
        granted_by: grant.granted_by.clone(),
        granted_at: when(grant.granted_at),
    }
}

/// A time as shown: `2026-12-03 14:05 UTC`.
pub(super) fn when(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// `/admin`: who is signed in, their roles, and where they may go.
#[derive(Template)]
#[template(path = "admin_account.html")]
pub struct AccountPage {
    ctx: Ctx,
    viewer: Arc<Viewer>,
    roles: Vec<RoleView>,
    may_manage_roles: bool,
    may_review: bool,
    may_read_audit: bool,
    may_read_registry: bool,
    /// The organisations whose tokens they manage.
    token_organisations: Vec<String>,
}

/// `GET /admin`.
pub async fn account(ctx: Ctx, visitor: Visitor, method: Method) -> Response {
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, Action::SeeOwnAccount) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let may = |action| authorize(Some(&viewer), action).is_ok();
    let page = AccountPage {
        roles: viewer.grants.iter().map(role_view).collect(),
        may_manage_roles: may(Action::ManageRoles),
        may_review: may(Action::ReviewRequests),
        may_read_audit: may(Action::ReadAudit),
        may_read_registry: may(Action::ReadRegistry),
        token_organisations: viewer
            .grants
            .iter()
            .filter(|g| g.role == RoleName::Member)
            .map(|g| g.scope.clone())
            .collect(),
        viewer,
        ctx,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

/// `/admin/roles`: every role given, a form to give one.
#[derive(Template)]
#[template(path = "admin_roles.html")]
pub struct RolesPage {
    ctx: Ctx,
    roles: Vec<RoleView>,
    organisations: Vec<(String, String)>,
    admins: Vec<String>,
}

/// `GET /admin/roles`.
pub async fn roles(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
) -> Response {
    let (ctx, _) = match allowed(ctx, &visitor, &method, Action::ManageRoles) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let grants = match state.catalog.grants().await {
        Ok(grants) => grants,
        Err(error) => return failed(ctx, error),
    };
    let organisations = match state.catalog.organisation_names().await {
        Ok(names) => names,
        Err(error) => return failed(ctx, error),
    };
    let page = RolesPage {
        roles: grants.iter().map(role_view).collect(),
        organisations,
        admins: state.access.configured_admins().to_vec(),
        ctx,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

/// The form that gives a role.
#[derive(Debug, Deserialize)]
pub struct GrantForm {
    csrf: String,
    email: String,
    role: String,
    #[serde(default)]
    organisation: String,
}

/// `POST /admin/roles`.
pub async fn grant(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Form(form): Form<GrantForm>,
) -> Response {
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, Action::ManageRoles) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let ctx = match fresh_form(ctx, &viewer, &form.csrf) {
        Ok(ctx) => ctx,
        Err(response) => return *response,
    };
    let email = form.email.trim().to_lowercase();
    if !crate::auth::oidc::plausible_email(&email) {
        return bad(ctx, format!("{email:?} is not an e-mail address"));
    }
    let Some(role) = RoleName::parse(&form.role) else {
        return bad(ctx, "the role is admin, curator or member");
    };
    let scope = form.organisation.trim().to_string();
    match (role, scope.is_empty()) {
        (RoleName::Admin, false) => {
            return bad(ctx, "an administrator is one for every organisation");
        }
        (RoleName::Member, true) => {
            return bad(ctx, "a member is a member of one organisation: choose it");
        }
        _ => {}
    }
    match state
        .catalog
        .grant_role(&email, role, &scope, &viewer.actor(), now())
        .await
    {
        Ok(_) => see_other(&ctx.href("/admin/roles")),
        Err(error) => failed(ctx, error),
    }
}

/// A form that only carries the CSRF token.
#[derive(Debug, Deserialize)]
pub struct TokenForm {
    csrf: String,
}

/// `POST /admin/roles/{id}/revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path(id): Path<i64>,
    Form(form): Form<TokenForm>,
) -> Response {
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, Action::ManageRoles) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let ctx = match fresh_form(ctx, &viewer, &form.csrf) {
        Ok(ctx) => ctx,
        Err(response) => return *response,
    };
    match state.catalog.revoke_role(id, &viewer.actor(), now()).await {
        Ok(Some(_)) => see_other(&ctx.href("/admin/roles")),
        Ok(None) => error_page(ctx, StatusCode::NOT_FOUND, Some(format!("no role {id}"))),
        Err(error) => failed(ctx, error),
    }
}

/// A request to publish as shown.
pub struct RequestView {
    /// The stored request.
    pub request: PublishRequest,
    /// Its status' message id.
    pub status_id: &'static str,
    /// When it was asked.
    pub created: String,
    /// When it was decided.
    pub decided: String,
    /// The viewer may decide it now.
    pub decidable: bool,
    /// The decision may add the forge group to the registry (the registry is not a file).
    pub offer_registry: bool,
    /// The forge kind the address most likely is (empty: unknown).
    pub kind_guess: &'static str,
}

fn request_view(request: PublishRequest, viewer: &Viewer, offer_registry: bool) -> RequestView {
    let decidable = request.status == RequestStatus::Pending
        && authorize(
            Some(viewer),
            Action::DecideRequest {
                organisation: &request.organisation_id,
            },
        )
        .is_ok();
    RequestView {
        status_id: match request.status {
            RequestStatus::Pending => "request-pending",
            RequestStatus::Accepted => "request-accepted",
            RequestStatus::Refused => "request-refused",
        },
        created: when(request.created_at),
        decided: request.decided_at.map(when).unwrap_or_default(),
        decidable,
        offer_registry,
        kind_guess: super::registry::guess_kind(&request.forge_url),
        request,
    }
}

/// `/publish`: ask to publish, and see one's requests.
#[derive(Template)]
#[template(path = "publish.html")]
pub struct PublishPage {
    ctx: Ctx,
    requests: Vec<RequestView>,
}

/// `GET /publish`.
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
) -> Response {
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, Action::RequestPublishing) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let requests = match state.catalog.publish_requests(Some(&viewer.email)).await {
        Ok(requests) => requests,
        Err(error) => return failed(ctx, error),
    };
    let page = PublishPage {
        requests: requests
            .into_iter()
            .map(|r| request_view(r, &viewer, super::registry::editable(&state)))
            .collect(),
        ctx,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

/// The request form.
#[derive(Debug, Deserialize)]
pub struct PublishForm {
    csrf: String,
    organisation_id: String,
    organisation: String,
    forge_url: String,
    evidence: String,
}

/// Whether `id` is an organisation identifier: 2 to 64 lower-case letters, digits and
/// dashes, starting with a letter or digit.
fn organisation_id(id: &str) -> bool {
    (2..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// `POST /publish`.
pub async fn publish_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Form(form): Form<PublishForm>,
) -> Response {
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, Action::RequestPublishing) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let ctx = match fresh_form(ctx, &viewer, &form.csrf) {
        Ok(ctx) => ctx,
        Err(response) => return *response,
    };
    let id = form.organisation_id.trim().to_lowercase();
    if !organisation_id(&id) {
        return bad(
            ctx,
            "the organisation identifier is 2 to 64 lower-case letters, digits and dashes",
        );
    }
    let name = match text(&form.organisation, 200) {
        Ok(Some(name)) => name,
        Ok(None) => return bad(ctx, "the organisation's name is missing"),
        Err(why) => return bad(ctx, format!("organisation name: {why}")),
    };
    let forge = form.forge_url.trim();
    let forge_ok = forge.len() <= 500
        && url::Url::parse(forge)
            .is_ok_and(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some());
    if !forge_ok {
        return bad(
            ctx,
            "the forge group address is an http(s) URL of at most 500 characters",
        );
    }
    let evidence = match text(&form.evidence, 2000) {
        Ok(Some(evidence)) => evidence,
        Ok(None) => return bad(ctx, "say why you speak for the organisation"),
        Err(why) => return bad(ctx, format!("evidence: {why}")),
    };
    let request = NewPublishRequest {
        organisation_id: &id,
        organisation: &name,
        forge_url: forge,
        evidence: &evidence,
    };
    match state
        .catalog
        .request_publishing(&viewer.email, &request, now())
        .await
    {
        Ok(_) => see_other(&ctx.href("/publish")),
        Err(error) => failed(ctx, error),
    }
}

/// `/admin/requests`: the queue.
#[derive(Template)]
#[template(path = "admin_requests.html")]
pub struct RequestsPage {
    ctx: Ctx,
    requests: Vec<RequestView>,
}

/// `GET /admin/requests`.
pub async fn requests(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
) -> Response {
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, Action::ReviewRequests) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let requests = match state.catalog.publish_requests(None).await {
        Ok(requests) => requests,
        Err(error) => return failed(ctx, error),
    };
    let page = RequestsPage {
        requests: requests
            .into_iter()
            .map(|r| request_view(r, &viewer, super::registry::editable(&state)))
            .collect(),
        ctx,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

/// A curator's decision form.
#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    csrf: String,
    decision: String,
    reason: String,
    /// The kind of forge to add the request's group to the registry as (empty: not added).
    #[serde(default)]
    kind: String,
}

/// `POST /admin/requests/{id}`.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> Response {
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, Action::ReviewRequests) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let ctx = match fresh_form(ctx, &viewer, &form.csrf) {
        Ok(ctx) => ctx,
        Err(response) => return *response,
    };
    let request = match state.catalog.publish_request(id).await {
        Ok(Some(request)) => request,
        Ok(None) => {
            return error_page(ctx, StatusCode::NOT_FOUND, Some(format!("no request {id}")));
        }
        Err(error) => return failed(ctx, error),
    };
    let action = Action::DecideRequest {
        organisation: &request.organisation_id,
    };
    if authorize(Some(&viewer), action).is_err() {
        return not_allowed(ctx);
    }
    let decision = match form.decision.as_str() {
        "accept" => Decision::Accept,
        "refuse" => Decision::Refuse,
        _ => return bad(ctx, "the decision is accept or refuse"),
    };
    let reason = match text(&form.reason, 1000) {
        Ok(Some(reason)) => reason,
        Ok(None) => {
            return bad(
                ctx,
                "give the reason of the decision: the requester sees it",
            );
        }
        Err(why) => return bad(ctx, format!("reason: {why}")),
    };
    let kind = match form.kind.as_str() {
        "" => None,
        word => match HostingKind::parse(word) {
            Some(kind) => Some(kind),
            None => return bad(ctx, "the forge kind is gitlab, github, gitea or git"),
        },
    };
    let registry = match kind.filter(|_| decision == Decision::Accept) {
        Some(_) if !super::registry::editable(&state) => {
            return bad(
                ctx,
                "this server crawls a registry file: add the forge group to the file",
            );
        }
        Some(kind) => {
            let added = super::registry::with_requested_hosting(
                &state,
                &request.organisation_id,
                &request.organisation,
                &request.forge_url,
                kind,
            )
            .await;
            match added {
                Ok(added) => Some(added),
                Err(RegistryChangeError::Invalid(problems)) => {
                    return bad(
                        ctx,
                        format!(
                            "the forge group cannot be added to the registry: {}",
                            problems.join("; ")
                        ),
                    );
                }
                Err(error) => return super::registry::change_failed(ctx, error),
            }
        }
        None => None,
    };
    let target = format!("publisher:{}", request.organisation_id);
    let save = registry.map(|(from, text, before, after)| {
        (
            from,
            text,
            RegistryChange {
                action: "publisher.add-hosting",
                target: &target,
                before: Some(before),
                after: Some(after),
            },
        )
    });
    // Accepting creates the organisation itself: nothing else to add.
    let save = save.as_ref().map(|(from, text, change)| RegistrySave {
        from: *from,
        text,
        change: change.clone(),
        added: &[],
    });
    match state
        .catalog
        .decide_request(id, decision, &reason, save.as_ref(), &viewer.actor(), now())
        .await
    {
        Ok(_) => {
            if save.is_some() {
                super::registry::changed(&state).await;
            }
            see_other(&ctx.href("/admin/requests"))
        }
        Err(CatalogError::NotFound(detail) | CatalogError::Conflict(detail)) => {
            error_page(ctx, StatusCode::CONFLICT, Some(detail))
        }
        Err(error) => failed(ctx, error),
    }
}

/// An audit entry as shown.
pub struct AuditRow {
    /// Its number.
    pub seq: i64,
    /// When.
    pub at: String,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// To what.
    pub target: String,
    /// The state after (JSON), or before when there is no after.
    pub change: String,
}

/// `/admin/audit`'s query.
#[derive(Debug, Deserialize)]
pub struct AuditFilter {
    actor: Option<String>,
    action: Option<String>,
    before: Option<i64>,
    #[allow(dead_code)]
    lang: Option<String>,
}

/// `/admin/audit`: the audit log, newest first.
#[derive(Template)]
#[template(path = "admin_audit.html")]
pub struct AuditLogPage {
    ctx: Ctx,
    rows: Vec<AuditRow>,
    actor: String,
    action: String,
    older: Option<String>,
}

/// `GET /admin/audit`.
pub async fn audit(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Query(filter): Query<AuditFilter>,
) -> Response {
    let (ctx, _) = match allowed(ctx, &visitor, &method, Action::ReadAudit) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let nonempty = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let actor = nonempty(filter.actor);
    let action = nonempty(filter.action);
    if actor.as_ref().is_some_and(|a| a.len() > 300)
        || action.as_ref().is_some_and(|a| a.len() > 100)
    {
        return bad(ctx, "the filter is too long");
    }
    let entries = match state
        .catalog
        .audit_entries(&AuditQuery {
            since: None,
            actor: actor.clone(),
            action: action.clone(),
            before_seq: filter.before,
            limit: AUDIT_PAGE + 1,
        })
        .await
    {
        Ok(entries) => entries,
        Err(error) => return failed(ctx, error),
    };
    let more = entries.len() as i64 > AUDIT_PAGE;
    let rows: Vec<AuditRow> = entries
        .into_iter()
        .take(AUDIT_PAGE as usize)
        .map(|e| AuditRow {
            seq: e.seq,
            at: when(e.at),
            change: e.after.or(e.before).unwrap_or_default(),
            actor: e.actor,
            action: e.action,
            target: e.target,
        })
        .collect();
    let older = more.then(|| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if let Some(a) = &actor {
            query.append_pair("actor", a);
        }
        if let Some(a) = &action {
            query.append_pair("action", a);
        }
        if let Some(last) = rows.last() {
            query.append_pair("before", &last.seq.to_string());
        }
        ctx.href(&format!("/admin/audit?{}", query.finish()))
    });
    let page = AuditLogPage {
        rows,
        actor: actor.unwrap_or_default(),
        action: action.unwrap_or_default(),
        older,
        ctx,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

/// A publisher token as shown.
pub struct TokenView {
    /// Its id.
    pub id: i64,
    /// Its label.
    pub label: String,
    /// When it was issued.
    pub issued: String,
    /// When it stops authenticating (empty: never).
    pub expires: String,
    /// When it was revoked (empty: live).
    pub revoked: String,
    /// Declarations and withdrawals made with it.
    pub uses: i64,
    /// Its scope's message id.
    pub scope_id: &'static str,
}

/// The message id of a token scope's name.
fn scope_message(scope: commons_catalog::TokenScope) -> &'static str {
    match scope {
        commons_catalog::TokenScope::Declarations => "token-scope-declarations",
        commons_catalog::TokenScope::Publishing => "token-scope-publishing",
    }
}

/// `/admin/tokens/{organisation}`: a publisher's API tokens.
#[derive(Template)]
#[template(path = "admin_tokens.html")]
pub struct TokensPage {
    ctx: Ctx,
    organisation: String,
    organisation_name: String,
    tokens: Vec<TokenView>,
    default_days: u32,
    max_days: u32,
    /// A token just issued: shown once, here.
    issued: Option<IssuedView>,
}

/// A token just issued.
pub struct IssuedView {
    /// The secret.
    pub secret: String,
    /// Until when it works.
    pub expires: String,
}

async fn tokens_page(
    state: &AppState,
    ctx: Ctx,
    organisation: String,
    issued: Option<IssuedView>,
) -> Response {
    let name = match state.catalog.organisation(&organisation).await {
        Ok(Some(org)) => org.name,
        Ok(None) => {
            return error_page(
                ctx,
                StatusCode::NOT_FOUND,
                Some(format!("no organisation {organisation:?}")),
            );
        }
        Err(error) => return failed(ctx, error),
    };
    let tokens = match state.catalog.publisher_tokens(Some(&organisation)).await {
        Ok(tokens) => tokens,
        Err(error) => return failed(ctx, error),
    };
    let (default_days, max_days) = state.access.token_days;
    let page = TokensPage {
        organisation,
        organisation_name: name,
        tokens: tokens
            .iter()
            .rev()
            .map(|t| TokenView {
                id: t.id,
                label: t.label.clone().unwrap_or_default(),
                issued: when(t.created_at),
                expires: t.expires_at.map(when).unwrap_or_default(),
                revoked: t.revoked_at.map(when).unwrap_or_default(),
                uses: t.uses,
                scope_id: scope_message(t.scope),
            })
            .collect(),
        default_days,
        max_days,
        issued,
        ctx,
    };
    let mut response = render(StatusCode::OK, &page.ctx, &page);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// `GET /admin/tokens/{organisation}`.
pub async fn tokens(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path(organisation): Path<String>,
) -> Response {
    let action = Action::ManageTokens {
        organisation: &organisation,
    };
    let (ctx, _) = match allowed(ctx, &visitor, &method, action) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    tokens_page(&state, ctx, organisation, None).await
}

/// The form that issues a token.
#[derive(Debug, Deserialize)]
pub struct IssueForm {
    csrf: String,
    #[serde(default)]
    label: String,
    days: String,
    /// `declarations` (when absent) or `publishing`.
    #[serde(default)]
    scope: String,
}

/// `POST /admin/tokens/{organisation}`: issues a token and shows it, once.
pub async fn issue_token(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path(organisation): Path<String>,
    Form(form): Form<IssueForm>,
) -> Response {
    let action = Action::ManageTokens {
        organisation: &organisation,
    };
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, action) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let ctx = match fresh_form(ctx, &viewer, &form.csrf) {
        Ok(ctx) => ctx,
        Err(response) => return *response,
    };
    let max_days = state.access.token_days.1;
    let days = match form.days.trim().parse::<u32>() {
        Ok(days) if (1..=max_days).contains(&days) => days,
        _ => return bad(ctx, format!("a token lasts from 1 to {max_days} days")),
    };
    let label = match text(&form.label, 200) {
        Ok(label) => label,
        Err(why) => return bad(ctx, format!("label: {why}")),
    };
    let scope = match form.scope.as_str() {
        "" => commons_catalog::TokenScope::Declarations,
        word => match commons_catalog::TokenScope::parse(word) {
            Some(scope) => scope,
            None => return bad(ctx, "the scope is declarations or publishing"),
        },
    };
    let at = now();
    let expires_at = at + i64::from(days) * 86_400;
    let issued = match state
        .catalog
        .issue_token_until(
            &organisation,
            label.as_deref(),
            (Some(expires_at), scope),
            at,
            &viewer.actor(),
        )
        .await
    {
        Ok(issued) => issued,
        Err(error) => return failed(ctx, error),
    };
    let shown = IssuedView {
        secret: issued.secret,
        expires: when(expires_at),
    };
    tokens_page(&state, ctx, organisation, Some(shown)).await
}

/// `POST /admin/tokens/{organisation}/{id}/revoke`.
pub async fn revoke_token(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path((organisation, id)): Path<(String, i64)>,
    Form(form): Form<TokenForm>,
) -> Response {
    let action = Action::ManageTokens {
        organisation: &organisation,
    };
    let (ctx, viewer) = match allowed(ctx, &visitor, &method, action) {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let ctx = match fresh_form(ctx, &viewer, &form.csrf) {
        Ok(ctx) => ctx,
        Err(response) => return *response,
    };
    // Only a token of this organisation: a member of one may not revoke another's.
    let owned = match state.catalog.publisher_tokens(Some(&organisation)).await {
        Ok(tokens) => tokens.iter().any(|t| t.id == id),
        Err(error) => return failed(ctx, error),
    };
    if !owned {
        return error_page(
            ctx,
            StatusCode::NOT_FOUND,
            Some(format!("no token {id} here")),
        );
    }
    match state.catalog.revoke_token(id, now(), &viewer.actor()).await {
        Ok(_) => see_other(&ctx.href(&format!("/admin/tokens/{organisation}"))),
        Err(error) => failed(ctx, error),
    }
}

/// `/admin/entries/{id}`: how curators present an entry.
#[derive(Template)]
#[template(path = "admin_entry.html")]
pub struct EntryPage {
    ctx: Ctx,
    id: String,
    /// The entry's public page.
    page_href: String,
    name: String,
    listed: bool,
    current: Option<commons_catalog::Presentation>,
    set_at: String,
}

/// The entry and the viewer's right to curate it.
async fn curated_entry(
    state: &AppState,
    ctx: Ctx,
    visitor: &Visitor,
    method: &Method,
    id: &str,
) -> Result<(Ctx, Arc<Viewer>, commons_catalog::Software), Box<Response>> {
    // Who asks first: nobody learns which entries exist before signing in.
    if visitor.viewer.is_none() {
        let (ctx, _) = allowed(ctx, visitor, method, Action::SeeOwnAccount)?;
        return Err(Box::new(error_page(ctx, StatusCode::UNAUTHORIZED, None)));
    }
    let software = match state.catalog.software(id).await {
        Ok(Some(software)) => software,
        Ok(None) => return Err(Box::new(error_page(ctx, StatusCode::NOT_FOUND, None))),
        Err(error) => return Err(Box::new(failed(ctx, error))),
    };
    let action = Action::CurateEntry {
        organisation: software.organisation_id.as_deref(),
    };
    let (ctx, viewer) = allowed(ctx, visitor, method, action)?;
    Ok((ctx, viewer, software))
}

/// `GET /admin/entries/{id}`.
pub async fn entry(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path(id): Path<String>,
) -> Response {
    let (ctx, _, software) = match curated_entry(&state, ctx, &visitor, &method, &id).await {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let current = match state.catalog.presentation(&id).await {
        Ok(current) => current,
        Err(error) => return failed(ctx, error),
    };
    let page = EntryPage {
        set_at: current.as_ref().map(|c| when(c.set_at)).unwrap_or_default(),
        name: software.name.clone(),
        listed: software.listed,
        current,
        page_href: ctx.href(&format!("/software/{id}")),
        id,
        ctx,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

/// The presentation form (unticked boxes are absent).
#[derive(Debug, Deserialize)]
pub struct EntryForm {
    csrf: String,
    #[serde(default)]
    hidden: Option<String>,
    #[serde(default)]
    featured: Option<String>,
    #[serde(default)]
    superseded_by: String,
    reason: String,
}

/// `POST /admin/entries/{id}`.
pub async fn present_entry(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path(id): Path<String>,
    Form(form): Form<EntryForm>,
) -> Response {
    let (ctx, viewer, _) = match curated_entry(&state, ctx, &visitor, &method, &id).await {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    let ctx = match fresh_form(ctx, &viewer, &form.csrf) {
        Ok(ctx) => ctx,
        Err(response) => return *response,
    };
    let reason = match text(&form.reason, 1000) {
        Ok(Some(reason)) => reason,
        Ok(None) => return bad(ctx, "give the reason: readers and the audit log see it"),
        Err(why) => return bad(ctx, format!("reason: {why}")),
    };
    let replacement = form.superseded_by.trim();
    if replacement.len() > 200 {
        return bad(ctx, "the replacing entry's id is too long");
    }
    let change = commons_catalog::PresentationChange {
        hidden: form.hidden.is_some(),
        featured: form.featured.is_some(),
        superseded_by: (!replacement.is_empty()).then_some(replacement),
        reason: &reason,
    };
    match state
        .catalog
        .set_presentation(&id, &change, &viewer.actor(), now())
        .await
    {
        Ok(_) => see_other(&ctx.href(&format!("/admin/entries/{id}"))),
        Err(error) => failed(ctx, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_identifiers_are_slugs() {
        assert!(organisation_id("wfp"));
        assert!(organisation_id("un-habitat-2"));
        for bad in ["w", "-wfp", "WFP", "wfp/x", "wfp x", &"a".repeat(65)] {
            assert!(!organisation_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn form_text_is_trimmed_bounded_and_free_of_controls() {
        assert_eq!(text("  a b \n", 10), Ok(Some("a b".into())));
        assert_eq!(text("   ", 10), Ok(None));
        assert!(text("abc", 2).is_err());
        assert!(text("a\u{7}b", 10).is_err());
        assert_eq!(text("a\nb", 10), Ok(Some("a\nb".into())));
    }
}
