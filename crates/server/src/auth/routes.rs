//! `/login`, `/auth/callback` and `/logout`.

use super::{LOGIN_COOKIE, Visitor, cookie, now, random_token};
use crate::state::AppState;
use crate::web::{Ctx, error_page};
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use commons_catalog::{LoginAttempt, Session};
use serde::Deserialize;

/// Time from the redirect to the provider to the browser's return.
const LOGIN_WINDOW: i64 = 600;

/// `/login`'s query.
#[derive(Debug, Deserialize)]
pub struct LoginParams {
    /// The page to go back to afterwards (a path on this site).
    return_to: Option<String>,
    /// Ignored: the page's language travels in `return_to`.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// A path on this site to go back to: `/` unless `wanted` is a plain local path (not
/// `//host`, not `/\host`, no scheme), at most 2,000 bytes.
pub fn safe_return_to(wanted: Option<&str>) -> String {
    match wanted {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && path.len() <= 2000
                && !path.chars().any(|c| c.is_control()) =>
        {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

/// A `303 See Other` to `location` (after a form, or on to the provider).
pub(crate) fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

fn set_cookie(response: &mut Response, value: String) {
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// `GET /login`: redirects to the provider (404 when the catalog offers no sign-in).
pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<LoginParams>,
) -> Response {
    let Some(sign_in) = &state.access.sign_in else {
        return error_page(ctx, StatusCode::NOT_FOUND, None);
    };
    let started = match sign_in.begin().await {
        Ok(started) => started,
        Err(error) => {
            tracing::warn!(%error, "sign-in could not start");
            return crate::web::error_page_with(
                ctx,
                StatusCode::BAD_GATEWAY,
                "sign-in-failed-title",
                "sign-in-failed-text",
                Some(error.to_string()),
            );
        }
    };
    let attempt = LoginAttempt {
        nonce: started.nonce,
        pkce_verifier: started.pkce_verifier,
        return_to: safe_return_to(params.return_to.as_deref()),
        expires_at: now() + LOGIN_WINDOW,
    };
    if let Err(error) = state
        .catalog
        .begin_login(&started.state, &attempt, now())
        .await
    {
        tracing::error!(%error, "sign-in could not be recorded");
        return error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None);
    }
    let mut response = see_other(started.url.as_str());
    // Lax: sent back on the provider's top-level redirect to the callback, not on requests
    // other sites make.
    set_cookie(
        &mut response,
        format!(
            "{LOGIN_COOKIE}={}; Path=/auth/callback; HttpOnly; SameSite=Lax; Max-Age={LOGIN_WINDOW}",
            started.state
        ),
    );
    response
}

/// `/auth/callback`'s query: the provider's answer.
#[derive(Debug, Deserialize)]
pub struct CallbackParams {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
    /// The issuer, when the provider names itself (RFC 9207).
    iss: Option<String>,
}

/// `GET /auth/callback`: completes the sign-in the browser started, once.
pub async fn callback(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(params): Query<CallbackParams>,
) -> Response {
    let Some(sign_in) = &state.access.sign_in else {
        return error_page(ctx, StatusCode::NOT_FOUND, None);
    };
    let refuse = |ctx, detail: String| {
        let mut page = crate::web::error_page_with(
            ctx,
            StatusCode::BAD_REQUEST,
            "sign-in-failed-title",
            "sign-in-failed-text",
            Some(detail),
        );
        set_cookie(&mut page, expired(LOGIN_COOKIE, "/auth/callback"));
        page
    };
    if let Some(error) = params.error {
        let description = params.error_description.unwrap_or_default();
        return refuse(
            ctx,
            format!("the sign-in provider answered {error:?}: {description}")
                .chars()
                .take(500)
                .collect(),
        );
    }
    // An answer naming another issuer comes from another provider (a mix-up attack).
    if let Some(iss) = &params.iss
        && iss.trim_end_matches('/') != sign_in.issuer().trim_end_matches('/')
    {
        return refuse(
            ctx,
            format!("the answer comes from another issuer ({iss:?})"),
        );
    }
    let (Some(code), Some(returned_state)) = (params.code, params.state) else {
        return refuse(ctx, "the sign-in answer lacks its code or state".into());
    };
    // The state must be the one this browser was given, and one the catalog still waits for.
    let started_here = cookie(&headers, LOGIN_COOKIE).is_some_and(|kept| {
        use subtle::ConstantTimeEq;
        kept.len() == returned_state.len()
            && bool::from(kept.as_bytes().ct_eq(returned_state.as_bytes()))
    });
    if !started_here {
        return refuse(
            ctx,
            "this sign-in was not started in this browser: sign in again".into(),
        );
    }
    let attempt = match state.catalog.take_login(&returned_state, now()).await {
        Ok(Some(attempt)) => attempt,
        Ok(None) => {
            return refuse(
                ctx,
                "this sign-in was used already or has expired: sign in again".into(),
            );
        }
        Err(error) => {
            tracing::error!(%error, "sign-in lookup failed");
            return error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None);
        }
    };
    let identity = match sign_in.finish(&code, &attempt).await {
        Ok(identity) => identity,
        Err(error) => {
            tracing::warn!(%error, "sign-in refused");
            return refuse(ctx, error.to_string());
        }
    };
    let (Ok(token), Ok(csrf)) = (random_token(), random_token()) else {
        return error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None);
    };
    let lifetime = i64::try_from(state.access.session_lifetime.as_secs()).unwrap_or(i64::MAX);
    let at = now();
    let session = Session {
        subject: identity.subject,
        email: identity.email,
        name: identity.name,
        csrf,
        id_token: Some(identity.id_token),
        created_at: at,
        expires_at: at.saturating_add(lifetime),
    };
    if let Err(error) = state.catalog.open_session(&token, &session, at).await {
        tracing::error!(%error, "session could not be recorded");
        return error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None);
    }
    tracing::info!(email = %session.email, "signed in");
    let mut response = see_other(&attempt.return_to);
    set_cookie(
        &mut response,
        format!(
            "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={lifetime}",
            state.access.session_cookie()
        ),
    );
    set_cookie(&mut response, expired(LOGIN_COOKIE, "/auth/callback"));
    response
}

/// A `Set-Cookie` that removes cookie `name`.
fn expired(name: &str, path: &str) -> String {
    format!("{name}=; Path={path}; HttpOnly; SameSite=Lax; Max-Age=0")
}

/// The sign-out form.
#[derive(Debug, Deserialize)]
pub struct LogoutForm {
    csrf: String,
}

/// `POST /logout`: ends the session, then goes on to the provider's logout when it offers
/// one, else to the home page.
pub async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    visitor: Visitor,
    headers: HeaderMap,
    Form(form): Form<LogoutForm>,
) -> Response {
    let Some(viewer) = visitor.viewer else {
        return see_other("/");
    };
    let ctx = match crate::web::admin::fresh_form(ctx, &viewer, &form.csrf) {
        Ok(ctx) => ctx,
        Err(response) => return *response,
    };
    let cookie_name = state.access.session_cookie();
    let closed = match cookie(&headers, cookie_name) {
        Some(token) => state.catalog.close_session(token, now()).await,
        None => Ok(None),
    };
    let id_token = match closed {
        Ok(session) => session.and_then(|s| s.id_token),
        Err(error) => {
            tracing::error!(%error, "session could not be closed");
            return error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None);
        }
    };
    let next = match &state.access.sign_in {
        Some(sign_in) => sign_in.logout_url(id_token.as_deref()).await,
        None => None,
    };
    let mut response = see_other(next.as_ref().map_or("/", |u| u.as_str()));
    set_cookie(&mut response, expired(cookie_name, "/"));
    response
}

#[cfg(test)]
mod tests {
    use super::safe_return_to;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(safe_return_to(Some("/admin?lang=fr")), "/admin?lang=fr");
        for hostile in [
            "//evil.example/",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "/a\nb",
            "",
        ] {
            assert_eq!(safe_return_to(Some(hostile)), "/", "{hostile:?}");
        }
        assert_eq!(safe_return_to(None), "/");
    }
}
