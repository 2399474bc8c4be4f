//! `/admin/declarations/{id}`: the members of the organisation that publishes an entry declare
//! in the browser what an assessment cannot detect (SDG relevance, privacy and applicable laws,
//! do no harm...), and withdraw a declaration, as its API tokens do through
//! `/api/v1/software/{id}/declarations`. The same checks apply; the catalog records the member
//! (not a token) and the audit log names them.

use super::admin::{allowed, failed, fresh_form, when};
use super::{Ctx, error_page, render};
use crate::api::declarations::{DeclarationBody, check};
use crate::auth::routes::see_other;
use crate::auth::{Action, Viewer, Visitor, now};
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use commons_assess::principles::{is_declaration_only, is_item_id, item_ids};
use commons_catalog::{CatalogError, Declarant, StoredDeclaration};
use std::sync::Arc;

/// One principle or indicator, as the page shows it.
pub struct ItemView {
    /// Its id.
    pub id: &'static str,
    /// Its label's message id.
    pub label_id: String,
    /// Its current declaration.
    pub current: Option<StoredDeclaration>,
    /// When the current declaration was made.
    pub declared: String,
    /// Who made it: a member's address, or `token N`.
    pub declared_through: String,
    /// The form's values (the current declaration's, or what was sent and refused).
    pub form: FormValues,
    /// Why the form sent for it was refused.
    pub problem: Option<String>,
}

/// A declaration form's values.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct FormValues {
    #[serde(default)]
    by: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    statement: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    not_applicable: Option<String>,
}

impl FormValues {
    fn of(current: Option<&StoredDeclaration>, viewer: &Viewer) -> FormValues {
        match current {
            Some(d) => FormValues {
                by: d.by.clone(),
                role: d.role.clone().unwrap_or_default(),
                statement: d.statement.clone().unwrap_or_default(),
                url: d.url.clone().unwrap_or_default(),
                not_applicable: d.not_applicable.then(|| "1".into()),
            },
            None => FormValues {
                by: viewer.name.clone(),
                ..FormValues::default()
            },
        }
    }

    /// Whether "does not apply" is ticked.
    pub fn not_applicable(&self) -> bool {
        self.not_applicable.is_some()
    }
}

/// `/admin/declarations/{id}`.
#[derive(Template)]
#[template(path = "admin_declarations.html")]
pub struct DeclarationsPage {
    ctx: Ctx,
    id: String,
    name: String,
    page_href: String,
    /// The items only a publisher can show, first.
    declaration_only: Vec<ItemView>,
    /// The other principles and indicators.
    others: Vec<ItemView>,
}

/// The entry (listed or not) and the viewer's right to declare for it.
async fn declarable(
    state: &AppState,
    ctx: Ctx,
    visitor: &Visitor,
    method: &Method,
    id: &str,
) -> Result<(Ctx, Arc<Viewer>, commons_catalog::Software, String), Box<Response>> {
    // Who asks first: nobody learns which entries exist before signing in.
    let (ctx, _) = allowed(ctx, visitor, method, Action::SeeOwnAccount)?;
    let software = match state.catalog.software(id).await {
        Ok(Some(software)) => software,
        Ok(None) => return Err(Box::new(error_page(ctx, StatusCode::NOT_FOUND, None))),
        Err(error) => return Err(Box::new(failed(ctx, error))),
    };
    let Some(organisation) = software.organisation_id.clone() else {
        return Err(Box::new(error_page(
            ctx,
            StatusCode::NOT_FOUND,
            Some("this entry has no publishing organisation: nobody may declare for it".into()),
        )));
    };
    let action = Action::Declare {
        organisation: &organisation,
    };
    let (ctx, viewer) = allowed(ctx, visitor, method, action)?;
    Ok((ctx, viewer, software, organisation))
}

/// What a refused form leaves on the page: its item, its values and why.
type Refused = (String, FormValues, String);

async fn page(
    state: &AppState,
    ctx: Ctx,
    viewer: &Viewer,
    software: &commons_catalog::Software,
    refused: Option<Refused>,
) -> Response {
    let current = match state.catalog.current_declarations(&software.id).await {
        Ok(current) => current,
        Err(error) => return failed(ctx, error),
    };
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (mut declaration_only, mut others) = (Vec::new(), Vec::new());
    for id in item_ids() {
        let found = current.iter().find(|d| d.item == id).cloned();
        let (form, problem) = match &refused {
            Some((item, values, why)) if item == id => (values.clone(), Some(why.clone())),
            _ => (FormValues::of(found.as_ref(), viewer), None),
        };
        let view = ItemView {
            id,
            label_id: format!("indicator-{id}"),
            declared: found
                .as_ref()
                .map(|d| when(d.declared_at))
                .unwrap_or_default(),
            declared_through: found
                .as_ref()
                .map(|d| match (&d.member, d.token_id) {
                    (Some(member), _) => member.clone(),
                    (None, Some(token)) => format!("API token {token}"),
                    (None, None) => String::new(),
                })
                .unwrap_or_default(),
            current: found,
            form,
            problem,
        };
        if is_declaration_only(id) {
            declaration_only.push(view);
        } else {
            others.push(view);
        }
    }
    let page = DeclarationsPage {
        id: software.id.clone(),
        name: software.name.clone(),
        page_href: ctx.href(&format!("/software/{}", software.id)),
        declaration_only,
        others,
        ctx,
    };
    render(status, &page.ctx, &page)
}

/// `GET /admin/declarations/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path(id): Path<String>,
) -> Response {
    let (ctx, viewer, software, _) = match declarable(&state, ctx, &visitor, &method, &id).await {
        Ok(ok) => ok,
        Err(response) => return *response,
    };
    page(&state, ctx, &viewer, &software, None).await
}

/// A declaration form as sent.
#[derive(Debug, serde::Deserialize)]
pub struct DeclarationForm {
    csrf: String,
    /// `declare` or `withdraw`.
    action: String,
    #[serde(flatten)]
    values: FormValues,
}

/// `POST /admin/declarations/{id}/{item}`.
pub async fn write(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    method: Method,
    Path((id, item)): Path<(String, String)>,
    Form(form): Form<DeclarationForm>,
) -> Response {
    let (ctx, viewer, software, organisation) =
        match declarable(&state, ctx, &visitor, &method, &id).await {
            Ok(ok) => ok,
            Err(response) => return *response,
        };
    let ctx = match fresh_form(ctx, &viewer, &form.csrf) {
        Ok(ctx) => ctx,
        Err(response) => return *response,
    };
    if !is_item_id(&item) {
        return error_page(
            ctx,
            StatusCode::NOT_FOUND,
            Some(format!("no item {item:?}")),
        );
    }
    let declarant = Declarant::Member {
        email: &viewer.email,
        organisation: &organisation,
    };
    let written = match form.action.as_str() {
        "declare" => {
            let values = form.values.clone();
            let body = DeclarationBody {
                by: values.by,
                role: Some(values.role),
                statement: Some(values.statement),
                url: Some(values.url),
                not_applicable: values.not_applicable.is_some(),
            };
            let declaration = match check(body) {
                Ok(declaration) => declaration,
                Err(why) => {
                    let refused = Some((item, form.values, why));
                    return page(&state, ctx, &viewer, &software, refused).await;
                }
            };
            state
                .catalog
                .declare_as(&id, &item, &declaration, declarant, now())
                .await
                .map(|_| ())
        }
        "withdraw" => state
            .catalog
            .withdraw_as(&id, &item, declarant, now())
            .await
            .map(|_| ()),
        _ => {
            return error_page(
                ctx,
                StatusCode::BAD_REQUEST,
                Some("the action is declare or withdraw".into()),
            );
        }
    };
    match written {
        Ok(()) => {
            let page = ctx.href(&format!("/admin/declarations/{id}"));
            see_other(&format!("{page}#item-{item}"))
        }
        Err(CatalogError::Refused(refusal)) => {
            error_page(ctx, StatusCode::FORBIDDEN, Some(refusal.to_string()))
        }
        Err(error) => failed(ctx, error),
    }
}
